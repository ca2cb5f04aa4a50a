/*
 * graph: pprof's call graph (internal to src/pprof).
 *
 * Nodes are keyed by pprof's NodeInfo (name, address, file, start line, line,
 * object file) computed once per location line for a granularity; a build
 * pass walks every sample root to leaf and adds its weight to the cum of
 * each distinct node on the stack, to the flat of the leaf when the leaf is
 * kept, and to each distinct caller->callee edge (whose "inline" flag stays
 * set only while every contribution came from an inlined frame).  The kept
 * set lets a later pass drop nodes the way pprof rebuilds its graph.
 */
#ifndef PPROF_GRAPH_H
#define PPROF_GRAPH_H

#include <stdbool.h>
#include <stdint.h>

#include "report.h"
#include "internal.h"
#include "../base/map.h"
#include "../base/vec.h"

struct pprof_nodeinfo {
	const char *name, *orig_name;   /* interned: equal strings, equal pointers */
	uint64_t address;
	const char *file;
	int64_t start_line, lineno;
	const char *objfile;
};

struct pprof_gnode {
	struct pprof_nodeinfo info;
	const char *printable;
	const char *src_file;     /* the function's file, cleaned */
	int64_t flat, cum;
	uint32_t stamp;
	uint32_t in_head;         /* first incoming edge + 1, 0 if none */
	bool kept;
};

struct pprof_gedge {
	uint32_t src, dst;
	int64_t weight;
	bool inl;
	bool residual;            /* a dropped node lay between src and dst */
	uint32_t stamp;
	uint32_t next_in;         /* next incoming edge of dst + 1 */
};

struct pprof_graph {
	struct arena arena;
	struct map strings, nodemap;
	struct u64map cleaned;    /* function -> cleaned file name */
	VEC(struct pprof_gnode) nodes;
	uint32_t *locnodes;       /* node ids, per location a run of them */
	size_t *locstart, *loccount;
	VEC(struct pprof_gedge) edges;
	struct u64map edgemap;
	uint32_t stamp;
	const char *search;       /* pprof's -source_path, "" if none */
};

/* Nodes for every location line of p at granularity g.  File names are
 * trimmed as pprof trims them with source_path (NULL: none given). */
void pprof_graph_init(struct pprof_graph *g, const struct pprof_profile *p,
		      enum pprof_granularity gran, bool noinlines, bool objnames,
		      const char *source_path);
/* pprof's trimPath: the part of path after "/<base of a search dir>/", or
 * path without a /proc/self/cwd/ prefix; search is ':'-separated. */
const char *pprof_trim_path(struct arena *a, const char *path, const char *search);
/* Recompute flat/cum (and edges if with_edges) from the samples of p with
 * the given per-sample weights; only nodes with kept set count when
 * use_kept. */
void pprof_graph_build(struct pprof_graph *g, const struct pprof_profile *p,
		       const int64_t *w, bool use_kept, bool with_edges);
void pprof_graph_release(struct pprof_graph *g);

/* Go's filepath.Clean and filepath.Base, into arena a. */
const char *pprof_path_clean(struct arena *a, const char *p);
const char *pprof_path_base(struct arena *a, const char *p);

/* pprof's orders for node lists: by |flat| then name then |cum| (cum
 * false), or by |cum| then name then |flat|. */
void pprof_graph_sort(struct pprof_graph *g, uint32_t *ids, size_t n, bool cum);

/* The graph behind a report (report.c): pprof's trimmed graph, its nodes
 * ids[0..n) in report order, the edges of the last build (those under
 * edge_cut are pprof's trimmed edges).  Owns g and ids. */
struct pprof_report_graph {
	struct pprof_graph g;
	uint32_t *ids;
	size_t n;
	int64_t edge_cut;
};

/* pprof_report_top, keeping the graph in *rg (released with
 * pprof_report_graph_release when 0 is returned).  With labels_only the
 * header is pprof's ProfileLabels alone and the output unit stays o's
 * (no "minimum" selection), as the traces report wants. */
int pprof_report_build(struct pprof_profile *p, const struct pprof_report_opts *o,
		       struct pprof_report *r, struct pprof_report_graph *rg,
		       bool labels_only, struct err *e);
void pprof_report_graph_release(struct pprof_report_graph *rg);

/* report.c's pieces the DOT graph shares with top: the total of weights w
 * (the base's total for a diff base); the output unit pprof picks for the
 * nodes ids ("minimum" when unit is NULL or ""); pprof's ProfileLabels and
 * active filters appended to r's header (r's units and total set). */
int64_t pprof_total(const struct pprof_profile *p, const int64_t *w);
const char *pprof_output_unit(struct pprof_graph *g, const uint32_t *ids, size_t n,
			      int64_t total, const char *sample_unit, const char *unit);
void pprof_profile_labels(struct pprof_report *r, const struct pprof_profile *p,
			  const struct pprof_report_opts *o);

/* What top and the DOT graph start from, as pprof does: o's sample index,
 * the total of all samples (before the filters), o's filters applied to p
 * in place, the weights w of the samples left, the graph built once from
 * them (edges too if with_edges), its live nodes ids[0..n) in node order,
 * and the cuts of o's nodefraction and edgefraction (their defaults 0.005
 * and 0.001) on the sum of the live nodes' flat values.  Owns w, ids and
 * g: pprof_graph_prep_release when 0 is returned; -1 with e filled. */
struct pprof_graph_prep {
	int vi;
	int64_t total;
	unsigned unmatched;
	int64_t *w;
	struct pprof_graph g;
	uint32_t *ids;
	size_t n;
	int64_t node_cut, edge_cut;
};
int pprof_graph_prepare(struct pprof_profile *p, const struct pprof_report_opts *o,
			bool with_edges, struct pprof_graph_prep *gp, struct err *e);
void pprof_graph_prep_release(struct pprof_graph_prep *gp);
/* The ids of the nodes of g with a value, in node order; ids has room
 * for every node. */
size_t pprof_live_nodes(const struct pprof_graph *g, uint32_t *ids);

#endif
