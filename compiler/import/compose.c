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

typedef struct Compose {
    Importer *im;
    Value *volumes; // the task's volumes, by name
    uint32_t cpu;   // the containers' sums, for the task size
    uint32_t memory;
    HclBody vars;        // a variable block per compose secret
    Value *secret_names; // their names, as an object (name -> true)
    Value *services;     // the file's services, by name
} Compose;

static Value *get(Value *obj, const char *key)
{
    return obj && obj->kind == VAL_OBJECT ? value_object_get(obj, key, strlen(key)) : NULL;
}

static Value *str(Compose *C, Value *at, const char *s)
{
    return value_cstring(C->im->a, at ? at->origin : span_none(), s);
}

static Value *num(Compose *C, Value *at, double n)
{
    return value_number(C->im->a, at ? at->origin : span_none(), n);
}

static void put(Compose *C, Value *obj, const char *key, Value *v)
{
    if (v)
        value_object_set(C->im->a, obj, key, strlen(key), v);
}

static void warn(Compose *C, Value *at, const char *help, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void warn(Compose *C, Value *at, const char *help, const char *fmt, ...)
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
static const char *text_of(Compose *C, Value *v)
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

static Value *push(Compose *C, Value *list, Value *item)
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
static Value *strings(Compose *C, Value *list)
{
    if (list->kind != VAL_LIST) {
        Value *one = value_list_new(C->im->a, list->origin, text_of(C, list) ? 1 : 0);
        if (text_of(C, list))
            one->as.list.items[0] = str(C, list, text_of(C, list));
        return one;
    }
    Value *out = value_list_new(C->im->a, list->origin, list->as.list.count);
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        Value *it = list->as.list.items[i];
        out->as.list.items[i] = text_of(C, it) ? str(C, it, text_of(C, it)) : it;
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
    Value *base = get(v, "<<");
    Value *one[1] = {base};
    Value **bases = base && base->kind == VAL_LIST ? base->as.list.items : one;
    uint32_t nbases = base && base->kind == VAL_LIST ? base->as.list.count : base ? 1 : 0;
    for (uint32_t i = 0; i < v->as.object.count; i++)
        if (strcmp(v->as.object.keys[i].ptr, "<<") != 0)
            put(C, out, v->as.object.keys[i].ptr, merged(C, v->as.object.vals[i], depth + 1));
    for (uint32_t b = 0; b < nbases; b++) {
        Value *m = merged(C, bases[b], depth + 1);
        for (uint32_t i = 0; m && m->kind == VAL_OBJECT && i < m->as.object.count; i++)
            if (!get(out, m->as.object.keys[i].ptr))
                put(C, out, m->as.object.keys[i].ptr, m->as.object.vals[i]);
    }
    return out;
}

// --- values compose writes as text ----------------------------------------------------

// A command line split as compose splits it: white space separates words;
// single quotes keep everything, double quotes allow \" and \\.
static Value *split_words(Compose *C, Value *v)
{
    if (v->kind == VAL_LIST)
        return strings(C, v);
    const char *s = text_of(C, v);
    if (!s)
        return v;
    Value *list = value_list_new(C->im->a, v->origin, 0);
    StrBuf w;
    buf_init(&w, C->im->a, 0);
    bool in_word = false;
    char quote = 0;
    for (const char *p = s;; p++) {
        if (!*p || (!quote && strchr(" \t\n", *p))) {
            if (in_word)
                list = push(C, list, str(C, v, w.ptr ? w.ptr : ""));
            buf_init(&w, C->im->a, 0);
            in_word = false;
            if (!*p)
                break;
            continue;
        }
        in_word = true;
        if (quote && *p == quote)
            quote = 0;
        else if (!quote && (*p == '\'' || *p == '"'))
            quote = *p;
        else if (*p == '\\' && quote != '\'' && p[1])
            buf_putc(&w, *++p);
        else
            buf_putc(&w, *p);
        buf_puts(&w, "");
    }
    return list;
}

// Seconds of a compose duration ("30s", "1m30s", "1h", "500ms"), rounded
// up; false when it is none.
static bool duration(const char *s, double *out)
{
    double total = 0;
    if (!*s)
        return false;
    while (*s) {
        char *end;
        double n = strtod(s, &end);
        if (end == s || n < 0)
            return false;
        s = end;
        double unit = strncmp(s, "ms", 2) == 0   ? 0.001
                      : strncmp(s, "us", 2) == 0 ? 1e-6
                      : *s == 'h'                ? 3600
                      : *s == 'm'                ? 60
                      : *s == 's' || !*s         ? 1
                                                 : -1;
        if (unit < 0)
            return false;
        s += (unit == 0.001 || unit == 1e-6) ? 2 : *s ? 1 : 0;
        total += n * unit;
    }
    *out = ceil(total);
    return true;
}

// MiB of a compose byte size ("512m", "1g", "1gb", 1073741824).
static bool mebibytes(Compose *C, Value *v, double *out)
{
    const char *s = text_of(C, v);
    char *end;
    double n = s ? strtod(s, &end) : 0;
    if (!s || end == s || n < 0)
        return false;
    char u = (char)(*end | 0x20);
    double mib = u == 'k'                   ? n / 1024
                 : u == 'm'                 ? n
                 : u == 'g'                 ? n * 1024
                 : u == 'b' || *end == '\0' ? n / 1048576
                                            : -1;
    if (mib < 0)
        return false;
    *out = ceil(mib);
    return true;
}

// --- the keys of a service -------------------------------------------------------------

static void environment(Compose *C, Value *ct, Value *v, const char *base)
{
    Value *env = get(ct, "environment");
    if (!env)
        env = value_list_new(C->im->a, v->origin, 0);
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *e = v->as.list.items[i];
        const char *s = text_of(C, e), *eq = s ? strchr(s, '=') : NULL;
        if (!eq) {
            warn(C, e, "give the value in the compose file, or add it in the imported source",
                 "environment variable %s takes its value from the shell running compose: "
                 "left out",
                 s ? s : "(not a string)");
            continue;
        }
        Value *pair = value_object_new(C->im->a, e->origin, 2);
        put(C, pair, "name", value_string(C->im->a, e->origin, s, (size_t)(eq - s)));
        put(C, pair, "value", str(C, e, eq + 1));
        env = push(C, env, pair);
    }
    for (uint32_t i = 0; v->kind == VAL_OBJECT && i < v->as.object.count; i++) {
        Value *e = v->as.object.vals[i];
        const char *s = text_of(C, e);
        if (!s) {
            warn(C, e, "give the value in the compose file, or add it in the imported source",
                 "environment variable %s has no value here: left out", v->as.object.keys[i].ptr);
            continue;
        }
        Value *pair = value_object_new(C->im->a, e->origin, 2);
        put(C, pair, "name", str(C, e, v->as.object.keys[i].ptr));
        put(C, pair, "value", str(C, e, s));
        env = push(C, env, pair);
    }
    (void)base;
    put(C, ct, "environment", env);
}

