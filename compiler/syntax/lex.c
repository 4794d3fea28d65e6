// lex.c - bytes to tokens; see lex.h for the contract.
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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REPORTS 200     // lexer errors per file; later ones are not reported
#define NEAR_MISS_REPORTS 3 // errors per kind of near-miss character per file

// How a string, heredoc, interpolation or run of code ended.
typedef enum Outcome {
    OUT_OK,    // finished; any error inside was reported and recovered from
    OUT_CUT,   // stopped at a line break or EOF; the enclosing $< reports it
    OUT_DEAD,  // stopped and reported; enclosing constructs end silently
    OUT_FATAL, // a limit was hit; the file is abandoned
} Outcome;

// Kinds of stray characters, each reported at most NEAR_MISS_REPORTS times.
typedef enum NearMiss {
    NEAR_AMP,    // & (for &&)
    NEAR_PIPE,   // | (for ||)
    NEAR_SEMI,   // ;
    NEAR_SQUOTE, // '
    NEAR_OTHER,  // any other character not allowed in code
    NEAR__COUNT
} NearMiss;

// An open $< or %<, while its expression is lexed.
typedef struct Interp {
    uint32_t start, end; // the opener ("$<", "%<~")
    uint32_t depth;      // brackets open inside it
    bool quoted;         // inside a quoted string: must close on its line
} Interp;

// A heredoc body or a template file being lexed.
typedef struct TextCtx {
    const char *marker; // closing marker of a heredoc; NULL for a template file
    uint32_t mlen;      // bytes of marker
    uint32_t strip;     // white space removed at the start of each line (<<-)
    uint32_t start;     // the opener, for errors: "<<EOT" is [start, end)
    uint32_t end;
    bool bad_head; // text after the marker was reported: no second error at EOF
} TextCtx;

typedef struct Lexer {
    Arena *arena;
    Diags *diags;
    uint32_t file;
    const char *s; // the file's text (NUL-terminated)
    uint32_t len;
    uint32_t pos;
    Token *toks; // heap; handed to the arena by finish()
    uint32_t ntok, cap;
    char *buf; // literal text being decoded (heap, reused)
    size_t blen, bcap;
    uint32_t nesting; // strings and heredocs open
    unsigned reports; // errors reported so far
    unsigned near[NEAR__COUNT];
    bool fatal;
} Lexer;

static Outcome lex_code(Lexer *L, Interp *in);
static Outcome lex_text(Lexer *L, const TextCtx *x);

// --- characters -------------------------------------------------------------

static char peek(const Lexer *L, uint32_t k)
{
    return L->len - L->pos > k ? L->s[L->pos + k] : '\0';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_word(char c)
{
    return is_ident_start(c) || is_digit(c);
}

static bool is_ident_char(char c)
{
    return is_word(c) || c == '-';
}

static bool is_hspace(char c)
{
    return c == ' ' || c == '\t';
}

static int hex_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Bytes of the line break at `p` ("\n" or "\r\n"), or 0.
static uint32_t break_len(const Lexer *L, uint32_t p)
{
    if (p >= L->len)
        return 0;
    if (L->s[p] == '\n')
        return 1;
    if (L->s[p] == '\r' && p + 1 < L->len && L->s[p + 1] == '\n')
        return 2;
    return 0;
}

// Length of the UTF-8 sequence starting with the (valid) lead byte `c`.
static uint32_t seq_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c < 0xE0)
        return 2;
    return c < 0xF0 ? 3 : 4;
}

// Decodes the (valid) UTF-8 sequence at `p`.
static uint32_t decode_cp(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t n = seq_len(u[0]);
    if (n == 1)
        return u[0];
    uint32_t cp = u[0] & (0xFF >> (n + 1));
    for (uint32_t i = 1; i < n; i++)
        cp = (cp << 6) | (u[i] & 0x3F);
    return cp;
}

// --- tokens, literal text, reports -----------------------------------------

