// template.c - rendering of templates: quoted strings, heredocs and
// templatefile() files, with $< > interpolation and %<if>/%<for> directives.
// A template that is exactly one interpolation yields the value itself,
// with its type (as in HCL); otherwise every interpolated value must be a
// string, number or bool. templatefile() files are read, lexed and parsed
// once each, and rendered with only the variables passed to them.
#include "eval/eval_impl.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "syntax/lex.h"
#include "syntax/parse.h"

#define TEMPLATE_MAX_BYTES (64u * 1024u * 1024u) // one rendered string

typedef struct TemplateCache {
    struct TemplateCache *next;
    const char *path; // absolute
    Node *root;       // NULL when the file had errors (already reported)
} TemplateCache;

// The text being rendered, and whether a sensitive value went into it.
// Every template renders into ev->text, after the text of the templates
// that contain it, and takes its own part back when done: no allocation
// per template.
typedef struct Buf {
    StrBuf *text; // ev->text; this template's part, from `start`, may take
                  // TEMPLATE_MAX_BYTES (its limit while this one renders)
    size_t start;
    bool sensitive;
} Buf;

static bool render_parts(Eval *ev, const NodeList *parts, Buf *b);

// Appends an interpolated value; lists, objects and null are errors.
static bool render_value(Eval *ev, const Node *expr, Buf *b)
{
    Value *v = eval_known(ev, eval_expr(ev, expr), expr->span, "interpolation", false);
    if (v->kind == VAL_INVALID)
        return false;
    if (v->kind == VAL_NULL || v->kind == VAL_LIST || v->kind == VAL_OBJECT) {
        Diag *g = diag_error(ev->diags, E_BAD_INTERPOLATION, expr->span,
                             "cannot interpolate %s%s into a string",
                             v->kind == VAL_NULL     ? ""
                             : v->kind == VAL_OBJECT ? "an "
                                                     : "a ",
                             value_type_name(v));
        if (v->kind == VAL_NULL)
            diag_help(ev->diags, g, "give a fallback, e.g. coalesce(x, \"\")");
        else
            diag_help(ev->diags, g,
                      "convert it first, e.g. with join(\",\", ...) or jsonencode(...)");
        return false;
    }
    if (ev->redact_at == ev->stack_count + 1 && value_is_sensitive(v)) {
        buf_put(b->text, "(sensitive value)", strlen("(sensitive value)"));
        return true;
    }
    Value *s = eval_to_string(ev, v);
    b->sensitive |= value_is_sensitive(v);
    buf_put(b->text, s->as.str.ptr, s->as.str.len);
    return true;
}

static bool render_if(Eval *ev, const Node *n, Buf *b)
{
    Value *c = eval_expr(ev, n->as.tif->cond);
    Value *cb = eval_to_bool(ev, c, n->as.tif->cond->span, "the condition of %<if>");
    if (cb->kind != VAL_BOOL)
        return false;
    b->sensitive |= value_is_sensitive(c);
    return render_parts(ev, cb->as.boolean ? &n->as.tif->then_parts : &n->as.tif->else_parts, b);
}

static bool render_for(Eval *ev, const Node *n, Buf *b)
{
    Value *coll = eval_expr(ev, n->as.tfor->coll);
    Value **keys, **vals;
    uint32_t count;
    if (!eval_pairs(ev, coll, n->as.tfor->coll->span, &keys, &vals, &count))
        return false;
    b->sensitive |= value_is_sensitive(coll);
    bool ok = true;
    for (uint32_t i = 0; i < count && ok && !b->text->over; i++) {
        if (n->as.tfor->key_var)
            eval_push_scope(ev, n->as.tfor->key_var, keys[i]);
        eval_push_scope(ev, n->as.tfor->value_var, vals[i]);
        ok = render_parts(ev, &n->as.tfor->body, b);
        eval_pop_scope(ev);
        if (n->as.tfor->key_var)
            eval_pop_scope(ev);
    }
    return ok;
}

static bool render_parts(Eval *ev, const NodeList *parts, Buf *b)
{
    bool ok = true;
    for (uint32_t i = 0; i < parts->count; i++) {
        const Node *p = parts->items[i];
        if (p->kind == NODE_STRING_LIT)
            buf_put(b->text, p->as.str.text, p->as.str.len);
        else if (p->kind == NODE_TEMPLATE_IF)
            ok &= render_if(ev, p, b);
        else if (p->kind == NODE_TEMPLATE_FOR)
            ok &= render_for(ev, p, b);
        else
            ok &= render_value(ev, p, b);
    }
    return ok;
}

