// cfn_impl.h - what the files of cfn/ share: the names a template built by
// hclc declares, and the check that its references name one of them
// (cfn_refs.c).
#ifndef HCLC_CFN_IMPL_H
#define HCLC_CFN_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "project/module.h"

typedef struct CfnNames {
    const char *const *params; // logical ids of the Parameters
    uint32_t nparams;
    const char *const *resources; // logical ids of the Resources
    uint32_t nresources;
    const CfnExternal *external; // cloudformation { external = [...] }
    uint32_t nexternal;
} CfnNames;

// "web-api" -> "WebApi": the letters and digits of a label, each word
// capitalised (logical ids of task definitions and parameters).
char *cfn_pascal_case(Arena *a, const char *label);

// Reports (E_CFN_REFERENCE) every Ref, Fn::GetAtt and Fn::Sub ${Name} in
// `v` that names nothing of `names` nor a pseudo parameter; ${!Name} is
// literal text. `src` (may be NULL) narrows an error to the ${Name} in
// the source. Returns false after reporting.
bool cfn_check_references(Arena *a, Diags *diags, const SourceSet *src, const CfnNames *names,
                          const Value *v);

#endif
