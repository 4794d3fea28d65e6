// funcs_impl.h - private to the function library (funcs*.c): the table of
// functions, argument checking and conversion helpers, a string builder,
// UTF-8 and set helpers.
//
// Every builtin is `Value *fn_NAME(FnContext *, const FnCall *)`; fn_call
// has already checked the argument count against the table and that no
// argument is VAL_INVALID. Helpers that check an argument report one
// diagnostic at that argument and return false/NULL; the builtin then
// returns fn_invalid(). Items inside lists that are VAL_INVALID make a
// helper fail silently (the fault was reported where it happened).
#ifndef HCLC_FUNCS_IMPL_H
#define HCLC_FUNCS_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "funcs/funcs.h"

#define FN_VARIADIC 255                     // "no upper bound" in the arity table
#define FN_INTRINSICS 1u                    // flag: takes and builds intrinsics
#define FN_MAX_STRING (64u * 1024u * 1024u) // longest string a function may build
#define FN_MAX_FILE (16u * 1024u * 1024u)   // largest file file() reads
#define FN_RANGE_MAX 1024                   // Terraform's documented cap on range()
#define FN_MAX_DEPTH 512                    // nesting that flatten()/type() follow

// The functions: name, fewest and most arguments, FN_* flags. Kept sorted
// by name (strcmp order): fn_exists() searches it by bisection and
// fn_names() returns it as is.
#define FN_LIST(X)                                                                                 \
    X(abs, 1, 1, 0)                                                                                \
    X(alltrue, 1, 1, 0)                                                                            \
    X(anytrue, 1, 1, 0)                                                                            \
    X(base64decode, 1, 1, 0)                                                                       \
    X(base64encode, 1, 1, 0)                                                                       \
    X(basename, 1, 1, 0)                                                                           \
    X(ceil, 1, 1, 0)                                                                               \
    X(cfn_and, 2, 10, FN_INTRINSICS)                                                               \
    X(cfn_base64, 1, 1, FN_INTRINSICS)                                                             \
    X(cfn_cidr, 3, 3, FN_INTRINSICS)                                                               \
    X(cfn_condition, 1, 1, FN_INTRINSICS)                                                          \
    X(cfn_equals, 2, 2, FN_INTRINSICS)                                                             \
    X(cfn_find_in_map, 3, 3, FN_INTRINSICS)                                                        \
    X(cfn_get_att, 2, 2, FN_INTRINSICS)                                                            \
    X(cfn_get_azs, 1, 1, FN_INTRINSICS)                                                            \
    X(cfn_if, 3, 3, FN_INTRINSICS)                                                                 \
    X(cfn_import_value, 1, 1, FN_INTRINSICS)                                                       \
    X(cfn_join, 2, 2, FN_INTRINSICS)                                                               \
    X(cfn_not, 1, 1, FN_INTRINSICS)                                                                \
    X(cfn_or, 2, 10, FN_INTRINSICS)                                                                \
    X(cfn_ref, 1, 1, FN_INTRINSICS)                                                                \
    X(cfn_select, 2, 2, FN_INTRINSICS)                                                             \
    X(cfn_split, 2, 2, FN_INTRINSICS)                                                              \
    X(cfn_sub, 1, 2, FN_INTRINSICS)                                                                \
    X(chomp, 1, 1, 0)                                                                              \
    X(coalesce, 1, FN_VARIADIC, 0)                                                                 \
    X(coalescelist, 1, FN_VARIADIC, 0)                                                             \
    X(compact, 1, 1, 0)                                                                            \
    X(concat, 1, FN_VARIADIC, 0)                                                                   \
    X(contains, 2, 2, 0)                                                                           \
    X(csvdecode, 1, 1, 0)                                                                          \
    X(dirname, 1, 1, 0)                                                                            \
    X(distinct, 1, 1, 0)                                                                           \
    X(element, 2, 2, 0)                                                                            \
    X(endswith, 2, 2, 0)                                                                           \
    X(env, 1, 2, 0)                                                                                \
    X(file, 1, 1, 0)                                                                               \
    X(fileexists, 1, 1, 0)                                                                         \
    X(flatten, 1, 1, 0)                                                                            \
    X(floor, 1, 1, 0)                                                                              \
    X(format, 1, FN_VARIADIC, 0)                                                                   \
    X(formatlist, 1, FN_VARIADIC, 0)                                                               \
    X(indent, 2, 2, 0)                                                                             \
    X(index, 2, 2, 0)                                                                              \
    X(join, 2, 2, 0)                                                                               \
    X(jsondecode, 1, 1, 0)                                                                         \
    X(jsonencode, 1, 1, 0)                                                                         \
    X(keys, 1, 1, 0)                                                                               \
    X(length, 1, 1, 0)                                                                             \
    X(lookup, 2, 3, 0)                                                                             \
    X(lower, 1, 1, 0)                                                                              \
    X(max, 1, FN_VARIADIC, 0)                                                                      \
    X(merge, 0, FN_VARIADIC, 0)                                                                    \
    X(min, 1, FN_VARIADIC, 0)                                                                      \
    X(one, 1, 1, 0)                                                                                \
    X(parseint, 2, 2, 0)                                                                           \
    X(range, 1, 3, 0)                                                                              \
    X(regex, 2, 2, 0)                                                                              \
    X(regexall, 2, 2, 0)                                                                           \
    X(replace, 3, 3, 0)                                                                            \
    X(reverse, 1, 1, 0)                                                                            \
    X(setunion, 1, FN_VARIADIC, 0)                                                                 \
    X(signum, 1, 1, 0)                                                                             \
    X(slice, 3, 3, 0)                                                                              \
    X(sort, 1, 1, 0)                                                                               \
    X(split, 2, 2, 0)                                                                              \
    X(startswith, 2, 2, 0)                                                                         \
    X(strlen, 1, 1, 0)                                                                             \
    X(substr, 3, 3, 0)                                                                             \
    X(title, 1, 1, 0)                                                                              \
    X(tobool, 1, 1, 0)                                                                             \
    X(tolist, 1, 1, 0)                                                                             \
    X(tomap, 1, 1, 0)                                                                              \
    X(tonumber, 1, 1, 0)                                                                           \
    X(toset, 1, 1, 0)                                                                              \
    X(tostring, 1, 1, 0)                                                                           \
    X(trim, 2, 2, 0)                                                                               \
    X(trimprefix, 2, 2, 0)                                                                         \
    X(trimspace, 1, 1, 0)                                                                          \
    X(trimsuffix, 2, 2, 0)                                                                         \
    X(type, 1, 1, 0)                                                                               \
    X(upper, 1, 1, 0)                                                                              \
    X(urlencode, 1, 1, 0)                                                                          \
    X(values, 1, 1, 0)                                                                             \
    X(yamldecode, 1, 1, 0)                                                                         \
    X(yamlencode, 1, 1, 0)                                                                         \
    X(zipmap, 2, 2, 0)