static Token *emit(Lexer *L, TokenKind kind, uint32_t start, uint32_t end)
{
    if (L->ntok == L->cap) {
        arena_count(L->arena, (size_t)(L->cap ? L->cap : 256) * sizeof(Token)); // --max-memory
        L->cap = L->cap ? L->cap * 2 : 256;
        L->toks = xrealloc(L->toks, (size_t)L->cap * sizeof(Token));
    }
    Token *t = &L->toks[L->ntok++];
    *t = (Token){.kind = kind, .span = span_make(L->file, start, end)};
    return t;
}

// Emits a token whose text is its source bytes.
static void emit_raw(Lexer *L, TokenKind kind, uint32_t start, uint32_t end)
{
    Token *t = emit(L, kind, start, end);
    t->text = arena_strndup(L->arena, L->s + start, end - start);
    t->len = end - start;
}

// Emits an invalid token, or extends the one just before when it touches
// it (a run of stray characters is one token). Its text is set by finish().
static void emit_invalid(Lexer *L, uint32_t start, uint32_t end)
{
    Token *last = L->ntok ? &L->toks[L->ntok - 1] : NULL;
    if (last && last->kind == TOK_INVALID && last->span.end == start)
        last->span.end = end;
    else
        emit(L, TOK_INVALID, start, end);
}

static void buf_add(Lexer *L, const char *p, size_t n)
{
    if (L->bcap - L->blen < n) {
        size_t cap = L->bcap ? L->bcap : 256;
        while (cap - L->blen < n)
            cap *= 2;
        L->buf = xrealloc(L->buf, cap);
        L->bcap = cap;
    }
    memcpy(L->buf + L->blen, p, n);
    L->blen += n;
}

// Emits the literal text decoded from [start, end), if any.
static void flush(Lexer *L, uint32_t start, uint32_t end)
{
    if (!L->blen)
        return;
    Token *t = emit(L, TOK_STRING_LIT, start, end);
    t->text = arena_strndup(L->arena, L->buf, L->blen);
    t->len = (uint32_t)L->blen;
    L->blen = 0;
}

