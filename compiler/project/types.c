// types.c - type constraint parsing and Terraform-style value conversion.
#include "project/types.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"

static Type *new_type(Arena *a, TypeKind kind)
{
    Type *t = arena_alloc(a, sizeof(Type));
    t->kind = kind;
    return t;
}

static Type *bad_type(Diags *diags, const Node *n, const char *what)
{
    Diag *g = diag_error(diags, E_BAD_TYPE, n->span, "%s", what);
    diag_help(diags, g,
              "types are string, number, bool, any, list(T), set(T), map(T), "
              "tuple([T, ...]) and object({name = T, ...})");
    return NULL;
}

// The literal string of a template node that holds no interpolation.
static const char *literal_key(const Node *n)
{
    return ast_literal_text(n, NULL);
}

// The value of a constant expression (literals, tuples, objects), or NULL.
static Value *const_value(Arena *a, const Node *n)
{
    switch (n->kind) {
    case NODE_NULL:
        return value_null(a, n->span);
    case NODE_BOOL:
        return value_bool(a, n->span, n->as.boolean);
    case NODE_NUMBER:
        return value_number(a, n->span, n->as.number.value);
    case NODE_TEMPLATE:
    case NODE_STRING_LIT: {
        const char *s = literal_key(n);
        return s ? value_cstring(a, n->span, s) : NULL;
    }
    case NODE_PAREN:
        return const_value(a, n->as.paren.inner);
    case NODE_UNARY:
        if (n->as.unary.op == OP_NEG && n->as.unary.operand->kind == NODE_NUMBER)
            return value_number(a, n->span, -n->as.unary.operand->as.number.value);
        return NULL;
    case NODE_TUPLE: {
        Value *v = value_list_new(a, n->span, n->as.tuple.items.count);
        v->flags |= VALF_TUPLE;
        for (uint32_t i = 0; i < n->as.tuple.items.count; i++)
            if (!(v->as.list.items[i] = const_value(a, n->as.tuple.items.items[i])))
                return NULL;
        return v;
    }
    case NODE_OBJECT: {
        Value *v = value_object_new(a, n->span, n->as.object.count);
        for (uint32_t i = 0; i < n->as.object.count; i++) {
            const ObjectItem *it = &n->as.object.items[i];
            const char *k = literal_key(it->key);
            Value *val = const_value(a, it->value);
            if (!k || !val)
                return NULL;
            value_object_set(a, v, k, strlen(k), val);
        }
        return v;
    }
    case NODE_TEMPLATE_IF:
    case NODE_TEMPLATE_FOR:
    case NODE_VARIABLE:
    case NODE_GETATTR:
    case NODE_INDEX:
    case NODE_SPLAT:
    case NODE_SPLAT_ITEM:
    case NODE_CALL:
    case NODE_BINARY:
    case NODE_CONDITIONAL:
    case NODE_FOR:
        return NULL;
    }
    return NULL;
}

static Type *parse_type(Arena *a, Diags *diags, const Node *n, bool in_object);

static bool parse_optional(Arena *a, Diags *diags, const Node *n, TypeAttr *attr)
{
    uint32_t argc = n->as.call.args.count;
    if (argc < 1 || argc > 2) {
        bad_type(diags, n, "optional() takes a type and an optional default");
        return false;
    }
    attr->optional = true;
    attr->type = parse_type(a, diags, n->as.call.args.items[0], false);
    if (!attr->type)
        return false;
    if (argc == 2) {
        const Node *dn = n->as.call.args.items[1];
        Value *d = const_value(a, dn);
        if (!d) {
            bad_type(diags, dn, "the default of optional() must be a constant value");
            return false;
        }
        TypeError err;
        attr->default_value = types_convert(a, d, attr->type, &err);
        if (!attr->default_value) {
            diag_error(diags, E_BAD_TYPE, err.at->origin,
                       "default of optional() does not fit %s: %s", types_text(a, attr->type),
                       err.what);
            return false;
        }
    }
    return true;
}

