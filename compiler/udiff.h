// udiff.h - unified diffs of two texts, for `hclc fmt --diff`.
//
// Lines are compared whole (Myers' algorithm after trimming the common
// start and end); hunks carry three lines of context, as diff -u writes.
#ifndef HCLC_UDIFF_H
#define HCLC_UDIFF_H

#include <stddef.h>
#include <stdio.h>

// Writes the differences of text `b` from text `a` to `out`, headed
// "--- NAME" and "+++ NAME"; writes nothing when the texts are equal.
void udiff_write(FILE *out, const char *name, const char *a, size_t alen, const char *b,
                 size_t blen);

#endif
