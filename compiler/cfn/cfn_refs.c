// cfn_refs.c - every reference of a template hclc builds must resolve, as
// CloudFormation (and cfn-lint's E1020, E1010, E1019) will demand: the name
// of a Ref, of an Fn::GetAtt and of each ${Name} of an Fn::Sub is a
// parameter, a pseudo parameter, a resource of the template, a variable of
// the Fn::Sub's own map, or a name declared in cloudformation { external };
// the condition of an Fn::If or Condition is one of the block's
// conditions; an Fn::FindInMap's literal map name and keys are in its
// mappings; each name of a cfn_depends_on is another resource or an
// external name. Otherwise an error at the call, with "did you mean".
#include "cfn/cfn_impl.h"

#include <string.h>

static const char *const PSEUDO[] = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix",
};
#define NPSEUDO (sizeof PSEUDO / sizeof PSEUDO[0])

// The only attribute AWS::ECS::TaskDefinition returns through Fn::GetAtt.
#define TASK_ATTRIBUTE "TaskDefinitionArn"

typedef struct Checker {
    Arena *arena;
    Diags *diags;
    const SourceSet *src;
    const CfnNames *names;
    const Value *sub_vars; // the map of the Fn::Sub being checked, or NULL
    bool ok;
    bool conditions; // checking the Conditions: no resource may be used
} Checker;

static bool in_list(const char *name, const char *const *list, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}

static bool is_external(const CfnNames *nm, const char *name)
{
    for (uint32_t i = 0; i < nm->nexternal; i++)
        if (strcmp(name, nm->external[i].name) == 0)
            return true;
    return false;
}

static bool is_resource(const CfnNames *nm, const char *name)
{
    return in_list(name, nm->resources, nm->nresources);
}

// Every name a reference may take, for "did you mean": resources and
// external names, and with `any` parameters, pseudo parameters and the
// variables of the Fn::Sub too.
static const char **candidates(Checker *c, bool any, uint32_t *count)
{
    const CfnNames *nm = c->names;
    uint32_t n = nm->nparams + nm->nresources + nm->nexternal + (uint32_t)NPSEUDO;
    uint32_t nvars = c->sub_vars ? c->sub_vars->as.object.count : 0;
    const char **all = arena_alloc(c->arena, ((size_t)n + nvars + 1) * sizeof(char *));
    uint32_t k = 0;
    for (uint32_t i = 0; i < nm->nresources; i++)
        all[k++] = nm->resources[i];
    for (uint32_t i = 0; i < nm->nexternal; i++)
        all[k++] = nm->external[i].name;
    for (uint32_t i = 0; any && i < nm->nparams; i++)
        all[k++] = nm->params[i];
    for (size_t i = 0; any && i < NPSEUDO; i++)
        all[k++] = PSEUDO[i];
    for (uint32_t i = 0; any && i < nvars; i++)
        all[k++] = c->sub_vars->as.object.keys[i].ptr;
    *count = k;
    return all;
}

static void unresolved_help(Checker *c, Diag *g, const char *name, bool resource_only)
{
    uint32_t n;
    const char **all = candidates(c, !resource_only, &n);
    if (diag_help_suggest(c->diags, g, name, all, n))
        ;
    else if (resource_only)
        diag_help(c->diags, g,
                  "when another part of the stack defines it, list it: cloudformation { "
                  "external = [\"%s\"] }",
                  name);
    else
        diag_help(c->diags, g,
                  "declare it in the template (a variable with cfn_parameter = true), or, when "
                  "another part of the stack defines it, list it: cloudformation { external = "
                  "[\"%s\"] }",
                  name);
    c->ok = false;
}

// The span of `needle` inside the source text `at` covers, when it is
// there once; else `at`.
static Span narrow(const SourceSet *src, Span at, const char *needle)
{
    if (span_is_none(at) || !src || at.file >= src->count)
        return at;
    const SourceFile *f = source_file(src, at.file);
    size_t n = strlen(needle);
    const char *first = NULL;
    for (uint32_t i = at.start; i + n <= at.end && i + n <= f->len; i++) {
        if (memcmp(f->text + i, needle, n) != 0)
            continue;
        if (first)
            return at;
        first = f->text + i;
    }
    if (!first)
        return at;
    uint32_t start = (uint32_t)(first - f->text);
    return span_make(at.file, start, start + (uint32_t)n);
}

