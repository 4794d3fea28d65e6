// rules_task.c - the entry points of the cross-member ECS rules, and the
// task-level ones: task size (SIZE-*), Fargate at task level (FG-1..3, 6,
// 11, 14), Windows (NET-13, VAL-19 task members), roles (VAL-9),
// placement constraints (VAL-17), container sums (RES-4, RES-5) and the
// serialized size (DOC-6). Per-container rules live in rules_container.c,
// references in rules_refs.c, value formats in rules_values.c, volumes in
// rules_volumes.c.
//
// Not checked here: NET-15 and FG-16 are about services (RunTask,
// CreateService), not task definitions. FG-15 (Fargate platform versions
// needed by some features) is recorded, not reported: the platform version
// is chosen by the service or RunTask, and LATEST (1.4.0) has them all, so
// no task definition is wrong because of it.
#include "ecs/rules_impl.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "emit/emit.h"

// --- task size ---------------------------------------------------------------

typedef struct FargateRow {
    int64_t cpu;
    int64_t first, last, step; // memory from first to last in steps
    int64_t extra;             // one more memory value below `first` (0 when none)
    bool windows;              // available to Windows tasks
} FargateRow;

// The 74 Fargate task sizes (rule SIZE-*; docs/ecs.md).
static const FargateRow fargate_rows[] = {
    {256, 1024, 2048, 1024, 512, false},    {512, 1024, 4096, 1024, 0, false},
    {1024, 2048, 8192, 1024, 0, true},      {2048, 4096, 16384, 1024, 0, true},
    {4096, 8192, 30720, 1024, 0, true},     {8192, 16384, 61440, 4096, 0, false},
    {16384, 32768, 122880, 8192, 0, false},
};
#define NROWS (sizeof fargate_rows / sizeof fargate_rows[0])

static const FargateRow *fargate_row(int64_t cpu)
{
    for (size_t i = 0; i < NROWS; i++) {
        if (fargate_rows[i].cpu == cpu)
            return &fargate_rows[i];
    }
    return NULL;
}

static bool row_has(const FargateRow *row, int64_t mem)
{
    if (mem == row->extra)
        return true;
    return mem >= row->first && mem <= row->last && (mem - row->first) % row->step == 0;
}

static const char *gb(Arena *a, int64_t mib)
{
    if (mib % 1024 == 0)
        return arena_printf(a, "%lld GB", (long long)(mib / 1024));
    return arena_printf(a, "%.1f GB", (double)mib / 1024.0);
}

static const char *vcpu(Arena *a, int64_t cpu)
{
    if (cpu % 1024 == 0)
        return arena_printf(a, "%lld vCPU", (long long)(cpu / 1024));
    return arena_printf(a, "%g vCPU", (double)cpu / 1024.0);
}

// Joins `items` as "a, b or c".
static const char *join_or(Arena *a, const char *const *items, size_t n)
{
    const char *s = n ? items[0] : "";
    for (size_t k = 1; k < n; k++)
        s = arena_printf(a, "%s%s%s", s, k + 1 == n ? " or " : ", ", items[k]);
    return s;
}

static void help_memory_for(Rules *r, Diag *g, const FargateRow *row)
{
    Arena *a = r->c->arena;
    const char *range;
    if ((row->last - row->first) / row->step < 4) {
        const char *items[5];
        size_t n = 0;
        if (row->extra)
            items[n++] = arena_printf(a, "%lld", (long long)row->extra);
        for (int64_t m = row->first; m <= row->last; m += row->step)
            items[n++] = arena_printf(a, "%lld", (long long)m);
        range = arena_printf(a, "%s MiB", join_or(a, items, n));
    } else {
        range = arena_printf(a, "%lld to %lld MiB in steps of %lld (%s to %s)",
                             (long long)row->first, (long long)row->last, (long long)row->step,
                             gb(a, row->first), gb(a, row->last));
    }
    diag_help(r->c->diags, g, "with cpu %lld (%s), memory must be %s", (long long)row->cpu,
              vcpu(a, row->cpu), range);
}

