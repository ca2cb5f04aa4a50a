/*
 * parse_proto: the protobuf goroutine and goroutineleak profiles.
 *
 * Decoding belongs to the pprof module (one profile.proto decoder in the
 * tree); this file adapts its samples to goroutine records.  Until that
 * decoder is linked in, a binary input is refused with a clear message.
 */
#include "gdump_int.h"

int gdump_parse_proto(struct gdump_dump *d, const char *buf, size_t len,
		      struct err *e)
{
	(void)d;
	(void)buf;
	(void)len;
	return err_setf(e, "cannot read a protobuf goroutine profile: this build "
			"has no profile.proto decoder; fetch ?debug=2 or ?debug=1 instead");
}