static Type *parse_object(Arena *a, Diags *diags, const Node *call)
{
    const Node *obj = call->as.call.args.items[0];
    if (obj->kind != NODE_OBJECT)
        return bad_type(diags, obj,
                        "object() takes an object of attribute types: object({a = string})");
    Type *t = new_type(a, TY_OBJECT);
    t->count = obj->as.object.count;
    t->attrs = arena_alloc(a, (size_t)t->count * sizeof(TypeAttr) + 1);
    for (uint32_t i = 0; i < t->count; i++) {
        const ObjectItem *it = &obj->as.object.items[i];
        TypeAttr *attr = &t->attrs[i];
        attr->name = literal_key(it->key);
        if (!attr->name)
            return bad_type(diags, it->key, "an attribute name is expected here");
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(t->attrs[j].name, attr->name) == 0)
                return bad_type(diags, it->key, "attribute named twice in object()");
        const Node *tn = it->value;
        if (tn->kind == NODE_CALL && strcmp(tn->as.call.name, "optional") == 0) {
            if (!parse_optional(a, diags, tn, attr))
                return NULL;
        } else if (!(attr->type = parse_type(a, diags, tn, true))) {
            return NULL;
        }
    }
    return t;
}

static Type *parse_tuple(Arena *a, Diags *diags, const Node *call)
{
    const Node *tup = call->as.call.args.items[0];
    if (tup->kind != NODE_TUPLE)
        return bad_type(diags, tup,
                        "tuple() takes a list of element types: tuple([string, number])");
    Type *t = new_type(a, TY_TUPLE);
    t->count = tup->as.tuple.items.count;
    t->elems = arena_alloc(a, (size_t)t->count * sizeof(Type *) + 1);
    for (uint32_t i = 0; i < t->count; i++)
        if (!(t->elems[i] = parse_type(a, diags, tup->as.tuple.items.items[i], false)))
            return NULL;
    return t;
}

static Type *parse_call(Arena *a, Diags *diags, const Node *n)
{
    static const struct {
        const char *name;
        TypeKind kind;
    } kinds[] = {{"list", TY_LIST},
                 {"set", TY_SET},
                 {"map", TY_MAP},
                 {"tuple", TY_TUPLE},
                 {"object", TY_OBJECT}};
    const char *name = n->as.call.name;
    if (strcmp(name, "optional") == 0)
        return bad_type(diags, n, "optional() is allowed only for an attribute of object()");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(name, kinds[i].name) != 0)
            continue;
        if (n->as.call.args.count != 1 || n->as.call.expand_final)
            return bad_type(diags, n, "a collection type takes exactly one argument");
        if (kinds[i].kind == TY_OBJECT)
            return parse_object(a, diags, n);
        if (kinds[i].kind == TY_TUPLE)
            return parse_tuple(a, diags, n);
        Type *t = new_type(a, kinds[i].kind);
        t->elem = parse_type(a, diags, n->as.call.args.items[0], false);
        return t->elem ? t : NULL;
    }
    return bad_type(diags, n, "unknown type constructor");
}

static Type *parse_type(Arena *a, Diags *diags, const Node *n, bool in_object)
{
    (void)in_object;
    if (n->kind == NODE_PAREN)
        return parse_type(a, diags, n->as.paren.inner, in_object);
    if (n->kind == NODE_CALL)
        return parse_call(a, diags, n);
    if (n->kind != NODE_VARIABLE)
        return bad_type(diags, n, "a type is expected here");
    const char *name = n->as.var.name;
    if (strcmp(name, "string") == 0)
        return new_type(a, TY_STRING);
    if (strcmp(name, "number") == 0)
        return new_type(a, TY_NUMBER);
    if (strcmp(name, "bool") == 0)
        return new_type(a, TY_BOOL);
    if (strcmp(name, "any") == 0)
        return new_type(a, TY_ANY);
    if (strcmp(name, "list") == 0 || strcmp(name, "map") == 0 || strcmp(name, "set") == 0)
        return bad_type(diags, n, "a collection type needs its element type, as in list(string)");
    return bad_type(diags, n, "unknown type");
}

Type *types_parse(Arena *a, Diags *diags, const Node *n)
{
    return parse_type(a, diags, n, false);
}

static void text_append(Arena *a, char **buf, const char *s)
{
    *buf = arena_printf(a, "%s%s", *buf, s);
}

