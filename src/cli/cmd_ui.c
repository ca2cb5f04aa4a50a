/*
 * ui: a local web UI on profiles, like `go tool pprof -http`, served with
 * GNU libmicrohttpd (httpd.c).
 *
 * Every view is one of leakhound's reports run on the profile's bytes,
 * parsed again for each page (a report filters its profile in place), so
 * a page shows what the matching command prints: Top is `top`, Flame is
 * `flame`, Source is `list`, Peek is `top --peek`/`--tree`, Graph is
 * `graph`.  A URL target is read again every --refresh; its snapshots are
 * kept (the first always, then the latest --keep) for the Trend view.
 * The pages are in ui_views.c; this file holds the command, the targets
 * and the server.
 */
#include "cli.h"
#include "httpd.h"
#include "pprof_opts.h"
#include "ui.h"
#include "../base/xalloc.h"
#include "../lint/lint.h"
#include "../pprof/pprof.h"
#include "../pprof/source.h"
#include "../watch/watch.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char cmd_ui_help[] =
"NAME\n"
"    leakhound ui - a local web UI on profiles, like go tool pprof -http\n"
"\n"
"SYNOPSIS\n"
"    leakhound ui [options] PROFILE|URL...\n"
"\n"
"DESCRIPTION\n"
"    Serves pages on the profiles (files or http(s):// URLs) and prints the\n"
"    address to open. Views: Top (leakhound top), Graph (the call graph of\n"
"    leakhound graph), Flame (leakhound flame), Source (leakhound list),\n"
"    Peek (leakhound top --peek), and for a URL Trend: the totals of every\n"
"    snapshot and what grew between the first and the latest (top --base).\n"
"    A form on every page sets the sample index, focus, ignore, hide, show,\n"
"    node count and a search expression (filters Top's rows, marks the\n"
"    matches elsewhere).\n"
"    A URL is read again every --refresh. Stop with Ctrl-C.\n"
"\n"
"OPTIONS\n"
"    --listen HOST:PORT      where to serve (default 127.0.0.1:8081; port 0\n"
"                            picks a free one); a warning is printed when it\n"
"                            is not a loopback address\n"
"    --refresh D             read URL targets again every D (default 10s)\n"
"    --keep N                snapshots kept per URL besides the first\n"
"                            (default 100)\n"
"    --src DIR               look for source files under DIR (Source view)\n"
"                            and show the lint findings of DIR on the same\n"
"                            lines; Trend cites them on the sites that grew\n"
"    --include-tests         with --src, lint _test.go files too\n"
"    --timeout D, --max-input SIZE, --symbolize comments\n"
"                            as for leakhound top\n"
"\n"
"EXIT STATUS\n"
"    0 after Ctrl-C, 2 unreadable profile or address, 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound ui heap.pb.gz\n"
"    leakhound ui --refresh 5s --src . http://127.0.0.1:6060/debug/pprof/heap\n";

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void snap_free(struct ui_snap *s)
{
	pprof_profile_free(s->parsed);
	free(s->data);
	free(s->totals);
	free(s);
}

struct ui_snap *ui_snap_get(struct ui *u, size_t i, int first)
{
	struct ui_snap *s = NULL;
	struct ui_target *t;

	pthread_mutex_lock(&u->mu);
	t = &u->t[i];
	if (t->nsnap) {
		s = t->snap[first ? 0 : t->nsnap - 1];
		s->refs++;
	}
	pthread_mutex_unlock(&u->mu);
	return s;
}

struct ui_snap *ui_snap_at(struct ui *u, size_t i, size_t n)
{
	struct ui_snap *s = NULL;

	pthread_mutex_lock(&u->mu);
	if (n < u->t[i].nsnap) {
		s = u->t[i].snap[n];
		s->refs++;
	}
	pthread_mutex_unlock(&u->mu);
	return s;
}

struct pprof_profile *ui_snap_take_parsed(struct ui *u, struct ui_snap *s)
{
	struct pprof_profile *p;

