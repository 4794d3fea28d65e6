// parse.c - tokens to syntax tree; see parse.h for the contract.
//
// How parsing works. A Cursor walks the token array of one file; each
// grammar production of grammar/hclc.ebnf is one function below, named
// after it, with the production as its comment. Binary operators go
// through one precedence-climbing loop driven by a priority table (Lua's
// subexpr). Newlines are tokens: in bodies they end attributes; inside the
// brackets of an expression and inside interpolations the cursor skips them
// (skip_nl), and tuples and objects use "a newline was skipped" as an item
// separator.
//
// Before parsing, one pass pairs every opener with its closer ('(' ')',
// '[' ']', '{' '}', and the template pairs, which the lexer keeps balanced).
// With that table an unclosed bracket or block is reported at its opener,
// a wrong closer names the opener, and recovery can jump over whole
// constructs. After an error the parser skips the rest of the body item
// (to the line break at the item's own level, or the closer of the
// enclosing block) and mutes further errors until the next item starts, so
// every independent error of a file is reported once. Tokens the lexer
// already reported (TOK_INVALID, text swallowed by an unterminated heredoc
// or comment) never produce a second message.
//
// Limits: every recursive rule, every link of an operator or traversal
// chain and every nested block or directive counts one level; past
// PARSE_MAX_DEPTH the parser reports E_NESTING_TOO_DEEP once and abandons
// the file, returning what it has built. So no input can overflow the C
// stack here or in later passes that walk the tree recursively.
#include "syntax/parse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/value.h"

#define NO_MATCH UINT32_MAX

typedef struct Cursor {
    const Token *toks;
    uint32_t count;  // tokens, the final TOK_EOF included
    uint32_t pos;    // the current token
    uint32_t *match; // per token: index of its partner opener/closer, or NO_MATCH
    Arena *arena;
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
} Cursor;

// A growable array of nodes in the arena.
typedef struct NodeVec {
    Node **items;
    uint32_t count, cap;
} NodeVec;

static Node *expression(Cursor *c);
static Node *template_expr(Cursor *c);
static bool template_parts(Cursor *c, NodeVec *parts);
static Body *body(Cursor *c, uint32_t open);

// --- names ------------------------------------------------------------------

static const char *const node_names[] = {
#define X(name, display) display,
    NODE_KIND_LIST(X)
#undef X
};

const char *ast_kind_name(NodeKind kind)
{
    return (unsigned)kind < NODE__COUNT ? node_names[kind] : "?";
}

const char *ast_literal_text(const Node *n, uint32_t *len)
{
    if (n->kind != NODE_TEMPLATE || n->as.template.parts.count > 1)
        return NULL;
    const Node *part = n->as.template.parts.count ? n->as.template.parts.items[0] : NULL;
    if (part && part->kind != NODE_STRING_LIT)
        return NULL;
    if (len)
        *len = part ? part->as.str.len : 0;
    return part ? part->as.str.text : "";
}

const char *ast_op_text(Operator op)
{
    static const char *const text[] = {
        [OP_NOT] = "!", [OP_NEG] = "-", [OP_MUL] = "*", [OP_DIV] = "/",  [OP_MOD] = "%",
        [OP_ADD] = "+", [OP_SUB] = "-", [OP_GT] = ">",  [OP_GE] = ">=",  [OP_LT] = "<",
        [OP_LE] = "<=", [OP_EQ] = "==", [OP_NE] = "!=", [OP_AND] = "&&", [OP_OR] = "||",
    };
    return (unsigned)op <= OP_OR ? text[op] : "?";
}

// --- opener/closer pairs ----------------------------------------------------

static bool is_opener(TokenKind k)
{
    return k == TOK_LPAREN || k == TOK_LBRACK || k == TOK_LBRACE || k == TOK_OQUOTE ||
           k == TOK_OHEREDOC || k == TOK_INTERP_OPEN || k == TOK_DIRECTIVE_OPEN;
}

static bool is_bracket_closer(TokenKind k)
{
    return k == TOK_RPAREN || k == TOK_RBRACK || k == TOK_RBRACE;
}

static bool is_closer(TokenKind k)
{
    return is_bracket_closer(k) || k == TOK_CQUOTE || k == TOK_CHEREDOC || k == TOK_TEMPLATE_CLOSE;
}

static bool is_pair(TokenKind open, TokenKind close)
{
    return (open == TOK_LPAREN && close == TOK_RPAREN) ||
           (open == TOK_LBRACK && close == TOK_RBRACK) ||
           (open == TOK_LBRACE && close == TOK_RBRACE) ||
           (open == TOK_OQUOTE && close == TOK_CQUOTE) ||
           (open == TOK_OHEREDOC && close == TOK_CHEREDOC) ||
           ((open == TOK_INTERP_OPEN || open == TOK_DIRECTIVE_OPEN) && close == TOK_TEMPLATE_CLOSE);
}

// Finds the stack entry a closer of kind `k` closes: the nearest matching
// opener, not reaching out of a template for a bracket. Returns its index
// + 1, or 0 for a stray closer.
static size_t find_opener(const Token *toks, const uint32_t *stack, size_t n, TokenKind k)
{
    for (size_t j = n; j > 0; j--) {
        TokenKind ok = toks[stack[j - 1]].kind;
        if (is_pair(ok, k))
            return j;
        if (is_bracket_closer(k) && ok != TOK_LPAREN && ok != TOK_LBRACK && ok != TOK_LBRACE)
            return 0;
    }
    return 0;
}

// Pairs openers with closers. A closer pairs with the nearest open opener of
// its kind; openers skipped over stay unmatched (unclosed), and a closer with
// no opener stays unmatched (stray).
// The array is heap memory (as large as the token array): cursor_done frees it.
static uint32_t *match_pairs(const Token *toks, uint32_t count)
{
    uint32_t *match = xmalloc((size_t)count * sizeof *match);
    uint32_t *stack = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t i = 0; i < count; i++) {
        match[i] = NO_MATCH;
        TokenKind k = toks[i].kind;
        if (is_opener(k)) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                stack = xrealloc(stack, cap * sizeof *stack);
            }
            stack[n++] = i;
        } else if (is_closer(k)) {
            size_t j = find_opener(toks, stack, n, k);
            if (j) {
                match[i] = stack[j - 1];
                match[stack[j - 1]] = i;
                n = j - 1;
            }
        }
    }
    free(stack);
    return match;
}

