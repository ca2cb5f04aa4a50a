/*
 * goroutine-blocked-recv: a goroutine receives from (or ranges over) a
 * channel made by the function that started it, and on some path out of
 * that function the channel is neither sent to again nor closed.  The
 * analysis is shared with the other goroutine rules, in ../chan.c.
 *
 * Also, from the field model and the standard library's table
 * (../fields.h, ../stdchan.def): a goroutine whose body (or the body of
 * its endless loop) waits -- a receive, or a select with no default whose
 * every case is a receive -- only on channels that are never signalled: a
 * channel field of its type that no function of the package sends on or
 * closes, a nil channel of the library (Done() of Background(), TODO(),
 * a context field set only from them, the C of AfterFunc's timer), or,
 * when request-handling code starts it, CloseNotify(), which on a
 * kept-alive connection never fires once the handler has returned.
 */
#include "../chan.h"
#include "../fields.h"
#include "../flow.h"
#include "../stdchan.h"

#include <string.h>

/* Why channel expression e is never signalled, or NULL if it may be. */
struct never {
	const char *why;
	const struct lint_field *fl;    /* a field nothing signals */
};

static int never(struct lint_ctx *cx, const struct lint_fields *m,
		 const struct lint_fgo *g, const struct go_node *e,
		 struct never *out)
{
	const struct lint_stdchan *sc;
	const struct lint_field *fl = lint_fields_at(m, e);

	if (fl) {
		if (fl->kind != LINT_FK_CHAN || !lint_field_followed(fl) ||
		    fl->owner->long_lived ||
		    (lint_field_all_ops(fl) & (LINT_FOP(LINT_FOP_SEND) |
					       LINT_FOP(LINT_FOP_CLOSE))))
			return 0;
		out->fl = fl;
		out->why = arena_printf(cx->arena, "nothing in package %s sends "
					"on or closes field '%s' of %s",
					cx->pkg->name, fl->name, fl->owner->name);
		return 1;
	}
	sc = lint_stdchan_expr(cx, e);
	if (!sc) {
		const struct go_node *v = lint_fgo_local_value(g, e), *d = go_unparen(e);

		sc = v ? lint_stdchan_expr(cx, v) : NULL;
		/* ctx.Done() of a local ctx := context.Background() (or a
		 * WithValue of it), never assigned again */
		if (!sc && d && d->kind == GO_CALL_EXPR &&
		    GO_CAST(go_call_expr, d)->args.n == 0 &&
		    (d = go_unparen(GO_CAST(go_call_expr, d)->fun)) != NULL &&
		    d->kind == GO_SELECTOR_EXPR &&
		    !strcmp(GO_CAST(go_selector_expr, d)->sel->name, "Done") &&
		    (v = lint_fgo_local_value(g, GO_CAST(go_selector_expr, d)->x)) != NULL)
			sc = lint_stdchan_done_of(cx, v);
	}
	if (!sc)
		return 0;
	if (sc->sig == LINT_SIG_NIL ||
	    (sc->sig == LINT_SIG_WHILE_SERVING && g->ftype &&
	     lint_flow_handles_requests(g->ftype))) {
		out->why = sc->note;
		return 1;
	}
	return 0;
}

/* The channel a receive expression (<-e, possibly in `v := <-e`) reads. */
static const struct go_node *recv_of(const struct go_node *st)
{
	return go_comm_recv_operand(st);
}

/* Does statement st block for ever?  Fills *why for the first channel. */
static int blocks(struct lint_ctx *cx, const struct lint_fields *m,
		  const struct lint_fgo *g, const struct go_node *st,
		  int in_loop, struct never *why)
{
	const struct go_node *c = recv_of(st);

	if (c)
		return never(cx, m, g, c, why);
	if (st->kind == GO_SELECT_STMT) {
		const struct go_block_stmt *b = GO_CAST(go_select_stmt, st)->body;
		int n = 0;

		for (uint32_t i = 0; b && i < b->list.n; i++) {
			const struct go_comm_clause *cc = GO_CAST(go_comm_clause, b->list.v[i]);
			struct never w;

			memset(&w, 0, sizeof(w));
			/* a loop left only by a quit case is goroutine-no-exit's */
			for (uint32_t j = 0; in_loop && j < cc->body.n; j++)
				if (cc->body.v[j]->kind == GO_RETURN_STMT)
					return 0;
			if (!cc->comm || !(c = recv_of(cc->comm)) || !never(cx, m, g, c, &w))
				return 0;
			if (!n++)
				*why = w;
		}
		if (n > 1)
			why->why = arena_printf(cx->arena, "%s; and so is every other "
						"case of the select", why->why);
		return n > 0;
	}
	return 0;
}

static void check_go(struct lint_ctx *cx, const struct lint_fields *m,
		     const struct lint_fgo *g)
{
	const struct go_block_stmt *body = g->body;
	const struct go_func_decl *fd0 = g->starter;

	/* started once for the life of the process: not a growing leak */
	if (fd0 && !g->in_lit && !fd0->recv && fd0->name &&
	    (!strcmp(fd0->name->name, "init") ||
	     (cx->is_main && !strcmp(fd0->name->name, "main"))))
		return;
	for (int depth = 0; depth < 2 && body; depth++) {
		const struct go_block_stmt *loop = NULL;

		for (uint32_t i = 0; i < body->list.n; i++) {
			struct go_node *st = body->list.v[i];
			struct never why;
			struct finding *fd;

			memset(&why, 0, sizeof(why));
			if (st->kind == GO_RETURN_STMT)
				return;
			if (st->kind == GO_FOR_STMT && !GO_CAST(go_for_stmt, st)->cond &&
			    !loop)
				loop = GO_CAST(go_for_stmt, st)->body;
			if (!blocks(cx, m, g, st, depth, &why))
				continue;
			fd = lint_report(cx, g->file, (const struct go_node *)g->go,
				REPORT_SEV_WARNING,
				why.fl ? arena_printf(cx->arena, "close the %s channel in "
						      "the Close/Stop method of %s (or "
						      "send on it) and call that when "
						      "the value is done", why.fl->name,
						      why.fl->owner->name)
				: "wait on a channel that is signalled as well (a done "
				  "channel, the request's context), or do not start the "
				  "goroutine",
				"goroutine blocked for ever: it waits on a channel that is "
				"never signalled (%s)", why.why);
			if (!fd)
				return;
			fd->confidence = REPORT_CONF_MEDIUM;
			lint_related(cx, fd, g->bfile, st, "blocks here for ever");
			if (why.fl) {
				lint_related(cx, fd, why.fl->site[LINT_FOP_SET_FRESH].file,
					     why.fl->site[LINT_FOP_SET_FRESH].at,
					     "the channel is made here");
				lint_fields_related(cx, fd, why.fl, "close");
			}
			return;
		}
		body = loop;
	}
}

void lint_rule_goroutine_blocked_recv(struct lint_ctx *cx)
{
	const struct lint_fields *m;

	lint_chan_run(cx, LINT_CHAN_RECV);
	m = lint_fields_get(cx);
	for (size_t i = 0; i < m->ngos; i++)
		check_go(cx, m, &m->gos[i]);
}
