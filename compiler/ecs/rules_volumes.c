// rules_volumes.c - the rules about the task's volumes: unique names
// (NAME-4), one volume configured at launch (REF-11), one kind per volume
// (VAL-14), EFS, S3 Files, Docker and FSx settings (VAL-8, VAL-12, VAL-13,
// VAL-15, VAL-16) and what Fargate does not support (FG-8).
#include "ecs/rules_impl.h"

#include <string.h>

static Span where(const Value *v)
{
    return span_is_none(v->site) ? v->origin : v->site;
}

static const char *vname(Rules *r, Value *vol, uint32_t i)
{
    Value *name = ecs_get(vol, "name");
    if (ecs_str(name))
        return arena_printf(r->c->arena, "volume %s", rules_show(r, name));
    return arena_printf(r->c->arena, "volume %u", i + 1);
}

static void check_names(Rules *r, Value *vols)
{
    uint32_t n = rules_count(vols);
    const char **names = arena_alloc(r->c->arena, (n ? n : 1) * sizeof(char *));
    for (uint32_t i = 0; i < n; i++)
        names[i] = ecs_str(ecs_get(rules_item(vols, i), "name"));
    uint32_t *first = rules_first_same(r->c->arena, names, n);
    for (uint32_t i = 0; i < n; i++) {
        if (first[i] == i)
            continue;
        Value *name = ecs_get(rules_item(vols, i), "name");
        Diag *g = ecs_report(r->c, E_ECS_DUPLICATE_VOLUME, false, name, "two volumes are named %s",
                             rules_show(r, name));
        diag_note_at(r->c->diags, g, where(ecs_get(rules_item(vols, first[i]), "name")),
                     "the first volume with this name");
        diag_help(r->c->diags, g, "mount points name volumes, so each name must be unique");
    }
}

static void check_configured_at_launch(Rules *r, Value *vols)
{
    Value *first = NULL;
    for (uint32_t i = 0; i < rules_count(vols); i++) {
        Value *v = ecs_get(rules_item(vols, i), "configuredAtLaunch");
        if (!rules_is_set(v, VAL_BOOL))
            continue;
        if (!first) {
            first = v;
            continue;
        }
        Diag *g = ecs_report(r->c, E_ECS_CONFIGURED_AT_LAUNCH, false, v,
                             "%s is a second volume configured at launch",
                             vname(r, rules_item(vols, i), i));
        diag_note_at(r->c->diags, g, where(first), "the first one");
        diag_help(r->c->diags, g,
                  "a task definition may have one volume with "
                  "configuredAtLaunch true");
    }
}

static const char *const kinds[] = {
    "configuredAtLaunch",
    "dockerVolumeConfiguration",
    "efsVolumeConfiguration",
    "s3filesVolumeConfiguration",
    "fsxWindowsFileServerVolumeConfiguration",
    "host",
};

static void check_kind(Rules *r, Value *vol, uint32_t i)
{
    const char *first = NULL;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        Value *v = ecs_get(vol, kinds[k]);
        if (!rules_is_set(v, k == 0 ? VAL_BOOL : VAL_OBJECT))
            continue;
        if (!first) {
            first = kinds[k];
            continue;
        }
        Diag *g = ecs_report(r->c, E_ECS_VOLUME_KIND, false, v, "%s sets both %s and %s",
                             vname(r, vol, i), first, kinds[k]);
        diag_help(r->c->diags, g,
                  "a volume is of one kind; declare another volume for this "
                  "one");
        return;
    }
}

static bool hex_id(const char *s, const char *prefix)
{
    if (!rules_starts(s, prefix))
        return false;
    s += strlen(prefix);
    size_t n = strspn(s, "0123456789abcdef");
    return n >= 8 && n <= 40 && !s[n];
}

static void check_efs_ids(Rules *r, Value *efs)
{
    Value *fs = ecs_get(efs, "fileSystemId");
    Value *ap = ecs_get(ecs_get(efs, "authorizationConfig"), "accessPointId");
    if (ecs_str(fs) && *ecs_str(fs) && !hex_id(ecs_str(fs), "fs-")) // "": the schema's
        ecs_report(r->c, E_ECS_EFS_ID, true, fs,
                   "EFS fileSystemId %s is not fs- and 8 to 40 hexadecimal digits",
                   rules_show(r, fs));
    if (ecs_str(ap) && !hex_id(ecs_str(ap), "fsap-"))
        ecs_report(r->c, E_ECS_EFS_ID, true, ap,
                   "EFS accessPointId %s is not fsap- and 8 to 40 hexadecimal digits",
                   rules_show(r, ap));
}

static bool root_or_absent(const Value *dir)
{
    const char *s = ecs_str(dir);
    return !dir || (s && strcmp(s, "/") == 0) || (dir->kind != VAL_STRING);
}

