/*
 * chan_paths: pass 2 of the channel analysis (chan_int.h): the starting
 * function's paths walked in structured order with the counts of what was
 * launched, sent, received and closed; every exit judged against the
 * channel's capacity, and the finding written.
 */
#include "chan_int.h"
#include "chanexcl.h"
#include "facts.h"
#include "../base/sb.h"

#include <stdlib.h>
#include <string.h>

/* ---------- pass 2: the starting function's paths ---------- */

static int pst_eq(const struct pst *x, const struct pst *y)
{
	return ceq(x->T, y->T) && ceq(x->L, y->L) && ceq(x->R, y->R) &&
		ceq(x->S, y->S) && x->closed == y->closed &&
		x->drained == y->drained && x->ranging == y->ranging &&
		x->cond == y->cond && x->coord == y->coord;
}

void chan_ss_add(struct pw *w, struct sset *s, const struct pst *p)
{
	for (int i = 0; i < s->n; i++)
		if (pst_eq(&s->v[i], p))
			return;
	if (s->n == MAXST) {
		w->bad = 1;
		return;
	}
	s->v[s->n++] = *p;
}

static void ss_union(struct pw *w, struct sset *d, const struct sset *s)
{
	for (int i = 0; i < s->n; i++)
		chan_ss_add(w, d, &s->v[i]);
}

static struct pst pst_add(const struct pst *x, const struct pst *y)
{
	struct pst r;

	r.T = cadd(x->T, y->T);
	r.L = cadd(x->L, y->L);
	r.R = cadd(x->R, y->R);
	r.S = cadd(x->S, y->S);
	r.closed = x->closed | y->closed;
	r.drained = x->drained | y->drained;
	r.ranging = x->ranging | y->ranging;
	r.cond = x->cond | y->cond;
	r.coord = x->coord | y->coord;
	return r;
}

struct pst chan_pst_zero(void)
{
	struct pst z;

	memset(&z, 0, sizeof(z));
	z.T = z.L = z.R = z.S = ex(0);
	return z;
}

static void record_exit(struct pw *w, const struct pst *st, struct go_node *at,
			int kind, struct frame *target, int is_cont)
{
	struct exitrec *e = arena_zalloc(w->a->cx->arena, sizeof(*e));

	e->st = *st;
	e->at = at;
	e->kind = kind;
	e->target = target;
	e->is_cont = is_cont;
	if (w->loop) {
		e->next = w->loop->exits;
		w->loop->exits = e;
	} else if (kind != EX_BRANCH) {
		*w->tail = e;
		w->tail = &e->next;
	}
}

/* The goroutine started by go statement n, or NULL. */
static struct gor *gor_of(struct an *a, const struct go_node *n)
{
	for (int i = 0; i < a->ng; i++)
		if ((const struct go_node *)a->g[i].go == n)
			return &a->g[i];
	return NULL;
}

struct closescan {
	struct an *a;
	int found;
};

static int close_fn(struct go_node *n, void *ctx)
{
	struct closescan *cs = ctx;
	struct go_call_expr *ce;

	if (n->kind != GO_CALL_EXPR)
		return 1;
	ce = GO_CAST(go_call_expr, n);
	if (ce->args.n == 1 && go_is_universe(ce->fun, "close") &&
	    in_set(cs->a->al, cs->a->nal, ce->args.v[0]))
		cs->found = 1;
	if (cs->a->ctxmode && in_set(cs->a->al, cs->a->nal, ce->fun))
		cs->found = 1;
	return 1;
}

struct effscan {
	struct pw *w;
	struct pst *st;
};

