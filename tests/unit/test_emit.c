// test_emit.c - JSON and YAML emission: exact text, quoting, round trips.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "decode/decode.h"
#include "emit/emit.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
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

static Value *list2(Fixture *f, Value *a, Value *b)
{
    Value *l = value_list_new(&f->arena, span_none(), 2);
    l->as.list.items[0] = a;
    l->as.list.items[1] = b;
    return l;
}

static Value *empty_list(Fixture *f)
{
    return value_list_new(&f->arena, span_none(), 0);
}

static Value *empty_object(Fixture *f)
{
    return value_object_new(&f->arena, span_none(), 0);
}

static Value *put(Fixture *f, Value *obj, const char *key, Value *v)
{
    assert_true(value_object_put(&f->arena, obj, key, strlen(key), v));
    return obj;
}

static const char *compact(Fixture *f, const Value *v)
{
    char *s = emit_json(&f->arena, v, EMIT_JSON_COMPACT, NULL);
    assert_non_null(s);
    assert_int_equal(emit_json_compact_length(v), strlen(s)); // counted as printed
    assert_true(emit_json_compact_bound(v) >= strlen(s));
    return s;
}

static const char *yaml(Fixture *f, const Value *v)
{
    size_t len = 0;
    char *s = emit_yaml(&f->arena, v, &len);
    assert_non_null(s);
    assert_int_equal(len, strlen(s));
    return s;
}

// Reads YAML text back with hclc's own reader (YAML 1.2 core schema).
static Value *read_back(Fixture *f, const char *text)
{
    uint32_t file = source_add(&f->src, "out.yaml", text, strlen(text));
    Value *v = decode_yaml_file(&f->arena, &f->src, file, &f->diags);
    assert_int_equal(f->diags.errors, 0);
    assert_non_null(v);
    return v;
}

// --- JSON --------------------------------------------------------------------

static void test_emit_json_scalars_compact(void **state)
{
    Fixture *f = *state;
    assert_string_equal(compact(f, value_null(&f->arena, span_none())), "null");
    assert_string_equal(compact(f, value_bool(&f->arena, span_none(), true)), "true");
    assert_string_equal(compact(f, value_bool(&f->arena, span_none(), false)), "false");
    assert_string_equal(compact(f, str(f, "web")), "\"web\"");
    assert_string_equal(compact(f, str(f, "")), "\"\"");
}

