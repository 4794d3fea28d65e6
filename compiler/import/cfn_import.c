// cfn_import.c - a CloudFormation template turned into hclc source: each
// AWS::ECS::TaskDefinition resource (its Properties read back to API names by
// cfn_read.c) becomes a task_definition block, its intrinsics cfn_* calls,
// the Parameters it uses cfn_parameter variables, and the Conditions,
// Mappings and outside names it uses the project's cloudformation block.
// What the source leaves out of the template is named in one warning.
#include "import/import_impl.h"

#include <stdlib.h>
#include <string.h>

#include "cfn/cfn.h"
#include "cfn/cfn_impl.h"

typedef struct CfnImport {
    Importer *im;
    const Value *params, *conds, *maps; // the template's sections, or NULL
    const char **ids;                   // logical ids of the task definitions
    uint32_t ntasks;
    const char **vars;   // per parameter: its variable's name once used, else NULL
    const char **ctexts; // per condition: its expression once used, else NULL
    bool *cused, *mused; // conditions and mappings used
    bool all_maps;       // a map named by an intrinsic: every mapping kept
    const char **external;
    uint32_t nexternal, cap;
    bool failed;
} CfnImport;

static const char *expr(CfnImport *c, const Value *v);

static Value *get(const Value *obj, const char *key)
{
    return obj && obj->kind == VAL_OBJECT ? value_object_get(obj, key, strlen(key)) : NULL;
}

static bool is_str(const Value *v)
{
    return v && v->kind == VAL_STRING;
}

// The index of member `name` of section `obj`, or -1.
static int index_of(const Value *obj, const char *name)
{
    for (uint32_t i = 0; obj && obj->kind == VAL_OBJECT && i < obj->as.object.count; i++)
        if (strcmp(obj->as.object.keys[i].ptr, name) == 0)
            return (int)i;
    return -1;
}

// An object of one member Ref, Condition or Fn::...: an intrinsic.
static bool is_intrinsic(const Value *v)
{
    if (!v || v->kind != VAL_OBJECT || v->as.object.count != 1)
        return false;
    const char *k = v->as.object.keys[0].ptr;
    return strcmp(k, "Ref") == 0 || strcmp(k, "Condition") == 0 || strncmp(k, "Fn::", 4) == 0;
}

static void fail(CfnImport *c, const Value *at, const char *msg, const char *help)
{
    if (c->failed)
        return;
    c->failed = true;
    Diag *g = diag_error(c->im->diags, E_IMPORT_INTRINSIC, at->origin, "%s", msg);
    diag_help(c->im->diags, g, "%s", help);
}

// --- names ------------------------------------------------------------------------

// "WebApi" -> "web-api" (sep '-'), "DBPassword" -> "db_password" (sep '_'):
// the letters and digits in lower case, words split where the case turns.
static char *split_words(Arena *a, const char *s, char sep)
{
    size_t n = strlen(s);
    char *out = arena_alloc(a, 2 * n + 2);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        bool up = ch >= 'A' && ch <= 'Z', low = (ch >= 'a' && ch <= 'z'),
             dig = ch >= '0' && ch <= '9';
        if (!up && !low && !dig) {
            if (k && out[k - 1] != sep)
                out[k++] = sep;
            continue;
        }
        char prev = i ? s[i - 1] : 0, next = s[i + 1];
        bool turn = up && k && out[k - 1] != sep &&
                    ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') ||
                     (prev >= 'A' && prev <= 'Z' && next >= 'a' && next <= 'z'));
        if (turn)
            out[k++] = sep;
        out[k++] = up ? (char)(ch - 'A' + 'a') : ch;
    }
    while (k && out[k - 1] == sep)
        k--;
    out[k] = '\0';
    return out;
}

static bool in_list(const char *const *list, uint32_t n, const char *s)
{
    for (uint32_t i = 0; i < n; i++)
        if (list[i] && strcmp(list[i], s) == 0)
            return true;
    return false;
}

// A name not yet in `taken` (n entries): `base`, else base-2, base-3...
static const char *unique(Arena *a, const char *base, const char *const *taken, uint32_t n,
                          char sep)
{
    const char *name = base;
    for (int i = 2; in_list(taken, n, name); i++)
        name = arena_printf(a, "%s%c%d", base, sep, i);
    return name;
}