Value *eval_template(Eval *ev, const Node *n)
{
    const NodeList *parts = &n->as.template.parts;
    if (parts->count == 0)
        return value_string_ref(ev->arena, n->span, "", 0);
    const Node *only = parts->items[0];
    if (parts->count == 1 && only->kind == NODE_STRING_LIT)
        return value_string_ref(ev->arena, n->span, only->as.str.text, only->as.str.len);
    if (parts->count == 1 && only->kind != NODE_TEMPLATE_IF && only->kind != NODE_TEMPLATE_FOR &&
        !n->as.template.heredoc)
        return eval_expr(ev, only); // "$<x>" keeps x's type
    // This template's part of ev->text starts at its end, with a limit of
    // its own; the enclosing template's limit and state come back after.
    StrBuf *text = ev->text;
    size_t outer_limit = text->limit;
    bool outer_over = text->over;
    Buf b = {.text = text, .start = text->len, .sensitive = false};
    text->limit = b.start + TEMPLATE_MAX_BYTES;
    text->over = false;
    bool ok = render_parts(ev, parts, &b);
    Value *v;
    if (text->over)
        v = eval_fail(ev, E_TOO_MANY_ITEMS, n->span, "the rendered string is longer than %u bytes",
                      TEMPLATE_MAX_BYTES);
    else if (!ok)
        v = value_invalid(ev->arena, n->span);
    else
        v = value_string(ev->arena, n->span, text->ptr ? text->ptr + b.start : "",
                         text->len - b.start);
    text->len = b.start;
    text->limit = outer_limit;
    text->over = outer_over;
    if (b.sensitive && v->kind != VAL_INVALID)
        v = value_mark_sensitive(ev->arena, v);
    return v;
}

// --- templatefile() -------------------------------------------------------------

static Node *load_template(Eval *ev, const char *abs, Span at)
{
    for (TemplateCache *c = ev->templates; c; c = c->next)
        if (strcmp(c->path, abs) == 0)
            return c->root;
    TemplateCache *c = arena_alloc(ev->arena, sizeof(TemplateCache));
    c->path = abs;
    c->next = ev->templates;
    ev->templates = c;
    ev->fn.diags = ev->main_diags;
    int64_t file = fn_read_file(&ev->fn, abs, at);
    ev->fn.diags = ev->diags;
    if (file < 0)
        return NULL;
    size_t before = ev->main_diags->errors;
    TokenList toks = lex_template_file(ev->arena, ev->src, (uint32_t)file, ev->main_diags);
    if (ev->main_diags->errors == before) {
        Node *root = parse_template(ev->arena, &toks, ev->main_diags);
        lex_release(ev->arena, &toks);
        if (ev->main_diags->errors == before)
            c->root = root;
    }
    return c->root;
}

static bool is_identifier(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-'))
            return false;
    return true;
}

static bool check_vars(Eval *ev, const Node *call, Value *vars)
{
    Span at = call->as.call.args.count > 1 ? call->as.call.args.items[1]->span : call->span;
    if (vars->kind != VAL_OBJECT) {
        eval_fail(ev, E_FUNC_ARG, at, "the vars of templatefile() must be an object, got %s",
                  value_type_name(vars));
        return false;
    }
    for (uint32_t i = 0; i < vars->as.object.count; i++) {
        if (is_identifier(vars->as.object.keys[i].ptr))
            continue;
        eval_fail(ev, E_FUNC_ARG, at, "template variable name \"%s\" is not an identifier",
                  vars->as.object.keys[i].ptr);
        return false;
    }
    return true;
}

Value *eval_templatefile(Eval *ev, const Node *call, Value *path, Value *vars)
{
    Span path_span = call->as.call.args.items[0]->span;
    if (path->kind != VAL_STRING)
        return eval_fail(ev, E_FUNC_ARG, path_span,
                         "the path of templatefile() must be a string, got %s",
                         value_type_name(path));
    if (!check_vars(ev, call, vars))
        return value_invalid(ev->arena, call->span);
    if (ev->template_depth >= EVAL_MAX_TEMPLATE_DEPTH)
        return eval_fail(ev, E_EVAL_TOO_DEEP, call->span,
                         "templatefile() nested deeper than %d levels", EVAL_MAX_TEMPLATE_DEPTH);
    // Every call counts against the value budget, so a template that calls
    // itself several times per level stops long before 3^16 calls.
    ev->charged += EVAL_TEMPLATE_CALL_COST;
    if (eval_over_budget(ev, call->span))
        return value_invalid(ev->arena, call->span);
    ev->fn.diags = ev->diags;
    const char *abs =
        fn_resolve_path(&ev->fn, eval_dir_of(ev, call->span), path->as.str.ptr, path_span);
    if (!abs)
        return value_invalid(ev->arena, call->span);
    Node *root = load_template(ev, abs, path_span);
    if (!root)
        return value_invalid(ev->arena, call->span);
    Scope frame = {ev->scope, NULL, vars, true};
    Scope *saved = ev->scope;
    ev->scope = &frame;
    ev->template_depth++;
    Value *v = eval_template(ev, root);
    ev->template_depth--;
    ev->scope = saved;
    if (v->kind == VAL_NULL || v->kind == VAL_LIST || v->kind == VAL_OBJECT)
        return eval_fail(ev, E_BAD_INTERPOLATION, v->origin,
                         "cannot interpolate a %s into the template's text", value_type_name(v));
    return eval_to_string(ev, v); // a file holding only $<x> still renders text
}