// KEY=VALUE lines of an env_file, read relative to the compose file.
static void env_file(Compose *C, Value *ct, Value *v, const char *dir)
{
    Value *one[1] = {v};
    Value *const *items = v->kind == VAL_LIST ? v->as.list.items : one;
    uint32_t n = v->kind == VAL_LIST ? v->as.list.count : 1;
    for (uint32_t i = 0; i < n; i++) {
        Value *it = items[i];
        const char *path = text_of(C, get(it, "path") ? get(it, "path") : it);
        uint32_t file;
        const char *full =
            !path || path[0] == '/' ? path : arena_printf(C->im->a, "%s%s", dir, path);
        struct stat st;
        if (full && (stat(full, &st) != 0 || !S_ISREG(st.st_mode) || access(full, R_OK) != 0)) {
            warn(C, it, "add its variables under environment:, or import beside the file",
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
            list = push(C, list, str(C, it, line));
        }
        environment(C, ct, list, dir);
    }
}

static void published_warning(Compose *C, Value *at, const char *host)
{
    warn(C, at, "the load balancer or service discovery publishes the port instead",
         "published port %s: under awsvpc a container's port is the task's own, left out", host);
}

// The long form: {target, published, protocol, host_ip, mode}.
static Value *long_port(Compose *C, Value *p, Value *pm)
{
    Value *t = get(p, "target"), *pub = get(p, "published");
    const char *ts = text_of(C, t), *ps = text_of(C, pub);
    if (ts && strchr(ts, '-'))
        put(C, pm, "containerPortRange", str(C, t, ts));
    else if (ts)
        put(C, pm, "containerPort", num(C, t, atof(ts)));
    if (ps && ts && strcmp(ps, ts) == 0 && !strchr(ts, '-'))
        put(C, pm, "hostPort", num(C, pub, atof(ps)));
    else if (ps && ts && strcmp(ps, ts) != 0)
        published_warning(C, pub, ps);
    if (get(p, "protocol"))
        put(C, pm, "protocol", get(p, "protocol"));
    return ts ? pm : NULL;
}

static Value *port_mapping(Compose *C, Value *p)
{
    Value *pm = value_object_new(C->im->a, p->origin, 3);
    if (p->kind == VAL_OBJECT)
        return long_port(C, p, pm);
    const char *s = text_of(C, p);
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
            put(C, pm, "hostPort", num(C, p, atof(host)));
        else if (*host && strcmp(host, target) != 0)
            published_warning(C, p, host);
    }
    if (!*target)
        return NULL;
    if (strchr(target, '-'))
        put(C, pm, "containerPortRange", str(C, p, target));
    else
        put(C, pm, "containerPort", num(C, p, atof(target)));
    if (proto)
        put(C, pm, "protocol", str(C, p, proto));
    return pm;
}

// The container port (or range) of a mapping, as text.
static const char *port_key(Compose *C, Value *pm)
{
    Value *range = get(pm, "containerPortRange");
    return range ? range->as.str.ptr : text_of(C, get(pm, "containerPort"));
}

static const char *protocol(Compose *C, Value *pm)
{
    const char *p = text_of(C, get(pm, "protocol"));
    return p ? p : "tcp";
}

// Adds `pm` to the container's port mappings, unless an earlier one maps the
// same container port: ECS cannot expose one port for two protocols.
static void add_port(Compose *C, Value *ct, Value *pm, const char *service)
{
    Value *list = get(ct, "portMappings");
    const char *key = port_key(C, pm);
    for (uint32_t i = 0; key && list && i < list->as.list.count; i++) {
        const char *k = port_key(C, list->as.list.items[i]);
        if (!k || strcmp(k, key) != 0)
            continue;
        if (strcmp(protocol(C, pm), protocol(C, list->as.list.items[i])) == 0)
            return; // the same mapping again: compose publishes it on several host ports
        warn(C, pm, "serve the other protocol on another container port, or run a second container",
             "container port %s of service \"%s\" is mapped again for %s: ECS cannot expose "
             "one container port for two protocols, left out",
             key, service, protocol(C, pm));
        return;
    }
    put(C, ct, "portMappings", push(C, list, pm));
}

