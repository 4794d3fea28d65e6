// compile_impl.h - what compile.c and compile_validate.c share; not a
// contract. The project a run loads, the targets, and the steps both the
// build and validate paths take.
#ifndef HCLC_COMPILE_IMPL_H
#define HCLC_COMPILE_IMPL_H

#include "compile.h"
#include "ecs/ecs.h"
#include "eval/eval.h"
#include "project/load.h"
#include "project/module.h"

typedef struct Project {
    LoadedFiles files;
    Module mod;
    Inputs inputs;
    const char *root;
} Project;

typedef enum Target {
    TARGET_JSON,
    TARGET_TASK,
    TARGET_CONTAINERS,
    TARGET_CFN_JSON,
    TARGET_CFN_YAML,
    TARGET_TFVARS,
    TARGET_TFVARS_JSON,
} Target;

// How a task definition is written: whole, only its containers
// (-t container-definitions: the task members it leaves out may be set
// where they are used), or in a CloudFormation template (which generates a
// missing family).
typedef enum TaskUse { USE_TASK, USE_CONTAINERS, USE_CFN } TaskUse;

// Loads the project of opt->path with every source check.
CompileStatus load_project(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                           Project *p);
// True when the project declares workspaces, none of them "default", and
// none was chosen.
bool no_workspace_chosen(const Project *p, const CompileOptions *opt);
// The target named `name`; false after reporting an unknown one.
bool parse_target(Diags *diags, const char *name, Target *t);
// True for "cloudformation" and "cloudformation-yaml".
bool is_cfn_target(const char *name);
// The validator's options for a run in `workspace`.
EcsOptions ecs_options(const CompileOptions *opt, const char *workspace);
// Lowers and validates task definition `i`; NULL after errors.
Value *build_task(Eval *ev, Diags *diags, const CompileOptions *opt, uint32_t i, TaskUse use);
// The CloudFormation template of the module `ev` evaluates, JSON or YAML.
CompileStatus build_cloudformation(Eval *ev, Diags *diags, const CompileOptions *opt, bool yaml,
                                   CompileResult *out);

#endif
