// parse_expr.c - the expression grammar: literals, parentheses, function
// calls, for expressions, tuples and objects, traversals and splats, and
// the operators through one precedence-climbing loop (Lua's subexpr). The
// cursor, errors and limits are parse_impl.h's; templates are
// parse_template.c's.
#include "syntax/parse_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/value.h"

// --- expressions: terms -----------------------------------------------------

// The value of an integer of up to 15 digits, exact as a double: the most
// common number by far, read without strtod. False for any other number.
static bool small_integer(const char *s, double *out)
{
    uint64_t v = 0;
    size_t i = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++) {
        if (i == 15)
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (i == 0 || s[i])
        return false;
    *out = (double)v;
    return true;
}

// literal = NUMBER | 'true' | 'false' | 'null' ;
static Node *number_literal(Cursor *c)
{
    const Token *t = advance(c);
    Node *n = new_node(c, NODE_NUMBER, tok_span(c, t));
    n->as.number.text = t->text;
    if (small_integer(t->text, &n->as.number.value))
        return n; // finite and exact
    n->as.number.value = strtod(t->text, NULL);
    if (!isfinite(n->as.number.value)) {
        Diag *g = error_at(c, E_BAD_NUMBER, tok_span(c, t), "number %.40s is too large", t->text);
        help(c, g, "numbers must be below about 1.8e308");
        return NULL;
    }
    if (!value_int_text_exact(t->text, strlen(t->text))) {
        Diag *g = error_at(c, E_INEXACT_INTEGER, tok_span(c, t),
                           "integer %.40s cannot be held exactly; it would become %.0f", t->text,
                           n->as.number.value);
        help(c, g,
             "integers are exact up to 9007199254740992 (2^53); write a larger one as a "
             "string");
        return NULL;
    }
    return n;
}

// '(' , expression , ')'
static Node *paren_expr(Cursor *c)
{
    uint32_t open = c->pos;
    const Token *o = advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *inner = parse_expr(c);
    Node *n = NULL;
    if (inner) {
        if (at(c, TOK_RPAREN) && partner(c) == open) {
            advance(c);
            n = new_node(c, NODE_PAREN, span_join(tok_span(c, o), prev_span(c)));
            n->as.paren.inner = inner;
        } else {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "')'");
        }
    } else {
        jump_past(c, open);
    }
    c->skip_nl = saved;
    return n;
}

// True at the construct's own closer.
static bool at_closer(Cursor *c, TokenKind k, uint32_t open)
{
    return at(c, k) && partner(c) == open;
}

// function call = IDENT , '(' , [ arguments ] , ')' ;
// arguments = expression , { ',' , expression } , ( '...' | [ ',' ] ) ;
static Node *function_call(Cursor *c)
{
    const Token *name = advance(c);
    uint32_t open = c->pos;
    advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *n = new_node(c, NODE_CALL, tok_span(c, name));
    n->as.call.name = name->text;
    n->as.call.name_end = name->end;
    NodeVec args = vec_open(c);
    bool ok = true, comma = true;
    while (ok && !at_closer(c, TOK_RPAREN, open)) {
        if (!comma || n->as.call.expand_final || is_closer(peek(c)->kind) || at(c, TOK_EOF)) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "',' or ')'");
            ok = false;
            break;
        }
        Node *arg = parse_expr(c);
        if (!arg) {
            jump_past(c, open);
            ok = false;
            break;
        }
        vec_push(c, &args, arg);
        if (at(c, TOK_ELLIPSIS)) {
            const Token *e = advance(c);
            n->as.call.expand_final = true;
            if (at(c, TOK_COMMA) && peek_next(c)->kind != TOK_RPAREN) {
                Diag *g = error_at(c, E_UNEXPECTED_TOKEN, tok_span(c, e),
                                   "'...' may only follow the last argument");
                help(c, g, "move the expanded tuple to the end of the arguments");
                jump_past(c, open);
                ok = false;
            }
            accept(c, TOK_COMMA);
            continue;
        }
        comma = accept(c, TOK_COMMA);
    }
    if (ok)
        advance(c);
    c->skip_nl = saved;
    if (!ok)
        return NULL;
    n->as.call.args = vec_list(c, args);
    n->span = span_join(n->span, prev_span(c));
    return n;
}

