/*
 * watch_int: what the files of src/watch share and nobody else needs.
 */
#ifndef WATCH_WATCH_INT_H
#define WATCH_WATCH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"
#include "watch.h"

/* heap.c: the totals of a heap profile (any form the pprof module reads):
 * out[0..4) = inuse_space, inuse_objects, alloc_space, alloc_objects, as
 * pprof reports them (sampling already scaled by Go).  0, or -1 with e
 * filled when the bytes are not a heap profile. */
int watch_heap_totals(const void *data, size_t len, int64_t out[4],
		      struct err *e);

/* The goroutine count of a "goroutine profile: total N" text; 0, or -1
 * with e filled. */
int watch_goroutine_total(const char *text, size_t len, int64_t *out,
			  struct err *e);

/* attrib.c: the located findings behind the verdicts in v (allocation
 * sites, goroutine groups); the number added. */
size_t watch_findings_sites(struct watch *w, const struct watch_verdict *v,
			    struct findings *fs);

/* The message of a related location that made HTTP requests, on an
 * http-connection-growth finding (srclink looks for it). */
#define WATCH_REQUEST_SITE "HTTP requests made here"
/* The sentence of that finding after which come the hints that srclink
 * replaces when it names the line. */
#define WATCH_HTTP_WHY "A response whose body is never closed keeps its " \
	"connection, two goroutines and their buffers"

/* The port of a loopback http URL (127.0.0.1, localhost, [::1]), or 0. */
int watch_loopback_port(const char *url);

/* Index range [*lo, *hi) of the samples of the latest segment. */
void watch_segment_range(const struct watch *w, size_t *lo, size_t *hi);

#endif
