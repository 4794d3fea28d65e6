// eval.c - expression evaluation: references, indexes and splats, and the
// dispatch over node kinds (collections and for-expressions are in
// eval_collections.c, calls in eval_call.c). Variables and locals are evaluated
// lazily, once each, with cycle detection (the stack of items being
// evaluated names the chain). Templates are rendered in template.c, and
// variable values are chosen and converted in eval_vars.c.
#include "eval/eval.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "eval/eval_impl.h"
#include "syntax/parse.h"

static const char *const roots[] = {"var", "local", "workspace", "output", "task_definition"};

// The position of each name in roots[].
typedef enum Root { ROOT_VAR, ROOT_LOCAL, ROOT_WORKSPACE, ROOT_OUTPUT, ROOT_TASK } Root;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// --- errors and scopes ------------------------------------------------------

Value *eval_fail(Eval *ev, DiagCode code, Span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(ev->arena, fmt, ap);
    va_end(ap);
    diag_error(ev->diags, code, at, "%s", msg);
    return value_invalid(ev->arena, at);
}

void eval_push_scope(Eval *ev, const char *name, Value *value)
{
    Scope *s = arena_alloc(ev->arena, sizeof(Scope));
    s->name = name;
    s->value = value;
    s->next = ev->scope;
    ev->scope = s;
}

void eval_pop_scope(Eval *ev)
{
    ev->scope = ev->scope->next;
}

// Looks `name` up in the scopes; stops after an isolated (templatefile) frame.
static Value *scope_lookup(const Eval *ev, const char *name)
{
    for (const Scope *s = ev->scope; s; s = s->next) {
        if (s->isolated)
            return value_object_get(s->value, name, strlen(name));
        if (s->name && strcmp(s->name, name) == 0)
            return s->value;
    }
    return NULL;
}

bool eval_in_template_file(const Eval *ev)
{
    for (const Scope *s = ev->scope; s; s = s->next)
        if (s->isolated)
            return true;
    return false;
}

Value *eval_propagate(Eval *ev, Value *v, Value *const *inputs, uint32_t n)
{
    if (v->kind == VAL_INVALID || value_is_sensitive(v))
        return v;
    for (uint32_t i = 0; i < n; i++)
        if (inputs[i] && value_is_sensitive(inputs[i]))
            return value_mark_sensitive(ev->arena, v);
    return v;
}

// --- init -------------------------------------------------------------------

static bool check_workspace(Eval *ev, const char *from)
{
    const Module *m = ev->mod;
    ev->workspace_index = module_find_workspace(m, ev->workspace);
    if (ev->workspace_index >= 0 || strcmp(ev->workspace, "default") == 0)
        return true;
    const char **names = arena_alloc(ev->arena, (m->nworkspaces + 1) * sizeof(char *));
    for (uint32_t i = 0; i < m->nworkspaces; i++)
        names[i] = m->workspaces[i].name;
    const char *list = arena_join(ev->arena, names, m->nworkspaces, ", ", "\"");
    Diag *g = diag_error(ev->diags, E_UNKNOWN_WORKSPACE, span_none(),
                         "unknown workspace \"%s\" (from %s)", ev->workspace, from);
    diag_help_suggest(ev->diags, g, ev->workspace, names, m->nworkspaces);
    if (m->nworkspaces)
        diag_note(ev->diags, g, "declared workspaces: %s, and \"default\"", list);
    else
        diag_note(ev->diags, g, "no workspace block is declared; only \"default\" exists");
    return false;
}

