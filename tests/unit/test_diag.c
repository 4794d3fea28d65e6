// test_diag.c - diagnostics: collection, suggestions, text and JSON rendering.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    arena_free(&f->arena);
    free(f);
    return 0;
}

static uint32_t add_file(Fixture *f, const char *name, const char *text)
{
    return source_add(&f->src, name, text, strlen(text));
}

// Byte offset of the first occurrence of `needle` in file `file`.
static uint32_t at(Fixture *f, uint32_t file, const char *needle)
{
    const char *text = source_file(&f->src, file)->text;
    const char *p = strstr(text, needle);
    assert_non_null(p);
    return (uint32_t)(p - text);
}

// Span over the first occurrence of `needle` in file `file`.
static Span span_of(Fixture *f, uint32_t file, const char *needle)
{
    uint32_t start = at(f, file, needle);
    return span_make(file, start, start + (uint32_t)strlen(needle));
}

// Renders the diagnostics as text into a string owned by the arena.
static char *render(Fixture *f, bool color, size_t max_shown)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    assert_non_null(out);
    DiagRenderOptions opt = {color, max_shown};
    diag_render_text(out, &f->diags, &f->src, opt);
    fclose(out);
    char *copy = arena_strndup(&f->arena, buf, size);
    free(buf);
    return copy;
}

static char *render_json(Fixture *f)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    assert_non_null(out);
    diag_render_json(out, &f->diags, &f->src);
    fclose(out);
    char *copy = arena_strndup(&f->arena, buf, size);
    free(buf);
    return copy;
}

// --- collection ----------------------------------------------------------------

static void test_diag_error_formats_summary_and_counts(void **state)
{
    Fixture *f = *state;
    assert_false(diags_has_errors(&f->diags));
    Diag *w = diag_warning(&f->diags, E_BAD_CHAR, span_none(), "odd %s", "thing");
    assert_false(diags_has_errors(&f->diags));
    Diag *g = diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_none(), "got %d tokens", 3);
    assert_true(diags_has_errors(&f->diags));
    assert_string_equal(w->summary, "odd thing");
    assert_string_equal(g->summary, "got 3 tokens");
    assert_int_equal(g->severity, DIAG_ERROR);
    assert_int_equal(g->code, E_UNEXPECTED_TOKEN);
    assert_null(g->detail);
    assert_int_equal(f->diags.count, 2);
    assert_int_equal(f->diags.errors, 1);
    assert_int_equal(f->diags.warnings, 1);
    assert_ptr_equal(f->diags.items[0], w);
    assert_ptr_equal(f->diags.items[1], g);
}

static void test_diag_copies_strings_passed_as_temporaries(void **state)
{
    Fixture *f = *state;
    char name[8];
    strcpy(name, "prot");
    Diag *g = diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_none(), "unknown \"%s\"", name);
    diag_help(&f->diags, g, "not %s", name);
    strcpy(name, "XXXX");
    assert_string_equal(g->summary, "unknown \"prot\"");
    assert_string_equal(g->notes->text, "not prot");
}

static void test_diag_notes_keep_their_order(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "a.hcl", "x = 1\n");
    Diag *g = diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_none(), "s");
    diag_note(&f->diags, g, "one");
    diag_help(&f->diags, g, "two");
    diag_note_at(&f->diags, g, span_make(file, 0, 1), "three");
    diag_note_at(&f->diags, g, span_none(), "four");
    const DiagNote *n = g->notes;
    assert_int_equal(n->kind, NOTE_TEXT);
    assert_string_equal(n->text, "one");
    n = n->next;
    assert_int_equal(n->kind, NOTE_HELP);
    n = n->next;
    assert_int_equal(n->kind, NOTE_SPAN);
    assert_int_equal(n->span.end, 1);
    n = n->next;
    // A located note without a location is rendered as a plain note.
    assert_int_equal(n->kind, NOTE_TEXT);
    assert_string_equal(n->text, "four");
    assert_null(n->next);
}

static void test_diag_code_text_pads_to_four_digits(void **state)
{
    (void)state;
    char buf[8];
    assert_string_equal(diag_code_text(E_UNTERMINATED_HEREDOC, buf), "E0007");
    assert_string_equal(diag_code_text(E_UNEXPECTED_TOKEN, buf), "E0101");
    assert_string_equal(diag_code_text(E_IO_ERROR, buf), "E0901");
}

// --- text rendering ------------------------------------------------------------

