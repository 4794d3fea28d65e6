// value.c - construction, lookup, comparison and printing of values.
#include "base/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"

#define SMALL_OBJECT 8 // objects up to this size are searched linearly

static Value *new_value(Arena *a, ValueKind kind, Span origin)
{
    Value *v = arena_alloc(a, sizeof(Value));
    v->kind = kind;
    v->origin = origin;
    v->site = span_none();
    return v;
}

Value *value_invalid(Arena *a, Span origin)
{
    return new_value(a, VAL_INVALID, origin);
}

Value *value_null(Arena *a, Span origin)
{
    return new_value(a, VAL_NULL, origin);
}

Value *value_bool(Arena *a, Span origin, bool b)
{
    Value *v = new_value(a, VAL_BOOL, origin);
    v->as.boolean = b;
    return v;
}

Value *value_number(Arena *a, Span origin, double n)
{
    Value *v = new_value(a, VAL_NUMBER, origin);
    v->as.number = n;
    return v;
}

Value *value_string_ref(Arena *a, Span origin, const char *s, size_t len)
{
    Value *v = new_value(a, VAL_STRING, origin);
    v->as.str.ptr = s;
    v->as.str.len = (uint32_t)len;
    return v;
}

Value *value_string(Arena *a, Span origin, const char *s, size_t len)
{
    return value_string_ref(a, origin, arena_strndup(a, s, len), len);
}

Value *value_cstring(Arena *a, Span origin, const char *s)
{
    return value_string(a, origin, s, strlen(s));
}

Value *value_list_new(Arena *a, Span origin, uint32_t count)
{
    Value *v = new_value(a, VAL_LIST, origin);
    v->as.list.items = count ? arena_alloc(a, (size_t)count * sizeof(Value *)) : NULL;
    v->as.list.count = count;
    return v;
}

Value *value_object_new(Arena *a, Span origin, uint32_t cap)
{
    Value *v = new_value(a, VAL_OBJECT, origin);
    if (cap) {
        v->as.object.keys = arena_alloc(a, (size_t)cap * sizeof(ValueStr));
        v->as.object.vals = arena_alloc(a, (size_t)cap * sizeof(Value *));
    }
    v->as.object.cap = cap;
    return v;
}

static bool key_is(const ValueStr *k, const char *s, size_t len)
{
    return k->len == len && memcmp(k->ptr, s, len) == 0;
}

static void index_insert(Value *obj, uint32_t pos)
{
    uint32_t mask = obj->as.object.index_cap - 1;
    const ValueStr *k = &obj->as.object.keys[pos];
    uint32_t i = hash_fnv32(k->ptr, k->len) & mask;
    while (obj->as.object.index[i])
        i = (i + 1) & mask;
    obj->as.object.index[i] = pos + 1;
}

static void index_rebuild(Arena *a, Value *obj)
{
    uint32_t cap = 16;
    while (cap < obj->as.object.count * 2 + 2)
        cap *= 2;
    obj->as.object.index = arena_alloc(a, (size_t)cap * sizeof(uint32_t));
    obj->as.object.index_cap = cap;
    for (uint32_t i = 0; i < obj->as.object.count; i++)
        index_insert(obj, i);
}

int64_t value_object_find(const Value *obj, const char *key, size_t len)
{
    if (!obj->as.object.index) {
        for (uint32_t i = 0; i < obj->as.object.count; i++)
            if (key_is(&obj->as.object.keys[i], key, len))
                return i;
        return -1;
    }
    uint32_t mask = obj->as.object.index_cap - 1;
    for (uint32_t i = hash_fnv32(key, len) & mask; obj->as.object.index[i]; i = (i + 1) & mask) {
        uint32_t pos = obj->as.object.index[i] - 1;
        if (key_is(&obj->as.object.keys[pos], key, len))
            return pos;
    }
    return -1;
}

Value *value_object_get(const Value *obj, const char *key, size_t len)
{
    int64_t pos = value_object_find(obj, key, len);
    return pos < 0 ? NULL : obj->as.object.vals[pos];
}

// An object that changes forgets its summary (canonical forms edit copies).
static void forget_summary(Value *v)
{
    v->depth = 0;
    v->flags &= (uint8_t) ~(VALF_HOLDS_SENSITIVE | VALF_HOLDS_INTRINSIC);
}

