/* libFuzzer target: build constraints and the generated-file header
 * (src/go/buildcons.c) on arbitrary bytes, as a file header and as a name. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "go/buildcons.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct go_build_ctx ctx;
	char buf[64];
	char *name = malloc(size + 1);

	if (!name)
		return 0;
	memcpy(name, data, size);
	name[size] = '\0';
	if (go_build_ctx_init(&ctx, "integration,race", buf, sizeof(buf)) == 0) {
		(void)go_build_src_ok(&ctx, (const char *)data, size);
		(void)go_build_name_ok(&ctx, name);
	}
	(void)go_build_is_generated((const char *)data, size);
	free(name);
	return 0;
}
