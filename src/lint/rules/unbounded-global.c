/*
 * unbounded-global: a package-level map that is written outside init and
 * never deleted from, cleared or reassigned anywhere in the package; a
 * package-level slice appended to outside init and never truncated or
 * reassigned.
 *
 * A package-level variable lives as long as the program: whatever is put
 * in it and never taken out is memory the GC can never reclaim, and a
 * cache keyed by request data grows without bound.  Silent when the
 * variable is handed anywhere (passed, returned, its address taken): the
 * code that receives it may delete.
 */
#include "../rule.h"
#include "../flow.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

enum { K_MAP = 1, K_SLICE = 2 };

struct global {
	struct go_ident *id;
	const struct go_file *file;
	int kind;
	struct go_node *write;            /* first growing write outside init */
	const struct go_file *write_file;
	struct go_ident *key_func;        /* the write's key is parameter */
	int key_param;                    /* key_param of key_func, or -1 */
	int shrinks;                      /* delete/clear/reassign/truncate/escape */
};

struct scan {
	VEC(struct global) g;
	VEC(struct go_node *) stack;
	const struct go_file *file;
	int in_init;                      /* depth inside func init() */
	int in_request;                   /* depth inside request-handling funcs */
	struct go_func_decl *func;        /* the function being scanned */
};

/* Index of the parameter that key names in fd, or -1. */
static int param_index(struct go_func_decl *fd, const struct go_node *key)
{
	const struct go_ident *v = go_local_var(key);
	int idx = 0;

	if (!fd || !v || v->decl_kind != GO_DECL_PARAM || !fd->type || !fd->type->params)
		return -1;
	for (uint32_t i = 0; i < fd->type->params->list.n; i++) {
		struct go_field *f = GO_CAST(go_field, fd->type->params->list.v[i]);

		for (uint32_t j = 0; j < f->names.n; j++, idx++)
			if (f->names.v[j] == (const struct go_node *)v)
				return idx;
		if (!f->names.n)
			idx++;
	}
	return -1;
}

/* Do all calls of fn in the package pass a literal as parameter idx (so
 * the map has as many keys as there are call sites)? */
struct calls {
	const struct go_ident *fn;
	int idx;
	int n, literal;
};

static int calls_fn(struct go_node *n, void *ctx)
{
	struct calls *c = ctx;
	struct go_call_expr *call;
	struct go_node *f;

	if (n->kind != GO_CALL_EXPR)
		return 1;
	call = GO_CAST(go_call_expr, n);
	f = go_unparen(call->fun);
	if (f && f->kind == GO_IDENT && GO_CAST(go_ident, f)->decl == c->fn) {
		c->n++;
		if ((uint32_t)c->idx < call->args.n &&
		    go_unparen(call->args.v[c->idx])->kind == GO_BASIC_LIT)
			c->literal++;
	}
	return 1;
}

static int literal_keys_only(struct lint_ctx *cx, const struct go_ident *fn, int idx)
{
	struct calls c = { fn, idx, 0, 0 };

	for (size_t i = 0; i < cx->pkg->nfiles; i++)
		go_ast_inspect((struct go_node *)cx->pkg->files[i], calls_fn, NULL, &c);
	return c.n > 0 && c.n == c.literal;
}

static const struct go_func_type *func_type_of(const struct go_node *n)
{
	if (n->kind == GO_FUNC_DECL)
		return GO_CAST(go_func_decl, n)->type;
	if (n->kind == GO_FUNC_LIT)
		return GO_CAST(go_func_lit, n)->type;
	return NULL;
}

static int map_or_slice_type(const struct go_node *t)
{
	t = go_unparen(t);
	if (!t)
		return 0;
	if (t->kind == GO_MAP_TYPE)
		return K_MAP;
	if (t->kind == GO_ARRAY_TYPE && !GO_CAST(go_array_type, t)->len)
		return K_SLICE;
	return 0;
}

static int value_kind(const struct go_node *v)
{
	v = go_unparen(v);
	if (!v)
		return 0;
	if (v->kind == GO_COMPOSITE_LIT)
		return map_or_slice_type(GO_CAST(go_composite_lit, v)->type);
	if (v->kind == GO_CALL_EXPR) {
		struct go_call_expr *c = GO_CAST(go_call_expr, v);
		struct go_node *f = go_unparen(c->fun);

		if (go_is_universe(f, "make") && c->args.n >= 1)
			return map_or_slice_type(c->args.v[0]);
	}
	return 0;
}

static struct global *find(struct scan *s, const struct go_node *e)
{
	const struct go_ident *id;

