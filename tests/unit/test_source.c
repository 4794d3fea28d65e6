// test_source.c - source files: line index, line:col, line text, spans.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/source.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
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

static uint32_t add(Fixture *f, const char *text)
{
    return source_add(&f->src, "f.hcl", text, strlen(text));
}

static void assert_line_col(Fixture *f, uint32_t file, uint32_t offset, uint32_t line, uint32_t col)
{
    LineCol lc = source_line_col(&f->src, file, offset);
    assert_int_equal(lc.line, line);
    assert_int_equal(lc.col, col);
}

static void assert_line_text(Fixture *f, uint32_t file, uint32_t line, const char *expect)
{
    uint32_t len = 99;
    const char *text = source_line_text(&f->src, file, line, &len);
    assert_int_equal(len, strlen(expect));
    assert_memory_equal(text, expect, len);
}

static void test_source_add_copies_name_and_text(void **state)
{
    Fixture *f = *state;
    char name[] = "main.hcl";
    char text[] = "a = 1\nb = 2";
    uint32_t file = source_add(&f->src, name, text, 5); // the first line only
    name[0] = 'X';
    text[0] = 'X';
    const SourceFile *sf = source_file(&f->src, file);
    assert_string_equal(sf->name, "main.hcl");
    assert_string_equal(sf->text, "a = 1"); // NUL-terminated at len
    assert_int_equal(sf->len, 5);
    assert_int_equal(sf->nlines, 1);
}

static void test_source_add_returns_successive_indexes(void **state)
{
    Fixture *f = *state;
    char name[16];
    for (uint32_t i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "f%u.hcl", i);
        assert_int_equal(source_add(&f->src, name, name, strlen(name)), i);
    }
    // Earlier files survive the set's growth.
    for (uint32_t i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "f%u.hcl", i);
        assert_string_equal(source_file(&f->src, i)->name, name);
        assert_string_equal(source_file(&f->src, i)->text, name);
    }
    assert_int_equal(f->src.count, 40);
}

static void test_source_line_col_first_and_last(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "ab\ncd\nef");
    assert_int_equal(source_file(&f->src, file)->nlines, 3);
    assert_line_col(f, file, 0, 1, 1);
    assert_line_col(f, file, 1, 1, 2);
    assert_line_col(f, file, 2, 1, 3); // the line break itself
    assert_line_col(f, file, 3, 2, 1);
    assert_line_col(f, file, 7, 3, 2);
    assert_line_col(f, file, 8, 3, 3); // end of file
}

static void test_source_line_of_matches_line_col(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "ab\r\ncd\n\nef");
    for (uint32_t off = 0; off <= 12; off++)
        assert_int_equal(source_line_of(&f->src, file, off),
                         source_line_col(&f->src, file, off).line);
    assert_int_equal(source_line_of(&f->src, file, 0), 1);
    assert_int_equal(source_line_of(&f->src, file, 4), 2);
    assert_int_equal(source_line_of(&f->src, file, 7), 3);
    assert_int_equal(source_line_of(&f->src, file, 1000), 4);
}

static void test_source_line_col_offset_past_end_is_clamped(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "ab\n");
    assert_line_col(f, file, 3, 2, 1);
    assert_line_col(f, file, 1000, 2, 1);
}

static void test_source_line_col_empty_file(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "");
    assert_int_equal(source_file(&f->src, file)->nlines, 1);
    assert_line_col(f, file, 0, 1, 1);
    assert_line_text(f, file, 1, "");
}

static void test_source_line_col_crlf(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "a = 1\r\nbc = 2\r\n");
    assert_line_col(f, file, 4, 1, 5);
    assert_line_col(f, file, 7, 2, 1);
    assert_line_col(f, file, 10, 2, 4);
    assert_line_col(f, file, 15, 3, 1);
}

static void test_source_columns_count_code_points(void **state)
{
    Fixture *f = *state;
    // "é" (2 bytes), "€" (3 bytes), "😀" (4 bytes): one column each.
    uint32_t file = add(f, "x\n\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z");
    assert_line_col(f, file, 2, 2, 1);
    assert_line_col(f, file, 4, 2, 2);
    assert_line_col(f, file, 7, 2, 3);
    assert_line_col(f, file, 11, 2, 4);
    assert_line_col(f, file, 12, 2, 5);
}

