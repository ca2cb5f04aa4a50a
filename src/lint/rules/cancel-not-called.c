/*
 * cancel-not-called: the cancel function of context.WithCancel,
 * WithTimeout, WithDeadline (and the ...Cause forms) discarded or not
 * called on some path.
 *
 * A derived context stays registered with its parent until it is
 * cancelled: the parent keeps a reference to it (and WithTimeout/
 * WithDeadline keep a runtime timer) until the deadline passes or the
 * parent ends -- for a Background parent, never.  Handing the cancel
 * function to the caller, a struct, a goroutine or a closure is an
 * ownership move and stays silent.
 */
#include "../flow.h"

static void found(struct lint_ctx *cx, const struct lint_func *fn,
		  const struct lint_res *r, struct go_node *call, void *arg)
{
	struct go_node *where = NULL;
	struct finding *fd;

	(void)arg;
	if (r->kind != LINT_RES_CANCEL)
		return;
	if (lint_flow_check(cx, fn, r, &where) != LINT_FLOW_LEAKS)
		return;
	fd = lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
		"defer the cancel function right after creating the context",
		"the cancel function '%s' is not called on every path: the "
		"context and its timer stay registered with the parent context "
		"until the parent is cancelled", r->var->name);
	if (where->kind == GO_RETURN_STMT)
		lint_related(cx, fd, fn->file, where, "returns here without calling it");
	else if (where == r->def)
		lint_related(cx, fd, fn->file, where,
			     "created again here by the next iteration without calling it");
}

static void discarded(struct lint_ctx *cx, const struct lint_func *fn,
		      enum lint_res_kind kind, struct go_node *call, void *arg)
{
	(void)arg;
	if (kind != LINT_RES_CANCEL)
		return;
	lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
		"keep the cancel function and defer cancel()",
		"the cancel function is discarded: the context and its timer stay "
		"registered with the parent context until the parent is cancelled");
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	if (!lint_file_imports(fn->file, "context"))
		return;
	lint_flow_find(cx, fn, found, discarded, arg);
}

void lint_rule_cancel_not_called(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
}
