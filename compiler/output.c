// output.c - writes output files all or nothing, never replacing what is
// not a regular file, never replacing a file the run read. See output.h.
//
// A write runs in phases: look at every path (plan), create the missing
// directories, write every regular file to a temporary name beside its
// destination, make them durable (one syncfs per filesystem on Linux, not
// an fsync per file: a build writes thousands), write into the devices and
// FIFOs, then rename the temporary files into place. A failure before the
// renames undoes everything done.
#ifdef __linux__
#define _GNU_SOURCE // syncfs
#endif
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum TargetKind {
    TARGET_NEW,     // nothing there yet: a new regular file
    TARGET_REPLACE, // a regular file (maybe behind links), replaced by rename
    TARGET_NODE,    // a device, FIFO or socket: written into as it is
} TargetKind;

typedef struct Target {
    const OutputFile *file;
    TargetKind kind;
    const char *dest; // the path renamed onto (links resolved), or the node written into
    char *tmp;        // the temporary file beside dest, while it exists
    dev_t tmp_dev;    // the filesystem that holds it
    struct stat old;  // TARGET_REPLACE, TARGET_NODE: what is there now
    bool renamed;     // the temporary file took dest's place
} Target;

typedef struct Writer {
    Diags *diags;
    Arena *arena;
    Target *targets;
    uint32_t n;
    const char **made; // directories this write created, outermost first
    uint32_t nmade;
    bool sensitive;
    mode_t umask;
} Writer;

// --- checking -----------------------------------------------------------------

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static bool is_hcl_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".hcl") == 0;
}

// True when the existing file `out` (real path `real`) is `input`, or one
// of its *.hcl files when `input` is a directory.
static bool is_input(const char *real, const struct stat *out, const char *input)
{
    struct stat in;
    if (stat(input, &in) != 0)
        return false;
    if (!S_ISDIR(in.st_mode))
        return same_file(&in, out);
    const char *slash = strrchr(real, '/');
    if (!slash || !is_hcl_name(slash + 1))
        return false;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash == real ? 1 : (int)(slash - real), real);
    struct stat st;
    return stat(dir, &st) == 0 && same_file(&st, &in);
}

static bool refuse(Diags *diags, const char *path, const char *why, const char *help)
{
    Diag *g = diag_error(diags, E_OUTPUT_PATH, span_none(), "cannot write \"%s\": %s", path, why);
    if (help)
        diag_help(diags, g, "%s", help);
    return false;
}

static bool check_one(Diags *diags, const char *path, const SourceSet *read,
                      const char *const *inputs, uint32_t ninputs)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        struct stat link;
        if (errno == ENOENT && lstat(path, &link) == 0)
            return refuse(diags, path, "it is a symbolic link to a missing file", NULL);
        return true; // nothing there: no input either; the write reports other errors
    }
    if (S_ISDIR(st.st_mode))
        return refuse(diags, path, "it is a directory",
                      "an output is a file: give a file name (--out-dir DIR names a directory)");
    const char *help = "an output never replaces a file that hclc reads: choose another name";
    if (read && source_reads(read, (uint64_t)st.st_dev, (uint64_t)st.st_ino))
        return refuse(diags, path, "the run reads this file", help);
    char *real = realpath(path, NULL);
    bool found = false;
    for (uint32_t i = 0; real && i < ninputs && !found; i++)
        found = is_input(real, &st, inputs[i]);
    free(real);
    return found ? refuse(diags, path, "the run reads this file", help) : true;
}

bool output_check(Diags *diags, const OutputFile *files, uint32_t n, const SourceSet *read,
                  const char *const *inputs, uint32_t ninputs)
{
    bool ok = true;
    for (uint32_t i = 0; i < n; i++)
        ok &= check_one(diags, files[i].path, read, inputs, ninputs);
    return ok;
}

// --- planning -------------------------------------------------------------------

static bool io_error(Writer *w, const char *path, const char *why)
{
    diag_error(w->diags, E_IO_ERROR, span_none(), "cannot write \"%s\": %s", path, why);
    return false;
}

