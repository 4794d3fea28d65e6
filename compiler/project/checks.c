// checks.c - warnings from the source alone: ${var.x} typed from Terraform
// habit, and ${AWS::...} outside cfn_sub. Walks every expression of every
// file and scans the source text of each literal part of a string, so the
// warning points at the ${...} as written.
#include "project/checks.h"

#include <stdbool.h>
#include <string.h>

#include "syntax/ast.h"

typedef struct Scan {
    Arena *arena;
    Diags *diags;
    const SourceSet *src;
} Scan;

static const char *const ROOTS[] = {"var.", "local.", "workspace."};

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '[' || c == ']' || c == '"';
}

// Length of "${ROOT.NAME}" at `p` (ROOT one of ROOTS), or 0.
static size_t terraform_ref(const char *p, const char *end)
{
    if (end - p < 3 || p[0] != '$' || p[1] != '{')
        return 0;
    bool root = false;
    for (size_t i = 0; i < sizeof ROOTS / sizeof ROOTS[0] && !root; i++)
        root = (size_t)(end - p - 2) > strlen(ROOTS[i]) &&
               strncmp(p + 2, ROOTS[i], strlen(ROOTS[i])) == 0;
    if (!root)
        return 0;
    const char *q = p + 2;
    while (q < end && is_name_char(*q))
        q++;
    return q < end && *q == '}' ? (size_t)(q - p + 1) : 0;
}

// The literal text with every ${ROOT.NAME} written $<ROOT.NAME>.
static char *rewrite(Arena *a, const char *text, size_t len)
{
    char *out = arena_alloc(a, len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        size_t n = (i == 0 || text[i - 1] != '$') ? terraform_ref(text + i, text + len) : 0;
        if (n == 0) {
            out[k++] = text[i++];
            continue;
        }
        out[k++] = '$';
        out[k++] = '<';
        memcpy(out + k, text + i + 2, n - 3);
        k += n - 3;
        out[k++] = '>';
        i += n;
    }
    out[k] = '\0';
    return out;
}

// True when `text` fits in a one-line message.
static bool short_line(const char *text, size_t len)
{
    return len <= 100 && !memchr(text, '\n', len);
}

// The ${ROOT.NAME} of `n` bytes at `p`, in the literal `text` of `len`
// bytes, whose first byte is at `here`.
static void warn_terraform(Scan *s, Span here, const char *p, size_t n, const char *text,
                           size_t len)
{
    here.end = here.start + (uint32_t)n;
    Diag *g = diag_warning(s->diags, E_FOREIGN_INTERPOLATION, here,
                           "\"%.*s\" is literal text in hclc", (int)n, p);
    if (short_line(text, len))
        diag_help(s->diags, g, "did you mean \"$<%.*s>\"? the text then reads: %s", (int)(n - 3),
                  p + 2, rewrite(s->arena, text, len));
    else
        diag_help(s->diags, g, "did you mean \"$<%.*s>\"?", (int)(n - 3), p + 2);
    diag_note(s->diags, g,
              "hclc interpolates with $<...>; ${...} passes through as written (a shell's or "
              "CloudFormation's)");
}

// The ${AWS::...} at `p` (the first byte at `here`) in `text`.
static void warn_aws(Scan *s, Span here, const char *p, const char *text, size_t len)
{
    const char *close = memchr(p, '}', len - (size_t)(p - text));
    here.end = close ? here.start + (uint32_t)(close - p) + 1 : here.end;
    Diag *g = diag_warning(s->diags, E_CFN_SUB_OUTSIDE, here,
                           "CloudFormation's \"%.*s\" outside cfn_sub stays literal text",
                           (int)(here.end - here.start), p);
    if (short_line(text, len))
        diag_help(s->diags, g, "did you mean cfn_sub(\"%.*s\")?", (int)len, text);
    diag_note(s->diags, g, "only cfn_sub's template is substituted by CloudFormation");
}

// One literal part, at `at` in the source. `in_sub` is true inside
// cfn_sub's template, where ${...} is CloudFormation's.
static void scan_literal(Scan *s, Span at, bool in_sub)
{
    const char *text = source_file(s->src, at.file)->text + at.start;
    size_t len = at.end - at.start;
    if (in_sub)
        return;
    for (const char *d = len ? memchr(text, '$', len) : NULL; d;
         d = memchr(d + 1, '$', len - (size_t)(d + 1 - text))) {
        size_t i = (size_t)(d - text);
        if (i + 1 >= len || text[i + 1] != '{' || (i > 0 && text[i - 1] == '$'))
            continue; // $${ is Terraform's escape for a literal ${
        Span here = span_make(at.file, at.start + (uint32_t)i, at.start + (uint32_t)i + 2);
        size_t n = terraform_ref(text + i, text + len);
        if (n)
            warn_terraform(s, here, text + i, n, text, len);
        else if (len - i >= 7 && strncmp(text + i, "${AWS::", 7) == 0)
            warn_aws(s, here, text + i, text, len);
    }
}

