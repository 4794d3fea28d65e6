// check_schema.c - the checks the schema tables alone decide: unknown and
// read-only members (DOC-1, DOC-2), JSON types (DOC-3), null (DOC-4),
// 32-bit integers (DOC-5), required members (REQ-*), enums (ENUM-*), names,
// lengths and patterns (NAME-1..8), list counts (NAME-9..14), unique items,
// numeric ranges (NET-8, VAL-1..4) and map keys and values (NAME-15).
//
// The value and its shape are walked together. Each fault is reported once,
// on the value at fault (a missing member: on the object that lacks it), and
// a value of the wrong type is not looked into. Paths are written in API
// spelling, as AWS writes them: containerDefinitions[0].portMappings[1].hostPort.
// Patterns are compiled once per process, when first needed, and kept (a
// run checks thousands of task definitions against the same nine). What is said
// about unknown, read-only and missing members is check_members.c's.
#include "ecs/check_impl.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/show.h"
#include "base/utf8.h"

enum {
    PATTERN_CACHE = 16, // distinct patterns (the tables have 9)
    SHOW_MAX = 60,      // characters of a string shown in a message
    PORT_RANGES_MAX = 100,
    // Matches of a pattern before it is compiled to machine code: the JIT
    // costs about as much as 40 interpreted matches saves, so a run that
    // checks a few task definitions (import runs once per file) skips it.
    JIT_AFTER = 64,
};

typedef struct Pattern {
    const char *text; // the table's pattern, compared by address
    pcre2_code *code; // NULL when it did not compile (then nothing is checked)
    uint32_t matches; // matches run so far, up to JIT_AFTER
} Pattern;

// The patterns compiled so far, for the whole process: the tables are
// static, so their addresses name them (the language server checks many
// compilations against the same few).
struct PatternCache {
    Pattern pats[PATTERN_CACHE];
    uint32_t npats;
    pcre2_match_data *md;
};

// What the pattern of one member means, for messages.
typedef struct Hint {
    const char *shape, *member;
    const char *noun; // "family name"
    const char *text; // the rule in words
    bool name_chars;  // letters, digits, '_' and '-' only: the first other character is named
} Hint;

#define NAME_RULE "1 to 255 letters, digits, underscores (_) and hyphens (-)"
#define TAG_RULE "letters, numbers, spaces and the characters _ . : / = + - @"

static const Hint hints[] = {
    {"RegisterTaskDefinitionRequest", "family", "family name", "a family name is " NAME_RULE, true},
    {"TaskDefinition", "family", "family name", "a family name is " NAME_RULE, true},
    {"ContainerDefinition", "name", "container name", "a container name is " NAME_RULE, true},
    {"Volume", "name", "volume name", "a volume name is " NAME_RULE, true},
    {"PortMapping", "name", "port mapping name",
     "a port mapping name is up to 64 lower-case letters, digits, underscores (_) and hyphens "
     "(-), and does not start with a hyphen",
     false},
    {"ContainerDefinition", "links", "link",
     "a link is a container name or name:alias, each part " NAME_RULE, false},
    {"ContainerDefinition", "image", "image reference",
     "an image is repository[:tag] in up to 255 letters, digits and the characters . _ : / # -, "
     "optionally followed by @sha256: and 64 hexadecimal digits",
     false},
    {"Tag", "key", "tag key", "tag keys hold " TAG_RULE, false},
    {"Tag", "value", "tag value", "tag values hold " TAG_RULE, false},
};

static void check_object(Checker *k, Value *obj, const SchemaShape *shape, const Path *path);
static void check_member(Checker *k, Value *v, const SchemaShape *owner, const SchemaMember *m,
                         const Path *path);

// --- names and texts --------------------------------------------------------

// The text of `p`: members joined with '.', items as [I].
static const char *path_text(Checker *k, const Path *p)
{
    if (!p->up)
        return p->name;
    const char *up = path_text(k, p->up);
    if (!p->name)
        return ecs_path_index(k->c->arena, up, p->index);
    return *up ? ecs_path_member(k->c->arena, up, p->name) : p->name;
}

static Path child_path(const Path *path, const char *name)
{
    return (Path){path, name, 0};
}

static Path item_path(const Path *path, uint32_t i)
{
    return (Path){path, NULL, i};
}

