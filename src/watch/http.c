/*
 * http: libcurl easy interface, one handle reused.  The body limit is
 * enforced in the write callback (returning short makes curl abort the
 * transfer), so a body that never ends costs at most max_body bytes and
 * the timeout.
 */
#include "http.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "../base/xalloc.h"

struct watch_http {
	CURL *curl;
	long timeout_ms;
	size_t max_body;
	struct sb *body;
	int too_big;
};

static int curl_ready;

struct watch_http *watch_http_new(long timeout_ms, size_t max_body)
{
	struct watch_http *h = xcalloc(1, sizeof(*h));

	if (!curl_ready) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		curl_ready = 1;
	}
	h->curl = curl_easy_init();
	h->timeout_ms = timeout_ms;
	h->max_body = max_body;
	return h;
}

void watch_http_free(struct watch_http *h)
{
	if (!h)
		return;
	if (h->curl)
		curl_easy_cleanup(h->curl);
	free(h);
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	struct watch_http *h = arg;
	size_t len = size * n;

	if (h->body->len + len > h->max_body) {
		h->too_big = 1;
		return 0;
	}
	sb_add(h->body, data, len);
	return len;
}

int watch_http_get(struct watch_http *h, const char *url, struct sb *body,
		   struct err *e)
{
	CURLcode rc;
	long status = 0;
	long connect_ms = h->timeout_ms < 2000 ? h->timeout_ms : 2000;

	if (!h->curl)
		return err_setf(e, "GET '%s': cannot start libcurl", url);
	sb_reset(body);
	h->body = body;
	h->too_big = 0;
	curl_easy_setopt(h->curl, CURLOPT_URL, url);
	curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h->curl, CURLOPT_TIMEOUT_MS, h->timeout_ms);
	curl_easy_setopt(h->curl, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(h->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h->curl, CURLOPT_USERAGENT, "leakhound-watch");
	rc = curl_easy_perform(h->curl);
	h->body = NULL;
	if (h->too_big)
		return err_setf(e, "GET '%s': body exceeds %zu bytes", url,
				h->max_body);
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return err_setf(e, "GET '%s': timed out after %ld ms", url,
				h->timeout_ms);
	if (rc == CURLE_COULDNT_CONNECT)
		return err_setf(e, "GET '%s': connection refused", url);
	if (rc != CURLE_OK)
		return err_setf(e, "GET '%s': %s", url, curl_easy_strerror(rc));
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
	if (status < 200 || status > 299)
		return err_setf(e, "GET '%s': HTTP %ld", url, status);
	return 0;
}
