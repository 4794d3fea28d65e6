// template.c - a Terraform template_file JSON (a task definition or a
// container array with ${placeholders}) as hclc: each placeholder becomes a
// variable, "${NAME}" inside a string "$<var.NAME>", and a placeholder that
// is a whole JSON value (`"memory": ${memory}`) var.NAME, typed as the
// schema types that member (number, bool, list(...), map(...), else string).
#include "import/import_impl.h"

#include <string.h>

#include "ecs/schema.h"

typedef struct Tmpl {
    Importer *im;
    const char **names; // the variables in order of first use
    const char **types;
    uint32_t n, cap;
} Tmpl;

static void note_var(Tmpl *T, const char *name, size_t len, const char *type)
{
    for (uint32_t i = 0; i < T->n; i++)
        if (strlen(T->names[i]) == len && strncmp(T->names[i], name, len) == 0)
            return;
    uint32_t cap = T->cap;
    BUF_RESERVE(T->im->a, T->names, T->n, cap);
    BUF_RESERVE(T->im->a, T->types, T->n, T->cap);
    T->names[T->n] = arena_strndup(T->im->a, name, len);
    T->types[T->n++] = type;
}

static Value *ref(Tmpl *T, const char *text)
{
    Importer *im = T->im;
    Value *v = value_cstring(im->a, span_none(), text);
    BUF_RESERVE(im->a, im->refs, im->nrefs, im->cap);
    im->refs[im->nrefs++] = v;
    return v;
}

static bool is_hole(const Tmpl *T, const Value *v)
{
    const JsonText *j = T->im->json;
    for (uint32_t i = 0; v->origin.file == T->im->file && i < j->nholes; i++)
        if (j->holes[i] == v->origin.start)
            return true;
    return false;
}

// The variable type of a value in place `t` (member `m`): number, bool,
// string, or the collection type a whole list, map or structure takes
// (`"environment": ${env}` is list(any), given as an expression or a var file).
static const char *type_of(const SchemaType *t, const SchemaMember *m)
{
    if (!t)
        return "string";
    switch (t->kind) {
    case SK_INTEGER:
        return "number";
    case SK_BOOLEAN:
        return "bool";
    case SK_LIST:
        return !t->elem                      ? "list(any)"
               : t->elem->kind == SK_STRING  ? "list(string)"
               : t->elem->kind == SK_INTEGER ? "list(number)"
                                             : "list(any)";
    case SK_MAP:
        return t->elem && t->elem->kind == SK_STRING ? "map(string)" : "map(any)";
    case SK_STRUCT:
        return "map(any)";
    default:
        return m && (strcmp(m->api, "cpu") == 0 || strcmp(m->api, "memory") == 0) ? "number"
                                                                                  : "string";
    }
}

// A string with ${NAME} placeholders as a quoted hclc template, or NULL
// when it holds none.
static Value *string_holes(Tmpl *T, const Value *v)
{
    const char *s = v->as.str.ptr;
    if (!strstr(s, "${"))
        return NULL;
    StrBuf b;
    buf_init(&b, T->im->a, 0);
    buf_putc(&b, '"');
    size_t start = 0, len = v->as.str.len;
    bool any = false;
    for (size_t i = 0; i + 3 < len + 1; i++) {
        if (s[i] == '$' && s[i + 1] == '$' && s[i + 2] == '{') { // $${ is a literal ${
            const char *q = hcl_string(T->im->a, s + start, i - start);
            buf_put(&b, q + 1, strlen(q) - 2);
            start = i + 1;
            i += 2;
            any = true;
            continue;
        }
        if (s[i] != '$' || s[i + 1] != '{')
            continue;
        size_t k = i + 2;
        while (k < len && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                           s[k] == '_' || (k > i + 2 && s[k] >= '0' && s[k] <= '9')))
            k++;
        if (k == i + 2 || k >= len || s[k] != '}')
            continue;
        const char *q = hcl_string(T->im->a, s + start, i - start);
        buf_put(&b, q + 1, strlen(q) - 2);
        buf_puts(&b, "$<var.");
        buf_put(&b, s + i + 2, k - i - 2);
        buf_putc(&b, '>');
        note_var(T, s + i + 2, k - i - 2, "string");
        start = k + 1;
        i = k;
        any = true;
    }
    if (!any)
        return NULL;
    if (b.len > 8 && strncmp(b.ptr, "\"$<var.", 7) == 0 && start == len &&
        strchr(b.ptr + 1, '$') == b.ptr + 1 && strchr(b.ptr, '>') == b.ptr + b.len - 1)
        return ref(T, arena_printf(T->im->a, "var.%.*s", (int)(b.len - 8), b.ptr + 7));
    const char *q = hcl_string(T->im->a, s + start, len - start);
    buf_put(&b, q + 1, strlen(q) - 2);
    buf_putc(&b, '"');
    return ref(T, b.ptr);
}

static Value *walk(Tmpl *T, Value *v, const SchemaType *t, const SchemaMember *m)
{
    Arena *a = T->im->a;
    if (v->kind == VAL_STRING && is_hole(T, v)) {
        note_var(T, v->as.str.ptr + 1, v->as.str.len - 1, type_of(t, m));
        return ref(T, arena_printf(a, "var.%s", v->as.str.ptr + 1));
    }
    if (v->kind == VAL_STRING) {
        Value *r = string_holes(T, v);
        return r ? r : v;
    }
    if (v->kind == VAL_LIST) {
        Value *out = value_list_new(a, v->origin, v->as.list.count);
        const SchemaType *et = t && t->kind == SK_LIST ? t->elem : NULL;
        for (uint32_t i = 0; i < v->as.list.count; i++)
            out->as.list.items[i] = walk(T, v->as.list.items[i], et, m);
        return out;
    }
    if (v->kind != VAL_OBJECT)
        return v;
    Value *out = value_object_new(a, v->origin, v->as.object.count);
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const ValueStr *k = &v->as.object.keys[i];
        const SchemaMember *cm = t && t->kind == SK_STRUCT ? schema_find(t->shape, k->ptr) : NULL;
        const SchemaType *ct = cm ? &cm->type : t && t->kind == SK_MAP ? t->elem : NULL;
        value_object_put(a, out, k->ptr, k->len, walk(T, v->as.object.vals[i], ct, cm));
    }
    return out;
}

Value *template_task(Importer *im, Value *v, const char **vars)
{
    if (!v)
        return NULL;
    Tmpl T = {.im = im};
    SchemaType task = {SK_STRUCT, schema_task_definition(), NULL, NULL, 0};
    Value *out = walk(&T, v, &task, NULL);
    HclBody top = {0};
    for (uint32_t i = 0; i < T.n; i++) {
        HclBody body = {0};
        hcl_add(im, &body, HCL_ATTR, "type", T.types[i]);
        const char *d = arena_printf(im->a, "${%s} of the template", T.names[i]);
        hcl_add(im, &body, HCL_ATTR, "description", hcl_string(im->a, d, strlen(d)));
        hcl_add(im, &top, HCL_BLOCK, arena_printf(im->a, "variable \"%s\"", T.names[i]),
                hcl_body_text(im, &body, 1));
    }
    *vars = hcl_body_text(im, &top, 0);
    return out;
}
