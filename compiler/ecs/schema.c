// schema.c - lookups in the ECS schema tables. The tables themselves, with
// their indexes of names by length, and schema_task_definition() & co. are
// generated from grammar/ecs-schema.txt into $(B)/gen/ecs_schema.c.
#include "ecs/schema.h"

#include <string.h>

// The lookups run for every member of every task definition: only the
// names of the right length (a few) are compared. The first match in the
// table's order, as a scan of the table would find. A name that is the
// tables' own text (lowering writes the tables' names) matches at once.
static int32_t find(const SchemaNames *names, const char *name, size_t len)
{
    if (len == 0 || len > names->max_len)
        return -1;
    for (uint32_t k = names->start[len]; k < names->start[len + 1]; k++) {
        const char *s = names->by_len[k].text;
        if (s == name || (s[0] == name[0] && memcmp(s, name, len) == 0))
            return (int32_t)names->by_len[k].pos;
    }
    return -1;
}

static const SchemaMember *member_at(const SchemaShape *shape, int32_t i)
{
    return i < 0 ? NULL : &shape->members[i];
}

int32_t schema_slot(const SchemaShape *shape, const char *name, size_t len)
{
    return find(&shape->api, name, len);
}

const SchemaMember *schema_find(const SchemaShape *shape, const char *name)
{
    if (!shape || !name)
        return NULL;
    size_t len = strlen(name);
    int32_t i = find(&shape->api, name, len);
    return member_at(shape, i >= 0 ? i : find(&shape->snake, name, len));
}

const SchemaMember *schema_find_block(const SchemaShape *shape, const char *block)
{
    if (!shape || !block)
        return NULL;
    return member_at(shape, find(&shape->block, block, strlen(block)));
}

// CloudFormation names, looked up when a template is read back: a scan.
const SchemaMember *schema_find_cfn(const SchemaShape *shape, const char *cfn)
{
    if (!shape || !cfn)
        return NULL;
    for (uint32_t i = 0; i < shape->count; i++) {
        const char *s = shape->members[i].cfn;
        if (s && s[0] == cfn[0] && strcmp(s, cfn) == 0)
            return &shape->members[i];
    }
    return NULL;
}
