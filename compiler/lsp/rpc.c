// rpc.c - the base protocol: "Content-Length: N\r\n\r\n" headers, then N
// bytes of JSON. Reading is over a raw descriptor with its own buffer so the
// server can ask "is another message already here?" without blocking (that
// is how edits are debounced). Bad headers are skipped up to the end of the
// header block; a body over LSP_MAX_MESSAGE is drained, never stored.
#include "lsp/lsp_impl.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define READ_CHUNK 65536u

void lsp_reader_init(LspReader *r, int fd)
{
    r->fd = fd;
    r->buf = NULL;
    r->len = r->cap = 0;
    r->skip = 0;
    r->eof = false;
}

void lsp_reader_free(LspReader *r)
{
    free(r->buf);
    r->buf = NULL;
    r->len = r->cap = 0;
}

// Reads what is available (blocking when `wait`); false when nothing came.
static bool fill(LspReader *r, bool wait)
{
    if (r->eof)
        return false;
    if (!wait) {
        struct pollfd p = {r->fd, POLLIN, 0};
        if (poll(&p, 1, 0) <= 0)
            return false;
    }
    if (r->cap - r->len < READ_CHUNK) {
        r->cap = r->cap * 2 > r->len + READ_CHUNK ? r->cap * 2 : r->len + READ_CHUNK;
        r->buf = xrealloc(r->buf, r->cap + 1);
    }
    ssize_t n;
    do
        n = read(r->fd, r->buf + r->len, r->cap - r->len);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
        r->eof = true;
        return false;
    }
    r->len += (size_t)n;
    return true;
}

static void consume(LspReader *r, size_t n)
{
    memmove(r->buf, r->buf + n, r->len - n);
    r->len -= n;
    if (r->len == 0 && r->cap > 4 * READ_CHUNK) // after a large message
        lsp_reader_free(r);
}

// Drops bytes of an oversized body; true when all of them are gone.
static bool drain(LspReader *r)
{
    size_t n = r->skip < r->len ? r->skip : r->len;
    consume(r, n);
    r->skip -= n;
    return r->skip == 0;
}

static const char *find_end(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++)
        if (memcmp(s + i, "\r\n\r\n", 4) == 0)
            return s + i;
    return NULL;
}

// The Content-Length of a header block (lines "Name: value"), or -1 when
// it is missing or malformed (or absurd: over 2^40).
static int64_t content_length(const char *h, size_t len)
{
    int64_t result = -1;
    const char *end = h + len;
    while (h < end) {
        const char *eol = memchr(h, '\r', (size_t)(end - h));
        if (!eol)
            eol = end;
        const char *colon = memchr(h, ':', (size_t)(eol - h));
        if (!colon)
            return -1;
        if ((size_t)(colon - h) == 14 && strncasecmp(h, "Content-Length", 14) == 0) {
            const char *p = colon + 1;
            while (p < eol && *p == ' ')
                p++;
            if (p == eol)
                return -1;
            uint64_t n = 0;
            for (; p < eol; p++) {
                if (*p < '0' || *p > '9')
                    return -1;
                n = n * 10 + (uint64_t)(*p - '0');
                if (n > ((uint64_t)1 << 40))
                    return -1;
            }
            result = (int64_t)n;
        }
        h = eol + 2;
    }
    return result;
}

LspRead lsp_read(LspReader *r, bool wait, char **body, size_t *len, const char **why)
{
    for (;;) {
        if (r->skip > 0 && !drain(r)) {
            if (!fill(r, wait))
                return r->eof ? LSP_READ_EOF : LSP_READ_NONE;
            continue;
        }
        const char *end = find_end(r->buf ? r->buf : "", r->len);
        if (!end && r->len > LSP_MAX_HEADER) {
            r->len = 0;
            *why = "a header block without an end";
            return LSP_READ_BAD;
        }
        if (end) {
            size_t hlen = (size_t)(end - r->buf);
            int64_t n = content_length(r->buf, hlen);
            if (n < 0 || n > LSP_MAX_MESSAGE) {
                consume(r, hlen + 4);
                r->skip = n < 0 ? 0 : (size_t)n;
                *why = n < 0 ? "a header block without a valid Content-Length"
                             : "a message larger than the limit (64 MiB)";
                return LSP_READ_BAD;
            }
            if (r->len >= hlen + 4 + (size_t)n) {
                *body = xmalloc((size_t)n + 1);
                memcpy(*body, r->buf + hlen + 4, (size_t)n);
                (*body)[n] = '\0';
                *len = (size_t)n;
                consume(r, hlen + 4 + (size_t)n);
                return LSP_READ_MESSAGE;
            }
        }
        if (!fill(r, wait))
            return r->eof ? LSP_READ_EOF : LSP_READ_NONE;
    }
}

bool lsp_reader_pending(const LspReader *r)
{
    struct pollfd p = {r->fd, POLLIN, 0};
    return !r->eof && poll(&p, 1, 0) > 0;
}

static bool write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w;
        n -= (size_t)w;
    }
    return true;
}

bool lsp_write(int fd, const cJSON *msg)
{
    char *text = cJSON_PrintUnformatted(msg);
    if (!text)
        return false;
    char header[64];
    size_t n = strlen(text);
    int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", n);
    bool ok = write_all(fd, header, (size_t)h) && write_all(fd, text, n);
    cJSON_free(text);
    return ok;
}