// Up to SHOW_MAX characters of `s`, cut at a character boundary; `*cut` says
// whether something was left out.
static size_t show_len(const char *s, size_t len, bool *cut)
{
    size_t n = utf8_offset(s, len, SHOW_MAX);
    *cut = n < len;
    return n;
}

// `s` in double quotes, escaped, shortened.
static const char *quote(Checker *k, const char *s, size_t len)
{
    return show_quoted(k->c->arena, s, len, SHOW_MAX, SHOW_MAX);
}

// A value for a message: strings quoted, "(sensitive)" for sensitive values.
static const char *show(Checker *k, const Value *v)
{
    if (!value_is_sensitive(v) && v->kind == VAL_LIST)
        return "a list";
    if (!value_is_sensitive(v) && v->kind == VAL_OBJECT)
        return "an object";
    if (!value_is_sensitive(v) && v->kind == VAL_INVALID)
        return "an invalid value";
    ShowStyle style = {"(sensitive)", SHOW_MAX, SHOW_MAX};
    return show_value(k->c->arena, v, style);
}

// The value as botocore prints it in "Invalid type" (Python's str()).
static const char *aws_value(Checker *k, const Value *v)
{
    if (value_is_sensitive(v))
        return "(sensitive)";
    bool cut;
    switch (v->kind) {
    case VAL_STRING:
        return arena_strndup(k->c->arena, v->as.str.ptr,
                             show_len(v->as.str.ptr, v->as.str.len, &cut));
    case VAL_BOOL:
        return v->as.boolean ? "True" : "False";
    case VAL_NULL:
        return "None";
    case VAL_LIST:
        return "[...]";
    case VAL_OBJECT:
        return "{...}";
    case VAL_NUMBER:
        if ((v->flags & VALF_FLOAT) && v->as.number == floor(v->as.number))
            return arena_printf(k->c->arena, "%s.0", show(k, v)); // Python's str(80.0)
        break;
    case VAL_INVALID:
        break;
    }
    return show(k, v);
}

static const char *py_type(const Value *v)
{
    switch (v->kind) {
    case VAL_STRING:
        return "str";
    case VAL_NUMBER:
        return v->as.number == floor(v->as.number) && !(v->flags & VALF_FLOAT) ? "int" : "float";
    case VAL_BOOL:
        return "bool";
    case VAL_NULL:
        return "NoneType";
    case VAL_LIST:
        return "list";
    case VAL_OBJECT:
        return "dict";
    case VAL_INVALID:
        break;
    }
    return "object";
}

static const char *py_valid(SchemaKind kind)
{
    switch (kind) {
    case SK_STRING:
        return "<class 'str'>";
    case SK_INTEGER:
        return "<class 'int'>";
    case SK_BOOLEAN:
        return "<class 'bool'>";
    case SK_STRUCT:
    case SK_MAP:
        return "<class 'dict'>";
    case SK_LIST:
        return "<class 'list'>, <class 'tuple'>";
    }
    return "?";
}

static const char *kind_text(SchemaKind kind)
{
    switch (kind) {
    case SK_STRING:
        return "a string";
    case SK_INTEGER:
        return "an integer";
    case SK_BOOLEAN:
        return "true or false";
    case SK_STRUCT:
    case SK_MAP:
        return "an object";
    case SK_LIST:
        return "a list";
    }
    return "?";
}

static const char *value_text(const Value *v)
{
    switch (v->kind) {
    case VAL_STRING:
        return "a string";
    case VAL_NUMBER:
        return "a number";
    case VAL_BOOL:
        return "a boolean";
    case VAL_NULL:
        return "null";
    case VAL_LIST:
        return "a list";
    case VAL_OBJECT:
        return "an object";
    case VAL_INVALID:
        break;
    }
    return "an invalid value";
}

const char *ecs_join_values(Checker *k, const char *const *vals, uint32_t n)
{
    size_t size = 1;
    for (uint32_t i = 0; i < n; i++)
        size += strlen(vals[i]) + 8;
    char *out = arena_alloc(k->c->arena, size), *o = out;
    for (uint32_t i = 0; i < n; i++) {
        size_t len = strlen(vals[i]);
        if (i) {
            memcpy(o, ", ", 2);
            o += 2;
        }
        memcpy(o, vals[i], len);
        o += len;
        if (len && vals[i][len - 1] == ':') { // a prefix: "apparmor:..."
            memcpy(o, "...", 3);
            o += 3;
        }
    }
    *o = '\0';
    return out;
}

