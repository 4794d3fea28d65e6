// inputs.c - variable values from --var-file files, HCLC_VAR_ environment
// variables and --var flags, in increasing precedence. A later source
// replaces an earlier one for the same variable.
#include "project/inputs.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "decode/decode.h"
#include "project/load.h"
#include "syntax/lex.h"
#include "syntax/parse.h"

#define ENV_PREFIX "HCLC_VAR_"

typedef struct Collector {
    Arena *arena;
    Diags *diags;
    SourceSet *src;
    const Module *mod;
    Inputs *out;
    bool ok;
} Collector;

static const char **var_names(Collector *c)
{
    const char **names = arena_alloc(c->arena, (c->mod->nvars + 1) * sizeof(char *));
    for (uint32_t i = 0; i < c->mod->nvars; i++)
        names[i] = c->mod->vars[i].name;
    return names;
}

// Stores `in` for variable `name`; reports an undeclared name (a warning
// for environment variables, as Terraform does).
static void store(Collector *c, const char *name, Span at, InputValue *in)
{
    int64_t i = module_find_var(c->mod, name);
    if (i >= 0) {
        c->out->by_var[i] = in;
        return;
    }
    bool env = in->source == INPUT_ENV;
    // An environment variable's line would show its value, which may be a
    // secret meant for another tool: the warning names it and shows nothing.
    Diag *g = env ? diag_warning(c->diags, E_UNDECLARED_INPUT, span_none(),
                                 "%s sets no declared variable", in->label)
                  : diag_error(c->diags, E_UNDECLARED_INPUT, at,
                               "value for undeclared variable \"%s\"", name);
    if (!diag_help_suggest(c->diags, g, name, var_names(c), c->mod->nvars))
        diag_help(c->diags, g, "declare it first: variable \"%s\" {}", name);
    c->ok &= env;
}

static InputValue *new_input(Collector *c, InputSource source, const char *label, Span span)
{
    InputValue *in = arena_alloc(c->arena, sizeof(InputValue));
    in->source = source;
    in->label = label;
    in->span = span;
    return in;
}

// --- var files -----------------------------------------------------------------

// Terraform's template escapes in a string of a .tfvars file: `$${` is
// `${` and `%%{` is `%{`, so that files Terraform reads mean the same to
// hclc (its own `${` and `%{` are plain text anyway). Scans left to right as
// HCL's scanner does: "$$${" is "$" then "${".
static void unescape_terraform(Arena *a, Node *n)
{
    if (n->kind == NODE_STRING_LIT) {
        char *t = arena_alloc(a, (size_t)n->as.str.len + 1);
        const char *s = n->as.str.text;
        uint32_t k = 0;
        for (uint32_t i = 0; i < n->as.str.len; i++) {
            if ((s[i] == '$' || s[i] == '%') && i + 2 < n->as.str.len && s[i + 1] == s[i] &&
                s[i + 2] == '{')
                i++;
            t[k++] = s[i];
        }
        n->as.str.text = t;
        n->as.str.len = k;
    } else if (n->kind == NODE_TEMPLATE) {
        for (uint32_t i = 0; i < n->as.template.parts.count; i++)
            unescape_terraform(a, n->as.template.parts.items[i]);
    } else if (n->kind == NODE_TUPLE) {
        for (uint32_t i = 0; i < n->as.tuple.items.count; i++)
            unescape_terraform(a, n->as.tuple.items.items[i]);
    } else if (n->kind == NODE_OBJECT) {
        for (uint32_t i = 0; i < n->as.object.count; i++) {
            unescape_terraform(a, n->as.object.items[i].key);
            unescape_terraform(a, n->as.object.items[i].value);
        }
    } else if (n->kind == NODE_PAREN) {
        unescape_terraform(a, n->as.paren.inner);
    } // other expressions hold no string a tfvars file writes
}

static void tfvars_file(Collector *c, uint32_t file, const char *label)
{
    LoadedFile lf;
    size_t before = c->diags->errors;
    load_parse_file(c->arena, c->src, c->diags, file, &lf);
    if (c->diags->errors != before) {
        c->ok = false;
        return;
    }
    for (uint32_t i = 0; i < lf.body->count; i++) {
        const BodyItem *it = &lf.body->items[i];
        if (it->kind == ITEM_BLOCK) {
            diag_error(c->diags, E_UNKNOWN_BLOCK, it->as.block->type_span,
                       "a var file sets variables with attributes; blocks are not allowed");
            c->ok = false;
            continue;
        }
        const Attribute *at = it->as.attr;
        unescape_terraform(c->arena, at->expr);
        InputValue *in = new_input(c, INPUT_VAR_FILE, label, at->expr->span);
        in->expr = at->expr;
        store(c, at->name, at->name_span, in);
    }
}

static void decoded_file(Collector *c, Value *v, uint32_t file, const char *label)
{
    if (!v) {
        c->ok = false;
        return;
    }
    if (v->kind != VAL_OBJECT) {
        Span at = span_make(file, 0, 0);
        diag_error(c->diags, E_UNDECLARED_INPUT, at,
                   "a var file must hold an object of variable values, not a %s",
                   value_type_name(v));
        c->ok = false;
        return;
    }
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        Value *val = v->as.object.vals[i];
        InputValue *in = new_input(c, INPUT_VAR_FILE, label, val->origin);
        in->value = val;
        store(c, v->as.object.keys[i].ptr, val->origin, in);
    }
}

