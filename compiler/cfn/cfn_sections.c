// cfn_sections.c - the Conditions and Mappings of a template hclc builds,
// read from the project's cloudformation block (`conditions = {...}`,
// `mappings = {...}`): their shapes checked (E0768) and the references
// between conditions free of cycles (E0769). cfn_refs.c checks that
// Fn::If, Condition and Fn::FindInMap name what these declare. Also the
// branches of an Fn::If renamed like the value it stands for.
#include "cfn/cfn_impl.h"

#include <string.h>

#include "eval/eval.h"
#include "funcs/funcs.h"

typedef struct Reader {
    Arena *arena;
    Diags *diags;
    const Node *expr; // the attribute's expression, for the spans of its keys
    Span fallback;    // the attribute, when a key has no span of its own
    bool ok;
} Reader;

// The span of key `i` of `obj` when `node` is the literal object that
// produced it (one member per item, in order); else `fallback`.
static Span key_span(const Node *node, const Value *obj, uint32_t i, Span fallback)
{
    while (node && node->kind == NODE_PAREN)
        node = node->as.paren.inner;
    if (!node || node->kind != NODE_OBJECT || node->as.object.count != obj->as.object.count)
        return fallback;
    return node->as.object.items[i].key->span;
}

// The literal object item `i` of `node` holds, or NULL.
static const Node *item_value(const Node *node, const Value *obj, uint32_t i)
{
    while (node && node->kind == NODE_PAREN)
        node = node->as.paren.inner;
    if (!node || node->kind != NODE_OBJECT || node->as.object.count != obj->as.object.count)
        return NULL;
    return node->as.object.items[i].value;
}

static Span value_span(const Value *v, Span fallback)
{
    return span_is_none(v->origin) ? fallback : v->origin;
}

// A logical name of the template: letters and digits only.
static bool logical_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

static void bad_name(Reader *r, const char *what, const char *name, Span at)
{
    Diag *g = diag_error(r->diags, E_CFN_SECTION, at,
                         "%s name \"%s\" must hold only letters and digits", what, name);
    diag_help(r->diags, g, "CloudFormation's logical names are alphanumeric (A-Za-z0-9)");
    r->ok = false;
}

// `v` must be an object; reports `what` otherwise.
static bool object_of(Reader *r, const Value *v, Span at, const char *what)
{
    if (v->kind == VAL_OBJECT && !(v->flags & VALF_INTRINSIC))
        return true;
    if (v->kind != VAL_INVALID)
        diag_error(r->diags, E_CFN_SECTION, value_span(v, at), "%s must be an object, not %s", what,
                   (v->flags & VALF_INTRINSIC) ? "an intrinsic" : value_type_name(v));
    r->ok = false;
    return false;
}

static void read_conditions(Reader *r, const Value *conds)
{
    if (!object_of(r, conds, r->fallback, "\"conditions\""))
        return;
    for (uint32_t i = 0; i < conds->as.object.count; i++) {
        const char *name = conds->as.object.keys[i].ptr;
        const Value *v = conds->as.object.vals[i];
        Span at = key_span(r->expr, conds, i, r->fallback);
        if (!logical_name(name))
            bad_name(r, "condition", name, at);
        if (v->kind == VAL_INVALID || fn_is_condition(v)) {
            r->ok &= v->kind != VAL_INVALID;
            continue;
        }
        Diag *g =
            diag_error(r->diags, E_CFN_SECTION, value_span(v, at),
                       "condition \"%s\" must be a condition, not %s", name,
                       (v->flags & VALF_INTRINSIC) ? "another intrinsic" : value_type_name(v));
        diag_help(r->diags, g,
                  "write cfn_equals(a, b), cfn_and(...), cfn_or(...), cfn_not(c) or "
                  "cfn_condition(\"Name\")");
        r->ok = false;
    }
}

// A value of a mapping: a string, a number or a list of them.
static bool mapping_leaf(const Value *v)
{
    if (v->flags & VALF_INTRINSIC)
        return false;
    if (v->kind == VAL_STRING || v->kind == VAL_NUMBER)
        return true;
    if (v->kind != VAL_LIST)
        return false;
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        const Value *x = v->as.list.items[i];
        if ((x->kind != VAL_STRING && x->kind != VAL_NUMBER) || (x->flags & VALF_INTRINSIC))
            return false;
    }
    return true;
}

