/*
 * chan: goroutines stranded on a channel (chan.h).
 *
 * For every channel made in a function (`c := make(chan T[, n])`) the
 * analysis asks who can ever touch it.  Every mention of the variable must
 * be one of: a send, a receive, a range, close/len/cap, an argument of a
 * `go` statement (a function literal, or a same-package function or method
 * whose body is analysed in turn), or a use inside a goroutine literal or a
 * deferred literal.  Anything else (stored, returned, passed to other code,
 * captured by another closure, reassigned) means the channel escapes and
 * the analysis stays silent: precision first.
 *
 * The parties then fall into one of three shapes:
 *   A. goroutines send, the starting function receives (blocked-send);
 *   B. the starting function sends or closes, goroutines receive or range
 *      (blocked-recv);
 *   C. goroutines loop forever in a select whose only way out is a receive
 *      on the channel, and the starting function only closes or sends on
 *      it (no-exit).
 * Mixed shapes are not judged.
 *
 * The starting function is then walked in structured order (if, switch,
 * select, loops, break/continue/return; goto gives up) with a small set of
 * states: how many goroutine operations were launched (`T`), how many the
 * function itself performed (`R` receives, `S` sends), whether the channel
 * was closed.  Counts are exact numbers, or symbolic: one per iteration of
 * `for _, x := range xs` is len(xs), and an exit from inside such a loop
 * happens after only part of them.  A loop body is walked once from zero
 * and its per-iteration change multiplied by the loop's count, which keeps
 * the walk linear.  At every exit (return, panic, the end of the body) the
 * counts are compared with the channel's capacity; a finding needs a
 * definite mismatch (unknown capacity, unknown counts: silent).
 *
 * A channel made inside a loop is a new channel per iteration: the loops
 * around its make multiply nothing, and every way out of the iteration
 * (end of body, continue, break) is one more exit to judge.  In a
 * goroutine, a send after which every path leaves the goroutine or its
 * loop (return, break) is counted once, not once per iteration.
 */
#include "chan.h"
#include "chanexcl.h"
#include "flow.h"
#include "../base/sb.h"

#include <stdlib.h>
#include <string.h>

/* ---------- counts ---------- */

enum { C_EX, C_SYM, C_PART, C_MANY, C_INF, C_UNK };

struct cnt {
	int k;            /* C_* */
	int n;            /* C_EX: the number */
	const char *key;  /* C_SYM, C_PART: the loop count, e.g. "len(addrs)" */
};

static struct cnt ex(int n)
{
	struct cnt c = { C_EX, n, NULL };

	return c;
}

static struct cnt ck(int k, const char *key)
{
	struct cnt c = { k, 0, key };

	return c;
}

static int is0(struct cnt c)
{
	return c.k == C_EX && c.n == 0;
}

static int keyeq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static int ceq(struct cnt a, struct cnt b)
{
	if (a.k != b.k)
		return 0;
	if (a.k == C_EX)
		return a.n == b.n;
	if (a.k == C_SYM || a.k == C_PART)
		return keyeq(a.key, b.key);
	return 1;
}

static struct cnt cadd(struct cnt a, struct cnt b)
{
	if (is0(a))
		return b;
	if (is0(b))
		return a;
	if (a.k == C_INF || b.k == C_INF)
		return ck(C_INF, NULL);
	if (a.k == C_UNK || b.k == C_UNK)
		return ck(C_UNK, NULL);
	if (a.k == C_MANY || b.k == C_MANY)
		return ck(C_MANY, NULL);
	if (a.k == C_EX && b.k == C_EX)
		return ex(a.n + b.n > 1000 ? 1000 : a.n + b.n);
	if (a.k == C_PART && b.k == C_EX)
		return a;
	if (b.k == C_PART && a.k == C_EX)
		return b;
	return ck(C_UNK, NULL);
}

/* key iterations of a body that adds d each time */
static struct cnt cmul(const char *key, struct cnt d)
{
	if (is0(d) || d.k == C_INF || d.k == C_UNK)
		return d;
	if (d.k == C_EX && key && key[0] >= '0' && key[0] <= '9' &&
	    strspn(key, "0123456789") == strlen(key) && strlen(key) < 5)
		return ex(atoi(key) * d.n);
	if (d.k == C_EX && d.n == 1)
		return key ? ck(C_SYM, key) : ck(C_MANY, NULL);
	return ck(C_MANY, NULL);
}

/* some (fewer than all) iterations of such a body */
static struct cnt cpart(const char *key, struct cnt d)
{
	if (is0(d) || d.k == C_INF || d.k == C_UNK)
		return d;
	if (d.k == C_EX && d.n == 1)
		return key ? ck(C_PART, key) : ck(C_MANY, NULL);
	return ck(C_MANY, NULL);
}

/* the larger of two path counts */
static struct cnt cmax(struct cnt a, struct cnt b)
{
	if (is0(a))
		return b;
	if (is0(b))
		return a;
	if (a.k == C_EX && b.k == C_EX)
		return a.n > b.n ? a : b;
	if (ceq(a, b))
		return a;
	if (a.k == C_INF || b.k == C_INF)
		return ck(C_INF, NULL);
	if (a.k == C_EX && b.k != C_UNK)
		return b;
	if (b.k == C_EX && a.k != C_UNK)
		return a;
	return ck(C_UNK, NULL);
}

/* ---------- small syntax helpers ---------- */

/* A call that does not come back: panic (an exit we judge: it may be
 * recovered), or one that ends the process or the goroutine (not judged). */
enum { TERM_NONE, TERM_PANIC, TERM_DEAD };

static int terminating(const struct go_node *x)
{
	const struct go_node *c = go_unparen(x);

	/* the list of calls that do not come back is flow's */
	if (c && c->kind == GO_CALL_EXPR &&
	    go_is_universe(go_unparen(GO_CAST(go_call_expr, c)->fun), "panic"))
		return TERM_PANIC;
	return lint_flow_terminating_call(x) ? TERM_DEAD : TERM_NONE;
}

/* Source text of n without blanks (a key comparing loop counts). */
static const char *text_of(struct lint_ctx *cx, const struct go_file *f,
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

static struct go_call_expr *chan_make(struct go_node *x);

/* ---------- the state of one analysis ---------- */

#define MAXAL 8
#define MAXG 16

enum {
	OP_SEND = 1, OP_RECV = 2, OP_RANGE = 4, OP_CLOSE = 8, OP_DCLOSE = 16,
};

enum { REG_PARENT = -1, REG_DEFER = -2, REG_OTHER = -3 };

struct gor {
	struct go_go_stmt *go;
	const struct go_file *file;       /* where body is */
	struct go_block_stmt *body;
	struct go_ident *al[MAXAL];       /* the channel's names in body */
	int nal;
	unsigned ops;
	const char *helper;               /* name of the same-package callee */
	int byname;                       /* a method matched by name only */
	struct go_call_expr *sync_call;   /* not a goroutine: a same-package
					   * function called with the channel */
	/* from gwalk */
	struct cnt nsend, nrecv;
	struct go_node *send_at, *recv_at, *range_at;
	int ranges;
	int send_cond;      /* some path through the goroutine sends fewer */
	int send_coord;     /* ... decided by a sync/atomic result */
	int signals_other;  /* it also sends on or closes another channel */
	struct go_node *quit_loop, *quit_at;
	/* context mode: the names of the context in body */
	struct go_ident *qal[MAXAL];
	int nqal;
	int ctxmode;
	/* field mode: the quit channel is a struct field, named here */
	int fieldmode;
	const char *field;
};

struct an {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	const struct go_file *file;
	struct go_ident *ch;
	struct go_call_expr *make;
	struct cnt cap;
	const char *elem;                 /* element type text */
	struct go_ident *al[MAXAL];
	int nal;
	struct gor g[MAXG];
	int ng;
	unsigned pops;
	int escape;
	/* context mode: al holds the cancel function, qal the context */
	int ctxmode;
	struct go_ident *qal[MAXAL];
	int nqal;
	/* the innermost loop whose body makes the channel: each iteration
	 * makes a new one, so its counts never carry over to the next */
	struct go_node *inst;
};

static int in_set(struct go_ident *const *al, int nal, const struct go_node *n)
{
	struct go_ident *v = go_local_var(n);

	if (!v)
		return 0;
	for (int i = 0; i < nal; i++)
		if (al[i] == v)
			return 1;
	return 0;
}

/* ---------- same-package callees ---------- */

static struct go_func_decl *find_func(struct lint_ctx *cx,
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

/* ---------- pass 1: who touches the channel ---------- */

struct cls {
	struct an *a;
	struct go_ident **al;
	int *nal;
	int base;                 /* region of the root */
	int reg[128];
	int nreg;
	struct go_node *lit[MAXG * 2];
	int litreg[MAXG * 2];
	int nlit;
	struct go_node *dcall;    /* the call of `defer close(c)` */
	struct go_node *gocall;   /* the call of the last go statement */
	unsigned total, accounted;
	int deep;
};

static void note_op(struct cls *c, int reg, unsigned op)
{
	struct an *a = c->a;

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
		fd = find_func(a->cx, fun, &hf);
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
		struct go_func_decl *fd;
		struct go_ident *p;

		if (!in_set(a->al, a->nal, call->args.v[i]))
			continue;
		fd = find_func(a->cx, fun, &hf);
		p = fd ? param_at(fd->type, i) : NULL;
		if (!p || a->ng == MAXG) {
			a->escape = 1;
			return;
		}
		g = &a->g[a->ng++];
		memset(g, 0, sizeof(*g));
		g->go = gs;
		g->file = hf;
		g->body = fd->body;
		g->al[0] = p;
		g->nal = 1;
		g->helper = fd->name->name;
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
		struct go_func_decl *fd;
		struct go_ident *p;
		struct gor *g;

		if (!in_set(a->al, a->nal, ce->args.v[i]))
			continue;
		fd = find_func(a->cx, fun, &hf);
		p = fd ? param_at(fd->type, i) : NULL;
		if (!p || a->ng == MAXG)
			return;   /* unaccounted: the channel escapes */
		g = &a->g[a->ng++];
		memset(g, 0, sizeof(*g));
		g->sync_call = ce;
		g->file = hf;
		g->body = fd->body;
		g->al[0] = p;
		g->nal = 1;
		g->helper = fd->name->name;
		c->accounted++;
		classify_helper(a, g);
	}
}

static int cls_pre(struct go_node *n, void *ctx)
{
	struct cls *c = ctx;
	struct an *a = c->a;
	int reg = c->nreg ? c->reg[c->nreg - 1] : c->base;

	switch ((enum go_kind)n->kind) {
	case GO_FUNC_LIT: {
		int r = REG_OTHER;

		for (int i = 0; i < c->nlit; i++)
			if (c->lit[i] == n)
				r = c->litreg[i];
		if (c->nreg == 128) {
			a->escape = 1;
			return 0;
		}
		c->reg[c->nreg++] = r;
		return 1;
	}
	case GO_GO_STMT:
		if (reg == REG_PARENT) {
			c->gocall = GO_CAST(go_go_stmt, n)->call;
			start_goroutine(c, GO_CAST(go_go_stmt, n));
		}
		return 1;
	case GO_DEFER_STMT:
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

static void cls_post(struct go_node *n, void *ctx)
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
	go_ast_inspect((struct go_node *)g->body, cls_pre, cls_post, &c);
	if (c.total != c.accounted)
		a->escape = 1;
}

/* ---------- goroutine bodies: how many sends/receives on a path ---------- */

struct gw {
	struct go_ident **al;
	int nal;
	int cond;
	int coord;                /* an if on a sync/atomic result decides */
	unsigned kind;            /* OP_SEND or OP_RECV */
	struct go_node *first;    /* first blocking operation */
	struct go_node *range_at;
	int bad;
};

struct pc {
	struct cnt cmax;          /* paths that go on */
	struct cnt tmax;          /* paths that ended (return, panic) */
	struct cnt bmax;          /* paths that broke out of the innermost
				   * loop (they end its iterations) */
	int cont;
	int brk;                  /* there is such a path (bmax is its
				   * count; 0 means none without brk) */
};

static struct pc pc_zero(void)
{
	struct pc p = { { C_EX, 0, NULL }, { C_EX, 0, NULL },
			{ C_EX, 0, NULL }, 1, 0 };

	return p;
}

struct opscan {
	struct go_ident **al;
	int nal;
	unsigned kind;
	int n;
	struct go_node *first;
};

static int opscan_fn(struct go_node *n, void *ctx)
{
	struct opscan *o = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if ((o->kind & OP_SEND) && n->kind == GO_SEND_STMT &&
	    in_set(o->al, o->nal, GO_CAST(go_send_stmt, n)->chan)) {
		o->n++;
		if (!o->first)
			o->first = n;
	}
	if ((o->kind & OP_RECV) && n->kind == GO_UNARY_EXPR &&
	    GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
	    in_set(o->al, o->nal, GO_CAST(go_unary_expr, n)->x)) {
		o->n++;
		if (!o->first)
			o->first = n;
	}
	return 1;
}

/* Operations of kind on the channel in n (outside function literals). */
static int count_ops(struct go_ident **al, int nal, unsigned kind,
		     struct go_node *n, struct go_node **first)
{
	struct opscan o = { al, nal, kind, 0, NULL };

	if (!n)
		return 0;
	go_ast_inspect(n, opscan_fn, NULL, &o);
	if (first && o.first && !*first)
		*first = o.first;
	return o.n;
}

/* Does loop (a FOR or RANGE statement) have a way out: return, a break
 * that leaves it, goto, panic or a call that ends the goroutine?  label is
 * the loop's label or NULL. */
struct exitscan {
	const char *label;
	int depth;                /* breakable statements entered */
	int found;
	int (*in_quit)(struct go_node *, void *);
	void *qarg;
	int qdepth;               /* inside a quit clause */
	int quit_exits, other_exits;
	const char *labels[16];   /* labels declared inside the loop */
	int nlabels;
};

static int is_breakable(const struct go_node *n)
{
	return n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
		n->kind == GO_SWITCH_STMT || n->kind == GO_TYPE_SWITCH_STMT ||
		n->kind == GO_SELECT_STMT;
}

static void exit_found(struct exitscan *e)
{
	e->found = 1;
	if (e->qdepth)
		e->quit_exits++;
	else
		e->other_exits++;
}

static int exitscan_fn(struct go_node *n, void *ctx)
{
	struct exitscan *e = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (is_breakable(n))
		e->depth++;
	if (n->kind == GO_COMM_CLAUSE && e->in_quit && e->in_quit(n, e->qarg))
		e->qdepth++;
	switch ((enum go_kind)n->kind) {
	case GO_RETURN_STMT:
		exit_found(e);
		break;
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, n);
		int inner = 0;

		if (b->label) {
			for (int i = 0; i < e->nlabels; i++)
				if (!strcmp(e->labels[i], b->label->name))
					inner = 1;
			if (e->label && !strcmp(b->label->name, e->label))
				inner = b->tok == GO_TOK_CONTINUE;
		}
		if (b->tok == GO_TOK_GOTO)
			exit_found(e);
		else if (b->tok == GO_TOK_BREAK && (b->label ? !inner : e->depth == 0))
			exit_found(e);
		else if (b->tok == GO_TOK_CONTINUE && b->label && !inner)
			exit_found(e);   /* continues an outer loop */
		break;
	}
	case GO_LABELED_STMT:
		if (GO_CAST(go_labeled_stmt, n)->label && e->nlabels < 16)
			e->labels[e->nlabels++] = GO_CAST(go_labeled_stmt, n)->label->name;
		break;
	case GO_EXPR_STMT:
		if (terminating(GO_CAST(go_expr_stmt, n)->x))
			exit_found(e);
		break;
	default:
		break;
	}
	return 1;
}

