/*
 * goroutine-blocked-send: a goroutine sends on a channel made by the
 * function that started it, and on some path out of that function nobody
 * will ever receive the value (early return in the receiving loop, first
 * response wins, gave up on a timeout, a sender that outlives the
 * receiver).  The analysis is shared with the other goroutine rules, in
 * ../chan.c.
 *
 * Generators, from the facts (../facts.h): a same-package helper returns
 * an unbuffered channel that a goroutine it starts feeds in a loop with
 * plain sends (LINT_RESULT_GEN).  Nothing can stop that goroutine but its
 * reader, so a caller that ranges over the channel and can leave the loop
 * early (return, break, goto), or that receives a single value, leaves the
 * producer blocked on its next send for ever.
 *
 * Also, here: a send on a channel just made unbuffered, before anything
 * else can have it (no statement between the make and the send mentions
 * it): the only goroutine that could receive is the one sending.
 */
#include "../chan.h"
#include "../facts.h"

#include <string.h>

/* The generator facts of call x (a call of a same-package helper whose
 * first result is LINT_RESULT_GEN), or NULL. */
static const struct lint_facts *gen_call(struct lint_ctx *cx, const struct go_node *x)
{
	const struct lint_facts *lf;
	const struct go_func_decl *fd;
	const struct go_field_list *res;
	const struct go_node *t;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return NULL;
	/* a generator's first result is a channel: a chan type, or a name
	 * of this package that may be one; any other signature needs no
	 * facts (computing them is most of this rule's time) */
	fd = lint_facts_callee_decl(cx, GO_CAST(go_call_expr, x)->fun);
	res = fd && fd->type ? fd->type->results : NULL;
	if (!res || !res->list.n)
		return NULL;
	t = go_unparen(GO_CAST(go_field, res->list.v[0])->type);
	if (!t || !(t->kind == GO_CHAN_TYPE ||
		    (t->kind == GO_IDENT &&
		     GO_CAST(go_ident, t)->decl_kind == GO_DECL_PACKAGE)))
		return NULL;
	lf = lint_facts_callee(cx, GO_CAST(go_call_expr, x)->fun);
	if (!lf || !lf->nresults || lf->results[0] != LINT_RESULT_GEN || !lf->gen_send)
		return NULL;
	return lf;
}

/* The first statement that leaves loop body early: a return, a goto, a
 * break of this loop (label: its label or NULL), a labelled break or
 * continue of another loop. */
struct leave {
	const char *label;
	int depth;
	struct go_node *at;
};

static int breakable(const struct go_node *n)
{
	return n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
		n->kind == GO_SWITCH_STMT || n->kind == GO_TYPE_SWITCH_STMT ||
		n->kind == GO_SELECT_STMT;
}

static int leave_pre(struct go_node *n, void *ctx)
{
	struct leave *l = ctx;

	if (n->kind == GO_FUNC_LIT || l->at)
		return 0;
	if (breakable(n))
		l->depth++;
	if (n->kind == GO_RETURN_STMT) {
		l->at = n;
	} else if (n->kind == GO_BRANCH_STMT) {
		const struct go_branch_stmt *bs = GO_CAST(go_branch_stmt, n);

		if (bs->tok == GO_TOK_GOTO)
			l->at = n;
		else if (bs->tok == GO_TOK_BREAK && !bs->label && l->depth == 0)
			l->at = n;
		else if ((bs->tok == GO_TOK_BREAK || bs->tok == GO_TOK_CONTINUE) &&
			 bs->label && !(l->label && !strcmp(bs->label->name, l->label) &&
					bs->tok == GO_TOK_CONTINUE))
			l->at = n;
	}
	return 1;
}

static void leave_post(struct go_node *n, void *ctx)
{
	struct leave *l = ctx;

	if (breakable(n))
		l->depth--;
}

/* Uses of local v in the function: how many, and the one receive or
 * range statement if that is the only one. */
struct uses {
	const struct go_ident *v;
	int n;
	int loops;
	struct go_node *recv;      /* <-v outside any loop */
	struct go_node *range;     /* for ... range v */
};

static int uses_pre(struct go_node *n, void *ctx)
{
	struct uses *u = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		u->loops++;
	if (n->kind == GO_RANGE_STMT && go_local_var(GO_CAST(go_range_stmt, n)->x) == u->v)
		u->range = n;
	if (n->kind == GO_UNARY_EXPR && GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
	    go_local_var(GO_CAST(go_unary_expr, n)->x) == u->v && !u->loops)
		u->recv = n;
	if (n->kind == GO_IDENT && go_local_var(n) == u->v &&
	    !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF))
		u->n++;
	return 1;
}