// The cpu values whose rows hold `mem`, as "256 or 512", or NULL.
static const char *cpus_for(Rules *r, int64_t mem)
{
    const char *items[NROWS];
    size_t n = 0;
    for (size_t i = 0; i < NROWS; i++) {
        if (row_has(&fargate_rows[i], mem) && (!r->windows || fargate_rows[i].windows))
            items[n++] = arena_printf(r->c->arena, "%lld", (long long)fargate_rows[i].cpu);
    }
    return n ? join_or(r->c->arena, items, n) : NULL;
}

static void check_fargate_size(Rules *r, Value *cpu, Value *mem)
{
    const FargateRow *row = fargate_row(r->task_cpu);
    if (!row) {
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_SIZE, false, cpu,
                             "task cpu %s is not a Fargate size", rules_int(r, cpu, r->task_cpu));
        rules_aws(r, g, "Invalid 'cpu' setting for task.");
        diag_help(r->c->diags, g,
                  "Fargate takes cpu 256 (.25 vCPU), 512 (.5 vCPU), 1024, "
                  "2048, 4096, 8192 or 16384 (16 vCPU)");
        return;
    }
    if (r->windows && !row->windows) {
        Diag *g = ecs_report(r->c, E_ECS_WINDOWS_FARGATE_SIZE, false, cpu,
                             "task cpu %s is not available to Windows tasks on Fargate",
                             rules_int(r, cpu, r->task_cpu));
        diag_help(r->c->diags, g,
                  "Windows on Fargate takes cpu 1024, 2048 or 4096 "
                  "(1, 2 or 4 vCPU)");
        return;
    }
    if (!r->mem_ok || row_has(row, r->task_mem))
        return;
    Diag *g = ecs_report(r->c, E_ECS_FARGATE_SIZE, false, mem,
                         "task memory %s MiB is not a Fargate size for cpu %s",
                         rules_int(r, mem, r->task_mem), rules_int(r, cpu, r->task_cpu));
    rules_aws(r, g, "No Fargate configuration exists for given values.");
    if (value_is_sensitive(cpu) || value_is_sensitive(mem))
        return; // the sizes that would fit tell the secret ones
    help_memory_for(r, g, row);
    const char *fits = cpus_for(r, r->task_mem);
    if (fits)
        diag_help(r->c->diags, g, "or keep memory %lld and set cpu to %s", (long long)r->task_mem,
                  fits);
}

// Reports task `what` ("cpu" or "memory") of value `v` in no form ECS reads.
static void report_size_format(Rules *r, Value *v, bool memory)
{
    const char *s = ecs_str(v);
    int64_t n;
    if (memory && ecs_parse_size(s, "gb", &n) && n == 0) {
        ecs_report(r->c, E_ECS_TASK_SIZE_FORMAT, false, v, "task memory must be more than 0 MiB");
        return;
    }
    const char *hint = value_is_sensitive(v) ? NULL : ecs_size_hint(r->c->arena, s, memory);
    Diag *g =
        ecs_report(r->c, E_ECS_TASK_SIZE_FORMAT, false, v, "task %s %s is not %s",
                   memory ? "memory" : "cpu", rules_show(r, v), ecs_size_wanted(hint, memory));
    if (hint)
        diag_help(r->c->diags, g, "%s", hint);
    else if (memory)
        diag_help(r->c->diags, g, "write MiB (\"2048\") or GB (\"2 GB\"); 1 GB is 1024 MiB");
    else
        diag_help(r->c->diags, g,
                  "write CPU units (\"1024\") or vCPUs (\"1 vCPU\", \".25 vCPU\"); 1 vCPU is "
                  "1024 units");
}

