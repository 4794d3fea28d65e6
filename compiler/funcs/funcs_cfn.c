// funcs_cfn.c - the CloudFormation intrinsics: cfn_ref, cfn_sub,
// cfn_get_att, cfn_join, cfn_import_value, cfn_select, cfn_find_in_map,
// cfn_split, cfn_base64, cfn_get_azs, cfn_cidr, cfn_if and the condition
// functions cfn_equals, cfn_and, cfn_or, cfn_not, cfn_condition. Each returns the
// intrinsic's JSON object ({"Ref": ...}, {"Fn::Sub": ...}, ...) flagged
// VALF_INTRINSIC: lowering keeps it as it is, the ECS checks take it as a
// value of the right type whose content is unknown, and only the
// CloudFormation targets accept it (compile.c rejects it elsewhere).
// Where CloudFormation takes another intrinsic in place of a string or a
// list, so do these functions. Also the error for an intrinsic met where a
// known value is needed (an operator, any other function).
#include "funcs/funcs_impl.h"

#include <string.h>

static bool is_intrinsic(const Value *v)
{
    return v->kind == VAL_OBJECT && (v->flags & VALF_INTRINSIC);
}

// {"KEY": val}, flagged, at the call; sensitive when any argument is.
static Value *intrinsic(FnContext *ctx, const FnCall *call, const char *key, size_t len, Value *val)
{
    Value *obj = value_new_intrinsic(ctx->arena, call->span, key, len, val);
    bool secret = false;
    for (uint32_t i = 0; i < call->nargs; i++)
        secret = secret || value_is_sensitive(call->args[i]);
    return secret ? value_mark_sensitive(ctx->arena, obj) : obj;
}

static Value *pair(FnContext *ctx, const FnCall *call, Value *a, Value *b)
{
    Value *list = fn_new_list(ctx, call, 2, 0);
    list->as.list.items[0] = a;
    list->as.list.items[1] = b;
    return list;
}

// A string (numbers and bools converted) located where it was written.
static Value *string_of(FnContext *ctx, const Value *v, Span at, const char *what, bool *ok)
{
    ValueStr s;
    if (fn_to_string(ctx->arena, v, &s) != CONV_OK || v->kind == VAL_NULL) {
        fn_report(ctx, E_FUNC_ARG, at, "%s must be a string or an intrinsic, not %s", what,
                  value_type_name(v));
        *ok = false;
        return NULL;
    }
    Value *out = value_string(ctx->arena, v->origin, s.ptr, s.len);
    out->flags = v->flags & VALF_SENSITIVE;
    return out;
}

// Argument `i` as a string value, or as it is when it is an intrinsic and
// `any` allows one.
static Value *arg_text(FnContext *ctx, const FnCall *call, uint32_t i, bool any)
{
    Value *v = call->args[i];
    if (any && is_intrinsic(v))
        return v;
    ValueStr s;
    if (!fn_arg_string(ctx, call, i, &s))
        return NULL;
    Value *out = value_string(ctx->arena, fn_arg_span(call, i), s.ptr, s.len);
    out->flags = v->flags & VALF_SENSITIVE;
    return out;
}

// Argument `i` as a list of strings or intrinsics, or an intrinsic that
// stands for a list.
static Value *arg_list(FnContext *ctx, const FnCall *call, uint32_t i)
{
    Value *v = call->args[i];
    if (is_intrinsic(v))
        return v;
    const Value *seq = fn_arg_seq(ctx, call, i, true);
    if (!seq)
        return NULL;
    Value *out = fn_new_list(ctx, call, seq->as.list.count, 0);
    out->origin = fn_arg_span(call, i);
    bool ok = true;
    for (uint32_t k = 0; k < seq->as.list.count && ok; k++) {
        Value *item = seq->as.list.items[k];
        if (item->kind == VAL_INVALID)
            return NULL;
        out->as.list.items[k] = is_intrinsic(item)
                                    ? item
                                    : string_of(ctx, item, fn_arg_span(call, i), "each item", &ok);
    }
    return ok ? out : NULL;
}

