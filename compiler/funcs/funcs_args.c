// funcs_args.c - shared helpers of the function library: errors, argument
// checks with Terraform's automatic conversions, the string builder, UTF-8,
// value hashing, type unification and sets. See funcs_impl.h.
#include "funcs/funcs_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/show.h"

#define SHOW_MAX_CHARS 40 // code points of a string shown in a message

// --- results and errors ------------------------------------------------------

Span fn_arg_span(const FnCall *call, uint32_t i)
{
    if (!call->arg_spans || i >= call->nargs)
        return call->span;
    return call->arg_spans[i];
}

Value *fn_invalid(FnContext *ctx, const FnCall *call)
{
    return value_invalid(ctx->arena, call->span);
}

Diag *fn_report(FnContext *ctx, DiagCode code, Span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = arena_vprintf(ctx->arena, fmt, ap);
    va_end(ap);
    return diag_error(ctx->diags, code, at, "%s", text);
}

Value *fn_arg_error(FnContext *ctx, const FnCall *call, uint32_t i, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = arena_vprintf(ctx->arena, fmt, ap);
    va_end(ap);
    diag_error(ctx->diags, E_FUNC_ARG, fn_arg_span(call, i), "%s", text);
    return fn_invalid(ctx, call);
}

Value *fn_new_string(FnContext *ctx, const FnCall *call, const char *s, size_t len)
{
    return value_string(ctx->arena, call->span, s, len);
}

Value *fn_new_number(FnContext *ctx, const FnCall *call, double n)
{
    return value_number(ctx->arena, call->span, n == 0 ? 0.0 : n); // no -0
}

Value *fn_new_bool(FnContext *ctx, const FnCall *call, bool b)
{
    return value_bool(ctx->arena, call->span, b);
}

Value *fn_new_list(FnContext *ctx, const FnCall *call, uint32_t count, uint8_t flags)
{
    Value *v = value_list_new(ctx->arena, call->span, count);
    v->flags = flags;
    return v;
}

const char *fn_show(FnContext *ctx, const Value *v)
{
    ShowStyle style = {"(sensitive value)", SHOW_MAX_CHARS, SHOW_MAX_CHARS};
    return show_value(ctx->arena, v, style);
}

// --- conversions ---------------------------------------------------------------

