// render.c - a diff report as text for a person (a header per task
// definition with changes, one line per change, a summary line; colours on
// request) or as one JSON object for scripts, built as a value tree and
// printed by emit/json. Sensitive values are never printed.
#include "diff/diff.h"

#include <string.h>

#include "emit/emit.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const OP_MARK[] = {
    [DIFF_ADDED] = "+", [DIFF_REMOVED] = "-", [DIFF_CHANGED] = "~"};
static const char *const OP_NAME[] = {
    [DIFF_ADDED] = "added", [DIFF_REMOVED] = "removed", [DIFF_CHANGED] = "changed"};
static const char *const OP_COLOR[] = {
    [DIFF_ADDED] = GREEN, [DIFF_REMOVED] = RED, [DIFF_CHANGED] = YELLOW};

static const char *show(Arena *a, Value *v, bool sensitive)
{
    if (sensitive)
        return "(sensitive)";
    const char *s = emit_json(a, v, EMIT_JSON_COMPACT, NULL);
    return s ? s : "(too large to show)";
}

// Whether line `i` of a line diff is shown: a changed line, or one next
// to a change.
static bool line_shown(const DiffChange *c, uint32_t i)
{
    for (uint32_t k = i ? i - 1 : 0; k <= i + 1 && k < c->nlines; k++)
        if (c->lines[k][0] != ' ')
            return true;
    return false;
}

static void print_lines(FILE *out, const DiffChange *c, bool color)
{
    bool skipped = false;
    for (uint32_t i = 0; i < c->nlines; i++) {
        if (!line_shown(c, i)) {
            if (!skipped)
                fputs("      ...\n", out);
            skipped = true;
            continue;
        }
        skipped = false;
        char m = c->lines[i][0];
        const char *col = m == '+' ? GREEN : m == '-' ? RED : "";
        fprintf(out, "      %s%c %s%s\n", color ? col : "", m, c->lines[i] + 1,
                color && *col ? RESET : "");
    }
}

static void print_change(Arena *a, FILE *out, const DiffChange *c, bool color)
{
    fprintf(out, "  %s%s %s", color ? OP_COLOR[c->op] : "", OP_MARK[c->op], c->path);
    if (c->op == DIFF_CHANGED && c->lines)
        fputc(':', out);
    else if (c->op == DIFF_CHANGED)
        fprintf(out, ": %s -> %s", show(a, c->old, c->sensitive), show(a, c->new, c->sensitive));
    else
        fprintf(out, ": %s", show(a, c->old ? c->old : c->new, c->sensitive));
    fprintf(out, "%s\n", color ? RESET : "");
    if (c->lines)
        print_lines(out, c, color);
}

