// funcs_string.c - string functions: format, formatlist, join, split,
// lower, upper, title, trim*, substr, strlen, startswith, endswith, chomp,
// indent. (regex, regexall and replace live in funcs.c with PCRE2; the case
// tables in funcs_case.c.)
//
// Lengths, offsets, widths and precisions count Unicode code points, where
// Terraform counts grapheme clusters: they differ only for combining
// sequences. format() follows Terraform's verbs (which lean on Go's fmt):
// integers are printed as Go prints a big.Int, floats as a big.Float, so
// flags, width and precision behave as in Terraform. One difference: %v
// prints a number as interpolation does ("1000000"), where Terraform's Go
// formatting gives "1e+06".
#include "funcs/funcs_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"

#define FMT_MAX_FIELD 10000 // largest width or precision format() accepts

// --- format() and formatlist() -------------------------------------------------

typedef struct Verb {
    size_t at, end; // the verb's bytes in the spec: spec[at..end)
    bool minus, plus, space, zero, sharp;
    bool has_width, has_prec;
    uint32_t width, prec;
    uint32_t argnum; // 1-based, among the values after the spec
    char mode;       // the verb letter
} Verb;

typedef struct Fmt {
    FnContext *ctx;
    const FnCall *call;
    ValueStr spec;
    Value *const *vals; // the values to format (formatlist: this iteration's)
    uint32_t nvals;
    int64_t iteration; // formatlist's iteration, or -1
    uint32_t max_used; // highest argnum used
    StrBuf *out;
} Fmt;

static void iteration_note(const Fmt *f, Diag *g)
{
    if (f->iteration >= 0)
        diag_note(f->ctx->diags, g, "in iteration %lld of formatlist", (long long)f->iteration);
}

