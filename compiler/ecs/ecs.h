// ecs.h - the ECS target: task_definition blocks lowered to the exact JSON
// of RegisterTaskDefinition, and the validation of task definitions in any
// form (lowered from .hcl, or read from JSON files) against the schema and
// the ECS rules (rule ids such as RES-4; docs/ecs.md).
//
// Lowering maps snake_case and API names to API names through the schema,
// turns repeated blocks into lists, environment/secrets/tags objects into
// name/value lists, and normalises task cpu/memory. Every lowered member
// value carries `site` (the attribute or block that holds it) besides its
// `origin` (where the value was written), so a diagnostic points at the
// task definition and notes where an indirect value was set.
#ifndef HCLC_ECS_H
#define HCLC_ECS_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"
#include "eval/eval.h"
#include "project/module.h"

typedef enum EcsForm {
    ECS_FORM_REQUEST,    // a RegisterTaskDefinition request object (camelCase)
    ECS_FORM_CONTAINERS, // a container-definitions array
    ECS_FORM_DESCRIBED,  // describe-task-definition output's taskDefinition
} EcsForm;

// A check run on a task definition (or container list) that passed
// validation, with the validation's Arena and Diags: `hclc lint` (lint.h).
typedef void EcsAfter(void *ctx, Arena *a, Diags *diags, Value *v, EcsForm form);

typedef struct EcsOptions {
    bool strict;           // W rules are errors too
    const char *workspace; // for the "latest tag in prod" warning; NULL when unknown
    bool json;             // read from a JSON file as botocore reads it: a number written
                           // with a fraction or exponent (80.0, 1e3) is not an integer,
                           // and template placeholders (${NAME}, {{NAME}}, <NAME>) in a
                           // checked value are warnings
    const Value *facts;    // container-definitions form: an object of the task members
                           // known from the command line (cpu, memory, networkMode,
                           // requiresCompatibilities, executionRoleArn), or NULL; the
                           // rules needing a task member that is absent do not run
    EcsAfter *after;       // run when validation reported no error; NULL: none
    void *after_ctx;       // its first argument
    bool lint;             // lint reports plain secrets and image tags (E0655, E0660,
                           // E0661) with its own rules: the validator leaves them out
    bool partial;          // request form built for -t container-definitions: the task is
                           // written elsewhere (Terraform), so a task member the source
                           // leaves out is unknown, not absent
    bool cloudformation;   // request form built for a CloudFormation template: family may
                           // be absent (CloudFormation generates one)
} EcsOptions;

// Lowers task definition `t` into a request object (API form), evaluating
// its attributes with `ev`. Returns VAL_INVALID after reporting errors, or
// when an attribute's value holds VAL_INVALID (an error reported already):
// a result that is not VAL_INVALID holds none.
Value *ecs_lower(Eval *ev, const TaskDef *t);

// Validates a value of the given form. Errors and warnings go to `diags`;
// returns false when an error (or, with strict, a warning) was reported.
// When it reported no error (warnings made errors by strict aside),
// opt->after (if set) runs on the value.
bool ecs_validate(Arena *a, Diags *diags, Value *v, EcsForm form, const EcsOptions *opt);

// The form of JSON read from a file. A list is a container-definitions
// array. An object is describe-task-definition output when it holds
// "taskDefinition" (the whole output: *v becomes that member, with the
// output's top-level "tags" added when it has none) or a read-only member of
// the output (as `--query taskDefinition` prints it); else a request.
EcsForm ecs_json_form(Arena *a, Value **v);

// The form AWS reads back (--canonical; docs/language.md#task-definitions):
// containers and environment sorted by name, `essential` explicit,
// `hostPort` filled under awsvpc.
Value *ecs_canonical(Arena *a, Value *task);

// The comparison form of a request-form (or described-form) task definition
// for `hclc diff` (docs/diff.md): read-only members and the defaults ECS
// fills in left out; containers and keyed lists (environment, secrets,
// portMappings by "PORT/PROTOCOL", volumes, tags...) turned into objects
// keyed by their key, sorted, flagged VALF_MAP; task cpu and memory as whole
// numbers in text; null, empty lists and empty objects left out. `task` is
// not changed.
Value *ecs_normalize(Arena *a, Value *task);

#endif