// Looks at what is at the path now and decides how to write it.
static bool plan(Writer *w, Target *t)
{
    const char *path = t->file->path;
    if (!t->file->text) {
        diag_error(w->diags, E_OUTPUT_NOT_PRODUCED, span_none(),
                   "the output for \"%s\" could not be produced", path);
        return false;
    }
    if (stat(path, &t->old) != 0) {
        if (errno != ENOENT)
            return io_error(w, path, strerror(errno));
        t->kind = TARGET_NEW;
        t->dest = path;
        return true;
    }
    if (S_ISDIR(t->old.st_mode))
        return io_error(w, path, "it is a directory");
    if (!S_ISREG(t->old.st_mode)) {
        t->kind = TARGET_NODE;
        t->dest = path;
        return true;
    }
    char *real = realpath(path, NULL); // a link is kept: its target is replaced
    if (!real)
        return io_error(w, path, strerror(errno));
    t->kind = TARGET_REPLACE;
    t->dest = arena_strdup(w->arena, real);
    free(real);
    return true;
}

// The directory part of `path` ("." when it has none).
static const char *dir_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    return arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path));
}

// Creates `dir` and its missing parents, remembering each one created.
static bool make_dirs(Writer *w, const char *dir)
{
    char *path = arena_strdup(w->arena, dir);
    size_t n = strlen(path);
    for (size_t i = 1; i <= n; i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        path[i] = '\0';
        if (mkdir(path, 0777) == 0) {
            w->made[w->nmade++] = arena_strdup(w->arena, path);
        } else if (errno != EEXIST) {
            int err = errno;
            path[i] = i < n ? '/' : '\0';
            diag_error(w->diags, E_IO_ERROR, span_none(), "cannot create directory \"%s\": %s", dir,
                       strerror(err));
            return false;
        }
        path[i] = i < n ? '/' : '\0';
    }
    struct stat st;
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return true;
    diag_error(w->diags, E_IO_ERROR, span_none(), "cannot create directory \"%s\": %s", dir,
               strerror(ENOTDIR));
    return false;
}

// --- writing --------------------------------------------------------------------

static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t k = write(fd, text, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        text += k;
        len -= (size_t)k;
    }
    return true;
}

// Closes `fd` after writing `path`; false after reporting when `ok` is
// false (errno says why) or when close fails.
static bool finish(Writer *w, const char *path, int fd, bool ok)
{
    int err = ok ? 0 : errno ? errno : EIO;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    return ok ? true : io_error(w, path, strerror(err));
}

// The mode (and, as root, the owner) the file at t->dest gets.
static bool set_mode(const Writer *w, const Target *t, int fd)
{
    if (t->kind != TARGET_REPLACE)
        return fchmod(fd, w->sensitive ? 0600 : 0666 & ~w->umask) == 0;
    // fchown first: it clears the set-user-ID bit that fchmod then restores.
    if (geteuid() == 0 && fchown(fd, t->old.st_uid, t->old.st_gid) != 0)
        return false;
    return fchmod(fd, t->old.st_mode & 07777) == 0;
}

// Writes the text to a new temporary file beside t->dest.
static bool write_temp(Writer *w, Target *t)
{
    const char *path = t->file->path;
    size_t n = strlen(t->dest) + sizeof ".tmpXXXXXX";
    t->tmp = xmalloc(n);
    snprintf(t->tmp, n, "%s.tmpXXXXXX", t->dest);
    int fd = mkstemp(t->tmp);
    if (fd < 0) {
        free(t->tmp);
        t->tmp = NULL;
        return io_error(w, path, strerror(errno));
    }
    struct stat st;
    bool ok =
        set_mode(w, t, fd) && write_all(fd, t->file->text, t->file->len) && fstat(fd, &st) == 0;
    t->tmp_dev = ok ? st.st_dev : 0;
    return finish(w, path, fd, ok);
}

// Flushes temporary file `t` to disk: with syncfs, the whole filesystem
// that holds it (and so every other temporary file there).
static bool sync_temp(Writer *w, const Target *t)
{
    int fd = open(t->tmp, O_RDONLY);
    if (fd < 0)
        return io_error(w, t->file->path, strerror(errno));
#ifdef __linux__
    bool ok = syncfs(fd) == 0;
#else
    bool ok = fsync(fd) == 0;
#endif
    return finish(w, t->file->path, fd, ok);
}

// Makes every temporary file durable before the first rename, so that a
// crash never leaves a renamed file without its text.
static bool sync_temps(Writer *w)
{
    for (uint32_t i = 0; i < w->n; i++) {
        const Target *t = &w->targets[i];
        if (t->kind == TARGET_NODE)
            continue;
        bool done = false;
#ifdef __linux__
        for (uint32_t j = 0; j < i && !done; j++) // one syncfs per filesystem
            done = w->targets[j].kind != TARGET_NODE && w->targets[j].tmp_dev == t->tmp_dev;
#endif
        if (!done && !sync_temp(w, t))
            return false;
    }
    return true;
}

