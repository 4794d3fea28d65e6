// parse_impl.h - what parse.c and parse_template.c share; not a contract.
//
// The cursor over one file's tokens, node helpers, error reporting with
// muting, and the depth limit. The helpers are static inline, so the two
// files share them without the library exporting names like peek or help.
#ifndef HCLC_PARSE_IMPL_H
#define HCLC_PARSE_IMPL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "syntax/parse.h"

#define NO_MATCH TOKEN_NO_PARTNER

typedef struct Cursor {
    const Token *toks;
    uint32_t count; // tokens, the final TOK_EOF included
    uint32_t pos;   // the current token
    uint32_t file;  // the file the tokens are in
    Arena *arena;   // texts (joined literals, messages): values may point to them
    Arena *tree;    // nodes, lists, bodies, blocks: only the tree points to them
                    // (a json build releases them before printing: compile.c)
    Diags *diags;
    size_t lex_diags;    // diagnostics present before parsing (the lexer's)
    uint32_t item_start; // byte offset where the current body item starts
    int depth;           // nesting levels in use
    int tdepth;          // template directives open (for template files)
    bool skip_nl;        // newlines are insignificant here
    bool recovering;     // an error was reported: mute errors until the next item
    bool fatal;          // the nesting limit was hit: abandon the file
    bool failed;         // some error was reported or muted
    bool template_file;  // parsing a template file: each top-level part resynchronises
    bool eof_unclosed;   // a block left open at EOF was reported (only the innermost is)
    Node **stack;        // scratch for the lists being built (heap, see NodeVec)
    uint32_t top, cap;   // entries of `stack` in use, and allocated
    BodyItem *items;     // the same for the items of the bodies being built
    uint32_t items_top, items_cap;
    ObjectItem *objs; // and of the objects being built
    uint32_t objs_top, objs_cap;
} Cursor;

// A list of nodes being built. Its items lie on the cursor's scratch stack
// from `start`; a list opened while it grows (the items of a nested tuple)
// lies above it and is finished, or abandoned after an error, before the
// outer list takes its next item, which writes over what lies above it.
// vec_list copies the items to the arena once, at their exact size: growing
// each list in the arena would leave its smaller copies behind.
typedef struct NodeVec {
    uint32_t start, count;
} NodeVec;

// --- the cursor -------------------------------------------------------------

static inline bool is_bracket_closer(TokenKind k)
{
    return k == TOK_RPAREN || k == TOK_RBRACK || k == TOK_RBRACE;
}

static inline bool is_closer(TokenKind k)
{
    return is_bracket_closer(k) || k == TOK_CQUOTE || k == TOK_CHEREDOC || k == TOK_TEMPLATE_CLOSE;
}

// The span of a token of the cursor's file.
static inline Span tok_span(const Cursor *c, const Token *t)
{
    return token_span(c->file, t);
}

static inline const Token *peek(Cursor *c)
{
    if (c->skip_nl)
        while (c->toks[c->pos].kind == TOK_NEWLINE)
            c->pos++;
    return &c->toks[c->pos];
}

static inline const Token *advance(Cursor *c)
{
    const Token *t = peek(c);
    if (t->kind != TOK_EOF)
        c->pos++;
    return t;
}

static inline bool at(Cursor *c, TokenKind k)
{
    return peek(c)->kind == k;
}

static inline bool accept(Cursor *c, TokenKind k)
{
    if (!at(c, k))
        return false;
    advance(c);
    return true;
}

static inline bool is_word(const Token *t, const char *w)
{
    return t->kind == TOK_IDENT && t->text[0] == w[0] && strcmp(t->text, w) == 0;
}

static inline bool is_keyword(const Token *t)
{
    static const char *const words[] = {"true", "false", "null", "for", "in", "if"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_word(t, words[i]))
            return true;
    return false;
}

// Moves past the closer of the opener at index `open`, when it has one.
static inline void jump_past(Cursor *c, uint32_t open)
{
    uint32_t m = c->toks[open].partner;
    if (m != NO_MATCH && m >= c->pos)
        c->pos = m + 1; // a closer is never the final TOK_EOF
}

static inline Node *new_node(Cursor *c, NodeKind kind, Span span)
{
    Node *n = arena_alloc(c->tree, sizeof *n);
    n->kind = kind;
    n->span = span;
    return n;
}

