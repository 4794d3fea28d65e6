// documents.c - the open documents (full text sync), the projects they
// belong to (a project is a directory; its open documents stand for their
// files on disk), publishing diagnostics, the requests about a position
// in a document, which compile the project first when it changed, and
// formatting.
#include "lsp/server_impl.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "syntax/fmt.h"

void server_init(Server *s, int in_fd, int out_fd, FILE *log, const char *version)
{
    memset(s, 0, sizeof *s);
    lsp_reader_init(&s->in, in_fd);
    s->out = out_fd;
    s->log = log;
    s->version = version;
    s->exit_status = 1;
}

char *server_strdup(const char *text)
{
    size_t n = strlen(text);
    char *out = xmalloc(n + 1);
    memcpy(out, text, n + 1);
    return out;
}

static void free_published(Project *p)
{
    for (uint32_t i = 0; i < p->npublished; i++)
        free(p->published[i]);
    free(p->published);
    p->published = NULL;
    p->npublished = 0;
}

static void free_project(Project *p)
{
    if (p->analyzed)
        lsp_analysis_free(&p->an);
    free_published(p);
    free(p->dir);
}

void server_free(Server *s)
{
    for (uint32_t i = 0; i < s->ndocs; i++) {
        free(s->docs[i].uri);
        free(s->docs[i].path);
        free(s->docs[i].text);
    }
    free(s->docs);
    for (uint32_t i = 0; i < s->nprojects; i++)
        free_project(&s->projects[i]);
    free(s->projects);
    for (uint32_t i = 0; i < s->ncancelled; i++)
        cJSON_Delete(s->cancelled[i]);
    free(s->workspace);
    free(s->docs_url);
    lsp_reader_free(&s->in);
}

// --- documents and projects ------------------------------------------------

static Document *find_doc(Server *s, const char *uri)
{
    for (uint32_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *dir = xmalloc(n + 1);
    memcpy(dir, path, n);
    dir[n] = '\0';
    return dir;
}

static Project *find_project(Server *s, const char *path, bool create)
{
    char *dir = dir_of(path);
    for (uint32_t i = 0; i < s->nprojects; i++)
        if (strcmp(s->projects[i].dir, dir) == 0) {
            free(dir);
            return &s->projects[i];
        }
    if (!create) {
        free(dir);
        return NULL;
    }
    BUF_RESERVE_HEAP(s->projects, s->nprojects, s->capprojects);
    Project *p = &s->projects[s->nprojects++];
    memset(p, 0, sizeof *p);
    p->dir = dir;
    p->stale = true;
    return p;
}

static void touch(Server *s, const Document *d)
{
    if (!d->path)
        return;
    Project *p = find_project(s, d->path, true);
    p->stale = true;
    p->unpublished = true;
}

void server_mark_all_stale(Server *s)
{
    for (uint32_t i = 0; i < s->nprojects; i++)
        s->projects[i].stale = s->projects[i].unpublished = true;
}

static const char *doc_uri(const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
    return cJSON_IsString(uri) ? uri->valuestring : NULL;
}

static void set_text(Document *d, const char *text)
{
    size_t n = strlen(text);
    if (n > SOURCE_MAX_BYTES)
        n = SOURCE_MAX_BYTES;
    free(d->text);
    d->text = xmalloc(n + 1);
    memcpy(d->text, text, n);
    d->text[n] = '\0';
    d->len = (uint32_t)n;
}

void server_did_open(Server *s, const cJSON *params)
{
    const char *uri = doc_uri(params);
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(td, "text");
    if (!uri || !cJSON_IsString(text))
        return;
    Document *d = find_doc(s, uri);
    if (!d) {
        BUF_RESERVE_HEAP(s->docs, s->ndocs, s->capdocs);
        d = &s->docs[s->ndocs++];
        memset(d, 0, sizeof *d);
        d->uri = server_strdup(uri);
        Arena a;
        arena_init(&a);
        char *path = lsp_uri_to_path(&a, uri);
        d->path = path && path[0] == '/' ? server_strdup(path) : NULL;
        arena_free(&a);
    }
    set_text(d, text->valuestring);
    touch(s, d);
}

void server_did_change(Server *s, const cJSON *params)
{
    Document *d = doc_uri(params) ? find_doc(s, doc_uri(params)) : NULL;
    const cJSON *changes = cJSON_GetObjectItemCaseSensitive(params, "contentChanges");
    const cJSON *last = cJSON_IsArray(changes)
                            ? cJSON_GetArrayItem(changes, cJSON_GetArraySize(changes) - 1)
                            : NULL;
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(last, "text");
    if (!d || !cJSON_IsString(text))
        return;
    set_text(d, text->valuestring); // full sync: the last change is the whole text
    touch(s, d);
}

void server_did_save(Server *s, const cJSON *params)
{
    Document *d = doc_uri(params) ? find_doc(s, doc_uri(params)) : NULL;
    if (d)
        touch(s, d);
}

void server_did_close(Server *s, const cJSON *params)
{
    Document *d = doc_uri(params) ? find_doc(s, doc_uri(params)) : NULL;
    if (!d)
        return;
    touch(s, d); // the file on disk stands for it again
    free(d->uri);
    free(d->path);
    free(d->text);
    *d = s->docs[--s->ndocs];
}

// --- analysis and diagnostics ------------------------------------------------

static bool in_dir(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && path[n] == '/' && !strchr(path + n + 1, '/');
}

static void analyze(Server *s, Project *p)
{
    if (!p->stale)
        return;
    if (p->analyzed)
        lsp_analysis_free(&p->an);
    SourceOverlay *ov = xmalloc((s->ndocs + 1) * sizeof(SourceOverlay));
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->ndocs; i++)
        if (s->docs[i].path && in_dir(s->docs[i].path, p->dir))
            ov[n++] = (SourceOverlay){s->docs[i].path, s->docs[i].text, s->docs[i].len};
    lsp_analyze(&p->an, p->dir, ov, n, s->workspace);
    free(ov);
    p->analyzed = true;
    p->stale = false;
}

