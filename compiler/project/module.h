// module.h - the declarations of a project: the parsed files' bodies merged
// into variables, locals, workspaces, outputs and task definitions.
//
// module_build checks the shape of every top-level block (known block
// types, labels, attributes), reports duplicates naming both places, and
// parses variable type constraints. It evaluates nothing: values come from
// eval.c. Names are looked up through small hash maps (projects may hold
// thousands of locals).
#ifndef HCLC_MODULE_H
#define HCLC_MODULE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "project/load.h"
#include "project/types.h"
#include "syntax/ast.h"

typedef struct NameMap {
    const char **names; // slot -> name (NULL when empty)
    uint32_t *index;    // slot -> position in the owner's array
    uint32_t cap;       // power of two
    uint32_t count;
} NameMap;

typedef struct Variable {
    const char *name;
    const Block *block;
    Span name_span;             // the label
    const Attribute *type_attr; // NULL when absent (then any type)
    const Attribute *default_attr;
    const Attribute *description_attr;
    const Attribute *cfn_parameter_attr; // NULL when absent; cfn/ points its errors here
    const Attribute *cfn_name_attr;      // cfn_name = "DBPassword", or NULL
    const Attribute *cfn_type_attr;      // cfn_type = "CommaDelimitedList", or NULL
    const char *cfn_name;                // its text: the parameter's logical id, or NULL
    const char *cfn_type;                // its text: the parameter's Type, or NULL
    Type *type;                          // NULL means any
    bool sensitive;
    bool nullable;      // default true, as in Terraform
    bool cfn_parameter; // cfn_parameter = true: a template parameter
    const Block **validations;
    uint32_t nvalidations;
} Variable;

typedef struct Local {
    const char *name;
    const Attribute *attr;
} Local;

typedef struct Workspace {
    const char *name;
    const Block *block;
    Span name_span;
} Workspace;

typedef struct Output {
    const char *name;
    const Block *block;
    Span name_span;
    const Attribute *value;
    bool sensitive;
} Output;

// A name the CloudFormation targets may reference without declaring it:
// `cloudformation { external = ["TaskRole"] }` (a resource or parameter of
// another part of the stack); also each name of a task definition's
// cfn_depends_on.
typedef struct CfnExternal {
    const char *name;
    Span span; // the string in the list
} CfnExternal;

typedef struct TaskDef {
    const char *name;
    const Block *block;
    Span name_span;
    // The CloudFormation targets' resource attributes (ignored elsewhere;
    // never ECS members): NULL/0 when absent.
    const Attribute *cfn_name_attr;      // cfn_name = "TaskDef"
    const char *cfn_name;                // its text: the resource's logical id
    const Attribute *cfn_condition_attr; // cfn_condition = "IsProd"
    const char *cfn_condition;           // its text: the resource's Condition
    CfnExternal *cfn_depends_on;         // cfn_depends_on = ["LogGroup"]: DependsOn
    uint32_t ncfn_depends_on;
} TaskDef;

typedef struct Module {
    Variable *vars;
    uint32_t nvars;
    Local *locals;
    uint32_t nlocals;
    Workspace *workspaces;
    uint32_t nworkspaces;
    Output *outputs;
    uint32_t noutputs;
    TaskDef *tasks;
    uint32_t ntasks;
    CfnExternal *cfn_external; // from the cloudformation block (at most one)
    uint32_t ncfn_external;
    const Block *cfn_block; // that block, or NULL
    NameMap var_map, local_map, workspace_map, output_map, task_map;
} Module;

// Builds the module from parsed files (which must have no parse errors).
// Returns false when errors were reported; the module is still usable for
// listing what was declared.
bool module_build(Arena *a, Diags *diags, const LoadedFiles *files, Module *out);

// Position of a declaration by name, or -1.
int64_t module_find_var(const Module *m, const char *name);
int64_t module_find_local(const Module *m, const char *name);
int64_t module_find_workspace(const Module *m, const char *name);
int64_t module_find_output(const Module *m, const char *name);
int64_t module_find_task(const Module *m, const char *name);

// Finds the attribute `name` directly in `body`, or NULL.
const Attribute *module_body_attr(const Body *body, const char *name);

// True for the task_definition attributes that are the CloudFormation
// resource's, not ECS members: cfn_name, cfn_condition, cfn_depends_on.
bool module_is_cfn_task_attr(const char *name);

#endif
