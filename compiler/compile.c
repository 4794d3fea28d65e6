// compile.c - runs the stages in order and stops at the first stage with
// errors, so no stage sees the broken product of another.
#include "compile.h"
#include "compile_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfn/cfn.h"
#include "decode/decode.h"
#include "ecs/ecs.h"
#include "emit/emit.h"
#include "eval/eval.h"
#include "output.h"
#include "project/checks.h"
#include "project/ignore.h"
#include "project/load.h"
#include "project/module.h"

// The project root: --root, or PATH itself when it is a directory, or the
// directory holding PATH.
static const char *project_root(Arena *a, Diags *diags, const char *path, const char *root)
{
    const char *dir = root;
    struct stat st;
    if (!dir) {
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            dir = path;
        } else {
            const char *slash = strrchr(path, '/');
            dir = slash ? arena_strndup(a, path, (size_t)(slash - path) + (slash == path)) : ".";
        }
    }
    char *real = realpath(dir, NULL);
    if (!real) {
        diag_error(diags, E_IO_ERROR, span_none(), "cannot use \"%s\" as the project root: %s", dir,
                   strerror(errno));
        return NULL;
    }
    char *out = arena_strdup(a, real);
    free(real);
    return out;
}

// Loads the project with its syntax trees in `tree` (`a` itself, or an
// arena of their own that a json build releases before printing).
static CompileStatus load_project_split(Arena *a, Arena *tree, SourceSet *src, Diags *diags,
                                        const CompileOptions *opt, Project *p)
{
    const char *path = opt->path ? opt->path : ".";
    LoadStatus ls = load_path_split(a, tree, src, diags, path, &p->files);
    if (ls == LOAD_IO_ERROR)
        return COMPILE_IO_ERROR;
    if (ls != LOAD_OK)
        return COMPILE_INPUT_ERRORS;
    if (!(p->root = project_root(a, diags, path, opt->root)))
        return COMPILE_IO_ERROR;
    // Ignore comments silence warnings from here on (project/ignore.h).
    // Under hclc lint they may name catalogue IDs and must give a reason.
    IgnoreOptions io = {opt->ignore_alias, opt->lint != NULL};
    diags_set_silencer(diags, ignore_silences, ignore_collect_with(a, diags, src, &p->files, &io));
    checks_strings(a, diags, src, &p->files);
    if (!module_build(a, diags, &p->files, &p->mod))
        return COMPILE_INPUT_ERRORS;
    bool io_error = false;
    if (!inputs_collect(a, diags, src, &p->mod, &opt->inputs, &p->inputs, &io_error))
        return io_error ? COMPILE_IO_ERROR : COMPILE_INPUT_ERRORS;
    return COMPILE_OK;
}

CompileStatus load_project(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                           Project *p)
{
    return load_project_split(a, a, src, diags, opt, p);
}

// Frees the syntax trees of load_project_split and takes their bytes off
// the compilation's total (a second call does nothing).
static void release_trees(Arena *a, Arena *tree)
{
    arena_uncount(a, tree->total);
    arena_free(tree);
}

// True when the project declares workspaces, none of them "default", and
// none was chosen.
bool no_workspace_chosen(const Project *p, const CompileOptions *opt)
{
    const Module *m = &p->mod;
    return !opt->workspace && m->nworkspaces && module_find_workspace(m, "default") < 0;
}

// With no_workspace_chosen, building the undeclared default would quietly
// give every variable its default value: reports the error listing the
// workspaces and returns true.
static bool workspace_missing(Arena *a, Diags *diags, const Project *p, const CompileOptions *opt)
{
    const Module *m = &p->mod;
    if (!no_workspace_chosen(p, opt))
        return false;
    char *list = arena_strdup(a, "");
    for (uint32_t i = 0; i < m->nworkspaces; i++)
        list = arena_printf(a, "%s%s\"%s\"", list, i ? ", " : "", m->workspaces[i].name);
    Diag *g = diag_error(diags, E_NO_WORKSPACE, span_none(),
                         "no workspace chosen, and the project declares no workspace \"default\"");
    diag_note(diags, g, "the declared workspaces are %s", list);
    diag_help(diags, g,
              "choose one with -w NAME (or HCLC_WORKSPACE=NAME), or declare workspace "
              "\"default\" {}");
    return true;
}

