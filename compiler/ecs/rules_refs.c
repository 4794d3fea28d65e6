// rules_refs.c - names and references between the containers of a task
// (and its volumes): unique names (NAME-3, NAME-5), essential containers
// (REF-1), dependsOn (REF-2..5), mount points (REF-6), volumesFrom (REF-7),
// links (REF-8, NET-7), the App Mesh proxy (REF-9), FireLens (REF-10),
// duplicates inside one container (REF-12..15), ports shared in one
// namespace (NET-12) and resource references (RES-8).
#include "ecs/rules_impl.h"

#include <string.h>

#include "base/buf.h"

static Span where(const Value *v)
{
    return span_is_none(v->site) ? v->origin : v->site;
}

// Adds "did you mean" for `name` among the container names.
static void suggest_container(Rules *r, Diag *g, const char *name)
{
    uint32_t n;
    const char **names = rules_container_names(r, &n);
    const char **cands = arena_alloc(r->c->arena, (n ? n : 1) * sizeof(char *));
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (names[i])
            cands[m++] = names[i];
    }
    diag_help_suggest(r->c->diags, g, name, cands, m);
}

// --- unique names, essential -------------------------------------------------

static void check_container_names(Rules *r)
{
    uint32_t n;
    const char **names = rules_container_names(r, &n);
    uint32_t *first = rules_first_same(r->c->arena, names, n);
    for (uint32_t i = 0; i < n; i++) {
        if (first[i] == i)
            continue;
        Value *name = rules_get(r, i, CONTAINER_DEFINITION_NAME);
        Diag *g = ecs_report(r->c, E_ECS_DUPLICATE_CONTAINER, false, name,
                             "two containers are named %s", rules_show(r, name));
        rules_aws(r, g, "Container names must be unique within a Task Definition.");
        diag_note_at(r->c->diags, g, where(rules_get(r, first[i], CONTAINER_DEFINITION_NAME)),
                     "the first container with this name");
    }
}

// True when container i is essential (true by default).
static bool is_essential(const Rules *r, uint32_t i)
{
    Value *e = rules_get(r, i, CONTAINER_DEFINITION_ESSENTIAL);
    return !(e && e->kind == VAL_BOOL && !e->as.boolean);
}

static void check_essential(Rules *r)
{
    uint32_t n = rules_ncontainers(r);
    Value *first = NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (!rules_container(r, i) || is_essential(r, i))
            return;
        if (!first)
            first = rules_get(r, i, CONTAINER_DEFINITION_ESSENTIAL);
    }
    if (!first)
        return;
    Diag *g =
        ecs_report(r->c, E_ECS_NO_ESSENTIAL, false, first, "no container of the task is essential");
    rules_aws(r, g, "All tasks must have at least one essential container.");
    diag_help(r->c->diags, g,
              "set essential to true on the main container (true is the "
              "default when essential is left out)");
}

// --- graphs: dependsOn and links ------------------------------------------------

typedef struct Edge {
    uint32_t from, to;
    Value *at; // the containerName or link value
} Edge;

typedef struct Graph {
    uint32_t n;  // containers
    Edge *edges; // grouped by `from` in increasing order
    uint32_t count, cap;
} Graph;

static void graph_add(Rules *r, Graph *g, uint32_t from, uint32_t to, Value *at)
{
    BUF_RESERVE(r->c->arena, g->edges, g->count, g->cap);
    g->edges[g->count++] = (Edge){from, to, at};
}

static const char *cycle_text(Rules *r, const uint32_t *path, uint32_t depth, uint32_t to)
{
    uint32_t start = 0;
    while (path[start] != to)
        start++;
    const char *s = "";
    for (uint32_t k = start; k < depth; k++)
        s = arena_printf(r->c->arena, "%s%s -> ", s,
                         rules_show(r, rules_get(r, path[k], CONTAINER_DEFINITION_NAME)));
    return arena_printf(r->c->arena, "%s%s", s,
                        rules_show(r, rules_get(r, to, CONTAINER_DEFINITION_NAME)));
}

typedef struct CycleReport {
    DiagCode code;
    const char *summary; // followed by ": " and the cycle
    const char *aws;     // AWS's text, or NULL
    const char *help;
} CycleReport;

