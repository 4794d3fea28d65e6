// show.h - how diagnostics show a value: strings quoted, escaped and cut,
// numbers and bools as written, and a sensitive value never, whatever its
// kind. Every layer that names a value in a message comes here.
#ifndef HCLC_SHOW_H
#define HCLC_SHOW_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/value.h"

typedef struct ShowStyle {
    const char *hidden; // shown instead of a sensitive value: "(sensitive)"
    uint32_t max;       // a string of at most `max` characters is shown whole;
    uint32_t keep;      // a longer one shows its first `keep` and "..."
} ShowStyle;

// The `len` bytes at `s` in double quotes for a message: '"' and '\' get a
// backslash, control characters and DEL are written \xhh, and a text of
// more than `max` characters (code points) keeps `keep` of them and ends
// with "..." inside the quotes. The result is in the arena.
const char *show_quoted(Arena *a, const char *s, size_t len, uint32_t max, uint32_t keep);
// Value `v` for a message: style.hidden when it is sensitive; a string as
// show_quoted; a number or bool as written; any other kind as its type name
// (value_type_name), which callers may word otherwise.
const char *show_value(Arena *a, const Value *v, ShowStyle style);

#endif
