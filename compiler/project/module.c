// module.c - merges parsed bodies into declarations and checks their shape.
#include "project/module.h"

#include <string.h>

#include "base/buf.h"
#include "base/hash.h"

static const char *const block_types[] = {"variable",        "locals", "workspace",
                                          "task_definition", "output", "cloudformation"};
static const char *const variable_attrs[] = {"type",      "default",  "description",
                                             "sensitive", "nullable", "cfn_parameter",
                                             "cfn_name",  "cfn_type"};
static const char *const cfn_task_attrs[] = {"cfn_name", "cfn_condition", "cfn_depends_on"};
static const char *const output_attrs[] = {"value", "description", "sensitive"};
static const char *const validation_attrs[] = {"condition", "error_message"};
static const char *const cloudformation_attrs[] = {"external", "conditions", "mappings"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// --- name maps ------------------------------------------------------------

static int64_t map_find(const NameMap *m, const char *name)
{
    if (!m->cap)
        return -1;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = hash_fnv32(name, strlen(name)) & mask; m->names[i]; i = (i + 1) & mask)
        if (strcmp(m->names[i], name) == 0)
            return m->index[i];
    return -1;
}

static void map_insert(Arena *a, NameMap *m, const char *name, uint32_t pos);

static void map_grow(Arena *a, NameMap *m)
{
    NameMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->names = arena_alloc(a, m->cap * sizeof(char *));
    m->index = arena_alloc(a, m->cap * sizeof(uint32_t));
    m->count = 0;
    for (uint32_t i = 0; i < old.cap; i++)
        if (old.names[i])
            map_insert(a, m, old.names[i], old.index[i]);
}

static void map_insert(Arena *a, NameMap *m, const char *name, uint32_t pos)
{
    if ((m->count + 1) * 2 > m->cap)
        map_grow(a, m);
    uint32_t i = hash_fnv32(name, strlen(name)) & (m->cap - 1);
    while (m->names[i])
        i = (i + 1) & (m->cap - 1);
    m->names[i] = name;
    m->index[i] = pos;
    m->count++;
}

int64_t module_find_var(const Module *m, const char *name)
{
    return map_find(&m->var_map, name);
}

int64_t module_find_local(const Module *m, const char *name)
{
    return map_find(&m->local_map, name);
}

int64_t module_find_workspace(const Module *m, const char *name)
{
    return map_find(&m->workspace_map, name);
}

int64_t module_find_output(const Module *m, const char *name)
{
    return map_find(&m->output_map, name);
}

int64_t module_find_task(const Module *m, const char *name)
{
    return map_find(&m->task_map, name);
}

// --- helpers --------------------------------------------------------------

bool module_is_cfn_task_attr(const char *name)
{
    for (size_t i = 0; i < COUNT(cfn_task_attrs); i++)
        if (strcmp(name, cfn_task_attrs[i]) == 0)
            return true;
    return false;
}

const Attribute *module_body_attr(const Body *body, const char *name)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_ATTRIBUTE && strcmp(it->as.attr->name, name) == 0)
            return it->as.attr;
    }
    return NULL;
}

typedef struct Builder {
    Arena *arena;
    Diags *diags;
    Module *mod;
    uint32_t cap_vars, cap_locals, cap_ws, cap_outputs, cap_tasks;
    bool ok;
} Builder;

// Grows *items (of elem bytes, *count used, *cap allocated) by one slot.
static void *push(Builder *b, void **items, uint32_t *count, uint32_t *cap, size_t elem)
{
    if (*count == *cap) {
        size_t n = buf_next_cap(*cap, sizeof *cap);
        *items = arena_grow(b->arena, *items, *count, n, elem);
        *cap = (uint32_t)n;
    }
    return (char *)*items + (size_t)(*count)++ * elem;
}

static void unknown_name(Builder *b, Span span, const char *what, const char *name,
                         const char *const *known, size_t nknown)
{
    Diag *g = diag_error(b->diags, E_UNKNOWN_BLOCK, span, "unknown %s \"%s\"", what, name);
    diag_help_suggest(b->diags, g, name, known, nknown);
    b->ok = false;
}