// Reports a problem with the format string itself (at the spec argument).
static bool spec_error(Fmt *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool spec_error(Fmt *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *text = arena_vprintf(f->ctx->arena, fmt, ap);
    va_end(ap);
    if (value_is_sensitive(f->call->args[0])) // the text quotes pieces of the string
        text = "(a sensitive value, not shown)";
    Diag *g =
        fn_report(f->ctx, E_FUNC_ARG, fn_arg_span(f->call, 0), "invalid format string: %s", text);
    iteration_note(f, g);
    return false;
}

static const char *verb_text(const Fmt *f, const Verb *v)
{
    return arena_strndup(f->ctx->arena, f->spec.ptr + v->at, v->end - v->at);
}

// Reports a value that does not suit its verb (at that value's argument).
static bool value_error(Fmt *f, const Verb *v, const char *needs)
{
    const Value *arg = f->vals[v->argnum - 1];
    const char *got = arg->kind == VAL_STRING || arg->kind == VAL_NUMBER ? fn_show(f->ctx, arg)
                                                                         : value_type_name(arg);
    Diag *g = fn_report(f->ctx, E_FUNC_ARG, fn_arg_span(f->call, v->argnum),
                        "format verb \"%s\" needs %s, but argument %u is %s", verb_text(f, v),
                        needs, v->argnum + 1, got);
    iteration_note(f, g);
    return false;
}

static bool read_number(const ValueStr *spec, size_t *i, uint32_t *out)
{
    uint64_t n = 0;
    size_t start = *i;
    while (*i < spec->len && spec->ptr[*i] >= '0' && spec->ptr[*i] <= '9') {
        if (n <= FMT_MAX_FIELD)
            n = n * 10 + (uint64_t)(spec->ptr[*i] - '0');
        (*i)++;
    }
    *out = n > FMT_MAX_FIELD ? FMT_MAX_FIELD + 1 : (uint32_t)n;
    return *i > start;
}

static bool parse_flags(Verb *v, char c)
{
    switch (c) {
    case '-':
        return v->minus = true;
    case '+':
        return v->plus = true;
    case ' ':
        return v->space = true;
    case '0':
        return v->zero = true;
    case '#':
        return v->sharp = true;
    }
    return false;
}

// Parses `%[flags][[n]][width][.prec]letter` starting at spec[*i] == '%'.
static bool parse_verb(Fmt *f, size_t *i, Verb *v)
{
    const ValueStr *spec = &f->spec;
    v->at = (*i)++;
    while (*i < spec->len && parse_flags(v, spec->ptr[*i]))
        (*i)++;
    if (*i < spec->len && spec->ptr[*i] == '[') {
        (*i)++;
        if (*i >= spec->len || spec->ptr[*i] == '0' || !read_number(spec, i, &v->argnum) ||
            *i >= spec->len || spec->ptr[*i] != ']')
            return spec_error(f, "malformed argument index");
        (*i)++;
    }
    if (*i < spec->len && spec->ptr[*i] == '*')
        return spec_error(f, "a width taken from an argument (*) is not supported");
    v->has_width = read_number(spec, i, &v->width);
    if (*i < spec->len && spec->ptr[*i] == '.') {
        (*i)++;
        v->has_prec = true;
        if (*i < spec->len && spec->ptr[*i] == '*')
            return spec_error(f, "a precision taken from an argument (*) is not supported");
        read_number(spec, i, &v->prec);
    }
    if (v->width > FMT_MAX_FIELD || v->prec > FMT_MAX_FIELD)
        return spec_error(f, "width or precision larger than %d", FMT_MAX_FIELD);
    if (*i >= spec->len)
        return spec_error(f, "unfinished verb at the end");
    char c = spec->ptr[*i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        size_t adv;
        utf8_next(spec->ptr + *i, spec->len - *i, &adv);
        const char *bad = arena_strndup(f->ctx->arena, spec->ptr + *i, adv);
        return spec_error(f, "unexpected \"%s\" in a verb", bad);
    }
    v->mode = c;
    v->end = ++(*i);
    return true;
}

// Pads `text` to the verb's width (in code points): zeros or spaces, on
// the left, or spaces on the right with '-' (Terraform's formatPadWidth).
static void put_padded(Fmt *f, const Verb *v, const char *text, size_t len)
{
    size_t chars = utf8_count(text, len);
    size_t pad = v->has_width && v->width > chars ? v->width - chars : 0;
    if (!v->minus)
        buf_repeat(f->out, v->zero ? '0' : ' ', pad);
    buf_put(f->out, text, len);
    if (v->minus)
        buf_repeat(f->out, v->zero ? '0' : ' ', pad);
}

static bool put_json(Fmt *f, const Verb *v, const Value *val)
{
    if (value_has_invalid(val))
        return false;
    size_t len;
    char *json = emit_json(f->ctx->arena, val, EMIT_JSON_COMPACT, &len);
    if (!json)
        return value_error(f, v, "a value that JSON can hold");
    put_padded(f, v, json, len);
    return true;
}

// %v: strings and numbers as they are, anything else (and everything with
// %#v) as JSON; null is "null".
static bool format_as_is(Fmt *f, const Verb *v, const Value *val)
{
    char buf[VALUE_NUMBER_BUF];
    if (!v->sharp && val->kind == VAL_STRING) {
        put_padded(f, v, val->as.str.ptr, val->as.str.len);
        return true;
    }
    if (!v->sharp && val->kind == VAL_NUMBER) {
        const char *text = value_number_text(val->as.number, buf);
        put_padded(f, v, text, strlen(text));
        return true;
    }
    return put_json(f, v, val);
}

static const char *to_base(char *end, uint64_t mag, unsigned base, bool upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    *--p = '\0';
    do {
        *--p = digits[mag % base];
        mag /= base;
    } while (mag);
    return p;
}

// Go's big.Int formatting: [spaces][sign][prefix][zeros][digits][spaces].
static void put_integer(Fmt *f, const Verb *v, bool neg, const char *digits)
{
    const char *prefix = "";
    if (v->sharp && v->mode == 'b')
        prefix = "0b";
    else if (v->sharp && v->mode == 'o')
        prefix = "0";
    else if (v->sharp && v->mode == 'x')
        prefix = "0x";
    else if (v->sharp && v->mode == 'X')
        prefix = "0X";
    const char *sign = neg ? "-" : v->plus ? "+" : v->space ? " " : "";
    size_t ndigits = strlen(digits), zeros = 0, left = 0, right = 0;
    if (v->has_prec) {
        if (ndigits < v->prec)
            zeros = v->prec - ndigits;
        else if (v->prec == 0 && strcmp(digits, "0") == 0)
            return; // Go prints nothing at all for a zero with precision 0
    }
    size_t length = strlen(sign) + strlen(prefix) + zeros + ndigits;
    if (v->has_width && length < v->width) {
        size_t d = v->width - length;
        if (v->minus)
            right = d;
        else if (v->zero && !v->has_prec)
            zeros = d;
        else
            left = d;
    }
    buf_repeat(f->out, ' ', left);
    buf_puts(f->out, sign);
    buf_puts(f->out, prefix);
    buf_repeat(f->out, '0', zeros);
    buf_puts(f->out, digits);
    buf_repeat(f->out, ' ', right);
}

static bool format_integer(Fmt *f, const Verb *v, double n)
{
    if (n != floor(n))
        return value_error(f, v, "a whole number");
    unsigned base = v->mode == 'b' ? 2 : v->mode == 'o' ? 8 : v->mode == 'd' ? 10 : 16;
    double mag = fabs(n);
    char buf[72];
    const char *digits;
    if (mag < 18446744073709551616.0) {
        digits = to_base(buf + sizeof buf, (uint64_t)mag, base, v->mode == 'X');
    } else if (base == 10) {
        digits = arena_printf(f->ctx->arena, "%.0f", mag);
    } else {
        return value_error(f, v, "a whole number below 2^64");
    }
    put_integer(f, v, n < 0, digits);
    return true;
}

// The digits of `mag` (>= 0) for %g without precision: the shortest that
// read back exactly, in %e form when the exponent is < -4 or >= 6 (Go's
// rule for the shortest %g).
static char *shortest_g(Arena *a, double mag, bool upper)
{
    char buf[64];
    int p = 1;
    for (; p < 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, mag);
        if (strtod(buf, NULL) == mag)
            break;
    }
    snprintf(buf, sizeof buf, "%.*e", p - 1, mag);
    int exp = atoi(strchr(buf, 'e') + 1);
    if (exp < -4 || exp >= 6)
        return arena_printf(a, upper ? "%.*E" : "%.*e", p - 1, mag);
    return arena_printf(a, "%.*f", p - 1 - exp > 0 ? p - 1 - exp : 0, mag);
}

