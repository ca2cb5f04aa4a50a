/*
 * dot: pprof's call graph as Graphviz DOT, like `go tool pprof -dot`.
 * Ownership: the text is appended to the caller's string builder; nothing
 * else outlives the call.
 */
#ifndef PPROF_DOT_H
#define PPROF_DOT_H

#include "report.h"

/* The DOT graph of a prepared profile p (modified: filters cut it) with
 * pprof's defaults for -dot (at most 80 nodes unless o->nodecount > 0).
 * *unmatched (when not NULL) gets the filters that matched nothing, as in
 * struct pprof_report.  0, or -1 with e filled. */
int pprof_report_dot(struct pprof_profile *p, const struct pprof_report_opts *o,
		     struct sb *out, unsigned *unmatched, struct err *e);

#endif
