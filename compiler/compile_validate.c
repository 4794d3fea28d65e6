// compile_validate.c - `hclc validate`: a project checked as a target
// builds it (every workspace with --all-workspaces), or existing JSON and
// YAML (a RegisterTaskDefinition request, a container-definitions array
// with the task facts given as options, describe output, a CloudFormation
// template) checked against the same rules.
#include <string.h>

#include "cfn/cfn.h"
#include "compile_impl.h"
#include "decode/decode.h"

// --- validate ---------------------------------------------------------------

static bool has_facts(const EcsTaskFacts *f)
{
    return f->cpu || f->memory || f->network_mode || f->compatibilities;
}

// The text of option `name` as a value located in a pseudo-file of its own,
// so that a diagnostic about it points at the option.
static Value *fact_value(Arena *a, SourceSet *src, const char *name, const char *text)
{
    uint32_t file = source_add(src, name, text, strlen(text));
    return value_cstring(a, span_make(file, 0, (uint32_t)strlen(text)), text);
}

// "EC2,FARGATE" as a list of strings, each located in the option's text.
static Value *fact_list(Arena *a, SourceSet *src, const char *name, const char *text)
{
    uint32_t file = source_add(src, name, text, strlen(text));
    uint32_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ',';
    Value *list = value_list_new(a, span_make(file, 0, (uint32_t)strlen(text)), n);
    const char *start = text;
    for (uint32_t i = 0; i < n; i++) {
        size_t len = strcspn(start, ",");
        uint32_t off = (uint32_t)(start - text);
        list->as.list.items[i] =
            value_string(a, span_make(file, off, off + (uint32_t)len), start, len);
        start += len + 1;
    }
    return list;
}

// The task members the command line gives for a container-definitions
// array, as an object of API members (EcsOptions.facts).
static Value *task_facts(Arena *a, SourceSet *src, const EcsTaskFacts *f)
{
    Value *obj = value_object_new(a, span_none(), 4);
    if (f->cpu)
        value_object_set(a, obj, "cpu", 3, fact_value(a, src, "--task-cpu", f->cpu));
    if (f->memory)
        value_object_set(a, obj, "memory", 6, fact_value(a, src, "--task-memory", f->memory));
    if (f->network_mode)
        value_object_set(a, obj, "networkMode", 11,
                         fact_value(a, src, "--network-mode", f->network_mode));
    if (f->compatibilities)
        value_object_set(a, obj, "requiresCompatibilities", 23,
                         fact_list(a, src, "--requires-compatibilities", f->compatibilities));
    return obj;
}

// True when every comma-separated item of `text` is one of `names`; else
// reports the first other one for `option`.
static bool facts_choice(Arena *a, Diags *diags, const char *option, const char *text,
                         const char *const *names, size_t n)
{
    for (const char *p = text;; p += strcspn(p, ",") + 1) {
        char *item = arena_strndup(a, p, strcspn(p, ","));
        bool found = false;
        for (size_t i = 0; i < n && !found; i++)
            found = strcmp(item, names[i]) == 0;
        if (!found) {
            Diag *g = diag_error(diags, E_ECS_ENUM, span_none(), "invalid value \"%s\" for %s",
                                 item, option);
            if (!diag_help_suggest(diags, g, item, names, n))
                diag_help(diags, g, "the values are %s", names[n]);
            return false;
        }
        if (!p[strcspn(p, ",")])
            return true;
    }
}

// The values of --network-mode and --requires-compatibilities (the last
// item: all of them, for the help line).
static bool facts_valid(Arena *a, Diags *diags, const EcsTaskFacts *f)
{
    static const char *const modes[] = {"bridge", "host", "awsvpc", "none",
                                        "bridge, host, awsvpc and none"};
    static const char *const compat[] = {"EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES",
                                         "EC2, FARGATE, EXTERNAL and MANAGED_INSTANCES"};
    return (!f->network_mode ||
            facts_choice(a, diags, "--network-mode", f->network_mode, modes, 4)) &&
           (!f->compatibilities ||
            facts_choice(a, diags, "--requires-compatibilities", f->compatibilities, compat, 4));
}

