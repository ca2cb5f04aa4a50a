/*
 * facts: per-function facts (facts.h).
 *
 * One walk of a function body per computation, in structured order, with
 * one mask per slot: the operations done so far on every path reaching
 * the current statement.  if/else and switch/select clauses join by
 * intersection; a loop body may run zero times, so what it does is "some"
 * only (a `for {}` with no break is never left: what follows is
 * unreachable); a return (or the end of the body) intersects the current
 * masks into the function's "all".  A deferred call's operations are added
 * where the defer stands (they run at every exit after it).  A nil test of
 * a slot (`if x != nil { x.Close() }`) makes the nil branch hold every
 * operation vacuously: there is nothing to release there.  Every
 * operation seen anywhere is "some".  Goroutines started here (`go f(x)`,
 * `go func() {...}()`) add their own facts to the slot's "go" mask.
 */
#include "facts.h"
#include "flow.h"
#include "httpclient.h"

#include <stdlib.h>
#include <string.h>

#define MAXSLOTS 96
#define ALLOPS ((1u << LINT_OP_COUNT) - 1)

struct entry {
	struct go_func_decl *fd;
	const struct go_file *file;
	struct lint_facts f;
	struct lint_summary sum;   /* lint_facts_summary's view of f */
	int state;     /* 0 not computed, 1 computing, 2 done */
	int cyclic;    /* met a callee still being computed */
};

struct store {
	struct map bydecl;    /* declaring go_ident -> entry (functions) */
	struct map methods;   /* method name -> entry, or &dup if several */
	struct map byfd;      /* go_func_decl pointer -> entry */
	struct entry **all;
	size_t n;
	int depth;            /* nested lint_facts_of requests */
};

static struct entry dup_marker;

/* ---------- the package's functions ---------- */

static const char *recv_type_name(const struct go_func_decl *fd)
{
	const struct go_node *t;

	if (!fd->recv || !fd->recv->list.n)
		return NULL;
	t = go_unparen(GO_CAST(go_field, fd->recv->list.v[0])->type);
	if (t && t->kind == GO_STAR_EXPR)
		t = go_unparen(GO_CAST(go_star_expr, t)->x);
	if (t && t->kind == GO_INDEX_EXPR)
		t = GO_CAST(go_index_expr, t)->x;
	if (t && t->kind == GO_INDEX_LIST_EXPR)
		t = GO_CAST(go_index_list_expr, t)->x;
	if (t && t->kind == GO_IDENT)
		return GO_CAST(go_ident, t)->name;
	return "?";
}

static struct store *store_of(struct lint_ctx *cx)
{
	struct store *s = cx->facts;
	VEC(struct entry *) v = { NULL, 0, 0 };

	if (s)
		return s;
	s = arena_new(cx->arena, struct store);
	for (size_t i = 0; i < cx->pkg->nfiles; i++) {
		struct go_file *f = cx->pkg->files[i];

		for (uint32_t j = 0; j < f->decls.n; j++) {
			struct go_func_decl *fd;
			struct entry *e;

			if (f->decls.v[j]->kind != GO_FUNC_DECL)
				continue;
			fd = GO_CAST(go_func_decl, f->decls.v[j]);
			if (!fd->name || !fd->body || !fd->type)
				continue;
			e = arena_new(cx->arena, struct entry);
			e->fd = fd;
			e->file = f;
			vec_push(&v, e);
			map_put(&s->byfd, arena_strndup(cx->arena, (const char *)&fd,
							sizeof(fd)), sizeof(fd), e);
			if (!fd->recv) {
				map_put(&s->bydecl,
					arena_strndup(cx->arena, (const char *)&fd->name,
						      sizeof(fd->name)),
					sizeof(fd->name), e);
			} else {
				struct entry *old = map_gets(&s->methods, fd->name->name);

				map_puts(&s->methods, fd->name->name, old ? &dup_marker : e);
			}
		}
	}
	s->all = arena_new_array(cx->arena, struct entry *, v.len ? v.len : 1);
	if (v.len)
		memcpy(s->all, v.items, v.len * sizeof(*s->all));
	s->n = v.len;
	vec_free(&v);
	cx->facts = s;
	return s;
}

static struct entry *entry_of_decl(struct store *s, struct go_func_decl *fd)
{
	return map_get(&s->byfd, (const char *)&fd, sizeof(fd));
}

static struct entry *callee_entry(struct store *s, const struct go_node *fun)
{
	fun = go_unparen(fun);
	if (!fun)
		return NULL;
	if (fun->kind == GO_IDENT) {
		const struct go_ident *id = GO_CAST(go_ident, fun);

		if (id->decl_kind != GO_DECL_PACKAGE || !id->decl)
			return NULL;
		return map_get(&s->bydecl, (const char *)&id->decl, sizeof(id->decl));
	}
	if (fun->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, fun);
		const struct go_node *x = go_unparen(se->x);
		struct entry *e;

		/* pkg.F is another package; x.m on a value is a method */
		if (x && x->kind == GO_IDENT &&
		    GO_CAST(go_ident, x)->decl_kind == GO_DECL_IMPORT)
			return NULL;
		e = map_gets(&s->methods, se->sel->name);
		return e == &dup_marker ? NULL : e;
	}
	return NULL;
}

/* ---------- one computation ---------- */

struct walk {
	struct lint_ctx *cx;
	struct store *st;
	struct entry *self;
	const struct go_ident *ids[MAXSLOTS];  /* slot variables (NULL: field) */
	const char *fname[MAXSLOTS];          /* field slots: the field */
	const struct go_ident *recv;          /* the receiver variable */
	int nslots;
	unsigned some[MAXSLOTS], go[MAXSLOTS];
	unsigned *exit;        /* intersection over the exits so far */
	int nexits;
	int partial;
	int cyclic;
	/* the innermost switch or select that an unlabelled break leaves */
	unsigned *brk;
	int *nbrk;
	int inloop;            /* an unlabelled break is the loop's */
	const char *label;     /* label of the statement being walked */
	/* parameters of a literal called here with a slot as argument */
	const struct go_ident *alias[MAXSLOTS];
	int alias_slot[MAXSLOTS];
	int nalias;
};

struct state {
	unsigned acc[MAXSLOTS];
	int dead;
};

/* x.C of a slot x (a ticker's or timer's channel), or the slot e. */
static int slot_of(const struct walk *w, const struct go_node *e);

static int chan_slot(const struct walk *w, const struct go_node *e)
{
	int k = slot_of(w, e);

	e = go_unparen(e);
	if (k < 0 && e && e->kind == GO_SELECTOR_EXPR &&
	    !strcmp(GO_CAST(go_selector_expr, e)->sel->name, "C"))
		k = slot_of(w, GO_CAST(go_selector_expr, e)->x);
	return k;
}

static int slot_of(const struct walk *w, const struct go_node *e)
{
	const struct go_ident *v;

	e = go_unparen(e);
	if (!e)
		return -1;
	if (e->kind == GO_SELECTOR_EXPR && w->recv) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, e);

		if (go_local_var(se->x) == w->recv &&
		    !map_gets(&w->st->methods, se->sel->name))
			for (int i = 0; i < w->nslots; i++)
				if (w->fname[i] && !strcmp(w->fname[i], se->sel->name))
					return i;
		return -1;
	}
	v = go_local_var(e);
	if (!v)
		return -1;
	for (int i = 0; i < w->nslots; i++)
		if (w->ids[i] == v)
			return i;
	for (int i = 0; i < w->nalias; i++)
		if (w->alias[i] == v)
			return w->alias_slot[i];
	return -1;
}

static void op(struct walk *w, struct state *s, int slot, unsigned ops)
{
	if (slot < 0)
		return;
	w->some[slot] |= ops;
	s->acc[slot] |= ops;
}

static const struct lint_facts *facts_get(struct walk *w, struct entry *e);

