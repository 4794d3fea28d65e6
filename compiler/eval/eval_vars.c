// eval_vars.c - the value of a variable: the source of highest precedence
// (--var, HCLC_VAR_, --var-file, the workspace block, the default), then the
// type conversion, the nullable check and the validation blocks. Errors name
// the variable and where its value came from; a sensitive value is never
// shown: its errors point at the declaration instead of at the value.
#include "eval/eval_impl.h"

#include <string.h>

typedef struct Chosen {
    Value *value;
    InputSource source;
    const char *label; // where the value was set, for notes
} Chosen;

static const char *source_label(Eval *ev, const Variable *v, InputSource src)
{
    if (src == INPUT_WORKSPACE)
        return arena_printf(ev->arena, "the workspace \"%s\" block", ev->workspace);
    (void)v;
    return "its default";
}

static Value *external_value(Eval *ev, const InputValue *in)
{
    if (in->value)
        return in->value;
    if (in->raw_string) {
        const SourceFile *f = source_file(ev->src, in->span.file);
        return value_string(ev->arena, in->span, f->text + in->span.start,
                            in->span.end - in->span.start);
    }
    return eval_definition(ev, in->expr);
}

static bool choose(Eval *ev, uint32_t i, Chosen *out)
{
    const Variable *v = &ev->mod->vars[i];
    const InputValue *in = ev->inputs && i < ev->inputs->count ? ev->inputs->by_var[i] : NULL;
    if (in) {
        out->value = external_value(ev, in);
        out->source = in->source;
        out->label = in->label;
        return true;
    }
    if (ev->workspace_index >= 0) {
        const Block *ws = ev->mod->workspaces[ev->workspace_index].block;
        const Attribute *at = module_body_attr(ws->body, v->name);
        if (at) {
            out->value = eval_definition(ev, at->expr);
            out->source = INPUT_WORKSPACE;
            out->label = source_label(ev, v, INPUT_WORKSPACE);
            return true;
        }
    }
    if (v->default_attr) {
        out->value = eval_definition(ev, v->default_attr->expr);
        out->source = INPUT_DEFAULT;
        out->label = source_label(ev, v, INPUT_DEFAULT);
        return true;
    }
    return false;
}

static Value *missing(Eval *ev, const Variable *v)
{
    Diag *g = diag_error(ev->main_diags, E_MISSING_VARIABLE, v->name_span,
                         "variable \"%s\" has no value", v->name);
    diag_help(ev->main_diags, g,
              "give it a default, set it in a workspace block (workspace \"%s\" { %s = ... }), "
              "or pass --var %s=VALUE, HCLC_VAR_%s=VALUE or a --var-file",
              ev->workspace, v->name, v->name, v->name);
    return value_invalid(ev->arena, v->name_span);
}

// Reports a bad value: at the value itself, or at the declaration when the
// value is sensitive.
static Diag *bad_value(Eval *ev, const Variable *v, const Chosen *c, const Value *at, DiagCode code,
                       const char *what)
{
    Diags *d = ev->main_diags;
    Diag *g;
    if (v->sensitive || span_is_none(at->origin)) {
        g = diag_error(d, code, v->name_span, "invalid value for variable \"%s\": %s", v->name,
                       what);
        diag_note(d, g, "the value%s comes from %s", v->sensitive ? " (sensitive)" : "", c->label);
        return g;
    }
    g = diag_error(d, code, at->origin, "invalid value for variable \"%s\": %s", v->name, what);
    diag_note(d, g, "the value comes from %s", c->label);
    diag_note_at(d, g, v->name_span, "variable \"%s\" is declared here", v->name);
    return g;
}

static Value *convert(Eval *ev, const Variable *v, const Chosen *c)
{
    Value *val = c->value;
    if (val->kind == VAL_INVALID)
        return val;
    if (val->kind == VAL_NULL && !v->nullable) {
        bad_value(ev, v, c, val, E_NULL_VALUE, "null is not allowed (nullable = false)");
        return value_invalid(ev->arena, val->origin);
    }
    if (!v->type || value_find_intrinsic(val))
        return val; // an intrinsic stands for a value of the type, known later
    TypeError err;
    Value *out = types_convert(ev->arena, val, v->type, &err);
    if (out)
        return out;
    // The path of a sensitive value names its keys, which are as secret.
    const char *what = *err.path && !v->sensitive
                           ? arena_printf(ev->arena, "%s: %s", err.path, err.what)
                           : err.what;
    Diag *g = bad_value(ev, v, c, err.at, E_VARIABLE_TYPE, what);
    diag_note(ev->main_diags, g, "the variable's type is %s", types_text(ev->arena, v->type));
    return value_invalid(ev->arena, val->origin);
}

// Runs the validation blocks; the variable's value is already stored, so
// the conditions can refer to var.NAME.
static void validate(Eval *ev, const Variable *v, const Chosen *c, Value *val)
{
    for (uint32_t k = 0; k < v->nvalidations; k++) {
        const Body *body = v->validations[k]->body;
        const Attribute *cond = module_body_attr(body, "condition");
        const Attribute *msg = module_body_attr(body, "error_message");
        if (!cond || !msg)
            continue;
        Value *r = eval_definition(ev, cond->expr);
        r = eval_to_bool(ev, r, cond->expr->span, "a validation condition");
        if (r->kind != VAL_BOOL || r->as.boolean)
            continue;
        ev->redact_at = ev->stack_count + 1; // a secret in the message stays hidden
        Value *m = eval_to_string(ev, eval_definition(ev, msg->expr));
        ev->redact_at = 0;
        Diag *g = bad_value(ev, v, c, val, E_VALIDATION_FAILED, "rejected by its validation");
        if (m->kind == VAL_STRING)
            diag_note(ev->main_diags, g, "%s",
                      value_is_sensitive(m) ? "(sensitive value)" : m->as.str.ptr);
        diag_note_at(ev->main_diags, g, cond->expr->span, "the condition that failed");
    }
}

Value *eval_variable(Eval *ev, uint32_t i, Span use)
{
    const Variable *v = &ev->mod->vars[i];
    if (ev->var_state[i] == EV_DONE)
        return ev->var_values[i];
    if (!eval_enter(ev, "var", v->name, &ev->var_state[i], use))
        return value_invalid(ev->arena, use);
    Chosen c = {0};
    Value *val = choose(ev, i, &c) ? convert(ev, v, &c) : NULL;
    // No value: the caller's reference stands for one given later (a
    // CloudFormation parameter without Default), else an error.
    const EvalRefs *r = ev->refs.var ? &ev->refs : &ev->held;
    if (!val && r->var)
        val = r->var(r->ctx, ev->arena, v, v->name_span);
    if (!val)
        val = missing(ev, v);
    if (v->sensitive)
        val = value_mark_sensitive(ev->arena, val);
    ev->var_values[i] = val;
    ev->var_state[i] = EV_DONE; // visible to its own validation conditions
    if (c.value && val->kind != VAL_INVALID && v->nvalidations) {
        EvalRefs refs = ev->refs, held = ev->held; // conditions check the value itself,
        if (refs.var)                              // not a reference
            ev->held = refs;
        ev->refs.var = NULL;
        validate(ev, v, &c, val);
        ev->refs = refs;
        ev->held = held;
    }
    eval_leave(ev, &ev->var_state[i]);
    return ev->var_values[i];
}
