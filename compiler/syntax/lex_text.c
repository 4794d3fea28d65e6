// lex_text.c - the text scanners: quoted strings with their escapes,
// heredocs (<<EOT, <<-EOT) and template files, and the $< > and %< >
// interpolations inside them, which call lex_code for their expression.
// Tokens, reports and limits are lex_impl.h's; code is lex.c's.
#include "syntax/lex_impl.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"

// --- templates: $< > and %< > ----------------------------------------------

static void report_open_interp(Lexer *L, const Interp *in)
{
    bool directive = L->s[in->start] == '%';
    Diag *g = report(L, E_UNTERMINATED_TEMPLATE, in->start, in->end, "unterminated %s",
                     directive ? "directive" : "interpolation");
    if (in->depth)
        help(L, g, "a bracket opened inside it is not closed, so no '>' closes it");
    else
        help(L, g, "add '>' to close it");
    if (in->quoted)
        note(L, g, "in a quoted string, $<...> and %<...> must close on the same line");
}

// Lexes "$<" or "%<" (with "~"), the expression, and its closing ">". On
// failure its tokens are dropped so the parser sees the text around it only.
static Outcome lex_interp(Lexer *L, bool quoted)
{
    uint32_t start = L->pos, mark = L->ntok;
    TokenKind kind = L->s[start] == '$' ? TOK_INTERP_OPEN : TOK_DIRECTIVE_OPEN;
    uint32_t n = peek(L, 2) == '~' ? 3 : 2;
    Token *t = emit(L, kind, start, start + n);
    t->flags = n == 3 ? TOKF_STRIP : 0;
    L->pos += n;
    Interp in = {.start = start, .end = start + n, .quoted = quoted};
    Outcome r = lex_code(L, &in);
    if (r == OUT_OK || r == OUT_FATAL)
        return r;
    L->ntok = mark;
    if (r == OUT_CUT)
        report_open_interp(L, &in);
    return OUT_DEAD;
}

// At '$' or '%' in template text: appends "$<" for "$$<", "$" for a "$"
// not before "<", or returns true when an interpolation starts here.
static bool template_sigil(Lexer *L)
{
    char c = peek(L, 0);
    if (peek(L, 1) == '<')
        return true;
    if (peek(L, 1) == c && peek(L, 2) == '<') {
        buf_put(&L->lit, L->s + L->pos + 1, 2);
        L->pos += 3;
        return false;
    }
    buf_put(&L->lit, &c, 1);
    L->pos++;
    return false;
}

// --- quoted strings ---------------------------------------------------------

// Why code point `cp` of a \u escape cannot be used, or NULL.
static const char *bad_code_point(uint32_t cp)
{
    if (cp == 0)
        return "strings cannot hold U+0000 (NUL)";
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return "U+D800 to U+DFFF are UTF-16 surrogates, not characters; write the character's "
               "own code point (\\UNNNNNNNN) or the character itself";
    if (cp > 0x10FFFF)
        return "Unicode ends at U+10FFFF";
    return NULL;
}

// \uNNNN or \UNNNNNNNN at the position (`digits` is 4 or 8).
static void lex_unicode_escape(Lexer *L, uint32_t digits)
{
    uint32_t start = L->pos, cp = 0, i = 0;
    L->pos += 2;
    for (; i < digits && char_hex_value(peek(L, 0)) >= 0; i++, L->pos++)
        cp = cp * 16 + (uint32_t)char_hex_value(peek(L, 0));
    const char *why = i < digits ? (digits == 4 ? "\\u takes exactly 4 hex digits, as in \\u00e9"
                                                : "\\U takes exactly 8 hex digits, as in "
                                                  "\\U0001F600")
                                 : bad_code_point(cp);
    if (!why) {
        char b[4];
        buf_put(&L->lit, b, utf8_encode(cp, b));
        return;
    }
    Diag *g = report(L, E_BAD_ESCAPE, start, L->pos, "invalid escape \"%.*s\"",
                     (int)(L->pos - start), L->s + start);
    help(L, g, why);
}

static const char *escape_hint(char c)
{
    switch (c) {
    case '$':
    case '%':
        return "'$' and '%' need no escape; write $$< for a literal $< and %%< for %<";
    case '\'':
        return "a single quote needs no escape inside \"...\"";
    default:
        return "the escapes are \\n \\r \\t \\\" \\\\ \\uNNNN and \\UNNNNNNNN; write \\\\ for a "
               "backslash";
    }
}