bool eval_init(Eval *ev, Arena *a, Diags *diags, SourceSet *src, const Module *mod,
               const Inputs *inputs, const char *workspace, const char *workspace_from,
               const char *root)
{
    memset(ev, 0, sizeof *ev);
    ev->arena = a;
    ev->diags = ev->main_diags = diags;
    ev->src = src;
    ev->mod = mod;
    ev->inputs = inputs;
    // A copy in the arena: workspace.name refers to it without copying.
    ev->workspace = arena_strdup(a, workspace && *workspace ? workspace : "default");
    ev->workspace_len = (uint32_t)strlen(ev->workspace);
    fn_context_init(&ev->fn, a, diags, src, root);
    ev->var_values = arena_alloc(a, (mod->nvars + 1) * sizeof(Value *));
    ev->var_state = arena_alloc(a, mod->nvars + 1);
    ev->local_values = arena_alloc(a, (mod->nlocals + 1) * sizeof(Value *));
    ev->local_state = arena_alloc(a, mod->nlocals + 1);
    ev->output_values = arena_alloc(a, (mod->noutputs + 1) * sizeof(Value *));
    ev->output_state = arena_alloc(a, mod->noutputs + 1);
    ev->text = xmalloc(sizeof *ev->text);
    buf_init(ev->text, NULL, 0);
    return check_workspace(ev, workspace_from ? workspace_from : "the default");
}

void eval_free(Eval *ev)
{
    fn_context_free(&ev->fn);
    if (ev->text)
        buf_free(ev->text);
    free(ev->text);
    ev->text = NULL;
}

const char *eval_dir_of(Eval *ev, Span span)
{
    if (span_is_none(span))
        return ev->fn.root;
    if (span.file >= ev->ndirs) {
        uint32_t n = ev->src->count + 8;
        ev->dirs = arena_grow(ev->arena, ev->dirs, ev->ndirs, n, sizeof(char *));
        memset(ev->dirs + ev->ndirs, 0, (n - ev->ndirs) * sizeof(char *));
        ev->ndirs = n;
    }
    if (!ev->dirs[span.file])
        ev->dirs[span.file] =
            eval_path_dir(ev->arena, source_file(ev->src, span.file)->name, ev->fn.root);
    return ev->dirs[span.file];
}

// --- cycle detection ----------------------------------------------------------

bool eval_enter(Eval *ev, const char *kind, const char *name, uint8_t *state, Span use)
{
    if (*state == EV_BUSY) {
        char *chain = arena_strdup(ev->arena, "");
        uint32_t from = 0;
        for (uint32_t i = 0; i < ev->stack_count; i++)
            if (strcmp(ev->stack[i].kind, kind) == 0 && strcmp(ev->stack[i].name, name) == 0)
                from = i;
        for (uint32_t i = from; i < ev->stack_count; i++)
            chain =
                arena_printf(ev->arena, "%s%s.%s -> ", chain, ev->stack[i].kind, ev->stack[i].name);
        Diag *g = diag_error(ev->main_diags, E_CYCLE, use, "%s.%s depends on itself", kind, name);
        diag_note(ev->main_diags, g, "the chain is %s%s.%s", chain, kind, name);
        return false;
    }
    BUF_RESERVE(ev->arena, ev->stack, ev->stack_count, ev->stack_cap);
    EvalItem it = {kind, name, use};
    ev->stack[ev->stack_count++] = it;
    *state = EV_BUSY;
    return true;
}

void eval_leave(Eval *ev, uint8_t *state)
{
    ev->stack_count--;
    *state = EV_DONE;
}

// Evaluates `n` reporting to the main diagnostics list (a variable's or a
// local's own errors are never swallowed by an enclosing can()).
Value *eval_definition(Eval *ev, const Node *n)
{
    Diags *saved = ev->diags;
    Scope *saved_scope = ev->scope;
    ev->diags = ev->main_diags;
    ev->scope = NULL;
    ev->fn.diags = ev->main_diags;
    Value *v = eval_expr(ev, n);
    ev->diags = saved;
    ev->fn.diags = saved;
    ev->scope = saved_scope;
    return v;
}

Value *eval_local(Eval *ev, uint32_t i, Span use)
{
    const Local *l = &ev->mod->locals[i];
    if (ev->local_state[i] == EV_DONE)
        return ev->local_values[i];
    if (!eval_enter(ev, "local", l->name, &ev->local_state[i], use))
        return value_invalid(ev->arena, use);
    ev->local_values[i] = eval_definition(ev, l->attr->expr);
    eval_leave(ev, &ev->local_state[i]);
    return ev->local_values[i];
}

