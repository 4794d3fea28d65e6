// import_multi.c - one file per environment of the same deployment merged
// into one source (`hclc import dev.json prod.json --workspaces dev,prod`).
//
// The task definitions are walked together, driven by the schema: what is
// equal everywhere stays as it is; objects are merged member by member,
// lists of structs item by item, matched by their key (a container by its
// name, an environment variable by its name...); anything else that differs
// becomes a variable whose value each workspace block gives (null where the
// member is absent, which leaves it out; items, blocks and lists present in
// some workspaces only are multi_items.c's). A string whose difference is the
// workspace's own name becomes "...$<workspace.name>...", and one that
// differs in one part only keeps the rest and takes the part from a
// variable. Variables with the same values everywhere are one variable.
#include "import/import.h"
#include "import/multi_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK '\x01' // stands for the workspace's name in a string

// --- variables ---------------------------------------------------------------------

static bool same_values(const Multi *M, Value **a, Value **b)
{
    for (uint32_t i = 0; i < M->n; i++)
        if ((a[i] == NULL) != (b[i] == NULL) || (a[i] && !value_equal(a[i], b[i])))
            return false;
    return true;
}

static bool name_taken(const Multi *M, const char *name)
{
    for (uint32_t i = 0; i < M->nvars; i++)
        if (strcmp(M->vars[i].name, name) == 0)
            return true;
    return false;
}

// A plain variable name of `s`: lower case, '_' for anything else.
static char *plain_name(Arena *a, const char *s)
{
    char *out = arena_strdup(a, s);
    for (char *p = out; *p; p++) {
        char c = *p;
        *p = c >= 'A' && c <= 'Z'                               ? (char)(c - 'A' + 'a')
             : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c
                                                                : '_';
    }
    if (!*out || (out[0] >= '0' && out[0] <= '9'))
        out = arena_printf(a, "v_%s", out);
    return out;
}

static const char *free_name(Multi *M, const char *hint, const char *prefix)
{
    Arena *a = M->im->a;
    const char *name = plain_name(a, hint);
    if (name_taken(M, name) && prefix)
        name = plain_name(a, arena_printf(a, "%s_%s", prefix, hint));
    const char *base = name;
    for (int k = 2; name_taken(M, name); k++)
        name = arena_printf(a, "%s_%d", base, k);
    return name;
}

// The variable of kind `gate` that holds `vals` (one already made for
// them, or a new one named after `hint`), noting `site` among its uses.
Var *multi_var_at(Multi *M, Value **vals, const char *hint, const char *prefix, const char *site,
                  bool gate)
{
    for (uint32_t i = 0; i < M->nvars; i++)
        if (M->vars[i].gate == gate && same_values(M, M->vars[i].vals, vals)) {
            Var *v = &M->vars[i];
            if (!strstr(v->used, site))
                v->used = arena_printf(M->im->a, "%s, %s", v->used, site);
            return v;
        }
    BUF_RESERVE(M->im->a, M->vars, M->nvars, M->cap);
    Var *v = &M->vars[M->nvars];
    v->name = free_name(M, hint, prefix);
    M->nvars++;
    v->vals = vals;
    v->used = site;
    v->gate = gate;
    v->m = NULL;
    return v;
}

// The variable that holds `vals` (one already made for them, or a new one).
static Var *var_for(Multi *M, Value **vals, const char *hint, Where w)
{
    const char *site =
        w.prefix ? arena_printf(M->im->a, "container %s: %s", w.prefix, w.hint) : w.hint;
    Var *v = multi_var_at(M, vals, hint, w.prefix, site, false);
    v->m = v->m ? v->m : w.m;
    return v;
}

Value *multi_ref(Multi *M, const char *text)
{
    Importer *im = M->im;
    Value *v = value_cstring(im->a, span_none(), text);
    BUF_RESERVE(im->a, im->refs, im->nrefs, im->cap);
    im->refs[im->nrefs++] = v;
    return v;
}

// --- strings that differ in a part ----------------------------------------------------

// `s` with every occurrence of `ws` (two characters or more) replaced by MARK.
static char *marked(Arena *a, const char *s, const char *ws)
{
    size_t n = strlen(ws);
    StrBuf b;
    buf_init(&b, a, 0);
    buf_puts(&b, "");
    while (*s) {
        if (n >= 2 && strncmp(s, ws, n) == 0) {
            buf_putc(&b, MARK);
            s += n;
        } else {
            buf_putc(&b, *s++);
        }
    }
    return b.ptr;
}

