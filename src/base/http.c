/*
 * http: libcurl's easy interface behind one function (http.h).  The body
 * limit is enforced in the write callback (returning short makes curl
 * abort the transfer), so a body that never ends costs at most max_body
 * bytes and the timeout.
 */
#include "http.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct http_client {
	CURL *curl;
	struct sb *body;
	size_t max_body;
	int too_big;
	char cerr[CURL_ERROR_SIZE];
	/* a transfer of http_multi_start */
	int busy;
	char *url;
	struct http_opts opts;
	struct sb *done_body;
	http_done_fn done;
	void *done_arg;
	struct http_multi *multi;
};

static int curl_state;   /* 0 not yet, 1 ready, -1 failed */

struct http_client *http_client_new(void)
{
	struct http_client *c = xcalloc(1, sizeof(*c));

	if (!curl_state)
		curl_state = curl_global_init(CURL_GLOBAL_DEFAULT) == 0 ? 1 : -1;
	if (curl_state > 0)
		c->curl = curl_easy_init();
	return c;
}

void http_client_free(struct http_client *c)
{
	if (!c)
		return;
	http_multi_cancel(c);
	if (c->curl)
		curl_easy_cleanup(c->curl);
	free(c);
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	struct http_client *c = arg;
	size_t len = size * n;

	if (len > c->max_body - c->body->len) {
		c->too_big = 1;
		return 0;
	}
	sb_add(c->body, data, len);
	return len;
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

/* Set the easy handle of c up for a GET of url into body. */
static void prepare(struct http_client *c, const char *url,
		    const struct http_opts *o, struct sb *body)
{
	long connect_ms = o->connect_timeout_ms < o->timeout_ms ?
			  o->connect_timeout_ms : o->timeout_ms;

	sb_reset(body);
	c->body = body;
	c->max_body = o->max_body;
	c->too_big = 0;
	c->cerr[0] = 0;
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, o->timeout_ms);
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->cerr);
	curl_easy_setopt(c->curl, CURLOPT_FOLLOWLOCATION,
			 o->follow_redirects ? 1L : 0L);
	curl_easy_setopt(c->curl, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c->curl, CURLOPT_USERAGENT,
			 o->user_agent ? o->user_agent : "leakhound");
	curl_easy_setopt(c->curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c->curl, CURLOPT_PRIVATE, (void *)c);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c->curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
}

/* The outcome of the transfer of c that ended with rc: 0, or -1 with e
 * filled in the wording of http.h. */
static int conclude(struct http_client *c, CURLcode rc, const char *url,
		    const struct http_opts *o, struct sb *body, struct err *e)
{
	long status = 0, oserr = 0;
	long connect_ms = o->connect_timeout_ms < o->timeout_ms ?
			  o->connect_timeout_ms : o->timeout_ms;
	curl_off_t connected = 0;
	const char *cerr = c->cerr;

	c->body = NULL;
	if (c->too_big)
		return err_setf(e, "cannot fetch '%s': body exceeds %zu bytes", url,
				o->max_body);
	if (rc == CURLE_OPERATION_TIMEDOUT) {
		curl_easy_getinfo(c->curl, CURLINFO_CONNECT_TIME_T, &connected);
		if (!connected)
			return err_setf(e, "cannot fetch '%s': could not connect "
					"within %ld ms", url, connect_ms);
		return err_setf(e, "cannot fetch '%s': timed out after %ld ms",
				url, o->timeout_ms);
	}
	if (rc == CURLE_COULDNT_CONNECT) {
		curl_easy_getinfo(c->curl, CURLINFO_OS_ERRNO, &oserr);
		if (oserr == ECONNREFUSED || strstr(cerr, "refused"))
			return err_setf(e, "cannot fetch '%s': connection "
					"refused", url);
	}
	if (rc != CURLE_OK)
		return err_setf(e, "cannot fetch '%s': %s", url,
				cerr[0] ? cerr : curl_easy_strerror(rc));
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
	if (status < 200 || status > 299) {
		size_t n = body->buf ? strcspn(body->buf, "\r\n") : 0;

		if (n > 200)
			n = 200;
		return err_setf(e, "cannot fetch '%s': HTTP %ld%s%s%s%.*s", url,
				status, *reason(status) ? " " : "", reason(status),
				n ? ": " : "", (int)n, n ? body->buf : "");
	}
	return 0;
}

int http_get(struct http_client *c, const char *url, const struct http_opts *o,
	     struct sb *body, struct err *e)
{
	CURLcode rc;

	sb_reset(body);
	if (!c->curl)
		return err_setf(e, "cannot fetch '%s': cannot start libcurl", url);
	prepare(c, url, o, body);
	rc = curl_easy_perform(c->curl);
	return conclude(c, rc, url, o, body, e);
}

/* ---- many transfers at once (http.h) ---- */

struct http_multi {
	CURLM *m;
	int running;
};

struct http_multi *http_multi_new(void)
{
	struct http_multi *m = xcalloc(1, sizeof(*m));

	if (!curl_state)
		curl_state = curl_global_init(CURL_GLOBAL_DEFAULT) == 0 ? 1 : -1;
	if (curl_state > 0)
		m->m = curl_multi_init();
	return m;
}

void http_multi_free(struct http_multi *m)
{
	if (!m)
		return;
	if (m->m)
		curl_multi_cleanup(m->m);
	free(m);
}

int http_multi_start(struct http_multi *m, struct http_client *c,
		     const char *url, const struct http_opts *o,
		     struct sb *body, http_done_fn done, void *arg,
		     struct err *e)
{
	sb_reset(body);
	if (!c->curl || !m->m)
		return err_setf(e, "cannot fetch '%s': cannot start libcurl", url);
	if (c->busy)
		return err_setf(e, "cannot fetch '%s': a request of this target "
				"is still running", url);
	prepare(c, url, o, body);
	c->url = xstrdup(url);
	c->opts = *o;
	c->done_body = body;
	c->done = done;
	c->done_arg = arg;
	if (curl_multi_add_handle(m->m, c->curl) != CURLM_OK) {
		free(c->url);
		c->url = NULL;
		return err_setf(e, "cannot fetch '%s': cannot start the transfer",
				url);
	}
	c->busy = 1;
	c->multi = m;
	m->running++;
	return 0;
}

void http_multi_cancel(struct http_client *c)
{
	if (!c || !c->busy)
		return;
	curl_multi_remove_handle(c->multi->m, c->curl);
	c->multi->running--;
	c->busy = 0;
	c->body = NULL;
	free(c->url);
	c->url = NULL;
}

int http_multi_pending(const struct http_multi *m)
{
	return m->running;
}

void http_multi_run(struct http_multi *m, long wait_ms)
{
	CURLMsg *msg;
	int still = 0, left;

	if (!m->m)
		return;
	if (m->running && wait_ms > 0)
		curl_multi_poll(m->m, NULL, 0, (int)wait_ms, NULL);
	curl_multi_perform(m->m, &still);
	while ((msg = curl_multi_info_read(m->m, &left))) {
		struct http_client *c = NULL;
		struct err e = ERR_INIT;
		http_done_fn done;
		char *url;
		int rc;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&c);
		rc = conclude(c, msg->data.result, c->url, &c->opts, c->done_body,
			      &e);
		curl_multi_remove_handle(m->m, c->curl);
		m->running--;
		c->busy = 0;
		done = c->done;
		url = c->url;
		c->url = NULL;
		/* the callback may start the next request of c */
		done(c->done_arg, rc, &e);
		free(url);
	}
}
