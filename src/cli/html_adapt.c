/*
 * html_adapt: the job modules' results as parts of an HTML report page.
 */
#include "cli.h"
#include "html_adapt.h"
#include "../base/file.h"
#include "../gv/gv.h"
#include "../pprof/dot.h"
#include "../pprof/flame.h"
#include "../watch/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void frame(struct report_frame *dst, const struct gdump_frame *src)
{
	dst->func = src ? src->func : NULL;
	dst->file = src && src->file ? src->file : "";
	dst->line = src ? src->line : 0;
}

void cli_html_add_groups(struct report_page *p, const struct gdump_groups *gs,
			 const char *title)
{
	struct report_groups *rg = report_page_add_groups(p, title, gs->total);
	struct report_frame *frames = NULL;
	size_t i, j, cap = 0;

	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		struct report_group r;
		size_t n = g->nframes < REPORT_HTML_MAX_FRAMES ? g->nframes :
			REPORT_HTML_MAX_FRAMES;

		memset(&r, 0, sizeof(r));
		r.count = g->count;
		r.state = g->state;
		r.wait_min = g->wait_min;
		r.wait_max = g->wait_max;
		frame(&r.created_by, g->created_by.func ? &g->created_by : NULL);
		frame(&r.blocking, g->blocking);
		if (n > cap) {
			cap = n;
			frames = xrealloc(frames, cap * sizeof(*frames));
		}
		for (j = 0; j < n; j++)
			frame(&frames[j], &g->frames[j]);
		r.frames = frames;
		r.nframes = g->nframes;  /* report_groups_add copies at most n */
		r.score = g->score;
		r.suspect = g->suspect;
		r.why = g->why;
		if (gs->compared) {
			r.has_growth = 1;
			r.growth = g->growth;
			r.is_new = g->is_new;
		}
		/* groups past the page's cap are only counted: no frames */
		if (i >= REPORT_HTML_MAX_GROUPS)
			r.nframes = 0;
		report_groups_add(p, rg, &r);
	}
	free(frames);
}

int cli_html_write(struct report_page *p, const char *path, int argc,
		   char **argv)
{
	struct sb out = SB_INIT;
	int rc;

	cli_invocation_get(&argc, &argv);
	report_page_set_command_line(p, argc, argv);
	report_write_html(&out, p);
	rc = cli_output(path, &out);
	sb_release(&out);
	return rc;
}

/* ---- flame graphs ---- */

/* The flame SVG's script runs where it stands; written before the frames it
 * finds none (and fails on the missing reset button).  Move the script
 * element to the end of the document, after everything it looks up.  Does
 * nothing when the script already comes after the frames. */
static void script_last(struct sb *svg)
{
	const char *s = sb_str(svg);
	const char *a = strstr(s, "<script"), *b, *frames = strstr(s, "<g class=\"f\"");
	const char *end = strstr(s, "</svg>");
	struct sb out = SB_INIT;

	if (!a || !frames || !end || a > frames || !(b = strstr(a, "</script>")) || b > end)
		return;
	b += strlen("</script>");
	if (*b == '\n')
		b++;
	sb_add(&out, s, (size_t)(a - s));
	sb_add(&out, b, (size_t)(end - b));
	sb_add(&out, a, (size_t)(b - a));
	sb_adds(&out, end);
	sb_release(svg);
	*svg = out;
}

int cli_html_add_flame(struct report_page *p, const char *title,
		       struct pprof_profile *prof, struct pprof_profile *base,
		       const char *sample_index, struct err *e)
{
	struct pprof_report_opts o;
	struct pprof_profile *q;
	struct pprof_flame f;
	struct sb svg = SB_INIT;
	int rc;

	q = pprof_prepare(prof, base, base != NULL, e);
	if (!q)
		return -1;
	pprof_report_opts_init(&o);
	o.sample_index = sample_index;
	rc = pprof_flame_build(&f, q, &o, e);
	pprof_profile_free(q);
	if (rc) {
		pprof_flame_release(&f);
		return -1;
	}
	f.growth_only = base != NULL;
	pprof_flame_svg(&f, title, 1100, &svg);
	script_last(&svg);
	report_page_add_svg(p, title, sb_str(&svg));
	sb_release(&svg);
	pprof_flame_release(&f);
	return 0;
}

/* ---- call graphs ---- */

