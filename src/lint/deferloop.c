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
	if (n->kind != GO_DEFER_STMT || !d->loops.len)
		return 1;
	loop = d->loops.items[d->loops.len - 1];
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
	go_ast_inspect((struct go_node *)fn->body, dscan_fn, dscan_post, &d);
	vec_free(&d.loops);
	vec_free(&d.labels);
	if (d.defer)
		*loop = d.loop;
	return d.defer;
}