static void exitscan_post(struct go_node *n, void *ctx)
{
	struct exitscan *e = ctx;

	if (is_breakable(n))
		e->depth--;
	if (n->kind == GO_COMM_CLAUSE && e->in_quit && e->in_quit(n, e->qarg))
		e->qdepth--;
}

static void scan_loop_exits(struct go_node *loop, const char *label,
			    struct exitscan *e)
{
	struct go_block_stmt *body = loop->kind == GO_FOR_STMT
		? GO_CAST(go_for_stmt, loop)->body
		: GO_CAST(go_range_stmt, loop)->body;

	e->label = label;
	e->depth = 0;
	e->found = 0;
	e->nlabels = 0;
	if (body)
		go_ast_inspect((struct go_node *)body, exitscan_fn, exitscan_post, e);
}

static int loop_has_exit(struct go_node *loop, const char *label)
{
	struct exitscan e;

	memset(&e, 0, sizeof(e));
	scan_loop_exits(loop, label, &e);
	return e.found;
}

static const char *loop_key(struct lint_ctx *cx, const struct go_file *f,
			    struct go_node *loop)
{
	if (loop->kind == GO_RANGE_STMT) {
		const char *t = text_of(cx, f, GO_CAST(go_range_stmt, loop)->x);

		return t ? arena_printf(cx->arena, "len(%s)", t) : NULL;
	}
	if (loop->kind == GO_FOR_STMT) {
		struct go_for_stmt *fs = GO_CAST(go_for_stmt, loop);
		struct go_assign_stmt *in;
		struct go_binary_expr *cond;
		struct go_ident *iv;
		struct go_node *z;

		if (!fs->init || fs->init->kind != GO_ASSIGN_STMT || !fs->cond ||
		    fs->cond->kind != GO_BINARY_EXPR || !fs->post ||
		    fs->post->kind != GO_INC_DEC_STMT)
			return NULL;
		in = GO_CAST(go_assign_stmt, fs->init);
		if (in->tok != GO_TOK_DEFINE || in->lhs.n != 1 || in->rhs.n != 1)
			return NULL;
		iv = go_local_var(in->lhs.v[0]);
		z = go_unparen(in->rhs.v[0]);
		if (!iv || !z || z->kind != GO_BASIC_LIT ||
		    strcmp(GO_CAST(go_basic_lit, z)->value, "0"))
			return NULL;
		cond = GO_CAST(go_binary_expr, fs->cond);
		if (cond->op != GO_TOK_LSS || go_local_var(cond->x) != iv ||
		    GO_CAST(go_inc_dec_stmt, fs->post)->tok != GO_TOK_INC ||
		    go_local_var(GO_CAST(go_inc_dec_stmt, fs->post)->x) != iv)
			return NULL;
		return text_of(cx, f, cond->y);
	}
	return NULL;
}

struct gwctx {
	struct gw *w;
	struct lint_ctx *cx;
	const struct go_file *f;
	const char *pending_label;
	int in_loop;              /* inside a loop of the goroutine */
	const char *loop_label;   /* the innermost loop's label */
	int in_switch;            /* switches and selects inside that loop */
	const char *outer[16];    /* labels of the loops around that one */
	int nouter;
};

static struct pc gw_stmt(struct gwctx *g, struct go_node *s);

/* Is label that of a loop around the innermost one? */
static int outer_loop(const struct gwctx *g, const char *label)
{
	for (int i = 0; i < g->nouter; i++)
		if (keyeq(label, g->outer[i]))
			return 1;
	return 0;
}

/* Does n call a read-modify-write function of sync/atomic (Add*,
 * CompareAndSwap*, Swap*)?  A send guarded by one (`if atomic.AddInt32(&n,
 * 1) == total`) is how goroutines elect which of them sends: how many do
 * cannot be counted from the code.  A Load or Store elects nobody. */
struct atomic_scan {
	int found;
	int methods;   /* the file imports sync/atomic: n.Add(1) on an
			* atomic.Int32 and the like count too (no types here:
			* a method of that name in such a file is taken for
			* one, which can only make the rule quieter) */
};

static int atomic_fn(struct go_node *n, void *ctx)
{
	struct atomic_scan *as = ctx;

	if (n->kind == GO_FUNC_LIT || as->found)
		return 0;
	if (n->kind == GO_CALL_EXPR) {
		struct go_node *f = go_unparen(GO_CAST(go_call_expr, n)->fun);
		const char *m = f && f->kind == GO_SELECTOR_EXPR ?
			GO_CAST(go_selector_expr, f)->sel->name : NULL;

		if (m && (!strncmp(m, "Add", 3) ||
			  !strncmp(m, "CompareAndSwap", 14) ||
			  !strncmp(m, "Swap", 4)) &&
		    (go_is_pkg_member(f, "sync/atomic", m) ||
		     (as->methods && (!strcmp(m, "Add") ||
				      !strcmp(m, "CompareAndSwap") ||
				      !strcmp(m, "Swap")))))
			as->found = 1;
	}
	return 1;
}

static int has_atomic(const struct go_file *file, struct go_node *n)
{
	struct atomic_scan as = { 0, 0 };

	if (!n)
		return 0;
	as.methods = file && lint_file_imports(file, "sync/atomic");
	go_ast_inspect(n, atomic_fn, NULL, &as);
	return as.found;
}

static int sends_nothing(struct pc p)
{
	return is0(p.cmax) && is0(p.tmax) && (!p.brk || is0(p.bmax));
}

static int pc_differs(struct pc a, struct pc b)
{
	return !ceq(cmax(cmax(a.cmax, a.tmax), a.bmax),
		    cmax(cmax(b.cmax, b.tmax), b.bmax));
}

static struct pc pc_seq(struct pc acc, struct pc p)
{
	if (!acc.cont)
		return acc;
	acc.tmax = cmax(acc.tmax, cadd(acc.cmax, p.tmax));
	if (p.brk) {
		acc.bmax = acc.brk ? cmax(acc.bmax, cadd(acc.cmax, p.bmax))
				   : cadd(acc.cmax, p.bmax);
		acc.brk = 1;
	}
	acc.cmax = cadd(acc.cmax, p.cmax);
	acc.cont = p.cont;
	return acc;
}

static struct pc pc_alt(struct pc a, struct pc b)
{
	struct pc r;

