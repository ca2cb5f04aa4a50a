/*
 * list: pprof's -list, source annotated with flat and cum per line.
 *
 * Values are formatted with pprof's "minimum" unit per value (list does not
 * choose one unit for the whole report as top does), lines run from five
 * before the first sampled line (or the function's start line) to five after
 * the last, and source files are looked up the way pprof looks them up, so
 * the output matches `go tool pprof -list` run in the same directory.
 */
#include "report.h"
#include "graph.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/file.h"
#include "../base/sb.h"

struct srcfile {
	char *data;
	const char **line;   /* line[1..n] */
	size_t n;
	char *error;
};

static const char *path_dir(struct arena *a, const char *p)
{
	const char *s = strrchr(p, '/');

	if (!s)
		return ".";
	if (s == p)
		return "/";
	return pprof_path_clean(a, arena_strndup(a, p, (size_t)(s - p)));
}

static const char *join(struct arena *a, const char *dir, const char *path)
{
	return pprof_path_clean(a, arena_printf(a, "%s/%s", dir, path));
}

static void load_source(struct arena *a, struct srcfile *f, const char *path,
			const char *search)
{
	const char *p = pprof_trim_path(a, path, search);
	char *buf = NULL;
	size_t len = 0, cap, i, n;
	struct err e = ERR_INIT;

	if (p[0] == '/') {
		FILE *fp = fopen(p, "rb");

		if (!fp) {
			/* Go's wording: strerror in lower case */
			char *m = arena_strdup(a, strerror(errno));

			if (m[0] >= 'A' && m[0] <= 'Z')
				m[0] = (char)(m[0] + 32);
			f->error = arena_printf(a, "open %s: %s", p, m);
			return;
		}
		fclose(fp);
		buf = file_read_all(p, (size_t)256 << 20, &len, &e);
		if (!buf) {
			f->error = arena_printf(a, "read %s: %s", p, e.msg);
			return;
		}
	} else {
		const char *d = search, *end;

		while (*d && !buf) {
			char *dir;

			end = strchr(d, ':');
			dir = arena_strndup(a, d, end ? (size_t)(end - d) : strlen(d));
			for (;;) {
				const char *parent;

				buf = file_read_all(join(a, dir, p), (size_t)256 << 20, &len, &e);
				if (buf)
					break;
				parent = path_dir(a, dir);
				if (!strcmp(parent, dir))
					break;
				dir = (char *)parent;
			}
			if (!end)
				break;
			d = end + 1;
		}
		if (!buf)
			f->error = arena_printf(a, "could not find file %s on path %s", p, search);
	}
	if (!buf)
		return;
	f->data = arena_strndup(a, buf, len);
	free(buf);
	for (i = 0, n = 0; i < len; i++)
		n += f->data[i] == '\n';
	cap = n + 2;
	f->line = arena_alloc(a, sizeof(*f->line) * (cap + 1));
	f->n = 0;
	{
		char *s = f->data, *e2 = f->data + len;

		while (s < e2) {
			char *nl = memchr(s, '\n', (size_t)(e2 - s));
			char *stop = nl ? nl : e2;

			if (stop > s && stop[-1] == '\r')
				stop[-1] = 0;
			*stop = 0;
			f->line[++f->n] = s;
			s = nl ? nl + 1 : e2;
		}
	}
}

static void value_or_dot(struct sb *out, int64_t v, const char *unit, const char *to)
{
	struct sb b = SB_INIT;

	if (v == 0)
		sb_adds(&b, ".");
	else
		pprof_scaled_label(&b, v, unit, to);
	sb_addf(out, "%10s", sb_str(&b));
	sb_release(&b);
}

static struct pprof_graph *cmp_g;

static int cmp_by_name(const void *a, const void *b)
{
	const struct pprof_gnode *x = &cmp_g->nodes.items[*(const uint32_t *)a];
	const struct pprof_gnode *y = &cmp_g->nodes.items[*(const uint32_t *)b];

	return strcmp(x->info.name, y->info.name);
}

static int cmp_by_file(const void *a, const void *b)
{
	const struct pprof_gnode *x = &cmp_g->nodes.items[*(const uint32_t *)a];
	const struct pprof_gnode *y = &cmp_g->nodes.items[*(const uint32_t *)b];
	int c = strcmp(x->info.file, y->info.file);

	if (c)
		return c;
	return x->info.start_line < y->info.start_line ? -1 : x->info.start_line > y->info.start_line;
}

