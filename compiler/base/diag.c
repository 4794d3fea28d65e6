// diag.c - the diagnostics list, "did you mean" suggestions, and the text
// and JSON renderers. Stages only append; main.c calls a renderer once.
// The text renderer never copies control characters or invalid UTF-8 to the
// terminal and shows at most EXCERPT_MAX_COLS columns of a source line, so a
// huge one-line file renders quickly and shortly. Both renderers print in
// file and position order (a stable sort: diagnostics at one place keep the
// order they were reported in; those without a place come last).
#include "base/diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/buf.h"
#include "base/utf8.h"

#define EXCERPT_MAX_COLS 200 // longer lines are shown trimmed around the span
#define EXCERPT_BEFORE 60    // columns kept before the span in a trimmed line
#define GUTTER_MIN 4         // width of the line-number field

// ANSI SGR sequences for --color.
#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_RED "\033[1;31m"
#define SGR_YELLOW "\033[1;33m"
#define SGR_CYAN "\033[1;36m"
#define SGR_BLUE "\033[1;34m"

// --- collection --------------------------------------------------------------

static char *vformat(Arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static char *vformat(Arena *a, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

void diags_init(Diags *d, Arena *arena)
{
    memset(d, 0, sizeof *d); // padding too: EvalScope compares lists bytewise
    d->arena = arena;
    d->items = NULL;
    d->count = d->cap = 0;
    d->errors = d->warnings = 0;
    d->silenced = 0;
    d->silence = NULL;
    d->silence_ctx = NULL;
}

static bool same_span(Span a, Span b)
{
    return a.file == b.file && a.start == b.start && a.end == b.end;
}

// True when two diagnostics say the same thing at the same place, notes
// included (a note pointing at a workspace's own line makes them differ).
static bool same_diag(const Diag *a, const Diag *b)
{
    if (a->severity != b->severity || a->code != b->code || !same_span(a->subject, b->subject) ||
        strcmp(a->summary, b->summary) != 0)
        return false;
    const DiagNote *x = a->notes, *y = b->notes;
    for (; x && y; x = x->next, y = y->next)
        if (x->kind != y->kind || !same_span(x->span, y->span) || strcmp(x->text, y->text) != 0)
            return false;
    return !x && !y;
}

// `seen[w][k]` marks the diagnostics already merged.
void diags_merge_runs(Diags *diags, Diags *runs, const char *const *names, uint32_t n)
{
    Arena *a = diags->arena;
    bool **seen = arena_alloc(a, n * sizeof(bool *));
    for (uint32_t w = 0; w < n; w++) {
        seen[w] = arena_alloc(a, (runs[w].count + 1) * sizeof(bool));
        memset(seen[w], 0, runs[w].count + 1);
    }
    for (uint32_t w = 0; w < n; w++) {
        for (size_t k = 0; k < runs[w].count; k++) {
            if (seen[w][k])
                continue;
            Diag *g = runs[w].items[k];
            const char *list = arena_printf(a, "\"%s\"", names[w]);
            uint32_t count = 1;
            for (uint32_t v = w + 1; v < n; v++) {
                for (size_t j = 0; j < runs[v].count; j++) {
                    if (seen[v][j] || !same_diag(g, runs[v].items[j]))
                        continue;
                    seen[v][j] = true;
                    list = arena_printf(a, "%s, \"%s\"", list, names[v]);
                    count++;
                    break;
                }
            }
            if (count == n && n > 1)
                diag_note(diags, g, "in every workspace (%s)", list);
            else
                diag_note(diags, g, "in workspace%s %s", count > 1 ? "s" : "", list);
            diags_append(diags, g);
        }
    }
}

void diags_set_silencer(Diags *d, DiagSilencer fn, void *ctx)
{
    d->silence = fn;
    d->silence_ctx = ctx;
}

void diags_share_silencer(Diags *d, const Diags *from)
{
    diags_set_silencer(d, from->silence, from->silence_ctx);
}

bool diags_silenced(const Diags *d, DiagCode code, Span subject)
{
    return d->silence && d->silence(d->silence_ctx, code, subject);
}

void diags_append(Diags *d, Diag *g)
{
    if (g->severity == DIAG_WARNING && diags_silenced(d, g->code, g->subject)) {
        d->silenced++;
        return;
    }
    BUF_RESERVE(d->arena, d->items, d->count, d->cap);
    d->items[d->count++] = g;
    if (g->severity == DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
}

static Diag *add_diag(Diags *d, DiagSeverity severity, DiagCode code, Span subject,
                      const char *summary)
{
    Diag *g = arena_alloc(d->arena, sizeof(Diag));
    g->severity = severity;
    g->code = code;
    g->summary = summary;
    g->detail = NULL;
    g->subject = subject;
    g->notes = NULL;
    g->masked = span_none();
    g->io = false;
    diags_append(d, g);
    return g;
}

Diag *diag_error(Diags *d, DiagCode code, Span subject, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *summary = vformat(d->arena, fmt, ap);
    va_end(ap);
    return add_diag(d, DIAG_ERROR, code, subject, summary);
}

Diag *diag_warning(Diags *d, DiagCode code, Span subject, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *summary = vformat(d->arena, fmt, ap);
    va_end(ap);
    return add_diag(d, DIAG_WARNING, code, subject, summary);
}

void diag_detail(Diags *d, Diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g->detail = vformat(d->arena, fmt, ap);
    va_end(ap);
}

static void add_note(Diags *d, Diag *g, DiagNoteKind kind, Span span, const char *text)
{
    DiagNote *n = arena_alloc(d->arena, sizeof(DiagNote));
    n->next = NULL;
    n->kind = kind;
    n->span = span;
    n->text = text;
    DiagNote **tail = &g->notes;
    while (*tail)
        tail = &(*tail)->next;
    *tail = n;
}

void diag_note_at(Diags *d, Diag *g, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(d->arena, fmt, ap);
    va_end(ap);
    // A "located" note without a location is just a note.
    if (span_is_none(span))
        add_note(d, g, NOTE_TEXT, span, text);
    else
        add_note(d, g, NOTE_SPAN, span, text);
}

void diag_note(Diags *d, Diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(d->arena, fmt, ap);
    va_end(ap);
    add_note(d, g, NOTE_TEXT, span_none(), text);
}

void diag_help(Diags *d, Diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(d->arena, fmt, ap);
    va_end(ap);
    add_note(d, g, NOTE_HELP, span_none(), text);
}

bool diags_has_errors(const Diags *d)
{
    return d->errors > 0;
}

bool diags_has_io_errors(const Diags *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i]->io && d->items[i]->severity == DIAG_ERROR)
            return true;
    return false;
}

const char *diag_code_text(DiagCode code, char *buf)
{
    snprintf(buf, 8, "E%04d", (int)code % 10000);
    return buf;
}

// --- suggestions -------------------------------------------------------------

static unsigned char fold(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 'A' && u <= 'Z') ? (unsigned char)(u - 'A' + 'a') : u;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

// Optimal-string-alignment distance, ignoring ASCII case: insertions,
// deletions, substitutions and swaps of neighbours cost 1 ("prot" -> "port").
// `rows` holds 3 * (m + 1) entries.
static size_t edit_distance(const char *a, size_t n, const char *b, size_t m, size_t *rows)
{
    size_t *prev2 = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

// Names longer than this get no suggestion, and are none: the distance costs
// the product of the two lengths (a 64 KB key against 64 KB keys hangs).
#define SUGGEST_MAX_LEN 128

const char *diag_suggest(const char *name, const char *const *candidates, size_t count)
{
    size_t n = strlen(name);
    if (n == 0 || n > SUGGEST_MAX_LEN)
        return NULL;
    // Like hcl's didyoumean, but scaled: a third of the name may be wrong.
    size_t limit = n / 3 > 1 ? n / 3 : 1;
    const char *best = NULL;
    size_t best_dist = limit + 1;
    for (size_t k = 0; k < count; k++) {
        const char *cand = candidates[k];
        if (!cand)
            continue;
        size_t m = strnlen(cand, SUGGEST_MAX_LEN + 1);
        size_t gap = m > n ? m - n : n - m;
        if (m == 0 || m > SUGGEST_MAX_LEN || gap >= best_dist)
            continue;
        size_t rows[3 * (SUGGEST_MAX_LEN + 1)];
        size_t dist = edit_distance(name, n, cand, m, rows);
        // Replacing every character is no typo ("x" for "y").
        size_t longer = m > n ? m : n;
        if (dist < best_dist && dist < longer) {
            best = cand;
            best_dist = dist;
        }
    }
    return best;
}

// --- positions shared by both renderers ------------------------------------

static bool has_file(const SourceSet *src, Span s)
{
    return !span_is_none(s) && s.file < src->count;
}

// The offsets a span is shown at: clamped to the file, and an empty span at
// the very end of a file that ends with a line break (end of file) is shown
// just after the last character of the last line, not on an empty line.
static Span shown_span(const SourceSet *src, Span s)
{
    const SourceFile *f = source_file(src, s.file);
    uint32_t start = s.start < f->len ? s.start : f->len;
    uint32_t end = s.end < f->len ? s.end : f->len;
    if (end < start)
        end = start;
    if (start == f->len && end == start && f->len > 0 && f->text[f->len - 1] == '\n') {
        start = f->len - 1;
        if (start > 0 && f->text[start - 1] == '\r')
            start--;
        end = start;
    }
    return span_make(s.file, start, end);
}

bool diag_position(const SourceSet *src, Span s, LineCol *start, LineCol *end)
{
    if (!has_file(src, s))
        return false;
    Span shown = shown_span(src, s);
    *start = source_line_col(src, s.file, shown.start);
    *end = source_line_col(src, s.file, shown.end);
    return true;
}

// --- text rendering ----------------------------------------------------------

typedef struct Render {
    FILE *out;
    const SourceSet *src;
    bool color;
    int width;    // of the line-number field, for the diagnostic being printed
    Diag **items; // every diagnostic: their masked spans are not shown
    size_t count;
    bool masks; // one of them is masked
} Render;

static void paint(const Render *r, const char *sgr)
{
    if (r->color)
        fputs(sgr, r->out);
}

static const char *severity_sgr(DiagSeverity s)
{
    switch (s) {
    case DIAG_ERROR:
        return SGR_RED;
    case DIAG_WARNING:
        return SGR_YELLOW;
    }
    return SGR_RED;
}

static const char *severity_name(DiagSeverity s)
{
    switch (s) {
    case DIAG_ERROR:
        return "error";
    case DIAG_WARNING:
        return "warning";
    }
    return "error";
}

// Prints message text: control characters become '?', and a line break in a
// detail or note continues on a new line indented by `indent` (a negative
// indent turns line breaks into '?' too: summaries are one line).
static void put_text(const Render *r, const char *s, int indent)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n' && indent >= 0)
            fprintf(r->out, "\n%*s", indent, "");
        else if (c == '\t')
            fputc(' ', r->out);
        else if (c < 0x20 || c == 0x7F)
            fputc('?', r->out);
        else
            fputc(c, r->out);
    }
}

