// multi_items.c - in a multi-environment import, the items of keyed lists
// present in some workspaces only (a sidecar, an environment variable of
// one environment, a port more): the lists are merged in one order that
// keeps each file's, and written in the attribute form, the items present
// everywhere as they are and the others behind a bool variable true where
// they are ("var.in_prod ? [...] : []"), joined by concat() or merge().
#include "import/multi_impl.h"

#include <string.h>

// The position of key `k` among `keys`, or -1.
static int64_t key_at(Value **keys, uint32_t n, const Value *k)
{
    for (uint32_t i = 0; i < n; i++)
        if (value_equal(keys[i], k))
            return i;
    return -1;
}

// The keys of every set (`sets[i]` holds `lens[i]` keys) in one order that
// keeps the order of each: the first set's, then each key another set adds
// inserted after the key it follows there. False when two sets order the
// keys they share differently, or a set repeats a key.
static bool merged_order(Multi *M, Value ***sets, const uint32_t *lens, Value ***out,
                         uint32_t *count)
{
    uint32_t total = 0, n = 0;
    for (uint32_t i = 0; i < M->n; i++)
        total += lens[i];
    Value **keys = arena_alloc(M->im->a, ((size_t)total + 1) * sizeof(Value *));
    for (uint32_t i = 0; i < M->n; i++) {
        int64_t last = -1;
        for (uint32_t j = 0; j < lens[i]; j++) {
            Value *k = sets[i][j];
            if (key_at(sets[i], j, k) >= 0)
                return false;
            int64_t at = key_at(keys, n, k);
            if (at >= 0 && at <= last)
                return false;
            if (at < 0) {
                at = last + 1;
                memmove(keys + at + 1, keys + at, (n - (size_t)at) * sizeof(Value *));
                keys[at] = k;
                n++;
            }
            last = at;
        }
    }
    *out = keys;
    *count = n;
    return true;
}

bool multi_merged_keys(Multi *M, Value **vals, const char *key, Value ***out, uint32_t *count)
{
    Value ***sets = arena_alloc(M->im->a, M->n * sizeof(Value **));
    uint32_t *lens = arena_alloc(M->im->a, M->n * sizeof(uint32_t));
    for (uint32_t i = 0; i < M->n; i++) {
        if (vals[i]->kind != VAL_LIST)
            return false;
        lens[i] = vals[i]->as.list.count;
        sets[i] = arena_alloc(M->im->a, ((size_t)lens[i] + 1) * sizeof(Value *));
        for (uint32_t j = 0; j < lens[i]; j++)
            if (!(sets[i][j] = multi_key_of(vals[i]->as.list.items[j], key)))
                return false;
    }
    return merged_order(M, sets, lens, out, count);
}

// The item of list `v` whose key is `k`, or NULL.
static Value *item_with(const Value *v, const char *key, const Value *k)
{
    for (uint32_t j = 0; j < v->as.list.count; j++) {
        Value *x = multi_key_of(v->as.list.items[j], key);
        if (x && value_equal(x, k))
            return v->as.list.items[j];
    }
    return NULL;
}

// True when every item of every list is a {KEY: string, VALUE: string}
// pair, which the source writes as a map.
static bool pairs_shaped(const Multi *M, Value **vals, const SchemaMember *m)
{
    if (!m->map_key || !m->map_value)
        return false;
    for (uint32_t i = 0; i < M->n; i++)
        for (uint32_t j = 0; j < vals[i]->as.list.count; j++) {
            const Value *e = vals[i]->as.list.items[j];
            if (e->kind != VAL_OBJECT)
                return false;
            const Value *k = value_object_get(e, m->map_key, strlen(m->map_key));
            const Value *v = value_object_get(e, m->map_value, strlen(m->map_value));
            if (e->as.object.count != 2 || !k || !v || k->kind != VAL_STRING ||
                v->kind != VAL_STRING)
                return false;
        }
    return true;
}