// The task options apply to a container-definitions array only: a task
// definition states its task members itself.
static CompileStatus facts_misplaced(Diags *diags, const char *what)
{
    Diag *g = diag_error(diags, E_ECS_FORM, span_none(),
                         "--task-cpu, --task-memory, --network-mode and "
                         "--requires-compatibilities describe the task of a "
                         "container-definitions array, and %s is not one",
                         what);
    diag_help(diags, g, "remove them: a task definition sets these members itself");
    return COMPILE_USAGE_ERROR;
}

// `hclc validate FILE.json`: a request, a container-definitions array, or
// describe-task-definition output, whole ({"taskDefinition": ...}) or as
// --query taskDefinition prints it.
static CompileStatus validate_json(Arena *a, SourceSet *src, Diags *diags,
                                   const CompileOptions *opt)
{
    uint32_t file;
    if (load_read_file(src, diags, opt->path, &file) != LOAD_OK)
        return COMPILE_IO_ERROR;
    Value *v = decode_json_file(a, src, file, diags);
    if (!v)
        return COMPILE_INPUT_ERRORS;
    EcsOptions eo = ecs_options(opt, opt->workspace);
    bool facts = has_facts(&opt->facts);
    if (cfn_is_template(v)) // a CloudFormation template (cfn.h)
        return facts ? facts_misplaced(diags, "a CloudFormation template")
               : cfn_validate_template(a, diags, v, &eo) ? COMPILE_OK
                                                         : COMPILE_INPUT_ERRORS;
    eo.json = true;
    EcsForm form = ecs_json_form(a, &v);
    if (facts && form != ECS_FORM_CONTAINERS)
        return facts_misplaced(diags, opt->path);
    if (facts && !facts_valid(a, diags, &opt->facts))
        return COMPILE_USAGE_ERROR;
    if (facts)
        eo.facts = task_facts(a, src, &opt->facts);
    ecs_validate(a, diags, v, form, &eo);
    return diags_has_errors(diags) ? COMPILE_INPUT_ERRORS : COMPILE_OK;
}

// validate -t cloudformation / cloudformation-yaml: everything the
// template of every task definition needs (parameters, logical ids,
// references); the text is dropped.
static void validate_template(Eval *ev, Diags *diags, Value **tasks)
{
    const Module *m = ev->mod;
    const TaskDef **defs = arena_alloc(ev->arena, ((size_t)m->ntasks + 1) * sizeof(TaskDef *));
    for (uint32_t i = 0; i < m->ntasks; i++)
        defs[i] = &m->tasks[i];
    CfnInput in = {ev, ev->workspace, defs, tasks, m->ntasks};
    size_t len;
    if (m->ntasks)
        cfn_build(ev->arena, diags, &in, false, &len);
}

// Checks one workspace: as the CloudFormation targets build it with
// `cfn` (var.NAME of a cfn_parameter is its Ref, family may be absent),
// else as -t task-definition does.
static bool validate_workspace(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                               Project *p, const char *workspace, const char *from)
{
    Eval ev;
    bool cfn = is_cfn_target(opt->target);
    bool ok = eval_init(&ev, a, diags, src, &p->mod, &p->inputs, workspace, from, p->root);
    if (cfn)
        ev.refs.var = cfn_variable_ref; // as in build_cloudformation
    ok = ok && eval_check_all(&ev);
    Value **tasks = arena_alloc(a, ((size_t)p->mod.ntasks + 1) * sizeof(Value *));
    for (uint32_t i = 0; ok && i < p->mod.ntasks; i++)
        tasks[i] = build_task(&ev, diags, opt, i, cfn ? USE_CFN : USE_TASK);
    if (ok && cfn && !diags_has_errors(diags))
        validate_template(&ev, diags, tasks);
    eval_free(&ev);
    return !diags_has_errors(diags);
}

