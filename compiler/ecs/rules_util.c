// rules_util.c - small helpers the ECS rule files share: containers and
// their names, quoting values for messages, duplicate detection, ARNs.
#include "ecs/rules_impl.h"

#include <stdlib.h>
#include <string.h>

#include "base/show.h"

void rules_classify(Rules *r)
{
    Arena *a = r->c->arena;
    uint32_t n = rules_ncontainers(r);
    r->task_members = ecs_members(a, r->task, schema_task_definition());
    r->members = arena_alloc(a, (n ? n : 1) * sizeof(Value **));
    for (uint32_t i = 0; i < n; i++) {
        Value *ctr = rules_container(r, i);
        r->members[i] = ctr ? ecs_members(a, ctr, schema_container_definition()) : NULL;
    }
}

Value *rules_container(const Rules *r, uint32_t i)
{
    Value *v = rules_item(r->containers, i);
    return v && v->kind == VAL_OBJECT ? v : NULL;
}

uint32_t rules_ncontainers(const Rules *r)
{
    return rules_count(r->containers);
}

const char *rules_name(const Value *ctr)
{
    const char *s = ecs_str(ecs_get(ctr, "name"));
    return s && *s ? s : NULL;
}

const char *rules_cname(const Rules *r, uint32_t i)
{
    Value *ctr = rules_container(r, i);
    Value *name = ecs_get(ctr, "name");
    if (rules_name(ctr))
        return arena_printf(r->c->arena, "container %s", rules_show(r, name));
    return arena_printf(r->c->arena, "container %u", i + 1);
}

// Longer texts are cut in messages: the excerpt shows the whole value.
#define SHOW_MAX 60

const char *rules_show(const Rules *r, const Value *v)
{
    if (!v)
        return "(none)";
    ShowStyle style = {"(sensitive)", SHOW_MAX, SHOW_MAX};
    return show_value(r->c->arena, v, style);
}

const char *rules_int(const Rules *r, const Value *v, int64_t n)
{
    if (v && value_is_sensitive(v))
        return "(sensitive)";
    return arena_printf(r->c->arena, "%lld", (long long)n);
}

void rules_aws(const Rules *r, Diag *g, const char *text)
{
    diag_note(r->c->diags, g, "ECS refuses it: %s", text);
}

bool rules_is_set(const Value *v, ValueKind kind)
{
    if (!v || v->kind != kind)
        return false;
    switch (v->kind) {
    case VAL_BOOL:
        return v->as.boolean;
    case VAL_LIST:
        return v->as.list.count > 0;
    case VAL_STRING:
    case VAL_NUMBER:
    case VAL_OBJECT:
        return true;
    case VAL_INVALID:
    case VAL_NULL:
        return false;
    }
    return false;
}

uint32_t rules_count(const Value *v)
{
    return v && v->kind == VAL_LIST ? v->as.list.count : 0;
}

Value *rules_item(const Value *v, uint32_t i)
{
    return i < rules_count(v) ? v->as.list.items[i] : NULL;
}

typedef struct NameRef {
    const char *name;
    uint32_t idx;
} NameRef;

static int compare_refs(const void *pa, const void *pb)
{
    const NameRef *a = pa, *b = pb;
    int d = strcmp(a->name, b->name);
    if (d)
        return d;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

// Lists up to this long are compared pair by pair: cheaper than sorting
// the few names a container's environment or secrets usually hold.
#define FIRST_SAME_PAIRS_MAX 16

static bool same_name(const char *a, const char *b)
{
    return a[0] == b[0] && strcmp(a, b) == 0;
}

uint32_t *rules_first_same(Arena *a, const char *const *names, uint32_t n)
{
    uint32_t *first = arena_alloc(a, (n ? n : 1) * sizeof(uint32_t));
    if (n <= FIRST_SAME_PAIRS_MAX) {
        for (uint32_t i = 0; i < n; i++) {
            first[i] = i;
            for (uint32_t j = 0; names[i] && j < i; j++) {
                if (names[j] && same_name(names[j], names[i])) {
                    first[i] = j;
                    break;
                }
            }
        }
        return first;
    }
    NameRef *refs = arena_alloc(a, (n ? n : 1) * sizeof(NameRef));
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        first[i] = i;
        if (names[i])
            refs[m++] = (NameRef){names[i], i};
    }
    if (m > 1)
        qsort(refs, m, sizeof(NameRef), compare_refs);
    for (uint32_t k = 1; k < m; k++) {
        if (strcmp(refs[k].name, refs[k - 1].name) == 0)
            first[refs[k].idx] = first[refs[k - 1].idx];
    }
    return first;
}

int64_t rules_find_container(const Rules *r, const char *name)
{
    uint32_t n = rules_ncontainers(r);
    for (uint32_t i = 0; i < n; i++) {
        const char *s = rules_name(rules_container(r, i));
        if (s && strcmp(s, name) == 0)
            return i;
    }
    return -1;
}

const char **rules_container_names(const Rules *r, uint32_t *n)
{
    *n = rules_ncontainers(r);
    const char **names = arena_alloc(r->c->arena, (*n ? *n : 1) * sizeof(char *));
    for (uint32_t i = 0; i < *n; i++)
        names[i] = rules_name(rules_container(r, i));
    return names;
}

bool rules_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

bool rules_ieq(const char *a, const char *b)
{
    while (*a && lower(*a) == lower(*b)) {
        a++;
        b++;
    }
    return *a == *b;
}

// True when the text at `s` starts with `word` in any case.
static bool istarts(const char *s, const char *word)
{
    size_t k = 0;
    while (word[k] && s[k] && lower(s[k]) == lower(word[k]))
        k++;
    return !word[k];
}

// One pass over `s`: only a position holding the first letter of a needle
// (a bit of `firsts`) is compared further. The rules search every
// environment variable's name for several words.
bool rules_icontains_any(const char *s, const char *const *needles, size_t n)
{
    uint32_t firsts = 0; // bit c - 'a' for each needle's first letter
    bool every = false;  // a needle starts with something else: try every position
    for (size_t w = 0; w < n; w++) {
        char c = lower(needles[w][0]);
        if (!c)
            return true; // the empty needle
        if (c >= 'a' && c <= 'z')
            firsts |= 1u << (c - 'a');
        else
            every = true;
    }
    for (; *s; s++) {
        char c = lower(*s);
        bool first = c >= 'a' && c <= 'z' && (firsts >> (c - 'a') & 1);
        for (size_t w = 0; (first || every) && w < n; w++)
            if (lower(needles[w][0]) == c && istarts(s, needles[w]))
                return true;
    }
    return false;
}

bool rules_arn(Arena *a, const char *s, Arn *out)
{
    if (!rules_starts(s, "arn:"))
        return false;
    // One copy of the rest, cut at its first four ':': the fields point
    // into it (the rules split ARNs of every role, secret and log group).
    char *p = arena_strdup(a, s + 4);
    const char **fields[] = {&out->partition, &out->service, &out->region, &out->account};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        *fields[f] = p;
        p = strchr(p, ':');
        if (!p)
            return false;
        *p++ = '\0';
    }
    out->resource = p;
    // aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b...
    return rules_starts(out->partition, "aws") && *out->service;
}

bool rules_account(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9')
            return false;
    }
    return n == 12;
}

bool rules_region(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        bool ok = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-';
        if (!ok)
            return false;
    }
    return true;
}