static int eff_fn(struct go_node *n, void *ctx)
{
	struct effscan *es = ctx;
	struct an *a = es->w->a;

	switch ((enum go_kind)n->kind) {
	case GO_FUNC_LIT:
		return 0;
	case GO_SEND_STMT:
		if (in_set(a->al, a->nal, GO_CAST(go_send_stmt, n)->chan))
			es->st->S = cadd(es->st->S, ex(1));
		return 1;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
		    in_set(a->al, a->nal, GO_CAST(go_unary_expr, n)->x))
			es->st->R = cadd(es->st->R, ex(1));
		return 1;
	case GO_CALL_EXPR: {
		struct go_call_expr *ce = GO_CAST(go_call_expr, n);

		if (ce->args.n == 1 && go_is_universe(ce->fun, "close") &&
		    in_set(a->al, a->nal, ce->args.v[0]))
			es->st->closed = 1;
		if (a->ctxmode && in_set(a->al, a->nal, ce->fun))
			es->st->closed = 1;
		for (int i = 0; i < a->ng; i++) {
			struct gor *g = &a->g[i];

			if (g->sync_call != ce)
				continue;
			es->st->R = cadd(es->st->R, g->nrecv);
			es->st->S = cadd(es->st->S, g->nsend);
			if (g->ops & OP_CLOSE)
				es->st->closed = 1;
			if (g->ranges)
				es->st->drained = 1;
		}
		return 1;
	}
	case GO_GO_STMT: {
		struct gor *g = gor_of(a, n);

		if (g) {
			struct cnt t = es->w->mode == MODE_SEND ? g->nsend
				: es->w->mode == MODE_RECV ? g->nrecv : ex(0);

			es->st->T = cadd(es->st->T, t);
			es->st->L = cadd(es->st->L, ex(1));
			if (es->w->mode == MODE_RECV && g->ranges)
				es->st->ranging = 1;
			if (es->w->mode == MODE_QUIT && g->quit_loop)
				es->st->ranging = 1;
			if (g->byname)
				es->st->cond = 1;
			if (es->w->mode == MODE_SEND && g->send_coord)
				es->st->coord = 1;
		}
		return 1;
	}
	case GO_DEFER_STMT:
		if (a->pops & OP_DCLOSE) {
			struct go_node *call = GO_CAST(go_defer_stmt, n)->call;
			struct go_node *fun = call && call->kind == GO_CALL_EXPR
				? go_unparen(GO_CAST(go_call_expr, call)->fun) : NULL;

			struct go_func_lit *dl = fun && fun->kind == GO_IDENT ?
				chan_deferred_var_lit(a->cx, a->fn, call) : NULL;

			if (dl)
				fun = (struct go_node *)dl;   /* defer cleanup() */
			if (fun && fun->kind == GO_FUNC_LIT) {
				struct closescan cs = { a, 0 };

				/* a deferred literal that closes the channel */
				go_ast_inspect(fun, close_fn, NULL, &cs);
				if (cs.found)
					es->st->closed = 1;
				return 0;
			}
			if (call && call->kind == GO_CALL_EXPR && a->ctxmode &&
			    in_set(a->al, a->nal, GO_CAST(go_call_expr, call)->fun)) {
				es->st->closed = 1;
				return 0;
			}
			if (call && call->kind == GO_CALL_EXPR &&
			    go_is_universe(GO_CAST(go_call_expr, call)->fun, "close") &&
			    GO_CAST(go_call_expr, call)->args.n == 1 &&
			    in_set(a->al, a->nal, GO_CAST(go_call_expr, call)->args.v[0])) {
				es->st->closed = 1;
				return 0;
			}
		}
		return 1;
	default:
		return 1;
	}
}

/* Apply the effects of statement or expression n to every state. */
static void apply(struct pw *w, struct sset *ss, struct go_node *n)
{
	struct pst d = chan_pst_zero();
	struct effscan es = { w, &d };
	struct sset out;

	if (!n || !ss->n)
		return;
	go_ast_inspect(n, eff_fn, NULL, &es);
	if (pst_eq(&d, &(struct pst){ ex(0), ex(0), ex(0), ex(0), 0, 0, 0, 0, 0 }))
		return;
	out.n = 0;
	for (int i = 0; i < ss->n; i++) {
		struct pst s = pst_add(&ss->v[i], &d);

		chan_ss_add(w, &out, &s);
	}
	*ss = out;
}

static struct sset walk_stmt(struct pw *w, struct go_node *s, struct sset in);

struct sset chan_walk_list(struct pw *w, const struct go_list *l,
			   struct sset in)
{
	for (uint32_t i = 0; i < l->n && in.n && !w->bad; i++)
		in = walk_stmt(w, l->v[i], in);
	return in;
}

void chan_exits_of(struct pw *w, const struct sset *ss, struct go_node *at,
		   int kind)
{
	for (int i = 0; i < ss->n; i++)
		record_exit(w, &ss->v[i], at, kind, NULL, 0);
}

static void dispatch_branch(struct pw *w, struct frame *t, int is_cont,
			    const struct pst *st, struct go_node *at)
{
	if (t->loopf == w->loop && t->inst) {
		record_exit(w, st, at, EX_LEAVE, NULL, 0);
		t->broke |= !is_cont;
	} else if (t->loopf == w->loop)
		chan_ss_add(w, is_cont ? &t->cont : &t->brk, st);
	else
		record_exit(w, st, at, EX_BRANCH, t, is_cont);
}

/* The end of walk_loop for the loop that makes the channel: every way out
 * of an iteration is judged on its own, and nothing of the iteration's
 * counts carries over (the next iteration, and the code after the loop,
 * see a new channel or none). */
