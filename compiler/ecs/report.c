// report.c - how ECS rules report, and small accessors they share. In JSON
// read from a file, an error about a string holding a template placeholder
// (${NAME}, {{NAME}}, <NAME>, #{NAME}, $NAME) is a warning naming the
// placeholder: the file is a template, checked before it is filled in. A
// word of X's ("arn:aws:iam::XXXXXXXXXXXX:role/r") or a word naming an
// account ("ACCOUNT_ID", "aws_account_id") counts as one too.
#include "ecs/ecs_impl.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include "base/show.h"

#define PLACEHOLDER_SHOW 40 // characters of a placeholder shown

static bool name_char(char c, bool upper_only)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (!upper_only && ((c >= 'a' && c <= 'z') || c == '-' || c == '.'));
}

// The length of the placeholder at `s`, or 0: OPEN then text without
// braces or angle brackets, then CLOSE.
static size_t enclosed(const char *s, const char *open, const char *close)
{
    size_t no = strlen(open);
    if (strncmp(s, open, no) != 0)
        return 0;
    size_t n = strcspn(s + no, "{}<>\"\n");
    if (n == 0 || strncmp(s + no + n, close, strlen(close)) != 0)
        return 0;
    return no + n + strlen(close);
}

// The placeholder at `s` ("${IMAGE}", "{{ .Values.tag }}", "<ACCOUNT_ID>",
// "#{Octopus.Var}", "$IMAGE_URI"), as its length; 0 when none starts there.
static size_t placeholder_at(const char *s)
{
    size_t n = enclosed(s, "${", "}");
    if (!n)
        n = enclosed(s, "{{", "}}");
    if (!n)
        n = enclosed(s, "#{", "}");
    if (!n && s[0] == '<' && name_char(s[1], false))
        n = enclosed(s, "<", ">");
    if (!n && s[0] == '$' && s[1] >= 'A' && s[1] <= 'Z') {
        n = 1;
        while (name_char(s[n], true))
            n++;
    }
    return n;
}

static bool alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The length of a word of 3 to 16 X's (or x's) at `s`, or 0; `start` is
// where the string starts. (A longer run is more likely a made-up long value
// than a stand-in for an account or an id.)
static size_t x_word(const char *start, const char *s)
{
    if ((*s != 'X' && *s != 'x') || (s > start && alnum(s[-1])))
        return 0;
    size_t n = strspn(s, *s == 'X' ? "X" : "x");
    return n >= 3 && n <= 16 && !alnum(s[n]) ? n : 0;
}

static bool word_char(char c)
{
    return alnum(c) || c == '_' || c == '-';
}

// The length of a word naming an account at `s` ("ACCOUNT_ID",
// "aws_account_id", "<account-id>" is found by placeholder_at), or 0.
static size_t account_word(const char *start, const char *s)
{
    if (s > start && word_char(s[-1]))
        return 0;
    size_t n = 0;
    while (word_char(s[n]))
        n++;
    for (size_t i = 0; i + 7 <= n; i++)
        if (strncasecmp(s + i, "account", 7) == 0)
            return n;
    return 0;
}

// The first placeholder in string `v`, quoted for a message, or NULL.
static const char *placeholder(Arena *a, const Value *v)
{
    if (!v || v->kind != VAL_STRING || value_is_sensitive(v))
        return NULL;
    for (const char *p = v->as.str.ptr; *p; p++) {
        size_t n = placeholder_at(p);
        if (!n)
            n = x_word(v->as.str.ptr, p);
        if (!n)
            n = account_word(v->as.str.ptr, p);
        if (n)
            return show_quoted(a, p, n, PLACEHOLDER_SHOW, PLACEHOLDER_SHOW);
    }
    return NULL;
}

static bool span_inside(Span inner, Span outer)
{
    return inner.file == outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

Diag *ecs_report(EcsCtx *c, DiagCode code, bool warning, const Value *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(c->arena, fmt, ap);
    va_end(ap);
    const char *ph = !warning && c->opt && c->opt->json ? placeholder(c->arena, v) : NULL;
    if (ph) {
        msg = arena_printf(c->arena, "template placeholder %s where ECS checks the value: %s", ph,
                           msg);
        code = E_ECS_PLACEHOLDER;
        warning = true;
    }
    bool as_error = !warning || (c->opt && c->opt->strict);
    Span site = span_is_none(v->site) ? v->origin : v->site;
    Diag *g = as_error ? diag_error(c->diags, code, site, "%s", msg)
                       : diag_warning(c->diags, code, site, "%s", msg);
    if (ph)
        diag_note(c->diags, g,
                  "the file looks like a template; fill in %s before registering it", ph);
    if (warning && as_error)
        diag_note(c->diags, g, "this is a warning, made an error by --strict");
    bool elsewhere =
        !span_is_none(v->site) && !span_is_none(v->origin) && !span_inside(v->origin, v->site);
    if (elsewhere && value_is_sensitive(v)) // the line that sets it would show the secret
        diag_note(c->diags, g, "the value is sensitive; it is set outside this task definition");
    else if (elsewhere)
        diag_note_at(c->diags, g, v->origin, "the value is set here");
    c->failed |= as_error;
    return g;
}

Value *ecs_get(const Value *obj, const char *name)
{
    if (!obj || obj->kind != VAL_OBJECT)
        return NULL;
    return value_object_get(obj, name, strlen(name));
}

bool ecs_unknown(const Value *v)
{
    return v && (v->flags & VALF_INTRINSIC) != 0;
}

const char *ecs_str(const Value *v)
{
    return v && v->kind == VAL_STRING ? v->as.str.ptr : NULL;
}

bool ecs_int(const Value *v, int64_t *out)
{
    if (!v || v->kind != VAL_NUMBER || !value_number_is_int(v->as.number))
        return false;
    *out = (int64_t)v->as.number;
    return true;
}
