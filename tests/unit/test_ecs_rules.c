// test_ecs_rules.c - the cross-member ECS rules (docs/ecs.md), run on task
// definitions decoded from JSON text: which codes each rule reports, once,
// where, and that values of the wrong type are left to the schema check.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "decode/decode.h"
#include "ecs/ecs_impl.h"
#include "ecs/rules_impl.h"

typedef struct Fixture {
    Arena arena;
    SourceSet src;
    Diags diags;
    uint32_t file;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    source_init(&f->src, &f->arena);
    diags_init(&f->diags, &f->arena);
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

// JSON text written with ' for " (readable in C strings).
static Value *decode(Fixture *f, const char *text)
{
    char *json = arena_strdup(&f->arena, text);
    for (char *p = json; *p; p++) {
        if (*p == '\'')
            *p = '"';
    }
    f->file = source_add(&f->src, "task.json", json, strlen(json));
    Value *v = decode_json_file(&f->arena, &f->src, f->file, &f->diags);
    if (!v || f->diags.count)
        fail_msg("test JSON does not decode: %s", json);
    return v;
}

static void run_form(Fixture *f, const char *text, EcsForm form, const char *workspace)
{
    Value *v = decode(f, text);
    EcsOptions opt = {.workspace = workspace};
    EcsCtx c = {&f->arena, &f->diags, &opt, form, false, 0};
    if (form == ECS_FORM_CONTAINERS)
        ecs_check_container_rules(&c, v);
    else
        ecs_check_rules(&c, v);
}

static void dump(const Fixture *f)
{
    for (size_t i = 0; i < f->diags.count; i++)
        print_message("  E%04d %s: %s\n", (int)f->diags.items[i]->code,
                      f->diags.items[i]->severity == DIAG_WARNING ? "warning" : "error",
                      f->diags.items[i]->summary);
}

// Asserts that the diagnostics carry exactly `codes` (0-terminated), in any order.
static void expect_codes(Fixture *f, const int *codes)
{
    size_t n = 0;
    while (codes[n])
        n++;
    bool *used = calloc(f->diags.count + 1, sizeof(bool));
    bool ok = n == f->diags.count;
    for (size_t k = 0; k < n && ok; k++) {
        bool found = false;
        for (size_t i = 0; i < f->diags.count && !found; i++) {
            if (!used[i] && (int)f->diags.items[i]->code == codes[k])
                found = used[i] = true;
        }
        ok = found;
    }
    free(used);
    if (!ok) {
        print_message("expected:");
        for (size_t k = 0; k < n; k++)
            print_message(" E%04d", codes[k]);
        print_message("\ngot:\n");
        dump(f);
        fail();
    }
}

#define EXPECT(f, json, ...)                                                                       \
    do {                                                                                           \
        run_form(f, json, ECS_FORM_REQUEST, NULL);                                                 \
        expect_codes(f, (const int[]){__VA_ARGS__, 0});                                            \
    } while (0)
#define EXPECT_NONE(f, json) EXPECT(f, json, 0)

// A valid Fargate task; `task` adds task members (each followed by ','),
// `ctr` container members (each preceded by ',').
static const char *fargate(Fixture *f, const char *task, const char *ctr)
{
    return arena_printf(&f->arena,
                        "{'family':'t','requiresCompatibilities':['FARGATE'],"
                        "'networkMode':'awsvpc','cpu':'256','memory':'512',"
                        "'executionRoleArn':'arn:aws:iam::123456789012:role/exec',%s"
                        "'containerDefinitions':[{'name':'web','image':'nginx:1.25'%s}]}",
                        task, ctr);
}

// A valid EC2 task in bridge mode, with the same slots.
static const char *ec2(Fixture *f, const char *task, const char *ctr)
{
    return arena_printf(&f->arena,
                        "{'family':'t',%s"
                        "'containerDefinitions':[{'name':'web',"
                        "'image':'nginx:1.25','memory':256%s}]}",
                        task, ctr);
}

static const Diag *only(Fixture *f)
{
    if (f->diags.count != 1) {
        dump(f);
        fail_msg("expected one diagnostic, got %zu", f->diags.count);
    }
    return f->diags.items[0];
}

static bool has_note(const Diag *g, const char *text)
{
    for (const DiagNote *n = g->notes; n; n = n->next) {
        if (strstr(n->text, text))
            return true;
    }
    return false;
}

static void assert_line(Fixture *f, const Diag *g, uint32_t line)
{
    assert_int_equal(source_line_col(&f->src, g->subject.file, g->subject.start).line, line);
}

// --- valid task definitions ---------------------------------------------------------

static const char *const seed_task =
    "{'taskRoleArn':'arn:aws:iam::012345678912:role/DataGrailAgentTaskRole',"
    "'executionRoleArn':'arn:aws:iam::012345678912:role/ecsTaskExecutionRole',"
    "'containerDefinitions':[{'essential':true,'name':'datagrail-rm-agent',"
    "'image':'datagrail-rm-agent:latest','portMappings':[{'hostPort':8080,'protocol':'tcp',"
    "'containerPort':8080}],'command':['supervisord','-n','-c','/etc/rm.conf'],'cpu':0,"
    "'environment':[{'name':'DATAGRAIL_AGENT_CONFIG','value':''}],'mountPoints':[],"
    "'workingDirectory':'/app','logConfiguration':{'logDriver':'awslogs','options':{"
    "'awslogs-region':'us-west-2','awslogs-group':'/ecs/datagrail-rm-agent',"
    "'awslogs-create-group':'true','awslogs-stream-prefix':'/ecs'}},'healthCheck':{"
    "'retries':3,'command':['CMD-SHELL','curl -f http://localhost:8080/docs || exit 1'],"
    "'timeout':5,'interval':30,'startPeriod':1}}],'family':'datagrail-rm-agent',"
    "'requiresCompatibilities':['FARGATE'],'runtimePlatform':{'operatingSystemFamily':'LINUX'},"
    "'networkMode':'awsvpc','cpu':'1024','memory':'2048'}";

static void test_rules_accept_realistic_fargate_task(void **state)
{
    Fixture *f = *state;
    EXPECT_NONE(f, seed_task);
}

static void test_rules_accept_every_fargate_size(void **state)
{
    Fixture *f = *state;
    static const char *const sizes[][2] = {
        {"256", "512"},       {".25 vCPU", "0.5 GB"}, {"256", "2GB"},      {"512", "4 gb"},
        {"1 vcpu", "8192"},   {"2048", "16384"},      {"4 vCPU", "30 GB"}, {"8192", "61440"},
        {"16 vCPU", "120GB"}, {"16384", "32768"},
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        const char *task = arena_printf(&f->arena,
                                        "{'family':'t','requiresCompatibilities':['FARGATE'],"
                                        "'networkMode':'awsvpc','cpu':'%s','memory':'%s',"
                                        "'containerDefinitions':[{'name':'a','image':'x:1'}]}",
                                        sizes[i][0], sizes[i][1]);
        EXPECT_NONE(f, task);
    }
}

static void test_rules_accept_ec2_bridge_task(void **state)
{
    Fixture *f = *state;
    EXPECT_NONE(f,
                "{'family':'t','containerDefinitions':["
                "{'name':'web','image':'nginx:1','memoryReservation':128,'links':['db:database'],"
                "'portMappings':[{'containerPort':80,'hostPort':8080},{'containerPort':81}],"
                "'dependsOn':[{'containerName':'db','condition':'HEALTHY'}],"
                "'mountPoints':[{'sourceVolume':'data','containerPath':'/d'}]},"
                "{'name':'db','image':'postgres:16','memory':512,'essential':false,"
                "'healthCheck':{'command':['CMD','pg_isready']}}],"
                "'volumes':[{'name':'data'}]}");
}

// --- task size -------------------------------------------------------------------------

static void test_rules_size_format(void **state)
{
    Fixture *f = *state;
    EXPECT(f, ec2(f, "'cpu':'1 core','memory':'2 TB',", ""), E_ECS_TASK_SIZE_FORMAT,
           E_ECS_TASK_SIZE_FORMAT);
}

static void test_rules_size_ec2_range(void **state)
{
    Fixture *f = *state;
    EXPECT(f, ec2(f, "'cpu':'64',", ""), E_ECS_TASK_CPU_RANGE);
}

static void test_rules_size_fargate_cpu(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
           "'cpu':'300','memory':'1024','containerDefinitions':[{'name':'a','image':'x:1'}]}",
           E_ECS_FARGATE_SIZE);
    assert_true(has_note(only(f), "Invalid 'cpu' setting for task."));
}