// A volume of the task (once per name). On Fargate a volume is storage of
// the task that its containers share and that ends with it: a bind mount of
// the host's files, or data that must outlive the task, needs more (EFS).
static void task_volume(Compose *C, const char *name, const char *host_path, Value *at)
{
    for (uint32_t i = 0; i < C->volumes->as.list.count; i++)
        if (strcmp(get(C->volumes->as.list.items[i], "name")->as.str.ptr, name) == 0)
            return;
    Value *vol = value_object_new(C->im->a, at->origin, 2);
    put(C, vol, "name", str(C, at, name));
    if (host_path)
        warn(C, at, "bake the files into the image, or put them on an EFS volume",
             "bind mount %s: Fargate has no host files; the volume starts empty", host_path);
    else
        warn(C, at,
             "for data that must outlive the task, give the volume an "
             "efs_volume_configuration",
             "named volume %s: on Fargate it lasts as long as the task", name);
    C->volumes = push(C, C->volumes, vol);
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

static Value *mount_point(Compose *C, Value *v)
{
    const char *source = NULL, *target = NULL;
    bool ro = false;
    if (v->kind == VAL_OBJECT) {
        source = text_of(C, get(v, "source"));
        target = text_of(C, get(v, "target"));
        ro = get(v, "read_only") && get(v, "read_only")->kind == VAL_BOOL &&
             get(v, "read_only")->as.boolean;
    } else if (text_of(C, v)) {
        char *spec = arena_strdup(C->im->a, text_of(C, v));
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
    put(C, mp, "sourceVolume", str(C, v, name));
    put(C, mp, "containerPath", str(C, v, target));
    if (ro)
        put(C, mp, "readOnly", value_bool(C->im->a, v->origin, true));
    return mp;
}

static Value *depends_on(Compose *C, Value *v)
{
    Value *list = value_list_new(C->im->a, v->origin, 0);
    uint32_t n = v->kind == VAL_LIST     ? v->as.list.count
                 : v->kind == VAL_OBJECT ? v->as.object.count
                                         : 0;
    for (uint32_t i = 0; i < n; i++) {
        Value *it = v->kind == VAL_LIST ? v->as.list.items[i] : v->as.object.vals[i];
        const char *name = v->kind == VAL_LIST ? text_of(C, it) : v->as.object.keys[i].ptr;
        const char *cond = text_of(C, get(it, "condition"));
        if (!name || !get(C->services, name)) {
            warn(C, it, "name a service of this file (names are case-sensitive)",
                 "depends_on %s names no service of this file: left out", name ? name : "?");
            continue;
        }
        const char *ecs = !cond || strcmp(cond, "service_started") == 0 ? "START"
                          : strcmp(cond, "service_healthy") == 0        ? "HEALTHY"
                                                                        : "SUCCESS";
        Value *d = value_object_new(C->im->a, it->origin, 2);
        put(C, d, "containerName", str(C, it, name ? name : ""));
        put(C, d, "condition", str(C, it, ecs));
        list = push(C, list, d);
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
        warn(C, at, "check that the container still works with it",
             "%s %g%s is outside the %g%s to %g%s ECS accepts: %g%s is written instead", key, n, u,
             lo, u, hi, u, in, u);
    return num(C, at, in);
}

// Whether a healthcheck test turns the image's check off (["NONE"]).
static bool test_none(Compose *C, Value *test)
{
    Value *first = test->kind == VAL_LIST && test->as.list.count ? test->as.list.items[0] : NULL;
    const char *s = text_of(C, first);
    return s && strcmp(s, "NONE") == 0;
}

static Value *health_check(Compose *C, Value *v)
{
    Value *test = get(v, "test");
    if (!test || is_true(get(v, "disable")) || test_none(C, test))
        return NULL;
    Value *hc = value_object_new(C->im->a, v->origin, 5);
    Value *cmd = test;
    if (test->kind == VAL_LIST)
        cmd = strings(C, test);
    else if (text_of(C, test)) {
        cmd = value_list_new(C->im->a, test->origin, 2);
        cmd->as.list.items[0] = str(C, test, "CMD-SHELL");
        cmd->as.list.items[1] = str(C, test, text_of(C, test));
    }
    put(C, hc, "command", cmd);
    static const char *const times[][2] = {
        {"interval", "interval"}, {"timeout", "timeout"}, {"start_period", "startPeriod"}};
    static const double lows[] = {5, 2, 0}, highs[] = {300, 60, 300};
    for (size_t i = 0; i < 3; i++) {
        Value *t = get(v, times[i][0]);
        double secs;
        if (t && text_of(C, t) && duration(text_of(C, t), &secs))
            put(C, hc, times[i][1], clamped(C, t, times[i][0], secs, lows[i], highs[i]));
    }
    Value *retries = get(v, "retries");
    if (retries && text_of(C, retries))
        put(C, hc, "retries", clamped(C, retries, "retries", atof(text_of(C, retries)), 1, 10));
    return hc;
}

// deploy.resources, and the v2 keys mem_limit, mem_reservation and cpus.
static void resources(Compose *C, Value *ct, Value *svc)
{
    Value *res = get(get(svc, "deploy"), "resources");
    Value *cpus = get(get(res, "limits"), "cpus");
    Value *mem = get(get(res, "limits"), "memory");
    Value *reserve = get(get(res, "reservations"), "memory");
    cpus = cpus               ? cpus
           : get(svc, "cpus") ? get(svc, "cpus")
                              : get(get(res, "reservations"), "cpus");
    mem = mem ? mem : get(svc, "mem_limit");
    reserve = reserve ? reserve : get(svc, "mem_reservation");
    double n;
    if (cpus && text_of(C, cpus)) {
        n = ceil(atof(text_of(C, cpus)) * 1024);
        put(C, ct, "cpu", num(C, cpus, n));
    }
    if (get(ct, "cpu"))
        C->cpu += (uint32_t)get(ct, "cpu")->as.number;
    Value *devices = get(get(res, "reservations"), "devices");
    if (devices)
        warn(C, devices,
             "for a GPU, run the task on EC2 with GPU instances and set resource_requirement "
             "{ type = \"GPU\", value = \"1\" }",
             "deploy.resources.reservations.devices: Fargate has no GPUs or other devices, "
             "left out");
    Value *pids = get(get(res, "limits"), "pids");
    if (pids)
        warn(C, pids, "Fargate does not limit the number of processes",
             "deploy.resources.limits.pids has no ECS equivalent: left out");
    if (mem && mebibytes(C, mem, &n)) {
        put(C, ct, "memory", num(C, mem, n));
        C->memory += (uint32_t)n;
    }
    if (reserve && mebibytes(C, reserve, &n)) {
        put(C, ct, "memoryReservation", num(C, reserve, n));
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
        put(C, o, "name", str(C, u, v->as.object.keys[i].ptr));
        Value *soft = u->kind == VAL_OBJECT ? get(u, "soft") : u;
        Value *hard = u->kind == VAL_OBJECT ? get(u, "hard") : u;
        put(C, o, "softLimit", soft ? soft : NULL);
        put(C, o, "hardLimit", hard ? hard : NULL);
        list = push(C, list, o);
    }
    return list;
}

// labels and sysctls: a map, or a list of "k=v".
static Value *string_map(Compose *C, Value *v)
{
    Value *m = value_object_new(C->im->a, v->origin, 4);
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        const char *s = text_of(C, v->as.list.items[i]), *eq = s ? strchr(s, '=') : NULL;
        if (eq)
            value_object_set(C->im->a, m, s, (size_t)(eq - s), str(C, v->as.list.items[i], eq + 1));
    }
    for (uint32_t i = 0; v->kind == VAL_OBJECT && i < v->as.object.count; i++) {
        const char *s = text_of(C, v->as.object.vals[i]);
        put(C, m, v->as.object.keys[i].ptr, str(C, v->as.object.vals[i], s ? s : ""));
    }
    return m;
}

static Value *pairs(Compose *C, Value *map, const char *k, const char *val)
{
    Value *list = value_list_new(C->im->a, map->origin, 0);
    for (uint32_t i = 0; i < map->as.object.count; i++) {
        Value *o = value_object_new(C->im->a, map->as.object.vals[i]->origin, 2);
        put(C, o, k, str(C, map->as.object.vals[i], map->as.object.keys[i].ptr));
        put(C, o, val, map->as.object.vals[i]);
        list = push(C, list, o);
    }
    return list;
}

static Value *linux_parameters(Compose *C, Value *ct)
{
    Value *lp = get(ct, "linuxParameters");
    if (!lp) {
        lp = value_object_new(C->im->a, ct->origin, 2);
        put(C, ct, "linuxParameters", lp);
    }
    return lp;
}

// --- keys that ECS has only off Fargate, and secrets --------------------------------

// The items of a string or a list of strings, as one text: "\"a\", \"b\"".
static const char *quoted_list(Compose *C, Value *v)
{
    StrBuf b;
    buf_init(&b, C->im->a, 0);
    buf_puts(&b, "");
    for (uint32_t i = 0; i < (v->kind == VAL_LIST ? v->as.list.count : 1); i++) {
        const char *s = text_of(C, v->kind == VAL_LIST ? v->as.list.items[i] : v);
        if (s)
            buf_puts(&b, arena_printf(C->im->a, "%s%s", b.len ? ", " : "",
                                      hcl_string(C->im->a, s, strlen(s))));
    }
    return b.ptr;
}

// extra_hosts ("host:ip", "host=ip", or a map) as the source of ECS extraHosts.
static const char *host_entries(Compose *C, Value *v)
{
    Arena *a = C->im->a;
    StrBuf b;
    buf_init(&b, a, 0);
    buf_puts(&b, "");
    uint32_t n = v->kind == VAL_LIST     ? v->as.list.count
                 : v->kind == VAL_OBJECT ? v->as.object.count
                                         : 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *host, *ip;
        if (v->kind == VAL_OBJECT) {
            host = v->as.object.keys[i].ptr;
            ip = text_of(C, v->as.object.vals[i]);
        } else {
            const char *s = text_of(C, v->as.list.items[i]);
            size_t cut = s ? strcspn(s, "=:") : 0;
            if (!s || !s[cut])
                continue;
            host = arena_strndup(a, s, cut);
            ip = s + cut + 1;
        }
        if (!ip)
            continue;
        buf_puts(&b,
                 arena_printf(a, "%s{ hostname = %s, ip_address = %s }", b.len ? ", " : "",
                              hcl_string(a, host, strlen(host)), hcl_string(a, ip, strlen(ip))));
    }
    return b.ptr;
}

// extra_hosts, dns and dns_search: ECS has them (extraHosts, dnsServers,
// dnsSearchDomains) but not under awsvpc nor on Fargate, where the task goes
// (rules NET-4, FG-4): a warning with the member to write on EC2.
static void host_key(Compose *C, const char *service, const char *k, Value *v)
{
    const char *member = strcmp(k, "extra_hosts") == 0 ? "extra_hosts"
                         : strcmp(k, "dns") == 0       ? "dns_servers"
                                                       : "dns_search_domains";
    const char *api = strcmp(k, "extra_hosts") == 0 ? "extraHosts"
                      : strcmp(k, "dns") == 0       ? "dnsServers"
                                                    : "dnsSearchDomains";
    const char *value = strcmp(k, "extra_hosts") == 0
                            ? arena_printf(C->im->a, "[%s]", host_entries(C, v))
                            : arena_printf(C->im->a, "[%s]", quoted_list(C, v));
    const char *fargate = strcmp(k, "extra_hosts") == 0
                              ? "on Fargate, give the names DNS records instead (a Route 53 "
                                "private hosted zone of the VPC, or Cloud Map)"
                              : "on Fargate, the task uses the VPC's resolver: set the VPC's "
                                "DHCP options, or Route 53 Resolver rules";
    Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, v->origin,
                           "\"%s\" of service \"%s\" left out: ECS allows %s neither under "
                           "awsvpc nor on Fargate, where this import puts the task",
                           k, service, api);
    diag_help(C->im->diags, g,
              "to keep it, run the task on EC2 with network_mode = \"bridge\" and "
              "requires_compatibilities = [\"EC2\"], and set %s = %s in container \"%s\"; %s",
              member, value, service, fargate);
}

