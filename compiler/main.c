// main.c - the command line: commands, flags and exit status; nothing else.
//
// Parses the arguments, runs one command, renders the diagnostics the stages
// collected (once, at the end) and maps the outcome to an exit status. The
// stages themselves never print. hclc never calls setlocale: output and
// cJSON's number formatting must not depend on the locale.
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "compile.h"
#include "base/diag.h"
#include "syntax/dump.h"
#include "syntax/lex.h"
#include "project/load.h"
#include "syntax/parse.h"
#include "base/source.h"

#define HCLC_VERSION "0.1.0"

typedef enum ExitStatus {
    EXIT_OK = 0,    // success
    EXIT_INPUT = 1, // errors in the input
    EXIT_USAGE = 2, // a bad command line, or a command not implemented yet
    EXIT_IO = 3,    // a file could not be read or written
} ExitStatus;

typedef enum DiagFormat {
    FORMAT_TEXT, // file:line:col: error[E0123]: ... with an excerpt
    FORMAT_JSON, // one JSON object a line
} DiagFormat;

typedef enum ColorMode {
    COLOR_AUTO,   // colour when stderr is a terminal and NO_COLOR is unset or empty
    COLOR_ALWAYS, // colour even when NO_COLOR is set
    COLOR_NEVER,
} ColorMode;

// The options that take part in a build; each command accepts a subset.
typedef enum OptionId {
    OPT_WORKSPACE = 1 << 0,  // -w NAME, --workspace NAME
    OPT_VAR = 1 << 1,        // --var NAME=VALUE (repeatable)
    OPT_VAR_FILE = 1 << 2,   // --var-file FILE (repeatable)
    OPT_TARGET = 1 << 3,     // -t TARGET, --target TARGET
    OPT_OUT = 1 << 4,        // -o FILE
    OPT_OUTPUT_NAME = 1 << 5, // --output NAME
    OPT_ROOT = 1 << 6,       // --root DIR
    OPT_TASK = 1 << 7,       // --task NAME
    OPT_OUT_DIR = 1 << 8,    // --out-dir DIR
    OPT_CANONICAL = 1 << 9,  // --canonical
    OPT_STRICT = 1 << 10,    // --strict
    OPT_ALL_WS = 1 << 11,    // --all-workspaces
    OPT_JSON = 1 << 12,      // --json (tfvars)
    OPT_SENSITIVE = 1 << 13, // --include-sensitive (tfvars)
} OptionId;

typedef struct Options {
    DiagFormat format;
    ColorMode color;
    bool help;         // -h or --help
    bool version;      // --version
    unsigned given;    // OptionId bits of the build options given
    const char *workspace;
    const char *target;
    const char *out_file;
    const char *output_name;
    const char *root;
    const char *task;
    const char *out_dir;
    const char **vars;      // --var texts in order
    uint32_t nvars;
    const char **var_files; // --var-file paths in order
    uint32_t nvar_files;
    const char **args; // positional arguments, the command first
    int nargs;
    size_t max_memory; // --max-memory in bytes (0: no limit)
} Options;

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

static RunFn run_validate, run_build, run_tfvars, run_workspaces, run_version, run_help, run_debug;

#define INPUT_OPTIONS (OPT_WORKSPACE | OPT_VAR | OPT_VAR_FILE | OPT_ROOT)