static void test_emit_json_numbers_print_exact_digits(void **state)
{
    Fixture *f = *state;
    static const struct {
        double n;
        const char *text;
    } cases[] = {
        {8080, "8080"},
        {-42, "-42"},
        {9007199254740992.0, "9007199254740992"}, // 2^53
        {-9007199254740992.0, "-9007199254740992"},
        {9007199254740994.0, "9007199254740994"}, // beyond 2^53: still exact
        {1e15, "1000000000000000"},               // CreateNumber would print 1e+15
        {-0.0, "0"},
        {0.1, "0.1"},
        {0.5, "0.5"},
        {1.5e-7, "1.5e-07"},
        {123456789.125, "123456789.125"},
        {1e300, "1e+300"},
        {2.2250738585072014e-308, "2.2250738585072014e-308"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = compact(f, num(f, cases[i].n));
        assert_string_equal(got, cases[i].text);
        assert_true(strtod(got, NULL) == cases[i].n); // reads back exactly
    }
}

static void test_emit_json_strings_escape_controls_keep_unicode(void **state)
{
    Fixture *f = *state;
    const char *s = "q\"b\\s/n\nt\tc\x01\x1f del\x7f c1\xc2\x85 é€😀";
    assert_string_equal(compact(f, str(f, s)),
                        "\"q\\\"b\\\\s/n\\nt\\tc\\u0001\\u001f del\\u007f c1\\u0085 é€😀\"");
}

// The bound counts every byte of a key or string as an escape's six, and
// reads no string: {"ab":"x\"y"} is at most 2 + 14 + 1 + 20 bytes.
static void test_emit_json_compact_bound_counts_six_per_byte(void **state)
{
    Fixture *f = *state;
    Value *obj = put(f, empty_object(f), "ab", str(f, "x\"y"));
    assert_int_equal(emit_json_compact_bound(obj), 37);
    assert_int_equal(emit_json_compact_length(obj), 13);
    Value *list = list2(f, num(f, 10), value_bool(&f->arena, span_none(), false));
    assert_int_equal(emit_json_compact_bound(list), emit_json_compact_length(list));
}

static void test_emit_json_objects_keep_member_order(void **state)
{
    Fixture *f = *state;
    Value *inner = put(f, empty_object(f), "y", value_null(&f->arena, span_none()));
    Value *obj = empty_object(f);
    put(f, obj, "z", num(f, 1));
    put(f, obj, "a", list2(f, value_bool(&f->arena, span_none(), true), inner));
    put(f, obj, "m", empty_list(f));
    put(f, obj, "e", empty_object(f));
    put(f, obj, "k\"ey", str(f, "v"));
    assert_string_equal(compact(f, obj),
                        "{\"z\":1,\"a\":[true,{\"y\":null}],\"m\":[],\"e\":{},\"k\\\"ey\":\"v\"}");
}

static void test_emit_json_large_object_keeps_order(void **state)
{
    Fixture *f = *state;
    Value *obj = empty_object(f);
    char key[16];
    for (int i = 40; i > 0; i--) { // beyond the size where objects get a hash index
        snprintf(key, sizeof key, "k%d", i);
        put(f, obj, key, num(f, i));
    }
    const char *s = compact(f, obj);
    assert_true(strncmp(s, "{\"k40\":40,\"k39\":39,", 19) == 0);
    assert_non_null(strstr(s, "\"k2\":2,\"k1\":1}"));
}

static void test_emit_json_pretty_uses_tabs_and_ends_with_newline(void **state)
{
    Fixture *f = *state;
    Value *obj = empty_object(f);
    put(f, obj, "a", num(f, 1));
    put(f, obj, "b", list2(f, num(f, 1e15), str(f, "x")));
    put(f, obj, "c", empty_list(f));
    size_t len = 0;
    char *s = emit_json(&f->arena, obj, EMIT_JSON_PRETTY, &len);
    assert_string_equal(s,
                        "{\n\t\"a\":\t1,\n\t\"b\":\t[1000000000000000, \"x\"],\n\t\"c\":\t[]\n}\n");
    assert_int_equal(len, strlen(s));
    assert_string_equal(emit_json(&f->arena, empty_object(f), EMIT_JSON_PRETTY, NULL), "{\n}\n");
    assert_string_equal(emit_json(&f->arena, num(f, 3), EMIT_JSON_PRETTY, NULL), "3\n");
}

static void test_emit_json_compact_sets_len(void **state)
{
    Fixture *f = *state;
    size_t len = 0;
    char *s = emit_json(&f->arena, list2(f, num(f, 1), num(f, 2)), EMIT_JSON_COMPACT, &len);
    assert_string_equal(s, "[1,2]");
    assert_int_equal(len, 5);
}

// One member of the large object below: escapes, numbers, nesting.
static Value *large_member(Fixture *f, uint32_t i)
{
    Arena *a = &f->arena;
    Value *m = value_object_new(a, span_none(), 5);
    value_object_put(a, m, "s", 1, str(f, i % 2 ? "a\"b\\c\n\t\x01 tail" : "plain text"));
    value_object_put(a, m, "n", 1, num(f, i % 3 ? 1.5 : -42));
    value_object_put(a, m, "l", 1, list2(f, num(f, i), value_object_new(a, span_none(), 0)));
    value_object_put(a, m, "e", 1, value_list_new(a, span_none(), 0));
    return m;
}

// A text of 256 KiB or more from a summarized value gets a print buffer
// sized once (emit/json.c: pretty_length); strings full of escapes make
// the size short, so cJSON grows it: the text is the same either way, and
// the same as the one printed without sizing (the value not summarized).
static void test_emit_json_large_text_sized_once(void **state)
{
    Fixture *f = *state;
    Value *sized = value_object_new(&f->arena, span_none(), 4000);
    Value *plain = value_object_new(&f->arena, span_none(), 4000);
    for (uint32_t i = 0; i < 4000; i++) {
        char key[32];
        int n = snprintf(key, sizeof key, "member-%u", i);
        value_object_put(&f->arena, sized, key, (size_t)n, large_member(f, i));
        value_object_put(&f->arena, plain, key, (size_t)n, large_member(f, i));
    }
    value_summarize(sized);
    assert_true(value_size(sized) >= 256 * 1024);
    size_t n1, n2;
    char *t1 = emit_json(&f->arena, sized, EMIT_JSON_PRETTY, &n1);
    char *t2 = emit_json(&f->arena, plain, EMIT_JSON_PRETTY, &n2);
    assert_int_equal(n1, n2);
    assert_string_equal(t1, t2);
    assert_int_equal(strlen(t1), n1);
    assert_int_equal(t1[n1 - 1], '\n');
    assert_non_null(strstr(t1, "\"member-3999\":\t{\n\t\t\"s\":\t\"a\\\"b"));
}

static void test_emit_json_deep_list(void **state)
{
    Fixture *f = *state;
    Value *v = num(f, 0);
    for (int i = 0; i < 2000; i++) {
        Value *l = value_list_new(&f->arena, span_none(), 1);
        l->as.list.items[0] = v;
        v = l;
    }
    const char *s = compact(f, v);
    assert_int_equal(strlen(s), 4001);
    assert_true(s[1999] == '[' && s[2000] == '0' && s[2001] == ']');
}

// --- YAML: quoting -----------------------------------------------------------

// Every text here would read back as something else if written plain.
static const char *const risky[] = {
    "",
    " lead",
    "trail ",
    "~",
    "null",
    "Null",
    "NULL",
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "true",
    "True",
    "TRUE",
    "false",
    "False",
    "FALSE",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
    "0123",
    "0o17",
    "0x1F",
    "1_000",
    "+1",
    "-1",
    "1e3",
    "1.5",
    ".5",
    ".inf",
    "-.Inf",
    "+.INF",
    ".nan",
    ".NaN",
    "1:20",
    "190:20:30",
    "1.2.3",
    "0b101",
    "12",
    "-0",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "- a",
    "-a",
    "?x",
    ":x",
    ",x",
    "[x",
    "]x",
    "{x",
    "}x",
    "#x",
    "&x",
    "*x",
    "!x",
    "|x",
    ">x",
    "'x",
    "\"x",
    "%x",
    "@x",
    "`x",
    "a: b",
    "a #b",
    "a:",
    "<<",
    "=",
    "---",
    "...",
    "... x",
    "tab\t",
    "\tx",
    "bell\a",
    "del\x7f",
    "nel\xc2\x85",
    "ls\xe2\x80\xa8",
    "bom\xef\xbb\xbf",
    "c1\xc2\x9b",
};

static void test_emit_yaml_needs_quotes_for_risky_scalars(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++) {
        if (!emit_yaml_needs_quotes(risky[i], strlen(risky[i])))
            fail_msg("\"%s\" should need quotes", risky[i]);
    }
}

