// rules_container.c - the rules about one container alone: members that
// Windows, Fargate or the network mode do not support (VAL-19, FG-4, FG-5,
// NET-2..4, NET-7), memory and cpu (RES-1, 2, 6, 7, 8), port mappings
// (NET-1, 5, 6, 9, 10, 11), user under host mode (NET-14), Fargate limits
// (FG-7, 9, 10, 13), system controls (VAL-18, NAME-18) and FireLens options.
#include "ecs/rules_impl.h"

#include <string.h>

// --- members not supported ------------------------------------------------------

typedef struct Unsupported {
    const char *member;
    ContainerDefinitionSlot slot; // the member's
    ValueKind kind;               // the member's JSON kind; set means true / non-empty / present
    bool windows;                 // VAL-19
    bool fargate;                 // FG-4
    DiagCode awsvpc;              // the NET rule under awsvpc, or 0
    bool bridge_only;             // NET-7: links only in bridge mode
    const char *aws;              // AWS's error text under awsvpc, or NULL
} Unsupported;

static const Unsupported unsupported[] = {
    {"disableNetworking", CONTAINER_DEFINITION_DISABLE_NETWORKING, VAL_BOOL, true, true, 0, false,
     NULL},
    {"dnsSearchDomains", CONTAINER_DEFINITION_DNS_SEARCH_DOMAINS, VAL_LIST, true, true, 0, false,
     NULL},
    {"dnsServers", CONTAINER_DEFINITION_DNS_SERVERS, VAL_LIST, true, true, 0, false, NULL},
    {"dockerSecurityOptions", CONTAINER_DEFINITION_DOCKER_SECURITY_OPTIONS, VAL_LIST, false, true,
     0, false, NULL},
    {"extraHosts", CONTAINER_DEFINITION_EXTRA_HOSTS, VAL_LIST, true, true, E_ECS_AWSVPC_EXTRA_HOSTS,
     false, NULL},
    {"links", CONTAINER_DEFINITION_LINKS, VAL_LIST, true, true, E_ECS_AWSVPC_LINKS, true,
     "Links are not supported when networkMode=awsvpc."},
    {"hostname", CONTAINER_DEFINITION_HOSTNAME, VAL_STRING, false, false, E_ECS_AWSVPC_HOSTNAME,
     false, "hostname is not supported on container when networkMode=awsvpc."},
    {"privileged", CONTAINER_DEFINITION_PRIVILEGED, VAL_BOOL, true, true, 0, false, NULL},
    {"readonlyRootFilesystem", CONTAINER_DEFINITION_READONLY_ROOT_FILESYSTEM, VAL_BOOL, true, false,
     0, false, NULL},
    {"ulimits", CONTAINER_DEFINITION_ULIMITS, VAL_LIST, true, false, 0, false, NULL},
    {"user", CONTAINER_DEFINITION_USER, VAL_STRING, true, false, 0, false, NULL},
    {"systemControls", CONTAINER_DEFINITION_SYSTEM_CONTROLS, VAL_LIST, true, false, 0, false, NULL},
    {"linuxParameters", CONTAINER_DEFINITION_LINUX_PARAMETERS, VAL_OBJECT, true, false, 0, false,
     NULL},
};

static const char *mode_name(NetMode m)
{
    switch (m) {
    case NET_BRIDGE:
        return "bridge";
    case NET_HOST:
        return "host";
    case NET_AWSVPC:
        return "awsvpc";
    case NET_NONE:
        return "none";
    case NET_UNKNOWN:
        return "unknown";
    }
    return "unknown";
}

static const Unsupported *find_unsupported(const char *member)
{
    for (size_t k = 0; k < sizeof unsupported / sizeof unsupported[0]; k++) {
        if (strcmp(unsupported[k].member, member) == 0)
            return &unsupported[k];
    }
    return NULL;
}

// True when a rule forbids member `u` in the containers of this task.
static bool forbidden(const Rules *r, const Unsupported *u)
{
    return (r->windows && u->windows) || (r->fargate && u->fargate) ||
           (r->net == NET_AWSVPC && u->awsvpc) ||
           (u->bridge_only && (r->net == NET_HOST || r->net == NET_NONE));
}

bool rules_unsupported(const Rules *r, const char *member)
{
    const Unsupported *u = find_unsupported(member);
    return u && forbidden(r, u);
}

