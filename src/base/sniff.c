/*
 * sniff: magic numbers first, then text or not, then which text.  The
 * protobuf test walks the first top-level fields: each must have a field
 * number, a known wire type, and a length that fits the input; text
 * rarely passes that walk for more than a field or two.
 */
#include "sniff.h"

#include <string.h>

static int starts(const unsigned char *p, size_t n, const char *lit)
{
	size_t l = strlen(lit);

	return n >= l && !memcmp(p, lit, l);
}

static int starts_ci(const unsigned char *p, size_t n, const char *lit)
{
	size_t i, l = strlen(lit);

	if (n < l)
		return 0;
	for (i = 0; i < l; i++) {
		unsigned char c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)lit[i])
			return 0;
	}
	return 1;
}

static int contains_ci(const unsigned char *p, size_t n, const char *lit)
{
	size_t i, l = strlen(lit);

	for (i = 0; i + l <= n; i++)
		if (starts_ci(p + i, n - i, lit))
			return 1;
	return 0;
}

/* "goroutine " digits " [" somewhere in the window, at a line start. */
static int has_goroutine_header(const unsigned char *p, size_t n)
{
	size_t i, j;

	for (i = 0; i + 10 < n; i++) {
		if ((i && p[i - 1] != '\n') || !starts(p + i, n - i, "goroutine "))
			continue;
		j = i + 10;
		if (j >= n || p[j] < '0' || p[j] > '9')
			continue;
		while (j < n && p[j] >= '0' && p[j] <= '9')
			j++;
		if (j + 1 < n && p[j] == ' ' && p[j + 1] == '[')
			return 1;
	}
	return 0;
}

static int read_varint(const unsigned char *p, size_t n, size_t *i,
		       unsigned long long *v)
{
	int shift = 0;

	*v = 0;
	while (*i < n && shift < 64) {
		unsigned char b = p[(*i)++];
		*v |= (unsigned long long)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return 0;
		shift += 7;
	}
	return -1;
}

/* 1 if the first fields (up to 8, within n bytes of a len-byte input)
 * are well-formed protobuf. */
static int looks_protobuf(const unsigned char *p, size_t n, size_t len)
{
	size_t i = 0;
	int fields = 0;

	while (i < n && fields < 8) {
		unsigned long long tag, v;
		if (read_varint(p, n, &i, &tag) < 0)
			return fields > 0 && i >= n;
		if ((tag >> 3) == 0 || (tag >> 3) > 536870911ULL)
			return 0;
		switch (tag & 7) {
		case 0:
			if (read_varint(p, n, &i, &v) < 0)
				return i >= n && fields > 0;
			break;
		case 1:
			i += 8;
			break;
		case 2:
			if (read_varint(p, n, &i, &v) < 0)
				return i >= n && fields > 0;
			if (v > len - (i < len ? i : len))
				return 0;
			i += (size_t)v;
			break;
		case 5:
			i += 4;
			break;
		default:
			return 0;
		}
		fields++;
	}
	return fields > 0 && i <= len;
}

