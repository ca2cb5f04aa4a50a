/*
 * httpclient: which calls return an *http.Response whose body the caller
 * must close, for body-not-closed (through flow.c's creator test).
 *
 * Without a type checker the receiver of `x.Do(req)` is known from what
 * the package says about x: http.DefaultClient; a local or parameter
 * declared *http.Client or built with &http.Client{...} / new(http.Client)
 * (with or without a Transport of its own: the body must be closed
 * whatever answers); a field declared *http.Client (in x's struct type,
 * or in every struct of the package with a field of that name); a struct
 * that embeds http.Client or *http.Client (h.Do is promoted); a client
 * returned by a package function (newClient().Do(req)).  RoundTrip(req)
 * with one argument on any receiver returns a response to close too (the
 * RoundTripper contract), and so does a call of a package function or
 * method whose first result is *http.Response (a wrapper around Do).
 * HEAD requests (http.NewRequest("HEAD", ...)) are left out: their body is
 * http.NoBody.
 *
 * Reads only the package's AST (owned by the package arena); allocates
 * nothing.
 */
#ifndef LINT_HTTPCLIENT_H
#define LINT_HTTPCLIENT_H

#include "rule.h"

/* 1 if call c, in function fn (NULL: only the package-level forms,
 * http.DefaultClient and http.DefaultTransport) of package pkg (may be
 * NULL), returns a response whose body must be closed. */
int lint_http_response_call(const struct go_package *pkg,
			    const struct lint_func *fn,
			    const struct go_call_expr *c);

#endif
