/*
 * ui: what cmd_ui.c (the command, its targets and their snapshots, the
 * server) and ui_views.c (the pages) share.
 *
 * Threads: the server's one polling thread renders every page (the pprof
 * module keeps sort state in statics, so reports must not run on two
 * threads at once); the main thread only fetches and parses snapshots of
 * URL targets.  ui.mu guards every target's snapshot list; a page takes a
 * reference to the snapshots it needs (ui_snap_get) and renders without
 * the lock.
 * Ownership: struct ui owns its targets, their snapshots (reference
 * counted, freed when the last reference goes) and the lint findings.
 */
#ifndef CLI_UI_H
#define CLI_UI_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/sb.h"
#include "../report/finding.h"

struct ui_snap {
	int refs;
	char *data;
	size_t len;
	double time;        /* when it was read, Unix seconds */
	int64_t *totals;    /* the sum of every sample type's values */
	size_t ntotals;
	/* the first read of a target keeps the profile it parsed to check
	 * it, for the first page to use instead of parsing again (owned;
	 * taken once with ui_snap_take_parsed, else freed with the snapshot) */
	struct pprof_profile *parsed;
};

struct ui_target {
	const char *src;    /* as given on the command line */
	int url;
	struct ui_snap **snap;   /* snap[0] is the first and always kept */
	size_t nsnap, cap;
	size_t dropped;     /* snapshots dropped to stay within --keep */
	char **types;       /* the first snapshot's sample types */
	size_t ntypes;
	char *error;        /* the last failed refresh, or NULL */
};

struct ui {
	pthread_mutex_t mu;
	struct ui_target *t;
	size_t nt;
	size_t keep;             /* the most snapshots kept per target */
	double refresh;          /* seconds between fetches of a URL */
	unsigned parse_flags;
	const char *src;         /* --src DIR or NULL */
	struct findings lint;    /* lint findings of --src */
	char **lint_real;        /* realpath of each lint finding's file */
	int include_tests;
	int loopback;            /* bound to loopback: check Host headers */
};

/* The latest snapshot of target i (first: the first), with a reference
 * the caller drops with ui_snap_put; NULL when the target has none. */
struct ui_snap *ui_snap_get(struct ui *u, size_t i, int first);
/* Snapshot n of target i (counted in the kept list), referenced. */
struct ui_snap *ui_snap_at(struct ui *u, size_t i, size_t n);
void ui_snap_put(struct ui *u, struct ui_snap *s);
/* The parsed profile s kept, now the caller's, or NULL (taken already). */
struct pprof_profile *ui_snap_take_parsed(struct ui *u, struct ui_snap *s);

/* A page: the server's reply.  code is the HTTP status, type the
 * Content-Type, body the bytes (owned by the page). */
struct ui_page {
	unsigned code;
	const char *type;
	struct sb body;
};

/* Render the page of path (with its query arguments looked up through
 * arg(ctx, name), NULL when absent) into pg. */
void ui_render(struct ui *u, const char *path,
	       const char *(*arg)(void *ctx, const char *name), void *ctx,
	       struct ui_page *pg);

#endif
