// test_decode.c - JSON and YAML files to values: types, origins, errors.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "decode/decode.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
    uint32_t file; // the last file decoded
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

static Value *json_n(Fixture *f, const char *text, size_t len)
{
    f->file = source_add(&f->src, "vars.json", text, len);
    return decode_json_file(&f->arena, &f->src, f->file, &f->diags);
}

static Value *json(Fixture *f, const char *text)
{
    return json_n(f, text, strlen(text));
}

static Value *yaml(Fixture *f, const char *text)
{
    f->file = source_add(&f->src, "vars.yaml", text, strlen(text));
    return decode_yaml_file(&f->arena, &f->src, f->file, &f->diags);
}

// Decodes text that must be valid.
static Value *ok_json(Fixture *f, const char *text)
{
    Value *v = json(f, text);
    assert_int_equal(f->diags.errors, 0);
    assert_non_null(v);
    return v;
}

static Value *ok_yaml(Fixture *f, const char *text)
{
    Value *v = yaml(f, text);
    if (f->diags.errors)
        fail_msg("unexpected error for %s: %s", text, f->diags.items[0]->summary);
    assert_non_null(v);
    return v;
}

static Value *member(const Value *obj, const char *key)
{
    assert_int_equal(obj->kind, VAL_OBJECT);
    Value *v = value_object_get(obj, key, strlen(key));
    if (!v)
        fail_msg("no member \"%s\"", key);
    return v;
}

// Asserts that `span` starts at line:col of the last file and covers `text`.
static void assert_span(Fixture *f, Span span, uint32_t line, uint32_t col, const char *text)
{
    assert_int_equal(span.file, f->file);
    LineCol lc = source_line_col(&f->src, f->file, span.start);
    assert_int_equal(lc.line, line);
    assert_int_equal(lc.col, col);
    const char *src = source_file(&f->src, f->file)->text;
    assert_int_equal(span.end - span.start, strlen(text));
    assert_memory_equal(src + span.start, text, strlen(text));
}

// Asserts exactly one error: its code, position and summary.
static const Diag *assert_one_error(Fixture *f, DiagCode code, uint32_t line, uint32_t col,
                                    const char *summary)
{
    if (f->diags.count != 1)
        fail_msg("expected 1 diagnostic, got %zu%s%s", f->diags.count, f->diags.count ? ": " : "",
                 f->diags.count ? f->diags.items[0]->summary : "");
    const Diag *g = f->diags.items[0];
    assert_int_equal(g->severity, DIAG_ERROR);
    assert_string_equal(g->summary, summary);
    assert_int_equal(g->code, code);
    LineCol lc = source_line_col(&f->src, g->subject.file, g->subject.start);
    assert_int_equal(lc.line, line);
    assert_int_equal(lc.col, col);
    return g;
}

static void assert_string_value(const Value *v, const char *s)
{
    assert_int_equal(v->kind, VAL_STRING);
    assert_int_equal(v->as.str.len, strlen(s));
    assert_string_equal(v->as.str.ptr, s);
}

static void assert_number_value(const Value *v, double n)
{
    assert_int_equal(v->kind, VAL_NUMBER);
    assert_true(v->as.number == n);
}

// --- JSON: values ------------------------------------------------------------

static void test_decode_json_all_kinds_in_member_order(void **state)
{
    Fixture *f = *state;
    Value *v = ok_json(f, "{\"z\": null, \"b\": true, \"f\": false, \"n\": -1.5e2, \"s\": \"x\","
                          " \"l\": [1, [], {}], \"o\": {\"k\": \"v\"}}");
    assert_int_equal(v->as.object.count, 7);
    const char *order[] = {"z", "b", "f", "n", "s", "l", "o"};
    for (int i = 0; i < 7; i++)
        assert_string_equal(v->as.object.keys[i].ptr, order[i]);
    assert_int_equal(member(v, "z")->kind, VAL_NULL);
    assert_true(member(v, "b")->as.boolean);
    assert_false(member(v, "f")->as.boolean);
    assert_number_value(member(v, "n"), -150);
    assert_string_value(member(v, "s"), "x");
    Value *l = member(v, "l");
    assert_int_equal(l->kind, VAL_LIST);
    assert_int_equal(l->as.list.count, 3);
    assert_int_equal(l->as.list.items[1]->as.list.count, 0);
    assert_int_equal(l->as.list.items[2]->as.object.count, 0);
    assert_string_value(member(member(v, "o"), "k"), "v");
}

