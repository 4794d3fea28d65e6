// navigate.c - go to definition (var.x: the variable block and the values
// workspaces set; local.x: its attribute), find references of a variable or
// local, the outline (document symbols: blocks, their labels and
// attributes), and quick fixes from the "did you mean" help of diagnostics.
#include "lsp/lsp_impl.h"

#include <string.h>
#include <unistd.h>

#include "syntax/parse.h"

static cJSON *location(const Analysis *an, Span span, bool utf8)
{
    Arena a;
    arena_init(&a);
    cJSON *loc = cJSON_CreateObject();
    cJSON_AddStringToObject(loc, "uri",
                            lsp_path_to_uri(&a, source_file(&an->src, span.file)->name));
    cJSON_AddItemToObject(loc, "range", lsp_range(&an->src, span, utf8));
    arena_free(&a);
    return loc;
}

// The declarations of the reference at the cursor, added to `list`.
static void add_declarations(const LspContext *c, const LspAt *at, cJSON *list)
{
    const Module *m = &c->an->mod;
    if (strcmp(at->ref_kind, "var") == 0) {
        int64_t i = module_find_var(m, at->ref_name);
        if (i < 0)
            return;
        cJSON_AddItemToArray(list, location(c->an, m->vars[i].name_span, c->utf8));
        for (uint32_t k = 0; k < m->nworkspaces; k++) {
            const Block *w = m->workspaces[k].block;
            const Attribute *set = w->body ? module_body_attr(w->body, at->ref_name) : NULL;
            if (set)
                cJSON_AddItemToArray(list, location(c->an, set->name_span, c->utf8));
        }
    } else if (strcmp(at->ref_kind, "local") == 0) {
        int64_t i = module_find_local(m, at->ref_name);
        if (i >= 0)
            cJSON_AddItemToArray(list, location(c->an, m->locals[i].attr->name_span, c->utf8));
    }
}

// The file a file()/templatefile() path at the cursor names: its start,
// when the path is a literal and the file exists.
static void add_file_target(const LspContext *c, const LspAt *at, cJSON *list)
{
    const Node *call = at->call;
    if (!call || call->as.call.args.count == 0 ||
        (strcmp(call->as.call.name, "file") != 0 &&
         strcmp(call->as.call.name, "templatefile") != 0))
        return;
    const Node *arg = call->as.call.args.items[0];
    const char *rel = ast_literal_text(arg, NULL);
    if (!rel || !rel[0] || c->offset < arg->span.start || c->offset > arg->span.end)
        return;
    Arena a;
    arena_init(&a);
    const char *path = rel[0] == '/' ? rel : arena_printf(&a, "%s/%s", c->an->dir, rel);
    if (access(path, R_OK) == 0) {
        cJSON *loc = cJSON_CreateObject();
        cJSON_AddStringToObject(loc, "uri", lsp_path_to_uri(&a, path));
        cJSON *r = cJSON_AddObjectToObject(loc, "range");
        for (int i = 0; i < 2; i++) {
            cJSON *p = cJSON_AddObjectToObject(r, i ? "end" : "start");
            cJSON_AddNumberToObject(p, "line", 0);
            cJSON_AddNumberToObject(p, "character", 0);
        }
        cJSON_AddItemToArray(list, loc);
    }
    arena_free(&a);
}

cJSON *lsp_definition(LspContext *c)
{
    LspAt at;
    lsp_find(lsp_analysis_body(c->an, c->file), c->offset, &at);
    cJSON *list = cJSON_CreateArray();
    if (at.ref_kind && c->an->has_module)
        add_declarations(c, &at, list);
    else
        add_file_target(c, &at, list);
    return list;
}

typedef struct RefSearch {
    const LspContext *c;
    const char *kind, *name;
    cJSON *list;
} RefSearch;

static void match_ref(void *ctx, const char *kind, const char *name, Span span)
{
    RefSearch *r = ctx;
    if (strcmp(kind, r->kind) == 0 && strcmp(name, r->name) == 0)
        cJSON_AddItemToArray(r->list, location(r->c->an, span, r->c->utf8));
}

