// rules_values.c - value formats inside one container: log options (VAL-10,
// VAL-11, FG-12), secret references (VAL-7, VAL-8), environment files
// (VAL-6), ulimits (VAL-5), credential specs (ENUM-25), the health check
// command (ENUM-27), user and host names (NAME-16, NAME-17), and hclc's
// own warnings: secrets in plain environment variables (VAL-20, access key
// ids) and images tagged latest in a production workspace.
#include "ecs/rules_impl.h"

#include <arpa/inet.h>
#include <string.h>

static bool only_chars(const char *s, const char *set)
{
    return *s && strspn(s, set) == strlen(s);
}

#define ALNUM "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// --- ARNs of secrets and parameters ------------------------------------------------

// Why `arn` is not a Secrets Manager secret ARN, or NULL when it is one.
static const char *secret_arn_fault(const Arn *arn)
{
    if (!rules_region(arn->region) || !rules_account(arn->account))
        return "a secret ARN reads arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME, with a "
               "12-digit account";
    if (!rules_starts(arn->resource, "secret:") || !arn->resource[7] || arn->resource[7] == ':')
        return "the resource of a secret ARN is secret:NAME";
    uint32_t colons = 0;
    for (const char *p = arn->resource + 7; *p; p++)
        colons += *p == ':';
    if (colons != 0 && colons != 3)
        return "after the secret name come all three of :JSON-KEY:VERSION-STAGE:VERSION-ID "
               "(each may be empty), e.g. secret:db-AbCdEf:password::";
    return NULL;
}

// Why `arn` is not an SSM parameter ARN, or NULL when it is one.
static const char *parameter_arn_fault(const Arn *arn)
{
    if (!rules_region(arn->region) || !rules_account(arn->account))
        return "a parameter ARN reads arn:aws:ssm:REGION:ACCOUNT:parameter/NAME, with a "
               "12-digit account";
    if (!rules_starts(arn->resource, "parameter/") || !arn->resource[10])
        return "the resource of a parameter ARN is parameter/NAME";
    if (arn->resource[10] == '/')
        return "a parameter name starting with '/' is written once: parameter/prod/db, not "
               "parameter//prod/db";
    return NULL;
}

// Why `s` is not a secret reference of the allowed kinds, or NULL.
// kinds: 's' Secrets Manager ARN, 'p' SSM parameter ARN, 'n' parameter
// name, 'm' Secrets Manager secret name.
static const char *secret_ref_fault(Rules *r, const char *s, const char *kinds)
{
    Arn arn;
    if (rules_arn(r->c->arena, s, &arn)) {
        if (strcmp(arn.service, "secretsmanager") == 0 && strchr(kinds, 's'))
            return secret_arn_fault(&arn);
        if (strcmp(arn.service, "ssm") == 0 && strchr(kinds, 'p'))
            return parameter_arn_fault(&arn);
        return strchr(kinds, 'p') ? "the ARN must be of a Secrets Manager secret or an SSM "
                                    "parameter"
                                  : "the ARN must be of a Secrets Manager secret";
    }
    if (rules_starts(s, "arn:"))
        return "an ARN has six ':'-separated fields: arn:PARTITION:SERVICE:REGION:ACCOUNT:"
               "RESOURCE";
    if (strchr(kinds, 'n') && only_chars(s, ALNUM "_.-/"))
        return NULL;
    if (strchr(kinds, 'm') && only_chars(s, ALNUM "/_+=.@-"))
        return NULL;
    if (strchr(kinds, 'n'))
        return "a bare name must be an SSM parameter name (letters, digits and _ . - /); "
               "for a secret, give its full ARN";
    return strchr(kinds, 'm') ? "a bare name must be a Secrets Manager secret name"
                              : "give the full ARN";
}