// Parses task cpu and memory (SIZE-1) into r.
static void parse_task_size(Rules *r, Value *cpu, Value *mem)
{
    const char *s = ecs_str(cpu);
    if (s) {
        r->cpu_ok = ecs_parse_size(s, "vcpu", &r->task_cpu);
        if (!r->cpu_ok)
            report_size_format(r, cpu, false);
    }
    s = ecs_str(mem);
    if (s) {
        r->mem_ok = ecs_parse_size(s, "gb", &r->task_mem) && r->task_mem > 0;
        if (!r->mem_ok)
            report_size_format(r, mem, true);
    }
}

static void check_size(Rules *r)
{
    Value *cpu = ecs_get(r->facts, "cpu");
    Value *mem = ecs_get(r->facts, "memory");
    parse_task_size(r, cpu, mem);
    if (r->fargate && !r->partial && (!cpu || !mem)) {
        const char *what = !cpu && !mem ? "cpu and memory" : !cpu ? "cpu" : "memory";
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_SIZE_MISSING, false, r->fargate_item,
                             "a Fargate task needs task-level %s", what);
        if (!cpu)
            rules_aws(r, g, "Fargate requires that 'cpu' be defined at the task level.");
        diag_help(r->c->diags, g,
                  "set cpu and memory on the task, e.g. cpu \"256\" and "
                  "memory \"512\"");
    }
    if (r->fargate && r->cpu_ok) {
        check_fargate_size(r, cpu, mem);
    } else if (!r->fargate && r->cpu_ok && (r->task_cpu < 128 || r->task_cpu > 196608)) {
        Diag *g = ecs_report(r->c, E_ECS_TASK_CPU_RANGE, false, cpu,
                             "task cpu %s is outside the 128 to 196608 CPU units ECS accepts",
                             rules_int(r, cpu, r->task_cpu));
        diag_help(r->c->diags, g, "use 128 (0.125 vCPU) to 196608 (192 vCPU), or leave cpu out");
    }
    if (r->windows && !r->fargate && (cpu || mem)) {
        Diag *g = ecs_report(r->c, E_ECS_WINDOWS_TASK_SIZE, true, cpu ? cpu : mem,
                             "task-level cpu and memory are ignored for Windows containers "
                             "on EC2");
        diag_help(r->c->diags, g, "set cpu and memory on each container instead");
    }
}

// --- container sums --------------------------------------------------------------

// RES-4 and RES-5. `over` is true when a container's memory alone was already
// reported above the task's (RES-3), which would make the sum a cascade.
static void check_sums(Rules *r, bool over)
{
    int64_t mem = 0, cpu = 0;
    bool mem_secret = false, cpu_secret = false; // a sum over a secret is one
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n; i++) {
        int64_t v;
        Value *m = rules_get(r, i, CONTAINER_DEFINITION_MEMORY_RESERVATION);
        if (!ecs_int(m, &v))
            m = rules_get(r, i, CONTAINER_DEFINITION_MEMORY);
        if (ecs_int(m, &v)) {
            mem += v > 0 ? v : 0;
            mem_secret |= value_is_sensitive(m);
        }
        Value *c = rules_get(r, i, CONTAINER_DEFINITION_CPU);
        if (ecs_int(c, &v)) {
            cpu += v > 0 ? v : 0;
            cpu_secret |= value_is_sensitive(c);
        }
    }
    Value *task_mem = ecs_get(r->facts, "memory"), *task_cpu = ecs_get(r->facts, "cpu");
    if (r->mem_ok && !over && mem > r->task_mem) {
        Diag *g = ecs_report(r->c, E_ECS_MEMORY_SUM, false, task_mem,
                             "the containers reserve %s MiB, more than the task's %s MiB",
                             mem_secret ? "(sensitive)" : rules_int(r, NULL, mem),
                             rules_int(r, task_mem, r->task_mem));
        rules_aws(r, g,
                  "The sum of all container 'memoryReservation' values cannot be "
                  "greater than the value of the task 'memory'.");
        diag_help(r->c->diags, g,
                  "each container counts its memoryReservation, else its "
                  "memory; lower them or raise the task's memory");
    }
    if (r->cpu_ok && cpu > r->task_cpu) {
        Diag *g = ecs_report(r->c, E_ECS_CPU_SUM, false, task_cpu,
                             "the containers use %s CPU units, more than the task's %s",
                             cpu_secret ? "(sensitive)" : rules_int(r, NULL, cpu),
                             rules_int(r, task_cpu, r->task_cpu));
        rules_aws(r, g,
                  "The sum of all container 'cpu' values cannot be greater than the "
                  "value of the task 'cpu'.");
    }
}