int cli_html_add_graph(struct report_page *p, const char *title,
		       struct pprof_profile *prof, struct pprof_profile *base,
		       const char *sample_index, int nodecount, struct err *e)
{
	struct pprof_report_opts o;
	struct pprof_profile *q;
	struct sb dot = SB_INIT, svg = SB_INIT;
	int rc;

	q = pprof_prepare(prof, base, base != NULL, e);
	if (!q)
		return -1;
	pprof_report_opts_init(&o);
	o.sample_index = sample_index;
	o.nodecount = nodecount;
	rc = pprof_report_dot(q, &o, &dot, NULL, e);
	pprof_profile_free(q);
	if (!rc)
		rc = gv_dot_to_svg(dot.buf ? dot.buf : "", dot.len, &svg, e);
	if (!rc)
		report_page_add_graph(p, title, sb_str(&svg));
	sb_release(&dot);
	sb_release(&svg);
	return rc;
}

/* ---- goroutine flame graphs ---- */

/* The groups of a dump as a goroutine profile (one sample per group, its
 * count as the value, its frames as the stack), so the pprof module's flame
 * graph can draw it.  The dump parser already read the function names (the
 * "#" lines of debug=1 text, the frames of debug=2), which the pprof
 * module's legacy text reader leaves as bare addresses. */
#define FLAME_MAX_GROUPS 300

