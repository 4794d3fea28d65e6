// test_cli.c - the command line's arguments (cli_options.c): values given as
// "--name=VALUE" or as the next argument, the --diagnostics format known
// before any usage error, --max-errors, "--", and the command table.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "cli.h"

typedef struct Parsed {
    Arena arena;
    Options o;
    bool ok;
} Parsed;

// Parses `words` (NULL-terminated, the program name first) with main's
// defaults; stderr goes to /dev/null, as usage errors print there.
static void parse(Parsed *p, const char *const *words)
{
    int argc = 0;
    while (words[argc])
        argc++;
    arena_init(&p->arena);
    char **argv = arena_alloc(&p->arena, ((size_t)argc + 1) * sizeof(char *));
    for (int i = 0; i < argc; i++)
        argv[i] = arena_strdup(&p->arena, words[i]);
    p->o = (Options){.format = FORMAT_TEXT, .color = COLOR_AUTO, .max_errors = DIAG_MAX_SHOWN};
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    assert_true(saved >= 0);
    assert_non_null(freopen("/dev/null", "w", stderr));
    p->ok = cli_parse_args(&p->arena, argc, argv, &p->o);
    fflush(stderr);
    assert_int_equal(dup2(saved, STDERR_FILENO), STDERR_FILENO);
    close(saved);
}

static void test_cli_diagnostics_and_color_take_the_next_argument(void **state)
{
    (void)state;
    Parsed p;
    const char *argv[] = {"hclc", "--diagnostics", "json", "validate", "--color", "always", NULL};
    parse(&p, argv);
    assert_true(p.ok);
    assert_int_equal(p.o.format, FORMAT_JSON);
    assert_int_equal(p.o.color, COLOR_ALWAYS);
    assert_int_equal(p.o.nargs, 1);
    assert_string_equal(p.o.args[0], "validate");
    arena_free(&p.arena);
}

static void test_cli_format_is_known_when_a_usage_error_comes_first(void **state)
{
    (void)state;
    Parsed p;
    const char *argv[] = {"hclc", "--nope", "build", "--diagnostics=json", NULL};
    parse(&p, argv);
    assert_false(p.ok);
    assert_int_equal(p.o.format, FORMAT_JSON);
    arena_free(&p.arena);
}

static void test_cli_format_scan_skips_option_values_and_stops_at_double_dash(void **state)
{
    (void)state;
    Parsed p;
    const char *value[] = {"hclc", "build", "--var", "--diagnostics=json", NULL};
    parse(&p, value);
    assert_true(p.ok);
    assert_int_equal(p.o.format, FORMAT_TEXT);
    assert_int_equal(p.o.nvars, 1);
    assert_string_equal(p.o.vars[0], "--diagnostics=json");
    arena_free(&p.arena);
    const char *dashes[] = {"hclc", "build", "--", "--diagnostics=json", NULL};
    parse(&p, dashes);
    assert_true(p.ok);
    assert_int_equal(p.o.format, FORMAT_TEXT);
    assert_int_equal(p.o.nargs, 2);
    arena_free(&p.arena);
}

static void test_cli_max_errors_takes_a_count(void **state)
{
    (void)state;
    Parsed p;
    const char *zero[] = {"hclc", "validate", "--max-errors", "0", NULL};
    parse(&p, zero);
    assert_true(p.ok);
    assert_int_equal(p.o.max_errors, 0);
    assert_true(p.o.given & OPT_MAX_ERRORS);
    arena_free(&p.arena);
    const char *five[] = {"hclc", "validate", "--max-errors=5", NULL};
    parse(&p, five);
    assert_true(p.ok);
    assert_int_equal(p.o.max_errors, 5);
    arena_free(&p.arena);
    const char *bad[][5] = {{"hclc", "validate", "--max-errors", "-1", NULL},
                            {"hclc", "validate", "--max-errors", "3x", NULL},
                            {"hclc", "validate", "--max-errors", "", NULL},
                            {"hclc", "validate", "--max-errors", "99999999999999999999999", NULL}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        parse(&p, bad[i]);
        assert_false(p.ok);
        arena_free(&p.arena);
    }
}

static void test_cli_default_max_errors_is_the_diag_cap(void **state)
{
    (void)state;
    Parsed p;
    const char *argv[] = {"hclc", "validate", NULL};
    parse(&p, argv);
    assert_true(p.ok);
    assert_int_equal(p.o.max_errors, DIAG_MAX_SHOWN);
    assert_false(p.o.given & OPT_MAX_ERRORS);
    arena_free(&p.arena);
}

static void test_cli_missing_value_is_a_usage_error(void **state)
{
    (void)state;
    Parsed p;
    const char *argv[] = {"hclc", "validate", "--color", NULL};
    parse(&p, argv);
    assert_false(p.ok);
    arena_free(&p.arena);
}

static void test_cli_finds_commands_and_option_names(void **state)
{
    (void)state;
    const char *names[] = {"build", "validate", "tfvars", "workspaces", "version", "help", "debug"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const Command *c = cli_find_command(names[i]);
        assert_non_null(c);
        assert_non_null(c->run);
        assert_string_equal(c->name, names[i]);
    }
    assert_null(cli_find_command("bild"));
    assert_string_equal(cli_option_name(OPT_MAX_ERRORS), "--max-errors");
    assert_string_equal(cli_option_name(OPT_WORKSPACE), "--workspace");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_diagnostics_and_color_take_the_next_argument),
        cmocka_unit_test(test_cli_format_is_known_when_a_usage_error_comes_first),
        cmocka_unit_test(test_cli_format_scan_skips_option_values_and_stops_at_double_dash),
        cmocka_unit_test(test_cli_max_errors_takes_a_count),
        cmocka_unit_test(test_cli_default_max_errors_is_the_diag_cap),
        cmocka_unit_test(test_cli_missing_value_is_a_usage_error),
        cmocka_unit_test(test_cli_finds_commands_and_option_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
