/*
 * fetch: the bytes of a dump named on the command line: a file, '-' for
 * standard input, or an http(s) URL, all through the pprof module's source
 * reader (libcurl, bounded size and time).
 */
#include "gdump.h"

#include "../pprof/source.h"

int gdump_fetch(const char *src, char **buf, size_t *len, struct err *e)
{
	*buf = pprof_source_read(src, NULL, len, e);
	return *buf ? 0 : -1;
}