/* Parameter i of a literal's type (named, not variadic), or NULL. */
static const struct go_ident *lit_param(const struct go_func_type *t, uint32_t i)
{
	uint32_t idx = 0;

	for (uint32_t j = 0; t && t->params && j < t->params->list.n; j++) {
		const struct go_field *pf = GO_CAST(go_field, t->params->list.v[j]);
		uint32_t nn = pf->names.n ? pf->names.n : 1;

		if (i < idx + nn) {
			if (!pf->names.n || (pf->type && pf->type->kind == GO_ELLIPSIS))
				return NULL;
			return GO_CAST(go_ident, pf->names.v[i - idx]);
		}
		idx += nn;
	}
	return NULL;
}

/* Which slot of the callee an argument lands in: its parameter i. */
static const struct lint_fact_slot *callee_param(const struct lint_facts *f,
						 uint32_t i)
{
	if (!f || i >= f->nparams)
		return NULL;
	return &f->params[i];
}

static int is_name(const struct go_node *n, const char *name)
{
	n = go_unparen(n);
	return n && n->kind == GO_SELECTOR_EXPR &&
		!strcmp(GO_CAST(go_selector_expr, n)->sel->name, name);
}

static struct go_node *sel_x(const struct go_node *n)
{
	return go_unparen(GO_CAST(go_selector_expr, go_unparen(n))->x);
}

static void expr_ops(struct walk *w, struct state *s, struct go_node *n);
static void lit_ops(struct walk *w, struct state *s, struct go_func_lit *lit,
		    unsigned mark, int into_go);

/* A call: releases, close, and what same-package callees do with the
 * slots passed to them.  in_go: the call is a `go` statement's. */
static void call_ops(struct walk *w, struct state *s, struct go_call_expr *c,
		     int in_go)
{
	struct go_node *fun = go_unparen(c->fun);
	struct entry *ce;
	const struct lint_facts *cf = NULL;
	int k;

	if (fun && fun->kind == GO_FUNC_LIT) {
		/* func(c chan T) {...}(x): the literal's parameters are the
		 * arguments; its body runs here (or in the goroutine) */
		struct go_func_lit *lit = GO_CAST(go_func_lit, fun);
		int onalias = w->nalias;

		for (uint32_t i = 0; i < c->args.n; i++) {
			const struct go_ident *pv;

			if ((k = slot_of(w, c->args.v[i])) < 0) {
				expr_ops(w, s, c->args.v[i]);
				continue;
			}
			if (in_go)
				op(w, s, k, LINT_OP_GO);
			pv = lit_param(lit->type, i);
			if (pv && w->nalias < MAXSLOTS) {
				w->alias[w->nalias] = pv;
				w->alias_slot[w->nalias++] = k;
			}
		}
		lit_ops(w, s, lit, in_go ? LINT_OP_GO : 0, in_go);
		w->nalias = onalias;
		return;
	}
	if (go_is_universe(fun, "close") && c->args.n == 1 &&
	    (k = slot_of(w, c->args.v[0])) >= 0) {
		op(w, s, k, in_go ? LINT_OP_GO : LINT_OP_CLOSE);
		if (in_go)
			w->go[k] |= LINT_OP_CLOSE;
		return;
	}
	if ((go_is_universe(fun, "len") || go_is_universe(fun, "cap")) &&
	    c->args.n == 1 && slot_of(w, c->args.v[0]) >= 0)
		return;
	if (go_is_universe(fun, "append")) {
		for (uint32_t i = 1; i < c->args.n; i++)
			if ((k = slot_of(w, c->args.v[i])) >= 0)
				op(w, s, k, LINT_OP_STORE);
			else
				expr_ops(w, s, c->args.v[i]);
		if (c->args.n)
			expr_ops(w, s, c->args.v[0]);
		return;
	}
	/* releases: x.Close(), x.Body.Close(), x.Stop(), x() */
	k = -1;
	if (is_name(fun, "Close")) {
		struct go_node *x = sel_x(fun);

		k = slot_of(w, x);
		if (k < 0 && is_name(x, "Body"))
			k = slot_of(w, sel_x(x));
	} else if (is_name(fun, "Stop")) {
		k = slot_of(w, sel_x(fun));
	} else if (fun && (fun->kind == GO_IDENT || fun->kind == GO_SELECTOR_EXPR)) {
		k = slot_of(w, fun);
	}
	if (k >= 0) {
		op(w, s, k, in_go ? LINT_OP_GO : LINT_OP_RELEASE);
		if (in_go)
			w->go[k] |= LINT_OP_RELEASE;
		for (uint32_t i = 0; i < c->args.n; i++)
			expr_ops(w, s, c->args.v[i]);
		return;
	}
	ce = callee_entry(w->st, fun);
	if (ce)
		cf = facts_get(w, ce);
	/* the receiver of a same-package method: x.m() with x a slot, and
	 * r.m() passing the fields of our own receiver along */
	if (cf && fun->kind == GO_SELECTOR_EXPR) {
		struct go_node *x = sel_x(fun);

		if ((k = slot_of(w, x)) >= 0) {
			if (in_go) {
				op(w, s, k, LINT_OP_GO);
				w->go[k] |= cf->recv.some | cf->recv.go;
			} else {
				w->some[k] |= cf->recv.some;
				s->acc[k] |= cf->recv.all;
				w->go[k] |= cf->recv.go;
			}
		}
		if (w->recv && go_local_var(x) == w->recv)
			for (size_t j = 0; j < cf->nfields; j++) {
				const struct lint_fact_slot *fs = &cf->fields[j];

				for (int i = 0; i < w->nslots; i++) {
					if (!w->fname[i] || strcmp(w->fname[i], fs->name))
						continue;
					if (in_go) {
						op(w, s, i, LINT_OP_GO);
						w->go[i] |= fs->some | fs->go;
					} else {
						w->some[i] |= fs->some;
						s->acc[i] |= fs->all;
						w->go[i] |= fs->go;
					}
				}
			}
	} else if (fun) {
		expr_ops(w, s, fun);
	}
	for (uint32_t i = 0; i < c->args.n; i++) {
		const struct lint_fact_slot *ps;

		if ((k = slot_of(w, c->args.v[i])) < 0) {
			expr_ops(w, s, c->args.v[i]);
			continue;
		}
		ps = cf ? callee_param(cf, i) : NULL;
		if (in_go) {
			op(w, s, k, LINT_OP_GO);
			if (ps)
				w->go[k] |= ps->some | ps->go;
		} else if (ps) {
			w->some[k] |= ps->some;
			s->acc[k] |= ps->all;
			w->go[k] |= ps->go;
		} else if (!ce) {
			op(w, s, k, LINT_OP_UNKNOWN);
		}
	}
}


static void walk_list(struct walk *w, struct state *s, const struct go_list *l);

static int expr_fn(struct go_node *n, void *ctx);

struct ectx {
	struct walk *w;
	struct state *s;
};

static void expr_ops(struct walk *w, struct state *s, struct go_node *n)
{
	struct ectx ec = { w, s };

	if (n)
		go_ast_inspect(n, expr_fn, NULL, &ec);
}

static int expr_fn(struct go_node *n, void *ctx)
{
	struct ectx *ec = ctx;
	struct walk *w = ec->w;
	int k;

	switch (n->kind) {
	case GO_CALL_EXPR:
		call_ops(w, ec->s, GO_CAST(go_call_expr, n), 0);
		return 0;
	case GO_UNARY_EXPR: {
		struct go_unary_expr *u = GO_CAST(go_unary_expr, n);

		if (u->op == GO_TOK_ARROW && (k = chan_slot(w, u->x)) >= 0) {
			op(w, ec->s, k, LINT_OP_RECV);
			return 0;
		}
		return 1;
	}
	case GO_FUNC_LIT:
		lit_ops(w, ec->s, GO_CAST(go_func_lit, n), LINT_OP_CAPTURE, 0);
		return 0;
	case GO_COMPOSITE_LIT: {
		struct go_composite_lit *cl = GO_CAST(go_composite_lit, n);

		for (uint32_t i = 0; i < cl->elts.n; i++) {
			struct go_node *v = cl->elts.v[i];

			if (v->kind == GO_KEY_VALUE_EXPR)
				v = GO_CAST(go_key_value_expr, v)->value;
			if ((k = slot_of(w, v)) >= 0)
				op(w, ec->s, k, LINT_OP_STORE);
			else
				expr_ops(w, ec->s, v);
		}
		return 0;
	}
	default:
		return 1;
	}
}

