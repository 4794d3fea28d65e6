// normalize.c - the comparison form of a task definition, for `hclc diff`
// (docs/diff.md states every rule and its source). Two task definitions
// that ECS stores alike get equal comparison forms: read-only members go,
// defaults that ECS fills in go, keyed lists become objects keyed by their
// key (VALF_MAP, sorted), task sizes become whole numbers as text, and
// null, empty lists and empty objects count as absent.
#include "ecs/ecs_impl.h"

#include <stdlib.h>
#include <string.h>

typedef struct Norm {
    Arena *arena;
    bool awsvpc; // networkMode awsvpc or host: hostPort is containerPort
} Norm;

// Members describe-task-definition returns that a request cannot set.
static const char *const READ_ONLY[] = {
    "taskDefinitionArn", "revision",     "status",         "requiresAttributes", "compatibilities",
    "registeredAt",      "registeredBy", "deregisteredAt", "deleteRequestedAt",
};

// A keyed list: the member, the item member that is its key, and the one
// member the value collapses to when it is all that is left (NULL: none).
typedef struct KeyedList {
    const char *member;
    const char *key;
    const char *collapse;
} KeyedList;

static const KeyedList TASK_LISTS[] = {
    {"volumes", "name", NULL},
    {"tags", "key", "value"},
    {"inferenceAccelerators", "deviceName", "deviceType"},
};

static const KeyedList CONTAINER_LISTS[] = {
    {"environment", "name", "value"},
    {"secrets", "name", "valueFrom"},
    {"environmentFiles", "value", "type"},
    {"ulimits", "name", NULL},
    {"mountPoints", "containerPath", NULL},
    {"volumesFrom", "sourceContainer", NULL},
    {"systemControls", "namespace", "value"},
    {"extraHosts", "hostname", "ipAddress"},
    {"dependsOn", "containerName", "condition"},
    {"resourceRequirements", "type", "value"},
};

static bool is_empty(const Value *v)
{
    return v->kind == VAL_NULL || (v->kind == VAL_LIST && v->as.list.count == 0) ||
           (v->kind == VAL_OBJECT && v->as.object.count == 0 && !(v->flags & VALF_INTRINSIC));
}

static bool is_int(const Value *v, int64_t n)
{
    int64_t k;
    return ecs_int(v, &k) && k == n;
}

static bool is_true(const Value *v)
{
    return v->kind == VAL_BOOL && v->as.boolean;
}

static bool is_false(const Value *v)
{
    return v->kind == VAL_BOOL && !v->as.boolean;
}

static bool is_string(const Value *v, const char *s)
{
    return v->kind == VAL_STRING && strcmp(v->as.str.ptr, s) == 0;
}

// A copy of object `obj` without its empty members and without the
// `ndrop` members named in `drop`.
static Value *without(Arena *a, const Value *obj, const char *const *drop, size_t ndrop)
{
    Value *c = value_object_new(a, obj->origin, obj->as.object.count + 1);
    c->site = obj->site;
    c->flags = obj->flags;
    for (uint32_t i = 0; i < obj->as.object.count; i++) {
        const ValueStr *k = &obj->as.object.keys[i];
        bool skip = is_empty(obj->as.object.vals[i]);
        for (size_t d = 0; d < ndrop && !skip; d++)
            skip = strcmp(k->ptr, drop[d]) == 0;
        if (!skip)
            value_object_put_ref(a, c, k->ptr, k->len, obj->as.object.vals[i]);
    }
    return c;
}

// Empty members dropped, recursively (but not the items of keyed lists).
static Value *prune(Arena *a, Value *v)
{
    if (v->flags & VALF_INTRINSIC)
        return v;
    if (v->kind == VAL_LIST) {
        Value *c = value_list_new(a, v->origin, v->as.list.count);
        c->flags = v->flags;
        for (uint32_t i = 0; i < v->as.list.count; i++)
            c->as.list.items[i] = prune(a, v->as.list.items[i]);
        return c;
    }
    if (v->kind != VAL_OBJECT)
        return v;
    Value *c = value_object_new(a, v->origin, v->as.object.count + 1);
    c->flags = v->flags;
    // An item of a keyed list stays when only its key is left: it exists.
    bool keyed_items = v->flags & VALF_MAP;
    for (uint32_t i = 0; i < v->as.object.count; i++) {
        Value *m = prune(a, v->as.object.vals[i]);
        if (keyed_items || !is_empty(m))
            value_object_put_ref(a, c, v->as.object.keys[i].ptr, v->as.object.keys[i].len, m);
    }
    return c;
}

