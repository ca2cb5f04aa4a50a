/*
 * goroutine-no-exit: a goroutine that never finishes.  Two shapes:
 *
 * 1. It loops for ever in a select whose only way out is a receive on a
 *    quit channel made by the function that started it, and on some path
 *    out of that function the channel is never closed (nor sent to).  The
 *    analysis is shared with the other goroutine rules, in ../chan.c.
 * 2. Its body is an endless `for { ... }` with no way out at all (no
 *    return, no break out of the loop, no goto, no panic or Goexit), and it
 *    is started by request-handling code (a function with an *http.Request,
 *    http.ResponseWriter or net.Conn parameter): every request leaves one
 *    more goroutine behind.  Started anywhere else (init, main, a
 *    constructor) such a loop is nearly always a daemon started once, so
 *    that is not reported: precision first.
 * 3. Wherever it is started: such an exitless loop whose select has a case
 *    that stops a ticker or timer (x.Stop()) without re-arming it, and then
 *    goes round again.  The Stop says the author meant that case to end the
 *    goroutine; it waits instead on a ticker that never fires again.
 */
#include "../chan.h"
#include "../fields.h"
#include "../stdchan.h"
#include "../flow.h"

#include <string.h>

struct exits {
	const char *label;   /* the loop's label, or NULL */
	int depth;           /* breakable statements entered inside the loop */
	int found;
};

static int breakable(const struct go_node *n)
{
	return n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
	       n->kind == GO_SWITCH_STMT || n->kind == GO_TYPE_SWITCH_STMT ||
	       n->kind == GO_SELECT_STMT;
}

static int exit_pre(struct go_node *n, void *ctx)
{
	struct exits *x = ctx;

	if (x->found || n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_RETURN_STMT) {
		x->found = 1;
	} else if (n->kind == GO_BRANCH_STMT) {
		struct go_branch_stmt *b = GO_CAST(go_branch_stmt, n);

		if (b->tok == GO_TOK_GOTO)
			x->found = 1;
		else if (b->tok == GO_TOK_BREAK &&
			 (b->label ? x->label && !strcmp(b->label->name, x->label)
				   : x->depth == 0))
			x->found = 1;
	} else if (n->kind == GO_EXPR_STMT &&
		   lint_flow_terminating_call(GO_CAST(go_expr_stmt, n)->x)) {
		x->found = 1;
	} else if (breakable(n)) {
		x->depth++;
	}
	return !x->found;
}

static void exit_post(struct go_node *n, void *ctx)
{
	struct exits *x = ctx;

	if (breakable(n))
		x->depth--;
}

/* The endless, exitless `for {}` at the top level of a goroutine body. */
static struct go_for_stmt *endless_loop(struct go_block_stmt *body)
{
	for (uint32_t i = 0; body && i < body->list.n; i++) {
		struct go_node *st = body->list.v[i];
		const char *label = NULL;
		struct go_for_stmt *f;
		struct exits x;

		if (st->kind == GO_LABELED_STMT) {
			label = GO_CAST(go_labeled_stmt, st)->label->name;
			st = GO_CAST(go_labeled_stmt, st)->stmt;
		}
		if (!st || st->kind != GO_FOR_STMT)
			continue;
		f = GO_CAST(go_for_stmt, st);
		if (f->cond || !f->body)
			continue;
		memset(&x, 0, sizeof(x));
		x.label = label;
		for (uint32_t j = 0; j < f->body->list.n && !x.found; j++)
			go_ast_inspect(f->body->list.v[j], exit_pre, exit_post, &x);
		return x.found ? NULL : f;
	}
	return NULL;
}

struct starts {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	int handler;   /* fn handles requests (shape 2) */
};

/* `x.Stop()` as a statement of list l, x not re-armed in l (no x.Reset,
 * no assignment to x): returns the Stop statement. */
static struct go_node *bare_stop(const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n; i++) {
		struct go_node *s = l->v[i], *x, *f;

