/*
 * time-after-in-loop: `case <-time.After(d):` in a select inside a for loop.
 *
 * time.After(d) is evaluated every time the select is reached, so every
 * iteration makes a new timer.  Before Go 1.23 each of those timers stays
 * in the runtime's timer heap until it fires, d later (the memory growth of
 * the seed articles); in every version the timeout restarts on each
 * iteration, so it only fires if no other case is ready for a whole d.
 * Silent when every other case of the select leaves the loop, or receives
 * from the Done() of a context that the loop checks elsewhere too (a sleep
 * that cancellation cuts short): then at most one timer is ever pending.
 * Silent when the timer is armed only when none is pending (under a nil
 * test, at the start of a batch, or in its own case), or when its duration
 * is the time left to an instant fixed before the loop.  Silent with Go
 * 1.23 timers: the timers are collected, so it is not a leak.
 */
#include "../rule.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

struct tal {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	VEC(struct go_node *) stack;
};

/* The value received by a comm clause: <-X as a statement or assignment. */
static struct go_node *received(struct go_node *comm)
{
	struct go_node *x = NULL;

	if (!comm)
		return NULL;
	if (comm->kind == GO_EXPR_STMT)
		x = GO_CAST(go_expr_stmt, comm)->x;
	else if (comm->kind == GO_ASSIGN_STMT &&
		 GO_CAST(go_assign_stmt, comm)->rhs.n == 1)
		x = GO_CAST(go_assign_stmt, comm)->rhs.v[0];
	x = go_unparen(x);
	if (!x || x->kind != GO_UNARY_EXPR ||
	    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
		return NULL;
	return go_unparen(GO_CAST(go_unary_expr, x)->x);
}

/* The context (or other local with a Done method) of <-X.Done(), or NULL. */
/* X.Done() (a call of a method Done with no arguments), or NULL. */
static struct go_selector_expr *is_done_call(struct go_node *x)
{
	struct go_node *f;

	if (!x || x->kind != GO_CALL_EXPR || GO_CAST(go_call_expr, x)->args.n)
		return NULL;
	f = go_unparen(GO_CAST(go_call_expr, x)->fun);
	if (!f || f->kind != GO_SELECTOR_EXPR ||
	    strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Done"))
		return NULL;
	return GO_CAST(go_selector_expr, f);
}

static struct go_ident *done_recv(struct go_node *comm)
{
	struct go_selector_expr *s = is_done_call(received(comm));

	return s ? go_local_var(s->x) : NULL;
}

struct done_scan {
	const struct go_ident *var;
	int uses;           /* X.Done() and X.Err() calls */
};

static int done_fn(struct go_node *n, void *ctx)
{
	struct done_scan *ds = ctx;
	struct go_node *f;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_CALL_EXPR && !GO_CAST(go_call_expr, n)->args.n) {
		f = go_unparen(GO_CAST(go_call_expr, n)->fun);
		if (f && f->kind == GO_SELECTOR_EXPR &&
		    go_local_var(GO_CAST(go_selector_expr, f)->x) == ds->var &&
		    (!strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Done") ||
		     !strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Err")))
			ds->uses++;
	}
	return 1;
}

static int ends_in_branch(const struct go_list *body);

/* `case <-ctx.Done():` that falls out of the select, in a loop that looks
 * at the same ctx elsewhere (its Done or Err): a sleep that cancellation
 * cuts short, after which the loop ends.  ctx must come from outside the
 * loop: a Done of something made in each iteration is a fresh wait with
 * its own fresh timer. */
static int cancel_case(struct go_comm_clause *c, struct go_node *loop,
		       struct go_block_stmt *lbody)
{
	struct go_ident *var = done_recv(c->comm);
	struct done_scan ds;