static const Hint *hint_for(const SchemaShape *owner, const SchemaMember *m)
{
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strcmp(hints[i].shape, owner->name) == 0 && strcmp(hints[i].member, m->api) == 0)
            return &hints[i];
    return NULL;
}

// The code of a length or pattern fault: tags and images have their own.
static DiagCode string_code(const SchemaShape *owner, const SchemaMember *m, DiagCode other)
{
    if (is_shape(owner, "Tag"))
        return E_ECS_TAG;
    if (is_shape(owner, "ContainerDefinition") && strcmp(m->api, "image") == 0)
        return E_ECS_IMAGE;
    return other;
}

// --- patterns ---------------------------------------------------------------

// A pattern used often enough is compiled to machine code where PCRE2 has a
// JIT: pcre2_match then uses it by itself (and interprets when it failed).
static pcre2_code *count_match(Pattern *p)
{
    if (p->code && p->matches < JIT_AFTER && ++p->matches == JIT_AFTER)
        pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
    return p->code;
}

static pcre2_code *pattern_code(Checker *k, const char *text)
{
    for (uint32_t i = 0; i < k->patterns->npats; i++)
        if (k->patterns->pats[i].text == text)
            return count_match(&k->patterns->pats[i]);
    int err;
    PCRE2_SIZE off;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY, &err, &off, NULL);
    if (k->patterns->npats < PATTERN_CACHE)
        k->patterns->pats[k->patterns->npats++] = (Pattern){text, code, 1};
    else if (code) // never with the tables as they are; stay correct anyway
        pcre2_code_free(code), code = NULL;
    return code;
}

// True when `s` matches `pattern`, or when the pattern cannot be used.
static bool pattern_matches(Checker *k, const char *pattern, const ValueStr *s)
{
    pcre2_code *code = pattern_code(k, pattern);
    if (!code)
        return true;
    if (!k->patterns->md)
        k->patterns->md = pcre2_match_data_create(1, NULL);
    int rc = pcre2_match(code, (PCRE2_SPTR)s->ptr, s->len, 0, 0, k->patterns->md, NULL);
    return rc >= 0 || rc != PCRE2_ERROR_NOMATCH;
}

// --- types ------------------------------------------------------------------

// True when `v` is a number written as a float (80.0, 1e3) in JSON read as
// botocore reads it, which refuses it where the API wants an integer.
static bool json_float(const Checker *k, const Value *v)
{
    return v->kind == VAL_NUMBER && (v->flags & VALF_FLOAT) && k->c->opt && k->c->opt->json;
}

static bool kind_matches(const Checker *k, const Value *v, SchemaKind kind)
{
    switch (kind) {
    case SK_STRING:
        return v->kind == VAL_STRING;
    case SK_INTEGER:
        return v->kind == VAL_NUMBER && v->as.number == floor(v->as.number) && !json_float(k, v);
    case SK_BOOLEAN:
        return v->kind == VAL_BOOL;
    case SK_STRUCT:
    case SK_MAP:
        return v->kind == VAL_OBJECT;
    case SK_LIST:
        return v->kind == VAL_LIST;
    }
    return false;
}

