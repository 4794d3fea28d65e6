// lint_secrets.c - secrets in a container's plain environment: variables
// whose name says secret (ECS.8's three names, and names holding password,
// secret, token, api key or private key), and values that are key material
// (an AWS access key id, a PEM private key) whatever the name. Values that
// cannot be a secret (empty, a number, true/false, an ARN) and names of a
// reference to one (..._ARN, ..._FILE) are left alone to keep false alarms out.
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_impl.h"

static bool icontains(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return true;
    return false;
}

static bool iends(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

// The names AWS Config's ecs-no-environment-secrets checks (ECS.8).
static const char *const AWS_SECRET_NAMES[] = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                               "ECS_ENGINE_AUTH_DATA"};

static const char *const SECRET_WORDS[] = {"PASSWORD", "PASSWD", "SECRET",      "TOKEN",
                                           "API_KEY",  "APIKEY", "PRIVATE_KEY", "CREDENTIAL"};

// Names that hold where a secret is, not the secret.
static const char *const REFERENCE_SUFFIXES[] = {"_ARN", "_FILE", "_PATH", "_NAME",
                                                 "_URL", "_URI",  "_ID"};

static bool secret_name(const char *name)
{
    for (size_t i = 0; i < sizeof AWS_SECRET_NAMES / sizeof AWS_SECRET_NAMES[0]; i++)
        if (strcasecmp(name, AWS_SECRET_NAMES[i]) == 0)
            return true;
    for (size_t i = 0; i < sizeof REFERENCE_SUFFIXES / sizeof REFERENCE_SUFFIXES[0]; i++)
        if (iends(name, REFERENCE_SUFFIXES[i]))
            return false;
    for (size_t i = 0; i < sizeof SECRET_WORDS / sizeof SECRET_WORDS[0]; i++)
        if (icontains(name, SECRET_WORDS[i]))
            return true;
    return false;
}

// Values that are no secret: a number, a bool, an ARN.
static bool harmless_value(const char *v)
{
    char *end;
    strtod(v, &end);
    return *end == '\0' || strcasecmp(v, "true") == 0 || strcasecmp(v, "false") == 0 ||
           strncmp(v, "arn:", 4) == 0;
}

static bool key_char(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static bool word_char(char ch)
{
    return key_char(ch) || (ch >= 'a' && ch <= 'z');
}

// True when `s` holds AKIA or ASIA and 16 upper-case letters or digits, as a word.
static bool has_access_key(const char *s)
{
    for (const char *p = s; (p = strchr(p, 'A')) != NULL; p++) {
        if ((strncmp(p, "AKIA", 4) != 0 && strncmp(p, "ASIA", 4) != 0) ||
            (p > s && word_char(p[-1])))
            continue;
        int k = 4;
        while (k < 20 && key_char(p[k]))
            k++;
        if (k == 20 && !word_char(p[20]))
            return true;
    }
    return false;
}

static bool has_private_key(const char *s)
{
    const char *begin = strstr(s, "-----BEGIN ");
    return begin && strstr(begin, "PRIVATE KEY-----");
}

void lint_secret_name(LintRun *run, Value *ctr)
{
    Value *env = lint_get(ctr, "environment");
    for (uint32_t i = 0; env && env->kind == VAL_LIST && i < env->as.list.count; i++) {
        Value *item = env->as.list.items[i];
        const char *n = lint_str(lint_get(item, "name"));
        Value *value = lint_get(item, "value");
        const char *v = lint_str(value);
        // Key material is E1007's: one finding for one value.
        if (n && v && *v && secret_name(n) && !harmless_value(v) && !has_access_key(v) &&
            !has_private_key(v))
            lint_report(run, value,
                        "environment variable %s of %s looks like a secret in plain "
                        "text",
                        lint_show(run, lint_get(item, "name")), lint_cname(run, ctr))
                ->masked = value_is_sensitive(value) ? span_none() : value->origin;
    }
}

void lint_secret_value(LintRun *run, Value *ctr)
{
    Value *env = lint_get(ctr, "environment");
    for (uint32_t i = 0; env && env->kind == VAL_LIST && i < env->as.list.count; i++) {
        Value *item = env->as.list.items[i];
        Value *value = lint_get(item, "value");
        const char *v = lint_str(value);
        const char *what = !v                   ? NULL
                           : has_access_key(v)  ? "an AWS access key id"
                           : has_private_key(v) ? "a private key"
                                                : NULL;
        if (what)
            lint_report(run, value, "environment variable %s of %s holds %s in plain text",
                        lint_show(run, lint_get(item, "name")), lint_cname(run, ctr), what)
                ->masked = value_is_sensitive(value) ? span_none() : value->origin;
    }
}
