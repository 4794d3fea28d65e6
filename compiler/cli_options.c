// cli_options.c - the arguments of hclc: options and positional arguments.
//
// Options are accepted anywhere on the line; "--" ends them. An option that
// takes a value reads it from "--name=VALUE" or from the next argument. The
// first bad option is reported as a usage error.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "cli.h"

typedef struct ValueOption {
    const char *name;  // "--workspace", or "-o" for options with no long form
    const char *alias; // "-w", or NULL
    OptionId id;
    bool flag; // takes no value
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
    {"--max-errors", NULL, OPT_MAX_ERRORS, false},
    {"--check", NULL, OPT_CHECK, true},
    {"--diff", NULL, OPT_DIFF, true},
    {"--recursive", NULL, OPT_RECURSIVE, true},
    {"--task-cpu", NULL, OPT_TASK_CPU, false},
    {"--task-memory", NULL, OPT_TASK_MEMORY, false},
    {"--network-mode", NULL, OPT_NETWORK_MODE, false},
    {"--requires-compatibilities", NULL, OPT_COMPAT, false},
    {"--against", NULL, OPT_AGAINST, false},
    {"--format", NULL, OPT_FORMAT, false},
    {"--exit-code", NULL, OPT_EXIT_CODE, true},
    {"--disable", NULL, OPT_DISABLE, false},
    {"--enable", NULL, OPT_ENABLE, false},
    {"--from", NULL, OPT_FROM, false},
    {"--force", NULL, OPT_FORCE, true},
    {"--workspaces", NULL, OPT_WORKSPACES, false},
};

#define NVALUE_OPTIONS (sizeof(VALUE_OPTIONS) / sizeof(VALUE_OPTIONS[0]))

static const char *const OPTION_NAMES[] = {"--diagnostics",
                                           "--color",
                                           "--help",
                                           "--version",
                                           "--workspace",
                                           "--var",
                                           "--var-file",
                                           "--target",
                                           "--output",
                                           "--root",
                                           "--task",
                                           "--out-dir",
                                           "--canonical",
                                           "--strict",
                                           "--all-workspaces",
                                           "--json",
                                           "--include-sensitive",
                                           "--max-errors",
                                           "--check",
                                           "--diff",
                                           "--recursive",
                                           "--max-memory",
                                           "--task-cpu",
                                           "--task-memory",
                                           "--network-mode",
                                           "--requires-compatibilities",
                                           "--against",
                                           "--format",
                                           "--exit-code",
                                           "--disable",
                                           "--enable",
                                           "--from",
                                           "--force",
                                           "--workspaces"};

const char *cli_option_name(OptionId id)
{
    for (size_t i = 0; i < NVALUE_OPTIONS; i++)
        if (VALUE_OPTIONS[i].id == id)
            return VALUE_OPTIONS[i].name;
    return "?";
}

static bool unknown_option(Arena *arena, const Options *o, const char *arg)
{
    size_t len = strcspn(arg, "=");
    const char *guess = diag_suggest(arena_strndup(arena, arg, len), OPTION_NAMES,
                                     sizeof(OPTION_NAMES) / sizeof(OPTION_NAMES[0]));
    const char *help = guess ? arena_printf(arena, "did you mean \"%s\"?", guess)
                             : "run \"hclc help\" to see the options";
    cli_usage_error(o, help, "unknown option \"%s\"", arg);
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
static bool set_choice(const Options *o, const char *option, const char *value,
                       const char *const *choices, int nchoices, const char *choices_text, int *out)
{
    for (int i = 0; i < nchoices; i++)
        if (strcmp(value, choices[i]) == 0) {
            *out = i;
            return true;
        }
    cli_usage_error(o, choices_text, "invalid value \"%s\" for option \"%s\"", value, option);
    return false;
}

static bool set_format(Options *o, const char *value)
{
    static const char *const names[] = {[FORMAT_TEXT] = "text",
                                        [FORMAT_JSON] = "json",
                                        [FORMAT_SARIF] = "sarif",
                                        [FORMAT_GITHUB] = "github"};
    int i;
    if (!set_choice(o, "--diagnostics", value, names, 4,
                    "the choices are text, json, sarif and github", &i))
        return false;
    o->format = (DiagFormat)i;
    return true;
}

static bool set_color(Options *o, const char *value)
{
    static const char *const names[] = {
        [COLOR_AUTO] = "auto", [COLOR_ALWAYS] = "always", [COLOR_NEVER] = "never"};
    int i;
    if (!set_choice(o, "--color", value, names, 3, "the choices are auto, always and never", &i))
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
    int shift = *end == 'K' || *end == 'k'   ? 10
                : *end == 'M' || *end == 'm' ? 20
                : *end == 'G' || *end == 'g' ? 30
                                             : 0;
    end += shift != 0;
    if (end == value || *end != '\0' || errno || !(value[0] >= '0' && value[0] <= '9') ||
        n > (SIZE_MAX >> shift) || (n && (n << shift) < (1u << 20))) {
        cli_usage_error(o, "write a size of at least 1M, such as 512M or 2G (0: no limit)",
                        "invalid value \"%s\" for option \"--max-memory\"", value);
        return false;
    }
    o->max_memory = (size_t)(n << shift);
    return true;
}

// The options every command takes, as --name=VALUE or --name VALUE.
static const struct {
    const char *name;
    bool (*set)(Options *o, const char *value);
    const char *hint; // the help line when the value is missing
} CHOICE_OPTIONS[] = {
    {"--diagnostics", set_format,
     "write --diagnostics=text, --diagnostics=json, --diagnostics=sarif or --diagnostics=github"},
    {"--color", set_color, "write --color=auto, --color=always or --color=never"},
    {"--max-memory", set_max_memory, "write --max-memory SIZE, such as --max-memory 2G"},
};

// -h, --help, --version, --diagnostics and --color; argv[*i] is the option,
// and *i moves past a value given as the next argument.
static bool parse_option(Arena *arena, Options *o, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
        o->help = true;
        return true;
    }
    if (strcmp(arg, "--version") == 0) {
        o->version = true;
        return true;
    }
    for (size_t k = 0; k < sizeof CHOICE_OPTIONS / sizeof CHOICE_OPTIONS[0]; k++) {
        const char *value = option_value(arg, CHOICE_OPTIONS[k].name);
        if (!value && strcmp(arg, CHOICE_OPTIONS[k].name) == 0) {
            if (*i + 1 >= argc) {
                cli_usage_error(o, CHOICE_OPTIONS[k].hint, "option \"%s\" needs a value", arg);
                return false;
            }
            value = argv[++*i];
        }
        if (value)
            return CHOICE_OPTIONS[k].set(o, value);
    }
    return unknown_option(arena, o, arg);
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

// --max-errors N: a count of diagnostics, 0 for all of them.
static bool set_max_errors(Options *o, const char *value)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno == ERANGE || n > SIZE_MAX) {
        cli_usage_error(o, "write a count of diagnostics; 0 shows them all",
                        "invalid value \"%s\" for option \"--max-errors\"", value);
        return false;
    }
    o->max_errors = (size_t)n;
    return true;
}

