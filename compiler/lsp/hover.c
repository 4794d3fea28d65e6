// hover.c - the text shown on hover, in Markdown: an ECS member's facts from
// the schema tables (API and CloudFormation names, JSON type, allowed
// values, range, pattern, required, AWS's page); a variable's type,
// description and value in every workspace (sensitive values hidden); a
// local's value; a function; a workspace and the values it sets.
#include "lsp/lsp_impl.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/show.h"
#include "emit/emit.h"
#include "eval/eval.h"
#include "syntax/parse.h"

static const ShowStyle SHOW = {"(sensitive)", 200, 160};

const SchemaShape *lsp_shape_at(const LspAt *at, uint32_t depth)
{
    if (depth == 0 || depth > at->nblocks || strcmp(at->blocks[0]->type, "task_definition") != 0)
        return NULL;
    const SchemaShape *shape = schema_task_definition();
    for (uint32_t i = 1; i < depth && shape; i++) {
        const char *type = at->blocks[i]->type;
        const SchemaMember *m = schema_find_block(shape, type);
        if (!m)
            m = schema_find(shape, type);
        if (!m)
            return NULL;
        const SchemaType *t = &m->type;
        if (t->kind == SK_LIST && t->elem)
            t = t->elem;
        shape = t->kind == SK_STRUCT ? t->shape : NULL;
    }
    return shape;
}

static const char *kind_name(const SchemaType *t)
{
    switch (t->kind) {
    case SK_STRING:
        return "string";
    case SK_INTEGER:
        return "integer";
    case SK_BOOLEAN:
        return "boolean";
    case SK_STRUCT:
        return "object";
    case SK_LIST:
        return "list";
    case SK_MAP:
        return "map";
    }
    return "value";
}

// What diagnostic code `num` checks ("Fargate without awsvpc").
static const char *code_description(long num)
{
    switch (num) {
#define X(n, name, desc)                                                                           \
    case n:                                                                                        \
        return desc;
        DIAG_CODE_LIST(X)
#undef X
    }
    return NULL;
}

// "- checked by: E0592 (what it checks), ..." for the rules= list "E0592,E0600".
static void rules_text(Arena *a, StrBuf *b, const char *rules)
{
    buf_puts(b, "- checked by:");
    for (const char *p = rules; *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *code = arena_strndup(a, p, n);
        const char *desc = code[0] == 'E' ? code_description(strtol(code + 1, NULL, 10)) : NULL;
        buf_puts(b, arena_printf(a, "%s %s%s%s%s", p == rules ? "" : ",", code, desc ? " (" : "",
                                 desc ? desc : "", desc ? ")" : ""));
        p += n + (end != NULL);
    }
    buf_putc(b, '\n');
}

static void member_text(Arena *a, StrBuf *b, const SchemaShape *shape, const SchemaMember *m)
{
    buf_puts(b, arena_printf(a, "**%s** — ECS `%s` (CloudFormation `%s`) of `%s`\n\n", m->snake,
                             m->api, m->cfn ? m->cfn : "—", shape->name));
    const SchemaType *t = &m->type;
    const char *elem = t->elem ? kind_name(t->elem) : NULL;
    buf_puts(b, arena_printf(a, "- JSON type: %s%s%s\n", kind_name(t), elem ? " of " : "",
                             elem ? elem : ""));
    buf_puts(b, m->required ? "- required\n" : "- optional\n");
    const SchemaType *vals = t->kind == SK_LIST && t->elem ? t->elem : t;
    if (vals->nenums) {
        buf_puts(b, m->open_enum ? "- documented values:" : "- one of:");
        for (uint32_t i = 0; i < vals->nenums; i++)
            buf_puts(b, arena_printf(a, "%s `%s`", i ? "," : "", vals->enums[i]));
        buf_putc(b, '\n');
    }
    if (m->has_min || m->has_max) {
        const char *what = t->kind == SK_INTEGER ? "range"
                           : t->kind == SK_LIST  ? "items"
                                                 : "length";
        buf_puts(b, arena_printf(a, "- %s: %s to %s\n", what,
                                 m->has_min ? arena_printf(a, "%lld", (long long)m->min) : "…",
                                 m->has_max ? arena_printf(a, "%lld", (long long)m->max) : "…"));
    }
    if (m->pattern)
        buf_puts(b, arena_printf(a, "- pattern: `%s`\n", m->pattern));
    if (m->block)
        buf_puts(b, arena_printf(a, "- may be written as `%s { ... }` blocks\n", m->block));
    if (m->rules)
        rules_text(a, b, m->rules);
    bool request = strcmp(shape->name, "RegisterTaskDefinitionRequest") == 0;
    const char *page = request ? "RegisterTaskDefinition" : shape->name;
    const char *anchor = request ? arena_printf(a, "ECS-RegisterTaskDefinition-request-%s", m->api)
                                 : arena_printf(a, "ECS-Type-%s-%s", shape->name, m->api);
    buf_puts(b, arena_printf(a,
                             "\n[AWS documentation](https://docs.aws.amazon.com/AmazonECS/latest/"
                             "APIReference/API_%s.html#%s)",
                             page, anchor));
}

