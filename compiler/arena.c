// arena.c - bump allocator; see arena.h for the contract.
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_CHUNK (64 * 1024)

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, cap;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

static void out_of_memory(size_t size)
{
    fprintf(stderr, "hclc: error: out of memory (allocating %zu bytes)\n", size);
    exit(3);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory(size);
    return q;
}

void arena_init(Arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}

static ArenaChunk *new_chunk(Arena *a, size_t cap)
{
    if (cap > SIZE_MAX - sizeof(ArenaChunk))
        out_of_memory(cap);
    ArenaChunk *c = xmalloc(sizeof(ArenaChunk) + cap);
    c->used = 0;
    c->cap = cap;
    c->next = a->head;
    a->head = c;
    return c;
}

void *arena_alloc(Arena *a, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size)
        out_of_memory(size);
    a->total += need;
#ifdef HCLC_ARENA_DEBUG
    ArenaChunk *c = new_chunk(a, need);
    c->used = need;
    memset(c->data, 0, need);
    return c->data;
#else
    ArenaChunk *c = a->head;
    if (!c || c->cap - c->used < need) {
        if (need > ARENA_CHUNK / 4) {
            // A large object gets a chunk of its own, kept behind the
            // current one so the current chunk's free space is not lost.
            ArenaChunk *big = xmalloc(sizeof(ArenaChunk) + need);
            big->used = big->cap = need;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                big->next = NULL;
                a->head = big;
            }
            memset(big->data, 0, need);
            return big->data;
        }
        c = new_chunk(a, ARENA_CHUNK);
    }
    void *p = c->data + c->used;
    c->used += need;
    memset(p, 0, need);
    return p;
#endif
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void *arena_grow(Arena *a, void *old, size_t count, size_t new_cap, size_t elem)
{
    if (new_cap && elem > SIZE_MAX / new_cap)
        out_of_memory(SIZE_MAX);
    void *p = arena_alloc(a, new_cap * elem);
    if (count)
        memcpy(p, old, count * elem);
    return p;
}
