// decode_yaml.c - YAML files to values with origins, through libyaml.
//
// Reads libyaml's parser events into values typed with the YAML 1.2 core
// schema (tags: the core ones only). libyaml's marks count characters, so a
// cursor turns them into byte offsets. Anchors and aliases are expanded by
// sharing the anchored value, with limits on the expanded size and depth
// (alias bombs). One document per file. The parser never leaves this file.
#include "decode/decode_impl.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/buf.h"
#include "base/hash.h"
#include "base/utf8.h"

// Alias expansions allowed in one YAML document, counted in values: the
// "billion laughs" document expands 9 aliases into 10^9 values.
#define DECODE_MAX_EXPANDED 1000000u

// --- YAML: reader state ----------------------------------------------------

typedef struct Node {
    Value *val;      // NULL after a fatal error (the reader stops)
    Span span;       // where the node (or the alias naming it) is written
    uint64_t size;   // values in the node with every alias expanded
    uint32_t height; // collections nested in it with aliases expanded (a scalar: 0)
} Node;

typedef struct Anchor {
    const char *name; // NULL: a free slot
    Node node;
} Anchor;

typedef struct YamlReader {
    Decoder *d;
    yaml_parser_t parser;
    yaml_event_t event; // the current event, owned while has_event
    bool has_event;
    bool stop;          // a parser error or a limit: nothing more is read
    size_t mark_index;  // cursor turning libyaml's character counts into
    uint32_t mark_byte; // byte offsets: character mark_index is at mark_byte
    Anchor *anchors;    // open addressing by name; a redefinition replaces
    uint32_t anchor_cap, anchor_count;
    uint64_t expanded; // values added by alias expansions so far
    bool cfn;          // CloudFormation's short-form tags (!Ref, !Sub ...) allowed
} YamlReader;

// libyaml counts characters (a BOM not included); walk there from the last
// mark, forward or back, over well-formed UTF-8.
static uint32_t mark_offset(YamlReader *r, const yaml_mark_t *m)
{
    const Decoder *d = r->d;
    while (r->mark_index < m->index && r->mark_byte < d->len) {
        r->mark_byte += decode_utf8_length((const unsigned char *)d->text, r->mark_byte, d->len);
        r->mark_index++;
    }
    while (r->mark_index > m->index && r->mark_byte > 0) {
        r->mark_byte = (uint32_t)utf8_back(d->text, r->mark_byte);
        r->mark_index--;
    }
    return r->mark_byte;
}

// The span between two marks, without trailing white space (block
// scalars end at the next line's start).
static Span marks_span(YamlReader *r, const yaml_mark_t *start, const yaml_mark_t *end)
{
    uint32_t s = mark_offset(r, start);
    uint32_t e = mark_offset(r, end);
    while (e > s && strchr(" \t\r\n", r->d->text[e - 1]))
        e--;
    return decode_span(r->d, s, e);
}

static Span event_span(YamlReader *r)
{
    return marks_span(r, &r->event.start_mark, &r->event.end_mark);
}

// A one-character span at a mark (empty at the end of the text).
static Span mark_span(YamlReader *r, const yaml_mark_t *m)
{
    uint32_t s = mark_offset(r, m);
    uint32_t n =
        s < r->d->len ? decode_utf8_length((const unsigned char *)r->d->text, s, r->d->len) : 0;
    return decode_span(r->d, s, s + n);
}

static void report_parser_error(YamlReader *r)
{
    const yaml_parser_t *p = &r->parser;
    const char *problem = p->problem ? p->problem : "unreadable input";
    if (p->error == YAML_MEMORY_ERROR) {
        arena_out_of_memory("reading YAML");
    }
    Span at;
    if (p->error == YAML_READER_ERROR) {
        size_t raw = p->problem_offset + decode_bom_length(r->d); // libyaml never saw the BOM
        uint32_t off = raw < r->d->len ? (uint32_t)raw : r->d->len;
        at = decode_span(r->d, off, off < r->d->len ? off + 1 : off);
    } else {
        at = mark_span(r, &p->problem_mark);
    }
    Diag *g = diag_error(r->d->diags, E_BAD_YAML, at, "invalid YAML: %s", problem);
    if (p->context && p->error != YAML_READER_ERROR)
        diag_note_at(r->d->diags, g, mark_span(r, &p->context_mark), "%s", p->context);
}