// Depth-first search with an explicit stack (no recursion on user data);
// every back edge closes one cycle, reported at that edge.
static void report_cycles(Rules *r, const Graph *g, const CycleReport *how)
{
    Arena *a = r->c->arena;
    uint32_t n = g->n ? g->n : 1;
    uint32_t *start = arena_alloc(a, (n + 1) * sizeof(uint32_t));
    uint8_t *color = arena_alloc(a, n);
    uint32_t *path = arena_alloc(a, n * sizeof(uint32_t));
    uint32_t *next = arena_alloc(a, n * sizeof(uint32_t));
    memset(color, 0, n);
    for (uint32_t v = 0, e = 0; v <= g->n; v++) {
        while (e < g->count && g->edges[e].from < v)
            e++;
        start[v] = e;
    }
    for (uint32_t root = 0; root < g->n; root++) {
        if (color[root])
            continue;
        uint32_t depth = 0;
        path[depth] = root;
        next[depth++] = start[root];
        color[root] = 1;
        while (depth) {
            uint32_t u = path[depth - 1];
            if (next[depth - 1] == start[u + 1]) {
                color[u] = 2;
                depth--;
                continue;
            }
            const Edge *e = &g->edges[next[depth - 1]++];
            if (color[e->to] == 1) {
                Diag *d = ecs_report(r->c, how->code, false, e->at, "%s: %s", how->summary,
                                     cycle_text(r, path, depth, e->to));
                if (how->aws)
                    rules_aws(r, d, how->aws);
                diag_help(r->c->diags, d, "%s", how->help);
            } else if (color[e->to] == 0) {
                color[e->to] = 1;
                path[depth] = e->to;
                next[depth++] = start[e->to];
            }
        }
    }
}

// --- dependsOn ------------------------------------------------------------------------

// REF-4 and REF-5 for dependency `dep` of container i on container j.
static void check_condition(Rules *r, Value *dep, uint32_t j, uint8_t *told)
{
    Value *cond = ecs_get(dep, "condition");
    const char *c = ecs_str(cond);
    Value *target = rules_container(r, j);
    if (!c || told[j])
        return;
    const char *who = rules_cname(r, j);
    if ((strcmp(c, "COMPLETE") == 0 || strcmp(c, "SUCCESS") == 0) && is_essential(r, j)) {
        Diag *g = ecs_report(r->c, E_ECS_DEPENDENCY_ESSENTIAL, false, cond,
                             "%s is awaited with condition %s but is essential", who, c);
        rules_aws(r, g,
                  "A dependency container with SUCCESS or COMPLETE condition cannot be "
                  "an essential container");
        Value *e = rules_get(r, j, CONTAINER_DEFINITION_ESSENTIAL);
        diag_note_at(r->c->diags, g, where(e ? e : target),
                     e ? "it is made essential here" : "it is essential by default");
        diag_help(r->c->diags, g, "set essential to false on %s", who);
        told[j] = 1;
    } else if (strcmp(c, "HEALTHY") == 0 && !rules_get(r, j, CONTAINER_DEFINITION_HEALTH_CHECK)) {
        Diag *g = ecs_report(r->c, E_ECS_DEPENDENCY_HEALTH_CHECK, true, cond,
                             "%s is awaited until HEALTHY but has no healthCheck", who);
        diag_help(r->c->diags, g, "add a healthCheck to %s, or wait for START", who);
        told[j] = 1;
    }
}

