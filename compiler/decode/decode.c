// decode.c - helpers shared by the JSON and YAML readers (decode_impl.h):
// spans, quoting for messages, UTF-8 checks, duplicate-key detection.
//
// The readers themselves: decode_json.c (one pass, as cJSON reads) and decode_yaml.c (libyaml).
#include "decode/decode_impl.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/show.h"
#include "base/utf8.h"

// Longest key or text quoted in a message.
#define QUOTE_MAX 40

Span decode_span(const Decoder *d, uint32_t start, uint32_t end)
{
    return span_make(d->file, start, end);
}

const char *decode_quote(Arena *a, const char *s, size_t len)
{
    return show_quoted(a, s, len, QUOTE_MAX, QUOTE_MAX);
}

uint32_t decode_utf8_length(const unsigned char *s, uint32_t i, uint32_t len)
{
    uint32_t cp;
    return (uint32_t)utf8_decode((const char *)s + i, len - i, &cp);
}

// The offset of the first byte from `i` on that is not ASCII or is NUL,
// eight bytes at a time.
static uint32_t ascii_run_end(const unsigned char *s, uint32_t i, uint32_t len)
{
    const uint64_t high = 0x8080808080808080u, low = 0x0101010101010101u;
    for (; len - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & high) || ((w - low) & ~w & high)) // a byte >= 0x80, or a NUL
            break;
    }
    while (i < len && s[i] > 0 && s[i] < 0x80)
        i++;
    return i;
}

bool decode_check_encoding(Decoder *d)
{
    const unsigned char *s = (const unsigned char *)d->text;
    for (uint32_t i = 0; i < d->len;) {
        if (s[i] > 0 && s[i] < 0x80) { // ASCII, the usual case: no call
            i = ascii_run_end(s, i + 1, d->len);
            continue;
        }
        if (s[i] == 0) {
            diag_error(d->diags, E_NUL_BYTE, decode_span(d, i, i + 1), "NUL byte in the file");
            return false;
        }
        uint32_t n = decode_utf8_length(s, i, d->len);
        if (n == 0) {
            diag_error(d->diags, E_BAD_UTF8, decode_span(d, i, i + 1), "invalid UTF-8 byte 0x%02X",
                       s[i]);
            return false;
        }
        i += n;
    }
    return true;
}

uint32_t decode_bom_length(const Decoder *d)
{
    return d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void decode_put_member(Decoder *d, Value *obj, KeySpans *ks, const char *key, size_t len,
                       Span key_span, Value *val)
{
    uint32_t n = obj->as.object.count;
    if (value_object_put(d->a, obj, key, len, val)) {
        BUF_RESERVE(d->a, ks->items, n, ks->cap);
        ks->items[n] = key_span;
        return;
    }
    Diag *g = diag_error(d->diags, E_DUPLICATE_KEY, key_span, "duplicate key %s",
                         decode_quote(d->a, key, len));
    diag_note_at(d->diags, g, ks->items[value_object_find(obj, key, len)], "first defined here");
}
