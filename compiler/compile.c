// compile.c - runs the stages in order and stops at the first stage with
// errors, so no stage sees the broken product of another.
#include "compile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit.h"
#include "eval.h"
#include "load.h"
#include "module.h"

typedef struct Project {
    LoadedFiles files;
    Module mod;
    Inputs inputs;
    const char *root;
} Project;

// The project root: --root, or PATH itself when it is a directory, or the
// directory holding PATH.
static const char *project_root(Arena *a, Diags *diags, const char *path, const char *root)
{
    const char *dir = root;
    struct stat st;
    if (!dir) {
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            dir = path;
        } else {
            const char *slash = strrchr(path, '/');
            dir = slash ? arena_strndup(a, path, (size_t)(slash - path) + (slash == path)) : ".";
        }
    }
    char *real = realpath(dir, NULL);
    if (!real) {
        diag_error(diags, E_IO_ERROR, span_none(), "cannot use \"%s\" as the project root: %s", dir,
                   strerror(errno));
        return NULL;
    }
    char *out = arena_strdup(a, real);
    free(real);
    return out;
}

static CompileStatus load_project(Arena *a, SourceSet *src, Diags *diags,
                                  const CompileOptions *opt, Project *p)
{
    const char *path = opt->path ? opt->path : ".";
    LoadStatus ls = load_path(a, src, diags, path, &p->files);
    if (ls == LOAD_IO_ERROR)
        return COMPILE_IO_ERROR;
    if (ls != LOAD_OK)
        return COMPILE_INPUT_ERRORS;
    if (!(p->root = project_root(a, diags, path, opt->root)))
        return COMPILE_IO_ERROR;
    if (!module_build(a, diags, &p->files, &p->mod))
        return COMPILE_INPUT_ERRORS;
    bool io_error = false;
    if (!inputs_collect(a, diags, src, &p->mod, &opt->inputs, &p->inputs, &io_error))
        return io_error ? COMPILE_IO_ERROR : COMPILE_INPUT_ERRORS;
    return COMPILE_OK;
}

static Value *select_output(Eval *ev, Diags *diags, const char *name)
{
    if (!name)
        return eval_outputs(ev);
    int64_t i = module_find_output(ev->mod, name);
    if (i >= 0)
        return eval_output(ev, (uint32_t)i, span_none());
    const char **names = arena_alloc(ev->arena, (ev->mod->noutputs + 1) * sizeof(char *));
    for (uint32_t k = 0; k < ev->mod->noutputs; k++)
        names[k] = ev->mod->outputs[k].name;
    Diag *g = diag_error(diags, E_UNKNOWN_OUTPUT, span_none(), "no output named \"%s\"", name);
    const char *s = diag_suggest(name, names, ev->mod->noutputs);
    if (s)
        diag_help(diags, g, "did you mean \"%s\"?", s);
    return NULL;
}

CompileStatus compile_build(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt,
                            char **text, size_t *len)
{
    const char *target = opt->target ? opt->target : "json";
    if (strcmp(target, "json") != 0) {
        Diag *g = diag_error(diags, E_BAD_TARGET, span_none(), "unknown target \"%s\"", target);
        diag_help(diags, g, "this version builds -t json (the output blocks)");
        return COMPILE_USAGE_ERROR;
    }
    Project p;
    CompileStatus st = load_project(a, src, diags, opt, &p);
    if (st != COMPILE_OK)
        return st;
    Eval ev;
    if (!eval_init(&ev, a, diags, src, &p.mod, &p.inputs, opt->workspace, opt->workspace_from,
                   p.root)) {
        eval_free(&ev);
        return COMPILE_INPUT_ERRORS;
    }
    eval_check_all(&ev);
    Value *v = diags_has_errors(diags) ? NULL : select_output(&ev, diags, opt->output_name);
    eval_free(&ev);
    if (!v || diags_has_errors(diags) || value_has_invalid(v))
        return COMPILE_INPUT_ERRORS;
    *text = emit_json(a, v, EMIT_JSON_PRETTY, len);
    return COMPILE_OK;
}

CompileStatus compile_validate(Arena *a, SourceSet *src, Diags *diags, const CompileOptions *opt)
{
    Project p;
    CompileStatus st = load_project(a, src, diags, opt, &p);
    if (st != COMPILE_OK)
        return st;
    Eval ev;
    bool ok = eval_init(&ev, a, diags, src, &p.mod, &p.inputs, opt->workspace,
                        opt->workspace_from, p.root) &&
              eval_check_all(&ev);
    eval_free(&ev);
    return ok && !diags_has_errors(diags) ? COMPILE_OK : COMPILE_INPUT_ERRORS;
}

CompileStatus compile_workspaces(Arena *a, SourceSet *src, Diags *diags, const char *path,
                                 char **text, size_t *len)
{
    LoadedFiles files;
    LoadStatus ls = load_path(a, src, diags, path ? path : ".", &files);
    if (ls != LOAD_OK)
        return ls == LOAD_IO_ERROR ? COMPILE_IO_ERROR : COMPILE_INPUT_ERRORS;
    Module mod;
    if (!module_build(a, diags, &files, &mod))
        return COMPILE_INPUT_ERRORS;
    char *out = arena_strdup(a, "");
    for (uint32_t i = 0; i < mod.nworkspaces; i++)
        out = arena_printf(a, "%s%s\n", out, mod.workspaces[i].name);
    *text = out;
    *len = strlen(out);
    return COMPILE_OK;
}

bool compile_write_file(Diags *diags, const char *path, const char *text, size_t len)
{
    size_t n = strlen(path);
    char *tmp = xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    if (ok) {
        FILE *f = fdopen(fd, "wb");
        ok = f && fwrite(text, 1, len, f) == len;
        ok = (f ? fclose(f) == 0 : (close(fd), false)) && ok;
        ok = ok && chmod(tmp, 0644) == 0 && rename(tmp, path) == 0;
    }
    if (!ok) {
        diag_error(diags, E_IO_ERROR, span_none(), "cannot write \"%s\": %s", path, strerror(errno));
        if (fd >= 0)
            unlink(tmp);
    }
    free(tmp);
    return ok;
}
