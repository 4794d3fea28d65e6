// diag_sarif.c - the renderers for CI: SARIF 2.1.0 (built with cJSON; read
// by GitHub code scanning and other platforms) and GitHub Actions workflow
// commands. Positions are those of the text renderer (diag_position);
// SARIF columns count code points (run.columnKind unicodeCodePoints).
#include "base/diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static const struct {
    int code;
    const char *desc;
} DESCRIPTIONS[] = {
#define X(num, name, desc) {num, desc},
    DIAG_CODE_LIST(X)
#undef X
};

static const char *code_description(DiagCode code)
{
    for (size_t i = 0; i < sizeof DESCRIPTIONS / sizeof DESCRIPTIONS[0]; i++)
        if (DESCRIPTIONS[i].code == (int)code)
            return DESCRIPTIONS[i].desc;
    return "hclc diagnostic";
}

_Noreturn static void out_of_memory(void)
{
    arena_out_of_memory("rendering diagnostics");
}

// --- the rules: every code of opt.rules and of the diagnostics, in order -----

typedef struct RuleSet {
    DiagCode *codes;
    size_t count;
} RuleSet;

static int compare_codes(const void *a, const void *b)
{
    DiagCode x = *(const DiagCode *)a, y = *(const DiagCode *)b;
    return (x > y) - (x < y);
}

static RuleSet collect_rules(const Diags *d, DiagSarifOptions opt)
{
    RuleSet set = {xmalloc((d->count + opt.nrules + 1) * sizeof(DiagCode)), 0};
    for (size_t i = 0; i < opt.nrules; i++)
        set.codes[set.count++] = opt.rules[i].code;
    for (size_t i = 0; i < d->count; i++)
        set.codes[set.count++] = d->items[i]->code;
    qsort(set.codes, set.count, sizeof(DiagCode), compare_codes);
    size_t n = 0;
    for (size_t i = 0; i < set.count; i++)
        if (n == 0 || set.codes[n - 1] != set.codes[i])
            set.codes[n++] = set.codes[i];
    set.count = n;
    return set;
}

static size_t rule_index(const RuleSet *set, DiagCode code)
{
    size_t i = 0;
    while (i + 1 < set->count && set->codes[i] != code)
        i++;
    return i;
}

static const DiagRuleInfo *rule_info(DiagSarifOptions opt, DiagCode code)
{
    for (size_t i = 0; i < opt.nrules; i++)
        if (opt.rules[i].code == code)
            return &opt.rules[i];
    return NULL;
}

// {"text": text} as member `key` of `obj`.
static bool add_message(cJSON *obj, const char *key, const char *text)
{
    cJSON *m = cJSON_AddObjectToObject(obj, key);
    return m && cJSON_AddStringToObject(m, "text", text);
}

static bool add_rule(cJSON *rules, DiagCode code, const DiagRuleInfo *info)
{
    char id[8];
    cJSON *r = cJSON_CreateObject();
    if (!r || !cJSON_AddItemToArray(rules, r)) {
        cJSON_Delete(r);
        return false;
    }
    const char *desc = code_description(code);
    bool ok = cJSON_AddStringToObject(r, "id", diag_code_text(code, id)) &&
              add_message(r, "shortDescription", desc) &&
              add_message(r, "help", info && info->help ? info->help : desc);
    if (!ok || !info || info->nids == 0)
        return ok;
    cJSON *props = cJSON_AddObjectToObject(r, "properties");
    cJSON *tags = props ? cJSON_AddArrayToObject(props, "tags") : NULL;
    cJSON *ids = props ? cJSON_AddArrayToObject(props, "catalogueIds") : NULL;
    ok = tags && ids && cJSON_AddItemToArray(tags, cJSON_CreateString("security"));
    for (size_t k = 0; ok && k < info->nids; k++)
        ok = cJSON_AddItemToArray(ids, cJSON_CreateString(info->ids[k])) &&
             cJSON_AddItemToArray(tags, cJSON_CreateString(info->ids[k]));
    return ok;
}

