/*
 * chan_goroutine: what a goroutine body does to the channel on its paths
 * (chan_int.h): how many sends and receives, whether some path sends fewer,
 * and the loop it can only leave through a quit channel.
 */
#include "chan_int.h"
#include "facts.h"
#include "../base/sb.h"

#include <stdlib.h>
#include <string.h>

/* ---------- goroutine bodies: how many sends/receives on a path ---------- */

struct gw {
	struct go_ident **al;
	int nal;
	int cond;
	int coord;                /* an if on a sync/atomic result decides */
	unsigned kind;            /* OP_SEND or OP_RECV */
	struct go_node *first;    /* first blocking operation */
	struct go_node *range_at;
	int bad;
};

struct pc {
	struct cnt cmax;          /* paths that go on */
	struct cnt tmax;          /* paths that ended (return, panic) */
	struct cnt bmax;          /* paths that broke out of the innermost
				   * loop (they end its iterations) */
	int cont;
	int brk;                  /* there is such a path (bmax is its
				   * count; 0 means none without brk) */
};

static struct pc pc_zero(void)
{
	struct pc p = { { C_EX, 0, NULL }, { C_EX, 0, NULL },
			{ C_EX, 0, NULL }, 1, 0 };

	return p;
}

struct opscan {
	struct lint_ctx *cx;
	struct go_ident **al;
	int nal;
	unsigned kind;
	int n;
	struct go_node *first;
	int cond;                     /* a helper that sends on some paths */
	struct go_node *inner;        /* call of a go or defer statement */
};

static int opscan_fn(struct go_node *n, void *ctx)
{
	struct opscan *o = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_GO_STMT)
		o->inner = GO_CAST(go_go_stmt, n)->call;
	if (n->kind == GO_DEFER_STMT)
		o->inner = GO_CAST(go_defer_stmt, n)->call;
	if ((o->kind & OP_SEND) && n->kind == GO_CALL_EXPR && n != o->inner) {
		int every = 0;

		if (chan_send_via(o->cx, GO_CAST(go_call_expr, n), o->al, o->nal,
				  NULL, &every)) {
			o->n++;
			if (!every)
				o->cond = 1;
			if (!o->first)
				o->first = n;
		}
	}
	if ((o->kind & OP_SEND) && n->kind == GO_SEND_STMT &&
	    in_set(o->al, o->nal, GO_CAST(go_send_stmt, n)->chan)) {
		o->n++;
		if (!o->first)
			o->first = n;
	}
	if ((o->kind & OP_RECV) && n->kind == GO_UNARY_EXPR &&
	    GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
	    in_set(o->al, o->nal, GO_CAST(go_unary_expr, n)->x)) {
		o->n++;
		if (!o->first)
			o->first = n;
	}
	return 1;
}

/* Operations of kind on the channel in n (outside function literals);
 * a call of a send helper (chan_send_via) is one send. */
static int count_ops(struct gw *w, struct lint_ctx *cx, struct go_node *n)
{
	struct opscan o;

	if (!n)
		return 0;
	memset(&o, 0, sizeof(o));
	o.cx = cx;
	o.al = w->al;
	o.nal = w->nal;
	o.kind = w->kind;
	go_ast_inspect(n, opscan_fn, NULL, &o);
	if (o.first && !w->first)
		w->first = o.first;
	if (o.cond)
		w->cond = 1;
	return o.n;
}

/* Does loop (a FOR or RANGE statement) have a way out: return, a break
 * that leaves it, goto, panic or a call that ends the goroutine?  label is
 * the loop's label or NULL. */
struct exitscan {
	const char *label;
	int depth;                /* breakable statements entered */
	int found;
	int (*in_quit)(struct go_node *, void *);
	void *qarg;
	int qdepth;               /* inside a quit clause */
	int quit_exits, other_exits;
	const char *labels[16];   /* labels declared inside the loop */
	int nlabels;
};