static int cmp_count_desc(const void *a, const void *b)
{
	uint64_t x = **(const uint64_t *const *)a, y = **(const uint64_t *const *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The smallest count a group needs to be drawn: at most FLAME_MAX_GROUPS
 * groups, and none narrower than half a pixel of the 1100-pixel graph;
 * the others are drawn as one "(N smaller groups)" frame, so the graph
 * stays small and its total stays right. */
static uint64_t flame_cutoff(const struct gdump_groups *gs)
{
	const uint64_t **c;
	uint64_t total = 0, cut;
	size_t i, n = gs->items.len;

	for (i = 0; i < n; i++)
		total += gs->items.items[i].count;
	cut = total / 2200;
	if (n <= FLAME_MAX_GROUPS)
		return cut;
	c = xmalloc(n * sizeof(*c));
	for (i = 0; i < n; i++)
		c[i] = &gs->items.items[i].count;
	qsort(c, n, sizeof(*c), cmp_count_desc);
	/* keep only groups larger than the first one over the limit: ties
	 * with it go too, so the cut is a count, not a choice among equals */
	if (*c[FLAME_MAX_GROUPS] + 1 > cut)
		cut = *c[FLAME_MAX_GROUPS] + 1;
	free(c);
	return cut;
}

static struct pprof_profile *groups_profile(const struct gdump_groups *gs)
{
	uint64_t cut = flame_cutoff(gs), rest = 0;
	size_t nrest = 0;
	struct pprof_profile *p = pprof_profile_new();
	struct arena *a = &p->arena;
	struct map funcs = MAP_INIT, locs = MAP_INIT;
	VEC(struct pprof_location *) lv = { 0 };
	VEC(struct pprof_function *) fv = { 0 };
	struct sb key = SB_INIT;
	size_t i, j, n = 0;

	p->sample_type = arena_new(a, struct pprof_value_type);
	p->sample_type->type = "goroutine";
	p->sample_type->unit = "count";
	p->nsample_type = 1;
	p->period_type.type = "goroutine";
	p->period_type.unit = "count";
	p->period = 1;
	p->sample = arena_new_array(a, struct pprof_sample, gs->items.len + 1);
	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		struct pprof_sample *smp;

		if (!g->nframes || !g->count)
			continue;
		if (g->count < cut) {
			rest += g->count;
			nrest++;
			continue;
		}
		smp = &p->sample[n++];
		smp->value = arena_new(a, int64_t);
		smp->value[0] = (int64_t)g->count;
		smp->location = arena_new_array(a, struct pprof_location *, g->nframes);
		smp->nlocation = g->nframes;
		for (j = 0; j < g->nframes; j++) {
			const struct gdump_frame *fr = &g->frames[j];
			struct map_slot *ls, *fs;
			struct pprof_location *l;
			struct pprof_function *f;

			sb_reset(&key);
			sb_addf(&key, "%s\n%s", fr->func, fr->file ? fr->file : "");
			fs = map_slot(&funcs, sb_str(&key), key.len);
			if (!fs->value) {
				fs->key = arena_strndup(a, sb_str(&key), key.len);
				f = arena_new(a, struct pprof_function);
				f->id = fv.len + 1;
				f->name = arena_strdup(a, fr->func);
				f->system_name = f->name;
				f->filename = arena_strdup(a, fr->file ? fr->file : "");
				fs->value = f;
				vec_push(&fv, f);
			}
			f = fs->value;
			sb_addf(&key, "\n%d", fr->line);
			ls = map_slot(&locs, sb_str(&key), key.len);
			if (!ls->value) {
				ls->key = arena_strndup(a, sb_str(&key), key.len);
				l = arena_new(a, struct pprof_location);
				l->id = lv.len + 1;
				l->index = lv.len;
				l->line = arena_new(a, struct pprof_line);
				l->line->function = f;
				l->line->line = fr->line;
				l->nline = 1;
				ls->value = l;
				vec_push(&lv, l);
			}
			smp->location[j] = ls->value;
		}
	}
	if (rest) {
		struct pprof_sample *smp = &p->sample[n++];
		struct pprof_function *f = arena_new(a, struct pprof_function);
		struct pprof_location *l = arena_new(a, struct pprof_location);

		f->id = fv.len + 1;
		f->name = arena_printf(a, "(%zu smaller groups)", nrest);
		f->system_name = f->name;
		f->filename = "";
		vec_push(&fv, f);
		l->id = lv.len + 1;
		l->index = lv.len;
		l->line = arena_new(a, struct pprof_line);
		l->line->function = f;
		l->nline = 1;
		vec_push(&lv, l);
		smp->value = arena_new(a, int64_t);
		smp->value[0] = (int64_t)rest;
		smp->location = arena_new_array(a, struct pprof_location *, 1);
		smp->location[0] = l;
		smp->nlocation = 1;
	}
	p->nsample = n;
	p->location = arena_new_array(a, struct pprof_location *, lv.len + 1);
	if (lv.len)
		memcpy(p->location, lv.items, lv.len * sizeof(*lv.items));
	p->nlocation = lv.len;
	p->function = arena_new_array(a, struct pprof_function *, fv.len + 1);
	if (fv.len)
		memcpy(p->function, fv.items, fv.len * sizeof(*fv.items));
	p->nfunction = fv.len;
	vec_free(&lv);
	vec_free(&fv);
	map_release(&funcs);
	map_release(&locs);
	sb_release(&key);
	return p;
}

int cli_html_add_goroutine_flame(struct report_page *p, const char *title,
				 const struct gdump_groups *gs, struct err *e)
{
	struct pprof_profile *prof;
	int rc;

	if (!gs->items.len)
		return 0;
	prof = groups_profile(gs);
	rc = prof->nsample ? cli_html_add_flame(p, title, prof, NULL, NULL, e) : 0;
	pprof_profile_free(prof);
	return rc;
}

/* ---- the target's Go version ---- */

int cli_go_version(const char *path, struct sb *out)
{
	static const char magic[] = "\xff Go buildinf:";
	struct err e = ERR_INIT;
	size_t len, i, n;
	char *bin = file_read_all(path, (size_t)512 << 20, &len, &e);
	const unsigned char *b = (const unsigned char *)bin, *v;
	int rc = -1;

	if (!bin)
		return -1;
	/* the build info header: 14 bytes of magic, pointer size, flags,
	 * padding to 32 bytes; with flag 2 (Go 1.18+) the version follows
	 * inline as a varint length and the bytes */
	for (i = 0; i + 48 <= len; i += 16) {
		if (memcmp(b + i, magic, 14))
			continue;
		if (!(b[i + 15] & 2))
			break;
		v = b + i + 32;
		n = v[0];
		if (n >= 128 || n < 3 || i + 33 + n > len || memcmp(v + 1, "go", 2))
			break;
		sb_add(out, v + 1, n);
		rc = 0;
		break;
	}
	free(bin);
	return rc;
}

/* ---- watch recordings ---- */

static const struct {
	enum watch_series_id id;
	const char *title;
	int always;          /* charted even without a leak verdict */
} charted[] = {
	{ WATCH_RSS, "RSS", 1 },
	{ WATCH_HEAP_BYTES, "heap in use", 1 },
	{ WATCH_GOROUTINES, "goroutines", 1 },
	{ WATCH_HEAP_OBJECTS, "heap objects in use", 0 },
	{ WATCH_FDS, "open file descriptors", 0 },
};

static const char *series_title(enum watch_series_id id)
{
	size_t k;

	for (k = 0; k < sizeof(charted) / sizeof(charted[0]); k++)
		if (charted[k].id == id)
			return charted[k].title;
	return watch_series_name(id);
}

static size_t segment_first(const struct watch *w)
{
	return w->segments.len ? w->segments.items[w->segments.len - 1].first : 0;
}

/* The first sample count k at which the detector, run on samples[0..k),
 * already says the series leaks: the moment of the verdict.  Found by
 * bisection over prefixes of the recording (the verdict of a growing series
 * stays a leak as samples are added, up to noise), at most ~12 runs of the
 * detector.  -1 if none. */
static long verdict_index(const struct watch *w, enum watch_series_id id)
{
	struct watch_verdict v[WATCH_NSERIES];
	struct watch tmp = *w;
	size_t lo = segment_first(w) + 1, hi = w->samples.len, mid;

	/* the copy shares the samples; only its length differs, and
	 * watch_evaluate only reads */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		tmp.samples.len = mid;
		watch_evaluate(&tmp, v);
		if (v[id].evaluated && v[id].tr.verdict == TREND_GROWING)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo >= 1 && lo <= w->samples.len ? (long)lo - 1 : -1;
}

static const char *verdict_word(const struct watch_verdict *r)
{
	switch (r->tr.verdict) {
	case TREND_GROWING: return "leak";
	case TREND_FLAT: return "no leak";
	case TREND_SETTLING: return "no leak (settled after a rise)";
	case TREND_SMALL: return "no leak (growth too small to matter)";
	default: return "undecided";
	}
}

static void add_series(struct report_page *p, const struct watch *w,
		       const struct watch_verdict *r, const char *title)
{
	enum watch_series_id id = r->series;
	unsigned bit = 1u << id;
	double t0 = w->samples.items[0].t, seg_off;
	struct report_series *s;
	struct sb detail = SB_INIT;
	size_t i, present = 0;

	for (i = 0; i < w->samples.len; i++)
		present += (w->samples.items[i].have & bit) != 0;
	if (!present)
		return;
	s = report_page_add_series(p, watch_series_name(id), title,
				   watch_series_is_bytes(id) ? REPORT_UNIT_BYTES :
				   REPORT_UNIT_COUNT);
	for (i = 0; i < w->samples.len; i++) {
		const struct watch_sample *x = &w->samples.items[i];

		report_series_add(s, x->t - t0, (double)x->v[id], !(x->have & bit));
	}
	if (!r->evaluated)
		return;
	seg_off = w->samples.items[segment_first(w)].t - t0;
	s->verdict = report_page_str(p, verdict_word(r));
	s->leak = r->tr.verdict == TREND_GROWING;
	if (r->tr.verdict != TREND_NO_DATA && r->tr.n >= 2) {
		s->has_trend = 1;
		s->slope = r->tr.slope;
		s->intercept = r->tr.intercept - r->tr.slope * seg_off;
		if (seg_off + r->tr.t0 > 0)
			s->warmup_end = seg_off + r->tr.t0;
		if (r->per_min >= 0)
			sb_addc(&detail, '+');
		watch_fmt_rate(&detail, id, r->per_min);
		sb_addf(&detail, ", Mann-Kendall p=%.2g, %zu points over %.0f s",
			r->tr.p, r->tr.n, r->tr.t1 - r->tr.t0);
		if (id == WATCH_HEAP_BYTES || id == WATCH_HEAP_OBJECTS)
			sb_adds(&detail, " (one point per garbage collection)");
		if (r->eta >= 0) {
			sb_adds(&detail, "; reaches the limit of ");
			watch_fmt_value(&detail, id, (double)w->opt.limit);
			sb_addf(&detail, " in %.0f min", r->eta / 60);
		}
	} else if (r->note) {
		sb_adds(&detail, r->note);
	}
	if (s->leak) {
		long k = verdict_index(w, id);

		if (k >= 0)
			s->verdict_t = w->samples.items[k].t - t0;
	}
	s->detail = detail.len ? report_page_str(p, sb_str(&detail)) : NULL;
	sb_release(&detail);
}

static void fmt_time(struct sb *out, double unix_t)
{
	time_t t = (time_t)unix_t;
	struct tm tm;
	char buf[64];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm);
	sb_adds(out, buf);
}

