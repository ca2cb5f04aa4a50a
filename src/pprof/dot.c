/*
 * dot: pprof's call graph in Graphviz DOT, as `go tool pprof -dot` writes
 * it (Go 1.19's pprof): the trimmed graph (node fraction, the 80 heaviest
 * nodes by pprof's entropy order, low edges dropped, redundant residual
 * edges removed), a legend box, one box per node sized by flat, one arrow
 * per edge weighted by its share of the total.
 *
 * Not drawn: pprof's tag nodelets (sample labels), so profiles with labels
 * (Go's heap and allocs profiles carry a "bytes" label) differ from pprof.
 * Ownership: pprof_report_dot appends to the caller's string builder and
 * frees everything else it allocates before it returns.
 */
#include "dot.h"
#include "graph.h"
#include "dot_tags.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/* escapeForDot: \ -> \\, " -> \", newline -> \l */
static void add_escaped(struct sb *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			sb_adds(b, "\\\\");
		else if (*s == '"')
			sb_adds(b, "\\\"");
		else if (*s == '\n')
			sb_adds(b, "\\l");
		else
			sb_addc(b, *s);
	}
}

static bool is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* pprof's ShortenFunctionName for Go and Java names (C++ names with "::"
 * keep their namespaces).  Writes into b. */
static void shorten(struct sb *b, const char *f)
{
	struct sb t = SB_INIT;
	const char *s, *p;
	size_t i, j;

	if (!strncmp(f, "(anonymous namespace)::", 23))
		f += 23;
	/* a module version /vN in the package path */
	for (p = f; (p = strstr(p, "/v")) != NULL; p++) {
		const char *d = p + 2;
		size_t n = 0;

		while (d[n] >= '0' && d[n] <= '9')
			n++;
		if (((n == 1 && d[0] >= '2') || (n >= 2 && d[0] != '0')) &&
		    (d[n] == '.' || d[n] == '/')) {
			sb_add(&t, f, (size_t)(p - f));
			sb_adds(&t, d + n);
			break;
		}
	}
	s = t.len ? sb_str(&t) : f;
	/* Go: drop the package path up to its last '/' */
	i = 0;
	for (;;) {
		j = i;
		while (is_word(s[j]) || s[j] == '-' || s[j] == '.')
			j++;
		if (j > i && s[j] == '/' && s[j + 1]) {
			i = j + 1;
			continue;
		}
		break;
	}
	if (i > 0) {
		sb_adds(b, s + i);
		sb_release(&t);
		return;
	}
	/* Java: pkg.Class.method[(...)] -> Class.method */
	i = 0;
	for (;;) {
		j = i;
		if (s[j] >= 'a' && s[j] <= 'z') {
			j++;
			while (is_word(s[j]))
				j++;
			if (s[j] == '.') {
				i = j + 1;
				continue;
			}
		}
		break;
	}
	if (s[i] >= 'A' && s[i] <= 'Z') {
		j = i + 1;
		while (is_word(s[j]) || s[j] == '$')
			j++;
		if (s[j] == '.') {
			j++;
			if (!strncmp(s + j, "<init>", 6)) {
				j += 6;
			} else if (s[j] >= 'a' && s[j] <= 'z') {
				while (is_word(s[j]) || s[j] == '$')
					j++;
			} else {
				j = 0;
			}
			if (j && (s[j] == '(' || !s[j])) {
				sb_add(b, s + i, j - i);
				sb_release(&t);
				return;
			}
		}
	}
	sb_adds(b, s);
	sb_release(&t);
}