static void test_decode_json_numbers_exact(void **state)
{
    Fixture *f = *state;
    Value *v = ok_json(f, "[9007199254740992, 1e15, -0, 0.1, 1e300, 5e-324, 01]");
    assert_number_value(v->as.list.items[0], 9007199254740992.0);
    assert_number_value(v->as.list.items[1], 1e15);
    assert_number_value(v->as.list.items[2], 0);
    assert_number_value(v->as.list.items[3], 0.1);
    assert_number_value(v->as.list.items[4], 1e300);
    assert_number_value(v->as.list.items[5], 5e-324);
    assert_number_value(v->as.list.items[6], 1); // cJSON accepts leading zeros
}

static void test_decode_json_string_escapes_and_unicode(void **state)
{
    Fixture *f = *state;
    Value *v = ok_json(f, "[\"a\\\"b\\\\c\\/d\\n\\t\", \"\\u00e9\\u20ac\\ud83d\\ude00\", \"é😀\"]");
    assert_string_value(v->as.list.items[0], "a\"b\\c/d\n\t");
    assert_string_value(v->as.list.items[1], "é€😀");
    assert_string_value(v->as.list.items[2], "é😀");
}

static void test_decode_json_scalar_root_and_bom(void **state)
{
    Fixture *f = *state;
    Value *v = ok_json(f, "\xEF\xBB\xBF  \"x\"\n");
    assert_string_value(v, "x");
    assert_int_equal(v->origin.start, 5); // byte offsets: after the BOM and 2 spaces
    assert_int_equal(v->origin.end, 8);
}

// cJSON 1.7.15 refuses a one-digit number right after a byte order mark
// at the end of the text; hclc reads it.
static void test_decode_json_bom_and_one_digit(void **state)
{
    Fixture *f = *state;
    Value *v = ok_json(f, "\xEF\xBB\xBF"
                          "7");
    assert_int_equal(v->kind, VAL_NUMBER);
    assert_true(v->as.number == 7);
    assert_int_equal(v->origin.start, 3);
}

// Objects and lists of many members keep them all, in order, with no
// duplicate reported (the builder's item stack grows past its first room).
static void test_decode_json_wide_object_and_list(void **state)
{
    Fixture *f = *state;
    char text[4096] = "{";
    size_t n = 1;
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s\"k%d\": [%d, [], {}]", i ? ", " : "",
                              i, i);
    snprintf(text + n, sizeof text - n, "}");
    Value *v = ok_json(f, text);
    assert_int_equal(v->as.object.count, 100);
    assert_string_equal(v->as.object.keys[57].ptr, "k57");
    const Value *item = v->as.object.vals[57];
    assert_int_equal(item->as.list.count, 3);
    assert_true(item->as.list.items[0]->as.number == 57);
    assert_int_equal(item->as.list.items[1]->as.list.count, 0);
}

// --- JSON: origins -----------------------------------------------------------

static void test_decode_json_origins_of_nested_values(void **state)
{
    Fixture *f = *state;
    const char *text = "{\n"
                       "  \"name\": \"web\",\n"
                       "  \"ports\": [80,\n"
                       "            {\"é\": 443}],\n"
                       "  \"on\": true\n"
                       "}\n";
    Value *v = ok_json(f, text);
    assert_int_equal(v->origin.start, 0);
    assert_int_equal(v->origin.end, strlen(text) - 1); // through the closing brace
    assert_span(f, member(v, "name")->origin, 2, 11, "\"web\"");
    Value *ports = member(v, "ports");
    assert_span(f, ports->origin, 3, 12, "[80,\n            {\"é\": 443}]");
    assert_span(f, ports->as.list.items[0]->origin, 3, 13, "80");
    Value *inner = ports->as.list.items[1];
    assert_span(f, inner->origin, 4, 13, "{\"é\": 443}");
    assert_span(f, member(inner, "é")->origin, 4, 19, "443"); // columns count characters
    assert_span(f, member(v, "on")->origin, 5, 9, "true");
}

// --- JSON: errors ------------------------------------------------------------

