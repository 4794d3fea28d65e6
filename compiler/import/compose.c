// compose.c - a docker-compose file (the compose specification, and the v2
// and v3 formats) turned into the RegisterTaskDefinition request that
// import_task.c then writes as source: one container per service, on
// Fargate with awsvpc (the services of a task share localhost).
//
// What maps: image, command and entrypoint (a string split as compose
// splits it), environment (list or map) and env_file (read relative to the
// compose file), ports (ranges, protocols, long form), named volumes, bind
// mounts and volumes_from, depends_on (list and condition form),
// healthcheck (durations such as 1m30s), deploy.resources, mem_limit, cpus
// and cpu_shares, restart, user, working_dir, labels, ulimits, logging,
// read_only, init, cap_add/cap_drop, tty, stdin_open, stop_grace_period,
// sysctls, extends within the file. YAML merge keys (<<) and compose's
// ${VAR} interpolation (compose_interp.c) are applied first. Values ECS
// bounds are brought within them. Every other key is a warning at its line
// saying what to do instead: nothing is dropped silently.
#include "import/compose_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode/decode.h"
#include "project/load.h"

Value *compose_get(Value *obj, const char *key)
{
    return obj && obj->kind == VAL_OBJECT ? value_object_get(obj, key, strlen(key)) : NULL;
}

Value *compose_str(Compose *C, Value *at, const char *s)
{
    return value_cstring(C->im->a, at ? at->origin : span_none(), s);
}

Value *compose_num(Compose *C, Value *at, double n)
{
    return value_number(C->im->a, at ? at->origin : span_none(), n);
}

void compose_put(Compose *C, Value *obj, const char *key, Value *v)
{
    if (v)
        value_object_set(C->im->a, obj, key, strlen(key), v);
}

void compose_warn(Compose *C, Value *at, const char *help, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *msg = arena_vprintf(C->im->a, fmt, ap);
    va_end(ap);
    Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, at->origin, "%s", msg);
    if (help)
        diag_help(C->im->diags, g, "%s", help);
}

// A scalar as text ("8000", "true"), or NULL for lists, objects and null.
const char *compose_text_of(Compose *C, Value *v)
{
    char buf[VALUE_NUMBER_BUF];
    if (!v)
        return NULL;
    if (v->kind == VAL_STRING)
        return v->as.str.ptr;
    if (v->kind == VAL_NUMBER)
        return arena_strdup(C->im->a, value_number_text(v->as.number, buf));
    if (v->kind == VAL_BOOL)
        return v->as.boolean ? "true" : "false";
    return NULL;
}

static Value *nonempty(Value *list)
{
    return list && list->as.list.count ? list : NULL;
}

static bool is_true(Value *v)
{
    return v && v->kind == VAL_BOOL && v->as.boolean;
}

Value *compose_push(Compose *C, Value *list, Value *item)
{
    Value *out = value_list_new(C->im->a, list ? list->origin : item->origin,
                                (list ? list->as.list.count : 0) + 1);
    for (uint32_t i = 0; list && i < list->as.list.count; i++)
        out->as.list.items[i] = list->as.list.items[i];
    out->as.list.items[out->as.list.count - 1] = item;
    return out;
}

// A list with its scalars as strings (["--port", 8080] -> ["--port", "8080"]);
// a scalar is a list of one, anything else an empty list.
Value *compose_strings(Compose *C, Value *list)
{
    if (list->kind != VAL_LIST) {
        Value *one = value_list_new(C->im->a, list->origin, compose_text_of(C, list) ? 1 : 0);
        if (compose_text_of(C, list))
            one->as.list.items[0] = compose_str(C, list, compose_text_of(C, list));
        return one;
    }
    Value *out = value_list_new(C->im->a, list->origin, list->as.list.count);
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        Value *it = list->as.list.items[i];
        out->as.list.items[i] =
            compose_text_of(C, it) ? compose_str(C, it, compose_text_of(C, it)) : it;
    }
    return out;
}

// --- YAML merge keys ------------------------------------------------------------------

// `v` with every "<<" key of its objects applied: the object's own members,
// then those of the merged mapping(s) it does not have.
static Value *merged(Compose *C, Value *v, int depth)
{
    if (depth > 64 || !v)
        return v;
    if (v->kind == VAL_LIST) {
        Value *out = value_list_new(C->im->a, v->origin, v->as.list.count);
        for (uint32_t i = 0; i < v->as.list.count; i++)
            out->as.list.items[i] = merged(C, v->as.list.items[i], depth + 1);
        return out;
    }
    if (v->kind != VAL_OBJECT)
        return v;
    Value *out = value_object_new(C->im->a, v->origin, v->as.object.count);
    Value *base = compose_get(v, "<<");
    Value *one[1] = {base};
    Value **bases = base && base->kind == VAL_LIST ? base->as.list.items : one;
    uint32_t nbases = base && base->kind == VAL_LIST ? base->as.list.count : base ? 1 : 0;
    for (uint32_t i = 0; i < v->as.object.count; i++)
        if (strcmp(v->as.object.keys[i].ptr, "<<") != 0)
            compose_put(C, out, v->as.object.keys[i].ptr,
                        merged(C, v->as.object.vals[i], depth + 1));
    for (uint32_t b = 0; b < nbases; b++) {
        Value *m = merged(C, bases[b], depth + 1);
        for (uint32_t i = 0; m && m->kind == VAL_OBJECT && i < m->as.object.count; i++)
            if (!compose_get(out, m->as.object.keys[i].ptr))
                compose_put(C, out, m->as.object.keys[i].ptr, m->as.object.vals[i]);
    }
    return out;
}