// The ref (an expression the writer writes as it is) var.NAME.
static Value *var_ref(Compose *C, Value *at, const char *name)
{
    Importer *im = C->im;
    Value *v = str(C, at, arena_printf(im->a, "var.%s", name));
    BUF_RESERVE(im->a, im->refs, im->nrefs, im->cap);
    im->refs[im->nrefs++] = v;
    return v;
}

// `s` with every character but letters, digits and '_' made '_'.
static char *plain(Arena *a, const char *s, bool lower)
{
    char *out = arena_strdup(a, s);
    for (char *p = out; *p; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '_';
        *p = !ok ? '_' : lower && *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
    }
    return out;
}

// The name of the variable that holds the ARN of compose secret `name`:
// NAME_secret_arn, or secret_NAME_arn when NAME starts with a digit (a
// name cannot).
static const char *secret_var_name(Arena *a, const char *name)
{
    const char *p = plain(a, name, true);
    return arena_printf(a, *p >= '0' && *p <= '9' ? "secret_%s_arn" : "%s_secret_arn", p);
}

// The variable that holds the ARN of compose secret `name`, declared once.
static const char *secret_var(Compose *C, const char *name, Value *at)
{
    Arena *a = C->im->a;
    const char *var = secret_var_name(a, name);
    if (get(C->secret_names, var))
        return var;
    put(C, C->secret_names, var, at);
    HclBody body = {0};
    const char *d = arena_printf(a,
                                 "ARN of the SSM parameter or Secrets Manager secret holding "
                                 "compose secret %s, mounted by compose at /run/secrets/%s; the "
                                 "container now receives it in the environment variable %s",
                                 name, name, plain(a, name, false));
    const char *def = arena_printf(a, "arn:aws:ssm:us-east-1:123456789012:parameter/%s", name);
    hcl_add(C->im, &body, HCL_ATTR, "type", "string");
    hcl_add(C->im, &body, HCL_ATTR, "description", hcl_string(a, d, strlen(d)));
    hcl_add(C->im, &body, HCL_ATTR, "default", hcl_string(a, def, strlen(def)));
    hcl_add(C->im, &C->vars, HCL_BLOCK, arena_printf(a, "variable \"%s\"", var),
            hcl_body_text(C->im, &body, 1));
    return var;
}

