// funcs_collection.c - collection functions: length concat merge keys
// values lookup contains element index flatten distinct reverse slice sort
// range zipmap coalesce coalescelist compact setunion tolist toset tomap one
// alltrue anytrue.
//
// Lists, tuples and sets are all VAL_LIST (sets flagged VALF_SET, tuples
// VALF_TUPLE); maps and objects are VAL_OBJECT. Unlike Terraform, whose
// maps and objects iterate in key order, hclc keeps insertion order: merge()
// keeps the first position of each key (the last value wins), tomap() and
// zipmap() keep the order given. keys() and values() still sort by key, as
// Terraform documents.
#include "funcs/funcs_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A list value holding items[0..n) with `flags`.
static Value *list_of(FnContext *ctx, const FnCall *call, Value *const *items, uint32_t n,
                      uint8_t flags)
{
    Value *list = fn_new_list(ctx, call, n, flags);
    if (n)
        memcpy(list->as.list.items, items, (size_t)n * sizeof(Value *));
    return list;
}

static Value *limit_error(FnContext *ctx, const FnCall *call)
{
    fn_report(ctx, E_FUNC_LIMIT, call->span, "result of %s would have too many elements",
              call->name);
    return fn_invalid(ctx, call);
}

Value *fn_length(FnContext *ctx, const FnCall *call)
{
    const Value *v = call->args[0];
    switch (v->kind) {
    case VAL_LIST:
        return fn_new_number(ctx, call, v->as.list.count);
    case VAL_OBJECT:
        return fn_new_number(ctx, call, v->as.object.count);
    case VAL_STRING:
        return fn_new_number(ctx, call, (double)utf8_count(v->as.str.ptr, v->as.str.len));
    case VAL_INVALID:
    case VAL_NULL:
    case VAL_BOOL:
    case VAL_NUMBER:
        break;
    }
    return fn_arg_error(ctx, call, 0,
                        "argument 1 of length must be a list, map, object or string, got %s",
                        value_type_name(v));
}

// A list when every argument is a list, else a tuple (as Terraform types it).
Value *fn_concat(FnContext *ctx, const FnCall *call)
{
    uint64_t total = 0;
    uint8_t flags = 0;
    for (uint32_t i = 0; i < call->nargs; i++) {
        const Value *seq = fn_arg_seq(ctx, call, i, false);
        if (!seq)
            return fn_invalid(ctx, call);
        total += seq->as.list.count;
        flags |= seq->flags & VALF_TUPLE;
    }
    if (total > UINT32_MAX)
        return limit_error(ctx, call);
    Value *list = fn_new_list(ctx, call, (uint32_t)total, flags);
    uint32_t k = 0;
    for (uint32_t i = 0; i < call->nargs; i++) {
        const Value *seq = call->args[i];
        if (seq->as.list.count)
            memcpy(list->as.list.items + k, seq->as.list.items,
                   (size_t)seq->as.list.count * sizeof(Value *));
        k += seq->as.list.count;
    }
    return list;
}

// Later arguments win; a key keeps the position where it first appeared.
// Null arguments are skipped. The result is a map when all arguments are.
Value *fn_merge(FnContext *ctx, const FnCall *call)
{
    Value *out = value_object_new(ctx->arena, call->span, 8);
    bool all_maps = true, any = false;
    for (uint32_t i = 0; i < call->nargs; i++) {
        const Value *obj = call->args[i];
        if (obj->kind == VAL_NULL)
            continue;
        if (!fn_arg_object(ctx, call, i))
            return fn_invalid(ctx, call);
        any = true;
        all_maps = all_maps && (obj->flags & VALF_MAP);
        for (uint32_t k = 0; k < obj->as.object.count; k++) {
            const ValueStr *key = &obj->as.object.keys[k];
            value_object_set(ctx->arena, out, key->ptr, key->len, obj->as.object.vals[k]);
        }
    }
    if (any && all_maps)
        out->flags = VALF_MAP;
    return out;
}

typedef struct Member {
    ValueStr key;
    Value *val;
} Member;

