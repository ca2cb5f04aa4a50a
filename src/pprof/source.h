/*
 * source: read the bytes of a profile or dump from wherever the user points.
 *
 * A source is a file path, "-" for standard input, or an http:// or https://
 * URL (fetched with libcurl), e.g. http://127.0.0.1:6060/debug/pprof/heap or
 * .../profile?seconds=5.  Every source is bounded: a body larger than
 * max_bytes is refused, a URL has a connect timeout and a total timeout (a
 * `seconds=N` query parameter adds N seconds to the total, since the server
 * answers only after N seconds).  Used by top/list/flame, goroutines and
 * watch alike.
 */
#ifndef PPROF_SOURCE_H
#define PPROF_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/err.h"

struct pprof_source_opts {
	long connect_timeout_ms;  /* 0: 5000 */
	long timeout_ms;          /* 0: 60000 (plus any seconds=N) */
	size_t max_bytes;         /* 0: 512 MiB */
};

#define PPROF_SOURCE_OPTS_INIT { 0, 0, 0 }

/* Set the options used by pprof_source_read(src, NULL, ...), and so by
 * every reader of profiles and dumps that passes none (pprof_load, the dump
 * fetcher).  Zero fields keep their defaults. */
void pprof_source_set_defaults(const struct pprof_source_opts *o);

/* True if src is an http:// or https:// URL. */
bool pprof_source_is_url(const char *src);

/* Read the whole source into a NUL-terminated heap buffer (caller frees) and
 * set *len.  opts may be NULL for the defaults.  On error returns NULL and
 * fills e with a message that names the source:
 *     cannot read 'heap.pb.gz': No such file or directory
 *     cannot fetch 'http://127.0.0.1:6060/debug/pprof/heap': connection refused
 *     cannot fetch 'http://.../debug/pprof/nope': HTTP 404 Not Found: unknown profile
 *     cannot fetch 'http://...': body exceeds N bytes
 * (base/http.h has every wording). */
char *pprof_source_read(const char *src, const struct pprof_source_opts *opts,
			size_t *len, struct err *e);

#endif
