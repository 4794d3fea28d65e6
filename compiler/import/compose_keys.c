// compose_keys.c - the compose keys that ECS has only off Fargate
// (extra_hosts, dns, dns_search: a warning naming the member to write on
// EC2), compose secrets (each an ECS secret read from a NAME_secret_arn
// variable, with a warning), and what to do instead for each key without
// ECS meaning.
#include "import/compose_impl.h"

#include <string.h>

// The items of a string or a list of strings, as one text: "\"a\", \"b\"".
static const char *quoted_list(Compose *C, Value *v)
{
    StrBuf b;
    buf_init(&b, C->im->a, 0);
    buf_puts(&b, "");
    for (uint32_t i = 0; i < (v->kind == VAL_LIST ? v->as.list.count : 1); i++) {
        const char *s = compose_text_of(C, v->kind == VAL_LIST ? v->as.list.items[i] : v);
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
            ip = compose_text_of(C, v->as.object.vals[i]);
        } else {
            const char *s = compose_text_of(C, v->as.list.items[i]);
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
void compose_host_key(Compose *C, const char *service, const char *k, Value *v)
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
    Value *v = compose_str(C, at, arena_printf(im->a, "var.%s", name));
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
    if (compose_get(C->secret_names, var))
        return var;
    compose_put(C, C->secret_names, var, at);
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
void compose_secrets(Compose *C, Value *ct, const char *service, Value *v)
{
    for (uint32_t i = 0; v->kind == VAL_LIST && i < v->as.list.count; i++) {
        Value *it = v->as.list.items[i];
        const char *name = compose_text_of(C, it) ? compose_text_of(C, it)
                                                  : compose_text_of(C, compose_get(it, "source"));
        if (!name || !*name)
            continue;
        const char *target = compose_text_of(C, compose_get(it, "target"));
        const char *file = !target            ? arena_printf(C->im->a, "/run/secrets/%s", name)
                           : target[0] == '/' ? target
                                              : arena_printf(C->im->a, "/run/secrets/%s", target);
        const char *env = plain(C->im->a, name, false);
        const char *var = secret_var(C, name, it);
        Value *e = value_object_new(C->im->a, it->origin, 2);
        compose_put(C, e, "name", compose_str(C, it, env));
        compose_put(C, e, "valueFrom", var_ref(C, it, var));
        compose_put(C, ct, "secrets", compose_push(C, compose_get(ct, "secrets"), e));
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
void compose_secret_sources(Compose *C, Value *top)
{
    for (uint32_t i = 0; top && top->kind == VAL_OBJECT && i < top->as.object.count; i++) {
        const char *name = top->as.object.keys[i].ptr;
        Value *def = top->as.object.vals[i];
        Value *file = compose_get(def, "file"), *env = compose_get(def, "environment");
        if (!file && !env)
            continue;
        Value *at = file ? file : env;
        Diag *g = diag_warning(C->im->diags, E_IMPORT_LEFT_OUT, at->origin,
                               "secret \"%s\" comes from %s %s, which only compose reads", name,
                               file ? "the file" : "the environment variable",
                               compose_text_of(C, at) ? compose_text_of(C, at) : "?");
        diag_help(C->im->diags, g,
                  "store its value in SSM Parameter Store (aws ssm put-parameter --type "
                  "SecureString) or Secrets Manager, and set var.%s to its ARN",
                  secret_var_name(C->im->a, name));
    }
}

// The keys with no ECS meaning, and what to do instead.
const char *compose_no_equivalent(const char *key)
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
