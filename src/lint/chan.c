/*
 * chan: goroutines stranded on a channel (chan.h).  This file is the
 * driver; the passes live in chan_parties.c, chan_goroutine.c and
 * chan_paths.c, their shared state in chan_int.h.
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
#include "chan_int.h"
#include "facts.h"
#include "fields.h"
#include "../base/sb.h"

#include <stdlib.h>
#include <string.h>

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
	struct pst z = chan_pst_zero();
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
		else if (chan_text_of(cx, fn->file, n))
			a->cap = ck(C_SYM, chan_text_of(cx, fn->file, n));
		else
			a->cap = ck(C_UNK, NULL);
	}
	if (!ctxv) {
		elt = GO_CAST(go_chan_type, mk->args.v[0])->value;
		a->elem = chan_text_of(cx, fn->file, elt);
		if (!a->elem)
			a->elem = "T";
	}
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.al = a->al;
	c.nal = &a->nal;
	c.base = REG_PARENT;
	{
		/* deferred closures in variables run at the exits too */
		struct dvscan d = { &c, cx, fn };

		go_ast_inspect((struct go_node *)fn->body, chan_dvscan_fn, NULL, &d);
	}
	go_ast_inspect((struct go_node *)fn->body, chan_cls_pre, chan_cls_post, &c);
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
			chan_analyse_gor(a, g);
			a->pops |= g->ops;
			continue;
		}
		if (!g->ops && !(a->ctxmode && g->nqal))
			continue;
		chan_analyse_gor(a, g);
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
	chan_ss_add(&w, &in, &z);
	in = chan_walk_list(&w, &fn->body->list, in);
	if (w.bad)
		return;
	chan_exits_of(&w, &in, chan_end_node(cx, fn->file, fn->body), EX_END);
	for (struct exitrec *e = w.top; e; e = e->next)
		if (chan_leaks(a, mode, &e->st) && (!first || e->at->off < first->at->off))
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

struct go_call_expr *chan_make(struct go_node *x)
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
	const struct lint_field *fl;

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
		struct go_func_decl *fd0 = chan_find_func(cx, fun, &hf);

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
	go_ast_inspect((struct go_node *)g->body, chan_qfind_fn, NULL, &q);
	if (!g->quit_loop || !g->field)
		return;
	fl = lint_fields_at(lint_fields_get(cx), g->field_sel);
	if (fl) {
		/* the field model ties the quit channel to its type (fields.h):
		 * signalled by any function, handed on, set from elsewhere, or
		 * owned by a process-lifetime value: not judged */
		if (fl->kind != LINT_FK_CHAN || !lint_field_followed(fl) ||
		    fl->owner->long_lived ||
		    (lint_field_all_ops(fl) & (LINT_FOP(LINT_FOP_SEND) |
					       LINT_FOP(LINT_FOP_CLOSE))))
			return;
		g->field_type = fl->owner->name;
	} else {
		/* untyped: every mention of the name in the package */
		memset(&u, 0, sizeof(u));
		u.f = g->field;
		for (size_t i = 0; i < cx->pkg->nfiles; i++)
			go_ast_inspect((struct go_node *)cx->pkg->files[i], fuse_fn,
				       NULL, &u);
		if (u.stopped || u.bad || u.total != u.accounted)
			return;
	}
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
			 "sends on %s%s%s, so every start leaves one more "
			 "goroutine behind", g->field, cx->pkg->name,
			 g->field_type ? "field '" : "a ", g->field,
			 g->field_type ? arena_printf(cx->arena, "' of %s",
						      g->field_type) : " field");
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
			chan_report(p->a, p->mode, p->e);
		else
			report_field(cx, p);
	}
}

