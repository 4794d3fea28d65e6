// emit/yaml.c - value trees to YAML text through libyaml's emitter.
//
// Turns a value into libyaml events (block style; empty containers as {} and
// []), collects the output in an arena buffer, and decides the style of
// every string so that YAML 1.1 and 1.2 readers both read back exactly the
// string written. The emitter never leaves this file; reading YAML is
// decode_yaml.c's job.
#include "emit/emit.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/utf8.h"

#define EMIT_MAX_DEPTH 10000 // see emit/json.c

// --- when a plain scalar is not safe ----------------------------------------

// Every string of a template is asked: the first byte is compared before
// the length and the rest.
static bool is_one_of(const char *s, size_t len, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (words[i][0] == s[0] && strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
            return true;
    return false;
}

// Null and bool spellings of YAML 1.1 and 1.2, and the 1.1 merge (<<) and
// value (=) keys, which 1.1 readers treat specially.
static bool is_reserved_word(const char *s, size_t len)
{
    static const char *const words[] = {
        "~",  "null", "Null", "NULL", "y",    "Y",    "yes",  "Yes",   "YES",   "n",
        "N",  "no",   "No",   "NO",   "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On",   "ON",   "off",  "Off",  "OFF",  "<<",   "=",     NULL,
    };
    return len > 0 && len <= 5 && strchr("~nNyYtTfFoO<=", s[0]) && is_one_of(s, len, words);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// A character that can appear in a YAML 1.1 or 1.2 int or float: digits,
// hex digits (which include e and b), the 0o/0x prefixes, separators (_),
// base-60 colons, points and exponent signs.
static bool is_number_char(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'x' ||
           c == 'X' || c == 'o' || c == 'O' || c == '_' || c == ':' || c == '.' || c == '+' ||
           c == '-';
}

// True for texts that some YAML reader may take for a number: an optional
// sign, then a digit or a point, then only number characters (0123, 0o17,
// 0x1F, 1_000, 1e3, .5, 1:20, 1.2.3, 2001-12-14), or .inf and .nan. This is
// a deliberate superset of the 1.1 and 1.2 patterns: quoting one string too
// many is harmless, one too few changes the data.
static bool looks_like_number(const char *s, size_t len)
{
    static const char *const specials[] = {
        ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", NULL,
    };
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        s++;
        len--;
    }
    if (len == 0 || (len == 4 && is_one_of(s, len, specials)))
        return len > 0;
    if (!is_digit(s[0]) && s[0] != '.')
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_number_char(s[i]))
            return false;
    return true;
}

// YAML 1.1 timestamps start with a date: 2001-12-14, 2001-12-14t21:59:43Z...
static bool looks_like_date(const char *s, size_t len)
{
    return len >= 8 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
           s[4] == '-' && is_digit(s[5]);
}

// Control characters (except '\n' when `allow_newline`), line breaks of any
// YAML version (NEL, LS, PS), the byte order mark and U+FFFE/U+FFFF.
static bool has_special_char(const unsigned char *s, size_t len, bool allow_newline)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F) // printable ASCII: most bytes
            continue;
        if ((c < 0x20 && !(c == '\n' && allow_newline)) || c == 0x7F)
            return true;
        if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
            return true; // C1 controls, NEL among them
        if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
            return true; // LS, PS
        if (c == 0xEF && i + 2 < len &&
            ((s[i + 1] == 0xBB && s[i + 2] == 0xBF) || (s[i + 1] == 0xBF && s[i + 2] >= 0xBE)))
            return true; // BOM, U+FFFE, U+FFFF
    }
    return false;
}

// True when the two bytes `a` `b` stand side by side in `s`.
static bool contains(const char *s, size_t len, char a, char b)
{
    const char *end = s + len;
    for (const char *p = s; (p = memchr(p, a, (size_t)(end - p))) != NULL && p + 1 < end; p++)
        if (p[1] == b)
            return true;
    return false;
}

bool emit_yaml_needs_quotes(const char *s, size_t len)
{
    if (len == 0)
        return true;
    if (s[0] == ' ' || s[len - 1] == ' ')
        return true;
    if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]))
        return true;
    if (s[len - 1] == ':' || contains(s, len, ':', ' ') || contains(s, len, ' ', '#'))
        return true;
    if (len >= 3 && memcmp(s, "...", 3) == 0)
        return true; // the document end marker
    if (has_special_char((const unsigned char *)s, len, false))
        return true;
    return is_reserved_word(s, len) || looks_like_number(s, len) || looks_like_date(s, len);
}

// Literal style (|) reads back exactly when nothing needs an escape and no
// line ends in a space (libyaml refuses those). More than one final line
// break needs keep chomping (|+), after which libyaml ends the document
// with "...": double quotes then.
static bool literal_fits(const char *s, size_t len)
{
    if (has_special_char((const unsigned char *)s, len, true))
        return false;
    if (len > 0 && s[len - 1] == ' ')
        return false;
    if (contains(s, len, ' ', '\n'))
        return false;
    return !(len >= 2 && s[len - 1] == '\n' && s[len - 2] == '\n');
}

static yaml_scalar_style_t string_style(const char *s, size_t len)
{
    if (memchr(s, '\n', len))
        return literal_fits(s, len) ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    return emit_yaml_needs_quotes(s, len) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                                          : YAML_PLAIN_SCALAR_STYLE;
}

// value_number_text, with ".0" put before an exponent without a point:
// YAML 1.1 floats need the point ("1e+300" would read back as a string).
static const char *number_text(double n, char *buf)
{
    if (!isfinite(n))
        INTERNAL_ERROR("a non-finite number reached the YAML emitter");
    value_number_text(n, buf);
    char *e = strchr(buf, 'e');
    if (e && !memchr(buf, '.', (size_t)(e - buf))) {
        memmove(e + 2, e, strlen(e) + 1);
        e[0] = '.';
        e[1] = '0';
    }
    return buf;
}

