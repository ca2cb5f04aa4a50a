/*
 * cond: err implication, ownership flags and done contexts (cond.h).
 */
#include "cond.h"

#include <string.h>

static int is_ident_of(const struct go_node *x, const struct go_ident *v)
{
	return v && go_local_var(x) == v;
}

/* A value that is certainly not nil: a package-level name (an error
 * sentinel like io.EOF or fs.ErrNotExist, or one of this package), or a
 * call's result (errors.New(...)), never a local that may be nil. */
static int non_nil_value(const struct go_node *y)
{
	y = go_unparen(y);
	if (!y || go_is_universe(y, "nil"))
		return 0;
	if (y->kind == GO_SELECTOR_EXPR) {
		const struct go_node *p = go_unparen(GO_CAST(go_selector_expr, y)->x);

		return p && p->kind == GO_IDENT &&
			GO_CAST(go_ident, p)->decl_kind == GO_DECL_IMPORT;
	}
	if (y->kind == GO_IDENT)
		return GO_CAST(go_ident, y)->decl_kind == GO_DECL_PACKAGE;
	return 0;
}

/* os.IsNotExist(err) and friends: false for a nil error. */
static const char *const os_tests[] = {
	"IsNotExist", "IsExist", "IsPermission", "IsTimeout", NULL
};

static int call_implies(const struct go_call_expr *c, const struct go_ident *err)
{
	if (!c->args.n || !is_ident_of(c->args.v[0], err))
		return 0;
	for (size_t i = 0; os_tests[i]; i++)
		if (c->args.n == 1 && go_is_pkg_member(c->fun, "os", os_tests[i]))
			return 1;
	/* errors.Is(err, target) is err == target when either is nil */
	if (c->args.n == 2 && go_is_pkg_member(c->fun, "errors", "Is"))
		return non_nil_value(c->args.v[1]);
	/* errors.As(nil, &t) is false */
	if (c->args.n == 2 && go_is_pkg_member(c->fun, "errors", "As"))
		return 1;
	return 0;
}

int lint_cond_err_nonnil(const struct go_node *x, const struct go_ident *err)
{
	x = go_unparen(x);
	if (!x || !err)
		return 0;
	if (x->kind == GO_CALL_EXPR)
		return call_implies(GO_CAST(go_call_expr, x), err);
	if (x->kind == GO_BINARY_EXPR) {
		const struct go_binary_expr *b = GO_CAST(go_binary_expr, x);

		switch (b->op) {
		case GO_TOK_LAND:
			return lint_cond_err_nonnil(b->x, err) ||
				lint_cond_err_nonnil(b->y, err);
		case GO_TOK_LOR:
			return lint_cond_err_nonnil(b->x, err) &&
				lint_cond_err_nonnil(b->y, err);
		case GO_TOK_NEQ:
			return is_ident_of(b->x, err) && go_is_universe(b->y, "nil");
		case GO_TOK_EQL:
			return (is_ident_of(b->x, err) && non_nil_value(b->y)) ||
				(is_ident_of(b->y, err) && non_nil_value(b->x));
		default:
			return 0;
		}
	}
	return 0;
}

/* ---- tests that expect the call to fail ---- */

/* `if err == nil { t.Fatal(...) }` (or a return, panic, t.Error...):
 * the code asserts that the call fails, so no resource is expected. */