static void object_append_ref(Arena *a, Value *obj, const char *key, size_t len, Value *val)
{
    uint32_t n = obj->as.object.count;
    if (n == obj->as.object.cap) {
        uint32_t cap = (uint32_t)buf_next_cap(n, sizeof n); // keys and values grow together
        obj->as.object.keys = arena_grow(a, obj->as.object.keys, n, cap, sizeof(ValueStr));
        obj->as.object.vals = arena_grow(a, obj->as.object.vals, n, cap, sizeof(Value *));
        obj->as.object.cap = cap;
    }
    obj->as.object.keys[n].ptr = key;
    obj->as.object.keys[n].len = (uint32_t)len;
    obj->as.object.vals[n] = val;
    obj->as.object.count = n + 1;
    forget_summary(obj);
    if (obj->as.object.index && (n + 1) * 2 + 2 <= obj->as.object.index_cap)
        index_insert(obj, n);
    else if (n + 1 > SMALL_OBJECT)
        index_rebuild(a, obj);
}

static void object_append(Arena *a, Value *obj, const char *key, size_t len, Value *val)
{
    object_append_ref(a, obj, arena_strndup(a, key, len), len, val);
}

bool value_object_put_ref(Arena *a, Value *obj, const char *key, size_t len, Value *val)
{
    if (value_object_find(obj, key, len) >= 0)
        return false;
    object_append_ref(a, obj, key, len, val);
    return true;
}

void value_object_append_ref(Arena *a, Value *obj, const char *key, size_t len, Value *val)
{
    object_append_ref(a, obj, key, len, val);
}

bool value_object_put(Arena *a, Value *obj, const char *key, size_t len, Value *val)
{
    if (value_object_find(obj, key, len) >= 0)
        return false;
    object_append(a, obj, key, len, val);
    return true;
}

void value_object_set(Arena *a, Value *obj, const char *key, size_t len, Value *val)
{
    int64_t pos = value_object_find(obj, key, len);
    if (pos >= 0) {
        obj->as.object.vals[pos] = val;
        forget_summary(obj);
    } else
        object_append(a, obj, key, len, val);
}

Value *value_with_origin(Arena *a, const Value *v, Span origin)
{
    Value *c = arena_alloc(a, sizeof(Value));
    *c = *v;
    c->origin = origin;
    return c;
}

Value *value_mark_sensitive(Arena *a, const Value *v)
{
    Value *c = value_with_origin(a, v, v->origin);
    c->flags |= VALF_SENSITIVE;
    if (v->kind == VAL_LIST) {
        c->as.list.items = arena_alloc(a, (size_t)v->as.list.count * sizeof(Value *) + 1);
        for (uint32_t i = 0; i < v->as.list.count; i++)
            c->as.list.items[i] = value_mark_sensitive(a, v->as.list.items[i]);
    } else if (v->kind == VAL_OBJECT) {
        // The keys are shared (a later put copies them: cap == count); the
        // index is rebuilt so that no put ever writes into v's.
        c->as.object.vals = arena_alloc(a, (size_t)v->as.object.count * sizeof(Value *) + 1);
        for (uint32_t i = 0; i < v->as.object.count; i++)
            c->as.object.vals[i] = value_mark_sensitive(a, v->as.object.vals[i]);
        c->as.object.cap = v->as.object.count;
        c->as.object.index = NULL;
        c->as.object.index_cap = 0;
        if (c->as.object.count > SMALL_OBJECT)
            index_rebuild(a, c);
    }
    return c;
}

bool value_is_sensitive(const Value *v)
{
    if (v->flags & VALF_SENSITIVE)
        return true;
    if (v->depth)
        return (v->flags & VALF_HOLDS_SENSITIVE) != 0;
    if (v->kind == VAL_LIST) {
        for (uint32_t i = 0; i < v->as.list.count; i++)
            if (value_is_sensitive(v->as.list.items[i]))
                return true;
    } else if (v->kind == VAL_OBJECT) {
        for (uint32_t i = 0; i < v->as.object.count; i++)
            if (value_is_sensitive(v->as.object.vals[i]))
                return true;
    }
    return false;
}