static void test_render_simple_error(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "main.hcl", "variable \"port\" {\n}\nx = 1\n");
    diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_of(f, file, "\"port\""), "unexpected %s",
               "label");
    assert_string_equal(render(f, false, 0), "main.hcl:1:10: error[E0101]: unexpected label\n"
                                             "    1 | variable \"port\" {\n"
                                             "      |          ^~~~~~\n");
}

static void test_render_matches_the_reference_example(void **state)
{
    Fixture *f = *state;
    const char *text = "variable \"port\" {\n"
                       "  default = 80\n"
                       "}\n"
                       "\n\n\n\n\n\n\n\n"
                       "  port = var.prot\n";
    uint32_t file = add_file(f, "main.hcl", text);
    Diag *g = diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_of(f, file, "var.prot"),
                         "unknown variable \"%s\"", "prot");
    diag_help(&f->diags, g, "did you mean \"port\"?");
    diag_note_at(&f->diags, g, span_of(f, file, "\"port\""), "variable \"port\" is declared here");
    assert_string_equal(render(f, false, 0),
                        "main.hcl:12:10: error[E0101]: unknown variable \"prot\"\n"
                        "   12 |   port = var.prot\n"
                        "      |          ^~~~~~~~\n"
                        "      = help: did you mean \"port\"?\n"
                        "main.hcl:1:10: note: variable \"port\" is declared here\n"
                        "    1 | variable \"port\" {\n"
                        "      |          ^~~~~~\n");
}

static void test_render_tabs_in_prefix_align_the_caret(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "t.hcl", "\tx\t= bad\n");
    diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_of(f, file, "bad"), "bad value");
    assert_string_equal(render(f, false, 0), "t.hcl:1:6: error[E0101]: bad value\n"
                                             "    1 | \tx\t= bad\n"
                                             "      | \t \t  ^~~\n");
}

static void test_render_multibyte_prefix_counts_code_points(void **state)
{
    Fixture *f = *state;
    // "é" is 2 bytes and "€" 3 bytes: each is one column.
    uint32_t file = add_file(f, "u.hcl", "s = \"\xC3\xA9\xE2\x82\xAC\" + x\xC3\xA9z\n");
    diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_of(f, file, "x\xC3\xA9z"), "bad operand");
    assert_string_equal(render(f, false, 0), "u.hcl:1:12: error[E0101]: bad operand\n"
                                             "    1 | s = \"\xC3\xA9\xE2\x82\xAC\" + x\xC3\xA9z\n"
                                             "      |            ^~~\n");
}

static void test_render_span_at_eof_without_newline(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "e.hcl", "x = 1 +");
    diag_error(&f->diags, E_EXPECTED_EXPRESSION, span_make(file, 7, 7), "expected an expression");
    assert_string_equal(render(f, false, 0), "e.hcl:1:8: error[E0105]: expected an expression\n"
                                             "    1 | x = 1 +\n"
                                             "      |        ^\n");
}

static void test_render_span_at_eof_after_newline_points_after_last_char(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "e.hcl", "a = 1\nx = 1 +\r\n");
    uint32_t len = source_file(&f->src, file)->len;
    diag_error(&f->diags, E_EXPECTED_EXPRESSION, span_make(file, len, len),
               "expected an expression");
    assert_string_equal(render(f, false, 0), "e.hcl:2:8: error[E0105]: expected an expression\n"
                                             "    2 | x = 1 +\n"
                                             "      |        ^\n");
}

static void test_render_span_at_end_of_line(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "e.hcl", "x = \"abc\ny = 2\n");
    diag_error(&f->diags, E_NEWLINE_IN_STRING, span_make(file, 8, 9), "line break in string");
    assert_string_equal(render(f, false, 0), "e.hcl:1:9: error[E0012]: line break in string\n"
                                             "    1 | x = \"abc\n"
                                             "      |         ^\n");
}

static void test_render_empty_file(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "empty.hcl", "");
    diag_error(&f->diags, E_EMPTY_INPUT, span_make(file, 0, 0), "empty input");
    assert_string_equal(render(f, false, 0), "empty.hcl:1:1: error[E0113]: empty input\n"
                                             "    1 |\n"
                                             "      | ^\n");
}

