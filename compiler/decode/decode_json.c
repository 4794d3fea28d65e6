// decode_json.c - JSON files to values with origins, through cJSON.
//
// cJSON parses and decodes but keeps no positions, so a scanner walks the
// text alongside the cJSON tree (both in document order) to give every
// value its span. When cJSON rejects a text, the same scanner, run as a
// checker that accepts what cJSON accepts, finds the first fault and says
// what was expected there. cJSON trees never leave this file.
#include "decode/decode_impl.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

// Where to point at "end of input": just after the last non-blank byte.
static uint32_t end_of_content(const Decoder *d)
{
    uint32_t end = d->len;
    while (end > 0 && strchr(" \t\r\n", d->text[end - 1]))
        end--;
    return end;
}

// --- JSON: scanning --------------------------------------------------------
//
// These functions take the offset of a construct and return the offset
// just past it, or JSON_FAIL after reporting what is wrong. They accept
// exactly what cJSON 1.7 accepts (any byte <= 32 as white space, leading
// zeros, raw control characters in strings), so on text cJSON accepted they
// never fail and serve the value builder; on text cJSON refused they find
// the fault.

#define JSON_FAIL UINT32_MAX
#define NO_OPENER UINT32_MAX

static uint32_t json_skip_space(const Decoder *d, uint32_t pos)
{
    while (pos < d->len && (unsigned char)d->text[pos] <= 32)
        pos++;
    return pos;
}

// Describes the character at `pos` for a message: 'x', "'", or U+00A0.
static const char *describe_char(const Decoder *d, uint32_t pos)
{
    unsigned char c = (unsigned char)d->text[pos];
    if (c == '\'')
        return "\"'\"";
    if (c > 32 && c < 127)
        return arena_printf(d->a, "'%c'", c);
    uint32_t n = decode_utf8_length((const unsigned char *)d->text, pos, d->len);
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (uint32_t k = 1; k < n; k++)
        cp = cp << 6 | ((unsigned char)d->text[pos + k] & 0x3F);
    return arena_printf(d->a, "U+%04X", cp);
}

static uint32_t fail_at_end(Decoder *d, uint32_t opener)
{
    uint32_t end = end_of_content(d);
    if (end == 0) {
        diag_error(d->diags, E_BAD_JSON, decode_span(d, 0, 0), "invalid JSON: the file is empty");
        return JSON_FAIL;
    }
    Diag *g = diag_error(d->diags, E_BAD_JSON, decode_span(d, end, end),
                         "invalid JSON: unexpected end of input");
    if (opener != NO_OPENER)
        diag_note_at(d->diags, g, decode_span(d, opener, opener + 1), "this %s is never closed",
                     d->text[opener] == '[' ? "array" : "object");
    return JSON_FAIL;
}

static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Help for words from other languages: True, None, NaN...
static void help_for_word(Decoder *d, Diag *g, const char *w, uint32_t n)
{
    static const char *const words[][2] = {
        {"True", "true"},   {"TRUE", "true"}, {"False", "false"},
        {"FALSE", "false"}, {"None", "null"}, {"Null", "null"},
        {"NULL", "null"},   {"nil", "null"},  {"undefined", "null"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i][0]) == n && memcmp(words[i][0], w, n) == 0)
            diag_help(d->diags, g, "JSON spells it \"%s\"", words[i][1]);
}

// Reports an unexpected character (or word) at `pos`, where `expected`
// would have been right.
static uint32_t fail_unexpected(Decoder *d, uint32_t pos, uint32_t opener, const char *expected)
{
    if (pos >= d->len)
        return fail_at_end(d, opener);
    const char *t = d->text + pos;
    uint32_t n = decode_utf8_length((const unsigned char *)d->text, pos, d->len);
    bool word = is_word_char(t[0]) && !(t[0] >= '0' && t[0] <= '9');
    if (word)
        for (n = 0; pos + n < d->len && is_word_char(t[n]);)
            n++;
    Diag *g = word ? diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + n),
                                "invalid JSON: unexpected word %s", decode_quote(d->a, t, n))
                   : diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + n),
                                "invalid JSON: unexpected character %s", describe_char(d, pos));
    diag_note(d->diags, g, "expected %s", expected);
    if (word)
        help_for_word(d, g, t, n);
    else if (t[0] == '\'')
        diag_help(d->diags, g, "JSON strings take double quotes");
    else if (t[0] == '#' || (t[0] == '/' && (t[1] == '/' || t[1] == '*')))
        diag_help(d->diags, g, "JSON has no comments");
    return JSON_FAIL;
}

