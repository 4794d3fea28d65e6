// load.c - reads a file or a directory's *.hcl files, then lexes and parses
// each one. See load.h for the contract. All file-system access of the front
// end happens here; failures become E09xx diagnostics with no span, and the
// OS's own message (strerror, in the C locale since hclc never calls
// setlocale).
#include "project/load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "syntax/parse.h"

#define READ_CHUNK (64u * 1024u)
#define MAX_MIB (SOURCE_MAX_BYTES / (1024u * 1024u))

#define READ_TOO_LARGE LOAD_READ_TOO_LARGE

typedef struct NameList {
    char **items;
    uint32_t count, cap;
} NameList;

static LoadStatus io_error(Diags *diags, const char *path, int err)
{
    diag_error(diags, E_IO_ERROR, span_none(), "cannot read \"%s\": %s", path, strerror(err));
    return LOAD_IO_ERROR;
}

static LoadStatus too_large(Diags *diags, const char *path)
{
    Diag *g = diag_error(diags, E_FILE_TOO_LARGE, span_none(), "file \"%s\" is larger than %u MiB",
                         path, MAX_MIB);
    diag_help(diags, g, "hclc reads source files of at most %u MiB", MAX_MIB);
    return LOAD_IO_ERROR;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

LoadFormat load_format(const char *path)
{
    if (ends_with(path, ".json"))
        return LOAD_FORMAT_JSON;
    if (ends_with(path, ".yaml") || ends_with(path, ".yml"))
        return LOAD_FORMAT_YAML;
    return LOAD_FORMAT_HCL;
}

int load_read_stream(FILE *f, size_t hint, size_t limit, char **data, size_t *len)
{
    size_t cap = hint + 1 > READ_CHUNK ? hint + 1 : READ_CHUNK;
    char *buf = xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap > limit)
                break;
            cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int result = 0;
    if (ferror(f))
        result = errno ? errno : EIO;
    else if (n > limit)
        result = READ_TOO_LARGE;
    *data = buf;
    *len = n;
    return result;
}

const char *load_not_regular(mode_t mode)
{
    if (S_ISDIR(mode))
        return "it is a directory";
    if (S_ISFIFO(mode))
        return "it is a FIFO, not a regular file";
    if (S_ISCHR(mode))
        return "it is a character device, not a regular file";
    if (S_ISBLK(mode))
        return "it is a block device, not a regular file";
    if (S_ISSOCK(mode))
        return "it is a socket, not a regular file";
    return "it is not a regular file";
}

int load_open_regular(const char *path, struct stat *st, const char **why)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        *why = strerror(errno);
        return -1;
    }
    if (fstat(fd, st) != 0) {
        *why = strerror(errno);
        close(fd);
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        *why = load_not_regular(st->st_mode);
        close(fd);
        return -1;
    }
    return fd;
}

LoadStatus load_read_file(SourceSet *src, Diags *diags, const char *path, uint32_t *file)
{
    const SourceOverlay *o = source_overlay(src, path);
    if (o) {
        if (o->len > SOURCE_MAX_BYTES)
            return too_large(diags, path);
        *file = source_add(src, path, o->text, o->len);
        return LOAD_OK;
    }
    struct stat st;
    const char *why;
    int fd = load_open_regular(path, &st, &why);
    if (fd < 0) {
        diag_error(diags, E_IO_ERROR, span_none(), "cannot read \"%s\": %s", path, why);
        return LOAD_IO_ERROR;
    }
    if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
        close(fd);
        return too_large(diags, path);
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int err = errno;
        close(fd);
        return io_error(diags, path, err);
    }
    char *data;
    size_t len;
    errno = 0;
    int result = load_read_stream(f, (size_t)st.st_size, SOURCE_MAX_BYTES, &data, &len);
    fclose(f);
    if (result == 0) {
        *file = source_add_owned(src, path, data, len);
        source_set_identity(src, *file, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
    } else {
        free(data);
    }
    if (result == READ_TOO_LARGE)
        return too_large(diags, path);
    if (result != 0)
        return io_error(diags, path, result);
    return LOAD_OK;
}

static bool is_hcl_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".hcl") == 0;
}

static void names_push(Arena *arena, NameList *list, const char *name)
{
    BUF_RESERVE(arena, list->items, list->count, list->cap);
    list->items[list->count++] = arena_strdup(arena, name);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// Returns DIR/NAME as the user would write it: no doubled slash after a
// trailing one, and NAME alone when DIR is the current directory.
static char *entry_path(Arena *arena, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 1 && dir[0] == '.')
        return arena_strdup(arena, name);
    if (n == 1 && dir[0] == '/')
        return arena_printf(arena, "/%s", name);
    return arena_printf(arena, "%.*s/%s", (int)n, dir, name);
}

// Adds the names of the overlays (editor buffers) of .hcl files in `dir`
// that are not on disk yet.
static void add_overlay_names(Arena *arena, const SourceSet *src, const char *dir, NameList *names)
{
    for (uint32_t i = 0; i < src->noverlays; i++) {
        const char *path = src->overlays[i].path;
        const char *slash = strrchr(path, '/');
        const char *base = slash ? slash + 1 : path;
        if (!is_hcl_name(base) || strcmp(entry_path(arena, dir, base), path) != 0)
            continue;
        bool known = false;
        for (uint32_t k = 0; k < names->count && !known; k++)
            known = strcmp(names->items[k], base) == 0;
        if (!known)
            names_push(arena, names, base);
    }
}

