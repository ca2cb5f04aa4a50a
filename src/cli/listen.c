/*
 * listen: `watch --listen ADDR`, an HTTP server (GNU libmicrohttpd, a
 * thread per connection) answering /metrics (the Prometheus text format, or
 * OpenMetrics when Accept prefers it: src/watch/export.c), the status page
 * at / (src/watch/status.c) and /report?target=T (the page `leakhound
 * report` makes of the recording, run as a child process).  The sampling
 * thread takes a snapshot of a target after each of its samples
 * (listen_update, listen_update_fleet); the server threads render only
 * snapshots, under a mutex, so they never touch struct watch.  The server
 * owns its snapshots and strings; listen_stop frees everything.
 */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "httpd.h"
#include "watch_cli.h"
#include "../watch/fleet.h"
#include "../watch/proc.h"

extern char **environ;

typedef cli_mhd_result mhd_result;

/* the requests counted, by handler and format */
enum { REQ_TEXT, REQ_OPENMETRICS, REQ_STATUS, REQ_REPORT, REQ_OTHER, NREQ };
static const char *const req_handler[NREQ] = {
	"/metrics", "/metrics", "/", "/report", "other" };
static const char *const req_format[NREQ] = {
	"text", "openmetrics", "html", "html", "text" };

#define REPORT_TIMEOUT_S 30
#define REPORT_MAX_BYTES ((size_t)256 << 20)
#define REPORT_MAX_RUNNING 2

struct watch_listen {
	struct MHD_Daemon *d;
	pthread_mutex_t mu;    /* guards everything below */
	struct watch_snap *snaps;
	size_t nsnaps, capsnaps;
	uint64_t req[NREQ];
	char *db, *src;        /* the recording, --src: for /report */
	int reports;           /* report children running */
	int fleet;             /* watch --targets: one recording, many targets */
	char exe[4096];        /* this program, for the report child */
};

static mhd_result send_buf(struct MHD_Connection *conn, unsigned code,
			   const char *type, char *buf, size_t n)
{
	struct MHD_Response *r;
	mhd_result ret;

	r = MHD_create_response_from_buffer(n, buf, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(buf);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return ret;
}

static mhd_result send_sb(struct MHD_Connection *conn, unsigned code,
			  const char *type, struct sb *body)
{
	size_t n = 0;
	char *buf = sb_detach(body, &n);

	if (!buf)
		return MHD_NO;
	return send_buf(conn, code, type, buf, n);
}

static mhd_result send_msg(struct MHD_Connection *conn, unsigned code,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static mhd_result send_msg(struct MHD_Connection *conn, unsigned code,
			   const char *fmt, ...)
{
	struct sb b = SB_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	sb_addc(&b, '\n');
	return send_sb(conn, code, "text/plain; charset=utf-8", &b);
}

/* 1 if the Accept header prefers OpenMetrics 1.0.0 (or its draft 0.0.1,
 * the same text) over the Prometheus text format: its q is higher, or
 * equal and it comes first.  No header, or anything else: text. */
int listen_wants_openmetrics(const char *accept)
{
	double om = 0, text = 0;
	int om_first = 0, seen_text = 0;
	const char *p = accept;

	while (p && *p) {
		size_t n = strcspn(p, ",");
		char item[512], *semi, *par, *type;
		double q = 1;
		int version_ok = 1, is_om, is_text;

		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, p, n);
		item[n] = 0;
		p += n + (p[n] == ',');
		semi = strchr(item, ';');
		if (semi)
			*semi = 0;
		for (type = item; *type == ' ' || *type == '\t'; type++)
			;
		type[strcspn(type, " \t")] = 0;
		for (par = semi ? semi + 1 : NULL; par; ) {
			char *next = strchr(par, ';');

			if (next)
				*next++ = 0;
			while (*par == ' ' || *par == '\t')
				par++;
			if (!strncasecmp(par, "q=", 2))
				q = strtod(par + 2, NULL);
			else if (!strncasecmp(par, "version=", 8)) {
				char *v = par + 8;
				v[strcspn(v, " \t")] = 0;
				version_ok = !strcmp(v, "1.0.0") ||
					     !strcmp(v, "0.0.1") ||
					     !strcmp(v, "0.0.4");
			}
			par = next;
		}
		if (!version_ok || !(q > 0))
			continue;
		is_om = !strcasecmp(type, "application/openmetrics-text");
		is_text = !strcasecmp(type, "text/plain") ||
			  !strcasecmp(type, "text/*") || !strcmp(type, "*/*");
		if (is_om && q > om) {
			om = q;
			if (!seen_text)
				om_first = 1;
		}
		if (is_text) {
			seen_text = 1;
			if (q > text)
				text = q;
		}
	}
	return om > 0 && (om > text || (om == text && om_first));
}

static mhd_result metrics(struct watch_listen *l, struct MHD_Connection *conn)
{
	const char *accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							 "Accept");
	int om = listen_wants_openmetrics(accept);
	struct watch_metrics_requests req[NREQ];
	const struct watch_snap **t;
	struct proc_usage self;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	int have_self = proc_usage(0, &self, &e) == 0;
	size_t i, nreq = 0;

	pthread_mutex_lock(&l->mu);
	l->req[om ? REQ_OPENMETRICS : REQ_TEXT]++;
	t = malloc((l->nsnaps ? l->nsnaps : 1) * sizeof(*t));
	if (!t) {
		pthread_mutex_unlock(&l->mu);
		return MHD_NO;
	}
	for (i = 0; i < l->nsnaps; i++)
		t[i] = &l->snaps[i];
	for (i = 0; i < NREQ; i++)
		if (l->req[i]) {
			req[nreq].handler = req_handler[i];
			req[nreq].format = req_format[i];
			req[nreq++].n = l->req[i];
		}
	watch_metrics_write(&out, om ? WATCH_METRICS_OPENMETRICS
				     : WATCH_METRICS_TEXT,
			    t, l->nsnaps, have_self ? &self : NULL, req, nreq);
	pthread_mutex_unlock(&l->mu);
	free(t);
	return send_sb(conn, MHD_HTTP_OK, om
		       ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
		       : "text/plain; version=0.0.4; charset=utf-8", &out);
}