// Go's big.Float formatting: the sign, then zero padding ('0'), right
// padding ('-') or left padding with spaces.
static bool format_float(Fmt *f, const Verb *v, double n)
{
    double mag = fabs(n);
    Arena *a = f->ctx->arena;
    int prec = v->has_prec ? (int)v->prec : 6;
    const char *body;
    if (v->mode == 'e')
        body = arena_printf(a, "%.*e", prec, mag);
    else if (v->mode == 'E')
        body = arena_printf(a, "%.*E", prec, mag);
    else if (v->mode == 'f')
        body = arena_printf(a, "%.*f", prec, mag);
    else if (!v->has_prec)
        body = shortest_g(a, mag, v->mode == 'G');
    else if (v->mode == 'g')
        body = arena_printf(a, "%.*g", prec ? prec : 1, mag);
    else
        body = arena_printf(a, "%.*G", prec ? prec : 1, mag);
    const char *sign = n < 0 ? "-" : v->plus ? "+" : v->space ? " " : "";
    size_t length = strlen(sign) + strlen(body);
    size_t pad = v->has_width && v->width > length ? v->width - length : 0;
    if (v->zero) {
        buf_puts(f->out, sign);
        buf_repeat(f->out, '0', pad);
        buf_puts(f->out, body);
    } else if (v->minus) {
        buf_puts(f->out, sign);
        buf_puts(f->out, body);
        buf_repeat(f->out, ' ', pad);
    } else {
        buf_repeat(f->out, ' ', pad);
        buf_puts(f->out, sign);
        buf_puts(f->out, body);
    }
    return true;
}

