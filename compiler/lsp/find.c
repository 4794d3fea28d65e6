// find.c - what lies at an offset of a parsed file: the blocks around it,
// the attribute, the innermost expression and a var./local./workspace.
// reference under the cursor; and a walk over every reference of a body.
// The cursor may sit just after the last character of a name (offset ==
// span end), where editors ask while typing.
#include "lsp/lsp_impl.h"

#include <string.h>

static bool covers(Span s, uint32_t offset)
{
    return !span_is_none(s) && s.start <= offset && offset <= s.end;
}

static void find_ref(const Node *n, uint32_t offset, LspAt *at)
{
    if (n->kind != NODE_GETATTR || n->as.getattr.obj->kind != NODE_VARIABLE)
        return;
    const char *root = n->as.getattr.obj->as.var.name;
    if (strcmp(root, "var") != 0 && strcmp(root, "local") != 0 && strcmp(root, "workspace") != 0)
        return;
    if (!covers(n->span, offset))
        return;
    at->ref_kind = root;
    at->ref_name = n->as.getattr.name;
    at->ref_span = n->as.getattr.name_span;
}

typedef void NodeFn(void *ctx, const Node *n);

static void walk_list(const NodeList *l, NodeFn *fn, void *ctx);

// Calls `fn` for `n` and every node below it, outermost first.
static void walk(const Node *n, NodeFn *fn, void *ctx)
{
    if (!n)
        return;
    fn(ctx, n);
    switch (n->kind) {
    case NODE_NULL:
    case NODE_BOOL:
    case NODE_NUMBER:
    case NODE_STRING_LIT:
    case NODE_VARIABLE:
    case NODE_SPLAT_ITEM:
        break;
    case NODE_TEMPLATE:
        walk_list(&n->as.template.parts, fn, ctx);
        break;
    case NODE_TEMPLATE_IF:
        walk(n->as.tif->cond, fn, ctx);
        walk_list(&n->as.tif->then_parts, fn, ctx);
        walk_list(&n->as.tif->else_parts, fn, ctx);
        break;
    case NODE_TEMPLATE_FOR:
        walk(n->as.tfor->coll, fn, ctx);
        walk_list(&n->as.tfor->body, fn, ctx);
        break;
    case NODE_GETATTR:
        walk(n->as.getattr.obj, fn, ctx);
        break;
    case NODE_INDEX:
        walk(n->as.index.obj, fn, ctx);
        walk(n->as.index.key, fn, ctx);
        break;
    case NODE_SPLAT:
        walk(n->as.splat.source, fn, ctx);
        walk(n->as.splat.each, fn, ctx);
        break;
    case NODE_CALL:
        walk_list(&n->as.call.args, fn, ctx);
        break;
    case NODE_TUPLE:
        walk_list(&n->as.tuple.items, fn, ctx);
        break;
    case NODE_OBJECT:
        for (uint32_t i = 0; i < n->as.object.count; i++) {
            walk(n->as.object.items[i].key, fn, ctx);
            walk(n->as.object.items[i].value, fn, ctx);
        }
        break;
    case NODE_UNARY:
        walk(n->as.unary.operand, fn, ctx);
        break;
    case NODE_BINARY:
        walk(n->as.binary.lhs, fn, ctx);
        walk(n->as.binary.rhs, fn, ctx);
        break;
    case NODE_CONDITIONAL:
        walk(n->as.cond.cond, fn, ctx);
        walk(n->as.cond.then_expr, fn, ctx);
        walk(n->as.cond.else_expr, fn, ctx);
        break;
    case NODE_FOR:
        walk(n->as.forexpr->coll, fn, ctx);
        walk(n->as.forexpr->key_expr, fn, ctx);
        walk(n->as.forexpr->value_expr, fn, ctx);
        walk(n->as.forexpr->cond, fn, ctx);
        break;
    case NODE_PAREN:
        walk(n->as.paren.inner, fn, ctx);
        break;
    }
}

static void walk_list(const NodeList *l, NodeFn *fn, void *ctx)
{
    for (uint32_t i = 0; i < l->count; i++)
        walk(l->items[i], fn, ctx);
}

typedef struct FindState {
    uint32_t offset;
    LspAt *at;
} FindState;

static void visit_find(void *ctx, const Node *n)
{
    FindState *st = ctx;
    if (!covers(n->span, st->offset))
        return;
    st->at->node = n; // outermost first: the last one covering is the innermost
    if (n->kind == NODE_CALL)
        st->at->call = n;
    if (!st->at->ref_kind)
        find_ref(n, st->offset, st->at);
}

static void find_body(const Body *body, uint32_t offset, LspAt *at)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_ATTRIBUTE) {
            const Attribute *a = it->as.attr;
            if (!covers(a->span, offset))
                continue;
            at->attr = a;
            at->on_attr_name = covers(a->name_span, offset);
            FindState st = {offset, at};
            walk(a->expr, visit_find, &st);
            return;
        }
        const Block *b = it->as.block;
        if (!covers(b->span, offset))
            continue;
        if (at->nblocks < LSP_MAX_BLOCKS)
            at->blocks[at->nblocks++] = b;
        if (covers(b->type_span, offset))
            at->on_block_type = b;
        else if (b->body && offset > b->open_brace.start)
            find_body(b->body, offset, at);
        return;
    }
}

void lsp_find(const Body *body, uint32_t offset, LspAt *at)
{
    memset(at, 0, sizeof *at);
    at->ref_span = span_none();
    if (body)
        find_body(body, offset, at);
}

typedef struct RefState {
    LspRefFn *fn;
    void *ctx;
} RefState;

static void visit_ref(void *ctx, const Node *n)
{
    RefState *st = ctx;
    if (n->kind != NODE_GETATTR || n->as.getattr.obj->kind != NODE_VARIABLE)
        return;
    const char *root = n->as.getattr.obj->as.var.name;
    if (strcmp(root, "var") == 0 || strcmp(root, "local") == 0)
        st->fn(st->ctx, root, n->as.getattr.name, n->as.getattr.name_span);
}

static void refs_body(const Body *body, RefState *st)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_ATTRIBUTE)
            walk(it->as.attr->expr, visit_ref, st);
        else if (it->as.block->body)
            refs_body(it->as.block->body, st);
    }
}

void lsp_each_ref(const Body *body, LspRefFn *fn, void *ctx)
{
    RefState st = {fn, ctx};
    if (body)
        refs_body(body, &st);
}
