// test_parse.c - unit tests of the parser through parse.h: tree shapes
// (written as S-expressions), precedence and associativity of every level,
// templates, object keys, spans, error recovery and the nesting limit.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/lex.h"
#include "syntax/parse.h"

// --- fixture ----------------------------------------------------------------

typedef struct Parsed {
    Arena arena;
    SourceSet src;
    Diags diags;
    TokenList toks;
    Body *body;
    const char *text;
} Parsed;

static Parsed *start(const char *text, size_t len)
{
    Parsed *p = calloc(1, sizeof *p);
    assert_non_null(p);
    arena_init(&p->arena);
    source_init(&p->src, &p->arena);
    diags_init(&p->diags, &p->arena);
    uint32_t id = source_add(&p->src, "t.hcl", text, len);
    p->text = source_file(&p->src, id)->text;
    return p;
}

static Parsed *parse_len(const char *text, size_t len)
{
    Parsed *p = start(text, len);
    p->toks = lex_file(&p->arena, &p->src, 0, &p->diags);
    p->body = parse_file(&p->arena, &p->toks, &p->diags);
    assert_non_null(p->body);
    return p;
}

static Parsed *parse(const char *text)
{
    return parse_len(text, strlen(text));
}

static void done(Parsed *p)
{
    arena_free(&p->arena);
    free(p);
}

// Fails with every diagnostic listed when there is any.
static void no_errors(const Parsed *p)
{
    if (p->diags.count)
        fail_msg("unexpected diagnostic E%04d at %u: %s", (int)p->diags.items[0]->code,
                 p->diags.items[0]->subject.start, p->diags.items[0]->summary);
}

// Asserts diagnostic `i`: its code, and the byte offset where its subject
// starts (the first occurrence of `at` in the text).
static void diag_is(const Parsed *p, size_t i, DiagCode code, const char *at)
{
    assert_true(i < p->diags.count);
    const Diag *g = p->diags.items[i];
    if (g->code != code)
        fail_msg("diagnostic %zu is E%04d (%s), expected E%04d", i, (int)g->code, g->summary,
                 (int)code);
    const char *where = strstr(p->text, at);
    assert_non_null(where);
    assert_int_equal(g->subject.start, (uint32_t)(where - p->text));
}

static const Attribute *attr(const Parsed *p, uint32_t i)
{
    assert_true(i < p->body->count);
    assert_int_equal(p->body->items[i].kind, ITEM_ATTRIBUTE);
    return p->body->items[i].as.attr;
}

static const Block *block(const Parsed *p, uint32_t i)
{
    assert_true(i < p->body->count);
    assert_int_equal(p->body->items[i].kind, ITEM_BLOCK);
    return p->body->items[i].as.block;
}

// Asserts that `s` covers exactly the first occurrence of `text`.
static void span_is(const Parsed *p, Span s, const char *text)
{
    const char *where = strstr(p->text, text);
    assert_non_null(where);
    if (s.start != (uint32_t)(where - p->text) || s.end - s.start != strlen(text))
        fail_msg("span [%u, %u) is \"%.*s\", expected \"%s\"", s.start, s.end,
                 (int)(s.end - s.start), p->text + s.start, text);
}

// Asserts that `s` covers `n` bytes from the first occurrence of `anchor`.
static void span_at(const Parsed *p, Span s, const char *anchor, uint32_t n)
{
    const char *where = strstr(p->text, anchor);
    assert_non_null(where);
    assert_int_equal(s.start, (uint32_t)(where - p->text));
    assert_int_equal(s.end - s.start, n);
}

// --- S-expressions ----------------------------------------------------------

typedef struct Buf {
    char text[8192];
    size_t len;
} Buf;

static void put(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->text + b->len, sizeof b->text - b->len, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof b->text - b->len);
    b->len += (size_t)n;
}

static void sx(Buf *b, const Node *n);

static void sx_list(Buf *b, NodeList l)
{
    for (uint32_t i = 0; i < l.count; i++) {
        put(b, i ? " " : "");
        sx(b, l.items[i]);
    }
}

static void sx_for(Buf *b, const Node *n)
{
    put(b, "(for%s %s %s ", n->as.forexpr->is_object ? "{}" : "[]",
        n->as.forexpr->key_var ? n->as.forexpr->key_var : "_", n->as.forexpr->value_var);
    sx(b, n->as.forexpr->coll);
    if (n->as.forexpr->key_expr) {
        put(b, " ");
        sx(b, n->as.forexpr->key_expr);
    }
    put(b, " ");
    sx(b, n->as.forexpr->value_expr);
    put(b, n->as.forexpr->group ? " ..." : "");
    if (n->as.forexpr->cond) {
        put(b, " if ");
        sx(b, n->as.forexpr->cond);
    }
    put(b, ")");
}