// Lines longer than SOURCE_COL_STEP are counted by blocks: the same columns.
static void test_source_columns_on_long_lines(void **state)
{
    Fixture *f = *state;
    size_t n = 3 * SOURCE_COL_STEP;
    char *text = malloc(2 * n + 8);
    memcpy(text, "ab\n", 3);
    for (size_t i = 0; i < n; i++)
        memcpy(text + 3 + 2 * i, "\xC3\xA9", 2); // "é": one column, two bytes
    strcpy(text + 3 + 2 * n, "z\ny");
    uint32_t file = add(f, text);
    assert_non_null(source_file(&f->src, file)->conts);
    assert_line_col(f, file, 3, 2, 1);
    assert_line_col(f, file, 3 + 2 * 5000, 2, 5001);
    assert_line_col(f, file, (uint32_t)(3 + 2 * n), 2, (uint32_t)n + 1);
    assert_line_col(f, file, (uint32_t)(3 + 2 * n + 2), 3, 1);
    free(text);
}

static void test_source_line_text_strips_line_endings(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "one\r\ntwo\n\nlast\r");
    assert_int_equal(source_file(&f->src, file)->nlines, 4);
    assert_line_text(f, file, 1, "one");
    assert_line_text(f, file, 2, "two");
    assert_line_text(f, file, 3, "");
    // A CR ending the file is not shown either.
    assert_line_text(f, file, 4, "last");
}

static void test_source_line_text_after_final_newline_is_empty(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "a\r\n");
    assert_int_equal(source_file(&f->src, file)->nlines, 2);
    assert_line_text(f, file, 1, "a");
    assert_line_text(f, file, 2, "");
}

static void test_source_line_text_out_of_range_is_empty(void **state)
{
    Fixture *f = *state;
    uint32_t file = add(f, "a\nb\n");
    assert_line_text(f, file, 0, "");
    assert_line_text(f, file, 4, "");
    assert_line_text(f, file, 1000, "");
}

static void test_source_many_lines_binary_search(void **state)
{
    Fixture *f = *state;
    uint32_t n = 10000;
    char *text = arena_alloc(&f->arena, (size_t)n * 4 + 1);
    for (uint32_t i = 0; i < n; i++)
        memcpy(text + 4 * i, "abc\n", 4);
    uint32_t file = source_add(&f->src, "big.hcl", text, (size_t)n * 4);
    assert_int_equal(source_file(&f->src, file)->nlines, n + 1);
    for (uint32_t i = 0; i < n; i += 997) {
        assert_line_col(f, file, 4 * i, i + 1, 1);
        assert_line_col(f, file, 4 * i + 3, i + 1, 4);
        assert_line_text(f, file, i + 1, "abc");
    }
    assert_line_col(f, file, 4 * n, n + 1, 1);
}

static void test_span_make_and_join(void **state)
{
    (void)state;
    Span a = span_make(2, 5, 9);
    assert_int_equal(a.file, 2);
    assert_int_equal(a.start, 5);
    assert_int_equal(a.end, 9);
    Span bad = span_make(2, 9, 5); // end before start becomes empty
    assert_int_equal(bad.start, 9);
    assert_int_equal(bad.end, 9);
    Span j = span_join(span_make(2, 12, 14), a);
    assert_int_equal(j.start, 5);
    assert_int_equal(j.end, 14);
    Span other = span_join(a, span_make(3, 0, 100));
    assert_int_equal(other.file, 2);
    assert_int_equal(other.end, 9);
}

static void test_span_none_joins_as_identity(void **state)
{
    (void)state;
    Span none = span_none();
    assert_true(span_is_none(none));
    assert_false(span_is_none(span_make(0, 0, 0)));
    Span a = span_make(1, 3, 4);
    Span j = span_join(none, a);
    assert_int_equal(j.file, 1);
    assert_int_equal(j.start, 3);
    j = span_join(a, none);
    assert_int_equal(j.file, 1);
    assert_int_equal(j.end, 4);
    assert_true(span_is_none(span_join(none, none)));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_source_add_copies_name_and_text),
        T(test_source_columns_on_long_lines),
        T(test_source_add_returns_successive_indexes),
        T(test_source_line_col_first_and_last),
        T(test_source_line_of_matches_line_col),
        T(test_source_line_col_offset_past_end_is_clamped),
        T(test_source_line_col_empty_file),
        T(test_source_line_col_crlf),
        T(test_source_columns_count_code_points),
        T(test_source_line_text_strips_line_endings),
        T(test_source_line_text_after_final_newline_is_empty),
        T(test_source_line_text_out_of_range_is_empty),
        T(test_source_many_lines_binary_search),
        T(test_span_make_and_join),
        T(test_span_none_joins_as_identity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
