// lang_test.c - runs tests/lang.test, the language's one-file golden tests
// (the format is described at the top of that file). Each case becomes a
// program `output "v" { value = EXPR }` compiled in this one process through
// compile_build (target json), and its value or first diagnostic is compared
// with the expected line. Prints "ok N - line L" or "not ok N - line L: ..."
// per case; --bless rewrites the expected lines with what hclc gives.
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile.h"

// The program's first line is PREFIX EXPR SUFFIX, so a column of line 1
// minus PREFIX_COLS is a column within the expression.
#define PREFIX "output \"v\" { value = "
#define SUFFIX " }\n"
#define PREFIX_COLS 21

typedef struct Lines {
    char **items; // without their line ending
    size_t count, cap;
} Lines;

typedef struct Case {
    size_t expr;      // index in Lines of the expression (its line is expr + 1)
    size_t expect;    // index of the expected line
    bool fail;        // %%FAIL: the first diagnostic is expected
    const char *vars; // %%VARS: a JSON object of variable values, or NULL
} Case;

typedef struct Paths {
    char dir[4096];  // the scratch directory
    char main[4200]; // DIR/main.hcl
    char vars[4200]; // DIR/vars.json
} Paths;

typedef struct Result {
    char *text;    // compact JSON of the value, or the first diagnostic (malloc)
    bool is_error; // text is a diagnostic
} Result;

static void *xalloc(void *p, size_t size)
{
    void *q = realloc(p, size);
    if (!q) {
        fprintf(stderr, "lang_test: out of memory\n");
        exit(3);
    }
    return q;
}

static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xalloc(NULL, n), s, n);
}

static bool read_lines(const char *path, Lines *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&buf, &cap, f)) >= 0) {
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
            buf[--n] = '\0';
        if (out->count == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 256;
            out->items = xalloc(out->items, out->cap * sizeof(char *));
        }
        out->items[out->count++] = copy(buf);
    }
    free(buf);
    fclose(f);
    return true;
}

static bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

static bool write_lines(const char *path, const Lines *lines)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = true;
    for (size_t i = 0; i < lines->count; i++)
        ok = ok && fprintf(f, "%s\n", lines->items[i]) >= 0;
    return fclose(f) == 0 && ok;
}

static bool is_blank_or_comment(const char *s)
{
    return s[0] == '\0' || s[0] == '#';
}

// Reads the case starting at or after *at; returns false at the end of the
// file. A malformed case sets *error to what is wrong with it.
static bool next_case(const Lines *l, size_t *at, Case *c, const char **error)
{
    size_t i = *at;
    while (i < l->count && is_blank_or_comment(l->items[i]))
        i++;
    if (i == l->count)
        return false;
    *c = (Case){0};
    *error = NULL;
    for (; i < l->count && strncmp(l->items[i], "%%", 2) == 0; i++) {
        if (strcmp(l->items[i], "%%FAIL") == 0)
            c->fail = true;
        else if (strncmp(l->items[i], "%%VARS ", 7) == 0)
            c->vars = l->items[i] + 7;
        else
            *error = "unknown %% directive";
    }
    c->expr = i;
    c->expect = i + 1;
    if (c->expect >= l->count || l->items[i][0] == '\0' || l->items[i + 1][0] == '\0')
        *error = "a case needs an expression line and an expected line";
    else if (c->expect + 1 < l->count && l->items[c->expect + 1][0] != '\0')
        *error = "a case must be followed by a blank line";
    *at = c->expect + 1;
    while (*error && *at < l->count && l->items[*at][0] != '\0')
        (*at)++; // a malformed case ends at the next blank line
    return true;
}

// "COL: error[E0251]: summary" when the diagnostic is within the expression,
// else "FILE:LINE:COL: ..." or, without a location, "error[E0251]: summary".
static char *describe_diag(const Diag *g, const SourceSet *src, const char *main_path)
{
    char code[16], where[256] = "";
    const char *severity = g->severity == DIAG_ERROR ? "error" : "warning";
    if (!span_is_none(g->subject)) {
        const SourceFile *f = source_file(src, g->subject.file);
        LineCol lc = source_line_col(src, g->subject.file, g->subject.start);
        const char *slash = strrchr(f->name, '/');
        if (strcmp(f->name, main_path) == 0 && lc.line == 1 && lc.col > PREFIX_COLS)
            snprintf(where, sizeof where, "%u: ", (unsigned)(lc.col - PREFIX_COLS));
        else
            snprintf(where, sizeof where, "%s:%u:%u: ", slash ? slash + 1 : f->name,
                     (unsigned)lc.line, (unsigned)lc.col);
    }
    size_t n = strlen(where) + strlen(g->summary) + 64;
    char *out = xalloc(NULL, n);
    snprintf(out, n, "%s%s[%s]: %s", where, severity, diag_code_text(g->code, code), g->summary);
    return out;
}

// The compact JSON form of `text` (member order kept), or NULL when it is
// not JSON.
static char *compact_json(const char *text)
{
    cJSON *tree = cJSON_Parse(text);
    if (!tree)
        return NULL;
    char *printed = cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    if (!printed)
        return NULL;
    char *out = copy(printed);
    cJSON_free(printed);
    return out;
}

