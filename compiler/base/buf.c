// buf.c - growable arrays and the string builder; see buf.h.
#include "base/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t buf_next_cap(size_t cap, size_t width)
{
    size_t max = width >= sizeof(size_t) ? SIZE_MAX : ((size_t)1 << (8 * width)) - 1;
    if (cap == 0)
        return 8;
    if (cap > max / 2)
        arena_out_of_memory("growing an array");
    return cap * 2;
}

void buf_init(StrBuf *b, Arena *a, size_t limit)
{
    *b = (StrBuf){.arena = a, .limit = limit};
}

// Makes room for `n` more bytes and the NUL; false past the limit.
static bool reserve(StrBuf *b, size_t n)
{
    if (b->over || (b->limit && (n > b->limit || b->len + n > b->limit))) {
        b->over = true;
        return false;
    }
    if (n >= SIZE_MAX / 2 - b->len)
        arena_out_of_memory("growing a string");
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        if (b->arena)
            b->ptr = arena_grow(b->arena, b->ptr, b->len, cap, 1);
        else
            b->ptr = xrealloc(b->ptr, cap);
        b->cap = cap;
    }
    return true;
}

bool buf_put(StrBuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return true;
}

void buf_putc(StrBuf *b, char c)
{
    buf_put(b, &c, 1);
}

void buf_puts(StrBuf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

void buf_repeat(StrBuf *b, char c, size_t n)
{
    if (n == 0 || !reserve(b, n))
        return;
    memset(b->ptr + b->len, c, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void buf_clear(StrBuf *b)
{
    b->len = 0;
    b->over = false;
    if (b->ptr)
        b->ptr[0] = '\0';
}

void buf_free(StrBuf *b)
{
    if (!b->arena)
        free(b->ptr);
    buf_init(b, b->arena, b->limit);
}