// --- the keys of a service -------------------------------------------------------------

static void environment(Compose *C, Value *ct, Value *v, const char *base)
{
    Value *env = compose_get(ct, "environment");
    if (!env)
        env = value_list_new(C->im->a, v->origin, 0);
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *e = v->as.list.items[i];
        const char *s = compose_text_of(C, e), *eq = s ? strchr(s, '=') : NULL;
        if (!eq) {
            compose_warn(C, e,
                         "give the value in the compose file, or add it in the imported source",
                         "environment variable %s takes its value from the shell running compose: "
                         "left out",
                         s ? s : "(not a string)");
            continue;
        }
        Value *pair = value_object_new(C->im->a, e->origin, 2);
        compose_put(C, pair, "name", value_string(C->im->a, e->origin, s, (size_t)(eq - s)));
        compose_put(C, pair, "value", compose_str(C, e, eq + 1));
        env = compose_push(C, env, pair);
    }
    for (uint32_t i = 0; v->kind == VAL_OBJECT && i < v->as.object.count; i++) {
        Value *e = v->as.object.vals[i];
        const char *s = compose_text_of(C, e);
        if (!s) {
            compose_warn(
                C, e, "give the value in the compose file, or add it in the imported source",
                "environment variable %s has no value here: left out", v->as.object.keys[i].ptr);
            continue;
        }
        Value *pair = value_object_new(C->im->a, e->origin, 2);
        compose_put(C, pair, "name", compose_str(C, e, v->as.object.keys[i].ptr));
        compose_put(C, pair, "value", compose_str(C, e, s));
        env = compose_push(C, env, pair);
    }
    (void)base;
    compose_put(C, ct, "environment", env);
}

// KEY=VALUE lines of an env_file, read relative to the compose file.
static void env_file(Compose *C, Value *ct, Value *v, const char *dir)
{
    Value *one[1] = {v};
    Value *const *items = v->kind == VAL_LIST ? v->as.list.items : one;
    uint32_t n = v->kind == VAL_LIST ? v->as.list.count : 1;
    for (uint32_t i = 0; i < n; i++) {
        Value *it = items[i];
        const char *path =
            compose_text_of(C, compose_get(it, "path") ? compose_get(it, "path") : it);
        uint32_t file;
        const char *full =
            !path || path[0] == '/' ? path : arena_printf(C->im->a, "%s%s", dir, path);
        struct stat st;
        if (full && (stat(full, &st) != 0 || !S_ISREG(st.st_mode) || access(full, R_OK) != 0)) {
            compose_warn(C, it, "add its variables under environment:, or import beside the file",
                         "env_file %s cannot be read here: its variables are left out", path);
            continue;
        }
        if (!full || load_read_file(C->im->src, C->im->diags, full, &file) != LOAD_OK)
            continue;
        const SourceFile *f = source_file(C->im->src, file);
        Value *list = value_list_new(C->im->a, it->origin, 0);
        for (const char *p = f->text; *p;) {
            const char *e = strchr(p, '\n');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            char *line = arena_strndup(C->im->a, p, len);
            p += len + (e != NULL);
            while (*line == ' ' || *line == '\t')
                line++;
            if (strncmp(line, "export ", 7) == 0)
                line += 7;
            size_t l = strlen(line);
            while (l && (line[l - 1] == '\r' || line[l - 1] == ' '))
                line[--l] = '\0';
            char *eq = strchr(line, '=');
            if (!*line || *line == '#' || !eq)
                continue;
            size_t vl = strlen(eq + 1);
            if (vl >= 2 && (eq[1] == '"' || eq[1] == '\'') && eq[vl] == eq[1]) {
                eq[vl] = '\0';
                memmove(eq + 1, eq + 2, vl - 1);
            }
            list = compose_push(C, list, compose_str(C, it, line));
        }
        environment(C, ct, list, dir);
    }
}

