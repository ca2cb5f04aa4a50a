/*
 * chan: the channel leak analysis behind goroutine-blocked-send,
 * goroutine-blocked-recv and goroutine-no-exit (see chan.c for how it
 * works and docs/rules/goroutine-*.md for what it finds).
 *
 * One entry point, called by each of the three rules with the kind of
 * finding it wants; the analysis of a package is cheap (only functions that
 * make a channel are looked at), so each rule runs it on its own rather
 * than sharing state through the engine.
 */
#ifndef LINT_CHAN_H
#define LINT_CHAN_H

#include "rule.h"

enum lint_chan_rule {
	LINT_CHAN_SEND,    /* goroutine-blocked-send */
	LINT_CHAN_RECV,    /* goroutine-blocked-recv */
	LINT_CHAN_NOEXIT,  /* goroutine-no-exit */
};

/* Analyse every function of cx's package and report the findings of one
 * rule through lint_report.  Allocates only in cx->arena. */
void lint_chan_run(struct lint_ctx *cx, enum lint_chan_rule which);

#endif
