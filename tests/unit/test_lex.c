// test_lex.c - unit tests of the lexer through lex.h: token kinds, spans,
// decoded text, and each lexical error (code, span, reported once).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "syntax/lex.h"

typedef struct Lexed {
    Arena arena;
    SourceSet src;
    Diags diags;
    TokenList toks;
} Lexed;

static Lexed *lex_bytes(const char *text, size_t len, bool template_file)
{
    Lexed *x = malloc(sizeof *x);
    assert_non_null(x);
    arena_init(&x->arena);
    source_init(&x->src, &x->arena);
    diags_init(&x->diags, &x->arena);
    uint32_t id = source_add(&x->src, "t.hcl", text, len);
    x->toks = template_file ? lex_template_file(&x->arena, &x->src, id, &x->diags)
                            : lex_file(&x->arena, &x->src, id, &x->diags);
    return x;
}

static Lexed *lex(const char *text)
{
    return lex_bytes(text, strlen(text), false);
}

static void done(Lexed *x)
{
    arena_free(&x->arena);
    free(x);
}

// Asserts token `i`: kind, byte span and (when `text` is not NULL) text.
static void tok(const Lexed *x, uint32_t i, TokenKind kind, uint32_t start, uint32_t end,
                const char *text)
{
    assert_true(i < x->toks.count);
    const Token *t = &x->toks.items[i];
    if (t->kind != kind)
        fail_msg("token %u is %s, expected %s", i, lex_kind_id(t->kind), lex_kind_id(kind));
    assert_int_equal(t->start, start);
    assert_int_equal(t->end, end);
    if (text) {
        assert_non_null(t->text);
        assert_int_equal(token_len(t), strlen(text));
        assert_memory_equal(t->text, text, token_len(t));
        assert_int_equal(t->text[token_len(t)], '\0');
    }
}

// Asserts the kinds of all tokens, the final TOK_EOF included.
static void kinds(const Lexed *x, const TokenKind *want, uint32_t n)
{
    for (uint32_t i = 0; i < n && i < x->toks.count; i++)
        if (x->toks.items[i].kind != want[i])
            fail_msg("token %u is %s, expected %s", i, lex_kind_id(x->toks.items[i].kind),
                     lex_kind_id(want[i]));
    assert_int_equal(x->toks.count, n);
}

#define KINDS(x, ...)                                                                              \
    do {                                                                                           \
        const TokenKind want_[] = {__VA_ARGS__};                                                   \
        kinds((x), want_, sizeof want_ / sizeof want_[0]);                                         \
    } while (0)

static void no_errors(const Lexed *x)
{
    if (x->diags.count)
        fail_msg("unexpected error: %s", x->diags.items[0]->summary);
}

// Asserts that exactly one error was reported, with this code and span.
static const Diag *one_error(const Lexed *x, DiagCode code, uint32_t start, uint32_t end)
{
    assert_int_equal(x->diags.count, 1);
    const Diag *g = x->diags.items[0];
    assert_int_equal(g->code, code);
    assert_int_equal(g->subject.start, start);
    assert_int_equal(g->subject.end, end);
    return g;
}

static bool has_help(const Diag *g, const char *part)
{
    for (const DiagNote *n = g->notes; n; n = n->next)
        if (n->kind == NOTE_HELP && strstr(n->text, part))
            return true;
    return false;
}

// Asserts that the file was abandoned: the list is only TOK_EOF at the end.
static void only_eof(const Lexed *x, uint32_t len)
{
    assert_int_equal(x->toks.count, 1);
    tok(x, 0, TOK_EOF, len, len, NULL);
}

// --- code -------------------------------------------------------------------

// Names and plain strings take their texts from one copy of the source with
// a NUL written after each: touching tokens must each keep their own text,
// and the source itself must stay as it was.
static void test_lex_touching_tokens_keep_their_texts(void **state)
{
    (void)state;
    const char *text = "a.b=f(\"x\")+1.5,k\"v\"";
    Lexed *x = lex(text);
    no_errors(x);
    tok(x, 0, TOK_IDENT, 0, 1, "a");
    tok(x, 1, TOK_DOT, 1, 2, NULL);
    tok(x, 2, TOK_IDENT, 2, 3, "b");
    tok(x, 3, TOK_EQUAL, 3, 4, NULL);
    tok(x, 4, TOK_IDENT, 4, 5, "f");
    tok(x, 5, TOK_LPAREN, 5, 6, NULL);
    tok(x, 6, TOK_OQUOTE, 6, 7, NULL);
    tok(x, 7, TOK_STRING_LIT, 7, 8, "x");
    tok(x, 8, TOK_CQUOTE, 8, 9, NULL);
    tok(x, 9, TOK_RPAREN, 9, 10, NULL);
    tok(x, 10, TOK_PLUS, 10, 11, NULL);
    tok(x, 11, TOK_NUMBER, 11, 14, "1.5");
    tok(x, 12, TOK_COMMA, 14, 15, NULL);
    tok(x, 13, TOK_IDENT, 15, 16, "k");
    tok(x, 14, TOK_OQUOTE, 16, 17, NULL);
    tok(x, 15, TOK_STRING_LIT, 17, 18, "v");
    tok(x, 16, TOK_CQUOTE, 18, 19, NULL);
    tok(x, 17, TOK_EOF, 19, 19, NULL);
    assert_string_equal(source_file(&x->src, 0)->text, text);
    done(x);
}

