// lex.c - bytes to tokens; see lex.h for the contract. This file holds the
// entry points, the source check and the code scanner (names, numbers,
// operators, stray characters); quoted strings, heredocs, template files and
// interpolations are in lex_text.c, and what both share in lex_impl.h.
//
// The whole file is checked (UTF-8, NUL) and then lexed into one growable
// token array, copied into the arena at the end. Code is lexed by lex_code;
// quoted strings, heredocs and template files by their own text scanners,
// which call lex_interp for each $< or %<, which calls lex_code again with a
// bracket depth counter. The C stack is the mode stack; it is bounded by
// LEX_MAX_TEMPLATE_DEPTH open strings and heredocs.
//
// Choices: one TOK_NEWLINE per line break (never collapsed). A line break
// inside a /* */ comment produces no TOK_NEWLINE. A quoted string is one
// line, interpolations in it included: a line break there ends it.
// Recovery keeps the token stream balanced for the parser: an unterminated
// string gets a zero-width TOK_CQUOTE at the line break, an unterminated
// heredoc a zero-width TOK_CHEREDOC at EOF, and an unterminated
// interpolation is dropped (its tokens removed), so each fault is reported
// once, here. A hit limit (nesting, string length) abandons the file: the
// list is then only TOK_EOF, as after invalid UTF-8 or a NUL byte.
#include "syntax/lex.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "syntax/lex_impl.h"

// --- source check -----------------------------------------------------------

// Says why the bytes at `p` (`avail` left), which utf8_decode refused, are
// not UTF-8: *bad is the number of bytes at fault and *why the reason.
static void utf8_fault(const unsigned char *p, uint32_t avail, uint32_t *bad, const char **why)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    uint32_t n;
    *bad = 1;
    if (c < 0xC2) {
        *why = c < 0xC0 ? "a continuation byte cannot start a character"
                        : "this is an overlong encoding";
        return;
    }
    if (c > 0xF4) {
        *why = "this byte never appears in UTF-8";
        return;
    }
    n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : lo;
    hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : hi;
    for (uint32_t i = 1; i < n; i++) {
        if (i >= avail || p[i] < 0x80 || p[i] > 0xBF) {
            *bad = i;
            *why = i >= avail ? "the file ends in the middle of a character"
                              : "a multi-byte character is cut short here";
            return;
        }
        if (i == 1 && (p[i] < lo || p[i] > hi)) {
            while (*bad < n && *bad < avail && p[*bad] >= 0x80 && p[*bad] <= 0xBF)
                (*bad)++;
            *why = c == 0xED   ? "these bytes encode a UTF-16 surrogate, which UTF-8 excludes"
                   : c == 0xF4 ? "these bytes encode a code point above U+10FFFF"
                               : "this is an overlong encoding";
            return;
        }
    }
}

static void report_utf8(Lexer *L, uint32_t at, uint32_t bad, const char *why)
{
    unsigned char c = (unsigned char)L->s[at];
    Diag *g = report(L, E_BAD_UTF8, at, at + bad, "invalid UTF-8 byte 0x%02X", c);
    note(L, g, why);
    help(L, g,
         "hclc reads source files as UTF-8; convert the file (for example with iconv -f "
         "latin1 -t utf-8)");
}

// True when none of the 8 bytes in `w` has its top bit set or is NUL (the
// "has a zero byte" trick).
static inline bool plain_ascii(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    return !(w & tops) && !((w - ones) & ~w & tops);
}

// The end of the run of ASCII bytes without NUL from `i`, found sixteen
// bytes at a time; the bytes after it are left to the caller.
static uint32_t ascii_run(const unsigned char *s, uint32_t i, uint32_t len)
{
    while (len - i >= 16) {
        uint64_t a, b;
        memcpy(&a, s + i, 8);
        memcpy(&b, s + i + 8, 8);
        if (!plain_ascii(a) || !plain_ascii(b))
            break;
        i += 16;
    }
    return i;
}

