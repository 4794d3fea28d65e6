// test_tfvars.c - the .tfvars printer: exact text, escapes, key quoting,
// layout, sensitive variables, the JSON form, and read-back through hclc's
// own --var-file (compile_build) for strings full of escapes.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "compile.h"
#include "emit/emit.h"

typedef struct Fixture {
    Arena arena;
    char dir[64]; // a scratch directory for the read-back tests
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/hclc-test-tfvars.XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    arena_init(&f->arena);
    *state = f;
    return 0;
}

static const char *path_in(Fixture *f, const char *name)
{
    return arena_printf(&f->arena, "%s/%s", f->dir, name);
}

static int teardown(void **state)
{
    Fixture *f = *state;
    unlink(path_in(f, "main.hcl"));
    unlink(path_in(f, "vars.tfvars"));
    unlink(path_in(f, "vars.tfvars.json"));
    rmdir(f->dir);
    arena_free(&f->arena);
    free(f);
    return 0;
}

// --- value builders ----------------------------------------------------------

static Value *num(Fixture *f, double n)
{
    return value_number(&f->arena, span_none(), n);
}

static Value *str(Fixture *f, const char *s)
{
    return value_cstring(&f->arena, span_none(), s);
}

static Value *list(Fixture *f, uint32_t n, Value **items)
{
    Value *l = value_list_new(&f->arena, span_none(), n);
    for (uint32_t i = 0; i < n; i++)
        l->as.list.items[i] = items[i];
    return l;
}

static Value *object(Fixture *f)
{
    return value_object_new(&f->arena, span_none(), 0);
}

static Value *put(Fixture *f, Value *obj, const char *key, Value *v)
{
    assert_true(value_object_put(&f->arena, obj, key, strlen(key), v));
    return obj;
}

// The .tfvars text of one variable `x`.
static const char *one(Fixture *f, Value *v)
{
    EmitVar var = {"x", v};
    size_t len = 0;
    char *text = emit_tfvars(&f->arena, &var, 1, &len);
    assert_non_null(text);
    assert_int_equal(len, strlen(text));
    return text;
}

// --- scalars and strings -------------------------------------------------------

static void test_tfvars_scalars(void **state)
{
    Fixture *f = *state;
    assert_string_equal(one(f, value_null(&f->arena, span_none())), "x = null\n");
    assert_string_equal(one(f, value_bool(&f->arena, span_none(), true)), "x = true\n");
    assert_string_equal(one(f, value_bool(&f->arena, span_none(), false)), "x = false\n");
    assert_string_equal(one(f, num(f, 8080)), "x = 8080\n");
    assert_string_equal(one(f, num(f, -42)), "x = -42\n");
    assert_string_equal(one(f, num(f, 0.1)), "x = 0.1\n");
    assert_string_equal(one(f, num(f, 1e21)), "x = 1e+21\n");
    assert_string_equal(one(f, num(f, -1.5e-7)), "x = -1.5e-07\n");
    assert_string_equal(one(f, str(f, "")), "x = \"\"\n");
}

static void test_tfvars_string_escapes(void **state)
{
    Fixture *f = *state;
    assert_string_equal(one(f, str(f, "a\\b\"c")), "x = \"a\\\\b\\\"c\"\n");
    assert_string_equal(one(f, str(f, "1\n2\r3\t4")), "x = \"1\\n2\\r3\\t4\"\n");
    assert_string_equal(one(f, str(f, "\x01\x1f\x7f")), "x = \"\\u0001\\u001f\\u007f\"\n");
    assert_string_equal(one(f, str(f, "h\xc3\xa9 \xf0\x9f\x98\x80")),
                        "x = \"h\xc3\xa9 \xf0\x9f\x98\x80\"\n"); // UTF-8 as it is
    assert_string_equal(one(f, str(f, "it's #1 // not a comment")),
                        "x = \"it's #1 // not a comment\"\n");
}

// Terraform's "${" and "%{" are written "$${" and "%%{"; hclc's "$<" and
// "%<" become \u0024< / \u0025<; alone, doubled or before anything else '$'
// and '%' stay as they are.
static void test_tfvars_template_sequences(void **state)
{
    Fixture *f = *state;
    assert_string_equal(one(f, str(f, "${HOME}")), "x = \"$${HOME}\"\n");
    assert_string_equal(one(f, str(f, "%{if a}")), "x = \"%%{if a}\"\n");
    assert_string_equal(one(f, str(f, "$<x>")), "x = \"\\u0024<x>\"\n");
    assert_string_equal(one(f, str(f, "%<if y>")), "x = \"\\u0025<if y>\"\n");
    assert_string_equal(one(f, str(f, "$${a}")), "x = \"$$${a}\"\n");
    assert_string_equal(one(f, str(f, "$$<a>")), "x = \"$\\u0024<a>\"\n");
    assert_string_equal(one(f, str(f, "$ % $$ %% $x %d 100% $")),
                        "x = \"$ % $$ %% $x %d 100% $\"\n");
    assert_string_equal(one(f, str(f, "{$}<%>")), "x = \"{$}<%>\"\n");
}