	e = go_unparen(e);
	if (!e || e->kind != GO_IDENT)
		return NULL;
	id = GO_CAST(go_ident, e);
	if (id->decl_kind != GO_DECL_PACKAGE)
		return NULL;
	for (size_t i = 0; i < s->g.len; i++)
		if (s->g.items[i].id == id->decl)
			return &s->g.items[i];
	return NULL;
}

static void collect(struct scan *s, struct go_file *f)
{
	for (uint32_t i = 0; i < f->decls.n; i++) {
		struct go_node *d = f->decls.v[i];
		struct go_gen_decl *g;

		if (d->kind != GO_GEN_DECL)
			continue;
		g = GO_CAST(go_gen_decl, d);
		if (g->tok != GO_TOK_VAR)
			continue;
		for (uint32_t j = 0; j < g->specs.n; j++) {
			struct go_value_spec *vs = GO_CAST(go_value_spec, g->specs.v[j]);

			for (uint32_t k = 0; k < vs->names.n; k++) {
				struct global gl;
				int kind = map_or_slice_type(vs->type);

				if (!kind && k < vs->values.n)
					kind = value_kind(vs->values.v[k]);
				if (!kind || !strcmp(GO_CAST(go_ident, vs->names.v[k])->name, "_"))
					continue;
				memset(&gl, 0, sizeof(gl));
				gl.id = GO_CAST(go_ident, vs->names.v[k]);
				gl.file = f;
				gl.kind = kind;
				vec_push(&s->g, gl);
			}
		}
	}
}

/* One use of a global, with its parents on the stack. */
static void use(struct scan *s, struct global *g)
{
	size_t top = s->stack.len - 1;
	struct go_node *id = s->stack.items[top];
	struct go_node *p = top ? s->stack.items[top - 1] : NULL;
	struct go_node *gp = top >= 2 ? s->stack.items[top - 2] : NULL;

	if (!p) {
		g->shrinks = 1;
		return;
	}
	if (p->kind == GO_INDEX_EXPR && GO_CAST(go_index_expr, p)->x == id) {
		/* m[k] = v, m[k]++ , m[k] += v: a write; m[k] alone: a read */
		if (g->kind == K_MAP && gp &&
		    ((gp->kind == GO_ASSIGN_STMT &&
		      GO_CAST(go_assign_stmt, gp)->lhs.n >= 1 &&
		      GO_CAST(go_assign_stmt, gp)->tok != GO_TOK_DEFINE &&
		      GO_CAST(go_assign_stmt, gp)->lhs.v[0] == p) ||
		     gp->kind == GO_INC_DEC_STMT)) {
			int lhs = 0;

			if (gp->kind == GO_INC_DEC_STMT)
				lhs = 1;
			else
				for (uint32_t i = 0; i < GO_CAST(go_assign_stmt, gp)->lhs.n; i++)
					if (GO_CAST(go_assign_stmt, gp)->lhs.v[i] == p)
						lhs = 1;
			if (lhs && !s->in_init && s->in_request && !g->write &&
			    go_unparen(GO_CAST(go_index_expr, p)->index)->kind != GO_BASIC_LIT) {
				g->write = gp;
				g->write_file = s->file;
				g->key_param = param_index(s->func,
					GO_CAST(go_index_expr, p)->index);
				g->key_func = s->func && g->key_param >= 0 ?
					s->func->name : NULL;
			}
		}
		return;
	}
	if (p->kind == GO_CALL_EXPR) {
		struct go_call_expr *c = GO_CAST(go_call_expr, p);
		struct go_node *f = go_unparen(c->fun);
		const char *fname = f && f->kind == GO_IDENT &&
			GO_CAST(go_ident, f)->decl_kind == GO_DECL_UNIVERSE ?
			GO_CAST(go_ident, f)->name : NULL;

		if (fname && (!strcmp(fname, "len") || !strcmp(fname, "cap")))
			return;
		if (fname && (!strcmp(fname, "delete") || !strcmp(fname, "clear"))) {
			g->shrinks = 1;
			return;
		}
		if (fname && !strcmp(fname, "append") && c->args.n && c->args.v[0] == id) {
			/* x = append(x, ...) grows it; anything else copies it */
			if (gp && gp->kind == GO_ASSIGN_STMT &&
			    GO_CAST(go_assign_stmt, gp)->lhs.n == 1 &&
			    find(s, GO_CAST(go_assign_stmt, gp)->lhs.v[0]) == g) {
				if (!s->in_init && s->in_request && !g->write) {
					g->write = gp;
					g->write_file = s->file;
				}
				return;
			}
			return;   /* y := append(x, ...) reads x */
		}
		g->shrinks = 1;   /* passed to a function: it may delete */
		return;
	}
	if (p->kind == GO_RANGE_STMT && GO_CAST(go_range_stmt, p)->x == id)
		return;
	if (p->kind == GO_SLICE_EXPR || p->kind == GO_BINARY_EXPR)
		return;   /* reads; x = x[:n] is seen as a reassignment below */
	if (p->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, p);

		for (uint32_t i = 0; i < a->lhs.n; i++)
			if (a->lhs.v[i] == id) {
				/* x = append(x, ...) is growth, handled above */
				struct go_node *r = i < a->rhs.n ? go_unparen(a->rhs.v[i]) : NULL;

				if (r && r->kind == GO_CALL_EXPR) {
					struct go_node *f = go_unparen(GO_CAST(go_call_expr, r)->fun);

					if (f && f->kind == GO_IDENT &&
					    !strcmp(GO_CAST(go_ident, f)->name, "append") &&
					    GO_CAST(go_call_expr, r)->args.n &&
					    find(s, GO_CAST(go_call_expr, r)->args.v[0]) == g)
						return;
				}
				g->shrinks = 1;   /* reassigned or truncated */
				return;
			}
	}
	g->shrinks = 1;   /* returned, stored, address taken: handed on */
}