	r.tmax = cmax(a.tmax, b.tmax);
	r.brk = a.brk || b.brk;
	r.bmax = a.brk && b.brk ? cmax(a.bmax, b.bmax) : a.brk ? a.bmax : b.bmax;
	if (a.cont && b.cont)
		r.cmax = cmax(a.cmax, b.cmax);
	else
		r.cmax = a.cont ? a.cmax : b.cmax;
	r.cont = a.cont || b.cont;
	return r;
}

static struct pc gw_list(struct gwctx *g, const struct go_list *l)
{
	struct pc acc = pc_zero();

	for (uint32_t i = 0; i < l->n && acc.cont; i++)
		acc = pc_seq(acc, gw_stmt(g, l->v[i]));
	return acc;
}

static struct pc gw_simple(struct gwctx *g, struct go_node *s)
{
	struct pc p = pc_zero();

	p.cmax = ex(count_ops(g->w->al, g->w->nal, g->w->kind, s, &g->w->first));
	return p;
}

static struct pc gw_stmt(struct gwctx *g, struct go_node *s)
{
	struct gw *w = g->w;
	struct pc p = pc_zero();

	if (!s)
		return p;
	switch ((enum go_kind)s->kind) {
	case GO_RETURN_STMT:
		p = gw_simple(g, s);
		p.tmax = p.cmax;
		p.cmax = ex(0);
		p.cont = 0;
		return p;
	case GO_EXPR_STMT:
		p = gw_simple(g, s);
		if (terminating(GO_CAST(go_expr_stmt, s)->x)) {
			p.tmax = p.cmax;
			p.cmax = ex(0);
			p.cont = 0;
		}
		return p;
	case GO_BLOCK_STMT:
		return gw_list(g, &GO_CAST(go_block_stmt, s)->list);
	case GO_LABELED_STMT:
		g->pending_label = GO_CAST(go_labeled_stmt, s)->label
			? GO_CAST(go_labeled_stmt, s)->label->name : NULL;
		p = gw_stmt(g, GO_CAST(go_labeled_stmt, s)->stmt);
		g->pending_label = NULL;
		return p;
	case GO_IF_STMT: {
		struct go_if_stmt *i = GO_CAST(go_if_stmt, s);
		struct pc pre = pc_seq(gw_stmt(g, i->init), gw_simple(g, i->cond));
		struct pc th = gw_stmt(g, (struct go_node *)i->body);
		struct pc el = i->els ? gw_stmt(g, i->els) : pc_zero();

		if (pc_differs(th, el)) {
			w->cond = 1;
			/* an election: the winner sends, the others nothing */
			if ((has_atomic(g->f, i->init) || has_atomic(g->f, i->cond)) &&
			    (sends_nothing(th) || sends_nothing(el)))
				w->coord = 1;
		}

		return pc_seq(pre, pc_alt(th, el));
	}
	case GO_FOR_STMT:
	case GO_RANGE_STMT: {
		const char *label = g->pending_label;
		struct go_block_stmt *body;
		struct pc pre = pc_zero(), b;
		int endless = 0, has_exit;
		struct cnt n;

		g->pending_label = NULL;
		if (s->kind == GO_FOR_STMT) {
			struct go_for_stmt *fs = GO_CAST(go_for_stmt, s);

			pre = pc_seq(gw_stmt(g, fs->init), gw_simple(g, fs->cond));
			body = fs->body;
			endless = fs->cond == NULL;
		} else {
			struct go_range_stmt *rs = GO_CAST(go_range_stmt, s);

			body = rs->body;
			if (in_set(w->al, w->nal, rs->x)) {
				if (!w->range_at)
					w->range_at = s;
				pre.cmax = (w->kind & OP_RECV) ? ck(C_MANY, NULL) : ex(0);
			} else {
				pre = gw_simple(g, rs->x);
			}
		}
		{
			int in_loop = g->in_loop, in_switch = g->in_switch;
			int nouter = g->nouter;
			const char *loop_label = g->loop_label;

			if (in_loop && loop_label && g->nouter < 16)
				g->outer[g->nouter++] = loop_label;
			g->in_loop = 1;
			g->loop_label = label;
			g->in_switch = 0;
			b = body ? gw_list(g, &body->list) : pc_zero();
			g->in_loop = in_loop;
			g->loop_label = loop_label;
			g->in_switch = in_switch;
			g->nouter = nouter;
		}
		if (is0(b.cmax) && is0(b.tmax) && is0(b.bmax))
			return pre;
		has_exit = loop_has_exit(s, label);
		if (is0(b.cmax)) {
			/* every path that sends then leaves the loop (return,
			 * break): that happens once, not once per iteration */
			p.cmax = b.bmax;
			p.tmax = b.tmax;
			p.cont = !endless || has_exit;
			return pc_seq(pre, p);
		}
		if (endless && !has_exit) {
			n = ck(C_INF, NULL);
		} else {
			const char *key = loop_key(g->cx, g->f, s);

			n = cmul(key, cmax(cmax(b.cmax, b.tmax), b.bmax));
			if (n.k == C_SYM && has_exit)
				n = ck(C_MANY, NULL);
		}
		p.cmax = n;
		p.tmax = is0(b.tmax) ? ex(0) : n;
		p.cont = !endless || has_exit;
		return pc_seq(pre, p);
	}
	case GO_SWITCH_STMT:
	case GO_TYPE_SWITCH_STMT:
	case GO_SELECT_STMT: {
		struct go_block_stmt *body;
		struct pc pre = pc_zero(), out;
		int has_default = 0, first = 1, blocking = 0;

		if (s->kind == GO_SWITCH_STMT) {
			struct go_switch_stmt *sw = GO_CAST(go_switch_stmt, s);

			pre = pc_seq(gw_stmt(g, sw->init), gw_simple(g, sw->tag));
			body = sw->body;
		} else if (s->kind == GO_TYPE_SWITCH_STMT) {
			struct go_type_switch_stmt *sw = GO_CAST(go_type_switch_stmt, s);

			pre = pc_seq(gw_stmt(g, sw->init), gw_simple(g, sw->assign));
			body = sw->body;
		} else {
			body = GO_CAST(go_select_stmt, s)->body;
			has_default = 1;   /* a select always takes a clause */
			blocking = body && body->list.n == 1 &&
				GO_CAST(go_comm_clause, body->list.v[0])->comm;
		}
		g->pending_label = NULL;
		out = pc_zero();
		out.cont = 0;
		g->in_switch++;   /* a plain break here leaves the switch */
		for (uint32_t i = 0; body && i < body->list.n; i++) {
			struct go_node *cl = body->list.v[i];
			struct pc cp;

			if (cl->kind == GO_CASE_CLAUSE) {
				struct go_case_clause *cc = GO_CAST(go_case_clause, cl);

				if (cc->is_default)
					has_default = 1;
				cp = gw_list(g, &cc->body);
			} else {
				struct go_comm_clause *cc = GO_CAST(go_comm_clause, cl);

				/* an operation in a select with another way out
				 * never blocks for ever on its own */
				cp = blocking ? gw_simple(g, cc->comm) : pc_zero();
				cp = pc_seq(cp, gw_list(g, &cc->body));
			}
			if (!first && pc_differs(out, cp))
				w->cond = 1;
			out = first ? cp : pc_alt(out, cp);
			first = 0;
		}
		g->in_switch--;
		if (!has_default || first)
		{
			if (!first && pc_differs(out, pc_zero()))
				w->cond = 1;
			out = first ? pc_zero() : pc_alt(out, pc_zero());
		}
		if (s->kind == GO_SELECT_STMT && first) {
			out.cont = 0;   /* select {} */
		}
		return pc_seq(pre, out);
	}
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, s);

		if (b->tok == GO_TOK_GOTO)
			w->bad = 1;
		else if (b->label && g->in_loop && outer_loop(g, b->label->name)) {
			if (b->tok == GO_TOK_BREAK) {
				/* break outer: this path leaves every loop up
				 * to that one; counted as ending here (what it
				 * sends after that loop is not counted: never
				 * more than happens) */
				p.tmax = p.cmax;
				p.cmax = ex(0);
				p.cont = 0;
			} else {
				/* continue outer: leaves this loop, once */
				p.cont = 0;
				p.brk = 1;
			}
		} else if (b->tok == GO_TOK_BREAK && g->in_loop &&
			 (b->label ? keyeq(b->label->name, g->loop_label)
				   : !g->in_switch)) {
			p.cont = 0;   /* out of the innermost loop: pc_seq
				       * moves what came before into bmax */
			p.brk = 1;
		}
		/* continue, and breaks out of outer loops, count as going
		 * on (once per iteration of the inner loop: never fewer) */
		return p;
	}
	case GO_GO_STMT:
	case GO_DEFER_STMT:
		return p;
	default:
		g->pending_label = NULL;
		return gw_simple(g, s);
	}
}

