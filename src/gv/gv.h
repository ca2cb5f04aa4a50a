/*
 * gv: Graphviz layout of DOT text, through the libgvc library (no `dot`
 * process).  Used to turn pprof's call graph (src/pprof/dot.c) into SVG.
 *
 * Ownership: the SVG is appended to the caller's string builder; the
 * Graphviz context, graph, layout and rendered buffer are freed before the
 * call returns, on success and on error.  Graphviz's messages are captured
 * into e, never printed.  Graphviz keeps global state (its error hooks), so
 * calls must not run in parallel threads.
 */
#ifndef GV_GV_H
#define GV_GV_H

#include <stddef.h>

#include "../base/err.h"
#include "../base/sb.h"

/* Lay out the DOT graph dot[0..len) with the "dot" engine and append it to
 * out as a standalone SVG document.  0, or -1 with e filled ("graphviz: "
 * and Graphviz's own message) and nothing appended. */
int gv_dot_to_svg(const char *dot, size_t len, struct sb *out, struct err *e);

#endif
