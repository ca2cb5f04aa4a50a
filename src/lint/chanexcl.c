/*
 * chanexcl: exclusive sends of one goroutine (chanexcl.h).
 */
#include "chanexcl.h"
#include "flow.h"
#include "../base/vec.h"

#include <stdlib.h>
#include <string.h>

static int contains(const struct go_node *outer, const struct go_node *n)
{
	return n->off >= outer->off && n->end <= outer->end;
}

/* The channel a comm clause receives from (<-B, v := <-B, v, ok := <-B). */
static struct go_ident *recv_chan(const struct go_node *comm)
{
	const struct go_node *x = go_comm_recv_operand(comm);

	return x ? go_local_var(x) : NULL;
}

/* The innermost comm clause of fn's body holding exit, and whether the go
 * statement sits in a loop (then several goroutines run the body). */
struct where_scan {
	const struct go_node *exit, *go;
	struct go_comm_clause *clause;
	int loops;       /* loops entered */
	int go_in_loop;
};

static int where_fn(struct go_node *n, void *ctx)
{
	struct where_scan *ws = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		ws->loops++;
	if (n == ws->go && ws->loops)
		ws->go_in_loop = 1;
	if (n->kind == GO_COMM_CLAUSE && contains(n, ws->exit))
		ws->clause = GO_CAST(go_comm_clause, n);
	return 1;
}

static void where_post(struct go_node *n, void *ctx)
{
	struct where_scan *ws = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		ws->loops--;
}

/* Sends of the goroutine body on B or on the reported channel: each must
 * end its path (followed by return, or last in a tail list). */
struct gsends {
	const struct go_ident *b;
	struct go_ident *const *al;
	int nal;
	int on_b, on_a, bad;
};

static int is_al(const struct gsends *gs, const struct go_ident *v)
{
	for (int i = 0; i < gs->nal; i++)
		if (gs->al[i] == v)
			return 1;
	return 0;
}

static void tail_list(struct gsends *gs, const struct go_list *l, int tail);

static void stmt(struct gsends *gs, struct go_node *s, int final)
{
	if (gs->bad || !s)
		return;
	switch (s->kind) {
	case GO_SEND_STMT: {
		struct go_ident *c = go_local_var(GO_CAST(go_send_stmt, s)->chan);

		if (c == gs->b)
			gs->on_b++;
		else if (c && is_al(gs, c))
			gs->on_a++;
		else
			return;
		if (!final)
			gs->bad = 1;
		return;
	}
	case GO_IF_STMT: {
		struct go_if_stmt *i = GO_CAST(go_if_stmt, s);

		tail_list(gs, &i->body->list, final);
		if (i->els && i->els->kind == GO_BLOCK_STMT)
			tail_list(gs, &GO_CAST(go_block_stmt, i->els)->list, final);
		else if (i->els)
			stmt(gs, i->els, final);
		return;
	}
	case GO_BLOCK_STMT:
		tail_list(gs, &GO_CAST(go_block_stmt, s)->list, final);
		return;
	case GO_EXPR_STMT: case GO_ASSIGN_STMT: case GO_DECL_STMT:
	case GO_RETURN_STMT: case GO_INC_DEC_STMT: case GO_DEFER_STMT:
		/* no sends of ours in these (checked by the caller's scan) */
		return;
	default:
		/* loops, switches, selects, labels, go: not followed */
		gs->bad = 1;
		return;
	}
}

static void tail_list(struct gsends *gs, const struct go_list *l, int tail)
{
	for (uint32_t i = 0; i < l->n && !gs->bad; i++) {
		int final = (i + 1 == l->n && tail) ||
			(i + 1 < l->n && l->v[i + 1]->kind == GO_RETURN_STMT);

		stmt(gs, l->v[i], final);
	}
}

/* Any send on B or al outside the statements tail_list follows (inside an
 * expression statement's function literal, say), or a send on B in fn
 * outside the goroutine. */
struct any_send {
	const struct go_ident *b;     /* B, or NULL: the channel of al */
	struct go_ident *const *al;
	int nal;
	const struct go_node *skip;   /* the goroutine body */
	int n;
};

static int any_send_fn(struct go_node *n, void *ctx)
{
	struct any_send *as = ctx;

	if (as->skip && n == as->skip)
		return 0;
	if (n->kind == GO_SEND_STMT) {
		struct go_ident *c = go_local_var(GO_CAST(go_send_stmt, n)->chan);

		if (as->b ? c == as->b : c != NULL &&
		    is_al(&(struct gsends){ NULL, as->al, as->nal, 0, 0, 0 }, c))
			as->n++;
	}
	return 1;
}

int lint_chanexcl_sibling_done(const struct lint_func *fn,
			       const struct go_node *exit,
			       const struct go_node *go,
			       const struct go_block_stmt *gbody,
			       struct go_ident *const *al, int nal)
{
	struct where_scan ws;
	struct gsends gs;
	struct any_send as;
	struct go_ident *b;

