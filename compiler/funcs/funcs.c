// funcs.c - the function library's entry points (the table, arity checks,
// dispatch) and everything that needs PCRE2, which no other file uses: the
// per-context cache of compiled patterns, regex(), regexall() and replace()
// (with a /pattern/ or a plain substring).
//
// Regular expressions follow Terraform's (RE2) conventions where PCRE2 can:
// `$` matches only at the very end, \d \w \s \b are ASCII, repeated matches
// and empty matches advance as Go's regexp does, and replacements expand
// $1 ${1} $name ${name} and $$ exactly as Go's Regexp.Expand. Every call
// runs under a budget of steps (all its matches and start positions) and
// depth and heap limits, so a catastrophic pattern fails with a diagnostic
// instead of hanging.
#include "funcs/funcs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/hash.h"
#include "funcs/funcs_impl.h"

// One regex(), regexall() or replace() call may take REGEX_SEARCH_BUDGET
// matching steps over all of its matches and all of their start positions.
// PCRE2's own match limit cannot bound that: it counts one start position
// at a time, so a search failing at each of N positions after fewer steps
// than the limit costs N times the limit, uncharged. Instead every pattern
// is compiled with PCRE2_AUTO_CALLOUT and count_steps(), called before each
// pattern item, charges one step plus the characters consumed since the
// previous call (so a single-character repeat scanning far counts too) and
// the least count of a counted repeat (a{30000} failing at each position),
// and abandons the search past the budget. Measured on 1 MB subjects the
// callouts cost nothing visible for ordinary patterns ([0-9]+: 0.9 M steps,
// 7 ms either way); the fuzz input (a|a.amazonaws.com)*(a|a)*!X|(a|a)+! on
// 12,000 characters would take 227 M steps, about 12 ns each. Driving the
// start positions ourselves (PCRE2_ANCHORED) would change \G and
// (*COMMIT)/(*SKIP); JIT counts differently from the interpreter, so the
// same input could pass on one machine and fail on another.
#define REGEX_SEARCH_BUDGET 5000000
// All the searches of one run together may take REGEX_RUN_BUDGET steps: a
// for-expression calling regex() a thousand times must end too (the worst
// case of a run is about 0.25 s, 2 s under ASan).
#define REGEX_RUN_BUDGET 20000000
// The cache of compiled patterns is emptied when it passes this many bytes
// (patterns and their compiled code): a million distinct patterns must not
// keep a million compiled ones.
#define REGEX_CACHE_BYTES (16u * 1024u * 1024u)
#define REGEX_DEPTH_LIMIT 100000   // nested backtracking frames
#define REGEX_HEAP_LIMIT_KIB 65536 // 64 MiB of backtracking memory
#define REGEX_OPTIONS                                                                              \
    (PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C | PCRE2_AUTO_CALLOUT)

struct FnDef {
    const char *name;
    uint8_t min, max; // max FN_VARIADIC: no upper bound
    unsigned flags;   // FN_INTRINSICS or 0
    Value *(*impl)(FnContext *ctx, const FnCall *call);
};

#define FN_ENTRY(name, lo, hi, flags) {#name, lo, hi, flags, fn_##name},
static const FnDef FUNCS[] = {FN_LIST(FN_ENTRY)};
#undef FN_ENTRY

#define FN_NAME(name, lo, hi, flags) #name,
static const char *const NAMES[] = {FN_LIST(FN_NAME)};
#undef FN_NAME

#define FN_COUNT (sizeof FUNCS / sizeof FUNCS[0])

typedef struct RegexEntry {
    char *pattern; // heap copy of the pattern text (the key)
    size_t len;
    uint64_t hash;
    pcre2_code *code;
    uint32_t ncap;      // capture groups
    uint32_t nnamed;    // named ones among them
    const char **names; // group number -> name or NULL (points into code's name table)
} RegexEntry;

