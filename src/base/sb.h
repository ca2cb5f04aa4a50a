/*
 * sb: a growable, always NUL-terminated string builder.
 *
 * Invariant: buf is NULL (empty, nothing allocated) or points to cap bytes of
 * which the first len are the string and buf[len] == '\0'.  sb_str() is
 * therefore always a valid C string.  The builder owns buf (heap); sb_detach
 * hands it to the caller, sb_release frees it.
 */
#ifndef BASE_SB_H
#define BASE_SB_H

#include <stdarg.h>
#include <stddef.h>

struct sb {
	char *buf;
	size_t len;
	size_t cap;
};

#define SB_INIT { NULL, 0, 0 }

void sb_init(struct sb *sb);
void sb_release(struct sb *sb);
/* Give the string to the caller (free() it); the builder is empty after. */
char *sb_detach(struct sb *sb, size_t *len);
void sb_reset(struct sb *sb);
void sb_grow(struct sb *sb, size_t extra);
const char *sb_str(const struct sb *sb);

void sb_add(struct sb *sb, const void *data, size_t len);
void sb_adds(struct sb *sb, const char *s);
void sb_addc(struct sb *sb, char c);
void sb_addf(struct sb *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct sb *sb, const char *fmt, va_list ap);
/* Append n copies of c. */
void sb_addn(struct sb *sb, char c, size_t n);
/* Append s as a JSON string literal, quotes included; invalid UTF-8 bytes
 * become U+FFFD so the output is always valid JSON. */
void sb_add_json_str(struct sb *sb, const char *s);
void sb_add_json_strn(struct sb *sb, const char *s, size_t n);
/* Append s with &, <, >, " and ' escaped for HTML text and attributes. */
void sb_add_html(struct sb *sb, const char *s);
void sb_truncate(struct sb *sb, size_t len);

#endif
