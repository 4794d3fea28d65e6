// secret_source.c - names the sensitive variable an expression draws on, for
// the error about an output that derives from a secret but is not declared
// `sensitive = true` (Terraform's rule). Walks the syntax tree, following
// locals and outputs it refers to; runs only on that error's path.
#include "eval/eval_impl.h"

#include <string.h>

#define WALK_MAX_DEPTH 2000 // deeper chains of locals name no variable

typedef struct Walk {
    Eval *ev;
    uint8_t *seen_local, *seen_output; // each definition is walked once
    unsigned depth;
} Walk;

static const char *walk(Walk *w, const Node *n);

static const char *walk_list(Walk *w, const NodeList *l)
{
    const char *found = NULL;
    for (uint32_t i = 0; i < l->count && !found; i++)
        found = walk(w, l->items[i]);
    return found;
}

static bool var_is_secret(Eval *ev, int64_t i)
{
    const Value *v = ev->var_state[i] == EV_DONE ? ev->var_values[i] : NULL;
    return ev->mod->vars[i].sensitive || (v && v->kind != VAL_INVALID && value_is_sensitive(v));
}

// `root.name` for root var, local or output; NULL for anything else.
static const char *reference(Walk *w, const Node *n)
{
    const Node *obj = n->as.getattr.obj;
    if (obj->kind != NODE_VARIABLE)
        return walk(w, obj);
    const char *root = obj->as.var.name, *name = n->as.getattr.name;
    const Module *m = w->ev->mod;
    if (strcmp(root, "var") == 0) {
        int64_t i = module_find_var(m, name);
        return i >= 0 && var_is_secret(w->ev, i) ? arena_printf(w->ev->arena, "var.%s", name)
                                                 : NULL;
    }
    if (strcmp(root, "local") == 0) {
        int64_t i = module_find_local(m, name);
        if (i < 0 || w->seen_local[i])
            return NULL;
        w->seen_local[i] = 1;
        return walk(w, m->locals[i].attr->expr);
    }
    if (strcmp(root, "output") == 0) {
        int64_t i = module_find_output(m, name);
        if (i < 0 || w->seen_output[i] || !m->outputs[i].value)
            return NULL;
        w->seen_output[i] = 1;
        return walk(w, m->outputs[i].value->expr);
    }
    return NULL;
}

static const char *walk_object(Walk *w, const Node *n)
{
    const char *found = NULL;
    for (uint32_t i = 0; i < n->as.object.count && !found; i++) {
        found = walk(w, n->as.object.items[i].key);
        if (!found)
            found = walk(w, n->as.object.items[i].value);
    }
    return found;
}

static const char *walk_node(Walk *w, const Node *n)
{
    const char *f = NULL;
    switch (n->kind) {
    case NODE_NULL:
    case NODE_BOOL:
    case NODE_NUMBER:
    case NODE_STRING_LIT:
    case NODE_VARIABLE:
    case NODE_SPLAT_ITEM:
        return NULL;
    case NODE_TEMPLATE:
        return walk_list(w, &n->as.template.parts);
    case NODE_TEMPLATE_IF:
        return (f = walk(w, n->as.tif->cond)) || (f = walk_list(w, &n->as.tif->then_parts))
                   ? f
                   : walk_list(w, &n->as.tif->else_parts);
    case NODE_TEMPLATE_FOR:
        return (f = walk(w, n->as.tfor->coll)) ? f : walk_list(w, &n->as.tfor->body);
    case NODE_GETATTR:
        return reference(w, n);
    case NODE_INDEX:
        return (f = walk(w, n->as.index.obj)) ? f : walk(w, n->as.index.key);
    case NODE_SPLAT:
        return (f = walk(w, n->as.splat.source)) ? f : walk(w, n->as.splat.each);
    case NODE_CALL:
        return walk_list(w, &n->as.call.args);
    case NODE_TUPLE:
        return walk_list(w, &n->as.tuple.items);
    case NODE_OBJECT:
        return walk_object(w, n);
    case NODE_UNARY:
        return walk(w, n->as.unary.operand);
    case NODE_BINARY:
        return (f = walk(w, n->as.binary.lhs)) ? f : walk(w, n->as.binary.rhs);
    case NODE_CONDITIONAL:
        return (f = walk(w, n->as.cond.cond)) || (f = walk(w, n->as.cond.then_expr))
                   ? f
                   : walk(w, n->as.cond.else_expr);
    case NODE_FOR:
        return (f = walk(w, n->as.forexpr->coll)) || (f = walk(w, n->as.forexpr->cond)) ||
                       (f = walk(w, n->as.forexpr->key_expr))
                   ? f
                   : walk(w, n->as.forexpr->value_expr);
    case NODE_PAREN:
        return walk(w, n->as.paren.inner);
    }
    return NULL;
}

static const char *walk(Walk *w, const Node *n)
{
    if (!n || w->depth >= WALK_MAX_DEPTH)
        return NULL;
    w->depth++;
    const char *f = walk_node(w, n);
    w->depth--;
    return f;
}

const char *eval_secret_source(Eval *ev, const Node *n)
{
    Walk w = {ev, arena_alloc(ev->arena, ev->mod->nlocals + 1),
              arena_alloc(ev->arena, ev->mod->noutputs + 1), 0};
    return walk(&w, n);
}
