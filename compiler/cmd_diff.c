// cmd_diff.c - `hclc diff`: reads two sides (projects built for a
// workspace, or files: requests, describe-task-definition output, container
// arrays, CloudFormation templates), compares them in the form AWS reads
// back (diff/diff.h) and prints the changes as text or JSON. With
// --exit-code, a difference is exit status 4.
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"
#include "diff/diff.h"
#include "project/load.h"

extern char **environ;

#define DIFF_USAGE_HELP                                                                            \
    "write hclc diff A B, hclc diff PATH -w WS1 -w WS2, or hclc diff PATH -w WS --against FILE"

typedef struct Run {
    Arena *arena;
    const Options *o;
    SourceSet src;
    Diags diags;
    CompileStatus status; // the worst status of the sides read
} Run;

// A side given as a file: "-" or a name ending in .json, .yaml or .yml.
static bool is_file_side(const char *arg)
{
    return strcmp(arg, "-") == 0 || load_format(arg) != LOAD_FORMAT_HCL;
}

static void project_options(const Options *o, const char *path, const char *ws, CompileOptions *c)
{
    memset(c, 0, sizeof *c);
    c->path = path;
    c->root = o->root;
    c->workspace = ws;
    c->workspace_from = ws ? "-w" : NULL;
    c->inputs.var_files = o->var_files;
    c->inputs.nvar_files = o->nvar_files;
    c->inputs.var_flags = o->vars;
    c->inputs.nvar_flags = o->nvars;
    c->inputs.environ = (const char *const *)environ;
    c->task_name = o->task;
    c->strict = o->given & OPT_STRICT;
}

static void worse(Run *r, CompileStatus st)
{
    if (st == COMPILE_IO_ERROR || r->status == COMPILE_OK)
        r->status = st;
}

// Builds project `path` for workspace `ws` into `side`.
static bool read_project(Run *r, const char *path, const char *ws, DiffSide *side)
{
    CompileOptions c;
    project_options(r->o, path, ws, &c);
    CompileValues v;
    Diags one;
    diags_init(&one, r->arena);
    CompileStatus st = compile_values(r->arena, &r->src, &one, &c, &v);
    side->label = ws ? arena_printf(r->arena, "%s -w %s", path, ws) : path;
    for (size_t k = 0; k < one.count; k++) {
        if (ws)
            diag_note(&r->diags, one.items[k], "in workspace \"%s\"", ws);
        diags_append(&r->diags, one.items[k]);
    }
    if (st != COMPILE_OK) {
        worse(r, st);
        return false;
    }
    side->tasks = arena_alloc(r->arena, ((size_t)v.ntasks + 1) * sizeof(DiffTask));
    for (uint32_t i = 0; i < v.ntasks; i++)
        side->tasks[i] = (DiffTask){v.names[i], v.tasks[i], false, false};
    side->ntasks = v.ntasks;
    side->outputs = v.outputs;
    return true;
}

static bool read_side(Run *r, const char *arg, const char *ws, DiffSide *side)
{
    if (!is_file_side(arg))
        return read_project(r, arg, ws, side);
    bool io;
    if (diff_read_file(r->arena, &r->src, &r->diags, arg, side, &io))
        return true;
    worse(r, io ? COMPILE_IO_ERROR : COMPILE_INPUT_ERRORS);
    return false;
}

// Compares the two sides read and prints the report.
static ExitStatus report(Run *r, const DiffSide *old, const DiffSide *new, bool json)
{
    DiffReport rep;
    diff_sides(r->arena, &r->src, &r->diags, old, new, &rep);
    cli_render(r->o, &r->diags, &r->src);
    if (json && !diff_render_json(r->arena, stdout, &rep)) {
        fputs("hclc: error: out of memory\n", stderr);
        return EXIT_IO;
    }
    if (!json)
        diff_render_text(r->arena, stdout, &rep, cli_use_color(r->o->color, STDOUT_FILENO));
    bool differ = diff_count(&rep) > 0;
    return differ && (r->o->given & OPT_EXIT_CODE) ? EXIT_DIFFERENT : EXIT_OK;
}

// The workspace of the i-th project side: -w in order, one -w for all.
static const char *side_workspace(const Options *o, uint32_t i)
{
    if (o->nworkspaces == 0) {
        const char *env = getenv("HCLC_WORKSPACE");
        return env && *env ? env : NULL;
    }
    return o->workspaces[o->nworkspaces == 1 ? 0 : i];
}

// The two sides named by the command line, as paths and workspaces.
typedef struct Sides {
    const char *path[2];
    const char *ws[2];
} Sides;

static ExitStatus plan(const Options *o, const char *const *args, int nargs, Sides *s)
{
    if (o->against) {
        if (nargs > 1)
            return cli_too_many(o, "diff", args[1]);
        if (o->nworkspaces > 1)
            return cli_usage_error(o, DIFF_USAGE_HELP, "--against takes one workspace, not %u",
                                   o->nworkspaces);
        *s = (Sides){{o->against, nargs ? args[0] : "."}, {NULL, side_workspace(o, 0)}};
        return EXIT_OK;
    }
    if (nargs == 2) {
        uint32_t projects = 0;
        for (int i = 0; i < 2; i++) {
            s->path[i] = args[i];
            s->ws[i] = is_file_side(args[i]) ? NULL : side_workspace(o, projects++);
        }
        if (o->nworkspaces > 0 && projects == 0)
            return cli_usage_error(o, "-w chooses the workspace of a project side",
                                   "both sides are files: -w does not apply");
        if (o->nworkspaces > 1 && o->nworkspaces != projects)
            return cli_usage_error(o, "give one -w for both projects, or one for each",
                                   "%u workspaces given for %u project%s", o->nworkspaces, projects,
                                   projects == 1 ? "" : "s");
        return EXIT_OK;
    }
    if (nargs > 2)
        return cli_too_many(o, "diff", args[2]);
    if (o->nworkspaces == 2) {
        const char *path = nargs ? args[0] : ".";
        *s = (Sides){{path, path}, {o->workspaces[0], o->workspaces[1]}};
        if (!is_file_side(path))
            return EXIT_OK;
    }
    return cli_usage_error(o, DIFF_USAGE_HELP, "hclc diff needs two sides to compare");
}

ExitStatus cmd_diff(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    bool json = o->out_format && strcmp(o->out_format, "json") == 0;
    if (o->out_format && !json && strcmp(o->out_format, "text") != 0)
        return cli_usage_error(o, "the choices are text and json",
                               "invalid value \"%s\" for option \"--format\"", o->out_format);
    Sides s;
    ExitStatus st = plan(o, args, nargs, &s);
    if (st != EXIT_OK)
        return st;
    if (strcmp(s.path[0], "-") == 0 && strcmp(s.path[1], "-") == 0)
        return cli_usage_error(o, "standard input can be one side only",
                               "both sides read standard input");
    Run r = {arena, o, {0}, {0}, COMPILE_OK};
    source_init(&r.src, arena);
    diags_init(&r.diags, arena);
    DiffSide sides[2];
    bool ok = read_side(&r, s.path[0], s.ws[0], &sides[0]);
    ok = read_side(&r, s.path[1], s.ws[1], &sides[1]) && ok;
    if (!ok) {
        cli_render(o, &r.diags, &r.src);
        return cli_exit_status(r.status, &r.diags);
    }
    return report(&r, &sides[0], &sides[1], json);
}
