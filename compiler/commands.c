// commands.c - the table of commands and the help texts: `hclc help`,
// `hclc help COMMAND`, `hclc version`, and the messages for an unknown or
// unimplemented command.
//
// A new command is one entry of COMMANDS (name, help texts, run function,
// the options it accepts) and a cmd_NAME declared in cli.h.
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "cli.h"
#include "explain.h"

#define INPUT_OPTIONS (OPT_WORKSPACE | OPT_VAR | OPT_VAR_FILE | OPT_ROOT)

const Command COMMANDS[] = {
    {"build", "build [PATH]",
     "hclc build [PATH] [-w WS] [--var NAME=VALUE]... [--var-file FILE]... [-t TARGET]\n"
     "                  [--task NAME] [--canonical] [--strict] [--output NAME]\n"
     "                  [--include-sensitive] [-o FILE | --out-dir DIR] [--root DIR]\n"
     "                  [--max-errors N]\n"
     "       hclc build [PATH] --all-workspaces --out-dir DIR [OPTIONS]",
     "compile PATH for one workspace and print the result",
     "Loads PATH (a .hcl file, or a directory's *.hcl files in file-name order),\n"
     "evaluates it for one workspace, validates every task definition it builds\n"
     "against the ECS API's rules, and prints the result. Nothing is printed, and\n"
     "no file is written, when anything fails.\n"
     "\n"
     "  -w, --workspace NAME   the workspace (else HCLC_WORKSPACE, else \"default\",\n"
     "                         an error when workspaces are declared but not it)\n"
     "  --var NAME=VALUE       set a variable (highest precedence; repeatable)\n"
     "  --var-file FILE        read variable values from FILE: .tfvars (attribute\n"
     "                         syntax), .json or .yaml/.yml (repeatable, in order)\n"
     "  -t, --target TARGET    task-definition: the RegisterTaskDefinition request\n"
     "                         (the default when PATH has task_definition blocks);\n"
     "                         container-definitions: the containers' JSON array;\n"
     "                         json: the output blocks as one object (the default\n"
     "                         when there is no task_definition);\n"
     "                         cloudformation, cloudformation-yaml: a\n"
     "                         CloudFormation template, JSON or YAML, with every\n"
     "                         task definition as an AWS::ECS::TaskDefinition;\n"
     "                         tfvars, tfvars-json: the variable values (see\n"
     "                         hclc help tfvars)\n"
     "  --task NAME            the task definition to build when there are several\n"
     "  --out-dir DIR          write DIR/NAME.json for every task definition, all\n"
     "                         or none\n"
     "  --all-workspaces       build every declared workspace (\"default\" when none\n"
     "                         is declared) and write each one's files under\n"
     "                         DIR/WS/ (needs --out-dir; nothing is written\n"
     "                         unless every workspace builds)\n"
     "  --canonical            the form AWS reads back: sorted containers and\n"
     "                         environment, defaults written out\n"
     "  --strict               warnings are errors\n"
     "  --output NAME          print only the value of output NAME (json target)\n"
     "  --include-sensitive    tfvars targets: write sensitive variables too\n"
     "  -o FILE                write FILE (replaced atomically) instead of stdout;\n"
     "                         -o - is stdout\n"
     "  --root DIR             the project root: file() and templatefile() read only\n"
     "                         inside it (default: PATH's directory)\n"
     "  --max-errors N         show at most N text diagnostics (default 20; 0: no\n"
     "                         limit; JSON diagnostics are never cut)\n"
     "\n"
     "-o and --out-dir create missing directories (and remove them again when the\n"
     "write fails). A file is replaced atomically and keeps its mode; a symbolic\n"
     "link is followed and kept; a device or FIFO is written into as it is. New\n"
     "files get mode 0666 minus the umask, 0600 with --include-sensitive. Naming a\n"
     "directory, or a file the run reads (sources, var files, file() targets), is\n"
     "a usage error.\n"
     "\n"
     "Variable values, lowest precedence first: the default, the workspace block,\n"
     "--var-file files in order, HCLC_VAR_NAME environment variables, --var flags.\n"
     "\n"
     "Registering the result with the aws cli:\n"
     "\n"
     "  aws ecs register-task-definition --cli-input-json \"$(hclc build -w prod)\"\n"
     "\n"
     "or through a file:\n"
     "\n"
     "  hclc build -w prod -o td.json\n"
     "  aws ecs register-task-definition --cli-input-json file://td.json\n"
     "\n"
     "(A pipe into --cli-input-json file:///dev/stdin does not work: the aws cli\n"
     "reads the file twice, and the second read of a pipe is empty.)\n",
     cmd_build, false,
     INPUT_OPTIONS | OPT_TARGET | OPT_OUT | OPT_OUTPUT_NAME | OPT_TASK | OPT_OUT_DIR |
         OPT_CANONICAL | OPT_STRICT | OPT_SENSITIVE | OPT_ALL_WS | OPT_MAX_ERRORS},
    {"validate", "validate [PATH]",
     "hclc validate [PATH] [-w WS | --all-workspaces] [--var NAME=VALUE]...\n"
     "              [--var-file FILE]... [-t TARGET] [--strict] [--root DIR]\n"
     "              [--max-errors N]\n"
     "       hclc validate CONTAINERS.json [--task-cpu SIZE] [--task-memory SIZE]\n"
     "              [--network-mode MODE] [--requires-compatibilities LIST] [--strict]",
     "check a project, or a task definition's JSON",
     "Reads PATH and reports every error in it: syntax, declarations, variable\n"
     "values and their validations, every expression evaluated for the\n"
     "workspace, and every task definition checked against the ECS API's rules.\n"
     "PATH is a .hcl file, or a directory whose *.hcl files (not those of its\n"
     "subdirectories) are read in file-name order; it defaults to the current\n"
     "directory. With --all-workspaces every declared workspace is checked and\n"
     "the failed ones are named; so is every one when no workspace is chosen and\n"
     "the project declares workspaces but not \"default\". Nothing is printed\n"
     "when the input is valid: the exit status says it. The options are those of\n"
     "build.\n"
     "\n"
     "A project is checked as -t task-definition builds it; with -t cloudformation\n"
     "or -t cloudformation-yaml as those targets build it: a task definition may\n"
     "lack family, a cfn_parameter variable needs no value and stands for its Ref,\n"
     "and the template's logical ids and references are checked too.\n"
     "\n"
     "A PATH ending in .json is existing JSON: a RegisterTaskDefinition request, a\n"
     "container-definitions array, the output of aws ecs describe-task-definition\n"
     "(its read-only members are named), or a CloudFormation template; a PATH\n"
     "ending in .yaml or .yml is a CloudFormation template (short-form tags such\n"
     "as !Ref and !Sub are read; values from intrinsics are taken as unknown).\n"
     "Every task definition in it is checked, and problems are reported at the\n"
     "file's line and column. Describe output is recognised whole\n"
     "({\"taskDefinition\": ...}) and as --query taskDefinition prints it; its\n"
     "read-only members are warnings (errors with --strict).\n"
     "\n"
     "A container-definitions array carries no task, so the rules that need the\n"
     "task (its memory and cpu, network mode, launch types, execution role) do\n"
     "not run on it unless these options say what the task has:\n"
     "  --task-cpu SIZE        task cpu: CPU units (\"1024\") or vCPUs (\"1 vCPU\")\n"
     "  --task-memory SIZE     task memory: MiB (\"2048\") or GB (\"2 GB\")\n"
     "  --network-mode MODE    bridge, host, awsvpc or none\n"
     "  --requires-compatibilities LIST\n"
     "                         launch types, comma-separated: EC2,FARGATE\n"
     "\n"
     "JSON that is a template is checked as one: a placeholder such as ${NAME},\n"
     "{{NAME}} or <NAME> where a checked value belongs (an ARN, an image, a\n"
     "number) is a warning naming the placeholder, and an error with --strict.\n",
     cmd_validate, false,
     INPUT_OPTIONS | OPT_TARGET | OPT_STRICT | OPT_ALL_WS | OPT_MAX_ERRORS | OPT_TASK_CPU |
         OPT_TASK_MEMORY | OPT_NETWORK_MODE | OPT_COMPAT},
    {"lint", "lint [PATH]",
     "hclc lint [PATH] [-w WS | --all-workspaces] [--var NAME=VALUE]...\n"
     "          [--var-file FILE]... [--disable ID]... [--enable ID]... [--strict]\n"
     "          [--root DIR] [--max-errors N]",
     "report security and best-practice findings",
     "Checks PATH as validate does (the same forms: a project, task-definition\n"
     "JSON, a container-definitions array, a CloudFormation template), then\n"
     "reports what a security review would find in every task definition that\n"
     "passes: privileged or root containers, writable root file systems, host\n"
     "namespaces, secrets in plain environment variables, missing logs or memory\n"
     "limits, unencrypted EFS volumes, a shared task and execution role, host-\n"
     "controlling capabilities, images by mutable tags. Each finding is at the\n"
     "line that set the value, with its hclc code (E1001-E1099), the IDs of the\n"
     "catalogues with the same check (AWS Security Hub ECS.n, checkov CKV_AWS_n,\n"
     "trivy AVD-AWS-n), why it matters and the fix (docs/lint.md; hclc explain).\n"
     "Findings are warnings: the exit status is 0 unless --strict.\n"
     "\n"
     "  --disable ID           turn a rule off: its code (E1002), a catalogue ID\n"
     "                         (ECS.5) or all (repeatable)\n"
     "  --enable ID            turn a rule back on (after --disable all, say)\n"
     "  --strict               findings are errors (exit status 1)\n"
     "  -w, --all-workspaces, --var, --var-file, --root, --max-errors   as for\n"
     "                         validate\n"
     "\n"
     "For CI, --diagnostics=sarif writes a SARIF 2.1.0 log on stderr (for code\n"
     "scanning) and --diagnostics=github writes GitHub Actions annotations:\n"
     "\n"
     "  hclc lint --all-workspaces --diagnostics=sarif 2> hclc.sarif\n",
     cmd_lint, false,
     INPUT_OPTIONS | OPT_STRICT | OPT_ALL_WS | OPT_MAX_ERRORS | OPT_DISABLE | OPT_ENABLE},
    {"tfvars", "tfvars [PATH]",
     "hclc tfvars [PATH] [-w WS | --all-workspaces] [--json] [--include-sensitive]\n"
     "                   [--var NAME=VALUE]... [--var-file FILE]...\n"
     "                   [-o FILE | --out-dir DIR] [--root DIR] [--max-errors N]",
     "print a workspace's variable values as .tfvars",
     "Prints the value every variable of PATH gets in one workspace, after its\n"
     "type conversion, as a Terraform .tfvars file: one NAME = VALUE line per\n"
     "variable, sorted by name. Terraform reads the file back unchanged, and so\n"
     "does hclc build --var-file: a build with it gives the same output. A\n"
     "sensitive variable is left out, with a comment saying so.\n"
     "\n"
     "  -w, --workspace NAME   the workspace (else HCLC_WORKSPACE, else \"default\",\n"
     "                         an error when workspaces are declared but not it)\n"
     "  --all-workspaces       every declared workspace, one file each (needs\n"
     "                         --out-dir)\n"
     "  --json                 .tfvars.json instead: one JSON object\n"
     "  --include-sensitive    write sensitive variables too\n"
     "  -o FILE                write FILE (replaced atomically) instead of stdout\n"
     "  --out-dir DIR          write DIR/WS.tfvars (DIR/WS.tfvars.json with --json)\n"
     "  (-o and --out-dir write files as for build: see hclc help build)\n"
     "  --var, --var-file, --root, --max-errors   as for build\n"
     "\n"
     "  hclc tfvars -w prod -o prod.tfvars\n"
     "  hclc tfvars --all-workspaces --out-dir env\n",
     cmd_tfvars, false,
     INPUT_OPTIONS | OPT_OUT | OPT_OUT_DIR | OPT_ALL_WS | OPT_JSON | OPT_SENSITIVE |
         OPT_MAX_ERRORS},
    {"workspaces", "workspaces [PATH]", "hclc workspaces [PATH] [--json] [--max-errors N]",
     "list the workspaces that PATH declares",
     "Prints the name of each workspace block of PATH, one a line, in the order\n"
     "they are declared. The workspace \"default\" needs no block and is not listed.\n"
     "\n"
     "  --json                 one JSON array of the names instead\n"
     "  --max-errors N         as for build\n",
     cmd_workspaces, false, OPT_JSON | OPT_MAX_ERRORS},
    {"fmt", "fmt [PATH...]", "hclc fmt [PATH...] [--check] [--diff] [--recursive]",
     "rewrite files in the canonical layout",
     "Rewrites each file that is not in the canonical layout (docs/fmt.md) and\n"
     "prints its name. A directory means its *.hcl and *.tfvars files. Files are\n"
     "replaced atomically and keep their permissions; a file with syntax errors\n"
     "is reported and left as it is. \"-\" (or no PATH when standard input is not\n"
     "a terminal) formats standard input to standard output; no PATH otherwise\n"
     "means \".\".\n"
     "\n"
     "  --check       change nothing; list the files not formatted and exit with\n"
     "                status 1 if there are any\n"
     "  --diff        print a unified diff of each change\n"
     "  --recursive   format the subdirectories of directories too\n",
     cmd_fmt, false, OPT_CHECK | OPT_DIFF | OPT_RECURSIVE},
    {"diff", "diff A B",
     "hclc diff A B [-w WS [-w WS]] [--task NAME] [--format text|json] [--exit-code]\n"
     "       hclc diff [PATH] -w WS1 -w WS2 [OPTIONS]\n"
     "       hclc diff [PATH] -w WS --against FILE|- [OPTIONS]",
     "show what really differs between two task definitions",
     "Compares two task definitions, or two sets of them, in the form AWS reads\n"
     "back, and prints one line per real change: read-only members and the\n"
     "defaults ECS fills in are ignored, containers and keyed lists\n"
     "(environment, secrets, portMappings, volumes, tags...) are matched by\n"
     "their key whatever the order, task cpu and memory by meaning (1024,\n"
     "\"1024\" and \"1 vCPU\" are one size). The rules are in docs/diff.md.\n"
     "\n"
     "Each side A and B is a file or a project. A file (\"-\" is standard input)\n"
     "is a RegisterTaskDefinition request, aws ecs describe-task-definition\n"
     "output (whole, or with --query taskDefinition), a container-definitions\n"
     "array or a CloudFormation template (.json, .yaml, .yml). A project (a\n"
     "directory or a .hcl file) is built for a workspace: -w options go to the\n"
     "project sides in order, and one -w goes to both.\n"
     "\n"
     "  -w, --workspace NAME   the workspace of a project side (repeatable)\n"
     "  --against FILE         compare what PATH builds (the new side) with FILE\n"
     "                         (the old side: what is deployed; - reads stdin)\n"
     "  --task NAME            compare only task definition NAME of a project\n"
     "  --format text|json     text for people (the default), or one JSON\n"
     "                         object with every change for scripts\n"
     "  --exit-code            exit status 4 when the sides differ\n"
     "  --var, --var-file, --root, --strict, --max-errors   as for build\n"
     "\n"
     "hclc diff PATH -w dev -w prod compares every task definition and every\n"
     "output of two workspaces. Task definitions are paired by name, then by\n"
     "family; a lone one on each side is paired with the other (a warning says\n"
     "when their families differ), and a file's lone one with the other side's\n"
     "of its family only. Changes print as\n"
     "\n"
     "  ~ containerDefinitions[\"web\"].environment[\"LOG_LEVEL\"]: \"info\" -> \"debug\"\n"
     "  + containerDefinitions[\"web\"].secrets[\"API_KEY\"]: \"arn:...\"\n"
     "  - volumes[\"cache\"]: {...}\n"
     "\n"
     "under a header per task definition, then a summary line. Strings that\n"
     "both hold JSON are compared by structure (PATH<json>.member), multi-line\n"
     "strings by line. Sensitive values show as (sensitive). Colour only on a\n"
     "terminal, never with NO_COLOR (see --color).\n"
     "\n"
     "  aws ecs describe-task-definition --task-definition web --include TAGS \\\n"
     "      | hclc diff . -w prod --against -\n"
     "\n"
     "Exit status: 0 when the comparison ran (with --exit-code: 0 same, 4\n"
     "different); 1, 2 and 3 as for every command.\n",
     cmd_diff, false,
     OPT_WORKSPACE | OPT_VAR | OPT_VAR_FILE | OPT_ROOT | OPT_TASK | OPT_STRICT | OPT_MAX_ERRORS |
         OPT_AGAINST | OPT_FORMAT | OPT_EXIT_CODE},
    {"version", "version", "hclc version", "print the version of hclc",
     "Prints \"hclc " HCLC_VERSION "\". hclc --version does the same.\n", cmd_version, false, 0},
    {"help", "help [COMMAND]", "hclc help [COMMAND]", "print this text, or the details of COMMAND",
     "Prints the list of commands, or the details of COMMAND. hclc COMMAND --help\n"
     "does the same.\n",
     cmd_help, false, 0},
    {"explain", "explain CODE", "hclc explain CODE",
     "print what a diagnostic code means and how to fix it",
     "Prints the entry of CODE from hclc's reference of diagnostics\n"
     "(docs/diagnostics.md): what it means, an example that triggers it, the\n"
     "message hclc prints and how to fix it. CODE is written E0560, e0560 or 560;\n"
     "a lint rule may be named by a catalogue ID too (ECS.5 is E1002). An\n"
     "unknown or malformed code is a usage error (exit status 2).\n"
     "\n"
     "  hclc explain E0560\n",
     cmd_explain, false, 0},
    {"lsp", "lsp", "hclc lsp", "serve the Language Server Protocol to an editor",
     "Speaks the Language Server Protocol 3.17 on standard input and output, for\n"
     "editors: diagnostics as you type (the codes and messages of hclc build),\n"
     "hover with the ECS facts of a member and the values of a variable,\n"
     "completion, go to definition, references, the outline, quick fixes and\n"
     "formatting. The project of an open file is its directory; unsaved buffers\n"
     "stand for their files. The workspace comes from the initialization option\n"
     "or setting \"workspace\" (default: the first declared). docs/editors-lsp.md\n"
     "shows the set-up of VS Code, Neovim, Emacs and Helix.\n",
     cmd_lsp, false, 0},
    {"import", "import FILE...",
     "hclc import FILE [--from KIND] [-o DIR [--force]]\n"
     "       hclc import FILE FILE... [--workspaces WS,WS,...] [-o DIR [--force]]",
     "turn task-definition JSON, compose files or CloudFormation into .hcl source",
     "Reads FILE, the JSON of a task definition, and prints hclc source that\n"
     "builds the same JSON again: one task_definition block with snake_case\n"
     "names, repeated blocks (container \"web\", port_mapping), environment,\n"
     "secrets and tags as maps, and a JSON document held in a string as\n"
     "jsonencode(...). FILE may hold // and /* */ comments and trailing commas;\n"
     "the comments are kept above the members they annotate.\n"
     "\n"
     "Several files are one task definition in several environments, one file\n"
     "each: what is equal in all of them is written once, and what differs\n"
     "becomes a variable set in one workspace block per file (null where a\n"
     "member is missing). A difference that is the workspace's own name is\n"
     "written $<workspace.name>; a string that differs in one part only takes\n"
     "that part from a variable. Containers are matched by name, environment\n"
     "variables and secrets by name, port mappings by container port.\n"
     "\n"
     "  --from KIND        what FILE holds, instead of telling it by its shape:\n"
     "                     task-definition (a RegisterTaskDefinition request),\n"
     "                     describe (aws ecs describe-task-definition output,\n"
     "                     whole or --query taskDefinition: the members AWS\n"
     "                     sets, such as revision and status, are left out\n"
     "                     with a warning), or containers (a container-\n"
     "                     definitions array: the task definition is named\n"
     "                     after the file; build it with -t container-definitions),\n"
     "                     or compose (a docker-compose file, the default for\n"
     "                     .yml and .yaml files: one container per service, on\n"
     "                     Fargate; each key with no ECS equivalent is a warning\n"
     "                     saying what to do instead), or template (a Terraform\n"
     "                     template_file JSON, the default for .tpl files: each\n"
     "                     ${NAME} becomes a variable; one that is a whole value,\n"
     "                     such as \"memory\": ${memory}, keeps that value's type),\n"
     "                     or cloudformation (a CloudFormation template, JSON or\n"
     "                     YAML, told by its Resources: each AWS::ECS::TaskDefinition\n"
     "                     becomes a task_definition block, intrinsics cfn_* calls,\n"
     "                     the parameters it uses cfn_parameter variables, and its\n"
     "                     conditions, mappings and outside names the cloudformation\n"
     "                     block; what it leaves out is named in a warning)"
     "  --workspaces LIST  the workspace of each file, in order (dev,prod);\n"
     "                     by default the file names without extension\n"
     "  -o DIR             write DIR/main.hcl (and variables.hcl and\n"
     "                     workspaces.hcl for several files) instead of\n"
     "                     printing; DIR is created\n"
     "  --force            replace those files when they exist (else an error)\n"
     "\n"
     "Members the schema does not know are left out with a warning each.\n"
     "Nothing is printed or written when a file is not valid JSON or YAML, not a\n"
     "task definition, or a template without AWS::ECS::TaskDefinition resources.\n"
     "\n"
     "  hclc import td.json -o app && hclc build app\n"
     "  hclc import stack.yaml -o app && hclc build app -t cloudformation\n"
     "  hclc import dev.json prod.json -o app && hclc build app -w prod\n",
     cmd_import, false, OPT_OUT | OPT_FROM | OPT_FORCE | OPT_WORKSPACES | OPT_MAX_ERRORS},
    {"debug", "debug tokens|ast FILE", "hclc debug tokens FILE\n       hclc debug ast FILE",
     "print the tokens or the syntax tree of FILE (for testing hclc)",
     "Prints one line per token or syntax-tree node, with its span. The format\n"
     "is for tests and for debugging hclc; it is not a stable interface.\n",
     cmd_debug, true, 0},
};

