// ecs_impl.h - what the files of compiler/ecs/ share; not a public contract.
#ifndef HCLC_ECS_IMPL_H
#define HCLC_ECS_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ecs/ecs.h"
#include "ecs/schema.h"
#include "ecs/schema_slots.h"

typedef struct EcsCtx {
    Arena *arena;
    Diags *diags;
    const EcsOptions *opt;
    EcsForm form;
    bool failed;     // an error (or a warning under strict) was reported
    size_t promoted; // warnings reported as errors under strict
} EcsCtx;

// Reports rule `code` about value `v`: the subject is v->site when set,
// else v->origin; when the value was written somewhere else than its site
// (through a variable, local, workspace, var file or template), a located
// note says where. `warning` rules become errors under opt->strict.
// Returns the diagnostic so callers can add help lines.
Diag *ecs_report(EcsCtx *c, DiagCode code, bool warning, const Value *v, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// The first template placeholder in string `v` (placeholder.c), quoted for
// a message ("\"${IMAGE}\""), or NULL: none, not a string, or sensitive.
const char *ecs_placeholder(Arena *a, const Value *v);

// Member `name` (API spelling, `len` bytes) of object `obj`, or NULL when
// absent or when obj is not an object.
Value *ecs_get_len(const Value *obj, const char *name, size_t len);
// The same for a NUL-terminated name. Inline: the rules look members up by
// literal names about a thousand times per task definition, and the
// compiler then knows the length.
static inline Value *ecs_get(const Value *obj, const char *name)
{
    return ecs_get_len(obj, name, strlen(name));
}
// True when `v` is a CloudFormation intrinsic (VALF_INTRINSIC): a value of
// the right type whose content is unknown, which the checks skip.
static inline bool ecs_unknown(const Value *v)
{
    return v && (v->flags & VALF_INTRINSIC) != 0;
}
// The members of object `obj` by position in `shape` (ecs/schema_slots.h
// names them): shape->count values, NULL where obj lacks the member (keys
// the shape does not have are left out). One pass over obj's keys, for the
// rules that read many members of one object. All NULL when obj is NULL or
// not an object.
Value **ecs_members(Arena *a, const Value *obj, const SchemaShape *shape);
// The string of `v` when it is a string, else NULL.
const char *ecs_str(const Value *v);
// True and *out set when `v` is a number that is an integer.
bool ecs_int(const Value *v, int64_t *out);
// Reads a task size (ecs/size.c): "1024", or a decimal number, optional
// spaces and `unit` in any case ("1 vCPU", ".25vcpu", "2 GB" with unit "gb").
// *out gets CPU units or MiB (times 1024 with the unit); false when `s` is
// none of these, has more than 9 integer or 6 fraction digits, or gives no
// whole number of units.
bool ecs_parse_size(const char *s, const char *unit, int64_t *out);
// For a task size that ecs_parse_size refuses, what to write instead,
// computed from what was written ("2048 MiB": write "2048" (MiB) or "2 GB";
// "1.5 cores": write "1536" (CPU units)); NULL when nothing was recognised.
const char *ecs_size_hint(Arena *a, const char *s, bool memory);
// What a task size must be, for the message "task memory X is not ...":
// "a number of MiB or GB", or "a whole number of MiB" when `hint` (of
// ecs_size_hint, or NULL) says the size was read but is not whole.
const char *ecs_size_wanted(const char *hint, bool memory);

// Paths for messages (ecs/path.c), built with memcpy rather than printf: a
// walk makes one for every member it visits. "PATH.NAME" ...
const char *ecs_path_member(Arena *a, const char *path, const char *name);
// ... "PATH[I]" ...
const char *ecs_path_index(Arena *a, const char *path, uint32_t i);
// ... and "PATH[\"KEY\"]".
const char *ecs_path_key(Arena *a, const char *path, const char *key);

// Generic checks driven by the schema tables: unknown members (with a
// "did you mean"), JSON types, enums, required members, patterns, ranges,
// list lengths; for `shape`'s members, recursively.
void ecs_check_schema(EcsCtx *c, Value *obj, const SchemaShape *shape);
// The same on an object found at `path` (API spelling, as AWS writes it:
// "containerDefinitions[2]"), which prefixes the paths in messages.
void ecs_check_schema_at(EcsCtx *c, Value *obj, const SchemaShape *shape, const char *path);
// The cross-member ECS rules (sizes, Fargate, network modes, references
// between containers and volumes, value formats, warnings) on a
// request-form task definition.
void ecs_check_rules(EcsCtx *c, Value *task);
// The same rules that apply to one container-definitions array alone.
void ecs_check_container_rules(EcsCtx *c, Value *containers);

#endif