static int is_breakable(const struct go_node *n)
{
	return n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
		n->kind == GO_SWITCH_STMT || n->kind == GO_TYPE_SWITCH_STMT ||
		n->kind == GO_SELECT_STMT;
}

static void exit_found(struct exitscan *e)
{
	e->found = 1;
	if (e->qdepth)
		e->quit_exits++;
	else
		e->other_exits++;
}

static int exitscan_fn(struct go_node *n, void *ctx)
{
	struct exitscan *e = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (is_breakable(n))
		e->depth++;
	if (n->kind == GO_COMM_CLAUSE && e->in_quit && e->in_quit(n, e->qarg))
		e->qdepth++;
	switch ((enum go_kind)n->kind) {
	case GO_RETURN_STMT:
		exit_found(e);
		break;
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, n);
		int inner = 0;

		if (b->label) {
			for (int i = 0; i < e->nlabels; i++)
				if (!strcmp(e->labels[i], b->label->name))
					inner = 1;
			if (e->label && !strcmp(b->label->name, e->label))
				inner = b->tok == GO_TOK_CONTINUE;
		}
		if (b->tok == GO_TOK_GOTO)
			exit_found(e);
		else if (b->tok == GO_TOK_BREAK && (b->label ? !inner : e->depth == 0))
			exit_found(e);
		else if (b->tok == GO_TOK_CONTINUE && b->label && !inner)
			exit_found(e);   /* continues an outer loop */
		break;
	}
	case GO_LABELED_STMT:
		if (GO_CAST(go_labeled_stmt, n)->label && e->nlabels < 16)
			e->labels[e->nlabels++] = GO_CAST(go_labeled_stmt, n)->label->name;
		break;
	case GO_EXPR_STMT:
		if (chan_terminating(GO_CAST(go_expr_stmt, n)->x))
			exit_found(e);
		break;
	default:
		break;
	}
	return 1;
}

static void exitscan_post(struct go_node *n, void *ctx)
{
	struct exitscan *e = ctx;

	if (is_breakable(n))
		e->depth--;
	if (n->kind == GO_COMM_CLAUSE && e->in_quit && e->in_quit(n, e->qarg))
		e->qdepth--;
}

static void scan_loop_exits(struct go_node *loop, const char *label,
			    struct exitscan *e)
{
	struct go_block_stmt *body = loop->kind == GO_FOR_STMT
		? GO_CAST(go_for_stmt, loop)->body
		: GO_CAST(go_range_stmt, loop)->body;

	e->label = label;
	e->depth = 0;
	e->found = 0;
	e->nlabels = 0;
	if (body)
		go_ast_inspect((struct go_node *)body, exitscan_fn, exitscan_post, e);
}

static int loop_has_exit(struct go_node *loop, const char *label)
{
	struct exitscan e;

	memset(&e, 0, sizeof(e));
	scan_loop_exits(loop, label, &e);
	return e.found;
}

const char *chan_loop_key(struct lint_ctx *cx, const struct go_file *f,
			  struct go_node *loop)
{
	if (loop->kind == GO_RANGE_STMT) {
		const char *t = chan_text_of(cx, f, GO_CAST(go_range_stmt, loop)->x);

		return t ? arena_printf(cx->arena, "len(%s)", t) : NULL;
	}
	if (loop->kind == GO_FOR_STMT) {
		struct go_for_stmt *fs = GO_CAST(go_for_stmt, loop);
		struct go_assign_stmt *in;
		struct go_binary_expr *cond;
		struct go_ident *iv;
		struct go_node *z;

		if (!fs->init || fs->init->kind != GO_ASSIGN_STMT || !fs->cond ||
		    fs->cond->kind != GO_BINARY_EXPR || !fs->post ||
		    fs->post->kind != GO_INC_DEC_STMT)
			return NULL;
		in = GO_CAST(go_assign_stmt, fs->init);
		if (in->tok != GO_TOK_DEFINE || in->lhs.n != 1 || in->rhs.n != 1)
			return NULL;
		iv = go_local_var(in->lhs.v[0]);
		z = go_unparen(in->rhs.v[0]);
		if (!iv || !z || z->kind != GO_BASIC_LIT ||
		    strcmp(GO_CAST(go_basic_lit, z)->value, "0"))
			return NULL;
		cond = GO_CAST(go_binary_expr, fs->cond);
		if (cond->op != GO_TOK_LSS || go_local_var(cond->x) != iv ||
		    GO_CAST(go_inc_dec_stmt, fs->post)->tok != GO_TOK_INC ||
		    go_local_var(GO_CAST(go_inc_dec_stmt, fs->post)->x) != iv)
			return NULL;
		return chan_text_of(cx, f, cond->y);
	}
	return NULL;
}