static Value *select_output(Eval *ev, Diags *diags, const char *name)
{
    if (!name)
        return eval_outputs(ev);
    int64_t i = module_find_output(ev->mod, name);
    if (i >= 0)
        return eval_output(ev, (uint32_t)i, span_none());
    const char **names = arena_alloc(ev->arena, (ev->mod->noutputs + 1) * sizeof(char *));
    for (uint32_t k = 0; k < ev->mod->noutputs; k++)
        names[k] = ev->mod->outputs[k].name;
    Diag *g = diag_error(diags, E_UNKNOWN_OUTPUT, span_none(), "no output named \"%s\"", name);
    diag_help_suggest(diags, g, name, names, ev->mod->noutputs);
    return NULL;
}

// Member `name` of an object, or NULL.
static Value *member(Value *v, const char *name)
{
    return v && v->kind == VAL_OBJECT ? value_object_get(v, name, strlen(name)) : NULL;
}

static const struct {
    const char *name;
    Target target;
} TARGETS[] = {
    {"task-definition", TARGET_TASK},
    {"container-definitions", TARGET_CONTAINERS},
    {"json", TARGET_JSON},
    {"cloudformation", TARGET_CFN_JSON},
    {"cloudformation-yaml", TARGET_CFN_YAML},
    {"tfvars", TARGET_TFVARS},
    {"tfvars-json", TARGET_TFVARS_JSON},
};

#define NTARGETS (sizeof TARGETS / sizeof TARGETS[0])

bool parse_target(Diags *diags, const char *name, Target *t)
{
    const char *names[NTARGETS];
    for (size_t i = 0; i < NTARGETS; i++) {
        names[i] = TARGETS[i].name;
        if (strcmp(name, TARGETS[i].name) == 0) {
            *t = TARGETS[i].target;
            return true;
        }
    }
    Diag *g = diag_error(diags, E_BAD_TARGET, span_none(), "unknown target \"%s\"", name);
    if (!diag_help_suggest(diags, g, name, names, NTARGETS))
        diag_help(diags, g,
                  "the targets are task-definition, container-definitions, json, "
                  "cloudformation, cloudformation-yaml, tfvars and tfvars-json");
    return false;
}

// True when `name` (may be NULL) is cloudformation or cloudformation-yaml.
bool is_cfn_target(const char *name)
{
    for (size_t i = 0; name && i < NTARGETS; i++)
        if (strcmp(name, TARGETS[i].name) == 0)
            return TARGETS[i].target == TARGET_CFN_JSON || TARGETS[i].target == TARGET_CFN_YAML;
    return false;
}

static const char **task_names(Arena *a, const Module *m)
{
    const char **names = arena_alloc(a, (m->ntasks + 1) * sizeof(char *));
    for (uint32_t i = 0; i < m->ntasks; i++)
        names[i] = m->tasks[i].name;
    return names;
}

