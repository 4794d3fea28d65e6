// cli_output.c - what the command line prints besides results: usage
// errors, the diagnostics the stages collected (rendered once, at the end),
// and the exit status that sums up a run.
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"

_Noreturn static void out_of_memory(void)
{
    fputs("hclc: error: out of memory\n", stderr);
    exit(EXIT_IO);
}

// The "notes" array: one help note, or none.
static cJSON *help_notes(const char *help)
{
    cJSON *notes = cJSON_CreateArray();
    if (!notes || !help)
        return notes;
    cJSON *note = cJSON_CreateObject();
    if (!note || !cJSON_AddItemToArray(notes, note)) {
        cJSON_Delete(note);
        cJSON_Delete(notes);
        return NULL;
    }
    if (!cJSON_AddStringToObject(note, "kind", "help") ||
        !cJSON_AddStringToObject(note, "message", help)) {
        cJSON_Delete(notes);
        return NULL;
    }
    return notes;
}

// One line of JSON with the fields of diag_render_json's objects: a
// command-line error has no code, no file and no position.
static void print_json_error(const char *summary, const char *help)
{
    cJSON *obj = cJSON_CreateObject();
    bool ok = obj && cJSON_AddStringToObject(obj, "severity", "error") &&
              cJSON_AddNullToObject(obj, "code") &&
              cJSON_AddStringToObject(obj, "summary", summary) &&
              cJSON_AddNullToObject(obj, "detail") && cJSON_AddNullToObject(obj, "file") &&
              cJSON_AddNullToObject(obj, "start") && cJSON_AddNullToObject(obj, "end");
    cJSON *notes = ok ? help_notes(help) : NULL;
    ok = notes && cJSON_AddItemToObject(obj, "notes", notes);
    if (notes && !ok)
        cJSON_Delete(notes);
    char *text = ok ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!text)
        out_of_memory();
    fprintf(stderr, "%s\n", text);
    cJSON_free(text);
}

// Prints "hclc: error: SUMMARY" (and "= help: HELP"), or its JSON form.
static void print_error(const Options *o, const char *summary, const char *help)
{
    if (o->format == FORMAT_JSON) {
        print_json_error(summary, help);
        return;
    }
    fprintf(stderr, "hclc: error: %s\n", summary);
    if (help)
        fprintf(stderr, "      = help: %s\n", help);
}

ExitStatus cli_usage_error(const Options *o, const char *help, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *summary = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    summary[0] = '\0';
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(summary, (size_t)n + 1, fmt, ap);
    va_end(ap);
    print_error(o, summary, help);
    free(summary);
    return EXIT_USAGE;
}

ExitStatus cli_too_many(const Options *o, const char *command, const char *arg)
{
    return cli_usage_error(o, NULL, "unexpected argument \"%s\" for \"%s\" (see \"hclc help %s\")",
                           arg, command, command);
}

bool cli_use_color(ColorMode mode, int fd)
{
    const char *no_color = getenv("NO_COLOR");
    switch (mode) {
    case COLOR_ALWAYS:
        return true;
    case COLOR_NEVER:
        return false;
    case COLOR_AUTO:
        return (no_color == NULL || no_color[0] == '\0') && isatty(fd);
    }
    return false;
}

void cli_render(const Options *o, const Diags *diags, const SourceSet *src)
{
    cli_render_rules(o, diags, src, NULL, 0);
}

void cli_render_rules(const Options *o, const Diags *diags, const SourceSet *src,
                      const DiagRuleInfo *rules, size_t nrules)
{
    if (o->format == FORMAT_SARIF) { // a log with no result says "nothing found"
        DiagSarifOptions opt = {HCLC_VERSION, rules, nrules};
        diag_render_sarif(stderr, diags, src, opt);
        return;
    }
    if (diags->count == 0)
        return;
    switch (o->format) {
    case FORMAT_SARIF:
        break;
    case FORMAT_GITHUB:
        diag_render_github(stderr, diags, src);
        break;
    case FORMAT_JSON:
        diag_render_json(stderr, diags, src);
        break;
    case FORMAT_TEXT: {
        DiagRenderOptions opt = {cli_use_color(o->color, STDERR_FILENO),
                                 o->max_errors ? o->max_errors : SIZE_MAX};
        diag_render_text(stderr, diags, src, opt);
        break;
    }
    }
}

ExitStatus cli_exit_status(CompileStatus st, const Diags *diags)
{
    switch (st) {
    case COMPILE_OK:
        return EXIT_OK;
    case COMPILE_INPUT_ERRORS: // a file() that could not be read is an I/O error
        return diags && diags_has_io_errors(diags) ? EXIT_IO : EXIT_INPUT;
    case COMPILE_IO_ERROR:
        return EXIT_IO;
    case COMPILE_USAGE_ERROR:
        return EXIT_USAGE;
    }
    return EXIT_INPUT;
}

// A full disk or a closed pipe must not pass for success.
ExitStatus cli_check_stdout(const Options *o, ExitStatus status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    const char *what = strerror(errno);
    size_t n = strlen(what) + 64;
    char *summary = xmalloc(n);
    snprintf(summary, n, "cannot write to standard output: %s", what);
    print_error(o, summary, NULL);
    free(summary);
    return EXIT_IO;
}