// Reports the first rule that forbids member `u` of container i, if any.
static void check_unsupported(Rules *r, uint32_t i, const Unsupported *u)
{
    if (!forbidden(r, u))
        return;
    Value *v = rules_get(r, i, u->slot);
    if (!rules_is_set(v, u->kind))
        return;
    const char *who = rules_cname(r, i);
    if (r->windows && u->windows) {
        ecs_report(r->c, E_ECS_WINDOWS_UNSUPPORTED, false, v,
                   "%s sets %s, which Windows containers do not support", who, u->member);
    } else if (r->fargate && u->fargate) {
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_UNSUPPORTED, false, v,
                             "%s sets %s, which Fargate does not support", who, u->member);
        diag_help(r->c->diags, g, "remove %s", u->member);
    } else if (r->net == NET_AWSVPC && u->awsvpc) {
        Diag *g =
            ecs_report(r->c, u->awsvpc, false, v,
                       "%s sets %s, which network mode awsvpc does not support", who, u->member);
        if (u->aws)
            rules_aws(r, g, u->aws);
        if (u->bridge_only)
            diag_help(r->c->diags, g,
                      "containers of an awsvpc task reach each other on "
                      "localhost; remove links");
    } else if (u->bridge_only && (r->net == NET_HOST || r->net == NET_NONE)) {
        Diag *g = ecs_report(r->c, E_ECS_LINKS, false, v,
                             "%s sets links, which network mode %s does not support", who,
                             mode_name(r->net));
        diag_help(r->c->diags, g, "links work only in bridge mode (the default)");
    }
}

// Fargate does not support some linuxParameters (FG-4, FG-5).
static void check_fargate_linux(Rules *r, uint32_t i)
{
    static const struct {
        const char *member;
        ValueKind kind;
        DiagCode code;
    } params[] = {
        {"maxSwap", VAL_NUMBER, E_ECS_FARGATE_UNSUPPORTED},
        {"swappiness", VAL_NUMBER, E_ECS_FARGATE_UNSUPPORTED},
        {"devices", VAL_LIST, E_ECS_FARGATE_LINUX_PARAMETER},
        {"sharedMemorySize", VAL_NUMBER, E_ECS_FARGATE_LINUX_PARAMETER},
        {"tmpfs", VAL_LIST, E_ECS_FARGATE_LINUX_PARAMETER},
    };
    Value *lp = rules_get(r, i, CONTAINER_DEFINITION_LINUX_PARAMETERS);
    for (size_t k = 0; k < sizeof params / sizeof params[0]; k++) {
        Value *v = ecs_get(lp, params[k].member);
        if (!rules_is_set(v, params[k].kind))
            continue;
        Diag *g = ecs_report(r->c, params[k].code, false, v,
                             "%s sets linuxParameters.%s, which Fargate does not support",
                             rules_cname(r, i), params[k].member);
        diag_help(r->c->diags, g, "remove %s", params[k].member);
    }
}

static void check_windows_env_files(Rules *r, uint32_t i)
{
    Value *v = rules_get(r, i, CONTAINER_DEFINITION_ENVIRONMENT_FILES);
    if (!r->windows || !rules_is_set(v, VAL_LIST))
        return;
    Diag *g = ecs_report(r->c, E_ECS_WINDOWS_UNSUPPORTED, true, v,
                         "%s sets environmentFiles, which Windows containers cannot use",
                         rules_cname(r, i));
    diag_help(r->c->diags, g, "set the variables in environment or secrets instead");
}

// --- memory and cpu ----------------------------------------------------------------

