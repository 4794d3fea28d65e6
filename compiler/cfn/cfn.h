// cfn.h - the CloudFormation targets: lowered and validated task
// definitions turned into one template (AWS::ECS::TaskDefinition resources
// with CloudFormation property names, Parameters, Outputs), printed as JSON
// through cJSON or as YAML through libyaml. Also reading existing templates
// for `hclc validate`.
#ifndef HCLC_CFN_H
#define HCLC_CFN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"
#include "ecs/ecs.h"
#include "project/module.h"

struct Eval; // eval/eval.h: cfn.c evaluates the parameters' values and descriptions

typedef struct CfnInput {
    struct Eval *ev;       // the evaluation (module, workspace, variables)
    const char *workspace; // the workspace, for the Description
    const TaskDef **defs;  // the task_definition blocks built (all, or --task's)
    Value **tasks;         // their request-form task definitions, in the same order
    uint32_t ntasks;       // entries of defs and tasks
} CfnInput;

// True when `v` holds no intrinsic (value_find_intrinsic); else reports one
// error at the first intrinsic's call, naming `target` ("task-definition",
// "json", ...).
bool cfn_reject_intrinsics(Diags *diags, const Value *v, const char *target);

// The variable references of a CloudFormation build (EvalRefs.var, eval.h;
// `ctx` unused): for a cfn_parameter variable, the intrinsic {"Ref": ID} at
// `at`, ID being NAME in PascalCase, the parameter's logical id; NULL for
// any other variable, which keeps its value.
Value *cfn_variable_ref(void *ctx, Arena *a, const Variable *v, Span at);

// Builds the template and returns its text (JSON, or YAML when `yaml`),
// or NULL after reporting errors (logical id clashes, CloudFormation's
// limits: template body 1,000,000 bytes, 500 resources, 200 parameters and
// 200 outputs).
char *cfn_build(Arena *a, Diags *diags, const CfnInput *in, bool yaml, size_t *len);

// True when `v` looks like a CloudFormation template: an object with
// Resources or AWSTemplateFormatVersion.
bool cfn_is_template(const Value *v);
// `hclc validate` on a template read by decode_json_file or
// decode_yaml_cfn_file: every AWS::ECS::TaskDefinition's Properties are
// mapped back to API names and checked by ecs_validate, at the template's
// positions; intrinsics are unknown values. False after errors (cfn_read.c).
bool cfn_validate_template(Arena *a, Diags *diags, Value *tpl, const EcsOptions *opt);
// The AWS::ECS::TaskDefinition resources of template `tpl` in template
// order: their logical ids in (*ids)[i] and their Properties mapped back to
// API names (as cfn_validate_template checks them) in (*tasks)[i]; arrays
// in the arena. Returns the count: 0 when there is none, or no Resources
// object, or a resource's Properties is not an object.
uint32_t cfn_template_tasks(Arena *a, Value *tpl, const char ***ids, Value ***tasks);

#endif