static int compare_members(const void *a, const void *b)
{
    const ValueStr *x = &((const Member *)a)->key, *y = &((const Member *)b)->key;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->ptr, y->ptr, n);
    if (c)
        return c;
    return (x->len > y->len) - (x->len < y->len);
}

// The members of argument 0 sorted by key (byte order, as Terraform sorts).
static Member *sorted_members(FnContext *ctx, const FnCall *call, uint32_t *n)
{
    const Value *obj = fn_arg_object(ctx, call, 0);
    if (!obj)
        return NULL;
    *n = obj->as.object.count;
    Member *m = arena_alloc(ctx->arena, ((size_t)*n + 1) * sizeof(Member));
    for (uint32_t i = 0; i < *n; i++) {
        m[i].key = obj->as.object.keys[i];
        m[i].val = obj->as.object.vals[i];
    }
    qsort(m, *n, sizeof(Member), compare_members);
    return m;
}

// A list for a map, a tuple for an object (as Terraform types them).
static uint8_t keys_flags(const Value *obj)
{
    return (obj->flags & VALF_MAP) ? 0 : VALF_TUPLE;
}

Value *fn_keys(FnContext *ctx, const FnCall *call)
{
    uint32_t n;
    Member *m = sorted_members(ctx, call, &n);
    if (!m)
        return fn_invalid(ctx, call);
    Value *list = fn_new_list(ctx, call, n, keys_flags(call->args[0]));
    for (uint32_t i = 0; i < n; i++)
        list->as.list.items[i] =
            value_string_ref(ctx->arena, call->span, m[i].key.ptr, m[i].key.len);
    return list;
}

Value *fn_values(FnContext *ctx, const FnCall *call)
{
    uint32_t n;
    Member *m = sorted_members(ctx, call, &n);
    if (!m)
        return fn_invalid(ctx, call);
    Value *list = fn_new_list(ctx, call, n, keys_flags(call->args[0]));
    for (uint32_t i = 0; i < n; i++)
        list->as.list.items[i] = m[i].val;
    return list;
}

Value *fn_lookup(FnContext *ctx, const FnCall *call)
{
    const Value *obj = fn_arg_object(ctx, call, 0);
    ValueStr key;
    if (!obj || !fn_arg_string(ctx, call, 1, &key))
        return fn_invalid(ctx, call);
    Value *found = value_object_get(obj, key.ptr, key.len);
    if (found)
        return found;
    if (call->nargs == 3)
        return call->args[2];
    Value *key_value = value_string_ref(ctx->arena, call->args[1]->origin, key.ptr, key.len);
    key_value->flags = call->args[1]->flags;
    Diag *g = fn_report(ctx, E_FUNC_ARG, fn_arg_span(call, 1),
                        "key %s not found in argument 1 of lookup", fn_show(ctx, key_value));
    const char **names =
        arena_alloc(ctx->arena, ((size_t)obj->as.object.count + 1) * sizeof(const char *));
    for (uint32_t i = 0; i < obj->as.object.count; i++)
        names[i] = obj->as.object.keys[i].ptr;
    const char *near = value_is_sensitive(call->args[1]) || value_is_sensitive(obj)
                           ? NULL // the key, or the map's keys, are secret
                           : diag_suggest(key.ptr, names, obj->as.object.count);
    if (near)
        diag_help(ctx->diags, g, "did you mean \"%s\"?", near);
    else
        diag_help(ctx->diags, g, "give a default as the third argument: lookup(map, key, default)");
    return fn_invalid(ctx, call);
}

Value *fn_contains(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, true);
    if (!seq)
        return fn_invalid(ctx, call);
    for (uint32_t i = 0; i < seq->as.list.count; i++)
        if (value_equal(seq->as.list.items[i], call->args[1]))
            return fn_new_bool(ctx, call, true);
    return fn_new_bool(ctx, call, false);
}

// element(list, index): the index wraps around, negative ones from the end.
Value *fn_element(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, false);
    int64_t index;
    if (!seq || !fn_arg_int(ctx, call, 1, &index))
        return fn_invalid(ctx, call);
    int64_t n = seq->as.list.count;
    if (n == 0)
        return fn_arg_error(ctx, call, 0, "cannot use element with an empty list");
    return seq->as.list.items[((index % n) + n) % n];
}

