// check_members.c - what the schema walk (check_schema.c) reports when an
// object's members are not its shape's: unknown members with a "did you
// mean" in the key's own spelling (API, snake_case or CloudFormation),
// read-only members of describe-task-definition output (DOC-1), and missing
// required members (REQ-*), each with what the AWS CLI or ECS would say.
#include "ecs/check_impl.h"

#include <string.h>
#include <strings.h>

#define AWS_LIST_MAX 20 // members listed in a quoted "must be one of"

const SchemaMember *ecs_find_api(const SchemaShape *shape, const char *name, size_t len)
{
    int32_t i = schema_slot(shape, name, len);
    return i < 0 ? NULL : &shape->members[i];
}

static bool looks_snake(const char *s)
{
    if (!strchr(s, '_'))
        return false;
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return false;
    return true;
}

static const char *member_list(Checker *k, const SchemaShape *shape)
{
    const char **names = arena_alloc(k->c->arena, (shape->count + 1) * sizeof(char *));
    uint32_t n = 0;
    for (uint32_t i = 0; i < shape->count; i++)
        if (!shape->members[i].read_only)
            names[n++] = shape->members[i].api;
    return ecs_join_values(k, names, n);
}

// The "did you mean" of an unknown member, in the spelling the key uses.
static void unknown_help(Checker *k, Diag *g, const SchemaShape *shape, const char *key)
{
    const SchemaMember *m = schema_find(shape, key); // by snake name
    if (!m)
        m = schema_find_cfn(shape, key);
    if (m && strcmp(key, m->snake) == 0) {
        diag_help(k->c->diags, g, "the ECS API spells it \"%s\"", m->api);
        return;
    }
    if (m) {
        diag_help(k->c->diags, g,
                  "\"%s\" is the CloudFormation spelling; the ECS API spells it \"%s\"", key,
                  m->api);
        return;
    }
    bool snake = looks_snake(key);
    const char **names = arena_alloc(k->c->arena, (shape->count + 1) * sizeof(char *));
    uint32_t n = 0;
    for (uint32_t i = 0; i < shape->count; i++) {
        if (shape->members[i].read_only)
            continue;
        names[n++] = snake ? shape->members[i].snake : shape->members[i].api;
        if (!snake && strcasecmp(key, shape->members[i].api) == 0) {
            diag_help(k->c->diags, g, "names are case-sensitive: did you mean \"%s\"?",
                      shape->members[i].api);
            return;
        }
    }
    diag_help_suggest(k->c->diags, g, key, names, n);
}

// A member of the described form in a request (DOC-1): say what it is.
static bool report_read_only(Checker *k, Value *v, const SchemaShape *shape, const char *key)
{
    if (shape != schema_task_definition())
        return false;
    const SchemaMember *m = ecs_find_api(schema_described_task_definition(), key, strlen(key));
    if (!m || !m->read_only)
        return false;
    Diag *g =
        ecs_report(k->c, E_ECS_READ_ONLY, false, v, "read-only member \"%s\" in %s", key, k->root);
    diag_note(k->c->diags, g,
              "describe-task-definition returns \"%s\", but register-task-definition refuses it",
              key);
    diag_note(k->c->diags, g,
              "the AWS CLI refuses it: Unknown parameter in input: \"%s\", must be one of: %s", key,
              member_list(k, shape));
    diag_help(k->c->diags, g, "remove it: ECS sets it when the task definition is registered");
    return true;
}

// A read-only member of describe-task-definition output (DOC-1): accepted
// there, but named, since register-task-definition refuses it.
void ecs_note_read_only(Checker *k, Value *v, const char *key)
{
    Diag *g = ecs_report(k->c, E_ECS_READ_ONLY, true, v,
                         "\"%s\" is a read-only member of describe-task-definition output", key);
    diag_note(k->c->diags, g,
              "ECS sets it when the task definition is registered; register-task-definition "
              "refuses it (Unknown parameter in input: \"%s\")",
              key);
    diag_help(k->c->diags, g,
              "remove it before registering this JSON again; hclc build never writes it");
}

void ecs_report_unknown(Checker *k, Value *v, const SchemaShape *shape, const char *key,
                        const char *path)
{
    if (value_is_sensitive(v)) { // the key of a secret map is secret too
        ecs_report(k->c, E_ECS_UNKNOWN_MEMBER, false, v, "unknown member (sensitive) in %s",
                   where(k, path));
        return;
    }
    if (report_read_only(k, v, shape, key))
        return;
    Diag *g = ecs_report(k->c, E_ECS_UNKNOWN_MEMBER, false, v, "unknown member \"%s\" in %s", key,
                         where(k, path));
    unknown_help(k, g, shape, key);
    if (shape->count <= AWS_LIST_MAX)
        diag_note(k->c->diags, g,
                  "the AWS CLI refuses it: Unknown parameter in %s: \"%s\", must be one of: %s",
                  aws_where(path), key, member_list(k, shape));
    else
        diag_note(k->c->diags, g, "the AWS CLI refuses it: Unknown parameter in %s: \"%s\"",
                  aws_where(path), key);
}

// What to say about a missing member that the API model leaves optional (the
// service or CloudFormation requires it, so the AWS CLI lets it pass).
typedef struct MissingNote {
    const char *shape, *member, *note;
} MissingNote;

static const MissingNote missing_notes[] = {
    {"ContainerDefinition", "name", "ECS refuses it: Container.name should not be null or empty."},
    {"ContainerDefinition", "image",
     "ECS refuses it: Container.image should not be null or empty."},
    {"MountPoint", "sourceVolume", "ECS refuses it: Unknown volume 'null'."},
    {"KeyValuePair", "name", "ECS refuses it: Environment variable name cannot be null or blank."},
    {"MountPoint", "containerPath", "a mount point needs the path where the volume appears"},
    {"Volume", "name", "containers mount a volume by its name (mountPoints[].sourceVolume)"},
    {"Tag", "key", "every tag needs a key of 1 to 128 characters"},
    {"TaskDefinitionPlacementConstraint", "type",
     "CloudFormation requires it, and memberOf is its only value"},
};

void ecs_report_missing(Checker *k, Value *obj, const SchemaShape *shape, const SchemaMember *m,
                        const char *path)
{
    Diag *g = ecs_report(k->c, E_ECS_REQUIRED, false, obj, "missing required member \"%s\" in %s",
                         m->api, where(k, path));
    if (!span_is_none(obj->site) && m->block && m->label)
        diag_help(k->c->diags, g, "in .hcl, add a block: %s \"NAME\" { ... }", m->block);
    else if (!span_is_none(obj->site) && m->block)
        diag_help(k->c->diags, g, "in .hcl, add a %s { ... } block or set %s", m->block, m->snake);
    else if (!span_is_none(obj->site) && strcmp(m->snake, m->api) != 0)
        diag_help(k->c->diags, g, "in .hcl it is written %s", m->snake);
    for (size_t i = 0; i < sizeof missing_notes / sizeof missing_notes[0]; i++) {
        if (is_shape(shape, missing_notes[i].shape) &&
            strcmp(m->api, missing_notes[i].member) == 0) {
            diag_note(k->c->diags, g, "%s", missing_notes[i].note);
            return;
        }
    }
    diag_note(k->c->diags, g, "the AWS CLI refuses it: Missing required parameter in %s: \"%s\"",
              aws_where(path), m->api);
}