/* A free-standing mention of every slot inside a literal (for captures
 * and goroutine literals: the literal's own facts are not path-exact). */
struct capt {
	struct walk *w;
	struct state *s;
	unsigned mark;
};

static int capt_fn(struct go_node *n, void *ctx)
{
	struct capt *cp = ctx;
	int k;

	if (n->kind == GO_IDENT || n->kind == GO_SELECTOR_EXPR) {
		if ((k = slot_of(cp->w, n)) >= 0) {
			op(cp->w, cp->s, k, cp->mark);
			return 0;
		}
	}
	return 1;
}

static void lit_ops(struct walk *w, struct state *s, struct go_func_lit *lit,
		    unsigned mark, int into_go)
{
	struct state inner;
	unsigned exit[MAXSLOTS], *oexit = w->exit, some[MAXSLOTS], go[MAXSLOTS];
	int onexits = w->nexits;
	unsigned *obrk = w->brk;
	int *onbrk = w->nbrk, oinloop = w->inloop;

	if (!lit->body)
		return;
	if (mark == LINT_OP_CAPTURE) {
		struct capt cp = { w, s, mark };

		go_ast_inspect((struct go_node *)lit->body, capt_fn, NULL, &cp);
		return;
	}
	if (into_go) {
		/* every slot the goroutine mentions is handed to it */
		struct capt cp = { w, s, LINT_OP_GO };

		go_ast_inspect((struct go_node *)lit->body, capt_fn, NULL, &cp);
	}
	/* run the literal's body as if here, with its own exits */
	inner = *s;
	memcpy(some, w->some, sizeof(some));
	memcpy(go, w->go, sizeof(go));
	if (into_go)
		memset(w->some, 0, sizeof(w->some));
	for (int i = 0; i < w->nslots; i++)
		exit[i] = ALLOPS;
	w->exit = exit;
	w->nexits = 0;
	w->brk = NULL;
	w->nbrk = NULL;
	w->inloop = 0;
	walk_list(w, &inner, &lit->body->list);
	if (!inner.dead) {
		for (int i = 0; i < w->nslots; i++)
			exit[i] &= inner.acc[i];
		w->nexits++;
	}
	if (into_go) {
		/* what the goroutine does is its own: the "go" mask only */
		for (int i = 0; i < w->nslots; i++) {
			w->go[i] |= w->some[i] & ~(unsigned)LINT_OP_GO;
			w->some[i] = some[i] | (s->acc[i] & LINT_OP_GO);
		}
	} else if (w->nexits) {
		for (int i = 0; i < w->nslots; i++)
			s->acc[i] |= exit[i];
	}
	w->exit = oexit;
	w->nexits = onexits;
	w->brk = obrk;
	w->nbrk = onbrk;
	w->inloop = oinloop;
}

/* ---------- statements ---------- */

static void join(struct walk *w, struct state *into, const struct state *a)
{
	if (a->dead)
		return;
	if (into->dead) {
		*into = *a;
		return;
	}
	for (int i = 0; i < w->nslots; i++)
		into->acc[i] &= a->acc[i];
}

static void exit_here(struct walk *w, const struct state *s)
{
	for (int i = 0; i < w->nslots; i++)
		w->exit[i] &= s->acc[i];
	w->nexits++;
}

/* `x != nil` / `x == nil` on a slot: the slot, and 1 for !=. */
static int nil_test(const struct walk *w, const struct go_node *cond, int *ne)
{
	const struct go_binary_expr *b;
	int k;

	cond = go_unparen(cond);
	if (!cond || cond->kind != GO_BINARY_EXPR)
		return -1;
	b = GO_CAST(go_binary_expr, cond);
	if (b->op != GO_TOK_NEQ && b->op != GO_TOK_EQL)
		return -1;
	if (!go_is_universe(b->y, "nil") || (k = slot_of(w, b->x)) < 0)
		return -1;
	*ne = b->op == GO_TOK_NEQ;
	return k;
}

/* Does a break leave loop `loop` (labelled `label` or NULL)?  An
 * unlabelled break inside a nested loop, switch or select is theirs. */
struct brkscan {
	const char *label;
	int depth;        /* nested breakable statements */
	int found;
};

static int breakable(const struct go_node *n)
{
	return n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
		n->kind == GO_SWITCH_STMT || n->kind == GO_TYPE_SWITCH_STMT ||
		n->kind == GO_SELECT_STMT;
}

static int brk_pre(struct go_node *n, void *ctx)
{
	struct brkscan *b = ctx;

	if (n->kind == GO_FUNC_LIT || b->found)
		return 0;
	if (breakable(n))
		b->depth++;
	if (n->kind == GO_BRANCH_STMT) {
		const struct go_branch_stmt *bs = GO_CAST(go_branch_stmt, n);

		if (bs->tok == GO_TOK_GOTO)
			b->found = 1;
		else if (bs->tok == GO_TOK_BREAK &&
			 (bs->label ? b->label && !strcmp(bs->label->name, b->label)
				    : b->depth == 0))
			b->found = 1;
	}
	return 1;
}

static void brk_post(struct go_node *n, void *ctx)
{
	struct brkscan *b = ctx;

	if (breakable(n))
		b->depth--;
}

static int loop_left(struct go_node *body, const char *label)
{
	struct brkscan b = { label, 0, 0 };

	go_ast_inspect(body, brk_pre, brk_post, &b);
	return b.found;
}

static void walk_stmt(struct walk *w, struct state *s, struct go_node *n);

static void walk_clauses(struct walk *w, struct state *s,
			 struct go_block_stmt *body, int has_default_path)
{
	struct state out, c;
	unsigned brk[MAXSLOTS];
	int nbrk = 0, oinloop = w->inloop;
	unsigned *obrk = w->brk;
	int *onbrk = w->nbrk;

	out.dead = 1;
	for (int i = 0; i < w->nslots; i++)
		brk[i] = ALLOPS;
	w->brk = brk;
	w->nbrk = &nbrk;
	w->inloop = 0;
	for (uint32_t i = 0; body && i < body->list.n; i++) {
		struct go_node *cl = body->list.v[i];

		c = *s;
		if (cl->kind == GO_CASE_CLAUSE) {
			struct go_case_clause *cc = GO_CAST(go_case_clause, cl);

			for (uint32_t j = 0; j < cc->list.n; j++)
				expr_ops(w, &c, cc->list.v[j]);
			walk_list(w, &c, &cc->body);
		} else if (cl->kind == GO_COMM_CLAUSE) {
			struct go_comm_clause *cc = GO_CAST(go_comm_clause, cl);

			if (cc->comm)
				walk_stmt(w, &c, cc->comm);
			walk_list(w, &c, &cc->body);
		}
		join(w, &out, &c);
	}
	if (nbrk) {
		struct state b = *s;

		b.dead = 0;
		for (int i = 0; i < w->nslots; i++)
			b.acc[i] = brk[i];
		join(w, &out, &b);
	}
	if (has_default_path)
		join(w, &out, s);
	w->brk = obrk;
	w->nbrk = onbrk;
	w->inloop = oinloop;
	*s = out;
}

static int has_default(const struct go_block_stmt *body)
{
	for (uint32_t i = 0; body && i < body->list.n; i++) {
		const struct go_node *cl = body->list.v[i];

		if (cl->kind == GO_CASE_CLAUSE && GO_CAST(go_case_clause, cl)->is_default)
			return 1;
		if (cl->kind == GO_COMM_CLAUSE && !GO_CAST(go_comm_clause, cl)->comm)
			return 1;
	}
	return 0;
}

