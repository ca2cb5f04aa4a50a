/* libFuzzer target: `leakhound report` on arbitrary bytes.  The report
 * reads outside bytes of every kind (leakhound JSON through jansson and our
 * walk of it, goroutine dumps, profiles, SQLite recordings), recognised by
 * content, then writes the page; the whole command runs on one input file
 * (a memfd, so no file is left behind) with the page going to /dev/null.
 * Bad input must end in an error exit, never a crash or a leak.  Run it
 * with -close_fd_mask=3 to silence the command's own messages. */
#include <getopt.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int cmd_report(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	char *argv[] = { "report", "-o", "/dev/null", path, NULL };
	int fd = memfd_create("fuzz-report", 0);

	if (fd < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	optind = 0;   /* reinitialise getopt between runs */
	cmd_report(4, argv);
	close(fd);
	return 0;
}
