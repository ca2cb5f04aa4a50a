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

int http_get(struct http_client *c, const char *url, const struct http_opts *o,
	     struct sb *body, struct err *e)
{
	char cerr[CURL_ERROR_SIZE];
	CURLcode rc;
	long status = 0, connect_ms, oserr = 0;
	curl_off_t connected = 0;

	sb_reset(body);
	if (!c->curl)
		return err_setf(e, "cannot fetch '%s': cannot start libcurl", url);
	connect_ms = o->connect_timeout_ms < o->timeout_ms ?
		     o->connect_timeout_ms : o->timeout_ms;
	c->body = body;
	c->max_body = o->max_body;
	c->too_big = 0;
	cerr[0] = 0;
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, o->timeout_ms);
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(c->curl, CURLOPT_FOLLOWLOCATION,
			 o->follow_redirects ? 1L : 0L);
	curl_easy_setopt(c->curl, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c->curl, CURLOPT_USERAGENT,
			 o->user_agent ? o->user_agent : "leakhound");
	curl_easy_setopt(c->curl, CURLOPT_ACCEPT_ENCODING, "");
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c->curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
	rc = curl_easy_perform(c->curl);
	c->body = NULL;
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, NULL);
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
