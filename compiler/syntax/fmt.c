// fmt.c - the canonical layout: tokens and source text in, formatted text out.
//
// One pass over the tokens, with a stack of bracket contexts, builds output
// lines (depth, content, where the '=' is, trailing comment); a second pass
// aligns '=' and end-of-line comments and adds the blank lines around
// top-level blocks; the last writes the text. Comments are not tokens: they
// are read from the source between tokens. Strings and heredocs are copied
// byte for byte except the expressions between $< / %< and their '>'.
#include "syntax/fmt.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/lex.h"
#include "syntax/parse.h"

#define NO_LINE UINT32_MAX
#define NO_EQ UINT32_MAX
#define NO_TOKEN UINT32_MAX

typedef enum CtxKind {
    CTX_BODY,     // the file, or a block's { }: attributes and blocks
    CTX_OBJECT,   // { key = value ... }
    CTX_TUPLE,    // [ a, b ]
    CTX_FREE,     // ( ), a call, an index, a for expression, $< > and %< >
    CTX_TEMPLATE, // "..." or a heredoc: text copied as written
} CtxKind;

typedef struct Ctx {
    CtxKind kind;
    bool multi;         // BODY, OBJECT, TUPLE: one item a line
    bool commas;        // OBJECT (multi): every item ends with a comma
    bool keywords;      // for, in and if are keywords here
    bool top;           // the file's body
    bool item_open;     // BODY, OBJECT, TUPLE: the current item has tokens
    bool after_key;     // its '=' or ':' has been seen
    bool has_eq;        // its '=' is on its first line, recorded for alignment
    bool comma_written; // the current item's comma is out
    uint32_t item_line; // the line where the current item starts
    uint32_t line;      // the line of the opener (NO_LINE for the file)
    uint32_t serial;    // unique number, for Line.last_open
    uint32_t prev_open; // Line.last_open before this context was opened
} Ctx;

typedef struct Line {
    uint32_t start, end; // content in Fmt.out
    uint32_t eq;         // offset of the '=' to align in the content, or NO_EQ
    const char *comment; // end-of-line comment (in the source), or NULL
    uint32_t comment_len;
    uint32_t depth;     // indentation level
    uint32_t last_open; // serial of the innermost context still open from this line
    bool blank_before;  // one empty line before this one
    bool align;         // a single-line attribute: its '=' joins the group
    bool spans;         // content or comment holds a line break
    bool top_comment;   // a comment line in the file's body
    bool top_block;     // the first line of a multi-line top-level block
    bool top_end;       // the closing line of a multi-line top-level block
} Line;

typedef struct Prev {
    TokenKind kind; // TOK_EOF: nothing yet on the line
    bool expr_end;  // can end an expression (so '[' after it is an index)
    bool unary;     // a '-' that negates
    bool keyword;   // for, in or if used as a keyword
    bool comment;   // an inline /* */ comment
    bool strip;     // "$<~" or "%<~": a space after it
} Prev;

typedef struct Fmt {
    const char *src; // the file's text
    const Token *tok;
    uint32_t ntok;
    uint32_t *match; // opener index -> closer index
    uint8_t *flags;  // per opener: F_NL, F_COMMA at its own level
    Ctx *ctx;
    uint32_t nctx, capctx, serial;
    Line *lines;
    uint32_t nlines, caplines;
    char *out;
    size_t len, cap;
    bool open;         // the last line takes more content
    bool has_token;    // the last line holds a token (not only comments)
    bool after_opener; // no blank line right after an opener
    uint32_t bom;      // 3 when the file starts with a UTF-8 byte order mark
    uint32_t nl;       // source line breaks since the last content
    Prev prev;         // the token before on this line (spacing)
    Prev last;         // the token before, on any line (what it is)
} Fmt;

enum { F_NL = 1, F_COMMA = 2 };

