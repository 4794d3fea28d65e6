// import_task.c - a task definition's JSON turned into a task_definition
// block, driven by the schema tables that lowering reads (ecs/schema.h):
// API names become snake_case, lists of structs repeated blocks (labelled by
// their name), struct members blocks, name/value lists maps ({K = V}), and
// what none of these fits an attribute holding the value as it is, which
// lowering reads back the same. Read-only members of describe output and
// unknown members are left out with a warning each.
#include "import/import.h"
#include "import/import_impl.h"

#include <string.h>
#include <strings.h>

#include "cfn/cfn.h"
#include "decode/decode.h"
#include "ecs/ecs.h"
#include "ecs/ecs_impl.h" // ecs_placeholder, which E0516 turns on
#include "ecs/schema.h"

static void convert_object(Importer *im, const SchemaShape *shape, const Value *obj, int depth,
                           const char *label, HclBody *out);

bool import_kind_named(const char *name, ImportKind *out)
{
    static const struct {
        const char *name;
        ImportKind kind;
    } kinds[] = {{"task-definition", IMPORT_REQUEST}, {"describe", IMPORT_DESCRIBED},
                 {"containers", IMPORT_CONTAINERS},   {"compose", IMPORT_COMPOSE},
                 {"template", IMPORT_TEMPLATE},       {"cloudformation", IMPORT_CFN}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(name, kinds[i].name) == 0) {
            *out = kinds[i].kind;
            return true;
        }
    return false;
}

static Value *get(const Value *obj, const char *key)
{
    return obj && obj->kind == VAL_OBJECT ? value_object_get(obj, key, strlen(key)) : NULL;
}

// --- the forms a member takes -----------------------------------------------------

// A list of {KEY: string, VALUE: string} with distinct keys, written {K = V}.
static bool pairs_fit(const Importer *im, const SchemaMember *m, const Value *v)
{
    if (!m->map_key || !m->map_value || v->kind != VAL_LIST || v->as.list.count == 0)
        return false;
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        const Value *e = v->as.list.items[i];
        const Value *k = get(e, m->map_key), *val = get(e, m->map_value);
        if (!k || !val || e->as.object.count != 2 || k->kind != VAL_STRING ||
            val->kind != VAL_STRING || (hcl_is_ref(im, k)))
            return false;
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(get(v->as.list.items[j], m->map_key)->as.str.ptr, k->as.str.ptr) == 0)
                return false;
    }
    return true;
}

static const char *pairs_text(Importer *im, const SchemaMember *m, const Value *v, int depth)
{
    Value *obj = value_object_new(im->a, v->origin, v->as.list.count);
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        const Value *e = v->as.list.items[i];
        const Value *k = get(e, m->map_key);
        value_object_put(im->a, obj, k->as.str.ptr, k->as.str.len, get(e, m->map_value));
    }
    return hcl_value(im, obj, depth);
}

// A list of objects written as repeated blocks; each carries its label
// member as a plain label when the block takes one.
static bool blocks_fit(const Importer *im, const SchemaMember *m, const Value *v)
{
    if (!m->block || m->type.kind != SK_LIST || m->type.elem->kind != SK_STRUCT ||
        v->kind != VAL_LIST || v->as.list.count == 0)
        return false;
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        const Value *e = v->as.list.items[i], *l = m->label ? get(e, m->label) : NULL;
        if (e->kind != VAL_OBJECT || hcl_is_ref(im, e) ||
            (m->label &&
             (!l || l->kind != VAL_STRING || hcl_is_ref(im, l) || !hcl_plain_label(l->as.str.ptr))))
            return false;
    }
    return true;
}

static void add_block(Importer *im, HclBody *out, const SchemaShape *shape, const char *header,
                      const Value *obj, int depth, const char *label)
{
    HclBody body = {0};
    convert_object(im, shape, obj, depth + 1, label, &body);
    hcl_add_comments(im, &body, obj->origin.end);
    hcl_add(im, out, HCL_BLOCK, header, hcl_body_text(im, &body, depth + 1));
}

static void add_blocks(Importer *im, HclBody *out, const SchemaMember *m, const Value *v, int depth)
{
    const SchemaShape *shape = m->type.elem->shape;
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        const Value *e = v->as.list.items[i];
        const Value *l = m->label ? get(e, m->label) : NULL;
        hcl_add_comments(im, out, e->origin.start);
        const char *header =
            l ? arena_printf(im->a, "%s \"%s\"", m->block, l->as.str.ptr) : m->block;
        add_block(im, out, shape, header, e, depth, m->label);
    }
}