static bool format_string(Fmt *f, const Verb *v, const Value *val)
{
    ValueStr s;
    if (fn_to_string(f->ctx->arena, val, &s) != CONV_OK)
        return value_error(f, v, "a string");
    if (v->has_prec && v->prec > 0)
        s.len = (uint32_t)utf8_offset(s.ptr, s.len, v->prec);
    if (v->mode == 's') {
        put_padded(f, v, s.ptr, s.len);
        return true;
    }
    return put_json(f, v, value_string(f->ctx->arena, val->origin, s.ptr, s.len));
}

static bool format_verb(Fmt *f, Verb *v)
{
    if (v->argnum > f->nvals) {
        const char *text = verb_text(f, v);
        Diag *g = fn_report(f->ctx, E_FUNC_ARG, fn_arg_span(f->call, 0),
                            "not enough arguments for format verb \"%s\": it needs value %u, "
                            "but %u %s given",
                            text, v->argnum, f->nvals, f->nvals == 1 ? "was" : "were");
        iteration_note(f, g);
        return false;
    }
    if (v->argnum > f->max_used)
        f->max_used = v->argnum;
    const Value *val = f->vals[v->argnum - 1];
    if (val->kind == VAL_INVALID)
        return false;
    if (val->kind == VAL_NULL && v->mode != 'v')
        return value_error(f, v, "a value");
    double n;
    bool b;
    switch (v->mode) {
    case 'v':
        return format_as_is(f, v, val);
    case 't':
        if (fn_to_bool(val, &b) != CONV_OK)
            return value_error(f, v, "a bool");
        buf_puts(f->out, b ? "true" : "false");
        return true;
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
        if (fn_to_number(val, &n) != CONV_OK)
            return value_error(f, v, "a number");
        return format_integer(f, v, n);
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
        if (fn_to_number(val, &n) != CONV_OK)
            return value_error(f, v, "a number");
        return format_float(f, v, n);
    case 's':
    case 'q':
        return format_string(f, v, val);
    default:
        break;
    }
    const char *text = verb_text(f, v);
    return spec_error(f, "unsupported verb \"%s\"", text);
}

// Formats f->spec with f->vals into f->out.
static bool format_all(Fmt *f)
{
    const ValueStr *spec = &f->spec;
    uint32_t next = 1;
    size_t i = 0;
    while (i < spec->len) {
        const char *pct = memchr(spec->ptr + i, '%', spec->len - i);
        size_t stop = pct ? (size_t)(pct - spec->ptr) : spec->len;
        buf_put(f->out, spec->ptr + i, stop - i);
        i = stop;
        if (i >= spec->len)
            break;
        if (i + 1 < spec->len && spec->ptr[i + 1] == '%') {
            buf_putc(f->out, '%');
            i += 2;
            continue;
        }
        Verb v = {0};
        v.argnum = next;
        if (!parse_verb(f, &i, &v) || !format_verb(f, &v))
            return false;
        next = v.argnum + 1;
    }
    if (f->max_used < f->nvals) {
        Diag *g = fn_report(f->ctx, E_FUNC_ARG, fn_arg_span(f->call, f->max_used + 1),
                            "too many arguments for the format string: it uses %u, got %u",
                            f->max_used, f->nvals);
        iteration_note(f, g);
        return false;
    }
    return true;
}

static void fmt_init(Fmt *f, FnContext *ctx, const FnCall *call, ValueStr spec, StrBuf *out)
{
    memset(f, 0, sizeof *f);
    f->ctx = ctx;
    f->call = call;
    f->spec = spec;
    f->vals = call->args + 1;
    f->nvals = call->nargs - 1;
    f->iteration = -1;
    f->out = out;
}

Value *fn_format(FnContext *ctx, const FnCall *call)
{
    ValueStr spec;
    if (!fn_arg_string(ctx, call, 0, &spec))
        return fn_invalid(ctx, call);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    Fmt f;
    fmt_init(&f, ctx, call, spec, &out);
    if (!format_all(&f))
        return fn_invalid(ctx, call);
    return fn_buf_value(ctx, call, &out);
}

