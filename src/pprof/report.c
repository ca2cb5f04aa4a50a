/*
 * report: the top report, its text and JSON, units, and the diff rows.
 *
 * Every number and string here follows pprof (Go 1.19's vendored copy) so
 * that `leakhound top` prints byte for byte what `go tool pprof -top`
 * prints: the total is taken before filters; nodes under nodefraction of the
 * summed flat values are dropped and the graph rebuilt without them (which
 * moves a dropped leaf's flat value nowhere); the output unit is chosen from
 * the smallest non-zero value and the total; percentages use Go's %5.2f or
 * %5.2g.
 */
#include "report.h"
#include "graph.h"
#include "../base/jsonout.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int pprof_granularity_parse(const char *s)
{
	static const char *const names[] = { "functions", "filefunctions", "files",
					     "lines", "addresses" };
	int i;

	for (i = 0; i < 5; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

void pprof_report_opts_init(struct pprof_report_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->granularity = PPROF_GRAN_FUNCTIONS;
	o->nodecount = -1;
	o->nodefraction = -1;
	o->edgefraction = -1;
}

/* ---- units (pprof's measurement package) ---- */

static double scale(int64_t value, const char *from, const char *to, const char **unit);

struct unit {
	const char *name;
	const char *aliases[4];
	double factor;
};

struct unit_type {
	struct unit def;
	struct unit units[10];
	int n;
};

static const struct unit_type unit_types[3] = {
	{ { "B", { "b", "byte" }, 1 },
	  { { "B", { "b", "byte" }, 1 },
	    { "kB", { "kb", "kbyte", "kilobyte" }, 1024.0 },
	    { "MB", { "mb", "mbyte", "megabyte" }, 1048576.0 },
	    { "GB", { "gb", "gbyte", "gigabyte" }, 1073741824.0 },
	    { "TB", { "tb", "tbyte", "terabyte" }, 1099511627776.0 },
	    { "PB", { "pb", "pbyte", "petabyte" }, 1125899906842624.0 } }, 6 },
	{ { "s", { NULL }, 1e9 },
	  { { "ns", { "ns", "nanosecond" }, 1 },
	    { "us", { "\xce\xbcs", "us", "microsecond" }, 1e3 },
	    { "ms", { "ms", "millisecond" }, 1e6 },
	    { "s", { "s", "sec", "second" }, 1e9 },
	    { "hrs", { "hour", "hr" }, 3.6e12 } }, 5 },
	{ { "GCU", { NULL }, 1 },
	  { { "n*GCU", { "nanogcu" }, 1e-9 },
	    { "u*GCU", { "microgcu" }, 1e-6 },
	    { "m*GCU", { "milligcu" }, 1e-3 },
	    { "GCU", { "gcu" }, 1 },
	    { "k*GCU", { "kilogcu" }, 1e3 },
	    { "M*GCU", { "megagcu" }, 1e6 },
	    { "G*GCU", { "gigagcu" }, 1e9 },
	    { "T*GCU", { "teragcu" }, 1e12 },
	    { "P*GCU", { "petagcu" }, 1e15 } }, 9 },
};

static const struct unit *sniff(const struct unit_type *ut, const char *u)
{
	char low[64];
	size_t n = strlen(u), i;
	int k, a;

	if (n >= sizeof(low))
		return NULL;
	for (i = 0; i < n; i++)
		low[i] = (u[i] >= 'A' && u[i] <= 'Z') ? (char)(u[i] + 32) : u[i];
	low[n] = 0;
	if (n > 2 && low[n - 1] == 's')
		low[n - 1] = 0;
	for (k = 0; k < ut->n; k++)
		for (a = 0; a < 4 && ut->units[k].aliases[a]; a++)
			if (!strcmp(low, ut->units[k].aliases[a]))
				return &ut->units[k];
	return NULL;
}

/* Scale value from unit `from` to unit `to`; *unit gets the unit name
 * ("" for plain counts). */
double pprof_scale_value(int64_t value, const char *from, const char *to, const char **unit)
{
	return scale(value, from, to, unit);
}

static double scale(int64_t value, const char *from, const char *to, const char **unit)
{
	int t, k;

	if (value < 0 && -value > 0)
		return -scale(-value, from, to, unit);
	for (t = 0; t < 3; t++) {
		const struct unit_type *ut = &unit_types[t];
		const struct unit *fu = sniff(ut, from), *tu;
		double v;

		if (!fu)
			continue;
		v = (double)value * fu->factor;
		if (!strcmp(to, "minimum") || !strcmp(to, "auto")) {
			double f = 0;
			const char *un = "";

			for (k = 0; k < ut->n; k++) {
				if (ut->units[k].factor >= f && v / ut->units[k].factor >= 1.0) {
					f = ut->units[k].factor;
					un = ut->units[k].name;
				}
			}
			if (f != 0) {
				*unit = un;
				return v / f;
			}
			*unit = ut->def.name;
			return v / ut->def.factor;
		}
		tu = sniff(ut, to);
		if (!tu) {
			*unit = ut->def.name;
			return v / ut->def.factor;
		}
		*unit = tu->name;
		return v / tu->factor;
	}
	if (!strcmp(to, "count") || !strcmp(to, "sample") || !strcmp(to, "unit") ||
	    !strcmp(to, "minimum") || !strcmp(to, "auto"))
		*unit = "";
	else
		*unit = to;
	return (double)value;
}

void pprof_scaled_label(struct sb *out, int64_t v, const char *from, const char *to)
{
	const char *u;
	double d = scale(v, from, to, &u);
	char buf[64];
	size_t n;

	snprintf(buf, sizeof(buf), "%.2f", d);
	n = strlen(buf);
	if (n >= 3 && !strcmp(buf + n - 3, ".00"))
		buf[n -= 3] = 0;
	if (!strcmp(buf, "0") || !strcmp(buf, "-0")) {
		sb_addc(out, '0');
		return;
	}
	sb_adds(out, buf);
	sb_adds(out, u);
}

static double ratio_of(int64_t value, int64_t total)
{
	return total != 0 ? fabs((double)value / (double)total) * 100 : 0;
}

void pprof_percentage(char out[16], int64_t value, int64_t total)
{
	double r = ratio_of(value, total);

	if (r >= 99.95 && r <= 100.05)
		snprintf(out, 16, "  100%%");
	else if (r >= 1.0)
		snprintf(out, 16, "%5.2f%%", r);
	else
		snprintf(out, 16, "%5.2g%%", r);
}

/* ---- the report ---- */

struct ctx {
	struct pprof_report *r;
	const char *sample_unit;
	const char *output_unit;
};

static const char *fmt_value(struct ctx *c, int64_t v)
{
	struct sb b = SB_INIT;
	const char *s;

	pprof_scaled_label(&b, v, c->sample_unit, c->output_unit);
	s = arena_strndup(&c->r->arena, sb_str(&b), b.len);
	sb_release(&b);
	return s;
}

static int64_t compute_total(const struct pprof_profile *p, const int64_t *w)
{
	int64_t total = 0, diff = 0;
	size_t i;

	for (i = 0; i < p->nsample; i++) {
		int64_t v = w[i] < 0 ? -w[i] : w[i];

		total += v;
		if (pprof_sample_has_label(&p->sample[i], "pprof::base", "true"))
			diff += v;
	}
	return diff > 0 ? diff : total;
}

static void add_header(struct pprof_report *r, const char *s)
{
	const char **h = arena_alloc(&r->arena, sizeof(*h) * (r->nheader + 1));

	if (r->nheader)
		memcpy(h, r->header, sizeof(*h) * r->nheader);
	h[r->nheader++] = arena_strdup(&r->arena, s);
	r->header = h;
}

static void time_label(struct sb *b, int64_t ns)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t secs = (time_t)(ns / 1000000000);
	struct tm tm;
	int h;

	if (ns < 0 && ns % 1000000000)
		secs--;
	localtime_r(&secs, &tm);
	h = tm.tm_hour % 12;
	sb_addf(b, "Time: %s %d, %d at %d:%02d%s (%s)", mon[tm.tm_mon], tm.tm_mday,
		tm.tm_year + 1900, h ? h : 12, tm.tm_min, tm.tm_hour < 12 ? "am" : "pm",
		tm.tm_zone ? tm.tm_zone : "UTC");
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;   /* wraps for INT64_MIN like Go (-fwrapv) */
}

static void select_output_unit(struct ctx *c, struct pprof_graph *g,
			       const uint32_t *ids, size_t n, int64_t total)
{
	int64_t minv = 0, maxv = total;
	const char *minu, *maxu, *unit;
	size_t i;

	if (strcmp(c->output_unit, "minimum") || n == 0)
		return;
	for (i = 0; i < n; i++) {
		const struct pprof_gnode *nd = &g->nodes.items[ids[i]];
		int64_t m = abs64(nd->flat);

		if (m == 0)
			m = abs64(nd->cum);
		if (m > 0 && (minv == 0 || m < minv))
			minv = m;
	}
	if (minv == 0)
		minv = maxv;
	scale(minv, c->sample_unit, "minimum", &minu);
	scale(maxv, c->sample_unit, "minimum", &maxu);
	unit = minu;
	if (strcmp(minu, maxu) && minv * 100 < maxv)
		scale(100 * minv, c->sample_unit, "minimum", &unit);
	c->output_unit = *unit ? unit : c->sample_unit;
}

int64_t pprof_total(const struct pprof_profile *p, const int64_t *w)
{
	return compute_total(p, w);
}

const char *pprof_output_unit(struct pprof_graph *g, const uint32_t *ids, size_t n,
			      int64_t total, const char *sample_unit, const char *unit)
{
	struct ctx c;

	c.r = NULL;
	c.sample_unit = sample_unit;
	c.output_unit = unit && *unit ? unit : "minimum";
	select_output_unit(&c, g, ids, n, total);
	return c.output_unit;
}

size_t pprof_live_nodes(const struct pprof_graph *g, uint32_t *ids)
{
	size_t i, n = 0;

	for (i = 0; i < g->nodes.len; i++)
		if (g->nodes.items[i].cum != 0 || g->nodes.items[i].flat != 0)
			ids[n++] = (uint32_t)i;
	return n;
}

static const char *inline_label(struct pprof_graph *g, uint32_t id, int64_t edge_cut)
{
	uint32_t e = g->nodes.items[id].in_head;
	bool inl = false, noinl = false;

	for (; e; e = g->edges.items[e - 1].next_in) {
		const struct pprof_gedge *ed = &g->edges.items[e - 1];

		if (abs64(ed->weight) < edge_cut)
			continue;
		if (ed->inl)
			inl = true;
		else
			noinl = true;
	}
	if (!inl)
		return "";
	return noinl ? "(partial-inline)" : "(inline)";
}

/* pprof's ProfileLabels and the active filters, into r's header; r's
 * sample type, units and total are set. */
static void profile_labels(struct pprof_report *r, const struct pprof_profile *p,
			   const struct pprof_report_opts *o, bool filters)
{
	struct ctx c;
	struct sb b = SB_INIT;
	char pct[16];
	int64_t total = r->total;
	size_t i;

	c.r = r;
	c.sample_unit = r->sample_unit;
	c.output_unit = r->output_unit;
	if (p->nmapping > 0) {
		if (*p->mapping[0]->file) {
			sb_reset(&b);
			sb_addf(&b, "File: %s", pprof_path_base(&r->arena, p->mapping[0]->file));
			add_header(r, sb_str(&b));
		}
		if (*p->mapping[0]->build_id) {
			sb_reset(&b);
			sb_addf(&b, "Build ID: %s", p->mapping[0]->build_id);
			add_header(r, sb_str(&b));
		}
	}
	for (i = 0; i < p->ncomment; i++)
		if (p->comment[i][0] != '#')
			add_header(r, p->comment[i]);
	sb_reset(&b);
	sb_addf(&b, "Type: %s", r->sample_type);
	add_header(r, sb_str(&b));
	if (p->time_nanos) {
		sb_reset(&b);
		time_label(&b, p->time_nanos);
		add_header(r, sb_str(&b));
	}
	if (p->duration_nanos) {
		const char *tu;
		double tn = scale(total, c.sample_unit, "nanoseconds", &tu);

		sb_reset(&b);
		sb_adds(&b, "Duration: ");
		pprof_scaled_label(&b, p->duration_nanos, "nanoseconds", "auto");
		sb_addf(&b, ", Total samples = %s ", fmt_value(&c, total));
		if (!strcmp(tu, "ns") && tn != 0) {
			pprof_percentage(pct, pprof_d2i(tn), p->duration_nanos);
			sb_addf(&b, "(%s)", pct);
		}
		add_header(r, sb_str(&b));
	}
	if (filters) {
		const char *pat[7] = { o->focus, o->ignore, o->hide, o->show, o->show_from,
				       o->tagfocus, o->tagignore };
		static const char *const what[7] = { "focus", "ignore", "hide", "show",
						     "show_from", "tagfocus", "tagignore" };
		bool any = false;

		for (i = 0; i < 7; i++) {
			if (!pat[i] || !*pat[i])
				continue;
			if (!any)
				add_header(r, "Active filters:");
			any = true;
			sb_reset(&b);
			sb_addf(&b, "%s=%s", what[i], pat[i]);
			if (b.len > 80) {
				sb_truncate(&b, 80);
				sb_adds(&b, "\xe2\x80\xa6");
			}
			{
				struct sb l = SB_INIT;
				sb_addf(&l, "   %s", sb_str(&b));
				add_header(r, sb_str(&l));
				sb_release(&l);
			}
		}
	}
	sb_release(&b);
}

void pprof_profile_labels(struct pprof_report *r, const struct pprof_profile *p,
			  const struct pprof_report_opts *o)
{
	profile_labels(r, p, o, true);
}

int pprof_graph_prepare(struct pprof_profile *p, const struct pprof_report_opts *o,
			bool with_edges, struct pprof_graph_prep *gp, struct err *e)
{
	double nf = o->nodefraction >= 0 ? o->nodefraction : 0.005;
	double ef = o->edgefraction >= 0 ? o->edgefraction : 0.001;
	int64_t total_value = 0;
	unsigned matched;
	size_t i;

	memset(gp, 0, sizeof(*gp));
	gp->vi = pprof_sample_index(p, o->sample_index, e);
	if (gp->vi < 0)
		return -1;
	gp->w = xmalloc(sizeof(*gp->w) * (p->nsample + 1));
	for (i = 0; i < p->nsample; i++)
		gp->w[i] = p->sample[i].value[gp->vi];
	gp->total = compute_total(p, gp->w);
	if (pprof_apply_filters(p, o, &matched, e)) {
		free(gp->w);
		gp->w = NULL;
		return -1;
	}
	gp->unmatched = pprof_unmatched(o, matched);
	/* the filters may have removed samples: weigh what is left */
	for (i = 0; i < p->nsample; i++)
		gp->w[i] = p->sample[i].value[gp->vi];
	pprof_graph_init(&gp->g, p, o->granularity, o->noinlines, false, NULL);
	gp->ids = xmalloc(sizeof(*gp->ids) * (gp->g.nodes.len + 1));
	pprof_graph_build(&gp->g, p, gp->w, false, with_edges);
	gp->n = pprof_live_nodes(&gp->g, gp->ids);
	for (i = 0; i < gp->n; i++)
		total_value += gp->g.nodes.items[gp->ids[i]].flat;
	gp->node_cut = abs64(pprof_d2i((double)total_value * nf));
	gp->edge_cut = abs64(pprof_d2i((double)total_value * ef));
	return 0;
}

void pprof_graph_prep_release(struct pprof_graph_prep *gp)
{
	free(gp->w);
	free(gp->ids);
	pprof_graph_release(&gp->g);
	memset(gp, 0, sizeof(*gp));
}

int pprof_report_build(struct pprof_profile *p, const struct pprof_report_opts *o,
		       struct pprof_report *r, struct pprof_report_graph *rg,
		       bool labels_only, struct err *e)
{
	struct ctx c;
	struct pprof_graph_prep gp;
	struct pprof_graph g;
	int64_t *w = NULL, total, flat_sum = 0, node_cut, edge_cut;
	uint32_t *ids = NULL;
	size_t n, i, orig_count, dropped = 0;
	double nf = o->nodefraction >= 0 ? o->nodefraction : 0.005;
	int vi;
	bool use_kept = false, have_edges = false;
	struct sb b = SB_INIT;
	char pct[16];

	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
	vi = pprof_sample_index(p, o->sample_index, e);
	if (vi < 0) {
		pprof_report_release(r);
		return -1;
	}
	c.r = r;
	c.sample_unit = p->sample_type[vi].unit;
	c.output_unit = o->unit && *o->unit ? o->unit : "minimum";
	r->sample_type = arena_strdup(&r->arena, p->sample_type[vi].type);
	r->sample_unit = arena_strdup(&r->arena, c.sample_unit);
	if (pprof_graph_prepare(p, o, false, &gp, e)) {
		pprof_report_release(r);
		return -1;
	}
	total = r->total = gp.total;
	r->unmatched = gp.unmatched;
	w = gp.w;
	g = gp.g;
	ids = gp.ids;
	n = gp.n;
	node_cut = gp.node_cut;
	edge_cut = gp.edge_cut;
	if (node_cut > 0) {
		size_t kept = 0;

		for (i = 0; i < n; i++) {
			struct pprof_gnode *nd = &g.nodes.items[ids[i]];
			nd->kept = abs64(nd->cum) >= node_cut;
			kept += nd->kept;
		}
		if (kept != n) {
			dropped = n - kept;
			for (i = 0; i < g.nodes.len; i++)
				if (g.nodes.items[i].cum == 0 && g.nodes.items[i].flat == 0)
					g.nodes.items[i].kept = false;
			use_kept = true;
			/* with no nodecount this pass is the last: take the
			 * edges (for the inline marks) now */
			have_edges = o->nodecount <= 0;
			pprof_graph_build(&g, p, w, true, have_edges);
			n = pprof_live_nodes(&g, ids);
		}
	}
	orig_count = n;
	pprof_graph_sort(&g, ids, n, o->cum);
	if (o->nodecount > 0 && (size_t)o->nodecount < n) {
		for (i = 0; i < g.nodes.len; i++)
			g.nodes.items[i].kept = false;
		for (i = 0; i < (size_t)o->nodecount; i++)
			g.nodes.items[ids[i]].kept = true;
		use_kept = true;
		have_edges = true;
		pprof_graph_build(&g, p, w, true, true);
		n = pprof_live_nodes(&g, ids);
		pprof_graph_sort(&g, ids, n, o->cum);
	}
	/* the edges, for the inline marks, from the final node set */
	if (!have_edges)
		pprof_graph_build(&g, p, w, use_kept, true);
	if (!labels_only)
		select_output_unit(&c, &g, ids, n, total);
	r->output_unit = arena_strdup(&r->arena, c.output_unit);

	/* header: pprof's ProfileLabels, then reportLabels */
	profile_labels(r, p, o, !labels_only);
	if (labels_only)
		goto rows;
	for (i = 0; i < n; i++)
		flat_sum += g.nodes.items[ids[i]].flat;
	sb_reset(&b);
	pprof_percentage(pct, flat_sum, total);
	sb_addf(&b, "Showing nodes accounting for %s, %s of %s total", fmt_value(&c, flat_sum),
		pct + strspn(pct, " "), fmt_value(&c, total));
	add_header(r, sb_str(&b));
	if (total != 0) {
		if (dropped > 0) {
			sb_reset(&b);
			sb_addf(&b, "Dropped %zu node%s (cum <= %s)", dropped, dropped > 1 ? "s" : "",
				fmt_value(&c, abs64(pprof_d2i((double)total * nf))));
			add_header(r, sb_str(&b));
		}
		if (n > 0 && n < orig_count) {
			sb_reset(&b);
			sb_addf(&b, "Showing top %zu nodes out of %zu", n, orig_count);
			add_header(r, sb_str(&b));
		}
	}
rows:
	sb_release(&b);

	r->nrow = n;
	r->row = arena_new_array(&r->arena, struct pprof_row, n + 1);
	flat_sum = 0;
	for (i = 0; i < n; i++) {
		const struct pprof_gnode *nd = &g.nodes.items[ids[i]];
		struct pprof_row *row = &r->row[i];

		flat_sum += nd->flat;
		row->name = arena_strdup(&r->arena, nd->printable);
		row->function = arena_strdup(&r->arena, nd->info.name);
		row->file = arena_strdup(&r->arena, *nd->info.file ? nd->info.file : nd->src_file);
		row->line = nd->info.lineno ? nd->info.lineno : nd->info.start_line;
		row->inline_label = inline_label(&g, ids[i], edge_cut);
		row->flat = nd->flat;
		row->cum = nd->cum;
		row->flat_pct = ratio_of(nd->flat, total);
		row->sum_pct = ratio_of(flat_sum, total);
		row->cum_pct = ratio_of(nd->cum, total);
	}
	free(w);
	rg->g = g;
	rg->ids = ids;
	rg->n = n;
	rg->edge_cut = edge_cut;
	return 0;
}

void pprof_report_graph_release(struct pprof_report_graph *rg)
{
	free(rg->ids);
	pprof_graph_release(&rg->g);
	memset(rg, 0, sizeof(*rg));
}

int pprof_report_top(struct pprof_profile *p, const struct pprof_report_opts *o,
		     struct pprof_report *r, struct err *e)
{
	struct pprof_report_graph rg;

	if (pprof_report_build(p, o, r, &rg, false, e))
		return -1;
	pprof_report_graph_release(&rg);
	return 0;
}

void pprof_report_release(struct pprof_report *r)
{
	arena_release(&r->arena);
	memset(r, 0, sizeof(*r));
}

void pprof_report_text(const struct pprof_report *r, struct sb *out)
{
	size_t i;
	int64_t flat_sum = 0;
	char p1[16], p2[16], p3[16];
	struct sb v1 = SB_INIT, v2 = SB_INIT;

	for (i = 0; i < r->nheader; i++) {
		sb_adds(out, r->header[i]);
		sb_addc(out, '\n');
	}
	sb_addf(out, "%10s %5s%% %5s%% %10s %5s%%\n", "flat", "flat", "sum", "cum", "cum");
	for (i = 0; i < r->nrow; i++) {
		const struct pprof_row *row = &r->row[i];

		flat_sum += row->flat;
		sb_reset(&v1);
		sb_reset(&v2);
		pprof_scaled_label(&v1, row->flat, r->sample_unit, r->output_unit);
		pprof_scaled_label(&v2, row->cum, r->sample_unit, r->output_unit);
		pprof_percentage(p1, row->flat, r->total);
		pprof_percentage(p2, flat_sum, r->total);
		pprof_percentage(p3, row->cum, r->total);
		sb_addf(out, "%10s %s %s %10s %s  %s%s%s\n", sb_str(&v1), p1, p2, sb_str(&v2), p3,
			row->name, *row->inline_label ? " " : "", row->inline_label);
	}
	sb_release(&v1);
	sb_release(&v2);
}

/* a percentage to 4 decimals (shortest form: 2.147, not 2.1470) */
static json_t *pct(double x)
{
	return json_real(round(x * 10000) / 10000);
}

void pprof_report_json(const struct pprof_report *r, struct sb *out)
{
	json_t *top = json_object(), *a = json_array();
	size_t i;

	json_object_set_new(top, "type", jsonout_str(r->sample_type));
	json_object_set_new(top, "unit", jsonout_str(r->sample_unit));
	json_object_set_new(top, "total", json_integer(r->total));
	for (i = 0; i < r->nheader; i++)
		json_array_append_new(a, jsonout_str(r->header[i]));
	json_object_set_new(top, "header", a);
	/* the rows one a line, as before: the members up to rows, then each
	 * row compact */
	sb_adds(out, "{");
	{
		struct sb head = SB_INIT;

		jsonout_add_members(&head, top);
		sb_adds(out, sb_str(&head) + 1);
		sb_release(&head);
	}
	sb_adds(out, ",\"rows\":[");
	for (i = 0; i < r->nrow; i++) {
		const struct pprof_row *row = &r->row[i];
		json_t *o = json_object();

		json_object_set_new(o, "name", jsonout_str(row->name));
		json_object_set_new(o, "function", jsonout_str(row->function));
		json_object_set_new(o, "file", jsonout_str(row->file));
		json_object_set_new(o, "line", json_integer(row->line));
		json_object_set_new(o, "flat", json_integer(row->flat));
		json_object_set_new(o, "cum", json_integer(row->cum));
		json_object_set_new(o, "flat_pct", pct(row->flat_pct));
		json_object_set_new(o, "sum_pct", pct(row->sum_pct));
		json_object_set_new(o, "cum_pct", pct(row->cum_pct));
		json_object_set_new(o, "inline", json_boolean(*row->inline_label));
		sb_adds(out, i ? ",\n" : "\n");
		jsonout_add(out, o);
		json_decref(o);
	}
	sb_adds(out, "]}");
	json_decref(top);
}

/* ---- diff ---- */

static int cmp_diff(const void *pa, const void *pb)
{
	const struct pprof_diff_row *a = pa, *b = pb;
	int64_t x = abs64(a->flat), y = abs64(b->flat);
	int c;

	if (x != y)
		return x > y ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	x = abs64(a->cum);
	y = abs64(b->cum);
	return x > y ? -1 : x < y;
}

long pprof_diff(const struct pprof_profile *base, const struct pprof_profile *latest,
		const char *sample_index, enum pprof_granularity gran,
		struct arena *a, struct pprof_diff_row **rows, struct err *e)
{
	struct pprof_profile *p = pprof_prepare((struct pprof_profile *)latest,
						(struct pprof_profile *)base, true, e);
	struct pprof_graph g;
	int64_t *w[3], *vals;
	size_t i, n = 0, k;
	int vi;

	if (!p)
		return -1;
	vi = pprof_sample_index(p, sample_index, e);
	if (vi < 0) {
		pprof_profile_free(p);
		return -1;
	}
	for (k = 0; k < 3; k++)
		w[k] = xcalloc(p->nsample + 1, sizeof(int64_t));
	for (i = 0; i < p->nsample; i++) {
		int64_t v = p->sample[i].value[vi];
		bool isbase = pprof_sample_has_label(&p->sample[i], "pprof::base", "true");

		w[0][i] = v;
		w[1][i] = isbase ? 0 : v;
		w[2][i] = isbase ? -v : 0;
	}
	pprof_graph_init(&g, p, gran, false, false, NULL);
	vals = xcalloc(g.nodes.len * 6 + 1, sizeof(int64_t));
	for (k = 0; k < 3; k++) {
		pprof_graph_build(&g, p, w[k], false, false);
		for (i = 0; i < g.nodes.len; i++) {
			vals[i * 6 + k * 2] = g.nodes.items[i].flat;
			vals[i * 6 + k * 2 + 1] = g.nodes.items[i].cum;
		}
	}
	*rows = arena_new_array(a, struct pprof_diff_row, g.nodes.len + 1);
	for (i = 0; i < g.nodes.len; i++) {
		const int64_t *v = &vals[i * 6];
		struct pprof_diff_row *r;

		if (!v[0] && !v[1] && !v[2] && !v[3] && !v[4] && !v[5])
			continue;
		r = &(*rows)[n++];
		r->name = arena_strdup(a, g.nodes.items[i].printable);
		r->function = arena_strdup(a, g.nodes.items[i].info.name);
		r->file = arena_strdup(a, *g.nodes.items[i].info.file ? g.nodes.items[i].info.file
								 : g.nodes.items[i].src_file);
		r->line = g.nodes.items[i].info.lineno;
		r->flat = v[0];
		r->cum = v[1];
		r->latest_flat = v[2];
		r->latest_cum = v[3];
		r->base_flat = v[4];
		r->base_cum = v[5];
	}
	qsort(*rows, n, sizeof(**rows), cmp_diff);
	free(vals);
	for (k = 0; k < 3; k++)
		free(w[k]);
	pprof_graph_release(&g);
	pprof_profile_free(p);
	return (long)n;
}
