/*
 * watch: sample a live Go program, record every sample, decide whether it
 * leaks, and say where.
 *
 * One struct watch holds a whole recording: its samples (in memory and in
 * the SQLite store), the segments (one per run of the target), the HTTP
 * handle and the options.  watch_sample_once takes one sample: /proc for
 * RSS, threads and fds when a pid is known; /debug/pprof/heap and
 * /debug/pprof/goroutine?debug=1 when a URL is.  Whatever fails is recorded
 * as missing with its message; nothing is interpolated.
 *
 * The design decision a reader must know: the heap profile is not a live
 * figure.  Go publishes it at the end of each garbage collection, so the
 * detector takes one heap point per collection seen (a change of the
 * cumulative allocation totals marks one).  In the default gc mode "auto"
 * a sample whose profile has not changed since the previous one asks for a
 * collection (?gc=1) and takes the profile again: every sample is a fresh
 * point while the segment has few (WATCH_AUTO_GC_POINTS), and the target
 * is never collected more than once an interval on our account; later,
 * only a profile unchanged for three samples is refreshed that way.  A
 * fall of the cumulative totals means the target restarted: a new segment
 * starts, and each verdict looks at the latest segment only.
 */
#ifndef WATCH_WATCH_H
#define WATCH_WATCH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/sb.h"
#include "../base/vec.h"
#include "../report/finding.h"
#include "trend.h"

enum watch_series_id {
	WATCH_RSS,
	WATCH_THREADS,
	WATCH_FDS,
	WATCH_GOROUTINES,
	WATCH_HEAP_BYTES,     /* inuse_space of the heap profile */
	WATCH_HEAP_OBJECTS,   /* inuse_objects */
	WATCH_ALLOC_BYTES,    /* alloc_space: cumulative */
	WATCH_ALLOC_OBJECTS,  /* alloc_objects: cumulative */
	WATCH_NSERIES
};

/* "rss", "threads", "fds", "goroutines", "heap_inuse_bytes", ... (also the
 * store's column names) and the unit "bytes" or "count". */
const char *watch_series_name(enum watch_series_id id);
int watch_series_is_bytes(enum watch_series_id id);

struct watch_sample {
	int64_t id;            /* row id in the store */
	int64_t segment;       /* segment id */
	double t;              /* unix time, seconds */
	int64_t v[WATCH_NSERIES];
	unsigned have;         /* bit (1 << series): v[series] was sampled */
	const char *error;     /* what failed ("; "-joined) or NULL; arena */
	int gc_point;          /* the heap profile changed since the previous
				  one (a collection happened): a heap point */
	int64_t target;        /* the target's row in a fleet recording, 0 */
};

struct watch_segment {
	int64_t id;
	double t;
	int pid;
	uint64_t start_ticks;
	const char *reason;    /* why it started; arena */
	size_t first;          /* index of its first sample */
	int64_t target;        /* the target's row in a fleet recording, 0 */
};

enum watch_gc_mode { WATCH_GC_AUTO, WATCH_GC_ALWAYS, WATCH_GC_NEVER };

/* gc auto: while the segment has fewer heap points than this, a sample
 * whose heap profile did not change since the last one asks for a
 * collection (?gc=1) and takes the profile again; after that, only when
 * the profile has been unchanged for three samples. */
#define WATCH_AUTO_GC_POINTS 32

struct watch_options {
	const char *url;       /* base URL of net/http/pprof, or NULL */
	pid_t pid;             /* 0: none (found from a loopback URL if can) */
	double interval;       /* seconds */
	double timeout;        /* seconds, per request */
	size_t max_body;       /* bytes per response */
	enum watch_gc_mode gc;
	double warmup;         /* seconds, < 0 automatic */
	double alpha;
	int64_t limit;         /* bytes, for the projection; 0 none */
	int no_discover;       /* do not look for the pid behind a URL */
	double discover_every; /* > 0: look again for the pid of a target
				  that is down at most this often (s) */
};