// What `kinds` accept, for messages.
static const char *kinds_text(const char *kinds)
{
    if (strchr(kinds, 'p'))
        return strchr(kinds, 'n') ? "a Secrets Manager secret ARN or an SSM parameter"
                                  : "a Secrets Manager secret or SSM parameter ARN";
    return "a Secrets Manager secret";
}

bool rules_check_secret_ref(Rules *r, Value *v, const char *kinds, DiagCode code, const char *what)
{
    const char *s = ecs_str(v);
    const char *why = s && *s ? secret_ref_fault(r, s, kinds) : NULL; // "": the schema's
    if (!why)
        return true;
    Diag *g = ecs_report(r->c, code, false, v, "%s is not %s", what, kinds_text(kinds));
    diag_help(r->c->diags, g, "%s", why);
    return false;
}

static void check_secrets(Rules *r, uint32_t i)
{
    static const char *const names[] = {"secret", "log secret option"};
    Value *lists[] = {
        rules_get(r, i, CONTAINER_DEFINITION_SECRETS),
        ecs_get(rules_get(r, i, CONTAINER_DEFINITION_LOG_CONFIGURATION), "secretOptions")};
    for (int l = 0; l < 2; l++) {
        for (uint32_t k = 0; k < rules_count(lists[l]); k++) {
            Value *item = rules_item(lists[l], k);
            const char *ref = ecs_str(ecs_get(item, "valueFrom"));
            if (!ref || !secret_ref_fault(r, ref, "spn"))
                continue; // the message is written only for a fault
            Value *name = ecs_get(item, "name");
            const char *what = arena_printf(r->c->arena, "valueFrom of %s %s%s%s", names[l],
                                            ecs_str(name) ? rules_show(r, name) : "",
                                            ecs_str(name) ? " in " : "in ", rules_cname(r, i));
            rules_check_secret_ref(r, ecs_get(item, "valueFrom"), "spn", E_ECS_SECRET_ARN, what);
        }
    }
    Value *cp = ecs_get(rules_get(r, i, CONTAINER_DEFINITION_REPOSITORY_CREDENTIALS),
                        "credentialsParameter");
    if (!ecs_str(cp))
        return;
    rules_check_secret_ref(
        r, cp, "sm", E_ECS_CREDENTIALS_PARAMETER,
        arena_printf(r->c->arena, "the registry credentialsParameter of %s", rules_cname(r, i)));
}

static void check_env_files(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_ENVIRONMENT_FILES);
    for (uint32_t k = 0; k < rules_count(list); k++) {
        Value *v = ecs_get(rules_item(list, k), "value");
        const char *s = ecs_str(v);
        Arn arn;
        if (!s)
            continue;
        bool ok = rules_arn(r->c->arena, s, &arn) && strcmp(arn.service, "s3") == 0 &&
                  !*arn.region && !*arn.account;
        const char *slash = ok ? strchr(arn.resource, '/') : NULL;
        size_t len = strlen(s);
        ok = slash && slash > arn.resource && slash[1] && len > 4 &&
             strcmp(s + len - 4, ".env") == 0;
        if (ok)
            continue;
        Diag *g = ecs_report(r->c, E_ECS_ENVIRONMENT_FILE, false, v,
                             "environment file %s of %s is not the ARN of an S3 object ending "
                             "in .env",
                             rules_show(r, v), rules_cname(r, i));
        diag_help(r->c->diags, g, "write arn:aws:s3:::BUCKET/KEY.env");
    }
}

// --- log options ------------------------------------------------------------------------

static const char *const awslogs_options[] = {
    "awslogs-create-group", "awslogs-datetime-format",
    "awslogs-group",        "awslogs-multiline-pattern",
    "awslogs-region",       "awslogs-stream-prefix",
    "max-buffer-size",      "mode",
};
#define NAWSLOGS (sizeof awslogs_options / sizeof awslogs_options[0])