static void test_emit_yaml_plain_for_safe_strings(void **state)
{
    (void)state;
    static const char *const safe[] = {
        "web",          "hello world",
        "nginx:latest", "a:b",
        "a#b",          "/ecs/app",
        "FARGATE",      "arn:aws:ssm:us-east-1:1:parameter/x",
        "é€😀",          "config.wsgi:application",
        "v1.2",         "yesterday",
        "nullable",     "0xyz",
        "1 000",        ".gitignore",
        "x-y",
    };
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++) {
        if (emit_yaml_needs_quotes(safe[i], strlen(safe[i])))
            fail_msg("\"%s\" should be plain", safe[i]);
    }
}

static void test_emit_yaml_risky_strings_double_quoted_and_read_back(void **state)
{
    Fixture *f = *state;
    for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++) {
        Value *obj = put(f, empty_object(f), risky[i], str(f, risky[i]));
        const char *text = yaml(f, obj);
        // A key holding a line break is written as an explicit "? " key.
        bool explicit_key = strncmp(text, "? ", 2) == 0;
        const char *key = explicit_key ? text + 2 : text;
        const char *sep = strstr(text, explicit_key ? "\n: " : "\": ");
        if (key[0] != '"')
            fail_msg("key \"%s\" not double-quoted: %s", risky[i], text);
        if (!sep || sep[3] != '"')
            fail_msg("value \"%s\" not double-quoted: %s", risky[i], text);
        Value *back = read_back(f, text);
        if (!value_equal(back, obj))
            fail_msg("\"%s\" did not read back: %s", risky[i], text);
    }
}

