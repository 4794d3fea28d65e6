// complete.c - completion at the cursor, told by the text before it on its
// line and by the blocks around it: after `var.`, `local.` or `workspace.`
// the declared names; inside the quotes of `member = "` the member's
// allowed values; at the start of a line in an ECS block its members (block
// members as `name { }` snippets), at the top level the block types; after
// `=` the functions (with a snippet) and var/local/workspace.
#include "lsp/lsp_impl.h"

#include <ctype.h>
#include <string.h>

enum {
    KIND_FUNCTION = 3,
    KIND_FIELD = 5,
    KIND_VARIABLE = 6,
    KIND_MODULE = 9,
    KIND_PROPERTY = 10,
    KIND_VALUE = 12,
    KIND_KEYWORD = 14,
    KIND_STRUCT = 22
};

static void add(cJSON *list, const char *label, int kind, const char *detail, const char *snippet)
{
    cJSON *it = cJSON_CreateObject();
    cJSON_AddStringToObject(it, "label", label);
    cJSON_AddNumberToObject(it, "kind", kind);
    if (detail)
        cJSON_AddStringToObject(it, "detail", detail);
    if (snippet) {
        cJSON_AddStringToObject(it, "insertText", snippet);
        cJSON_AddNumberToObject(it, "insertTextFormat", 2);
    }
    cJSON_AddItemToArray(list, it);
}

static bool is_name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-';
}

// The names after `var.` / `local.` / `workspace.`.
static void complete_ref(const Analysis *an, cJSON *list, const char *kind)
{
    if (!an->has_module)
        return;
    const Module *m = &an->mod;
    if (strcmp(kind, "var") == 0)
        for (uint32_t i = 0; i < m->nvars; i++)
            add(list, m->vars[i].name, KIND_VARIABLE, "variable", NULL);
    else if (strcmp(kind, "local") == 0)
        for (uint32_t i = 0; i < m->nlocals; i++)
            add(list, m->locals[i].name, KIND_VARIABLE, "local", NULL);
    else
        add(list, "name", KIND_FIELD, "the workspace's name", NULL);
}

static void complete_enum(cJSON *list, const SchemaShape *shape, const char *member)
{
    const SchemaMember *m = shape ? schema_find(shape, member) : NULL;
    if (!m)
        return;
    const SchemaType *t = m->type.kind == SK_LIST && m->type.elem ? m->type.elem : &m->type;
    for (uint32_t i = 0; i < t->nenums; i++)
        add(list, t->enums[i], KIND_VALUE, m->api, NULL);
}

static void complete_members(Arena *a, cJSON *list, const SchemaShape *shape)
{
    for (uint32_t i = 0; i < shape->count; i++) {
        const SchemaMember *m = &shape->members[i];
        if (m->read_only)
            continue;
        if (m->block) {
            const char *snippet = m->label ? arena_printf(a, "%s \"$1\" {\n\t$0\n}", m->block)
                                           : arena_printf(a, "%s {\n\t$0\n}", m->block);
            add(list, m->block, KIND_STRUCT, m->api, snippet);
            if (strcmp(m->block, m->snake) == 0)
                continue;
        }
        add(list, m->snake, KIND_PROPERTY, m->api, arena_printf(a, "%s = $0", m->snake));
    }
}

// The task_definition attributes of the CloudFormation resource, which
// are no ECS members (module_is_cfn_task_attr).
static const struct {
    const char *name, *detail;
} CFN_TASK_ATTRS[] = {
    {"cfn_name", "CloudFormation: the resource's logical id"},
    {"cfn_condition", "CloudFormation: the resource's Condition"},
    {"cfn_depends_on", "CloudFormation: the resource's DependsOn"},
};

static void complete_task_members(Arena *a, cJSON *list, const SchemaShape *shape)
{
    complete_members(a, list, shape);
    if (shape != schema_task_definition())
        return;
    for (size_t i = 0; i < sizeof CFN_TASK_ATTRS / sizeof CFN_TASK_ATTRS[0]; i++)
        add(list, CFN_TASK_ATTRS[i].name, KIND_PROPERTY, CFN_TASK_ATTRS[i].detail,
            arena_printf(a, "%s = $0", CFN_TASK_ATTRS[i].name));
}

