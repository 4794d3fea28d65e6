// cmd_debug.c - `hclc debug tokens|ast FILE`: the lexer's tokens or the
// parser's syntax tree, one line each with its span, for tests of hclc.
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "project/load.h"
#include "syntax/dump.h"
#include "syntax/lex.h"

// `hclc debug tokens|ast FILE`: the dump is printed only when the file has
// no errors, so stdout never holds a partial dump.
ExitStatus cmd_debug(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    const char *help = "write \"hclc debug tokens FILE\" or \"hclc debug ast FILE\"";
    if (nargs == 0)
        return cli_usage_error(o, help, "missing what to print: tokens or ast");
    bool ast = strcmp(args[0], "ast") == 0;
    if (!ast && strcmp(args[0], "tokens") != 0)
        return cli_usage_error(o, help, "unknown debug output \"%s\"", args[0]);
    if (nargs < 2)
        return cli_usage_error(o, help, "missing FILE argument for \"debug %s\"", args[0]);
    if (nargs > 2)
        return cli_too_many(o, "debug", args[2]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    uint32_t file;
    if (load_read_file(&src, &diags, args[1], &file) != LOAD_OK) {
        cli_render(o, &diags, &src);
        return EXIT_IO;
    }
    LoadedFile loaded;
    if (ast)
        load_parse_file(arena, &src, &diags, file, &loaded);
    else
        loaded.tokens = lex_file(arena, &src, file, &diags);
    cli_render(o, &diags, &src);
    if (diags_has_errors(&diags))
        return EXIT_INPUT;
    if (ast)
        dump_body(stdout, &src, loaded.body);
    else
        dump_tokens(stdout, &src, &loaded.tokens);
    return EXIT_OK;
}