static void test_rules_size_fargate_memory_lists_valid_values(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',\n"
           "'cpu':'1024',\n'memory':'1024','containerDefinitions':[{'name':'a','image':'x:1'}]}",
           E_ECS_FARGATE_SIZE);
    const Diag *g = only(f);
    assert_line(f, g, 3);
    assert_true(has_note(g, "No Fargate configuration exists for given values."));
    assert_true(has_note(g, "2048 to 8192 MiB in steps of 1024"));
    assert_true(has_note(g, "256 or 512"));
}

static void test_rules_size_fargate_missing(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['EC2','FARGATE'],'networkMode':'awsvpc',"
           "'memory':'512','containerDefinitions':[{'name':'a','image':'x:1'}]}",
           E_ECS_FARGATE_SIZE_MISSING);
    assert_true(has_note(only(f), "Fargate requires that 'cpu' be defined at the task level."));
}

static void test_rules_size_windows(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
           "'cpu':'8192','memory':'16384','runtimePlatform':{'operatingSystemFamily':"
           "'WINDOWS_SERVER_2022_CORE'},'containerDefinitions':[{'name':'a','image':'x:1'}]}",
           E_ECS_WINDOWS_FARGATE_SIZE);
    f->diags.count = 0;
    EXPECT(f,
           "{'family':'t','cpu':'1024','runtimePlatform':{'operatingSystemFamily':"
           "'WINDOWS_SERVER_2019_FULL'},'containerDefinitions':[{'name':'a','image':'x:1',"
           "'memory':512}]}",
           E_ECS_WINDOWS_TASK_SIZE);
    assert_int_equal(only(f)->severity, DIAG_WARNING);
}

// --- container resources ---------------------------------------------------------------

static void test_rules_memory_missing(void **state)
{
    Fixture *f = *state;
    EXPECT(f, "{'family':'t','containerDefinitions':[{'name':'web','image':'x:1'}]}",
           E_ECS_CONTAINER_MEMORY_MISSING);
    assert_true(has_note(only(f), "Invalid setting for container 'web'. At least one"));
    f->diags.count = 0;
    // A container list has no task: its memory is unknown, not missing.
    run_form(f, "[{'name':'web','image':'x:1'},{'name':'b','image':'x:1','memory':64}]",
             ECS_FORM_CONTAINERS, NULL);
    expect_codes(f, (const int[]){0});
    f->diags.count = 0;
    EXPECT_NONE(
        f, "{'family':'t','memory':'1024','containerDefinitions':[{'name':'web','image':'x:1'}]}");
}

static void test_rules_memory_limits(void **state)
{
    Fixture *f = *state;
    EXPECT(f, ec2(f, "", ",'memoryReservation':512"), E_ECS_MEMORY_RESERVATION);
    f->diags.count = 0;
    EXPECT(f, ec2(f, "'memory':'128',", ""), E_ECS_CONTAINER_MEMORY_OVER_TASK);
    assert_true(has_note(only(f), "The 'memory' setting for container 'web' is greater"));
    f->diags.count = 0;
    EXPECT(f,
           "{'family':'t','memory':'512','cpu':'256','containerDefinitions':["
           "{'name':'a','image':'x:1','memoryReservation':300,'cpu':200},"
           "{'name':'b','image':'x:1','memory':300,'cpu':100}]}",
           E_ECS_MEMORY_SUM, E_ECS_CPU_SUM);
    f->diags.count = 0;
    EXPECT(f, ec2(f, "", ",'memoryReservation':4,'cpu':300000"), E_ECS_CONTAINER_MEMORY_LOW,
           E_ECS_CONTAINER_CPU_RANGE);
}