	if (!var || (var->node.off >= loop->off && var->node.off < loop->end) ||
	    ends_in_branch(&c->body))
		return 0;
	ds.var = var;
	ds.uses = 0;
	go_ast_inspect((struct go_node *)lbody, done_fn, NULL, &ds);
	return ds.uses >= 2;
}

/* time.NewTimer(d).C: a timer nobody can stop, the same as time.After(d).
 * Returns the NewTimer call. */
static struct go_node *newtimer_c(const struct go_node *x)
{
	struct go_node *c;

	if (!x || x->kind != GO_SELECTOR_EXPR ||
	    strcmp(GO_CAST(go_selector_expr, x)->sel->name, "C"))
		return NULL;
	c = go_unparen(GO_CAST(go_selector_expr, x)->x);
	return c && c->kind == GO_CALL_EXPR &&
		go_is_pkg_member(GO_CAST(go_call_expr, c)->fun, "time", "NewTimer") ?
		c : NULL;
}

static int is_after_call(const struct go_node *x)
{
	return x && ((x->kind == GO_CALL_EXPR &&
		      go_is_pkg_member(GO_CAST(go_call_expr, x)->fun, "time", "After")) ||
		     newtimer_c(x));
}

/* The call that makes the timer: time.After(d) itself, or the NewTimer of
 * time.NewTimer(d).C. */
static struct go_node *timer_call(struct go_node *x)
{
	struct go_node *c = newtimer_c(x);

	return c ? c : x;
}

/* Is var assigned time.After(...) somewhere inside loop body b (outside
 * function literals)?  Returns that assignment's call. */
struct assign_scan {
	const struct go_ident *var;
	struct go_node *call;
	struct go_block_stmt *lbody;   /* the loop's body */
};

/* cond is `var == nil`, or has it as one side of an &&: the branch runs
 * only when no timer is pending. */
static int nil_test_of(const struct go_node *cond, const struct go_ident *var)
{
	const struct go_binary_expr *b;

	cond = go_unparen(cond);
	if (!cond || cond->kind != GO_BINARY_EXPR)
		return 0;
	b = GO_CAST(go_binary_expr, cond);
	if (b->op == GO_TOK_LAND)
		return nil_test_of(b->x, var) || nil_test_of(b->y, var);
	return b->op == GO_TOK_EQL && go_local_var(b->x) == var &&
	       go_is_universe(b->y, "nil");
}

/* The comm clause of the loop's select that receives from var. */
static struct go_comm_clause *own_case(struct go_node *lbody,
				       const struct go_ident *var);

/* `X == 0` or `len(X) == 0` (either way round), as cond or one side of
 * an &&: returns X, the batch's count or buffer. */
static struct go_ident *zero_test(const struct go_node *cond)
{
	const struct go_binary_expr *b;
	const struct go_node *x, *y;
	struct go_ident *v;

