// cmd_lint.c - `hclc lint`: validate's loading, lowering and checks (the
// same PATH forms: a project, task-definition JSON, a container array, a
// CloudFormation template), then the lint rules (lint/lint.h) on every task
// definition that passes validation. Findings are warnings unless --strict;
// --disable and --enable turn rules off and on, in the order given.
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"
#include "lint/lint.h"

// Applies --disable ID and --enable ID in order; a usage error for an ID
// that names no rule.
static ExitStatus apply_switches(Arena *arena, const Options *o, Linter *l)
{
    for (uint32_t i = 0; i < o->nrule_switches; i++) {
        const char *s = o->rule_switches[i];
        if (!lint_switch(l, arena, s + 1, s[0] == '+'))
            return cli_usage_error(o,
                                   "name a rule by its code (E1002) or a catalogue ID (ECS.5), "
                                   "or write all; see docs/lint.md",
                                   "no lint rule \"%s\" for %s", s + 1,
                                   s[0] == '+' ? "--enable" : "--disable");
    }
    return EXIT_OK;
}

// The lint rule a catalogue ID in an ignore comment names ("ECS.5": E1002).
static DiagCode rule_alias(const char *id)
{
    size_t n;
    long i = lint_find(id);
    return i < 0 ? (DiagCode)0 : lint_rules(&n)[i].code;
}

// The lint rules as SARIF rule descriptions: rationale, fix and IDs.
static DiagRuleInfo *rule_infos(Arena *arena, size_t *n)
{
    const LintRule *rules = lint_rules(n);
    DiagRuleInfo *infos = arena_alloc(arena, (*n + 1) * sizeof(DiagRuleInfo));
    for (size_t i = 0; i < *n; i++) {
        size_t nids = 0;
        while (nids < LINT_MAX_IDS && rules[i].ids[nids])
            nids++;
        infos[i].code = rules[i].code;
        infos[i].help = arena_printf(arena, "%s: %s. Fix: %s.", rules[i].title, rules[i].rationale,
                                     rules[i].fix);
        infos[i].ids = rules[i].ids;
        infos[i].nids = nids;
    }
    return infos;
}

ExitStatus cmd_lint(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    CliRun r;
    ExitStatus usage = cli_run_start(&r, arena, o, "lint", args, nargs);
    Linter linter = {(o->given & OPT_STRICT) != 0, NULL};
    if (usage == EXIT_OK)
        usage = apply_switches(arena, o, &linter);
    if (usage != EXIT_OK)
        return usage;
    r.c.lint = lint_check;
    r.c.lint_ctx = &linter;
    r.c.ignore_alias = rule_alias;
    CompileStatus st = compile_validate(arena, &r.src, &r.diags, &r.c);
    size_t n;
    DiagRuleInfo *infos = rule_infos(arena, &n);
    return cli_run_end(&r, st, infos, n);
}
