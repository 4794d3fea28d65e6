// multi_impl.h - what import_multi.c (several environments merged into one
// source) shares with multi_items.c (the items present in some of them
// only): the merge's state, its variables, and the walk's helpers.
#ifndef HCLC_IMPORT_MULTI_IMPL_H
#define HCLC_IMPORT_MULTI_IMPL_H

#include "ecs/schema.h"
#include "import/import_impl.h"

typedef struct Var {
    const char *name;
    Value **vals;          // one per workspace; NULL: absent (null)
    const char *used;      // where it is used, for its description
    bool gate;             // true where the items it gates are present, else false
    const SchemaMember *m; // the member whose value it is, or NULL
} Var;

typedef struct Multi {
    Importer *im;
    uint32_t n;            // workspaces
    const char *const *ws; // their names
    Var *vars;
    uint32_t nvars, cap;
    uint32_t *files;        // the files read, one per workspace
    const JsonText **jsons; // their comments (the first: all files' comments), or NULLs
} Multi;

typedef struct Where {
    const char *prefix; // the container's name, or NULL at task level
    const char *hint;   // what the value is: "image", "log_group"
    const SchemaMember *m;
    bool task; // a member of the task itself
} Where;

// --- import_multi.c ---

// The values `vals` (one per workspace, NULL where absent) of type `t` as
// one value: as they are when equal, else merged or a variable.
Value *multi_merge(Multi *M, Value **vals, const SchemaType *t, Where w);
// The variable of kind `gate` that holds `vals` (one already made for
// them, or a new one named after `hint`), noting `site` among its uses.
Var *multi_var_at(Multi *M, Value **vals, const char *hint, const char *prefix, const char *site,
                  bool gate);
// A string holding the expression `text`, which the writer writes as it is.
Value *multi_ref(Multi *M, const char *text);
// The member that identifies the items of a list of structs, or NULL.
const char *multi_item_key(const SchemaMember *m);
// The key member `key` of list item `item` (a string or a number), or NULL.
Value *multi_key_of(const Value *item, const char *key);
const char *multi_key_text(Arena *a, const Value *k);
bool multi_is_containers(const SchemaMember *m);
// The hint for the variable of a map entry (log options, labels): "log_group"
// for awslogs-group, the key without "awslogs-" for the others, else the key.
const char *multi_option_hint(const char *key);
// Where the item of `m` with key `key` is, for the names of its variables.
Where multi_item_where(Multi *M, const SchemaMember *m, Where w, const Value *key);

// --- multi_items.c ---

// The keys of the items of every list in one order that keeps the order of
// each: the first list's, then each key another list adds inserted after
// the key it follows there. False when two lists order the keys they share
// differently, or an item has no key or repeats one.
bool multi_merged_keys(Multi *M, Value **vals, const char *key, Value ***out, uint32_t *count);
// The lists `vals` of member `m`, whose items (in the order of `keys`)
// differ in number: merge() of maps or concat() of lists, the items present
// in some workspaces only behind a bool variable ("var.in_prod ? [...] : []").
Value *multi_merge_gated(Multi *M, Value **vals, const SchemaMember *m, Where w, Value **keys,
                         uint32_t nkeys);
// True when the values present are all lists or all objects, and some are absent.
bool multi_some_composite(const Multi *M, Value **vals);
// A list or an object present in some workspaces only, merged where it is,
// behind a gate elsewhere ("var.in_prod ? {...} : null").
Value *multi_merge_present(Multi *M, Value **vals, const SchemaType *t, Where w);
// A map (log options, labels) of type `t` whose keys differ between the
// workspaces: merge() of its entries in one order, those present in some
// workspaces only behind a bool variable ("var.in_prod ? {...} : {}"), as
// a null entry of a map is an error. NULL when the maps order their keys
// differently.
Value *multi_merge_map(Multi *M, Value **vals, const SchemaType *t, Where w);
// Expression `r` given the place of the value it stands for in the first file.
Value *multi_placed(Multi *M, Value *r, Value **vals);
// The value `v` of member `m` as the source writes it in an attribute:
// members in snake_case, name/value lists as maps.
Value *multi_member_value(Multi *M, const SchemaMember *m, Value *v);

#endif