struct FnRegexCache {
    RegexEntry *items;
    uint32_t count, cap;
    uint32_t *slots; // open addressing: position in items + 1, 0 when empty
    uint32_t nslots; // a power of two
    pcre2_match_context *mctx;
    uint64_t left;       // matching steps the current search may still take
    uint64_t run_left;   // steps every later search of the run may still take
    size_t last;         // subject position of the previous callout
    const char *pattern; // text of the pattern being matched (for its items)
    size_t bytes;        // memory of the compiled patterns (bounded by REGEX_CACHE_BYTES)
};

// --- context, table, dispatch --------------------------------------------------

void fn_context_init(FnContext *ctx, Arena *arena, Diags *diags, SourceSet *src, const char *root)
{
    ctx->arena = arena;
    ctx->diags = diags;
    ctx->src = src;
    ctx->root = root;
    ctx->regex = NULL; // created on the first pattern
}

// Frees every compiled pattern; the cache is empty again.
static void cache_clear(FnRegexCache *c)
{
    for (uint32_t i = 0; i < c->count; i++) {
        free(c->items[i].pattern);
        free(c->items[i].names);
        pcre2_code_free(c->items[i].code);
    }
    c->count = 0;
    c->bytes = 0;
    memset(c->slots, 0, c->nslots * sizeof(uint32_t));
}

void fn_context_free(FnContext *ctx)
{
    FnRegexCache *c = ctx->regex;
    if (!c)
        return;
    cache_clear(c);
    free(c->items);
    free(c->slots);
    pcre2_match_context_free(c->mctx);
    free(c);
    ctx->regex = NULL;
}

static int compare_name(const void *key, const void *def)
{
    return strcmp(key, ((const FnDef *)def)->name);
}

const FnDef *fn_find(const char *name)
{
    return bsearch(name, FUNCS, FN_COUNT, sizeof FUNCS[0], compare_name);
}

bool fn_exists(const char *name)
{
    return fn_find(name) != NULL;
}

bool fn_def_takes_intrinsics(const FnDef *def)
{
    return (def->flags & FN_INTRINSICS) != 0;
}

bool fn_takes_intrinsics(const char *name)
{
    const FnDef *d = fn_find(name);
    return d && fn_def_takes_intrinsics(d);
}

const char *const *fn_names(size_t *count)
{
    *count = FN_COUNT;
    return NAMES;
}

static void arity_error(FnContext *ctx, const FnCall *call, const FnDef *def)
{
    const char *takes;
    if (def->max == FN_VARIADIC)
        takes =
            arena_printf(ctx->arena, "at least %u argument%s", def->min, def->min == 1 ? "" : "s");
    else if (def->min == def->max)
        takes = arena_printf(ctx->arena, "%u argument%s", def->min, def->min == 1 ? "" : "s");
    else if (def->max == def->min + 1)
        takes = arena_printf(ctx->arena, "%u or %u arguments", def->min, def->max);
    else
        takes = arena_printf(ctx->arena, "%u to %u arguments", def->min, def->max);
    fn_report(ctx, E_FUNC_ARITY, call->span, "function \"%s\" takes %s, got %u", def->name, takes,
              call->nargs);
}

Value *fn_call(FnContext *ctx, const FnCall *call)
{
    const FnDef *def = call->def ? call->def : fn_find(call->name);
    if (!def) {
        fn_report(ctx, E_UNKNOWN_FUNCTION, call->name_span, "unknown function \"%s\"", call->name);
        return fn_invalid(ctx, call);
    }
    if (call->nargs < def->min || (def->max != FN_VARIADIC && call->nargs > def->max)) {
        arity_error(ctx, call, def);
        return fn_invalid(ctx, call);
    }
    for (uint32_t i = 0; i < call->nargs; i++)
        if (call->args[i]->kind == VAL_INVALID)
            return fn_invalid(ctx, call);
    return def->impl(ctx, call);
}

// --- the pattern cache -----------------------------------------------------------

