/*
 * sb: string builder (see sb.h for the invariant).
 */
#include "sb.h"
#include "xalloc.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char sb_empty[1];

void sb_init(struct sb *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void sb_release(struct sb *sb)
{
	free(sb->buf);
	sb_init(sb);
}

char *sb_detach(struct sb *sb, size_t *len)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	if (len)
		*len = sb->len;
	sb_init(sb);
	return s;
}

void sb_reset(struct sb *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_grow(struct sb *sb, size_t extra)
{
	if (sb->len + extra + 1 > sb->cap)
		sb->buf = xgrow(sb->buf, 1, sb->len + extra + 1, &sb->cap);
}

const char *sb_str(const struct sb *sb)
{
	return sb->buf ? sb->buf : sb_empty;
}

void sb_add(struct sb *sb, const void *data, size_t len)
{
	sb_grow(sb, len);
	if (len)   /* data may be NULL when len is 0 (an empty sb's buffer) */
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct sb *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct sb *sb, char c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sb_addn(struct sb *sb, char c, size_t n)
{
	sb_grow(sb, n);
	memset(sb->buf + sb->len, c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_vaddf(struct sb *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_addf(struct sb *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sb_truncate(struct sb *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

void sb_add_json_strn(struct sb *sb, const char *s, size_t n)
{
	size_t i = 0;

	sb_addc(sb, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
			i++;
		} else if (c == '\n') {
			sb_adds(sb, "\\n");
			i++;
		} else if (c == '\t') {
			sb_adds(sb, "\\t");
			i++;
		} else if (c == '\r') {
			sb_adds(sb, "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			sb_addf(sb, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			sb_addc(sb, (char)c);
			i++;
		} else {
			size_t len;
			if (utf8_decode(s + i, n - i, &len) < 0) {
				sb_adds(sb, "\\ufffd");
				i++;
			} else {
				sb_add(sb, s + i, len);
				i += len;
			}
		}
	}
	sb_addc(sb, '"');
}

void sb_add_json_str(struct sb *sb, const char *s)
{
	sb_add_json_strn(sb, s ? s : "", s ? strlen(s) : 0);
}

void sb_add_html(struct sb *sb, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sb_adds(sb, "&amp;"); break;
		case '<': sb_adds(sb, "&lt;"); break;
		case '>': sb_adds(sb, "&gt;"); break;
		case '"': sb_adds(sb, "&quot;"); break;
		case '\'': sb_adds(sb, "&#39;"); break;
		default: sb_addc(sb, *s);
		}
	}
}