static bool add_driver(cJSON *run, const RuleSet *set, DiagSarifOptions opt)
{
    cJSON *tool = cJSON_AddObjectToObject(run, "tool");
    cJSON *driver = tool ? cJSON_AddObjectToObject(tool, "driver") : NULL;
    cJSON *rules = driver && cJSON_AddStringToObject(driver, "name", "hclc") &&
                           cJSON_AddStringToObject(driver, "version", opt.version)
                       ? cJSON_AddArrayToObject(driver, "rules")
                       : NULL;
    bool ok = rules != NULL;
    for (size_t i = 0; ok && i < set->count; i++)
        ok = add_rule(rules, set->codes[i], rule_info(opt, set->codes[i]));
    return ok;
}

// --- the results ------------------------------------------------------------------

// `name` as a URI reference: bytes outside the unreserved set and '/' as %XX.
static char *uri_of(const char *name)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = xmalloc(strlen(name) * 3 + 1), *p = out;
    for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            strchr("-._~/", *s)) {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    return out;
}

// The summary, the detail and the notes, one a line; a located note ends
// with its place: "note: the value is set here (main.hcl:3:13)".
static bool has_place(const SourceSet *src, Span s)
{
    LineCol a, b;
    return diag_position(src, s, &a, &b);
}

static char *message_text(const SourceSet *src, const Diag *g)
{
    size_t n = strlen(g->summary) + (g->detail ? strlen(g->detail) + 1 : 0) + 1;
    for (const DiagNote *k = g->notes; k; k = k->next)
        n += strlen(k->text) + 8 +
             (k->kind == NOTE_SPAN && has_place(src, k->span)
                  ? strlen(source_file(src, k->span.file)->name) + 32
                  : 0);
    char *text = xmalloc(n), *p = text;
    p += sprintf(p, "%s", g->summary);
    if (g->detail)
        p += sprintf(p, "\n%s", g->detail);
    for (const DiagNote *k = g->notes; k; k = k->next) {
        p += sprintf(p, "\n%s: %s", k->kind == NOTE_HELP ? "help" : "note", k->text);
        LineCol a, b;
        if (k->kind == NOTE_SPAN && diag_position(src, k->span, &a, &b))
            p += sprintf(p, " (%s:%u:%u)", source_file(src, k->span.file)->name, a.line, a.col);
    }
    return text;
}

static bool add_location(cJSON *result, const SourceSet *src, Span s)
{
    LineCol a, b;
    if (!diag_position(src, s, &a, &b))
        return true; // a diagnostic about no file has no location
    cJSON *locs = cJSON_AddArrayToObject(result, "locations");
    cJSON *loc = cJSON_CreateObject();
    if (!locs || !loc || !cJSON_AddItemToArray(locs, loc)) {
        cJSON_Delete(loc);
        return false;
    }
    cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON *art = phys ? cJSON_AddObjectToObject(phys, "artifactLocation") : NULL;
    char *uri = uri_of(source_file(src, s.file)->name);
    bool ok = art && cJSON_AddStringToObject(art, "uri", uri);
    free(uri);
    cJSON *region = ok ? cJSON_AddObjectToObject(phys, "region") : NULL;
    return region && cJSON_AddNumberToObject(region, "startLine", a.line) &&
           cJSON_AddNumberToObject(region, "startColumn", a.col) &&
           cJSON_AddNumberToObject(region, "endLine", b.line) &&
           cJSON_AddNumberToObject(region, "endColumn", b.col);
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return (h ^ 0xff) * 1099511628211u; // a separator between the parts
}

// A hash of the code, the file, the summary and the text of the subject's
// line (without its indentation): not of the line number.
static bool add_fingerprint(cJSON *result, const SourceSet *src, const Diag *g)
{
    char code[8];
    diag_code_text(g->code, code);
    uint64_t h = fnv1a(14695981039346656037u, code, strlen(code));
    h = fnv1a(h, g->summary, strlen(g->summary));
    LineCol a, b;
    if (diag_position(src, g->subject, &a, &b)) {
        const char *name = source_file(src, g->subject.file)->name;
        uint32_t len;
        const char *line = source_line_text(src, g->subject.file, a.line, &len);
        while (len && (*line == ' ' || *line == '\t'))
            line++, len--;
        h = fnv1a(fnv1a(h, name, strlen(name)), line, len);
    }
    char hex[24];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    cJSON *fp = cJSON_AddObjectToObject(result, "partialFingerprints");
    return fp && cJSON_AddStringToObject(fp, "hclcFindingHash/v1", hex);
}