// The least count of the repeat that ends pattern item p[0..n) (a{30000},
// [ab]{2,5}?), 0 for any other item. A repeated character that fails
// compares fewer characters than this without reaching the next callout,
// so count_steps() charges it beforehand.
static uint64_t repeat_floor(const char *p, size_t n)
{
    while (n && (p[n - 1] == '+' || p[n - 1] == '?'))
        n--;
    if (n < 3 || p[n - 1] != '}')
        return 0;
    size_t open = n - 1;
    while (open && p[open] != '{')
        open--;
    if (!open || (open >= 2 && p[open - 2] == '\\')) // \x{41}, \p{L}: not a repeat
        return 0;
    uint64_t min = 0;
    size_t i = open + 1;
    for (; i < n && p[i] >= '0' && p[i] <= '9' && min < 100000; i++)
        min = min * 10 + (uint64_t)(p[i] - '0');
    return i > open + 1 && (p[i] == ',' || p[i] == '}') ? min : 0;
}

// Called by PCRE2 before each pattern item (PCRE2_AUTO_CALLOUT): charges
// one step, the characters consumed since the previous callout of this
// start position, and those a counted repeat may compare before failing;
// abandons the search (PCRE2_ERROR_CALLOUT) when the budget of the call or
// of the run is spent.
static int count_steps(pcre2_callout_block *b, void *data)
{
    FnRegexCache *c = data;
    size_t from = (b->callout_flags & PCRE2_CALLOUT_STARTMATCH) ? b->start_match : c->last;
    uint64_t cost = 1 + (b->current_position > from ? b->current_position - from : 0);
    uint64_t least = repeat_floor(c->pattern + b->pattern_position, b->next_item_length);
    uint64_t rest = b->subject_length - b->current_position;
    cost += least < rest ? least : rest;
    c->last = b->current_position;
    if (cost > c->left)
        cost = c->left; // left <= run_left (search_start)
    c->left -= cost;
    c->run_left -= cost;
    return c->left ? 0 : PCRE2_ERROR_CALLOUT;
}

static FnRegexCache *cache_of(FnContext *ctx)
{
    if (!ctx->regex) {
        FnRegexCache *c = xmalloc(sizeof *c);
        memset(c, 0, sizeof *c);
        c->nslots = 64;
        c->slots = xmalloc(c->nslots * sizeof(uint32_t));
        memset(c->slots, 0, c->nslots * sizeof(uint32_t));
        c->mctx = pcre2_match_context_create(NULL);
        if (!c->mctx)
            arena_out_of_memory(NULL); // PCRE2 allocates with malloc
        pcre2_set_callout(c->mctx, count_steps, c);
        pcre2_set_match_limit(c->mctx, REGEX_SEARCH_BUDGET); // one position: a backstop
        pcre2_set_depth_limit(c->mctx, REGEX_DEPTH_LIMIT);
        pcre2_set_heap_limit(c->mctx, REGEX_HEAP_LIMIT_KIB);
        c->run_left = REGEX_RUN_BUDGET;
        ctx->regex = c;
    }
    return ctx->regex;
}

static void cache_rehash(FnRegexCache *c)
{
    free(c->slots);
    c->nslots *= 2;
    c->slots = xmalloc(c->nslots * sizeof(uint32_t));
    memset(c->slots, 0, c->nslots * sizeof(uint32_t));
    for (uint32_t i = 0; i < c->count; i++) {
        uint32_t s = (uint32_t)c->items[i].hash & (c->nslots - 1);
        while (c->slots[s])
            s = (s + 1) & (c->nslots - 1);
        c->slots[s] = i + 1;
    }
}