// In the Conditions, a resource of the template: an error.
static bool resource_in_condition(Checker *c, const char *name, Span at)
{
    if (!c->conditions || !is_resource(c->names, name))
        return false;
    Diag *g =
        diag_error(c->diags, E_CFN_REFERENCE, at, "a condition cannot use resource \"%s\"", name);
    diag_note(c->diags, g,
              "CloudFormation evaluates conditions before it creates any resource; they use "
              "parameters, pseudo parameters and mappings");
    c->ok = false;
    return true;
}

static void check_ref(Checker *c, const Value *name)
{
    if (name->kind != VAL_STRING)
        return;
    const char *s = name->as.str.ptr;
    const CfnNames *nm = c->names;
    if (resource_in_condition(c, s, name->origin))
        return;
    if (in_list(s, nm->params, nm->nparams) || is_resource(nm, s) || is_external(nm, s) ||
        in_list(s, PSEUDO, NPSEUDO))
        return;
    Diag *g = diag_error(c->diags, E_CFN_REFERENCE, name->origin,
                         "Ref \"%s\" names no parameter or resource of the template", s);
    unresolved_help(c, g, s, false);
}

// An attribute of one of the template's task definitions must be the one
// they have.
static void check_attribute(Checker *c, const char *res, const char *att, Span at)
{
    if (!is_resource(c->names, res) || strcmp(att, TASK_ATTRIBUTE) == 0)
        return;
    Diag *g = diag_error(c->diags, E_CFN_REFERENCE, at, "resource \"%s\" has no attribute \"%s\"",
                         res, att);
    diag_help(c->diags, g, "an AWS::ECS::TaskDefinition returns only \"" TASK_ATTRIBUTE "\"");
    c->ok = false;
}

// A GetAtt's resource: a resource of the template or an external name.
static bool check_resource(Checker *c, const char *res, Span at, const char *what)
{
    const CfnNames *nm = c->names;
    if (resource_in_condition(c, res, at))
        return false;
    if (is_resource(nm, res) || is_external(nm, res))
        return true;
    bool param = in_list(res, nm->params, nm->nparams) || in_list(res, PSEUDO, NPSEUDO);
    Diag *g = diag_error(c->diags, E_CFN_REFERENCE, at, "%s names \"%s\", %s", what, res,
                         param ? "a parameter, which has no attributes"
                               : "which is no resource of the template");
    if (param)
        c->ok = false;
    else
        unresolved_help(c, g, res, true);
    return false;
}

static void check_get_att(Checker *c, const Value *arg)
{
    if (arg->kind != VAL_LIST || arg->as.list.count != 2)
        return;
    const Value *res = arg->as.list.items[0], *att = arg->as.list.items[1];
    if (res->kind != VAL_STRING || !check_resource(c, res->as.str.ptr, res->origin, "Fn::GetAtt"))
        return;
    if (att->kind == VAL_STRING)
        check_attribute(c, res->as.str.ptr, att->as.str.ptr, att->origin);
}

// One ${...} of an Fn::Sub template: NAME, RESOURCE.ATTRIBUTE or a
// pseudo parameter. ${!...} never reaches here.
static void check_sub_name(Checker *c, const char *name, Span at)
{
    const CfnNames *nm = c->names;
    if (c->sub_vars && value_object_get(c->sub_vars, name, strlen(name)))
        return;
    if (in_list(name, nm->params, nm->nparams) || is_resource(nm, name) || is_external(nm, name) ||
        in_list(name, PSEUDO, NPSEUDO))
        return;
    if (strncmp(name, "var.", 4) == 0 || strncmp(name, "local.", 6) == 0 ||
        strncmp(name, "workspace.", 10) == 0) { // a Terraform habit
        Diag *g = diag_error(c->diags, E_CFN_REFERENCE, at,
                             "${%s} in Fn::Sub is no CloudFormation reference", name);
        const char *id = strncmp(name, "var.", 4) == 0 ? cfn_pascal_case(c->arena, name + 4) : "";
        if (in_list(id, c->names->params, c->names->nparams))
            diag_help(c->diags, g,
                      "did you mean ${%s}? the variable is the template's "
                      "parameter %s",
                      id, id);
        else
            diag_help(c->diags, g,
                      "did you mean $<%s>? hclc interpolates it before "
                      "CloudFormation sees the text",
                      name);
        c->ok = false;
        return;
    }
    const char *dot = strchr(name, '.');
    if (dot && !strstr(name, "::")) {
        const char *res = arena_strndup(c->arena, name, (size_t)(dot - name));
        if (check_resource(c, res, at, "Fn::Sub's ${...}"))
            check_attribute(c, res, dot + 1, at);
        return;
    }
    Diag *g = diag_error(c->diags, E_CFN_REFERENCE, at,
                         "${%s} in Fn::Sub names no parameter, resource or variable", name);
    diag_note(c->diags, g, "write ${!%s} for the literal text ${%s}", name, name);
    unresolved_help(c, g, name, false);
}