// One top-level key of mapping `map`: an object of values.
static void read_entry(Reader *r, const char *map, const char *top, const Value *entry, Span at)
{
    const char *what = arena_printf(r->arena, "key \"%s\" of mapping \"%s\"", top, map);
    if (!object_of(r, entry, at, what))
        return;
    if (entry->as.object.count == 0) {
        diag_error(r->diags, E_CFN_SECTION, value_span(entry, at), "%s holds no value", what);
        r->ok = false;
    }
    for (uint32_t k = 0; k < entry->as.object.count; k++) {
        const Value *leaf = entry->as.object.vals[k];
        if (mapping_leaf(leaf) || leaf->kind == VAL_INVALID) {
            r->ok &= leaf->kind != VAL_INVALID;
            continue;
        }
        const char *got = (leaf->flags & VALF_INTRINSIC) ? "an intrinsic" : value_type_name(leaf);
        Diag *g = diag_error(r->diags, E_CFN_SECTION, value_span(leaf, value_span(entry, at)),
                             "the value of mapping \"%s\" at %s.%s must be a string, a number "
                             "or a list of them, not %s",
                             map, top, entry->as.object.keys[k].ptr, got);
        if (leaf->flags & VALF_INTRINSIC)
            diag_help(r->diags, g,
                      "CloudFormation reads mappings as written: their values cannot wait for "
                      "deployment");
        r->ok = false;
    }
}

static void read_mappings(Reader *r, const Value *maps)
{
    if (!object_of(r, maps, r->fallback, "\"mappings\""))
        return;
    for (uint32_t i = 0; i < maps->as.object.count; i++) {
        const char *name = maps->as.object.keys[i].ptr;
        const Value *map = maps->as.object.vals[i];
        Span at = key_span(r->expr, maps, i, r->fallback);
        if (!logical_name(name))
            bad_name(r, "mapping", name, at);
        const char *what = arena_printf(r->arena, "mapping \"%s\"", name);
        if (!object_of(r, map, at, what))
            continue;
        if (map->as.object.count == 0) {
            diag_error(r->diags, E_CFN_SECTION, value_span(map, at), "%s holds no key", what);
            r->ok = false;
        }
        const Node *node = item_value(r->expr, maps, i);
        for (uint32_t k = 0; k < map->as.object.count; k++)
            read_entry(r, name, map->as.object.keys[k].ptr, map->as.object.vals[k],
                       key_span(node, map, k, at));
    }
}

// --- cycles between conditions ----------------------------------------------

typedef struct Walk {
    Diags *diags;
    const Value *conds;
    uint8_t *state; // per condition: 0 not seen, 1 on the path, 2 done
    uint32_t *path; // the conditions on the path, in order
    Span *via;      // via[k]: the cfn_condition in path[k] that leads on
    uint32_t depth;
    bool ok;
} Walk;

static void visit(Walk *w, uint32_t i);

// Follows every {"Condition": NAME} inside `v` (a condition's value).
static void follow(Walk *w, const Value *v)
{
    if (v->kind == VAL_LIST)
        for (uint32_t i = 0; i < v->as.list.count && w->ok; i++)
            follow(w, v->as.list.items[i]);
    if (v->kind != VAL_OBJECT)
        return;
    if ((v->flags & VALF_INTRINSIC) && v->as.object.count == 1 &&
        strcmp(v->as.object.keys[0].ptr, "Condition") == 0 &&
        v->as.object.vals[0]->kind == VAL_STRING) {
        const ValueStr *name = &v->as.object.vals[0]->as.str;
        for (uint32_t k = 0; k < w->conds->as.object.count; k++)
            if (strcmp(w->conds->as.object.keys[k].ptr, name->ptr) == 0) {
                w->via[w->depth - 1] = v->origin;
                visit(w, k);
            }
        return;
    }
    for (uint32_t i = 0; i < v->as.object.count && w->ok; i++)
        follow(w, v->as.object.vals[i]);
}

