// test_value.c - values: construction, objects in insertion order with a
// hash index, equality, comparison, sensitivity, intrinsics and number
// printing.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/value.h"

static Span at(uint32_t start)
{
    return span_make(0, start, start + 1);
}

static void test_value_object_keeps_insertion_order(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *o = value_object_new(&a, at(0), 0);
    const char *keys[] = {"zeta", "alpha", "mid"};
    for (int i = 0; i < 3; i++)
        assert_true(value_object_put(&a, o, keys[i], strlen(keys[i]), value_number(&a, at(1), i)));
    for (uint32_t i = 0; i < 3; i++)
        assert_string_equal(o->as.object.keys[i].ptr, keys[i]);
    arena_free(&a);
}

static void test_value_object_rejects_duplicate_put(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *o = value_object_new(&a, at(0), 1);
    assert_true(value_object_put(&a, o, "k", 1, value_bool(&a, at(1), true)));
    assert_false(value_object_put(&a, o, "k", 1, value_bool(&a, at(1), false)));
    assert_true(value_object_get(o, "k", 1)->as.boolean);
    value_object_set(&a, o, "k", 1, value_bool(&a, at(1), false));
    assert_false(value_object_get(o, "k", 1)->as.boolean);
    assert_int_equal(o->as.object.count, 1);
    arena_free(&a);
}

static void test_value_object_append_ref_shares_keys_and_indexes_them(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *o = value_object_new(&a, at(0), 1);
    static const char *const keys[] = {"a", "bb", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
    for (int i = 0; i < 11; i++) // past the size where the hash index starts
        value_object_append_ref(&a, o, keys[i], strlen(keys[i]), value_number(&a, at(0), i));
    assert_int_equal(o->as.object.count, 11);
    assert_ptr_equal(o->as.object.keys[1].ptr, keys[1]); // not copied
    assert_int_equal(value_object_find(o, "k", 1), 10);
    assert_true(value_object_get(o, "bb", 2)->as.number == 1);
    assert_false(value_object_put(&a, o, "j", 1, value_null(&a, at(0))));
    arena_free(&a);
}

static void test_value_large_object_lookup_uses_index(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *o = value_object_new(&a, at(0), 0);
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "key%d", i);
        assert_true(value_object_put(&a, o, key, strlen(key), value_number(&a, at(0), i)));
    }
    assert_non_null(o->as.object.index);
    for (int i = 0; i < 5000; i += 7) {
        snprintf(key, sizeof key, "key%d", i);
        Value *v = value_object_get(o, key, strlen(key));
        assert_non_null(v);
        assert_true(v->as.number == i);
    }
    assert_null(value_object_get(o, "nope", 4));
    assert_int_equal(value_object_find(o, "key4999", 7), 4999);
    arena_free(&a);
}

static void test_value_equal_follows_terraform(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *one = value_number(&a, at(0), 1), *one_s = value_cstring(&a, at(0), "1");
    assert_false(value_equal(one, one_s)); // different types: false, never an error
    assert_true(value_equal(one, value_number(&a, at(5), 1.0)));
    Value *o1 = value_object_new(&a, at(0), 2), *o2 = value_object_new(&a, at(0), 2);
    value_object_put(&a, o1, "a", 1, one);
    value_object_put(&a, o1, "b", 1, one_s);
    value_object_put(&a, o2, "b", 1, one_s);
    value_object_put(&a, o2, "a", 1, one);
    assert_true(value_equal(o1, o2)); // member order does not matter
    Value *l1 = value_list_new(&a, at(0), 2), *l2 = value_list_new(&a, at(0), 2);
    l1->as.list.items[0] = l2->as.list.items[1] = one;
    l1->as.list.items[1] = l2->as.list.items[0] = one_s;
    assert_false(value_equal(l1, l2)); // list order does
    assert_false(value_equal(value_invalid(&a, at(0)), value_invalid(&a, at(0))));
    arena_free(&a);
}

