// test_funcs.c - the function library through funcs.h: every function's
// results (Terraform's semantics) and its errors (code and span).
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
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "funcs/funcs.h"

// The pseudo-file that calls point into: argument i is written at bytes
// [2 + 4i, 4 + 4i), the call is the whole text.
#define CALL_TEXT "f(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9)"
#define MAX_ARGS 10

typedef struct Fixture {
    Arena arena;
    Diags diags;
    SourceSet src;
    FnContext ctx;
    uint32_t file;
    const char *base_dir;    // for file functions
    char tmp[PATH_MAX];      // a scratch directory (file tests)
    char root[PATH_MAX + 8]; // the project root inside it
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    diags_init(&f->diags, &f->arena);
    source_init(&f->src, &f->arena);
    f->file = source_add(&f->src, "dir/test.hcl", CALL_TEXT, strlen(CALL_TEXT));
    fn_context_init(&f->ctx, &f->arena, &f->diags, &f->src, NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    fn_context_free(&f->ctx);
    arena_free(&f->arena);
    free(f);
    return 0;
}

static Span arg_span(Fixture *f, uint32_t i)
{
    return span_make(f->file, 2 + 4 * i, 4 + 4 * i);
}

static Span call_span(Fixture *f)
{
    return span_make(f->file, 0, (uint32_t)strlen(CALL_TEXT));
}

static Value *call_v(Fixture *f, const char *name, uint32_t n, va_list ap)
{
    Value **args = arena_alloc(&f->arena, (n + 1) * sizeof(Value *));
    Span *spans = arena_alloc(&f->arena, (n + 1) * sizeof(Span));
    assert_true(n <= MAX_ARGS);
    for (uint32_t i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value *);
        spans[i] = arg_span(f, i);
    }
    FnCall call = {name, span_make(f->file, 0, 1), call_span(f), args, spans, n, f->base_dir, NULL};
    return fn_call(&f->ctx, &call);
}

static Value *call(Fixture *f, const char *name, uint32_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    Value *v = call_v(f, name, n, ap);
    va_end(ap);
    return v;
}

// --- building values ------------------------------------------------------------

static Value *str(Fixture *f, const char *s)
{
    return value_cstring(&f->arena, span_none(), s);
}

static Value *num(Fixture *f, double n)
{
    return value_number(&f->arena, span_none(), n);
}

static Value *seq(Fixture *f, uint8_t flags, uint32_t n, ...)
{
    Value *v = value_list_new(&f->arena, span_none(), n);
    v->flags = flags;
    va_list ap;
    va_start(ap, n);
    for (uint32_t i = 0; i < n; i++)
        v->as.list.items[i] = va_arg(ap, Value *);
    va_end(ap);
    return v;
}

// n key/value pairs: const char *, Value *.
static Value *obj(Fixture *f, uint8_t flags, uint32_t n, ...)
{
    Value *v = value_object_new(&f->arena, span_none(), n);
    v->flags = flags;
    va_list ap;
    va_start(ap, n);
    for (uint32_t i = 0; i < n; i++) {
        const char *k = va_arg(ap, const char *);
        Value *val = va_arg(ap, Value *);
        value_object_put(&f->arena, v, k, strlen(k), val);
    }
    va_end(ap);
    return v;
}

// Shorthands that use the test's Fixture `f`.
#define S(s) str(f, s)
#define N(n) num(f, n)
#define B(b) value_bool(&f->arena, span_none(), b)
#define NUL value_null(&f->arena, span_none())
#define TUP(...) seq(f, VALF_TUPLE, __VA_ARGS__)
#define LIST(...) seq(f, 0, __VA_ARGS__)
#define SET(...) seq(f, VALF_SET, __VA_ARGS__)
#define OBJ(...) obj(f, 0, __VA_ARGS__)
#define MAP(...) obj(f, VALF_MAP, __VA_ARGS__)
#define CALL(...) call(f, __VA_ARGS__)
#define ARG(i) arg_span(f, i)
#define AT_CALL call_span(f)

// --- checking results --------------------------------------------------------------

static void print_value(FILE *out, const Value *v)
{
    char buf[VALUE_NUMBER_BUF];
    switch (v->kind) {
    case VAL_INVALID:
        fputs("<invalid>", out);
        return;
    case VAL_NULL:
        fputs("null", out);
        return;
    case VAL_BOOL:
        fputs(v->as.boolean ? "true" : "false", out);
        return;
    case VAL_NUMBER:
        fputs(value_number_text(v->as.number, buf), out);
        return;
    case VAL_STRING:
        fputc('"', out);
        for (uint32_t i = 0; i < v->as.str.len; i++) {
            char c = v->as.str.ptr[i];
            if (c == '"' || c == '\\')
                fprintf(out, "\\%c", c);
            else if (c == '\n')
                fputs("\\n", out);
            else if (c == '\r')
                fputs("\\r", out);
            else
                fputc(c, out);
        }
        fputc('"', out);
        return;
    case VAL_LIST:
        fputc('[', out);
        for (uint32_t i = 0; i < v->as.list.count; i++) {
            fputs(i ? "," : "", out);
            print_value(out, v->as.list.items[i]);
        }
        fputc(']', out);
        return;
    case VAL_OBJECT:
        fputc('{', out);
        for (uint32_t i = 0; i < v->as.object.count; i++) {
            fprintf(out, "%s\"%s\":", i ? "," : "", v->as.object.keys[i].ptr);
            print_value(out, v->as.object.vals[i]);
        }
        fputc('}', out);
        return;
    }
}

static void reset(Fixture *f)
{
    diags_init(&f->diags, &f->arena);
    f->ctx.diags = &f->diags;
}

static void show_diags(Fixture *f)
{
    for (size_t i = 0; i < f->diags.count; i++)
        fprintf(stderr, "  diag E%04d: %s\n", f->diags.items[i]->code, f->diags.items[i]->summary);
}

// The value must print as `want`, with no diagnostic.
static void check_value(Fixture *f, Value *v, const char *want, int line)
{
    if (f->diags.count)
        show_diags(f);
    _assert_int_equal(f->diags.count, 0, __FILE__, line);
    char *got = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&got, &len);
    print_value(out, v);
    fclose(out);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "  got:  %s\n  want: %s\n", got, want);
    _assert_string_equal(got, want, __FILE__, line);
    free(got);
    reset(f);
}

// The call must fail with one diagnostic `code` at `at` whose summary holds
// `text` (when not NULL).
static void check_error(Fixture *f, Value *v, DiagCode code, Span at, const char *text, int line)
{
    if (f->diags.count != 1 || v->kind != VAL_INVALID)
        show_diags(f);
    _assert_int_equal(v->kind, VAL_INVALID, __FILE__, line);
    _assert_int_equal(f->diags.count, 1, __FILE__, line);
    const Diag *g = f->diags.items[0];
    if (g->code != code || g->subject.start != at.start || g->subject.end != at.end ||
        (text && !strstr(g->summary, text)))
        fprintf(stderr, "  diag E%04d [%u,%u): %s\n", g->code, g->subject.start, g->subject.end,
                g->summary);
    _assert_int_equal(g->code, code, __FILE__, line);
    _assert_int_equal(g->subject.file, at.file, __FILE__, line);
    _assert_int_equal(g->subject.start, at.start, __FILE__, line);
    _assert_int_equal(g->subject.end, at.end, __FILE__, line);
    if (text)
        _assert_true(strstr(g->summary, text) != NULL, text, __FILE__, line);
    reset(f);
}

#define CHECK(v, want) check_value(f, v, want, __LINE__)
#define CHECK_ERROR(v, code, at, text) check_error(f, v, code, at, text, __LINE__)

// --- the table ---------------------------------------------------------------------

static void test_fn_exists_knows_library_and_not_special_forms(void **state)
{
    (void)state;
    assert_true(fn_exists("upper"));
    assert_true(fn_exists("zipmap"));
    assert_true(fn_exists("abs"));
    assert_false(fn_exists("uper"));
    assert_false(fn_exists("can"));
    assert_false(fn_exists("try"));
    assert_false(fn_exists("templatefile"));
    assert_false(fn_exists(""));
}

static void test_fn_names_are_sorted_and_all_exist(void **state)
{
    (void)state;
    size_t n;
    const char *const *names = fn_names(&n);
    assert_true(n >= 70);
    for (size_t i = 0; i < n; i++) {
        assert_true(fn_exists(names[i]));
        if (i)
            assert_true(strcmp(names[i - 1], names[i]) < 0);
    }
}

static void test_fn_takes_intrinsics_only_for_the_intrinsic_builders(void **state)
{
    (void)state;
    assert_true(fn_takes_intrinsics("cfn_sub"));
    assert_true(fn_takes_intrinsics("cfn_ref"));
    assert_true(fn_takes_intrinsics("cfn_join"));
    assert_false(fn_takes_intrinsics("upper"));
    assert_false(fn_takes_intrinsics("join"));
    assert_false(fn_takes_intrinsics("cfn_nothing"));
    assert_false(fn_takes_intrinsics("templatefile"));
}

// fn_find gives the function evaluation calls through FnCall.def, with the
// same answers as fn_exists and fn_takes_intrinsics.
static void test_fn_find_agrees_with_the_name_lookups(void **state)
{
    (void)state;
    assert_null(fn_find("can"));
    assert_null(fn_find("uper"));
    assert_non_null(fn_find("upper"));
    assert_true(fn_def_takes_intrinsics(fn_find("cfn_sub")));
    assert_false(fn_def_takes_intrinsics(fn_find("upper")));
}

// cfn_equals, cfn_and and cfn_not build conditions; cfn_if is none, and
// cfn_and refuses it as an argument at that argument.
static void test_fn_cfn_conditions(void **state)
{
    Fixture *f = *state;
    Value *eq = call(f, "cfn_equals", 2, str(f, "a"), num(f, 1));
    assert_true(fn_is_condition(eq));
    Value *both = call(f, "cfn_and", 2, eq, call(f, "cfn_not", 1, eq));
    assert_true(fn_is_condition(both));
    assert_string_equal(both->as.object.keys[0].ptr, "Fn::And");
    assert_int_equal(both->as.object.vals[0]->as.list.count, 2);
    Value *pick = call(f, "cfn_if", 3, str(f, "IsProd"), str(f, "x"), num(f, 2));
    assert_false(fn_is_condition(pick));
    assert_false(fn_is_condition(str(f, "IsProd")));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(call(f, "cfn_or", 2, eq, pick)->kind, VAL_INVALID);
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0]->subject.start, arg_span(f, 1).start);
}