// `v` for type `t` as the source writes it in an attribute: members in
// snake_case, name/value lists as maps. Unknown members are left out with
// a warning, as in a block.
static Value *source_value(Multi *M, Value *v, const SchemaType *t)
{
    Arena *a = M->im->a;
    if (!t || hcl_is_ref(M->im, v))
        return v;
    if (t->kind == SK_LIST && v->kind == VAL_LIST) {
        Value *out = value_list_new(a, v->origin, v->as.list.count);
        for (uint32_t j = 0; j < v->as.list.count; j++)
            out->as.list.items[j] = source_value(M, v->as.list.items[j], t->elem);
        return out;
    }
    if (t->kind != SK_STRUCT || v->kind != VAL_OBJECT)
        return v;
    Value *out = value_object_new(a, v->origin, v->as.object.count);
    for (uint32_t j = 0; j < v->as.object.count; j++) {
        const char *k = v->as.object.keys[j].ptr;
        Value *mv = v->as.object.vals[j];
        const SchemaMember *m = schema_find(t->shape, k);
        if (!m || strcmp(m->api, k) != 0) {
            diag_warning(M->im->diags, E_IMPORT_LEFT_OUT, mv->origin,
                         "unknown member \"%s\" of %s left out", k, t->shape->name);
            continue;
        }
        value_object_put(a, out, m->snake, strlen(m->snake), multi_member_value(M, m, mv));
    }
    return out;
}

// The value of member `m` as the source writes it: a name/value list as a
// map, else as source_value gives it.
Value *multi_member_value(Multi *M, const SchemaMember *m, Value *v)
{
    Value *one[1] = {v};
    Multi single = {.im = M->im, .n = 1};
    if (hcl_is_ref(M->im, v) || v->kind != VAL_LIST || !v->as.list.count ||
        !pairs_shaped(&single, one, m))
        return source_value(M, v, &m->type);
    Value *map = value_object_new(M->im->a, v->origin, v->as.list.count);
    for (uint32_t l = 0; l < v->as.list.count; l++) {
        const Value *e = v->as.list.items[l];
        const Value *key = value_object_get(e, m->map_key, strlen(m->map_key));
        value_object_put(M->im->a, map, key->as.str.ptr, key->as.str.len,
                         value_object_get(e, m->map_value, strlen(m->map_value)));
    }
    return map;
}

// What an item is, for a gate's description: "container sidecar",
// "container web: port_mapping 9090".
static const char *item_what(Multi *M, const SchemaMember *m, Where w, const Value *key)
{
    Arena *a = M->im->a;
    const char *k = multi_key_text(a, key);
    if (multi_is_containers(m))
        return arena_printf(a, "container %s", k);
    const char *what = arena_printf(a, "%s %s", m->block ? m->block : m->snake, k);
    return w.prefix ? arena_printf(a, "container %s: %s", w.prefix, what) : what;
}

// The gate of what is present in the workspaces `present` marks: a bool
// variable, true where it is, named after those workspaces ("in_prod"),
// `what` noted in its description.
static Var *gate_for(Multi *M, const bool *present, const char *what)
{
    Arena *a = M->im->a;
    Value **vals = arena_alloc(a, M->n * sizeof(Value *));
    StrBuf name;
    buf_init(&name, a, 0);
    buf_puts(&name, "in");
    for (uint32_t i = 0; i < M->n; i++) {
        vals[i] = value_bool(a, span_none(), present[i]);
        if (present[i])
            buf_puts(&name, arena_printf(a, "_%s", M->ws[i]));
    }
    return multi_var_at(M, vals, name.ptr, NULL, what, true);
}

// Where the comments before `item` start: the end of the item before it
// in its list (one of `lists`), or the list's start.
static uint32_t comments_from(Value **lists, uint32_t n, const Value *item)
{
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = 0;
             lists[i]->origin.file == item->origin.file && j < lists[i]->as.list.count; j++)
            if (lists[i]->as.list.items[j]->origin.start == item->origin.start)
                return j ? lists[i]->as.list.items[j - 1]->origin.end : lists[i]->origin.start;
    return item->origin.start;
}

// `v` as hcl_value writes it, with the comments of its file that belong to
// it (from offset `from` on).
static const char *value_text(Multi *M, Value *v, uint32_t from)
{
    for (uint32_t i = 0; M->files && i < M->n; i++)
        if (v->origin.file == M->files[i])
            return hcl_value_inside(M->im, v, M->files[i], M->jsons[i], from);
    return hcl_value_inside(M->im, v, SPAN_NO_FILE, NULL, from);
}

// The line K = V of a name/value item, below the comments inside the item.
static const char *pair_text(Multi *M, const SchemaMember *m, Value *item, uint32_t from)
{
    Arena *a = M->im->a;
    const Value *k = value_object_get(item, m->map_key, strlen(m->map_key));
    const Value *v = value_object_get(item, m->map_value, strlen(m->map_value));
    Value *shown = multi_ref(M, hcl_value_inside(M->im, v, SPAN_NO_FILE, NULL, 0));
    shown->origin = (Span){item->origin.file, item->origin.end, item->origin.end};
    Value *one = value_object_new(a, item->origin, 1);
    value_object_put(a, one, k->as.str.ptr, k->as.str.len, shown);
    const char *text = value_text(M, one, from); // "{\n...\n}": the lines between the braces
    return arena_strndup(a, text + 2, strlen(text) - 3);
}

