/*
 * gdump_int: what the parsers of src/gdump share and nobody else needs.
 */
#ifndef GDUMP_GDUMP_INT_H
#define GDUMP_GDUMP_INT_H

#include "gdump.h"

/* Like gdump_add, but every string of g and frames is already interned in
 * d (so only the stack is interned). */
struct gdump_goroutine *gdump_add_interned(struct gdump_dump *d,
					   const struct gdump_goroutine *g,
					   const struct gdump_frame *frames,
					   size_t nframes);

/* The traceback and debug=1 parsers; return the number of records added. */
size_t gdump_parse_traceback(struct gdump_dump *d, const char *buf, size_t len);
size_t gdump_parse_debug1(struct gdump_dump *d, const char *buf, size_t len);

/* For aggregated formats (debug=1, protobuf), whose stacks include the
 * runtime frames a traceback hides: infer the wait reason from those frames
 * (runtime.chanrecv -> "chan receive", ...), then drop the frames a
 * traceback would not print, so the stacks group and compare like
 * debug=2 ones.  Returns the new frame count (frames edited in place). */
size_t gdump_normalize_aggregated(struct gdump_dump *d,
				  struct gdump_frame *frames, size_t n,
				  const char **state);

#endif