// Moves to the next event; false (with the reader stopped) on an error.
static bool next_event(YamlReader *r)
{
    if (r->has_event)
        yaml_event_delete(&r->event);
    r->has_event = false;
    if (r->stop)
        return false;
    if (!yaml_parser_parse(&r->parser, &r->event)) {
        report_parser_error(r);
        r->stop = true;
        return false;
    }
    r->has_event = true;
    return true;
}

// --- YAML: anchors -------------------------------------------------------------

static Anchor *anchor_slot(YamlReader *r, const char *name)
{
    uint32_t h = hash_fnv32(name, strlen(name));
    uint32_t mask = r->anchor_cap - 1;
    uint32_t i = h & mask;
    while (r->anchors[i].name && strcmp(r->anchors[i].name, name) != 0)
        i = (i + 1) & mask;
    return &r->anchors[i];
}

static void anchor_define(YamlReader *r, const char *name, Node node)
{
    if ((r->anchor_count + 1) * 2 > r->anchor_cap) {
        Anchor *old = r->anchors;
        uint32_t old_cap = r->anchor_cap;
        r->anchor_cap = old_cap ? old_cap * 2 : 16;
        r->anchors = arena_alloc(r->d->a, (size_t)r->anchor_cap * sizeof(Anchor));
        for (uint32_t i = 0; i < old_cap; i++)
            if (old[i].name)
                *anchor_slot(r, old[i].name) = old[i];
    }
    Anchor *slot = anchor_slot(r, name);
    if (!slot->name) {
        slot->name = name;
        r->anchor_count++;
    }
    slot->node = node;
}

static const Anchor *anchor_find(YamlReader *r, const char *name)
{
    if (r->anchor_cap == 0)
        return NULL;
    const Anchor *slot = anchor_slot(r, name);
    return slot->name ? slot : NULL;
}

// --- YAML: tags and the core schema --------------------------------------------

typedef enum CoreTag {
    TAG_NONE, // no tag: resolved from the scalar's text and style
    TAG_BANG, // "!": a string for scalars, nothing for collections
    TAG_STR,
    TAG_INT,
    TAG_FLOAT,
    TAG_BOOL,
    TAG_NULL,
    TAG_MAP,
    TAG_SEQ,
    TAG_OTHER, // anything else: an error
} CoreTag;

#define CORE_PREFIX "tag:yaml.org,2002:"

static CoreTag core_tag(const yaml_char_t *tag)
{
    static const struct {
        const char *name;
        CoreTag tag;
    } core[] = {
        {"str", TAG_STR},   {"int", TAG_INT}, {"float", TAG_FLOAT}, {"bool", TAG_BOOL},
        {"null", TAG_NULL}, {"map", TAG_MAP}, {"seq", TAG_SEQ},
    };
    const char *t = (const char *)tag;
    if (!t)
        return TAG_NONE;
    if (strcmp(t, "!") == 0)
        return TAG_BANG;
    size_t n = strlen(CORE_PREFIX);
    if (strncmp(t, CORE_PREFIX, n) != 0)
        return TAG_OTHER;
    for (size_t i = 0; i < sizeof core / sizeof core[0]; i++)
        if (strcmp(t + n, core[i].name) == 0)
            return core[i].tag;
    return TAG_OTHER;
}

// The tag as written: "!!int" for the core ones, else unchanged.
static const char *tag_text(Arena *a, const yaml_char_t *tag)
{
    const char *t = (const char *)tag;
    size_t n = strlen(CORE_PREFIX);
    if (strncmp(t, CORE_PREFIX, n) == 0)
        return arena_printf(a, "!!%s", t + n);
    return t;
}