// Names outside the template: noted for cloudformation { external }.
static void note_name(CfnImport *c, const char *name)
{
    if (strncmp(name, "AWS::", 5) == 0 || index_of(c->params, name) >= 0 ||
        in_list(c->ids, c->ntasks, name) || in_list(c->external, c->nexternal, name))
        return;
    BUF_RESERVE(c->im->a, c->external, c->nexternal, c->cap);
    c->external[c->nexternal++] = arena_strdup(c->im->a, name);
}

// The variable standing for parameter `i`, declared on first use.
static const char *param_var(CfnImport *c, int i)
{
    if (!c->vars[i]) {
        const char *id = c->params->as.object.keys[i].ptr;
        static const char *const words[] = {"true", "false", "null", "for", "in", "if"};
        const char *base = split_words(c->im->a, id, '_');
        if (!*base || (base[0] >= '0' && base[0] <= '9') || in_list(words, 6, base))
            base = arena_printf(c->im->a, "p_%s", base);
        c->vars[i] = unique(c->im->a, base, c->vars, c->params->as.object.count, '_');
    }
    return c->vars[i];
}

// A name a template refers to (Ref, ${Name}, GetAtt, DependsOn): a
// parameter gets its variable, anything else outside the template external.
static void use_name(CfnImport *c, const char *name)
{
    int i = index_of(c->params, name);
    if (i >= 0)
        param_var(c, i);
    else
        note_name(c, name);
}

static void use_condition(CfnImport *c, const Value *name)
{
    int i = is_str(name) ? index_of(c->conds, name->as.str.ptr) : -1;
    if (i >= 0)
        c->cused[i] = true;
}

// The names ${Name} and ${Name.Attribute} of a Fn::Sub text, less ${!...}
// and the Sub's own variables `own`.
static void use_sub_names(CfnImport *c, const char *s, const Value *own)
{
    for (const char *p = strstr(s, "${"); p; p = strstr(p, "${")) {
        p += 2;
        const char *end = strchr(p, '}');
        if (!end)
            return;
        if (*p != '!') {
            size_t n = strcspn(p, ".}");
            const char *name = arena_strndup(c->im->a, p, n);
            if (!get(own, name))
                use_name(c, name);
        }
        p = end + 1;
    }
}

// --- intrinsics -------------------------------------------------------------------

// The args of an intrinsic written as a call: name(a, b, ...).
static const char *call(CfnImport *c, const char *fn, const Value *const *args, uint32_t n)
{
    StrBuf b;
    buf_init(&b, c->im->a, 0);
    buf_puts(&b, fn);
    buf_putc(&b, '(');
    for (uint32_t i = 0; i < n; i++) {
        buf_puts(&b, i ? ", " : "");
        buf_puts(&b, expr(c, args[i]));
    }
    buf_putc(&b, ')');
    return b.ptr;
}

typedef struct IntrinsicForm {
    const char *cfn, *fn;
    uint32_t min, max; // arguments in the list form; 0: one argument as it is
} IntrinsicForm;

static const IntrinsicForm FORMS[] = {
    {"Fn::Join", "cfn_join", 2, 2},
    {"Fn::Select", "cfn_select", 2, 2},
    {"Fn::ImportValue", "cfn_import_value", 0, 0},
    {"Fn::If", "cfn_if", 3, 3},
    {"Fn::Equals", "cfn_equals", 2, 2},
    {"Fn::And", "cfn_and", 2, 10},
    {"Fn::Or", "cfn_or", 2, 10},
    {"Fn::Not", "cfn_not", 1, 1},
    {"Fn::FindInMap", "cfn_find_in_map", 3, 3},
    {"Fn::Split", "cfn_split", 2, 2},
    {"Fn::Base64", "cfn_base64", 0, 0},
    {"Fn::GetAZs", "cfn_get_azs", 0, 0},
    {"Fn::Cidr", "cfn_cidr", 3, 3},
    {"Fn::GetAtt", "cfn_get_att", 2, 2},
    {"Fn::Sub", "cfn_sub", 1, 2},
};

static const char *bad_args(CfnImport *c, const Value *v, const char *key)
{
    fail(c, v, arena_printf(c->im->a, "the arguments of %s are not of a form hclc knows", key),
         "write it as the CloudFormation documentation shows it, then import again");
    return "null";
}

