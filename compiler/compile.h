// compile.h - the pipeline behind `hclc build`, `validate`, `tfvars` and `workspaces`:
// load -> module -> inputs -> eval -> ecs (lower, validate) -> emit or cfn,
// and the atomic writer.
//
// Every function here reports through Diags and returns a status; nothing
// prints. The text a build produces is returned whole, so that main.c writes
// nothing at all when any step failed.
#ifndef HCLC_COMPILE_H
#define HCLC_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "ecs/ecs.h"
#include "project/inputs.h"

typedef enum CompileStatus {
    COMPILE_OK,
    COMPILE_INPUT_ERRORS, // reported; exit status 1
    COMPILE_IO_ERROR,     // reported; exit status 3
    COMPILE_USAGE_ERROR,  // reported; exit status 2 (e.g. an unknown target)
} CompileStatus;

// What the command line says of the task around a container-definitions
// array (`hclc validate FILE.json`); NULL members are unknown.
typedef struct EcsTaskFacts {
    const char *cpu;             // --task-cpu: task cpu as the API writes it ("1024", "1 vCPU")
    const char *memory;          // --task-memory: task memory ("2048", "2 GB")
    const char *network_mode;    // --network-mode: bridge, host, awsvpc or none
    const char *compatibilities; // --requires-compatibilities: "FARGATE", "EC2,FARGATE"
} EcsTaskFacts;

typedef struct CompileOptions {
    const char *path;           // file or directory ("." when NULL)
    const char *root;           // project root for file(); NULL: PATH's directory
    const char *workspace;      // NULL: "default"
    const char *workspace_from; // "-w", "HCLC_WORKSPACE" (for messages)
    InputOptions inputs;
    const char *target;      // json, task-definition, container-definitions, tfvars,
                             // tfvars-json
    const char *output_name; // --output NAME, or NULL for every output
    const char *task_name;   // --task NAME, or NULL
    bool all_tasks;          // --out-dir: one output per task definition
    bool canonical;          // --canonical: the form AWS reads back
    bool strict;             // --strict: warnings are errors
    bool all_workspaces;     // validate / tfvars --all-workspaces
    bool include_sensitive;  // tfvars: write sensitive variables too
    EcsTaskFacts facts;      // validate of a container-definitions array
    EcsAfter *lint;          // validate: run on every task definition that
    void *lint_ctx;          // passes validation (hclc lint); NULL: none
    DiagCode (*ignore_alias)(const char *id); // lint: the code a catalogue ID in
                                              // an ignore comment names, or 0
} CompileOptions;

typedef struct CompileOutput {
    const char *name; // the task definition's label (file DIR/NAME.json), or NULL
    char *text;       // the whole output, in the arena
    size_t len;
} CompileOutput;

typedef struct CompileResult {
    CompileOutput *items;
    uint32_t count;
    const char *ext;       // file name suffix with --out-dir: NULL for ".json", ".tfvars"...
    bool sensitive;        // holds sensitive values (--include-sensitive): new files get 0600
    const SourceSet *read; // every file the run read, which no output may replace
} CompileResult;

// Builds the target; on success `out` holds every output (one, unless
// all_tasks asked for one per task definition).
CompileStatus compile_build(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                            CompileResult *out);
// Loads, declares and evaluates everything for the workspace (every
// workspace with all_workspaces), and validates every task definition; no
// output. A PATH ending in .json is a task definition, a container-
// definitions array or describe-task-definition output, validated as such.
CompileStatus compile_validate(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt);
// The resolved variable values of the workspace (of every workspace, one
// output each named after it, with all_workspaces) as .tfvars, or as
// .tfvars.json when the target is "tfvars-json"; sensitive variables are
// left out unless include_sensitive. Only variables are evaluated.
CompileStatus compile_tfvars(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                             CompileResult *out);
// The names of the declared workspaces, in declaration order (an array of
// *count names in the arena).
CompileStatus compile_workspaces(Arena *a, SourceSet *src, Diags *diags, const char *path,
                                 const char ***names, uint32_t *count);

// What a project evaluates to for one workspace, as values (hclc diff).
typedef struct CompileValues {
    const char **names; // task_definition labels
    Value **tasks;      // lowered and validated, request form
    uint32_t ntasks;
    Value *outputs; // the outputs as one object, or NULL when none is declared
} CompileValues;

// Builds the task definitions of the workspace as build does (only
// --task NAME's when task_name is set; every one otherwise) and evaluates
// the outputs; nothing is emitted. Sensitive values keep their mark.
CompileStatus compile_values(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                             CompileValues *out);

// Checks -o FILE before anything is read: it may not be a directory, nor
// PATH, one of PATH's .hcl files or a var file (output.h). Returns false
// after reporting a usage error (E_OUTPUT_PATH). "-" and NULL pass.
bool compile_check_out_file(Diags *diags, const char *out_file, const CompileOptions *opt);

// Checks the files a result would be written to, before writing: none may
// be a directory or a file the run read, file() targets included. Returns
// false after reporting a usage error (E_OUTPUT_PATH).
bool compile_check_outputs(Diags *diags, const CompileResult *r, const char *out_file,
                           const char *out_dir);

// Writes a build's outputs (output.h: all or nothing, devices written into,
// links kept, modes kept; new files 0600 when r->sensitive): to `out_file`
// ("-" or NULL means `stdout_file`), or one DIR/NAME.json (NAME plus r->ext)
// per output into `out_dir`; a missing DIR, or a missing directory of FILE,
// is created (and removed again on failure). Checks as compile_check_outputs
// does first. Reports and returns false on failure.
bool compile_write_outputs(Diags *diags, const CompileResult *r, const char *out_file,
                           const char *out_dir, FILE *stdout_file);

#endif
