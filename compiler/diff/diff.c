// diff.c - the changes between two values, one DiffChange per path where
// they differ. Objects are compared member by member, lists of scalars as a
// whole (a command line reads best whole), other lists item by item;
// (unless an item is sensitive or a changed multi-line string); strings that both hold
// JSON are compared by structure, multi-line strings by line (a longest
// common subsequence of their lines).
#include "diff/diff.h"

#include <string.h>

#include "decode/decode.h"
#include "emit/emit.h"

// Longer line diffs fall back to "all old lines removed, all new added":
// the table of the longest common subsequence has (n+1)*(m+1) cells.
#define LINE_TABLE_MAX 4000000u
// Embedded JSON is read to at most this depth of strings in strings.
#define EMBED_DEPTH 4

void diff_init(DiffList *d, Arena *a, SourceSet *src)
{
    d->arena = a;
    d->src = src;
    d->items = NULL;
    d->count = d->cap = 0;
}

static DiffChange *add(DiffList *d, DiffOp op, const char *path, Value *old, Value *new)
{
    if (d->count == d->cap) {
        uint32_t cap = d->cap ? d->cap * 2 : 16;
        DiffChange *items = arena_alloc(d->arena, cap * sizeof(DiffChange));
        if (d->count)
            memcpy(items, d->items, d->count * sizeof(DiffChange));
        d->items = items;
        d->cap = cap;
    }
    DiffChange *c = &d->items[d->count++];
    *c = (DiffChange){op, path, old, new, false, NULL, 0};
    c->sensitive = (old && value_is_sensitive(old)) || (new &&value_is_sensitive(new));
    return c;
}

static bool is_identifier(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

// PATH.key, or PATH["key"] for a keyed list, a map key or a key that is
// no identifier (quoted as JSON quotes it); PATH[(sensitive key)] for a key of
// a sensitive object (its keys are part of the secret).
static const char *member_path(Arena *a, const char *path, const ValueStr *key, bool map,
                               bool secret)
{
    if (secret)
        return arena_printf(a, "%s[(sensitive key)]", path);
    if (!map && is_identifier(key->ptr))
        return arena_printf(a, "%s%s%s", path, *path ? "." : "", key->ptr);
    Value *k = value_string_ref(a, span_none(), key->ptr, key->len);
    const char *q = emit_json(a, k, EMIT_JSON_COMPACT, NULL);
    return arena_printf(a, "%s[%s]", path, q ? q : "?");
}

static void diff_at(DiffList *d, const char *path, Value *old, Value *new, int depth);

static void diff_objects(DiffList *d, const char *path, Value *old, Value *new, int depth)
{
    bool map = (old->flags | new->flags) & VALF_MAP;
    bool old_secret = old->flags & VALF_SENSITIVE, new_secret = new->flags &VALF_SENSITIVE;
    for (uint32_t i = 0; i < old->as.object.count; i++) {
        const ValueStr *k = &old->as.object.keys[i];
        Value *nv = value_object_get(new, k->ptr, k->len);
        bool secret = old_secret || (nv && new_secret);
        diff_at(d, member_path(d->arena, path, k, map, secret), old->as.object.vals[i], nv, depth);
    }
    for (uint32_t i = 0; i < new->as.object.count; i++) {
        const ValueStr *k = &new->as.object.keys[i];
        if (!value_object_get(old, k->ptr, k->len))
            diff_at(d, member_path(d->arena, path, k, map, new_secret), NULL,
                    new->as.object.vals[i], depth);
    }
}

static bool all_scalars(const Value *list)
{
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        ValueKind k = list->as.list.items[i]->kind;
        if (k == VAL_LIST || k == VAL_OBJECT)
            return false;
    }
    return true;
}

// True when lists `old` and `new` of scalars read best item by item: they
// have the same length and hold a sensitive item (shown whole, the list
// would be all "(sensitive)") or differ in a multi-line string (a line
// diff of that item).
static bool itemwise(const Value *old, const Value *new)
{
    if (old->as.list.count != new->as.list.count)
        return false;
    for (uint32_t i = 0; i < old->as.list.count; i++) {
        const Value *x = old->as.list.items[i], *y = new->as.list.items[i];
        if (value_is_sensitive(x) || value_is_sensitive(y))
            return true;
        if (x->kind == VAL_STRING && y->kind == VAL_STRING && !value_equal(x, y) &&
            (strchr(x->as.str.ptr, '\n') || strchr(y->as.str.ptr, '\n')))
            return true;
    }
    return false;
}

static void diff_lists(DiffList *d, const char *path, Value *old, Value *new, int depth)
{
    if (all_scalars(old) && all_scalars(new) && !itemwise(old, new)) {
        add(d, DIFF_CHANGED, path, old, new);
        return;
    }
    uint32_t n = old->as.list.count > new->as.list.count ? old->as.list.count : new->as.list.count;
    for (uint32_t i = 0; i < n; i++)
        diff_at(d, arena_printf(d->arena, "%s[%u]", path, i),
                i < old->as.list.count ? old->as.list.items[i] : NULL,
                i < new->as.list.count ? new->as.list.items[i] : NULL, depth);
}

