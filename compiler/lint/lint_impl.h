// lint_impl.h - what the files of compiler/lint/ share; not a public contract.
#ifndef HCLC_LINT_IMPL_H
#define HCLC_LINT_IMPL_H

#include <stdbool.h>

#include "lint/lint.h"

typedef struct LintRun {
    Arena *arena;
    Diags *diags;
    const Linter *linter;
    const LintRule *rule; // the rule running
    Value *task;          // the task definition, or NULL for a bare container list
    bool windows;         // runtimePlatform says a Windows operating system
    bool ec2;             // the task can run on EC2 (requiresCompatibilities)
} LintRun;

// Reports the running rule's finding about `v` (at its site, or where it
// was written), with the rationale, the fix and the catalogue IDs as notes.
Diag *lint_report(LintRun *run, const Value *v, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// Member `name` of object `obj`, or NULL.
Value *lint_get(const Value *obj, const char *name);
// The string of `v`, or NULL when it is no string (or an intrinsic).
const char *lint_str(const Value *v);
// `container "web"` for messages (`a container` when it has no name).
const char *lint_cname(LintRun *run, const Value *ctr);
// `v` for a message (never a sensitive value).
const char *lint_show(LintRun *run, const Value *v);

// The checks (lint_rules.c, lint_secrets.c), named after their rule.
void lint_privileged(LintRun *run, Value *ctr);
void lint_writable_root(LintRun *run, Value *ctr);
void lint_root_user(LintRun *run, Value *ctr);
void lint_host_pid(LintRun *run, Value *task);
void lint_host_network(LintRun *run, Value *task);
void lint_secret_name(LintRun *run, Value *ctr);
void lint_secret_value(LintRun *run, Value *ctr);
void lint_no_logs(LintRun *run, Value *ctr);
void lint_no_memory_limit(LintRun *run, Value *ctr);
void lint_efs_plaintext(LintRun *run, Value *task);
void lint_shared_role(LintRun *run, Value *task);
void lint_capabilities(LintRun *run, Value *ctr);
void lint_mutable_image(LintRun *run, Value *ctr);

#endif
