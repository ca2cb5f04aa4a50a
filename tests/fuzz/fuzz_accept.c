/* libFuzzer target: the Accept header negotiation of `watch --listen`
 * (listen_wants_openmetrics in src/cli/listen.c) on arbitrary bytes, made
 * a string the way libmicrohttpd hands a header value over. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli/watch_cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	(void)listen_wants_openmetrics(s);
	free(s);
	return 0;
}