static Value *depends_on(Compose *C, Value *v)
{
    Value *list = value_list_new(C->im->a, v->origin, 0);
    uint32_t n = v->kind == VAL_LIST     ? v->as.list.count
                 : v->kind == VAL_OBJECT ? v->as.object.count
                                         : 0;
    for (uint32_t i = 0; i < n; i++) {
        Value *it = v->kind == VAL_LIST ? v->as.list.items[i] : v->as.object.vals[i];
        const char *name = v->kind == VAL_LIST ? compose_text_of(C, it) : v->as.object.keys[i].ptr;
        const char *cond = compose_text_of(C, compose_get(it, "condition"));
        if (!name || !compose_get(C->services, name)) {
            compose_warn(C, it, "name a service of this file (names are case-sensitive)",
                         "depends_on %s names no service of this file: left out",
                         name ? name : "?");
            continue;
        }
        const char *ecs = !cond || strcmp(cond, "service_started") == 0 ? "START"
                          : strcmp(cond, "service_healthy") == 0        ? "HEALTHY"
                                                                        : "SUCCESS";
        Value *d = value_object_new(C->im->a, it->origin, 2);
        compose_put(C, d, "containerName", compose_str(C, it, name ? name : ""));
        compose_put(C, d, "condition", compose_str(C, it, ecs));
        list = compose_push(C, list, d);
    }
    return list;
}

// The number `n` of compose key `key`, within the bounds ECS accepts: a
// number outside them is brought to the nearest, with a warning.
static Value *clamped(Compose *C, Value *at, const char *key, double n, double lo, double hi)
{
    double in = n < lo ? lo : n > hi ? hi : n;
    const char *u = strcmp(key, "retries") == 0 ? "" : "s";
    if (in != n)
        compose_warn(C, at, "check that the container still works with it",
                     "%s %g%s is outside the %g%s to %g%s ECS accepts: %g%s is written instead",
                     key, n, u, lo, u, hi, u, in, u);
    return compose_num(C, at, in);
}

// Whether a healthcheck test turns the image's check off (["NONE"]).
static bool test_none(Compose *C, Value *test)
{
    Value *first = test->kind == VAL_LIST && test->as.list.count ? test->as.list.items[0] : NULL;
    const char *s = compose_text_of(C, first);
    return s && strcmp(s, "NONE") == 0;
}

static Value *health_check(Compose *C, Value *v)
{
    Value *test = compose_get(v, "test");
    if (!test || is_true(compose_get(v, "disable")) || test_none(C, test))
        return NULL;
    Value *hc = value_object_new(C->im->a, v->origin, 5);
    Value *cmd = test;
    if (test->kind == VAL_LIST)
        cmd = compose_strings(C, test);
    else if (compose_text_of(C, test)) {
        cmd = value_list_new(C->im->a, test->origin, 2);
        cmd->as.list.items[0] = compose_str(C, test, "CMD-SHELL");
        cmd->as.list.items[1] = compose_str(C, test, compose_text_of(C, test));
    }
    compose_put(C, hc, "command", cmd);
    static const char *const times[][2] = {
        {"interval", "interval"}, {"timeout", "timeout"}, {"start_period", "startPeriod"}};
    static const double lows[] = {5, 2, 0}, highs[] = {300, 60, 300};
    for (size_t i = 0; i < 3; i++) {
        Value *t = compose_get(v, times[i][0]);
        double secs;
        if (t && compose_text_of(C, t) && compose_duration(compose_text_of(C, t), &secs))
            compose_put(C, hc, times[i][1], clamped(C, t, times[i][0], secs, lows[i], highs[i]));
    }
    Value *retries = compose_get(v, "retries");
    if (retries && compose_text_of(C, retries))
        compose_put(C, hc, "retries",
                    clamped(C, retries, "retries", atof(compose_text_of(C, retries)), 1, 10));
    return hc;
}

// deploy.resources, and the v2 keys mem_limit, mem_reservation and cpus.
static void resources(Compose *C, Value *ct, Value *svc)
{
    Value *res = compose_get(compose_get(svc, "deploy"), "resources");
    Value *cpus = compose_get(compose_get(res, "limits"), "cpus");
    Value *mem = compose_get(compose_get(res, "limits"), "memory");
    Value *reserve = compose_get(compose_get(res, "reservations"), "memory");
    cpus = cpus                       ? cpus
           : compose_get(svc, "cpus") ? compose_get(svc, "cpus")
                                      : compose_get(compose_get(res, "reservations"), "cpus");
    mem = mem ? mem : compose_get(svc, "mem_limit");
    reserve = reserve ? reserve : compose_get(svc, "mem_reservation");
    double n;
    if (cpus && compose_text_of(C, cpus)) {
        n = ceil(atof(compose_text_of(C, cpus)) * 1024);
        compose_put(C, ct, "cpu", compose_num(C, cpus, n));
    }
    if (compose_get(ct, "cpu"))
        C->cpu += (uint32_t)compose_get(ct, "cpu")->as.number;
    Value *devices = compose_get(compose_get(res, "reservations"), "devices");
    if (devices)
        compose_warn(
            C, devices,
            "for a GPU, run the task on EC2 with GPU instances and set resource_requirement "
            "{ type = \"GPU\", value = \"1\" }",
            "deploy.resources.reservations.devices: Fargate has no GPUs or other devices, "
            "left out");
    Value *pids = compose_get(compose_get(res, "limits"), "pids");
    if (pids)
        compose_warn(C, pids, "Fargate does not limit the number of processes",
                     "deploy.resources.limits.pids has no ECS equivalent: left out");
    if (mem && compose_mebibytes(C, mem, &n)) {
        compose_put(C, ct, "memory", compose_num(C, mem, n));
        C->memory += (uint32_t)n;
    }
    if (reserve && compose_mebibytes(C, reserve, &n)) {
        compose_put(C, ct, "memoryReservation", compose_num(C, reserve, n));
        if (!mem)
            C->memory += (uint32_t)n;
    }
}

