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
#include "../fields.h"
#include "../flow.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

static void found(struct lint_ctx *cx, const struct lint_func *fn,
		  const struct lint_res *r, struct go_node *call, void *arg)
{
	struct go_node *where = NULL;
	struct finding *fd;
	const struct lint_semantics *sem = cx->sem;

	(void)arg;
	if (r->kind != LINT_RES_TICKER)
		return;
	if (lint_flow_check(cx, fn, r, &where) != LINT_FLOW_LEAKS)
		return;
	if (!sem->new_timers)
		fd = lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
			"defer t.Stop() right after time.NewTicker",
			"ticker '%s' is not stopped on every path: before Go 1.23 a "
			"ticker that is not stopped is never collected and keeps "
			"firing forever (timers before Go 1.23: %s)",
			r->var->name, sem->why);
	else
		fd = lint_report(cx, fn->file, call, REPORT_SEV_NOTE,
			"defer t.Stop() right after time.NewTicker",
			"ticker '%s' is not stopped on every path: since Go 1.23 it "
			"is collected once unreferenced, but it keeps firing until "
			"then, and forever if anything still references it (%s)",
			r->var->name, sem->why);
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

/* ---- tickers in struct fields (the field model, ../fields.h) ---- */

static void check_field(struct lint_ctx *cx, const struct lint_field *fl)
{
	const struct lint_fsite *set = &fl->site[LINT_FOP_SET_FRESH];
	const struct go_func_decl *closer;
	const struct go_file *cf = NULL;
	unsigned all = lint_field_all_ops(fl);
	struct finding *fd;

	if (fl->kind != LINT_FK_TICKER || !lint_field_followed(fl) ||
	    (all & LINT_FOP(LINT_FOP_STOP)))
		return;
	/* a value that lives as long as the process (a package-level
	 * variable, made in main): its ticker is meant to fire for ever, in
	 * every Go version -- true but harmless, not reported */
	if (fl->owner->long_lived)
		return;
	fd = lint_report(cx, set->file, set->at, REPORT_SEV_WARNING,
		"add a Close/Stop method that calls Stop on the ticker and "
		"call it when the value is done",
		"the ticker stored in field '%s' of %s is never stopped by any "
		"method or function of the package: while the %s is referenced "
		"it fires forever (in every Go version; before Go 1.23 even "
		"after that: %s)",
		fl->name, fl->owner->name, fl->owner->name, cx->sem->why);
	if (!fd)
		return;
	lint_related(cx, fd, fl->owner->file, (const struct go_node *)fl->owner->spec,
		     arena_printf(cx->arena, "type %s keeps it in field '%s'",
				  fl->owner->name, fl->name));
	closer = lint_fields_closer(cx, fl->owner, &cf);
	if (closer)
		lint_related(cx, fd, cf, (const struct go_node *)closer,
			     arena_printf(cx->arena, "%s.%s does not stop it: "
					  "stop .%s here", fl->owner->name,
					  closer->name->name, fl->name));
	if (fl->ops & LINT_FOP(LINT_FOP_RANGE_C))
		lint_related(cx, fd, fl->site[LINT_FOP_RANGE_C].file,
			     fl->site[LINT_FOP_RANGE_C].at, "its ticks are read here");
	else if (fl->ops & LINT_FOP(LINT_FOP_RECV_C))
		lint_related(cx, fd, fl->site[LINT_FOP_RECV_C].file,
			     fl->site[LINT_FOP_RECV_C].at, "its ticks are read here");
}

static void check_fields(struct lint_ctx *cx)
{
	const struct lint_fields *m = lint_fields_get(cx);

	for (size_t i = 0; i < m->ntypes; i++)
		for (size_t j = 0; j < m->types[i]->nfields; j++)
			check_field(cx, &m->types[i]->fields[j]);
}

void lint_rule_ticker_not_stopped(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
	check_fields(cx);
}
