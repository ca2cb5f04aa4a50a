/*
 * source: files, standard input and URLs, with limits.
 *
 * libcurl is initialised on first use (curl_global_init is not thread-safe,
 * but leakhound fetches from one thread).  The body is collected by a write
 * callback that refuses to grow past the limit, so a server that streams
 * forever costs at most max_bytes.
 */
#include "source.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/xalloc.h"

#define DEFAULT_MAX ((size_t)512 << 20)

bool pprof_source_is_url(const char *src)
{
	return !strncmp(src, "http://", 7) || !strncmp(src, "https://", 8);
}

struct body {
	char *buf;
	size_t len, cap, max;
	int too_big;
};

static size_t on_data(char *data, size_t size, size_t nmemb, void *arg)
{
	struct body *b = arg;
	size_t n = size * nmemb;

	if (n > b->max - b->len) {
		b->too_big = 1;
		return 0;
	}
	b->buf = xgrow(b->buf, 1, b->len + n + 1, &b->cap);
	memcpy(b->buf + b->len, data, n);
	b->len += n;
	b->buf[b->len] = 0;
	return n;
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

static const char *reason(long code)
{
	switch (code) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return "";
	}
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
	static int inited;
	struct body b = { NULL, 0, 0, 0, 0 };
	char cerr[CURL_ERROR_SIZE];
	CURL *c;
	CURLcode rc;
	long code = 0;
	long cto = o && o->connect_timeout_ms ? o->connect_timeout_ms : 5000;
	long tto = o && o->timeout_ms ? o->timeout_ms : 60000;

	b.max = o && o->max_bytes ? o->max_bytes : DEFAULT_MAX;
	tto += url_seconds(url) * 1000;
	if (!inited) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
			err_setf(e, "cannot fetch '%s': cannot initialise libcurl", url);
			return NULL;
		}
		inited = 1;
	}
	c = curl_easy_init();
	if (!c) {
		err_setf(e, "cannot fetch '%s': cannot initialise libcurl", url);
		return NULL;
	}
	cerr[0] = 0;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, cto);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, tto);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "leakhound");
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(c);
	if (b.too_big) {
		err_setf(e, "cannot fetch '%s': body larger than the limit of %zu bytes",
			 url, b.max);
		goto fail;
	}
	if (rc != CURLE_OK) {
		err_setf(e, "cannot fetch '%s': %s", url, cerr[0] ? cerr : curl_easy_strerror(rc));
		goto fail;
	}
	if (code < 200 || code >= 300) {
		/* Go's handlers explain errors in a short text body. */
		char first[200] = "";
		if (b.buf) {
			size_t n = strcspn(b.buf, "\r\n");
			if (n >= sizeof(first))
				n = sizeof(first) - 1;
			memcpy(first, b.buf, n);
			first[n] = 0;
		}
		err_setf(e, "cannot fetch '%s': HTTP %ld%s%s%s%s", url, code,
			 *reason(code) ? " " : "", reason(code), first[0] ? ": " : "", first);
		goto fail;
	}
	if (!b.buf)
		b.buf = xcalloc(1, 1);
	*len = b.len;
	return b.buf;
fail:
	free(b.buf);
	return NULL;
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
