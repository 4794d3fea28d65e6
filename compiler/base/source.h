// source.h - loaded source files, their line index, and spans.
//
// A SourceSet owns the text of every file a compilation reads (.hcl files,
// var files, template files, JSON given to validate). A Span names a byte
// range in one of them; line and column are computed on demand from a
// line-start table by binary search. Columns count code points, 1-based.
#ifndef HCLC_SOURCE_H
#define HCLC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

// Files larger than this are refused by the reader (offsets are 32-bit).
#define SOURCE_MAX_BYTES (256u * 1024u * 1024u)

typedef struct Span {
    uint32_t file;  // index in the SourceSet; SPAN_NO_FILE for none
    uint32_t start; // byte offset of the first byte
    uint32_t end;   // byte offset one past the last byte (end >= start)
} Span;

#define SPAN_NO_FILE UINT32_MAX

typedef struct SourceFile {
    const char *name;  // path as the user wrote it (or a label like "<--var>")
    const char *text;  // contents, NUL-terminated (len does not count the NUL)
    uint32_t len;      // bytes of text
    uint32_t *lines;   // byte offset where each line starts; lines[0] == 0
    uint32_t nlines;   // number of entries in lines
    bool has_id;       // dev and ino name the file read (false: a label, stdin)
    uint64_t dev, ino; // the file's device and inode, so an output never replaces it
    uint32_t *conts;   // NULL, or for a file with a line longer than
                       // SOURCE_COL_STEP bytes: UTF-8 continuation bytes
                       // before each SOURCE_COL_STEP-byte block, so that a
                       // column costs at most one block to count
} SourceFile;

#define SOURCE_COL_STEP 4096

// A text that stands for the file at `path` (an editor's unsaved buffer):
// readers of the file system take it instead of the file's contents.
typedef struct SourceOverlay {
    const char *path; // as the reader names the file (load.c: DIR/NAME.hcl)
    const char *text;
    size_t len;
} SourceOverlay;

typedef struct SourceSet {
    Arena *arena; // holds the file records, names, texts and line tables
    SourceFile *files;
    uint32_t count, cap;
    const SourceOverlay *overlays; // NULL: every file comes from the file system
    uint32_t noverlays;            // (the caller owns them; hclc lsp sets them)
} SourceSet;

typedef struct LineCol {
    uint32_t line; // 1-based
    uint32_t col;  // 1-based, in code points
} LineCol;

// Prepares an empty set whose data lives in `arena`.
void source_init(SourceSet *set, Arena *arena);
// The overlay standing for `path`, or NULL.
const SourceOverlay *source_overlay(const SourceSet *set, const char *path);
// Adds a file whose contents are the `len` bytes at `text` (copied into the
// arena) and returns its index. `name` is copied too.
uint32_t source_add(SourceSet *set, const char *name, const char *text, size_t len);
// Adds a file whose contents are the `len` bytes of heap buffer `text`,
// which must have room for one more byte (a NUL is written at text[len]).
// The SourceSet's arena takes ownership of the buffer: nothing is copied.
uint32_t source_add_owned(SourceSet *set, const char *name, char *text, size_t len);
// Records that file `file` was read from the file system object with
// device `dev` and inode `ino` (see source_reads).
void source_set_identity(SourceSet *set, uint32_t file, uint64_t dev, uint64_t ino);
// True when some file of the set was read from device `dev`, inode `ino`.
bool source_reads(const SourceSet *set, uint64_t dev, uint64_t ino);
// Returns the file with index `file`; the index must be valid.
const SourceFile *source_file(const SourceSet *set, uint32_t file);
// The span helpers are static inline: the lexer and parser make one or
// more spans per token, and a call each cost more than the work.

// Returns the span [start, end) in `file` (an end before start is start).
static inline Span span_make(uint32_t file, uint32_t start, uint32_t end)
{
    Span s = {file, start, end < start ? start : end};
    return s;
}

// Returns true when the span names no file.
static inline bool span_is_none(Span s)
{
    return s.file == SPAN_NO_FILE;
}

// Returns the smallest span covering both (same file; `a` wins otherwise).
static inline Span span_join(Span a, Span b)
{
    if (span_is_none(a))
        return b;
    if (span_is_none(b) || a.file != b.file)
        return a;
    Span s = {a.file, a.start < b.start ? a.start : b.start, a.end > b.end ? a.end : b.end};
    return s;
}

// The empty span that names no file.
static inline Span span_none(void)
{
    Span s = {SPAN_NO_FILE, 0, 0};
    return s;
}
// Converts a byte offset of `file` to line and column.
LineCol source_line_col(const SourceSet *set, uint32_t file, uint32_t offset);
// Returns the 1-based line of a byte offset of `file` (a binary search; no
// column count, so it stays cheap on very long lines).
uint32_t source_line_of(const SourceSet *set, uint32_t file, uint32_t offset);
// Returns the text of 1-based `line` of `file` without its line ending
// ("\n" or "\r\n"), and its length in *len.
const char *source_line_text(const SourceSet *set, uint32_t file, uint32_t line, uint32_t *len);

#endif