// The inside of a quoted string for the `len` bytes at `s`, MARK written
// $<workspace.name>.
static void put_template(Arena *a, StrBuf *b, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != MARK)
            continue;
        const char *q = hcl_string(a, s + start, i - start);
        buf_put(b, q + 1, strlen(q) - 2);
        if (i < len)
            buf_puts(b, "$<workspace.name>");
        start = i + 1;
    }
}

static bool is_sep(char c)
{
    return strchr("/:=,@ ;", c) != NULL;
}

// The text of `marked` between `from` and `to` with MARK put back as `ws`.
static Value *unmarked(Arena *a, const char *m, size_t from, size_t to, const char *ws)
{
    StrBuf b;
    buf_init(&b, a, 0);
    buf_puts(&b, "");
    for (size_t i = from; i < to; i++)
        if (m[i] == MARK)
            buf_puts(&b, ws);
        else
            buf_putc(&b, m[i]);
    return value_cstring(a, span_none(), b.ptr);
}

static bool all_digits(const Value *v, size_t n)
{
    if (v->kind != VAL_STRING || v->as.str.len != n)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (v->as.str.ptr[i] < '0' || v->as.str.ptr[i] > '9')
            return false;
    return true;
}

// What the differing part of a string is, by its values and what precedes it.
static const char *part_hint(Multi *M, Value **parts, const char *before, Where w)
{
    bool account = true;
    for (uint32_t i = 0; i < M->n; i++)
        account = account && all_digits(parts[i], 12);
    if (account)
        return "account_id";
    size_t n = strlen(before);
    if (w.m && strcmp(w.m->api, "image") == 0 && n && before[n - 1] == ':')
        return "image_tag";
    return w.hint;
}

// A string template for strings that differ (all present), or NULL.
static Value *string_template(Multi *M, Value **vals, Where w)
{
    Arena *a = M->im->a;
    char **m = arena_alloc(a, M->n * sizeof(char *));
    bool same = true;
    for (uint32_t i = 0; i < M->n; i++) {
        m[i] = marked(a, vals[i]->as.str.ptr, M->ws[i]);
        same = same && strcmp(m[i], m[0]) == 0;
    }
    StrBuf b;
    buf_init(&b, a, 0);
    buf_putc(&b, '"');
    if (same && strchr(m[0], MARK)) {
        put_template(a, &b, m[0], strlen(m[0]));
        buf_putc(&b, '"');
        return multi_ref(M, b.ptr);
    }
    size_t p = strlen(m[0]), s = p;
    for (uint32_t i = 1; i < M->n; i++) {
        size_t k = 0, len = strlen(m[i]);
        while (k < p && m[i][k] == m[0][k])
            k++;
        p = k;
        size_t l0 = strlen(m[0]);
        for (k = 0; k < s && k < len && k < l0 && m[i][len - 1 - k] == m[0][l0 - 1 - k]; k++)
            ;
        s = k;
    }
    size_t l0 = strlen(m[0]);
    for (uint32_t i = 0; i < M->n; i++) { // prefix and suffix may not overlap
        size_t len = strlen(m[i]);
        if (p + s > len)
            s = len - p;
    }
    bool accounts = true; // 12-digit account ids need no separator around them
    for (uint32_t i = 0; i < M->n; i++) {
        size_t len = strlen(m[i]);
        Value *mid = unmarked(a, m[i], p, len - s, M->ws[i]);
        accounts = accounts && all_digits(mid, 12);
    }
    while (!accounts && p > 0 && !is_sep(m[0][p - 1]))
        p--;
    while (!accounts && s > 0 && !is_sep(m[0][l0 - s]))
        s--;
    if (p + s < 4)
        return NULL;
    Value **parts = arena_alloc(a, M->n * sizeof(Value *));
    for (uint32_t i = 0; i < M->n; i++)
        parts[i] = unmarked(a, m[i], p, strlen(m[i]) - s, M->ws[i]);
    const char *before = unmarked(a, m[0], 0, p, M->ws[0])->as.str.ptr;
    Var *v = var_for(M, parts, part_hint(M, parts, before, w), w);
    put_template(a, &b, m[0], p);
    buf_puts(&b, arena_printf(a, "$<var.%s>", v->name));
    put_template(a, &b, m[0] + l0 - s, s);
    buf_putc(&b, '"');
    return multi_ref(M, b.ptr);
}