/* multilinePrintableName: name parts split at '.' and "::". */
static void multiline_name(struct sb *b, struct pprof_graph *g, const struct pprof_gnode *n)
{
	const struct pprof_nodeinfo *i = &n->info;
	struct sb s = SB_INIT, e = SB_INIT;
	const char *c;
	bool any = false;

	if (i->address) {
		sb_addf(b, "%016llx", (unsigned long long)i->address);
		any = true;
	}
	if (*i->name) {
		shorten(&s, i->name);
		add_escaped(&e, sb_str(&s));
		if (any)
			sb_adds(b, "\\n");
		for (c = sb_str(&e); *c; c++) {
			if (c[0] == ':' && c[1] == ':') {
				sb_adds(b, "\\n");
				c++;
			} else if (!strncmp(c, "[...]", 5)) {
				sb_adds(b, "[\xe2\x80\xa6]");
				c += 4;
			} else if (*c == '.') {
				sb_adds(b, "\\n");
			} else {
				sb_addc(b, *c);
			}
		}
		any = true;
	}
	if (i->lineno || *i->file) {
		if (any)
			sb_adds(b, "\\n");
		sb_adds(b, pprof_path_base(&g->arena, i->file));
		if (i->lineno)
			sb_addf(b, ":%lld", (long long)i->lineno);
	} else if (!*i->name) {
		if (any)
			sb_adds(b, "\\n");
		if (*i->objfile)
			sb_addf(b, "[%s]", pprof_path_base(&g->arena, i->objfile));
		else
			sb_adds(b, "<unknown>");
	}
	sb_adds(b, "\\n");
	sb_release(&s);
	sb_release(&e);
}

static void dot_color(struct sb *b, double score, bool bg)
{
	double sat = bg ? 0.1 : 1.0, val = bg ? 0.93 : 0.7, r, g, bl;

	score = fmax(-1.0, fmin(1.0, score));
	if (fabs(score) < 0.2)
		sat *= fabs(score) / 0.2;
	if (score > 0.0)
		score = pow(score, 0.3);
	if (score < 0.0)
		score = -pow(-score, 0.3);
	if (score < 0.0) {
		g = val;
		r = val * (1 + sat * score);
	} else {
		r = val;
		g = val * (1 - sat * score);
	}
	bl = val * (1 - sat);
	sb_addf(b, "#%02x%02x%02x", (unsigned)(uint8_t)(r * 255.0), (unsigned)(uint8_t)(g * 255.0),
		(unsigned)(uint8_t)(bl * 255.0));
}

/* ---- the trimmed graph ---- */

struct dot {
	struct pprof_graph *g;
	bool *gone;              /* per edge: trimmed or redundant */
	char *nodelets;          /* per node: tag boxes were drawn */
	const char *sample_unit, *output_unit;
	int64_t total;
};

/* The entropy of a node's in or out edges (list: their indexes in g->edges,
 * ascending, so the sums run in the order of the edges). */
static double edge_entropy(const struct pprof_graph *g, const size_t *list, size_t n,
			   int64_t self)
{
	double score = 0;
	int64_t total = self;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct pprof_gedge *e = &g->edges.items[list[i]];

		if (e->weight > 0)
			total += abs64(e->weight);
	}
	if (total == 0)
		return 0;
	for (i = 0; i < n; i++) {
		double frac = (double)abs64(g->edges.items[list[i]].weight) / (double)total;

		score += -frac * log2(frac);
	}
	if (self > 0) {
		double frac = (double)abs64(self) / (double)total;
		score += -frac * log2(frac);
	}
	return score;
}

static struct pprof_graph *sort_g;
static int64_t *sort_score;

static int cmp_entropy(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const struct pprof_gnode *l = &sort_g->nodes.items[a], *r = &sort_g->nodes.items[b];
	int64_t x = abs64(sort_score[a]), y = abs64(sort_score[b]);
	int c;

	if (x != y)
		return x > y ? -1 : 1;
	c = strcmp(l->printable, r->printable);
	if (c)
		return c < 0 ? -1 : 1;
	x = abs64(l->flat);
	y = abs64(r->flat);
	if (x != y)
		return x > y ? -1 : 1;
	return 0;
}

/* Per node, the indexes of its edges (dst == node when !out, src == node
 * when out), ascending: start[v]..start[v + 1] in the returned list. */
static size_t *edge_index(const struct pprof_graph *g, bool out, size_t **startp)
{
	size_t nn = g->nodes.len + 1, i, *start = xcalloc(nn + 1, sizeof(*start));
	size_t *fill = xcalloc(nn, sizeof(*fill));
	size_t *list = xmalloc((g->edges.len + 1) * sizeof(*list));

	for (i = 0; i < g->edges.len; i++)
		start[(out ? g->edges.items[i].src : g->edges.items[i].dst) + 1]++;
	for (i = 0; i < nn; i++)
		start[i + 1] += start[i];
	for (i = 0; i < g->edges.len; i++) {
		uint32_t v = out ? g->edges.items[i].src : g->edges.items[i].dst;

		list[start[v] + fill[v]++] = i;
	}
	free(fill);
	*startp = start;
	return list;
}

