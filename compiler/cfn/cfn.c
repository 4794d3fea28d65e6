// cfn.c - the CloudFormation template of a project: one
// AWS::ECS::TaskDefinition resource per task_definition block (its logical
// id, Condition and DependsOn from the cfn_* attributes), its properties
// renamed from the API's names to CloudFormation's through the schema
// tables (keys of user maps untouched), the Parameters (cfn_params.c) and
// an output with the Ref of each. Printed by the JSON or YAML emitter.
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
    return value_new_intrinsic(a, at, "Ref", 3, value_cstring(a, at, cfn_parameter_id(a, v)));
}

// What takes a logical id, for the error naming both claimants.
typedef struct Owner {
    const char *kind; // "task definition", "variable"
    const char *name; // its label or name
    Span at;          // the label, or the cfn_name that sets the id
    bool named;       // the id comes from cfn_name
} Owner;

typedef struct IdTable {
    Value *index; // logical id -> position in owners
    Owner *owners;
    uint32_t count;
} IdTable;

// Resources and parameters share one namespace of logical ids: false
// (after reporting E_CFN_LOGICAL_ID) when `id` is taken.
static bool claim(Arena *a, Diags *diags, IdTable *t, const char *id, Owner o)
{
    const Value *prev = value_object_get(t->index, id, strlen(id));
    if (!prev) {
        value_object_put(a, t->index, id, strlen(id), value_number(a, span_none(), t->count));
        t->owners[t->count++] = o;
        return true;
    }
    const Owner *p = &t->owners[(uint32_t)prev->as.number];
    bool same = strcmp(p->kind, o.kind) == 0;
    Diag *g =
        same ? diag_error(diags, E_CFN_LOGICAL_ID, o.at,
                          "%ss \"%s\" and \"%s\" get the same CloudFormation logical id \"%s\"",
                          o.kind, p->name, o.name, id)
             : diag_error(diags, E_CFN_LOGICAL_ID, o.at,
                          "%s \"%s\" and %s \"%s\" get the same CloudFormation logical id "
                          "\"%s\"",
                          p->kind, p->name, o.kind, o.name, id);
    diag_note_at(diags, g, p->at, p->named ? "\"%s\" takes it here" : "\"%s\" is declared here",
                 p->name);
    if (!p->named && !o.named && same && strcmp(o.kind, "task definition") == 0)
        diag_help(diags, g,
                  "logical ids keep only the letters and digits of the label; "
                  "rename one of the blocks");
    else
        diag_help(diags, g, "give one of them another logical id: cfn_name = \"...\"");
    return false;
}

static Owner task_owner(const TaskDef *t)
{
    Owner o = {"task definition", t->name, t->name_span, t->cfn_name != NULL};
    if (t->cfn_name)
        o.at = t->cfn_name_attr->expr->span;
    return o;
}

// The resources' logical ids into ids[] (cfn_name, or the label in
// PascalCase and "TaskDefinition"), each checked unique among resources
// and parameters.
static bool logical_ids(Arena *a, Diags *diags, const CfnInput *in, const char **ids)
{
    const Module *m = in->ev->mod;
    IdTable t = {value_object_new(a, span_none(), in->ntasks + m->nvars), NULL, 0};
    t.owners = arena_alloc(a, ((size_t)in->ntasks + m->nvars + 1) * sizeof(Owner));
    bool ok = true;
    for (uint32_t i = 0; i < in->ntasks; i++) {
        const TaskDef *td = in->defs[i];
        ids[i] = td->cfn_name ? td->cfn_name
                              : arena_printf(a, "%sTaskDefinition", cfn_pascal_case(a, td->name));
        ok &= claim(a, diags, &t, ids[i], task_owner(td));
    }
    for (uint32_t i = 0; i < m->nvars; i++) {
        const Variable *v = &m->vars[i];
        if (!v->cfn_parameter)
            continue;
        Owner o = {"variable", v->name, v->name_span, v->cfn_name != NULL};
        if (v->cfn_name)
            o.at = v->cfn_name_attr->expr->span;
        ok &= claim(a, diags, &t, cfn_parameter_id(a, v), o);
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

// The resource of task definition `td`: Type, Condition (cfn_condition),
// DependsOn (cfn_depends_on) and Properties.
static Value *resource(Arena *a, const TaskDef *td, Value *task)
{
    Value *r = value_object_new(a, span_none(), 4);
    put(a, r, "Type", str(a, "AWS::ECS::TaskDefinition"));
    if (td->cfn_condition)
        put(a, r, "Condition", str(a, td->cfn_condition));
    if (td->ncfn_depends_on) {
        Value *deps = value_list_new(a, span_none(), td->ncfn_depends_on);
        for (uint32_t i = 0; i < td->ncfn_depends_on; i++)
            deps->as.list.items[i] = str(a, td->cfn_depends_on[i].name);
        put(a, r, "DependsOn", deps);
    }
    SchemaType type = {.kind = SK_STRUCT, .shape = schema_task_definition()};
    put(a, r, "Properties", to_cfn(a, task, &type));
    return r;
}

// The output of task definition `td`'s ARN; under the resource's
// Condition, since the resource may not exist (cfn-lint's W1001).
static Value *output(Arena *a, const char *id, const TaskDef *td)
{
    Value *o = value_object_new(a, span_none(), 3);
    put(a, o, "Description",
        str(a, arena_printf(a, "The ARN of task definition \"%s\"", td->name)));
    if (td->cfn_condition)
        put(a, o, "Condition", str(a, td->cfn_condition));
    Value *ref = value_object_new(a, span_none(), 1);
    put(a, ref, "Ref", str(a, id));
    put(a, o, "Value", ref);
    return o;
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
        put(a, res, ids[i], resource(a, in->defs[i], in->tasks[i]));
        put(a, outs, arena_printf(a, "%sArn", ids[i]), output(a, ids[i], in->defs[i]));
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
// condition and mapping they use is declared; every cfn_condition names a
// condition and every cfn_depends_on another resource or an external name
// (cfn_refs.c).
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
    for (uint32_t i = 0; i < in->ntasks; i++) {
        ok &= cfn_check_references(a, diags, in->ev->src, &names, in->tasks[i]);
        const TaskDef *td = in->defs[i];
        if (td->cfn_condition)
            ok &= cfn_check_condition(a, diags, &names, td->cfn_condition,
                                      td->cfn_condition_attr->expr->span);
        for (uint32_t k = 0; k < td->ncfn_depends_on; k++)
            ok &= cfn_check_depends_on(a, diags, &names, ids[i], &td->cfn_depends_on[k]);
    }
    return ok;
}

char *cfn_build(Arena *a, Diags *diags, const CfnInput *in, bool yaml, size_t *len)
{
    const char **ids = arena_alloc(a, (in->ntasks + 1) * sizeof(char *));
    if (!logical_ids(a, diags, in, ids))
        return NULL;
    Value *params = cfn_parameters(in->ev, diags);
    uint32_t nparams = params->as.object.count;
    CfnSections sec;
    if (!cfn_sections_read(in->ev, diags, &sec) || diags_has_errors(diags) ||
        !check_references(in, diags, ids, params, &sec))
        return NULL;
    Value *t = template_value(a, in, ids, nparams ? params : NULL, &sec);
    char *text = yaml ? emit_yaml(a, t, len) : emit_json(a, t, EMIT_JSON_PRETTY, len);
    if (!text || !check_limits(diags, in->ntasks, nparams, *len))
        return NULL;
    return text;
}