// Collects the full paths of the directory's .hcl entries, sorted by name.
// Entries that are not regular files (a subdirectory or a FIFO named *.hcl)
// are skipped; one that cannot be examined is kept, so reading it reports why.
static LoadStatus list_dir(Arena *arena, const SourceSet *src, Diags *diags, const char *dir,
                           NameList *paths)
{
    DIR *d = opendir(dir);
    if (!d)
        return io_error(diags, dir, errno);
    NameList names = {0};
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (is_hcl_name(e->d_name))
            names_push(arena, &names, e->d_name);
        errno = 0;
    }
    int err = errno;
    closedir(d);
    if (err)
        return io_error(diags, dir, err);
    add_overlay_names(arena, src, dir, &names);
    if (names.count)
        qsort(names.items, names.count, sizeof(char *), compare_names);
    for (uint32_t i = 0; i < names.count; i++) {
        char *path = entry_path(arena, dir, names.items[i]);
        struct stat st;
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
            continue;
        names_push(arena, paths, path);
    }
    return LOAD_OK;
}

static LoadStatus no_hcl_files(Diags *diags, const char *dir)
{
    Diag *g = diag_error(diags, E_IO_ERROR, span_none(), "no .hcl files in directory \"%s\"", dir);
    diag_help(diags, g, "a directory argument means the *.hcl files directly inside it");
    return LOAD_IO_ERROR;
}

// Reads every path into `src`, reporting each failure; the first file read
// gets index *first and the others follow it.
static LoadStatus read_files(SourceSet *src, Diags *diags, const NameList *paths, uint32_t *first)
{
    LoadStatus status = LOAD_OK;
    *first = src->count;
    for (uint32_t i = 0; i < paths->count; i++) {
        uint32_t file;
        if (load_read_file(src, diags, paths->items[i], &file) != LOAD_OK)
            status = LOAD_IO_ERROR;
    }
    return status;
}

// True when the diagnostics from index `from` on say the lexer stopped.
static bool lexer_stopped(const Diags *diags, size_t from)
{
    for (size_t i = from; i < diags->count; i++) {
        DiagCode code = diags->items[i]->code;
        if (code == E_BAD_UTF8 || code == E_NUL_BYTE)
            return true;
    }
    return false;
}

// Parses into `tree` (which may be `arena`): a tree of its own counts in
// `arena`'s budget from the start of the parse (arena_lend).
static Body *parse_tokens(Arena *arena, Arena *tree, const TokenList *tokens, Diags *diags)
{
    if (tree == arena)
        return parse_file(arena, tokens, diags);
    ArenaLoan loan = arena_lend(tree, arena);
    Body *b = parse_file_split(arena, tree, tokens, diags);
    arena_settle(tree, arena, loan);
    return b;
}

static void parse_into(Arena *arena, Arena *tree, const SourceSet *src, Diags *diags, uint32_t file,
                       LoadedFile *out)
{
    size_t before = diags->count;
    out->file = file;
    out->tokens = lex_file(arena, src, file, diags);
    if (!lexer_stopped(diags, before)) {
        out->body = parse_tokens(arena, tree, &out->tokens, diags);
        lex_release(arena, &out->tokens); // the tree holds what it needs
        return;
    }
    out->body = arena_alloc(arena, sizeof(Body));
    out->body->span = span_make(file, 0, 0);
}

void load_parse_file(Arena *arena, const SourceSet *src, Diags *diags, uint32_t file,
                     LoadedFile *out)
{
    parse_into(arena, arena, src, diags, file, out);
}

static bool any_items(const LoadedFiles *files)
{
    for (uint32_t i = 0; i < files->count; i++)
        if (files->items[i].body->count > 0)
            return true;
    return false;
}

static void empty_input(Diags *diags, const LoadedFiles *files, const char *path, bool is_dir)
{
    Span at = span_make(files->items[0].file, 0, 0);
    const char *what = is_dir ? "the .hcl files of " : "";
    Diag *g =
        diag_error(diags, E_EMPTY_INPUT, at, "no blocks or attributes in %s\"%s\"", what, path);
    diag_help(diags, g, "add attributes (name = value) or blocks (type \"label\" { ... })");
}

LoadStatus load_path(Arena *arena, SourceSet *src, Diags *diags, const char *path, LoadedFiles *out)
{
    return load_path_split(arena, arena, src, diags, path, out);
}

LoadStatus load_path_split(Arena *arena, Arena *tree, SourceSet *src, Diags *diags,
                           const char *path, LoadedFiles *out)
{
    out->items = NULL;
    out->count = 0;
    struct stat st;
    if (stat(path, &st) != 0)
        return io_error(diags, path, errno);
    bool is_dir = S_ISDIR(st.st_mode);
    NameList paths = {0};
    if (is_dir) {
        if (list_dir(arena, src, diags, path, &paths) != LOAD_OK)
            return LOAD_IO_ERROR;
        if (paths.count == 0)
            return no_hcl_files(diags, path);
    } else {
        names_push(arena, &paths, path);
    }
    uint32_t first;
    if (read_files(src, diags, &paths, &first) != LOAD_OK)
        return LOAD_IO_ERROR;

    size_t errors_before = diags->errors;
    out->items = arena_alloc(arena, paths.count * sizeof(LoadedFile));
    out->count = paths.count;
    for (uint32_t i = 0; i < paths.count; i++)
        parse_into(arena, tree, src, diags, first + i, &out->items[i]);
    if (diags->errors > errors_before)
        return LOAD_INPUT_ERRORS;
    if (!any_items(out)) {
        empty_input(diags, out, path, is_dir);
        return LOAD_INPUT_ERRORS;
    }
    return LOAD_OK;
}