static void test_rules_memory_sum_not_a_cascade(void **state)
{
    Fixture *f = *state;
    EXPECT(f, ec2(f, "'memory':'128',", ""), E_ECS_CONTAINER_MEMORY_OVER_TASK);
}

static void test_rules_resource_requirements(void **state)
{
    Fixture *f = *state;
    EXPECT(
        f,
        ec2(f, "'inferenceAccelerators':[{'deviceName':'d1','deviceType':'eia2.medium'}],",
            ",'resourceRequirements':[{'type':'GPU','value':'two'},"
            "{'type':'NeuronDevice','value':'ALL'},{'type':'InferenceAccelerator','value':'d2'}]"),
        E_ECS_RESOURCE_REQUIREMENT, E_ECS_RESOURCE_REQUIREMENT, E_ECS_RESOURCE_REQUIREMENT,
        E_ECS_RESOURCE_REQUIREMENT);
    f->diags.count = 0;
    EXPECT(f, fargate(f, "", ",'resourceRequirements':[{'type':'GPU','value':'1'}]"),
           E_ECS_FARGATE_UNSUPPORTED);
}

// --- network modes ----------------------------------------------------------------------

static void test_rules_awsvpc(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f, "'networkMode':'awsvpc',",
               ",'portMappings':[{'containerPort':80,'hostPort':8080}],'hostname':'web',"
               "'extraHosts':[{'hostname':'db','ipAddress':'10.0.0.1'}],'links':['web2']"),
           E_ECS_AWSVPC_HOST_PORT, E_ECS_AWSVPC_HOSTNAME, E_ECS_AWSVPC_EXTRA_HOSTS,
           E_ECS_AWSVPC_LINKS);
}

static void test_rules_host_and_none(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f, "'networkMode':'host',",
               ",'portMappings':[{'containerPort':80,'hostPort':81}],'user':'root',"
               "'systemControls':[{'namespace':'net.core.somaxconn','value':'1024'}]"),
           E_ECS_HOST_MODE_PORT, E_ECS_HOST_MODE_ROOT, E_ECS_SYSCTL_MODE);
    f->diags.count = 0;
    EXPECT(f, ec2(f, "'networkMode':'none',", ",'portMappings':[{'containerPort':80}]"),
           E_ECS_NONE_MODE_PORTS);
}

static void test_rules_ports_in_one_container(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f, "",
               ",'portMappings':[{'containerPort':53,'protocol':'udp'},"
               "{'containerPort':53,'protocol':'tcp'},{'containerPortRange':'50-60'},"
               "{'containerPortRange':'9-3'},{'containerPort':70,'containerPortRange':'70-71'},"
               "{'containerPort':80,'hostPort':2375},{'containerPort':80,'hostPort':2375}]"),
           E_ECS_DUPLICATE_CONTAINER_PORT, E_ECS_PORT_RANGE, E_ECS_PORT_RANGE, E_ECS_PORT_RANGE,
           E_ECS_RESERVED_HOST_PORT, E_ECS_RESERVED_HOST_PORT, E_ECS_DUPLICATE_ITEM);
}

static void test_rules_ports_shared_namespace(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','networkMode':'awsvpc','memory':'512','containerDefinitions':["
           "{'name':'a','image':'x:1','portMappings':[{'containerPort':80,'name':'http'}]},"
           "{'name':'b','image':'x:1','portMappings':[{'containerPort':80,'name':'http'}]}]}",
           E_ECS_SHARED_PORT, E_ECS_DUPLICATE_PORT_NAME);
}

static void test_rules_windows_ec2_network_mode(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','networkMode':'bridge','runtimePlatform':{'operatingSystemFamily':"
           "'WINDOWS_SERVER_2019_CORE'},'containerDefinitions':[{'name':'a','image':'x:1',"
           "'memory':512}]}",
           E_ECS_WINDOWS_NETWORK_MODE);
}

// --- links and dependencies ----------------------------------------------------------------

static void test_rules_links(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','memory':'512','containerDefinitions':["
           "{'name':'a','image':'x:1','links':['b','a','zz']},"
           "{'name':'b','image':'x:1','links':['c:alias']},"
           "{'name':'c','image':'x:1','links':['a']}]}",
           E_ECS_LINKS, E_ECS_LINK_UNKNOWN, E_ECS_LINKS);
    const Diag *cycle = NULL;
    for (size_t i = 0; i < f->diags.count; i++) {
        if (strstr(f->diags.items[i]->summary, "cycle"))
            cycle = f->diags.items[i];
    }
    assert_non_null(cycle);
    assert_string_equal(cycle->summary,
                        "container links form a cycle: \"a\" -> \"b\" -> \"c\" -> \"a\"");
    f->diags.count = 0;
    EXPECT(f, ec2(f, "'networkMode':'host',", ",'links':['x']"), E_ECS_LINKS);
}

static void test_rules_depends_on(void **state)
{
    Fixture *f = *state;
    EXPECT(
        f,
        "{'family':'t','memory':'512','containerDefinitions':["
        "{'name':'app','image':'x:1','dependsOn':[{'containerName':'migrate','condition':'SUCCESS'}"
        ","
        "{'containerName':'app','condition':'START'},{'containerName':'dbb','condition':'START'}]},"
        "{'name':'migrate','image':'x:1','dependsOn':[{'containerName':'db','condition':'HEALTHY'}]"
        "},"
        "{'name':'db','image':'x:1','essential':false}]}",
        E_ECS_DEPENDENCY_ESSENTIAL, E_ECS_DEPENDS_ON_UNKNOWN, E_ECS_DEPENDS_ON_UNKNOWN,
        E_ECS_DEPENDENCY_HEALTH_CHECK);
}

static void test_rules_depends_on_cycle(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','memory':'512','containerDefinitions':["
           "{'name':'a','image':'x:1','dependsOn':[{'containerName':'b','condition':'START'}]},"
           "{'name':'b','image':'x:1','dependsOn':[{'containerName':'a','condition':'START'}]}]}",
           E_ECS_DEPENDS_ON_CYCLE);
    assert_string_equal(only(f)->summary,
                        "containers depend on each other in a cycle: \"a\" -> \"b\" -> \"a\"");
}