static void scan_node(Scan *s, const Node *n, bool in_sub);

static void scan_list(Scan *s, const NodeList *l, bool in_sub)
{
    for (uint32_t i = 0; i < l->count; i++)
        scan_node(s, l->items[i], in_sub);
}

static void scan_opt(Scan *s, const Node *n, bool in_sub)
{
    if (n)
        scan_node(s, n, in_sub);
}

static void scan_call(Scan *s, const Node *n, bool in_sub)
{
    bool sub = strcmp(n->as.call.name, "cfn_sub") == 0;
    for (uint32_t i = 0; i < n->as.call.args.count; i++)
        scan_node(s, n->as.call.args.items[i], in_sub || (sub && i == 0));
}

static void scan_node(Scan *s, const Node *n, bool in_sub)
{
    switch (n->kind) {
    case NODE_STRING_LIT:
        if (!span_is_none(n->span) && n->span.file < s->src->count)
            scan_literal(s, n->as.str.text_span, in_sub);
        return;
    case NODE_TEMPLATE:
        scan_list(s, &n->as.template.parts, in_sub);
        return;
    case NODE_TEMPLATE_IF:
        scan_node(s, n->as.tif->cond, false);
        scan_list(s, &n->as.tif->then_parts, in_sub);
        scan_list(s, &n->as.tif->else_parts, in_sub);
        return;
    case NODE_TEMPLATE_FOR:
        scan_node(s, n->as.tfor->coll, false);
        scan_list(s, &n->as.tfor->body, in_sub);
        return;
    case NODE_GETATTR:
        scan_node(s, n->as.getattr.obj, in_sub);
        return;
    case NODE_INDEX:
        scan_node(s, n->as.index.obj, in_sub);
        scan_node(s, n->as.index.key, in_sub);
        return;
    case NODE_SPLAT:
        scan_node(s, n->as.splat.source, in_sub);
        if (n->as.splat.each != n)
            scan_opt(s, n->as.splat.each, in_sub);
        return;
    case NODE_CALL:
        scan_call(s, n, in_sub);
        return;
    case NODE_TUPLE:
        scan_list(s, &n->as.tuple.items, in_sub);
        return;
    case NODE_OBJECT:
        for (uint32_t i = 0; i < n->as.object.count; i++) {
            scan_node(s, n->as.object.items[i].key, in_sub);
            scan_node(s, n->as.object.items[i].value, in_sub);
        }
        return;
    case NODE_UNARY:
        scan_node(s, n->as.unary.operand, in_sub);
        return;
    case NODE_BINARY:
        scan_node(s, n->as.binary.lhs, in_sub);
        scan_node(s, n->as.binary.rhs, in_sub);
        return;
    case NODE_CONDITIONAL:
        scan_node(s, n->as.cond.cond, in_sub);
        scan_node(s, n->as.cond.then_expr, in_sub);
        scan_node(s, n->as.cond.else_expr, in_sub);
        return;
    case NODE_FOR:
        scan_node(s, n->as.forexpr->coll, in_sub);
        scan_opt(s, n->as.forexpr->key_expr, in_sub);
        scan_node(s, n->as.forexpr->value_expr, in_sub);
        scan_opt(s, n->as.forexpr->cond, in_sub);
        return;
    case NODE_PAREN:
        scan_node(s, n->as.paren.inner, in_sub);
        return;
    case NODE_NULL:
    case NODE_BOOL:
    case NODE_NUMBER:
    case NODE_VARIABLE:
    case NODE_SPLAT_ITEM:
        return;
    }
}

// True when `file`'s text holds "${" somewhere: every warning here is at a
// "${" in a literal's source text, and a file's nodes point only into its
// own text, so a file without one needs no walk (most hclc sources, which
// interpolate with $<...>).
static bool may_warn(const SourceFile *file)
{
    if (!file->len)
        return false;
    const char *text = file->text, *end = text + file->len;
    for (const char *d = memchr(text, '$', file->len); d && d + 1 < end;
         d = memchr(d + 1, '$', (size_t)(end - d - 1)))
        if (d[1] == '{')
            return true;
    return false;
}

static void scan_body(Scan *s, const Body *body)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        if (it->kind == ITEM_ATTRIBUTE)
            scan_node(s, it->as.attr->expr, false);
        else
            scan_body(s, it->as.block->body);
    }
}

void checks_strings(Arena *a, Diags *diags, const SourceSet *src, const LoadedFiles *files)
{
    Scan s = {a, diags, src};
    for (uint32_t f = 0; f < files->count; f++)
        if (may_warn(source_file(src, files->items[f].file)))
            scan_body(&s, files->items[f].body);
}
