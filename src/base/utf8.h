/*
 * utf8: decoding of one code point, with Go's rules for what is valid
 * (no surrogates, no overlong forms, at most U+10FFFF).
 */
#ifndef BASE_UTF8_H
#define BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s (n bytes available).  Returns it and sets *len
 * to its byte length, or returns -1 with *len = 1 for an invalid or
 * truncated sequence. */
int32_t utf8_decode(const char *s, size_t n, size_t *len);
/* Encode r into out (at least 4 bytes); returns the byte count. */
size_t utf8_encode(int32_t r, char *out);

#endif
