/*
 * dot_tags: the tag boxes ("nodelets") pprof -dot draws under a node for
 * the samples' labels: one box per set of string labels ("key:value",
 * sorted, joined by \n) and, for the numeric label "bytes" (the only one
 * pprof keeps), boxes of sizes, at most four per node, several sizes
 * collapsed into one range ("16B..80B") when there are more.
 *
 * A set is built from the samples with the graph's weights, like the
 * graph's own flat and cum (only the nodes the graph keeps count when
 * use_kept), and is recomputed whenever the graph is rebuilt.  Internal to
 * src/pprof (dot.c).  Ownership: the set owns its memory (one arena);
 * dot_tags_free releases it.
 */
#ifndef PPROF_DOT_TAGS_H
#define PPROF_DOT_TAGS_H

#include <stdbool.h>
#include <stdint.h>

#include "graph.h"
#include "../base/sb.h"

struct dot_tags;

/* The tags of every node of g (want non-NULL: of the nodes n with
 * want[n] only; the others get none).  unit is the report's unit option
 * ("" or NULL: pprof's "minimum"), which names the size boxes. */
struct dot_tags *dot_tags_build(const struct pprof_graph *g, const struct pprof_profile *p,
				const int64_t *w, bool use_kept, const char *unit,
				const bool *want);
/* pprof's TrimLowFrequencyTags: drop the tags whose |flat| and |cum| are
 * both under cutoff. */
void dot_tags_trim(struct dot_tags *t, int64_t cutoff);
/* pprof's countTags: the node's tags with a flat value. */
size_t dot_tags_count(const struct dot_tags *t, uint32_t node);
/* How a value is written (the graph's output unit). */
typedef void dot_tags_value_fn(struct sb *b, const void *arg, int64_t v);
/* The boxes and their edges of node (numbered num in the DOT text) into
 * out; flat: the node has outgoing edges (its flat tags are shown, else
 * its cum ones).  Returns true if it wrote any. */
bool dot_tags_write(const struct dot_tags *t, uint32_t node, size_t num, bool flat,
		    struct sb *out, dot_tags_value_fn *value, const void *arg);
void dot_tags_free(struct dot_tags *t);

#endif