#define NCOMMANDS (sizeof(COMMANDS) / sizeof(COMMANDS[0]))

// --- help --------------------------------------------------------------------

static void print_options(FILE *out)
{
    fputs("options (accepted anywhere on the line):\n"
          "  --diagnostics=FORMAT       print diagnostics as text (the default), as\n"
          "                             json (one JSON object a line; an error in\n"
          "                             the command line itself too, with code,\n"
          "                             file, start and end null), as sarif (one\n"
          "                             SARIF 2.1.0 log, for code scanning) or as\n"
          "                             github (GitHub Actions workflow commands)\n"
          "  --color=auto|always|never  colour text diagnostics; auto (the default)\n"
          "                             colours only on a terminal and never when\n"
          "                             NO_COLOR is set\n"
          "                             (--diagnostics json and --color always, with\n"
          "                             the value as the next argument, work too)\n"
          "  -h, --help                 print help (of the command, when one is given)\n"
          "  --version                  print the version\n"
          "  --max-memory SIZE          memory the compilation may take (default 768M;\n"
          "                             K, M, G suffixes; 0: no limit); values may take\n"
          "                             three quarters of it (docs/limits.md)\n",
          out);
}

static void print_environment(FILE *out)
{
    fputs("environment:\n"
          "  HCLC_WORKSPACE             the workspace when -w is not given\n"
          "  HCLC_VAR_NAME              the value of variable NAME (below --var)\n"
          "  HCLC_TEMPLATE_PATH         folders (separated by ':') searched for\n"
          "                             templates \"hclc:NAME\" before the installed ones\n"
          "  NO_COLOR                   when set and not empty: no colour with\n"
          "                             --color=auto\n",
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

void cli_print_help(FILE *out)
{
    fputs("hclc " HCLC_VERSION " - compiles .hcl files into AWS ECS JSON\n"
          "\n"
          "usage: hclc COMMAND [ARGUMENTS] [OPTIONS]\n"
          "\n"
          "commands:\n",
          out);
    print_command_list(out, true);
    bool pending = false;
    for (size_t i = 0; i < NCOMMANDS; i++)
        pending = pending || (!COMMANDS[i].hidden && !COMMANDS[i].run);
    if (pending) {
        fputs("\nnot implemented yet (running one is a usage error, exit status 2):\n", out);
        print_command_list(out, false);
    }
    fputc('\n', out);
    print_options(out);
    fputc('\n', out);
    print_environment(out);
    fputc('\n', out);
    print_exit_codes(out);
}

void cli_print_command_help(FILE *out, const Command *c)
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

// --- lookup ------------------------------------------------------------------

const Command *cli_find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

ExitStatus cli_unknown_command(Arena *arena, const Options *o, const char *name)
{
    const char *names[NCOMMANDS];
    size_t n = 0;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!COMMANDS[i].hidden)
            names[n++] = COMMANDS[i].name;
    const char *guess = diag_suggest(name, names, n);
    if (guess)
        return cli_usage_error(o, arena_printf(arena, "did you mean \"%s\"?", guess),
                               "unknown command \"%s\"", name);
    return cli_usage_error(o, "run \"hclc help\" to see the commands", "unknown command \"%s\"",
                           name);
}

ExitStatus cli_not_implemented(const Options *o, const Command *c)
{
    return cli_usage_error(o, "see \"hclc help\" for the commands this version has",
                           "command \"%s\" is not implemented yet in hclc " HCLC_VERSION, c->name);
}

// --- help and version ----------------------------------------------------------

ExitStatus cmd_version(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    (void)arena;
    if (nargs > 0)
        return cli_too_many(o, "version", args[0]);
    puts("hclc " HCLC_VERSION);
    return EXIT_OK;
}

ExitStatus cmd_explain(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    (void)o;
    return explain_run(arena, stdout, args, nargs) == 0 ? EXIT_OK : EXIT_USAGE;
}

ExitStatus cmd_help(Arena *arena, const Options *o, const char *const *args, int nargs)
{
    if (nargs > 1)
        return cli_too_many(o, "help", args[1]);
    if (nargs == 0) {
        cli_print_help(stdout);
        return EXIT_OK;
    }
    const Command *c = cli_find_command(args[0]);
    if (!c)
        return cli_unknown_command(arena, o, args[0]);
    cli_print_command_help(stdout, c);
    return EXIT_OK;
}
