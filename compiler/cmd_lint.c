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

// The note validate_all adds to a diagnostic of one workspace, or NULL.
static DiagNote *workspace_note(const Diag *g)
{
    DiagNote *last = NULL;
    for (DiagNote *n = g->notes; n; n = n->next)
        if (n->kind == NOTE_TEXT && strncmp(n->text, "in workspace", 12) == 0)
            last = n;
    return last;
}

static bool same_finding(const Diag *a, const Diag *b)
{
    return a->code == b->code && a->severity == b->severity && a->subject.file == b->subject.file &&
           a->subject.start == b->subject.start && a->subject.end == b->subject.end &&
           strcmp(a->summary, b->summary) == 0;
}

// With --all-workspaces the rules run once per workspace: a finding that is
// the same in several (code, place and text) is kept once, its note naming
// every workspace ("in workspaces \"dev\", \"prod\"").
static void merge_workspaces(Arena *arena, Diags *d)
{
    size_t kept = 0;
    for (size_t i = 0; i < d->count; i++) {
        Diag *g = d->items[i];
        DiagNote *ws = workspace_note(g);
        size_t k = 0;
        while (ws && k < kept && !(same_finding(d->items[k], g) && workspace_note(d->items[k])))
            k++;
        if (!ws || k == kept) {
            d->items[kept++] = g;
            continue;
        }
        DiagNote *first = workspace_note(d->items[k]);
        const char *names = strchr(first->text, '"'), *name = strchr(ws->text, '"');
        first->text = arena_printf(arena, "in workspaces %s, %s", names, name);
        if (g->severity == DIAG_ERROR)
            d->errors--;
        else
            d->warnings--;
    }
    d->count = kept;
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
    if (c.all_workspaces)
        merge_workspaces(arena, &diags);
    size_t n;
    DiagRuleInfo *infos = rule_infos(arena, &n);
    cli_render_rules(o, &diags, &src, infos, n);
    return cli_exit_status(st, &diags);
}