static void uses_post(struct go_node *n, void *ctx)
{
	struct uses *u = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		u->loops--;
}

struct gscan {
	struct lint_ctx *cx;
	const struct lint_func *fn;
};

/* The label of statement st in fn, or NULL. */
struct lscan {
	const struct go_node *st;
	const char *label;
};

static int lscan_fn(struct go_node *n, void *ctx)
{
	struct lscan *l = ctx;

	if (n->kind == GO_LABELED_STMT && GO_CAST(go_labeled_stmt, n)->stmt == l->st &&
	    GO_CAST(go_labeled_stmt, n)->label)
		l->label = GO_CAST(go_labeled_stmt, n)->label->name;
	return !l->label;
}

static const char *range_label(const struct lint_func *fn, const struct go_node *st)
{
	struct lscan l = { st, NULL };

	if (fn->body)
		go_ast_inspect((struct go_node *)fn->body, lscan_fn, NULL, &l);
	return l.label;
}

static const char *callee_name(const struct go_node *call)
{
	const struct go_node *f = go_unparen(GO_CAST(go_call_expr, go_unparen(call))->fun);

	if (f->kind == GO_IDENT)
		return GO_CAST(go_ident, f)->name;
	if (f->kind == GO_SELECTOR_EXPR)
		return GO_CAST(go_selector_expr, f)->sel->name;
	return "the helper";
}

static void report_range(struct gscan *g, struct go_node *call,
			 const struct lint_facts *lf, struct go_range_stmt *rs,
			 const char *label)
{
	struct leave l = { label, 0, NULL };
	struct finding *fd;
	const char *name = callee_name(call);

	go_ast_inspect((struct go_node *)rs->body, leave_pre, leave_post, &l);
	if (!l.at)
		return;
	fd = lint_report(g->cx, g->fn->file, call, REPORT_SEV_ERROR,
			 arena_printf(g->cx->arena,
				      "drain the channel before leaving the loop, or give %s a "
				      "context or done channel and select on it around the send",
				      name),
			 "goroutine started by %s blocks for ever on its next send: this "
			 "loop can leave at line %u before the channel is drained, and "
			 "nothing else stops the producer",
			 name, (unsigned)l.at->line);
	lint_related(g->cx, fd, lf->file, lf->gen_send,
		     "the producer blocks here (an unbuffered send in a loop)");
	lint_related(g->cx, fd, g->fn->file, l.at, "the loop leaves here");
}

static void report_recv(struct gscan *g, struct go_node *call,
			const struct lint_facts *lf, struct go_node *recv)
{
	struct finding *fd;
	const char *name = callee_name(call);

	fd = lint_report(g->cx, g->fn->file, call, REPORT_SEV_ERROR,
			 arena_printf(g->cx->arena,
				      "give %s a context or done channel and select on it "
				      "around the send, and cancel it when done reading",
				      name),
			 "goroutine started by %s blocks for ever on its next send: only "
			 "one value is received (line %u), and nothing else stops the "
			 "producer", name, (unsigned)recv->line);
	lint_related(g->cx, fd, lf->file, lf->gen_send,
		     "the producer blocks here (an unbuffered send in a loop)");
	lint_related(g->cx, fd, g->fn->file, recv, "the only receive");
}

static int gscan_fn(struct go_node *n, void *ctx)
{
	struct gscan *g = ctx;
	const struct lint_facts *lf;

	if (n->kind == GO_FUNC_LIT)
		return 0;   /* its own function */
	if (n->kind == GO_RANGE_STMT) {
		struct go_range_stmt *rs = GO_CAST(go_range_stmt, n);

		if ((lf = gen_call(g->cx, rs->x)))
			report_range(g, go_unparen(rs->x), lf, rs, range_label(g->fn, n));
		return 1;
	}
	if (n->kind == GO_UNARY_EXPR && GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
	    (lf = gen_call(g->cx, GO_CAST(go_unary_expr, n)->x))) {
		report_recv(g, go_unparen(GO_CAST(go_unary_expr, n)->x), lf, n);
		return 1;
	}
	if (n->kind == GO_ASSIGN_STMT) {
		/* c := gen(): followed when c's only use is one range or one
		 * receive outside loops */
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);
		struct uses u;

		if (as->tok != GO_TOK_DEFINE || as->lhs.n != 1 || as->rhs.n != 1 ||
		    !(lf = gen_call(g->cx, as->rhs.v[0])))
			return 1;
		memset(&u, 0, sizeof(u));
		u.v = go_local_var(as->lhs.v[0]);
		if (!u.v || !g->fn->body)
			return 1;
		go_ast_inspect((struct go_node *)g->fn->body, uses_pre, uses_post, &u);
		if (u.n != 1)
			return 1;
		if (u.range)
			report_range(g, go_unparen(as->rhs.v[0]), lf,
				     GO_CAST(go_range_stmt, u.range), range_label(g->fn, u.range));
		else if (u.recv)
			report_recv(g, go_unparen(as->rhs.v[0]), lf, u.recv);
		return 1;
	}
	return 1;
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	struct gscan g = { cx, fn };

	(void)arg;
	if (fn->body)
		go_ast_inspect((struct go_node *)fn->body, gscan_fn, NULL, &g);
}