// The variable or local whose declaration is at the cursor: a variable
// block's label, or an attribute of a locals block.
static bool declaration_at(const LspAt *at, const char **kind, const char **name)
{
    if (at->nblocks != 1)
        return false;
    const Block *b = at->blocks[0];
    if (strcmp(b->type, "variable") == 0 && b->nlabels) {
        *kind = "var";
        *name = b->labels[0].text;
        return true;
    }
    if (strcmp(b->type, "locals") == 0 && at->attr && at->on_attr_name) {
        *kind = "local";
        *name = at->attr->name;
        return true;
    }
    return false;
}

cJSON *lsp_references(LspContext *c, bool include_declaration)
{
    LspAt at;
    lsp_find(lsp_analysis_body(c->an, c->file), c->offset, &at);
    cJSON *list = cJSON_CreateArray();
    RefSearch r = {c, at.ref_kind, at.ref_name, list};
    if (!r.kind && !declaration_at(&at, &r.kind, &r.name))
        return list;
    if (strcmp(r.kind, "workspace") == 0)
        return list;
    if (include_declaration && c->an->has_module) {
        at.ref_kind = r.kind;
        at.ref_name = r.name;
        add_declarations(c, &at, list);
    }
    for (uint32_t i = 0; i < c->an->files.count; i++)
        lsp_each_ref(c->an->files.items[i].body, match_ref, &r);
    return list;
}

// --- the outline -------------------------------------------------------------

enum {
    SYM_MODULE = 2,
    SYM_NAMESPACE = 3,
    SYM_CLASS = 5,
    SYM_PROPERTY = 7,
    SYM_FIELD = 8,
    SYM_VARIABLE = 13,
    SYM_OBJECT = 19,
    SYM_STRUCT = 23
};

static int block_kind(const char *type, bool top)
{
    if (!top)
        return SYM_STRUCT;
    if (strcmp(type, "variable") == 0)
        return SYM_VARIABLE;
    if (strcmp(type, "locals") == 0)
        return SYM_NAMESPACE;
    if (strcmp(type, "workspace") == 0)
        return SYM_MODULE;
    if (strcmp(type, "task_definition") == 0)
        return SYM_CLASS;
    return SYM_OBJECT;
}

static cJSON *symbols(const Analysis *an, const Body *body, bool top, bool utf8);

static cJSON *symbol(const Analysis *an, const char *name, const char *detail, int kind, Span range,
                     Span select, bool utf8)
{
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "name", name);
    if (detail)
        cJSON_AddStringToObject(s, "detail", detail);
    cJSON_AddNumberToObject(s, "kind", kind);
    cJSON_AddItemToObject(s, "range", lsp_range(&an->src, range, utf8));
    cJSON_AddItemToObject(s, "selectionRange", lsp_range(&an->src, select, utf8));
    return s;
}

static cJSON *block_symbol(const Analysis *an, const Block *b, bool top, bool utf8)
{
    Arena a;
    arena_init(&a);
    const char *name = b->type;
    for (uint32_t i = 0; i < b->nlabels; i++)
        name = arena_printf(&a, "%s \"%s\"", name, b->labels[i].text);
    Span select = b->nlabels ? b->labels[0].span : b->type_span;
    cJSON *s = symbol(an, name, NULL, block_kind(b->type, top), b->span, select, utf8);
    arena_free(&a);
    if (b->body)
        cJSON_AddItemToObject(s, "children", symbols(an, b->body, false, utf8));
    return s;
}

static cJSON *symbols(const Analysis *an, const Body *body, bool top, bool utf8)
{
    cJSON *list = cJSON_CreateArray();
    for (uint32_t i = 0; body && i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_BLOCK) {
            cJSON_AddItemToArray(list, block_symbol(an, it->as.block, top, utf8));
            continue;
        }
        const Attribute *at = it->as.attr;
        cJSON_AddItemToArray(list, symbol(an, at->name, NULL, top ? SYM_FIELD : SYM_PROPERTY,
                                          at->span, at->name_span, utf8));
    }
    return list;
}