// The code unit of the \uXXXX escape at `pos`, or -1 if it is malformed.
static long json_u_escape(const Decoder *d, uint32_t pos)
{
    if (d->len - pos < 6 || d->text[pos] != '\\' || d->text[pos + 1] != 'u')
        return -1;
    long v = 0;
    for (uint32_t k = 2; k < 6; k++) {
        int h = char_hex_value(d->text[pos + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

// Checks the escape at `pos` (a backslash) as cJSON does; returns its
// length or 0 after reporting.
static uint32_t json_escape(Decoder *d, uint32_t pos)
{
    char e = d->text[pos + 1];
    if (e && strchr("\"\\/bfnrt", e))
        return 2;
    if (e != 'u') {
        uint32_t n = decode_utf8_length((const unsigned char *)d->text, pos + 1, d->len);
        diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + 1 + n),
                   "invalid JSON: invalid escape '%.*s' in a string", (int)(1 + n), d->text + pos);
        return 0;
    }
    long first = json_u_escape(d, pos);
    if (first < 0) {
        diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + 2),
                   "invalid JSON: \\u escape without four hex digits");
        return 0;
    }
    if (first < 0xD800 || first > 0xDFFF)
        return 6;
    long second = first <= 0xDBFF ? json_u_escape(d, pos + 6) : -1;
    if (second < 0xDC00 || second > 0xDFFF) {
        diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + 6),
                   "invalid JSON: unpaired UTF-16 surrogate in a \\u escape");
        return 0;
    }
    return 12;
}

// cJSON's first pass over a string: the offset past its closing quote,
// escapes skipped unread, or JSON_FAIL when there is none.
static uint32_t json_string_end(const Decoder *d, uint32_t pos)
{
    uint32_t i = pos + 1;
    while (i < d->len && d->text[i] != '"')
        i += d->text[i] == '\\' ? 2 : 1;
    return i < d->len ? i + 1 : JSON_FAIL;
}

static uint32_t json_string(Decoder *d, uint32_t pos)
{
    uint32_t end = json_string_end(d, pos);
    if (end == JSON_FAIL) {
        uint32_t eol = pos;
        while (eol < d->len && d->text[eol] != '\n' && d->text[eol] != '\r')
            eol++;
        diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, eol),
                   "invalid JSON: unterminated string");
        return JSON_FAIL;
    }
    for (uint32_t i = pos + 1; i + 1 < end;) {
        if (d->text[i] != '\\') {
            i++;
            continue;
        }
        uint32_t n = json_escape(d, i);
        if (n == 0)
            return JSON_FAIL;
        i += n;
    }
    return end;
}

// cJSON takes the run of "0123456789+-eE." characters (Debian's 1.7.15
// has no length limit) and lets strtod read what it can of it; copying
// the run keeps strtod from reading hex or "inf" beyond it.
static uint32_t json_number(Decoder *d, uint32_t pos, double *out)
{
    uint32_t n = 0;
    while (pos + n < d->len && d->text[pos + n] && strchr("0123456789+-eE.", d->text[pos + n]))
        n++;
    char small[64];
    char *buf = n < sizeof small ? small : arena_alloc(d->a, (size_t)n + 1);
    memcpy(buf, d->text + pos, n);
    buf[n] = '\0';
    char *end = NULL;
    *out = strtod(buf, &end);
    if (end == buf) {
        diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + (n ? n : 1)),
                   "invalid JSON: malformed number");
        return JSON_FAIL;
    }
    return pos + (uint32_t)(end - buf);
}

static uint32_t json_check_value(Decoder *d, uint32_t pos, unsigned depth, uint32_t opener);

static uint32_t json_nesting_error(Decoder *d, uint32_t pos)
{
    diag_error(d->diags, E_NESTING_TOO_DEEP, decode_span(d, pos, pos + 1),
               "JSON nested deeper than %d levels", DECODE_MAX_DEPTH);
    return JSON_FAIL;
}

// After a ',' in an array or object: a closer next is a trailing comma.
static bool trailing_comma(Decoder *d, uint32_t comma, char closer, uint32_t opener)
{
    uint32_t p = json_skip_space(d, comma + 1);
    if (p >= d->len || d->text[p] != closer)
        return false;
    Diag *g = diag_error(d->diags, E_BAD_JSON, decode_span(d, comma, comma + 1),
                         "invalid JSON: comma before '%c'", closer);
    diag_help(d->diags, g, "JSON allows no comma after the last %s",
              d->text[opener] == '[' ? "item" : "member");
    return true;
}

static uint32_t json_check_array(Decoder *d, uint32_t pos, unsigned depth)
{
    if (depth >= DECODE_MAX_DEPTH)
        return json_nesting_error(d, pos);
    uint32_t p = json_skip_space(d, pos + 1);
    if (p < d->len && d->text[p] == ']')
        return p + 1;
    for (;;) {
        p = json_check_value(d, p, depth + 1, pos);
        if (p == JSON_FAIL)
            return JSON_FAIL;
        p = json_skip_space(d, p);
        if (p < d->len && d->text[p] == ']')
            return p + 1;
        if (p >= d->len || d->text[p] != ',')
            return fail_unexpected(d, p, pos, "',' or ']' after an array item");
        if (trailing_comma(d, p, ']', pos))
            return JSON_FAIL;
        p++;
    }
}