static void check_memory(Rules *r, uint32_t i, Value *ctr)
{
    Value *mem = rules_get(r, i, CONTAINER_DEFINITION_MEMORY);
    Value *res = rules_get(r, i, CONTAINER_DEFINITION_MEMORY_RESERVATION);
    int64_t m = 0, rsv = 0;
    bool hm = ecs_int(mem, &m), hr = ecs_int(res, &rsv);
    // On Fargate a missing task memory is FG-2's fault, not each container's.
    if (!mem && !res && !r->has_task_memory && !r->fargate) {
        Diag *g = ecs_report(r->c, E_ECS_CONTAINER_MEMORY_MISSING, false, ctr,
                             "%s needs memory or memoryReservation, as the task sets no "
                             "memory",
                             rules_cname(r, i));
        const char *name = rules_name(ctr);
        rules_aws(
            r, g,
            arena_printf(r->c->arena,
                         "Invalid setting for container '%s'. At least one of 'memory' "
                         "or 'memoryReservation' must be specified.",
                         name && !value_is_sensitive(rules_get(r, i, CONTAINER_DEFINITION_NAME))
                             ? name
                             : "..."));
        diag_help(r->c->diags, g,
                  "set memoryReservation (a soft limit, MiB) or memory (a "
                  "hard limit) on the container, or memory on the task");
    }
    if (hm && hr && rsv > m) {
        Diag *g = ecs_report(r->c, E_ECS_MEMORY_RESERVATION, false, res,
                             "%s reserves %s MiB, more than its memory limit of %s MiB",
                             rules_cname(r, i), rules_int(r, res, rsv), rules_int(r, mem, m));
        diag_help(r->c->diags, g,
                  "memoryReservation (soft limit) must not exceed memory "
                  "(hard limit)");
    }
    static const char *const names[] = {"memory", "memoryReservation"};
    Value *vals[] = {mem, res};
    int64_t nums[] = {m, rsv};
    bool has[] = {hm, hr};
    for (int k = 0; k < 2; k++) {
        if (has[k] && nums[k] <= 0)
            ecs_report(r->c, E_ECS_RANGE, false, vals[k],
                       "%s of %s must be a positive number of MiB, not %s", names[k],
                       rules_cname(r, i), rules_int(r, vals[k], nums[k]));
        else if (has[k] && nums[k] < 6)
            ecs_report(r->c, E_ECS_CONTAINER_MEMORY_LOW, true, vals[k],
                       "%s of %s is %s MiB, below Docker's minimum of 6 MiB", names[k],
                       rules_cname(r, i), rules_int(r, vals[k], nums[k]));
    }
    Value *cpu = rules_get(r, i, CONTAINER_DEFINITION_CPU);
    int64_t c;
    if (ecs_int(cpu, &c) && c < 0)
        ecs_report(r->c, E_ECS_RANGE, false, cpu, "cpu of %s is %s; it must not be negative",
                   rules_cname(r, i), rules_int(r, cpu, c));
    else if (!r->windows && ecs_int(cpu, &c) && c > 262144)
        ecs_report(r->c, E_ECS_CONTAINER_CPU_RANGE, true, cpu,
                   "cpu %s of %s is above the 262144 CPU shares Linux applies",
                   rules_int(r, cpu, c), rules_cname(r, i));
}

// True for "ALL" or a positive integer.
static bool gpu_count(const char *s)
{
    if (strcmp(s, "ALL") == 0)
        return true;
    size_t n = strspn(s, "0123456789");
    return n > 0 && n < 10 && !s[n] && strspn(s, "0") < n;
}

static void check_resources(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_RESOURCE_REQUIREMENTS);
    for (uint32_t k = 0; k < rules_count(list); k++) {
        Value *rr = rules_item(list, k);
        const char *type = ecs_str(ecs_get(rr, "type"));
        Value *value = ecs_get(rr, "value");
        const char *s = ecs_str(value);
        if (!type || !s)
            continue;
        if (strcmp(type, "GPU") == 0 && r->fargate) {
            Diag *g =
                ecs_report(r->c, E_ECS_FARGATE_UNSUPPORTED, false, rr,
                           "%s asks for GPUs, which Fargate does not support", rules_cname(r, i));
            diag_help(r->c->diags, g, "GPUs need the EC2 or Managed Instances launch type");
        } else if (strcmp(type, "GPU") == 0 && !gpu_count(s)) {
            ecs_report(r->c, E_ECS_RESOURCE_REQUIREMENT, false, value,
                       "GPU count %s is not a positive integer or \"ALL\"", rules_show(r, value));
        } else if (strcmp(type, "NeuronDevice") == 0 && strcmp(s, "ALL") != 0) {
            ecs_report(r->c, E_ECS_RESOURCE_REQUIREMENT, false, value,
                       "a NeuronDevice requirement must have the value \"ALL\", not %s",
                       rules_show(r, value));
        } else if (strcmp(type, "NeuronDevice") == 0 && r->task && !r->managed) {
            Diag *g = ecs_report(r->c, E_ECS_RESOURCE_REQUIREMENT, false, rr,
                                 "NeuronDevice resources need the Managed Instances launch "
                                 "type");
            diag_help(r->c->diags, g, "add \"MANAGED_INSTANCES\" to requiresCompatibilities");
        }
    }
}

