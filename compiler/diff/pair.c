// pair.c - which task definition of one side is compared with which of the
// other: the only one of each side with each other; a file's lone task
// definition with the other side's of the same family (the rest of a
// project is not what the file is about); otherwise by name (block label,
// logical id), then by family. A task definition left without a partner
// is reported added or removed as a whole. Each pair is
// compared in the comparison form (ecs_normalize), and the outputs of two
// projects member by member.
#include "diff/diff.h"

#include <string.h>

#include "ecs/ecs.h"

static const char *family(const DiffTask *t)
{
    Value *f = t && t->value->kind == VAL_OBJECT ? value_object_get(t->value, "family", 6) : NULL;
    return f && f->kind == VAL_STRING ? f->as.str.ptr : NULL;
}

// The name a pair is shown under: a name, else a family, of either side.
static const char *pair_name(const DiffTask *o, const DiffTask *n)
{
    const DiffTask *t[] = {o, n};
    for (int i = 0; i < 2; i++)
        if (t[i] && t[i]->name)
            return t[i]->name;
    for (int i = 0; i < 2; i++)
        if (t[i] && family(t[i]))
            return family(t[i]);
    return "containerDefinitions";
}

// Only the containers of `t`: its partner is a container-definitions array.
static Value *containers_of(Arena *a, const DiffTask *t)
{
    Value *cs = t->value->kind == VAL_OBJECT
                    ? value_object_get(t->value, "containerDefinitions", 20)
                    : NULL;
    Value *only = value_object_new(a, t->value->origin, 1);
    if (cs)
        value_object_put(a, only, "containerDefinitions", 20, cs);
    return only;
}

static bool same(const char *x, const char *y)
{
    return x && y && strcmp(x, y) == 0;
}

static DiffResult *new_result(Arena *a, SourceSet *src, DiffReport *out, const char *name)
{
    DiffResult *r = &out->items[out->count++];
    memset(r, 0, sizeof *r);
    r->name = name;
    diff_init(&r->changes, a, src);
    return r;
}

// `t` without member `name`.
static Value *without(Arena *a, Value *t, const char *name)
{
    if (t->kind != VAL_OBJECT || !value_object_get(t, name, strlen(name)))
        return t;
    Value *c = value_object_new(a, t->origin, t->as.object.count);
    for (uint32_t i = 0; i < t->as.object.count; i++)
        if (strcmp(t->as.object.keys[i].ptr, name) != 0)
            value_object_put_ref(a, c, t->as.object.keys[i].ptr, t->as.object.keys[i].len,
                                 t->as.object.vals[i]);
    return c;
}

// The comparison form of `t` for comparing with `other`.
static Value *form(Arena *a, Diags *diags, const DiffTask *t, const DiffTask *other)
{
    if (t->containers_only || other->containers_only)
        return ecs_normalize(a, containers_of(a, t));
    if (!t->tags_unknown && !other->tags_unknown)
        return ecs_normalize(a, t->value);
    if (t->tags_unknown) {
        Diag *g = diag_warning(diags, E_DIFF_TAGS_UNKNOWN, t->value->origin,
                               "tags not compared: this describe-task-definition output "
                               "does not show them");
        diag_help(diags, g,
                  "run describe-task-definition with --include TAGS, and without "
                  "--query taskDefinition, to compare the tags too");
    }
    return ecs_normalize(a, without(a, t->value, "tags"));
}

static void compare(Arena *a, SourceSet *src, Diags *diags, DiffReport *out, const DiffTask *o,
                    const DiffTask *n)
{
    DiffResult *r = new_result(a, src, out, pair_name(o, n));
    r->old_family = o ? family(o) : NULL;
    r->new_family = n ? family(n) : NULL;
    out->tasks_compared++;
    if (o && n)
        diff_values(&r->changes, "", form(a, diags, o, n), form(a, diags, n, o));
    else
        diff_values(&r->changes, "", o ? o->value : NULL, n ? n->value : NULL);
}

// The partner of old task `o` among the new ones not taken yet, or -1.
static int64_t partner(const DiffTask *o, const DiffSide *new, const bool *taken)
{
    for (uint32_t j = 0; j < new->ntasks; j++)
        if (!taken[j] && same(o->name, new->tasks[j].name))
            return j;
    for (uint32_t j = 0; j < new->ntasks; j++)
        if (!taken[j] && same(family(o), family(&new->tasks[j])))
            return j;
    return -1;
}

static void warn_families(Diags *diags, const DiffSide *old, const DiffSide *new)
{
    const char *fo = family(&old->tasks[0]), *fn = family(&new->tasks[0]);
    if (!fo || !fn || strcmp(fo, fn) == 0 || same(old->tasks[0].name, new->tasks[0].name))
        return; // one task_definition block in two workspaces: families may differ

    Diag *g = diag_warning(diags, E_DIFF_FAMILIES, span_none(),
                           "comparing task definitions of two families, \"%s\" and \"%s\"", fo, fn);
    diag_note(diags, g, "\"%s\" is from %s, \"%s\" from %s", fo, old->label, fn, new->label);
}

// The task of `many` with the family of `one`, a lone task definition
// without a name (a file: a request or describe output), or NULL.
static const DiffTask *by_family(const DiffSide *one, const DiffSide *many)
{
    if (one->ntasks != 1 || one->tasks[0].name || many->ntasks < 2)
        return NULL;
    for (uint32_t j = 0; j < many->ntasks; j++)
        if (same(family(&one->tasks[0]), family(&many->tasks[j])))
            return &many->tasks[j];
    return NULL;
}

// One file's task definition against the project's task definition of the
// same family: the project's others are not what the file is about.
static bool compare_one(Arena *a, SourceSet *src, Diags *diags, const DiffSide *old,
                        const DiffSide *new, DiffReport *out)
{
    const DiffTask *n = by_family(old, new), *o = by_family(new, old);
    if (n)
        compare(a, src, diags, out, &old->tasks[0], n);
    else if (o)
        compare(a, src, diags, out, o, &new->tasks[0]);
    return n || o;
}

void diff_sides(Arena *a, SourceSet *src, Diags *diags, const DiffSide *old, const DiffSide *new,
                DiffReport *out)
{
    out->items = arena_alloc(a, ((size_t)old->ntasks + new->ntasks + 2) * sizeof(DiffResult));
    out->count = out->tasks_compared = 0;
    bool *taken = arena_alloc(a, (size_t) new->ntasks + 1);
    memset(taken, 0, (size_t) new->ntasks + 1);
    if (compare_one(a, src, diags, old, new, out)) {
        memset(taken, 1, (size_t) new->ntasks);
    } else if (old->ntasks == 1 && new->ntasks == 1) {
        warn_families(diags, old, new);
        compare(a, src, diags, out, &old->tasks[0], &new->tasks[0]);
        taken[0] = true;
    } else {
        for (uint32_t i = 0; i < old->ntasks; i++) {
            int64_t j = partner(&old->tasks[i], new, taken);
            if (j >= 0)
                taken[j] = true;
            compare(a, src, diags, out, &old->tasks[i], j >= 0 ? &new->tasks[j] : NULL);
        }
    }
    for (uint32_t j = 0; j < new->ntasks; j++)
        if (!taken[j])
            compare(a, src, diags, out, NULL, &new->tasks[j]);
    if (old->outputs && new->outputs) {
        DiffResult *r = new_result(a, src, out, "outputs");
        r->outputs = true;
        diff_values(&r->changes, "", old->outputs, new->outputs);
    }
}

uint32_t diff_count(const DiffReport *r)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->count; i++)
        n += r->items[i].changes.count;
    return n;
}