static void sx_object(Buf *b, const Node *n)
{
    put(b, "{");
    for (uint32_t i = 0; i < n->as.object.count; i++) {
        const ObjectItem *it = &n->as.object.items[i];
        put(b, i ? " " : "");
        if (it->key_ident)
            put(b, "%s", it->key->as.str.text);
        else
            sx(b, it->key);
        put(b, "=");
        sx(b, it->value);
    }
    put(b, "}");
}

static void sx_template(Buf *b, const Node *n)
{
    if (n->kind == NODE_TEMPLATE) {
        put(b, "(%s", n->as.template.heredoc ? "heredoc" : "tpl");
        put(b, n->as.template.parts.count ? " " : "");
        sx_list(b, n->as.template.parts);
        put(b, ")");
    } else if (n->kind == NODE_STRING_LIT) {
        put(b, "\"%.*s\"", (int)n->as.str.len, n->as.str.text);
    } else if (n->kind == NODE_TEMPLATE_IF) {
        put(b, "(if ");
        sx(b, n->as.tif->cond);
        put(b, " [");
        sx_list(b, n->as.tif->then_parts);
        put(b, "]");
        if (n->as.tif->has_else) {
            put(b, " [");
            sx_list(b, n->as.tif->else_parts);
            put(b, "]");
        }
        put(b, ")");
    } else {
        put(b, "(tfor %s %s ", n->as.tfor->key_var ? n->as.tfor->key_var : "_",
            n->as.tfor->value_var);
        sx(b, n->as.tfor->coll);
        put(b, " [");
        sx_list(b, n->as.tfor->body);
        put(b, "])");
    }
}

static void sx(Buf *b, const Node *n)
{
    assert_non_null(n);
    switch (n->kind) {
    case NODE_NULL:
        put(b, "null");
        return;
    case NODE_BOOL:
        put(b, n->as.boolean ? "true" : "false");
        return;
    case NODE_NUMBER:
        put(b, "%s", n->as.number.text);
        return;
    case NODE_TEMPLATE:
    case NODE_STRING_LIT:
    case NODE_TEMPLATE_IF:
    case NODE_TEMPLATE_FOR:
        sx_template(b, n);
        return;
    case NODE_VARIABLE:
        put(b, "%s", n->as.var.name);
        return;
    case NODE_GETATTR:
        put(b, "(. ");
        sx(b, n->as.getattr.obj);
        put(b, " %s)", n->as.getattr.name);
        return;
    case NODE_INDEX:
        put(b, "([] ");
        sx(b, n->as.index.obj);
        put(b, " ");
        sx(b, n->as.index.key);
        put(b, ")");
        return;
    case NODE_SPLAT:
        put(b, "(splat ");
        sx(b, n->as.splat.source);
        put(b, " ");
        sx(b, n->as.splat.each);
        put(b, ")");
        return;
    case NODE_SPLAT_ITEM:
        put(b, "*");
        return;
    case NODE_CALL:
        put(b, "(%s %s", n->as.call.expand_final ? "call..." : "call", n->as.call.name);
        put(b, n->as.call.args.count ? " " : "");
        sx_list(b, n->as.call.args);
        put(b, ")");
        return;
    case NODE_TUPLE:
        put(b, "[");
        sx_list(b, n->as.tuple.items);
        put(b, "]");
        return;
    case NODE_OBJECT:
        sx_object(b, n);
        return;
    case NODE_UNARY:
        put(b, "(%s ", ast_op_text(n->as.unary.op));
        sx(b, n->as.unary.operand);
        put(b, ")");
        return;
    case NODE_BINARY:
        put(b, "(%s ", ast_op_text(n->as.binary.op));
        sx(b, n->as.binary.lhs);
        put(b, " ");
        sx(b, n->as.binary.rhs);
        put(b, ")");
        return;
    case NODE_CONDITIONAL:
        put(b, "(? ");
        sx(b, n->as.cond.cond);
        put(b, " ");
        sx(b, n->as.cond.then_expr);
        put(b, " ");
        sx(b, n->as.cond.else_expr);
        put(b, ")");
        return;
    case NODE_FOR:
        sx_for(b, n);
        return;
    case NODE_PAREN:
        put(b, "(paren ");
        sx(b, n->as.paren.inner);
        put(b, ")");
        return;
    }
    fail_msg("unknown node kind %d", (int)n->kind);
}

// Parses "x = <expr>" and asserts the S-expression of the value.
static void shape(const char *expr, const char *want)
{
    char text[4096];
    snprintf(text, sizeof text, "x = %s\n", expr);
    Parsed *p = parse(text);
    no_errors(p);
    assert_int_equal(p->body->count, 1);
    Buf b = {.len = 0};
    sx(&b, attr(p, 0)->expr);
    if (strcmp(b.text, want) != 0)
        fail_msg("%s\n  parsed as  %s\n  expected   %s", expr, b.text, want);
    done(p);
}

// Parses `text` and asserts exactly one error, of `code`, starting at `at`.
static void one_error(const char *text, DiagCode code, const char *at)
{
    Parsed *p = parse(text);
    if (p->diags.count != 1)
        fail_msg("%zu diagnostics for %s", p->diags.count, text);
    diag_is(p, 0, code, at);
    done(p);
}