static void test_rules_essential(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','memory':'512','containerDefinitions':["
           "{'name':'a','image':'x:1','essential':false},{'name':'b','image':'x:1','essential':"
           "false}]}",
           E_ECS_NO_ESSENTIAL);
}

static void test_rules_names_and_volumes(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','memory':'512','containerDefinitions':["
           "{'name':'a','image':'x:1','mountPoints':[{'sourceVolume':'dat','containerPath':'/d'}],"
           "'volumesFrom':[{'sourceContainer':'a'},{'sourceContainer':'q'}]},"
           "{'name':'a','image':'x:1'}],"
           "'volumes':[{'name':'data'},{'name':'data'},"
           "{'name':'l1','configuredAtLaunch':true},{'name':'l2','configuredAtLaunch':true}]}",
           E_ECS_DUPLICATE_CONTAINER, E_ECS_UNKNOWN_VOLUME, E_ECS_VOLUMES_FROM_UNKNOWN,
           E_ECS_VOLUMES_FROM_UNKNOWN, E_ECS_DUPLICATE_VOLUME, E_ECS_CONFIGURED_AT_LAUNCH);
    for (size_t i = 0; i < f->diags.count; i++) {
        if (f->diags.items[i]->code == E_ECS_UNKNOWN_VOLUME) {
            assert_true(has_note(f->diags.items[i], "Unknown volume 'dat'."));
            assert_true(has_note(f->diags.items[i], "did you mean \"data\"?"));
        }
    }
}

static void test_rules_environment_and_secrets(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f, "'executionRoleArn':'exec',",
               ",'environment':[{'name':'A','value':'1'},{'name':'A','value':'2'},"
               "{'name':'S','value':'x'}],'secrets':[{'name':'S','valueFrom':'/p/s'},"
               "{'name':'T','valueFrom':'/p/t'},{'name':'T','valueFrom':'/p/u'}],"
               "'ulimits':[{'name':'nofile','softLimit':10,'hardLimit':5},"
               "{'name':'nofile','softLimit':1,'hardLimit':5}]"),
           E_ECS_DUPLICATE_ENVIRONMENT, E_ECS_SECRET_NAME, E_ECS_SECRET_NAME,
           E_ECS_DUPLICATE_ULIMIT, E_ECS_ULIMIT_LIMITS);
}

static void test_rules_proxy_and_firelens(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f,
               "'proxyConfiguration':{'type':'APPMESH','containerName':'envoy',"
               "'properties':[{'name':'AppPorts','value':'80'}]},",
               ",'logConfiguration':{'logDriver':'awsfirelens'}"),
           E_ECS_PROXY_CONFIGURATION, E_ECS_PROXY_CONFIGURATION, E_ECS_PROXY_CONFIGURATION,
           E_ECS_FIRELENS);
    f->diags.count = 0;
    EXPECT(f,
           "{'family':'t','memory':'512','containerDefinitions':["
           "{'name':'a','image':'x:1','firelensConfiguration':{'type':'fluentbit'}},"
           "{'name':'b','image':'x:1','firelensConfiguration':{'type':'fluentbit'}}]}",
           E_ECS_FIRELENS, E_ECS_LOG_ROUTERS);
}

// --- Fargate ---------------------------------------------------------------------------------

static void test_rules_fargate_task_level(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['FARGATE'],'cpu':'256','memory':'512',"
           "'pidMode':'host','ipcMode':'task','placementConstraints':[{'type':'memberOf',"
           "'expression':'attribute:x == y'}],'inferenceAccelerators':[{'deviceName':'d',"
           "'deviceType':'eia2.medium'}],'volumes':[{'name':'v','host':{'sourcePath':'/x'}},"
           "{'name':'w','dockerVolumeConfiguration':{'scope':'task'}}],"
           "'containerDefinitions':[{'name':'a','image':'x:1'}]}",
           E_ECS_FARGATE_NETWORK_MODE, E_ECS_FARGATE_PID_MODE, E_ECS_FARGATE_UNSUPPORTED,
           E_ECS_FARGATE_PLACEMENT, E_ECS_FARGATE_INFERENCE, E_ECS_FARGATE_VOLUME,
           E_ECS_FARGATE_VOLUME);
}

static void test_rules_fargate_container_level(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           fargate(f, "",
                   ",'privileged':true,'links':['x'],'startTimeout':200,"
                   "'linuxParameters':{'maxSwap':10,'devices':[{'hostPath':'/dev/x'}],"
                   "'capabilities':{'add':['SYS_PTRACE','NET_ADMIN']}},"
                   "'logConfiguration':{'logDriver':'json-file'},"
                   "'firelensConfiguration':{'type':'fluentbit','options':"
                   "{'config-file-type':'s3','config-file-value':'arn:aws:s3:::b/f.conf'}}"),
           E_ECS_FARGATE_UNSUPPORTED, E_ECS_FARGATE_UNSUPPORTED, E_ECS_FARGATE_TIMEOUT,
           E_ECS_FARGATE_UNSUPPORTED, E_ECS_FARGATE_LINUX_PARAMETER, E_ECS_FARGATE_CAPABILITY,
           E_ECS_FARGATE_LOG_DRIVER, E_ECS_FARGATE_FIRELENS_CONFIG, E_ECS_FIRELENS);
}

static void test_rules_fargate_execution_role(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
           "'cpu':'256','memory':'512','containerDefinitions':["
           "{'name':'a','image':'123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1'},"
           "{'name':'b','image':'x:1','logConfiguration':{'logDriver':'awslogs','options':{"
           "'awslogs-group':'g','awslogs-region':'us-east-1','awslogs-stream-prefix':'p'}}}]}",
           E_ECS_EXECUTION_ROLE_MISSING);
    assert_true(has_note(only(f), "to support ECR images."));
}