typedef struct Summary {
    uint32_t deepest; // depth of the deepest item
    bool holds;       // an item is (or holds) a sensitive value
    bool intrinsic;   // an item is (or holds) an intrinsic
    double size;      // value_size of the items
} Summary;

// Folds item `it` into its container's summary. A scalar, the most common
// item, is folded here (one level deep, its own mark, value_size's bytes)
// without summarizing it: nothing reads a scalar's depth.
static void summarize_item(Value *it, Summary *s)
{
    if (it->kind != VAL_LIST && it->kind != VAL_OBJECT) {
        s->deepest = s->deepest > 1 ? s->deepest : 1;
        s->holds = s->holds || (it->flags & VALF_SENSITIVE);
        s->size += VALUE_ELEMENT_SIZE + (it->kind == VAL_STRING ? it->as.str.len : 0);
        return;
    }
    uint32_t d = value_summarize(it);
    if (d > s->deepest)
        s->deepest = d;
    s->holds = s->holds || (it->flags & (VALF_SENSITIVE | VALF_HOLDS_SENSITIVE));
    s->intrinsic = s->intrinsic || (it->flags & (VALF_INTRINSIC | VALF_HOLDS_INTRINSIC));
    s->size += value_size(it);
}

uint32_t value_summarize(Value *v)
{
    if (v->depth)
        return v->depth;
    Summary s = {0, false, false, VALUE_ELEMENT_SIZE};
    if (v->kind == VAL_LIST) {
        for (uint32_t i = 0; i < v->as.list.count; i++)
            summarize_item(v->as.list.items[i], &s);
        v->as.list.size = (float)s.size;
    } else if (v->kind == VAL_OBJECT) {
        for (uint32_t i = 0; i < v->as.object.count; i++) {
            summarize_item(v->as.object.vals[i], &s);
            s.size += v->as.object.keys[i].len;
        }
        v->as.object.size = (float)s.size;
    }
    v->depth = s.deepest + 1 < UINT16_MAX ? (uint16_t)(s.deepest + 1) : UINT16_MAX;
    if (s.holds)
        v->flags |= VALF_HOLDS_SENSITIVE;
    if (s.intrinsic)
        v->flags |= VALF_HOLDS_INTRINSIC;
    return v->depth;
}

double value_size(const Value *v)
{
    double size = VALUE_ELEMENT_SIZE;
    switch (v->kind) {
    case VAL_STRING:
        return size + v->as.str.len;
    case VAL_LIST:
        if (v->depth)
            return v->as.list.size;
        for (uint32_t i = 0; i < v->as.list.count; i++)
            size += value_size(v->as.list.items[i]);
        return size;
    case VAL_OBJECT:
        if (v->depth)
            return v->as.object.size;
        for (uint32_t i = 0; i < v->as.object.count; i++)
            size += value_size(v->as.object.vals[i]) + v->as.object.keys[i].len;
        return size;
    case VAL_INVALID:
    case VAL_NULL:
    case VAL_BOOL:
    case VAL_NUMBER:
        break;
    }
    return size;
}

bool value_has_invalid(const Value *v)
{
    if (v->kind == VAL_INVALID)
        return true;
    if (v->kind == VAL_LIST) {
        for (uint32_t i = 0; i < v->as.list.count; i++)
            if (value_has_invalid(v->as.list.items[i]))
                return true;
    } else if (v->kind == VAL_OBJECT) {
        for (uint32_t i = 0; i < v->as.object.count; i++)
            if (value_has_invalid(v->as.object.vals[i]))
                return true;
    }
    return false;
}

Value *value_new_intrinsic(Arena *a, Span origin, const char *key, size_t len, Value *arg)
{
    Value *obj = value_object_new(a, origin, 1);
    value_object_put(a, obj, key, len, arg);
    obj->flags |= VALF_INTRINSIC;
    return obj;
}

const Value *value_find_intrinsic(const Value *v)
{
    if (v->flags & VALF_INTRINSIC)
        return v;
    if (v->depth && !(v->flags & VALF_HOLDS_INTRINSIC))
        return NULL; // summarized: none inside
    const Value *found = NULL;
    if (v->kind == VAL_LIST)
        for (uint32_t i = 0; !found && i < v->as.list.count; i++)
            found = value_find_intrinsic(v->as.list.items[i]);
    if (v->kind == VAL_OBJECT)
        for (uint32_t i = 0; !found && i < v->as.object.count; i++)
            found = value_find_intrinsic(v->as.object.vals[i]);
    return found;
}

