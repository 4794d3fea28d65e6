// funcs_file.c - file, fileexists, basename, dirname.
//
// A path is relative to the directory of the file that holds the call
// (call->base_dir). It is resolved with realpath(), symbolic links
// included, and must stay inside the project root (ctx->root; when that is
// NULL, as in some unit tests, nothing is refused). A path "hclc:NAME"
// names a template shipped with hclc: NAME is looked up in the folders of
// HCLC_TEMPLATE_PATH (colon-separated), then in HCLC_TEMPLATE_DIR (a
// compile-time default), and must stay inside the folder it is found in.
// file() reads UTF-8 text without NUL of at most FN_MAX_FILE bytes and adds
// it to the SourceSet, so later stages can point into it; templatefile()
// (in eval) uses the same resolving and reading through fn_resolve_path and
// fn_read_file. basename() and dirname() only look at the text, as Go's
// filepath.Base and Dir do.
#include "funcs/funcs_impl.h"
#include "project/load.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMPLATE_PREFIX "hclc:"

// --- paths as text ---------------------------------------------------------------

// Go's path.Clean: one slash between elements, no "." elements, ".." only
// at the start of a relative path; "." for the empty path.
static char *clean_path(Arena *a, const char *p, size_t n)
{
    char *out = arena_alloc(a, n + 2);
    bool rooted = n > 0 && p[0] == '/';
    size_t r = 0, w = 0, dotdot = 0;
    if (rooted) {
        out[w++] = '/';
        r = dotdot = 1;
    }
    while (r < n) {
        if (p[r] == '/') {
            r++;
        } else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
            r++;
        } else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
            r += 2;
            if (w > dotdot) {
                w--;
                while (w > dotdot && out[w] != '/')
                    w--;
            } else if (!rooted) {
                if (w > 0)
                    out[w++] = '/';
                out[w++] = '.';
                out[w++] = '.';
                dotdot = w;
            }
        } else {
            if ((rooted && w != 1) || (!rooted && w != 0))
                out[w++] = '/';
            for (; r < n && p[r] != '/'; r++)
                out[w++] = p[r];
        }
    }
    if (w == 0)
        out[w++] = '.';
    out[w] = '\0';
    return out;
}

Value *fn_basename(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    size_t end = s.len;
    if (end == 0)
        return fn_new_string(ctx, call, ".", 1);
    while (end > 0 && s.ptr[end - 1] == '/')
        end--;
    if (end == 0)
        return fn_new_string(ctx, call, "/", 1);
    size_t start = end;
    while (start > 0 && s.ptr[start - 1] != '/')
        start--;
    return fn_new_string(ctx, call, s.ptr + start, end - start);
}

Value *fn_dirname(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    size_t i = s.len;
    while (i > 0 && s.ptr[i - 1] != '/')
        i--;
    const char *dir = clean_path(ctx->arena, s.ptr, i);
    return value_string_ref(ctx->arena, call->span, dir, strlen(dir));
}

// --- resolving -----------------------------------------------------------------------

// A path argument: its text, how messages show it, where it was written and
// the directory it is relative to.
typedef struct PathRef {
    const char *text;  // NUL-terminated, not empty
    const char *shown; // quoted, or "(sensitive value)"
    Span at;
    const char *base_dir; // NULL: the project root
} PathRef;

static bool inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return true;
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

// realpath() into the arena, or NULL with errno set.
static const char *real_path(Arena *a, const char *path)
{
    char *r = realpath(path, NULL);
    if (!r)
        return NULL;
    const char *copy = arena_strdup(a, r);
    free(r);
    return copy;
}

// `abs` relative to the working directory when inside it ("." for itself),
// as the user names files on the command line; else `abs`.
static const char *from_cwd(Arena *a, const char *abs)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || strcmp(cwd, "/") == 0 || !inside(abs, cwd))
        return abs;
    return abs[strlen(cwd)] ? arena_strdup(a, abs + strlen(cwd) + 1) : ".";
}

