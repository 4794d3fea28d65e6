// show.c - values and strings as diagnostics show them; see show.h.
#include "base/show.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"

// Appends the escaped form of the character at s (adv bytes) to out.
static size_t put_char(char *out, const char *s, size_t adv, uint32_t cp)
{
    if (cp == '"' || cp == '\\') {
        out[0] = '\\';
        out[1] = (char)cp;
        return 2;
    }
    if (cp < 0x20 || cp == 0x7F)
        return (size_t)snprintf(out, 5, "\\x%02x", (unsigned)cp);
    memcpy(out, s, adv);
    return adv;
}

const char *show_quoted(Arena *a, const char *s, size_t len, uint32_t max, uint32_t keep)
{
    bool cut = utf8_count(s, len) > max;
    size_t end = cut ? utf8_offset(s, len, keep) : len;
    char *out = arena_alloc(a, end * 4 + 6); // every byte escaped, "...", quotes, NUL
    size_t n = 0;
    out[n++] = '"';
    for (size_t i = 0; i < end;) {
        size_t adv;
        uint32_t cp = utf8_next(s + i, end - i, &adv);
        n += put_char(out + n, s + i, adv, cp);
        i += adv;
    }
    if (cut) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n++] = '"';
    out[n] = '\0';
    return out;
}

const char *show_value(Arena *a, const Value *v, ShowStyle style)
{
    if (value_is_sensitive(v))
        return style.hidden;
    char buf[VALUE_NUMBER_BUF];
    switch (v->kind) {
    case VAL_STRING:
        return show_quoted(a, v->as.str.ptr, v->as.str.len, style.max, style.keep);
    case VAL_NUMBER:
        return arena_strdup(a, value_number_text(v->as.number, buf));
    case VAL_BOOL:
        return v->as.boolean ? "true" : "false";
    case VAL_INVALID:
    case VAL_NULL:
    case VAL_LIST:
    case VAL_OBJECT:
        break;
    }
    return value_type_name(v);
}
