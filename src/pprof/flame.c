/*
 * flame: the call tree, its folded form and its SVG; see flame.h.
 *
 * The SVG carries its own script and style so that one file opened in a
 * browser is the whole tool: frames are <g> elements with the frame's
 * position as a fraction of the root in data attributes, and the script
 * re-lays them out on zoom, so the C side writes every frame once.
 */
#include "flame.h"
#include "internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/vec.h"

static const char *intern(struct pprof_flame *f, const char *s, size_t n)
{
	struct map_slot *sl = map_slot(&f->names, s, n);

	if (!sl->value) {
		char *c = arena_strndup(&f->arena, s, n);
		sl->key = c;
		sl->value = c;
	}
	return sl->value;
}

static struct pprof_fnode *child(struct pprof_flame *f, struct pprof_fnode *parent,
				 const char *name)
{
	struct { const void *p, *n; } key = { parent, name };
	struct map_slot *sl = map_slot(&f->kids, (const char *)&key, sizeof(key));
	struct pprof_fnode *c;

	if (sl->value)
		return sl->value;
	c = arena_new(&f->arena, struct pprof_fnode);
	c->name = name;
	c->parent = parent;
	c->depth = parent->depth + 1;
	if (c->depth > f->maxdepth)
		f->maxdepth = c->depth;
	c->next = parent->child;
	parent->child = c;
	sl->key = arena_alloc(&f->arena, sizeof(key));
	memcpy((void *)sl->key, &key, sizeof(key));
	sl->value = c;
	return c;
}

/*
 * Every walk over the tree is iterative: a Go program's recursion gives
 * stacks of any depth, and one C frame per call frame overflows the C stack
 * at a few thousand.  Nodes know their parent, so a pre-order walk needs no
 * stack of its own: fnode_next returns the node after n, into n's children
 * when descend is set, or NULL after the last node under root.
 */
static const struct pprof_fnode *fnode_next(const struct pprof_fnode *n,
					    const struct pprof_fnode *root, bool descend)
{
	if (descend && n->child)
		return n->child;
	for (; n != root; n = n->parent)
		if (n->next)
			return n->next;
	return NULL;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp((*(struct pprof_fnode *const *)a)->name,
		      (*(struct pprof_fnode *const *)b)->name);
}

/* Relink every child list sorted by name, the order frames are drawn in. */
static void sort_children(struct pprof_fnode *root)
{
	VEC(struct pprof_fnode *) k = { 0 };
	struct pprof_fnode *n, *c;
	size_t i;

	for (n = root; n; n = (struct pprof_fnode *)fnode_next(n, root, true)) {
		if (!n->child || !n->child->next)
			continue;
		k.len = 0;
		for (c = n->child; c; c = c->next)
			vec_push(&k, c);
		qsort(k.items, k.len, sizeof(*k.items), cmp_name);
		for (i = 0; i + 1 < k.len; i++)
			k.items[i]->next = k.items[i + 1];
		k.items[k.len - 1]->next = NULL;
		n->child = k.items[0];
	}
	vec_free(&k);
}