// A backslash escape in a quoted string; decodes it or reports it.
static void lex_escape(Lexer *L)
{
    uint32_t start = L->pos;
    char c = peek(L, 1);
    const char *simple = c == 'n' ? "\n" : c == 'r' ? "\r" : c == 't' ? "\t" : NULL;
    simple = c == '"' ? "\"" : c == '\\' ? "\\" : simple;
    if (simple) {
        buf_put(&L->lit, simple, 1);
        L->pos += 2;
    } else if (c == 'u' || c == 'U') {
        lex_unicode_escape(L, c == 'u' ? 4 : 8);
    } else if (L->pos + 1 >= L->len || break_len(L, L->pos + 1)) {
        L->pos++; // the line break ends the string; reported there
    } else {
        uint32_t n;
        char_at(L, L->pos + 1, &n);
        L->pos += 1 + n;
        Diag *g = report(L, E_BAD_ESCAPE, start, L->pos, "invalid escape \"%.*s\"",
                         (int)(L->pos - start), L->s + start);
        help(L, g, escape_hint(c));
    }
}

// The end of the run of plain text at the position: the next byte of
// class `stop` (the final NUL is one), or `limit` when that comes first.
static uint32_t find_stop(const Lexer *L, uint32_t from, unsigned stop)
{
    uint32_t p = from;
    while (!has_class(L->s[p], stop))
        p++;
    return p;
}

static uint32_t run_end(const Lexer *L, unsigned stop, uint32_t limit)
{
    uint32_t p = find_stop(L, L->pos, stop);
    return p < limit ? p : limit;
}

// Copies plain text up to the next special byte or `limit`.
static void copy_run(Lexer *L, uint32_t limit, bool quoted)
{
    uint32_t p = run_end(L, quoted ? CL_QUOTED_STOP : CL_TEXT_STOP, limit);
    if (p == L->pos) // a lone '\r'
        p++;
    buf_put(&L->lit, L->s + L->pos, p - L->pos);
    L->pos = p;
}

// The string opened at `open` reached a line break or EOF.
static Outcome end_open_string(Lexer *L, uint32_t open, uint32_t lit, const Interp *parent)
{
    flush(L, lit, L->pos);
    emit(L, TOK_CQUOTE, L->pos, L->pos);
    if (parent && parent->quoted)
        return OUT_CUT; // most likely this '"' was meant to close the outer string
    Diag *g = report(L, E_UNTERMINATED_STRING, open, open + 1, "unterminated string");
    help(L, g,
         "add '\"' to close it on the same line; for text on several lines use a "
         "heredoc (<<EOT)");
    return L->pos >= L->len ? OUT_DEAD : OUT_OK;
}

// Emits the literal of the plain source text [start, end), if not empty,
// with its text from the source copy and its span from `lit`.
static void emit_plain(Lexer *L, uint32_t lit, uint32_t start, uint32_t end)
{
    if (end == start)
        return;
    Token *t = emit(L, TOK_STRING_LIT, lit, end);
    t->text = copy_text(L, start, end);
    if (lit != start) // the span holds more than the text
        t->flags = TOKF_DECODED;
}

// How a run of plain text in a quoted string ended (plain_piece).
typedef enum Piece {
    PIECE_CLOSED, // at the closing '"': the string is done
    PIECE_OPENER, // at "$<" or "%<": an interpolation or directive follows
    PIECE_OTHER,  // anything else: the general scanner takes over
} Piece;

// Most of a quoted string is plain text up to its closing '"' or up to a
// "$<" or "%<" (no escape, within the length limit). Such a run, with the
// literal buffer empty (nothing decoded since `lit`), becomes its literal
// token straight from the source copy, not through the buffer; its span
// starts at `lit`. Any other run is put in the buffer for the general
// scanner.
static Piece plain_piece(Lexer *L, uint32_t open, uint32_t lit, uint32_t limit)
{
    uint32_t start = L->pos, p = run_end(L, CL_QUOTED_STOP, limit);
    char c = L->s[p];
    bool opener = (c == '$' || c == '%') && L->s[p + 1] == '<'; // s[p] is not the final NUL
    if ((c != '"' && !opener) || p - open > LEX_MAX_STRING_BYTES) {
        if (p > start)
            buf_put(&L->lit, L->s + start, p - start);
        L->pos = p;
        return PIECE_OTHER;
    }
    emit_plain(L, lit, start, p);
    L->pos = p;
    if (opener)
        return PIECE_OPENER;
    emit(L, TOK_CQUOTE, p, p + 1);
    L->pos++;
    return PIECE_CLOSED;
}

// The interpolation or directive at the position, in a quoted string;
// OUT_OK when the string goes on after it.
static Outcome quoted_interp(Lexer *L)
{
    Outcome r = lex_interp(L, true);
    if (r == OUT_DEAD)
        emit(L, TOK_CQUOTE, L->pos, L->pos);
    return r;
}

