/*
 * lifetime: "never released" versus "not released on every path" (see
 * lifetime.h).
 */
#include "lifetime.h"

#include <string.h>

struct some_scan {
	struct lint_ctx *cx;
	const struct lint_res *r;
	int found;
};

static int some_fn(struct go_node *n, void *ctx)
{
	struct some_scan *s = ctx;
	struct go_node *c, *f;

	/* a release inside a goroutine that owns it counts too (the
	 * message only: lint_flow_check decided the paths) */
	if (s->found)
		return 0;
	if (n->kind == GO_FUNC_LIT) {
		if (GO_CAST(go_func_lit, n)->body &&
		    lint_flow_releases(s->cx, s->r,
				       (struct go_node *)GO_CAST(go_func_lit, n)->body))
			s->found = 1;
		return !s->found;   /* and the literals nested in it */
	}
	/* return f, nil: the caller releases it on that path */
	if (lint_life_returns(n, s->r))
		s->found = 1;
	/* T{f: f}, x.f = f: kept by a value that outlives this path (the
	 * flow walk decides whether the path hands it over) */
	if (n->kind == GO_KEY_VALUE_EXPR &&
	    go_local_var(GO_CAST(go_key_value_expr, n)->value) == s->r->var)
		s->found = 1;
	if (lint_life_stores(n, s->r))
		s->found = 1;
	if (n->kind != GO_DEFER_STMT)
		return !s->found;
	/* defer func() { ... f.Close() ... }() */
	c = GO_CAST(go_defer_stmt, n)->call;
	if (c && c->kind == GO_CALL_EXPR &&
	    (f = go_unparen(GO_CAST(go_call_expr, c)->fun)) != NULL &&
	    f->kind == GO_FUNC_LIT &&
	    lint_flow_releases(s->cx, s->r,
			       (struct go_node *)GO_CAST(go_func_lit, f)->body))
		s->found = 1;
	return !s->found;
}

int lint_life_released_somewhere(struct lint_ctx *cx,
				 const struct lint_func *fn,
				 const struct lint_res *r)
{
	struct some_scan s = { cx, r, 0 };

	if (lint_flow_releases(cx, r, (struct go_node *)fn->body))
		return 1;
	go_ast_inspect((struct go_node *)fn->body, some_fn, NULL, &s);
	return s.found;
}

const char *lint_life_words(struct lint_ctx *cx, const struct lint_func *fn,
			    const struct lint_res *r, const char *verb)
{
	if (lint_life_released_somewhere(cx, fn, r))
		return arena_printf(cx->arena, "not %s on every path", verb);
	return arena_printf(cx->arena, "never %s", verb);
}

/* ---- ownership per path ---- */

int lint_life_stores(const struct go_node *s, const struct lint_res *r)
{
	const struct go_assign_stmt *a;

	if (!s || s->kind != GO_ASSIGN_STMT)
		return 0;
	a = GO_CAST(go_assign_stmt, s);
	if (a->tok != GO_TOK_ASSIGN || a->lhs.n != a->rhs.n)
		return 0;
	for (uint32_t k = 0; k < a->rhs.n; k++) {
		const struct go_node *l = go_unparen(a->lhs.v[k]);

		if (go_local_var(a->rhs.v[k]) == r->var && l &&
		    (l->kind == GO_SELECTOR_EXPR || l->kind == GO_INDEX_EXPR ||
		     l->kind == GO_STAR_EXPR))
			return 1;
	}
	return 0;
}

int lint_life_returns(const struct go_node *ret, const struct lint_res *r)
{
	const struct go_return_stmt *rs;

	if (!ret || ret->kind != GO_RETURN_STMT)
		return 0;
	rs = GO_CAST(go_return_stmt, ret);
	for (uint32_t i = 0; i < rs->results.n; i++) {
		const struct go_node *x = go_unparen(rs->results.v[i]);

		if (go_local_var(x) == r->var)
			return 1;
		/* return resp.Body, nil: the caller owns the body now */
		if (r->kind == LINT_RES_BODY && x && x->kind == GO_SELECTOR_EXPR &&
		    !strcmp(GO_CAST(go_selector_expr, x)->sel->name, "Body") &&
		    go_local_var(GO_CAST(go_selector_expr, x)->x) == r->var)
			return 1;
	}
	return 0;
}

int lint_life_borrows(const struct go_file *f, const struct go_call_expr *c,
		      uint32_t i)
{
	const struct go_node *fun = go_unparen(c->fun);

	if ((go_is_pkg_member(fun, "encoding/binary", "Write") ||
	     go_is_pkg_member(fun, "encoding/binary", "Read")) && i == 0)
		return 1;
	if (i == 0 && fun && fun->kind == GO_SELECTOR_EXPR &&
	    (lint_file_imports(f, "text/template") ||
	     lint_file_imports(f, "html/template"))) {
		const char *m = GO_CAST(go_selector_expr, fun)->sel->name;

		if ((!strcmp(m, "Execute") && c->args.n == 2) ||
		    (!strcmp(m, "ExecuteTemplate") && c->args.n == 3))
			return 1;
	}
	return 0;
}

/* ---- overwritten before release ---- */

int lint_life_recreates(struct lint_ctx *cx, const struct go_node *s,
			const struct lint_res *r)
{
	const struct go_assign_stmt *a;
	enum lint_res_kind k;

	if (!s || s == r->def || s->kind != GO_ASSIGN_STMT)
		return 0;
	a = GO_CAST(go_assign_stmt, s);
	if (a->rhs.n != 1 || !lint_flow_creator_cx(cx, a->rhs.v[0], &k) ||
	    k != r->kind)
		return 0;
	for (uint32_t i = 0; i < a->lhs.n; i++)
		if (go_local_var(a->lhs.v[i]) == r->var)
			return 1;
	return 0;
}