// --- collections ----------------------------------------------------------------

static void test_tfvars_flat_lists_on_one_line(void **state)
{
    Fixture *f = *state;
    Value *items[] = {str(f, "a"),
                      num(f, 1),
                      value_bool(&f->arena, span_none(), true),
                      value_null(&f->arena, span_none()),
                      list(f, 0, NULL),
                      object(f)};
    assert_string_equal(one(f, list(f, 6, items)), "x = [\"a\", 1, true, null, [], {}]\n");
    assert_string_equal(one(f, list(f, 0, NULL)), "x = []\n");
    assert_string_equal(one(f, object(f)), "x = {}\n");
}

static void test_tfvars_objects_indent_two_spaces(void **state)
{
    Fixture *f = *state;
    Value *inner = put(f, object(f), "cpu", num(f, 256));
    Value *o = put(f, object(f), "name", str(f, "web"));
    put(f, o, "size", inner);
    put(f, o, "ports", list(f, 2, (Value *[]){num(f, 80), num(f, 443)}));
    assert_string_equal(one(f, o), "x = {\n"
                                   "  name = \"web\"\n"
                                   "  size = {\n"
                                   "    cpu = 256\n"
                                   "  }\n"
                                   "  ports = [80, 443]\n"
                                   "}\n");
}

static void test_tfvars_lists_of_collections_one_item_a_line(void **state)
{
    Fixture *f = *state;
    Value *a = put(f, object(f), "a", num(f, 1));
    Value *b = list(f, 1, (Value *[]){str(f, "b")});
    assert_string_equal(one(f, list(f, 2, (Value *[]){a, b})), "x = [\n"
                                                               "  {\n"
                                                               "    a = 1\n"
                                                               "  },\n"
                                                               "  [\"b\"],\n"
                                                               "]\n");
}

