// value.h - immutable values with provenance: null bool number string list object.
//
// Every value remembers `origin`, the span of the source that produced it: a
// literal in a .hcl file, a line of a var file, or the pseudo-file that holds
// an environment variable or a --var flag (inputs add those to the
// SourceSet), so any later error can say where a bad value came from.
// Values live in an Arena and are never changed once handed out; builders
// (value_list_new + items, value_object_put) fill a value before it escapes.
// Objects keep insertion order; a hash index serves lookups only, so output
// order never depends on hashing. VAL_INVALID is a poison value: whoever
// receives it returns it on without a new diagnostic.
#ifndef HCLC_VALUE_H
#define HCLC_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/source.h"

typedef enum ValueKind {
    VAL_INVALID, // an error was already reported; suppresses follow-on errors
    VAL_NULL,
    VAL_BOOL,
    VAL_NUMBER, // a double; integers are exact up to 2^53
    VAL_STRING, // UTF-8, never holds NUL
    VAL_LIST,   // tuple, list or set (sets: unique, in sorted order)
    VAL_OBJECT, // object or map, insertion-ordered
} ValueKind;

enum {
    VALF_SENSITIVE = 1 << 0, // from a sensitive variable: never shown in diagnostics
    VALF_SET = 1 << 1,       // VAL_LIST built by toset()/set(T)
    VALF_MAP = 1 << 2,       // VAL_OBJECT built by tomap()/map(T)
    VALF_TUPLE = 1 << 3,     // VAL_LIST written as a tuple literal [...]
    VALF_INTRINSIC = 1 << 4, // VAL_OBJECT {"Ref": ..} / {"Fn::Sub": ..}: value_new_intrinsic()
    VALF_HOLDS_SENSITIVE = 1 << 5, // an item, deeply, is sensitive (valid once `depth` is set)
    VALF_FLOAT = 1 << 6,           // VAL_NUMBER literal written with a fraction or an exponent
                                   // (80.0, 1e3): JSON readers such as botocore's take it as a
                                   // float, which an integer member refuses
    VALF_HOLDS_INTRINSIC = 1 << 7, // an item, deeply, is an intrinsic (valid once `depth` is set)
};

// The deepest nesting a value may have: lists and objects inside each other
// at most this many levels (a scalar is one level). The emitters allow a
// little more (EMIT_MAX_DEPTH), for the objects that wrap a result.
#define VALUE_MAX_DEPTH 5000

typedef struct Value Value;

typedef struct ValueStr {
    const char *ptr; // NUL-terminated
    uint32_t len;    // bytes, without the NUL
} ValueStr;

struct Value {
    ValueKind kind;
    uint8_t flags;  // VALF_*
    uint16_t depth; // levels of nesting, 1 for a scalar; 0 until value_summarize
                    // sets it (with VALF_HOLDS_SENSITIVE and VALF_HOLDS_INTRINSIC);
                    // saturates at UINT16_MAX
    Span origin;    // where the value was written (span_none() when nowhere)
    Span site;      // ECS lowering: the attribute or block of the task
                    // definition that holds this member (span_none() elsewhere);
                    // validation points there and notes `origin` when it differs
    union {
        bool boolean;
        double number;
        ValueStr str;
        struct {
            Value **items;
            uint32_t count;
            float size; // value_size, once summarized (fills the padding)
        } list;
        struct {
            ValueStr *keys;
            Value **vals;
            uint32_t count, cap;
            uint32_t *index;    // open-addressing hash of key positions + 1 (NULL while small)
            uint32_t index_cap; // slots in index (power of two) or 0
            float size;         // value_size, once summarized (fills the padding)
        } object;
    } as;
};