static void test_value_compare_orders_strings_by_bytes(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_true(value_compare(value_cstring(&a, at(0), "B"), value_cstring(&a, at(0), "a")) < 0);
    assert_true(value_compare(value_cstring(&a, at(0), "ab"), value_cstring(&a, at(0), "a")) > 0);
    assert_true(value_compare(value_number(&a, at(0), 2), value_number(&a, at(0), 10)) < 0);
    arena_free(&a);
}

static void test_value_sensitive_marks_deeply_without_changing_original(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *o = value_object_new(&a, at(0), 0);
    char key[16];
    for (int i = 0; i < 20; i++) {
        snprintf(key, sizeof key, "k%d", i);
        value_object_put(&a, o, key, strlen(key), value_cstring(&a, at(0), "secret"));
    }
    Value *s = value_mark_sensitive(&a, o);
    assert_true(value_is_sensitive(s));
    assert_true(s->as.object.vals[3]->flags & VALF_SENSITIVE);
    assert_false(value_is_sensitive(o));
    value_object_put(&a, s, "extra", 5, value_null(&a, at(0)));
    assert_null(value_object_get(o, "extra", 5));
    assert_non_null(value_object_get(s, "k19", 3));
    arena_free(&a);
}

static void test_value_number_text_is_shortest_exact(void **state)
{
    (void)state;
    char buf[VALUE_NUMBER_BUF];
    assert_string_equal(value_number_text(8080, buf), "8080");
    assert_string_equal(value_number_text(-0.0, buf), "0");
    assert_string_equal(value_number_text(1e15, buf), "1000000000000000");
    assert_string_equal(value_number_text(9007199254740992.0, buf), "9007199254740992");
    assert_string_equal(value_number_text(0.1, buf), "0.1");
    assert_string_equal(value_number_text(1.5, buf), "1.5");
    assert_string_equal(value_number_text(1e300, buf), "1e+300");
    assert_true(value_number_is_int(3));
    assert_false(value_number_is_int(3.5));
}

static void test_value_summary_keeps_depth_size_and_secrets(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *s = value_string(&a, at(0), "abcd", 4);
    Value *inner = value_list_new(&a, at(1), 2);
    inner->as.list.items[0] = s;
    inner->as.list.items[1] = s; // shared: counted twice, as it is written out
    Value *o = value_object_new(&a, at(2), 1);
    value_object_put(&a, o, "key", 3, inner);
    assert_int_equal(value_summarize(o), 3);
    assert_true(value_size(o) == 16 + 3 + 16 + 2 * (16 + 4));
    assert_false(value_is_sensitive(o));
    // A sensitive item deep inside is found by the summary of a new container.
    Value *outer = value_list_new(&a, at(3), 2);
    outer->as.list.items[0] = o;
    outer->as.list.items[1] = value_mark_sensitive(&a, value_number(&a, at(4), 1));
    assert_int_equal(value_summarize(outer), 4);
    assert_true(value_is_sensitive(outer));
    assert_true(outer->flags & VALF_HOLDS_SENSITIVE);
    // Changing an object forgets its summary.
    value_object_set(&a, o, "key", 3, outer->as.list.items[1]);
    assert_int_equal(o->depth, 0);
    assert_true(value_is_sensitive(o));
    arena_free(&a);
}

static void test_value_int_text_exact_finds_rounded_integers(void **state)
{
    (void)state;
    const char *exact[] = {"0",
                           "-7",
                           "+12",
                           "000123",
                           "9007199254740992",
                           "-9007199254740992",
                           "9007199254740994",
                           "100000000000000000000",
                           "1.5",
                           "1e30",
                           "0.10000000000000000000001"};
    const char *rounded[] = {"9007199254740993", "-9007199254740993", "18446744073709551615",
                             "123456789012345678901234567890"};
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        assert_true(value_int_text_exact(exact[i], strlen(exact[i])));
    for (size_t i = 0; i < sizeof rounded / sizeof rounded[0]; i++)
        assert_false(value_int_text_exact(rounded[i], strlen(rounded[i])));
}