static Value *ulimits(Compose *C, Value *v)
{
    Value *list = value_list_new(C->im->a, v->origin, 0);
    for (uint32_t i = 0; v->kind == VAL_OBJECT && i < v->as.object.count; i++) {
        Value *u = v->as.object.vals[i];
        Value *o = value_object_new(C->im->a, u->origin, 3);
        compose_put(C, o, "name", compose_str(C, u, v->as.object.keys[i].ptr));
        Value *soft = u->kind == VAL_OBJECT ? compose_get(u, "soft") : u;
        Value *hard = u->kind == VAL_OBJECT ? compose_get(u, "hard") : u;
        compose_put(C, o, "softLimit", soft ? soft : NULL);
        compose_put(C, o, "hardLimit", hard ? hard : NULL);
        list = compose_push(C, list, o);
    }
    return list;
}

// labels and sysctls: a map, or a list of "k=v".
static Value *string_map(Compose *C, Value *v)
{
    Value *m = value_object_new(C->im->a, v->origin, 4);
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        const char *s = compose_text_of(C, v->as.list.items[i]), *eq = s ? strchr(s, '=') : NULL;
        if (eq)
            value_object_set(C->im->a, m, s, (size_t)(eq - s),
                             compose_str(C, v->as.list.items[i], eq + 1));
    }
    for (uint32_t i = 0; v->kind == VAL_OBJECT && i < v->as.object.count; i++) {
        const char *s = compose_text_of(C, v->as.object.vals[i]);
        compose_put(C, m, v->as.object.keys[i].ptr,
                    compose_str(C, v->as.object.vals[i], s ? s : ""));
    }
    return m;
}

static Value *pairs(Compose *C, Value *map, const char *k, const char *val)
{
    Value *list = value_list_new(C->im->a, map->origin, 0);
    for (uint32_t i = 0; i < map->as.object.count; i++) {
        Value *o = value_object_new(C->im->a, map->as.object.vals[i]->origin, 2);
        compose_put(C, o, k, compose_str(C, map->as.object.vals[i], map->as.object.keys[i].ptr));
        compose_put(C, o, val, map->as.object.vals[i]);
        list = compose_push(C, list, o);
    }
    return list;
}

static Value *linux_parameters(Compose *C, Value *ct)
{
    Value *lp = compose_get(ct, "linuxParameters");
    if (!lp) {
        lp = value_object_new(C->im->a, ct->origin, 2);
        compose_put(C, ct, "linuxParameters", lp);
    }
    return lp;
}

// cap_add as Fargate takes it: SYS_PTRACE only, a warning for each other.
static Value *fargate_caps(Compose *C, Value *v)
{
    Value *out = value_list_new(C->im->a, v->origin, 0);
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *it = v->as.list.items[i];
        const char *cap = compose_text_of(C, it);
        if (cap && strcmp(cap, "SYS_PTRACE") == 0)
            out = compose_push(C, out, compose_str(C, it, cap));
        else if (cap)
            compose_warn(
                C, it,
                "to keep it, run the task on EC2 (requires_compatibilities = [\"EC2\"]), where "
                "linux_parameters.capabilities.add takes it",
                "capability %s: Fargate adds only SYS_PTRACE, left out", cap);
    }
    return out;
}

static bool fargate_log_driver(Compose *C, Value *driver)
{
    const char *d = compose_text_of(C, driver);
    return d &&
           (strcmp(d, "awslogs") == 0 || strcmp(d, "splunk") == 0 || strcmp(d, "awsfirelens") == 0);
}