// Terraform's rule: an output that derives from a sensitive value must say
// `sensitive = true`, so that no secret leaves by an output unnoticed.
static Value *undeclared_secret(Eval *ev, const Output *o)
{
    const char *from = eval_secret_source(ev, o->value->expr);
    Diag *g = diag_error(ev->main_diags, E_SENSITIVE_OUTPUT, o->value->expr->span,
                         "output \"%s\" derives from the sensitive value %s", o->name,
                         from ? from : "of a sensitive variable");
    diag_help(ev->main_diags, g,
              "add sensitive = true to output \"%s\" to confirm that it may hold a secret "
              "(its value still reaches the compiled output; no diagnostic shows it)",
              o->name);
    return value_invalid(ev->arena, o->value->expr->span);
}

Value *eval_output(Eval *ev, uint32_t i, Span use)
{
    const Output *o = &ev->mod->outputs[i];
    if (ev->output_state[i] == EV_DONE)
        return ev->output_values[i];
    if (!eval_enter(ev, "output", o->name, &ev->output_state[i], use))
        return value_invalid(ev->arena, use);
    Value *v = o->value ? eval_definition(ev, o->value->expr) : value_invalid(ev->arena, use);
    if (o->sensitive)
        v = value_mark_sensitive(ev->arena, v);
    else if (v->kind != VAL_INVALID && value_is_sensitive(v))
        v = undeclared_secret(ev, o);
    ev->output_values[i] = v;
    eval_leave(ev, &ev->output_state[i]);
    return v;
}

bool eval_check_all(Eval *ev)
{
    for (uint32_t i = 0; i < ev->mod->nvars; i++)
        eval_variable(ev, i, span_none());
    for (uint32_t i = 0; i < ev->mod->nlocals; i++)
        eval_local(ev, i, span_none());
    for (uint32_t i = 0; i < ev->mod->noutputs; i++)
        eval_output(ev, i, span_none());
    return !diags_has_errors(ev->main_diags);
}

Value *eval_outputs(Eval *ev)
{
    Value *obj = value_object_new(ev->arena, span_none(), ev->mod->noutputs);
    for (uint32_t i = 0; i < ev->mod->noutputs; i++) {
        const Output *o = &ev->mod->outputs[i];
        value_object_put(ev->arena, obj, o->name, strlen(o->name), eval_output(ev, i, span_none()));
    }
    return obj;
}

// --- references ---------------------------------------------------------------

static Value *unknown_name(Eval *ev, Span at, const char *what, const char *name,
                           const char *const *known, size_t n)
{
    Diag *g = diag_error(ev->diags, E_UNKNOWN_REFERENCE, at, "unknown %s \"%s\"", what, name);
    diag_help_suggest(ev->diags, g, name, known, n);
    return value_invalid(ev->arena, at);
}

// Names of the module's declarations of one kind, for suggestions.
static const char **names_of(Eval *ev, const char *kind, size_t *n)
{
    const Module *m = ev->mod;
    bool var = strcmp(kind, "var") == 0, local = strcmp(kind, "local") == 0;
    bool out = strcmp(kind, "output") == 0;
    *n = var ? m->nvars : local ? m->nlocals : out ? m->noutputs : m->ntasks;
    const char **names = arena_alloc(ev->arena, (*n + 1) * sizeof(char *));
    for (size_t i = 0; i < *n; i++)
        names[i] = var     ? m->vars[i].name
                   : local ? m->locals[i].name
                   : out   ? m->outputs[i].name
                           : m->tasks[i].name;
    return names;
}

static Value *task_attribute(Eval *ev, const Node *n, const char *task, const char *attr)
{
    int64_t t = module_find_task(ev->mod, task);
    if (t < 0) {
        size_t k;
        const char **names = names_of(ev, "task_definition", &k);
        return unknown_name(ev, n->as.getattr.obj->span, "task_definition", task, names, k);
    }
    const Attribute *at = module_body_attr(ev->mod->tasks[t].block->body, attr);
    if (!at)
        return eval_fail(ev, E_NO_ATTRIBUTE, n->as.getattr.name_span,
                         "task_definition \"%s\" has no attribute \"%s\"", task, attr);
    return eval_definition(ev, at->expr);
}