// Validates every workspace. A diagnostic the same in several workspaces is
// reported once, naming them (an invalid default breaks every workspace
// that keeps it: it is reported once, at the default); a last error lists
// the workspaces that failed.
static CompileStatus validate_all(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                                  Project *p)
{
    uint32_t n = p->mod.nworkspaces ? p->mod.nworkspaces : 1;
    Diags *runs = arena_alloc(a, n * sizeof(Diags));
    const char **names = arena_alloc(a, n * sizeof(char *));
    const char **failed = arena_alloc(a, (size_t)n * sizeof(char *));
    uint32_t nfailed = 0;
    for (uint32_t i = 0; i < n; i++) {
        names[i] = p->mod.nworkspaces ? p->mod.workspaces[i].name : "default";
        diags_init(&runs[i], a);
        diags_share_silencer(&runs[i], diags);
        if (!validate_workspace(a, src, &runs[i], opt, p, names[i], "--all-workspaces"))
            failed[nfailed++] = names[i];
    }
    diags_merge_runs(diags, runs, names, n);
    if (!nfailed)
        return COMPILE_OK;
    diag_error(diags, E_WORKSPACES_FAILED, span_none(), "validation failed in workspace%s %s",
               nfailed > 1 ? "s" : "", arena_join(a, failed, nfailed, ", ", "\""));
    return COMPILE_INPUT_ERRORS;
}

// `hclc validate TEMPLATE.yaml`: a CloudFormation template in YAML, with
// the short-form tags (cfn.h).
static CompileStatus validate_cfn_yaml(Arena *a, SourceSet *src, Diags *diags,
                                       const CompileOptions *opt)
{
    uint32_t file;
    if (load_read_file(src, diags, opt->path, &file) != LOAD_OK)
        return COMPILE_IO_ERROR;
    Value *v = decode_yaml_cfn_file(a, src, file, diags);
    if (!v)
        return COMPILE_INPUT_ERRORS;
    if (!cfn_is_template(v)) {
        Diag *g = diag_error(diags, E_CFN_TEMPLATE, v->origin,
                             "this YAML file is not a CloudFormation template");
        diag_help(diags, g,
                  "a template is a mapping with Resources (and usually "
                  "AWSTemplateFormatVersion); task definitions alone go in .json files");
        return COMPILE_INPUT_ERRORS;
    }
    EcsOptions eo = ecs_options(opt, opt->workspace);
    return cfn_validate_template(a, diags, v, &eo) ? COMPILE_OK : COMPILE_INPUT_ERRORS;
}

CompileStatus compile_validate(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt)
{
    LoadFormat format = opt->path ? load_format(opt->path) : LOAD_FORMAT_HCL;
    if (format != LOAD_FORMAT_HCL && opt->target) {
        diag_error(diags, E_BAD_TARGET, span_none(),
                   "-t applies to a project, and %s is a JSON or YAML file", opt->path);
        return COMPILE_USAGE_ERROR;
    }
    if (format == LOAD_FORMAT_JSON)
        return validate_json(a, src, diags, opt);
    if (has_facts(&opt->facts))
        return facts_misplaced(diags, opt->path ? opt->path : "the project");
    if (format == LOAD_FORMAT_YAML)
        return validate_cfn_yaml(a, src, diags, opt);
    Target target;
    if (opt->target && !parse_target(diags, opt->target, &target))
        return COMPILE_USAGE_ERROR;
    Project p;
    CompileStatus st = load_project(a, src, diags, opt, &p);
    if (st != COMPILE_OK)
        return st;
    if (opt->all_workspaces || no_workspace_chosen(&p, opt)) // none chosen: every one
        return validate_all(a, src, diags, opt, &p);
    return validate_workspace(a, src, diags, opt, &p, opt->workspace, opt->workspace_from)
               ? COMPILE_OK
               : COMPILE_INPUT_ERRORS;
}