static void test_fn_report_intrinsic_use_names_ref_or_intrinsic(void **state)
{
    Fixture *f = *state;
    Arena *a = &f->arena;
    Value *env = value_cstring(a, arg_span(f, 1), "Env");
    Value *ref = value_new_intrinsic(a, arg_span(f, 1), "Ref", 3, env);
    fn_report_intrinsic_use(&f->diags, ref, arg_span(f, 0), "operator +");
    Value *x = value_cstring(a, arg_span(f, 0), "x");
    Value *sub = value_new_intrinsic(a, arg_span(f, 0), "Fn::Sub", 7, x);
    fn_report_intrinsic_use(&f->diags, sub, arg_span(f, 0), "function upper");
    assert_int_equal(f->diags.errors, 2);
    const Diag *d = f->diags.items[0];
    assert_int_equal(d->code, E_CFN_PARAMETER_USE);
    assert_string_equal(d->summary, "operator + cannot use CloudFormation's Ref \"Env\": its "
                                    "value is known only when the stack is deployed");
    assert_int_equal(d->notes->kind, NOTE_SPAN); // the Ref was written elsewhere
    assert_int_equal(d->notes->span.start, arg_span(f, 1).start);
    d = f->diags.items[1];
    assert_string_equal(d->summary, "function upper cannot use the CloudFormation intrinsic "
                                    "Fn::Sub: its value is known only when the stack is deployed");
    assert_int_equal(d->subject.start, arg_span(f, 0).start);
    assert_int_equal(d->notes->kind, NOTE_HELP); // written where it is used: no note
}

static void test_fn_arity_errors_name_the_function_at_the_call(void **state)
{
    Fixture *f = *state;
    CHECK_ERROR(CALL("join", 1, S(",")), E_FUNC_ARITY, AT_CALL,
                "function \"join\" takes 2 arguments, got 1");
    CHECK_ERROR(CALL("upper", 0), E_FUNC_ARITY, AT_CALL, "takes 1 argument, got 0");
    CHECK_ERROR(CALL("lookup", 1, S("x")), E_FUNC_ARITY, AT_CALL, "takes 2 or 3 arguments, got 1");
    CHECK_ERROR(CALL("range", 4, N(1), N(2), N(3), N(4)), E_FUNC_ARITY, AT_CALL,
                "takes 1 to 3 arguments, got 4");
    CHECK_ERROR(CALL("min", 0), E_FUNC_ARITY, AT_CALL, "takes at least 1 argument, got 0");
}

static void test_fn_invalid_argument_fails_silently(void **state)
{
    Fixture *f = *state;
    Value *v = CALL("upper", 1, value_invalid(&f->arena, span_none()));
    assert_int_equal(v->kind, VAL_INVALID);
    assert_int_equal(f->diags.count, 0);
    v = CALL("join", 2, S(","), LIST(2, S("a"), value_invalid(&f->arena, span_none())));
    assert_int_equal(v->kind, VAL_INVALID);
    assert_int_equal(f->diags.count, 0);
    v = CALL("jsonencode", 1, LIST(1, value_invalid(&f->arena, span_none())));
    assert_int_equal(v->kind, VAL_INVALID);
    assert_int_equal(f->diags.count, 0);
}

static void test_fn_unknown_function_is_reported_at_the_name(void **state)
{
    Fixture *f = *state;
    CHECK_ERROR(CALL("nosuch", 0), E_UNKNOWN_FUNCTION, span_make(f->file, 0, 1), "nosuch");
}

static void test_fn_results_carry_no_sensitive_flag(void **state)
{
    Fixture *f = *state;
    Value *secret = value_mark_sensitive(&f->arena, S("abc"));
    Value *v = CALL("upper", 1, secret);
    assert_int_equal(v->flags & VALF_SENSITIVE, 0);
    CHECK(v, "\"ABC\"");
}

static void test_fn_sensitive_values_stay_out_of_messages(void **state)
{
    Fixture *f = *state;
    Value *secret = value_mark_sensitive(&f->arena, S("hunter2"));
    Value *v = CALL("tonumber", 1, secret);
    assert_int_equal(f->diags.count, 1);
    assert_null(strstr(f->diags.items[0]->summary, "hunter2"));
    CHECK_ERROR(v, E_FUNC_ARG, ARG(0), "(sensitive value)");
    v = CALL("lookup", 2, OBJ(1, "hunter", N(1)), secret);
    assert_int_equal(f->diags.count, 1);
    assert_null(strstr(f->diags.items[0]->summary, "hunter2"));
    for (const DiagNote *n = f->diags.items[0]->notes; n; n = n->next)
        assert_null(strstr(n->text, "hunter")); // no "did you mean" for a secret
    CHECK_ERROR(v, E_FUNC_ARG, ARG(1), "(sensitive value)");
}

// --- format -------------------------------------------------------------------------

static void test_fn_format_substitutes_verbs(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("format", 2, S("Hello, %s!"), S("Ander")), "\"Hello, Ander!\"");
    CHECK(CALL("format", 2, S("There are %d lights"), N(4)), "\"There are 4 lights\"");
    CHECK(CALL("format", 1, S("100%%")), "\"100%\"");
    CHECK(CALL("format", 3, S("%[2]s %[1]s %s"), S("a"), S("b")), "\"b a b\"");
    CHECK(CALL("format", 2, S("%d"), S("12")), "\"12\"");
    CHECK(CALL("format", 2, S("%s"), N(1.5)), "\"1.5\"");
    CHECK(CALL("format", 2, S("%t"), S("true")), "\"true\"");
}

static void test_fn_format_integer_flags_follow_go(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("format", 2, S("%5d|"), N(42)), "\"   42|\"");
    CHECK(CALL("format", 2, S("%-5d|"), N(42)), "\"42   |\"");
    CHECK(CALL("format", 2, S("%05d"), N(-42)), "\"-0042\"");
    CHECK(CALL("format", 2, S("%+d"), N(5)), "\"+5\"");
    CHECK(CALL("format", 2, S("% d"), N(5)), "\" 5\"");
    CHECK(CALL("format", 3, S("%x %X"), N(255), N(255)), "\"ff FF\"");
    CHECK(CALL("format", 4, S("%#x %#o %#b"), N(255), N(8), N(5)), "\"0xff 010 0b101\"");
    CHECK(CALL("format", 3, S("%o %b"), N(8), N(5)), "\"10 101\"");
    CHECK(CALL("format", 2, S("%.3d"), N(7)), "\"007\"");
    CHECK(CALL("format", 2, S("[%.0d]"), N(0)), "\"[]\"");
    CHECK(CALL("format", 2, S("%x"), N(-255)), "\"-ff\"");
    CHECK(CALL("format", 2, S("%d"), N(1e20)), "\"100000000000000000000\"");
}

static void test_fn_format_float_verbs_follow_go(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("format", 2, S("%f"), N(3.14159)), "\"3.141590\"");
    CHECK(CALL("format", 2, S("%.2f"), N(3.14159)), "\"3.14\"");
    CHECK(CALL("format", 2, S("%8.3f|"), N(-3.14159)), "\"  -3.142|\"");
    CHECK(CALL("format", 2, S("%08.3f"), N(-3.14159)), "\"-003.142\"");
    CHECK(CALL("format", 2, S("%-8.1f|"), N(2.5)), "\"2.5     |\"");
    CHECK(CALL("format", 2, S("%+.1f"), N(2)), "\"+2.0\"");
    CHECK(CALL("format", 2, S("%e"), N(1234.5)), "\"1.234500e+03\"");
    CHECK(CALL("format", 2, S("%E"), N(1234.5)), "\"1.234500E+03\"");
    CHECK(CALL("format", 2, S("%g"), N(0.1)), "\"0.1\"");
    CHECK(CALL("format", 2, S("%g"), N(123456)), "\"123456\"");
    CHECK(CALL("format", 2, S("%g"), N(1234567)), "\"1.234567e+06\"");
    CHECK(CALL("format", 2, S("%g"), N(1e6)), "\"1e+06\"");
    CHECK(CALL("format", 2, S("%g"), N(0.000012345)), "\"1.2345e-05\"");
    CHECK(CALL("format", 2, S("%G"), N(1e-7)), "\"1E-07\"");
    CHECK(CALL("format", 2, S("%.3g"), N(1234.5)), "\"1.23e+03\"");
    CHECK(CALL("format", 2, S("%g"), N(0)), "\"0\"");
}

static void test_fn_format_strings_pad_and_cut_in_characters(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("format", 2, S("%5s|"), S("ab")), "\"   ab|\"");
    CHECK(CALL("format", 2, S("%-5s|"), S("ab")), "\"ab   |\"");
    CHECK(CALL("format", 2, S("%05s"), S("ab")), "\"000ab\"");
    CHECK(CALL("format", 2, S("%.2s"), S("h\xC3\xA9llo")), "\"h\xC3\xA9\"");
    CHECK(CALL("format", 2, S("%4s|"), S("\xC3\xA9")), "\"   \xC3\xA9|\"");
    CHECK(CALL("format", 2, S("%q"), S("a\"b")), "\"\\\"a\\\\\\\"b\\\"\"");
}

static void test_fn_format_v_uses_json_for_collections(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("format", 2, S("%v"), TUP(2, N(1), S("a"))), "\"[1,\\\"a\\\"]\"");
    CHECK(CALL("format", 2, S("%v"), OBJ(1, "a", N(1))), "\"{\\\"a\\\":1}\"");
    CHECK(CALL("format", 2, S("%#v"), S("hello")), "\"\\\"hello\\\"\"");
    CHECK(CALL("format", 2, S("%v"), S("hello")), "\"hello\"");
    CHECK(CALL("format", 2, S("%v"), N(8080)), "\"8080\"");
    CHECK(CALL("format", 2, S("%v"), B(true)), "\"true\"");
    CHECK(CALL("format", 2, S("%v"), NUL), "\"null\"");
}