// --- port mappings -------------------------------------------------------------------

typedef struct PortSpan {
    int64_t lo, hi; // ports covered (lo == hi for a single port); lo 0 when unknown
    Value *at;      // the containerPort or containerPortRange value
} PortSpan;

// Parses "first-last" with 1 <= first < last <= 65535.
static bool parse_range(const char *s, int64_t *lo, int64_t *hi)
{
    size_t a = strspn(s, "0123456789");
    if (a == 0 || a > 5 || s[a] != '-')
        return false;
    size_t b = strspn(s + a + 1, "0123456789");
    if (b == 0 || b > 5 || s[a + 1 + b])
        return false;
    *lo = 0;
    *hi = 0;
    for (size_t k = 0; k < a; k++)
        *lo = *lo * 10 + (s[k] - '0');
    for (size_t k = 0; k < b; k++)
        *hi = *hi * 10 + (s[a + 1 + k] - '0');
    return *lo >= 1 && *lo < *hi && *hi <= 65535;
}

// NET-10 on one mapping with containerPortRange; false when it was reported.
static bool check_range(Rules *r, uint32_t i, Value *pm, Value *range, PortSpan *span)
{
    const char *who = rules_cname(r, i);
    Value *hp = ecs_get(pm, "hostPort");
    Diag *g = NULL;
    if (ecs_get(pm, "containerPort")) {
        g = ecs_report(r->c, E_ECS_PORT_RANGE, false, range,
                       "a port mapping of %s sets both containerPort and containerPortRange", who);
        diag_help(r->c->diags, g, "use one of them per port mapping");
    } else if (!parse_range(ecs_str(range), &span->lo, &span->hi)) {
        g = ecs_report(r->c, E_ECS_PORT_RANGE, false, range,
                       "containerPortRange %s of %s is not \"FIRST-LAST\" with 1 <= FIRST < "
                       "LAST <= 65535",
                       rules_show(r, range), who);
    } else if (r->net == NET_HOST) {
        g = ecs_report(r->c, E_ECS_PORT_RANGE, false, range,
                       "containerPortRange needs network mode bridge or awsvpc, not host");
    } else if (hp) {
        g = ecs_report(r->c, E_ECS_PORT_RANGE, false, hp,
                       "a port mapping with containerPortRange must leave hostPort out");
        diag_help(r->c->diags, g, "ECS picks the host ports of a range itself");
    }
    if (g)
        span->lo = span->hi = 0;
    return g == NULL;
}

// Why host port p should not be picked in bridge mode, or NULL.
static const char *reserved_host_port(const Rules *r, int64_t p)
{
    if (p == 22 || p == 2375 || p == 2376 || (p >= 51678 && p <= 51680))
        return "reserved by the host or the ECS agent";
    return p >= (r->windows ? 49152 : 49153) ? "in the ephemeral port range" : NULL;
}

// NET-1, NET-5, NET-11 on one mapping with a containerPort.
static void check_host_port(Rules *r, uint32_t i, int64_t cp, Value *cpv, Value *hp)
{
    int64_t h;
    if (!ecs_int(hp, &h))
        return;
    const char *cps = rules_int(r, cpv, cp), *hps = rules_int(r, hp, h);
    if ((r->net == NET_AWSVPC || r->net == NET_HOST) && h != cp) {
        bool vpc = r->net == NET_AWSVPC;
        Diag *g = ecs_report(r->c, vpc ? E_ECS_AWSVPC_HOST_PORT : E_ECS_HOST_MODE_PORT, false, hp,
                             "hostPort %s of %s differs from its containerPort %s under "
                             "network mode %s",
                             hps, rules_cname(r, i), cps, vpc ? "awsvpc" : "host");
        if (vpc)
            rules_aws(r, g,
                      "When networkMode=awsvpc, the host ports and container ports in "
                      "port mappings must match.");
        diag_help(r->c->diags, g, "remove hostPort or set it to %s", cps);
    } else if (r->net == NET_BRIDGE && h != 0 && reserved_host_port(r, h)) {
        Diag *g =
            ecs_report(r->c, E_ECS_RESERVED_HOST_PORT, true, hp, "hostPort %s of %s is %s", hps,
                       rules_cname(r, i),
                       value_is_sensitive(hp) ? "reserved or ephemeral" : reserved_host_port(r, h));
        diag_help(r->c->diags, g, "pick a port below 32768, or 0 (or none) for a dynamic port");
    }
}