int lint_cond_expects_failure(const struct go_node *cond,
			      const struct go_block_stmt *body,
			      const struct go_node *errv)
{
	const struct go_binary_expr *b;
	const struct go_ident *ev = go_local_var(errv);
	struct go_node *last;

	cond = go_unparen(cond);
	if (!ev || !cond || cond->kind != GO_BINARY_EXPR || !body || !body->list.n)
		return 0;
	b = GO_CAST(go_binary_expr, cond);
	/* err == nil || ...: the branch runs at least whenever it succeeded */
	if (b->op == GO_TOK_LOR) {
		const struct go_node *l = go_unparen(b->x);

		if (!l || l->kind != GO_BINARY_EXPR)
			return 0;
		b = GO_CAST(go_binary_expr, l);
	}
	if (go_local_var(b->x) != ev)
		return 0;
	if (b->op == GO_TOK_NEQ) {
		/* err != errWanted: the test wants a particular failure */
		const struct go_node *y = go_unparen(b->y);

		if (!y || (y->kind == GO_IDENT && !strcmp(GO_CAST(go_ident, y)->name, "nil")))
			return 0;
	} else if (b->op != GO_TOK_EQL) {
		return 0;
	} else {
		const struct go_node *y = go_unparen(b->y);

		if (!y || y->kind != GO_IDENT || strcmp(GO_CAST(go_ident, y)->name, "nil"))
			return 0;
	}
	last = body->list.v[body->list.n - 1];
	if (last->kind == GO_RETURN_STMT)
		return 1;
	for (uint32_t i = 0; i < body->list.n; i++) {
		struct go_node *st = body->list.v[i], *x, *f;

		if (st->kind != GO_EXPR_STMT)
			continue;
		x = go_unparen(GO_CAST(go_expr_stmt, st)->x);
		if (lint_flow_terminating_call(x))
			return 1;
		if (x && x->kind == GO_CALL_EXPR &&
		    (f = go_unparen(GO_CAST(go_call_expr, x)->fun)) &&
		    f->kind == GO_SELECTOR_EXPR && go_local_var(GO_CAST(go_selector_expr, f)->x) &&
		    !strncmp(GO_CAST(go_selector_expr, f)->sel->name, "Error", 5))
			return 1;
	}
	return 0;
}

/* ---- ownership flags ---- */

/* The statement list that holds statement s directly. */
struct list_find {
	const struct go_node *s;
	const struct go_list *list;
	uint32_t at;
};

static int list_find_fn(struct go_node *n, void *ctx)
{
	struct list_find *lf = ctx;
	const struct go_list *l = NULL;

	if (lf->list)
		return 0;
	if (n->kind == GO_BLOCK_STMT)
		l = &GO_CAST(go_block_stmt, n)->list;
	else if (n->kind == GO_CASE_CLAUSE)
		l = &GO_CAST(go_case_clause, n)->body;
	else if (n->kind == GO_COMM_CLAUSE)
		l = &GO_CAST(go_comm_clause, n)->body;
	if (l)
		for (uint32_t i = 0; i < l->n; i++)
			if (l->v[i] == lf->s) {
				lf->list = l;
				lf->at = i;
				return 0;
			}
	return 1;
}

/* `g = true` with g a local: returns g. */
static struct go_ident *sets_true(const struct go_node *s)
{
	const struct go_assign_stmt *a;

	if (!s || s->kind != GO_ASSIGN_STMT)
		return NULL;
	a = GO_CAST(go_assign_stmt, s);
	if (a->tok != GO_TOK_ASSIGN || a->lhs.n != 1 || a->rhs.n != 1 ||
	    !go_is_universe(a->rhs.v[0], "true"))
		return NULL;
	return go_local_var(a->lhs.v[0]);
}

/* Between the creation and `g = true`: no branch statement (break,
 * continue, goto could skip the flag while the resource stays open) and
 * no mention of g.  A return is fine: it leaves. */
struct between_scan {
	const struct go_ident *g;   /* NULL: only look for branches */
	int bad;
};

static int between_fn(struct go_node *n, void *ctx)
{
	struct between_scan *bs = ctx;

	if (bs->bad || n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_BRANCH_STMT || n->kind == GO_LABELED_STMT)
		bs->bad = 1;
	if (bs->g && n->kind == GO_IDENT && go_local_var(n) == bs->g)
		bs->bad = 1;
	return !bs->bad;
}