// The loop variables of a for: IDENT , [ ',' , IDENT ] , 'in'. Shared by
// for expressions and for directives.
bool parse_for_vars(Cursor *c, const char **key, const char **value)
{
    const Token *t = peek(c);
    if (t->kind != TOK_IDENT || is_keyword(t)) {
        expected(c, E_UNEXPECTED_TOKEN, "a variable name after 'for'");
        return false;
    }
    advance(c);
    *key = NULL;
    *value = t->text;
    if (accept(c, TOK_COMMA)) {
        const Token *v = peek(c);
        if (v->kind != TOK_IDENT || is_keyword(v)) {
            expected(c, E_UNEXPECTED_TOKEN, "a second variable name after ','");
            return false;
        }
        advance(c);
        *key = t->text;
        *value = v->text;
    }
    if (!is_word(peek(c), "in")) {
        expected(c, E_UNEXPECTED_TOKEN, "'in'");
        return false;
    }
    advance(c);
    return true;
}

// for cond = 'if' , expression ;  (after the value; returns false on error)
static bool for_cond(Cursor *c, Node **cond)
{
    *cond = NULL;
    if (!is_word(peek(c), "if"))
        return true;
    advance(c);
    *cond = parse_expr(c);
    return *cond != NULL;
}

// for intro = 'for' , IDENT , [ ',' , IDENT ] , 'in' , expression , ':' ;
static bool for_intro(Cursor *c, Node *n)
{
    advance(c);
    if (!parse_for_vars(c, &n->as.forexpr->key_var, &n->as.forexpr->value_var))
        return false;
    n->as.forexpr->coll = parse_expr(c);
    if (!n->as.forexpr->coll)
        return false;
    if (!accept(c, TOK_COLON)) {
        expected(c, E_UNEXPECTED_TOKEN, "':'");
        return false;
    }
    return true;
}

// for tuple = '[' , for intro , expression , [ for cond ] , ']' ;
// for object = '{' , for intro , expression , '=>' , expression ,
//              [ '...' ] , [ for cond ] , '}' ;
static Node *for_expr(Cursor *c, bool is_object)
{
    uint32_t open = c->pos;
    const Token *o = advance(c);
    TokenKind close = is_object ? TOK_RBRACE : TOK_RBRACK;
    Node *n = new_node(c, NODE_FOR, tok_span(c, o));
    n->as.forexpr = arena_alloc(c->tree, sizeof *n->as.forexpr);
    n->as.forexpr->is_object = is_object;
    bool ok = for_intro(c, n);
    if (ok && is_object) {
        n->as.forexpr->key_expr = parse_expr(c);
        ok = n->as.forexpr->key_expr != NULL;
        if (ok && !accept(c, TOK_FAT_ARROW)) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "'=>'");
            return NULL;
        }
    }
    if (ok) {
        n->as.forexpr->value_expr = parse_expr(c);
        ok = n->as.forexpr->value_expr != NULL;
    }
    if (ok && is_object && accept(c, TOK_ELLIPSIS))
        n->as.forexpr->group = true;
    ok = ok && for_cond(c, &n->as.forexpr->cond);
    if (!ok) {
        jump_past(c, open);
        return NULL;
    }
    if (!at_closer(c, close, open)) {
        bracket_error(c, open, E_UNEXPECTED_TOKEN, is_object ? "'}'" : "']'");
        return NULL;
    }
    advance(c);
    n->span = span_join(tok_span(c, o), prev_span(c));
    return n;
}