// RES-3, one report per container; returns true when one was reported.
static bool check_container_memory(Rules *r)
{
    bool any = false;
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n && r->mem_ok; i++) {
        Value *m = rules_get(r, i, CONTAINER_DEFINITION_MEMORY);
        int64_t v;
        if (!ecs_int(m, &v) || v <= r->task_mem)
            continue;
        Diag *g =
            ecs_report(r->c, E_ECS_CONTAINER_MEMORY_OVER_TASK, false, m,
                       "%s has memory %s MiB, more than the task's %s MiB", rules_cname(r, i),
                       rules_int(r, m, v), rules_int(r, ecs_get(r->task, "memory"), r->task_mem));
        const char *name = rules_name(rules_container(r, i));
        rules_aws(r, g,
                  arena_printf(r->c->arena,
                               "The 'memory' setting for container '%s' is greater than for "
                               "the task.",
                               name && !value_is_sensitive(m) ? name : "..."));
        any = true;
    }
    return any;
}

// --- Fargate, Windows, network mode --------------------------------------------

static void check_fargate_task(Rules *r)
{
    Value *mode = ecs_get(r->facts, "networkMode");
    Diag *g = NULL;
    if (!mode && !r->partial)
        g = ecs_report(r->c, E_ECS_FARGATE_NETWORK_MODE, false, r->fargate_item,
                       "Fargate needs network mode awsvpc, and the default is bridge");
    else if (r->net != NET_AWSVPC && r->net != NET_UNKNOWN) // UNKNOWN: the schema's ENUM-1
        g = ecs_report(r->c, E_ECS_FARGATE_NETWORK_MODE, false, mode,
                       "Fargate needs network mode awsvpc, not %s", rules_show(r, mode));
    if (g) {
        rules_aws(r, g, "Fargate only supports network mode 'awsvpc'.");
        diag_help(r->c->diags, g, "set networkMode to \"awsvpc\"");
    }
    Value *pc = ecs_get(r->task, "placementConstraints");
    if (rules_is_set(pc, VAL_LIST))
        ecs_report(r->c, E_ECS_FARGATE_PLACEMENT, false, pc,
                   "placement constraints are not supported on Fargate");
    Value *ia = ecs_get(r->task, "inferenceAccelerators");
    if (rules_is_set(ia, VAL_LIST))
        ecs_report(r->c, E_ECS_FARGATE_INFERENCE, true, ia,
                   "inference accelerators (Elastic Inference) are not available on Fargate");
}

// pidMode and ipcMode: Windows first (VAL-19), then Fargate (FG-4, FG-6).
static void check_namespaces(Rules *r)
{
    Value *pid = ecs_get(r->task, "pidMode");
    Value *ipc = ecs_get(r->task, "ipcMode");
    if (r->windows) {
        if (rules_is_set(pid, VAL_STRING))
            ecs_report(r->c, E_ECS_WINDOWS_UNSUPPORTED, false, pid,
                       "pidMode is not supported for Windows containers");
        if (rules_is_set(ipc, VAL_STRING))
            ecs_report(r->c, E_ECS_WINDOWS_UNSUPPORTED, false, ipc,
                       "ipcMode is not supported for Windows containers");
        return;
    }
    if (!r->fargate)
        return;
    const char *p = ecs_str(pid);
    if (p && strcmp(p, "host") == 0) {
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_PID_MODE, false, pid,
                             "pidMode host is not supported on Fargate");
        rules_aws(r, g,
                  "Tasks using the Fargate launch type do not support pidMode 'host'. "
                  "The supported value for pidMode is 'task'.");
    }
    if (rules_is_set(ipc, VAL_STRING)) {
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_UNSUPPORTED, false, ipc,
                             "ipcMode is not supported on Fargate");
        rules_aws(r, g, "Tasks using the Fargate launch type do not support ipcMode.");
        diag_help(r->c->diags, g, "remove ipcMode");
    }
}