static void test_render_multi_line_span_marks_to_end_of_first_line(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "m.hcl", "service \"web\" {\n  a = 1\n}\n");
    Span s = span_make(file, at(f, file, "{"), at(f, file, "}") + 1);
    diag_error(&f->diags, E_UNCLOSED_BLOCK, s, "block never closed");
    assert_string_equal(render(f, false, 0), "m.hcl:1:15: error[E0103]: block never closed\n"
                                             "    1 | service \"web\" {\n"
                                             "      |               ^\n");
    f->diags.count = 0;
    s = span_make(file, at(f, file, "a = 1"), at(f, file, "}") + 1);
    diag_error(&f->diags, E_UNCLOSED_BLOCK, s, "two lines");
    assert_string_equal(render(f, false, 0), "m.hcl:2:3: error[E0103]: two lines\n"
                                             "    2 |   a = 1\n"
                                             "      |   ^~~~~\n");
}

static void test_render_help_note_and_detail(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "main.hcl", "x = uper(1)\n");
    Diag *g = diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_of(f, file, "uper"),
                         "unknown function \"uper\"");
    diag_help(&f->diags, g, "did you mean \"upper\"?");
    diag_note(&f->diags, g, "functions are built in");
    diag_detail(&f->diags, g, "There is no function named %s.", "uper");
    assert_string_equal(render(f, false, 0),
                        "main.hcl:1:5: error[E0101]: unknown function \"uper\"\n"
                        "    1 | x = uper(1)\n"
                        "      |     ^~~~\n"
                        "      = note: There is no function named uper.\n"
                        "      = note: functions are built in\n"
                        "      = help: did you mean \"upper\"?\n");
}

static void test_render_detail_line_breaks_stay_aligned(void **state)
{
    Fixture *f = *state;
    Diag *g = diag_error(&f->diags, E_IO_ERROR, span_none(), "cannot read \"x\"");
    diag_detail(&f->diags, g, "first line\nsecond line");
    assert_string_equal(render(f, false, 0), "hclc: error[E0901]: cannot read \"x\"\n"
                                             "      = note: first line\n"
                                             "              second line\n");
}

static void test_render_without_file_has_no_excerpt(void **state)
{
    Fixture *f = *state;
    diag_error(&f->diags, E_IO_ERROR, span_none(), "cannot read \"%s\"", "nope.hcl");
    assert_string_equal(render(f, false, 0), "hclc: error[E0901]: cannot read \"nope.hcl\"\n");
}

static void test_render_warning(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "w.hcl", "a = 1\n");
    diag_warning(&f->diags, E_BAD_CHAR, span_of(f, file, "1"), "suspicious number");
    assert_string_equal(render(f, false, 0), "w.hcl:1:5: warning[E0003]: suspicious number\n"
                                             "    1 | a = 1\n"
                                             "      |     ^\n");
}

static void test_render_gutter_widens_for_large_line_numbers(void **state)
{
    Fixture *f = *state;
    Arena *a = &f->arena;
    size_t lines = 12345;
    char *text = arena_alloc(a, lines * 2 + 8);
    for (size_t i = 0; i < lines; i++)
        memcpy(text + 2 * i, "x\n", 2);
    strcpy(text + 2 * lines, "bad\n");
    uint32_t file = add_file(f, "big.hcl", text);
    Diag *g = diag_error(&f->diags, E_BAD_CHAR, span_of(f, file, "bad"), "bad");
    diag_note_at(&f->diags, g, span_make(file, 0, 1), "first");
    diag_help(&f->diags, g, "h");
    assert_string_equal(render(f, false, 0), "big.hcl:12346:1: error[E0003]: bad\n"
                                             " 12346 | bad\n"
                                             "       | ^~~\n"
                                             "       = help: h\n"
                                             "big.hcl:1:1: note: first\n"
                                             "     1 | x\n"
                                             "       | ^\n");
}

static void test_render_control_characters_never_raw(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "c.hcl", "a\x01\x1b[31m = \x7f\xff x\n");
    diag_error(&f->diags, E_BAD_CHAR, span_of(f, file, "x"), "bad \x1b");
    char *out = render(f, false, 0);
    assert_null(strchr(out, '\x1b'));
    assert_null(strchr(out, '\x01'));
    assert_null(strchr(out, '\x7f'));
    assert_null(strchr(out, '\xff'));
    assert_string_equal(out, "c.hcl:1:14: error[E0003]: bad ?\n"
                             "    1 | a??[31m = ?? x\n"
                             "      |              ^\n");
}

static void test_render_cap_and_count_of_the_rest(void **state)
{
    Fixture *f = *state;
    for (int i = 0; i < 23; i++)
        diag_error(&f->diags, E_IO_ERROR, span_none(), "error %d", i);
    char *out = render(f, false, 0);
    assert_non_null(strstr(out, "hclc: error[E0901]: error 19\n"));
    assert_null(strstr(out, "error 20"));
    const char *tail = "hclc: error[E0901]: error 19\nhclc: 3 more errors not shown\n";
    assert_string_equal(out + strlen(out) - strlen(tail), tail);
}

