/*
 * listen: `watch --listen ADDR`, an HTTP server (GNU libmicrohttpd, its
 * own thread) answering /metrics with the Prometheus text exposition of
 * the watch (src/watch/export.c).  The sampling thread rebuilds the text
 * after each sample (listen_update); the server thread only copies it out
 * under a mutex, so it never touches struct watch.  The server owns its
 * text; listen_stop frees everything.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cli.h"
#include "watch_cli.h"
#include "../watch/fleet.h"

#if MHD_VERSION < 0x00097002
typedef int mhd_result;
#else
typedef enum MHD_Result mhd_result;
#endif

struct watch_listen {
	struct MHD_Daemon *d;
	pthread_mutex_t mu;
	char *text;
	size_t len;
};

static mhd_result answer(void *cls, struct MHD_Connection *conn,
			 const char *url, const char *method,
			 const char *version, const char *upload,
			 size_t *upload_size, void **state)
{
	struct watch_listen *l = cls;
	struct MHD_Response *r;
	mhd_result ret;
	unsigned code = MHD_HTTP_OK;
	char *copy;
	size_t n;

	(void)version; (void)upload; (void)upload_size; (void)state;
	if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
		static const char msg[] = "only GET\n";
		r = MHD_create_response_from_buffer(sizeof(msg) - 1, (void *)msg,
						    MHD_RESPMEM_PERSISTENT);
		code = MHD_HTTP_METHOD_NOT_ALLOWED;
	} else if (strcmp(url, "/metrics")) {
		static const char msg[] = "leakhound: see /metrics\n";
		r = MHD_create_response_from_buffer(sizeof(msg) - 1, (void *)msg,
						    MHD_RESPMEM_PERSISTENT);
		code = MHD_HTTP_NOT_FOUND;
	} else {
		pthread_mutex_lock(&l->mu);
		n = l->len;
		copy = malloc(n ? n : 1);
		if (copy && n)
			memcpy(copy, l->text, n);
		pthread_mutex_unlock(&l->mu);
		if (!copy)
			return MHD_NO;
		r = MHD_create_response_from_buffer(n, copy, MHD_RESPMEM_MUST_FREE);
		if (r)
			MHD_add_response_header(r, "Content-Type",
						"text/plain; version=0.0.4; charset=utf-8");
	}
	if (!r)
		return MHD_NO;
	ret = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return ret;
}

/* "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback).  0 or -1. */
static int parse_addr(const char *s, struct sockaddr_storage *ss,
		      socklen_t *len, int *loopback)
{
	const char *colon = strrchr(s, ':');
	char host[128];
	size_t hl;
	long port;
	char *end;

	if (!colon)
		return -1;
	port = strtol(colon + 1, &end, 10);
	if (*end || colon[1] == 0 || port < 0 || port > 65535)
		return -1;
	hl = (size_t)(colon - s);
	if (hl >= sizeof(host))
		return -1;
	memcpy(host, s, hl);
	host[hl] = 0;
	memset(ss, 0, sizeof(*ss));
	if (hl == 0)
		strcpy(host, "127.0.0.1");
	if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
		host[hl - 1] = 0;
		if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
			return -1;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((unsigned short)port);
		*len = sizeof(*a);
		*loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
		return 0;
	}
	{
		struct sockaddr_in *a = (struct sockaddr_in *)ss;
		if (!strcmp(host, "localhost"))
			strcpy(host, "127.0.0.1");
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			return -1;
		a->sin_family = AF_INET;
		a->sin_port = htons((unsigned short)port);
		*len = sizeof(*a);
		*loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
		return 0;
	}
}

int listen_addr_ok(const char *addr)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int lo;

	return parse_addr(addr, &ss, &len, &lo) == 0;
}

struct watch_listen *listen_start(const char *addr)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int lo = 0;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	struct watch_listen *l;

	if (parse_addr(addr, &ss, &len, &lo) < 0) {
		cli_error("--listen: '%s' is not HOST:PORT (127.0.0.1:9464, "
			  "[::1]:9464)", addr);
		return NULL;
	}
	if (!lo)
		cli_warn("--listen %s is not a loopback address: the metrics "
			 "(target URL, source file names) are served to the "
			 "network", addr);
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	pthread_mutex_init(&l->mu, NULL);
	l->d = MHD_start_daemon(flags,
				ntohs(ss.ss_family == AF_INET6
				      ? ((struct sockaddr_in6 *)&ss)->sin6_port
				      : ((struct sockaddr_in *)&ss)->sin_port),
				NULL, NULL, answer, l,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				MHD_OPTION_CONNECTION_TIMEOUT, 10u,
				MHD_OPTION_CONNECTION_LIMIT, 32u,
				MHD_OPTION_END);
	if (!l->d) {
		cli_error("--listen: cannot serve on %s (address in use?)", addr);
		pthread_mutex_destroy(&l->mu);
		free(l);
		return NULL;
	}
	(void)len;
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

/* The exposition of one watch into out. */
static void metrics_of(struct watch *w, const struct watch_verdict *v,
		       struct sb *out)
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
	watch_metrics_text(w, v, site, out);
	free(funcs[0]);
	free(funcs[1]);
	if (have_fs)
		findings_release(&fs);
}

static void set_text(struct watch_listen *l, struct sb *out)
{
	pthread_mutex_lock(&l->mu);
	free(l->text);
	l->len = out->len;
	l->text = sb_detach(out, NULL);
	pthread_mutex_unlock(&l->mu);
}

void listen_update(struct watch_listen *l, struct watch *w,
		   const struct watch_verdict *v)
{
	struct sb out = SB_INIT;

	if (!l)
		return;
	metrics_of(w, v, &out);
	set_text(l, &out);
	sb_release(&out);
}

void listen_update_fleet(struct watch_listen *l, struct watch_fleet *f)
{
	struct sb *parts, out = SB_INIT;
	const char **extra;
	size_t i, n = 0;

	if (!l)
		return;
	parts = calloc(f->members.len + 1, sizeof(*parts));
	extra = calloc(f->members.len + 1, sizeof(*extra));
	if (!parts || !extra) {
		free(parts);
		free(extra);
		return;
	}
	for (i = 0; i < f->members.len; i++) {
		struct watch_fleet_member *m = f->members.items[i];
		if (m->removed)
			continue;
		metrics_of(&m->w, m->w.samples.len ? m->v : NULL, &parts[n]);
		extra[n++] = m->prom_labels;
	}
	watch_metrics_merge(&out, parts, extra, n);
	for (i = 0; i < n; i++)
		sb_release(&parts[i]);
	free(parts);
	free(extra);
	set_text(l, &out);
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
