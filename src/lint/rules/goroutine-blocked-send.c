/*
 * goroutine-blocked-send: a goroutine sends on a channel made by the
 * function that started it, and on some path out of that function nobody
 * will ever receive the value (early return in the receiving loop, first
 * response wins, gave up on a timeout, a sender that outlives the
 * receiver).  The analysis is shared with the other goroutine rules, in
 * ../chan.c.
 *
 * Also, here: a send on a channel just made unbuffered, before anything
 * else can have it (no statement between the make and the send mentions
 * it): the only goroutine that could receive is the one sending.
 */
#include "../chan.h"

#include <string.h>

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

static void check_func(struct lint_ctx *cx, const struct lint_func *fn,
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
}
