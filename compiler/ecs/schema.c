// schema.c - lookups in the ECS schema tables. The tables themselves and
// schema_task_definition() & co. are generated from grammar/ecs-schema.txt
// into $(B)/gen/ecs_schema.c.
#include "ecs/schema.h"

#include <string.h>

// The first bytes are compared before strcmp: the lookups run for every
// member of every task definition, and most names differ at once.
static bool same(const char *a, const char *b)
{
    return a && b && a[0] == b[0] && strcmp(a, b) == 0;
}

const SchemaMember *schema_find(const SchemaShape *shape, const char *name)
{
    if (!shape || !name)
        return NULL;
    for (uint32_t i = 0; i < shape->count; i++)
        if (same(shape->members[i].api, name))
            return &shape->members[i];
    for (uint32_t i = 0; i < shape->count; i++)
        if (same(shape->members[i].snake, name))
            return &shape->members[i];
    return NULL;
}

const SchemaMember *schema_find_block(const SchemaShape *shape, const char *block)
{
    if (!shape || !block)
        return NULL;
    for (uint32_t i = 0; i < shape->count; i++)
        if (same(shape->members[i].block, block))
            return &shape->members[i];
    return NULL;
}

const SchemaMember *schema_find_cfn(const SchemaShape *shape, const char *cfn)
{
    if (!shape || !cfn)
        return NULL;
    for (uint32_t i = 0; i < shape->count; i++)
        if (same(shape->members[i].cfn, cfn))
            return &shape->members[i];
    return NULL;
}