/* The index of the first (from lo) or last sample in [lo, hi) with a blob
 * of kind, or -1. */
static long find_blob(const struct watch *w, size_t lo, size_t hi, const char *kind,
		      int last, struct sb *out)
{
	struct err e = ERR_INIT;
	size_t i;

	for (i = 0; i < hi - lo; i++) {
		size_t k = last ? hi - 1 - i : lo + i;

		sb_reset(out);
		if (watch_store_get_blob(w->store, w->samples.items[k].id, kind, out, &e) == 1)
			return (long)k;
	}
	return -1;
}

static struct pprof_profile *blob_profile(const struct sb *b)
{
	struct err e = ERR_INIT;

	return pprof_profile_parse(b->buf ? b->buf : "", b->len, "recorded profile", &e);
}

/* The first sample of the verdict's window (after warm-up) of series id,
 * or the segment's first sample. */
static size_t window_start(const struct watch *w, const struct watch_verdict *r)
{
	size_t lo = segment_first(w), i;
	double t0;

	if (!r->evaluated || r->tr.verdict == TREND_NO_DATA)
		return lo;
	t0 = w->samples.items[lo].t;
	for (i = lo; i < w->samples.len; i++)
		if (w->samples.items[i].t - t0 >= r->tr.t0 - 1e-9)
			return i;
	return lo;
}