// restart ("no", "always", "unless-stopped", "on-failure[:N]") or
// deploy.restart_policy.condition ("none", "any", "on-failure") as the
// container's restart policy: ECS restarts the container in place.
static void restart(Compose *C, Value *ct, Value *v, const char *service)
{
    const char *s = compose_text_of(C, v);
    if (!s || strcmp(s, "no") == 0 || strcmp(s, "none") == 0)
        return;
    bool failure = strncmp(s, "on-failure", 10) == 0;
    if (!failure && strcmp(s, "always") != 0 && strcmp(s, "unless-stopped") != 0 &&
        strcmp(s, "any") != 0) {
        compose_warn(C, v, "use always, unless-stopped, on-failure or no",
                     "restart \"%s\" of service \"%s\" is not a compose restart policy: left out",
                     s, service);
        return;
    }
    Value *rp = value_object_new(C->im->a, v->origin, 2);
    compose_put(C, rp, "enabled", value_bool(C->im->a, v->origin, true));
    if (failure) {
        Value *codes = value_list_new(C->im->a, v->origin, 1);
        codes->as.list.items[0] = compose_num(C, v, 0);
        compose_put(C, rp, "ignoredExitCodes", codes);
    }
    if (failure && s[10] == ':')
        compose_warn(C, v, "an ECS service replaces the task when the container keeps failing",
                     "the most restarts (%s) of service \"%s\": ECS does not count them, left out",
                     s + 11, service);
    compose_put(C, ct, "restartPolicy", rp);
}

// volumes_from ("service", "service:ro", "container:name"): the mount
// points of another container of the task.
static void volumes_from(Compose *C, Value *ct, Value *v, const char *service)
{
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *it = v->as.list.items[i];
        const char *s = compose_text_of(C, it);
        if (!s)
            continue;
        if (strncmp(s, "container:", 10) == 0) {
            compose_warn(
                C, it, "name a service of this file instead",
                "volumes_from %s of service \"%s\": a container outside the task, left out", s,
                service);
            continue;
        }
        const char *colon = strchr(s, ':');
        Value *vf = value_object_new(C->im->a, it->origin, 2);
        compose_put(C, vf, "sourceContainer",
                    value_string(C->im->a, it->origin, s, colon ? (size_t)(colon - s) : strlen(s)));
        if (colon && strcmp(colon + 1, "ro") == 0)
            compose_put(C, vf, "readOnly", value_bool(C->im->a, it->origin, true));
        compose_put(C, ct, "volumesFrom", compose_push(C, compose_get(ct, "volumesFrom"), vf));
    }
}

// What deploy: holds beside resources (read by resources()): the ECS
// service's business, or nothing ECS has.
static void deploy(Compose *C, Value *ct, const char *service, Value *v)
{
    static const char *const keys[][2] = {
        {"replicas", "set desired_count on the ECS service"},
        {"mode", "an ECS service runs replicas (scheduling_strategy REPLICA or DAEMON on EC2)"},
        {"update_config", "set the ECS service's deployment_configuration"},
        {"rollback_config", "set the ECS service's deployment circuit breaker (rollback)"},
        {"placement", "set placement constraints and strategies on the ECS service (EC2)"},
        {"endpoint_mode", "use service discovery (Cloud Map) or a load balancer"},
        {"labels", "tag the ECS service instead"},
    };
    for (uint32_t i = 0; v->kind == VAL_OBJECT && i < v->as.object.count; i++) {
        const char *k = v->as.object.keys[i].ptr;
        const char *instead = NULL;
        for (size_t j = 0; j < sizeof keys / sizeof keys[0]; j++)
            if (strcmp(k, keys[j][0]) == 0)
                instead = keys[j][1];
        if (strcmp(k, "resources") == 0 || strncmp(k, "x-", 2) == 0)
            continue;
        if (strcmp(k, "restart_policy") == 0) {
            Value *rp = v->as.object.vals[i], *cond = compose_get(rp, "condition");
            restart(C, ct, cond ? cond : compose_str(C, rp, "any"), service);
            for (uint32_t j = 0; rp->kind == VAL_OBJECT && j < rp->as.object.count; j++)
                if (strcmp(rp->as.object.keys[j].ptr, "condition") != 0)
                    compose_warn(
                        C, rp->as.object.vals[j],
                        "ECS restarts the container at once; an ECS service replaces a task "
                        "that keeps failing",
                        "deploy.restart_policy.%s of service \"%s\" has no ECS equivalent: "
                        "left out",
                        rp->as.object.keys[j].ptr, service);
            continue;
        }
        compose_warn(C, v->as.object.vals[i], instead ? instead : "see docs/import.md",
                     "deploy.%s of service \"%s\" belongs to the ECS service, not the task "
                     "definition: left out",
                     k, service);
    }
}