static void walk_loop_body(struct walk *w, const struct state *s,
			   struct go_block_stmt *body, struct go_node *post)
{
	struct state b = *s;
	unsigned *obrk = w->brk;
	int *onbrk = w->nbrk, oinloop = w->inloop;

	w->brk = NULL;
	w->nbrk = NULL;
	w->inloop = 1;
	if (body)
		walk_list(w, &b, &body->list);
	if (post && !b.dead)
		walk_stmt(w, &b, post);
	w->brk = obrk;
	w->nbrk = onbrk;
	w->inloop = oinloop;
}

static void walk_stmt(struct walk *w, struct state *s, struct go_node *n)
{
	const char *label = w->label;   /* set by a labelled statement */
	int k;

	w->label = NULL;
	if (!n || s->dead)
		return;
	switch (n->kind) {
	case GO_BLOCK_STMT:
		walk_list(w, s, &GO_CAST(go_block_stmt, n)->list);
		break;
	case GO_LABELED_STMT: {
		struct go_labeled_stmt *ls = GO_CAST(go_labeled_stmt, n);

		w->label = ls->label ? ls->label->name : NULL;
		walk_stmt(w, s, ls->stmt);
		break;
	}
	case GO_IF_STMT: {
		struct go_if_stmt *is = GO_CAST(go_if_stmt, n);
		struct state t, e;
		int ne = 0, nk;

		walk_stmt(w, s, is->init);
		expr_ops(w, s, is->cond);
		t = *s;
		e = *s;
		nk = nil_test(w, is->cond, &ne);
		if (nk >= 0)
			(ne ? &e : &t)->acc[nk] = ALLOPS;
		walk_list(w, &t, &is->body->list);
		if (is->els)
			walk_stmt(w, &e, is->els);
		*s = t;
		join(w, s, &e);
		break;
	}
	case GO_FOR_STMT: {
		struct go_for_stmt *fs = GO_CAST(go_for_stmt, n);

		walk_stmt(w, s, fs->init);
		expr_ops(w, s, fs->cond);
		walk_loop_body(w, s, fs->body, fs->post);
		if (!fs->cond && !loop_left((struct go_node *)fs->body, label))
			s->dead = 1;   /* never left: what follows is unreachable */
		break;
	}
	case GO_RANGE_STMT: {
		struct go_range_stmt *rs = GO_CAST(go_range_stmt, n);

		if ((k = chan_slot(w, rs->x)) >= 0)
			op(w, s, k, LINT_OP_RANGE);
		else
			expr_ops(w, s, rs->x);
		walk_loop_body(w, s, rs->body, NULL);
		break;
	}
	case GO_SWITCH_STMT: {
		struct go_switch_stmt *ss = GO_CAST(go_switch_stmt, n);

		walk_stmt(w, s, ss->init);
		expr_ops(w, s, ss->tag);
		walk_clauses(w, s, ss->body, !has_default(ss->body));
		break;
	}
	case GO_TYPE_SWITCH_STMT: {
		struct go_type_switch_stmt *ts = GO_CAST(go_type_switch_stmt, n);

		walk_stmt(w, s, ts->init);
		walk_stmt(w, s, ts->assign);
		walk_clauses(w, s, ts->body, !has_default(ts->body));
		break;
	}
	case GO_SELECT_STMT:
		walk_clauses(w, s, GO_CAST(go_select_stmt, n)->body, 0);
		break;
	case GO_RETURN_STMT: {
		struct go_return_stmt *rs = GO_CAST(go_return_stmt, n);

		for (uint32_t i = 0; i < rs->results.n; i++) {
			if ((k = slot_of(w, rs->results.v[i])) >= 0)
				op(w, s, k, LINT_OP_RETURN);
			else
				expr_ops(w, s, rs->results.v[i]);
		}
		exit_here(w, s);
		s->dead = 1;
		break;
	}
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *bs = GO_CAST(go_branch_stmt, n);

		if (bs->tok == GO_TOK_BREAK && w->brk && !w->inloop) {
			if (bs->label)
				w->partial = 1;
			for (int i = 0; i < w->nslots; i++)
				w->brk[i] &= s->acc[i];
			(*w->nbrk)++;
		} else if (bs->tok == GO_TOK_GOTO || bs->tok == GO_TOK_FALLTHROUGH) {
			w->partial = 1;
		}
		s->dead = 1;
		break;
	}
	case GO_GO_STMT: {
		struct go_node *c = GO_CAST(go_go_stmt, n)->call;

		if (c && c->kind == GO_CALL_EXPR)
			call_ops(w, s, GO_CAST(go_call_expr, c), 1);
		break;
	}
	case GO_DEFER_STMT: {
		struct go_node *c = GO_CAST(go_defer_stmt, n)->call;

		if (c && c->kind == GO_CALL_EXPR)
			call_ops(w, s, GO_CAST(go_call_expr, c), 0);
		break;
	}
	case GO_SEND_STMT: {
		struct go_send_stmt *ss = GO_CAST(go_send_stmt, n);

		if ((k = slot_of(w, ss->chan)) >= 0)
			op(w, s, k, LINT_OP_SEND);
		else
			expr_ops(w, s, ss->chan);
		if ((k = slot_of(w, ss->value)) >= 0)
			op(w, s, k, LINT_OP_STORE);
		else
			expr_ops(w, s, ss->value);
		break;
	}
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < as->rhs.n; i++) {
			if ((k = slot_of(w, as->rhs.v[i])) >= 0)
				op(w, s, k, LINT_OP_STORE);
			else
				expr_ops(w, s, as->rhs.v[i]);
		}
		for (uint32_t i = 0; i < as->lhs.n; i++) {
			struct go_node *l = go_unparen(as->lhs.v[i]);

			if ((k = slot_of(w, l)) >= 0) {
				if (w->fname[k])
					op(w, s, k, LINT_OP_SET);
			} else if (l && l->kind != GO_IDENT) {
				expr_ops(w, s, l);
			}
		}
		break;
	}
	case GO_EXPR_STMT: {
		struct go_node *x = GO_CAST(go_expr_stmt, n)->x;

		expr_ops(w, s, x);
		if (lint_flow_terminating_call(go_unparen(x)))
			s->dead = 1;   /* panic, os.Exit: not a normal return */
		break;
	}
	default:
		expr_ops(w, s, n);
		break;
	}
}

static void walk_list(struct walk *w, struct state *s, const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n && !s->dead; i++)
		walk_stmt(w, s, l->v[i]);
}

/* ---------- results ---------- */

static enum lint_result_kind kind_of_res(enum lint_res_kind k)
{
	switch (k) {
	case LINT_RES_FILE: return LINT_RESULT_FILE;
	case LINT_RES_BODY: return LINT_RESULT_BODY;
	case LINT_RES_CANCEL: return LINT_RESULT_CANCEL;
	case LINT_RES_TICKER: return LINT_RESULT_TICKER;
	}
	return LINT_RESULT_OTHER;
}

/* What result position i of call c is, if c creates something. */
static enum lint_result_kind call_result(struct walk *w, const struct go_node *c,
					 size_t i)
{
	enum lint_res_kind rk;
	struct entry *ce;
	const struct lint_facts *cf;

	c = go_unparen(c);
	if (!c || c->kind != GO_CALL_EXPR)
		return LINT_RESULT_OTHER;
	if (lint_flow_creator(c, &rk)) {
		if (rk == LINT_RES_CANCEL)
			return i == 1 ? LINT_RESULT_CANCEL : LINT_RESULT_OTHER;
		return i == 0 ? kind_of_res(rk) : LINT_RESULT_OTHER;
	}
	if (i == 0 && w->self->fd->type) {
		/* c.Do(req) on an *http.Client field or variable, RoundTrip */
		struct lint_func lf = { w->self->file, w->self->fd, NULL,
					w->self->fd->type, w->self->fd->body };

		if (lint_http_response_call(w->cx ? w->cx->pkg : NULL, &lf,
					    GO_CAST(go_call_expr, c)))
			return LINT_RESULT_BODY;
	}
	if (go_is_universe(GO_CAST(go_call_expr, c)->fun, "make") &&
	    GO_CAST(go_call_expr, c)->args.n &&
	    go_unparen(GO_CAST(go_call_expr, c)->args.v[0])->kind == GO_CHAN_TYPE)
		return i == 0 ? LINT_RESULT_CHAN : LINT_RESULT_OTHER;
	ce = callee_entry(w->st, GO_CAST(go_call_expr, c)->fun);
	if (!ce || !(cf = facts_get(w, ce)) || i >= cf->nresults)
		return LINT_RESULT_OTHER;
	return cf->results[i];
}

