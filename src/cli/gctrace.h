/*
 * gctrace: the live heap of a Go program that serves no pprof, read from
 * the lines GODEBUG=gctrace=1 makes the runtime write on stderr after
 * every collection:
 *     gc 7 @1.204s 1%: 0.02+1.1+0.01 ms clock, ..., 12->13->6 MB, 14 MB goal, ...
 * (heap at the start of the collection -> at its end -> marked live).
 *
 * Ownership: a struct gctrace owns its line buffer (gctrace_release).
 * Not thread-safe: the caller locks.
 */
#ifndef CLI_GCTRACE_H
#define CLI_GCTRACE_H

#include <stdint.h>
#include <stddef.h>
#include "../base/sb.h"

struct gctrace {
	int pass_too;       /* the user asked for gctrace: pass its lines on */
	struct sb pending;  /* the start of a line that may be a gc line */
	int mid_line;       /* inside a line that is not one */
	int64_t ngc;        /* collections seen */
	int64_t live;       /* marked live heap after the latest, bytes */
	int64_t alloc;      /* bytes allocated so far (estimate) */
	int64_t prev_live;
};

/* The GODEBUG value for the child: the user's (may be NULL) with
 * gctrace=1 added, into out.  Returns 1 if the user had set gctrace
 * themselves (their value is kept; *pass_too says whether it is on). */
int gctrace_godebug(const char *user, struct sb *out, int *pass_too);

/* Filter n bytes of the program's stderr: the gc lines are read (and
 * dropped unless pass_too); everything else is appended to out as it
 * comes, except the start of a line that may still turn out to be a gc
 * line ("gc 12"), held until it is told apart. */
void gctrace_filter(struct gctrace *g, const char *p, size_t n, struct sb *out);
/* At the end of the stream: what is held goes to out. */
void gctrace_flush(struct gctrace *g, struct sb *out);
void gctrace_release(struct gctrace *g);

#endif
