/*
 * flow: release-on-every-path analysis for the resource rules (flow.h).
 *
 * The analysis is structured (it follows the AST, not a CFG): Go without
 * goto has only structured control flow plus break/continue/return, which a
 * small stack of loop/switch contexts models exactly.  States are bit sets
 * of what the variable may be on the paths reaching a point, so joins are
 * ORs and loops converge in a couple of rounds.
 */
#include "flow.h"
#include "cond.h"
#include "lifetime.h"
#include "httpclient.h"
#include "facts.h"
#include "../base/vec.h"

#include <stdlib.h>
#include <string.h>

enum {
	S_NOTDEF = 1,   /* not created yet on this path */
	S_OPEN = 2,
	S_DONE = 4,     /* released, or nil on this path */
	S_DEFER = 8,    /* not created yet, but a deferred release is armed */
};

/* ---------- recognising calls ---------- */


static int is_var(const struct go_node *n, const struct go_ident *var)
{
	return var && go_local_var(n) == var;
}

static const char *const file_creators[] = {
	"Open", "OpenFile", "Create", "CreateTemp", "NewFile", NULL
};
/* Head is left out on purpose: the transport gives a HEAD response
 * http.NoBody and reuses the connection at once (hasBody is false in
 * net/http's readLoop), so an unclosed HEAD response leaks nothing. */
static const char *const http_funcs[] = {
	"Get", "Post", "PostForm", NULL
};
/* golang.org/x/net/context/ctxhttp: net/http's calls with a context
 * (Do(ctx, client, req) and the rest); each returns a response to close */
static const char *const ctxhttp_funcs[] = {
	"Do", "Get", "Post", "PostForm", NULL
};
static const char *const cancel_creators[] = {
	"WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause",
	"WithTimeoutCause", "WithDeadlineCause", NULL
};

static int member_of(const struct go_node *fun, const char *path,
		     const char *const *names)
{
	for (; *names; names++)
		if (go_is_pkg_member(fun, path, *names))
			return 1;
	return 0;
}

/* A call of a same-package helper whose facts (facts.h) say it returns a
 * new resource: ownership moved to the caller, which must release it. */
static int helper_creates(struct lint_ctx *cx, const struct go_call_expr *c,
			  enum lint_res_kind *kind)
{
	const struct lint_facts *lf = cx ? lint_facts_callee(cx, c->fun) : NULL;

	if (!lf || !lf->nresults)
		return 0;
	switch (lf->results[0]) {
	case LINT_RESULT_FILE: *kind = LINT_RES_FILE; return 1;
	case LINT_RESULT_BODY: *kind = LINT_RES_BODY; return 1;
	case LINT_RESULT_TICKER: *kind = LINT_RES_TICKER; return 1;
	default: break;
	}
	if (lf->nresults == 2 && lf->results[1] == LINT_RESULT_CANCEL) {
		*kind = LINT_RES_CANCEL;
		return 1;
	}
	return 0;
}

static int flow_creator_in(struct lint_ctx *cx,
			   const struct lint_func *fn, const struct go_node *n,
			   enum lint_res_kind *kind)
{
	const struct go_package *pkg = cx ? cx->pkg : NULL;
	const struct go_call_expr *c;

	n = go_unparen(n);
	if (!n || n->kind != GO_CALL_EXPR)
		return 0;
	c = GO_CAST(go_call_expr, n);
	if (member_of(c->fun, "os", file_creators)) {
		*kind = LINT_RES_FILE;
		return 1;
	}
	if (member_of(c->fun, "net/http", http_funcs) ||
	    member_of(c->fun, "golang.org/x/net/context/ctxhttp", ctxhttp_funcs)) {
		*kind = LINT_RES_BODY;
		return 1;
	}
	if (member_of(c->fun, "context", cancel_creators)) {
		*kind = LINT_RES_CANCEL;
		return 1;
	}
	if (go_is_pkg_member(c->fun, "time", "NewTicker")) {
		*kind = LINT_RES_TICKER;
		return 1;
	}
	if (lint_http_response_call(pkg, fn, c)) {
		*kind = LINT_RES_BODY;
		return 1;
	}
	return helper_creates(cx, c, kind);
}

int lint_flow_creator(const struct go_node *n, enum lint_res_kind *kind)
{
	return flow_creator_in(NULL, NULL, n, kind);
}

int lint_flow_creator_cx(struct lint_ctx *cx, const struct go_node *n,
			 enum lint_res_kind *kind)
{
	return flow_creator_in(cx, NULL, n, kind);
}

/* Functions that read from or write to a value without keeping it. */
struct consumer {
	const char *path, *name;
	int wraps;   /* returns a wrapper that keeps the value */
};

static const struct consumer consumers[] = {
	{ "io", "Copy", 0 }, { "io", "CopyN", 0 }, { "io", "CopyBuffer", 0 },
	{ "io", "ReadAll", 0 }, { "io", "ReadFull", 0 },
	{ "io", "ReadAtLeast", 0 }, { "io", "WriteString", 0 },
	{ "io/ioutil", "ReadAll", 0 },
	{ "fmt", "Fprint", 0 }, { "fmt", "Fprintf", 0 },
	{ "fmt", "Fprintln", 0 }, { "fmt", "Fscan", 0 },
	{ "fmt", "Fscanf", 0 }, { "fmt", "Fscanln", 0 },
	{ "bufio", "NewReader", 1 }, { "bufio", "NewReaderSize", 1 },
	{ "bufio", "NewScanner", 1 }, { "bufio", "NewWriter", 1 },
	{ "bufio", "NewWriterSize", 1 },
	{ "encoding/json", "NewDecoder", 1 }, { "encoding/json", "NewEncoder", 1 },
	{ "encoding/xml", "NewDecoder", 1 }, { "encoding/xml", "NewEncoder", 1 },
	{ "encoding/gob", "NewDecoder", 1 }, { "encoding/gob", "NewEncoder", 1 },
	{ "encoding/csv", "NewReader", 1 }, { "encoding/csv", "NewWriter", 1 },
	{ "io", "LimitReader", 1 }, { "io", "TeeReader", 1 },
	{ "net/http/httputil", "DumpResponse", 0 },
	{ NULL, NULL, 0 }
};

static const struct consumer *consumer_of(const struct go_node *fun)
{
	for (const struct consumer *c = consumers; c->path; c++)
		if (go_is_pkg_member(fun, c->path, c->name))
			return c;
	return NULL;
}

/* ---------- summaries ---------- */

static const struct lint_summary *summary_of(struct lint_ctx *cx,
					     const struct go_node *fun)
{
	return lint_callee_summary(cx, fun);
}

/* Is every mention of local v in body the callee of a call without
 * arguments (`cleanup()`, `defer cleanup()`)? */
struct callscan {
	const struct go_ident *v;
	int mentions, calls;
};

static int callscan_fn(struct go_node *n, void *ctx)
{
	struct callscan *cs = ctx;

	if (n->kind == GO_CALL_EXPR && !GO_CAST(go_call_expr, n)->args.n &&
	    go_local_var(GO_CAST(go_call_expr, n)->fun) == cs->v)
		cs->calls++;
	if (n->kind == GO_IDENT && go_local_var(n) == cs->v &&
	    !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF))
		cs->mentions++;
	return 1;
}

static int closure_only_called(const struct go_block_stmt *body,
			       const struct go_ident *v)
{
	struct callscan cs = { v, 0, 0 };

	if (!v || !body)
		return 0;
	go_ast_inspect((struct go_node *)body, callscan_fn, NULL, &cs);
	return cs.mentions > 0 && cs.mentions == cs.calls;
}