void watch_options_default(struct watch_options *o);

/* A verdict on one series of the latest segment. */
struct watch_verdict {
	enum watch_series_id series;
	struct trend_result tr;
	int evaluated;         /* the series has data in this segment */
	double per_min;        /* slope per minute */
	double eta;            /* seconds until limit at this rate; < 0 none */
	const char *note;      /* why no verdict, or NULL (static) */
};

struct watch {
	struct arena arena;
	struct watch_options opt;
	VEC(struct watch_sample) samples;
	VEC(struct watch_segment) segments;
	struct watch_store *store;
	struct http_client *http;   /* base/http.h */
	struct sb body;
	char *base;            /* URL without a trailing '/' */
	int stale;             /* samples since the last heap change */
	int heap_points;       /* heap points in the latest segment */
	int64_t last_alloc[2]; /* cumulative totals of the last heap profile */
	int have_last_alloc;
	pid_t cur_pid;
	uint64_t cur_start;
	int pid_gone;          /* the --pid process exited */
	size_t nfailed;        /* samples with nothing at all */
	VEC(const char *) events; /* restarts and other notes; arena */
	/* the decoder of heap totals, set by watch_init when the pprof module
	 * is there; NULL leaves the heap series missing */
	/* Without a URL: an outside source of the live heap (run reads it
	 * from GODEBUG=gctrace=1), or NULL.  It returns 1 and fills the live
	 * heap after the latest collection and an estimate of the bytes
	 * allocated so far (which changes at every collection, so heap
	 * points are found as with profiles), 0 before any collection. */
	int (*heap_source)(void *arg, int64_t *live, int64_t *alloc);
	void *heap_source_arg;
	/* a member of a fleet (fleet.c): its row in the recording's targets
	 * table (0: a single-target recording) */
	int64_t target_id;
	double last_discover;  /* unix time of the last pid discovery */
};

/* Set w up for o (copied; strings must outlive w).  store may be NULL (no
 * recording).  Returns 0, or -1 with e filled. */
int watch_init(struct watch *w, const struct watch_options *o,
	       struct watch_store *store, struct err *e);
void watch_release(struct watch *w);

/* Take one sample at unix time now and record it.  Parts that fail are
 * missing in the sample, with their message in sample->error.  Returns 0,
 * or -1 with e filled when the sample could not be stored. */
int watch_sample_once(struct watch *w, double now, struct err *e);

/* The same sample in steps, for callers that run the requests of many
 * targets at once (fleet.c): watch_step_begin does the /proc part and
 * returns 1 with the next request (the URL to GET into *body), or 0 when
 * there is none; the outcome of each request (rc and fe as http_get's) goes
 * to watch_step_next, which returns the next one the same way; then
 * watch_step_finish stores and appends the sample (as watch_sample_once)
 * and releases st.  watch_step_release frees st when it is dropped. */
struct watch_step {
	struct watch_sample s;
	struct sb errs, url, heap, again, gor;
	int phase, got, have_gor;
	int64_t tot[4];
	const char *restart;
	char restart_buf[256];
};
int watch_step_begin(struct watch *w, struct watch_step *st, double now,
		     const char **url, struct sb **body);
int watch_step_next(struct watch *w, struct watch_step *st, int rc,
		    const struct err *fe, const char **url, struct sb **body);
int watch_step_finish(struct watch *w, struct watch_step *st, struct err *e);
void watch_step_release(struct watch_step *st);
/* The request options of w's samples (timeout, body limit). */
struct http_opts;
void watch_http_opts(const struct watch *w, struct http_opts *o);

/* 1 if no sample got anything from the target: nothing from the URL when
 * one is watched (even if /proc answered), else nothing from /proc. */
int watch_never_sampled(const struct watch *w);

/* The last sample, or NULL. */
const struct watch_sample *watch_last(const struct watch *w);

/* Verdicts for the series of the latest segment into v[WATCH_NSERIES]
 * (only RSS, fds, goroutines, heap bytes and objects are judged). */
