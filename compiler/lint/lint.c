// lint.c - the table of lint rules, turning rules on and off, and running
// them on a validated task definition; reports carry the rule's rationale,
// fix and catalogue IDs. The checks live in lint_rules.c and lint_secrets.c.
#include "lint/lint.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include "base/show.h"
#include "lint/lint_impl.h"

static const LintRule RULES[] = {
    {E_LINT_PRIVILEGED,
     {"ECS.4", "CKV_AWS_334"},
     "container runs privileged",
     "a privileged container has root's powers over the host it runs on",
     "remove privileged (or set it to false), and add only the Linux capabilities it needs",
     false,
     lint_privileged},
    {E_LINT_WRITABLE_ROOT,
     {"ECS.5", "CKV_AWS_336"},
     "container root file system writable",
     "a writable root file system lets an intruder change the container's programs",
     "set readonlyRootFilesystem to true and mount a volume where the program writes",
     false,
     lint_writable_root},
    {E_LINT_ROOT_USER,
     {"ECS.20"},
     "Linux container runs as root",
     "a process running as root in the container is root on the host if it escapes",
     "set user to a non-root user or UID (\"1000\", \"app:app\")",
     false,
     lint_root_user},
    {E_LINT_HOST_PID,
     {"ECS.3", "CKV_AWS_335"},
     "task shares the host's process namespace",
     "with pidMode host the containers see, and can signal, every process of the host",
     "remove pidMode, or set it to task to share processes between the task's containers",
     true,
     lint_host_pid},
    {E_LINT_HOST_NETWORK,
     {"ECS.17"},
     "task uses the host network mode",
     "with the host network mode the containers reach the host's local services and can "
     "impersonate it",
     "use networkMode awsvpc (or bridge on EC2)",
     true,
     lint_host_network},
    {E_LINT_SECRET_NAME,
     {"ECS.8", "AVD-AWS-0036"},
     "secret-named environment variable in plain text",
     "whoever may describe the task definition reads its environment",
     "pass the value through secrets (a Secrets Manager secret or an SSM parameter)",
     false,
     lint_secret_name},
    {E_LINT_SECRET_VALUE,
     {"AVD-AWS-0036"},
     "key material in an environment variable",
     "an access key id or a private key in the task definition is readable by whoever may "
     "describe it",
     "store it in Secrets Manager or SSM and reference it in secrets; for AWS keys use the "
     "task role instead",
     false,
     lint_secret_value},
    {E_LINT_NO_LOGS,
     {"ECS.9"},
     "container without a log configuration",
     "without a log driver the container's output is lost with the container",
     "add logConfiguration, for example the awslogs driver with a log group",
     false,
     lint_no_logs},
    {E_LINT_NO_MEMORY_LIMIT,
     {NULL},
     "container without a memory hard limit on EC2",
     "without a hard limit one container can take the memory of the whole instance",
     "set memory on the container, or memory on the task",
     false,
     lint_no_memory_limit},
    {E_LINT_EFS_PLAINTEXT,
     {"ECS.18", "CKV_AWS_97", "AVD-AWS-0035"},
     "EFS volume without transit encryption",
     "the volume's data crosses the network unencrypted",
     "set transitEncryption to ENABLED in efsVolumeConfiguration",
     true,
     lint_efs_plaintext},
    {E_LINT_SHARED_ROLE,
     {"CKV_AWS_249"},
     "task role equal to the execution role",
     "the application gets the agent's rights to pull images, read secrets and write logs",
     "give the task its own role with only what the application needs",
     true,
     lint_shared_role},
    {E_LINT_CAPABILITIES,
     {NULL},
     "Linux capability that grants control of the host",
     "these capabilities let a process escape or control the host or its network",
     "remove the capability from linuxParameters.capabilities.add",
     false,
     lint_capabilities},
    {E_LINT_MUTABLE_IMAGE,
     {NULL},
     "image by a mutable tag",
     "latest (or no tag) names whatever was pushed last, so two tasks may run different code",
     "pin the image by a version tag or a digest (@sha256:...)",
     false,
     lint_mutable_image},
};

#define NRULES (sizeof RULES / sizeof RULES[0])

const LintRule *lint_rules(size_t *n)
{
    *n = NRULES;
    return RULES;
}

long lint_find(const char *id)
{
    for (size_t i = 0; i < NRULES; i++) {
        char code[8];
        if (strcasecmp(id, diag_code_text(RULES[i].code, code)) == 0)
            return (long)i;
        for (int k = 0; k < LINT_MAX_IDS && RULES[i].ids[k]; k++)
            if (strcasecmp(id, RULES[i].ids[k]) == 0)
                return (long)i;
    }
    return -1;
}