// Task cpu and memory given as plain digits read better as numbers, which
// lowering turns back into the same text.
static bool digits_only(const Value *v)
{
    if (v->kind != VAL_STRING || v->as.str.len == 0 || v->as.str.len > 9 ||
        (v->as.str.ptr[0] == '0' && v->as.str.len > 1))
        return false;
    for (uint32_t i = 0; i < v->as.str.len; i++)
        if (v->as.str.ptr[i] < '0' || v->as.str.ptr[i] > '9')
            return false;
    return true;
}

static void convert_member(Importer *im, const SchemaShape *shape, const SchemaMember *m,
                           const Value *v, int depth, HclBody *out)
{
    if (pairs_fit(im, m, v)) {
        hcl_add(im, out, HCL_ATTR, m->snake, pairs_text(im, m, v, depth));
    } else if (blocks_fit(im, m, v)) {
        add_blocks(im, out, m, v, depth);
    } else if (m->block && m->type.kind == SK_STRUCT && v->kind == VAL_OBJECT &&
               !hcl_is_ref(im, v)) {
        add_block(im, out, m->type.shape, m->block, v, depth, NULL);
    } else if (shape == schema_task_definition() && !hcl_is_ref(im, v) && digits_only(v) &&
               (strcmp(m->api, "cpu") == 0 || strcmp(m->api, "memory") == 0)) {
        hcl_add(im, out, HCL_ATTR, m->snake, v->as.str.ptr);
    } else {
        hcl_add(im, out, HCL_ATTR, m->snake, hcl_value(im, v, depth));
    }
}

static void left_out(Importer *im, const Value *obj, uint32_t i, const SchemaShape *shape)
{
    const char *key = obj->as.object.keys[i].ptr;
    Diag *g = diag_warning(im->diags, E_IMPORT_LEFT_OUT, obj->as.object.vals[i]->origin,
                           "unknown member \"%s\" of %s left out", key, shape->name);
    const char *names[256];
    uint32_t n = shape->count < 256 ? shape->count : 256;
    for (uint32_t k = 0; k < n; k++)
        names[k] = shape->members[k].api;
    diag_help_suggest(im->diags, g, key, names, n);
}

// Writes the members of `obj` for `shape` into `out`, in the file's order;
// `label` is the member a block label already gives.
static void convert_object(Importer *im, const SchemaShape *shape, const Value *obj, int depth,
                           const char *label, HclBody *out)
{
    for (uint32_t i = 0; i < obj->as.object.count; i++) {
        const char *key = obj->as.object.keys[i].ptr;
        const Value *v = obj->as.object.vals[i];
        if (label && strcmp(key, label) == 0)
            continue;
        const SchemaMember *m = schema_find(shape, key);
        if (!m || strcmp(m->api, key) != 0) {
            left_out(im, obj, i, shape);
            continue;
        }
        if (v->kind == VAL_NULL)
            continue; // null leaves a member out, in the source as in the JSON
        hcl_add_comments(im, out, v->origin.start);
        hcl_add_line_comments(im, out, v->origin.end);
        convert_member(im, shape, m, v, depth, out);
    }
}

// --- the kinds of file ----------------------------------------------------------------

// describe-task-definition output: its taskDefinition (with the tags the
// output carries beside it), read-only members left out, named in notes.
static Value *from_described(Importer *im, const Value *v)
{
    const Value *td = get(v, "taskDefinition");
    Value *tags = get(v, "tags");
    if (!td)
        td = v;
    const SchemaShape *described = schema_described_task_definition();
    Value *out = value_object_new(im->a, td->origin, td->as.object.count + 1);
    Diag *g = NULL;
    for (uint32_t i = 0; i < td->as.object.count; i++) {
        const ValueStr *k = &td->as.object.keys[i];
        const SchemaMember *m = schema_find(described, k->ptr);
        if (!m || !m->read_only) {
            value_object_put(im->a, out, k->ptr, k->len, td->as.object.vals[i]);
            continue;
        }
        if (!g)
            g = diag_warning(im->diags, E_IMPORT_LEFT_OUT, td->origin,
                             "members of describe-task-definition output left out: "
                             "AWS sets them, a request cannot");
        diag_note_at(im->diags, g, td->as.object.vals[i]->origin, "%s left out", k->ptr);
    }
    if (tags && tags->kind == VAL_LIST && tags->as.list.count && !get(out, "tags"))
        value_object_put(im->a, out, "tags", 4, tags);
    return out;
}