// True when the current '[' or '{' starts a for expression: 'for' and a name.
static bool starts_for(Cursor *c)
{
    uint32_t save = c->pos;
    advance(c);
    bool yes = is_word(peek(c), "for") && peek_next(c)->kind == TOK_IDENT;
    c->pos = save;
    return yes;
}

// tuple = '[' , [ expression , { item separator , expression } , [ ',' ] ] , ']' ;
static Node *tuple(Cursor *c)
{
    uint32_t open = c->pos;
    const Token *o = advance(c);
    NodeVec items = vec_open(c);
    bool sep = true;
    while (!at_closer(c, TOK_RBRACK, open)) {
        if (!sep || is_closer(peek(c)->kind) || at(c, TOK_EOF)) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "',' or ']'");
            return NULL;
        }
        Node *e = parse_expr(c);
        if (!e) {
            jump_past(c, open);
            return NULL;
        }
        vec_push(c, &items, e);
        sep = accept(c, TOK_COMMA) || newline_before(c);
    }
    advance(c);
    Node *n = new_node(c, NODE_TUPLE, span_join(tok_span(c, o), prev_span(c)));
    n->as.tuple.items = vec_list(c, items);
    return n;
}

// A bare name as an object key: the literal string it spells.
static Node *name_key(Cursor *c, const Token *t)
{
    Node *lit = new_node(c, NODE_STRING_LIT, tok_span(c, t));
    lit->as.str.text = t->text;
    lit->as.str.len = t->end - t->start; // a name: its text is its bytes
    lit->as.str.text_span = tok_span(c, t);
    return lit;
}

// object key = IDENT | quoted template | '(' , expression , ')' ;
static Node *object_key(Cursor *c, uint32_t open, bool *ident)
{
    const Token *t = peek(c);
    *ident = false;
    if (t->kind == TOK_IDENT) {
        advance(c);
        *ident = true;
        return name_key(c, t);
    }
    if (t->kind == TOK_OQUOTE || t->kind == TOK_OHEREDOC)
        return parse_template_expr(c);
    if (t->kind == TOK_LPAREN)
        return paren_expr(c);
    if (is_closer(t->kind) || t->kind == TOK_EOF || t->kind == TOK_INVALID) {
        bracket_error(c, open, E_BAD_OBJECT_KEY, "an object key");
        return NULL;
    }
    Diag *g = expected(c, E_BAD_OBJECT_KEY, "an object key");
    help(c, g, "a key is a name, a quoted string, or an expression in parentheses");
    return NULL;
}

// object item = object key , ( '=' | ':' ) , expression ;
static bool object_item(Cursor *c, uint32_t open, ObjectItem *item)
{
    const Token *k = peek(c);
    item->key = object_key(c, open, &item->key_ident);
    if (!item->key)
        return false;
    if (!accept(c, TOK_EQUAL) && !accept(c, TOK_COLON)) {
        const Token *t = peek(c);
        if (is_closer(t->kind) || t->kind == TOK_EOF) {
            bracket_error(c, open, E_BAD_OBJECT_KEY, "'=' or ':' after the key");
            return false;
        }
        Diag *g = expected(c, E_BAD_OBJECT_KEY, "'=' or ':' after the key");
        if (g && item->key_ident &&
            (t->kind == TOK_DOT || t->kind == TOK_LBRACK || t->kind == TOK_LPAREN))
            diag_help(c->diags, g,
                      "to use an expression as a key, wrap it in parentheses, "
                      "as in (%s.name) = value",
                      k->text);
        return false;
    }
    item->value = parse_expr(c);
    if (!item->value)
        return false;
    item->span = span_join(item->key->span, item->value->span);
    return true;
}

// Puts an object's item number `count` on the cursor's scratch stack of
// object items, where the object's items lie from `start` (as a NodeVec's).
static void push_item(Cursor *c, uint32_t start, uint32_t count, const ObjectItem *item)
{
    uint32_t at = start + count;
    if (at >= c->objs_cap)
        c->objs = parse_grow_scratch(c, c->objs, &c->objs_cap, sizeof *c->objs);
    c->objs[at] = *item;
    c->objs_top = at + 1;
}