// Objects keep their member order: hclc's output depends on it, and
// Terraform sorts keys anyway.
static void test_tfvars_keys_quoted_unless_identifiers(void **state)
{
    Fixture *f = *state;
    Value *o = object(f);
    const char *keys[] = {"zed",  "_x", "a-b", "Ab9",  "a b",   "1st", "",  "for",
                          "null", "in", "if",  "true", "false", "x.y", "é", "a\"b"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        put(f, o, keys[i], num(f, (double)i));
    assert_string_equal(one(f, o), "x = {\n"
                                   "  zed = 0\n"
                                   "  _x = 1\n"
                                   "  a-b = 2\n"
                                   "  Ab9 = 3\n"
                                   "  \"a b\" = 4\n"
                                   "  \"1st\" = 5\n"
                                   "  \"\" = 6\n"
                                   "  \"for\" = 7\n"
                                   "  \"null\" = 8\n"
                                   "  \"in\" = 9\n"
                                   "  \"if\" = 10\n"
                                   "  \"true\" = 11\n"
                                   "  \"false\" = 12\n"
                                   "  \"x.y\" = 13\n"
                                   "  \"é\" = 14\n"
                                   "  \"a\\\"b\" = 15\n"
                                   "}\n");
}

// --- files ----------------------------------------------------------------------

static void test_tfvars_sorted_with_sensitive_comments(void **state)
{
    Fixture *f = *state;
    EmitVar vars[] = {{"region", str(f, "eu-west-1")},
                      {"Zone", str(f, "b")},
                      {"db_password", NULL},
                      {"cpu", num(f, 256)},
                      {"app_name", str(f, "web")}};
    size_t len;
    char *text = emit_tfvars(&f->arena, vars, 5, &len);
    assert_string_equal(text, "Zone = \"b\"\n"
                              "app_name = \"web\"\n"
                              "cpu = 256\n"
                              "# db_password is sensitive: left out (use --include-sensitive)\n"
                              "region = \"eu-west-1\"\n");
    assert_int_equal(len, strlen(text));
    assert_string_equal(vars[0].name, "region"); // the caller's array is left alone
}

static void test_tfvars_no_variables_is_empty(void **state)
{
    Fixture *f = *state;
    size_t len = 99;
    assert_string_equal(emit_tfvars(&f->arena, NULL, 0, &len), "");
    assert_int_equal(len, 0);
    assert_string_equal(emit_tfvars_json(&f->arena, NULL, 0, NULL), "{\n}\n");
}

static void test_tfvars_json_sorted_without_sensitive(void **state)
{
    Fixture *f = *state;
    EmitVar vars[] = {
        {"tag", str(f, "${x}")}, {"secret", NULL}, {"ports", list(f, 1, (Value *[]){num(f, 80)})}};
    assert_string_equal(emit_tfvars_json(&f->arena, vars, 3, NULL), "{\n"
                                                                    "\t\"ports\":\t[80],\n"
                                                                    "\t\"tag\":\t\"${x}\"\n"
                                                                    "}\n");
}

// --- read back through hclc ------------------------------------------------------

static void write_file(Fixture *f, const char *name, const char *text, size_t len)
{
    FILE *out = fopen(path_in(f, name), "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(text, 1, len, out), len);
    assert_int_equal(fclose(out), 0);
}

// Builds the project of the scratch directory with --var-file `var_file`;
// returns the output text.
static const char *build_with(Fixture *f, const char *var_file)
{
    SourceSet src;
    Diags diags;
    source_init(&src, &f->arena);
    diags_init(&diags, &f->arena);
    const char *files[] = {path_in(f, var_file)};
    CompileOptions opt = {0};
    opt.path = f->dir;
    opt.inputs.var_files = files;
    opt.inputs.nvar_files = 1;
    opt.target = "json";
    opt.output_name = "all";
    CompileResult r;
    assert_int_equal(compile_build(&f->arena, &src, &diags, &opt, &r), COMPILE_OK);
    assert_int_equal(diags.count, 0);
    assert_int_equal(r.count, 1);
    return r.items[0].text;
}

// Strings made of the characters that need care, in every short
// combination, written as .tfvars and as .tfvars.json and read back by
// hclc: the values must come back byte for byte.
static void test_tfvars_strings_read_back_exactly(void **state)
{
    Fixture *f = *state;
    static const char *const atoms[] = {"$",  "%", "{",    "<",        "\\", "\"", "\n", "\r",
                                        "\t", "a", "\x01", "\xc3\xa9", "}",  ">",  "~",  "#"};
    enum { NATOMS = sizeof atoms / sizeof atoms[0], NVARS = NATOMS * NATOMS * NATOMS };
    EmitVar *vars = arena_alloc(&f->arena, NVARS * sizeof(EmitVar));
    Value *expected = value_list_new(&f->arena, span_none(), NVARS);
    char *main_hcl = NULL;
    size_t main_len = 0;
    FILE *m = open_memstream(&main_hcl, &main_len);
    assert_non_null(m);
    for (uint32_t i = 0; i < NVARS; i++) {
        const char *s = arena_printf(&f->arena, "%s%s%s", atoms[i % NATOMS],
                                     atoms[i / NATOMS % NATOMS], atoms[i / NATOMS / NATOMS]);
        vars[i].name = arena_printf(&f->arena, "v%u", i);
        vars[i].value = str(f, s);
        expected->as.list.items[i] = vars[i].value;
        fprintf(m, "variable \"v%u\" { type = string }\n", i);
    }
    fputs("output \"all\" {\n  value = [\n", m);
    for (uint32_t i = 0; i < NVARS; i++)
        fprintf(m, "    var.v%u,\n", i);
    fputs("  ]\n}\n", m);
    assert_int_equal(fclose(m), 0);
    write_file(f, "main.hcl", main_hcl, main_len);
    free(main_hcl);
    size_t len;
    char *text = emit_tfvars(&f->arena, vars, NVARS, &len);
    write_file(f, "vars.tfvars", text, len);
    text = emit_tfvars_json(&f->arena, vars, NVARS, &len);
    write_file(f, "vars.tfvars.json", text, len);
    const char *want = emit_json(&f->arena, expected, EMIT_JSON_PRETTY, NULL);
    assert_string_equal(build_with(f, "vars.tfvars"), want);
    assert_string_equal(build_with(f, "vars.tfvars.json"), want);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_tfvars_scalars),
        T(test_tfvars_string_escapes),
        T(test_tfvars_template_sequences),
        T(test_tfvars_flat_lists_on_one_line),
        T(test_tfvars_objects_indent_two_spaces),
        T(test_tfvars_lists_of_collections_one_item_a_line),
        T(test_tfvars_keys_quoted_unless_identifiers),
        T(test_tfvars_sorted_with_sensitive_comments),
        T(test_tfvars_no_variables_is_empty),
        T(test_tfvars_json_sorted_without_sensitive),
        T(test_tfvars_strings_read_back_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
