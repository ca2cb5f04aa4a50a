/* libFuzzer target: the goroutine dump readers (src/gdump: traceback text,
 * debug=1 text, protobuf through the pprof decoder), then grouping and a
 * comparison of the dump with itself, on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include "gdump/gdump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gdump_dump d;
	struct gdump_groups a, b;
	struct err e = ERR_INIT;

	gdump_dump_init(&d);
	if (gdump_parse(&d, (const char *)data, size, &e) == 0) {
		gdump_group(&d, &a);
		gdump_group(&d, &b);
		gdump_compare(&a, &b);
		gdump_groups_release(&a);
		gdump_groups_release(&b);
	}
	gdump_dump_release(&d);
	return 0;
}