static bool is_described(const Value *v)
{
    const Value *td = get(v, "taskDefinition");
    if (td && td->kind == VAL_OBJECT)
        return true;
    return get(v, "taskDefinitionArn") || get(v, "revision") || get(v, "registeredAt");
}

static ImportKind kind_of(const Value *v)
{
    if (cfn_is_template(v))
        return IMPORT_CFN;
    if (v->kind == VAL_LIST)
        return IMPORT_CONTAINERS;
    if (v->kind == VAL_OBJECT && is_described(v))
        return IMPORT_DESCRIBED;
    if (v->kind == VAL_OBJECT && (get(v, "containerDefinitions") || get(v, "family")))
        return IMPORT_REQUEST;
    return IMPORT_AUTO;
}

static bool check_kind(Importer *im, const Value *v, ImportKind kind)
{
    bool ok = kind == IMPORT_CONTAINERS ? v->kind == VAL_LIST
              : kind == IMPORT_CFN      ? cfn_is_template(v)
                                        : v->kind == VAL_OBJECT;
    for (uint32_t i = 0; ok && kind == IMPORT_CONTAINERS && i < v->as.list.count; i++)
        ok = v->as.list.items[i]->kind == VAL_OBJECT;
    if (ok && kind != IMPORT_AUTO)
        return true;
    Diag *g = diag_error(im->diags, E_IMPORT_KIND, v->origin,
                         kind == IMPORT_CONTAINERS ? "this is not a container-definitions array"
                         : kind == IMPORT_AUTO     ? "this JSON is not a task definition"
                         : kind == IMPORT_CFN      ? "this is not a CloudFormation template"
                                                   : "this is not a task definition object");
    diag_help(im->diags, g,
              "hclc import reads a RegisterTaskDefinition request (an object with "
              "containerDefinitions), describe-task-definition output, an array of "
              "container definitions, or a CloudFormation template (with Resources)");
    return false;
}

// The file's name without folders and extension, as a family: letters,
// digits, '-' and '_' kept, others '-'.
static const char *family_of_path(Arena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strcspn(base, ".");
    char *f = arena_strndup(a, base, n ? n : strlen(base));
    for (char *p = f; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", *p))
            *p = '-';
    return *f ? f : "imported";
}

const char *import_task_text(Importer *im, const Value *td, const char *label,
                             const char *family_note)
{
    const Value *family = get(td, "family");
    if (!label)
        label = family_note ? family_note
                : family && family->kind == VAL_STRING && !hcl_is_ref(im, family) &&
                        hcl_plain_label(family->as.str.ptr)
                    ? family->as.str.ptr
                    : "main";
    HclBody body = {0}, top = {0};
    hcl_add_comments(im, &top, td->origin.start);
    if (family_note) {
        hcl_add(im, &body, HCL_COMMENT, NULL,
                get(td, "memory") ? "# Not in the container array: family (its file's name) and "
                                    "memory,\n  # which the task needs to validate. Build the "
                                    "array with -t container-definitions."
                                  : "# Not in the container array: family (its file's name). "
                                    "Build the array\n  # with -t container-definitions.");
        hcl_add(im, &body, HCL_ATTR, "family", hcl_string(im->a, family_note, strlen(family_note)));
    }
    for (uint32_t i = 0; im->head && i < im->head->count; i++)
        hcl_add(im, &body, im->head->items[i].kind, im->head->items[i].name,
                im->head->items[i].text);
    convert_object(im, schema_task_definition(), td, 1, NULL, &body);
    hcl_add_comments(im, &body, td->origin.end);
    hcl_add(im, &top, HCL_BLOCK, arena_printf(im->a, "task_definition \"%s\"", label),
            hcl_body_text(im, &body, 1));
    hcl_add_comments(im, &top, UINT32_MAX);
    return hcl_body_text(im, &top, 0);
}

// A container-definitions array becomes a task definition of those
// containers, its family named after the file (build it with
// -t container-definitions to get the array back).
// A container's memory in MiB (its limit, else its reservation), or -1.
static double container_memory(const Value *c)
{
    Value *m = get(c, "memory");
    m = m && m->kind == VAL_NUMBER ? m : get(c, "memoryReservation");
    return m && m->kind == VAL_NUMBER ? m->as.number : -1;
}

// The array as a task's containers. When a container sets no memory, the
// task gets memory (EC2 needs one or the other): the sum of the others and
// 256 MiB for each of those, at least 512, in steps of 512.
static Value *from_containers(Importer *im, Value *list)
{
    Value *td = value_object_new(im->a, list->origin, 2);
    double sum = 0;
    bool missing = false;
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        double m = container_memory(list->as.list.items[i]);
        missing = missing || m < 0;
        sum += m < 0 ? 256 : m;
    }
    if (missing) {
        double mib = sum < 512 ? 512 : ((double)(int64_t)((sum + 511) / 512)) * 512;
        value_object_put(im->a, td, "memory", 6,
                         value_cstring(im->a, span_none(), arena_printf(im->a, "%.0f", mib)));
    }
    value_object_put(im->a, td, "containerDefinitions", strlen("containerDefinitions"), list);
    return td;
}