// --- the cursor -------------------------------------------------------------

static const Token *peek(Cursor *c)
{
    if (c->skip_nl)
        while (c->toks[c->pos].kind == TOK_NEWLINE)
            c->pos++;
    return &c->toks[c->pos];
}

// The token after the current one, skipping newlines where they are skipped.
static const Token *peek_next(Cursor *c)
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

static const Token *advance(Cursor *c)
{
    const Token *t = peek(c);
    if (t->kind != TOK_EOF)
        c->pos++;
    return t;
}

static bool at(Cursor *c, TokenKind k)
{
    return peek(c)->kind == k;
}

static bool accept(Cursor *c, TokenKind k)
{
    if (!at(c, k))
        return false;
    advance(c);
    return true;
}

static bool is_word(const Token *t, const char *w)
{
    return t->kind == TOK_IDENT && strcmp(t->text, w) == 0;
}

static bool is_keyword(const Token *t)
{
    static const char *const words[] = {"true", "false", "null", "for", "in", "if"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_word(t, words[i]))
            return true;
    return false;
}

// True when a line break lies between the previous token and the current one.
static bool newline_before(Cursor *c)
{
    peek(c);
    return c->pos > 0 && c->toks[c->pos - 1].kind == TOK_NEWLINE;
}

// The index of the current token's partner, or NO_MATCH.
static uint32_t partner(Cursor *c)
{
    peek(c);
    return c->match[c->pos];
}

// Moves past the closer of the opener at index `open`, when it has one.
static void jump_past(Cursor *c, uint32_t open)
{
    uint32_t m = c->match[open];
    if (m != NO_MATCH && m >= c->pos)
        c->pos = m + 1; // a closer is never the final TOK_EOF
}

static Node *new_node(Cursor *c, NodeKind kind, Span span)
{
    Node *n = arena_alloc(c->arena, sizeof *n);
    n->kind = kind;
    n->span = span;
    return n;
}

static void vec_push(Cursor *c, NodeVec *v, Node *n)
{
    if (v->count == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 4;
        v->items = arena_grow(c->arena, v->items, v->count, cap, sizeof *v->items);
        v->cap = cap;
    }
    v->items[v->count++] = n;
}

static NodeList vec_list(NodeVec v)
{
    NodeList l = {v.items, v.count};
    return l;
}

// The span of the token before the current one: the end of what was parsed.
static Span prev_span(Cursor *c)
{
    return c->pos > 0 ? c->toks[c->pos - 1].span : c->toks[0].span;
}

// --- errors -----------------------------------------------------------------

static bool lexer_reported_between(Cursor *c, uint32_t from, uint32_t to)
{
    uint32_t file = c->toks[0].span.file;
    for (size_t i = 0; i < c->lex_diags; i++) {
        Span s = c->diags->items[i]->subject;
        if (s.file == file && s.start >= from && s.start <= to)
            return true;
    }
    return false;
}

// True when the lexer already reported an error that swallowed the rest of
// the file after byte `from` (an unterminated heredoc, comment or template):
// an opener before it is not really unclosed.
static bool lexer_swallowed_after(Cursor *c, uint32_t from)
{
    uint32_t file = c->toks[0].span.file;
    for (size_t i = 0; i < c->lex_diags; i++) {
        const Diag *g = c->diags->items[i];
        if (g->subject.file == file && g->subject.start >= from &&
            (g->code == E_UNTERMINATED_HEREDOC || g->code == E_UNTERMINATED_COMMENT ||
             g->code == E_UNTERMINATED_TEMPLATE))
            return true;
    }
    return false;
}