static void test_fn_format_errors_point_at_the_culprit(void **state)
{
    Fixture *f = *state;
    CHECK_ERROR(CALL("format", 2, S("%d"), N(1.5)), E_FUNC_ARG, ARG(1), "a whole number");
    CHECK_ERROR(CALL("format", 2, S("%s %s"), S("a")), E_FUNC_ARG, ARG(0), "not enough arguments");
    CHECK_ERROR(CALL("format", 3, S("%s"), S("a"), S("b")), E_FUNC_ARG, ARG(2),
                "too many arguments");
    CHECK_ERROR(CALL("format", 2, S("x"), S("a")), E_FUNC_ARG, ARG(1), "too many arguments");
    CHECK_ERROR(CALL("format", 2, S("%y"), S("a")), E_FUNC_ARG, ARG(0), "unsupported verb \"%y\"");
    CHECK_ERROR(CALL("format", 1, S("50%")), E_FUNC_ARG, ARG(0), "unfinished verb");
    CHECK_ERROR(CALL("format", 2, S("%s"), LIST(0)), E_FUNC_ARG, ARG(1), "needs a string");
    CHECK_ERROR(CALL("format", 2, S("%d"), NUL), E_FUNC_ARG, ARG(1), "needs a value");
    CHECK_ERROR(CALL("format", 2, S("%d"), S("abc")), E_FUNC_ARG, ARG(1), "needs a number");
    CHECK_ERROR(CALL("format", 2, S("%t"), N(1)), E_FUNC_ARG, ARG(1), "needs a bool");
    CHECK_ERROR(CALL("format", 2, S("%*d"), N(1)), E_FUNC_ARG, ARG(0), "not supported");
    CHECK_ERROR(CALL("format", 2, S("%99999d"), N(1)), E_FUNC_ARG, ARG(0), "larger than");
    CHECK_ERROR(CALL("format", 1, TUP(0)), E_FUNC_ARG, ARG(0), "must be a string");
}

static void test_fn_formatlist_iterates_lists_together(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("formatlist", 3, S("%s-%d"), TUP(2, S("a"), S("b")), N(1)), "[\"a-1\",\"b-1\"]");
    CHECK(CALL("formatlist", 3, S("%s=%s"), LIST(2, S("a"), S("b")), LIST(2, S("x"), S("y"))),
          "[\"a=x\",\"b=y\"]");
    CHECK(CALL("formatlist", 1, S("x")), "[\"x\"]");
    CHECK(CALL("formatlist", 2, S("%s"), LIST(0)), "[]");
    CHECK_ERROR(CALL("formatlist", 3, S("%s%s"), LIST(1, S("a")), LIST(2, S("a"), S("b"))),
                E_FUNC_ARG, ARG(2), "inconsistent");
    CHECK_ERROR(CALL("formatlist", 2, S("%d"), LIST(2, N(1), S("x"))), E_FUNC_ARG, ARG(1),
                "needs a number");
}

// --- other strings ---------------------------------------------------------------------

static void test_fn_join_converts_scalars_and_refuses_null(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("join", 2, S(", "), TUP(3, S("a"), N(1), B(true))), "\"a, 1, true\"");
    CHECK(CALL("join", 2, S("-"), LIST(0)), "\"\"");
    CHECK(CALL("join", 2, S("-"), SET(2, S("a"), S("b"))), "\"a-b\"");
    CHECK_ERROR(CALL("join", 2, S(","), LIST(2, S("a"), NUL)), E_FUNC_ARG, ARG(1),
                "element 1 is null");
    CHECK_ERROR(CALL("join", 2, S(","), S("x")), E_FUNC_ARG, ARG(1),
                "argument 2 of join must be a list of strings, got string");
}

static void test_fn_split_follows_go(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("split", 2, S(","), S("a,b,,c")), "[\"a\",\"b\",\"\",\"c\"]");
    CHECK(CALL("split", 2, S(","), S("")), "[\"\"]");
    CHECK(CALL("split", 2, S("::"), S("a::b:c::")), "[\"a\",\"b:c\",\"\"]");
    CHECK(CALL("split", 2, S(""), S("h\xC3\xA9!")), "[\"h\",\"\xC3\xA9\",\"!\"]");
    CHECK(CALL("split", 2, S(""), S("")), "[]");
    CHECK_ERROR(CALL("split", 2, S(","), LIST(0)), E_FUNC_ARG, ARG(1),
                "must be a string, got list");
}

static void test_fn_upper_lower_map_unicode_case(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("upper", 1, S("h\xC3\xA9llo w\xC3\xB6rld")), "\"H\xC3\x89LLO W\xC3\x96RLD\"");
    CHECK(CALL("lower", 1, S("\xC3\x80\xC3\x89 \xCE\xA3\xCE\x91")),
          "\"\xC3\xA0\xC3\xA9 \xCF\x83\xCE\xB1\"");
    CHECK(CALL("upper", 1, S("abc-123")), "\"ABC-123\"");
    // Simple case mapping, as Go: sharp s stays, final sigma becomes sigma.
    CHECK(CALL("upper", 1,
               S("stra\xC3\x9F"
                 "e \xCF\x83\xCE\xB1\xCF\x82")),
          "\"STRA\xC3\x9F"
          "E \xCE\xA3\xCE\x91\xCE\xA3\"");
    CHECK(CALL("lower", 1, N(1)), "\"1\"");
    // ASCII runs are mapped a block of 128 bytes at a time: across blocks
    // and with a non-ASCII character between runs.
    char in[302], out[306];
    for (int i = 0; i < 300; i++)
        in[i] = (char)('a' + i % 26);
    memcpy(in + 150, "\xC3\xA9", 2);
    in[300] = '\0';
    out[0] = '"';
    for (int i = 0; i < 300; i++)
        out[1 + i] = (char)('A' + i % 26);
    memcpy(out + 151, "\xC3\x89", 2);
    strcpy(out + 301, "\"");
    CHECK(CALL("upper", 1, S(in)), out);
    CHECK_ERROR(CALL("upper", 1, LIST(0)), E_FUNC_ARG, ARG(0), "must be a string, got list");
    CHECK_ERROR(CALL("lower", 1, NUL), E_FUNC_ARG, ARG(0), "got null");
}

