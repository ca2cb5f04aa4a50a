/*
 * tree: pprof's -tree, -peek and -traces text reports.
 *
 * -tree and -peek walk the same trimmed graph as -top (report.c keeps it
 * for us in a pprof_report_graph): per node its incoming edges, the node's
 * own flat/cum line, its outgoing edges, each edge list sorted as pprof
 * sorts an EdgeMap (|weight| descending, then caller name, then callee
 * name).  -traces prints every remaining sample with its labels, its value
 * and its stack (innermost frame first), one node per location line.
 * Ownership: everything allocated here is freed before returning; the text
 * goes to the caller's sb.
 */
#include "report.h"
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char tree_sep[] =
	"----------------------------------------------------------+-------------\n";
static const char tree_legend[] =
	"      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t \n";
static const char traces_sep[] =
	"-----------+-------------------------------------------------------\n";

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static const struct pprof_graph *sort_g;
static bool sort_by_src;   /* the "other end" for in-edges is the source */

static int cmp_edges(const void *pa, const void *pb)
{
	const struct pprof_gedge *a = *(const struct pprof_gedge *const *)pa;
	const struct pprof_gedge *b = *(const struct pprof_gedge *const *)pb;
	int c;

	(void)sort_by_src;
	if (a->weight != b->weight)
		return abs64(a->weight) > abs64(b->weight) ? -1 : 1;
	c = strcmp(sort_g->nodes.items[a->src].printable, sort_g->nodes.items[b->src].printable);
	if (c)
		return c;
	return strcmp(sort_g->nodes.items[a->dst].printable, sort_g->nodes.items[b->dst].printable);
}

static void value(struct sb *out, const struct pprof_report *r, int64_t v)
{
	pprof_scaled_label(out, v, r->sample_unit, r->output_unit);
}

static void edge_lines(struct sb *out, const struct pprof_report *r,
		       const struct pprof_graph *g, const struct pprof_gedge **es,
		       size_t n, bool in, int64_t cum)
{
	struct sb v = SB_INIT;
	char pct[16];
	size_t i;

	sort_g = g;
	if (n > 1)
		qsort(es, n, sizeof(*es), cmp_edges);
	for (i = 0; i < n; i++) {
		const struct pprof_gedge *e = es[i];

		sb_reset(&v);
		value(&v, r, e->weight);
		pprof_percentage(pct, e->weight, cum);
		sb_addf(out, "%50s %s |   %s%s\n", sb_str(&v), pct,
			g->nodes.items[in ? e->src : e->dst].printable,
			e->inl ? " (inline)" : "");
	}
	sb_release(&v);
}

int pprof_report_tree(struct pprof_profile *p, const struct pprof_report_opts *o,
		      const char *regex, struct sb *out, unsigned *unmatched,
		      struct err *e)
{
	struct pprof_report_opts to = *o;
	struct pprof_report r;
	struct pprof_report_graph rg;
	struct pprof_rx *rx = NULL;
	const struct pprof_gedge **es = NULL;
	struct sb v1 = SB_INIT, v2 = SB_INIT;
	char p1[16], p2[16], p3[16];
	int64_t flat_sum = 0;
	size_t i, k, matched = 0, start = out->len;