static struct sset leave_inst(struct pw *w, struct frame *f,
			      struct go_block_stmt *body, int kind,
			      const struct sset *end, struct sset in)
{
	struct go_node *at = body ? chan_end_node(w->a->cx, w->a->file, body) : NULL;

	for (int i = 0; i < in.n && !w->bad; i++) {
		for (struct exitrec *e = f->exits; e; e = e->next) {
			struct pst st = pst_add(&in.v[i], &e->st);

			if (e->kind == EX_BRANCH) {
				/* break or continue to an outer loop */
				record_exit(w, &st, e->at, EX_LEAVE, NULL, 0);
				dispatch_branch(w, e->target, e->is_cont, &in.v[i],
						e->at);
			} else {
				record_exit(w, &st, e->at, e->kind, NULL, 0);
			}
		}
		for (int j = 0; at && j < end->n; j++) {
			struct pst st = pst_add(&in.v[i], &end->v[j]);

			record_exit(w, &st, at, EX_LEAVE, NULL, 0);
		}
	}
	if (kind == 1 && !f->broke)
		in.n = 0;   /* for { } without a break never ends */
	return in;
}

static struct cnt cjoin(struct cnt a, struct cnt b)
{
	return ceq(a, b) ? a : ck(C_UNK, NULL);
}

static struct sset walk_loop(struct pw *w, struct go_node *s,
			     struct go_block_stmt *body, struct go_node *post,
			     const char *key, int kind, struct sset in)
{
	struct frame f;
	struct frame *saved = w->loop;
	struct sset z, end, out;
	struct pst zs = chan_pst_zero(), d = chan_pst_zero();

	memset(&f, 0, sizeof(f));
	f.is_loop = 1;
	f.inst = s == w->a->inst;
	f.label = w->pending_label;
	w->pending_label = NULL;
	f.up = w->fr;
	f.loopf = &f;
	w->loop = &f;
	w->fr = &f;
	z.n = 0;
	if (kind == 2)
		zs.R = ex(1);
	chan_ss_add(w, &z, &zs);
	end = body ? chan_walk_list(w, &body->list, z) : z;
	ss_union(w, &end, &f.cont);
	if (post && end.n)
		end = walk_stmt(w, post, end);
	w->loop = saved;
	w->fr = f.up;
	if (f.inst)
		return leave_inst(w, &f, body, kind, &end, in);
	/* the change one iteration makes; paths that disagree: unknown */
	for (int i = 0; i < end.n; i++) {
		const struct pst *e = &end.v[i];

		if (!i) {
			d = *e;
			continue;
		}
		d.T = cjoin(d.T, e->T);
		d.L = cjoin(d.L, e->L);
		d.R = cjoin(d.R, e->R);
		d.S = cjoin(d.S, e->S);
		d.closed |= e->closed;
		d.ranging |= e->ranging;
		d.cond |= e->cond;
		d.coord |= e->coord;
		d.drained |= e->drained;
	}
	/* an iteration that receives every value it launches leaves no send
	 * pending for the next ones: only the exits of the current
	 * iteration can strand a goroutine */
	if (w->mode == MODE_SEND && end.n && d.T.k == C_EX && d.R.k == C_EX &&
	    d.T.n == d.R.n && is0(d.S)) {
		d.T = ex(0);
		d.R = ex(0);
	}
	out.n = 0;
	for (int i = 0; i < in.n && !w->bad; i++) {
		struct pst part = in.v[i], all = in.v[i];

		part.T = cadd(part.T, cpart(key, d.T));
		part.L = cadd(part.L, cpart(key, d.L));
		part.R = cadd(part.R, cpart(key, d.R));
		part.S = cadd(part.S, cpart(key, d.S));
		part.closed |= d.closed;
		part.ranging |= d.ranging;
		part.cond |= d.cond;
		part.coord |= d.coord;
		for (struct exitrec *e = f.exits; e; e = e->next) {
			struct pst st = pst_add(&part, &e->st);

			if (e->kind == EX_BRANCH)
				dispatch_branch(w, e->target, e->is_cont, &st, e->at);
			else
				record_exit(w, &st, e->at, e->kind, NULL, 0);
		}
		for (int j = 0; j < f.brk.n; j++) {
			struct pst st = pst_add(&part, &f.brk.v[j]);

			chan_ss_add(w, &out, &st);
		}
		if (kind == 1)
			continue;
		all.T = cadd(all.T, cmul(key, d.T));
		all.L = cadd(all.L, cmul(key, d.L));
		all.R = cadd(all.R, cmul(key, d.R));
		all.S = cadd(all.S, cmul(key, d.S));
		all.closed |= d.closed;
		all.ranging |= d.ranging;
		all.cond |= d.cond;
		all.coord |= d.coord;
		if (kind == 2)
			all.drained = 1;
		chan_ss_add(w, &out, &all);
	}
	return out;
}

