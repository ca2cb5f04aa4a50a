/*
 * goroutine-blocked-send: a goroutine sends on a channel made by the
 * function that started it, and on some path out of that function nobody
 * will ever receive the value (early return in the receiving loop, first
 * response wins, gave up on a timeout, a sender that outlives the
 * receiver).  The analysis is shared with the other goroutine rules, in
 * ../chan.c.
 */
#include "../chan.h"

void lint_rule_goroutine_blocked_send(struct lint_ctx *cx)
{
	lint_chan_run(cx, LINT_CHAN_SEND);
}
