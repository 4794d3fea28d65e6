// test_lsp.c - the language server's pieces below the protocol loop:
// Content-Length framing over a pipe (good, malformed, oversized and
// truncated messages), UTF-16 and UTF-8 positions, file: URIs, and the
// function table that hover and completion read.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "funcs/funcs.h"
#include "lsp/lsp_impl.h"

// A reader over a pipe holding `data` (then closed).
static void reader_on(LspReader *r, const char *data, size_t len)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    assert_int_equal(write(fd[1], data, len), (ssize_t)len);
    close(fd[1]);
    lsp_reader_init(r, fd[0]);
}

static void reader_done(LspReader *r)
{
    close(r->fd);
    lsp_reader_free(r);
}

static void test_lsp_read_frames_messages(void **state)
{
    (void)state;
    static const char in[] = "Content-Length: 2\r\n\r\n{}content-length:3\r\nX: y\r\n\r\n[1]";
    LspReader r;
    reader_on(&r, in, sizeof in - 1);
    char *body;
    size_t len;
    const char *why;
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_MESSAGE);
    assert_string_equal(body, "{}");
    free(body);
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_MESSAGE);
    assert_int_equal(len, 3);
    assert_string_equal(body, "[1]");
    free(body);
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_EOF);
    reader_done(&r);
}

static void test_lsp_read_skips_bad_headers_and_goes_on(void **state)
{
    (void)state;
    static const char in[] = "Content-Length: -1\r\n\r\nContent-Length: 1e3\r\n\r\n"
                             "garbage\r\n\r\nContent-Length: 1\r\n\r\n7";
    LspReader r;
    reader_on(&r, in, sizeof in - 1);
    char *body;
    size_t len;
    const char *why;
    for (int i = 0; i < 3; i++)
        assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_BAD);
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_MESSAGE);
    assert_string_equal(body, "7");
    free(body);
    reader_done(&r);
}

static void test_lsp_read_drains_an_oversized_body(void **state)
{
    (void)state;
    char head[64];
    int n = snprintf(head, sizeof head, "Content-Length: %u\r\n\r\n", LSP_MAX_MESSAGE + 1);
    LspReader r;
    reader_on(&r, head, (size_t)n); // the body never comes: the end of input, no hang
    char *body;
    size_t len;
    const char *why;
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_BAD);
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_EOF);
    reader_done(&r);
}

static void test_lsp_read_truncated_body_is_the_end(void **state)
{
    (void)state;
    static const char in[] = "Content-Length: 10\r\n\r\n{\"a\":";
    LspReader r;
    reader_on(&r, in, sizeof in - 1);
    char *body;
    size_t len;
    const char *why;
    assert_int_equal(lsp_read(&r, true, &body, &len, &why), LSP_READ_EOF);
    reader_done(&r);
}

static void test_lsp_offset_counts_utf16_or_bytes(void **state)
{
    (void)state;
    // "é" is 2 bytes and 1 UTF-16 unit; U+1F642 is 4 bytes and 2 units.
    static const char text[] = "ab\n\xc3\xa9\xf0\x9f\x99\x82x\r\nend";
    uint32_t len = sizeof text - 1;
    assert_int_equal(lsp_offset(text, len, 1, 0, false), 3);
    assert_int_equal(lsp_offset(text, len, 1, 1, false), 5);
    assert_int_equal(lsp_offset(text, len, 1, 2, false), 5); // inside the pair: its start
    assert_int_equal(lsp_offset(text, len, 1, 3, false), 9);
    assert_int_equal(lsp_offset(text, len, 1, 6, true), 9);
    assert_int_equal(lsp_offset(text, len, 1, 3, true), 5);    // inside the emoji: its start
    assert_int_equal(lsp_offset(text, len, 1, 99, false), 10); // past the end: before \r\n
    assert_int_equal(lsp_offset(text, len, 9, 0, false), len);
    assert_int_equal(lsp_offset(text, len, -1, -5, false), 0);
}

static void test_lsp_position_from_offset(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    SourceSet src;
    source_init(&src, &a);
    uint32_t f = source_add(&src, "x", "a\n\xc3\xa9\xf0\x9f\x99\x82z", 10);
    cJSON *p = lsp_position(&src, f, 8, false);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "line")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "character")->valueint, 3);
    cJSON_Delete(p);
    p = lsp_position(&src, f, 8, true);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "character")->valueint, 6);
    cJSON_Delete(p);
    arena_free(&a);
}

static void test_lsp_uris(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(lsp_uri_to_path(&a, "file:///a%20b/c%C3%A9.hcl"), "/a b/c\xc3\xa9.hcl");
    assert_string_equal(lsp_uri_to_path(&a, "file://localhost/x.hcl"), "/x.hcl");
    assert_null(lsp_uri_to_path(&a, "untitled:Untitled-1"));
    assert_null(lsp_uri_to_path(&a, "file://host/x.hcl"));
    assert_null(lsp_uri_to_path(&a, "file:///a%00b"));
    assert_string_equal(lsp_path_to_uri(&a, "/a b/c#\xc3\xa9.hcl"), "file:///a%20b/c%23%C3%A9.hcl");
    arena_free(&a);
}

static void test_lsp_every_function_has_a_line(void **state)
{
    (void)state;
    size_t n;
    const char *const *names = fn_names(&n);
    for (size_t i = 0; i < n; i++) {
        if (!lsp_function_doc(names[i]))
            fail_msg("function %s has no line in compiler/lsp/functions.c", names[i]);
    }
    const char *name;
    for (size_t i = 0; (name = lsp_function_name(i)) != NULL; i++)
        if (!fn_exists(name) && strcmp(name, "can") && strcmp(name, "try") &&
            strcmp(name, "templatefile"))
            fail_msg("compiler/lsp/functions.c names %s, which is no function", name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lsp_read_frames_messages),
        cmocka_unit_test(test_lsp_read_skips_bad_headers_and_goes_on),
        cmocka_unit_test(test_lsp_read_drains_an_oversized_body),
        cmocka_unit_test(test_lsp_read_truncated_body_is_the_end),
        cmocka_unit_test(test_lsp_offset_counts_utf16_or_bytes),
        cmocka_unit_test(test_lsp_position_from_offset),
        cmocka_unit_test(test_lsp_uris),
        cmocka_unit_test(test_lsp_every_function_has_a_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
