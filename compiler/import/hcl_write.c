// hcl_write.c - hclc text for imported values: quoted strings that read
// back exactly, object keys, lists and objects, and bodies in the layout of
// `hclc fmt` ('=' aligned in runs of one-line attributes, two spaces a
// level, blank lines around blocks). Comments of the input go back in as
// lines above what they annotated.
#include "import/import_impl.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "decode/decode.h"
#include "emit/emit.h"
#include "syntax/fmt.h"

void hcl_add(Importer *im, HclBody *b, HclItemKind kind, const char *name, const char *text)
{
    BUF_RESERVE(im->a, b->items, b->count, b->cap);
    b->items[b->count++] = (HclItem){kind, name, text};
}

// True when comment `c` (or one it stands for) is written already.
static bool comment_used(const JsonComment *c)
{
    for (; c; c = c->same)
        if (c->used)
            return true;
    return false;
}

static void add_comment(Importer *im, HclBody *b, JsonComment *c)
{
    for (JsonComment *s = c; s; s = s->same)
        s->used = true;
    size_t len = c->text ? strlen(c->text) : c->end - c->start;
    char *text = arena_strndup(im->a, c->text ? c->text : im->json->orig + c->start, len);
    // The source must be UTF-8 without NUL: other bytes of a comment become '?'.
    for (size_t i = 0; i < len;) {
        size_t bad = utf8_invalid_at(text + i, len - i);
        size_t nul = strnlen(text + i, len - i);
        size_t at = i + (bad < nul ? bad : nul);
        if (at >= len)
            break;
        text[at] = '?';
        i = at + 1;
    }
    hcl_add(im, b, HCL_COMMENT, NULL, text);
}

void hcl_add_comments(Importer *im, HclBody *b, uint32_t before)
{
    if (!im->json)
        return;
    for (uint32_t i = 0; i < im->json->ncomments; i++) {
        JsonComment *c = &im->json->comments[i];
        if (!comment_used(c) && c->start < before)
            add_comment(im, b, c);
    }
}

void hcl_add_line_comments(Importer *im, HclBody *b, uint32_t at)
{
    if (!im->json || im->json->ncomments == 0)
        return;
    uint32_t line = source_line_of(im->src, im->file, at);
    for (uint32_t i = 0; i < im->json->ncomments; i++) {
        JsonComment *c = &im->json->comments[i];
        if (!comment_used(c) && c->start >= at &&
            source_line_of(im->src, im->file, c->start) == line)
            add_comment(im, b, c);
    }
}

// --- scalars ------------------------------------------------------------------------

// True when byte s[i] goes into a quoted string as it is.
static bool plain_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f)
        return false;
    return !((c == '$' || c == '%') && i + 1 < len && s[i + 1] == '<');
}

// Byte s[i], which is not plain, as the string writes it.
static void put_escaped(StrBuf *b, const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '$' || c == '%') { // "$$<" reads back as "$<"
        buf_putc(b, (char)c);
        buf_putc(b, (char)c);
    } else if (c == '"' || c == '\\') {
        buf_putc(b, '\\');
        buf_putc(b, (char)c);
    } else if (c == '\n') {
        buf_puts(b, "\\n");
    } else if (c == '\r') {
        buf_puts(b, "\\r");
    } else if (c == '\t') {
        buf_puts(b, "\\t");
    } else {
        char esc[8];
        snprintf(esc, sizeof esc, "\\u%04x", c);
        buf_puts(b, esc);
    }
}

// Plain bytes go in as runs: most strings have nothing to escape.
const char *hcl_string(Arena *a, const char *s, size_t len)
{
    StrBuf b;
    buf_init(&b, a, 0);
    buf_putc(&b, '"');
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        while (run < len && plain_at(s, len, run))
            run++;
        buf_put(&b, s + i, run - i);
        if (run < len)
            put_escaped(&b, s, run++);
        i = run;
    }
    buf_putc(&b, '"');
    return b.ptr;
}

static bool is_name_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
}

const char *hcl_key(Arena *a, const char *s, size_t len)
{
    static const char *const words[] = {"true", "false", "null", "for", "in", "if"};
    bool plain = len > 0;
    for (size_t i = 0; plain && i < len; i++)
        plain = is_name_char(s[i], i == 0);
    for (size_t i = 0; plain && i < sizeof words / sizeof words[0]; i++)
        plain = !(strlen(words[i]) == len && memcmp(words[i], s, len) == 0);
    return plain ? arena_strndup(a, s, len) : hcl_string(a, s, len);
}

bool hcl_plain_label(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!is_name_char(*s, false) && *s != '-' && *s != '.')
            return false;
    return true;
}

// --- JSON documents held in strings -----------------------------------------------

