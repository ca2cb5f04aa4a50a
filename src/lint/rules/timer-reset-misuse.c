/*
 * timer-reset-misuse: the ways a *time.Timer is reused wrongly.
 *
 *  - Before Go 1.23 a timer channel has a one-element buffer: a timer that
 *    fired while nobody was receiving keeps its value there.  Reset in a
 *    select clause other than the one that received from t.C, with no
 *    stop-and-drain first, leaves that stale value in place and the next
 *    select times out at once.
 *  - `if !t.Stop() { <-t.C }` in the clause that just received from t.C
 *    blocks forever: the value is already gone (every Go version).
 *  - From Go 1.23 timer channels are unbuffered: len(t.C) and cap(t.C)
 *    are always 0, so code testing them never sees a pending tick.
 *  - Before Go 1.23, time.NewTimer inside a loop with no Stop anywhere:
 *    every iteration's timer stays in the runtime heap until it fires.
 */
#include "../flow.h"
#include "../deferloop.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

static int is_new(const struct go_node *x, const char *name)
{
	x = go_unparen(x);
	return x && x->kind == GO_CALL_EXPR &&
		go_is_pkg_member(GO_CAST(go_call_expr, x)->fun, "time", name);
}

/* Is e `t.C` for a timer variable t?  A timer variable is a local assigned
 * from time.NewTimer (or time.NewTicker when tickers count). */
struct timers {
	VEC(struct go_ident *) timers;
	VEC(struct go_ident *) tickers;
};

static int in(struct go_ident **v, size_t n, const struct go_ident *x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

static struct go_ident *chan_of(const struct timers *ts, const struct go_node *e,
				int tickers_too)
{
	struct go_ident *v;

	e = go_unparen(e);
	if (!e || e->kind != GO_SELECTOR_EXPR ||
	    strcmp(GO_CAST(go_selector_expr, e)->sel->name, "C"))
		return NULL;
	v = go_local_var(GO_CAST(go_selector_expr, e)->x);
	if (!v)
		return NULL;
	if (in(ts->timers.items, ts->timers.len, v))
		return v;
	if (tickers_too && in(ts->tickers.items, ts->tickers.len, v))
		return v;
	return NULL;
}

struct ctx {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	struct timers ts;
	VEC(struct go_node *) loops;
};

static int collect_fn(struct go_node *n, void *arg)
{
	struct ctx *c = arg;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n && i < a->rhs.n; i++) {
			struct go_ident *v = go_local_var(a->lhs.v[i]);

			if (v && is_new(a->rhs.v[i], "NewTimer"))
				vec_push(&c->ts.timers, v);
			if (v && is_new(a->rhs.v[i], "NewTicker"))
				vec_push(&c->ts.tickers, v);
		}
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n && i < vs->values.n; i++) {
			struct go_ident *v = GO_CAST(go_ident, vs->names.v[i]);

			if (is_new(vs->values.v[i], "NewTimer"))
				vec_push(&c->ts.timers, v);
			if (is_new(vs->values.v[i], "NewTicker"))
				vec_push(&c->ts.tickers, v);
		}
	}
	return 1;
}

/* The timer whose channel comm receives from, or NULL. */
static struct go_ident *comm_timer(const struct timers *ts, struct go_node *comm)
{
	struct go_node *x = go_comm_recv_operand(comm);

	return x ? chan_of(ts, x, 0) : NULL;
}

static int is_method_call(const struct go_node *x, const struct go_ident *t,
			  const char *m)
{
	const struct go_node *f;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return 0;
	f = go_unparen(GO_CAST(go_call_expr, x)->fun);
	return f && f->kind == GO_SELECTOR_EXPR &&
		!strcmp(GO_CAST(go_selector_expr, f)->sel->name, m) &&
		go_local_var(GO_CAST(go_selector_expr, f)->x) == t;
}

/* `if !t.Stop() { <-t.C }`: a drain with a bare receive. */
static int blocking_drain(const struct timers *ts, const struct go_node *s,
			  const struct go_ident *t)
{
	const struct go_if_stmt *i;
	const struct go_node *c;

	if (s->kind != GO_IF_STMT)
		return 0;
	i = GO_CAST(go_if_stmt, s);
	c = go_unparen(i->cond);
	if (!c || c->kind != GO_UNARY_EXPR || GO_CAST(go_unary_expr, c)->op != GO_TOK_NOT ||
	    !is_method_call(GO_CAST(go_unary_expr, c)->x, t, "Stop"))
		return 0;
	for (uint32_t k = 0; k < i->body->list.n; k++) {
		struct go_node *b = i->body->list.v[k];

		if (b->kind == GO_EXPR_STMT) {
			struct go_node *x = go_unparen(GO_CAST(go_expr_stmt, b)->x);

			if (x && x->kind == GO_UNARY_EXPR &&
			    GO_CAST(go_unary_expr, x)->op == GO_TOK_ARROW &&
			    chan_of(ts, GO_CAST(go_unary_expr, x)->x, 0) == t)
				return 1;
		}
	}
	return 0;
}

