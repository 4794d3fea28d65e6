// lsp_impl.h - the parts of the language server shared by its files:
// framing (rpc.c), positions and URIs (position.c), the analysis of a
// project (analyze.c), what lies at a position (find.c) and the features
// (diagnostics.c, hover.c, complete.c, navigate.c). cJSON objects never
// leave lsp/.
#ifndef HCLC_LSP_IMPL_H
#define HCLC_LSP_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cJSON.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "ecs/schema.h"
#include "project/inputs.h"
#include "project/load.h"
#include "project/module.h"
#include "syntax/ast.h"

// --- rpc.c: Content-Length framing --------------------------------------

// A message body larger than this is skipped unread (its bytes are drained).
#define LSP_MAX_MESSAGE (64u * 1024u * 1024u)
// A header block longer than this is bad framing.
#define LSP_MAX_HEADER 8192u

typedef struct LspReader {
    int fd;
    char *buf; // heap: bytes read and not consumed yet
    size_t len, cap;
    size_t skip; // bytes of an oversized body still to drop
    bool eof;
} LspReader;

typedef enum LspRead {
    LSP_READ_MESSAGE, // *body holds one message body (heap, NUL-terminated; caller frees)
    LSP_READ_NONE,    // nothing complete yet and `wait` was false
    LSP_READ_BAD,     // bad framing: skipped; *why says what was wrong
    LSP_READ_EOF,     // the input ended
} LspRead;

void lsp_reader_init(LspReader *r, int fd);
void lsp_reader_free(LspReader *r);
// Reads the next message. With `wait` false it never blocks: it reads only
// what is available now.
LspRead lsp_read(LspReader *r, bool wait, char **body, size_t *len, const char **why);
// True when more input is waiting to be read (checked without blocking).
bool lsp_reader_pending(const LspReader *r);
// Writes `msg` framed to `fd` (and deletes nothing). Returns false when
// writing failed.
bool lsp_write(int fd, const cJSON *msg);

// --- position.c: positions and URIs ---------------------------------------

// Byte offset in `text` of LSP position (line, character), where a
// character counts UTF-16 code units (or bytes when `utf8`). Past the end
// of a line means its end; past the last line means the end of the text.
uint32_t lsp_offset(const char *text, uint32_t len, int64_t line, int64_t character, bool utf8);
// The value of a number of a position (line, character), clamped to 0 ..
// UINT32_MAX (a client may send anything; a cast of 1e300 is undefined).
int64_t lsp_int(const cJSON *n);
// A {line, character} object for byte `offset` of file `file`.
cJSON *lsp_position(const SourceSet *src, uint32_t file, uint32_t offset, bool utf8);
// A {start, end} object for a span.
cJSON *lsp_range(const SourceSet *src, Span span, bool utf8);
// The path of a file: URI (percent-decoded), or NULL for another scheme.
char *lsp_uri_to_path(Arena *a, const char *uri);
// The file: URI of an absolute path.
char *lsp_path_to_uri(Arena *a, const char *path);

// --- analyze.c: a project compiled for one workspace ------------------------

typedef struct Analysis {
    Arena arena; // holds everything below
    SourceSet src;
    Diags diags;
    const char *dir;       // the project directory (absolute)
    const char *workspace; // the workspace compiled
    LoadedFiles files;     // every .hcl file, parsed (bodies kept even with errors)
    bool has_module;       // mod is set (no parse errors; it may have errors of its own)
    Module mod;
    bool has_inputs; // inputs are set (the module had no errors): values can be computed
    Inputs inputs;
    const char *root; // realpath of dir, for file()
} Analysis;

// Compiles project `dir` with the open documents `docs` standing for their
// files, for workspace `ws` (NULL: the first declared, else "default").
void lsp_analyze(Analysis *an, const char *dir, const SourceOverlay *docs, uint32_t ndocs,
                 const char *ws);
void lsp_analysis_free(Analysis *an);
// The SourceSet index of `path` in the analysis, or -1.
int64_t lsp_analysis_file(const Analysis *an, const char *path);
// The parsed body of file `file`, or NULL.
const Body *lsp_analysis_body(const Analysis *an, uint32_t file);

// --- find.c: what lies at an offset -------------------------------------

#define LSP_MAX_BLOCKS 64

typedef struct LspAt {
    const Block *blocks[LSP_MAX_BLOCKS]; // the blocks around the offset, outermost first
    uint32_t nblocks;
    const Block *on_block_type; // the offset is on this block's type name
    const Attribute *attr;      // the attribute around the offset, or NULL
    bool on_attr_name;          // ...and the offset is on its name
    const Node *node;           // the innermost expression node at the offset, or NULL
    const Node *call;           // the innermost function call around the offset, or NULL
    const char *ref_kind;       // "var", "local" or "workspace" for a reference at the offset
    const char *ref_name;       // its name ("" while it is being typed)
    Span ref_span;              // the name's span
} LspAt;

// Fills `at` for byte `offset` of `body`.
void lsp_find(const Body *body, uint32_t offset, LspAt *at);
// Calls `fn` for every var.NAME / local.NAME reference in `body`.
typedef void LspRefFn(void *ctx, const char *kind, const char *name, Span name_span);
void lsp_each_ref(const Body *body, LspRefFn *fn, void *ctx);

// --- functions.c: the function library for people -------------------------

// "upper(string) string — the text in upper case", or NULL for no function.
const char *lsp_function_doc(const char *name);
// The name of function `i` (in name order), or NULL past the last.
const char *lsp_function_name(size_t i);

// --- features: each returns the result of its request (a new cJSON) -------

typedef struct LspContext {
    Analysis *an;
    uint32_t file; // the document's file in an->src
    uint32_t offset;
    bool utf8;
} LspContext;

// The diagnostics of file `file` as a publishDiagnostics "diagnostics"
// array; `fallback` gets those with no span. `docs_url` is the base of
// codeDescription links (NULL: none).
cJSON *lsp_diagnostics(const Analysis *an, uint32_t file, bool fallback, bool utf8,
                       const char *docs_url);
cJSON *lsp_hover(LspContext *c);
cJSON *lsp_completion(LspContext *c);
cJSON *lsp_definition(LspContext *c);
cJSON *lsp_references(LspContext *c, bool include_declaration);
cJSON *lsp_document_symbols(LspContext *c);
// Code actions for the request's context.diagnostics (the "did you mean"
// help they carry): a list of quick fixes for `uri`, whose text is `text`.
cJSON *lsp_code_actions(const char *uri, const char *text, uint32_t len, bool utf8,
                        const cJSON *diagnostics);

// The ECS shape of block `depth` of `at` (at->blocks[depth - 1]) when it
// lies in a task_definition block; NULL outside one or for an unknown block.
const SchemaShape *lsp_shape_at(const LspAt *at, uint32_t depth);

#endif
