// rules_impl.h - what the rule files of compiler/ecs/ share (rules_*.c).
//
// The rules run on a Rules record that says what the task definition around
// the containers is: network mode, launch compatibilities, operating system
// and task size. A bare container-definitions array has no task, so the
// rules that need one (network mode, Fargate, volumes, task size) skip,
// unless the command line gave those task members (EcsOptions.facts): then
// the rules about the members given run, and an absent one stays unknown.
// Every rule skips a value of the wrong type: the schema check reports it.
#ifndef HCLC_ECS_RULES_IMPL_H
#define HCLC_ECS_RULES_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "ecs/ecs_impl.h"

typedef enum NetMode {
    NET_UNKNOWN, // no task (container list) or an invalid networkMode
    NET_BRIDGE,  // also when networkMode is omitted
    NET_HOST,
    NET_AWSVPC,
    NET_NONE,
} NetMode;

typedef struct Rules {
    EcsCtx *c;
    Value *task;          // the request object, or NULL for a bare container list
    Value **task_members; // its members by slot (TASK_DEFINITION_*), all NULL without one
    Value *containers;    // the container-definitions list, or NULL
    Value ***members;     // per container, its members by slot (CONTAINER_DEFINITION_*),
                          // NULL for an item that is not an object
    const Value *facts;   // where task members are read: the task, the facts given
                          // for a container list, or NULL
    bool partial;         // facts are partial: an absent member is unknown, not omitted
    NetMode net;          // the task's network mode
    bool fargate;         // requiresCompatibilities holds FARGATE
    bool managed;         // requiresCompatibilities holds MANAGED_INSTANCES
    Value *fargate_item;  // the "FARGATE" item, where Fargate-wide faults point
    bool windows;         // runtimePlatform.operatingSystemFamily is WINDOWS_*
    bool has_task_memory; // the task has a memory member (of any type), or may have
                          // one (partial facts)
    bool cpu_ok, mem_ok;  // task cpu / memory parsed into task_cpu / task_mem
    int64_t task_cpu;     // CPU units
    int64_t task_mem;     // MiB
} Rules;

// --- rules_util.c: helpers ---------------------------------------------------

// Classifies the members of the task and of every container once
// (ecs_members), before the rules read them by slot.
void rules_classify(Rules *r);
// Member `slot` of container i, or NULL when absent or when the item is not
// an object. The rules read a container's members thousands of times per
// run: by slot, no name is compared.
static inline Value *rules_get(const Rules *r, uint32_t i, ContainerDefinitionSlot slot)
{
    return r->members[i] ? r->members[i][slot] : NULL;
}
// Member `slot` of the task, or NULL (absent, or no task).
static inline Value *rules_task_get(const Rules *r, TaskDefinitionSlot slot)
{
    return r->task_members[slot];
}

// Container i of the list when it is an object, else NULL.
Value *rules_container(const Rules *r, uint32_t i);
// Number of items of the container list (0 without one).
uint32_t rules_ncontainers(const Rules *r);
// The name of container `ctr` when it is a non-empty string, else NULL.
const char *rules_name(const Value *ctr);
// `container "web"` (or `container 2` when it has no usable name), for messages.
const char *rules_cname(const Rules *r, uint32_t i);
// A string value quoted for a message ("(sensitive)" for sensitive values,
// long or odd text shortened and escaped).
const char *rules_show(const Rules *r, const Value *v);
// The integer `n` read from `v` for a message, or "(sensitive)" when `v` is.
const char *rules_int(const Rules *r, const Value *v, int64_t n);
// Adds the note quoting AWS's own error text.
void rules_aws(const Rules *r, Diag *g, const char *text);
// True when `v` is of `kind` and set to something that counts: true for
// bools, a non-empty list, any string, number or object.
bool rules_is_set(const Value *v, ValueKind kind);
// The item count of `v` when it is a list, else 0.
uint32_t rules_count(const Value *v);
// Item i of list `v` (no bounds check beyond rules_count).
Value *rules_item(const Value *v, uint32_t i);
// For strings names[0..n-1] (NULL entries are skipped), returns first[i] =
// the index of the earliest entry equal to names[i] (i itself when none).
uint32_t *rules_first_same(Arena *a, const char *const *names, uint32_t n);
// Index of the container named `name`, or -1.
int64_t rules_find_container(const Rules *r, const char *name);
// The names of all containers (NULL for unnamed ones), and their count.
const char **rules_container_names(const Rules *r, uint32_t *n);
// True when `s` starts with `prefix`.
bool rules_starts(const char *s, const char *prefix);
// ASCII case-insensitive equality.
bool rules_ieq(const char *a, const char *b);
// Case-insensitive search of the `n` needles in `s`: true when one is there.
bool rules_icontains_any(const char *s, const char *const *needles, size_t n);

// ARN pieces: "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE".
typedef struct Arn {
    const char *partition, *service, *region, *account, *resource; // NUL-terminated copies
} Arn;
// Splits `s` into an Arn (copies in the arena); false when it is not
// "arn:" and five ':'-separated fields with an aws partition.
bool rules_arn(Arena *a, const char *s, Arn *out);
// True for a 12-digit account id.
bool rules_account(const char *s);
// True for a region name such as us-east-1 (letters, digits, '-').
bool rules_region(const char *s);

// --- the rule groups -----------------------------------------------------------

// rules_task.c: task size, Fargate at task level, network mode, roles,
// placement constraints, serialized size.
void rules_task(Rules *r);
// rules_container.c: the rules about one container alone.
void rules_container_each(Rules *r, uint32_t i);
// True when container member `member`, if set, is reported as not supported
// (Windows, Fargate or the network mode), so other rules leave it alone.
bool rules_unsupported(const Rules *r, const char *member);
// rules_refs.c: names and references between containers (and volumes).
void rules_refs(Rules *r);
// rules_values.c: value formats of one container (ARNs, log options, user,
// hosts, health check, warnings about secrets and image tags).
void rules_values(Rules *r, uint32_t i);
// Checks that string `v` references a secret of the kinds given as letters:
// 's' Secrets Manager secret ARN, 'p' SSM parameter ARN, 'n' SSM parameter
// name, 'm' Secrets Manager secret name. Reports `code` about `what` and
// returns false when it does not (true for non-strings).
bool rules_check_secret_ref(Rules *r, Value *v, const char *kinds, DiagCode code, const char *what);
// rules_volumes.c: the task's volumes.
void rules_volumes(Rules *r);

#endif