static struct frame *find_frame(struct pw *w, const struct go_ident *label,
				int want_loop)
{
	for (struct frame *f = w->fr; f; f = f->up) {
		if (label) {
			if (f->label && !strcmp(f->label, label->name))
				return f;
			continue;
		}
		if (!want_loop || f->is_loop)
			return f;
	}
	return NULL;
}

/* A select clause that can never be chosen: a send on an unbuffered
 * channel of this function that nobody ever receives from, or a receive
 * from one that nobody sends on or closes.  (Tests build blocked
 * goroutines this way on purpose.) */
struct deadscan {
	struct go_ident *v;
	unsigned total, sends, recvs;
	int unbuffered;
};

static int dead_fn(struct go_node *n, void *ctx)
{
	struct deadscan *d = ctx;

	switch ((enum go_kind)n->kind) {
	case GO_IDENT: {
		struct go_ident *id = GO_CAST(go_ident, n);

		if (!(id->decl_flags & GO_RESOLVE_DEF) && go_local_var(n) == d->v)
			d->total++;
		break;
	}
	case GO_SEND_STMT:
		if (go_local_var(GO_CAST(go_send_stmt, n)->chan) == d->v)
			d->sends++;
		break;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
		    go_local_var(GO_CAST(go_unary_expr, n)->x) == d->v)
			d->recvs++;
		break;
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		if (as->tok == GO_TOK_DEFINE && as->lhs.n == 1 && as->rhs.n == 1 &&
		    as->lhs.v[0] == (struct go_node *)d->v) {
			struct go_call_expr *mk = chan_make(as->rhs.v[0]);

			if (mk)
				d->unbuffered = mk->args.n == 1 ? 1 : 2;
		}
		break;
	}
	default:
		break;
	}
	return 1;
}

static int dead_clause(struct pw *w, struct go_node *comm)
{
	struct deadscan d;
	struct go_node *x = NULL;
	int is_send = 0;

	if (!comm)
		return 0;
	if (comm->kind == GO_SEND_STMT) {
		x = GO_CAST(go_send_stmt, comm)->chan;
		is_send = 1;
	} else if (comm->kind == GO_EXPR_STMT) {
		x = GO_CAST(go_expr_stmt, comm)->x;
	} else if (comm->kind == GO_ASSIGN_STMT &&
		   GO_CAST(go_assign_stmt, comm)->rhs.n == 1) {
		x = GO_CAST(go_assign_stmt, comm)->rhs.v[0];
	}
	if (!is_send) {
		x = go_unparen(x);
		if (!x || x->kind != GO_UNARY_EXPR ||
		    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
			return 0;
		x = GO_CAST(go_unary_expr, x)->x;
	}
	memset(&d, 0, sizeof(d));
	d.v = go_local_var(x);
	if (!d.v || in_set(w->a->al, w->a->nal, x))
		return 0;
	go_ast_inspect((struct go_node *)w->a->fn->body, dead_fn, NULL, &d);
	if (!d.unbuffered)
		return 0;
	if (is_send)
		return d.unbuffered == 1 && d.total == d.sends;
	return d.total == d.recvs;
}

static struct sset walk_clauses(struct pw *w, struct go_block_stmt *body,
				struct sset in, int is_select)
{
	struct frame f;
	struct sset out;
	int has_default = 0;

	memset(&f, 0, sizeof(f));
	f.label = w->pending_label;
	w->pending_label = NULL;
	f.up = w->fr;
	f.loopf = w->loop;
	w->fr = &f;
	out.n = 0;
	for (uint32_t i = 0; body && i < body->list.n && !w->bad; i++) {
		struct go_node *c = body->list.v[i];
		struct sset cs = in;

		if (c->kind == GO_CASE_CLAUSE) {
			struct go_case_clause *cc = GO_CAST(go_case_clause, c);

			if (cc->is_default)
				has_default = 1;
			for (uint32_t j = 0; j < cc->list.n; j++)
				apply(w, &cs, cc->list.v[j]);
			cs = chan_walk_list(w, &cc->body, cs);
		} else if (c->kind == GO_COMM_CLAUSE) {
			struct go_comm_clause *cc = GO_CAST(go_comm_clause, c);

			if (dead_clause(w, cc->comm))
				continue;
			apply(w, &cs, cc->comm);
			cs = chan_walk_list(w, &cc->body, cs);
		}
		ss_union(w, &out, &cs);
	}
	w->fr = f.up;
	ss_union(w, &out, &f.brk);
	if (!is_select && !has_default)
		ss_union(w, &out, &in);
	return out;
}

/* A same-package function that never returns: its body has no return
 * statement and ends in a call that does not come back (a fatalf helper
 * around log.Fatalf or os.Exit, a panic wrapper). */
static int has_return_fn(struct go_node *n, void *ctx)
{
	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_RETURN_STMT)
		*(int *)ctx = 1;
	return 1;
}