static void check_sub_text(Checker *c, const Value *text)
{
    if (text->kind != VAL_STRING)
        return;
    const char *s = text->as.str.ptr;
    for (const char *p = strstr(s, "${"); p; p = strstr(p, "${")) {
        const char *end = strchr(p + 2, '}');
        if (!end)
            return;
        if (p[2] != '!') {
            const char *name = arena_strndup(c->arena, p + 2, (size_t)(end - p - 2));
            const char *written = arena_strndup(c->arena, p, (size_t)(end - p + 1));
            check_sub_name(c, name, narrow(c->src, text->origin, written));
        }
        p = end + 1;
    }
}

static void check_value(Checker *c, const Value *v);

// The keys of object `obj` (NULL: none) as a list, for "did you mean".
static const char **keys_of(Arena *a, const Value *obj, uint32_t *n)
{
    *n = obj ? obj->as.object.count : 0;
    const char **out = arena_alloc(a, ((size_t)*n + 1) * sizeof(char *));
    for (uint32_t i = 0; i < *n; i++)
        out[i] = obj->as.object.keys[i].ptr;
    return out;
}

bool cfn_check_condition(Arena *a, Diags *diags, const CfnNames *names, const char *name, Span at)
{
    const Value *conds = names->conditions;
    if (conds && value_object_get(conds, name, strlen(name)))
        return true;
    Diag *g = diag_error(diags, E_CFN_REFERENCE, at,
                         "condition \"%s\" is not declared in the cloudformation block", name);
    uint32_t n;
    const char **all = keys_of(a, conds, &n);
    if (!diag_help_suggest(diags, g, name, all, n))
        diag_help(diags, g, "declare it: cloudformation { conditions = { %s = cfn_equals(...) } }",
                  name);
    return false;
}

static void check_condition_name(Checker *c, const Value *name)
{
    if (name->kind == VAL_STRING &&
        !cfn_check_condition(c->arena, c->diags, c->names, name->as.str.ptr, name->origin))
        c->ok = false;
}

// `key` (a literal) must be a key of `obj`, which `what` names.
static bool check_key(Checker *c, const Value *obj, const Value *key, const char *what)
{
    const char *k = key->as.str.ptr;
    if (value_object_get(obj, k, key->as.str.len))
        return true;
    Diag *g = diag_error(c->diags, E_CFN_REFERENCE, key->origin, "%s has no key \"%s\"", what, k);
    uint32_t n;
    const char **all = keys_of(c->arena, obj, &n);
    if (!diag_help_suggest(c->diags, g, k, all, n) && n > 0 && n <= 10) {
        const char *list = all[0];
        for (uint32_t i = 1; i < n; i++)
            list = arena_printf(c->arena, "%s, %s", list, all[i]);
        diag_note(c->diags, g, "its keys: %s", list);
    }
    c->ok = false;
    return false;
}

// A second-level key under a top key known only at deployment: some entry
// of the mapping must have it.
static void check_any_entry(Checker *c, const char *map, const Value *m, const Value *key)
{
    for (uint32_t i = 0; i < m->as.object.count; i++)
        if (m->as.object.vals[i]->kind == VAL_OBJECT &&
            value_object_get(m->as.object.vals[i], key->as.str.ptr, key->as.str.len))
            return;
    diag_error(c->diags, E_CFN_REFERENCE, key->origin, "no key of mapping \"%s\" holds \"%s\"", map,
               key->as.str.ptr);
    c->ok = false;
}

static void check_find_in_map(Checker *c, const Value *arg)
{
    check_value(c, arg);
    if (arg->kind != VAL_LIST || arg->as.list.count != 3 ||
        arg->as.list.items[0]->kind != VAL_STRING)
        return;
    const Value *name = arg->as.list.items[0], *top = arg->as.list.items[1],
                *second = arg->as.list.items[2];
    const Value *maps = c->names->mappings;
    const Value *m = maps ? value_object_get(maps, name->as.str.ptr, name->as.str.len) : NULL;
    if (!m) {
        Diag *g = diag_error(c->diags, E_CFN_REFERENCE, name->origin,
                             "Fn::FindInMap names \"%s\", no mapping of the cloudformation block",
                             name->as.str.ptr);
        uint32_t n;
        const char **all = keys_of(c->arena, maps, &n);
        if (!diag_help_suggest(c->diags, g, name->as.str.ptr, all, n))
            diag_help(c->diags, g,
                      "declare it: cloudformation { mappings = { %s = { KEY = { NAME = "
                      "\"value\" } } } }",
                      name->as.str.ptr);
        c->ok = false;
        return;
    }
    const char *map = name->as.str.ptr;
    if (second->kind != VAL_STRING)
        return;
    if (top->kind != VAL_STRING) {
        check_any_entry(c, map, m, second);
        return;
    }
    if (!check_key(c, m, top, arena_printf(c->arena, "mapping \"%s\"", map)))
        return;
    const Value *entry = value_object_get(m, top->as.str.ptr, top->as.str.len);
    check_key(c, entry, second,
              arena_printf(c->arena, "key \"%s\" of mapping \"%s\"", top->as.str.ptr, map));
}