static void outside_root(FnContext *ctx, const PathRef *p)
{
    Diag *g =
        fn_report(ctx, E_FILE_OUTSIDE_ROOT, p->at, "file %s is outside the project root", p->shown);
    diag_note(ctx->diags, g, "the project root is \"%s\"", from_cwd(ctx->arena, ctx->root));
    diag_help(ctx->diags, g,
              "paths are relative to the directory of the file that holds the call, and may "
              "not leave the root (symbolic links included)");
}

#define MAX_LINKS 40 // symbolic links followed by hand, as the kernel's ELOOP limit

// Where `path` leads when part of it is missing: the real path of its
// longest existing prefix with the rest appended, a dangling symbolic link
// on the way followed by its text. So the root check decides on the path and
// the links of its prefix, never on whether the file at the end exists.
// NULL with errno set when that fails.
static const char *resolve_missing(Arena *a, const char *path, int links)
{
    size_t k = strlen(path);
    const char *prefix = NULL;
    while (k > 0 && !prefix) {
        while (k > 0 && path[k - 1] != '/')
            k--;
        if (k == 0)
            break;
        const char *head = k == 1 ? "/" : arena_strndup(a, path, k - 1);
        prefix = real_path(a, head);
        if (!prefix && errno != ENOENT && errno != ENOTDIR)
            return NULL;
        if (!prefix)
            k--;
    }
    if (!prefix && !(prefix = real_path(a, ".")))
        return NULL;
    const char *rest = path + k;
    size_t first = strcspn(rest, "/");
    const char *next = arena_printf(a, "%s/%.*s", prefix, (int)first, rest);
    char target[PATH_MAX];
    ssize_t n = readlink(next, target, sizeof target - 1);
    if (n < 0) {
        const char *joined = arena_printf(a, "%s/%s", prefix, rest);
        return clean_path(a, joined, strlen(joined));
    }
    if (links >= MAX_LINKS) {
        errno = ELOOP;
        return NULL;
    }
    target[n] = '\0';
    const char *after = rest + first;
    const char *followed = target[0] == '/' ? arena_printf(a, "%s%s", target, after)
                                            : arena_printf(a, "%s/%s%s", prefix, target, after);
    return resolve_missing(a, followed, links + 1);
}

// Resolves a project path into *real (NULL when nothing is there). Returns
// false after reporting; a path outside the root is refused whether or not
// a file is there.
static bool resolve_project(FnContext *ctx, const PathRef *p, const char **real)
{
    const char *base = p->base_dir ? p->base_dir : ctx->root ? ctx->root : ".";
    const char *joined =
        p->text[0] == '/' ? p->text : arena_printf(ctx->arena, "%s/%s", base, p->text);
    *real = real_path(ctx->arena, joined);
    const char *checked = *real;
    if (!checked && (errno == ENOENT || errno == ENOTDIR))
        checked = resolve_missing(ctx->arena, joined, 0);
    if (!checked) {
        fn_report(ctx, E_FILE_READ, p->at, "cannot resolve file %s: %s", p->shown, strerror(errno))
            ->io = true;
        return false;
    }
    if (ctx->root && !inside(checked, ctx->root)) {
        outside_root(ctx, p);
        return false;
    }
    return true;
}

// A shipped template's name: relative, without "." or ".." elements.
static bool template_name_ok(const char *name)
{
    if (!*name || name[0] == '/')
        return false;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        p += n + (p[n] == '/');
    }
    return true;
}

// The template folders, in search order: HCLC_TEMPLATE_PATH's, then the
// compile-time default. Returns how many were stored in dirs[0..max).
static size_t template_dirs(FnContext *ctx, const char **dirs, size_t max)
{
    size_t n = 0;
    const char *list = getenv("HCLC_TEMPLATE_PATH");
    for (const char *p = list; p && *p && n < max;) {
        size_t len = strcspn(p, ":");
        if (len)
            dirs[n++] = arena_strndup(ctx->arena, p, len);
        p += len + (p[len] == ':');
    }
#ifdef HCLC_TEMPLATE_DIR
    if (n < max)
        dirs[n++] = HCLC_TEMPLATE_DIR;
#endif
    return n;
}