// The value of a string that holds a JSON object or array, or NULL.
static Value *embedded_json(DiffList *d, const Value *s)
{
    const char *p = s->as.str.ptr;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p != '{' && *p != '[')
        return NULL;
    uint32_t file = source_add(d->src, "<embedded JSON>", s->as.str.ptr, s->as.str.len);
    Diags scratch;
    diags_init(&scratch, d->arena);
    return decode_json_file(d->arena, d->src, file, &scratch);
}

// The lines of `s` (without their '\n').
static const char **split_lines(Arena *a, const ValueStr *s, uint32_t *n)
{
    uint32_t count = 1;
    for (uint32_t i = 0; i < s->len; i++)
        count += s->ptr[i] == '\n';
    const char **lines = arena_alloc(a, count * sizeof(char *));
    const char *start = s->ptr;
    *n = 0;
    for (uint32_t i = 0; i <= s->len; i++)
        if (i == s->len || s->ptr[i] == '\n') {
            lines[(*n)++] = arena_strndup(a, start, (size_t)(s->ptr + i - start));
            start = s->ptr + i + 1;
        }
    return lines;
}

// The line diff of `o` (n lines) and `w` (m lines) as "-", "+" and " "
// lines, from a longest common subsequence table.
static const char **line_diff(Arena *a, const char **o, uint32_t n, const char **w, uint32_t m,
                              uint32_t *count)
{
    const char **out = arena_alloc(a, ((size_t)n + m + 1) * sizeof(char *));
    *count = 0;
    if ((uint64_t)(n + 1) * (m + 1) > LINE_TABLE_MAX) {
        for (uint32_t i = 0; i < n; i++)
            out[(*count)++] = arena_printf(a, "-%s", o[i]);
        for (uint32_t j = 0; j < m; j++)
            out[(*count)++] = arena_printf(a, "+%s", w[j]);
        return out;
    }
    uint32_t *t = arena_alloc(a, (size_t)(n + 1) * (m + 1) * sizeof(uint32_t));
    for (uint32_t i = n + 1; i-- > 0;)
        for (uint32_t j = m + 1; j-- > 0;) {
            uint32_t *c = &t[(size_t)i * (m + 1) + j];
            if (i == n || j == m)
                *c = 0;
            else if (strcmp(o[i], w[j]) == 0)
                *c = t[(size_t)(i + 1) * (m + 1) + j + 1] + 1;
            else {
                uint32_t down = t[(size_t)(i + 1) * (m + 1) + j], right = c[1];
                *c = down > right ? down : right;
            }
        }
    uint32_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && strcmp(o[i], w[j]) == 0) {
            out[(*count)++] = arena_printf(a, " %s", o[i]);
            i++, j++;
        } else if (i < n &&
                   (j == m || t[(size_t)(i + 1) * (m + 1) + j] >= t[(size_t)i * (m + 1) + j + 1])) {
            out[(*count)++] = arena_printf(a, "-%s", o[i++]);
        } else {
            out[(*count)++] = arena_printf(a, "+%s", w[j++]);
        }
    }
    return out;
}

static void diff_strings(DiffList *d, const char *path, Value *old, Value *new, int depth)
{
    DiffChange *c = NULL;
    bool secret = value_is_sensitive(old) || value_is_sensitive(new);
    Value *oj = !secret && depth < EMBED_DEPTH ? embedded_json(d, old) : NULL;
    Value *nj = oj ? embedded_json(d, new) : NULL;
    if (oj && nj) {
        diff_at(d, arena_printf(d->arena, "%s<json>", path), oj, nj, depth + 1);
        return;
    }
    c = add(d, DIFF_CHANGED, path, old, new);
    if (secret || (!strchr(old->as.str.ptr, '\n') && !strchr(new->as.str.ptr, '\n')))
        return;
    uint32_t n, m;
    const char **o = split_lines(d->arena, &old->as.str, &n);
    const char **w = split_lines(d->arena, &new->as.str, &m);
    c->lines = line_diff(d->arena, o, n, w, m, &c->nlines);
}

static void diff_at(DiffList *d, const char *path, Value *old, Value *new, int depth)
{
    if (!old && !new)
        return;
    if (!old || !new) {
        add(d, old ? DIFF_REMOVED : DIFF_ADDED, path, old, new);
        return;
    }
    if (value_equal(old, new))
        return;
    if (old->kind == VAL_OBJECT && new->kind == VAL_OBJECT &&
        !((old->flags | new->flags) & VALF_INTRINSIC))
        diff_objects(d, path, old, new, depth);
    else if (old->kind == VAL_LIST && new->kind == VAL_LIST)
        diff_lists(d, path, old, new, depth);
    else if (old->kind == VAL_STRING && new->kind == VAL_STRING)
        diff_strings(d, path, old, new, depth);
    else
        add(d, DIFF_CHANGED, path, old, new);
}

void diff_values(DiffList *d, const char *path, Value *old, Value *new)
{
    diff_at(d, path, old, new, 0);
}
