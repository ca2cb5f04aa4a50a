/*
 * lifetime: "never released" versus "not released on every path" (see
 * lifetime.h).
 */
#include "lifetime.h"
#include "../base/vec.h"

#include <stdlib.h>
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

	if (s->found || n->kind == GO_FUNC_LIT)
		return 0;
	/* return f, nil: the caller releases it on that path */
	if (lint_life_returns(n, s->r))
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

/* ---- process-lived values ---- */

static struct go_node *enclosing_decl(const struct go_file *f,
				      const struct go_node *at)
{
	for (uint32_t i = 0; i < f->decls.n; i++) {
		struct go_node *d = f->decls.v[i];

		if (at->off >= d->off && at->off < d->end)
			return d;
	}
	return NULL;
}

static int is_main_or_init(struct lint_ctx *cx, const struct go_func_decl *fd)
{
	if (fd->recv || !fd->name)
		return 0;
	if (!strcmp(fd->name->name, "init"))
		return 1;
	return cx->is_main && !strcmp(fd->name->name, "main");
}

static int lived(struct lint_ctx *cx, const struct go_file *f,
		 const struct go_node *at, int depth);

struct call_scan {
	struct lint_ctx *cx;
	const struct go_file *file;
	const struct go_ident *fn;    /* declaring name of the function */
	int depth;
	int calls, bad;
	VEC(struct go_node *) stack;
};

/* Is the call at stack top the right-hand side of `pkgvar = call()`? */
static int assigns_pkg_var(struct call_scan *cs)
{
	struct go_node *call, *p;
	struct go_assign_stmt *a;

	if (cs->stack.len < 2)
		return 0;
	call = cs->stack.items[cs->stack.len - 1];
	p = cs->stack.items[cs->stack.len - 2];
	if (p->kind != GO_ASSIGN_STMT)
		return 0;
	a = GO_CAST(go_assign_stmt, p);
	for (uint32_t i = 0; i < a->rhs.n && i < a->lhs.n; i++) {
		struct go_node *l = go_unparen(a->lhs.v[i]);

		if (a->rhs.v[i] == call && l && l->kind == GO_IDENT &&
		    GO_CAST(go_ident, l)->decl_kind == GO_DECL_PACKAGE)
			return 1;
	}
	return 0;
}

static int call_fn(struct go_node *n, void *ctx)
{
	struct call_scan *cs = ctx;
	struct go_node *fun;

	vec_push(&cs->stack, n);
	if (cs->bad)
		return 0;
	if (n->kind == GO_IDENT && GO_CAST(go_ident, n)->decl == cs->fn &&
	    (struct go_ident *)n != cs->fn) {
		struct go_node *p = cs->stack.len >= 2 ?
			cs->stack.items[cs->stack.len - 2] : NULL;

		/* used other than called (a function value): unknown */
		if (!p || p->kind != GO_CALL_EXPR ||
		    go_unparen(GO_CAST(go_call_expr, p)->fun) != n) {
			cs->bad = 1;
			return 0;
		}
	}
	if (n->kind != GO_CALL_EXPR)
		return 1;
	fun = go_unparen(GO_CAST(go_call_expr, n)->fun);
	if (!fun || fun->kind != GO_IDENT ||
	    GO_CAST(go_ident, fun)->decl != cs->fn)
		return 1;
	cs->calls++;
	if (!assigns_pkg_var(cs) && !lived(cs->cx, cs->file, n, cs->depth + 1))
		cs->bad = 1;
	return 1;
}

static void call_post(struct go_node *n, void *ctx)
{
	struct call_scan *cs = ctx;

	(void)n;
	cs->stack.len--;
}

static int lived(struct lint_ctx *cx, const struct go_file *f,
		 const struct go_node *at, int depth)
{
	struct go_node *d = enclosing_decl(f, at);
	const struct go_func_decl *fd;
	struct call_scan cs;

	if (!d || depth > 3)
		return 0;
	if (d->kind == GO_GEN_DECL)
		return 1;
	if (d->kind != GO_FUNC_DECL)
		return 0;
	fd = GO_CAST(go_func_decl, d);
	if (is_main_or_init(cx, fd))
		return 1;
	/* an exported function may be called from anywhere, any number of
	 * times; a method's receiver is any value of its type */
	if (fd->recv || !fd->name || (fd->name->name[0] >= 'A' &&
				      fd->name->name[0] <= 'Z'))
		return 0;
	memset(&cs, 0, sizeof(cs));
	cs.cx = cx;
	cs.fn = fd->name;
	cs.depth = depth;
	for (size_t i = 0; i < cx->pkg->nfiles && !cs.bad; i++) {
		cs.file = cx->pkg->files[i];
		cs.stack.len = 0;
		go_ast_inspect((struct go_node *)cs.file, call_fn, call_post, &cs);
	}
	vec_free(&cs.stack);
	return !cs.bad && cs.calls > 0;
}

int lint_life_process_lived(struct lint_ctx *cx, const struct go_file *f,
			    const struct go_node *at)
{
	return lived(cx, f, at, 0);
}

/* ---- ownership per path ---- */

int lint_life_returns(const struct go_node *ret, const struct lint_res *r)
{
	const struct go_return_stmt *rs;

	if (!ret || ret->kind != GO_RETURN_STMT)
		return 0;
	rs = GO_CAST(go_return_stmt, ret);
	for (uint32_t i = 0; i < rs->results.n; i++)
		if (go_local_var(rs->results.v[i]) == r->var)
			return 1;
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

int lint_life_recreates(const struct go_node *s, const struct lint_res *r)
{
	const struct go_assign_stmt *a;
	enum lint_res_kind k;

	if (!s || s == r->def || s->kind != GO_ASSIGN_STMT)
		return 0;
	a = GO_CAST(go_assign_stmt, s);
	if (a->rhs.n != 1 || !lint_flow_creator(a->rhs.v[0], &k) || k != r->kind)
		return 0;
	for (uint32_t i = 0; i < a->lhs.n; i++)
		if (go_local_var(a->lhs.v[i]) == r->var)
			return 1;
	return 0;
}
