// analyze.c - compiles the project of an open document the way `hclc
// validate DIR -w WS` does (load, ignore comments, source checks, declare,
// collect inputs, evaluate, lower and validate every task definition; the
// steps of compile.c, which lsp/ may not include), with the editor's
// buffers standing for their files. The parsed bodies are kept even when they hold errors, so
// hover, completion and symbols work on half-typed text.
#include "lsp/lsp_impl.h"

#include <stdlib.h>
#include <string.h>

#include "ecs/ecs.h"
#include "eval/eval.h"
#include "project/checks.h"
#include "project/ignore.h"

// The workspace to compile: the configured one, else the first declared.
static const char *choose_workspace(const Module *m, const char *ws)
{
    if (ws && *ws)
        return ws;
    return m->nworkspaces ? m->workspaces[0].name : "default";
}

static void evaluate(Analysis *an)
{
    Eval ev;
    bool ok = eval_init(&ev, &an->arena, &an->diags, &an->src, &an->mod, &an->inputs, an->workspace,
                        "the lsp setting \"workspace\"", an->root) &&
              eval_check_all(&ev);
    for (uint32_t i = 0; ok && i < an->mod.ntasks; i++) {
        Value *v = ecs_lower(&ev, &an->mod.tasks[i]);
        if (v->kind == VAL_INVALID || value_has_invalid(v))
            continue;
        EcsOptions eo = {.workspace = an->workspace};
        ecs_validate(&an->arena, &an->diags, v, ECS_FORM_REQUEST, &eo);
    }
    eval_free(&ev);
}

void lsp_analyze(Analysis *an, const char *dir, const SourceOverlay *docs, uint32_t ndocs,
                 const char *ws)
{
    arena_init(&an->arena);
    source_init(&an->src, &an->arena);
    diags_init(&an->diags, &an->arena);
    an->dir = arena_strdup(&an->arena, dir);
    an->workspace = ws && *ws ? arena_strdup(&an->arena, ws) : "default";
    an->has_module = an->has_inputs = false;
    an->files.items = NULL;
    an->files.count = 0;
    char *real = realpath(dir, NULL);
    an->root = arena_strdup(&an->arena, real ? real : dir);
    free(real);
    an->src.overlays = docs;
    an->src.noverlays = ndocs;
    LoadStatus ls = load_path(&an->arena, &an->src, &an->diags, an->dir, &an->files);
    an->src.overlays = NULL; // the buffers may change after this call
    an->src.noverlays = 0;
    if (ls != LOAD_OK)
        return;
    // As compile.c's load_project: ignore comments silence warnings from
    // here on, then the checks of the source alone.
    diags_set_silencer(&an->diags, ignore_silences,
                       ignore_collect(&an->arena, &an->diags, &an->src, &an->files));
    checks_strings(&an->arena, &an->diags, &an->src, &an->files);
    bool declared = module_build(&an->arena, &an->diags, &an->files, &an->mod);
    an->has_module = true; // usable for listing even after errors
    an->workspace = choose_workspace(&an->mod, ws);
    InputOptions io = {0};
    bool io_error = false;
    if (!declared ||
        !inputs_collect(&an->arena, &an->diags, &an->src, &an->mod, &io, &an->inputs, &io_error))
        return;
    an->has_inputs = true;
    evaluate(an);
}

void lsp_analysis_free(Analysis *an)
{
    arena_free(&an->arena);
}

int64_t lsp_analysis_file(const Analysis *an, const char *path)
{
    for (uint32_t i = 0; i < an->src.count; i++)
        if (strcmp(an->src.files[i].name, path) == 0)
            return i;
    return -1;
}

const Body *lsp_analysis_body(const Analysis *an, uint32_t file)
{
    for (uint32_t i = 0; i < an->files.count; i++)
        if (an->files.items[i].file == file)
            return an->files.items[i].body;
    return NULL;
}
