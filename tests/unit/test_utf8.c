// test_utf8.c - base/utf8: strict and lenient decoding, counting, encoding,
// and base/hash.h's FNV-1a against its published test vectors.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <string.h>

#include "base/hash.h"
#include "base/utf8.h"

static void test_utf8_decode_lengths_and_code_points(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_int_equal(utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_decode("\xC3\xA9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(utf8_decode("\xE2\x82\xAC", 3, &cp), 3);
    assert_int_equal(cp, 0x20AC);
    assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
}

static void test_utf8_decode_refuses_ill_formed(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("\x80", 1, &cp), 0);             // lone continuation
    assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0);         // overlong '/'
    assert_int_equal(utf8_decode("\xE0\x80\xAF", 3, &cp), 0);     // overlong
    assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0);     // surrogate U+D800
    assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); // above U+10FFFF
    assert_int_equal(utf8_decode("\xF5\x80\x80\x80", 4, &cp), 0); // never in UTF-8
    assert_int_equal(utf8_decode("\xE2\x82", 2, &cp), 0);         // cut short
    assert_int_equal(utf8_decode("\xE2\x41\xAC", 3, &cp), 0);     // bad continuation
}

static void test_utf8_next_reads_bad_bytes_as_replacement(void **state)
{
    (void)state;
    size_t adv = 0;
    assert_int_equal(utf8_next("\xFF"
                               "A",
                               2, &adv),
                     0xFFFD);
    assert_int_equal(adv, 1);
    assert_int_equal(utf8_next("\xEF\xBF\xBD", 3, &adv), 0xFFFD); // a real U+FFFD
    assert_int_equal(adv, 3);
}

static void test_utf8_count_and_offset(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xFF"
                    "b"; // a, e-acute, euro, bad byte, b
    size_t len = strlen(s);
    assert_int_equal(utf8_count(s, len), 5);
    assert_int_equal(utf8_offset(s, len, 0), 0);
    assert_int_equal(utf8_offset(s, len, 2), 3);
    assert_int_equal(utf8_offset(s, len, 4), 7);
    assert_int_equal(utf8_offset(s, len, 99), len);
    assert_true(utf8_valid("h\xC3\xA9llo", 6));
    assert_false(utf8_valid(s, len));
    assert_true(utf8_valid("", 0));
}

static void test_utf8_back_finds_the_character_start(void **state)
{
    (void)state;
    const char *s = "a\xE2\x82\xAC\x80\x80\x80\x80"
                    "b"; // a, euro, four stray continuations, b
    assert_int_equal(utf8_back(s, 1), 0);
    assert_int_equal(utf8_back(s, 4), 1); // the euro sign
    assert_int_equal(utf8_back(s, 8), 4); // never more than three bytes back
    assert_int_equal(utf8_back(s, 9), 8);
}

static void test_utf8_encode_round_trips(void **state)
{
    (void)state;
    const uint32_t cps[] = {0x24, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char b[4];
        uint32_t back = 0;
        size_t n = utf8_encode(cps[i], b);
        assert_int_equal(utf8_decode(b, n, &back), n);
        assert_int_equal(back, cps[i]);
    }
}

static void test_hash_fnv_test_vectors(void **state)
{
    (void)state;
    assert_int_equal(hash_fnv32("", 0), 0x811c9dc5u);
    assert_int_equal(hash_fnv32("a", 1), 0xe40c292cu);
    assert_true(hash_fnv64("", 0) == 0xcbf29ce484222325u);
    assert_true(hash_fnv64("a", 1) == 0xaf63dc4c8601ec8cu);
}

int main(void)
{
#define T(f) cmocka_unit_test(f)
    const struct CMUnitTest tests[] = {
        T(test_utf8_decode_lengths_and_code_points),
        T(test_utf8_decode_refuses_ill_formed),
        T(test_utf8_next_reads_bad_bytes_as_replacement),
        T(test_utf8_count_and_offset),
        T(test_utf8_back_finds_the_character_start),
        T(test_utf8_encode_round_trips),
        T(test_hash_fnv_test_vectors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