// `root.name` where root is var, local, workspace, output or task_definition.
static Value *reference(Eval *ev, const Node *n, Root root)
{
    const char *name = n->as.getattr.name;
    Span at = n->span;
    if (eval_in_template_file(ev))
        return eval_fail(ev, E_UNKNOWN_REFERENCE, at,
                         "a template file sees only the variables passed to templatefile()");
    if (root == ROOT_WORKSPACE) {
        if (strcmp(name, "name") == 0)
            return value_string_ref(ev->arena, at, ev->workspace, ev->workspace_len);
        return eval_fail(ev, E_NO_ATTRIBUTE, n->as.getattr.name_span,
                         "workspace has only the attribute \"name\"");
    }
    if (root == ROOT_TASK)
        return eval_fail(ev, E_NO_ATTRIBUTE, at,
                         "task_definition.%s needs an attribute: task_definition.%s.ATTRIBUTE",
                         name, name);
    int64_t i = root == ROOT_VAR     ? module_find_var(ev->mod, name)
                : root == ROOT_LOCAL ? module_find_local(ev->mod, name)
                                     : module_find_output(ev->mod, name);
    if (i < 0) {
        size_t k;
        const char **names = names_of(ev, roots[root], &k);
        const char *what = root == ROOT_VAR ? "variable" : root == ROOT_LOCAL ? "local" : "output";
        return unknown_name(ev, at, what, name, names, k);
    }
    if (root == ROOT_VAR) { // keeps the origin: where the value was set
        Value *v = eval_variable(ev, (uint32_t)i, at);
        Value *ref = ev->refs.var && v->kind != VAL_INVALID
                         ? ev->refs.var(ev->refs.ctx, ev->arena, &ev->mod->vars[i], at)
                         : NULL;
        return ref ? ref : v;
    }
    if (root == ROOT_LOCAL)
        return eval_local(ev, (uint32_t)i, at);
    return eval_output(ev, (uint32_t)i, at);
}

// The root `n` names (var, local, ...: a bare name that no scope binds),
// or -1. The names are compared first: most bare names are none of them.
static int root_of(const Eval *ev, const Node *n)
{
    if (n->kind != NODE_VARIABLE)
        return -1;
    for (int i = 0; i < (int)COUNT(roots); i++)
        if (strcmp(n->as.var.name, roots[i]) == 0)
            return scope_lookup(ev, n->as.var.name) ? -1 : i;
    return -1;
}

static Value *eval_name(Eval *ev, const Node *n)
{
    const char *name = n->as.var.name;
    Value *v = scope_lookup(ev, name);
    if (v)
        return v;
    if (root_of(ev, n) >= 0)
        return eval_fail(ev, E_UNKNOWN_REFERENCE, n->span,
                         "\"%s\" cannot be used alone; write %s.NAME", name, name);
    size_t count = 0;
    for (const Scope *s = ev->scope; s && !s->isolated; s = s->next)
        count++;
    const char **names = arena_alloc(ev->arena, (count + COUNT(roots) + 1) * sizeof(char *));
    size_t k = 0;
    for (const Scope *s = ev->scope; s && !s->isolated; s = s->next)
        names[k++] = s->name;
    if (!eval_in_template_file(ev))
        for (size_t i = 0; i < COUNT(roots); i++)
            names[k++] = roots[i];
    Value *bad = unknown_name(ev, n->span, "name", name, names, k);
    if (eval_in_template_file(ev))
        diag_note(ev->diags, ev->diags->items[ev->diags->count - 1],
                  "a template file sees only the variables passed to templatefile()");
    return bad;
}