static void test_rules_fargate_awslogs(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           fargate(f, "",
                   ",'logConfiguration':{'logDriver':'awslogs','options':{"
                   "'awslogs-group':'g','awslogs-region':'us-east-1'}}"),
           E_ECS_FARGATE_STREAM_PREFIX);
    f->diags.count = 0;
    EXPECT(f,
           fargate(f, "",
                   ",'logConfiguration':{'logDriver':'awslogs','options':{"
                   "'awslogs-grup':'g','awslogs-datetime-format':'%Y',"
                   "'awslogs-multiline-pattern':'^x'}}"),
           E_ECS_AWSLOGS_OPTIONS, E_ECS_AWSLOGS_OPTIONS, E_ECS_AWSLOGS_OPTIONS);
}

// --- Windows -------------------------------------------------------------------------------------

static void test_rules_windows_members(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
           "'cpu':'1024','memory':'2048','runtimePlatform':{'operatingSystemFamily':"
           "'WINDOWS_SERVER_2022_CORE','cpuArchitecture':'ARM64'},'pidMode':'task',"
           "'containerDefinitions':[{'name':'a','image':'x:1','user':'me','privileged':true,"
           "'links':['b'],'environmentFiles':[{'value':'arn:aws:s3:::b/k.env','type':'s3'}]}],"
           "'executionRoleArn':'arn:aws:iam::123456789012:role/e'}",
           E_ECS_WINDOWS_UNSUPPORTED, E_ECS_WINDOWS_UNSUPPORTED, E_ECS_WINDOWS_UNSUPPORTED,
           E_ECS_WINDOWS_UNSUPPORTED, E_ECS_WINDOWS_UNSUPPORTED, E_ECS_WINDOWS_UNSUPPORTED);
}

// --- value formats
// ----------------------------------------------------------------------------------

static void test_rules_secret_references(void **state)
{
    Fixture *f = *state;
    EXPECT_NONE(
        f, ec2(f, "'executionRoleArn':'exec',",
               ",'secrets':["
               "{'name':'A','valueFrom':'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-"
               "AbCdEf'},"
               "{'name':'B','valueFrom':'arn:aws:secretsmanager:us-east-1:123456789012:secret:db:"
               "password::'},"
               "{'name':'C','valueFrom':'arn:aws:ssm:us-east-1:123456789012:parameter/prod/db'},"
               "{'name':'D','valueFrom':'/prod/db/pw'}]"));
    EXPECT(f,
           ec2(f, "'executionRoleArn':'exec',",
               ",'secrets':["
               "{'name':'A','valueFrom':'arn:aws:secretsmanager:us-east-1:1234:secret:db'},"
               "{'name':'B','valueFrom':'arn:aws:secretsmanager:us-east-1:123456789012:secret:db:"
               "password'},"
               "{'name':'C','valueFrom':'arn:aws:ssm:us-east-1:123456789012:parameter//prod/db'},"
               "{'name':'D','valueFrom':'my secret'},{'name':'E','valueFrom':'arn:aws:s3:::b/k'}],"
               "'repositoryCredentials':{'credentialsParameter':'arn:aws:ssm:us-east-1:"
               "123456789012:parameter/x'}"),
           E_ECS_SECRET_ARN, E_ECS_SECRET_ARN, E_ECS_SECRET_ARN, E_ECS_SECRET_ARN, E_ECS_SECRET_ARN,
           E_ECS_CREDENTIALS_PARAMETER);
}

// Secrets and registry credentials need an execution role on every launch
// type; an empty executionRoleArn is no role.
static void test_rules_execution_role_for_secrets(void **state)
{
    Fixture *f = *state;
    EXPECT(f, ec2(f, "", ",'secrets':[{'name':'A','valueFrom':'/p/a'}]"),
           E_ECS_EXECUTION_ROLE_MISSING);
    assert_true(has_note(only(f), "When you are specifying container secrets"));
    f->diags.count = 0;
    EXPECT(f,
           ec2(f, "'executionRoleArn':'',",
               ",'repositoryCredentials':{'credentialsParameter':'arn:aws:secretsmanager:"
               "us-east-1:123456789012:secret:hub-AbCdEf'}"),
           E_ECS_EXECUTION_ROLE_MISSING);
    f->diags.count = 0;
    run_form(f, "[{'name':'web','image':'x:1','secrets':[{'name':'A','valueFrom':'/p/a'}]}]",
             ECS_FORM_CONTAINERS, NULL);
    expect_codes(f, (const int[]){0});
}

static void test_rules_roles_and_files(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f,
               "'executionRoleArn':'arn:aws:iam::123:role/"
               "x','taskRoleArn':'arn:aws:iam::123456789012:user/u',",
               ",'environmentFiles':[{'value':'arn:aws:s3:::bucket/app.txt','type':'s3'},"
               "{'value':'arn:aws:s3:::bucket/app.env','type':'s3'}]"),
           E_ECS_ROLE_ARN, E_ECS_ROLE_ARN, E_ECS_ENVIRONMENT_FILE);
    f->diags.count = 0;
    EXPECT_NONE(f, ec2(f, "'taskRoleArn':'app-role',", ""));
    EXPECT_NONE(f, ec2(f, "'taskRoleArn':'','executionRoleArn':'EXECUTION_ROLE_ARN',", ""));
    EXPECT_NONE(f, ec2(f, "'executionRoleArn':'service-role/ecsTaskExecutionRole',", ""));
}

static void test_rules_log_options(void **state)
{
    Fixture *f = *state;
    EXPECT(
        f,
        ec2(f, "", ",'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'g'}}"),
        E_ECS_AWSLOGS_OPTIONS);
    assert_true(has_note(only(f), "Log driver awslogs requires options"));
    f->diags.count = 0;
    EXPECT(f, ec2(f, "", ",'logConfiguration':{'logDriver':'splunk','options':{'splunk-url':'u'}}"),
           E_ECS_SPLUNK_OPTIONS);
    f->diags.count = 0;
    EXPECT_NONE(f, ec2(f, "",
                       ",'logConfiguration':{'logDriver':'splunk','options':{'splunk-url':'u'},"
                       "'secretOptions':[{'name':'splunk-token','valueFrom':'/splunk/token'}]}"));
}

