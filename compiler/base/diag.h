// diag.h - diagnostics: collection, codes, and the text and JSON renderers.
//
// Stages never print: they append Diags to a Diags list and go on where they
// can. main.c renders the list once at the end. All strings of a Diag are
// copied into the Diags' arena, so callers may pass temporaries.
#ifndef HCLC_DIAG_H
#define HCLC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag_codes.h"
#include "base/source.h"

typedef enum DiagCode {
#define X(num, name, desc) E_##name = num,
    DIAG_CODE_LIST(X)
#undef X
} DiagCode;

typedef enum DiagSeverity {
    DIAG_ERROR,   // the input is wrong; no output will be written
    DIAG_WARNING, // suspicious; an error under --strict
} DiagSeverity;

typedef enum DiagNoteKind {
    NOTE_SPAN, // a located note: "file:line:col: note: text" plus an excerpt
    NOTE_TEXT, // "= note: text" under the main excerpt
    NOTE_HELP, // "= help: text" under the main excerpt
} DiagNoteKind;

typedef struct DiagNote {
    struct DiagNote *next;
    DiagNoteKind kind;
    Span span;        // NOTE_SPAN only
    const char *text; // never NULL
} DiagNote;

typedef struct Diag {
    DiagSeverity severity;
    DiagCode code;       // shown as E%04d
    const char *summary; // lower-case, no final period: "unknown variable \"prot\""
    const char *detail;  // optional full sentences (NULL when none)
    Span subject;        // exactly the construct at fault (may be span_none())
    DiagNote *notes;     // in the order added
    Span masked;         // a secret written in plain text: every excerpt shows it as *
    bool io;             // a file could not be read (the run's exit status is 3)
} Diag;

#define DIAG_MAX_SHOWN 20

// Decides whether a warning with `code` at `subject` is silenced (by an
// ignore comment in the source: project/ignore.h).
typedef bool (*DiagSilencer)(void *ctx, DiagCode code, Span subject);

typedef struct Diags {
    Arena *arena;
    Diag **items; // in the order reported
    size_t count, cap;
    size_t errors, warnings;
    size_t silenced;      // warnings dropped by the silencer
    DiagSilencer silence; // NULL: nothing is silenced
    void *silence_ctx;
} Diags;