static void duplicate(Builder *b, Span again, Span first, const char *what, const char *name)
{
    Diag *g = diag_error(b->diags, E_DUPLICATE_DECLARATION, again, "%s \"%s\" is declared twice",
                         what, name);
    diag_note_at(b->diags, g, first, "%s \"%s\" is first declared here", what, name);
    b->ok = false;
}

static bool check_labels(Builder *b, const Block *blk, uint32_t want)
{
    if (blk->nlabels == want)
        return true;
    Span at = blk->nlabels > want ? blk->labels[want].span : blk->type_span;
    if (want == 0)
        diag_error(b->diags, E_BAD_LABELS, at, "a \"%s\" block takes no label", blk->type);
    else
        diag_error(b->diags, E_BAD_LABELS, at,
                   "a \"%s\" block takes exactly one label: %s \"NAME\"", blk->type, blk->type);
    b->ok = false;
    return false;
}

// Checks that `body` holds only the attributes in `attrs` (any attribute
// when attrs is NULL) and no blocks other than `block_name` (NULL for none).
static void check_body(Builder *b, const Body *body, const char *where, const char *const *attrs,
                       size_t nattrs, const char *block_name)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_BLOCK) {
            const Block *blk = it->as.block;
            if (block_name && strcmp(blk->type, block_name) == 0)
                continue;
            Diag *g = diag_error(b->diags, E_UNKNOWN_BLOCK, blk->type_span,
                                 "unexpected block \"%s\" in %s", blk->type, where);
            if (block_name)
                diag_help(b->diags, g, "only \"%s\" blocks are allowed here", block_name);
            b->ok = false;
            continue;
        }
        const Attribute *at = it->as.attr;
        bool known = attrs == NULL;
        for (size_t k = 0; k < nattrs && !known; k++)
            known = strcmp(at->name, attrs[k]) == 0;
        if (known)
            continue;
        Diag *g = diag_error(b->diags, E_UNKNOWN_ATTRIBUTE, at->name_span,
                             "unknown attribute \"%s\" in %s", at->name, where);
        diag_help_suggest(b->diags, g, at->name, attrs, nattrs);
        b->ok = false;
    }
}

// A constant bool attribute such as sensitive = true.
static bool const_bool(Builder *b, const Attribute *at, bool fallback)
{
    if (!at)
        return fallback;
    if (at->expr->kind == NODE_BOOL)
        return at->expr->as.boolean;
    diag_error(b->diags, E_NOT_CONSTANT, at->expr->span, "\"%s\" must be true or false", at->name);
    b->ok = false;
    return fallback;
}

// The text of a constant string ("TaskRole"), or NULL.
static const char *const_string(Arena *a, const Node *n)
{
    if (n->kind == NODE_STRING_LIT)
        return n->as.str.text;
    if (n->kind != NODE_TEMPLATE)
        return NULL;
    char *text = arena_strdup(a, "");
    for (uint32_t i = 0; i < n->as.template.parts.count; i++) {
        const Node *part = n->as.template.parts.items[i];
        if (part->kind != NODE_STRING_LIT)
            return NULL;
        text = arena_printf(a, "%s%.*s", text, (int)part->as.str.len, part->as.str.text);
    }
    return text;
}

// A constant string attribute (cfn_type = "Number"), or NULL when absent
// or after reporting that it is not one.
static const char *const_string_attr(Builder *b, const Attribute *at)
{
    if (!at)
        return NULL;
    const char *s = const_string(b->arena, at->expr);
    if (s && *s)
        return s;
    diag_error(b->diags, E_NOT_CONSTANT, at->expr->span,
               "\"%s\" must be a constant, non-empty string", at->name);
    b->ok = false;
    return NULL;
}

// A CloudFormation logical id given by cfn_name: 1 to 255 letters and
// digits, as CloudFormation demands of every logical id.
static const char *logical_id_attr(Builder *b, const Attribute *at)
{
    const char *s = const_string_attr(b, at);
    if (!s)
        return NULL;
    size_t n = strlen(s);
    bool ok = n <= 255;
    for (size_t i = 0; i < n && ok; i++)
        ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
             (s[i] >= '0' && s[i] <= '9');
    if (ok)
        return s;
    Diag *g = diag_error(b->diags, E_CFN_LOGICAL_ID, at->expr->span,
                         "cfn_name \"%s\" is no CloudFormation logical id", s);
    diag_help(b->diags, g,
              "a logical id holds 1 to 255 letters (A-Z, a-z) and digits, nothing else");
    b->ok = false;
    return NULL;
}