		if (s->kind != GO_EXPR_STMT)
			continue;
		x = go_unparen(GO_CAST(go_expr_stmt, s)->x);
		if (!x || x->kind != GO_CALL_EXPR || GO_CAST(go_call_expr, x)->args.n)
			continue;
		f = go_unparen(GO_CAST(go_call_expr, x)->fun);
		if (!f || f->kind != GO_SELECTOR_EXPR ||
		    strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Stop"))
			continue;
		for (uint32_t k = 0; k < l->n; k++) {
			struct go_node *o = l->v[k], *y;

			if (o->kind == GO_ASSIGN_STMT)
				return NULL;   /* t = time.NewTicker(d): re-armed */
			if (o->kind != GO_EXPR_STMT)
				continue;
			y = go_unparen(GO_CAST(go_expr_stmt, o)->x);
			if (y && y->kind == GO_CALL_EXPR &&
			    (f = go_unparen(GO_CAST(go_call_expr, y)->fun)) != NULL &&
			    f->kind == GO_SELECTOR_EXPR &&
			    !strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Reset"))
				return NULL;
		}
		return s;
	}
	return NULL;
}

/* The Stop of shape 3 in the select statements at the top of loop's body. */
static struct go_node *stop_case(struct go_for_stmt *loop)
{
	for (uint32_t i = 0; i < loop->body->list.n; i++) {
		struct go_node *s = loop->body->list.v[i];
		struct go_block_stmt *b;

		if (s->kind != GO_SELECT_STMT ||
		    !(b = GO_CAST(go_select_stmt, s)->body))
			continue;
		for (uint32_t k = 0; k < b->list.n; k++) {
			struct go_node *st =
				bare_stop(&GO_CAST(go_comm_clause, b->list.v[k])->body);

			if (st)
				return st;
		}
	}
	return NULL;
}

static int go_pre(struct go_node *n, void *ctx)
{
	struct starts *s = ctx;
	struct go_node *call;
	struct go_func_lit *lit;
	struct go_for_stmt *loop;
	struct go_node *stop;
	struct finding *fd;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind != GO_GO_STMT)
		return 1;
	call = GO_CAST(go_go_stmt, n)->call;
	if (!call || call->kind != GO_CALL_EXPR)
		return 1;
	call = go_unparen(GO_CAST(go_call_expr, call)->fun);
	if (!call || call->kind != GO_FUNC_LIT)
		return 1;
	lit = GO_CAST(go_func_lit, call);
	loop = endless_loop(lit->body);
	if (!loop)
		return 1;
	stop = stop_case(loop);
	if (stop) {
		fd = lint_report(s->cx, s->fn->file, stop, REPORT_SEV_WARNING,
			"return (or break out of the loop) after the Stop",
			"goroutine never exits: this case stops the ticker but does "
			"not leave the loop, so the goroutine goes round again and "
			"waits for ever on channels that nothing will signal (a "
			"stopped ticker never fires again)");
		lint_related(s->cx, fd, s->fn->file, n, "goroutine started here");
		lint_related(s->cx, fd, s->fn->file, (struct go_node *)loop,
			     "the loop with no way out");
		return 1;
	}
	if (!s->handler)
		return 1;
	fd = lint_report(s->cx, s->fn->file, n, REPORT_SEV_WARNING,
		"give the loop a way out: select on the request's context "
		"(case <-r.Context().Done(): return) or on a channel closed when "
		"the work is done; or start the loop once, outside the handler",
		"goroutine never exits: it runs an endless loop with no return or "
		"break, and it is started by request-handling code, so every "
		"request leaves one more goroutine (and all it references) "
		"running for the life of the process");
	lint_related(s->cx, fd, s->fn->file, (struct go_node *)loop,
		     "the loop with no way out");
	return 1;
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn,
		       void *arg)
{
	struct starts s = { cx, fn, 0 };

	(void)arg;
	if (!fn->body)
		return;
	s.handler = lint_flow_handles_requests(fn->type);
	go_ast_inspect((struct go_node *)fn->body, go_pre, NULL, &s);
}

/* ---- 3. a goroutine of a type ranging over a channel that is never
 * closed (a ticker field's C: Stop does not close it), with no way out of
 * the loop: it never ends, Stop or no Stop.  Reads the field model and
 * the standard library's table (../fields.h, ../stdchan.def). ---- */

static int process_start(const struct lint_ctx *cx, const struct go_func_decl *fd)
{
	return fd && !fd->recv && fd->name &&
		(!strcmp(fd->name->name, "init") ||
		 (cx->is_main && !strcmp(fd->name->name, "main")));
}

/* A local ticker of the starting function, captured by the goroutine
 * literal: t := time.NewTicker(d) never assigned again, and the starter
 * calls t.Stop() (so it expects the goroutine to end; with no Stop at all
 * ticker-not-stopped speaks). */
struct local_tick {
	const struct go_ident *id;
	const struct go_node *made, *stop;
};

static int stop_fn(struct go_node *n, void *ctx)
{
	struct local_tick *lt = ctx;
	const struct go_node *f;

	if (lt->stop || n->kind != GO_CALL_EXPR)
		return !lt->stop;
	f = go_unparen(GO_CAST(go_call_expr, n)->fun);
	if (f && f->kind == GO_SELECTOR_EXPR &&
	    !strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Stop") &&
	    go_local_var(GO_CAST(go_selector_expr, f)->x) == lt->id)
		lt->stop = n;
	return 1;
}

static const struct local_tick *local_ticker(const struct lint_fgo *g,
					     const struct go_node *x,
					     struct local_tick *out)
{
	struct local_tick lt;
	const struct go_selector_expr *se = GO_CAST(go_selector_expr, x);
	const struct go_node *v, *c;

	const struct go_node *fun = g->go->call && g->go->call->kind == GO_CALL_EXPR
		? go_unparen(GO_CAST(go_call_expr, g->go->call)->fun) : NULL;