// What the layout needs to know of each token kind (a table, not switches,
// so that a new kind needs no new case).
enum {
    K_OPEN = 1,         // opens a nested part: bracket, string, heredoc, $< or %<
    K_CLOSE = 2,        // closes one
    K_TIGHT_BEFORE = 4, // no space before it
    K_TIGHT_AFTER = 8,  // no space after it
    K_END = 16,         // can end an expression (so a '[' after it is an index)
};

static const uint8_t KIND[TOK__COUNT] = {
    [TOK_IDENT] = K_END,
    [TOK_NUMBER] = K_END,
    [TOK_LBRACE] = K_OPEN,
    [TOK_LBRACK] = K_OPEN | K_TIGHT_AFTER,
    [TOK_LPAREN] = K_OPEN | K_TIGHT_AFTER,
    [TOK_OQUOTE] = K_OPEN,
    [TOK_OHEREDOC] = K_OPEN,
    [TOK_INTERP_OPEN] = K_OPEN | K_TIGHT_AFTER,
    [TOK_DIRECTIVE_OPEN] = K_OPEN | K_TIGHT_AFTER,
    [TOK_RBRACE] = K_CLOSE | K_END,
    [TOK_RBRACK] = K_CLOSE | K_TIGHT_BEFORE | K_END,
    [TOK_RPAREN] = K_CLOSE | K_TIGHT_BEFORE | K_END,
    [TOK_CQUOTE] = K_CLOSE | K_END,
    [TOK_CHEREDOC] = K_CLOSE | K_END,
    [TOK_TEMPLATE_CLOSE] = K_CLOSE | K_TIGHT_BEFORE,
    [TOK_COMMA] = K_TIGHT_BEFORE,
    [TOK_DOT] = K_TIGHT_BEFORE | K_TIGHT_AFTER,
    [TOK_ELLIPSIS] = K_TIGHT_BEFORE,
    [TOK_BANG] = K_TIGHT_AFTER,
};

// --- output buffer and lines ------------------------------------------------

static void append(Fmt *f, const char *s, size_t n)
{
    if (f->len + n + 1 > f->cap) {
        size_t cap = f->cap ? f->cap : 4096;
        while (f->len + n + 1 > cap)
            cap *= 2;
        f->out = xrealloc(f->out, cap);
        f->cap = cap;
    }
    memcpy(f->out + f->len, s, n);
    f->len += n;
    if (f->nlines)
        f->lines[f->nlines - 1].end = (uint32_t)f->len;
}

static Line *last_line(Fmt *f)
{
    return f->nlines ? &f->lines[f->nlines - 1] : NULL;
}

static Ctx *top(Fmt *f)
{
    return &f->ctx[f->nctx - 1];
}

// Depth of a new line when its first `closers` tokens close the innermost
// contexts: one level per earlier line whose innermost opener is still open.
static uint32_t line_depth(Fmt *f, uint32_t closers)
{
    uint32_t d = 0;
    for (uint32_t i = 0; i + closers < f->nctx; i++) {
        const Ctx *c = &f->ctx[i];
        if (c->line != NO_LINE && f->lines[c->line].last_open == c->serial)
            d++;
    }
    return d;
}

static void start_line(Fmt *f, uint32_t closers)
{
    if (f->nlines == f->caplines) {
        f->caplines = f->caplines ? f->caplines * 2 : 256;
        f->lines = xrealloc(f->lines, f->caplines * sizeof(Line));
    }
    Line *l = &f->lines[f->nlines];
    memset(l, 0, sizeof *l);
    l->start = l->end = (uint32_t)f->len;
    l->eq = NO_EQ;
    l->last_open = UINT32_MAX;
    l->depth = line_depth(f, closers);
    l->blank_before = f->nl >= 2 && f->nlines > 0 && !f->after_opener && closers == 0;
    f->nlines++;
    f->open = true;
    f->has_token = false;
    f->after_opener = false;
    f->prev = (Prev){TOK_EOF, false, false, false, false, false};
}

static void line_break(Fmt *f)
{
    f->open = false;
}

// --- tokens -----------------------------------------------------------------

static bool is_closer(TokenKind k)
{
    return k == TOK_RBRACE || k == TOK_RBRACK || k == TOK_RPAREN;
}