static mhd_result status_page(struct watch_listen *l,
			      struct MHD_Connection *conn)
{
	const struct watch_snap **t;
	struct sb out = SB_INIT;
	size_t i;

	pthread_mutex_lock(&l->mu);
	l->req[REQ_STATUS]++;
	t = malloc((l->nsnaps ? l->nsnaps : 1) * sizeof(*t));
	if (!t) {
		pthread_mutex_unlock(&l->mu);
		return MHD_NO;
	}
	for (i = 0; i < l->nsnaps; i++)
		t[i] = &l->snaps[i];
	watch_status_html(&out, t, l->nsnaps);
	pthread_mutex_unlock(&l->mu);
	free(t);
	return send_sb(conn, MHD_HTTP_OK, "text/html; charset=utf-8", &out);
}

/* Run `leakhound report DB -o -` (with --target T for a fleet's
 * recording): the page `report` and `watch --html` make, in a child
 * process, so that the report's heavy work and the library's process-wide
 * state stay out of the watch.  Collect its standard output into html and
 * its standard error into msg, for at most REPORT_TIMEOUT_S seconds.  An
 * HTTP status code. */
static unsigned run_report(const struct watch_listen *l, const char *db,
			   const char *src, const char *target,
			   struct sb *html, struct sb *msg)
{
	char *argv[10];
	int out[2] = { -1, -1 }, errp[2] = { -1, -1 }, argc = 0, status = 0;
	posix_spawn_file_actions_t fa;
	struct timespec t0, now;
	pid_t pid;
	int open_fds = 2, killed = 0, rc;