// The member of an ECS block at the cursor (a block type or an attribute name).
static bool hover_member(Arena *a, StrBuf *b, const LspAt *at)
{
    const SchemaShape *shape = NULL;
    const SchemaMember *m = NULL;
    if (at->on_block_type && at->nblocks >= 2) {
        shape = lsp_shape_at(at, at->nblocks - 1);
        m = shape ? schema_find_block(shape, at->on_block_type->type) : NULL;
        if (shape && !m)
            m = schema_find(shape, at->on_block_type->type);
    } else if (at->attr && at->on_attr_name) {
        shape = lsp_shape_at(at, at->nblocks);
        m = shape ? schema_find(shape, at->attr->name) : NULL;
    }
    if (!m)
        return false;
    member_text(a, b, shape, m);
    return true;
}

static const char *source_text(Analysis *an, Span s)
{
    const SourceFile *f = source_file(&an->src, s.file);
    return arena_strndup(&an->arena, f->text + s.start, s.end - s.start);
}

// True when `v` or anything inside it is sensitive.
static bool any_sensitive(const Value *v)
{
    if (value_is_sensitive(v))
        return true;
    if (v->kind == VAL_LIST)
        for (uint32_t i = 0; i < v->as.list.count; i++)
            if (any_sensitive(v->as.list.items[i]))
                return true;
    if (v->kind == VAL_OBJECT)
        for (uint32_t i = 0; i < v->as.object.count; i++)
            if (any_sensitive(v->as.object.vals[i]))
                return true;
    return false;
}

// The value of variable `i` (or local, when `local`) in workspace `ws`.
static const char *value_in(Analysis *an, const char *ws, bool local, uint32_t i)
{
    Diags scratch;
    diags_init(&scratch, &an->arena);
    Eval ev;
    const char *shown = "(not known: the workspace has errors)";
    if (eval_init(&ev, &an->arena, &scratch, &an->src, &an->mod, &an->inputs, ws, "hover",
                  an->root)) {
        Value *v = local ? eval_local(&ev, i, span_none()) : eval_variable(&ev, i, span_none());
        if (v->kind != VAL_INVALID && !value_has_invalid(v))
            shown = any_sensitive(v) ? "(sensitive)"
                    : v->kind == VAL_LIST || v->kind == VAL_OBJECT
                        ? emit_json(&an->arena, v, EMIT_JSON_COMPACT, NULL)
                        : show_value(&an->arena, v, SHOW);
    }
    eval_free(&ev);
    return shown;
}