static bool is_integer_text(const char *s)
{
    size_t i = s[0] == '-';
    if (!s[i])
        return false;
    for (; s[i]; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

// A help line for the common slips: quotes around a number or a boolean, a
// number where ECS wants a string, one item where it wants a list.
static void type_help(Checker *k, Diag *g, const Value *v, SchemaKind kind)
{
    bool secret = value_is_sensitive(v);
    const char *s = ecs_str(v);
    if (kind == SK_INTEGER && v->kind == VAL_NUMBER && v->as.number == floor(v->as.number))
        diag_help(k->c->diags, g, "write it as an integer%s%s", secret ? "" : ": ",
                  secret ? "" : show(k, v));
    else if (kind == SK_INTEGER && s && is_integer_text(s))
        diag_help(k->c->diags, g, "write the number without quotes%s%s", secret ? "" : ": ",
                  secret ? "" : s);
    else if (kind == SK_BOOLEAN && s && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0))
        diag_help(k->c->diags, g, "write %s without quotes", s);
    else if (kind == SK_STRING && (v->kind == VAL_NUMBER || v->kind == VAL_BOOL))
        diag_help(k->c->diags, g, "write it in quotes%s%s%s", secret ? "" : ": \"",
                  secret ? "" : show(k, v), secret ? "" : "\"");
    else if (kind == SK_LIST &&
             (v->kind == VAL_STRING || v->kind == VAL_NUMBER || v->kind == VAL_OBJECT))
        diag_help(k->c->diags, g, "write a list, even of one item: [...]");
}

static void report_type(Checker *k, Value *v, SchemaKind kind, const Path *path)
{
    const char *got = value_text(v);
    bool whole_float = v->kind == VAL_NUMBER && v->as.number == floor(v->as.number);
    if (v->kind == VAL_NUMBER && kind == SK_INTEGER && whole_float)
        got = "a number written as a float (with a fraction or an exponent)";
    else if (v->kind == VAL_NUMBER && kind == SK_INTEGER)
        got = value_is_sensitive(v) ? "a fractional number" : show(k, v);
    Diag *g = ecs_report(k->c, E_ECS_TYPE, false, v, "%s must be %s, not %s", path_text(k, path),
                         kind_text(kind), got);
    type_help(k, g, v, kind);
    diag_note(k->c->diags, g,
              "the AWS CLI refuses it: Invalid type for parameter %s, value: %s, type: <class "
              "'%s'>, valid types: %s",
              path_text(k, path), aws_value(k, v), py_type(v), py_valid(kind));
}

// True when `v` has the JSON type of `kind`; else reports the fault (or
// stays silent on a value already reported) and returns false.
static bool check_kind(Checker *k, Value *v, SchemaKind kind, const Path *path)
{
    // The walk asks this of every value: the common answer first, without
    // the calls below (an integer needs the closer look).
    static const ValueKind plain[] = {
        [SK_STRING] = VAL_STRING, [SK_BOOLEAN] = VAL_BOOL, [SK_STRUCT] = VAL_OBJECT,
        [SK_LIST] = VAL_LIST,     [SK_MAP] = VAL_OBJECT,
    };
    if (kind != SK_INTEGER && v->kind == plain[kind] && !(v->flags & VALF_INTRINSIC))
        return true;
    if (v->kind == VAL_INVALID || ecs_unknown(v))
        return false; // reported already, or an intrinsic: content unknown
    if (v->kind == VAL_NULL) {
        Diag *g = ecs_report(k->c, E_ECS_NULL, false, v, "%s is null", path_text(k, path));
        diag_help(k->c->diags, g, "leave the member out instead: the ECS API has no null values");
        diag_note(k->c->diags, g,
                  "the AWS CLI refuses it: Invalid type for parameter %s, value: None, type: "
                  "<class 'NoneType'>, valid types: %s",
                  path_text(k, path), py_valid(kind));
        return false;
    }
    if (kind_matches(k, v, kind))
        return true;
    report_type(k, v, kind, path);
    return false;
}

// --- scalars ----------------------------------------------------------------

static void check_integer(Checker *k, Value *v, const SchemaMember *m, const Path *path,
                          bool ranged)
{
    double n = v->as.number;
    if (n < INT32_MIN || n > INT32_MAX) {
        Diag *g = ecs_report(k->c, E_ECS_INT32, false, v,
                             "%s is %s, beyond the 32-bit integers of the ECS API",
                             path_text(k, path), value_is_sensitive(v) ? "too large" : show(k, v));
        diag_note(k->c->diags, g, "ECS integers are 32-bit signed: -2147483648 to 2147483647");
        return;
    }
    if (!ranged || ((!m->has_min || n >= (double)m->min) && (!m->has_max || n <= (double)m->max)))
        return;
    const char *got =
        value_is_sensitive(v) ? "" : arena_printf(k->c->arena, ", not %s", show(k, v));
    if (m->has_min && m->has_max)
        ecs_report(k->c, E_ECS_RANGE, false, v, "%s must be between %lld and %lld%s",
                   path_text(k, path), (long long)m->min, (long long)m->max, got);
    else if (m->has_min)
        ecs_report(k->c, E_ECS_RANGE, false, v, "%s must be at least %lld%s", path_text(k, path),
                   (long long)m->min, got);
    else
        ecs_report(k->c, E_ECS_RANGE, false, v, "%s must be at most %lld%s", path_text(k, path),
                   (long long)m->max, got);
}

// AWS's own words for an empty container name or image (REQ-3), or an
// empty environment variable name (REQ-8).
static void container_quote(Checker *k, Diag *g, const SchemaShape *owner, const SchemaMember *m)
{
    if (is_shape(owner, "ContainerDefinition") &&
        (strcmp(m->api, "name") == 0 || strcmp(m->api, "image") == 0))
        diag_note(k->c->diags, g, "ECS refuses it: Container.%s should not be null or empty.",
                  m->api);
    else if (is_shape(owner, "KeyValuePair") && strcmp(m->api, "name") == 0)
        diag_note(k->c->diags, g,
                  "ECS refuses it: Environment variable name cannot be null or blank.");
}

// The length `n` of `v` for a message; a secret's length is a secret too.
static const char *length_text(Checker *k, const Value *v, uint32_t n)
{
    return value_is_sensitive(v) ? "(sensitive)" : arena_printf(k->c->arena, "%u", n);
}

// True when the length of string `v` is within the member's limits; else
// reports it.
static bool check_length(Checker *k, Value *v, const SchemaShape *owner, const SchemaMember *m,
                         const Path *path)
{
    // A string of B bytes has between B/4 (rounded up) and B characters:
    // when both bounds are within the limits, nothing needs counting.
    size_t b = v->as.str.len;
    if ((!m->has_max || (m->max >= 0 && b <= (uint64_t)m->max)) &&
        (!m->has_min || (b + 3) / 4 >= (uint64_t)m->min))
        return true;
    uint32_t n = (uint32_t)utf8_count(v->as.str.ptr, v->as.str.len);
    DiagCode code = string_code(owner, m, E_ECS_LENGTH);
    Diag *g = NULL;
    if (m->has_min && n < m->min && n == 0)
        g = ecs_report(k->c, code, false, v, "%s must not be empty", path_text(k, path));
    else if (m->has_min && n < m->min)
        g = ecs_report(k->c, code, false, v, "%s is %s characters long; at least %lld are needed",
                       path_text(k, path), length_text(k, v, n), (long long)m->min);
    else if (m->has_max && n > m->max)
        g = ecs_report(k->c, code, false, v, "%s is %s characters long; at most %lld are allowed",
                       path_text(k, path), length_text(k, v, n), (long long)m->max);
    if (g)
        container_quote(k, g, owner, m);
    return !g;
}

// The first character of `s` that is not a letter, digit, '_' or '-'.
static const char *bad_name_char(Checker *k, const ValueStr *s)
{
    for (uint32_t i = 0; i < s->len; i++) {
        unsigned char ch = (unsigned char)s->ptr[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '_' || ch == '-')
            continue;
        size_t adv;
        utf8_next(s->ptr + i, s->len - i, &adv);
        return quote(k, s->ptr + i, adv);
    }
    return NULL;
}

static bool check_pattern(Checker *k, Value *v, const SchemaShape *owner, const SchemaMember *m,
                          const Path *path)
{
    if (!m->pattern || pattern_matches(k, m->pattern, &v->as.str))
        return true;
    const Hint *h = hint_for(owner, m);
    Diag *g =
        ecs_report(k->c, string_code(owner, m, E_ECS_PATTERN), false, v, "%s %s is not a valid %s",
                   path_text(k, path), show(k, v), h ? h->noun : "value");
    if (h)
        diag_note(k->c->diags, g, "%s", h->text);
    else
        diag_note(k->c->diags, g, "it must match the pattern %s", m->pattern);
    const char *bad =
        h && h->name_chars && !value_is_sensitive(v) ? bad_name_char(k, &v->as.str) : NULL;
    if (bad)
        diag_help(k->c->diags, g, "remove or replace %s", bad);
    return false;
}

static bool enum_allows(const SchemaType *t, const char *s)
{
    for (uint32_t i = 0; i < t->nenums; i++) {
        size_t len = strlen(t->enums[i]);
        if (len && t->enums[i][len - 1] == ':' ? strncmp(s, t->enums[i], len) == 0
                                               : strcmp(s, t->enums[i]) == 0)
            return true;
    }
    return false;
}

static const char *enum_case_match(const SchemaType *t, const char *s)
{
    for (uint32_t i = 0; i < t->nenums; i++)
        if (strcasecmp(s, t->enums[i]) == 0)
            return t->enums[i];
    return NULL;
}

static void report_enum(Checker *k, Value *v, const SchemaType *t, bool warning, const Path *path)
{
    const char *s = v->as.str.ptr;
    Diag *g = ecs_report(k->c, warning ? E_ECS_UNDOCUMENTED_VALUE : E_ECS_ENUM, warning, v,
                         "%s value %s for %s", warning ? "undocumented" : "invalid", show(k, v),
                         path_text(k, path));
    diag_note(k->c->diags, g, "%s values: %s", warning ? "documented" : "allowed",
              ecs_join_values(k, t->enums, t->nenums));
    if (warning)
        diag_note(k->c->diags, g,
                  "the API takes any string here, but ECS documents only these; "
                  "others are likely to fail when the task starts");
    if (value_is_sensitive(v))
        return;
    const char *same = enum_case_match(t, s);
    const char *near = same ? NULL : diag_suggest(s, t->enums, t->nenums);
    if (same)
        diag_help(k->c->diags, g, "values are case-sensitive: did you mean \"%s\"?", same);
    else if (near)
        diag_help(k->c->diags, g, "did you mean \"%s\"?", near);
}

// A string member, or a string item of a list member (`whole` false: the
// member's min and max count items, not characters).
static void check_string(Checker *k, Value *v, const SchemaShape *owner, const SchemaMember *m,
                         const SchemaType *t, const Path *path, bool whole)
{
    if (whole && (m->has_min || m->has_max) && !check_length(k, v, owner, m, path))
        return;
    if (!check_pattern(k, v, owner, m, path))
        return;
    if (t->nenums && !enum_allows(t, v->as.str.ptr))
        report_enum(k, v, t, m->open_enum, path);
}

// --- lists and maps ---------------------------------------------------------

static void check_count(Checker *k, Value *list, const SchemaMember *m, const Path *path)
{
    uint32_t n = list->as.list.count;
    Diag *g = NULL;
    if (m->has_min && n < m->min && m->min == 1)
        g = ecs_report(k->c, E_ECS_COUNT, false, list, "%s must not be empty", path_text(k, path));
    else if (m->has_min && n < m->min)
        g = ecs_report(k->c, E_ECS_COUNT, false, list, "%s has %u items; at least %lld are needed",
                       path_text(k, path), n, (long long)m->min);
    else if (m->has_max && n > m->max)
        g = ecs_report(k->c, E_ECS_COUNT, false, list, "%s has %u items; at most %lld are allowed",
                       path_text(k, path), n, (long long)m->max);
    if (g && strcmp(m->api, "containerDefinitions") == 0 && n > m->max) {
        diag_note(k->c->diags, g, "ECS refuses it: Too many containers.");
        diag_note(k->c->diags, g, "10 containers per task definition is a fixed quota");
    }
}

// Items equal to an earlier one, for members whose items must be distinct.
static void check_unique(Checker *k, Value *list, const Path *path)
{
    for (uint32_t i = 1; i < list->as.list.count; i++) {
        Value *item = list->as.list.items[i];
        if (item->kind != VAL_STRING)
            continue;
        for (uint32_t j = 0; j < i; j++) {
            if (!value_equal(item, list->as.list.items[j]))
                continue;
            Diag *g = ecs_report(k->c, E_ECS_REPEATED_VALUE, false, item, "%s lists %s twice",
                                 path_text(k, path), show(k, item));
            diag_note_at(k->c->diags, g, list->as.list.items[j]->origin, "first listed here");
            break;
        }
    }
}

static void check_item(Checker *k, Value *item, const SchemaShape *owner, const SchemaMember *m,
                       const Path *path)
{
    const SchemaType *t = m->type.elem;
    if (!check_kind(k, item, t->kind, path))
        return;
    switch (t->kind) {
    case SK_STRING:
        check_string(k, item, owner, m, t, path, false);
        break;
    case SK_INTEGER:
        check_integer(k, item, m, path, false);
        break;
    case SK_STRUCT:
        check_object(k, item, t->shape, path);
        break;
    case SK_BOOLEAN:
    case SK_LIST:
    case SK_MAP:
        break;
    }
}

static void check_list(Checker *k, Value *list, const SchemaShape *owner, const SchemaMember *m,
                       const Path *path)
{
    check_count(k, list, m, path);
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        Path ip = item_path(path, i);
        check_item(k, list->as.list.items[i], owner, m, &ip);
    }
    if (m->unique)
        check_unique(k, list, path);
}

