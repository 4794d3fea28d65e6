// cfn_params.c - the Parameters of a template: one per cfn_parameter
// variable, its logical id (cfn_name, or the name in PascalCase), its Type
// (cfn_type, or String/Number from the variable's type) checked against
// the types CloudFormation documents and against the variable's type, its
// Default (the workspace's value; none when the variable has no value),
// Description and NoEcho.
#include "cfn/cfn_impl.h"

#include <string.h>

#include "eval/eval.h"

// The parameter types CloudFormation documents (and cfn-lint knows): those
// standing for one value, then those standing for a list.
static const char *const SINGLE_TYPES[] = {
    "String",
    "Number",
    "AWS::EC2::AvailabilityZone::Name",
    "AWS::EC2::Image::Id",
    "AWS::EC2::Instance::Id",
    "AWS::EC2::KeyPair::KeyName",
    "AWS::EC2::SecurityGroup::GroupName",
    "AWS::EC2::SecurityGroup::Id",
    "AWS::EC2::Subnet::Id",
    "AWS::EC2::VPC::Id",
    "AWS::EC2::Volume::Id",
    "AWS::Route53::HostedZone::Id",
    "AWS::SSM::Parameter::Name",
    "AWS::SSM::Parameter::Value<String>",
    "AWS::SSM::Parameter::Value<Number>",
    "AWS::SSM::Parameter::Value<AWS::EC2::AvailabilityZone::Name>",
    "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
    "AWS::SSM::Parameter::Value<AWS::EC2::Instance::Id>",
    "AWS::SSM::Parameter::Value<AWS::EC2::KeyPair::KeyName>",
    "AWS::SSM::Parameter::Value<AWS::EC2::SecurityGroup::GroupName>",
    "AWS::SSM::Parameter::Value<AWS::EC2::SecurityGroup::Id>",
    "AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>",
    "AWS::SSM::Parameter::Value<AWS::EC2::VPC::Id>",
    "AWS::SSM::Parameter::Value<AWS::EC2::Volume::Id>",
    "AWS::SSM::Parameter::Value<AWS::Route53::HostedZone::Id>",
    "AWS::SSM::Parameter::Value<AWS::SSM::Parameter::Name>",
};
static const char *const LIST_TYPES[] = {
    "CommaDelimitedList",
    "List<Number>",
    "List<String>",
    "List<AWS::EC2::AvailabilityZone::Name>",
    "List<AWS::EC2::Image::Id>",
    "List<AWS::EC2::Instance::Id>",
    "List<AWS::EC2::SecurityGroup::GroupName>",
    "List<AWS::EC2::SecurityGroup::Id>",
    "List<AWS::EC2::Subnet::Id>",
    "List<AWS::EC2::VPC::Id>",
    "List<AWS::EC2::Volume::Id>",
    "List<AWS::Route53::HostedZone::Id>",
    "AWS::SSM::Parameter::Value<CommaDelimitedList>",
    "AWS::SSM::Parameter::Value<List<String>>",
    "AWS::SSM::Parameter::Value<List<Number>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::AvailabilityZone::Name>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::Image::Id>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::Instance::Id>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::SecurityGroup::GroupName>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::SecurityGroup::Id>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::VPC::Id>>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::Volume::Id>>",
    "AWS::SSM::Parameter::Value<List<AWS::Route53::HostedZone::Id>>",
};
#define NSINGLE (sizeof SINGLE_TYPES / sizeof SINGLE_TYPES[0])
#define NLIST (sizeof LIST_TYPES / sizeof LIST_TYPES[0])

typedef enum ParamKind {
    PARAM_NONE,   // nothing a parameter can be
    PARAM_STRING, // one string
    PARAM_NUMBER, // one number
    PARAM_LIST,   // a list of strings or numbers (a comma-delimited string)
} ParamKind;

const char *cfn_parameter_id(Arena *a, const Variable *v)
{
    return v->cfn_name ? v->cfn_name : cfn_pascal_case(a, v->name);
}