/* Is call c a release of r's variable? */
static int call_releases(struct lint_ctx *cx, const struct lint_res *r,
			 const struct go_call_expr *c)
{
	struct go_node *x, *y;
	const struct lint_summary *s;

	switch (r->kind) {
	case LINT_RES_FILE:
		if (go_is_selector(c->fun, "Close", &x) && is_var(x, r->var))
			return 1;
		break;
	case LINT_RES_TICKER:
		if (go_is_selector(c->fun, "Stop", &x) && is_var(x, r->var))
			return 1;
		break;
	case LINT_RES_BODY:
		if (go_is_selector(c->fun, "Close", &x) && go_is_selector(x, "Body", &y) &&
		    is_var(y, r->var))
			return 1;
		if (r->read_releases &&
		    (go_is_pkg_member(c->fun, "io", "ReadAll") ||
		     go_is_pkg_member(c->fun, "io/ioutil", "ReadAll")) &&
		    c->args.n == 1 && go_is_selector(c->args.v[0], "Body", &y) &&
		    is_var(y, r->var))
			return 1;
		/* io.Copy(io.Discard, resp.Body): a writer that never fails,
		 * so it reads to EOF (or to a read error) too */
		if (r->read_releases && go_is_pkg_member(c->fun, "io", "Copy") &&
		    c->args.n == 2 &&
		    (go_is_pkg_member(c->args.v[0], "io", "Discard") ||
		     go_is_pkg_member(c->args.v[0], "io/ioutil", "Discard")) &&
		    go_is_selector(c->args.v[1], "Body", &y) && is_var(y, r->var))
			return 1;
		/* httputil.DumpResponse(resp, true) drains and closes the
		 * body, and leaves an in-memory copy in its place */
		if (go_is_pkg_member(c->fun, "net/http/httputil", "DumpResponse") &&
		    c->args.n == 2 && is_var(c->args.v[0], r->var) &&
		    go_is_universe(c->args.v[1], "true"))
			return 1;
		break;
	case LINT_RES_CANCEL:
		if (is_var(c->fun, r->var))
			return 1;
		break;
	}
	if (r->scope && c->args.n == 0 && go_local_var(c->fun)) {
		/* cleanup() of `cleanup := func() { f.Close() }` (facts.h) */
		struct lint_func_value v;

		if (lint_facts_func_value(cx, NULL, r->scope, c->fun, &v) && v.lit &&
		    closure_only_called(r->scope, go_local_var(c->fun)) &&
		    lint_flow_releases(cx, r, (struct go_node *)v.lit->body))
			return 1;
	}
	s = summary_of(cx, c->fun);
	if (s) {
		for (uint32_t i = 0; i < c->args.n && i < 32; i++) {
			unsigned bit = 1u << i;
			struct go_node *a = c->args.v[i];

			if (r->kind == LINT_RES_BODY && go_is_selector(a, "Body", &y) &&
			    is_var(y, r->var) && (s->closes & bit))
				return 1;
			if (!is_var(a, r->var))
				continue;
			if ((r->kind == LINT_RES_FILE || r->kind == LINT_RES_BODY) &&
			    (s->closes & bit))
				return 1;
			if (r->kind == LINT_RES_TICKER && (s->stops & bit))
				return 1;
			if (r->kind == LINT_RES_CANCEL && (s->calls & bit))
				return 1;
		}
	}
	return 0;
}

struct rel_scan {
	struct lint_ctx *cx;
	const struct lint_res *r;
	int found;
};

static int rel_scan_fn(struct go_node *n, void *ctx)
{
	struct rel_scan *rs = ctx;

	if (rs->found || n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_CALL_EXPR &&
	    call_releases(rs->cx, rs->r, GO_CAST(go_call_expr, n)))
		rs->found = 1;
	return !rs->found;
}

int lint_flow_releases(struct lint_ctx *cx, const struct lint_res *r,
		       struct go_node *n)
{
	struct rel_scan rs = { cx, r, 0 };

	if (n)
		go_ast_inspect(n, rel_scan_fn, NULL, &rs);
	return rs.found;
}

/* A deferred statement releases r: defer v.Close(), defer cancel(),
 * defer func() { ... v.Close() ... }(), defer closeIt(v). */
static int defer_releases(struct lint_ctx *cx, const struct lint_res *r,
			  const struct go_defer_stmt *d)
{
	const struct go_node *call = d->call;
	const struct go_call_expr *c;
	struct go_node *f;

	if (!call || call->kind != GO_CALL_EXPR)
		return 0;
	c = GO_CAST(go_call_expr, call);
	f = go_unparen(c->fun);
	if (f && f->kind == GO_FUNC_LIT)
		return lint_flow_releases(cx, r,
			(struct go_node *)GO_CAST(go_func_lit, f)->body);
	return call_releases(cx, r, c);
}

static int is_blank(const struct go_node *n)
{
	return n && n->kind == GO_IDENT && !strcmp(GO_CAST(go_ident, n)->name, "_");
}

/* ---------- use classification ---------- */

struct uses {
	struct lint_ctx *cx;
	const struct lint_res *r;
	const struct go_file *file;
	VEC(struct go_node *) stack;
	int escapes;
	int has_goto;
	/* statements that hand the value over on their path: x.f = v,
	 * m[k] = v, t := &T{f: v}, return &T{f: v}, nil */
	VEC(struct go_node *) stores;
	/* go func() { ... v ... }(): the go statements whose literal uses
	 * v, and the uses outside function literals (the def's excepted) */
	VEC(struct go_node *) gos;
	int outside;
};

/* Does local variable w (holding a wrapper of the resource) leave the
 * function?  Any use other than a method call or a plain argument counts. */
struct wscan {
	const struct go_ident *w;
	VEC(struct go_node *) stack;
	int escapes;
};

static int wscan_fn(struct go_node *n, void *ctx)
{
	struct wscan *ws = ctx;

	vec_push(&ws->stack, n);
	if (n->kind == GO_IDENT && n != (struct go_node *)ws->w &&
	    GO_CAST(go_ident, n)->decl == ws->w && ws->stack.len >= 2) {
		struct go_node *p = ws->stack.items[ws->stack.len - 2];

		if (p->kind != GO_SELECTOR_EXPR && p->kind != GO_CALL_EXPR &&
		    p->kind != GO_BINARY_EXPR)
			ws->escapes = 1;
	}
	return 1;
}

static void wscan_post(struct go_node *n, void *ctx)
{
	struct wscan *ws = ctx;

	(void)n;
	ws->stack.len--;
}

static int wrapper_escapes(struct go_node *body, const struct go_ident *w)
{
	struct wscan ws;

	memset(&ws, 0, sizeof(ws));
	ws.w = w;
	go_ast_inspect(body, wscan_fn, wscan_post, &ws);
	vec_free(&ws.stack);
	return ws.escapes;
}

/* Is the value at stack depth i (stack[i]) used as an argument of a
 * consumer call that does not keep it?  body is for wrapper checks. */
static int consumed(struct uses *u, size_t i, struct go_node *body)
{
	struct go_node *p, *gp;
	const struct consumer *c;

	if (i == 0)
		return 0;
	p = u->stack.items[i - 1];
	if (p->kind != GO_CALL_EXPR ||
	    GO_CAST(go_call_expr, p)->fun == u->stack.items[i])
		return 0;
	c = consumer_of(GO_CAST(go_call_expr, p)->fun);
	if (!c)
		return 0;
	if (!c->wraps)
		return 1;
	if (i < 2)
		return 0;
	gp = u->stack.items[i - 2];
	if (gp->kind == GO_SELECTOR_EXPR)
		return 1;   /* json.NewDecoder(r.Body).Decode(&v) */
	if (gp->kind == GO_CALL_EXPR && GO_CAST(go_call_expr, gp)->fun != p) {
		/* io.ReadAll(io.LimitReader(resp.Body, n)): the wrapper goes
		 * straight into a consumer; it is kept if that one wraps too */
		const struct consumer *outer =
			consumer_of(GO_CAST(go_call_expr, gp)->fun);

		if (outer && !outer->wraps)
			return 1;
	}
	if (gp->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, gp);

		if (a->tok == GO_TOK_DEFINE && a->lhs.n == 1 && a->rhs.n == 1 &&
		    a->lhs.v[0]->kind == GO_IDENT)
			return !wrapper_escapes(body,
					GO_CAST(go_ident, a->lhs.v[0]));
	}
	return 0;
}