void sniff_bytes(const void *data, size_t len, struct sniff_info *si)
{
	const unsigned char *p = data;
	size_t n = len < SNIFF_WINDOW ? len : SNIFF_WINDOW, i, texty = 0, s;

	memset(si, 0, sizeof(*si));
	si->kind = SNIFF_EMPTY;
	if (!len)
		return;
	si->kind = SNIFF_BINARY;
	if (starts(p, n, "\x1f\x8b")) {
		si->kind = SNIFF_GZIP;
		return;
	}
	if (starts(p, n, "\x28\xb5\x2f\xfd")) {
		si->kind = SNIFF_ZSTD;
		return;
	}
	if (starts(p, n, "BZh") && n > 3 && p[3] >= '1' && p[3] <= '9') {
		si->kind = SNIFF_BZIP2;
		return;
	}
	if (starts(p, n, "\xfd" "7zXZ")) {
		si->kind = SNIFF_XZ;
		return;
	}
	if (starts(p, n, "PK\x03\x04")) {
		si->kind = SNIFF_ZIP;
		return;
	}
	if (n >= 16 && !memcmp(p, "SQLite format 3", 16)) {
		si->kind = SNIFF_SQLITE;
		return;
	}
	if (starts(p, n, "\x7f" "ELF")) {
		si->kind = SNIFF_ELF;
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];
		size_t k, m;
		if (c == 0)
			si->nul++;
		if ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' ||
		    c == '\r' || c == 0x1b || c == '\f') {
			texty++;
			continue;
		}
		/* a high byte is text only as part of valid UTF-8 */
		m = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 :
		    c >= 0xf0 && c <= 0xf4 ? 3 : 0;
		for (k = 1; m && k <= m; k++)
			if (i + k < n && (p[i + k] & 0xc0) != 0x80)
				m = 0;
		if (m) {
			texty += m + 1;
			i += m;
		}
	}
	s = 0;
	if (starts(p, n, "\xef\xbb\xbf"))
		s = 3;
	while (s < n && (p[s] == ' ' || p[s] == '\t' || p[s] == '\n' ||
			 p[s] == '\r'))
		s++;
	/* text: at least 95% text bytes, and not a valid protobuf start
	 * unless the bytes are nearly all text */
	if (texty * 100 >= n * 95 &&
	    (texty * 1000 >= n * 998 || !looks_protobuf(p, n, len))) {
		si->at = s;
		if (s == n && n == len) {
			si->kind = SNIFF_EMPTY;
			return;
		}
		if (starts(p + s, n - s, "goroutine profile: total "))
			si->kind = SNIFF_GOROUTINE_TEXT;
		else if (has_goroutine_header(p, n))
			si->kind = SNIFF_GOROUTINE_DUMP;
		else if (starts(p + s, n - s, "heap profile:") ||
			 starts(p + s, n - s, "heap_v2/") ||
			 starts(p + s, n - s, "--- heapz") ||
			 starts(p + s, n - s, "--- contention") ||
			 starts(p + s, n - s, "--- mutex") ||
			 starts(p + s, n - s, "--- threadz") ||
			 starts(p + s, n - s, "threadcreate profile:") ||
			 starts(p + s, n - s, "threadcreation profile:"))
			si->kind = SNIFF_PPROF_TEXT;
		else if (starts_ci(p + s, n - s, "<!doctype html") ||
			 contains_ci(p + s, n - s, "<html") ||
			 (p[s] == '<' && (contains_ci(p + s, n - s, "<body") ||
					  contains_ci(p + s, n - s, "<head") ||
					  contains_ci(p + s, n - s, "<title"))))
			si->kind = SNIFF_HTML;
		else if (p[s] == '<')
			si->kind = SNIFF_XML;
		else if (p[s] == '{' || p[s] == '[')
			si->kind = SNIFF_JSON;
		else
			si->kind = SNIFF_TEXT;
		return;
	}
	if (looks_protobuf(p, n, len))
		si->kind = SNIFF_PROTOBUF;
}

const char *sniff_describe(const struct sniff_info *si)
{
	switch (si->kind) {
	case SNIFF_EMPTY: return "empty";
	case SNIFF_GZIP: return "gzip-compressed data";
	case SNIFF_ZSTD: return "zstd-compressed data";
	case SNIFF_BZIP2: return "bzip2-compressed data";
	case SNIFF_XZ: return "xz-compressed data";
	case SNIFF_ZIP: return "a zip archive";
	case SNIFF_SQLITE: return "an SQLite database";
	case SNIFF_ELF: return "an ELF executable";
	case SNIFF_HTML: return "an HTML page";
	case SNIFF_XML: return "an XML document";
	case SNIFF_JSON: return "JSON";
	case SNIFF_GOROUTINE_DUMP:
		return si->nul ? "a text goroutine dump (with NUL bytes)"
			       : "a text goroutine dump";
	case SNIFF_GOROUTINE_TEXT: return "a text goroutine profile (debug=1)";
	case SNIFF_PPROF_TEXT: return "a legacy text profile";
	case SNIFF_PROTOBUF: return "protobuf data";
	case SNIFF_TEXT:
		return si->nul ? "text (with NUL bytes)" : "text";
	case SNIFF_BINARY: return "binary data";
	}
	return "unknown data";
}

int sniff_is_text(enum sniff_kind k)
{
	return k == SNIFF_HTML || k == SNIFF_XML || k == SNIFF_JSON ||
	       k == SNIFF_GOROUTINE_DUMP || k == SNIFF_GOROUTINE_TEXT ||
	       k == SNIFF_PPROF_TEXT || k == SNIFF_TEXT;
}
