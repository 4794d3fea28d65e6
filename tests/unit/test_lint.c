// test_lint.c - the table of lint rules: codes in order and in the lint
// range, catalogue IDs found in any case, --disable/--enable switching.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <string.h>

#include "lint/lint.h"

static void test_lint_rules_are_ordered_and_complete(void **state)
{
    (void)state;
    size_t n;
    const LintRule *r = lint_rules(&n);
    assert_true(n >= 13);
    for (size_t i = 0; i < n; i++) {
        assert_true(r[i].code > 1000 && r[i].code < 1100);
        if (i > 0)
            assert_true(r[i].code > r[i - 1].code);
        assert_non_null(r[i].check);
        assert_true(strlen(r[i].title) > 0 && strlen(r[i].rationale) > 0 && strlen(r[i].fix) > 0);
    }
}

static void test_lint_find_codes_and_catalogue_ids(void **state)
{
    (void)state;
    size_t n;
    const LintRule *r = lint_rules(&n);
    long i = lint_find("ECS.5");
    assert_true(i >= 0);
    assert_int_equal(r[i].code, E_LINT_WRITABLE_ROOT);
    assert_int_equal(lint_find("ckv_aws_336"), i);
    assert_int_equal(lint_find("e1002"), i);
    assert_int_equal(lint_find("E1002"), i);
    assert_int_equal(r[lint_find("AVD-AWS-0035")].code, E_LINT_EFS_PLAINTEXT);
    assert_int_equal(lint_find("ECS.99"), -1);
    assert_int_equal(lint_find("E0655"), -1); // a validator code, not a lint rule
    assert_int_equal(lint_find(""), -1);
}

static void test_lint_switch_in_order(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    size_t n;
    lint_rules(&n);
    Linter l = {false, NULL};
    assert_true(lint_switch(&l, &a, "all", false));
    assert_true(lint_switch(&l, &a, "ECS.4", true));
    long on = lint_find("E1001");
    for (size_t k = 0; k < n; k++)
        assert_int_equal(l.off[k], (long)k != on);
    assert_false(lint_switch(&l, &a, "ECS.99", false));
    assert_true(lint_switch(&l, &a, "all", true));
    for (size_t k = 0; k < n; k++)
        assert_false(l.off[k]);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lint_rules_are_ordered_and_complete),
        cmocka_unit_test(test_lint_find_codes_and_catalogue_ids),
        cmocka_unit_test(test_lint_switch_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