static void test_decode_json_syntax_errors_at_line_col(void **state)
{
    Fixture *f = *state;
    static const struct {
        const char *text;
        uint32_t line, col;
        const char *summary;
    } cases[] = {
        {"{\"a\": 1,\n \"b\" 2}", 2, 6, "invalid JSON: unexpected character '2'"},
        {"[1 2]", 1, 4, "invalid JSON: unexpected character '2'"},
        {"{\"a\": 1,}", 1, 8, "invalid JSON: comma before '}'"},
        {"[1,\n]", 1, 3, "invalid JSON: comma before ']'"},
        {"{\"a\": tru}", 1, 7, "invalid JSON: unexpected word \"tru\""},
        {"{'a': 1}", 1, 2, "invalid JSON: unexpected character \"'\""},
        {"{\"a\": \"x\n}", 1, 7, "invalid JSON: unterminated string"},
        {"[\"\\x\"]", 1, 3, "invalid JSON: invalid escape '\\x' in a string"},
        {"[\"\\u12\"]", 1, 3, "invalid JSON: \\u escape without four hex digits"},
        {"[\"\\udc00\"]", 1, 3, "invalid JSON: unpaired UTF-16 surrogate in a \\u escape"},
        {"[-]", 1, 2, "invalid JSON: malformed number"},
        {"[1.5.3]", 1, 5, "invalid JSON: unexpected character '.'"},
        {"{\n  \"a\": [1,\n  2\n", 3, 4, "invalid JSON: unexpected end of input"},
        {"", 1, 1, "invalid JSON: the file is empty"},
        {" \n ", 1, 1, "invalid JSON: the file is empty"},
        {"{\"a\": 1}\n}", 2, 1, "invalid JSON: unexpected character '}' after the value"},
        {"{\"a\": 1} x", 1, 10, "invalid JSON: unexpected character 'x' after the value"},
        {"// comment\n{}", 1, 1, "invalid JSON: unexpected character '/'"},
        {"[\"a\", \xC2\xA0 1]", 1, 7, "invalid JSON: unexpected character U+00A0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diags_init(&f->diags, &f->arena);
        Value *v = json(f, cases[i].text);
        assert_null(v);
        assert_one_error(f, E_BAD_JSON, cases[i].line, cases[i].col, cases[i].summary);
    }
}

static void test_decode_json_end_of_input_notes_the_opener(void **state)
{
    Fixture *f = *state;
    assert_null(json(f, "{\"a\": [1,\n  2\n"));
    const Diag *g = assert_one_error(f, E_BAD_JSON, 2, 4, "invalid JSON: unexpected end of input");
    assert_non_null(g->notes);
    assert_int_equal(g->notes->kind, NOTE_SPAN);
    assert_string_equal(g->notes->text, "this array is never closed");
    assert_span(f, g->notes->span, 1, 7, "[");
}

static void test_decode_json_duplicate_key_at_second_with_note(void **state)
{
    Fixture *f = *state;
    assert_null(json(f, "{\"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3}"));
    const Diag *g = assert_one_error(f, E_DUPLICATE_KEY, 3, 2, "duplicate key \"a\"");
    assert_span(f, g->subject, 3, 2, "\"a\"");
    assert_non_null(g->notes);
    assert_string_equal(g->notes->text, "first defined here");
    assert_span(f, g->notes->span, 1, 2, "\"a\"");
}

static void test_decode_json_duplicate_keys_all_reported(void **state)
{
    Fixture *f = *state;
    assert_null(json(f, "{\"a\": 1, \"a\": 2, \"b\": [{\"c\": 1, \"c\": 1}]}"));
    assert_int_equal(f->diags.errors, 2);
}

static void test_decode_json_rejects_nul_and_infinity(void **state)
{
    Fixture *f = *state;
    assert_null(json(f, "{\"k\": \"a\\u0000b\"}"));
    assert_one_error(f, E_NUL_IN_STRING, 1, 7, "string holds a NUL character (\\u0000)");
    diags_init(&f->diags, &f->arena);
    assert_null(json(f, "{\"k\\u0000\": 1}"));
    assert_one_error(f, E_NUL_IN_STRING, 1, 2, "string holds a NUL character (\\u0000)");
    diags_init(&f->diags, &f->arena);
    assert_null(json(f, "[1e999]"));
    assert_one_error(f, E_NUMBER_RANGE, 1, 2, "number 1e999 is out of range");
    diags_init(&f->diags, &f->arena);
    // cJSON reads a \u escape with a bad hex digit as U+0000: rejected too.
    assert_null(json(f, "[\"ab\\uZZZZ\"]"));
    assert_one_error(f, E_BAD_JSON, 1, 5, "invalid JSON: \\u escape without four hex digits");
    diags_init(&f->diags, &f->arena);
    // An escaped backslash before "u0000" is no NUL.
    Value *v = ok_json(f, "[\"\\\\u0000\"]");
    assert_string_value(v->as.list.items[0], "\\u0000");
}

static void test_decode_rejects_inexact_integers(void **state)
{
    Fixture *f = *state;
    assert_null(json(f, "[1, 9007199254740993]"));
    assert_one_error(f, E_INEXACT_INTEGER, 1, 5, "integer 9007199254740993 cannot be held exactly");
    diags_init(&f->diags, &f->arena);
    assert_null(yaml(f, "k: -9007199254740993\n"));
    assert_one_error(f, E_INEXACT_INTEGER, 1, 4,
                     "integer \"-9007199254740993\" cannot be held exactly");
    diags_init(&f->diags, &f->arena);
    // 2^53 + 2 and 10^20 are held exactly; a fraction rounds as written.
    Value *v = ok_json(f, "[9007199254740994, 100000000000000000000, 0.1000000000000000000001]");
    assert_true(v->as.list.items[0]->as.number == 9007199254740994.0);
    assert_true(v->as.list.items[1]->as.number == 1e20);
}

static void test_decode_json_rejects_bad_encoding(void **state)
{
    Fixture *f = *state;
    assert_null(json(f, "{\"a\": \"\xFF\"}"));
    assert_one_error(f, E_BAD_UTF8, 1, 8, "invalid UTF-8 byte 0xFF");
    diags_init(&f->diags, &f->arena);
    assert_null(json_n(f, "[1,\0 2]", 7));
    assert_one_error(f, E_NUL_BYTE, 1, 4, "NUL byte in the file");
}

static char *nested(const char *open, const char *close, int depth)
{
    size_t n = strlen(open), m = strlen(close);
    char *s = malloc((size_t)depth * (n + m) + 2);
    char *p = s;
    for (int i = 0; i < depth; i++, p += n)
        memcpy(p, open, n);
    *p++ = '1';
    for (int i = 0; i < depth; i++, p += m)
        memcpy(p, close, m);
    *p = '\0';
    return s;
}

static void test_decode_json_nesting_limit(void **state)
{
    Fixture *f = *state;
    char *ok = nested("[", "]", 1000);
    Value *v = ok_json(f, ok);
    free(ok);
    for (int i = 0; i < 999; i++)
        v = v->as.list.items[0];
    assert_int_equal(v->kind, VAL_LIST);
    assert_number_value(v->as.list.items[0], 1);

    char *deep = nested("[", "]", 1001);
    assert_null(json(f, deep));
    free(deep);
    assert_one_error(f, E_NESTING_TOO_DEEP, 1, 1001, "JSON nested deeper than 1000 levels");
}

// --- YAML: typing ------------------------------------------------------------

static void test_decode_yaml_core_schema_typing(void **state)
{
    Fixture *f = *state;
    static const struct {
        const char *text;
        ValueKind kind;
        double number; // VAL_NUMBER, and 1/0 for VAL_BOOL
        const char *string;
    } cases[] = {
        {"null", VAL_NULL, 0, NULL},
        {"Null", VAL_NULL, 0, NULL},
        {"NULL", VAL_NULL, 0, NULL},
        {"~", VAL_NULL, 0, NULL},
        {"", VAL_NULL, 0, NULL},
        {"true", VAL_BOOL, 1, NULL},
        {"True", VAL_BOOL, 1, NULL},
        {"TRUE", VAL_BOOL, 1, NULL},
        {"false", VAL_BOOL, 0, NULL},
        {"FALSE", VAL_BOOL, 0, NULL},
        {"yes", VAL_STRING, 0, "yes"},
        {"no", VAL_STRING, 0, "no"},
        {"on", VAL_STRING, 0, "on"},
        {"off", VAL_STRING, 0, "off"},
        {"y", VAL_STRING, 0, "y"},
        {"nULL", VAL_STRING, 0, "nULL"},
        {"tRUE", VAL_STRING, 0, "tRUE"},
        {"42", VAL_NUMBER, 42, NULL},
        {"-17", VAL_NUMBER, -17, NULL},
        {"+12", VAL_NUMBER, 12, NULL},
        {"0123", VAL_NUMBER, 123, NULL},
        {"0o17", VAL_NUMBER, 15, NULL},
        {"0x1F", VAL_NUMBER, 31, NULL},
        {"0xff", VAL_NUMBER, 255, NULL},
        {"1.5", VAL_NUMBER, 1.5, NULL},
        {".5", VAL_NUMBER, 0.5, NULL},
        {"-.5", VAL_NUMBER, -0.5, NULL},
        {"1.", VAL_NUMBER, 1, NULL},
        {"1e3", VAL_NUMBER, 1000, NULL},
        {"1.5E-2", VAL_NUMBER, 0.015, NULL},
        {"1e+3", VAL_NUMBER, 1000, NULL},
        {"9007199254740992", VAL_NUMBER, 9007199254740992.0, NULL},
        {"1_000", VAL_STRING, 0, "1_000"},
        {"1:20", VAL_STRING, 0, "1:20"},
        {"0b101", VAL_STRING, 0, "0b101"},
        {"0x", VAL_STRING, 0, "0x"},
        {"0o8", VAL_STRING, 0, "0o8"},
        {"1e", VAL_STRING, 0, "1e"},
        {".", VAL_STRING, 0, "."},
        {"-x", VAL_STRING, 0, "-x"},
        {"+", VAL_STRING, 0, "+"},
        {"2001-12-14", VAL_STRING, 0, "2001-12-14"},
        {"1.2.3", VAL_STRING, 0, "1.2.3"},
        {"\"true\"", VAL_STRING, 0, "true"},
        {"'42'", VAL_STRING, 0, "42"},
        {"\"\"", VAL_STRING, 0, ""},
        {"!!str 42", VAL_STRING, 0, "42"},
        {"!!str", VAL_STRING, 0, ""},
        {"! 42", VAL_STRING, 0, "42"},
        {"!!int \"0x1F\"", VAL_NUMBER, 31, NULL},
        {"!!float 3", VAL_NUMBER, 3, NULL},
        {"!!float '1.5'", VAL_NUMBER, 1.5, NULL},
        {"!!bool \"true\"", VAL_BOOL, 1, NULL},
        {"!!null ''", VAL_NULL, 0, NULL},
        {"|\n  text\n", VAL_STRING, 0, "text\n"},
        {"é ü", VAL_STRING, 0, "é ü"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "k: %s", cases[i].text);
        Value *v = member(ok_yaml(f, text), "k");
        if (v->kind != cases[i].kind)
            fail_msg("%s: kind %d, expected %d", text, v->kind, cases[i].kind);
        if (v->kind == VAL_NUMBER && v->as.number != cases[i].number)
            fail_msg("%s: %.17g", text, v->as.number);
        if (v->kind == VAL_BOOL)
            assert_int_equal(v->as.boolean, cases[i].number != 0);
        if (v->kind == VAL_STRING)
            assert_string_value(v, cases[i].string);
    }
}

static void test_decode_yaml_structure_and_member_order(void **state)
{
    Fixture *f = *state;
    Value *v = ok_yaml(f, "z: 1\n"
                          "a:\n"
                          "  - x\n"
                          "  - {p: [1, 2], q: {}}\n"
                          "  - []\n"
                          "m: |-\n"
                          "  line1\n"
                          "  line2\n");
    assert_int_equal(v->as.object.count, 3);
    assert_string_equal(v->as.object.keys[0].ptr, "z");
    assert_string_equal(v->as.object.keys[1].ptr, "a");
    Value *a = member(v, "a");
    assert_int_equal(a->as.list.count, 3);
    assert_string_value(a->as.list.items[0], "x");
    assert_int_equal(member(a->as.list.items[1], "p")->as.list.count, 2);
    assert_int_equal(member(a->as.list.items[1], "q")->as.object.count, 0);
    assert_int_equal(a->as.list.items[2]->as.list.count, 0);
    assert_string_value(member(v, "m"), "line1\nline2");
}

static void test_decode_yaml_keys_are_their_text(void **state)
{
    Fixture *f = *state;
    Value *v = ok_yaml(f, "1: a\n0x1F: b\ntrue: c\n~: d\n\"q\": e\n");
    assert_string_value(member(v, "1"), "a");
    assert_string_value(member(v, "0x1F"), "b");
    assert_string_value(member(v, "true"), "c");
    assert_string_value(member(v, "~"), "d");
    assert_string_value(member(v, "q"), "e");
}

static void test_decode_yaml_empty_document_is_null(void **state)
{
    Fixture *f = *state;
    assert_int_equal(ok_yaml(f, "")->kind, VAL_NULL);
    assert_int_equal(ok_yaml(f, "# only a comment\n")->kind, VAL_NULL);
    assert_int_equal(ok_yaml(f, "---\n")->kind, VAL_NULL);
    assert_int_equal(ok_yaml(f, "---\na: 1\n...\n")->kind, VAL_OBJECT);
}

// --- YAML: origins -----------------------------------------------------------

static void test_decode_yaml_origins_are_byte_spans(void **state)
{
    Fixture *f = *state;
    const char *text = "é: ééé\n"
                       "list:\n"
                       "  - x\n"
                       "  - \"q é\"\n"
                       "flow: {k: [1, 2]}\n"
                       "block: |\n"
                       "  one\n"
                       "  two\n"
                       "\n"
                       "last: 1\n";
    Value *v = ok_yaml(f, text);
    assert_span(f, member(v, "é")->origin, 1, 4, "ééé");
    Value *list = member(v, "list");
    assert_span(f, list->origin, 3, 3, "- x\n  - \"q é\"");
    assert_span(f, list->as.list.items[1]->origin, 4, 5, "\"q é\"");
    Value *flow = member(v, "flow");
    assert_span(f, flow->origin, 5, 7, "{k: [1, 2]}");
    assert_span(f, member(flow, "k")->origin, 5, 11, "[1, 2]");
    assert_span(f, member(flow, "k")->as.list.items[1]->origin, 5, 15, "2");
    assert_span(f, member(v, "block")->origin, 6, 8, "|\n  one\n  two");
    assert_span(f, member(v, "last")->origin, 10, 7, "1");
    assert_int_equal(v->origin.start, 0);
    assert_int_equal(v->origin.end, strlen(text) - 1); // without the final line break
}

static void test_decode_yaml_origins_with_bom_and_crlf(void **state)
{
    Fixture *f = *state;
    Value *v = ok_yaml(f, "\xEF\xBB\xBF"
                          "a: 1\r\n"
                          "bé: [x, y]\r\n");
    Span one = member(v, "a")->origin;
    assert_int_equal(one.start, 6); // after the 3-byte BOM and "a: "
    assert_int_equal(one.end, 7);
    assert_span(f, member(v, "bé")->as.list.items[1]->origin, 2, 9, "y");
}

// --- YAML: anchors and aliases -----------------------------------------------

static void test_decode_yaml_aliases_expand(void **state)
{
    Fixture *f = *state;
    Value *v = ok_yaml(f, "base: &b\n"
                          "  cpu: 256\n"
                          "  tags: [a, b]\n"
                          "dev: *b\n"
                          "name: &n web\n"
                          "again: *n\n");
    Value *base = member(v, "base");
    Value *dev = member(v, "dev");
    assert_true(value_equal(base, dev));
    assert_span(f, dev->origin, 4, 6, "*b"); // the alias is where the value is used
    assert_span(f, member(dev, "cpu")->origin, 2, 8, "256");
    assert_string_value(member(v, "again"), "web");
}

static void test_decode_yaml_alias_redefined_uses_latest(void **state)
{
    Fixture *f = *state;
    Value *v = ok_yaml(f, "a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
    assert_number_value(member(v, "b"), 1);
    assert_number_value(member(v, "d"), 2);
}

static void test_decode_yaml_undefined_alias(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "a: *nope\n"));
    assert_one_error(f, E_YAML_ALIAS, 1, 4, "undefined YAML alias \"nope\"");
    diags_init(&f->diags, &f->arena);
    assert_null(yaml(f, "a: &self [1, *self]\n")); // no recursive structures
    assert_one_error(f, E_YAML_ALIAS, 1, 14, "undefined YAML alias \"self\"");
}