static const char *ref_text(CfnImport *c, const Value *v, const Value *name)
{
    if (!is_str(name) || name->as.str.len == 0)
        return bad_args(c, v, "Ref");
    int i = index_of(c->params, name->as.str.ptr);
    if (i >= 0)
        return arena_printf(c->im->a, "var.%s", param_var(c, i));
    note_name(c, name->as.str.ptr);
    return arena_printf(c->im->a, "cfn_ref(%s)",
                        hcl_string(c->im->a, name->as.str.ptr, name->as.str.len));
}

// Fn::Select's index "0" is the number 0 to cfn_select.
static const Value *select_index(CfnImport *c, const Value *x)
{
    if (!is_str(x) || x->as.str.len == 0 || x->as.str.len > 9 ||
        strspn(x->as.str.ptr, "0123456789") != x->as.str.len)
        return x;
    return value_number(c->im->a, x->origin, atof(x->as.str.ptr));
}

// The references a form's arguments make by name.
static void use_args(CfnImport *c, const char *key, const Value *const *args, uint32_t n)
{
    if (strcmp(key, "Fn::If") == 0)
        use_condition(c, args[0]);
    if (strcmp(key, "Fn::GetAtt") == 0 && is_str(args[0]))
        use_name(c, args[0]->as.str.ptr);
    if (strcmp(key, "Fn::FindInMap") == 0) {
        int i = is_str(args[0]) ? index_of(c->maps, args[0]->as.str.ptr) : -1;
        if (i >= 0)
            c->mused[i] = true;
        else
            c->all_maps = true;
    }
    if (strcmp(key, "Fn::Sub") == 0 && is_str(args[0]))
        use_sub_names(c, args[0]->as.str.ptr, n > 1 ? args[1] : NULL);
}

static const char *form_text(CfnImport *c, const Value *v, const IntrinsicForm *f)
{
    Arena *a = c->im->a;
    const char *key = f->cfn;
    const Value *arg = v->as.object.vals[0];
    if (strcmp(key, "Fn::GetAtt") == 0 && is_str(arg)) { // "Resource.Attribute"
        const char *dot = strchr(arg->as.str.ptr, '.');
        if (!dot || dot == arg->as.str.ptr || !dot[1])
            return bad_args(c, v, key);
        const char *res = arena_strndup(a, arg->as.str.ptr, (size_t)(dot - arg->as.str.ptr));
        use_name(c, res);
        return arena_printf(a, "cfn_get_att(%s, %s)", hcl_string(a, res, strlen(res)),
                            hcl_string(a, dot + 1, strlen(dot + 1)));
    }
    if (strcmp(key, "Fn::Sub") == 0 && is_str(arg)) {
        use_sub_names(c, arg->as.str.ptr, NULL);
        return call(c, "cfn_sub", (const Value *const *)&arg, 1);
    }
    if (f->max == 0)
        return call(c, f->fn, (const Value *const *)&arg, 1);
    if (arg->kind != VAL_LIST || arg->as.list.count < f->min || arg->as.list.count > f->max)
        return bad_args(c, v, key);
    const Value **args = arena_alloc(a, arg->as.list.count * sizeof(Value *));
    for (uint32_t i = 0; i < arg->as.list.count; i++)
        args[i] = arg->as.list.items[i];
    if (strcmp(key, "Fn::Select") == 0)
        args[0] = select_index(c, args[0]);
    if ((strcmp(key, "Fn::If") == 0 && !is_str(args[0])) ||
        (strcmp(key, "Fn::Sub") == 0 &&
         (!is_str(args[0]) || (arg->as.list.count == 2 && args[1]->kind != VAL_OBJECT))))
        return bad_args(c, v, key);
    use_args(c, key, args, arg->as.list.count);
    return call(c, f->fn, args, arg->as.list.count);
}

