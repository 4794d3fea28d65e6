// lower_value.c - evaluated values converted to the API form of the
// member that holds them, driven by the schema tables: member names at
// every level (snake_case or API names), {K = V} objects to name/value
// lists, numbers and bools to strings, integer strings to integers, task
// cpu/memory units; the branches of an Fn::If as the member itself. What
// cannot be converted is kept as written, with its
// site, for ecs_validate to report. Also the diagnostics about names that
// lower.c shares.
#include "ecs/lower_impl.h"

#include <stdio.h>
#include <string.h>

#include "base/show.h"

static Value *lower_type(Lower *L, const SchemaType *t, Value *v, Place p);
static Value *lower_intrinsic(Lower *L, const SchemaShape *shape, const SchemaMember *m,
                              const SchemaType *t, Value *v, Place p);

// --- small helpers ----------------------------------------------------------

bool lower_is_camel(const char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return true;
    return false;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool sensitive(const Value *v)
{
    return (v->flags & VALF_SENSITIVE) != 0;
}

// A shallow copy of `v` placed at `site` (values are shared, never changed).
static Value *placed(Lower *L, const Value *v, Span site)
{
    Value *c = value_with_origin(L->a, v, v->origin);
    c->site = site;
    return c;
}

// What a diagnostic about `v` at `site` is given: a sensitive value has no
// origin of its own there, since the note at the origin would show the
// source line that holds the secret.
static const Value *subject(Lower *L, const Value *v, Span site)
{
    Value *c = placed(L, v, site);
    if (value_is_sensitive(v))
        c->origin = site;
    return c;
}

// A new scalar derived from `from`: its origin and sensitivity, at `site`.
static Value *derived(Value *nv, const Value *from, Span site)
{
    nv->flags |= from->flags & VALF_SENSITIVE;
    nv->site = site;
    return nv;
}

// The literal object or tuple behind an expression, or NULL.
const Node *lower_literal(const Node *n)
{
    while (n && n->kind == NODE_PAREN)
        n = n->as.paren.inner;
    return n && (n->kind == NODE_OBJECT || n->kind == NODE_TUPLE) ? n : NULL;
}

// The item of literal object `node` that produced member i of `obj`. A
// literal object evaluates to one member per item, in order (duplicates
// and errors make the whole object invalid).
static const ObjectItem *item_of(const Node *node, const Value *obj, uint32_t i)
{
    if (!node || node->kind != NODE_OBJECT || node->as.object.count != obj->as.object.count)
        return NULL;
    return &node->as.object.items[i];
}

LowerPath lower_child_path(const LowerPath *parent, const char *api)
{
    return (LowerPath){parent, api, 0, LP_CHILD};
}

const char *lower_path_text(Lower *L, const LowerPath *p)
{
    if (p->kind == LP_ROOT)
        return p->text;
    const char *up = lower_path_text(L, p->up);
    switch (p->kind) {
    case LP_CHILD:
        return strcmp(up, "input") == 0 ? p->text : ecs_path_member(L->a, up, p->text);
    case LP_MEMBER:
        return ecs_path_member(L->a, up, p->text);
    case LP_INDEX:
        return ecs_path_index(L->a, up, p->index);
    case LP_KEY:
        return ecs_path_key(L->a, up, p->text);
    case LP_ROOT:
        break;
    }
    return p->text;
}

// The value as a diagnostic may show it: short, and never a sensitive one.
static const char *shown(Lower *L, const Value *v)
{
    ShowStyle style = {"(sensitive)", 40, 37};
    if (value_is_sensitive(v) || v->kind == VAL_STRING || v->kind == VAL_NUMBER ||
        v->kind == VAL_BOOL)
        return show_value(L->a, v, style);
    return arena_printf(L->a, "a %s", value_type_name(v));
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

// "ContainerDefinition" -> "container definition"; acronyms stay as they
// are ("EFS volume configuration", "S3 files ...", "FSx windows ...").
static const char *shape_noun(Lower *L, const SchemaShape *shape)
{
    const char *s = shape->name;
    if (strcmp(s, "RegisterTaskDefinitionRequest") == 0)
        return "task definition";
    char *out = arena_alloc(L->a, 2 * strlen(s) + 1);
    size_t o = 0;
    for (size_t i = 0; s[i]; i++) {
        if (strncmp(s + i, "FSx", 3) == 0) {
            o += (size_t)sprintf(out + o, "%sFSx", i ? " " : "");
            i += 2;
            continue;
        }
        char c = s[i], next = s[i + 1];
        bool prev_upper = i > 0 && is_upper(s[i - 1]);
        bool next_lower = next >= 'a' && next <= 'z';
        if (is_upper(c) && i > 0 && (!prev_upper || next_lower))
            out[o++] = ' ';
        bool acronym =
            is_upper(c) && ((prev_upper && !next_lower) || is_upper(next) || is_digit(next));
        out[o++] = is_upper(c) && !acronym ? (char)(c - 'A' + 'a') : c;
    }
    out[o] = '\0';
    return out;
}

// `noun "name"` when the object has a plain string name, else the noun.
const char *lower_describe(Lower *L, const SchemaShape *shape, const char *name)
{
    const char *noun = shape_noun(L, shape);
    return name ? arena_printf(L->a, "%s \"%s\"", noun, name) : noun;
}

static const char *object_name(const Value *obj)
{
    const Value *n = ecs_get(obj, "name");
    return n && n->kind == VAL_STRING && !value_is_sensitive(n) ? n->as.str.ptr : NULL;
}

// The names of shape's members in the user's spelling, or its block names.
const char **lower_member_names(Lower *L, const SchemaShape *shape, bool camel, bool blocks)
{
    const char **names = arena_alloc(L->a, (shape->count + 1) * sizeof(char *));
    for (uint32_t i = 0; i < shape->count; i++) {
        const SchemaMember *m = &shape->members[i];
        names[i] = blocks ? m->block : camel ? m->api : m->snake;
    }
    return names;
}

// --- unknown and repeated members --------------------------------------------

Diag *lower_unknown_member(Lower *L, const SchemaShape *shape, const char *key, bool hide, Span at,
                           const Value *v, const char *where, const char *path)
{
    const char *k = hide ? "(sensitive)" : arena_printf(L->a, "\"%s\"", key);
    Diag *g = v ? ecs_report(&L->ctx, E_ECS_UNKNOWN_NAME, false, subject(L, v, v->site),
                             "unknown member %s in %s", k, where)
                : diag_error(L->diags, E_ECS_UNKNOWN_NAME, at, "unknown member %s in %s", k, where);
    L->failed = true;
    if (hide)
        return g;
    // A block name (port_mapping, container) stands for the list member.
    bool camel = lower_is_camel(key);
    const SchemaMember *b = schema_find_block(shape, key);
    const char *s = b ? (camel ? b->api : b->snake) : NULL;
    if (!s)
        s = diag_suggest(key, lower_member_names(L, shape, camel, false), shape->count);
    if (s && strcmp(s, key) != 0)
        diag_help(L->diags, g, "did you mean \"%s\"?", s);
    const SchemaMember *ro = shape == schema_task_definition()
                                 ? schema_find(schema_described_task_definition(), key)
                                 : NULL;
    if (ro && ro->read_only)
        diag_note(L->diags, g, "%s is returned by describe-task-definition, never sent", ro->api);
    diag_note(L->diags, g, "AWS rejects it: Unknown parameter in %s: \"%s\"", path, key);
    return g;
}

// Two spellings, or an attribute and a block, or two blocks, that set one
// member. `again` is reported, with a note at `first`.
void lower_member_twice(Lower *L, const SchemaMember *m, const char *again, bool again_block,
                        Span again_at, const char *first, bool first_block, Span first_at)
{
    Diag *g;
    if (strcmp(again, first) != 0)
        g = diag_error(L->diags, E_ECS_MEMBER_TWICE, again_at, "\"%s\" and \"%s\" both set %s",
                       first, again, m->api);
    else if (again_block != first_block)
        g = diag_error(L->diags, E_ECS_MEMBER_TWICE, again_at,
                       "\"%s\" is given both as a block and as an attribute", again);
    else if (again_block)
        g = diag_error(L->diags, E_ECS_MEMBER_TWICE, again_at,
                       "only one \"%s\" block is allowed here", again);
    else
        g = diag_error(L->diags, E_ECS_MEMBER_TWICE, again_at, "\"%s\" is given twice", again);
    if (!span_is_none(first_at))
        diag_note_at(L->diags, g, first_at, "first given here");
    L->failed = true;
}

// --- scalars --------------------------------------------------------------------

static Value *to_string(Lower *L, Value *v, Place p)
{
    char buf[VALUE_NUMBER_BUF];
    if (v->kind == VAL_NUMBER)
        return derived(value_cstring(L->a, v->origin, value_number_text(v->as.number, buf)), v,
                       p.site);
    if (v->kind == VAL_BOOL)
        return derived(value_cstring(L->a, v->origin, v->as.boolean ? "true" : "false"), v, p.site);
    return placed(L, v, p.site);
}

// An integer written as text: optional '-', then at most 15 digits.
static bool parse_integer(const char *s, double *out)
{
    bool neg = *s == '-';
    s += neg;
    double n = 0;
    size_t i = 0;
    for (; is_digit(s[i]); i++) {
        if (i == 15)
            return false;
        n = n * 10 + (s[i] - '0');
    }
    if (i == 0 || s[i] != '\0')
        return false;
    *out = neg && n != 0 ? -n : n;
    return true;
}

static Value *to_integer(Lower *L, Value *v, Place p)
{
    double n;
    if (v->kind == VAL_NUMBER && value_number_is_int(v->as.number) && !(v->flags & VALF_FLOAT))
        return placed(L, v, p.site);
    if (v->kind == VAL_NUMBER && value_number_is_int(v->as.number)) {
        char buf[VALUE_NUMBER_BUF];
        Diag *g = ecs_report(&L->ctx, E_ECS_NOT_INTEGER, false, subject(L, v, p.site),
                             "%s must be an integer, and this number is written as a "
                             "fraction or with an exponent",
                             lower_path_text(L, p.name));
        if (!value_is_sensitive(v))
            diag_help(L->diags, g, "write %s", value_number_text(v->as.number, buf));
        diag_note(L->diags, g, "the AWS CLI refuses a float where the ECS API wants an integer");
        L->failed = true;
        return placed(L, v, p.site);
    }
    if (v->kind == VAL_STRING && parse_integer(v->as.str.ptr, &n))
        return derived(value_number(L->a, v->origin, n), v, p.site);
    if (v->kind != VAL_NUMBER && v->kind != VAL_STRING)
        return placed(L, v, p.site); // a type ecs_validate reports
    Value *at = placed(L, v, p.site);
    ecs_report(&L->ctx, E_ECS_NOT_INTEGER, false, subject(L, v, p.site),
               "%s must be an integer, not %s", lower_path_text(L, p.name), shown(L, v));
    L->failed = true;
    return at;
}

static Value *to_boolean(Lower *L, Value *v, Place p)
{
    if (v->kind == VAL_STRING &&
        (strcmp(v->as.str.ptr, "true") == 0 || strcmp(v->as.str.ptr, "false") == 0))
        return derived(value_bool(L->a, v->origin, v->as.str.ptr[0] == 't'), v, p.site);
    return placed(L, v, p.site);
}

// --- task cpu and memory (SIZE-1) ------------------------------------------------

static Value *task_size(Lower *L, Value *v, Place p, bool memory)
{
    int64_t n = 0;
    bool ok = false;
    if (v->kind == VAL_STRING) {
        ok = ecs_parse_size(v->as.str.ptr, memory ? "gb" : "vcpu", &n);
    } else if (v->kind == VAL_NUMBER) {
        double d = v->as.number;
        ok = value_number_is_int(d) && d >= 0 && d < 1e9;
        n = ok ? (int64_t)d : 0;
    } else {
        return placed(L, v, p.site); // a type ecs_validate reports
    }
    if (ok)
        return derived(value_cstring(L->a, v->origin, arena_printf(L->a, "%lld", (long long)n)), v,
                       p.site);
    Value *at = placed(L, v, p.site);
    const char *hint = v->kind == VAL_STRING && !value_is_sensitive(v)
                           ? ecs_size_hint(L->a, v->as.str.ptr, memory)
                           : NULL;
    Diag *g =
        ecs_report(&L->ctx, E_ECS_BAD_SIZE, false, subject(L, v, p.site), "task %s %s is not %s",
                   memory ? "memory" : "cpu", shown(L, v), ecs_size_wanted(hint, memory));
    if (hint)
        diag_help(L->diags, g, "%s", hint);
    else
        diag_help(L->diags, g,
                  memory ? "write MiB (2048 or \"2048\") or GB (\"2 GB\"); 1 GB is 1024 MiB"
                         : "write CPU units (1024 or \"1024\") or vCPUs (\"1 vCPU\", "
                           "\".25 vCPU\"); 1 vCPU is 1024 units");
    L->failed = true;
    return at;
}

// --- collections -------------------------------------------------------------------

static Value *lower_list(Lower *L, const SchemaType *t, Value *v, Place p)
{
    const Node *tuple =
        p.node && p.node->kind == NODE_TUPLE && p.node->as.tuple.items.count == v->as.list.count
            ? p.node
            : NULL;
    Value *out = placed(L, v, p.site);
    out->as.list.items = arena_alloc(L->a, ((size_t)v->as.list.count + 1) * sizeof(Value *));
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        const Node *item = tuple ? tuple->as.tuple.items.items[i] : NULL;
        LowerPath path = {p.path, NULL, i, LP_INDEX}, name = {p.name, NULL, i, LP_INDEX};
        Place ip = {item ? item->span : p.site, lower_literal(item), &path, &name};
        out->as.list.items[i] = lower_type(L, t->elem, v->as.list.items[i], ip);
    }
    return out;
}

// Reports a null entry of a map (user map or name/value map).
static void null_entry(Lower *L, Value *null, Span site, const char *key, bool hide, Place p)
{
    Diag *g = ecs_report(
        &L->ctx, E_ECS_NULL_ENTRY, false, subject(L, null, site), "null value for %s in %s",
        hide ? "a key (sensitive)" : arena_printf(L->a, "\"%s\"", key), lower_path_text(L, p.name));
    diag_help(L->diags, g,
              "give it a value, or leave the key out (null omits members, not "
              "entries of a map)");
    L->failed = true;
}

// Key `k` of map `v` as paths in messages show it: the keys of a sensitive
// map are part of the secret.
static const char *path_key(const Value *v, const ValueStr *k)
{
    return sensitive(v) ? "(sensitive key)" : k->ptr;
}

// A user map (dockerLabels, options, driverOpts, labels): keys as written.
// Keys, like the schema tables' member names elsewhere, are shared, not
// copied: they live as long as the arena.
static Value *lower_map(Lower *L, const SchemaType *t, Value *v, Place p)
{
    Value *out = value_object_new(L->a, v->origin, v->as.object.count);
    out->flags = v->flags;
    out->site = p.site;
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const ValueStr *k = &v->as.object.keys[i];
        const ObjectItem *it = item_of(p.node, v, i);
        const char *kt = path_key(v, k);
        LowerPath path = {p.path, kt, 0, LP_MEMBER}, name = {p.name, kt, 0, LP_KEY};
        Place cp = {it ? it->span : p.site, it ? lower_literal(it->value) : NULL, &path, &name};
        Value *mv = v->as.object.vals[i];
        if (mv->kind == VAL_NULL) {
            null_entry(L, mv, cp.site, k->ptr, sensitive(v), p);
            continue;
        }
        // The map's keys are distinct already: no search.
        value_object_append_ref(L->a, out, k->ptr, k->len, lower_type(L, t->elem, mv, cp));
    }
    return out;
}

