// funcs_number.c - number functions (min max abs ceil floor parseint
// signum), type functions (tostring tonumber tobool type) and env().
//
// Numbers are doubles: integers are exact up to 2^53, so parseint() refuses
// larger results instead of rounding them. type() returns a type expression
// as text, in Terraform's notation with hclc's order of object attributes
// (as written): "string", "list(string)", "tuple([string, number])",
// "object({name=string, port=number})", "map(number)", "null" for null.
#include "funcs/funcs_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXACT 9007199254740992.0 // 2^53

// --- numbers -----------------------------------------------------------------------

static Value *min_or_max(FnContext *ctx, const FnCall *call, bool want_max)
{
    double best = 0;
    for (uint32_t i = 0; i < call->nargs; i++) {
        double n;
        if (!fn_arg_number(ctx, call, i, &n))
            return fn_invalid(ctx, call);
        if (i == 0 || (want_max ? n > best : n < best))
            best = n;
    }
    return fn_new_number(ctx, call, best);
}

Value *fn_min(FnContext *ctx, const FnCall *call)
{
    return min_or_max(ctx, call, false);
}

Value *fn_max(FnContext *ctx, const FnCall *call)
{
    return min_or_max(ctx, call, true);
}

static Value *unary(FnContext *ctx, const FnCall *call, double (*op)(double))
{
    double n;
    if (!fn_arg_number(ctx, call, 0, &n))
        return fn_invalid(ctx, call);
    return fn_new_number(ctx, call, op(n));
}

static double sign_of(double n)
{
    return (n > 0) - (n < 0);
}

Value *fn_abs(FnContext *ctx, const FnCall *call)
{
    return unary(ctx, call, fabs);
}

Value *fn_ceil(FnContext *ctx, const FnCall *call)
{
    return unary(ctx, call, ceil);
}

Value *fn_floor(FnContext *ctx, const FnCall *call)
{
    return unary(ctx, call, floor);
}

// -1, 0 or 1 (Terraform accepts only whole numbers here; hclc takes any).
Value *fn_signum(FnContext *ctx, const FnCall *call)
{
    return unary(ctx, call, sign_of);
}

// The value of digit `c` (Go's big.Int: for bases up to 36 letters of
// either case are 10-35; above, lower case is 10-35 and upper 36-61), or -1.
static int digit_value(char c, int64_t base)
{
    int d = -1;
    if (c >= '0' && c <= '9')
        d = c - '0';
    else if (c >= 'a' && c <= 'z')
        d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        d = c - 'A' + (base <= 36 ? 10 : 36);
    return d < base ? d : -1;
}

// parseint(string, base): an optional sign, then digits of the base.
Value *fn_parseint(FnContext *ctx, const FnCall *call)
{
    const Value *arg = call->args[0];
    int64_t base;
    if (arg->kind != VAL_STRING)
        return fn_arg_error(ctx, call, 0, "argument 1 of parseint must be a string, got %s",
                            value_type_name(arg));
    if (!fn_arg_int(ctx, call, 1, &base))
        return fn_invalid(ctx, call);
    if (base < 2 || base > 62)
        return fn_arg_error(ctx, call, 1, "base of parseint must be from 2 to 62, got %lld",
                            (long long)base);
    const char *s = arg->as.str.ptr;
    size_t len = arg->as.str.len, i = 0;
    bool neg = len > 0 && s[0] == '-';
    if (len > 0 && (s[0] == '-' || s[0] == '+'))
        i++;
    double n = 0;
    bool ok = i < len;
    for (; ok && i < len; i++) {
        int d = digit_value(s[i], base);
        ok = d >= 0;
        if (!ok)
            break;
        n = n * (double)base + d;
        if (n > MAX_EXACT)
            return fn_arg_error(ctx, call, 0,
                                "%s is too large for parseint: hclc numbers hold whole numbers "
                                "exactly up to 2^53",
                                fn_show(ctx, arg));
    }
    if (!ok)
        return fn_arg_error(ctx, call, 0, "cannot parse %s as a base %lld integer",
                            fn_show(ctx, arg), (long long)base);
    return fn_new_number(ctx, call, neg ? -n : n);
}