static Diag *vreport(Cursor *c, DiagCode code, Span span, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static Diag *vreport(Cursor *c, DiagCode code, Span span, const char *fmt, va_list ap)
{
    char text[512];
    vsnprintf(text, sizeof text, fmt, ap);
    return diag_error(c->diags, code, span, "%s", text);
}

// Reports an error at `span` unless errors are muted; then mutes them until
// the parser resynchronises. Returns the Diag, or NULL when muted.
static Diag *error_at(Cursor *c, DiagCode code, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static Diag *error_at(Cursor *c, DiagCode code, Span span, const char *fmt, ...)
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
static void mute(Cursor *c)
{
    c->failed = c->recovering = true;
}

static void help(Cursor *c, Diag *g, const char *text)
{
    if (g)
        diag_help(c->diags, g, "%s", text);
}

// How a token is named in "found X".
static const char *describe(Cursor *c, const Token *t)
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
static Diag *expected(Cursor *c, DiagCode code, const char *what)
{
    const Token *t = peek(c);
    if (t->kind == TOK_INVALID) {
        mute(c);
        return NULL;
    }
    return error_at(c, code, t->span, "expected %s, found %s", what, describe(c, t));
}

static char closer_char(TokenKind open)
{
    return open == TOK_LPAREN ? ')' : open == TOK_LBRACK ? ']' : '}';
}

static char opener_char(TokenKind open)
{
    return open == TOK_LPAREN ? '(' : open == TOK_LBRACK ? '[' : '{';
}

// Reports an unclosed opener at index `open`, unless the lexer swallowed the
// text where its closer would be.
static void unclosed(Cursor *c, uint32_t open)
{
    const Token *o = &c->toks[open];
    if (lexer_swallowed_after(c, o->span.start)) {
        mute(c);
        return;
    }
    Diag *g = error_at(c, E_UNCLOSED_BRACKET, o->span, "unclosed '%c'", opener_char(o->kind));
    if (g)
        diag_help(c->diags, g, "add '%c' to close it", closer_char(o->kind));
}

// The current token is not what the bracketed construct opened at index
// `open` expects (`what`, e.g. "',' or ']'"). Reports the most useful of:
// the opener is unclosed; the token is a wrong closer; or "expected X,
// found Y". Then moves past the construct's closer if it has one.
static void bracket_error(Cursor *c, uint32_t open, DiagCode code, const char *what)
{
    const Token *t = peek(c);
    const Token *o = &c->toks[open];
    bool stray = is_bracket_closer(t->kind) && c->match[c->pos] == NO_MATCH;
    if (stray) {
        Diag *g = error_at(c, E_MISMATCHED_CLOSER, t->span, "expected '%c' to close '%c', found %s",
                           closer_char(o->kind), opener_char(o->kind), lex_kind_name(t->kind));
        if (g)
            diag_note_at(c->diags, g, o->span, "'%c' opened here", opener_char(o->kind));
    } else if (c->match[open] == NO_MATCH) {
        unclosed(c, open);
    } else {
        expected(c, code, what);
    }
    jump_past(c, open);
}

// --- limits -----------------------------------------------------------------

// Enters one nesting level; false (after reporting once) past the limit.
static bool enter(Cursor *c)
{
    if (c->fatal)
        return false;
    if (c->depth >= PARSE_MAX_DEPTH) {
        const Token *t = peek(c);
        Diag *g = diag_error(c->diags, E_NESTING_TOO_DEEP, t->span, "nesting deeper than %d levels",
                             PARSE_MAX_DEPTH);
        diag_help(c->diags, g, "split the expression into smaller parts, for example locals");
        c->fatal = c->failed = c->recovering = true;
        return false;
    }
    c->depth++;
    return true;
}

static void leave(Cursor *c)
{
    c->depth--;
}

// --- templates --------------------------------------------------------------

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

// A run of STRING_LIT tokens as one literal part, with strip markers applied
// from the tokens around it. Empty literals are dropped.
static void template_literal(Cursor *c, NodeVec *parts)
{
    uint32_t first = c->pos;
    size_t len = 0;
    while (c->toks[c->pos].kind == TOK_STRING_LIT)
        len += c->toks[c->pos++].len;
    uint32_t last = c->pos - 1;
    char *text = arena_alloc(c->arena, len + 1);
    size_t n = 0;
    for (uint32_t i = first; i <= last; i++) {
        memcpy(text + n, c->toks[i].text, c->toks[i].len);
        n += c->toks[i].len;
    }
    const Token *before = first > 0 ? &c->toks[first - 1] : NULL;
    const Token *after = &c->toks[last + 1];
    size_t lo = 0, hi = len;
    if (before && before->kind == TOK_TEMPLATE_CLOSE && (before->flags & TOKF_STRIP))
        while (lo < hi && is_space(text[lo]))
            lo++;
    if ((after->kind == TOK_INTERP_OPEN || after->kind == TOK_DIRECTIVE_OPEN) &&
        (after->flags & TOKF_STRIP))
        while (hi > lo && is_space(text[hi - 1]))
            hi--;
    if (hi == lo)
        return;
    text[hi] = '\0';
    Node *lit = new_node(c, NODE_STRING_LIT, span_join(c->toks[first].span, c->toks[last].span));
    lit->as.str.text = text + lo;
    lit->as.str.len = (uint32_t)(hi - lo);
    vec_push(c, parts, lit);
}

// The keyword of the directive at the current DIRECTIVE_OPEN, or "".
static const char *directive_word(Cursor *c)
{
    const Token *t = &c->toks[c->pos + 1];
    return t->kind == TOK_IDENT ? t->text : "";
}

static bool is_directive(Cursor *c, const char *word)
{
    return c->toks[c->pos].kind == TOK_DIRECTIVE_OPEN && strcmp(directive_word(c), word) == 0;
}

// The span of the directive opened at token `open`, through its '>'.
static Span directive_span_at(Cursor *c, uint32_t open)
{
    uint32_t m = c->match[open];
    Span s = c->toks[open].span;
    return m == NO_MATCH ? s : span_join(s, c->toks[m].span);
}

// The span of the directive opened at the current token.
static Span directive_span(Cursor *c)
{
    return directive_span_at(c, c->pos);
}

// Expects the TEMPLATE_CLOSE of the interpolation or directive opened at
// index `open`; on anything else reports it and moves past the real one.
static bool template_close(Cursor *c, uint32_t open)
{
    if (at(c, TOK_TEMPLATE_CLOSE) && c->match[c->pos] == open) {
        advance(c);
        return true;
    }
    expected(c, E_UNEXPECTED_TOKEN, "'>'");
    jump_past(c, open);
    return false;
}

// Parses the words of a directive that takes no argument (else, endif,
// endfor) and its closing '>'.
static bool directive_end(Cursor *c)
{
    uint32_t open = c->pos;
    advance(c);
    advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    bool ok = template_close(c, open);
    c->skip_nl = saved;
    return ok;
}

// template interp = INTERP_OPEN , expression , TEMPLATE_CLOSE ;
static Node *template_interp(Cursor *c)
{
    uint32_t open = c->pos;
    advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *e = expression(c);
    if (e && !template_close(c, open))
        e = NULL;
    if (!e)
        jump_past(c, open);
    c->skip_nl = saved;
    return e;
}

// The loop variables of a for: IDENT , [ ',' , IDENT ] , 'in'. Shared by
// for expressions and for directives.
static bool for_vars(Cursor *c, const char **key, const char **value)
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

// Reports an else/endif/endfor directive that no if or for is waiting for,
// and moves past it.
static void stray_directive(Cursor *c)
{
    const char *word = directive_word(c);
    const char *opener = strcmp(word, "endfor") == 0 ? "for" : "if";
    Diag *g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                       "'%%<%s>' without a matching '%%<%s>'", word, opener);
    if (g)
        diag_help(c->diags, g, "write '%%%%<' for a literal '%%<'");
    uint32_t open = c->pos;
    advance(c);
    jump_past(c, open);
}

// Reports a directive found where the if or for opened at `open` needed
// its end (`want`), naming the opener.
static void directive_mismatch(Cursor *c, uint32_t open, const char *want)
{
    const char *word = directive_word(c);
    const char *kw = c->toks[open + 1].text;
    Diag *g;
    if (strcmp(word, "else") == 0 && strcmp(kw, "if") == 0)
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "second '%%<else>' for one '%%<if>'");
    else
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "expected '%%<%s>' to close '%%<%s>', found '%%<%s>'", want, kw, word);
    if (g)
        diag_note_at(c->diags, g, directive_span_at(c, open), "'%%<%s>' opened here", kw);
}

// Reports the if or for directive opened at `open` as never closed.
static void directive_unclosed(Cursor *c, uint32_t open, const char *want)
{
    Span s = directive_span_at(c, open);
    const char *kw = c->toks[open + 1].text;
    Diag *g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, s, "unclosed '%%<%s>'", kw);
    if (g)
        diag_help(c->diags, g, "add '%%<%s>' where it ends", want);
}

