// decode_impl.h - private to the readers (decode*.c): the state both share
// and their helpers. decode.c holds the helpers, decode_json.c the JSON
// reader (one pass, as cJSON reads), decode_yaml.c the YAML reader (libyaml).
#ifndef HCLC_DECODE_IMPL_H
#define HCLC_DECODE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/chars.h"
#include "decode/decode.h"

// cJSON refuses deeper JSON (CJSON_NESTING_LIMIT); YAML gets the same limit
// so that no later recursive walk of a decoded value can overflow the stack.
#define DECODE_MAX_DEPTH 1000

typedef struct Decoder {
    Arena *a;
    Diags *diags;
    uint32_t file;
    const char *text; // the whole file, NUL-terminated
    uint32_t len;
} Decoder;

// Key spans of an object under construction, by member position, for the
// note on a duplicate key.
typedef struct KeySpans {
    Span *items;
    uint32_t cap;
} KeySpans;

// The span [start, end) of the decoder's file.
Span decode_span(const Decoder *d, uint32_t start, uint32_t end);
// Returns `s` as a double-quoted text for a message, with escapes for
// quotes, backslashes and control characters, cut after 40 bytes.
const char *decode_quote(Arena *a, const char *s, size_t len);
// Length of the well-formed UTF-8 sequence at s[i] (utf8_decode), or 0.
uint32_t decode_utf8_length(const unsigned char *s, uint32_t i, uint32_t len);
// Reports the first NUL byte or invalid UTF-8 sequence; true when none.
bool decode_check_encoding(Decoder *d);
// 3 when the text starts with a UTF-8 byte order mark, else 0.
uint32_t decode_bom_length(const Decoder *d);
// Adds key -> val to `obj`, or reports a duplicate key at `key_span` with a
// note at the first one (whose value stays).
void decode_put_member(Decoder *d, Value *obj, KeySpans *ks, const char *key, size_t len,
                       Span key_span, Value *val);

#endif
