// read.c - one side of `hclc diff` read from a file or standard input: a
// RegisterTaskDefinition request, describe-task-definition output whole
// ({"taskDefinition": ..., "tags": [...]}) or as --query taskDefinition
// printed it, a container-definitions array, or a CloudFormation template
// (JSON or YAML) with its AWS::ECS::TaskDefinition resources.
#include "diff/diff.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cfn/cfn.h"
#include "decode/decode.h"
#include "project/load.h"

static Value *member(const Value *v, const char *name)
{
    return v && v->kind == VAL_OBJECT ? value_object_get(v, name, strlen(name)) : NULL;
}

// Standard input as a file of `src` named "<stdin>".
static bool read_stdin(SourceSet *src, Diags *diags, uint32_t *file)
{
    char *data;
    size_t len;
    int err = load_read_stream(stdin, 0, SOURCE_MAX_BYTES, &data, &len);
    if (err == LOAD_READ_TOO_LARGE) {
        diag_error(diags, E_FILE_TOO_LARGE, span_none(),
                   "standard input is larger than the limit of %u bytes", SOURCE_MAX_BYTES);
        return false;
    }
    if (err) {
        diag_error(diags, E_IO_ERROR, span_none(), "cannot read standard input: %s", strerror(err));
        return false;
    }
    *file = source_add_owned(src, "<stdin>", data, len);
    return true;
}

static void one_task(Arena *a, DiffSide *side, Value *task, bool containers_only)
{
    side->tasks = arena_alloc(a, sizeof(DiffTask));
    side->tasks[0] = (DiffTask){NULL, task, containers_only, false};
    side->ntasks = 1;
}

// Output of describe-task-definition that does not tell the tags: it shows
// them beside taskDefinition with --include TAGS only, and --query
// taskDefinition drops them.
static bool tags_unknown(const Value *whole, const Value *td)
{
    if (member(td, "tags"))
        return false;
    if (whole != td)
        return !member(whole, "tags");
    return member(td, "taskDefinitionArn") || member(td, "revision");
}

// describe-task-definition output: its taskDefinition, with the tags that
// --include TAGS puts beside it moved in.
static Value *described(Arena *a, Value *whole, Value *td)
{
    Value *tags = member(whole, "tags");
    if (!tags || td->kind != VAL_OBJECT || member(td, "tags"))
        return td;
    Value *c = value_object_new(a, td->origin, td->as.object.count + 1);
    for (uint32_t i = 0; i < td->as.object.count; i++)
        value_object_put_ref(a, c, td->as.object.keys[i].ptr, td->as.object.keys[i].len,
                             td->as.object.vals[i]);
    value_object_put(a, c, "tags", 4, tags);
    return c;
}

static bool from_template(Arena *a, Diags *diags, Value *v, DiffSide *side)
{
    const char **ids;
    Value **tasks;
    uint32_t n = cfn_template_tasks(a, v, &ids, &tasks);
    if (n == 0) {
        Diag *g = diag_error(diags, E_DIFF_NOT_TASK, v->origin,
                             "this template has no AWS::ECS::TaskDefinition to compare");
        diag_help(diags, g, "hclc diff compares the task definitions of a template");
        return false;
    }
    side->tasks = arena_alloc(a, n * sizeof(DiffTask));
    for (uint32_t i = 0; i < n; i++)
        side->tasks[i] = (DiffTask){ids[i], tasks[i], false, false};
    side->ntasks = n;
    return true;
}

// Tells the form of a decoded JSON or YAML value and fills `side`.
static bool from_value(Arena *a, Diags *diags, Value *v, DiffSide *side)
{
    Value *td = member(v, "taskDefinition");
    if (cfn_is_template(v))
        return from_template(a, diags, v, side);
    if (v->kind == VAL_LIST) {
        Value *t = value_object_new(a, v->origin, 1);
        value_object_put(a, t, "containerDefinitions", strlen("containerDefinitions"), v);
        one_task(a, side, t, true);
        return true;
    }
    if (td && td->kind == VAL_OBJECT) {
        one_task(a, side, described(a, v, td), false);
        side->tasks[0].tags_unknown = tags_unknown(v, td);
        return true;
    }
    if (member(v, "containerDefinitions") || member(v, "family")) {
        one_task(a, side, v, false);
        side->tasks[0].tags_unknown = tags_unknown(v, v);
        return true;
    }
    Diag *g = diag_error(diags, E_DIFF_NOT_TASK, v->origin, "this %s is not a task definition",
                         value_type_name(v));
    diag_help(diags, g,
              "hclc diff reads a RegisterTaskDefinition request, describe-task-definition "
              "output (whole or --query taskDefinition), a container-definitions array or a "
              "CloudFormation template");
    return false;
}

bool diff_read_file(Arena *a, SourceSet *src, Diags *diags, const char *path, DiffSide *side,
                    bool *io)
{
    uint32_t file;
    *io = false;
    side->label = strcmp(path, "-") == 0 ? "standard input" : path;
    side->tasks = NULL;
    side->ntasks = 0;
    side->outputs = NULL;
    bool ok = strcmp(path, "-") == 0 ? read_stdin(src, diags, &file)
                                     : load_read_file(src, diags, path, &file) == LOAD_OK;
    if (!ok) {
        *io = true;
        return false;
    }
    Value *v = load_format(path) == LOAD_FORMAT_YAML ? decode_yaml_cfn_file(a, src, file, diags)
                                                     : decode_json_file(a, src, file, diags);
    return v && from_value(a, diags, v, side);
}