static void check_depends_on(Rules *r)
{
    uint32_t n = rules_ncontainers(r);
    Graph g = {n, NULL, 0, 0};
    uint8_t *told = arena_alloc(r->c->arena, n ? n : 1);
    memset(told, 0, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        Value *deps = rules_get(r, i, CONTAINER_DEFINITION_DEPENDS_ON);
        for (uint32_t k = 0; k < rules_count(deps); k++) {
            Value *dep = rules_item(deps, k);
            Value *cn = ecs_get(dep, "containerName");
            const char *s = ecs_str(cn);
            if (!s)
                continue;
            int64_t j = rules_find_container(r, s);
            if (j < 0) {
                Diag *d = ecs_report(r->c, E_ECS_DEPENDS_ON_UNKNOWN, false, cn,
                                     "%s depends on %s, which is not a container of the task",
                                     rules_cname(r, i), rules_show(r, cn));
                rules_aws(r, d,
                          arena_printf(r->c->arena,
                                       "Cannot depend on container + '%s' because it does "
                                       "not exist",
                                       value_is_sensitive(cn) ? "..." : s));
                suggest_container(r, d, s);
            } else if (j == i) {
                ecs_report(r->c, E_ECS_DEPENDS_ON_UNKNOWN, false, cn, "%s depends on itself",
                           rules_cname(r, i));
            } else {
                graph_add(r, &g, i, (uint32_t)j, cn);
                check_condition(r, dep, (uint32_t)j, told);
            }
        }
    }
    static const CycleReport how = {E_ECS_DEPENDS_ON_CYCLE,
                                    "containers depend on each other in a cycle", NULL,
                                    "ECS starts containers in dependsOn order, so it must "
                                    "not loop; remove one of these dependencies"};
    report_cycles(r, &g, &how);
}

// --- links, volumesFrom, mount points -----------------------------------------------------

static void check_links(Rules *r)
{
    if (rules_unsupported(r, "links"))
        return;
    uint32_t n = rules_ncontainers(r);
    Graph g = {n, NULL, 0, 0};
    for (uint32_t i = 0; i < n; i++) {
        Value *links = rules_get(r, i, CONTAINER_DEFINITION_LINKS);
        const char *self = rules_name(rules_container(r, i));
        for (uint32_t k = 0; k < rules_count(links); k++) {
            Value *link = rules_item(links, k);
            const char *s = ecs_str(link);
            if (!s)
                continue;
            const char *target = arena_strndup(r->c->arena, s, strcspn(s, ":"));
            int64_t j = rules_find_container(r, target);
            if (self && strcmp(target, self) == 0) {
                ecs_report(r->c, E_ECS_LINKS, false, link, "%s links to itself", rules_cname(r, i));
            } else if (j < 0) {
                Diag *d = ecs_report(r->c, E_ECS_LINK_UNKNOWN, false, link,
                                     "%s links to %s, which is not a container of the task",
                                     rules_cname(r, i), rules_show(r, link));
                suggest_container(r, d, target);
            } else {
                graph_add(r, &g, i, (uint32_t)j, link);
            }
        }
    }
    static const CycleReport how = {E_ECS_LINKS, "container links form a cycle",
                                    "Container links should not have a cycle",
                                    "remove one of these links"};
    report_cycles(r, &g, &how);
}

static void check_volumes_from(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_VOLUMES_FROM);
    const char *self = rules_name(rules_container(r, i));
    for (uint32_t k = 0; k < rules_count(list); k++) {
        Value *sc = ecs_get(rules_item(list, k), "sourceContainer");
        const char *s = ecs_str(sc);
        if (!s)
            continue;
        if (self && strcmp(s, self) == 0) {
            ecs_report(r->c, E_ECS_VOLUMES_FROM_UNKNOWN, false, sc, "%s takes volumes from itself",
                       rules_cname(r, i));
        } else if (rules_find_container(r, s) < 0) {
            Diag *d = ecs_report(r->c, E_ECS_VOLUMES_FROM_UNKNOWN, false, sc,
                                 "%s takes volumes from %s, which is not a container of the "
                                 "task",
                                 rules_cname(r, i), rules_show(r, sc));
            suggest_container(r, d, s);
        }
    }
}