	cond = go_unparen(cond);
	if (!cond || cond->kind != GO_BINARY_EXPR)
		return NULL;
	b = GO_CAST(go_binary_expr, cond);
	if (b->op == GO_TOK_LAND)
		return (v = zero_test(b->x)) ? v : zero_test(b->y);
	if (b->op != GO_TOK_EQL)
		return NULL;
	x = go_unparen(b->x);
	y = go_unparen(b->y);
	if (x && x->kind == GO_BASIC_LIT) {
		const struct go_node *t = x;

		x = y;
		y = t;
	}
	if (!y || y->kind != GO_BASIC_LIT ||
	    strcmp(GO_CAST(go_basic_lit, y)->value, "0"))
		return NULL;
	if (x && x->kind == GO_CALL_EXPR && go_is_universe(GO_CAST(go_call_expr, x)->fun, "len") &&
	    GO_CAST(go_call_expr, x)->args.n == 1)
		x = GO_CAST(go_call_expr, x)->args.v[0];
	return go_local_var(x);
}

/* Does clause c set X back to empty: X = 0, X = nil, X = X[:0]? */
struct reset_scan {
	const struct go_ident *x;
	int yes;
};

static int reset_fn(struct go_node *n, void *ctx)
{
	struct reset_scan *rs = ctx;

	if (n->kind == GO_FUNC_LIT || rs->yes)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n && i < a->rhs.n; i++) {
			struct go_node *r = go_unparen(a->rhs.v[i]);

			if (go_local_var(a->lhs.v[i]) != rs->x || !r)
				continue;
			if (go_is_universe(r, "nil") ||
			    (r->kind == GO_BASIC_LIT &&
			     !strcmp(GO_CAST(go_basic_lit, r)->value, "0")) ||
			    (r->kind == GO_SLICE_EXPR &&
			     go_local_var(GO_CAST(go_slice_expr, r)->x) == rs->x &&
			     !GO_CAST(go_slice_expr, r)->low &&
			     GO_CAST(go_slice_expr, r)->high &&
			     GO_CAST(go_slice_expr, r)->high->kind == GO_BASIC_LIT &&
			     !strcmp(GO_CAST(go_basic_lit,
					     GO_CAST(go_slice_expr, r)->high)->value, "0")))
				rs->yes = 1;
		}
	}
	return !rs->yes;
}

/* if n == 0 { tc = time.After(d) }, n reset when tc fires: armed when a
 * batch starts, one timer per batch. */
static int batch_start(const struct go_node *cond, struct assign_scan *as)
{
	struct go_ident *x = zero_test(cond);
	struct go_comm_clause *c;
	struct reset_scan rs;

	if (!x || !as->lbody)
		return 0;
	c = own_case((struct go_node *)as->lbody, as->var);
	if (!c)
		return 0;
	rs.x = x;
	rs.yes = 0;
	for (uint32_t i = 0; i < c->body.n && !rs.yes; i++)
		go_ast_inspect(c->body.v[i], reset_fn, NULL, &rs);
	return rs.yes;
}

static int assign_fn(struct go_node *n, void *ctx)
{
	struct assign_scan *as = ctx;

	if (n->kind == GO_FUNC_LIT || as->call)
		return 0;
	/* if deadline == nil { deadline = time.After(d) }: armed only when
	 * none is pending, a deadline for a batch, not a timer per iteration */
	if (n->kind == GO_IF_STMT && (nil_test_of(GO_CAST(go_if_stmt, n)->cond, as->var) ||
				      batch_start(GO_CAST(go_if_stmt, n)->cond, as)))
		return 0;
	/* case <-tc: ...; tc = time.After(d): re-armed when the last one
	 * fired, one pending at a time */
	if (n->kind == GO_COMM_CLAUSE &&
	    go_local_var(received(GO_CAST(go_comm_clause, n)->comm)) == as->var)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n && i < a->rhs.n; i++)
			if (go_local_var(a->lhs.v[i]) == as->var &&
			    is_after_call(go_unparen(a->rhs.v[i])))
				as->call = go_unparen(a->rhs.v[i]);
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n && i < vs->values.n; i++)
			if (vs->names.v[i] == (struct go_node *)as->var &&
			    is_after_call(go_unparen(vs->values.v[i])))
				as->call = go_unparen(vs->values.v[i]);
	}
	return 1;
}

struct own_scan {
	const struct go_ident *var;
	struct go_comm_clause *c;
};

static int own_fn(struct go_node *n, void *ctx)
{
	struct own_scan *os = ctx;

	if (n->kind == GO_FUNC_LIT || os->c)
		return 0;
	if (n->kind == GO_COMM_CLAUSE &&
	    go_local_var(received(GO_CAST(go_comm_clause, n)->comm)) == os->var)
		os->c = GO_CAST(go_comm_clause, n);
	return !os->c;
}

static struct go_comm_clause *own_case(struct go_node *lbody,
				       const struct go_ident *var)
{
	struct own_scan os = { var, NULL };

	go_ast_inspect(lbody, own_fn, NULL, &os);
	return os.c;
}

/* ---- the remaining time to a fixed deadline ---- */

/* Is v written (assigned, ++, declared) inside n, outside literals? */
struct write_scan {
	const struct go_ident *v;
	int yes;
};

