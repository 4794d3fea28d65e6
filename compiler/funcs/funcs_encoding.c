// funcs_encoding.c - jsonencode jsondecode yamlencode yamldecode
// base64encode base64decode urlencode csvdecode.
//
// JSON and YAML go through emit/ and decode.c (the only writers and readers
// of those formats). A text given to jsondecode/yamldecode becomes a
// pseudo-file of the SourceSet ("<jsondecode>"), so the decoded values keep
// positions, and a syntax error is reported once, at the argument, with the
// line and column inside the text. jsonencode writes what cJSON writes: it
// does not escape <, > and & as Terraform (Go) does; both are valid JSON of
// the same value. CSV follows Go's encoding/csv (RFC 4180), as Terraform.
#include "funcs/funcs_impl.h"

#include <string.h>

#include "decode/decode.h"
#include "emit/emit.h"

// --- JSON and YAML -------------------------------------------------------------------

Value *fn_jsonencode(FnContext *ctx, const FnCall *call)
{
    if (value_has_invalid(call->args[0]))
        return fn_invalid(ctx, call);
    size_t len;
    char *json = emit_json(ctx->arena, call->args[0], EMIT_JSON_COMPACT, &len);
    if (!json)
        return fn_arg_error(ctx, call, 0, "argument 1 of jsonencode cannot be written as JSON");
    return value_string_ref(ctx->arena, call->span, json, len);
}

Value *fn_yamlencode(FnContext *ctx, const FnCall *call)
{
    if (value_has_invalid(call->args[0]))
        return fn_invalid(ctx, call);
    size_t len;
    char *yaml = emit_yaml(ctx->arena, call->args[0], &len);
    if (!yaml) // the emitter failed (it does not for values hclc builds)
        return fn_arg_error(ctx, call, 0, "argument 1 of yamlencode cannot be written as YAML");
    return value_string_ref(ctx->arena, call->span, yaml, len);
}

// Drops "invalid JSON: " (or YAML) in front of a reader's message, which
// the function's own message already says.
static const char *problem_of(const char *summary, const char *format)
{
    size_t n = strlen("invalid ");
    if (strncmp(summary, "invalid ", n) == 0 && strncmp(summary + n, format, 4) == 0) {
        const char *rest = summary + n + 4;
        while (*rest == ':' || *rest == ' ')
            rest++;
        if (*rest)
            return rest;
    }
    return summary;
}

static Value *decode_argument(FnContext *ctx, const FnCall *call, bool yaml)
{
    ValueStr text;
    if (!fn_arg_string(ctx, call, 0, &text))
        return fn_invalid(ctx, call);
    const char *format = yaml ? "YAML" : "JSON";
    uint32_t file =
        source_add(ctx->src, yaml ? "<yamldecode>" : "<jsondecode>", text.ptr, text.len);
    Diags scratch;
    diags_init(&scratch, ctx->arena);
    Value *v = yaml ? decode_yaml_file(ctx->arena, ctx->src, file, &scratch)
                    : decode_json_file(ctx->arena, ctx->src, file, &scratch);
    if (v && !diags_has_errors(&scratch))
        return v;
    if (scratch.count == 0 || value_is_sensitive(call->args[0])) {
        // The reader's message would quote the text (a word, a key).
        fn_report(ctx, E_DECODE_ARG, fn_arg_span(call, 0), "invalid %s in argument 1 of %s%s",
                  format, call->name, scratch.count ? " (a sensitive value, not shown)" : "");
        return fn_invalid(ctx, call);
    }
    const Diag *first = scratch.items[0];
    const char *problem = problem_of(first->summary, format);
    if (first->subject.file == file) {
        LineCol lc = source_line_col(ctx->src, file, first->subject.start);
        fn_report(ctx, E_DECODE_ARG, fn_arg_span(call, 0),
                  "invalid %s in argument: %s at line %u, column %u of the text", format, problem,
                  lc.line, lc.col);
    } else {
        fn_report(ctx, E_DECODE_ARG, fn_arg_span(call, 0), "invalid %s in argument: %s", format,
                  problem);
    }
    return fn_invalid(ctx, call);
}

Value *fn_jsondecode(FnContext *ctx, const FnCall *call)
{
    return decode_argument(ctx, call, false);
}

Value *fn_yamldecode(FnContext *ctx, const FnCall *call)
{
    return decode_argument(ctx, call, true);
}

// --- base64 and URLs -------------------------------------------------------------------

static const char BASE64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value *fn_base64encode(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    const unsigned char *u = (const unsigned char *)s.ptr;
    for (size_t i = 0; i < s.len; i += 3) {
        uint32_t n = (uint32_t)u[i] << 16;
        size_t left = s.len - i;
        if (left > 1)
            n |= (uint32_t)u[i + 1] << 8;
        if (left > 2)
            n |= u[i + 2];
        buf_putc(&out, BASE64[(n >> 18) & 63]);
        buf_putc(&out, BASE64[(n >> 12) & 63]);
        buf_putc(&out, left > 1 ? BASE64[(n >> 6) & 63] : '=');
        buf_putc(&out, left > 2 ? BASE64[n & 63] : '=');
    }
    return fn_buf_value(ctx, call, &out);
}