static void check_mount_points(Rules *r, uint32_t i)
{
    Value *vols = rules_task_get(r, TASK_DEFINITION_VOLUMES);
    if (!r->task || (vols && vols->kind != VAL_LIST))
        return;
    uint32_t nv = rules_count(vols);
    const char **names = arena_alloc(r->c->arena, (nv ? nv : 1) * sizeof(char *));
    uint32_t m = 0;
    for (uint32_t k = 0; k < nv; k++) {
        Value *name = ecs_get(rules_item(vols, k), "name");
        if (name && !ecs_str(name))
            return; // a volume whose name is of the wrong type: cannot tell
        if (ecs_str(name))
            names[m++] = ecs_str(name);
    }
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_MOUNT_POINTS);
    for (uint32_t k = 0; k < rules_count(list); k++) {
        Value *sv = ecs_get(rules_item(list, k), "sourceVolume");
        const char *s = ecs_str(sv);
        bool found = false;
        for (uint32_t j = 0; s && j < m && !found; j++)
            found = strcmp(names[j], s) == 0;
        if (!s || found)
            continue;
        Diag *d = ecs_report(r->c, E_ECS_UNKNOWN_VOLUME, false, sv,
                             "%s mounts volume %s, which the task does not declare",
                             rules_cname(r, i), rules_show(r, sv));
        rules_aws(
            r, d,
            arena_printf(r->c->arena, "Unknown volume '%s'.", value_is_sensitive(sv) ? "..." : s));
        if (!diag_help_suggest(r->c->diags, d, s, names, m))
            diag_help(r->c->diags, d,
                      "declare it in volumes (a volume with only a name is a "
                      "bind mount)");
    }
}

// --- App Mesh proxy, FireLens ------------------------------------------------------------

static bool has_property(const Value *props, const char *name)
{
    for (uint32_t k = 0; k < rules_count(props); k++) {
        const char *s = ecs_str(ecs_get(rules_item(props, k), "name"));
        if (s && strcmp(s, name) == 0)
            return true;
    }
    return false;
}

// The properties App Mesh needs. EgressIgnoredPorts and EgressIgnoredIPs are
// documented as required but "can be an empty list", and AWS's own tools
// (CDK) leave them out, so they are not asked for.
static void check_proxy_properties(Rules *r, Value *proxy)
{
    Value *props = ecs_get(proxy, "properties");
    if (props && props->kind != VAL_LIST)
        return;
    static const char *const needed[] = {"AppPorts", "ProxyIngressPort", "ProxyEgressPort"};
    const char *missing = NULL;
    if (!has_property(props, "IgnoredUID") && !has_property(props, "IgnoredGID"))
        missing = "IgnoredUID (or IgnoredGID)";
    for (int k = 0; k < 3; k++) {
        if (has_property(props, needed[k]))
            continue;
        missing = missing ? arena_printf(r->c->arena, "%s, %s", missing, needed[k]) : needed[k];
    }
    if (!missing)
        return;
    Diag *g = ecs_report(r->c, E_ECS_PROXY_CONFIGURATION, false, props ? props : proxy,
                         "the App Mesh proxy configuration lacks the properties %s", missing);
    diag_help(r->c->diags, g,
              "App Mesh needs IgnoredUID or IgnoredGID, AppPorts, "
              "ProxyIngressPort and ProxyEgressPort");
}

static void check_proxy(Rules *r)
{
    Value *proxy = rules_task_get(r, TASK_DEFINITION_PROXY_CONFIGURATION);
    if (!proxy || proxy->kind != VAL_OBJECT)
        return;
    Value *cn = ecs_get(proxy, "containerName");
    const char *s = ecs_str(cn);
    if (s && rules_find_container(r, s) < 0) {
        Diag *g =
            ecs_report(r->c, E_ECS_PROXY_CONFIGURATION, false, cn,
                       "the proxy container %s is not a container of the task", rules_show(r, cn));
        suggest_container(r, g, s);
    }
    Value *mode = rules_task_get(r, TASK_DEFINITION_NETWORK_MODE);
    if (r->net != NET_AWSVPC && r->net != NET_UNKNOWN && !r->fargate) {
        Diag *g = ecs_report(r->c, E_ECS_PROXY_CONFIGURATION, false, mode ? mode : proxy,
                             "an App Mesh proxy configuration needs network mode awsvpc");
        diag_help(r->c->diags, g, "set networkMode to \"awsvpc\"");
    }
    check_proxy_properties(r, proxy);
}

// The log driver of container i when it is `name`, else NULL.
static Value *log_driver_if(const Rules *r, uint32_t i, const char *name)
{
    Value *d = ecs_get(rules_get(r, i, CONTAINER_DEFINITION_LOG_CONFIGURATION), "logDriver");
    const char *s = ecs_str(d);
    return s && strcmp(s, name) == 0 ? d : NULL;
}