/* The definition of local v: `v := call(...)` (position in *pos), the only
 * assignment to it.  NULL when assigned more than once or not from a
 * single call. */
struct defn {
	const struct go_ident *v;
	struct go_node *rhs;
	size_t pos;
	int n;
};

static int defn_fn(struct go_node *n, void *ctx)
{
	struct defn *d = ctx;

	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < as->lhs.n; i++)
			if (go_local_var(as->lhs.v[i]) == d->v) {
				d->n++;
				d->rhs = as->rhs.n == 1 ? as->rhs.v[0] :
					i < as->rhs.n ? as->rhs.v[i] : NULL;
				d->pos = as->rhs.n == 1 ? i : 0;
			}
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n; i++)
			if (GO_CAST(go_ident, vs->names.v[i]) == d->v) {
				d->n++;
				d->rhs = vs->values.n == 1 ? vs->values.v[0] :
					i < vs->values.n ? vs->values.v[i] : NULL;
				d->pos = vs->values.n == 1 ? i : 0;
			}
	}
	return 1;
}

/* make(chan T) or make(chan T, 0) */
static int unbuffered(const struct go_node *mk)
{
	const struct go_call_expr *c = GO_CAST(go_call_expr, go_unparen(mk));
	const struct go_node *n;

	if (c->args.n == 1)
		return 1;
	n = c->args.n == 2 ? go_unparen(c->args.v[1]) : NULL;
	return n && n->kind == GO_BASIC_LIT &&
		!strcmp(GO_CAST(go_basic_lit, n)->value, "0");
}

/* A generator: a goroutine literal started by a statement of body (at its
 * top level) sends on v with plain sends, at least one inside a loop, and
 * never in a select (a select could offer a way out).  Returns that send,
 * or NULL. */
struct genscan {
	const struct go_ident *v;
	int loops;
	struct go_node *send;
	int bad;
};

static int gen_pre(struct go_node *n, void *ctx)
{
	struct genscan *g = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		g->loops++;
	if (n->kind == GO_COMM_CLAUSE) {
		struct go_node *cm = GO_CAST(go_comm_clause, n)->comm;

		if (cm && cm->kind == GO_SEND_STMT &&
		    go_local_var(GO_CAST(go_send_stmt, cm)->chan) == g->v)
			g->bad = 1;
	}
	if (n->kind == GO_SEND_STMT && !g->bad && g->loops &&
	    go_local_var(GO_CAST(go_send_stmt, n)->chan) == g->v && !g->send)
		g->send = n;
	return !g->bad;
}

static void gen_post(struct go_node *n, void *ctx)
{
	struct genscan *g = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT)
		g->loops--;
}

/* The generator's channel is named only where it is returned (in the
 * helper) and where it is sent on or closed (in its goroutines): nobody
 * else can drain it. */
struct genuse {
	const struct go_ident *v;
	int lits;
	int total, ok;
};

static int genuse_pre(struct go_node *n, void *ctx)
{
	struct genuse *g = ctx;

	if (n->kind == GO_FUNC_LIT)
		g->lits++;
	else if (n->kind == GO_IDENT && go_local_var(n) == g->v &&
		 !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF))
		g->total++;
	else if (n->kind == GO_RETURN_STMT && !g->lits) {
		struct go_return_stmt *rs = GO_CAST(go_return_stmt, n);

		for (uint32_t i = 0; i < rs->results.n; i++)
			if (go_local_var(rs->results.v[i]) == g->v)
				g->ok++;
	} else if (n->kind == GO_SEND_STMT && g->lits &&
		   go_local_var(GO_CAST(go_send_stmt, n)->chan) == g->v) {
		g->ok++;
	} else if (n->kind == GO_CALL_EXPR && g->lits &&
		   go_is_universe(GO_CAST(go_call_expr, n)->fun, "close") &&
		   GO_CAST(go_call_expr, n)->args.n == 1 &&
		   go_local_var(GO_CAST(go_call_expr, n)->args.v[0]) == g->v) {
		g->ok++;
	}
	return 1;
}

static void genuse_post(struct go_node *n, void *ctx)
{
	struct genuse *g = ctx;

	if (n->kind == GO_FUNC_LIT)
		g->lits--;
}

static int gen_uses_only(struct go_block_stmt *body, const struct go_ident *v)
{
	struct genuse g = { v, 0, 0, 0 };

	go_ast_inspect((struct go_node *)body, genuse_pre, genuse_post, &g);
	return g.total == g.ok;
}

static struct go_node *generator_send(struct go_block_stmt *body,
				      const struct go_ident *v)
{
	struct go_node *found = NULL;

	for (uint32_t i = 0; i < body->list.n; i++) {
		struct go_node *st = body->list.v[i], *c, *fun;
		struct genscan g = { v, 0, NULL, 0 };

		if (st->kind != GO_GO_STMT)
			continue;
		c = GO_CAST(go_go_stmt, st)->call;
		if (!c || c->kind != GO_CALL_EXPR)
			continue;
		fun = go_unparen(GO_CAST(go_call_expr, c)->fun);
		if (!fun || fun->kind != GO_FUNC_LIT || !GO_CAST(go_func_lit, fun)->body)
			continue;
		go_ast_inspect((struct go_node *)GO_CAST(go_func_lit, fun)->body,
			       gen_pre, gen_post, &g);
		if (g.bad)
			return NULL;
		if (g.send && !found)
			found = g.send;
	}
	return found;
}

/* Is every use of v in body a plain one: a method call or field on it
 * other than a release (Close, Stop, Body.Close), a comparison, or a
 * return?  A helper that releases what it returns on some path, passes it
 * on or captures it is not followed. */
struct plain {
	struct walk *w;
	const struct go_ident *v;
	int total, ok, bad;
};

/* Do facts f (of the callee of c) say argument i is only used: no store,
 * capture, return, goroutine or release on any path? */
static int borrow_facts(const struct lint_facts *f, const struct go_call_expr *c,
			uint32_t i)
{
	const unsigned keeps = LINT_OP_STORE | LINT_OP_CAPTURE | LINT_OP_RETURN |
		LINT_OP_GO | LINT_OP_RELEASE | LINT_OP_UNKNOWN | LINT_OP_CLOSE;
	const struct go_list *l;

	if (!f || f->partial || i >= f->nparams || c->ellipsis != GO_NOPOS)
		return 0;
	l = f->decl && f->decl->type->params ? &f->decl->type->params->list : NULL;
	if (l && l->n && i + 1 == f->nparams) {
		/* the variadic parameter: the facts are the slice's */
		const struct go_field *last = GO_CAST(go_field, l->v[l->n - 1]);

		if (last->type && last->type->kind == GO_ELLIPSIS)
			return 0;
	}
	return !((f->params[i].some | f->params[i].go) & keeps);
}

/* lint_facts_borrows from inside a computation (package functions only:
 * a method found by its name alone might be another type's) */
static int borrows(struct walk *w, const struct go_call_expr *c, uint32_t i)
{
	const struct go_node *fun = go_unparen(c->fun);
	struct entry *ce;

	if (!fun || fun->kind != GO_IDENT ||
	    !(ce = callee_entry(w->st, fun)) || ce == w->self)
		return 0;
	return borrow_facts(facts_get(w, ce), c, i);
}