// --- precedence and associativity --------------------------------------------

static void test_parse_mul_binds_tighter_than_add(void **state)
{
    (void)state;
    shape("1 + 2 * 3", "(+ 1 (* 2 3))");
    shape("1 * 2 + 3", "(+ (* 1 2) 3)");
    shape("a - b / c % d", "(- a (% (/ b c) d))");
}

static void test_parse_each_level_binds_tighter_than_the_next(void **state)
{
    (void)state;
    shape("!a * b", "(* (! a) b)");              // 7 over 6
    shape("-a * -b", "(* (- a) (- b))");         // 7 over 6
    shape("a + b * c", "(+ a (* b c))");         // 6 over 5
    shape("a > b + c", "(> a (+ b c))");         // 5 over 4
    shape("a == b >= c", "(== a (>= b c))");     // 4 over 3
    shape("a && b != c", "(&& a (!= b c))");     // 3 over 2
    shape("a || b && c", "(|| a (&& b c))");     // 2 over 1
    shape("a || b ? c : d", "(? (|| a b) c d)"); // 1 over 0
    shape("a <= b == c < d", "(== (<= a b) (< c d))");
}

static void test_parse_binary_operators_are_left_associative(void **state)
{
    (void)state;
    shape("a * b / c % d", "(% (/ (* a b) c) d)");
    shape("a - b - c", "(- (- a b) c)");
    shape("a - b + c", "(+ (- a b) c)");
    shape("a < b > c", "(> (< a b) c)");
    shape("a == b != c", "(!= (== a b) c)");
    shape("a && b && c", "(&& (&& a b) c)");
    shape("a || b || c", "(|| (|| a b) c)");
}

static void test_parse_conditional_is_right_associative_and_lowest(void **state)
{
    (void)state;
    shape("a ? b : c ? d : e", "(? a b (? c d e))");
    shape("a ? b ? c : d : e", "(? a (? b c d) e)");
    shape("a + 1 ? b * 2 : c || d", "(? (+ a 1) (* b 2) (|| c d))");
}

static void test_parse_unary_binds_looser_than_traversals(void **state)
{
    (void)state;
    shape("-a.b", "(- (. a b))");
    shape("!!a", "(! (! a))");
    shape("- -1", "(- (- 1))");
    shape("!f(x)[0]", "(! ([] (call f x) 0))");
}

static void test_parse_parentheses_are_kept(void **state)
{
    (void)state;
    shape("(a + b) * c", "(* (paren (+ a b)) c)");
    shape("(\n  a +\n  b\n)", "(paren (+ a b))");
}

// --- terms ----------------------------------------------------------------

static void test_parse_literals_and_keywords(void **state)
{
    (void)state;
    shape("[true, false, null, 1.5e3, x]", "[true false null 1.5e3 x]");
    shape("a.if.null.true", "(. (. (. a if) null) true)");
    Parsed *p = parse("x = 2.5\n");
    assert_true(attr(p, 0)->expr->as.number.value == 2.5);
    done(p);
}

static void test_parse_calls_with_expansion(void **state)
{
    (void)state;
    shape("f()", "(call f)");
    shape("f(a, b,)", "(call f a b)");
    shape("f(a, b...)", "(call... f a b)");
    shape("f(a...,)", "(call... f a)");
    shape("f(\n  a,\n  g(b)\n)", "(call f a (call g b))");
}

static void test_parse_tuples_take_commas_or_newlines(void **state)
{
    (void)state;
    shape("[]", "[]");
    shape("[1, 2,]", "[1 2]");
    shape("[\n  1\n  2,\n  3\n]", "[1 2 3]");
    shape("[\n  a\n  - b\n]", "[(- a b)]"); // an operator continues the item
}

static void test_parse_for_expressions(void **state)
{
    (void)state;
    shape("[for s in xs : s.name]", "(for[] _ s xs (. s name))");
    shape("[for i, s in xs : s if i > 0]", "(for[] i s xs s if (> i 0))");
    shape("{for k, v in m : k => v}", "(for{} k v m k v)");
    shape("{for c in cs : c.group => c.name... if c.on}",
          "(for{} _ c cs (. c group) (. c name) ... if (. c on))");
    shape("[\n  for s in xs :\n  s\n  if s != \"\"\n]", "(for[] _ s xs s if (!= s \"\"))");
}

static void test_parse_splat_traversals_go_into_each(void **state)
{
    (void)state;
    shape("a[*]", "(splat a *)");
    shape("a[*].b", "(splat a (. * b))");
    shape("a[*].b.c", "(splat a (. (. * b) c))");
    shape("a[*].b[0]", "(splat a ([] (. * b) 0))");
    shape("a.b[*].c", "(splat (. a b) (. * c))");
    shape("a[*][0]", "(splat a ([] * 0))");
    shape("a[*].b[*].c", "(splat a (splat (. * b) (. * c)))");
}