static const char *intrinsic_text(CfnImport *c, const Value *v)
{
    const char *key = v->as.object.keys[0].ptr;
    const Value *arg = v->as.object.vals[0];
    if (strcmp(key, "Ref") == 0)
        return ref_text(c, v, arg);
    if (strcmp(key, "Condition") == 0) {
        if (!is_str(arg))
            return bad_args(c, v, key);
        use_condition(c, arg);
        return arena_printf(c->im->a, "cfn_condition(%s)",
                            hcl_string(c->im->a, arg->as.str.ptr, arg->as.str.len));
    }
    for (size_t i = 0; i < sizeof FORMS / sizeof FORMS[0]; i++)
        if (strcmp(key, FORMS[i].cfn) == 0)
            return form_text(c, v, &FORMS[i]);
    fail(c, v, arena_printf(c->im->a, "hclc has no function for the intrinsic %s", key),
         "hclc writes Ref, Condition, Fn::Sub, Fn::GetAtt, Fn::Join, Fn::Select, "
         "Fn::ImportValue, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::FindInMap, "
         "Fn::Split, Fn::Base64, Fn::GetAZs and Fn::Cidr; replace it by one of these");
    return "null";
}

// Any value of a template as an hclc expression, intrinsics as cfn_* calls.
static const char *expr(CfnImport *c, const Value *v)
{
    Arena *a = c->im->a;
    if (is_intrinsic(v))
        return intrinsic_text(c, v);
    if (v->kind == VAL_LIST) {
        StrBuf b;
        buf_init(&b, a, 0);
        buf_putc(&b, '[');
        for (uint32_t i = 0; i < v->as.list.count; i++) {
            buf_puts(&b, i ? ", " : "");
            buf_puts(&b, expr(c, v->as.list.items[i]));
        }
        buf_putc(&b, ']');
        return b.ptr;
    }
    if (v->kind == VAL_OBJECT) {
        StrBuf b;
        buf_init(&b, a, 0);
        buf_puts(&b, "{");
        for (uint32_t i = 0; i < v->as.object.count; i++)
            buf_puts(&b,
                     arena_printf(a, "%s %s = %s", i ? "," : "",
                                  hcl_key(a, v->as.object.keys[i].ptr, v->as.object.keys[i].len),
                                  expr(c, v->as.object.vals[i])));
        buf_puts(&b, v->as.object.count ? " }" : "}");
        return b.ptr;
    }
    return hcl_value(c->im, v, 0);
}

// `v` with each intrinsic replaced by a string holding its cfn_* call,
// which the writer takes as an expression (im->refs).
static Value *hold(CfnImport *c, Value *v)
{
    if (is_intrinsic(v) || (v->flags & VALF_INTRINSIC)) {
        Value *s = value_cstring(c->im->a, v->origin, expr(c, v));
        BUF_RESERVE(c->im->a, c->im->refs, c->im->nrefs, c->im->cap);
        c->im->refs[c->im->nrefs++] = s;
        return s;
    }
    if (v->kind == VAL_LIST) {
        Value *out = value_list_new(c->im->a, v->origin, v->as.list.count);
        for (uint32_t i = 0; i < v->as.list.count; i++)
            out->as.list.items[i] = hold(c, v->as.list.items[i]);
        return out;
    }
    if (v->kind == VAL_OBJECT) {
        Value *out = value_object_new(c->im->a, v->origin, v->as.object.count);
        for (uint32_t i = 0; i < v->as.object.count; i++)
            value_object_put(c->im->a, out, v->as.object.keys[i].ptr, v->as.object.keys[i].len,
                             hold(c, v->as.object.vals[i]));
        return out;
    }
    return v;
}

// --- the cloudformation block and the variables ------------------------------------

// {name = text, ...} over several lines, at depth `depth`.
static const char *object_of(Importer *im, const HclBody *body, int depth)
{
    return arena_printf(im->a, "{\n%s%*s}", hcl_body_text(im, body, depth + 1), depth * 2, "");
}

// Runs expr() over the conditions used until no new one turns up (a
// condition may name others), so that every one used has its text.
static void condition_texts(CfnImport *c)
{
    uint32_t n = c->conds ? c->conds->as.object.count : 0;
    for (bool more = true; more;) {
        more = false;
        for (uint32_t i = 0; i < n; i++)
            if (c->cused[i] && !c->ctexts[i]) {
                c->ctexts[i] = expr(c, c->conds->as.object.vals[i]);
                more = true;
            }
    }
}