// The task definitions to build: --task NAME, all of them (--out-dir), or
// the only one. Returns the count, or -1 after an error.
static int64_t select_tasks(Arena *a, Diags *diags, const Module *m, const CompileOptions *opt,
                            uint32_t *first)
{
    *first = 0;
    if (opt->task_name) {
        int64_t i = module_find_task(m, opt->task_name);
        if (i >= 0) {
            *first = (uint32_t)i;
            return 1;
        }
        Diag *g = diag_error(diags, E_UNKNOWN_REFERENCE, span_none(),
                             "no task_definition named \"%s\"", opt->task_name);
        diag_help_suggest(diags, g, opt->task_name, task_names(a, m), m->ntasks);
        return -1;
    }
    if (m->ntasks == 0) {
        diag_error(diags, E_UNKNOWN_REFERENCE, span_none(), "there is no task_definition block");
        return -1;
    }
    if (m->ntasks > 1 && !opt->all_tasks) {
        const char **names = arena_alloc(a, (size_t)m->ntasks * sizeof(char *));
        for (uint32_t i = 0; i < m->ntasks; i++)
            names[i] = m->tasks[i].name;
        const char *list = arena_join(a, names, m->ntasks, ", ", "\"");
        Diag *g = diag_error(diags, E_UNKNOWN_REFERENCE, span_none(),
                             "%u task definitions: choose one with --task NAME", m->ntasks);
        diag_note(diags, g, "they are %s", list);
        diag_help(diags, g, "or write one file per task definition with --out-dir DIR");
        return -1;
    }
    return m->ntasks;
}

// The validator's options for a run in `workspace`.
EcsOptions ecs_options(const CompileOptions *opt, const char *workspace)
{
    EcsOptions eo = {.strict = opt->strict,
                     .workspace = workspace,
                     .after = opt->lint,
                     .after_ctx = opt->lint_ctx,
                     .lint = opt->lint != NULL};
    return eo;
}

// Lowers and validates task definition `i`; NULL after errors.
Value *build_task(Eval *ev, Diags *diags, const CompileOptions *opt, uint32_t i, TaskUse use)
{
    Value *v = ecs_lower(ev, &ev->mod->tasks[i]);
    if (v->kind == VAL_INVALID) // a lowered task holds no invalid value (ecs.h)
        return NULL;
    EcsOptions eo = ecs_options(opt, ev->workspace);
    eo.partial = use == USE_CONTAINERS;
    eo.cloudformation = use == USE_CFN;
    if (!ecs_validate(ev->arena, diags, v, ECS_FORM_REQUEST, &eo))
        return NULL;
    return opt->canonical ? ecs_canonical(ev->arena, v) : v;
}

static void add_output(Arena *a, CompileResult *out, const char *name, Value *v)
{
    CompileOutput *o = &out->items[out->count++];
    o->name = name;
    o->text = emit_json(a, v, EMIT_JSON_PRETTY, &o->len);
}

// Builds task definition `i` and, while there are no errors, its text
// (malloc'd, or NULL), within an EvalScope.
static char *task_text(Eval *ev, Diags *diags, const CompileOptions *opt, uint32_t i, Target t,
                       size_t *len)
{
    Value *v = build_task(ev, diags, opt, i, t == TARGET_CONTAINERS ? USE_CONTAINERS : USE_TASK);
    if (v)
        cfn_reject_intrinsics(diags, v,
                              t == TARGET_CONTAINERS ? "container-definitions" : "task-definition");
    if (!v || diags_has_errors(diags))
        return NULL;
    v = t == TARGET_CONTAINERS ? member(v, "containerDefinitions") : v;
    return emit_json_heap(v, EMIT_JSON_PRETTY, len);
}

// Each task definition is built, checked and printed in turn; its values
// are released before the next one when nothing else keeps them
// (EvalScope). The texts are written only after all of them succeeded.
static CompileStatus build_tasks(Eval *ev, Diags *diags, const CompileOptions *opt, Target t,
                                 CompileResult *out)
{
    uint32_t first;
    int64_t n = select_tasks(ev->arena, diags, ev->mod, opt, &first);
    if (n < 0)
        return COMPILE_INPUT_ERRORS;
    out->items = arena_alloc(ev->arena, (size_t)n * sizeof(CompileOutput));
    const Module *m = ev->mod;
    EvalScope s;
    eval_scope_init(&s, ev);
    for (uint32_t k = 0; k < n; k++) {
        eval_scope_begin(&s, ev, diags);
        size_t len = 0;
        char *text = task_text(ev, diags, opt, first + k, t, &len);
        eval_scope_end(&s, ev, diags);
        if (text)
            arena_adopt(ev->arena, text);
        out->items[k] = (CompileOutput){m->tasks[first + k].name, text, len};
    }
    eval_scope_free(&s);
    if (diags_has_errors(diags))
        return COMPILE_INPUT_ERRORS;
    out->count = (uint32_t)n;
    return COMPILE_OK;
}