static bool yaml_name(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcmp(path + n - 4, ".yml") == 0) ||
           (n > 5 && strcmp(path + n - 5, ".yaml") == 0);
}

static Value *load_compose(Importer *im, const char **family_note)
{
    *family_note = NULL;
    Value *doc = decode_yaml_file(im->a, im->src, im->file, im->diags);
    if (!doc)
        return NULL;
    if (doc->kind != VAL_OBJECT) {
        Diag *g = diag_error(im->diags, E_IMPORT_KIND, doc->origin,
                             "this YAML is not a docker-compose file");
        diag_help(im->diags, g, "a compose file is a mapping with services:");
        return NULL;
    }
    return compose_task(im, doc, family_of_path(im->a, source_file(im->src, im->file)->name));
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n > m && strcmp(s + n - m, end) == 0;
}

// A YAML file read with CloudFormation's short-form tags: the template, or
// NULL when it is none (*failed: the YAML is bad, reported). Without
// --from cloudformation a file that is no template is read as compose.
static Value *load_cfn_yaml(Importer *im, ImportKind kind, bool *failed)
{
    Diags scratch;
    diags_init(&scratch, im->a);
    Value *doc = decode_yaml_cfn_file(im->a, im->src, im->file, &scratch);
    *failed = !doc;
    for (size_t i = 0; !doc && i < scratch.count; i++)
        diags_append(im->diags, scratch.items[i]);
    if (doc && kind == IMPORT_CFN && !check_kind(im, doc, IMPORT_CFN))
        *failed = true;
    else if (doc && cfn_is_template(doc))
        return im->cfn = doc;
    return NULL;
}

// A JSON error at a whole-value placeholder ("memory": ${memory}): the file
// is a Terraform template named .json, which --from template reads.
static void hint_template(Importer *im, size_t from)
{
    const SourceFile *f = source_file(im->src, im->file);
    for (size_t i = from; i < im->diags->count; i++) {
        Diag *g = im->diags->items[i];
        uint32_t at = g->subject.start;
        if (g->code == E_BAD_JSON && g->subject.file == im->file && at + 1 < f->len &&
            f->text[at] == '$' && f->text[at + 1] == '{')
            diag_help(im->diags, g,
                      "the file looks like a Terraform template: import it with --from template, "
                      "which makes each ${NAME} a variable");
    }
}

// The placeholders `hclc validate` warns about in the JSON (E0516: "${TAG}",
// "<IMAGE>", an account id of X's where ECS checks the value) are errors
// once the imported source is built, as they are for ECS: each is a warning
// of the import too, at its place in the file, so that none goes unseen.
// True when a placeholder of ecs/placeholder.c can start at s[0] (`left`
// bytes from there): "${", "{{", "#{", "<", "$NAME", a word of three X's or
// more, a word holding "account". Keep it in step with placeholder.c: it
// spares most strings the full search, which costs more than this scan.
static bool placeholder_start(const char *s, uint32_t left)
{
    switch (s[0]) {
    case '$':
        return left > 1 && (s[1] == '{' || (s[1] >= 'A' && s[1] <= 'Z'));
    case '{':
    case '#':
        return left > 1 && s[1] == '{';
    case '<':
        return true;
    case 'x':
    case 'X':
        return left > 2 && s[1] == s[0] && s[2] == s[0];
    case 'a':
    case 'A':
        return left >= 7 && strncasecmp(s, "account", 7) == 0;
    default:
        return false;
    }
}

static bool may_hold_placeholder(const char *s, uint32_t len)
{
    // The first bytes placeholder_start looks at further: one table load a
    // byte for the others.
    static const bool first[256] = {['$'] = true, ['{'] = true, ['#'] = true, ['<'] = true,
                                    ['x'] = true, ['X'] = true, ['a'] = true, ['A'] = true};
    for (uint32_t i = 0; i < len; i++)
        if (first[(unsigned char)s[i]] && placeholder_start(s + i, len - i))
            return true;
    return false;
}