// The closers that start a line at token i and stay on it (the closer of a
// multi-line context goes on a line of its own).
static uint32_t leading_closers(Fmt *f, uint32_t i)
{
    uint32_t n = 0;
    while (i + n < f->ntok && n < f->nctx && is_closer(f->tok[i + n].kind) &&
           (n == 0 || !f->ctx[f->nctx - 1 - n].multi))
        n++;
    return n;
}

static bool ident_is(const Token *t, const char *word)
{
    return t->kind == TOK_IDENT && strcmp(t->text, word) == 0;
}

static bool is_keyword(Fmt *f, const Token *t)
{
    return top(f)->keywords && (ident_is(t, "for") || ident_is(t, "in") || ident_is(t, "if"));
}

// The next token that is not a line break.
static uint32_t next_solid(Fmt *f, uint32_t i)
{
    while (i < f->ntok && f->tok[i].kind == TOK_NEWLINE)
        i++;
    return i;
}

static bool space_before(const Prev *p, const Token *next, bool tight_colon)
{
    if (next->kind == TOK_COMMA)
        return false;
    if (p->comment || p->strip || (next->flags & TOKF_STRIP))
        return true; // "$<~ x ~>": strip markers stand apart
    if (p->kind == TOK_EOF)
        return false;
    if (next->kind == TOK_RBRACE)
        return p->kind != TOK_LBRACE; // "{ a }", but "{}"
    if (next->kind == TOK_COLON)
        return !tight_colon;
    if (KIND[next->kind] & K_TIGHT_BEFORE)
        return false;
    if (next->kind == TOK_LBRACK && p->expr_end)
        return false; // an index
    if (next->kind == TOK_LPAREN && p->kind == TOK_IDENT && !p->keyword)
        return false; // a call
    if (p->kind == TOK_MINUS)
        return !p->unary;
    return !(KIND[p->kind] & K_TIGHT_AFTER);
}

static bool ends_expression(TokenKind k)
{
    return KIND[k] & K_END;
}

// Appends token i's source text to the last line (a new one when none is
// open), with the space the rules want before it.
static void put_token(Fmt *f, uint32_t i, bool tight_colon)
{
    const Token *t = &f->tok[i];
    if (!f->open)
        start_line(f, leading_closers(f, i));
    else if (space_before(&f->prev, t, tight_colon))
        append(f, " ", 1);
    append(f, f->src + t->start, t->end - t->start);
    bool kw = t->kind == TOK_IDENT && is_keyword(f, t);
    bool unary = t->kind == TOK_MINUS && !f->last.expr_end;
    bool splat = t->kind == TOK_STAR && (f->last.kind == TOK_LBRACK || f->last.kind == TOK_DOT);
    bool end = (ends_expression(t->kind) && !kw) || splat;
    f->prev = f->last = (Prev){t->kind, end, unary, kw, false, false};
    f->nl = 0;
    f->has_token = true;
}

// Appends source bytes as they are (template text): no space, no new line.
static void put_raw(Fmt *f, uint32_t start, uint32_t end)
{
    if (memchr(f->src + start, '\n', end - start))
        last_line(f)->spans = true;
    append(f, f->src + start, end - start);
}

// --- comments ---------------------------------------------------------------

// A comment written on its own line (or first on a line) starts a line.
static void own_line_comment(Fmt *f, const char *text, size_t n, bool line_comment)
{
    start_line(f, 0);
    Line *l = last_line(f);
    l->top_comment = top(f)->top;
    append(f, text, n);
    if (memchr(text, '\n', n))
        l->spans = true;
    f->prev = (Prev){TOK_EOF, false, false, false, true, false};
    f->nl = 0;
    if (line_comment)
        line_break(f);
}