static void test_fn_title_capitalizes_words_as_go(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("title", 1, S("hello world-foo_bar 2nd \xC3\xA9lan")),
          "\"Hello World-Foo_bar 2nd \xC3\x89lan\"");
    CHECK(CALL("title", 1,
               S("\xC7\x86"
                 "emal")),
          "\"\xC7\x85"
          "emal\"");
    CHECK_ERROR(CALL("title", 1, OBJ(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_trim_functions(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("trim", 2, S("?!hello?!"), S("!?")), "\"hello\"");
    CHECK(CALL("trim", 2, S("  x  "), S("")), "\"  x  \"");
    CHECK(CALL("trim", 2, S("\xC3\xA9x\xC3\xA9"), S("\xC3\xA9")), "\"x\"");
    CHECK(CALL("trimspace", 1, S("\n\t hi \xC2\xA0\r\n")), "\"hi\"");
    CHECK(CALL("trimspace", 1, S("   ")), "\"\"");
    CHECK(CALL("trimprefix", 2, S("helloworld"), S("hello")), "\"world\"");
    CHECK(CALL("trimprefix", 2, S("helloworld"), S("world")), "\"helloworld\"");
    CHECK(CALL("trimsuffix", 2, S("helloworld"), S("world")), "\"hello\"");
    CHECK(CALL("trimsuffix", 2, S("hello"), S("xhello")), "\"hello\"");
    CHECK_ERROR(CALL("trim", 2, S("x"), NUL), E_FUNC_ARG, ARG(1), NULL);
    CHECK_ERROR(CALL("trimspace", 1, LIST(0)), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("trimprefix", 2, LIST(0), S("x")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("trimsuffix", 2, S("x"), OBJ(0)), E_FUNC_ARG, ARG(1), NULL);
}

static void test_fn_startswith_endswith(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("startswith", 2, S("hello world"), S("hello")), "true");
    CHECK(CALL("startswith", 2, S("hello world"), S("world")), "false");
    CHECK(CALL("endswith", 2, S("hello world"), S("world")), "true");
    CHECK(CALL("endswith", 2, S("hello"), S("")), "true");
    CHECK_ERROR(CALL("startswith", 2, NUL, S("x")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("endswith", 2, S("x"), LIST(0)), E_FUNC_ARG, ARG(1), NULL);
}

static void test_fn_substr_strlen_count_code_points(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("substr", 3, S("hello world"), N(1), N(4)), "\"ello\"");
    CHECK(CALL("substr", 3, S("\xF0\x9F\xA4\x94\xF0\x9F\xA4\xB7"), N(0), N(1)),
          "\"\xF0\x9F\xA4\x94\"");
    CHECK(CALL("substr", 3, S("hello"), N(-3), N(-1)), "\"llo\"");
    CHECK(CALL("substr", 3, S("hello"), N(10), N(2)), "\"\"");
    CHECK(CALL("substr", 3, S("hello"), N(1), N(0)), "\"\"");
    CHECK(CALL("substr", 3, S("hello"), N(3), N(99)), "\"lo\"");
    CHECK(CALL("strlen", 1, S("h\xC3\xA9llo")), "5");
    CHECK(CALL("strlen", 1, S("")), "0");
    CHECK_ERROR(CALL("substr", 3, S("x"), N(1.5), N(1)), E_FUNC_ARG, ARG(1), "whole number");
    CHECK_ERROR(CALL("substr", 3, S("x"), N(0), S("y")), E_FUNC_ARG, ARG(2), "must be a number");
    CHECK_ERROR(CALL("strlen", 1, LIST(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_chomp_and_indent(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("chomp", 1, S("hello\r\n\n\r")), "\"hello\"");
    CHECK(CALL("chomp", 1, S("a\nb")), "\"a\\nb\"");
    CHECK(CALL("indent", 2, N(2), S("a\nb\n")), "\"a\\n  b\\n  \"");
    CHECK(CALL("indent", 2, N(0), S("a\nb")), "\"a\\nb\"");
    CHECK_ERROR(CALL("chomp", 1, LIST(0)), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("indent", 2, N(-1), S("a")), E_FUNC_ARG, ARG(0), "must not be negative");
    CHECK_ERROR(CALL("indent", 2, N(100000000), S("a\nb")), E_FUNC_LIMIT, AT_CALL, "limit");
}

// --- replace and regular expressions ---------------------------------------------------

static void test_fn_replace_plain_and_regex(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("replace", 3, S("1 + 2 + 3"), S("+"), S("-")), "\"1 - 2 - 3\"");
    CHECK(CALL("replace", 3, S("abc"), S(""), S("-")), "\"-a-b-c-\"");
    CHECK(CALL("replace", 3, S("aaa"), S("aa"), S("b")), "\"ba\"");
    CHECK(CALL("replace", 3, S("a/b"), S("/"), S("x")), "\"axb\"");
    CHECK(CALL("replace", 3, S("hello world"), S("/w.*d/"), S("everybody")), "\"hello everybody\"");
    CHECK(CALL("replace", 3, S("John Smith"), S("/(\\w+) (\\w+)/"), S("$2, $1")),
          "\"Smith, John\"");
    CHECK(CALL("replace", 3, S("John Smith"), S("/(?P<first>\\w+) (?P<last>\\w+)/"),
               S("${last}_$first $$")),
          "\"Smith_John $\"");
    CHECK(CALL("replace", 3, S("ab"), S("/(a)/"), S("$1x|${1}x")), "\"|axb\"");
    CHECK(CALL("replace", 3, S("abc"), S("/x*/"), S("-")), "\"-a-b-c-\"");
    CHECK(CALL("replace", 3, S("a$b"), S("/\\$/"), S("$")), "\"a$b\"");
    CHECK_ERROR(CALL("replace", 3, S("a"), S("/(/"), S("")), E_BAD_REGEX, ARG(1),
                "invalid regular expression at character 2: missing closing parenthesis");
    CHECK_ERROR(CALL("replace", 3, S("a"), LIST(0), S("")), E_FUNC_ARG, ARG(1), NULL);
}

static void test_fn_regex_result_shapes(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("regex", 2, S("[a-z]+"), S("53453453.345345aaabbbccc23454")), "\"aaabbbccc\"");
    CHECK(CALL("regex", 2, S("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), S("2019-02-01")),
          "[\"2019\",\"02\",\"01\"]");
    CHECK(CALL("regex", 2, S("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"),
               S("https://terraform.io/docs/")),
          "{\"scheme\":\"https\",\"authority\":\"terraform.io\"}");
    CHECK(CALL("regex", 2, S("(a)|(b)"), S("b")), "[null,\"b\"]");
    CHECK(CALL("regex", 2, S("^\\d+$"), S("123")), "\"123\"");
    CHECK_ERROR(CALL("regex", 2, S("^\\d+$"), S("123\n")), E_REGEX_NO_MATCH, ARG(1),
                "did not match");
    CHECK_ERROR(CALL("regex", 2, S("x"), S("abc")), E_REGEX_NO_MATCH, ARG(1), NULL);
    CHECK_ERROR(CALL("regex", 2, S("(?P<a>x)(y)"), S("xy")), E_BAD_REGEX, ARG(0), "mixes named");
    CHECK_ERROR(CALL("regex", 2, S("[a-"), S("x")), E_BAD_REGEX, ARG(0),
                "invalid regular expression");
}

static void test_fn_regexall_advances_like_go(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("regexall", 2, S("[a-z]+"), S("1234abcd5678efgh9")), "[\"abcd\",\"efgh\"]");
    CHECK(CALL("regexall", 2, S("[a-z]+"), S("1234")), "[]");
    CHECK(CALL("regexall", 2, S("a*"), S("baaac")), "[\"\",\"aaa\",\"\"]");
    CHECK(CALL("regexall", 2, S(""), S("\xC3\xA9x")), "[\"\",\"\",\"\"]");
    CHECK(CALL("regexall", 2, S("(\\w)=(\\d)"), S("a=1 b=2")), "[[\"a\",\"1\"],[\"b\",\"2\"]]");
    CHECK_ERROR(CALL("regexall", 2, S("(x"), S("x")), E_BAD_REGEX, ARG(0), NULL);
}

static void test_fn_regex_catastrophic_pattern_hits_the_limit(void **state)
{
    Fixture *f = *state;
    char subject[64];
    memset(subject, 'a', 40);
    strcpy(subject + 40, "!");
    CHECK_ERROR(CALL("regexall", 2, S("(a+)+[bc]$"), S(subject)), E_REGEX_BUDGET, AT_CALL,
                "budget");
}

// Many matches that each cost some backtracking share one budget per call
// (each pcre2_match call alone stays far below it).
static void test_fn_regex_budget_spans_all_matches(void **state)
{
    Fixture *f = *state;
    static const char seg[] = "aaaaaaaaaaaa!";
    size_t n = 1000, k = sizeof seg - 1;
    char *subject = malloc(n * k + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(subject + i * k, seg, k);
    subject[n * k] = '\0';
    CHECK_ERROR(CALL("regexall", 2, S("(a|a)*(a|a)*!X|(a|a)+!"), S(subject)), E_REGEX_BUDGET,
                AT_CALL, "budget");
    CHECK(CALL("regexall", 2, S("(a|a)*(a|a)*!X|(a|a)+!"), S("aaaaaaaaaaaa!aaa!")),
          "[[null,null,\"a\"],[null,null,\"a\"]]");
    free(subject);
}

// A counted repeat that fails at each start position compares up to its
// least count of characters there, with no callout after it: charged too.
static void test_fn_regex_budget_counts_long_repeats(void **state)
{
    Fixture *f = *state;
    size_t k = 3000, n = 100 * k;
    char *subject = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        subject[i] = i % k == k - 1 ? 'b' : 'a';
    subject[n] = '\0';
    CHECK_ERROR(CALL("regexall", 2, S("a{3000}"), S(subject)), E_REGEX_BUDGET, AT_CALL, "budget");
    Value *v = CALL("regexall", 2, S("a{2,2999}b|\\x{62}{2}"), S(subject));
    assert_int_equal(v->as.list.count, 100);
    free(subject);
}

// Ordinary patterns over a long subject stay far within the budget, which
// counts every step of every start position ([0-9]+ here: 1.25 M steps).
static void test_fn_regexall_long_subject_succeeds(void **state)
{
    Fixture *f = *state;
    size_t n = 1000000;
    char *subject = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        subject[i] = i % 4 == 3 ? '-' : (char)('0' + i % 10);
    subject[n] = '\0';
    Value *v = CALL("regexall", 2, S("[0-9]+"), S(subject));
    assert_int_equal(v->kind, VAL_LIST);
    assert_int_equal(v->as.list.count, n / 4);
    // lookbehind sees before the start offset; \G holds at each call's start
    // (PCRE2's semantics): "0", "1", "2", then every group after a '-'
    v = CALL("regexall", 2, S("(?<=-)\\d{3}\\b|\\G\\d"), S(subject));
    assert_int_equal(v->as.list.count, 3 + (n / 4 - 1));
    v = CALL("replace", 3, S(subject), S("/-+/"), S("-"));
    assert_int_equal(v->kind, VAL_STRING);
    assert_int_equal(v->as.str.len, n);
    assert_int_equal(f->diags.count, 0);
    free(subject);
}

static void test_fn_regex_patterns_are_cached(void **state)
{
    Fixture *f = *state;
    for (int i = 0; i < 100; i++) {
        char pat[32];
        snprintf(pat, sizeof pat, "x%d|y", i % 7);
        Value *v = CALL("regex", 2, S(pat), S("y"));
        assert_int_equal(v->kind, VAL_STRING);
    }
    assert_int_equal(f->diags.count, 0);
}

// --- collections ----------------------------------------------------------------------

static void test_fn_length_counts_items_members_and_characters(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("length", 1, TUP(2, N(1), N(2))), "2");
    CHECK(CALL("length", 1, OBJ(1, "a", N(1))), "1");
    CHECK(CALL("length", 1, S("h\xC3\xA9llo")), "5");
    CHECK(CALL("length", 1, LIST(0)), "0");
    CHECK_ERROR(CALL("length", 1, N(5)), E_FUNC_ARG, ARG(0), "got number");
    CHECK_ERROR(CALL("length", 1, NUL), E_FUNC_ARG, ARG(0), "got null");
}

static void test_fn_concat_and_merge(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("concat", 2, TUP(1, S("a")), LIST(2, S("b"), S("c"))), "[\"a\",\"b\",\"c\"]");
    CHECK(CALL("concat", 1, LIST(0)), "[]");
    CHECK_ERROR(CALL("concat", 2, LIST(0), S("b")), E_FUNC_ARG, ARG(1), "got string");
    CHECK_ERROR(CALL("concat", 1, SET(1, S("a"))), E_FUNC_ARG, ARG(0), "got set");
    CHECK(CALL("merge", 2, OBJ(2, "a", N(1), "b", N(2)), OBJ(2, "c", N(4), "b", N(3))),
          "{\"a\":1,\"b\":3,\"c\":4}");
    CHECK(CALL("merge", 2, OBJ(1, "a", N(1)), NUL), "{\"a\":1}");
    CHECK(CALL("merge", 0), "{}");
    Value *m = CALL("merge", 2, MAP(1, "a", N(1)), MAP(1, "b", N(2)));
    assert_true(m->flags & VALF_MAP);
    CHECK(m, "{\"a\":1,\"b\":2}");
    CHECK_ERROR(CALL("merge", 2, OBJ(0), TUP(0)), E_FUNC_ARG, ARG(1), "map or object");
}

static void test_fn_keys_and_values_sort_by_key(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("keys", 1, OBJ(3, "b", N(1), "a", N(2), "B", N(3))), "[\"B\",\"a\",\"b\"]");
    CHECK(CALL("values", 1, OBJ(3, "b", N(1), "a", N(2), "B", N(3))), "[3,2,1]");
    CHECK(CALL("keys", 1, MAP(0)), "[]");
    CHECK_ERROR(CALL("keys", 1, S("x")), E_FUNC_ARG, ARG(0), "map or object");
    CHECK_ERROR(CALL("values", 1, LIST(0)), E_FUNC_ARG, ARG(0), "map or object");
}

static void test_fn_lookup_with_and_without_default(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("lookup", 2, MAP(2, "a", S("x"), "b", S("y")), S("b")), "\"y\"");
    CHECK(CALL("lookup", 3, MAP(1, "a", S("x")), S("c"), S("dflt")), "\"dflt\"");
    Value *v = CALL("lookup", 2, MAP(1, "port", N(1)), S("prot"));
    assert_int_equal(f->diags.count, 1);
    assert_non_null(f->diags.items[0]->notes);
    assert_non_null(strstr(f->diags.items[0]->notes->text, "did you mean \"port\""));
    CHECK_ERROR(v, E_FUNC_ARG, ARG(1), "key \"prot\" not found");
    CHECK_ERROR(CALL("lookup", 2, LIST(0), S("a")), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_contains_index_element(void **state)
{
    Fixture *f = *state;
    Value *abc = TUP(3, S("a"), S("b"), S("c"));
    CHECK(CALL("contains", 2, abc, S("b")), "true");
    CHECK(CALL("contains", 2, abc, S("z")), "false");
    CHECK(CALL("contains", 2, TUP(1, S("1")), N(1)), "false");
    CHECK(CALL("contains", 2, SET(1, N(1)), N(1)), "true");
    CHECK_ERROR(CALL("contains", 2, S("abc"), S("a")), E_FUNC_ARG, ARG(0), NULL);
    CHECK(CALL("index", 2, abc, S("b")), "1");
    CHECK_ERROR(CALL("index", 2, abc, S("z")), E_FUNC_ARG, ARG(1), "\"z\" is not an element");
    CHECK_ERROR(CALL("index", 2, LIST(0), S("z")), E_FUNC_ARG, ARG(0), "empty list");
    CHECK(CALL("element", 2, abc, N(1)), "\"b\"");
    CHECK(CALL("element", 2, abc, N(3)), "\"a\"");
    CHECK(CALL("element", 2, abc, N(-1)), "\"c\"");
    CHECK(CALL("element", 2, abc, N(-4)), "\"c\"");
    CHECK_ERROR(CALL("element", 2, LIST(0), N(0)), E_FUNC_ARG, ARG(0), "empty list");
    CHECK_ERROR(CALL("element", 2, abc, N(0.5)), E_FUNC_ARG, ARG(1), "whole number");
}

static void test_fn_flatten_distinct_reverse(void **state)
{
    Fixture *f = *state;
    CHECK(
        CALL("flatten", 1, TUP(3, TUP(2, S("a"), S("b")), TUP(0), TUP(2, S("c"), TUP(1, S("d"))))),
        "[\"a\",\"b\",\"c\",\"d\"]");
    CHECK(CALL("flatten", 1, TUP(2, OBJ(1, "a", N(1)), N(2))), "[{\"a\":1},2]");
    CHECK_ERROR(CALL("flatten", 1, S("x")), E_FUNC_ARG, ARG(0), NULL);
    CHECK(CALL("distinct", 1, TUP(5, S("a"), S("b"), S("a"), S("c"), S("b"))),
          "[\"a\",\"b\",\"c\"]");
    CHECK(CALL("distinct", 1, TUP(3, OBJ(1, "a", N(1)), OBJ(1, "a", N(1)), N(1))), "[{\"a\":1},1]");
    CHECK_ERROR(CALL("distinct", 1, OBJ(0)), E_FUNC_ARG, ARG(0), NULL);
    CHECK(CALL("reverse", 1, TUP(3, N(1), N(2), N(3))), "[3,2,1]");
    CHECK_ERROR(CALL("reverse", 1, S("abc")), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_flatten_refuses_absurd_nesting(void **state)
{
    Fixture *f = *state;
    Value *v = S("x");
    for (int i = 0; i < 600; i++)
        v = TUP(1, v);
    CHECK_ERROR(CALL("flatten", 1, v), E_FUNC_LIMIT, ARG(0), "deeper");
}

static void test_fn_slice_checks_indexes(void **state)
{
    Fixture *f = *state;
    Value *abcd = TUP(4, S("a"), S("b"), S("c"), S("d"));
    CHECK(CALL("slice", 3, abcd, N(1), N(3)), "[\"b\",\"c\"]");
    CHECK(CALL("slice", 3, abcd, N(4), N(4)), "[]");
    CHECK_ERROR(CALL("slice", 3, abcd, N(3), N(1)), E_FUNC_ARG, ARG(1), "greater than end");
    CHECK_ERROR(CALL("slice", 3, abcd, N(0), N(5)), E_FUNC_ARG, ARG(2), "out of range");
    CHECK_ERROR(CALL("slice", 3, abcd, N(-1), N(1)), E_FUNC_ARG, ARG(1), "out of range");
    CHECK_ERROR(CALL("slice", 3, SET(1, S("a")), N(0), N(1)), E_FUNC_ARG, ARG(0),
                "cannot slice a set");
}

static void test_fn_sort_orders_strings_by_bytes(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("sort", 1, TUP(4, S("e"), S("d"), S("a"), S("x"))), "[\"a\",\"d\",\"e\",\"x\"]");
    CHECK(CALL("sort", 1, TUP(3, N(3), N(10), N(1))), "[\"1\",\"10\",\"3\"]");
    CHECK(CALL("sort", 1, TUP(2, S("b"), S("B"))), "[\"B\",\"b\"]");
    CHECK_ERROR(CALL("sort", 1, TUP(1, NUL)), E_FUNC_ARG, ARG(0), "null");
    CHECK_ERROR(CALL("sort", 1, TUP(1, TUP(0))), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_range_forms_and_limit(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("range", 1, N(3)), "[0,1,2]");
    CHECK(CALL("range", 1, N(0)), "[]");
    CHECK(CALL("range", 1, N(-3)), "[0,-1,-2]");
    CHECK(CALL("range", 2, N(1), N(4)), "[1,2,3]");
    CHECK(CALL("range", 3, N(1), N(8), N(2)), "[1,3,5,7]");
    CHECK(CALL("range", 3, N(1), N(4), N(0.5)), "[1,1.5,2,2.5,3,3.5]");
    CHECK(CALL("range", 3, N(10), N(5), N(-2)), "[10,8,6]");
    CHECK(CALL("range", 3, N(0), N(0.5), N(0.1)), "[0,0.1,0.2,0.3,0.4]");
    char want[8192];
    size_t len = 0;
    for (int i = 0; i < 1024; i++)
        len += (size_t)snprintf(want + len, sizeof want - len, "%c%d", i ? ',' : '[', i);
    snprintf(want + len, sizeof want - len, "]");
    CHECK(CALL("range", 1, N(1024)), want);
    CHECK_ERROR(CALL("range", 1, N(1025)), E_FUNC_LIMIT, AT_CALL, "more than 1024");
    CHECK_ERROR(CALL("range", 3, N(0), N(1), N(1e-9)), E_FUNC_LIMIT, AT_CALL, NULL);
    CHECK_ERROR(CALL("range", 3, N(1), N(4), N(0)), E_FUNC_ARG, ARG(2), "must not be zero");
    CHECK_ERROR(CALL("range", 3, N(1), N(0), N(1)), E_FUNC_ARG, ARG(1), "step is positive");
    CHECK_ERROR(CALL("range", 3, N(0), N(1), N(-1)), E_FUNC_ARG, ARG(1), "step is negative");
    CHECK_ERROR(CALL("range", 1, S("x")), E_FUNC_ARG, ARG(0), "must be a number");
}

static void test_fn_zipmap_pairs_keys_and_values(void **state)
{
    Fixture *f = *state;
    Value *m = CALL("zipmap", 2, LIST(2, S("a"), S("b")), LIST(2, N(1), N(2)));
    assert_true(m->flags & VALF_MAP);
    CHECK(m, "{\"a\":1,\"b\":2}");
    CHECK(CALL("zipmap", 2, TUP(2, S("a"), S("a")), TUP(2, N(1), N(2))), "{\"a\":2}");
    CHECK_ERROR(CALL("zipmap", 2, TUP(2, S("a"), S("b")), TUP(1, N(1))), E_FUNC_ARG, ARG(1),
                "2 keys, but 1 values");
    CHECK_ERROR(CALL("zipmap", 2, TUP(1, NUL), TUP(1, N(1))), E_FUNC_ARG, ARG(0), "null");
}

static void test_fn_coalesce_skips_null_and_empty(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("coalesce", 2, S(""), S("b")), "\"b\"");
    CHECK(CALL("coalesce", 3, NUL, N(1), N(2)), "1");
    CHECK(CALL("coalesce", 2, N(0), N(1)), "0");
    CHECK(CALL("coalesce", 2, N(1), S("x")), "\"1\"");
    CHECK_ERROR(CALL("coalesce", 2, S(""), NUL), E_FUNC_ARG, AT_CALL, "null or an empty string");
    CHECK_ERROR(CALL("coalesce", 2, S("a"), TUP(0)), E_FUNC_ARG, AT_CALL, "same type");
    CHECK(CALL("coalescelist", 3, TUP(0), NUL, TUP(1, S("a"))), "[\"a\"]");
    CHECK_ERROR(CALL("coalescelist", 2, TUP(0), LIST(0)), E_FUNC_ARG, AT_CALL, "empty");
    CHECK_ERROR(CALL("coalescelist", 1, S("x")), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_compact_drops_null_and_empty(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("compact", 1, TUP(5, S("a"), S(""), NUL, S("b"), N(1))), "[\"a\",\"b\",\"1\"]");
    CHECK_ERROR(CALL("compact", 1, S("x")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("compact", 1, TUP(1, OBJ(0))), E_FUNC_ARG, ARG(0), "element 0");
}

static void test_fn_sets_are_unique_and_sorted(void **state)
{
    Fixture *f = *state;
    Value *s = CALL("setunion", 3, TUP(2, S("b"), S("a")), TUP(2, S("b"), S("c")), LIST(1, S("d")));
    assert_true(s->flags & VALF_SET);
    CHECK(s, "[\"a\",\"b\",\"c\",\"d\"]");
    CHECK(CALL("setunion", 2, TUP(1, S("b")), TUP(1, N(1))), "[\"1\",\"b\"]");
    CHECK_ERROR(CALL("setunion", 2, TUP(0), S("x")), E_FUNC_ARG, ARG(1), NULL);
    s = CALL("toset", 1, TUP(3, S("c"), S("a"), S("c")));
    assert_true(s->flags & VALF_SET);
    CHECK(s, "[\"a\",\"c\"]");
    CHECK(CALL("toset", 1, TUP(4, N(3), N(1), N(10), N(3))), "[1,3,10]");
    CHECK(CALL("toset", 1, NUL), "null");
    CHECK_ERROR(CALL("toset", 1, OBJ(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_tolist_tomap_unify_types(void **state)
{
    Fixture *f = *state;
    Value *l = CALL("tolist", 1, TUP(2, S("a"), N(1)));
    assert_int_equal(l->flags, 0);
    CHECK(l, "[\"a\",\"1\"]");
    CHECK(CALL("tolist", 1, SET(2, S("a"), S("b"))), "[\"a\",\"b\"]");
    CHECK(CALL("tolist", 1, NUL), "null");
    CHECK_ERROR(CALL("tolist", 1, S("x")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("tolist", 1, TUP(2, N(1), TUP(0))), E_FUNC_ARG, ARG(0), "same type");
    Value *m = CALL("tomap", 1, OBJ(2, "a", N(1), "b", S("x")));
    assert_true(m->flags & VALF_MAP);
    CHECK(m, "{\"a\":\"1\",\"b\":\"x\"}");
    CHECK(CALL("tomap", 1, NUL), "null");
    CHECK_ERROR(CALL("tomap", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_one_alltrue_anytrue(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("one", 1, TUP(0)), "null");
    CHECK(CALL("one", 1, TUP(1, S("a"))), "\"a\"");
    CHECK(CALL("one", 1, SET(1, S("a"))), "\"a\"");
    CHECK_ERROR(CALL("one", 1, TUP(2, S("a"), S("b"))), E_FUNC_ARG, ARG(0), "zero or one");
    CHECK(CALL("alltrue", 1, TUP(2, B(true), S("true"))), "true");
    CHECK(CALL("alltrue", 1, TUP(0)), "true");
    CHECK(CALL("alltrue", 1, TUP(2, B(true), B(false))), "false");
    CHECK(CALL("alltrue", 1, TUP(1, NUL)), "false");
    CHECK_ERROR(CALL("alltrue", 1, TUP(1, N(1))), E_FUNC_ARG, ARG(0), "list of bools");
    CHECK(CALL("anytrue", 1, TUP(2, B(false), B(true))), "true");
    CHECK(CALL("anytrue", 1, TUP(0)), "false");
    CHECK_ERROR(CALL("anytrue", 1, TUP(1, S("x"))), E_FUNC_ARG, ARG(0), "\"x\"");
}

// --- numbers ---------------------------------------------------------------------------

static void test_fn_number_functions(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("min", 3, N(12), N(54), N(3)), "3");
    CHECK(CALL("max", 3, N(12), S("54"), N(3)), "54");
    CHECK(CALL("abs", 1, N(-12.4)), "12.4");
    CHECK(CALL("ceil", 1, N(5.1)), "6");
    CHECK(CALL("floor", 1, N(-1.5)), "-2");
    CHECK(CALL("signum", 1, N(-13)), "-1");
    CHECK(CALL("signum", 1, N(0)), "0");
    CHECK(CALL("signum", 1, N(0.5)), "1");
    CHECK_ERROR(CALL("max", 2, N(1), S("x")), E_FUNC_ARG, ARG(1), "must be a number, got \"x\"");
    CHECK_ERROR(CALL("abs", 1, B(true)), E_FUNC_ARG, ARG(0), "got bool");
    CHECK_ERROR(CALL("ceil", 1, NUL), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("floor", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("signum", 1, S("")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("min", 1, S("1e999")), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_parseint_bases(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("parseint", 2, S("100"), N(10)), "100");
    CHECK(CALL("parseint", 2, S("FF"), N(16)), "255");
    CHECK(CALL("parseint", 2, S("ff"), N(16)), "255");
    CHECK(CALL("parseint", 2, S("-10"), N(2)), "-2");
    CHECK(CALL("parseint", 2, S("zz"), N(36)), "1295");
    CHECK(CALL("parseint", 2, S("Z"), N(62)), "61");
    CHECK(CALL("parseint", 2, S("z"), N(62)), "35");
    CHECK_ERROR(CALL("parseint", 2, S("12"), N(2)), E_FUNC_ARG, ARG(0), "base 2 integer");
    CHECK_ERROR(CALL("parseint", 2, S(""), N(10)), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("parseint", 2, S("0x10"), N(16)), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("parseint", 2, S("1"), N(1)), E_FUNC_ARG, ARG(1), "from 2 to 62");
    CHECK_ERROR(CALL("parseint", 2, N(12), N(10)), E_FUNC_ARG, ARG(0), "must be a string");
    CHECK_ERROR(
        CALL("parseint", 2, S("11111111111111111111111111111111111111111111111111111111"), N(2)),
        E_FUNC_ARG, ARG(0), "too large");
}

// --- types ----------------------------------------------------------------------------

static void test_fn_conversions_pass_null_through(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("tostring", 1, N(5)), "\"5\"");
    CHECK(CALL("tostring", 1, B(true)), "\"true\"");
    CHECK(CALL("tostring", 1, S("x")), "\"x\"");
    CHECK(CALL("tostring", 1, NUL), "null");
    CHECK_ERROR(CALL("tostring", 1, TUP(0)), E_FUNC_ARG, ARG(0), "got tuple");
    CHECK(CALL("tonumber", 1, S("1.5e2")), "150");
    CHECK(CALL("tonumber", 1, S("-0.25")), "-0.25");
    CHECK(CALL("tonumber", 1, N(3)), "3");
    CHECK(CALL("tonumber", 1, NUL), "null");
    CHECK_ERROR(CALL("tonumber", 1, S("abc")), E_FUNC_ARG, ARG(0), "cannot convert \"abc\"");
    CHECK_ERROR(CALL("tonumber", 1, S(" 1")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("tonumber", 1, S("0x1F")), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("tonumber", 1, B(true)), E_FUNC_ARG, ARG(0), "got bool");
    CHECK(CALL("tobool", 1, S("true")), "true");
    CHECK(CALL("tobool", 1, B(false)), "false");
    CHECK(CALL("tobool", 1, NUL), "null");
    CHECK_ERROR(CALL("tobool", 1, S("yes")), E_FUNC_ARG, ARG(0), "\"yes\"");
    CHECK_ERROR(CALL("tobool", 1, N(1)), E_FUNC_ARG, ARG(0), "got number");
}

static void test_fn_type_writes_type_expressions(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("type", 1, S("x")), "\"string\"");
    CHECK(CALL("type", 1, NUL), "\"null\"");
    CHECK(CALL("type", 1, TUP(2, N(1), S("a"))), "\"tuple([number, string])\"");
    CHECK(CALL("type", 1, LIST(2, S("a"), S("b"))), "\"list(string)\"");
    CHECK(CALL("type", 1, LIST(0)), "\"list(any)\"");
    CHECK(CALL("type", 1, SET(1, N(1))), "\"set(number)\"");
    CHECK(CALL("type", 1, MAP(2, "a", N(1), "b", N(2))), "\"map(number)\"");
    CHECK(CALL("type", 1, OBJ(2, "a", B(true), "b c", LIST(1, S("x")))),
          "\"object({a=bool, \\\"b c\\\"=list(string)})\"");
    Value *v = S("x");
    for (int i = 0; i < 600; i++)
        v = LIST(1, v);
    CHECK_ERROR(CALL("type", 1, v), E_FUNC_LIMIT, ARG(0), "deeper");
}

// --- encodings --------------------------------------------------------------------------

static void test_fn_jsonencode_is_compact(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("jsonencode", 1, OBJ(2, "a", TUP(4, N(1), S("x"), B(true), NUL), "b", N(1.5))),
          "\"{\\\"a\\\":[1,\\\"x\\\",true,null],\\\"b\\\":1.5}\"");
    CHECK(CALL("jsonencode", 1, S("a\"b")), "\"\\\"a\\\\\\\"b\\\"\"");
    CHECK_ERROR(CALL("jsonencode", 0), E_FUNC_ARITY, AT_CALL,
                "function \"jsonencode\" takes 1 argument, got 0");
}

static void test_fn_jsondecode_keeps_positions_and_reports_once(void **state)
{
    Fixture *f = *state;
    uint32_t files = f->src.count;
    Value *v = CALL("jsondecode", 1, S("{\"a\": [1, \"x\", null], \"b\": true}"));
    CHECK(v, "{\"a\":[1,\"x\",null],\"b\":true}");
    assert_int_equal(f->src.count, files + 1);
    assert_int_equal(v->origin.file, files);
    CHECK_ERROR(CALL("jsondecode", 1, S("{\"a\":\n  }")), E_DECODE_ARG, ARG(0),
                "invalid JSON in argument: ");
    CHECK_ERROR(CALL("jsondecode", 1, S("{\"a\": tru}")), E_DECODE_ARG, ARG(0),
                "at line 1, column 7 of the text");
    CHECK_ERROR(CALL("jsondecode", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_yaml_encode_and_decode(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("yamlencode", 1, OBJ(2, "a", N(1), "b", TUP(2, S("x"), S("yes")))),
          "\"a: 1\\nb:\\n- x\\n- \\\"yes\\\"\\n\"");
    CHECK(CALL("yamldecode", 1, S("a: 1\nb: [x, \"y\"]\nc: no\n")),
          "{\"a\":1,\"b\":[\"x\",\"y\"],\"c\":\"no\"}");
    CHECK_ERROR(CALL("yamlencode", 2, N(1), N(2)), E_FUNC_ARITY, AT_CALL, "got 2");
    CHECK_ERROR(CALL("yamldecode", 1, S("a: [1,\n")), E_DECODE_ARG, ARG(0),
                "invalid YAML in argument");
    CHECK_ERROR(CALL("yamldecode", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_base64_round_trip_and_errors(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("base64encode", 1, S("Hello World")), "\"SGVsbG8gV29ybGQ=\"");
    CHECK(CALL("base64encode", 1, S("")), "\"\"");
    CHECK(CALL("base64encode", 1, S("ab")), "\"YWI=\"");
    CHECK(CALL("base64decode", 1, S("SGVsbG8gV29ybGQ=")), "\"Hello World\"");
    CHECK(CALL("base64decode", 1, S("SGVs\nbG8=")), "\"Hello\"");
    CHECK(CALL("base64decode", 1, S("w6k=")), "\"\xC3\xA9\"");
    CHECK_ERROR(CALL("base64decode", 1, S("SGVsbG8")), E_DECODE_ARG, ARG(0), "multiple of 4");
    CHECK_ERROR(CALL("base64decode", 1, S("SG#s")), E_DECODE_ARG, ARG(0), "character 3");
    CHECK_ERROR(CALL("base64decode", 1, S("S===")), E_DECODE_ARG, ARG(0), "padding");
    CHECK_ERROR(CALL("base64decode", 1, S("YQ==YQ==")), E_DECODE_ARG, ARG(0), "padding");
    CHECK_ERROR(CALL("base64decode", 1, S("//79")), E_DECODE_ARG, ARG(0), "UTF-8");
    CHECK_ERROR(CALL("base64decode", 1, S("AA==")), E_DECODE_ARG, ARG(0), "NUL");
    CHECK_ERROR(CALL("base64encode", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_urlencode_escapes_as_query(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("urlencode", 1, S("Hello World!/\xC3\xA9~a-b_c.d")),
          "\"Hello+World%21%2F%C3%A9~a-b_c.d\"");
    CHECK_ERROR(CALL("urlencode", 1, NUL), E_FUNC_ARG, ARG(0), NULL);
}

static void test_fn_csvdecode_follows_rfc4180(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("csvdecode", 1, S("a,b\n1,2\n\"x,\"\"y\",z\n")),
          "[{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"x,\\\"y\",\"b\":\"z\"}]");
    CHECK(CALL("csvdecode", 1, S("a,b\r\n\"l1\r\nl2\",\r\n\r\n3,4")),
          "[{\"a\":\"l1\\nl2\",\"b\":\"\"},{\"a\":\"3\",\"b\":\"4\"}]");
    CHECK(CALL("csvdecode", 1, S("a,b\n")), "[]");
    CHECK_ERROR(CALL("csvdecode", 1, S("a,b\n1\n")), E_DECODE_ARG, ARG(0),
                "wrong number of fields on line 2");
    CHECK_ERROR(CALL("csvdecode", 1, S("")), E_DECODE_ARG, ARG(0), "header");
    CHECK_ERROR(CALL("csvdecode", 1, S("a,a\n1,2\n")), E_DECODE_ARG, ARG(0), "duplicate column");
    CHECK_ERROR(CALL("csvdecode", 1, S("a\nx\"y\n")), E_DECODE_ARG, ARG(0), "bare \"");
    CHECK_ERROR(CALL("csvdecode", 1, S("a\n\"x")), E_DECODE_ARG, ARG(0), "quoted field");
    CHECK_ERROR(CALL("csvdecode", 1, S("a\n\"x\"y\n")), E_DECODE_ARG, ARG(0), "quoted field");
}

// --- files ------------------------------------------------------------------------------

static void write_file(const char *dir, const char *name, const char *text, size_t len)
{
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(text, 1, len, out), len);
    fclose(out);
}

// tmp/root/{a.txt, sub/b.txt, sub/deeper/, bin.dat, bad.txt, link -> ../outside.txt,
// inlink -> a.txt}, tmp/outside.txt, tmp/templates/ecs/x.tpl; root is the project.
static void make_tree(Fixture *f)
{
    char tmpl[] = "/tmp/hclc-funcs-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    assert_non_null(realpath(tmpl, f->tmp));
    char path[PATH_MAX * 2];
    snprintf(f->root, sizeof f->root, "%s/root", f->tmp);
    assert_int_equal(mkdir(f->root, 0700), 0);
    snprintf(path, sizeof path, "%s/sub", f->root);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/templates", f->tmp);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/templates/ecs", f->tmp);
    assert_int_equal(mkdir(path, 0700), 0);
    write_file(f->root, "a.txt", "hello\n", 6);
    write_file(f->root, "sub/b.txt", "bee", 3);
    write_file(f->root, "bin.dat", "a\0b", 3);
    write_file(f->root, "bad.txt", "\xFF\xFE", 2);
    write_file(f->tmp, "outside.txt", "secret", 6);
    write_file(f->tmp, "templates/ecs/x.tpl", "tpl $<x>", 8);
    snprintf(path, sizeof path, "%s/link", f->root);
    assert_int_equal(symlink("../outside.txt", path), 0);
    snprintf(path, sizeof path, "%s/inlink", f->root);
    assert_int_equal(symlink("a.txt", path), 0);
    f->ctx.root = f->root;
    f->base_dir = f->root;
}

static void remove_tree(Fixture *f)
{
    static const char *const files[] = {
        "root/a.txt", "root/sub/b.txt", "root/bin.dat", "root/bad.txt",
        "root/link",  "root/inlink",    "outside.txt",  "templates/ecs/x.tpl",
    };
    static const char *const dirs[] = {"root/sub", "root", "templates/ecs", "templates", ""};
    char path[PATH_MAX * 2];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", f->tmp, files[i]);
        unlink(path);
    }
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", f->tmp, dirs[i]);
        rmdir(path);
    }
}

static void test_fn_file_reads_text_and_adds_it_to_sources(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    uint32_t files = f->src.count;
    Value *v = CALL("file", 1, S("a.txt"));
    char want[PATH_MAX * 2];
    snprintf(want, sizeof want, "%s/a.txt", f->root);
    assert_int_equal(f->src.count, files + 1);
    assert_string_equal(source_file(&f->src, files)->name, want); // outside the working dir
    assert_int_equal(v->origin.start, ARG(0).start);
    CHECK(v, "\"hello\\n\"");
    CHECK(CALL("file", 1, S("a.txt")), "\"hello\\n\"");
    assert_int_equal(f->src.count, files + 1); // the same text is not stored twice
    CHECK(CALL("file", 1, S("./sub/../sub/b.txt")), "\"bee\"");
    CHECK(CALL("file", 1, S("inlink")), "\"hello\\n\"");
    f->base_dir = NULL; // relative to the root then
    CHECK(CALL("file", 1, S("sub/b.txt")), "\"bee\"");
    remove_tree(f);
}

static void test_fn_file_refuses_paths_outside_the_root(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    Value *v = CALL("file", 1, S("../outside.txt"));
    assert_int_equal(f->diags.count, 1);
    assert_non_null(f->diags.items[0]->notes);
    assert_non_null(strstr(f->diags.items[0]->notes->text, f->root));
    CHECK_ERROR(v, E_FILE_OUTSIDE_ROOT, ARG(0),
                "file \"../outside.txt\" is outside the project root");
    CHECK_ERROR(CALL("file", 1, S("link")), E_FILE_OUTSIDE_ROOT, ARG(0), NULL);
    CHECK_ERROR(CALL("file", 1, S("/etc/hostname")), E_FILE_OUTSIDE_ROOT, ARG(0), NULL);
    CHECK_ERROR(CALL("file", 1, S("../../nowhere/x")), E_FILE_OUTSIDE_ROOT, ARG(0), NULL);
    CHECK_ERROR(CALL("fileexists", 1, S("../outside.txt")), E_FILE_OUTSIDE_ROOT, ARG(0), NULL);
    remove_tree(f);
}

// Whether the file exists outside the root must not show: the answer is the
// same error for an existing and a missing file, through ".." or a link.
static void test_fn_fileexists_outside_the_root_tells_nothing(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/up", f->root);
    assert_int_equal(symlink("..", path), 0);
    snprintf(path, sizeof path, "%s/gone", f->root);
    assert_int_equal(symlink("../missing.txt", path), 0);
    const char *refused[] = {"../outside.txt",        "../missing.txt",         "up/outside.txt",
                             "up/missing.txt",        "up/nodir/missing.txt",   "gone",
                             "sub/../../missing.txt", "nodir/../../missing.txt"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        CHECK_ERROR(CALL("fileexists", 1, S(refused[i])), E_FILE_OUTSIDE_ROOT, ARG(0), NULL);
    CHECK(CALL("fileexists", 1, S("up/root/a.txt")), "true");
    CHECK(CALL("fileexists", 1, S("up/root/missing.txt")), "false");
    unlink(path);
    snprintf(path, sizeof path, "%s/up", f->root);
    unlink(path);
    remove_tree(f);
}

static void test_fn_file_errors_for_missing_binary_and_directories(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    CHECK_ERROR(CALL("file", 1, S("missing.txt")), E_FILE_READ, ARG(0), "no file \"missing.txt\"");
    CHECK_ERROR(CALL("file", 1, S("bin.dat")), E_FILE_READ, ARG(0), "NUL");
    CHECK_ERROR(CALL("file", 1, S("bad.txt")), E_FILE_READ, ARG(0), "UTF-8");
    CHECK_ERROR(CALL("file", 1, S("sub")), E_FILE_READ, ARG(0), "directory");
    CHECK_ERROR(CALL("file", 1, S("")), E_FUNC_ARG, ARG(0), "path is empty");
    CHECK_ERROR(CALL("file", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
    remove_tree(f);
}

static void test_fn_fileexists_tells_files_from_nothing(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    CHECK(CALL("fileexists", 1, S("a.txt")), "true");
    CHECK(CALL("fileexists", 1, S("sub/b.txt")), "true");
    CHECK(CALL("fileexists", 1, S("nope.txt")), "false");
    CHECK(CALL("fileexists", 1, S("nodir/nope.txt")), "false");
    CHECK_ERROR(CALL("fileexists", 1, S("sub")), E_FUNC_ARG, ARG(0), "a directory");
    remove_tree(f);
}

static void test_fn_file_finds_shipped_templates(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    char dirs[PATH_MAX * 2];
    snprintf(dirs, sizeof dirs, "/nonexistent:%s/templates", f->tmp);
    assert_int_equal(setenv("HCLC_TEMPLATE_PATH", dirs, 1), 0);
    CHECK(CALL("file", 1, S("hclc:ecs/x.tpl")), "\"tpl $<x>\"");
    CHECK(CALL("fileexists", 1, S("hclc:ecs/x.tpl")), "true");
    CHECK(CALL("fileexists", 1, S("hclc:ecs/none.tpl")), "false");
    CHECK_ERROR(CALL("file", 1, S("hclc:ecs/none.tpl")), E_FILE_READ, ARG(0),
                "no shipped template \"hclc:ecs/none.tpl\"");
    CHECK_ERROR(CALL("file", 1, S("hclc:../root/a.txt")), E_FUNC_ARG, ARG(0),
                "not a valid template");
    CHECK_ERROR(CALL("file", 1, S("hclc:/etc/hostname")), E_FUNC_ARG, ARG(0), NULL);
    unsetenv("HCLC_TEMPLATE_PATH");
    remove_tree(f);
}

static void test_fn_file_names_sources_as_the_user_sees_them(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    char cwd[PATH_MAX], dirs[PATH_MAX * 2];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(f->tmp), 0);
    snprintf(dirs, sizeof dirs, "%s/templates", f->tmp);
    assert_int_equal(setenv("HCLC_TEMPLATE_PATH", dirs, 1), 0);
    uint32_t files = f->src.count;
    CHECK(CALL("file", 1, S("sub/b.txt")), "\"bee\"");
    assert_string_equal(source_file(&f->src, files)->name, "root/sub/b.txt");
    CHECK(CALL("file", 1, S("hclc:ecs/x.tpl")), "\"tpl $<x>\"");
    assert_string_equal(source_file(&f->src, files + 1)->name, "hclc:ecs/x.tpl");
    unsetenv("HCLC_TEMPLATE_PATH");
    assert_int_equal(chdir(cwd), 0);
    remove_tree(f);
}

static void test_fn_resolve_path_and_read_file_serve_templatefile(void **state)
{
    Fixture *f = *state;
    make_tree(f);
    Span at = ARG(3);
    const char *abs = fn_resolve_path(&f->ctx, f->root, "sub/b.txt", at);
    char want[PATH_MAX * 2];
    snprintf(want, sizeof want, "%s/sub/b.txt", f->root);
    assert_non_null(abs);
    assert_string_equal(abs, want);
    int64_t id = fn_read_file(&f->ctx, abs, at);
    assert_true(id >= 0);
    assert_string_equal(source_file(&f->src, (uint32_t)id)->text, "bee");
    assert_int_equal(f->diags.count, 0);
    assert_null(fn_resolve_path(&f->ctx, f->root, "missing.tpl", at));
    CHECK_ERROR(value_invalid(&f->arena, at), E_FILE_READ, at, "no file \"missing.tpl\"");
    assert_null(fn_resolve_path(&f->ctx, f->root, "../outside.txt", at));
    CHECK_ERROR(value_invalid(&f->arena, at), E_FILE_OUTSIDE_ROOT, at, "outside the project root");
    snprintf(want, sizeof want, "%s/bad.txt", f->root);
    assert_int_equal(fn_read_file(&f->ctx, want, at), -1);
    CHECK_ERROR(value_invalid(&f->arena, at), E_FILE_READ, at, "UTF-8");
    remove_tree(f);
}

static void test_fn_basename_dirname_follow_go(void **state)
{
    Fixture *f = *state;
    CHECK(CALL("basename", 1, S("foo/bar/baz.txt")), "\"baz.txt\"");
    CHECK(CALL("basename", 1, S("foo/bar/")), "\"bar\"");
    CHECK(CALL("basename", 1, S("")), "\".\"");
    CHECK(CALL("basename", 1, S("//")), "\"/\"");
    CHECK(CALL("dirname", 1, S("foo/bar/baz.txt")), "\"foo/bar\"");
    CHECK(CALL("dirname", 1, S("baz.txt")), "\".\"");
    CHECK(CALL("dirname", 1, S("/a/b/../c")), "\"/a\"");
    CHECK(CALL("dirname", 1, S("/")), "\"/\"");
    CHECK(CALL("dirname", 1, S("a//b")), "\"a\"");
    CHECK(CALL("dirname", 1, S("../../x")), "\"../..\"");
    CHECK_ERROR(CALL("basename", 1, TUP(0)), E_FUNC_ARG, ARG(0), NULL);
    CHECK_ERROR(CALL("dirname", 1, NUL), E_FUNC_ARG, ARG(0), NULL);
}

// --- env ----------------------------------------------------------------------------------

static void test_fn_env_reads_the_environment(void **state)
{
    Fixture *f = *state;
    assert_int_equal(setenv("HCLC_TEST_FUNCS_VAR", "value 1", 1), 0);
    unsetenv("HCLC_TEST_FUNCS_UNSET");
    CHECK(CALL("env", 1, S("HCLC_TEST_FUNCS_VAR")), "\"value 1\"");
    CHECK(CALL("env", 2, S("HCLC_TEST_FUNCS_VAR"), S("d")), "\"value 1\"");
    CHECK(CALL("env", 2, S("HCLC_TEST_FUNCS_UNSET"), S("d")), "\"d\"");
    Value *v = CALL("env", 1, S("HCLC_TEST_FUNCS_UNSET"));
    assert_int_equal(f->diags.count, 1);
    assert_non_null(f->diags.items[0]->notes);
    assert_non_null(strstr(f->diags.items[0]->notes->text, "export HCLC_TEST_FUNCS_UNSET="));
    CHECK_ERROR(v, E_ENV_UNSET, ARG(0),
                "environment variable \"HCLC_TEST_FUNCS_UNSET\" is not set");
    CHECK_ERROR(CALL("env", 1, S("")), E_FUNC_ARG, ARG(0), NULL);
    unsetenv("HCLC_TEST_FUNCS_VAR");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fn_exists_knows_library_and_not_special_forms),
        T(test_fn_names_are_sorted_and_all_exist),
        T(test_fn_takes_intrinsics_only_for_the_intrinsic_builders),
        T(test_fn_find_agrees_with_the_name_lookups),
        T(test_fn_cfn_conditions),
        T(test_fn_report_intrinsic_use_names_ref_or_intrinsic),
        T(test_fn_arity_errors_name_the_function_at_the_call),
        T(test_fn_invalid_argument_fails_silently),
        T(test_fn_unknown_function_is_reported_at_the_name),
        T(test_fn_results_carry_no_sensitive_flag),
        T(test_fn_sensitive_values_stay_out_of_messages),
        T(test_fn_format_substitutes_verbs),
        T(test_fn_format_integer_flags_follow_go),
        T(test_fn_format_float_verbs_follow_go),
        T(test_fn_format_strings_pad_and_cut_in_characters),
        T(test_fn_format_v_uses_json_for_collections),
        T(test_fn_format_errors_point_at_the_culprit),
        T(test_fn_formatlist_iterates_lists_together),
        T(test_fn_join_converts_scalars_and_refuses_null),
        T(test_fn_split_follows_go),
        T(test_fn_upper_lower_map_unicode_case),
        T(test_fn_title_capitalizes_words_as_go),
        T(test_fn_trim_functions),
        T(test_fn_startswith_endswith),
        T(test_fn_substr_strlen_count_code_points),
        T(test_fn_chomp_and_indent),
        T(test_fn_replace_plain_and_regex),
        T(test_fn_regex_result_shapes),
        T(test_fn_regexall_advances_like_go),
        T(test_fn_regex_catastrophic_pattern_hits_the_limit),
        T(test_fn_regex_budget_spans_all_matches),
        T(test_fn_regexall_long_subject_succeeds),
        T(test_fn_regex_budget_counts_long_repeats),
        T(test_fn_regex_patterns_are_cached),
        T(test_fn_length_counts_items_members_and_characters),
        T(test_fn_concat_and_merge),
        T(test_fn_keys_and_values_sort_by_key),
        T(test_fn_lookup_with_and_without_default),
        T(test_fn_contains_index_element),
        T(test_fn_flatten_distinct_reverse),
        T(test_fn_flatten_refuses_absurd_nesting),
        T(test_fn_slice_checks_indexes),
        T(test_fn_sort_orders_strings_by_bytes),
        T(test_fn_range_forms_and_limit),
        T(test_fn_zipmap_pairs_keys_and_values),
        T(test_fn_coalesce_skips_null_and_empty),
        T(test_fn_compact_drops_null_and_empty),
        T(test_fn_sets_are_unique_and_sorted),
        T(test_fn_tolist_tomap_unify_types),
        T(test_fn_one_alltrue_anytrue),
        T(test_fn_number_functions),
        T(test_fn_parseint_bases),
        T(test_fn_conversions_pass_null_through),
        T(test_fn_type_writes_type_expressions),
        T(test_fn_jsonencode_is_compact),
        T(test_fn_jsondecode_keeps_positions_and_reports_once),
        T(test_fn_yaml_encode_and_decode),
        T(test_fn_base64_round_trip_and_errors),
        T(test_fn_urlencode_escapes_as_query),
        T(test_fn_csvdecode_follows_rfc4180),
        T(test_fn_file_reads_text_and_adds_it_to_sources),
        T(test_fn_file_refuses_paths_outside_the_root),
        T(test_fn_file_errors_for_missing_binary_and_directories),
        T(test_fn_fileexists_tells_files_from_nothing),
        T(test_fn_fileexists_outside_the_root_tells_nothing),
        T(test_fn_file_finds_shipped_templates),
        T(test_fn_file_names_sources_as_the_user_sees_them),
        T(test_fn_resolve_path_and_read_file_serve_templatefile),
        T(test_fn_basename_dirname_follow_go),
        T(test_fn_env_reads_the_environment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