static Value *get_attr(Eval *ev, const Node *n)
{
    const Node *obj = n->as.getattr.obj;
    int root = root_of(ev, obj);
    if (root >= 0)
        return reference(ev, n, (Root)root);
    if (obj->kind == NODE_GETATTR && root_of(ev, obj->as.getattr.obj) == ROOT_TASK)
        return task_attribute(ev, n, obj->as.getattr.name, n->as.getattr.name);
    Value *v = eval_expr(ev, obj);
    return eval_get_attr(ev, v, n->as.getattr.name, n->as.getattr.name_span, n->span);
}

Value *eval_get_attr(Eval *ev, Value *v, const char *name, Span name_span, Span whole)
{
    if (v->kind == VAL_INVALID)
        return v;
    if (eval_known(ev, v, whole, "attribute access", false)->kind == VAL_INVALID)
        return value_invalid(ev->arena, whole);
    if (v->kind == VAL_OBJECT) {
        Value *m = value_object_get(v, name, strlen(name));
        if (m)
            return m;
        Diag *g = diag_error(ev->diags, E_NO_ATTRIBUTE, name_span,
                             "this object has no attribute \"%s\"", name);
        const char **keys = arena_alloc(ev->arena, (v->as.object.count + 1) * sizeof(char *));
        for (uint32_t i = 0; i < v->as.object.count; i++)
            keys[i] = v->as.object.keys[i].ptr;
        if (!value_is_sensitive(v)) // a suggestion would show a secret key
            diag_help_suggest(ev->diags, g, name, keys, v->as.object.count);
        return value_invalid(ev->arena, whole);
    }
    if (v->kind == VAL_LIST)
        return eval_fail(ev, E_NO_ATTRIBUTE, name_span,
                         "a %s has no attribute \"%s\"; use [*].%s for every element, or an index",
                         value_type_name(v), name, name);
    return eval_fail(ev, E_NO_ATTRIBUTE, name_span, "a %s has no attribute \"%s\"",
                     value_type_name(v), name);
}

// --- index and splat --------------------------------------------------------

Value *eval_index(Eval *ev, Value *v, Value *key, Span key_span, Span whole)
{
    if (v->kind == VAL_INVALID || key->kind == VAL_INVALID)
        return value_invalid(ev->arena, whole);
    if (eval_known(ev, v, whole, "an index", false)->kind == VAL_INVALID ||
        eval_known(ev, key, key_span, "an index", false)->kind == VAL_INVALID)
        return value_invalid(ev->arena, whole);
    if (key->kind == VAL_NULL)
        return eval_fail(ev, E_BAD_INDEX, key_span, "an index cannot be null");
    if (v->kind == VAL_LIST) {
        TypeError err;
        Type num = {.kind = TY_NUMBER};
        Value *k = types_convert(ev->arena, key, &num, &err);
        if (!k)
            return eval_fail(ev, E_BAD_INDEX, key_span, "a list index must be a number, got %s",
                             value_type_name(key));
        double d = k->as.number;
        if (d != floor(d) || d < 0 || d >= v->as.list.count)
            return eval_fail(
                ev, E_BAD_INDEX, key_span, "index %s is out of range for a %s of %u element%s",
                value_is_sensitive(key) ? "(sensitive)" : eval_number_text(ev, d),
                value_type_name(v), v->as.list.count, v->as.list.count == 1 ? "" : "s");
        return v->as.list.items[(uint32_t)d];
    }
    if (v->kind == VAL_OBJECT) {
        if (key->kind != VAL_STRING && key->kind != VAL_NUMBER && key->kind != VAL_BOOL)
            return eval_fail(ev, E_BAD_INDEX, key_span, "an object key must be a string, got %s",
                             value_type_name(key));
        Value *s = eval_to_string(ev, key);
        Value *m = value_object_get(v, s->as.str.ptr, s->as.str.len);
        if (m)
            return m;
        if (value_is_sensitive(key))
            return eval_fail(ev, E_BAD_INDEX, key_span, "the (sensitive) key is not in this %s",
                             value_type_name(v));
        return eval_fail(ev, E_BAD_INDEX, key_span, "key \"%s\" is not in this %s", s->as.str.ptr,
                         value_type_name(v));
    }
    return eval_fail(ev, E_BAD_INDEX, whole, "a %s cannot be indexed", value_type_name(v));
}