// The index of an earlier span overlapping `s`, or -1.
static int64_t overlap(const PortSpan *spans, uint32_t k, PortSpan s)
{
    for (uint32_t j = 0; j < k; j++) {
        if (spans[j].lo && s.lo && spans[j].lo <= s.hi && s.lo <= spans[j].hi)
            return j;
    }
    return -1;
}

static void report_overlap(Rules *r, uint32_t i, PortSpan s, PortSpan earlier, bool ranges)
{
    Diag *g;
    if (ranges) {
        g = ecs_report(r->c, E_ECS_PORT_RANGE, false, s.at,
                       "ports of %s overlap another port mapping of the container",
                       rules_cname(r, i));
        diag_help(r->c->diags, g, "a port may be in only one port mapping per container");
    } else {
        g = ecs_report(r->c, E_ECS_DUPLICATE_CONTAINER_PORT, false, s.at,
                       "container port %s of %s is mapped twice", rules_int(r, s.at, s.lo),
                       rules_cname(r, i));
        rules_aws(r, g, "You can't expose the same container port for multiple protocols.");
    }
    diag_note_at(r->c->diags, g,
                 span_is_none(earlier.at->site) ? earlier.at->origin : earlier.at->site,
                 "the earlier mapping");
}

static bool same_mapping(const Value *list, uint32_t j, uint32_t k)
{
    return value_equal(rules_item(list, j), rules_item(list, k));
}

// REQ-6: a port mapping names its containerPort (or containerPortRange).
static void report_no_port(Rules *r, uint32_t i, Value *pm)
{
    Diag *g = ecs_report(r->c, E_ECS_REQUIRED, false, pm,
                         "a port mapping of %s has no containerPort", rules_cname(r, i));
    const char *name = rules_name(rules_container(r, i));
    rules_aws(r, g,
              arena_printf(r->c->arena, "Invalid 'containerPort' setting for container '%s'.",
                           name && !value_is_sensitive(rules_get(r, i, CONTAINER_DEFINITION_NAME))
                               ? name
                               : "..."));
    diag_help(r->c->diags, g, "set containerPort (or containerPortRange for a range of ports)");
}

static void check_ports(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_PORT_MAPPINGS);
    uint32_t n = rules_count(list);
    if (r->net == NET_NONE && n > 0) {
        Diag *g =
            ecs_report(r->c, E_ECS_NONE_MODE_PORTS, false, list,
                       "%s maps ports, but network mode none has no network", rules_cname(r, i));
        diag_help(r->c->diags, g, "remove portMappings or pick another network mode");
        return;
    }
    PortSpan *spans = arena_alloc(r->c->arena, (n ? n : 1) * sizeof(PortSpan));
    for (uint32_t k = 0; k < n; k++) {
        Value *pm = rules_item(list, k);
        Value *range = ecs_get(pm, "containerPortRange");
        Value *cpv = ecs_get(pm, "containerPort");
        int64_t cp;
        spans[k] = (PortSpan){0, 0, range ? range : cpv};
        if (!range && !cpv && pm->kind == VAL_OBJECT) {
            report_no_port(r, i, pm);
            continue;
        }
        if (ecs_str(range)) {
            if (!check_range(r, i, pm, range, &spans[k]))
                continue;
        } else if (!range && ecs_int(cpv, &cp) && cp >= 1 && cp <= 65535) {
            spans[k].lo = spans[k].hi = cp;
            check_host_port(r, i, cp, cpv, ecs_get(pm, "hostPort"));
        }
        int64_t j = overlap(spans, k, spans[k]);
        // An identical mapping is REF-15's duplicate item.
        if (j >= 0 && !same_mapping(list, (uint32_t)j, k))
            report_overlap(r, i, spans[k], spans[j],
                           spans[k].lo != spans[k].hi || spans[j].lo != spans[j].hi);
    }
}