static void hover_var(Analysis *an, StrBuf *b, const Variable *v, uint32_t i)
{
    Arena *a = &an->arena;
    buf_puts(b, arena_printf(a, "**var.%s**", v->name));
    if (v->type_attr)
        buf_puts(b, arena_printf(a, " — `%s`", source_text(an, v->type_attr->expr->span)));
    if (v->sensitive)
        buf_puts(b, " (sensitive)");
    buf_puts(b, "\n\n");
    const Node *d = v->description_attr ? v->description_attr->expr : NULL;
    const char *text = d ? ast_literal_text(d, NULL) : NULL;
    if (text && text[0])
        buf_puts(b, arena_printf(a, "%s\n\n", text));
    else if (d)
        buf_puts(b, arena_printf(a, "%s\n\n", source_text(an, d->span)));
    if (!an->has_inputs)
        return;
    uint32_t n = an->mod.nworkspaces;
    for (uint32_t k = 0; k < (n ? n : 1); k++) {
        const char *ws = n ? an->mod.workspaces[k].name : "default";
        buf_puts(b, arena_printf(a, "- `%s`: %s\n", ws, value_in(an, ws, false, i)));
    }
}

static bool hover_ref(Analysis *an, StrBuf *b, const LspAt *at)
{
    Arena *a = &an->arena;
    if (!at->ref_kind || !an->has_module)
        return false;
    if (strcmp(at->ref_kind, "var") == 0) {
        int64_t i = module_find_var(&an->mod, at->ref_name);
        if (i < 0)
            return false;
        hover_var(an, b, &an->mod.vars[i], (uint32_t)i);
        return true;
    }
    if (strcmp(at->ref_kind, "local") == 0) {
        int64_t i = module_find_local(&an->mod, at->ref_name);
        if (i < 0)
            return false;
        buf_puts(b, arena_printf(a, "**local.%s** = `%s`\n", at->ref_name,
                                 source_text(an, an->mod.locals[i].attr->expr->span)));
        if (an->has_inputs)
            buf_puts(b, arena_printf(a, "\nin workspace `%s`: %s\n", an->workspace,
                                     value_in(an, an->workspace, true, (uint32_t)i)));
        return true;
    }
    buf_puts(b, arena_printf(a, "**workspace.%s**: the workspace compiled now is `%s`\n",
                             at->ref_name, an->workspace));
    return true;
}

static bool hover_workspace(Analysis *an, StrBuf *b, const LspAt *at)
{
    if (at->nblocks != 1 || strcmp(at->blocks[0]->type, "workspace") != 0 || at->attr)
        return false;
    const Block *w = at->blocks[0];
    Arena *a = &an->arena;
    buf_puts(b, arena_printf(a, "**workspace %s**\n\n", w->nlabels ? w->labels[0].text : ""));
    for (uint32_t i = 0; w->body && i < w->body->count; i++) {
        const BodyItem *it = &w->body->items[i];
        if (it->kind == ITEM_ATTRIBUTE)
            buf_puts(b, arena_printf(a, "- `%s`\n", source_text(an, it->as.attr->span)));
    }
    return true;
}

static bool hover_call(Analysis *an, StrBuf *b, const LspAt *at, uint32_t offset)
{
    const Node *n = at->node;
    if (!n || n->kind != NODE_CALL || offset > n->as.call.name_end)
        return false;
    const char *line = lsp_function_doc(n->as.call.name);
    if (!line)
        return false;
    buf_puts(b, arena_printf(&an->arena, "```\n%s\n```\n", line));
    return true;
}

cJSON *lsp_hover(LspContext *c)
{
    LspAt at;
    lsp_find(lsp_analysis_body(c->an, c->file), c->offset, &at);
    StrBuf b;
    buf_init(&b, &c->an->arena, 0);
    bool found = hover_member(&c->an->arena, &b, &at) || hover_ref(c->an, &b, &at) ||
                 hover_call(c->an, &b, &at, c->offset) || hover_workspace(c->an, &b, &at);
    if (!found)
        return cJSON_CreateNull();
    cJSON *h = cJSON_CreateObject();
    cJSON *contents = cJSON_AddObjectToObject(h, "contents");
    cJSON_AddStringToObject(contents, "kind", "markdown");
    cJSON_AddStringToObject(contents, "value", b.ptr);
    return h;
}