/* ---- a send nobody else can receive ---- */

/* ch := make(chan T) or make(chan T, 0): returns ch. */
static struct go_ident *fresh_unbuffered(const struct go_node *s)
{
	const struct go_assign_stmt *a;
	const struct go_node *r;
	const struct go_call_expr *c;

	if (s->kind != GO_ASSIGN_STMT)
		return NULL;
	a = GO_CAST(go_assign_stmt, s);
	if (a->tok != GO_TOK_DEFINE || a->lhs.n != 1 || a->rhs.n != 1)
		return NULL;
	r = go_unparen(a->rhs.v[0]);
	if (!r || r->kind != GO_CALL_EXPR)
		return NULL;
	c = GO_CAST(go_call_expr, r);
	if (!go_is_universe(c->fun, "make") || !c->args.n ||
	    !c->args.v[0] || c->args.v[0]->kind != GO_CHAN_TYPE)
		return NULL;
	if (c->args.n == 2 && !(c->args.v[1]->kind == GO_BASIC_LIT &&
				!strcmp(GO_CAST(go_basic_lit, c->args.v[1])->value, "0")))
		return NULL;
	if (c->args.n > 2 || a->lhs.v[0]->kind != GO_IDENT)
		return NULL;
	return GO_CAST(go_ident, a->lhs.v[0]);
}

struct mention {
	const struct go_ident *v;
	int yes;
};

static int mention_fn(struct go_node *n, void *ctx)
{
	struct mention *m = ctx;

	if (m->yes)
		return 0;
	if (n->kind == GO_IDENT && GO_CAST(go_ident, n)->decl == m->v)
		m->yes = 1;
	return !m->yes;
}

struct lists {
	struct lint_ctx *cx;
	const struct lint_func *fn;
};

static void check_list(struct lists *ls, const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n; i++) {
		struct go_ident *ch = fresh_unbuffered(l->v[i]);

		if (!ch)
			continue;
		for (uint32_t k = i + 1; k < l->n; k++) {
			struct go_node *s = l->v[k];
			struct mention m = { ch, 0 };
			struct finding *fd;

			if (s->kind == GO_SEND_STMT &&
			    go_local_var(GO_CAST(go_send_stmt, s)->chan) == ch) {
				go_ast_inspect(GO_CAST(go_send_stmt, s)->value,
					       mention_fn, NULL, &m);
				if (m.yes)
					break;
				fd = lint_report(ls->cx, ls->fn->file, s, REPORT_SEV_ERROR,
					"start the receiving goroutine before the send, "
					"or give the channel a buffer: make(chan T, 1)",
					"this send blocks for ever: '%s' was just made "
					"unbuffered and nothing else has it yet, so the "
					"only goroutine that could receive is the one "
					"sending", ch->name);
				lint_related(ls->cx, fd, ls->fn->file, l->v[i],
					     "made here, unbuffered");
				break;
			}
			go_ast_inspect(s, mention_fn, NULL, &m);
			if (m.yes)
				break;
		}
	}
}

static int list_fn(struct go_node *n, void *ctx)
{
	struct lists *ls = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_BLOCK_STMT)
		check_list(ls, &GO_CAST(go_block_stmt, n)->list);
	else if (n->kind == GO_CASE_CLAUSE)
		check_list(ls, &GO_CAST(go_case_clause, n)->body);
	else if (n->kind == GO_COMM_CLAUSE)
		check_list(ls, &GO_CAST(go_comm_clause, n)->body);
	return 1;
}

static void check_fresh(struct lint_ctx *cx, const struct lint_func *fn,
			void *arg)
{
	struct lists ls = { cx, fn };

	(void)arg;
	if (fn->body)
		go_ast_inspect((struct go_node *)fn->body, list_fn, NULL, &ls);
}

void lint_rule_goroutine_blocked_send(struct lint_ctx *cx)
{
	lint_chan_run(cx, LINT_CHAN_SEND);
	lint_foreach_func(cx, check_func, NULL);
	lint_foreach_func(cx, check_fresh, NULL);
}
