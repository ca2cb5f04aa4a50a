/*
 * flame: flame graphs of a profile, as folded stacks or a self-contained
 * interactive SVG (click a frame to zoom, search box, tooltips with value
 * and percent; in diff mode frames are coloured by growth: red grew, blue
 * shrank).
 *
 * The tree is built root first from every sample's stack, one frame per
 * function call with inlined calls as frames of their own (pprof's
 * "functions" granularity); unsymbolised frames are named by address.
 * Ownership: a struct pprof_flame owns an arena holding the whole tree;
 * pprof_flame_release frees it.
 */
#ifndef PPROF_FLAME_H
#define PPROF_FLAME_H

#include <stdbool.h>
#include <stdint.h>

#include "report.h"
#include "../base/map.h"
#include "../base/sb.h"

struct pprof_fnode {
	const char *name;
	int64_t value;        /* total (latest profile in diff mode) */
	int64_t base;         /* base profile's value in diff mode, else 0 */
	struct pprof_fnode *child, *next, *parent;
	int depth;
};

struct pprof_flame {
	struct arena arena;
	struct map names, kids;
	struct pprof_fnode root;
	const char *sample_type, *unit;
	bool diff;
	bool growth_only;    /* set by the caller: a diff drawn to show growth;
			      * with none, the SVG says so and draws no frame */
	int maxdepth;
	unsigned unmatched;  /* filters that matched nothing (see report.h) */
};

/* Build the tree of p (prepared with pprof_prepare; a diff_base profile gives
 * a diff flame graph) for sample type o->sample_index after o's filters.
 * p is modified by the filters.  0, or -1 with e filled. */
int pprof_flame_build(struct pprof_flame *f, struct pprof_profile *p,
		      const struct pprof_report_opts *o, struct err *e);
void pprof_flame_release(struct pprof_flame *f);

/* Folded stacks, one line per distinct stack, sorted: "a;b;c 123"; in diff
 * mode "a;b;c BASE LATEST" (the input of difffolded tools). */
void pprof_flame_folded(const struct pprof_flame *f, struct sb *out);

/* The label of a frame named name: without the directories of its import
 * path, as pprof shortens it ("github.com/x/y/pkg.Func" -> "pkg.Func");
 * a pointer into name. */
const char *pprof_flame_short_name(const char *name);

/* The SVG document; title NULL for a default, width in pixels (0: 1200). */
void pprof_flame_svg(const struct pprof_flame *f, const char *title, int width,
		     struct sb *out);

#endif