struct gwctx {
	struct gw *w;
	struct lint_ctx *cx;
	const struct go_file *f;
	const char *pending_label;
	int in_loop;              /* inside a loop of the goroutine */
	const char *loop_label;   /* the innermost loop's label */
	int in_switch;            /* switches and selects inside that loop */
	const char *outer[16];    /* labels of the loops around that one */
	int nouter;
};

static struct pc gw_stmt(struct gwctx *g, struct go_node *s);

/* Is label that of a loop around the innermost one? */
static int outer_loop(const struct gwctx *g, const char *label)
{
	for (int i = 0; i < g->nouter; i++)
		if (keyeq(label, g->outer[i]))
			return 1;
	return 0;
}

/* Does n call a read-modify-write function of sync/atomic (Add*,
 * CompareAndSwap*, Swap*)?  A send guarded by one (`if atomic.AddInt32(&n,
 * 1) == total`) is how goroutines elect which of them sends: how many do
 * cannot be counted from the code.  A Load or Store elects nobody. */
struct atomic_scan {
	int found;
	int methods;   /* the file imports sync/atomic: n.Add(1) on an
			* atomic.Int32 and the like count too (no types here:
			* a method of that name in such a file is taken for
			* one, which can only make the rule quieter) */
};

static int atomic_fn(struct go_node *n, void *ctx)
{
	struct atomic_scan *as = ctx;

	if (n->kind == GO_FUNC_LIT || as->found)
		return 0;
	if (n->kind == GO_CALL_EXPR) {
		struct go_node *f = go_unparen(GO_CAST(go_call_expr, n)->fun);
		const char *m = f && f->kind == GO_SELECTOR_EXPR ?
			GO_CAST(go_selector_expr, f)->sel->name : NULL;

		if (m && (!strncmp(m, "Add", 3) ||
			  !strncmp(m, "CompareAndSwap", 14) ||
			  !strncmp(m, "Swap", 4)) &&
		    (go_is_pkg_member(f, "sync/atomic", m) ||
		     (as->methods && (!strcmp(m, "Add") ||
				      !strcmp(m, "CompareAndSwap") ||
				      !strcmp(m, "Swap")))))
			as->found = 1;
	}
	return 1;
}

static int has_atomic(const struct go_file *file, struct go_node *n)
{
	struct atomic_scan as = { 0, 0 };

	if (!n)
		return 0;
	as.methods = file && lint_file_imports(file, "sync/atomic");
	go_ast_inspect(n, atomic_fn, NULL, &as);
	return as.found;
}

static int sends_nothing(struct pc p)
{
	return is0(p.cmax) && is0(p.tmax) && (!p.brk || is0(p.bmax));
}

static int pc_differs(struct pc a, struct pc b)
{
	return !ceq(cmax(cmax(a.cmax, a.tmax), a.bmax),
		    cmax(cmax(b.cmax, b.tmax), b.bmax));
}

static struct pc pc_seq(struct pc acc, struct pc p)
{
	if (!acc.cont)
		return acc;
	acc.tmax = cmax(acc.tmax, cadd(acc.cmax, p.tmax));
	if (p.brk) {
		acc.bmax = acc.brk ? cmax(acc.bmax, cadd(acc.cmax, p.bmax))
				   : cadd(acc.cmax, p.bmax);
		acc.brk = 1;
	}
	acc.cmax = cadd(acc.cmax, p.cmax);
	acc.cont = p.cont;
	return acc;
}

