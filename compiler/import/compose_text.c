// compose_text.c - the values compose writes as text: a command line split
// into words as compose splits it, durations ("1m30s") in seconds, and
// byte sizes ("512m", "1g") in MiB.
#include "import/compose_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

// A command line split as compose splits it: white space separates words;
// single quotes keep everything, double quotes allow \" and \\.
Value *compose_split_words(Compose *C, Value *v)
{
    if (v->kind == VAL_LIST)
        return compose_strings(C, v);
    const char *s = compose_text_of(C, v);
    if (!s)
        return v;
    Value *list = value_list_new(C->im->a, v->origin, 0);
    StrBuf w;
    buf_init(&w, C->im->a, 0);
    bool in_word = false;
    char quote = 0;
    for (const char *p = s;; p++) {
        if (!*p || (!quote && strchr(" \t\n", *p))) {
            if (in_word)
                list = compose_push(C, list, compose_str(C, v, w.ptr ? w.ptr : ""));
            buf_init(&w, C->im->a, 0);
            in_word = false;
            if (!*p)
                break;
            continue;
        }
        in_word = true;
        if (quote && *p == quote)
            quote = 0;
        else if (!quote && (*p == '\'' || *p == '"'))
            quote = *p;
        else if (*p == '\\' && quote != '\'' && p[1])
            buf_putc(&w, *++p);
        else
            buf_putc(&w, *p);
        buf_puts(&w, "");
    }
    return list;
}

// Seconds of a compose duration ("30s", "1m30s", "1h", "500ms"), rounded
// up; false when it is none.
bool compose_duration(const char *s, double *out)
{
    double total = 0;
    if (!*s)
        return false;
    while (*s) {
        char *end;
        double n = strtod(s, &end);
        if (end == s || n < 0)
            return false;
        s = end;
        double unit = strncmp(s, "ms", 2) == 0   ? 0.001
                      : strncmp(s, "us", 2) == 0 ? 1e-6
                      : *s == 'h'                ? 3600
                      : *s == 'm'                ? 60
                      : *s == 's' || !*s         ? 1
                                                 : -1;
        if (unit < 0)
            return false;
        s += (unit == 0.001 || unit == 1e-6) ? 2 : *s ? 1 : 0;
        total += n * unit;
    }
    *out = ceil(total);
    return true;
}

// MiB of a compose byte size ("512m", "1g", "1gb", 1073741824).
bool compose_mebibytes(Compose *C, Value *v, double *out)
{
    const char *s = compose_text_of(C, v);
    char *end;
    double n = s ? strtod(s, &end) : 0;
    if (!s || end == s || n < 0)
        return false;
    char u = (char)(*end | 0x20);
    double mib = u == 'k'                   ? n / 1024
                 : u == 'm'                 ? n
                 : u == 'g'                 ? n * 1024
                 : u == 'b' || *end == '\0' ? n / 1048576
                                            : -1;
    if (mib < 0)
        return false;
    *out = ceil(mib);
    return true;
}