	if (regex) {
		to.nodecount = 0;
		to.nodefraction = 0;
		to.edgefraction = 0;
		rx = pprof_rx_compile(regex, "argument", e);
		if (!rx)
			return -1;
	} else if (to.nodecount < 0) {
		to.nodecount = 80;
	}
	if (pprof_report_build(p, &to, &r, &rg, false, e)) {
		pprof_rx_free(rx);
		return -1;
	}
	if (unmatched)
		*unmatched = r.unmatched;
	for (i = 0; i < r.nheader; i++) {
		sb_adds(out, r.header[i]);
		sb_addc(out, '\n');
	}
	sb_adds(out, tree_sep);
	sb_adds(out, tree_legend);
	es = xmalloc(sizeof(*es) * (rg.g.edges.len + 1));
	for (i = 0; i < rg.n; i++) {
		uint32_t id = rg.ids[i];
		const struct pprof_gnode *nd = &rg.g.nodes.items[id];
		size_t ne = 0;

		if (rx && !pprof_rx_match(rx, nd->printable))
			continue;
		matched++;
		sb_adds(out, tree_sep);
		for (k = 0; k < rg.g.edges.len; k++) {
			const struct pprof_gedge *ed = &rg.g.edges.items[k];
			if (ed->dst == id && abs64(ed->weight) >= rg.edge_cut)
				es[ne++] = ed;
		}
		edge_lines(out, &r, &rg.g, es, ne, true, nd->cum);
		flat_sum += nd->flat;
		sb_reset(&v1);
		sb_reset(&v2);
		value(&v1, &r, nd->flat);
		value(&v2, &r, nd->cum);
		pprof_percentage(p1, nd->flat, r.total);
		pprof_percentage(p2, flat_sum, r.total);
		pprof_percentage(p3, nd->cum, r.total);
		sb_addf(out, "%10s %s %s %10s %s                | %s\n", sb_str(&v1), p1, p2,
			sb_str(&v2), p3, nd->printable);
		ne = 0;
		for (k = 0; k < rg.g.edges.len; k++) {
			const struct pprof_gedge *ed = &rg.g.edges.items[k];
			if (ed->src == id && abs64(ed->weight) >= rg.edge_cut)
				es[ne++] = ed;
		}
		edge_lines(out, &r, &rg.g, es, ne, false, nd->cum);
	}
	if (rg.n > 0)
		sb_adds(out, tree_sep);
	free(es);
	sb_release(&v1);
	sb_release(&v2);
	pprof_report_graph_release(&rg);
	pprof_report_release(&r);
	pprof_rx_free(rx);
	if (regex && matched == 0) {
		/* pprof prints nothing then, only the error */
		sb_truncate(out, start);
		err_setf(e, "no matches found for regexp: %s", regex);
		return -1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The "%10s:  v1 v2\n" lines of one sample's string (numeric when num)
 * labels, one per key with its values in order, sorted. */
static void label_lines(struct sb *out, const struct pprof_profile *p,
			const struct pprof_sample *s, bool num)
{
	char **lines = xmalloc(sizeof(*lines) * (s->nlabel + 1));
	size_t n = 0, i, j;
	struct sb l = SB_INIT;

	for (i = 0; i < s->nlabel; i++) {
		const struct pprof_label *a = &s->label[i];
		bool first = true;

		if ((a->str == NULL) != num)
			continue;
		for (j = 0; j < i; j++)
			if ((s->label[j].str == NULL) == num && !strcmp(s->label[j].key, a->key))
				break;
		if (j < i)
			continue;   /* key already printed */
		sb_reset(&l);
		sb_addf(&l, "%10s:  ", a->key);
		for (j = i; j < s->nlabel; j++) {
			const struct pprof_label *b = &s->label[j];

			if ((b->str == NULL) != num || strcmp(b->key, a->key))
				continue;
			if (!first)
				sb_addc(&l, ' ');
			first = false;
			if (num)
				pprof_scaled_label(&l, b->num, pprof_num_label_unit(p, b->key), "auto");
			else
				sb_adds(&l, b->str);
		}
		sb_addc(&l, '\n');
		lines[n++] = xstrdup(sb_str(&l));
	}
	qsort(lines, n, sizeof(*lines), cmp_str);
	for (i = 0; i < n; i++) {
		sb_adds(out, lines[i]);
		free(lines[i]);
	}
	free(lines);
	sb_release(&l);
}

int pprof_report_traces(struct pprof_profile *p, const struct pprof_report_opts *o,
			struct sb *out, unsigned *unmatched, struct err *e)
{
	struct pprof_report r;
	struct pprof_report_graph rg;
	struct pprof_report_opts to = *o;
	struct sb v = SB_INIT;
	size_t i, s;
	int vi;

	/* no trimming matters here: keep the build cheap */
	to.nodecount = 0;
	to.nodefraction = 0;
	to.edgefraction = 0;
	vi = pprof_sample_index(p, o->sample_index, e);
	if (vi < 0)
		return -1;
	if (pprof_report_build(p, &to, &r, &rg, true, e))
		return -1;
	if (unmatched)
		*unmatched = r.unmatched;
	for (i = 0; i < r.nheader; i++) {
		sb_adds(out, r.header[i]);
		sb_addc(out, '\n');
	}
	for (s = 0; s < p->nsample; s++) {
		const struct pprof_sample *smp = &p->sample[s];
		bool first = true;
		size_t li, total = 0, k;

		for (k = 0; k < p->nsample_type && !smp->value[k]; k++)
			;
		if (k == p->nsample_type)
			continue;   /* pprof's merge drops all-zero samples */
		for (li = 0; li < smp->nlocation; li++)
			total += rg.g.loccount[smp->location[li]->index];
		if (total == 0)
			continue;
		sb_adds(out, traces_sep);
		label_lines(out, p, smp, false);
		label_lines(out, p, smp, true);
		for (li = 0; li < smp->nlocation; li++) {
			size_t loc = smp->location[li]->index;
			size_t start = rg.g.locstart[loc], cnt = rg.g.loccount[loc];

			for (k = 0; k < cnt; k++) {
				const struct pprof_gnode *nd =
					&rg.g.nodes.items[rg.g.locnodes[start + k]];

				sb_reset(&v);
				if (first)
					value(&v, &r, smp->value[vi]);
				first = false;
				sb_addf(out, "%10s   %s%s\n", sb_str(&v), nd->printable,
					k != cnt - 1 ? " (inline)" : "");
			}
		}
	}
	sb_adds(out, traces_sep);
	sb_release(&v);
	pprof_report_graph_release(&rg);
	pprof_report_release(&r);
	return 0;
}