// Why open() of a node failed with ENXIO.
static const char *no_reader(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "no process reads from the FIFO";
    if (S_ISSOCK(mode))
        return "it is a socket, which cannot be opened as a file";
    return "it is a device with no driver";
}

// Opens a device or FIFO without blocking (a FIFO nobody reads would block
// for ever), then writes blocking, at the reader's pace.
static bool write_node(Writer *w, const Target *t)
{
    const char *path = t->file->path;
    int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0 && errno == ENXIO)
        return io_error(w, path, no_reader(t->old.st_mode));
    if (fd < 0)
        return io_error(w, path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
        close(fd); // replaced by a file since it was planned: not written into
        return io_error(w, path, "it changed while hclc was writing");
    }
    int flags = fcntl(fd, F_GETFL);
    bool ok = flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 &&
              write_all(fd, t->file->text, t->file->len);
    return finish(w, path, fd, ok);
}

// Undoes what a failed write did: temporary files, new files, directories.
static void roll_back(Writer *w)
{
    for (uint32_t i = 0; i < w->n; i++) {
        Target *t = &w->targets[i];
        if (t->tmp && !t->renamed)
            unlink(t->tmp);
        if (t->renamed && t->kind == TARGET_NEW)
            unlink(t->dest);
    }
    for (uint32_t i = w->nmade; i-- > 0;)
        rmdir(w->made[i]);
}

static bool write_phases(Writer *w)
{
    for (uint32_t i = 0; i < w->n; i++)
        if (!plan(w, &w->targets[i]))
            return false;
    const char *made = NULL; // the directory of the previous new file: there already
    for (uint32_t i = 0; i < w->n; i++) {
        if (w->targets[i].kind != TARGET_NEW)
            continue;
        const char *dir = dir_of(w->arena, w->targets[i].dest);
        if (made && strcmp(made, dir) == 0)
            continue;
        if (!make_dirs(w, dir))
            return false;
        made = dir;
    }
    // "new/../main.hcl" names main.hcl once "new" exists: a path planned as
    // new must still lead nowhere.
    struct stat st;
    for (uint32_t i = 0; i < w->n; i++)
        if (w->targets[i].kind == TARGET_NEW && lstat(w->targets[i].dest, &st) == 0)
            return io_error(w, w->targets[i].file->path,
                            "through the directories created for it, it names an existing file");
    for (uint32_t i = 0; i < w->n; i++)
        if (w->targets[i].kind != TARGET_NODE && !write_temp(w, &w->targets[i]))
            return false;
    if (!sync_temps(w))
        return false;
    for (uint32_t i = 0; i < w->n; i++)
        if (w->targets[i].kind == TARGET_NODE && !write_node(w, &w->targets[i]))
            return false;
    for (uint32_t i = 0; i < w->n; i++) {
        Target *t = &w->targets[i];
        if (t->kind == TARGET_NODE)
            continue;
        if (rename(t->tmp, t->dest) != 0)
            return io_error(w, t->file->path, strerror(errno));
        t->renamed = true;
    }
    return true;
}

bool output_write(Diags *diags, const OutputFile *files, uint32_t n, bool sensitive)
{
    Writer w = {diags, diags->arena, NULL, n, NULL, 0, sensitive, 0};
    w.umask = umask(0);
    umask(w.umask);
    w.targets = arena_alloc(w.arena, ((size_t)n + 1) * sizeof(Target));
    memset(w.targets, 0, ((size_t)n + 1) * sizeof(Target));
    for (uint32_t i = 0; i < n; i++)
        w.targets[i].file = &files[i];
    // A new file's directory creates at most one directory per path element.
    size_t most = (size_t)n + 1;
    for (uint32_t i = 0; i < n; i++)
        for (const char *p = files[i].path; *p; p++)
            most += *p == '/';
    w.made = arena_alloc(w.arena, most * sizeof(char *));
    bool ok = write_phases(&w);
    if (!ok)
        roll_back(&w);
    for (uint32_t i = 0; i < n; i++)
        free(w.targets[i].tmp);
    return ok;
}