/* Compare gs (seen at sample hi, or at the end: w->samples.len) with the
 * first goroutine profile of the goroutines' verdict window: the sample
 * compared with, or -1 when there is none. */
static long compare_with_first(const struct watch *w, const struct watch_verdict *v,
			       size_t hi, struct gdump_groups *gs)
{
	struct sb blob = SB_INIT;
	struct gdump_dump od;
	struct gdump_groups ogs;
	struct err e = ERR_INIT;
	size_t lo = window_start(w, &v[WATCH_GOROUTINES]);
	long first = hi > lo ? find_blob(w, lo, hi, "goroutine", 0, &blob) : -1;

	if (first >= 0) {
		gdump_dump_init(&od);
		if (gdump_parse(&od, blob.buf ? blob.buf : "", blob.len, &e) == 0) {
			gdump_group(&od, &ogs);
			gdump_compare(gs, &ogs);
			gdump_groups_release(&ogs);
		} else {
			first = -1;
		}
		gdump_dump_release(&od);
	}
	sb_release(&blob);
	return first;
}

long cli_recorded_compare(const struct watch *w, const struct watch_verdict *v,
			  struct gdump_groups *gs)
{
	if (!w->store || !w->samples.len)
		return -1;
	return compare_with_first(w, v, w->samples.len, gs);
}

static void add_recorded_groups(struct report_page *p, const struct watch *w,
				const struct watch_verdict *v)
{
	struct sb blob = SB_INIT, title = SB_INIT;
	struct gdump_dump d;
	struct gdump_groups gs;
	struct err e = ERR_INIT;
	long last, first;
	size_t lo = window_start(w, &v[WATCH_GOROUTINES]);

	/* the goroutine profiles first, as watch's findings compare them
	 * (watch_findings): the table and the finding cards say the same;
	 * run's final dump only when the target served no profile */
	last = find_blob(w, lo, w->samples.len, "goroutine", 1, &blob);
	if (last < 0)
		last = find_blob(w, lo, w->samples.len, "dump", 1, &blob);
	if (last < 0)
		goto out;
	gdump_dump_init(&d);
	if (gdump_parse(&d, blob.buf ? blob.buf : "", blob.len, &e) < 0) {
		gdump_dump_release(&d);
		goto out;
	}
	gdump_group(&d, &gs);
	gdump_dump_release(&d);
	sb_adds(&title, "goroutines at ");
	fmt_time(&title, w->samples.items[last].t);
	first = compare_with_first(w, v, (size_t)last, &gs);
	if (first >= 0) {
		sb_adds(&title, ", growth since ");
		fmt_time(&title, w->samples.items[first].t);
	}
	cli_html_add_groups(p, &gs, sb_str(&title));
	gdump_groups_release(&gs);
out:
	sb_release(&blob);
	sb_release(&title);
}