// -t cloudformation / cloudformation-yaml: the task definitions (every
// one, or --task's) lowered and validated as for task-definition, then one
// template (cfn.h).
CompileStatus build_cloudformation(Eval *ev, Diags *diags, const CompileOptions *opt, bool yaml,
                                   CompileResult *out)
{
    const Module *m = ev->mod;
    uint32_t first = 0, n = m->ntasks;
    if (opt->task_name) {
        CompileOptions one = *opt;
        one.all_tasks = true;
        int64_t k = select_tasks(ev->arena, diags, m, &one, &first);
        if (k < 0)
            return COMPILE_INPUT_ERRORS;
        n = (uint32_t)k;
    } else if (m->ntasks == 0) {
        diag_error(diags, E_UNKNOWN_REFERENCE, span_none(), "there is no task_definition block");
        return COMPILE_INPUT_ERRORS;
    }
    Value **tasks = arena_alloc(ev->arena, (size_t)n * sizeof(Value *));
    const TaskDef **defs = arena_alloc(ev->arena, (size_t)n * sizeof(TaskDef *));
    for (uint32_t i = 0; i < n; i++) {
        defs[i] = &m->tasks[first + i];
        tasks[i] = build_task(ev, diags, opt, first + i, USE_CFN);
    }
    if (diags_has_errors(diags))
        return COMPILE_INPUT_ERRORS;
    CfnInput in = {ev, ev->workspace, defs, tasks, n};
    out->items = arena_alloc(ev->arena, sizeof(CompileOutput));
    out->ext = yaml ? ".yaml" : ".json";
    CompileOutput *o = &out->items[0];
    o->name = NULL;
    o->text = cfn_build(ev->arena, diags, &in, yaml, &o->len);
    if (diags_has_errors(diags))
        return COMPILE_INPUT_ERRORS; // a NULL text without errors: check_produced reports it
    out->count = 1;
    return COMPILE_OK;
}

// The json target: the outputs, evaluated whole before anything is printed.
// Then nothing reads the syntax trees any more (values hold texts and
// spans, never nodes; printing evaluates nothing), so they are released
// first: the printer's cJSON tree and text reuse their memory.
static CompileStatus build_outputs(Eval *ev, Diags *diags, const CompileOptions *opt, Arena *trees,
                                   CompileResult *out)
{
    Value *v = select_output(ev, diags, opt->output_name);
    if (!v || diags_has_errors(diags) || value_has_invalid(v) ||
        !cfn_reject_intrinsics(diags, v, "json"))
        return COMPILE_INPUT_ERRORS;
    release_trees(ev->arena, trees);
    out->items = arena_alloc(ev->arena, sizeof(CompileOutput));
    add_output(ev->arena, out, NULL, v);
    return COMPILE_OK;
}

// An output whose text could not be made is an error, never an empty file:
// cJSON prints at most 2 GiB, and memory can run out.
static CompileStatus check_produced(Diags *diags, const CompileResult *out)
{
    for (uint32_t i = 0; i < out->count; i++)
        if (!out->items[i].text) {
            Diag *g = diag_error(diags, E_OUTPUT_NOT_PRODUCED, span_none(),
                                 "the output could not be produced");
            diag_note(diags, g,
                      "it is larger than the 2 GiB limit of the JSON printer, or "
                      "memory ran out");
            return COMPILE_IO_ERROR;
        }
    return COMPILE_OK;
}

// Starts an empty result of a run reading into `src`.
static void result_init(CompileResult *out, const SourceSet *src, const CompileOptions *opt)
{
    out->count = 0;
    out->ext = NULL;
    out->sensitive = opt->include_sensitive;
    out->read = src;
}

