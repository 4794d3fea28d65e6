// cmd_fmt.c - `hclc fmt`: which files, and what to do with their new text.
//
// Walks the paths given (directories: *.hcl and *.tfvars, sorted by name;
// with --recursive their subdirectories too, hidden ones and symbolic links
// skipped), formats each file with fmt_file, checks that the new text still
// parses, and then rewrites it (a temporary file in the same directory,
// renamed over the old one, with its mode bits), lists it or diffs it.
#include "cmd_fmt.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "project/load.h"
#include "syntax/fmt.h"
#include "syntax/lex.h"
#include "syntax/parse.h"
#include "udiff.h"

typedef struct FmtRun {
    Arena *arena;
    SourceSet *src;
    Diags *diags;
    const FmtOptions *opt;
    FILE *out;
    bool unformatted;  // a file differs from its canonical layout
    bool input_errors; // a file has syntax errors
    bool io_errors;    // a file could not be read or written
} FmtRun;

static void io_error(FmtRun *r, const char *path, const char *what, int err)
{
    diag_error(r->diags, E_IO_ERROR, span_none(), "cannot %s \"%s\": %s", what, path,
               strerror(err));
    r->io_errors = true;
}

static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        text += n;
        len -= (size_t)n;
    }
    return true;
}

// Replaces regular file `path` with `text`: a temporary file in the same
// directory gets the text and `mode`, then is renamed over `path`.
static bool replace_file(FmtRun *r, const char *path, const char *text, size_t len, mode_t mode)
{
    const char *slash = strrchr(path, '/');
    char *tmp =
        slash ? arena_printf(r->arena, "%.*s/.%s.fmt-XXXXXX", (int)(slash - path), path, slash + 1)
              : arena_printf(r->arena, ".%s.fmt-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        io_error(r, path, "write", errno);
        return false;
    }
    bool ok = write_all(fd, text, len) && fchmod(fd, mode & 07777) == 0 && fsync(fd) == 0;
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (ok && rename(tmp, path) == 0)
        return true;
    err = ok ? errno : err;
    unlink(tmp);
    io_error(r, path, "write", err);
    return false;
}

// The formatted text must parse again; if it did not, hclc has a bug and
// the file is left alone.
static bool still_parses(FmtRun *r, const char *name, const char *text, size_t len)
{
    Diags scratch;
    diags_init(&scratch, r->arena);
    uint32_t file = source_add(r->src, arena_printf(r->arena, "%s (formatted)", name), text, len);
    TokenList toks = lex_file(r->arena, r->src, file, &scratch);
    if (!diags_has_errors(&scratch))
        parse_file(r->arena, &toks, &scratch);
    lex_release(r->arena, &toks);
    if (!diags_has_errors(&scratch))
        return true;
    diag_error(r->diags, E_IO_ERROR, span_none(),
               "internal error: the formatted text of \"%s\" does not parse; the file is left "
               "as it is",
               name);
    r->input_errors = true;
    return false;
}

// Formats file `file` of the source set; `path` is where to write it (NULL
// for standard input).
static void format_loaded(FmtRun *r, uint32_t file, const char *name, const char *path, mode_t mode)
{
    const SourceFile *sf = source_file(r->src, file);
    size_t len;
    char *text = fmt_file(r->arena, r->src, file, r->diags, &len);
    if (!text) {
        r->input_errors = true;
        return;
    }
    if (!still_parses(r, name, text, len))
        return;
    bool changed = len != sf->len || memcmp(text, sf->text, len) != 0;
    r->unformatted |= changed;
    if (!path) {
        if (r->opt->diff)
            udiff_write(r->out, name, sf->text, sf->len, text, len);
        else if (!r->opt->check)
            fwrite(text, 1, len, r->out);
        return;
    }
    if (!changed)
        return;
    if (r->opt->diff)
        udiff_write(r->out, name, sf->text, sf->len, text, len);
    if (!r->opt->check && !replace_file(r, path, text, len, mode))
        return;
    if (!r->opt->diff)
        fprintf(r->out, "%s\n", name);
}