/* Blocking sends and receives of goroutine gr, and a quit loop. */
static int quit_clause(struct go_node *n, void *arg)
{
	struct gor *gr = arg;
	struct go_comm_clause *cc = GO_CAST(go_comm_clause, n);
	struct go_node *x = NULL;

	if (!cc->comm)
		return 0;
	if (cc->comm->kind == GO_EXPR_STMT)
		x = GO_CAST(go_expr_stmt, cc->comm)->x;
	else if (cc->comm->kind == GO_ASSIGN_STMT &&
		 GO_CAST(go_assign_stmt, cc->comm)->rhs.n == 1)
		x = GO_CAST(go_assign_stmt, cc->comm)->rhs.v[0];
	x = go_unparen(x);
	if (!x || x->kind != GO_UNARY_EXPR ||
	    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
		return 0;
	x = go_unparen(GO_CAST(go_unary_expr, x)->x);
	if (gr->fieldmode) {
		const char *f;

		if (!x || x->kind != GO_SELECTOR_EXPR)
			return 0;
		f = GO_CAST(go_selector_expr, x)->sel->name;
		if (!(f[0] >= 'a' && f[0] <= 'z'))
			return 0;
		if (!gr->field)
			gr->field = f;
		return !strcmp(gr->field, f);
	}
	if (gr->ctxmode) {
		struct go_call_expr *ce;

		if (!x || x->kind != GO_CALL_EXPR)
			return 0;
		ce = GO_CAST(go_call_expr, x);
		x = go_unparen(ce->fun);
		return ce->args.n == 0 && x && x->kind == GO_SELECTOR_EXPR &&
			!strcmp(GO_CAST(go_selector_expr, x)->sel->name, "Done") &&
			in_set(gr->qal, gr->nqal, GO_CAST(go_selector_expr, x)->x);
	}
	return in_set(gr->al, gr->nal, x);
}

struct qfind {
	struct gor *gr;
	const char *label;
	struct go_node *last;
};

static int qfind_fn(struct go_node *n, void *ctx)
{
	struct qfind *q = ctx;

	if (n->kind == GO_FUNC_LIT || q->gr->quit_loop)
		return 0;
	if (n->kind == GO_LABELED_STMT) {
		struct go_labeled_stmt *l = GO_CAST(go_labeled_stmt, n);

		q->label = l->label ? l->label->name : NULL;
		q->last = l->stmt;
		return 1;
	}
	if (n->kind == GO_FOR_STMT && !GO_CAST(go_for_stmt, n)->cond) {
		struct exitscan e;

		memset(&e, 0, sizeof(e));
		e.in_quit = quit_clause;
		e.qarg = q->gr;
		scan_loop_exits(n, q->last == n ? q->label : NULL, &e);
		if (e.quit_exits && !e.other_exits) {
			q->gr->quit_loop = n;
			return 0;
		}
	}
	return 1;
}

/* Does a goroutine body send on or close a channel other than ours? */
struct other {
	struct go_ident **al;
	int nal;
	int found;
};

static int other_fn(struct go_node *n, void *ctx)
{
	struct other *o = ctx;

	if (n->kind == GO_SEND_STMT &&
	    !in_set(o->al, o->nal, GO_CAST(go_send_stmt, n)->chan))
		o->found = 1;
	if (n->kind == GO_CALL_EXPR) {
		struct go_call_expr *ce = GO_CAST(go_call_expr, n);

		if (ce->args.n == 1 && go_is_universe(ce->fun, "close") &&
		    !in_set(o->al, o->nal, ce->args.v[0]))
			o->found = 1;
	}
	return !o->found;
}

static void analyse_gor(struct an *a, struct gor *gr)
{
	struct gw w;
	struct gwctx g;
	struct pc p;
	struct qfind q;

	memset(&w, 0, sizeof(w));
	memset(&g, 0, sizeof(g));
	w.al = gr->al;
	w.nal = gr->nal;
	g.w = &w;
	g.cx = a->cx;
	g.f = gr->file;
	w.kind = OP_SEND;
	p = gw_list(&g, &gr->body->list);
	gr->nsend = cmax(p.cmax, p.tmax);
	gr->send_cond = w.cond;
	gr->send_coord = w.coord;
	{
		struct other o = { gr->al, gr->nal, 0 };

		go_ast_inspect((struct go_node *)gr->body, other_fn, NULL, &o);
		gr->signals_other = o.found;
	}
	gr->send_at = w.first;
	memset(&w, 0, sizeof(w));
	w.al = gr->al;
	w.nal = gr->nal;
	w.kind = OP_RECV;
	p = gw_list(&g, &gr->body->list);
	gr->nrecv = cmax(p.cmax, p.tmax);
	gr->recv_at = w.first;
	gr->range_at = w.range_at;
	gr->ranges = w.range_at != NULL;
	if (w.bad)
		a->escape = 1;
	memset(&q, 0, sizeof(q));
	q.gr = gr;
	go_ast_inspect((struct go_node *)gr->body, qfind_fn, NULL, &q);
}

/* ---------- pass 2: the starting function's paths ---------- */

enum { MODE_SEND, MODE_RECV, MODE_QUIT };

struct pst {
	struct cnt T;       /* goroutine operations launched (sends in A,
			     * receives in B) */
	struct cnt L;       /* goroutines launched */
	struct cnt R, S;    /* receives, sends by the function itself */
	unsigned char closed, drained, ranging, cond;
	unsigned char coord;   /* a goroutine whose send an atomic guards */
};

#define MAXST 12

struct sset {
	struct pst v[MAXST];
	int n;
};

/* EX_LEAVE: the iteration that made the channel ends (end of the loop
 * body, continue, break): nobody can touch that channel any more */
enum { EX_RETURN, EX_PANIC, EX_END, EX_BRANCH, EX_LEAVE };

struct exitrec {
	struct pst st;
	struct go_node *at;
	int kind;
	struct frame *target;
	int is_cont;
	struct exitrec *next;
};

struct frame {
	int is_loop;
	int inst;                 /* the loop a->inst */
	int broke;                /* inst: some break leaves it */
	const char *label;
	struct sset brk, cont;
	struct frame *up;
	struct frame *loopf;      /* innermost loop frame at creation */
	struct exitrec *exits;    /* loop frames: exits, in body coordinates */
};

struct pw {
	struct an *a;
	int mode;
	struct frame *loop, *fr;
	const char *pending_label;
	struct exitrec *top;      /* judged exits (absolute) */
	struct exitrec **tail;
	int bad;
};

static int pst_eq(const struct pst *x, const struct pst *y)
{
	return ceq(x->T, y->T) && ceq(x->L, y->L) && ceq(x->R, y->R) &&
		ceq(x->S, y->S) && x->closed == y->closed &&
		x->drained == y->drained && x->ranging == y->ranging &&
		x->cond == y->cond && x->coord == y->coord;
}

static void ss_add(struct pw *w, struct sset *s, const struct pst *p)
{
	for (int i = 0; i < s->n; i++)
		if (pst_eq(&s->v[i], p))
			return;
	if (s->n == MAXST) {
		w->bad = 1;
		return;
	}
	s->v[s->n++] = *p;
}

static void ss_union(struct pw *w, struct sset *d, const struct sset *s)
{
	for (int i = 0; i < s->n; i++)
		ss_add(w, d, &s->v[i]);
}

static struct pst pst_add(const struct pst *x, const struct pst *y)
{
	struct pst r;

	r.T = cadd(x->T, y->T);
	r.L = cadd(x->L, y->L);
	r.R = cadd(x->R, y->R);
	r.S = cadd(x->S, y->S);
	r.closed = x->closed | y->closed;
	r.drained = x->drained | y->drained;
	r.ranging = x->ranging | y->ranging;
	r.cond = x->cond | y->cond;
	r.coord = x->coord | y->coord;
	return r;
}

static struct pst pst_zero(void)
{
	struct pst z;

	memset(&z, 0, sizeof(z));
	z.T = z.L = z.R = z.S = ex(0);
	return z;
}

static void record_exit(struct pw *w, const struct pst *st, struct go_node *at,
			int kind, struct frame *target, int is_cont)
{
	struct exitrec *e = arena_zalloc(w->a->cx->arena, sizeof(*e));

	e->st = *st;
	e->at = at;
	e->kind = kind;
	e->target = target;
	e->is_cont = is_cont;
	if (w->loop) {
		e->next = w->loop->exits;
		w->loop->exits = e;
	} else if (kind != EX_BRANCH) {
		*w->tail = e;
		w->tail = &e->next;
	}
}

/* The goroutine started by go statement n, or NULL. */
static struct gor *gor_of(struct an *a, const struct go_node *n)
{
	for (int i = 0; i < a->ng; i++)
		if ((const struct go_node *)a->g[i].go == n)
			return &a->g[i];
	return NULL;
}

struct closescan {
	struct an *a;
	int found;
};

static int close_fn(struct go_node *n, void *ctx)
{
	struct closescan *cs = ctx;
	struct go_call_expr *ce;

	if (n->kind != GO_CALL_EXPR)
		return 1;
	ce = GO_CAST(go_call_expr, n);
	if (ce->args.n == 1 && go_is_universe(ce->fun, "close") &&
	    in_set(cs->a->al, cs->a->nal, ce->args.v[0]))
		cs->found = 1;
	if (cs->a->ctxmode && in_set(cs->a->al, cs->a->nal, ce->fun))
		cs->found = 1;
	return 1;
}

struct effscan {
	struct pw *w;
	struct pst *st;
};

static int eff_fn(struct go_node *n, void *ctx)
{
	struct effscan *es = ctx;
	struct an *a = es->w->a;

	switch ((enum go_kind)n->kind) {
	case GO_FUNC_LIT:
		return 0;
	case GO_SEND_STMT:
		if (in_set(a->al, a->nal, GO_CAST(go_send_stmt, n)->chan))
			es->st->S = cadd(es->st->S, ex(1));
		return 1;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
		    in_set(a->al, a->nal, GO_CAST(go_unary_expr, n)->x))
			es->st->R = cadd(es->st->R, ex(1));
		return 1;
	case GO_CALL_EXPR: {
		struct go_call_expr *ce = GO_CAST(go_call_expr, n);

		if (ce->args.n == 1 && go_is_universe(ce->fun, "close") &&
		    in_set(a->al, a->nal, ce->args.v[0]))
			es->st->closed = 1;
		if (a->ctxmode && in_set(a->al, a->nal, ce->fun))
			es->st->closed = 1;
		for (int i = 0; i < a->ng; i++) {
			struct gor *g = &a->g[i];

			if (g->sync_call != ce)
				continue;
			es->st->R = cadd(es->st->R, g->nrecv);
			es->st->S = cadd(es->st->S, g->nsend);
			if (g->ops & OP_CLOSE)
				es->st->closed = 1;
			if (g->ranges)
				es->st->drained = 1;
		}
		return 1;
	}
	case GO_GO_STMT: {
		struct gor *g = gor_of(a, n);

		if (g) {
			struct cnt t = es->w->mode == MODE_SEND ? g->nsend
				: es->w->mode == MODE_RECV ? g->nrecv : ex(0);

			es->st->T = cadd(es->st->T, t);
			es->st->L = cadd(es->st->L, ex(1));
			if (es->w->mode == MODE_RECV && g->ranges)
				es->st->ranging = 1;
			if (es->w->mode == MODE_QUIT && g->quit_loop)
				es->st->ranging = 1;
			if (g->byname)
				es->st->cond = 1;
			if (es->w->mode == MODE_SEND && g->send_coord)
				es->st->coord = 1;
		}
		return 1;
	}
	case GO_DEFER_STMT:
		if (a->pops & OP_DCLOSE) {
			struct go_node *call = GO_CAST(go_defer_stmt, n)->call;
			struct go_node *fun = call && call->kind == GO_CALL_EXPR
				? go_unparen(GO_CAST(go_call_expr, call)->fun) : NULL;

			if (fun && fun->kind == GO_FUNC_LIT) {
				struct closescan cs = { a, 0 };

				/* a deferred literal that closes the channel */
				go_ast_inspect(fun, close_fn, NULL, &cs);
				if (cs.found)
					es->st->closed = 1;
				return 0;
			}
			if (call && call->kind == GO_CALL_EXPR && a->ctxmode &&
			    in_set(a->al, a->nal, GO_CAST(go_call_expr, call)->fun)) {
				es->st->closed = 1;
				return 0;
			}
			if (call && call->kind == GO_CALL_EXPR &&
			    go_is_universe(GO_CAST(go_call_expr, call)->fun, "close") &&
			    GO_CAST(go_call_expr, call)->args.n == 1 &&
			    in_set(a->al, a->nal, GO_CAST(go_call_expr, call)->args.v[0])) {
				es->st->closed = 1;
				return 0;
			}
		}
		return 1;
	default:
		return 1;
	}
}

/* Apply the effects of statement or expression n to every state. */
static void apply(struct pw *w, struct sset *ss, struct go_node *n)
{
	struct pst d = pst_zero();
	struct effscan es = { w, &d };
	struct sset out;

	if (!n || !ss->n)
		return;
	go_ast_inspect(n, eff_fn, NULL, &es);
	if (pst_eq(&d, &(struct pst){ ex(0), ex(0), ex(0), ex(0), 0, 0, 0, 0, 0 }))
		return;
	out.n = 0;
	for (int i = 0; i < ss->n; i++) {
		struct pst s = pst_add(&ss->v[i], &d);

		ss_add(w, &out, &s);
	}
	*ss = out;
}