static void check_efs(Rules *r, Value *vol, uint32_t i)
{
    Value *efs = ecs_get(vol, "efsVolumeConfiguration");
    if (!efs || efs->kind != VAL_OBJECT)
        return;
    Value *auth = ecs_get(efs, "authorizationConfig");
    Value *ap = ecs_get(auth, "accessPointId");
    const char *iam = ecs_str(ecs_get(auth, "iam"));
    bool iam_on = iam && strcmp(iam, "ENABLED") == 0;
    Value *te = ecs_get(efs, "transitEncryption");
    const char *t = ecs_str(te);
    if ((ap || iam_on) && !(t && strcmp(t, "ENABLED") == 0) && (!te || t)) {
        Diag *g = ecs_report(r->c, E_ECS_EFS_VOLUME, false, te ? te : efs,
                             "%s uses %s, which needs transitEncryption ENABLED", vname(r, vol, i),
                             ap ? "an access point" : "IAM authorization");
        diag_help(r->c->diags, g, "set transitEncryption to \"ENABLED\"");
    }
    Value *root = ecs_get(efs, "rootDirectory");
    if (ap && !root_or_absent(root)) {
        Diag *g = ecs_report(r->c, E_ECS_EFS_VOLUME, false, root,
                             "%s uses an access point, so its rootDirectory must be \"/\" or "
                             "left out",
                             vname(r, vol, i));
        diag_help(r->c->diags, g, "the access point sets the directory");
    }
    // transitEncryptionPort 1-65535 is a range of the schema tables.
    check_efs_ids(r, efs);
}

static void check_s3files(Rules *r, Value *vol, uint32_t i)
{
    Value *s3 = ecs_get(vol, "s3filesVolumeConfiguration");
    Value *root = ecs_get(s3, "rootDirectory");
    if (!ecs_get(s3, "accessPointArn") || root_or_absent(root))
        return;
    Diag *g = ecs_report(r->c, E_ECS_S3FILES_VOLUME, false, root,
                         "%s uses an access point, so its rootDirectory must be \"/\" or left "
                         "out",
                         vname(r, vol, i));
    diag_help(r->c->diags, g, "the access point sets the directory");
}

static void check_docker(Rules *r, Value *vol, uint32_t i)
{
    Value *dv = ecs_get(vol, "dockerVolumeConfiguration");
    if (!dv || dv->kind != VAL_OBJECT)
        return;
    if (r->fargate) {
        Diag *g =
            ecs_report(r->c, E_ECS_FARGATE_VOLUME, false, dv,
                       "%s is a Docker volume, which Fargate does not support", vname(r, vol, i));
        diag_help(r->c->diags, g, "use a bind mount (a volume with only a name) or EFS");
        return;
    }
    Value *ap = ecs_get(dv, "autoprovision");
    const char *scope = ecs_str(ecs_get(dv, "scope"));
    if (rules_is_set(ap, VAL_BOOL) && !(scope && strcmp(scope, "shared") == 0)) {
        Diag *g =
            ecs_report(r->c, E_ECS_DOCKER_VOLUME, false, ap,
                       "%s sets autoprovision, which needs scope \"shared\"", vname(r, vol, i));
        diag_help(r->c->diags, g,
                  "set scope to \"shared\" (the default is \"task\") or remove "
                  "autoprovision");
    }
    Value *driver = ecs_get(dv, "driver");
    const char *d = ecs_str(driver);
    if (r->windows && d && strcmp(d, "local") != 0)
        ecs_report(r->c, E_ECS_DOCKER_VOLUME, false, driver,
                   "%s uses driver %s; Windows supports only the local driver", vname(r, vol, i),
                   rules_show(r, driver));
}

static void check_fargate_host(Rules *r, Value *vol, uint32_t i)
{
    Value *sp = ecs_get(ecs_get(vol, "host"), "sourcePath");
    if (!r->fargate || !sp)
        return;
    Diag *g =
        ecs_report(r->c, E_ECS_FARGATE_VOLUME, false, sp,
                   "%s sets host.sourcePath, which Fargate does not support", vname(r, vol, i));
    diag_help(r->c->diags, g,
              "leave host out: a volume with only a name is a bind mount in "
              "the task's storage");
}

void rules_volumes(Rules *r)
{
    Value *vols = ecs_get(r->task, "volumes");
    uint32_t n = rules_count(vols);
    check_names(r, vols);
    check_configured_at_launch(r, vols);
    for (uint32_t i = 0; i < n; i++) {
        Value *vol = rules_item(vols, i);
        if (vol->kind != VAL_OBJECT)
            continue;
        check_kind(r, vol, i);
        check_efs(r, vol, i);
        check_s3files(r, vol, i);
        check_docker(r, vol, i);
        check_fargate_host(r, vol, i);
        Value *fsx = ecs_get(vol, "fsxWindowsFileServerVolumeConfiguration");
        rules_check_secret_ref(
            r, ecs_get(ecs_get(fsx, "authorizationConfig"), "credentialsParameter"), "sp",
            E_ECS_CREDENTIALS_PARAMETER,
            arena_printf(r->c->arena, "the FSx credentialsParameter of %s", vname(r, vol, i)));
    }
}