int pprof_flame_build(struct pprof_flame *f, struct pprof_profile *p,
		      const struct pprof_report_opts *o, struct err *e)
{
	const char **locname;
	size_t *locfirst, *loccount, i, j, total = 0;
	unsigned matched;
	int vi;
	char buf[32];

	memset(f, 0, sizeof(*f));
	arena_init(&f->arena);
	f->root.name = "root";
	vi = pprof_sample_index(p, o->sample_index, e);
	if (vi < 0)
		return -1;
	f->sample_type = arena_strdup(&f->arena, p->sample_type[vi].type);
	f->unit = arena_strdup(&f->arena, p->sample_type[vi].unit);
	if (pprof_apply_filters(p, o, &matched, e))
		return -1;
	f->unmatched = pprof_unmatched(o, matched);
	/* frame names per location, caller first within a location */
	locfirst = xcalloc(p->nlocation + 1, sizeof(size_t));
	loccount = xcalloc(p->nlocation + 1, sizeof(size_t));
	for (i = 0; i < p->nlocation; i++)
		total += p->location[i]->nline ? p->location[i]->nline : 1;
	locname = xcalloc(total + 1, sizeof(char *));
	total = 0;
	for (i = 0; i < p->nlocation; i++) {
		const struct pprof_location *l = p->location[i];
		size_t n = l->nline;

		locfirst[i] = total;
		if (n == 0) {
			snprintf(buf, sizeof(buf), "0x%" PRIx64, l->address);
			locname[total++] = intern(f, buf, strlen(buf));
		} else if (o->noinlines) {
			const char *nm = l->line[n - 1].function->name;
			locname[total++] = intern(f, nm, strlen(nm));
		} else {
			for (j = n; j-- > 0;) {
				const char *nm = l->line[j].function->name;
				locname[total++] = intern(f, nm, strlen(nm));
			}
		}
		loccount[i] = total - locfirst[i];
	}
	for (i = 0; i < p->nsample; i++) {
		const struct pprof_sample *s = &p->sample[i];
		int64_t v = s->value[vi];
		bool base = pprof_sample_has_label(s, "pprof::base", "true");
		struct pprof_fnode *n = &f->root;
		long k;

		if (base)
			f->diff = true;
		if (v == 0)
			continue;
		if (base)
			n->base -= v;
		else
			n->value += v;
		for (k = (long)s->nlocation - 1; k >= 0; k--) {
			size_t li = s->location[k]->index;

			for (j = 0; j < loccount[li]; j++) {
				n = child(f, n, locname[locfirst[li] + j]);
				if (base)
					n->base -= v;
				else
					n->value += v;
			}
		}
	}
	free(locname);
	free(locfirst);
	free(loccount);
	sort_children(&f->root);
	return 0;
}

void pprof_flame_release(struct pprof_flame *f)
{
	map_release(&f->names);
	map_release(&f->kids);
	arena_release(&f->arena);
	memset(f, 0, sizeof(*f));
}

/* ---- folded ---- */

struct fline {
	char *stack;
	int64_t value, base;
};

typedef VEC(struct fline) fline_vec;

/* One line per node with self value; path holds the node's stack, and
 * mark[d] its length up to the frame at depth d. */
static void fold(const struct pprof_fnode *root, int maxdepth, struct sb *path,
		 fline_vec *out, bool diff)
{
	size_t *mark = xcalloc((size_t)maxdepth + 2, sizeof(size_t));
	const struct pprof_fnode *n, *c;

	for (n = root; n; n = fnode_next(n, root, true)) {
		int64_t cv = 0, cb = 0;

		if (n->parent) {
			sb_truncate(path, mark[n->depth - 1]);
			if (path->len)
				sb_addc(path, ';');
			sb_adds(path, n->name);
			mark[n->depth] = path->len;
		}
		for (c = n->child; c; c = c->next) {
			cv += c->value;
			cb += c->base;
		}
		if (n->parent && (n->value - cv != 0 || (diff && n->base - cb != 0))) {
			struct fline l = { xstrndup(sb_str(path), path->len), n->value - cv,
					   n->base - cb };
			vec_push(out, l);
		}
	}
	free(mark);
}

static int cmp_fline(const void *a, const void *b)
{
	return strcmp(((const struct fline *)a)->stack, ((const struct fline *)b)->stack);
}