	/* the goroutine is a literal capturing the starter's local */
	if (!fun || fun->kind != GO_FUNC_LIT || !g->starter ||
	    strcmp(se->sel->name, "C") || !go_local_var(se->x))
		return NULL;
	v = lint_fgo_local_value(g, se->x);
	c = go_unparen(v);
	if (!c || c->kind != GO_CALL_EXPR ||
	    !go_is_pkg_member(GO_CAST(go_call_expr, c)->fun, "time", "NewTicker"))
		return NULL;
	memset(&lt, 0, sizeof(lt));
	lt.id = go_local_var(se->x);
	lt.made = c;
	go_ast_inspect((struct go_node *)g->starter->body, stop_fn, NULL, &lt);
	if (!lt.stop)
		return NULL;
	*out = lt;
	return out;
}

static void report_local(struct lint_ctx *cx, const struct lint_fgo *g,
			 const struct go_node *range, const struct local_tick *lt)
{
	struct finding *fd;

	fd = lint_report(cx, g->file, (const struct go_node *)g->go,
		REPORT_SEV_WARNING,
		"select on the ticks and on a done channel closed where the "
		"ticker is stopped (or on the caller's context)",
		"goroutine never exits: it ranges over the C of ticker '%s', "
		"which is stopped but %s", lt->id->name,
		"Stop does not close C, so the range never ends and the "
		"goroutine stays blocked for ever after Stop");
	if (!fd)
		return;
	lint_related(cx, fd, g->bfile, range, "ranges over the ticks here, "
		     "with no way out of the loop");
	lint_related(cx, fd, g->file, lt->made, "the ticker is made here");
	lint_related(cx, fd, g->file, lt->stop,
		     "stops the ticker but does not end the range");
}

static void range_forever(struct lint_ctx *cx, const struct lint_fields *m,
			  const struct lint_fgo *g)
{
	for (uint32_t i = 0; g->body && i < g->body->list.n; i++) {
		struct go_node *st = g->body->list.v[i];
		const char *label = NULL;
		const struct lint_stdchan *sc;
		const struct lint_field *fl;
		struct go_range_stmt *r;
		struct go_node *x;
		struct finding *fd;
		struct exits ex;
		const struct lint_fsite *stop;
		const struct local_tick *local;
		struct local_tick ltick;

		if (st->kind == GO_LABELED_STMT) {
			label = GO_CAST(go_labeled_stmt, st)->label->name;
			st = GO_CAST(go_labeled_stmt, st)->stmt;
		}
		if (!st)
			continue;
		if (st->kind == GO_RETURN_STMT)
			return;
		if (st->kind != GO_RANGE_STMT)
			continue;
		r = GO_CAST(go_range_stmt, st);
		x = go_unparen(r->x);
		if (!x || x->kind != GO_SELECTOR_EXPR || !r->body)
			continue;
		sc = lint_stdchan_expr(cx, x);
		fl = lint_fields_at(m, GO_CAST(go_selector_expr, x)->x);
		local = fl ? NULL : local_ticker(g, x, &ltick);
		if (local) {
			memset(&ex, 0, sizeof(ex));
			ex.label = label;
			for (uint32_t j = 0; j < r->body->list.n && !ex.found; j++)
				go_ast_inspect(r->body->list.v[j], exit_pre, exit_post, &ex);
			if (!ex.found)
				report_local(cx, g, st, local);
			return;
		}
		if (!sc || sc->sig != LINT_SIG_NEVER_CLOSED || !fl ||
		    fl->owner->long_lived)
			continue;
		memset(&ex, 0, sizeof(ex));
		ex.label = label;
		for (uint32_t j = 0; j < r->body->list.n && !ex.found; j++)
			go_ast_inspect(r->body->list.v[j], exit_pre, exit_post, &ex);
		if (ex.found)
			continue;
		fd = lint_report(cx, g->file, (const struct go_node *)g->go,
			REPORT_SEV_WARNING,
			arena_printf(cx->arena, "select on the ticks and on a done "
				     "channel that the type's Close/Stop closes "
				     "(case <-x.done: return), and stop the "
				     "ticker there too"),
			"goroutine never exits: it ranges over the C of ticker field "
			"'%s' of %s, and %s", fl->name, fl->owner->name,
			"Stop does not close C, so the range never ends (each "
			"start leaves one more goroutine blocked for ever)");
		if (!fd)
			return;
		lint_related(cx, fd, g->bfile, st, "ranges over the ticks here, "
			     "with no way out of the loop");
		if (fl->ops & LINT_FOP(LINT_FOP_SET_FRESH))
			lint_related(cx, fd, fl->site[LINT_FOP_SET_FRESH].file,
				     fl->site[LINT_FOP_SET_FRESH].at,
				     "the ticker is made here");
		stop = &fl->site[LINT_FOP_STOP];
		if (stop->at)
			lint_related(cx, fd, stop->file, stop->at,
				     "stops the ticker but does not end the range");
		else
			lint_fields_related(cx, fd, fl, "stop");
		return;
	}
}

void lint_rule_goroutine_no_exit(struct lint_ctx *cx)
{
	const struct lint_fields *m = lint_fields_get(cx);

	for (size_t i = 0; i < m->ngos; i++)
		if (m->gos[i].in_lit || !process_start(cx, m->gos[i].starter))
			range_forever(cx, m, &m->gos[i]);
	lint_chan_run(cx, LINT_CHAN_NOEXIT);
	lint_foreach_func(cx, check_func, NULL);
}
