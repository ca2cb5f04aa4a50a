/*
 * ticker-not-stopped: a time.NewTicker that is not stopped on some path out
 * of the function and not handed off; a ticker stored in a struct field
 * that no code of the package ever stops.
 *
 * Before Go 1.23 a ticker that is not stopped is never collected: its
 * runtime timer keeps firing (and keeps its channel alive) forever.  Since
 * Go 1.23 an unreferenced ticker is collected, so a local ticker only
 * wastes work until the GC finds it -- but a ticker still referenced, by a
 * running goroutine or a long-lived struct, still fires forever.
 */
#include "../flow.h"
#include "../lifetime.h"
#include "../deferloop.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

static void found(struct lint_ctx *cx, const struct lint_func *fn,
		  const struct lint_res *r, struct go_node *call, void *arg)
{
	struct go_node *where = NULL, *d, *loop = NULL;
	struct finding *fd;
	const struct lint_semantics *sem = cx->sem;
	enum lint_flow_verdict v;

	(void)arg;
	if (r->kind != LINT_RES_TICKER)
		return;
	/* a deferred Stop references every ticker of the loop: none is
	 * collected, in any Go version, and all keep firing */
	v = lint_flow_check(cx, fn, r, &where);
	if (v == LINT_FLOW_OK && (d = lint_deferloop_find(cx, fn, r, &loop))) {
		fd = lint_report(cx, fn->file, d, REPORT_SEV_WARNING,
			"stop the ticker at the end of the iteration (or move the "
			"body into a function, where the defer runs per iteration)",
			"defer %s.Stop() inside an endless loop runs only when the "
			"function returns: every ticker the loop creates keeps "
			"firing until then, referenced by the pending defer (in "
			"every Go version)", r->var->name);
		lint_related(cx, fd, fn->file, call, "the ticker is created here");
		lint_related(cx, fd, fn->file, loop, "the loop");
		return;
	}
	/* Go 1.23 timers: a local ticker nothing references any more is
	 * collected, so one forgotten in a function that returns (or
	 * overwritten by the next iteration) costs a few wake-ups until the
	 * GC finds it: true but harmless, not reported (docs/rules) */
	if (sem->new_timers || v != LINT_FLOW_LEAKS)
		return;
	fd = lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
		"defer t.Stop() right after time.NewTicker",
		"ticker '%s' is %s: before Go 1.23 a ticker that is not "
		"stopped is never collected and keeps firing forever "
		"(timers before Go 1.23: %s)", r->var->name,
		lint_life_words(cx, fn, r, "stopped"), sem->why);
	if (where->kind == GO_RETURN_STMT)
		lint_related(cx, fd, fn->file, where, "returns here without stopping it");
	else if (where == r->def)
		lint_related(cx, fd, fn->file, where,
			     "created again here by the next iteration without stopping it");
}

static void discarded(struct lint_ctx *cx, const struct lint_func *fn,
		      enum lint_res_kind kind, struct go_node *call, void *arg)
{
	(void)arg;
	if (kind != LINT_RES_TICKER || cx->sem->new_timers)
		return;
	lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
		"keep the ticker and stop it",
		"the ticker is discarded, so it can never be stopped: before Go "
		"1.23 it keeps firing forever (timers before Go 1.23: %s)",
		cx->sem->why);
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	if (!lint_file_imports(fn->file, "time"))
		return;
	lint_flow_find(cx, fn, found, discarded, arg);
}

/* ---- tickers in struct fields ---- */

struct field_store {
	const char *field;
	const struct go_file *file;
	struct go_node *at;
};

struct fscan {
	struct lint_ctx *cx;
	const struct go_file *file;
	VEC(struct field_store) stores;
	VEC(struct go_node *) stack;
};

static int is_new_ticker(const struct go_node *x)
{
	x = go_unparen(x);
	return x && x->kind == GO_CALL_EXPR &&
		go_is_pkg_member(GO_CAST(go_call_expr, x)->fun, "time", "NewTicker");
}