static void publish_one(Server *s, const char *uri, cJSON *diagnostics)
{
    cJSON *params = cJSON_CreateObject();
    cJSON_AddStringToObject(params, "uri", uri);
    cJSON_AddItemToObject(params, "diagnostics", diagnostics);
    server_notify(s, "textDocument/publishDiagnostics", params);
}

static bool has_diags(const Analysis *an, uint32_t file)
{
    for (size_t i = 0; i < an->diags.count; i++)
        if (an->diags.items[i]->subject.file == file)
            return true;
    return false;
}

// The file that gets the diagnostics without a location: the first open
// document of the project that is part of it.
static int64_t fallback_file(Server *s, const Project *p)
{
    for (uint32_t i = 0; i < s->ndocs; i++) {
        if (!s->docs[i].path || !in_dir(s->docs[i].path, p->dir))
            continue;
        int64_t f = lsp_analysis_file(&p->an, s->docs[i].path);
        if (f >= 0)
            return f;
    }
    return -1;
}

static bool has_open_docs(const Server *s, const Project *p)
{
    for (uint32_t i = 0; i < s->ndocs; i++)
        if (s->docs[i].path && in_dir(s->docs[i].path, p->dir))
            return true;
    return false;
}

static void publish_project(Server *s, Project *p)
{
    analyze(s, p);
    const Analysis *an = &p->an;
    int64_t fallback = fallback_file(s, p);
    Arena a;
    arena_init(&a);
    char **sent = xmalloc((an->src.count + 1) * sizeof(char *));
    uint32_t nsent = 0;
    for (uint32_t f = 0; f < an->src.count; f++) {
        const char *name = an->src.files[f].name;
        bool loaded = lsp_analysis_body(an, f) != NULL;
        if (name[0] != '/' || (!loaded && !has_diags(an, f) && f != fallback))
            continue;
        char *uri = lsp_path_to_uri(&a, name);
        publish_one(s, uri, lsp_diagnostics(an, f, f == fallback, s->utf8, s->docs_url));
        sent[nsent++] = server_strdup(uri);
    }
    for (uint32_t i = 0; i < p->npublished; i++) { // clear what is gone
        bool again = false;
        for (uint32_t k = 0; k < nsent && !again; k++)
            again = strcmp(sent[k], p->published[i]) == 0;
        if (!again)
            publish_one(s, p->published[i], cJSON_CreateArray());
    }
    free_published(p);
    p->published = sent;
    p->npublished = nsent;
    p->unpublished = false;
    arena_free(&a);
    if (!has_open_docs(s, p)) { // all closed: keep nothing but what was published
        lsp_analysis_free(&p->an);
        p->analyzed = false;
        p->stale = true;
    }
}

