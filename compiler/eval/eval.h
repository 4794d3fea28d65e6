// eval.h - evaluation of expressions, variables, locals and outputs.
//
// An Eval holds one compilation's state for one workspace: the module, the
// collected inputs, lazily computed variables and locals (each evaluated at
// most once, in whatever order references reach them; a cycle is an error
// naming the whole chain), and the function context. Errors are reported
// once and turn into VAL_INVALID, which every later step passes on without
// a new message. can() and try() evaluate their argument with a scratch
// diagnostics list; variables and locals they reach still report to the
// real one. Templates (strings, heredocs, templatefile) are rendered by
// template.c through eval_template.
#ifndef HCLC_EVAL_H
#define HCLC_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "funcs/funcs.h"
#include "project/inputs.h"
#include "project/module.h"
#include "syntax/ast.h"

#define EVAL_MAX_DEPTH 1000          // nested evaluations (local chains, calls)
#define EVAL_MAX_TEMPLATE_DEPTH 16   // templatefile() inside templatefile()
#define EVAL_MAX_ITEMS 10000000      // elements a for-expression or range may build
#define EVAL_TEMPLATE_CALL_COST 4096 // bytes of the value budget one templatefile() call takes

typedef struct Scope Scope; // names bound by for-expressions, template for and templatefile

typedef enum EvalState { EV_TODO, EV_BUSY, EV_DONE } EvalState;

typedef struct EvalItem {
    const char *kind; // "var", "local", "output", "task_definition"
    const char *name;
    Span span; // the reference that started it
} EvalItem;

// References the caller supplies (HCL's EvalContext is the model): when
// `var` is set and returns a value for variable `v`, var.NAME written at
// `at` evaluates to that value instead of the variable's own. Validation
// conditions, eval_variable and the variable's other users still see its
// own value. NULL returns (and a NULL `var`) leave var.NAME alone. A
// variable with no value at all for which `var` returns a value takes that
// value as its own, without error and without running its validations
// (a CloudFormation parameter given only when the stack is deployed).
typedef struct EvalRefs {
    Value *(*var)(void *ctx, Arena *a, const Variable *v, Span at);
    void *ctx;
} EvalRefs;

typedef struct Eval {
    Arena *arena;
    Diags *diags;      // where errors go now (a scratch list inside can/try)
    Diags *main_diags; // the real list
    SourceSet *src;
    const Module *mod;
    const Inputs *inputs;
    const char *workspace;   // selected workspace name ("default" when none), in the arena
    uint32_t workspace_len;  // its bytes
    int64_t workspace_index; // its block in mod->workspaces, or -1
    FnContext fn;
    Value **var_values;
    uint8_t *var_state; // EvalState per variable
    Value **local_values;
    uint8_t *local_state;
    Value **output_values;
    uint8_t *output_state;
    EvalItem *stack; // variables/locals being evaluated, for cycle messages
    uint32_t stack_count, stack_cap;
    Scope *scope;
    uint32_t depth;
    uint32_t template_depth;
    bool too_deep;      // the depth limit was reported (once)
    bool over_budget;   // the value budget was reported (once); every
                        // evaluation fails from then on
    size_t charged;     // bytes counted against the value budget beyond
                        // the arena's own (EVAL_TEMPLATE_CALL_COST per
                        // templatefile() call)
    uint32_t redact_at; // rendering a diagnostic's text (a validation's
                        // error_message) at stack_count + 1 == this: a
                        // sensitive interpolation renders as "(sensitive
                        // value)"; locals reached from it render as usual
    const char **dirs;  // absolute directory of each SourceSet file, computed on demand
    uint32_t ndirs;
    struct TemplateCache *templates; // parsed templatefile() files by absolute path
    struct StrBuf *text;             // template.c's text being rendered, on the heap: one
                                     // buffer for every template (a nested one renders
                                     // after its parent's text and takes its part back)
    EvalRefs refs;                   // the caller's references (set before evaluating)
    EvalRefs held; // `refs` while validation conditions run without them: a variable
                   // without value they reach still takes its reference
} Eval;

