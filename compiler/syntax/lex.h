// lex.h - bytes to tokens, including template mode for $< %< and heredocs.
//
// lex_file turns one whole source file into an array of tokens ending with
// TOK_EOF. Quoted strings and heredocs become an opener, literal and
// template tokens, and a closer; literal text is decoded here (escapes,
// $$< and %%<, heredoc indentation for <<-), so the parser never looks at
// raw bytes. Errors go to the Diags; the lexer recovers and goes on, except
// after invalid UTF-8 or a NUL byte, where it stops (the rest is unreadable).
#ifndef HCLC_LEX_H
#define HCLC_LEX_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"

// X(NAME, "display name used in messages")
#define TOKEN_KIND_LIST(X)                                                                         \
    X(EOF, "end of file")                                                                          \
    X(NEWLINE, "line break")                                                                       \
    X(IDENT, "identifier")                                                                         \
    X(NUMBER, "number")                                                                            \
    X(OQUOTE, "'\"'")            /* opens a quoted string */                                       \
    X(CQUOTE, "'\"'")            /* closes a quoted string */                                      \
    X(OHEREDOC, "heredoc")       /* <<EOT or <<-EOT and its line break */                          \
    X(CHEREDOC, "heredoc end")   /* the closing marker line */                                     \
    X(STRING_LIT, "string text") /* decoded literal text in a template */                          \
    X(INTERP_OPEN, "'$<'")       /* $< or $<~ */                                                   \
    X(DIRECTIVE_OPEN, "'%<'")    /* %< or %<~ */                                                   \
    X(TEMPLATE_CLOSE, "'>'")     /* > or ~> closing $< or %< at depth 0 */                         \
    X(LBRACE, "'{'")                                                                               \
    X(RBRACE, "'}'")                                                                               \
    X(LBRACK, "'['")                                                                               \
    X(RBRACK, "']'")                                                                               \
    X(LPAREN, "'('")                                                                               \
    X(RPAREN, "')'")                                                                               \
    X(COMMA, "','")                                                                                \
    X(DOT, "'.'")                                                                                  \
    X(ELLIPSIS, "'...'")                                                                           \
    X(EQUAL, "'='")                                                                                \
    X(COLON, "':'")                                                                                \
    X(QUESTION, "'?'")                                                                             \
    X(FAT_ARROW, "'=>'")                                                                           \
    X(PLUS, "'+'")                                                                                 \
    X(MINUS, "'-'")                                                                                \
    X(STAR, "'*'")                                                                                 \
    X(SLASH, "'/'")                                                                                \
    X(PERCENT, "'%'")                                                                              \
    X(EQEQ, "'=='")                                                                                \
    X(NOTEQ, "'!='")                                                                               \
    X(LT, "'<'")                                                                                   \
    X(LE, "'<='")                                                                                  \
    X(GT, "'>'")                                                                                   \
    X(GE, "'>='")                                                                                  \
    X(AND, "'&&'")                                                                                 \
    X(OR, "'||'")                                                                                  \
    X(BANG, "'!'")                                                                                 \
    X(INVALID, "invalid character") /* a near-miss such as & | ; ' */

typedef enum TokenKind {
#define X(name, display) TOK_##name,
    TOKEN_KIND_LIST(X)
#undef X
} TokenKind;

// The number of kinds (kept out of the enum so switches need not name it).
#define X(name, display) +1
enum { TOK__COUNT = 0 TOKEN_KIND_LIST(X) };
#undef X

enum {
    TOKF_STRIP = 1 << 0,    // INTERP_OPEN/DIRECTIVE_OPEN: "$<~"; TEMPLATE_CLOSE: "~>"
    TOKF_INDENTED = 1 << 1, // OHEREDOC: "<<-" (common indentation stripped)
    TOKF_DECODED = 1 << 2,  // the text is not the token's source bytes as they are
                            // (a literal with escapes, a heredoc's marker)
};

// No partner (see Token.partner).
#define TOKEN_NO_PARTNER UINT32_MAX

// A token takes 24 bytes: a 90 MB source holds tens of millions of them,
// and the parse of a large file is the peak of its memory. So the file
// index is the list's (every token of a list has the same), the text's
// length is not kept (strlen; names and numbers: end - start), and the
// parser's pairing of brackets lives here instead of in an array of its own.
typedef struct Token {
    uint32_t start;   // the bytes of the token in the source: [start, end)
    uint32_t end;     // (token_span makes the Span, with the list's file)
    uint32_t partner; // openers and closers: the index of the token it pairs
                      // with, set by the parser; TOKEN_NO_PARTNER otherwise
    uint8_t kind;     // TokenKind
    uint8_t flags;    // TOKF_*
    const char *text; // IDENT: the name; NUMBER: the digits as written;
                      // STRING_LIT: the decoded text (may hold any byte but NUL);
                      // OHEREDOC: the marker; INVALID: the offending bytes;
                      // NUL-terminated; NULL for other kinds
} Token;

_Static_assert(sizeof(Token) <= 24, "a token grew: it multiplies the peak memory of a parse");

typedef struct TokenList {
    Token *items;
    uint32_t count; // including the final TOK_EOF
    uint32_t file;  // the file all the tokens are in
} TokenList;

// The bytes of the token's text (0 for a token without one).
static inline uint32_t token_len(const Token *t)
{
    if (!t->text)
        return 0;
    return (t->flags & TOKF_DECODED) ? (uint32_t)strlen(t->text) : t->end - t->start;
}

// The token's bytes in the source as a Span of `file` (its list's file).
static inline Span token_span(uint32_t file, const Token *t)
{
    return span_make(file, t->start, t->end);
}

// Limits with diagnostics instead of crashes.
#define LEX_MAX_TEMPLATE_DEPTH 256      // strings inside interpolations inside strings...
#define LEX_MAX_STRING_BYTES (1u << 20) // one quoted string or heredoc

// Lexes the whole of file `file` of `src`. Tokens and decoded text live in
// `arena`. Always returns a list ending with TOK_EOF (possibly only that).
TokenList lex_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags);

// Lexes file `file` as a template file (what templatefile() reads): the whole
// text is template literal text, with $< > interpolations and %< > directives
// and the $$< / %%< escapes, but no backslash escapes (as in heredocs). The
// list is STRING_LIT / INTERP_OPEN ... TEMPLATE_CLOSE / DIRECTIVE_OPEN ...
// tokens, ending with TOK_EOF.
TokenList lex_template_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags);

// Frees the tokens of a list now (they are parsed and no longer needed);
// the list is empty afterwards. Without it they live as long as the arena.
void lex_release(Arena *arena, TokenList *tokens);

// Returns the display name of a token kind ("'{'", "identifier").
const char *lex_kind_name(TokenKind kind);
// Returns the enum name of a token kind without prefix ("LBRACE"), for debug output.
const char *lex_kind_id(TokenKind kind);

#endif