Value *fn_index(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, false);
    if (!seq)
        return fn_invalid(ctx, call);
    if (seq->as.list.count == 0)
        return fn_arg_error(ctx, call, 0, "cannot search an empty list");
    for (uint32_t i = 0; i < seq->as.list.count; i++)
        if (value_equal(seq->as.list.items[i], call->args[1]))
            return fn_new_number(ctx, call, i);
    const Value *want = call->args[1];
    if (want->kind == VAL_STRING || want->kind == VAL_NUMBER || want->kind == VAL_BOOL)
        return fn_arg_error(ctx, call, 1, "%s is not an element of argument 1 of index",
                            fn_show(ctx, want));
    return fn_arg_error(ctx, call, 1, "argument 2 of index is not an element of argument 1");
}

typedef struct Grow {
    Value **items;
    uint32_t count, cap;
} Grow;

static bool grow_push(FnContext *ctx, Grow *g, Value *v)
{
    if (g->count == UINT32_MAX - 1)
        return false;
    BUF_RESERVE(ctx->arena, g->items, g->count, g->cap);
    g->items[g->count++] = v;
    return true;
}

// Appends the items of `seq`, and of the lists inside it, to `g`.
static bool flatten_into(FnContext *ctx, const FnCall *call, const Value *seq, Grow *g,
                         unsigned depth)
{
    if (depth > FN_MAX_DEPTH) {
        fn_report(ctx, E_FUNC_LIMIT, fn_arg_span(call, 0),
                  "argument 1 of flatten is nested deeper than %d levels", FN_MAX_DEPTH);
        return false;
    }
    for (uint32_t i = 0; i < seq->as.list.count; i++) {
        Value *item = seq->as.list.items[i];
        if (item->kind == VAL_LIST) {
            if (!flatten_into(ctx, call, item, g, depth + 1))
                return false;
        } else if (!grow_push(ctx, g, item)) {
            limit_error(ctx, call);
            return false;
        }
    }
    return true;
}

Value *fn_flatten(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, true);
    Grow g = {0};
    if (!seq || !flatten_into(ctx, call, seq, &g, 0))
        return fn_invalid(ctx, call);
    return list_of(ctx, call, g.items, g.count, VALF_TUPLE);
}

Value *fn_distinct(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, true);
    if (!seq)
        return fn_invalid(ctx, call);
    uint32_t n = seq->as.list.count;
    Value **out = arena_alloc(ctx->arena, ((size_t)n + 1) * sizeof(Value *));
    uint32_t count = fn_dedupe(ctx, seq->as.list.items, n, out);
    return list_of(ctx, call, out, count, 0);
}

Value *fn_reverse(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, true);
    if (!seq)
        return fn_invalid(ctx, call);
    uint32_t n = seq->as.list.count;
    Value *list = fn_new_list(ctx, call, n, seq->flags & VALF_TUPLE);
    for (uint32_t i = 0; i < n; i++)
        list->as.list.items[i] = seq->as.list.items[n - 1 - i];
    return list;
}

Value *fn_slice(FnContext *ctx, const FnCall *call)
{
    const Value *seq = call->args[0];
    if (seq->kind == VAL_LIST && (seq->flags & VALF_SET))
        return fn_arg_error(ctx, call, 0,
                            "cannot slice a set, because its elements have no indices; convert "
                            "it with tolist() if their order does not matter");
    int64_t start, end;
    if (!fn_arg_seq(ctx, call, 0, false) || !fn_arg_int(ctx, call, 1, &start) ||
        !fn_arg_int(ctx, call, 2, &end))
        return fn_invalid(ctx, call);
    int64_t n = seq->as.list.count;
    if (start < 0 || start > n)
        return fn_arg_error(ctx, call, 1,
                            "start index %lld is out of range: it must be from 0 to the length "
                            "of the list (%lld)",
                            (long long)start, (long long)n);
    if (end < 0 || end > n)
        return fn_arg_error(ctx, call, 2,
                            "end index %lld is out of range: it must be from 0 to the length of "
                            "the list (%lld)",
                            (long long)end, (long long)n);
    if (start > end)
        return fn_arg_error(ctx, call, 1,
                            "start index %lld must not be greater than end index %lld",
                            (long long)start, (long long)end);
    uint32_t count = (uint32_t)(end - start);
    return list_of(ctx, call, count ? seq->as.list.items + start : NULL, count,
                   seq->flags & VALF_TUPLE);
}

