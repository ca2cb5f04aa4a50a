/*
 * source: files, standard input and URLs, with limits.
 *
 * A URL is fetched by base/http.c, the one libcurl wrapper (watch's too),
 * so a failure reads the same whoever fetched.
 */
#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/http.h"
#include "../base/xalloc.h"

#define DEFAULT_MAX ((size_t)512 << 20)

bool pprof_source_is_url(const char *src)
{
	return !strncmp(src, "http://", 7) || !strncmp(src, "https://", 8);
}

/* N from a "seconds=N" query parameter, or 0. */
static long url_seconds(const char *url)
{
	const char *q = strchr(url, '?');

	while (q) {
		q++;
		if (!strncmp(q, "seconds=", 8)) {
			long v = strtol(q + 8, NULL, 10);
			return v > 0 && v < 86400 ? v : 0;
		}
		q = strchr(q, '&');
	}
	return 0;
}

/* The process's defaults, for readers called with opts NULL (the commands
 * set them from their options: --timeout). */
static struct pprof_source_opts defaults;

void pprof_source_set_defaults(const struct pprof_source_opts *o)
{
	defaults = *o;
}

static char *fetch(const char *url, const struct pprof_source_opts *o,
		   size_t *len, struct err *e)
{
	struct http_opts ho = { 5000, 60000, DEFAULT_MAX, 1, NULL };
	struct http_client *c;
	struct sb body = SB_INIT;
	int rc;

	if (o && o->connect_timeout_ms)
		ho.connect_timeout_ms = o->connect_timeout_ms;
	if (o && o->timeout_ms)
		ho.timeout_ms = o->timeout_ms;
	if (o && o->max_bytes)
		ho.max_body = o->max_bytes;
	ho.timeout_ms += url_seconds(url) * 1000;
	c = http_client_new();
	rc = http_get(c, url, &ho, &body, e);
	http_client_free(c);
	if (rc < 0) {
		sb_release(&body);
		return NULL;
	}
	return sb_detach(&body, len);
}

char *pprof_source_read(const char *src, const struct pprof_source_opts *opts,
			size_t *len, struct err *e)
{
	if (!opts)
		opts = &defaults;
	if (pprof_source_is_url(src))
		return fetch(src, opts, len, e);
	return file_read_all(src, opts && opts->max_bytes ? opts->max_bytes : DEFAULT_MAX,
			     len, e);
}