static void type_text(Arena *a, const Type *t, char **buf)
{
    static const char *const simple[] = {"any", "string", "number", "bool"};
    switch (t->kind) {
    case TY_ANY:
    case TY_STRING:
    case TY_NUMBER:
    case TY_BOOL:
        text_append(a, buf, simple[t->kind]);
        return;
    case TY_LIST:
    case TY_SET:
    case TY_MAP:
        text_append(a, buf, t->kind == TY_LIST ? "list(" : t->kind == TY_SET ? "set(" : "map(");
        type_text(a, t->elem, buf);
        text_append(a, buf, ")");
        return;
    case TY_TUPLE:
        text_append(a, buf, "tuple([");
        for (uint32_t i = 0; i < t->count; i++) {
            if (i)
                text_append(a, buf, ", ");
            type_text(a, t->elems[i], buf);
        }
        text_append(a, buf, "])");
        return;
    case TY_OBJECT:
        text_append(a, buf, "object({");
        for (uint32_t i = 0; i < t->count; i++) {
            text_append(a, buf, i ? ", " : "");
            text_append(a, buf, t->attrs[i].name);
            text_append(a, buf, t->attrs[i].optional ? " = optional(" : " = ");
            type_text(a, t->attrs[i].type, buf);
            if (t->attrs[i].optional)
                text_append(a, buf, ")");
        }
        text_append(a, buf, "})");
        return;
    }
}

const char *types_text(Arena *a, const Type *t)
{
    char *buf = arena_strdup(a, "");
    type_text(a, t, &buf);
    return buf;
}

static Value *fail(TypeError *err, const Value *at, const char *what)
{
    err->at = at;
    err->path = "";
    err->what = what;
    return NULL;
}

// Prefixes the path of a failed inner conversion with `step` ("[2]", ".a").
static Value *fail_inside(Arena *a, TypeError *err, const char *step)
{
    err->path = arena_printf(a, "%s%s", step, err->path);
    return NULL;
}

static bool parse_number_text(const char *s, uint32_t len, double *out)
{
    if (len == 0 || len > 64)
        return false;
    char buf[72];
    memcpy(buf, s, len);
    buf[len] = '\0';
    for (uint32_t i = 0; i < len; i++) {
        char c = buf[i];
        bool ok =
            (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
        if (!ok)
            return false; // no hex, inf, nan or white space
    }
    char *end;
    errno = 0;
    double d = strtod(buf, &end);
    if (*end != '\0' || errno == ERANGE || !isfinite(d) || !value_int_text_exact(buf, len))
        return false; // not a number, or an integer that would change value
    *out = d;
    return true;
}

static Value *to_string(Arena *a, Value *v, TypeError *err)
{
    char buf[VALUE_NUMBER_BUF];
    switch (v->kind) {
    case VAL_STRING:
        return v;
    case VAL_NUMBER:
        return value_cstring(a, v->origin, value_number_text(v->as.number, buf));
    case VAL_BOOL:
        return value_cstring(a, v->origin, v->as.boolean ? "true" : "false");
    case VAL_INVALID:
    case VAL_NULL:
    case VAL_LIST:
    case VAL_OBJECT:
        break;
    }
    return fail(err, v, arena_printf(a, "a string is required, got %s", value_type_name(v)));
}

static Value *to_number(Arena *a, Value *v, TypeError *err)
{
    double d;
    if (v->kind == VAL_NUMBER)
        return v;
    if (v->kind == VAL_STRING && parse_number_text(v->as.str.ptr, v->as.str.len, &d))
        return value_number(a, v->origin, d);
    if (v->kind == VAL_STRING && !value_int_text_exact(v->as.str.ptr, v->as.str.len))
        return fail(err, v, "the integer is beyond 2^53, where a number cannot hold it exactly");
    if (v->kind == VAL_STRING)
        return fail(err, v, "a number is required, got a string that is not a number");
    return fail(err, v, arena_printf(a, "a number is required, got %s", value_type_name(v)));
}

static Value *to_bool(Arena *a, Value *v, TypeError *err)
{
    if (v->kind == VAL_BOOL)
        return v;
    if (v->kind == VAL_STRING && strcmp(v->as.str.ptr, "true") == 0)
        return value_bool(a, v->origin, true);
    if (v->kind == VAL_STRING && strcmp(v->as.str.ptr, "false") == 0)
        return value_bool(a, v->origin, false);
    if (v->kind == VAL_STRING)
        return fail(err, v, "a bool is required, got a string other than \"true\" or \"false\"");
    return fail(err, v, arena_printf(a, "a bool is required, got %s", value_type_name(v)));
}

static Value *to_list(Arena *a, Value *v, const Type *elem, TypeError *err)
{
    if (v->kind != VAL_LIST)
        return fail(err, v, arena_printf(a, "a list is required, got %s", value_type_name(v)));
    Value *out = value_list_new(a, v->origin, v->as.list.count);
    out->flags = v->flags & VALF_SENSITIVE;
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        out->as.list.items[i] = types_convert(a, v->as.list.items[i], elem, err);
        if (!out->as.list.items[i])
            return fail_inside(a, err, arena_printf(a, "[%u]", i));
    }
    return out;
}

