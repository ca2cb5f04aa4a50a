/*
 * graph: pprof's node graph over our model; see graph.h.
 *
 * The per-sample "seen" sets of pprof are generation stamps on nodes and
 * edges, so a build pass allocates nothing per sample.
 */
#include "graph.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/sb.h"

const char *pprof_path_clean(struct arena *a, const char *p)
{
	size_t n = strlen(p), r = 0, w = 0, dotdot = 0;
	bool rooted = n && p[0] == '/';
	char *out;

	if (n == 0)
		return ".";
	out = arena_alloc(a, n + 2);
	if (rooted) {
		out[w++] = '/';
		r = 1;
		dotdot = 1;
	}
	while (r < n) {
		if (p[r] == '/') {
			r++;
		} else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
			r++;
		} else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				w--;
				while (w > dotdot && out[w] != '/')
					w--;
			} else if (!rooted) {
				if (w > 0)
					out[w++] = '/';
				out[w++] = '.';
				out[w++] = '.';
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0))
				out[w++] = '/';
			for (; r < n && p[r] != '/'; r++)
				out[w++] = p[r];
		}
	}
	if (w == 0)
		out[w++] = '.';
	out[w] = 0;
	return out;
}

const char *pprof_path_base(struct arena *a, const char *p)
{
	size_t n = strlen(p), s;

	if (n == 0)
		return ".";
	while (n > 0 && p[n - 1] == '/')
		n--;
	if (n == 0)
		return "/";
	s = n;
	while (s > 0 && p[s - 1] != '/')
		s--;
	return arena_strndup(a, p + s, n - s);
}

const char *pprof_trim_path(struct arena *a, const char *path, const char *search)
{
	const char *d = search ? search : "", *end;

	while (*d) {
		char *dir, *want;
		const char *found;

		end = strchr(d, ':');
		dir = arena_strndup(a, d, end ? (size_t)(end - d) : strlen(d));
		want = arena_printf(a, "/%s/", pprof_path_base(a, dir));
		found = strstr(path, want);
		if (found)
			return found + strlen(want);
		if (!end)
			break;
		d = end + 1;
	}
	if (!strncmp(path, "/proc/self/cwd/./", 17))
		return path + 17;
	if (!strncmp(path, "/proc/self/cwd/", 15))
		return path + 15;
	return path;
}

static const char *intern(struct pprof_graph *g, const char *s)
{
	struct map_slot *sl;

	if (!s || !*s)
		return "";
	sl = map_slot(&g->strings, s, strlen(s));
	if (!sl->value) {
		char *c = arena_strdup(&g->arena, s);
		sl->key = c;
		sl->value = c;
	}
	return sl->value;
}

static const char *printable(struct pprof_graph *g, const struct pprof_nodeinfo *i)
{
	struct sb b = SB_INIT;
	const char *r;

	if (i->address)
		sb_addf(&b, "%016" PRIx64, i->address);
	if (*i->name) {
		if (b.len)
			sb_addc(&b, ' ');
		sb_adds(&b, i->name);
	}
	if (i->lineno) {
		if (b.len)
			sb_addc(&b, ' ');
		sb_addf(&b, "%s:%" PRId64, i->file, i->lineno);
	} else if (*i->file) {
		if (b.len)
			sb_addc(&b, ' ');
		sb_adds(&b, i->file);
	} else if (*i->name) {
		/* nothing */
	} else if (*i->objfile) {
		if (b.len)
			sb_addc(&b, ' ');
		sb_addf(&b, "[%s]", pprof_path_base(&g->arena, i->objfile));
	} else {
		if (b.len)
			sb_addc(&b, ' ');
		sb_adds(&b, "<unknown>");
	}
	r = arena_strndup(&g->arena, sb_str(&b), b.len);
	sb_release(&b);
	return r;
}

static uint32_t node_for(struct pprof_graph *g, const struct pprof_nodeinfo *info,
			 const char *src_file)
{
	struct map_slot *sl = map_slot(&g->nodemap, (const char *)info, sizeof(*info));
	struct pprof_gnode n;

	if (sl->value)
		return (uint32_t)((uintptr_t)sl->value - 1);
	memset(&n, 0, sizeof(n));
	n.info = *info;
	n.printable = printable(g, info);
	n.src_file = src_file;
	vec_push(&g->nodes, n);
	sl->key = arena_alloc(&g->arena, sizeof(*info));
	memcpy((void *)sl->key, info, sizeof(*info));
	sl->value = (void *)(uintptr_t)g->nodes.len;
	return (uint32_t)(g->nodes.len - 1);
}