static void check_firelens(Rules *r)
{
    uint32_t n = rules_ncontainers(r);
    Value *user = NULL, *router = NULL;
    for (uint32_t i = 0; i < n; i++) {
        Value *fc = rules_get(r, i, CONTAINER_DEFINITION_FIRELENS_CONFIGURATION);
        if (!user)
            user = log_driver_if(r, i, "awsfirelens");
        if (!fc || fc->kind != VAL_OBJECT)
            continue;
        if (router) {
            Diag *g =
                ecs_report(r->c, E_ECS_LOG_ROUTERS, true, fc,
                           "%s is a second FireLens log router in the task", rules_cname(r, i));
            diag_note_at(r->c->diags, g, where(router), "the first log router");
            diag_help(r->c->diags, g,
                      "a task has one log router; keep one "
                      "firelensConfiguration");
        } else {
            router = fc;
        }
    }
    if (user && !router) {
        Diag *g = ecs_report(r->c, E_ECS_FIRELENS, false, user,
                             "log driver awsfirelens needs a FireLens log router in the task");
        rules_aws(r, g,
                  "When awsfirelens log driver is specified in log configuration, a "
                  "firelens configuration object must be configured in one of the "
                  "containers.");
        diag_help(r->c->diags, g,
                  "add a log router container with firelensConfiguration "
                  "(e.g. the aws-for-fluent-bit image)");
    } else if (router && !user) {
        Diag *g = ecs_report(r->c, E_ECS_FIRELENS, false, router,
                             "a FireLens log router is configured, but no container uses the "
                             "awsfirelens log driver");
        rules_aws(r, g,
                  "When a firelensConfiguration object is specified, at least one "
                  "container has to be configured with the awsfirelens log driver.");
    }
}

// --- duplicates inside one container ----------------------------------------------------

// Reports, at each later one, names given twice among the `member` of the
// items of list `list_name` of container i.
static void check_dup_names(Rules *r, uint32_t i, ContainerDefinitionSlot list_slot,
                            const char *member, DiagCode code, bool warning, const char *what)
{
    Value *list = rules_get(r, i, list_slot);
    uint32_t n = rules_count(list);
    if (n < 2)
        return; // nothing to repeat
    const char **names = arena_alloc(r->c->arena, (n ? n : 1) * sizeof(char *));
    for (uint32_t k = 0; k < n; k++)
        names[k] = ecs_str(ecs_get(rules_item(list, k), member));
    uint32_t *first = rules_first_same(r->c->arena, names, n);
    for (uint32_t k = 0; k < n; k++) {
        if (first[k] == k)
            continue;
        Value *v = ecs_get(rules_item(list, k), member);
        Diag *g = ecs_report(r->c, code, warning, v, "%s %s is set twice in %s", what,
                             rules_show(r, v), rules_cname(r, i));
        diag_note_at(r->c->diags, g, where(ecs_get(rules_item(list, first[k]), member)),
                     "it is first set here");
    }
}

// The "name" members of the items of list `list` (NULL where absent), looked
// up once for comparisons with every secret.
static Value **item_names(Rules *r, const Value *list)
{
    uint32_t n = rules_count(list);
    Value **names = arena_alloc(r->c->arena, (n ? n : 1) * sizeof(Value *));
    for (uint32_t j = 0; j < n; j++)
        names[j] = ecs_get(rules_item(list, j), "name");
    return names;
}

// REF-12: a secret may not share its name with an environment variable.
static void check_secret_names(Rules *r, uint32_t i)
{
    Value *env = rules_get(r, i, CONTAINER_DEFINITION_ENVIRONMENT);
    Value *secrets = rules_get(r, i, CONTAINER_DEFINITION_SECRETS);
    if (!rules_count(secrets) || !rules_count(env))
        return;
    Value **env_names = item_names(r, env);
    for (uint32_t k = 0; k < rules_count(secrets); k++) {
        Value *name = ecs_get(rules_item(secrets, k), "name");
        const char *s = ecs_str(name);
        for (uint32_t j = 0; s && *s && j < rules_count(env); j++) { // "": the schema's
            Value *en = env_names[j];
            if (!ecs_str(en) || strcmp(ecs_str(en), s) != 0)
                continue;
            Diag *g = ecs_report(r->c, E_ECS_SECRET_NAME, false, name,
                                 "secret %s of %s is also an environment variable",
                                 rules_show(r, name), rules_cname(r, i));
            rules_aws(r, g,
                      arena_printf(r->c->arena,
                                   "The secret name must be unique and not shared with any new "
                                   "or existing environment variables set on the container, "
                                   "such as '%s'.",
                                   value_is_sensitive(name) ? "..." : s));
            diag_note_at(r->c->diags, g, where(en), "the environment variable");
            break;
        }
    }
}