/* pprof's EntropyOrder over the graph's current edges. */
static void sort_entropy(struct pprof_graph *g, uint32_t *ids, size_t n)
{
	int64_t *score = xcalloc(g->nodes.len + 1, sizeof(*score));
	size_t *in_start, *out_start;
	size_t *in = edge_index(g, false, &in_start), *outl = edge_index(g, true, &out_start);
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t v = ids[i];
		const struct pprof_gnode *nd = &g->nodes.items[v];
		size_t ni = in_start[v + 1] - in_start[v], no = out_start[v + 1] - out_start[v];
		double s = 0;

		s += ni ? edge_entropy(g, in + in_start[v], ni, 0) : 1;
		s += no ? edge_entropy(g, outl + out_start[v], no, nd->flat) : 1;
		score[v] = pprof_d2i(s * (double)nd->cum) + nd->flat;
	}
	sort_g = g;
	sort_score = score;
	qsort(ids, n, sizeof(*ids), cmp_entropy);
	sort_g = NULL;
	free(score);
	free(in);
	free(outl);
	free(in_start);
	free(out_start);
}

static int cmp_edges(const void *pa, const void *pb)
{
	const struct pprof_gedge *l = &sort_g->edges.items[*(const uint32_t *)pa];
	const struct pprof_gedge *r = &sort_g->edges.items[*(const uint32_t *)pb];
	int c;

	if (l->weight != r->weight)
		return abs64(l->weight) > abs64(r->weight) ? -1 : 1;
	c = strcmp(sort_g->nodes.items[l->src].printable, sort_g->nodes.items[r->src].printable);
	if (c)
		return c < 0 ? -1 : 1;
	c = strcmp(sort_g->nodes.items[l->dst].printable, sort_g->nodes.items[r->dst].printable);
	return c < 0 ? -1 : c > 0;
}

static void sort_edges(struct pprof_graph *g, uint32_t *eids, size_t n)
{
	sort_g = g;
	qsort(eids, n, sizeof(*eids), cmp_edges);
	sort_g = NULL;
}

/* isRedundantEdge: another path leads from e's source to its destination. */
static bool redundant(struct dot *d, uint32_t eid)
{
	struct pprof_graph *g = d->g;
	const struct pprof_gedge *e = &g->edges.items[eid];
	bool *seen = xcalloc(g->nodes.len + 1, 1);
	uint32_t *queue = xmalloc(sizeof(*queue) * (g->nodes.len + 1));
	size_t head = 0, tail = 0;
	bool found = false;

	seen[e->dst] = true;
	queue[tail++] = e->dst;
	while (head < tail && !found) {
		uint32_t n = queue[head++], x;

		for (x = g->nodes.items[n].in_head; x; x = g->edges.items[x - 1].next_in) {
			const struct pprof_gedge *ie = &g->edges.items[x - 1];

			if (x - 1 == eid || d->gone[x - 1] || seen[ie->src])
				continue;
			if (ie->src == e->src) {
				found = true;
				break;
			}
			seen[ie->src] = true;
			queue[tail++] = ie->src;
		}
	}
	free(seen);
	free(queue);
	return found;
}

static void remove_redundant(struct dot *d, const uint32_t *ids, size_t n)
{
	struct pprof_graph *g = d->g;
	uint32_t *in = xmalloc(sizeof(*in) * (g->edges.len + 1));
	size_t i;

	for (i = n; i > 0; i--) {
		size_t k = 0, j;
		uint32_t x;

		for (x = g->nodes.items[ids[i - 1]].in_head; x; x = g->edges.items[x - 1].next_in)
			if (!d->gone[x - 1])
				in[k++] = x - 1;
		sort_edges(g, in, k);
		for (j = k; j > 0; j--) {
			if (!g->edges.items[in[j - 1]].residual)
				break;
			if (redundant(d, in[j - 1]))
				d->gone[in[j - 1]] = true;
		}
	}
	free(in);
}

