// eval_collections.c - tuples, objects and for-expressions: their items
// evaluated in order, object keys checked and kept in order, and the
// iteration order of a collection (eval_pairs: lists by index, objects by
// key in byte order).
#include <stdlib.h>
#include <string.h>

#include "eval/eval_impl.h"
#include "syntax/parse.h"

// `s` in double quotes, for a message.
static const char *quoted(Eval *ev, const char *s)
{
    return arena_printf(ev->arena, "\"%s\"", s);
}

// --- collections ----------------------------------------------------------------

Value *eval_tuple(Eval *ev, const Node *n)
{
    const NodeList *items = &n->as.tuple.items;
    Value *out = value_list_new(ev->arena, n->span, items->count);
    out->flags |= VALF_TUPLE;
    bool bad = false;
    for (uint32_t i = 0; i < items->count; i++) {
        out->as.list.items[i] = eval_expr(ev, items->items[i]);
        bad |= out->as.list.items[i]->kind == VAL_INVALID;
    }
    return bad ? value_invalid(ev->arena, n->span) : out;
}

// Converts an object key to a string, reporting null and collections.
Value *eval_key(Eval *ev, Value *k, Span at)
{
    if (k->kind == VAL_INVALID)
        return k;
    if (k->kind == VAL_STRING || k->kind == VAL_NUMBER || k->kind == VAL_BOOL)
        return eval_to_string(ev, k);
    return eval_fail(ev, E_BAD_KEY, at, "an object key must be a string, got %s",
                     value_type_name(k));
}

// Objects up to this many members keep their key spans on the stack.
#define OBJECT_SMALL 16

Value *eval_object(Eval *ev, const Node *n)
{
    Value *out = value_object_new(ev->arena, n->span, n->as.object.count);
    // Where each member's key was written, for a duplicate's note: only
    // errors need it, so it lives on the stack (the heap for a big object).
    Span small[OBJECT_SMALL];
    Span *key_spans =
        n->as.object.count <= OBJECT_SMALL ? small : xmalloc(n->as.object.count * sizeof(Span));
    bool bad = false, secret_key = false;
    for (uint32_t i = 0; i < n->as.object.count; i++) {
        const ObjectItem *it = &n->as.object.items[i];
        uint32_t len = 0;
        // A key written as a name or a plain string needs no evaluation and
        // no copy: the syntax tree's text lives as long as the values.
        const char *key = ast_literal_text(it->key, &len);
        bool secret = false;
        if (!key) {
            Value *k = eval_key(ev, eval_expr(ev, it->key), it->key->span);
            key = k->kind == VAL_INVALID ? NULL : k->as.str.ptr;
            len = key ? k->as.str.len : 0;
            secret = k->kind != VAL_INVALID && value_is_sensitive(k);
            secret_key |= secret;
        }
        Value *v = eval_expr(ev, it->value);
        if (!key || v->kind == VAL_INVALID) {
            bad = true;
            continue;
        }
        uint32_t pos = out->as.object.count;
        if (!value_object_put_ref(ev->arena, out, key, len, v)) {
            int64_t prev = value_object_find(out, key, len);
            Diag *g = diag_error(ev->diags, E_DUPLICATE_MEMBER, it->key->span,
                                 "key %s is given twice in this object",
                                 secret ? "(sensitive value)" : quoted(ev, key));
            diag_note_at(ev->diags, g, key_spans[prev], "first given here");
            bad = true;
            continue;
        }
        key_spans[pos] = it->key->span;
    }
    if (key_spans != small)
        free(key_spans);
    if (bad)
        return value_invalid(ev->arena, n->span);
    // A key built from a secret makes the whole object secret: its keys
    // are not values, so they carry no mark of their own.
    return secret_key ? value_mark_sensitive(ev->arena, out) : out;
}

