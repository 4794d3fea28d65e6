// lower.c - a task_definition block lowered to the RegisterTaskDefinition
// request object (docs/language.md#task-definitions).
//
// Bodies are walked in source order: attributes are evaluated in the
// module's scope and converted by lower_value.c; blocks become struct
// members, or items of a list member (container "web" -> an element of
// containerDefinitions with name "web" first); a member set twice (two
// spellings, an attribute and a block) is an error naming both places.
// Every value put in the tree carries `site`, the attribute, block or
// object item of the task definition that holds it, beside its `origin`.
#include "ecs/lower_impl.h"

#include <string.h>

#include "base/buf.h"

// --- bodies and blocks ----------------------------------------------------------

// One member as written in a body: the attribute or block that set it
// first, and for repeated blocks the list they build.
typedef struct Slot {
    const BodyItem *first;
    Value *list; // repeated blocks: the list in the object, grown per block
    uint32_t cap;
    bool clashed; // an attribute and blocks clash: reported once
} Slot;

typedef struct BodyCtx {
    const SchemaShape *shape;
    const SchemaMember *label; // the member set by the block's label, or NULL
    const Block *owner;        // the block whose body this is
    const char *name;          // the object's name for messages ("web"), or NULL
    const LowerPath *path;     // AWS's path of the object: "containerDefinitions[0]"
    Value *out;                // the object being built
    Slot *slots;               // per member of shape
} BodyCtx;

static Span header_span(const Block *b)
{
    return b->nlabels ? span_join(b->type_span, b->labels[b->nlabels - 1].span) : b->type_span;
}

// The member a block sets: by block name, or a struct member by its own
// name in either spelling (log_configuration, logConfiguration).
static const SchemaMember *block_member(const SchemaShape *shape, const char *type)
{
    const SchemaMember *m = schema_find_block(shape, type);
    if (!m) {
        m = schema_find(shape, type);
        if (m && !(m->block && m->type.kind == SK_STRUCT))
            m = NULL;
    }
    return m && (lower_repeated(m) || m->type.kind == SK_STRUCT) ? m : NULL;
}

static void unknown_block(Lower *L, const SchemaShape *shape, const Block *blk, const char *where)
{
    const SchemaMember *m = schema_find(shape, blk->type);
    L->failed = true;
    if (m) {
        Diag *g = diag_error(L->diags, E_ECS_BAD_BLOCK, blk->type_span,
                             "\"%s\" cannot be written as a block", blk->type);
        if (m->block)
            diag_help(L->diags, g, "write one \"%s\" block per item, or %s = [...]", m->block,
                      blk->type);
        else
            diag_help(L->diags, g, "write it as an attribute: %s = ...", blk->type);
        return;
    }
    Diag *g = diag_error(L->diags, E_ECS_BAD_BLOCK, blk->type_span, "unknown block \"%s\" in %s",
                         blk->type, where);
    const char *s =
        diag_suggest(blk->type, lower_member_names(L, shape, false, true), shape->count);
    if (!s)
        s = diag_suggest(blk->type, lower_member_names(L, shape, lower_is_camel(blk->type), false),
                         shape->count);
    if (s)
        diag_help(L->diags, g, "did you mean \"%s\"?", s);
    else if (shape == schema_task_definition() &&
             block_member(schema_container_definition(), blk->type))
        diag_help(L->diags, g, "\"%s\" blocks go inside a container block", blk->type);
}

// A block needs a label exactly when its member takes one (container "web").
static void check_labels(Lower *L, const SchemaMember *m, const Block *blk)
{
    uint32_t want = m->label ? 1 : 0;
    if (blk->nlabels == want)
        return;
    Span at = blk->nlabels > want
                  ? span_join(blk->labels[want].span, blk->labels[blk->nlabels - 1].span)
                  : blk->type_span;
    if (want == 0)
        diag_error(L->diags, E_ECS_BLOCK_LABELS, at, "a \"%s\" block takes no label", blk->type);
    else
        diag_error(L->diags, E_ECS_BLOCK_LABELS, at,
                   "a \"%s\" block takes exactly one label, its %s: %s \"NAME\"", blk->type,
                   m->label, blk->type);
    L->failed = true;
}

