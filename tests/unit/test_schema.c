// test_schema.c - the ECS schema tables (generated from grammar/ecs-schema.txt),
// their lookups, and the schema-driven checks on values read from JSON.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "decode/decode.h"
#include "ecs/ecs_impl.h"
#include "ecs/schema.h"
#include "ecs/schema_slots.h"

// --- the tables -----------------------------------------------------------

enum { MAX_SHAPES = 64 };

typedef struct ShapeSet {
    const SchemaShape *items[MAX_SHAPES];
    size_t count;
} ShapeSet;

static void collect(ShapeSet *set, const SchemaShape *shape)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->items[i] == shape)
            return;
    assert_true(set->count < MAX_SHAPES);
    set->items[set->count++] = shape;
    for (uint32_t i = 0; i < shape->count; i++) {
        const SchemaType *t = &shape->members[i].type;
        if (t->kind == SK_LIST || t->kind == SK_MAP)
            t = t->elem;
        if (t->kind == SK_STRUCT)
            collect(set, t->shape);
    }
}

static ShapeSet all_shapes(void)
{
    ShapeSet set = {{NULL}, 0};
    collect(&set, schema_task_definition());
    collect(&set, schema_described_task_definition());
    return set;
}

static const SchemaShape *shape_named(const char *name)
{
    ShapeSet set = all_shapes();
    for (size_t i = 0; i < set.count; i++)
        if (strcmp(set.items[i]->name, name) == 0)
            return set.items[i];
    return NULL;
}

static void test_schema_every_structure_of_the_model_is_present(void **state)
{
    (void)state;
    // The 36 structures reachable from RegisterTaskDefinitionRequest, plus
    // describe-task-definition's TaskDefinition and its Attribute.
    static const char *const names[] = {
        "RegisterTaskDefinitionRequest",
        "ContainerDefinition",
        "ContainerDependency",
        "ContainerRestartPolicy",
        "Device",
        "DockerVolumeConfiguration",
        "EFSAuthorizationConfig",
        "EFSVolumeConfiguration",
        "EnvironmentFile",
        "EphemeralStorage",
        "FSxWindowsFileServerAuthorizationConfig",
        "FSxWindowsFileServerVolumeConfiguration",
        "FirelensConfiguration",
        "HealthCheck",
        "HostEntry",
        "HostVolumeProperties",
        "InferenceAccelerator",
        "KernelCapabilities",
        "KeyValuePair",
        "LinuxParameters",
        "LogConfiguration",
        "MountPoint",
        "PortMapping",
        "ProxyConfiguration",
        "RepositoryCredentials",
        "ResourceRequirement",
        "RuntimePlatform",
        "S3FilesVolumeConfiguration",
        "Secret",
        "SystemControl",
        "Tag",
        "TaskDefinitionPlacementConstraint",
        "Tmpfs",
        "Ulimit",
        "Volume",
        "VolumeFrom",
        "TaskDefinition",
        "Attribute",
    };
    size_t n = sizeof names / sizeof names[0];
    for (size_t i = 0; i < n; i++) {
        if (!shape_named(names[i]))
            fail_msg("shape %s is missing", names[i]);
    }
    assert_int_equal(all_shapes().count, n);
    assert_int_equal(schema_task_definition()->count, 18);
    assert_int_equal(schema_container_definition()->count, 42);
    assert_string_equal(schema_container_definition()->name, "ContainerDefinition");
}