static struct pc pc_alt(struct pc a, struct pc b)
{
	struct pc r;

	r.tmax = cmax(a.tmax, b.tmax);
	r.brk = a.brk || b.brk;
	r.bmax = a.brk && b.brk ? cmax(a.bmax, b.bmax) : a.brk ? a.bmax : b.bmax;
	if (a.cont && b.cont)
		r.cmax = cmax(a.cmax, b.cmax);
	else
		r.cmax = a.cont ? a.cmax : b.cmax;
	r.cont = a.cont || b.cont;
	return r;
}

static struct pc gw_list(struct gwctx *g, const struct go_list *l)
{
	struct pc acc = pc_zero();

	for (uint32_t i = 0; i < l->n && acc.cont; i++)
		acc = pc_seq(acc, gw_stmt(g, l->v[i]));
	return acc;
}

static struct pc gw_simple(struct gwctx *g, struct go_node *s)
{
	struct pc p = pc_zero();

	p.cmax = ex(count_ops(g->w, g->cx, s));
	return p;
}

static struct pc gw_stmt(struct gwctx *g, struct go_node *s)
{
	struct gw *w = g->w;
	struct pc p = pc_zero();

	if (!s)
		return p;
	switch ((enum go_kind)s->kind) {
	case GO_RETURN_STMT:
		p = gw_simple(g, s);
		p.tmax = p.cmax;
		p.cmax = ex(0);
		p.cont = 0;
		return p;
	case GO_EXPR_STMT: {
		struct go_func_lit *il = chan_inline_lit(GO_CAST(go_expr_stmt, s)->x);

		if (il)
			return gw_list(g, &il->body->list);
		p = gw_simple(g, s);
		if (chan_terminating(GO_CAST(go_expr_stmt, s)->x)) {
			p.tmax = p.cmax;
			p.cmax = ex(0);
			p.cont = 0;
		}
		return p;
	}
	case GO_BLOCK_STMT:
		return gw_list(g, &GO_CAST(go_block_stmt, s)->list);
	case GO_LABELED_STMT:
		g->pending_label = GO_CAST(go_labeled_stmt, s)->label
			? GO_CAST(go_labeled_stmt, s)->label->name : NULL;
		p = gw_stmt(g, GO_CAST(go_labeled_stmt, s)->stmt);
		g->pending_label = NULL;
		return p;
	case GO_IF_STMT: {
		struct go_if_stmt *i = GO_CAST(go_if_stmt, s);
		struct pc pre = pc_seq(gw_stmt(g, i->init), gw_simple(g, i->cond));
		struct pc th = gw_stmt(g, (struct go_node *)i->body);
		struct pc el = i->els ? gw_stmt(g, i->els) : pc_zero();

		if (pc_differs(th, el)) {
			w->cond = 1;
			/* an election: the winner sends, the others nothing */
			if ((has_atomic(g->f, i->init) || has_atomic(g->f, i->cond)) &&
			    (sends_nothing(th) || sends_nothing(el)))
				w->coord = 1;
		}

		return pc_seq(pre, pc_alt(th, el));
	}
	case GO_FOR_STMT:
	case GO_RANGE_STMT: {
		const char *label = g->pending_label;
		struct go_block_stmt *body;
		struct pc pre = pc_zero(), b;
		int endless = 0, has_exit;
		struct cnt n;

		g->pending_label = NULL;
		if (s->kind == GO_FOR_STMT) {
			struct go_for_stmt *fs = GO_CAST(go_for_stmt, s);

			pre = pc_seq(gw_stmt(g, fs->init), gw_simple(g, fs->cond));
			body = fs->body;
			endless = fs->cond == NULL;
		} else {
			struct go_range_stmt *rs = GO_CAST(go_range_stmt, s);

			body = rs->body;
			if (in_set(w->al, w->nal, rs->x)) {
				if (!w->range_at)
					w->range_at = s;
				pre.cmax = (w->kind & OP_RECV) ? ck(C_MANY, NULL) : ex(0);
			} else {
				pre = gw_simple(g, rs->x);
			}
		}
		{
			int in_loop = g->in_loop, in_switch = g->in_switch;
			int nouter = g->nouter;
			const char *loop_label = g->loop_label;

			if (in_loop && loop_label && g->nouter < 16)
				g->outer[g->nouter++] = loop_label;
			g->in_loop = 1;
			g->loop_label = label;
			g->in_switch = 0;
			b = body ? gw_list(g, &body->list) : pc_zero();
			g->in_loop = in_loop;
			g->loop_label = loop_label;
			g->in_switch = in_switch;
			g->nouter = nouter;
		}
		if (is0(b.cmax) && is0(b.tmax) && is0(b.bmax))
			return pre;
		has_exit = loop_has_exit(s, label);
		if (is0(b.cmax)) {
			/* every path that sends then leaves the loop (return,
			 * break): that happens once, not once per iteration */
			p.cmax = b.bmax;
			p.tmax = b.tmax;
			p.cont = !endless || has_exit;
			return pc_seq(pre, p);
		}
		if (endless && !has_exit) {
			n = ck(C_INF, NULL);
		} else {
			const char *key = chan_loop_key(g->cx, g->f, s);

			n = cmul(key, cmax(cmax(b.cmax, b.tmax), b.bmax));
			if (n.k == C_SYM && has_exit)
				n = ck(C_MANY, NULL);
		}
		p.cmax = n;
		p.tmax = is0(b.tmax) ? ex(0) : n;
		p.cont = !endless || has_exit;
		return pc_seq(pre, p);
	}
	case GO_SWITCH_STMT:
	case GO_TYPE_SWITCH_STMT:
	case GO_SELECT_STMT: {
		struct go_block_stmt *body;
		struct pc pre = pc_zero(), out;
		int has_default = 0, first = 1, blocking = 0;

		if (s->kind == GO_SWITCH_STMT) {
			struct go_switch_stmt *sw = GO_CAST(go_switch_stmt, s);

			pre = pc_seq(gw_stmt(g, sw->init), gw_simple(g, sw->tag));
			body = sw->body;
		} else if (s->kind == GO_TYPE_SWITCH_STMT) {
			struct go_type_switch_stmt *sw = GO_CAST(go_type_switch_stmt, s);

			pre = pc_seq(gw_stmt(g, sw->init), gw_simple(g, sw->assign));
			body = sw->body;
		} else {
			body = GO_CAST(go_select_stmt, s)->body;
			has_default = 1;   /* a select always takes a clause */
			blocking = body && body->list.n == 1 &&
				GO_CAST(go_comm_clause, body->list.v[0])->comm;
		}
		g->pending_label = NULL;
		out = pc_zero();
		out.cont = 0;
		g->in_switch++;   /* a plain break here leaves the switch */
		for (uint32_t i = 0; body && i < body->list.n; i++) {
			struct go_node *cl = body->list.v[i];
			struct pc cp;

			if (cl->kind == GO_CASE_CLAUSE) {
				struct go_case_clause *cc = GO_CAST(go_case_clause, cl);

				if (cc->is_default)
					has_default = 1;
				cp = gw_list(g, &cc->body);
			} else {
				struct go_comm_clause *cc = GO_CAST(go_comm_clause, cl);

				/* an operation in a select with another way out
				 * never blocks for ever on its own */
				cp = blocking ? gw_simple(g, cc->comm) : pc_zero();
				cp = pc_seq(cp, gw_list(g, &cc->body));
			}
			if (!first && pc_differs(out, cp))
				w->cond = 1;
			out = first ? cp : pc_alt(out, cp);
			first = 0;
		}
		g->in_switch--;
		if (!has_default || first)
		{
			if (!first && pc_differs(out, pc_zero()))
				w->cond = 1;
			out = first ? pc_zero() : pc_alt(out, pc_zero());
		}
		if (s->kind == GO_SELECT_STMT && first) {
			out.cont = 0;   /* select {} */
		}
		return pc_seq(pre, out);
	}
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, s);

