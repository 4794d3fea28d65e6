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
    if (nargs > 1)
        return cli_too_many(o, "lint", args[1]);
    Linter linter = {(o->given & OPT_STRICT) != 0, NULL};
    ExitStatus usage = apply_switches(arena, o, &linter);
    if (usage != EXIT_OK)
        return usage;
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    cli_compile_options(o, args, nargs, &c);
    c.lint = lint_check;
    c.lint_ctx = &linter;
    c.ignore_alias = rule_alias;
    CompileStatus st = compile_validate(arena, &src, &diags, &c);
    if (c.all_workspaces && diags.count > 1)
        cli_merge_workspaces(arena, &diags, &src, cli_count_workspaces(arena, c.path));
    size_t n;
    DiagRuleInfo *infos = rule_infos(arena, &n);
    cli_render_rules(o, &diags, &src, infos, n);
    return cli_exit_status(st, &diags);
}