static int base64_value(char c)
{
    const char *p = c ? strchr(BASE64, c) : NULL;
    return p ? (int)(p - BASE64) : -1;
}

static Value *base64_error(FnContext *ctx, const FnCall *call, const char *why)
{
    fn_report(ctx, E_DECODE_ARG, fn_arg_span(call, 0),
              "argument 1 of base64decode is not valid base64: %s", why);
    return fn_invalid(ctx, call);
}

// The standard alphabet with '=' padding, as Go's StdEncoding: line breaks
// are ignored, padding is required, anything else is an error.
Value *fn_base64decode(FnContext *ctx, const FnCall *call)
{
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    char *chars = arena_alloc(ctx->arena, (size_t)s.len + 1);
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] != '\n' && s.ptr[i] != '\r')
            chars[n++] = s.ptr[i];
    if (n % 4)
        return base64_error(ctx, call, "its length (without line breaks) is not a multiple of 4");
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    for (size_t q = 0; q < n; q += 4) {
        int v[4];
        bool last = q + 4 == n;
        for (int k = 0; k < 4; k++) {
            char c = chars[q + (size_t)k];
            v[k] = base64_value(c);
            bool pad_ok = c == '=' && last && (k == 3 || (k == 2 && chars[q + 3] == '='));
            if (v[k] < 0 && !pad_ok)
                return base64_error(ctx, call,
                                    arena_printf(ctx->arena, "unexpected %s at character %zu",
                                                 c == '=' ? "padding" : "character",
                                                 q + 1 + (size_t)k));
        }
        uint32_t bits = ((uint32_t)v[0] << 18) | ((uint32_t)v[1] << 12) |
                        ((uint32_t)(v[2] < 0 ? 0 : v[2]) << 6) | (uint32_t)(v[3] < 0 ? 0 : v[3]);
        buf_putc(&out, (char)(bits >> 16));
        if (v[2] >= 0)
            buf_putc(&out, (char)(bits >> 8));
        if (v[3] >= 0)
            buf_putc(&out, (char)bits);
    }
    if (!out.over &&
        (memchr(out.ptr ? out.ptr : "", '\0', out.len) || !utf8_valid(out.ptr, out.len)))
        return base64_error(ctx, call, "the decoded bytes are not UTF-8 text (or hold a NUL)");
    return fn_buf_value(ctx, call, &out);
}

// Go's url.QueryEscape: letters, digits and -_.~ stay; a space becomes +;
// every other byte becomes %XX.
Value *fn_urlencode(FnContext *ctx, const FnCall *call)
{
    static const char hex[] = "0123456789ABCDEF";
    ValueStr s;
    if (!fn_arg_string(ctx, call, 0, &s))
        return fn_invalid(ctx, call);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            buf_putc(&out, (char)c);
        } else if (c == ' ') {
            buf_putc(&out, '+');
        } else {
            buf_putc(&out, '%');
            buf_putc(&out, hex[c >> 4]);
            buf_putc(&out, hex[c & 15]);
        }
    }
    return fn_buf_value(ctx, call, &out);
}

// --- CSV ----------------------------------------------------------------------------------

typedef struct Csv {
    const char *s;
    size_t len, pos;
    uint32_t line;     // physical line last read (1-based)
    const char *error; // what went wrong, on which line
    uint32_t error_line;
    ValueStr *fields; // the record being read
    uint32_t count, cap;
} Csv;

// Reads the next physical line: s[*a..*b) without its line break ("\r\n"
// counts as "\n"; a "\r" ending the text is dropped); *nl when a line
// break followed. False at the end of the text.
static bool csv_line(Csv *r, size_t *a, size_t *b, bool *nl)
{
    if (r->pos >= r->len)
        return false;
    *a = r->pos;
    const char *p = memchr(r->s + r->pos, '\n', r->len - r->pos);
    size_t end = p ? (size_t)(p - r->s) : r->len;
    r->pos = p ? end + 1 : r->len;
    *nl = p != NULL;
    if (end > *a && r->s[end - 1] == '\r')
        end--;
    *b = end;
    r->line++;
    return true;
}

static int csv_fail(Csv *r, const char *why)
{
    r->error = why;
    r->error_line = r->line;
    return -1;
}

static void csv_push(FnContext *ctx, Csv *r, const char *s, size_t len)
{
    BUF_RESERVE(ctx->arena, r->fields, r->count, r->cap);
    r->fields[r->count].ptr = s;
    r->fields[r->count].len = (uint32_t)len;
    r->count++;
}

