// position.c - LSP positions and file: URIs. A position is a 0-based line
// and a character offset counted in UTF-16 code units (the protocol's
// default) or in bytes when the client chose "utf-8"; hclc's spans are byte
// offsets, so both directions go through the line's text.
#include "lsp/lsp_impl.h"

#include <string.h>

#include "base/chars.h"
#include "base/utf8.h"

// Code units of the `len` bytes at `s`.
static uint32_t units(const char *s, uint32_t len, bool utf8)
{
    if (utf8)
        return len;
    uint32_t n = 0;
    size_t i = 0;
    while (i < len) {
        size_t adv;
        uint32_t cp = utf8_next(s + i, len - i, &adv);
        n += cp >= 0x10000 ? 2 : 1;
        i += adv;
    }
    return n;
}

uint32_t lsp_offset(const char *text, uint32_t len, int64_t line, int64_t character, bool utf8)
{
    uint32_t at = 0;
    for (int64_t l = 0; l < line; l++) {
        const char *nl = memchr(text + at, '\n', len - at);
        if (!nl)
            return len;
        at = (uint32_t)(nl - text) + 1;
    }
    int64_t left = character < 0 ? 0 : character;
    while (at < len && text[at] != '\n' && left > 0) {
        size_t adv;
        uint32_t cp = utf8_next(text + at, len - at, &adv);
        int64_t w = utf8 ? (int64_t)adv : cp >= 0x10000 ? 2 : 1;
        if (w > left)
            break; // inside a character: its start
        left -= w;
        at += (uint32_t)adv;
    }
    if (at < len && text[at] == '\n' && at > 0 && text[at - 1] == '\r' && left > 0)
        at--; // never between \r and \n
    return at;
}

int64_t lsp_int(const cJSON *n)
{
    double d = n->valuedouble;
    if (!(d > 0)) // also NaN
        return 0;
    return d >= (double)UINT32_MAX ? (int64_t)UINT32_MAX : (int64_t)d;
}

cJSON *lsp_position(const SourceSet *src, uint32_t file, uint32_t offset, bool utf8)
{
    const SourceFile *f = source_file(src, file);
    if (offset > f->len)
        offset = f->len;
    uint32_t line = source_line_of(src, file, offset);
    uint32_t start = f->lines[line - 1];
    cJSON *p = cJSON_CreateObject();
    cJSON_AddNumberToObject(p, "line", line - 1);
    cJSON_AddNumberToObject(p, "character", units(f->text + start, offset - start, utf8));
    return p;
}

cJSON *lsp_range(const SourceSet *src, Span span, bool utf8)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddItemToObject(r, "start", lsp_position(src, span.file, span.start, utf8));
    cJSON_AddItemToObject(r, "end", lsp_position(src, span.file, span.end, utf8));
    return r;
}

char *lsp_uri_to_path(Arena *a, const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (*p != '/') { // file://host/path: only an empty host or localhost
        if (strncmp(p, "localhost/", 10) != 0)
            return NULL;
        p += 9;
    }
    char *out = arena_alloc(a, strlen(p) + 1);
    size_t n = 0;
    for (; *p && *p != '?' && *p != '#'; p++) {
        int hi, lo;
        if (*p == '%' && (hi = char_hex_value(p[1])) >= 0 && (lo = char_hex_value(p[2])) >= 0) {
            out[n++] = (char)(hi * 16 + lo);
            p += 2;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    if (memchr(out, '\0', n) || n == 0)
        return NULL;
    return out;
}

static bool unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           strchr("-._~/", c) != NULL;
}

char *lsp_path_to_uri(Arena *a, const char *path)
{
    size_t n = strlen(path);
    char *out = arena_alloc(a, 8 + 3 * n);
    size_t k = 0;
    memcpy(out, "file://", 7);
    k = 7;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (unreserved(c)) {
            out[k++] = (char)c;
        } else {
            k += (size_t)snprintf(out + k, 4, "%%%02X", c);
        }
    }
    out[k] = '\0';
    return out;
}