// The body of a quoted string, after its '"'.
static Outcome quoted_body(Lexer *L, uint32_t open, const Interp *parent)
{
    uint32_t lit = L->pos;
    uint64_t room = (uint64_t)open + LEX_MAX_STRING_BYTES + 1;
    uint32_t limit = room < L->len ? (uint32_t)room : L->len;
    for (;;) {
        if (L->pos - open > LEX_MAX_STRING_BYTES)
            return too_long(L, open, open + 1, false);
        Piece k = L->lit.len ? PIECE_OTHER : plain_piece(L, open, lit, limit);
        if (k == PIECE_CLOSED)
            return OUT_OK;
        if (k == PIECE_OPENER) {
            Outcome r = quoted_interp(L);
            if (r != OUT_OK)
                return r;
            lit = L->pos;
            continue;
        }
        if (L->pos - open > LEX_MAX_STRING_BYTES)
            return too_long(L, open, open + 1, false);
        char c = peek(L, 0);
        if (L->pos >= L->len || break_len(L, L->pos))
            return end_open_string(L, open, lit, parent);
        if (c == '"') {
            flush(L, lit, L->pos);
            emit(L, TOK_CQUOTE, L->pos, L->pos + 1);
            L->pos++;
            return OUT_OK;
        }
        if (c == '\\') {
            lex_escape(L);
        } else if ((c == '$' || c == '%') && template_sigil(L)) {
            flush(L, lit, L->pos);
            Outcome r = quoted_interp(L);
            if (r != OUT_OK)
                return r;
            lit = L->pos;
        } else if (c != '$' && c != '%') {
            copy_run(L, limit, true);
        }
    }
}

bool lex_plain_string(Lexer *L)
{
    uint32_t open = L->pos, start = open + 1;
    uint32_t p = find_stop(L, start, CL_QUOTED_STOP);
    if (L->s[p] != '"' || p - open > LEX_MAX_STRING_BYTES || L->nesting >= LEX_MAX_TEMPLATE_DEPTH)
        return false;
    emit(L, TOK_OQUOTE, open, start);
    emit_plain(L, start, start, p);
    emit(L, TOK_CQUOTE, p, p + 1);
    L->pos = p + 1;
    return true;
}

Outcome lex_quoted(Lexer *L, const Interp *parent)
{
    uint32_t open = L->pos;
    if (!enter(L, open, open + 1))
        return OUT_FATAL;
    emit(L, TOK_OQUOTE, open, open + 1);
    L->pos++;
    Outcome r = quoted_body(L, open, parent);
    L->nesting--;
    return r;
}

// --- heredocs and template files --------------------------------------------

// True when the line starting at `p` is the closing marker line; *end is
// then the end of the marker.
static bool closing_line(const Lexer *L, const TextCtx *x, uint32_t p, uint32_t *end)
{
    while (p < L->len && is_hspace(L->s[p]))
        p++;
    if (L->len - p < x->mlen || memcmp(L->s + p, x->marker, x->mlen) != 0)
        return false;
    p += x->mlen;
    if (p < L->len && !break_len(L, p))
        return false;
    *end = p;
    return true;
}

// The smallest indentation over the non-blank lines of a <<- body.
static uint32_t heredoc_indent(const Lexer *L, const TextCtx *x)
{
    uint32_t p = L->pos, best = UINT32_MAX, end;
    uint64_t room = (uint64_t)x->start + LEX_MAX_STRING_BYTES + 1;
    uint32_t limit = room < L->len ? (uint32_t)room : L->len;
    while (p < limit && !closing_line(L, x, p, &end)) {
        uint32_t q = p;
        while (q < L->len && is_hspace(L->s[q]))
            q++;
        bool blank = q >= L->len || break_len(L, q);
        if (!blank && q - p < best)
            best = q - p;
        const char *nl = memchr(L->s + q, '\n', L->len - q);
        p = nl ? (uint32_t)(nl - L->s) + 1 : L->len;
    }
    return best == UINT32_MAX ? 0 : best;
}

// At a line start of a heredoc body: the closing line, or strip indentation.
static bool text_line_start(Lexer *L, const TextCtx *x, uint32_t lit)
{
    uint32_t end;
    if (x->marker && closing_line(L, x, L->pos, &end)) {
        flush(L, lit, L->pos);
        emit(L, TOK_CHEREDOC, L->pos, end);
        L->pos = end;
        return true;
    }
    for (uint32_t k = 0; k < x->strip && is_hspace(peek(L, 0)); k++)
        L->pos++;
    return false;
}