// The scanners stop at the end of the text without a bounds check of their
// own: a name, a number, blanks, a lone CR and an open string at the very
// end of a file.
static void test_lex_runs_stop_at_end_of_text(void **state)
{
    (void)state;
    Lexed *x = lex("abc-d");
    no_errors(x);
    tok(x, 0, TOK_IDENT, 0, 5, "abc-d");
    tok(x, 1, TOK_EOF, 5, 5, NULL);
    done(x);
    x = lex("x = 12");
    no_errors(x);
    tok(x, 2, TOK_NUMBER, 4, 6, "12");
    done(x);
    x = lex("a \t \r");
    no_errors(x);
    KINDS(x, TOK_IDENT, TOK_EOF);
    tok(x, 1, TOK_EOF, 5, 5, NULL);
    done(x);
    x = lex("a = \"bc");
    one_error(x, E_UNTERMINATED_STRING, 4, 5);
    tok(x, 3, TOK_STRING_LIT, 5, 7, "bc");
    tok(x, 4, TOK_CQUOTE, 7, 7, NULL);
    done(x);
}

static void test_lex_empty_file_is_only_eof(void **state)
{
    (void)state;
    Lexed *x = lex("");
    only_eof(x, 0);
    no_errors(x);
    done(x);
}

static void test_lex_identifiers_keep_dashes_and_keywords(void **state)
{
    (void)state;
    Lexed *x = lex("foo_bar-baz true _x9");
    KINDS(x, TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_EOF);
    tok(x, 0, TOK_IDENT, 0, 11, "foo_bar-baz");
    tok(x, 1, TOK_IDENT, 12, 16, "true");
    tok(x, 2, TOK_IDENT, 17, 20, "_x9");
    tok(x, 3, TOK_EOF, 20, 20, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_numbers_keep_text_as_written(void **state)
{
    (void)state;
    Lexed *x = lex("123 1.5 1e3 2.5E-3 007 6e+2");
    tok(x, 0, TOK_NUMBER, 0, 3, "123");
    tok(x, 1, TOK_NUMBER, 4, 7, "1.5");
    tok(x, 2, TOK_NUMBER, 8, 11, "1e3");
    tok(x, 3, TOK_NUMBER, 12, 18, "2.5E-3");
    tok(x, 4, TOK_NUMBER, 19, 22, "007");
    tok(x, 5, TOK_NUMBER, 23, 27, "6e+2");
    tok(x, 6, TOK_EOF, 27, 27, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_number_ends_before_dot_without_digit(void **state)
{
    (void)state;
    Lexed *x = lex("1.foo 2.");
    KINDS(x, TOK_NUMBER, TOK_DOT, TOK_IDENT, TOK_NUMBER, TOK_DOT, TOK_EOF);
    tok(x, 0, TOK_NUMBER, 0, 1, "1");
    tok(x, 1, TOK_DOT, 1, 2, NULL);
    tok(x, 3, TOK_NUMBER, 6, 7, "2");
    tok(x, 4, TOK_DOT, 7, 8, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_every_operator_kind_and_span(void **state)
{
    (void)state;
    Lexed *x = lex("{}[](),. ... = : ? => + - * / % == != < <= > >= && || !");
    const struct {
        TokenKind kind;
        uint32_t start, end;
    } want[] = {
        {TOK_LBRACE, 0, 1},      {TOK_RBRACE, 1, 2},    {TOK_LBRACK, 2, 3},  {TOK_RBRACK, 3, 4},
        {TOK_LPAREN, 4, 5},      {TOK_RPAREN, 5, 6},    {TOK_COMMA, 6, 7},   {TOK_DOT, 7, 8},
        {TOK_ELLIPSIS, 9, 12},   {TOK_EQUAL, 13, 14},   {TOK_COLON, 15, 16}, {TOK_QUESTION, 17, 18},
        {TOK_FAT_ARROW, 19, 21}, {TOK_PLUS, 22, 23},    {TOK_MINUS, 24, 25}, {TOK_STAR, 26, 27},
        {TOK_SLASH, 28, 29},     {TOK_PERCENT, 30, 31}, {TOK_EQEQ, 32, 34},  {TOK_NOTEQ, 35, 37},
        {TOK_LT, 38, 39},        {TOK_LE, 40, 42},      {TOK_GT, 43, 44},    {TOK_GE, 45, 47},
        {TOK_AND, 48, 50},       {TOK_OR, 51, 53},      {TOK_BANG, 54, 55},  {TOK_EOF, 55, 55},
    };
    uint32_t n = sizeof want / sizeof want[0];
    assert_int_equal(x->toks.count, n);
    for (uint32_t i = 0; i < n; i++)
        tok(x, i, want[i].kind, want[i].start, want[i].end, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_newline_per_line_break_crlf_is_one(void **state)
{
    (void)state;
    Lexed *x = lex("a\n\r\nb\n");
    KINDS(x, TOK_IDENT, TOK_NEWLINE, TOK_NEWLINE, TOK_IDENT, TOK_NEWLINE, TOK_EOF);
    tok(x, 1, TOK_NEWLINE, 1, 2, NULL);
    tok(x, 2, TOK_NEWLINE, 2, 4, NULL);
    tok(x, 3, TOK_IDENT, 4, 5, "b");
    no_errors(x);
    done(x);
}

static void test_lex_lone_cr_is_white_space(void **state)
{
    (void)state;
    Lexed *x = lex("a\rb");
    KINDS(x, TOK_IDENT, TOK_IDENT, TOK_EOF);
    tok(x, 1, TOK_IDENT, 2, 3, "b");
    no_errors(x);
    done(x);
}

static void test_lex_comments_skipped_line_break_kept(void **state)
{
    (void)state;
    Lexed *x = lex("a # one\nb // two\r\nc /* three\nlines */ d");
    KINDS(x, TOK_IDENT, TOK_NEWLINE, TOK_IDENT, TOK_NEWLINE, TOK_IDENT, TOK_IDENT, TOK_EOF);
    tok(x, 1, TOK_NEWLINE, 7, 8, NULL);
    tok(x, 3, TOK_NEWLINE, 16, 18, NULL);
    tok(x, 5, TOK_IDENT, 38, 39, "d");
    no_errors(x);
    done(x);
}

static void test_lex_bom_is_skipped(void **state)
{
    (void)state;
    Lexed *x = lex("\xEF\xBB\xBF"
                   "a = 1");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_NUMBER, TOK_EOF);
    tok(x, 0, TOK_IDENT, 3, 4, "a");
    no_errors(x);
    done(x);
}

// --- quoted strings ---------------------------------------------------------

static void test_lex_quoted_string_tokens_and_spans(void **state)
{
    (void)state;
    Lexed *x = lex("a = \"hello\"\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OQUOTE, TOK_STRING_LIT, TOK_CQUOTE, TOK_NEWLINE, TOK_EOF);
    tok(x, 2, TOK_OQUOTE, 4, 5, NULL);
    tok(x, 3, TOK_STRING_LIT, 5, 10, "hello");
    tok(x, 4, TOK_CQUOTE, 10, 11, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_empty_string_has_no_literal(void **state)
{
    (void)state;
    Lexed *x = lex("\"\"");
    KINDS(x, TOK_OQUOTE, TOK_CQUOTE, TOK_EOF);
    no_errors(x);
    done(x);
}

static void test_lex_escapes_decoded_into_one_literal(void **state)
{
    (void)state;
    Lexed *x = lex("\"a\\n\\r\\t\\\"\\\\\\u00e9\\U0001F600z\"");
    KINDS(x, TOK_OQUOTE, TOK_STRING_LIT, TOK_CQUOTE, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 1, 29, "a\n\r\t\"\\\xC3\xA9\xF0\x9F\x98\x80z");
    no_errors(x);
    done(x);
}

static void test_lex_doubled_sigil_is_literal(void **state)
{
    (void)state;
    Lexed *x = lex("\"$$<x> %%<y> $x %y $$ ${HOME} 100%\"");
    KINDS(x, TOK_OQUOTE, TOK_STRING_LIT, TOK_CQUOTE, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 1, 34, "$<x> %<y> $x %y $$ ${HOME} 100%");
    no_errors(x);
    done(x);
}

static void test_lex_interp_closes_at_depth_zero(void **state)
{
    (void)state;
    Lexed *x = lex("\"$<a > b>\"");
    KINDS(x, TOK_OQUOTE, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT, TOK_CQUOTE,
          TOK_EOF);
    tok(x, 1, TOK_INTERP_OPEN, 1, 3, NULL);
    tok(x, 2, TOK_IDENT, 3, 4, "a");
    tok(x, 3, TOK_TEMPLATE_CLOSE, 5, 6, NULL);
    tok(x, 4, TOK_STRING_LIT, 6, 9, " b>");
    no_errors(x);
    done(x);
}

static void test_lex_interp_parenthesised_comparison(void **state)
{
    (void)state;
    Lexed *x = lex("\"$<(a > b)>\"");
    KINDS(x, TOK_OQUOTE, TOK_INTERP_OPEN, TOK_LPAREN, TOK_IDENT, TOK_GT, TOK_IDENT, TOK_RPAREN,
          TOK_TEMPLATE_CLOSE, TOK_CQUOTE, TOK_EOF);
    tok(x, 4, TOK_GT, 6, 7, NULL);
    tok(x, 7, TOK_TEMPLATE_CLOSE, 10, 11, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_interp_ge_closes_at_its_gt(void **state)
{
    (void)state;
    Lexed *x = lex("\"$<a >= b>\"");
    KINDS(x, TOK_OQUOTE, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT, TOK_CQUOTE,
          TOK_EOF);
    tok(x, 3, TOK_TEMPLATE_CLOSE, 5, 6, NULL);
    tok(x, 4, TOK_STRING_LIT, 6, 10, "= b>");
    no_errors(x);
    done(x);
}

static void test_lex_interp_less_than_and_arrow_in_braces(void **state)
{
    (void)state;
    Lexed *x = lex("\"$<a < b><={k => v}>\"");
    KINDS(x, TOK_OQUOTE, TOK_INTERP_OPEN, TOK_IDENT, TOK_LT, TOK_IDENT, TOK_TEMPLATE_CLOSE,
          TOK_STRING_LIT, TOK_CQUOTE, TOK_EOF);
    tok(x, 6, TOK_STRING_LIT, 9, 20, "<={k => v}>");
    no_errors(x);
    done(x);
    x = lex("\"$<{k => v}>\"");
    KINDS(x, TOK_OQUOTE, TOK_INTERP_OPEN, TOK_LBRACE, TOK_IDENT, TOK_FAT_ARROW, TOK_IDENT,
          TOK_RBRACE, TOK_TEMPLATE_CLOSE, TOK_CQUOTE, TOK_EOF);
    no_errors(x);
    done(x);
}

static void test_lex_strip_markers_set_flags(void **state)
{
    (void)state;
    Lexed *x = lex("\"$<~ a ~> %<~ b > $< c ~>\"");
    KINDS(x, TOK_OQUOTE, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT,
          TOK_DIRECTIVE_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT, TOK_INTERP_OPEN,
          TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_CQUOTE, TOK_EOF);
    tok(x, 1, TOK_INTERP_OPEN, 1, 4, NULL);
    assert_int_equal(x->toks.items[1].flags, TOKF_STRIP);
    tok(x, 3, TOK_TEMPLATE_CLOSE, 7, 9, NULL);
    assert_int_equal(x->toks.items[3].flags, TOKF_STRIP);
    tok(x, 5, TOK_DIRECTIVE_OPEN, 10, 13, NULL);
    assert_int_equal(x->toks.items[5].flags, TOKF_STRIP);
    assert_int_equal(x->toks.items[7].flags, 0);
    assert_int_equal(x->toks.items[9].flags, 0);
    assert_int_equal(x->toks.items[11].flags, TOKF_STRIP);
    no_errors(x);
    done(x);
}

static void test_lex_directive_tokens(void **state)
{
    (void)state;
    Lexed *x = lex("\"%<if a>x%<else>y%<endif>\"");
    KINDS(x, TOK_OQUOTE, TOK_DIRECTIVE_OPEN, TOK_IDENT, TOK_IDENT, TOK_TEMPLATE_CLOSE,
          TOK_STRING_LIT, TOK_DIRECTIVE_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT,
          TOK_DIRECTIVE_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_CQUOTE, TOK_EOF);
    tok(x, 1, TOK_DIRECTIVE_OPEN, 1, 3, NULL);
    tok(x, 2, TOK_IDENT, 3, 5, "if");
    tok(x, 5, TOK_STRING_LIT, 8, 9, "x");
    no_errors(x);
    done(x);
}

static void test_lex_nested_strings_in_interpolations(void **state)
{
    (void)state;
    Lexed *x = lex("\"a$<f(\"b$<c>\")>d\"");
    KINDS(x, TOK_OQUOTE, TOK_STRING_LIT, TOK_INTERP_OPEN, TOK_IDENT, TOK_LPAREN, TOK_OQUOTE,
          TOK_STRING_LIT, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_CQUOTE, TOK_RPAREN,
          TOK_TEMPLATE_CLOSE, TOK_STRING_LIT, TOK_CQUOTE, TOK_EOF);
    tok(x, 5, TOK_OQUOTE, 6, 7, NULL);
    tok(x, 6, TOK_STRING_LIT, 7, 8, "b");
    tok(x, 10, TOK_CQUOTE, 12, 13, NULL);
    tok(x, 12, TOK_TEMPLATE_CLOSE, 14, 15, NULL);
    tok(x, 13, TOK_STRING_LIT, 15, 16, "d");
    no_errors(x);
    done(x);
}

// --- heredocs and template files --------------------------------------------

static void test_lex_heredoc_tokens_and_spans(void **state)
{
    (void)state;
    Lexed *x = lex("x = <<EOT\nhello $<n>\nEOT\ny");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OHEREDOC, TOK_STRING_LIT, TOK_INTERP_OPEN, TOK_IDENT,
          TOK_TEMPLATE_CLOSE, TOK_STRING_LIT, TOK_CHEREDOC, TOK_NEWLINE, TOK_IDENT, TOK_EOF);
    tok(x, 2, TOK_OHEREDOC, 4, 10, "EOT");
    assert_int_equal(x->toks.items[2].flags & TOKF_INDENTED, 0);
    tok(x, 3, TOK_STRING_LIT, 10, 16, "hello ");
    tok(x, 7, TOK_STRING_LIT, 20, 21, "\n");
    tok(x, 8, TOK_CHEREDOC, 21, 24, NULL);
    tok(x, 9, TOK_NEWLINE, 24, 25, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_heredoc_keeps_final_line_break(void **state)
{
    (void)state;
    Lexed *x = lex("<<EOT\nhello\nEOT");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 6, 12, "hello\n");
    tok(x, 2, TOK_CHEREDOC, 12, 15, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_heredoc_marker_needs_whole_line(void **state)
{
    (void)state;
    Lexed *x = lex("<<EOT\nEOTX\n EOT x\n\t EOT\n");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_NEWLINE, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 6, 18, "EOTX\n EOT x\n");
    tok(x, 2, TOK_CHEREDOC, 18, 23, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_indented_heredoc_strips_common_indent(void **state)
{
    (void)state;
    Lexed *x = lex("<<-EOT\n    a\n      b\n\n  \n    c\n  EOT\n");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_NEWLINE, TOK_EOF);
    tok(x, 0, TOK_OHEREDOC, 0, 7, "EOT");
    assert_int_equal(x->toks.items[0].flags & TOKF_INDENTED, TOKF_INDENTED);
    tok(x, 1, TOK_STRING_LIT, 7, 31, "a\n  b\n\n\nc\n");
    no_errors(x);
    done(x);
}

static void test_lex_indented_heredoc_counts_tabs_and_spaces(void **state)
{
    (void)state;
    Lexed *x = lex("<<-EOT\n\t\ta $<x>\n\t b\nEOT\n");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE,
          TOK_STRING_LIT, TOK_CHEREDOC, TOK_NEWLINE, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 7, 11, "a ");
    tok(x, 5, TOK_STRING_LIT, 15, 20, "\nb\n");
    no_errors(x);
    done(x);
}

static void test_lex_heredoc_crlf_normalised(void **state)
{
    (void)state;
    Lexed *x = lex("<<EOT\r\na\r\nb\r\nEOT\r\n");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_NEWLINE, TOK_EOF);
    tok(x, 0, TOK_OHEREDOC, 0, 7, "EOT");
    tok(x, 1, TOK_STRING_LIT, 7, 13, "a\nb\n");
    tok(x, 2, TOK_CHEREDOC, 13, 16, NULL);
    tok(x, 3, TOK_NEWLINE, 16, 18, NULL);
    no_errors(x);
    done(x);
}

static void test_lex_heredoc_has_no_backslash_escapes(void **state)
{
    (void)state;
    Lexed *x = lex("<<EOT\na\\n \"q\" $$<x> ${y}\nEOT");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 6, 25, "a\\n \"q\" $<x> ${y}\n");
    no_errors(x);
    done(x);
}

static void test_lex_heredoc_interp_may_span_lines(void **state)
{
    (void)state;
    Lexed *x = lex("<<EOT\n$<f(a,\nb)>\nEOT\n");
    KINDS(x, TOK_OHEREDOC, TOK_INTERP_OPEN, TOK_IDENT, TOK_LPAREN, TOK_IDENT, TOK_COMMA,
          TOK_NEWLINE, TOK_IDENT, TOK_RPAREN, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT, TOK_CHEREDOC,
          TOK_NEWLINE, TOK_EOF);
    no_errors(x);
    done(x);
}

static void test_lex_template_file_is_all_text(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBFhi \"$<name>\"\\n\n%<for x in xs>$$<$<x>%<endfor>";
    Lexed *x = lex_bytes(text, strlen(text), true);
    KINDS(x, TOK_STRING_LIT, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_STRING_LIT,
          TOK_DIRECTIVE_OPEN, TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_IDENT, TOK_TEMPLATE_CLOSE,
          TOK_STRING_LIT, TOK_INTERP_OPEN, TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_DIRECTIVE_OPEN,
          TOK_IDENT, TOK_TEMPLATE_CLOSE, TOK_EOF);
    tok(x, 0, TOK_STRING_LIT, 3, 7, "hi \"");
    tok(x, 4, TOK_STRING_LIT, 14, 18, "\"\\n\n");
    tok(x, 11, TOK_STRING_LIT, 32, 35, "$<");
    no_errors(x);
    done(x);
}

static void test_lex_kind_names(void **state)
{
    (void)state;
    assert_string_equal(lex_kind_name(TOK_LBRACE), "'{'");
    assert_string_equal(lex_kind_name(TOK_IDENT), "identifier");
    assert_string_equal(lex_kind_id(TOK_LBRACE), "LBRACE");
    assert_string_equal(lex_kind_id(TOK_STRING_LIT), "STRING_LIT");
    assert_string_equal(lex_kind_id(TOK_INVALID), "INVALID");
}

// --- errors -----------------------------------------------------------------

static void test_lex_bad_utf8_reported_once_at_byte(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        uint32_t start, end;
    } cases[] = {
        {"a = \"\xC3\"\nb = \"\xFF\"", 5, 6}, // cut short; a second fault is not reported
        {"\xC0\x80", 0, 1},                   // overlong 2-byte
        {"x \xE0\x80\x80", 2, 5},             // overlong 3-byte
        {"\"\xED\xA0\x80\"", 1, 4},           // encoded surrogate
        {"\xF4\x90\x80\x80", 0, 4},           // above U+10FFFF
        {"ab\x80", 2, 3},                     // stray continuation byte
        {"ab\xE2\x82", 2, 4},                 // cut short by EOF
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Lexed *x = lex(cases[i].text);
        const Diag *g = one_error(x, E_BAD_UTF8, cases[i].start, cases[i].end);
        assert_non_null(strstr(g->summary, "invalid UTF-8 byte 0x"));
        only_eof(x, (uint32_t)strlen(cases[i].text));
        done(x);
    }
    Lexed *x = lex("\"\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBF\"");
    no_errors(x);
    done(x);
}

static void test_lex_nul_byte_stops_the_file(void **state)
{
    (void)state;
    Lexed *x = lex_bytes("a = 1\0b \xFF", 9, false);
    one_error(x, E_NUL_BYTE, 5, 6);
    only_eof(x, 9);
    done(x);
}

static void test_lex_near_miss_operators(void **state)
{
    (void)state;
    Lexed *x = lex("a & b");
    KINDS(x, TOK_IDENT, TOK_INVALID, TOK_IDENT, TOK_EOF);
    tok(x, 1, TOK_INVALID, 2, 3, "&");
    assert_true(has_help(one_error(x, E_NEAR_MISS_OPERATOR, 2, 3), "did you mean '&&'?"));
    done(x);
    x = lex("a | b");
    assert_true(has_help(one_error(x, E_NEAR_MISS_OPERATOR, 2, 3), "did you mean '||'?"));
    done(x);
    x = lex("a = 1;\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_NUMBER, TOK_INVALID, TOK_NEWLINE, TOK_EOF);
    assert_true(has_help(one_error(x, E_BAD_CHAR, 5, 6), "';' is not needed"));
    done(x);
}

static void test_lex_single_quotes_are_one_invalid_token(void **state)
{
    (void)state;
    Lexed *x = lex("a = 'hi there'\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_INVALID, TOK_NEWLINE, TOK_EOF);
    tok(x, 2, TOK_INVALID, 4, 14, "'hi there'");
    const Diag *g = one_error(x, E_BAD_CHAR, 4, 14);
    assert_true(has_help(g, "single quotes are not string delimiters; use \"hi there\""));
    done(x);
}

static void test_lex_non_ascii_outside_strings(void **state)
{
    (void)state;
    Lexed *x = lex("a\xC2\xA0= \xE2\x80\x9Cx\xE2\x80\x9D");
    KINDS(x, TOK_IDENT, TOK_INVALID, TOK_EQUAL, TOK_INVALID, TOK_EOF);
    tok(x, 1, TOK_INVALID, 1, 3, "\xC2\xA0");
    tok(x, 3, TOK_INVALID, 5, 12, NULL);
    assert_int_equal(x->diags.count, 2);
    assert_int_equal(x->diags.items[0]->code, E_BAD_CHAR);
    assert_string_equal(x->diags.items[0]->summary, "invalid character \"\xC2\xA0\" (U+00A0)");
    assert_true(has_help(x->diags.items[0], "non-breaking space"));
    assert_true(has_help(x->diags.items[1], "curly quotes are not string delimiters; use \"x\""));
    done(x);
}

static void test_lex_near_miss_reported_three_times_per_kind(void **state)
{
    (void)state;
    Lexed *x = lex("a & b & c & d & e | f");
    assert_int_equal(x->diags.count, 4);
    const DiagNote *n = x->diags.items[2]->notes;
    bool noted = false;
    for (; n; n = n->next)
        noted = noted || (n->kind == NOTE_TEXT && strstr(n->text, "not reported"));
    assert_true(noted);
    assert_int_equal(x->diags.items[3]->code, E_NEAR_MISS_OPERATOR);
    assert_int_equal(x->diags.items[3]->subject.start, 18);
    done(x);
}

static void test_lex_stray_run_is_one_token_and_one_error(void **state)
{
    (void)state;
    Lexed *x = lex("a ;;; @@ b");
    KINDS(x, TOK_IDENT, TOK_INVALID, TOK_INVALID, TOK_IDENT, TOK_EOF);
    tok(x, 1, TOK_INVALID, 2, 5, ";;;");
    tok(x, 2, TOK_INVALID, 6, 8, "@@");
    assert_int_equal(x->diags.count, 2); // one error per run
    assert_int_equal(x->diags.items[0]->subject.start, 2);
    assert_int_equal(x->diags.items[1]->subject.start, 6);
    done(x);
}

static void test_lex_dollar_outside_string_explains(void **state)
{
    (void)state;
    Lexed *x = lex("a = $<b>");
    assert_true(has_help(one_error(x, E_BAD_CHAR, 4, 5), "only allowed inside quoted strings"));
    done(x);
}

static void test_lex_unterminated_string_ends_at_line_break(void **state)
{
    (void)state;
    Lexed *x = lex("a = \"abc\nb = 1\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OQUOTE, TOK_STRING_LIT, TOK_CQUOTE, TOK_NEWLINE, TOK_IDENT,
          TOK_EQUAL, TOK_NUMBER, TOK_NEWLINE, TOK_EOF);
    tok(x, 3, TOK_STRING_LIT, 5, 8, "abc");
    tok(x, 4, TOK_CQUOTE, 8, 8, NULL);
    const Diag *g = one_error(x, E_UNTERMINATED_STRING, 4, 5);
    assert_string_equal(g->summary, "unterminated string");
    assert_true(has_help(g, "add '\"'"));
    done(x);
}

static void test_lex_unterminated_string_at_eof(void **state)
{
    (void)state;
    Lexed *x = lex("a = \"abc\\");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OQUOTE, TOK_STRING_LIT, TOK_CQUOTE, TOK_EOF);
    tok(x, 4, TOK_CQUOTE, 9, 9, NULL);
    one_error(x, E_UNTERMINATED_STRING, 4, 5);
    done(x);
}

static void test_lex_bad_escapes(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        uint32_t start, end;
        const char *help;
    } cases[] = {
        {"\"a\\qb\"", 2, 4, "\\uNNNN"},
        {"\"\\$<x>\"", 1, 3, "$$<"},
        {"\"\\u12x\"", 1, 5, "exactly 4 hex digits"},
        {"\"\\U0001F6\"", 1, 9, "exactly 8 hex digits"},
        {"\"\\uD800\"", 1, 7, "surrogates"},
        {"\"\\u0000\"", 1, 7, "NUL"},
        {"\"\\U00110000\"", 1, 11, "U+10FFFF"},
        {"\"\\\xC3\xA9\"", 1, 4, "\\uNNNN"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Lexed *x = lex(cases[i].text);
        const Diag *g = one_error(x, E_BAD_ESCAPE, cases[i].start, cases[i].end);
        assert_true(has_help(g, cases[i].help));
        assert_int_equal(x->toks.items[x->toks.count - 2].kind, TOK_CQUOTE);
        done(x);
    }
}

static void test_lex_unterminated_block_comment(void **state)
{
    (void)state;
    Lexed *x = lex("a = 1 /* b\n*");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_NUMBER, TOK_EOF);
    assert_true(has_help(one_error(x, E_UNTERMINATED_COMMENT, 6, 8), "'*/'"));
    done(x);
}

static void test_lex_unterminated_heredoc(void **state)
{
    (void)state;
    Lexed *x = lex("x = <<-EOT\nhello\n EO\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_EOF);
    tok(x, 4, TOK_CHEREDOC, 21, 21, NULL);
    const Diag *g = one_error(x, E_UNTERMINATED_HEREDOC, 4, 10);
    assert_string_equal(g->summary, "heredoc \"EOT\" has no closing line");
    assert_true(has_help(g, "add a line holding only EOT"));
    done(x);
}

static void test_lex_bad_heredoc_openers(void **state)
{
    (void)state;
    Lexed *x = lex("a = << 1\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_INVALID, TOK_NUMBER, TOK_NEWLINE, TOK_EOF);
    one_error(x, E_BAD_HEREDOC, 4, 6);
    done(x);
    x = lex("a = <<EOT # x\nhi\nEOT\n");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_NEWLINE,
          TOK_EOF);
    tok(x, 3, TOK_STRING_LIT, 14, 17, "hi\n");
    one_error(x, E_BAD_HEREDOC, 10, 13);
    done(x);
    x = lex("a = <<EOT  \nhi\nEOT\n");
    tok(x, 3, TOK_STRING_LIT, 12, 15, "hi\n");
    one_error(x, E_BAD_HEREDOC, 9, 11);
    done(x);
    x = lex("a = <<EOT x\nhi\n"); // never closed: the opener's error is the one fault
    one_error(x, E_BAD_HEREDOC, 10, 11);
    done(x);
}

static void test_lex_unterminated_interp_in_string(void **state)
{
    (void)state;
    Lexed *x = lex("a = \"x$<var.a\"\nb = 1");
    KINDS(x, TOK_IDENT, TOK_EQUAL, TOK_OQUOTE, TOK_STRING_LIT, TOK_CQUOTE, TOK_NEWLINE, TOK_IDENT,
          TOK_EQUAL, TOK_NUMBER, TOK_EOF);
    tok(x, 4, TOK_CQUOTE, 14, 14, NULL);
    const Diag *g = one_error(x, E_UNTERMINATED_TEMPLATE, 6, 8);
    assert_string_equal(g->summary, "unterminated interpolation");
    assert_true(has_help(g, "'>'"));
    done(x);
    x = lex("\"%<if a\"");
    assert_string_equal(one_error(x, E_UNTERMINATED_TEMPLATE, 1, 3)->summary,
                        "unterminated directive");
    done(x);
}

static void test_lex_unterminated_interp_in_heredoc(void **state)
{
    (void)state;
    Lexed *x = lex("<<EOT\na $<b\nEOT\n");
    KINDS(x, TOK_OHEREDOC, TOK_STRING_LIT, TOK_CHEREDOC, TOK_EOF);
    tok(x, 1, TOK_STRING_LIT, 6, 8, "a ");
    one_error(x, E_UNTERMINATED_TEMPLATE, 8, 10);
    done(x);
}

static void test_lex_bad_numbers(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        uint32_t end;
        const char *help;
    } cases[] = {
        {"1e", 2, "exponent"},      {"2.5e+", 5, "exponent"}, {"12abc", 5, "letter"},
        {"0x1F", 4, "hexadecimal"}, {"1_000", 5, "letter"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Lexed *x = lex(cases[i].text);
        KINDS(x, TOK_INVALID, TOK_EOF);
        assert_true(has_help(one_error(x, E_BAD_NUMBER, 0, cases[i].end), cases[i].help));
        done(x);
    }
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
    size_t h = strlen(head), u = strlen(unit), t = strlen(tail);
    char *s = malloc(h + u * times + t + 1);
    assert_non_null(s);
    memcpy(s, head, h);
    for (size_t i = 0; i < times; i++)
        memcpy(s + h + i * u, unit, u);
    memcpy(s + h + u * times, tail, t + 1);
    return s;
}

static void test_lex_string_too_long_stops_the_file(void **state)
{
    (void)state;
    char *text = repeat("a = \"", "x", 10u << 20, "\"\n");
    Lexed *x = lex(text);
    one_error(x, E_STRING_TOO_LONG, 4, 5);
    only_eof(x, (uint32_t)strlen(text));
    done(x);
    free(text);
    text = repeat("a = \"", "x", LEX_MAX_STRING_BYTES - 1, "\"\n");
    x = lex(text);
    no_errors(x);
    tok(x, 3, TOK_STRING_LIT, 5, LEX_MAX_STRING_BYTES + 4, NULL);
    done(x);
    free(text);
}

// A plain string of exactly the limit's length is too long too: its
// closing quote is past the limit, whichever scanner finds it.
static void test_lex_plain_string_one_past_the_limit(void **state)
{
    (void)state;
    char *text = repeat("a = \"", "x", LEX_MAX_STRING_BYTES, "\"\n");
    Lexed *x = lex(text);
    one_error(x, E_STRING_TOO_LONG, 4, 5);
    only_eof(x, (uint32_t)strlen(text));
    done(x);
    free(text);
}

static void test_lex_heredoc_too_long_stops_the_file(void **state)
{
    (void)state;
    char *text = repeat("a = <<-EOT\n", "  xxxxxxxxxxxxxxxxxx\n", 100000, "EOT\n");
    Lexed *x = lex(text);
    one_error(x, E_STRING_TOO_LONG, 4, 10);
    only_eof(x, (uint32_t)strlen(text));
    done(x);
    free(text);
}

static void test_lex_nesting_too_deep_stops_the_file(void **state)
{
    (void)state;
    char *text = repeat("a = ", "\"$<", LEX_MAX_TEMPLATE_DEPTH + 10, "\n");
    Lexed *x = lex(text);
    uint32_t at = 4 + 3 * LEX_MAX_TEMPLATE_DEPTH;
    one_error(x, E_NESTING_TOO_DEEP, at, at + 1);
    only_eof(x, (uint32_t)strlen(text));
    done(x);
    free(text);
    text = repeat("a = ", "\"$<", LEX_MAX_TEMPLATE_DEPTH - 1, "1");
    x = lex(text);
    assert_int_equal(x->diags.count, 1); // only the unterminated interpolation
    assert_int_equal(x->diags.items[0]->code, E_UNTERMINATED_TEMPLATE);
    done(x);
    free(text);
}

static void test_lex_error_flood_is_capped(void **state)
{
    (void)state;
    char *text = repeat("", "1e\n", 1000, "");
    Lexed *x = lex(text);
    assert_true(x->diags.count >= 20 && x->diags.count < 1000);
    assert_int_equal(x->toks.count, 2001);
    done(x);
    free(text);
}

static void test_lex_big_file_is_linear(void **state)
{
    (void)state;
    char *text = repeat("", "name_x = \"v $<var.a> w\" # c\n", 400000, "");
    Lexed *x = lex(text);
    no_errors(x);
    assert_int_equal(x->toks.count, 400000 * 12 + 1);
    done(x);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lex_touching_tokens_keep_their_texts),
        cmocka_unit_test(test_lex_runs_stop_at_end_of_text),
        cmocka_unit_test(test_lex_empty_file_is_only_eof),
        cmocka_unit_test(test_lex_identifiers_keep_dashes_and_keywords),
        cmocka_unit_test(test_lex_numbers_keep_text_as_written),
        cmocka_unit_test(test_lex_number_ends_before_dot_without_digit),
        cmocka_unit_test(test_lex_every_operator_kind_and_span),
        cmocka_unit_test(test_lex_newline_per_line_break_crlf_is_one),
        cmocka_unit_test(test_lex_lone_cr_is_white_space),
        cmocka_unit_test(test_lex_comments_skipped_line_break_kept),
        cmocka_unit_test(test_lex_bom_is_skipped),
        cmocka_unit_test(test_lex_quoted_string_tokens_and_spans),
        cmocka_unit_test(test_lex_empty_string_has_no_literal),
        cmocka_unit_test(test_lex_escapes_decoded_into_one_literal),
        cmocka_unit_test(test_lex_doubled_sigil_is_literal),
        cmocka_unit_test(test_lex_interp_closes_at_depth_zero),
        cmocka_unit_test(test_lex_interp_parenthesised_comparison),
        cmocka_unit_test(test_lex_interp_ge_closes_at_its_gt),
        cmocka_unit_test(test_lex_interp_less_than_and_arrow_in_braces),
        cmocka_unit_test(test_lex_strip_markers_set_flags),
        cmocka_unit_test(test_lex_directive_tokens),
        cmocka_unit_test(test_lex_nested_strings_in_interpolations),
        cmocka_unit_test(test_lex_heredoc_tokens_and_spans),
        cmocka_unit_test(test_lex_heredoc_keeps_final_line_break),
        cmocka_unit_test(test_lex_heredoc_marker_needs_whole_line),
        cmocka_unit_test(test_lex_indented_heredoc_strips_common_indent),
        cmocka_unit_test(test_lex_indented_heredoc_counts_tabs_and_spaces),
        cmocka_unit_test(test_lex_heredoc_crlf_normalised),
        cmocka_unit_test(test_lex_heredoc_has_no_backslash_escapes),
        cmocka_unit_test(test_lex_heredoc_interp_may_span_lines),
        cmocka_unit_test(test_lex_template_file_is_all_text),
        cmocka_unit_test(test_lex_kind_names),
        cmocka_unit_test(test_lex_bad_utf8_reported_once_at_byte),
        cmocka_unit_test(test_lex_nul_byte_stops_the_file),
        cmocka_unit_test(test_lex_near_miss_operators),
        cmocka_unit_test(test_lex_single_quotes_are_one_invalid_token),
        cmocka_unit_test(test_lex_non_ascii_outside_strings),
        cmocka_unit_test(test_lex_near_miss_reported_three_times_per_kind),
        cmocka_unit_test(test_lex_stray_run_is_one_token_and_one_error),
        cmocka_unit_test(test_lex_dollar_outside_string_explains),
        cmocka_unit_test(test_lex_unterminated_string_ends_at_line_break),
        cmocka_unit_test(test_lex_unterminated_string_at_eof),
        cmocka_unit_test(test_lex_bad_escapes),
        cmocka_unit_test(test_lex_unterminated_block_comment),
        cmocka_unit_test(test_lex_unterminated_heredoc),
        cmocka_unit_test(test_lex_bad_heredoc_openers),
        cmocka_unit_test(test_lex_unterminated_interp_in_string),
        cmocka_unit_test(test_lex_unterminated_interp_in_heredoc),
        cmocka_unit_test(test_lex_bad_numbers),
        cmocka_unit_test(test_lex_string_too_long_stops_the_file),
        cmocka_unit_test(test_lex_plain_string_one_past_the_limit),
        cmocka_unit_test(test_lex_heredoc_too_long_stops_the_file),
        cmocka_unit_test(test_lex_nesting_too_deep_stops_the_file),
        cmocka_unit_test(test_lex_error_flood_is_capped),
        cmocka_unit_test(test_lex_big_file_is_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
