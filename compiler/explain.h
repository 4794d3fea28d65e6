// explain.h - `hclc explain CODE`: the entry of a diagnostic code from
// docs/diagnostics.md, compiled into the binary.
//
// The table is generated at build time by docs/diagnostics.awk (into
// build/gen/diag_docs.c), so an installed hclc needs no docs/ folder.
#ifndef HCLC_EXPLAIN_H
#define HCLC_EXPLAIN_H

#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"

typedef struct ExplainEntry {
    int code;  // 560 for E0560
    int first; // index of its first line in EXPLAIN_LINES
    int count; // number of lines
} ExplainEntry;

extern const char *const EXPLAIN_LINES[];    // plain text of every entry, one line each
extern const ExplainEntry EXPLAIN_ENTRIES[]; // in increasing code order
extern const size_t EXPLAIN_COUNT;

// Runs `hclc explain CODE` with the arguments after the command: prints the
// entry of CODE (E0560, e0560 or 560) to `out` and returns 0, or prints a
// usage error ("hclc: error: ...", with a similar code when there is one) to
// stderr and returns 2.
int explain_run(Arena *arena, FILE *out, const char *const *args, int nargs);

#endif
