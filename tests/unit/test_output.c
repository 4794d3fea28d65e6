// test_output.c - output_check and output_write against a temporary
// directory: modes kept and given, links kept, FIFOs written into, and a
// failed set of files leaving nothing behind.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

typedef struct Fixture {
    char dir[64]; // the temporary directory, removed by teardown
    Arena arena;
    SourceSet src;
    Diags diags;
    mode_t umask;
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
    strcpy(f->dir, "/tmp/hclc-test-output.XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
    f->umask = umask(022);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    umask(f->umask);
    remove_tree(f->dir);
    arena_free(&f->arena);
    free(f);
    return 0;
}

static const char *path_in(Fixture *f, const char *name)
{
    return arena_printf(&f->arena, "%s/%s", f->dir, name);
}

static void write_file(Fixture *f, const char *name, const char *text, mode_t mode)
{
    FILE *out = fopen(path_in(f, name), "wb");
    assert_non_null(out);
    fputs(text, out);
    assert_int_equal(fclose(out), 0);
    assert_int_equal(chmod(path_in(f, name), mode), 0);
}

static const char *read_text(Fixture *f, const char *name)
{
    static char buf[256];
    FILE *in = fopen(path_in(f, name), "rb");
    assert_non_null(in);
    size_t n = fread(buf, 1, sizeof buf - 1, in);
    fclose(in);
    buf[n] = '\0';
    return buf;
}

static mode_t mode_of(Fixture *f, const char *name)
{
    struct stat st;
    assert_int_equal(lstat(path_in(f, name), &st), 0);
    return st.st_mode;
}

// Entries of the fixture's directory (temporary files would show here).
static int entries(Fixture *f)
{
    DIR *d = opendir(f->dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void test_output_new_file_gets_umask_mode_or_0600_when_sensitive(void **state)
{
    Fixture *f = *state;
    OutputFile plain = {path_in(f, "a.json"), "{}\n", 3};
    OutputFile secret = {path_in(f, "s.tfvars"), "pw = 1\n", 7};
    assert_true(output_write(&f->diags, &plain, 1, false));
    assert_true(output_write(&f->diags, &secret, 1, true));
    assert_int_equal(mode_of(f, "a.json") & 07777, 0644);
    assert_int_equal(mode_of(f, "s.tfvars") & 07777, 0600);
    assert_string_equal(read_text(f, "a.json"), "{}\n");
    assert_int_equal(entries(f), 2);
}

static void test_output_replaced_file_keeps_mode_and_link(void **state)
{
    Fixture *f = *state;
    write_file(f, "real.json", "old", 0640);
    assert_int_equal(symlink("real.json", path_in(f, "link.json")), 0);
    OutputFile out = {path_in(f, "link.json"), "new", 3};
    assert_true(output_write(&f->diags, &out, 1, true));
    assert_true(S_ISLNK(mode_of(f, "link.json")));
    assert_int_equal(mode_of(f, "real.json") & 07777, 0640);
    assert_string_equal(read_text(f, "real.json"), "new");
    assert_int_equal(entries(f), 2);
}

// A FIFO nobody reads fails the write without blocking; the files written
// before it, and the directories made for them, are gone again.
static void test_output_failure_leaves_nothing_behind(void **state)
{
    Fixture *f = *state;
    write_file(f, "old.json", "old", 0644);
    assert_int_equal(mkfifo(path_in(f, "pipe"), 0644), 0);
    OutputFile files[] = {
        {path_in(f, "old.json"), "new", 3},
        {path_in(f, "made/deeper/x.json"), "x", 1},
        {path_in(f, "pipe"), "p", 1},
    };
    assert_false(output_write(&f->diags, files, 3, false));
    assert_int_equal(f->diags.items[0]->code, E_IO_ERROR);
    assert_non_null(strstr(f->diags.items[0]->summary, "no process reads from the FIFO"));
    assert_string_equal(read_text(f, "old.json"), "old");
    assert_true(S_ISFIFO(mode_of(f, "pipe")));
    assert_int_equal(entries(f), 2);
}

static void test_output_device_is_written_into(void **state)
{
    Fixture *f = *state;
    OutputFile out = {"/dev/null", "x", 1};
    assert_true(output_write(&f->diags, &out, 1, false));
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
}

static void test_output_not_produced_writes_nothing(void **state)
{
    Fixture *f = *state;
    write_file(f, "out.json", "old", 0644);
    OutputFile out = {path_in(f, "out.json"), NULL, 0};
    assert_false(output_write(&f->diags, &out, 1, false));
    assert_int_equal(f->diags.items[0]->code, E_OUTPUT_NOT_PRODUCED);
    assert_string_equal(read_text(f, "out.json"), "old");
    assert_int_equal(entries(f), 1);
}

static void test_output_check_refuses_directories_and_inputs(void **state)
{
    Fixture *f = *state;
    write_file(f, "main.hcl", "a = 1", 0644);
    write_file(f, "vars.tfvars", "a = 1", 0644);
    write_file(f, "read.txt", "x", 0644);
    assert_int_equal(link(path_in(f, "read.txt"), path_in(f, "hard.txt")), 0);
    struct stat st;
    assert_int_equal(stat(path_in(f, "read.txt"), &st), 0);
    uint32_t id = source_add(&f->src, "read.txt", "x", 1);
    source_set_identity(&f->src, id, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
    const char *inputs[] = {f->dir, path_in(f, "vars.tfvars")};
    const char *refused[] = {f->dir, "main.hcl", "vars.tfvars", "hard.txt"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        OutputFile out = {i ? path_in(f, refused[i]) : f->dir, "", 0};
        size_t before = f->diags.count;
        assert_false(output_check(&f->diags, &out, 1, &f->src, inputs, 2));
        assert_int_equal(f->diags.count, before + 1);
        assert_int_equal(f->diags.items[before]->code, E_OUTPUT_PATH);
    }
    OutputFile fine[] = {{path_in(f, "other.json"), "", 0}, {path_in(f, "x/y.hcl"), "", 0}};
    assert_true(output_check(&f->diags, fine, 2, &f->src, inputs, 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_output_new_file_gets_umask_mode_or_0600_when_sensitive),
        T(test_output_replaced_file_keeps_mode_and_link),
        T(test_output_failure_leaves_nothing_behind),
        T(test_output_device_is_written_into),
        T(test_output_not_produced_writes_nothing),
        T(test_output_check_refuses_directories_and_inputs),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