/* Every other mention of g: its declaration (false or no value), reads
 * outside function literals; the one write allowed is `set`. */
struct flag_scan {
	const struct go_ident *g;
	const struct go_node *set;
	int lit;
	int bad;
};

static int flag_fn(struct go_node *n, void *ctx)
{
	struct flag_scan *fs = ctx;

	if (fs->bad)
		return 0;
	if (n == fs->set)
		return 0;
	if (n->kind == GO_FUNC_LIT)
		fs->lit++;
	if (n->kind == GO_ASSIGN_STMT) {
		const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++) {
			const struct go_node *l = go_unparen(a->lhs.v[i]);

			if (!l || l->kind != GO_IDENT)
				continue;
			if ((const struct go_ident *)l == fs->g) {
				/* g := false */
				if (a->tok != GO_TOK_DEFINE || a->rhs.n != a->lhs.n ||
				    !go_is_universe(a->rhs.v[i], "false"))
					fs->bad = 1;
			} else if (go_local_var(l) == fs->g) {
				fs->bad = 1;
			}
		}
	} else if (n->kind == GO_VALUE_SPEC) {
		const struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n; i++)
			if (vs->names.v[i] == (const struct go_node *)fs->g &&
			    i < vs->values.n &&
			    !go_is_universe(vs->values.v[i], "false"))
				fs->bad = 1;
	} else if (n->kind == GO_UNARY_EXPR &&
		   GO_CAST(go_unary_expr, n)->op == GO_TOK_AND &&
		   go_local_var(GO_CAST(go_unary_expr, n)->x) == fs->g) {
		fs->bad = 1;
	} else if (n->kind == GO_RANGE_STMT || n->kind == GO_INC_DEC_STMT) {
		/* for g = range ..., g++: not a bool flag we follow */
		struct between_scan bs = { fs->g, 0 };

		if (n->kind == GO_INC_DEC_STMT)
			go_ast_inspect(n, between_fn, NULL, &bs);
		fs->bad |= bs.bad;
	}
	if (fs->lit && n->kind == GO_IDENT && go_local_var(n) == fs->g)
		fs->bad = 1;
	return !fs->bad;
}

static void flag_post(struct go_node *n, void *ctx)
{
	struct flag_scan *fs = ctx;

	if (n->kind == GO_FUNC_LIT)
		fs->lit--;
}

const struct go_ident *lint_cond_owner_flag(const struct lint_func *fn,
					    const struct lint_res *r)
{
	struct list_find lf = { r->def, NULL, 0 };
	struct go_ident *g = NULL;
	const struct go_node *set = NULL;
	struct flag_scan fs;
	uint32_t i;

	if (!fn->body || !r->def)
		return NULL;
	go_ast_inspect((struct go_node *)fn->body, list_find_fn, NULL, &lf);
	if (!lf.list)
		return NULL;
	for (i = lf.at + 1; i < lf.list->n; i++) {
		g = sets_true(lf.list->v[i]);
		if (g && g->decl_kind == GO_DECL_LOCAL) {
			set = lf.list->v[i];
			break;
		}
		g = NULL;
	}
	if (!g)
		return NULL;
	for (uint32_t k = lf.at + 1; k < i; k++) {
		struct between_scan bs = { g, 0 };

		go_ast_inspect(lf.list->v[k], between_fn, NULL, &bs);
		if (bs.bad)
			return NULL;
	}
	memset(&fs, 0, sizeof(fs));
	fs.g = g;
	fs.set = set;
	go_ast_inspect((struct go_node *)fn->body, flag_fn, flag_post, &fs);
	return fs.bad ? NULL : g;
}

int lint_cond_flag_branch(const struct go_node *x, const struct go_ident *g)
{
	x = go_unparen(x);
	if (!x || !g)
		return 0;
	if (go_local_var(x) == g)
		return 2;
	if (x->kind == GO_UNARY_EXPR && GO_CAST(go_unary_expr, x)->op == GO_TOK_NOT &&
	    go_local_var(GO_CAST(go_unary_expr, x)->x) == g)
		return 1;
	return 0;
}