Value *fn_cfn_ref(FnContext *ctx, const FnCall *call)
{
    Value *name = arg_text(ctx, call, 0, false);
    if (!name)
        return fn_invalid(ctx, call);
    if (name->as.str.len == 0)
        return fn_arg_error(ctx, call, 0, "the name of a parameter or resource cannot be empty");
    return intrinsic(ctx, call, "Ref", 3, name);
}

static Value *sub_vars(FnContext *ctx, const FnCall *call)
{
    const Value *vars = fn_arg_object(ctx, call, 1);
    if (!vars)
        return NULL;
    Value *out = value_object_new(ctx->arena, fn_arg_span(call, 1), vars->as.object.count);
    bool ok = true;
    for (uint32_t k = 0; k < vars->as.object.count && ok; k++) {
        Value *v = vars->as.object.vals[k];
        if (v->kind == VAL_INVALID)
            return NULL;
        if (!is_intrinsic(v))
            v = string_of(ctx, v, fn_arg_span(call, 1), "each variable", &ok);
        if (ok)
            value_object_put(ctx->arena, out, vars->as.object.keys[k].ptr,
                             vars->as.object.keys[k].len, v);
    }
    return ok ? out : NULL;
}

Value *fn_cfn_sub(FnContext *ctx, const FnCall *call)
{
    Value *text = arg_text(ctx, call, 0, false);
    if (!text)
        return fn_invalid(ctx, call);
    if (call->nargs == 1)
        return intrinsic(ctx, call, "Fn::Sub", 7, text);
    Value *vars = sub_vars(ctx, call);
    if (!vars)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::Sub", 7, pair(ctx, call, text, vars));
}

Value *fn_cfn_get_att(FnContext *ctx, const FnCall *call)
{
    Value *res = arg_text(ctx, call, 0, false);
    Value *att = res ? arg_text(ctx, call, 1, true) : NULL;
    if (!att)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::GetAtt", 10, pair(ctx, call, res, att));
}

Value *fn_cfn_join(FnContext *ctx, const FnCall *call)
{
    Value *sep = arg_text(ctx, call, 0, false);
    Value *list = sep ? arg_list(ctx, call, 1) : NULL;
    if (!list)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::Join", 8, pair(ctx, call, sep, list));
}

Value *fn_cfn_import_value(FnContext *ctx, const FnCall *call)
{
    Value *name = arg_text(ctx, call, 0, true);
    if (!name)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::ImportValue", 15, name);
}

Value *fn_cfn_select(FnContext *ctx, const FnCall *call)
{
    Value *index = call->args[0];
    if (!is_intrinsic(index)) {
        int64_t n;
        if (!fn_arg_int(ctx, call, 0, &n))
            return fn_invalid(ctx, call);
        if (n < 0)
            return fn_arg_error(ctx, call, 0, "the index cannot be negative");
        index = value_number(ctx->arena, fn_arg_span(call, 0), (double)n);
    }
    Value *list = arg_list(ctx, call, 1);
    if (!list)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::Select", 10, pair(ctx, call, index, list));
}

Value *fn_cfn_find_in_map(FnContext *ctx, const FnCall *call)
{
    Value *list = fn_new_list(ctx, call, 3, 0);
    for (uint32_t i = 0; i < 3; i++) {
        Value *v = arg_text(ctx, call, i, true);
        if (!v)
            return fn_invalid(ctx, call);
        if (v->kind == VAL_STRING && v->as.str.len == 0)
            return fn_arg_error(ctx, call, i, "the %s cannot be empty",
                                i == 0 ? "name of a mapping" : "key of a mapping");
        list->as.list.items[i] = v;
    }
    return intrinsic(ctx, call, "Fn::FindInMap", 13, list);
}