static void compile_case(const char *main_path, const char *vars_path, bool has_vars, Result *res)
{
    Arena a;
    arena_init(&a);
    SourceSet src;
    source_init(&src, &a);
    Diags diags;
    diags_init(&diags, &a);
    CompileOptions opt = {.path = main_path, .target = "json", .output_name = "v"};
    const char *files[] = {vars_path};
    if (has_vars) {
        opt.inputs.var_files = files;
        opt.inputs.nvar_files = 1;
    }
    CompileResult r;
    CompileStatus st = compile_build(&a, &src, &diags, &opt, &r);
    res->is_error = diags.count > 0 || st != COMPILE_OK;
    if (diags.count > 0)
        res->text = describe_diag(diags.items[0], &src, main_path);
    else if (st != COMPILE_OK || r.count != 1)
        res->text = copy("no value and no diagnostic");
    else if (!(res->text = compact_json(r.items[0].text)))
        res->text = copy("output that is not JSON");
    arena_free(&a);
}

// Writes the case's program (and var file) into the scratch directory and
// compiles it.
static bool run_case(const Lines *l, const Case *c, const Paths *p, Result *res)
{
    const char *expr = l->items[c->expr];
    size_t n = strlen(PREFIX) + strlen(expr) + strlen(SUFFIX) + 1;
    char *program = xalloc(NULL, n);
    snprintf(program, n, "%s%s%s", PREFIX, expr, SUFFIX);
    if (c->vars) {
        cJSON *vars = cJSON_Parse(c->vars);
        const cJSON *v;
        cJSON_ArrayForEach(v, vars)
        {
            char decl[512];
            snprintf(decl, sizeof decl, "variable \"%s\" {}\n", v->string ? v->string : "");
            n += strlen(decl);
            program = xalloc(program, n);
            strcat(program, decl);
        }
        bool object = cJSON_IsObject(vars);
        cJSON_Delete(vars);
        if (!object) {
            free(program);
            res->text = copy("%%VARS must be followed by a JSON object");
            res->is_error = true;
            return false;
        }
    }
    bool written = write_text(p->main, program) && (!c->vars || write_text(p->vars, c->vars));
    free(program);
    if (!written) {
        res->text = copy("cannot write the case's files");
        res->is_error = true;
        return false;
    }
    compile_case(p->main, p->vars, c->vars != NULL, res);
    return true;
}

// True when the result is what the expected line says.
static bool matches(const Case *c, const char *expected, const Result *res)
{
    if (c->fail)
        return res->is_error && strcmp(expected, res->text) == 0;
    if (res->is_error)
        return false;
    char *want = compact_json(expected);
    bool same = want && strcmp(want, res->text) == 0;
    free(want);
    return same;
}

// Names the kind of a result that is not the kind the case expects.
static const char *unexpected_kind(const Case *c, const Result *res)
{
    if (res->is_error == c->fail)
        return "";
    return res->is_error ? "the diagnostic " : "the value ";
}

// Runs one case and prints its line; returns whether it passed. With
// `bless`, a result of the expected kind replaces the expected line.
static bool check_case(Lines *l, const Case *c, const Paths *p, size_t n, bool bless)
{
    Result res = {0};
    bool ran = run_case(l, c, p, &res);
    bool ok = ran && matches(c, l->items[c->expect], &res);
    if (!ok && ran && bless && res.is_error == c->fail) {
        free(l->items[c->expect]);
        l->items[c->expect] = copy(res.text);
        ok = true;
    }
    if (ok)
        printf("ok %zu - line %zu\n", n, c->expr + 1);
    else
        printf("not ok %zu - line %zu: expected %s, got %s%s\n    %s\n", n, c->expr + 1,
               l->items[c->expect], unexpected_kind(c, &res), res.text, l->items[c->expr]);
    free(res.text);
    return ok;
}

static int run_file(const char *path, bool bless, const Paths *p)
{
    Lines lines = {0};
    if (!read_lines(path, &lines)) {
        fprintf(stderr, "lang_test: cannot read %s\n", path);
        return 2;
    }
    size_t at = 0, n = 0, failed = 0;
    Case c;
    const char *error;
    while (next_case(&lines, &at, &c, &error)) {
        n++;
        if (error) {
            printf("not ok %zu - line %zu: %s\n", n, c.expr + 1, error);
            failed++;
        } else if (!check_case(&lines, &c, p, n, bless)) {
            failed++;
        }
    }
    printf("1..%zu\n", n);
    if (bless && !write_lines(path, &lines)) {
        fprintf(stderr, "lang_test: cannot write %s\n", path);
        failed++;
    }
    for (size_t i = 0; i < lines.count; i++)
        free(lines.items[i]);
    free(lines.items);
    return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    bool bless = argc > 1 && strcmp(argv[1], "--bless") == 0;
    if (argc != 2 + bless) {
        fprintf(stderr, "usage: lang_test [--bless] FILE\n");
        return 2;
    }
    const char *tmp = getenv("TMPDIR");
    Paths p;
    snprintf(p.dir, sizeof p.dir, "%s/hclc-lang.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(p.dir)) {
        perror("lang_test: mkdtemp");
        return 3;
    }
    snprintf(p.main, sizeof p.main, "%s/main.hcl", p.dir);
    snprintf(p.vars, sizeof p.vars, "%s/vars.json", p.dir);
    int status = run_file(argv[1 + bless], bless, &p);
    unlink(p.main);
    unlink(p.vars);
    rmdir(p.dir);
    return status;
}