// --- objects ----------------------------------------------------------------

static void test_parse_object_key_forms(void **state)
{
    (void)state;
    shape("{a = 1, \"b c\" = 2, (k) = 3, d: 4}", "{a=1 \"b c\"=2 (paren k)=3 d=4}");
    shape("{true = 1, for = 2, null = 3, if = 4}", "{true=1 for=2 null=3 if=4}");
    shape("{\"$<p>-x\" = 1}", "{(tpl p \"-x\")=1}");
    shape("{\n  a = 1\n  b = 2,\n  c = 3,\n}", "{a=1 b=2 c=3}");
}

static void test_parse_ident_key_is_a_string_literal(void **state)
{
    (void)state;
    Parsed *p = parse("x = {name = 1}\n");
    no_errors(p);
    const Node *o = attr(p, 0)->expr;
    assert_int_equal(o->kind, NODE_OBJECT);
    assert_true(o->as.object.items[0].key_ident);
    const Node *k = o->as.object.items[0].key;
    assert_int_equal(k->kind, NODE_STRING_LIT);
    span_is(p, k->span, "name");
    span_is(p, k->as.str.text_span, "name");
    span_is(p, o->as.object.items[0].span, "name = 1");
    done(p);
}

// A quoted string without interpolation is one STRING_LIT: its span holds
// the quotes, its text_span the text between them; a heredoc stays a template.
static void test_parse_quoted_literal_is_one_node(void **state)
{
    (void)state;
    Parsed *p = parse("a = \"x\\ty\"\nb = \"\"\nc = <<EOT\nz\nEOT\n");
    no_errors(p);
    const Node *a = attr(p, 0)->expr, *b = attr(p, 1)->expr, *h = attr(p, 2)->expr;
    assert_int_equal(a->kind, NODE_STRING_LIT);
    assert_string_equal(a->as.str.text, "x\ty");
    span_is(p, a->span, "\"x\\ty\"");
    span_is(p, a->as.str.text_span, "x\\ty");
    assert_int_equal(b->kind, NODE_STRING_LIT);
    assert_int_equal(b->as.str.len, 0);
    span_is(p, b->span, "\"\"");
    assert_int_equal(b->as.str.text_span.start, b->span.start + 1);
    assert_int_equal(b->as.str.text_span.end, b->span.start + 1);
    assert_int_equal(h->kind, NODE_TEMPLATE);
    assert_true(h->as.template.heredoc);
    done(p);
}

// A node is 48 bytes on a 64-bit machine: rare variants are boxed (a large
// project's tree holds millions of nodes).
static void test_parse_node_stays_small(void **state)
{
    (void)state;
    if (sizeof(void *) == 8)
        assert_int_equal(sizeof(Node), 48);
    Parsed *p = parse("x = [for v in g(a) : v if v]\n");
    no_errors(p);
    const Node *f = attr(p, 0)->expr;
    assert_int_equal(f->kind, NODE_FOR);
    assert_string_equal(f->as.forexpr->value_var, "v");
    assert_non_null(f->as.forexpr->cond);
    span_is(p, ast_call_name_span(f->as.forexpr->coll), "g");
    done(p);
}

// Integers of up to 15 digits are read without strtod: the same values.
static void test_parse_number_values(void **state)
{
    (void)state;
    Parsed *p =
        parse("x = [0, 007, 123456789012345, 1234567890123456, 2.5, 1e3, 9007199254740992]\n");
    no_errors(p);
    const NodeList *l = &attr(p, 0)->expr->as.tuple.items;
    const double want[] = {0,   7,    123456789012345.0, 1234567890123456.0,
                           2.5, 1000, 9007199254740992.0};
    assert_int_equal(l->count, 7);
    for (uint32_t i = 0; i < l->count; i++)
        assert_true(l->items[i]->as.number.value == want[i]);
    assert_string_equal(l->items[1]->as.number.text, "007");
    done(p);
}

static void test_parse_pasted_json_is_an_expression(void **state)
{
    (void)state;
    shape("{\"a\": [1, 2.5, true, null], \"b\": {\"c\": \"d\"}}",
          "{\"a\"=[1 2.5 true null] \"b\"={\"c\"=\"d\"}}");
    shape("{\n  \"a\": [\n    1,\n    2.5\n  ],\n  \"b\": {\n    \"c\": \"d\"\n  }\n}",
          "{\"a\"=[1 2.5] \"b\"={\"c\"=\"d\"}}");
}

// --- templates ----------------------------------------------------------------

static void test_parse_template_parts(void **state)
{
    (void)state;
    shape("\"bridge-$<workspace.name>\"", "(tpl \"bridge-\" (. workspace name))");
    shape("\"$<a>$<b>\"", "(tpl a b)");
    shape("\"\"", "\"\"");
    shape("\"$$<x>\"", "\"$<x>\"");
}

