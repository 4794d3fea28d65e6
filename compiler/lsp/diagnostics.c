// diagnostics.c - hclc's diagnostics as LSP Diagnostic objects: the same
// code, summary, detail, notes and help as the command line, the subject
// span as the range, located notes as relatedInformation, and a link to the
// code's entry in docs/diagnostics.md.
#include "lsp/lsp_impl.h"

#include <ctype.h>
#include <string.h>

#include "base/buf.h"

// The message: summary, then the detail, notes and help on their own lines.
static char *message(Arena *a, const Diag *g)
{
    StrBuf b;
    buf_init(&b, a, 0);
    buf_puts(&b, g->summary);
    if (g->detail) {
        buf_putc(&b, '\n');
        buf_puts(&b, g->detail);
    }
    for (const DiagNote *n = g->notes; n; n = n->next) {
        if (n->kind == NOTE_SPAN && !span_is_none(n->span))
            continue; // relatedInformation
        buf_puts(&b, n->kind == NOTE_HELP ? "\nhelp: " : "\nnote: ");
        buf_puts(&b, n->text);
    }
    return b.ptr;
}

static cJSON *related(const Analysis *an, const Diag *g, bool utf8)
{
    cJSON *list = NULL;
    Arena a;
    arena_init(&a);
    for (const DiagNote *n = g->notes; n; n = n->next) {
        if (n->kind != NOTE_SPAN || span_is_none(n->span))
            continue;
        const char *name = source_file(&an->src, n->span.file)->name;
        if (name[0] != '/')
            continue;
        if (!list)
            list = cJSON_CreateArray();
        cJSON *info = cJSON_CreateObject();
        cJSON *loc = cJSON_AddObjectToObject(info, "location");
        cJSON_AddStringToObject(loc, "uri", lsp_path_to_uri(&a, name));
        cJSON_AddItemToObject(loc, "range", lsp_range(&an->src, n->span, utf8));
        cJSON_AddStringToObject(info, "message", n->text);
        cJSON_AddItemToArray(list, info);
    }
    arena_free(&a);
    return list;
}

static cJSON *diagnostic(const Analysis *an, const Diag *g, uint32_t file, bool utf8,
                         const char *docs_url)
{
    cJSON *d = cJSON_CreateObject();
    Span at = span_is_none(g->subject) ? span_make(file, 0, 0) : g->subject;
    cJSON_AddItemToObject(d, "range", lsp_range(&an->src, at, utf8));
    cJSON_AddNumberToObject(d, "severity", g->severity == DIAG_ERROR ? 1 : 2);
    char code[16];
    cJSON_AddStringToObject(d, "code", diag_code_text(g->code, code));
    if (docs_url) {
        char anchor[16];
        for (size_t i = 0; i <= strlen(code); i++)
            anchor[i] = (char)tolower((unsigned char)code[i]);
        Arena a;
        arena_init(&a);
        cJSON *desc = cJSON_AddObjectToObject(d, "codeDescription");
        cJSON_AddStringToObject(desc, "href", arena_printf(&a, "%s#%s", docs_url, anchor));
        arena_free(&a);
    }
    cJSON_AddStringToObject(d, "source", "hclc");
    Arena a;
    arena_init(&a);
    cJSON_AddStringToObject(d, "message", message(&a, g));
    arena_free(&a);
    cJSON *rel = related(an, g, utf8);
    if (rel)
        cJSON_AddItemToObject(d, "relatedInformation", rel);
    return d;
}

cJSON *lsp_diagnostics(const Analysis *an, uint32_t file, bool fallback, bool utf8,
                       const char *docs_url)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < an->diags.count; i++) {
        const Diag *g = an->diags.items[i];
        bool mine = span_is_none(g->subject) ? fallback : g->subject.file == file;
        if (mine)
            cJSON_AddItemToArray(list, diagnostic(an, g, file, utf8, docs_url));
    }
    return list;
}