static int compare_keys(const void *a, const void *b)
{
    const ValueStr *x = *(const ValueStr *const *)a, *y = *(const ValueStr *const *)b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->ptr, y->ptr, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

// Orders an object's keys by bytes. The objects for-expressions walk are
// mostly small (environment maps): insertion sort costs them far less
// than qsort's calls through a pointer. Keys are unique: no ties.
#define SORT_SMALL 16

static void sort_keys(const ValueStr **order, uint32_t n)
{
    if (n > SORT_SMALL) {
        qsort(order, n, sizeof(ValueStr *), compare_keys);
        return;
    }
    for (uint32_t i = 1; i < n; i++) {
        const ValueStr *k = order[i];
        uint32_t j = i;
        for (; j > 0 && compare_keys(&order[j - 1], &k) > 0; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
}

// The keys of a sensitive collection are sensitive too.
static void mark_keys(const Value *coll, Value **keys, uint32_t n)
{
    if (!value_is_sensitive(coll))
        return;
    for (uint32_t i = 0; i < n; i++)
        keys[i]->flags |= VALF_SENSITIVE;
}

bool eval_pairs(Eval *ev, Value *coll, Span span, Value ***keys, Value ***vals, uint32_t *n)
{
    Arena *a = ev->arena;
    if (eval_known(ev, coll, span, "a for expression", false)->kind == VAL_INVALID)
        return false;
    if (coll->kind == VAL_LIST) {
        *n = coll->as.list.count;
        *keys = arena_alloc(a, (*n + 1) * sizeof(Value *));
        *vals = coll->as.list.items;
        for (uint32_t i = 0; i < *n; i++)
            (*keys)[i] = value_number(a, coll->as.list.items[i]->origin, i);
        mark_keys(coll, *keys, *n);
        return true;
    }
    if (coll->kind == VAL_OBJECT) {
        *n = coll->as.object.count;
        const ValueStr **order = arena_alloc(a, (*n + 1) * sizeof(ValueStr *));
        for (uint32_t i = 0; i < *n; i++)
            order[i] = &coll->as.object.keys[i];
        sort_keys(order, *n);
        *keys = arena_alloc(a, (*n + 1) * sizeof(Value *));
        *vals = arena_alloc(a, (*n + 1) * sizeof(Value *));
        for (uint32_t i = 0; i < *n; i++) {
            uint32_t pos = (uint32_t)(order[i] - coll->as.object.keys);
            (*vals)[i] = coll->as.object.vals[pos];
            (*keys)[i] = value_string_ref(a, (*vals)[i]->origin, order[i]->ptr, order[i]->len);
        }
        mark_keys(coll, *keys, *n);
        return true;
    }
    if (coll->kind != VAL_INVALID)
        eval_fail(ev, E_OPERAND_TYPE, span,
                  "cannot iterate over a %s; a list or an object is needed", value_type_name(coll));
    return false;
}

// --- for-expressions --------------------------------------------------------------

typedef struct ForState {
    Value *out; // tuple being built, or object
    bool bad;
    bool secret_key; // a key or an if condition was built from a sensitive value
} ForState;

static bool for_condition(Eval *ev, const Node *n, ForState *st)
{
    if (!n->as.forexpr->cond)
        return true;
    Value *c = eval_expr(ev, n->as.forexpr->cond);
    if (c->kind == VAL_INVALID)
        return false;
    st->secret_key |= value_is_sensitive(c); // which items are kept tells the secret
    Value *b = eval_to_bool(ev, c, n->as.forexpr->cond->span, "the if clause of a for-expression");
    return b->kind == VAL_BOOL && b->as.boolean;
}

static void for_object_item(Eval *ev, const Node *n, ForState *st)
{
    const Node *kn = n->as.forexpr->key_expr;
    Value *k = eval_key(ev, eval_expr(ev, kn), kn->span);
    Value *v = eval_expr(ev, n->as.forexpr->value_expr);
    if (k->kind == VAL_INVALID || v->kind == VAL_INVALID) {
        st->bad = true;
        return;
    }
    bool secret = value_is_sensitive(k);
    st->secret_key |= secret;
    int64_t prev = value_object_find(st->out, k->as.str.ptr, k->as.str.len);
    if (n->as.forexpr->group) {
        // A group's list grows by doubling; its count is its length.
        Value *list = prev >= 0 ? st->out->as.object.vals[prev] : NULL;
        if (!list) {
            list = value_list_new(ev->arena, kn->span, 4);
            list->flags |= VALF_TUPLE;
            list->as.list.count = 0;
            value_object_put(ev->arena, st->out, k->as.str.ptr, k->as.str.len, list);
        } else if ((list->as.list.count & (list->as.list.count - 1)) == 0 &&
                   list->as.list.count >= 4) {
            list->as.list.items = arena_grow(ev->arena, list->as.list.items, list->as.list.count,
                                             list->as.list.count * 2, sizeof(Value *));
        }
        list->as.list.items[list->as.list.count++] = v;
        return;
    }
    if (prev >= 0) {
        Diag *g = diag_error(ev->diags, E_DUPLICATE_MEMBER, kn->span,
                             "the for-expression produces key %s twice",
                             secret ? "(sensitive value)" : quoted(ev, k->as.str.ptr));
        diag_help(ev->diags, g, "write ... after the value to group values by key: k => v...");
        st->bad = true;
        return;
    }
    value_object_put(ev->arena, st->out, k->as.str.ptr, k->as.str.len, v);
}

Value *eval_for(Eval *ev, const Node *n)
{
    Value *coll = eval_expr(ev, n->as.forexpr->coll);
    Value **keys, **vals;
    uint32_t count;
    if (!eval_pairs(ev, coll, n->as.forexpr->coll->span, &keys, &vals, &count))
        return value_invalid(ev->arena, n->span);
    ForState st = {0};
    if (n->as.forexpr->is_object) {
        st.out = value_object_new(ev->arena, n->span, count);
    } else {
        st.out = value_list_new(ev->arena, n->span, count);
        st.out->flags |= VALF_TUPLE;
        st.out->as.list.count = 0;
    }
    for (uint32_t i = 0; i < count && !st.bad; i++) {
        if (n->as.forexpr->key_var)
            eval_push_scope(ev, n->as.forexpr->key_var, keys[i]);
        eval_push_scope(ev, n->as.forexpr->value_var, vals[i]);
        if (for_condition(ev, n, &st)) {
            if (n->as.forexpr->is_object) {
                for_object_item(ev, n, &st);
            } else {
                Value *v = eval_expr(ev, n->as.forexpr->value_expr);
                st.bad |= v->kind == VAL_INVALID;
                st.out->as.list.items[st.out->as.list.count++] = v;
            }
        }
        eval_pop_scope(ev);
        if (n->as.forexpr->key_var)
            eval_pop_scope(ev);
    }
    if (st.bad)
        return value_invalid(ev->arena, n->span);
    if (st.secret_key)
        return value_mark_sensitive(ev->arena, st.out);
    return eval_propagate(ev, st.out, &coll, 1);
}