// One run of items of a gated list: the items' text between brackets,
// behind its gate's condition when it has one.
typedef struct Run {
    StrBuf text;
    const Var *gate;
    bool open;
} Run;

static void run_close(Multi *M, Run *r, StrBuf *out, bool pairs, uint32_t *runs)
{
    if (!r->open)
        return;
    const char *items = pairs ? arena_printf(M->im->a, "{\n%s}", r->text.ptr)
                              : arena_printf(M->im->a, "[\n%s]", r->text.ptr);
    buf_puts(out, *runs ? ", " : "");
    if (r->gate)
        buf_puts(out, arena_printf(M->im->a, "var.%s ? %s : %s", r->gate->name, items,
                                   pairs ? "{}" : "[]"));
    else
        buf_puts(out, items);
    (*runs)++;
    r->open = false;
}

// A list whose items differ in number between the workspaces: merge() of
// maps (a name/value list) or concat() of lists, in the merged order of the
// keys; runs of items present everywhere as they are, the others behind
// the bool variable of the workspaces that have them ("var.in_prod ?
// [...] : []").
Value *multi_merge_gated(Multi *M, Value **vals, const SchemaMember *m, Where w, Value **keys,
                         uint32_t nkeys)
{
    Importer *im = M->im;
    Arena *a = im->a;
    const char *key = multi_item_key(m);
    bool pairs = pairs_shaped(M, vals, m);
    StrBuf out;
    buf_init(&out, a, 0);
    buf_puts(&out, "");
    Run r = {.open = false};
    uint32_t runs = 0;
    for (uint32_t j = 0; j < nkeys; j++) {
        Value **items = arena_alloc(a, M->n * sizeof(Value *));
        bool *present = arena_alloc(a, M->n * sizeof(bool));
        Value *first = NULL;
        bool all = true;
        for (uint32_t i = 0; i < M->n; i++) {
            items[i] = item_with(vals[i], key, keys[j]);
            present[i] = items[i] != NULL;
            all = all && present[i];
            first = first ? first : items[i];
        }
        for (uint32_t i = 0; i < M->n; i++) // absent: as where present, unused behind the gate
            items[i] = items[i] ? items[i] : first;
        Where iw = multi_item_where(M, m, w, keys[j]);
        Value *item = multi_merge(M, items, m->type.elem, iw);
        const Var *gate = all ? NULL : gate_for(M, present, item_what(M, m, w, keys[j]));
        if (!r.open || r.gate != gate) {
            run_close(M, &r, &out, pairs, &runs);
            r.gate = gate;
            r.open = true;
            buf_init(&r.text, a, 0);
            buf_puts(&r.text, "");
        }
        if (pairs) {
            buf_puts(&r.text, pair_text(M, m, item, comments_from(vals, M->n, item)));
        } else {
            buf_puts(&r.text, arena_printf(a, "%s,\n",
                                           value_text(M, source_value(M, item, m->type.elem),
                                                      comments_from(vals, M->n, item))));
        }
    }
    bool single = runs == 0;
    run_close(M, &r, &out, pairs, &runs);
    if (single)
        return multi_ref(M, out.ptr);
    return multi_ref(M, arena_printf(a, "%s(%s)", pairs ? "merge" : "concat", out.ptr));
}

// The keys of the objects `vals` as strings, in one order that keeps each
// object's (see merged_order).
static bool object_keys(Multi *M, Value **vals, Value ***out, uint32_t *count)
{
    Arena *a = M->im->a;
    Value ***sets = arena_alloc(a, M->n * sizeof(Value **));
    uint32_t *lens = arena_alloc(a, M->n * sizeof(uint32_t));
    for (uint32_t i = 0; i < M->n; i++) {
        lens[i] = vals[i]->as.object.count;
        sets[i] = arena_alloc(a, ((size_t)lens[i] + 1) * sizeof(Value *));
        for (uint32_t j = 0; j < lens[i]; j++) {
            const ValueStr *k = &vals[i]->as.object.keys[j];
            sets[i][j] = value_string(a, span_none(), k->ptr, k->len);
        }
    }
    return merged_order(M, sets, lens, out, count);
}