// EOF in a heredoc body or template file.
static Outcome text_eof(Lexer *L, const TextCtx *x, uint32_t lit)
{
    flush(L, lit, L->pos);
    if (!x->marker)
        return OUT_OK;
    if (x->bad_head) {
        emit(L, TOK_CHEREDOC, L->pos, L->pos);
        return OUT_DEAD;
    }
    Diag *g = report(L, E_UNTERMINATED_HEREDOC, x->start, x->end,
                     "heredoc \"%.*s\" has no closing line", (int)x->mlen, x->marker);
    if (g)
        diag_help(L->diags, g, "add a line holding only %.*s", (int)x->mlen, x->marker);
    emit(L, TOK_CHEREDOC, L->pos, L->pos);
    return OUT_DEAD;
}

// EOF after an error already reported inside the text: end it silently.
static Outcome text_cut(Lexer *L, const TextCtx *x)
{
    if (x->marker)
        emit(L, TOK_CHEREDOC, L->pos, L->pos);
    return OUT_DEAD;
}

// The body of a heredoc (up to and including its closing marker) or the
// whole of a template file: literal text with templates, no escapes.
Outcome lex_text(Lexer *L, const TextCtx *x)
{
    uint32_t lit = L->pos;
    uint64_t room = (uint64_t)x->start + LEX_MAX_STRING_BYTES + 1;
    uint32_t limit = x->marker && room < L->len ? (uint32_t)room : L->len;
    bool line_start = true;
    for (;;) {
        if (x->marker && L->pos - x->start > LEX_MAX_STRING_BYTES)
            return too_long(L, x->start, x->end, true);
        if (line_start && text_line_start(L, x, lit))
            return OUT_OK;
        line_start = false;
        if (L->pos >= L->len)
            return text_eof(L, x, lit);
        char c = L->s[L->pos];
        uint32_t nl = break_len(L, L->pos);
        if (nl) {
            buf_put(&L->lit, "\n", 1);
            L->pos += nl;
            line_start = true;
        } else if ((c == '$' || c == '%') && template_sigil(L)) {
            flush(L, lit, L->pos);
            Outcome r = lex_interp(L, false);
            if (r == OUT_FATAL)
                return r;
            if (r == OUT_DEAD && L->pos >= L->len)
                return text_cut(L, x);
            lit = L->pos;
        } else if (c != '$' && c != '%') {
            copy_run(L, limit, false);
        }
    }
}

// Reports anything but a line break after a heredoc marker ending at `p`;
// returns where the body starts. The heredoc is lexed anyway.
static uint32_t heredoc_rest(Lexer *L, TextCtx *x, uint32_t p)
{
    uint32_t q = p, e;
    while (q < L->len && is_hspace(L->s[q]))
        q++;
    for (e = q; e < L->len && !break_len(L, e); e++)
        ;
    if (e > q) {
        x->bad_head = true;
        help(L, report(L, E_BAD_HEREDOC, q, e, "text after heredoc marker"),
             "the marker must end the line; the heredoc's text starts on the next line");
    } else if (q > p) {
        help(L, report(L, E_BAD_HEREDOC, p, q, "white space after heredoc marker"),
             "remove it: the marker must end the line");
    }
    return e + break_len(L, e);
}

// Parses "<<ID" or "<<-ID" and the rest of its line into `x`; returns where
// the body starts, or 0 after reporting a "<<" with no marker.
static uint32_t heredoc_head(Lexer *L, TextCtx *x)
{
    uint32_t start = L->pos, p = start + 2;
    if (p < L->len && L->s[p] == '-')
        p++;
    if (p >= L->len || !is_ident_start(L->s[p])) {
        L->pos = p;
        emit_invalid(L, start, p);
        help(L, report(L, E_BAD_HEREDOC, start, p, "'<<' without a heredoc marker"),
             "a heredoc starts with <<EOT (or <<-EOT) at the end of a line");
        return 0;
    }
    uint32_t m = p;
    while (p < L->len && is_ident_char(L->s[p]))
        p++;
    *x = (TextCtx){.marker = L->s + m, .mlen = p - m, .start = start, .end = p};
    return heredoc_rest(L, x, p);
}

Outcome lex_heredoc(Lexer *L)
{
    uint32_t start = L->pos;
    TextCtx x;
    uint32_t body = heredoc_head(L, &x);
    if (!body)
        return OUT_OK;
    if (!enter(L, start, x.end))
        return OUT_FATAL;
    Token *t = emit(L, TOK_OHEREDOC, start, body);
    t->text = arena_strndup(L->arena, x.marker, x.mlen);
    t->flags = TOKF_DECODED | (L->s[start + 2] == '-' ? TOKF_INDENTED : 0);
    L->pos = body;
    if (t->flags & TOKF_INDENTED)
        x.strip = heredoc_indent(L, &x);
    Outcome r = lex_text(L, &x);
    L->nesting--;
    return r;
}