int pprof_report_list(struct pprof_profile *p, const struct pprof_report_opts *o,
		      const char *regex, const char *src_path, struct sb *out,
		      unsigned *unmatched, struct err *e)
{
	struct pprof_graph g;
	struct pprof_rx *rx;
	struct arena a = ARENA_INIT;
	int64_t *w, total = 0, diff = 0;
	uint32_t *fns, *nodes;
	size_t i, j, k, nfn = 0, nn = 0;
	int vi, rc = -1;
	unsigned matched;
	const char *unit, *to;
	char cwd[4096];

	vi = pprof_sample_index(p, o->sample_index, e);
	if (vi < 0)
		return -1;
	unit = p->sample_type[vi].unit;
	to = o->unit && *o->unit ? o->unit : "minimum";
	for (i = 0; i < p->nsample; i++) {
		int64_t v = p->sample[i].value[vi];

		v = v < 0 ? -v : v;
		total += v;
		if (pprof_sample_has_label(&p->sample[i], "pprof::base", "true"))
			diff += v;
	}
	if (diff > 0)
		total = diff;
	rx = pprof_rx_compile(regex, "list", e);
	if (!rx)
		return -1;
	if (pprof_apply_filters(p, o, &matched, e)) {
		pprof_rx_free(rx);
		return -1;
	}
	if (unmatched)
		*unmatched = pprof_unmatched(o, matched);
	w = xmalloc(sizeof(*w) * (p->nsample + 1));
	for (i = 0; i < p->nsample; i++)
		w[i] = p->sample[i].value[vi];
	/* pprof trims file names with the search path only when one was
	 * given; files are then looked up in the current directory */
	pprof_graph_init(&g, p, PPROF_GRAN_LINES, o->noinlines, true, src_path);
	if (!src_path || !*src_path)
		src_path = getcwd(cwd, sizeof(cwd)) ? cwd : ".";
	pprof_graph_build(&g, p, w, false, false);
	free(w);
	fns = xmalloc(sizeof(*fns) * (g.nodes.len + 1));
	nodes = xmalloc(sizeof(*nodes) * (g.nodes.len + 1));
	/* live nodes of matching functions, one representative per name */
	for (i = 0; i < g.nodes.len; i++) {
		struct pprof_gnode *n = &g.nodes.items[i];

		if ((n->flat == 0 && n->cum == 0) || !pprof_rx_match(rx, n->info.name))
			continue;
		nodes[nn++] = (uint32_t)i;
		for (j = 0; j < nfn; j++)
			if (g.nodes.items[fns[j]].info.name == n->info.name)
				break;
		if (j == nfn)
			fns[nfn++] = (uint32_t)i;
	}
	pprof_rx_free(rx);
	if (nfn == 0) {
		err_setf(e, "no matches found for regexp: %s", regex);
		goto out;
	}
	cmp_g = &g;
	qsort(fns, nfn, sizeof(*fns), cmp_by_name);
	sb_adds(out, "Total: ");
	pprof_scaled_label(out, total, unit, to);
	sb_addc(out, '\n');
	for (i = 0; i < nfn; i++) {
		const char *name = g.nodes.items[fns[i]].info.name;
		uint32_t *files = xmalloc(sizeof(*files) * (nn + 1));
		size_t nf = 0;

		for (j = 0; j < nn; j++) {
			const struct pprof_gnode *n = &g.nodes.items[nodes[j]];

			if (n->info.name != name || !*n->info.file)
				continue;
			for (k = 0; k < nf; k++)
				if (g.nodes.items[files[k]].info.file == n->info.file)
					break;
			if (k == nf)
				files[nf++] = nodes[j];
		}
		if (nf == 0) {
			sb_addf(out, "No source information for %s\n", name);
			free(files);
			continue;
		}
		qsort(files, nf, sizeof(*files), cmp_by_file);
		for (k = 0; k < nf; k++) {
			const char *file = g.nodes.items[files[k]].info.file;
			int64_t flat = 0, cum = 0, start = 0, end = 0, ln;
			bool first = true;
			struct srcfile sf = { 0 };
			char pct[16];

			for (j = 0; j < nn; j++) {
				const struct pprof_gnode *n = &g.nodes.items[nodes[j]];
				int64_t ns, ne;

				if (n->info.name != name || n->info.file != file)
					continue;
				flat += n->flat;
				cum += n->cum;
				if (first) {
					start = n->info.start_line ? n->info.start_line : n->info.lineno - 5;
					end = n->info.lineno + 5;
					first = false;
				}
				ns = n->info.start_line ? n->info.start_line : n->info.lineno - 5;
				ne = n->info.lineno + 5;
				if (ns < start)
					start = ns;
				else if (ne > end)
					end = ne;
			}
			if (start < 1)
				start = 1;
			sb_addf(out, "ROUTINE ======================== %s in %s\n", name, file);
			{
				struct sb v1 = SB_INIT, v2 = SB_INIT;

				pprof_scaled_label(&v1, flat, unit, to);
				pprof_scaled_label(&v2, cum, unit, to);
				pprof_percentage(pct, cum, total);
				sb_addf(out, "%10s %10s (flat, cum) %s of Total\n", sb_str(&v1),
					sb_str(&v2), pct);
				sb_release(&v1);
				sb_release(&v2);
			}
			load_source(&a, &sf, file, src_path);
			if (sf.error) {
				sb_addf(out, " Error: %s\n", sf.error);
				continue;
			}
			for (ln = start; ln <= end && ln >= 1 && (size_t)ln <= sf.n; ln++) {
				int64_t lf = 0, lc = 0;

				for (j = 0; j < nn; j++) {
					const struct pprof_gnode *n = &g.nodes.items[nodes[j]];

					if (n->info.name == name && n->info.file == file &&
					    n->info.lineno == ln) {
						lf += n->flat;
						lc += n->cum;
					}
				}
				value_or_dot(out, lf, unit, to);
				sb_addc(out, ' ');
				value_or_dot(out, lc, unit, to);
				sb_addf(out, " %6" PRId64 ":%s\n", ln, sf.line[ln]);
			}
		}
		free(files);
	}
	rc = 0;
out:
	free(fns);
	free(nodes);
	pprof_graph_release(&g);
	arena_release(&a);
	return rc;
}