/* Does n mention local v? */
struct mention { const struct go_ident *v; int yes; };

static int mention_fn(struct go_node *n, void *ctx)
{
	struct mention *m = ctx;

	if (n->kind == GO_IDENT && go_local_var(n) == m->v)
		m->yes = 1;
	return !m->yes;
}

static int mentions(struct go_node *n, const struct go_ident *v)
{
	struct mention m = { v, 0 };

	go_ast_inspect(n, mention_fn, NULL, &m);
	return m.yes;
}

/* Is se v.Close, v.Stop or v.Body.Close? */
static int release_sel(const struct go_selector_expr *se, const struct go_ident *v)
{
	const char *sel = se->sel->name;

	if (go_local_var(se->x) == v)
		return !strcmp(sel, "Close") || !strcmp(sel, "Stop");
	return !strcmp(sel, "Close") && is_name(se->x, "Body") &&
		go_local_var(sel_x(se->x)) == v;
}

/* Is statement st a release of v: v.Close(), v.Stop(), v.Body.Close(),
 * v()? */
static int release_stmt(const struct go_node *st, const struct go_ident *v)
{
	const struct go_node *c, *f;

	if (st->kind != GO_EXPR_STMT)
		return 0;
	c = go_unparen(GO_CAST(go_expr_stmt, st)->x);
	if (!c || c->kind != GO_CALL_EXPR)
		return 0;
	f = go_unparen(GO_CAST(go_call_expr, c)->fun);
	if (go_local_var(f) == v)
		return 1;
	return f && f->kind == GO_SELECTOR_EXPR &&
		release_sel(GO_CAST(go_selector_expr, f), v);
}

/* A release of v on a path that then returns without v (`resp.Body.Close();
 * return nil, err`) says nothing about the returns that give v to the
 * caller: the statements between do not mention v, nor does the return. */
static int release_then_return(const struct go_list *l, uint32_t i,
			       const struct go_ident *v)
{
	for (uint32_t j = i + 1; j < l->n; j++) {
		if (l->v[j]->kind == GO_RETURN_STMT)
			return !mentions(l->v[j], v);
		if (mentions(l->v[j], v))
			return 0;
	}
	return 0;
}

static void plain_list(const struct go_list *l, struct plain *p);

static int plain_fn(struct go_node *n, void *ctx)
{
	struct plain *p = ctx;

	switch (n->kind) {
	case GO_BLOCK_STMT:
		plain_list(&GO_CAST(go_block_stmt, n)->list, p);
		return 0;
	case GO_CASE_CLAUSE: {
		struct go_case_clause *cc = GO_CAST(go_case_clause, n);

		for (uint32_t i = 0; i < cc->list.n; i++)
			go_ast_inspect(cc->list.v[i], plain_fn, NULL, p);
		plain_list(&cc->body, p);
		return 0;
	}
	case GO_FUNC_LIT:
		/* a mention in a closure: counted in total only */
		return 1;
	case GO_IDENT:
		if (go_local_var(n) == p->v &&
		    !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF))
			p->total++;
		return 1;
	case GO_SELECTOR_EXPR: {
		struct go_selector_expr *se = GO_CAST(go_selector_expr, n);

		if (release_sel(se, p->v))
			p->bad = 1;
		if (go_local_var(se->x) == p->v)
			p->ok++;
		return 1;
	}
	case GO_RETURN_STMT: {
		struct go_return_stmt *rs = GO_CAST(go_return_stmt, n);

		for (uint32_t i = 0; i < rs->results.n; i++)
			if (go_local_var(rs->results.v[i]) == p->v)
				p->ok++;
		return 1;
	}
	case GO_BINARY_EXPR: {
		struct go_binary_expr *b = GO_CAST(go_binary_expr, n);

		if (go_local_var(b->x) == p->v)
			p->ok++;
		if (go_local_var(b->y) == p->v)
			p->ok++;
		return 1;
	}
	case GO_CALL_EXPR: {
		struct go_call_expr *c = GO_CAST(go_call_expr, n);

		if (go_local_var(c->fun) == p->v)
			p->bad = 1;   /* cancel(): released */
		/* all = append(all, v): kept in a slice, still ours; logFields(v):
		 * a package function that only reads it */
		for (uint32_t i = 0; i < c->args.n; i++)
			if (go_local_var(c->args.v[i]) == p->v &&
			    ((i >= 1 && go_is_universe(c->fun, "append")) ||
			     borrows(p->w, c, i)))
				p->ok++;
		return 1;
	}
	default:
		return 1;
	}
}

static void plain_list(const struct go_list *l, struct plain *p)
{
	for (uint32_t i = 0; i < l->n; i++)
		if (!(release_stmt(l->v[i], p->v) && release_then_return(l, i, p->v)))
			go_ast_inspect(l->v[i], plain_fn, NULL, p);
}

static int only_plain_uses(struct walk *w, struct go_block_stmt *body,
			   const struct go_ident *v)
{
	struct plain p = { w, v, 0, 0, 0 };

	go_ast_inspect((struct go_node *)body, plain_fn, NULL, &p);
	return !p.bad && p.ok == p.total;
}

static enum lint_result_kind var_result(struct walk *w, const struct go_node *e)
{
	struct defn d;
	enum lint_result_kind k;
	struct go_node *at;

	memset(&d, 0, sizeof(d));
	d.v = go_local_var(e);
	if (!d.v || d.v->decl_kind != GO_DECL_LOCAL)
		return LINT_RESULT_OTHER;
	go_ast_inspect((struct go_node *)w->self->fd->body, defn_fn, NULL, &d);
	if (d.n != 1 || !d.rhs)
		return LINT_RESULT_OTHER;
	k = call_result(w, d.rhs, d.pos);
	if (k != LINT_RESULT_CHAN && k != LINT_RESULT_OTHER &&
	    !only_plain_uses(w, w->self->fd->body, d.v))
		return LINT_RESULT_OTHER;
	if (k == LINT_RESULT_CHAN && unbuffered(d.rhs) &&
	    gen_uses_only(w->self->fd->body, d.v) &&
	    (at = generator_send(w->self->fd->body, d.v)) != NULL) {
		k = LINT_RESULT_GEN;
		if (!w->self->f.gen_send)
			w->self->f.gen_send = at;
	}
	return k;
}

struct rets {
	struct walk *w;
	enum lint_result_kind *res;
	int *seen;
	size_t n;
};

/* Is e a call of the function being summarised itself?  What such a
 * return gives is what the other returns give: it adds nothing. */
static int self_call(struct walk *w, const struct go_node *e)
{
	struct entry *ce;

	e = go_unparen(e);
	if (!e || e->kind != GO_CALL_EXPR)
		return 0;
	ce = callee_entry(w->st, GO_CAST(go_call_expr, e)->fun);
	return ce && ce == w->self;
}

static int rets_fn(struct go_node *n, void *ctx)
{
	struct rets *r = ctx;
	struct go_return_stmt *rs;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind != GO_RETURN_STMT)
		return 1;
	rs = GO_CAST(go_return_stmt, n);
	if (rs->results.n == 1 && r->n > 1 && self_call(r->w, rs->results.v[0]))
		return 1;
	for (size_t i = 0; i < r->n; i++) {
		enum lint_result_kind k;
		const struct go_node *e;

		if (rs->results.n == 1 && r->n > 1)
			k = call_result(r->w, rs->results.v[0], i);
		else if (rs->results.n == r->n) {
			e = rs->results.v[i];
			if (go_is_universe(e, "nil") || self_call(r->w, e))
				continue;
			k = go_unparen(e)->kind == GO_CALL_EXPR ?
				call_result(r->w, e, 0) : var_result(r->w, e);
		} else {
			k = LINT_RESULT_OTHER;   /* bare return with named results */
		}
		if (!r->seen[i]) {
			r->res[i] = k;
			r->seen[i] = 1;
		} else if (r->res[i] != k) {
			r->res[i] = LINT_RESULT_OTHER;
		}
	}
	return 1;
}

