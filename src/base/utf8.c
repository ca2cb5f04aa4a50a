/*
 * utf8: strict decoder used by the Go lexer and the JSON writer.
 */
#include "utf8.h"

int32_t utf8_decode(const char *str, size_t n, size_t *len)
{
	const unsigned char *s = (const unsigned char *)str;
	int32_t r;
	size_t need, i;

	*len = 1;
	if (n == 0)
		return -1;
	if (s[0] < 0x80) {
		return s[0];
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 2;
		r = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 3;
		r = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 4;
		r = s[0] & 0x07;
	} else {
		return -1;
	}
	if (n < need)
		return -1;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		r = (r << 6) | (s[i] & 0x3f);
	}
	if ((need == 3 && r < 0x800) || (need == 4 && r < 0x10000) ||
	    r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
		return -1;
	*len = need;
	return r;
}

size_t utf8_encode(int32_t r, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
		r = 0xfffd;
	if (r < 0x80) {
		o[0] = (unsigned char)r;
		return 1;
	} else if (r < 0x800) {
		o[0] = (unsigned char)(0xc0 | (r >> 6));
		o[1] = (unsigned char)(0x80 | (r & 0x3f));
		return 2;
	} else if (r < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (r >> 12));
		o[1] = (unsigned char)(0x80 | ((r >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (r & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (r >> 18));
	o[1] = (unsigned char)(0x80 | ((r >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((r >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (r & 0x3f));
	return 4;
}
