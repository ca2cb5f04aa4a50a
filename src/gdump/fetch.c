/*
 * fetch: the bytes of a dump named on the command line: a file, '-' for
 * standard input, or an http(s) URL.
 */
#include "gdump.h"

#include <string.h>

#include "../base/file.h"

int gdump_fetch(const char *src, char **buf, size_t *len, struct err *e)
{
	if (!strncmp(src, "http://", 7) || !strncmp(src, "https://", 8))
		return err_setf(e, "cannot fetch '%s': URLs are not supported yet", src);
	*buf = file_read_all(src, 0, len, e);
	return *buf ? 0 : -1;
}