static const Command COMMANDS[] = {
    {"build", "build [PATH]",
     "hclc build [PATH] [-w WS] [--var NAME=VALUE]... [--var-file FILE]... [-t TARGET]\n"
     "                  [--task NAME] [--canonical] [--strict] [--output NAME]\n"
     "                  [--include-sensitive] [-o FILE | --out-dir DIR] [--root DIR]",
     "compile PATH for one workspace and print the result",
     "Loads PATH (a .hcl file, or a directory's *.hcl files in file-name order),\n"
     "evaluates it for one workspace, validates every task definition it builds\n"
     "against the ECS API's rules, and prints the result. Nothing is printed, and\n"
     "no file is written, when anything fails.\n"
     "\n"
     "  -w, --workspace NAME   the workspace (else HCLC_WORKSPACE, else \"default\")\n"
     "  --var NAME=VALUE       set a variable (highest precedence; repeatable)\n"
     "  --var-file FILE        read variable values from FILE: .tfvars (attribute\n"
     "                         syntax), .json or .yaml/.yml (repeatable, in order)\n"
     "  -t, --target TARGET    task-definition: the RegisterTaskDefinition request\n"
     "                         (the default when PATH has task_definition blocks);\n"
     "                         container-definitions: the containers' JSON array;\n"
     "                         json: the output blocks as one object (the default\n"
     "                         when there is no task_definition); tfvars and\n"
     "                         tfvars-json: the variable values (see hclc help\n"
     "                         tfvars)\n"
     "  --task NAME            the task definition to build when there are several\n"
     "  --out-dir DIR          write DIR/NAME.json for every task definition\n"
     "  --canonical            the form AWS reads back: sorted containers and\n"
     "                         environment, defaults written out\n"
     "  --strict               warnings are errors\n"
     "  --output NAME          print only the value of output NAME (json target)\n"
     "  --include-sensitive    tfvars targets: write sensitive variables too\n"
     "  -o FILE                write FILE (replaced atomically) instead of stdout;\n"
     "                         -o - is stdout\n"
     "  --root DIR             the project root: file() and templatefile() read only\n"
     "                         inside it (default: PATH's directory)\n"
     "\n"
     "Variable values, lowest precedence first: the default, the workspace block,\n"
     "--var-file files in order, HCLC_VAR_NAME environment variables, --var flags.\n"
     "\n"
     "  hclc build -w prod | aws ecs register-task-definition \\\n"
     "      --cli-input-json file:///dev/stdin\n",
     run_build, false,
     INPUT_OPTIONS | OPT_TARGET | OPT_OUT | OPT_OUTPUT_NAME | OPT_TASK | OPT_OUT_DIR | OPT_CANONICAL |
         OPT_STRICT | OPT_SENSITIVE},
    {"validate", "validate [PATH]",
     "hclc validate [PATH] [-w WS | --all-workspaces] [--var NAME=VALUE]...\n"
     "              [--var-file FILE]... [--strict] [--root DIR]",
     "check a project, or a task definition's JSON",
     "Reads PATH and reports every error in it: syntax, declarations, variable\n"
     "values and their validations, every expression evaluated for the\n"
     "workspace, and every task definition checked against the ECS API's rules.\n"
     "PATH is a .hcl file, or a directory whose *.hcl files (not those of its\n"
     "subdirectories) are read in file-name order; it defaults to the current\n"
     "directory. With --all-workspaces every declared workspace is checked and\n"
     "the failed ones are named. Nothing is printed when the input is valid: the\n"
     "exit status says it. The options are those of build.\n"
     "\n"
     "A PATH ending in .json is existing JSON: a RegisterTaskDefinition request, a\n"
     "container-definitions array, the output of aws ecs describe-task-definition\n"
     "(its read-only members are named), or a CloudFormation template; a PATH\n"
     "ending in .yaml or .yml is a CloudFormation template (short-form tags such\n"
     "as !Ref and !Sub are read; values from intrinsics are taken as unknown).\n"
     "Every task definition in it is checked, and problems are reported at the\n"
     "file's line and column.\n",
     run_validate, false, INPUT_OPTIONS | OPT_STRICT | OPT_ALL_WS},
    {"tfvars", "tfvars [PATH]",
     "hclc tfvars [PATH] [-w WS | --all-workspaces] [--json] [--include-sensitive]\n"
     "                   [--var NAME=VALUE]... [--var-file FILE]...\n"
     "                   [-o FILE | --out-dir DIR] [--root DIR]",
     "print a workspace's variable values as .tfvars",
     "Prints the value every variable of PATH gets in one workspace, after its\n"
     "type conversion, as a Terraform .tfvars file: one NAME = VALUE line per\n"
     "variable, sorted by name. Terraform reads the file back unchanged, and so\n"
     "does hclc build --var-file: a build with it gives the same output. A\n"
     "sensitive variable is left out, with a comment saying so.\n"
     "\n"
     "  -w, --workspace NAME   the workspace (else HCLC_WORKSPACE, else \"default\")\n"
     "  --all-workspaces       every declared workspace, one file each (needs\n"
     "                         --out-dir)\n"
     "  --json                 .tfvars.json instead: one JSON object\n"
     "  --include-sensitive    write sensitive variables too\n"
     "  -o FILE                write FILE (replaced atomically) instead of stdout\n"
     "  --out-dir DIR          write DIR/WS.tfvars (DIR/WS.tfvars.json with --json)\n"
     "  --var, --var-file, --root   as for build\n"
     "\n"
     "  hclc tfvars -w prod -o prod.tfvars\n"
     "  hclc tfvars --all-workspaces --out-dir env\n",
     run_tfvars, false,
     INPUT_OPTIONS | OPT_OUT | OPT_OUT_DIR | OPT_ALL_WS | OPT_JSON | OPT_SENSITIVE},
    {"workspaces", "workspaces [PATH]", "hclc workspaces [PATH]",
     "list the workspaces that PATH declares",
     "Prints the name of each workspace block of PATH, one a line, in the order\n"
     "they are declared. The workspace \"default\" needs no block and is not listed.\n",
     run_workspaces, false, 0},
    {"version", "version", "hclc version", "print the version of hclc",
     "Prints \"hclc " HCLC_VERSION "\". hclc --version does the same.\n", run_version, false, 0},
    {"help", "help [COMMAND]", "hclc help [COMMAND]",
     "print this text, or the details of COMMAND",
     "Prints the list of commands, or the details of COMMAND. hclc COMMAND --help\n"
     "does the same.\n",
     run_help, false, 0},
    {"fmt", "fmt [PATH...]", "hclc fmt [PATH...] [--check] [--diff]",
     "rewrite files in the canonical layout",
     "Will rewrite .hcl files in the canonical layout, or with --check only say\n"
     "which files differ from it.\n",
     NULL, false, 0},
    {"import", "import KIND FILE",
     "hclc import task-definition FILE.json\n"
     "       hclc import compose docker-compose.yml",
     "turn task-definition JSON or docker-compose YAML into .hcl",
     "Will turn the JSON of aws ecs describe-task-definition, or a docker-compose\n"
     "file, into .hcl source.\n",
     NULL, false, 0},
    {"debug", "debug tokens|ast FILE", "hclc debug tokens FILE\n       hclc debug ast FILE",
     "print the tokens or the syntax tree of FILE (for testing hclc)",
     "Prints one line per token or syntax-tree node, with its span. The format\n"
     "is for tests and for debugging hclc; it is not a stable interface.\n",
     run_debug, true, 0},
};

