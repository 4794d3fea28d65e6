// lex_impl.h - what lex.c and lex_text.c share; not a contract.
//
// The Lexer, the outcome of a scan, character classes, token emission,
// the literal buffer, reports and limits. The helpers are static inline,
// so the two files share them without the library exporting names like
// peek or help.
#ifndef HCLC_LEX_IMPL_H
#define HCLC_LEX_IMPL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/chars.h"
#include "base/utf8.h"
#include "syntax/lex.h"

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
    StrBuf lit;       // literal text being decoded (heap, reused)
    char *copy;       // a copy of the text in the arena (see copy_text), or NULL
    uint32_t nesting; // strings and heredocs open
    unsigned reports; // errors reported so far
    unsigned near[NEAR__COUNT];
    bool fatal;
    bool any_invalid; // some TOK_INVALID was emitted: finish() sets texts
} Lexer;

// --- characters -------------------------------------------------------------
//
// The scanners rely on the NUL that ends every source text (SourceFile):
// check_source refused any NUL inside it, so a loop that stops at a byte
// class without NUL, or at NUL itself, stops at the end of the text at the
// latest and needs no bounds check of its own.

static inline char peek(const Lexer *L, uint32_t k)
{
    return L->len - L->pos > k ? L->s[L->pos + k] : '\0';
}

// Byte classes, one bit each, looked up in lex_class.
enum {
    CL_START = 1 << 0,       // a letter or '_': starts an identifier
    CL_DIGIT = 1 << 1,       // 0-9
    CL_WORD = 1 << 2,        // a letter, '_' or a digit
    CL_IDENT = 1 << 3,       // inside an identifier: a word byte or '-'
    CL_HSPACE = 1 << 4,      // ' ' or '\t'
    CL_QUOTED_STOP = 1 << 5, // ends a run of plain text in a quoted string (NUL too)
    CL_TEXT_STOP = 1 << 6,   // ends a run of plain text in a heredoc or template file
    CL_BLANK = 1 << 7,       // '\r', '#' or '/': may start a lone CR or a comment
};

#define LETTER (CL_START | CL_WORD | CL_IDENT)
#define DIGIT (CL_DIGIT | CL_WORD | CL_IDENT)
static const uint8_t lex_class[256] = {
    ['\0'] = CL_QUOTED_STOP | CL_TEXT_STOP,
    ['\t'] = CL_HSPACE,
    ['\n'] = CL_QUOTED_STOP | CL_TEXT_STOP,
    ['\r'] = CL_QUOTED_STOP | CL_TEXT_STOP | CL_BLANK,
    [' '] = CL_HSPACE,
    ['"'] = CL_QUOTED_STOP,
    ['#'] = CL_BLANK,
    ['$'] = CL_QUOTED_STOP | CL_TEXT_STOP,
    ['%'] = CL_QUOTED_STOP | CL_TEXT_STOP,
    ['-'] = CL_IDENT,
    ['/'] = CL_BLANK,
    ['0'] = DIGIT,
    ['1'] = DIGIT,
    ['2'] = DIGIT,
    ['3'] = DIGIT,
    ['4'] = DIGIT,
    ['5'] = DIGIT,
    ['6'] = DIGIT,
    ['7'] = DIGIT,
    ['8'] = DIGIT,
    ['9'] = DIGIT,
    ['A'] = LETTER,
    ['B'] = LETTER,
    ['C'] = LETTER,
    ['D'] = LETTER,
    ['E'] = LETTER,
    ['F'] = LETTER,
    ['G'] = LETTER,
    ['H'] = LETTER,
    ['I'] = LETTER,
    ['J'] = LETTER,
    ['K'] = LETTER,
    ['L'] = LETTER,
    ['M'] = LETTER,
    ['N'] = LETTER,
    ['O'] = LETTER,
    ['P'] = LETTER,
    ['Q'] = LETTER,
    ['R'] = LETTER,
    ['S'] = LETTER,
    ['T'] = LETTER,
    ['U'] = LETTER,
    ['V'] = LETTER,
    ['W'] = LETTER,
    ['X'] = LETTER,
    ['Y'] = LETTER,
    ['Z'] = LETTER,
    ['\\'] = CL_QUOTED_STOP,
    ['_'] = LETTER,
    ['a'] = LETTER,
    ['b'] = LETTER,
    ['c'] = LETTER,
    ['d'] = LETTER,
    ['e'] = LETTER,
    ['f'] = LETTER,
    ['g'] = LETTER,
    ['h'] = LETTER,
    ['i'] = LETTER,
    ['j'] = LETTER,
    ['k'] = LETTER,
    ['l'] = LETTER,
    ['m'] = LETTER,
    ['n'] = LETTER,
    ['o'] = LETTER,
    ['p'] = LETTER,
    ['q'] = LETTER,
    ['r'] = LETTER,
    ['s'] = LETTER,
    ['t'] = LETTER,
    ['u'] = LETTER,
    ['v'] = LETTER,
    ['w'] = LETTER,
    ['x'] = LETTER,
    ['y'] = LETTER,
    ['z'] = LETTER,
};
#undef LETTER
#undef DIGIT

static inline bool has_class(char c, unsigned cl)
{
    return (lex_class[(unsigned char)c] & cl) != 0;
}

static inline bool is_digit(char c)
{
    return has_class(c, CL_DIGIT);
}

static inline bool is_ident_start(char c)
{
    return has_class(c, CL_START);
}

static inline bool is_word(char c)
{
    return has_class(c, CL_WORD);
}