// {K = V} for a list of name/value structs: [{map_key: K, map_value: V}],
// in the order the keys were written; km and vm are those two members.
static Value *lower_pairs(Lower *L, const SchemaMember *km, const SchemaMember *vm, Value *v,
                          Place p)
{
    Value *out = value_list_new(L->a, v->origin, v->as.object.count);
    out->flags = v->flags & VALF_SENSITIVE;
    out->site = p.site;
    uint32_t n = 0;
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const ValueStr *k = &v->as.object.keys[i];
        const ObjectItem *it = item_of(p.node, v, i);
        LowerPath path = {p.path, NULL, n, LP_INDEX}, key = {p.name, path_key(v, k), 0, LP_KEY};
        Place ep = {it ? it->span : p.site, it ? lower_literal(it->value) : NULL, &path, &key};
        Value *mv = v->as.object.vals[i];
        if (mv->kind == VAL_NULL) {
            null_entry(L, mv, ep.site, k->ptr, sensitive(v), p);
            continue;
        }
        Span korigin = it ? it->key->span : v->origin;
        Value *e = value_object_new(L->a, it ? it->span : v->origin, 2);
        e->flags = v->flags & VALF_SENSITIVE;
        e->site = ep.site;
        // The key is shared, as lower_map shares keys: it lives as long as the arena.
        Value *name = derived(value_string_ref(L->a, korigin, k->ptr, k->len), v, ep.site);
        value_object_append_ref(L->a, e, km->api, strlen(km->api), name);
        LowerPath vpath = lower_child_path(&path, vm->api);
        ep.path = &vpath;
        value_object_append_ref(L->a, e, vm->api, strlen(vm->api),
                                lower_type(L, &vm->type, mv, ep));
        out->as.list.items[n++] = e;
    }
    out->as.list.count = n;
    return out;
}