// A map of user keys (dockerLabels, options, driverOpts, labels): values are
// strings; an empty key is a warning (NAME-15).
static void check_map(Checker *k, Value *map, const Path *path)
{
    for (uint32_t i = 0; i < map->as.object.count; i++) {
        Value *v = map->as.object.vals[i];
        if (map->as.object.keys[i].len == 0) {
            Diag *g =
                ecs_report(k->c, E_ECS_MAP_KEY, true, v, "empty key in %s", path_text(k, path));
            diag_note(k->c->diags, g, "ECS expects every key of %s to be a non-empty name",
                      path_text(k, path));
            continue;
        }
        // The keys of a sensitive map are part of the secret: not in paths.
        const char *key =
            map->flags & VALF_SENSITIVE ? "(sensitive key)" : map->as.object.keys[i].ptr;
        Path kp = child_path(path, key);
        check_kind(k, v, SK_STRING, &kp);
    }
}

// --- members and objects ----------------------------------------------------

static void check_member(Checker *k, Value *v, const SchemaShape *owner, const SchemaMember *m,
                         const Path *path)
{
    if (!check_kind(k, v, m->type.kind, path))
        return;
    switch (m->type.kind) {
    case SK_STRING:
        check_string(k, v, owner, m, &m->type, path, true);
        break;
    case SK_INTEGER:
        check_integer(k, v, m, path, true);
        break;
    case SK_STRUCT:
        check_object(k, v, m->type.shape, path);
        break;
    case SK_LIST:
        check_list(k, v, owner, m, path);
        break;
    case SK_MAP:
        check_map(k, v, path);
        break;
    case SK_BOOLEAN:
        break;
    }
}