static const char *cloudformation_block(CfnImport *c)
{
    Importer *im = c->im;
    HclBody body = {0}, conds = {0}, maps = {0};
    if (c->nexternal) {
        StrBuf b;
        buf_init(&b, im->a, 0);
        for (uint32_t i = 0; i < c->nexternal; i++)
            buf_puts(&b, arena_printf(im->a, "%s%s", i ? ", " : "[",
                                      hcl_string(im->a, c->external[i], strlen(c->external[i]))));
        buf_putc(&b, ']');
        hcl_add(im, &body, HCL_ATTR, "external", b.ptr);
    }
    for (uint32_t i = 0; c->conds && i < c->conds->as.object.count; i++)
        if (c->ctexts[i])
            hcl_add(
                im, &conds, HCL_ATTR,
                hcl_key(im->a, c->conds->as.object.keys[i].ptr, c->conds->as.object.keys[i].len),
                c->ctexts[i]);
    for (uint32_t i = 0; c->maps && i < c->maps->as.object.count; i++)
        if (c->mused[i] || c->all_maps)
            hcl_add(im, &maps, HCL_ATTR,
                    hcl_key(im->a, c->maps->as.object.keys[i].ptr, c->maps->as.object.keys[i].len),
                    hcl_value(im, c->maps->as.object.vals[i], 2));
    if (conds.count)
        hcl_add(im, &body, HCL_ATTR, "conditions", object_of(im, &conds, 1));
    if (maps.count)
        hcl_add(im, &body, HCL_ATTR, "mappings", object_of(im, &maps, 1));
    if (!body.count)
        return "";
    HclBody top = {0};
    hcl_add(im, &top, HCL_BLOCK, "cloudformation", hcl_body_text(im, &body, 1));
    return hcl_body_text(im, &top, 0);
}

static bool list_type(const char *t)
{
    return strcmp(t, "CommaDelimitedList") == 0 || strncmp(t, "List<", 5) == 0 ||
           strncmp(t, "AWS::SSM::Parameter::Value<List<", 32) == 0 ||
           strcmp(t, "AWS::SSM::Parameter::Value<CommaDelimitedList>") == 0;
}

// A parameter's Default as the variable's type wants it: a number for
// Number, the items of "a,b" for a list, else a string.
static const char *default_text(Importer *im, const Value *d, const char *type)
{
    char buf[VALUE_NUMBER_BUF];
    const char *s = d->kind == VAL_NUMBER   ? value_number_text(d->as.number, buf)
                    : d->kind == VAL_BOOL   ? (d->as.boolean ? "true" : "false")
                    : d->kind == VAL_STRING ? d->as.str.ptr
                                            : NULL;
    if (!s)
        return hcl_value(im, d, 1);
    char *end = NULL;
    if (strcmp(type, "Number") == 0 && *s && (strtod(s, &end), *end == '\0'))
        return arena_strdup(im->a, s);
    if (!list_type(type))
        return hcl_string(im->a, s, strlen(s));
    StrBuf b;
    buf_init(&b, im->a, 0);
    buf_putc(&b, '[');
    for (const char *p = s; *s;) {
        size_t n = strcspn(p, ",");
        buf_puts(&b, p == s ? "" : ", ");
        buf_puts(&b, hcl_string(im->a, p, n));
        if (!p[n])
            break;
        p += n + 1;
    }
    buf_putc(&b, ']');
    return b.ptr;
}

static bool is_true(const Value *v)
{
    return v && ((v->kind == VAL_BOOL && v->as.boolean) ||
                 (is_str(v) && strcmp(v->as.str.ptr, "true") == 0));
}

static void add_variable(CfnImport *c, HclBody *top, uint32_t i)
{
    Importer *im = c->im;
    const char *id = c->params->as.object.keys[i].ptr;
    const Value *p = c->params->as.object.vals[i];
    const Value *type = get(p, "Type"), *d = get(p, "Default"), *desc = get(p, "Description");
    const char *t = is_str(type) ? type->as.str.ptr : "String";
    HclBody body = {0};
    hcl_add(im, &body, HCL_ATTR, "type",
            strcmp(t, "Number") == 0 ? "number"
            : list_type(t)           ? "list(string)"
                                     : "string");
    if (d)
        hcl_add(im, &body, HCL_ATTR, "default", default_text(im, d, t));
    if (is_str(desc))
        hcl_add(im, &body, HCL_ATTR, "description",
                hcl_string(im->a, desc->as.str.ptr, desc->as.str.len));
    if (is_true(get(p, "NoEcho")))
        hcl_add(im, &body, HCL_ATTR, "sensitive", "true");
    hcl_add(im, &body, HCL_ATTR, "cfn_parameter", "true");
    if (strcmp(cfn_pascal_case(im->a, c->vars[i]), id) != 0)
        hcl_add(im, &body, HCL_ATTR, "cfn_name", hcl_string(im->a, id, strlen(id)));
    if (strcmp(t, "String") != 0 && strcmp(t, "Number") != 0)
        hcl_add(im, &body, HCL_ATTR, "cfn_type", hcl_string(im->a, t, strlen(t)));
    hcl_add(im, top, HCL_BLOCK, arena_printf(im->a, "variable \"%s\"", c->vars[i]),
            hcl_body_text(im, &body, 1));
}