/* `cleanup := func() { ... f.Close() ... }` where cleanup is only ever
 * called: a use inside it is the cleanup's, like a deferred closure's.
 * Only a literal that releases the resource qualifies, and only when the
 * resource's scope is known (r->scope). */
static int closure_var_called(struct uses *u, struct go_node *parent,
			      struct go_node *lit, struct go_node *body)
{
	struct go_assign_stmt *as;
	const struct go_ident *v;

	if (parent->kind != GO_ASSIGN_STMT || !u->r->scope)
		return 0;
	as = GO_CAST(go_assign_stmt, parent);
	if (as->tok != GO_TOK_DEFINE || as->lhs.n != 1 || as->rhs.n != 1 ||
	    as->rhs.v[0] != lit || !(v = go_local_var(as->lhs.v[0])))
		return 0;
	return closure_only_called((struct go_block_stmt *)body, v) &&
		lint_flow_releases(u->cx, u->r,
				   (struct go_node *)GO_CAST(go_func_lit, lit)->body);
}

/* Does a top-level statement of the function's body defer a release of
 * r?  Then the function keeps the ownership: resp.Body handed to a reader
 * call after `defer resp.Body.Close()` is borrowed, not handed over.  A
 * defer under a branch says nothing about the other branches. */
static int defers_release(struct uses *u, struct go_node *body)
{
	const struct go_list *l;

	if (!body || body->kind != GO_BLOCK_STMT)
		return 0;
	l = &GO_CAST(go_block_stmt, body)->list;
	for (uint32_t i = 0; i < l->n; i++)
		if (l->v[i]->kind == GO_DEFER_STMT &&
		    defer_releases(u->cx, u->r, GO_CAST(go_defer_stmt, l->v[i])))
			return 1;
	return 0;
}

/* Is the function literal at stack position i called at once by a
 * statement of kind k: `defer func() {...}()`, `go func() {...}()`? */
static int lit_called_by(const struct uses *u, size_t i, enum go_kind k)
{
	return i >= 2 && u->stack.items[i - 1]->kind == GO_CALL_EXPR &&
		GO_CAST(go_call_expr, u->stack.items[i - 1])->fun == u->stack.items[i] &&
		u->stack.items[i - 2]->kind == (int)k;
}

/* The value at stack position top is an element (or a key's value) of a
 * composite literal, maybe nested or behind &, that is assigned,
 * declared or returned: the statement doing so, or NULL. */
static struct go_node *composite_store(struct uses *u, size_t top)
{
	size_t i = top;
	int lit = 0;

	while (i >= 1) {
		struct go_node *c = u->stack.items[i], *q = u->stack.items[i - 1];

		if (q->kind == GO_KEY_VALUE_EXPR && GO_CAST(go_key_value_expr, q)->value == c)
			;
		else if (q->kind == GO_COMPOSITE_LIT)
			lit = 1;
		else if (q->kind == GO_UNARY_EXPR && GO_CAST(go_unary_expr, q)->op == GO_TOK_AND && lit)
			;
		else if (q->kind == GO_PAREN_EXPR)
			;
		else
			break;
		i--;
	}
	if (!lit || i < 1)
		return NULL;
	{
		struct go_node *c = u->stack.items[i], *q = u->stack.items[i - 1];

		if (q->kind == GO_RETURN_STMT)
			return q;
		if (q->kind == GO_ASSIGN_STMT) {
			const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, q);

			for (uint32_t k = 0; k < a->rhs.n; k++)
				if (a->rhs.v[k] == c && a->lhs.n == a->rhs.n)
					return q;
			return NULL;
		}
		if (q->kind == GO_VALUE_SPEC && i >= 3 &&
		    u->stack.items[i - 2]->kind == GO_GEN_DECL &&
		    u->stack.items[i - 3]->kind == GO_DECL_STMT)
			return u->stack.items[i - 3];
	}
	return NULL;
}

/* The use on top of the stack is inside a function literal, the
 * outermost one at stack position i: the go statement that starts it (go
 * func() {...}()), when it does and stands in no loop that does not also
 * hold the resource's creation (each iteration would start another
 * owner), else NULL. */
static struct go_node *go_literal_stmt(struct uses *u, size_t i)
{
	size_t k;
	struct go_node *gs;
	const struct go_node *def = u->r->def;

	if (!lit_called_by(u, i, GO_GO_STMT))
		return NULL;
	gs = u->stack.items[i - 2];
	for (k = 0; k + 2 < i; k++) {
		const struct go_node *l = u->stack.items[k];

		if ((l->kind == GO_FOR_STMT || l->kind == GO_RANGE_STMT) &&
		    (!def || def->off < l->off || def->end > l->end))
			return NULL;
	}
	return gs;
}

/* Classify one use of the variable (the identifier on top of the stack). */
static void classify(struct uses *u, struct go_node *body)
{
	size_t top = u->stack.len - 1, i;
	struct go_node *id = u->stack.items[top];
	struct go_node *p = top ? u->stack.items[top - 1] : NULL;
	struct go_node *gp = top >= 2 ? u->stack.items[top - 2] : NULL;
	struct go_node *ggp = top >= 3 ? u->stack.items[top - 3] : NULL;
	int in_closure = 0, deferred_closure = 0;

	for (i = 0; i < top; i++)
		if (u->stack.items[i]->kind == GO_FUNC_LIT) {
			in_closure = 1;
			deferred_closure = lit_called_by(u, i, GO_DEFER_STMT) ||
				(i >= 1 && closure_var_called(u, u->stack.items[i - 1],
							     u->stack.items[i], body));
			break;
		}
	if (in_closure && !deferred_closure) {
		/* go func() { ... v ... }(): the goroutine may own it
		 * (lint_flow_check decides); any other capture escapes */
		struct go_node *gs = go_literal_stmt(u, i);

		if (gs) {
			size_t k;

			for (k = 0; k < u->gos.len && u->gos.items[k] != gs; k++)
				;
			if (k == u->gos.len)
				vec_push(&u->gos, gs);
			return;
		}
		u->escapes = 1;
		return;
	}
	u->outside++;
	if (!p) {
		u->escapes = 1;
		return;
	}
	switch (p->kind) {
	case GO_SELECTOR_EXPR: {
		const char *sel = GO_CAST(go_selector_expr, p)->sel->name;
		int called = gp && gp->kind == GO_CALL_EXPR &&
			GO_CAST(go_call_expr, gp)->fun == p;

		if (u->r->kind == LINT_RES_BODY && !strcmp(sel, "Body")) {
			/* resp.Body: closed, read, or consumed */
			if (gp && gp->kind == GO_SELECTOR_EXPR &&
			    ggp && ggp->kind == GO_CALL_EXPR &&
			    GO_CAST(go_call_expr, ggp)->fun == gp)
				return;   /* resp.Body.Close(), resp.Body.Read() */
			if (gp && gp->kind == GO_BINARY_EXPR)
				return;
			/* return resp.Body, nil: handed over on this path only */
			if (gp && gp->kind == GO_RETURN_STMT && lint_life_returns(gp, u->r))
				return;
			if (consumed(u, top - 1, body))
				return;
			if (gp && gp->kind == GO_CALL_EXPR &&
			    lint_flow_releases(u->cx, u->r, gp))
				return;   /* closeBody(resp.Body) */
			/* decode(resp.Body) in a function that defers the
			 * Close itself: a borrow */
			if (gp && gp->kind == GO_CALL_EXPR && defers_release(u, body))
				return;
			u->escapes = 1;
			return;
		}
		if (called)
			return;   /* a method call: f.Read(), t.Reset(d) */
		if (!strcmp(sel, "Close") || !strcmp(sel, "Stop")) {
			u->escapes = 1;   /* a method value: cleanups = append(..., f.Close) */
			return;
		}
		return;   /* a field: t.C, resp.StatusCode */
	}
	case GO_CALL_EXPR: {
		struct go_call_expr *c = GO_CAST(go_call_expr, p);

		if (c->fun == id)
			return;   /* cancel() */
		if (call_releases(u->cx, u->r, c))
			return;   /* closeIt(f) with a summary */
		for (uint32_t ai = 0; ai < c->args.n; ai++)
			if (c->args.v[ai] == id && lint_facts_borrows(u->cx, c, ai))
				return;   /* logStatus(resp): the facts say it only uses it */
		if (consumed(u, top, body))
			return;
		for (uint32_t k = 0; k < c->args.n; k++)
			if (c->args.v[k] == id && lint_life_borrows(u->file, c, k))
				return;   /* tmpl.Execute(f, data) */
		if (defers_release(u, body))
			return;   /* copyTo(f) after defer f.Close(): a borrow */
		u->escapes = 1;
		return;
	}
	case GO_RETURN_STMT:
		/* return f, nil: handed to the caller on this path only */
		if (lint_life_returns(p, u->r))
			return;
		u->escapes = 1;
		return;
	case GO_BINARY_EXPR: {
		enum go_tok op = GO_CAST(go_binary_expr, p)->op;

		if (op == GO_TOK_EQL || op == GO_TOK_NEQ)
			return;
		u->escapes = 1;
		return;
	}
	case GO_ASSIGN_STMT: {
		/* _ = v keeps nothing */
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, p);

		for (uint32_t k = 0; k < a->rhs.n && k < a->lhs.n; k++)
			if (a->rhs.v[k] == id && is_blank(a->lhs.v[k]))
				return;
		/* ctx, cancel = context.WithTimeout(..): overwritten by
		 * another of its kind, which the walk checks */
		if (lint_life_recreates(u->cx, p, u->r))
			return;
		if (lint_life_stores(p, u->r)) {
			vec_push(&u->stores, p);
			return;
		}
		u->escapes = 1;
		return;
	}
	case GO_KEY_VALUE_EXPR:
	case GO_COMPOSITE_LIT: {
		struct go_node *at;

		/* T{index: index}: the key of a literal of a named or struct
		 * type is a field name the resolver may have bound to the
		 * variable; only a map literal's key is a value */
		if (p->kind == GO_KEY_VALUE_EXPR &&
		    GO_CAST(go_key_value_expr, p)->key == id && gp &&
		    gp->kind == GO_COMPOSITE_LIT && GO_CAST(go_composite_lit, gp)->type &&
		    (GO_CAST(go_composite_lit, gp)->type->kind == GO_IDENT ||
		     GO_CAST(go_composite_lit, gp)->type->kind == GO_SELECTOR_EXPR ||
		     GO_CAST(go_composite_lit, gp)->type->kind == GO_STRUCT_TYPE))
			return;
		at = composite_store(u, top);

		if (at) {
			vec_push(&u->stores, at);
			return;
		}
		u->escapes = 1;
		return;
	}
	default:
		u->escapes = 1;
		return;
	}
}