// A service's secrets (names, or {source, target}): each an ECS secret in
// the environment variable of its name, from var.NAME_secret_arn.
static void secrets(Compose *C, Value *ct, const char *service, Value *v)
{
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *it = v->as.list.items[i];
        const char *name = text_of(C, it) ? text_of(C, it) : text_of(C, get(it, "source"));
        if (!name || !*name)
            continue;
        const char *target = text_of(C, get(it, "target"));
        const char *file = !target            ? arena_printf(C->im->a, "/run/secrets/%s", name)
                           : target[0] == '/' ? target
                                              : arena_printf(C->im->a, "/run/secrets/%s", target);
        const char *env = plain(C->im->a, name, false);
        const char *var = secret_var(C, name, it);
        Value *e = value_object_new(C->im->a, it->origin, 2);
        put(C, e, "name", str(C, it, env));
        put(C, e, "valueFrom", var_ref(C, it, var));
        put(C, ct, "secrets", push(C, get(ct, "secrets"), e));
        Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, it->origin,
                               "secret \"%s\" of service \"%s\": compose mounts it as the file "
                               "%s, ECS gives it in the environment variable %s instead",
                               name, service, file, env);
        diag_help(C->im->diags, g,
                  "set var.%s to the ARN of an SSM parameter or Secrets Manager secret holding "
                  "it (its default is a placeholder), and make the application read $%s, or "
                  "write it to %s in the entry point",
                  var, env, file);
    }
}

// Top-level secrets read from a file or the shell's environment: compose's
// own, which ECS cannot read.
static void secret_sources(Compose *C, Value *top)
{
    for (uint32_t i = 0; top && top->kind == VAL_OBJECT && i < top->as.object.count; i++) {
        const char *name = top->as.object.keys[i].ptr;
        Value *def = top->as.object.vals[i];
        Value *file = get(def, "file"), *env = get(def, "environment");
        if (!file && !env)
            continue;
        Value *at = file ? file : env;
        Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, at->origin,
                               "secret \"%s\" comes from %s %s, which only compose reads", name,
                               file ? "the file" : "the environment variable",
                               text_of(C, at) ? text_of(C, at) : "?");
        diag_help(C->im->diags, g,
                  "store its value in SSM Parameter Store (aws ssm put-parameter --type "
                  "SecureString) or Secrets Manager, and set var.%s to its ARN",
                  secret_var_name(C->im->a, name));
    }
}

