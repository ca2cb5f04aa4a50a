/*
 * store: the recording of a watch, in one SQLite database.
 *
 * Schema (version 1):
 *   meta(key PRIMARY KEY, value)          target, pid, interval, version
 *   segments(id, t, pid, start_ticks, reason)
 *       one per run of the target: a restart starts a new segment
 *   samples(id, segment, t, rss, threads, fds, goroutines,
 *           heap_inuse_bytes, heap_inuse_objects,
 *           heap_alloc_bytes, heap_alloc_objects, error)
 *       NULL where a value could not be sampled (never invented);
 *       error holds the messages of what failed, NULL when nothing did
 *   profiles(sample, kind, data)          raw bytes as received:
 *       kind "heap" (profile.proto, gzip), "goroutine" (debug=1 text),
 *       "dump" (the SIGQUIT traceback of `run`)
 * The database is in WAL mode and each sample (its row and its profiles)
 * is one transaction, so a crash or kill -9 loses at most the sample in
 * flight and a reader can open the file while watch writes it.
 */
#ifndef WATCH_STORE_H
#define WATCH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"
#include "../base/sb.h"
#include "watch.h"

struct watch_store;

/* Open (creating it if create, else it must exist and hold a recording).
 * NULL with e filled. */
struct watch_store *watch_store_open(const char *path, int create,
				     struct err *e);
void watch_store_close(struct watch_store *st);

int watch_store_meta_set(struct watch_store *st, const char *key,
			 const char *value, struct err *e);
/* The value into out; 1 if found, 0 if absent, -1 on error. */
int watch_store_meta_get(struct watch_store *st, const char *key,
			 struct sb *out, struct err *e);

/* Record a new segment; its id in *id. */
int watch_store_add_segment(struct watch_store *st, double t, int pid,
			    uint64_t start_ticks, const char *reason,
			    int64_t *id, struct err *e);

struct watch_blob {
	const char *kind;
	const void *data;
	size_t len;
};

/* Insert s (s->id is set) and its blobs in one transaction. */
int watch_store_add_sample(struct watch_store *st, struct watch_sample *s,
			   const struct watch_blob *blobs, size_t nblobs,
			   struct err *e);

/* Add one blob to an existing sample (e.g. the dump `run` takes at the
 * end), in its own transaction. */
int watch_store_add_blob(struct watch_store *st, int64_t sample,
			 const struct watch_blob *blob, struct err *e);

/* Load every segment and sample, in order, into w (see watch.h). */
int watch_store_load(struct watch_store *st, struct watch *w, struct err *e);

/* The blob of kind for sample id into out; 1 found, 0 absent, -1 error. */
int watch_store_get_blob(struct watch_store *st, int64_t sample,
			 const char *kind, struct sb *out, struct err *e);

#endif