// Reports an error on [start, end), or returns NULL once MAX_REPORTS were.
static Diag *report(Lexer *L, DiagCode code, uint32_t start, uint32_t end, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static Diag *report(Lexer *L, DiagCode code, uint32_t start, uint32_t end, const char *fmt, ...)
{
    if (L->reports >= MAX_REPORTS)
        return NULL;
    L->reports++;
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return diag_error(L->diags, code, span_make(L->file, start, end), "%s", text);
}

static void help(Lexer *L, Diag *g, const char *text)
{
    if (g)
        diag_help(L->diags, g, "%s", text);
}

static void note(Lexer *L, Diag *g, const char *text)
{
    if (g)
        diag_note(L->diags, g, "%s", text);
}

// Reports a limit and abandons the file.
static Outcome fatal(Lexer *L, DiagCode code, uint32_t start, uint32_t end, const char *summary,
                     const char *hint)
{
    Diag *g = diag_error(L->diags, code, span_make(L->file, start, end), "%s", summary);
    diag_help(L->diags, g, "%s", hint); // reported even past MAX_REPORTS
    L->fatal = true;
    return OUT_FATAL;
}

static Outcome too_long(Lexer *L, uint32_t start, uint32_t end, bool heredoc)
{
    char summary[80];
    snprintf(summary, sizeof summary, "%s longer than %u bytes", heredoc ? "heredoc" : "string",
             LEX_MAX_STRING_BYTES);
    return fatal(L, E_STRING_TOO_LONG, start, end, summary,
                 "split the text, or keep it in a file and read it with file() or "
                 "templatefile()");
}

// Counts one more string or heredoc opened at [start, end), within the limit.
static bool enter(Lexer *L, uint32_t start, uint32_t end)
{
    if (L->nesting >= LEX_MAX_TEMPLATE_DEPTH) {
        char summary[80];
        snprintf(summary, sizeof summary, "strings nested more than %d deep",
                 LEX_MAX_TEMPLATE_DEPTH);
        fatal(L, E_NESTING_TOO_DEEP, start, end, summary,
              "move inner parts into locals and refer to them");
        return false;
    }
    L->nesting++;
    return true;
}

// --- source check -----------------------------------------------------------

// Length of the valid UTF-8 sequence at `p` (`avail` bytes left), or 0 when
// it is invalid; then *bad is the number of bytes at fault and *why says why.
static uint32_t utf8_check(const unsigned char *p, uint32_t avail, uint32_t *bad, const char **why)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    uint32_t n;
    *bad = 1;
    if (c < 0x80)
        return 1;
    if (c < 0xC2) {
        *why = c < 0xC0 ? "a continuation byte cannot start a character"
                        : "this is an overlong encoding";
        return 0;
    }
    if (c > 0xF4) {
        *why = "this byte never appears in UTF-8";
        return 0;
    }
    n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : lo;
    hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : hi;
    for (uint32_t i = 1; i < n; i++) {
        if (i >= avail || p[i] < 0x80 || p[i] > 0xBF) {
            *bad = i;
            *why = i >= avail ? "the file ends in the middle of a character"
                              : "a multi-byte character is cut short here";
            return 0;
        }
        if (i == 1 && (p[i] < lo || p[i] > hi)) {
            while (*bad < n && *bad < avail && p[*bad] >= 0x80 && p[*bad] <= 0xBF)
                (*bad)++;
            *why = c == 0xED   ? "these bytes encode a UTF-16 surrogate, which UTF-8 excludes"
                   : c == 0xF4 ? "these bytes encode a code point above U+10FFFF"
                               : "this is an overlong encoding";
            return 0;
        }
    }
    return n;
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

// Checks that the text is UTF-8 without NUL bytes; reports the first fault.
static bool check_source(Lexer *L)
{
    const unsigned char *s = (const unsigned char *)L->s;
    uint32_t i = 0;
    while (i < L->len) {
        // Eight ASCII bytes at a time: no byte has its top bit set, and none
        // is NUL (the "has a zero byte" trick).
        while (L->len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080u) || ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u))
                break;
            i += 8;
        }
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
        uint32_t bad;
        const char *why = "";
        uint32_t n = utf8_check(s + i, L->len - i, &bad, &why);
        if (!n) {
            report_utf8(L, i, bad, why);
            return false;
        }
        i += n;
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
    for (;;) {
        char c = peek(L, 0), d = peek(L, 1);
        if (is_hspace(c) || (c == '\r' && d != '\n')) {
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

static void lex_ident(Lexer *L)
{
    uint32_t start = L->pos;
    while (is_ident_char(peek(L, 0)))
        L->pos++;
    emit_raw(L, TOK_IDENT, start, L->pos);
}

static void skip_digits(Lexer *L)
{
    while (is_digit(peek(L, 0)))
        L->pos++;
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
        emit_raw(L, TOK_NUMBER, start, L->pos);
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
    uint32_t start = L->pos, olen = seq_len((unsigned char)L->s[start]);
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
                   L->s + start, (unsigned)decode_cp(L->s + start));
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
    uint32_t n = seq_len((unsigned char)c);
    bool run = L->ntok && L->toks[L->ntok - 1].kind == TOK_INVALID &&
               L->toks[L->ntok - 1].span.end == start;
    L->pos += n;
    emit_invalid(L, start, L->pos);
    NearMiss k = near_kind(c);
    if (run || !near_budget(L, k)) // a run of stray characters is one fault
        return;
    DiagCode code = k == NEAR_AMP || k == NEAR_PIPE ? E_NEAR_MISS_OPERATOR : E_BAD_CHAR;
    uint32_t cp = decode_cp(L->s + start);
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

// The operator at the position: its kind and length, or 0 when there is none.
static uint32_t match_operator(const Lexer *L, bool arrow_ok, TokenKind *kind)
{
    char c = peek(L, 0), d = peek(L, 1);
    if (c == '.' && d == '.' && peek(L, 2) == '.') {
        *kind = TOK_ELLIPSIS;
        return 3;
    }
    for (size_t i = 0; i < sizeof double_ops / sizeof double_ops[0]; i++) {
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
    if (!in)
        return;
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
        buf_add(L, L->s + L->pos + 1, 2);
        L->pos += 3;
        return false;
    }
    buf_add(L, &c, 1);
    L->pos++;
    return false;
}

// --- quoted strings ---------------------------------------------------------

static void utf8_encode(Lexer *L, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_add(L, b, n);
}

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
    for (; i < digits && hex_value(peek(L, 0)) >= 0; i++, L->pos++)
        cp = cp * 16 + (uint32_t)hex_value(peek(L, 0));
    const char *why = i < digits ? (digits == 4 ? "\\u takes exactly 4 hex digits, as in \\u00e9"
                                                : "\\U takes exactly 8 hex digits, as in "
                                                  "\\U0001F600")
                                 : bad_code_point(cp);
    if (!why) {
        utf8_encode(L, cp);
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
        buf_add(L, simple, 1);
        L->pos += 2;
    } else if (c == 'u' || c == 'U') {
        lex_unicode_escape(L, c == 'u' ? 4 : 8);
    } else if (L->pos + 1 >= L->len || break_len(L, L->pos + 1)) {
        L->pos++; // the line break ends the string; reported there
    } else {
        L->pos += 1 + seq_len((unsigned char)c);
        Diag *g = report(L, E_BAD_ESCAPE, start, L->pos, "invalid escape \"%.*s\"",
                         (int)(L->pos - start), L->s + start);
        help(L, g, escape_hint(c));
    }
}

static bool quoted_special(char c)
{
    return c == '"' || c == '\\' || c == '$' || c == '%' || c == '\n' || c == '\r';
}

// Copies plain text up to the next special byte or `limit`.
static void copy_run(Lexer *L, uint32_t limit, bool quoted)
{
    uint32_t p = L->pos;
    if (quoted) {
        while (p < limit && !quoted_special(L->s[p]))
            p++;
    } else {
        while (p < limit && L->s[p] != '$' && L->s[p] != '%' && L->s[p] != '\n' && L->s[p] != '\r')
            p++;
    }
    if (p == L->pos) // a lone '\r'
        p++;
    buf_add(L, L->s + L->pos, p - L->pos);
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

// The body of a quoted string, after its '"'.
static Outcome quoted_body(Lexer *L, uint32_t open, const Interp *parent)
{
    uint32_t lit = L->pos;
    uint64_t room = (uint64_t)open + LEX_MAX_STRING_BYTES + 1;
    uint32_t limit = room < L->len ? (uint32_t)room : L->len;
    for (;;) {
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
            Outcome r = lex_interp(L, true);
            if (r != OUT_OK) {
                if (r == OUT_DEAD)
                    emit(L, TOK_CQUOTE, L->pos, L->pos);
                return r;
            }
            lit = L->pos;
        } else if (c != '$' && c != '%') {
            copy_run(L, limit, true);
        }
    }
}

static Outcome lex_quoted(Lexer *L, const Interp *parent)
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
static Outcome lex_text(Lexer *L, const TextCtx *x)
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
            buf_add(L, "\n", 1);
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

static Outcome lex_heredoc(Lexer *L)
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
    t->len = x.mlen;
    t->flags = L->s[start + 2] == '-' ? TOKF_INDENTED : 0;
    L->pos = body;
    if (t->flags)
        x.strip = heredoc_indent(L, &x);
    Outcome r = lex_text(L, &x);
    L->nesting--;
    return r;
}

// --- code -------------------------------------------------------------------

// Lexes one token (or string, or heredoc) at the position.
static Outcome lex_token(Lexer *L, Interp *in)
{
    char c = L->s[L->pos];
    if (is_ident_start(c))
        lex_ident(L);
    else if (is_digit(c))
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
static Outcome lex_code(Lexer *L, Interp *in)
{
    for (;;) {
        if (!skip_blank(L))
            return in ? OUT_DEAD : OUT_OK;
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
    for (uint32_t i = 0; i < L->ntok; i++) {
        Token *t = &L->toks[i];
        if (t->kind == TOK_INVALID) {
            t->len = t->span.end - t->span.start;
            t->text = arena_strndup(L->arena, L->s + t->span.start, t->len);
        }
    }
    // The array joins the arena as it is: copying it would double the peak
    // memory of a large file. lex_release can free it once it is parsed.
    arena_adopt(L->arena, L->toks);
    TokenList out = {.items = L->toks, .count = L->ntok};
    free(L->buf);
    return out;
}

TokenList lex_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags)
{
    Lexer L;
    lexer_init(&L, arena, src, file, diags);
    if (check_source(&L)) {
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