static void report_tag(YamlReader *r, const yaml_char_t *tag, Span span, const char *what)
{
    const char *text = tag_text(r->d->a, tag);
    const char *shown = decode_quote(r->d->a, text, strlen(text));
    if (core_tag(tag) == TAG_OTHER) {
        Diag *g = diag_error(r->d->diags, E_YAML_TAG, span, "unsupported YAML tag %s", shown);
        diag_note(r->d->diags, g,
                  "hclc reads the YAML 1.2 core tags only: !!str !!int !!float !!bool !!null "
                  "!!map !!seq");
        if (r->cfn)
            diag_note(r->d->diags, g,
                      "and in a CloudFormation template the short forms !Ref !Condition !Sub "
                      "!GetAtt !Join !Select !Split !ImportValue !If !Equals !And !Or !Not "
                      "!FindInMap !Base64 !GetAZs !Cidr !Transform !Length !ToJsonString");
    } else {
        diag_error(r->d->diags, E_YAML_TAG, span, "YAML tag %s on %s", shown, what);
    }
}

// The long-form key of a CloudFormation short-form tag ("!Ref" -> "Ref",
// "!Sub" -> "Fn::Sub"), or NULL when `tag` is not one or the reader does not
// take them.
static const char *cfn_function(const YamlReader *r, const yaml_char_t *tag)
{
    static const char *const names[] = {
        "Base64",    "Cidr",        "Equals", "FindInMap", "GetAZs", "GetAtt",
        "If",        "ImportValue", "Join",   "Select",    "Split",  "Sub",
        "Transform", "And",         "Or",     "Not",       "Length", "ToJsonString",
    };
    const char *t = (const char *)tag;
    if (!r->cfn || !t || t[0] != '!')
        return NULL;
    // Never a pointer into the tag: libyaml frees it with the event, before
    // the node's last event is read.
    if (strcmp(t, "!Ref") == 0)
        return "Ref";
    if (strcmp(t, "!Condition") == 0)
        return "Condition";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(t + 1, names[i]) == 0)
            return arena_printf(r->d->a, "Fn::%s", names[i]);
    return NULL;
}

// {"Ref": v} / {"Fn::X": v} flagged VALF_INTRINSIC; "!GetAtt a.b" becomes
// {"Fn::GetAtt": ["a", "b"]} as in the long form.
static Value *cfn_long_form(YamlReader *r, const char *fn, Value *v, Span span)
{
    Arena *a = r->d->a;
    if (strcmp(fn, "Fn::GetAtt") == 0 && v->kind == VAL_STRING && strchr(v->as.str.ptr, '.')) {
        const char *dot = strchr(v->as.str.ptr, '.');
        Value *pair = value_list_new(a, v->origin, 2);
        pair->as.list.items[0] =
            value_string(a, v->origin, v->as.str.ptr, (size_t)(dot - v->as.str.ptr));
        pair->as.list.items[1] = value_cstring(a, v->origin, dot + 1);
        v = pair;
    }
    Value *obj = value_object_new(a, span, 1);
    value_object_put(a, obj, fn, strlen(fn), v);
    obj->flags |= VALF_INTRINSIC;
    return obj;
}

static bool all_of(const char *s, size_t len, const char *set)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!s[i] || !strchr(set, s[i]))
            return false;
    return true;
}

static bool text_is(const char *s, size_t len, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
            return true;
    return false;
}

static const char *const null_words[] = {"", "~", "null", "Null", "NULL", NULL};
static const char *const true_words[] = {"true", "True", "TRUE", NULL};
static const char *const false_words[] = {"false", "False", "FALSE", NULL};

#define DIGITS "0123456789"

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
static bool core_is_int(const char *s, size_t len)
{
    if (len > 2 && s[0] == '0' && s[1] == 'o')
        return all_of(s + 2, len - 2, "01234567");
    if (len > 2 && s[0] == '0' && s[1] == 'x')
        return all_of(s + 2, len - 2, DIGITS "abcdefABCDEF");
    if (len > 0 && (s[0] == '-' || s[0] == '+'))
        return all_of(s + 1, len - 1, DIGITS);
    return all_of(s, len, DIGITS);
}