static void test_decode_yaml_alias_bomb_is_an_error(void **state)
{
    Fixture *f = *state;
    const char *bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                       "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                       "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    assert_null(yaml(f, bomb));
    assert_one_error(f, E_YAML_ALIAS, 7, 8, "YAML aliases expand to more than 1000000 values");
}

static void test_decode_yaml_alias_key_is_its_text(void **state)
{
    Fixture *f = *state;
    Value *v = ok_yaml(f, "&k name: 1\nref: *k\n");
    assert_string_value(member(v, "ref"), "name");
    diags_init(&f->diags, &f->arena);
    assert_null(yaml(f, "&k name: 1\n*k : 2\n"));
    assert_one_error(f, E_DUPLICATE_KEY, 2, 1, "duplicate key \"name\"");
}

// --- YAML: errors ------------------------------------------------------------

static void test_decode_yaml_unsupported_tag(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "image: !Ref Repo\n"));
    const Diag *g = assert_one_error(f, E_YAML_TAG, 1, 8, "unsupported YAML tag \"!Ref\"");
    assert_non_null(g->notes);
    diags_init(&f->diags, &f->arena);
    assert_null(yaml(f, "a: !!binary aGk=\n"));
    assert_one_error(f, E_YAML_TAG, 1, 4, "unsupported YAML tag \"!!binary\"");
}

