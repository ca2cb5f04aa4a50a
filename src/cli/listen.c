/*
 * listen: `watch --listen ADDR`, an HTTP server (GNU libmicrohttpd, its
 * own thread) answering /metrics with the Prometheus text exposition of
 * the watch (src/watch/export.c).  The sampling thread rebuilds the text
 * after each sample (listen_update); the server thread only copies it out
 * under a mutex, so it never touches struct watch.  The server owns its
 * text; listen_stop frees everything.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "httpd.h"
#include "watch_cli.h"

struct watch_listen {
	struct MHD_Daemon *d;
	pthread_mutex_t mu;
	char *text;
	size_t len;
};

static cli_mhd_result answer(void *cls, struct MHD_Connection *conn,
			     const char *url, const char *method,
			     const char *version, const char *upload,
			     size_t *upload_size, void **state)
{
	static const char only_get[] = "only GET\n";
	static const char see[] = "leakhound: see /metrics\n";
	struct watch_listen *l = cls;
	char *copy;
	size_t n;

	(void)version; (void)upload; (void)upload_size; (void)state;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return cli_httpd_reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, NULL,
				       only_get, sizeof(only_get) - 1, 0);
	if (strcmp(url, "/metrics"))
		return cli_httpd_reply(conn, MHD_HTTP_NOT_FOUND, NULL,
				       see, sizeof(see) - 1, 0);
	pthread_mutex_lock(&l->mu);
	n = l->len;
	copy = malloc(n ? n : 1);
	if (copy && n)
		memcpy(copy, l->text, n);
	pthread_mutex_unlock(&l->mu);
	if (!copy)
		return MHD_NO;
	return cli_httpd_reply(conn, MHD_HTTP_OK,
			       "text/plain; version=0.0.4; charset=utf-8",
			       copy, n, 1);
}

int listen_addr_ok(const char *addr)
{
	return cli_httpd_addr_ok(addr);
}

struct watch_listen *listen_start(const char *addr)
{
	struct watch_listen *l;

	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	pthread_mutex_init(&l->mu, NULL);
	l->d = cli_httpd_start("--listen", addr,
			       "the metrics (target URL, source file names) are",
			       answer, l, NULL);
	if (!l->d) {
		pthread_mutex_destroy(&l->mu);
		free(l);
		return NULL;
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

void listen_update(struct watch_listen *l, struct watch *w,
		   const struct watch_verdict *v)
{
	struct watch_metrics_site site[WATCH_NSERIES];
	char *funcs[2] = { NULL, NULL };
	struct findings fs;
	struct sb out = SB_INIT;
	size_t i;
	int s, have_fs = 0;

	if (!l)
		return;
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
	watch_metrics_text(w, v, site, &out);
	pthread_mutex_lock(&l->mu);
	free(l->text);
	l->len = out.len;
	l->text = sb_detach(&out, NULL);
	pthread_mutex_unlock(&l->mu);
	free(funcs[0]);
	free(funcs[1]);
	if (have_fs)
		findings_release(&fs);
	sb_release(&out);
}

void listen_stop(struct watch_listen *l)
{
	if (!l)
		return;
	MHD_stop_daemon(l->d);
	pthread_mutex_destroy(&l->mu);
	free(l->text);
	free(l);
}
