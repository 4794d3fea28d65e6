// test_arena.c - bump allocation: alignment, zeroing, strings, growth.
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

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

static void test_arena_alloc_is_aligned_for_pointers_and_doubles(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    for (size_t size = 0; size < 100; size++) {
        void *p = arena_alloc(&a, size);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 8, 0);
    }
    arena_free(&a);
}

static void test_arena_alloc_is_zeroed(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    // Dirty memory, free it, and allocate again: malloc may hand it back.
    for (int i = 0; i < 64; i++)
        memset(arena_alloc(&a, 1000), 0xAB, 1000);
    arena_free(&a);
    for (int i = 0; i < 64; i++) {
        unsigned char *p = arena_alloc(&a, 1000);
        assert_true(all_zero(p, 1000));
    }
    unsigned char *big = arena_alloc(&a, 1u << 20);
    assert_true(all_zero(big, 1u << 20));
    arena_free(&a);
}

static void test_arena_allocations_do_not_overlap(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    enum { N = 20000 };
    unsigned char **ptrs = xmalloc(N * sizeof *ptrs);
    for (size_t i = 0; i < N; i++) {
        size_t size = 1 + i % 37;
        ptrs[i] = arena_alloc(&a, size);
        memset(ptrs[i], (int)(i & 0xFF), size);
    }
    for (size_t i = 0; i < N; i++) {
        size_t size = 1 + i % 37;
        for (size_t k = 0; k < size; k++)
            assert_int_equal(ptrs[i][k], i & 0xFF);
    }
    assert_true(a.total >= N);
    free(ptrs);
    arena_free(&a);
}

static void test_arena_large_allocation_keeps_small_ones_usable(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    char *before = arena_strdup(&a, "before");
    unsigned char *big = arena_alloc(&a, 3u << 20);
    memset(big, 0x5A, 3u << 20);
    char *after = arena_strdup(&a, "after");
    assert_string_equal(before, "before");
    assert_string_equal(after, "after");
    assert_int_equal(big[0], 0x5A);
    assert_int_equal(big[(3u << 20) - 1], 0x5A);
    // A large first allocation, with no chunk yet.
    Arena b;
    arena_init(&b);
    unsigned char *first = arena_alloc(&b, 100000);
    first[99999] = 1;
    assert_string_equal(arena_strdup(&b, "x"), "x");
    arena_free(&b);
    arena_free(&a);
}

static void test_arena_strndup_copies_and_terminates(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    char *s = arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    char *empty = arena_strndup(&a, NULL, 0);
    assert_string_equal(empty, "");
    char *withnul = arena_strndup(&a, "a\0b", 3);
    assert_memory_equal(withnul, "a\0b\0", 4);
    char src[] = "copy";
    char *d = arena_strdup(&a, src);
    src[0] = 'X';
    assert_string_equal(d, "copy");
    arena_free(&a);
}

// A reset keeps what was allocated before the mark, releases the rest
// (small, chunk-filling and large allocations, adopted blocks), and hands
// out zeroed memory again.
static void test_arena_reset_releases_since_the_mark(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    char *kept = arena_strdup(&a, "kept");
    size_t total = a.total;
    for (int round = 0; round < 3; round++) {
        ArenaMark m = arena_mark(&a);
        for (int i = 0; i < 3000; i++)
            memset(arena_alloc(&a, 1000), 0xAB, 1000);     // several chunks
        memset(arena_alloc(&a, 3u << 20), 0xCD, 3u << 20); // a chunk of its own
        arena_adopt(&a, xmalloc(64));
        arena_reset(&a, m);
        assert_int_equal(a.total, total);
        assert_string_equal(kept, "kept");
        unsigned char *p = arena_alloc(&a, 5000);
        for (size_t k = 0; k < 5000; k++)
            assert_int_equal(p[k], 0);
        unsigned char *big = arena_alloc(&a, 2u << 20);
        assert_int_equal(big[0], 0);
        assert_int_equal(big[(2u << 20) - 1], 0);
        total = a.total;
    }
    arena_free(&a);
}

