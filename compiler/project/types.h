// types.h - type constraints of variables (string number bool any list()
// set() map() tuple() object() optional()) and Terraform's conversions.
//
// types_parse reads a constraint written as an expression (`list(string)`,
// `object({ port = number, tls = optional(bool, false) })`); types_convert
// converts a value to it the way Terraform does: numbers and bools become
// strings, numeric strings become numbers, "true"/"false" become bools,
// tuples become lists or sets, objects become maps, missing optional object
// attributes get their default (or null), extra attributes are dropped.
// Conversion failures are returned, not reported: the caller knows which
// variable and which source to name.
#ifndef HCLC_TYPES_H
#define HCLC_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"
#include "syntax/ast.h"

typedef enum TypeKind {
    TY_ANY,
    TY_STRING,
    TY_NUMBER,
    TY_BOOL,
    TY_LIST,   // elem
    TY_SET,    // elem
    TY_MAP,    // elem
    TY_TUPLE,  // elems
    TY_OBJECT, // attrs
} TypeKind;

typedef struct Type Type;

typedef struct TypeAttr {
    const char *name;
    Type *type;
    bool optional;
    Value *default_value; // optional(T, default): the converted default, else NULL
} TypeAttr;

struct Type {
    TypeKind kind;
    Type *elem;      // LIST, SET, MAP
    Type **elems;    // TUPLE
    TypeAttr *attrs; // OBJECT, in the order written
    uint32_t count;  // elems or attrs
};

// Parses a type constraint expression. Reports E_BAD_TYPE at the offending
// part and returns NULL when `n` is not a type. Defaults of optional()
// attributes must be constant expressions (literals, tuples, objects).
Type *types_parse(Arena *a, Diags *diags, const Node *n);

// The constraint as Terraform writes it: "list(string)", "object({port=number})".
const char *types_text(Arena *a, const Type *t);

typedef struct TypeError {
    const Value *at;  // the (innermost) value that could not be converted
    const char *path; // where inside the value: "", "[2]", ".port", "[\"web\"].port"
    const char *what; // "a number is required", "attribute \"port\" is required"
} TypeError;

// Converts `v` to `t`. Returns the converted value (new values keep the
// origin of what they came from), or NULL with *err filled. null converts to
// null for every type. VAL_INVALID is returned as it is.
Value *types_convert(Arena *a, Value *v, const Type *t, TypeError *err);

#endif