Value *fn_cfn_split(FnContext *ctx, const FnCall *call)
{
    Value *sep = arg_text(ctx, call, 0, false);
    if (sep && sep->as.str.len == 0)
        return fn_arg_error(ctx, call, 0, "the delimiter cannot be empty");
    Value *text = sep ? arg_text(ctx, call, 1, true) : NULL;
    if (!text)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::Split", 9, pair(ctx, call, sep, text));
}

Value *fn_cfn_base64(FnContext *ctx, const FnCall *call)
{
    Value *text = arg_text(ctx, call, 0, true);
    if (!text)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::Base64", 10, text);
}

Value *fn_cfn_get_azs(FnContext *ctx, const FnCall *call)
{
    Value *region = arg_text(ctx, call, 0, true);
    if (!region)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::GetAZs", 10, region);
}

// Argument `i` as a whole number in [lo, hi], or as it is when it is an
// intrinsic.
static Value *arg_count(FnContext *ctx, const FnCall *call, uint32_t i, int64_t lo, int64_t hi)
{
    Value *v = call->args[i];
    if (is_intrinsic(v))
        return v;
    int64_t n;
    if (!fn_arg_int(ctx, call, i, &n))
        return NULL;
    if (n < lo || n > hi) {
        fn_arg_error(ctx, call, i, "%s must be from %lld to %lld, not %lld",
                     i == 1 ? "the count of CIDR blocks" : "the subnet bits", (long long)lo,
                     (long long)hi, (long long)n);
        return NULL;
    }
    return value_number(ctx->arena, fn_arg_span(call, i), (double)n);
}

Value *fn_cfn_cidr(FnContext *ctx, const FnCall *call)
{
    Value *block = arg_text(ctx, call, 0, true);
    Value *count = block ? arg_count(ctx, call, 1, 1, 256) : NULL;
    Value *bits = count ? arg_count(ctx, call, 2, 1, 128) : NULL;
    if (!bits)
        return fn_invalid(ctx, call);
    Value *list = fn_new_list(ctx, call, 3, 0);
    list->as.list.items[0] = block;
    list->as.list.items[1] = count;
    list->as.list.items[2] = bits;
    return intrinsic(ctx, call, "Fn::Cidr", 8, list);
}

// A literal name (a condition's), located at argument `i`.
static Value *arg_name(FnContext *ctx, const FnCall *call, uint32_t i, const char *what)
{
    if (is_intrinsic(call->args[i])) {
        fn_arg_error(ctx, call, i, "%s must be a literal string, not an intrinsic", what);
        return NULL;
    }
    Value *name = arg_text(ctx, call, i, false);
    if (name && name->as.str.len == 0) {
        fn_arg_error(ctx, call, i, "%s cannot be empty", what);
        return NULL;
    }
    return name;
}

Value *fn_cfn_if(FnContext *ctx, const FnCall *call)
{
    Value *name = arg_name(ctx, call, 0, "the condition's name");
    if (!name)
        return fn_invalid(ctx, call);
    for (uint32_t i = 1; i < 3; i++)
        if (call->args[i]->kind == VAL_NULL) {
            Diag *g = fn_report(ctx, E_FUNC_ARG, fn_arg_span(call, i),
                                "a branch of cfn_if cannot be null");
            diag_help(ctx->diags, g,
                      "write cfn_ref(\"AWS::NoValue\") to leave the member out in that case");
            return fn_invalid(ctx, call);
        }
    Value *list = fn_new_list(ctx, call, 3, 0);
    list->as.list.items[0] = name;
    list->as.list.items[1] = call->args[1];
    list->as.list.items[2] = call->args[2];
    return intrinsic(ctx, call, "Fn::If", 6, list);
}

Value *fn_cfn_condition(FnContext *ctx, const FnCall *call)
{
    Value *name = arg_name(ctx, call, 0, "the condition's name");
    if (!name)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Condition", 9, name);
}

