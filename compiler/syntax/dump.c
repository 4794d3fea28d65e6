// dump.c - the `hclc debug tokens|ast` printers; see dump.h.
//
// One line per token, block, attribute or node: what it is, its value or
// operator, and its span as line:col-line:col (the end is the position
// just past the last byte). Text is printed as a JSON string literal so
// every line stays one line. The format is for golden tests and debugging.
#include "syntax/dump.h"

#include <ctype.h>
#include <string.h>

#include "syntax/parse.h"

// Writes `len` bytes of `s` as a JSON string literal.
static void put_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", out);
        else if (ch == '\t')
            fputs("\\t", out);
        else if (ch < 0x20 || ch == 0x7F)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

static void put_cstring(FILE *out, const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    put_string(out, s, n);
}

// Writes " L:C-L:C" and the end of the line.
static void put_span(FILE *out, const SourceSet *src, Span s)
{
    if (span_is_none(s)) {
        fputs(" -\n", out);
        return;
    }
    LineCol a = source_line_col(src, s.file, s.start);
    LineCol b = source_line_col(src, s.file, s.end);
    fprintf(out, " %u:%u-%u:%u\n", a.line, a.col, b.line, b.col);
}

static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
}

// Line and column of offsets visited in increasing order: each lookup
// counts only the bytes since the previous one (source_line_col counts from
// the start of the line, which makes a one-line file quadratic).
typedef struct PosCursor {
    const SourceSet *src;
    uint32_t file, offset; // the previous lookup
    LineCol lc;            // its result; line 0 before the first lookup
} PosCursor;

static LineCol cursor_at(PosCursor *c, uint32_t file, uint32_t offset)
{
    const SourceFile *f = source_file(c->src, file);
    if (offset > f->len)
        offset = f->len;
    bool forward = c->lc.line && file == c->file && offset >= c->offset;
    if (forward && !memchr(f->text + c->offset, '\n', offset - c->offset)) {
        for (uint32_t i = c->offset; i < offset; i++)
            c->lc.col += ((unsigned char)f->text[i] & 0xC0) != 0x80;
    } else {
        c->lc = source_line_col(c->src, file, offset);
    }
    c->file = file;
    c->offset = offset;
    return c->lc;
}

void dump_tokens(FILE *out, const SourceSet *src, const TokenList *tokens)
{
    PosCursor cur = {src, 0, 0, {0, 0}};
    for (uint32_t i = 0; i < tokens->count; i++) {
        const Token *t = &tokens->items[i];
        LineCol a = cursor_at(&cur, tokens->file, t->start);
        LineCol b = cursor_at(&cur, tokens->file, t->end);
        fprintf(out, "%u:%u-%u:%u %s", a.line, a.col, b.line, b.col, lex_kind_id(t->kind));
        if (t->text) {
            fputc(' ', out);
            put_string(out, t->text, token_len(t));
        }
        if (t->flags & TOKF_STRIP)
            fputs(" strip", out);
        if (t->flags & TOKF_INDENTED)
            fputs(" indented", out);
        fputc('\n', out);
    }
}

// The lower-case enum name of a node kind: "string_lit", "getattr".
static void put_kind(FILE *out, NodeKind kind)
{
    static const char *const ids[] = {
#define X(name, display) #name,
        NODE_KIND_LIST(X)
#undef X
    };
    const char *id = (unsigned)kind < NODE__COUNT ? ids[kind] : "?";
    for (; *id; id++)
        fputc(tolower((unsigned char)*id), out);
}

static void dump_list(FILE *out, const SourceSet *src, NodeList list, int depth)
{
    for (uint32_t i = 0; i < list.count; i++)
        dump_node(out, src, list.items[i], depth);
}

// A line that names the group of children below it ("then", "else").
static void put_label(FILE *out, const char *label, int depth)
{
    indent(out, depth);
    fprintf(out, "%s\n", label);
}

static void put_vars(FILE *out, const char *key, const char *value)
{
    if (key)
        fprintf(out, " %s,", key);
    fprintf(out, " %s", value);
}

static void dump_object(FILE *out, const SourceSet *src, const Node *n, int depth)
{
    for (uint32_t i = 0; i < n->as.object.count; i++) {
        const ObjectItem *it = &n->as.object.items[i];
        indent(out, depth);
        fputs(it->key_ident ? "item ident" : "item", out);
        put_span(out, src, it->span);
        dump_node(out, src, it->key, depth + 1);
        dump_node(out, src, it->value, depth + 1);
    }
}