// The inside of a quoted string that gives `vals` in each workspace: the
// text when it is equal, a template when there is one, else $<var.NAME>.
static const char *part_text(Multi *M, Value **vals, Where w, const char *hint)
{
    Arena *a = M->im->a;
    bool equal = true;
    for (uint32_t i = 1; i < M->n; i++)
        equal = equal && value_equal(vals[i], vals[0]);
    const char *q = NULL;
    if (equal)
        q = hcl_string(a, vals[0]->as.str.ptr, vals[0]->as.str.len);
    Value *t = equal ? NULL : string_template(M, vals, w);
    if (t)
        q = t->as.str.ptr;
    if (q)
        return arena_strndup(a, q + 1, strlen(q) - 2);
    return arena_printf(a, "$<var.%s>", var_for(M, vals, hint, w)->name);
}

// An image that differs (all present): its repository and its tag taken
// apart, so that a tag that differs is one variable and a registry in
// another account takes the account's variable. NULL when an image has no
// tag or names a digest.
static Value *image_template(Multi *M, Value **vals, Where w)
{
    Arena *a = M->im->a;
    Value **repo = arena_alloc(a, M->n * sizeof(Value *));
    Value **tag = arena_alloc(a, M->n * sizeof(Value *));
    for (uint32_t i = 0; i < M->n; i++) {
        const char *s = vals[i]->as.str.ptr, *slash = strrchr(s, '/'), *colon = strrchr(s, ':');
        if (!colon || (slash && colon < slash) || strchr(s, '@'))
            return NULL;
        repo[i] = value_string(a, span_none(), s, (size_t)(colon - s));
        tag[i] = value_cstring(a, span_none(), colon + 1);
    }
    const char *r = part_text(M, repo, w, "image");
    const char *t = part_text(M, tag, w, "image_tag");
    return multi_ref(M, arena_printf(a, "\"%s:%s\"", r, t));
}

// --- merging ------------------------------------------------------------------------

static bool digits_text(const Value *v)
{
    return v && v->kind == VAL_STRING && v->as.str.len > 0 && v->as.str.len < 10 &&
           all_digits(v, v->as.str.len) && (v->as.str.ptr[0] != '0' || v->as.str.len == 1);
}

// A value that differs between workspaces: a template or a variable.
static Value *leaf(Multi *M, Value **vals, Where w)
{
    Arena *a = M->im->a;
    bool strings = true,
         sizes = w.task && w.m && (strcmp(w.m->api, "cpu") == 0 || strcmp(w.m->api, "memory") == 0);
    for (uint32_t i = 0; i < M->n; i++) {
        strings = strings && vals[i] && vals[i]->kind == VAL_STRING;
        sizes = sizes && digits_text(vals[i]);
    }
    bool image = strings && w.m && strcmp(w.m->api, "image") == 0;
    Value *t = image ? image_template(M, vals, w) : NULL;
    if (!t && strings && !sizes)
        t = string_template(M, vals, w);
    if (t)
        return t;
    Value **own = arena_alloc(a, M->n * sizeof(Value *));
    for (uint32_t i = 0; i < M->n; i++) // task sizes as numbers, which lowering writes back
        own[i] = sizes ? value_number(a, span_none(), (double)atoll(vals[i]->as.str.ptr)) : vals[i];
    return multi_ref(M, arena_printf(a, "var.%s", var_for(M, own, w.hint, w)->name));
}

// The member that identifies the items of a list of structs, or NULL.
const char *multi_item_key(const SchemaMember *m)
{
    static const char *const keys[][2] = {
        {"portMappings", "containerPort"}, {"mountPoints", "containerPath"},
        {"dependsOn", "containerName"},    {"volumesFrom", "sourceContainer"},
        {"extraHosts", "hostname"},        {"ulimits", "name"}};
    if (m->label)
        return m->label;
    if (m->map_key)
        return m->map_key;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(m->api, keys[i][0]) == 0)
            return keys[i][1];
    return NULL;
}

Value *multi_key_of(const Value *item, const char *key)
{
    Value *k = item->kind == VAL_OBJECT ? value_object_get(item, key, strlen(key)) : NULL;
    return k && (k->kind == VAL_STRING || k->kind == VAL_NUMBER) ? k : NULL;
}

