// size.c - reads task cpu and memory sizes as ECS accepts them: "1024",
// or a decimal number, optional spaces and a unit ("1 vCPU", ".25vcpu",
// "2 GB", "0.5 gb"). Lowering and the rules both read sizes with it.
#include "ecs/ecs_impl.h"

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