static void add_recorded_flames(struct report_page *p, const struct watch *w,
				const struct watch_verdict *v)
{
	struct sb blob = SB_INIT, title = SB_INIT;
	struct pprof_profile *latest = NULL, *first = NULL;
	struct err e = ERR_INIT;
	long il, ifirst;
	size_t lo = window_start(w, &v[WATCH_HEAP_BYTES]);

	il = find_blob(w, lo, w->samples.len, "heap", 1, &blob);
	if (il >= 0)
		latest = blob_profile(&blob);
	ifirst = il > 0 ? find_blob(w, lo, (size_t)il, "heap", 0, &blob) : -1;
	if (ifirst >= 0)
		first = blob_profile(&blob);
	if (latest && first) {
		sb_adds(&title, "heap growth: in use at ");
		fmt_time(&title, w->samples.items[il].t);
		sb_adds(&title, " minus ");
		fmt_time(&title, w->samples.items[ifirst].t);
		cli_html_add_flame(p, sb_str(&title), latest, first, "inuse_space", &e);
	}
	if (latest) {
		sb_reset(&title);
		sb_adds(&title, "heap in use at ");
		fmt_time(&title, w->samples.items[il].t);
		cli_html_add_flame(p, sb_str(&title), latest, NULL, "inuse_space", &e);
		sb_adds(&title, ": call graph");
		cli_html_add_graph(p, sb_str(&title), latest, NULL, "inuse_space", 0, &e);
	}
	il = find_blob(w, segment_first(w), w->samples.len, "goroutine", 1, &blob);
	il = find_blob(w, segment_first(w), w->samples.len, "goroutine", 1, &blob);
	if (il >= 0) {
		struct gdump_dump d;
		struct gdump_groups gs;

		gdump_dump_init(&d);
		if (gdump_parse(&d, blob.buf ? blob.buf : "", blob.len, &e) == 0) {
			gdump_group(&d, &gs);
			sb_reset(&title);
			sb_adds(&title, "goroutines at ");
			fmt_time(&title, w->samples.items[il].t);
			cli_html_add_goroutine_flame(p, sb_str(&title), &gs, &e);
			gdump_groups_release(&gs);
		}
		gdump_dump_release(&d);
	}
	if (latest)
		pprof_profile_free(latest);
	if (first)
		pprof_profile_free(first);
	sb_release(&blob);
	sb_release(&title);
}

void cli_html_add_watch(struct report_page *p, const struct watch *w,
			const struct watch_verdict *v)
{
	static const enum watch_series_id lead[] = { WATCH_HEAP_BYTES,
		WATCH_GOROUTINES, WATCH_HEAP_OBJECTS, WATCH_FDS, WATCH_RSS };
	struct sb sb = SB_INIT;
	size_t k;

	if (!w->samples.len)
		return;
	for (k = 0; k < sizeof(charted) / sizeof(charted[0]); k++) {
		const struct watch_verdict *r = &v[charted[k].id];

		if (charted[k].always || (r->evaluated && r->tr.verdict == TREND_GROWING))
			add_series(p, w, r, charted[k].title);
	}
	fmt_time(&sb, w->samples.items[0].t);
	p->started = report_page_str(p, sb_str(&sb));
	sb_reset(&sb);
	fmt_time(&sb, w->samples.items[w->samples.len - 1].t);
	p->ended = report_page_str(p, sb_str(&sb));
	sb_reset(&sb);
	/* the verdict line: the heap or goroutines before RSS, which only
	 * echoes them */
	for (k = 0; k < sizeof(lead) / sizeof(lead[0]); k++) {
		const struct watch_verdict *r = &v[lead[k]];

		if (r->evaluated && r->tr.verdict == TREND_GROWING) {
			sb_adds(&sb, "Leak: ");
			sb_adds(&sb, series_title(lead[k]));
			sb_adds(&sb, " grows by ");
			watch_fmt_rate(&sb, lead[k], r->per_min);
			if (r->eta >= 0)
				sb_addf(&sb, ", reaching the limit in %.0f min", r->eta / 60);
			p->verdict = report_page_str(p, sb_str(&sb));
			p->leak_verdict = 1;
			break;
		}
	}
	if (!p->verdict && watch_last(w)) {
		sb_addf(&sb, "No series grows in %zu samples over ", w->samples.len);
		sb_addf(&sb, "%.0f s", w->samples.items[w->samples.len - 1].t -
			w->samples.items[0].t);
		p->verdict = report_page_str(p, sb_str(&sb));
	}
	sb_reset(&sb);
	for (k = 0; k < w->events.len; k++)
		sb_addf(&sb, "%s%s", k ? "; " : "", w->events.items[k]);
	if (w->nfailed)
		sb_addf(&sb, "%s%zu of %zu samples got nothing from the target",
			sb.len ? "; " : "", w->nfailed, w->samples.len);
	if (sb.len)
		p->verdict_detail = report_page_str(p, sb_str(&sb));
	sb_release(&sb);
	if (w->store) {
		add_recorded_groups(p, w, v);
		add_recorded_flames(p, w, v);
	}
}