static void test_render_cap_counts_warnings_and_mixed(void **state)
{
    Fixture *f = *state;
    diag_error(&f->diags, E_IO_ERROR, span_none(), "e");
    diag_warning(&f->diags, E_IO_ERROR, span_none(), "w");
    assert_string_equal(render(f, false, 1), "hclc: error[E0901]: e\n"
                                             "hclc: 1 more warning not shown\n");
    diag_error(&f->diags, E_IO_ERROR, span_none(), "e2");
    assert_string_equal(render(f, false, 1), "hclc: error[E0901]: e\n"
                                             "hclc: 2 more diagnostics not shown\n");
    assert_string_equal(render(f, false, 2), "hclc: error[E0901]: e\n"
                                             "hclc: warning[E0901]: w\n"
                                             "hclc: 1 more error not shown\n");
    assert_string_equal(render(f, false, 3), "hclc: error[E0901]: e\n"
                                             "hclc: warning[E0901]: w\n"
                                             "hclc: error[E0901]: e2\n");
}

static void test_render_exactly_max_shown_has_no_count_line(void **state)
{
    Fixture *f = *state;
    for (int i = 0; i < DIAG_MAX_SHOWN; i++)
        diag_error(&f->diags, E_IO_ERROR, span_none(), "error %d", i);
    assert_null(strstr(render(f, false, 0), "not shown"));
}