static void format_stdin(FmtRun *r)
{
    char *data;
    size_t len;
    int err = load_read_stream(stdin, 0, SOURCE_MAX_BYTES, &data, &len);
    if (err == LOAD_READ_TOO_LARGE) {
        diag_error(r->diags, E_FILE_TOO_LARGE, span_none(),
                   "standard input is larger than %u bytes", SOURCE_MAX_BYTES);
        r->io_errors = true;
        return;
    }
    if (err != 0) {
        io_error(r, "<stdin>", "read", err);
        return;
    }
    uint32_t file = source_add_owned(r->src, "<stdin>", data, len);
    format_loaded(r, file, "<stdin>", NULL, 0);
}

static void format_path(FmtRun *r, const char *path, bool named);

static bool wanted_name(const char *name, size_t len)
{
    return (len > 4 && strcmp(name + len - 4, ".hcl") == 0) ||
           (len > 7 && strcmp(name + len - 7, ".tfvars") == 0);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The *.hcl and *.tfvars files of a directory, in name order, then (with
// --recursive) its subdirectories; names starting with '.' are skipped.
static void format_dir(FmtRun *r, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        io_error(r, dir, "read directory", errno);
        return;
    }
    const char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = xrealloc(names, cap * sizeof(char *));
        }
        names[n++] = arena_strdup(r->arena, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof(char *), compare_names);
    for (size_t i = 0; i < n; i++) {
        size_t dl = strlen(dir);
        const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
        const char *path = arena_printf(r->arena, "%s%s%s", dir, sep, names[i]);
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && wanted_name(names[i], strlen(names[i])))
            format_path(r, path, false);
    }
    for (size_t i = 0; r->opt->recursive && i < n; i++) {
        size_t dl = strlen(dir);
        const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
        const char *path = arena_printf(r->arena, "%s%s%s", dir, sep, names[i]);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            format_dir(r, path);
    }
    free(names);
}

// A path from the command line (`named`) or found in a directory. A named
// symbolic link is followed: the file it points to is rewritten, never the
// link itself.
static void format_path(FmtRun *r, const char *path, bool named)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        io_error(r, path, "read", errno);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        format_dir(r, path);
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_error(r->diags, E_IO_ERROR, span_none(), "cannot format \"%s\": not a regular file",
                   path);
        r->io_errors = true;
        return;
    }
    const char *target = path;
    char *real = named ? realpath(path, NULL) : NULL;
    if (real) {
        target = arena_strdup(r->arena, real);
        free(real);
    }
    uint32_t file;
    if (load_read_file(r->src, r->diags, path, &file) != LOAD_OK) {
        r->io_errors = true;
        return;
    }
    format_loaded(r, file, path, target, st.st_mode);
}

CompileStatus fmt_paths(Arena *arena, SourceSet *src, Diags *diags, const FmtOptions *opt,
                        const char *const *paths, int npaths, FILE *out)
{
    FmtRun r = {arena, src, diags, opt, out, false, false, false};
    if (npaths == 0 && !isatty(STDIN_FILENO))
        format_stdin(&r);
    else if (npaths == 0)
        format_path(&r, ".", true);
    for (int i = 0; i < npaths; i++) {
        if (strcmp(paths[i], "-") == 0)
            format_stdin(&r);
        else
            format_path(&r, paths[i], true);
    }
    if (r.io_errors)
        return COMPILE_IO_ERROR;
    if (r.input_errors || (opt->check && r.unformatted))
        return COMPILE_INPUT_ERRORS;
    return COMPILE_OK;
}

ExitStatus cmd_fmt(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    FmtOptions f = {o->given & OPT_CHECK, o->given & OPT_DIFF, o->given & OPT_RECURSIVE};
    CompileStatus st = fmt_paths(arena, &src, &diags, &f, args, nargs, stdout);
    cli_render(o, &diags, &src);
    return cli_exit_status(st, &diags);
}