	pthread_mutex_lock(&u->mu);
	p = s->parsed;
	s->parsed = NULL;
	pthread_mutex_unlock(&u->mu);
	return p;
}

void ui_snap_put(struct ui *u, struct ui_snap *s)
{
	int last;

	if (!s)
		return;
	pthread_mutex_lock(&u->mu);
	last = --s->refs == 0;
	pthread_mutex_unlock(&u->mu);
	if (last)
		snap_free(s);
}

/* Read target t once: a new snapshot (parsed to check it and to sum its
 * totals), or NULL with e filled. */
static struct ui_snap *read_snap(struct ui *u, struct ui_target *t,
				 char ***types, size_t *ntypes, struct err *e)
{
	struct pprof_profile *p;
	struct ui_snap *s;
	char *data;
	size_t len, i, j;

	data = pprof_source_read(t->src, NULL, &len, e);
	if (!data)
		return NULL;
	p = pprof_profile_parse_flags(data, len, t->src, u->parse_flags, e);
	if (!p) {
		free(data);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->refs = 1;
	s->data = data;
	s->len = len;
	s->time = now();
	s->ntotals = p->nsample_type;
	s->totals = xcalloc(p->nsample_type + 1, sizeof(*s->totals));
	for (i = 0; i < p->nsample; i++)
		for (j = 0; j < p->nsample_type; j++)
			s->totals[j] += p->sample[i].value[j];
	if (types) {
		*ntypes = p->nsample_type;
		*types = xcalloc(p->nsample_type + 1, sizeof(**types));
		for (j = 0; j < p->nsample_type; j++)
			(*types)[j] = xstrdup(p->sample_type[j].type);
		/* the target's first read: its first page needs this profile */
		s->parsed = p;
		p = NULL;
	}
	pprof_profile_free(p);
	return s;
}

/* Append s to t's list, dropping the oldest but the first beyond keep. */
static void add_snap(struct ui *u, struct ui_target *t, struct ui_snap *s)
{
	struct ui_snap *old = NULL;

	pthread_mutex_lock(&u->mu);
	if (t->nsnap > u->keep) {
		old = t->snap[1];
		memmove(t->snap + 1, t->snap + 2, (t->nsnap - 2) * sizeof(*t->snap));
		t->nsnap--;
		t->dropped++;
	}
	t->snap = xgrow(t->snap, sizeof(*t->snap), t->nsnap + 1, &t->cap);
	t->snap[t->nsnap++] = s;
	free(t->error);
	t->error = NULL;
	pthread_mutex_unlock(&u->mu);
	ui_snap_put(u, old);
}

static void refresh_error(struct ui *u, struct ui_target *t, const char *msg)
{
	pthread_mutex_lock(&u->mu);
	free(t->error);
	t->error = xstrdup(msg);
	pthread_mutex_unlock(&u->mu);
}

/* --src: lint DIR once; the findings are matched to profile lines. */
static int lint_src(struct ui *u)
{
	struct lint_options o;
	struct lint_result res;
	struct err e = ERR_INIT;
	char *paths[1];
	size_t i;

	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	o.include_tests = u->include_tests;
	o.include_commands = 1;   /* the profile shows what repeats */
	paths[0] = (char *)u->src;
	if (lint_run(&o, paths, 1, &u->lint, &res, &e) < 0) {
		cli_error("--src: %s", e.msg);
		lint_result_release(&res);
		return -1;
	}
	for (i = 0; i < res.nerrors; i++)
		cli_warn("%s", res.errors[i]);
	lint_result_release(&res);
	u->lint_real = xcalloc(u->lint.items.len + 1, sizeof(*u->lint_real));
	for (i = 0; i < u->lint.items.len; i++)
		u->lint_real[i] = realpath(u->lint.items.items[i]->loc.file, NULL);
	return 0;
}

struct conn_args {
	struct MHD_Connection *conn;
};

static const char *conn_arg(void *ctx, const char *name)
{
	struct conn_args *c = ctx;

	return MHD_lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND, name);
}