// A mark taken on an empty arena returns it to empty.
static void test_arena_reset_to_empty(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    ArenaMark m = arena_mark(&a);
    arena_strdup(&a, "gone");
    arena_alloc(&a, 1u << 20);
    arena_reset(&a, m);
    assert_null(a.head);
    assert_int_equal(a.total, 0);
    assert_string_equal(arena_strdup(&a, "again"), "again");
    arena_free(&a);
}

static void test_arena_printf_formats(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(arena_printf(&a, "%s:%u:%d", "f.hcl", 12u, -3), "f.hcl:12:-3");
    assert_string_equal(arena_printf(&a, "%s", ""), "");
    char big[5000];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    char *p = arena_printf(&a, "<%s>", big);
    assert_int_equal(strlen(p), sizeof big + 1);
    assert_int_equal(p[0], '<');
    assert_int_equal(p[sizeof big], '>');
    arena_free(&a);
}

static void test_arena_grow_keeps_elements(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    int *items = NULL;
    size_t count = 0, cap = 0;
    for (int i = 0; i < 10000; i++) {
        if (count == cap) {
            size_t new_cap = cap ? cap * 2 : 4;
            items = arena_grow(&a, items, count, new_cap, sizeof *items);
            assert_true(
                all_zero((unsigned char *)(items + count), (new_cap - count) * sizeof *items));
            cap = new_cap;
        }
        items[count++] = i;
    }
    for (int i = 0; i < 10000; i++)
        assert_int_equal(items[i], i);
    arena_free(&a);
}

static void test_arena_free_empties_and_allows_reuse(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    arena_free(&a); // nothing allocated yet
    arena_alloc(&a, 10);
    assert_non_null(a.head);
    arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.total, 0);
    assert_string_equal(arena_strdup(&a, "again"), "again");
    arena_free(&a);
}

// A tree arena lent the main arena's budget: it counts from the main total
// against the main limit while the loan lasts, its bytes join the main
// total at arena_settle, and it keeps its own total for the uncount.
static void test_arena_loan_counts_in_the_lender(void **state)
{
    (void)state;
    Arena main_arena, tree;
    arena_init(&main_arena);
    arena_init(&tree);
    main_arena.limit = 1u << 20;
    arena_alloc(&main_arena, 100); // 104 with alignment
    ArenaLoan loan = arena_lend(&tree, &main_arena);
    assert_int_equal(tree.total, 104);
    assert_int_equal(tree.limit, 1u << 20);
    arena_alloc(&tree, 40);
    arena_settle(&tree, &main_arena, loan);
    assert_int_equal(tree.total, 40);
    assert_int_equal(tree.limit, 0);
    assert_int_equal(main_arena.total, 144);
    loan = arena_lend(&tree, &main_arena); // a second file of the project
    arena_alloc(&tree, 8);
    arena_settle(&tree, &main_arena, loan);
    assert_int_equal(tree.total, 48);
    assert_int_equal(main_arena.total, 152);
    arena_uncount(&main_arena, tree.total);
    arena_free(&tree);
    assert_int_equal(main_arena.total, 104);
    arena_free(&main_arena);
}

static void test_xmalloc_and_xrealloc(void **state)
{
    (void)state;
    char *p = xmalloc(0);
    assert_non_null(p);
    p = xrealloc(p, 6);
    memcpy(p, "hello", 6);
    p = xrealloc(p, 1u << 20);
    assert_string_equal(p, "hello");
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_is_aligned_for_pointers_and_doubles),
        cmocka_unit_test(test_arena_alloc_is_zeroed),
        cmocka_unit_test(test_arena_allocations_do_not_overlap),
        cmocka_unit_test(test_arena_large_allocation_keeps_small_ones_usable),
        cmocka_unit_test(test_arena_strndup_copies_and_terminates),
        cmocka_unit_test(test_arena_reset_releases_since_the_mark),
        cmocka_unit_test(test_arena_reset_to_empty),
        cmocka_unit_test(test_arena_printf_formats),
        cmocka_unit_test(test_arena_grow_keeps_elements),
        cmocka_unit_test(test_arena_free_empties_and_allows_reuse),
        cmocka_unit_test(test_arena_loan_counts_in_the_lender),
        cmocka_unit_test(test_xmalloc_and_xrealloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