static inline bool is_ident_char(char c)
{
    return has_class(c, CL_IDENT);
}

static inline bool is_hspace(char c)
{
    return has_class(c, CL_HSPACE);
}

// Bytes of the line break at `p` ("\n" or "\r\n"), or 0.
static inline uint32_t break_len(const Lexer *L, uint32_t p)
{
    if (p >= L->len)
        return 0;
    if (L->s[p] == '\n')
        return 1;
    if (L->s[p] == '\r' && p + 1 < L->len && L->s[p + 1] == '\n')
        return 2;
    return 0;
}

// The character at L->s[at] (the text is valid UTF-8: check_source ran
// first); stores its length in *n.
static inline uint32_t char_at(const Lexer *L, uint32_t at, uint32_t *n)
{
    uint32_t cp;
    *n = (uint32_t)utf8_decode(L->s + at, L->len - at, &cp);
    return cp;
}

// --- tokens, literal text, reports -----------------------------------------

// Makes room for more tokens (lex.c); kept out of line, as it is rare.
void lex_grow(Lexer *L);

static inline Token *emit(Lexer *L, TokenKind kind, uint32_t start, uint32_t end)
{
    if (L->ntok == L->cap)
        lex_grow(L);
    // Field by field: cheaper than building the token (or its span) and
    // copying it over. Every caller passes start <= end.
    Token *t = &L->toks[L->ntok++];
    t->start = start;
    t->end = end;
    t->partner = TOKEN_NO_PARTNER;
    t->kind = (uint8_t)kind;
    t->flags = 0;
    t->text = NULL;
    return t;
}

// The text of the source bytes [start, end) for a token, NUL-terminated and
// copied at no cost: it points into L->copy, a copy of the whole source made
// once, where the byte at `end` becomes a NUL. This is sound because no
// such text ever holds the `end` of another: an identifier or number ends
// at a byte that is part of no name, a plain string at its closing quote.
static inline const char *copy_text(Lexer *L, uint32_t start, uint32_t end)
{
    L->copy[end] = '\0';
    return L->copy + start;
}

// Emits an invalid token, or extends the one just before when it touches
// it (a run of stray characters is one token). Its text is set by finish().
static inline void emit_invalid(Lexer *L, uint32_t start, uint32_t end)
{
    Token *last = L->ntok ? &L->toks[L->ntok - 1] : NULL;
    if (last && last->kind == TOK_INVALID && last->end == start)
        last->end = end;
    else
        emit(L, TOK_INVALID, start, end);
    L->any_invalid = true;
}

// Emits the literal text decoded from [start, end), if any.
static inline void flush(Lexer *L, uint32_t start, uint32_t end)
{
    if (!L->lit.len)
        return;
    Token *t = emit(L, TOK_STRING_LIT, start, end);
    t->text = arena_strndup(L->arena, L->lit.ptr, L->lit.len);
    t->flags = TOKF_DECODED;
    buf_clear(&L->lit);
}

// Reports an error on [start, end), or returns NULL once MAX_REPORTS were.
static inline Diag *report(Lexer *L, DiagCode code, uint32_t start, uint32_t end, const char *fmt,
                           ...) __attribute__((format(printf, 5, 6)));

static inline Diag *report(Lexer *L, DiagCode code, uint32_t start, uint32_t end, const char *fmt,
                           ...)
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

static inline void help(Lexer *L, Diag *g, const char *text)
{
    if (g)
        diag_help(L->diags, g, "%s", text);
}

static inline void note(Lexer *L, Diag *g, const char *text)
{
    if (g)
        diag_note(L->diags, g, "%s", text);
}

// Reports a limit and abandons the file.
static inline Outcome fatal(Lexer *L, DiagCode code, uint32_t start, uint32_t end,
                            const char *summary, const char *hint)
{
    Diag *g = diag_error(L->diags, code, span_make(L->file, start, end), "%s", summary);
    diag_help(L->diags, g, "%s", hint); // reported even past MAX_REPORTS
    L->fatal = true;
    return OUT_FATAL;
}

static inline Outcome too_long(Lexer *L, uint32_t start, uint32_t end, bool heredoc)
{
    char summary[80];
    snprintf(summary, sizeof summary, "%s longer than %u bytes", heredoc ? "heredoc" : "string",
             LEX_MAX_STRING_BYTES);
    return fatal(L, E_STRING_TOO_LONG, start, end, summary,
                 "split the text, or keep it in a file and read it with file() or "
                 "templatefile()");
}

// Counts one more string or heredoc opened at [start, end), within the limit.
static inline bool enter(Lexer *L, uint32_t start, uint32_t end)
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

// --- scanners defined in one file and used in the other ----------------------

// Lexes code: the whole file (in == NULL), or the expression of an
// interpolation up to its closing ">" at bracket depth 0 (lex.c).
Outcome lex_code(Lexer *L, Interp *in);
// A quoted string at the position; `parent` is the interpolation it sits
// in, or NULL (lex_text.c).
Outcome lex_quoted(Lexer *L, const Interp *parent);
// A quoted string of plain text only at the position, if it is one (no
// escape, no template, closed on its line within the limits): lexes it and
// returns true; otherwise returns false having done nothing (lex_text.c).
bool lex_plain_string(Lexer *L);
// A heredoc at the position, from "<<" to its closing marker (lex_text.c).
Outcome lex_heredoc(Lexer *L);
// The body of a heredoc or the whole of a template file (lex_text.c).
Outcome lex_text(Lexer *L, const TextCtx *x);

#endif
