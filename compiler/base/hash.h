// hash.h - FNV-1a, the one string hash of hclc's open-addressing tables
// (object keys, attribute and module names, YAML anchors, regex and value
// caches). Tables probe linearly and compare keys, so the hash only spreads.
#ifndef HCLC_HASH_H
#define HCLC_HASH_H

#include <stddef.h>
#include <stdint.h>

// Returns the 32-bit FNV-1a hash of the `len` bytes at `s`.
static inline uint32_t hash_fnv32(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

// Returns the 64-bit FNV-1a hash of the `len` bytes at `s`.
static inline uint64_t hash_fnv64(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

#endif