// object = '{' , [ object item , { item separator , object item } , [ ',' ] ] , '}' ;
static Node *object(Cursor *c)
{
    uint32_t open = c->pos;
    const Token *o = advance(c);
    uint32_t start = c->objs_top, count = 0; // the items, on the scratch stack
    bool sep = true;
    while (!at_closer(c, TOK_RBRACE, open)) {
        if (!sep) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "',' or '}'");
            return NULL;
        }
        ObjectItem item = {.key_ident = false}; // nested objects may move the stack
        if (!object_item(c, open, &item)) {
            jump_past(c, open);
            return NULL;
        }
        push_item(c, start, count++, &item);
        sep = accept(c, TOK_COMMA) || newline_before(c);
    }
    advance(c);
    Node *n = new_node(c, NODE_OBJECT, span_join(tok_span(c, o), prev_span(c)));
    if (count) {
        n->as.object.items = arena_alloc(c->tree, count * sizeof *n->as.object.items);
        memcpy(n->as.object.items, c->objs + start, count * sizeof *n->as.object.items);
    }
    n->as.object.count = count;
    c->objs_top = start;
    return n;
}

// A '[' or '{' term: a tuple, an object, or a for expression, inside which
// newlines are skipped.
static Node *bracketed(Cursor *c, bool is_object)
{
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *n;
    if (starts_for(c))
        n = for_expr(c, is_object);
    else
        n = is_object ? object(c) : tuple(c);
    c->skip_nl = saved;
    return n;
}

// variable = IDENT - keyword ; literal 'true' | 'false' | 'null' ;
static Node *name_term(Cursor *c)
{
    const Token *t = peek(c);
    if (peek_next(c)->kind == TOK_LPAREN && !is_keyword(t))
        return function_call(c);
    if (is_word(t, "true") || is_word(t, "false")) {
        Node *n = new_node(c, NODE_BOOL, tok_span(c, advance(c)));
        n->as.boolean = is_word(t, "true");
        return n;
    }
    if (is_word(t, "null"))
        return new_node(c, NODE_NULL, tok_span(c, advance(c)));
    if (is_keyword(t)) {
        expected(c, E_EXPECTED_EXPRESSION, "expression");
        return NULL;
    }
    Node *n = new_node(c, NODE_VARIABLE, tok_span(c, advance(c)));
    n->as.var.name = t->text;
    return n;
}

// term = literal | template | variable | function call | tuple | object
//      | for tuple | for object | '(' , expression , ')' ;
static Node *term(Cursor *c)
{
    const Token *t = peek(c);
    if (t->kind == TOK_NUMBER)
        return number_literal(c);
    if (t->kind == TOK_IDENT)
        return name_term(c);
    if (t->kind == TOK_OQUOTE || t->kind == TOK_OHEREDOC)
        return parse_template_expr(c);
    if (t->kind == TOK_LBRACK)
        return bracketed(c, false);
    if (t->kind == TOK_LBRACE)
        return bracketed(c, true);
    if (t->kind == TOK_LPAREN)
        return paren_expr(c);
    expected(c, E_EXPECTED_EXPRESSION, "expression");
    return NULL;
}

// --- expressions: traversals and operators ----------------------------------