// The keys with no ECS meaning, and what to do instead.
static const char *no_equivalent(const char *key)
{
    static const char *const keys[][2] = {
        {"build", "build and push the image (docker build, docker push), then set image"},
        {"links", "containers of a task reach each other on localhost (awsvpc)"},
        {"networks", "the containers of a task share its network (awsvpc); security groups are "
                     "set on the service"},
        {"network_mode", "a task on Fargate uses awsvpc"},
        {"expose", "every port is open to the other containers of the task"},
        {"privileged", "Fargate does not run privileged containers"},
        {"devices", "Fargate gives no access to host devices; on EC2, linux_parameters has "
                    "device blocks (host_path, container_path)"},
        {"pid", "set pid_mode on the task (EC2 only)"},
        {"ipc", "set ipc_mode on the task (EC2 only)"},
        {"configs", "bake the files into the image, or read them from S3 or SSM"},
        {"profiles", "import the services of one profile, or drop the others"},
        {"scale", "set desired_count on the ECS service"},
        {"shm_size", "Fargate does not set the shared memory size; on EC2, "
                     "linux_parameters.shared_memory_size (MiB) does"},
        {"tmpfs", "Fargate does not mount tmpfs; on EC2, linux_parameters has tmpfs blocks "
                  "(container_path, size in MiB)"},
        {"extends", "copy the keys of the service it extends (from the other file) into this "
                    "one"},
        {"runtime", "ECS runs containers with its own runtime"},
        {"develop", "compose watch is for development; rebuild and push the image instead"},
        {"external_links", "containers of a task reach each other on localhost; reach "
                           "others through service discovery (Cloud Map)"},
        {"annotations", "set docker_labels, or tag the task definition"},
        {"blkio_config", "Fargate does not set block IO weights"},
        {"cpu_count", "set the container's cpu (1024 units per CPU)"},
        {"cpu_percent", "set the container's cpu (1024 units per CPU)"},
        {"cpu_quota", "set the container's cpu (1024 units per CPU)"},
        {"cpu_period", "set the container's cpu (1024 units per CPU)"},
        {"cpu_rt_runtime", "Fargate does not give real-time CPU time"},
        {"cpu_rt_period", "Fargate does not give real-time CPU time"},
        {"cpuset", "Fargate does not pin CPUs"},
        {"memswap_limit", "Fargate has no swap; on EC2, linux_parameters.max_swap (MiB)"},
        {"mem_swappiness", "Fargate has no swap; on EC2, linux_parameters.swappiness"},
        {"oom_kill_disable", "ECS does not turn off the OOM killer"},
        {"pids_limit", "Fargate does not limit the number of processes"},
        {"group_add", "set user = \"UID:GID\", or add the groups in the image"},
        {"uts", "under awsvpc the task has its own UTS namespace"},
        {"storage_opt", "Fargate sets the storage: ephemeral_storage of the task (GiB)"},
        {"isolation", "Windows isolation is set by the platform"},
        {"attach", "the logs go to the log driver (log_configuration)"},
        {"dns_opt", "on Fargate, the task uses the VPC's resolver"},
        {"gpus", "run the task on EC2 with GPU instances and set resource_requirement "
                 "{ type = \"GPU\", value = \"1\" }"},
        {"label_file", "give the labels under labels:"},
        {"post_start", "run the command in the image's entry point"},
        {"pre_stop", "handle SIGTERM in the container (stop_timeout gives it time)"},
        {"credential_spec", "credential_specs of a container take an S3 or SSM ARN (gMSA)"},
        {"mac_address", "under awsvpc the task's network interface has its own address"},
        {"cgroup_parent", "Fargate does not place containers in your cgroups"},
        {"userns_mode", "Fargate does not set the user namespace"},
        {"oom_score_adj", "Fargate does not set the OOM score"},
        {"domainname", "use service discovery (Cloud Map) for names"},
        {"security_opt", "Fargate does not take Docker security options"},
        {"stop_signal", "ECS sends the image's STOPSIGNAL: set it in the Dockerfile"},
        {"platform", "set runtime_platform on the task"},
        {"pull_policy", "ECS pulls the image when a task starts"},
        {"container_name", "the service's name names the container"},
        {"hostname", "under awsvpc a task has the name of its network interface; use "
                     "service discovery (Cloud Map) for a stable name"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(key, keys[i][0]) == 0)
            return keys[i][1];
    return NULL;
}

// cap_add as Fargate takes it: SYS_PTRACE only, a warning for each other.
static Value *fargate_caps(Compose *C, Value *v)
{
    Value *out = value_list_new(C->im->a, v->origin, 0);
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *it = v->as.list.items[i];
        const char *cap = text_of(C, it);
        if (cap && strcmp(cap, "SYS_PTRACE") == 0)
            out = push(C, out, str(C, it, cap));
        else if (cap)
            warn(C, it,
                 "to keep it, run the task on EC2 (requires_compatibilities = [\"EC2\"]), where "
                 "linux_parameters.capabilities.add takes it",
                 "capability %s: Fargate adds only SYS_PTRACE, left out", cap);
    }
    return out;
}

static bool fargate_log_driver(Compose *C, Value *driver)
{
    const char *d = text_of(C, driver);
    return d &&
           (strcmp(d, "awslogs") == 0 || strcmp(d, "splunk") == 0 || strcmp(d, "awsfirelens") == 0);
}

// restart ("no", "always", "unless-stopped", "on-failure[:N]") or
// deploy.restart_policy.condition ("none", "any", "on-failure") as the
// container's restart policy: ECS restarts the container in place.
static void restart(Compose *C, Value *ct, Value *v, const char *service)
{
    const char *s = text_of(C, v);
    if (!s || strcmp(s, "no") == 0 || strcmp(s, "none") == 0)
        return;
    bool failure = strncmp(s, "on-failure", 10) == 0;
    if (!failure && strcmp(s, "always") != 0 && strcmp(s, "unless-stopped") != 0 &&
        strcmp(s, "any") != 0) {
        warn(C, v, "use always, unless-stopped, on-failure or no",
             "restart \"%s\" of service \"%s\" is not a compose restart policy: left out", s,
             service);
        return;
    }
    Value *rp = value_object_new(C->im->a, v->origin, 2);
    put(C, rp, "enabled", value_bool(C->im->a, v->origin, true));
    if (failure) {
        Value *codes = value_list_new(C->im->a, v->origin, 1);
        codes->as.list.items[0] = num(C, v, 0);
        put(C, rp, "ignoredExitCodes", codes);
    }
    if (failure && s[10] == ':')
        warn(C, v, "an ECS service replaces the task when the container keeps failing",
             "the most restarts (%s) of service \"%s\": ECS does not count them, left out", s + 11,
             service);
    put(C, ct, "restartPolicy", rp);
}