static void test_rules_volume_configurations(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f,
               "'volumes':[{'name':'e','efsVolumeConfiguration':{'fileSystemId':'fs-12',"
               "'rootDirectory':'/"
               "data','authorizationConfig':{'accessPointId':'fsap-0123456789abcdef'}}},"
               "{'name':'s','s3filesVolumeConfiguration':{'fileSystemArn':'arn:aws:s3files:x',"
               "'accessPointArn':'arn:aws:s3files:y','rootDirectory':'/x'}},"
               "{'name':'d','dockerVolumeConfiguration':{'autoprovision':true},'host':{}},"
               "{'name':'f','fsxWindowsFileServerVolumeConfiguration':{'fileSystemId':'fs-1',"
               "'rootDirectory':'x','authorizationConfig':{'credentialsParameter':'nope','domain':'"
               "d'}}}],",
               ""),
           E_ECS_EFS_VOLUME, E_ECS_EFS_VOLUME, E_ECS_EFS_ID, E_ECS_S3FILES_VOLUME,
           E_ECS_VOLUME_KIND, E_ECS_DOCKER_VOLUME, E_ECS_CREDENTIALS_PARAMETER);
}

static void test_rules_misc_formats(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f,
               "'placementConstraints':[{'type':'memberOf'},{'type':'memberOf','expression':'t2."
               "micro'}],",
               ",'credentialSpecs':['credspec:arn:aws:ssm:us-east-1:123456789012:parameter/c'],"
               "'healthCheck':{'command':['curl -f http://localhost/']},'user':'a:b:c',"
               "'hostname':'-bad-','dnsServers':['10.0.0.300'],"
               "'systemControls':[{'namespace':'vm.swappiness','value':'1'}]"),
           E_ECS_PLACEMENT_EXPRESSION, E_ECS_PLACEMENT_EXPRESSION, E_ECS_CREDENTIAL_SPEC,
           E_ECS_HEALTH_CHECK_COMMAND, E_ECS_USER_FORMAT, E_ECS_HOST_FORMAT, E_ECS_HOST_FORMAT,
           E_ECS_SYSCTL_NAMESPACE);
    f->diags.count = 0;
    EXPECT(f,
           ec2(f, "'ipcMode':'host',",
               ",'systemControls':[{'namespace':'kernel.shmmax','value':'1'}]"),
           E_ECS_SYSCTL_MODE);
}

// --- warnings beyond AWS
// --------------------------------------------------------------------------------

static void test_rules_plain_secrets(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           ec2(f, "",
               ",'environment':[{'name':'DB_PASSWORD','value':'hunter2'},"
               "{'name':'api_key','value':'k'},{'name':'ID','value':'AKIAABCDEFGHIJKLMNOP'},"
               "{'name':'TOKEN_FILE','value':''},{'name':'HOST','value':'db'}]"),
           E_ECS_PLAIN_SECRET, E_ECS_PLAIN_SECRET, E_ECS_ACCESS_KEY_IN_ENV);
    for (size_t i = 0; i < f->diags.count; i++) {
        assert_int_equal(f->diags.items[i]->severity, DIAG_WARNING);
        assert_null(strstr(f->diags.items[i]->summary, "hunter2"));
        assert_null(strstr(f->diags.items[i]->summary, "AKIA"));
    }
}

static void test_rules_latest_in_prod(void **state)
{
    Fixture *f = *state;
    const char *json = "[{'name':'a','image':'nginx','memory':64},"
                       "{'name':'b','image':'registry:5000/app:latest','memory':64},"
                       "{'name':'c','image':'registry:5000/app','memory':64},"
                       "{'name':'d','image':'app@sha256:0123','memory':64},"
                       "{'name':'e','image':'app:1.2','memory':64}]";
    run_form(f, json, ECS_FORM_CONTAINERS, "production");
    expect_codes(f, (const int[]){E_ECS_LATEST_TAG, E_ECS_LATEST_TAG, E_ECS_LATEST_TAG, 0});
    f->diags.count = 0;
    run_form(f, json, ECS_FORM_CONTAINERS, "staging");
    expect_codes(f, (const int[]){0});
}

static void test_rules_strict_makes_warnings_errors(void **state)
{
    Fixture *f = *state;
    Value *v = decode(f, "[{'name':'a','image':'nginx:latest','memory':64}]");
    EcsOptions opt = {.strict = true, .workspace = "prod"};
    EcsCtx c = {&f->arena, &f->diags, &opt, ECS_FORM_CONTAINERS, false, 0};
    ecs_check_container_rules(&c, v);
    assert_true(c.failed);
    assert_int_equal(only(f)->severity, DIAG_ERROR);
}

static void test_rules_too_large(void **state)
{
    Fixture *f = *state;
    size_t n = 70000;
    char *big = arena_alloc(&f->arena, n + 1);
    memset(big, 'x', n);
    big[n] = '\0';
    EXPECT(f, ec2(f, "", arena_printf(&f->arena, ",'command':['%s']", big)), E_ECS_TASK_TOO_LARGE);
    assert_true(has_note(only(f), "Max allowed length is '65536' bytes."));
}

// A command of `n` bytes 'x': the task definition is 103 + n bytes as JSON.
static const char *with_command(Fixture *f, size_t n)
{
    char *big = arena_alloc(&f->arena, n + 1);
    memset(big, 'x', n);
    big[n] = '\0';
    return ec2(f, "", arena_printf(&f->arena, ",'command':['%s']", big));
}

// The quick bound (six bytes per string byte) passes the limit; the exact
// count decides, to the byte.
static void test_rules_too_large_exact(void **state)
{
    Fixture *f = *state;
    EXPECT_NONE(f, with_command(f, 20000));
    EXPECT_NONE(f, with_command(f, 65536 - 103));
    EXPECT(f, with_command(f, 65536 - 103 + 1), E_ECS_TASK_TOO_LARGE);
    assert_true(has_note(only(f), "Actual length: '65537'."));
}

// --- helpers
// -------------------------------------------------------------------------------------------

