// check_impl.h - what check_schema.c and check_members.c share; not a
// contract. The Checker of one walk over a value and its schema shape.
#ifndef HCLC_CHECK_IMPL_H
#define HCLC_CHECK_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ecs/ecs_impl.h"

typedef struct PatternCache PatternCache;

typedef struct Checker {
    EcsCtx *c;
    const char *root;       // how messages name the object at path "": "the task definition"
    PatternCache *patterns; // check_schema.c's, compiled once per process
} Checker;

// The path of the value being checked, in API spelling, kept as a chain
// from the root and written out only for a message (check_schema.c's
// ecs_path_text): building a string for every member cost more than the
// checks. The root holds a whole path ("" or "containerDefinitions[2]").
typedef struct Path {
    const struct Path *up; // NULL at the root
    const char *name;      // the member, or the root's text; NULL for an item
    uint32_t index;        // the item's index in a list
} Path;

// How messages name the object at `path`.
static inline const char *where(const Checker *k, const char *path)
{
    return *path ? path : k->root;
}

// botocore's name for the object at `path` in its messages.
static inline const char *aws_where(const char *path)
{
    return *path ? path : "input";
}

// The first bytes first: the walk asks this of every object it meets.
static inline bool is_shape(const SchemaShape *s, const char *name)
{
    return s->name[0] == name[0] && strcmp(s->name, name) == 0;
}

// The `n` values joined with ", ", a prefix ("apparmor:") followed by "..."
// (check_schema.c).
const char *ecs_join_values(Checker *k, const char *const *vals, uint32_t n);

// The member of `shape` spelled `name` (`len` bytes) as the ECS API spells
// it, or NULL (check_members.c, as the three below).
const SchemaMember *ecs_find_api(const SchemaShape *shape, const char *name, size_t len);
// Reports member `key` (value `v`), which `shape` does not have, at `path`.
void ecs_report_unknown(Checker *k, Value *v, const SchemaShape *shape, const char *key,
                        const char *path);
// Warns about read-only member `key` of describe-task-definition output.
void ecs_note_read_only(Checker *k, Value *v, const char *key);
// Reports required member `m` of `shape` missing from `obj` at `path`.
void ecs_report_missing(Checker *k, Value *obj, const SchemaShape *shape, const SchemaMember *m,
                        const char *path);

#endif
