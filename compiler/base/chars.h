// chars.h - ASCII character helpers that the lexer and the JSON and YAML
// readers share (none of them depends on the C locale).
#ifndef HCLC_CHARS_H
#define HCLC_CHARS_H

// The value of hexadecimal digit `c` (either case), or -1.
static inline int char_hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

#endif