/* Stop (with or without drain) before index k of a clause body. */
static int stopped_before(const struct go_list *body, uint32_t k,
			  const struct go_ident *t)
{
	for (uint32_t i = 0; i < k; i++) {
		struct go_node *s = body->v[i];

		if (s->kind == GO_EXPR_STMT &&
		    is_method_call(GO_CAST(go_expr_stmt, s)->x, t, "Stop"))
			return 1;
		if (s->kind == GO_IF_STMT) {
			const struct go_node *c = go_unparen(GO_CAST(go_if_stmt, s)->cond);

			if (c && c->kind == GO_UNARY_EXPR &&
			    is_method_call(GO_CAST(go_unary_expr, c)->x, t, "Stop"))
				return 1;
		}
		if (s->kind == GO_ASSIGN_STMT) {
			const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, s);

			if (a->rhs.n == 1 && is_method_call(a->rhs.v[0], t, "Stop"))
				return 1;
		}
	}
	return 0;
}

/* Does clause body l re-arm t (t.Reset(...), t = ...) or end by leaving
 * (return, a branch, an exit call)?  Then no later iteration sees the
 * drained timer. */
struct rearm_scan {
	const struct go_ident *t;
	int yes;
};

static int rearm_fn(struct go_node *n, void *arg)
{
	struct rearm_scan *rs = arg;

	if (rs->yes || n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_CALL_EXPR && is_method_call(n, rs->t, "Reset"))
		rs->yes = 1;
	if (n->kind == GO_ASSIGN_STMT) {
		const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++)
			if (go_local_var(a->lhs.v[i]) == rs->t)
				rs->yes = 1;
	}
	return !rs->yes;
}

static int rearms_or_leaves(const struct go_list *l, const struct go_ident *t)
{
	struct rearm_scan rs = { t, 0 };
	const struct go_node *last;

	for (uint32_t i = 0; i < l->n && !rs.yes; i++)
		go_ast_inspect(l->v[i], rearm_fn, NULL, &rs);
	if (rs.yes || !l->n)
		return rs.yes;
	last = l->v[l->n - 1];
	return last->kind == GO_RETURN_STMT ||
		(last->kind == GO_EXPR_STMT &&
		 lint_flow_terminating_call(GO_CAST(go_expr_stmt, last)->x)) ||
		(last->kind == GO_BRANCH_STMT &&
		 GO_CAST(go_branch_stmt, last)->tok != GO_TOK_CONTINUE);
}

/* case <-t.C: that consumes the fire without re-arming, in a loop, and
 * `if !t.Stop() { <-t.C }` in another case of the same select: in a later
 * iteration Stop returns false (the timer has fired) and the channel is
 * empty (the value was received), so the drain waits for ever. */
static void carried_drain(struct ctx *c, struct go_block_stmt *b, uint32_t i,
			  struct go_ident *t)
{
	struct go_comm_clause *cc = GO_CAST(go_comm_clause, b->list.v[i]);
	const struct go_node *loop;
	const struct go_block_stmt *body;

	if (!c->loops.len || rearms_or_leaves(&cc->body, t))
		return;
	/* a timer made in the loop's body is a new one every iteration: the
	 * drained one is not the one the next iteration stops */
	loop = c->loops.items[c->loops.len - 1];
	body = loop->kind == GO_FOR_STMT ? GO_CAST(go_for_stmt, loop)->body :
	       GO_CAST(go_range_stmt, loop)->body;
	if (body && t->node.off >= body->node.off && t->node.off < body->node.end)
		return;
	for (uint32_t j = 0; j < b->list.n; j++) {
		struct go_comm_clause *o = GO_CAST(go_comm_clause, b->list.v[j]);
		struct finding *fd;

		if (j == i)
			continue;
		for (uint32_t k = 0; k < o->body.n; k++) {
			if (!blocking_drain(&c->ts, o->body.v[k], t))
				continue;
			fd = lint_report(c->cx, c->fn->file, o->body.v[k],
				REPORT_SEV_ERROR,
				arena_printf(c->cx->arena, "drain without blocking: "
					"if !%s.Stop() { select { case <-%s.C: default: "
					"} }; or Reset the timer in the case that "
					"receives from it", t->name, t->name),
				"this drain can block forever: after the case that "
				"receives from %s.C consumed a fire without Reset, a "
				"later iteration finds Stop false and nothing left in "
				"the channel (every Go version)", t->name);
			lint_related(c->cx, fd, c->fn->file, &cc->node,
				     "the fire is consumed here, and the timer is not re-armed");
		}
	}
}