// Prepares evaluation of `mod` for `workspace` (NULL or "default" for the
// default workspace), chosen by `workspace_from` ("-w", "HCLC_WORKSPACE").
// `root` is the absolute project root. Reports an unknown workspace
// (listing those declared) and returns false then.
bool eval_init(Eval *ev, Arena *a, Diags *diags, SourceSet *src, const Module *mod,
               const Inputs *inputs, const char *workspace, const char *workspace_from,
               const char *root);
// Releases what the arena does not hold (compiled regular expressions).
void eval_free(Eval *ev);

// Evaluates an expression in the module's scope.
Value *eval_expr(Eval *ev, const Node *n);
// The value of variable / local / output number `i`; `use` is the span of
// the reference (for cycle messages), span_none() at top level.
Value *eval_variable(Eval *ev, uint32_t i, Span use);
Value *eval_local(Eval *ev, uint32_t i, Span use);
Value *eval_output(Eval *ev, uint32_t i, Span use);
// Evaluates every variable (so that all of their errors are reported even
// when nothing refers to them) and every output; returns false on errors.
bool eval_check_all(Eval *ev);
// Evaluates every output into one object, in declaration order.
Value *eval_outputs(Eval *ev);

// --- for template.c ---------------------------------------------------------
// Renders a NODE_TEMPLATE (strings, heredocs, template files).
Value *eval_template(Eval *ev, const Node *n);
// Binds `name` to `value` in a new innermost scope; eval_pop_scope undoes it.
void eval_push_scope(Eval *ev, const char *name, Value *value);
void eval_pop_scope(Eval *ev);
// The (key, value) pairs a for-expression or %<for> walks: a list's index
// and items, or an object's keys in lexical order and their values. Reports
// (at `span`) and returns false for anything else.
bool eval_pairs(Eval *ev, Value *coll, Span span, Value ***keys, Value ***vals, uint32_t *n);
// True once the value budget (the arena's `budget`) is spent; reports it
// the first time, at `at`. Loops that build many values call it per turn.
bool eval_over_budget(Eval *ev, Span at);
// Reports an error and returns a VAL_INVALID at `at`.
Value *eval_fail(Eval *ev, DiagCode code, Span at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// The absolute directory of the file that holds `span`.
const char *eval_dir_of(Eval *ev, Span span);
// Renders the template file `path` (relative to the caller's directory, or
// an hclc: path) with `vars` as its only variables.
Value *eval_templatefile(Eval *ev, const Node *call, Value *path, Value *vars);

// An EvalScope: what evaluating one part (a task definition) may leave
// behind for later is the evaluator's state (locals and other values
// computed once, the directories of files filled in as calls need them,
// templates, its stack), the diagnostics and the files read. When none of it changed,
// nothing older points into what the build allocated, and eval_scope_end
// releases it: a build holds one task definition's values at a time. A new
// cache in Eval must be visible here (a field that changes when it fills),
// or `make sanitize` (every allocation its own, freed by the reset) finds
// the use after free.
typedef struct EvalScope {
    ArenaMark mark;
    Eval ev;
    Diags diags;
    SourceSet src;
    uint8_t *states;   // the evaluator's var, local and output states, and
    size_t nstates;    // room for a second copy after them
    const char **dirs; // ev->dirs[0..ndirs)
    uint32_t ndirs;
} EvalScope;

// Before the part: sized for `ev`'s module (eval_scope_free frees it).
void eval_scope_init(EvalScope *s, const Eval *ev);
// Marks the arena and takes the state that eval_scope_end compares.
void eval_scope_begin(EvalScope *s, const Eval *ev, const Diags *diags);
// Releases what the part allocated when nothing older can point into it.
void eval_scope_end(EvalScope *s, const Eval *ev, const Diags *diags);
void eval_scope_free(EvalScope *s);

#endif