#define NCOMMANDS (sizeof(COMMANDS) / sizeof(COMMANDS[0]))

typedef struct ValueOption {
    const char *name;  // "--workspace", or "-o" for options with no long form
    const char *alias; // "-w", or NULL
    OptionId id;
    bool flag;         // takes no value
} ValueOption;

static const ValueOption VALUE_OPTIONS[] = {
    {"--workspace", "-w", OPT_WORKSPACE, false},
    {"--var", NULL, OPT_VAR, false},
    {"--var-file", NULL, OPT_VAR_FILE, false},
    {"--target", "-t", OPT_TARGET, false},
    {"-o", NULL, OPT_OUT, false},
    {"--output", NULL, OPT_OUTPUT_NAME, false},
    {"--root", NULL, OPT_ROOT, false},
    {"--task", NULL, OPT_TASK, false},
    {"--out-dir", NULL, OPT_OUT_DIR, false},
    {"--canonical", NULL, OPT_CANONICAL, true},
    {"--strict", NULL, OPT_STRICT, true},
    {"--all-workspaces", NULL, OPT_ALL_WS, true},
    {"--json", NULL, OPT_JSON, true},
    {"--include-sensitive", NULL, OPT_SENSITIVE, true},
};

#define NVALUE_OPTIONS (sizeof(VALUE_OPTIONS) / sizeof(VALUE_OPTIONS[0]))