static bool objects_equal(const Value *a, const Value *b)
{
    if (a->as.object.count != b->as.object.count)
        return false;
    for (uint32_t i = 0; i < a->as.object.count; i++) {
        const ValueStr *k = &a->as.object.keys[i];
        const Value *other = value_object_get(b, k->ptr, k->len);
        if (!other || !value_equal(a->as.object.vals[i], other))
            return false;
    }
    return true;
}

bool value_equal(const Value *a, const Value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case VAL_INVALID:
        return false;
    case VAL_NULL:
        return true;
    case VAL_BOOL:
        return a->as.boolean == b->as.boolean;
    case VAL_NUMBER:
        return a->as.number == b->as.number;
    case VAL_STRING:
        return a->as.str.len == b->as.str.len &&
               memcmp(a->as.str.ptr, b->as.str.ptr, a->as.str.len) == 0;
    case VAL_LIST:
        if (a->as.list.count != b->as.list.count)
            return false;
        for (uint32_t i = 0; i < a->as.list.count; i++)
            if (!value_equal(a->as.list.items[i], b->as.list.items[i]))
                return false;
        return true;
    case VAL_OBJECT:
        return objects_equal(a, b);
    }
    return false;
}

int value_compare(const Value *a, const Value *b)
{
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    switch (a->kind) {
    case VAL_NUMBER:
        return (a->as.number > b->as.number) - (a->as.number < b->as.number);
    case VAL_STRING: {
        uint32_t n = a->as.str.len < b->as.str.len ? a->as.str.len : b->as.str.len;
        int c = memcmp(a->as.str.ptr, b->as.str.ptr, n);
        if (c)
            return c;
        return (a->as.str.len > b->as.str.len) - (a->as.str.len < b->as.str.len);
    }
    case VAL_BOOL:
        return (int)a->as.boolean - (int)b->as.boolean;
    case VAL_INVALID:
    case VAL_NULL:
    case VAL_LIST:
    case VAL_OBJECT:
        return 0;
    }
    return 0;
}

const char *value_type_name(const Value *v)
{
    switch (v->kind) {
    case VAL_INVALID:
        return "invalid";
    case VAL_NULL:
        return "null";
    case VAL_BOOL:
        return "bool";
    case VAL_NUMBER:
        return "number";
    case VAL_STRING:
        return "string";
    case VAL_LIST:
        if (v->flags & VALF_SET)
            return "set";
        return (v->flags & VALF_TUPLE) ? "tuple" : "list";
    case VAL_OBJECT:
        return (v->flags & VALF_MAP) ? "map" : "object";
    }
    return "invalid";
}

bool value_int_text_exact(const char *s, size_t len)
{
    size_t i = len && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    while (i < len && s[i] == '0' && i + 1 < len)
        i++; // leading zeros
    size_t first = i;
    for (; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return true; // not an integer written in decimal
    if (first == len || len - first <= 15)
        return true; // up to 15 digits always fit
    size_t n = len - first;
    if (n > 310)
        return true; // beyond a double's range: reported as too large elsewhere
    char in[320], out[330];
    memcpy(in, s + first, n);
    in[n] = '\0';
    // glibc prints an integral double's exact decimal expansion.
    snprintf(out, sizeof out, "%.0f", strtod(in, NULL));
    return strcmp(in, out) == 0;
}

bool value_number_is_int(double n)
{
    return isfinite(n) && n == floor(n) && fabs(n) <= VALUE_MAX_EXACT_INT;
}

const char *value_number_text(double n, char *buf)
{
    if (value_number_is_int(n)) { // digits by hand: snprintf("%.0f") is slow
        uint64_t u = (uint64_t)(n < 0 ? -n : n);
        char tmp[24];
        int k = 0;
        do {
            tmp[k++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        int j = 0;
        if (n < 0)
            buf[j++] = '-';
        while (k)
            buf[j++] = tmp[--k];
        buf[j] = '\0';
        return buf;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, VALUE_NUMBER_BUF, "%.*g", prec, n);
        if (strtod(buf, NULL) == n)
            break;
    }
    return buf;
}