// A comment after code on the same line: at the end of the line it is the
// line's comment (aligned later); before more code it stays inline.
static void trailing_comment(Fmt *f, const char *text, size_t n, bool at_end)
{
    Line *l = last_line(f);
    if (at_end && !l->comment) {
        l->comment = text;
        l->comment_len = (uint32_t)n;
        if (memchr(text, '\n', n))
            l->spans = true;
        return;
    }
    if (!f->open)
        start_line(f, 0);
    if (f->prev.kind != TOK_EOF || f->prev.comment)
        append(f, " ", 1);
    append(f, text, n);
    if (memchr(text, '\n', n))
        last_line(f)->spans = true;
    f->prev = (Prev){TOK_EOF, false, false, false, true, false};
}

// Emits the comments in the source bytes [from, to) before token `next`.
static void gap_comments(Fmt *f, uint32_t from, uint32_t to, uint32_t next)
{
    const char *s = f->src;
    uint32_t p = from;
    while (p < to) {
        if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\n') {
            if (s[p] == '\n')
                f->nl++;
            p++;
            continue;
        }
        uint32_t start = p;
        bool line_comment = s[p] == '#' || (s[p] == '/' && p + 1 < to && s[p + 1] == '/');
        if (line_comment) {
            while (p < to && s[p] != '\n')
                p++;
        } else { // "/* ... */": the lexer accepted it, so it is closed
            p += 2;
            while (p + 1 < to && !(s[p] == '*' && s[p + 1] == '/'))
                p++;
            p = p + 2 <= to ? p + 2 : to;
        }
        uint32_t end = p;
        while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
            end--;
        uint32_t q = p;
        while (q < to && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r'))
            q++;
        TokenKind nk = f->tok[next].kind;
        bool at_end = line_comment || (q == to && (nk == TOK_NEWLINE || nk == TOK_EOF)) ||
                      (q < to && s[q] == '\n');
        if (f->nl > 0 || f->nlines == 0)
            own_line_comment(f, s + start, end - start, line_comment || at_end);
        else
            trailing_comment(f, s + start, end - start, at_end);
    }
}

// --- items ------------------------------------------------------------------

static bool is_list(const Ctx *c)
{
    return c->kind == CTX_BODY || c->kind == CTX_OBJECT || c->kind == CTX_TUPLE;
}

// Called before the first token of an item of a list context.
static void begin_item(Fmt *f, Ctx *c)
{
    if (c->item_open || !is_list(c))
        return;
    if (c->multi && f->has_token)
        line_break(f); // the item starts a line (after a comment that leads it)
    c->item_open = true;
    c->after_key = false;
    c->has_eq = false;
    c->comma_written = false;
    c->item_line = NO_LINE;
}

// Ends the current item: adds the comma the list's style wants and marks a
// single-line attribute for alignment.
static void end_item(Fmt *f, Ctx *c)
{
    if (!c->item_open)
        return;
    c->item_open = false;
    if (!c->multi)
        return;
    bool comma = c->kind == CTX_TUPLE || (c->kind == CTX_OBJECT && c->commas);
    if (comma && !c->comma_written && f->last.kind == TOK_CHEREDOC) {
        start_line(f, 0); // nothing may follow a heredoc's end marker
        append(f, ",", 1);
        f->has_token = true;
        f->nl = 0;
    } else if (comma && !c->comma_written) {
        append(f, ",", 1);
    }
    Line *l = last_line(f);
    if (c->has_eq && c->item_line == f->nlines - 1)
        l->align = true; // a heredoc value too: its '=' is on the first line
    line_break(f);
}

static void note_item_line(Fmt *f, Ctx *c)
{
    if (is_list(c) && c->item_line == NO_LINE) {
        c->item_line = f->nlines - 1;
    }
}

// --- contexts ---------------------------------------------------------------

