// decode_json.c - JSON files to values with origins, in one pass.
//
// A builder reads the text as cJSON 1.7 does (the same texts accepted, the
// same strings decoded) and gives every value its span; no cJSON tree is
// built. When it refuses a text, a checker that accepts what cJSON accepts
// finds the first fault and says what was expected there.
#include "decode/decode_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

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

// A run of at most 15 digits, after an optional '-', is an integer that a
// double holds exactly: read without strtod, to the value strtod gives.
static bool small_integer(const char *s, uint32_t n, double *out)
{
    uint32_t i = s[0] == '-';
    if (n <= i || n - i > 15)
        return false;
    int64_t v = 0;
    for (uint32_t k = i; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        v = v * 10 + (s[k] - '0');
    }
    *out = i ? -(double)v : (double)v;
    return true;
}

// cJSON takes the run of "0123456789+-eE." characters (Debian's 1.7.15
// has no length limit) and lets strtod read what it can of it; copying
// the run keeps strtod from reading hex or "inf" beyond it.
static uint32_t json_number(Decoder *d, uint32_t pos, double *out)
{
    uint32_t n = 0;
    while (pos + n < d->len && d->text[pos + n] && strchr("0123456789+-eE.", d->text[pos + n]))
        n++;
    if (small_integer(d->text + pos, n, out))
        return pos + n;
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

// Finds and reports the fault in a text cJSON refuses.
static void json_report_error(Decoder *d)
{
    uint32_t pos = json_check_value(d, decode_bom_length(d), 0, NO_OPENER);
    if (pos != JSON_FAIL && json_check_rest(d, pos)) // the checker should not miss it
        fail_unexpected(d, decode_bom_length(d), NO_OPENER, "valid JSON");
}

// --- JSON: building values ---------------------------------------------------
//
// The builder reads the text once, accepting exactly what cJSON 1.7 accepts
// and decoding strings as it does, and builds the values with their spans
// on the way: no cJSON tree. On text cJSON refuses it returns JSON_FAIL
// without a word; the checker above then finds and reports the fault.
// The items of the lists and objects being built wait on one stack.

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

typedef struct JsonItem {
    Value *val;
    const char *key; // object members: the decoded key (NULL: refused, reported)
    uint32_t key_len, key_start, key_end;
} JsonItem;

typedef struct JsonBuilder {
    Decoder *d;
    JsonItem *items;
    size_t count, cap;
} JsonBuilder;

// The four hex digits at `s` as cJSON reads them: 0 when one is not a hex
// digit (json_check_escapes reports that).
static unsigned hex4_as_cjson(const char *s)
{
    unsigned h = 0;
    for (int k = 0; k < 4; k++) {
        int v = char_hex_value(s[k]);
        if (v < 0)
            return 0;
        h = h << 4 | (unsigned)v;
    }
    return h;
}

static char *put_utf8(char *w, unsigned cp)
{
    if (cp < 0x80) {
        *w++ = (char)cp;
    } else if (cp < 0x800) {
        *w++ = (char)(0xC0 | cp >> 6);
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = (char)(0xE0 | cp >> 12);
        *w++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *w++ = (char)(0xF0 | cp >> 18);
        *w++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *w++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    }
    return w;
}

// The \u escape at `i` (before the closing quote at `quote`) as cJSON reads
// it: writes the character to *w and returns the escape's length, or 0
// where cJSON fails (a short or unpaired surrogate escape).
static uint32_t decode_u_escape(const Decoder *d, uint32_t i, uint32_t quote, char **w)
{
    if (quote - i < 6)
        return 0;
    unsigned first = hex4_as_cjson(d->text + i + 2), cp = first, n = 6;
    if (first >= 0xDC00 && first <= 0xDFFF)
        return 0;
    if (first >= 0xD800) {
        uint32_t j = i + 6;
        if (first > 0xDBFF || quote - j < 6 || d->text[j] != '\\' || d->text[j + 1] != 'u')
            return 0;
        unsigned second = hex4_as_cjson(d->text + j + 2);
        if (second < 0xDC00 || second > 0xDFFF)
            return 0;
        cp = 0x10000 + ((first & 0x3FF) << 10 | (second & 0x3FF));
        n = 12;
    }
    *w = put_utf8(*w, cp);
    return n;
}

// Decodes the string whose quotes are at `start` and end - 1 into *out
// (into the arena when it holds escapes, else pointing into the text, not
// NUL-terminated); false where cJSON fails. A \u0000 ends the text, as it
// ends cJSON's.
static bool decode_json_string(const Decoder *d, uint32_t start, uint32_t end, const char **out,
                               uint32_t *len)
{
    const char *s = d->text + start + 1;
    uint32_t quote = end - 1;
    if (!memchr(s, '\\', quote - start - 1)) {
        *out = s;
        *len = quote - start - 1;
        return true;
    }
    char *buf = arena_alloc(d->a, end - start), *w = buf;
    static const char plain[] = "\"\\/bfnrt", meant[] = "\"\\/\b\f\n\r\t";
    for (uint32_t i = start + 1; i < quote;) {
        char c = d->text[i];
        const char *e = c == '\\' ? strchr(plain, d->text[i + 1]) : NULL;
        if (c != '\\') {
            *w++ = c;
            i++;
        } else if (e && *e) {
            *w++ = meant[e - plain];
            i += 2;
        } else if (d->text[i + 1] != 'u') {
            return false;
        } else {
            uint32_t n = decode_u_escape(d, i, quote, &w);
            if (n == 0)
                return false;
            i += n;
        }
    }
    *w = '\0';
    *out = buf;
    *len = (uint32_t)strlen(buf);
    return true;
}

static uint32_t build_value(JsonBuilder *b, uint32_t pos, unsigned depth, Value **out);

static void push_item(JsonBuilder *b, JsonItem item)
{
    BUF_RESERVE_HEAP(b->items, b->count, b->cap);
    b->items[b->count++] = item;
}

static uint32_t build_array(JsonBuilder *b, uint32_t start, unsigned depth, Value **out)
{
    Decoder *d = b->d;
    if (depth >= DECODE_MAX_DEPTH)
        return JSON_FAIL;
    size_t base = b->count;
    uint32_t p = json_skip_space(d, start + 1);
    if (p >= d->len || d->text[p] != ']') {
        for (;;) {
            JsonItem item = {0};
            p = build_value(b, p, depth + 1, &item.val);
            if (p == JSON_FAIL)
                return JSON_FAIL;
            push_item(b, item);
            p = json_skip_space(d, p);
            if (p >= d->len || d->text[p] != ',')
                break;
            p++;
        }
        if (p >= d->len || d->text[p] != ']')
            return JSON_FAIL;
    }
    Value *list = value_list_new(d->a, decode_span(d, start, p + 1), (uint32_t)(b->count - base));
    for (size_t i = base; i < b->count; i++)
        list->as.list.items[i - base] = b->items[i].val;
    b->count = base;
    *out = list;
    return p + 1;
}

// One member "key": value, pushed; the offset past it or JSON_FAIL.
static uint32_t build_member(JsonBuilder *b, uint32_t p, unsigned depth)
{
    Decoder *d = b->d;
    JsonItem item = {.key_start = json_skip_space(d, p)};
    if (item.key_start >= d->len || d->text[item.key_start] != '"')
        return JSON_FAIL;
    item.key_end = json_string_end(d, item.key_start);
    if (item.key_end == JSON_FAIL ||
        !decode_json_string(d, item.key_start, item.key_end, &item.key, &item.key_len))
        return JSON_FAIL;
    if (item.key != d->text + item.key_start + 1 &&
        !json_check_escapes(d, item.key_start, item.key_end))
        item.key = NULL;
    p = json_skip_space(d, item.key_end);
    if (p >= d->len || d->text[p] != ':')
        return JSON_FAIL;
    p = build_value(b, p + 1, depth + 1, &item.val);
    if (p != JSON_FAIL)
        push_item(b, item);
    return p;
}

static uint32_t build_object(JsonBuilder *b, uint32_t start, unsigned depth, Value **out)
{
    Decoder *d = b->d;
    if (depth >= DECODE_MAX_DEPTH)
        return JSON_FAIL;
    size_t base = b->count;
    uint32_t p = json_skip_space(d, start + 1);
    if (p >= d->len || d->text[p] != '}') {
        for (;;) {
            p = build_member(b, p, depth);
            if (p == JSON_FAIL)
                return JSON_FAIL;
            p = json_skip_space(d, p);
            if (p >= d->len || d->text[p] != ',')
                break;
            p++;
        }
        if (p >= d->len || d->text[p] != '}')
            return JSON_FAIL;
    }
    uint32_t n = (uint32_t)(b->count - base);
    Value *obj = value_object_new(d->a, decode_span(d, start, p + 1), n);
    KeySpans keys = {arena_alloc(d->a, (size_t)n * sizeof(Span) + 1), n};
    for (size_t i = base; i < b->count; i++) {
        const JsonItem *m = &b->items[i];
        if (m->key)
            decode_put_member(d, obj, &keys, m->key, m->key_len,
                              decode_span(d, m->key_start, m->key_end), m->val);
    }
    b->count = base;
    *out = obj;
    return p + 1;
}

static uint32_t build_number(Decoder *d, uint32_t start, Value **out)
{
    double n;
    uint32_t end = json_number(d, start, &n);
    if (end == JSON_FAIL)
        return JSON_FAIL;
    Span span = decode_span(d, start, end);
    if (isinf(n)) {
        diag_error(d->diags, E_NUMBER_RANGE, span, "number %.*s is out of range",
                   (int)(end - start), d->text + start);
        *out = value_invalid(d->a, span);
        return end;
    }
    if (!value_int_text_exact(d->text + start, end - start)) {
        Diag *g =
            diag_error(d->diags, E_INEXACT_INTEGER, span, "integer %.*s cannot be held exactly",
                       (int)(end - start), d->text + start);
        diag_help(d->diags, g,
                  "integers are exact up to 9007199254740992 (2^53); write a larger "
                  "one as a string");
        *out = value_invalid(d->a, span);
        return end;
    }
    Value *v = value_number(d->a, span, n);
    if (memchr(d->text + start, '.', end - start) || memchr(d->text + start, 'e', end - start) ||
        memchr(d->text + start, 'E', end - start))
        v->flags |= VALF_FLOAT;
    *out = v;
    return end;
}

static uint32_t build_string(Decoder *d, uint32_t start, Value **out)
{
    uint32_t end = json_string_end(d, start);
    const char *s;
    uint32_t len;
    if (end == JSON_FAIL || !decode_json_string(d, start, end, &s, &len))
        return JSON_FAIL;
    Span span = decode_span(d, start, end);
    if (s != d->text + start + 1) // it held escapes
        json_check_escapes(d, start, end);
    *out = value_string(d->a, span, s, len);
    return end;
}

// Builds the value at `pos` (white space first) into *out; returns the
// offset past it.
static uint32_t build_value(JsonBuilder *b, uint32_t pos, unsigned depth, Value **out)
{
    Decoder *d = b->d;
    uint32_t start = json_skip_space(d, pos);
    if (start >= d->len)
        return JSON_FAIL;
    char c = d->text[start];
    if (c == '[')
        return build_array(b, start, depth, out);
    if (c == '{')
        return build_object(b, start, depth, out);
    if (c == '"')
        return build_string(d, start, out);
    if (c == '-' || (c >= '0' && c <= '9'))
        return build_number(d, start, out);
    static const char *const literals[] = {"null", "false", "true"};
    for (size_t i = 0; i < 3; i++) {
        if (!starts_with(d, start, literals[i]))
            continue;
        uint32_t end = start + (uint32_t)strlen(literals[i]);
        Span span = decode_span(d, start, end);
        *out = i == 0 ? value_null(d->a, span) : value_bool(d->a, span, i == 2);
        return end;
    }
    return JSON_FAIL;
}

Value *decode_json_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags)
{
    const SourceFile *f = source_file(src, file);
    Decoder d = {a, diags, file, f->text, f->len};
    if (!decode_check_encoding(&d))
        return NULL;
    // The builder's own findings wait until the text proves to be JSON.
    Diags found;
    diags_init(&found, a);
    d.diags = &found;
    JsonBuilder b = {&d, NULL, 0, 0};
    Value *v = NULL;
    uint32_t pos = build_value(&b, decode_bom_length(&d), 0, &v);
    free(b.items);
    d.diags = diags;
    if (pos == JSON_FAIL) {
        json_report_error(&d);
        return NULL;
    }
    for (size_t i = 0; i < found.count; i++)
        diags_append(diags, found.items[i]);
    return json_check_rest(&d, pos) && found.errors == 0 ? v : NULL;
}
