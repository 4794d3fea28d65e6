// emit/json.c - value trees to JSON text through cJSON.
//
// Builds a cJSON tree that mirrors the value (objects in member order),
// prints it and copies the text into the arena; the cJSON tree and its
// printed text never leave this file. Reading JSON is decode_json.c's job.
#include "emit/emit.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/diag.h"
#include "emit/cjson_pool.h"

// Values are built by the evaluator, whose own limits keep them far
// shallower; this guard only turns a broken invariant into a clear abort
// instead of a stack overflow.
#define EMIT_MAX_DEPTH 10000

static cJSON *to_json(const Value *v, unsigned depth);

// Numbers go in as raw text: cJSON_CreateNumber prints 1e15 as "1e+15" and
// 0.1 as "0.10000000000000001", while value_number_text gives the exact
// digits of integers and the shortest text that reads back as the double.
static cJSON *number_to_json(double n)
{
    if (!isfinite(n))
        INTERNAL_ERROR("a non-finite number reached the JSON emitter");
    char buf[VALUE_NUMBER_BUF];
    return cJSON_CreateRaw(value_number_text(n, buf));
}

static cJSON *list_to_json(const Value *v, unsigned depth)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return NULL;
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        cJSON *item = to_json(v->as.list.items[i], depth + 1);
        if (!item || !cJSON_AddItemToArray(arr, item)) {
            cJSON_Delete(item); // not attached: still ours (NULL is fine)
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

static cJSON *object_to_json(const Value *v, unsigned depth)
{
    cJSON *obj = cJSON_CreateObject();
    if (!obj)
        return NULL;
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        cJSON *item = to_json(v->as.object.vals[i], depth + 1);
        // The key is not copied either (CS: cJSON neither copies nor frees it).
        if (!item || !cJSON_AddItemToObjectCS(obj, v->as.object.keys[i].ptr, item)) {
            cJSON_Delete(item);
            cJSON_Delete(obj);
            return NULL;
        }
    }
    return obj;
}

// Returns a new cJSON tree for `v` (the caller deletes it), or NULL when
// cJSON runs out of memory.
static cJSON *to_json(const Value *v, unsigned depth)
{
    if (depth > EMIT_MAX_DEPTH)
        INTERNAL_ERROR("value nested too deeply for the JSON emitter");
    switch (v->kind) {
    case VAL_INVALID:
        INTERNAL_ERROR("an invalid value reached the JSON emitter");
    case VAL_NULL:
        return cJSON_CreateNull();
    case VAL_BOOL:
        return cJSON_CreateBool(v->as.boolean);
    case VAL_NUMBER:
        return number_to_json(v->as.number);
    case VAL_STRING:
        // A reference, not a copy: the value outlives the cJSON tree, and
        // strings hold no NUL.
        return cJSON_CreateStringReference(v->as.str.ptr);
    case VAL_LIST:
        return list_to_json(v, depth);
    case VAL_OBJECT:
        return object_to_json(v, depth);
    }
    INTERNAL_ERROR("unknown value kind");
}

// cJSON writes U+007F and U+0080-U+009F raw; YAML-first readers such as
// cfn-lint refuse them, so they become \u00XX. They can only stand inside
// strings (cJSON's own text is ASCII), so the whole text is scanned. Returns
// NULL when `printed` holds none, else a new malloc'd copy with them escaped.
static char *escape_c1_controls(const char *printed)
{
    if (!strpbrk(printed, "\x7f\xc2")) // the common case, at memchr's speed
        return NULL;
    size_t extra = 0;
    const unsigned char *p = (const unsigned char *)printed;
    for (; *p; p++)
        if (*p == 0x7f)
            extra += 5;
        else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            extra += 4;
    if (!extra)
        return NULL;
    size_t n = (size_t)(p - (const unsigned char *)printed);
    char *out = xmalloc(n + extra + 1);
    char *w = out;
    for (p = (const unsigned char *)printed; *p; p++) {
        unsigned c = *p;
        if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            c = *++p;
        else if (c != 0x7f) {
            *w++ = (char)c;
            continue;
        }
        w += sprintf(w, "\\u%04x", c);
    }
    *w = '\0';
    return out;
}

