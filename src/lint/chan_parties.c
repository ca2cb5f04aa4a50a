/*
 * chan_parties: pass 1 of the channel analysis (chan_int.h): every mention
 * of the channel must be an operation of the starting function, of a
 * goroutine it starts (a literal, a same-package function or method, a
 * closure in a variable), of a deferred literal or of a same-package
 * callee; anything else is an escape and the analysis stays silent.
 */
#include "chan_int.h"
#include "facts.h"
#include "../base/sb.h"

#include <stdlib.h>
#include <string.h>

/* ---------- small syntax helpers ---------- */


int chan_terminating(const struct go_node *x)
{
	const struct go_call_expr *c;
	const struct go_node *f;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return TERM_NONE;
	c = GO_CAST(go_call_expr, x);
	f = go_unparen(c->fun);
	if (go_is_universe(f, "panic"))
		return TERM_PANIC;
	if (go_is_pkg_member(f, "os", "Exit") ||
	    go_is_pkg_member(f, "runtime", "Goexit") ||
	    go_is_pkg_member(f, "log", "Fatal") ||
	    go_is_pkg_member(f, "log", "Fatalf") ||
	    go_is_pkg_member(f, "log", "Fatalln") ||
	    go_is_pkg_member(f, "log", "Panic") ||
	    go_is_pkg_member(f, "log", "Panicf") ||
	    go_is_pkg_member(f, "log", "Panicln"))
		return TERM_DEAD;
	if (f && f->kind == GO_SELECTOR_EXPR) {
		const char *m = GO_CAST(go_selector_expr, f)->sel->name;

		if ((!strcmp(m, "Fatal") || !strcmp(m, "Fatalf") ||
		     !strcmp(m, "FailNow") || !strcmp(m, "Skip") ||
		     !strcmp(m, "Skipf") || !strcmp(m, "SkipNow")) &&
		    go_local_var(GO_CAST(go_selector_expr, f)->x))
			return TERM_DEAD;
	}
	return TERM_NONE;
}

/* Source text of n without blanks (a key comparing loop counts). */
const char *chan_text_of(struct lint_ctx *cx, const struct go_file *f,
			 const struct go_node *n)
{
	char *s, *d, *p;

	if (!n || n->end <= n->off || n->end > f->size || n->end - n->off > 200)
		return NULL;
	s = arena_strndup(cx->arena, f->src + n->off, n->end - n->off);
	for (d = p = s; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			*d++ = *p;
	*d = '\0';
	return *s ? s : NULL;
}


/* ---------- same-package callees ---------- */

/* The name of a method's receiver type (T of `func (r *T[P]) m()`). */
static const char *recv_type(const struct go_func_decl *fd)
{
	const struct go_node *t;

	if (!fd->recv || fd->recv->list.n != 1)
		return NULL;
	t = go_unparen(GO_CAST(go_field, fd->recv->list.v[0])->type);
	if (t && t->kind == GO_STAR_EXPR)
		t = go_unparen(GO_CAST(go_star_expr, t)->x);
	if (t && t->kind == GO_INDEX_EXPR)
		t = GO_CAST(go_index_expr, t)->x;
	if (t && t->kind == GO_INDEX_LIST_EXPR)
		t = GO_CAST(go_index_list_expr, t)->x;
	return t && t->kind == GO_IDENT ? GO_CAST(go_ident, t)->name : NULL;
}

/* r.m() where r is the receiver of a method of the package and several
 * types of the package declare m: the method m of r's type, or NULL. */
static struct go_func_decl *by_recv_type(struct lint_ctx *cx,
					 const struct go_selector_expr *se,
					 const struct go_file **file)
{
	const struct go_ident *v = go_local_var(se->x);
	const char *type = NULL;
	struct go_func_decl *found = NULL;
	int nfound = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < cx->pkg->nfiles; i++) {
			struct go_file *f = cx->pkg->files[i];

			for (uint32_t j = 0; j < f->decls.n; j++) {
				struct go_func_decl *fd;
				struct go_field *rf;

				if (f->decls.v[j]->kind != GO_FUNC_DECL)
					continue;
				fd = GO_CAST(go_func_decl, f->decls.v[j]);
				if (!fd->recv || fd->recv->list.n != 1)
					continue;
				if (pass == 0) {
					rf = GO_CAST(go_field, fd->recv->list.v[0]);
					if (rf->names.n == 1 && rf->names.v[0] ==
					    (const struct go_node *)v)
						type = recv_type(fd);
				} else if (fd->name && fd->body && type &&
					   !strcmp(fd->name->name, se->sel->name) &&
					   recv_type(fd) &&
					   !strcmp(recv_type(fd), type)) {
					found = fd;
					*file = f;
					nfound++;
				}
			}
			if (pass == 0 && !type && i + 1 == cx->pkg->nfiles)
				return NULL;
		}
	return nfound == 1 ? found : NULL;
}