static bool is_snake(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void check_member_sane(const SchemaShape *shape, uint32_t i)
{
    const SchemaMember *m = &shape->members[i];
    if (!m->api || !m->snake || !is_snake(m->snake) || m->api[0] < 'a' || m->api[0] > 'z')
        fail_msg("%s: bad names in member %u", shape->name, i);
    if (m->read_only ? m->cfn != NULL : (!m->cfn || m->cfn[0] < 'A' || m->cfn[0] > 'Z'))
        fail_msg("%s.%s: bad CloudFormation name", shape->name, m->api);
    const SchemaType *t = &m->type;
    if ((t->kind == SK_LIST || t->kind == SK_MAP) && !t->elem)
        fail_msg("%s.%s: list or map without an element type", shape->name, m->api);
    if (t->kind == SK_LIST || t->kind == SK_MAP)
        t = t->elem;
    if ((t->kind == SK_STRUCT && !t->shape) || (t->nenums && !t->enums))
        fail_msg("%s.%s: broken type", shape->name, m->api);
    if (m->label && (m->type.kind != SK_LIST || !schema_find(t->shape, m->label)))
        fail_msg("%s.%s: label names no member", shape->name, m->api);
    if (m->map_key && (m->type.kind != SK_LIST || !schema_find(t->shape, m->map_key) ||
                       !schema_find(t->shape, m->map_value)))
        fail_msg("%s.%s: map form names no member", shape->name, m->api);
    for (uint32_t j = 0; j < i; j++) {
        const SchemaMember *o = &shape->members[j];
        if (strcmp(o->api, m->api) == 0 || strcmp(o->snake, m->snake) == 0 ||
            (o->block && m->block && strcmp(o->block, m->block) == 0))
            fail_msg("%s: members %s and %s collide", shape->name, o->api, m->api);
    }
}

static void test_schema_members_are_well_formed(void **state)
{
    (void)state;
    ShapeSet set = all_shapes();
    for (size_t s = 0; s < set.count; s++)
        for (uint32_t i = 0; i < set.items[s]->count; i++)
            check_member_sane(set.items[s], i);
}

static void test_schema_patterns_compile(void **state)
{
    (void)state;
    ShapeSet set = all_shapes();
    size_t seen = 0;
    for (size_t s = 0; s < set.count; s++) {
        for (uint32_t i = 0; i < set.items[s]->count; i++) {
            const char *p = set.items[s]->members[i].pattern;
            if (!p)
                continue;
            int err;
            PCRE2_SIZE off;
            pcre2_code *code = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
                                             PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
            if (!code)
                fail_msg("pattern of %s.%s does not compile", set.items[s]->name,
                         set.items[s]->members[i].api);
            pcre2_code_free(code);
            seen++;
        }
    }
    assert_true(seen >= 8);
}

// The first member of `shape` whose name (API, snake_case or block) is
// `name`, found by a scan of the table: what the indexed lookups must find.
static int32_t scan(const SchemaShape *shape, const char *name, int which)
{
    for (uint32_t i = 0; i < shape->count; i++) {
        const SchemaMember *m = &shape->members[i];
        const char *s = which == 0 ? m->api : which == 1 ? m->snake : m->block;
        if (s && strcmp(s, name) == 0)
            return (int32_t)i;
    }
    return -1;
}

static void test_schema_indexed_lookups_find_what_a_scan_finds(void **state)
{
    (void)state;
    ShapeSet set = all_shapes();
    for (size_t s = 0; s < set.count; s++) {
        const SchemaShape *shape = set.items[s];
        for (uint32_t i = 0; i < shape->count; i++) {
            const SchemaMember *m = &shape->members[i];
            char copy[64]; // another pointer than the table's
            snprintf(copy, sizeof copy, "%s", m->api);
            assert_int_equal(schema_slot(shape, copy, strlen(copy)), scan(shape, copy, 0));
            assert_ptr_equal(schema_find(shape, copy), &shape->members[scan(shape, copy, 0)]);
            int32_t by_snake =
                scan(shape, m->snake, 0) >= 0 ? scan(shape, m->snake, 0) : scan(shape, m->snake, 1);
            assert_ptr_equal(schema_find(shape, m->snake), &shape->members[by_snake]);
            if (m->block)
                assert_ptr_equal(schema_find_block(shape, m->block),
                                 &shape->members[scan(shape, m->block, 2)]);
            // A prefix of a name, or the name and more, is another name.
            char other[72];
            snprintf(other, sizeof other, "%.*s", (int)strlen(copy) - 1, copy);
            assert_int_equal(schema_slot(shape, copy, strlen(other)), scan(shape, other, 0));
            snprintf(other, sizeof other, "%sX", copy);
            assert_int_equal(schema_slot(shape, other, strlen(other)), scan(shape, other, 0));
            assert_true(i >= 64 || ((shape->required >> i) & 1) == m->required);
        }
        assert_int_equal(schema_slot(shape, "", 0), -1);
        assert_int_equal(schema_slot(shape, "noSuchMemberAnywhereInTheSchemaXYZ", 34), -1);
    }
}

static void test_schema_slots_name_the_members(void **state)
{
    (void)state;
    const SchemaShape *task = schema_task_definition(), *ctr = schema_container_definition();
    const SchemaShape *desc = schema_described_task_definition();
    assert_int_equal(TASK_DEFINITION_COUNT, task->count);
    assert_int_equal(CONTAINER_DEFINITION_COUNT, ctr->count);
    assert_int_equal(DESCRIBED_TASK_DEFINITION_COUNT, desc->count);
    assert_string_equal(task->members[TASK_DEFINITION_FAMILY].api, "family");
    assert_string_equal(task->members[TASK_DEFINITION_CONTAINER_DEFINITIONS].api,
                        "containerDefinitions");
    assert_string_equal(task->members[TASK_DEFINITION_RUNTIME_PLATFORM].api, "runtimePlatform");
    assert_string_equal(ctr->members[CONTAINER_DEFINITION_IMAGE].api, "image");
    assert_string_equal(ctr->members[CONTAINER_DEFINITION_MEMORY_RESERVATION].api,
                        "memoryReservation");
    assert_string_equal(ctr->members[CONTAINER_DEFINITION_CREDENTIAL_SPECS].api, "credentialSpecs");
    // The described form extends the request: the request's slots are its first.
    for (uint32_t i = 0; i < task->count; i++)
        assert_string_equal(desc->members[i].api, task->members[i].api);
    assert_string_equal(desc->members[DESCRIBED_TASK_DEFINITION_REVISION].api, "revision");
}

static void test_schema_find_by_api_and_snake_names(void **state)
{
    (void)state;
    const SchemaShape *task = schema_task_definition();
    const SchemaMember *m = schema_find(task, "networkMode");
    assert_non_null(m);
    assert_ptr_equal(schema_find(task, "network_mode"), m);
    assert_string_equal(m->cfn, "NetworkMode");
    assert_int_equal(m->type.kind, SK_STRING);
    assert_int_equal(m->type.nenums, 4);
    assert_null(schema_find(task, "NetworkMode"));
    assert_null(schema_find(task, "nope"));
    const SchemaMember *eph = schema_find(task, "ephemeral_storage");
    assert_non_null(eph);
    assert_int_equal(eph->type.kind, SK_STRUCT);
    const SchemaMember *size = schema_find(eph->type.shape, "size_in_gib");
    assert_non_null(size);
    assert_string_equal(size->api, "sizeInGiB");
    assert_true(size->required && size->has_min && size->has_max);
    assert_int_equal(size->min, 21);
    assert_int_equal(size->max, 200);
    const SchemaShape *ctr = schema_container_definition();
    const SchemaShape *pm = schema_find(ctr, "port_mappings")->type.elem->shape;
    assert_string_equal(schema_find(pm, "container_port_range")->api, "containerPortRange");
    assert_string_equal(schema_find(ctr, "dns_servers")->api, "dnsServers");
    const SchemaShape *host = schema_find(ctr, "extra_hosts")->type.elem->shape;
    assert_string_equal(schema_find(host, "ip_address")->api, "ipAddress");
}

static void test_schema_find_by_cloudformation_name(void **state)
{
    (void)state;
    const SchemaShape *vol = schema_find(schema_task_definition(), "volumes")->type.elem->shape;
    const SchemaMember *efs = schema_find_cfn(vol, "EFSVolumeConfiguration");
    assert_non_null(efs);
    assert_string_equal(efs->api, "efsVolumeConfiguration");
    assert_string_equal(schema_find_cfn(efs->type.shape, "FilesystemId")->api, "fileSystemId");
    assert_null(schema_find_cfn(efs->type.shape, "FileSystemId"));
    const SchemaMember *auth = schema_find(efs->type.shape, "authorizationConfig");
    assert_string_equal(schema_find_cfn(auth->type.shape, "IAM")->api, "iam");
    assert_string_equal(schema_find_cfn(vol, "S3FilesVolumeConfiguration")->api,
                        "s3filesVolumeConfiguration");
    const SchemaMember *proxy = schema_find(schema_task_definition(), "proxyConfiguration");
    assert_string_equal(schema_find_cfn(proxy->type.shape, "ProxyConfigurationProperties")->api,
                        "properties");
    assert_string_equal(schema_find_cfn(schema_task_definition(), "Family")->api, "family");
}

static void test_schema_find_by_block_name(void **state)
{
    (void)state;
    const SchemaMember *c = schema_find_block(schema_task_definition(), "container");
    assert_non_null(c);
    assert_string_equal(c->api, "containerDefinitions");
    assert_string_equal(c->label, "name");
    assert_ptr_equal(c->type.elem->shape, schema_container_definition());
    assert_string_equal(schema_find_block(schema_task_definition(), "volume")->label, "name");
    const SchemaShape *ctr = schema_container_definition();
    assert_string_equal(schema_find_block(ctr, "port_mapping")->api, "portMappings");
    assert_null(schema_find_block(ctr, "port_mapping")->label);
    assert_string_equal(schema_find_block(ctr, "log_configuration")->api, "logConfiguration");
    assert_string_equal(schema_find_block(ctr, "depends_on")->api, "dependsOn");
    assert_string_equal(schema_find_block(ctr, "secret")->api, "secrets");
    assert_null(schema_find_block(ctr, "nope"));
}

static void test_schema_map_forms_and_user_maps(void **state)
{
    (void)state;
    const SchemaShape *ctr = schema_container_definition();
    const SchemaMember *env = schema_find(ctr, "environment");
    assert_string_equal(env->map_key, "name");
    assert_string_equal(env->map_value, "value");
    assert_string_equal(schema_find(ctr, "secrets")->map_value, "valueFrom");
    const SchemaMember *tags = schema_find(schema_task_definition(), "tags");
    assert_string_equal(tags->map_key, "key");
    assert_true(tags->has_max);
    assert_int_equal(tags->max, 50);
    assert_int_equal(schema_find(ctr, "dockerLabels")->type.kind, SK_MAP);
    const SchemaShape *log = schema_find(ctr, "logConfiguration")->type.shape;
    assert_int_equal(schema_find(log, "options")->type.kind, SK_MAP);
    assert_string_equal(schema_find(log, "secretOptions")->map_value, "valueFrom");
}

static void test_schema_described_form_adds_read_only_members(void **state)
{
    (void)state;
    const SchemaShape *req = schema_task_definition();
    const SchemaShape *desc = schema_described_task_definition();
    assert_int_equal(desc->count, req->count + 9);
    for (uint32_t i = 0; i < req->count; i++) {
        const SchemaMember *m = schema_find(desc, req->members[i].api);
        assert_non_null(m);
        assert_false(m->read_only);
    }
    static const char *const ro[] = {"taskDefinitionArn",  "revision",        "status",
                                     "requiresAttributes", "compatibilities", "registeredAt",
                                     "registeredBy",       "deregisteredAt",  "deleteRequestedAt"};
    for (size_t i = 0; i < 9; i++) {
        assert_true(schema_find(desc, ro[i])->read_only);
        assert_null(schema_find(req, ro[i]));
    }
}

// --- the checks -----------------------------------------------------------

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
    EcsOptions opt;
    EcsCtx ctx;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
    f->ctx = (EcsCtx){&f->arena, &f->diags, &f->opt, ECS_FORM_REQUEST, false, 0};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    arena_free(&f->arena);
    free(f);
    return 0;
}