static void check_windows_task(Rules *r)
{
    Value *arch = ecs_get(ecs_get(r->task, "runtimePlatform"), "cpuArchitecture");
    const char *a = ecs_str(arch);
    if (r->windows && a && strcmp(a, "ARM64") == 0)
        ecs_report(r->c, E_ECS_WINDOWS_UNSUPPORTED, false, arch,
                   "Windows containers need cpuArchitecture X86_64, not ARM64");
    Value *mode = ecs_get(r->task, "networkMode");
    const char *m = ecs_str(mode);
    if (r->windows && !r->fargate && m && strcmp(m, "awsvpc") != 0 && r->net != NET_UNKNOWN) {
        Diag *g = ecs_report(r->c, E_ECS_WINDOWS_NETWORK_MODE, false, mode,
                             "Windows tasks on EC2 support network mode awsvpc or the "
                             "default, not %s",
                             rules_show(r, mode));
        diag_help(r->c->diags, g, "set networkMode to \"awsvpc\" or leave it out");
    }
}

// --- roles, placement constraints ------------------------------------------------

// True for the resource of a role ARN: "role/" then [\w+=,.@/-]+.
static bool role_resource(const char *s)
{
    if (!rules_starts(s, "role/") || !s[5])
        return false;
    for (s += 5; *s; s++) {
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-/", *s))
            return false;
    }
    return true;
}

static bool role_arn(Rules *r, const char *s)
{
    Arn arn;
    return rules_arn(r->c->arena, s, &arn) && strcmp(arn.service, "iam") == 0 && !*arn.region &&
           rules_account(arn.account) && role_resource(arn.resource);
}

// A role's name, as ECS takes it in place of the ARN (it fills in the
// account): 1-64 of [\w+=,.@-], after an optional path ("service-role/").
static bool role_name(const char *s)
{
    const char *base = strrchr(s, '/');
    size_t n = strlen(base ? base + 1 : s);
    return n >= 1 && n <= 64 &&
           strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-/") ==
               strlen(s);
}

// VAL-9: taskRoleArn and executionRoleArn take a role ARN, a role name or
// "" (no role), as ECS does.
static void check_roles(Rules *r)
{
    static const char *const members[] = {"executionRoleArn", "taskRoleArn"};
    for (int k = 0; k < 2; k++) {
        Value *role = ecs_get(r->task, members[k]);
        const char *s = ecs_str(role);
        if (!s || !*s || role_arn(r, s) || role_name(s))
            continue;
        Diag *g = ecs_report(r->c, E_ECS_ROLE_ARN, false, role,
                             "%s %s is not an IAM role ARN or role name", members[k],
                             rules_show(r, role));
        diag_help(r->c->diags, g,
                  "write arn:aws:iam::123456789012:role/NAME, or the role's name alone");
    }
}

// The subjects of the cluster query language.
static const char *const cql_subjects[] = {
    "agentConnected", "agentVersion",      "attribute:", "ec2InstanceId",
    "registeredAt",   "runningTasksCount", "task:group",
};

// True when `s`, past opening parentheses and "not", starts with a subject.
static bool cql_starts_well(const char *s)
{
    for (;;) {
        while (*s == ' ' || *s == '(')
            s++;
        if (rules_starts(s, "not ") || rules_starts(s, "not("))
            s += 3;
        else
            break;
    }
    for (size_t i = 0; i < sizeof cql_subjects / sizeof cql_subjects[0]; i++) {
        if (rules_starts(s, cql_subjects[i]))
            return true;
    }
    return false;
}