// The common length of the list arguments (-1 when there is none), or -2
// after reporting two that differ.
static int64_t formatlist_length(FnContext *ctx, const FnCall *call)
{
    int64_t len = -1;
    uint32_t chooser = 0;
    for (uint32_t i = 1; i < call->nargs; i++) {
        const Value *a = call->args[i];
        if (a->kind != VAL_LIST)
            continue;
        if (len < 0) {
            len = a->as.list.count;
            chooser = i;
        } else if (a->as.list.count != len) {
            fn_arg_error(ctx, call, i,
                         "argument %u of formatlist has length %u, which is inconsistent with "
                         "argument %u of length %lld",
                         i + 1, a->as.list.count, chooser + 1, (long long)len);
            return -2;
        }
    }
    return len;
}

Value *fn_formatlist(FnContext *ctx, const FnCall *call)
{
    ValueStr spec;
    if (!fn_arg_string(ctx, call, 0, &spec))
        return fn_invalid(ctx, call);
    int64_t len = formatlist_length(ctx, call);
    if (len == -2)
        return fn_invalid(ctx, call);
    uint32_t n = len < 0 ? 1 : (uint32_t)len;
    uint32_t nvals = call->nargs - 1;
    Value **vals = arena_alloc(ctx->arena, ((size_t)nvals + 1) * sizeof(Value *));
    Value *list = fn_new_list(ctx, call, n, 0);
    for (uint32_t it = 0; it < n; it++) {
        for (uint32_t k = 0; k < nvals; k++) {
            Value *a = call->args[k + 1];
            vals[k] = a->kind == VAL_LIST ? a->as.list.items[it] : a;
        }
        StrBuf out;
        buf_init(&out, ctx->arena, FN_MAX_STRING);
        Fmt f;
        fmt_init(&f, ctx, call, spec, &out);
        f.vals = vals;
        f.iteration = len < 0 ? -1 : (int64_t)it;
        if (!format_all(&f))
            return fn_invalid(ctx, call);
        list->as.list.items[it] = fn_buf_value(ctx, call, &out);
        if (list->as.list.items[it]->kind == VAL_INVALID)
            return list->as.list.items[it];
    }
    return list;
}

// --- join, split, case ------------------------------------------------------------

Value *fn_join(FnContext *ctx, const FnCall *call)
{
    ValueStr sep, *items;
    uint32_t n;
    if (!fn_arg_string(ctx, call, 0, &sep) || !fn_arg_strings(ctx, call, 1, false, &items, &n))
        return fn_invalid(ctx, call);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    for (uint32_t i = 0; i < n && !out.over; i++) {
        if (i)
            buf_put(&out, sep.ptr, sep.len);
        buf_put(&out, items[i].ptr, items[i].len);
    }
    return fn_buf_value(ctx, call, &out);
}

// Appends s[start..end) to a growing array of parts.
static void add_part(FnContext *ctx, const FnCall *call, Value ***parts, uint32_t *n, uint32_t *cap,
                     const char *s, size_t len)
{
    BUF_RESERVE(ctx->arena, *parts, *n, *cap);
    (*parts)[(*n)++] = fn_new_string(ctx, call, s, len);
}

// strings.Split: an empty separator splits into characters.
Value *fn_split(FnContext *ctx, const FnCall *call)
{
    ValueStr sep, str;
    if (!fn_arg_string(ctx, call, 0, &sep) || !fn_arg_string(ctx, call, 1, &str))
        return fn_invalid(ctx, call);
    Value **parts = NULL;
    uint32_t n = 0, cap = 0;
    if (sep.len == 0) {
        for (size_t i = 0; i < str.len;) {
            size_t adv;
            utf8_next(str.ptr + i, str.len - i, &adv);
            add_part(ctx, call, &parts, &n, &cap, str.ptr + i, adv);
            i += adv;
        }
    } else {
        FnFinder finder;
        fn_finder_init(&finder, ctx->arena, sep.ptr, sep.len);
        size_t i = 0;
        for (size_t at; (at = fn_finder_next(&finder, str.ptr, str.len, i)) != SIZE_MAX;
             i = at + sep.len)
            add_part(ctx, call, &parts, &n, &cap, str.ptr + i, at - i);
        add_part(ctx, call, &parts, &n, &cap, str.ptr + i, str.len - i);
    }
    Value *list = fn_new_list(ctx, call, n, 0);
    if (n)
        memcpy(list->as.list.items, parts, (size_t)n * sizeof(Value *));
    return list;
}

