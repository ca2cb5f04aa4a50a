/* libFuzzer target: the goroutine dump readers (src/gdump: traceback text,
 * debug=1 text, protobuf through the pprof decoder), then grouping and a
 * comparison of the dump with itself, on arbitrary bytes.  The same bytes
 * also go through the streaming file reader (gdump_load on a memfd), which
 * must find the same goroutines as the in-memory one. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "gdump/gdump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gdump_dump d, s;
	struct gdump_groups a, b;
	struct err e = ERR_INIT;
	int rc, src = -1, fd;
	char path[64];

	gdump_dump_init(&d);
	rc = gdump_parse(&d, (const char *)data, size, &e);
	if (rc == 0) {
		gdump_group(&d, &a);
		gdump_group(&d, &b);
		gdump_compare(&a, &b);
		gdump_groups_release(&a);
		gdump_groups_release(&b);
	}
	fd = memfd_create("fuzz", 0);
	if (fd >= 0 && write(fd, data, size) == (ssize_t)size) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		gdump_dump_init(&s);
		err_clear(&e);
		src = gdump_load(&s, path, &e);
		/* text read both ways must agree */
		if (rc == 0 && src == 0 && d.format != GDUMP_FMT_PROTO &&
		    s.format == d.format && (s.gs.len != d.gs.len || s.total != d.total))
			__builtin_trap();
		gdump_dump_release(&s);
	}
	if (fd >= 0)
		close(fd);
	gdump_dump_release(&d);
	return 0;
}