// True when every list holds the same keys in the same order, each once.
static bool lists_match(Multi *M, Value **vals, const char *key)
{
    const Value *first = vals[0];
    for (uint32_t i = 0; i < M->n; i++) {
        if (vals[i]->kind != VAL_LIST || vals[i]->as.list.count != first->as.list.count)
            return false;
        for (uint32_t j = 0; j < first->as.list.count; j++) {
            Value *k = multi_key_of(vals[i]->as.list.items[j], key);
            Value *k0 = multi_key_of(first->as.list.items[j], key);
            if (!k || !k0 || !value_equal(k, k0))
                return false;
            for (uint32_t l = 0; l < j; l++)
                if (value_equal(multi_key_of(first->as.list.items[l], key), k0))
                    return false;
        }
    }
    return true;
}

const char *multi_key_text(Arena *a, const Value *k)
{
    char buf[VALUE_NUMBER_BUF];
    return k->kind == VAL_STRING ? k->as.str.ptr
                                 : arena_strdup(a, value_number_text(k->as.number, buf));
}

bool multi_is_containers(const SchemaMember *m)
{
    return strcmp(m->api, "containerDefinitions") == 0;
}

// Where the item of `m` with key `k` is, for the names of its variables.
Where multi_item_where(Multi *M, const SchemaMember *m, Where w, const Value *key)
{
    const char *k = multi_key_text(M->im->a, key);
    Where iw = w;
    if (multi_is_containers(m))
        iw.prefix = k;
    else if (m->map_key)
        iw.hint = k; // an environment variable, a secret
    else
        iw.hint = arena_printf(M->im->a, "%s_%s", m->snake, k);
    iw.m = m;
    return iw;
}

static Value *merge_list(Multi *M, Value **vals, const SchemaMember *m, Where w)
{
    Arena *a = M->im->a;
    const char *key = multi_item_key(m);
    uint32_t count = vals[0]->as.list.count;
    Value *out = value_list_new(a, vals[0]->origin, count);
    for (uint32_t j = 0; j < count; j++) {
        Value **items = arena_alloc(a, M->n * sizeof(Value *));
        for (uint32_t i = 0; i < M->n; i++)
            items[i] = vals[i]->as.list.items[j];
        Where iw = multi_item_where(M, m, w, multi_key_of(items[0], key));
        out->as.list.items[j] = multi_merge(M, items, m->type.elem, iw);
    }
    return out;
}

const char *multi_option_hint(const char *key)
{
    if (strncmp(key, "awslogs-", 8) == 0)
        return strcmp(key, "awslogs-group") == 0 ? "log_group" : key + 1;
    return key;
}

static Value *merge_object(Multi *M, Value **vals, const SchemaType *t, Where w)
{
    Arena *a = M->im->a;
    Value *out = value_object_new(a, vals[0]->origin, vals[0]->as.object.count);
    for (uint32_t i = 0; i < M->n; i++)
        for (uint32_t j = 0; j < vals[i]->as.object.count; j++) {
            const ValueStr *k = &vals[i]->as.object.keys[j];
            if (value_object_get(out, k->ptr, k->len))
                continue;
            Value **mv = arena_alloc(a, M->n * sizeof(Value *));
            for (uint32_t l = 0; l < M->n; l++)
                mv[l] = value_object_get(vals[l], k->ptr, k->len);
            const SchemaMember *m = t->kind == SK_STRUCT ? schema_find(t->shape, k->ptr) : NULL;
            Where cw = w;
            cw.task = t->kind == SK_STRUCT && t->shape == schema_task_definition();
            cw.m = m;
            cw.hint = m ? m->snake : multi_option_hint(k->ptr);
            if (m && w.m && w.m->map_value && strcmp(m->api, w.m->map_value) == 0)
                cw.hint = w.hint; // the value of an environment variable: its name
            const SchemaType *ct = m ? &m->type : t->kind == SK_MAP ? t->elem : NULL;
            value_object_put(a, out, k->ptr, k->len, multi_merge(M, mv, ct, cw));
        }
    return out;
}