static const char *item_name(const BodyItem *it)
{
    return it->kind == ITEM_ATTRIBUTE ? it->as.attr->name : it->as.block->type;
}

static Span item_span(const BodyItem *it)
{
    return it->kind == ITEM_ATTRIBUTE ? it->as.attr->name_span : it->as.block->type_span;
}

// An attribute that names no member; a block name gets a hint.
static void unknown_attribute(Lower *L, BodyCtx *b, const Attribute *at)
{
    Diag *g =
        lower_unknown_member(L, b->shape, at->name, false, at->name_span, NULL,
                             lower_describe(L, b->shape, b->name), lower_path_text(L, b->path));
    const SchemaMember *m = schema_find_block(b->shape, at->name);
    if (m)
        diag_help(L->diags, g, "or write \"%s\" blocks: %s%s { ... }", at->name, at->name,
                  m->label ? " \"NAME\"" : "");
}

// False (after reporting) when item `it` may not set member m: the label
// sets it, or another item did. Blocks of one list member add up.
static bool may_set(Lower *L, BodyCtx *b, const SchemaMember *m, const BodyItem *it)
{
    const char *name = item_name(it);
    if (m == b->label) {
        Diag *g = diag_error(L->diags, E_ECS_MEMBER_TWICE, item_span(it),
                             "\"%s\" is already set by the block's label", name);
        diag_note_at(L->diags, g, b->owner->labels[0].span, "the label sets it here");
        L->failed = true;
        return false;
    }
    Slot *s = &b->slots[m - b->shape->members];
    if (!s->first)
        return true;
    bool both_blocks = it->kind == ITEM_BLOCK && s->first->kind == ITEM_BLOCK;
    if (both_blocks && lower_repeated(m))
        return true;
    if (!s->clashed)
        lower_member_twice(L, m, name, it->kind == ITEM_BLOCK, item_span(it), item_name(s->first),
                           s->first->kind == ITEM_BLOCK, item_span(s->first));
    s->clashed |= lower_repeated(m); // one report for an attribute and many blocks
    L->failed = true;
    return false;
}

static Value *lower_block(Lower *L, const SchemaShape *shape, const Block *blk,
                          const SchemaMember *label, Place p);

// Puts member m, which the object does not have yet (may_set lets each
// member be set once), under the tables' own name, not copied.
static void put(Lower *L, Value *obj, const SchemaMember *m, Value *v)
{
    value_object_append_ref(L->a, obj, m->api, strlen(m->api), v);
}

// Evaluates an attribute's expression. eval_expr gives `var.NAME` the span
// of the reference as origin; an attribute that is exactly such a reference
// takes the variable's value with the origin of whatever set it (default,
// workspace, var file, flag), so diagnostics can note it. Not for sensitive
// values: that note would show the line holding the secret. Nor for a
// cfn_parameter variable in the CloudFormation targets, whose reference is
// its {"Ref": ...}, not its value.
static Value *evaluate(Lower *L, const Node *expr)
{
    Value *v = eval_expr(L->ev, expr);
    const Node *n = expr;
    while (n->kind == NODE_PAREN)
        n = n->as.paren.inner;
    if (v->kind == VAL_INVALID || value_is_sensitive(v) || (v->flags & VALF_INTRINSIC) ||
        n->kind != NODE_GETATTR || n->as.getattr.obj->kind != NODE_VARIABLE ||
        strcmp(n->as.getattr.obj->as.var.name, "var") != 0)
        return v;
    int64_t i = module_find_var(L->ev->mod, n->as.getattr.name);
    return i < 0 ? v : eval_variable(L->ev, (uint32_t)i, n->span);
}

static void body_attribute(Lower *L, BodyCtx *b, const SchemaMember *m, const Attribute *at)
{
    Value *v = evaluate(L, at->expr);
    // Every value of the lowered task comes from an attribute checked here,
    // or is built by lowering: ecs_lower's result holds no invalid value.
    if (v->kind == VAL_INVALID || value_has_invalid(v)) {
        L->failed = true;
        return;
    }
    LowerPath path = lower_child_path(b->path, m->api), name = {NULL, at->name, 0, LP_ROOT};
    Place p = {at->span, lower_literal(at->expr), &path, &name};
    Value *lv = lower_member(L, b->shape, m, v, p);
    if (lv)
        put(L, b->out, m, lv);
}