// volumes_from ("service", "service:ro", "container:name"): the mount
// points of another container of the task.
static void volumes_from(Compose *C, Value *ct, Value *v, const char *service)
{
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *it = v->as.list.items[i];
        const char *s = text_of(C, it);
        if (!s)
            continue;
        if (strncmp(s, "container:", 10) == 0) {
            warn(C, it, "name a service of this file instead",
                 "volumes_from %s of service \"%s\": a container outside the task, left out", s,
                 service);
            continue;
        }
        const char *colon = strchr(s, ':');
        Value *vf = value_object_new(C->im->a, it->origin, 2);
        put(C, vf, "sourceContainer",
            value_string(C->im->a, it->origin, s, colon ? (size_t)(colon - s) : strlen(s)));
        if (colon && strcmp(colon + 1, "ro") == 0)
            put(C, vf, "readOnly", value_bool(C->im->a, it->origin, true));
        put(C, ct, "volumesFrom", push(C, get(ct, "volumesFrom"), vf));
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
            Value *rp = v->as.object.vals[i], *cond = get(rp, "condition");
            restart(C, ct, cond ? cond : str(C, rp, "any"), service);
            for (uint32_t j = 0; rp->kind == VAL_OBJECT && j < rp->as.object.count; j++)
                if (strcmp(rp->as.object.keys[j].ptr, "condition") != 0)
                    warn(C, rp->as.object.vals[j],
                         "ECS restarts the container at once; an ECS service replaces a task "
                         "that keeps failing",
                         "deploy.restart_policy.%s of service \"%s\" has no ECS equivalent: "
                         "left out",
                         rp->as.object.keys[j].ptr, service);
            continue;
        }
        warn(C, v->as.object.vals[i], instead ? instead : "see docs/import.md",
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
        put(C, ct, "image", v);
    else if (strcmp(k, "command") == 0)
        put(C, ct, "command", split_words(C, v));
    else if (strcmp(k, "entrypoint") == 0)
        put(C, ct, "entryPoint", split_words(C, v));
    else if (strcmp(k, "environment") == 0)
        environment(C, ct, v, dir);
    else if (strcmp(k, "env_file") == 0)
        env_file(C, ct, v, dir);
    else if (strcmp(k, "ports") == 0)
        for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
            Value *pm = port_mapping(C, v->as.list.items[i]);
            if (pm)
                add_port(C, ct, pm, service);
        }
    else if (strcmp(k, "volumes") == 0)
        for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
            Value *mp = mount_point(C, v->as.list.items[i]);
            if (mp)
                put(C, ct, "mountPoints", push(C, get(ct, "mountPoints"), mp));
        }
    else if (strcmp(k, "depends_on") == 0)
        put(C, ct, "dependsOn", nonempty(depends_on(C, v)));
    else if (strcmp(k, "healthcheck") == 0)
        put(C, ct, "healthCheck", health_check(C, v));
    else if (strcmp(k, "deploy") == 0)
        deploy(C, ct, service, v);
    else if (strcmp(k, "restart") == 0)
        restart(C, ct, v, service);
    else if (strcmp(k, "volumes_from") == 0)
        volumes_from(C, ct, v, service);
    else if ((strcmp(k, "privileged") == 0 || strcmp(k, "oom_kill_disable") == 0) &&
             v->kind == VAL_BOOL && !v->as.boolean)
        ; // the default of ECS too
    else if (strcmp(k, "network_mode") == 0 && text_of(C, v) &&
             strncmp(text_of(C, v), "service:", 8) == 0)
        ; // the containers of an awsvpc task share one network namespace
    else if (strcmp(k, "cpu_shares") == 0 && text_of(C, v)) {
        if (!get(ct, "cpu"))
            put(C, ct, "cpu", num(C, v, atof(text_of(C, v))));
    } else if (strcmp(k, "mem_limit") == 0 || strcmp(k, "mem_reservation") == 0 ||
               strcmp(k, "cpus") == 0)
        ; // resources() reads them
    else if (strcmp(k, "user") == 0 && text_of(C, v))
        put(C, ct, "user", str(C, v, text_of(C, v)));
    else if (strcmp(k, "working_dir") == 0)
        put(C, ct, "workingDirectory", v);
    else if (strcmp(k, "labels") == 0)
        put(C, ct, "dockerLabels", string_map(C, v));
    else if (strcmp(k, "ulimits") == 0)
        put(C, ct, "ulimits", ulimits(C, v));
    else if (strcmp(k, "logging") == 0 && !fargate_log_driver(C, get(v, "driver")))
        warn(C, v, "use awslogs (CloudWatch Logs), splunk or awsfirelens",
             "log driver %s: Fargate does not support it, logging left out",
             text_of(C, get(v, "driver")) ? text_of(C, get(v, "driver")) : "(none)");
    else if (strcmp(k, "logging") == 0) {
        Value *lc = value_object_new(C->im->a, v->origin, 2);
        put(C, lc, "logDriver", get(v, "driver"));
        put(C, lc, "options", get(v, "options") ? string_map(C, get(v, "options")) : NULL);
        put(C, ct, "logConfiguration", lc);
    } else if (strcmp(k, "read_only") == 0)
        put(C, ct, "readonlyRootFilesystem", v);
    else if (strcmp(k, "tty") == 0)
        put(C, ct, "pseudoTerminal", v);
    else if (strcmp(k, "stdin_open") == 0)
        put(C, ct, "interactive", v);
    else if (strcmp(k, "stop_grace_period") == 0 && text_of(C, v) && duration(text_of(C, v), &secs))
        put(C, ct, "stopTimeout", clamped(C, v, "stop_grace_period", secs, 2, 120));
    else if (strcmp(k, "sysctls") == 0)
        put(C, ct, "systemControls", pairs(C, string_map(C, v), "namespace", "value"));
    else if (strcmp(k, "init") == 0)
        put(C, linux_parameters(C, ct), "initProcessEnabled",
            value_bool(C->im->a, v->origin, is_true(v)));
    else if (strcmp(k, "cap_add") == 0 || strcmp(k, "cap_drop") == 0) {
        Value *list = nonempty(k[4] == 'a' ? fargate_caps(C, v) : strings(C, v));
        Value *lp = list ? linux_parameters(C, ct) : NULL;
        Value *caps = get(lp, "capabilities");
        if (list && !caps) {
            caps = value_object_new(C->im->a, v->origin, 2);
            put(C, lp, "capabilities", caps);
        }
        if (list)
            put(C, caps, k[4] == 'a' ? "add" : "drop", list);
    } else
        return false;
    return true;
}

static Value *service(Compose *C, const char *name, Value *svc, const char *dir)
{
    Value *ct = value_object_new(C->im->a, svc->origin, 8);
    put(C, ct, "name", str(C, svc, name));
    for (uint32_t i = 0; svc->kind == VAL_OBJECT && i < svc->as.object.count; i++) {
        const char *k = svc->as.object.keys[i].ptr;
        Value *v = svc->as.object.vals[i];
        if (strncmp(k, "x-", 2) == 0 || v->kind == VAL_NULL || service_key(C, ct, name, k, v, dir))
            continue;
        if (strcmp(k, "extra_hosts") == 0 || strcmp(k, "dns") == 0 ||
            strcmp(k, "dns_search") == 0) {
            host_key(C, name, k, v);
            continue;
        }
        if (strcmp(k, "secrets") == 0) {
            secrets(C, ct, name, v);
            continue;
        }
        const char *instead = no_equivalent(k);
        Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, v->origin,
                               "\"%s\" of service \"%s\" has no ECS equivalent: left out", k, name);
        diag_help(C->im->diags, g, "%s", instead ? instead : "see docs/import.md");
    }
    if (!get(ct, "image")) {
        warn(C, svc, "set image to the image you build and push", "service %s has no image", name);
        put(C, ct, "image", str(C, svc, name));
    }
    resources(C, ct, svc);
    return ct;
}