static void test_decode_yaml_tag_mismatch(void **state)
{
    Fixture *f = *state;
    static const struct {
        const char *text;
        uint32_t col;
        const char *summary;
    } cases[] = {
        {"a: !!int abc", 4, "\"abc\" is not a valid YAML !!int"},
        {"a: !!int 1.5", 4, "\"1.5\" is not a valid YAML !!int"},
        {"a: !!float x", 4, "\"x\" is not a valid YAML !!float"},
        {"a: !!bool yes", 4, "\"yes\" is not a valid YAML !!bool"},
        {"a: !!null 0", 4, "\"0\" is not a valid YAML !!null"},
        {"a: !!map x", 4, "YAML tag \"!!map\" on a scalar"},
        {"a: !!seq {b: 1}", 4, "YAML tag \"!!seq\" on a mapping"},
        {"a: !!str [1]", 4, "YAML tag \"!!str\" on a sequence"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diags_init(&f->diags, &f->arena);
        assert_null(yaml(f, cases[i].text));
        assert_one_error(f, E_YAML_TAG, 1, cases[i].col, cases[i].summary);
    }
}

static void test_decode_yaml_inf_nan_rejected(void **state)
{
    Fixture *f = *state;
    static const char *const texts[] = {"a: .inf", "a: -.Inf", "a: .NaN", "a: !!float .nan"};
    for (size_t i = 0; i < 4; i++) {
        diags_init(&f->diags, &f->arena);
        assert_null(yaml(f, texts[i]));
        char summary[80];
        snprintf(summary, sizeof summary, "YAML number \"%s\" is not representable in JSON",
                 strrchr(texts[i], ' ') + 1);
        assert_one_error(f, E_NUMBER_RANGE, 1, 4, summary);
    }
    diags_init(&f->diags, &f->arena);
    assert_null(yaml(f, "a: 1e999"));
    assert_one_error(f, E_NUMBER_RANGE, 1, 4, "number \"1e999\" is out of range");
    diags_init(&f->diags, &f->arena);
    assert_string_value(member(ok_yaml(f, "a: \".inf\""), "a"), ".inf");
}

static void test_decode_yaml_second_document_is_an_error(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "a: 1\n---\nb: 2\n"));
    assert_one_error(f, E_YAML_MULTI_DOC, 2, 1, "more than one YAML document in the file");
}