// The value a string holds as compact JSON (what jsonencode writes, byte for
// byte), or NULL: only then does jsonencode(...) give the string back.
static Value *embedded_json(Importer *im, const Value *v)
{
    const char *s = v->as.str.ptr;
    uint32_t len = v->as.str.len;
    if (len < 2 || !((s[0] == '{' && s[len - 1] == '}') || (s[0] == '[' && s[len - 1] == ']')))
        return NULL;
    Diags scratch;
    diags_init(&scratch, im->a);
    uint32_t f = source_add(im->src, "<string>", s, len);
    Value *doc = decode_json_file(im->a, im->src, f, &scratch);
    if (!doc || scratch.count)
        return NULL;
    size_t n;
    char *back = emit_json(im->a, doc, EMIT_JSON_COMPACT, &n);
    return back && n == len && memcmp(back, s, len) == 0 ? doc : NULL;
}

// --- values -----------------------------------------------------------------------

static bool is_scalar(const Value *v)
{
    return v->kind != VAL_LIST && v->kind != VAL_OBJECT;
}

static void indent(StrBuf *b, int depth)
{
    buf_repeat(b, ' ', (size_t)depth * 2);
}

static const char *list_text(Importer *im, const Value *v, int depth)
{
    StrBuf b;
    buf_init(&b, im->a, 0);
    bool one_line = true;
    for (uint32_t i = 0; i < v->as.list.count; i++)
        one_line = one_line && is_scalar(v->as.list.items[i]);
    buf_putc(&b, '[');
    for (uint32_t i = 0; i < v->as.list.count; i++) {
        if (one_line) {
            buf_puts(&b, i ? ", " : "");
            buf_puts(&b, hcl_value(im, v->as.list.items[i], depth));
            continue;
        }
        buf_putc(&b, '\n');
        indent(&b, depth + 1);
        buf_puts(&b, hcl_value(im, v->as.list.items[i], depth + 1));
        buf_putc(&b, ',');
    }
    if (!one_line) {
        buf_putc(&b, '\n');
        indent(&b, depth);
    }
    buf_putc(&b, ']');
    return b.ptr;
}

static const char *object_text(Importer *im, const Value *v, int depth)
{
    if (v->as.object.count == 0)
        return "{}";
    HclBody body = {0};
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        const Value *mv = v->as.object.vals[i];
        if (mv->origin.file == im->file) { // not a document held in a string
            hcl_add_comments(im, &body, mv->origin.start);
            hcl_add_line_comments(im, &body, mv->origin.end);
        }
        hcl_add(im, &body, HCL_ATTR,
                hcl_key(im->a, v->as.object.keys[i].ptr, v->as.object.keys[i].len),
                hcl_value(im, mv, depth + 1));
    }
    StrBuf b;
    buf_init(&b, im->a, 0);
    buf_puts(&b, "{\n");
    buf_puts(&b, hcl_body_text(im, &body, depth + 1));
    indent(&b, depth);
    buf_putc(&b, '}');
    return b.ptr;
}

bool hcl_is_ref(const Importer *im, const Value *v)
{
    for (uint32_t i = 0; i < im->nrefs; i++)
        if (im->refs[i] == v)
            return true;
    return false;
}

const char *hcl_value(Importer *im, const Value *v, int depth)
{
    char num[VALUE_NUMBER_BUF];
    if (hcl_is_ref(im, v))
        return v->as.str.ptr;
    switch (v->kind) {
    case VAL_INVALID:
    case VAL_NULL:
        return "null";
    case VAL_BOOL:
        return v->as.boolean ? "true" : "false";
    case VAL_NUMBER:
        return arena_strdup(im->a, value_number_text(v->as.number, num));
    case VAL_STRING: {
        Value *doc = embedded_json(im, v);
        if (doc)
            return arena_printf(im->a, "jsonencode(%s)", hcl_value(im, doc, depth));
        return hcl_string(im->a, v->as.str.ptr, v->as.str.len);
    }
    case VAL_LIST:
        return list_text(im, v, depth);
    case VAL_OBJECT:
        return object_text(im, v, depth);
    }
    return "null";
}

// True when comment `c` belongs to `v`: it lies in v, or between `from`
// and v, or after v on v's last line.
static bool comment_of(const JsonText *json, const JsonComment *c, const Value *v, uint32_t from)
{
    if (c->start >= from && c->end <= v->origin.end)
        return true;
    if (c->start < v->origin.end || c->text)
        return false;
    return !memchr(json->orig + v->origin.end, '\n', c->start - v->origin.end);
}

