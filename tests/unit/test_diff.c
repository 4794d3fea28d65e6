// test_diff.c - the comparison form (ecs_normalize) and the change list of
// `hclc diff` (diff_values): equal forms for what ECS stores alike, one
// change at the right path for a real change, sensitive values marked.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "decode/decode.h"
#include "diff/diff.h"
#include "ecs/ecs.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
    DiffList changes;
} Fixture;

static int setup(void **state)
{
    Fixture *f = xmalloc(sizeof *f);
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
    diff_init(&f->changes, &f->arena, &f->src);
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

static Value *json(Fixture *f, const char *text)
{
    uint32_t file = source_add(&f->src, "t.json", text, strlen(text));
    Value *v = decode_json_file(&f->arena, &f->src, file, &f->diags);
    assert_non_null(v);
    return v;
}

// The changes between the comparison forms of two task definitions.
static uint32_t compare(Fixture *f, const char *old, const char *new)
{
    diff_values(&f->changes, "", ecs_normalize(&f->arena, json(f, old)),
                ecs_normalize(&f->arena, json(f, new)));
    return f->changes.count;
}

static void defaults_filled_in_compare_equal(void **state)
{
    Fixture *f = *state;
    const char *sent = "{\"family\": \"a\", \"networkMode\": \"awsvpc\", \"cpu\": \"1 vCPU\","
                       " \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"x\","
                       " \"portMappings\": [{\"containerPort\": 80}]}]}";
    const char *back = "{\"family\": \"a\", \"revision\": 3, \"status\": \"ACTIVE\","
                       " \"networkMode\": \"awsvpc\", \"cpu\": \"1024\", \"volumes\": [],"
                       " \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"x\","
                       " \"cpu\": 0, \"essential\": true, \"mountPoints\": [],"
                       " \"portMappings\": [{\"containerPort\": 80, \"hostPort\": 80,"
                       " \"protocol\": \"tcp\"}]}]}";
    assert_int_equal(compare(f, sent, back), 0);
    assert_int_equal(compare(f, back, sent), 0);
}

static void keyed_list_change_found_whatever_the_order(void **state)
{
    Fixture *f = *state;
    const char *a = "{\"containerDefinitions\": [{\"name\": \"web\", \"environment\": ["
                    "{\"name\": \"A\", \"value\": \"1\"}, {\"name\": \"B\", \"value\": \"2\"}]}]}";
    const char *b = "{\"containerDefinitions\": [{\"name\": \"web\", \"environment\": ["
                    "{\"name\": \"B\", \"value\": \"3\"}, {\"name\": \"A\", \"value\": \"1\"}]}]}";
    assert_int_equal(compare(f, a, b), 1);
    DiffChange *c = &f->changes.items[0];
    assert_int_equal(c->op, DIFF_CHANGED);
    assert_string_equal(c->path, "containerDefinitions[\"web\"].environment[\"B\"]");
    assert_string_equal(c->old->as.str.ptr, "2");
    assert_string_equal(c->new->as.str.ptr, "3");
}

static void port_mappings_keyed_by_port_and_protocol(void **state)
{
    Fixture *f = *state;
    const char *a = "{\"containerDefinitions\": [{\"name\": \"web\", \"portMappings\": ["
                    "{\"containerPort\": 53, \"protocol\": \"udp\"}]}]}";
    const char *b = "{\"containerDefinitions\": [{\"name\": \"web\", \"portMappings\": ["
                    "{\"containerPort\": 53}]}]}";
    assert_int_equal(compare(f, a, b), 2);
    assert_int_equal(f->changes.items[0].op, DIFF_REMOVED);
    assert_string_equal(f->changes.items[0].path,
                        "containerDefinitions[\"web\"].portMappings[\"53/udp\"]");
    assert_int_equal(f->changes.items[1].op, DIFF_ADDED);
    assert_string_equal(f->changes.items[1].path,
                        "containerDefinitions[\"web\"].portMappings[\"53/tcp\"]");
}

static void embedded_json_compared_by_structure(void **state)
{
    Fixture *f = *state;
    Value *a = value_cstring(&f->arena, span_none(), "{\"a\": 1, \"b\": {\"c\": true}}");
    Value *b = value_cstring(&f->arena, span_none(), "{\"b\": {\"c\": false}, \"a\": 1}");
    diff_values(&f->changes, "x", a, b);
    assert_int_equal(f->changes.count, 1);
    assert_string_equal(f->changes.items[0].path, "x<json>.b.c");
}

static void multi_line_text_compared_by_line(void **state)
{
    Fixture *f = *state;
    Value *a = value_cstring(&f->arena, span_none(), "one\ntwo\nthree");
    Value *b = value_cstring(&f->arena, span_none(), "one\n2\nthree");
    diff_values(&f->changes, "s", a, b);
    assert_int_equal(f->changes.count, 1);
    const DiffChange *c = &f->changes.items[0];
    assert_int_equal(c->nlines, 4);
    assert_string_equal(c->lines[0], " one");
    assert_string_equal(c->lines[1], "-two");
    assert_string_equal(c->lines[2], "+2");
    assert_string_equal(c->lines[3], " three");
}

static void sensitive_values_are_marked(void **state)
{
    Fixture *f = *state;
    Value *a = value_mark_sensitive(&f->arena, value_cstring(&f->arena, span_none(), "p1"));
    Value *b = value_mark_sensitive(&f->arena, value_cstring(&f->arena, span_none(), "p2"));
    diff_values(&f->changes, "token", a, b);
    assert_int_equal(f->changes.count, 1);
    assert_true(f->changes.items[0].sensitive);
}

static void normalize_leaves_its_input_alone(void **state)
{
    Fixture *f = *state;
    Value *t =
        json(f, "{\"revision\": 1, \"containerDefinitions\": [{\"name\": \"a\", \"cpu\": 0}]}");
    ecs_normalize(&f->arena, t);
    assert_non_null(value_object_get(t, "revision", 8));
    Value *cs = value_object_get(t, "containerDefinitions", 20);
    assert_int_equal(cs->kind, VAL_LIST);
    assert_non_null(value_object_get(cs->as.list.items[0], "cpu", 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(defaults_filled_in_compare_equal, setup, teardown),
        cmocka_unit_test_setup_teardown(keyed_list_change_found_whatever_the_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(port_mappings_keyed_by_port_and_protocol, setup, teardown),
        cmocka_unit_test_setup_teardown(embedded_json_compared_by_structure, setup, teardown),
        cmocka_unit_test_setup_teardown(multi_line_text_compared_by_line, setup, teardown),
        cmocka_unit_test_setup_teardown(sensitive_values_are_marked, setup, teardown),
        cmocka_unit_test_setup_teardown(normalize_leaves_its_input_alone, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
