/*
 * fleet: `watch --targets FILE`, many targets watched from one thread.
 *
 * Each target is a struct watch of its own (its samples, segments,
 * verdicts), sampled on its own fixed schedule: slots start +
 * offset + k*interval, the offsets spread over the first interval so the
 * requests of many targets do not all leave at once.  A sample's requests
 * go through one libcurl multi handle (base/http.h), so a target that is
 * slow, dead or answers garbage holds up only its own sample; a target
 * whose previous sample is still running when its slot comes skips that
 * slot (counted).  The delay of a sample is how late it started after its
 * slot: the figure that says whether one target held up the others.
 *
 * The targets file is checked (mtime and size) at most once a second and
 * re-read when it changed: a target added starts, one removed stops (its
 * samples stay in the recording and its last verdict in the report), one
 * whose labels changed keeps its samples with the new labels.  A file that
 * no longer parses keeps the previous list (an event says why).
 *
 * All targets record into one store, rows keyed by the target's id (its
 * row in the targets table).  With a retention, samples older than it are
 * deleted from the store and from memory every minute.
 *
 * Ownership: the fleet owns its members and their watches, the multi
 * handle and its event strings; the store and the path are the caller's.
 */
#ifndef WATCH_FLEET_H
#define WATCH_FLEET_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../base/err.h"
#include "../base/vec.h"
#include "targets.h"
#include "watch.h"

struct watch_store;
struct http_multi;

struct watch_fleet_member {
	struct watch w;
	struct watch_step step;
	struct watch_verdict v[WATCH_NSERIES];
	char *url, *instance;
	struct watch_label *labels;   /* owned copies, sorted by name */
	size_t nlabels;
	char *labels_json;            /* {"job":"api",...} */
	char *prom_labels;            /* instance="a:1",job="api" (escaped) */
	int busy;                     /* a sample is in flight */
	int removed;                  /* no longer in the file */
	int leak;                     /* the last verdict was a leak */
	int failing;                  /* the last sample got nothing */
	int discover;                 /* find its pid (a loopback URL) */
	double set_interval, set_timeout; /* the file's, 0 if not set */
	size_t set_max_body;
	double next;                  /* CLOCK_MONOTONIC of the next slot */
	double max_delay, sum_delay;  /* seconds a sample started late */
	size_t nstarted, skipped;     /* samples started; slots skipped */
	struct watch_fleet *fleet;
};

struct watch_fleet {
	struct watch_options opt;     /* for every target (url unset) */
	const char *path;
	time_t mtime;
	long mtime_ns;
	off_t size;
	double last_check;            /* CLOCK_MONOTONIC of the last stat */
	struct watch_store *store;
	struct http_multi *multi;
	VEC(struct watch_fleet_member *) members;
	double retention;             /* seconds; 0: keep everything */
	double last_prune;
	double last_discover;         /* CLOCK_MONOTONIC of the last scan */
	size_t pruned;                /* samples deleted by the retention */
	VEC(char *) events;           /* for the command to print (drained) */
	int failed;                   /* the store failed: err says why */
	struct err err;
	size_t nurl;                  /* targets written as full URLs */
	const struct watch_fleet_loop *loop;  /* while running */
};

struct watch_fleet_loop {
	double duration;              /* seconds; <= 0 until stopped */
	volatile int *stop;
	/* after each finished sample (m->v holds its verdicts) */
	void (*on_sample)(struct watch_fleet *f, struct watch_fleet_member *m,
			  void *arg);
	void *arg;
};

/* Load the targets file path (e filled on error: the file's message) and
 * set up a member per target.  store may be NULL. */
int watch_fleet_init(struct watch_fleet *f, const char *path,
		     const struct watch_options *opt,
		     struct watch_store *store, double retention,
		     struct err *e);
void watch_fleet_release(struct watch_fleet *f);

/* Run until the duration or a stop.  0, or -1 with e filled when the
 * store failed. */
int watch_fleet_run(struct watch_fleet *f, const struct watch_fleet_loop *l,
		    struct err *e);

/* Re-read the targets file if it changed (the loop does it each second);
 * 1 if the list changed, 0 if not, -1 if the file is bad (an event says
 * so; the list is kept). */
int watch_fleet_reload(struct watch_fleet *f, int force);

/* Drop the samples of w older than before (unix time) from memory, but
 * never the last one; segments left empty go too, the latest stays. */
void watch_prune_before(struct watch *w, double before);

#endif