void diags_init(Diags *d, Arena *arena);
// Appends an error (or warning) and returns it so notes can be added.
// `fmt` is printf-style; the result becomes the summary.
Diag *diag_error(Diags *d, DiagCode code, Span subject, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
Diag *diag_warning(Diags *d, DiagCode code, Span subject, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// Sets the detail text of `g` (printf-style).
void diag_detail(Diags *d, Diag *g, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// Appends a located note ("first defined here") to `g`; with span_none() it
// becomes a plain "= note:" (NOTE_TEXT).
void diag_note_at(Diags *d, Diag *g, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// Appends an unlocated "= note:" line to `g`.
void diag_note(Diags *d, Diag *g, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// Appends a "= help:" line to `g`.
void diag_help(Diags *d, Diag *g, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// Appends a diagnostic made for another list of the same arena (counts it).
// A warning the silencer silences is dropped (and counted as silenced).
void diags_append(Diags *d, Diag *g);
// Appends each diagnostic of `n` runs (one a workspace, named `names[w]`)
// once: one the same in several runs (same code, place, text and notes)
// gets a note naming them ("in every workspace (...)" when in all).
void diags_merge_runs(Diags *diags, Diags *runs, const char *const *names, uint32_t n);
// Installs `fn` (with `ctx`, which must outlive `d`) as the silencer of
// `d`: from now on, warnings it silences are not kept. NULL removes it.
void diags_set_silencer(Diags *d, DiagSilencer fn, void *ctx);
// Gives `d` the silencer of `from` (for a scratch list merged into it).
void diags_share_silencer(Diags *d, const Diags *from);
// True when a warning with `code` at `subject` would be silenced; rules
// that make warnings errors (--strict) ask first, so that an ignore
// comment silences the warning in both modes.
bool diags_silenced(const Diags *d, DiagCode code, Span subject);
// Adds "= help: did you mean \"X\"?" to `g` when diag_suggest finds a
// candidate close to `name`; returns whether it did.
bool diag_help_suggest(Diags *d, Diag *g, const char *name, const char *const *candidates,
                       size_t count);
// True when at least one error was reported.
bool diags_has_errors(const Diags *d);
// True when one of the errors is a file that could not be read (Diag.io).
bool diags_has_io_errors(const Diags *d);

typedef struct DiagRenderOptions {
    bool color;       // ANSI colours (only when stderr is a terminal and NO_COLOR unset)
    size_t max_shown; // render at most this many diagnostics (0 means DIAG_MAX_SHOWN)
} DiagRenderOptions;

// Writes every diagnostic as text (file:line:col: error[E0123]: summary,
// the source line, a ^~~~ marker under the span, notes and help), then,
// when more than max_shown were reported, a line counting the rest.
// An empty span at the very end of a file that ends with a line break is
// shown just after the last character of the last line.
void diag_render_text(FILE *out, const Diags *d, const SourceSet *src, DiagRenderOptions opt);
// Writes one JSON object per line per diagnostic: severity, code, summary,
// detail, file, start/end {line, column, byte}, notes. Line and column are
// where the text renderer shows the span; byte is the span's own offset.
// Every diagnostic is written (no cap).
void diag_render_json(FILE *out, const Diags *d, const SourceSet *src);
// Where the text renderer shows span `s`: its first character and the one
// after its end, as 1-based line and column (code points). False, setting
// nothing, when `s` is in no file.
bool diag_position(const SourceSet *src, Span s, LineCol *start, LineCol *end);

// One rule for the SARIF renderer's tool.driver: what hclc knows of a code
// besides its description (lint rules: the rationale, the fix, the IDs of
// the catalogues with the same check).
typedef struct DiagRuleInfo {
    DiagCode code;
    const char *help;       // a paragraph, or NULL
    const char *const *ids; // catalogue IDs (nids of them)
    size_t nids;
} DiagRuleInfo;

typedef struct DiagSarifOptions {
    const char *version;       // the tool's version
    const DiagRuleInfo *rules; // rules listed even when no result uses them
    size_t nrules;
} DiagSarifOptions;

// Writes one SARIF 2.1.0 log (diag_sarif.c): one run whose tool.driver
// lists every rule of opt.rules and every code the diagnostics use (id,
// description, help, catalogue IDs as properties), and one result per
// diagnostic (ruleId, level, message with its notes, the location's start
// and end line and column, a partialFingerprints hash that ignores the
// line number so a finding keeps its identity when lines move). Written
// even when there is no diagnostic.
void diag_render_sarif(FILE *out, const Diags *d, const SourceSet *src, DiagSarifOptions opt);
// Writes every diagnostic as a GitHub Actions workflow command:
// "::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=E0123 ...::message"
// (::error for errors), notes and help as further lines of the message.
void diag_render_github(FILE *out, const Diags *d, const SourceSet *src);

// Returns "E0123" style text for `code` in a static buffer-free way: writes
// into `buf` (at least 8 bytes) and returns it.
const char *diag_code_text(DiagCode code, char *buf);

// A broken invariant of hclc itself (never the input's fault): prints
// "hclc: internal error at FILE:LINE: WHAT" and aborts. Fuzzing must never
// reach it.
_Noreturn void diag_internal_error(const char *file, int line, const char *what);
#define INTERNAL_ERROR(what) diag_internal_error(__FILE__, __LINE__, what)

// Levenshtein-based suggestion: returns the candidate closest to `name`
// when it is close enough to be a likely typo, else NULL.
const char *diag_suggest(const char *name, const char *const *candidates, size_t count);

#endif