// One key of a service; false when it has no ECS meaning here.
static bool service_key(Compose *C, Value *ct, const char *service, const char *k, Value *v,
                        const char *dir)
{
    double secs;
    if (strcmp(k, "image") == 0)
        compose_put(C, ct, "image", v);
    else if (strcmp(k, "command") == 0)
        compose_put(C, ct, "command", compose_split_words(C, v));
    else if (strcmp(k, "entrypoint") == 0)
        compose_put(C, ct, "entryPoint", compose_split_words(C, v));
    else if (strcmp(k, "environment") == 0)
        environment(C, ct, v, dir);
    else if (strcmp(k, "env_file") == 0)
        env_file(C, ct, v, dir);
    else if (strcmp(k, "ports") == 0)
        for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
            Value *pm = compose_port_mapping(C, v->as.list.items[i]);
            if (pm)
                compose_add_port(C, ct, pm, service);
        }
    else if (strcmp(k, "volumes") == 0)
        for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
            Value *mp = compose_mount_point(C, v->as.list.items[i]);
            if (mp)
                compose_put(C, ct, "mountPoints",
                            compose_push(C, compose_get(ct, "mountPoints"), mp));
        }
    else if (strcmp(k, "depends_on") == 0)
        compose_put(C, ct, "dependsOn", nonempty(depends_on(C, v)));
    else if (strcmp(k, "healthcheck") == 0)
        compose_put(C, ct, "healthCheck", health_check(C, v));
    else if (strcmp(k, "deploy") == 0)
        deploy(C, ct, service, v);
    else if (strcmp(k, "restart") == 0)
        restart(C, ct, v, service);
    else if (strcmp(k, "volumes_from") == 0)
        volumes_from(C, ct, v, service);
    else if ((strcmp(k, "privileged") == 0 || strcmp(k, "oom_kill_disable") == 0) &&
             v->kind == VAL_BOOL && !v->as.boolean)
        ; // the default of ECS too
    else if (strcmp(k, "network_mode") == 0 && compose_text_of(C, v) &&
             strncmp(compose_text_of(C, v), "service:", 8) == 0)
        ; // the containers of an awsvpc task share one network namespace
    else if (strcmp(k, "cpu_shares") == 0 && compose_text_of(C, v)) {
        if (!compose_get(ct, "cpu"))
            compose_put(C, ct, "cpu", compose_num(C, v, atof(compose_text_of(C, v))));
    } else if (strcmp(k, "mem_limit") == 0 || strcmp(k, "mem_reservation") == 0 ||
               strcmp(k, "cpus") == 0)
        ; // resources() reads them
    else if (strcmp(k, "user") == 0 && compose_text_of(C, v))
        compose_put(C, ct, "user", compose_str(C, v, compose_text_of(C, v)));
    else if (strcmp(k, "working_dir") == 0)
        compose_put(C, ct, "workingDirectory", v);
    else if (strcmp(k, "labels") == 0)
        compose_put(C, ct, "dockerLabels", string_map(C, v));
    else if (strcmp(k, "ulimits") == 0)
        compose_put(C, ct, "ulimits", ulimits(C, v));
    else if (strcmp(k, "logging") == 0 && !fargate_log_driver(C, compose_get(v, "driver")))
        compose_warn(C, v, "use awslogs (CloudWatch Logs), splunk or awsfirelens",
                     "log driver %s: Fargate does not support it, logging left out",
                     compose_text_of(C, compose_get(v, "driver"))
                         ? compose_text_of(C, compose_get(v, "driver"))
                         : "(none)");
    else if (strcmp(k, "logging") == 0) {
        Value *lc = value_object_new(C->im->a, v->origin, 2);
        compose_put(C, lc, "logDriver", compose_get(v, "driver"));
        compose_put(C, lc, "options",
                    compose_get(v, "options") ? string_map(C, compose_get(v, "options")) : NULL);
        compose_put(C, ct, "logConfiguration", lc);
    } else if (strcmp(k, "read_only") == 0)
        compose_put(C, ct, "readonlyRootFilesystem", v);
    else if (strcmp(k, "tty") == 0)
        compose_put(C, ct, "pseudoTerminal", v);
    else if (strcmp(k, "stdin_open") == 0)
        compose_put(C, ct, "interactive", v);
    else if (strcmp(k, "stop_grace_period") == 0 && compose_text_of(C, v) &&
             compose_duration(compose_text_of(C, v), &secs))
        compose_put(C, ct, "stopTimeout", clamped(C, v, "stop_grace_period", secs, 2, 120));
    else if (strcmp(k, "sysctls") == 0)
        compose_put(C, ct, "systemControls", pairs(C, string_map(C, v), "namespace", "value"));
    else if (strcmp(k, "init") == 0)
        compose_put(C, linux_parameters(C, ct), "initProcessEnabled",
                    value_bool(C->im->a, v->origin, is_true(v)));
    else if (strcmp(k, "cap_add") == 0 || strcmp(k, "cap_drop") == 0) {
        Value *list = nonempty(k[4] == 'a' ? fargate_caps(C, v) : compose_strings(C, v));
        Value *lp = list ? linux_parameters(C, ct) : NULL;
        Value *caps = compose_get(lp, "capabilities");
        if (list && !caps) {
            caps = value_object_new(C->im->a, v->origin, 2);
            compose_put(C, lp, "capabilities", caps);
        }
        if (list)
            compose_put(C, caps, k[4] == 'a' ? "add" : "drop", list);
    } else
        return false;
    return true;
}