static void test_parse_interp_closes_at_first_gt_at_depth_zero(void **state)
{
    (void)state;
    shape("\"$<a > b>\"", "(tpl a \" b>\")");
    shape("\"$<(a > b)>\"", "(tpl (paren (> a b)))");
    shape("\"$<a < b>\"", "(tpl (< a b))");
    shape("\"$<f(a >= b)>\"", "(tpl (call f (>= a b)))");
}

static void test_parse_template_directives_nest(void **state)
{
    (void)state;
    shape("\"%<if a>x%<else>y%<endif>\"", "(tpl (if a [\"x\"] [\"y\"]))");
    shape("\"%<if a>x%<endif>\"", "(tpl (if a [\"x\"]))");
    shape("\"%<for k, v in m>$<k>=$<v>;%<endfor>\"", "(tpl (tfor k v m [k \"=\" v \";\"]))");
    shape("\"%<for x in xs>%<if x>y%<endif>%<endfor>\"", "(tpl (tfor _ x xs [(if x [\"y\"])]))");
    shape("\"%<if a>%<if b>1%<else>2%<endif>%<else>3%<endif>\"",
          "(tpl (if a [(if b [\"1\"] [\"2\"])] [\"3\"]))");
}

static void test_parse_strip_markers_trim_adjacent_literals(void **state)
{
    (void)state;
    shape("\"a  $<~ x ~>  b\"", "(tpl \"a\" x \"b\")");
    shape("\"a  $<x ~>  \"", "(tpl \"a  \" x)");
    shape("\"  $<~ x>\"", "(tpl x)");
    shape("<<EOT\n%<for p in ps ~>\n  EXPOSE $<p>\n%<~ endfor>\nEOT\n",
          "(heredoc (tfor _ p ps [\"EXPOSE \" p]) \"\n\")");
}

static void test_parse_heredoc_is_a_template(void **state)
{
    (void)state;
    shape("<<-EOT\n    a $<b>\n      c\n    EOT\n", "(heredoc \"a \" b \"\n  c\n\")");
}

static void test_parse_template_file(void **state)
{
    (void)state;
    const char *text = "image: $<image>\n%<for p in ports>- $<p>\n%<endfor>";
    Parsed *p = start(text, strlen(text));
    p->toks = lex_template_file(&p->arena, &p->src, 0, &p->diags);
    Node *t = parse_template(&p->arena, &p->toks, &p->diags);
    no_errors(p);
    Buf b = {.len = 0};
    sx(&b, t);
    assert_string_equal(b.text,
                        "(tpl \"image: \" image \"\n\" (tfor _ p ports [\"- \" p \"\n\"]))");
    done(p);
}

static void test_parse_template_file_reports_each_bad_part(void **state)
{
    (void)state;
    const char *text = "a $<x y> b %<endif> c $<*> d";
    Parsed *p = start(text, strlen(text));
    p->toks = lex_template_file(&p->arena, &p->src, 0, &p->diags);
    Node *t = parse_template(&p->arena, &p->toks, &p->diags);
    assert_non_null(t);
    assert_int_equal(p->diags.count, 3);
    diag_is(p, 0, E_UNEXPECTED_TOKEN, "y>");
    diag_is(p, 1, E_BAD_TEMPLATE_DIRECTIVE, "%<endif>");
    diag_is(p, 2, E_EXPECTED_EXPRESSION, "*> d");
    done(p);
}

// --- parse_expression -------------------------------------------------------------

static Node *expr_of(Parsed *p)
{
    p->toks = lex_file(&p->arena, &p->src, 0, &p->diags);
    return parse_expression(&p->arena, &p->toks, &p->diags);
}

static void test_parse_expression_takes_exactly_one(void **state)
{
    (void)state;
    Parsed *p = start("\n[1,\n 2] + x\n\n", 14);
    Node *n = expr_of(p);
    no_errors(p);
    assert_non_null(n);
    assert_int_equal(n->kind, NODE_BINARY);
    done(p);

    p = start("1 2", 3);
    assert_null(expr_of(p));
    assert_int_equal(p->diags.count, 1);
    diag_is(p, 0, E_UNEXPECTED_TOKEN, "2");
    done(p);
}

// --- bodies -----------------------------------------------------------------

static void test_parse_blocks_and_labels(void **state)
{
    (void)state;
    Parsed *p = parse("# top\ntask_definition \"web\" other {\n  cpu = 1\n\n  container \"a\" "
                      "{}\n}\nlocals {\n}\n");
    no_errors(p);
    assert_int_equal(p->body->count, 2);
    const Block *b = block(p, 0);
    assert_string_equal(b->type, "task_definition");
    assert_int_equal(b->nlabels, 2);
    assert_string_equal(b->labels[0].text, "web");
    assert_true(b->labels[0].quoted);
    assert_string_equal(b->labels[1].text, "other");
    assert_false(b->labels[1].quoted);
    span_is(p, b->type_span, "task_definition");
    span_is(p, b->labels[0].span, "\"web\"");
    span_at(p, b->open_brace, "{\n  cpu", 1);
    assert_int_equal(b->body->count, 2);
    assert_int_equal(b->body->items[1].kind, ITEM_BLOCK);
    assert_int_equal(block(p, 1)->body->count, 0);
    done(p);
}