void watch_evaluate(const struct watch *w, struct watch_verdict *v);
/* 1 if any verdict in v is a leak. */
int watch_any_leak(const struct watch_verdict *v);

/* Findings for the verdicts: one per growing series, then the sites that
 * grew (heap allocation sites, goroutine groups) when the profiles allow.
 * Returns the number added. */
size_t watch_findings(struct watch *w, const struct watch_verdict *v,
		      struct findings *fs);

/* The JSON members ,"target":...,"segments":...,"series":[...] for
 * report_write_json's extra. */
void watch_json_extra(const struct watch *w, const struct watch_verdict *v,
		      struct sb *out);

/* Format a value of series id for people: "12.3 MB", "1234". */
void watch_fmt_value(struct sb *out, enum watch_series_id id, double v);

/* ---- the Prometheus exposition and the status page (export.c) ---- */

/* A Prometheus label value into out: backslash, double quote and newline
 * escaped (the same in the text format and OpenMetrics). */
void watch_label_value(struct sb *out, const char *s);

/* The top growing site of a series, for the labels of its verdict; file
 * NULL or "" when unknown.  Strings are borrowed. */
struct watch_metrics_site {
	const char *file;
	int line;
	const char *function;
};

/* What the HTTP side of `watch --listen` shows of one target: numbers and
 * strings copied out of a watch after a sample, so that another thread can
 * render them while the watch goes on.  Owns its strings
 * (watch_snap_release). */
struct watch_snap {
	char *target;              /* base URL, or "pid:N" */
	char *labels;              /* more labels of every sample, escaped
				      (instance="a:1",job="api"), or NULL:
				      the target's in a fleet (the caller's) */
	double last_t;             /* unix time of the latest sample, or 0 */
	int64_t last[WATCH_NSERIES];
	unsigned have;             /* bit (1 << series): last[series] known */
	struct watch_snap_series {
		int judged;        /* a verdict exists (after the warm-up) */
		int leak;          /* the trend test calls it a leak */
		double slope;      /* fitted rate, per second */
		double p;          /* p-value of the latest look */
		char *file;        /* top growing site of a leak, or NULL */
		int line;
		char *function;
	} s[WATCH_NSERIES];
	size_t samples, errors;    /* samples taken; of which some part failed */
	double last_ok;            /* unix time of the last clean sample, or 0 */
	char *last_error;          /* the latest sample's error, or NULL */
};

/* Fill s from w, its verdicts v (v[WATCH_NSERIES], or NULL before any
 * evaluation) and the sites site[WATCH_NSERIES] (or NULL); s is
 * overwritten (release it first when reused). */
void watch_snap_take(struct watch_snap *s, const struct watch *w,
		     const struct watch_verdict *v,
		     const struct watch_metrics_site *site);
void watch_snap_release(struct watch_snap *s);

/* leakhound's own process, for the process_* families (proc_usage). */
struct proc_usage;

/* Requests answered by the HTTP side, one counter per handler and format
 * (leakhound_http_requests_total). */
struct watch_metrics_requests {
	const char *handler;       /* "/metrics", "/", "/report", "other" */
	const char *format;        /* "text", "openmetrics", "html" */
	uint64_t n;
};

enum watch_metrics_format {
	WATCH_METRICS_TEXT,        /* Prometheus text format 0.0.4 */
	WATCH_METRICS_OPENMETRICS, /* OpenMetrics 1.0.0 text */
};

/* Append to out the exposition of the targets t[0..n): per target and
 * series the last value, the fitted growth rate, the verdict (0/1) with
 * the top growing site as labels of a leak, and its p-value; the
 * sampler's health per target; leakhound's own process (self, or NULL)
 * and its HTTP requests (req[0..nreq)).  OpenMetrics names counter
 * families without _total, declares units and ends with "# EOF".  See
 * docs/watch.md for the names. */