static int write_fn(struct go_node *n, void *ctx)
{
	struct write_scan *ws = ctx;

	if (ws->yes)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++)
			if (go_local_var(a->lhs.v[i]) == ws->v)
				ws->yes = 1;
	} else if (n->kind == GO_UNARY_EXPR &&
		   GO_CAST(go_unary_expr, n)->op == GO_TOK_AND &&
		   go_local_var(GO_CAST(go_unary_expr, n)->x) == ws->v) {
		ws->yes = 1;
	} else if (n->kind == GO_FUNC_LIT) {
		/* a closure may write it at any time */
		struct go_node *b = (struct go_node *)GO_CAST(go_func_lit, n)->body;
		struct write_scan in = { ws->v, 0 };

		if (b)
			go_ast_inspect(b, write_fn, NULL, &in);
		ws->yes |= in.yes;
		return 0;
	}
	return !ws->yes;
}

/* A fixed instant: a local or parameter declared before the loop and
 * never written inside it. */
static int fixed_instant(const struct go_node *e, struct go_node *loop)
{
	struct go_ident *v = go_local_var(e);
	struct write_scan ws;

	if (!v || (v->node.off >= loop->off && v->node.off < loop->end))
		return 0;
	ws.v = v;
	ws.yes = 0;
	go_ast_inspect(loop, write_fn, NULL, &ws);
	return !ws.yes;
}

static int is_now(const struct go_node *x)
{
	x = go_unparen(x);
	return x && x->kind == GO_CALL_EXPR && !GO_CAST(go_call_expr, x)->args.n &&
		go_is_pkg_member(GO_CAST(go_call_expr, x)->fun, "time", "Now");
}

struct anchor_scan {
	struct go_node *loop;
	int fixed, moving;
};

static int anchor_fn(struct go_node *n, void *ctx)
{
	struct anchor_scan *as = ctx;
	struct go_call_expr *c;
	struct go_node *f;
	const struct go_node *e = NULL;

	if (n->kind != GO_CALL_EXPR)
		return 1;
	c = GO_CAST(go_call_expr, n);
	f = go_unparen(c->fun);
	if (c->args.n == 1 && (go_is_pkg_member(f, "time", "Until") ||
			       go_is_pkg_member(f, "time", "Since"))) {
		e = c->args.v[0];
	} else if (c->args.n == 1 && f && f->kind == GO_SELECTOR_EXPR &&
		   !strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Sub")) {
		/* deadline.Sub(time.Now()), time.Now().Sub(start) */
		if (is_now(c->args.v[0]))
			e = GO_CAST(go_selector_expr, f)->x;
		else if (is_now(GO_CAST(go_selector_expr, f)->x))
			e = c->args.v[0];
	}
	if (!e)
		return 1;
	if (fixed_instant(e, as->loop))
		as->fixed = 1;
	else
		as->moving = 1;
	return 0;
}

/* time.After(deadline.Sub(time.Now())), time.After(wait - time.Since(start)),
 * time.After(time.Until(deadline)): the remaining time to one instant fixed
 * before the loop.  Every timer fires then; not a fresh timeout. */
static int until_fixed(struct go_node *call, struct go_node *loop)
{
	struct go_call_expr *c = GO_CAST(go_call_expr, call);
	struct anchor_scan as = { loop, 0, 0 };

	if (c->args.n != 1)
		return 0;
	go_ast_inspect(c->args.v[0], anchor_fn, NULL, &as);
	return as.fixed && !as.moving;
}