static void check_placement(Rules *r)
{
    Value *list = ecs_get(r->task, "placementConstraints");
    uint32_t n = rules_count(list);
    for (uint32_t i = 0; i < n && !r->fargate; i++) {
        Value *pc = rules_item(list, i);
        const char *type = ecs_str(ecs_get(pc, "type"));
        Value *expr = ecs_get(pc, "expression");
        const char *e = ecs_str(expr);
        if (!type || strcmp(type, "memberOf") != 0 || (expr && !e))
            continue;
        if (!e || !*e) {
            Diag *g = ecs_report(r->c, E_ECS_PLACEMENT_EXPRESSION, false, expr ? expr : pc,
                                 "a memberOf placement constraint needs an expression");
            diag_help(r->c->diags, g,
                      "write a cluster query, e.g. "
                      "\"attribute:ecs.instance-type =~ t3.*\"");
        } else if (!cql_starts_well(e)) {
            Diag *g =
                ecs_report(r->c, E_ECS_PLACEMENT_EXPRESSION, false, expr,
                           "placement expression %s is not a cluster query", rules_show(r, expr));
            diag_help(r->c->diags, g,
                      "a cluster query compares agentConnected, agentVersion, "
                      "attribute:NAME, ec2InstanceId, registeredAt, "
                      "runningTasksCount or task:group");
        }
    }
}

// --- execution role (FG-11) -------------------------------------------------------

// True for an Amazon ECR image: ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO...
static bool ecr_image(const char *s)
{
    const char *slash = strchr(s, '/');
    if (!slash)
        return false;
    const char *ecr = strstr(s, ".dkr.ecr.");
    const char *aws = strstr(s, ".amazonaws.com");
    return ecr && aws && ecr < slash && aws < slash;
}

static bool s3_env_file(const Value *ctr)
{
    Value *files = ecs_get(ctr, "environmentFiles");
    for (uint32_t i = 0; i < rules_count(files); i++) {
        const char *t = ecs_str(ecs_get(rules_item(files, i), "type"));
        if (t && strcmp(t, "s3") == 0)
            return true;
    }
    return false;
}

// The member of `ctr` that needs an execution role, with what AWS says, or
// NULL. Secrets and registry credentials need one on every launch type, the
// others on Fargate (FG-11).
static Value *needs_role(const Rules *r, const Value *ctr, const char **why, const char **aws)
{
    Value *secrets = ecs_get(ctr, "secrets");
    Value *creds = ecs_get(ctr, "repositoryCredentials");
    *aws = NULL;
    if (rules_is_set(secrets, VAL_LIST)) {
        *why = "reads secrets";
        *aws = "When you are specifying container secrets, you must also specify a value for "
               "'executionRoleArn'.";
        return secrets;
    }
    if (rules_is_set(creds, VAL_OBJECT)) {
        *why = "uses private registry credentials";
        *aws = "Private repository authentication requires that the task definition specify a "
               "value for executionRoleArn.";
        return creds;
    }
    if (!r->fargate)
        return NULL;
    Value *log = ecs_get(ctr, "logConfiguration");
    Value *driver = ecs_get(log, "logDriver");
    const char *d = ecs_str(driver);
    if (d && strcmp(d, "awslogs") == 0) {
        *why = "uses the awslogs log driver";
        *aws = "Fargate requires task definition to have execution role ARN to support log "
               "driver awslogs.";
        return driver;
    }
    Value *image = ecs_get(ctr, "image");
    if (ecs_str(image) && ecr_image(ecs_str(image))) {
        *why = "pulls an Amazon ECR image";
        *aws = "Fargate requires task definition to have execution role ARN to support ECR "
               "images.";
        return image;
    }
    Value *files = ecs_get(ctr, "environmentFiles");
    if (rules_is_set(files, VAL_LIST) && s3_env_file(ctr)) {
        *why = "reads environment files from S3";
        return files;
    }
    Value *so = ecs_get(log, "secretOptions");
    *why = "passes secrets to its log driver";
    return rules_is_set(so, VAL_LIST) ? so : NULL;
}

