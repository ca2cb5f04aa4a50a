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
 *   targets(id, url, instance, labels)    a fleet's targets (watch
 *       --targets); labels a JSON object.  segments and samples then
 *       carry the target's id in their column target (NULL otherwise;
 *       the column is added to an older recording when it is resumed)
 *   profiles(sample, kind, data)          raw bytes as received:
 *       kind "heap" (profile.proto, gzip), "goroutine" (debug=1 text),
 *       "dump" (the SIGQUIT traceback of `run`)
 * The database is in WAL mode and each sample (its row and its profiles)
 * is one transaction, so a crash or kill -9 loses at most the sample in
 * flight and a reader can open the file while watch writes it.
 *
 * One writer per recording: a writer (WATCH_STORE_NEW or _RESUME) holds an
 * exclusive flock(2) on the database file for as long as it is open; the
 * kernel drops it when the process ends, even by kill -9, so a stale lock
 * cannot exist.  flock locks are independent of the fcntl locks SQLite
 * takes, and the descriptor is closed only after SQLite has closed the
 * file (closing another descriptor of the file would drop SQLite's fcntl
 * locks).  Readers (WATCH_STORE_READ) take no such lock.
 *
 * The WAL is checkpointed into the main file every
 * WATCH_STORE_CHECKPOINT_S seconds of writing and at close, so between
 * two checkpoints the recording is the .db file and its -wal file.
 */
#ifndef WATCH_STORE_H
#define WATCH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"
#include "../base/sb.h"
#include "watch.h"

struct watch_store;

enum watch_store_mode {
	/* a new recording: the file must not exist or be empty (an existing
	 * recording is refused, pointing at --resume) */
	WATCH_STORE_NEW,
	/* continue the recording in an existing file */
	WATCH_STORE_RESUME,
	/* read a recording (report): no writer lock, nothing written */
	WATCH_STORE_READ,
};

#define WATCH_STORE_CHECKPOINT_S 30.0

/* Open path in mode.  NULL with e filled: "not a leakhound recording"
 * (another SQLite database, or what the file looks like), "already a
 * leakhound recording" (NEW), "written by another leakhound (pid N)"
 * (a writer holds it). */
struct watch_store *watch_store_open(const char *path,
				     enum watch_store_mode mode,
				     struct err *e);
/* Checkpoint the WAL into the database file (at close too). */
void watch_store_close(struct watch_store *st);
int watch_store_checkpoint(struct watch_store *st, struct err *e);

int watch_store_meta_set(struct watch_store *st, const char *key,
			 const char *value, struct err *e);
/* The value into out; 1 if found, 0 if absent, -1 on error. */
int watch_store_meta_get(struct watch_store *st, const char *key,
			 struct sb *out, struct err *e);

/* Record a new segment (of target, 0 for none); its id in *id. */
int watch_store_add_segment(struct watch_store *st, double t, int pid,
			    uint64_t start_ticks, const char *reason,
			    int64_t target, int64_t *id, struct err *e);

/* A fleet recording (watch --targets): the row of the target url, made or
 * updated with its instance and labels (a JSON object); its id in *id. */
int watch_store_add_target(struct watch_store *st, const char *url,
			   const char *instance, const char *labels,
			   int64_t *id, struct err *e);
/* Call each for every target row (until it returns non-zero); the number
 * of rows (0 for a single-target recording), or -1 with e filled. */
int watch_store_targets(struct watch_store *st,
			int (*each)(void *arg, int64_t id, const char *url,
				    const char *instance, const char *labels),
			void *arg, struct err *e);
/* Retention: delete the samples (and their profiles) older than before
 * (unix time) and the segments left empty, one transaction; the number of
 * samples deleted, or -1 with e filled. */
int watch_store_prune(struct watch_store *st, double before, struct err *e);

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
/* The same for the rows of one target of a fleet recording (0: all). */
int watch_store_load_target(struct watch_store *st, struct watch *w,
			    int64_t target, struct err *e);

/* The blob of kind for sample id into out; 1 found, 0 absent, -1 error. */
int watch_store_get_blob(struct watch_store *st, int64_t sample,
			 const char *kind, struct sb *out, struct err *e);

#endif