static int never_returns(struct lint_ctx *cx, struct go_node *x)
{
	const struct go_file *hf = NULL;
	struct go_func_decl *fd;
	struct go_node *last;
	int ret = 0;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return 0;
	x = go_unparen(GO_CAST(go_call_expr, x)->fun);
	if (!x || x->kind != GO_IDENT)
		return 0;
	fd = chan_find_func(cx, x, &hf);
	if (!fd || !fd->body || !fd->body->list.n)
		return 0;
	last = fd->body->list.v[fd->body->list.n - 1];
	if (last->kind != GO_EXPR_STMT ||
	    !chan_terminating(GO_CAST(go_expr_stmt, last)->x))
		return 0;
	go_ast_inspect((struct go_node *)fd->body, has_return_fn, NULL, &ret);
	return !ret;
}

static struct sset walk_stmt(struct pw *w, struct go_node *s, struct sset in)
{
	struct an *a = w->a;

	if (!s || !in.n || w->bad)
		return in;
	switch ((enum go_kind)s->kind) {
	case GO_RETURN_STMT:
		apply(w, &in, s);
		chan_exits_of(w, &in, s, EX_RETURN);
		in.n = 0;
		return in;
	case GO_EXPR_STMT: {
		int t = chan_terminating(GO_CAST(go_expr_stmt, s)->x);

		if (t == TERM_NONE && never_returns(a->cx, GO_CAST(go_expr_stmt, s)->x))
			t = TERM_DEAD;
		apply(w, &in, s);
		if (t == TERM_PANIC)
			chan_exits_of(w, &in, s, EX_PANIC);
		if (t != TERM_NONE)
			in.n = 0;
		return in;
	}
	case GO_BLOCK_STMT:
		return chan_walk_list(w, &GO_CAST(go_block_stmt, s)->list, in);
	case GO_LABELED_STMT: {
		struct go_labeled_stmt *l = GO_CAST(go_labeled_stmt, s);

		w->pending_label = l->label ? l->label->name : NULL;
		in = walk_stmt(w, l->stmt, in);
		w->pending_label = NULL;
		return in;
	}
	case GO_IF_STMT: {
		struct go_if_stmt *i = GO_CAST(go_if_stmt, s);
		struct sset th, el;

		w->pending_label = NULL;
		in = walk_stmt(w, i->init, in);
		apply(w, &in, i->cond);
		th = walk_stmt(w, (struct go_node *)i->body, in);
		el = i->els ? walk_stmt(w, i->els, in) : in;
		ss_union(w, &th, &el);
		return th;
	}
	case GO_FOR_STMT: {
		struct go_for_stmt *f = GO_CAST(go_for_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		in = walk_stmt(w, f->init, in);
		apply(w, &in, f->cond);
		w->pending_label = label;
		return walk_loop(w, s, f->body, f->post,
				 chan_loop_key(a->cx, a->file, s), f->cond ? 0 : 1, in);
	}
	case GO_RANGE_STMT: {
		struct go_range_stmt *r = GO_CAST(go_range_stmt, s);

		if (in_set(a->al, a->nal, r->x))
			return walk_loop(w, s, r->body, NULL, "#range", 2, in);
		apply(w, &in, r->x);
		return walk_loop(w, s, r->body, NULL, chan_loop_key(a->cx, a->file, s),
				 0, in);
	}
	case GO_SWITCH_STMT: {
		struct go_switch_stmt *sw = GO_CAST(go_switch_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		in = walk_stmt(w, sw->init, in);
		apply(w, &in, sw->tag);
		w->pending_label = label;
		return walk_clauses(w, sw->body, in, 0);
	}
	case GO_TYPE_SWITCH_STMT: {
		struct go_type_switch_stmt *sw = GO_CAST(go_type_switch_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		in = walk_stmt(w, sw->init, in);
		apply(w, &in, sw->assign);
		w->pending_label = label;
		return walk_clauses(w, sw->body, in, 0);
	}
	case GO_SELECT_STMT:
		return walk_clauses(w, GO_CAST(go_select_stmt, s)->body, in, 1);
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, s);
		struct frame *t;

		if (b->tok == GO_TOK_GOTO) {
			w->bad = 1;
			return in;
		}
		if (b->tok == GO_TOK_FALLTHROUGH)
			return in;
		t = find_frame(w, b->label, b->tok == GO_TOK_CONTINUE);
		if (!t) {
			w->bad = 1;
			return in;
		}
		for (int i = 0; i < in.n; i++)
			dispatch_branch(w, t, b->tok == GO_TOK_CONTINUE, &in.v[i], s);
		in.n = 0;
		return in;
	}
	default:
		w->pending_label = NULL;
		apply(w, &in, s);
		return in;
	}
}

/* ---------- judging an exit ---------- */

int chan_leaks(const struct an *a, int mode, const struct pst *st)
{
	struct cnt T = st->T, K = a->cap;

	if (is0(st->L))
		return 0;
	if (mode == MODE_SEND) {
		struct cnt R = st->R;

		if (st->drained)
			return 0;
		/* goroutines that elect their sender through an atomic:
		 * more than one send launched is an upper bound only */
		if (st->coord && !(T.k == C_EX && T.n <= 1))
			return 0;
		switch (T.k) {
		case C_INF:
			return 1;
		case C_EX:
			if (R.k == C_EX)
				return T.n - R.n > 0 && K.k == C_EX && T.n - R.n > K.n;
			if (R.k == C_PART)
				return K.k == C_EX && T.n - 1 > K.n;
			return 0;
		case C_SYM:
			if (!(K.k == C_EX && K.n == 0))
				return 0;
			return R.k == C_EX || R.k == C_PART;
		case C_PART:
			return K.k == C_EX && K.n == 0 && is0(R);
		default:
			return 0;
		}
	}
	if (mode == MODE_RECV) {
		struct cnt S = st->S;

		if (st->closed)
			return 0;
		if (st->ranging || T.k == C_INF)
			return 1;
		switch (T.k) {
		case C_EX:
			return S.k == C_EX && T.n > S.n;
		case C_SYM:
			return S.k == C_EX || S.k == C_PART;
		case C_PART:
			return is0(S);
		default:
			return 0;
		}
	}
	return !st->closed && st->ranging && is0(st->S);
}

/* ---------- reporting ---------- */

struct go_node *chan_end_node(struct lint_ctx *cx, const struct go_file *f,
			      const struct go_block_stmt *body)
{
	struct go_node *n = arena_zalloc(cx->arena, sizeof(*n));

	n->kind = GO_BLOCK_STMT;
	n->off = body->rbrace;
	n->end = body->rbrace + 1;
	go_file_position(f, body->rbrace, &n->line, &n->col);
	return n;
}

static const char *func_name(const struct lint_func *fn)
{
	return fn->decl && fn->decl->name ? fn->decl->name->name
		: "the function literal";
}

static const char *exit_words(struct lint_ctx *cx, const struct an *a,
			      const struct exitrec *e)
{
	const char *who = func_name(a->fn);

	if (e->kind == EX_PANIC)
		return arena_printf(cx->arena, "%s panics at line %u", who,
				    e->at->line);
	if (e->kind == EX_END)
		return arena_printf(cx->arena, "%s reaches its end at line %u",
				    who, e->at->line);
	if (e->kind == EX_LEAVE && e->at->kind == GO_BRANCH_STMT &&
	    GO_CAST(go_branch_stmt, e->at)->tok == GO_TOK_BREAK)
		return arena_printf(cx->arena, "%s breaks out of the loop that "
				    "made '%s' at line %u", who, a->ch->name,
				    e->at->line);
	if (e->kind == EX_LEAVE)
		return arena_printf(cx->arena, "%s %s at line %u (each "
				    "iteration makes a new '%s')", who,
				    e->at->kind == GO_BRANCH_STMT
				    ? "continues the loop"
				    : "finishes an iteration of the loop",
				    e->at->line, a->ch->name);
	return arena_printf(cx->arena, "%s returns at line %u", who,
			    e->at->line);
}

static const char *cap_words(struct lint_ctx *cx, const struct an *a)
{
	if (a->cap.k == C_EX && a->cap.n == 0)
		return arena_printf(cx->arena, "'%s' is unbuffered", a->ch->name);
	if (a->cap.k == C_EX)
		return arena_printf(cx->arena, "'%s' has room for only %d",
				    a->ch->name, a->cap.n);
	return arena_printf(cx->arena, "'%s' is buffered", a->ch->name);
}

struct nth {
	struct lint_ctx *cx;
	struct go_ident **al;
	int nal;
	int skip;
	struct go_node *at;
};

static int nth_fn(struct go_node *n, void *ctx)
{
	struct nth *t = ctx;

	if (n->kind == GO_FUNC_LIT || t->at)
		return 0;
	if ((n->kind == GO_SEND_STMT &&
	     in_set(t->al, t->nal, GO_CAST(go_send_stmt, n)->chan)) ||
	    (n->kind == GO_CALL_EXPR &&
	     chan_send_via(t->cx, GO_CAST(go_call_expr, n), t->al, t->nal,
			   NULL, NULL))) {
		if (t->skip-- == 0)
			t->at = n;
	}
	return 1;
}

/* The name a call's function is written with: "f" or "m" of x.m. */
static const char *callee_name(const struct go_node *call)
{
	const struct go_node *f = go_unparen(GO_CAST(go_call_expr, call)->fun);

	if (f && f->kind == GO_IDENT)
		return GO_CAST(go_ident, f)->name;
	if (f && f->kind == GO_SELECTOR_EXPR)
		return GO_CAST(go_selector_expr, f)->sel->name;
	return "the helper";
}

/* "this send", or the send of the helper the goroutine calls at `at`. */
static const char *send_words(struct lint_ctx *cx, const struct go_node *at)
{
	if (at && at->kind == GO_CALL_EXPR)
		return arena_printf(cx->arena, "the send in %s, called here",
				    callee_name(at));
	return "this send";
}

void chan_report(struct an *a, int mode, const struct exitrec *e)
{
	struct lint_ctx *cx = a->cx;
	const struct pst *st = &e->st;
	struct gor *g = NULL;
	struct go_node *at;
	const struct go_file *af;
	const char *msg, *fix, *gowords;
	struct finding *fd;
	int medium = st->cond || e->kind == EX_PANIC;
	enum report_severity sev = mode == MODE_QUIT ? REPORT_SEV_WARNING
						      : REPORT_SEV_ERROR;

	for (int i = 0; i < a->ng && !g; i++) {
		struct gor *x = &a->g[i];

		if (x->sync_call)
			continue;
		if (mode == MODE_SEND && x->send_at)
			g = x;
		else if (mode == MODE_RECV && (x->range_at || x->recv_at))
			g = x;
		else if (mode == MODE_QUIT && x->quit_loop)
			g = x;
	}
	if (!g)
		return;
	/* it sent on the sibling channel this exit received from, and
	 * returned; or it cannot reach the send (chanexcl.h) */
	if (mode == MODE_SEND &&
	    (lint_chanexcl_sibling_done(a->fn, e->at, &g->go->node, g->body,
					g->al, g->nal) ||
	     lint_chanexcl_blocked_before(a->fn, g->body, g->send_at)))
		return;
	af = g->file;
	gowords = "the goroutine";
	if (mode == MODE_SEND) {
		const char *what;

		at = g->send_at;
		if (st->T.k == C_EX && st->R.k == C_EX && st->R.n > 0 &&
		    a->cap.k == C_EX && is0(a->cap) && !g->helper) {
			/* one goroutine, sends in sequence: the first send
			 * nobody takes is the one that blocks */
			struct nth nt = { cx, g->al, g->nal, st->R.n, NULL };

			go_ast_inspect((struct go_node *)g->body, nth_fn, NULL, &nt);
			if (nt.at)
				at = nt.at;
		}
		if (st->T.k == C_INF)
			what = "the goroutine keeps sending in an endless loop";
		else if (st->T.k == C_SYM && st->R.k == C_EX && st->R.n == 0)
			what = arena_printf(cx->arena, "none of the %s values "
					    "was received", st->T.key);
		else if (st->T.k == C_SYM && st->R.k == C_EX)
			what = arena_printf(cx->arena, "only %d of the %s values "
					    "%s received", st->R.n, st->T.key,
					    st->R.n == 1 ? "was" : "were");
		else if (st->R.k == C_PART)
			what = "the receiving loop has not received every value";
		else if (st->T.k == C_PART)
			what = "the goroutines started so far are never received from";
		else if (st->T.n == 1)
			what = "its value is never received";
		else
			what = arena_printf(cx->arena, "%d of its %d values %s never "
					    "received", st->T.n - st->R.n, st->T.n,
					    st->T.n - st->R.n == 1 ? "is" : "are");
		if ((st->T.k == C_PART || st->R.k == C_PART) && st->T.k != C_INF &&
		    !keyeq(st->R.key, "#range"))
			medium |= st->T.k != C_SYM || !keyeq(st->T.key, st->R.key);
		medium |= g->send_cond;
		msg = arena_printf(cx->arena, "goroutine can block for ever on "
				   "%s: when %s, %s%s%s; the blocked "
				   "goroutine and everything it references are "
				   "never freed", send_words(cx, at),
				   exit_words(cx, a, e), what,
				   st->T.k == C_INF ? "" : " and ",
				   st->T.k == C_INF ? "" : cap_words(cx, a));
		if (st->T.k == C_INF)
			fix = "select on ctx.Done() (or a done channel) around the "
				"send, and cancel()/close(done) when the receiver stops "
				"(defer it)";
		else if (st->T.k == C_SYM || st->T.k == C_PART)
			fix = arena_printf(cx->arena, "give the channel room for "
					   "every sender: make(chan %s, %s); or "
					   "select on ctx.Done() around the send",
					   a->elem, st->T.k == C_SYM ? st->T.key
					   : "n");
		else
			fix = arena_printf(cx->arena, "give the channel room for "
					   "every sender: make(chan %s, %d); or "
					   "select on ctx.Done() around the send",
					   a->elem, st->T.n);
	} else if (mode == MODE_RECV) {
		at = g->range_at ? g->range_at : g->recv_at;
		if (st->ranging) {
			msg = arena_printf(cx->arena, "goroutine ranges over '%s', "
					   "which is never closed when %s: after "
					   "the last value the loop waits for "
					   "ever", a->ch->name,
					   exit_words(cx, a, e));
			fix = arena_printf(cx->arena, "close(%s) after the last "
					   "send (defer close(%s) in %s)",
					   a->ch->name, a->ch->name,
					   func_name(a->fn));
		} else {
			msg = arena_printf(cx->arena, "goroutine can block for "
					   "ever on this receive: when %s, "
					   "nothing more is sent on '%s' and it is "
					   "never closed", exit_words(cx, a, e),
					   a->ch->name);
			fix = arena_printf(cx->arena, "send or close(%s) on every "
					   "path (defer close(%s)), or select on "
					   "ctx.Done() in the goroutine",
					   a->ch->name, a->ch->name);
		}
	} else {
		at = (struct go_node *)g->go;
		af = a->file;
		if (a->ctxmode) {
			int blank = !strcmp(a->ch->name, "_");

			msg = arena_printf(cx->arena, "goroutine never exits: it "
					   "loops until '%s' is cancelled, but when "
					   "%s, %s%s (and %s derives from a context "
					   "that is never cancelled)",
					   a->qal[0]->name, exit_words(cx, a, e),
					   blank ? "its cancel function was discarded"
					   : a->ch->name, blank ? "" : "() was not called",
					   a->qal[0]->name);
			fix = arena_printf(cx->arena, "defer %s() right after "
					   "context.WithCancel", blank ? "cancel"
					   : a->ch->name);
		} else {
		msg = arena_printf(cx->arena, "goroutine never exits: it loops "
				   "until '%s' is closed, but when %s, '%s' was "
				   "neither closed nor sent to", a->ch->name,
				   exit_words(cx, a, e), a->ch->name);
		fix = arena_printf(cx->arena, "defer close(%s) in %s right "
				   "after starting the goroutine", a->ch->name,
				   func_name(a->fn));
		}
	}
	if (!at)
		return;
	fd = lint_report(cx, af, at, sev, fix, "%s", msg);
	if (!fd)
		return;
	if (medium)
		fd->confidence = REPORT_CONF_MEDIUM;
	lint_related(cx, fd, a->file, (struct go_node *)a->make,
		     a->ctxmode ? (strcmp(a->ch->name, "_")
				   ? arena_printf(cx->arena, "%s and %s are made "
						  "here", a->qal[0]->name, a->ch->name)
				   : arena_printf(cx->arena, "%s is made here",
						  a->qal[0]->name))
		     : arena_printf(cx->arena, "%s is made here%s", a->ch->name,
				    a->cap.k == C_EX && a->cap.n == 0
				    ? " (unbuffered)" : ""));
	(void)gowords;
	lint_related(cx, fd, a->file, (struct go_node *)g->go,
		     g->helper ? arena_printf(cx->arena, "goroutine started "
					      "here (%s)", g->helper)
			       : "goroutine started here");
	if (mode == MODE_SEND && at->kind == GO_CALL_EXPR) {
		const struct go_file *vf = NULL;
		struct go_node *via = chan_send_via(cx, GO_CAST(go_call_expr, at),
						    g->al, g->nal, &vf, NULL);

		if (via)
			lint_related(cx, fd, vf, via,
				     arena_printf(cx->arena, "%s sends on the "
						  "channel here", callee_name(at)));
	}
	if (mode == MODE_QUIT && g->quit_loop)
		lint_related(cx, fd, g->file, g->quit_loop,
			     a->ctxmode ? arena_printf(cx->arena, "its only way "
						       "out is <-%s.Done()",
						       a->qal[0]->name)
			     : arena_printf(cx->arena, "its only way out is a "
					    "receive from %s", a->ch->name));
	lint_related(cx, fd, a->file, e->at,
		     e->kind == EX_END ? "the function ends here"
		     : e->kind == EX_LEAVE ? "the iteration ends here"
		     : e->kind == EX_PANIC ? "the function panics here"
		     : "the function returns here");
}

