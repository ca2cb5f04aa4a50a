/*
 * deferloop: deferred releases inside endless loops (deferloop.h).
 */
#include "deferloop.h"
#include "../base/vec.h"

#include <stdlib.h>
#include <string.h>

struct dscan {
	struct lint_ctx *cx;
	const struct lint_res *r;
	struct go_node *body;             /* the function's body */
	VEC(struct go_comm_clause *) arms; /* select case arms around */
	VEC(struct go_node *) loops;
	VEC(const char *) labels;
	struct go_labeled_stmt *labeled;
	struct go_node *defer, *loop;
};

/* Does defer statement d release r: defer cancel(), defer t.Stop(),
 * defer func() { ... cancel() ... }()? */
static int defer_releases(struct lint_ctx *cx, const struct lint_res *r,
			  struct go_node *d)
{
	struct go_node *c = GO_CAST(go_defer_stmt, d)->call, *f;

	if (!c || c->kind != GO_CALL_EXPR)
		return 0;
	f = go_unparen(GO_CAST(go_call_expr, c)->fun);
	if (f && f->kind == GO_FUNC_LIT)
		return lint_flow_releases(cx, r,
			(struct go_node *)GO_CAST(go_func_lit, f)->body);
	return lint_flow_releases(cx, r, c);
}

/* Is ident v assigned time.NewTimer(...) in n (outside literals)? */
struct timer_scan {
	const struct go_ident *v;
	int yes;
};

static int timer_fn(struct go_node *n, void *ctx)
{
	struct timer_scan *ts = ctx;

	if (ts->yes || n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n && i < a->rhs.n; i++) {
			struct go_node *r = go_unparen(a->rhs.v[i]);

			if (go_local_var(a->lhs.v[i]) == ts->v && r &&
			    r->kind == GO_CALL_EXPR &&
			    go_is_pkg_member(GO_CAST(go_call_expr, r)->fun, "time",
					     "NewTimer"))
				ts->yes = 1;
		}
	}
	return !ts->yes;
}

/* A case arm `case <-t.C:` with t a time.NewTimer: a timer fires once
 * (net.Dialer's fallback racer), so the arm runs about once, not once per
 * iteration.  Re-arming it is left unknown: silent. */
static int timer_arm(struct dscan *d, struct go_comm_clause *c)
{
	struct go_node *x = NULL;
	struct timer_scan ts;

	if (c->comm && c->comm->kind == GO_EXPR_STMT)
		x = GO_CAST(go_expr_stmt, c->comm)->x;
	else if (c->comm && c->comm->kind == GO_ASSIGN_STMT &&
		 GO_CAST(go_assign_stmt, c->comm)->rhs.n == 1)
		x = GO_CAST(go_assign_stmt, c->comm)->rhs.v[0];
	x = go_unparen(x);
	if (!x || x->kind != GO_UNARY_EXPR ||
	    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
		return 0;
	x = go_unparen(GO_CAST(go_unary_expr, x)->x);
	if (!x || x->kind != GO_SELECTOR_EXPR ||
	    strcmp(GO_CAST(go_selector_expr, x)->sel->name, "C"))
		return 0;
	ts.v = go_local_var(GO_CAST(go_selector_expr, x)->x);
	ts.yes = 0;
	if (!ts.v)
		return 0;
	go_ast_inspect(d->body, timer_fn, NULL, &ts);
	return ts.yes;
}

static int inside(const struct go_node *n, const struct go_node *outer)
{
	return n->off >= outer->off && n->off < outer->end;
}

static int dscan_fn(struct go_node *n, void *ctx)
{
	struct dscan *d = ctx;
	struct go_node *loop;

	if (n->kind == GO_FUNC_LIT || d->defer)
		return 0;
	if (n->kind == GO_LABELED_STMT)
		d->labeled = GO_CAST(go_labeled_stmt, n);
	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT) {
		vec_push(&d->loops, n);
		vec_push(&d->labels, d->labeled && d->labeled->stmt == n &&
			 d->labeled->label ? d->labeled->label->name : NULL);
	}
	if (n->kind == GO_COMM_CLAUSE)
		vec_push(&d->arms, GO_CAST(go_comm_clause, n));
	if (n->kind != GO_DEFER_STMT || !d->loops.len)
		return 1;
	loop = d->loops.items[d->loops.len - 1];
	for (size_t i = 0; i < d->arms.len; i++)
		if (inside(&d->arms.items[i]->node, loop) &&
		    timer_arm(d, d->arms.items[i]))
			return 1;
	if (loop->kind != GO_FOR_STMT || GO_CAST(go_for_stmt, loop)->cond ||
	    !inside(d->r->def, loop) || !defer_releases(d->cx, d->r, n))
		return 1;
	if (lint_flow_loop_carries(d->cx, d->r, loop,
				   d->labels.items[d->labels.len - 1],
				   d->loops.len > 1)) {
		d->defer = n;
		d->loop = loop;
	}
	return 1;
}

static void dscan_post(struct go_node *n, void *ctx)
{
	struct dscan *d = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT) {
		d->loops.len--;
		d->labels.len--;
	}
	if (n->kind == GO_COMM_CLAUSE)
		d->arms.len--;
}

struct go_node *lint_deferloop_find(struct lint_ctx *cx,
				    const struct lint_func *fn,
				    const struct lint_res *r,
				    struct go_node **loop)
{
	struct dscan d;

	if (!fn->body || !r->def)
		return NULL;
	memset(&d, 0, sizeof(d));
	d.cx = cx;
	d.r = r;
	d.body = (struct go_node *)fn->body;
	go_ast_inspect((struct go_node *)fn->body, dscan_fn, dscan_post, &d);
	vec_free(&d.loops);
	vec_free(&d.labels);
	vec_free(&d.arms);
	if (d.defer)
		*loop = d.loop;
	return d.defer;
}
