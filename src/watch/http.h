/*
 * http: bounded GETs for the sampler (libcurl).
 *
 * A live target is not trusted to behave: every request has a connect and a
 * total timeout, the body is cut off at a byte limit, and any status other
 * than 2xx is an error.  One handle is kept across requests so that the
 * connection to the target is reused between samples.
 */
#ifndef WATCH_HTTP_H
#define WATCH_HTTP_H

#include <stddef.h>

#include "../base/err.h"
#include "../base/sb.h"

struct watch_http;

/* timeout_ms: whole request; max_body: bytes.  Never NULL. */
struct watch_http *watch_http_new(long timeout_ms, size_t max_body);
void watch_http_free(struct watch_http *h);

/* GET url into body (reset first).  Returns 0, or -1 with e filled:
 * "GET 'URL': connection refused", "... HTTP 500", "... timed out after
 * 1000 ms", "... body exceeds 33554432 bytes". */
int watch_http_get(struct watch_http *h, const char *url, struct sb *body,
		   struct err *e);

#endif