// A list of structs: written as repeated blocks, or as {K = V} with map_key.
bool lower_repeated(const SchemaMember *m)
{
    return m->type.kind == SK_LIST && m->type.elem->kind == SK_STRUCT;
}

// The members of object `v` for `shape`, renamed to API names.
static Value *lower_object(Lower *L, const SchemaShape *shape, Value *v, Place p);

Value *lower_member(Lower *L, const SchemaShape *shape, const SchemaMember *m, Value *v, Place p)
{
    if (v->kind == VAL_NULL)
        return NULL; // null omits the member
    if (v->kind == VAL_INVALID)
        return v;
    if (ecs_unknown(v))
        return lower_intrinsic(L, shape, m, &m->type, v, p);
    const SchemaShape *task = schema_task_definition();
    if (shape == task &&
        (m == &task->members[TASK_DEFINITION_CPU] || m == &task->members[TASK_DEFINITION_MEMORY]))
        return task_size(L, v, p, m == &task->members[TASK_DEFINITION_MEMORY]);
    if (!m->map_key || !m->map_value || v->kind != VAL_OBJECT || !lower_repeated(m))
        return lower_type(L, &m->type, v, p);
    const SchemaMember *km = schema_find(m->type.elem->shape, m->map_key);
    const SchemaMember *vm = schema_find(m->type.elem->shape, m->map_value);
    return km && vm ? lower_pairs(L, km, vm, v, p) : lower_type(L, &m->type, v, p);
}