static void check_awslogs_names(Rules *r, uint32_t i, Value *opts)
{
    Value *datetime = NULL;
    for (uint32_t k = 0; opts && k < opts->as.object.count; k++) {
        const char *key = opts->as.object.keys[k].ptr;
        Value *val = opts->as.object.vals[k];
        bool known = false;
        for (size_t a = 0; a < NAWSLOGS && !known; a++)
            known = strcmp(key, awslogs_options[a]) == 0;
        if (!known && (opts->flags & VALF_SENSITIVE)) {
            // The keys of a sensitive map are part of the secret.
            ecs_report(r->c, E_ECS_AWSLOGS_OPTIONS, false, val,
                       "unknown awslogs option (sensitive) in %s", rules_cname(r, i));
        } else if (!known) {
            Diag *g = ecs_report(r->c, E_ECS_AWSLOGS_OPTIONS, false, val,
                                 "unknown awslogs option \"%s\" in %s", key, rules_cname(r, i));
            diag_help_suggest(r->c->diags, g, key, awslogs_options, NAWSLOGS);
        }
        if (strcmp(key, "awslogs-datetime-format") == 0 ||
            strcmp(key, "awslogs-multiline-pattern") == 0) {
            if (datetime)
                ecs_report(r->c, E_ECS_AWSLOGS_OPTIONS, false, val,
                           "awslogs-datetime-format and awslogs-multiline-pattern exclude each "
                           "other (%s)",
                           rules_cname(r, i));
            datetime = val;
        }
    }
}

// True when option `name` is given and not empty (ECS takes "" as none).
static bool option_given(const Value *opts, const char *name)
{
    const Value *v = ecs_get(opts, name);
    return v && !(v->kind == VAL_STRING && v->as.str.len == 0);
}

static void check_awslogs(Rules *r, uint32_t i, Value *log, Value *opts)
{
    bool group = option_given(opts, "awslogs-group");
    bool region = option_given(opts, "awslogs-region");
    bool prefix = option_given(opts, "awslogs-stream-prefix");
    Value *at = opts ? opts : log;
    if (!group || !region) {
        const char *missing = !group && !region ? "awslogs-group and awslogs-region"
                              : !group          ? "awslogs-group"
                                                : "awslogs-region";
        if (r->fargate && !prefix)
            missing =
                arena_printf(r->c->arena, "%s (and on Fargate awslogs-stream-prefix)", missing);
        Diag *g = ecs_report(r->c, E_ECS_AWSLOGS_OPTIONS, false, at,
                             "the awslogs log driver of %s needs the option%s %s",
                             rules_cname(r, i), group || region ? "" : "s", missing);
        rules_aws(r, g, "Log driver awslogs requires options: awslogs-region, awslogs-group");
    } else if (r->fargate && !prefix) {
        Diag *g = ecs_report(r->c, E_ECS_FARGATE_STREAM_PREFIX, false, at,
                             "the awslogs log driver of %s needs awslogs-stream-prefix on "
                             "Fargate",
                             rules_cname(r, i));
        diag_help(r->c->diags, g,
                  "add \"awslogs-stream-prefix\": \"ecs\" (streams are then "
                  "named ecs/CONTAINER/TASK-ID)");
    }
    check_awslogs_names(r, i, opts);
}

static bool has_secret_option(const Value *log, const char *name)
{
    Value *list = ecs_get(log, "secretOptions");
    for (uint32_t k = 0; k < rules_count(list); k++) {
        const char *s = ecs_str(ecs_get(rules_item(list, k), "name"));
        if (s && strcmp(s, name) == 0)
            return true;
    }
    return false;
}

static void check_splunk(Rules *r, uint32_t i, Value *log, Value *opts)
{
    bool url = ecs_get(opts, "splunk-url") != NULL;
    bool token = ecs_get(opts, "splunk-token") != NULL || has_secret_option(log, "splunk-token");
    if (url && token)
        return;
    Diag *g = ecs_report(r->c, E_ECS_SPLUNK_OPTIONS, false, opts ? opts : log,
                         "the splunk log driver of %s needs %s", rules_cname(r, i),
                         !url && !token ? "splunk-url and splunk-token"
                         : !url         ? "the option splunk-url"
                                        : "splunk-token");
    diag_help(r->c->diags, g,
              "set splunk-url in options, and splunk-token preferably in "
              "secretOptions");
}