static bool set_value(Arena *arena, Options *o, const ValueOption *v, const char *value)
{
    o->given |= v->id;
    switch (v->id) {
    case OPT_WORKSPACE:
        o->workspace = value;
        o->workspaces[o->nworkspaces++] = value;
        break;
    case OPT_AGAINST:
        o->against = value;
        break;
    case OPT_FORMAT:
        o->out_format = value;
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
    case OPT_MAX_ERRORS:
        return set_max_errors(o, value);
    case OPT_TASK_CPU:
        o->facts.cpu = value;
        break;
    case OPT_TASK_MEMORY:
        o->facts.memory = value;
        break;
    case OPT_NETWORK_MODE:
        o->facts.network_mode = value;
        break;
    case OPT_COMPAT:
        o->facts.compatibilities = value;
        break;
    case OPT_DISABLE:
    case OPT_ENABLE:
        o->rule_switches[o->nrule_switches++] =
            arena_printf(arena, "%c%s", v->id == OPT_ENABLE ? '+' : '-', value);
        break;
    case OPT_FROM:
        o->from = value;
        break;
    case OPT_WORKSPACES:
        o->import_workspaces = value;
        break;
    case OPT_CANONICAL:
    case OPT_STRICT:
    case OPT_ALL_WS:
    case OPT_JSON:
    case OPT_SENSITIVE:
    case OPT_CHECK:
    case OPT_DIFF:
    case OPT_RECURSIVE:
    case OPT_EXIT_CODE:
    case OPT_FORCE:
        break;
    }
    return true;
}

// The --diagnostics format the line asks for (the last one given), found
// before the arguments are parsed so that a usage error anywhere on the
// line honours it. Values of other options are skipped as the parser would.
static DiagFormat scan_format(int argc, char **argv)
{
    DiagFormat format = FORMAT_TEXT;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *inline_value;
        const ValueOption *v = find_value_option(argv[i], &inline_value);
        if (v) {
            i += !v->flag && !inline_value; // skip its value
            continue;
        }
        const char *value = option_value(argv[i], "--diagnostics");
        if (!value && strcmp(argv[i], "--diagnostics") == 0 && i + 1 < argc)
            value = argv[++i];
        else if (strcmp(argv[i], "--color") == 0)
            i++; // skip its value
        static const char *const names[] = {"text", "json", "sarif", "github"};
        for (int k = 0; value && k < 4; k++)
            if (strcmp(value, names[k]) == 0)
                format = (DiagFormat)k;
    }
    return format;
}

// Splits argv into options and positional arguments; "--" ends the options
// and "-" alone is positional. An option that takes a value reads it from
// "--name=VALUE" or from the next argument. Reports the first bad option
// and returns false.
bool cli_parse_args(Arena *arena, int argc, char **argv, Options *o)
{
    o->args = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->vars = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->var_files = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->workspaces = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->rule_switches = arena_alloc(arena, (size_t)argc * sizeof(char *));
    o->format = scan_format(argc, argv);
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *value;
        const ValueOption *v;
        if (options_done || arg[0] != '-' || arg[1] == '\0') {
            o->args[o->nargs++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = true;
        } else if ((v = find_value_option(arg, &value)) != NULL && v->flag) {
            if (value) {
                cli_usage_error(o, NULL, "option \"%s\" takes no value", v->name);
                return false;
            }
            set_value(arena, o, v, NULL); // a flag: nothing to check
        } else if (v) {
            if (!value && i + 1 >= argc) {
                cli_usage_error(o, NULL, "option \"%s\" needs a value", arg);
                return false;
            }
            if (!set_value(arena, o, v, value ? value : argv[++i]))
                return false;
        } else if (!parse_option(arena, o, argc, argv, &i)) {
            return false;
        }
    }
    return true;
}
