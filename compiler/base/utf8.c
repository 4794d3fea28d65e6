// utf8.c - UTF-8 decoding, encoding and counting; see utf8.h.
#include "base/utf8.h"

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if ((u[0] & 0xE0) == 0xC0) {
        need = 2, v = u[0] & 0x1Fu, min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        need = 3, v = u[0] & 0x0Fu, min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        need = 4, v = u[0] & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (len < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return need;
}

uint32_t utf8_next(const char *s, size_t len, size_t *adv)
{
    uint32_t cp;
    *adv = utf8_decode(s, len, &cp);
    if (*adv)
        return cp;
    *adv = 1;
    return 0xFFFD;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        size_t adv;
        utf8_next(s + i, len - i, &adv);
        i += adv;
    }
    return n;
}

size_t utf8_offset(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    for (size_t k = 0; k < n && i < len; k++) {
        size_t adv;
        utf8_next(s + i, len - i, &adv);
        i += adv;
    }
    return i;
}

size_t utf8_invalid_at(const char *s, size_t len)
{
    uint32_t cp;
    size_t i = 0, n;
    while (i < len && (n = utf8_decode(s + i, len - i, &cp)) != 0)
        i += n;
    return i;
}

bool utf8_valid(const char *s, size_t len)
{
    return utf8_invalid_at(s, len) == len;
}

size_t utf8_back(const char *s, size_t i)
{
    i--;
    for (int k = 0; k < 3 && i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; k++)
        i--;
    return i;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