static void complete_top(Arena *a, cJSON *list)
{
    static const char *const TYPES[] = {"variable", "locals", "workspace", "task_definition",
                                        "output"};
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++) {
        bool labelled = strcmp(TYPES[i], "locals") != 0;
        add(list, TYPES[i], KIND_KEYWORD, "block",
            labelled ? arena_printf(a, "%s \"$1\" {\n\t$0\n}", TYPES[i])
                     : arena_printf(a, "%s {\n\t$0\n}", TYPES[i]));
    }
}

static void complete_expression(Arena *a, cJSON *list)
{
    add(list, "var", KIND_MODULE, "variables", NULL);
    add(list, "local", KIND_MODULE, "locals", NULL);
    add(list, "workspace", KIND_MODULE, "the workspace", NULL);
    const char *name;
    for (size_t i = 0; (name = lsp_function_name(i)) != NULL; i++)
        add(list, name, KIND_FUNCTION, lsp_function_doc(name), arena_printf(a, "%s($1)", name));
}

// The member name of `NAME = "...` ending at the cursor, or NULL.
static const char *string_member(Arena *a, const char *line, size_t n)
{
    size_t q = n;
    while (q > 0 && line[q - 1] != '"')
        q--;
    if (q == 0)
        return NULL;
    size_t i = q - 1;
    while (i > 0 && line[i - 1] == ' ')
        i--;
    if (i == 0 || line[i - 1] != '=')
        return NULL;
    i--;
    while (i > 0 && line[i - 1] == ' ')
        i--;
    size_t end = i;
    while (i > 0 && is_name_char(line[i - 1]))
        i--;
    return end > i ? arena_strndup(a, line + i, end - i) : NULL;
}

// `var`, `local` or `workspace` when the text before the cursor ends with
// "KIND." and a partial name, else NULL.
static const char *ref_before(const char *line, size_t n)
{
    size_t i = n;
    while (i > 0 && is_name_char(line[i - 1]))
        i--;
    if (i == 0 || line[i - 1] != '.')
        return NULL;
    size_t end = i - 1, start = end;
    while (start > 0 && is_name_char(line[start - 1]))
        start--;
    static const char *const KINDS[] = {"var", "local", "workspace"};
    for (size_t k = 0; k < 3; k++)
        if (end - start == strlen(KINDS[k]) && strncmp(line + start, KINDS[k], end - start) == 0)
            return KINDS[k];
    return NULL;
}

cJSON *lsp_completion(LspContext *c)
{
    Arena *a = &c->an->arena;
    const SourceFile *f = source_file(&c->an->src, c->file);
    uint32_t start = c->offset;
    while (start > 0 && f->text[start - 1] != '\n')
        start--;
    const char *line = f->text + start;
    size_t n = c->offset - start;
    LspAt at;
    lsp_find(lsp_analysis_body(c->an, c->file), c->offset, &at);
    cJSON *list = cJSON_CreateArray();
    const char *kind = ref_before(line, n);
    size_t lead = 0;
    while (lead < n && (line[lead] == ' ' || line[lead] == '\t'))
        lead++;
    bool at_item_start = true;
    for (size_t i = lead; i < n; i++)
        at_item_start = at_item_start && is_name_char(line[i]);
    const char *member = string_member(a, line, n);
    const SchemaShape *shape = lsp_shape_at(&at, at.nblocks);
    if (kind)
        complete_ref(c->an, list, kind);
    else if (member)
        complete_enum(list, shape, member);
    else if (at_item_start && at.nblocks == 0)
        complete_top(a, list);
    else if (at_item_start && shape)
        complete_task_members(a, list, shape);
    else if (!at_item_start)
        complete_expression(a, list);
    return list;
}