// The line "KEY = VALUE" of entry `key` of a map, `v` its merged value.
static const char *entry_text(Multi *M, const Value *key, Value *v)
{
    Value *one = value_object_new(M->im->a, v->origin, 1);
    value_object_put(M->im->a, one, key->as.str.ptr, key->as.str.len, v);
    const char *text = value_text(M, one, v->origin.start); // "{\n...\n}"
    return arena_strndup(M->im->a, text + 2, strlen(text) - 3);
}

Value *multi_merge_map(Multi *M, Value **vals, const SchemaType *t, Where w)
{
    Arena *a = M->im->a;
    Value **keys;
    uint32_t nkeys;
    if (!object_keys(M, vals, &keys, &nkeys))
        return NULL;
    StrBuf out;
    buf_init(&out, a, 0);
    buf_puts(&out, "");
    Run r = {.open = false};
    uint32_t runs = 0;
    for (uint32_t j = 0; j < nkeys; j++) {
        const ValueStr *k = &keys[j]->as.str;
        Value **items = arena_alloc(a, M->n * sizeof(Value *));
        bool *present = arena_alloc(a, M->n * sizeof(bool));
        Value *first = NULL;
        bool all = true;
        for (uint32_t i = 0; i < M->n; i++) {
            items[i] = value_object_get(vals[i], k->ptr, k->len);
            present[i] = items[i] != NULL;
            all = all && present[i];
            first = first ? first : items[i];
        }
        for (uint32_t i = 0; i < M->n; i++) // absent: as where present, unused behind the gate
            items[i] = items[i] ? items[i] : first;
        Where kw = w;
        kw.m = NULL;
        kw.task = false;
        kw.hint = multi_option_hint(k->ptr);
        Value *v = multi_merge(M, items, t->elem, kw);
        const char *what = arena_printf(a, "%s \"%s\"", w.m ? w.m->snake : "map", k->ptr);
        const Var *gate =
            all ? NULL
                : gate_for(M, present,
                           w.prefix ? arena_printf(a, "container %s: %s", w.prefix, what) : what);
        if (!r.open || r.gate != gate) {
            run_close(M, &r, &out, true, &runs);
            r.gate = gate;
            r.open = true;
            buf_init(&r.text, a, 0);
            buf_puts(&r.text, "");
        }
        buf_puts(&r.text, entry_text(M, keys[j], v));
    }
    bool single = runs == 0;
    run_close(M, &r, &out, true, &runs);
    return multi_ref(M, single ? out.ptr : arena_printf(a, "merge(%s)", out.ptr));
}

// Expression `r` given the place of the value it stands for in the first
// file, so that the comments before that value go before it. (The writer
// reads offsets as the first file's: a value of another has no place.)
Value *multi_placed(Multi *M, Value *r, Value **vals)
{
    if (vals[0] && M->files && vals[0]->origin.file == M->files[0] && hcl_is_ref(M->im, r))
        r->origin = vals[0]->origin;
    return r;
}

// A list or an object present in some workspaces only: merged where it is,
// behind a gate elsewhere ("var.in_prod ? {...} : null"), so that it stays
// in the source.
Value *multi_merge_present(Multi *M, Value **vals, const SchemaType *t, Where w)
{
    Importer *im = M->im;
    Arena *a = im->a;
    Value **filled = arena_alloc(a, M->n * sizeof(Value *));
    bool *present = arena_alloc(a, M->n * sizeof(bool));
    Value *first = NULL;
    for (uint32_t i = 0; i < M->n; i++) {
        present[i] = vals[i] != NULL;
        first = first ? first : vals[i];
    }
    for (uint32_t i = 0; i < M->n; i++) // absent: as where present, unused behind the gate
        filled[i] = vals[i] ? vals[i] : first;
    Value *x = multi_merge(M, filled, t, w);
    const char *what =
        w.prefix ? arena_printf(a, "container %s: %s", w.prefix, w.m->snake) : w.m->snake;
    const Var *gate = gate_for(M, present, what);
    const char *text = value_text(M, multi_member_value(M, w.m, x), x->origin.start);
    return multi_ref(M, arena_printf(a, "var.%s ? %s : null", gate->name, text));
}

// True when the values present are all lists or all objects, and some are absent.
bool multi_some_composite(const Multi *M, Value **vals)
{
    ValueKind kind = VAL_NULL;
    bool absent = false;
    for (uint32_t i = 0; i < M->n; i++) {
        if (!vals[i]) {
            absent = true;
            continue;
        }
        if ((vals[i]->kind != VAL_LIST && vals[i]->kind != VAL_OBJECT) ||
            (kind != VAL_NULL && vals[i]->kind != kind))
            return false;
        kind = vals[i]->kind;
    }
    return absent && kind != VAL_NULL;
}
