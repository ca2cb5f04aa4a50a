/*
 * watch_cli: what `watch` and `run` share in the command layer: options,
 * the recording's setup, the live view and the final report.
 */
#ifndef CLI_WATCH_CLI_H
#define CLI_WATCH_CLI_H

#include <stdio.h>

#include "../report/finding.h"
#include "../watch/store.h"
#include "../watch/watch.h"

struct option;

struct watch_cli {
	struct watch_options o;
	double duration;
	int until_verdict, json, quiet, interval_set;
	int sarif, ci;      /* --format sarif, or a CI format (enum report_format) */
	const char *cmd;    /* "watch" or "run": names the SARIF tool */
	const char *db, *resume, *output, *src;
	int include_tests;  /* --include-tests: --src lints _test.go files */
	const char *html;   /* --html FILE: also write the report page */
	int argc;           /* the command line, for the page's footer */
	char **argv;
	char *resume_url, *db_path;
	/* live view */
	FILE *live;
	int tty, drawn;     /* tty: redraw in place (not TERM=dumb) */
	int color;          /* tty and no NO_COLOR */
	int live_lines;     /* run --live: plain lines on stderr */
	/* watch --listen ADDR: the /metrics server (listen.c), or NULL */
	const char *listen;
	struct watch_listen *server;
	/* run: polled after each sample; non-zero stops the loop */
	int (*child_done)(struct watch_cli *c);
	void *child;
};

const struct option *watch_cli_options(void);
int watch_cli_option(const char *cmd, int opt, const char *arg,
		     struct watch_cli *c);
void watch_cli_signals(volatile int **flag);
int watch_cli_setup(const char *cmd, struct watch_cli *c, struct watch *w,
		    struct watch_store **st);
int watch_cli_loop(struct watch_cli *c, struct watch *w,
		   struct watch_verdict *v);
int watch_cli_report(struct watch_cli *c, struct watch *w,
		     const struct watch_verdict *v, struct findings *fs,
		     const char *extra_json, const char *extra_text);
void watch_cli_release(struct watch_cli *c);
/* --src: cite lint findings on the located findings (warns on error). */
void watch_cli_src_link(struct watch_cli *c, struct findings *fs);

/* listen.c: the HTTP server of `watch --listen` (/metrics, the status page
 * at /, /report?target=).  listen_start parses ADDR (HOST:PORT,
 * [V6]:PORT, :PORT for loopback; port 0 picks a free one and says which on
 * stderr), warns when it is not loopback, and serves from its own threads;
 * NULL after an error (said on stderr).  listen_update takes a snapshot
 * of w after a sample (v may be NULL), replacing the one of the same
 * target; the server threads read only snapshots.  listen_set_report names
 * the recording (and --src) /report builds pages from, with `leakhound
 * report` in a child process.  listen_stop stops and frees.
 * listen_wants_openmetrics: 1 if an Accept header prefers OpenMetrics. */
struct watch_listen;
int listen_addr_ok(const char *addr);
struct watch_listen *listen_start(const char *addr);
void listen_update(struct watch_listen *l, struct watch *w,
		   const struct watch_verdict *v);
void listen_set_report(struct watch_listen *l, const char *db,
		       const char *src);
void listen_stop(struct watch_listen *l);
int listen_wants_openmetrics(const char *accept);
/* The snapshots of every target of a fleet, with its labels: a member
 * with a new sample gets a new one, a removed member drops out. */
struct watch_fleet;
void listen_update_fleet(struct watch_listen *l, struct watch_fleet *f);

/* watch_fleet.c: `watch --targets FILE` (c parsed by cmd_watch). */
int watch_cli_fleet(struct watch_cli *c, const char *targets,
		    double retention);

struct gdump_groups;
/* The findings `goroutines` gives for the suspects of gs (the same rule
 * ids, severities and, with srcdir, --src explanations and promotions), so
 * that run reports its dump the way `goroutines` reports the same dump.
 * May re-sort gs.  In cmd_goroutines.c. */
void cli_goroutine_findings(struct gdump_groups *gs, const char *srcdir,
			    struct findings *fs);

#endif