// A list of constant, non-empty strings (external = ["TaskRole"]) into
// *out; false after reporting.
static bool const_names(Builder *b, const Attribute *at, CfnExternal **out, uint32_t *count)
{
    if (at->expr->kind != NODE_TUPLE) {
        diag_error(b->diags, E_NOT_CONSTANT, at->expr->span,
                   "\"%s\" must be a list of names: [\"Name\", ...]", at->name);
        b->ok = false;
        return false;
    }
    const NodeList *items = &at->expr->as.tuple.items;
    *out = arena_alloc(b->arena, ((size_t)items->count + 1) * sizeof(CfnExternal));
    *count = 0;
    for (uint32_t i = 0; i < items->count; i++) {
        const char *name = const_string(b->arena, items->items[i]);
        if (!name || !*name) {
            diag_error(b->diags, E_NOT_CONSTANT, items->items[i]->span,
                       "each %s name must be a constant, non-empty string", at->name);
            b->ok = false;
            continue;
        }
        (*out)[(*count)++] = (CfnExternal){name, items->items[i]->span};
    }
    return true;
}

// cfn_name and cfn_type shape a template parameter: without
// cfn_parameter = true there is none.
static void declare_parameter_attrs(Builder *b, Variable *v)
{
    const Body *body = v->block->body;
    v->cfn_name_attr = module_body_attr(body, "cfn_name");
    v->cfn_type_attr = module_body_attr(body, "cfn_type");
    v->cfn_name = logical_id_attr(b, v->cfn_name_attr);
    v->cfn_type = const_string_attr(b, v->cfn_type_attr);
    const Attribute *at = v->cfn_name_attr ? v->cfn_name_attr : v->cfn_type_attr;
    if (!at || v->cfn_parameter)
        return;
    Diag *g = diag_error(b->diags, E_CFN_PARAMETER, at->name_span,
                         "\"%s\" in variable \"%s\", which is no CloudFormation parameter",
                         at->name, v->name);
    diag_help(b->diags, g, "add cfn_parameter = true, or remove %s", at->name);
    b->ok = false;
}

// --- declarations ---------------------------------------------------------

static void declare_validation(Builder *b, Variable *v, const Block *blk, uint32_t *cap)
{
    check_labels(b, blk, 0);
    check_body(b, blk->body, "a validation block", validation_attrs, COUNT(validation_attrs), NULL);
    for (size_t k = 0; k < COUNT(validation_attrs); k++) {
        if (module_body_attr(blk->body, validation_attrs[k]))
            continue;
        diag_error(b->diags, E_MISSING_ATTRIBUTE, blk->type_span, "validation block needs \"%s\"",
                   validation_attrs[k]);
        b->ok = false;
    }
    const Block **slot = push(b, (void **)&v->validations, &v->nvalidations, cap, sizeof(Block *));
    *slot = blk;
}

static void declare_variable(Builder *b, const Block *blk)
{
    if (!check_labels(b, blk, 1))
        return;
    Module *m = b->mod;
    const char *name = blk->labels[0].text;
    int64_t prev = module_find_var(m, name);
    if (prev >= 0) {
        duplicate(b, blk->labels[0].span, m->vars[prev].name_span, "variable", name);
        return;
    }
    Variable *v = push(b, (void **)&m->vars, &m->nvars, &b->cap_vars, sizeof(Variable));
    memset(v, 0, sizeof *v);
    v->name = name;
    v->block = blk;
    v->name_span = blk->labels[0].span;
    map_insert(b->arena, &m->var_map, name, m->nvars - 1);
    check_body(b, blk->body, "a variable block", variable_attrs, COUNT(variable_attrs),
               "validation");
    v->type_attr = module_body_attr(blk->body, "type");
    v->default_attr = module_body_attr(blk->body, "default");
    v->description_attr = module_body_attr(blk->body, "description");
    v->sensitive = const_bool(b, module_body_attr(blk->body, "sensitive"), false);
    v->nullable = const_bool(b, module_body_attr(blk->body, "nullable"), true);
    v->cfn_parameter_attr = module_body_attr(blk->body, "cfn_parameter");
    v->cfn_parameter = const_bool(b, v->cfn_parameter_attr, false);
    declare_parameter_attrs(b, v);
    if (v->type_attr && !(v->type = types_parse(b->arena, b->diags, v->type_attr->expr)))
        b->ok = false;
    uint32_t cap = 0;
    for (uint32_t i = 0; i < blk->body->count; i++)
        if (blk->body->items[i].kind == ITEM_BLOCK)
            declare_validation(b, v, blk->body->items[i].as.block, &cap);
}