cJSON *lsp_document_symbols(LspContext *c)
{
    return symbols(c->an, lsp_analysis_body(c->an, c->file), true, c->utf8);
}

// --- quick fixes -----------------------------------------------------------

// The X of a line "help: did you mean \"X\"?" in `message`, or NULL.
static char *suggestion(Arena *a, const char *message)
{
    const char *p = strstr(message, "help: did you mean \"");
    if (!p)
        return NULL;
    p += strlen("help: did you mean \"");
    const char *end = strstr(p, "\"?");
    return end ? arena_strndup(a, p, (size_t)(end - p)) : NULL;
}

// The memory a Fargate size error names first ("help: with cpu 4096 (4
// vCPU), memory must be 8192 to 30720 MiB ..."): the smallest memory that
// fits the task's cpu, or NULL.
static char *fargate_memory(Arena *a, const char *message)
{
    const char *p = strstr(message, "help: with cpu ");
    p = p ? strstr(p, "memory must be ") : NULL;
    if (!p)
        return NULL;
    p += strlen("memory must be ");
    size_t n = strspn(p, "0123456789");
    return n ? arena_strndup(a, p, n) : NULL;
}

// The part of a one-line range after its '=' (the value of `memory = ...`),
// or NULL when the range holds no '='.
static cJSON *value_range(const cJSON *range, const char *text, uint32_t len, bool utf8)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(range, "start");
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(range, "end");
    const cJSON *sl = cJSON_GetObjectItemCaseSensitive(st, "line");
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(st, "character");
    const cJSON *el = cJSON_GetObjectItemCaseSensitive(en, "line");
    const cJSON *ec = cJSON_GetObjectItemCaseSensitive(en, "character");
    if (!cJSON_IsNumber(sl) || !cJSON_IsNumber(sc) || !cJSON_IsNumber(el) || !cJSON_IsNumber(ec) ||
        lsp_int(sl) != lsp_int(el))
        return NULL;
    uint32_t a = lsp_offset(text, len, lsp_int(sl), lsp_int(sc), utf8);
    uint32_t b = lsp_offset(text, len, lsp_int(el), lsp_int(ec), utf8);
    uint32_t eq = a;
    while (eq < b && text[eq] != '=')
        eq++;
    if (eq >= b)
        return NULL;
    uint32_t v = eq + 1;
    while (v < b && text[v] == ' ')
        v++;
    cJSON *r = cJSON_CreateObject();
    cJSON *s = cJSON_AddObjectToObject(r, "start");
    cJSON_AddNumberToObject(s, "line", (double)lsp_int(sl));
    cJSON_AddNumberToObject(s, "character", (double)(lsp_int(sc) + (v - a))); // ASCII up to '='
    cJSON *e = cJSON_AddObjectToObject(r, "end");
    cJSON_AddNumberToObject(e, "line", (double)lsp_int(el));
    cJSON_AddNumberToObject(e, "character", (double)lsp_int(ec));
    return r;
}

static bool empty_range(const cJSON *range)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(range, "start");
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(range, "end");
    return !cJSON_IsObject(st) || !cJSON_IsObject(en) || cJSON_Compare(st, en, true);
}