static void test_parse_one_line_block_with_commas(void **state)
{
    (void)state;
    Parsed *p = parse("w \"dev\" { cpu = 256, memory = 512, tag = \"x\" }\nb { a = 1, }\nc {}");
    no_errors(p);
    const Block *b = block(p, 0);
    assert_int_equal(b->body->count, 3);
    assert_string_equal(b->body->items[2].as.attr->name, "tag");
    span_is(p, b->span, "w \"dev\" { cpu = 256, memory = 512, tag = \"x\" }");
    assert_int_equal(block(p, 1)->body->count, 1);
    done(p);
}

static void test_parse_spans_of_key_nodes(void **state)
{
    (void)state;
    Parsed *p = parse("port = var.base + f(x, y)[0]\n");
    no_errors(p);
    const Attribute *a = attr(p, 0);
    span_is(p, a->name_span, "port");
    span_is(p, a->span, "port = var.base + f(x, y)[0]");
    const Node *bin = a->expr;
    span_is(p, bin->span, "var.base + f(x, y)[0]");
    span_is(p, bin->as.binary.op_span, "+");
    span_is(p, bin->as.binary.lhs->as.getattr.name_span, "base");
    const Node *idx = bin->as.binary.rhs;
    span_is(p, idx->span, "f(x, y)[0]");
    span_is(p, idx->as.index.obj->span, "f(x, y)");
    span_is(p, ast_call_name_span(idx->as.index.obj), "f");
    done(p);

    p = parse("s = \"a$<b>c\"\nh = <<EOT\nx\nEOT\n");
    no_errors(p);
    span_is(p, attr(p, 0)->expr->span, "\"a$<b>c\"");
    span_is(p, attr(p, 0)->expr->as.template.parts.items[1]->span, "b");
    span_is(p, attr(p, 1)->expr->span, "<<EOT\nx\nEOT");
    done(p);
}

// --- errors -----------------------------------------------------------------

static void test_parse_reports_independent_errors_once_each(void **state)
{
    (void)state;
    Parsed *p = parse("a = [1 2 3]\nb = 1\nc = (1]\nd = {x 1 2}\n");
    assert_int_equal(p->diags.count, 3);
    diag_is(p, 0, E_UNEXPECTED_TOKEN, "2 3]");
    diag_is(p, 1, E_MISMATCHED_CLOSER, "]\nd");
    diag_is(p, 2, E_BAD_OBJECT_KEY, "1 2}");
    assert_string_equal(attr(p, 0)->name, "b");
    done(p);
}

static void test_parse_unclosed_brackets_point_at_the_opener(void **state)
{
    (void)state;
    one_error("a = [1, 2\nb = 3\n", E_UNCLOSED_BRACKET, "[1");
    one_error("a = f(1,\n", E_UNCLOSED_BRACKET, "(1");
    one_error("a = {x = 1\n", E_UNCLOSED_BRACKET, "{x");
    one_error("web \"x\" {\n  a = 1\n", E_UNCLOSED_BLOCK, "{\n");
    Parsed *p = parse("b {\n  x = (1\n  y = 2 3\n}\n");
    assert_int_equal(p->diags.count, 2);
    diag_is(p, 0, E_UNCLOSED_BRACKET, "(1");
    diag_is(p, 1, E_EXPECTED_NEWLINE, "3\n");
    done(p);
}

static void test_parse_mismatched_closer_names_the_opener(void **state)
{
    (void)state;
    Parsed *p = parse("a = [\n  1,\n  2)\n");
    assert_int_equal(p->diags.count, 1);
    diag_is(p, 0, E_MISMATCHED_CLOSER, ")");
    assert_string_equal(p->diags.items[0]->summary, "expected ']' to close '[', found ')'");
    const DiagNote *n = p->diags.items[0]->notes;
    assert_non_null(n);
    span_is(p, n->span, "[");
    done(p);
}

static void test_parse_structure_errors(void **state)
{
    (void)state;
    one_error("port 8080\n", E_UNEXPECTED_TOKEN, "8080");
    one_error("a =\nb = 1\n", E_EXPECTED_EXPRESSION, "\nb");
    one_error("a = 1 2\n", E_EXPECTED_NEWLINE, "2");
    one_error("b \"x$<y>\" {\n}\n", E_BAD_BLOCK_LABEL, "\"x");
    one_error("b \"x\" 1 {\n}\n", E_BAD_BLOCK_LABEL, "1");
    one_error("o { i { a = 1 } }\n", E_EXPECTED_NEWLINE, "i {");
    one_error("b {\n} c\n", E_EXPECTED_NEWLINE, "c");
    one_error("}\na = 1\n", E_MISMATCHED_CLOSER, "}");
    one_error("x = a.0\n", E_UNEXPECTED_TOKEN, ".0");
    one_error("x = f(a..., b)\n", E_UNEXPECTED_TOKEN, "...");
    one_error("x = {a.b = 1}\n", E_BAD_OBJECT_KEY, ".b");
    one_error("x = {1 = 1}\n", E_BAD_OBJECT_KEY, "1 =");
    one_error("x = if\n", E_EXPECTED_EXPRESSION, "if");
}

