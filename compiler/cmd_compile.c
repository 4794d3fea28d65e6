// cmd_compile.c - the commands that run the compiler: build, validate,
// tfvars and workspaces. Each turns the options into CompileOptions, runs
// compile_* functions (build once per workspace with --all-workspaces),
// writes the result only when everything succeeded, and renders the
// diagnostics.
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "cli.h"
#include "compile.h"
#include "emit/emit.h"

extern char **environ;

void cli_compile_options(const Options *o, const char *const *args, int nargs, CompileOptions *c)
{
    memset(c, 0, sizeof *c);
    c->path = nargs ? args[0] : ".";
    c->root = o->root;
    const char *env_ws = getenv("HCLC_WORKSPACE");
    if (o->workspace) {
        c->workspace = o->workspace;
        c->workspace_from = "-w";
    } else if (env_ws && *env_ws) {
        c->workspace = env_ws;
        c->workspace_from = "HCLC_WORKSPACE";
    }
    c->inputs.var_files = o->var_files;
    c->inputs.nvar_files = o->nvar_files;
    c->inputs.var_flags = o->vars;
    c->inputs.nvar_flags = o->nvars;
    c->inputs.environ = (const char *const *)environ;
    c->target = o->target;
    c->output_name = o->output_name;
    c->task_name = o->task;
    c->all_tasks = o->out_dir && !o->task;
    c->canonical = o->given & OPT_CANONICAL;
    c->strict = o->given & OPT_STRICT;
    c->all_workspaces = o->given & OPT_ALL_WS;
    c->include_sensitive = o->given & OPT_SENSITIVE;
    c->facts = o->facts;
}

ExitStatus cmd_validate(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    CliRun r;
    ExitStatus usage = cli_run_start(&r, arena, o, "validate", args, nargs);
    if (usage != EXIT_OK)
        return usage;
    return cli_run_end(&r, compile_validate(arena, &r.src, &r.diags, &r.c), NULL, 0);
}

// Appends the diagnostics of one workspace's run to `diags`, each with a
// note naming the workspace.
static void add_workspace_diags(Diags *diags, const Diags *one, const char *ws)
{
    for (size_t k = 0; k < one->count; k++) {
        diag_note(diags, one->items[k], "in workspace \"%s\"", ws);
        diags_append(diags, one->items[k]);
    }
}

// The workspaces of --all-workspaces: those PATH declares, or "default".
static CompileStatus workspace_names(Arena *arena, SourceSet *src, Diags *diags, const char *path,
                                     const char ***names, uint32_t *n)
{
    CompileStatus st = compile_workspaces(arena, src, diags, path, names, n);
    if (st == COMPILE_OK && *n == 0) {
        (*names)[0] = "default";
        *n = 1;
    }
    for (uint32_t i = 0; st == COMPILE_OK && i < *n; i++) {
        const char *ws = (*names)[i];
        if (!*ws || strchr(ws, '/') || strcmp(ws, ".") == 0 || strcmp(ws, "..") == 0) {
            diag_error(diags, E_IO_ERROR, span_none(),
                       "cannot use workspace \"%s\" as a directory name under --out-dir", ws);
            st = COMPILE_IO_ERROR;
        }
    }
    return st;
}

// Writes the outputs of a run that succeeded, after checking that none
// replaces a file the run read (a usage error); the run's status.
static CompileStatus write_outputs(Diags *diags, const CompileResult *r, const char *out_file,
                                   const char *out_dir, CompileStatus st)
{
    if (st != COMPILE_OK)
        return st;
    if (!compile_check_outputs(diags, r, out_file, out_dir))
        return COMPILE_USAGE_ERROR;
    return compile_write_outputs(diags, r, out_file, out_dir, stdout) ? COMPILE_OK
                                                                      : COMPILE_IO_ERROR;
}