static void check_log(Rules *r, uint32_t i)
{
    Value *log = rules_get(r, i, CONTAINER_DEFINITION_LOG_CONFIGURATION);
    const char *d = ecs_str(ecs_get(log, "logDriver"));
    Value *opts = ecs_get(log, "options");
    if (!d || (opts && opts->kind != VAL_OBJECT))
        return;
    if (strcmp(d, "awslogs") == 0)
        check_awslogs(r, i, log, opts);
    else if (strcmp(d, "splunk") == 0)
        check_splunk(r, i, log, opts);
}

// --- ulimits, credential specs, health check ---------------------------------------------

static void check_ulimits(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_ULIMITS);
    for (uint32_t k = 0; k < rules_count(list) && !r->windows; k++) {
        Value *u = rules_item(list, k);
        Value *soft = ecs_get(u, "softLimit");
        int64_t s, h;
        if (!ecs_int(soft, &s) || !ecs_int(ecs_get(u, "hardLimit"), &h) || s <= h)
            continue;
        Diag *g =
            ecs_report(r->c, E_ECS_ULIMIT_LIMITS, true, soft,
                       "ulimit softLimit %s of %s is above its hardLimit %s", rules_int(r, soft, s),
                       rules_cname(r, i), rules_int(r, ecs_get(u, "hardLimit"), h));
        diag_help(r->c->diags, g,
                  "Docker refuses to start the container; make softLimit at "
                  "most hardLimit");
    }
}

// True when `s` is the ARN of an SSM parameter or an S3 object.
static bool credspec_arn(Rules *r, const char *s)
{
    Arn arn;
    if (!rules_arn(r->c->arena, s, &arn))
        return false;
    if (strcmp(arn.service, "ssm") == 0)
        return !parameter_arn_fault(&arn);
    const char *slash = strchr(arn.resource, '/');
    return strcmp(arn.service, "s3") == 0 && slash && slash > arn.resource && slash[1];
}

static void check_credential_specs(Rules *r, uint32_t i)
{
    Value *list = rules_get(r, i, CONTAINER_DEFINITION_CREDENTIAL_SPECS);
    for (uint32_t k = 0; k < rules_count(list); k++) {
        Value *v = rules_item(list, k);
        const char *s = ecs_str(v);
        if (!s)
            continue;
        const char *colon = strchr(s, ':');
        size_t n = colon ? (size_t)(colon - s) : 0;
        bool prefix = (n == 14 && strncmp(s, "credentialspec", n) == 0) ||
                      (n == 24 && strncmp(s, "credentialspecdomainless", n) == 0);
        if (prefix && credspec_arn(r, colon + 1))
            continue;
        Diag *g = ecs_report(r->c, E_ECS_CREDENTIAL_SPEC, false, v,
                             "credential spec %s of %s is not credentialspec:ARN or "
                             "credentialspecdomainless:ARN",
                             rules_show(r, v), rules_cname(r, i));
        diag_help(r->c->diags, g,
                  "the ARN is of an SSM parameter or an S3 object holding "
                  "the CredSpec file");
    }
}

static void check_health_check(Rules *r, uint32_t i)
{
    Value *cmd = ecs_get(rules_get(r, i, CONTAINER_DEFINITION_HEALTH_CHECK), "command");
    Value *first = rules_item(cmd, 0);
    const char *s = ecs_str(first);
    if (!s || strcmp(s, "CMD") == 0 || strcmp(s, "CMD-SHELL") == 0)
        return;
    Diag *g = ecs_report(r->c, E_ECS_HEALTH_CHECK_COMMAND, false, first,
                         "the health check command of %s must start with \"CMD\" or "
                         "\"CMD-SHELL\"",
                         rules_cname(r, i));
    if (rules_count(cmd) == 1 && strchr(s, ' ') && !value_is_sensitive(first))
        diag_help(r->c->diags, g, "write [\"CMD-SHELL\", %s] to run it through a shell",
                  rules_show(r, first));
    else
        diag_help(r->c->diags, g,
                  "put \"CMD\" first to run the command directly, or "
                  "\"CMD-SHELL\" to run it through a shell");
}

