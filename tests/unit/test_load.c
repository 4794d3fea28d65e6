// test_load.c - load_path and load_read_file against files in a temporary
// directory: which files are read, in what order, under what names, and how
// each failure is reported.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "project/load.h"

typedef struct Fixture {
    char dir[64]; // the temporary directory, removed by teardown
    Arena arena;
    SourceSet src;
    Diags diags;
    LoadedFiles files;
} Fixture;

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char child[PATH_MAX];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            remove_tree(child);
        }
        closedir(d);
    }
    rmdir(path);
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/hclc-test-load.XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    remove_tree(f->dir);
    arena_free(&f->arena);
    free(f);
    return 0;
}

// Returns "DIR/name" in the fixture's arena.
static const char *path_in(Fixture *f, const char *name)
{
    return arena_printf(&f->arena, "%s/%s", f->dir, name);
}

static void write_file(Fixture *f, const char *name, const char *text)
{
    FILE *out = fopen(path_in(f, name), "wb");
    assert_non_null(out);
    fputs(text, out);
    assert_int_equal(fclose(out), 0);
}

static const char *file_name(Fixture *f, uint32_t i)
{
    return source_file(&f->src, f->files.items[i].file)->name;
}

static LoadStatus load(Fixture *f, const char *path)
{
    return load_path(&f->arena, &f->src, &f->diags, path, &f->files);
}

static void test_load_file_is_named_as_given(void **state)
{
    Fixture *f = *state;
    write_file(f, "main.hcl", "port = 8080\n");
    const char *path = path_in(f, "main.hcl");
    assert_int_equal(load(f, path), LOAD_OK);
    assert_int_equal(f->files.count, 1);
    assert_string_equal(file_name(f, 0), path);
    assert_int_equal(f->files.items[0].body->count, 1);
    assert_int_equal(f->diags.count, 0);
}

static void test_load_dir_reads_hcl_files_sorted_by_strcmp(void **state)
{
    Fixture *f = *state;
    write_file(f, "b.hcl", "b = 1\n");
    write_file(f, "a.hcl", "a = 1\n");
    write_file(f, "B.hcl", "c = 1\n");
    write_file(f, "notes.txt", "not hcl\n");
    write_file(f, ".hidden.hcl", "{{{ not read\n");
    write_file(f, "a.hcl~", "{{{ not read\n");
    assert_int_equal(mkdir(path_in(f, "sub.hcl"), 0700), 0);
    assert_int_equal(load(f, f->dir), LOAD_OK);
    assert_int_equal(f->files.count, 3);
    assert_string_equal(file_name(f, 0), path_in(f, "B.hcl"));
    assert_string_equal(file_name(f, 1), path_in(f, "a.hcl"));
    assert_string_equal(file_name(f, 2), path_in(f, "b.hcl"));
}

static void test_load_dir_trailing_slash_is_not_doubled(void **state)
{
    Fixture *f = *state;
    write_file(f, "a.hcl", "a = 1\n");
    assert_int_equal(load(f, arena_printf(&f->arena, "%s//", f->dir)), LOAD_OK);
    assert_string_equal(file_name(f, 0), path_in(f, "a.hcl"));
}

static void test_load_current_dir_names_files_without_dot_slash(void **state)
{
    Fixture *f = *state;
    char cwd[PATH_MAX];
    assert_non_null(getcwd(cwd, sizeof cwd));
    write_file(f, "a.hcl", "a = 1\n");
    assert_int_equal(chdir(f->dir), 0);
    LoadStatus status = load(f, ".");
    LoadStatus status_slash = load(f, "./");
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(status, LOAD_OK);
    assert_int_equal(status_slash, LOAD_OK);
    assert_string_equal(file_name(f, 0), "a.hcl");
}

static void test_load_missing_file_is_io_error_with_os_message(void **state)
{
    Fixture *f = *state;
    const char *path = path_in(f, "nope.hcl");
    assert_int_equal(load(f, path), LOAD_IO_ERROR);
    assert_int_equal(f->files.count, 0);
    assert_int_equal(f->diags.count, 1);
    const Diag *g = f->diags.items[0];
    assert_int_equal(g->code, E_IO_ERROR);
    assert_true(span_is_none(g->subject));
    assert_string_equal(
        g->summary, arena_printf(&f->arena, "cannot read \"%s\": No such file or directory", path));
}

static void test_load_dir_without_hcl_files_is_io_error(void **state)
{
    Fixture *f = *state;
    write_file(f, "readme.txt", "hello\n");
    assert_int_equal(load(f, f->dir), LOAD_IO_ERROR);
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0]->code, E_IO_ERROR);
    assert_non_null(strstr(f->diags.items[0]->summary, "no .hcl files"));
}

static void test_load_unreadable_entry_stops_before_lexing(void **state)
{
    Fixture *f = *state;
    write_file(f, "a.hcl", "a = {\n");
    assert_int_equal(symlink("missing-target", path_in(f, "b.hcl")), 0);
    assert_int_equal(load(f, f->dir), LOAD_IO_ERROR);
    assert_int_equal(f->files.count, 0);
    // Only the I/O error: a.hcl, though read, was not parsed.
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0]->code, E_IO_ERROR);
}

static void test_load_file_over_limit_is_refused_unread(void **state)
{
    Fixture *f = *state;
    const char *path = path_in(f, "big.hcl");
    int fd = open(path, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    // Sparse: no disk space is used, and the size check happens before reading.
    assert_int_equal(ftruncate(fd, (off_t)SOURCE_MAX_BYTES + 1), 0);
    close(fd);
    assert_int_equal(load(f, path), LOAD_IO_ERROR);
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0]->code, E_FILE_TOO_LARGE);
    assert_int_equal(f->src.count, 0);
}

