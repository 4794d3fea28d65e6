// fuzz_fmt.c - libFuzzer target for `hclc fmt` (syntax/fmt.c). For every
// input that parses, it checks the three promises of docs/fmt.md and
// aborts when one breaks: the formatted text parses to the same syntax tree
// (the `debug ast` dump without spans), formatting it again changes nothing,
// and only white space and commas differ (so every comment and string
// survives). Built and run by `make fuzz`.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "syntax/dump.h"
#include "syntax/fmt.h"
#include "syntax/lex.h"
#include "syntax/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// The syntax-tree dump of file `file` with each line's span cut off (a
// malloc'd string), or NULL when it does not parse.
static char *tree(Arena *arena, SourceSet *src, uint32_t file)
{
    Diags diags;
    diags_init(&diags, arena);
    TokenList toks = lex_file(arena, src, file, &diags);
    Body *body = parse_file(arena, &toks, &diags);
    if (diags_has_errors(&diags))
        return NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        abort();
    dump_body(out, src, body);
    fclose(out);
    char *w = text;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        size_t keep = n;
        while (keep > 0 && line[keep - 1] != ' ')
            keep--;
        keep = keep ? keep - 1 : n; // drop " L:C-L:C"
        memmove(w, line, keep);
        w += keep;
        *w++ = '\n';
        line += nl ? n + 1 : n;
    }
    *w = '\0';
    return text;
}

// The text without white space and commas.
static char *squeeze(const char *s, size_t len)
{
    char *out = malloc(len + 1), *w = out;
    if (!out)
        abort();
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n,", s[i]) || s[i] == '\0')
            *w++ = s[i];
    *w = '\0';
    return out;
}

static void check(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_fmt: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena arena;
    arena_init(&arena);
    SourceSet src;
    source_init(&src, &arena);
    Diags diags;
    diags_init(&diags, &arena);
    uint32_t in = source_add(&src, "in.hcl", (const char *)data, size);
    size_t len;
    char *once = fmt_file(&arena, &src, in, &diags, &len);
    if (once) {
        uint32_t out = source_add(&src, "out.hcl", once, len);
        char *before = tree(&arena, &src, in), *after = tree(&arena, &src, out);
        check(after != NULL, "the formatted text does not parse");
        check(strcmp(before, after) == 0, "the syntax tree changed");
        size_t len2;
        char *twice = fmt_file(&arena, &src, out, &diags, &len2);
        check(twice && len2 == len && memcmp(once, twice, len) == 0, "not idempotent");
        char *a = squeeze((const char *)data, size), *b = squeeze(once, len);
        check(strcmp(a, b) == 0, "text other than white space and commas changed");
        free(a);
        free(b);
        free(before);
        free(after);
    }
    arena_free(&arena);
    return 0;
}
