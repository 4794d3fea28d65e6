// lint_rules.c - the checks of the lint rules about privileges, isolation,
// logging, memory, volumes, roles and images (the secrets are in
// lint_secrets.c). Each check looks at one container or the task and
// reports through lint_report; values of the wrong type were already
// reported by validation, and intrinsics (unknown values) are skipped.
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_impl.h"

static bool is_true(const Value *v)
{
    return v && v->kind == VAL_BOOL && v->as.boolean;
}

void lint_privileged(LintRun *run, Value *ctr)
{
    Value *p = lint_get(ctr, "privileged");
    if (is_true(p))
        lint_report(run, p, "%s runs privileged", lint_cname(run, ctr));
}

void lint_writable_root(LintRun *run, Value *ctr)
{
    if (run->windows) // not supported on Windows
        return;
    Value *ro = lint_get(ctr, "readonlyRootFilesystem");
    if (ro && ro->kind != VAL_BOOL)
        return;
    if (!ro)
        lint_report(run, ctr, "%s has a writable root file system (no readonlyRootFilesystem)",
                    lint_cname(run, ctr));
    else if (!ro->as.boolean)
        lint_report(run, ro, "%s has a writable root file system", lint_cname(run, ctr));
}

// True for "root", "0" and those with a group ("0:0", "root:staff").
static bool root_user(const char *s)
{
    size_t n = strcspn(s, ":");
    return (n == 1 && s[0] == '0') || (n == 4 && strncmp(s, "root", 4) == 0);
}

void lint_root_user(LintRun *run, Value *ctr)
{
    if (run->windows) // ECS.20 is about Linux containers; Windows has no user member
        return;
    Value *user = lint_get(ctr, "user");
    if (!user)
        lint_report(run, ctr, "%s runs as the image's user, root unless the image says otherwise",
                    lint_cname(run, ctr));
    else if (lint_str(user) && root_user(lint_str(user)))
        lint_report(run, user, "%s runs as root (user %s)", lint_cname(run, ctr),
                    lint_show(run, user));
}

void lint_host_pid(LintRun *run, Value *task)
{
    Value *mode = lint_get(task, "pidMode");
    if (lint_str(mode) && strcmp(lint_str(mode), "host") == 0)
        lint_report(run, mode, "the task shares the host's process namespace (pidMode host)");
}

void lint_host_network(LintRun *run, Value *task)
{
    Value *mode = lint_get(task, "networkMode");
    if (lint_str(mode) && strcmp(lint_str(mode), "host") == 0)
        lint_report(run, mode, "the task uses the host's network (networkMode host)");
}

void lint_no_logs(LintRun *run, Value *ctr)
{
    Value *log = lint_get(ctr, "logConfiguration");
    if (!log)
        lint_report(run, ctr, "%s has no logConfiguration", lint_cname(run, ctr));
    else if (log->kind == VAL_OBJECT && !(log->flags & VALF_INTRINSIC) &&
             !lint_get(log, "logDriver"))
        lint_report(run, log, "the logConfiguration of %s has no logDriver", lint_cname(run, ctr));
}

void lint_no_memory_limit(LintRun *run, Value *ctr)
{
    if (!run->ec2 || lint_get(run->task, "memory") || lint_get(ctr, "memory"))
        return;
    lint_report(run, ctr, "%s has no memory hard limit, and the task none either",
                lint_cname(run, ctr));
}

// An EFS volume without transitEncryption ENABLED.
static void check_efs(LintRun *run, Value *vol)
{
    Value *efs = lint_get(vol, "efsVolumeConfiguration");
    if (!efs || efs->kind != VAL_OBJECT || (efs->flags & VALF_INTRINSIC))
        return;
    Value *name = lint_get(vol, "name");
    const char *who = lint_str(name) ? lint_show(run, name) : "of the task";
    Value *te = lint_get(efs, "transitEncryption");
    if (!te)
        lint_report(run, efs, "EFS volume %s does not encrypt in transit (no transitEncryption)",
                    who);
    else if (lint_str(te) && strcmp(lint_str(te), "ENABLED") != 0)
        lint_report(run, te, "EFS volume %s does not encrypt in transit (transitEncryption %s)",
                    who, lint_show(run, te));
}

void lint_efs_plaintext(LintRun *run, Value *task)
{
    Value *vols = lint_get(task, "volumes");
    for (uint32_t i = 0; vols && vols->kind == VAL_LIST && i < vols->as.list.count; i++)
        check_efs(run, vols->as.list.items[i]);
}

// Equal strings, or the same intrinsic ({"Fn::GetAtt": ["Role", "Arn"]} twice).
void lint_shared_role(LintRun *run, Value *task)
{
    Value *t = lint_get(task, "taskRoleArn"), *e = lint_get(task, "executionRoleArn");
    if (!t || !e || (lint_str(t) && !*lint_str(t)) || !value_equal(t, e))
        return;
    if (lint_str(t))
        lint_report(run, t, "the task role is the execution role (%s)", lint_show(run, t));
    else if (t->flags & VALF_INTRINSIC)
        lint_report(run, t, "the task role is the execution role (the same reference)");
}

// Capabilities that reach past the container: the host's kernel, devices,
// network or files. SYS_PTRACE (the one Fargate allows) only reaches the
// task's own processes unless pidMode is host, which E1004 reports.
static const char *const HOST_CAPABILITIES[] = {
    "ALL",      "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH",
    "SYS_BOOT", "MAC_ADMIN", "BPF",
};

static bool host_capability(const char *s)
{
    if (strncasecmp(s, "CAP_", 4) == 0)
        s += 4;
    for (size_t i = 0; i < sizeof HOST_CAPABILITIES / sizeof HOST_CAPABILITIES[0]; i++)
        if (strcasecmp(s, HOST_CAPABILITIES[i]) == 0)
            return true;
    return false;
}

void lint_capabilities(LintRun *run, Value *ctr)
{
    Value *add = lint_get(lint_get(lint_get(ctr, "linuxParameters"), "capabilities"), "add");
    for (uint32_t i = 0; add && add->kind == VAL_LIST && i < add->as.list.count; i++) {
        Value *cap = add->as.list.items[i];
        if (lint_str(cap) && host_capability(lint_str(cap)))
            lint_report(run, cap, "%s adds the capability %s", lint_cname(run, ctr),
                        lint_show(run, cap));
    }
}

// The tag of an image reference ("" when it has none; NULL with a digest).
static const char *image_tag(const char *image)
{
    if (strchr(image, '@'))
        return NULL;
    const char *slash = strrchr(image, '/');
    const char *colon = strchr(slash ? slash : image, ':');
    return colon ? colon + 1 : "";
}

void lint_mutable_image(LintRun *run, Value *ctr)
{
    Value *image = lint_get(ctr, "image");
    const char *s = lint_str(image);
    // A placeholder ("${IMAGE}") is filled in by someone else.
    if (!s || !*s || strchr(s, '$') || strchr(s, '{') || strchr(s, '<'))
        return;
    const char *tag = image_tag(s);
    if (tag && !*tag)
        lint_report(run, image, "image %s of %s has no tag, so it is latest", lint_show(run, image),
                    lint_cname(run, ctr));
    else if (tag && strcmp(tag, "latest") == 0)
        lint_report(run, image, "image %s of %s is tagged latest", lint_show(run, image),
                    lint_cname(run, ctr));
}
