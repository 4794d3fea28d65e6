// inputs.h - where variable values come from, besides their declarations.
//
// Collects, for each variable, the value of highest precedence among the
// sources outside the .hcl files (docs/language.md#variables-and-workspaces):
// --var-file files in the order given (.tfvars in this language's attribute
// syntax, .json, .yaml or .yml), HCLC_VAR_name environment variables, then
// --var name=value flags in order. The `default` and the selected workspace
// block are lower still and are read by eval/eval_vars.c. Flags and
// environment variables are added to the SourceSet as small pseudo-files
// ("<--var>", "<env HCLC_VAR_port>"), so a bad value is shown like any
// other source.
#ifndef HCLC_INPUTS_H
#define HCLC_INPUTS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "project/module.h"
#include "syntax/ast.h"

typedef enum InputSource {
    INPUT_DEFAULT,   // the variable's default (eval/eval_vars.c)
    INPUT_WORKSPACE, // the selected workspace block (eval/eval_vars.c)
    INPUT_VAR_FILE,  // a --var-file
    INPUT_ENV,       // an HCLC_VAR_name environment variable
    INPUT_FLAG,      // a --var flag
} InputSource;

typedef struct InputValue {
    InputSource source;
    const char *label; // "--var-file prod.tfvars", "HCLC_VAR_port", "--var port=..."
    Span span;         // where the value is written (in the var file or pseudo-file)
    Value *value;      // a decoded value (json/yaml files), or NULL when `expr` is set
    const Node *expr;  // an expression of a .tfvars file or a --var of a complex type
    bool raw_string;   // a --var/env value taken as a literal string (primitive types)
} InputValue;

typedef struct InputOptions {
    const char *const *var_files; // paths, in the order given
    uint32_t nvar_files;
    const char *const *var_flags; // "name=value" texts, in the order given
    uint32_t nvar_flags;
    const char *const *environ; // the environment (NAME=value), or NULL for none
} InputOptions;

typedef struct Inputs {
    InputValue **by_var; // indexed like Module.vars; NULL when no external value
    uint32_t count;
} Inputs;

// Reads every source. Errors (unreadable or malformed var files, values for
// undeclared variables, malformed --var flags) are reported; undeclared
// HCLC_VAR_ variables are only warned about, as Terraform does. Returns
// false after an error. An unreadable var file sets *io_error.
bool inputs_collect(Arena *a, Diags *diags, SourceSet *src, const Module *mod,
                    const InputOptions *opt, Inputs *out, bool *io_error);

#endif