// REF-15: the same item twice in portMappings, mountPoints, volumesFrom, links.
static void check_dup_items(Rules *r, uint32_t i)
{
    static const char *const lists[] = {"portMappings", "mountPoints", "volumesFrom", "links"};
    static const ContainerDefinitionSlot slots[] = {
        CONTAINER_DEFINITION_PORT_MAPPINGS, CONTAINER_DEFINITION_MOUNT_POINTS,
        CONTAINER_DEFINITION_VOLUMES_FROM, CONTAINER_DEFINITION_LINKS};
    for (int l = 0; l < 4; l++) {
        Value *list = rules_get(r, i, slots[l]);
        uint32_t n = rules_count(list);
        for (uint32_t k = 1; k < n; k++) {
            for (uint32_t j = 0; j < k; j++) {
                if (!value_equal(rules_item(list, j), rules_item(list, k)))
                    continue;
                Diag *g =
                    ecs_report(r->c, E_ECS_DUPLICATE_ITEM, false, rules_item(list, k),
                               "%s lists the same item twice in %s", rules_cname(r, i), lists[l]);
                diag_note_at(r->c->diags, g, where(rules_item(list, j)), "the first one");
                break;
            }
        }
    }
}

static void check_container_dups(Rules *r, uint32_t i)
{
    check_dup_names(r, i, CONTAINER_DEFINITION_ENVIRONMENT, "name", E_ECS_DUPLICATE_ENVIRONMENT,
                    false, "environment variable");
    check_dup_names(r, i, CONTAINER_DEFINITION_SECRETS, "name", E_ECS_SECRET_NAME, false, "secret");
    check_secret_names(r, i);
    if (!r->windows) {
        check_dup_names(r, i, CONTAINER_DEFINITION_ULIMITS, "name", E_ECS_DUPLICATE_ULIMIT, true,
                        "ulimit");
        check_dup_names(r, i, CONTAINER_DEFINITION_SYSTEM_CONTROLS, "namespace",
                        E_ECS_DUPLICATE_ULIMIT, true, "system control");
    }
    check_dup_items(r, i);
}

// --- ports and resources across containers ----------------------------------------------

typedef struct PortUse {
    int64_t port;
    const char *protocol;
    const char *name; // the mapping's name, or NULL
    uint32_t container;
    Value *port_at, *name_at;
} PortUse;

static PortUse *port_uses(Rules *r, uint32_t *count)
{
    uint32_t n = rules_ncontainers(r), total = 0;
    for (uint32_t i = 0; i < n; i++)
        total += rules_count(rules_get(r, i, CONTAINER_DEFINITION_PORT_MAPPINGS));
    PortUse *uses = arena_alloc(r->c->arena, (total ? total : 1) * sizeof(PortUse));
    *count = 0;
    for (uint32_t i = 0; i < n; i++) {
        Value *list = rules_get(r, i, CONTAINER_DEFINITION_PORT_MAPPINGS);
        for (uint32_t k = 0; k < rules_count(list); k++) {
            Value *pm = rules_item(list, k);
            PortUse u = {0, "tcp", NULL, i, ecs_get(pm, "containerPort"), ecs_get(pm, "name")};
            if (!ecs_int(u.port_at, &u.port))
                u.port = 0;
            const char *proto = ecs_str(ecs_get(pm, "protocol"));
            u.protocol = proto ? proto : "tcp";
            u.name = ecs_str(u.name_at);
            uses[(*count)++] = u;
        }
    }
    return uses;
}

