// test_ignore.c - ignore comments (project/ignore.h) and the Diags silencer
// (base/diag.h): which lines a comment covers, which codes it names, and
// that errors are never silenced.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "project/ignore.h"
#include "project/load.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
    LoadedFile file;
    LoadedFiles files;
    Ignores *ignores;
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

// Parses `text` as main.hcl and reads its ignore comments.
static void load(Fixture *f, const char *text)
{
    uint32_t file = source_add(&f->src, "main.hcl", text, strlen(text));
    load_parse_file(&f->arena, &f->src, &f->diags, file, &f->file);
    f->files.items = &f->file;
    f->files.count = 1;
    f->ignores = ignore_collect(&f->arena, &f->diags, &f->src, &f->files);
    diags_set_silencer(&f->diags, ignore_silences, f->ignores);
}

// A one-byte span at the first occurrence of `needle`.
static Span at(Fixture *f, const char *needle)
{
    const char *text = source_file(&f->src, f->file.file)->text;
    const char *p = strstr(text, needle);
    assert_non_null(p);
    uint32_t start = (uint32_t)(p - text);
    return span_make(f->file.file, start, start + 1);
}

static void test_ignore_trailing_comment_covers_its_line(void **state)
{
    Fixture *f = *state;
    load(f, "a = 1 # hclc:ignore E0655 -- why\nb = 2\n");
    assert_int_equal(f->diags.count, 0);
    assert_true(diags_silenced(&f->diags, E_ECS_PLAIN_SECRET, at(f, "a =")));
    assert_false(diags_silenced(&f->diags, E_ECS_PLAIN_SECRET, at(f, "b =")));
    assert_false(diags_silenced(&f->diags, E_ECS_LATEST_TAG, at(f, "a =")));
    assert_string_equal(f->ignores->items[0].reason, "why");
}

static void test_ignore_comment_above_a_block_covers_the_block(void **state)
{
    Fixture *f = *state;
    load(f, "# hclc:ignore E0661\n\n// another comment\nx {\n  a = 1\n  b = 2\n}\nc = 3\n");
    assert_true(diags_silenced(&f->diags, E_ECS_LATEST_TAG, at(f, "x {")));
    assert_true(diags_silenced(&f->diags, E_ECS_LATEST_TAG, at(f, "b = 2")));
    assert_false(diags_silenced(&f->diags, E_ECS_LATEST_TAG, at(f, "c = 3")));
}

static void test_ignore_several_codes_and_w_prefix(void **state)
{
    Fixture *f = *state;
    load(f, "/* hclc:ignore W0655 , E0661 */ a = 1\n");
    assert_int_equal(f->diags.count, 0);
    assert_true(diags_silenced(&f->diags, E_ECS_PLAIN_SECRET, at(f, "a =")));
    assert_true(diags_silenced(&f->diags, E_ECS_LATEST_TAG, at(f, "a =")));
}

static void test_ignore_silences_warnings_not_errors(void **state)
{
    Fixture *f = *state;
    load(f, "a = 1 # hclc:ignore E0655\n");
    diag_warning(&f->diags, E_ECS_PLAIN_SECRET, at(f, "a ="), "a warning");
    diag_error(&f->diags, E_ECS_PLAIN_SECRET, at(f, "a ="), "an error");
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.errors, 1);
    assert_int_equal(f->diags.silenced, 1);
}

static void test_ignore_malformed_warns_and_silences_nothing(void **state)
{
    Fixture *f = *state;
    load(f, "a = 1 # hclc:ignore\nb = 2 # hclc:ignore E9999\nc = 3 # hclc:ignore E0655 why\n"
            "d = \"# hclc:ignore E0655\"\n");
    assert_int_equal(f->diags.count, 3);
    for (size_t i = 0; i < f->diags.count; i++)
        assert_int_equal(f->diags.items[i]->code, E_BAD_IGNORE);
    assert_int_equal(f->ignores->count, 0);
    assert_false(diags_silenced(&f->diags, E_ECS_PLAIN_SECRET, at(f, "c =")));
    assert_false(diags_silenced(&f->diags, E_ECS_PLAIN_SECRET, at(f, "d =")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_ignore_trailing_comment_covers_its_line, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ignore_comment_above_a_block_covers_the_block, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ignore_several_codes_and_w_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ignore_silences_warnings_not_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ignore_malformed_warns_and_silences_nothing, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