// --- conversions ----------------------------------------------------------------------

Value *fn_tostring(FnContext *ctx, const FnCall *call)
{
    Value *v = call->args[0];
    ValueStr s;
    if (v->kind == VAL_NULL || v->kind == VAL_STRING)
        return v;
    if (fn_to_string(ctx->arena, v, &s) != CONV_OK)
        return fn_arg_error(ctx, call, 0,
                            "argument 1 of tostring must be a string, number or bool, got %s",
                            value_type_name(v));
    return value_string_ref(ctx->arena, call->span, s.ptr, s.len);
}

Value *fn_tonumber(FnContext *ctx, const FnCall *call)
{
    Value *v = call->args[0];
    double n;
    if (v->kind == VAL_NULL || v->kind == VAL_NUMBER)
        return v;
    if (v->kind == VAL_STRING && fn_to_number(v, &n) != CONV_OK)
        return fn_arg_error(ctx, call, 0, "cannot convert %s to a number", fn_show(ctx, v));
    if (v->kind != VAL_STRING)
        return fn_arg_error(ctx, call, 0,
                            "argument 1 of tonumber must be a number or a numeric string, got %s",
                            value_type_name(v));
    return fn_new_number(ctx, call, n);
}

Value *fn_tobool(FnContext *ctx, const FnCall *call)
{
    Value *v = call->args[0];
    bool b;
    if (v->kind == VAL_NULL || v->kind == VAL_BOOL)
        return v;
    if (fn_to_bool(v, &b) != CONV_OK)
        return fn_arg_error(ctx, call, 0,
                            "argument 1 of tobool must be a bool or \"true\" or \"false\", got %s",
                            v->kind == VAL_STRING ? fn_show(ctx, v) : value_type_name(v));
    return fn_new_bool(ctx, call, b);
}

// --- type() -------------------------------------------------------------------------------

static const char *type_text(FnContext *ctx, const FnCall *call, const Value *v, unsigned depth);