static const char *plural(uint32_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void print_summary(FILE *out, const DiffReport *r)
{
    uint32_t changes = 0, changed = 0;
    const DiffResult *outputs = NULL;
    for (uint32_t i = 0; i < r->count; i++) {
        if (r->items[i].outputs) {
            outputs = &r->items[i];
            continue;
        }
        changes += r->items[i].changes.count;
        changed += r->items[i].changes.count > 0;
    }
    fprintf(out, "%u task %s compared, ", r->tasks_compared,
            plural(r->tasks_compared, "definition", "definitions"));
    if (changes)
        fprintf(out, "%u %s in %u", changes, plural(changes, "change", "changes"), changed);
    else
        fputs("no changes", out);
    if (outputs && outputs->changes.count)
        fprintf(out, "; outputs: %u %s", outputs->changes.count,
                plural(outputs->changes.count, "change", "changes"));
    else if (outputs)
        fputs("; outputs: no changes", out);
    fputc('\n', out);
}

void diff_render_text(Arena *a, FILE *out, const DiffReport *r, bool color)
{
    for (uint32_t i = 0; i < r->count; i++) {
        const DiffResult *res = &r->items[i];
        if (res->changes.count == 0)
            continue;
        const DiffChange *whole = res->changes.items;
        if (!*whole->path) { // a task definition on one side only
            const char *family = whole->op == DIFF_ADDED ? res->new_family : res->old_family;
            fprintf(out, "%s%s task definition \"%s\"", color ? OP_COLOR[whole->op] : "",
                    OP_MARK[whole->op], res->name);
            if (family)
                fprintf(out, " (family \"%s\")", family);
            fprintf(out, "%s\n\n", color ? RESET : "");
            continue;
        }
        if (res->outputs)
            fprintf(out, "%soutputs%s\n", color ? BOLD : "", color ? RESET : "");
        else
            fprintf(out, "%stask definition \"%s\"%s\n", color ? BOLD : "", res->name,
                    color ? RESET : "");
        for (uint32_t k = 0; k < res->changes.count; k++)
            print_change(a, out, &res->changes.items[k], color);
        fputc('\n', out);
    }
    print_summary(out, r);
}

// --- JSON ---------------------------------------------------------------------

static void put(Arena *a, Value *obj, const char *key, Value *v)
{
    value_object_put_ref(a, obj, key, strlen(key), v);
}

static Value *str_or_null(Arena *a, const char *s)
{
    return s ? value_cstring(a, span_none(), s) : value_null(a, span_none());
}

static Value *change_value(Arena *a, const DiffChange *c)
{
    Value *o = value_object_new(a, span_none(), 6);
    put(a, o, "op", value_cstring(a, span_none(), OP_NAME[c->op]));
    put(a, o, "path", value_cstring(a, span_none(), c->path));
    if (c->sensitive)
        put(a, o, "sensitive", value_bool(a, span_none(), true));
    if (c->old && !c->sensitive)
        put(a, o, "old", c->old);
    if (c->new && !c->sensitive)
        put(a, o, "new", c->new);
    if (c->lines) {
        Value *l = value_list_new(a, span_none(), c->nlines);
        for (uint32_t i = 0; i < c->nlines; i++)
            l->as.list.items[i] = value_cstring(a, span_none(), c->lines[i]);
        put(a, o, "lines", l);
    }
    return o;
}

static Value *result_value(Arena *a, const DiffResult *r)
{
    Value *o = value_object_new(a, span_none(), 4);
    if (!r->outputs) {
        put(a, o, "name", value_cstring(a, span_none(), r->name));
        put(a, o, "oldFamily", str_or_null(a, r->old_family));
        put(a, o, "newFamily", str_or_null(a, r->new_family));
    }
    Value *l = value_list_new(a, span_none(), r->changes.count);
    for (uint32_t i = 0; i < r->changes.count; i++)
        l->as.list.items[i] = change_value(a, &r->changes.items[i]);
    put(a, o, "changes", l);
    return o;
}

static Value *summary_value(Arena *a, const DiffReport *r)
{
    uint32_t changed = 0;
    for (uint32_t i = 0; i < r->count; i++)
        changed += !r->items[i].outputs && r->items[i].changes.count > 0;
    Value *s = value_object_new(a, span_none(), 3);
    put(a, s, "taskDefinitionsCompared", value_number(a, span_none(), r->tasks_compared));
    put(a, s, "taskDefinitionsChanged", value_number(a, span_none(), changed));
    put(a, s, "changes", value_number(a, span_none(), diff_count(r)));
    return s;
}

bool diff_render_json(Arena *a, FILE *out, const DiffReport *r)
{
    Value *root = value_object_new(a, span_none(), 4);
    uint32_t ntasks = r->count;
    const DiffResult *outputs = NULL;
    if (r->count && r->items[r->count - 1].outputs) {
        outputs = &r->items[r->count - 1];
        ntasks--;
    }
    Value *tasks = value_list_new(a, span_none(), ntasks);
    for (uint32_t i = 0; i < ntasks; i++)
        tasks->as.list.items[i] = result_value(a, &r->items[i]);
    put(a, root, "same", value_bool(a, span_none(), diff_count(r) == 0));
    put(a, root, "taskDefinitions", tasks);
    if (outputs)
        put(a, root, "outputs", result_value(a, outputs));
    put(a, root, "summary", summary_value(a, r));
    size_t len;
    char *text = emit_json(a, root, EMIT_JSON_PRETTY, &len);
    if (!text)
        return false;
    fwrite(text, 1, len, out);
    return true;
}