static bool starts_aws(const Value *v)
{
    return v && v->kind == VAL_STRING && strncasecmp(v->as.str.ptr, "aws:", 4) == 0;
}

// NAME-8: tag keys and values must not use the prefix AWS reserves.
static void check_tag(Checker *k, Value *tag, const Path *path)
{
    const char *names[] = {"key", "value"};
    for (int i = 0; i < 2; i++) {
        Value *v = ecs_get(tag, names[i]);
        if (!starts_aws(v))
            continue;
        Diag *g = ecs_report(k->c, E_ECS_TAG, false, v,
                             "%s.%s %s starts with \"aws:\", a prefix AWS reserves",
                             path_text(k, path), names[i], show(k, v));
        diag_note(k->c->diags, g,
                  "tag keys and values starting with aws: (in any case) are for AWS's own use");
    }
}

// NAME-8: tag keys are unique.
static void check_tag_keys(Checker *k, Value *tags, const Path *path)
{
    for (uint32_t i = 1; i < tags->as.list.count; i++) {
        const Value *key = ecs_get(tags->as.list.items[i], "key");
        if (!key || key->kind != VAL_STRING)
            continue;
        for (uint32_t j = 0; j < i; j++) {
            const Value *prev = ecs_get(tags->as.list.items[j], "key");
            if (!prev || !value_equal(key, prev))
                continue;
            Diag *g = ecs_report(k->c, E_ECS_TAG, false, key, "%s[%u].key repeats the tag key %s",
                                 path_text(k, path), i, show(k, key));
            diag_note_at(k->c->diags, g, prev->origin, "first used here");
            break;
        }
    }
}

