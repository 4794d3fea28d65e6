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
#include "ecs/schema.h"
#include "project/module.h"

typedef struct CfnNames {
    const char *const *params; // logical ids of the Parameters
    uint32_t nparams;
    const char *const *resources; // logical ids of the Resources
    uint32_t nresources;
    const CfnExternal *external; // cloudformation { external = [...] }
    uint32_t nexternal;
    const Value *conditions; // CfnSections.conditions (NULL: none)
    const Value *mappings;   // CfnSections.mappings (NULL: none)
} CfnNames;

// The Conditions and Mappings of the template, from the cloudformation
// block's `conditions` and `mappings` (cfn_sections.c).
typedef struct CfnSections {
    Value *conditions; // name -> condition intrinsic; NULL when none
    Value *mappings;   // name -> top key -> second key -> value; NULL when none
} CfnSections;

struct Eval;

// Evaluates `conditions` and `mappings` of the module's cloudformation
// block and checks their shapes (E0768: objects, alphanumeric names,
// conditions built by the condition functions, mapping values strings,
// numbers or lists of them) and that no condition depends on itself
// (E0769). Returns false after reporting.
bool cfn_sections_read(struct Eval *ev, Diags *diags, CfnSections *out);

// Reports (E_CFN_REFERENCE, with "did you mean") a condition name `name`,
// written at `at`, that names no condition of `names`. Returns false after
// reporting. For Fn::If, Condition and a resource's Condition.
bool cfn_check_condition(Arena *a, Diags *diags, const CfnNames *names, const char *name, Span at);

// When `v` is the intrinsic {"Fn::If": [cond, a, b]}: a copy whose
// branches are map(a, t) and map(b, t) (renamed for the member's type
// `t`, as the value itself would be); else NULL.
Value *cfn_if_branches(Arena *a, const Value *v, const SchemaType *t,
                       Value *(*map)(Arena *, Value *, const SchemaType *));

// "web-api" -> "WebApi": the letters and digits of a label, each word
// capitalised (logical ids of task definitions and parameters).
char *cfn_pascal_case(Arena *a, const char *label);

// The logical id of cfn_parameter variable `v`: its cfn_name, or its name
// in PascalCase (cfn_params.c).
const char *cfn_parameter_id(Arena *a, const Variable *v);
// The Parameters of the template, an object by logical id (empty when
// there is none), the variables evaluated in `ev`; a variable that cannot
// be a parameter is reported (E_CFN_PARAMETER) and left out. A logical id
// taken twice keeps its first parameter: the caller reports it.
Value *cfn_parameters(struct Eval *ev, Diags *diags);

// Reports (E_CFN_REFERENCE) every Ref, Fn::GetAtt and Fn::Sub ${Name} in
// `v` that names nothing of `names` nor a pseudo parameter, every
// condition of Fn::If and Condition that is none of names->conditions,
// and every Fn::FindInMap whose literal map name or keys are not in
// names->mappings; ${!Name} is
// literal text. `src` (may be NULL) narrows an error to the ${Name} in
// the source. Returns false after reporting.
bool cfn_check_references(Arena *a, Diags *diags, const SourceSet *src, const CfnNames *names,
                          const Value *v);
// The same for the values of the Conditions (CfnSections.conditions),
// where a resource of the template cannot be used either.
bool cfn_check_conditions(Arena *a, Diags *diags, const SourceSet *src, const CfnNames *names,
                          const Value *conds);

// Reports (E_CFN_REFERENCE) a name of resource `self`'s cfn_depends_on
// that is no other resource of `names` nor an external name; false then.
bool cfn_check_depends_on(Arena *a, Diags *diags, const CfnNames *names, const char *self,
                          const CfnExternal *dep);

#endif
