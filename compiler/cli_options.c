// cli_options.c - the arguments of hclc: options and positional arguments.
//
// Options are accepted anywhere on the line; "--" ends them. An option that
// takes a value reads it from "--name=VALUE" or from the next argument. The
// first bad option is reported as a usage error.
#include <stdbool.h>
#include <stdio.h>
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
};

#define NVALUE_OPTIONS (sizeof(VALUE_OPTIONS) / sizeof(VALUE_OPTIONS[0]))

static const char *const OPTION_NAMES[] = {
    "--diagnostics",      "--color",  "--help",           "--version",
    "--workspace",        "--var",    "--var-file",       "--target",
    "--output",           "--root",   "--task",           "--out-dir",
    "--canonical",        "--strict", "--all-workspaces", "--json",
    "--include-sensitive"};

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
    static const char *const names[] = {[FORMAT_TEXT] = "text", [FORMAT_JSON] = "json"};
    int i;
    if (!set_choice(o, "--diagnostics", value, names, 2, "the choices are text and json", &i))
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

static bool missing_value(const Options *o, const char *arg)
{
    bool color = strcmp(arg, "--color") == 0;
    cli_usage_error(o,
                    color ? "write --color=auto, --color=always or --color=never"
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
    if (strcmp(arg, "--diagnostics") == 0 || strcmp(arg, "--color") == 0)
        return missing_value(o, arg);
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
bool cli_parse_args(Arena *arena, int argc, char **argv, Options *o)
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
        } else if ((v = find_value_option(arg, &value)) != NULL && v->flag) {
            if (value) {
                cli_usage_error(o, NULL, "option \"%s\" takes no value", v->name);
                return false;
            }
            set_value(o, v, NULL);
        } else if (v) {
            if (!value && i + 1 >= argc) {
                cli_usage_error(o, NULL, "option \"%s\" needs a value", arg);
                return false;
            }
            set_value(o, v, value ? value : argv[++i]);
        } else if (!parse_option(arena, o, arg)) {
            return false;
        }
    }
    return true;
}