// Fills the capture-group facts of a freshly compiled entry.
static void describe_groups(RegexEntry *e)
{
    uint32_t count = 0, entry_size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(e->code, PCRE2_INFO_CAPTURECOUNT, &e->ncap);
    pcre2_pattern_info(e->code, PCRE2_INFO_NAMECOUNT, &count);
    e->nnamed = count;
    e->names = NULL;
    if (!count)
        return;
    pcre2_pattern_info(e->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(e->code, PCRE2_INFO_NAMETABLE, &table);
    e->names = xmalloc(((size_t)e->ncap + 1) * sizeof(const char *));
    memset(e->names, 0, ((size_t)e->ncap + 1) * sizeof(const char *));
    for (uint32_t i = 0; i < count; i++) {
        PCRE2_SPTR row = table + (size_t)i * entry_size;
        uint32_t group = ((uint32_t)row[0] << 8) | row[1];
        if (group <= e->ncap)
            e->names[group] = (const char *)(row + 2);
    }
}

// Returns the compiled `pat`, compiling it on first use. A pattern that
// does not compile is reported at argument `argi` (NULL result).
static const RegexEntry *regex_get(FnContext *ctx, const FnCall *call, uint32_t argi,
                                   const char *pat, size_t len)
{
    FnRegexCache *c = cache_of(ctx);
    uint64_t h = hash_fnv64(pat, len);
    uint32_t s = (uint32_t)h & (c->nslots - 1);
    for (; c->slots[s]; s = (s + 1) & (c->nslots - 1)) {
        RegexEntry *e = &c->items[c->slots[s] - 1];
        if (e->hash == h && e->len == len && memcmp(e->pattern, pat, len) == 0)
            return e;
    }
    int err;
    PCRE2_SIZE offset;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, len, REGEX_OPTIONS, &err, &offset, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        size_t at = offset <= len ? utf8_count(pat, offset) + 1 : 0;
        fn_report(ctx, E_BAD_REGEX, fn_arg_span(call, argi),
                  "invalid regular expression at character %zu: %s", at, (const char *)msg);
        return NULL;
    }
    size_t code_size = 0;
    pcre2_pattern_info(code, PCRE2_INFO_SIZE, &code_size);
    size_t bytes = code_size + len + sizeof(RegexEntry);
    if (c->bytes + bytes > REGEX_CACHE_BYTES) { // no entry is in use between calls
        cache_clear(c);
        s = (uint32_t)h & (c->nslots - 1);
    }
    c->bytes += bytes;
    BUF_RESERVE_HEAP(c->items, c->count, c->cap);
    RegexEntry *e = &c->items[c->count];
    e->pattern = xmalloc(len + 1);
    memcpy(e->pattern, pat, len);
    e->pattern[len] = '\0';
    e->len = len;
    e->hash = h;
    e->code = code;
    describe_groups(e);
    c->slots[s] = ++c->count;
    if (c->count * 2 > c->nslots)
        cache_rehash(c);
    return e;
}

static pcre2_match_data *match_data(const RegexEntry *re)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (!md)
        arena_out_of_memory(NULL); // PCRE2 allocates with malloc
    return md;
}

// Starts the search of one function call: a fresh budget.
static void search_start(FnContext *ctx)
{
    FnRegexCache *c = cache_of(ctx);
    c->left = c->run_left < REGEX_SEARCH_BUDGET ? c->run_left : REGEX_SEARCH_BUDGET;
}