static int is_exit_call(const struct go_node *x)
{
	const struct go_node *f;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return 0;
	f = go_unparen(GO_CAST(go_call_expr, x)->fun);
	if (go_is_universe(f, "panic"))
		return 1;
	/* t.Fatal, t.FailNow, t.Skip in tests end the goroutine */
	if (f && f->kind == GO_SELECTOR_EXPR && go_local_var(GO_CAST(go_selector_expr, f)->x)) {
		const char *m = GO_CAST(go_selector_expr, f)->sel->name;

		if (!strcmp(m, "Fatal") || !strcmp(m, "Fatalf") || !strcmp(m, "FailNow") ||
		    !strcmp(m, "Skip") || !strcmp(m, "Skipf") || !strcmp(m, "SkipNow"))
			return 1;
	}
	return go_is_pkg_member(f, "os", "Exit") ||
		go_is_pkg_member(f, "log", "Fatal") ||
		go_is_pkg_member(f, "log", "Fatalf") ||
		go_is_pkg_member(f, "log", "Fatalln") ||
		go_is_pkg_member(f, "runtime", "Goexit");
}

/* Does this clause body always leave loop `loop` (labelled `label`)? */
static int leaves_loop(const struct go_list *body, const char *label)
{
	struct go_node *last;

	if (!body->n)
		return 0;
	last = body->v[body->n - 1];
	switch (last->kind) {
	case GO_RETURN_STMT:
		return 1;
	case GO_EXPR_STMT:
		return is_exit_call(GO_CAST(go_expr_stmt, last)->x);
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, last);

		if (b->tok == GO_TOK_GOTO)
			return 1;
		return b->tok == GO_TOK_BREAK && b->label && label &&
			!strcmp(b->label->name, label);
	}
	case GO_BLOCK_STMT:
		return leaves_loop(&GO_CAST(go_block_stmt, last)->list, label);
	default:
		return 0;
	}
}

/* Statements after stack[i] in its parent's list, for every level up to
 * the loop body: does control falling out of the select certainly leave
 * the loop (a later return, exit call or goto before any continue)? */
static struct go_list *stmt_list_of(struct go_node *parent)
{
	switch (parent->kind) {
	case GO_BLOCK_STMT: return &GO_CAST(go_block_stmt, parent)->list;
	case GO_CASE_CLAUSE: return &GO_CAST(go_case_clause, parent)->body;
	case GO_COMM_CLAUSE: return &GO_CAST(go_comm_clause, parent)->body;
	default: return NULL;
	}
}

static int falling_out_leaves(struct tal *t, size_t sel_i, size_t loop_i,
			      const char *label)
{
	for (size_t i = sel_i; i > loop_i + 1; i--) {
		struct go_node *n = t->stack.items[i];
		struct go_list *l = stmt_list_of(t->stack.items[i - 1]);
		uint32_t k;

		if (!l)
			continue;
		for (k = 0; k < l->n && l->v[k] != n; k++)
			;
		for (k++; k < l->n; k++) {
			struct go_node *s = l->v[k];
			struct go_list one = { &s, 1 };

			if (s->kind == GO_BRANCH_STMT &&
			    GO_CAST(go_branch_stmt, s)->tok == GO_TOK_CONTINUE)
				return 0;
			if (leaves_loop(&one, label))
				return 1;
		}
		if (t->stack.items[i - 1]->kind == GO_FOR_STMT ||
		    t->stack.items[i - 1]->kind == GO_RANGE_STMT ||
		    t->stack.items[i - 1]->kind == GO_SWITCH_STMT ||
		    t->stack.items[i - 1]->kind == GO_TYPE_SWITCH_STMT ||
		    t->stack.items[i - 1]->kind == GO_SELECT_STMT)
			return 0;
	}
	return 0;
}

/* Does a clause body end in a statement that goes back to the loop? */
static int ends_in_branch(const struct go_list *body)
{
	struct go_node *last;

	if (!body->n)
		return 0;
	last = body->v[body->n - 1];
	return last->kind == GO_BRANCH_STMT &&
		GO_CAST(go_branch_stmt, last)->tok == GO_TOK_CONTINUE;
}

