// test_show.c - base/show: how messages quote, escape and cut strings, and
// that a sensitive value is never shown, whatever its kind.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <string.h>

#include "base/arena.h"
#include "base/show.h"
#include "base/source.h"
#include "base/value.h"

static const ShowStyle style = {"(hidden)", 10, 7};

static void test_show_quoted_escapes(void **state)
{
    Arena *a = *state;
    assert_string_equal(show_quoted(a, "a\"b\\c", 5, 10, 10), "\"a\\\"b\\\\c\"");
    assert_string_equal(show_quoted(a, "t\tn\nd\x7F", 6, 10, 10), "\"t\\x09n\\x0ad\\x7f\"");
}

static void test_show_quoted_cuts_at_characters(void **state)
{
    Arena *a = *state;
    assert_string_equal(show_quoted(a, "0123456789", 10, 10, 7), "\"0123456789\"");
    assert_string_equal(show_quoted(a, "0123456789A", 11, 10, 7), "\"0123456...\"");
    // e-acute is one character of two bytes: the cut never splits it
    const char *s = "\xC3\xA9\xC3\xA9\xC3\xA9";
    assert_string_equal(show_quoted(a, s, strlen(s), 2, 1), "\"\xC3\xA9...\"");
}

static void test_show_value_kinds(void **state)
{
    Arena *a = *state;
    Span at = span_none();
    assert_string_equal(show_value(a, value_cstring(a, at, "web"), style), "\"web\"");
    assert_string_equal(show_value(a, value_number(a, at, 2.5), style), "2.5");
    Value *list = value_list_new(a, at, 0);
    assert_string_equal(show_value(a, list, style), value_type_name(list));
}

static void test_show_value_hides_sensitive(void **state)
{
    Arena *a = *state;
    Span at = span_none();
    Value *secret = value_mark_sensitive(a, value_cstring(a, at, "hunter2"));
    Value *number = value_mark_sensitive(a, value_number(a, at, 42));
    assert_string_equal(show_value(a, secret, style), "(hidden)");
    assert_string_equal(show_value(a, number, style), "(hidden)");
}

static int setup(void **state)
{
    static Arena arena;
    arena_init(&arena);
    *state = &arena;
    return 0;
}

static int teardown(void **state)
{
    arena_free(*state);
    return 0;
}

int main(void)
{
#define T(f) cmocka_unit_test(f)
    const struct CMUnitTest tests[] = {
        T(test_show_quoted_escapes),
        T(test_show_quoted_cuts_at_characters),
        T(test_show_value_kinds),
        T(test_show_value_hides_sensitive),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