// Matches `re` in s[start..len) under the search budget. Returns 1 on a
// match (offsets in `md`), 0 when there is none, -1 after reporting why
// matching failed. PCRE2 checks that the whole subject is UTF-8 on every
// call unless told not to, so only the first match of a loop (start == 0)
// checks it: the others start at a character boundary of a subject already
// checked.
static int match_at(FnContext *ctx, const FnCall *call, const RegexEntry *re, const char *s,
                    size_t len, size_t start, pcre2_match_data *md)
{
    FnRegexCache *c = ctx->regex;
    uint32_t options = start ? PCRE2_NO_UTF_CHECK : 0;
    c->last = start;
    c->pattern = re->pattern;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, options, md, c->mctx);
    if (rc >= 0)
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    bool spent = rc == PCRE2_ERROR_CALLOUT || rc == PCRE2_ERROR_MATCHLIMIT;
    if (spent && c->run_left == 0) {
        Diag *g = fn_report(ctx, E_REGEX_BUDGET, call->span,
                            "the regular expression searches of this run take more than their "
                            "budget of %u matching steps",
                            (unsigned)REGEX_RUN_BUDGET);
        diag_help(ctx->diags, g,
                  "every regex(), regexall() and replace() call of a run shares it; simplify "
                  "the patterns that backtrack, or call them on fewer or shorter strings");
        return -1;
    }
    if (spent) {
        Diag *g = fn_report(ctx, E_REGEX_BUDGET, call->span,
                            "the regular expression search takes more than its budget of %u "
                            "matching steps",
                            (unsigned)REGEX_SEARCH_BUDGET);
        diag_help(ctx->diags, g,
                  "nested repetition such as (a+)+ backtracks exponentially, and a long string "
                  "multiplies it; simplify the pattern or shorten the string");
        return -1;
    }
    if (rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) {
        Diag *g = fn_report(ctx, E_FUNC_LIMIT, call->span,
                            "regular expression is too costly to match against this string");
        diag_help(ctx->diags, g,
                  "nested repetition such as (a+)+ backtracks exponentially; simplify the "
                  "pattern");
        return -1;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof msg);
    fn_report(ctx, E_FUNC_ARG, call->span, "regular expression match failed: %s",
              (const char *)msg);
    return -1;
}

// --- regex() and regexall() -------------------------------------------------------

