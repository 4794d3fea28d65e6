// lint.h - `hclc lint`: security and best-practice findings on task
// definitions that passed validation. Each rule has a stable code (E1001..),
// the IDs of the catalogues that have the same check (AWS Security Hub,
// checkov, trivy), a one-line rationale and the fix; docs/lint.md has a
// section per rule. Findings are warnings (errors with strict).
#ifndef HCLC_LINT_H
#define HCLC_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"
#include "ecs/ecs.h"

#define LINT_MAX_IDS 3

struct LintRun;

typedef struct LintRule {
    DiagCode code;
    const char *ids[LINT_MAX_IDS]; // catalogue IDs with the same check, NULL-padded
    const char *title;             // what is wrong, as a diagnostic code's description
    const char *rationale;         // one sentence: why it matters
    const char *fix;               // one sentence: what to write instead
    bool on_task;                  // checks the task (else each container)
    void (*check)(struct LintRun *run, Value *v); // the task, or one container
} LintRule;

typedef struct Linter {
    bool strict; // findings are errors
    bool *off;   // per rule (index into lint_rules), true when disabled; NULL: all on
} Linter;

// The rules, in code order; *n gets their count.
const LintRule *lint_rules(size_t *n);
// The index of the rule named `id`: its code ("E1002") or one of its
// catalogue IDs ("ECS.5", "CKV_AWS_336"), in any case; -1 when none.
long lint_find(const char *id);
// Turns rule `id` (or every rule, for "all") off or on in `l`, allocating
// l->off in `a` the first time. False when `id` names no rule.
bool lint_switch(Linter *l, Arena *a, const char *id, bool on);
// Runs the enabled rules on a validated task definition (request or
// described form) or container-definitions array; an EcsAfter whose `ctx`
// is a Linter. Rules that need the task skip a bare container array.
void lint_check(void *ctx, Arena *a, Diags *diags, Value *v, EcsForm form);

#endif
