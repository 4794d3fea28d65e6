// utf8.h - UTF-8 decoding, encoding and counting for every layer.
//
// Well-formed means RFC 3629: no overlong forms, no UTF-16 surrogates,
// nothing above U+10FFFF. Explaining *why* bytes are not UTF-8 stays with
// the lexer, whose diagnostics say it.
#ifndef HCLC_UTF8_H
#define HCLC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Decodes the character at `s` (`len` > 0 bytes left): returns its length
// (1 to 4) and sets *cp, or returns 0 when the bytes there are not
// well-formed UTF-8 (then *cp is unset).
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
// The lenient form: returns the code point at `s` and sets *adv to its
// length; a byte that starts no well-formed character reads as U+FFFD with
// *adv == 1.
uint32_t utf8_next(const char *s, size_t len, size_t *adv);
// Number of characters in the `len` bytes at `s`, each invalid byte one.
size_t utf8_count(const char *s, size_t len);
// Byte offset of the character `n` characters into `s` (at most `len`).
size_t utf8_offset(const char *s, size_t len, size_t n);
// True when the `len` bytes at `s` are well-formed UTF-8.
bool utf8_valid(const char *s, size_t len);
// The offset of the first byte that starts no well-formed character, or
// `len` when all of `s` is well-formed.
size_t utf8_invalid_at(const char *s, size_t len);
// Where the character that ends at offset `i` (> 0) starts: one byte back,
// then back over at most three continuation bytes.
size_t utf8_back(const char *s, size_t i);
// Writes code point `cp` (at most U+10FFFF) to `out` and returns its length.
size_t utf8_encode(uint32_t cp, char out[4]);

#endif