static const char *const OPTION_NAMES[] = {
    "--diagnostics", "--color", "--help",    "--version",   "--workspace",
    "--var",         "--var-file", "--target", "--output",   "--root",
    "--task",        "--out-dir", "--canonical", "--strict", "--all-workspaces",
    "--json",        "--include-sensitive", "--max-memory"};

// --- messages --------------------------------------------------------------

// Prints "hclc: error: MESSAGE" and, when `help` is not NULL, a help line.
__attribute__((format(printf, 2, 3))) static ExitStatus usage_error(const char *help,
                                                                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("hclc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (help)
        fprintf(stderr, "      = help: %s\n", help);
    return EXIT_USAGE;
}

static void print_options(FILE *out)
{
    fputs("options (accepted anywhere on the line):\n"
          "  --diagnostics=text|json    print diagnostics as text (the default) or as\n"
          "                             one JSON object a line\n"
          "  --color=auto|always|never  colour text diagnostics; auto (the default)\n"
          "                             colours only on a terminal and never when\n"
          "                             NO_COLOR is set\n"
          "  -h, --help                 print help (of the command, when one is given)\n"
          "  --version                  print the version\n"
          "  --max-memory SIZE          memory the compilation may take (default 768M;\n"
          "                             K, M, G suffixes; 0: no limit); values may take\n"
          "                             three quarters of it (docs/limits.md)\n",
          out);
}

static void print_exit_codes(FILE *out)
{
    fputs("exit status: 0 success, 1 errors in the input, 2 usage error, 3 I/O error\n", out);
}

static void print_command_list(FILE *out, bool implemented)
{
    for (size_t i = 0; i < NCOMMANDS; i++) {
        const Command *c = &COMMANDS[i];
        if (!c->hidden && (c->run != NULL) == implemented)
            fprintf(out, "  %-18s %s\n", c->synopsis, c->summary);
    }
}

static void print_help(FILE *out)
{
    fputs("hclc " HCLC_VERSION " - compiles .hcl files into AWS ECS JSON\n"
          "\n"
          "usage: hclc COMMAND [ARGUMENTS] [OPTIONS]\n"
          "\n"
          "commands:\n",
          out);
    print_command_list(out, true);
    fputs("\nnot implemented yet (running one is a usage error, exit status 2):\n", out);
    print_command_list(out, false);
    fputc('\n', out);
    print_options(out);
    fputc('\n', out);
    print_exit_codes(out);
}

static void print_command_help(FILE *out, const Command *c)
{
    fprintf(out, "usage: %s\n\n%s\n", c->usage, c->details);
    if (!c->run) {
        fputs("Not implemented yet in hclc " HCLC_VERSION ": running it is a usage error\n"
              "(exit status 2).\n",
              out);
        return;
    }
    print_options(out);
    fputc('\n', out);
    print_exit_codes(out);
}

// --- arguments -------------------------------------------------------------

static const Command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

static ExitStatus unknown_command(Arena *arena, const char *name)
{
    const char *names[NCOMMANDS];
    size_t n = 0;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!COMMANDS[i].hidden)
            names[n++] = COMMANDS[i].name;
    const char *guess = diag_suggest(name, names, n);
    if (guess)
        usage_error(arena_printf(arena, "did you mean \"%s\"?", guess), "unknown command \"%s\"",
                    name);
    else
        usage_error("run \"hclc help\" to see the commands", "unknown command \"%s\"", name);
    return EXIT_USAGE;
}