static void test_value_type_names(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *l = value_list_new(&a, at(0), 0);
    assert_string_equal(value_type_name(l), "list");
    l->flags |= VALF_TUPLE;
    assert_string_equal(value_type_name(l), "tuple");
    Value *o = value_object_new(&a, at(0), 0);
    assert_string_equal(value_type_name(o), "object");
    o->flags |= VALF_MAP;
    assert_string_equal(value_type_name(o), "map");
    assert_string_equal(value_type_name(value_null(&a, at(0))), "null");
    arena_free(&a);
}

static void test_value_intrinsic_is_found_depth_first(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *ref = value_new_intrinsic(&a, at(3), "Ref", 3, value_cstring(&a, at(4), "Env"));
    assert_int_equal(ref->kind, VAL_OBJECT);
    assert_true(ref->flags & VALF_INTRINSIC);
    assert_int_equal(ref->origin.start, 3);
    assert_string_equal(value_object_get(ref, "Ref", 3)->as.str.ptr, "Env");
    Value *sub = value_new_intrinsic(&a, at(5), "Fn::Sub", 7, value_cstring(&a, at(6), "x"));
    Value *list = value_list_new(&a, at(0), 2);
    list->as.list.items[0] = value_number(&a, at(1), 1);
    list->as.list.items[1] = ref;
    Value *o = value_object_new(&a, at(0), 2);
    value_object_put(&a, o, "plain", 5, value_cstring(&a, at(2), "Ref"));
    value_object_put(&a, o, "list", 4, list);
    value_object_put(&a, o, "later", 5, sub);
    assert_ptr_equal(value_find_intrinsic(o), ref);
    assert_ptr_equal(value_find_intrinsic(sub), sub);
    assert_null(value_find_intrinsic(value_object_get(o, "plain", 5)));
    assert_null(value_find_intrinsic(value_object_new(&a, at(0), 0)));
    arena_free(&a);
}

// A summary records whether an item holds an intrinsic: the search skips
// summarized values without one, finds one inside a summarized value, and
// an object changed after its summary is searched in full again.
static void test_value_summary_keeps_whether_an_intrinsic_is_inside(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Value *ref = value_new_intrinsic(&a, at(3), "Ref", 3, value_cstring(&a, at(4), "Env"));
    Value *inner = value_list_new(&a, at(0), 1);
    inner->as.list.items[0] = ref;
    Value *o = value_object_new(&a, at(0), 2);
    value_object_put(&a, o, "plain", 5, value_cstring(&a, at(2), "x"));
    value_object_put(&a, o, "deep", 4, inner);
    value_summarize(o);
    assert_true(o->flags & VALF_HOLDS_INTRINSIC);
    assert_ptr_equal(value_find_intrinsic(o), ref);
    Value *plain = value_object_new(&a, at(0), 1);
    value_object_put(&a, plain, "a", 1, value_cstring(&a, at(2), "x"));
    value_summarize(plain);
    assert_false(plain->flags & VALF_HOLDS_INTRINSIC);
    assert_null(value_find_intrinsic(plain));
    value_object_put(&a, plain, "b", 1, inner);
    assert_ptr_equal(value_find_intrinsic(plain), ref);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_object_keeps_insertion_order),
        cmocka_unit_test(test_value_object_rejects_duplicate_put),
        cmocka_unit_test(test_value_object_append_ref_shares_keys_and_indexes_them),
        cmocka_unit_test(test_value_large_object_lookup_uses_index),
        cmocka_unit_test(test_value_equal_follows_terraform),
        cmocka_unit_test(test_value_compare_orders_strings_by_bytes),
        cmocka_unit_test(test_value_sensitive_marks_deeply_without_changing_original),
        cmocka_unit_test(test_value_number_text_is_shortest_exact),
        cmocka_unit_test(test_value_type_names),
        cmocka_unit_test(test_value_intrinsic_is_found_depth_first),
        cmocka_unit_test(test_value_summary_keeps_whether_an_intrinsic_is_inside),
        cmocka_unit_test(test_value_summary_keeps_depth_size_and_secrets),
        cmocka_unit_test(test_value_int_text_exact_finds_rounded_integers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