// --- user and host names ---------------------------------------------------------------

// One part of a user: a uid/gid (digits) or a name.
static bool user_part(const char *s, size_t n)
{
    if (n == 0 || s[0] == '-')
        return false;
    for (size_t k = 0; k < n; k++) {
        if (!strchr(ALNUM "_.-", s[k]))
            return false;
    }
    return true;
}

static void check_user(Rules *r, uint32_t i)
{
    Value *user = rules_get(r, i, CONTAINER_DEFINITION_USER);
    const char *s = ecs_str(user);
    if (!s || rules_unsupported(r, "user"))
        return;
    size_t a = strcspn(s, ":");
    bool ok = user_part(s, a) && (!s[a] || user_part(s + a + 1, strlen(s + a + 1)));
    if (ok)
        return;
    Diag *g = ecs_report(r->c, E_ECS_USER_FORMAT, true, user,
                         "user %s of %s is not user, user:group, uid or uid:gid",
                         rules_show(r, user), rules_cname(r, i));
    diag_help(r->c->diags, g,
              "a uid or gid is a positive integer; names are letters, "
              "digits, '_', '.' and '-'");
}

static bool dns_name(const char *s)
{
    size_t len = strlen(s), label = 0;
    if (len == 0 || len > 253)
        return false;
    for (size_t k = 0; k <= len; k++) {
        char ch = s[k];
        if (ch == '.' || ch == '\0') {
            if (label == 0 && !(ch == '\0' && k == len && k > 0 && s[k - 1] == '.'))
                return false;
            if (label > 63 || (k > 0 && s[k - 1] == '-'))
                return false;
            label = 0;
            continue;
        }
        if (!strchr(ALNUM "-", ch) || (label == 0 && ch == '-'))
            return false;
        label++;
    }
    return true;
}

