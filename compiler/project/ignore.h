// ignore.h - ignore comments: `# hclc:ignore CODE[,CODE]... [-- reason]`
// (also after // or inside /* */) silences those warnings at its place.
// A comment sharing its line with code covers that line; a comment on a line of
// its own covers the next line with code. When an attribute or a block
// begins on the covered line, the whole of it is covered. Errors are never
// silenced. The comments are read from the source text of the loaded
// files; a malformed one is a warning (E_BAD_IGNORE) and silences nothing.
#ifndef HCLC_IGNORE_H
#define HCLC_IGNORE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "project/load.h"

typedef struct IgnoreRule {
    uint32_t file;                  // SourceSet index
    uint32_t first_line, last_line; // lines covered, 1-based, inclusive
    const char **codes;             // "E0655" (a W prefix is read as E)
    uint32_t ncodes;
    const char *reason; // after "--", or NULL
    Span at;            // the comment's "hclc:ignore ..." text
} IgnoreRule;

typedef struct Ignores {
    const SourceSet *src;
    IgnoreRule *items;
    uint32_t count, cap;
} Ignores;

// Reads every ignore comment of `files` into a new Ignores in `a`,
// reporting malformed ones to `diags`.
Ignores *ignore_collect(Arena *a, Diags *diags, const SourceSet *src, const LoadedFiles *files);

// What a command adds to the reading of ignore comments (hclc lint).
typedef struct IgnoreOptions {
    DiagCode (*alias)(const char *id); // the code another name stands for
                                       // ("ECS.5": E1002), or 0; NULL: none
    bool want_reason; // a comment without "-- reason" is a warning (E_IGNORE_NO_REASON)
} IgnoreOptions;

// ignore_collect with `opt` (NULL: as ignore_collect).
Ignores *ignore_collect_with(Arena *a, Diags *diags, const SourceSet *src, const LoadedFiles *files,
                             const IgnoreOptions *opt);

// True when a rule of `ignores` (an Ignores *) covers a warning with
// `code` at `subject`: a DiagSilencer (diag.h).
bool ignore_silences(void *ignores, DiagCode code, Span subject);

#endif