void watch_metrics_write(struct sb *out, enum watch_metrics_format f,
			 const struct watch_snap *const *t, size_t n,
			 const struct proc_usage *self,
			 const struct watch_metrics_requests *req, size_t nreq);

/* Append to out the HTML status page of `watch --listen` (every string
 * escaped): per target its health, each series' last value, growth,
 * verdict and p-value, the top growing site of a leak, and a link to
 * /report?target=TARGET.  In status.c. */
void watch_status_html(struct sb *out, const struct watch_snap *const *t,
		       size_t n);

/* ---- the sampling loop (loop.c) ---- */

struct watch_loop {
	double duration;        /* seconds; <= 0 until stopped */
	int until_verdict;      /* stop at the first leak verdict (the test
				   is sequential, see trend.h) */
	volatile int *stop;     /* set from a signal handler to stop */
	/* called after each sample with the current verdicts; returning
	 * non-zero stops the loop (e.g. the program being run exited) */
	int (*on_sample)(struct watch *w, const struct watch_verdict *v,
			 void *arg);
	void *arg;
};

/* Sample every w->opt.interval on a fixed schedule (a slow sample skips
 * the slots it overran) until the duration, a stop, a verdict (if asked)
 * or the end of a --pid process.  Verdicts of the last evaluation into
 * v[WATCH_NSERIES].  Returns 0, or -1 with e filled when the store fails. */
int watch_run_loop(struct watch *w, const struct watch_loop *l,
		   struct watch_verdict *v, struct err *e);

/* How many leak verdicts in a row --until-verdict needs now: 1, since the
 * trend test spends its error budget over its looks (kept so callers need
 * not change; WATCH_UNTIL_MIN_SAMPLES is no longer used by it). */
#define WATCH_UNTIL_MIN_SAMPLES 16
int watch_streak_needed(const struct watch *w);

/* Monotonic and wall clocks, seconds. */
double watch_now_mono(void);
double watch_now_wall(void);

/* ---- the live view (view.c): strings for the command to print ---- */

/* The full-screen block for a terminal: a header, one line per series with
 * its value, a sparkline and the verdict so far, the last gap.  color 0:
 * no bold or red (NO_COLOR), only the erase-to-end-of-line codes. */
void watch_view_tty(const struct watch *w, const struct watch_verdict *v,
		    int color, struct sb *out);
/* One plain line for the last sample (and a line per gap or restart). */
void watch_view_line(const struct watch *w, struct sb *out);
/* The final summary table (text format). */
void watch_view_summary(const struct watch *w, const struct watch_verdict *v,
			struct sb *out);
/* "12.3 MB/min" and friends. */
void watch_fmt_rate(struct sb *out, enum watch_series_id id, double per_min);
/* Parse "250ms", "1s", "2m", "1h", "1.5" (seconds): seconds, or -1. */
double watch_parse_duration(const char *s);
/* Parse "512MiB", "1G", "2GB", "1000000" (bytes): bytes, or -1. */
int64_t watch_parse_size(const char *s);

/* Findings for the goroutine groups of cur: with old, the groups that grew
 * since old (gdump_compare is run on cur); without, the groups gdump ranks
 * as leak suspects.  Each names the blocking frame in the user's code.
 * Returns the number added (at most five). */
struct gdump_groups;
size_t watch_group_findings(struct gdump_groups *cur,
			    const struct gdump_groups *old,
			    struct findings *fs);

/* --src DIR: run the lint rules on DIR and cite, on each located finding
 * of fs (growing allocation sites and goroutine groups), the lint findings
 * of the same function.  The _test.go files of DIR are linted too when
 * include_tests is set or when a finding of fs is in one.  Returns the
 * number of citations; 0 with e set when DIR cannot be linted. */
size_t watch_src_link(struct findings *fs, const char *dir, int include_tests,
		      struct err *e);

/* Resume: after watch_store_load, restore the sampler's state from the
 * recorded samples. */
void watch_resume_state(struct watch *w);

#endif
