// cmd_import.c - `hclc import FILE...`: task-definition JSON to hclc source
// (import/import.h); several files, one per workspace, merged into one
// source with variables and workspace blocks. The result is printed, or
// written as DIR/main.hcl (and variables.hcl, workspaces.hcl) with -o DIR
// through the safe writer (output.h), never over an existing file without
// --force, and nothing at all when anything failed.
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"
#include "import/import.h"
#include "output.h"
#include "project/load.h"

// Writes the texts into DIR; existing files only with --force.
static CompileStatus write_dir(Diags *diags, const SourceSet *src, const Options *o,
                               const ImportOutput *r)
{
    Arena *a = src->arena;
    const char *names[] = {"main.hcl", "variables.hcl", "workspaces.hcl"};
    const char *texts[] = {r->main, r->variables, r->workspaces};
    OutputFile files[3];
    uint32_t n = 0;
    for (uint32_t i = 0; i < 3; i++) {
        if (!texts[i])
            continue;
        files[n] = (OutputFile){arena_printf(a, "%s/%s", o->out_file, names[i]), texts[i],
                                strlen(texts[i])};
        struct stat st;
        if (!(o->given & OPT_FORCE) && lstat(files[n].path, &st) == 0) {
            Diag *g =
                diag_error(diags, E_IMPORT_EXISTS, span_none(), "%s exists already", files[n].path);
            diag_help(diags, g, "give --force to replace it, or another directory with -o");
            return COMPILE_USAGE_ERROR;
        }
        n++;
    }
    if (!output_check(diags, files, n, src, NULL, 0))
        return COMPILE_USAGE_ERROR;
    return output_write(diags, files, n, false) ? COMPILE_OK : COMPILE_IO_ERROR;
}

static void print_output(const ImportOutput *r)
{
    fputs(r->main, stdout);
    if (r->variables && *r->variables)
        printf("\n%s", r->variables);
    if (r->workspaces && *r->workspaces)
        printf("\n%s", r->workspaces);
}

// The workspace names: from --workspaces A,B,..., else the files' names
// without folders and extension (dev.json -> dev).
static const char **workspace_names(Arena *a, const Options *o, const char *const *files, int n,
                                    const char **bad)
{
    const char **names = arena_alloc(a, (size_t)n * sizeof(char *));
    const char *list = o->import_workspaces;
    for (int i = 0; i < n; i++) {
        const char *name;
        if (list) {
            size_t len = strcspn(list, ",");
            name = arena_strndup(a, list, len);
            list = list[len] ? list + len + 1 : (i + 1 < n ? "" : NULL);
        } else {
            const char *base = strrchr(files[i], '/');
            base = base ? base + 1 : files[i];
            name = arena_strndup(a, base, strcspn(base, "."));
        }
        if (!*name || (list == NULL && i + 1 < n && o->import_workspaces)) {
            *bad = name;
            return NULL;
        }
        names[i] = name;
    }
    if (list) {
        *bad = list;
        return NULL;
    }
    return names;
}

static CompileStatus import_all(Arena *arena, SourceSet *src, Diags *diags, const Options *o,
                                const char *const *paths, const char **names, int n,
                                ImportKind kind)
{
    uint32_t *files = arena_alloc(arena, (size_t)n * sizeof(uint32_t));
    for (int i = 0; i < n; i++)
        if (load_read_file(src, diags, paths[i], &files[i]) != LOAD_OK)
            return COMPILE_IO_ERROR;
    ImportOutput r = {0};
    size_t len;
    if (n == 1)
        r.main = import_task_json(arena, src, diags, files[0], kind, &len);
    else if (!import_task_workspaces(arena, src, diags, files, names, (uint32_t)n, kind, &r))
        return COMPILE_INPUT_ERRORS;
    if (!r.main || diags_has_errors(diags)) // an error anywhere: nothing written
        return COMPILE_INPUT_ERRORS;
    if (o->out_file && strcmp(o->out_file, "-") != 0)
        return write_dir(diags, src, o, &r);
    print_output(&r);
    return COMPILE_OK;
}

ExitStatus cmd_import(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs == 0)
        return cli_usage_error(o, "write hclc import FILE.json", "give the file to import");
    ImportKind kind = IMPORT_AUTO;
    if (o->from && !import_kind_named(o->from, &kind))
        return cli_usage_error(
            o,
            "the kinds are task-definition, describe, containers, compose, template and "
            "cloudformation",
            "invalid value \"%s\" for option \"--from\"", o->from);
    const char *bad = NULL;
    const char **names = NULL;
    if (nargs > 1 || o->import_workspaces) {
        names = workspace_names(arena, o, args, nargs, &bad);
        if (!names)
            return cli_usage_error(o, "give one workspace name per file: --workspaces dev,prod",
                                   "--workspaces does not match the %d files given", nargs);
        for (int i = 0; i < nargs; i++)
            for (int j = 0; j < i; j++)
                if (strcmp(names[i], names[j]) == 0)
                    return cli_usage_error(o, "name them with --workspaces A,B,...",
                                           "two files for workspace \"%s\"", names[i]);
    }
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileStatus st = import_all(arena, &src, &diags, o, args, names, nargs, kind);
    cli_render(o, &diags, &src);
    return cli_check_stdout(o, cli_exit_status(st, &diags));
}
