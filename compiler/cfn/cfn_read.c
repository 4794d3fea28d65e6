// cfn_read.c - `hclc validate` on an existing CloudFormation template
// (JSON, or YAML read with the short-form tags): every
// AWS::ECS::TaskDefinition's Properties renamed from CloudFormation's names
// back to the API's (schema_find_cfn), with CloudFormation's scalar
// conversions, then checked by ecs_validate. Values keep their positions in
// the template; intrinsics ({"Ref": ...}, {"Fn::...": ...}) are unknown
// values of the right type, never errors (the branches of an Fn::If are
// renamed all the same).
#include <string.h>

#include "cfn/cfn.h"
#include "cfn/cfn_impl.h"
#include "ecs/ecs.h"
#include "ecs/schema.h"

#define TASK_TYPE "AWS::ECS::TaskDefinition"

static Value *member(const Value *obj, const char *name)
{
    return obj && obj->kind == VAL_OBJECT ? value_object_get(obj, name, strlen(name)) : NULL;
}

bool cfn_is_template(const Value *v)
{
    return member(v, "Resources") || member(v, "AWSTemplateFormatVersion");
}

// An object of one member named Ref, Condition or Fn::...: the long form
// of an intrinsic in a JSON template.
static bool looks_intrinsic(const Value *v)
{
    if (v->kind != VAL_OBJECT || v->as.object.count != 1)
        return false;
    const char *k = v->as.object.keys[0].ptr;
    return strcmp(k, "Ref") == 0 || strcmp(k, "Condition") == 0 || strncmp(k, "Fn::", 4) == 0;
}

static Value *to_api(Arena *a, Value *v, const SchemaType *t);

static Value *struct_to_api(Arena *a, Value *obj, const SchemaShape *shape)
{
    Value *out = value_object_new(a, obj->origin, obj->as.object.count);
    out->flags = obj->flags;
    for (uint32_t i = 0; i < obj->as.object.count; i++) {
        const ValueStr *k = &obj->as.object.keys[i];
        const SchemaMember *m = schema_find_cfn(shape, k->ptr);
        Value *v = obj->as.object.vals[i];
        if (m)
            value_object_put(a, out, m->api, strlen(m->api), to_api(a, v, &m->type));
        else // kept as written: the schema check reports the unknown name
            value_object_put(a, out, k->ptr, k->len, v);
    }
    return out;
}

// An integer written as text ("512"): optional '-', at most 15 digits.
static bool integer_text(const char *s, double *out)
{
    bool neg = *s == '-';
    s += neg;
    double n = 0;
    size_t i = 0;
    for (; s[i] >= '0' && s[i] <= '9' && i < 15; i++)
        n = n * 10 + (s[i] - '0');
    if (i == 0 || s[i] != '\0')
        return false;
    *out = neg ? -n : n;
    return true;
}

// CloudFormation converts scalars to the property's type (Cpu: 256 is the
// string "256", Memory: "512" the integer 512), as it sends them to ECS.
static Value *scalar_to_api(Arena *a, Value *v, SchemaKind kind)
{
    char buf[VALUE_NUMBER_BUF];
    double n;
    if (kind == SK_STRING && v->kind == VAL_NUMBER)
        return value_cstring(a, v->origin, value_number_text(v->as.number, buf));
    if (kind == SK_STRING && v->kind == VAL_BOOL)
        return value_cstring(a, v->origin, v->as.boolean ? "true" : "false");
    if (kind == SK_INTEGER && v->kind == VAL_STRING && integer_text(v->as.str.ptr, &n))
        return value_number(a, v->origin, n);
    if (kind == SK_BOOLEAN && v->kind == VAL_STRING &&
        (strcmp(v->as.str.ptr, "true") == 0 || strcmp(v->as.str.ptr, "false") == 0))
        return value_bool(a, v->origin, v->as.str.ptr[0] == 't');
    return v;
}