static void declare_locals(Builder *b, const Block *blk)
{
    check_labels(b, blk, 0);
    Module *m = b->mod;
    for (uint32_t i = 0; i < blk->body->count; i++) {
        const BodyItem *it = &blk->body->items[i];
        if (it->kind == ITEM_BLOCK) {
            diag_error(b->diags, E_UNKNOWN_BLOCK, it->as.block->type_span,
                       "a locals block holds attributes only, not blocks");
            b->ok = false;
            continue;
        }
        const Attribute *at = it->as.attr;
        int64_t prev = module_find_local(m, at->name);
        if (prev >= 0) {
            duplicate(b, at->name_span, m->locals[prev].attr->name_span, "local", at->name);
            continue;
        }
        Local *l = push(b, (void **)&m->locals, &m->nlocals, &b->cap_locals, sizeof(Local));
        l->name = at->name;
        l->attr = at;
        map_insert(b->arena, &m->local_map, at->name, m->nlocals - 1);
    }
}

static void declare_workspace(Builder *b, const Block *blk)
{
    if (!check_labels(b, blk, 1))
        return;
    Module *m = b->mod;
    const char *name = blk->labels[0].text;
    int64_t prev = module_find_workspace(m, name);
    if (prev >= 0) {
        duplicate(b, blk->labels[0].span, m->workspaces[prev].name_span, "workspace", name);
        return;
    }
    check_body(b, blk->body, "a workspace block (it sets variables)", NULL, 0, NULL);
    Workspace *w = push(b, (void **)&m->workspaces, &m->nworkspaces, &b->cap_ws, sizeof(Workspace));
    w->name = name;
    w->block = blk;
    w->name_span = blk->labels[0].span;
    map_insert(b->arena, &m->workspace_map, name, m->nworkspaces - 1);
}

static void declare_output(Builder *b, const Block *blk)
{
    if (!check_labels(b, blk, 1))
        return;
    Module *m = b->mod;
    const char *name = blk->labels[0].text;
    int64_t prev = module_find_output(m, name);
    if (prev >= 0) {
        duplicate(b, blk->labels[0].span, m->outputs[prev].name_span, "output", name);
        return;
    }
    check_body(b, blk->body, "an output block", output_attrs, COUNT(output_attrs), NULL);
    Output *o = push(b, (void **)&m->outputs, &m->noutputs, &b->cap_outputs, sizeof(Output));
    o->name = name;
    o->block = blk;
    o->name_span = blk->labels[0].span;
    o->value = module_body_attr(blk->body, "value");
    o->sensitive = const_bool(b, module_body_attr(blk->body, "sensitive"), false);
    map_insert(b->arena, &m->output_map, name, m->noutputs - 1);
    if (!o->value) {
        diag_error(b->diags, E_MISSING_ATTRIBUTE, blk->type_span,
                   "output \"%s\" needs a \"value\" attribute", name);
        b->ok = false;
    }
}

// The CloudFormation resource's attributes of a task definition.
static void declare_task_cfn_attrs(Builder *b, TaskDef *t)
{
    const Body *body = t->block->body;
    t->cfn_name_attr = module_body_attr(body, "cfn_name");
    t->cfn_name = logical_id_attr(b, t->cfn_name_attr);
    t->cfn_condition_attr = module_body_attr(body, "cfn_condition");
    t->cfn_condition = const_string_attr(b, t->cfn_condition_attr);
    const Attribute *deps = module_body_attr(body, "cfn_depends_on");
    if (deps)
        const_names(b, deps, &t->cfn_depends_on, &t->ncfn_depends_on);
}

