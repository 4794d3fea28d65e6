// import_impl.h - what the files of import/ share: the reader of JSON with
// comments (jsonc.c) and the writer of hclc text (hcl_write.c).
#ifndef HCLC_IMPORT_IMPL_H
#define HCLC_IMPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "import/import.h"

// --- jsonc.c ---

typedef struct JsonComment {
    uint32_t start, end;      // byte offsets of the comment in the file
    bool own_line;            // nothing but white space before it on its line
    bool used;                // already written to the output
    const char *text;         // its text when it comes from another file (then start
                              // and end are where it goes in this one), else NULL
    struct JsonComment *same; // the comment it stands for in another list, or NULL:
                              // writing one writes both
} JsonComment;

typedef struct JsonText {
    const char *orig; // the file as it is
    char *text;       // the file with comments and trailing commas blanked
    uint32_t len;
    JsonComment *comments; // in file order
    uint32_t ncomments, cap;
    uint32_t *holes; // template: offsets of placeholders that were whole values
    uint32_t nholes, holes_cap;
} JsonText;

// Copies `len` bytes of `s` with every comment and every comma before a
// closing bracket turned into spaces (line breaks kept), so that offsets,
// lines and columns stay those of the original; records the comments. With
// `tmpl` (a Terraform template), a placeholder ${NAME} outside strings is
// rewritten "$NAME" (the same length) and its offset recorded in holes.
void jsonc_clean(Arena *a, const char *s, uint32_t len, bool tmpl, JsonText *out);

// --- hcl_write.c ---

typedef enum HclItemKind {
    HCL_ATTR,    // name = text
    HCL_BLOCK,   // name { text }: name holds the type and labels
    HCL_COMMENT, // text as it is, on its own line
} HclItemKind;

typedef struct HclItem {
    HclItemKind kind;
    const char *name;
    const char *text; // an attribute's value, or a block's body (lines, each ending "\n")
} HclItem;

typedef struct HclBody {
    HclItem *items;
    uint32_t count, cap;
} HclBody;

// The importer's state: where comments come from and go.
typedef struct Importer {
    Arena *a;
    SourceSet *src;
    Diags *diags;
    uint32_t file;        // the JSON file's index in src
    const JsonText *json; // its comments
    const Value **refs;   // strings that hold an expression (var.x, "...$<...>..."),
    uint32_t nrefs, cap;  // written as they are: a multi-workspace import makes them
    const char *vars;     // a template's variable blocks, or NULL
    const HclBody *head;  // items put first in the next task_definition block, or NULL
    Value *cfn;           // the CloudFormation template import_load found, or NULL
} Importer;

// True when `v` is one of im->refs.
bool hcl_is_ref(const Importer *im, const Value *v);
// `text` in the layout of `hclc fmt` (syntax/fmt.h); as it is should the
// formatter refuse it, which it does not for what import writes.
const char *hcl_format(Importer *im, const char *text);
// hcl_format of the text the writer made for one file (a task_definition
// block, a template's variables, a CloudFormation import): the text as it
// is when the writer's layout is fmt's already, which it is unless a name
// holds bytes outside printable ASCII or a comment ends in white space.
// Not for a multi-workspace import, whose expressions fmt indents.
const char *hcl_format_written(Importer *im, const char *text);

void hcl_add(Importer *im, HclBody *b, HclItemKind kind, const char *name, const char *text);
// Adds the comments not yet written that start before offset `before`.
void hcl_add_comments(Importer *im, HclBody *b, uint32_t before);
// Adds the comments not yet written on the line where offset `at` is, after it.
void hcl_add_line_comments(Importer *im, HclBody *b, uint32_t at);
// The text of body `b` at depth `depth` (two spaces a level): '=' aligned in
// runs of one-line attributes, blank lines around blocks and multi-line values.
const char *hcl_body_text(Importer *im, const HclBody *b, int depth);
// A quoted string that reads back as `s`: escapes, and "$<"/"%<" doubled.
const char *hcl_string(Arena *a, const char *s, size_t len);
// An object key: bare when it is a plain name, else quoted.
const char *hcl_key(Arena *a, const char *s, size_t len);
// Any value as an expression at depth `depth`; a string holding compact
// JSON becomes jsonencode(...) of it.
const char *hcl_value(Importer *im, const Value *v, int depth);
// hcl_value of `v`, a value of file `file` whose comments `json` holds,
// with the comments not yet written that belong to `v` (and no others):
// those inside it, those from offset `from` on before it, and those after
// it on its last line.
const char *hcl_value_inside(Importer *im, const Value *v, uint32_t file, const JsonText *json,
                             uint32_t from);
// True when `s` is a label the block can carry as written.
bool hcl_plain_label(const char *s);

// --- multi_comments.c ---

// The comments of several files of one task definition (files[i], whose
// comments jsons[i] hold, read as tds[i]) as one list for the first file:
// its own, then each comment of the others that it lacks (by text), placed
// before the member of the first file that matches the member it annotates.
// A file without comments (compose) has a NULL entry.
JsonText *multi_comments(Arena *a, const uint32_t *files, const JsonText **jsons, Value **tds,
                         uint32_t n);

// --- import_task.c ---

// Reads im->file (comments and trailing commas allowed) as a task definition
// of `kind`; returns it in request form, or NULL after reporting. im->file
// and im->json are set to the text read. *family_note gets the family a
// container-definitions array is given (its file's name), else NULL. A
// CloudFormation template is returned as it is, also in im->cfn.
Value *import_load(Importer *im, ImportKind kind, const char **family_note);
// The task_definition block of `td` (label: NULL to take the family), with
// the comments not yet written, as text.
const char *import_task_text(Importer *im, const Value *td, const char *label,
                             const char *family_note);

// --- cfn_import.c ---

// The source of CloudFormation template `tpl`: a task_definition block per
// AWS::ECS::TaskDefinition, then the cloudformation block and the
// cfn_parameter variables they use. NULL after reporting an error.
const char *import_cfn_text(Importer *im, Value *tpl);

// --- template.c ---

// The request `v` (decoded from a Terraform template read with jsonc_clean's
// `tmpl`) with its placeholders as hclc: "${NAME}" in a string becomes
// "$<var.NAME>", a whole-value placeholder var.NAME (refs of im); *vars
// gets the variable blocks' text. NULL `v` gives NULL.
Value *template_task(Importer *im, Value *v, const char **vars);

// --- compose.c ---

// The request that the compose file `doc` (decoded YAML of im->file)
// describes: one container per service; `family` unless the file names its
// project. Keys without ECS meaning are warnings. NULL after reporting a
// file without services.
Value *compose_task(Importer *im, Value *doc, const char *family);

#endif