// first[i] is the earliest equal name, for short lists (compared pair by
// pair) and long ones (sorted) alike; NULL names match nothing.
static void test_rules_first_same(void **state)
{
    Fixture *f = *state;
    const char *few[] = {"A", NULL, "B", "A", "a", NULL, "B", "A"};
    const uint32_t want_few[] = {0, 1, 2, 0, 4, 5, 2, 0};
    uint32_t *got = rules_first_same(&f->arena, few, 8);
    for (uint32_t i = 0; i < 8; i++)
        assert_int_equal(got[i], want_few[i]);
    const char *many[40];
    for (uint32_t i = 0; i < 40; i++)
        many[i] = i % 7 == 6 ? NULL : arena_printf(&f->arena, "N%u", i % 5);
    got = rules_first_same(&f->arena, many, 40);
    for (uint32_t i = 0; i < 40; i++) {
        uint32_t want = i;
        for (uint32_t j = 0; many[i] && j < i; j++)
            if (many[j] && strcmp(many[j], many[i]) == 0) {
                want = j;
                break;
            }
        assert_int_equal(got[i], want);
    }
}

static void test_rules_icontains(void **state)
{
    (void)state;
    const char *const words[] = {"PASSWORD", "SECRET", "TOKEN"};
    assert_true(rules_icontains_any("DB_PASSWORD", words, 3));
    assert_true(rules_icontains_any("my_pAsSwOrD_file", words, 3));
    assert_true(rules_icontains_any("ppassword", words, 3));
    assert_true(rules_icontains_any("api-token", words, 3));
    assert_true(rules_icontains_any("SSECRET", words, 3));
    assert_false(rules_icontains_any("PASSWOR", words, 3));
    assert_false(rules_icontains_any("", words, 3));
    assert_false(rules_icontains_any("TOKE_N SECRE", words, 3));
    const char *const odd[] = {"_KEY", ""};
    assert_true(rules_icontains_any("my_key", odd, 1));
    assert_false(rules_icontains_any("mykey", odd, 1));
    assert_true(rules_icontains_any("", odd, 2));  // the empty needle is everywhere
    const char *const mixed[] = {"_KEY", "token"}; // one needle not a letter first
    assert_true(rules_icontains_any("aTOKEN", mixed, 2));
    assert_true(rules_icontains_any("x_Key", mixed, 2));
    assert_false(rules_icontains_any("x_ke tokeX", mixed, 2));
    assert_true(rules_icontains_any("tTt token", words, 3)); // past first letters that fail
    assert_false(rules_icontains_any("t", words, 3));
}

static void test_rules_arn(void **state)
{
    Fixture *f = *state;
    Arn arn;
    assert_true(rules_arn(&f->arena, "arn:aws:ssm:us-east-1:123456789012:parameter/a:b", &arn));
    assert_string_equal(arn.partition, "aws");
    assert_string_equal(arn.service, "ssm");
    assert_string_equal(arn.region, "us-east-1");
    assert_string_equal(arn.account, "123456789012");
    assert_string_equal(arn.resource, "parameter/a:b");
    assert_true(rules_arn(&f->arena, "arn:aws-cn:iam::1:", &arn));
    assert_string_equal(arn.region, "");
    assert_string_equal(arn.resource, "");
    assert_true(rules_arn(&f->arena, "arn:aws:s3:::bucket/key", &arn));
    assert_string_equal(arn.resource, "bucket/key");
    assert_false(rules_arn(&f->arena, "arn:aws:ssm:r:a", &arn)); // four fields
    assert_false(rules_arn(&f->arena, "arn:gcp:ssm:r:a:x", &arn));
    assert_false(rules_arn(&f->arena, "arn:aws::r:a:x", &arn)); // no service
    assert_false(rules_arn(&f->arena, "ARN:aws:ssm:r:a:x", &arn));
    assert_false(rules_arn(&f->arena, "arn:", &arn));
}

// --- robustness
// -------------------------------------------------------------------------------------------

static void test_rules_skip_wrong_types(void **state)
{
    Fixture *f = *state;
    EXPECT_NONE(
        f, "{'family':'t','cpu':1024,'memory':true,'networkMode':7,"
           "'requiresCompatibilities':'FARGATE','volumes':{},'runtimePlatform':[],"
           "'containerDefinitions':[7,{'name':3,'image':[],'memory':'x','links':'a',"
           "'portMappings':[1,{'containerPort':'80','hostPort':null}],"
           "'dependsOn':[{'containerName':5}],'environment':[{'name':1,'value':2}],"
           "'logConfiguration':{'logDriver':'awslogs','options':[]},'healthCheck':{'command':{}},"
           "'secrets':'s','ulimits':[{'softLimit':'1'}],'mountPoints':[{'sourceVolume':{}}]}]}");
    EXPECT_NONE(f, "{'family':'t','containerDefinitions':{}}");
    run_form(f, "{'x':1}", ECS_FORM_CONTAINERS, "prod");
    run_form(f, "[]", ECS_FORM_CONTAINERS, "prod");
    expect_codes(f, (const int[]){0});
}

static void test_rules_sensitive_values_not_shown(void **state)
{
    Fixture *f = *state;
    Value *task = decode(f, "{'family':'t','executionRoleArn':'bad:x','containerDefinitions':["
                            "{'name':'a','image':'x:1','memory':64}]}");
    Value *role = ecs_get(task, "executionRoleArn");
    value_object_set(&f->arena, task, "executionRoleArn", 16,
                     value_mark_sensitive(&f->arena, role));
    EcsOptions opt = {.strict = false};
    EcsCtx c = {&f->arena, &f->diags, &opt, ECS_FORM_REQUEST, false, 0};
    ecs_check_rules(&c, task);
    const Diag *g = only(f);
    assert_int_equal(g->code, E_ECS_ROLE_ARN);
    assert_non_null(strstr(g->summary, "(sensitive)"));
    assert_null(strstr(g->summary, "bad:x"));
}

static void test_rules_report_points_at_value(void **state)
{
    Fixture *f = *state;
    EXPECT(f,
           "{'family':'t',\n'networkMode':'awsvpc',\n'containerDefinitions':[{'name':'a',"
           "'image':'x:1','memory':64,\n'portMappings':[{'containerPort':80,\n'hostPort':81}]}]}",
           E_ECS_AWSVPC_HOST_PORT);
    const Diag *g = only(f);
    assert_line(f, g, 5);
    assert_true(has_note(g, "When networkMode=awsvpc, the host ports and container ports"));
}