static Ctx *push(Fmt *f, CtxKind kind, uint32_t opener)
{
    if (f->nctx == f->capctx) {
        f->capctx = f->capctx ? f->capctx * 2 : 32;
        f->ctx = xrealloc(f->ctx, f->capctx * sizeof(Ctx));
    }
    Ctx *c = &f->ctx[f->nctx++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->multi = opener != NO_TOKEN &&
               (kind == CTX_BODY || kind == CTX_OBJECT || kind == CTX_TUPLE) &&
               (f->flags[opener] & F_NL);
    c->commas = opener != NO_TOKEN && (f->flags[opener] & F_COMMA);
    c->item_line = NO_LINE;
    c->serial = ++f->serial;
    c->line = f->nlines ? f->nlines - 1 : NO_LINE;
    if (c->line != NO_LINE) {
        Line *l = &f->lines[c->line];
        c->prev_open = l->last_open;
        l->last_open = c->serial;
    }
    return c;
}

static void pop(Fmt *f)
{
    Ctx *c = top(f);
    if (c->line != NO_LINE && c->line == f->nlines - 1)
        f->lines[c->line].last_open = c->prev_open; // closed on its own line
    bool block_end = c->kind == CTX_BODY && c->multi && f->nctx >= 2 && f->ctx[f->nctx - 2].top;
    if (block_end)
        last_line(f)->top_end = true;
    f->nctx--;
}

// What an opening bracket at token i opens.
static CtxKind bracket_kind(Fmt *f, uint32_t i, bool *is_for)
{
    const Token *t = &f->tok[i];
    const Ctx *c = top(f);
    uint32_t j = next_solid(f, i + 1), k = next_solid(f, j + 1);
    *is_for = k < f->ntok && ident_is(&f->tok[j], "for") && f->tok[k].kind == TOK_IDENT;
    if (t->kind == TOK_LPAREN)
        return CTX_FREE;
    if (t->kind == TOK_LBRACK)
        return f->last.expr_end || *is_for ? CTX_FREE : CTX_TUPLE;
    if (c->kind == CTX_BODY && !c->after_key)
        return CTX_BODY;
    return *is_for ? CTX_FREE : CTX_OBJECT;
}

static void open_bracket(Fmt *f, uint32_t i)
{
    bool is_for;
    CtxKind kind = bracket_kind(f, i, &is_for);
    put_token(f, i, false);
    Ctx *parent = top(f);
    note_item_line(f, parent);
    if (kind == CTX_BODY)
        parent->after_key = true; // the block's body is the statement's end
    Ctx *c = push(f, kind, i);
    c->keywords = is_for;
    if (c->multi) {
        if (parent->top && kind == CTX_BODY)
            f->lines[parent->item_line].top_block = true;
        f->after_opener = true;
        line_break(f);
    }
}

static void close_bracket(Fmt *f, uint32_t i)
{
    Ctx *c = top(f);
    if (c->multi) {
        end_item(f, c);
        line_break(f);
    }
    put_token(f, i, false);
    pop(f);
}

// --- templates --------------------------------------------------------------

// True when the interpolation or directive [open, close] holds a line break
// or a comment: then it is copied as written.
static bool keep_as_written(Fmt *f, uint32_t open, uint32_t close)
{
    for (uint32_t j = open + 1; j <= close; j++) {
        if (f->tok[j].kind == TOK_NEWLINE)
            return true;
        for (uint32_t p = f->tok[j - 1].end; p < f->tok[j].start; p++)
            if (f->src[p] != ' ' && f->src[p] != '\t')
                return true;
    }
    return false;
}

static void format_range(Fmt *f, uint32_t from, uint32_t to);

// A quoted string or heredoc from token i to its closer, as written except
// the expressions inside $< > and %< >; returns the closer's index.
static uint32_t put_template(Fmt *f, uint32_t i)
{
    uint32_t close = f->match[i];
    put_token(f, i, false);
    if (memchr(f->src + f->tok[i].start, '\n', f->tok[i].end - f->tok[i].start))
        last_line(f)->spans = true;
    uint32_t j = i + 1;
    while (j < close) {
        const Token *t = &f->tok[j];
        put_raw(f, f->tok[j - 1].end, t->start);
        if (t->kind == TOK_INTERP_OPEN || t->kind == TOK_DIRECTIVE_OPEN) {
            uint32_t end = f->match[j];
            if (keep_as_written(f, j, end)) {
                put_raw(f, t->start, f->tok[end].end);
            } else {
                append(f, f->src + t->start, t->end - t->start);
                f->prev = (Prev){t->kind, false, false, false, false, t->flags & TOKF_STRIP};
                Ctx *c = push(f, CTX_FREE, NO_TOKEN);
                c->keywords = t->kind == TOK_DIRECTIVE_OPEN;
                format_range(f, j + 1, end);
                pop(f);
                const Token *e = &f->tok[end];
                if (e->flags & TOKF_STRIP)
                    append(f, " ", 1);
                append(f, f->src + e->start, e->end - e->start);
            }
            j = end + 1;
        } else {
            put_raw(f, t->start, t->end);
            j++;
        }
    }
    put_raw(f, f->tok[close - 1].end, f->tok[close].end);
    f->prev = f->last = (Prev){f->tok[close].kind, true, false, false, false, false};
    return close;
}

// --- the main loop ----------------------------------------------------------

// Whether the line break at token i ends the item of an object: newlines
// are skipped inside an expression there, so only one after a token that
// can end an expression and before one that can start an item (or the
// closing brace) separates items.
static bool object_item_ends(Fmt *f, uint32_t i)
{
    uint32_t n = next_solid(f, i + 1);
    TokenKind k = n < f->ntok ? f->tok[n].kind : TOK_EOF;
    bool starts = k == TOK_IDENT || k == TOK_OQUOTE || k == TOK_OHEREDOC || k == TOK_NUMBER ||
                  k == TOK_LPAREN || k == TOK_RBRACE || k == TOK_COMMA;
    return f->last.expr_end && starts;
}

static void newline_token(Fmt *f, uint32_t i)
{
    Ctx *c = top(f);
    f->nl++;
    if (c->kind == CTX_TUPLE && c->multi && c->item_open) {
        uint32_t n = next_solid(f, i + 1);
        TokenKind k = n < f->ntok ? f->tok[n].kind : TOK_EOF;
        if (k == TOK_COMMA || k == TOK_RBRACK)
            end_item(f, c); // its comma now, before any comment line
        else
            line_break(f); // the item goes on over the next line
        return;
    }
    if (c->kind == CTX_OBJECT && c->multi && c->item_open && !object_item_ends(f, i)) {
        line_break(f); // the parser reads on: "a = x\n.y", "a = 1 +\n2"
        return;
    }
    if (c->multi && (c->kind == CTX_BODY || c->kind == CTX_OBJECT))
        end_item(f, c);
    line_break(f);
}

static void comma_token(Fmt *f, uint32_t i)
{
    Ctx *c = top(f);
    if (!c->multi || !is_list(c)) {
        put_token(f, i, false);
        c->item_open = false; // one-line list: the next item begins
        return;
    }
    if (!c->item_open)
        return;                // written when its item ended at the line break before
    if (c->kind != CTX_BODY) { // the item's comma, right after it
        append(f, ",", 1);
        c->comma_written = true;
    }
    end_item(f, c);
}

static void other_token(Fmt *f, uint32_t i)
{
    const Token *t = &f->tok[i];
    Ctx *c = top(f);
    begin_item(f, c);
    bool key_sep = (c->kind == CTX_BODY || c->kind == CTX_OBJECT) && !c->after_key &&
                   (t->kind == TOK_EQUAL || t->kind == TOK_COLON);
    bool tight = key_sep && t->kind == TOK_COLON;
    put_token(f, i, tight);
    note_item_line(f, c);
    if (key_sep) {
        c->after_key = true;
        Line *l = last_line(f);
        if (t->kind == TOK_EQUAL && c->multi && c->item_line == f->nlines - 1) {
            l->eq = l->end - 1 - l->start;
            c->has_eq = true;
        }
    }
}

static void format_token(Fmt *f, uint32_t i)
{
    TokenKind k = f->tok[i].kind;
    if (k == TOK_NEWLINE) {
        newline_token(f, i);
    } else if (k == TOK_COMMA) {
        comma_token(f, i);
    } else if (k == TOK_LBRACE || k == TOK_LBRACK || k == TOK_LPAREN) {
        begin_item(f, top(f));
        open_bracket(f, i);
    } else if (is_closer(k)) {
        close_bracket(f, i);
    } else if (k == TOK_OQUOTE || k == TOK_OHEREDOC) {
        begin_item(f, top(f));
        put_template(f, i);
        note_item_line(f, top(f));
    } else {
        other_token(f, i);
    }
}

// Formats tokens [from, to) with the comments between them.
static void format_range(Fmt *f, uint32_t from, uint32_t to)
{
    uint32_t i = from;
    while (i < to) {
        const Token *t = &f->tok[i];
        gap_comments(f, i > 0 ? f->tok[i - 1].end : f->bom, t->start, i);
        if (t->kind == TOK_EOF)
            break;
        format_token(f, i);
        i = (t->kind == TOK_OQUOTE || t->kind == TOK_OHEREDOC) ? f->match[i] + 1 : i + 1;
    }
}

// --- layout passes ----------------------------------------------------------

// Pairs every opener with its closer and notes the line breaks and commas
// directly inside it.
static void match_brackets(Fmt *f)
{
    uint32_t *stack = xmalloc((f->ntok + 1) * sizeof(uint32_t));
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->ntok; i++) {
        TokenKind k = f->tok[i].kind;
        f->match[i] = i;
        if (KIND[k] & K_OPEN)
            stack[n++] = i;
        else if ((KIND[k] & K_CLOSE) && n)
            f->match[stack[--n]] = i;
        else if (k == TOK_NEWLINE && n)
            f->flags[stack[n - 1]] |= F_NL;
        else if (k == TOK_COMMA && n)
            f->flags[stack[n - 1]] |= F_COMMA;
    }
    free(stack);
}

