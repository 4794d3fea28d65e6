// lower_impl.h - what lower.c (bodies and blocks) and lower_value.c
// (values, names and their diagnostics) share; not a public contract.
#ifndef HCLC_ECS_LOWER_IMPL_H
#define HCLC_ECS_LOWER_IMPL_H

#include <stdbool.h>

#include "ecs/ecs_impl.h"

typedef struct Lower {
    Eval *ev;
    Arena *a;
    Diags *diags;
    EcsCtx ctx;  // for ecs_report: subject at the site, note at the origin
    bool failed; // an error was reported (or an evaluation failed)
} Lower;

// A path for messages, kept as a chain on the stack from the root through
// the members, items and keys being lowered, and written out
// (lower_path_text) only when a message needs it.
typedef enum LowerPathKind {
    LP_ROOT,   // `text` itself
    LP_CHILD,  // UP.TEXT, or TEXT when UP is "input" (the request)
    LP_MEMBER, // UP.TEXT
    LP_INDEX,  // UP[INDEX]
    LP_KEY,    // UP["TEXT"]
} LowerPathKind;

typedef struct LowerPath {
    const struct LowerPath *up; // NULL at a root
    const char *text;
    uint32_t index;
    LowerPathKind kind;
} LowerPath;

// Where a value sits. `node` is the literal it was written as when that is
// an object or tuple in the task definition itself (then keys and items
// have spans of their own), else NULL.
typedef struct Place {
    Span site;             // the attribute, block or object item holding it
    const Node *node;      // NODE_OBJECT or NODE_TUPLE, or NULL
    const LowerPath *path; // AWS's path: "containerDefinitions[0].portMappings"
    const LowerPath *name; // the member as the user wrote it: "port_mappings"
} Place;

// Member `m` of `shape` with value `v` (as evaluated), converted to the
// API's form; NULL when v is null (null omits a member).
Value *lower_member(Lower *L, const SchemaShape *shape, const SchemaMember *m, Value *v, Place p);
// True for a list of structs (written as repeated blocks or a list).
bool lower_repeated(const SchemaMember *m);

// Reports `key`, which names no member of `shape`, at `at`; with a
// non-NULL `v` (the object holding the key), at v's site with a note at
// its origin. `hide`: the key belongs to a sensitive value; not shown.
// Returns the diagnostic, for more help.
Diag *lower_unknown_member(Lower *L, const SchemaShape *shape, const char *key, bool hide, Span at,
                           const Value *v, const char *where, const char *path);
// Reports `again` setting member m that `first` set already (two
// spellings, an attribute and a block, or two blocks).
void lower_member_twice(Lower *L, const SchemaMember *m, const char *again, bool again_block,
                        Span again_at, const char *first, bool first_block, Span first_at);

// The literal object or tuple behind an expression, or NULL.
const Node *lower_literal(const Node *n);
// AWS's path of member `api` inside `parent` ("input" at the top).
LowerPath lower_child_path(const LowerPath *parent, const char *api);
// The text of path `p`.
const char *lower_path_text(Lower *L, const LowerPath *p);
// "container definition \"web\"" for a shape and an optional name.
const char *lower_describe(Lower *L, const SchemaShape *shape, const char *name);
// The names of shape's members as API names (camel), snake_case names, or
// block names (NULL where none); shape->count entries.
const char **lower_member_names(Lower *L, const SchemaShape *shape, bool camel, bool blocks);
// True when `s` holds an upper-case letter (the user writes API names).
bool lower_is_camel(const char *s);

#endif