// Grows a scratch stack of `elem`-byte entries, `items` with *cap of them;
// returns where it now lies (parse.c).
void *parse_grow_scratch(Cursor *c, void *items, uint32_t *cap, size_t elem);

static inline NodeVec vec_open(Cursor *c)
{
    NodeVec v = {c->top, 0};
    return v;
}

static inline void vec_push(Cursor *c, NodeVec *v, Node *n)
{
    uint32_t at = v->start + v->count;
    if (at >= c->cap)
        c->stack = parse_grow_scratch(c, c->stack, &c->cap, sizeof *c->stack);
    c->stack[at] = n;
    v->count++;
    c->top = at + 1;
}

// The finished list, copied to the arena; its items leave the stack.
static inline NodeList vec_list(Cursor *c, NodeVec v)
{
    NodeList l = {NULL, v.count};
    if (v.count) {
        l.items = arena_alloc(c->tree, (size_t)v.count * sizeof *l.items);
        memcpy(l.items, c->stack + v.start, (size_t)v.count * sizeof *l.items);
    }
    c->top = v.start;
    return l;
}

// The span of the token before the current one: the end of what was parsed.
static inline Span prev_span(Cursor *c)
{
    return c->pos > 0 ? tok_span(c, &c->toks[c->pos - 1]) : tok_span(c, &c->toks[0]);
}

// The token after the current one, skipping newlines where they are skipped.
static inline const Token *peek_next(Cursor *c)
{
    uint32_t i = (uint32_t)(peek(c) - c->toks);
    if (c->toks[i].kind == TOK_EOF)
        return &c->toks[i];
    i++;
    if (c->skip_nl)
        while (c->toks[i].kind == TOK_NEWLINE)
            i++;
    return &c->toks[i];
}

// True when a line break lies between the previous token and the current one.
static inline bool newline_before(Cursor *c)
{
    peek(c);
    return c->pos > 0 && c->toks[c->pos - 1].kind == TOK_NEWLINE;
}

// The index of the current token's partner, or NO_MATCH.
static inline uint32_t partner(Cursor *c)
{
    peek(c);
    return c->toks[c->pos].partner;
}

// --- errors -----------------------------------------------------------------

static inline bool lexer_reported_between(Cursor *c, uint32_t from, uint32_t to)
{
    uint32_t file = c->file;
    for (size_t i = 0; i < c->lex_diags; i++) {
        Span s = c->diags->items[i]->subject;
        if (s.file == file && s.start >= from && s.start <= to)
            return true;
    }
    return false;
}