bool lint_switch(Linter *l, Arena *a, const char *id, bool on)
{
    long i = strcmp(id, "all") == 0 ? -2 : lint_find(id);
    if (i == -1)
        return false;
    if (!l->off)
        l->off = arena_alloc(a, NRULES * sizeof(bool)); // zeroed: all on
    for (size_t k = 0; k < NRULES; k++)
        if (i == -2 || (size_t)i == k)
            l->off[k] = !on;
    return true;
}

// --- reporting ------------------------------------------------------------------

static bool span_inside(Span inner, Span outer)
{
    return inner.file == outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

// The catalogue IDs of `r` as "ECS.5, CKV_AWS_336", or NULL.
static const char *id_list(Arena *a, const LintRule *r)
{
    const char *list = NULL;
    for (int k = 0; k < LINT_MAX_IDS && r->ids[k]; k++)
        list = list ? arena_printf(a, "%s, %s", list, r->ids[k]) : r->ids[k];
    return list;
}

Diag *lint_report(LintRun *run, const Value *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(run->arena, fmt, ap);
    va_end(ap);
    Span at = span_is_none(v->site) ? v->origin : v->site;
    // An ignore comment silences the finding under --strict too.
    bool as_error = run->linter->strict && !diags_silenced(run->diags, run->rule->code, at);
    Diag *g = as_error ? diag_error(run->diags, run->rule->code, at, "%s", msg)
                       : diag_warning(run->diags, run->rule->code, at, "%s", msg);
    if (!span_is_none(v->site) && !span_is_none(v->origin) && !span_inside(v->origin, v->site) &&
        !value_is_sensitive(v))
        diag_note_at(run->diags, g, v->origin, "the value is set here");
    diag_note(run->diags, g, "%s", run->rule->rationale);
    const char *ids = id_list(run->arena, run->rule);
    if (ids)
        diag_note(run->diags, g, "the same check as %s", ids);
    if (as_error)
        diag_note(run->diags, g, "this is a warning, made an error by --strict");
    diag_help(run->diags, g, "%s", run->rule->fix);
    return g;
}

Value *lint_get(const Value *obj, const char *name)
{
    if (!obj || obj->kind != VAL_OBJECT)
        return NULL;
    return value_object_get(obj, name, strlen(name));
}

const char *lint_str(const Value *v)
{
    return v && v->kind == VAL_STRING ? v->as.str.ptr : NULL;
}

const char *lint_show(LintRun *run, const Value *v)
{
    ShowStyle style = {"(sensitive)", 60, 40};
    return show_value(run->arena, v, style);
}

const char *lint_cname(LintRun *run, const Value *ctr)
{
    Value *name = lint_get(ctr, "name");
    if (!lint_str(name) || !*lint_str(name))
        return "a container";
    return arena_printf(run->arena, "container %s", lint_show(run, name));
}

// --- running ------------------------------------------------------------------

static bool has_item(const Value *list, const char *s)
{
    for (uint32_t i = 0; list && list->kind == VAL_LIST && i < list->as.list.count; i++) {
        const char *item = lint_str(list->as.list.items[i]);
        if (item && strcmp(item, s) == 0)
            return true;
    }
    return false;
}

// What the task says about the platform: Windows, and whether EC2 may run it
// (no requiresCompatibilities means EC2).
static void read_task(LintRun *run, Value *task)
{
    const char *os = lint_str(lint_get(lint_get(task, "runtimePlatform"), "operatingSystemFamily"));
    run->windows = os && strncmp(os, "WINDOWS", 7) == 0;
    Value *compat = lint_get(task, "requiresCompatibilities");
    run->ec2 = task && (!compat || (compat->kind == VAL_LIST && compat->as.list.count == 0) ||
                        has_item(compat, "EC2"));
}

static bool rule_on(const LintRun *run, size_t i)
{
    return !(run->linter->off && run->linter->off[i]);
}

// The task's rules first, then every rule on each container in turn, so
// findings come near the order of the source.
void lint_check(void *ctx, Arena *a, Diags *diags, Value *v, EcsForm form)
{
    LintRun run = {a, diags, ctx, NULL, NULL, false, false};
    Value *containers = v;
    if (form != ECS_FORM_CONTAINERS) {
        run.task = v;
        containers = lint_get(v, "containerDefinitions");
    }
    read_task(&run, run.task);
    for (size_t i = 0; run.task && i < NRULES; i++)
        if (RULES[i].on_task && rule_on(&run, i)) {
            run.rule = &RULES[i];
            RULES[i].check(&run, run.task);
        }
    uint32_t n = containers && containers->kind == VAL_LIST ? containers->as.list.count : 0;
    for (uint32_t k = 0; k < n; k++) {
        Value *ctr = containers->as.list.items[k];
        for (size_t i = 0; ctr->kind == VAL_OBJECT && i < NRULES; i++)
            if (!RULES[i].on_task && rule_on(&run, i)) {
                run.rule = &RULES[i];
                RULES[i].check(&run, ctr);
            }
    }
}