static const char *variables_text(CfnImport *c)
{
    HclBody top = {0};
    for (uint32_t i = 0; c->params && i < c->params->as.object.count; i++)
        if (c->vars[i])
            add_variable(c, &top, i);
    return top.count ? hcl_body_text(c->im, &top, 0) : "";
}

// --- the task definitions -----------------------------------------------------------

#define TASK_TYPE "AWS::ECS::TaskDefinition"

static bool is_task(const Value *r)
{
    const Value *t = get(r, "Type");
    return is_str(t) && strcmp(t->as.str.ptr, TASK_TYPE) == 0;
}

// The block label of logical id `id` ("WebTaskDefinition" -> "web"; the
// bare "TaskDefinition" takes the family `td` gives, when a plain name),
// not one of `taken`; *cfn_name gets `id` when the default id would differ.
static const char *task_label(CfnImport *c, const char *id, const Value *td,
                              const char *const *taken, uint32_t n, const char **cfn_name)
{
    Arena *a = c->im->a;
    size_t len = strlen(id), suf = strlen("TaskDefinition");
    const char *stem = id;
    const Value *family = get(td, "family");
    if (len > suf && strcmp(id + len - suf, "TaskDefinition") == 0)
        stem = arena_strndup(a, id, len - suf);
    else if (len == suf && is_str(family) && !is_intrinsic(family) &&
             hcl_plain_label(family->as.str.ptr))
        stem = family->as.str.ptr;
    const char *label = split_words(a, stem, '-');
    label = unique(a, *label ? label : "main", taken, n, '-');
    const char *back = arena_printf(a, "%sTaskDefinition", cfn_pascal_case(a, label));
    *cfn_name = strcmp(back, id) == 0 ? NULL : id;
    return label;
}

// cfn_name, cfn_condition and cfn_depends_on of resource `r`.
static void resource_head(CfnImport *c, const Value *r, const char *cfn_name, HclBody *head)
{
    Importer *im = c->im;
    if (cfn_name)
        hcl_add(im, head, HCL_ATTR, "cfn_name", hcl_string(im->a, cfn_name, strlen(cfn_name)));
    const Value *cond = get(r, "Condition");
    Value *deps = get(r, "DependsOn");
    if (cond && !is_str(cond))
        fail(c, cond, "a resource's Condition must name a condition",
             "give the name of a condition of the template's Conditions");
    else if (cond) {
        use_condition(c, cond);
        hcl_add(im, head, HCL_ATTR, "cfn_condition",
                hcl_string(im->a, cond->as.str.ptr, cond->as.str.len));
    }
    if (!deps)
        return;
    const Value *list = deps;
    if (is_str(deps)) {
        Value *one = value_list_new(im->a, deps->origin, 1);
        one->as.list.items[0] = deps;
        list = one;
    }
    for (uint32_t i = 0; list->kind == VAL_LIST && i < list->as.list.count; i++)
        if (is_str(list->as.list.items[i]))
            use_name(c, list->as.list.items[i]->as.str.ptr);
        else
            list = NULL;
    if (!list || list->kind != VAL_LIST)
        fail(c, deps, "a resource's DependsOn must name resources",
             "give a logical id, or a list of them");
    else
        hcl_add(im, head, HCL_ATTR, "cfn_depends_on", hcl_value(im, list, 1));
}

