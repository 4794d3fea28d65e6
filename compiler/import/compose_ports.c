// compose_ports.c - a service's ports and volumes: short and long forms
// of `ports` to port mappings (ranges, protocols, a published port other
// than the container's a warning under awsvpc), and `volumes` (named
// volumes, bind mounts, long form) to task volumes and mount points.
#include "import/compose_impl.h"

#include <stdlib.h>
#include <string.h>

static void published_warning(Compose *C, Value *at, const char *host)
{
    compose_warn(C, at, "the load balancer or service discovery publishes the port instead",
                 "published port %s: under awsvpc a container's port is the task's own, left out",
                 host);
}

// The long form: {target, published, protocol, host_ip, mode}.
static Value *long_port(Compose *C, Value *p, Value *pm)
{
    Value *t = compose_get(p, "target"), *pub = compose_get(p, "published");
    const char *ts = compose_text_of(C, t), *ps = compose_text_of(C, pub);
    if (ts && strchr(ts, '-'))
        compose_put(C, pm, "containerPortRange", compose_str(C, t, ts));
    else if (ts)
        compose_put(C, pm, "containerPort", compose_num(C, t, atof(ts)));
    if (ps && ts && strcmp(ps, ts) == 0 && !strchr(ts, '-'))
        compose_put(C, pm, "hostPort", compose_num(C, pub, atof(ps)));
    else if (ps && ts && strcmp(ps, ts) != 0)
        published_warning(C, pub, ps);
    if (compose_get(p, "protocol"))
        compose_put(C, pm, "protocol", compose_get(p, "protocol"));
    return ts ? pm : NULL;
}

Value *compose_port_mapping(Compose *C, Value *p)
{
    Value *pm = value_object_new(C->im->a, p->origin, 3);
    if (p->kind == VAL_OBJECT)
        return long_port(C, p, pm);
    const char *s = compose_text_of(C, p);
    char *spec = arena_strdup(C->im->a, s ? s : "");
    char *proto = strchr(spec, '/');
    if (proto)
        *proto++ = '\0';
    char *colon = strrchr(spec, ':');
    const char *target = colon ? colon + 1 : spec;
    if (colon) {
        *colon = '\0';
        char *host = strrchr(spec, ':'); // ip:host:container
        host = host ? host + 1 : spec;
        if (*host && strcmp(host, target) == 0 && !strchr(target, '-'))
            compose_put(C, pm, "hostPort", compose_num(C, p, atof(host)));
        else if (*host && strcmp(host, target) != 0)
            published_warning(C, p, host);
    }
    if (!*target)
        return NULL;
    if (strchr(target, '-'))
        compose_put(C, pm, "containerPortRange", compose_str(C, p, target));
    else
        compose_put(C, pm, "containerPort", compose_num(C, p, atof(target)));
    if (proto)
        compose_put(C, pm, "protocol", compose_str(C, p, proto));
    return pm;
}

// The container port (or range) of a mapping, as text.
static const char *port_key(Compose *C, Value *pm)
{
    Value *range = compose_get(pm, "containerPortRange");
    return range ? range->as.str.ptr : compose_text_of(C, compose_get(pm, "containerPort"));
}

static const char *protocol(Compose *C, Value *pm)
{
    const char *p = compose_text_of(C, compose_get(pm, "protocol"));
    return p ? p : "tcp";
}

// Adds `pm` to the container's port mappings, unless an earlier one maps the
// same container port: ECS cannot expose one port for two protocols.
void compose_add_port(Compose *C, Value *ct, Value *pm, const char *service)
{
    Value *list = compose_get(ct, "portMappings");
    const char *key = port_key(C, pm);
    for (uint32_t i = 0; key && list && i < list->as.list.count; i++) {
        const char *k = port_key(C, list->as.list.items[i]);
        if (!k || strcmp(k, key) != 0)
            continue;
        if (strcmp(protocol(C, pm), protocol(C, list->as.list.items[i])) == 0)
            return; // the same mapping again: compose publishes it on several host ports
        compose_warn(
            C, pm, "serve the other protocol on another container port, or run a second container",
            "container port %s of service \"%s\" is mapped again for %s: ECS cannot expose "
            "one container port for two protocols, left out",
            key, service, protocol(C, pm));
        return;
    }
    compose_put(C, ct, "portMappings", compose_push(C, list, pm));
}

// A volume of the task (once per name). On Fargate a volume is storage of
// the task that its containers share and that ends with it: a bind mount of
// the host's files, or data that must outlive the task, needs more (EFS).
static void task_volume(Compose *C, const char *name, const char *host_path, Value *at)
{
    for (uint32_t i = 0; i < C->volumes->as.list.count; i++)
        if (strcmp(compose_get(C->volumes->as.list.items[i], "name")->as.str.ptr, name) == 0)
            return;
    Value *vol = value_object_new(C->im->a, at->origin, 2);
    compose_put(C, vol, "name", compose_str(C, at, name));
    if (host_path)
        compose_warn(C, at, "bake the files into the image, or put them on an EFS volume",
                     "bind mount %s: Fargate has no host files; the volume starts empty",
                     host_path);
    else
        compose_warn(C, at,
                     "for data that must outlive the task, give the volume an "
                     "efs_volume_configuration",
                     "named volume %s: on Fargate it lasts as long as the task", name);
    C->volumes = compose_push(C, C->volumes, vol);
}

static const char *volume_name(Compose *C, const char *path)
{
    char *n = arena_strdup(C->im->a, path);
    for (char *p = n; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", *p))
            *p = '-';
    while (*n == '-')
        n++;
    for (size_t l = strlen(n); l && n[l - 1] == '-'; l--)
        n[l - 1] = '\0';
    return *n ? n : "host";
}

// Whether compose reads `source` as a named volume: a name, where a host
// path starts with ., / or ~, or a ${VAR} that compose replaces with one.
static bool plain_volume(const char *source)
{
    return *source && !strchr("./~$", source[0]) && !strchr(source, '/');
}

Value *compose_mount_point(Compose *C, Value *v)
{
    const char *source = NULL, *target = NULL;
    bool ro = false;
    if (v->kind == VAL_OBJECT) {
        source = compose_text_of(C, compose_get(v, "source"));
        target = compose_text_of(C, compose_get(v, "target"));
        ro = compose_get(v, "read_only") && compose_get(v, "read_only")->kind == VAL_BOOL &&
             compose_get(v, "read_only")->as.boolean;
    } else if (compose_text_of(C, v)) {
        char *spec = arena_strdup(C->im->a, compose_text_of(C, v));
        char *c1 = strchr(spec, ':');
        if (c1) {
            *c1++ = '\0';
            char *c2 = strchr(c1, ':');
            if (c2) {
                *c2++ = '\0';
                ro = strstr(c2, "ro") != NULL;
            }
            source = spec;
            target = c1;
        } else {
            target = spec; // an anonymous volume
        }
    }
    if (!target)
        return NULL;
    bool bind = source && !plain_volume(source);
    const char *name = volume_name(C, source ? source : target);
    task_volume(C, name, bind ? source : NULL, v);
    Value *mp = value_object_new(C->im->a, v->origin, 3);
    compose_put(C, mp, "sourceVolume", compose_str(C, v, name));
    compose_put(C, mp, "containerPath", compose_str(C, v, target));
    if (ro)
        compose_put(C, mp, "readOnly", value_bool(C->im->a, v->origin, true));
    return mp;
}