// Reads a quoted field starting after its opening quote at s[*i]; on
// success *i is after the field and *done tells that the record ended.
static int csv_quoted(FnContext *ctx, Csv *r, size_t *i, size_t *a, size_t *b, bool *nl, bool *done)
{
    StrBuf field;
    buf_init(&field, ctx->arena, FN_MAX_STRING);
    for (;;) {
        const char *q = memchr(r->s + *i, '"', *b - *i);
        if (q) {
            buf_put(&field, r->s + *i, (size_t)(q - (r->s + *i)));
            *i = (size_t)(q - r->s) + 1;
            if (*i < *b && r->s[*i] == '"') {
                buf_putc(&field, '"');
                (*i)++;
                continue;
            }
            if (*i < *b && r->s[*i] != ',')
                return csv_fail(r, "extraneous or missing \" in a quoted field");
            *done = *i >= *b;
            *i += !*done;
            buf_putc(&field, '\0');
            csv_push(ctx, r, field.ptr, field.len - 1);
            return 1;
        }
        if (*i >= *b && !*nl)
            return csv_fail(r, "extraneous or missing \" in a quoted field");
        buf_put(&field, r->s + *i, *b - *i);
        buf_putc(&field, '\n');
        if (!csv_line(r, a, b, nl))
            return csv_fail(r, "extraneous or missing \" in a quoted field");
        *i = *a;
    }
}

// Reads one record into r->fields. Returns 1, 0 at the end, -1 on error.
static int csv_record(FnContext *ctx, Csv *r, uint32_t *line)
{
    size_t a, b;
    bool nl;
    do {
        if (!csv_line(r, &a, &b, &nl))
            return 0;
    } while (a == b); // empty lines are skipped
    *line = r->line;
    r->count = 0;
    size_t i = a;
    for (bool done = false; !done;) {
        if (i < b && r->s[i] == '"') {
            i++;
            if (csv_quoted(ctx, r, &i, &a, &b, &nl, &done) < 0)
                return -1;
            continue;
        }
        const char *comma = memchr(r->s + i, ',', b - i);
        size_t end = comma ? (size_t)(comma - r->s) : b;
        if (memchr(r->s + i, '"', end - i))
            return csv_fail(r, "bare \" in a field that is not quoted");
        csv_push(ctx, r, r->s + i, end - i);
        done = !comma;
        i = end + 1;
    }
    return 1;
}

static Value *csv_error(FnContext *ctx, const FnCall *call, const char *why, uint32_t line)
{
    fn_report(ctx, E_DECODE_ARG, fn_arg_span(call, 0), "invalid CSV in argument: %s on line %u",
              why, line);
    return fn_invalid(ctx, call);
}

// The first record names the columns; each later record becomes an object
// of strings with those keys, in column order.
Value *fn_csvdecode(FnContext *ctx, const FnCall *call)
{
    ValueStr text;
    if (!fn_arg_string(ctx, call, 0, &text))
        return fn_invalid(ctx, call);
    Csv r = {.s = text.ptr, .len = text.len};
    uint32_t line;
    int rc = csv_record(ctx, &r, &line);
    if (rc < 0)
        return csv_error(ctx, call, r.error, r.error_line);
    if (rc == 0) {
        fn_report(ctx, E_DECODE_ARG, fn_arg_span(call, 0),
                  "invalid CSV in argument: the header line is missing");
        return fn_invalid(ctx, call);
    }
    uint32_t ncols = r.count;
    ValueStr *names = r.fields;
    r.fields = NULL;
    r.count = r.cap = 0;
    Value *seen = value_object_new(ctx->arena, call->span, ncols);
    for (uint32_t i = 0; i < ncols; i++)
        if (!value_object_put(ctx->arena, seen, names[i].ptr, names[i].len, seen))
            return csv_error(ctx, call, "duplicate column name", line);
    Value **rows = NULL;
    uint32_t nrows = 0, cap = 0;
    while ((rc = csv_record(ctx, &r, &line)) > 0) {
        if (r.count != ncols)
            return csv_error(ctx, call, "wrong number of fields", line);
        Value *row = value_object_new(ctx->arena, call->span, ncols);
        for (uint32_t i = 0; i < ncols; i++)
            value_object_put(ctx->arena, row, names[i].ptr, names[i].len,
                             fn_new_string(ctx, call, r.fields[i].ptr, r.fields[i].len));
        BUF_RESERVE(ctx->arena, rows, nrows, cap);
        rows[nrows++] = row;
    }
    if (rc < 0)
        return csv_error(ctx, call, r.error, r.error_line);
    Value *list = fn_new_list(ctx, call, nrows, 0);
    if (nrows)
        memcpy(list->as.list.items, rows, (size_t)nrows * sizeof(Value *));
    return list;
}