// Checks that the text is UTF-8 without NUL bytes; reports the first fault.
static bool check_source(Lexer *L)
{
    const unsigned char *s = (const unsigned char *)L->s;
    uint32_t i = 0;
    while (i < L->len) {
        i = ascii_run(s, i, L->len);
        if (i >= L->len)
            break;
        if (s[i] >= 0x01 && s[i] < 0x80) {
            i++;
            continue;
        }
        if (s[i] == 0) {
            help(L, report(L, E_NUL_BYTE, i, i + 1, "NUL byte in the source"),
                 "this looks like a binary file; hclc reads UTF-8 text");
            return false;
        }
        uint32_t cp, bad;
        const char *why = "";
        size_t n = utf8_decode(L->s + i, L->len - i, &cp);
        if (!n) {
            utf8_fault(s + i, L->len - i, &bad, &why);
            report_utf8(L, i, bad, why);
            return false;
        }
        i += (uint32_t)n;
    }
    return true;
}

static void skip_bom(Lexer *L)
{
    if (L->len >= 3 && memcmp(L->s, "\xEF\xBB\xBF", 3) == 0)
        L->pos = 3;
}

// --- blanks and comments ----------------------------------------------------

// Moves to the line break (or EOF) ending the current line.
static void skip_line(Lexer *L)
{
    const char *nl = memchr(L->s + L->pos, '\n', L->len - L->pos);
    uint32_t end = nl ? (uint32_t)(nl - L->s) : L->len;
    if (nl && end > L->pos && L->s[end - 1] == '\r')
        end--;
    L->pos = end;
}

// Skips a /* */ comment; false after reporting one with no end.
static bool skip_block_comment(Lexer *L)
{
    uint32_t start = L->pos;
    const char *p = L->s + start + 2, *end = L->s + L->len;
    while ((p = memchr(p, '*', (size_t)(end - p))) != NULL) {
        if (p + 1 < end && p[1] == '/') {
            L->pos = (uint32_t)(p - L->s) + 2;
            return true;
        }
        p++;
    }
    Diag *g = report(L, E_UNTERMINATED_COMMENT, start, start + 2, "unterminated block comment");
    help(L, g, "'*/' closes a block comment (block comments do not nest)");
    L->pos = L->len;
    return false;
}

// Skips spaces, tabs, lone CRs and comments; false after an unterminated
// block comment was reported (the position is then EOF).
static bool skip_blank(Lexer *L)
{
    const char *s = L->s;
    for (;;) {
        uint32_t p = L->pos;
        while (is_hspace(s[p])) // indentation: the bulk of most files' blanks
            p++;
        L->pos = p;
        char c = s[p];
        if (!has_class(c, CL_BLANK)) // most tokens: nothing more to skip
            return true;
        char d = s[p + 1]; // c is not the final NUL, so p + 1 is within it
        if (c == '\r' && d != '\n') {
            L->pos++;
        } else if (c == '#' || (c == '/' && d == '/')) {
            skip_line(L);
        } else if (c == '/' && d == '*') {
            if (!skip_block_comment(L))
                return false;
        } else {
            return true;
        }
    }
}

// --- identifiers and numbers ------------------------------------------------

// Emits an identifier or number token with its name.
static void emit_name(Lexer *L, TokenKind kind, uint32_t start, uint32_t end)
{
    Token *t = emit(L, kind, start, end);
    t->text = copy_text(L, start, end);
}

static void lex_ident(Lexer *L)
{
    uint32_t start = L->pos, p = start + 1;
    while (is_ident_char(L->s[p])) // the final NUL ends the run
        p++;
    L->pos = p;
    emit_name(L, TOK_IDENT, start, p);
}

static void skip_digits(Lexer *L)
{
    uint32_t p = L->pos;
    while (is_digit(L->s[p])) // the final NUL ends the run
        p++;
    L->pos = p;
}

// Skips an exponent; false when it has no digits.
static bool skip_exponent(Lexer *L)
{
    char c = peek(L, 0);
    if (c != 'e' && c != 'E')
        return true;
    L->pos++;
    if (peek(L, 0) == '+' || peek(L, 0) == '-')
        L->pos++;
    if (!is_digit(peek(L, 0)))
        return false;
    skip_digits(L);
    return true;
}

