// main.c - the command line's entry: parses the arguments, finds the
// command and runs it, and turns the outcome into an exit status.
//
// The commands live in cmd_*.c and commands.c, the options in
// cli_options.c, the printing of errors in cli_output.c (see cli.h). The
// stages never print. hclc never calls setlocale: output and cJSON's number
// formatting must not depend on the locale.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "cli.h"

static ExitStatus run(Arena *arena, const Options *o)
{
    if (o->version)
        return cmd_version(arena, o, NULL, 0);
    if (o->nargs == 0 && !o->help && o->format == FORMAT_JSON)
        return cli_usage_error(o, "run \"hclc help\" to see the commands", "missing command");
    if (o->nargs == 0) {
        cli_print_help(o->help ? stdout : stderr);
        return o->help ? EXIT_OK : EXIT_USAGE;
    }
    const Command *c = cli_find_command(o->args[0]);
    if (!c)
        return cli_unknown_command(arena, o, o->args[0]);
    if (o->help) {
        cli_print_command_help(stdout, c);
        return EXIT_OK;
    }
    if (!c->run)
        return cli_not_implemented(o, c);
    unsigned stray = o->given & ~c->accepts;
    if (stray)
        return cli_usage_error(o, NULL,
                               "option \"%s\" does not apply to \"%s\" (see \"hclc help %s\")",
                               cli_option_name((OptionId)(stray & -stray)), c->name, c->name);
    for (uint32_t i = 0; i < o->nvars; i++)
        if (!strchr(o->vars[i], '=') || o->vars[i][0] == '=')
            return cli_usage_error(o, "write --var NAME=VALUE",
                                   "--var needs NAME=VALUE, got \"%s\"", o->vars[i]);
    return c->run(arena, o, o->args + 1, o->nargs - 1);
}

int main(int argc, char **argv)
{
    Arena arena;
    arena_init(&arena);
    Options o = {.format = FORMAT_TEXT,
                 .color = COLOR_AUTO,
                 .max_errors = DIAG_MAX_SHOWN,
                 .max_memory = ARENA_DEFAULT_MAX_MEMORY};
    ExitStatus status = EXIT_USAGE;
    if (cli_parse_args(&arena, argc, argv, &o)) {
        arena.limit = o.max_memory;
        arena.budget = o.max_memory / 4 * 3;
        status = run(&arena, &o);
    }
    arena_free(&arena);
    return (int)cli_check_stdout(&o, status);
}