static size_t count_fields(const struct go_field_list *fl)
{
	size_t n = 0;

	for (uint32_t i = 0; fl && i < fl->list.n; i++) {
		const struct go_field *f = GO_CAST(go_field, fl->list.v[i]);

		n += f->names.n ? f->names.n : 1;
	}
	return n;
}

/* Collect the receiver's fields that the body names: r.f */
struct fcol {
	struct walk *w;
};

static void add_field(struct walk *w, const char *name)
{
	for (int i = 0; i < w->nslots; i++)
		if (w->fname[i] && !strcmp(w->fname[i], name))
			return;
	if (w->nslots < MAXSLOTS) {
		w->ids[w->nslots] = NULL;
		w->fname[w->nslots] = name;
		w->nslots++;
	}
}

static int fcol_fn(struct go_node *n, void *ctx)
{
	struct fcol *fc = ctx;
	struct walk *w = fc->w;
	struct go_selector_expr *se;

	if (n->kind != GO_SELECTOR_EXPR)
		return 1;
	se = GO_CAST(go_selector_expr, n);
	if (go_local_var(se->x) != w->recv)
		return 1;
	if (map_gets(&w->st->methods, se->sel->name)) {
		/* r.m: a method of the package, not a field; the fields it
		 * uses are ours too when it runs on our receiver */
		struct entry *e = callee_entry(w->st, n);
		const struct lint_facts *cf = e ? facts_get(w, e) : NULL;

		for (size_t j = 0; cf && j < cf->nfields; j++)
			add_field(w, cf->fields[j].name);
		return 1;
	}
	add_field(w, se->sel->name);
	return 1;
}

static int slot_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lint_fact_slot *)a)->name,
		      ((const struct lint_fact_slot *)b)->name);
}

static void compute(struct walk *w)
{
	struct lint_ctx *cx = w->cx;
	struct entry *e = w->self;
	struct go_func_decl *fd = e->fd;
	struct lint_facts *f = &e->f;
	unsigned exit[MAXSLOTS];
	struct state s;
	int np = 0, ri = -1, nf;
	struct fcol fc = { w };
	struct rets r;

	f->decl = fd;
	f->file = e->file;
	if (!f->name) {
		const char *t = recv_type_name(fd);

		f->name = t ? arena_printf(cx->arena, "%s.%s", t, fd->name->name)
			    : fd->name->name;
	}
	/* slots: parameters, the receiver, its fields */
	for (uint32_t j = 0; fd->type->params && j < fd->type->params->list.n; j++) {
		struct go_field *pf = GO_CAST(go_field, fd->type->params->list.v[j]);

		if (!pf->names.n && w->nslots < MAXSLOTS) {
			w->ids[w->nslots] = NULL;
			w->fname[w->nslots++] = NULL;
		}
		for (uint32_t k = 0; k < pf->names.n && w->nslots < MAXSLOTS; k++) {
			w->ids[w->nslots] = GO_CAST(go_ident, pf->names.v[k]);
			w->fname[w->nslots++] = NULL;
		}
	}
	np = w->nslots;
	if (fd->recv && fd->recv->list.n) {
		struct go_field *rf = GO_CAST(go_field, fd->recv->list.v[0]);

		if (rf->names.n) {
			w->recv = GO_CAST(go_ident, rf->names.v[0]);
			if (!strcmp(w->recv->name, "_"))
				w->recv = NULL;
		}
		if (w->recv && w->nslots < MAXSLOTS) {
			ri = w->nslots;
			w->ids[w->nslots] = w->recv;
			w->fname[w->nslots++] = NULL;
			go_ast_inspect((struct go_node *)fd->body, fcol_fn, NULL, &fc);
		}
	}
	memset(&s, 0, sizeof(s));
	for (int i = 0; i < w->nslots; i++)
		exit[i] = ALLOPS;
	w->exit = exit;
	walk_list(w, &s, &fd->body->list);
	if (!s.dead)
		exit_here(w, &s);
	if (!w->nexits)
		for (int i = 0; i < w->nslots; i++)
			exit[i] = 0;   /* never returns normally: claim nothing */
	/* fill */
	f->nparams = (size_t)np;
	if (!f->params)
		f->params = arena_new_array(cx->arena, struct lint_fact_slot,
					    np ? (size_t)np : 1);
	for (int i = 0; i < np; i++) {
		f->params[i].name = w->ids[i] ? w->ids[i]->name : "_";
		f->params[i].some = w->some[i];
		f->params[i].all = w->partial ? 0 : exit[i] & w->some[i];
		f->params[i].go = w->go[i];
	}
	memset(&f->recv, 0, sizeof(f->recv));
	if (ri >= 0) {
		f->recv.name = w->recv->name;
		f->recv.some = w->some[ri];
		f->recv.all = w->partial ? 0 : exit[ri] & w->some[ri];
		f->recv.go = w->go[ri];
	}
	nf = ri >= 0 ? w->nslots - ri - 1 : 0;
	if (!f->fields || f->nfields != (size_t)nf)
		f->fields = arena_new_array(cx->arena, struct lint_fact_slot,
					    nf ? (size_t)nf : 1);
	f->nfields = (size_t)nf;
	for (int i = 0; i < nf; i++) {
		int k = ri + 1 + i;

		f->fields[i].name = w->fname[k];
		f->fields[i].some = w->some[k];
		f->fields[i].all = w->partial ? 0 : exit[k] & w->some[k];
		f->fields[i].go = w->go[k];
	}
	if (nf > 1)
		qsort(f->fields, (size_t)nf, sizeof(*f->fields), slot_cmp);
	f->partial = w->partial;
	/* results */
	f->nresults = count_fields(fd->type->results);
	if (!f->results)
		f->results = arena_new_array(cx->arena, enum lint_result_kind,
					     f->nresults ? f->nresults : 1);
	memset(f->results, 0, sizeof(*f->results) * f->nresults);
	if (f->nresults) {
		int *seen = calloc(f->nresults, sizeof(int));

		r.w = w;
		r.res = f->results;
		r.seen = seen;
		r.n = f->nresults;
		if (seen)
			go_ast_inspect((struct go_node *)fd->body, rets_fn, NULL, &r);
		free(seen);
	}
	f->rounds++;
}

static int same_facts(const struct lint_facts *a, const struct lint_facts *b)
{
	if (a->nparams != b->nparams || a->nfields != b->nfields ||
	    a->nresults != b->nresults || a->partial != b->partial)
		return 0;
	if (memcmp(&a->recv.all, &b->recv.all, 3 * sizeof(unsigned)))
		return 0;
	for (size_t i = 0; i < a->nparams; i++)
		if (a->params[i].all != b->params[i].all ||
		    a->params[i].some != b->params[i].some ||
		    a->params[i].go != b->params[i].go)
			return 0;
	for (size_t i = 0; i < a->nfields; i++)
		if (a->fields[i].all != b->fields[i].all ||
		    a->fields[i].some != b->fields[i].some ||
		    a->fields[i].go != b->fields[i].go)
			return 0;
	for (size_t i = 0; i < a->nresults; i++)
		if (a->results[i] != b->results[i])
			return 0;
	return 1;
}

static void run_one(struct lint_ctx *cx, struct store *st, struct entry *e)
{
	struct walk *w = calloc(1, sizeof(*w));

	if (!w)
		return;
	w->cx = cx;
	w->st = st;
	w->self = e;
	compute(w);
	if (w->cyclic)
		e->cyclic = 1;
	free(w);
}

static const struct lint_facts *facts_get(struct walk *w, struct entry *e)
{
	if (e->state == 1) {
		w->cyclic = 1;   /* in a cycle: use what it has so far */
		return e->f.rounds ? &e->f : NULL;
	}
	if (e->state == 0) {
		e->state = 1;
		w->st->depth++;
		run_one(w->cx, w->st, e);
		w->st->depth--;
		e->state = 2;
	}
	if (e->cyclic)
		w->cyclic = 1;   /* its facts may still change: so may ours */
	return &e->f;
}