	argv[argc++] = (char *)"leakhound";
	argv[argc++] = (char *)"report";
	argv[argc++] = (char *)db;
	argv[argc++] = (char *)"-o";
	argv[argc++] = (char *)"-";
	if (src) {
		argv[argc++] = (char *)"--src";
		argv[argc++] = (char *)src;
	}
	if (target) {
		argv[argc++] = (char *)"--target";
		argv[argc++] = (char *)target;
	}
	argv[argc] = NULL;
	if (pipe2(out, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) {
		sb_addf(msg, "cannot make a pipe: %s", strerror(errno));
		if (out[0] >= 0) {
			close(out[0]);
			close(out[1]);
		}
		return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	rc = posix_spawn(&pid, l->exe, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	close(errp[1]);
	if (rc != 0) {
		close(out[0]);
		close(errp[0]);
		sb_addf(msg, "cannot start %s report: %s", l->exe, strerror(rc));
		return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (open_fds > 0) {
		struct pollfd pf[2] = { { out[0], POLLIN, 0 }, { errp[0], POLLIN, 0 } };
		double left;
		int i;

		clock_gettime(CLOCK_MONOTONIC, &now);
		left = REPORT_TIMEOUT_S - (double)(now.tv_sec - t0.tv_sec) -
		       (double)(now.tv_nsec - t0.tv_nsec) / 1e9;
		if (left <= 0 || html->len > REPORT_MAX_BYTES) {
			kill(pid, SIGKILL);
			killed = 1;
			break;
		}
		if (poll(pf, 2, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;
			kill(pid, SIGKILL);
			killed = 1;
			break;
		}
		for (i = 0; i < 2; i++) {
			char buf[65536];
			ssize_t n;

			if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(pf[i].fd, buf, sizeof(buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(pf[i].fd);
				if (i == 0)
					out[0] = -1;
				else
					errp[0] = -1;
				open_fds--;
				continue;
			}
			if (i == 0)
				sb_add(html, buf, (size_t)n);
			else if (msg->len < 4096)
				sb_add(msg, buf, (size_t)n);
		}
	}
	if (out[0] >= 0)
		close(out[0]);
	if (errp[0] >= 0)
		close(errp[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (killed) {
		sb_reset(msg);
		sb_addf(msg, "the report took longer than %d s or more than "
			"%zu MiB; stopped", REPORT_TIMEOUT_S, REPORT_MAX_BYTES >> 20);
		return MHD_HTTP_SERVICE_UNAVAILABLE;
	}
	/* report exits 1 when the page has findings: still a page */
	if (WIFEXITED(status) && WEXITSTATUS(status) <= 1 && html->len)
		return MHD_HTTP_OK;
	if (!msg->len)
		sb_addf(msg, "report failed (status %d)", status);
	return MHD_HTTP_INTERNAL_SERVER_ERROR;
}

static mhd_result report_page(struct watch_listen *l,
			      struct MHD_Connection *conn)
{
	const char *target = MHD_lookup_connection_value(conn,
						MHD_GET_ARGUMENT_KIND, "target");
	struct sb names = SB_INIT, html = SB_INIT, msg = SB_INIT;
	char *db = NULL, *src = NULL;
	unsigned code;
	size_t i;
	int found = 0, busy = 0, fleet;

	pthread_mutex_lock(&l->mu);
	l->req[REQ_REPORT]++;
	fleet = l->fleet;
	for (i = 0; i < l->nsnaps; i++) {
		sb_addf(&names, "%s%s", i ? ", " : "", l->snaps[i].target);
		if (target && !strcmp(target, l->snaps[i].target))
			found = 1;
	}
	if (found && l->db) {
		if (l->reports >= REPORT_MAX_RUNNING) {
			busy = 1;
		} else {
			l->reports++;
			db = strdup(l->db);
			src = l->src ? strdup(l->src) : NULL;
		}
	}
	pthread_mutex_unlock(&l->mu);
	if (!target || !found || !l->db) {
		mhd_result r = send_msg(conn, target ? MHD_HTTP_NOT_FOUND
						     : MHD_HTTP_BAD_REQUEST,
			"leakhound: %s%s%s; the targets watched here: %s",
			!target ? "give the target: /report?target=TARGET"
				: !found ? "no target '" : "no recording of '",
			target ? target : "", target ? "'" : "",
			names.len ? sb_str(&names) : "none yet");
		sb_release(&names);
		return r;
	}
	sb_release(&names);
	if (busy)
		return send_msg(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
				"leakhound: %d reports are being made; retry "
				"in a moment", REPORT_MAX_RUNNING);
	code = db ? run_report(l, db, src, fleet ? target : NULL, &html, &msg)
		  : MHD_HTTP_INTERNAL_SERVER_ERROR;
	pthread_mutex_lock(&l->mu);
	l->reports--;
	pthread_mutex_unlock(&l->mu);
	free(db);
	free(src);
	if (code == MHD_HTTP_OK) {
		sb_release(&msg);
		return send_sb(conn, code, "text/html; charset=utf-8", &html);
	}
	sb_release(&html);
	while (msg.len && msg.buf[msg.len - 1] == '\n')
		sb_truncate(&msg, msg.len - 1);
	{
		mhd_result r = send_msg(conn, code, "leakhound: cannot make the "
					"report of '%s': %s", target, sb_str(&msg));
		sb_release(&msg);
		return r;
	}
}

static mhd_result answer(void *cls, struct MHD_Connection *conn,
			 const char *url, const char *method,
			 const char *version, const char *upload,
			 size_t *upload_size, void **state)
{
	struct watch_listen *l = cls;

	(void)version; (void)upload; (void)upload_size; (void)state;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return send_msg(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
				"leakhound: only GET");
	if (!strcmp(url, "/metrics"))
		return metrics(l, conn);
	if (!strcmp(url, "/"))
		return status_page(l, conn);
	if (!strcmp(url, "/report"))
		return report_page(l, conn);
	pthread_mutex_lock(&l->mu);
	l->req[REQ_OTHER]++;
	pthread_mutex_unlock(&l->mu);
	return send_msg(conn, MHD_HTTP_NOT_FOUND,
			"leakhound: no page %s; see / (status), /metrics and "
			"/report?target=TARGET", url);
}

int listen_addr_ok(const char *addr)
{
	return cli_httpd_addr_ok(addr);
}

struct watch_listen *listen_start(const char *addr)
{
	struct watch_listen *l;
	unsigned port = 0;
	ssize_t n;

	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	pthread_mutex_init(&l->mu, NULL);
	n = readlink("/proc/self/exe", l->exe, sizeof(l->exe) - 1);
	if (n <= 0 || (size_t)n >= sizeof(l->exe) - 1)
		strcpy(l->exe, "/proc/self/exe");
	else
		l->exe[n] = 0;
	/* a thread per connection: a report being made does not hold up a
	 * scrape (at most 32 connections) */
	l->d = cli_httpd_start("--listen", addr,
			       "the metrics (target URL, source file names) are",
			       MHD_USE_THREAD_PER_CONNECTION, answer, l, &port);
	if (!l->d) {
		pthread_mutex_destroy(&l->mu);
		free(l);
		return NULL;
	}
	if (!strcmp(strrchr(addr, ':'), ":0")) {
		/* port 0: the kernel chose one; say which */
		char host[128];
		size_t hl = (size_t)(strrchr(addr, ':') - addr);

		if (hl >= sizeof(host))
			hl = sizeof(host) - 1;
		memcpy(host, addr, hl);
		host[hl] = 0;
		fprintf(stderr, "leakhound: serving http://%s:%u/metrics\n",
			hl ? host : "127.0.0.1", port);
	}
	return l;
}

/* The function named in a finding's message: the word after " in ". */
static char *message_func(const char *msg)
{
	const char *p = msg ? strstr(msg, " in ") : NULL;
	size_t n;
	char *f;

	if (!p)
		return NULL;
	p += 4;
	n = strcspn(p, " ;:");
	f = malloc(n + 1);
	if (f) {
		memcpy(f, p, n);
		f[n] = 0;
	}
	return f;
}

/* The snapshot of w (its verdicts v, or NULL) into *snap, the top growing
 * sites taken from its findings, with the fleet labels labels (or NULL). */
static void snap_of(struct watch *w, const struct watch_verdict *v,
		    const char *labels, struct watch_snap *snap)
{
	struct watch_metrics_site site[WATCH_NSERIES];
	char *funcs[2] = { NULL, NULL };
	struct findings fs;
	size_t i;
	int s, have_fs = 0;

	memset(site, 0, sizeof(site));
	if (v && watch_any_leak(v)) {
		findings_init(&fs);
		have_fs = 1;
		watch_findings(w, v, &fs);
		for (i = 0; i < fs.items.len; i++) {
			const struct finding *f = fs.items.items[i];
			int k = !strcmp(f->rule, "growing-allocation-site") ? 0 :
				!strcmp(f->rule, "growing-goroutine-group") ? 1 : -1;
			if (k < 0 || funcs[k] || !f->loc.file || !*f->loc.file)
				continue;
			funcs[k] = message_func(f->message);
			for (s = 0; s < WATCH_NSERIES; s++) {
				int heap = s == WATCH_HEAP_BYTES ||
					   s == WATCH_HEAP_OBJECTS || s == WATCH_RSS;
				if ((k == 0 && heap) || (k == 1 && s == WATCH_GOROUTINES)) {
					site[s].file = f->loc.file;
					site[s].line = f->loc.line;
					site[s].function = funcs[k];
				}
			}
		}
	}
	watch_snap_take(snap, w, v, site);
	if (labels && *labels)
		snap->labels = strdup(labels);
	free(funcs[0]);
	free(funcs[1]);
	if (have_fs)
		findings_release(&fs);
}

void listen_update(struct watch_listen *l, struct watch *w,
		   const struct watch_verdict *v)
{
	struct watch_snap snap;
	size_t i;

	if (!l)
		return;
	snap_of(w, v, NULL, &snap);
	if (!snap.target) {
		watch_snap_release(&snap);
		return;
	}
	pthread_mutex_lock(&l->mu);
	for (i = 0; i < l->nsnaps; i++)
		if (!strcmp(l->snaps[i].target, snap.target))
			break;
	if (i == l->nsnaps && l->nsnaps == l->capsnaps) {
		size_t cap = l->capsnaps ? 2 * l->capsnaps : 4;
		struct watch_snap *p = realloc(l->snaps, cap * sizeof(*p));

		if (!p) {
			pthread_mutex_unlock(&l->mu);
			watch_snap_release(&snap);
			return;
		}
		l->snaps = p;
		l->capsnaps = cap;
	}
	if (i == l->nsnaps)
		l->nsnaps++;
	else
		watch_snap_release(&l->snaps[i]);
	l->snaps[i] = snap;
	pthread_mutex_unlock(&l->mu);
}

static int same_str(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && !strcmp(a, b));
}

void listen_update_fleet(struct watch_listen *l, struct watch_fleet *f)
{
	struct watch_snap *next, *old;
	char *moved;
	size_t i, j, n = 0, nold;

	if (!l)
		return;
	/* this thread is the only writer of the table: it reads it without
	 * the lock, builds the next one, and swaps it in under the lock */
	next = calloc(f->members.len + 1, sizeof(*next));
	moved = calloc(l->nsnaps + 1, 1);
	if (!next || !moved) {
		free(next);
		free(moved);
		return;
	}
	for (i = 0; i < f->members.len; i++) {
		struct watch_fleet_member *m = f->members.items[i];
		const struct watch_sample *last = watch_last(&m->w);
		double t = last ? last->t : 0;

		if (m->removed || !m->w.base)
			continue;
		/* a member without a new sample keeps its snapshot: the
		 * findings of a watch are not free, and one member samples
		 * at a time */
		for (j = 0; j < l->nsnaps; j++)
			if (!moved[j] && !strcmp(l->snaps[j].target, m->w.base))
				break;
		if (j < l->nsnaps && l->snaps[j].samples == m->w.samples.len &&
		    l->snaps[j].last_t == t &&
		    same_str(l->snaps[j].labels, m->prom_labels)) {
			next[n++] = l->snaps[j];
			moved[j] = 1;
			continue;
		}
		snap_of(&m->w, m->w.samples.len ? m->v : NULL, m->prom_labels,
			&next[n]);
		if (!next[n].target) {
			watch_snap_release(&next[n]);
			continue;
		}
		n++;
	}
	pthread_mutex_lock(&l->mu);
	old = l->snaps;
	nold = l->nsnaps;
	l->snaps = next;
	l->nsnaps = n;
	l->capsnaps = f->members.len + 1;
	l->fleet = 1;
	pthread_mutex_unlock(&l->mu);
	for (j = 0; j < nold; j++)
		if (!moved[j])
			watch_snap_release(&old[j]);
	free(old);
	free(moved);
}

void listen_set_report(struct watch_listen *l, const char *db,
		       const char *src)
{
	if (!l)
		return;
	pthread_mutex_lock(&l->mu);
	free(l->db);
	free(l->src);
	l->db = db ? strdup(db) : NULL;
	l->src = src ? strdup(src) : NULL;
	pthread_mutex_unlock(&l->mu);
}

void listen_stop(struct watch_listen *l)
{
	if (!l)
		return;
	MHD_stop_daemon(l->d);
	pthread_mutex_destroy(&l->mu);
	for (size_t i = 0; i < l->nsnaps; i++)
		watch_snap_release(&l->snaps[i]);
	free(l->snaps);
	free(l->db);
	free(l->src);
	free(l);
}