// ENUM-26: logConfiguration.options.mode.
static void check_log_mode(Checker *k, Value *log, const Path *path)
{
    static const char *const modes[] = {"blocking", "non-blocking"};
    static const SchemaType mode_type = {.kind = SK_STRING, .enums = modes, .nenums = 2};
    Value *mode = ecs_get(ecs_get(log, "options"), "mode");
    Path mp = child_path(path, "options.mode");
    if (mode && mode->kind == VAL_STRING && !enum_allows(&mode_type, mode->as.str.ptr))
        report_enum(k, mode, &mode_type, false, &mp);
}

// NAME-14: at most 100 containerPortRange mappings per container.
static void check_port_ranges(Checker *k, Value *ctr, const Path *path)
{
    Value *maps = ecs_get(ctr, "portMappings");
    if (!maps || maps->kind != VAL_LIST)
        return;
    uint32_t n = 0;
    for (uint32_t i = 0; i < maps->as.list.count; i++)
        n += ecs_get(maps->as.list.items[i], "containerPortRange") != NULL;
    Path mp = child_path(path, "portMappings");
    if (n > PORT_RANGES_MAX)
        ecs_report(k->c, E_ECS_COUNT, false, maps, "%s has %u port ranges; at most %d are allowed",
                   path_text(k, &mp), n, PORT_RANGES_MAX);
}