static const char *clean_file(struct pprof_graph *g, const struct pprof_function *f)
{
	const char *c = u64map_get(&g->cleaned, (uint64_t)(uintptr_t)f);

	if (!c) {
		/* pprof trims file names (trimPath) before it cleans them */
		const char *fn = pprof_trim_path(&g->arena, f->filename, g->search);

		c = *fn ? intern(g, pprof_path_clean(&g->arena, fn)) : "";
		u64map_put(&g->cleaned, (uint64_t)(uintptr_t)f, (void *)c);
	}
	return c;
}

void pprof_graph_init(struct pprof_graph *g, const struct pprof_profile *p,
		      enum pprof_granularity gran, bool noinlines, bool objnames,
		      const char *source_path)
{
	bool fn = true, fl = true, ln = true, ad = true;
	size_t i, j, total = 0;

	memset(g, 0, sizeof(*g));
	arena_init(&g->arena);
	g->search = source_path && *source_path ? arena_strdup(&g->arena, source_path) : "";
	switch (gran) {
	case PPROF_GRAN_ADDRESSES:
		break;
	case PPROF_GRAN_LINES:
		ad = false;
		break;
	case PPROF_GRAN_FILES:
		fn = ln = ad = false;
		break;
	case PPROF_GRAN_FUNCTIONS:
		fl = ln = ad = false;
		break;
	case PPROF_GRAN_FILEFUNCTIONS:
		ln = ad = false;
		break;
	}
	g->locstart = xcalloc(p->nlocation + 1, sizeof(size_t));
	g->loccount = xcalloc(p->nlocation + 1, sizeof(size_t));
	for (i = 0; i < p->nlocation; i++)
		total += p->location[i]->nline ? p->location[i]->nline : 1;
	g->locnodes = xcalloc(total + 1, sizeof(uint32_t));
	total = 0;
	for (i = 0; i < p->nlocation; i++) {
		const struct pprof_location *l = p->location[i];
		const char *objfile = l->mapping && *l->mapping->file ?
			intern(g, l->mapping->file) : "";
		size_t first = 0, n = l->nline;

		if (noinlines && n > 1)
			first = n - 1;
		g->locstart[i] = total;
		if (n == 0) {
			struct pprof_nodeinfo info = { "", "", ad ? l->address : 0, "", 0, 0, objfile };
			g->locnodes[total++] = node_for(g, &info, "");
		}
		for (j = first; j < n; j++) {
			const struct pprof_line *line = &l->line[j];
			const struct pprof_function *f = line->function;
			struct pprof_nodeinfo info;
			const char *cf = clean_file(g, f);

			info.name = fn ? intern(g, f->name) : "";
			info.orig_name = "";
			info.address = ad ? l->address : 0;
			info.file = fl ? cf : "";
			info.lineno = ln ? line->line : 0;
			info.start_line = 0;
			info.objfile = "";
			if (objnames || !*info.name) {
				info.objfile = objfile;
				info.start_line = f->start_line;
			}
			g->locnodes[total++] = node_for(g, &info, cf);
		}
		g->loccount[i] = total - g->locstart[i];
	}
}

static struct pprof_gedge *edge_for(struct pprof_graph *g, uint32_t src, uint32_t dst,
				    bool inl, bool residual, bool *created)
{
	uint64_t k = ((uint64_t)src + 1) << 32 | ((uint64_t)dst + 1);
	uintptr_t v = (uintptr_t)u64map_get(&g->edgemap, k);
	struct pprof_gedge e;

	*created = false;
	if (v)
		return &g->edges.items[v - 1];
	memset(&e, 0, sizeof(e));
	e.src = src;
	e.dst = dst;
	e.inl = inl;
	e.residual = residual;
	e.next_in = g->nodes.items[dst].in_head;
	vec_push(&g->edges, e);
	g->nodes.items[dst].in_head = (uint32_t)g->edges.len;
	u64map_put(&g->edgemap, k, (void *)(uintptr_t)g->edges.len);
	*created = true;
	return &g->edges.items[g->edges.len - 1];
}