// The Properties of each task resource are objects; else an error at it.
static bool check_properties(CfnImport *c, const Value *res)
{
    for (uint32_t i = 0; i < res->as.object.count; i++) {
        const Value *r = res->as.object.vals[i], *p = get(r, "Properties");
        if (!is_task(r) || !p || (p->kind == VAL_OBJECT && !is_intrinsic(p)))
            continue;
        fail(c, p,
             arena_printf(c->im->a, "the Properties of resource \"%s\" %s",
                          res->as.object.keys[i].ptr,
                          is_intrinsic(p) ? "are an intrinsic, which hclc cannot hold"
                                          : "are not an object"),
             "hclc writes a task definition member by member: give Properties as an object "
             "(intrinsics may stand for its members)");
        return false;
    }
    return true;
}

static const char *tasks_text(CfnImport *c, const Value *res, Value **tasks)
{
    Importer *im = c->im;
    const char **labels = arena_alloc(im->a, (c->ntasks + 1) * sizeof(char *));
    StrBuf b;
    buf_init(&b, im->a, 0);
    uint32_t k = 0;
    for (uint32_t i = 0; i < res->as.object.count; i++) {
        const Value *r = res->as.object.vals[i];
        if (!is_task(r))
            continue;
        const char *cfn_name;
        labels[k] = task_label(c, c->ids[k], tasks[k], labels, k, &cfn_name);
        HclBody head = {0};
        resource_head(c, r, cfn_name, &head);
        im->head = &head;
        buf_puts(&b, k ? "\n" : "");
        buf_puts(&b, import_task_text(im, hold(c, tasks[k]), labels[k], NULL));
        im->head = NULL;
        k++;
    }
    return b.ptr;
}

// --- what is left out -------------------------------------------------------------------

static void note_left(Importer *im, Diag **g, const Value *tpl, const Value *at, const char *what)
{
    if (!*g) {
        *g = diag_warning(im->diags, E_IMPORT_LEFT_OUT, tpl->origin,
                          "parts of the template left out: hclc import keeps the task "
                          "definitions and what they use");
        diag_help(im->diags, *g,
                  "keep them in a template of their own, or add them to the one hclc builds");
    }
    diag_note_at(im->diags, *g, at->origin, "%s", what);
}

static void unused_left_out(CfnImport *c, Diag **g, const Value *tpl, const Value *sect,
                            const char *what, const void *used, bool all)
{
    for (uint32_t i = 0; sect && sect->kind == VAL_OBJECT && i < sect->as.object.count; i++) {
        bool u = all || (what[0] == 'p' ? ((const char *const *)used)[i] != NULL
                                        : ((const bool *)used)[i]);
        if (!u)
            note_left(
                c->im, g, tpl, sect->as.object.vals[i],
                arena_printf(c->im->a, "%s \"%s\" left out", what, sect->as.object.keys[i].ptr));
    }
}

// The members of a parameter the import uses that its variable does not
// hold: constraints (AllowedValues, AllowedPattern, MinValue...), which
// hclc does not write.
static void constraints_left_out(CfnImport *c, Diag **g, const Value *tpl)
{
    static const char *const held[] = {"Type", "Default", "Description", "NoEcho"};
    for (uint32_t i = 0; c->params && i < c->params->as.object.count; i++) {
        const Value *p = c->params->as.object.vals[i];
        for (uint32_t k = 0; c->vars[i] && p->kind == VAL_OBJECT && k < p->as.object.count; k++)
            if (!in_list(held, 4, p->as.object.keys[k].ptr))
                note_left(c->im, g, tpl, p->as.object.vals[k],
                          arena_printf(c->im->a, "%s of parameter \"%s\" left out",
                                       p->as.object.keys[k].ptr, c->params->as.object.keys[i].ptr));
    }
}

static const Value *section(const Value *tpl, const char *name);

// Each output: one whose Value is the Ref of a task definition hclc writes
// itself (<Id>Arn); the others are left out.
static void outputs_left_out(CfnImport *c, Diag **g, const Value *tpl, const Value *outs)
{
    for (uint32_t i = 0; i < outs->as.object.count; i++) {
        const Value *ref = get(get(outs->as.object.vals[i], "Value"), "Ref");
        bool task = is_str(ref) && in_list(c->ids, c->ntasks, ref->as.str.ptr);
        note_left(
            c->im, g, tpl, outs->as.object.vals[i],
            task ? arena_printf(
                       c->im->a,
                       "output \"%s\" left out: hclc writes its own, %sArn, with the same Ref",
                       outs->as.object.keys[i].ptr, ref->as.str.ptr)
                 : arena_printf(c->im->a, "output \"%s\" left out", outs->as.object.keys[i].ptr));
    }
}