void pprof_flame_folded(const struct pprof_flame *f, struct sb *out)
{
	fline_vec lines = { 0 };
	struct sb path = SB_INIT;
	size_t i;

	fold(&f->root, f->maxdepth, &path, &lines, f->diff);
	if (lines.len)
		qsort(lines.items, lines.len, sizeof(*lines.items), cmp_fline);
	for (i = 0; i < lines.len; i++) {
		if (f->diff)
			sb_addf(out, "%s %" PRId64 " %" PRId64 "\n", lines.items[i].stack,
				lines.items[i].base, lines.items[i].value);
		else
			sb_addf(out, "%s %" PRId64 "\n", lines.items[i].stack, lines.items[i].value);
		free(lines.items[i].stack);
	}
	vec_free(&lines);
	sb_release(&path);
}

/* ---- SVG ---- */

#define FRAME_H 16
#define PAD_TOP 60
#define PAD_BOTTOM 24

static uint32_t name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int path_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* The frame's label: the function name without the directories of its
 * import path, as pprof shortens it ("github.com/x/y/pkg.Func" ->
 * "pkg.Func", "net/http.(*conn).serve" -> "http.(*conn).serve"): the
 * longest prefix of path elements ending in '/' after which a name with
 * a dot remains.  A name without such a prefix is its own label. */
const char *pprof_flame_short_name(const char *name)
{
	const char *p = name, *best = name, *r;

	while (*p && (path_char(*p) || *p == '/')) {
		if (*p == '/' && p > name && p[-1] != '/') {
			/* the rest must be [^.]+ '.' .+ */
			for (r = p + 1; *r && *r != '.'; r++)
				;
			if (r > p + 1 && *r == '.' && r[1])
				best = p + 1;
		}
		p++;
	}
	return best;
}

/* The length of the package part of a function name: up to the first dot
 * after the import path's last '/' ("github.com/x/y/pkg" of
 * "github.com/x/y/pkg.(*T).M"); the whole name if there is none. */
static size_t package_len(const char *name)
{
	const char *d = strchr(pprof_flame_short_name(name), '.');

	return d ? (size_t)(d - name) : strlen(name);
}

static void color(const struct pprof_flame *f, const struct pprof_fnode *n,
		  int64_t maxdelta, char out[64])
{
	if (f->diff) {
		int64_t d = n->value - n->base;
		double t = maxdelta ? (double)(d < 0 ? -d : d) / (double)maxdelta : 0;
		int c = 235 - (int)(t * 175);

		if (d > 0)
			snprintf(out, 64, "rgb(255,%d,%d)", c, c);
		else if (d < 0)
			snprintf(out, 64, "rgb(%d,%d,255)", c, c);
		else
			snprintf(out, 64, "rgb(235,235,235)");
	} else {
		/* by package: the frames of one package share a colour */
		uint32_t h = name_hash(n->name, package_len(n->name));
		int r = 205 + (int)(h % 50), g = 80 + (int)((h >> 8) % 150);
		int b = 40 + (int)((h >> 16) % 50);

		snprintf(out, 64, "rgb(%d,%d,%d)", r, g, b);
	}
}

static int64_t max_delta(const struct pprof_fnode *root)
{
	const struct pprof_fnode *n;
	int64_t m = 0, d;

	for (n = root; n; n = fnode_next(n, root, true)) {
		d = n->value - n->base;
		if (d < 0)
			d = -d;
		if (d > m)
			m = d;
	}
	return m;
}

/* The largest growth of a frame (latest minus base); 0 or less: none. */
static int64_t max_growth(const struct pprof_fnode *root)
{
	const struct pprof_fnode *n;
	int64_t m = 0;

	for (n = root; n; n = fnode_next(n, root, true))
		if (n->value - n->base > m)
			m = n->value - n->base;
	return m;
}

/* One frame at x (a fraction of the root); false when it is too narrow to
 * draw, and so are its children. */
static bool svg_frame(const struct pprof_flame *f, const struct pprof_fnode *n,
		      double x, int64_t total, int64_t maxdelta, int width, int height,
		      struct sb *out)
{
	double w = total ? (double)n->value / (double)total : 0;
	char col[64];
	struct sb v = SB_INIT;
	double px = w * width;
	/* the label shortened as pprof does; the tooltip and the search
	 * keep the full name */
	const char *label = pprof_flame_short_name(n->name);

