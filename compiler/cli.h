// cli.h - the command line's shared parts: the options, the command table,
// usage errors, the rendering of diagnostics and the exit statuses.
//
// main.c parses the arguments (cli_options.c), finds the command in
// COMMANDS (commands.c) and calls its run function. Each command's run
// function is cmd_NAME, declared below and defined in a driver-level file.
#ifndef HCLC_CLI_H
#define HCLC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "compile.h"

#define HCLC_VERSION "0.1.0"

typedef enum ExitStatus {
    EXIT_OK = 0,        // success
    EXIT_INPUT = 1,     // errors in the input
    EXIT_USAGE = 2,     // a bad command line, or a command not implemented yet
    EXIT_IO = 3,        // a file could not be read or written
    EXIT_DIFFERENT = 4, // hclc diff --exit-code: the two sides differ
} ExitStatus;

typedef enum DiagFormat {
    FORMAT_TEXT,   // file:line:col: error[E0123]: ... with an excerpt
    FORMAT_JSON,   // one JSON object a line
    FORMAT_SARIF,  // one SARIF 2.1.0 log (code scanning)
    FORMAT_GITHUB, // GitHub Actions workflow commands (::warning file=...::)
} DiagFormat;

typedef enum ColorMode {
    COLOR_AUTO,   // colour when stderr is a terminal and NO_COLOR is unset or empty
    COLOR_ALWAYS, // colour even when NO_COLOR is set
    COLOR_NEVER,
} ColorMode;

// The options that take part in a build; each command accepts a subset.
typedef enum OptionId {
    OPT_WORKSPACE = 1 << 0,     // -w NAME, --workspace NAME
    OPT_VAR = 1 << 1,           // --var NAME=VALUE (repeatable)
    OPT_VAR_FILE = 1 << 2,      // --var-file FILE (repeatable)
    OPT_TARGET = 1 << 3,        // -t TARGET, --target TARGET
    OPT_OUT = 1 << 4,           // -o FILE
    OPT_OUTPUT_NAME = 1 << 5,   // --output NAME
    OPT_ROOT = 1 << 6,          // --root DIR
    OPT_TASK = 1 << 7,          // --task NAME
    OPT_OUT_DIR = 1 << 8,       // --out-dir DIR
    OPT_CANONICAL = 1 << 9,     // --canonical
    OPT_STRICT = 1 << 10,       // --strict
    OPT_ALL_WS = 1 << 11,       // --all-workspaces
    OPT_JSON = 1 << 12,         // --json (tfvars)
    OPT_SENSITIVE = 1 << 13,    // --include-sensitive (tfvars)
    OPT_MAX_ERRORS = 1 << 14,   // --max-errors N
    OPT_CHECK = 1 << 15,        // --check (fmt)
    OPT_DIFF = 1 << 16,         // --diff (fmt)
    OPT_RECURSIVE = 1 << 17,    // --recursive (fmt)
    OPT_TASK_CPU = 1 << 18,     // --task-cpu SIZE (validate a container list)
    OPT_TASK_MEMORY = 1 << 19,  // --task-memory SIZE (validate a container list)
    OPT_NETWORK_MODE = 1 << 20, // --network-mode MODE (validate a container list)
    OPT_COMPAT = 1 << 21,       // --requires-compatibilities LIST (validate a container list)
    OPT_AGAINST = 1 << 22,      // --against FILE (diff)
    OPT_FORMAT = 1 << 23,       // --format text|json (diff)
    OPT_EXIT_CODE = 1 << 24,    // --exit-code (diff)
    OPT_DISABLE = 1 << 25,      // --disable ID (lint; repeatable)
    OPT_ENABLE = 1 << 26,       // --enable ID (lint; repeatable)
    OPT_FROM = 1 << 27,         // --from KIND (import)
    OPT_FORCE = 1 << 28,        // --force (import: replace existing files)
    OPT_WORKSPACES = 1 << 29,   // --workspaces A,B,... (import: one per file)
} OptionId;

typedef struct Options {
    DiagFormat format;
    ColorMode color;
    bool help;         // -h or --help
    bool version;      // --version
    unsigned given;    // OptionId bits of the build options given
    size_t max_errors; // text diagnostics shown at most (0: all); DIAG_MAX_SHOWN by default
    size_t max_memory; // --max-memory in bytes (0: no limit)
    const char *workspace;
    const char **workspaces; // every -w in order (diff takes two)
    uint32_t nworkspaces;
    const char *against;    // --against FILE
    const char *out_format; // --format text|json
    const char *target;
    const char *out_file;
    const char *output_name;
    const char *root;
    const char *task;
    const char *out_dir;
    EcsTaskFacts facts; // --task-cpu, --task-memory, --network-mode, --requires-compatibilities
    const char *from;   // import --from KIND
    const char *import_workspaces; // import --workspaces A,B,...
    const char **vars;             // --var texts in order
    uint32_t nvars;
    const char **var_files; // --var-file paths in order
    uint32_t nvar_files;
    const char **rule_switches; // lint: "-ID" for --disable ID, "+ID" for --enable ID, in order
    uint32_t nrule_switches;
    const char **args; // positional arguments, the command first
    int nargs;
} Options;

// A command's work: `args` are the positional arguments after its name.
typedef ExitStatus RunFn(Arena *arena, const Options *o, const char *const *args, int nargs);