static bool unknown_option(Arena *arena, const char *arg)
{
    size_t len = strcspn(arg, "=");
    const char *guess = diag_suggest(arena_strndup(arena, arg, len), OPTION_NAMES,
                                     sizeof(OPTION_NAMES) / sizeof(OPTION_NAMES[0]));
    const char *help = guess ? arena_printf(arena, "did you mean \"%s\"?", guess)
                             : "run \"hclc help\" to see the options";
    usage_error(help, "unknown option \"%s\"", arg);
    return false;
}

// Returns the text after "NAME=" when `arg` is "NAME=...", else NULL.
static const char *option_value(const char *arg, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    return NULL;
}

// Sets *out to the position of `value` among `choices` (the values of an
// enum in order); reports a usage error naming them otherwise.
static bool set_choice(const char *option, const char *value, const char *const *choices,
                       int nchoices, const char *choices_text, int *out)
{
    for (int i = 0; i < nchoices; i++)
        if (strcmp(value, choices[i]) == 0) {
            *out = i;
            return true;
        }
    usage_error(choices_text, "invalid value \"%s\" for option \"%s\"", value, option);
    return false;
}

static bool set_format(Options *o, const char *value)
{
    static const char *const names[] = {[FORMAT_TEXT] = "text", [FORMAT_JSON] = "json"};
    int i;
    if (!set_choice("--diagnostics", value, names, 2, "the choices are text and json", &i))
        return false;
    o->format = (DiagFormat)i;
    return true;
}

static bool set_color(Options *o, const char *value)
{
    static const char *const names[] = {
        [COLOR_AUTO] = "auto", [COLOR_ALWAYS] = "always", [COLOR_NEVER] = "never"};
    int i;
    if (!set_choice("--color", value, names, 3, "the choices are auto, always and never", &i))
        return false;
    o->color = (ColorMode)i;
    return true;
}

// --max-memory SIZE: bytes, or a number with K, M or G (powers of 1024).
static bool set_max_memory(Options *o, const char *value)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
              : *end == 'G' || *end == 'g' ? 30 : 0;
    end += shift != 0;
    if (end == value || *end != '\0' || errno || !(value[0] >= '0' && value[0] <= '9') ||
        n > (SIZE_MAX >> shift) || (n && (n << shift) < (1u << 20))) {
        usage_error("write a size of at least 1M, such as 512M or 2G (0: no limit)",
                    "invalid value \"%s\" for option \"--max-memory\"", value);
        return false;
    }
    o->max_memory = (size_t)(n << shift);
    return true;
}

static bool missing_value(const char *arg)
{
    bool color = strcmp(arg, "--color") == 0;
    usage_error(color ? "write --color=auto, --color=always or --color=never"
                      : "write --diagnostics=text or --diagnostics=json",
                "option \"%s\" needs a value", arg);
    return false;
}

static bool parse_option(Arena *arena, Options *o, const char *arg)
{
    const char *value;
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
        o->help = true;
        return true;
    }
    if (strcmp(arg, "--version") == 0) {
        o->version = true;
        return true;
    }
    if ((value = option_value(arg, "--diagnostics")) != NULL)
        return set_format(o, value);
    if ((value = option_value(arg, "--color")) != NULL)
        return set_color(o, value);
    if ((value = option_value(arg, "--max-memory")) != NULL)
        return set_max_memory(o, value);
    if (strcmp(arg, "--max-memory") == 0) {
        usage_error("write --max-memory SIZE, such as --max-memory 2G", "option \"%s\" needs a value",
                    arg);
        return false;
    }
    if (strcmp(arg, "--diagnostics") == 0 || strcmp(arg, "--color") == 0)
        return missing_value(arg);
    return unknown_option(arena, arg);
}