static bool is_identifier(const char *s, size_t len)
{
    if (len == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return false;
    for (size_t i = 1; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    }
    return true;
}

// The types of `n` values; *same when they are all alike.
static const char **item_types(FnContext *ctx, const FnCall *call, Value *const *vals, uint32_t n,
                               unsigned depth, bool *same)
{
    const char **types = arena_alloc(ctx->arena, ((size_t)n + 1) * sizeof(const char *));
    *same = true;
    for (uint32_t i = 0; i < n; i++) {
        types[i] = type_text(ctx, call, vals[i], depth + 1);
        if (!types[i])
            return NULL;
        *same = *same && strcmp(types[i], types[0]) == 0;
    }
    return types;
}

// The text of `b` NUL-terminated, or NULL when it overflowed.
static const char *finish(StrBuf *b)
{
    buf_putc(b, '\0');
    return b->over ? NULL : b->ptr;
}

static const char *list_type(FnContext *ctx, const FnCall *call, const Value *v, unsigned depth)
{
    bool same;
    uint32_t n = v->as.list.count;
    const char **types = item_types(ctx, call, v->as.list.items, n, depth, &same);
    if (!types)
        return NULL;
    if (!(v->flags & VALF_TUPLE) && same)
        return arena_printf(ctx->arena, "%s(%s)", (v->flags & VALF_SET) ? "set" : "list",
                            n ? types[0] : "any");
    StrBuf b;
    buf_init(&b, ctx->arena, FN_MAX_STRING);
    buf_puts(&b, "tuple([");
    for (uint32_t i = 0; i < n; i++) {
        buf_puts(&b, i ? ", " : "");
        buf_puts(&b, types[i]);
    }
    buf_puts(&b, "])");
    return finish(&b);
}

static const char *object_type(FnContext *ctx, const FnCall *call, const Value *v, unsigned depth)
{
    bool same;
    uint32_t n = v->as.object.count;
    const char **types = item_types(ctx, call, v->as.object.vals, n, depth, &same);
    if (!types)
        return NULL;
    if ((v->flags & VALF_MAP) && same)
        return arena_printf(ctx->arena, "map(%s)", n ? types[0] : "any");
    StrBuf b;
    buf_init(&b, ctx->arena, FN_MAX_STRING);
    buf_puts(&b, "object({");
    for (uint32_t i = 0; i < n; i++) {
        const ValueStr *k = &v->as.object.keys[i];
        buf_puts(&b, i ? ", " : "");
        if (is_identifier(k->ptr, k->len)) {
            buf_put(&b, k->ptr, k->len);
        } else {
            buf_putc(&b, '"');
            buf_put(&b, k->ptr, k->len); // keys are shown as written
            buf_putc(&b, '"');
        }
        buf_putc(&b, '=');
        buf_puts(&b, types[i]);
    }
    buf_puts(&b, "})");
    return finish(&b);
}

// The type expression of `v`, or NULL (silently for VAL_INVALID inside,
// after a report for a nesting or size limit).
static const char *type_text(FnContext *ctx, const FnCall *call, const Value *v, unsigned depth)
{
    if (depth > FN_MAX_DEPTH) {
        fn_report(ctx, E_FUNC_LIMIT, fn_arg_span(call, 0),
                  "argument 1 of type is nested deeper than %d levels", FN_MAX_DEPTH);
        return NULL;
    }
    switch (v->kind) {
    case VAL_INVALID:
        return NULL;
    case VAL_NULL:
        return "null";
    case VAL_BOOL:
        return "bool";
    case VAL_NUMBER:
        return "number";
    case VAL_STRING:
        return "string";
    case VAL_LIST:
        return list_type(ctx, call, v, depth);
    case VAL_OBJECT:
        return object_type(ctx, call, v, depth);
    }
    return NULL;
}

Value *fn_type(FnContext *ctx, const FnCall *call)
{
    size_t reported = ctx->diags->count;
    const char *text = type_text(ctx, call, call->args[0], 0);
    if (!text) {
        if (ctx->diags->count == reported && !value_has_invalid(call->args[0]))
            fn_report(ctx, E_FUNC_LIMIT, call->span, "the type of argument 1 is too long to show");
        return fn_invalid(ctx, call);
    }
    return value_string_ref(ctx->arena, call->span, text, strlen(text));
}

// --- env() --------------------------------------------------------------------------------

Value *fn_env(FnContext *ctx, const FnCall *call)
{
    ValueStr name;
    if (!fn_arg_string(ctx, call, 0, &name))
        return fn_invalid(ctx, call);
    if (name.len == 0 || strchr(name.ptr, '='))
        return fn_arg_error(ctx, call, 0, "%s is not a valid environment variable name",
                            fn_show(ctx, call->args[0]));
    const char *value = getenv(name.ptr);
    if (!value) {
        if (call->nargs == 2)
            return call->args[1];
        Diag *g = fn_report(ctx, E_ENV_UNSET, fn_arg_span(call, 0),
                            "environment variable \"%s\" is not set", name.ptr);
        diag_help(ctx->diags, g,
                  "set it (export %s=value) or give a default: env(\"%s\", \"value\")", name.ptr,
                  name.ptr);
        return fn_invalid(ctx, call);
    }
    size_t len = strlen(value);
    if (len > FN_MAX_STRING || !utf8_valid(value, len))
        return fn_arg_error(ctx, call, 0, "environment variable \"%s\" is not valid UTF-8 text",
                            name.ptr);
    return fn_new_string(ctx, call, value, len);
}