typedef struct Keyed {
    const char *key;
    Value *value;
} Keyed;

static int by_key(const void *x, const void *y)
{
    return strcmp(((const Keyed *)x)->key, ((const Keyed *)y)->key);
}

// The key text of item `it` of list `k`, or NULL when it has none.
static const char *item_key(Arena *a, const Value *it, const KeyedList *k)
{
    Value *key = ecs_get(it, k->key);
    if (key && key->kind == VAL_STRING)
        return key->as.str.ptr;
    char buf[VALUE_NUMBER_BUF];
    if (key && key->kind == VAL_NUMBER)
        return arena_strdup(a, value_number_text(key->as.number, buf));
    return NULL;
}

// What an item becomes under its key: the item without the key member,
// collapsed to the one value member when nothing else is left.
static Value *item_value(Arena *a, const Value *it, const KeyedList *k)
{
    const char *drop[] = {k->key};
    Value *rest = without(a, it, drop, 1);
    if (k->collapse && rest->as.object.count == 1 &&
        strcmp(rest->as.object.keys[0].ptr, k->collapse) == 0)
        return rest->as.object.vals[0];
    return rest;
}

// `list` as an object keyed by `keys` (sorted, VALF_MAP), or the list as it
// is when an item is not an object or has no key, or two share a key.
static Value *keyed(Arena *a, Value *list, const char **keys, Value **vals)
{
    uint32_t n = list->as.list.count;
    Keyed *k = arena_alloc(a, ((size_t)n + 1) * sizeof(Keyed));
    for (uint32_t i = 0; i < n; i++) {
        if (!keys[i])
            return list;
        k[i] = (Keyed){keys[i], vals[i]};
    }
    qsort(k, n, sizeof(Keyed), by_key);
    Value *obj = value_object_new(a, list->origin, n);
    obj->flags = (uint8_t)(list->flags | VALF_MAP);
    for (uint32_t i = 0; i < n; i++)
        if (!value_object_put(a, obj, k[i].key, strlen(k[i].key), k[i].value))
            return list;
    return obj;
}

static Value *keyed_list(Arena *a, Value *list, const KeyedList *k)
{
    if (list->kind != VAL_LIST)
        return list;
    uint32_t n = list->as.list.count;
    const char **keys = arena_alloc(a, ((size_t)n + 1) * sizeof(char *));
    Value **vals = arena_alloc(a, ((size_t)n + 1) * sizeof(Value *));
    for (uint32_t i = 0; i < n; i++) {
        Value *it = list->as.list.items[i];
        keys[i] = it->kind == VAL_OBJECT ? item_key(a, it, k) : NULL;
        vals[i] = keys[i] ? item_value(a, it, k) : NULL;
    }
    return keyed(a, list, keys, vals);
}

static void apply_lists(Arena *a, Value *obj, const KeyedList *lists, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        Value *v = ecs_get(obj, lists[i].member);
        if (v)
            value_object_set(a, obj, lists[i].member, strlen(lists[i].member),
                             keyed_list(a, v, &lists[i]));
    }
}

// A port mapping without its defaults: protocol tcp, hostPort equal to
// containerPort under awsvpc and host, hostPort 0 (dynamic) otherwise.
static Value *port_value(Norm *n, Value *pm)
{
    Value *port = ecs_get(pm, "containerPort"), *host = ecs_get(pm, "hostPort");
    bool same = host && port && value_equal(host, port);
    bool drop_host = host && ((n->awsvpc && same) || (!n->awsvpc && is_int(host, 0)));
    const char *drop[] = {"containerPort", "containerPortRange", "protocol", "hostPort"};
    return without(n->arena, pm, drop, drop_host ? 4 : 3);
}

// "8080/tcp", or "8000-8100/udp" for a range.
static const char *port_key(Arena *a, const Value *pm)
{
    Value *port = ecs_get(pm, "containerPort"), *range = ecs_get(pm, "containerPortRange");
    const char *proto = ecs_str(ecs_get(pm, "protocol"));
    char buf[VALUE_NUMBER_BUF];
    const char *p = port && port->kind == VAL_NUMBER     ? value_number_text(port->as.number, buf)
                    : range && range->kind == VAL_STRING ? range->as.str.ptr
                                                         : NULL;
    return p ? arena_printf(a, "%s/%s", p, proto ? proto : "tcp") : NULL;
}

