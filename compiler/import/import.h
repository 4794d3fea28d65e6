// import.h - `hclc import`: task definitions as JSON turned into hclc source.
//
// Reads a RegisterTaskDefinition request, describe-task-definition output
// (whole or its taskDefinition), a container-definitions array (with the
// comments and trailing commas of hand-kept files), a docker-compose file,
// a Terraform template or a CloudFormation template, and writes
// task_definition blocks that build back the same JSON: names, blocks and
// maps come from the ECS schema tables (ecs/schema.h), as lowering reads them.
#ifndef HCLC_IMPORT_H
#define HCLC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"

typedef enum ImportKind {
    IMPORT_AUTO,       // told by the file's shape
    IMPORT_REQUEST,    // a RegisterTaskDefinition request
    IMPORT_DESCRIBED,  // describe-task-definition output, whole or its taskDefinition
    IMPORT_CONTAINERS, // a container-definitions array
    IMPORT_COMPOSE,    // a docker-compose file (YAML; told by a .yml/.yaml name)
    IMPORT_TEMPLATE,   // a Terraform template_file JSON with ${placeholders} (.tpl)
    IMPORT_CFN,        // a CloudFormation template, JSON or YAML (Resources or a version)
} ImportKind;

// The kind named `name` on the command line ("task-definition", "describe",
// "containers", "compose", "template", "cloudformation"); false when there is none of that name.
bool import_kind_named(const char *name, ImportKind *out);

// Turns file `file` of `src` (JSON, `//` and `/* */` comments and trailing
// commas allowed) into hclc source: the text in the arena, NUL-terminated,
// *len its length. Warnings (members left out) go to `diags`; on an error
// (bad JSON, not a task definition) returns NULL after reporting it.
char *import_task_json(Arena *a, SourceSet *src, Diags *diags, uint32_t file, ImportKind kind,
                       size_t *len);

typedef struct ImportOutput {
    const char *main;       // the task_definition block
    const char *variables;  // a variable block per value that differs ("" when none)
    const char *workspaces; // a workspace block per file
} ImportOutput;

// Imports `n` files, one per workspace (`names`), of one task definition
// into one source: what is equal stays inline, what differs becomes
// variables set by the workspace blocks. Returns false after reporting.
bool import_task_workspaces(Arena *a, SourceSet *src, Diags *diags, const uint32_t *files,
                            const char *const *names, uint32_t n, ImportKind kind,
                            ImportOutput *out);

#endif
