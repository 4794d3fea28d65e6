// cjson_pool.h - memory for the cJSON trees the JSON emitter builds.
//
// cJSON allocates every node with malloc and cJSON_Delete frees them one by
// one: for a large output that is a third of the emitter's work. While a
// pool is installed (cJSON's hooks), small allocations are bumped from
// reused chunks and their frees are no-ops; cjson_pool_end drops the whole
// tree at once. Large allocations (the printed text as it grows) stay on
// the heap, so the finished text can be handed on without a copy.
#ifndef HCLC_CJSON_POOL_H
#define HCLC_CJSON_POOL_H

#include <stdbool.h>

#include <cjson/cJSON.h>

// Installs the pool as cJSON's allocator. Pools do not nest.
void cjson_pool_begin(void);
// True when `p` (from cJSON, allocated while the pool was installed) is
// pool memory, which lives only until cjson_pool_end; false for heap memory,
// which the caller then owns (free()).
bool cjson_pool_owns(const void *p);
// Releases the tree `root` (NULL is fine) and every other pool allocation,
// keeping one chunk for the next tree, and gives cJSON back malloc and free.
// Heap blocks the caller took stay allocated.
void cjson_pool_end(cJSON *root);

#endif
