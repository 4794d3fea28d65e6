// checks.h - warnings read from the source alone, before evaluation:
// habits from other tools that hclc would take literally. A string holding
// Terraform's ${var.x}, ${local.x} or ${workspace.x} (hclc interpolates
// with $<...>), and CloudFormation's ${AWS::Region} outside cfn_sub (only
// cfn_sub's template is CloudFormation's).
#ifndef HCLC_CHECKS_H
#define HCLC_CHECKS_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "project/load.h"

// Warns (E_FOREIGN_INTERPOLATION, E_CFN_SUB_OUTSIDE) at each such ${...}
// in the string literals and heredocs of `files`, with the rewritten text.
void checks_strings(Arena *a, Diags *diags, const SourceSet *src, const LoadedFiles *files);

#endif