// FG-11 and the execution role of secrets: only when the task is known (a
// container list does not say whether its task has a role). An empty
// executionRoleArn is no role.
static void check_execution_role(Rules *r)
{
    Value *given = ecs_get(r->task, "executionRoleArn");
    const char *role = ecs_str(given);
    if (!r->task || (role && *role) || (!role && given) || (!given && r->partial))
        return;
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n; i++) {
        const char *why, *aws;
        Value *at = needs_role(r, rules_container(r, i), &why, &aws);
        if (!at)
            continue;
        Diag *g = ecs_report(r->c, E_ECS_EXECUTION_ROLE_MISSING, false, at,
                             "this %stask needs an executionRoleArn: %s %s",
                             r->fargate ? "Fargate " : "", rules_cname(r, i), why);
        if (aws)
            rules_aws(r, g, aws);
        diag_help(r->c->diags, g,
                  "set executionRoleArn to a role that ECS can assume "
                  "(e.g. one with AmazonECSTaskExecutionRolePolicy)");
        return; // one role fixes every container
    }
}

// --- serialized size (DOC-6) -------------------------------------------------------

#define TASK_MAX_BYTES 65536
#define BOUND_MAX_DEPTH 64 // deeper values are left to the emitter's own walk

// More than any compact JSON text of scalar `v` can take (each string byte
// at most six bytes, a number at most its buffer), or SIZE_MAX at an
// invalid or non-finite value.
static size_t scalar_bound(const Value *v)
{
    switch (v->kind) {
    case VAL_NULL:
    case VAL_BOOL:
        return 5;
    case VAL_NUMBER:
        return isfinite(v->as.number) ? VALUE_NUMBER_BUF : SIZE_MAX;
    case VAL_STRING:
        return 6 * (size_t)v->as.str.len + 2;
    case VAL_LIST:
    case VAL_OBJECT:
    case VAL_INVALID:
        break;
    }
    return SIZE_MAX;
}

static size_t json_bound(const Value *v, unsigned depth, size_t limit);

// The bound of an item: a scalar's here, without a call per scalar (most
// items are scalars).
static size_t item_bound(const Value *v, unsigned depth, size_t limit)
{
    return v->kind == VAL_LIST || v->kind == VAL_OBJECT ? json_bound(v, depth, limit)
                                                        : scalar_bound(v);
}

// More than any compact JSON text of `v` can take, or SIZE_MAX as soon as
// the sum passes `limit`, at an invalid or non-finite value, or at a list
// or object deeper than BOUND_MAX_DEPTH. One walk, for the common task
// definition far below the limit; the emitter's walks decide the others.
static size_t json_bound(const Value *v, unsigned depth, size_t limit)
{
    size_t n = 2; // the brackets of a collection
    if (depth > BOUND_MAX_DEPTH)
        return SIZE_MAX;
    switch (v->kind) {
    case VAL_LIST:
        for (uint32_t i = 0; i < v->as.list.count && n <= limit; i++) {
            size_t item = item_bound(v->as.list.items[i], depth + 1, limit);
            n = item == SIZE_MAX ? SIZE_MAX : n + 1 + item;
        }
        return n <= limit ? n : SIZE_MAX;
    case VAL_OBJECT:
        for (uint32_t i = 0; i < v->as.object.count && n <= limit; i++) {
            size_t item = item_bound(v->as.object.vals[i], depth + 1, limit);
            n = item == SIZE_MAX ? SIZE_MAX
                                 : n + 2 + 6 * (size_t)v->as.object.keys[i].len + 2 + item;
        }
        return n <= limit ? n : SIZE_MAX;
    case VAL_NULL:
    case VAL_BOOL:
    case VAL_NUMBER:
    case VAL_STRING:
    case VAL_INVALID:
        break;
    }
    return scalar_bound(v);
}