	if (px < 0.1)
		return false;
	color(f, n, maxdelta, col);
	pprof_scaled_label(&v, n->value, f->unit, "auto");
	sb_addf(out, "<g class=\"f\" data-x=\"%.9f\" data-w=\"%.9f\" data-d=\"%d\"",
		x, w, n->depth);
	if (label != n->name) {
		sb_adds(out, " data-s=\"");
		sb_add_html(out, label);
		sb_adds(out, "\"");
	}
	sb_adds(out, "><title>");
	sb_add_html(out, n->name);
	sb_addf(out, " (%s, %.2f%%", sb_str(&v), total ? 100.0 * (double)n->value / (double)total : 0);
	if (f->diff) {
		struct sb b = SB_INIT, d = SB_INIT;

		pprof_scaled_label(&b, n->base, f->unit, "auto");
		pprof_scaled_label(&d, n->value - n->base, f->unit, "auto");
		sb_addf(out, "; base %s, change %s%s", sb_str(&b), n->value >= n->base ? "+" : "",
			sb_str(&d));
		sb_release(&b);
		sb_release(&d);
	}
	sb_addf(out, ")</title><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" rx=\"2\"/>"
		"<text x=\"%.2f\" y=\"%d\">",
		x * width, height - PAD_BOTTOM - (n->depth + 1) * FRAME_H, px, FRAME_H - 1, col,
		x * width + 3, height - PAD_BOTTOM - n->depth * FRAME_H - 4);
	{
		/* the label as the script would fit it, for viewers without
		 * scripts */
		long fit = (long)((px - 6) / 7);
		size_t len = strlen(label);

		if (fit >= 3) {
			if ((long)len <= fit) {
				sb_add_html(out, label);
			} else {
				char *cut = xstrndup(label, (size_t)fit - 2);
				sb_add_html(out, cut);
				sb_adds(out, "..");
				free(cut);
			}
		}
	}
	sb_adds(out, "</text></g>\n");
	sb_release(&v);
	return true;
}

/* Children are drawn left to right in name order (sort_children); x[d] is
 * where the next frame at depth d starts. */
static void svg_frames(const struct pprof_flame *f, int64_t total, int64_t maxdelta,
		       int width, int height, struct sb *out)
{
	double *x = xcalloc((size_t)f->maxdepth + 2, sizeof(double));
	const struct pprof_fnode *n = &f->root;

	while (n) {
		bool drawn = svg_frame(f, n, x[n->depth], total, maxdelta, width, height, out);
		const struct pprof_fnode *next = fnode_next(n, &f->root, drawn);

		if (drawn && n->child)
			x[n->depth + 1] = x[n->depth];
		/* the frames after n at n's depth or above start after
		 * their preceding sibling: n, or one of its ancestors */
		for (; next && n->depth >= next->depth; n = n->parent)
			x[n->depth] += total ? (double)n->value / (double)total : 0;
		n = next;
	}
	free(x);
}

/* One literal per line: ISO C bounds the length of a single literal. */
static const char *const svg_style[] = {
"<style>\n",
" text { font: 12px Verdana, sans-serif; fill: #000; pointer-events: none; }\n",
" .f:hover rect { stroke: #000; stroke-width: 0.5; cursor: pointer; }\n",
" .f.hit rect { fill: rgb(230,0,230) !important; }\n",
" #title { font-size: 17px; text-anchor: middle; }\n",
" .btn { cursor: pointer; fill: #333; pointer-events: all; }\n",
"</style>\n",
	NULL,
};

