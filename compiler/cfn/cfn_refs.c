// cfn_refs.c - every reference of a template hclc builds must resolve, as
// CloudFormation (and cfn-lint's E1020, E1010, E1019) will demand: the name
// of a Ref, of an Fn::GetAtt and of each ${Name} of an Fn::Sub is a
// parameter, a pseudo parameter, a resource of the template, a variable of
// the Fn::Sub's own map, or a name declared in cloudformation { external };
// each name of a cfn_depends_on, another resource or an external name.
// Otherwise an error at the call, with "did you mean".
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

static void check_ref(Checker *c, const Value *name)
{
    if (name->kind != VAL_STRING)
        return;
    const char *s = name->as.str.ptr;
    const CfnNames *nm = c->names;
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
    Checker c = {a, diags, src, names, NULL, true};
    check_value(&c, v);
    return c.ok;
}

bool cfn_check_depends_on(Arena *a, Diags *diags, const CfnNames *names, const char *self,
                          const CfnExternal *dep)
{
    Checker c = {a, diags, NULL, names, NULL, true};
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