static void test_parse_duplicate_attribute_names_both(void **state)
{
    (void)state;
    Parsed *p = parse("b {\n  a = 1\n  c = 2, a = 3\n}\na = 4\n");
    assert_int_equal(p->diags.count, 1);
    diag_is(p, 0, E_DUPLICATE_ATTRIBUTE, "a = 3");
    assert_non_null(p->diags.items[0]->notes);
    span_at(p, p->diags.items[0]->notes->span, "a = 1", 1);
    done(p);
}

static void test_parse_directive_mismatches_point_at_the_directive(void **state)
{
    (void)state;
    one_error("a = \"x%<else>y\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<else>");
    one_error("a = \"x%<endif>\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<endif>");
    one_error("a = \"%<endfor>\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<endfor>");
    one_error("a = \"%<if c>x\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<if");
    one_error("a = \"%<for v in c>x%<endif>\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<endif>");
    one_error("a = \"%<if c>x%<else>y%<else>z%<endif>\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<else>z");
    one_error("a = \"%<while c>\"\n", E_BAD_TEMPLATE_DIRECTIVE, "%<while");
}

static void test_parse_does_not_repeat_lexer_errors(void **state)
{
    (void)state;
    one_error("a = 1;\n", E_BAD_CHAR, ";");
    one_error("a = 'x'\n", E_BAD_CHAR, "'x'");
    one_error("a = x & y\n", E_NEAR_MISS_OPERATOR, "&");
    one_error("a = \"x\nb = 1\n", E_UNTERMINATED_STRING, "\"x");
    one_error("b {\n  a = <<EOT\n  x\n}\n", E_UNTERMINATED_HEREDOC, "<<EOT");
    one_error("a = [\n  1 /* x\n", E_UNTERMINATED_COMMENT, "/*");
}

// --- limits -----------------------------------------------------------------

// Parses `prefix`, `n` copies of `c`, then `suffix`, and asserts exactly one
// diagnostic, E_NESTING_TOO_DEEP.
static void too_deep(const char *prefix, char c, size_t n, const char *suffix)
{
    size_t len = strlen(prefix), slen = strlen(suffix);
    char *text = malloc(len + n + slen + 1);
    assert_non_null(text);
    memcpy(text, prefix, len);
    memset(text + len, c, n);
    memcpy(text + len + n, suffix, slen + 1);
    Parsed *p = parse_len(text, len + n + slen);
    free(text);
    assert_int_equal(p->diags.count, 1);
    assert_int_equal(p->diags.items[0]->code, E_NESTING_TOO_DEEP);
    done(p);
}

static void test_parse_nesting_limit_reports_once(void **state)
{
    (void)state;
    too_deep("a = ", '[', 200000, "");
    too_deep("a = ", '(', 200000, "\n");
    too_deep("a = ", '-', 200000, "1\n");
    too_deep("a = \"$<", '!', 200000, "x>\"\n");
}

static void test_parse_long_chains_count_as_nesting(void **state)
{
    (void)state;
    char text[8192] = "a = 1";
    for (int i = 0; i < 400; i++)
        strcat(text, "+1");
    Parsed *p = parse(text); // a flat chain of 401 terms is not deep nesting
    assert_int_equal(p->diags.count, 0);
    done(p);

    for (int i = 400; i < 1100; i++) // ... but every 4 links count one level
        strcat(text, "+1");
    p = parse(text);
    assert_int_equal(p->diags.count, 1);
    assert_int_equal(p->diags.items[0]->code, E_NESTING_TOO_DEEP);
    done(p);

    strcpy(text, "a = x");
    for (int i = 0; i < 400; i++)
        strcat(text, ".y");
    p = parse(text);
    assert_int_equal(p->diags.count, 1);
    assert_int_equal(p->diags.items[0]->code, E_NESTING_TOO_DEEP);
    done(p);

    char nested[4096] = "b {\n";
    for (int i = 0; i < 100; i++)
        strcat(nested, "c {\n");
    p = parse(nested);
    assert_int_equal(p->diags.count, 1);
    assert_int_equal(p->diags.items[0]->code, E_UNCLOSED_BLOCK);
    done(p);

    strcpy(text, "a = [[[[[[[[[[1]]]]]]]]]]\n");
    p = parse(text);
    no_errors(p);
    done(p);
}