static void test_decode_yaml_duplicate_key(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "port: 80\nname: web\n\"port\": 81\n"));
    const Diag *g = assert_one_error(f, E_DUPLICATE_KEY, 3, 1, "duplicate key \"port\"");
    assert_span(f, g->subject, 3, 1, "\"port\"");
    assert_non_null(g->notes);
    assert_span(f, g->notes->span, 1, 1, "port");
}

static void test_decode_yaml_collection_key_is_an_error(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "? [a, b]\n: 1\nok: 2\n"));
    assert_one_error(f, E_YAML_KEY, 1, 3, "YAML mapping key is a sequence, not a scalar");
}

static void test_decode_yaml_syntax_errors_at_line_col(void **state)
{
    Fixture *f = *state;
    static const struct {
        const char *text;
        uint32_t line, col;
        const char *summary;
    } cases[] = {
        {"a:\n  b: 1\n c: 2\n", 3, 2, "invalid YAML: did not find expected key"},
        {"é: [1, 2\nb: 3\n", 2, 2, "invalid YAML: did not find expected ',' or ']'"},
        {"a: \"unterminated\n", 2, 1, "invalid YAML: found unexpected end of stream"},
        {"a: b: c\n", 1, 5, "invalid YAML: mapping values are not allowed in this context"},
        {"\ta: 1\n", 1, 1, "invalid YAML: found character that cannot start any token"},
        {"é: x\x01\n", 1, 5, "invalid YAML: control characters are not allowed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diags_init(&f->diags, &f->arena);
        assert_null(yaml(f, cases[i].text));
        assert_one_error(f, E_BAD_YAML, cases[i].line, cases[i].col, cases[i].summary);
    }
}

static void test_decode_yaml_syntax_error_notes_the_context(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "x:\n  k: [1, 2\nb: 3\n"));
    const Diag *g = f->diags.items[0];
    assert_non_null(g->notes);
    assert_string_equal(g->notes->text, "while parsing a flow sequence");
    assert_span(f, g->notes->span, 2, 6, "[");
}

