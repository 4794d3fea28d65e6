// explain.c - `hclc explain CODE`: prints the entry of a diagnostic code.
//
// Reads the code as written by a user (E0560, e0560, 560, or a catalogue ID
// of a lint rule such as ECS.5), finds its entry
// in the table generated from docs/diagnostics.md and prints it; for an
// unknown code it suggests the nearest one a typo away.
#include "explain.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "lint/lint.h"

enum { EXPLAIN_OK = 0, EXPLAIN_USAGE = 2 }; // hclc's exit statuses

// Prints "hclc: error: MESSAGE" and, when `help` is not NULL, a help line, as
// main.c's usage errors do.
static int usage(const char *help, const char *message)
{
    fprintf(stderr, "hclc: error: %s\n", message);
    if (help)
        fprintf(stderr, "      = help: %s\n", help);
    return EXPLAIN_USAGE;
}

// Reads "E0560", "e0560" or "560" (one to four digits) into *code.
static bool parse_code(const char *text, int *code)
{
    const char *p = text + (text[0] == 'E' || text[0] == 'e');
    size_t n = strlen(p);
    if (n == 0 || n > 4 || strspn(p, "0123456789") != n)
        return false;
    *code = atoi(p);
    return true;
}

static const ExplainEntry *find_entry(int code)
{
    for (size_t i = 0; i < EXPLAIN_COUNT; i++)
        if (EXPLAIN_ENTRIES[i].code == code)
            return &EXPLAIN_ENTRIES[i];
    return NULL;
}

static int distance(size_t i, int code)
{
    return abs(EXPLAIN_ENTRIES[i].code - code);
}

// A code one edit away from `code`, or NULL. The candidates go to
// diag_suggest nearest first, so a tie goes to the numerically nearest.
static const char *similar_code(Arena *arena, int code)
{
    const char **names = arena_alloc(arena, EXPLAIN_COUNT * sizeof *names);
    bool *used = arena_alloc(arena, EXPLAIN_COUNT * sizeof *used); // zeroed
    for (size_t k = 0; k < EXPLAIN_COUNT; k++) {
        size_t best = EXPLAIN_COUNT;
        for (size_t i = 0; i < EXPLAIN_COUNT; i++)
            if (!used[i] && (best == EXPLAIN_COUNT || distance(i, code) < distance(best, code)))
                best = i;
        used[best] = true;
        names[k] = arena_printf(arena, "E%04d", EXPLAIN_ENTRIES[best].code);
    }
    return diag_suggest(arena_printf(arena, "E%04d", code), names, EXPLAIN_COUNT);
}

static void print_entry(FILE *out, const ExplainEntry *e)
{
    for (int i = 0; i < e->count; i++) {
        fputs(EXPLAIN_LINES[e->first + i], out);
        fputc('\n', out);
    }
}

int explain_run(Arena *arena, FILE *out, const char *const *args, int nargs)
{
    if (nargs == 0)
        return usage("write \"hclc explain E0560\"", "missing CODE argument for \"explain\"");
    if (nargs > 1)
        return usage(NULL, arena_printf(arena, "unexpected argument \"%s\" for \"explain\" %s",
                                        args[1], "(see \"hclc help explain\")"));
    int code;
    long rule = lint_find(args[0]); // a catalogue ID: ECS.5 is E1002
    size_t nrules;
    if (rule >= 0)
        code = (int)lint_rules(&nrules)[rule].code;
    else if (!parse_code(args[0], &code))
        return usage("a code is written E0560, e0560 or 560",
                     arena_printf(arena, "malformed diagnostic code \"%s\"", args[0]));
    const ExplainEntry *e = find_entry(code);
    if (!e) {
        const char *guess = similar_code(arena, code);
        const char *help =
            guess ? arena_printf(arena, "did you mean %s?", guess)
                  : arena_printf(arena, "the codes run from E%04d to E%04d (docs/diagnostics.md)",
                                 EXPLAIN_ENTRIES[0].code, EXPLAIN_ENTRIES[EXPLAIN_COUNT - 1].code);
        return usage(help, arena_printf(arena, "no diagnostic E%04d", code));
    }
    print_entry(out, e);
    return EXPLAIN_OK;
}