// One blank line around every multi-line top-level block (above the
// comment lines that belong to it).
static void separate_blocks(Fmt *f)
{
    for (uint32_t i = 0; i < f->nlines; i++) {
        if (f->lines[i].top_end && i + 1 < f->nlines)
            f->lines[i + 1].blank_before = true;
        if (!f->lines[i].top_block)
            continue;
        uint32_t first = i;
        while (first > 0 && !f->lines[first].blank_before && f->lines[first - 1].top_comment)
            first--;
        if (first > 0)
            f->lines[first].blank_before = true;
    }
}

// Display width: code points, not bytes.
static uint32_t width(const char *s, size_t n)
{
    uint32_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

static uint32_t lead_width(const Fmt *f, const Line *l)
{
    uint32_t n = l->eq;
    while (n > 0 && f->out[l->start + n - 1] == ' ')
        n--;
    return width(f->out + l->start, n);
}

// Fills pad[i]: the columns from the start of line i's content to its '='
// (0 when not aligned); groups are consecutive aligned lines of one depth,
// ended by a blank line or after a value that spans lines (a heredoc).
static void align_equals(const Fmt *f, uint32_t *pad)
{
    uint32_t i = 0;
    while (i < f->nlines) {
        const Line *l = &f->lines[i];
        if (!l->align) {
            pad[i++] = 0;
            continue;
        }
        uint32_t j = i, max = 0;
        while (j < f->nlines && f->lines[j].align && f->lines[j].depth == l->depth &&
               (j == i || !f->lines[j].blank_before)) {
            uint32_t w = lead_width(f, &f->lines[j]);
            max = w > max ? w : max;
            if (f->lines[j++].spans)
                break; // a heredoc ends the group
        }
        for (uint32_t k = i; k < j; k++)
            pad[k] = max + 1;
        i = j;
    }
}

static uint32_t content_width(const Fmt *f, const Line *l, uint32_t pad)
{
    uint32_t w = 2 * l->depth;
    if (pad)
        return w + pad + width(f->out + l->start + l->eq, l->end - l->start - l->eq);
    return w + width(f->out + l->start, l->end - l->start);
}

static bool chains_comment(const Line *l)
{
    return l->comment && !l->spans && l->end > l->start;
}

// Fills col[i]: the column of line i's end-of-line comment, the same for a
// run of consecutive lines that have one.
static void align_comments(const Fmt *f, const uint32_t *pad, uint32_t *col)
{
    uint32_t i = 0;
    while (i < f->nlines) {
        if (!chains_comment(&f->lines[i])) {
            col[i] = f->lines[i].comment ? content_width(f, &f->lines[i], pad[i]) + 1 : 0;
            i++;
            continue;
        }
        uint32_t j = i, max = 0;
        while (j < f->nlines && chains_comment(&f->lines[j]) &&
               (j == i || !f->lines[j].blank_before)) {
            uint32_t w = content_width(f, &f->lines[j], pad[j]);
            max = w > max ? w : max;
            j++;
        }
        for (uint32_t k = i; k < j; k++)
            col[k] = max + 1;
        i = j;
    }
}

static void spaces(char **p, uint32_t n)
{
    memset(*p, ' ', n);
    *p += n;
}

static void copy(char **p, const char *s, size_t n)
{
    memcpy(*p, s, n);
    *p += n;
}

// Writes the lines into one buffer of the arena.
static char *write_lines(Arena *arena, const Fmt *f, size_t *len)
{
    uint32_t *pad = xmalloc((f->nlines + 1) * sizeof(uint32_t));
    uint32_t *col = xmalloc((f->nlines + 1) * sizeof(uint32_t));
    align_equals(f, pad);
    align_comments(f, pad, col);
    size_t size = f->bom + 1;
    for (uint32_t i = 0; i < f->nlines; i++) {
        const Line *l = &f->lines[i];
        size += 2 + 2 * (size_t)l->depth + pad[i] + (l->end - l->start) + col[i] + l->comment_len;
    }
    char *text = xmalloc(size), *p = text;
    copy(&p, f->src, f->bom);
    for (uint32_t i = 0; i < f->nlines; i++) {
        const Line *l = &f->lines[i];
        if (l->blank_before && i > 0)
            *p++ = '\n';
        char *line_start = p;
        spaces(&p, 2 * l->depth);
        if (pad[i]) {
            uint32_t lead = l->eq;
            while (lead > 0 && f->out[l->start + lead - 1] == ' ')
                lead--;
            copy(&p, f->out + l->start, lead);
            spaces(&p, pad[i] - lead_width(f, l));
            copy(&p, f->out + l->start + l->eq, l->end - l->start - l->eq);
        } else {
            copy(&p, f->out + l->start, l->end - l->start);
        }
        if (l->comment) {
            uint32_t w = content_width(f, l, pad[i]);
            spaces(&p, p == line_start ? 0 : col[i] > w ? col[i] - w : 1);
            copy(&p, l->comment, l->comment_len);
        }
        *p++ = '\n';
    }
    *p = '\0';
    *len = (size_t)(p - text);
    free(pad);
    free(col);
    arena_adopt(arena, text);
    return text;
}

char *fmt_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags, size_t *len)
{
    size_t errors = diags->errors;
    TokenList toks = lex_file(arena, src, file, diags);
    if (diags->errors > errors)
        return NULL;
    parse_file(arena, &toks, diags);
    if (diags->errors > errors)
        return NULL;
    const SourceFile *sf = source_file(src, file);
    Fmt f;
    memset(&f, 0, sizeof f);
    f.src = sf->text;
    f.tok = toks.items;
    f.ntok = toks.count;
    f.bom = sf->len >= 3 && memcmp(sf->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    f.match = xmalloc((f.ntok + 1) * sizeof(uint32_t));
    f.flags = xmalloc(f.ntok + 1);
    memset(f.flags, 0, f.ntok + 1);
    match_brackets(&f);
    Ctx *body = push(&f, CTX_BODY, NO_TOKEN);
    body->multi = body->top = true;
    format_range(&f, 0, f.ntok);
    end_item(&f, top(&f)); // the last line may have no line break
    separate_blocks(&f);
    char *text = write_lines(arena, &f, len);
    free(f.match);
    free(f.flags);
    free(f.ctx);
    free(f.lines);
    free(f.out);
    return text;
}