static inline Diag *vreport(Cursor *c, DiagCode code, Span span, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static inline Diag *vreport(Cursor *c, DiagCode code, Span span, const char *fmt, va_list ap)
{
    char text[512];
    vsnprintf(text, sizeof text, fmt, ap);
    return diag_error(c->diags, code, span, "%s", text);
}

// Reports an error at `span` unless errors are muted; then mutes them until
// the parser resynchronises. Returns the Diag, or NULL when muted.
static inline Diag *error_at(Cursor *c, DiagCode code, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static inline Diag *error_at(Cursor *c, DiagCode code, Span span, const char *fmt, ...)
{
    bool muted = c->recovering || c->fatal || lexer_reported_between(c, c->item_start, span.end);
    c->failed = c->recovering = true;
    if (muted)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    Diag *g = vreport(c, code, span, fmt, ap);
    va_end(ap);
    return g;
}

// Marks an error the lexer already reported (a TOK_INVALID).
static inline void mute(Cursor *c)
{
    c->failed = c->recovering = true;
}

static inline void help(Cursor *c, Diag *g, const char *text)
{
    if (g)
        diag_help(c->diags, g, "%s", text);
}

// How a token is named in "found X".
static inline const char *describe(Cursor *c, const Token *t)
{
    if (t->kind == TOK_IDENT && is_keyword(t))
        return arena_printf(c->arena, "keyword \"%s\"", t->text);
    if (t->kind == TOK_IDENT)
        return arena_printf(c->arena, "identifier \"%.40s\"", t->text);
    if (t->kind == TOK_NUMBER)
        return arena_printf(c->arena, "number %.40s", t->text);
    if (t->kind == TOK_OQUOTE)
        return "string";
    return lex_kind_name(t->kind);
}

// Reports "expected X, found Y" at the current token (muted at an invalid token).
static inline Diag *expected(Cursor *c, DiagCode code, const char *what)
{
    const Token *t = peek(c);
    if (t->kind == TOK_INVALID) {
        mute(c);
        return NULL;
    }
    return error_at(c, code, tok_span(c, t), "expected %s, found %s", what, describe(c, t));
}

// True when the lexer already reported an error that swallowed the rest of
// the file after byte `from` (an unterminated heredoc, comment or template):
// an opener before it is not really unclosed.
static inline bool lexer_swallowed_after(Cursor *c, uint32_t from)
{
    uint32_t file = c->file;
    for (size_t i = 0; i < c->lex_diags; i++) {
        const Diag *g = c->diags->items[i];
        if (g->subject.file == file && g->subject.start >= from &&
            (g->code == E_UNTERMINATED_HEREDOC || g->code == E_UNTERMINATED_COMMENT ||
             g->code == E_UNTERMINATED_TEMPLATE))
            return true;
    }
    return false;
}

static inline char closer_char(TokenKind open)
{
    return open == TOK_LPAREN ? ')' : open == TOK_LBRACK ? ']' : '}';
}

static inline char opener_char(TokenKind open)
{
    return open == TOK_LPAREN ? '(' : open == TOK_LBRACK ? '[' : '{';
}

// Reports an unclosed opener at index `open`, unless the lexer swallowed the
// text where its closer would be.
static inline void unclosed(Cursor *c, uint32_t open)
{
    const Token *o = &c->toks[open];
    if (lexer_swallowed_after(c, o->start)) {
        mute(c);
        return;
    }
    Diag *g =
        error_at(c, E_UNCLOSED_BRACKET, tok_span(c, o), "unclosed '%c'", opener_char(o->kind));
    if (g)
        diag_help(c->diags, g, "add '%c' to close it", closer_char(o->kind));
}

// The current token is not what the bracketed construct opened at index
// `open` expects (`what`, e.g. "',' or ']'"). Reports the most useful of:
// the opener is unclosed; the token is a wrong closer; or "expected X,
// found Y". Then moves past the construct's closer if it has one.
static inline void bracket_error(Cursor *c, uint32_t open, DiagCode code, const char *what)
{
    const Token *t = peek(c);
    const Token *o = &c->toks[open];
    bool stray = is_bracket_closer(t->kind) && c->toks[c->pos].partner == NO_MATCH;
    if (stray) {
        Diag *g = error_at(c, E_MISMATCHED_CLOSER, tok_span(c, t),
                           "expected '%c' to close '%c', found %s", closer_char(o->kind),
                           opener_char(o->kind), lex_kind_name(t->kind));
        if (g)
            diag_note_at(c->diags, g, tok_span(c, o), "'%c' opened here", opener_char(o->kind));
    } else if (c->toks[open].partner == NO_MATCH) {
        unclosed(c, open);
    } else {
        expected(c, code, what);
    }
    jump_past(c, open);
}

// --- limits -----------------------------------------------------------------

// Enters one nesting level; false (after reporting once) past the limit.
static inline bool enter(Cursor *c)
{
    if (c->fatal)
        return false;
    if (c->depth >= PARSE_MAX_DEPTH) {
        const Token *t = peek(c);
        Diag *g = diag_error(c->diags, E_NESTING_TOO_DEEP, tok_span(c, t),
                             "nesting deeper than %d levels", PARSE_MAX_DEPTH);
        diag_help(c->diags, g, "split the expression into smaller parts, for example locals");
        c->fatal = c->failed = c->recovering = true;
        return false;
    }
    c->depth++;
    return true;
}

static inline void leave(Cursor *c)
{
    c->depth--;
}

// --- rules defined in one file and used in the other -------------------------

// expression = conditional ;   (parse_expr.c)
Node *parse_expr(Cursor *c);
// The loop variables of a for expression or directive (parse_expr.c).
bool parse_for_vars(Cursor *c, const char **key, const char **value);
// quoted or heredoc template, OQUOTE/OHEREDOC at the cursor (parse_template.c)
Node *parse_template_expr(Cursor *c);
// A run of STRING_LIT tokens as one literal part, or NULL when it is empty
// after stripping (parse_template.c).
Node *parse_template_literal(Cursor *c);
// The parts of a template file, up to EOF (parse_template.c).
void parse_template_file(Cursor *c, NodeVec *parts);

#endif