static const ValueOption *find_value_option(const char *arg, const char **inline_value)
{
    *inline_value = NULL;
    for (size_t i = 0; i < NVALUE_OPTIONS; i++) {
        const ValueOption *v = &VALUE_OPTIONS[i];
        if (strcmp(arg, v->name) == 0 || (v->alias && strcmp(arg, v->alias) == 0))
            return v;
        const char *value = option_value(arg, v->name);
        if (value && v->name[1] == '-') {
            *inline_value = value;
            return v;
        }
    }
    return NULL;
}

static void set_value(Options *o, const ValueOption *v, const char *value)
{
    o->given |= v->id;
    switch (v->id) {
    case OPT_WORKSPACE:
        o->workspace = value;
        break;
    case OPT_VAR:
        o->vars[o->nvars++] = value;
        break;
    case OPT_VAR_FILE:
        o->var_files[o->nvar_files++] = value;
        break;
    case OPT_TARGET:
        o->target = value;
        break;
    case OPT_OUT:
        o->out_file = value;
        break;
    case OPT_OUTPUT_NAME:
        o->output_name = value;
        break;
    case OPT_ROOT:
        o->root = value;
        break;
    case OPT_TASK:
        o->task = value;
        break;
    case OPT_OUT_DIR:
        o->out_dir = value;
        break;
    case OPT_CANONICAL:
    case OPT_STRICT:
    case OPT_ALL_WS:
    case OPT_JSON:
    case OPT_SENSITIVE:
        break;
    }
}

// Splits argv into options and positional arguments; "--" ends the options
// and "-" alone is positional. An option that takes a value reads it from
// "--name=VALUE" or from the next argument. Reports the first bad option
// and returns false.
static bool parse_args(Arena *arena, int argc, char **argv, Options *o)
{
    o->args = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->vars = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->var_files = arena_alloc(arena, (size_t)argc * sizeof(char *));
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *value;
        const ValueOption *v;
        if (options_done || arg[0] != '-' || arg[1] == '\0') {
            o->args[o->nargs++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = true;
        } else if (strcmp(arg, "--max-memory") == 0 && i + 1 < argc) {
            if (!set_max_memory(o, argv[++i]))
                return false;
        } else if ((v = find_value_option(arg, &value)) != NULL && v->flag) {
            if (value) {
                usage_error(NULL, "option \"%s\" takes no value", v->name);
                return false;
            }
            set_value(o, v, NULL);
        } else if (v) {
            if (!value && i + 1 >= argc) {
                usage_error(NULL, "option \"%s\" needs a value", arg);
                return false;
            }
            set_value(o, v, value ? value : argv[++i]);
        } else if (!parse_option(arena, o, arg)) {
            return false;
        }
    }
    return true;
}

static ExitStatus too_many(const char *command, const char *arg)
{
    return usage_error(NULL, "unexpected argument \"%s\" for \"%s\" (see \"hclc help %s\")", arg,
                       command, command);
}

// --- diagnostics -----------------------------------------------------------

static bool use_color(ColorMode mode)
{
    const char *no_color = getenv("NO_COLOR");
    switch (mode) {
    case COLOR_ALWAYS:
        return true;
    case COLOR_NEVER:
        return false;
    case COLOR_AUTO:
        return (no_color == NULL || no_color[0] == '\0') && isatty(STDERR_FILENO);
    }
    return false;
}

static void render(const Options *o, const Diags *diags, const SourceSet *src)
{
    if (diags->count == 0)
        return;
    switch (o->format) {
    case FORMAT_JSON:
        diag_render_json(stderr, diags, src);
        break;
    case FORMAT_TEXT: {
        DiagRenderOptions opt = {use_color(o->color), 0};
        diag_render_text(stderr, diags, src, opt);
        break;
    }
    }
}

// --- commands --------------------------------------------------------------

static ExitStatus exit_status(CompileStatus st)
{
    switch (st) {
    case COMPILE_OK:
        return EXIT_OK;
    case COMPILE_INPUT_ERRORS:
        return EXIT_INPUT;
    case COMPILE_IO_ERROR:
        return EXIT_IO;
    case COMPILE_USAGE_ERROR:
        return EXIT_USAGE;
    }
    return EXIT_INPUT;
}