// NET-14: under host mode, a container should not run as root.
static void check_root_user(Rules *r, uint32_t i)
{
    Value *user = rules_get(r, i, CONTAINER_DEFINITION_USER);
    const char *u = ecs_str(user);
    if (r->net != NET_HOST || !u || r->windows)
        return;
    size_t n = strcspn(u, ":");
    if ((n == 4 && strncmp(u, "root", 4) == 0) || (n == 1 && u[0] == '0')) {
        Diag *g = ecs_report(r->c, E_ECS_HOST_MODE_ROOT, true, user,
                             "%s runs as root in network mode host", rules_cname(r, i));
        diag_help(r->c->diags, g,
                  "AWS recommends a non-root user when the task shares the "
                  "host's network");
    }
}

// --- Fargate limits ---------------------------------------------------------------------

static void check_fargate_log(Rules *r, uint32_t i)
{
    Value *log = rules_get(r, i, CONTAINER_DEFINITION_LOG_CONFIGURATION);
    Value *driver = ecs_get(log, "logDriver");
    const char *d = ecs_str(driver);
    static const char *const others[] = {"json-file", "syslog", "journald", "gelf", "fluentd"};
    for (size_t k = 0; d && k < sizeof others / sizeof others[0]; k++) {
        if (strcmp(d, others[k]) != 0)
            continue;
        Diag *g =
            ecs_report(r->c, E_ECS_FARGATE_LOG_DRIVER, false, driver,
                       "log driver %s of %s is not supported on Fargate", d, rules_cname(r, i));
        diag_help(r->c->diags, g, "Fargate supports awslogs, splunk and awsfirelens");
    }
    Value *fc = rules_get(r, i, CONTAINER_DEFINITION_FIRELENS_CONFIGURATION);
    Value *cft = ecs_get(ecs_get(fc, "options"), "config-file-type");
    const char *t = ecs_str(cft);
    if (t && strcmp(t, "file") != 0) {
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_FIRELENS_CONFIG, false, cft,
                             "FireLens config-file-type %s is not supported on Fargate",
                             rules_show(r, cft));
        diag_help(r->c->diags, g, "on Fargate the config file must be \"file\" (in the image)");
    }
}

static void check_fargate_container(Rules *r, uint32_t i)
{
    check_fargate_log(r, i);
    Value *lp = rules_get(r, i, CONTAINER_DEFINITION_LINUX_PARAMETERS);
    Value *add = ecs_get(ecs_get(lp, "capabilities"), "add");
    for (uint32_t k = 0; k < rules_count(add) && !r->windows; k++) {
        Value *cap = rules_item(add, k);
        const char *s = ecs_str(cap);
        if (!s || strcmp(s, "SYS_PTRACE") == 0)
            continue;
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_CAPABILITY, false, cap,
                             "%s adds capability %s; Fargate allows only SYS_PTRACE",
                             rules_cname(r, i), rules_show(r, cap));
        diag_help(r->c->diags, g, "remove it from linuxParameters.capabilities.add");
    }
    static const char *const timeouts[] = {"startTimeout", "stopTimeout"};
    static const ContainerDefinitionSlot slots[] = {CONTAINER_DEFINITION_START_TIMEOUT,
                                                    CONTAINER_DEFINITION_STOP_TIMEOUT};
    for (int k = 0; k < 2; k++) {
        Value *v = rules_get(r, i, slots[k]);
        int64_t t;
        if (ecs_int(v, &t) && (t < 2 || t > 120))
            ecs_report(r->c, E_ECS_FARGATE_TIMEOUT, false, v,
                       "%s %s of %s is outside the 2 to 120 seconds Fargate accepts", timeouts[k],
                       rules_int(r, v, t), rules_cname(r, i));
    }
}

// --- system controls ----------------------------------------------------------------------

typedef enum SysctlKind { SYSCTL_IPC, SYSCTL_NET, SYSCTL_OTHER } SysctlKind;

