// fuzz_build.c - libFuzzer target for the whole pipeline behind `hclc build`:
// the input bytes are one .hcl file that is lexed, parsed, declared,
// evaluated for the default workspace (every variable, local and output),
// every task definition lowered, validated and made canonical, the results
// printed as JSON and YAML, and the same input built once more as a
// CloudFormation template (where cfn_parameter variables become Refs), with
// the diagnostics rendered to /dev/null.
// Values may take FUZZ_VALUE_BUDGET (the --max-memory budget).
// file() and templatefile() may read only an empty scratch root. Any crash,
// sanitizer report, leak, hang or assertion is a bug.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "cfn/cfn.h"
#include "ecs/ecs.h"
#include "emit/emit.h"
#include "eval/eval.h"
#include "project/inputs.h"
#include "project/load.h"
#include "project/module.h"

#define FUZZ_VALUE_BUDGET ((size_t)64 * 1024 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *scratch_root(void)
{
    static char dir[] = "/tmp/hclc-fuzz-root-XXXXXX";
    static const char *root;
    if (!root)
        root = mkdtemp(dir);
    return root ? root : "/nonexistent";
}

// The CloudFormation build: a second evaluation with parameters as Refs.
static void cloudformation(Arena *arena, SourceSet *src, Diags *diags, const Module *mod,
                           const Inputs *inputs)
{
    Eval ev;
    if (eval_init(&ev, arena, diags, src, mod, inputs, NULL, NULL, scratch_root())) {
        ev.refs.var = cfn_variable_ref;
        if (eval_check_all(&ev) && mod->ntasks) {
            Value **tasks = arena_alloc(arena, mod->ntasks * sizeof(Value *));
            const TaskDef **defs = arena_alloc(arena, mod->ntasks * sizeof(TaskDef *));
            bool ok = true;
            for (uint32_t i = 0; i < mod->ntasks; i++) {
                defs[i] = &mod->tasks[i];
                tasks[i] = ecs_lower(&ev, &mod->tasks[i]);
                ok &= tasks[i]->kind != VAL_INVALID && !value_has_invalid(tasks[i]);
            }
            CfnInput in = {&ev, ev.workspace, defs, tasks, mod->ntasks};
            size_t len;
            if (ok) {
                cfn_build(arena, diags, &in, false, &len);
                cfn_build(arena, diags, &in, true, &len);
            }
        }
    }
    eval_free(&ev);
}

static void evaluate(Arena *arena, SourceSet *src, Diags *diags, const LoadedFiles *files)
{
    Module mod;
    if (!module_build(arena, diags, files, &mod))
        return;
    InputOptions opt = {0};
    Inputs inputs;
    bool io_error;
    if (!inputs_collect(arena, diags, src, &mod, &opt, &inputs, &io_error))
        return;
    cloudformation(arena, src, diags, &mod, &inputs);
    Eval ev;
    if (eval_init(&ev, arena, diags, src, &mod, &inputs, NULL, NULL, scratch_root()) &&
        eval_check_all(&ev)) {
        Value *out = eval_outputs(&ev);
        if (!value_has_invalid(out)) {
            emit_json(arena, out, EMIT_JSON_PRETTY, NULL);
            emit_yaml(arena, out, NULL);
        }
        EcsOptions eo = {.strict = false, .workspace = "prod"};
        for (uint32_t i = 0; i < mod.ntasks; i++) {
            Value *task = ecs_lower(&ev, &mod.tasks[i]);
            if (task->kind == VAL_INVALID || value_has_invalid(task))
                continue;
            if (ecs_validate(arena, diags, task, ECS_FORM_REQUEST, &eo))
                emit_json(arena, ecs_canonical(arena, task), EMIT_JSON_PRETTY, NULL);
        }
    }
    eval_free(&ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *sink = fopen("/dev/null", "w");
    if (!sink)
        return 0;
    Arena arena;
    arena_init(&arena);
    // The value budget (a located error, E0910) keeps inputs that build
    // billions of values fast; no hard limit, which would exit the fuzzer.
    arena.budget = FUZZ_VALUE_BUDGET;
    SourceSet src;
    source_init(&src, &arena);
    Diags diags;
    diags_init(&diags, &arena);
    LoadedFiles files = {arena_alloc(&arena, sizeof(LoadedFile)), 1};
    uint32_t file = source_add(&src, "fuzz.hcl", (const char *)data, size);
    load_parse_file(&arena, &src, &diags, file, &files.items[0]);
    if (!diags_has_errors(&diags))
        evaluate(&arena, &src, &diags, &files);
    DiagRenderOptions plain = {false, 0};
    diag_render_text(sink, &diags, &src, plain);
    diag_render_json(sink, &diags, &src);
    arena_free(&arena);
    fclose(sink);
    return 0;
}