#define MAX_TEMPLATE_DIRS 64

// Resolves "hclc:NAME" into *real (NULL when no folder has it). Returns
// false after reporting.
static bool resolve_template(FnContext *ctx, const PathRef *p, const char **real)
{
    const char *name = p->text + strlen(TEMPLATE_PREFIX);
    *real = NULL;
    if (!template_name_ok(name)) {
        fn_report(ctx, E_FUNC_ARG, p->at,
                  "%s is not a valid template name: it must be a relative path without . or "
                  ".. elements",
                  p->shown);
        return false;
    }
    const char *dirs[MAX_TEMPLATE_DIRS];
    size_t n = template_dirs(ctx, dirs, MAX_TEMPLATE_DIRS);
    for (size_t i = 0; i < n && !*real; i++) {
        const char *dir = real_path(ctx->arena, dirs[i]);
        const char *found =
            dir ? real_path(ctx->arena, arena_printf(ctx->arena, "%s/%s", dir, name)) : NULL;
        if (found && inside(found, dir))
            *real = found;
    }
    return true;
}

static bool is_template(const char *path)
{
    return strncmp(path, TEMPLATE_PREFIX, strlen(TEMPLATE_PREFIX)) == 0;
}

static bool resolve(FnContext *ctx, const PathRef *p, const char **real)
{
    if (!p->text[0]) {
        fn_report(ctx, E_FUNC_ARG, p->at, "the file path is empty");
        return false;
    }
    if (is_template(p->text))
        return resolve_template(ctx, p, real);
    return resolve_project(ctx, p, real);
}

static void not_found(FnContext *ctx, const PathRef *p)
{
    bool shipped = is_template(p->text);
    Diag *g = fn_report(ctx, E_FILE_READ, p->at, "no %s %s", shipped ? "shipped template" : "file",
                        p->shown);
    g->io = true;
    if (shipped)
        diag_help(ctx->diags, g,
                  "shipped templates are looked up in the folders of HCLC_TEMPLATE_PATH "
                  "(separated by colons) and in hclc's templates folder");
    else
        diag_note(ctx->diags, g,
                  "paths are relative to the directory of the file that holds the call");
}

const char *fn_resolve_path(FnContext *ctx, const char *base_dir, const char *path, Span span)
{
    PathRef p = {path, arena_printf(ctx->arena, "\"%s\"", path), span, base_dir};
    const char *real;
    if (!resolve(ctx, &p, &real))
        return NULL;
    if (!real)
        not_found(ctx, &p);
    return real;
}

// The path argument of file() and fileexists(); false after reporting.
static bool path_argument(FnContext *ctx, const FnCall *call, PathRef *p)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return false;
    p->text = s.ptr;
    p->shown = fn_show(ctx, call->args[0]);
    p->at = fn_arg_span(call, 0);
    p->base_dir = call->base_dir;
    return true;
}

// --- reading ---------------------------------------------------------------------------

// How diagnostics name a file read by path: "hclc:NAME" for a shipped
// template, else relative to the working directory when inside it.
static const char *display_name(FnContext *ctx, const char *abs)
{
    const char *dirs[MAX_TEMPLATE_DIRS];
    size_t n = template_dirs(ctx, dirs, MAX_TEMPLATE_DIRS);
    for (size_t i = 0; i < n; i++) {
        const char *dir = real_path(ctx->arena, dirs[i]);
        if (dir && inside(abs, dir) && strlen(abs) > strlen(dir))
            return arena_printf(ctx->arena, "%s%s", TEMPLATE_PREFIX, abs + strlen(dir) + 1);
    }
    return from_cwd(ctx->arena, abs);
}

// An already loaded file with this name and text, so that calling file()
// in a loop does not store the text again.
static int64_t loaded(const SourceSet *src, const char *name, const char *text, size_t len)
{
    for (uint32_t i = src->count; i-- > 0;) {
        const SourceFile *f = source_file(src, i);
        if (f->len == len && strcmp(f->name, name) == 0 && memcmp(f->text, text, len) == 0)
            return i;
    }
    return -1;
}

