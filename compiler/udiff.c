// udiff.c - unified diffs (diff -u style) of two texts, line by line.
//
// The common first and last lines are set aside; Myers' greedy algorithm
// finds a shortest edit script for the rest, keeping one band of its
// frontier per step for the walk back. Past MAX_EDITS steps the middle is
// shown as removed and added whole: still a correct diff, only not minimal.
#include "udiff.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

#define CONTEXT 3
#define MAX_EDITS 4000

typedef struct Text {
    const char **line; // start of each line
    size_t *len;       // bytes of each line, its '\n' included
    size_t n;
} Text;

typedef struct Op {
    char kind;   // ' ', '-', '+'
    size_t a, b; // line in the old text, line in the new text
} Op;

typedef struct Script {
    Op *ops;
    size_t n, cap;
} Script;

static void split(Text *t, const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    n += len > 0 && s[len - 1] != '\n';
    t->line = xmalloc((n + 1) * sizeof(char *));
    t->len = xmalloc((n + 1) * sizeof(size_t));
    t->n = 0;
    size_t start = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n' || i + 1 == len) {
            t->line[t->n] = s + start;
            t->len[t->n++] = i + 1 - start;
            start = i + 1;
        }
}

static bool same(const Text *a, size_t i, const Text *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->line[i], b->line[j], a->len[i]) == 0;
}

static void add(Script *s, char kind, size_t a, size_t b)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->ops = xrealloc(s->ops, s->cap * sizeof(Op));
    }
    s->ops[s->n++] = (Op){kind, a, b};
}

// Myers on old lines [lo, ahi) and new lines [lo, bhi); appends the ops in
// reverse order. Returns false when the script would take over MAX_EDITS.
static bool myers(const Text *a, const Text *b, size_t lo, size_t ahi, size_t bhi, Script *rev)
{
    long n = (long)(ahi - lo), m = (long)(bhi - lo), max = n + m;
    if (max > MAX_EDITS)
        max = MAX_EDITS;
    long **trace = xmalloc((size_t)(max + 1) * sizeof(long *));
    long *v = (long *)xmalloc((size_t)(2 * max + 3) * sizeof(long)) + max + 1;
    v[1] = 0;
    long d, found = -1;
    for (d = 0; d <= max && found < 0; d++) {
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[k - 1] < v[k + 1])) ? v[k + 1] : v[k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && same(a, lo + (size_t)x, b, lo + (size_t)y))
                x++, y++;
            v[k] = x;
            if (x >= n && y >= m)
                found = d;
        }
        trace[d] = xmalloc((size_t)(2 * d + 1) * sizeof(long));
        memcpy(trace[d], v - d, (size_t)(2 * d + 1) * sizeof(long));
    }
    long steps = d; // trace[0..steps) were filled
    bool ok = found >= 0;
    long x = n, y = m;
    for (d = found; ok && d >= 0; d--) {
        long k = x - y, px, py;
        if (d == 0) {
            px = py = 0;
        } else {
            const long *pv = trace[d - 1] + (d - 1); // pv[k] for k in -(d-1)..d-1
            long pk = (k == -d || (k != d && pv[k - 1] < pv[k + 1])) ? k + 1 : k - 1;
            px = pv[pk];
            py = px - pk;
        }
        while (x > px && y > py)
            x--, y--, add(rev, ' ', lo + (size_t)x, lo + (size_t)y);
        if (d > 0) {
            if (x == px)
                add(rev, '+', lo + (size_t)x, lo + (size_t)--y);
            else
                add(rev, '-', lo + (size_t)--x, lo + (size_t)y);
        }
        x = px, y = py;
    }
    for (long i = 0; i < steps; i++)
        free(trace[i]);
    free(trace);
    free(v - max - 1);
    return ok;
}

// The edit script of the whole texts, in order.
static void diff_lines(const Text *a, const Text *b, Script *s)
{
    size_t pre = 0, an = a->n, bn = b->n;
    while (pre < an && pre < bn && same(a, pre, b, pre))
        pre++;
    while (an > pre && bn > pre && same(a, an - 1, b, bn - 1))
        an--, bn--;
    for (size_t i = 0; i < pre; i++)
        add(s, ' ', i, i);
    Script rev = {0};
    if (myers(a, b, pre, an, bn, &rev)) {
        for (size_t i = rev.n; i-- > 0;)
            add(s, rev.ops[i].kind, rev.ops[i].a, rev.ops[i].b);
    } else {
        for (size_t i = pre; i < an; i++)
            add(s, '-', i, pre);
        for (size_t j = pre; j < bn; j++)
            add(s, '+', an, j);
    }
    free(rev.ops);
    for (size_t i = 0; an + i < a->n; i++)
        add(s, ' ', an + i, bn + i);
}

static void print_line(FILE *out, char kind, const char *line, size_t len)
{
    fputc(kind, out);
    fwrite(line, 1, len, out);
    if (len == 0 || line[len - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", out);
}

// Writes the hunk of ops [from, to).
static void hunk(FILE *out, const Text *a, const Text *b, const Op *ops, size_t from, size_t to)
{
    size_t na = 0, nb = 0;
    for (size_t i = from; i < to; i++) {
        na += ops[i].kind != '+';
        nb += ops[i].kind != '-';
    }
    size_t a0 = ops[from].a + (na > 0), b0 = ops[from].b + (nb > 0);
    fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", a0, na, b0, nb);
    for (size_t i = from; i < to; i++) {
        const Op *o = &ops[i];
        if (o->kind == '+')
            print_line(out, '+', b->line[o->b], b->len[o->b]);
        else
            print_line(out, o->kind, a->line[o->a], a->len[o->a]);
    }
}

void udiff_write(FILE *out, const char *name, const char *a, size_t alen, const char *b,
                 size_t blen)
{
    if (alen == blen && memcmp(a, b, alen) == 0)
        return;
    Text ta, tb;
    split(&ta, a, alen);
    split(&tb, b, blen);
    Script s = {0};
    diff_lines(&ta, &tb, &s);
    fprintf(out, "--- %s\n+++ %s\n", name, name);
    size_t i = 0;
    while (i < s.n) {
        if (s.ops[i].kind == ' ') {
            i++;
            continue;
        }
        size_t from = i > CONTEXT ? i - CONTEXT : 0, end = i;
        for (;;) { // extend over changes closer than two contexts apart
            while (end < s.n && s.ops[end].kind != ' ')
                end++;
            size_t next = end;
            while (next < s.n && s.ops[next].kind == ' ')
                next++;
            if (next == s.n || next - end > 2 * CONTEXT)
                break;
            end = next;
        }
        size_t to = end + CONTEXT < s.n ? end + CONTEXT : s.n;
        hunk(out, &ta, &tb, s.ops, from, to);
        i = to;
    }
    free(s.ops);
    free(ta.line);
    free(ta.len);
    free(tb.line);
    free(tb.len);
}