static struct sset walk_stmt(struct pw *w, struct go_node *s, struct sset in);

static struct sset walk_list(struct pw *w, const struct go_list *l,
			     struct sset in)
{
	for (uint32_t i = 0; i < l->n && in.n && !w->bad; i++)
		in = walk_stmt(w, l->v[i], in);
	return in;
}

static void exits_of(struct pw *w, const struct sset *ss, struct go_node *at,
		     int kind)
{
	for (int i = 0; i < ss->n; i++)
		record_exit(w, &ss->v[i], at, kind, NULL, 0);
}

static void dispatch_branch(struct pw *w, struct frame *t, int is_cont,
			    const struct pst *st, struct go_node *at)
{
	if (t->loopf == w->loop && t->inst) {
		record_exit(w, st, at, EX_LEAVE, NULL, 0);
		t->broke |= !is_cont;
	} else if (t->loopf == w->loop)
		ss_add(w, is_cont ? &t->cont : &t->brk, st);
	else
		record_exit(w, st, at, EX_BRANCH, t, is_cont);
}

static struct go_node *end_node(struct lint_ctx *cx, const struct go_file *f,
				const struct go_block_stmt *body);

/* The end of walk_loop for the loop that makes the channel: every way out
 * of an iteration is judged on its own, and nothing of the iteration's
 * counts carries over (the next iteration, and the code after the loop,
 * see a new channel or none). */
static struct sset leave_inst(struct pw *w, struct frame *f,
			      struct go_block_stmt *body, int kind,
			      const struct sset *end, struct sset in)
{
	struct go_node *at = body ? end_node(w->a->cx, w->a->file, body) : NULL;

	for (int i = 0; i < in.n && !w->bad; i++) {
		for (struct exitrec *e = f->exits; e; e = e->next) {
			struct pst st = pst_add(&in.v[i], &e->st);

			if (e->kind == EX_BRANCH) {
				/* break or continue to an outer loop */
				record_exit(w, &st, e->at, EX_LEAVE, NULL, 0);
				dispatch_branch(w, e->target, e->is_cont, &in.v[i],
						e->at);
			} else {
				record_exit(w, &st, e->at, e->kind, NULL, 0);
			}
		}
		for (int j = 0; at && j < end->n; j++) {
			struct pst st = pst_add(&in.v[i], &end->v[j]);

			record_exit(w, &st, at, EX_LEAVE, NULL, 0);
		}
	}
	if (kind == 1 && !f->broke)
		in.n = 0;   /* for { } without a break never ends */
	return in;
}

static struct cnt cjoin(struct cnt a, struct cnt b)
{
	return ceq(a, b) ? a : ck(C_UNK, NULL);
}

static struct sset walk_loop(struct pw *w, struct go_node *s,
			     struct go_block_stmt *body, struct go_node *post,
			     const char *key, int kind, struct sset in)
{
	struct frame f;
	struct frame *saved = w->loop;
	struct sset z, end, out;
	struct pst zs = pst_zero(), d = pst_zero();

	memset(&f, 0, sizeof(f));
	f.is_loop = 1;
	f.inst = s == w->a->inst;
	f.label = w->pending_label;
	w->pending_label = NULL;
	f.up = w->fr;
	f.loopf = &f;
	w->loop = &f;
	w->fr = &f;
	z.n = 0;
	if (kind == 2)
		zs.R = ex(1);
	ss_add(w, &z, &zs);
	end = body ? walk_list(w, &body->list, z) : z;
	ss_union(w, &end, &f.cont);
	if (post && end.n)
		end = walk_stmt(w, post, end);
	w->loop = saved;
	w->fr = f.up;
	if (f.inst)
		return leave_inst(w, &f, body, kind, &end, in);
	/* the change one iteration makes; paths that disagree: unknown */
	for (int i = 0; i < end.n; i++) {
		const struct pst *e = &end.v[i];

		if (!i) {
			d = *e;
			continue;
		}
		d.T = cjoin(d.T, e->T);
		d.L = cjoin(d.L, e->L);
		d.R = cjoin(d.R, e->R);
		d.S = cjoin(d.S, e->S);
		d.closed |= e->closed;
		d.ranging |= e->ranging;
		d.cond |= e->cond;
		d.coord |= e->coord;
		d.drained |= e->drained;
	}
	out.n = 0;
	for (int i = 0; i < in.n && !w->bad; i++) {
		struct pst part = in.v[i], all = in.v[i];

		part.T = cadd(part.T, cpart(key, d.T));
		part.L = cadd(part.L, cpart(key, d.L));
		part.R = cadd(part.R, cpart(key, d.R));
		part.S = cadd(part.S, cpart(key, d.S));
		part.closed |= d.closed;
		part.ranging |= d.ranging;
		part.cond |= d.cond;
		part.coord |= d.coord;
		for (struct exitrec *e = f.exits; e; e = e->next) {
			struct pst st = pst_add(&part, &e->st);

			if (e->kind == EX_BRANCH)
				dispatch_branch(w, e->target, e->is_cont, &st, e->at);
			else
				record_exit(w, &st, e->at, e->kind, NULL, 0);
		}
		for (int j = 0; j < f.brk.n; j++) {
			struct pst st = pst_add(&part, &f.brk.v[j]);

			ss_add(w, &out, &st);
		}
		if (kind == 1)
			continue;
		all.T = cadd(all.T, cmul(key, d.T));
		all.L = cadd(all.L, cmul(key, d.L));
		all.R = cadd(all.R, cmul(key, d.R));
		all.S = cadd(all.S, cmul(key, d.S));
		all.closed |= d.closed;
		all.ranging |= d.ranging;
		all.cond |= d.cond;
		all.coord |= d.coord;
		if (kind == 2)
			all.drained = 1;
		ss_add(w, &out, &all);
	}
	return out;
}

static struct frame *find_frame(struct pw *w, const struct go_ident *label,
				int want_loop)
{
	for (struct frame *f = w->fr; f; f = f->up) {
		if (label) {
			if (f->label && !strcmp(f->label, label->name))
				return f;
			continue;
		}
		if (!want_loop || f->is_loop)
			return f;
	}
	return NULL;
}

/* A select clause that can never be chosen: a send on an unbuffered
 * channel of this function that nobody ever receives from, or a receive
 * from one that nobody sends on or closes.  (Tests build blocked
 * goroutines this way on purpose.) */
struct deadscan {
	struct go_ident *v;
	unsigned total, sends, recvs;
	int unbuffered;
};

static int dead_fn(struct go_node *n, void *ctx)
{
	struct deadscan *d = ctx;

	switch ((enum go_kind)n->kind) {
	case GO_IDENT: {
		struct go_ident *id = GO_CAST(go_ident, n);

		if (!(id->decl_flags & GO_RESOLVE_DEF) && go_local_var(n) == d->v)
			d->total++;
		break;
	}
	case GO_SEND_STMT:
		if (go_local_var(GO_CAST(go_send_stmt, n)->chan) == d->v)
			d->sends++;
		break;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
		    go_local_var(GO_CAST(go_unary_expr, n)->x) == d->v)
			d->recvs++;
		break;
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		if (as->tok == GO_TOK_DEFINE && as->lhs.n == 1 && as->rhs.n == 1 &&
		    as->lhs.v[0] == (struct go_node *)d->v) {
			struct go_call_expr *mk = chan_make(as->rhs.v[0]);

			if (mk)
				d->unbuffered = mk->args.n == 1 ? 1 : 2;
		}
		break;
	}
	default:
		break;
	}
	return 1;
}

static int dead_clause(struct pw *w, struct go_node *comm)
{
	struct deadscan d;
	struct go_node *x = NULL;
	int is_send = 0;

	if (!comm)
		return 0;
	if (comm->kind == GO_SEND_STMT) {
		x = GO_CAST(go_send_stmt, comm)->chan;
		is_send = 1;
	} else if (comm->kind == GO_EXPR_STMT) {
		x = GO_CAST(go_expr_stmt, comm)->x;
	} else if (comm->kind == GO_ASSIGN_STMT &&
		   GO_CAST(go_assign_stmt, comm)->rhs.n == 1) {
		x = GO_CAST(go_assign_stmt, comm)->rhs.v[0];
	}
	if (!is_send) {
		x = go_unparen(x);
		if (!x || x->kind != GO_UNARY_EXPR ||
		    GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
			return 0;
		x = GO_CAST(go_unary_expr, x)->x;
	}
	memset(&d, 0, sizeof(d));
	d.v = go_local_var(x);
	if (!d.v || in_set(w->a->al, w->a->nal, x))
		return 0;
	go_ast_inspect((struct go_node *)w->a->fn->body, dead_fn, NULL, &d);
	if (!d.unbuffered)
		return 0;
	if (is_send)
		return d.unbuffered == 1 && d.total == d.sends;
	return d.total == d.recvs;
}

static struct sset walk_clauses(struct pw *w, struct go_block_stmt *body,
				struct sset in, int is_select)
{
	struct frame f;
	struct sset out;
	int has_default = 0;

	memset(&f, 0, sizeof(f));
	f.label = w->pending_label;
	w->pending_label = NULL;
	f.up = w->fr;
	f.loopf = w->loop;
	w->fr = &f;
	out.n = 0;
	for (uint32_t i = 0; body && i < body->list.n && !w->bad; i++) {
		struct go_node *c = body->list.v[i];
		struct sset cs = in;

		if (c->kind == GO_CASE_CLAUSE) {
			struct go_case_clause *cc = GO_CAST(go_case_clause, c);

			if (cc->is_default)
				has_default = 1;
			for (uint32_t j = 0; j < cc->list.n; j++)
				apply(w, &cs, cc->list.v[j]);
			cs = walk_list(w, &cc->body, cs);
		} else if (c->kind == GO_COMM_CLAUSE) {
			struct go_comm_clause *cc = GO_CAST(go_comm_clause, c);

			if (dead_clause(w, cc->comm))
				continue;
			apply(w, &cs, cc->comm);
			cs = walk_list(w, &cc->body, cs);
		}
		ss_union(w, &out, &cs);
	}
	w->fr = f.up;
	ss_union(w, &out, &f.brk);
	if (!is_select && !has_default)
		ss_union(w, &out, &in);
	return out;
}

/* A same-package function that never returns: its body has no return
 * statement and ends in a call that does not come back (a fatalf helper
 * around log.Fatalf or os.Exit, a panic wrapper). */
static int has_return_fn(struct go_node *n, void *ctx)
{
	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_RETURN_STMT)
		*(int *)ctx = 1;
	return 1;
}