static bool add_result(cJSON *results, const SourceSet *src, const RuleSet *set, const Diag *g)
{
    char id[8];
    cJSON *r = cJSON_CreateObject();
    if (!r || !cJSON_AddItemToArray(results, r)) {
        cJSON_Delete(r);
        return false;
    }
    char *text = message_text(src, g);
    bool ok =
        cJSON_AddStringToObject(r, "ruleId", diag_code_text(g->code, id)) &&
        cJSON_AddNumberToObject(r, "ruleIndex", (double)rule_index(set, g->code)) &&
        cJSON_AddStringToObject(r, "level", g->severity == DIAG_ERROR ? "error" : "warning") &&
        add_message(r, "message", text);
    free(text);
    return ok && add_location(r, src, g->subject) && add_fingerprint(r, src, g);
}

static cJSON *sarif_log(const Diags *d, const SourceSet *src, DiagSarifOptions opt)
{
    RuleSet set = collect_rules(d, opt);
    cJSON *log = cJSON_CreateObject();
    cJSON *runs = log && cJSON_AddStringToObject(log, "$schema", SARIF_SCHEMA) &&
                          cJSON_AddStringToObject(log, "version", "2.1.0")
                      ? cJSON_AddArrayToObject(log, "runs")
                      : NULL;
    cJSON *run = cJSON_CreateObject();
    bool ok = runs && run && cJSON_AddItemToArray(runs, run);
    if (!ok)
        cJSON_Delete(run);
    ok = ok && add_driver(run, &set, opt) &&
         cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");
    cJSON *results = ok ? cJSON_AddArrayToObject(run, "results") : NULL;
    ok = results != NULL;
    for (size_t i = 0; ok && i < d->count; i++)
        ok = add_result(results, src, &set, d->items[i]);
    free(set.codes);
    if (!ok) {
        cJSON_Delete(log);
        out_of_memory();
    }
    return log;
}

void diag_render_sarif(FILE *out, const Diags *d, const SourceSet *src, DiagSarifOptions opt)
{
    cJSON *log = sarif_log(d, src, opt);
    char *text = cJSON_Print(log);
    cJSON_Delete(log);
    if (!text)
        out_of_memory();
    fputs(text, out);
    fputc('\n', out);
    cJSON_free(text);
}

// --- GitHub workflow commands --------------------------------------------------------

// Writes `s` escaped for a workflow command: '%', CR and LF always; ':' and
// ',' too in a property value.
static void put_escaped(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", out);
        else if (*s == '\r')
            fputs("%0D", out);
        else if (*s == '\n')
            fputs("%0A", out);
        else if (property && *s == ':')
            fputs("%3A", out);
        else if (property && *s == ',')
            fputs("%2C", out);
        else
            fputc(*s, out);
    }
}

static void put_github(FILE *out, const SourceSet *src, const Diag *g)
{
    char id[8];
    fprintf(out, "::%s ", g->severity == DIAG_ERROR ? "error" : "warning");
    LineCol a, b;
    if (diag_position(src, g->subject, &a, &b)) {
        fputs("file=", out);
        put_escaped(out, source_file(src, g->subject.file)->name, true);
        fprintf(out, ",line=%u,endLine=%u,col=%u,endColumn=%u,", a.line, b.line, a.col, b.col);
    }
    fputs("title=", out);
    put_escaped(out, diag_code_text(g->code, id), true);
    fputc(' ', out);
    put_escaped(out, code_description(g->code), true);
    fputs("::", out);
    char *text = message_text(src, g);
    put_escaped(out, text, false);
    free(text);
    fputc('\n', out);
}

void diag_render_github(FILE *out, const Diags *d, const SourceSet *src)
{
    for (size_t i = 0; i < d->count; i++)
        put_github(out, src, d->items[i]);
}
