// arena.c - bump allocator; see arena.h for the contract.
#include "base/arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Eight bytes suit every type hclc allocates (pointers, doubles, uint64_t);
// max_align_t's 16 would add up to 8 bytes to each of millions of nodes.
#define ARENA_ALIGN 8
#define ARENA_CHUNK (1024 * 1024) // large enough that malloc maps fresh, zeroed pages

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, cap;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct ArenaOwned {
    ArenaOwned *next;
    void *block;
};

void arena_out_of_memory(const char *what)
{
    if (what)
        fprintf(stderr, "hclc: error: out of memory (%s)\n", what);
    else
        fputs("hclc: error: out of memory\n", stderr);
    exit(3);
}

static _Noreturn void out_of_memory(size_t size)
{
    char what[64];
    snprintf(what, sizeof what, "allocating %zu bytes", size);
    arena_out_of_memory(what);
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

// The bytes of the current chunk in use: `cur` keeps the count while
// arena_alloc bumps inline; head_save writes it back to the chunk before
// the chunk list is read or changed, head_load takes it up again after.
static void head_save(Arena *a)
{
    if (a->cur)
        a->head->used = (size_t)(a->cur - a->head->data);
}

static void head_load(Arena *a)
{
    a->cur = a->end = NULL;
#ifndef HCLC_ARENA_DEBUG
    if (a->head) {
        a->cur = a->head->data + a->head->used;
        a->end = a->head->data + a->head->cap;
    }
#endif
}

void arena_init(Arena *a)
{
    a->head = NULL;
    a->cur = a->end = NULL;
    a->spare = NULL;
    a->owned = NULL;
    a->total = 0;
    a->budget = 0;
    a->limit = 0;
}

// Frees the chunks from `c` up to (not including) `end`.
static void free_chunks(ArenaChunk *c, const ArenaChunk *end)
{
    while (c != end) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
}

void arena_free(Arena *a)
{
    // The list of adopted blocks lives in the chunks: free the blocks first.
    for (ArenaOwned *o = a->owned; o; o = o->next)
        free(o->block);
    a->owned = NULL;
    free_chunks(a->head, NULL);
    free_chunks(a->spare, NULL);
    a->head = NULL;
    a->spare = NULL;
    a->cur = a->end = NULL;
    a->total = 0;
}

void arena_release(Arena *a, void *p)
{
    for (ArenaOwned *o = a->owned; p && o; o = o->next)
        if (o->block == p) {
            free(p);
            o->block = NULL;
            return;
        }
}

char *arena_join(Arena *a, const char *const *items, size_t n, const char *sep, const char *quote)
{
    size_t ls = strlen(sep), lq = strlen(quote), total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(items[i]) + 2 * lq + (i ? ls : 0);
    char *out = arena_alloc(a, total), *p = out;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            memcpy(p, sep, ls);
            p += ls;
        }
        size_t li = strlen(items[i]);
        memcpy(p, quote, lq);
        memcpy(p + lq, items[i], li);
        memcpy(p + lq + li, quote, lq);
        p += li + 2 * lq;
    }
    *p = '\0';
    return out;
}

void arena_adopt(Arena *a, void *p)
{
    ArenaOwned *o = arena_alloc(a, sizeof(ArenaOwned));
    o->block = p;
    o->next = a->owned;
    a->owned = o;
}

// Chunks come from calloc: fresh memory is already zero (large chunks are
// fresh pages from the kernel), and a bump allocator never hands out the
// same bytes twice, so allocations need no memset of their own.
static void *xcalloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

static ArenaChunk *new_chunk(Arena *a, size_t cap)
{
    if (cap > SIZE_MAX - sizeof(ArenaChunk))
        out_of_memory(cap);
    ArenaChunk *c = a->spare;
    if (c && c->cap == cap)
        a->spare = c->next; // zeroed by arena_reset
    else
        c = xcalloc(sizeof(ArenaChunk) + cap);
    c->used = 0;
    c->cap = cap;
    c->next = a->head;
    a->head = c;
    return c;
}

static void over_limit(const Arena *a)
{
    fprintf(stderr,
            "hclc: error: the compilation needs more than %zu MiB of memory (the --max-memory "
            "limit)\n",
            a->limit >> 20);
    exit(3);
}

void arena_count(Arena *a, size_t size)
{
    a->total += size;
    if (a->limit && a->total > a->limit)
        over_limit(a);
}

void arena_uncount(Arena *a, size_t size)
{
    a->total -= size < a->total ? size : a->total;
}

// Allocates from the chunk list (head->used up to date).
static void *bump(Arena *a, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size)
        out_of_memory(size);
    a->total += need;
    if (a->limit && a->total > a->limit)
        over_limit(a);
#ifdef HCLC_ARENA_DEBUG
    ArenaChunk *c = new_chunk(a, need);
    c->used = need;
    return c->data;
#else
    ArenaChunk *c = a->head;
    if (!c || c->cap - c->used < need) {
        if (need > ARENA_CHUNK / 4) {
            // A large object gets a chunk of its own, kept behind the
            // current one so the current chunk's free space is not lost.
            ArenaChunk *big = xcalloc(sizeof(ArenaChunk) + need);
            big->used = big->cap = need;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                big->next = NULL;
                a->head = big;
            }
            return big->data;
        }
        c = new_chunk(a, ARENA_CHUNK);
    }
    void *p = c->data + c->used;
    c->used += need;
    return p;
#endif
}

void *arena_alloc_slow(Arena *a, size_t size)
{
    head_save(a);
    void *p = bump(a, size);
    head_load(a);
    return p;
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

ArenaLoan arena_lend(Arena *sub, const Arena *a)
{
    ArenaLoan loan = {sub->total, a->total};
    sub->total = a->total;
    sub->limit = a->limit;
    return loan;
}

void arena_settle(Arena *sub, Arena *a, ArenaLoan loan)
{
    size_t taken = sub->total - loan.start;
    sub->total = loan.own + taken;
    sub->limit = 0;
    arena_count(a, taken);
}

ArenaMark arena_mark(const Arena *a)
{
    size_t used = a->cur ? (size_t)(a->cur - a->head->data) : a->head ? a->head->used : 0;
    ArenaMark m = {a->head, a->head ? a->head->next : NULL, used, a->owned, a->total};
    return m;
}

// Keeps a standard chunk for reuse, its used bytes zeroed again (the
// contract of arena_alloc); frees any other (and every one of
// HCLC_ARENA_DEBUG, so that AddressSanitizer sees a use after the reset).
static void keep_spare(Arena *a, ArenaChunk *c)
{
    bool debug = false;
#ifdef HCLC_ARENA_DEBUG
    debug = true;
#endif
    if (c->cap != ARENA_CHUNK || debug) {
        free(c);
        return;
    }
    memset(c->data, 0, c->used);
    c->next = a->spare;
    a->spare = c;
}

void arena_reset(Arena *a, ArenaMark m)
{
    head_save(a);
    for (ArenaOwned *o = a->owned; o != m.owned; o = o->next)
        free(o->block); // the list lives in the chunks: before they go
    a->owned = m.owned;
    // Chunks newer than m.head; then those a large allocation put behind
    // m.head since (arena_alloc keeps them behind the current chunk).
    while (a->head != m.head) {
        ArenaChunk *next = a->head->next;
        keep_spare(a, a->head);
        a->head = next;
    }
    if (m.head) {
        free_chunks(m.head->next, m.next);
        m.head->next = m.next;
        memset(m.head->data + m.used, 0, m.head->used - m.used);
        m.head->used = m.used;
    }
    head_load(a);
    a->total = m.total < a->total ? m.total : a->total;
}