// The checks of one shape that involve more than one member.
static void check_extras(Checker *k, Value *obj, const SchemaShape *shape, const Path *path)
{
    if (is_shape(shape, "Tag")) {
        check_tag(k, obj, path);
    } else if (is_shape(shape, "LogConfiguration")) {
        check_log_mode(k, obj, path);
    } else if (is_shape(shape, "ContainerDefinition")) {
        check_port_ranges(k, obj, path);
    } else if (shape == schema_task_definition() || shape == schema_described_task_definition()) {
        Value *tags = ecs_get(obj, "tags");
        static const Path tags_path = {NULL, "tags", 0};
        if (tags && tags->kind == VAL_LIST)
            check_tag_keys(k, tags, &tags_path);
    }
}

// A required member that the target fills in: the family of a task
// definition in a CloudFormation template.
static bool generated(const Checker *k, const SchemaShape *shape, const SchemaMember *m)
{
    return k->c->opt && k->c->opt->cloudformation && shape == schema_task_definition() &&
           strcmp(m->api, "family") == 0;
}

// Reports the required members of `shape` that `obj` lacks: those not in
// `seen` (bit i: obj has member i), in the table's order.
static void report_required(Checker *k, Value *obj, const SchemaShape *shape, uint64_t seen,
                            const Path *path)
{
    uint64_t missing = shape->required & ~seen;
    for (uint32_t i = 0; i < shape->count && i < 64; i++) {
        const SchemaMember *m = &shape->members[i];
        if ((missing >> i) & 1 && !generated(k, shape, m))
            ecs_report_missing(k, obj, shape, m, path_text(k, path));
    }
}

static void check_object(Checker *k, Value *obj, const SchemaShape *shape, const Path *path)
{
    uint64_t seen = 0; // the members met among the first 64 (the required ones are there)
    for (uint32_t i = 0; i < obj->as.object.count; i++) {
        const ValueStr *key = &obj->as.object.keys[i];
        Value *v = obj->as.object.vals[i];
        const SchemaMember *m = ecs_find_api(shape, key->ptr, key->len);
        Path mp = child_path(path, key->ptr);
        if (m && m - shape->members < 64)
            seen |= (uint64_t)1 << (m - shape->members);
        if (!m)
            ecs_report_unknown(k, v, shape, key->ptr, path_text(k, path));
        else if (m->read_only)
            ecs_note_read_only(k, v, key->ptr);
        else
            check_member(k, v, shape, m, &mp);
    }
    if (shape->required & ~seen) // rare: the loop only then
        report_required(k, obj, shape, seen, path);
    check_extras(k, obj, shape, path);
}

void ecs_check_schema_at(EcsCtx *c, Value *obj, const SchemaShape *shape, const char *path)
{
    static PatternCache patterns;
    Checker k = {.c = c, .patterns = &patterns};
    k.root =
        shape == schema_container_definition() ? "the container definition" : "the task definition";
    Path root = {NULL, path, 0}, shown = {NULL, where(&k, path), 0};
    if (check_kind(&k, obj, SK_STRUCT, &shown))
        check_object(&k, obj, shape, &root);
}

void ecs_check_schema(EcsCtx *c, Value *obj, const SchemaShape *shape)
{
    ecs_check_schema_at(c, obj, shape, "");
}