#define FN_DECLARE(name, lo, hi, flags) Value *fn_##name(FnContext *ctx, const FnCall *call);
FN_LIST(FN_DECLARE)
#undef FN_DECLARE

// --- results and errors (funcs_args.c) -------------------------------------

// The span of argument `i` (the call's span when unknown).
Span fn_arg_span(const FnCall *call, uint32_t i);
// A VAL_INVALID located at the call, without a diagnostic.
Value *fn_invalid(FnContext *ctx, const FnCall *call);
// Reports `code` at `at` and returns the diagnostic (for notes).
Diag *fn_report(FnContext *ctx, DiagCode code, Span at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// Reports E_FUNC_ARG at argument `i` and returns a VAL_INVALID.
Value *fn_arg_error(FnContext *ctx, const FnCall *call, uint32_t i, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// New values located at the call.
Value *fn_new_string(FnContext *ctx, const FnCall *call, const char *s, size_t len);
Value *fn_new_number(FnContext *ctx, const FnCall *call, double n);
Value *fn_new_bool(FnContext *ctx, const FnCall *call, bool b);
Value *fn_new_list(FnContext *ctx, const FnCall *call, uint32_t count, uint8_t flags);
// A short rendering of a scalar for messages: "\"abc\"", "42", "true";
// "(sensitive value)" when `v` is sensitive; long strings are cut.
const char *fn_show(FnContext *ctx, const Value *v);

// --- conversions (no diagnostics) ------------------------------------------

typedef enum FnConv {
    CONV_OK,
    CONV_NULL,    // the value is null
    CONV_BAD,     // the value has a kind or text that does not convert
    CONV_INVALID, // the value is VAL_INVALID (already reported)
} FnConv;

// Strings as they are, numbers in their shortest exact form, bools as
// "true"/"false" (Terraform's automatic conversions).
FnConv fn_to_string(Arena *a, const Value *v, ValueStr *out);
// Numbers, and strings in decimal notation ("8080", "-1.5e3").
FnConv fn_to_number(const Value *v, double *out);
// Bools, and the strings "true" and "false".
FnConv fn_to_bool(const Value *v, bool *out);
// Parses a whole string in decimal notation (no spaces, hex, inf or nan).
bool fn_parse_number(const char *s, size_t len, double *out);

// --- argument checks (report at the argument on failure) -------------------

bool fn_arg_string(FnContext *ctx, const FnCall *call, uint32_t i, ValueStr *out);
bool fn_arg_number(FnContext *ctx, const FnCall *call, uint32_t i, double *out);
// A whole number within ±2^53.
bool fn_arg_int(FnContext *ctx, const FnCall *call, uint32_t i, int64_t *out);
bool fn_arg_bool(FnContext *ctx, const FnCall *call, uint32_t i, bool *out);
// A list, tuple or (when allow_set) set.
const Value *fn_arg_seq(FnContext *ctx, const FnCall *call, uint32_t i, bool allow_set);
// An object or map.
const Value *fn_arg_object(FnContext *ctx, const FnCall *call, uint32_t i);
// A list, tuple or set whose items all convert to strings (nulls refused
// unless allow_null; a null item then yields ptr == NULL).
bool fn_arg_strings(FnContext *ctx, const FnCall *call, uint32_t i, bool allow_null,
                    ValueStr **items, uint32_t *count);

// --- string building -------------------------------------------------------

// Functions build strings in a StrBuf (base/buf.h) with the limit
// FN_MAX_STRING: buf_init(&b, ctx->arena, FN_MAX_STRING).
// The text as a string value at the call, or E_FUNC_LIMIT when it overflowed.
Value *fn_buf_value(FnContext *ctx, const FnCall *call, StrBuf *b);

// Substring search in linear time (Knuth-Morris-Pratt), so that replace()
// and split() stay linear whatever the text.
typedef struct FnFinder {
    const char *pat;
    size_t len;     // > 0
    uint32_t *fail; // failure table, in the arena
} FnFinder;

void fn_finder_init(FnFinder *f, Arena *a, const char *pat, size_t len);
// The offset of the first occurrence in s[from..len), or SIZE_MAX.
size_t fn_finder_next(const FnFinder *f, const char *s, size_t len, size_t from);

// --- characters (UTF-8 itself is base/utf8.h) --------------------------------

// Unicode white space (Go's unicode.IsSpace, which Terraform uses).
bool fn_is_space(uint32_t cp);

// --- collections -----------------------------------------------------------

// A hash consistent with value_equal.
uint64_t fn_value_hash(const Value *v);
// Terraform's element type unification for the items of argument `i`:
// when non-null items mix strings, numbers and bools, all become strings;
// scalars mixed with collections, or lists with objects, are an error.
// Works in place on `items`.
bool fn_unify(FnContext *ctx, const FnCall *call, uint32_t i, Value **items, uint32_t n);
// Copies the items to `out` (room for n) without repeats (value_equal),
// keeping first occurrences in order, in linear time; returns how many.
uint32_t fn_dedupe(FnContext *ctx, Value *const *items, uint32_t n, Value **out);
// A set (VALF_SET) of the distinct items, sorted when they are all strings,
// all numbers or all bools, else in first-seen order.
Value *fn_make_set(FnContext *ctx, const FnCall *call, Value **items, uint32_t n);

// --- case mapping (funcs_case.c) -------------------------------------------

typedef enum FnCase {
    FN_UPPER,
    FN_LOWER,
    FN_TITLE,
} FnCase;

// The code point `cp` in another case (Unicode simple case mapping, as
// Go's unicode.ToUpper/ToLower/ToTitle), or `cp` itself.
uint32_t fn_case_rune(uint32_t cp, FnCase to);
// Appends `s` with every character mapped to case `to`.
void fn_case_map(StrBuf *out, const char *s, size_t len, FnCase to);
// Appends the UTF-8 encoding of `cp`.
void fn_utf8_put(StrBuf *out, uint32_t cp);

#endif