static SysctlKind sysctl_kind(const char *ns)
{
    static const char *const ipc[] = {"kernel.msgmax", "kernel.msgmnb",         "kernel.msgmni",
                                      "kernel.sem",    "kernel.shmall",         "kernel.shmmax",
                                      "kernel.shmmni", "kernel.shm_rmid_forced"};
    for (size_t k = 0; k < sizeof ipc / sizeof ipc[0]; k++) {
        if (strcmp(ns, ipc[k]) == 0)
            return SYSCTL_IPC;
    }
    if (rules_starts(ns, "fs.mqueue."))
        return SYSCTL_IPC;
    return rules_starts(ns, "net.") ? SYSCTL_NET : SYSCTL_OTHER;
}

static void check_sysctls(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_SYSTEM_CONTROLS);
    const char *ipc = ecs_str(rules_task_get(r, TASK_DEFINITION_IPC_MODE));
    bool ipc_host = ipc && strcmp(ipc, "host") == 0;
    for (uint32_t k = 0; k < rules_count(list) && !r->windows; k++) {
        Value *ns = ecs_get(rules_item(list, k), "namespace");
        const char *s = ecs_str(ns);
        if (!s)
            continue;
        switch (sysctl_kind(s)) {
        case SYSCTL_IPC:
            if (ipc_host)
                ecs_report(r->c, E_ECS_SYSCTL_MODE, false, ns,
                           "system control %s of %s is not allowed with ipcMode host",
                           rules_show(r, ns), rules_cname(r, i));
            break;
        case SYSCTL_NET:
            if (r->net == NET_HOST)
                ecs_report(r->c, E_ECS_SYSCTL_MODE, false, ns,
                           "system control %s of %s is not allowed with network mode host",
                           rules_show(r, ns), rules_cname(r, i));
            break;
        case SYSCTL_OTHER: {
            Diag *g = ecs_report(r->c, E_ECS_SYSCTL_NAMESPACE, true, ns,
                                 "system control %s of %s is not a namespaced kernel parameter",
                                 rules_show(r, ns), rules_cname(r, i));
            diag_help(r->c->diags, g,
                      "containers may set net.*, fs.mqueue.* and the kernel "
                      "IPC parameters (kernel.msg*, kernel.sem, kernel.shm*)");
            break;
        }
        }
    }
}

// --- FireLens options -----------------------------------------------------------------

// firelensConfiguration.options (model text): enable-ecs-log-metadata is
// "true" or "false", config-file-type "s3" or "file" and comes with a
// config-file-value.
static void check_firelens_options(Rules *r, uint32_t i)
{
    Value *opts = ecs_get(rules_get(r, i, CONTAINER_DEFINITION_FIRELENS_CONFIGURATION), "options");
    static const struct {
        const char *name, *a, *b;
    } choices[] = {{"enable-ecs-log-metadata", "true", "false"},
                   {"config-file-type", "s3", "file"}};
    for (size_t k = 0; k < 2; k++) {
        Value *v = ecs_get(opts, choices[k].name);
        const char *s = ecs_str(v);
        if (!s || strcmp(s, choices[k].a) == 0 || strcmp(s, choices[k].b) == 0)
            continue;
        ecs_report(r->c, E_ECS_ENUM, false, v,
                   "FireLens option %s of %s must be \"%s\" or \"%s\", not %s", choices[k].name,
                   rules_cname(r, i), choices[k].a, choices[k].b, rules_show(r, v));
    }
    Value *type = ecs_get(opts, "config-file-type");
    const char *value = ecs_str(ecs_get(opts, "config-file-value"));
    if (ecs_str(type) && (!value || !*value)) {
        Diag *g = ecs_report(r->c, E_ECS_REQUIRED, false, type,
                             "FireLens config-file-type of %s needs a config-file-value",
                             rules_cname(r, i));
        diag_help(r->c->diags, g,
                  "give the file: an S3 object ARN for \"s3\", a path in the image for "
                  "\"file\"");
    }
}

void rules_container_each(Rules *r, uint32_t i)
{
    Value *ctr = rules_container(r, i);
    for (size_t k = 0; k < sizeof unsupported / sizeof unsupported[0]; k++)
        check_unsupported(r, i, &unsupported[k]);
    if (r->fargate && !r->windows)
        check_fargate_linux(r, i);
    check_windows_env_files(r, i);
    check_memory(r, i, ctr);
    check_resources(r, i);
    check_ports(r, i);
    check_root_user(r, i);
    if (r->fargate)
        check_fargate_container(r, i);
    check_sysctls(r, i);
    check_firelens_options(r, i);
}