// True when a string in `v` holds a placeholder. Only an ECS error about
// such a string becomes E0516 (ecs/report.c), so without one the ECS checks
// that would find it are not run: they cost more than the rest of the load.
static bool has_placeholder(Importer *im, const Value *v)
{
    if (v->kind == VAL_STRING)
        return may_hold_placeholder(v->as.str.ptr, v->as.str.len) && ecs_placeholder(im->a, v);
    if (v->kind == VAL_LIST)
        for (uint32_t i = 0; i < v->as.list.count; i++)
            if (has_placeholder(im, v->as.list.items[i]))
                return true;
    if (v->kind == VAL_OBJECT)
        for (uint32_t i = 0; i < v->as.object.count; i++)
            if (has_placeholder(im, v->as.object.vals[i]))
                return true;
    return false;
}

static void warn_placeholders(Importer *im, Value *v, EcsForm form)
{
    if (!has_placeholder(im, v))
        return;
    Diags found;
    diags_init(&found, im->a);
    EcsOptions eo = {.json = true};
    ecs_validate(im->a, &found, v, form, &eo);
    for (size_t i = 0; i < found.count; i++) {
        Diag *g = found.items[i];
        if (g->code != E_ECS_PLACEHOLDER)
            continue;
        diag_help(im->diags, g,
                  "fill it in in the imported source (or make it a variable): hclc build "
                  "refuses the value as ECS does");
        diags_append(im->diags, g);
    }
}

Value *import_load(Importer *im, ImportKind kind, const char **family_note)
{
    const SourceFile *f = source_file(im->src, im->file);
    if ((kind == IMPORT_CFN && !ends_with(f->name, ".json")) ||
        (kind == IMPORT_AUTO && yaml_name(f->name))) {
        bool failed;
        Value *tpl = load_cfn_yaml(im, kind, &failed);
        if (tpl || failed)
            return tpl;
    }
    if (kind == IMPORT_COMPOSE || (kind == IMPORT_AUTO && yaml_name(f->name)))
        return load_compose(im, family_note);
    bool tmpl = kind == IMPORT_TEMPLATE || (kind == IMPORT_AUTO && ends_with(f->name, ".tpl"));
    if (tmpl)
        kind = IMPORT_AUTO;
    JsonText *json = arena_alloc(im->a, sizeof *json);
    jsonc_clean(im->a, f->text, f->len, tmpl, json);
    if (json->ncomments || memcmp(json->text, f->text, f->len) != 0)
        im->file = source_add(im->src, f->name, json->text, json->len);
    im->json = json;
    size_t before = im->diags->count;
    Value *v = decode_json_file(im->a, im->src, im->file, im->diags);
    if (!v) {
        if (!tmpl)
            hint_template(im, before);
        return NULL;
    }
    ImportKind found = kind_of(v);
    if (!check_kind(im, v, kind == IMPORT_AUTO ? found : kind))
        return NULL;
    kind = kind == IMPORT_AUTO ? found : kind;
    *family_note = NULL;
    if (kind == IMPORT_CFN)
        return im->cfn = v;
    if (kind == IMPORT_DESCRIBED)
        v = from_described(im, v);
    if (!tmpl)
        warn_placeholders(im, v,
                          kind == IMPORT_CONTAINERS ? ECS_FORM_CONTAINERS : ECS_FORM_REQUEST);
    if (kind == IMPORT_CONTAINERS) {
        v = from_containers(im, v);
        *family_note = family_of_path(im->a, source_file(im->src, im->file)->name);
    }
    return tmpl ? template_task(im, v, &im->vars) : v;
}

char *import_task_json(Arena *a, SourceSet *src, Diags *diags, uint32_t file, ImportKind kind,
                       size_t *len)
{
    Importer im = {.a = a, .src = src, .diags = diags, .file = file};
    const char *family;
    Value *v = import_load(&im, kind, &family);
    if (!v)
        return NULL;
    const char *text =
        im.cfn ? import_cfn_text(&im, im.cfn) : import_task_text(&im, v, NULL, family);
    if (!text)
        return NULL;
    if (im.vars && *im.vars)
        text = arena_printf(a, "%s\n%s", text, im.vars);
    text = hcl_format_written(&im, text);
    *len = strlen(text);
    return arena_strndup(a, text, *len);
}