// The header of an if or for directive after its keyword, through '>':
// the condition, or the loop variables and collection.
static Node *directive_head(Cursor *c, uint32_t open, bool is_for, const char **key,
                            const char **value)
{
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *e = NULL;
    if (!is_for || for_vars(c, key, value))
        e = expression(c);
    if (e && !template_close(c, open))
        e = NULL;
    if (!e)
        jump_past(c, open);
    c->skip_nl = saved;
    return e;
}

// template if = DIRECTIVE_OPEN , 'if' , expression , TEMPLATE_CLOSE ,
//               template parts ,
//               [ DIRECTIVE_OPEN , 'else' , TEMPLATE_CLOSE , template parts ] ,
//               DIRECTIVE_OPEN , 'endif' , TEMPLATE_CLOSE ;
static Node *template_if(Cursor *c)
{
    uint32_t open = c->pos;
    if (!enter(c))
        return NULL;
    c->tdepth++;
    advance(c);
    advance(c);
    Node *n = new_node(c, NODE_TEMPLATE_IF, c->toks[open].span);
    n->as.tif.cond = directive_head(c, open, false, NULL, NULL);
    bool ok = n->as.tif.cond != NULL;
    NodeVec then = {0}, els = {0};
    ok &= template_parts(c, &then);
    for (;;) {
        if (c->fatal) {
            ok = false;
        } else if (is_directive(c, "else") && !n->as.tif.has_else) {
            n->as.tif.has_else = true;
            ok &= directive_end(c);
            ok &= template_parts(c, &els);
            continue;
        } else if (is_directive(c, "endif")) {
            ok &= directive_end(c);
        } else if (is_directive(c, "else") || is_directive(c, "endfor")) {
            directive_mismatch(c, open, "endif");
            ok = false;
        } else {
            directive_unclosed(c, open, "endif");
            ok = false;
        }
        break;
    }
    c->tdepth--;
    leave(c);
    n->as.tif.then_parts = vec_list(then);
    n->as.tif.else_parts = vec_list(els);
    n->span = span_join(n->span, prev_span(c));
    return ok ? n : NULL;
}

// template for = DIRECTIVE_OPEN , 'for' , IDENT , [ ',' , IDENT ] , 'in' ,
//                expression , TEMPLATE_CLOSE ,
//                template parts ,
//                DIRECTIVE_OPEN , 'endfor' , TEMPLATE_CLOSE ;
static Node *template_for(Cursor *c)
{
    uint32_t open = c->pos;
    if (!enter(c))
        return NULL;
    c->tdepth++;
    advance(c);
    advance(c);
    Node *n = new_node(c, NODE_TEMPLATE_FOR, c->toks[open].span);
    n->as.tfor.coll = directive_head(c, open, true, &n->as.tfor.key_var, &n->as.tfor.value_var);
    bool ok = n->as.tfor.coll != NULL;
    NodeVec parts = {0};
    ok &= template_parts(c, &parts);
    if (c->fatal) {
        ok = false;
    } else if (is_directive(c, "endfor")) {
        ok &= directive_end(c);
    } else if (is_directive(c, "else") || is_directive(c, "endif")) {
        directive_mismatch(c, open, "endfor");
        ok = false;
    } else {
        directive_unclosed(c, open, "endfor");
        ok = false;
    }
    c->tdepth--;
    leave(c);
    n->as.tfor.body = vec_list(parts);
    n->span = span_join(n->span, prev_span(c));
    return ok ? n : NULL;
}

// Reports a directive whose keyword is not one of the five, and skips it.
static void unknown_directive(Cursor *c)
{
    const Token *w = &c->toks[c->pos + 1];
    Diag *g;
    if (w->kind == TOK_IDENT)
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "unknown template directive \"%s\"", w->text);
    else
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "expected a directive keyword after '%%<', found %s", describe(c, w));
    help(c, g,
         "the directives are if, else, endif, for and endfor; for the text '%<' itself, "
         "write '%%<'");
    uint32_t open = c->pos;
    advance(c);
    jump_past(c, open);
}

// template parts = { STRING_LIT | template interp | template if | template for } ;
// Stops before anything else: the template's closer, or an else, endif or
// endfor directive, which the caller handles.
static bool template_parts(Cursor *c, NodeVec *parts)
{
    bool ok = true;
    while (!c->fatal) {
        const Token *t = &c->toks[c->pos];
        if (c->template_file && c->tdepth == 0) {
            c->recovering = false;
            c->item_start = t->span.start;
        }
        Node *n = NULL;
        if (t->kind == TOK_STRING_LIT) {
            template_literal(c, parts);
            continue;
        }
        if (t->kind == TOK_INTERP_OPEN) {
            n = template_interp(c);
        } else if (t->kind != TOK_DIRECTIVE_OPEN || is_directive(c, "else") ||
                   is_directive(c, "endif") || is_directive(c, "endfor")) {
            return ok;
        } else if (is_directive(c, "if")) {
            n = template_if(c);
        } else if (is_directive(c, "for")) {
            n = template_for(c);
        } else {
            unknown_directive(c);
        }
        if (n)
            vec_push(c, parts, n);
        else
            ok = false;
    }
    return false;
}

// quoted template = OQUOTE , template parts , CQUOTE ;
// heredoc template = OHEREDOC , template parts , CHEREDOC ;
static Node *template_expr(Cursor *c)
{
    uint32_t open = c->pos;
    const Token *o = advance(c);
    TokenKind closer = o->kind == TOK_OHEREDOC ? TOK_CHEREDOC : TOK_CQUOTE;
    bool saved = c->skip_nl;
    c->skip_nl = false;
    NodeVec parts = {0};
    bool ok = true;
    for (;;) {
        ok &= template_parts(c, &parts);
        const Token *t = &c->toks[c->pos];
        if (c->fatal) {
            ok = false;
            break;
        }
        if (t->kind == closer && c->match[c->pos] == open) {
            advance(c);
            break;
        }
        if (t->kind == TOK_DIRECTIVE_OPEN) {
            stray_directive(c);
            ok = false;
            continue;
        }
        mute(c); // the lexer keeps templates balanced; anything else it reported
        jump_past(c, open);
        ok = false;
        break;
    }
    c->skip_nl = saved;
    if (!ok)
        return NULL;
    Node *n = new_node(c, NODE_TEMPLATE, span_join(o->span, prev_span(c)));
    n->as.template.parts = vec_list(parts);
    n->as.template.heredoc = closer == TOK_CHEREDOC;
    return n;
}

// --- expressions: terms -----------------------------------------------------