// The items of argument `i` as string values: strings stay as they are
// (with their origins), numbers and bools are converted.
static Value **string_items(FnContext *ctx, const FnCall *call, uint32_t i, bool allow_null,
                            uint32_t *n)
{
    ValueStr *strs;
    if (!fn_arg_strings(ctx, call, i, allow_null, &strs, n))
        return NULL;
    Value **items = arena_alloc(ctx->arena, ((size_t)*n + 1) * sizeof(Value *));
    for (uint32_t k = 0; k < *n; k++) {
        Value *item = call->args[i]->as.list.items[k];
        if (item->kind == VAL_STRING || item->kind == VAL_NULL)
            items[k] = item;
        else
            items[k] = value_string_ref(ctx->arena, item->origin, strs[k].ptr, strs[k].len);
    }
    return items;
}

static int compare_values(const void *a, const void *b)
{
    return value_compare(*(Value *const *)a, *(Value *const *)b);
}

// Terraform's sort() takes a list of strings: numbers and bools are
// converted to strings first, and the order is by bytes (code points).
Value *fn_sort(FnContext *ctx, const FnCall *call)
{
    uint32_t n;
    Value **items = string_items(ctx, call, 0, false, &n);
    if (!items)
        return fn_invalid(ctx, call);
    qsort(items, n, sizeof(Value *), compare_values);
    return list_of(ctx, call, items, n, 0);
}

// start + i * step, rounded to 15 significant digits when the operands are
// not integers, so that range(0, 1, 0.1) gives 0.3 and not
// 0.30000000000000004 (Terraform computes in decimal).
static double range_item(double start, double step, uint32_t i)
{
    double n = start + (double)i * step;
    if (value_number_is_int(start) && value_number_is_int(step))
        return n;
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", n);
    return strtod(buf, NULL);
}

Value *fn_range(FnContext *ctx, const FnCall *call)
{
    double a[3] = {0, 0, 0};
    for (uint32_t i = 0; i < call->nargs; i++)
        if (!fn_arg_number(ctx, call, i, &a[i]))
            return fn_invalid(ctx, call);
    double start = call->nargs == 1 ? 0 : a[0];
    double end = call->nargs == 1 ? a[0] : a[1];
    double step = call->nargs == 3 ? a[2] : (end < start ? -1 : 1);
    uint32_t end_arg = call->nargs == 1 ? 0 : 1;
    if (step == 0)
        return fn_arg_error(ctx, call, 2, "step of range must not be zero");
    if (step < 0 && end > start)
        return fn_arg_error(ctx, call, end_arg,
                            "limit of range must not be greater than start when step is negative");
    if (step > 0 && end < start)
        return fn_arg_error(ctx, call, end_arg,
                            "limit of range must not be less than start when step is positive");
    Value *items[FN_RANGE_MAX];
    uint32_t n = 0;
    for (double x = start; step < 0 ? x > end : x < end; x = range_item(start, step, n)) {
        if (n == FN_RANGE_MAX) {
            Diag *g = fn_report(ctx, E_FUNC_LIMIT, call->span,
                                "range would produce more than %d numbers", FN_RANGE_MAX);
            diag_note(ctx->diags, g,
                      "the limit is Terraform's; iterate over an existing collection instead");
            return fn_invalid(ctx, call);
        }
        items[n++] = fn_new_number(ctx, call, x);
    }
    return list_of(ctx, call, items, n, 0);
}