static void test_emit_yaml_scalars_plain(void **state)
{
    Fixture *f = *state;
    assert_string_equal(yaml(f, value_null(&f->arena, span_none())), "null\n");
    assert_string_equal(yaml(f, value_bool(&f->arena, span_none(), true)), "true\n");
    assert_string_equal(yaml(f, value_bool(&f->arena, span_none(), false)), "false\n");
    assert_string_equal(yaml(f, num(f, 8080)), "8080\n");
    assert_string_equal(yaml(f, str(f, "hello world")), "hello world\n");
    assert_string_equal(yaml(f, str(f, "true")), "\"true\"\n");
    assert_string_equal(yaml(f, str(f, "")), "\"\"\n");
}

static void test_emit_yaml_numbers_read_back_as_numbers(void **state)
{
    Fixture *f = *state;
    static const struct {
        double n;
        const char *text;
    } cases[] = {
        {9007199254740992.0, "9007199254740992\n"},
        {1e15, "1000000000000000\n"},
        {-0.0, "0\n"},
        {0.1, "0.1\n"},
        {1.5e-7, "1.5e-07\n"},
        {1e300, "1.0e+300\n"}, // a YAML 1.1 float needs the point
        {-2e-300, "-2.0e-300\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value *v = num(f, cases[i].n);
        const char *text = yaml(f, v);
        assert_string_equal(text, cases[i].text);
        Value *back = read_back(f, text);
        assert_int_equal(back->kind, VAL_NUMBER);
        assert_true(back->as.number == cases[i].n);
    }
}

static void test_emit_yaml_escapes_controls_keeps_unicode(void **state)
{
    Fixture *f = *state;
    assert_string_equal(yaml(f, str(f, "é€ ü")), "é€ ü\n");
    // libyaml 0.2.5 escapes characters beyond U+FFFF (and quotes for it).
    assert_string_equal(yaml(f, str(f, "a😀")), "\"a\\U0001F600\"\n");
    assert_true(value_equal(read_back(f, "\"a\\U0001F600\"\n"), str(f, "a😀")));
    assert_string_equal(yaml(f, str(f, "a\tb")), "\"a\\tb\"\n");
    assert_string_equal(yaml(f, str(f, "x\xe2\x80\xa8y")), "\"x\\Ly\"\n");
    assert_string_equal(yaml(f, str(f, "nul\x01")), "\"nul\\x01\"\n");
}

// --- YAML: structure ---------------------------------------------------------

static void test_emit_yaml_nested_block_style(void **state)
{
    Fixture *f = *state;
    Value *port = put(f, empty_object(f), "containerPort", num(f, 8000));
    put(f, port, "protocol", str(f, "tcp"));
    Value *ports = value_list_new(&f->arena, span_none(), 1);
    ports->as.list.items[0] = port;
    Value *c = empty_object(f);
    put(f, c, "name", str(f, "web"));
    put(f, c, "essential", value_bool(&f->arena, span_none(), true));
    put(f, c, "portMappings", ports);
    put(f, c, "command", list2(f, str(f, "gunicorn"), str(f, "-b=:8000")));
    put(f, c, "tags", list2(f, empty_list(f), list2(f, num(f, 1), num(f, 2))));
    Value *root = put(f, empty_object(f), "container", c);
    put(f, root, "volumes", empty_list(f));
    put(f, root, "options", empty_object(f));
    const char *text = yaml(f, root);
    assert_string_equal(text, "container:\n"
                              "  name: web\n"
                              "  essential: true\n"
                              "  portMappings:\n"
                              "  - containerPort: 8000\n"
                              "    protocol: tcp\n"
                              "  command:\n"
                              "  - gunicorn\n"
                              "  - \"-b=:8000\"\n"
                              "  tags:\n"
                              "  - []\n"
                              "  - - 1\n"
                              "    - 2\n"
                              "volumes: []\n"
                              "options: {}\n");
    assert_true(value_equal(read_back(f, text), root));
}

static void test_emit_yaml_empty_containers_flow(void **state)
{
    Fixture *f = *state;
    assert_string_equal(yaml(f, empty_object(f)), "{}\n");
    assert_string_equal(yaml(f, empty_list(f)), "[]\n");
}

static void test_emit_yaml_multiline_strings_literal(void **state)
{
    Fixture *f = *state;
    static const struct {
        const char *s;
        const char *text;
    } cases[] = {
        {"line1\nline2\n", "k: |\n  line1\n  line2\n"},
        {"line1\nline2", "k: |-\n  line1\n  line2\n"},
        {"  indented\nnext\n", "k: |2\n    indented\n  next\n"},
        {"#!/bin/sh\necho \"yes: no\"\n", "k: |\n  #!/bin/sh\n  echo \"yes: no\"\n"},
        {"é\n€\n", "k: |\n  é\n  €\n"},
        // Not representable as a literal: quoted.
        {"trailing \nspace", "k: \"trailing \\nspace\"\n"},
        {"two\n\n", "k: \"two\\n\\n\"\n"},
        {"tab\there\n", "k: \"tab\\there\\n\"\n"},
        {"cr\r\nlf\n", "k: \"cr\\r\\nlf\\n\"\n"},
        {"end \n", "k: \"end \\n\"\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value *obj = put(f, empty_object(f), "k", str(f, cases[i].s));
        const char *text = yaml(f, obj);
        assert_string_equal(text, cases[i].text);
        assert_true(value_equal(read_back(f, text), obj));
    }
}

static void test_emit_yaml_never_writes_document_markers(void **state)
{
    Fixture *f = *state;
    Value *obj = put(f, empty_object(f), "a", str(f, "x\n\n\n"));
    put(f, obj, "b", str(f, "..."));
    put(f, obj, "c", str(f, "---"));
    const char *text = yaml(f, obj);
    assert_null(strstr(text, "\n..."));
    assert_null(strstr(text, "\n---"));
    assert_true(strncmp(text, "---", 3) != 0);
    assert_true(value_equal(read_back(f, text), obj));
}

static void test_emit_yaml_long_and_multiline_keys_read_back(void **state)
{
    Fixture *f = *state;
    char key[300];
    memset(key, 'k', sizeof key - 1);
    key[sizeof key - 1] = '\0';
    Value *obj = put(f, empty_object(f), key, num(f, 1));
    put(f, obj, "multi\nline", num(f, 2));
    assert_true(value_equal(read_back(f, yaml(f, obj)), obj));
}

static void test_emit_yaml_long_line_not_folded(void **state)
{
    Fixture *f = *state;
    char s[500];
    for (size_t i = 0; i < sizeof s - 1; i++)
        s[i] = i % 10 == 9 ? ' ' : 'a';
    s[sizeof s - 1] = '\0';
    s[sizeof s - 2] = 'z';
    const char *text = yaml(f, str(f, s));
    assert_int_equal(strlen(text), strlen(s) + 1);
    assert_non_null(strstr(text, s));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_emit_json_scalars_compact),
        T(test_emit_json_numbers_print_exact_digits),
        T(test_emit_json_strings_escape_controls_keep_unicode),
        T(test_emit_json_compact_bound_counts_six_per_byte),
        T(test_emit_json_objects_keep_member_order),
        T(test_emit_json_large_object_keeps_order),
        T(test_emit_json_pretty_uses_tabs_and_ends_with_newline),
        T(test_emit_json_compact_sets_len),
        T(test_emit_json_deep_list),
        T(test_emit_json_large_text_sized_once),
        T(test_emit_yaml_needs_quotes_for_risky_scalars),
        T(test_emit_yaml_plain_for_safe_strings),
        T(test_emit_yaml_risky_strings_double_quoted_and_read_back),
        T(test_emit_yaml_scalars_plain),
        T(test_emit_yaml_numbers_read_back_as_numbers),
        T(test_emit_yaml_escapes_controls_keeps_unicode),
        T(test_emit_yaml_nested_block_style),
        T(test_emit_yaml_empty_containers_flow),
        T(test_emit_yaml_multiline_strings_literal),
        T(test_emit_yaml_never_writes_document_markers),
        T(test_emit_yaml_long_and_multiline_keys_read_back),
        T(test_emit_yaml_long_line_not_folded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
