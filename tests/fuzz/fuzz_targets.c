/* libFuzzer target: the `watch --targets` file reader (src/watch/targets.c,
 * jansson and libyaml underneath) on arbitrary bytes, both as a .json and
 * as a .yml file; on success every target must have a URL and an instance. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "watch/targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one(const char *name, const uint8_t *data, size_t size)
{
	struct watch_targets t;
	struct err e = ERR_INIT;
	size_t i;

	watch_targets_init(&t);
	if (watch_targets_parse(&t, name, (const char *)data, size, &e) == 0) {
		for (i = 0; i < t.items.len; i++)
			if (!t.items.items[i].url || !t.items.items[i].instance ||
			    strncmp(t.items.items[i].url, "http", 4))
				abort();
	} else if (!e.set || !strstr(e.msg, name)) {
		abort();   /* every error names the file */
	}
	watch_targets_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one("fuzz.json", data, size);
	one("fuzz.yml", data, size);
	return 0;
}