/* The script comes last, when every element it looks up exists. */
static const char *const svg_script[] = {
"<script type=\"text/ecmascript\"><![CDATA[\n",
"(function () {\n",
"  var svg = document.documentElement, W = +svg.getAttribute('data-width');\n",
"  var frames = [].slice.call(document.querySelectorAll('g.f'));\n",
"  var zoom = null;\n",
"  function num(g, k) { return +g.getAttribute('data-' + k); }\n",
"  function fit(g, px) {\n",
"    var t = g.querySelector('text'), name = g.querySelector('title').textContent;\n",
"    name = g.getAttribute('data-s') || name.replace(/ \\([^()]*\\)$/, '');\n",
"    var n = Math.floor((px - 6) / 7);\n",
"    t.textContent = n < 3 ? '' : (name.length <= n ? name : name.slice(0, n - 2) + '..');\n",
"  }\n",
"  function layout() {\n",
"    var x0 = 0, w0 = 1, d0 = -1;\n",
"    if (zoom) { x0 = num(zoom, 'x'); w0 = num(zoom, 'w'); d0 = num(zoom, 'd'); }\n",
"    frames.forEach(function (g) {\n",
"      var x = num(g, 'x'), w = num(g, 'w'), d = num(g, 'd');\n",
"      var r = g.querySelector('rect'), t = g.querySelector('text');\n",
"      var inside = x >= x0 - 1e-12 && x + w <= x0 + w0 + 1e-12;\n",
"      var above = d < d0 && x <= x0 + 1e-12 && x + w >= x0 + w0 - 1e-12;\n",
"      if (!zoom || (inside && d >= d0)) {\n",
"        var nx = (x - x0) / w0 * W, nw = w / w0 * W;\n",
"        g.style.display = nw < 0.1 ? 'none' : '';\n",
"        r.setAttribute('x', nx); r.setAttribute('width', nw);\n",
"        t.setAttribute('x', nx + 3); fit(g, nw); g.style.opacity = '';\n",
"      } else if (above) {\n",
"        g.style.display = ''; r.setAttribute('x', 0); r.setAttribute('width', W);\n",
"        t.setAttribute('x', 3); fit(g, W); g.style.opacity = '0.6';\n",
"      } else { g.style.display = 'none'; }\n",
"    });\n",
"    document.getElementById('reset').style.display = zoom ? '' : 'none';\n",
"  }\n",
"  frames.forEach(function (g) {\n",
"    g.addEventListener('click', function () { zoom = num(g, 'd') === 0 ? null : g; layout(); });\n",
"  });\n",
"  document.getElementById('reset').addEventListener('click', function () { zoom = null; layout(); });\n",
"  function search(re) {\n",
"    var total = 0, hit = 0, rx;\n",
"    try { rx = re ? new RegExp(re) : null; } catch (e) { rx = null; }\n",
"    var spans = [];\n",
"    frames.forEach(function (g) {\n",
"      var name = g.querySelector('title').textContent.replace(/ \\([^()]*\\)$/, '');\n",
"      var on = rx && rx.test(name);\n",
"      g.classList.toggle('hit', !!on);\n",
"      if (num(g, 'd') === 0) total = num(g, 'w');\n",
"      if (on) spans.push([num(g, 'x'), num(g, 'x') + num(g, 'w')]);\n",
"    });\n",
"    spans.sort(function (a, b) { return a[0] - b[0]; });\n",
"    var end = -1;\n",
"    spans.forEach(function (s) { if (s[0] >= end) { hit += s[1] - s[0]; end = s[1]; }\n",
"      else if (s[1] > end) { hit += s[1] - end; end = s[1]; } });\n",
"    document.getElementById('matched').textContent = rx ? 'Matched: ' +\n",
"      (total ? (100 * hit / total).toFixed(2) : '0.00') + '%' : '';\n",
"    document.getElementById('search').textContent = rx ? 'Clear search' : 'Search';\n",
"  }\n",
"  var current = null;\n",
"  document.getElementById('search').addEventListener('click', function () {\n",
"    if (current) { current = null; search(null); return; }\n",
"    var re = prompt('Search (regular expression):', '');\n",
"    if (re) { current = re; search(re); }\n",
"  });\n",
"  window.addEventListener('keydown', function (e) {\n",
"    if ((e.ctrlKey || e.metaKey) && e.key === 'f') { e.preventDefault();\n",
"      var re = prompt('Search (regular expression):', current || '');\n",
"      current = re || null; search(current); }\n",
"    if (e.key === 'Escape') { zoom = null; layout(); }\n",
"  });\n",
"  // #zoom=NAME and #search=RE in the address open the graph zoomed or\n",
"  // searched, so a view can be shared as a link\n",
"  var h = decodeURIComponent((location.hash || '').slice(1));\n",
"  var m = /(?:^|&)zoom=([^&]*)/.exec(h);\n",
"  if (m) { frames.some(function (g) {\n",
"    if (g.querySelector('title').textContent.replace(/ \\([^()]*\\)$/, '') === m[1]) { zoom = g; return true; }\n",
"    return false; }); }\n",
"  layout();\n",
"  m = /(?:^|&)search=([^&]*)/.exec(h);\n",
"  if (m && m[1]) { current = m[1]; search(current); }\n",
"  svg.setAttribute('data-leakhound', 'ready');\n",
"})();\n",
"]]></script>\n",
	NULL,
};

