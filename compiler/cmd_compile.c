// cmd_compile.c - the commands that run the compiler: build, validate,
// tfvars and workspaces. Each turns the options into CompileOptions, runs
// one compile_* function, writes the result only when everything
// succeeded, and renders the diagnostics.
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"

extern char **environ;

// Fills the compile options shared by build and validate.
static void compile_options(const Options *o, const char *const *args, int nargs, CompileOptions *c)
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
}

ExitStatus cmd_validate(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, "validate", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    compile_options(o, args, nargs, &c);
    CompileStatus st = compile_validate(arena, &src, &diags, &c);
    cli_render(o, &diags, &src);
    return cli_exit_status(st);
}

// Writes the output only after everything succeeded: to stdout, or to the
// -o file replaced atomically.
ExitStatus cmd_build(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, "build", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    compile_options(o, args, nargs, &c);
    if (o->out_file && o->out_dir)
        return cli_usage_error(o, NULL, "give -o FILE or --out-dir DIR, not both");
    CompileResult result;
    CompileStatus st = compile_build(arena, &src, &diags, &c, &result);
    if (st == COMPILE_OK &&
        !compile_write_outputs(&diags, &result, o->out_file, o->out_dir, stdout))
        st = COMPILE_IO_ERROR;
    cli_render(o, &diags, &src);
    return cli_exit_status(st);
}

// `hclc tfvars`: like build -t tfvars, and every workspace at once.
ExitStatus cmd_tfvars(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, "tfvars", args[1]);
    if (o->out_file && o->out_dir)
        return cli_usage_error(o, NULL, "give -o FILE or --out-dir DIR, not both");
    bool all = o->given & OPT_ALL_WS;
    if (all && o->workspace)
        return cli_usage_error(o, NULL, "give -w WS or --all-workspaces, not both");
    if (all && !o->out_dir)
        return cli_usage_error(
            o, "write hclc tfvars --all-workspaces --out-dir DIR",
            "--all-workspaces writes one file per workspace: it needs --out-dir");
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    compile_options(o, args, nargs, &c);
    c.target = o->given & OPT_JSON ? "tfvars-json" : "tfvars";
    CompileResult result;
    CompileStatus st = compile_tfvars(arena, &src, &diags, &c, &result);
    if (st == COMPILE_OK &&
        !compile_write_outputs(&diags, &result, o->out_file, o->out_dir, stdout))
        st = COMPILE_IO_ERROR;
    cli_render(o, &diags, &src);
    return cli_exit_status(st);
}

ExitStatus cmd_workspaces(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, "workspaces", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    char *text = NULL;
    size_t len = 0;
    CompileStatus st = compile_workspaces(arena, &src, &diags, nargs ? args[0] : ".", &text, &len);
    if (st == COMPILE_OK)
        fwrite(text, 1, len, stdout);
    cli_render(o, &diags, &src);
    return cli_exit_status(st);
}