static int uses_fn(struct go_node *n, void *ctx)
{
	struct uses *u = ctx;

	vec_push(&u->stack, n);
	if (n->kind == GO_BRANCH_STMT &&
	    GO_CAST(go_branch_stmt, n)->tok == GO_TOK_GOTO)
		u->has_goto = 1;
	if (n->kind == GO_IDENT && n != (struct go_node *)u->r->var &&
	    GO_CAST(go_ident, n)->decl == u->r->var && !u->escapes) {
		/* the defining statement's own lhs occurrences are not uses */
		struct go_node *p = u->stack.len >= 2 ?
			u->stack.items[u->stack.len - 2] : NULL;

		if (p == u->r->def && p->kind == GO_ASSIGN_STMT) {
			struct go_assign_stmt *a = GO_CAST(go_assign_stmt, p);
			int in_lhs = 0;

			for (uint32_t i = 0; i < a->lhs.n; i++)
				if (a->lhs.v[i] == n)
					in_lhs = 1;
			if (in_lhs)
				return 1;
		}
		classify(u, (struct go_node *)u->stack.items[0]);
	}
	return 1;
}

static void uses_post(struct go_node *n, void *ctx)
{
	struct uses *u = ctx;

	(void)n;
	u->stack.len--;
}

/* ---------- path walk ---------- */

struct target {
	struct go_node *stmt;
	const char *label;
	int is_loop;
	unsigned brk, cont;
};

struct walk {
	struct lint_ctx *cx;
	const struct lint_res *r;
	struct go_node *leak;
	const char *pending_label;
	int err_stale;   /* the error variable was assigned again after def */
	int no_defer;    /* deferred releases do not count (lint_flow_loop_carries) */
	/* cancel: the context variable assigned with it (sub in `sub, cancel =
	 * context.WithCancel(ctx)`) while "sub is nil => cancel is not
	 * pending" holds (see paired_ctx); NULL when not used */
	const struct go_ident *pair;
	int pair_broken; /* a write to pair found the cancel pending */
	const struct go_ident *flag; /* ownership flag (cond.h), or NULL */
	const struct go_ident *ctxv; /* cancel: its context (cond.h), or NULL */
	unsigned lost_cont; /* states continuing a loop outside the walk */
	/* a deferred function literal releases the variable: it reads the
	 * variable when the function returns, so it covers every resource
	 * assigned to it later too (defer func() { if f != nil { f.Close() }
	 * }() before a loop that opens f) */
	int closure_defer;
	/* defer func() { if err != nil { release } }() with err the named
	 * result at index err_defer - 1: returns of a literal nil there leave
	 * the resource open, other returns release it; 0 when none */
	int err_defer;
	const struct lint_func *fn;
	/* the statements that hand the value over (struct uses' stores) */
	struct go_node *const *stores;
	size_t nstores;
	VEC(struct target) targets;
};

/* Does statement s assign to variable v (outside function literals)? */
struct assigns {
	const struct go_ident *v;
	int yes;
};

static int assigns_fn(struct go_node *n, void *ctx)
{
	struct assigns *a = ctx;

	if (n->kind == GO_FUNC_LIT || a->yes)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < as->lhs.n; i++)
			if (is_var(as->lhs.v[i], a->v))
				a->yes = 1;
	}
	return !a->yes;
}

static unsigned st_release(unsigned s)
{
	if (s & S_OPEN)
		s = (s & ~(unsigned)S_OPEN) | S_DONE;
	return s;
}

static unsigned st_def(unsigned s)
{
	unsigned o = 0;

	if (s & (S_NOTDEF | S_DONE | S_OPEN))
		o |= S_OPEN;
	if (s & S_DEFER)
		o |= S_DONE;
	return o;
}

static unsigned walk_stmt(struct walk *w, struct go_node *s, unsigned st);

/* Is d `defer func() { if err != nil { ... } }()` with err a named result
 * of fn?  Its index among fn's results plus one, or 0.  The caller has
 * seen that the literal releases the resource. */
static int err_only_defer(const struct lint_func *fn, const struct go_defer_stmt *d)
{
	const struct go_node *f, *c;
	const struct go_block_stmt *b;
	const struct go_if_stmt *is;
	const struct go_binary_expr *be;
	const struct go_ident *e;
	int idx = 0;

	if (!fn || !fn->type || !fn->type->results || !d->call ||
	    d->call->kind != GO_CALL_EXPR)
		return 0;
	f = go_unparen(GO_CAST(go_call_expr, d->call)->fun);
	if (!f || f->kind != GO_FUNC_LIT)
		return 0;
	b = GO_CAST(go_func_lit, f)->body;
	if (!b || b->list.n != 1 || b->list.v[0]->kind != GO_IF_STMT)
		return 0;
	is = GO_CAST(go_if_stmt, b->list.v[0]);
	c = go_unparen(is->cond);
	if (is->init || is->els || !c || c->kind != GO_BINARY_EXPR)
		return 0;
	be = GO_CAST(go_binary_expr, c);
	if (be->op != GO_TOK_NEQ || !go_is_universe(be->y, "nil") ||
	    !be->x || be->x->kind != GO_IDENT)
		return 0;
	e = GO_CAST(go_ident, be->x)->decl;
	if (!e)
		return 0;
	for (uint32_t i = 0; i < fn->type->results->list.n; i++) {
		const struct go_field *fd = GO_CAST(go_field, fn->type->results->list.v[i]);

		for (uint32_t k = 0; k < fd->names.n; k++, idx++)
			if (fd->names.v[k] == (const struct go_node *)e)
				return idx + 1;
		if (!fd->names.n)
			return 0;
	}
	return 0;
}