struct go_func_decl *chan_find_func(struct lint_ctx *cx,
				    const struct go_node *fun,
				    const struct go_file **file)
{
	struct go_func_decl *found = NULL;
	const char *name = NULL;
	const struct go_ident *decl = NULL;
	int nfound = 0;

	fun = go_unparen(fun);
	if (!fun)
		return NULL;
	if (fun->kind == GO_IDENT) {
		const struct go_ident *id = GO_CAST(go_ident, fun);

		if (id->decl_kind != GO_DECL_PACKAGE || !id->decl)
			return NULL;
		decl = id->decl;
	} else if (fun->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, fun);

		/* a method called on a local value: matched by name when the
		 * package has exactly one method of that name */
		if (!go_local_var(se->x))
			return NULL;
		name = se->sel->name;
	} else {
		return NULL;
	}
	for (size_t i = 0; i < cx->pkg->nfiles; i++) {
		struct go_file *f = cx->pkg->files[i];

		for (uint32_t j = 0; j < f->decls.n; j++) {
			struct go_func_decl *fd;

			if (f->decls.v[j]->kind != GO_FUNC_DECL)
				continue;
			fd = GO_CAST(go_func_decl, f->decls.v[j]);
			if (!fd->name || !fd->body)
				continue;
			if (decl ? (!fd->recv && fd->name == decl)
				 : (fd->recv && !strcmp(fd->name->name, name))) {
				found = fd;
				*file = f;
				nfound++;
			}
		}
	}
	if (nfound > 1 && name)
		return by_recv_type(cx, GO_CAST(go_selector_expr, fun), file);
	return nfound == 1 ? found : NULL;
}

/* Parameter i of a function type, or NULL (variadic, out of range). */
static struct go_ident *param_at(const struct go_func_type *t, uint32_t i)
{
	uint32_t idx = 0;

