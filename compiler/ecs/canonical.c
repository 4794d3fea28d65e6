// canonical.c - the form AWS reads back (`--canonical`), so that a diff
// against `aws ecs describe-task-definition` shows only real changes:
// containers, environment variables and secrets sorted by name, defaults
// that ECS fills in written out (essential, protocol, hostPort under awsvpc,
// container cpu 0), and the empty lists describe-task-definition returns.
#include "ecs/ecs_impl.h"

#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    const Value *x = *(Value *const *)a, *y = *(Value *const *)b;
    const char *nx = ecs_str(ecs_get(x, "name")), *ny = ecs_str(ecs_get(y, "name"));
    return strcmp(nx ? nx : "", ny ? ny : "");
}

// A copy of `obj` (an object) whose members can be set without touching obj.
static Value *copy_object(Arena *a, const Value *obj)
{
    Value *c = value_object_new(a, obj->origin, obj->as.object.count + 8);
    c->site = obj->site;
    c->flags = obj->flags;
    for (uint32_t i = 0; i < obj->as.object.count; i++)
        value_object_put(a, c, obj->as.object.keys[i].ptr, obj->as.object.keys[i].len,
                         obj->as.object.vals[i]);
    return c;
}

static Value *sorted_by_name(Arena *a, Value *list)
{
    if (!list || list->kind != VAL_LIST)
        return list;
    Value *c = value_list_new(a, list->origin, list->as.list.count);
    c->site = list->site;
    c->flags = list->flags;
    if (list->as.list.count == 0)
        return c;
    memcpy(c->as.list.items, list->as.list.items, list->as.list.count * sizeof(Value *));
    // qsort is not stable; names are unique in a valid task definition.
    qsort(c->as.list.items, c->as.list.count, sizeof(Value *), by_name);
    return c;
}

static void set_default(Arena *a, Value *obj, const char *name, Value *v)
{
    if (!ecs_get(obj, name))
        value_object_put(a, obj, name, strlen(name), v);
}

static Value *empty_list(Arena *a)
{
    return value_list_new(a, span_none(), 0);
}

static Value *canonical_port(Arena *a, Value *pm, bool awsvpc)
{
    if (pm->kind != VAL_OBJECT)
        return pm;
    Value *c = copy_object(a, pm);
    Value *port = ecs_get(c, "containerPort");
    if (awsvpc && port && !ecs_get(c, "containerPortRange"))
        set_default(a, c, "hostPort", port);
    set_default(a, c, "protocol", value_cstring(a, span_none(), "tcp"));
    return c;
}

static Value *canonical_container(Arena *a, Value *ct, bool awsvpc)
{
    if (ct->kind != VAL_OBJECT)
        return ct;
    Value *c = copy_object(a, ct);
    set_default(a, c, "cpu", value_number(a, span_none(), 0));
    set_default(a, c, "essential", value_bool(a, span_none(), true));
    static const char *const lists[] = {"portMappings", "environment", "mountPoints", "volumesFrom",
                                        "systemControls"};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        set_default(a, c, lists[i], empty_list(a));
    Value *ports = ecs_get(c, "portMappings");
    if (ports->kind == VAL_LIST) {
        Value *np = value_list_new(a, ports->origin, ports->as.list.count);
        for (uint32_t i = 0; i < ports->as.list.count; i++)
            np->as.list.items[i] = canonical_port(a, ports->as.list.items[i], awsvpc);
        value_object_set(a, c, "portMappings", strlen("portMappings"), np);
    }
    static const char *const named[] = {"environment", "secrets"};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (ecs_get(c, named[i]))
            value_object_set(a, c, named[i], strlen(named[i]),
                             sorted_by_name(a, ecs_get(c, named[i])));
    return c;
}

Value *ecs_canonical(Arena *a, Value *task)
{
    if (task->kind != VAL_OBJECT)
        return task;
    Value *t = copy_object(a, task);
    const char *mode = ecs_str(ecs_get(t, "networkMode"));
    bool awsvpc = mode && strcmp(mode, "awsvpc") == 0;
    Value *cs = sorted_by_name(a, ecs_get(t, "containerDefinitions"));
    if (cs && cs->kind == VAL_LIST) {
        for (uint32_t i = 0; i < cs->as.list.count; i++)
            cs->as.list.items[i] = canonical_container(a, cs->as.list.items[i], awsvpc);
        value_object_set(a, t, "containerDefinitions", strlen("containerDefinitions"), cs);
    }
    set_default(a, t, "volumes", empty_list(a));
    set_default(a, t, "placementConstraints", empty_list(a));
    return t;
}
