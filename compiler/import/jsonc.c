// jsonc.c - JSON as hand-kept files have it: `//` and `/* */` comments and
// trailing commas. They are blanked out (line breaks kept) so the strict
// reader (decode/) sees plain JSON at the same offsets, and the comments are
// recorded so that the writer can put them back above the members.
#include "import/import_impl.h"

#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The end of the comment starting at s[i] ("//" or "/*"), or i when there is
// none there. An unclosed "/*" runs to the end.
static uint32_t comment_end(const char *s, uint32_t len, uint32_t i)
{
    if (i + 1 >= len || s[i] != '/' || (s[i + 1] != '/' && s[i + 1] != '*'))
        return i;
    if (s[i + 1] == '/') {
        while (i < len && s[i] != '\n')
            i++;
        return i;
    }
    for (i += 2; i + 1 < len; i++)
        if (s[i] == '*' && s[i + 1] == '/')
            return i + 2;
    return len;
}

// The first offset at or after i that is neither white space nor a comment.
static uint32_t skip_blank(const char *s, uint32_t len, uint32_t i)
{
    for (;;) {
        while (i < len && is_space(s[i]))
            i++;
        uint32_t e = comment_end(s, len, i);
        if (e == i)
            return i;
        i = e;
    }
}

static bool starts_line(const char *s, uint32_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    return i == 0 || s[i - 1] == '\n';
}

static void record(Arena *a, JsonText *out, const char *s, uint32_t start, uint32_t end)
{
    BUF_RESERVE(a, out->comments, out->ncomments, out->cap);
    // An unclosed "/*" is left for the reader to report; it is no comment.
    if (s[start + 1] == '*' && (end < start + 4 || s[end - 1] != '/' || s[end - 2] != '*'))
        return;
    out->comments[out->ncomments++] =
        (JsonComment){start, end, starts_line(s, start), false, NULL, NULL};
    for (uint32_t k = start; k < end; k++)
        if (out->text[k] != '\n')
            out->text[k] = ' ';
}

static bool is_name(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
}

// The length of a placeholder ${NAME} at s[i], or 0.
static uint32_t placeholder(const char *s, uint32_t len, uint32_t i)
{
    if (i + 3 >= len || s[i] != '$' || s[i + 1] != '{' || !is_name(s[i + 2], true))
        return 0;
    uint32_t k = i + 3;
    while (k < len && is_name(s[k], false))
        k++;
    return k < len && s[k] == '}' ? k + 1 - i : 0;
}

// The offset of the '"' that closes the string opening at s[i], or len:
// the first '"' after it not escaped, which an odd run of backslashes
// before it would be. memchr, as strings are most of the bytes.
static uint32_t string_end(const char *s, uint32_t len, uint32_t i)
{
    uint32_t from = i + 1;
    for (;;) {
        const char *q = from < len ? memchr(s + from, '"', len - from) : NULL;
        if (!q)
            return len;
        uint32_t at = (uint32_t)(q - s), slashes = 0;
        while (at - slashes > i + 1 && s[at - slashes - 1] == '\\')
            slashes++;
        if (slashes % 2 == 0)
            return at;
        from = at + 1;
    }
}

// Blanks the comma at s[i] when a closing bracket follows it.
static void trailing_comma(const char *s, uint32_t len, uint32_t i, JsonText *out)
{
    uint32_t next = skip_blank(s, len, i + 1);
    if (next < len && (s[next] == '}' || s[next] == ']'))
        out->text[i] = ' ';
}

// Rewrites the placeholder of `hole` bytes at s[i], ${NAME}, as "$NAME".
static void rewrite_hole(Arena *a, const char *s, uint32_t i, uint32_t hole, JsonText *out)
{
    out->text[i] = '"';
    out->text[i + 1] = '$';
    memcpy(out->text + i + 2, s + i + 2, hole - 3);
    out->text[i + hole - 1] = '"';
    BUF_RESERVE(a, out->holes, out->nholes, out->holes_cap);
    out->holes[out->nholes++] = i;
}

// One pass over the bytes; only those that can start something to change
// ('"' skips a string, '$', '/', ',') are looked at further, as plain JSON
// is mostly strings and white space.
void jsonc_clean(Arena *a, const char *s, uint32_t len, bool tmpl, JsonText *out)
{
    memset(out, 0, sizeof *out);
    out->orig = s;
    out->text = arena_strndup(a, s, len);
    out->len = len;
    if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) // a byte order mark, as some editors write
        memset(out->text, ' ', 3);
    for (uint32_t i = 0; i < len; i++) {
        if (s[i] < '"' || s[i] > '/') // white space, brackets, ':', numbers and words
            continue;
        uint32_t hole, e;
        switch (s[i]) {
        case '"':
            i = string_end(s, len, i);
            break;
        case '$':
            hole = tmpl ? placeholder(s, len, i) : 0;
            if (hole) {
                rewrite_hole(a, s, i, hole, out);
                i += hole - 1;
            }
            break;
        case '/':
            e = comment_end(s, len, i);
            if (e != i) {
                record(a, out, s, i, e);
                i = e - 1;
            }
            break;
        case ',':
            trailing_comma(s, len, i, out);
            break;
        default:
            break;
        }
    }
}