// A map when the values are a list, an object when they are a tuple.
Value *fn_zipmap(FnContext *ctx, const FnCall *call)
{
    ValueStr *keys;
    uint32_t nkeys;
    if (!fn_arg_strings(ctx, call, 0, false, &keys, &nkeys))
        return fn_invalid(ctx, call);
    const Value *vals = fn_arg_seq(ctx, call, 1, false);
    if (!vals)
        return fn_invalid(ctx, call);
    if (vals->as.list.count != nkeys)
        return fn_arg_error(ctx, call, 1,
                            "zipmap needs as many values as keys: %u keys, but %u values", nkeys,
                            vals->as.list.count);
    Value *obj = value_object_new(ctx->arena, call->span, nkeys);
    for (uint32_t i = 0; i < nkeys; i++)
        value_object_set(ctx->arena, obj, keys[i].ptr, keys[i].len, vals->as.list.items[i]);
    if (!(vals->flags & VALF_TUPLE))
        obj->flags = VALF_MAP;
    return obj;
}

// The first argument that is neither null nor "" (all arguments are first
// converted to one type: strings when strings, numbers and bools mix).
Value *fn_coalesce(FnContext *ctx, const FnCall *call)
{
    Value **items = arena_alloc(ctx->arena, (size_t)call->nargs * sizeof(Value *));
    memcpy(items, call->args, (size_t)call->nargs * sizeof(Value *));
    unsigned kinds = 0;
    for (uint32_t i = 0; i < call->nargs; i++)
        if (items[i]->kind != VAL_NULL)
            kinds |= 1u << items[i]->kind;
    unsigned scalars = kinds & ((1u << VAL_STRING) | (1u << VAL_NUMBER) | (1u << VAL_BOOL));
    unsigned both = (1u << VAL_LIST) | (1u << VAL_OBJECT);
    if ((scalars && scalars != kinds) || (kinds & both) == both) {
        fn_report(ctx, E_FUNC_ARG, call->span, "arguments of coalesce must all have the same type");
        return fn_invalid(ctx, call);
    }
    if (!fn_unify(ctx, call, 0, items, call->nargs))
        return fn_invalid(ctx, call);
    for (uint32_t i = 0; i < call->nargs; i++) {
        if (items[i]->kind == VAL_NULL || (items[i]->kind == VAL_STRING && !items[i]->as.str.len))
            continue;
        return items[i];
    }
    fn_report(ctx, E_FUNC_ARG, call->span, "every argument of coalesce is null or an empty string");
    return fn_invalid(ctx, call);
}

Value *fn_coalescelist(FnContext *ctx, const FnCall *call)
{
    for (uint32_t i = 0; i < call->nargs; i++) {
        if (call->args[i]->kind == VAL_NULL)
            continue;
        const Value *seq = fn_arg_seq(ctx, call, i, false);
        if (!seq)
            return fn_invalid(ctx, call);
        if (seq->as.list.count)
            return call->args[i];
    }
    fn_report(ctx, E_FUNC_ARG, call->span, "every argument of coalescelist is null or empty");
    return fn_invalid(ctx, call);
}

// Drops null and "" elements from a list of strings.
Value *fn_compact(FnContext *ctx, const FnCall *call)
{
    uint32_t n, k = 0;
    Value **items = string_items(ctx, call, 0, true, &n);
    if (!items)
        return fn_invalid(ctx, call);
    for (uint32_t i = 0; i < n; i++)
        if (items[i]->kind == VAL_STRING && items[i]->as.str.len)
            items[k++] = items[i];
    return list_of(ctx, call, items, k, 0);
}

Value *fn_setunion(FnContext *ctx, const FnCall *call)
{
    uint64_t total = 0;
    for (uint32_t i = 0; i < call->nargs; i++) {
        const Value *seq = fn_arg_seq(ctx, call, i, true);
        if (!seq)
            return fn_invalid(ctx, call);
        total += seq->as.list.count;
    }
    if (total >= UINT32_MAX)
        return limit_error(ctx, call);
    Value **items = arena_alloc(ctx->arena, ((size_t)total + 1) * sizeof(Value *));
    uint32_t k = 0;
    for (uint32_t i = 0; i < call->nargs; i++) {
        const Value *seq = call->args[i];
        for (uint32_t j = 0; j < seq->as.list.count; j++)
            items[k++] = seq->as.list.items[j];
    }
    if (!fn_unify(ctx, call, 0, items, k))
        return fn_invalid(ctx, call);
    return fn_make_set(ctx, call, items, k);
}