static int never_returns(struct lint_ctx *cx, struct go_node *x)
{
	const struct go_file *hf = NULL;
	struct go_func_decl *fd;
	struct go_node *last;
	int ret = 0;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return 0;
	x = go_unparen(GO_CAST(go_call_expr, x)->fun);
	if (!x || x->kind != GO_IDENT)
		return 0;
	fd = find_func(cx, x, &hf);
	if (!fd || !fd->body || !fd->body->list.n)
		return 0;
	last = fd->body->list.v[fd->body->list.n - 1];
	if (last->kind != GO_EXPR_STMT ||
	    !terminating(GO_CAST(go_expr_stmt, last)->x))
		return 0;
	go_ast_inspect((struct go_node *)fd->body, has_return_fn, NULL, &ret);
	return !ret;
}

static struct sset walk_stmt(struct pw *w, struct go_node *s, struct sset in)
{
	struct an *a = w->a;

	if (!s || !in.n || w->bad)
		return in;
	switch ((enum go_kind)s->kind) {
	case GO_RETURN_STMT:
		apply(w, &in, s);
		exits_of(w, &in, s, EX_RETURN);
		in.n = 0;
		return in;
	case GO_EXPR_STMT: {
		int t = terminating(GO_CAST(go_expr_stmt, s)->x);

		if (t == TERM_NONE && never_returns(a->cx, GO_CAST(go_expr_stmt, s)->x))
			t = TERM_DEAD;
		apply(w, &in, s);
		if (t == TERM_PANIC)
			exits_of(w, &in, s, EX_PANIC);
		if (t != TERM_NONE)
			in.n = 0;
		return in;
	}
	case GO_BLOCK_STMT:
		return walk_list(w, &GO_CAST(go_block_stmt, s)->list, in);
	case GO_LABELED_STMT: {
		struct go_labeled_stmt *l = GO_CAST(go_labeled_stmt, s);

		w->pending_label = l->label ? l->label->name : NULL;
		in = walk_stmt(w, l->stmt, in);
		w->pending_label = NULL;
		return in;
	}
	case GO_IF_STMT: {
		struct go_if_stmt *i = GO_CAST(go_if_stmt, s);
		struct sset th, el;

		w->pending_label = NULL;
		in = walk_stmt(w, i->init, in);
		apply(w, &in, i->cond);
		th = walk_stmt(w, (struct go_node *)i->body, in);
		el = i->els ? walk_stmt(w, i->els, in) : in;
		ss_union(w, &th, &el);
		return th;
	}
	case GO_FOR_STMT: {
		struct go_for_stmt *f = GO_CAST(go_for_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		in = walk_stmt(w, f->init, in);
		apply(w, &in, f->cond);
		w->pending_label = label;
		return walk_loop(w, s, f->body, f->post,
				 loop_key(a->cx, a->file, s), f->cond ? 0 : 1, in);
	}
	case GO_RANGE_STMT: {
		struct go_range_stmt *r = GO_CAST(go_range_stmt, s);

		if (in_set(a->al, a->nal, r->x))
			return walk_loop(w, s, r->body, NULL, "#range", 2, in);
		apply(w, &in, r->x);
		return walk_loop(w, s, r->body, NULL, loop_key(a->cx, a->file, s),
				 0, in);
	}
	case GO_SWITCH_STMT: {
		struct go_switch_stmt *sw = GO_CAST(go_switch_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		in = walk_stmt(w, sw->init, in);
		apply(w, &in, sw->tag);
		w->pending_label = label;
		return walk_clauses(w, sw->body, in, 0);
	}
	case GO_TYPE_SWITCH_STMT: {
		struct go_type_switch_stmt *sw = GO_CAST(go_type_switch_stmt, s);
		const char *label = w->pending_label;

		w->pending_label = NULL;
		in = walk_stmt(w, sw->init, in);
		apply(w, &in, sw->assign);
		w->pending_label = label;
		return walk_clauses(w, sw->body, in, 0);
	}
	case GO_SELECT_STMT:
		return walk_clauses(w, GO_CAST(go_select_stmt, s)->body, in, 1);
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, s);
		struct frame *t;

		if (b->tok == GO_TOK_GOTO) {
			w->bad = 1;
			return in;
		}
		if (b->tok == GO_TOK_FALLTHROUGH)
			return in;
		t = find_frame(w, b->label, b->tok == GO_TOK_CONTINUE);
		if (!t) {
			w->bad = 1;
			return in;
		}
		for (int i = 0; i < in.n; i++)
			dispatch_branch(w, t, b->tok == GO_TOK_CONTINUE, &in.v[i], s);
		in.n = 0;
		return in;
	}
	default:
		w->pending_label = NULL;
		apply(w, &in, s);
		return in;
	}
}

/* ---------- judging an exit ---------- */

static int leaks(const struct an *a, int mode, const struct pst *st)
{
	struct cnt T = st->T, K = a->cap;

	if (is0(st->L))
		return 0;
	if (mode == MODE_SEND) {
		struct cnt R = st->R;

		if (st->drained)
			return 0;
		/* goroutines that elect their sender through an atomic:
		 * more than one send launched is an upper bound only */
		if (st->coord && !(T.k == C_EX && T.n <= 1))
			return 0;
		switch (T.k) {
		case C_INF:
			return 1;
		case C_EX:
			if (R.k == C_EX)
				return T.n - R.n > 0 && K.k == C_EX && T.n - R.n > K.n;
			if (R.k == C_PART)
				return K.k == C_EX && T.n - 1 > K.n;
			return 0;
		case C_SYM:
			if (!(K.k == C_EX && K.n == 0))
				return 0;
			return R.k == C_EX || R.k == C_PART;
		case C_PART:
			return K.k == C_EX && K.n == 0 && is0(R);
		default:
			return 0;
		}
	}
	if (mode == MODE_RECV) {
		struct cnt S = st->S;

		if (st->closed)
			return 0;
		if (st->ranging || T.k == C_INF)
			return 1;
		switch (T.k) {
		case C_EX:
			return S.k == C_EX && T.n > S.n;
		case C_SYM:
			return S.k == C_EX || S.k == C_PART;
		case C_PART:
			return is0(S);
		default:
			return 0;
		}
	}
	return !st->closed && st->ranging && is0(st->S);
}

/* ---------- reporting ---------- */

static struct go_node *end_node(struct lint_ctx *cx, const struct go_file *f,
				const struct go_block_stmt *body)
{
	struct go_node *n = arena_zalloc(cx->arena, sizeof(*n));

	n->kind = GO_BLOCK_STMT;
	n->off = body->rbrace;
	n->end = body->rbrace + 1;
	go_file_position(f, body->rbrace, &n->line, &n->col);
	return n;
}

static const char *func_name(const struct lint_func *fn)
{
	return fn->decl && fn->decl->name ? fn->decl->name->name
		: "the function literal";
}

static const char *exit_words(struct lint_ctx *cx, const struct an *a,
			      const struct exitrec *e)
{
	const char *who = func_name(a->fn);

	if (e->kind == EX_PANIC)
		return arena_printf(cx->arena, "%s panics at line %u", who,
				    e->at->line);
	if (e->kind == EX_END)
		return arena_printf(cx->arena, "%s reaches its end at line %u",
				    who, e->at->line);
	if (e->kind == EX_LEAVE && e->at->kind == GO_BRANCH_STMT &&
	    GO_CAST(go_branch_stmt, e->at)->tok == GO_TOK_BREAK)
		return arena_printf(cx->arena, "%s breaks out of the loop that "
				    "made '%s' at line %u", who, a->ch->name,
				    e->at->line);
	if (e->kind == EX_LEAVE)
		return arena_printf(cx->arena, "%s %s at line %u (each "
				    "iteration makes a new '%s')", who,
				    e->at->kind == GO_BRANCH_STMT
				    ? "continues the loop"
				    : "finishes an iteration of the loop",
				    e->at->line, a->ch->name);
	return arena_printf(cx->arena, "%s returns at line %u", who,
			    e->at->line);
}

static const char *cap_words(struct lint_ctx *cx, const struct an *a)
{
	if (a->cap.k == C_EX && a->cap.n == 0)
		return arena_printf(cx->arena, "'%s' is unbuffered", a->ch->name);
	if (a->cap.k == C_EX)
		return arena_printf(cx->arena, "'%s' has room for only %d",
				    a->ch->name, a->cap.n);
	return arena_printf(cx->arena, "'%s' is buffered", a->ch->name);
}

struct nth {
	struct go_ident **al;
	int nal;
	int skip;
	struct go_node *at;
};

static int nth_fn(struct go_node *n, void *ctx)
{
	struct nth *t = ctx;

	if (n->kind == GO_FUNC_LIT || t->at)
		return 0;
	if (n->kind == GO_SEND_STMT &&
	    in_set(t->al, t->nal, GO_CAST(go_send_stmt, n)->chan)) {
		if (t->skip-- == 0)
			t->at = n;
	}
	return 1;
}

