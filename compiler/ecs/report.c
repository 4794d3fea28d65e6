// report.c - how ECS rules report, and small accessors they share. In JSON
// read from a file, an error about a string holding a template placeholder
// (placeholder.c) is a warning naming the placeholder: the file is a
// template, checked before it is filled in.
#include "ecs/ecs_impl.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

static bool span_inside(Span inner, Span outer)
{
    return inner.file == outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

Diag *ecs_report(EcsCtx *c, DiagCode code, bool warning, const Value *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(c->arena, fmt, ap);
    va_end(ap);
    const char *ph = !warning && c->opt && c->opt->json ? ecs_placeholder(c->arena, v) : NULL;
    if (ph) {
        msg = arena_printf(c->arena, "template placeholder %s where ECS checks the value: %s", ph,
                           msg);
        code = E_ECS_PLACEHOLDER;
        warning = true;
    }
    Span site = span_is_none(v->site) ? v->origin : v->site;
    bool silenced = warning && diags_silenced(c->diags, code, site); // an ignore comment
    bool as_error = !warning || (c->opt && c->opt->strict && !silenced);
    Diag *g = as_error ? diag_error(c->diags, code, site, "%s", msg)
                       : diag_warning(c->diags, code, site, "%s", msg);
    if (ph)
        diag_note(c->diags, g, "the file looks like a template; fill in %s before registering it",
                  ph);
    if (warning && as_error)
        diag_note(c->diags, g, "this is a warning, made an error by --strict");
    bool elsewhere =
        !span_is_none(v->site) && !span_is_none(v->origin) && !span_inside(v->origin, v->site);
    if (elsewhere && value_is_sensitive(v)) // the line that sets it would show the secret
        diag_note(c->diags, g, "the value is sensitive; it is set outside this task definition");
    else if (elsewhere)
        diag_note_at(c->diags, g, v->origin, "the value is set here");
    c->failed |= as_error;
    c->promoted += warning && as_error;
    return g;
}

// Objects up to this many members are searched here, comparing lengths and
// first bytes: the objects the rules read have a few dozen members at most,
// and a scan costs less than hashing the name for value.c's index.
#define GET_LINEAR_MAX 32

// Equal `len` bytes. Member names are short: comparing here spares a call
// to memcmp on every match.
static bool same_bytes(const char *a, const char *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

Value *ecs_get_len(const Value *obj, const char *name, size_t len)
{
    if (!obj || obj->kind != VAL_OBJECT)
        return NULL;
    if (obj->as.object.count > GET_LINEAR_MAX || len == 0)
        return value_object_get(obj, name, len);
    const ValueStr *keys = obj->as.object.keys;
    for (uint32_t i = 0; i < obj->as.object.count; i++)
        if (keys[i].len == len && same_bytes(keys[i].ptr, name, len))
            return obj->as.object.vals[i];
    return NULL;
}

Value **ecs_members(Arena *a, const Value *obj, const SchemaShape *shape)
{
    Value **out = arena_alloc(a, (size_t)shape->count * sizeof(Value *)); // zero-filled
    for (uint32_t i = 0; obj && obj->kind == VAL_OBJECT && i < obj->as.object.count; i++) {
        const ValueStr *k = &obj->as.object.keys[i];
        int32_t slot = schema_slot(shape, k->ptr, k->len);
        if (slot >= 0)
            out[slot] = obj->as.object.vals[i];
    }
    return out;
}

const char *ecs_str(const Value *v)
{
    return v && v->kind == VAL_STRING ? v->as.str.ptr : NULL;
}

bool ecs_int(const Value *v, int64_t *out)
{
    if (!v || v->kind != VAL_NUMBER || !value_number_is_int(v->as.number))
        return false;
    *out = (int64_t)v->as.number;
    return true;
}
