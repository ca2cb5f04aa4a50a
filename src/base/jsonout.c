/*
 * jsonout: JSON values built and escaped by jansson, appended to a string
 * builder in jansson's compact form.  Every JSON writer goes through here
 * (or through json_dumps directly); none escapes strings by hand.
 */
#include "jsonout.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

json_t *jsonout_str(const char *s)
{
	struct sb clean = SB_INIT;
	size_t i = 0, n, len;
	json_t *j;

	if (!s)
		s = "";
	n = strlen(s);
	j = json_stringn(s, n);
	if (j)
		return j;
	/* not valid UTF-8: each bad byte becomes U+FFFD */
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			sb_addc(&clean, s[i++]);
		} else if (utf8_decode(s + i, n - i, &len) < 0) {
			sb_adds(&clean, "\xef\xbf\xbd");
			i++;
		} else {
			sb_add(&clean, s + i, len);
			i += len;
		}
	}
	j = json_stringn(sb_str(&clean), clean.len);
	sb_release(&clean);
	return j ? j : json_string("");
}

void jsonout_add(struct sb *out, const json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER |
				   JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));

	if (text) {
		sb_adds(out, text);
		free(text);
	}
}

void jsonout_add_members(struct sb *out, const json_t *obj)
{
	const char *k;
	json_t *v;

	json_object_foreach((json_t *)obj, k, v) {
		json_t *key = jsonout_str(k);

		sb_addc(out, ',');
		jsonout_add(out, key);
		sb_addc(out, ':');
		jsonout_add(out, v);
		json_decref(key);
	}
}