static void report_cycle(Walk *w, uint32_t i)
{
    uint32_t from = 0;
    while (w->path[from] != i)
        from++;
    const char *name = w->conds->as.object.keys[i].ptr;
    uint32_t next = from + 1 < w->depth ? w->path[from + 1] : i;
    Diag *g = diag_error(w->diags, E_CFN_CONDITION_CYCLE, w->via[from],
                         "condition \"%s\" depends on itself (it uses \"%s\")", name,
                         w->conds->as.object.keys[next].ptr);
    for (uint32_t k = from + 1; k < w->depth; k++)
        diag_note_at(w->diags, g, w->via[k], "\"%s\" uses \"%s\"",
                     w->conds->as.object.keys[w->path[k]].ptr,
                     w->conds->as.object.keys[k + 1 < w->depth ? w->path[k + 1] : i].ptr);
    diag_help(w->diags, g, "CloudFormation evaluates each condition once: break the cycle");
    w->ok = false;
}

static void visit(Walk *w, uint32_t i)
{
    if (!w->ok || w->state[i] == 2)
        return;
    if (w->state[i] == 1) {
        report_cycle(w, i);
        return;
    }
    w->state[i] = 1;
    w->path[w->depth++] = i;
    follow(w, w->conds->as.object.vals[i]);
    w->depth--;
    w->state[i] = 2;
}

static bool check_cycles(Arena *a, Diags *diags, const Value *conds)
{
    uint32_t n = conds->as.object.count;
    Walk w = {diags,
              conds,
              arena_alloc(a, (size_t)n + 1),
              arena_alloc(a, ((size_t)n + 1) * sizeof(uint32_t)),
              arena_alloc(a, ((size_t)n + 1) * sizeof(Span)),
              0,
              true};
    memset(w.state, 0, (size_t)n + 1);
    for (uint32_t i = 0; i < n && w.ok; i++)
        visit(&w, i);
    return w.ok;
}

// --- Fn::If ------------------------------------------------------------------

Value *cfn_if_branches(Arena *a, const Value *v, const SchemaType *t,
                       Value *(*map)(Arena *, Value *, const SchemaType *))
{
    if (v->kind != VAL_OBJECT || v->as.object.count != 1 ||
        strcmp(v->as.object.keys[0].ptr, "Fn::If") != 0)
        return NULL;
    const Value *arg = v->as.object.vals[0];
    if (arg->kind != VAL_LIST || arg->as.list.count != 3)
        return NULL;
    Value *list = value_list_new(a, arg->origin, 3);
    list->as.list.items[0] = arg->as.list.items[0];
    list->as.list.items[1] = map(a, arg->as.list.items[1], t);
    list->as.list.items[2] = map(a, arg->as.list.items[2], t);
    Value *out = value_new_intrinsic(a, v->origin, "Fn::If", 6, list);
    out->flags = v->flags | VALF_INTRINSIC;
    out->site = v->site;
    return out;
}

// --- the sections ----------------------------------------------------------------

static Value *read_attr(Eval *ev, Reader *r, const Block *blk, const char *name)
{
    const Attribute *at = blk ? module_body_attr(blk->body, name) : NULL;
    if (!at)
        return NULL;
    r->expr = at->expr;
    r->fallback = at->span;
    return eval_expr(ev, at->expr);
}

bool cfn_sections_read(Eval *ev, Diags *diags, CfnSections *out)
{
    Reader r = {ev->arena, diags, NULL, span_none(), true};
    const Block *blk = ev->mod->cfn_block;
    *out = (CfnSections){NULL, NULL};
    Value *conds = read_attr(ev, &r, blk, "conditions");
    if (conds)
        read_conditions(&r, conds);
    Value *maps = read_attr(ev, &r, blk, "mappings");
    if (maps)
        read_mappings(&r, maps);
    if (!r.ok)
        return false;
    if (conds && !check_cycles(ev->arena, diags, conds))
        return false;
    out->conditions = conds && conds->as.object.count ? conds : NULL;
    out->mappings = maps && maps->as.object.count ? maps : NULL;
    return true;
}