static Value *json(Fixture *f, const char *text)
{
    uint32_t file = source_add(&f->src, "task.json", text, strlen(text));
    Value *v = decode_json_file(&f->arena, &f->src, file, &f->diags);
    assert_non_null(v);
    assert_int_equal(f->diags.count, 0);
    return v;
}

// Checks `text` as a task definition; returns how many diagnostics came.
static size_t check_task(Fixture *f, const char *text)
{
    f->diags.count = f->diags.errors = f->diags.warnings = 0;
    f->ctx.failed = false;
    ecs_check_schema(&f->ctx, json(f, text), schema_task_definition());
    return f->diags.count;
}

#define GOOD_CONTAINER "{\"name\": \"web\", \"image\": \"nginx:1.25\", \"memory\": 512}"
#define TASK(members)                                                                              \
    "{\"family\": \"web\", \"containerDefinitions\": [" GOOD_CONTAINER "]" members "}"
#define TASK_WITH(container) "{\"family\": \"web\", \"containerDefinitions\": [" container "]}"

static void test_check_accepts_a_valid_task(void **state)
{
    Fixture *f = *state;
    assert_int_equal(check_task(f, TASK(",\"networkMode\": \"awsvpc\", \"cpu\": \"256\", "
                                        "\"requiresCompatibilities\": [\"FARGATE\"], "
                                        "\"tags\": [{\"key\": \"team\", \"value\": \"a b\"}]")),
                     0);
    assert_false(f->ctx.failed);
}