Value *value_invalid(Arena *a, Span origin);
Value *value_null(Arena *a, Span origin);
Value *value_bool(Arena *a, Span origin, bool b);
Value *value_number(Arena *a, Span origin, double n);
// Copies `len` bytes of `s` (which must hold no NUL).
Value *value_string(Arena *a, Span origin, const char *s, size_t len);
// Uses `s` as it is: it must be NUL-terminated, live as long as the arena,
// and hold no NUL in its first `len` bytes.
Value *value_string_ref(Arena *a, Span origin, const char *s, size_t len);
Value *value_cstring(Arena *a, Span origin, const char *s);
// A list of `count` items, all NULL: the caller fills items[0..count-1]
// before the value escapes.
Value *value_list_new(Arena *a, Span origin, uint32_t count);
// An empty object with room for `cap` members (it grows as needed).
Value *value_object_new(Arena *a, Span origin, uint32_t cap);
// Adds member `key` (copied) to an object under construction. Returns false,
// changing nothing, when the key is already present.
bool value_object_put(Arena *a, Value *obj, const char *key, size_t len, Value *val);
// The same without copying `key`: it must be NUL-terminated at `len` and
// live as long as the value (arena text, a string constant).
bool value_object_put_ref(Arena *a, Value *obj, const char *key, size_t len, Value *val);
// The same without the search for `key`, for a builder that knows its keys
// are distinct (ECS lowering puts each schema member once): a key already
// present would be there twice.
void value_object_append_ref(Arena *a, Value *obj, const char *key, size_t len, Value *val);
// Adds or replaces member `key` (replacing keeps the key's first position).
void value_object_set(Arena *a, Value *obj, const char *key, size_t len, Value *val);
// Returns the member's value or NULL. Works for any object size.
Value *value_object_get(const Value *obj, const char *key, size_t len);
// Returns the position of `key` in obj's member order, or -1.
int64_t value_object_find(const Value *obj, const char *key, size_t len);

// Returns a shallow copy of `v` whose origin is `origin` (items are shared).
Value *value_with_origin(Arena *a, const Value *v, Span origin);
// Returns a copy of `v` with VALF_SENSITIVE set on it and, deeply, on its items.
Value *value_mark_sensitive(Arena *a, const Value *v);
// True when `v` or anything inside it is sensitive. Walks only the items
// not yet summarized, so it costs O(1) on a value value_summarize has seen.
bool value_is_sensitive(const Value *v);
// Computes and keeps `v`'s depth and whether it holds a sensitive item, for
// a value that is complete (its items never change again); returns the
// depth. Items already summarized are not walked again, so summarizing each
// value as it is built costs O(items) in all. The evaluator summarizes
// every result, which keeps this recursion shallow.
uint32_t value_summarize(Value *v);
// The size `v` has when written out, roughly: the bytes of its strings and
// keys plus VALUE_ELEMENT_SIZE for each value inside, however often one
// value is shared (a list of 1,024 references to one 60 MiB string is
// 60 GiB). O(1) once summarized.
#define VALUE_ELEMENT_SIZE 16
double value_size(const Value *v);
// True when `v` or anything inside it is VAL_INVALID.
bool value_has_invalid(const Value *v);

// An intrinsic: the object {KEY: arg} flagged VALF_INTRINSIC, standing for
// a value known only when the output is deployed (CloudFormation's
// {"Ref": ..}, {"Fn::Sub": ..}). Operators and most functions cannot look
// inside one; lowering and output keep it as written.
Value *value_new_intrinsic(Arena *a, Span origin, const char *key, size_t len, Value *arg);
// The first intrinsic in `v` (itself, then its items and members, depth
// first), or NULL. Walks only the items that hold one, or are not yet
// summarized: O(1) on a summarized value that holds none.
const Value *value_find_intrinsic(const Value *v);

// Deep equality as Terraform's ==: kinds must match (number 1 == number 1.0;
// "1" != 1), lists item by item, objects by key set and values (order ignored).
bool value_equal(const Value *a, const Value *b);
// Total order used by sort() and sets: numbers numerically, strings by bytes.
// Only meaningful for two values of the same scalar kind.
int value_compare(const Value *a, const Value *b);

// "string", "number", "bool", "null", "tuple", "list", "set", "object",
// "map", or "invalid": the names Terraform uses in messages.
const char *value_type_name(const Value *v);
// The shortest text that reads back as exactly `n`: integers within 2^53
// without a decimal point ("8080"), others in %.17g-or-shorter form.
// `buf` must hold at least VALUE_NUMBER_BUF bytes; returns buf.
#define VALUE_NUMBER_BUF 40
const char *value_number_text(double n, char *buf);
// The largest integer every smaller one of which a double holds exactly.
#define VALUE_MAX_EXACT_INT 9007199254740992.0 // 2^53
// True when `n` is an integer exactly representable (|n| <= 2^53).
bool value_number_is_int(double n);
// False when the `len` bytes at `s` are a decimal integer (an optional sign
// and digits) whose value a double cannot hold exactly, such as
// 9007199254740993; true for anything else (fractions and exponents round
// as written).
bool value_int_text_exact(const char *s, size_t len);

#endif
