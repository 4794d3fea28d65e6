// funcs.h - the function library of the language (docs/language.md#functions).
//
// Functions take evaluated argument values and return a new value, with
// Terraform's semantics unless noted. A function never prints: on a bad
// argument it appends one diagnostic (pointing at that argument's span, or
// at the call) and returns VAL_INVALID. An argument that is VAL_INVALID
// already makes the function return VAL_INVALID silently (no cascade).
// Special forms that need unevaluated arguments or the evaluator (can, try,
// templatefile) live in eval/ (eval.c, template.c), not here. PCRE2 is used in funcs.c only;
// each distinct pattern is compiled once per FnContext.
#ifndef HCLC_FUNCS_H
#define HCLC_FUNCS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"

typedef struct FnRegexCache FnRegexCache;

// One function of the library: its name, arity and implementation.
typedef struct FnDef FnDef;

typedef struct FnContext {
    Arena *arena; // results and messages
    Diags *diags;
    SourceSet *src;      // files read by file() are added here
    const char *root;    // absolute, symlink-free project root: file access stays inside
    FnRegexCache *regex; // compiled patterns (owned; fn_context_free releases)
} FnContext;

typedef struct FnCall {
    const char *name;
    Span name_span; // the function name at the call
    Span span;      // the whole call expression
    Value **args;
    const Span *arg_spans; // one per argument: where each argument was written
    uint32_t nargs;
    const char *base_dir; // absolute directory of the file holding the call (for file paths)
    const FnDef *def;     // fn_find(name), or NULL: fn_call looks the name up itself
} FnCall;

void fn_context_init(FnContext *ctx, Arena *arena, Diags *diags, SourceSet *src, const char *root);
// Frees the compiled regular expressions; the arena's values stay valid.
void fn_context_free(FnContext *ctx);

// True when `name` is a function of the library (not counting eval's
// special forms).
bool fn_exists(const char *name);
// True when function `name` takes and builds intrinsics (the cfn_*
// functions, funcs_cfn.c): its arguments may hold them. Any other function
// needs known values.
bool fn_takes_intrinsics(const char *name);
// The function `name` of the library, or NULL (the special forms are not
// in it): one search where fn_exists, fn_takes_intrinsics and fn_call
// would each make their own.
const FnDef *fn_find(const char *name);
// fn_takes_intrinsics for a function fn_find returned.
bool fn_def_takes_intrinsics(const FnDef *def);
// Reports that `what` ("operator +", "function upper") cannot use the
// intrinsic `x` (value_find_intrinsic) met at `at`: its value is known only
// when the stack is deployed. A note points at the intrinsic's own origin
// when it lies elsewhere; help says how to build such values.
void fn_report_intrinsic_use(Diags *diags, const Value *x, Span at, const char *what);
// True when `v` is a CloudFormation condition: the intrinsic of cfn_equals,
// cfn_and, cfn_or, cfn_not or cfn_condition (Fn::Equals, ..., Condition).
bool fn_is_condition(const Value *v);
// All function names, sorted, for "did you mean" suggestions.
const char *const *fn_names(size_t *count);
// Calls the function. The caller has checked fn_exists(call->name).
Value *fn_call(FnContext *ctx, const FnCall *call);

// Resolves `path` as file() does: relative to `base_dir`, or an hclc: path
// naming a shipped template; symbolic links resolved; the result must lie
// inside ctx->root (except hclc: templates). Returns the absolute path, or
// NULL after reporting at `span`.
const char *fn_resolve_path(FnContext *ctx, const char *base_dir, const char *path, Span span);
// Reads the file at absolute path `abs` (as resolved above) into ctx->src,
// checking size and UTF-8; returns its index, or -1 after reporting at `span`.
int64_t fn_read_file(FnContext *ctx, const char *abs, Span span);

#endif