// The length of string `s` as cJSON prints it, quotes included, after
// escape_c1_controls: '"', '\\' and \b \f \n \r \t take two bytes, other
// control characters, U+007F and U+0080-U+009F six (\u00XX).
static size_t string_length(const char *s)
{
    size_t n = 2;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c - 0x20u < 0x5fu && c != '"' && c != '\\') { // printable ASCII: most bytes
            n++;
            continue;
        }
        if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
            n += 2;
        else if (c < 0x20 || c == 0x7f)
            n += 6;
        else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            n += 6;
            p++;
        } else
            n++;
    }
    return n;
}

// What a length walk counts (text_length).
typedef enum LengthMode {
    LEN_EXACT,  // the compact text's bytes, escapes counted
    LEN_BOUND,  // at least LEN_EXACT, without reading strings (six bytes a byte)
    LEN_PRETTY, // cJSON_Print's text, strings taken without escapes
} LengthMode;

// The digits of a number as value_number_text writes it; under LEN_PRETTY,
// whose answer only sizes a buffer, integers are counted without
// formatting them.
static size_t number_length(double d, LengthMode m)
{
    if (!isfinite(d))
        INTERNAL_ERROR("a non-finite number reached the JSON emitter");
    if (m == LEN_PRETTY && d == (double)(int64_t)d && fabs(d) < 1e15) {
        size_t n = d < 0 ? 2 : 1;
        for (int64_t i = (int64_t)fabs(d); i >= 10; i /= 10)
            n++;
        return n;
    }
    char buf[VALUE_NUMBER_BUF];
    return strlen(value_number_text(d, buf));
}

static size_t str_length(const ValueStr *s, LengthMode m)
{
    return m == LEN_EXACT ? string_length(s->ptr) : (m == LEN_BOUND ? 6 : 1) * (size_t)s->len + 2;
}

// The length of `v`'s text at nesting `depth`. Compact: no white space at
// all. Pretty, by cJSON_Print's layout: an array's items on one line after
// "[" and ", ", an object's members one a line, each indented one tab
// deeper than the object, as `key:<tab>value`, the closing brace at the
// object's own indentation.
static size_t text_length(const Value *v, size_t depth, LengthMode m)
{
    if (depth > EMIT_MAX_DEPTH)
        INTERNAL_ERROR("value nested too deeply for the JSON emitter");
    bool pretty = m == LEN_PRETTY;
    size_t n = 2, inner = depth + 1; // the brackets of a collection
    switch (v->kind) {
    case VAL_INVALID:
        INTERNAL_ERROR("an invalid value reached the JSON emitter");
    case VAL_NULL:
        return 4;
    case VAL_BOOL:
        return v->as.boolean ? 4 : 5;
    case VAL_NUMBER:
        return number_length(v->as.number, m);
    case VAL_STRING:
        return str_length(&v->as.str, m);
    case VAL_LIST:
        for (uint32_t i = 0; i < v->as.list.count; i++)
            n += (i ? 1 + pretty : 0) + text_length(v->as.list.items[i], inner, m);
        return n;
    case VAL_OBJECT:
        n += pretty ? 1 + depth : 0; // "{\n" ... tabs "}"
        for (uint32_t i = 0; i < v->as.object.count; i++) {
            n += str_length(&v->as.object.keys[i], m) + 1 +
                 text_length(v->as.object.vals[i], inner, m);
            if (pretty) // tabs, '\t' after ':', ',' unless last, '\n'
                n += inner + 1 + (i + 1 < v->as.object.count) + 1;
            else
                n += i > 0;
        }
        return n;
    }
    INTERNAL_ERROR("unknown value kind");
}

size_t emit_json_compact_length(const Value *v)
{
    return text_length(v, 0, LEN_EXACT);
}

size_t emit_json_compact_bound(const Value *v)
{
    return text_length(v, 0, LEN_BOUND);
}