// NET-12 (awsvpc and host share one network namespace) and NAME-5.
static void check_shared_ports(Rules *r)
{
    uint32_t n;
    PortUse *uses = port_uses(r, &n);
    bool shared = r->net == NET_AWSVPC || r->net == NET_HOST;
    for (uint32_t k = 1; k < n; k++) {
        for (uint32_t j = 0; j < k && shared && uses[k].port; j++) {
            if (uses[j].container == uses[k].container || uses[j].port != uses[k].port ||
                strcmp(uses[j].protocol, uses[k].protocol) != 0)
                continue;
            Diag *g =
                ecs_report(r->c, E_ECS_SHARED_PORT, true, uses[k].port_at,
                           "%s and %s both use port %s/%s in one network namespace",
                           rules_cname(r, uses[j].container), rules_cname(r, uses[k].container),
                           rules_int(r, uses[k].port_at, uses[k].port), uses[k].protocol);
            diag_note_at(r->c->diags, g, where(uses[j].port_at), "the first use");
            break;
        }
        for (uint32_t j = 0; j < k && uses[k].name; j++) {
            if (!uses[j].name || strcmp(uses[j].name, uses[k].name) != 0)
                continue;
            Diag *g = ecs_report(r->c, E_ECS_DUPLICATE_PORT_NAME, true, uses[k].name_at,
                                 "two port mappings are named %s", rules_show(r, uses[k].name_at));
            diag_note_at(r->c->diags, g, where(uses[j].name_at), "the first one");
            diag_help(r->c->diags, g,
                      "Service Connect refers to port mappings by name; make "
                      "the names unique in the task");
            break;
        }
    }
}

// RES-8 across containers: one NeuronDevice container; inference accelerators.
static void check_resource_refs(Rules *r)
{
    Value *accels = rules_task_get(r, TASK_DEFINITION_INFERENCE_ACCELERATORS);
    uint32_t na = rules_count(accels);
    uint8_t *used = arena_alloc(r->c->arena, na ? na : 1);
    memset(used, 0, na ? na : 1);
    Value *neuron = NULL;
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n; i++) {
        Value *list = rules_get(r, i, CONTAINER_DEFINITION_RESOURCE_REQUIREMENTS);
        bool counted = false;
        for (uint32_t k = 0; k < rules_count(list); k++) {
            Value *rr = rules_item(list, k);
            const char *type = ecs_str(ecs_get(rr, "type"));
            Value *value = ecs_get(rr, "value");
            const char *s = ecs_str(value);
            if (!type || !s)
                continue;
            if (strcmp(type, "NeuronDevice") == 0 && !counted) {
                counted = true;
                if (neuron) {
                    Diag *g = ecs_report(r->c, E_ECS_RESOURCE_REQUIREMENT, false, rr,
                                         "only one container of a task may use NeuronDevice "
                                         "resources");
                    diag_note_at(r->c->diags, g, where(neuron), "the first one");
                } else {
                    neuron = rr;
                }
            }
            if (strcmp(type, "InferenceAccelerator") != 0 || !r->task)
                continue;
            bool found = false;
            for (uint32_t a = 0; a < na; a++) {
                const char *dn = ecs_str(ecs_get(rules_item(accels, a), "deviceName"));
                if (dn && strcmp(dn, s) == 0) {
                    found = true;
                    used[a] = 1;
                }
            }
            if (!found)
                ecs_report(r->c, E_ECS_RESOURCE_REQUIREMENT, false, value,
                           "%s asks for inference accelerator %s, which the task does not "
                           "declare in inferenceAccelerators",
                           rules_cname(r, i), rules_show(r, value));
        }
    }
    for (uint32_t a = 0; a < na && !r->fargate; a++) {
        Value *dn = ecs_get(rules_item(accels, a), "deviceName");
        if (ecs_str(dn) && !used[a])
            ecs_report(r->c, E_ECS_RESOURCE_REQUIREMENT, false, dn,
                       "inference accelerator %s is used by no container", rules_show(r, dn));
    }
}

void rules_refs(Rules *r)
{
    check_container_names(r);
    check_essential(r);
    check_depends_on(r);
    check_links(r);
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n; i++) {
        if (!rules_container(r, i))
            continue;
        check_volumes_from(r, i);
        check_mount_points(r, i);
        check_container_dups(r, i);
    }
    check_shared_ports(r);
    check_resource_refs(r);
    if (r->task) {
        check_proxy(r);
    }
    check_firelens(r);
}
