// fuzz_validate.c - libFuzzer target for `hclc validate FILE.json`: the
// input bytes are decoded as JSON, as YAML and as CloudFormation YAML (with
// its short-form tags), and whatever decodes is validated as a task
// definition, a container-definitions array, describe-task-definition output
// and a CloudFormation template, with the diagnostics rendered to /dev/null. Any crash, sanitizer
// report, leak or hang is a bug.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cfn/cfn.h"
#include "decode/decode.h"
#include "ecs/ecs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void validate_all_forms(Arena *arena, Diags *diags, Value *v)
{
    EcsOptions eo = {.strict = true, .workspace = "prod"};
    ecs_validate(arena, diags, v, ECS_FORM_REQUEST, &eo);
    ecs_validate(arena, diags, v, ECS_FORM_CONTAINERS, &eo);
    ecs_validate(arena, diags, v, ECS_FORM_DESCRIBED, &eo);
    ecs_canonical(arena, v);
    if (cfn_is_template(v))
        cfn_validate_template(arena, diags, v, &eo);
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
    Diags diags;
    diags_init(&diags, &arena);
    uint32_t json = source_add(&src, "fuzz.json", (const char *)data, size);
    uint32_t yaml = source_add(&src, "fuzz.yaml", (const char *)data, size);
    Value *v = decode_json_file(&arena, &src, json, &diags);
    if (v)
        validate_all_forms(&arena, &diags, v);
    v = decode_yaml_file(&arena, &src, yaml, &diags);
    if (v)
        validate_all_forms(&arena, &diags, v);
    v = decode_yaml_cfn_file(&arena, &src, yaml, &diags);
    if (v)
        validate_all_forms(&arena, &diags, v);
    DiagRenderOptions plain = {false, 0};
    diag_render_text(sink, &diags, &src, plain);
    diag_render_json(sink, &diags, &src);
    arena_free(&arena);
    fclose(sink);
    return 0;
}
