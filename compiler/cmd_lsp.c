// cmd_lsp.c - `hclc lsp`: the language server on standard input and output
// (compiler/lsp/). Nothing but protocol messages goes to standard output;
// a broken pipe ends the server instead of killing it. Diagnostics link to
// docs/diagnostics.md: the checkout's next to the binary, else the copy
// `make install` puts beside the templates.
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "lsp/lsp.h"

#ifndef HCLC_TEMPLATE_DIR
#define HCLC_TEMPLATE_DIR "/usr/local/share/hclc/templates"
#endif

// DIR/docs/diagnostics.md for the directory holding `path`, when readable.
static const char *page_beside(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return NULL;
    const char *page = arena_printf(a, "%.*s/docs/diagnostics.md", (int)(slash - path), path);
    return access(page, R_OK) == 0 ? page : NULL;
}

static const char *diagnostics_page(Arena *a)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const char *page = NULL;
    if (n > 0) {
        exe[n] = '\0';
        page = page_beside(a, exe);
    }
    return page ? page : page_beside(a, HCLC_TEMPLATE_DIR);
}

ExitStatus cmd_lsp(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 0)
        return cli_too_many(o, "lsp", args[0]);
    signal(SIGPIPE, SIG_IGN);
    int status =
        lsp_serve(STDIN_FILENO, STDOUT_FILENO, stderr, HCLC_VERSION, diagnostics_page(arena));
    return status == 0 ? EXIT_OK : EXIT_INPUT;
}