// literal = NUMBER | 'true' | 'false' | 'null' ;
static Node *number_literal(Cursor *c)
{
    const Token *t = advance(c);
    Node *n = new_node(c, NODE_NUMBER, t->span);
    n->as.number.text = t->text;
    n->as.number.value = strtod(t->text, NULL);
    if (!isfinite(n->as.number.value)) {
        Diag *g = error_at(c, E_BAD_NUMBER, t->span, "number %.40s is too large", t->text);
        help(c, g, "numbers must be below about 1.8e308");
        return NULL;
    }
    if (!value_int_text_exact(t->text, strlen(t->text))) {
        Diag *g = error_at(c, E_INEXACT_INTEGER, t->span,
                           "integer %.40s cannot be held exactly; it would become %.0f", t->text,
                           n->as.number.value);
        help(c, g, "integers are exact up to 9007199254740992 (2^53); write a larger one as a "
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
    Node *inner = expression(c);
    Node *n = NULL;
    if (inner) {
        if (at(c, TOK_RPAREN) && partner(c) == open) {
            advance(c);
            n = new_node(c, NODE_PAREN, span_join(o->span, prev_span(c)));
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
    Node *n = new_node(c, NODE_CALL, name->span);
    n->as.call.name = name->text;
    n->as.call.name_span = name->span;
    NodeVec args = {0};
    bool ok = true, comma = true;
    while (ok && !at_closer(c, TOK_RPAREN, open)) {
        if (!comma || n->as.call.expand_final || is_closer(peek(c)->kind) || at(c, TOK_EOF)) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "',' or ')'");
            ok = false;
            break;
        }
        Node *arg = expression(c);
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
                Diag *g = error_at(c, E_UNEXPECTED_TOKEN, e->span,
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
    n->as.call.args = vec_list(args);
    n->span = span_join(n->span, prev_span(c));
    return n;
}

// for cond = 'if' , expression ;  (after the value; returns false on error)
static bool for_cond(Cursor *c, Node **cond)
{
    *cond = NULL;
    if (!is_word(peek(c), "if"))
        return true;
    advance(c);
    *cond = expression(c);
    return *cond != NULL;
}

// for intro = 'for' , IDENT , [ ',' , IDENT ] , 'in' , expression , ':' ;
static bool for_intro(Cursor *c, Node *n)
{
    advance(c);
    if (!for_vars(c, &n->as.forexpr.key_var, &n->as.forexpr.value_var))
        return false;
    n->as.forexpr.coll = expression(c);
    if (!n->as.forexpr.coll)
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
    Node *n = new_node(c, NODE_FOR, o->span);
    n->as.forexpr.is_object = is_object;
    bool ok = for_intro(c, n);
    if (ok && is_object) {
        n->as.forexpr.key_expr = expression(c);
        ok = n->as.forexpr.key_expr != NULL;
        if (ok && !accept(c, TOK_FAT_ARROW)) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "'=>'");
            return NULL;
        }
    }
    if (ok) {
        n->as.forexpr.value_expr = expression(c);
        ok = n->as.forexpr.value_expr != NULL;
    }
    if (ok && is_object && accept(c, TOK_ELLIPSIS))
        n->as.forexpr.group = true;
    ok = ok && for_cond(c, &n->as.forexpr.cond);
    if (!ok) {
        jump_past(c, open);
        return NULL;
    }
    if (!at_closer(c, close, open)) {
        bracket_error(c, open, E_UNEXPECTED_TOKEN, is_object ? "'}'" : "']'");
        return NULL;
    }
    advance(c);
    n->span = span_join(o->span, prev_span(c));
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
    NodeVec items = {0};
    bool sep = true;
    while (!at_closer(c, TOK_RBRACK, open)) {
        if (!sep || is_closer(peek(c)->kind) || at(c, TOK_EOF)) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "',' or ']'");
            return NULL;
        }
        Node *e = expression(c);
        if (!e) {
            jump_past(c, open);
            return NULL;
        }
        vec_push(c, &items, e);
        sep = accept(c, TOK_COMMA) || newline_before(c);
    }
    advance(c);
    Node *n = new_node(c, NODE_TUPLE, span_join(o->span, prev_span(c)));
    n->as.tuple.items = vec_list(items);
    return n;
}

// A bare name as an object key: a template holding that one literal.
static Node *name_key(Cursor *c, const Token *t)
{
    Node *lit = new_node(c, NODE_STRING_LIT, t->span);
    lit->as.str.text = t->text;
    lit->as.str.len = t->len;
    Node *n = new_node(c, NODE_TEMPLATE, t->span);
    n->as.template.parts.items = arena_alloc(c->arena, sizeof(Node *));
    n->as.template.parts.items[0] = lit;
    n->as.template.parts.count = 1;
    return n;
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
        return template_expr(c);
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
    item->value = expression(c);
    if (!item->value)
        return false;
    item->span = span_join(item->key->span, item->value->span);
    return true;
}

