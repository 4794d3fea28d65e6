// cfn.c - the CloudFormation template of a project: one
// AWS::ECS::TaskDefinition resource per task_definition block, its
// properties renamed from the API's names to CloudFormation's through the
// schema tables (keys of user maps untouched), and an output with the Ref
// of each. Printed by the JSON or YAML emitter.
#include "cfn/cfn.h"

#include <string.h>

#include "cfn/cfn_impl.h"
#include "ecs/schema.h"
#include "emit/emit.h"
#include "eval/eval.h"
#include "project/module.h"
#include "project/types.h"

#define CFN_MAX_BODY 1000000 // bytes of template body
#define CFN_MAX_RESOURCES 500
#define CFN_MAX_OUTPUTS 200
#define CFN_MAX_PARAMETERS 200

static Value *to_cfn(Arena *a, Value *v, const SchemaType *type);

static Value *struct_to_cfn(Arena *a, Value *obj, const SchemaShape *shape)
{
    Value *out = value_object_new(a, obj->origin, obj->as.object.count);
    out->site = obj->site;
    for (uint32_t i = 0; i < obj->as.object.count; i++) {
        const ValueStr *k = &obj->as.object.keys[i];
        const SchemaMember *m = schema_find(shape, k->ptr);
        Value *v = obj->as.object.vals[i];
        if (m)
            value_object_put(a, out, m->cfn, strlen(m->cfn), to_cfn(a, v, &m->type));
        else // validated values hold no unknown member; keep it as it is
            value_object_put(a, out, k->ptr, k->len, v);
    }
    return out;
}

// The value with CloudFormation's property names, following `type`.
static Value *to_cfn(Arena *a, Value *v, const SchemaType *type)
{
    if (v->flags & VALF_INTRINSIC) { // {"Ref": ...} and friends are CloudFormation already
        Value *x = cfn_if_branches(a, v, type, to_cfn);
        return x ? x : v;
    }
    if (type->kind == SK_STRUCT && v->kind == VAL_OBJECT)
        return struct_to_cfn(a, v, type->shape);
    if (type->kind == SK_LIST && v->kind == VAL_LIST) {
        Value *out = value_list_new(a, v->origin, v->as.list.count);
        for (uint32_t i = 0; i < v->as.list.count; i++)
            out->as.list.items[i] = to_cfn(a, v->as.list.items[i], type->elem);
        return out;
    }
    return v; // scalars and user maps (SK_MAP) are never renamed
}

bool cfn_reject_intrinsics(Diags *diags, const Value *v, const char *target)
{
    const Value *x = value_find_intrinsic(v);
    if (!x)
        return true;
    const char *name = x->as.object.count ? x->as.object.keys[0].ptr : "?";
    Diag *g = diag_error(diags, E_CFN_INTRINSIC_TARGET, x->origin,
                         "CloudFormation intrinsic %s in the %s target", name, target);
    diag_help(diags, g, "intrinsics work only with -t cloudformation and -t cloudformation-yaml");
    return false;
}

char *cfn_pascal_case(Arena *a, const char *label)
{
    size_t n = strlen(label);
    char *out = arena_alloc(a, n + 1);
    size_t k = 0;
    bool start = true;
    for (size_t i = 0; i < n; i++) {
        char c = label[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            start = true;
            continue;
        }
        out[k++] = start && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
        start = false;
    }
    out[k] = '\0';
    return out;
}

Value *cfn_variable_ref(void *ctx, Arena *a, const Variable *v, Span at)
{
    (void)ctx;
    if (!v->cfn_parameter)
        return NULL;
    return value_new_intrinsic(a, at, "Ref", 3, value_cstring(a, at, cfn_pascal_case(a, v->name)));
}

static bool logical_ids(Arena *a, Diags *diags, const CfnInput *in, const char **ids)
{
    const TaskDef *const *t = in->defs;
    bool ok = true;
    for (uint32_t i = 0; i < in->ntasks; i++) {
        ids[i] = arena_printf(a, "%sTaskDefinition", cfn_pascal_case(a, t[i]->name));
        for (uint32_t j = 0; j < i; j++) {
            if (strcmp(ids[i], ids[j]) != 0)
                continue;
            Diag *g = diag_error(diags, E_CFN_LOGICAL_ID, t[i]->name_span,
                                 "task definitions \"%s\" and \"%s\" get the same "
                                 "CloudFormation logical id \"%s\"",
                                 t[j]->name, t[i]->name, ids[i]);
            diag_note_at(diags, g, t[j]->name_span, "\"%s\" is declared here", t[j]->name);
            diag_help(diags, g,
                      "logical ids keep only the letters and digits of the label; "
                      "rename one of the blocks");
            ok = false;
        }
    }
    return ok;
}

