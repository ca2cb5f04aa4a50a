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
		arena_printf(cx->arena, "defer %s.Stop() right after "
			     "time.NewTicker", r->var->name),
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

/* ---- tickers in struct fields (the field model, ../fields.h) ---- */

/* A process-lifetime owner (a package-level variable, made in main) is not
 * reported: its ticker is meant to fire for ever, in every Go version --
 * true but harmless.  From Go 1.23 no ticker field is: the ticker goes
 * with its owner when the owner is dropped, and while the owner lives an
 * unstopped ticker costs nothing unless a goroutine waits on its C (the
 * runtime keeps a channel timer in its heap only while a receive is
 * blocked on it); a goroutine that waits for ever is goroutine-no-exit's. */
static void unstopped_field(struct lint_ctx *cx, const struct lint_field *fl)
{
	const struct lint_fsite *set = &fl->site[LINT_FOP_SET_FRESH];
	struct finding *fd;

	if (cx->sem->new_timers)
		return;

	fd = lint_report(cx, set->file, set->at, REPORT_SEV_WARNING,
		"add a Close/Stop method that calls Stop on the ticker and "
		"call it when the value is done",
		"the ticker stored in field '%s' of %s is never stopped by any "
		"method or function of the package: it fires forever, even "
		"after the %s is dropped (timers before Go 1.23: %s)",
		fl->name, fl->owner->name, fl->owner->name, cx->sem->why);
	if (!fd)
		return;
	lint_fields_related(cx, fd, fl, "stop");
	if (fl->ops & LINT_FOP(LINT_FOP_RANGE_C))
		lint_related(cx, fd, fl->site[LINT_FOP_RANGE_C].file,
			     fl->site[LINT_FOP_RANGE_C].at, "its ticks are read here");
	else if (fl->ops & LINT_FOP(LINT_FOP_RECV_C))
		lint_related(cx, fd, fl->site[LINT_FOP_RECV_C].file,
			     fl->site[LINT_FOP_RECV_C].at, "its ticks are read here");
}

void lint_rule_ticker_not_stopped(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
	lint_fields_unreleased(cx, LINT_FK_TICKER, LINT_FOP(LINT_FOP_STOP),
			       unstopped_field);
}
