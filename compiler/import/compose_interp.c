// compose_interp.c - compose's ${VAR} interpolation, applied when a compose
// file is imported. Compose fills the variables from the shell that runs it
// (and a .env file); the import cannot see that shell, so a variable with a
// default takes its default and one without stays as written, each with a
// warning that says so. $$ (compose's escape) is a single $.
#include "import/compose_impl.h"

#include <string.h>

typedef struct Interp {
    Importer *im;
    StrBuf defaults; // names of variables whose default was taken
    StrBuf kept;     // names of variables kept as written
    Value **done;    // pairs (string, its result): an alias is warned about once
    uint32_t ndone, cap;
} Interp;

// Adds name s[0..n) to the list, once; an empty name (`${}`) is not one.
static void add_name(StrBuf *names, const char *s, size_t n)
{
    if (n == 0)
        return;
    const char *name = arena_strndup(names->arena, s, n);
    for (const char *p = names->ptr; p && (p = strstr(p, name)); p += n)
        if ((p == names->ptr || p[-1] == ' ') && (p[n] == ',' || !p[n]))
            return;
    if (names->len)
        buf_puts(names, ", ");
    buf_put(names, s, n);
}

static size_t name_len(const char *s)
{
    size_t n = 0;
    while (s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
           (n && s[n] >= '0' && s[n] <= '9'))
        n++;
    return n;
}

// The end of the ${...} that starts at `s` (at its '}'), or NULL.
static const char *brace_end(const char *s)
{
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (p[0] == '$' && p[1] == '{') {
            depth++;
            p++;
        } else if (*p == '}' && --depth == 0) {
            return p;
        }
    }
    return NULL;
}

static void expand(Interp *I, const char *s, size_t len, StrBuf *out);

// One ${...} (the text between the braces): its default, or itself.
static void braced(Interp *I, const char *in, size_t len, StrBuf *out)
{
    size_t n = name_len(in);
    const char *op = in + n;
    size_t skip = strncmp(op, ":-", 2) == 0 ? 2 : *op == '-' ? 1 : 0;
    if (n && skip) {
        add_name(&I->defaults, in, n);
        expand(I, op + skip, len - n - skip, out);
        return;
    }
    add_name(&I->kept, in, n ? n : len);
    buf_puts(out, "${");
    buf_put(out, in, len);
    buf_putc(out, '}');
}

static void expand(Interp *I, const char *s, size_t len, StrBuf *out)
{
    const char *end = s + len;
    for (const char *p = s; p < end;) {
        const char *close = p[0] == '$' && p + 1 < end && p[1] == '{' ? brace_end(p) : NULL;
        size_t n = p[0] == '$' && p + 1 < end ? name_len(p + 1) : 0;
        if (p[0] == '$' && p + 1 < end && p[1] == '$') {
            buf_putc(out, '$');
            p += 2;
        } else if (close && close < end) {
            braced(I, p + 2, (size_t)(close - p - 2), out);
            p = close + 1;
        } else if (n) {
            add_name(&I->kept, p + 1, n);
            buf_put(out, p, n + 1);
            p += n + 1;
        } else {
            buf_putc(out, *p++);
        }
    }
}

static Value *string(Interp *I, Value *v)
{
    if (!strchr(v->as.str.ptr, '$'))
        return v;
    for (uint32_t i = 0; i + 1 < I->ndone; i += 2)
        if (I->done[i] == v)
            return I->done[i + 1];
    Arena *a = I->im->a;
    StrBuf out;
    buf_init(&out, a, 0);
    buf_puts(&out, "");
    buf_init(&I->defaults, a, 0);
    buf_init(&I->kept, a, 0);
    expand(I, v->as.str.ptr, v->as.str.len, &out);
    if (I->defaults.len) {
        Diag *g = diag_warning(I->im->diags, E_IMPORT_LEFT_OUT, v->origin,
                               "compose fills %s from the shell or .env: the default written "
                               "in the file is taken",
                               I->defaults.ptr);
        diag_help(I->im->diags, g,
                  "for a value that differs between environments, declare a variable and "
                  "write $<var.NAME> in its place");
    }
    if (I->kept.len) {
        Diag *g = diag_warning(I->im->diags, E_IMPORT_LEFT_OUT, v->origin,
                               "compose fills %s from the shell or .env: kept as written, "
                               "ECS will not replace it",
                               I->kept.ptr);
        diag_help(I->im->diags, g,
                  "write the value in its place, or declare a variable and write $<var.NAME>");
    }
    Value *s = value_string(a, v->origin, out.ptr, out.len);
    s->site = v->site;
    BUF_RESERVE(a, I->done, I->ndone, I->cap);
    I->done[I->ndone++] = v;
    BUF_RESERVE(a, I->done, I->ndone, I->cap);
    I->done[I->ndone++] = s;
    return s;
}

static Value *walk(Interp *I, Value *v, int depth)
{
    if (!v || depth > 64)
        return v;
    if (v->kind == VAL_STRING)
        return string(I, v);
    if (v->kind == VAL_LIST) {
        Value *out = value_list_new(I->im->a, v->origin, v->as.list.count);
        for (uint32_t i = 0; i < v->as.list.count; i++)
            out->as.list.items[i] = walk(I, v->as.list.items[i], depth + 1);
        return out;
    }
    if (v->kind != VAL_OBJECT)
        return v;
    Value *out = value_object_new(I->im->a, v->origin, v->as.object.count);
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const char *k = v->as.object.keys[i].ptr;
        Value *val = v->as.object.vals[i];
        value_object_set(I->im->a, out, k, v->as.object.keys[i].len,
                         strncmp(k, "x-", 2) == 0 ? val : walk(I, val, depth + 1));
    }
    return out;
}

Value *compose_interpolate(Importer *im, Value *doc)
{
    Interp I = {.im = im};
    return walk(&I, doc, 0);
}