static uint32_t json_check_member(Decoder *d, uint32_t p, uint32_t opener, unsigned depth)
{
    p = json_skip_space(d, p);
    if (p >= d->len || d->text[p] != '"')
        return fail_unexpected(d, p, opener, "a key in double quotes");
    p = json_string(d, p);
    if (p == JSON_FAIL)
        return JSON_FAIL;
    p = json_skip_space(d, p);
    if (p >= d->len || d->text[p] != ':')
        return fail_unexpected(d, p, opener, "':' after the key");
    return json_check_value(d, p + 1, depth + 1, opener);
}

static uint32_t json_check_object(Decoder *d, uint32_t pos, unsigned depth)
{
    if (depth >= DECODE_MAX_DEPTH)
        return json_nesting_error(d, pos);
    uint32_t p = json_skip_space(d, pos + 1);
    if (p < d->len && d->text[p] == '}')
        return p + 1;
    for (;;) {
        p = json_check_member(d, p, pos, depth);
        if (p == JSON_FAIL)
            return JSON_FAIL;
        p = json_skip_space(d, p);
        if (p < d->len && d->text[p] == '}')
            return p + 1;
        if (p >= d->len || d->text[p] != ',')
            return fail_unexpected(d, p, pos, "',' or '}' after an object member");
        if (trailing_comma(d, p, '}', pos))
            return JSON_FAIL;
        p++;
    }
}

static bool starts_with(const Decoder *d, uint32_t pos, const char *word)
{
    size_t n = strlen(word);
    return d->len - pos >= n && memcmp(d->text + pos, word, n) == 0;
}

static uint32_t json_check_value(Decoder *d, uint32_t pos, unsigned depth, uint32_t opener)
{
    pos = json_skip_space(d, pos);
    if (pos >= d->len)
        return fail_at_end(d, opener);
    char c = d->text[pos];
    double ignored;
    if (c == '"')
        return json_string(d, pos);
    if (c == '-' || (c >= '0' && c <= '9'))
        return json_number(d, pos, &ignored);
    if (c == '[')
        return json_check_array(d, pos, depth);
    if (c == '{')
        return json_check_object(d, pos, depth);
    static const char *const literals[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++)
        if (starts_with(d, pos, literals[i]))
            return pos + (uint32_t)strlen(literals[i]);
    return fail_unexpected(d, pos, opener, "a value");
}

// Anything but white space after the value is an error.
static bool json_check_rest(Decoder *d, uint32_t pos)
{
    pos = json_skip_space(d, pos);
    if (pos >= d->len)
        return true;
    uint32_t n = decode_utf8_length((const unsigned char *)d->text, pos, d->len);
    Diag *g =
        diag_error(d->diags, E_BAD_JSON, decode_span(d, pos, pos + n),
                   "invalid JSON: unexpected character %s after the value", describe_char(d, pos));
    diag_note(d->diags, g, "a JSON file holds exactly one value");
    return false;
}

// Finds and reports the fault in a text cJSON refused; `end` is where
// cJSON stopped, used should the checker find nothing.
static void json_report_error(Decoder *d, const char *end)
{
    uint32_t pos = json_check_value(d, decode_bom_length(d), 0, NO_OPENER);
    if (pos == JSON_FAIL || !json_check_rest(d, pos))
        return;
    pos = end ? (uint32_t)(end - d->text) : 0;
    if (pos >= d->len)
        fail_at_end(d, NO_OPENER);
    else
        fail_unexpected(d, pos, NO_OPENER, "valid JSON");
}

// --- JSON: building values ---------------------------------------------------

static Value *json_build(Decoder *d, const cJSON *node, uint32_t *pos);

// cJSON accepts a \u escape with a bad hex digit, turning it into U+0000
// as it does \u0000, and keeps only the text before: report both. True
// when the string at [start, end) has neither.
static bool json_check_escapes(Decoder *d, uint32_t start, uint32_t end)
{
    for (uint32_t i = start + 1; i + 1 < end; i++) {
        if (d->text[i] != '\\')
            continue;
        long u = json_u_escape(d, i);
        if (d->text[i + 1] == 'u' && u < 0) {
            diag_error(d->diags, E_BAD_JSON, decode_span(d, i, i + 2),
                       "invalid JSON: \\u escape without four hex digits");
            return false;
        }
        if (u == 0) {
            diag_error(d->diags, E_NUL_IN_STRING, decode_span(d, start, end),
                       "string holds a NUL character (\\u0000)");
            return false;
        }
        i++; // past the escaped character
    }
    return true;
}

