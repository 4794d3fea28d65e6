// eval_impl.h - what eval.c, eval_collections.c, eval_ops.c, eval_vars.c and template.c share;
// not part of the evaluator's public contract (eval.h).
#ifndef HCLC_EVAL_IMPL_H
#define HCLC_EVAL_IMPL_H

#include "eval/eval.h"
#include "project/types.h"

struct Scope {
    Scope *next;
    const char *name; // NULL for a splat item
    Value *value;     // the bound value; for an isolated frame, the object of its names
    bool isolated;    // templatefile(): names outside this frame are not visible
};

// True inside a templatefile() template (only its vars are visible).
bool eval_in_template_file(const Eval *ev);
// Cycle detection: eval_enter pushes an item (or reports the cycle at `use`
// and returns false); eval_leave pops it and marks it done.
bool eval_enter(Eval *ev, const char *kind, const char *name, uint8_t *state, Span use);
void eval_leave(Eval *ev, uint8_t *state);
// Evaluates a declaration's expression in the module scope, reporting to
// the main diagnostics list.
Value *eval_definition(Eval *ev, const Node *n);

Value *eval_get_attr(Eval *ev, Value *v, const char *name, Span name_span, Span whole);
Value *eval_index(Eval *ev, Value *v, Value *key, Span key_span, Span whole);
Value *eval_key(Eval *ev, Value *k, Span at);
// eval_collections.c: a tuple, an object, a for-expression.
Value *eval_tuple(Eval *ev, const Node *n);
Value *eval_object(Eval *ev, const Node *n);
Value *eval_for(Eval *ev, const Node *n);
// Marks `v` sensitive when any of the `n` inputs is (eval.c).
Value *eval_propagate(Eval *ev, Value *v, Value *const *inputs, uint32_t n);
Value *eval_call(Eval *ev, const Node *n);
Value *eval_try(Eval *ev, const Node *n, bool is_can);

// secret_source.c: "var.NAME" of a sensitive variable that expression `n`
// draws on (through locals and outputs too), or NULL when none is found.
const char *eval_secret_source(Eval *ev, const Node *n);

// eval_ops.c
Value *eval_unary(Eval *ev, const Node *n);
Value *eval_binary(Eval *ev, const Node *n);
// `v` itself, or VAL_INVALID after an error at `at` when `v` is (or, with
// `deep`, holds) an intrinsic (value_new_intrinsic), whose value is known
// only when the output is deployed: `what` ("operator +", "function upper",
// ...) cannot use it.
Value *eval_known(Eval *ev, Value *v, Span at, const char *what, bool deep);
// eval_known(deep) with `what` spelled "KIND NAME" ("function upper"),
// printed only for the error: calls and operators ask on every use.
Value *eval_known_as(Eval *ev, Value *v, Span at, const char *kind, const char *name);
// A string, number or bool as a string value (numbers in shortest form).
Value *eval_to_string(Eval *ev, Value *v);
// A bool (or "true"/"false") as a bool value; reports `what` otherwise.
Value *eval_to_bool(Eval *ev, Value *v, Span at, const char *what);
// The shortest text of a number, in the arena.
const char *eval_number_text(Eval *ev, double d);
// The absolute directory of `path` (relative to the working directory),
// or `fallback` when it cannot be resolved.
const char *eval_path_dir(Arena *a, const char *path, const char *fallback);

#endif