static unsigned walk_list(struct walk *w, const struct go_list *l, unsigned st)
{
	for (uint32_t i = 0; i < l->n && st; i++)
		st = walk_stmt(w, l->v[i], st);
	return st;
}

static void leak_at(struct walk *w, struct go_node *n)
{
	if (!w->leak)
		w->leak = n;
}

static int is_terminating_call(const struct go_node *x)
{
	const struct go_call_expr *c;
	struct go_node *f, *sx;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return 0;
	c = GO_CAST(go_call_expr, x);
	f = go_unparen(c->fun);
	if (go_is_universe(f, "panic"))
		return 1;
	if (go_is_pkg_member(f, "os", "Exit") ||
	    go_is_pkg_member(f, "runtime", "Goexit") ||
	    go_is_pkg_member(f, "log", "Fatal") ||
	    go_is_pkg_member(f, "log", "Fatalf") ||
	    go_is_pkg_member(f, "log", "Fatalln") ||
	    go_is_pkg_member(f, "log", "Panic") ||
	    go_is_pkg_member(f, "log", "Panicf") ||
	    go_is_pkg_member(f, "log", "Panicln"))
		return 1;
	/* t.Fatal/t.Fatalf/b.Fatal in tests */
	if ((go_is_selector(f, "Fatal", &sx) || go_is_selector(f, "Fatalf", &sx) ||
	     go_is_selector(f, "FailNow", &sx) || go_is_selector(f, "SkipNow", &sx) ||
	     go_is_selector(f, "Skip", &sx) || go_is_selector(f, "Skipf", &sx)) &&
	    go_local_var(sx))
		return 1;
	return 0;
}

/* 1: the then-branch holds no resource; 2: the else-branch holds none. */
static int nil_branch(struct walk *w, const struct go_node *cond)
{
	const struct go_binary_expr *b;
	const struct go_node *x, *y;
	int is_err, is_v;

	cond = go_unparen(cond);
	/* errors.Is(err, fs.ErrNotExist), if opened, ctx.Err() != nil */
	if (w->r->err && !w->err_stale && lint_cond_err_nonnil(cond, w->r->err))
		return 1;
	if ((is_v = lint_cond_flag_branch(cond, w->flag)) != 0)
		return is_v;
	if (lint_cond_ctx_done(cond, w->ctxv))
		return 1;
	if (!cond || cond->kind != GO_BINARY_EXPR)
		return 0;
	b = GO_CAST(go_binary_expr, cond);
	/* resp != nil && resp.Body != nil: the else-branch has no body to
	 * close; likewise f != nil && ... for the other resources only when
	 * the second test is again a nil test of the same value */
	/* err != nil && !os.IsExist(err): the then-branch needs every
	 * conjunct, so one that leaves no resource there is enough; an else
	 * branch of a || likewise needs every disjunct false */
	if (b->op == GO_TOK_LOR) {
		/* f == nil || err != nil: the then-branch needs one of them,
		 * and neither leaves a resource there */
		int nx = nil_branch(w, b->x), ny = nil_branch(w, b->y);

		if (nx == 2 || ny == 2)
			return 2;
		return nx == 1 && ny == 1 ? 1 : 0;
	}
	if (b->op == GO_TOK_LAND) {
		const struct go_node *r = go_unparen(b->y);
		struct go_node *bx = NULL;
		int nx = nil_branch(w, b->x);

		/* each side once: chains of && nest to the left */
		if (nx == 1 || nil_branch(w, b->y) == 1)
			return 1;
		if (nx != 2 || !r || r->kind != GO_BINARY_EXPR ||
		    GO_CAST(go_binary_expr, r)->op != GO_TOK_NEQ)
			return 0;
		if (is_var(GO_CAST(go_binary_expr, r)->x, w->r->var) ||
		    (go_is_selector(GO_CAST(go_binary_expr, r)->x, "Body", &bx) &&
		     is_var(bx, w->r->var)))
			return 2;
		return 0;
	}
	if (b->op != GO_TOK_EQL && b->op != GO_TOK_NEQ)
		return 0;
	x = go_unparen(b->x);
	y = go_unparen(b->y);
	if (!go_is_universe(y, "nil"))
		return 0;
	is_err = w->r->err && !w->err_stale && is_var(x, w->r->err);
	is_v = is_var(x, w->r->var) || (w->pair && is_var(x, w->pair));
	if (is_err)
		return b->op == GO_TOK_NEQ ? 1 : 2;
	if (is_v)
		return b->op == GO_TOK_EQL ? 1 : 2;
	return 0;
}

static struct target *find_target(struct walk *w, const struct go_ident *label,
				  int want_loop)
{
	for (size_t i = w->targets.len; i > 0; i--) {
		struct target *t = &w->targets.items[i - 1];

		if (label) {
			if (t->label && !strcmp(t->label, label->name))
				return t;
			continue;
		}
		if (!want_loop || t->is_loop)
			return t;
	}
	return NULL;
}

static unsigned walk_loop(struct walk *w, struct go_node *s,
			  struct go_block_stmt *body, struct go_node *post,
			  int endless, unsigned st)
{
	struct target t = { s, w->pending_label, 1, 0, 0 };
	unsigned in = st, out = 0, prev = ~0u, cont = 0, brk = 0;
	int round;

	w->pending_label = NULL;
	for (round = 0; round < 4; round++) {
		unsigned body_in = in | out | cont;
		size_t ti;

		if (body_in == prev)
			break;
		prev = body_in;
		vec_push(&w->targets, t);
		ti = w->targets.len - 1;
		out = body ? walk_list(w, &body->list, body_in) : body_in;
		cont = w->targets.items[ti].cont;
		brk |= w->targets.items[ti].brk;
		w->targets.len--;
		if (post)
			out = walk_stmt(w, post, out | cont);
	}
	if (endless)
		return brk;
	return brk | in | out | cont;
}

static unsigned walk_clauses(struct walk *w, struct go_node *s,
			     struct go_block_stmt *body, unsigned st,
			     int is_select, int tagless)
{
	int earlier_false = 0;  /* an earlier case's falsity leaves no resource */
	struct target t = { s, w->pending_label, 0, 0, 0 };
	unsigned out = 0;
	int has_default = is_select;  /* a select without default blocks */
	size_t ti;

	w->pending_label = NULL;
	vec_push(&w->targets, t);
	ti = w->targets.len - 1;
	if (body)
		for (uint32_t i = 0; i < body->list.n; i++) {
			struct go_node *c = body->list.v[i];

			if (c->kind == GO_CASE_CLAUSE) {
				struct go_case_clause *cc = GO_CAST(go_case_clause, c);
				unsigned cs = st;
				int nb;

				if (cc->is_default)
					has_default = 1;
				/* switch { case err == nil: ... case !os.IsExist(err):
				 * ... }: a case runs when the earlier ones were false */
				if (tagless && cc->list.n == 1) {
					nb = nil_branch(w, cc->list.v[0]);
					if (nb == 1 || earlier_false)
						cs = st_release(st);
					earlier_false |= nb == 2;
				}
				if (cc->is_default && earlier_false)
					cs = st_release(st);
				out |= walk_list(w, &cc->body, cs);
			} else if (c->kind == GO_COMM_CLAUSE) {
				struct go_comm_clause *cc = GO_CAST(go_comm_clause, c);
				unsigned cs = st;

				if (cc->comm)
					cs = walk_stmt(w, cc->comm, cs);
				out |= walk_list(w, &cc->body, cs);
			}
		}
	out |= w->targets.items[ti].brk;
	w->targets.len--;
	if (!has_default)
		out |= earlier_false ? st_release(st) : st;
	return out;
}

/* Does statement s (a write of its own, not a nested one) assign or
 * declare variable v? */