static void value(struct sb *b, const struct dot *d, int64_t v)
{
	pprof_scaled_label(b, v, d->sample_unit, d->output_unit);
}

static void tag_value(struct sb *b, const void *arg, int64_t v)
{
	value(b, arg, v);
}

static void percent(struct sb *b, int64_t v, int64_t total)
{
	char p[16];

	pprof_percentage(p, v, total);
	sb_adds(b, p + strspn(p, " "));
}

static void write_node(struct sb *out, struct dot *d, uint32_t id, size_t num, double max_flat)
{
	const struct pprof_gnode *n = &d->g->nodes.items[id];
	struct sb cumv = SB_INIT;
	int fs = 8;

	sb_addf(out, "N%zu [label=\"", num);
	multiline_name(out, d->g, n);
	value(&cumv, d, n->flat);
	if (n->flat != 0) {
		sb_adds(out, sb_str(&cumv));
		sb_adds(out, " (");
		percent(out, n->flat, d->total);
		sb_adds(out, ")");
	} else {
		sb_adds(out, "0");
	}
	if (n->cum != n->flat) {
		sb_adds(out, n->flat != 0 ? "\\n" : " ");
		sb_reset(&cumv);
		value(&cumv, d, n->cum);
		sb_addf(out, "of %s (", sb_str(&cumv));
		percent(out, n->cum, d->total);
		sb_adds(out, ")");
	}
	if (max_flat != 0 && n->flat != 0 && (double)abs64(n->flat) <= max_flat)
		fs += (int)ceil(16.0 * sqrt((double)abs64(n->flat) / max_flat));
	sb_addf(out, "\" id=\"node%zu\" fontsize=%d shape=box tooltip=\"", num, fs);
	add_escaped(out, n->printable);
	sb_addf(out, " (%s)\" color=\"", sb_str(&cumv));
	dot_color(out, (double)n->cum / (double)abs64(d->total), false);
	sb_adds(out, "\" fillcolor=\"");
	dot_color(out, (double)n->cum / (double)abs64(d->total), true);
	sb_adds(out, "\"]\n");
	sb_release(&cumv);
}

static void write_edge(struct sb *out, struct dot *d, const struct pprof_gedge *e,
		       const size_t *num)
{
	struct sb w = SB_INIT, tip = SB_INIT;
	int64_t t = d->total;

	value(&w, d, e->weight);
	sb_addf(out, "N%zu -> N%zu [label=\" %s%s\"", num[e->src], num[e->dst], sb_str(&w),
		e->inl ? "\\n (inline)" : "");
	if (t != 0) {
		int64_t x = abs64(e->weight * 100 / t);
		int weight = 1 + (int)(x < 100 ? x : 100), width;

		if (weight > 1)
			sb_addf(out, " weight=%d", weight);
		x = abs64(e->weight * 5 / t);
		width = 1 + (int)(x < 5 ? x : 5);
		if (width > 1)
			sb_addf(out, " penwidth=%d", width);
		sb_adds(out, " color=\"");
		dot_color(out, (double)e->weight / (double)abs64(t), false);
		sb_adds(out, "\"");
	}
	sb_addc(&tip, '"');
	add_escaped(&tip, d->g->nodes.items[e->src].printable);
	sb_adds(&tip, e->residual ? " ... " : " -> ");
	add_escaped(&tip, d->g->nodes.items[e->dst].printable);
	sb_addf(&tip, " (%s)\"", sb_str(&w));
	sb_addf(out, " tooltip=%s labeltooltip=%s", sb_str(&tip), sb_str(&tip));
	if (e->residual)
		sb_adds(out, " style=\"dotted\"");
	if (d->nodelets && d->nodelets[e->src])
		sb_adds(out, " minlen=2");   /* room for the source's tag boxes */
	sb_adds(out, "]\n");
	sb_release(&w);
	sb_release(&tip);
}