// Evaluates the loaded project `p` and builds `target` (the outputs when
// the project has no task definitions or --output names one).
static CompileStatus build_target(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                                  Project *p, Arena *trees, Target target, CompileResult *out)
{
    if (!opt->target && (p->mod.ntasks == 0 || opt->output_name))
        target = TARGET_JSON; // a project without task definitions builds its outputs
    Eval ev;
    bool ok = eval_init(&ev, a, diags, src, &p->mod, &p->inputs, opt->workspace,
                        opt->workspace_from, p->root);
    if (target == TARGET_CFN_JSON || target == TARGET_CFN_YAML)
        ev.refs.var = cfn_variable_ref; // var.NAME of a cfn_parameter is its Ref (cfn.h)
    CompileStatus st = COMPILE_INPUT_ERRORS;
    if (ok && eval_check_all(&ev))
        st = target == TARGET_JSON       ? build_outputs(&ev, diags, opt, trees, out)
             : target == TARGET_CFN_JSON ? build_cloudformation(&ev, diags, opt, false, out)
             : target == TARGET_CFN_YAML ? build_cloudformation(&ev, diags, opt, true, out)
                                         : build_tasks(&ev, diags, opt, target, out);
    eval_free(&ev);
    return st;
}

// The syntax trees have an arena of their own, which the json target
// releases before printing; every other target keeps them to the end.
CompileStatus compile_build(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                            CompileResult *out)
{
    result_init(out, src, opt);
    Target target = TARGET_TASK;
    if (opt->target && !parse_target(diags, opt->target, &target))
        return COMPILE_USAGE_ERROR;
    if (target == TARGET_TFVARS || target == TARGET_TFVARS_JSON)
        return compile_tfvars(a, src, diags, opt, out);
    Project p;
    Arena trees;
    arena_init(&trees);
    CompileStatus st = load_project_split(a, &trees, src, diags, opt, &p);
    if (st == COMPILE_OK && workspace_missing(a, diags, &p, opt))
        st = COMPILE_INPUT_ERRORS;
    if (st == COMPILE_OK)
        st = build_target(a, src, diags, opt, &p, &trees, target, out);
    release_trees(a, &trees);
    return st == COMPILE_OK ? check_produced(diags, out) : st;
}

// --- values (hclc diff) ------------------------------------------------------

static bool values_of(Eval *ev, Diags *diags, const CompileOptions *opt, CompileValues *out)
{
    const Module *m = ev->mod;
    int64_t only = opt->task_name ? module_find_task(m, opt->task_name) : -1;
    if (opt->task_name && only < 0) {
        Diag *g = diag_error(diags, E_UNKNOWN_REFERENCE, span_none(),
                             "no task_definition named \"%s\"", opt->task_name);
        diag_help_suggest(diags, g, opt->task_name, task_names(ev->arena, m), m->ntasks);
        return false;
    }
    uint32_t first = only >= 0 ? (uint32_t)only : 0, n = only >= 0 ? 1 : m->ntasks;
    out->names = arena_alloc(ev->arena, ((size_t)n + 1) * sizeof(char *));
    out->tasks = arena_alloc(ev->arena, ((size_t)n + 1) * sizeof(Value *));
    out->ntasks = n;
    for (uint32_t k = 0; k < n; k++) {
        out->names[k] = m->tasks[first + k].name;
        out->tasks[k] = build_task(ev, diags, opt, first + k, USE_TASK);
    }
    out->outputs = m->noutputs ? eval_outputs(ev) : NULL;
    return !diags_has_errors(diags) && !(out->outputs && value_has_invalid(out->outputs));
}

CompileStatus compile_values(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                             CompileValues *out)
{
    memset(out, 0, sizeof *out);
    Project p;
    CompileStatus st = load_project(a, src, diags, opt, &p);
    if (st != COMPILE_OK)
        return st;
    Eval ev;
    bool ok = eval_init(&ev, a, diags, src, &p.mod, &p.inputs, opt->workspace, opt->workspace_from,
                        p.root) &&
              eval_check_all(&ev) && values_of(&ev, diags, opt, out);
    eval_free(&ev);
    return ok ? COMPILE_OK : COMPILE_INPUT_ERRORS;
}