void pprof_graph_build(struct pprof_graph *g, const struct pprof_profile *p,
		       const int64_t *w, bool use_kept, bool with_edges)
{
	size_t s, i;
	struct pprof_gnode *nodes = g->nodes.items;

	for (i = 0; i < g->nodes.len; i++) {
		nodes[i].flat = nodes[i].cum = 0;
		nodes[i].stamp = 0;
		nodes[i].in_head = 0;
	}
	g->edges.len = 0;
	u64map_free(&g->edgemap);
	g->stamp = 0;
	for (s = 0; s < p->nsample; s++) {
		const struct pprof_sample *smp = &p->sample[s];
		int64_t v = w[s];
		long parent = -1;
		bool residual = false;
		long li;

		if (v == 0)
			continue;
		g->stamp++;
		for (li = (long)smp->nlocation - 1; li >= 0; li--) {
			size_t loc = smp->location[li]->index;
			size_t start = g->locstart[loc], cnt = g->loccount[loc];
			long ni;

			for (ni = (long)cnt - 1; ni >= 0; ni--) {
				uint32_t n = g->locnodes[start + ni];
				struct pprof_gnode *node = &nodes[n];

				if (use_kept && !node->kept) {
					residual = true;
					continue;
				}
				if (node->stamp != g->stamp) {
					node->stamp = g->stamp;
					node->cum += v;
				}
				if (with_edges && parent >= 0 && (uint32_t)parent != n) {
					bool created;
					bool inl = ni != (long)cnt - 1;
					struct pprof_gedge *e = edge_for(g, (uint32_t)parent, n, inl,
									 residual, &created);
					if (created || e->stamp != g->stamp) {
						if (!created && !inl)
							e->inl = false;
						if (residual)
							e->residual = true;
						e->stamp = g->stamp;
						e->weight += v;
					}
				}
				parent = n;
				residual = false;
			}
		}
		if (parent >= 0 && !residual)
			nodes[parent].flat += v;
	}
}

void pprof_graph_release(struct pprof_graph *g)
{
	map_release(&g->strings);
	map_release(&g->nodemap);
	u64map_free(&g->cleaned);
	u64map_free(&g->edgemap);
	vec_free(&g->nodes);
	vec_free(&g->edges);
	free(g->locnodes);
	free(g->locstart);
	free(g->loccount);
	arena_release(&g->arena);
}

/* ---- sorting ---- */

static struct pprof_graph *sort_graph;
static bool sort_cum;

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;   /* wraps for INT64_MIN like Go (-fwrapv) */
}

/* Go's fmt.Sprint of a NodeInfo, the last tie-break of pprof's orders. */
static void sprint_info(struct sb *b, const struct pprof_nodeinfo *i)
{
	sb_reset(b);
	sb_addf(b, "{%s %s %" PRIu64 " %s %" PRId64 " %" PRId64 " %s}", i->name,
		i->orig_name, i->address, i->file, i->start_line, i->lineno, i->objfile);
}

static int cmp_nodes(const void *pa, const void *pb)
{
	const struct pprof_gnode *l = &sort_graph->nodes.items[*(const uint32_t *)pa];
	const struct pprof_gnode *r = &sort_graph->nodes.items[*(const uint32_t *)pb];
	int64_t a1 = sort_cum ? abs64(l->cum) : abs64(l->flat);
	int64_t b1 = sort_cum ? abs64(r->cum) : abs64(r->flat);
	int c;

	if (a1 != b1)
		return a1 > b1 ? -1 : 1;
	c = strcmp(l->printable, r->printable);
	if (c)
		return c < 0 ? -1 : 1;
	a1 = sort_cum ? abs64(l->flat) : abs64(l->cum);
	b1 = sort_cum ? abs64(r->flat) : abs64(r->cum);
	if (a1 != b1)
		return a1 > b1 ? -1 : 1;
	{
		struct sb x = SB_INIT, y = SB_INIT;

		sprint_info(&x, &l->info);
		sprint_info(&y, &r->info);
		c = strcmp(sb_str(&x), sb_str(&y));
		sb_release(&x);
		sb_release(&y);
	}
	return c < 0 ? -1 : c > 0;
}

void pprof_graph_sort(struct pprof_graph *g, uint32_t *ids, size_t n, bool cum)
{
	sort_graph = g;
	sort_cum = cum;
	qsort(ids, n, sizeof(*ids), cmp_nodes);
	sort_graph = NULL;
}
