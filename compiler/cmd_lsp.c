// cmd_lsp.c - `hclc lsp`: the language server on standard input and output
// (compiler/lsp/). Nothing but protocol messages goes to standard output;
// a broken pipe ends the server instead of killing it.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "lsp/lsp.h"

ExitStatus cmd_lsp(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    (void)arena;
    if (nargs > 0)
        return cli_too_many(o, "lsp", args[0]);
    signal(SIGPIPE, SIG_IGN);
    return lsp_serve(STDIN_FILENO, STDOUT_FILENO, stderr, HCLC_VERSION) == 0 ? EXIT_OK
                                                                              : EXIT_INPUT;
}