static void test_load_read_file_of_directory_is_io_error(void **state)
{
    Fixture *f = *state;
    uint32_t file;
    assert_int_equal(load_read_file(&f->src, &f->diags, f->dir, &file), LOAD_IO_ERROR);
    assert_int_equal(f->diags.items[0]->code, E_IO_ERROR);
    assert_non_null(strstr(f->diags.items[0]->summary, "it is a directory"));
}

// A FIFO with no writer would block a plain open() for ever.
static void test_load_read_file_of_fifo_is_refused_without_blocking(void **state)
{
    Fixture *f = *state;
    const char *path = path_in(f, "pipe.hcl");
    assert_int_equal(mkfifo(path, 0600), 0);
    uint32_t file;
    assert_int_equal(load_read_file(&f->src, &f->diags, path, &file), LOAD_IO_ERROR);
    assert_int_equal(f->diags.items[0]->code, E_IO_ERROR);
    assert_non_null(strstr(f->diags.items[0]->summary, "it is a FIFO, not a regular file"));
    assert_int_equal(f->src.count, 0);
}

// The identity of a file read is kept, so that no output replaces it.
static void test_load_read_file_records_device_and_inode(void **state)
{
    Fixture *f = *state;
    write_file(f, "a.hcl", "a = 1");
    struct stat st;
    assert_int_equal(stat(path_in(f, "a.hcl"), &st), 0);
    assert_false(source_reads(&f->src, (uint64_t)st.st_dev, (uint64_t)st.st_ino));
    uint32_t file;
    assert_int_equal(load_read_file(&f->src, &f->diags, path_in(f, "a.hcl"), &file), LOAD_OK);
    assert_true(source_reads(&f->src, (uint64_t)st.st_dev, (uint64_t)st.st_ino));
    assert_false(source_reads(&f->src, (uint64_t)st.st_dev, (uint64_t)st.st_ino + 1));
}

static void test_load_read_file_keeps_bytes_exactly(void **state)
{
    Fixture *f = *state;
    write_file(f, "crlf.hcl", "a = 1\r\nb = 2");
    uint32_t file;
    assert_int_equal(load_read_file(&f->src, &f->diags, path_in(f, "crlf.hcl"), &file), LOAD_OK);
    const SourceFile *sf = source_file(&f->src, file);
    assert_int_equal(sf->len, 12);
    assert_memory_equal(sf->text, "a = 1\r\nb = 2", 12);
}

static void test_load_comments_only_is_empty_input_at_1_1(void **state)
{
    Fixture *f = *state;
    write_file(f, "empty.hcl", "# nothing here\n\n");
    const char *path = path_in(f, "empty.hcl");
    assert_int_equal(load(f, path), LOAD_INPUT_ERRORS);
    assert_int_equal(f->diags.count, 1);
    const Diag *g = f->diags.items[0];
    assert_int_equal(g->code, E_EMPTY_INPUT);
    assert_int_equal(g->subject.file, f->files.items[0].file);
    assert_int_equal(g->subject.start, 0);
    assert_string_equal(g->summary,
                        arena_printf(&f->arena, "no blocks or attributes in \"%s\"", path));
    assert_non_null(g->notes);
}

static void test_load_dir_with_one_nonempty_file_is_not_empty(void **state)
{
    Fixture *f = *state;
    write_file(f, "a.hcl", "");
    write_file(f, "b.hcl", "b = 1\n");
    assert_int_equal(load(f, f->dir), LOAD_OK);
    assert_int_equal(f->files.count, 2);
}

static void test_load_syntax_error_is_input_error_without_empty_input(void **state)
{
    Fixture *f = *state;
    write_file(f, "bad.hcl", "a = \n");
    assert_int_equal(load(f, path_in(f, "bad.hcl")), LOAD_INPUT_ERRORS);
    assert_true(diags_has_errors(&f->diags));
    for (size_t i = 0; i < f->diags.count; i++)
        assert_int_not_equal(f->diags.items[i]->code, E_EMPTY_INPUT);
}

static void test_load_invalid_utf8_is_not_parsed(void **state)
{
    Fixture *f = *state;
    // The lexer stops at the bad byte; parsing the rest would report the
    // unclosed brace as a second, follow-on error.
    write_file(f, "utf8.hcl", "a = {\n  b = \"\xff\"\n}\n");
    assert_int_equal(load(f, path_in(f, "utf8.hcl")), LOAD_INPUT_ERRORS);
    assert_true(f->diags.count >= 1);
    for (size_t i = 0; i < f->diags.count; i++)
        assert_true(f->diags.items[i]->code < 100);
    assert_int_equal(f->files.items[0].body->count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_load_file_is_named_as_given),
        T(test_load_dir_reads_hcl_files_sorted_by_strcmp),
        T(test_load_dir_trailing_slash_is_not_doubled),
        T(test_load_current_dir_names_files_without_dot_slash),
        T(test_load_missing_file_is_io_error_with_os_message),
        T(test_load_dir_without_hcl_files_is_io_error),
        T(test_load_unreadable_entry_stops_before_lexing),
        T(test_load_file_over_limit_is_refused_unread),
        T(test_load_read_file_of_directory_is_io_error),
        T(test_load_read_file_of_fifo_is_refused_without_blocking),
        T(test_load_read_file_records_device_and_inode),
        T(test_load_read_file_keeps_bytes_exactly),
        T(test_load_comments_only_is_empty_input_at_1_1),
        T(test_load_dir_with_one_nonempty_file_is_not_empty),
        T(test_load_syntax_error_is_input_error_without_empty_input),
        T(test_load_invalid_utf8_is_not_parsed),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