static Value *service(Compose *C, const char *name, Value *svc, const char *dir)
{
    Value *ct = value_object_new(C->im->a, svc->origin, 8);
    compose_put(C, ct, "name", compose_str(C, svc, name));
    for (uint32_t i = 0; svc->kind == VAL_OBJECT && i < svc->as.object.count; i++) {
        const char *k = svc->as.object.keys[i].ptr;
        Value *v = svc->as.object.vals[i];
        if (strncmp(k, "x-", 2) == 0 || v->kind == VAL_NULL || service_key(C, ct, name, k, v, dir))
            continue;
        if (strcmp(k, "extra_hosts") == 0 || strcmp(k, "dns") == 0 ||
            strcmp(k, "dns_search") == 0) {
            compose_host_key(C, name, k, v);
            continue;
        }
        if (strcmp(k, "secrets") == 0) {
            compose_secrets(C, ct, name, v);
            continue;
        }
        const char *instead = compose_no_equivalent(k);
        Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, v->origin,
                               "\"%s\" of service \"%s\" has no ECS equivalent: left out", k, name);
        diag_help(C->im->diags, g, "%s", instead ? instead : "see docs/import.md");
    }
    if (!compose_get(ct, "image")) {
        compose_warn(C, svc, "set image to the image you build and push", "service %s has no image",
                     name);
        compose_put(C, ct, "image", compose_str(C, svc, name));
    }
    resources(C, ct, svc);
    return ct;
}

// Fargate pulls logs into CloudWatch (awslogs) and reads secrets with the
// task's execution role: the source names one to replace.
static void execution_role(Compose *C, Value *td, Value *cts)
{
    for (uint32_t i = 0; i < cts->as.list.count; i++) {
        Value *driver =
            compose_get(compose_get(cts->as.list.items[i], "logConfiguration"), "logDriver");
        Value *secret = compose_get(cts->as.list.items[i], "secrets");
        const char *d = compose_text_of(C, driver);
        if ((!d || strcmp(d, "awslogs") != 0) && !secret)
            continue;
        Value *at = d && strcmp(d, "awslogs") == 0 ? driver : secret->as.list.items[0];
        compose_warn(C, at,
                     "replace it with the ARN of your role (AmazonECSTaskExecutionRolePolicy)",
                     "%s needs an execution role on Fargate: execution_role_arn names "
                     "ecsTaskExecutionRole of account 123456789012",
                     at == driver ? "the awslogs driver" : "reading secrets");
        compose_put(C, td, "executionRoleArn",
                    compose_str(C, at, "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"));
        return;
    }
}

// The smallest Fargate size that holds the containers' sums.
static void task_size(Compose *C, Value *td, Value *at)
{
    static const uint32_t cpus[] = {256, 512, 1024, 2048, 4096};
    static const uint32_t mins[] = {512, 1024, 2048, 4096, 8192};
    static const uint32_t maxs[] = {2048, 4096, 8192, 16384, 30720};
    size_t i = 0;
    uint32_t mem = C->memory;
    while (i < 4 && (cpus[i] < C->cpu || maxs[i] < mem))
        i++;
    mem = mem < mins[i] ? mins[i] : (mem + 1023) / 1024 * 1024;
    compose_put(C, td, "cpu", compose_str(C, at, arena_printf(C->im->a, "%u", cpus[i])));
    compose_put(C, td, "memory",
                compose_str(C, at, arena_printf(C->im->a, "%u", mem > maxs[i] ? maxs[i] : mem)));
}

// `svc` with what it takes from the service of this file it extends
// (extends: NAME, or {service: NAME} without file): the keys it does not set
// itself, and the members of maps (environment, labels) it does not set.
// An extends that names another file stays, for a warning.
static Value *extended(Compose *C, Value *services, Value *svc, int depth)
{
    Value *ext = compose_get(svc, "extends");
    const char *name = !ext                      ? NULL
                       : compose_text_of(C, ext) ? compose_text_of(C, ext)
                                                 : compose_text_of(C, compose_get(ext, "service"));
    Value *base =
        name && !compose_get(ext, "file") && depth < 16 ? compose_get(services, name) : NULL;
    if (!base || base == svc)
        return svc;
    base = extended(C, services, base, depth + 1);
    Value *out = value_object_new(C->im->a, svc->origin, svc->as.object.count);
    for (uint32_t i = 0; i < svc->as.object.count; i++)
        if (strcmp(svc->as.object.keys[i].ptr, "extends") != 0)
            compose_put(C, out, svc->as.object.keys[i].ptr, svc->as.object.vals[i]);
    for (uint32_t i = 0; base->kind == VAL_OBJECT && i < base->as.object.count; i++) {
        const char *k = base->as.object.keys[i].ptr;
        Value *mine = compose_get(out, k), *theirs = base->as.object.vals[i];
        if (strcmp(k, "extends") == 0)
            continue;
        if (!mine)
            compose_put(C, out, k, theirs);
        else if (mine->kind == VAL_OBJECT && theirs->kind == VAL_OBJECT)
            for (uint32_t j = 0; j < theirs->as.object.count; j++)
                if (!compose_get(mine, theirs->as.object.keys[j].ptr))
                    compose_put(C, mine, theirs->as.object.keys[j].ptr, theirs->as.object.vals[j]);
    }
    return out;
}