// The kind a documented parameter type stands for; PARAM_NONE for a type
// CloudFormation does not know.
static ParamKind type_kind(const char *type)
{
    for (size_t i = 0; i < NSINGLE; i++)
        if (strcmp(type, SINGLE_TYPES[i]) == 0)
            return strstr(type, "Number") ? PARAM_NUMBER : PARAM_STRING;
    for (size_t i = 0; i < NLIST; i++)
        if (strcmp(type, LIST_TYPES[i]) == 0)
            return PARAM_LIST;
    return PARAM_NONE;
}

static bool is_scalar_type(const Type *t)
{
    return t && (t->kind == TY_STRING || t->kind == TY_NUMBER || t->kind == TY_ANY);
}

static bool is_scalar_value(const Value *v)
{
    return v->kind == VAL_STRING || v->kind == VAL_NUMBER;
}

// The kind of a variable: by its type, or by its value when it has none
// (`val` is an intrinsic when the variable has no value).
static ParamKind variable_kind(const Variable *var, const Value *val)
{
    const Type *t = var->type && var->type->kind != TY_ANY ? var->type : NULL;
    if (t) {
        if (t->kind == TY_STRING || t->kind == TY_NUMBER)
            return t->kind == TY_STRING ? PARAM_STRING : PARAM_NUMBER;
        bool seq = t->kind == TY_LIST || t->kind == TY_SET;
        return seq && is_scalar_type(t->elem) ? PARAM_LIST : PARAM_NONE;
    }
    if (val->flags & VALF_INTRINSIC) // no value: the cfn_type says, else a string
        return var->cfn_type && type_kind(var->cfn_type) ? type_kind(var->cfn_type) : PARAM_STRING;
    if (is_scalar_value(val))
        return val->kind == VAL_STRING ? PARAM_STRING : PARAM_NUMBER;
    if (val->kind != VAL_LIST)
        return PARAM_NONE;
    for (uint32_t i = 0; i < val->as.list.count; i++)
        if (!is_scalar_value(val->as.list.items[i]))
            return PARAM_NONE;
    return PARAM_LIST;
}

static const char *what_it_is(Arena *a, const Variable *var, const Value *val)
{
    const Type *t = var->type && var->type->kind != TY_ANY ? var->type : NULL;
    return arena_printf(a, "its %s is %s", t ? "type" : "value",
                        t ? types_text(a, t) : value_type_name(val));
}

static void unknown_type(Diags *diags, const Variable *var)
{
    Diag *g = diag_error(diags, E_CFN_PARAMETER, var->cfn_type_attr->expr->span,
                         "unknown CloudFormation parameter type \"%s\"", var->cfn_type);
    const char *all[NSINGLE + NLIST];
    memcpy(all, SINGLE_TYPES, sizeof SINGLE_TYPES);
    memcpy(all + NSINGLE, LIST_TYPES, sizeof LIST_TYPES);
    if (!diag_help_suggest(diags, g, var->cfn_type, all, NSINGLE + NLIST))
        diag_help(diags, g,
                  "the types are String, Number, List<Number>, CommaDelimitedList, AWS types such "
                  "as AWS::EC2::VPC::Id and List<AWS::EC2::Subnet::Id>, AWS::SSM::Parameter::Name "
                  "and AWS::SSM::Parameter::Value<...> of these");
}

// The types a variable of kind `k` can take.
static const char *kind_help(ParamKind k)
{
    switch (k) {
    case PARAM_NONE:
        return "cfn_parameter works for string, number and list variables";
    case PARAM_STRING:
        return "a string variable takes String or another one-value type, such as "
               "AWS::EC2::VPC::Id";
    case PARAM_NUMBER:
        return "a number variable takes Number";
    case PARAM_LIST:
        return "a list variable needs cfn_type = \"CommaDelimitedList\" or a List<...> type";
    }
    return "";
}