// `hclc build --all-workspaces --out-dir DIR`: builds every workspace, and
// only when all of them succeed writes each one's outputs under DIR/WS/.
static CompileStatus build_all(Arena *arena, SourceSet *src, Diags *diags, CompileOptions *c,
                               const char *out_dir)
{
    const char **names;
    uint32_t n;
    CompileStatus st = workspace_names(arena, src, diags, c->path, &names, &n);
    if (st != COMPILE_OK)
        return st;
    CompileResult *results = arena_alloc(arena, ((size_t)n + 1) * sizeof(CompileResult));
    c->all_workspaces = false;
    c->workspace_from = "--all-workspaces";
    // An unknown target or an unreadable file is the same in every workspace.
    for (uint32_t i = 0; st != COMPILE_USAGE_ERROR && st != COMPILE_IO_ERROR && i < n; i++) {
        Diags one;
        diags_init(&one, arena);
        c->workspace = names[i];
        CompileStatus ws_st = compile_build(arena, src, &one, c, &results[i]);
        add_workspace_diags(diags, &one, names[i]);
        if (st == COMPILE_OK || ws_st != COMPILE_INPUT_ERRORS)
            st = ws_st;
    }
    for (uint32_t i = 0; st == COMPILE_OK && i < n; i++)
        st = write_outputs(diags, &results[i], NULL,
                           arena_printf(arena, "%s/%s", out_dir, names[i]), COMPILE_OK);
    return st;
}

// Writes the output only after everything succeeded: to stdout, or to the
// -o file replaced atomically, or to files under --out-dir.
ExitStatus cmd_build(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    CliRun r;
    ExitStatus usage = cli_run_start(&r, arena, o, "build", args, nargs);
    if (usage == EXIT_OK)
        usage = cli_check_out_options(arena, o, "build", "directory");
    if (usage != EXIT_OK)
        return usage;
    CompileResult result;
    CompileStatus st = COMPILE_USAGE_ERROR;
    if (!compile_check_out_file(&r.diags, o->out_file, &r.c))
        ; // -o names a file the run reads: nothing is read or written
    else if (r.c.all_workspaces)
        st = build_all(arena, &r.src, &r.diags, &r.c, o->out_dir);
    else
        st = write_outputs(&r.diags, &result, o->out_file, o->out_dir,
                           compile_build(arena, &r.src, &r.diags, &r.c, &result));
    return cli_run_end(&r, st, NULL, 0);
}

// `hclc tfvars`: like build -t tfvars, and every workspace at once.
ExitStatus cmd_tfvars(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    CliRun r;
    ExitStatus usage = cli_run_start(&r, arena, o, "tfvars", args, nargs);
    if (usage == EXIT_OK)
        usage = cli_check_out_options(arena, o, "tfvars", "file");
    if (usage != EXIT_OK)
        return usage;
    r.c.target = o->given & OPT_JSON ? "tfvars-json" : "tfvars";
    CompileResult result;
    CompileStatus st = COMPILE_USAGE_ERROR;
    if (compile_check_out_file(&r.diags, o->out_file, &r.c))
        st = write_outputs(&r.diags, &result, o->out_file, o->out_dir,
                           compile_tfvars(arena, &r.src, &r.diags, &r.c, &result));
    return cli_run_end(&r, st, NULL, 0);
}

// `hclc workspaces`: one name a line, or with --json one JSON array.
ExitStatus cmd_workspaces(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, "workspaces", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    const char **names = NULL;
    uint32_t n = 0;
    CompileStatus st = compile_workspaces(arena, &src, &diags, nargs ? args[0] : ".", &names, &n);
    if (st == COMPILE_OK && (o->given & OPT_JSON)) {
        Value *list = value_list_new(arena, span_none(), n);
        for (uint32_t i = 0; i < n; i++)
            list->as.list.items[i] = value_cstring(arena, span_none(), names[i]);
        fputs(emit_json(arena, list, EMIT_JSON_PRETTY, NULL), stdout);
    } else if (st == COMPILE_OK) {
        for (uint32_t i = 0; i < n; i++)
            printf("%s\n", names[i]);
    }
    cli_render(o, &diags, &src);
    return cli_exit_status(st, &diags);
}
