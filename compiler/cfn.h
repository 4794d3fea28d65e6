// cfn.h - the CloudFormation targets: lowered and validated task
// definitions turned into one template (AWS::ECS::TaskDefinition resources
// with CloudFormation property names, Parameters, Outputs), printed as JSON
// through cJSON or as YAML through libyaml. Also reading existing templates
// for `hclc validate`.
#ifndef HCLC_CFN_H
#define HCLC_CFN_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "eval.h"
#include "value.h"

typedef struct CfnInput {
    Eval *ev;              // the evaluation (module, workspace, variables)
    const char *source;    // PATH as given, for the template's Description
    const char *workspace; // the workspace, for the Description
    Value **tasks;         // request-form task definitions, one per module task
    uint32_t ntasks;       // == ev->mod->ntasks, in declaration order
} CfnInput;

// Builds the template and returns its text (JSON, or YAML when `yaml`),
// or NULL after reporting errors (logical id clashes, CloudFormation's
// limits: template body 1,000,000 bytes, 500 resources, 200 parameters and
// 200 outputs).
char *cfn_build(Arena *a, Diags *diags, const CfnInput *in, bool yaml, size_t *len);

#endif