static Value *json_build_array(Decoder *d, const cJSON *node, uint32_t start, uint32_t *pos)
{
    Value *list = value_list_new(d->a, span_none(), (uint32_t)cJSON_GetArraySize(node));
    uint32_t p = start + 1, i = 0;
    for (const cJSON *c = node->child; c; c = c->next) {
        list->as.list.items[i++] = json_build(d, c, &p);
        p = json_skip_space(d, p);
        if (d->text[p] == ',')
            p++;
    }
    p = json_skip_space(d, p);
    assert(d->text[p] == ']');
    list->origin = decode_span(d, start, p + 1);
    *pos = p + 1;
    return list;
}

static Value *json_build_object(Decoder *d, const cJSON *node, uint32_t start, uint32_t *pos)
{
    uint32_t n = (uint32_t)cJSON_GetArraySize(node);
    Value *obj = value_object_new(d->a, span_none(), n);
    KeySpans keys = {arena_alloc(d->a, (size_t)n * sizeof(Span) + 1), n};
    uint32_t p = start + 1;
    for (const cJSON *c = node->child; c; c = c->next) {
        uint32_t k = json_skip_space(d, p);
        uint32_t kend = json_string_end(d, k);
        assert(kend != JSON_FAIL);
        p = json_skip_space(d, kend);
        assert(d->text[p] == ':');
        p++;
        Value *val = json_build(d, c, &p);
        Span kspan = decode_span(d, k, kend);
        if (json_check_escapes(d, k, kend))
            decode_put_member(d, obj, &keys, c->string, strlen(c->string), kspan, val);
        p = json_skip_space(d, p);
        if (d->text[p] == ',')
            p++;
    }
    p = json_skip_space(d, p);
    assert(d->text[p] == '}');
    obj->origin = decode_span(d, start, p + 1);
    *pos = p + 1;
    return obj;
}

static Value *json_build_number(Decoder *d, uint32_t start, uint32_t *pos)
{
    double n;
    uint32_t end = json_number(d, start, &n);
    assert(end != JSON_FAIL);
    *pos = end;
    Span span = decode_span(d, start, end);
    if (isinf(n)) {
        diag_error(d->diags, E_NUMBER_RANGE, span, "number %.*s is out of range",
                   (int)(end - start), d->text + start);
        return value_invalid(d->a, span);
    }
    if (!value_int_text_exact(d->text + start, end - start)) {
        Diag *g =
            diag_error(d->diags, E_INEXACT_INTEGER, span, "integer %.*s cannot be held exactly",
                       (int)(end - start), d->text + start);
        diag_help(d->diags, g,
                  "integers are exact up to 9007199254740992 (2^53); write a larger "
                  "one as a string");
        return value_invalid(d->a, span);
    }
    Value *v = value_number(d->a, span, n);
    if (memchr(d->text + start, '.', end - start) || memchr(d->text + start, 'e', end - start) ||
        memchr(d->text + start, 'E', end - start))
        v->flags |= VALF_FLOAT;
    return v;
}

// Builds the value of `node` from the text at *pos (white space first) and
// moves *pos past it.
static Value *json_build(Decoder *d, const cJSON *node, uint32_t *pos)
{
    uint32_t start = json_skip_space(d, *pos);
    if (cJSON_IsArray(node))
        return json_build_array(d, node, start, pos);
    if (cJSON_IsObject(node))
        return json_build_object(d, node, start, pos);
    if (cJSON_IsNumber(node))
        return json_build_number(d, start, pos);
    if (cJSON_IsString(node)) {
        *pos = json_string_end(d, start);
        assert(*pos != JSON_FAIL);
        Span span = decode_span(d, start, *pos);
        json_check_escapes(d, start, *pos);
        return value_cstring(d->a, span, node->valuestring);
    }
    uint32_t n = cJSON_IsFalse(node) ? 5 : 4;
    *pos = start + n;
    Span span = decode_span(d, start, start + n);
    if (cJSON_IsNull(node))
        return value_null(d->a, span);
    return value_bool(d->a, span, cJSON_IsTrue(node));
}

Value *decode_json_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags)
{
    const SourceFile *f = source_file(src, file);
    Decoder d = {a, diags, file, f->text, f->len};
    size_t errors = diags->errors;
    if (!decode_check_encoding(&d))
        return NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(d.text, d.len, &end, 0);
    if (!root) {
        json_report_error(&d, end);
        return NULL;
    }
    uint32_t pos = decode_bom_length(&d);
    Value *v = json_build(&d, root, &pos);
    cJSON_Delete(root);
    json_check_rest(&d, pos);
    return diags->errors > errors ? NULL : v;
}