static Value *group_value(FnContext *ctx, const FnCall *call, const char *s, const PCRE2_SIZE *ov,
                          uint32_t g)
{
    if (ov[2 * g] == PCRE2_UNSET)
        return value_null(ctx->arena, call->span);
    if (ov[2 * g + 1] < ov[2 * g]) // only with \K tricks
        return fn_new_string(ctx, call, "", 0);
    return fn_new_string(ctx, call, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

// The result of one match as Terraform shapes it: the matched text when
// the pattern has no groups, a tuple of the groups, or an object of the
// named groups (a group that did not take part is null).
static Value *match_value(FnContext *ctx, const FnCall *call, const RegexEntry *re, const char *s,
                          pcre2_match_data *md)
{
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (re->ncap == 0)
        return group_value(ctx, call, s, ov, 0);
    if (re->nnamed) {
        Value *obj = value_object_new(ctx->arena, call->span, re->ncap);
        for (uint32_t g = 1; g <= re->ncap; g++)
            value_object_set(ctx->arena, obj, re->names[g], strlen(re->names[g]),
                             group_value(ctx, call, s, ov, g));
        return obj;
    }
    Value *tuple = fn_new_list(ctx, call, re->ncap, VALF_TUPLE);
    for (uint32_t g = 1; g <= re->ncap; g++)
        tuple->as.list.items[g - 1] = group_value(ctx, call, s, ov, g);
    return tuple;
}

// Compiles argument 0 for regex()/regexall(), which refuse a mixture of
// named and unnamed groups (the result could be neither tuple nor object).
static const RegexEntry *result_pattern(FnContext *ctx, const FnCall *call, ValueStr *pat)
{
    if (!fn_arg_string(ctx, call, 0, pat))
        return NULL;
    const RegexEntry *re = regex_get(ctx, call, 0, pat->ptr, pat->len);
    if (re && re->nnamed && re->nnamed != re->ncap) {
        fn_report(ctx, E_BAD_REGEX, fn_arg_span(call, 0),
                  "regular expression mixes named and unnamed capture groups");
        return NULL;
    }
    return re;
}

Value *fn_regex(FnContext *ctx, const FnCall *call)
{
    ValueStr pat, str;
    const RegexEntry *re = result_pattern(ctx, call, &pat);
    if (!re || !fn_arg_string(ctx, call, 1, &str))
        return fn_invalid(ctx, call);
    search_start(ctx);
    pcre2_match_data *md = match_data(re);
    int rc = match_at(ctx, call, re, str.ptr, str.len, 0, md);
    Value *result = rc > 0 ? match_value(ctx, call, re, str.ptr, md) : NULL;
    pcre2_match_data_free(md);
    if (rc == 0) {
        Diag *g = fn_report(ctx, E_REGEX_NO_MATCH, fn_arg_span(call, 1),
                            "regular expression did not match any part of the string");
        diag_help(ctx->diags, g,
                  "to test for a match, use can(regex(...)) or length(regexall(...)) > 0");
    }
    return result ? result : fn_invalid(ctx, call);
}

// Go's rule for moving on after a match that ended at `end` having started
// the search at `pos`: past an empty match by one character.
static size_t next_char(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return len + 1;
    size_t adv;
    utf8_next(s + pos, len - pos, &adv);
    return pos + adv;
}

Value *fn_regexall(FnContext *ctx, const FnCall *call)
{
    ValueStr pat, str;
    const RegexEntry *re = result_pattern(ctx, call, &pat);
    if (!re || !fn_arg_string(ctx, call, 1, &str))
        return fn_invalid(ctx, call);
    search_start(ctx);
    pcre2_match_data *md = match_data(re);
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    Value **found = NULL;
    uint32_t count = 0, cap = 0;
    size_t pos = 0;
    int64_t prev_end = -1;
    int rc = 0;
    while (pos <= str.len && (rc = match_at(ctx, call, re, str.ptr, str.len, pos, md)) > 0) {
        bool accept = true;
        if (ov[1] <= pos) { // an empty match: none right after a previous match
            accept = (int64_t)ov[0] != prev_end;
            pos = next_char(str.ptr, str.len, pos);
        } else {
            pos = ov[1];
        }
        prev_end = (int64_t)ov[1];
        if (!accept)
            continue;
        BUF_RESERVE(ctx->arena, found, count, cap);
        found[count++] = match_value(ctx, call, re, str.ptr, md);
    }
    pcre2_match_data_free(md);
    if (rc < 0)
        return fn_invalid(ctx, call);
    Value *list = fn_new_list(ctx, call, count, 0);
    if (count)
        memcpy(list->as.list.items, found, (size_t)count * sizeof(Value *));
    return list;
}

// --- replace() ------------------------------------------------------------------

static bool is_name_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c >= 0x80;
}

// The group named `name` (all digits: a group number without leading zero),
// or -1.
static int64_t group_of(const RegexEntry *re, const char *name, size_t len)
{
    int64_t num = 0;
    for (size_t i = 0; i < len && num >= 0; i++) {
        if (name[i] < '0' || name[i] > '9' || num >= 100000000)
            num = -1;
        else
            num = num * 10 + (name[i] - '0');
    }
    if (len > 1 && name[0] == '0')
        num = -1;
    if (num >= 0)
        return num <= re->ncap ? num : -1;
    for (uint32_t g = 1; re->names && g <= re->ncap; g++)
        if (re->names[g] && strlen(re->names[g]) == len && memcmp(re->names[g], name, len) == 0)
            return g;
    return -1;
}

// Appends the replacement `tpl` for the match in `ov`, expanding $1, ${1},
// $name and ${name} as Go's Regexp.Expand does: a name is the longest run
// of letters, digits and underscores; $$ is a dollar sign; an unknown group
// expands to nothing; a malformed reference is copied as it is.
static void expand(StrBuf *out, ValueStr tpl, const RegexEntry *re, const char *s,
                   const PCRE2_SIZE *ov)
{
    size_t i = 0;
    while (i < tpl.len) {
        const char *dollar = memchr(tpl.ptr + i, '$', tpl.len - i);
        if (!dollar) {
            buf_put(out, tpl.ptr + i, tpl.len - i);
            return;
        }
        buf_put(out, tpl.ptr + i, (size_t)(dollar - (tpl.ptr + i)));
        i = (size_t)(dollar - tpl.ptr) + 1;
        if (i < tpl.len && tpl.ptr[i] == '$') {
            buf_putc(out, '$');
            i++;
            continue;
        }
        bool brace = i < tpl.len && tpl.ptr[i] == '{';
        size_t start = i + brace, end = start;
        while (end < tpl.len && is_name_byte((unsigned char)tpl.ptr[end]))
            end++;
        if (end == start || (brace && (end >= tpl.len || tpl.ptr[end] != '}'))) {
            buf_putc(out, '$');
            continue;
        }
        int64_t g = group_of(re, tpl.ptr + start, end - start);
        if (g >= 0 && ov[2 * g] != PCRE2_UNSET && ov[2 * g + 1] >= ov[2 * g])
            buf_put(out, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        i = end + brace;
    }
}

// Go's Regexp.ReplaceAllString: every match is replaced, except an empty
// match right after a previous match.
static Value *replace_regex(FnContext *ctx, const FnCall *call, ValueStr str, ValueStr pat,
                            ValueStr tpl)
{
    const RegexEntry *re = regex_get(ctx, call, 1, pat.ptr, pat.len);
    if (!re)
        return fn_invalid(ctx, call);
    search_start(ctx);
    pcre2_match_data *md = match_data(re);
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    size_t pos = 0, last_end = 0;
    int rc = 0;
    while (pos <= str.len && !out.over &&
           (rc = match_at(ctx, call, re, str.ptr, str.len, pos, md)) > 0) {
        if (ov[0] > last_end)
            buf_put(&out, str.ptr + last_end, ov[0] - last_end);
        if (ov[1] > last_end || ov[0] == 0)
            expand(&out, tpl, re, str.ptr, ov);
        if (ov[1] > last_end)
            last_end = ov[1];
        size_t after = next_char(str.ptr, str.len, pos);
        pos = after > ov[1] ? after : ov[1];
    }
    pcre2_match_data_free(md);
    if (rc < 0)
        return fn_invalid(ctx, call);
    if (last_end < str.len)
        buf_put(&out, str.ptr + last_end, str.len - last_end);
    return fn_buf_value(ctx, call, &out);
}

// strings.Replace(s, old, new, -1): an empty `old` matches before every
// character and at the end.
static Value *replace_text(FnContext *ctx, const FnCall *call, ValueStr str, ValueStr old,
                           ValueStr with)
{
    StrBuf out;
    buf_init(&out, ctx->arena, FN_MAX_STRING);
    if (old.len == 0) {
        for (size_t i = 0; i < str.len && !out.over;) {
            size_t adv;
            utf8_next(str.ptr + i, str.len - i, &adv);
            buf_put(&out, with.ptr, with.len);
            buf_put(&out, str.ptr + i, adv);
            i += adv;
        }
        buf_put(&out, with.ptr, with.len);
        return fn_buf_value(ctx, call, &out);
    }
    FnFinder f;
    fn_finder_init(&f, ctx->arena, old.ptr, old.len);
    size_t i = 0;
    for (size_t at; !out.over && (at = fn_finder_next(&f, str.ptr, str.len, i)) != SIZE_MAX;
         i = at + old.len) {
        buf_put(&out, str.ptr + i, at - i);
        buf_put(&out, with.ptr, with.len);
    }
    buf_put(&out, str.ptr + i, str.len - i);
    return fn_buf_value(ctx, call, &out);
}

Value *fn_replace(FnContext *ctx, const FnCall *call)
{
    ValueStr str, sub, with;
    if (!fn_arg_string(ctx, call, 0, &str) || !fn_arg_string(ctx, call, 1, &sub) ||
        !fn_arg_string(ctx, call, 2, &with))
        return fn_invalid(ctx, call);
    if (sub.len > 1 && sub.ptr[0] == '/' && sub.ptr[sub.len - 1] == '/') {
        ValueStr pat = {sub.ptr + 1, sub.len - 2};
        return replace_regex(ctx, call, str, pat, with);
    }
    return replace_text(ctx, call, str, sub, with);
}