const char *hcl_value_inside(Importer *im, const Value *v, uint32_t file, const JsonText *json,
                             uint32_t from)
{
    from = from < v->origin.start ? from : v->origin.start;
    const JsonText *keep = im->json;
    uint32_t keep_file = im->file;
    JsonText inside = json ? *json : (JsonText){0};
    inside.comments = NULL;
    inside.ncomments = inside.cap = 0;
    for (uint32_t i = 0; json && v->origin.file == file && i < json->ncomments; i++) {
        JsonComment *c = &json->comments[i];
        if (comment_used(c) || !comment_of(json, c, v, from))
            continue;
        BUF_RESERVE(im->a, inside.comments, inside.ncomments, inside.cap);
        inside.comments[inside.ncomments] = *c;
        inside.comments[inside.ncomments].used = false;
        inside.comments[inside.ncomments++].same = c;
    }
    im->json = inside.ncomments ? &inside : NULL;
    im->file = file;
    const char *text = hcl_value(im, v, 0);
    im->json = keep;
    im->file = keep_file;
    return text;
}

// --- bodies -------------------------------------------------------------------------

static bool multi_line(const HclItem *it)
{
    return it->kind == HCL_BLOCK || (it->kind == HCL_ATTR && strchr(it->text, '\n'));
}

// How item i of a body is laid out: whether it spans lines, whether it
// stands apart (a block or a multi-line attribute, looking through the
// comments that lead it), and for a one-line attribute the width of the
// names in its run of one-line attributes.
typedef struct ItemLayout {
    bool multi, apart;
    size_t width;
} ItemLayout;

// The layout of every item of `b`, measured once (each strchr and strlen
// once per item, not once per neighbour).
static ItemLayout *measure_items(Arena *a, const HclBody *b)
{
    ItemLayout *l = arena_alloc(a, (b->count + 1) * sizeof *l);
    for (uint32_t i = 0; i < b->count; i++)
        l[i].multi = multi_line(&b->items[i]);
    bool apart = false;
    for (uint32_t i = b->count; i-- > 0;) {
        if (b->items[i].kind != HCL_COMMENT)
            apart = l[i].multi;
        l[i].apart = apart;
    }
    for (uint32_t s = 0; s < b->count;) {
        uint32_t e = s;
        size_t w = 0;
        for (; e < b->count && b->items[e].kind == HCL_ATTR && !l[e].multi; e++) {
            size_t n = strlen(b->items[e].name);
            w = n > w ? n : w;
        }
        for (uint32_t k = s; k < e; k++)
            l[k].width = w;
        s = e > s ? e : s + 1;
    }
    return l;
}

const char *hcl_body_text(Importer *im, const HclBody *b, int depth)
{
    StrBuf out;
    buf_init(&out, im->a, 0);
    buf_puts(&out, "");
    ItemLayout *l = measure_items(im->a, b);
    for (uint32_t i = 0; i < b->count; i++) {
        const HclItem *it = &b->items[i];
        bool lead = i == 0 || b->items[i - 1].kind != HCL_COMMENT;
        if (i > 0 && lead && (l[i].apart || l[i - 1].multi))
            buf_putc(&out, '\n');
        indent(&out, depth);
        if (it->kind == HCL_COMMENT) {
            buf_puts(&out, it->text);
        } else if (it->kind == HCL_BLOCK) {
            buf_puts(&out, it->name);
            buf_puts(&out, *it->text ? " {\n" : " {");
            buf_puts(&out, it->text);
            if (*it->text)
                indent(&out, depth);
            buf_putc(&out, '}');
        } else {
            buf_puts(&out, it->name);
            if (!l[i].multi)
                buf_repeat(&out, ' ', l[i].width - strlen(it->name));
            buf_puts(&out, " = ");
            buf_puts(&out, it->text);
        }
        buf_putc(&out, '\n');
    }
    return out.ptr;
}

// True when the writer's text of one file is in fmt's layout already:
// hcl_body_text lays out names, '=' and blank lines as fmt does, with two
// exceptions that send the text through fmt: fmt measures names by their
// display width (so any byte outside printable ASCII), and it strips the
// white space a comment ends in (so any line ending in a space).
static bool written_in_layout(const char *text)
{
    static const char printable[] = "\n !\"#$%&'()*+,-./0123456789:;<=>?@"
                                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                                    "abcdefghijklmnopqrstuvwxyz{|}~";
    return text[strspn(text, printable)] == '\0' && !strstr(text, " \n");
}

const char *hcl_format_written(Importer *im, const char *text)
{
    return text && written_in_layout(text) ? text : hcl_format(im, text);
}

const char *hcl_format(Importer *im, const char *text)
{
    if (!text || !*text)
        return text;
    Diags scratch;
    diags_init(&scratch, im->a);
    uint32_t f = source_add(im->src, "<import>", text, strlen(text));
    size_t len;
    const char *out = fmt_file(im->a, im->src, f, &scratch, &len);
    return out ? out : text;
}
