// eval_call.c - function calls: the arguments (with a final `args...`
// expanded), the special forms can(), try() and templatefile(), the check
// that no argument holds a deferred value a function cannot take, and "did
// you mean" for an unknown function.
#include "eval/eval_impl.h"

#include <string.h>

#include "syntax/parse.h"

static const char *const special_forms[] = {"can", "try", "templatefile"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// --- calls --------------------------------------------------------------------------

static Value *unknown_function(Eval *ev, const Node *n)
{
    size_t count;
    const char *const *names = fn_names(&count);
    const char **all = arena_alloc(ev->arena, (count + COUNT(special_forms)) * sizeof(char *));
    memcpy(all, names, count * sizeof(char *));
    memcpy(all + count, special_forms, sizeof special_forms);
    Diag *g = diag_error(ev->diags, E_UNKNOWN_FUNCTION, ast_call_name_span(n),
                         "unknown function \"%s\"", n->as.call.name);
    diag_help_suggest(ev->diags, g, n->as.call.name, all, count + COUNT(special_forms));
    return value_invalid(ev->arena, n->span);
}

// Evaluates the arguments, expanding a final `args...`.
static bool call_args(Eval *ev, const Node *n, Value ***vals, Span **spans, uint32_t *count)
{
    const NodeList *args = &n->as.call.args;
    uint32_t cap = args->count + 1;
    *vals = arena_alloc(ev->arena, cap * sizeof(Value *));
    *spans = arena_alloc(ev->arena, cap * sizeof(Span));
    *count = 0;
    bool ok = true;
    for (uint32_t i = 0; i < args->count; i++) {
        Value *v = eval_expr(ev, args->items[i]);
        ok &= v->kind != VAL_INVALID;
        bool expand = n->as.call.expand_final && i + 1 == args->count;
        if (!expand || v->kind == VAL_INVALID) {
            (*vals)[*count] = v;
            (*spans)[(*count)++] = args->items[i]->span;
            continue;
        }
        if (v->kind != VAL_LIST) {
            eval_fail(ev, E_OPERAND_TYPE, args->items[i]->span,
                      "only a list can be expanded with ..., got %s", value_type_name(v));
            return false;
        }
        uint32_t total = *count + v->as.list.count + 1;
        *vals = arena_grow(ev->arena, *vals, *count, total, sizeof(Value *));
        *spans = arena_grow(ev->arena, *spans, *count, total, sizeof(Span));
        for (uint32_t k = 0; k < v->as.list.count; k++) {
            (*vals)[*count] = v->as.list.items[k];
            (*spans)[(*count)++] = args->items[i]->span;
        }
    }
    return ok;
}

Value *eval_call(Eval *ev, const Node *n)
{
    const char *name = n->as.call.name;
    if (strcmp(name, "can") == 0 || strcmp(name, "try") == 0)
        return eval_try(ev, n, name[0] == 'c');
    bool template = strcmp(name, "templatefile") == 0;
    const FnDef *def = template ? NULL : fn_find(name);
    if (!template && !def)
        return unknown_function(ev, n);
    Value **vals;
    Span *spans;
    uint32_t count;
    if (!call_args(ev, n, &vals, &spans, &count))
        return value_invalid(ev->arena, n->span);
    if (template) {
        if (count != 2)
            return eval_fail(ev, E_FUNC_ARITY, n->span,
                             "function \"templatefile\" takes 2 arguments (path, vars), got %u",
                             count);
        return eval_propagate(ev, eval_templatefile(ev, n, vals[0], vals[1]), vals, count);
    }
    bool takes_intrinsics = fn_def_takes_intrinsics(def);
    for (uint32_t i = 0; !takes_intrinsics && i < count; i++)
        if (eval_known_as(ev, vals[i], spans[i], "function", name)->kind == VAL_INVALID)
            return value_invalid(ev->arena, n->span);
    FnCall call = {name,  ast_call_name_span(n),    n->span, vals, spans,
                   count, eval_dir_of(ev, n->span), def};
    ev->fn.diags = ev->diags;
    Value *v = fn_call(&ev->fn, &call);
    return eval_propagate(ev, v, vals, count);
}

// can(expr) and try(expr, ...): errors of the argument itself go to a
// scratch list; a variable or local reached from it still reports to the
// main list (see eval_definition).
Value *eval_try(Eval *ev, const Node *n, bool is_can)
{
    const NodeList *args = &n->as.call.args;
    if (is_can ? args->count != 1 : args->count < 1)
        return eval_fail(ev, E_FUNC_ARITY, n->span,
                         is_can ? "can() takes exactly one expression"
                                : "try() takes at least one expression");
    Diags *saved = ev->diags;
    Diag *first_error = NULL;
    for (uint32_t i = 0; i < args->count; i++) {
        Diags scratch;
        diags_init(&scratch, ev->arena);
        ev->diags = &scratch;
        Value *v = eval_expr(ev, args->items[i]);
        ev->diags = saved;
        bool ok = v->kind != VAL_INVALID && !diags_has_errors(&scratch) && !value_has_invalid(v);
        if (is_can)
            return value_bool(ev->arena, n->span, ok);
        if (ok)
            return v;
        if (!first_error && scratch.count)
            first_error = scratch.items[0];
    }
    Diag *g = diag_error(ev->diags, E_FUNC_ARG, n->span, "no expression given to try() succeeded");
    if (first_error)
        diag_note_at(ev->diags, g, first_error->subject, "the first one failed: %s",
                     first_error->summary);
    return value_invalid(ev->arena, n->span);
}