// traversal = '.' , IDENT ;  (the legacy a.0 and a.* are errors)
static bool get_attr(Cursor *c, Node **slot)
{
    advance(c);
    const Token *t = peek(c);
    if (t->kind == TOK_IDENT) {
        advance(c);
        Node *n = new_node(c, NODE_GETATTR, span_join((*slot)->span, tok_span(c, t)));
        n->as.getattr.obj = *slot;
        n->as.getattr.name = t->text;
        n->as.getattr.name_span = tok_span(c, t);
        *slot = n;
        return true;
    }
    if (t->kind == TOK_NUMBER) {
        // a.0.1 lexes as a, '.', 0.1: suggest [0][1]
        const char *dot = strchr(t->text, '.');
        const char *sugg =
            dot ? arena_printf(c->arena, "[%.*s][%s]", (int)(dot - t->text), t->text, dot + 1)
                : arena_printf(c->arena, "[%s]", t->text);
        Diag *g = error_at(c, E_UNEXPECTED_TOKEN, span_join(prev_span(c), tok_span(c, t)),
                           "legacy index \".%s\" is not supported", t->text);
        if (g)
            diag_help(c->diags, g, "write the index in brackets: %s", sugg);
        return false;
    }
    if (t->kind == TOK_STAR) {
        Diag *g = error_at(c, E_UNEXPECTED_TOKEN, span_join(prev_span(c), tok_span(c, t)),
                           "attribute splat \".*\" is not supported");
        help(c, g, "write [*] instead, as in a[*].name");
        return false;
    }
    expected(c, E_UNEXPECTED_TOKEN, "an attribute name after '.'");
    return false;
}

// traversal = '[' , expression , ']' ;
static bool index_expr(Cursor *c, Node **slot)
{
    uint32_t open = c->pos;
    advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *key = parse_expr(c);
    bool ok = false;
    if (!key) {
        jump_past(c, open);
    } else if (at_closer(c, TOK_RBRACK, open)) {
        advance(c);
        Node *n = new_node(c, NODE_INDEX, span_join((*slot)->span, prev_span(c)));
        n->as.index.obj = *slot;
        n->as.index.key = key;
        *slot = n;
        ok = true;
    } else {
        bracket_error(c, open, E_UNEXPECTED_TOKEN, "']'");
    }
    c->skip_nl = saved;
    return ok;
}

// True at '[' '*' ']'.
static bool at_splat(Cursor *c)
{
    if (!at(c, TOK_LBRACK))
        return false;
    uint32_t save = c->pos;
    bool saved = c->skip_nl;
    c->skip_nl = true;
    advance(c);
    bool yes = at(c, TOK_STAR) && peek_next(c)->kind == TOK_RBRACK;
    c->pos = save;
    c->skip_nl = saved;
    return yes;
}

// splat = '[' , '*' , ']' , { traversal | splat } ;
// Wraps the node in *slot into a SPLAT and returns the slot of its `each`,
// where the following traversals apply.
static Node **splat(Cursor *c, Node **slot)
{
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Span s = tok_span(c, advance(c));
    advance(c);
    s = span_join(s, tok_span(c, advance(c)));
    c->skip_nl = saved;
    Node *n = new_node(c, NODE_SPLAT, span_join((*slot)->span, s));
    n->as.splat.source = *slot;
    n->as.splat.each = new_node(c, NODE_SPLAT_ITEM, s);
    *slot = n;
    return &n->as.splat.each;
}

// postfix expr = term , { traversal | splat } ;
static Node *postfix(Cursor *c)
{
    Node *root = term(c);
    Node **slot = &root; // traversals after a splat go into its `each`
    int links = 0;
    while (root && (at(c, TOK_DOT) || at(c, TOK_LBRACK))) {
        if (!enter(c)) {
            root = NULL;
            break;
        }
        links++;
        bool ok = true;
        if (at(c, TOK_DOT))
            ok = get_attr(c, slot);
        else if (at_splat(c))
            slot = splat(c, slot);
        else
            ok = index_expr(c, slot);
        if (!ok)
            root = NULL;
    }
    c->depth -= links;
    for (Node *n = root; n && n->kind == NODE_SPLAT; n = n->as.splat.each)
        n->span = span_join(n->span, prev_span(c));
    return root;
}

