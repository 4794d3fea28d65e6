// eval_ops.c - unary and binary operators, and the scalar conversions they
// share with the rest of the evaluator. `+ - * / %` and the comparisons take
// numbers (numeric strings convert, as in Terraform); `&&` and `||` take
// bools and short-circuit; `==` and `!=` compare any values and are false
// (or true) across types, never an error.
#include "eval/eval_impl.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"

const char *eval_number_text(Eval *ev, double d)
{
    char buf[VALUE_NUMBER_BUF];
    return arena_strdup(ev->arena, value_number_text(d, buf));
}

Value *eval_known(Eval *ev, Value *v, Span at, const char *what, bool deep)
{
    const Value *x = deep ? value_find_intrinsic(v) : (v->flags & VALF_INTRINSIC) ? v : NULL;
    if (!x)
        return v;
    fn_report_intrinsic_use(ev->diags, x, at, what);
    return value_invalid(ev->arena, at);
}

Value *eval_known_as(Eval *ev, Value *v, Span at, const char *kind, const char *name)
{
    const Value *x = value_find_intrinsic(v);
    if (!x)
        return v;
    fn_report_intrinsic_use(ev->diags, x, at, arena_printf(ev->arena, "%s %s", kind, name));
    return value_invalid(ev->arena, at);
}

Value *eval_to_string(Eval *ev, Value *v)
{
    if (v->kind == VAL_STRING)
        return v;
    if (v->kind == VAL_NUMBER)
        return value_cstring(ev->arena, v->origin, eval_number_text(ev, v->as.number));
    if (v->kind == VAL_BOOL)
        return value_cstring(ev->arena, v->origin, v->as.boolean ? "true" : "false");
    return v;
}

Value *eval_to_bool(Eval *ev, Value *v, Span at, const char *what)
{
    if (v->kind == VAL_INVALID || v->kind == VAL_BOOL)
        return v;
    if (eval_known(ev, v, at, what, false)->kind == VAL_INVALID)
        return value_invalid(ev->arena, at);
    if (v->kind == VAL_STRING && strcmp(v->as.str.ptr, "true") == 0)
        return value_bool(ev->arena, v->origin, true);
    if (v->kind == VAL_STRING && strcmp(v->as.str.ptr, "false") == 0)
        return value_bool(ev->arena, v->origin, false);
    return eval_fail(ev, E_BAD_CONDITION, at, "%s must be a bool, got %s", what,
                     value_type_name(v));
}

const char *eval_path_dir(Arena *a, const char *path, const char *fallback)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? arena_strndup(a, path, (size_t)(slash - path) + (slash == path))
                      : arena_strdup(a, ".");
    char *real = realpath(dir, NULL);
    if (!real)
        return fallback;
    char *out = arena_strdup(a, real);
    free(real);
    return out;
}

// The operand as a number, or VAL_INVALID after an error naming `op`.
static Value *number_operand(Eval *ev, Value *v, const Node *at, const char *op)
{
    if (v->kind == VAL_INVALID || v->kind == VAL_NUMBER)
        return v;
    TypeError err;
    Type num = {.kind = TY_NUMBER};
    Value *n = v->kind == VAL_STRING ? types_convert(ev->arena, v, &num, &err) : NULL;
    if (n)
        return n;
    if (v->kind == VAL_STRING)
        return eval_fail(ev, E_OPERAND_TYPE, at->span,
                         "operator %s needs numbers; this string is not a number%s", op,
                         strcmp(op, "+") == 0 ? " (join strings with \"$<a>$<b>\" or format())"
                                              : "");
    return eval_fail(ev, E_OPERAND_TYPE, at->span, "operator %s needs numbers, got %s", op,
                     value_type_name(v));
}

