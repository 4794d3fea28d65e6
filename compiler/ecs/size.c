// size.c - reads task cpu and memory sizes as ECS accepts them: "1024",
// or a decimal number, optional spaces and a unit ("1 vCPU", ".25vcpu",
// "2 GB", "0.5 gb"). Lowering and the rules both read sizes with it, and
// both say what to write instead from what was written ("2048 MiB").
#include "ecs/ecs_impl.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

// At most 9 integer digits (numeric sizes are below 1e9 too) and 6 fraction
// digits: a size times 1024 stays far inside 64 bits.
#define SIZE_INT_DIGITS 9
#define SIZE_FRAC_DIGITS 6

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool ecs_parse_size(const char *s, const char *unit, int64_t *out)
{
    int64_t whole = 0, frac = 0, scale = 1;
    int digits = 0, fdigits = 0;
    const char *p = s;
    for (; is_digit(*p) && digits < SIZE_INT_DIGITS; p++, digits++)
        whole = whole * 10 + (*p - '0');
    if (*p == '.') {
        for (p++; is_digit(*p) && fdigits < SIZE_FRAC_DIGITS; p++, fdigits++) {
            frac = frac * 10 + (*p - '0');
            scale *= 10;
        }
    }
    if (digits + fdigits == 0)
        return false;
    if (*p == '\0' && fdigits == 0 && p[-1] != '.') {
        *out = whole;
        return true;
    }
    while (*p == ' ')
        p++;
    if (strcasecmp(p, unit) != 0 || frac * 1024 % scale != 0)
        return false;
    *out = whole * 1024 + frac * 1024 / scale;
    return true;
}

// The units people write, with what one of them is in MiB or CPU units.
typedef struct SizeUnit {
    const char *name;
    double factor;
} SizeUnit;

static const SizeUnit memory_units[] = {
    {"", 1},     {"m", 1},     {"mb", 1},     {"mi", 1},           {"mib", 1},   {"megabytes", 1},
    {"g", 1024}, {"gi", 1024}, {"gib", 1024}, {"gigabytes", 1024}, {"gb", 1024},
};
static const SizeUnit cpu_units[] = {
    {"", 1},       {"units", 1},   {"cpu units", 1}, {"vcpu", 1024},  {"vcpus", 1024},
    {"cpu", 1024}, {"cpus", 1024}, {"core", 1024},   {"cores", 1024},
};

static const SizeUnit *find_unit(const char *u, bool memory)
{
    const SizeUnit *units = memory ? memory_units : cpu_units;
    size_t n = memory ? sizeof memory_units / sizeof memory_units[0]
                      : sizeof cpu_units / sizeof cpu_units[0];
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(u, units[i].name) == 0)
            return &units[i];
    return NULL;
}

const char *ecs_size_hint(Arena *a, const char *s, bool memory)
{
    while (*s == ' ')
        s++;
    size_t digits = strspn(s, "0123456789.");
    if (digits == 0 || digits > 12 || strchr(s + strspn(s, "0123456789"), '.') != strrchr(s, '.'))
        return NULL;
    double n = strtod(arena_strndup(a, s, digits), NULL);
    const char *u = s + digits;
    while (*u == ' ')
        u++;
    size_t len = strlen(u);
    while (len && u[len - 1] == ' ')
        len--;
    const SizeUnit *unit = find_unit(arena_strndup(a, u, len), memory);
    if (!unit)
        return NULL;
    double total = n * unit->factor;
    const char *what = memory ? "MiB" : "CPU units";
    if (total < 1 || total != (double)(int64_t)total)
        return arena_printf(a, "that is %g %s; ECS takes a whole number of %s above 0", total, what,
                            what);
    int64_t whole = (int64_t)total;
    const char *unit_form = memory ? "GB" : "vCPU";
    if (whole % 1024 == 0)
        return arena_printf(a, "write \"%lld\" (%s) or \"%lld %s\"", (long long)whole, what,
                            (long long)(whole / 1024), unit_form);
    return arena_printf(a, "write \"%lld\" (%s)", (long long)whole, what);
}

const char *ecs_size_wanted(const char *hint, bool memory)
{
    if (hint && strncmp(hint, "that is", 7) == 0) // a size, but not a whole one
        return memory ? "a whole number of MiB" : "a whole number of CPU units";
    return memory ? "a number of MiB or GB" : "a number of CPU units or vCPUs";
}
