// emit/tfvars.c - variable values as a Terraform .tfvars file or .tfvars.json.
//
// The .tfvars text is HCL that Terraform and hclc's own --var-file both read
// back as exactly the values written: one `name = value` line per variable
// in bytewise name order, strings in double quotes, objects on several lines
// indented two spaces per level. Terraform's template sequences are escaped
// its way: `${` is written `$${` and `%{` `%%{` (hclc reads those two
// escapes back in .tfvars files, see inputs.c). hclc's own `$<` and `%<`
// mean nothing to Terraform, but would to hclc: they are written \u0024<
// and \u0025<, an escape both readers decode after they look for
// templates. The JSON form goes through emit_json.
#include "emit/emit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"

#define EMIT_MAX_DEPTH 10000 // see emit/json.c
#define INDENT_WIDTH 2

static void indent(StrBuf *o, unsigned depth)
{
    buf_repeat(o, ' ', (size_t)depth * INDENT_WIDTH);
}

// --- strings and keys ---------------------------------------------------------

// True when s[i] starts "${" or "%{" (Terraform's template sequences).
static bool starts_terraform_template(const char *s, size_t len, size_t i)
{
    return (s[i] == '$' || s[i] == '%') && i + 1 < len && s[i + 1] == '{';
}

// True when s[i] starts "$<" or "%<" (hclc's template sequences).
static bool starts_hclc_template(const char *s, size_t len, size_t i)
{
    return (s[i] == '$' || s[i] == '%') && i + 1 < len && s[i + 1] == '<';
}

static void put_char_escaped(StrBuf *o, const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    char buf[8];
    const char *esc = c == '\\' ? "\\\\" : c == '"' ? "\\\"" : c == '\n' ? "\\n" : NULL;
    esc = c == '\r' ? "\\r" : c == '\t' ? "\\t" : esc;
    if (esc) {
        buf_puts(o, esc);
    } else if (starts_terraform_template(s, len, i)) {
        buf_put(o, s + i, 1); // $${ or %%{: the first character doubled
        buf_put(o, s + i, 1);
    } else if (c < 0x20 || c == 0x7f || starts_hclc_template(s, len, i)) {
        snprintf(buf, sizeof buf, "\\u%04x", c);
        buf_puts(o, buf);
    } else {
        buf_put(o, s + i, 1);
    }
}

static void put_string(StrBuf *o, const char *s, size_t len)
{
    buf_put(o, "\"", 1);
    for (size_t i = 0; i < len; i++)
        put_char_escaped(o, s, len, i);
    buf_put(o, "\"", 1);
}