static Value *change_case(FnContext *ctx, const FnCall *call, FnCase to)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    fn_case_map(&out, s.ptr, s.len, to);
    return fn_buf_value(ctx, call, &out);
}

Value *fn_lower(FnContext *ctx, const FnCall *call)
{
    return change_case(ctx, call, FN_LOWER);
}

Value *fn_upper(FnContext *ctx, const FnCall *call)
{
    return change_case(ctx, call, FN_UPPER);
}

// Go's strings.Title separators: ASCII other than letters, digits and '_',
// and Unicode white space.
static bool is_title_separator(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                 cp == '_');
    return fn_is_space(cp);
}

// Title-cases the first letter of each word (words as Go's strings.Title,
// which Terraform uses, sees them: any Unicode letter, not only ASCII).
Value *fn_title(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    bool after_separator = true;
    for (size_t i = 0; i < s.len;) {
        size_t adv;
        uint32_t cp = utf8_next(s.ptr + i, s.len - i, &adv);
        uint32_t title = after_separator ? fn_case_rune(cp, FN_TITLE) : cp;
        if (title != cp)
            fn_utf8_put(&out, title);
        else
            buf_put(&out, s.ptr + i, adv);
        after_separator = is_title_separator(cp);
        i += adv;
    }
    return fn_buf_value(ctx, call, &out);
}

// --- trimming ----------------------------------------------------------------------

// The start of the code point that ends at s[end].
static size_t prev_char(const char *s, size_t end)
{
    size_t i = utf8_back(s, end);
    size_t adv;
    utf8_next(s + i, end - i, &adv);
    return i + adv == end ? i : end - 1;
}

static bool in_cutset(ValueStr cut, uint32_t cp)
{
    for (size_t i = 0; i < cut.len;) {
        size_t adv;
        if (utf8_next(cut.ptr + i, cut.len - i, &adv) == cp)
            return true;
        i += adv;
    }
    return false;
}

// Trims the code points that are in `cut` (or, with cut.ptr NULL, white
// space) from both ends.
static Value *trim_both(FnContext *ctx, const FnCall *call, ValueStr s, ValueStr cut)
{
    size_t start = 0, end = s.len;
    while (start < end) {
        size_t adv;
        uint32_t cp = utf8_next(s.ptr + start, end - start, &adv);
        if (!(cut.ptr ? in_cutset(cut, cp) : fn_is_space(cp)))
            break;
        start += adv;
    }
    while (end > start) {
        size_t p = prev_char(s.ptr, end), adv;
        uint32_t cp = utf8_next(s.ptr + p, end - p, &adv);
        if (!(cut.ptr ? in_cutset(cut, cp) : fn_is_space(cp)))
            break;
        end = p;
    }
    return fn_new_string(ctx, call, s.ptr + start, end - start);
}

Value *fn_trim(FnContext *ctx, const FnCall *call)
{
    ValueStr s, cut;
    if (!fn_arg_string(ctx, call, 0, &s) || !fn_arg_string(ctx, call, 1, &cut))
        return fn_invalid(ctx, call);
    if (cut.len == 0)
        return fn_new_string(ctx, call, s.ptr, s.len);
    return trim_both(ctx, call, s, cut);
}

Value *fn_trimspace(FnContext *ctx, const FnCall *call)
{
    ValueStr s, none = {NULL, 0};
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    return trim_both(ctx, call, s, none);
}

