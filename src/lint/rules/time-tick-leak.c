/*
 * time-tick-leak: time.Tick in a function that can return.
 *
 * time.Tick gives no way to stop its ticker.  Before Go 1.23 a ticker that
 * is not stopped is never collected, so every call of a function that
 * returns leaves one more ticker firing forever.  Fine in main, in init,
 * in functions that never return (the `for range time.Tick(d)` worker
 * loop) and in tests; silent from Go 1.23, which collects unreferenced
 * tickers.
 */
#include "../rule.h"

#include <stdlib.h>
#include <string.h>

static int is_tick(const struct go_node *x)
{
	x = go_unparen(x);
	return x && x->kind == GO_CALL_EXPR &&
		go_is_pkg_member(GO_CAST(go_call_expr, x)->fun, "time", "Tick");
}

struct exits {
	int found;
	int depth;   /* breakable statements entered inside the final loop */
};

static int ret_fn(struct go_node *n, void *ctx)
{
	struct exits *e = ctx;

	if (n->kind == GO_FUNC_LIT || e->found)
		return 0;
	if (n->kind == GO_RETURN_STMT)
		e->found = 1;
	if (n->kind == GO_BRANCH_STMT && GO_CAST(go_branch_stmt, n)->tok == GO_TOK_GOTO)
		e->found = 1;
	return 1;
}

/* A break that leaves the final loop: unlabelled and not inside a nested
 * breakable statement, or labelled (we do not chase labels: assume it
 * leaves). */
static void find_breaks(struct go_node *n, int nested, int *found)
{
	if (!n || *found)
		return;
	switch (n->kind) {
	case GO_FUNC_LIT:
		return;
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, n);

		if (b->tok == GO_TOK_BREAK && (b->label || !nested))
			*found = 1;
		return;
	}
	case GO_BLOCK_STMT: {
		struct go_block_stmt *b = GO_CAST(go_block_stmt, n);

		for (uint32_t i = 0; i < b->list.n; i++)
			find_breaks(b->list.v[i], nested, found);
		return;
	}
	case GO_IF_STMT:
		find_breaks((struct go_node *)GO_CAST(go_if_stmt, n)->body, nested, found);
		find_breaks(GO_CAST(go_if_stmt, n)->els, nested, found);
		return;
	case GO_LABELED_STMT:
		find_breaks(GO_CAST(go_labeled_stmt, n)->stmt, nested, found);
		return;
	case GO_FOR_STMT:
		find_breaks((struct go_node *)GO_CAST(go_for_stmt, n)->body, 1, found);
		return;
	case GO_RANGE_STMT:
		find_breaks((struct go_node *)GO_CAST(go_range_stmt, n)->body, 1, found);
		return;
	case GO_SWITCH_STMT:
		find_breaks((struct go_node *)GO_CAST(go_switch_stmt, n)->body, 1, found);
		return;
	case GO_TYPE_SWITCH_STMT:
		find_breaks((struct go_node *)GO_CAST(go_type_switch_stmt, n)->body, 1, found);
		return;
	case GO_SELECT_STMT:
		find_breaks((struct go_node *)GO_CAST(go_select_stmt, n)->body, 1, found);
		return;
	case GO_CASE_CLAUSE: {
		struct go_case_clause *c = GO_CAST(go_case_clause, n);

		for (uint32_t i = 0; i < c->body.n; i++)
			find_breaks(c->body.v[i], nested, found);
		return;
	}
	case GO_COMM_CLAUSE: {
		struct go_comm_clause *c = GO_CAST(go_comm_clause, n);

		for (uint32_t i = 0; i < c->body.n; i++)
			find_breaks(c->body.v[i], nested, found);
		return;
	}
	default:
		return;
	}
}

/* A function that never returns: no return or goto, and it ends in an
 * endless loop (for {} or a range over a Tick channel) that nothing
 * breaks out of. */
static int endless(const struct lint_func *fn)
{
	struct exits e = { 0, 0 };
	struct go_node *last, *body = NULL;
	int brk = 0;

	if (!fn->body->list.n)
		return 0;
	go_ast_inspect((struct go_node *)fn->body, ret_fn, NULL, &e);
	if (e.found)
		return 0;
	last = fn->body->list.v[fn->body->list.n - 1];
	while (last->kind == GO_LABELED_STMT)
		last = GO_CAST(go_labeled_stmt, last)->stmt;
	if (last->kind == GO_FOR_STMT && !GO_CAST(go_for_stmt, last)->cond)
		body = (struct go_node *)GO_CAST(go_for_stmt, last)->body;
	else if (last->kind == GO_RANGE_STMT && is_tick(GO_CAST(go_range_stmt, last)->x))
		body = (struct go_node *)GO_CAST(go_range_stmt, last)->body;
	else if (last->kind == GO_RANGE_STMT && go_local_var(GO_CAST(go_range_stmt, last)->x))
		body = (struct go_node *)GO_CAST(go_range_stmt, last)->body;
	if (!body)
		return 0;
	find_breaks(body, 0, &brk);
	return !brk;
}

struct ctx {
	struct lint_ctx *cx;
	const struct lint_func *fn;
};

static int tick_fn(struct go_node *n, void *arg)
{
	struct ctx *c = arg;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_CALL_EXPR && is_tick(n))
		lint_report(c->cx, c->fn->file, n, REPORT_SEV_WARNING,
			"use t := time.NewTicker(d) with defer t.Stop(), and "
			"range over or select on t.C",
			"time.Tick in a function that returns: its ticker can never "
			"be stopped, and before Go 1.23 a ticker that is not stopped "
			"is never collected, so every call leaves one more ticker "
			"firing forever (timers before Go 1.23: %s)", c->cx->sem->why);
	return 1;
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	struct ctx c = { cx, fn };

	if (!lint_file_imports(fn->file, "time"))
		return;
	(void)arg;
	if (lint_is_test_file(fn->file))
		return;
	if (fn->decl && !fn->decl->recv && fn->decl->name &&
	    (!strcmp(fn->decl->name->name, "init") ||
	     (cx->is_main && !strcmp(fn->decl->name->name, "main"))))
		return;
	if (endless(fn))
		return;
	go_ast_inspect((struct go_node *)fn->body, tick_fn, NULL, &c);
}

void lint_rule_time_tick_leak(struct lint_ctx *cx)
{
	if (cx->sem->new_timers)
		return;
	lint_foreach_func(cx, check_func, NULL);
}