// The range a name replaces: the diagnostic's range, narrowed to the part
// after the last '.' of the text there (var.prot -> prot) and inside quotes.
static cJSON *narrowed(const cJSON *range, const char *text, uint32_t len, bool utf8)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(range, "start");
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(range, "end");
    const cJSON *sl = cJSON_GetObjectItemCaseSensitive(st, "line");
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(st, "character");
    const cJSON *el = cJSON_GetObjectItemCaseSensitive(en, "line");
    const cJSON *ec = cJSON_GetObjectItemCaseSensitive(en, "character");
    if (!cJSON_IsNumber(sl) || !cJSON_IsNumber(sc) || !cJSON_IsNumber(el) || !cJSON_IsNumber(ec))
        return NULL;
    if (lsp_int(sl) != lsp_int(el))
        return NULL;
    uint32_t a = lsp_offset(text, len, lsp_int(sl), lsp_int(sc), utf8);
    uint32_t b = lsp_offset(text, len, lsp_int(el), lsp_int(ec), utf8);
    if (b < a)
        return NULL;
    int64_t from = lsp_int(sc), to = lsp_int(ec);
    for (uint32_t i = a; i < b; i++)
        if (text[i] == '.')
            from = lsp_int(sc) + (i + 1 - a); // names are ASCII
    if (b - a >= 2 && text[a] == '"' && text[b - 1] == '"') {
        from = lsp_int(sc) + 1;
        to--;
    }
    cJSON *r = cJSON_CreateObject();
    cJSON *s = cJSON_AddObjectToObject(r, "start");
    cJSON_AddNumberToObject(s, "line", (double)lsp_int(sl));
    cJSON_AddNumberToObject(s, "character", (double)from);
    cJSON *e = cJSON_AddObjectToObject(r, "end");
    cJSON_AddNumberToObject(e, "line", (double)lsp_int(el));
    cJSON_AddNumberToObject(e, "character", (double)to);
    return r;
}

static cJSON *quick_fix(const char *uri, const cJSON *diag, const char *fix, cJSON *range)
{
    Arena a;
    arena_init(&a);
    cJSON *act = cJSON_CreateObject();
    cJSON_AddStringToObject(act, "title", arena_printf(&a, "Change to \"%s\"", fix));
    cJSON_AddStringToObject(act, "kind", "quickfix");
    cJSON *diags = cJSON_AddArrayToObject(act, "diagnostics");
    cJSON_AddItemToArray(diags, cJSON_Duplicate(diag, true));
    cJSON *edit = cJSON_AddObjectToObject(act, "edit");
    cJSON *changes = cJSON_AddObjectToObject(edit, "changes");
    cJSON *edits = cJSON_AddArrayToObject(changes, uri);
    cJSON *e = cJSON_CreateObject();
    cJSON_AddItemToObject(e, "range", range);
    cJSON_AddStringToObject(e, "newText", fix);
    cJSON_AddItemToArray(edits, e);
    arena_free(&a);
    return act;
}

cJSON *lsp_code_actions(const char *uri, const char *text, uint32_t len, bool utf8,
                        const cJSON *diagnostics)
{
    cJSON *list = cJSON_CreateArray();
    const cJSON *d;
    Arena a;
    arena_init(&a);
    cJSON_ArrayForEach(d, diagnostics)
    {
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(d, "message");
        const cJSON *src = cJSON_GetObjectItemCaseSensitive(d, "source");
        if (!cJSON_IsString(msg) || !cJSON_IsString(src) || strcmp(src->valuestring, "hclc"))
            continue;
        char *fix = suggestion(&a, msg->valuestring);
        const cJSON *whole = cJSON_GetObjectItemCaseSensitive(d, "range");
        char *memory = fix ? NULL : fargate_memory(&a, msg->valuestring);
        cJSON *at = memory ? value_range(whole, text, len, utf8) : NULL;
        if (at) { // a Fargate size: the smallest memory for the task's cpu
            cJSON_AddItemToArray(list, quick_fix(uri, d, memory, at));
            continue;
        }
        // A suggestion that is an expression itself ("$<var.x>") replaces
        // the whole range; a name replaces only the name.
        bool name = fix && !strpbrk(fix, ".<>$\"");
        if (fix && empty_range(whole))
            continue; // a diagnostic without a location: nothing to replace
        cJSON *range = !fix   ? NULL
                       : name ? narrowed(whole, text, len, utf8)
                              : cJSON_Duplicate(whole, true);
        if (range)
            cJSON_AddItemToArray(list, quick_fix(uri, d, fix, range));
    }
    arena_free(&a);
    return list;
}
