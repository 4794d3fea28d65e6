// fmt.h - the canonical layout of a source file (`hclc fmt`, docs/fmt.md).
//
// fmt_file lexes and parses one file and, when it has no syntax errors,
// returns its text laid out in the canonical style: the same tokens and
// comments, the same meaning, new white space. Strings, heredoc bodies and
// comments are kept byte for byte (only the expressions inside $< > and
// %< > are respaced). Reading files and writing them back is the driver's.
#ifndef HCLC_FMT_H
#define HCLC_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"

// Formats file `file` of `src`. Returns the formatted text (NUL-terminated,
// in `arena`) and its length in *len, or NULL after the file's lexical or
// syntax errors went to `diags` (a file with errors is never formatted).
char *fmt_file(Arena *arena, const SourceSet *src, uint32_t file, Diags *diags, size_t *len);

#endif