// True when the objects `vals` have the same keys.
static bool same_keys(const Multi *M, Value **vals)
{
    for (uint32_t i = 1; i < M->n; i++) {
        if (vals[i]->as.object.count != vals[0]->as.object.count)
            return false;
        for (uint32_t j = 0; j < vals[i]->as.object.count; j++) {
            const ValueStr *k = &vals[i]->as.object.keys[j];
            if (!value_object_get(vals[0], k->ptr, k->len))
                return false;
        }
    }
    return true;
}

Value *multi_merge(Multi *M, Value **vals, const SchemaType *t, Where w)
{
    bool all = true, equal = true, objects = true;
    for (uint32_t i = 0; i < M->n; i++) {
        all = all && vals[i];
        equal = equal && vals[i] && value_equal(vals[i], vals[0]);
        objects = objects && vals[i] && vals[i]->kind == VAL_OBJECT;
    }
    if (equal)
        return vals[0];
    if (!all && t && w.m &&
        (t->kind == SK_STRUCT || t->kind == SK_MAP ||
         (t->kind == SK_LIST && t->elem->kind == SK_STRUCT)) &&
        multi_some_composite(M, vals))
        return multi_placed(M, multi_merge_present(M, vals, t, w), vals);
    Value *map;
    if (all && objects && t && t->kind == SK_MAP && !same_keys(M, vals) &&
        (map = multi_merge_map(M, vals, t, w)))
        return multi_placed(M, map, vals);
    if (all && objects && t && (t->kind == SK_STRUCT || t->kind == SK_MAP))
        return merge_object(M, vals, t, w);
    if (all && t && t->kind == SK_LIST && t->elem->kind == SK_STRUCT && w.m) {
        const char *key = multi_item_key(w.m);
        Value **keys;
        uint32_t nkeys;
        if (key && lists_match(M, vals, key))
            return merge_list(M, vals, w.m, w);
        if (key && multi_merged_keys(M, vals, key, &keys, &nkeys))
            return multi_placed(M, multi_merge_gated(M, vals, w.m, w, keys, nkeys), vals);
    }
    return multi_placed(M, leaf(M, vals, w), vals);
}

// --- output -------------------------------------------------------------------------

static const char *type_of(Multi *M, const Var *v)
{
    ValueKind kind = VAL_NULL;
    bool strings_list = true;
    for (uint32_t i = 0; i < M->n; i++) {
        const Value *x = v->vals[i];
        if (!x || x->kind == VAL_NULL)
            continue;
        if (kind != VAL_NULL && x->kind != kind)
            return "any";
        kind = x->kind;
        for (uint32_t j = 0; x->kind == VAL_LIST && j < x->as.list.count; j++)
            strings_list = strings_list && x->as.list.items[j]->kind == VAL_STRING;
    }
    return kind == VAL_STRING                 ? "string"
           : kind == VAL_NUMBER               ? "number"
           : kind == VAL_BOOL                 ? "bool"
           : kind == VAL_LIST && strings_list ? "list(string)"
                                              : "any";
}

static const char *variables_text(Multi *M)
{
    Importer *im = M->im;
    HclBody top = {0};
    for (uint32_t i = 0; i < M->nvars; i++) {
        const Var *v = &M->vars[i];
        HclBody body = {0};
        hcl_add(im, &body, HCL_ATTR, "type", type_of(M, v));
        const char *d =
            v->gate ? arena_printf(im->a, "Whether the workspace has %s", v->used)
                    : arena_printf(im->a, "Differs between workspaces; used in %s", v->used);
        hcl_add(im, &body, HCL_ATTR, "description", hcl_string(im->a, d, strlen(d)));
        hcl_add(im, &top, HCL_BLOCK, arena_printf(im->a, "variable \"%s\"", v->name),
                hcl_body_text(im, &body, 1));
    }
    return hcl_body_text(im, &top, 0);
}

static const char *workspaces_text(Multi *M)
{
    Importer *im = M->im;
    HclBody top = {0};
    for (uint32_t w = 0; w < M->n; w++) {
        HclBody body = {0};
        for (uint32_t i = 0; i < M->nvars; i++) {
            const Var *v = &M->vars[i];
            Value *x = v->vals[w];
            if (x && v->m && (x->kind == VAL_LIST || x->kind == VAL_OBJECT))
                x = multi_member_value(M, v->m, x); // snake_case names, name/value lists as maps
            hcl_add(im, &body, HCL_ATTR, v->name, x ? hcl_value(im, x, 1) : "null");
        }
        hcl_add(im, &top, HCL_BLOCK, arena_printf(im->a, "workspace \"%s\"", M->ws[w]),
                hcl_body_text(im, &body, 1));
    }
    return hcl_body_text(im, &top, 0);
}

