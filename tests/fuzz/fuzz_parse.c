// fuzz_parse.c - libFuzzer target for the front end: the input bytes are
// lexed and parsed both as a .hcl file and as a template file, and the
// diagnostics and dumps are rendered to /dev/null, so lex.c, parse.c, diag.c
// and dump.c all run on arbitrary input. Any crash, sanitizer report, leak
// or assertion is a bug. Built and run by `make fuzz`.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "syntax/dump.h"
#include "syntax/lex.h"
#include "syntax/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void render_all(FILE *sink, const Diags *diags, const SourceSet *src)
{
    DiagRenderOptions plain = {false, 0};
    DiagRenderOptions color = {true, 3};
    diag_render_text(sink, diags, src, plain);
    diag_render_text(sink, diags, src, color);
    diag_render_json(sink, diags, src);
}

static void fuzz_hcl(Arena *arena, SourceSet *src, FILE *sink, const uint8_t *data, size_t size)
{
    Diags diags;
    diags_init(&diags, arena);
    uint32_t file = source_add(src, "fuzz.hcl", (const char *)data, size);
    TokenList tokens = lex_file(arena, src, file, &diags);
    Body *body = parse_file(arena, &tokens, &diags);
    dump_tokens(sink, src, &tokens);
    dump_body(sink, src, body);
    render_all(sink, &diags, src);
}

static void fuzz_template(Arena *arena, SourceSet *src, FILE *sink, const uint8_t *data,
                          size_t size)
{
    Diags diags;
    diags_init(&diags, arena);
    uint32_t file = source_add(src, "fuzz.tpl", (const char *)data, size);
    TokenList tokens = lex_template_file(arena, src, file, &diags);
    Node *node = parse_template(arena, &tokens, &diags);
    if (node)
        dump_node(sink, src, node, 0);
    render_all(sink, &diags, src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *sink = fopen("/dev/null", "w");
    if (!sink)
        return 0;
    Arena arena;
    arena_init(&arena);
    SourceSet src;
    source_init(&src, &arena);
    fuzz_hcl(&arena, &src, sink, data, size);
    fuzz_template(&arena, &src, sink, data, size);
    arena_free(&arena);
    fclose(sink);
    return 0;
}
