// cmd_import.c - `hclc import FILE`: task-definition JSON to hclc source
// (import/import.h), printed, or written as DIR/main.hcl with -o DIR through
// the safe writer (output.h), never over an existing file without --force.
#include <errno.h>
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

// Writes `text` to DIR/main.hcl; an existing file only with --force.
static CompileStatus write_dir(Diags *diags, const SourceSet *src, const Options *o,
                               const char *text, size_t len)
{
    Arena *a = src->arena;
    OutputFile f = {arena_printf(a, "%s/main.hcl", o->out_file), text, len};
    struct stat st;
    if (!(o->given & OPT_FORCE) && lstat(f.path, &st) == 0) {
        Diag *g = diag_error(diags, E_IMPORT_EXISTS, span_none(), "%s exists already", f.path);
        diag_help(diags, g, "give --force to replace it, or another directory with -o");
        return COMPILE_USAGE_ERROR;
    }
    if (!output_check(diags, &f, 1, src, NULL, 0))
        return COMPILE_USAGE_ERROR;
    return output_write(diags, &f, 1, false) ? COMPILE_OK : COMPILE_IO_ERROR;
}

static CompileStatus import_one(Arena *arena, SourceSet *src, Diags *diags, const Options *o,
                                const char *path, ImportKind kind)
{
    uint32_t file;
    if (load_read_file(src, diags, path, &file) != LOAD_OK)
        return COMPILE_IO_ERROR;
    size_t len;
    char *text = import_task_json(arena, src, diags, file, kind, &len);
    if (!text)
        return COMPILE_INPUT_ERRORS;
    if (o->out_file && strcmp(o->out_file, "-") != 0)
        return write_dir(diags, src, o, text, len);
    fwrite(text, 1, len, stdout);
    return COMPILE_OK;
}

ExitStatus cmd_import(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs == 0)
        return cli_usage_error(o, "write hclc import FILE.json", "give the file to import");
    if (nargs > 1)
        return cli_too_many(o, "import", args[1]);
    ImportKind kind = IMPORT_AUTO;
    if (o->from && !import_kind_named(o->from, &kind))
        return cli_usage_error(o, "the kinds are task-definition, describe and containers",
                               "invalid value \"%s\" for option \"--from\"", o->from);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileStatus st = import_one(arena, &src, &diags, o, args[0], kind);
    cli_render(o, &diags, &src);
    return cli_check_stdout(o, cli_exit_status(st));
}