static bool ip_literal(const char *s)
{
    unsigned char buf[16];
    return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

static void report_host(Rules *r, uint32_t i, Value *v, const char *what, bool ip)
{
    ecs_report(r->c, E_ECS_HOST_FORMAT, true, v, "%s %s of %s is not a valid %s", what,
               rules_show(r, v), rules_cname(r, i), ip ? "IP address" : "host name");
}

static void check_hosts(Rules *r, uint32_t i)
{
    Value *hostname = rules_get(r, i, CONTAINER_DEFINITION_HOSTNAME);
    if (ecs_str(hostname) && !rules_unsupported(r, "hostname") && !dns_name(ecs_str(hostname)))
        report_host(r, i, hostname, "hostname", false);
    Value *hosts = rules_get(r, i, CONTAINER_DEFINITION_EXTRA_HOSTS);
    for (uint32_t k = 0; k < rules_count(hosts) && !rules_unsupported(r, "extraHosts"); k++) {
        Value *h = ecs_get(rules_item(hosts, k), "hostname");
        Value *ip = ecs_get(rules_item(hosts, k), "ipAddress");
        if (ecs_str(h) && !dns_name(ecs_str(h)))
            report_host(r, i, h, "extraHosts hostname", false);
        if (ecs_str(ip) && !ip_literal(ecs_str(ip)))
            report_host(r, i, ip, "extraHosts ipAddress", true);
    }
    Value *dns = rules_get(r, i, CONTAINER_DEFINITION_DNS_SERVERS);
    for (uint32_t k = 0; k < rules_count(dns) && !rules_unsupported(r, "dnsServers"); k++) {
        Value *v = rules_item(dns, k);
        if (ecs_str(v) && !ip_literal(ecs_str(v)))
            report_host(r, i, v, "DNS server", true);
    }
}

// --- warnings: plain-text secrets, latest images -------------------------------------------

static bool secret_name(const char *s)
{
    static const char *const words[] = {"PASSWORD", "SECRET", "TOKEN"};
    size_t n = strlen(s);
    return rules_icontains_any(s, words, sizeof words / sizeof words[0]) ||
           (n >= 4 && rules_ieq(s + n - 4, "_KEY"));
}

static bool key_char(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

// True when `s` holds AKIA or ASIA and 16 upper-case letters or digits, as a word.
static bool has_access_key(const char *s)
{
    for (const char *p = s; (p = strstr(p, "A")) != NULL; p++) {
        if ((strncmp(p, "AKIA", 4) != 0 && strncmp(p, "ASIA", 4) != 0) ||
            (p > s && (key_char(p[-1]) || (p[-1] >= 'a' && p[-1] <= 'z'))))
            continue;
        int k = 4;
        while (k < 20 && key_char(p[k]))
            k++;
        if (k == 20 && !key_char(p[20]) && !(p[20] >= 'a' && p[20] <= 'z'))
            return true;
    }
    return false;
}

static void check_environment(Rules *r, uint32_t i)
{
    Value *env = rules_get(r, i, CONTAINER_DEFINITION_ENVIRONMENT);
    for (uint32_t k = 0; k < rules_count(env); k++) {
        Value *name = ecs_get(rules_item(env, k), "name");
        Value *value = ecs_get(rules_item(env, k), "value");
        const char *n = ecs_str(name), *v = ecs_str(value);
        if (!n || !v || !*v)
            continue;
        Diag *g;
        if (has_access_key(v))
            g = ecs_report(r->c, E_ECS_ACCESS_KEY_IN_ENV, true, value,
                           "environment variable %s of %s holds an AWS access key id in plain "
                           "text",
                           rules_show(r, name), rules_cname(r, i));
        else if (secret_name(n))
            g = ecs_report(r->c, E_ECS_PLAIN_SECRET, true, value,
                           "environment variable %s of %s looks like a secret in plain text",
                           rules_show(r, name), rules_cname(r, i));
        else
            continue;
        g->masked = value_is_sensitive(value) ? span_none() : value->origin;
        diag_help(r->c->diags, g,
                  "anyone who can describe the task definition sees it; pass "
                  "it through secrets (a Secrets Manager secret or an SSM "
                  "parameter) instead");
    }
}

static void check_latest(Rules *r, uint32_t i)
{
    const char *ws = r->c->opt ? r->c->opt->workspace : NULL;
    Value *image = rules_get(r, i, CONTAINER_DEFINITION_IMAGE);
    const char *s = ecs_str(image);
    if (!ws || !rules_starts(ws, "prod") || !s || !*s || strchr(s, '@'))
        return;
    const char *last = strrchr(s, '/');
    const char *colon = strchr(last ? last : s, ':');
    if (colon && strcmp(colon + 1, "latest") != 0)
        return;
    Diag *g = ecs_report(r->c, E_ECS_LATEST_TAG, true, image,
                         "image %s of %s %s in workspace \"%s\"", rules_show(r, image),
                         rules_cname(r, i), colon ? "is tagged latest" : "has no tag (latest)", ws);
    diag_help(r->c->diags, g,
              "pin a version tag or a digest (@sha256:...) so that every "
              "task runs the same image");
}

void rules_values(Rules *r, uint32_t i)
{
    check_log(r, i);
    check_secrets(r, i);
    check_env_files(r, i);
    check_ulimits(r, i);
    check_credential_specs(r, i);
    check_health_check(r, i);
    check_user(r, i);
    check_hosts(r, i);
    if (!r->c->opt->lint) { // lint's rules report these (lint/)
        check_environment(r, i);
        check_latest(r, i);
    }
}