// A struct block, or one more item of a list written as repeated blocks
// (the list takes the first block's place in the object).
static void body_block(Lower *L, BodyCtx *b, const SchemaMember *m, const Block *blk)
{
    Span head = header_span(blk);
    LowerPath path = lower_child_path(b->path, m->api), name = {NULL, blk->type, 0, LP_ROOT};
    if (!lower_repeated(m)) {
        Place p = {head, NULL, &path, &name};
        put(L, b->out, m, lower_block(L, m->type.shape, blk, NULL, p));
        return;
    }
    Slot *s = &b->slots[m - b->shape->members];
    if (!s->list) {
        s->list = value_list_new(L->a, head, 0);
        s->list->site = head;
        put(L, b->out, m, s->list);
    }
    Value *list = s->list;
    BUF_RESERVE(L->a, list->as.list.items, list->as.list.count, s->cap);
    const SchemaShape *shape = m->type.elem->shape;
    const SchemaMember *label = m->label ? schema_find(shape, m->label) : NULL;
    LowerPath item = {&path, NULL, list->as.list.count, LP_INDEX};
    Place p = {head, NULL, &item, &name};
    list->as.list.items[list->as.list.count++] = lower_block(L, shape, blk, label, p);
}

// The items of a body in source order, each lowered as soon as it is known
// to set a member, so that diagnostics come in the order of the source.
static void lower_body(Lower *L, BodyCtx *b, const Body *body)
{
    b->slots = arena_alloc(L->a, ((size_t)b->shape->count + 1) * sizeof(Slot));
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        const char *name = item_name(it);
        bool is_block = it->kind == ITEM_BLOCK;
        if (!is_block && b->shape == schema_task_definition() && module_is_cfn_task_attr(name))
            continue; // the CloudFormation resource's (cfn.c), not a member
        const SchemaMember *m =
            is_block ? block_member(b->shape, name) : schema_find(b->shape, name);
        if (!m && is_block)
            unknown_block(L, b->shape, it->as.block, lower_describe(L, b->shape, b->name));
        else if (!m)
            unknown_attribute(L, b, it->as.attr);
        if (!m)
            continue;
        if (is_block)
            check_labels(L, m, it->as.block);
        if (!may_set(L, b, m, it))
            continue;
        Slot *s = &b->slots[m - b->shape->members];
        s->first = s->first ? s->first : it;
        if (is_block)
            body_block(L, b, m, it->as.block);
        else
            body_attribute(L, b, m, it->as.attr);
    }
}

// A block's body as an object of `shape`; `label`, when set, is the member
// the block's label gives (first in the object).
static Value *lower_block(Lower *L, const SchemaShape *shape, const Block *blk,
                          const SchemaMember *label, Place p)
{
    Value *out = value_object_new(L->a, p.site, blk->body->count + 1);
    out->site = p.site;
    const char *name = NULL;
    if (label && blk->nlabels >= 1) {
        const BlockLabel *l = &blk->labels[0];
        Value *nv = value_cstring(L->a, l->span, l->text);
        nv->site = l->span;
        put(L, out, label, nv);
        name = l->text;
    }
    if (shape == schema_task_definition() && blk->nlabels >= 1)
        name = blk->labels[0].text;
    BodyCtx b = {.shape = shape,
                 .label = label && blk->nlabels ? label : NULL,
                 .owner = blk,
                 .name = name,
                 .path = p.path,
                 .out = out};
    lower_body(L, &b, blk->body);
    return out;
}

Value *ecs_lower(Eval *ev, const TaskDef *t)
{
    Lower L = {.ev = ev, .a = ev->arena, .diags = ev->diags};
    L.ctx = (EcsCtx){ev->arena, ev->diags, NULL, ECS_FORM_REQUEST, false, 0};
    static const LowerPath input = {NULL, "input", 0, LP_ROOT};
    static const LowerPath task = {NULL, "task_definition", 0, LP_ROOT};
    Place p = {header_span(t->block), NULL, &input, &task};
    Value *out = lower_block(&L, schema_task_definition(), t->block, NULL, p);
    if (L.failed || L.ctx.failed)
        return value_invalid(ev->arena, p.site);
    return out;
}