static size_t count_digits(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

static bool core_is_special_float(const char *s, size_t len)
{
    static const char *const inf[] = {".inf", ".Inf", ".INF", NULL};
    static const char *const nan[] = {".nan", ".NaN", ".NAN", NULL};
    if (text_is(s, len, nan))
        return true;
    if (len > 0 && (s[0] == '-' || s[0] == '+'))
        return text_is(s + 1, len - 1, inf);
    return text_is(s, len, inf);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.inf | \.nan
static bool core_is_float(const char *s, size_t len)
{
    if (core_is_special_float(s, len))
        return true;
    size_t i = len > 0 && (s[0] == '-' || s[0] == '+');
    size_t whole = count_digits(s + i, len - i);
    i += whole;
    size_t frac = 0;
    bool point = i < len && s[i] == '.';
    if (point) {
        i++;
        frac = count_digits(s + i, len - i);
        i += frac;
    }
    if (whole == 0 && frac == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            i++;
        size_t exp = count_digits(s + i, len - i);
        if (exp == 0)
            return false;
        i += exp;
    }
    return i == len;
}

static CoreTag resolve_plain(const char *s, size_t len)
{
    if (text_is(s, len, null_words))
        return TAG_NULL;
    if (text_is(s, len, true_words) || text_is(s, len, false_words))
        return TAG_BOOL;
    if (core_is_int(s, len))
        return TAG_INT;
    if (core_is_float(s, len))
        return TAG_FLOAT;
    return TAG_STR;
}

// The value of a text matching core_is_int (doubles round beyond 2^53).
static double int_value(const char *s, size_t len)
{
    if (len > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
        double base = s[1] == 'o' ? 8 : 16, n = 0;
        for (size_t i = 2; i < len; i++)
            n = n * base + char_hex_value(s[i]);
        return n;
    }
    return strtod(s, NULL);
}

// --- YAML: scalars -----------------------------------------------------------

static Value *bad_scalar(YamlReader *r, Span span, const char *type, const char *s, size_t len)
{
    diag_error(r->d->diags, E_YAML_TAG, span, "%s is not a valid YAML !!%s",
               decode_quote(r->d->a, s, len), type);
    return value_invalid(r->d->a, span);
}

static Value *number_scalar(YamlReader *r, Span span, CoreTag tag, const char *s, size_t len)
{
    bool is_int = core_is_int(s, len);
    if (!is_int && (tag == TAG_INT || !core_is_float(s, len)))
        return bad_scalar(r, span, tag == TAG_INT ? "int" : "float", s, len);
    if (!is_int && core_is_special_float(s, len)) {
        Diag *g = diag_error(r->d->diags, E_NUMBER_RANGE, span,
                             "YAML number %s is not representable in JSON",
                             decode_quote(r->d->a, s, len));
        diag_help(r->d->diags, g, "quote it to make it a string");
        return value_invalid(r->d->a, span);
    }
    double n = is_int ? int_value(s, len) : strtod(s, NULL);
    if (isinf(n)) {
        diag_error(r->d->diags, E_NUMBER_RANGE, span, "number %s is out of range",
                   decode_quote(r->d->a, s, len));
        return value_invalid(r->d->a, span);
    }
    if (is_int && !value_int_text_exact(s, len)) {
        Diag *g = diag_error(r->d->diags, E_INEXACT_INTEGER, span,
                             "integer %s cannot be held exactly", decode_quote(r->d->a, s, len));
        diag_help(r->d->diags, g,
                  "integers are exact up to 9007199254740992 (2^53); quote a "
                  "larger one to make it a string");
        return value_invalid(r->d->a, span);
    }
    return value_number(r->d->a, span, n);
}

static Value *string_scalar(YamlReader *r, Span span, const char *s, size_t len)
{
    if (memchr(s, '\0', len)) {
        diag_error(r->d->diags, E_NUL_IN_STRING, span, "string holds a NUL character (\\0)");
        return value_invalid(r->d->a, span);
    }
    return value_string(r->d->a, span, s, len);
}

// Types the current SCALAR event: its tag, else the core schema for plain
// scalars; quoted and block scalars are strings.
static Value *scalar_value(YamlReader *r, Span span)
{
    const yaml_event_t *ev = &r->event;
    const char *s = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    CoreTag tag = cfn_function(r, ev->data.scalar.tag) ? TAG_STR : core_tag(ev->data.scalar.tag);
    if (tag == TAG_NONE)
        tag = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? resolve_plain(s, len) : TAG_STR;
    switch (tag) {
    case TAG_NONE:
    case TAG_BANG:
    case TAG_STR:
        return string_scalar(r, span, s, len);
    case TAG_NULL:
        if (!text_is(s, len, null_words))
            return bad_scalar(r, span, "null", s, len);
        return value_null(r->d->a, span);
    case TAG_BOOL:
        if (text_is(s, len, true_words))
            return value_bool(r->d->a, span, true);
        if (text_is(s, len, false_words))
            return value_bool(r->d->a, span, false);
        return bad_scalar(r, span, "bool", s, len);
    case TAG_INT:
    case TAG_FLOAT:
        return number_scalar(r, span, tag, s, len);
    case TAG_MAP:
    case TAG_SEQ:
    case TAG_OTHER:
        report_tag(r, ev->data.scalar.tag, span, "a scalar");
        return value_invalid(r->d->a, span);
    }
    return value_invalid(r->d->a, span);
}

// --- YAML: nodes -----------------------------------------------------------

static Node parse_node(YamlReader *r, unsigned depth);

static Node stopped(void)
{
    Node n = {NULL, span_none(), 0, 0};
    return n;
}

static Node make_node(Value *v, Span span, uint64_t size, uint32_t height)
{
    Node n = {v, span, size, height};
    return n;
}

static const char *copy_name(YamlReader *r, const yaml_char_t *s)
{
    return s ? arena_strdup(r->d->a, (const char *)s) : NULL;
}

// Checks the tag of a collection (NULL, "!" or its own core tag).
static void check_collection_tag(YamlReader *r, const yaml_char_t *tag, CoreTag own, Span span)
{
    CoreTag t = core_tag(tag);
    if (cfn_function(r, tag))
        return;
    if (t != TAG_NONE && t != TAG_BANG && t != own)
        report_tag(r, tag, span, own == TAG_MAP ? "a mapping" : "a sequence");
}

// Ends a collection: its span runs to the closer of a flow collection, or
// to the end of the last item of a block one.
static Span collection_span(YamlReader *r, Span start, uint32_t last_end, bool flow)
{
    uint32_t end = flow ? mark_offset(r, &r->event.end_mark) : last_end;
    return decode_span(r->d, start.start, end > start.end ? end : start.end);
}

static void add_child_size(Node *parent, const Node *child)
{
    parent->size += child->size;
    if (child->height + 1 > parent->height)
        parent->height = child->height + 1;
}

static Node parse_sequence(YamlReader *r, unsigned depth)
{
    Span start = event_span(r);
    bool flow = r->event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    check_collection_tag(r, r->event.data.sequence_start.tag, TAG_SEQ, start);
    Node self = make_node(NULL, start, 1, 1);
    Value **items = NULL;
    uint32_t count = 0, cap = 0, last_end = start.end;
    while (next_event(r) && r->event.type != YAML_SEQUENCE_END_EVENT) {
        Node child = parse_node(r, depth + 1);
        if (!child.val)
            return stopped();
        add_child_size(&self, &child);
        BUF_RESERVE(r->d->a, items, count, cap);
        items[count++] = child.val;
        last_end = child.span.end;
    }
    if (r->stop)
        return stopped();
    self.span = collection_span(r, start, last_end, flow);
    self.val = value_list_new(r->d->a, self.span, count);
    if (count)
        memcpy(self.val->as.list.items, items, count * sizeof(Value *));
    return self;
}

// The text of an alias used as a key: scalars only.
static const char *alias_key_text(YamlReader *r, const Value *v)
{
    char buf[VALUE_NUMBER_BUF];
    switch (v->kind) {
    case VAL_STRING:
        return v->as.str.ptr;
    case VAL_NUMBER:
        return arena_strdup(r->d->a, value_number_text(v->as.number, buf));
    case VAL_BOOL:
        return v->as.boolean ? "true" : "false";
    case VAL_NULL:
        return "null";
    case VAL_INVALID:
    case VAL_LIST:
    case VAL_OBJECT:
        return NULL;
    }
    return NULL;
}

// Reads the key at the current event: a scalar's text as written, or the
// text of an aliased scalar. Returns NULL for a collection (reported; its
// events are consumed) or a bad key.
static const char *parse_key(YamlReader *r, unsigned depth, Span *span, size_t *len)
{
    if (r->event.type == YAML_SCALAR_EVENT) {
        *span = event_span(r);
        const char *s = (const char *)r->event.data.scalar.value;
        *len = r->event.data.scalar.length;
        CoreTag t = core_tag(r->event.data.scalar.tag);
        if (t == TAG_OTHER || t == TAG_MAP || t == TAG_SEQ) {
            report_tag(r, r->event.data.scalar.tag, *span, "a scalar");
            return NULL;
        }
        if (memchr(s, '\0', *len)) {
            diag_error(r->d->diags, E_NUL_IN_STRING, *span, "key holds a NUL character (\\0)");
            return NULL;
        }
        Value *text = value_string(r->d->a, *span, s, *len);
        if (r->event.data.scalar.anchor) // an alias of a key means its text
            anchor_define(r, copy_name(r, r->event.data.scalar.anchor),
                          make_node(text, *span, 1, 0));
        return text->as.str.ptr;
    }
    Node key = parse_node(r, depth + 1);
    if (!key.val)
        return NULL;
    *span = key.span;
    const char *text = alias_key_text(r, key.val);
    if (text) {
        *len = strlen(text);
        return text;
    }
    if (key.val->kind != VAL_INVALID)
        diag_error(r->d->diags, E_YAML_KEY, key.span, "YAML mapping key is %s, not a scalar",
                   key.val->kind == VAL_OBJECT ? "a mapping" : "a sequence");
    return NULL;
}

static Node parse_mapping(YamlReader *r, unsigned depth)
{
    Span start = event_span(r);
    bool flow = r->event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    check_collection_tag(r, r->event.data.mapping_start.tag, TAG_MAP, start);
    Node self = make_node(NULL, start, 1, 1);
    Value *obj = value_object_new(r->d->a, start, 0);
    KeySpans keys = {NULL, 0};
    uint32_t last_end = start.end;
    while (next_event(r) && r->event.type != YAML_MAPPING_END_EVENT) {
        Span key_span;
        size_t key_len = 0;
        const char *key = parse_key(r, depth, &key_span, &key_len);
        if (r->stop || !next_event(r))
            return stopped();
        Node child = parse_node(r, depth + 1);
        if (!child.val)
            return stopped();
        add_child_size(&self, &child);
        if (key)
            decode_put_member(r->d, obj, &keys, key, key_len, key_span, child.val);
        last_end = child.span.end;
    }
    if (r->stop)
        return stopped();
    self.span = collection_span(r, start, last_end, flow);
    obj->origin = self.span;
    self.val = obj;
    return self;
}

static Node parse_alias(YamlReader *r, unsigned depth)
{
    Span span = event_span(r);
    const char *name = (const char *)r->event.data.alias.anchor;
    const Anchor *an = anchor_find(r, name);
    if (!an) {
        diag_error(r->d->diags, E_YAML_ALIAS, span, "undefined YAML alias %s",
                   decode_quote(r->d->a, name, strlen(name)));
        return make_node(value_invalid(r->d->a, span), span, 1, 0);
    }
    r->expanded += an->node.size;
    if (r->expanded > DECODE_MAX_EXPANDED) {
        diag_error(r->d->diags, E_YAML_ALIAS, span, "YAML aliases expand to more than %u values",
                   DECODE_MAX_EXPANDED);
        r->stop = true;
        return stopped();
    }
    if (depth + an->node.height > DECODE_MAX_DEPTH) {
        diag_error(r->d->diags, E_NESTING_TOO_DEEP, span,
                   "YAML alias expands to nesting deeper than %d levels", DECODE_MAX_DEPTH);
        return make_node(value_invalid(r->d->a, span), span, 1, 0);
    }
    Value *v = value_with_origin(r->d->a, an->node.val, span);
    return make_node(v, span, an->node.size, an->node.height);
}

// Reads the node that starts at the current event, through its last event.
static Node parse_node(YamlReader *r, unsigned depth)
{
    bool collection =
        r->event.type == YAML_SEQUENCE_START_EVENT || r->event.type == YAML_MAPPING_START_EVENT;
    if (collection && depth >= DECODE_MAX_DEPTH) {
        diag_error(r->d->diags, E_NESTING_TOO_DEEP, event_span(r),
                   "YAML nested deeper than %d levels", DECODE_MAX_DEPTH);
        r->stop = true;
        return stopped();
    }
    const char *anchor = NULL;
    const char *fn = cfn_function(
        r, r->event.type == YAML_SCALAR_EVENT           ? r->event.data.scalar.tag
           : r->event.type == YAML_SEQUENCE_START_EVENT ? r->event.data.sequence_start.tag
           : r->event.type == YAML_MAPPING_START_EVENT  ? r->event.data.mapping_start.tag
                                                        : NULL);
    Node node = stopped();
    switch (r->event.type) {
    case YAML_SCALAR_EVENT: {
        anchor = copy_name(r, r->event.data.scalar.anchor);
        Span span = event_span(r);
        node = make_node(scalar_value(r, span), span, 1, 0);
        break;
    }
    case YAML_SEQUENCE_START_EVENT:
        anchor = copy_name(r, r->event.data.sequence_start.anchor);
        node = parse_sequence(r, depth);
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = copy_name(r, r->event.data.mapping_start.anchor);
        node = parse_mapping(r, depth);
        break;
    case YAML_ALIAS_EVENT:
        return parse_alias(r, depth);
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        assert(!"libyaml sent an event out of place");
        r->stop = true;
        return stopped();
    }
    if (fn && node.val)
        node.val = cfn_long_form(r, fn, node.val, node.span);
    if (anchor && node.val)
        anchor_define(r, anchor, node);
    return node;
}

// --- YAML: the document ------------------------------------------------------

// stream-start (document-start node document-end)? stream-end; a second
// document is an error.
static Value *parse_stream(YamlReader *r)
{
    if (!next_event(r) || !next_event(r))
        return NULL;
    if (r->event.type == YAML_STREAM_END_EVENT)
        return value_null(r->d->a, decode_span(r->d, 0, 0));
    if (!next_event(r))
        return NULL;
    Node root = parse_node(r, 0);
    if (!root.val || !next_event(r) || !next_event(r))
        return NULL;
    if (r->event.type == YAML_DOCUMENT_START_EVENT) {
        Diag *g = diag_error(r->d->diags, E_YAML_MULTI_DOC, event_span(r),
                             "more than one YAML document in the file");
        diag_note(r->d->diags, g, "a YAML file given to hclc holds a single document");
        return NULL;
    }
    return root.val;
}

static Value *read_yaml(Arena *a, const SourceSet *src, uint32_t file, Diags *diags, bool cfn)
{
    const SourceFile *f = source_file(src, file);
    Decoder d = {a, diags, file, f->text, f->len};
    size_t errors = diags->errors;
    if (!decode_check_encoding(&d))
        return NULL;
    YamlReader r = {.d = &d, .mark_byte = decode_bom_length(&d), .cfn = cfn};
    if (!yaml_parser_initialize(&r.parser)) {
        arena_out_of_memory("reading YAML");
    }
    // With the encoding set, libyaml no longer skips a BOM: skip it here.
    yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)d.text + r.mark_byte,
                                 d.len - r.mark_byte);
    Value *v = parse_stream(&r);
    if (r.has_event)
        yaml_event_delete(&r.event);
    yaml_parser_delete(&r.parser);
    return diags->errors > errors ? NULL : v;
}

Value *decode_yaml_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags)
{
    return read_yaml(a, src, file, diags, false);
}

Value *decode_yaml_cfn_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags)
{
    return read_yaml(a, src, file, diags, true);
}