static void report_left_out(CfnImport *c, const Value *tpl, const Value *res)
{
    Importer *im = c->im;
    Diag *g = NULL;
    static const char *const kept[] = {"AWSTemplateFormatVersion", "Resources", "Parameters",
                                       "Conditions", "Mappings"};
    for (uint32_t i = 0; i < tpl->as.object.count; i++) {
        const char *key = tpl->as.object.keys[i].ptr;
        if (strcmp(key, "Outputs") == 0 && section(tpl, key))
            outputs_left_out(c, &g, tpl, tpl->as.object.vals[i]);
        else if (!in_list(kept, 5, key))
            note_left(im, &g, tpl, tpl->as.object.vals[i],
                      arena_printf(im->a, "section %s left out", key));
    }
    static const char *const attrs[] = {"Type", "Properties", "Condition", "DependsOn"};
    for (uint32_t i = 0; i < res->as.object.count; i++) {
        const Value *r = res->as.object.vals[i], *type = get(r, "Type");
        const char *id = res->as.object.keys[i].ptr;
        if (!is_task(r)) {
            note_left(im, &g, tpl, r,
                      arena_printf(im->a, "resource \"%s\" (%s) left out", id,
                                   is_str(type) ? type->as.str.ptr : "no Type"));
            continue;
        }
        for (uint32_t k = 0; r->kind == VAL_OBJECT && k < r->as.object.count; k++)
            if (!in_list(attrs, 4, r->as.object.keys[k].ptr))
                note_left(im, &g, tpl, r->as.object.vals[k],
                          arena_printf(im->a, "%s of resource \"%s\" left out",
                                       r->as.object.keys[k].ptr, id));
    }
    unused_left_out(c, &g, tpl, c->params, "parameter", c->vars, false);
    constraints_left_out(c, &g, tpl);
    unused_left_out(c, &g, tpl, c->conds, "condition", c->cused, false);
    unused_left_out(c, &g, tpl, c->maps, "mapping", c->mused, c->all_maps);
}

// --- the template ---------------------------------------------------------------------

static const Value *section(const Value *tpl, const char *name)
{
    const Value *s = get(tpl, name);
    return s && s->kind == VAL_OBJECT ? s : NULL;
}

static bool has_tasks(Importer *im, const Value *tpl, const Value *res)
{
    for (uint32_t i = 0; res && i < res->as.object.count; i++)
        if (is_task(res->as.object.vals[i]))
            return true;
    Diag *g = diag_error(im->diags, E_IMPORT_NO_TASKS, res ? res->origin : tpl->origin,
                         res ? "the template has no %s resource to import"
                             : "the template has no Resources, so no %s to import",
                         TASK_TYPE);
    diag_help(im->diags, g,
              "hclc import reads the ECS task definitions of a template; import other "
              "resources some other way");
    return false;
}

const char *import_cfn_text(Importer *im, Value *tpl)
{
    const Value *res = section(tpl, "Resources");
    CfnImport c = {.im = im,
                   .params = section(tpl, "Parameters"),
                   .conds = section(tpl, "Conditions"),
                   .maps = section(tpl, "Mappings")};
    if (!has_tasks(im, tpl, res) || !check_properties(&c, res))
        return NULL;
    Value **tasks;
    c.ntasks = cfn_template_tasks(im->a, tpl, &c.ids, &tasks);
    uint32_t np = c.params ? c.params->as.object.count : 0;
    uint32_t nc = c.conds ? c.conds->as.object.count : 0;
    uint32_t nm = c.maps ? c.maps->as.object.count : 0;
    c.vars = arena_alloc(im->a, (np + 1) * sizeof(char *));
    c.ctexts = arena_alloc(im->a, (nc + 1) * sizeof(char *));
    c.cused = arena_alloc(im->a, nc + 1);
    c.mused = arena_alloc(im->a, nm + 1);
    const char *text = tasks_text(&c, res, tasks);
    condition_texts(&c);
    if (c.failed)
        return NULL;
    const char *cfn = cloudformation_block(&c);
    const char *vars = variables_text(&c);
    report_left_out(&c, tpl, res);
    return arena_printf(im->a, "%s%s%s%s%s", text, *cfn ? "\n" : "", cfn, *vars ? "\n" : "", vars);
}