static void test_render_color_on_uses_escapes_and_off_none(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "k.hcl", "a = b\n");
    Diag *g = diag_error(&f->diags, E_BAD_CHAR, span_of(f, file, "b"), "bad");
    diag_help(&f->diags, g, "fix it");
    diag_note_at(&f->diags, g, span_of(f, file, "a"), "here");
    diag_warning(&f->diags, E_BAD_CHAR, span_of(f, file, "a"), "meh");
    char *plain = render(f, false, 0);
    assert_null(strchr(plain, '\033'));
    char *color = render(f, true, 0);
    assert_non_null(strstr(color, "\033[1;31merror[E0003]\033[0m"));
    assert_non_null(strstr(color, "\033[1;33mwarning[E0003]\033[0m"));
    assert_non_null(strstr(color, "\033[1;36mhelp\033[0m"));
    assert_non_null(strstr(color, "\033[1;36mnote\033[0m"));
    assert_non_null(strstr(color, "\033[1mk.hcl:1:5:\033[0m"));
    assert_non_null(strstr(color, "\033[1;31m^\033[0m"));
    // Stripping the escapes gives back the plain text.
    char *stripped = arena_strdup(&f->arena, color);
    char *w = stripped;
    for (const char *r = color; *r;) {
        if (*r == '\033') {
            r = strchr(r, 'm') + 1;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
    assert_string_equal(stripped, plain);
}

static void test_render_long_line_is_trimmed_around_the_span(void **state)
{
    Fixture *f = *state;
    size_t len = 10u * 1024 * 1024;
    char *text = xmalloc(len + 1);
    memset(text, 'a', len);
    memcpy(text + len / 2, "bad", 3);
    text[len] = '\0';
    uint32_t file = source_add(&f->src, "huge.hcl", text, len);
    free(text);
    uint32_t start = (uint32_t)(len / 2);
    diag_error(&f->diags, E_BAD_CHAR, span_make(file, start, start + 3), "bad");
    diag_error(&f->diags, E_BAD_CHAR, span_make(file, (uint32_t)len, (uint32_t)len), "eof");
    diag_error(&f->diags, E_BAD_CHAR, span_make(file, 2, (uint32_t)len), "all");
    char *out = render(f, false, 0);
    assert_true(strlen(out) < 2000);
    char a60[61], a137[138], a200[201], tilde[198];
    memset(a60, 'a', 60);
    a60[60] = '\0';
    memset(a137, 'a', 137);
    a137[137] = '\0';
    memset(a200, 'a', 200);
    a200[200] = '\0';
    memset(tilde, '~', 197);
    tilde[197] = '\0';
    // The last marker covers the shown part of the line only.
    char expect[4096];
    // In position order: "all" starts first.
    snprintf(expect, sizeof expect,
             "huge.hcl:1:3: error[E0003]: all\n"
             "    1 | %s...\n"
             "      |   ^%s\n"
             "huge.hcl:1:5242881: error[E0003]: bad\n"
             "    1 | ...%sbad%s...\n"
             "      |    %*s^~~\n"
             "huge.hcl:1:10485761: error[E0003]: eof\n"
             "    1 | ...%s\n"
             "      |    %*s^\n",
             a200, tilde, a60, a137, 60, "", a60, 60, "");
    assert_string_equal(out, expect);
}

// Diagnostics print in file and position order, stable for one place, and
// those without a place last.
static void test_render_in_position_order(void **state)
{
    Fixture *f = *state;
    uint32_t a = source_add(&f->src, "a.hcl", "x = 1\ny = 2\n", 12);
    uint32_t b = source_add(&f->src, "b.hcl", "z = 3\n", 6);
    diag_error(&f->diags, E_BAD_CHAR, span_none(), "nowhere");
    diag_error(&f->diags, E_BAD_CHAR, span_make(b, 0, 1), "b1");
    diag_error(&f->diags, E_BAD_CHAR, span_make(a, 6, 7), "a2");
    diag_error(&f->diags, E_BAD_CHAR, span_make(a, 0, 1), "a1 first");
    diag_error(&f->diags, E_BAD_CHAR, span_make(a, 0, 1), "a1 second");
    char *out = render(f, false, 0);
    const char *order[] = {"a1 first", "a1 second", "a2", "b1", "nowhere"};
    const char *at = out;
    for (size_t i = 0; i < 5; i++) {
        const char *next = strstr(at, order[i]);
        assert_non_null(next);
        at = next;
    }
}

// --- JSON rendering --------------------------------------------------------------

static const cJSON *get(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    assert_non_null(item);
    return item;
}

static void assert_position(const cJSON *pos, int line, int column, int byte)
{
    assert_true(cJSON_IsObject(pos));
    assert_int_equal(get(pos, "line")->valueint, line);
    assert_int_equal(get(pos, "column")->valueint, column);
    assert_int_equal(get(pos, "byte")->valueint, byte);
}

static void test_render_json_fields(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "main.hcl", "variable \"port\" {}\nx = var.prot\n");
    Diag *g = diag_error(&f->diags, E_UNEXPECTED_TOKEN, span_of(f, file, "var.prot"),
                         "unknown variable \"prot\"");
    diag_detail(&f->diags, g, "Say \"why\".");
    diag_help(&f->diags, g, "did you mean \"port\"?");
    diag_note_at(&f->diags, g, span_of(f, file, "\"port\""), "declared here");
    diag_warning(&f->diags, E_IO_ERROR, span_none(), "w");
    char *out = render_json(f);

    char *second = strchr(out, '\n');
    assert_non_null(second);
    *second++ = '\0';
    assert_null(strchr(out, '\t'));
    assert_string_equal(strchr(second, '\n'), "\n");

    cJSON *one = cJSON_Parse(out);
    assert_non_null(one);
    assert_string_equal(get(one, "severity")->valuestring, "error");
    assert_string_equal(get(one, "code")->valuestring, "E0101");
    assert_string_equal(get(one, "summary")->valuestring, "unknown variable \"prot\"");
    assert_string_equal(get(one, "detail")->valuestring, "Say \"why\".");
    assert_string_equal(get(one, "file")->valuestring, "main.hcl");
    assert_position(get(one, "start"), 2, 5, 23);
    assert_position(get(one, "end"), 2, 13, 31);
    const cJSON *notes = get(one, "notes");
    assert_int_equal(cJSON_GetArraySize(notes), 2);
    const cJSON *help = cJSON_GetArrayItem(notes, 0);
    assert_string_equal(get(help, "kind")->valuestring, "help");
    assert_string_equal(get(help, "message")->valuestring, "did you mean \"port\"?");
    assert_null(cJSON_GetObjectItemCaseSensitive(help, "file"));
    const cJSON *note = cJSON_GetArrayItem(notes, 1);
    assert_string_equal(get(note, "kind")->valuestring, "note");
    assert_string_equal(get(note, "message")->valuestring, "declared here");
    assert_string_equal(get(note, "file")->valuestring, "main.hcl");
    assert_position(get(note, "start"), 1, 10, 9);
    assert_position(get(note, "end"), 1, 16, 15);
    cJSON_Delete(one);

    cJSON *two = cJSON_Parse(second);
    assert_non_null(two);
    assert_string_equal(get(two, "severity")->valuestring, "warning");
    assert_true(cJSON_IsNull(get(two, "detail")));
    assert_true(cJSON_IsNull(get(two, "file")));
    assert_true(cJSON_IsNull(get(two, "start")));
    assert_true(cJSON_IsNull(get(two, "end")));
    assert_int_equal(cJSON_GetArraySize(get(two, "notes")), 0);
    cJSON_Delete(two);
}