// The items of a list, set or tuple argument, unified to one type.
static Value **unified_items(FnContext *ctx, const FnCall *call, uint32_t *n)
{
    const Value *seq = call->args[0];
    if (seq->kind != VAL_LIST) {
        fn_arg_error(ctx, call, 0, "argument 1 of %s must be a list, set or tuple, got %s",
                     call->name, value_type_name(seq));
        return NULL;
    }
    *n = seq->as.list.count;
    Value **items = arena_alloc(ctx->arena, ((size_t)*n + 1) * sizeof(Value *));
    if (*n)
        memcpy(items, seq->as.list.items, (size_t)*n * sizeof(Value *));
    return fn_unify(ctx, call, 0, items, *n) ? items : NULL;
}

Value *fn_tolist(FnContext *ctx, const FnCall *call)
{
    if (call->args[0]->kind == VAL_NULL)
        return call->args[0];
    uint32_t n;
    Value **items = unified_items(ctx, call, &n);
    return items ? list_of(ctx, call, items, n, 0) : fn_invalid(ctx, call);
}

Value *fn_toset(FnContext *ctx, const FnCall *call)
{
    if (call->args[0]->kind == VAL_NULL)
        return call->args[0];
    uint32_t n;
    Value **items = unified_items(ctx, call, &n);
    return items ? fn_make_set(ctx, call, items, n) : fn_invalid(ctx, call);
}

Value *fn_tomap(FnContext *ctx, const FnCall *call)
{
    const Value *obj = call->args[0];
    if (obj->kind == VAL_NULL)
        return call->args[0];
    if (!fn_arg_object(ctx, call, 0))
        return fn_invalid(ctx, call);
    uint32_t n = obj->as.object.count;
    Value **vals = arena_alloc(ctx->arena, ((size_t)n + 1) * sizeof(Value *));
    if (n)
        memcpy(vals, obj->as.object.vals, (size_t)n * sizeof(Value *));
    if (!fn_unify(ctx, call, 0, vals, n))
        return fn_invalid(ctx, call);
    Value *map = value_object_new(ctx->arena, call->span, n);
    for (uint32_t i = 0; i < n; i++)
        value_object_put(ctx->arena, map, obj->as.object.keys[i].ptr, obj->as.object.keys[i].len,
                         vals[i]);
    map->flags = VALF_MAP;
    return map;
}

// null for no element, the element for one, an error for more.
Value *fn_one(FnContext *ctx, const FnCall *call)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, true);
    if (!seq)
        return fn_invalid(ctx, call);
    if (seq->as.list.count == 0)
        return value_null(ctx->arena, call->span);
    if (seq->as.list.count == 1)
        return seq->as.list.items[0];
    return fn_arg_error(ctx, call, 0, "argument 1 of one must have zero or one elements, got %u",
                        seq->as.list.count);
}

// alltrue (want_all) and anytrue over a list of bools; a null element
// counts as false.
static Value *all_or_any(FnContext *ctx, const FnCall *call, bool want_all)
{
    const Value *seq = fn_arg_seq(ctx, call, 0, true);
    if (!seq)
        return fn_invalid(ctx, call);
    bool result = want_all;
    for (uint32_t i = 0; i < seq->as.list.count; i++) {
        const Value *item = seq->as.list.items[i];
        bool b = false;
        FnConv r = fn_to_bool(item, &b);
        if (r == CONV_INVALID)
            return fn_invalid(ctx, call);
        if (r == CONV_BAD)
            return fn_arg_error(ctx, call, 0,
                                "argument 1 of %s must be a list of bools, but element %u is %s",
                                call->name, i, fn_show(ctx, item));
        if (want_all && !b)
            result = false;
        if (!want_all && b)
            result = true;
    }
    return fn_new_bool(ctx, call, result);
}

Value *fn_alltrue(FnContext *ctx, const FnCall *call)
{
    return all_or_any(ctx, call, true);
}

Value *fn_anytrue(FnContext *ctx, const FnCall *call)
{
    return all_or_any(ctx, call, false);
}
