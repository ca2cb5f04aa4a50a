/* libFuzzer target: go.mod reader (src/go/gomod.c) on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include "go/gomod.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct go_mod m;

	if (go_mod_parse(&a, "fuzz.mod", (const char *)data, size, &m, &e) == 0)
		(void)go_mod_godebug_get(&m, "asynctimerchan");
	arena_release(&a);
	return 0;
}