static void test_render_json_prints_every_diagnostic(void **state)
{
    Fixture *f = *state;
    for (int i = 0; i < 30; i++)
        diag_error(&f->diags, E_IO_ERROR, span_none(), "error %d", i);
    char *out = render_json(f);
    size_t lines = 0;
    for (char *p = out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 30);
}

static void test_render_json_eof_position_matches_text(void **state)
{
    Fixture *f = *state;
    uint32_t file = add_file(f, "e.hcl", "x = 1 +\n");
    diag_error(&f->diags, E_EXPECTED_EXPRESSION, span_make(file, 8, 8), "eof");
    char *out = render_json(f);
    cJSON *one = cJSON_Parse(out);
    assert_non_null(one);
    assert_position(get(one, "start"), 1, 8, 8);
    assert_position(get(one, "end"), 1, 8, 8);
    cJSON_Delete(one);
}

// --- suggestions ---------------------------------------------------------------------

static void test_suggest_finds_close_typo(void **state)
{
    (void)state;
    const char *names[] = {"image", "port", "protocol"};
    assert_string_equal(diag_suggest("prot", names, 3), "port");
    assert_string_equal(diag_suggest("imag", names, 3), "image");
    assert_string_equal(diag_suggest("protocl", names, 3), "protocol");
    const char *funcs[] = {"lower", "upper"};
    assert_string_equal(diag_suggest("uper", funcs, 2), "upper");
}

static void test_suggest_rejects_far_words(void **state)
{
    (void)state;
    const char *names[] = {"image", "port", "protocol"};
    assert_null(diag_suggest("memory", names, 3));
    assert_null(diag_suggest("", names, 3));
    assert_null(diag_suggest("prt", NULL, 0));
    const char *one[] = {"y"};
    assert_null(diag_suggest("x", one, 1));
}

static void test_suggest_ignores_case(void **state)
{
    (void)state;
    const char *names[] = {"Family", "cpu"};
    assert_string_equal(diag_suggest("family", names, 2), "Family");
    assert_string_equal(diag_suggest("CPU", names, 2), "cpu");
}

static void test_suggest_ties_go_to_the_first_candidate(void **state)
{
    (void)state;
    const char *names[] = {"cat", "bat", "hat"};
    assert_string_equal(diag_suggest("rat", names, 3), "cat");
    const char *closer[] = {"cat", "rats"};
    assert_string_equal(diag_suggest("rat", closer, 2), "cat");
    const char *exact[] = {"rate", "rat"};
    assert_string_equal(diag_suggest("rat", exact, 2), "rat");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_diag_error_formats_summary_and_counts),
        T(test_diag_copies_strings_passed_as_temporaries),
        T(test_diag_notes_keep_their_order),
        T(test_diag_code_text_pads_to_four_digits),
        T(test_render_simple_error),
        T(test_render_matches_the_reference_example),
        T(test_render_tabs_in_prefix_align_the_caret),
        T(test_render_multibyte_prefix_counts_code_points),
        T(test_render_span_at_eof_without_newline),
        T(test_render_span_at_eof_after_newline_points_after_last_char),
        T(test_render_span_at_end_of_line),
        T(test_render_empty_file),
        T(test_render_multi_line_span_marks_to_end_of_first_line),
        T(test_render_help_note_and_detail),
        T(test_render_detail_line_breaks_stay_aligned),
        T(test_render_without_file_has_no_excerpt),
        T(test_render_warning),
        T(test_render_gutter_widens_for_large_line_numbers),
        T(test_render_control_characters_never_raw),
        T(test_render_cap_and_count_of_the_rest),
        T(test_render_cap_counts_warnings_and_mixed),
        T(test_render_exactly_max_shown_has_no_count_line),
        T(test_render_color_on_uses_escapes_and_off_none),
        T(test_render_long_line_is_trimmed_around_the_span),
        T(test_render_in_position_order),
        T(test_render_json_fields),
        T(test_render_json_prints_every_diagnostic),
        T(test_render_json_eof_position_matches_text),
        T(test_suggest_finds_close_typo),
        T(test_suggest_rejects_far_words),
        T(test_suggest_ignores_case),
        T(test_suggest_ties_go_to_the_first_candidate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
