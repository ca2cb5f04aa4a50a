/*
 * goroutine-blocked-recv: a goroutine receives from (or ranges over) a
 * channel made by the function that started it, and on some path out of
 * that function the channel is neither sent to again nor closed.  The
 * analysis is shared with the other goroutine rules, in ../chan.c.
 */
#include "../chan.h"

void lint_rule_goroutine_blocked_recv(struct lint_ctx *cx)
{
	lint_chan_run(cx, LINT_CHAN_RECV);
}