static void put(Arena *a, Value *obj, const char *key, Value *v)
{
    value_object_put(a, obj, key, strlen(key), v);
}

static Value *str(Arena *a, const char *s)
{
    return value_cstring(a, span_none(), s);
}

static Value *resource(Arena *a, Value *task)
{
    Value *r = value_object_new(a, span_none(), 2);
    put(a, r, "Type", str(a, "AWS::ECS::TaskDefinition"));
    SchemaType type = {.kind = SK_STRUCT, .shape = schema_task_definition()};
    put(a, r, "Properties", to_cfn(a, task, &type));
    return r;
}

static Value *output(Arena *a, const char *id, const char *label)
{
    Value *o = value_object_new(a, span_none(), 2);
    put(a, o, "Description", str(a, arena_printf(a, "The ARN of task definition \"%s\"", label)));
    Value *ref = value_object_new(a, span_none(), 1);
    put(a, ref, "Ref", str(a, id));
    put(a, o, "Value", ref);
    return o;
}

// "String" or "Number" for a cfn_parameter variable, or NULL after an error.
static const char *parameter_type(Arena *a, Diags *diags, const Variable *var, const Value *val)
{
    const Type *t = var->type && var->type->kind != TY_ANY ? var->type : NULL;
    if ((t && t->kind == TY_STRING) || (!t && val->kind == VAL_STRING))
        return "String";
    if ((t && t->kind == TY_NUMBER) || (!t && val->kind == VAL_NUMBER))
        return "Number";
    Span at = var->cfn_parameter_attr ? var->cfn_parameter_attr->span : var->name_span;
    Diag *g =
        diag_error(diags, E_CFN_PARAMETER, at,
                   "variable \"%s\" cannot be a CloudFormation parameter: its %s is %s", var->name,
                   t ? "type" : "value", t ? types_text(a, t) : value_type_name(val));
    diag_help(diags, g, "cfn_parameter works for string and number variables");
    return NULL;
}

static Value *parameter(Eval *ev, Diags *diags, const Variable *var, Value *val)
{
    Arena *a = ev->arena;
    const char *type = parameter_type(a, diags, var, val);
    if (!type)
        return NULL;
    Value *p = value_object_new(a, span_none(), 4);
    put(a, p, "Type", str(a, type));
    if (val->kind == VAL_STRING || val->kind == VAL_NUMBER)
        put(a, p, "Default", val);
    Value *d = var->description_attr ? eval_expr(ev, var->description_attr->expr) : NULL;
    if (d && d->kind == VAL_STRING)
        put(a, p, "Description", d);
    if (var->sensitive)
        put(a, p, "NoEcho", value_bool(a, span_none(), true));
    return p;
}

// The Parameters of the template (NULL when there are none, or after errors).
static Value *parameters(const CfnInput *in, Diags *diags, const char **ids, uint32_t *count)
{
    Eval *ev = in->ev;
    const Module *m = ev->mod;
    Value *ps = value_object_new(ev->arena, span_none(), 4);
    for (uint32_t i = 0; i < m->nvars; i++) {
        const Variable *var = &m->vars[i];
        if (!var->cfn_parameter)
            continue;
        Value *p = parameter(ev, diags, var, eval_variable(ev, i, span_none()));
        const char *id = cfn_pascal_case(ev->arena, var->name);
        for (uint32_t k = 0; p && k < in->ntasks; k++)
            if (strcmp(id, ids[k]) == 0) {
                diag_error(diags, E_CFN_PARAMETER, var->name_span,
                           "variable \"%s\" and task definition \"%s\" get the same "
                           "CloudFormation logical id \"%s\"",
                           var->name, in->defs[k]->name, id);
                p = NULL;
            }
        if (p && !value_object_put(ev->arena, ps, id, strlen(id), p))
            diag_error(diags, E_CFN_PARAMETER, var->name_span,
                       "two cfn_parameter variables get the CloudFormation logical id \"%s\"", id);
    }
    *count = ps->as.object.count;
    return ps->as.object.count ? ps : NULL;
}