typedef struct Case {
    const char *json;
    DiagCode code;
    bool warning;
    const char *summary;
} Case;

static const Case cases[] = {
    {"{\"containerDefinitions\": [" GOOD_CONTAINER "]}", E_ECS_REQUIRED, false,
     "missing required member \"family\" in the task definition"},
    {TASK(",\"revision\": 3"), E_ECS_READ_ONLY, false,
     "read-only member \"revision\" in the task definition"},
    {TASK(",\"networkmode\": \"host\""), E_ECS_UNKNOWN_MEMBER, false,
     "unknown member \"networkmode\" in the task definition"},
    {TASK(",\"cpu\": 256"), E_ECS_TYPE, false, "cpu must be a string, not a number"},
    {TASK(",\"pidMode\": null"), E_ECS_NULL, false, "pidMode is null"},
    {TASK(",\"networkMode\": \"AWSVPC\""), E_ECS_ENUM, false,
     "invalid value \"AWSVPC\" for networkMode"},
    {TASK(",\"requiresCompatibilities\": [\"EC2\", \"EC2\"]"), E_ECS_REPEATED_VALUE, false,
     "requiresCompatibilities lists \"EC2\" twice"},
    {"{\"family\": \"a.b\", \"containerDefinitions\": [" GOOD_CONTAINER "]}", E_ECS_PATTERN, false,
     "family \"a.b\" is not a valid family name"},
    {"{\"family\": \"\", \"containerDefinitions\": [" GOOD_CONTAINER "]}", E_ECS_LENGTH, false,
     "family must not be empty"},
    {"{\"family\": \"web\", \"containerDefinitions\": []}", E_ECS_COUNT, false,
     "containerDefinitions must not be empty"},
    {TASK(",\"ephemeralStorage\": {\"sizeInGiB\": 20}"), E_ECS_RANGE, false,
     "ephemeralStorage.sizeInGiB must be between 21 and 200, not 20"},
    {TASK(",\"ephemeralStorage\": {\"sizeInGiB\": 2147483648}"), E_ECS_INT32, false,
     "ephemeralStorage.sizeInGiB is 2147483648, beyond the 32-bit integers of the ECS API"},
    {TASK(",\"tags\": [{\"key\": \"AWS:x\"}]"), E_ECS_TAG, false,
     "tags[0].key \"AWS:x\" starts with \"aws:\", a prefix AWS reserves"},
    {TASK(",\"tags\": [{\"key\": \"a\"}, {\"key\": \"a\"}]"), E_ECS_TAG, false,
     "tags[1].key repeats the tag key \"a\""},
    {TASK(",\"tags\": [{\"key\": \"a\", \"value\": \"x!\"}]"), E_ECS_TAG, false,
     "tags[0].value \"x!\" is not a valid tag value"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"nginx latest\"}"), E_ECS_IMAGE, false,
     "containerDefinitions[0].image \"nginx latest\" is not a valid image reference"},
    {TASK_WITH("{\"name\": \"web\"}"), E_ECS_REQUIRED, false,
     "missing required member \"image\" in containerDefinitions[0]"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"cpu\": 1.5}"), E_ECS_TYPE, false,
     "containerDefinitions[0].cpu must be an integer, not 1.5"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"portMappings\": [{\"hostPort\": -1}]}"),
     E_ECS_RANGE, false,
     "containerDefinitions[0].portMappings[0].hostPort must be between 0 and 65535, not -1"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"links\": [\"a:b:c\"]}"), E_ECS_PATTERN,
     false, "containerDefinitions[0].links[0] \"a:b:c\" is not a valid link"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"dockerLabels\": {\"\": \"v\"}}"),
     E_ECS_MAP_KEY, true, "empty key in containerDefinitions[0].dockerLabels"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"dockerLabels\": {\"a\": 1}}"), E_ECS_TYPE,
     false, "containerDefinitions[0].dockerLabels.a must be a string, not a number"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"linuxParameters\": {\"tmpfs\": "
               "[{\"containerPath\": \"/t\", \"size\": 1, \"mountOptions\": [\"fast\"]}]}}"),
     E_ECS_UNDOCUMENTED_VALUE, true,
     "undocumented value \"fast\" for containerDefinitions[0].linuxParameters.tmpfs[0]"
     ".mountOptions[0]"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"logConfiguration\": {\"logDriver\": "
               "\"awslogs\", \"options\": {\"mode\": \"async\"}}}"),
     E_ECS_ENUM, false,
     "invalid value \"async\" for containerDefinitions[0].logConfiguration.options.mode"},
    {TASK_WITH("{\"name\": \"web\", \"image\": \"x\", \"credentialSpecs\": [\"a\", \"b\"]}"),
     E_ECS_COUNT, false,
     "containerDefinitions[0].credentialSpecs has 2 items; at most 1 are allowed"},
};

