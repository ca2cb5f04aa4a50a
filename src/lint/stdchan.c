/*
 * stdchan: the table of the standard library's channels (stdchan.def) and
 * the recognition of channel expressions by it.
 */
#include "stdchan.h"
#include "fields.h"

#include <string.h>

const struct lint_stdchan lint_stdchan_table[LINT_STDCHAN_N] = {
#define STDCHAN(c, path, type, member, how, sig, note) \
	{ path, type, member, how, sig, note },
#include "stdchan.def"
#undef STDCHAN
};

const struct lint_stdchan *lint_stdchan_find(const char *path, const char *type,
					     const char *member)
{
	for (size_t i = 0; i < LINT_STDCHAN_N; i++) {
		const struct lint_stdchan *s = &lint_stdchan_table[i];

		if (!strcmp(s->path, path) && !strcmp(s->type, type) &&
		    !strcmp(s->member, member))
			return s;
	}
	return NULL;
}

/* The line for a package function call fun(...) of this kind of line. */
static const struct lint_stdchan *pkg_func(const struct go_node *fun,
					   enum lint_sc_how how)
{
	for (size_t i = 0; i < LINT_STDCHAN_N; i++) {
		const struct lint_stdchan *s = &lint_stdchan_table[i];

		if (s->how == how && !s->type[0] &&
		    go_is_pkg_member(fun, s->path, s->member))
			return s;
	}
	return NULL;
}

/* x.(pkg.Type), for a method line of the table. */
static const struct lint_stdchan *asserted(const struct go_node *x,
					   const char *member)
{
	const struct go_type_assert_expr *ta;

	x = go_unparen(x);
	if (!x || x->kind != GO_TYPE_ASSERT_EXPR)
		return NULL;
	ta = GO_CAST(go_type_assert_expr, x);
	for (size_t i = 0; i < LINT_STDCHAN_N; i++) {
		const struct lint_stdchan *s = &lint_stdchan_table[i];

		if (s->type[0] && !strcmp(s->member, member) &&
		    go_is_pkg_member(ta->type, s->path, s->type))
			return s;
	}
	return NULL;
}

const struct lint_stdchan *lint_stdchan_expr(struct lint_ctx *cx,
					     const struct go_node *e)
{
	const struct lint_fields *m = lint_fields_get(cx);
	const struct go_call_expr *ce;
	const struct go_node *fun;

	e = go_unparen(e);
	if (!e)
		return NULL;
	if (e->kind == GO_SELECTOR_EXPR) {
		/* x.t.C of a ticker or timer field */
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, e);
		const struct lint_field *fl;

		if (strcmp(se->sel->name, "C"))
			return NULL;
		fl = lint_fields_at(m, se->x);
		if (!fl || !lint_field_followed(fl))
			return NULL;
		if (fl->kind == LINT_FK_TICKER)
			return &lint_stdchan_table[LINT_STDCHAN_ticker_c];
		if (fl->kind == LINT_FK_TIMER)
			return &lint_stdchan_table[fl->made_by &&
				!strcmp(fl->made_by, "AfterFunc")
				? LINT_STDCHAN_afterfunc_c : LINT_STDCHAN_timer_c];
		return NULL;
	}
	if (e->kind != GO_CALL_EXPR)
		return NULL;
	ce = GO_CAST(go_call_expr, e);
	fun = go_unparen(ce->fun);
	if (!fun)
		return NULL;
	if (fun->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, fun);
		const struct go_node *x = go_unparen(se->x);
		const struct lint_stdchan *s;

		if (!strcmp(se->sel->name, "Done") && ce->args.n == 0 && x) {
			const struct lint_field *fl;

			/* context.Background().Done() */
			if ((s = lint_stdchan_done_of(cx, x)) != NULL)
				return s;
			/* x.ctx.Done() of a context field set only from
			 * Background()/TODO() */
			fl = lint_fields_at(m, x);
			if (fl && fl->kind == LINT_FK_CONTEXT &&
			    lint_field_followed(fl) && fl->background == 1)
				return &lint_stdchan_table[LINT_STDCHAN_background];
			return NULL;
		}
		if ((s = asserted(x, se->sel->name)) != NULL && s->how == LINT_SC_CALL)
			return s;
	}
	return pkg_func(fun, LINT_SC_CALL);
}

const struct lint_stdchan *lint_stdchan_done_of(struct lint_ctx *cx,
						const struct go_node *ctx)
{
	for (int depth = 0; depth < 8; depth++) {
		const struct go_call_expr *ce;
		const struct lint_stdchan *s;

		ctx = go_unparen(ctx);
		if (!ctx || ctx->kind != GO_CALL_EXPR)
			return NULL;
		ce = GO_CAST(go_call_expr, ctx);
		s = pkg_func(ce->fun, LINT_SC_DONE);
		if (!s || s->sig != LINT_SIG_PARENT)
			return s;
		if (ce->args.n < 1)
			return NULL;
		ctx = ce->args.v[0];
	}
	(void)cx;
	return NULL;
}

const char *lint_sig_words(enum lint_sig s)
{
	switch (s) {
	case LINT_SIG_NIL: return "is nil: nothing is ever received from it";
	case LINT_SIG_NEVER_CLOSED: return "is never closed";
	case LINT_SIG_ONCE: return "gets at most one value and is never closed";
	case LINT_SIG_WHILE_SERVING: return "is signalled only while the handler runs";
	case LINT_SIG_CLOSED: return "is closed by its owner";
	case LINT_SIG_PARENT: return "is its parent's";
	}
	return "";
}