static size_t skip_digits(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

bool fn_parse_number(const char *s, size_t len, double *out)
{
    size_t i = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    size_t int_start = i;
    i = skip_digits(s, i, len);
    size_t digits = i - int_start;
    if (i < len && s[i] == '.') {
        size_t frac_start = ++i;
        i = skip_digits(s, i, len);
        digits += i - frac_start;
    }
    if (digits == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t exp_start = i;
        i = skip_digits(s, i, len);
        if (i == exp_start)
            return false;
    }
    if (i != len)
        return false;
    char small[128];
    char *copy = len < sizeof small ? small : xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    double n = strtod(copy, NULL);
    if (copy != small)
        free(copy);
    if (!isfinite(n))
        return false;
    *out = n == 0 ? 0.0 : n;
    return true;
}

FnConv fn_to_string(Arena *a, const Value *v, ValueStr *out)
{
    char buf[VALUE_NUMBER_BUF];
    switch (v->kind) {
    case VAL_STRING:
        *out = v->as.str;
        return CONV_OK;
    case VAL_NUMBER: {
        const char *text = value_number_text(v->as.number, buf);
        out->len = (uint32_t)strlen(text);
        out->ptr = arena_strndup(a, text, out->len);
        return CONV_OK;
    }
    case VAL_BOOL:
        out->ptr = v->as.boolean ? "true" : "false";
        out->len = v->as.boolean ? 4 : 5;
        return CONV_OK;
    case VAL_NULL:
        return CONV_NULL;
    case VAL_INVALID:
        return CONV_INVALID;
    case VAL_LIST:
    case VAL_OBJECT:
        break;
    }
    return CONV_BAD;
}

FnConv fn_to_number(const Value *v, double *out)
{
    switch (v->kind) {
    case VAL_NUMBER:
        *out = v->as.number;
        return CONV_OK;
    case VAL_STRING:
        return fn_parse_number(v->as.str.ptr, v->as.str.len, out) ? CONV_OK : CONV_BAD;
    case VAL_NULL:
        return CONV_NULL;
    case VAL_INVALID:
        return CONV_INVALID;
    case VAL_BOOL:
    case VAL_LIST:
    case VAL_OBJECT:
        break;
    }
    return CONV_BAD;
}

FnConv fn_to_bool(const Value *v, bool *out)
{
    switch (v->kind) {
    case VAL_BOOL:
        *out = v->as.boolean;
        return CONV_OK;
    case VAL_STRING:
        if (strcmp(v->as.str.ptr, "true") == 0 || strcmp(v->as.str.ptr, "false") == 0) {
            *out = v->as.str.ptr[0] == 't';
            return CONV_OK;
        }
        return CONV_BAD;
    case VAL_NULL:
        return CONV_NULL;
    case VAL_INVALID:
        return CONV_INVALID;
    case VAL_NUMBER:
    case VAL_LIST:
    case VAL_OBJECT:
        break;
    }
    return CONV_BAD;
}

// --- argument checks -------------------------------------------------------------

// Reports why argument `i` did not convert to `what` ("a string").
static bool conv_error(FnContext *ctx, const FnCall *call, uint32_t i, FnConv r, const char *what)
{
    const Value *v = call->args[i];
    if (r == CONV_INVALID)
        return false;
    if (v->kind == VAL_STRING)
        fn_arg_error(ctx, call, i, "argument %u of %s must be %s, got %s", i + 1, call->name, what,
                     fn_show(ctx, v));
    else
        fn_arg_error(ctx, call, i, "argument %u of %s must be %s, got %s", i + 1, call->name, what,
                     value_type_name(v));
    return false;
}

bool fn_arg_string(FnContext *ctx, const FnCall *call, uint32_t i, ValueStr *out)
{
    FnConv r = fn_to_string(ctx->arena, call->args[i], out);
    return r == CONV_OK || conv_error(ctx, call, i, r, "a string");
}

bool fn_arg_number(FnContext *ctx, const FnCall *call, uint32_t i, double *out)
{
    FnConv r = fn_to_number(call->args[i], out);
    return r == CONV_OK || conv_error(ctx, call, i, r, "a number");
}

bool fn_arg_int(FnContext *ctx, const FnCall *call, uint32_t i, int64_t *out)
{
    double n;
    if (!fn_arg_number(ctx, call, i, &n))
        return false;
    if (!value_number_is_int(n)) {
        char buf[VALUE_NUMBER_BUF];
        fn_arg_error(
            ctx, call, i, "argument %u of %s must be a whole number, got %s", i + 1, call->name,
            value_is_sensitive(call->args[i]) ? "(sensitive value)" : value_number_text(n, buf));
        return false;
    }
    *out = (int64_t)n;
    return true;
}

bool fn_arg_bool(FnContext *ctx, const FnCall *call, uint32_t i, bool *out)
{
    FnConv r = fn_to_bool(call->args[i], out);
    return r == CONV_OK || conv_error(ctx, call, i, r, "a bool");
}

const Value *fn_arg_seq(FnContext *ctx, const FnCall *call, uint32_t i, bool allow_set)
{
    const Value *v = call->args[i];
    if (v->kind == VAL_LIST && (allow_set || !(v->flags & VALF_SET)))
        return v;
    fn_arg_error(ctx, call, i, "argument %u of %s must be a list%s, got %s", i + 1, call->name,
                 allow_set ? ", set or tuple" : " or tuple", value_type_name(v));
    return NULL;
}

const Value *fn_arg_object(FnContext *ctx, const FnCall *call, uint32_t i)
{
    const Value *v = call->args[i];
    if (v->kind == VAL_OBJECT)
        return v;
    fn_arg_error(ctx, call, i, "argument %u of %s must be a map or object, got %s", i + 1,
                 call->name, value_type_name(v));
    return NULL;
}

bool fn_arg_strings(FnContext *ctx, const FnCall *call, uint32_t i, bool allow_null,
                    ValueStr **items, uint32_t *count)
{
    const Value *seq = call->args[i];
    if (seq->kind != VAL_LIST) {
        fn_arg_error(ctx, call, i, "argument %u of %s must be a list of strings, got %s", i + 1,
                     call->name, value_type_name(seq));
        return false;
    }
    uint32_t n = seq->as.list.count;
    ValueStr *out = arena_alloc(ctx->arena, ((size_t)n + 1) * sizeof(ValueStr));
    for (uint32_t k = 0; k < n; k++) {
        const Value *item = seq->as.list.items[k];
        FnConv r = fn_to_string(ctx->arena, item, &out[k]);
        if (r == CONV_OK || (r == CONV_NULL && allow_null))
            continue;
        if (r == CONV_INVALID)
            return false;
        fn_arg_error(ctx, call, i,
                     "argument %u of %s must be a list of strings, but element %u is %s", i + 1,
                     call->name, k, value_type_name(item));
        return false;
    }
    *items = out;
    *count = n;
    return true;
}

// --- string building ---------------------------------------------------------------

Value *fn_buf_value(FnContext *ctx, const FnCall *call, StrBuf *b)
{
    if (b->over) {
        fn_report(ctx, E_FUNC_LIMIT, call->span,
                  "result of %s would be longer than the limit of %u MiB", call->name,
                  FN_MAX_STRING / (1024u * 1024u));
        return fn_invalid(ctx, call);
    }
    if (!b->ptr)
        return value_string_ref(ctx->arena, call->span, "", 0);
    return value_string_ref(ctx->arena, call->span, b->ptr, b->len);
}

bool fn_is_space(uint32_t cp)
{
    switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

// --- hashing, unification and sets -------------------------------------------------

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9E3779B97F4A7C15u + (h << 6) + (h >> 2);
    return h;
}

uint64_t fn_value_hash(const Value *v)
{
    switch (v->kind) {
    case VAL_INVALID:
        return 0;
    case VAL_NULL:
        return 1;
    case VAL_BOOL:
        return 2 + (uint64_t)v->as.boolean;
    case VAL_NUMBER: {
        double n = v->as.number == 0 ? 0.0 : v->as.number;
        uint64_t bits;
        memcpy(&bits, &n, sizeof bits);
        return mix(4, bits);
    }
    case VAL_STRING:
        return mix(5, hash_fnv64(v->as.str.ptr, v->as.str.len));
    case VAL_LIST: {
        uint64_t h = 6;
        for (uint32_t i = 0; i < v->as.list.count; i++)
            h = mix(h, fn_value_hash(v->as.list.items[i]));
        return h;
    }
    case VAL_OBJECT: {
        uint64_t sum = 7; // order-independent, as value_equal ignores member order
        for (uint32_t i = 0; i < v->as.object.count; i++) {
            const ValueStr *k = &v->as.object.keys[i];
            sum += mix(hash_fnv64(k->ptr, k->len), fn_value_hash(v->as.object.vals[i]));
        }
        return sum;
    }
    }
    return 0;
}

bool fn_unify(FnContext *ctx, const FnCall *call, uint32_t i, Value **items, uint32_t n)
{
    unsigned seen = 0; // bits: 1 string, 2 number, 4 bool, 8 list, 16 object
    for (uint32_t k = 0; k < n; k++) {
        switch (items[k]->kind) {
        case VAL_INVALID:
            return false;
        case VAL_NULL:
            break;
        case VAL_STRING:
            seen |= 1;
            break;
        case VAL_NUMBER:
            seen |= 2;
            break;
        case VAL_BOOL:
            seen |= 4;
            break;
        case VAL_LIST:
            seen |= 8;
            break;
        case VAL_OBJECT:
            seen |= 16;
            break;
        }
    }
    unsigned scalars = seen & 7, others = seen & 24;
    if ((scalars && others) || others == 24) {
        fn_arg_error(ctx, call, i, "elements of argument %u of %s must all have the same type",
                     i + 1, call->name);
        return false;
    }
    if (scalars == 1 || scalars == 2 || scalars == 4 || scalars == 0)
        return true;
    for (uint32_t k = 0; k < n; k++) {
        ValueStr s;
        if (items[k]->kind != VAL_NULL && items[k]->kind != VAL_STRING &&
            fn_to_string(ctx->arena, items[k], &s) == CONV_OK)
            items[k] = value_string_ref(ctx->arena, items[k]->origin, s.ptr, s.len);
    }
    return true;
}

static int compare_items(const void *a, const void *b)
{
    return value_compare(*(Value *const *)a, *(Value *const *)b);
}

// True when every item has the same scalar kind, so the set can be sorted.
static bool sortable(Value **items, uint32_t n)
{
    if (n == 0)
        return false;
    ValueKind k = items[0]->kind;
    if (k != VAL_STRING && k != VAL_NUMBER && k != VAL_BOOL)
        return false;
    for (uint32_t i = 1; i < n; i++)
        if (items[i]->kind != k)
            return false;
    return true;
}

uint32_t fn_dedupe(FnContext *ctx, Value *const *items, uint32_t n, Value **out)
{
    uint32_t cap = 16;
    while (cap < 2 * (uint64_t)n + 2)
        cap *= 2;
    uint32_t *slots = arena_alloc(ctx->arena, (size_t)cap * sizeof(uint32_t));
    uint32_t count = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t s = (uint32_t)fn_value_hash(items[i]) & (cap - 1);
        bool dup = false;
        for (; slots[s]; s = (s + 1) & (cap - 1)) {
            if (value_equal(out[slots[s] - 1], items[i])) {
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        out[count] = items[i];
        slots[s] = ++count;
    }
    return count;
}

Value *fn_make_set(FnContext *ctx, const FnCall *call, Value **items, uint32_t n)
{
    Value **out = arena_alloc(ctx->arena, ((size_t)n + 1) * sizeof(Value *));
    uint32_t count = fn_dedupe(ctx, items, n, out);
    if (sortable(out, count))
        qsort(out, count, sizeof(Value *), compare_items);
    Value *set = fn_new_list(ctx, call, count, VALF_SET);
    if (count)
        memcpy(set->as.list.items, out, (size_t)count * sizeof(Value *));
    return set;
}

// --- substring search ------------------------------------------------------------

void fn_finder_init(FnFinder *f, Arena *a, const char *pat, size_t len)
{
    f->pat = pat;
    f->len = len;
    f->fail = arena_alloc(a, (len + 1) * sizeof(uint32_t));
    uint32_t k = 0;
    for (size_t i = 1; i < len; i++) {
        while (k && pat[i] != pat[k])
            k = f->fail[k - 1];
        if (pat[i] == pat[k])
            k++;
        f->fail[i] = k;
    }
}

size_t fn_finder_next(const FnFinder *f, const char *s, size_t len, size_t from)
{
    uint32_t k = 0;
    for (size_t i = from; i < len; i++) {
        while (k && s[i] != f->pat[k])
            k = f->fail[k - 1];
        if (s[i] == f->pat[k])
            k++;
        if (k == f->len)
            return i + 1 - f->len;
    }
    return SIZE_MAX;
}