static void test_check_reports_each_rule_once(void **state)
{
    Fixture *f = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = check_task(f, cases[i].json);
        if (n != 1)
            fail_msg("case %zu: %zu diagnostics, expected 1 (%s)", i, n,
                     n ? f->diags.items[0]->summary : "none");
        const Diag *g = f->diags.items[0];
        if (g->code != cases[i].code || strcmp(g->summary, cases[i].summary) != 0 ||
            (g->severity == DIAG_WARNING) != cases[i].warning)
            fail_msg("case %zu: got E%04d \"%s\"", i, (int)g->code, g->summary);
        assert_int_equal(f->ctx.failed, !cases[i].warning);
    }
}

static void test_check_names_read_only_members_of_described_form(void **state)
{
    Fixture *f = *state;
    Value *v = json(f, TASK(",\"revision\": 3, \"status\": \"ACTIVE\", \"registeredAt\": 1.7e9"));
    ecs_check_schema(&f->ctx, v, schema_described_task_definition());
    assert_int_equal(f->diags.count, 3);
    assert_int_equal(f->diags.errors, 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(f->diags.items[i]->code, E_ECS_READ_ONLY);
    assert_false(f->ctx.failed);
}

static void test_check_suggests_in_the_spelling_used(void **state)
{
    Fixture *f = *state;
    assert_int_equal(check_task(f, TASK(",\"netwrk_mode\": \"host\"")), 1);
    const DiagNote *n = f->diags.items[0]->notes;
    while (n && n->kind != NOTE_HELP)
        n = n->next;
    assert_non_null(n);
    assert_string_equal(n->text, "did you mean \"network_mode\"?");
    assert_int_equal(check_task(f, TASK(",\"netwrkMode\": \"host\"")), 1);
    for (n = f->diags.items[0]->notes; n && n->kind != NOTE_HELP;)
        n = n->next;
    assert_non_null(n);
    assert_string_equal(n->text, "did you mean \"networkMode\"?");
}

static void test_check_never_shows_sensitive_values(void **state)
{
    Fixture *f = *state;
    Value *task = json(f, TASK(""));
    Value *family = value_cstring(&f->arena, span_make(0, 11, 16), "top secret");
    value_object_set(&f->arena, task, "family", 6, value_mark_sensitive(&f->arena, family));
    ecs_check_schema(&f->ctx, task, schema_task_definition());
    assert_int_equal(f->diags.count, 1);
    const Diag *g = f->diags.items[0];
    assert_string_equal(g->summary, "family (sensitive) is not a valid family name");
    for (const DiagNote *n = g->notes; n; n = n->next)
        assert_null(strstr(n->text, "top secret"));
}

static void test_check_warning_becomes_error_under_strict(void **state)
{
    Fixture *f = *state;
    f->opt.strict = true;
    assert_int_equal(check_task(f, TASK_WITH("{\"name\": \"w\", \"image\": \"x\", "
                                             "\"dockerSecurityOptions\": [\"seccomp:x\"]}")),
                     1);
    assert_int_equal(f->diags.items[0]->severity, DIAG_ERROR);
    assert_true(f->ctx.failed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_every_structure_of_the_model_is_present),
        cmocka_unit_test(test_schema_members_are_well_formed),
        cmocka_unit_test(test_schema_patterns_compile),
        cmocka_unit_test(test_schema_find_by_api_and_snake_names),
        cmocka_unit_test(test_schema_indexed_lookups_find_what_a_scan_finds),
        cmocka_unit_test(test_schema_slots_name_the_members),
        cmocka_unit_test(test_schema_find_by_cloudformation_name),
        cmocka_unit_test(test_schema_find_by_block_name),
        cmocka_unit_test(test_schema_map_forms_and_user_maps),
        cmocka_unit_test(test_schema_described_form_adds_read_only_members),
        cmocka_unit_test_setup_teardown(test_check_accepts_a_valid_task, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_reports_each_rule_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_names_read_only_members_of_described_form, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_check_suggests_in_the_spelling_used, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_never_shows_sensitive_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_warning_becomes_error_under_strict, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