// The parameter's Type, or NULL after an error: cfn_type when it is a
// documented type for a variable of this kind, else String or Number.
static const char *parameter_type(Arena *a, Diags *diags, const Variable *var, const Value *val)
{
    ParamKind have = variable_kind(var, val);
    Span at = var->cfn_parameter_attr ? var->cfn_parameter_attr->span : var->name_span;
    if (var->cfn_type && !type_kind(var->cfn_type)) {
        unknown_type(diags, var);
        return NULL;
    }
    if (var->cfn_type && type_kind(var->cfn_type) == have)
        return var->cfn_type;
    if (!var->cfn_type && (have == PARAM_STRING || have == PARAM_NUMBER))
        return have == PARAM_STRING ? "String" : "Number";
    Diag *g;
    if (var->cfn_type && have != PARAM_NONE)
        g = diag_error(diags, E_CFN_PARAMETER, var->cfn_type_attr->expr->span,
                       "variable \"%s\" cannot be a CloudFormation parameter of type \"%s\": %s",
                       var->name, var->cfn_type, what_it_is(a, var, val));
    else
        g = diag_error(diags, E_CFN_PARAMETER, at,
                       "variable \"%s\" cannot be a CloudFormation parameter: %s", var->name,
                       what_it_is(a, var, val));
    diag_help(diags, g, "%s", kind_help(have));
    return NULL;
}

// A list parameter's Default: its items joined with commas, as
// CloudFormation reads a comma-delimited list; NULL (after reporting) when
// an item holds a comma itself.
static Value *list_default(Arena *a, Diags *diags, const Variable *var, const Value *val)
{
    char *text = arena_strdup(a, "");
    char num[VALUE_NUMBER_BUF];
    for (uint32_t i = 0; i < val->as.list.count; i++) {
        const Value *it = val->as.list.items[i];
        const char *s =
            it->kind == VAL_STRING ? it->as.str.ptr : value_number_text(it->as.number, num);
        if (strchr(s, ',')) {
            Diag *g =
                diag_error(diags, E_CFN_PARAMETER, var->sensitive ? var->name_span : it->origin,
                           "item %u of variable \"%s\" holds a comma, which a CloudFormation "
                           "list parameter cannot hold",
                           i, var->name);
            diag_note(diags, g,
                      "CloudFormation reads a list parameter's value as text split at commas");
            return NULL;
        }
        text = arena_printf(a, "%s%s%s", text, i ? "," : "", s);
    }
    Value *out = value_cstring(a, val->origin, text);
    out->flags = val->flags & VALF_SENSITIVE;
    return out;
}

static void put(Arena *a, Value *obj, const char *key, Value *v)
{
    value_object_put(a, obj, key, strlen(key), v);
}

static Value *parameter(Eval *ev, Diags *diags, const Variable *var, Value *val)
{
    Arena *a = ev->arena;
    const char *type = parameter_type(a, diags, var, val);
    if (!type)
        return NULL;
    Value *p = value_object_new(a, span_none(), 4);
    put(a, p, "Type", value_cstring(a, span_none(), type));
    if (type_kind(type) == PARAM_LIST && val->kind == VAL_LIST) {
        Value *d = list_default(a, diags, var, val);
        if (!d)
            return NULL;
        put(a, p, "Default", d);
    } else if (is_scalar_value(val)) {
        put(a, p, "Default", val);
    }
    Value *d = var->description_attr ? eval_expr(ev, var->description_attr->expr) : NULL;
    if (d && d->kind == VAL_STRING)
        put(a, p, "Description", d);
    if (var->sensitive)
        put(a, p, "NoEcho", value_bool(a, span_none(), true));
    return p;
}

Value *cfn_parameters(Eval *ev, Diags *diags)
{
    const Module *m = ev->mod;
    Value *ps = value_object_new(ev->arena, span_none(), 4);
    for (uint32_t i = 0; i < m->nvars; i++) {
        const Variable *var = &m->vars[i];
        if (!var->cfn_parameter)
            continue;
        Value *p = parameter(ev, diags, var, eval_variable(ev, i, span_none()));
        const char *id = cfn_parameter_id(ev->arena, var);
        if (p) // a logical id twice is reported with the resources' (cfn.c)
            value_object_put(ev->arena, ps, id, strlen(id), p);
    }
    return ps;
}
