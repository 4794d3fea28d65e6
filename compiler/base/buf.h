// buf.h - growable arrays and a string builder, in an arena or on the heap.
//
// BUF_RESERVE and BUF_RESERVE_HEAP make room for one more item in an array
// held as (items, count, cap); StrBuf collects text, optionally up to a
// limit, always NUL-terminated. Growth doubles, so n additions cost O(n).
#ifndef HCLC_BUF_H
#define HCLC_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

// The capacity after `cap` for a full array whose capacity is a `width`-byte
// integer: twice `cap`, at least 8; exits as out of memory past that width.
size_t buf_next_cap(size_t cap, size_t width);

// Makes room for one more item in the arena array `items` (count items of
// capacity `cap`); `items` and `cap` are assigned when it grows.
#define BUF_RESERVE(arena, items, count, cap)                                                      \
    do {                                                                                           \
        if ((count) >= (cap)) {                                                                    \
            size_t buf_cap_ = buf_next_cap((cap), sizeof(cap));                                    \
            (items) = arena_grow((arena), (items), (count), buf_cap_, sizeof *(items));            \
            (cap) = buf_cap_;                                                                      \
        }                                                                                          \
    } while (0)

// The same for an array on the heap (xrealloc; the owner frees it).
#define BUF_RESERVE_HEAP(items, count, cap)                                                        \
    do {                                                                                           \
        if ((count) >= (cap)) {                                                                    \
            size_t buf_cap_ = buf_next_cap((cap), sizeof(cap));                                    \
            (items) = xrealloc((items), buf_cap_ * sizeof *(items));                               \
            (cap) = buf_cap_;                                                                      \
        }                                                                                          \
    } while (0)

typedef struct StrBuf {
    Arena *arena; // where the text grows; NULL: on the heap, released by buf_free
    char *ptr;    // the text, NUL-terminated; NULL until something is added
    size_t len;   // bytes of text
    size_t cap;   // bytes allocated
    size_t limit; // most bytes the text may hold; 0: no limit
    bool over;    // an addition would have passed the limit: it and all later are dropped
} StrBuf;

// Prepares an empty builder in arena `a` (NULL: the heap) holding at most
// `limit` bytes (0: no limit).
void buf_init(StrBuf *b, Arena *a, size_t limit);
// Appends the `n` bytes at `s`; false (and b->over set) past the limit.
// After it the text exists, "" when n == 0 and nothing was added before.
bool buf_put(StrBuf *b, const char *s, size_t n);
void buf_putc(StrBuf *b, char c);
void buf_puts(StrBuf *b, const char *s);
// Appends `n` copies of `c`.
void buf_repeat(StrBuf *b, char c, size_t n);
// Empties the text, keeping its memory for reuse.
void buf_clear(StrBuf *b);
// Frees the text of a heap builder; the builder is empty again.
void buf_free(StrBuf *b);

#endif