static void declare_task(Builder *b, const Block *blk)
{
    if (!check_labels(b, blk, 1))
        return;
    Module *m = b->mod;
    const char *name = blk->labels[0].text;
    int64_t prev = module_find_task(m, name);
    if (prev >= 0) {
        duplicate(b, blk->labels[0].span, m->tasks[prev].name_span, "task_definition", name);
        return;
    }
    TaskDef *t = push(b, (void **)&m->tasks, &m->ntasks, &b->cap_tasks, sizeof(TaskDef));
    t->name = name;
    t->block = blk;
    t->name_span = blk->labels[0].span;
    map_insert(b->arena, &m->task_map, name, m->ntasks - 1);
    declare_task_cfn_attrs(b, t);
}

// cloudformation { external = ["TaskRole", "Domain"] }: names a template
// built by hclc may reference though it does not declare them.
static void declare_cloudformation(Builder *b, const Block *blk)
{
    Module *m = b->mod;
    check_labels(b, blk, 0);
    if (m->cfn_block) {
        duplicate(b, blk->type_span, m->cfn_block->type_span, "block", "cloudformation");
        return;
    }
    m->cfn_block = blk;
    check_body(b, blk->body, "the cloudformation block", cloudformation_attrs,
               COUNT(cloudformation_attrs), NULL);
    const Attribute *at = module_body_attr(blk->body, "external");
    if (at)
        const_names(b, at, &m->cfn_external, &m->ncfn_external);
}

static void declare_block(Builder *b, const Block *blk)
{
    const char *t = blk->type;
    if (strcmp(t, "variable") == 0)
        declare_variable(b, blk);
    else if (strcmp(t, "locals") == 0)
        declare_locals(b, blk);
    else if (strcmp(t, "workspace") == 0)
        declare_workspace(b, blk);
    else if (strcmp(t, "output") == 0)
        declare_output(b, blk);
    else if (strcmp(t, "task_definition") == 0)
        declare_task(b, blk);
    else if (strcmp(t, "cloudformation") == 0)
        declare_cloudformation(b, blk);
    else
        unknown_name(b, blk->type_span, "block type", t, block_types, COUNT(block_types));
}

// Every attribute of a workspace block must name a declared variable: a
// misspelled name would otherwise leave the variable at its default.
static void check_workspace_keys(Builder *b)
{
    const Module *m = b->mod;
    const char **names = arena_alloc(b->arena, ((size_t)m->nvars + 1) * sizeof(char *));
    for (uint32_t i = 0; i < m->nvars; i++)
        names[i] = m->vars[i].name;
    for (uint32_t w = 0; w < m->nworkspaces; w++) {
        const Body *body = m->workspaces[w].block->body;
        for (uint32_t i = 0; i < body->count; i++) {
            const BodyItem *it = &body->items[i];
            if (it->kind != ITEM_ATTRIBUTE || module_find_var(m, it->as.attr->name) >= 0)
                continue;
            const char *key = it->as.attr->name;
            Diag *g = diag_error(b->diags, E_UNDECLARED_INPUT, it->as.attr->name_span,
                                 "workspace \"%s\" sets undeclared variable \"%s\"",
                                 m->workspaces[w].name, key);
            if (!diag_help_suggest(b->diags, g, key, names, m->nvars))
                diag_help(b->diags, g, "declare it first: variable \"%s\" {}", key);
            b->ok = false;
        }
    }
}

bool module_build(Arena *a, Diags *diags, const LoadedFiles *files, Module *out)
{
    memset(out, 0, sizeof *out);
    Builder b = {.arena = a, .diags = diags, .mod = out, .ok = true};
    for (uint32_t f = 0; f < files->count; f++) {
        const Body *body = files->items[f].body;
        for (uint32_t i = 0; i < body->count; i++) {
            const BodyItem *it = &body->items[i];
            if (it->kind == ITEM_BLOCK) {
                declare_block(&b, it->as.block);
                continue;
            }
            Diag *g = diag_error(diags, E_UNKNOWN_ATTRIBUTE, it->as.attr->name_span,
                                 "attribute \"%s\" outside of any block", it->as.attr->name);
            diag_help(diags, g, "named values belong in a locals block: locals { %s = ... }",
                      it->as.attr->name);
            b.ok = false;
        }
    }
    check_workspace_keys(&b);
    return b.ok;
}