static void test_parse_empty_file_gives_empty_body(void **state)
{
    (void)state;
    Parsed *p = parse("# only a comment\n\n/* and this */\n");
    no_errors(p);
    assert_int_equal(p->body->count, 0);
    done(p);
    p = parse("");
    no_errors(p);
    assert_int_equal(p->body->count, 0);
    done(p);
}

static void test_parse_names(void **state)
{
    (void)state;
    assert_string_equal(ast_op_text(OP_NE), "!=");
    assert_string_equal(ast_op_text(OP_NEG), "-");
    assert_string_equal(ast_op_text(OP_OR), "||");
    assert_string_equal(ast_kind_name(NODE_GETATTR), "attribute access");
}

// parse_file_split puts the tree in an arena of its own and every text in
// the main one: the texts outlive the tree (under make sanitize, a text
// left in the tree arena would be a use after free here).
static void test_parse_split_texts_outlive_the_tree(void **state)
{
    (void)state;
    const char *text = "a = \"one\\ttwo\"\nb = \"x $<y> z\"\nblock \"label\" {\n  k = v.name\n}\n";
    Parsed *p = start(text, strlen(text));
    Arena tree;
    arena_init(&tree);
    p->toks = lex_file(&p->arena, &p->src, 0, &p->diags);
    Body *b = parse_file_split(&p->arena, &tree, &p->toks, &p->diags);
    assert_int_equal(p->diags.count, 0);
    assert_int_equal(b->count, 3);
    const Node *a = b->items[0].as.attr->expr;
    const Node *x = b->items[1].as.attr->expr->as.template.parts.items[0];
    const Block *blk = b->items[2].as.block;
    const char *texts[] = {b->items[0].as.attr->name,
                           a->as.str.text,
                           x->as.str.text,
                           blk->type,
                           blk->labels[0].text,
                           blk->body->items[0].as.attr->expr->as.getattr.name};
    assert_true(tree.total > 0);
    arena_free(&tree);
    assert_string_equal(texts[0], "a");
    assert_string_equal(texts[1], "one\ttwo");
    assert_string_equal(texts[2], "x ");
    assert_string_equal(texts[3], "block");
    assert_string_equal(texts[4], "label");
    assert_string_equal(texts[5], "name");
    done(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_mul_binds_tighter_than_add),
        cmocka_unit_test(test_parse_each_level_binds_tighter_than_the_next),
        cmocka_unit_test(test_parse_binary_operators_are_left_associative),
        cmocka_unit_test(test_parse_conditional_is_right_associative_and_lowest),
        cmocka_unit_test(test_parse_unary_binds_looser_than_traversals),
        cmocka_unit_test(test_parse_parentheses_are_kept),
        cmocka_unit_test(test_parse_literals_and_keywords),
        cmocka_unit_test(test_parse_calls_with_expansion),
        cmocka_unit_test(test_parse_tuples_take_commas_or_newlines),
        cmocka_unit_test(test_parse_for_expressions),
        cmocka_unit_test(test_parse_splat_traversals_go_into_each),
        cmocka_unit_test(test_parse_object_key_forms),
        cmocka_unit_test(test_parse_ident_key_is_a_string_literal),
        cmocka_unit_test(test_parse_quoted_literal_is_one_node),
        cmocka_unit_test(test_parse_node_stays_small),
        cmocka_unit_test(test_parse_number_values),
        cmocka_unit_test(test_parse_pasted_json_is_an_expression),
        cmocka_unit_test(test_parse_template_parts),
        cmocka_unit_test(test_parse_interp_closes_at_first_gt_at_depth_zero),
        cmocka_unit_test(test_parse_template_directives_nest),
        cmocka_unit_test(test_parse_strip_markers_trim_adjacent_literals),
        cmocka_unit_test(test_parse_heredoc_is_a_template),
        cmocka_unit_test(test_parse_template_file),
        cmocka_unit_test(test_parse_template_file_reports_each_bad_part),
        cmocka_unit_test(test_parse_expression_takes_exactly_one),
        cmocka_unit_test(test_parse_blocks_and_labels),
        cmocka_unit_test(test_parse_one_line_block_with_commas),
        cmocka_unit_test(test_parse_spans_of_key_nodes),
        cmocka_unit_test(test_parse_reports_independent_errors_once_each),
        cmocka_unit_test(test_parse_unclosed_brackets_point_at_the_opener),
        cmocka_unit_test(test_parse_mismatched_closer_names_the_opener),
        cmocka_unit_test(test_parse_structure_errors),
        cmocka_unit_test(test_parse_duplicate_attribute_names_both),
        cmocka_unit_test(test_parse_directive_mismatches_point_at_the_directive),
        cmocka_unit_test(test_parse_does_not_repeat_lexer_errors),
        cmocka_unit_test(test_parse_nesting_limit_reports_once),
        cmocka_unit_test(test_parse_long_chains_count_as_nesting),
        cmocka_unit_test(test_parse_empty_file_gives_empty_body),
        cmocka_unit_test(test_parse_names),
        cmocka_unit_test(test_parse_split_texts_outlive_the_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
