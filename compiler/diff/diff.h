// diff.h - `hclc diff`: what really differs between two task definitions.
//
// diff/read.c reads a side given as a file (a RegisterTaskDefinition
// request, describe-task-definition output in either form, a container-
// definitions array, a CloudFormation template); the driver builds project
// sides. diff/pair.c pairs the task definitions of two sides and compares
// each pair in the comparison form (ecs_normalize), diff/diff.c lists the
// changes between two values, diff/render.c prints them as text or JSON.
// Nothing here prints except diff/render.c, and only to the FILE it is given.
#ifndef HCLC_DIFF_H
#define HCLC_DIFF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"

typedef enum DiffOp {
    DIFF_ADDED,   // only on the new side
    DIFF_REMOVED, // only on the old side
    DIFF_CHANGED, // on both sides, with different values
} DiffOp;

typedef struct DiffChange {
    DiffOp op;
    const char *path;         // containerDefinitions["web"].environment["LOG_LEVEL"]
    Value *old;               // NULL when added
    Value *new;               // NULL when removed
    bool sensitive;           // a side is sensitive: no value is ever shown
    const char *const *lines; // a multi-line text changed: "-old", "+new", " same" lines
    uint32_t nlines;
} DiffChange;

typedef struct DiffList {
    Arena *arena;
    SourceSet *src; // embedded JSON texts are read as pseudo-files of it
    DiffChange *items;
    uint32_t count, cap;
} DiffList;

// One task definition of a side.
typedef struct DiffTask {
    const char *name;     // block label, logical id, or NULL (a lone file)
    Value *value;         // request or described form (ecs_normalize's input)
    bool containers_only; // a container-definitions array: a partner's task-
                          // level members are not compared with it
    bool tags_unknown;    // describe-task-definition output without its tags
                          // (no --include TAGS, or --query taskDefinition)
} DiffTask;

// One side of a comparison: its task definitions, and the project's
// outputs (NULL when the side is not a project).
typedef struct DiffSide {
    const char *label; // for messages: "PATH -w dev", "FILE"
    DiffTask *tasks;
    uint32_t ntasks;
    Value *outputs;
} DiffSide;

// The comparison of one pair of task definitions (or of the outputs).
typedef struct DiffResult {
    const char *name;       // the task definition's name (label or family)
    const char *old_family; // NULL when the side has none
    const char *new_family;
    bool outputs; // this result compares the outputs
    DiffList changes;
} DiffResult;

typedef struct DiffReport {
    DiffResult *items;
    uint32_t count;
    uint32_t tasks_compared;
} DiffReport;

// --- diff.c ---

void diff_init(DiffList *d, Arena *a, SourceSet *src);
// Appends the changes from `old` to `new` found under `path` ("" at the
// top): objects member by member (VALF_MAP objects' keys written
// ["key"]), lists of scalars whole, other lists item by item, strings that
// both hold a JSON object or array by their structure (PATH<json>.member),
// multi-line strings by line. Either value may be NULL (absent).
void diff_values(DiffList *d, const char *path, Value *old, Value *new);

// --- read.c ---

// Reads side `path` ("-": standard input) as JSON, or as a CloudFormation
// template in YAML (.yaml, .yml). Returns false after reporting (*io set
// when a file could not be read): a JSON value that is no task definition,
// a template without AWS::ECS::TaskDefinition.
bool diff_read_file(Arena *a, SourceSet *src, Diags *diags, const char *path, DiffSide *side,
                    bool *io);

// --- pair.c ---

// Pairs the task definitions of `old` and `new` (the only one of each; a
// file's lone one with the other side's of its family, the rest left out;
// else by name, then by family), compares each pair in the comparison
// form, and the outputs when both sides have some. Warns when a lone pair
// has different families (E_DIFF_FAMILIES), and when describe output does
// not show the tags, which are then not compared (E_DIFF_TAGS_UNKNOWN).
void diff_sides(Arena *a, SourceSet *src, Diags *diags, const DiffSide *old, const DiffSide *new,
                DiffReport *out);
// The number of changes in all of `r`.
uint32_t diff_count(const DiffReport *r);

// --- render.c ---

// Prints the report as text: a header per task definition with changes,
// one line per change ("~ PATH: OLD -> NEW", "+ PATH: NEW", "- PATH: OLD"),
// and a summary line; ANSI colours when `color`.
void diff_render_text(Arena *a, FILE *out, const DiffReport *r, bool color);
// Prints the report as one JSON object (emit/json); false when cJSON ran
// out of memory.
bool diff_render_json(Arena *a, FILE *out, const DiffReport *r);

#endif