// A container that others await until it completes (compose's
// service_completed_successfully) runs once and exits: ECS wants it not
// essential, or its exit would stop the task.
static void run_once(Compose *C, Value *cts)
{
    for (uint32_t i = 0; i < cts->as.list.count; i++) {
        Value *deps = compose_get(cts->as.list.items[i], "dependsOn");
        for (uint32_t d = 0; deps && d < deps->as.list.count; d++) {
            const char *cond = compose_text_of(C, compose_get(deps->as.list.items[d], "condition"));
            const char *name =
                compose_text_of(C, compose_get(deps->as.list.items[d], "containerName"));
            for (uint32_t j = 0; name && cond && strcmp(cond, "START") != 0 &&
                                 strcmp(cond, "HEALTHY") != 0 && j < cts->as.list.count;
                 j++)
                if (strcmp(compose_text_of(C, compose_get(cts->as.list.items[j], "name")), name) ==
                    0)
                    compose_put(C, cts->as.list.items[j], "essential",
                                value_bool(C->im->a, deps->as.list.items[d]->origin, false));
        }
    }
}

// The top-level keys that are not read above: a warning each.
static void top_level(Compose *C, Value *doc)
{
    static const char *const read[] = {"version", "name", "services", "volumes", "secrets"};
    for (uint32_t i = 0; doc->kind == VAL_OBJECT && i < doc->as.object.count; i++) {
        const char *k = doc->as.object.keys[i].ptr;
        bool known = strncmp(k, "x-", 2) == 0;
        for (size_t j = 0; j < sizeof read / sizeof read[0]; j++)
            known = known || strcmp(k, read[j]) == 0;
        const char *instead = strcmp(k, "include") == 0
                                  ? "import the included files as well, or copy their "
                                    "services into this one"
                                  : compose_no_equivalent(k);
        if (!known)
            compose_warn(C, doc->as.object.vals[i], instead ? instead : "see docs/import.md",
                         "top-level \"%s\" has no ECS equivalent: left out", k);
    }
}

Value *compose_task(Importer *im, Value *doc, const char *family)
{
    Compose C = {.im = im};
    C.volumes = value_list_new(im->a, doc->origin, 0);
    C.secret_names = value_object_new(im->a, doc->origin, 0);
    doc = compose_interpolate(im, merged(&C, doc, 0));
    Value *services = compose_get(doc, "services");
    C.services = services;
    if (!services || services->kind != VAL_OBJECT || services->as.object.count == 0) {
        Diag *g = diag_error(im->diags, E_IMPORT_KIND, services ? services->origin : doc->origin,
                             "this compose file has no services");
        diag_help(im->diags, g, "a compose file maps service names to containers under services:");
        return NULL;
    }
    const char *path = source_file(im->src, im->file)->name;
    const char *slash = strrchr(path, '/');
    const char *dir = slash ? arena_strndup(im->a, path, (size_t)(slash - path) + 1) : "";
    Value *td = value_object_new(im->a, doc->origin, 8);
    Value *name = compose_get(doc, "name");
    compose_put(&C, td, "family",
                name && compose_text_of(&C, name) ? compose_str(&C, name, compose_text_of(&C, name))
                                                  : compose_str(&C, doc, family));
    compose_put(&C, td, "networkMode", compose_str(&C, doc, "awsvpc"));
    Value *compat = value_list_new(im->a, doc->origin, 1);
    compat->as.list.items[0] = compose_str(&C, doc, "FARGATE");
    compose_put(&C, td, "requiresCompatibilities", compat);
    Value *cts = value_list_new(im->a, services->origin, 0);
    for (uint32_t i = 0; i < services->as.object.count; i++)
        cts = compose_push(&C, cts,
                           service(&C, services->as.object.keys[i].ptr,
                                   extended(&C, services, services->as.object.vals[i], 0), dir));
    run_once(&C, cts);
    compose_secret_sources(&C, compose_get(doc, "secrets"));
    task_size(&C, td, doc);
    execution_role(&C, td, cts);
    im->vars = C.vars.count ? hcl_body_text(im, &C.vars, 0) : NULL;
    compose_put(&C, td, "containerDefinitions", cts);
    if (C.volumes->as.list.count)
        compose_put(&C, td, "volumes", C.volumes);
    top_level(&C, doc);
    return td;
}