// Reports a file that could not be read (`io`: exit status 3) or that is
// not text (an error in the input).
static int64_t read_error(FnContext *ctx, Span at, const char *shown, DiagCode code,
                          const char *why, bool io)
{
    fn_report(ctx, code, at, "cannot read file %s: %s", shown, why)->io = io;
    return -1;
}

// Opens a regular file without blocking on a FIFO or a device; -1 after
// reporting.
static int open_regular(FnContext *ctx, const char *abs, Span at, const char *shown,
                        struct stat *st)
{
    const char *why;
    int fd = load_open_regular(abs, st, &why);
    if (fd < 0)
        return (int)read_error(ctx, at, shown, E_FILE_READ, why, true);
    return fd;
}

// Reads the file at `abs` into ctx->src (once per name and text); returns
// its index, or -1 after reporting at `at`.
static int64_t read_source(FnContext *ctx, const char *abs, Span at, const char *shown)
{
    struct stat st;
    int fd = open_regular(ctx, abs, at, shown, &st);
    if (fd < 0)
        return -1;
    size_t len = 0;
    char *text = NULL;
    FILE *f = fdopen(fd, "rb");
    int result = f ? load_read_stream(f, 0, FN_MAX_FILE, &text, &len) : errno;
    if (f)
        fclose(f);
    else
        close(fd);
    if (result > 0) {
        free(text);
        return read_error(ctx, at, shown, E_FILE_READ, strerror(result), true);
    }
    const char *why = NULL;
    bool too_large = result == LOAD_READ_TOO_LARGE;
    if (too_large)
        why = arena_printf(ctx->arena, "it is larger than the limit of %u MiB",
                           FN_MAX_FILE / (1024u * 1024u));
    else if (memchr(text, '\0', len))
        why = "it holds a NUL byte (only text files can be read)";
    else if (!utf8_valid(text, len))
        why = "it is not valid UTF-8 text";
    const char *name = why ? NULL : display_name(ctx, abs);
    int64_t id = why ? -1 : loaded(ctx->src, name, text, len);
    if (!why && id < 0)
        id = source_add(ctx->src, name, text, len);
    if (id >= 0) // an output must never replace it (output.h)
        source_set_identity(ctx->src, (uint32_t)id, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
    free(text);
    if (why)
        return read_error(ctx, at, shown, too_large ? E_FILE_TOO_LARGE : E_FILE_READ, why,
                          too_large);
    return id;
}

int64_t fn_read_file(FnContext *ctx, const char *abs, Span span)
{
    return read_source(ctx, abs, span, arena_printf(ctx->arena, "\"%s\"", display_name(ctx, abs)));
}

Value *fn_file(FnContext *ctx, const FnCall *call)
{
    PathRef p;
    const char *real;
    if (!path_argument(ctx, call, &p) || !resolve(ctx, &p, &real))
        return fn_invalid(ctx, call);
    if (!real) {
        not_found(ctx, &p);
        return fn_invalid(ctx, call);
    }
    int64_t id = read_source(ctx, real, p.at, p.shown);
    if (id < 0)
        return fn_invalid(ctx, call);
    const SourceFile *f = source_file(ctx->src, (uint32_t)id);
    return value_string_ref(ctx->arena, p.at, f->text, f->len);
}

// True for a regular file, false when nothing is there; a directory or
// another kind of file is an error, as in Terraform.
Value *fn_fileexists(FnContext *ctx, const FnCall *call)
{
    PathRef p;
    const char *real;
    if (!path_argument(ctx, call, &p) || !resolve(ctx, &p, &real))
        return fn_invalid(ctx, call);
    struct stat st;
    if (!real || stat(real, &st) != 0)
        return fn_new_bool(ctx, call, false);
    if (!S_ISREG(st.st_mode))
        return fn_arg_error(ctx, call, 0, "fileexists(%s): %s", p.shown,
                            load_not_regular(st.st_mode));
    return fn_new_bool(ctx, call, true);
}
