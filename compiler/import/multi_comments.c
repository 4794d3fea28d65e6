// multi_comments.c - the comments of several files of one task definition
// (a multi-environment import) as one list for the first file, which the
// writer reads as it reads a single file's: a comment of another file goes
// before the member of the first file that matches the member it annotates
// (walked together: objects by key, list items by their name or port or
// path, else by position); a comment present in several files goes once.
#include "import/import_impl.h"

#include <string.h>

typedef struct Pair {
    uint32_t at, to; // a value's offset in the other file, its match's in the first
} Pair;

typedef struct Pairs {
    Pair *items;
    uint32_t count, cap;
} Pairs;

// The value that identifies list item `v`, or NULL.
static const Value *item_id(const Value *v)
{
    static const char *const keys[] = {
        "name",          "containerPort",     "containerPath", "sourceVolume",
        "containerName", "sourceContainer",   "hostname",      "key",
        "namespace",     "containerPortRange"};
    for (size_t i = 0; v->kind == VAL_OBJECT && i < sizeof keys / sizeof keys[0]; i++) {
        const Value *k = value_object_get(v, keys[i], strlen(keys[i]));
        if (k && (k->kind == VAL_STRING || k->kind == VAL_NUMBER))
            return k;
    }
    return NULL;
}

// The item of `list` that matches item `j` of `other`, or NULL.
static const Value *match_item(const Value *list, const Value *other, uint32_t j)
{
    const Value *id = item_id(other->as.list.items[j]);
    for (uint32_t i = 0; id && i < list->as.list.count; i++) {
        const Value *k = item_id(list->as.list.items[i]);
        if (k && value_equal(k, id))
            return list->as.list.items[i];
    }
    if (!id && list->as.list.count == other->as.list.count)
        return list->as.list.items[j];
    return NULL;
}

// Records the values of `v` (file `file`) with their matches in `first`.
static void walk(Arena *a, Pairs *p, const Value *v, const Value *first, uint32_t file,
                 uint32_t first_file)
{
    if (!v || !first || v->origin.file != file || first->origin.file != first_file)
        return;
    BUF_RESERVE(a, p->items, p->count, p->cap);
    p->items[p->count++] = (Pair){v->origin.start, first->origin.start};
    if (v->kind == VAL_OBJECT && first->kind == VAL_OBJECT)
        for (uint32_t i = 0; i < v->as.object.count; i++) {
            const ValueStr *k = &v->as.object.keys[i];
            walk(a, p, v->as.object.vals[i], value_object_get(first, k->ptr, k->len), file,
                 first_file);
        }
    if (v->kind == VAL_LIST && first->kind == VAL_LIST)
        for (uint32_t j = 0; j < v->as.list.count; j++)
            walk(a, p, v->as.list.items[j], match_item(first, v, j), file, first_file);
}

// The offset in the first file before which the comment ending at `end`
// goes: that of the match of the first value after it; UINT32_MAX at the end.
static uint32_t place(const Pairs *p, uint32_t end)
{
    uint32_t best = UINT32_MAX, to = UINT32_MAX;
    for (uint32_t i = 0; i < p->count; i++)
        if (p->items[i].at >= end && p->items[i].at < best) {
            best = p->items[i].at;
            to = p->items[i].to;
        }
    return to;
}

static const char *text_of(Arena *a, const JsonText *j, const JsonComment *c)
{
    return c->text ? c->text : arena_strndup(a, j->orig + c->start, c->end - c->start);
}

static bool known(Arena *a, const JsonText *pool, const char *text)
{
    for (uint32_t i = 0; i < pool->ncomments; i++)
        if (strcmp(text_of(a, pool, &pool->comments[i]), text) == 0)
            return true;
    return false;
}

static void add(Arena *a, JsonText *pool, JsonComment c)
{
    BUF_RESERVE(a, pool->comments, pool->ncomments, pool->cap);
    uint32_t i = pool->ncomments++;
    while (i > 0 && pool->comments[i - 1].start > c.start) { // in order, the first's first
        pool->comments[i] = pool->comments[i - 1];
        i--;
    }
    pool->comments[i] = c;
}

JsonText *multi_comments(Arena *a, const uint32_t *files, const JsonText **jsons, Value **tds,
                         uint32_t n)
{
    if (!jsons[0])
        return NULL;
    JsonText *pool = arena_alloc(a, sizeof *pool);
    *pool = *jsons[0];
    pool->comments = NULL;
    pool->ncomments = pool->cap = 0;
    for (uint32_t k = 0; k < jsons[0]->ncomments; k++)
        add(a, pool, jsons[0]->comments[k]);
    for (uint32_t i = 1; i < n; i++) {
        if (!jsons[i] || !jsons[i]->ncomments)
            continue;
        Pairs p = {0};
        walk(a, &p, tds[i], tds[0], files[i], files[0]);
        for (uint32_t k = 0; k < jsons[i]->ncomments; k++) {
            JsonComment *c = &jsons[i]->comments[k];
            const char *text = text_of(a, jsons[i], c);
            if (known(a, pool, text)) {
                c->used = true; // written once, from the file that has it first
                continue;
            }
            uint32_t to = place(&p, c->end);
            to = to == UINT32_MAX ? pool->len : to > 0 ? to - 1 : 0;
            add(a, pool, (JsonComment){to, to, c->own_line, false, text, c});
        }
    }
    return pool;
}