// `v` with API member names following `t`; intrinsics flagged, as they are.
static Value *to_api(Arena *a, Value *v, const SchemaType *t)
{
    if (looks_intrinsic(v) || (v->flags & VALF_INTRINSIC)) {
        Value *x = cfn_if_branches(a, v, t, to_api);
        if (x)
            return x;
        x = value_with_origin(a, v, v->origin);
        x->flags |= VALF_INTRINSIC;
        return x;
    }
    if (t->kind == SK_STRUCT && v->kind == VAL_OBJECT)
        return struct_to_api(a, v, t->shape);
    if (t->kind == SK_LIST && v->kind == VAL_LIST) {
        Value *out = value_list_new(a, v->origin, v->as.list.count);
        for (uint32_t i = 0; i < v->as.list.count; i++)
            out->as.list.items[i] = to_api(a, v->as.list.items[i], t->elem);
        return out;
    }
    if (t->kind == SK_MAP && v->kind == VAL_OBJECT) {
        Value *out = value_object_new(a, v->origin, v->as.object.count);
        for (uint32_t i = 0; i < v->as.object.count; i++)
            value_object_put(a, out, v->as.object.keys[i].ptr, v->as.object.keys[i].len,
                             to_api(a, v->as.object.vals[i], t->elem));
        return out;
    }
    return scalar_to_api(a, v, t->kind);
}

// Validates one resource's Properties; diagnostics get a note naming it.
static void check_resource(Arena *a, Diags *diags, const char *id, Value *res,
                           const EcsOptions *opt)
{
    Value *props = member(res, "Properties");
    if (props && (looks_intrinsic(props) || (props->flags & VALF_INTRINSIC)))
        return; // unknown until deployment
    if (props && props->kind != VAL_OBJECT) {
        diag_error(diags, E_CFN_TEMPLATE, props->origin,
                   "the Properties of resource \"%s\" must be an object, not %s", id,
                   value_type_name(props));
        return;
    }
    if (!props)
        props = value_object_new(a, res->origin, 0);
    SchemaType type = {.kind = SK_STRUCT, .shape = schema_task_definition()};
    Diags one;
    diags_init(&one, a);
    EcsOptions eo = *opt;
    eo.cloudformation = true; // Family is optional: CloudFormation generates one
    ecs_validate(a, &one, to_api(a, props, &type), ECS_FORM_REQUEST, &eo);
    for (size_t k = 0; k < one.count; k++) {
        diag_note(diags, one.items[k], "in resource \"%s\" (%s)", id, TASK_TYPE);
        diags_append(diags, one.items[k]);
    }
}

bool cfn_validate_template(Arena *a, Diags *diags, Value *tpl, const EcsOptions *opt)
{
    size_t errors = diags->errors;
    Value *res = member(tpl, "Resources");
    if (!res || res->kind != VAL_OBJECT) {
        diag_error(diags, E_CFN_TEMPLATE, res ? res->origin : tpl->origin,
                   "the template has no Resources object");
        return false;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < res->as.object.count; i++) {
        Value *r = res->as.object.vals[i];
        Value *type = member(r, "Type");
        if (!type || type->kind != VAL_STRING || strcmp(type->as.str.ptr, TASK_TYPE) != 0)
            continue;
        n++;
        check_resource(a, diags, res->as.object.keys[i].ptr, r, opt);
    }
    if (n == 0) {
        Diag *g = diag_error(diags, E_CFN_TEMPLATE, res->origin, "the template has no %s resource",
                             TASK_TYPE);
        diag_help(diags, g, "hclc validate checks the ECS task definitions of a template");
    }
    return diags->errors == errors;
}

// True when resource `r` is an AWS::ECS::TaskDefinition.
static bool is_task_resource(const Value *r)
{
    Value *type = member(r, "Type");
    return type && type->kind == VAL_STRING && strcmp(type->as.str.ptr, TASK_TYPE) == 0;
}

uint32_t cfn_template_tasks(Arena *a, Value *tpl, const char ***ids, Value ***tasks)
{
    Value *res = member(tpl, "Resources");
    uint32_t n = res && res->kind == VAL_OBJECT ? res->as.object.count : 0;
    *ids = arena_alloc(a, ((size_t)n + 1) * sizeof(char *));
    *tasks = arena_alloc(a, ((size_t)n + 1) * sizeof(Value *));
    uint32_t count = 0;
    SchemaType type = {.kind = SK_STRUCT, .shape = schema_task_definition()};
    for (uint32_t i = 0; i < n; i++) {
        Value *r = res->as.object.vals[i];
        if (!is_task_resource(r))
            continue;
        Value *props = member(r, "Properties");
        if (props && props->kind != VAL_OBJECT)
            return 0;
        if (!props)
            props = value_object_new(a, r->origin, 0);
        (*ids)[count] = res->as.object.keys[i].ptr;
        (*tasks)[count++] = to_api(a, props, &type);
    }
    return count;
}