// The label of the task: its family with the workspace's name taken out.
static const char *task_label(Multi *M, Value **tds)
{
    Value *f = value_object_get(tds[0], "family", 6);
    if (!f || f->kind != VAL_STRING)
        return "main";
    char *m = marked(M->im->a, f->as.str.ptr, M->ws[0]);
    char *out = m;
    size_t o = 0;
    for (char *p = m; *p; p++)
        if (*p != MARK && !(*p == '-' && (o == 0 || out[o - 1] == '-')))
            out[o++] = *p;
    while (o > 0 && out[o - 1] == '-')
        o--;
    out[o] = '\0';
    return o && hcl_plain_label(out) ? out : "main";
}

// Files of several workspaces where one is a container-definitions array
// and another a task definition: they build with different targets, so
// they are no environments of one deployment.
static bool mixed_kinds(Diags *diags, SourceSet *src, uint32_t first, const Value *v,
                        bool first_task)
{
    Diag *g = diag_error(diags, E_IMPORT_KIND, v->origin,
                         "this file is %s, and %s %s: the workspaces' files must be of one kind",
                         first_task ? "a container-definitions array" : "a task definition",
                         source_file(src, first)->name,
                         first_task ? "a task definition" : "a container-definitions array");
    diag_help(diags, g, "import each alone, or give every workspace the same kind of file");
    return false;
}

bool import_task_workspaces(Arena *a, SourceSet *src, Diags *diags, const uint32_t *files,
                            const char *const *names, uint32_t n, ImportKind kind,
                            ImportOutput *out)
{
    Value **tds = arena_alloc(a, n * sizeof(Value *));
    uint32_t *read = arena_alloc(a, n * sizeof(uint32_t));
    const JsonText **jsons = arena_alloc(a, n * sizeof(JsonText *));
    const char *family = NULL, *vars = "";
    const Value **refs = NULL;
    uint32_t nrefs = 0, cap = 0;
    for (uint32_t i = 0; i < n; i++) {
        Importer one = {.a = a, .src = src, .diags = diags, .file = files[i]};
        const char *first = family;
        tds[i] = import_load(&one, kind, &family);
        if (!tds[i])
            return false;
        if (i > 0 && !one.cfn && !first != !family)
            return mixed_kinds(diags, src, files[0], tds[i], !first);
        if (one.cfn) {
            Diag *g = diag_error(diags, E_IMPORT_KIND, tds[i]->origin,
                                 "a CloudFormation template cannot be one of several "
                                 "workspaces' files");
            diag_help(diags, g,
                      "import the template alone; its parameters are the values that differ");
            return false;
        }
        read[i] = one.file; // the file with its comments blanked out
        jsons[i] = one.json;
        for (uint32_t k = 0; k < one.nrefs; k++) { // a template's var.NAME, a compose secret's
            BUF_RESERVE(a, refs, nrefs, cap);
            refs[nrefs++] = one.refs[k];
        }
        if (one.vars && *one.vars && !strstr(vars, one.vars))
            vars = arena_printf(a, "%s%s%s", vars, *vars ? "\n" : "", one.vars);
    }
    jsons[0] = multi_comments(a, read, jsons, tds, n);
    Importer im = {.a = a,
                   .src = src,
                   .diags = diags,
                   .file = read[0],
                   .json = jsons[0],
                   .refs = refs,
                   .nrefs = nrefs,
                   .cap = cap};
    Multi M = {.im = &im, .n = n, .ws = names, .files = read, .jsons = jsons};
    Where w = {NULL, "task", NULL, false};
    Value *merged =
        multi_merge(&M, tds, &(SchemaType){SK_STRUCT, schema_task_definition(), NULL, NULL, 0}, w);
    out->main = hcl_format(
        &im, import_task_text(&im, merged, family ? family : task_label(&M, tds), family));
    const char *own = M.nvars ? variables_text(&M) : "";
    out->variables =
        *vars || *own
            ? hcl_format(&im, arena_printf(a, "%s%s%s", vars, *vars && *own ? "\n" : "", own))
            : "";
    out->workspaces = hcl_format(&im, workspaces_text(&M));
    return true;
}
