// test_explain.c - hclc explain: the generated table and reading a code.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "explain.h"

// Runs explain with one argument; returns its status and, in *text, what it
// printed to its output (malloc'd).
static int explain(const char *arg, char **text)
{
    Arena a;
    arena_init(&a);
    size_t len = 0;
    FILE *out = open_memstream(text, &len);
    assert_non_null(out);
    const char *args[] = {arg};
    int status = explain_run(&a, out, args, 1);
    fclose(out);
    arena_free(&a);
    return status;
}

static void test_explain_table_is_ordered_and_names_known_codes(void **state)
{
    (void)state;
    static const int codes[] = {
#define X(num, name, text) num,
        DIAG_CODE_LIST(X)
#undef X
    };
    size_t n = sizeof codes / sizeof codes[0];
    for (size_t i = 1; i < EXPLAIN_COUNT; i++)
        assert_true(EXPLAIN_ENTRIES[i - 1].code < EXPLAIN_ENTRIES[i].code);
    for (size_t i = 0; i < EXPLAIN_COUNT; i++) {
        assert_true(EXPLAIN_ENTRIES[i].count > 0);
        size_t k = 0;
        while (k < n && codes[k] != EXPLAIN_ENTRIES[i].code)
            k++;
        assert_true(k < n); // tests/checks/diagnostics.sh checks the other way
    }
}

static void test_explain_reads_the_three_spellings_of_a_code(void **state)
{
    (void)state;
    const char *spellings[] = {"E0560", "e0560", "560", "0560"};
    for (size_t i = 0; i < 4; i++) {
        char *text = NULL;
        assert_int_equal(explain(spellings[i], &text), 0);
        assert_memory_equal(text, "E0560: ", 7);
        free(text);
    }
}

static void test_explain_refuses_unknown_and_malformed_codes(void **state)
{
    (void)state;
    const char *bad[] = {"E9999", "E0559", "", "E", "E05600", "E56x", "-1", "0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *text = NULL;
        assert_int_equal(explain(bad[i], &text), 2);
        assert_string_equal(text, "");
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_explain_table_is_ordered_and_names_known_codes),
        cmocka_unit_test(test_explain_reads_the_three_spellings_of_a_code),
        cmocka_unit_test(test_explain_refuses_unknown_and_malformed_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
