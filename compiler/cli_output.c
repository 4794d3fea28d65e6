// cli_output.c - what the command line prints besides results: usage
// errors, the diagnostics the stages collected (rendered once, at the end),
// and the exit status that sums up a run.
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"

ExitStatus cli_usage_error(const Options *o, const char *help, const char *fmt, ...)
{
    (void)o;
    va_list ap;
    va_start(ap, fmt);
    fputs("hclc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (help)
        fprintf(stderr, "      = help: %s\n", help);
    return EXIT_USAGE;
}

ExitStatus cli_too_many(const Options *o, const char *command, const char *arg)
{
    return cli_usage_error(o, NULL, "unexpected argument \"%s\" for \"%s\" (see \"hclc help %s\")",
                           arg, command, command);
}

static bool use_color(ColorMode mode)
{
    const char *no_color = getenv("NO_COLOR");
    switch (mode) {
    case COLOR_ALWAYS:
        return true;
    case COLOR_NEVER:
        return false;
    case COLOR_AUTO:
        return (no_color == NULL || no_color[0] == '\0') && isatty(STDERR_FILENO);
    }
    return false;
}

void cli_render(const Options *o, const Diags *diags, const SourceSet *src)
{
    if (diags->count == 0)
        return;
    switch (o->format) {
    case FORMAT_JSON:
        diag_render_json(stderr, diags, src);
        break;
    case FORMAT_TEXT: {
        DiagRenderOptions opt = {use_color(o->color), 0};
        diag_render_text(stderr, diags, src, opt);
        break;
    }
    }
}

ExitStatus cli_exit_status(CompileStatus st)
{
    switch (st) {
    case COMPILE_OK:
        return EXIT_OK;
    case COMPILE_INPUT_ERRORS:
        return EXIT_INPUT;
    case COMPILE_IO_ERROR:
        return EXIT_IO;
    case COMPILE_USAGE_ERROR:
        return EXIT_USAGE;
    }
    return EXIT_INPUT;
}

// A full disk or a closed pipe must not pass for success.
ExitStatus cli_check_stdout(ExitStatus status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    fprintf(stderr, "hclc: error: cannot write to standard output: %s\n", strerror(errno));
    return EXIT_IO;
}
