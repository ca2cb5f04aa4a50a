/*
 * goroutine-no-exit: a goroutine loops for ever in a select whose only way
 * out is a receive on a quit channel made by the function that started
 * it, and on some path out of that function the channel is never closed
 * (nor sent to).  The analysis is shared with the other goroutine rules,
 * in ../chan.c.
 */
#include "../chan.h"

void lint_rule_goroutine_no_exit(struct lint_ctx *cx)
{
	lint_chan_run(cx, LINT_CHAN_NOEXIT);
}