// An intrinsic, kept as written; but when it is {"Fn::If": [cond, a, b]}
// its branches are lowered as the member (`m` of `shape`) or a value of
// type `t` would be, so that an object in a branch gets the API's names.
static Value *lower_intrinsic(Lower *L, const SchemaShape *shape, const SchemaMember *m,
                              const SchemaType *t, Value *v, Place p)
{
    const Value *arg = v->as.object.count == 1 ? v->as.object.vals[0] : NULL;
    if (!arg || strcmp(v->as.object.keys[0].ptr, "Fn::If") != 0 || arg->kind != VAL_LIST ||
        arg->as.list.count != 3)
        return placed(L, v, p.site);
    Value *list = value_list_new(L->a, arg->origin, 3);
    list->as.list.items[0] = arg->as.list.items[0];
    Place bp = {p.site, NULL, p.path, p.name};
    for (uint32_t i = 1; i < 3; i++) {
        Value *b = arg->as.list.items[i];
        Value *lb = m ? lower_member(L, shape, m, b, bp) : lower_type(L, t, b, bp);
        list->as.list.items[i] = lb ? lb : b;
    }
    Value *out = value_new_intrinsic(L->a, v->origin, "Fn::If", 6, list);
    out->flags = v->flags;
    out->site = p.site;
    return out;
}