static cli_mhd_result answer(void *cls, struct MHD_Connection *conn,
			     const char *url, const char *method,
			     const char *version, const char *upload,
			     size_t *upload_size, void **state)
{
	static const char only_get[] = "only GET\n";
	struct ui *u = cls;
	struct conn_args ca = { conn };
	struct ui_page pg;
	size_t len;
	char *body;
	struct MHD_Response *r;
	cli_mhd_result ret;

	(void)version; (void)upload; (void)upload_size; (void)state;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return cli_httpd_reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, NULL,
				       only_get, sizeof(only_get) - 1, 0);
	pg.code = MHD_HTTP_OK;
	pg.type = "text/html; charset=utf-8";
	sb_init(&pg.body);
	if (u->loopback &&
	    !cli_httpd_host_is_loopback(MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
								      "Host"))) {
		/* a page elsewhere that reached us through a DNS name */
		pg.code = MHD_HTTP_FORBIDDEN;
		pg.type = "text/plain; charset=utf-8";
		sb_adds(&pg.body, "leakhound ui: this server answers only requests to "
			"127.0.0.1, localhost or [::1]\n");
	} else {
		ui_render(u, url, conn_arg, &ca, &pg);
	}
	body = sb_detach(&pg.body, &len);
	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", pg.type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (!strncmp(pg.type, "text/html", 9))
		MHD_add_response_header(r, "Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; "
					"script-src 'unsafe-inline'; img-src 'self' data:; "
					"frame-src 'self'; frame-ancestors 'self'; "
					"form-action 'self'; base-uri 'none'");
	ret = MHD_queue_response(conn, pg.code, r);
	MHD_destroy_response(r);
	return ret;
}

enum { O_LISTEN = 1000, O_REFRESH, O_KEEP, O_SRC, O_TESTS, O_TIMEOUT,
       O_MAX_INPUT, O_SYMBOLIZE };

static void ui_release(struct ui *u)
{
	size_t i, j;

	for (i = 0; i < u->nt; i++) {
		struct ui_target *t = &u->t[i];

		for (j = 0; j < t->nsnap; j++)
			ui_snap_put(u, t->snap[j]);
		free(t->snap);
		for (j = 0; j < t->ntypes; j++)
			free(t->types[j]);
		free(t->types);
		free(t->error);
	}
	free(u->t);
	if (u->lint_real)
		for (i = 0; i < u->lint.items.len; i++)
			free(u->lint_real[i]);
	free(u->lint_real);
	findings_release(&u->lint);
	pthread_mutex_destroy(&u->mu);
}