/* Recompute the functions of call-graph cycles until nothing changes. */
static void settle(struct lint_ctx *cx, struct store *st)
{
	for (int round = 1; round < LINT_FACTS_ROUNDS; round++) {
		int changed = 0;

		for (size_t i = 0; i < st->n; i++) {
			struct entry *e = st->all[i];
			struct lint_facts old;
			struct lint_fact_slot ps[64], fs[64];
			enum lint_result_kind rs[16];

			if (!e->cyclic || e->state != 2)
				continue;
			old = e->f;
			if (old.nparams > 64 || old.nfields > 64 || old.nresults > 16) {
				e->cyclic = 0;
				continue;
			}
			memcpy(ps, old.params, old.nparams * sizeof(*ps));
			memcpy(fs, old.fields, old.nfields * sizeof(*fs));
			memcpy(rs, old.results, old.nresults * sizeof(*rs));
			old.params = ps;
			old.fields = fs;
			old.results = rs;
			e->state = 1;
			run_one(cx, st, e);
			e->state = 2;
			if (!same_facts(&old, &e->f))
				changed = 1;
		}
		if (!changed)
			break;
	}
}

const struct lint_facts *lint_facts_of(struct lint_ctx *cx,
				       struct go_func_decl *fd)
{
	struct store *st = store_of(cx);
	struct entry *e = entry_of_decl(st, fd);

	if (!e)
		return NULL;
	if (e->state == 0) {
		e->state = 1;
		st->depth++;
		run_one(cx, st, e);
		st->depth--;
		e->state = 2;
		if (!st->depth)
			settle(cx, st);
	}
	return &e->f;
}

const struct lint_facts *lint_facts_callee(struct lint_ctx *cx,
					   const struct go_node *fun)
{
	struct store *st = store_of(cx);
	struct entry *e = callee_entry(st, fun);

	if (!e)
		return NULL;
	if (e->state == 1)
		return e->f.rounds ? &e->f : NULL;
	return lint_facts_of(cx, e->fd);
}

const struct go_func_decl *lint_facts_callee_decl(struct lint_ctx *cx,
						  const struct go_node *fun)
{
	struct entry *e = callee_entry(store_of(cx), fun);

	return e ? e->fd : NULL;
}

const struct lint_summary *lint_facts_summary(struct lint_ctx *cx,
					      const struct go_node *fun)
{
	struct store *st = store_of(cx);
	struct entry *e = callee_entry(st, fun);
	const struct lint_facts *f;

	if (!e || e->state == 1)
		return e && e->f.rounds ? &e->sum : NULL;
	if (!(f = lint_facts_of(cx, e->fd)))
		return NULL;
	memset(&e->sum, 0, sizeof(e->sum));
	for (size_t i = 0; i < f->nparams && i < 32; i++)
		if ((f->params[i].some | f->params[i].go) & LINT_OP_RELEASE)
			e->sum.closes |= 1u << i;
	e->sum.stops = e->sum.calls = e->sum.closes;
	return &e->sum;
}

int lint_facts_borrows(struct lint_ctx *cx, const struct go_call_expr *c,
		       uint32_t i)
{
	const struct go_node *fun = go_unparen(c->fun);

	/* package functions only: a method found by its name alone might be
	 * another type's */
	return fun && fun->kind == GO_IDENT &&
		borrow_facts(lint_facts_callee(cx, fun), c, i);
}

const struct lint_fact_slot *lint_facts_field(const struct lint_facts *f,
					      const char *name)
{
	for (size_t i = 0; f && i < f->nfields; i++)
		if (!strcmp(f->fields[i].name, name))
			return &f->fields[i];
	return NULL;
}

/* ---------- function values ---------- */

struct bind {
	const struct go_ident *v;
	struct go_node *rhs;
	int n;
};

static int bind_fn(struct go_node *n, void *ctx)
{
	struct bind *b = ctx;

	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < as->lhs.n; i++)
			if (go_local_var(as->lhs.v[i]) == b->v) {
				b->n++;
				b->rhs = as->lhs.n == as->rhs.n ? as->rhs.v[i] : NULL;
			}
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n; i++)
			if (GO_CAST(go_ident, vs->names.v[i]) == b->v) {
				b->n++;
				b->rhs = vs->names.n == vs->values.n ? vs->values.v[i] : NULL;
			}
	} else if (n->kind == GO_UNARY_EXPR &&
		   GO_CAST(go_unary_expr, n)->op == GO_TOK_AND &&
		   go_local_var(GO_CAST(go_unary_expr, n)->x) == b->v) {
		b->n += 2;   /* &f: may be assigned through the pointer */
	}
	return 1;
}

/* The one function literal every return of helper fd gives, or NULL. */
struct litret {
	struct go_func_lit *lit;
	int bad;
};

static int litret_fn(struct go_node *n, void *ctx)
{
	struct litret *lr = ctx;
	struct go_return_stmt *rs;
	struct go_node *x;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind != GO_RETURN_STMT)
		return 1;
	rs = GO_CAST(go_return_stmt, n);
	x = rs->results.n == 1 ? go_unparen(rs->results.v[0]) : NULL;
	if (!x || x->kind != GO_FUNC_LIT || (lr->lit && lr->lit != GO_CAST(go_func_lit, x)))
		lr->bad = 1;
	else
		lr->lit = GO_CAST(go_func_lit, x);
	return 1;
}

static int decl_value(struct lint_ctx *cx, const struct go_node *fun,
		      struct lint_func_value *out)
{
	struct entry *e = callee_entry(store_of(cx), fun);

	if (!e)
		return 0;
	out->file = e->file;
	out->type = e->fd->type;
	out->body = e->fd->body;
	out->name = e->fd->name->name;
	out->decl = e->fd;
	return 1;
}

int lint_facts_func_value(struct lint_ctx *cx, const struct go_file *file,
			  struct go_block_stmt *scope, const struct go_node *fun,
			  struct lint_func_value *out)
{
	struct bind b;
	struct go_node *rhs;

	memset(out, 0, sizeof(*out));
	memset(&b, 0, sizeof(b));
	b.v = go_local_var(fun);
	if (!b.v || b.v->decl_kind != GO_DECL_LOCAL || !scope)
		return 0;
	go_ast_inspect((struct go_node *)scope, bind_fn, NULL, &b);
	if (b.n != 1 || !(rhs = go_unparen(b.rhs)))
		return 0;
	if (rhs->kind == GO_FUNC_LIT) {
		out->file = file;
		out->type = GO_CAST(go_func_lit, rhs)->type;
		out->body = GO_CAST(go_func_lit, rhs)->body;
		out->name = b.v->name;
		out->lit = GO_CAST(go_func_lit, rhs);
		return out->body != NULL;
	}
	if (rhs->kind == GO_IDENT || rhs->kind == GO_SELECTOR_EXPR) {
		if (!decl_value(cx, rhs, out))
			return 0;
		out->name = b.v->name;
		return 1;
	}
	if (rhs->kind == GO_CALL_EXPR) {
		struct lint_func_value h;
		struct litret lr = { NULL, 0 };

		if (!decl_value(cx, GO_CAST(go_call_expr, rhs)->fun, &h) || !h.body)
			return 0;
		go_ast_inspect((struct go_node *)h.body, litret_fn, NULL, &lr);
		if (lr.bad || !lr.lit || !lr.lit->body)
			return 0;
		out->file = h.file;
		out->type = lr.lit->type;
		out->body = lr.lit->body;
		out->name = b.v->name;
		out->lit = lr.lit;
		return 1;
	}
	return 0;
}

void lint_facts_release(struct lint_ctx *cx)
{
	struct store *st = cx->facts;

	if (!st)
		return;
	map_release(&st->bydecl);
	map_release(&st->methods);
	map_release(&st->byfd);
	cx->facts = NULL;
}