typedef struct Command {
    const char *name;
    const char *synopsis; // short form for the command list
    const char *usage;    // full usage line(s) for `hclc help NAME`
    const char *summary;  // one line for the command list
    const char *details;  // paragraphs for `hclc help NAME`
    RunFn *run;           // NULL: not implemented yet
    bool hidden;          // left out of the help and of suggestions
    unsigned accepts;     // OptionId bits the command takes
} Command;

// The commands, one file each or a few to a file.
RunFn cmd_build, cmd_validate, cmd_tfvars, cmd_workspaces; // cmd_compile.c
RunFn cmd_version, cmd_help, cmd_explain;                  // commands.c
RunFn cmd_debug;                                           // cmd_debug.c
RunFn cmd_fmt;                                             // cmd_fmt.c
RunFn cmd_diff;                                            // cmd_diff.c
RunFn cmd_lint;                                            // cmd_lint.c
RunFn cmd_lsp;                                             // cmd_lsp.c
RunFn cmd_import;                                          // cmd_import.c

// --- commands.c: the table and the help texts ---

// The command called `name`, or NULL.
const Command *cli_find_command(const char *name);
// Reports an unknown command, suggesting a close name; returns EXIT_USAGE.
ExitStatus cli_unknown_command(Arena *arena, const Options *o, const char *name);
// Prints the list of commands, options and exit statuses.
void cli_print_help(FILE *out);
// Prints `hclc help NAME` for `c`.
void cli_print_command_help(FILE *out, const Command *c);
// Reports that `c` has no run function yet; returns EXIT_USAGE.
ExitStatus cli_not_implemented(const Options *o, const Command *c);

// --- cli_options.c: the arguments ---

// Splits argv into options and positional arguments (into `o`, allocated in
// `arena`; other members keep the defaults the caller set). Reports the first
// bad option as a usage error, in the --diagnostics format given anywhere on
// the line, and returns false.
bool cli_parse_args(Arena *arena, int argc, char **argv, Options *o);
// The name of the option with bit `id` ("--workspace", "-o").
const char *cli_option_name(OptionId id);

// --- cmd_compile.c ---

// Fills the compile options of build, validate, tfvars and lint from the
// command line (PATH is args[0], "." without one).
void cli_compile_options(const Options *o, const char *const *args, int nargs, CompileOptions *c);

// --- cli_output.c: what the command line prints besides results ---

// Prints "hclc: error: MESSAGE" and, when `help` is not NULL, a help line;
// with --diagnostics=json one JSON object instead, with the fields of the
// other diagnostics (code, file, start and end null). Returns EXIT_USAGE.
ExitStatus cli_usage_error(const Options *o, const char *help, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// Reports an extra positional argument `arg` of `command`.
ExitStatus cli_too_many(const Options *o, const char *command, const char *arg);
// Whether to colour what goes to descriptor `fd`: --color, NO_COLOR, a terminal.
bool cli_use_color(ColorMode mode, int fd);
// Renders the diagnostics on stderr in the format and colour of `o`.
void cli_render(const Options *o, const Diags *diags, const SourceSet *src);
// The same, with rules that --diagnostics=sarif lists in tool.driver even
// when no diagnostic uses them (hclc lint's rules).
void cli_render_rules(const Options *o, const Diags *diags, const SourceSet *src,
                      const DiagRuleInfo *rules, size_t nrules);
// The exit status of a compile status: input errors among which a file
// could not be read (Diag.io) are an I/O error. `diags` may be NULL.
ExitStatus cli_exit_status(CompileStatus st, const Diags *diags);

// --- cli_run.c: what the commands that compile share ---

// A run of build, tfvars, validate or lint: its sources, diagnostics and
// compile options.
typedef struct CliRun {
    Arena *arena;
    const Options *o;
    SourceSet src;
    Diags diags;
    CompileOptions c;
} CliRun;

// Starts a run of `command` with its positional arguments (PATH at most);
// a usage error for an extra one, else EXIT_OK.
ExitStatus cli_run_start(CliRun *r, Arena *arena, const Options *o, const char *command,
                         const char *const *args, int nargs);
// Ends it: under --all-workspaces merges the diagnostics alike in several
// workspaces, renders them (listing `rules` in SARIF, NULL: none), and
// returns the exit status of `st`.
ExitStatus cli_run_end(CliRun *r, CompileStatus st, const DiagRuleInfo *rules, size_t nrules);
// The usage errors of -o, --out-dir, -w and --all-workspaces for
// `command`, which writes one `per_workspace` ("file", "directory") per
// workspace; EXIT_OK when there is none.
ExitStatus cli_check_out_options(Arena *arena, const Options *o, const char *command,
                                 const char *per_workspace);
// Keeps once each diagnostic that several workspaces' runs reported alike
// (code, place in `src`, text and notes, but the "in workspace \"WS\"" note
// of each run), its note naming them: "in every workspace (\"a\", \"b\")"
// when every workspace of the project at `path` did, else "in workspaces
// \"a\", \"b\"".
void cli_merge_workspaces(Arena *a, Diags *d, const SourceSet *src, const char *path);
// How many workspaces --all-workspaces runs for the project at `path` (the
// default one when none is declared); 0 when it cannot be loaded.
uint32_t cli_count_workspaces(Arena *arena, const char *path);
// `status`, unless stdout could not be written (a full disk, a closed
// pipe): then reports it and returns EXIT_IO.
ExitStatus cli_check_stdout(const Options *o, ExitStatus status);

#endif