static void check_select(struct ctx *c, struct go_select_stmt *sel)
{
	const struct lint_semantics *sem = c->cx->sem;
	struct go_block_stmt *b = sel->body;

	if (!b)
		return;
	for (uint32_t i = 0; i < b->list.n; i++) {
		struct go_comm_clause *cc = GO_CAST(go_comm_clause, b->list.v[i]);
		struct go_ident *t = comm_timer(&c->ts, cc->comm);

		if (!t)
			continue;
		/* the drain that blocks, in the clause that received */
		for (uint32_t k = 0; k < cc->body.n; k++)
			if (blocking_drain(&c->ts, cc->body.v[k], t))
				lint_report(c->cx, c->fn->file, cc->body.v[k],
					REPORT_SEV_ERROR,
					"the value was just received: call t.Reset(d) "
					"directly here",
					"this drain blocks forever: the timer's value was "
					"already received by this case, so Stop returns "
					"false and <-%s.C waits for a value that never "
					"comes", t->name);
		carried_drain(c, b, i, t);
		if (sem->new_timers || !c->loops.len)
			continue;
		/* Reset in another clause without stop-and-drain */
		for (uint32_t j = 0; j < b->list.n; j++) {
			struct go_comm_clause *o;

			if (j == i)
				continue;
			o = GO_CAST(go_comm_clause, b->list.v[j]);
			for (uint32_t k = 0; k < o->body.n; k++) {
				struct go_node *s = o->body.v[k];

				if (s->kind != GO_EXPR_STMT ||
				    !is_method_call(GO_CAST(go_expr_stmt, s)->x, t, "Reset") ||
				    stopped_before(&o->body, k, t))
					continue;
				lint_report(c->cx, c->fn->file, s, REPORT_SEV_WARNING,
					arena_printf(c->cx->arena, "stop and drain first: "
						"if !%s.Stop() { select { case <-%s.C: "
						"default: } }, then Reset", t->name, t->name),
					"Reset on timer '%s' without stop-and-drain: if it "
					"fired while this case ran, its stale value stays in "
					"the channel buffer and the next select times out at "
					"once (timers before Go 1.23: %s)", t->name, sem->why);
			}
		}
	}
}

/* `<-t.C` as a statement of the innermost loop's body: the timer has fired
 * before the next iteration, so it is not pending any more. */
static int received_in_loop(struct ctx *c, const struct go_ident *t)
{
	struct go_node *loop = c->loops.items[c->loops.len - 1];
	struct go_block_stmt *b = loop->kind == GO_FOR_STMT ?
		GO_CAST(go_for_stmt, loop)->body : GO_CAST(go_range_stmt, loop)->body;

	for (uint32_t i = 0; b && i < b->list.n; i++) {
		struct go_node *s = b->list.v[i], *x = NULL;

		if (s->kind == GO_EXPR_STMT)
			x = GO_CAST(go_expr_stmt, s)->x;
		else if (s->kind == GO_ASSIGN_STMT && GO_CAST(go_assign_stmt, s)->rhs.n == 1)
			x = GO_CAST(go_assign_stmt, s)->rhs.v[0];
		x = go_unparen(x);
		if (x && x->kind == GO_UNARY_EXPR && GO_CAST(go_unary_expr, x)->op == GO_TOK_ARROW &&
		    chan_of(&c->ts, GO_CAST(go_unary_expr, x)->x, 0) == t)
			return 1;
	}
	return 0;
}

/* timer := time.NewTimer(d); defer timer.Stop() inside an endless loop:
 * the defer runs when the function returns, so every iteration's timer
 * (and its deferred call) stays referenced until then -- in every Go
 * version, Go 1.23's collection of unreferenced timers included. */
static void deferred_stop(struct ctx *c, struct go_node *assign,
			  struct go_node *call, struct go_ident *v)
{
	struct lint_res r;
	struct go_node *d, *loop = NULL;
	struct finding *fd;