static Value *port_mappings(Norm *n, Value *list)
{
    if (list->kind != VAL_LIST)
        return list;
    uint32_t count = list->as.list.count;
    const char **keys = arena_alloc(n->arena, ((size_t)count + 1) * sizeof(char *));
    Value **vals = arena_alloc(n->arena, ((size_t)count + 1) * sizeof(Value *));
    for (uint32_t i = 0; i < count; i++) {
        Value *pm = list->as.list.items[i];
        keys[i] = pm->kind == VAL_OBJECT ? port_key(n->arena, pm) : NULL;
        vals[i] = keys[i] ? port_value(n, pm) : NULL;
    }
    return keyed(n->arena, list, keys, vals);
}

// readOnly false is the default of mount points and volumesFrom.
static Value *drop_read_only_false(Arena *a, Value *map)
{
    if (!(map->flags & VALF_MAP))
        return map;
    Value *c = value_object_new(a, map->origin, map->as.object.count);
    c->flags = map->flags;
    for (uint32_t i = 0; i < map->as.object.count; i++) {
        Value *it = map->as.object.vals[i];
        Value *ro = ecs_get(it, "readOnly");
        const char *drop[] = {"readOnly"};
        if (ro && is_false(ro))
            it = without(a, it, drop, 1);
        value_object_put_ref(a, c, map->as.object.keys[i].ptr, map->as.object.keys[i].len, it);
    }
    return c;
}

static Value *sorted_strings(Arena *a, Value *list);

static void set_member(Arena *a, Value *obj, const char *name, Value *(*fn)(Arena *, Value *))
{
    Value *v = ecs_get(obj, name);
    if (v)
        value_object_set(a, obj, name, strlen(name), fn(a, v));
}

// A copy of object `obj` whose keyed lists of `lists` are keyed (for the
// nested objects linuxParameters and proxyConfiguration).
static Value *nested(Arena *a, Value *obj, const KeyedList *lists, size_t n)
{
    if (obj->kind != VAL_OBJECT)
        return obj;
    Value *c = without(a, obj, NULL, 0);
    apply_lists(a, c, lists, n);
    return c;
}

static const KeyedList LINUX_LISTS[] = {
    {"devices", "hostPath", NULL},
    {"tmpfs", "containerPath", NULL},
};

static const KeyedList PROXY_LISTS[] = {
    {"properties", "name", "value"},
};

static Value *linux_parameters(Arena *a, Value *lp)
{
    Value *c = nested(a, lp, LINUX_LISTS, sizeof LINUX_LISTS / sizeof *LINUX_LISTS);
    Value *caps = ecs_get(c, "capabilities");
    if (caps && caps->kind == VAL_OBJECT) {
        Value *cc = without(a, caps, NULL, 0);
        set_member(a, cc, "add", sorted_strings);
        set_member(a, cc, "drop", sorted_strings);
        value_object_set(a, c, "capabilities", strlen("capabilities"), cc);
    }
    return c;
}

static Value *proxy_configuration(Arena *a, Value *pc)
{
    return nested(a, pc, PROXY_LISTS, sizeof PROXY_LISTS / sizeof *PROXY_LISTS);
}

// "memberOf attribute:ecs.os-type == linux", or the type alone.
static Value *placement_constraints(Arena *a, Value *list)
{
    if (list->kind != VAL_LIST)
        return list;
    uint32_t n = list->as.list.count;
    const char **keys = arena_alloc(a, ((size_t)n + 1) * sizeof(char *));
    Value **vals = arena_alloc(a, ((size_t)n + 1) * sizeof(Value *));
    for (uint32_t i = 0; i < n; i++) {
        Value *it = list->as.list.items[i];
        const char *type = ecs_str(ecs_get(it, "type"));
        const char *expr = ecs_str(ecs_get(it, "expression"));
        const char *drop[] = {"type", "expression"};
        keys[i] = !type ? NULL : expr ? arena_printf(a, "%s %s", type, expr) : type;
        vals[i] = type ? without(a, it, drop, 2) : NULL;
    }
    return keyed(a, list, keys, vals);
}