// Room beyond text_length(LEN_PRETTY): a 32nd for escapes in strings, and
// the bytes cJSON's buffer checks reserve beyond what they write.
#define PRINT_ROOM(n) ((n) + (n) / 32 + 64)

// value_size(v) when the summaries of `v` or of its items tell it without
// a walk (the evaluator summarizes every result; a wrapper such as the
// object of all outputs is not), else 0.
static double known_size(const Value *v)
{
    if (v->depth || (v->kind != VAL_LIST && v->kind != VAL_OBJECT))
        return value_size(v);
    bool list = v->kind == VAL_LIST;
    uint32_t count = list ? v->as.list.count : v->as.object.count;
    double size = VALUE_ELEMENT_SIZE;
    for (uint32_t i = 0; i < count; i++) {
        const Value *it = list ? v->as.list.items[i] : v->as.object.vals[i];
        if (!it->depth && (it->kind == VAL_LIST || it->kind == VAL_OBJECT))
            return 0;
        size += value_size(it) + (list ? 0 : v->as.object.keys[i].len);
    }
    return size;
}

// True when `v` is known to make a text of 256 KiB or more: worth a walk
// to size the print buffer once. A smaller text costs cJSON a few small
// copies as its buffer grows, less than the walk.
static bool large_text(const Value *v)
{
    return known_size(v) >= 256 * 1024;
}

// Prints `v` through a pooled cJSON tree. Returns the text (NULL when cJSON
// ran out of memory) and sets *pooled when it lives in the pool, which the
// caller must copy out of before cjson_pool_end; else the caller owns it,
// and it has room for at least *cap bytes (0: unknown).
static char *print_pooled(const Value *v, EmitJsonStyle style, cJSON **root, bool *pooled,
                          size_t *cap)
{
    *root = to_json(v, 0);
    *cap = 0;
    if (!*root)
        return NULL;
    char *printed;
    if (style == EMIT_JSON_COMPACT || !large_text(v)) {
        printed = style == EMIT_JSON_COMPACT ? cJSON_PrintUnformatted(*root) : cJSON_Print(*root);
    } else {
        // Sized once, the buffer is neither grown (a copy each time) nor
        // copied again at its final size, and has room for the final "\n".
        size_t need = PRINT_ROOM(text_length(v, 0, LEN_PRETTY) + 2);
        if (need > INT_MAX) {
            printed = cJSON_Print(*root);
        } else {
            printed = cJSON_PrintBuffered(*root, (int)need, 1);
            *cap = need;
        }
    }
    *pooled = printed && cjson_pool_owns(printed);
    return printed;
}

// The printed text of `v` as the emitter's callers get it: C1 controls
// escaped and, for EMIT_JSON_PRETTY, a final line break; in the arena `a`
// or, without one, on the heap.
static char *emit_with(const Value *v, EmitJsonStyle style, size_t *len, Arena *a)
{
    cJSON *root = NULL;
    bool pooled = false;
    size_t cap = 0;
    cjson_pool_begin();
    char *printed = print_pooled(v, style, &root, &pooled, &cap);
    char *out = NULL;
    if (printed) {
        char *escaped = escape_c1_controls(printed);
        const char *text = escaped ? escaped : printed;
        size_t n = strlen(text), extra = style == EMIT_JSON_PRETTY;
        // cJSON's heap text as it is, the line break written in its room.
        bool keep = !escaped && !pooled && (!extra || n + 2 <= cap);
        out = keep ? printed : a ? arena_alloc(a, n + extra + 1) : xmalloc(n + extra + 1);
        if (!keep)
            memcpy(out, text, n);
        if (extra)
            out[n++] = '\n';
        out[n] = '\0';
        if (!keep && !pooled)
            free(printed);
        free(escaped);
        if (keep && a)
            arena_adopt(a, out);
        if (len)
            *len = n;
    }
    cjson_pool_end(root);
    return out;
}

char *emit_json_heap(const Value *v, EmitJsonStyle style, size_t *len)
{
    return emit_with(v, style, len, NULL);
}

char *emit_json(Arena *a, const Value *v, EmitJsonStyle style, size_t *len)
{
    return emit_with(v, style, len, a);
}