static Value *splat(Eval *ev, const Node *n)
{
    Value *src = eval_expr(ev, n->as.splat.source);
    if (src->kind == VAL_INVALID)
        return src;
    if (src->kind == VAL_NULL)
        return value_list_new(ev->arena, n->span, 0);
    if (src->kind != VAL_LIST) { // HCL: a splat of a single value works on [value]
        Value *one = value_list_new(ev->arena, src->origin, 1);
        one->as.list.items[0] = src;
        src = one;
    }
    Value *out = value_list_new(ev->arena, n->span, src->as.list.count);
    out->flags |= VALF_TUPLE;
    for (uint32_t i = 0; i < src->as.list.count; i++) {
        eval_push_scope(ev, NULL, src->as.list.items[i]); // the splat item
        out->as.list.items[i] = eval_expr(ev, n->as.splat.each);
        eval_pop_scope(ev);
        if (out->as.list.items[i]->kind == VAL_INVALID)
            return out->as.list.items[i];
    }
    return out;
}

static Value *splat_item(Eval *ev, const Node *n)
{
    for (const Scope *s = ev->scope; s; s = s->next)
        if (!s->name && !s->isolated)
            return s->value;
    return eval_fail(ev, E_UNKNOWN_REFERENCE, n->span,
                     "internal error: splat item outside a splat");
}

// --- conditionals ---------------------------------------------------------------

static Value *conditional(Eval *ev, const Node *n)
{
    Value *c = eval_expr(ev, n->as.cond.cond);
    if (c->kind == VAL_INVALID)
        return c;
    Value *b = eval_to_bool(ev, c, n->as.cond.cond->span, "the condition of ? :");
    if (b->kind != VAL_BOOL)
        return value_invalid(ev->arena, n->span);
    Value *v = eval_expr(ev, b->as.boolean ? n->as.cond.then_expr : n->as.cond.else_expr);
    return eval_propagate(ev, v, &c, 1);
}

// --- dispatch ---------------------------------------------------------------------

static Value *too_deep(Eval *ev, const Node *n)
{
    if (!ev->too_deep) {
        ev->too_deep = true;
        Diag *g = diag_error(ev->main_diags, E_EVAL_TOO_DEEP, n->span,
                             "evaluation nested deeper than %d levels", EVAL_MAX_DEPTH);
        diag_note(ev->main_diags, g,
                  "a long chain of locals or deeply recursive templates reaches this limit");
    }
    return value_invalid(ev->arena, n->span);
}

// A number literal; written with a fraction or an exponent, it is marked so
// (an integer member of the ECS API refuses 80.0).
static Value *number_literal(Arena *a, const Node *n)
{
    Value *v = value_number(a, n->span, n->as.number.value);
    if (strpbrk(n->as.number.text, ".eE"))
        v->flags |= VALF_FLOAT;
    return v;
}

static Value *eval_node(Eval *ev, const Node *n)
{
    Arena *a = ev->arena;
    switch (n->kind) {
    case NODE_NULL:
        return value_null(a, n->span);
    case NODE_BOOL:
        return value_bool(a, n->span, n->as.boolean);
    case NODE_NUMBER:
        return number_literal(a, n);
    case NODE_TEMPLATE:
        return eval_template(ev, n);
    case NODE_STRING_LIT:
        return value_string_ref(a, n->span, n->as.str.text, n->as.str.len);
    case NODE_TEMPLATE_IF:
    case NODE_TEMPLATE_FOR:
        return eval_fail(ev, E_BAD_INTERPOLATION, n->span,
                         "a template directive outside a template");
    case NODE_VARIABLE:
        return eval_name(ev, n);
    case NODE_GETATTR:
        return get_attr(ev, n);
    case NODE_INDEX: {
        Value *v = eval_expr(ev, n->as.index.obj);
        Value *k = eval_expr(ev, n->as.index.key);
        Value *r = eval_index(ev, v, k, n->as.index.key->span, n->span);
        return eval_propagate(ev, r, &k, 1);
    }
    case NODE_SPLAT:
        return splat(ev, n);
    case NODE_SPLAT_ITEM:
        return splat_item(ev, n);
    case NODE_CALL:
        return eval_call(ev, n);
    case NODE_TUPLE:
        return eval_tuple(ev, n);
    case NODE_OBJECT:
        return eval_object(ev, n);
    case NODE_UNARY:
        return eval_unary(ev, n);
    case NODE_BINARY:
        return eval_binary(ev, n);
    case NODE_CONDITIONAL:
        return conditional(ev, n);
    case NODE_FOR:
        return eval_for(ev, n);
    case NODE_PAREN:
        return eval_expr(ev, n->as.paren.inner);
    }
    return value_invalid(a, n->span);
}