int pprof_report_dot(struct pprof_profile *p, const struct pprof_report_opts *o,
		     struct sb *out, unsigned *unmatched, struct err *e)
{
	struct pprof_report r;
	struct pprof_graph_prep gp;
	struct pprof_graph g;
	struct dot d;
	int64_t *w, node_cut, edge_cut, flat_sum = 0;
	uint32_t *ids, *eids;
	size_t *num, i, n, ne = 0, orig_count, dropped_nodes = 0, dropped_edges = 0;
	size_t nodecount = o->nodecount > 0 ? (size_t)o->nodecount : 80;
	double nf = o->nodefraction >= 0 ? o->nodefraction : 0.005;
	double ef = o->edgefraction >= 0 ? o->edgefraction : 0.001, max_flat;
	const char *title = "unnamed";
	bool rebuilt = false, use_kept = false;
	struct dot_tags *tags;
	char *has_out;
	int vi;
	struct sb b = SB_INIT;

	/* the edges are counted by the build of the nodes that survive the
	 * node cut (below), not by the first build over every node */
	if (pprof_graph_prepare(p, o, false, &gp, e))
		return -1;
	memset(&r, 0, sizeof(r));
	arena_init(&r.arena);
	r.total = gp.total;
	if (unmatched)
		*unmatched = gp.unmatched;
	vi = gp.vi;
	w = gp.w;
	g = gp.g;
	ids = gp.ids;
	n = gp.n;
	node_cut = gp.node_cut;
	edge_cut = gp.edge_cut;
	if (node_cut > 0) {
		size_t kept = 0;

		for (i = 0; i < g.nodes.len; i++)
			g.nodes.items[i].kept = false;
		for (i = 0; i < n; i++) {
			struct pprof_gnode *nd = &g.nodes.items[ids[i]];
			nd->kept = abs64(nd->cum) >= node_cut;
			kept += nd->kept;
		}
		if (kept != n) {
			dropped_nodes = n - kept;
			pprof_graph_build(&g, p, w, true, true);
			n = pprof_live_nodes(&g, ids);
			use_kept = true;
		}
	}
	if (!use_kept)
		pprof_graph_build(&g, p, w, false, true);
	orig_count = n;
	sort_entropy(&g, ids, n);
	{
		/* the budget below reads the tags of the first nodecount
		 * nodes at most (each counts one at least): only theirs */
		bool *want = xcalloc(g.nodes.len + 1, sizeof(*want));

		for (i = 0; i < n && i < nodecount; i++)
			want[ids[i]] = true;
		tags = dot_tags_build(&g, p, w, use_kept, o->unit, want);
		free(want);
	}
	dot_tags_trim(tags, node_cut);
	{
		/* pprof counts each node's tag boxes (at most four) as nodes
		 * of the budget */
		size_t count = 0;

		for (i = 0; i < n; i++) {
			size_t nt = dot_tags_count(tags, ids[i]);

			count += (nt > 4 ? 4 : nt) + 1;
			if (count >= nodecount) {
				nodecount = i + 1;
				break;
			}
		}
	}
	if (nodecount < n) {
		for (i = 0; i < g.nodes.len; i++)
			g.nodes.items[i].kept = false;
		for (i = 0; i < nodecount; i++)
			g.nodes.items[ids[i]].kept = true;
		pprof_graph_build(&g, p, w, true, true);
		n = pprof_live_nodes(&g, ids);
		sort_entropy(&g, ids, n);
		rebuilt = true;
		dot_tags_free(tags);
		tags = dot_tags_build(&g, p, w, true, o->unit, NULL);
		dot_tags_trim(tags, node_cut);
	}

	d.g = &g;
	d.total = r.total;
	d.gone = xcalloc(g.edges.len + 1, 1);
	for (i = 0; i < g.edges.len; i++)
		if (abs64(g.edges.items[i].weight) < edge_cut) {
			d.gone[i] = true;
			/* pprof trims edges before it picks the top nodes and
			 * counts only those its last trim drops: none unless
			 * the graph was rebuilt from the top nodes */
			dropped_edges += rebuilt;
		}
	remove_redundant(&d, ids, n);
	d.sample_unit = p->sample_type[vi].unit;
	d.output_unit = pprof_output_unit(&g, ids, n, r.total, d.sample_unit, o->unit);
	r.sample_type = p->sample_type[vi].type;
	r.sample_unit = (char *)d.sample_unit;
	r.output_unit = (char *)d.output_unit;