static Value *lower_object(Lower *L, const SchemaShape *shape, Value *v, Place p)
{
    Value *out = value_object_new(L->a, v->origin, v->as.object.count);
    out->flags = v->flags;
    out->site = p.site;
    int64_t *seen = arena_alloc(L->a, ((size_t)shape->count + 1) * sizeof(int64_t));
    for (uint32_t i = 0; i < shape->count; i++)
        seen[i] = -1;
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const char *key = v->as.object.keys[i].ptr;
        Value *mv = v->as.object.vals[i];
        const ObjectItem *it = item_of(p.node, v, i);
        const SchemaMember *m = schema_find(shape, key);
        if (!m) {
            lower_unknown_member(L, shape, key, sensitive(v), it ? it->key->span : p.site,
                                 it ? NULL : placed(L, v, p.site),
                                 lower_describe(L, shape, object_name(v)),
                                 lower_path_text(L, p.path));
            continue;
        }
        size_t idx = (size_t)(m - shape->members);
        if (seen[idx] >= 0) {
            const ObjectItem *first = item_of(p.node, v, (uint32_t)seen[idx]);
            lower_member_twice(L, m, key, false, it ? it->key->span : p.site,
                               v->as.object.keys[seen[idx]].ptr, false,
                               first ? first->key->span : span_none());
            continue;
        }
        seen[idx] = i;
        LowerPath path = lower_child_path(p.path, m->api), name = {NULL, key, 0, LP_ROOT};
        Place cp = {it ? it->span : p.site, it ? lower_literal(it->value) : NULL, &path, &name};
        Value *lv = lower_member(L, shape, m, mv, cp);
        if (lv)
            value_object_append_ref(L->a, out, m->api, strlen(m->api), lv); // seen: once
    }
    return out;
}

static Value *lower_type(Lower *L, const SchemaType *t, Value *v, Place p)
{
    if (v->kind == VAL_INVALID)
        return v;
    if (ecs_unknown(v))
        return lower_intrinsic(L, NULL, NULL, t, v, p);
    switch (t->kind) {
    case SK_STRING:
        return to_string(L, v, p);
    case SK_INTEGER:
        return to_integer(L, v, p);
    case SK_BOOLEAN:
        return to_boolean(L, v, p);
    case SK_STRUCT:
        return v->kind == VAL_OBJECT ? lower_object(L, t->shape, v, p) : placed(L, v, p.site);
    case SK_LIST:
        return v->kind == VAL_LIST ? lower_list(L, t, v, p) : placed(L, v, p.site);
    case SK_MAP:
        return v->kind == VAL_OBJECT ? lower_map(L, t, v, p) : placed(L, v, p.site);
    }
    return placed(L, v, p.site);
}
