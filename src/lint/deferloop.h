/*
 * deferloop: a deferred release inside an endless loop.
 *
 * `defer cancel()` or `defer t.Stop()` inside a `for {}` (often in a case
 * arm of a select loop) runs when the function returns, not at the end of
 * the iteration: every context (with its timer) or ticker the loop creates
 * stays alive, and a function whose loop never ends never runs them.  The
 * resource rules ask here after flow.c found the resource released on
 * every path (the defer counts there).  Reads the AST only.
 */
#ifndef LINT_DEFERLOOP_H
#define LINT_DEFERLOOP_H

#include "flow.h"

/* The defer statement that releases r inside an endless loop (a for with
 * no condition, no range) of fn that also contains r's creation, when some
 * path of that loop reaches its next iteration with r still open counting
 * explicit releases only; *loop is set to that loop.  NULL otherwise. */
struct go_node *lint_deferloop_find(struct lint_ctx *cx,
				    const struct lint_func *fn,
				    const struct lint_res *r,
				    struct go_node **loop);

#endif