extern char **environ;

// Fills the compile options shared by build and validate.
static void compile_options(const Options *o, const char *const *args, int nargs,
                            CompileOptions *c)
{
    memset(c, 0, sizeof *c);
    c->path = nargs ? args[0] : ".";
    c->root = o->root;
    const char *env_ws = getenv("HCLC_WORKSPACE");
    if (o->workspace) {
        c->workspace = o->workspace;
        c->workspace_from = "-w";
    } else if (env_ws && *env_ws) {
        c->workspace = env_ws;
        c->workspace_from = "HCLC_WORKSPACE";
    }
    c->inputs.var_files = o->var_files;
    c->inputs.nvar_files = o->nvar_files;
    c->inputs.var_flags = o->vars;
    c->inputs.nvar_flags = o->nvars;
    c->inputs.environ = (const char *const *)environ;
    c->target = o->target;
    c->output_name = o->output_name;
    c->task_name = o->task;
    c->all_tasks = o->out_dir && !o->task;
    c->canonical = o->given & OPT_CANONICAL;
    c->strict = o->given & OPT_STRICT;
    c->all_workspaces = o->given & OPT_ALL_WS;
    c->include_sensitive = o->given & OPT_SENSITIVE;
}

static ExitStatus run_validate(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return too_many("validate", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    compile_options(o, args, nargs, &c);
    CompileStatus st = compile_validate(arena, &src, &diags, &c);
    render(o, &diags, &src);
    return exit_status(st);
}

// Writes the output only after everything succeeded: to stdout, or to the
// -o file replaced atomically.
static ExitStatus run_build(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return too_many("build", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    compile_options(o, args, nargs, &c);
    if (o->out_file && o->out_dir)
        return usage_error(NULL, "give -o FILE or --out-dir DIR, not both");
    CompileResult result;
    CompileStatus st = compile_build(arena, &src, &diags, &c, &result);
    if (st == COMPILE_OK && !compile_write_outputs(&diags, &result, o->out_file, o->out_dir, stdout))
        st = COMPILE_IO_ERROR;
    render(o, &diags, &src);
    return exit_status(st);
}

// `hclc tfvars`: like build -t tfvars, and every workspace at once.
static ExitStatus run_tfvars(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return too_many("tfvars", args[1]);
    if (o->out_file && o->out_dir)
        return usage_error(NULL, "give -o FILE or --out-dir DIR, not both");
    bool all = o->given & OPT_ALL_WS;
    if (all && o->workspace)
        return usage_error(NULL, "give -w WS or --all-workspaces, not both");
    if (all && !o->out_dir)
        return usage_error("write hclc tfvars --all-workspaces --out-dir DIR",
                           "--all-workspaces writes one file per workspace: it needs --out-dir");
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    CompileOptions c;
    compile_options(o, args, nargs, &c);
    c.target = o->given & OPT_JSON ? "tfvars-json" : "tfvars";
    CompileResult result;
    CompileStatus st = compile_tfvars(arena, &src, &diags, &c, &result);
    if (st == COMPILE_OK && !compile_write_outputs(&diags, &result, o->out_file, o->out_dir, stdout))
        st = COMPILE_IO_ERROR;
    render(o, &diags, &src);
    return exit_status(st);
}

static ExitStatus run_workspaces(Arena *arena, const Options *o, const char *const *args,
                                 int nargs)
{
    if (nargs > 1)
        return too_many("workspaces", args[1]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    char *text = NULL;
    size_t len = 0;
    CompileStatus st = compile_workspaces(arena, &src, &diags, nargs ? args[0] : ".", &text, &len);
    if (st == COMPILE_OK)
        fwrite(text, 1, len, stdout);
    render(o, &diags, &src);
    return exit_status(st);
}

static ExitStatus run_version(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    (void)arena;
    (void)o;
    if (nargs > 0)
        return too_many("version", args[0]);
    puts("hclc " HCLC_VERSION);
    return EXIT_OK;
}

static ExitStatus run_help(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    (void)o;
    if (nargs > 1)
        return too_many("help", args[1]);
    if (nargs == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    const Command *c = find_command(args[0]);
    if (!c)
        return unknown_command(arena, args[0]);
    print_command_help(stdout, c);
    return EXIT_OK;
}

// `hclc debug tokens|ast FILE`: the dump is printed only when the file has
// no errors, so stdout never holds a partial dump.
static ExitStatus run_debug(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    const char *help = "write \"hclc debug tokens FILE\" or \"hclc debug ast FILE\"";
    if (nargs == 0)
        return usage_error(help, "missing what to print: tokens or ast");
    bool ast = strcmp(args[0], "ast") == 0;
    if (!ast && strcmp(args[0], "tokens") != 0)
        return usage_error(help, "unknown debug output \"%s\"", args[0]);
    if (nargs < 2)
        return usage_error(help, "missing FILE argument for \"debug %s\"", args[0]);
    if (nargs > 2)
        return too_many("debug", args[2]);
    SourceSet src;
    Diags diags;
    source_init(&src, arena);
    diags_init(&diags, arena);
    uint32_t file;
    if (load_read_file(&src, &diags, args[1], &file) != LOAD_OK) {
        render(o, &diags, &src);
        return EXIT_IO;
    }
    LoadedFile loaded;
    if (ast)
        load_parse_file(arena, &src, &diags, file, &loaded);
    else
        loaded.tokens = lex_file(arena, &src, file, &diags);
    render(o, &diags, &src);
    if (diags_has_errors(&diags))
        return EXIT_INPUT;
    if (ast)
        dump_body(stdout, &src, loaded.body);
    else
        dump_tokens(stdout, &src, &loaded.tokens);
    return EXIT_OK;
}

static ExitStatus not_implemented(const Command *c)
{
    return usage_error("this version has build, validate, tfvars, workspaces, version and help; "
                       "see \"hclc help\"",
                       "command \"%s\" is not implemented yet in hclc " HCLC_VERSION, c->name);
}

static ExitStatus run(Arena *arena, const Options *o)
{
    if (o->version)
        return run_version(arena, o, NULL, 0);
    if (o->nargs == 0) {
        print_help(o->help ? stdout : stderr);
        return o->help ? EXIT_OK : EXIT_USAGE;
    }
    const Command *c = find_command(o->args[0]);
    if (!c)
        return unknown_command(arena, o->args[0]);
    if (o->help) {
        print_command_help(stdout, c);
        return EXIT_OK;
    }
    if (!c->run)
        return not_implemented(c);
    unsigned stray = o->given & ~c->accepts;
    for (size_t i = 0; stray && i < NVALUE_OPTIONS; i++)
        if (stray & VALUE_OPTIONS[i].id)
            return usage_error(NULL, "option \"%s\" does not apply to \"%s\" (see \"hclc help %s\")",
                               VALUE_OPTIONS[i].name, c->name, c->name);
    return c->run(arena, o, o->args + 1, o->nargs - 1);
}

// A full disk or a closed pipe must not pass for success.
static ExitStatus check_stdout(ExitStatus status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    fprintf(stderr, "hclc: error: cannot write to standard output: %s\n", strerror(errno));
    return EXIT_IO;
}

int main(int argc, char **argv)
{
    Arena arena;
    arena_init(&arena);
    Options o = {.format = FORMAT_TEXT, .color = COLOR_AUTO, .max_memory = ARENA_DEFAULT_MAX_MEMORY};
    ExitStatus status = EXIT_USAGE;
    if (parse_args(&arena, argc, argv, &o)) {
        arena.limit = o.max_memory;
        arena.budget = o.max_memory / 4 * 3;
        status = run(&arena, &o);
    }
    arena_free(&arena);
    return (int)check_stdout(status);
}