static void check_if(Checker *c, const Value *arg)
{
    if (arg->kind == VAL_LIST && arg->as.list.count == 3)
        check_condition_name(c, arg->as.list.items[0]);
    check_value(c, arg);
}

static void check_sub(Checker *c, const Value *arg)
{
    if (arg->kind == VAL_STRING) {
        check_sub_text(c, arg);
        return;
    }
    if (arg->kind != VAL_LIST || arg->as.list.count != 2)
        return;
    const Value *vars = arg->as.list.items[1];
    c->sub_vars = vars->kind == VAL_OBJECT ? vars : NULL;
    check_sub_text(c, arg->as.list.items[0]);
    c->sub_vars = NULL;
    check_value(c, vars);
}

static void check_intrinsic(Checker *c, const Value *v)
{
    if (v->as.object.count != 1)
        return;
    const char *key = v->as.object.keys[0].ptr;
    const Value *arg = v->as.object.vals[0];
    if (strcmp(key, "Ref") == 0)
        check_ref(c, arg);
    else if (strcmp(key, "Fn::GetAtt") == 0)
        check_get_att(c, arg);
    else if (strcmp(key, "Fn::Sub") == 0)
        check_sub(c, arg);
    else if (strcmp(key, "Fn::If") == 0)
        check_if(c, arg);
    else if (strcmp(key, "Condition") == 0)
        check_condition_name(c, arg);
    else if (strcmp(key, "Fn::FindInMap") == 0)
        check_find_in_map(c, arg);
    else
        check_value(c, arg); // Fn::Join, Fn::Select...: the intrinsics inside
}

static void check_value(Checker *c, const Value *v)
{
    if (v->kind == VAL_OBJECT && (v->flags & VALF_INTRINSIC)) {
        check_intrinsic(c, v);
        return;
    }
    if (v->kind == VAL_OBJECT)
        for (uint32_t i = 0; i < v->as.object.count; i++)
            check_value(c, v->as.object.vals[i]);
    else if (v->kind == VAL_LIST)
        for (uint32_t i = 0; i < v->as.list.count; i++)
            check_value(c, v->as.list.items[i]);
}

bool cfn_check_references(Arena *a, Diags *diags, const SourceSet *src, const CfnNames *names,
                          const Value *v)
{
    Checker c = {a, diags, src, names, NULL, true, false};
    check_value(&c, v);
    return c.ok;
}

bool cfn_check_depends_on(Arena *a, Diags *diags, const CfnNames *names, const char *self,
                          const CfnExternal *dep)
{
    Checker c = {a, diags, NULL, names, NULL, true, false};
    const char *s = dep->name;
    if (strcmp(s, self) == 0) {
        Diag *g = diag_error(diags, E_CFN_REFERENCE, dep->span,
                             "cfn_depends_on names \"%s\", the resource itself", s);
        diag_note(diags, g, "CloudFormation refuses a circular dependency");
        return false;
    }
    if (is_resource(names, s) || is_external(names, s))
        return true;
    bool param = in_list(s, names->params, names->nparams) || in_list(s, PSEUDO, NPSEUDO);
    Diag *g =
        diag_error(diags, E_CFN_REFERENCE, dep->span, "cfn_depends_on names \"%s\", %s", s,
                   param ? "a parameter, not a resource" : "which is no resource of the template");
    if (param)
        diag_help(diags, g, "DependsOn lists resources only");
    else
        unresolved_help(&c, g, s, true);
    return false;
}

bool cfn_check_conditions(Arena *a, Diags *diags, const SourceSet *src, const CfnNames *names,
                          const Value *conds)
{
    Checker c = {a, diags, src, names, NULL, true, true};
    check_value(&c, conds);
    return c.ok;
}