// object = '{' , [ object item , { item separator , object item } , [ ',' ] ] , '}' ;
static Node *object(Cursor *c)
{
    uint32_t open = c->pos;
    const Token *o = advance(c);
    ObjectItem *items = NULL;
    uint32_t count = 0, cap = 0;
    bool sep = true;
    while (!at_closer(c, TOK_RBRACE, open)) {
        if (!sep) {
            bracket_error(c, open, E_UNEXPECTED_TOKEN, "',' or '}'");
            return NULL;
        }
        if (count == cap) {
            uint32_t ncap = cap ? cap * 2 : 4;
            items = arena_grow(c->arena, items, count, ncap, sizeof *items);
            cap = ncap;
        }
        if (!object_item(c, open, &items[count])) {
            jump_past(c, open);
            return NULL;
        }
        count++;
        sep = accept(c, TOK_COMMA) || newline_before(c);
    }
    advance(c);
    Node *n = new_node(c, NODE_OBJECT, span_join(o->span, prev_span(c)));
    n->as.object.items = items;
    n->as.object.count = count;
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
        Node *n = new_node(c, NODE_BOOL, advance(c)->span);
        n->as.boolean = is_word(t, "true");
        return n;
    }
    if (is_word(t, "null"))
        return new_node(c, NODE_NULL, advance(c)->span);
    if (is_keyword(t)) {
        expected(c, E_EXPECTED_EXPRESSION, "expression");
        return NULL;
    }
    Node *n = new_node(c, NODE_VARIABLE, advance(c)->span);
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
        return template_expr(c);
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
        Node *n = new_node(c, NODE_GETATTR, span_join((*slot)->span, t->span));
        n->as.getattr.obj = *slot;
        n->as.getattr.name = t->text;
        n->as.getattr.name_span = t->span;
        *slot = n;
        return true;
    }
    if (t->kind == TOK_NUMBER) {
        // a.0.1 lexes as a, '.', 0.1: suggest [0][1]
        const char *dot = strchr(t->text, '.');
        const char *sugg =
            dot ? arena_printf(c->arena, "[%.*s][%s]", (int)(dot - t->text), t->text, dot + 1)
                : arena_printf(c->arena, "[%s]", t->text);
        Diag *g = error_at(c, E_UNEXPECTED_TOKEN, span_join(prev_span(c), t->span),
                           "legacy index \".%s\" is not supported", t->text);
        if (g)
            diag_help(c->diags, g, "write the index in brackets: %s", sugg);
        return false;
    }
    if (t->kind == TOK_STAR) {
        Diag *g = error_at(c, E_UNEXPECTED_TOKEN, span_join(prev_span(c), t->span),
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
    Node *key = expression(c);
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
    Span s = advance(c)->span;
    advance(c);
    s = span_join(s, advance(c)->span);
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
    Node *n = new_node(c, NODE_UNARY, span_join(t->span, operand->span));
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
        // `a + b + ... ` is not what the limit is for: every
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
        n->as.binary.op_span = t->span;
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
    Node *then_expr = expression(c);
    if (!then_expr)
        return NULL;
    if (!accept(c, TOK_COLON)) {
        expected(c, E_UNEXPECTED_TOKEN, "':' of the conditional");
        return NULL;
    }
    Node *else_expr = expression(c);
    if (!else_expr)
        return NULL;
    Node *n = new_node(c, NODE_CONDITIONAL, span_join(cond->span, else_expr->span));
    n->as.cond.cond = cond;
    n->as.cond.then_expr = then_expr;
    n->as.cond.else_expr = else_expr;
    return n;
}

// expression = conditional ;
static Node *expression(Cursor *c)
{
    if (!enter(c))
        return NULL;
    Node *n = conditional(c);
    leave(c);
    return n;
}

// --- bodies -----------------------------------------------------------------

// Builds a body: its items, and an index of attribute names by hash for
// the duplicate check.
typedef struct BodyBuilder {
    Body *body;
    uint32_t cap;
    Attribute **slots; // open addressing; nslots is a power of two
    uint32_t nslots, nattrs;
} BodyBuilder;

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

// Returns the attribute already named like `a`, or records `a` and returns NULL.
static Attribute *seen_attr(Cursor *c, BodyBuilder *bb, Attribute *a)
{
    if ((bb->nattrs + 1) * 2 > bb->nslots) {
        uint32_t n = bb->nslots ? bb->nslots * 2 : 4; // most bodies hold one or two
        Attribute **slots = arena_alloc(c->arena, (size_t)n * sizeof *slots);
        for (uint32_t i = 0; i < bb->nslots; i++) {
            if (!bb->slots[i])
                continue;
            uint32_t j = name_hash(bb->slots[i]->name) & (n - 1);
            while (slots[j])
                j = (j + 1) & (n - 1);
            slots[j] = bb->slots[i];
        }
        bb->slots = slots;
        bb->nslots = n;
    }
    uint32_t j = name_hash(a->name) & (bb->nslots - 1);
    for (; bb->slots[j]; j = (j + 1) & (bb->nslots - 1))
        if (strcmp(bb->slots[j]->name, a->name) == 0)
            return bb->slots[j];
    bb->slots[j] = a;
    bb->nattrs++;
    return NULL;
}

static void add_item(Cursor *c, BodyBuilder *bb, BodyItem item)
{
    Body *b = bb->body;
    if (b->count == bb->cap) {
        uint32_t cap = bb->cap ? bb->cap * 2 : 2; // a block per variable: keep them small
        b->items = arena_grow(c->arena, b->items, b->count, cap, sizeof *b->items);
        bb->cap = cap;
    }
    b->items[b->count++] = item;
}

static void add_attr(Cursor *c, BodyBuilder *bb, Attribute *a)
{
    Attribute *first = seen_attr(c, bb, a);
    if (first) {
        Diag *g =
            error_at(c, E_DUPLICATE_ATTRIBUTE, a->name_span, "duplicate attribute \"%s\"", a->name);
        if (g)
            diag_note_at(c->diags, g, first->name_span, "first defined here");
    }
    BodyItem item = {.kind = ITEM_ATTRIBUTE, .as.attr = a};
    add_item(c, bb, item);
}

// attribute = IDENT , '=' , expression ;
static Attribute *attribute(Cursor *c)
{
    const Token *name = advance(c);
    if (!accept(c, TOK_EQUAL)) {
        Diag *g =
            expected(c, E_UNEXPECTED_TOKEN, arena_printf(c->arena, "'=' after \"%s\"", name->text));
        if (at(c, TOK_COLON))
            help(c, g, "attributes are set with '=': name = value");
        return NULL;
    }
    Node *e = expression(c);
    if (!e)
        return NULL;
    Attribute *a = arena_alloc(c->arena, sizeof *a);
    a->name = name->text;
    a->name_span = name->span;
    a->expr = e;
    a->span = span_join(name->span, e->span);
    return a;
}

// True when a name followed by this token starts a block, not an attribute.
static bool starts_block(TokenKind k)
{
    return k == TOK_IDENT || k == TOK_OQUOTE || k == TOK_LBRACE;
}

// attribute line = attribute , { ',' , attribute } ,
//                  ( NEWLINE | EOF | [ ',' ] , ? followed by '}' ? ) ;
static bool attribute_line(Cursor *c, BodyBuilder *bb)
{
    for (;;) {
        Attribute *a = attribute(c);
        if (!a)
            return false;
        add_attr(c, bb, a);
        const Token *t = peek(c);
        if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF || t->kind == TOK_RBRACE)
            return true;
        if (t->kind != TOK_COMMA) {
            if (t->kind == TOK_INVALID) {
                mute(c);
                return false;
            }
            Diag *g = error_at(c, E_EXPECTED_NEWLINE, t->span,
                               "expected a line break after attribute \"%s\", found %s", a->name,
                               describe(c, t));
            help(c, g, "put each attribute on its own line, or separate them with ','");
            return false;
        }
        advance(c);
        t = peek(c);
        if (t->kind == TOK_RBRACE)
            return true;
        if (t->kind == TOK_IDENT && c->toks[c->pos + 1].kind == TOK_EQUAL)
            continue;
        if (t->kind == TOK_IDENT && starts_block(c->toks[c->pos + 1].kind)) {
            Diag *g = error_at(c, E_EXPECTED_NEWLINE, t->span,
                               "block \"%s\" must start on its own line", t->text);
            help(c, g, "only attributes can share a line, separated by ','");
            return false;
        }
        Diag *g = expected(c, E_UNEXPECTED_TOKEN, "an attribute after ','");
        if (t->kind == TOK_NEWLINE)
            help(c, g, "remove the ',': a line break ends an attribute");
        return false;
    }
}