// A refused task size gets the accepted form computed from what was written.
static void test_size_hint(void **state)
{
    Fixture *f = *state;
    Arena *a = &f->arena;
    assert_string_equal(ecs_size_hint(a, "2048 MiB", true), "write \"2048\" (MiB) or \"2 GB\"");
    assert_string_equal(ecs_size_hint(a, "1.5 g", true), "write \"1536\" (MiB)");
    assert_string_equal(ecs_size_hint(a, "2 cores", false),
                        "write \"2048\" (CPU units) or \"2 vCPU\"");
    assert_non_null(strstr(ecs_size_hint(a, "0.3 GB", true), "307.2 MiB"));
    assert_string_equal(ecs_size_wanted(ecs_size_hint(a, "0.3 GB", true), true),
                        "a whole number of MiB");
    assert_null(ecs_size_hint(a, "big", true));
    assert_null(ecs_size_hint(a, "1.2.3 GB", true));
    assert_string_equal(ecs_size_wanted(NULL, false), "a number of CPU units or vCPUs");
}

static const char *placeholder_in(Fixture *f, const char *text)
{
    return ecs_placeholder(&f->arena, value_cstring(&f->arena, span_none(), text));
}

// Template placeholders in strings of JSON templates, and what is not one.
static void test_placeholders(void **state)
{
    Fixture *f = *state;
    assert_string_equal(placeholder_in(f, "repo:${TAG}"), "\"${TAG}\"");
    assert_string_equal(placeholder_in(f, "{{ .Values.image }}"), "\"{{ .Values.image }}\"");
    assert_string_equal(placeholder_in(f, "<IMAGE1_NAME>"), "\"<IMAGE1_NAME>\"");
    assert_string_equal(placeholder_in(f, "#{Octopus.Image}"), "\"#{Octopus.Image}\"");
    assert_string_equal(placeholder_in(f, "$IMAGE_URI"), "\"$IMAGE_URI\"");
    assert_string_equal(placeholder_in(f, "arn:aws:iam::XXXXXXXXXXXX:role/r"), "\"XXXXXXXXXXXX\"");
    assert_string_equal(placeholder_in(f, "arn:aws:iam::aws_account_id:role/r"),
                        "\"aws_account_id\"");
    assert_null(placeholder_in(f, "nginx:1.25"));
    assert_null(placeholder_in(f, "attribute:ecs.instance-type =~ t3.*"));
    assert_null(placeholder_in(f, "web-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")); // too long a run
    assert_null(placeholder_in(f, "$5 and ${}"));
    Value *secret = value_mark_sensitive(&f->arena, value_cstring(&f->arena, span_none(), "${X}"));
    assert_null(ecs_placeholder(&f->arena, secret));
}

// One parser reads sizes for lowering and for the rules; its limits.
static void test_parse_size_forms_and_digit_limits(void **state)
{
    (void)state;
    int64_t n = -1;
    assert_true(ecs_parse_size("1024", "vcpu", &n) && n == 1024);
    assert_true(ecs_parse_size("1 vCPU", "vcpu", &n) && n == 1024);
    assert_true(ecs_parse_size(".25vcpu", "vcpu", &n) && n == 256);
    assert_true(ecs_parse_size("0.5  GB", "gb", &n) && n == 512);
    assert_true(ecs_parse_size("999999999", "gb", &n) && n == 999999999);
    assert_true(ecs_parse_size("0.015625 vcpu", "vcpu", &n) && n == 16);
    assert_false(ecs_parse_size("1000000000", "gb", &n));          // 10 integer digits
    assert_false(ecs_parse_size("0.0009765625 vcpu", "vcpu", &n)); // 10 fraction digits
    assert_false(ecs_parse_size("1.5", "vcpu", &n));               // a fraction needs the unit
    assert_false(ecs_parse_size("1.3 vCPU", "vcpu", &n));          // no whole number of units
    assert_false(ecs_parse_size("2 GiB", "gb", &n));
    assert_false(ecs_parse_size("", "gb", &n));
    assert_false(ecs_parse_size(". GB", "gb", &n));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_rules_accept_realistic_fargate_task),
        T(test_rules_accept_every_fargate_size),
        T(test_rules_accept_ec2_bridge_task),
        T(test_rules_size_format),
        cmocka_unit_test(test_parse_size_forms_and_digit_limits),
        T(test_rules_size_ec2_range),
        T(test_rules_size_fargate_cpu),
        T(test_rules_size_fargate_memory_lists_valid_values),
        T(test_rules_size_fargate_missing),
        T(test_rules_size_windows),
        T(test_rules_memory_missing),
        T(test_rules_memory_limits),
        T(test_rules_memory_sum_not_a_cascade),
        T(test_rules_resource_requirements),
        T(test_rules_awsvpc),
        T(test_rules_host_and_none),
        T(test_rules_ports_in_one_container),
        T(test_rules_ports_shared_namespace),
        T(test_rules_windows_ec2_network_mode),
        T(test_rules_links),
        T(test_rules_depends_on),
        T(test_rules_depends_on_cycle),
        T(test_rules_essential),
        T(test_rules_names_and_volumes),
        T(test_rules_environment_and_secrets),
        T(test_rules_proxy_and_firelens),
        T(test_rules_fargate_task_level),
        T(test_rules_fargate_container_level),
        T(test_rules_fargate_execution_role),
        T(test_rules_fargate_awslogs),
        T(test_rules_windows_members),
        T(test_rules_secret_references),
        T(test_rules_execution_role_for_secrets),
        T(test_size_hint),
        T(test_placeholders),
        T(test_rules_roles_and_files),
        T(test_rules_log_options),
        T(test_rules_volume_configurations),
        T(test_rules_misc_formats),
        T(test_rules_plain_secrets),
        T(test_rules_latest_in_prod),
        T(test_rules_strict_makes_warnings_errors),
        T(test_rules_too_large),
        T(test_rules_too_large_exact),
        T(test_rules_first_same),
        T(test_rules_icontains),
        T(test_rules_arn),
        T(test_rules_skip_wrong_types),
        T(test_rules_sensitive_values_not_shown),
        T(test_rules_report_points_at_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