	if (!fn->body || !exit || !go || !gbody || !nal)
		return 0;
	memset(&ws, 0, sizeof(ws));
	ws.exit = exit;
	ws.go = go;
	go_ast_inspect((struct go_node *)fn->body, where_fn, where_post, &ws);
	if (!ws.clause || ws.go_in_loop || !contains(&ws.clause->node, exit))
		return 0;
	b = recv_chan(ws.clause->comm);
	if (!b)
		return 0;
	for (int i = 0; i < nal; i++)
		if (al[i] == b)
			return 0;
	/* only this goroutine sends on B */
	memset(&as, 0, sizeof(as));
	as.b = b;
	as.skip = (const struct go_node *)gbody;
	go_ast_inspect((struct go_node *)fn->body, any_send_fn, NULL, &as);
	if (as.n)
		return 0;
	memset(&gs, 0, sizeof(gs));
	gs.b = b;
	gs.al = al;
	gs.nal = nal;
	tail_list(&gs, &gbody->list, 1);
	if (gs.bad || !gs.on_b || !gs.on_a)
		return 0;
	/* every send on B in the body is one tail_list saw */
	memset(&as, 0, sizeof(as));
	as.b = b;
	go_ast_inspect((struct go_node *)gbody, any_send_fn, NULL, &as);
	if (as.n != gs.on_b)
		return 0;
	memset(&as, 0, sizeof(as));
	as.al = al;
	as.nal = nal;
	go_ast_inspect((struct go_node *)gbody, any_send_fn, NULL, &as);
	return as.n == gs.on_a;
}

/* ---- a range before the send that never ends ---- */

struct leave_scan { int yes; };

static int leave_fn(struct go_node *n, void *ctx)
{
	struct leave_scan *ls = ctx;

	if (ls->yes || n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_RETURN_STMT ||
	    (n->kind == GO_BRANCH_STMT &&
	     GO_CAST(go_branch_stmt, n)->tok != GO_TOK_CONTINUE) ||
	    (n->kind == GO_EXPR_STMT &&
	     lint_flow_terminating_call(GO_CAST(go_expr_stmt, n)->x)))
		ls->yes = 1;
	return !ls->yes;
}

/* Uses of y in fn outside gbody: only its make and sends on it. */
struct only_sends {
	const struct go_ident *y;
	const struct go_node *skip;
	int bad;
};

static int only_sends_fn(struct go_node *n, void *ctx)
{
	struct only_sends *os = ctx;

	if (os->bad || n == os->skip)
		return 0;
	if (n->kind == GO_SEND_STMT &&
	    go_local_var(GO_CAST(go_send_stmt, n)->chan) == os->y) {
		/* the value may not mention y; look at it only */
		go_ast_inspect(GO_CAST(go_send_stmt, n)->value, only_sends_fn, NULL, os);
		return 0;
	}
	if (n->kind == GO_ASSIGN_STMT) {
		const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		if (a->lhs.n == 1 && a->lhs.v[0] == (const struct go_node *)os->y) {
			for (uint32_t i = 0; i < a->rhs.n; i++)
				go_ast_inspect(a->rhs.v[i], only_sends_fn, NULL, os);
			return 0;
		}
	}
	if (n->kind == GO_IDENT && GO_CAST(go_ident, n)->decl == os->y &&
	    (const struct go_ident *)n != os->y)
		os->bad = 1;
	return !os->bad;
}

int lint_chanexcl_blocked_before(const struct lint_func *fn,
				 const struct go_block_stmt *gbody,
				 const struct go_node *send_at)
{
	const struct go_list *l;
	uint32_t k;

	if (!fn->body || !gbody || !send_at)
		return 0;
	l = &gbody->list;
	for (k = 0; k < l->n && l->v[k] != send_at; k++)
		;
	if (k == l->n)
		return 0;
	for (uint32_t j = 0; j < k; j++) {
		const struct go_range_stmt *r;
		struct go_ident *y;
		struct leave_scan ls = { 0 };
		struct only_sends os;

		if (l->v[j]->kind != GO_RANGE_STMT)
			continue;
		r = GO_CAST(go_range_stmt, l->v[j]);
		y = go_local_var(r->x);
		/* a channel made by fn itself */
		if (!y || y->node.off < fn->body->node.off ||
		    y->node.off >= fn->body->node.end ||
		    contains(&gbody->node, &y->node))
			continue;
		if (r->body)
			go_ast_inspect((struct go_node *)r->body, leave_fn, NULL, &ls);
		if (ls.yes)
			continue;
		memset(&os, 0, sizeof(os));
		os.y = y;
		os.skip = &gbody->node;
		go_ast_inspect((struct go_node *)fn->body, only_sends_fn, NULL, &os);
		if (!os.bad)
			return 1;
	}
	return 0;
}
