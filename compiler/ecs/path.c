// path.c - the paths of members for messages ("containerDefinitions[2].image",
// "environment[\"PORT\"]"). Validation and lowering build one for every
// member they visit, so they are joined with memcpy: printf's format parsing
// cost more than all the checks together.
#include "ecs/ecs_impl.h"

#include <string.h>

// `a` then `b` then `c` then `d`, NUL-terminated, in the arena.
static const char *join4(Arena *ar, const char *a, const char *b, const char *c, const char *d)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c), ld = strlen(d);
    char *out = arena_alloc(ar, la + lb + lc + ld + 1);
    memcpy(out, a, la);
    memcpy(out + la, b, lb);
    memcpy(out + la + lb, c, lc);
    memcpy(out + la + lb + lc, d, ld + 1);
    return out;
}

const char *ecs_path_member(Arena *a, const char *path, const char *name)
{
    return join4(a, path, ".", name, "");
}

const char *ecs_path_index(Arena *a, const char *path, uint32_t i)
{
    char digits[16];
    char *p = digits + sizeof digits;
    *--p = '\0';
    do {
        *--p = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    return join4(a, path, "[", p, "]");
}

const char *ecs_path_key(Arena *a, const char *path, const char *key)
{
    return join4(a, path, "[\"", key, "\"]");
}