		if (b->tok == GO_TOK_GOTO)
			w->bad = 1;
		else if (b->label && g->in_loop && outer_loop(g, b->label->name)) {
			if (b->tok == GO_TOK_BREAK) {
				/* break outer: this path leaves every loop up
				 * to that one; counted as ending here (what it
				 * sends after that loop is not counted: never
				 * more than happens) */
				p.tmax = p.cmax;
				p.cmax = ex(0);
				p.cont = 0;
			} else {
				/* continue outer: leaves this loop, once */
				p.cont = 0;
				p.brk = 1;
			}
		} else if (b->tok == GO_TOK_BREAK && g->in_loop &&
			 (b->label ? keyeq(b->label->name, g->loop_label)
				   : !g->in_switch)) {
			p.cont = 0;   /* out of the innermost loop: pc_seq
				       * moves what came before into bmax */
			p.brk = 1;
		}
		/* continue, and breaks out of outer loops, count as going
		 * on (once per iteration of the inner loop: never fewer) */
		return p;
	}
	case GO_GO_STMT: {
		/* a literal this goroutine starts sends for it (pass 1 let it
		 * only send): each start is its body's count, once */
		struct go_func_lit *nl = chan_go_lit(GO_CAST(go_go_stmt, s)->call,
						     w->al, w->nal);
		int in_loop = g->in_loop, in_switch = g->in_switch;
		int nouter = g->nouter;
		const char *loop_label = g->loop_label;
		struct pc q;

		if (!nl || !(w->kind & OP_SEND))
			return p;
		g->in_loop = 0;
		g->loop_label = NULL;
		g->in_switch = 0;
		g->nouter = 0;
		g->pending_label = NULL;
		q = gw_list(g, &nl->body->list);
		g->in_loop = in_loop;
		g->loop_label = loop_label;
		g->in_switch = in_switch;
		g->nouter = nouter;
		p.cmax = cmax(cmax(q.cmax, q.tmax), q.bmax);
		return p;
	}
	case GO_DEFER_STMT:
		return p;
	default:
		g->pending_label = NULL;
		return gw_simple(g, s);
	}
}

