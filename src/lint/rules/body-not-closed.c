/*
 * body-not-closed: an *http.Response whose Body is not closed on every path
 * where the response is non-nil.
 *
 * Until the body is closed the transport cannot reuse or release the
 * connection: its read and write goroutines and buffers stay alive, one set
 * per request.  The response comes from http.Get/Head/Post/PostForm, from
 * Do/Get/Head/Post/PostForm on a value we can see is an *http.Client, or
 * from RoundTrip on http.DefaultTransport or an http.Transport.  The error
 * check of the same call is a path without a response.
 */
#include "../fields.h"
#include "../flow.h"
#include "../lifetime.h"

static void found(struct lint_ctx *cx, const struct lint_func *fn,
		  const struct lint_res *r, struct go_node *call, void *arg)
{
	struct go_node *where = NULL, *where2 = NULL;
	struct finding *fd;
	struct lint_res r2;

	(void)arg;
	if (r->kind != LINT_RES_BODY)
		return;
	if (lint_flow_check(cx, fn, r, &where) != LINT_FLOW_LEAKS)
		return;
	/* every path that leaves it open read it with io.ReadAll first: the
	 * HTTP/1 transport hands the connection back at EOF (and a read
	 * error has closed it), so nothing piles up -- yet */
	r2 = *r;
	r2.read_releases = 1;
	if (lint_flow_check(cx, fn, &r2, &where2) != LINT_FLOW_LEAKS) {
		fd = lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
			arena_printf(cx->arena, "defer %s.Body.Close() right after "
			     "the error check", r->var->name),
			"the body of response '%s' is read to EOF but not closed "
			"on every path: the connection goes back to the pool at "
			"EOF, so it does not pile up today, but net/http requires "
			"the Close, and a change that stops reading early (an "
			"early return, a size limit, a decoder) will leak the "
			"connection with its goroutines", r->var->name);
		if (where->kind == GO_RETURN_STMT)
			lint_related(cx, fd, fn->file, where,
				     "returns here without closing the body");
		return;
	}
	fd = lint_report(cx, fn->file, call, REPORT_SEV_ERROR,
		arena_printf(cx->arena, "defer %s.Body.Close() right after "
			     "the error check", r->var->name),
		"the body of response '%s' is %s: unless it happens to be read "
		"to EOF, its connection cannot be reused or released, and the "
		"connection's goroutines and buffers stay alive with every such "
		"request", r->var->name, lint_life_words(cx, fn, r, "closed"));
	if (where->kind == GO_RETURN_STMT)
		lint_related(cx, fd, fn->file, where, "returns here with the body open");
	else if (where == r->def)
		lint_related(cx, fd, fn->file, where,
			     "created again here by the next iteration with the body open");
}

static void discarded(struct lint_ctx *cx, const struct lint_func *fn,
		      enum lint_res_kind kind, struct go_node *call, void *arg)
{
	(void)arg;
	if (kind != LINT_RES_BODY)
		return;
	lint_report(cx, fn->file, call, REPORT_SEV_ERROR,
		"keep the response and defer resp.Body.Close()",
		"the response is discarded, so its body can never be closed: the "
		"connection and its goroutines leak with every request");
}

/* Does some file of the package import net/http (or ctxhttp)?  A file
 * that does not can still get a response from a RoundTripper or a client
 * kept in a field declared in another file, or from a package wrapper. */
static int pkg_uses_http(const struct lint_ctx *cx)
{
	for (size_t i = 0; i < cx->pkg->nfiles; i++)
		if (lint_file_imports(cx->pkg->files[i], "net/http") ||
		    lint_file_imports(cx->pkg->files[i],
				      "golang.org/x/net/context/ctxhttp"))
			return 1;
	return 0;
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	if (!*(int *)arg)
		return;
	lint_flow_find(cx, fn, found, discarded, NULL);
}

/* A response kept in a field (the field model, ../fields.h) whose body no
 * function of the package closes or hands on (any use of x.resp.Body other
 * than Body.Close() counts as handing it on). */
static void unclosed_field(struct lint_ctx *cx, const struct lint_field *fl)
{
	const struct lint_fsite *set = &fl->site[LINT_FOP_SET_FRESH];
	struct finding *fd;

	fd = lint_report(cx, set->file, set->at, REPORT_SEV_WARNING,
		"close the body in the type's Close method (x.resp.Body.Close()) "
		"and call that when the value is done",
		"the response stored in field '%s' of %s: its body is never "
		"closed by any method or function of the package, so the "
		"connection and its goroutines stay while the %s is referenced",
		fl->name, fl->owner->name, fl->owner->name);
	if (fd)
		fd->confidence = REPORT_CONF_MEDIUM;
	lint_fields_related(cx, fd, fl, "close");
}

void lint_rule_body_not_closed(struct lint_ctx *cx)
{
	int uses = pkg_uses_http(cx);

	lint_foreach_func(cx, check_func, &uses);
	lint_fields_unreleased(cx, LINT_FK_RESP, LINT_FOP(LINT_FOP_CLOSE),
			       unclosed_field);
}