// unary expr = ( '!' | '-' ) , unary expr | postfix expr ;   (level 7)
static Node *unary(Cursor *c)
{
    const Token *t = peek(c);
    if (t->kind != TOK_BANG && t->kind != TOK_MINUS)
        return postfix(c);
    advance(c);
    if (!enter(c))
        return NULL;
    Node *operand = unary(c);
    leave(c);
    if (!operand)
        return NULL;
    Node *n = new_node(c, NODE_UNARY, span_join(tok_span(c, t), operand->span));
    n->as.unary.op = t->kind == TOK_BANG ? OP_NOT : OP_NEG;
    n->as.unary.operand = operand;
    return n;
}

// The binary operators: precedence level (1 lowest .. 6) and operator.
typedef struct BinOp {
    int level;
    Operator op;
} BinOp;

static BinOp binop(TokenKind k)
{
    static const BinOp table[TOK__COUNT] = {
        [TOK_STAR] = {6, OP_MUL}, [TOK_SLASH] = {6, OP_DIV}, [TOK_PERCENT] = {6, OP_MOD},
        [TOK_PLUS] = {5, OP_ADD}, [TOK_MINUS] = {5, OP_SUB}, [TOK_GT] = {4, OP_GT},
        [TOK_GE] = {4, OP_GE},    [TOK_LT] = {4, OP_LT},     [TOK_LE] = {4, OP_LE},
        [TOK_EQEQ] = {3, OP_EQ},  [TOK_NOTEQ] = {3, OP_NE},  [TOK_AND] = {2, OP_AND},
        [TOK_OR] = {1, OP_OR},
    };
    return table[k];
}

// or expr = and expr , { '||' , and expr } ;                      (level 1)
// ... through
// multiplicative expr = unary expr , { ( '*' | '/' | '%' ) , unary expr } ;  (6)
// One precedence-climbing loop: operators of level >= min_level bind here,
// and the right operand takes only higher levels, so all are left-associative.
static Node *binary(Cursor *c, int min_level)
{
    Node *lhs = unary(c);
    int links = 0;
    while (lhs) {
        const Token *t = peek(c);
        BinOp b = binop(t->kind);
        if (b.level == 0 || b.level < min_level)
            break;
        advance(c);
        // A chain nests its tree one level per operator, but a flat
        // `a + b + ...` is not what the limit is for: every
        // PARSE_CHAIN_PER_LEVEL links count one level.
        if (links % PARSE_CHAIN_PER_LEVEL == 0 && !enter(c)) {
            lhs = NULL;
            break;
        }
        links++;
        Node *rhs = binary(c, b.level + 1);
        if (!rhs) {
            lhs = NULL;
            break;
        }
        Node *n = new_node(c, NODE_BINARY, span_join(lhs->span, rhs->span));
        n->as.binary.op = b.op;
        n->as.binary.lhs = lhs;
        n->as.binary.rhs = rhs;
        n->as.binary.op_span = tok_span(c, t);
        lhs = n;
    }
    c->depth -= (links + PARSE_CHAIN_PER_LEVEL - 1) / PARSE_CHAIN_PER_LEVEL;
    return lhs;
}

// conditional = or expr , [ '?' , expression , ':' , expression ] ;   (level 0)
static Node *conditional(Cursor *c)
{
    Node *cond = binary(c, 1);
    if (!cond || !accept(c, TOK_QUESTION))
        return cond;
    Node *then_expr = parse_expr(c);
    if (!then_expr)
        return NULL;
    if (!accept(c, TOK_COLON)) {
        expected(c, E_UNEXPECTED_TOKEN, "':' of the conditional");
        return NULL;
    }
    Node *else_expr = parse_expr(c);
    if (!else_expr)
        return NULL;
    Node *n = new_node(c, NODE_CONDITIONAL, span_join(cond->span, else_expr->span));
    n->as.cond.cond = cond;
    n->as.cond.then_expr = then_expr;
    n->as.cond.else_expr = else_expr;
    return n;
}

// expression = conditional ;
Node *parse_expr(Cursor *c)
{
    if (!enter(c))
        return NULL;
    Node *n = conditional(c);
    leave(c);
    return n;
}