static Value *arithmetic(Eval *ev, const Node *n, double x, double y)
{
    double r = 0;
    switch (n->as.binary.op) {
    case OP_ADD:
        r = x + y;
        break;
    case OP_SUB:
        r = x - y;
        break;
    case OP_MUL:
        r = x * y;
        break;
    case OP_DIV:
    case OP_MOD:
        if (y == 0)
            return eval_fail(ev, E_ARITHMETIC, n->as.binary.rhs->span, "division by zero");
        r = n->as.binary.op == OP_DIV ? x / y : fmod(x, y);
        break;
    case OP_GT:
        return value_bool(ev->arena, n->span, x > y);
    case OP_GE:
        return value_bool(ev->arena, n->span, x >= y);
    case OP_LT:
        return value_bool(ev->arena, n->span, x < y);
    case OP_LE:
        return value_bool(ev->arena, n->span, x <= y);
    case OP_NOT:
    case OP_NEG:
    case OP_EQ:
    case OP_NE:
    case OP_AND:
    case OP_OR:
        break;
    }
    if (!isfinite(r))
        return eval_fail(ev, E_ARITHMETIC, n->span, "the result of %s is not a finite number",
                         ast_op_text(n->as.binary.op));
    return value_number(ev->arena, n->span, r == 0 ? 0.0 : r);
}

static Value *sensitive_if(Eval *ev, Value *r, Value *a, Value *b)
{
    if (r->kind != VAL_INVALID && (value_is_sensitive(a) || (b && value_is_sensitive(b))))
        return value_mark_sensitive(ev->arena, r);
    return r;
}

// && and ||: the right operand is evaluated only when it decides the result.
static Value *logical(Eval *ev, const Node *n)
{
    bool is_and = n->as.binary.op == OP_AND;
    const char *what = is_and ? "an operand of &&" : "an operand of ||";
    Value *l = eval_expr(ev, n->as.binary.lhs);
    Value *lb = eval_to_bool(ev, l, n->as.binary.lhs->span, what);
    if (lb->kind != VAL_BOOL)
        return value_invalid(ev->arena, n->span);
    if (lb->as.boolean != is_and)
        return sensitive_if(ev, value_bool(ev->arena, n->span, lb->as.boolean), l, NULL);
    Value *r = eval_expr(ev, n->as.binary.rhs);
    Value *rb = eval_to_bool(ev, r, n->as.binary.rhs->span, what);
    if (rb->kind != VAL_BOOL)
        return value_invalid(ev->arena, n->span);
    return sensitive_if(ev, value_bool(ev->arena, n->span, rb->as.boolean), l, r);
}

Value *eval_binary(Eval *ev, const Node *n)
{
    Operator op = n->as.binary.op;
    if (op == OP_AND || op == OP_OR)
        return logical(ev, n);
    Value *l = eval_expr(ev, n->as.binary.lhs);
    Value *r = eval_expr(ev, n->as.binary.rhs);
    l = eval_known_as(ev, l, n->as.binary.lhs->span, "operator", ast_op_text(op));
    r = eval_known_as(ev, r, n->as.binary.rhs->span, "operator", ast_op_text(op));
    if (l->kind == VAL_INVALID || r->kind == VAL_INVALID)
        return value_invalid(ev->arena, n->span);
    if (op == OP_EQ || op == OP_NE) {
        bool eq = value_equal(l, r);
        return sensitive_if(ev, value_bool(ev->arena, n->span, op == OP_EQ ? eq : !eq), l, r);
    }
    const char *text = ast_op_text(op);
    Value *x = number_operand(ev, l, n->as.binary.lhs, text);
    Value *y = number_operand(ev, r, n->as.binary.rhs, text);
    if (x->kind == VAL_INVALID || y->kind == VAL_INVALID)
        return value_invalid(ev->arena, n->span);
    return sensitive_if(ev, arithmetic(ev, n, x->as.number, y->as.number), l, r);
}

Value *eval_unary(Eval *ev, const Node *n)
{
    Value *v = eval_expr(ev, n->as.unary.operand);
    if (v->kind == VAL_INVALID)
        return v;
    if (n->as.unary.op == OP_NOT) {
        Value *b = eval_to_bool(ev, v, n->as.unary.operand->span, "the operand of !");
        if (b->kind != VAL_BOOL)
            return value_invalid(ev->arena, n->span);
        return sensitive_if(ev, value_bool(ev->arena, n->span, !b->as.boolean), v, NULL);
    }
    Value *x = eval_known(ev, v, n->as.unary.operand->span, "operator -", false);
    if (x->kind == VAL_INVALID)
        return x;
    x = number_operand(ev, v, n->as.unary.operand, "-");
    if (x->kind == VAL_INVALID)
        return x;
    return sensitive_if(
        ev, value_number(ev->arena, n->span, x->as.number == 0 ? 0.0 : -x->as.number), v, NULL);
}
