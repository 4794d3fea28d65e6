// cjson_pool.c - a bump allocator behind cJSON's hooks; see cjson_pool.h.
//
// Built with HCLC_ARENA_DEBUG (make sanitize) the pool is not installed:
// cJSON keeps malloc, so AddressSanitizer sees every node on its own.
#include "emit/cjson_pool.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/arena.h"

#define POOL_CHUNK (256 * 1024) // bytes of one chunk
#define POOL_LARGE 4096         // allocations from this size on go to the heap
#define POOL_ALIGN 8            // cJSON nodes hold pointers, a double and ints

typedef struct PoolChunk PoolChunk;
struct PoolChunk {
    PoolChunk *next;
    size_t used;
    _Alignas(POOL_ALIGN) unsigned char data[POOL_CHUNK];
};

static PoolChunk *chunks; // newest first; the last one is kept between trees
static bool installed;

#ifndef HCLC_ARENA_DEBUG
static void *pool_alloc(size_t size)
{
    if (size >= POOL_LARGE)
        return malloc(size);
    size_t need = (size + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
    if (!chunks || POOL_CHUNK - chunks->used < need) {
        PoolChunk *c = malloc(sizeof *c);
        if (!c)
            return NULL; // cJSON reports it; the emitter turns it into exit 3
        c->next = chunks;
        c->used = 0;
        chunks = c;
    }
    void *p = chunks->data + chunks->used;
    chunks->used += need;
    return p;
}

static void pool_free(void *p)
{
    if (p && !cjson_pool_owns(p))
        free(p);
}
#endif

bool cjson_pool_owns(const void *p)
{
    uintptr_t at = (uintptr_t)p;
    for (const PoolChunk *c = chunks; c; c = c->next)
        if (at >= (uintptr_t)c->data && at < (uintptr_t)c->data + POOL_CHUNK)
            return true;
    return false;
}

void cjson_pool_begin(void)
{
#ifndef HCLC_ARENA_DEBUG
    cJSON_Hooks hooks = {.malloc_fn = pool_alloc, .free_fn = pool_free};
    cJSON_InitHooks(&hooks);
    installed = true;
#endif
}

void cjson_pool_end(cJSON *root)
{
    if (!installed) {
        cJSON_Delete(root);
        return;
    }
    while (chunks && chunks->next) {
        PoolChunk *next = chunks->next;
        free(chunks);
        chunks = next;
    }
    if (chunks)
        chunks->used = 0;
    cJSON_InitHooks(NULL);
    installed = false;
}
