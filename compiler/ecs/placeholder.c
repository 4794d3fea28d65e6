// placeholder.c - finds template placeholders in strings of JSON that is a
// template: ${NAME}, {{NAME}}, <NAME>, #{NAME}, $NAME, a word of X's
// ("arn:aws:iam::XXXXXXXXXXXX:role/r") or a word naming an account
// ("ACCOUNT_ID", "aws_account_id"). report.c turns an error about such a
// string into a warning naming the placeholder.
#include "ecs/ecs_impl.h"

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

const char *ecs_placeholder(Arena *a, const Value *v)
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