static void var_file(Collector *c, const char *path, bool *io_error)
{
    uint32_t file;
    if (load_read_file(c->src, c->diags, path, &file) != LOAD_OK) {
        *io_error = true;
        c->ok = false;
        return;
    }
    const char *label = arena_printf(c->arena, "--var-file %s", path);
    switch (load_format(path)) {
    case LOAD_FORMAT_JSON:
        decoded_file(c, decode_json_file(c->arena, c->src, file, c->diags), file, label);
        break;
    case LOAD_FORMAT_YAML:
        decoded_file(c, decode_yaml_file(c->arena, c->src, file, c->diags), file, label);
        break;
    case LOAD_FORMAT_HCL:
        tfvars_file(c, file, label);
        break;
    }
}

// --- flags and environment -----------------------------------------------------

static bool primitive(const Variable *v)
{
    return !v || !v->type || v->type->kind == TY_STRING || v->type->kind == TY_NUMBER ||
           v->type->kind == TY_BOOL || v->type->kind == TY_ANY;
}

// Values are text as in var files: invalid UTF-8 (which would reach the
// JSON output raw) is an error at its byte. Reports and returns false.
static bool valid_text(Collector *c, uint32_t file, const char *label)
{
    const SourceFile *f = source_file(c->src, file);
    uint32_t bad = (uint32_t)utf8_invalid_at(f->text, f->len);
    if (bad == f->len)
        return true;
    Diag *g = diag_error(c->diags, E_BAD_UTF8, span_make(file, bad, bad + 1),
                         "invalid UTF-8 byte 0x%02X in %s", (unsigned char)f->text[bad], label);
    diag_help(c->diags, g, "values are UTF-8 text, as in var files");
    c->ok = false;
    return false;
}

// `text` is "NAME=VALUE" held in a pseudo-file named `file_name`; `skip`
// bytes before NAME are a prefix (HCLC_VAR_).
static void assignment(Collector *c, const char *file_name, const char *text, size_t skip,
                       InputSource source, const char *label)
{
    const char *eq = strchr(text, '=');
    uint32_t file = source_add(c->src, file_name, text, strlen(text));
    const char *name = arena_strndup(c->arena, text + skip, (size_t)(eq - text) - skip);
    uint32_t vstart = (uint32_t)(eq - text) + 1;
    Span name_span = span_make(file, (uint32_t)skip, vstart - 1);
    Span value_span = span_make(file, vstart, (uint32_t)strlen(text));
    int64_t vi = module_find_var(c->mod, name);
    if (vi >= 0 && !valid_text(c, file, label))
        return;
    InputValue *in = new_input(c, source, label, value_span);
    if (primitive(vi >= 0 ? &c->mod->vars[vi] : NULL)) {
        in->raw_string = true;
        store(c, name, name_span, in);
        return;
    }
    // A complex type: the value is an expression ("name = [1, 2]" parses as an attribute).
    LoadedFile lf;
    size_t before = c->diags->errors;
    load_parse_file(c->arena, c->src, c->diags, file, &lf);
    if (c->diags->errors != before || lf.body->count != 1 ||
        lf.body->items[0].kind != ITEM_ATTRIBUTE) {
        if (c->diags->errors == before)
            diag_error(c->diags, E_BAD_VAR_FLAG, value_span, "expected one value for \"%s\"", name);
        c->ok = false;
        return;
    }
    in->expr = lf.body->items[0].as.attr->expr;
    store(c, name, name_span, in);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void environment(Collector *c, const char *const *env)
{
    size_t n = 0;
    for (size_t i = 0; env && env[i]; i++)
        n += strncmp(env[i], ENV_PREFIX, strlen(ENV_PREFIX)) == 0 && strchr(env[i], '=');
    const char **list = arena_alloc(c->arena, (n + 1) * sizeof(char *));
    n = 0;
    for (size_t i = 0; env && env[i]; i++)
        if (strncmp(env[i], ENV_PREFIX, strlen(ENV_PREFIX)) == 0 && strchr(env[i], '='))
            list[n++] = env[i];
    qsort(list, n, sizeof(char *), compare_strings); // reproducible order
    for (size_t i = 0; i < n; i++) {
        const char *eq = strchr(list[i], '=');
        const char *var = arena_strndup(c->arena, list[i], (size_t)(eq - list[i]));
        assignment(c, "<environment>", list[i], strlen(ENV_PREFIX), INPUT_ENV,
                   arena_printf(c->arena, "the environment variable %s", var));
    }
}

bool inputs_collect(Arena *a, Diags *diags, SourceSet *src, const Module *mod,
                    const InputOptions *opt, Inputs *out, bool *io_error)
{
    out->count = mod->nvars;
    out->by_var = arena_alloc(a, (mod->nvars + 1) * sizeof(InputValue *));
    *io_error = false;
    Collector c = {a, diags, src, mod, out, true};
    for (uint32_t i = 0; i < opt->nvar_files; i++)
        var_file(&c, opt->var_files[i], io_error);
    environment(&c, opt->environ);
    for (uint32_t i = 0; i < opt->nvar_flags; i++) {
        const char *flag = opt->var_flags[i];
        if (!strchr(flag, '=') || flag[0] == '=') {
            diag_error(diags, E_BAD_VAR_FLAG, span_none(), "--var needs NAME=VALUE, got \"%s\"",
                       flag);
            c.ok = false;
            continue;
        }
        const char *eq = strchr(flag, '=');
        const char *name = arena_strndup(a, flag, (size_t)(eq - flag));
        assignment(&c, "<--var>", flag, 0, INPUT_FLAG,
                   arena_printf(a, "the flag --var %s=...", name));
    }
    return c.ok;
}