static int store_fn(struct go_node *n, void *ctx)
{
	struct fscan *s = ctx;

	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n && i < a->rhs.n; i++) {
			struct go_node *l = go_unparen(a->lhs.v[i]);

			if (l && l->kind == GO_SELECTOR_EXPR && is_new_ticker(a->rhs.v[i])) {
				struct field_store fs = {
					GO_CAST(go_selector_expr, l)->sel->name,
					s->file, a->rhs.v[i] };
				vec_push(&s->stores, fs);
			}
		}
	} else if (n->kind == GO_COMPOSITE_LIT) {
		struct go_composite_lit *c = GO_CAST(go_composite_lit, n);

		for (uint32_t i = 0; i < c->elts.n; i++) {
			struct go_node *e = c->elts.v[i];
			struct go_key_value_expr *kv;

			if (e->kind != GO_KEY_VALUE_EXPR)
				continue;
			kv = GO_CAST(go_key_value_expr, e);
			if (kv->key && kv->key->kind == GO_IDENT &&
			    is_new_ticker(kv->value)) {
				struct field_store fs = {
					GO_CAST(go_ident, kv->key)->name,
					s->file, kv->value };
				vec_push(&s->stores, fs);
			}
		}
	}
	return 1;
}

/* Any use of .field other than .field.C, .field.Reset(...) or the stores
 * themselves means someone may stop it (or hands it on): stay silent. */
struct uscan {
	const char *field;
	int handled;
	VEC(struct go_node *) stack;
};

static int use_fn(struct go_node *n, void *ctx)
{
	struct uscan *u = ctx;

	vec_push(&u->stack, n);
	if (n->kind == GO_SELECTOR_EXPR &&
	    !strcmp(GO_CAST(go_selector_expr, n)->sel->name, u->field) &&
	    u->stack.len >= 2) {
		struct go_node *p = u->stack.items[u->stack.len - 2];

		if (p->kind == GO_SELECTOR_EXPR &&
		    GO_CAST(go_selector_expr, p)->x == n) {
			const char *sel = GO_CAST(go_selector_expr, p)->sel->name;

			if (strcmp(sel, "C") && strcmp(sel, "Reset"))
				u->handled = 1;   /* .Stop() or something we do not know */
		} else if (p->kind == GO_ASSIGN_STMT) {
			struct go_assign_stmt *a = GO_CAST(go_assign_stmt, p);
			int lhs = 0;

			for (uint32_t i = 0; i < a->lhs.n; i++)
				if (go_unparen(a->lhs.v[i]) == n && i < a->rhs.n &&
				    is_new_ticker(a->rhs.v[i]))
					lhs = 1;
			if (!lhs)
				u->handled = 1;
		} else {
			u->handled = 1;
		}
	}
	return 1;
}

static void use_post(struct go_node *n, void *ctx)
{
	struct uscan *u = ctx;

	(void)n;
	u->stack.len--;
}

static void check_fields(struct lint_ctx *cx)
{
	struct fscan s;

	memset(&s, 0, sizeof(s));
	s.cx = cx;
	for (size_t i = 0; i < cx->pkg->nfiles; i++) {
		s.file = cx->pkg->files[i];
		if (lint_file_imports(s.file, "time"))
			go_ast_inspect((struct go_node *)s.file, store_fn, NULL, &s);
	}
	for (size_t k = 0; k < s.stores.len; k++) {
		struct uscan u;

		memset(&u, 0, sizeof(u));
		u.field = s.stores.items[k].field;
		for (size_t i = 0; i < cx->pkg->nfiles && !u.handled; i++)
			go_ast_inspect((struct go_node *)cx->pkg->files[i], use_fn,
				       use_post, &u);
		vec_free(&u.stack);
		if (u.handled)
			continue;
		/* one ticker for the life of the process (a package-level
		 * value, one made in main, a singleton's constructor): true
		 * but harmless, in every Go version (docs/rules) */
		if (lint_life_process_lived(cx, s.stores.items[k].file,
					    s.stores.items[k].at))
			continue;
		lint_report(cx, s.stores.items[k].file, s.stores.items[k].at,
			REPORT_SEV_WARNING,
			"add a Close/Stop method that calls Stop on the ticker and "
			"call it when the value is done",
			"the ticker stored in field '%s' is never stopped anywhere in "
			"the package: while the struct is referenced it fires forever "
			"(in every Go version; before Go 1.23 even after that: %s)",
			u.field, cx->sem->why);
	}
	vec_free(&s.stores);
}

void lint_rule_ticker_not_stopped(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
	check_fields(cx);
}
