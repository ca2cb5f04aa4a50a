/*
 * http: the one libcurl wrapper, for every fetch (top/list/flame/goroutines
 * sources, watch and run sampling).
 *
 * A server is not trusted to behave: every GET has a connect and a total
 * timeout, the body is cut off at a byte limit, and a status other than
 * 2xx is an error.  A client keeps one curl handle, so that the connection
 * to a target is reused between requests (watch samples every few seconds).
 * The client owns its handle; the caller owns the body builder.  Not
 * thread-safe: one client per thread (libcurl is initialised once, on the
 * first client, from the thread that makes it).
 *
 * Every failure has one wording, whoever fetched:
 *     cannot fetch 'URL': connection refused
 *     cannot fetch 'URL': could not connect within 2000 ms
 *     cannot fetch 'URL': timed out after 1000 ms
 *     cannot fetch 'URL': body exceeds 33554432 bytes
 *     cannot fetch 'URL': HTTP 404 Not Found: unknown profile
 *     cannot fetch 'URL': <libcurl's reason> (a name that does not resolve...)
 */
#ifndef BASE_HTTP_H
#define BASE_HTTP_H

#include <stddef.h>

#include "err.h"
#include "sb.h"

struct http_opts {
	long connect_timeout_ms;  /* > 0 */
	long timeout_ms;          /* > 0: the whole request */
	size_t max_body;          /* > 0: bytes */
	int follow_redirects;     /* up to 5, to http(s) only */
	const char *user_agent;   /* NULL: "leakhound" */
};

struct http_client;

/* Never NULL; a client whose libcurl could not start fails every GET. */
struct http_client *http_client_new(void);
void http_client_free(struct http_client *c);

/* GET url into body (reset first; NUL-terminated).  Returns 0, or -1 with
 * e filled as above (for a non-2xx status, the first line of the body,
 * which is how Go's handlers explain an error, follows the reason). */
int http_get(struct http_client *c, const char *url, const struct http_opts *o,
	     struct sb *body, struct err *e);

/* ---- many transfers from one thread: libcurl's multi interface ----
 *
 * A multi drives the transfers of many clients at once, so that a slow or
 * dead server delays only its own requests.  A client has at most one
 * transfer running; its body builder must live until the transfer ends.
 * http_multi_run waits up to wait_ms for activity, advances every
 * transfer and calls done(arg, rc, e) for each that ended (rc and e as
 * http_get's), from the calling thread; done may start the client's next
 * request.  The multi does not own the clients: free a client (which
 * cancels its transfer) before the multi. */
struct http_multi;
typedef void (*http_done_fn)(void *arg, int rc, const struct err *e);

struct http_multi *http_multi_new(void);
void http_multi_free(struct http_multi *m);
/* 0, or -1 with e filled (done is then not called). */
int http_multi_start(struct http_multi *m, struct http_client *c,
		     const char *url, const struct http_opts *o,
		     struct sb *body, http_done_fn done, void *arg,
		     struct err *e);
/* Drop the running transfer of c, if any (done is not called). */
void http_multi_cancel(struct http_client *c);
int http_multi_pending(const struct http_multi *m);
void http_multi_run(struct http_multi *m, long wait_ms);

#endif