static int visit(struct go_node *n, void *ctx)
{
	struct scan *s = ctx;
	struct global *g;

	vec_push(&s->stack, n);
	if (lint_flow_handles_requests(func_type_of(n)))
		s->in_request++;
	if (n->kind == GO_FUNC_DECL) {
		struct go_func_decl *fd = GO_CAST(go_func_decl, n);

		if (!fd->recv && fd->name && !strcmp(fd->name->name, "init"))
			s->in_init++;
		s->func = fd;
	}
	if (n->kind == GO_IDENT && !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF) &&
	    (g = find(s, n)) != NULL)
		use(s, g);
	return 1;
}

static void post(struct go_node *n, void *ctx)
{
	struct scan *s = ctx;

	if (lint_flow_handles_requests(func_type_of(n)))
		s->in_request--;
	if (n->kind == GO_FUNC_DECL) {
		struct go_func_decl *fd = GO_CAST(go_func_decl, n);

		if (!fd->recv && fd->name && !strcmp(fd->name->name, "init"))
			s->in_init--;
	}
	s->stack.len--;
}

void lint_rule_unbounded_global(struct lint_ctx *cx)
{
	struct scan s;

	memset(&s, 0, sizeof(s));
	for (size_t i = 0; i < cx->pkg->nfiles; i++)
		collect(&s, cx->pkg->files[i]);
	if (!s.g.len) {
		vec_free(&s.g);
		return;
	}
	for (size_t i = 0; i < cx->pkg->nfiles; i++) {
		s.file = cx->pkg->files[i];
		/* package-level initialisers count as init */
		for (uint32_t j = 0; j < s.file->decls.n; j++) {
			struct go_node *d = s.file->decls.v[j];

			if (d->kind == GO_GEN_DECL)
				s.in_init++;
			go_ast_inspect(d, visit, post, &s);
			if (d->kind == GO_GEN_DECL)
				s.in_init--;
		}
	}
	for (size_t i = 0; i < s.g.len; i++) {
		struct global *g = &s.g.items[i];
		struct finding *fd;

		if (!g->write || g->shrinks)
			continue;
		if (g->key_func && literal_keys_only(cx, g->key_func, g->key_param))
			continue;   /* one key per call site: bounded */
		if (lint_is_test_file(g->file) || lint_is_test_file(g->write_file))
			continue;
		fd = lint_report(cx, g->file, &g->id->node, REPORT_SEV_NOTE,
			g->kind == K_MAP ?
			"bound it: delete entries when they are done, use an LRU or "
			"expiry, or keep the map in a value with a lifetime" :
			"bound it: truncate or reassign it when the entries are done, "
			"or keep it in a value with a lifetime",
			g->kind == K_MAP ?
			"package-level map '%s' only grows: it is written outside init "
			"but nothing in the package ever deletes from it, clears it or "
			"replaces it, so every entry lives as long as the program" :
			"package-level slice '%s' only grows: it is appended to outside "
			"init but never truncated or replaced, so every element lives as "
			"long as the program", g->id->name);
		lint_related(cx, fd, g->write_file, g->write, "grows here");
	}
	vec_free(&s.g);
	vec_free(&s.stack);
}
