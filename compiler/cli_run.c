// cli_run.c - what the commands that compile (build, tfvars, validate,
// lint) share: the set-up and the end of a run (rendering, exit status),
// the usage checks of -o, --out-dir and -w against --all-workspaces, and
// the merging of a diagnostic that several workspaces' runs reported alike
// into one that names the workspaces.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cli.h"
#include "compile.h"

ExitStatus cli_check_out_options(Arena *arena, const Options *o, const char *command,
                                 const char *per_workspace)
{
    if (o->out_file && o->out_dir)
        return cli_usage_error(o, NULL, "give -o FILE or --out-dir DIR, not both");
    if (!(o->given & OPT_ALL_WS))
        return EXIT_OK;
    if (o->workspace)
        return cli_usage_error(o, NULL, "give -w WS or --all-workspaces, not both");
    if (!o->out_dir)
        return cli_usage_error(
            o, arena_printf(arena, "write hclc %s --all-workspaces --out-dir DIR", command),
            "--all-workspaces writes one %s per workspace: it needs --out-dir", per_workspace);
    return EXIT_OK;
}

// The note a run of one workspace adds to each of its diagnostics
// ("in workspace \"dev\""), or NULL.
static DiagNote *workspace_note(const Diag *g)
{
    static const char prefix[] = "in workspace \"";
    DiagNote *last = NULL;
    for (DiagNote *n = g->notes; n; n = n->next)
        if (n->kind == NOTE_TEXT && strncmp(n->text, prefix, sizeof prefix - 1) == 0)
            last = n;
    return last;
}

// Spans at the same place: each workspace's run may load the files again,
// so the same file can have several indexes in `src`.
static bool same_span(const SourceSet *src, Span a, Span b)
{
    if (a.start != b.start || a.end != b.end)
        return false;
    if (a.file == b.file)
        return true;
    if (a.file == SPAN_NO_FILE || b.file == SPAN_NO_FILE)
        return false;
    return strcmp(source_file(src, a.file)->name, source_file(src, b.file)->name) == 0;
}

// The next note of `n` onwards that is not `skip`.
static const DiagNote *next_note(const DiagNote *n, const DiagNote *skip)
{
    while (n && n == skip)
        n = n->next;
    return n;
}

// True when `a` and `b` say the same thing at the same place, with the
// same notes but their workspace's.
static bool same_apart_from_workspace(const SourceSet *src, const Diag *a, const Diag *b)
{
    if (a->severity != b->severity || a->code != b->code ||
        !same_span(src, a->subject, b->subject) || strcmp(a->summary, b->summary) != 0)
        return false;
    const DiagNote *wa = workspace_note(a), *wb = workspace_note(b);
    const DiagNote *x = next_note(a->notes, wa), *y = next_note(b->notes, wb);
    for (; x && y; x = next_note(x->next, wa), y = next_note(y->next, wb))
        if (x->kind != y->kind || !same_span(src, x->span, y->span) ||
            strcmp(x->text, y->text) != 0)
            return false;
    return !x && !y;
}

// Drops `g`, merged into another, from the counts of `d`.
static void uncount(Diags *d, const Diag *g)
{
    if (g->severity == DIAG_ERROR)
        d->errors--;
    else
        d->warnings--;
}

void cli_merge_workspaces(Arena *a, Diags *d, const SourceSet *src, const char *path)
{
    uint32_t *count = arena_alloc(a, (d->count + 1) * sizeof(uint32_t));
    const char **names = arena_alloc(a, (d->count + 1) * sizeof(char *));
    size_t kept = 0;
    bool merged = false;
    for (size_t i = 0; i < d->count; i++) {
        Diag *g = d->items[i];
        DiagNote *ws = workspace_note(g);
        size_t k = 0;
        while (ws && k < kept && !(names[k] && same_apart_from_workspace(src, d->items[k], g)))
            k++;
        if (!ws || k == kept) {
            names[kept] = ws ? strchr(ws->text, '"') : NULL;
            count[kept] = 1;
            d->items[kept++] = g;
            continue;
        }
        names[k] = arena_printf(a, "%s, %s", names[k], strchr(ws->text, '"'));
        count[k]++;
        merged = true;
        uncount(d, g);
    }
    d->count = kept;
    uint32_t n = merged ? cli_count_workspaces(a, path) : 0;
    for (size_t k = 0; k < kept; k++) {
        if (count[k] < 2)
            continue;
        DiagNote *ws = workspace_note(d->items[k]);
        ws->text = count[k] == n ? arena_printf(a, "in every workspace (%s)", names[k])
                                 : arena_printf(a, "in workspaces %s", names[k]);
    }
}

uint32_t cli_count_workspaces(Arena *arena, const char *path)
{
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    const char **names;
    uint32_t n = 0;
    if (compile_workspaces(arena, &src, &diags, path, &names, &n) != COMPILE_OK)
        return 0;
    return n ? n : 1; // none declared: the default one
}

ExitStatus cli_run_start(CliRun *r, Arena *arena, const Options *o, const char *command,
                         const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, command, args[1]);
    r->arena = arena;
    r->o = o;
    source_init(&r->src, arena);
    diags_init(&r->diags, arena);
    cli_compile_options(o, args, nargs, &r->c);
    return EXIT_OK;
}

ExitStatus cli_run_end(CliRun *r, CompileStatus st, const DiagRuleInfo *rules, size_t nrules)
{
    if ((r->o->given & OPT_ALL_WS) && r->diags.count > 1)
        cli_merge_workspaces(r->arena, &r->diags, &r->src, r->c.path);
    cli_render_rules(r->o, &r->diags, &r->src, rules, nrules);
    return cli_exit_status(st, &r->diags);
}
