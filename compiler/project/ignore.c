// ignore.c - reads `hclc:ignore` comments from the source text and answers
// whether one covers a warning (ignore.h has the rules). The lexer drops
// comments, so the text is scanned here: "hclc:ignore" counts when only
// blanks stand between it and a comment marker (#, // or /*) on its line.
#include "project/ignore.h"

#include <stdbool.h>
#include <string.h>

#include "syntax/ast.h"

#define KEYWORD "hclc:ignore"

static const int CODES[] = {
#define X(num, name, desc) num,
    DIAG_CODE_LIST(X)
#undef X
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool is_token_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

// "E0655" or "W0655" naming a registered code, as "E0655"; else NULL.
static const char *known_code(Arena *a, const char *tok, size_t n)
{
    if (n != 5 || !strchr("EeWw", tok[0]))
        return NULL;
    int num = 0;
    for (size_t i = 1; i < 5; i++) {
        if (tok[i] < '0' || tok[i] > '9')
            return NULL;
        num = num * 10 + (tok[i] - '0');
    }
    for (size_t i = 0; i < sizeof CODES / sizeof CODES[0]; i++)
        if (CODES[i] == num)
            return arena_printf(a, "E%04d", num);
    return NULL;
}

typedef struct Comment {
    const char *text; // the file's text
    uint32_t file;
    uint32_t kw;   // offset of "hclc:ignore"
    uint32_t end;  // end of the comment on this line
    bool own_line; // nothing but blanks before the comment marker
} Comment;

// Fills `c` when the "hclc:ignore" at `kw`, on 1-based line `line`, opens
// a comment.
static bool find_comment(const SourceFile *f, uint32_t kw, uint32_t line, Comment *c)
{
    uint32_t ls = f->lines[line - 1];
    uint32_t le = line < f->nlines ? f->lines[line] - 1 : f->len; // at the '\n', or the end
    uint32_t m = kw;
    while (m > ls && is_blank(f->text[m - 1]))
        m--;
    bool block = m >= ls + 2 && strncmp(f->text + m - 2, "/*", 2) == 0;
    if (block || (m >= ls + 2 && strncmp(f->text + m - 2, "//", 2) == 0))
        m -= 2;
    else if (m > ls && f->text[m - 1] == '#')
        m -= 1;
    else
        return false;
    unsigned quotes = 0; // an odd count: the marker is inside a string
    for (uint32_t i = ls; i < m; i++)
        quotes += f->text[i] == '"' && (i == ls || f->text[i - 1] != '\\');
    if (quotes % 2)
        return false;
    c->text = f->text;
    c->kw = kw;
    c->own_line = true;
    for (uint32_t i = ls; i < m; i++)
        c->own_line = c->own_line && is_blank(f->text[i]);
    c->end = le;
    for (uint32_t i = kw; block && i + 1 < le; i++) {
        if (f->text[i] != '*' || f->text[i + 1] != '/')
            continue;
        for (uint32_t k = i + 2; k < le; k++)
            c->own_line = c->own_line && is_blank(f->text[k]); // code after the */
        c->end = i;
        break;
    }
    while (c->end > kw && is_blank(f->text[c->end - 1]))
        c->end--;
    return true;
}

static void malformed(Diags *diags, Span at, const char *why)
{
    Diag *g = diag_warning(diags, E_BAD_IGNORE, at, "malformed ignore comment: %s", why);
    diag_help(diags, g,
              "write # hclc:ignore CODE[,CODE]... [-- reason], e.g. "
              "# hclc:ignore E0655 -- a test key, not a secret");
}

// Reads the codes and the reason of `c` into `r`; false after reporting.
static bool parse_comment(Arena *a, Diags *diags, const Comment *c, IgnoreRule *r)
{
    const char *t = c->text;
    uint32_t i = c->kw + (uint32_t)strlen(KEYWORD), end = c->end;
    r->at = span_make(c->file, c->kw, end);
    r->codes = arena_alloc(a, (end - i + 1) * sizeof(char *));
    r->ncodes = 0;
    r->reason = NULL;
    if (i < end && !is_blank(t[i]))
        return false; // "hclc:ignored" and the like are not ours
    for (;;) {
        while (i < end && is_blank(t[i]))
            i++;
        uint32_t s = i;
        while (i < end && is_token_char(t[i]) && !(t[i] == '-' && i + 1 < end && t[i + 1] == '-'))
            i++;
        if (s == i) {
            malformed(diags, r->at, r->ncodes ? "a code must follow \",\"" : "it names no code");
            return false;
        }
        const char *code = known_code(a, t + s, i - s);
        if (!code) {
            malformed(diags, span_make(c->file, s, i),
                      arena_printf(a, "\"%.*s\" is no hclc code", (int)(i - s), t + s));
            return false;
        }
        r->codes[r->ncodes++] = code;
        while (i < end && is_blank(t[i]))
            i++;
        if (i < end && t[i] == ',') {
            i++;
            continue;
        }
        break;
    }
    if (i == end)
        return true;
    if (end - i < 2 || strncmp(t + i, "--", 2) != 0) {
        malformed(diags, span_make(c->file, i, end), "expected \",\" or \"-- reason\"");
        return false;
    }
    for (i += 2; i < end && is_blank(t[i]); i++)
        ;
    r->reason = i < end ? arena_strndup(a, t + i, end - i) : NULL;
    return true;
}

// True when line `line` of `f` holds code (not blank, not only a comment).
static bool has_code(const SourceSet *src, uint32_t file, uint32_t line)
{
    uint32_t n;
    const char *s = source_line_text(src, file, line, &n);
    uint32_t i = 0;
    while (i < n && is_blank(s[i]))
        i++;
    if (i == n || s[i] == '#')
        return false;
    return !(n - i >= 2 && (strncmp(s + i, "//", 2) == 0 || strncmp(s + i, "/*", 2) == 0));
}

// Widens `r` to the attribute or block of `body` (at any depth) that
// begins on r->first_line.
static void cover_item(const SourceSet *src, const Body *body, IgnoreRule *r)
{
    for (uint32_t i = 0; i < body->count; i++) {
        const BodyItem *it = &body->items[i];
        Span sp = it->kind == ITEM_ATTRIBUTE ? it->as.attr->span : it->as.block->span;
        if (sp.file != r->file)
            continue;
        uint32_t first = source_line_of(src, sp.file, sp.start);
        uint32_t last = source_line_of(src, sp.file, sp.end > sp.start ? sp.end - 1 : sp.start);
        if (first == r->first_line && last > r->last_line)
            r->last_line = last;
        if (it->kind == ITEM_BLOCK && first <= r->first_line && r->first_line <= last)
            cover_item(src, it->as.block->body, r);
    }
}

static void add_rule(Arena *a, Ignores *ig, const IgnoreRule *r)
{
    if (ig->count == ig->cap) {
        uint32_t cap = ig->cap ? ig->cap * 2 : 8;
        ig->items = arena_grow(a, ig->items, ig->count, cap, sizeof(IgnoreRule));
        ig->cap = cap;
    }
    ig->items[ig->count++] = *r;
}

static void collect_file(Arena *a, Diags *diags, Ignores *ig, const LoadedFile *lf)
{
    const SourceSet *src = ig->src;
    const SourceFile *f = source_file(src, lf->file);
    for (const char *p = strstr(f->text, KEYWORD); p; p = strstr(p + 1, KEYWORD)) {
        Comment c = {.file = lf->file};
        IgnoreRule r = {.file = lf->file};
        uint32_t kw = (uint32_t)(p - f->text);
        uint32_t line = source_line_of(src, lf->file, kw);
        if (!find_comment(f, kw, line, &c) || !parse_comment(a, diags, &c, &r))
            continue;
        if (c.own_line)
            while (line < f->nlines && !has_code(src, lf->file, line))
                line++;
        if (!has_code(src, lf->file, line) && c.own_line) {
            malformed(diags, r.at, "no line with code follows it");
            continue;
        }
        r.first_line = r.last_line = line;
        cover_item(src, lf->body, &r);
        add_rule(a, ig, &r);
    }
}

Ignores *ignore_collect(Arena *a, Diags *diags, const SourceSet *src, const LoadedFiles *files)
{
    Ignores *ig = arena_alloc(a, sizeof(Ignores));
    memset(ig, 0, sizeof *ig);
    ig->src = src;
    for (uint32_t i = 0; i < files->count; i++)
        collect_file(a, diags, ig, &files->items[i]);
    return ig;
}

bool ignore_silences(void *ignores, DiagCode code, Span subject)
{
    const Ignores *ig = ignores;
    if (span_is_none(subject) || ig->count == 0)
        return false;
    char text[8];
    diag_code_text(code, text);
    uint32_t line = source_line_of(ig->src, subject.file, subject.start);
    for (uint32_t i = 0; i < ig->count; i++) {
        const IgnoreRule *r = &ig->items[i];
        if (r->file != subject.file || line < r->first_line || line > r->last_line)
            continue;
        for (uint32_t k = 0; k < r->ncodes; k++)
            if (strcmp(r->codes[k], text) == 0)
                return true;
    }
    return false;
}