// Decodes the UTF-8 sequence at t[i] (i < len). Returns its length in bytes
// and the code point in *cp; an invalid byte has length 1 and *cp == -1.
static uint32_t decode(const unsigned char *t, uint32_t len, uint32_t i, int32_t *cp)
{
    uint32_t v;
    uint32_t n = (uint32_t)utf8_decode((const char *)t + i, len - i, &v);
    *cp = n ? (int32_t)v : -1;
    return n ? n : 1;
}

// True for code points never copied to the terminal: C0 and C1 controls
// (but tab), DEL, and the bidirectional overrides that can hide code.
static bool is_hidden(int32_t cp)
{
    return cp < 0 || (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Counts the characters starting in t[from, to) of the `len` bytes at t,
// stopping once past `limit`.
static uint32_t count_chars(const unsigned char *t, uint32_t len, uint32_t from, uint32_t to,
                            uint32_t limit)
{
    uint32_t n = 0;
    int32_t cp;
    for (uint32_t i = from; i < to && n <= limit; n++)
        i += decode(t, len, i, &cp);
    return n;
}

// Returns the offset `n` characters after `from` in the `len` bytes at t.
static uint32_t skip_chars(const unsigned char *t, uint32_t len, uint32_t from, uint32_t n)
{
    int32_t cp;
    uint32_t i = from;
    for (; i < len && n > 0; n--)
        i += decode(t, len, i, &cp);
    return i;
}

// Returns the offset about `n` characters before `from`.
static uint32_t back_chars(const unsigned char *t, uint32_t from, uint32_t n)
{
    uint32_t i = from;
    for (; i > 0 && n > 0; n--)
        i = (uint32_t)utf8_back((const char *)t, i);
    return i;
}

// One source line as shown under a location.
typedef struct Excerpt {
    uint32_t file, base;    // the file, and the byte offset of the line in it
    uint32_t line;          // 1-based line number
    const unsigned char *t; // the line, without its ending
    uint32_t len;           // bytes of the line
    uint32_t lo, hi;        // bytes of the line shown; "..." marks a cut
    uint32_t start, end;    // bytes of the line under the marker
} Excerpt;

static Excerpt make_excerpt(const SourceSet *src, Span s)
{
    Excerpt x;
    const SourceFile *f = source_file(src, s.file);
    x.line = source_line_of(src, s.file, s.start);
    x.t = (const unsigned char *)source_line_text(src, s.file, x.line, &x.len);
    uint32_t line_start = (uint32_t)((const char *)x.t - f->text);
    x.file = s.file;
    x.base = line_start;
    x.start = s.start - line_start < x.len ? s.start - line_start : x.len;
    x.end = s.end - line_start < x.len ? s.end - line_start : x.len;
    x.lo = 0;
    x.hi = x.len;
    if (count_chars(x.t, x.len, 0, x.len, EXCERPT_MAX_COLS) > EXCERPT_MAX_COLS) {
        x.lo = back_chars(x.t, x.start, EXCERPT_BEFORE);
        x.hi = skip_chars(x.t, x.len, x.lo, EXCERPT_MAX_COLS);
        if (x.end > x.hi)
            x.end = x.hi;
    }
    return x;
}

// True when byte `i` of the line of `x` is in the subject of a masked
// diagnostic: a secret written in plain text, shown as '*' in every excerpt
// so that it is not copied into logs.
static bool is_masked(const Render *r, const Excerpt *x, uint32_t i)
{
    uint32_t at = x->base + i;
    for (size_t k = 0; k < r->count; k++) {
        const Diag *g = r->items[k];
        if (g->masked.file == x->file && at >= g->masked.start && at < g->masked.end)
            return true;
    }
    return false;
}

static void print_source_line(const Render *r, const Excerpt *x)
{
    paint(r, SGR_BLUE);
    fprintf(r->out, " %*u |", r->width, x->line);
    paint(r, SGR_RESET);
    if (x->hi > x->lo || x->lo > 0)
        fputc(' ', r->out);
    if (x->lo > 0)
        fputs("...", r->out);
    int32_t cp;
    for (uint32_t i = x->lo; i < x->hi;) {
        uint32_t n = decode(x->t, x->len, i, &cp);
        if (cp == '\t')
            fputc('\t', r->out);
        else if (r->masks && is_masked(r, x, i))
            fputc('*', r->out);
        else if (is_hidden(cp))
            fputc('?', r->out);
        else
            fwrite(x->t + i, 1, n, r->out);
        i += n;
    }
    if (x->hi < x->len)
        fputs("...", r->out);
    fputc('\n', r->out);
}

static void print_marker_line(const Render *r, const Excerpt *x, const char *sgr)
{
    paint(r, SGR_BLUE);
    fprintf(r->out, " %*s |", r->width, "");
    paint(r, SGR_RESET);
    fputc(' ', r->out);
    if (x->lo > 0)
        fputs("   ", r->out);
    int32_t cp;
    uint32_t i = x->lo;
    while (i < x->start) {
        uint32_t n = decode(x->t, x->len, i, &cp);
        fputc(cp == '\t' ? '\t' : ' ', r->out);
        i += n;
    }
    paint(r, sgr);
    fputc('^', r->out);
    for (uint32_t n = count_chars(x->t, x->len, i, x->end, UINT32_MAX); n > 1; n--)
        fputc('~', r->out);
    paint(r, SGR_RESET);
    fputc('\n', r->out);
}

// "file:line:col: " in bold, or "hclc: " when the span names no file.
static void print_location(const Render *r, Span s)
{
    paint(r, SGR_BOLD);
    if (has_file(r->src, s)) {
        LineCol lc = source_line_col(r->src, s.file, s.start);
        put_text(r, source_file(r->src, s.file)->name, -1);
        fprintf(r->out, ":%u:%u:", lc.line, lc.col);
    } else {
        fputs("hclc:", r->out);
    }
    paint(r, SGR_RESET);
    fputc(' ', r->out);
}

// "<label>: summary", the label coloured, the summary bold.
static void print_headline(const Render *r, const char *sgr, const char *label, const char *text)
{
    paint(r, sgr);
    fputs(label, r->out);
    paint(r, SGR_RESET);
    paint(r, SGR_BOLD);
    fputs(": ", r->out);
    put_text(r, text, -1);
    paint(r, SGR_RESET);
    fputc('\n', r->out);
}

// A location line, then (for a file) the source line and the marker.
static void print_located(const Render *r, Span s, const char *sgr, const char *label,
                          const char *text)
{
    Span shown = has_file(r->src, s) ? shown_span(r->src, s) : s;
    print_location(r, shown);
    print_headline(r, sgr, label, text);
    if (!has_file(r->src, shown))
        return;
    Excerpt x = make_excerpt(r->src, shown);
    print_source_line(r, &x);
    print_marker_line(r, &x, sgr);
}

// "      = note: text", the '=' under the gutter's '|'.
static void print_equals_line(const Render *r, const char *label, const char *text)
{
    fprintf(r->out, " %*s ", r->width, "");
    paint(r, SGR_BLUE);
    fputc('=', r->out);
    paint(r, SGR_RESET);
    fputc(' ', r->out);
    paint(r, SGR_CYAN);
    fputs(label, r->out);
    paint(r, SGR_RESET);
    fputs(": ", r->out);
    put_text(r, text, r->width + 4 + (int)strlen(label) + 2);
    fputc('\n', r->out);
}

static uint32_t shown_line(const SourceSet *src, Span s)
{
    if (!has_file(src, s))
        return 0;
    Span shown = shown_span(src, s);
    return source_line_of(src, shown.file, shown.start);
}

// The line-number field is as wide as the largest line number of the
// diagnostic (at least GUTTER_MIN), so all its excerpts line up.
static int gutter_width(const SourceSet *src, const Diag *g)
{
    uint32_t most = shown_line(src, g->subject);
    for (const DiagNote *n = g->notes; n; n = n->next) {
        uint32_t line = n->kind == NOTE_SPAN ? shown_line(src, n->span) : 0;
        if (line > most)
            most = line;
    }
    int width = 1;
    for (; most >= 10; most /= 10)
        width++;
    return width > GUTTER_MIN ? width : GUTTER_MIN;
}

static void render_one(Render *r, const Diag *g)
{
    char code[8];
    char label[24];
    r->width = gutter_width(r->src, g);
    snprintf(label, sizeof label, "%s[%s]", severity_name(g->severity),
             diag_code_text(g->code, code));
    print_located(r, g->subject, severity_sgr(g->severity), label, g->summary);
    if (g->detail)
        print_equals_line(r, "note", g->detail);
    for (const DiagNote *n = g->notes; n; n = n->next)
        if (n->kind == NOTE_TEXT)
            print_equals_line(r, "note", n->text);
    for (const DiagNote *n = g->notes; n; n = n->next)
        if (n->kind == NOTE_HELP)
            print_equals_line(r, "help", n->text);
    for (const DiagNote *n = g->notes; n; n = n->next)
        if (n->kind == NOTE_SPAN)
            print_located(r, n->span, SGR_CYAN, "note", n->text);
}

// True when `a` goes after `b`: by file, then start; no place goes last.
static bool goes_after(const Diag *a, const Diag *b)
{
    bool na = span_is_none(a->subject), nb = span_is_none(b->subject);
    if (na || nb)
        return na && !nb;
    if (a->subject.file != b->subject.file)
        return a->subject.file > b->subject.file;
    return a->subject.start > b->subject.start;
}

// Merge sort of items[lo..hi) through `tmp`; stable.
static void sort_range(Diag **items, Diag **tmp, size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return;
    size_t mid = lo + (hi - lo) / 2;
    sort_range(items, tmp, lo, mid);
    sort_range(items, tmp, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = goes_after(items[i], items[j]) ? items[j++] : items[i++];
    while (i < mid)
        tmp[k++] = items[i++];
    while (j < hi)
        tmp[k++] = items[j++];
    memcpy(items + lo, tmp + lo, (hi - lo) * sizeof(Diag *));
}

// The diagnostics of `d` in file and position order (a copy in d's arena).
static Diag **in_order(const Diags *d)
{
    size_t n = d->count ? d->count : 1;
    Diag **items = arena_alloc(d->arena, n * sizeof(Diag *));
    Diag **tmp = arena_alloc(d->arena, n * sizeof(Diag *));
    if (d->count) // d->items is NULL while the list is empty
        memcpy(items, d->items, d->count * sizeof(Diag *));
    sort_range(items, tmp, 0, d->count);
    return items;
}

// "hclc: 3 more errors not shown" for the diagnostics from `first` on.
static void print_rest(Diag *const *items, size_t count, size_t first, FILE *out)
{
    size_t errors = 0, warnings = 0;
    for (size_t i = first; i < count; i++) {
        if (items[i]->severity == DIAG_ERROR)
            errors++;
        else
            warnings++;
    }
    size_t n = errors + warnings;
    const char *what = errors && warnings ? "diagnostic" : errors ? "error" : "warning";
    fprintf(out, "hclc: %zu more %s%s not shown\n", n, what, n == 1 ? "" : "s");
}

void diag_render_text(FILE *out, const Diags *d, const SourceSet *src, DiagRenderOptions opt)
{
    size_t max = opt.max_shown ? opt.max_shown : DIAG_MAX_SHOWN;
    size_t shown = d->count < max ? d->count : max;
    Diag **items = in_order(d);
    Render r = {out, src, opt.color, GUTTER_MIN, items, d->count, false};
    for (size_t i = 0; i < d->count && !r.masks; i++)
        r.masks = !span_is_none(items[i]->masked);
    for (size_t i = 0; i < shown; i++)
        render_one(&r, items[i]);
    if (shown < d->count)
        print_rest(items, d->count, shown, out);
}

// --- JSON rendering ----------------------------------------------------------

// Adds string member `key`. cJSON copies bytes as they are, so invalid
// UTF-8 (in a file name, a --var value, an environment variable) would make
// the line invalid JSON: each invalid byte becomes U+FFFD.
static cJSON *add_text(cJSON *obj, const char *key, const char *s)
{
    size_t len = strlen(s);
    if (utf8_valid(s, len))
        return cJSON_AddStringToObject(obj, key, s);
    char *copy = xmalloc(3 * len + 1);
    size_t w = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp;
        n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            memcpy(copy + w, "\xEF\xBF\xBD", 3);
            w += 3;
            n = 1;
        } else {
            memcpy(copy + w, s + i, n);
            w += n;
        }
    }
    copy[w] = '\0';
    cJSON *item = cJSON_AddStringToObject(obj, key, copy);
    free(copy);
    return item;
}

static bool add_position(cJSON *obj, const char *key, const SourceSet *src, uint32_t file,
                         uint32_t shown, uint32_t byte)
{
    cJSON *pos = cJSON_AddObjectToObject(obj, key);
    if (!pos)
        return false;
    LineCol lc = source_line_col(src, file, shown);
    return cJSON_AddNumberToObject(pos, "line", lc.line) &&
           cJSON_AddNumberToObject(pos, "column", lc.col) &&
           cJSON_AddNumberToObject(pos, "byte", byte);
}

// Adds "file", "start" and "end" for `s` (nulls when it names no file).
// Line and column are where the text renderer shows the span; "byte" is the
// span's own offset.
static bool add_span(cJSON *obj, const SourceSet *src, Span s)
{
    if (!has_file(src, s))
        return cJSON_AddNullToObject(obj, "file") && cJSON_AddNullToObject(obj, "start") &&
               cJSON_AddNullToObject(obj, "end");
    Span shown = shown_span(src, s);
    uint32_t end = s.end < s.start ? s.start : s.end;
    return add_text(obj, "file", source_file(src, s.file)->name) &&
           add_position(obj, "start", src, s.file, shown.start, s.start) &&
           add_position(obj, "end", src, s.file, shown.end, end);
}

static bool add_note_json(cJSON *notes, const SourceSet *src, const char *kind, const char *text,
                          const Span *span)
{
    cJSON *note = cJSON_CreateObject();
    if (!note)
        return false;
    if (!cJSON_AddItemToArray(notes, note)) {
        cJSON_Delete(note);
        return false;
    }
    return cJSON_AddStringToObject(note, "kind", kind) && add_text(note, "message", text) &&
           (!span || add_span(note, src, *span));
}

static bool add_notes(cJSON *obj, const SourceSet *src, const Diag *g)
{
    cJSON *notes = cJSON_AddArrayToObject(obj, "notes");
    if (!notes)
        return false;
    for (const DiagNote *n = g->notes; n; n = n->next) {
        bool ok = true;
        switch (n->kind) {
        case NOTE_SPAN:
            ok = add_note_json(notes, src, "note", n->text, &n->span);
            break;
        case NOTE_TEXT:
            ok = add_note_json(notes, src, "note", n->text, NULL);
            break;
        case NOTE_HELP:
            ok = add_note_json(notes, src, "help", n->text, NULL);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

static bool fill_json(cJSON *obj, const SourceSet *src, const Diag *g)
{
    char code[8];
    diag_code_text(g->code, code);
    return cJSON_AddStringToObject(obj, "severity", severity_name(g->severity)) &&
           cJSON_AddStringToObject(obj, "code", code) && add_text(obj, "summary", g->summary) &&
           (g->detail ? add_text(obj, "detail", g->detail) != NULL
                      : cJSON_AddNullToObject(obj, "detail") != NULL) &&
           add_span(obj, src, g->subject) && add_notes(obj, src, g);
}

void diag_render_json(FILE *out, const Diags *d, const SourceSet *src)
{
    Diag **items = in_order(d);
    for (size_t i = 0; i < d->count; i++) {
        cJSON *obj = cJSON_CreateObject();
        if (!obj || !fill_json(obj, src, items[i])) {
            cJSON_Delete(obj);
            arena_out_of_memory("rendering diagnostics as JSON");
        }
        char *text = cJSON_PrintUnformatted(obj);
        cJSON_Delete(obj);
        if (!text)
            arena_out_of_memory("rendering diagnostics as JSON");
        fputs(text, out);
        fputc('\n', out);
        cJSON_free(text);
    }
}

_Noreturn void diag_internal_error(const char *file, int line, const char *what)
{
    fprintf(stderr, "hclc: internal error at %s:%d: %s\n", file, line, what);
    abort();
}

bool diag_help_suggest(Diags *d, Diag *g, const char *name, const char *const *candidates,
                       size_t count)
{
    const char *s = diag_suggest(name, candidates, count);
    if (s)
        diag_help(d, g, "did you mean \"%s\"?", s);
    return s != NULL;
}
