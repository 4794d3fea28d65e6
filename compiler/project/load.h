// load.h - reading the sources of a compilation: a file, or a directory's
// *.hcl files, each read, added to the SourceSet, lexed and parsed.
//
// This is the first stage that touches the file system, and it stops after
// parsing: module_build (project/module.h) merges the files' bodies into
// one module of variables, locals, workspaces, outputs and task definitions.
// Its helpers also read var files and `hclc validate` inputs
// (load_read_file) and the files of file() and templatefile()
// (load_read_stream).
#ifndef HCLC_LOAD_H
#define HCLC_LOAD_H

#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "syntax/ast.h"
#include "syntax/lex.h"

typedef enum LoadStatus {
    LOAD_OK,           // every file was read and parsed without errors
    LOAD_INPUT_ERRORS, // every file was read; errors in the input were reported
    LOAD_IO_ERROR,     // a file or directory could not be read (reported); nothing was parsed
} LoadStatus;

typedef struct LoadedFile {
    uint32_t file;    // index in the SourceSet
    TokenList tokens; // empty once parsed (lex_release); kept only when lexing stopped
    Body *body;       // the parsed body; never NULL (empty when lexing stopped early)
} LoadedFile;

typedef struct LoadedFiles {
    LoadedFile *items; // in file-name order for a directory
    uint32_t count;
} LoadedFiles;

// Reads `path` and fills `out` (in `arena`). PATH is a file, or a directory
// whose *.hcl files (not recursive, no hidden files, sorted by name with
// strcmp) are read. File names in the SourceSet are the path as given for a
// file, and DIR/NAME.hcl for directory entries (NAME.hcl alone for ".").
// Every failure is reported to `diags`: an unreadable path, a directory with
// no .hcl file or a file over SOURCE_MAX_BYTES is an I/O error (E_IO_ERROR,
// E_FILE_TOO_LARGE) and then no file is lexed; lexing and parsing errors are
// input errors, as is input holding no attribute or block at all
// (E_EMPTY_INPUT, at 1:1 of the first file). The SourceSet's overlays
// (source.h) stand for the files they name, and those of .hcl files in the
// directory count as its entries even when they are not on disk.
LoadStatus load_path(Arena *arena, SourceSet *src, Diags *diags, const char *path,
                     LoadedFiles *out);
// The same with the syntax trees in `tree` (parse_file_split): everything
// else, the texts the trees point to included, goes in `arena`. The trees'
// bytes count in `arena`'s total and limit; whoever frees `tree` first
// takes tree->total off `arena` (arena_uncount).
LoadStatus load_path_split(Arena *arena, Arena *tree, SourceSet *src, Diags *diags,
                           const char *path, LoadedFiles *out);

typedef enum LoadFormat {
    LOAD_FORMAT_HCL,  // anything else: this language (.hcl, .tfvars)
    LOAD_FORMAT_JSON, // .json
    LOAD_FORMAT_YAML, // .yaml or .yml
} LoadFormat;

// The format a file holds, told by its name's extension.
LoadFormat load_format(const char *path);

// Reads all of stream `f` into a heap buffer (*data, freed by the caller,
// with room for one more byte) of *len bytes. `hint` is the expected size
// (0 when unknown); at most `limit` + 1 bytes are read. Returns 0, an errno
// value, or LOAD_READ_TOO_LARGE when the stream holds more than `limit`.
#define LOAD_READ_TOO_LARGE (-1)
int load_read_stream(FILE *f, size_t hint, size_t limit, char **data, size_t *len);

// Opens `path` for reading when it is a regular file, and never blocks on a
// FIFO or a device: open(O_RDONLY | O_NONBLOCK), then fstat of what was
// opened, so nothing can swap the file between the check and the read.
// Returns the descriptor and fills *st; or returns -1 with *why set to the
// reason (strerror, or "it is a directory", "it is a FIFO, not a regular
// file", ...).
int load_open_regular(const char *path, struct stat *st, const char **why);
// What a file of mode `mode` (not a regular file) is, for messages: "it is
// a directory", "it is a FIFO, not a regular file", ...
const char *load_not_regular(mode_t mode);

// Reads the one file `path` into `src` under the name `path` and stores its
// index in *file, recording its device and inode (source_set_identity).
// Returns LOAD_OK, or LOAD_IO_ERROR after reporting why the file could not
// be read (E_IO_ERROR or E_FILE_TOO_LARGE): a path that is not a regular
// file (directory, FIFO, device, socket) is refused without blocking. An
// overlay for `path` (source.h) is read instead of the file, with no identity.
LoadStatus load_read_file(SourceSet *src, Diags *diags, const char *path, uint32_t *file);

// Lexes and parses file `file` of `src` into `out`. When the lexer stopped
// early (invalid UTF-8 or a NUL byte) the file is not parsed, since the parse
// of a truncated file would only report the truncation again; the body is
// then empty. Errors go to `diags`.
void load_parse_file(Arena *arena, const SourceSet *src, Diags *diags, uint32_t file,
                     LoadedFile *out);

#endif
