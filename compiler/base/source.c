// source.c - file texts, line tables and offset-to-line:col conversion.
#include "base/source.h"

#include <string.h>

#include "base/buf.h"

void source_init(SourceSet *set, Arena *arena)
{
    memset(set, 0, sizeof *set); // padding too: EvalScope compares sets bytewise
    set->arena = arena;
    set->files = NULL;
    set->count = set->cap = 0;
    set->overlays = NULL;
    set->noverlays = 0;
}

const SourceOverlay *source_overlay(const SourceSet *set, const char *path)
{
    for (uint32_t i = 0; i < set->noverlays; i++)
        if (strcmp(set->overlays[i].path, path) == 0)
            return &set->overlays[i];
    return NULL;
}

static uint32_t *count_continuations(Arena *arena, const SourceFile *f)
{
    uint32_t blocks = f->len / SOURCE_COL_STEP + 1, n = 0;
    uint32_t *conts = arena_alloc(arena, (size_t)blocks * sizeof(uint32_t));
    for (uint32_t b = 0; b < blocks; b++) {
        conts[b] = n;
        uint32_t end = b + 1 < blocks ? (b + 1) * SOURCE_COL_STEP : f->len;
        for (uint32_t i = b * SOURCE_COL_STEP; i < end; i++)
            n += ((unsigned char)f->text[i] & 0xC0) == 0x80;
    }
    return conts;
}

// Continuation bytes in text[0..offset), for a file with `conts`.
static uint32_t continuations_before(const SourceFile *f, uint32_t offset)
{
    uint32_t b = offset / SOURCE_COL_STEP, n = f->conts[b];
    for (uint32_t i = b * SOURCE_COL_STEP; i < offset; i++)
        n += ((unsigned char)f->text[i] & 0xC0) == 0x80;
    return n;
}

static void index_lines(Arena *arena, SourceFile *f)
{
    uint32_t n = 1;
    const char *end = f->text + f->len;
    for (const char *p = f->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    f->lines = arena_alloc(arena, (size_t)n * sizeof(uint32_t));
    f->nlines = n;
    uint32_t k = 0, longest = 0;
    f->lines[k++] = 0;
    for (const char *p = f->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        f->lines[k] = (uint32_t)(p - f->text) + 1;
        if (f->lines[k] - f->lines[k - 1] > longest)
            longest = f->lines[k] - f->lines[k - 1];
        k++;
    }
    if (f->len - f->lines[k - 1] > longest)
        longest = f->len - f->lines[k - 1];
    f->conts = longest > SOURCE_COL_STEP ? count_continuations(arena, f) : NULL;
}

static SourceFile *new_file(SourceSet *set, const char *name)
{
    BUF_RESERVE(set->arena, set->files, set->count, set->cap);
    SourceFile *f = &set->files[set->count];
    f->name = arena_strdup(set->arena, name);
    f->has_id = false;
    f->dev = f->ino = 0;
    return f;
}

uint32_t source_add(SourceSet *set, const char *name, const char *text, size_t len)
{
    SourceFile *f = new_file(set, name);
    f->text = arena_strndup(set->arena, text, len);
    f->len = (uint32_t)len;
    index_lines(set->arena, f);
    return set->count++;
}

uint32_t source_add_owned(SourceSet *set, const char *name, char *text, size_t len)
{
    text[len] = '\0';
    arena_adopt(set->arena, text);
    arena_count(set->arena, len + 1);
    SourceFile *f = new_file(set, name);
    f->text = text;
    f->len = (uint32_t)len;
    index_lines(set->arena, f);
    return set->count++;
}

void source_set_identity(SourceSet *set, uint32_t file, uint64_t dev, uint64_t ino)
{
    SourceFile *f = &set->files[file];
    f->has_id = true;
    f->dev = dev;
    f->ino = ino;
}

bool source_reads(const SourceSet *set, uint64_t dev, uint64_t ino)
{
    for (uint32_t i = 0; i < set->count; i++)
        if (set->files[i].has_id && set->files[i].dev == dev && set->files[i].ino == ino)
            return true;
    return false;
}

const SourceFile *source_file(const SourceSet *set, uint32_t file)
{
    return &set->files[file];
}

static uint32_t line_index(const SourceFile *f, uint32_t offset)
{
    uint32_t lo = 0, hi = f->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

uint32_t source_line_of(const SourceSet *set, uint32_t file, uint32_t offset)
{
    const SourceFile *f = source_file(set, file);
    return line_index(f, offset < f->len ? offset : f->len) + 1;
}

// A UTF-8 byte order mark is not part of the first line's text or columns.
static uint32_t bom_length(const SourceFile *f)
{
    return f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

LineCol source_line_col(const SourceSet *set, uint32_t file, uint32_t offset)
{
    const SourceFile *f = source_file(set, file);
    if (offset > f->len)
        offset = f->len;
    uint32_t li = line_index(f, offset);
    uint32_t col = 1;
    uint32_t from = li == 0 && offset >= 3 ? bom_length(f) : f->lines[li];
    if (f->conts && offset - from > SOURCE_COL_STEP) { // a long line: count by blocks
        LineCol lc = {li + 1,
                      1 + (offset - from) -
                          (continuations_before(f, offset) - continuations_before(f, from))};
        return lc;
    }
    // Branch-free so the compiler can vectorize it: lines can be megabytes.
    for (uint32_t i = from; i < offset; i++)
        col += ((unsigned char)f->text[i] & 0xC0) != 0x80;
    LineCol lc = {li + 1, col};
    return lc;
}

const char *source_line_text(const SourceSet *set, uint32_t file, uint32_t line, uint32_t *len)
{
    const SourceFile *f = source_file(set, file);
    if (line < 1 || line > f->nlines) {
        *len = 0;
        return "";
    }
    uint32_t start = line == 1 ? bom_length(f) : f->lines[line - 1];
    uint32_t end = line < f->nlines ? f->lines[line] - 1 : f->len;
    if (end > start && f->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return f->text + start;
}