	if (!t || !t->params)
		return NULL;
	for (uint32_t j = 0; j < t->params->list.n; j++) {
		struct go_field *pf = GO_CAST(go_field, t->params->list.v[j]);
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

/* A same-package callee as start_goroutine and sync_helper use it: a
 * declared function or method (find_func), or a local variable bound once
 * to a function literal, a method value or a helper's returned literal
 * (lint_facts_func_value).  Returns its body and fills the rest. */
static struct go_block_stmt *callee_of(struct an *a, const struct go_node *fun,
				       struct go_func_type **type,
				       const struct go_file **file,
				       const char **name)
{
	struct go_func_decl *fd = chan_find_func(a->cx, fun, file);
	struct lint_func_value v;

	if (fd) {
		*type = fd->type;
		*name = fd->name->name;
		return fd->body;
	}
	if (!lint_facts_func_value(a->cx, a->fn->file, a->fn->body, fun, &v))
		return NULL;
	*type = v.type;
	*file = v.file;
	*name = v.name;
	return v.body;
}

/* `func() { ... }()` as a statement, with no arguments and no return in
 * its body: it runs in place, as a block of the function it is in (a
 * goroutine body counts its operations as its own).  NULL otherwise. */
static int has_ret_fn(struct go_node *n, void *ctx)
{
	int *found = ctx;

	if (n->kind == GO_RETURN_STMT || n->kind == GO_DEFER_STMT ||
	    n->kind == GO_GO_STMT)
		*found = 1;
	return !*found && n->kind != GO_FUNC_LIT;
}

struct go_func_lit *chan_inline_lit(const struct go_node *x)
{
	const struct go_call_expr *c;
	struct go_node *fun;
	struct go_func_lit *lit;
	int found = 0;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return NULL;
	c = GO_CAST(go_call_expr, x);
	fun = go_unparen(c->fun);
	if (c->args.n || !fun || fun->kind != GO_FUNC_LIT)
		return NULL;
	lit = GO_CAST(go_func_lit, fun);
	if (!lit->body)
		return NULL;
	for (uint32_t i = 0; i < lit->body->list.n; i++)
		go_ast_inspect(lit->body->list.v[i], has_ret_fn, NULL, &found);
	return found ? NULL : lit;
}

/* `defer cleanup()` where cleanup is a local variable bound once to a
 * function literal and named nowhere else: the literal runs when the
 * function returns, like `defer func() {...}()`.  Its literal, or NULL. */
struct mentions {
	const struct go_ident *v;
	int n;
};

static int mentions_fn(struct go_node *n, void *ctx)
{
	struct mentions *m = ctx;

	if (n->kind == GO_IDENT && go_local_var(n) == m->v &&
	    !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF))
		m->n++;
	return 1;
}

struct go_func_lit *chan_deferred_var_lit(struct lint_ctx *cx,
					  const struct lint_func *fn,
					  const struct go_node *call)
{
	const struct go_call_expr *c;
	struct lint_func_value v;
	struct mentions m;

	call = go_unparen(call);
	if (!call || call->kind != GO_CALL_EXPR)
		return NULL;
	c = GO_CAST(go_call_expr, call);
	if (c->args.n || !(m.v = go_local_var(c->fun)))
		return NULL;
	if (!lint_facts_func_value(cx, fn->file, fn->body, c->fun, &v) || !v.lit)
		return NULL;
	m.n = 0;
	go_ast_inspect((struct go_node *)fn->body, mentions_fn, NULL, &m);
	return m.n == 1 ? v.lit : NULL;
}

/* ---------- same-package send helpers ---------- */

/* The callee's one plain send on parameter p: p is named once, as the
 * channel of a send statement that no loop, select, go, defer or function
 * literal of the callee holds. */
struct sendscan {
	const struct go_ident *p;
	int depth;                /* loops, selects, literals, go, defer */
	int mentions;
	struct go_node *send;
	int bad;
};

static int holds_send(const struct go_node *n)
{
	return n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
		n->kind == GO_SELECT_STMT || n->kind == GO_FUNC_LIT ||
		n->kind == GO_GO_STMT || n->kind == GO_DEFER_STMT;
}

static int sendscan_pre(struct go_node *n, void *ctx)
{
	struct sendscan *s = ctx;

	if (holds_send(n))
		s->depth++;
	if (n->kind == GO_BRANCH_STMT &&
	    GO_CAST(go_branch_stmt, n)->tok == GO_TOK_GOTO)
		s->bad = 1;
	if (n->kind == GO_IDENT && go_local_var(n) == s->p &&
	    !(GO_CAST(go_ident, n)->decl_flags & GO_RESOLVE_DEF))
		s->mentions++;
	if (n->kind == GO_SEND_STMT &&
	    go_local_var(GO_CAST(go_send_stmt, n)->chan) == s->p) {
		if (s->depth || s->send)
			s->bad = 1;
		s->send = n;
	}
	return !s->bad;
}

static void sendscan_post(struct go_node *n, void *ctx)
{
	struct sendscan *s = ctx;

	if (holds_send(n))
		s->depth--;
}

struct go_node *chan_send_via(struct lint_ctx *cx, const struct go_call_expr *ce,
			      struct go_ident *const *al, int nal,
			      const struct go_file **file, int *every)
{
	const struct go_file *hf = NULL;
	const struct lint_facts *f;
	struct go_func_decl *fd;
	struct sendscan s;
	struct go_ident *p;
	unsigned some;
	uint32_t at = 0;
	int n = 0;

	for (uint32_t i = 0; i < ce->args.n; i++)
		if (in_set(al, nal, ce->args.v[i])) {
			at = i;
			n++;
		}
	if (n != 1 || ce->ellipsis != GO_NOPOS)
		return NULL;
	fd = chan_find_func(cx, ce->fun, &hf);
	if (!fd || !(p = param_at(fd->type, at)))
		return NULL;
	f = lint_facts_of(cx, fd);
	if (!f || at >= f->nparams)
		return NULL;
	some = f->params[at].some | f->params[at].go;
	if (some != LINT_OP_SEND)
		return NULL;
	memset(&s, 0, sizeof(s));
	s.p = p;
	go_ast_inspect((struct go_node *)fd->body, sendscan_pre, sendscan_post, &s);
	if (s.bad || !s.send || s.mentions != 1)
		return NULL;
	if (file)
		*file = hf;
	if (every)
		*every = !f->partial && (f->params[at].all & LINT_OP_SEND);
	return s.send;
}

/* ---------- pass 1: who touches the channel ---------- */


static void note_op(struct cls *c, int reg, unsigned op)
{
	struct an *a = c->a;

	if (c->nreg && c->regsend[c->nreg - 1] && op != OP_SEND) {
		a->escape = 1;
		return;
	}
	if (reg == REG_PARENT) {
		a->pops |= op;
	} else if (reg == REG_DEFER) {
		if (op == OP_CLOSE)
			a->pops |= OP_DCLOSE;
		else
			a->escape = 1;
	} else if (reg == REG_OTHER) {
		a->escape = 1;
	} else {
		a->g[reg].ops |= op;
	}
}

static void classify_helper(struct an *a, struct gor *g);

static void start_goroutine(struct cls *c, struct go_go_stmt *gs)
{
	struct an *a = c->a;
	struct go_call_expr *call;
	struct go_node *fun;
	struct gor *g;

	if (!gs->call || gs->call->kind != GO_CALL_EXPR)
		return;
	call = GO_CAST(go_call_expr, gs->call);
	fun = go_unparen(call->fun);
	if (fun && fun->kind == GO_FUNC_LIT) {
		struct go_func_lit *lit = GO_CAST(go_func_lit, fun);

		if (a->ng == MAXG || c->nlit == MAXG * 2) {
			a->escape = 1;
			return;
		}
		g = &a->g[a->ng];
		memset(g, 0, sizeof(*g));
		g->go = gs;
		g->file = a->file;
		g->body = lit->body;
		c->lit[c->nlit] = fun;
		c->litreg[c->nlit++] = a->ng;
		a->ng++;
		for (uint32_t i = 0; i < call->args.n; i++)
			if (in_set(a->al, a->nal, call->args.v[i])) {
				struct go_ident *p = param_at(lit->type, i);

				if (!p || a->nal == MAXAL) {
					a->escape = 1;
					continue;
				}
				a->al[a->nal++] = p;
				c->accounted++;
			}
		for (uint32_t i = 0; a->ctxmode && i < call->args.n; i++)
			if (in_set(a->qal, a->nqal, call->args.v[i])) {
				struct go_ident *p = param_at(lit->type, i);

				if (p && a->nqal < MAXAL)
					a->qal[a->nqal++] = p;
			}
		/* inside the literal the names of the channel are the
		 * captured variable and the parameters bound to it */
		memcpy(g->al, a->al, sizeof(g->al));
		g->nal = a->nal;
		memcpy(g->qal, a->qal, sizeof(g->qal));
		g->nqal = a->nqal;
		g->ctxmode = a->ctxmode;
		return;
	}
	for (uint32_t i = 0; a->ctxmode && i < call->args.n; i++) {
		const struct go_file *hf = NULL;
		struct go_func_decl *fd;
		struct go_ident *p;

		if (!in_set(a->qal, a->nqal, call->args.v[i]))
			continue;
		fd = chan_find_func(a->cx, fun, &hf);
		p = fd ? param_at(fd->type, i) : NULL;
		if (!p || a->ng == MAXG)
			return;
		g = &a->g[a->ng++];
		memset(g, 0, sizeof(*g));
		g->go = gs;
		g->file = hf;
		g->body = fd->body;
		g->qal[0] = p;
		g->nqal = 1;
		g->ctxmode = 1;
		g->helper = fd->name->name;
		g->ops = OP_RECV;
		return;
	}
	for (uint32_t i = 0; i < call->args.n; i++) {
		const struct go_file *hf = NULL;
		struct go_func_type *ft = NULL;
		struct go_block_stmt *body;
		const char *name = NULL;
		struct go_ident *p;

		if (!in_set(a->al, a->nal, call->args.v[i]))
			continue;
		body = callee_of(a, fun, &ft, &hf, &name);
		p = body ? param_at(ft, i) : NULL;
		if (!p || a->ng == MAXG) {
			a->escape = 1;
			return;
		}
		g = &a->g[a->ng++];
		memset(g, 0, sizeof(*g));
		g->go = gs;
		g->file = hf;
		g->body = body;
		g->al[0] = p;
		g->nal = 1;
		g->helper = name;
		g->byname = fun->kind == GO_SELECTOR_EXPR;
		c->accounted++;
		classify_helper(a, g);
	}
}

/* A call in the starting function that passes the channel to a
 * same-package function: its body is analysed like a goroutine's, and its
 * operations count as the starter's own. */
static void sync_helper(struct cls *c, struct go_call_expr *ce)
{
	struct an *a = c->a;
	struct go_node *fun = go_unparen(ce->fun);

	if (!fun || (fun->kind == GO_IDENT &&
		     GO_CAST(go_ident, fun)->decl_kind == GO_DECL_UNIVERSE))
		return;
	for (uint32_t i = 0; i < ce->args.n; i++) {
		const struct go_file *hf = NULL;
		struct go_func_type *ft = NULL;
		struct go_block_stmt *body;
		const char *name = NULL;
		struct go_ident *p;
		struct gor *g;

		if (!in_set(a->al, a->nal, ce->args.v[i]))
			continue;
		body = callee_of(a, fun, &ft, &hf, &name);
		p = body ? param_at(ft, i) : NULL;
		if (!p || a->ng == MAXG)
			return;   /* unaccounted: the channel escapes */
		g = &a->g[a->ng++];
		memset(g, 0, sizeof(*g));
		g->sync_call = ce;
		g->file = hf;
		g->body = body;
		g->al[0] = p;
		g->nal = 1;
		g->helper = name;
		c->accounted++;
		classify_helper(a, g);
	}
}


/* `go func(...) {...}(args)` where no argument names the channel: the
 * literal, or NULL. */
struct go_func_lit *chan_go_lit(const struct go_node *call,
				struct go_ident *const *al, int nal)
{
	const struct go_call_expr *ce;
	struct go_node *fun;