// --- tfvars -----------------------------------------------------------------

// The variables of the workspace `ev` evaluates, as .tfvars (or JSON) text in
// `o`; false after errors. Sensitive ones are left out unless asked for.
static bool tfvars_workspace(Eval *ev, const CompileOptions *opt, bool json, CompileOutput *o)
{
    const Module *m = ev->mod;
    EmitVar *vars = arena_alloc(ev->arena, ((size_t)m->nvars + 1) * sizeof(EmitVar));
    bool ok = true;
    for (uint32_t i = 0; i < m->nvars; i++) {
        Value *v = eval_variable(ev, i, span_none());
        ok = ok && !value_has_invalid(v) &&
             cfn_reject_intrinsics(ev->diags, v, json ? "tfvars-json" : "tfvars");
        bool hide = (m->vars[i].sensitive || value_is_sensitive(v)) && !opt->include_sensitive;
        vars[i].name = m->vars[i].name;
        vars[i].value = hide ? NULL : v;
    }
    if (!ok || diags_has_errors(ev->diags))
        return false;
    o->name = ev->workspace;
    o->text = json ? emit_tfvars_json(ev->arena, vars, m->nvars, &o->len)
                   : emit_tfvars(ev->arena, vars, m->nvars, &o->len);
    return true;
}

static bool tfvars_one(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                       Project *p, const char *workspace, const char *from, CompileOutput *o)
{
    Eval ev;
    bool json = strcmp(opt->target, "tfvars-json") == 0;
    bool ok = eval_init(&ev, a, diags, src, &p->mod, &p->inputs, workspace, from, p->root) &&
              tfvars_workspace(&ev, opt, json, o);
    eval_free(&ev);
    return ok;
}

// One output per workspace (the default one when none is declared); each
// diagnostic says which workspace it is about.
static CompileStatus tfvars_all(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                                Project *p, CompileResult *out)
{
    uint32_t n = p->mod.nworkspaces ? p->mod.nworkspaces : 1;
    out->items = arena_alloc(a, (size_t)n * sizeof(CompileOutput));
    bool ok = true;
    for (uint32_t i = 0; i < n; i++) {
        const char *ws = p->mod.nworkspaces ? p->mod.workspaces[i].name : "default";
        Diags one;
        diags_init(&one, a);
        diags_share_silencer(&one, diags);
        ok &= tfvars_one(a, src, &one, opt, p, ws, "--all-workspaces", &out->items[i]);
        for (size_t k = 0; k < one.count; k++) {
            diag_note(diags, one.items[k], "in workspace \"%s\"", ws);
            diags_append(diags, one.items[k]);
        }
    }
    if (!ok)
        return COMPILE_INPUT_ERRORS;
    out->count = n;
    return COMPILE_OK;
}

CompileStatus compile_tfvars(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                             CompileResult *out)
{
    CompileOptions o = *opt;
    o.target = opt->target ? opt->target : "tfvars";
    result_init(out, src, opt);
    out->ext = strcmp(o.target, "tfvars-json") == 0 ? ".tfvars.json" : ".tfvars";
    Project p;
    CompileStatus st = load_project(a, src, diags, &o, &p);
    if (st != COMPILE_OK)
        return st;
    if (o.all_workspaces)
        st = tfvars_all(a, src, diags, &o, &p, out);
    else if (workspace_missing(a, diags, &p, &o))
        return COMPILE_INPUT_ERRORS;
    else if (!tfvars_one(a, src, diags, &o, &p, o.workspace, o.workspace_from,
                         out->items = arena_alloc(a, sizeof(CompileOutput))))
        st = COMPILE_INPUT_ERRORS;
    else
        out->count = 1;
    return st == COMPILE_OK ? check_produced(diags, out) : st;
}

