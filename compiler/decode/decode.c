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

bool decode_check_encoding(Decoder *d)
{
    const unsigned char *s = (const unsigned char *)d->text;
    for (uint32_t i = 0; i < d->len;) {
        if (s[i] > 0 && s[i] < 0x80) { // ASCII, the usual case: no call
            i++;
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
    int64_t first = value_object_find(obj, key, len);
    if (first >= 0) {
        Diag *g = diag_error(d->diags, E_DUPLICATE_KEY, key_span, "duplicate key %s",
                             decode_quote(d->a, key, len));
        diag_note_at(d->diags, g, ks->items[first], "first defined here");
        return;
    }
    uint32_t n = obj->as.object.count;
    BUF_RESERVE(d->a, ks->items, n, ks->cap);
    ks->items[n] = key_span;
    value_object_put(d->a, obj, key, len, val);
}