static int writes_var(const struct go_node *s, const struct go_ident *v)
{
	if (s->kind == GO_ASSIGN_STMT) {
		const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, s);

		for (uint32_t i = 0; i < a->lhs.n; i++)
			if (a->lhs.v[i] == (const struct go_node *)v || is_var(a->lhs.v[i], v))
				return 1;
	} else if (s->kind == GO_DECL_STMT) {
		const struct go_node *d = GO_CAST(go_decl_stmt, s)->decl;
		const struct go_gen_decl *g;

		if (!d || d->kind != GO_GEN_DECL)
			return 0;
		g = GO_CAST(go_gen_decl, d);
		for (uint32_t k = 0; k < g->specs.n; k++) {
			const struct go_value_spec *vs;

			if (g->specs.v[k]->kind != GO_VALUE_SPEC)
				continue;
			vs = GO_CAST(go_value_spec, g->specs.v[k]);
			for (uint32_t i = 0; i < vs->names.n; i++)
				if (vs->names.v[i] == (const struct go_node *)v)
					return 1;
		}
	}
	return 0;
}

static unsigned walk_stmt(struct walk *w, struct go_node *s, unsigned st)
{
	if (!s || !st)
		return st;
	/* sub = nil (or any write of sub but the creation) while the cancel
	 * may be pending breaks "sub is nil => cancel is not pending" */
	if (w->pair && s != w->r->def && (st & S_OPEN) && writes_var(s, w->pair))
		w->pair_broken = 1;
	if (s == w->r->def) {
		/* a release inside the creating statement itself is rare;
		 * the definition makes the variable open */
		if (s->kind == GO_ASSIGN_STMT || s->kind == GO_DECL_STMT) {
			/* created again (the next loop iteration) while the
			 * previous one may still be open: that one leaks */
			if (st & S_OPEN)
				leak_at(w, s);
			w->err_stale = 0;
			return w->closure_defer ? S_DONE : st_def(st);
		}
	}
	/* x.f = v, t := &T{f: v}, return &T{f: v}, nil: handed over here */
	for (size_t i = 0; i < w->nstores; i++)
		if (w->stores[i] == s) {
			st = st_release(st);
			break;
		}
	/* overwritten by a new resource of its kind while open: that leaks
	 * it; afterwards the variable holds another one */
	if (lint_life_recreates(w->cx, s, w->r)) {
		if (st & S_OPEN)
			leak_at(w, s);
		st = st_release(st);
	}
	/* the error is reassigned where the resource may be open: a later
	 * err test says nothing about it (where it is not open, the
	 * reassignment does not matter: out, err = os.Create(b) in the other
	 * branch of an if) */
	if (w->r->err && s->kind == GO_ASSIGN_STMT && (st & S_OPEN)) {
		struct assigns a = { w->r->err, 0 };

		go_ast_inspect(s, assigns_fn, NULL, &a);
		if (a.yes)
			w->err_stale = 1;
	}
	switch ((enum go_kind)s->kind) {
	case GO_EXPR_STMT:
		if (is_terminating_call(GO_CAST(go_expr_stmt, s)->x))
			return 0;
		break;
	case GO_DEFER_STMT:
		if (!w->no_defer &&
		    defer_releases(w->cx, w->r, GO_CAST(go_defer_stmt, s))) {
			unsigned o = st_release(st);
			int ei = err_only_defer(w->fn, GO_CAST(go_defer_stmt, s));

			/* released on error returns only: decided at each return */
			if (ei && !w->err_defer && !(st & (S_NOTDEF | S_DEFER))) {
				w->err_defer = ei;
				return st;
			}
			const struct go_node *dc = GO_CAST(go_defer_stmt, s)->call;

			int closure = dc && dc->kind == GO_CALL_EXPR &&
				go_unparen(GO_CAST(go_call_expr, dc)->fun) &&
				go_unparen(GO_CAST(go_call_expr, dc)->fun)->kind == GO_FUNC_LIT;

			if (closure)
				w->closure_defer = 1;
			/* before the resource exists, only a closure (which reads
			 * the variable at return) can release it: `defer f.Close()`
			 * evaluates f now, while it is still nil */
			if ((o & S_NOTDEF) && closure)
				o = (o & ~(unsigned)S_NOTDEF) | S_DEFER;
			return o;
		}
		return st;
	case GO_RETURN_STMT:
		/* return f.Close() releases before leaving; return f, nil
		 * hands it to the caller */
		if (lint_flow_releases(w->cx, w->r, s) || lint_life_returns(s, w->r))
			st = st_release(st);
		if (w->err_defer && (st & S_OPEN)) {
			const struct go_return_stmt *rs = GO_CAST(go_return_stmt, s);
			uint32_t ei = (uint32_t)w->err_defer - 1;

			/* only `return ..., nil` is known to skip the release */
			if (!(rs->results.n > ei &&
			      go_is_universe(rs->results.v[ei], "nil")))
				st = st_release(st);
		}
		if (st & S_OPEN)
			leak_at(w, s);
		return 0;
	case GO_BLOCK_STMT:
		return walk_list(w, &GO_CAST(go_block_stmt, s)->list, st);
	case GO_LABELED_STMT: {
		struct go_labeled_stmt *l = GO_CAST(go_labeled_stmt, s);

		w->pending_label = l->label ? l->label->name : NULL;
		st = walk_stmt(w, l->stmt, st);
		w->pending_label = NULL;
		return st;
	}
	case GO_IF_STMT: {
		struct go_if_stmt *i = GO_CAST(go_if_stmt, s);
		unsigned th, el;
		int nb;

		w->pending_label = NULL;
		st = walk_stmt(w, i->init, st);
		if (lint_flow_releases(w->cx, w->r, i->cond))
			st = st_release(st);
		nb = nil_branch(w, i->cond);
		th = nb == 1 ? st_release(st) : st;
		el = nb == 2 ? st_release(st) : st;
		th = walk_stmt(w, (struct go_node *)i->body, th);
		el = i->els ? walk_stmt(w, i->els, el) : el;
		return th | el;
	}
	case GO_FOR_STMT: {
		struct go_for_stmt *f = GO_CAST(go_for_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		st = walk_stmt(w, f->init, st);
		w->pending_label = label;
		return walk_loop(w, s, f->body, f->post, f->cond == NULL, st);
	}
	case GO_RANGE_STMT: {
		/* for range t.C over the ticker itself never ends: Stop does
		 * not close C */
		const struct go_node *x = go_unparen(GO_CAST(go_range_stmt, s)->x);
		int endless = w->r->kind == LINT_RES_TICKER && x &&
			x->kind == GO_SELECTOR_EXPR &&
			!strcmp(GO_CAST(go_selector_expr, x)->sel->name, "C") &&
			is_var(GO_CAST(go_selector_expr, x)->x, w->r->var);

		return walk_loop(w, s, GO_CAST(go_range_stmt, s)->body, NULL, endless, st);
	}
	case GO_SWITCH_STMT: {
		struct go_switch_stmt *sw = GO_CAST(go_switch_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		st = walk_stmt(w, sw->init, st);
		w->pending_label = label;
		return walk_clauses(w, s, sw->body, st, 0, sw->tag == NULL);
	}
	case GO_TYPE_SWITCH_STMT: {
		struct go_type_switch_stmt *sw = GO_CAST(go_type_switch_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		st = walk_stmt(w, sw->init, st);
		w->pending_label = label;
		return walk_clauses(w, s, sw->body, st, 0, 0);
	}
	case GO_SELECT_STMT:
		return walk_clauses(w, s, GO_CAST(go_select_stmt, s)->body, st, 1, 0);
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, s);
		struct target *t;

		if (b->tok == GO_TOK_BREAK) {
			t = find_target(w, b->label, 0);
			if (t)
				t->brk |= st;
			return 0;
		}
		if (b->tok == GO_TOK_CONTINUE) {
			t = find_target(w, b->label, 1);
			if (t)
				t->cont |= st;
			else
				w->lost_cont |= st;
			return 0;
		}
		return st;   /* fallthrough; goto never gets here */
	}
	default:
		break;
	}
	w->pending_label = NULL;
	/* <-sub.Done(), case <-sub.Done(): the context is cancelled */
	if (lint_flow_releases(w->cx, w->r, s) || lint_cond_done_recv(s, w->ctxv))
		st = st_release(st);
	return st;
}

/* cancel-not-called: `sub, cancel = context.WithCancel(ctx)` pairs the
 * cancel function with the context variable sub, and code often tests sub
 * instead of cancel: `if sub != nil { continue }` before creating another,
 * `cancel(); sub = nil` when done.  The walk may read `sub == nil` as
 * "cancel is not pending" as long as that stays true: sub is a local of
 * this function whose every write but the creation happens where the
 * cancel is not pending (walk_stmt checks that, and lint_flow_check walks
 * again without the pair if one does not), and whose writes the walk sees
 * all of: none in a function literal, none by a range clause, no &sub. */
struct pair_scan {
	const struct go_ident *v;
	int lit;       /* depth inside function literals */
	int bad;
};

static int pair_scan_fn(struct go_node *n, void *ctx)
{
	struct pair_scan *ps = ctx;

	if (ps->bad)
		return 0;
	if (n->kind == GO_FUNC_LIT) {
		ps->lit++;
	} else if (n->kind == GO_UNARY_EXPR &&
		   GO_CAST(go_unary_expr, n)->op == GO_TOK_AND &&
		   is_var(GO_CAST(go_unary_expr, n)->x, ps->v)) {
		ps->bad = 1;
	} else if (n->kind == GO_RANGE_STMT) {
		struct go_range_stmt *rs = GO_CAST(go_range_stmt, n);

		if ((rs->key && is_var(rs->key, ps->v)) ||
		    (rs->value && is_var(rs->value, ps->v)))
			ps->bad = 1;
	} else if (ps->lit && (n->kind == GO_ASSIGN_STMT || n->kind == GO_DECL_STMT) &&
		   writes_var(n, ps->v)) {
		ps->bad = 1;
	}
	return !ps->bad;
}

static void pair_scan_post(struct go_node *n, void *ctx)
{
	struct pair_scan *ps = ctx;

	if (n->kind == GO_FUNC_LIT)
		ps->lit--;
}

static const struct go_ident *paired_ctx(const struct lint_func *fn,
					 const struct lint_res *r)
{
	const struct go_node *def = r->def, *whole;
	const struct go_ident *v;
	struct pair_scan ps;

	if (r->kind != LINT_RES_CANCEL || !def || def->kind != GO_ASSIGN_STMT ||
	    GO_CAST(go_assign_stmt, def)->lhs.n != 2)
		return NULL;
	v = go_local_var(GO_CAST(go_assign_stmt, def)->lhs.v[0]);
	if (!v || v == r->var ||
	    (v->decl_kind != GO_DECL_LOCAL && v->decl_kind != GO_DECL_PARAM))
		return NULL;
	whole = fn->decl ? &fn->decl->node : &fn->lit->node;
	if (v->node.off < whole->off || v->node.end > whole->end)
		return NULL;   /* the enclosing function's: it may write it */
	memset(&ps, 0, sizeof(ps));
	ps.v = v;
	go_ast_inspect((struct go_node *)fn->body, pair_scan_fn, pair_scan_post, &ps);
	return ps.bad ? NULL : v;
}

/* The walk of fn's body from state start (S_NOTDEF: r is created in it;
 * S_OPEN: a goroutine literal that owns r from its first statement).  A
 * goroutine started by fn that alone uses r owns it from its go
 * statement: its own body is checked the same way (depth: nesting). */
static enum lint_flow_verdict check_body(struct lint_ctx *cx,
					 const struct lint_func *fn,
					 const struct lint_res *r, unsigned start,
					 struct go_node **where, int depth)
{
	struct uses u;
	struct walk w;
	unsigned end;
	struct go_node *gs = NULL;

	memset(&u, 0, sizeof(u));
	u.cx = cx;
	u.r = r;
	u.file = fn->file;
	go_ast_inspect((struct go_node *)fn->body, uses_fn, uses_post, &u);
	vec_free(&u.stack);
	if (u.gos.len) {
		/* one goroutine, and nothing else here touches it: that
		 * goroutine owns it from the go statement on */
		if (u.gos.len == 1 && !u.outside && depth < 4)
			gs = u.gos.items[0];
		else
			u.escapes = 1;
	}
	vec_free(&u.gos);
	if (u.escapes || u.has_goto) {
		vec_free(&u.stores);
		return LINT_FLOW_ESCAPES;
	}
	if (gs)
		vec_push(&u.stores, gs);

	memset(&w, 0, sizeof(w));
	w.cx = cx;
	w.r = r;
	w.pair = paired_ctx(fn, r);
	w.flag = lint_cond_owner_flag(fn, r);
	w.ctxv = lint_cond_cancel_ctx(r);
	w.fn = fn;
	w.stores = u.stores.items;
	w.nstores = u.stores.len;
	end = walk_list(&w, &fn->body->list, start);
	if (w.pair && w.pair_broken) {
		/* the nil tests of the context said nothing: walk again
		 * without them */
		w.targets.len = 0;
		w.leak = NULL;
		w.pending_label = NULL;
		w.err_stale = 0;
		w.pair = NULL;
		w.err_defer = 0;
		w.closure_defer = 0;
		end = walk_list(&w, &fn->body->list, start);
	}
	vec_free(&w.targets);
	vec_free(&u.stores);
	if (!w.leak && (end & S_OPEN))
		w.leak = (struct go_node *)fn->body;
	if (w.leak) {
		*where = w.leak;
		return LINT_FLOW_LEAKS;
	}
	if (gs) {
		const struct go_node *c = GO_CAST(go_go_stmt, gs)->call;
		struct go_func_lit *lit = GO_CAST(go_func_lit,
			go_unparen(GO_CAST(go_call_expr, c)->fun));
		struct lint_func lf;

		if (!lit->body)
			return LINT_FLOW_ESCAPES;
		memset(&lf, 0, sizeof(lf));
		lf.file = fn->file;
		lf.lit = lit;
		lf.type = lit->type;
		lf.body = lit->body;
		return check_body(cx, &lf, r, S_OPEN, where, depth + 1);
	}
	return LINT_FLOW_OK;
}

enum lint_flow_verdict lint_flow_check(struct lint_ctx *cx,
				       const struct lint_func *fn,
				       const struct lint_res *r,
				       struct go_node **where)
{
	if (!fn->body)
		return LINT_FLOW_ESCAPES;
	/* main of package main: returning from it ends the process, which
	 * releases everything */
	if (cx->is_main && fn->decl && !fn->decl->recv && fn->decl->name &&
	    !strcmp(fn->decl->name->name, "main"))
		return LINT_FLOW_ESCAPES;
	return check_body(cx, fn, r, S_NOTDEF, where, 0);
}

struct goto_scan { int yes; };

static int goto_scan_fn(struct go_node *n, void *ctx)
{
	struct goto_scan *g = ctx;

	if (n->kind == GO_BRANCH_STMT &&
	    GO_CAST(go_branch_stmt, n)->tok == GO_TOK_GOTO)
		g->yes = 1;
	return !g->yes;
}

/* One walk of the loop body from "not created", with the loop as the
 * target of its continues: the states reaching the end of the body or a
 * continue (of this loop, or of an enclosing one, which comes back here
 * too) are what the next iteration starts with; with nested (the loop is
 * inside another loop), so are the states of its breaks.  Deferred releases do not
 * count (no_defer): they run when the function returns.  A goto in the
 * body: 1, as we cannot follow it. */
int lint_flow_loop_carries(struct lint_ctx *cx, const struct lint_res *r,
			   struct go_node *loop, const char *label, int nested)
{
	struct go_block_stmt *body;
	struct go_node *post = NULL;
	struct goto_scan gs = { 0 };
	struct target t = { loop, label, 1, 0, 0 };
	struct walk w;
	unsigned out;

	if (loop->kind == GO_FOR_STMT) {
		body = GO_CAST(go_for_stmt, loop)->body;
		post = GO_CAST(go_for_stmt, loop)->post;
	} else if (loop->kind == GO_RANGE_STMT) {
		body = GO_CAST(go_range_stmt, loop)->body;
	} else {
		return 1;
	}
	if (!body)
		return 0;
	go_ast_inspect((struct go_node *)body, goto_scan_fn, NULL, &gs);
	if (gs.yes)
		return 1;
	memset(&w, 0, sizeof(w));
	w.cx = cx;
	w.r = r;
	w.no_defer = 1;
	vec_push(&w.targets, t);
	out = walk_list(&w, &body->list, S_NOTDEF);
	out |= w.targets.items[0].cont;
	/* a continue of an enclosing loop comes back to this one too, and
	 * so does a break of this one when an enclosing loop goes round */
	out |= w.lost_cont;
	if (nested)
		out |= w.targets.items[0].brk;
	if (post)
		out = walk_stmt(&w, post, out);
	vec_free(&w.targets);
	return (out & S_OPEN) != 0;
}

/* ---------- finding creations ---------- */

struct finder {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	void (*found)(struct lint_ctx *, const struct lint_func *,
		      const struct lint_res *, struct go_node *, void *);
	void (*discarded)(struct lint_ctx *, const struct lint_func *,
			  enum lint_res_kind, struct go_node *, void *);
	void *arg;
	VEC(struct go_node *) skip;   /* creations whose failure is asserted */
};

/* lhs/rhs of one creating assignment or var spec. */
static void creation(struct finder *fi, struct go_node *stmt,
		     const struct go_list *lhs, struct go_node *call,
		     enum lint_res_kind kind)
{
	struct lint_res r;
	uint32_t vi = kind == LINT_RES_CANCEL ? 1 : 0;
	struct go_node *v;

	if (lhs->n <= vi)
		return;
	v = lhs->v[vi];
	if (is_blank(v)) {
		/* in tests a dropped result is a call made for its error (or
		 * its panic): the resource is not expected to exist */
		if (fi->discarded && !(lint_is_test_file(fi->fn->file) &&
				       kind != LINT_RES_CANCEL))
			fi->discarded(fi->cx, fi->fn, kind, call, fi->arg);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.var = go_local_var(v);
	if (!r.var)
		return;   /* stored in a field or global: ownership moved */
	if (r.var->decl_kind != GO_DECL_LOCAL)
		return;   /* a parameter or named result: the caller sees it */
	if (r.var->node.off < fi->fn->body->node.off ||
	    r.var->node.end > fi->fn->body->node.end)
		return;   /* captured from the enclosing function: it owns it */
	if (kind != LINT_RES_CANCEL && kind != LINT_RES_TICKER && lhs->n >= 2) {
		r.err = go_local_var(lhs->v[1]);
	}
	r.def = stmt;
	r.scope = fi->fn->body;
	fi->found(fi->cx, fi->fn, &r, call, fi->arg);
}

static int finder_fn(struct go_node *n, void *ctx)
{
	struct finder *fi = ctx;
	enum lint_res_kind kind;

	if (n->kind == GO_FUNC_LIT)
		return 0;   /* its own function */
	if (n->kind == GO_IF_STMT) {
		struct go_if_stmt *is = GO_CAST(go_if_stmt, n);
		struct go_node *init = is->init;

		if (init && init->kind == GO_ASSIGN_STMT &&
		    GO_CAST(go_assign_stmt, init)->lhs.n == 2 &&
		    lint_cond_expects_failure(is->cond, is->body,
				    GO_CAST(go_assign_stmt, init)->lhs.v[1]))
			vec_push(&fi->skip, init);
	} else if (n->kind == GO_BLOCK_STMT || n->kind == GO_CASE_CLAUSE ||
		   n->kind == GO_COMM_CLAUSE) {
		const struct go_list *l = n->kind == GO_BLOCK_STMT ?
			&GO_CAST(go_block_stmt, n)->list : n->kind == GO_CASE_CLAUSE ?
			&GO_CAST(go_case_clause, n)->body : &GO_CAST(go_comm_clause, n)->body;

		for (uint32_t i = 0; i + 1 < l->n; i++) {
			struct go_node *a = l->v[i], *next = l->v[i + 1];

			if (a->kind == GO_ASSIGN_STMT && next->kind == GO_IF_STMT &&
			    GO_CAST(go_assign_stmt, a)->lhs.n == 2 &&
			    !GO_CAST(go_if_stmt, next)->init &&
			    lint_cond_expects_failure(GO_CAST(go_if_stmt, next)->cond,
					    GO_CAST(go_if_stmt, next)->body,
					    GO_CAST(go_assign_stmt, a)->lhs.v[1]))
				vec_push(&fi->skip, a);
		}
	}
	for (size_t i = 0; i < fi->skip.len; i++)
		if (fi->skip.items[i] == n)
			return 1;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		if ((a->tok == GO_TOK_DEFINE || a->tok == GO_TOK_ASSIGN) &&
		    a->rhs.n == 1 && flow_creator_in(fi->cx, fi->fn, a->rhs.v[0], &kind))
			creation(fi, n, &a->lhs, a->rhs.v[0], kind);
	} else if (n->kind == GO_DECL_STMT) {
		struct go_node *d = GO_CAST(go_decl_stmt, n)->decl;
		struct go_gen_decl *g;

		if (!d || d->kind != GO_GEN_DECL)
			return 1;
		g = GO_CAST(go_gen_decl, d);
		/* var x = f() and each spec of a var ( ... ) block */
		for (uint32_t k = 0; k < g->specs.n; k++) {
			struct go_value_spec *vs;

			if (g->specs.v[k]->kind != GO_VALUE_SPEC)
				continue;
			vs = GO_CAST(go_value_spec, g->specs.v[k]);
			if (vs->values.n == 1 &&
			    flow_creator_in(fi->cx, fi->fn, vs->values.v[0], &kind))
				creation(fi, n, &vs->names, vs->values.v[0], kind);
		}
	} else if (n->kind == GO_EXPR_STMT) {
		struct go_node *x = GO_CAST(go_expr_stmt, n)->x;

		if (flow_creator_in(fi->cx, fi->fn, x, &kind) && fi->discarded &&
		    !lint_is_test_file(fi->fn->file))
			fi->discarded(fi->cx, fi->fn, kind, go_unparen(x), fi->arg);
	}
	return 1;
}

void lint_flow_find(struct lint_ctx *cx, const struct lint_func *fn,
		    void (*found)(struct lint_ctx *, const struct lint_func *,
				  const struct lint_res *, struct go_node *, void *),
		    void (*discarded)(struct lint_ctx *, const struct lint_func *,
				      enum lint_res_kind, struct go_node *, void *),
		    void *arg)
{
	struct finder fi;

	memset(&fi, 0, sizeof(fi));
	fi.cx = cx;
	fi.fn = fn;
	fi.found = found;
	fi.discarded = discarded;
	fi.arg = arg;
	if (fn->body)
		go_ast_inspect((struct go_node *)fn->body, finder_fn, NULL, &fi);
	vec_free(&fi.skip);
}

int lint_flow_terminating_call(const struct go_node *x)
{
	return is_terminating_call(x);
}

/* A parameter list that marks request-handling code: an *http.Request,
 * http.ResponseWriter or net.Conn parameter.  (A context.Context is not
 * enough: command-line tools pass contexts everywhere.) */
static int is_request_type(const struct go_node *t)
{
	t = go_unparen(t);
	if (t && t->kind == GO_STAR_EXPR)
		t = go_unparen(GO_CAST(go_star_expr, t)->x);
	return go_is_pkg_member(t, "net/http", "Request") ||
		go_is_pkg_member(t, "net/http", "ResponseWriter") ||
		go_is_pkg_member(t, "net", "Conn");
}

int lint_flow_handles_requests(const struct go_func_type *ft)
{
	if (!ft || !ft->params)
		return 0;
	for (uint32_t i = 0; i < ft->params->list.n; i++)
		if (is_request_type(GO_CAST(go_field, ft->params->list.v[i])->type))
			return 1;
	return 0;
}
