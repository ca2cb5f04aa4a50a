/*
 * chan: the channel leak analysis behind goroutine-blocked-send,
 * goroutine-blocked-recv and goroutine-no-exit (see chan.c for how it
 * works and docs/rules/goroutine-*.md for what it finds).
 *
 * One entry point, called by each of the three rules with the kind of
 * finding it wants.  The first call in a package analyses it for all three
 * and keeps the results in cx->chan (in cx->arena); every call then reports
 * its own rule's share, so the findings carry the right rule id and
 * --enable/--disable work per rule at the cost of one analysis.
 */
#ifndef LINT_CHAN_H
#define LINT_CHAN_H

#include "rule.h"

enum lint_chan_rule {
	LINT_CHAN_SEND,    /* goroutine-blocked-send */
	LINT_CHAN_RECV,    /* goroutine-blocked-recv */
	LINT_CHAN_NOEXIT,  /* goroutine-no-exit */
};

/* Report the findings of one rule for cx's package through lint_report
 * (analysing the package first if no goroutine rule has yet).  Allocates
 * only in cx->arena. */
void lint_chan_run(struct lint_ctx *cx, enum lint_chan_rule which);

#endif