	memset(&r, 0, sizeof(r));
	r.kind = LINT_RES_TICKER;   /* released by Stop() */
	r.var = v;
	r.def = assign;
	d = lint_deferloop_find(c->cx, c->fn, &r, &loop);
	if (!d)
		return;
	fd = lint_report(c->cx, c->fn->file, d, REPORT_SEV_WARNING,
		arena_printf(c->cx->arena, "call %s.Stop() when the iteration "
			     "is done (or move the body into a function, where "
			     "the defer runs per iteration)", v->name),
		"defer %s.Stop() inside an endless loop runs only when the "
		"function returns: every timer the loop creates stays "
		"referenced by its pending defer until then, so timers and "
		"deferred calls pile up (in every Go version)", v->name);
	lint_related(c->cx, fd, c->fn->file, call, "the timer is created here");
	lint_related(c->cx, fd, c->fn->file, loop, "the loop");
}

static int visit(struct go_node *n, void *arg)
{
	struct ctx *c = arg;
	const struct lint_semantics *sem = c->cx->sem;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		vec_push(&c->loops, n);
	if (n->kind == GO_SELECT_STMT)
		check_select(c, GO_CAST(go_select_stmt, n));
	if (n->kind == GO_CALL_EXPR && sem->new_timers) {
		struct go_call_expr *call = GO_CAST(go_call_expr, n);
		struct go_node *f = go_unparen(call->fun);
		struct go_ident *t;

		if (f && f->kind == GO_IDENT &&
		    GO_CAST(go_ident, f)->decl_kind == GO_DECL_UNIVERSE &&
		    (!strcmp(GO_CAST(go_ident, f)->name, "len") ||
		     !strcmp(GO_CAST(go_ident, f)->name, "cap")) &&
		    call->args.n == 1 && (t = chan_of(&c->ts, call->args.v[0], 1)))
			lint_report(c->cx, c->fn->file, n, REPORT_SEV_WARNING,
				arena_printf(c->cx->arena, "use the value of "
					"%s.Stop()/%s.Reset() or a select with default "
					"to learn whether the timer fired", t->name,
					t->name),
				"%s(%s.C) is always 0 since Go 1.23: timer channels are "
				"unbuffered, so this never sees a pending tick (%s)",
				GO_CAST(go_ident, f)->name, t->name, sem->why);
	}
	if (n->kind == GO_ASSIGN_STMT && c->loops.len) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);
		struct go_ident *v;

		if (a->lhs.n == 1 && a->rhs.n == 1 && is_new(a->rhs.v[0], "NewTimer") &&
		    (v = go_local_var(a->lhs.v[0])) && v->decl_kind == GO_DECL_LOCAL)
			deferred_stop(c, n, a->rhs.v[0], v);
	}
	if (n->kind == GO_ASSIGN_STMT && !sem->new_timers && c->loops.len) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);
		struct go_ident *v;

		if (a->lhs.n == 1 && a->rhs.n == 1 && is_new(a->rhs.v[0], "NewTimer") &&
		    (v = go_local_var(a->lhs.v[0])) && v->decl_kind == GO_DECL_LOCAL) {
			struct lint_res r;
			struct go_node *where;

			memset(&r, 0, sizeof(r));
			r.kind = LINT_RES_TICKER;   /* released by Stop() */
			r.var = v;
			r.def = n;
			if (!received_in_loop(c, v) &&
			    !lint_flow_releases(c->cx, &r, (struct go_node *)c->fn->body) &&
			    lint_flow_check(c->cx, c->fn, &r, &where) != LINT_FLOW_ESCAPES)
				lint_report(c->cx, c->fn->file, a->rhs.v[0],
					REPORT_SEV_WARNING,
					"create the timer once before the loop and Reset it, "
					"or Stop it when the iteration is done",
					"time.NewTimer inside a loop and never stopped: before "
					"Go 1.23 every iteration's timer stays in the runtime "
					"heap until it fires (timers before Go 1.23: %s)",
					sem->why);
		}
	}
	return 1;
}

static void post(struct go_node *n, void *arg)
{
	struct ctx *c = arg;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		c->loops.len--;
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	struct ctx c;

	if (!lint_file_imports(fn->file, "time"))
		return;
	(void)arg;
	memset(&c, 0, sizeof(c));
	c.cx = cx;
	c.fn = fn;
	go_ast_inspect((struct go_node *)fn->body, collect_fn, NULL, &c);
	if (c.ts.timers.len || c.ts.tickers.len)
		go_ast_inspect((struct go_node *)fn->body, visit, post, &c);
	vec_free(&c.ts.timers);
	vec_free(&c.ts.tickers);
	vec_free(&c.loops);
}

void lint_rule_timer_reset_misuse(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
}