// block label = IDENT | plain string ;   plain string = OQUOTE , [ STRING_LIT ] , CQUOTE ;
static bool block_label(Cursor *c, BlockLabel *label)
{
    const Token *t = peek(c);
    label->span = t->span;
    if (t->kind == TOK_IDENT) {
        advance(c);
        label->text = t->text;
        return true;
    }
    uint32_t open = c->pos;
    advance(c);
    label->quoted = true;
    label->text = "";
    if (at(c, TOK_STRING_LIT)) {
        NodeVec parts = {0};
        template_literal(c, &parts);
        if (parts.count)
            label->text = parts.items[0]->as.str.text;
    }
    if (at(c, TOK_CQUOTE) && partner(c) == open) {
        label->span = span_join(t->span, advance(c)->span);
        return true;
    }
    uint32_t close = c->match[open];
    Span s = close == NO_MATCH ? t->span : span_join(t->span, c->toks[close].span);
    Diag *g =
        error_at(c, E_BAD_BLOCK_LABEL, s, "block label cannot hold an interpolation or directive");
    help(c, g, "a label is a plain quoted string or a name; for a literal '$<' write '$$<'");
    jump_past(c, open);
    return false;
}

// The name a block is shown with in messages: "type" and labels as written.
static const char *block_name(Cursor *c, const Block *b)
{
    const char *s = arena_printf(c->arena, "\"%s\"", b->type);
    for (uint32_t i = 0; i < b->nlabels; i++)
        s = arena_printf(c->arena, b->labels[i].quoted ? "%s \"%s\"" : "%s %s", s,
                         b->labels[i].text);
    return s;
}

// The labels of a block header up to its '{'; false after an error.
static bool block_labels(Cursor *c, Block *b)
{
    uint32_t cap = 0;
    while (!at(c, TOK_LBRACE)) {
        const Token *t = peek(c);
        if (t->kind != TOK_IDENT && t->kind != TOK_OQUOTE) {
            if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF || t->kind == TOK_INVALID ||
                t->kind == TOK_EQUAL) {
                Diag *g = expected(c, E_UNEXPECTED_TOKEN,
                                   arena_printf(c->arena, "'{' after block %s", block_name(c, b)));
                if (g && b->nlabels == 1 && t->kind != TOK_EQUAL)
                    diag_help(c->diags, g, "to set an attribute, write %s = %s%s%s", b->type,
                              b->labels[0].quoted ? "\"" : "", b->labels[0].text,
                              b->labels[0].quoted ? "\"" : "");
                return false;
            }
            Diag *g = error_at(c, E_BAD_BLOCK_LABEL, t->span,
                               "expected a block label or '{', found %s", describe(c, t));
            help(c, g, "a block label is a quoted string or a name");
            return false;
        }
        if (b->nlabels == cap) {
            uint32_t n = cap ? cap * 2 : 2;
            b->labels = arena_grow(c->arena, b->labels, b->nlabels, n, sizeof *b->labels);
            cap = n;
        }
        if (!block_label(c, &b->labels[b->nlabels]))
            return false;
        b->nlabels++;
    }
    return true;
}

// block line = block , ( NEWLINE | EOF ) ;
// block = IDENT , { block label } , '{' , body , '}' ;
static bool block_line(Cursor *c, BodyBuilder *bb)
{
    const Token *type = advance(c);
    Block *b = arena_alloc(c->arena, sizeof *b);
    b->type = type->text;
    b->type_span = type->span;
    uint32_t before = (uint32_t)(type - c->toks);
    if (before > 0 && c->toks[before - 1].kind != TOK_NEWLINE) {
        Diag *g = error_at(c, E_EXPECTED_NEWLINE, type->span,
                           "block \"%s\" must start on its own line", type->text);
        help(c, g, "only attributes can share a line, separated by ','");
        return false;
    }
    if (!block_labels(c, b))
        return false;
    uint32_t open = c->pos;
    b->open_brace = advance(c)->span;
    if (!enter(c))
        return false;
    uint32_t item_start = c->item_start;
    b->body = body(c, open);
    c->item_start = item_start;
    leave(c);
    BodyItem item = {.kind = ITEM_BLOCK, .as.block = b};
    add_item(c, bb, item);
    if (c->fatal)
        return false;
    if (!at(c, TOK_RBRACE) || partner(c) != open) {
        b->body->span = span_join(b->open_brace, prev_span(c));
        if (!c->eof_unclosed && !lexer_swallowed_after(c, b->open_brace.start)) {
            c->eof_unclosed = true;
            Diag *g = error_at(c, E_UNCLOSED_BLOCK, b->open_brace, "unclosed '{' of block %s",
                               block_name(c, b));
            help(c, g, "add '}' to close the block");
        }
        mute(c);
        b->span = span_join(type->span, prev_span(c));
        return false;
    }
    b->close_brace = advance(c)->span;
    b->span = span_join(type->span, b->close_brace);
    b->body->span = span_join(b->open_brace, b->close_brace);
    const Token *t = peek(c);
    if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF)
        return true;
    if (t->kind == TOK_INVALID) {
        mute(c);
        return false;
    }
    Diag *g =
        error_at(c, E_EXPECTED_NEWLINE, t->span, "expected a line break after block %s, found %s",
                 block_name(c, b), describe(c, t));
    help(c, g, "a block ends its line; start the next item on a new line");
    return false;
}