static void report(struct an *a, int mode, const struct exitrec *e)
{
	struct lint_ctx *cx = a->cx;
	const struct pst *st = &e->st;
	struct gor *g = NULL;
	struct go_node *at;
	const struct go_file *af;
	const char *msg, *fix, *gowords;
	struct finding *fd;
	int medium = st->cond || e->kind == EX_PANIC;
	enum report_severity sev = mode == MODE_QUIT ? REPORT_SEV_WARNING
						      : REPORT_SEV_ERROR;

	for (int i = 0; i < a->ng && !g; i++) {
		struct gor *x = &a->g[i];

		if (x->sync_call)
			continue;
		if (mode == MODE_SEND && x->send_at)
			g = x;
		else if (mode == MODE_RECV && (x->range_at || x->recv_at))
			g = x;
		else if (mode == MODE_QUIT && x->quit_loop)
			g = x;
	}
	if (!g)
		return;
	/* it sent on the sibling channel this exit received from, and
	 * returned (chanexcl.h) */
	if (mode == MODE_SEND &&
	    (lint_chanexcl_sibling_done(a->fn, e->at, &g->go->node, g->body,
					g->al, g->nal) ||
	     lint_chanexcl_blocked_before(a->fn, g->body, g->send_at)))
		return;
	af = g->file;
	gowords = "the goroutine";
	if (mode == MODE_SEND) {
		const char *what;

		at = g->send_at;
		if (st->T.k == C_EX && st->R.k == C_EX && st->R.n > 0 &&
		    a->cap.k == C_EX && is0(a->cap) && !g->helper) {
			/* one goroutine, sends in sequence: the first send
			 * nobody takes is the one that blocks */
			struct nth nt = { g->al, g->nal, st->R.n, NULL };

			go_ast_inspect((struct go_node *)g->body, nth_fn, NULL, &nt);
			if (nt.at)
				at = nt.at;
		}
		if (st->T.k == C_INF)
			what = "the goroutine keeps sending in an endless loop";
		else if (st->T.k == C_SYM && st->R.k == C_EX && st->R.n == 0)
			what = arena_printf(cx->arena, "none of the %s values "
					    "was received", st->T.key);
		else if (st->T.k == C_SYM && st->R.k == C_EX)
			what = arena_printf(cx->arena, "only %d of the %s values "
					    "%s received", st->R.n, st->T.key,
					    st->R.n == 1 ? "was" : "were");
		else if (st->R.k == C_PART)
			what = "the receiving loop has not received every value";
		else if (st->T.k == C_PART)
			what = "the goroutines started so far are never received from";
		else if (st->T.n == 1)
			what = "its value is never received";
		else
			what = arena_printf(cx->arena, "%d of its %d values %s never "
					    "received", st->T.n - st->R.n, st->T.n,
					    st->T.n - st->R.n == 1 ? "is" : "are");
		if ((st->T.k == C_PART || st->R.k == C_PART) && st->T.k != C_INF &&
		    !keyeq(st->R.key, "#range"))
			medium |= st->T.k != C_SYM || !keyeq(st->T.key, st->R.key);
		medium |= g->send_cond;
		msg = arena_printf(cx->arena, "goroutine can block for ever on "
				   "this send: when %s, %s%s%s; the blocked "
				   "goroutine and everything it references are "
				   "never freed", exit_words(cx, a, e), what,
				   st->T.k == C_INF ? "" : " and ",
				   st->T.k == C_INF ? "" : cap_words(cx, a));
		if (st->T.k == C_INF)
			fix = "select on ctx.Done() (or a done channel) around the "
				"send, and cancel()/close(done) when the receiver stops "
				"(defer it)";
		else if (st->T.k == C_SYM || st->T.k == C_PART)
			fix = arena_printf(cx->arena, "give the channel room for "
					   "every sender: make(chan %s, %s); or "
					   "select on ctx.Done() around the send",
					   a->elem, st->T.k == C_SYM ? st->T.key
					   : "n");
		else
			fix = arena_printf(cx->arena, "give the channel room for "
					   "every sender: make(chan %s, %d); or "
					   "select on ctx.Done() around the send",
					   a->elem, st->T.n);
	} else if (mode == MODE_RECV) {
		at = g->range_at ? g->range_at : g->recv_at;
		if (st->ranging) {
			msg = arena_printf(cx->arena, "goroutine ranges over '%s', "
					   "which is never closed when %s: after "
					   "the last value the loop waits for "
					   "ever", a->ch->name,
					   exit_words(cx, a, e));
			fix = arena_printf(cx->arena, "close(%s) after the last "
					   "send (defer close(%s) in %s)",
					   a->ch->name, a->ch->name,
					   func_name(a->fn));
		} else {
			msg = arena_printf(cx->arena, "goroutine can block for "
					   "ever on this receive: when %s, "
					   "nothing more is sent on '%s' and it is "
					   "never closed", exit_words(cx, a, e),
					   a->ch->name);
			fix = arena_printf(cx->arena, "send or close(%s) on every "
					   "path (defer close(%s)), or select on "
					   "ctx.Done() in the goroutine",
					   a->ch->name, a->ch->name);
		}
	} else {
		at = (struct go_node *)g->go;
		af = a->file;
		if (a->ctxmode) {
			int blank = !strcmp(a->ch->name, "_");

			msg = arena_printf(cx->arena, "goroutine never exits: it "
					   "loops until '%s' is cancelled, but when "
					   "%s, %s%s (and %s derives from a context "
					   "that is never cancelled)",
					   a->qal[0]->name, exit_words(cx, a, e),
					   blank ? "its cancel function was discarded"
					   : a->ch->name, blank ? "" : "() was not called",
					   a->qal[0]->name);
			fix = arena_printf(cx->arena, "defer %s() right after "
					   "context.WithCancel", blank ? "cancel"
					   : a->ch->name);
		} else {
		msg = arena_printf(cx->arena, "goroutine never exits: it loops "
				   "until '%s' is closed, but when %s, '%s' was "
				   "neither closed nor sent to", a->ch->name,
				   exit_words(cx, a, e), a->ch->name);
		fix = arena_printf(cx->arena, "defer close(%s) in %s right "
				   "after starting the goroutine", a->ch->name,
				   func_name(a->fn));
		}
	}
	if (!at)
		return;
	fd = lint_report(cx, af, at, sev, fix, "%s", msg);
	if (!fd)
		return;
	if (medium)
		fd->confidence = REPORT_CONF_MEDIUM;
	lint_related(cx, fd, a->file, (struct go_node *)a->make,
		     a->ctxmode ? (strcmp(a->ch->name, "_")
				   ? arena_printf(cx->arena, "%s and %s are made "
						  "here", a->qal[0]->name, a->ch->name)
				   : arena_printf(cx->arena, "%s is made here",
						  a->qal[0]->name))
		     : arena_printf(cx->arena, "%s is made here%s", a->ch->name,
				    a->cap.k == C_EX && a->cap.n == 0
				    ? " (unbuffered)" : ""));
	(void)gowords;
	lint_related(cx, fd, a->file, (struct go_node *)g->go,
		     g->helper ? arena_printf(cx->arena, "goroutine started "
					      "here (%s)", g->helper)
			       : "goroutine started here");
	if (mode == MODE_QUIT && g->quit_loop)
		lint_related(cx, fd, g->file, g->quit_loop,
			     a->ctxmode ? arena_printf(cx->arena, "its only way "
						       "out is <-%s.Done()",
						       a->qal[0]->name)
			     : arena_printf(cx->arena, "its only way out is a "
					    "receive from %s", a->ch->name));
	lint_related(cx, fd, a->file, e->at,
		     e->kind == EX_END ? "the function ends here"
		     : e->kind == EX_LEAVE ? "the iteration ends here"
		     : e->kind == EX_PANIC ? "the function panics here"
		     : "the function returns here");
}

/* ---------- results, shared by the three rules ---------- */

struct pending {
	int mode;
	struct an *a;                /* channel findings */
	struct exitrec *e;
	struct fieldscan *fs;        /* struct-field findings */
	struct go_go_stmt *gs;
	struct gor *g;
	struct pending *next;
};

struct chan_results {
	struct pending *head, **tail;
};

static void add_pending(struct lint_ctx *cx, struct pending *p)
{
	struct chan_results *r = cx->chan;

	*r->tail = p;
	r->tail = &p->next;
}

/* ---------- the driver ---------- */

/* The innermost loop whose body holds the make (the walk is pre-order,
 * so the last match is the innermost). */
struct instscan {
	struct go_call_expr *mk;
	struct go_node *loop;
};

static int inst_fn(struct go_node *n, void *ctx)
{
	struct instscan *is = ctx;
	const struct go_node *mk = (const struct go_node *)is->mk;
	struct go_block_stmt *body = NULL;

	if (n->kind == GO_FUNC_LIT || mk->off < n->off || mk->end > n->end)
		return 0;
	if (n->kind == GO_FOR_STMT)
		body = GO_CAST(go_for_stmt, n)->body;
	else if (n->kind == GO_RANGE_STMT)
		body = GO_CAST(go_range_stmt, n)->body;
	if (body && body->node.off <= mk->off && mk->end <= body->node.end)
		is->loop = n;
	return 1;
}

static void analyse_chan(struct lint_ctx *cx, const struct lint_func *fn,
			 struct go_ident *ch, struct go_call_expr *mk,
			 struct go_ident *ctxv)
{
	struct an *a = arena_zalloc(cx->arena, sizeof(*a));
	struct cls c;
	struct pw w;
	struct sset in;
	struct pst z = pst_zero();
	unsigned gops = 0;
	int any_send = 0, any_recv = 0, any_quit = 0, all_nb = 1, mode;
	struct exitrec *first = NULL;
	struct go_node *elt;

	a->cx = cx;
	a->fn = fn;
	a->file = fn->file;
	a->ch = ch;
	a->make = mk;
	a->al[0] = ch;
	a->nal = 1;
	if (ctxv) {
		a->ctxmode = 1;
		a->qal[0] = ctxv;
		a->nqal = 1;
		a->cap = ex(0);
		a->elem = "";
	} else if (mk->args.n == 1) {
		a->cap = ex(0);
	} else {
		struct go_node *n = go_unparen(mk->args.v[1]);

		if (n->kind == GO_BASIC_LIT && GO_CAST(go_basic_lit, n)->kind == GO_TOK_INT)
			a->cap = ex(atoi(GO_CAST(go_basic_lit, n)->value));
		else if (text_of(cx, fn->file, n))
			a->cap = ck(C_SYM, text_of(cx, fn->file, n));
		else
			a->cap = ck(C_UNK, NULL);
	}
	if (!ctxv) {
		elt = GO_CAST(go_chan_type, mk->args.v[0])->value;
		a->elem = text_of(cx, fn->file, elt);
		if (!a->elem)
			a->elem = "T";
	}
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.al = a->al;
	c.nal = &a->nal;
	c.base = REG_PARENT;
	go_ast_inspect((struct go_node *)fn->body, cls_pre, cls_post, &c);
	if (a->escape || c.total != c.accounted)
		return;
	{
		struct instscan is = { mk, NULL };

		go_ast_inspect((struct go_node *)fn->body, inst_fn, NULL, &is);
		a->inst = is.loop;
	}
	for (int i = 0; i < a->ng; i++) {
		struct gor *g = &a->g[i];

		if (g->sync_call) {
			analyse_gor(a, g);
			a->pops |= g->ops;
			continue;
		}
		if (!g->ops && !(a->ctxmode && g->nqal))
			continue;
		analyse_gor(a, g);
		if (a->ctxmode && g->quit_loop)
			g->ops |= OP_RECV;
		gops |= g->ops;
		any_send |= !is0(g->nsend);
		any_recv |= !is0(g->nrecv) || g->ranges;
		any_quit |= g->quit_loop != NULL;
		if (!is0(g->nrecv))
			all_nb = 0;
	}
	if (a->escape)
		return;
	if (!(a->pops & ~(unsigned)(OP_RECV | OP_RANGE)) &&
	    !(gops & ~(unsigned)(OP_SEND | OP_CLOSE)) && any_send)
		mode = MODE_SEND;
	else if (!(a->pops & ~(unsigned)(OP_SEND | OP_CLOSE | OP_DCLOSE)) &&
		 !(gops & ~(unsigned)(OP_RECV | OP_RANGE)) && any_recv)
		mode = MODE_RECV;
	else if (!(a->pops & ~(unsigned)(OP_SEND | OP_CLOSE | OP_DCLOSE)) &&
		 (gops == OP_RECV || (a->ctxmode && !(gops & ~(unsigned)OP_RECV))) &&
		 any_quit && all_nb)
		mode = MODE_QUIT;
	else
		return;
	/* a goroutine that sends on c only on some paths and signals another
	 * channel on the others: the starter's other exits are likely those
	 * other paths, which strand nobody */
	for (int i = 0; mode == MODE_SEND && i < a->ng; i++)
		if (!a->g[i].sync_call && !is0(a->g[i].nsend) &&
		    a->g[i].send_cond && a->g[i].signals_other)
			return;
	memset(&w, 0, sizeof(w));
	w.a = a;
	w.mode = mode;
	w.tail = &w.top;
	in.n = 0;
	ss_add(&w, &in, &z);
	in = walk_list(&w, &fn->body->list, in);
	if (w.bad)
		return;
	exits_of(&w, &in, end_node(cx, fn->file, fn->body), EX_END);
	for (struct exitrec *e = w.top; e; e = e->next)
		if (leaks(a, mode, &e->st) && (!first || e->at->off < first->at->off))
			first = e;
	if (first) {
		struct pending *p = arena_zalloc(cx->arena, sizeof(*p));

		p->mode = mode;
		p->a = a;
		p->e = first;
		add_pending(cx, p);
	}
}

