// cmd_fmt.h - `hclc fmt`: lay out files in the canonical style (docs/fmt.md).
//
// Finds the files named on the command line (directories: their *.hcl and
// *.tfvars files), formats each with syntax/fmt.c, then rewrites it
// atomically, or with --check only lists it, or with --diff shows a
// unified diff. Standard input ("-") is formatted to standard output.
#ifndef HCLC_CMD_FMT_H
#define HCLC_CMD_FMT_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "compile.h"

typedef struct FmtOptions {
    bool check;     // change nothing; list the files not formatted
    bool diff;      // print a unified diff of each change
    bool recursive; // directories: their subdirectories too
} FmtOptions;

// Formats `paths` ("-" is standard input; none: standard input when it is
// not a terminal, else "."). Prints to `out` the names of the files changed
// (or, with --check, not formatted), the diffs, or the formatted standard
// input. Problems go to `diags`. Returns COMPILE_INPUT_ERRORS when a file
// has syntax errors or --check found a file to change, COMPILE_IO_ERROR when
// a file could not be read or written (that wins), else COMPILE_OK.
CompileStatus fmt_paths(Arena *arena, SourceSet *src, Diags *diags, const FmtOptions *opt,
                        const char *const *paths, int npaths, FILE *out);

#endif