void server_publish(Server *s)
{
    for (uint32_t i = 0; i < s->nprojects && !s->broken; i++)
        if (s->projects[i].unpublished)
            publish_project(s, &s->projects[i]);
}

// --- requests about a position ------------------------------------------------

// Finds the document of the request, compiles its project when needed and
// fills `c`; returns false after setting *error.
static bool context_of(Server *s, const cJSON *params, LspContext *c, const char **error)
{
    const char *uri = doc_uri(params);
    Document *d = uri ? find_doc(s, uri) : NULL;
    if (!d || !d->path) {
        *error = "textDocument.uri names no open document";
        return false;
    }
    Project *p = find_project(s, d->path, true);
    analyze(s, p);
    int64_t f = lsp_analysis_file(&p->an, d->path);
    if (f < 0) {
        *error = "the document is not part of its directory's project (not a .hcl file?)";
        return false;
    }
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(pos, "line");
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(pos, "character");
    const SourceFile *sf = source_file(&p->an.src, (uint32_t)f);
    c->an = &p->an;
    c->file = (uint32_t)f;
    c->utf8 = s->utf8;
    c->offset = 0;
    if (cJSON_IsNumber(line) && cJSON_IsNumber(ch))
        c->offset = lsp_offset(sf->text, sf->len, lsp_int(line), lsp_int(ch), s->utf8);
    else if (pos) {
        *error = "position needs a line and a character";
        return false;
    }
    return true;
}

cJSON *server_hover(Server *s, const cJSON *params, const char **error)
{
    LspContext c;
    return context_of(s, params, &c, error) ? lsp_hover(&c) : NULL;
}

cJSON *server_completion(Server *s, const cJSON *params, const char **error)
{
    LspContext c;
    return context_of(s, params, &c, error) ? lsp_completion(&c) : NULL;
}

cJSON *server_definition(Server *s, const cJSON *params, const char **error)
{
    LspContext c;
    return context_of(s, params, &c, error) ? lsp_definition(&c) : NULL;
}

cJSON *server_references(Server *s, const cJSON *params, const char **error)
{
    LspContext c;
    if (!context_of(s, params, &c, error))
        return NULL;
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
    const cJSON *incl = cJSON_GetObjectItemCaseSensitive(ctx, "includeDeclaration");
    return lsp_references(&c, !cJSON_IsFalse(incl));
}

cJSON *server_document_symbols(Server *s, const cJSON *params, const char **error)
{
    LspContext c;
    return context_of(s, params, &c, error) ? lsp_document_symbols(&c) : NULL;
}

cJSON *server_code_actions(Server *s, const cJSON *params, const char **error)
{
    const char *uri = doc_uri(params);
    Document *d = uri ? find_doc(s, uri) : NULL;
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
    if (!d) {
        *error = "textDocument.uri names no open document";
        return NULL;
    }
    return lsp_code_actions(uri, d->text, d->len, s->utf8,
                            cJSON_GetObjectItemCaseSensitive(ctx, "diagnostics"));
}

// textDocument/formatting: the document laid out by hclc fmt, as one edit
// of the whole text; no edit when it is formatted already, null when it
// has syntax errors (its diagnostics say which).
cJSON *server_formatting(Server *s, const cJSON *params, const char **error)
{
    const char *uri = doc_uri(params);
    Document *d = uri ? find_doc(s, uri) : NULL;
    if (!d) {
        *error = "textDocument.uri names no open document";
        return NULL;
    }
    Arena a;
    arena_init(&a);
    SourceSet src;
    source_init(&src, &a);
    Diags diags;
    diags_init(&diags, &a);
    uint32_t f = source_add(&src, d->path ? d->path : d->uri, d->text, d->len);
    size_t len;
    char *text = fmt_file(&a, &src, f, &diags, &len);
    cJSON *result = text ? cJSON_CreateArray() : NULL;
    if (text && (len != d->len || memcmp(text, d->text, len) != 0)) {
        cJSON *edit = cJSON_CreateObject();
        cJSON_AddItemToObject(edit, "range", lsp_range(&src, span_make(f, 0, d->len), s->utf8));
        cJSON_AddStringToObject(edit, "newText", text);
        cJSON_AddItemToArray(result, edit);
    }
    arena_free(&a);
    return result ? result : cJSON_CreateNull();
}