bool fn_is_condition(const Value *v)
{
    static const char *const KEYS[] = {"Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition"};
    if (!is_intrinsic(v) || v->as.object.count != 1)
        return false;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (strcmp(v->as.object.keys[0].ptr, KEYS[i]) == 0)
            return true;
    return false;
}

// The arguments of cfn_and, cfn_or or cfn_not, each a condition, as a list.
static Value *conditions(FnContext *ctx, const FnCall *call)
{
    Value *list = fn_new_list(ctx, call, call->nargs, 0);
    for (uint32_t i = 0; i < call->nargs; i++) {
        if (!fn_is_condition(call->args[i])) {
            Diag *g = fn_report(ctx, E_FUNC_ARG, fn_arg_span(call, i),
                                "argument %u of %s must be a condition, not %s", i + 1, call->name,
                                is_intrinsic(call->args[i]) ? "another intrinsic"
                                                            : value_type_name(call->args[i]));
            diag_help(ctx->diags, g,
                      "conditions are cfn_equals, cfn_and, cfn_or, cfn_not and "
                      "cfn_condition(\"Name\")");
            return NULL;
        }
        list->as.list.items[i] = call->args[i];
    }
    return list;
}

Value *fn_cfn_and(FnContext *ctx, const FnCall *call)
{
    Value *list = conditions(ctx, call);
    return list ? intrinsic(ctx, call, "Fn::And", 7, list) : fn_invalid(ctx, call);
}

Value *fn_cfn_or(FnContext *ctx, const FnCall *call)
{
    Value *list = conditions(ctx, call);
    return list ? intrinsic(ctx, call, "Fn::Or", 6, list) : fn_invalid(ctx, call);
}

Value *fn_cfn_not(FnContext *ctx, const FnCall *call)
{
    Value *list = conditions(ctx, call);
    return list ? intrinsic(ctx, call, "Fn::Not", 7, list) : fn_invalid(ctx, call);
}

// A value cfn_equals compares: a string, number or bool as it is, or an
// intrinsic.
static Value *comparand(FnContext *ctx, const FnCall *call, uint32_t i)
{
    Value *v = call->args[i];
    if (is_intrinsic(v) || v->kind == VAL_STRING || v->kind == VAL_NUMBER || v->kind == VAL_BOOL)
        return v;
    fn_arg_error(ctx, call, i, "cfn_equals compares strings, numbers, bools or intrinsics, not %s",
                 value_type_name(v));
    return NULL;
}

Value *fn_cfn_equals(FnContext *ctx, const FnCall *call)
{
    Value *a = comparand(ctx, call, 0);
    Value *b = a ? comparand(ctx, call, 1) : NULL;
    if (!b)
        return fn_invalid(ctx, call);
    return intrinsic(ctx, call, "Fn::Equals", 10, pair(ctx, call, a, b));
}

void fn_report_intrinsic_use(Diags *diags, const Value *x, Span at, const char *what)
{
    const ValueStr *k = x->as.object.count ? &x->as.object.keys[0] : NULL;
    const Value *name = k ? x->as.object.vals[0] : NULL;
    Diag *g;
    if (k && strcmp(k->ptr, "Ref") == 0 && name->kind == VAL_STRING)
        g = diag_error(diags, E_CFN_PARAMETER_USE, at,
                       "%s cannot use CloudFormation's Ref \"%s\": its value is known only "
                       "when the stack is deployed",
                       what, name->as.str.ptr);
    else
        g = diag_error(diags, E_CFN_PARAMETER_USE, at,
                       "%s cannot use the CloudFormation intrinsic %s: its value is known only "
                       "when the stack is deployed",
                       what, k ? k->ptr : "?");
    if (!span_is_none(x->origin) && (x->origin.start != at.start || x->origin.file != at.file))
        diag_note_at(diags, g, x->origin, "the intrinsic comes from here");
    diag_help(diags, g,
              "build strings with cfn_sub(\"...${Name}...\") or cfn_join(); "
              "give the value directly where it must be known");
}