	/* the legend: pprof's reportLabels with full headers */
	pprof_profile_labels(&r, p, o);
	for (i = 0; i < n; i++)
		flat_sum += g.nodes.items[ids[i]].flat;
	if (p->nmapping > 0 && *p->mapping[0]->file)
		title = pprof_path_base(&r.arena, p->mapping[0]->file);
	sb_addf(out, "digraph \"%s\" {\n", title);
	sb_adds(out, "node [style=filled fillcolor=\"#f8f8f8\"]\n");
	sb_adds(&b, "Showing nodes accounting for ");
	value(&b, &d, flat_sum);
	sb_adds(&b, ", ");
	percent(&b, flat_sum, r.total);
	sb_adds(&b, " of ");
	value(&b, &d, r.total);
	sb_adds(&b, " total");
	{
		const char *first = r.nheader ? r.header[0] : sb_str(&b);

		sb_adds(out, "subgraph cluster_L { \"");
		add_escaped(out, first);
		sb_adds(out, "\" [shape=box fontsize=16 label=\"");
		for (i = 0; i < r.nheader; i++) {
			add_escaped(out, r.header[i]);
			sb_adds(out, "\\l");
		}
		add_escaped(out, sb_str(&b));
		sb_adds(out, "\\l");
		if (r.total != 0) {
			if (dropped_nodes > 0) {
				sb_addf(out, "Dropped %zu node%s (cum <= ", dropped_nodes,
					dropped_nodes > 1 ? "s" : "");
				value(out, &d, abs64(pprof_d2i((double)r.total * nf)));
				sb_adds(out, ")\\l");
			}
			if (dropped_edges > 0) {
				sb_addf(out, "Dropped %zu edge%s (freq <= ", dropped_edges,
					dropped_edges > 1 ? "s" : "");
				value(out, &d, abs64(pprof_d2i((double)r.total * ef)));
				sb_adds(out, ")\\l");
			}
			if (n > 0 && n < orig_count)
				sb_addf(out, "Showing top %zu nodes out of %zu\\l", n, orig_count);
		}
		sb_adds(out, "\\lSee https://git.io/JfYMW for how to read the graph\\l\"");
		if (strcmp(title, "unnamed"))
			sb_addf(out, " tooltip=\"%s\"", title);
		sb_adds(out, "] }\n");
	}

	num = xcalloc(g.nodes.len + 1, sizeof(*num));
	max_flat = n ? (double)abs64(g.nodes.items[ids[0]].flat) : 0;
	for (i = 0; i < n; i++) {
		num[ids[i]] = i + 1;
		if ((double)abs64(g.nodes.items[ids[i]].flat) > max_flat)
			max_flat = (double)abs64(g.nodes.items[ids[i]].flat);
	}
	eids = xmalloc(sizeof(*eids) * (g.edges.len + 1));
	has_out = xcalloc(g.nodes.len + 1, 1);
	d.nodelets = xcalloc(g.nodes.len + 1, 1);
	for (i = 0; i < g.edges.len; i++)
		if (!d.gone[i] && num[g.edges.items[i].src] && num[g.edges.items[i].dst]) {
			eids[ne++] = (uint32_t)i;
			has_out[g.edges.items[i].src] = 1;
		}
	for (i = 0; i < n; i++) {
		write_node(out, &d, ids[i], i + 1, max_flat);
		/* leaves show their cum tags, inner nodes their flat ones */
		d.nodelets[ids[i]] = dot_tags_write(tags, ids[i], i + 1, has_out[ids[i]] != 0,
						    out, tag_value, &d);
	}
	sort_edges(&g, eids, ne);
	for (i = 0; i < ne; i++)
		write_edge(out, &d, &g.edges.items[eids[i]], num);
	sb_adds(out, "}\n");

	sb_release(&b);
	dot_tags_free(tags);
	free(has_out);
	free(d.nodelets);
	free(eids);
	free(num);
	free(d.gone);
	free(ids);
	free(w);
	pprof_graph_release(&g);
	pprof_report_release(&r);
	return 0;
}