static void bad_number(Lexer *L, uint32_t start, bool exponent)
{
    while (is_word(peek(L, 0)))
        L->pos++;
    emit_invalid(L, start, L->pos);
    const char *text = L->s + start;
    int n = (int)(L->pos - start);
    Diag *g = report(L, E_BAD_NUMBER, start, L->pos, "malformed number \"%.*s\"", n, text);
    if (n > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        help(L, g, "hexadecimal numbers are not supported; write the number in decimal");
    else if (exponent)
        help(L, g, "an exponent needs digits, as in 1e3 or 2.5e-3");
    else
        help(L, g,
             "a number cannot be directly followed by a letter or '_'; separate them "
             "with a space or an operator");
}

// number = digit+ ("." digit+)? (("e" | "E") ("+" | "-")? digit+)?
static void lex_number(Lexer *L)
{
    uint32_t start = L->pos;
    skip_digits(L);
    if (peek(L, 0) == '.' && is_digit(peek(L, 1))) {
        L->pos++;
        skip_digits(L);
    }
    bool exp_ok = skip_exponent(L);
    if (!exp_ok || is_word(peek(L, 0)))
        bad_number(L, start, !exp_ok);
    else
        emit_name(L, TOK_NUMBER, start, L->pos);
}

// --- stray characters -------------------------------------------------------

// Counts a near-miss of kind `k`; false when it should not be reported.
static bool near_budget(Lexer *L, NearMiss k)
{
    if (L->near[k] >= NEAR_MISS_REPORTS)
        return false;
    L->near[k]++;
    return true;
}

static void near_last(Lexer *L, Diag *g, NearMiss k)
{
    if (L->near[k] == NEAR_MISS_REPORTS)
        note(L, g, "further ones in this file are not reported");
}

// The closing quote of a wrong quote that opens at `p` ("'", curly quotes),
// or NULL when the character there is no such quote.
static const char *wrong_quote_closer(const char *p)
{
    if (*p == '\'')
        return "'";
    if (strncmp(p, "\u201C", 3) == 0 || strncmp(p, "\u201D", 3) == 0)
        return "\u201D";
    if (strncmp(p, "\u2018", 3) == 0 || strncmp(p, "\u2019", 3) == 0)
        return "\u2019";
    return NULL;
}

// The help for text in wrong quotes: the fix itself when it is short.
static void wrong_quote_help(Lexer *L, Diag *g, const char *what, const char *body, uint32_t n,
                             bool closed)
{
    bool plain = closed && n <= 40 && !memchr(body, '"', n) && !memchr(body, '\\', n) &&
                 !memchr(body, '$', n) && !memchr(body, '%', n) && !memchr(body, '\n', n);
    if (g && plain)
        diag_help(L->diags, g, "%s quotes are not string delimiters; use \"%.*s\"", what, (int)n,
                  body);
    else if (g)
        diag_help(L->diags, g, "%s quotes are not string delimiters; use \"...\"", what);
}

// Text in single or curly quotes, closed on the same line: one invalid token.
static void lex_wrong_quotes(Lexer *L, const char *closer)
{
    uint32_t start = L->pos, olen;
    uint32_t ocp = char_at(L, start, &olen);
    size_t clen = strlen(closer);
    uint32_t p = start + olen;
    while (p < L->len && L->s[p] != '\n' && strncmp(L->s + p, closer, clen) != 0)
        p++;
    bool closed = p < L->len && L->s[p] != '\n';
    uint32_t end = closed ? p + (uint32_t)clen : start + olen;
    L->pos = end;
    emit_invalid(L, start, end);
    NearMiss k = *closer == '\'' ? NEAR_SQUOTE : NEAR_OTHER;
    if (!near_budget(L, k))
        return;
    Diag *g;
    if (olen == 1)
        g = report(L, E_BAD_CHAR, start, end, "invalid character \"'\"");
    else
        g = report(L, E_BAD_CHAR, start, end, "invalid character \"%.*s\" (U+%04X)", (int)olen,
                   L->s + start, (unsigned)ocp);
    wrong_quote_help(L, g, olen == 1 ? "single" : "curly", L->s + start + olen,
                     closed ? p - start - olen : 0, closed);
    near_last(L, g, k);
}

static const char *ascii_hint(char c)
{
    switch (c) {
    case '&':
        return "did you mean '&&'?";
    case '|':
        return "did you mean '||'?";
    case ';':
        return "';' is not needed: attributes end at a line break (or a ',' on one line)";
    case '$':
        return "interpolation $<...> is only allowed inside quoted strings and heredocs, as in "
               "\"$<var.name>\"";
    case '~':
        return "'~' only marks white space stripping next to a template's brackets: $<~ x ~>";
    case '`':
        return "backquotes are not string delimiters; use \"...\"";
    case '\\':
        return "a backslash is only meaningful inside a quoted string";
    default:
        return "this character is not part of the language outside strings and comments";
    }
}

static const char *unicode_hint(uint32_t cp)
{
    if (cp == 0xA0 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
        cp == 0x3000)
        return "this is an invisible or non-breaking space; replace it with a plain space";
    return "non-ASCII characters are only allowed inside strings and comments";
}

static NearMiss near_kind(char c)
{
    return c == '&' ? NEAR_AMP : c == '|' ? NEAR_PIPE : c == ';' ? NEAR_SEMI : NEAR_OTHER;
}

static void lex_bad_char(Lexer *L)
{
    uint32_t start = L->pos;
    char c = L->s[start];
    const char *closer = wrong_quote_closer(L->s + start);
    if (closer) {
        lex_wrong_quotes(L, closer);
        return;
    }
    uint32_t n;
    uint32_t cp = char_at(L, start, &n);
    bool run =
        L->ntok && L->toks[L->ntok - 1].kind == TOK_INVALID && L->toks[L->ntok - 1].end == start;
    L->pos += n;
    emit_invalid(L, start, L->pos);
    NearMiss k = near_kind(c);
    if (run || !near_budget(L, k)) // a run of stray characters is one fault
        return;
    DiagCode code = k == NEAR_AMP || k == NEAR_PIPE ? E_NEAR_MISS_OPERATOR : E_BAD_CHAR;
    Diag *g;
    if (cp >= 0x80)
        g = report(L, code, start, L->pos, "invalid character \"%.*s\" (U+%04X)", (int)n,
                   L->s + start, (unsigned)cp);
    else if (cp < 0x20 || cp == 0x7F)
        g = report(L, code, start, L->pos, "invalid control character U+%04X", (unsigned)cp);
    else
        g = report(L, code, start, L->pos, "invalid character '%c'", c);
    help(L, g, cp >= 0x80 ? unicode_hint(cp) : ascii_hint(c));
    near_last(L, g, k);
}

// --- operators --------------------------------------------------------------

// Operators of one character, by byte; TOK_EOF where there is none.
static const TokenKind single_ops[256] = {
    ['{'] = TOK_LBRACE, ['}'] = TOK_RBRACE, ['['] = TOK_LBRACK,   [']'] = TOK_RBRACK,
    ['('] = TOK_LPAREN, [')'] = TOK_RPAREN, [','] = TOK_COMMA,    ['.'] = TOK_DOT,
    ['='] = TOK_EQUAL,  [':'] = TOK_COLON,  ['?'] = TOK_QUESTION, ['+'] = TOK_PLUS,
    ['-'] = TOK_MINUS,  ['*'] = TOK_STAR,   ['/'] = TOK_SLASH,    ['%'] = TOK_PERCENT,
    ['<'] = TOK_LT,     ['>'] = TOK_GT,     ['!'] = TOK_BANG,
};

// Operators of two characters.
static const struct {
    char first, second;
    TokenKind kind;
} double_ops[] = {
    {'=', '=', TOK_EQEQ}, {'!', '=', TOK_NOTEQ}, {'<', '=', TOK_LE},        {'>', '=', TOK_GE},
    {'&', '&', TOK_AND},  {'|', '|', TOK_OR},    {'=', '>', TOK_FAT_ARROW},
};

// The operator at the position (not the end of the text): its kind and
// length, or 0 when there is none.
static uint32_t match_operator(const Lexer *L, bool arrow_ok, TokenKind *kind)
{
    const char *p = L->s + L->pos;
    char c = p[0], d = p[1]; // p[1] is at most the final NUL
    if (c == '.' && d == '.' && p[2] == '.') {
        *kind = TOK_ELLIPSIS;
        return 3;
    }
    bool may_pair = d == '=' || d == '&' || d == '|' || d == '>'; // the second bytes above
    for (size_t i = 0; may_pair && i < sizeof double_ops / sizeof double_ops[0]; i++) {
        if (double_ops[i].first == c && double_ops[i].second == d &&
            (arrow_ok || double_ops[i].kind != TOK_FAT_ARROW)) {
            *kind = double_ops[i].kind;
            return 2;
        }
    }
    *kind = single_ops[(unsigned char)c];
    return *kind != TOK_EOF;
}

// Tracks the bracket depth of an interpolation.
static void count_bracket(Interp *in, TokenKind kind)
{
    if (kind == TOK_LPAREN || kind == TOK_LBRACK || kind == TOK_LBRACE)
        in->depth++;
    else if ((kind == TOK_RPAREN || kind == TOK_RBRACK || kind == TOK_RBRACE) && in->depth)
        in->depth--;
}

// Lexes an operator; false when there is none at the position.
static bool lex_operator(Lexer *L, Interp *in)
{
    TokenKind kind = TOK_INVALID;
    // "=>" at depth 0 of an interpolation is "=" and the closing ">".
    uint32_t n = match_operator(L, !in || in->depth > 0, &kind);
    if (!n)
        return false;
    emit(L, kind, L->pos, L->pos + n);
    L->pos += n;
    if (in)
        count_bracket(in, kind);
    return true;
}

// Emits the TOK_TEMPLATE_CLOSE at the position, if there is one.
static bool lex_close(Lexer *L)
{
    bool strip = peek(L, 0) == '~' && peek(L, 1) == '>';
    if (!strip && peek(L, 0) != '>')
        return false;
    uint32_t n = strip ? 2 : 1;
    Token *t = emit(L, TOK_TEMPLATE_CLOSE, L->pos, L->pos + n);
    t->flags = strip ? TOKF_STRIP : 0;
    L->pos += n;
    return true;
}

// --- code -------------------------------------------------------------------

// Operators of one byte that never start a longer token (nor a comment, as
// blanks are skipped first), by byte; TOK_EOF for any other byte. Most
// tokens of a file are these: they skip the general dispatch.
static const TokenKind plain_ops[256] = {
    ['{'] = TOK_LBRACE,   ['}'] = TOK_RBRACE,  ['['] = TOK_LBRACK, [']'] = TOK_RBRACK,
    ['('] = TOK_LPAREN,   [')'] = TOK_RPAREN,  [','] = TOK_COMMA,  [':'] = TOK_COLON,
    ['?'] = TOK_QUESTION, ['+'] = TOK_PLUS,    ['-'] = TOK_MINUS,  ['*'] = TOK_STAR,
    ['/'] = TOK_SLASH,    ['%'] = TOK_PERCENT,
};

// The one-byte operator at `p` (in the text or at its final NUL) that starts no
// longer token, or TOK_EOF: plain_ops, and '=' or '.' alone.
static TokenKind plain_op(const char *p)
{
    TokenKind op = plain_ops[(unsigned char)p[0]];
    if (op != TOK_EOF)
        return op;
    if (p[0] == '=' && p[1] != '=' && p[1] != '>') // p[1] is at most the final NUL
        return TOK_EQUAL;
    if (p[0] == '.' && p[1] != '.')
        return TOK_DOT;
    return TOK_EOF;
}

// Lexes the most common tokens: a name, a one-byte operator, a string of
// plain text, or a "\n" line break where one is a token. They need none of
// the checks of lex_code (none ends the text or closes a template). False
// when the token at the position is of another kind, or a string that
// needs lex_quoted.
static bool lex_common(Lexer *L, Interp *in)
{
    if (is_ident_start(L->s[L->pos])) {
        lex_ident(L);
        return true;
    }
    if (L->s[L->pos] == '"')
        return lex_plain_string(L);
    if (L->s[L->pos] == '\n' && !(in && in->quoted)) { // a quoted string ends at a line break
        emit(L, TOK_NEWLINE, L->pos, L->pos + 1);
        L->pos++;
        return true;
    }
    TokenKind op = plain_op(L->s + L->pos); // TOK_EOF at the final NUL
    if (op == TOK_EOF)
        return false;
    emit(L, op, L->pos, L->pos + 1);
    L->pos++;
    if (in)
        count_bracket(in, op);
    return true;
}

// Lexes one token (or string, or heredoc) at the position, other than
// those of lex_common.
static Outcome lex_token(Lexer *L, Interp *in)
{
    char c = L->s[L->pos];
    if (is_digit(c))
        lex_number(L);
    else if (c == '"')
        return lex_quoted(L, in);
    else if (c == '<' && peek(L, 1) == '<')
        return lex_heredoc(L);
    else if (!lex_operator(L, in))
        lex_bad_char(L);
    return OUT_OK;
}

// Lexes code: the whole file (in == NULL), or the expression of an
// interpolation up to its closing ">" at bracket depth 0.
Outcome lex_code(Lexer *L, Interp *in)
{
    for (;;) {
        if (!skip_blank(L))
            return in ? OUT_DEAD : OUT_OK;
        if (lex_common(L, in))
            continue;
        if (L->pos >= L->len)
            return in ? OUT_CUT : OUT_OK;
        uint32_t nl = break_len(L, L->pos);
        if (nl && in && in->quoted)
            return OUT_CUT;
        if (nl) {
            emit(L, TOK_NEWLINE, L->pos, L->pos + nl);
            L->pos += nl;
            continue;
        }
        if (in && in->depth == 0 && lex_close(L))
            return OUT_OK;
        Outcome r = lex_token(L, in);
        if (r == OUT_FATAL || r == OUT_CUT)
            return r;
        if (r == OUT_DEAD && in && (in->quoted || L->pos >= L->len))
            return OUT_DEAD;
    }
}

// --- entry points -----------------------------------------------------------

void lex_grow(Lexer *L)
{
    uint32_t cap = L->cap;
    BUF_RESERVE_HEAP(L->toks, L->ntok, L->cap);
    // Tokens are on the heap: count them against --max-memory.
    arena_count(L->arena, (size_t)(L->cap - cap) * sizeof(Token));
}

static void lexer_init(Lexer *L, Arena *arena, const SourceSet *src, uint32_t file, Diags *diags)
{
    const SourceFile *f = source_file(src, file);
    *L = (Lexer){.arena = arena, .diags = diags, .file = file, .s = f->text, .len = f->len};
}

// Ends the list with TOK_EOF and hands it to the arena.
static TokenList finish(Lexer *L)
{
    if (L->fatal)
        L->ntok = 0;
    emit(L, TOK_EOF, L->len, L->len);
    for (uint32_t i = 0; L->any_invalid && i < L->ntok; i++) {
        Token *t = &L->toks[i];
        if (t->kind == TOK_INVALID) {
            t->text = arena_strndup(L->arena, L->s + t->start, t->end - t->start);
        }
    }
    // The array joins the arena as it is: copying it would double the peak
    // memory of a large file. lex_release can free it once it is parsed.
    arena_adopt(L->arena, L->toks);
    TokenList out = {.items = L->toks, .count = L->ntok, .file = L->file};
    buf_free(&L->lit);
    return out;
}

// Makes the copy of the source that names and plain strings point into:
// one copy of the file costs less than a copy of each of them.
static void make_copy(Lexer *L)
{
    L->copy = arena_alloc(L->arena, (size_t)L->len + 1);
    memcpy(L->copy, L->s, (size_t)L->len + 1);
}

TokenList lex_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags)
{
    Lexer L;
    lexer_init(&L, arena, src, file, diags);
    if (check_source(&L)) {
        make_copy(&L);
        skip_bom(&L);
        lex_code(&L, NULL);
    }
    return finish(&L);
}

void lex_release(Arena *arena, TokenList *tokens)
{
    arena_uncount(arena, (size_t)tokens->count * sizeof(Token));
    arena_release(arena, tokens->items);
    tokens->items = NULL;
    tokens->count = 0;
}

TokenList lex_template_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags)
{
    Lexer L;
    lexer_init(&L, arena, src, file, diags);
    if (check_source(&L)) {
        make_copy(&L);
        skip_bom(&L);
        TextCtx x = {.marker = NULL};
        lex_text(&L, &x);
    }
    return finish(&L);
}

static const char *const kind_names[] = {
#define X(name, display) display,
    TOKEN_KIND_LIST(X)
#undef X
};

static const char *const kind_ids[] = {
#define X(name, display) #name,
    TOKEN_KIND_LIST(X)
#undef X
};

const char *lex_kind_name(TokenKind kind)
{
    return (unsigned)kind < TOK__COUNT ? kind_names[kind] : "?";
}

const char *lex_kind_id(TokenKind kind)
{
    return (unsigned)kind < TOK__COUNT ? kind_ids[kind] : "?";
}