struct mkscan {
	struct lint_ctx *cx;
	const struct lint_func *fn;
};

static int chan_make_p(struct go_node *x)
{
	return chan_make(x) != NULL;
}

static struct go_call_expr *chan_make(struct go_node *x)
{
	struct go_call_expr *c;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return NULL;
	c = GO_CAST(go_call_expr, x);
	if (!go_is_universe(c->fun, "make") || c->args.n < 1 || c->args.n > 2 ||
	    !c->args.v[0] || c->args.v[0]->kind != GO_CHAN_TYPE)
		return NULL;
	return c;
}

/* context.WithCancel(context.Background()) (or TODO, or the Cause form):
 * a context nobody but its cancel function will ever end */
static struct go_call_expr *background_cancel(struct go_node *x)
{
	struct go_call_expr *c, *p;
	struct go_node *arg;

	x = go_unparen(x);
	if (!x || x->kind != GO_CALL_EXPR)
		return NULL;
	c = GO_CAST(go_call_expr, x);
	if (c->args.n != 1 ||
	    !(go_is_pkg_member(c->fun, "context", "WithCancel") ||
	      go_is_pkg_member(c->fun, "context", "WithCancelCause")))
		return NULL;
	arg = go_unparen(c->args.v[0]);
	if (!arg || arg->kind != GO_CALL_EXPR)
		return NULL;
	p = GO_CAST(go_call_expr, arg);
	if (p->args.n || !(go_is_pkg_member(p->fun, "context", "Background") ||
			   go_is_pkg_member(p->fun, "context", "TODO")))
		return NULL;
	return c;
}

static int mk_fn(struct go_node *n, void *ctx)
{
	struct mkscan *m = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);
		struct go_call_expr *mk;

		if (as->tok == GO_TOK_DEFINE && as->lhs.n == 1 && as->rhs.n == 1 &&
		    as->lhs.v[0]->kind == GO_IDENT &&
		    (mk = chan_make(as->rhs.v[0])) != NULL)
			analyse_chan(m->cx, m->fn, GO_CAST(go_ident, as->lhs.v[0]),
				     mk, NULL);
		else if (as->tok == GO_TOK_DEFINE && as->lhs.n == 2 &&
			 as->rhs.n == 1 &&
			 as->lhs.v[0]->kind == GO_IDENT &&
			 as->lhs.v[1]->kind == GO_IDENT &&
			 (mk = background_cancel(as->rhs.v[0])) != NULL)
			analyse_chan(m->cx, m->fn, GO_CAST(go_ident, as->lhs.v[1]),
				     mk, GO_CAST(go_ident, as->lhs.v[0]));
		return 1;
	}
	if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);
		struct go_call_expr *mk;

		if (vs->names.n == 1 && vs->values.n == 1 &&
		    (mk = chan_make(vs->values.v[0])) != NULL)
			analyse_chan(m->cx, m->fn, GO_CAST(go_ident, vs->names.v[0]),
				     mk, NULL);
	}
	return 1;
}

/* ---------- quit channels kept in struct fields ---------- */

/* Every mention of field f in the package: is it only received from,
 * assigned a fresh make(chan ...), and never closed or sent on? */
struct fuse {
	const char *f;
	unsigned total, accounted;
	int stopped;
	int bad;
};

static int is_field(const struct go_node *n, const char *f)
{
	n = go_unparen(n);
	return n && n->kind == GO_SELECTOR_EXPR &&
		!strcmp(GO_CAST(go_selector_expr, n)->sel->name, f);
}

static int fuse_fn(struct go_node *n, void *ctx)
{
	struct fuse *u = ctx;

	switch ((enum go_kind)n->kind) {
	case GO_SELECTOR_EXPR:
		if (!strcmp(GO_CAST(go_selector_expr, n)->sel->name, u->f))
			u->total++;
		break;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW &&
		    is_field(GO_CAST(go_unary_expr, n)->x, u->f))
			u->accounted++;
		break;
	case GO_RANGE_STMT:
		if (is_field(GO_CAST(go_range_stmt, n)->x, u->f))
			u->accounted++;
		break;
	case GO_SEND_STMT:
		if (is_field(GO_CAST(go_send_stmt, n)->chan, u->f))
			u->stopped = 1;
		break;
	case GO_CALL_EXPR: {
		struct go_call_expr *ce = GO_CAST(go_call_expr, n);

		for (uint32_t i = 0; i < ce->args.n; i++)
			if (is_field(ce->args.v[i], u->f) &&
			    go_is_universe(ce->fun, "close"))
				u->stopped = 1;
		break;
	}
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < as->lhs.n; i++)
			if (is_field(as->lhs.v[i], u->f)) {
				if (as->lhs.n == as->rhs.n && chan_make_p(as->rhs.v[i]))
					u->accounted++;
			}
		break;
	}
	case GO_KEY_VALUE_EXPR: {
		struct go_key_value_expr *kv = GO_CAST(go_key_value_expr, n);

		if (kv->key && kv->key->kind == GO_IDENT &&
		    !strcmp(GO_CAST(go_ident, kv->key)->name, u->f) &&
		    !chan_make_p(kv->value))
			u->bad = 1;
		break;
	}
	default:
		break;
	}
	return 1;
}

struct fieldscan {
	struct lint_ctx *cx;
	const struct lint_func *fn;
};

static void field_goroutine(struct fieldscan *fs, struct go_go_stmt *gs)
{
	struct lint_ctx *cx = fs->cx;
	struct gor *g = arena_zalloc(cx->arena, sizeof(*g));
	struct go_call_expr *call;
	struct go_node *fun;
	struct qfind q;
	struct fuse u;

	if (!gs->call || gs->call->kind != GO_CALL_EXPR)
		return;
	call = GO_CAST(go_call_expr, gs->call);
	fun = go_unparen(call->fun);
	g->go = gs;
	g->fieldmode = 1;
	if (fun && fun->kind == GO_FUNC_LIT) {
		g->body = GO_CAST(go_func_lit, fun)->body;
		g->file = fs->fn->file;
	} else if (fun && (fun->kind == GO_SELECTOR_EXPR || fun->kind == GO_IDENT)) {
		const struct go_file *hf = NULL;
		struct go_func_decl *fd0 = find_func(cx, fun, &hf);

		if (!fd0)
			return;
		g->body = fd0->body;
		g->file = hf;
		g->helper = fd0->name->name;
	} else {
		return;
	}
	if (!g->body)
		return;
	memset(&q, 0, sizeof(q));
	q.gr = g;
	go_ast_inspect((struct go_node *)g->body, qfind_fn, NULL, &q);
	if (!g->quit_loop || !g->field)
		return;
	memset(&u, 0, sizeof(u));
	u.f = g->field;
	for (size_t i = 0; i < cx->pkg->nfiles; i++)
		go_ast_inspect((struct go_node *)cx->pkg->files[i], fuse_fn, NULL, &u);
	if (u.stopped || u.bad || u.total != u.accounted)
		return;
	{
		struct pending *p = arena_zalloc(cx->arena, sizeof(*p));
		struct fieldscan *keep = arena_zalloc(cx->arena, sizeof(*keep));

		*keep = *fs;
		p->mode = MODE_QUIT;
		p->fs = keep;
		p->gs = gs;
		p->g = g;
		add_pending(cx, p);
	}
}

static void report_field(struct lint_ctx *cx, const struct pending *p)
{
	struct gor *g = p->g;
	struct finding *fd;

	fd = lint_report(cx, p->fs->fn->file, (struct go_node *)p->gs,
			 REPORT_SEV_WARNING,
			 arena_printf(cx->arena, "add a Stop method that closes "
				      "the %s channel (close(x.%s)) and call it "
				      "when the owner is done; or select on a "
				      "context the owner cancels", g->field,
				      g->field),
			 "goroutine never exits: it loops until its %s channel "
			 "is closed, but nothing in package %s ever closes or "
			 "sends on a %s field, so every start leaves one more "
			 "goroutine behind", g->field, cx->pkg->name, g->field);
	if (!fd)
		return;
	fd->confidence = REPORT_CONF_MEDIUM;
	lint_related(cx, fd, g->file, g->quit_loop,
		     arena_printf(cx->arena, "its only way out is a receive "
				  "from .%s", g->field));
}

static int has_text(const struct go_file *f, const char *s)
{
	return f->src && memmem(f->src, f->size, s, strlen(s)) != NULL;
}

/* Which files are worth a look: most make no channel, and a memmem is much
 * cheaper than a walk of their trees.  Functions come file by file, so
 * the verdict of the last file is kept. */
struct drive {
	const struct go_file *file;
	int chans, fields;
	int pkg_select;
};

/* One walk of a body for both: channels made, goroutines started. */
struct both {
	struct mkscan m;
	struct fieldscan fs;
	int chans, fields;
};

static int both_fn(struct go_node *n, void *ctx)
{
	struct both *b = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (b->chans && (n->kind == GO_ASSIGN_STMT || n->kind == GO_VALUE_SPEC))
		mk_fn(n, &b->m);
	if (b->fields && n->kind == GO_GO_STMT)
		field_goroutine(&b->fs, GO_CAST(go_go_stmt, n));
	return 1;
}

static void per_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	struct drive *d = arg;

	/* returning from main ends the process: nothing is stranded */
	if (cx->is_main && fn->decl && !fn->decl->recv && fn->decl->name &&
	    !strcmp(fn->decl->name->name, "main"))
		return;
	if (fn->file != d->file) {
		d->file = fn->file;
		d->chans = has_text(fn->file, "chan") ||
			has_text(fn->file, "WithCancel");
		d->fields = d->pkg_select && has_text(fn->file, "go ");
	}
	if (d->chans || d->fields) {
		struct both b = { { cx, fn }, { cx, fn }, d->chans, d->fields };

		go_ast_inspect((struct go_node *)fn->body, both_fn, NULL, &b);
	}
}

void lint_chan_run(struct lint_ctx *cx, enum lint_chan_rule which)
{
	int want = which == LINT_CHAN_SEND ? MODE_SEND
		: which == LINT_CHAN_RECV ? MODE_RECV : MODE_QUIT;
	struct chan_results *r = cx->chan;

	if (!r) {
		struct drive d;

		r = arena_zalloc(cx->arena, sizeof(*r));
		r->tail = &r->head;
		cx->chan = r;
		memset(&d, 0, sizeof(d));
		for (size_t i = 0; i < cx->pkg->nfiles && !d.pkg_select; i++)
			d.pkg_select = has_text(cx->pkg->files[i], "select");
		lint_foreach_func(cx, per_func, &d);
	}
	for (struct pending *p = r->head; p; p = p->next) {
		if (p->mode != want)
			continue;
		if (p->a)
			report(p->a, p->mode, p->e);
		else
			report_field(cx, p);
	}
}