// The Description names the workspace only: PATH as typed (".", an
// absolute path) would make the same project give different bytes.
static Value *template_value(Arena *a, const CfnInput *in, const char **ids, Value *params,
                             const CfnSections *sec)
{
    Value *t = value_object_new(a, span_none(), 4);
    put(a, t, "AWSTemplateFormatVersion", str(a, "2010-09-09"));
    put(a, t, "Description",
        str(a, arena_printf(a, "ECS task definitions compiled by hclc (workspace %s)",
                            in->workspace)));
    if (params)
        put(a, t, "Parameters", params);
    if (sec->mappings)
        put(a, t, "Mappings", sec->mappings);
    if (sec->conditions)
        put(a, t, "Conditions", sec->conditions);
    Value *res = value_object_new(a, span_none(), in->ntasks);
    Value *outs = value_object_new(a, span_none(), in->ntasks);
    for (uint32_t i = 0; i < in->ntasks; i++) {
        put(a, res, ids[i], resource(a, in->tasks[i]));
        put(a, outs, arena_printf(a, "%sArn", ids[i]), output(a, ids[i], in->defs[i]->name));
    }
    put(a, t, "Resources", res);
    put(a, t, "Outputs", outs);
    return t;
}

static bool check_limits(Diags *diags, uint32_t resources, uint32_t params, size_t body)
{
    if (params > CFN_MAX_PARAMETERS) {
        diag_error(diags, E_CFN_LIMIT, span_none(),
                   "the template has %u parameters; CloudFormation allows %d", params,
                   CFN_MAX_PARAMETERS);
        return false;
    }
    if (resources > CFN_MAX_RESOURCES) {
        diag_error(diags, E_CFN_LIMIT, span_none(),
                   "the template has %u resources; CloudFormation allows %d", resources,
                   CFN_MAX_RESOURCES);
        return false;
    }
    if (resources > CFN_MAX_OUTPUTS) {
        diag_error(diags, E_CFN_LIMIT, span_none(),
                   "the template has %u outputs; CloudFormation allows %d", resources,
                   CFN_MAX_OUTPUTS);
        return false;
    }
    if (body > CFN_MAX_BODY) {
        diag_error(diags, E_CFN_LIMIT, span_none(),
                   "the template body is %zu bytes; CloudFormation allows %d", body, CFN_MAX_BODY);
        return false;
    }
    return true;
}

// Every Ref, Fn::GetAtt and Fn::Sub of the task definitions and the
// conditions names a parameter, a resource or an external name; every
// condition and mapping they use is declared (cfn_refs.c).
static bool check_references(const CfnInput *in, Diags *diags, const char **ids, Value *params,
                             const CfnSections *sec)
{
    Arena *a = in->ev->arena;
    uint32_t np = params ? params->as.object.count : 0;
    const char **pids = arena_alloc(a, ((size_t)np + 1) * sizeof(char *));
    for (uint32_t i = 0; i < np; i++)
        pids[i] = params->as.object.keys[i].ptr;
    const Module *m = in->ev->mod;
    CfnNames names = {
        pids,         np, ids, in->ntasks, m->cfn_external, m->ncfn_external, sec->conditions,
        sec->mappings};
    bool ok =
        !sec->conditions || cfn_check_conditions(a, diags, in->ev->src, &names, sec->conditions);
    for (uint32_t i = 0; i < in->ntasks; i++)
        ok &= cfn_check_references(a, diags, in->ev->src, &names, in->tasks[i]);
    return ok;
}

char *cfn_build(Arena *a, Diags *diags, const CfnInput *in, bool yaml, size_t *len)
{
    const char **ids = arena_alloc(a, (in->ntasks + 1) * sizeof(char *));
    if (!logical_ids(a, diags, in, ids))
        return NULL;
    uint32_t nparams = 0;
    Value *params = parameters(in, diags, ids, &nparams);
    CfnSections sec;
    if (!cfn_sections_read(in->ev, diags, &sec) || diags_has_errors(diags) ||
        !check_references(in, diags, ids, params, &sec))
        return NULL;
    Value *t = template_value(a, in, ids, params, &sec);
    char *text = yaml ? emit_yaml(a, t, len) : emit_json(a, t, EMIT_JSON_PRETTY, len);
    if (!text || !check_limits(diags, in->ntasks, nparams, *len))
        return NULL;
    return text;
}