// Every result is summarized as it is made (depth, sensitive items), so the
// checks that follow and every later one cost O(1) on it; a value nested
// beyond VALUE_MAX_DEPTH stops here, at the expression that built it,
// before any comparison or emitter recurses through it. A scalar is one
// level deep and holds nothing: the container it goes into summarizes it.
static Value *check_result(Eval *ev, const Node *n, Value *v)
{
    if ((v->kind != VAL_LIST && v->kind != VAL_OBJECT) || value_summarize(v) <= VALUE_MAX_DEPTH)
        return v;
    Diag *g = diag_error(ev->diags, E_VALUE_TOO_DEEP, n->span,
                         "this value is nested deeper than %d levels", VALUE_MAX_DEPTH);
    diag_note(ev->diags, g, "lists and objects may hold each other at most %d levels deep",
              VALUE_MAX_DEPTH);
    return value_invalid(ev->arena, n->span);
}

static const char *mib(Eval *ev, double bytes)
{
    double m = bytes / (1024.0 * 1024.0);
    return arena_printf(ev->arena, m < 10 ? "%.2f MiB" : "%.0f MiB", m);
}

bool eval_over_budget(Eval *ev, Span at)
{
    size_t budget = ev->arena->budget;
    if (!budget || ev->over_budget)
        return ev->over_budget;
    if (ev->arena->total + ev->charged <= budget)
        return false;
    ev->over_budget = true; // reported to the main list: can() and try() cannot hide it
    Diag *g = diag_error(ev->main_diags, E_VALUE_BUDGET, at,
                         "the values built so far take more than the value budget of %s",
                         mib(ev, (double)budget));
    diag_help(ev->main_diags, g,
              "--max-memory SIZE raises it (the budget is three quarters of SIZE); nested "
              "for-expressions and self-calling templates multiply what they build");
    return true;
}

// The value budget: the memory all values take (checked as they are made)
// and the written-out size of each one, which sharing can make far larger.
// Without a budget (--max-memory 0) there is nothing to check.
static Value *check_budget(Eval *ev, const Node *n, Value *v)
{
    size_t budget = ev->arena->budget;
    if (!budget)
        return v;
    if (eval_over_budget(ev, n->span))
        return value_invalid(ev->arena, n->span);
    double size = v->kind == VAL_INVALID ? 0 : value_size(v);
    if (size <= (double)budget)
        return v;
    Diag *g = diag_error(ev->diags, E_VALUE_BUDGET, n->span,
                         "this value would take %s written out, more than the value budget of %s",
                         mib(ev, size), mib(ev, (double)budget));
    diag_help(ev->diags, g, "--max-memory SIZE raises it (the budget is three quarters of SIZE)");
    return value_invalid(ev->arena, n->span);
}

Value *eval_expr(Eval *ev, const Node *n)
{
    if (ev->depth >= EVAL_MAX_DEPTH)
        return too_deep(ev, n);
    ev->depth++;
    Value *v = check_budget(ev, n, check_result(ev, n, eval_node(ev, n)));
    ev->depth--;
    return v;
}