// --- events -------------------------------------------------------------------

static int write_output(void *ctx, unsigned char *bytes, size_t size)
{
    buf_put(ctx, (const char *)bytes, size); // in the arena: no limit
    return 1;
}

typedef struct Writer {
    yaml_emitter_t emitter;
    bool out_of_memory; // an *_event_initialize failed (libyaml's error stays unset)
} Writer;

// Emits an event prepared by *_event_initialize, whose result is `ready`
// (0: it ran out of memory and left nothing to free). The emitter owns the
// event from here on, even when emitting fails.
static bool emit_event(Writer *w, yaml_event_t *ev, int ready)
{
    if (!ready) {
        w->out_of_memory = true;
        return false;
    }
    return yaml_emitter_emit(&w->emitter, ev);
}

// Strings may fall back from plain to quoted inside libyaml (its own
// checks), so they are quoted_implicit too: a fallback never adds a tag.
static bool emit_scalar(Writer *w, const char *s, size_t len, bool is_string)
{
    if (len > INT_MAX)
        INTERNAL_ERROR("string too long for libyaml");
    yaml_scalar_style_t style = is_string ? string_style(s, len) : YAML_PLAIN_SCALAR_STYLE;
    bool plain = style == YAML_PLAIN_SCALAR_STYLE;
    yaml_event_t ev;
    int ready = yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s, (int)len,
                                             plain, is_string, style);
    // libyaml refuses invalid UTF-8 as it refuses to run out of memory.
    if (!ready && !utf8_valid(s, len))
        INTERNAL_ERROR("a string that is not UTF-8 reached the YAML emitter");
    return emit_event(w, &ev, ready);
}

static bool emit_node(Writer *w, const Value *v, unsigned depth);

static bool emit_list(Writer *w, const Value *v, unsigned depth)
{
    yaml_event_t ev;
    yaml_sequence_style_t style =
        v->as.list.count ? YAML_BLOCK_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE;
    if (!emit_event(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style)))
        return false;
    for (uint32_t i = 0; i < v->as.list.count; i++)
        if (!emit_node(w, v->as.list.items[i], depth + 1))
            return false;
    return emit_event(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

static bool emit_object(Writer *w, const Value *v, unsigned depth)
{
    yaml_event_t ev;
    yaml_mapping_style_t style =
        v->as.object.count ? YAML_BLOCK_MAPPING_STYLE : YAML_FLOW_MAPPING_STYLE;
    if (!emit_event(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, style)))
        return false;
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const ValueStr *key = &v->as.object.keys[i];
        if (!emit_scalar(w, key->ptr, key->len, true) ||
            !emit_node(w, v->as.object.vals[i], depth + 1))
            return false;
    }
    return emit_event(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

static bool emit_node(Writer *w, const Value *v, unsigned depth)
{
    char buf[VALUE_NUMBER_BUF + 4];
    if (depth > EMIT_MAX_DEPTH)
        INTERNAL_ERROR("value nested too deeply for the YAML emitter");
    switch (v->kind) {
    case VAL_INVALID:
        INTERNAL_ERROR("an invalid value reached the YAML emitter");
    case VAL_NULL:
        return emit_scalar(w, "null", 4, false);
    case VAL_BOOL:
        return v->as.boolean ? emit_scalar(w, "true", 4, false) : emit_scalar(w, "false", 5, false);
    case VAL_NUMBER:
        number_text(v->as.number, buf);
        return emit_scalar(w, buf, strlen(buf), false);
    case VAL_STRING:
        return emit_scalar(w, v->as.str.ptr, v->as.str.len, true);
    case VAL_LIST:
        return emit_list(w, v, depth);
    case VAL_OBJECT:
        return emit_object(w, v, depth);
    }
    INTERNAL_ERROR("unknown value kind");
}

// STREAM-START, implicit DOCUMENT-START, the value, implicit DOCUMENT-END,
// STREAM-END: no "---" and no "...".
static bool emit_stream(Writer *w, const Value *v)
{
    yaml_event_t ev;
    return emit_event(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING)) &&
           emit_event(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1)) &&
           emit_node(w, v, 0) && emit_event(w, &ev, yaml_document_end_event_initialize(&ev, 1)) &&
           emit_event(w, &ev, yaml_stream_end_event_initialize(&ev));
}

char *emit_yaml(Arena *a, const Value *v, size_t *len)
{
    StrBuf out;
    buf_init(&out, a, 0);
    Writer w = {.out_of_memory = false};
    if (!yaml_emitter_initialize(&w.emitter))
        return NULL;
    yaml_emitter_set_output(&w.emitter, write_output, &out);
    yaml_emitter_set_unicode(&w.emitter, 1);
    yaml_emitter_set_width(&w.emitter, -1); // never fold long lines
    yaml_emitter_set_indent(&w.emitter, 2);
    bool ok = emit_stream(&w, v);
    bool broken = !ok && !w.out_of_memory && w.emitter.error != YAML_MEMORY_ERROR;
    char problem[160];
    snprintf(problem, sizeof problem, "libyaml refused the output: %s",
             w.emitter.problem ? w.emitter.problem : "unknown problem");
    yaml_emitter_delete(&w.emitter);
    if (broken)
        INTERNAL_ERROR(problem);
    if (!ok || !out.ptr)
        return NULL;
    if (len)
        *len = out.len;
    return out.ptr;
}