static Value *container(Norm *n, Value *ct)
{
    if (ct->kind != VAL_OBJECT)
        return ct;
    Value *cpu = ecs_get(ct, "cpu"), *ess = ecs_get(ct, "essential");
    const char *drop[3] = {"name"};
    size_t ndrop = 1;
    if (cpu && is_int(cpu, 0))
        drop[ndrop++] = "cpu";
    if (ess && is_true(ess))
        drop[ndrop++] = "essential";
    Value *c = without(n->arena, ct, drop, ndrop);
    Value *pm = ecs_get(c, "portMappings");
    if (pm)
        value_object_set(n->arena, c, "portMappings", strlen("portMappings"), port_mappings(n, pm));
    apply_lists(n->arena, c, CONTAINER_LISTS, sizeof CONTAINER_LISTS / sizeof *CONTAINER_LISTS);
    set_member(n->arena, c, "mountPoints", drop_read_only_false);
    set_member(n->arena, c, "volumesFrom", drop_read_only_false);
    set_member(n->arena, c, "linuxParameters", linux_parameters);
    return c;
}

static Value *containers(Norm *n, Value *list)
{
    if (list->kind != VAL_LIST)
        return list;
    uint32_t count = list->as.list.count;
    const char **keys = arena_alloc(n->arena, ((size_t)count + 1) * sizeof(char *));
    Value **vals = arena_alloc(n->arena, ((size_t)count + 1) * sizeof(Value *));
    for (uint32_t i = 0; i < count; i++) {
        keys[i] = ecs_str(ecs_get(list->as.list.items[i], "name"));
        vals[i] = container(n, list->as.list.items[i]);
    }
    return keyed(n->arena, list, keys, vals);
}

// Task cpu and memory as whole numbers in text: 1024, "1024" and "1 vCPU"
// (or "1 GB") are one size.
static void size_member(Arena *a, Value *t, const char *name, const char *unit)
{
    Value *v = ecs_get(t, name);
    int64_t n;
    char buf[VALUE_NUMBER_BUF];
    if (v && v->kind == VAL_NUMBER && value_number_is_int(v->as.number))
        value_object_set(a, t, name, strlen(name),
                         value_cstring(a, v->origin, value_number_text(v->as.number, buf)));
    else if (v && v->kind == VAL_STRING && ecs_parse_size(v->as.str.ptr, unit, &n))
        value_object_set(a, t, name, strlen(name),
                         value_cstring(a, v->origin, arena_printf(a, "%lld", (long long)n)));
}

// requiresCompatibilities and the capabilities added or dropped are sets:
// their order means nothing.
static int by_string(const void *x, const void *y)
{
    const Value *a = *(Value *const *)x, *b = *(Value *const *)y;
    return strcmp(a->kind == VAL_STRING ? a->as.str.ptr : "",
                  b->kind == VAL_STRING ? b->as.str.ptr : "");
}

static Value *sorted_strings(Arena *a, Value *list)
{
    if (list->kind != VAL_LIST)
        return list;
    Value *c = value_list_new(a, list->origin, list->as.list.count);
    c->flags = list->flags;
    for (uint32_t i = 0; i < list->as.list.count; i++)
        c->as.list.items[i] = list->as.list.items[i];
    qsort(c->as.list.items, c->as.list.count, sizeof(Value *), by_string);
    return c;
}

Value *ecs_normalize(Arena *a, Value *task)
{
    if (task->kind != VAL_OBJECT)
        return task;
    const char *mode = ecs_str(ecs_get(task, "networkMode"));
    Norm n = {a, mode && (strcmp(mode, "awsvpc") == 0 || strcmp(mode, "host") == 0)};
    Value *t = without(a, task, READ_ONLY, sizeof READ_ONLY / sizeof *READ_ONLY);
    Value *nm = ecs_get(t, "networkMode");
    if (nm && is_string(nm, "bridge")) {
        const char *drop[] = {"networkMode"};
        t = without(a, t, drop, 1);
    }
    size_member(a, t, "cpu", "vcpu");
    size_member(a, t, "memory", "gb");
    set_member(a, t, "requiresCompatibilities", sorted_strings);
    apply_lists(a, t, TASK_LISTS, sizeof TASK_LISTS / sizeof *TASK_LISTS);
    set_member(a, t, "placementConstraints", placement_constraints);
    set_member(a, t, "proxyConfiguration", proxy_configuration);
    Value *cs = ecs_get(t, "containerDefinitions");
    if (cs)
        value_object_set(a, t, "containerDefinitions", strlen("containerDefinitions"),
                         containers(&n, cs));
    return prune(a, t);
}