static void check_json_size(Rules *r, Value *v)
{
    if (json_bound(v, 0, TASK_MAX_BYTES) <= TASK_MAX_BYTES)
        return;
    if (value_has_invalid(v) || emit_json_compact_bound(v) <= TASK_MAX_BYTES)
        return;
    size_t len = emit_json_compact_length(v);
    if (len <= TASK_MAX_BYTES)
        return;
    Diag *g = ecs_report(r->c, E_ECS_TASK_TOO_LARGE, false, v,
                         "the %s %zu bytes as JSON, more than the %d AWS accepts",
                         r->task ? "task definition is" : "container definitions are", len,
                         TASK_MAX_BYTES);
    rules_aws(r, g,
              arena_printf(r->c->arena,
                           "Actual length: '%zu'. Max allowed length is '65536' bytes.", len));
    diag_help(r->c->diags, g,
              "move large values (long environment values, scripts) into "
              "S3 environment files, secrets or the image");
}

// --- entry points ----------------------------------------------------------------------

static NetMode net_mode(const Rules *r)
{
    Value *v = ecs_get(r->facts, "networkMode");
    const char *s = ecs_str(v);
    if (!v)
        return r->partial ? NET_UNKNOWN : NET_BRIDGE;
    if (!s)
        return NET_UNKNOWN;
    static const struct {
        const char *name;
        NetMode mode;
    } modes[] = {
        {"bridge", NET_BRIDGE}, {"host", NET_HOST}, {"awsvpc", NET_AWSVPC}, {"none", NET_NONE}};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        if (strcmp(s, modes[i].name) == 0)
            return modes[i].mode;
    }
    return NET_UNKNOWN;
}

// Reads what the rules need to know of the task from r->facts.
static void init_facts(Rules *r)
{
    r->net = net_mode(r);
    Value *compat = ecs_get(r->facts, "requiresCompatibilities");
    for (uint32_t i = 0; i < rules_count(compat); i++) {
        const char *s = ecs_str(rules_item(compat, i));
        if (s && strcmp(s, "FARGATE") == 0 && !r->fargate) {
            r->fargate = true;
            r->fargate_item = rules_item(compat, i);
        }
        if (s && strcmp(s, "MANAGED_INSTANCES") == 0)
            r->managed = true;
    }
    const char *os =
        ecs_str(ecs_get(ecs_get(r->facts, "runtimePlatform"), "operatingSystemFamily"));
    r->windows = os && rules_starts(os, "WINDOWS_");
    r->has_task_memory = ecs_get(r->facts, "memory") != NULL || r->partial;
}

void rules_task(Rules *r)
{
    check_size(r);
    if (r->fargate)
        check_fargate_task(r);
    check_namespaces(r);
    check_windows_task(r);
    check_roles(r);
    check_placement(r);
    check_sums(r, check_container_memory(r));
    check_execution_role(r);
}

static void check_containers(Rules *r)
{
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n; i++) {
        if (!rules_container(r, i))
            continue;
        rules_container_each(r, i);
        rules_values(r, i);
    }
    rules_refs(r);
}

void ecs_check_rules(EcsCtx *c, Value *task)
{
    if (!task || task->kind != VAL_OBJECT)
        return;
    Rules r = {.c = c, .task = task, .facts = task, .partial = c->opt->partial};
    Value *list = ecs_get(task, "containerDefinitions");
    r.containers = list && list->kind == VAL_LIST ? list : NULL;
    rules_classify(&r);
    init_facts(&r);
    rules_task(&r);
    check_containers(&r);
    rules_volumes(&r);
    check_json_size(&r, task);
}

void ecs_check_container_rules(EcsCtx *c, Value *containers)
{
    if (!containers || containers->kind != VAL_LIST)
        return;
    Rules r = {.c = c, .containers = containers, .facts = c->opt->facts, .partial = true};
    rules_classify(&r);
    init_facts(&r);
    if (r.facts) { // the task members given on the command line
        check_size(&r);
        if (r.fargate)
            check_fargate_task(&r);
        check_sums(&r, check_container_memory(&r));
    }
    check_containers(&r);
    check_json_size(&r, containers);
}