static void check_select(struct tal *t, struct go_select_stmt *sel,
			 struct go_node *loop, const char *label, size_t sel_i,
			 size_t loop_i)
{
	int fall_leaves = falling_out_leaves(t, sel_i, loop_i, label);

	const struct lint_semantics *sem = t->cx->sem;
	struct go_block_stmt *b = sel->body;
	struct go_block_stmt *lbody;

	if (!b)
		return;
	lbody = loop->kind == GO_FOR_STMT ? GO_CAST(go_for_stmt, loop)->body :
		GO_CAST(go_range_stmt, loop)->body;
	for (uint32_t i = 0; i < b->list.n; i++) {
		struct go_comm_clause *c = GO_CAST(go_comm_clause, b->list.v[i]);
		struct go_node *x = received(c->comm), *call = NULL;
		struct go_ident *var;
		int others_leave = 1;
		struct finding *fd;

		if (is_after_call(x)) {
			call = x;
		} else if ((var = go_local_var(x)) != NULL) {
			struct assign_scan as = { var, NULL, lbody };

			go_ast_inspect((struct go_node *)lbody, assign_fn, NULL, &as);
			call = as.call;
		}
		if (call)
			call = timer_call(call);
		if (!call || until_fixed(call, loop))
			continue;
		for (uint32_t j = 0; j < b->list.n; j++) {
			struct go_comm_clause *o;

			if (j == i)
				continue;
			o = GO_CAST(go_comm_clause, b->list.v[j]);
			if (!leaves_loop(&o->body, label) &&
			    !cancel_case(o, loop, lbody) &&
			    !(fall_leaves && !ends_in_branch(&o->body)))
				others_leave = 0;
		}
		if (others_leave)
			continue;
		fd = lint_report(t->cx, t->fn->file, call, REPORT_SEV_WARNING,
			"create one timer before the loop (a deadline), or a "
			"time.NewTimer that you Reset each iteration and Stop on "
			"exit (an idle timeout)",
			"%s in a select inside a loop creates a new timer "
			"on every iteration; each one stays in the runtime's timer "
			"heap until it fires, so memory grows with the iteration "
			"rate, and the timeout restarts whenever another case is "
			"ready (timers before Go 1.23: %s)",
			go_is_pkg_member(GO_CAST(go_call_expr, call)->fun, "time", "NewTimer") ?
			"time.NewTimer(d).C (a timer nobody can stop)" : "time.After",
			sem->why);
		lint_related(t->cx, fd, t->fn->file, loop, "the enclosing loop");
	}
}

static int visit(struct go_node *n, void *ctx)
{
	struct tal *t = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	vec_push(&t->stack, n);
	if (n->kind == GO_SELECT_STMT) {
		/* the innermost loop around it in this function */
		for (size_t i = t->stack.len - 1; i > 0; i--) {
			struct go_node *l = t->stack.items[i - 1];

			if (l->kind == GO_FOR_STMT || l->kind == GO_RANGE_STMT) {
				const char *label = NULL;

				if (i >= 2 && t->stack.items[i - 2]->kind ==
				    GO_LABELED_STMT)
					label = GO_CAST(go_labeled_stmt,
						t->stack.items[i - 2])->label->name;
				check_select(t, GO_CAST(go_select_stmt, n), l, label,
					     t->stack.len - 1, i - 1);
				break;
			}
		}
	}
	return 1;
}

static void post(struct go_node *n, void *ctx)
{
	struct tal *t = ctx;

	(void)n;
	t->stack.len--;
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn,
		       void *arg)
{
	struct tal t;

	/* Go 1.23 timers: an unreferenced timer is collected, so nothing
	 * piles up; what is left, the timeout restarting with each other
	 * case, is what an idle timeout wants and a deadline does not, and
	 * which one the code means is not written down.  Not a leak: silent
	 * (docs/rules/time-after-in-loop.md) */
	if (!lint_file_imports(fn->file, "time") || cx->sem->new_timers)
		return;
	(void)arg;
	memset(&t, 0, sizeof(t));
	t.cx = cx;
	t.fn = fn;
	go_ast_inspect((struct go_node *)fn->body, visit, post, &t);
	vec_free(&t.stack);
}

void lint_rule_time_after_in_loop(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
}