CompileStatus compile_workspaces(Arena *a, SourceSet *src, Diags *diags, const char *path,
                                 const char ***names, uint32_t *count)
{
    LoadedFiles files;
    LoadStatus ls = load_path(a, src, diags, path ? path : ".", &files);
    if (ls != LOAD_OK)
        return ls == LOAD_IO_ERROR ? COMPILE_IO_ERROR : COMPILE_INPUT_ERRORS;
    Module mod;
    if (!module_build(a, diags, &files, &mod))
        return COMPILE_INPUT_ERRORS;
    *names = arena_alloc(a, ((size_t)mod.nworkspaces + 1) * sizeof(char *));
    for (uint32_t i = 0; i < mod.nworkspaces; i++)
        (*names)[i] = mod.workspaces[i].name;
    *count = mod.nworkspaces;
    return COMPILE_OK;
}

// The files a result becomes: -o FILE, or DIR/NAME plus the extension per
// output with --out-dir. Returns the count, or -1 after reporting a name
// that would leave DIR (unless `quiet`: then such a name is left out). NULL
// or "-" as FILE means standard output: 0 files.
static int64_t output_files(Diags *diags, const CompileResult *r, const char *out_file,
                            const char *out_dir, bool quiet, OutputFile **files)
{
    *files = arena_alloc(diags->arena, ((size_t)r->count + 1) * sizeof(OutputFile));
    if (!out_dir && (!out_file || strcmp(out_file, "-") == 0 || r->count == 0))
        return 0;
    if (!out_dir) {
        (*files)[0] = (OutputFile){out_file, r->items[0].text, r->items[0].len};
        return 1;
    }
    const char *ext = r->ext ? r->ext : ".json";
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->count; i++) {
        const CompileOutput *o = &r->items[i];
        // A name is a file name inside DIR: a '/' (workspace "../x") would
        // write elsewhere.
        if (o->name && strchr(o->name, '/') && quiet)
            continue;
        if (o->name && strchr(o->name, '/')) {
            diag_error(diags, E_IO_ERROR, span_none(),
                       "cannot write \"%s\" into \"%s\": the name holds a '/'", o->name, out_dir);
            return -1;
        }
        const char *path =
            arena_printf(diags->arena, "%s/%s%s", out_dir, o->name ? o->name : "output", ext);
        (*files)[n++] = (OutputFile){path, o->text, o->len};
    }
    return n;
}

bool compile_check_out_file(Diags *diags, const char *out_file, const CompileOptions *opt)
{
    if (!out_file || strcmp(out_file, "-") == 0)
        return true;
    uint32_t n = opt->inputs.nvar_files;
    const char **inputs = arena_alloc(diags->arena, ((size_t)n + 1) * sizeof(char *));
    inputs[0] = opt->path ? opt->path : ".";
    for (uint32_t i = 0; i < n; i++)
        inputs[i + 1] = opt->inputs.var_files[i];
    OutputFile f = {out_file, "", 0};
    return output_check(diags, &f, 1, NULL, inputs, n + 1);
}

bool compile_check_outputs(Diags *diags, const CompileResult *r, const char *out_file,
                           const char *out_dir)
{
    OutputFile *files;
    int64_t n = output_files(diags, r, out_file, out_dir, true, &files);
    return n >= 0 && output_check(diags, files, (uint32_t)n, r->read, NULL, 0);
}

bool compile_write_outputs(Diags *diags, const CompileResult *r, const char *out_file,
                           const char *out_dir, FILE *stdout_file)
{
    OutputFile *files;
    int64_t n = output_files(diags, r, out_file, out_dir, false, &files);
    if (n < 0 || !output_check(diags, files, (uint32_t)n, r->read, NULL, 0))
        return false;
    if (n > 0)
        return output_write(diags, files, (uint32_t)n, r->sensitive);
    for (uint32_t i = 0; i < r->count; i++)
        fwrite(r->items[i].text, 1, r->items[i].len, stdout_file);
    return true;
}