static int compare_items(const void *x, const void *y)
{
    return value_compare(*(const Value *const *)x, *(const Value *const *)y);
}

static Value *to_set(Arena *a, Value *v, const Type *elem, TypeError *err)
{
    Value *list = to_list(a, v, elem, err);
    if (!list)
        return NULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        bool seen = false;
        for (uint32_t j = 0; j < n && !seen; j++)
            seen = value_equal(list->as.list.items[j], list->as.list.items[i]);
        if (!seen)
            list->as.list.items[n++] = list->as.list.items[i];
    }
    list->as.list.count = n;
    if (elem->kind == TY_STRING || elem->kind == TY_NUMBER || elem->kind == TY_BOOL)
        qsort(list->as.list.items, n, sizeof(Value *), compare_items);
    list->flags |= VALF_SET;
    return list;
}

static Value *to_map(Arena *a, Value *v, const Type *elem, TypeError *err)
{
    if (v->kind != VAL_OBJECT)
        return fail(err, v, arena_printf(a, "a map is required, got %s", value_type_name(v)));
    Value *out = value_object_new(a, v->origin, v->as.object.count);
    out->flags = (uint8_t)((v->flags & VALF_SENSITIVE) | VALF_MAP);
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const ValueStr *k = &v->as.object.keys[i];
        Value *c = types_convert(a, v->as.object.vals[i], elem, err);
        if (!c)
            return fail_inside(a, err, arena_printf(a, "[\"%s\"]", k->ptr));
        value_object_put(a, out, k->ptr, k->len, c);
    }
    return out;
}

static Value *to_tuple(Arena *a, Value *v, const Type *t, TypeError *err)
{
    if (v->kind != VAL_LIST)
        return fail(err, v, arena_printf(a, "a tuple is required, got %s", value_type_name(v)));
    if (v->as.list.count != t->count)
        return fail(err, v,
                    arena_printf(a, "a tuple of %u elements is required, got %u", t->count,
                                 v->as.list.count));
    Value *out = value_list_new(a, v->origin, t->count);
    out->flags = (uint8_t)((v->flags & VALF_SENSITIVE) | VALF_TUPLE);
    for (uint32_t i = 0; i < t->count; i++) {
        out->as.list.items[i] = types_convert(a, v->as.list.items[i], t->elems[i], err);
        if (!out->as.list.items[i])
            return fail_inside(a, err, arena_printf(a, "[%u]", i));
    }
    return out;
}

static Value *to_object(Arena *a, Value *v, const Type *t, TypeError *err)
{
    if (v->kind != VAL_OBJECT)
        return fail(err, v, arena_printf(a, "an object is required, got %s", value_type_name(v)));
    Value *out = value_object_new(a, v->origin, t->count);
    out->flags = v->flags & VALF_SENSITIVE;
    for (uint32_t i = 0; i < t->count; i++) {
        const TypeAttr *at = &t->attrs[i];
        size_t len = strlen(at->name);
        Value *m = value_object_get(v, at->name, len);
        Value *c;
        if (!m && !at->optional)
            return fail(err, v, arena_printf(a, "attribute \"%s\" is required", at->name));
        if (!m)
            c = at->default_value ? at->default_value : value_null(a, v->origin);
        else if (!(c = types_convert(a, m, at->type, err)))
            return fail_inside(a, err, arena_printf(a, ".%s", at->name));
        if (m && m->kind == VAL_NULL && at->default_value)
            c = at->default_value; // Terraform: a null optional attribute takes the default
        value_object_put(a, out, at->name, len, c);
    }
    return out;
}

Value *types_convert(Arena *a, Value *v, const Type *t, TypeError *err)
{
    if (v->kind == VAL_INVALID || v->kind == VAL_NULL || t->kind == TY_ANY)
        return v;
    switch (t->kind) {
    case TY_ANY:
        return v;
    case TY_STRING:
        return to_string(a, v, err);
    case TY_NUMBER:
        return to_number(a, v, err);
    case TY_BOOL:
        return to_bool(a, v, err);
    case TY_LIST:
        return to_list(a, v, t->elem, err);
    case TY_SET:
        return to_set(a, v, t->elem, err);
    case TY_MAP:
        return to_map(a, v, t->elem, err);
    case TY_TUPLE:
        return to_tuple(a, v, t, err);
    case TY_OBJECT:
        return to_object(a, v, t, err);
    }
    return v;
}