// The header line's words after the kind, before the span.
static void put_head(FILE *out, const Node *n)
{
    switch (n->kind) {
    case NODE_BOOL:
        fputs(n->as.boolean ? " true" : " false", out);
        break;
    case NODE_NUMBER:
        fprintf(out, " %s", n->as.number.text);
        break;
    case NODE_TEMPLATE:
        if (n->as.template.heredoc)
            fputs(" heredoc", out);
        break;
    case NODE_STRING_LIT:
        fputc(' ', out);
        put_string(out, n->as.str.text, n->as.str.len);
        break;
    case NODE_TEMPLATE_IF:
        if (n->as.tif->has_else)
            fputs(" else", out);
        break;
    case NODE_TEMPLATE_FOR:
        put_vars(out, n->as.tfor->key_var, n->as.tfor->value_var);
        break;
    case NODE_VARIABLE:
        fprintf(out, " %s", n->as.var.name);
        break;
    case NODE_GETATTR:
        fprintf(out, " .%s", n->as.getattr.name);
        break;
    case NODE_CALL:
        fprintf(out, " %s%s", n->as.call.name, n->as.call.expand_final ? " ..." : "");
        break;
    case NODE_UNARY:
        fprintf(out, " %s", ast_op_text(n->as.unary.op));
        break;
    case NODE_BINARY:
        fprintf(out, " %s", ast_op_text(n->as.binary.op));
        break;
    case NODE_FOR:
        fputs(n->as.forexpr->is_object ? " object" : " tuple", out);
        put_vars(out, n->as.forexpr->key_var, n->as.forexpr->value_var);
        if (n->as.forexpr->group)
            fputs(" group", out);
        if (n->as.forexpr->cond)
            fputs(" if", out);
        break;
    case NODE_NULL:
    case NODE_INDEX:
    case NODE_SPLAT:
    case NODE_SPLAT_ITEM:
    case NODE_TUPLE:
    case NODE_OBJECT:
    case NODE_CONDITIONAL:
    case NODE_PAREN:
        break;
    }
}

// The children of a node, one level deeper.
static void dump_children(FILE *out, const SourceSet *src, const Node *n, int depth)
{
    switch (n->kind) {
    case NODE_TEMPLATE:
        dump_list(out, src, n->as.template.parts, depth);
        break;
    case NODE_TEMPLATE_IF:
        dump_node(out, src, n->as.tif->cond, depth);
        put_label(out, "then", depth);
        dump_list(out, src, n->as.tif->then_parts, depth + 1);
        if (n->as.tif->has_else) {
            put_label(out, "else", depth);
            dump_list(out, src, n->as.tif->else_parts, depth + 1);
        }
        break;
    case NODE_TEMPLATE_FOR:
        dump_node(out, src, n->as.tfor->coll, depth);
        put_label(out, "body", depth);
        dump_list(out, src, n->as.tfor->body, depth + 1);
        break;
    case NODE_GETATTR:
        dump_node(out, src, n->as.getattr.obj, depth);
        break;
    case NODE_INDEX:
        dump_node(out, src, n->as.index.obj, depth);
        dump_node(out, src, n->as.index.key, depth);
        break;
    case NODE_SPLAT:
        dump_node(out, src, n->as.splat.source, depth);
        dump_node(out, src, n->as.splat.each, depth);
        break;
    case NODE_CALL:
        dump_list(out, src, n->as.call.args, depth);
        break;
    case NODE_TUPLE:
        dump_list(out, src, n->as.tuple.items, depth);
        break;
    case NODE_OBJECT:
        dump_object(out, src, n, depth);
        break;
    case NODE_UNARY:
        dump_node(out, src, n->as.unary.operand, depth);
        break;
    case NODE_BINARY:
        dump_node(out, src, n->as.binary.lhs, depth);
        dump_node(out, src, n->as.binary.rhs, depth);
        break;
    case NODE_CONDITIONAL:
        dump_node(out, src, n->as.cond.cond, depth);
        dump_node(out, src, n->as.cond.then_expr, depth);
        dump_node(out, src, n->as.cond.else_expr, depth);
        break;
    case NODE_FOR:
        dump_node(out, src, n->as.forexpr->coll, depth);
        if (n->as.forexpr->key_expr)
            dump_node(out, src, n->as.forexpr->key_expr, depth);
        dump_node(out, src, n->as.forexpr->value_expr, depth);
        if (n->as.forexpr->cond)
            dump_node(out, src, n->as.forexpr->cond, depth);
        break;
    case NODE_PAREN:
        dump_node(out, src, n->as.paren.inner, depth);
        break;
    case NODE_NULL:
    case NODE_BOOL:
    case NODE_NUMBER:
    case NODE_STRING_LIT:
    case NODE_VARIABLE:
    case NODE_SPLAT_ITEM:
        break;
    }
}

void dump_node(FILE *out, const SourceSet *src, const Node *node, int depth)
{
    indent(out, depth);
    if (!node) {
        fputs("(missing)\n", out);
        return;
    }
    put_kind(out, node->kind);
    put_head(out, node);
    put_span(out, src, node->span);
    dump_children(out, src, node, depth + 1);
}

static void dump_items(FILE *out, const SourceSet *src, const Body *body, int depth);

static void dump_block(FILE *out, const SourceSet *src, const Block *b, int depth)
{
    indent(out, depth);
    fputs("block ", out);
    put_cstring(out, b->type);
    fputs(" [", out);
    for (uint32_t i = 0; i < b->nlabels; i++) {
        if (i)
            fputs(", ", out);
        if (b->labels[i].quoted)
            put_cstring(out, b->labels[i].text);
        else
            fputs(b->labels[i].text, out);
    }
    fputc(']', out);
    put_span(out, src, b->span);
    if (b->body)
        dump_items(out, src, b->body, depth + 1);
}

static void dump_items(FILE *out, const SourceSet *src, const Body *body, int depth)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_BLOCK) {
            dump_block(out, src, it->as.block, depth);
            continue;
        }
        const Attribute *a = it->as.attr;
        indent(out, depth);
        fputs("attribute ", out);
        put_cstring(out, a->name);
        put_span(out, src, a->span);
        dump_node(out, src, a->expr, depth + 1);
    }
}

void dump_body(FILE *out, const SourceSet *src, const Body *body)
{
    if (body)
        dump_items(out, src, body, 0);
}