void pprof_flame_svg(const struct pprof_flame *f, const char *title, int width,
		     struct sb *out)
{
	int height;
	int64_t total = f->root.value, md = f->diff ? max_delta(&f->root) : 0;
	struct sb t = SB_INIT, v = SB_INIT;
	size_t i;
	bool nogrowth;

	if (width <= 0)
		width = 1200;
	nogrowth = f->diff && f->growth_only && max_growth(&f->root) <= 0;
	height = PAD_TOP + PAD_BOTTOM + (nogrowth ? 2 : f->maxdepth + 1) * FRAME_H;
	if (!title) {
		sb_addf(&t, "%s %s (%s)", f->diff ? "Differential flame graph:" : "Flame graph:",
			f->sample_type, f->diff ? "red grew, blue shrank" : f->unit);
		title = sb_str(&t);
	}
	pprof_scaled_label(&v, total, f->unit, "auto");
	sb_addf(out, "<?xml version=\"1.0\" standalone=\"no\"?>\n"
		"<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" data-width=\"%d\">\n", width, height, width, height, width);
	for (i = 0; svg_style[i]; i++)
		sb_adds(out, svg_style[i]);
	sb_addf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#f8f8f8\"/>\n", width,
		height);
	sb_addf(out, "<text id=\"title\" x=\"%d\" y=\"24\">", width / 2);
	sb_add_html(out, title);
	sb_adds(out, "</text>\n");
	sb_addf(out, "<text x=\"10\" y=\"44\">Total: %s. Click a frame to zoom, Ctrl-F to search.</text>\n",
		sb_str(&v));
	sb_addf(out, "<text id=\"reset\" class=\"btn\" x=\"10\" y=\"24\" style=\"display:none\">Reset Zoom</text>\n");
	sb_addf(out, "<text id=\"search\" class=\"btn\" x=\"%d\" y=\"24\" text-anchor=\"end\">Search</text>\n",
		width - 10);
	sb_addf(out, "<text id=\"matched\" x=\"%d\" y=\"%d\" text-anchor=\"end\"></text>\n", width - 10,
		height - 6);
	if (nogrowth)
		sb_addf(out, "<text id=\"no-growth\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
			"No growth: no frame is larger than in the base profile, so "
			"there is nothing to draw.</text>\n", width / 2,
			height - PAD_BOTTOM - FRAME_H / 2);
	else if (total > 0)
		svg_frames(f, total, md, width, height, out);
	for (i = 0; svg_script[i]; i++)
		sb_adds(out, svg_script[i]);
	sb_adds(out, "</svg>\n");
	sb_release(&t);
	sb_release(&v);
}