static bool is_keyword(const char *s, size_t len)
{
    static const char *const words[] = {"true", "false", "null", "for", "in", "if"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
            return true;
    return false;
}

// An identifier both languages read as the key itself: [A-Za-z_][A-Za-z0-9_-]*,
// and not a keyword (`{ for = 1 }` would start a for-expression).
static bool is_bare_key(const char *s, size_t len)
{
    if (len == 0 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    for (size_t i = 1; i < len; i++) {
        char c = s[i];
        bool ok = c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return !is_keyword(s, len);
}

static void put_key(StrBuf *o, const ValueStr *k)
{
    if (is_bare_key(k->ptr, k->len))
        buf_put(o, k->ptr, k->len);
    else
        put_string(o, k->ptr, k->len);
}

// --- values -------------------------------------------------------------------

static void put_value(StrBuf *o, const Value *v, unsigned depth);

static void put_number(StrBuf *o, double n)
{
    if (!isfinite(n))
        INTERNAL_ERROR("a non-finite number reached the tfvars emitter");
    char buf[VALUE_NUMBER_BUF];
    buf_puts(o, value_number_text(n, buf));
}

// True when `v` prints on one line: a scalar or an empty collection.
static bool is_flat(const Value *v)
{
    if (v->kind == VAL_LIST)
        return v->as.list.count == 0;
    if (v->kind == VAL_OBJECT)
        return v->as.object.count == 0;
    return true;
}

// [a, b] when every item is flat, else one item a line with a trailing comma.
static void put_list(StrBuf *o, const Value *v, unsigned depth)
{
    bool flat = true;
    for (uint32_t i = 0; i < v->as.list.count && flat; i++)
        flat = is_flat(v->as.list.items[i]);
    buf_put(o, "[", 1);
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        if (flat) {
            if (i > 0)
                buf_put(o, ", ", 2);
        } else {
            buf_put(o, "\n", 1);
            indent(o, depth + 1);
        }
        put_value(o, v->as.list.items[i], depth + 1);
        if (!flat)
            buf_put(o, ",", 1);
    }
    if (!flat && v->as.list.count > 0) {
        buf_put(o, "\n", 1);
        indent(o, depth);
    }
    buf_put(o, "]", 1);
}

// Members in their order (hclc keeps it; Terraform sorts keys anyway).
static void put_object(StrBuf *o, const Value *v, unsigned depth)
{
    if (v->as.object.count == 0) {
        buf_put(o, "{}", 2);
        return;
    }
    buf_put(o, "{\n", 2);
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        indent(o, depth + 1);
        put_key(o, &v->as.object.keys[i]);
        buf_put(o, " = ", 3);
        put_value(o, v->as.object.vals[i], depth + 1);
        buf_put(o, "\n", 1);
    }
    indent(o, depth);
    buf_put(o, "}", 1);
}

static void put_value(StrBuf *o, const Value *v, unsigned depth)
{
    if (depth > EMIT_MAX_DEPTH)
        INTERNAL_ERROR("value nested too deeply for the tfvars emitter");
    switch (v->kind) {
    case VAL_INVALID:
        INTERNAL_ERROR("an invalid value reached the tfvars emitter");
    case VAL_NULL:
        buf_puts(o, "null");
        return;
    case VAL_BOOL:
        buf_puts(o, v->as.boolean ? "true" : "false");
        return;
    case VAL_NUMBER:
        put_number(o, v->as.number);
        return;
    case VAL_STRING:
        put_string(o, v->as.str.ptr, v->as.str.len);
        return;
    case VAL_LIST:
        put_list(o, v, depth);
        return;
    case VAL_OBJECT:
        put_object(o, v, depth);
        return;
    }
    INTERNAL_ERROR("unknown value kind");
}

// --- files --------------------------------------------------------------------

static int compare_vars(const void *a, const void *b)
{
    return strcmp(((const EmitVar *)a)->name, ((const EmitVar *)b)->name);
}

// A copy of `vars` in bytewise name order.
static EmitVar *sorted(Arena *a, const EmitVar *vars, uint32_t n)
{
    EmitVar *s = arena_alloc(a, ((size_t)n + 1) * sizeof(EmitVar));
    if (n > 0)
        memcpy(s, vars, (size_t)n * sizeof(EmitVar));
    qsort(s, n, sizeof(EmitVar), compare_vars);
    return s;
}

char *emit_tfvars(Arena *a, const EmitVar *vars, uint32_t n, size_t *len)
{
    EmitVar *s = sorted(a, vars, n);
    StrBuf o; // on the heap, then the arena's
    buf_init(&o, NULL, 0);
    buf_put(&o, "", 0); // an empty file is "" too
    for (uint32_t i = 0; i < n; i++) {
        if (!s[i].value) {
            buf_puts(&o, "# ");
            buf_puts(&o, s[i].name);
            buf_puts(&o, " is sensitive: left out (use --include-sensitive)\n");
            continue;
        }
        buf_puts(&o, s[i].name);
        buf_put(&o, " = ", 3);
        put_value(&o, s[i].value, 0);
        buf_put(&o, "\n", 1);
    }
    arena_adopt(a, o.ptr);
    if (len)
        *len = o.len;
    return o.ptr;
}

char *emit_tfvars_json(Arena *a, const EmitVar *vars, uint32_t n, size_t *len)
{
    EmitVar *s = sorted(a, vars, n);
    Value *obj = value_object_new(a, span_none(), n);
    for (uint32_t i = 0; i < n; i++)
        if (s[i].value)
            value_object_put(a, obj, s[i].name, strlen(s[i].name), s[i].value);
    return emit_json(a, obj, EMIT_JSON_PRETTY, len);
}
