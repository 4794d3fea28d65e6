// compile.h - the pipeline behind `hclc build`, `validate` and `workspaces`:
// load -> module -> inputs -> eval -> emit, and the atomic writer.
//
// Every function here reports through Diags and returns a status; nothing
// prints. The text a build produces is returned whole, so that main.c writes
// nothing at all when any step failed.
#ifndef HCLC_COMPILE_H
#define HCLC_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "inputs.h"
#include "source.h"

typedef enum CompileStatus {
    COMPILE_OK,
    COMPILE_INPUT_ERRORS, // reported; exit status 1
    COMPILE_IO_ERROR,     // reported; exit status 3
    COMPILE_USAGE_ERROR,  // reported; exit status 2 (e.g. an unknown target)
} CompileStatus;

typedef struct CompileOptions {
    const char *path;           // file or directory ("." when NULL)
    const char *root;           // project root for file(); NULL: PATH's directory
    const char *workspace;      // NULL: "default"
    const char *workspace_from; // "-w", "HCLC_WORKSPACE" (for messages)
    InputOptions inputs;
    const char *target;         // "json" (more targets come with the ECS issue)
    const char *output_name;    // --output NAME, or NULL for every output
} CompileOptions;

// Builds the target; on success *text holds the whole output (in the arena).
CompileStatus compile_build(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                            char **text, size_t *len);
// Loads, declares and evaluates everything for the workspace; no output.
CompileStatus compile_validate(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt);
// The names of the declared workspaces, one per line, in declaration order.
CompileStatus compile_workspaces(Arena *a, SourceSet *src, Diags *diags, const char *path,
                                 char **text, size_t *len);

// Replaces the file `path` with `len` bytes of `text` atomically (a
// temporary file in the same directory, then rename). Returns false and
// reports E_IO_ERROR when that fails; the old file is then untouched.
bool compile_write_file(Diags *diags, const char *path, const char *text, size_t len);

#endif
