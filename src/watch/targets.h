/*
 * targets: the target list of `watch --targets FILE`, in the format of
 * Prometheus' file-based service discovery: a list of groups
 *
 *     [{"targets": ["host:port", ...], "labels": {"name": "value", ...}}]
 *
 * in JSON (read with jansson) or the same in YAML (libyaml).  The format
 * is told by the file name (.json; .yml or .yaml), else by the first
 * character that is not blank ('[' or '{' is JSON).
 *
 * A target is host:port (the pprof base URL is http://host:port) or, as a
 * leakhound extension, a full http(s) URL (nurl counts them so the command
 * can say so).  Label names are checked as Prometheus checks them
 * ([a-zA-Z_][a-zA-Z0-9_]*); names starting with "__" are Prometheus'
 * internal labels: accepted and dropped, as Prometheus drops them after
 * relabelling, except four that set how the group's targets are sampled:
 * __scrape_interval__ and __scrape_timeout__ (Prometheus' own, durations
 * such as 15s or 500ms), __leakhound_max_body__ (a size such as 64MiB)
 * and __scheme__ (http or https).  "instance" replaces the default instance (host:port);
 * "target", "series", "file", "line" and "function" are refused, being
 * labels leakhound sets itself.  A key other than targets and labels, a
 * target listed twice or a label given twice is an error.
 *
 * Every error names the file, line and column (1-based) and byte offset:
 *     targets.yml:4:7 (byte 52): label name '1x' is not valid ...
 *
 * Ownership: a watch_targets owns an arena holding every string and array
 * of its items; watch_targets_release frees all.  No printing, no exit.
 */
#ifndef WATCH_TARGETS_H
#define WATCH_TARGETS_H

#include <stddef.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/vec.h"

/* The largest targets file read (bytes). */
#define WATCH_TARGETS_MAX_FILE ((size_t)64 << 20)

struct watch_label {
	const char *name, *value;
};

struct watch_target {
	const char *url;        /* pprof base URL, no trailing '/' */
	const char *instance;   /* the instance label: host:port by default */
	struct watch_label *labels; /* the group's labels, sorted by name,
				       without instance and __ names */
	size_t nlabels;
	unsigned long line;     /* where the target is written (1-based) */
	double interval;        /* seconds, 0: the command's --interval */
	double timeout;         /* seconds, 0: the command's --timeout */
	size_t max_body;        /* bytes, 0: the command's --max-input */
};

struct watch_targets {
	struct arena arena;
	VEC(struct watch_target) items;
	size_t nurl;            /* targets written as full URLs */
};

void watch_targets_init(struct watch_targets *t);
void watch_targets_release(struct watch_targets *t);

/* Parse len bytes of data (named name in errors) into t (appended).
 * Returns 0, or -1 with e filled; t is then empty. */
int watch_targets_parse(struct watch_targets *t, const char *name,
			const char *data, size_t len, struct err *e);

/* Read and parse the file path.  Same return. */
int watch_targets_load(struct watch_targets *t, const char *path,
		       struct err *e);

/* The target of t with this URL, or NULL. */
const struct watch_target *watch_targets_find(const struct watch_targets *t,
					      const char *url);

/* 1 if a and b carry the same instance, labels and sampling settings. */
int watch_target_same_labels(const struct watch_target *a,
			     const struct watch_target *b);

#endif