static bool has_prefix(ValueStr s, ValueStr p)
{
    return p.len <= s.len && memcmp(s.ptr, p.ptr, p.len) == 0;
}

static bool has_suffix(ValueStr s, ValueStr p)
{
    return p.len <= s.len && memcmp(s.ptr + s.len - p.len, p.ptr, p.len) == 0;
}

Value *fn_trimprefix(FnContext *ctx, const FnCall *call)
{
    ValueStr s, p;
    if (!fn_arg_string(ctx, call, 0, &s) || !fn_arg_string(ctx, call, 1, &p))
        return fn_invalid(ctx, call);
    size_t cut = has_prefix(s, p) ? p.len : 0;
    return fn_new_string(ctx, call, s.ptr + cut, s.len - cut);
}

Value *fn_trimsuffix(FnContext *ctx, const FnCall *call)
{
    ValueStr s, p;
    if (!fn_arg_string(ctx, call, 0, &s) || !fn_arg_string(ctx, call, 1, &p))
        return fn_invalid(ctx, call);
    return fn_new_string(ctx, call, s.ptr, s.len - (has_suffix(s, p) ? p.len : 0));
}

Value *fn_startswith(FnContext *ctx, const FnCall *call)
{
    ValueStr s, p;
    if (!fn_arg_string(ctx, call, 0, &s) || !fn_arg_string(ctx, call, 1, &p))
        return fn_invalid(ctx, call);
    return fn_new_bool(ctx, call, has_prefix(s, p));
}

Value *fn_endswith(FnContext *ctx, const FnCall *call)
{
    ValueStr s, p;
    if (!fn_arg_string(ctx, call, 0, &s) || !fn_arg_string(ctx, call, 1, &p))
        return fn_invalid(ctx, call);
    return fn_new_bool(ctx, call, has_suffix(s, p));
}

// Removes every line break (\n, \r\n, \r) at the end.
Value *fn_chomp(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    size_t end = s.len;
    while (end > 0 && (s.ptr[end - 1] == '\n' || s.ptr[end - 1] == '\r'))
        end--;
    return fn_new_string(ctx, call, s.ptr, end);
}

// --- substr, strlen, indent ---------------------------------------------------------

Value *fn_strlen(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    return fn_new_number(ctx, call, (double)utf8_count(s.ptr, s.len));
}

// substr(string, offset, length): a negative offset counts from the end;
// a negative length (-1) takes the rest. Out-of-range parts give "".
Value *fn_substr(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    int64_t offset, length;
    if (!fn_arg_string(ctx, call, 0, &s) || !fn_arg_int(ctx, call, 1, &offset) ||
        !fn_arg_int(ctx, call, 2, &length))
        return fn_invalid(ctx, call);
    if (offset < 0)
        offset += (int64_t)utf8_count(s.ptr, s.len);
    if (offset < 0)
        offset = 0;
    size_t start = utf8_offset(s.ptr, s.len, (size_t)offset);
    size_t end =
        length < 0 ? s.len : start + utf8_offset(s.ptr + start, s.len - start, (size_t)length);
    return fn_new_string(ctx, call, s.ptr + start, end - start);
}

// Adds `spaces` spaces at the start of every line but the first.
Value *fn_indent(FnContext *ctx, const FnCall *call)
{
    int64_t spaces;
    ValueStr s;
    if (!fn_arg_int(ctx, call, 0, &spaces) || !fn_arg_string(ctx, call, 1, &s))
        return fn_invalid(ctx, call);
    if (spaces < 0)
        return fn_arg_error(ctx, call, 0, "argument 1 of indent must not be negative, got %lld",
                            (long long)spaces);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    size_t pad = spaces > FN_MAX_STRING ? (size_t)FN_MAX_STRING + 1 : (size_t)spaces;
    for (size_t i = 0; i < s.len && !out.over; i++) {
        buf_putc(&out, s.ptr[i]);
        if (s.ptr[i] == '\n')
            buf_repeat(&out, ' ', pad);
    }
    return fn_buf_value(ctx, call, &out);
}
