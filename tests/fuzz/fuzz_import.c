// fuzz_import.c - libFuzzer target for `hclc import`: the input bytes are a
// JSON file (comments and trailing commas allowed) imported as a task
// definition (or a CloudFormation template), and the same bytes a
// docker-compose file, a Terraform template with ${placeholders} and a
// YAML file (a CloudFormation template with short-form tags, else compose);
// when they hold a line "---", the two parts are imported as two workspaces
// of one task definition. Whatever import prints must lex and parse without
// errors (it is hclc source), and one file's output must be in fmt's layout;
// anything else it may refuse with diagnostics. Any crash, sanitizer report,
// leak, hang, assertion or unparsable output is a bug.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "import/import.h"
#include "project/load.h"
#include "syntax/fmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// The output must be hclc source: abort when it does not parse.
static void check_parses(Arena *arena, SourceSet *src, const char *text)
{
    if (!text)
        return;
    Diags diags;
    diags_init(&diags, arena);
    LoadedFile out;
    uint32_t file = source_add(src, "out.hcl", text, strlen(text));
    load_parse_file(arena, src, &diags, file, &out);
    if (diags_has_errors(&diags)) {
        diag_render_text(stderr, &diags, src, (DiagRenderOptions){false, 0});
        fprintf(stderr, "import wrote source that does not parse:\n%s\n", text);
        abort();
    }
}

// One file's output must be in fmt's layout: import skips fmt when the
// writer's text has the layout already (hcl_format_written); abort when
// fmt would change it.
static void check_layout(Arena *arena, SourceSet *src, const char *text)
{
    if (!text)
        return;
    check_parses(arena, src, text);
    Diags diags;
    diags_init(&diags, arena);
    size_t len;
    uint32_t file = source_add(src, "out.hcl", text, strlen(text));
    const char *formatted = fmt_file(arena, src, file, &diags, &len);
    if (formatted && strcmp(formatted, text) != 0) {
        fprintf(stderr, "import wrote source out of fmt's layout:\n%s\n", text);
        abort();
    }
}

static void import_two(Arena *arena, SourceSet *src, Diags *diags, const char *s, size_t size,
                       const char *sep)
{
    uint32_t files[2];
    size_t first = (size_t)(sep - s) + 1;
    files[0] = source_add(src, "dev.json", s, first);
    files[1] = source_add(src, "prod.json", sep + 4, size - first - 4);
    const char *names[] = {"dev", "prod"};
    ImportOutput out;
    if (import_task_workspaces(arena, src, diags, files, names, 2, IMPORT_AUTO, &out)) {
        check_parses(arena, src, out.main);
        check_parses(arena, src, out.variables);
        check_parses(arena, src, out.workspaces);
    }
}

// The first line "---" in the `size` bytes at `s` (its line break before), or NULL.
static const char *separator(const char *s, size_t size)
{
    for (size_t i = 0; i + 5 <= size; i++)
        if (memcmp(s + i, "\n---\n", 5) == 0)
            return s + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena arena;
    arena_init(&arena);
    SourceSet src;
    source_init(&src, &arena);
    Diags diags;
    diags_init(&diags, &arena);
    const char *s = (const char *)data;
    const char *sep = separator(s, size);
    if (sep) {
        import_two(&arena, &src, &diags, s, size, sep);
    } else {
        size_t len;
        uint32_t file = source_add(&src, "td.json", s, size);
        check_layout(&arena, &src, import_task_json(&arena, &src, &diags, file, IMPORT_AUTO, &len));
        file = source_add(&src, "compose.yml", s, size);
        check_layout(&arena, &src,
                     import_task_json(&arena, &src, &diags, file, IMPORT_COMPOSE, &len));
        file = source_add(&src, "td.json.tpl", s, size);
        check_layout(&arena, &src,
                     import_task_json(&arena, &src, &diags, file, IMPORT_TEMPLATE, &len));
        file = source_add(&src, "stack.yaml", s, size);
        check_layout(&arena, &src, import_task_json(&arena, &src, &diags, file, IMPORT_AUTO, &len));
    }
    arena_free(&arena);
    return 0;
}
