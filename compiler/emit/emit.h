// emit.h - value trees to output text: JSON through cJSON, YAML through
// libyaml's emitter, .tfvars by hand (emit/tfvars.c). Every value hclc
// writes as JSON, YAML or .tfvars goes through here; the one other writer is
// diag.c's JSON renderer of diagnostics (cJSON too).
//
// Objects are written in member order (insertion order), so output never
// depends on hashing. Integers within 2^53 print without a decimal point.
// VAL_INVALID must not reach an emitter (callers stop at errors first).
#ifndef HCLC_EMIT_H
#define HCLC_EMIT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/value.h"

typedef enum EmitJsonStyle {
    EMIT_JSON_COMPACT, // no white space at all: jsonencode()
    EMIT_JSON_PRETTY,  // cJSON's formatted output (tabs), ending with "\n": files and stdout
} EmitJsonStyle;

// Returns `v` as JSON text in the arena (NUL-terminated; *len gets its
// length when len is not NULL). Returns NULL only when cJSON runs out of
// memory: cJSON allocates with malloc, not xmalloc, so the caller decides.
char *emit_json(Arena *a, const Value *v, EmitJsonStyle style, size_t *len);
// The same text on the heap (malloc'd: the caller frees or adopts it), so
// that it can outlive an arena_reset that releases `v`.
char *emit_json_heap(const Value *v, EmitJsonStyle style, size_t *len);
// The length of emit_json(v, EMIT_JSON_COMPACT) without building it: the
// same escapes, counted (ECS's 64 KiB limit on a task definition is checked
// with it for every one built).
size_t emit_json_compact_length(const Value *v);
// At least emit_json_compact_length(v), without reading the strings (each
// byte counted as the six of an escape): when it is within a limit, the
// exact length is too.
size_t emit_json_compact_bound(const Value *v);

// Returns `v` as a YAML document in block style, ending with "\n", without
// "---" or "..." markers. Strings that a YAML 1.1 or 1.2 reader would take
// for something else (yes, no, on, off, null, ~, 0123, 1e3, 0x1F, .inf,
// leading indicators, ": ", "", leading/trailing space) are double-quoted;
// numbers, bools and null are plain. Multi-line strings use literal style
// (|) when that reads back exactly, else double quotes.
char *emit_yaml(Arena *a, const Value *v, size_t *len);

// True when the plain YAML scalar `s` would be read by a YAML 1.1 or 1.2
// reader as something other than the string `s` (shared by the emitter and
// the YAML reader's typing).
bool emit_yaml_needs_quotes(const char *s, size_t len);

// One variable for the tfvars emitters.
typedef struct EmitVar {
    const char *name;
    Value *value; // NULL: a sensitive variable left out
} EmitVar;

// Returns the variables as a Terraform .tfvars file (NUL-terminated, in the
// arena; *len gets its length when len is not NULL): `name = value` lines
// in bytewise name order, a "# NAME is sensitive: left out" comment for
// each NULL value. Strings are escaped so that Terraform and hclc's
// --var-file both read back the same string: \\ \" \n \r \t, other control
// characters and a '$' or '%' before '{' or '<' as \uNNNN. Lists print as
// [a, b] (one item a line when an item is a non-empty collection), objects
// as { key = value } on several lines in member order, indented two spaces
// per level, keys bare when they are identifiers and not keywords.
char *emit_tfvars(Arena *a, const EmitVar *vars, uint32_t n, size_t *len);
// The same variables as one JSON object (emit_json, pretty) in name order;
// NULL values are left out.
char *emit_tfvars_json(Arena *a, const EmitVar *vars, uint32_t n, size_t *len);

#endif