// Fargate pulls logs into CloudWatch (awslogs) and reads secrets with the
// task's execution role: the source names one to replace.
static void execution_role(Compose *C, Value *td, Value *cts)
{
    for (uint32_t i = 0; i < cts->as.list.count; i++) {
        Value *driver = get(get(cts->as.list.items[i], "logConfiguration"), "logDriver");
        Value *secret = get(cts->as.list.items[i], "secrets");
        const char *d = text_of(C, driver);
        if ((!d || strcmp(d, "awslogs") != 0) && !secret)
            continue;
        Value *at = d && strcmp(d, "awslogs") == 0 ? driver : secret->as.list.items[0];
        warn(C, at, "replace it with the ARN of your role (AmazonECSTaskExecutionRolePolicy)",
             "%s needs an execution role on Fargate: execution_role_arn names "
             "ecsTaskExecutionRole of account 123456789012",
             at == driver ? "the awslogs driver" : "reading secrets");
        put(C, td, "executionRoleArn",
            str(C, at, "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"));
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
    put(C, td, "cpu", str(C, at, arena_printf(C->im->a, "%u", cpus[i])));
    put(C, td, "memory", str(C, at, arena_printf(C->im->a, "%u", mem > maxs[i] ? maxs[i] : mem)));
}

// `svc` with what it takes from the service of this file it extends
// (extends: NAME, or {service: NAME} without file): the keys it does not set
// itself, and the members of maps (environment, labels) it does not set.
// An extends that names another file stays, for a warning.
static Value *extended(Compose *C, Value *services, Value *svc, int depth)
{
    Value *ext = get(svc, "extends");
    const char *name = !ext              ? NULL
                       : text_of(C, ext) ? text_of(C, ext)
                                         : text_of(C, get(ext, "service"));
    Value *base = name && !get(ext, "file") && depth < 16 ? get(services, name) : NULL;
    if (!base || base == svc)
        return svc;
    base = extended(C, services, base, depth + 1);
    Value *out = value_object_new(C->im->a, svc->origin, svc->as.object.count);
    for (uint32_t i = 0; i < svc->as.object.count; i++)
        if (strcmp(svc->as.object.keys[i].ptr, "extends") != 0)
            put(C, out, svc->as.object.keys[i].ptr, svc->as.object.vals[i]);
    for (uint32_t i = 0; base->kind == VAL_OBJECT && i < base->as.object.count; i++) {
        const char *k = base->as.object.keys[i].ptr;
        Value *mine = get(out, k), *theirs = base->as.object.vals[i];
        if (strcmp(k, "extends") == 0)
            continue;
        if (!mine)
            put(C, out, k, theirs);
        else if (mine->kind == VAL_OBJECT && theirs->kind == VAL_OBJECT)
            for (uint32_t j = 0; j < theirs->as.object.count; j++)
                if (!get(mine, theirs->as.object.keys[j].ptr))
                    put(C, mine, theirs->as.object.keys[j].ptr, theirs->as.object.vals[j]);
    }
    return out;
}

// A container that others await until it completes (compose's
// service_completed_successfully) runs once and exits: ECS wants it not
// essential, or its exit would stop the task.
static void run_once(Compose *C, Value *cts)
{
    for (uint32_t i = 0; i < cts->as.list.count; i++) {
        Value *deps = get(cts->as.list.items[i], "dependsOn");
        for (uint32_t d = 0; deps && d < deps->as.list.count; d++) {
            const char *cond = text_of(C, get(deps->as.list.items[d], "condition"));
            const char *name = text_of(C, get(deps->as.list.items[d], "containerName"));
            for (uint32_t j = 0; name && cond && strcmp(cond, "START") != 0 &&
                                 strcmp(cond, "HEALTHY") != 0 && j < cts->as.list.count;
                 j++)
                if (strcmp(text_of(C, get(cts->as.list.items[j], "name")), name) == 0)
                    put(C, cts->as.list.items[j], "essential",
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
                                  : no_equivalent(k);
        if (!known)
            warn(C, doc->as.object.vals[i], instead ? instead : "see docs/import.md",
                 "top-level \"%s\" has no ECS equivalent: left out", k);
    }
}

Value *compose_task(Importer *im, Value *doc, const char *family)
{
    Compose C = {.im = im};
    C.volumes = value_list_new(im->a, doc->origin, 0);
    C.secret_names = value_object_new(im->a, doc->origin, 0);
    doc = compose_interpolate(im, merged(&C, doc, 0));
    Value *services = get(doc, "services");
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
    Value *name = get(doc, "name");
    put(&C, td, "family",
        name && text_of(&C, name) ? str(&C, name, text_of(&C, name)) : str(&C, doc, family));
    put(&C, td, "networkMode", str(&C, doc, "awsvpc"));
    Value *compat = value_list_new(im->a, doc->origin, 1);
    compat->as.list.items[0] = str(&C, doc, "FARGATE");
    put(&C, td, "requiresCompatibilities", compat);
    Value *cts = value_list_new(im->a, services->origin, 0);
    for (uint32_t i = 0; i < services->as.object.count; i++)
        cts = push(&C, cts,
                   service(&C, services->as.object.keys[i].ptr,
                           extended(&C, services, services->as.object.vals[i], 0), dir));
    run_once(&C, cts);
    secret_sources(&C, get(doc, "secrets"));
    task_size(&C, td, doc);
    execution_role(&C, td, cts);
    im->vars = C.vars.count ? hcl_body_text(im, &C.vars, 0) : NULL;
    put(&C, td, "containerDefinitions", cts);
    if (C.volumes->as.list.count)
        put(&C, td, "volumes", C.volumes);
    top_level(&C, doc);
    return td;
}