int cmd_ui(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "listen", required_argument, NULL, O_LISTEN },
		{ "http", required_argument, NULL, O_LISTEN },
		{ "refresh", required_argument, NULL, O_REFRESH },
		{ "keep", required_argument, NULL, O_KEEP },
		{ "src", required_argument, NULL, O_SRC },
		{ "include-tests", no_argument, NULL, O_TESTS },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "max-input", required_argument, NULL, O_MAX_INPUT },
		{ "symbolize", required_argument, NULL, O_SYMBOLIZE },
		{ NULL, 0, NULL, 0 },
	};
	const char *listen = "127.0.0.1:8081";
	struct MHD_Daemon *d;
	struct ui u;
	struct err e = ERR_INIT;
	struct sigaction sa;
	unsigned port = 0;
	double next;
	size_t i, nurl = 0;
	long n;
	int c, rc = CLI_EXIT_CLEAN;

	memset(&u, 0, sizeof(u));
	pthread_mutex_init(&u.mu, NULL);
	findings_init(&u.lint);
	u.keep = 100;
	u.refresh = 10;
	while ((c = cli_getopt("ui", argc, argv, "", opts)) != -1) {
		switch (c) {
		case O_LISTEN:
			if (!cli_httpd_addr_ok(optarg)) {
				rc = cli_usage("ui", "--listen: '%s' is not HOST:PORT "
					       "(127.0.0.1:8081, [::1]:8081, :0)", optarg);
				goto out;
			}
			listen = optarg;
			break;
		case O_REFRESH:
			u.refresh = watch_parse_duration(optarg);
			if (u.refresh < 0.1 || u.refresh > 86400) {
				rc = cli_usage("ui", "option '--refresh' takes a duration "
					       "between 100ms and 24h, not '%s'", optarg);
				goto out;
			}
			break;
		case O_KEEP:
			if ((n = cli_parse_count("ui", "--keep", optarg)) < 0) {
				rc = CLI_EXIT_USAGE;
				goto out;
			}
			if (n < 1 || n > 100000) {
				rc = cli_usage("ui", "--keep must be between 1 and 100000");
				goto out;
			}
			u.keep = (size_t)n;
			break;
		case O_SRC: u.src = optarg; break;
		case O_TESTS: u.include_tests = 1; break;
		case O_TIMEOUT:
			if (cli_set_url_timeout("ui", optarg)) {
				rc = CLI_EXIT_USAGE;
				goto out;
			}
			break;
		case O_MAX_INPUT:
			if (cli_set_max_input("ui", optarg)) {
				rc = CLI_EXIT_USAGE;
				goto out;
			}
			break;
		case O_SYMBOLIZE:
			if (!strcmp(optarg, "comments"))
				u.parse_flags = PPROF_PARSE_COMMENT_SYMBOLS;
			else if (strcmp(optarg, "none")) {
				rc = cli_usage("ui", "unknown --symbolize '%s' (want none or comments)",
					       optarg);
				goto out;
			}
			break;
		default:
			rc = CLI_EXIT_USAGE;
			goto out;
		}
	}
	if (optind >= argc) {
		rc = cli_usage("ui", "no profile given");
		goto out;
	}
	u.nt = (size_t)(argc - optind);
	u.t = xcalloc(u.nt, sizeof(*u.t));
	for (i = 0; i < u.nt; i++) {
		struct ui_target *t = &u.t[i];
		struct ui_snap *s;

		t->src = argv[optind + (int)i];
		t->url = pprof_source_is_url(t->src);
		if (!strcmp(t->src, "-")) {
			rc = cli_usage("ui", "'-' is not a profile here (read it into a file)");
			goto out;
		}
		nurl += t->url;
		s = read_snap(&u, t, &t->types, &t->ntypes, &e);
		if (!s) {
			cli_error("%s", e.msg);
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		add_snap(&u, t, s);
	}
	if (u.src && lint_src(&u) < 0) {
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	u.loopback = cli_httpd_is_loopback(listen);
	d = cli_httpd_start("--listen", listen,
			    "the profiles (function names, source files and lines) are",
			    0, answer, &u, &port);
	if (!d) {
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	{
		const char *colon = strrchr(listen, ':');
		int host_len = (int)(colon - listen);

		if (host_len == 0)
			printf("leakhound ui: serving http://127.0.0.1:%u/\n", port);
		else
			printf("leakhound ui: serving http://%.*s:%u/\n", host_len, listen, port);
		fflush(stdout);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	next = now() + u.refresh;
	while (!stop) {
		usleep(100 * 1000);
		if (!nurl || now() < next)
			continue;
		for (i = 0; i < u.nt && !stop; i++) {
			struct ui_target *t = &u.t[i];
			struct ui_snap *s;

			if (!t->url)
				continue;
			err_clear(&e);
			s = read_snap(&u, t, NULL, NULL, &e);
			if (s)
				add_snap(&u, t, s);
			else
				refresh_error(&u, t, e.msg);
		}
		next = now() + u.refresh;
	}
	MHD_stop_daemon(d);
out:
	ui_release(&u);
	return rc;
}