// True when the line from the current token holds a '{' before any '='
// (at bracket depth 0): a block header with a bad label, not an attribute.
static bool line_has_brace(Cursor *c)
{
    for (uint32_t i = c->pos; c->toks[i].kind != TOK_NEWLINE && c->toks[i].kind != TOK_EOF;) {
        TokenKind k = c->toks[i].kind;
        if (k == TOK_LBRACE)
            return true;
        if (k == TOK_EQUAL)
            return false;
        i = is_opener(k) && c->match[i] != NO_MATCH ? c->match[i] + 1 : i + 1;
    }
    return false;
}

// One item of a body: an attribute line or a block line.
static bool body_line(Cursor *c, BodyBuilder *bb)
{
    const Token *t = peek(c);
    if (t->kind == TOK_INVALID) {
        mute(c);
        return false;
    }
    if (t->kind != TOK_IDENT) {
        Diag *g = expected(c, E_UNEXPECTED_TOKEN, "an attribute or block name");
        if (t->kind == TOK_OQUOTE)
            help(c, g, "attribute and block names are written without quotes");
        return false;
    }
    TokenKind next = c->toks[c->pos + 1].kind;
    if (next == TOK_EQUAL)
        return attribute_line(c, bb);
    if (starts_block(next))
        return block_line(c, bb);
    uint32_t save = c->pos++;
    bool brace = line_has_brace(c);
    c->pos = save;
    if (brace && next != TOK_INVALID) {
        c->pos++;
        Diag *g = error_at(c, E_BAD_BLOCK_LABEL, peek(c)->span,
                           "expected a block label or '{', found %s", describe(c, peek(c)));
        help(c, g, "a block label is a quoted string or a name");
        return false;
    }
    return attribute_line(c, bb);
}

// Skips the rest of a body item that failed: out of every construct opened
// since token `start` and still open, then to the line break that ends the
// item, stopping before the '}' of an enclosing block.
static void recover_item(Cursor *c, uint32_t start)
{
    uint32_t pos = c->pos;
    bool jumped = false;
    for (uint32_t i = start; i < pos && !jumped; i++) {
        uint32_t m = c->match[i];
        if (is_opener(c->toks[i].kind) && m != NO_MATCH && m >= pos) {
            pos = m + 1;
            jumped = true;
        }
    }
    // Inside an unclosed bracket the parser may have read on into the next
    // lines; when the error is at the start of a line, that line is not part
    // of the failed item.
    if (!jumped && pos > start && c->toks[pos - 1].kind == TOK_NEWLINE) {
        c->pos = pos - 1;
        return;
    }
    for (;;) {
        const Token *t = &c->toks[pos];
        uint32_t m = c->match[pos];
        if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF)
            break;
        if (t->kind == TOK_RBRACE && m != NO_MATCH && m < start)
            break;
        pos = is_opener(t->kind) && m != NO_MATCH ? m + 1 : pos + 1;
    }
    c->pos = pos;
}

// body = { NEWLINE | attribute line | block line } ;
// `open` is the index of the block's '{', or NO_MATCH for a whole file.
static Body *body(Cursor *c, uint32_t open)
{
    BodyBuilder bb = {0};
    bb.body = arena_alloc(c->arena, sizeof(Body));
    bool saved = c->skip_nl;
    c->skip_nl = false;
    while (!c->fatal) {
        const Token *t = peek(c);
        if (t->kind == TOK_NEWLINE) {
            advance(c);
            continue;
        }
        c->recovering = false;
        if (t->kind == TOK_EOF || (t->kind == TOK_RBRACE && open != NO_MATCH))
            break;
        uint32_t start = c->pos;
        c->item_start = t->span.start;
        if (t->kind == TOK_RBRACE && c->match[c->pos] == NO_MATCH) {
            error_at(c, E_MISMATCHED_CLOSER, t->span, "unexpected '}' with no matching '{'");
        } else if (body_line(c, &bb)) {
            continue;
        }
        if (c->fatal)
            break;
        recover_item(c, start);
        if (c->pos == start)
            advance(c);
    }
    c->skip_nl = saved;
    return bb.body;
}

// --- entry points -----------------------------------------------------------

static void cursor_init(Cursor *c, Arena *arena, const TokenList *tokens, Diags *diags)
{
    memset(c, 0, sizeof *c);
    c->toks = tokens->items;
    c->count = tokens->count;
    c->arena = arena;
    c->diags = diags;
    c->lex_diags = diags->count;
    c->match = match_pairs(tokens->items, tokens->count);
}

static void cursor_done(Cursor *c)
{
    free(c->match);
    c->match = NULL;
}

// The span from the first token to the end of the last.
static Span whole_span(const TokenList *tokens)
{
    Span last = tokens->items[tokens->count - 1].span;
    return span_make(last.file, 0, last.end);
}

Body *parse_file(Arena *arena, const TokenList *tokens, Diags *diags)
{
    if (!tokens->count) {
        Body *b = arena_alloc(arena, sizeof(Body));
        b->span = span_none();
        return b;
    }
    Cursor c;
    cursor_init(&c, arena, tokens, diags);
    Body *b = body(&c, NO_MATCH);
    b->span = whole_span(tokens);
    cursor_done(&c);
    return b;
}

// template file = template parts , EOF ;
Node *parse_template(Arena *arena, const TokenList *tokens, Diags *diags)
{
    Node *n = arena_alloc(arena, sizeof *n);
    n->kind = NODE_TEMPLATE;
    if (!tokens->count) {
        n->span = span_none();
        return n;
    }
    Cursor c;
    cursor_init(&c, arena, tokens, diags);
    c.template_file = true;
    NodeVec parts = {0};
    for (;;) {
        template_parts(&c, &parts);
        if (c.fatal || at(&c, TOK_EOF))
            break;
        c.recovering = false;
        if (at(&c, TOK_DIRECTIVE_OPEN))
            stray_directive(&c);
        else
            advance(&c); // cannot happen: the lexer emits nothing else here
    }
    n->span = whole_span(tokens);
    n->as.template.parts = vec_list(parts);
    cursor_done(&c);
    return n;
}

Node *parse_expression(Arena *arena, const TokenList *tokens, Diags *diags)
{
    if (!tokens->count)
        return NULL;
    Cursor c;
    cursor_init(&c, arena, tokens, diags);
    c.skip_nl = true;
    Node *n = expression(&c);
    if (n && !at(&c, TOK_EOF))
        expected(&c, E_UNEXPECTED_TOKEN, "end of input");
    cursor_done(&c);
    return c.failed ? NULL : n;
}