	if (!call || call->kind != GO_CALL_EXPR)
		return NULL;
	ce = GO_CAST(go_call_expr, call);
	fun = go_unparen(ce->fun);
	if (!fun || fun->kind != GO_FUNC_LIT || !GO_CAST(go_func_lit, fun)->body)
		return NULL;
	for (uint32_t i = 0; i < ce->args.n; i++)
		if (in_set(al, nal, ce->args.v[i]))
			return NULL;
	return GO_CAST(go_func_lit, fun);
}

static struct go_func_lit *nested_go_lit(struct cls *c, const struct go_node *call)
{
	return c->a->ctxmode ? NULL : chan_go_lit(call, c->al, *c->nal);
}

int chan_dvscan_fn(struct go_node *n, void *ctx)
{
	struct dvscan *d = ctx;
	struct go_func_lit *lit;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_DEFER_STMT && d->c->nlit < MAXG * 2 &&
	    (lit = chan_deferred_var_lit(d->cx, d->fn, GO_CAST(go_defer_stmt, n)->call))) {
		d->c->lit[d->c->nlit] = (struct go_node *)lit;
		d->c->litreg[d->c->nlit++] = REG_DEFER;
	}
	return 1;
}

int chan_cls_pre(struct go_node *n, void *ctx)
{
	struct cls *c = ctx;
	struct an *a = c->a;
	int reg = c->nreg ? c->reg[c->nreg - 1] : c->base;

	switch ((enum go_kind)n->kind) {
	case GO_FUNC_LIT: {
		int r = REG_OTHER, snd = 0;

		for (int i = 0; i < c->nlit; i++)
			if (c->lit[i] == n) {
				r = c->litreg[i];
				snd = c->litsend[i];
			}
		if (c->nreg == 128) {
			a->escape = 1;
			return 0;
		}
		c->regsend[c->nreg] = (unsigned char)snd;
		c->reg[c->nreg++] = r;
		return 1;
	}
	case GO_GO_STMT:
		if (reg >= 0) {
			struct go_node *call = GO_CAST(go_go_stmt, n)->call;
			struct go_func_lit *nl = nested_go_lit(c, call);

			c->gdcall = call;
			/* a literal a goroutine starts: its sends are that
			 * goroutine's (chan_goroutine.c counts them) */
			if (nl && c->nlit < MAXG * 2) {
				c->lit[c->nlit] = (struct go_node *)nl;
				c->litsend[c->nlit] = 1;
				c->litreg[c->nlit++] = reg;
			}
		}
		if (reg == REG_PARENT) {
			c->gocall = GO_CAST(go_go_stmt, n)->call;
			start_goroutine(c, GO_CAST(go_go_stmt, n));
		}
		return 1;
	case GO_DEFER_STMT:
		if (reg >= 0)
			c->gdcall = GO_CAST(go_defer_stmt, n)->call;
		if (reg == REG_PARENT) {
			struct go_node *call = GO_CAST(go_defer_stmt, n)->call;
			struct go_node *fun;

			if (!call || call->kind != GO_CALL_EXPR)
				return 1;
			fun = go_unparen(GO_CAST(go_call_expr, call)->fun);
			if (fun && fun->kind == GO_FUNC_LIT && c->nlit < MAXG * 2) {
				c->lit[c->nlit] = fun;
				c->litreg[c->nlit++] = REG_DEFER;
			} else {
				c->dcall = call;
			}
		}
		return 1;
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		/* d := c in the starting function: d is one more name */
		if (reg == REG_PARENT && c->al == a->al && as->tok == GO_TOK_DEFINE &&
		    as->lhs.n == 1 && as->rhs.n == 1 &&
		    as->lhs.v[0]->kind == GO_IDENT &&
		    in_set(a->al, a->nal, as->rhs.v[0]) && a->nal < MAXAL) {
			a->al[a->nal++] = GO_CAST(go_ident, as->lhs.v[0]);
			c->accounted++;
		}
		return 1;
	}
	case GO_SEND_STMT:
		if (in_set(c->al, *c->nal, GO_CAST(go_send_stmt, n)->chan)) {
			note_op(c, reg, OP_SEND);
			c->accounted++;
		}
		return 1;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
		    in_set(c->al, *c->nal, GO_CAST(go_unary_expr, n)->x)) {
			note_op(c, reg, OP_RECV);
			c->accounted++;
		}
		return 1;
	case GO_RANGE_STMT:
		if (in_set(c->al, *c->nal, GO_CAST(go_range_stmt, n)->x)) {
			note_op(c, reg, OP_RANGE);
			c->accounted++;
		}
		return 1;
	case GO_CALL_EXPR: {
		struct go_call_expr *ce = GO_CAST(go_call_expr, n);
		struct go_func_lit *il;

		/* a literal run in place inside a goroutine is part of it */
		if (reg >= 0 && n != c->gocall && n != c->dcall &&
		    (il = chan_inline_lit(n)) && c->nlit < MAXG * 2) {
			c->lit[c->nlit] = (struct go_node *)il;
			c->litsend[c->nlit] = c->nreg && c->regsend[c->nreg - 1];
			c->litreg[c->nlit++] = reg;
		}
		if (a->ctxmode && ce->args.n <= 1 && in_set(c->al, *c->nal, ce->fun)) {
			if (n == c->dcall && reg == REG_PARENT)
				a->pops |= OP_DCLOSE;
			else
				note_op(c, reg, OP_CLOSE);
			c->accounted++;
			return 1;
		}
		if (reg == REG_PARENT && !a->ctxmode && n != c->gocall &&
		    n != c->dcall && c->al == a->al)
			sync_helper(c, ce);
		/* in a goroutine: a same-package helper that only sends */
		if (reg >= 0 && !a->ctxmode && n != c->gdcall &&
		    chan_send_via(a->cx, ce, c->al, *c->nal, NULL, NULL)) {
			note_op(c, reg, OP_SEND);
			c->accounted++;
			return 1;
		}
		if (ce->args.n != 1 || !in_set(c->al, *c->nal, ce->args.v[0]))
			return 1;
		if (go_is_universe(ce->fun, "close")) {
			if (n == c->dcall && reg == REG_PARENT)
				a->pops |= OP_DCLOSE;
			else
				note_op(c, reg, OP_CLOSE);
			c->accounted++;
		} else if (go_is_universe(ce->fun, "len") || go_is_universe(ce->fun, "cap")) {
			c->accounted++;
		}
		return 1;
	}
	case GO_IDENT: {
		struct go_ident *id = GO_CAST(go_ident, n);

		if (!(id->decl_flags & GO_RESOLVE_DEF) &&
		    in_set(c->al, *c->nal, n))
			c->total++;
		return 1;
	}
	default:
		return 1;
	}
}

void chan_cls_post(struct go_node *n, void *ctx)
{
	struct cls *c = ctx;

	if (n->kind == GO_FUNC_LIT && c->nreg)
		c->nreg--;
}

static void classify_helper(struct an *a, struct gor *g)
{
	struct cls c;

	memset(&c, 0, sizeof(c));
	c.a = a;
	c.al = g->al;
	c.nal = &g->nal;
	c.base = (int)(g - a->g);
	go_ast_inspect((struct go_node *)g->body, chan_cls_pre, chan_cls_post, &c);
	if (c.total != c.accounted)
		a->escape = 1;
}