/* ---- done contexts ---- */

const struct go_ident *lint_cond_cancel_ctx(const struct lint_res *r)
{
	const struct go_node *d = r->def;

	if (r->kind != LINT_RES_CANCEL || !d)
		return NULL;
	if (d->kind == GO_ASSIGN_STMT) {
		const struct go_assign_stmt *a = GO_CAST(go_assign_stmt, d);

		if (a->lhs.n == 2)
			return go_local_var(a->lhs.v[0]);
	} else if (d->kind == GO_DECL_STMT) {
		const struct go_node *gd = GO_CAST(go_decl_stmt, d)->decl;

		if (gd && gd->kind == GO_GEN_DECL &&
		    GO_CAST(go_gen_decl, gd)->specs.n == 1 &&
		    GO_CAST(go_gen_decl, gd)->specs.v[0]->kind == GO_VALUE_SPEC) {
			const struct go_value_spec *vs =
				GO_CAST(go_value_spec, GO_CAST(go_gen_decl, gd)->specs.v[0]);

			if (vs->names.n == 2)
				return GO_CAST(go_ident, vs->names.v[0]);
		}
	}
	return NULL;
}

/* ctx.M() with no arguments. */
static int ctx_method(const struct go_node *x, const struct go_ident *ctx,
		      const char *m)
{
	const struct go_node *f;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR || GO_CAST(go_call_expr, x)->args.n)
		return 0;
	f = go_unparen(GO_CAST(go_call_expr, x)->fun);
	return f && f->kind == GO_SELECTOR_EXPR &&
		!strcmp(GO_CAST(go_selector_expr, f)->sel->name, m) &&
		is_ident_of(GO_CAST(go_selector_expr, f)->x, ctx);
}

int lint_cond_done_recv(const struct go_node *s, const struct go_ident *ctx)
{
	const struct go_node *x = NULL;

	if (!s || !ctx)
		return 0;
	if (s->kind == GO_EXPR_STMT)
		x = GO_CAST(go_expr_stmt, s)->x;
	else if (s->kind == GO_ASSIGN_STMT && GO_CAST(go_assign_stmt, s)->rhs.n == 1)
		x = GO_CAST(go_assign_stmt, s)->rhs.v[0];
	x = go_unparen(x);
	if (!x || x->kind != GO_UNARY_EXPR ||
	    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
		return 0;
	return ctx_method(GO_CAST(go_unary_expr, x)->x, ctx, "Done");
}

int lint_cond_ctx_done(const struct go_node *x, const struct go_ident *ctx)
{
	x = go_unparen(x);
	if (!x || !ctx)
		return 0;
	if (x->kind == GO_BINARY_EXPR) {
		const struct go_binary_expr *b = GO_CAST(go_binary_expr, x);

		if (b->op == GO_TOK_LAND)
			return lint_cond_ctx_done(b->x, ctx) ||
				lint_cond_ctx_done(b->y, ctx);
		if (b->op == GO_TOK_LOR)
			return lint_cond_ctx_done(b->x, ctx) &&
				lint_cond_ctx_done(b->y, ctx);
		if (b->op == GO_TOK_NEQ)
			return ctx_method(b->x, ctx, "Err") &&
				go_is_universe(b->y, "nil");
		return 0;
	}
	/* errors.Is(ctx.Err(), context.Canceled) */
	if (x->kind == GO_CALL_EXPR) {
		const struct go_call_expr *c = GO_CAST(go_call_expr, x);

		return c->args.n == 2 && go_is_pkg_member(c->fun, "errors", "Is") &&
			ctx_method(c->args.v[0], ctx, "Err") &&
			non_nil_value(c->args.v[1]);
	}
	return 0;
}