static void test_decode_yaml_rejects_nul_and_bad_utf8(void **state)
{
    Fixture *f = *state;
    assert_null(yaml(f, "a: \"x\\0y\"\n"));
    assert_one_error(f, E_NUL_IN_STRING, 1, 4, "string holds a NUL character (\\0)");
    diags_init(&f->diags, &f->arena);
    assert_null(yaml(f, "a: \xC3\x28\n"));
    assert_one_error(f, E_BAD_UTF8, 1, 4, "invalid UTF-8 byte 0xC3");
}

static void test_decode_yaml_nesting_limit(void **state)
{
    Fixture *f = *state;
    char *ok = nested("[", "]", 1000);
    ok_yaml(f, ok);
    free(ok);
    char *deep = nested("[", "]", 1001);
    assert_null(yaml(f, deep));
    free(deep);
    assert_one_error(f, E_NESTING_TOO_DEEP, 1, 1001, "YAML nested deeper than 1000 levels");
}

static void test_decode_yaml_alias_nesting_limit(void **state)
{
    Fixture *f = *state;
    char *a = nested("[", "]", 600);
    char *b = nested("[", "]", 500);
    char *star = strchr(b, '1');
    size_t len = strlen(a) + strlen(b) + 32;
    char *text = malloc(len);
    *star = '\0';
    snprintf(text, len, "a: &a %s\nb: %s*a%s\n", a, b, star + 1);
    assert_null(yaml(f, text));
    free(a);
    free(b);
    free(text);
    assert_one_error(f, E_NESTING_TOO_DEEP, 2, 504,
                     "YAML alias expands to nesting deeper than 1000 levels");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_decode_json_all_kinds_in_member_order),
        T(test_decode_json_numbers_exact),
        T(test_decode_json_string_escapes_and_unicode),
        T(test_decode_json_scalar_root_and_bom),
        T(test_decode_json_bom_and_one_digit),
        T(test_decode_json_wide_object_and_list),
        T(test_decode_json_origins_of_nested_values),
        T(test_decode_json_syntax_errors_at_line_col),
        T(test_decode_json_end_of_input_notes_the_opener),
        T(test_decode_json_duplicate_key_at_second_with_note),
        T(test_decode_json_duplicate_keys_all_reported),
        T(test_decode_json_rejects_nul_and_infinity),
        T(test_decode_rejects_inexact_integers),
        T(test_decode_json_rejects_bad_encoding),
        T(test_decode_json_nesting_limit),
        T(test_decode_yaml_core_schema_typing),
        T(test_decode_yaml_structure_and_member_order),
        T(test_decode_yaml_keys_are_their_text),
        T(test_decode_yaml_empty_document_is_null),
        T(test_decode_yaml_origins_are_byte_spans),
        T(test_decode_yaml_origins_with_bom_and_crlf),
        T(test_decode_yaml_aliases_expand),
        T(test_decode_yaml_alias_redefined_uses_latest),
        T(test_decode_yaml_undefined_alias),
        T(test_decode_yaml_alias_bomb_is_an_error),
        T(test_decode_yaml_alias_key_is_its_text),
        T(test_decode_yaml_unsupported_tag),
        T(test_decode_yaml_tag_mismatch),
        T(test_decode_yaml_inf_nan_rejected),
        T(test_decode_yaml_second_document_is_an_error),
        T(test_decode_yaml_duplicate_key),
        T(test_decode_yaml_collection_key_is_an_error),
        T(test_decode_yaml_syntax_errors_at_line_col),
        T(test_decode_yaml_syntax_error_notes_the_context),
        T(test_decode_yaml_rejects_nul_and_bad_utf8),
        T(test_decode_yaml_nesting_limit),
        T(test_decode_yaml_alias_nesting_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