/* Blocking sends and receives of goroutine gr, and a quit loop. */
static int quit_clause(struct go_node *n, void *arg)
{
	struct gor *gr = arg;
	struct go_comm_clause *cc = GO_CAST(go_comm_clause, n);
	struct go_node *x = NULL;

	if (!cc->comm)
		return 0;
	if (cc->comm->kind == GO_EXPR_STMT)
		x = GO_CAST(go_expr_stmt, cc->comm)->x;
	else if (cc->comm->kind == GO_ASSIGN_STMT &&
		 GO_CAST(go_assign_stmt, cc->comm)->rhs.n == 1)
		x = GO_CAST(go_assign_stmt, cc->comm)->rhs.v[0];
	x = go_unparen(x);
	if (!x || x->kind != GO_UNARY_EXPR ||
	    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
		return 0;
	x = go_unparen(GO_CAST(go_unary_expr, x)->x);
	if (gr->fieldmode) {
		const char *f;

		if (!x || x->kind != GO_SELECTOR_EXPR)
			return 0;
		f = GO_CAST(go_selector_expr, x)->sel->name;
		if (!(f[0] >= 'a' && f[0] <= 'z'))
			return 0;
		if (!gr->field) {
			gr->field = f;
			gr->field_sel = x;
		}
		return !strcmp(gr->field, f);
	}
	if (gr->ctxmode) {
		struct go_call_expr *ce;

		if (!x || x->kind != GO_CALL_EXPR)
			return 0;
		ce = GO_CAST(go_call_expr, x);
		x = go_unparen(ce->fun);
		return ce->args.n == 0 && x && x->kind == GO_SELECTOR_EXPR &&
			!strcmp(GO_CAST(go_selector_expr, x)->sel->name, "Done") &&
			in_set(gr->qal, gr->nqal, GO_CAST(go_selector_expr, x)->x);
	}
	return in_set(gr->al, gr->nal, x);
}


int chan_qfind_fn(struct go_node *n, void *ctx)
{
	struct qfind *q = ctx;

	if (n->kind == GO_FUNC_LIT || q->gr->quit_loop)
		return 0;
	if (n->kind == GO_LABELED_STMT) {
		struct go_labeled_stmt *l = GO_CAST(go_labeled_stmt, n);

		q->label = l->label ? l->label->name : NULL;
		q->last = l->stmt;
		return 1;
	}
	if (n->kind == GO_FOR_STMT && !GO_CAST(go_for_stmt, n)->cond) {
		struct exitscan e;

		memset(&e, 0, sizeof(e));
		e.in_quit = quit_clause;
		e.qarg = q->gr;
		scan_loop_exits(n, q->last == n ? q->label : NULL, &e);
		if (e.quit_exits && !e.other_exits) {
			q->gr->quit_loop = n;
			return 0;
		}
	}
	return 1;
}

/* Does a goroutine body send on or close a channel other than ours? */
struct other {
	struct lint_ctx *cx;
	struct go_ident **al;
	int nal;
	int found;
};

static int other_fn(struct go_node *n, void *ctx)
{
	struct other *o = ctx;

	if (n->kind == GO_SEND_STMT &&
	    !in_set(o->al, o->nal, GO_CAST(go_send_stmt, n)->chan))
		o->found = 1;
	if (n->kind == GO_CALL_EXPR) {
		struct go_call_expr *ce = GO_CAST(go_call_expr, n);

		if (ce->args.n == 1 && go_is_universe(ce->fun, "close") &&
		    !in_set(o->al, o->nal, ce->args.v[0]))
			o->found = 1;
		/* or sends on another local channel through a helper */
		for (uint32_t i = 0; i < ce->args.n && !o->found; i++) {
			struct go_ident *v = go_local_var(ce->args.v[i]);

			if (v && !in_set(o->al, o->nal, ce->args.v[i]) &&
			    chan_send_via(o->cx, ce, &v, 1, NULL, NULL))
				o->found = 1;
		}
	}
	return !o->found;
}

void chan_analyse_gor(struct an *a, struct gor *gr)
{
	struct gw w;
	struct gwctx g;
	struct pc p;
	struct qfind q;

	memset(&w, 0, sizeof(w));
	memset(&g, 0, sizeof(g));
	w.al = gr->al;
	w.nal = gr->nal;
	g.w = &w;
	g.cx = a->cx;
	g.f = gr->file;
	w.kind = OP_SEND;
	p = gw_list(&g, &gr->body->list);
	gr->nsend = cmax(p.cmax, p.tmax);
	gr->send_cond = w.cond;
	gr->send_coord = w.coord;
	{
		struct other o = { a->cx, gr->al, gr->nal, 0 };

		go_ast_inspect((struct go_node *)gr->body, other_fn, NULL, &o);
		gr->signals_other = o.found;
	}
	gr->send_at = w.first;
	memset(&w, 0, sizeof(w));
	w.al = gr->al;
	w.nal = gr->nal;
	w.kind = OP_RECV;
	p = gw_list(&g, &gr->body->list);
	gr->nrecv = cmax(p.cmax, p.tmax);
	gr->recv_at = w.first;
	gr->range_at = w.range_at;
	gr->ranges = w.range_at != NULL;
	if (w.bad)
		a->escape = 1;
	memset(&q, 0, sizeof(q));
	q.gr = gr;
	go_ast_inspect((struct go_node *)gr->body, chan_qfind_fn, NULL, &q);
}

