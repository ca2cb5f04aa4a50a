/*
 * eval: from the samples of the latest segment to verdicts, findings and
 * the JSON summary.
 *
 * Which points each series gives the detector:
 *   rss, fds, goroutines   every sample that has the value
 *   heap bytes / objects   one point per garbage collection seen: a sample
 *                          whose cumulative allocation totals differ from
 *                          the previous heap sample's (the profile is only
 *                          republished by a collection, so repeated values
 *                          are the same measurement, not new evidence)
 * and how much growth is worth a report (absolute floor, fraction of the
 * level over the window): RSS 2 MiB and 5 %, heap 256 KiB and 1 %, heap
 * objects 5000 and 10 %, goroutines 10 and 5 %, fds 10 and 5 %; for all,
 * at least 0.1 % of the level per minute and twice the noise (trend.h).
 * The error budget --alpha is the whole run's: each of the five series
 * spends a fifth of it over its looks, so a watch of a healthy program
 * ends with a leak verdict with probability at most alpha.  RSS is judged
 * last and with the others in view (see judge_rss).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/xalloc.h"
#include "../report/write.h"
#include "watch.h"
#include "watch_int.h"

static const struct {
	enum watch_series_id id;
	double min_growth, min_rel;
} judged[] = {
	/* RSS last: its judgement looks at the others */
	{ WATCH_FDS, 10, 0.05 },
	{ WATCH_GOROUTINES, 10, 0.05 },
	{ WATCH_HEAP_BYTES, 256 << 10, 0.01 },
	{ WATCH_HEAP_OBJECTS, 500, 0.02 },
	{ WATCH_RSS, 2 << 20, 0.05 },
};
#define NJUDGED (sizeof(judged) / sizeof(judged[0]))

static int is_heap(enum watch_series_id id)
{
	return id == WATCH_HEAP_BYTES || id == WATCH_HEAP_OBJECTS;
}

/* 1 if sample i (in [lo, hi)) is a heap point. */
static int heap_point(const struct watch *w, size_t lo, size_t i)
{
	const struct watch_sample *s = &w->samples.items[i];
	/* bytes alone: gctrace (run without --pprof) has no object counts */
	unsigned need = 1u << WATCH_ALLOC_BYTES;
	size_t j;

	if ((s->have & need) != need)
		return 0;
	for (j = i; j-- > lo;) {
		const struct watch_sample *p = &w->samples.items[j];
		if ((p->have & need) != need)
			continue;
		return p->v[WATCH_ALLOC_BYTES] != s->v[WATCH_ALLOC_BYTES] ||
		       p->v[WATCH_ALLOC_OBJECTS] != s->v[WATCH_ALLOC_OBJECTS];
	}
	return 1;
}

int watch_any_leak(const struct watch_verdict *v)
{
	int k;

	for (k = 0; k < WATCH_NSERIES; k++)
		if (v[k].evaluated && v[k].tr.verdict == TREND_GROWING)
			return 1;
	return 0;
}

static int growing(const struct watch_verdict *r)
{
	return r->evaluated && r->tr.verdict == TREND_GROWING;
}

/* RSS is the least specific series: Go's heap grows towards twice the
 * live heap between collections and returns memory to the OS slowly, so a
 * program whose live heap is flat can show a rising RSS for many cycles.
 * When the heap profile is there, a growing RSS stands as a leak only if
 * the heap or the goroutines grow too (the live heap's own growth over the
 * window being at least a quarter of RSS's, leaning upwards over the whole
 * window (p < 0.1) and still rising in the later half, counts even when it
 * is not significant alone), or if the growth is too large for the heap to
 * explain (more than the live heap and 64 MiB: memory outside the Go
 * heap, cgo for instance); and only once collections were seen in the
 * window, since before one a growing RSS may be garbage. */
static void judge_rss(const struct watch *w, size_t lo, size_t hi,
		      const char *isgc, double t0, struct watch_verdict *v,
		      struct watch_verdict *r)
{
	const struct watch_verdict *h = &v[WATCH_HEAP_BYTES];
	size_t i, gcs = 0, heaps = 0;
	double growth = r->tr.slope * (r->tr.t1 - r->tr.t0);

	for (i = lo; i < hi; i++) {
		double t = w->samples.items[i].t - t0;
		if (w->samples.items[i].have & (1u << WATCH_ALLOC_BYTES))
			heaps++;
		if (isgc[i - lo] && t >= r->tr.t0 && t <= r->tr.t1)
			gcs++;
	}
	if (!heaps)
		return;
	if (gcs < 3) {
		r->tr.verdict = TREND_NO_DATA;
		r->note = "no garbage collection in the window: the growth may "
			  "be garbage";
		return;
	}
	if (growing(h) || growing(&v[WATCH_HEAP_OBJECTS]) ||
	    growing(&v[WATCH_GOROUTINES]) || !h->evaluated)
		return;
	if (h->tr.verdict == TREND_NO_DATA) {
		r->tr.verdict = TREND_NO_DATA;
		r->note = "waiting for enough heap points to tell a growing live "
			  "heap from the runtime's";
		return;
	}
	/* the live heap grew by a good part of what RSS grew and is still
	 * rising in the later half (not enough for a verdict of its own, but
	 * it explains RSS); a heap that rose and stopped (a cache filling
	 * up) does not, nor one whose rise is only the late half of a
	 * sawtooth (the whole window must lean upwards too, p < 0.1) */
	if (h->tr.slope > 0 && h->tr.p < 0.1 && h->tr.slope_late > 0 &&
	    h->tr.p_late < 0.05 &&
	    h->tr.slope * (h->tr.t1 - h->tr.t0) >= 0.25 * growth)
		return;
	if (growth > 64.0 * (1 << 20) && growth > h->tr.level)
		return;
	r->tr.verdict = TREND_SETTLING;
	r->note = "the live heap is flat: the runtime's heap is still growing "
		  "to its steady size";
}

void watch_evaluate(const struct watch *w, struct watch_verdict *v)
{
	size_t lo, hi, i, k, n;
	struct trend_point *pts;
	char *isgc;
	double t0;

	memset(v, 0, sizeof(*v) * WATCH_NSERIES);
	for (k = 0; k < WATCH_NSERIES; k++) {
		v[k].series = (enum watch_series_id)k;
		v[k].eta = -1;
	}
	watch_segment_range(w, &lo, &hi);
	if (hi == lo)
		return;
	t0 = w->samples.items[lo].t;
	pts = xmalloc(sizeof(*pts) * (hi - lo));
	isgc = xcalloc(hi - lo, 1);
	for (i = lo; i < hi; i++)
		isgc[i - lo] = (char)heap_point(w, lo, i);

	for (k = 0; k < NJUDGED; k++) {
		enum watch_series_id id = judged[k].id;
		struct watch_verdict *r = &v[id];
		struct trend_params prm;

		n = 0;
		for (i = lo; i < hi; i++) {
			const struct watch_sample *s = &w->samples.items[i];
			if (!(s->have & (1u << id)))
				continue;
			if (is_heap(id) && !isgc[i - lo])
				continue;
			pts[n].t = s->t - t0;
			pts[n].y = (double)s->v[id];
			n++;
		}
		if (!n)
			continue;
		r->evaluated = 1;
		trend_params_default(&prm);
		prm.alpha = w->opt.alpha / (double)NJUDGED;
		prm.warmup = w->opt.warmup;
		prm.min_growth = judged[k].min_growth;
		prm.min_rel = judged[k].min_rel;
		trend_eval(pts, n, &prm, &r->tr);
		r->per_min = r->tr.slope * 60;
		if (r->tr.verdict == TREND_NO_DATA)
			r->note = is_heap(id) ? "too few garbage collections seen"
					      : "too few samples";
		if (id == WATCH_RSS && r->tr.verdict == TREND_GROWING)
			judge_rss(w, lo, hi, isgc, t0, v, r);
		if (w->opt.limit > 0 && watch_series_is_bytes(id) &&
		    r->tr.slope > 0 && r->tr.verdict == TREND_GROWING) {
			double left = (double)w->opt.limit - r->tr.last;
			r->eta = left > 0 ? left / r->tr.slope : 0;
		}
	}
	free(pts);
	free(isgc);
}

void watch_fmt_value(struct sb *out, enum watch_series_id id, double v)
{
	if (watch_series_is_bytes(id)) {
		/* binary units, as pprof, top and the report's charts count */
		double a = fabs(v);
		if (a >= 1024.0 * 1024 * 1024)
			sb_addf(out, "%.2f GiB", v / (1024.0 * 1024 * 1024));
		else if (a >= 1024.0 * 1024)
			sb_addf(out, "%.1f MiB", v / (1024.0 * 1024));
		else if (a >= 1024.0)
			sb_addf(out, "%.1f KiB", v / 1024.0);
		else
			sb_addf(out, "%.0f B", v);
	} else {
		/* goroutines, descriptors, objects: whole numbers (a
		 * fitted level of 45.8 goroutines is 46) */
		sb_addf(out, "%.0f", v);
	}
}

static void fmt_duration(struct sb *out, double s)
{
	if (s < 120)
		sb_addf(out, "%.0f s", s);
	else if (s < 7200)
		sb_addf(out, "%.0f min", s / 60);
	else if (s < 172800)
		sb_addf(out, "%.1f h", s / 3600);
	else
		sb_addf(out, "%.1f days", s / 86400);
}

static const char *series_rule(enum watch_series_id id)
{
	switch (id) {
	case WATCH_RSS: return "rss-growth";
	case WATCH_FDS: return "fd-growth";
	case WATCH_GOROUTINES: return "goroutine-growth";
	default: return "heap-growth";
	}
}

static const char *series_label(enum watch_series_id id)
{
	switch (id) {
	case WATCH_RSS: return "resident memory (RSS)";
	case WATCH_FDS: return "open file descriptors";
	case WATCH_GOROUTINES: return "goroutine count";
	case WATCH_HEAP_BYTES: return "live heap (inuse_space)";
	case WATCH_HEAP_OBJECTS: return "live heap objects (inuse_objects)";
	default: return watch_series_name(id);
	}
}

void watch_fmt_rate(struct sb *out, enum watch_series_id id, double per_min)
{
	/* a rate of a count may be fractional: 136.8 goroutines/min */
	if (watch_series_is_bytes(id) || fabs(per_min - floor(per_min)) < 1e-9)
		watch_fmt_value(out, id, per_min);
	else
		sb_addf(out, "%.1f", per_min);
	switch (id) {
	case WATCH_GOROUTINES: sb_adds(out, " goroutines"); break;
	case WATCH_FDS: sb_adds(out, " fds"); break;
	case WATCH_HEAP_OBJECTS: sb_adds(out, " objects"); break;
	default: break;
	}
	sb_adds(out, "/min");
}

size_t watch_findings(struct watch *w, const struct watch_verdict *v,
		      struct findings *fs)
{
	size_t k, added = 0, nseries = 0, first_site;
	struct sb msg = SB_INIT;
	struct report_loc loc;
	struct finding *series[NJUDGED];
	enum watch_series_id series_id[NJUDGED];

	memset(&loc, 0, sizeof(loc));
	loc.file = "";
	for (k = 0; k < NJUDGED; k++) {
		enum watch_series_id id = judged[k].id;
		const struct watch_verdict *r = &v[id];
		if (!r->evaluated || r->tr.verdict != TREND_GROWING)
			continue;
		/* heap objects only when heap bytes did not already say it */
		if (id == WATCH_HEAP_OBJECTS && v[WATCH_HEAP_BYTES].evaluated &&
		    v[WATCH_HEAP_BYTES].tr.verdict == TREND_GROWING)
			continue;
		sb_reset(&msg);
		sb_addf(&msg, "%s grows by ", series_label(id));
		watch_fmt_rate(&msg, id, r->per_min);
		sb_adds(&msg, " (from ");
		watch_fmt_value(&msg, id, r->tr.level);
		sb_adds(&msg, " to ");
		watch_fmt_value(&msg, id, r->tr.last);
		sb_addf(&msg, " over %.0f s, %zu points, Mann-Kendall p=%.2g)",
			r->tr.t1 - r->tr.t0, r->tr.n, r->tr.p);
		if (r->eta >= 0) {
			sb_adds(&msg, "; reaches the limit of ");
			watch_fmt_value(&msg, id, (double)w->opt.limit);
			sb_adds(&msg, " in ");
			fmt_duration(&msg, r->eta);
		}
		series_id[nseries] = id;
		series[nseries++] = findings_add(fs, series_rule(id), REPORT_SEV_ERROR,
			     r->tr.p < 1e-6 ? REPORT_CONF_HIGH : REPORT_CONF_MEDIUM,
			     &loc, sb_str(&msg), NULL);
		added++;
	}
	sb_release(&msg);
	first_site = fs->items.len;
	if (added)
		added += watch_findings_sites(w, v, fs);
	/* a process-wide series is placed at its top growing site when one
	 * is known (the first site finding of its kind: they come most
	 * growing first), not at "-" */
	for (k = 0; k < nseries; k++) {
		const char *site_rule = series_id[k] == WATCH_GOROUTINES ?
			"growing-goroutine-group" :
			series_id[k] == WATCH_FDS ? NULL : "growing-allocation-site";

		for (size_t i = first_site; site_rule && i < fs->items.len; i++) {
			const struct finding *sf = fs->items.items[i];

			if (!strcmp(sf->rule, site_rule) && sf->loc.file &&
			    *sf->loc.file && sf->loc.line > 0) {
				series[k]->loc.file = sf->loc.file;
				series[k]->loc.line = sf->loc.line;
				break;
			}
		}
	}
	return added;
}

static json_t *json_num(double x)
{
	if (!isfinite(x))
		return json_null();
	if (fabs(x - llround(x)) < 1e-9 && fabs(x) < 9e15)
		return json_integer(llround(x));
	return json_real(x);
}

void watch_json_extra(const struct watch *w, const struct watch_verdict *v,
		      struct sb *out)
{
	size_t lo, hi, i, k, gaps = 0;
	json_t *top = json_object(), *t = json_object(), *a;

	watch_segment_range(w, &lo, &hi);
	for (i = 0; i < w->samples.len; i++)
		if (w->samples.items[i].error)
			gaps++;
	json_object_set_new(t, "url", w->base ? jsonout_str(w->base)
					      : json_null());
	json_object_set_new(t, "pid", json_integer(w->cur_pid));
	json_object_set_new(top, "target", t);
	json_object_set_new(top, "samples", json_integer((json_int_t)w->samples.len));
	json_object_set_new(top, "failed_samples", json_integer((json_int_t)w->nfailed));
	json_object_set_new(top, "samples_with_gaps", json_integer((json_int_t)gaps));
	a = json_array();
	for (i = 0; i < w->segments.len; i++) {
		const struct watch_segment *g = &w->segments.items[i];
		size_t end = i + 1 < w->segments.len ? w->segments.items[i + 1].first
						      : w->samples.len;
		json_t *o = json_object();

		json_object_set_new(o, "id", json_integer((json_int_t)g->id));
		json_object_set_new(o, "start", json_num(g->t));
		json_object_set_new(o, "pid", json_integer(g->pid));
		json_object_set_new(o, "samples", json_integer((json_int_t)(end - g->first)));
		json_object_set_new(o, "reason", jsonout_str(g->reason));
		json_array_append_new(a, o);
	}
	json_object_set_new(top, "segments", a);
	a = json_array();
	for (k = 0; k < NJUDGED; k++) {
		const struct watch_verdict *r = &v[judged[k].id];
		json_t *o;

		if (!r->evaluated)
			continue;
		o = json_object();
		json_object_set_new(o, "name", json_string(watch_series_name(r->series)));
		json_object_set_new(o, "unit", json_string(
			watch_series_is_bytes(r->series) ? "bytes" : "count"));
		json_object_set_new(o, "verdict", json_string(trend_verdict_name(r->tr.verdict)));
		json_object_set_new(o, "points", json_integer((json_int_t)r->tr.n));
		json_object_set_new(o, "per_min", json_num(r->per_min));
		json_object_set_new(o, "p", json_num(r->tr.p));
		json_object_set_new(o, "level", json_num(r->tr.level));
		json_object_set_new(o, "last", json_num(r->tr.last));
		json_object_set_new(o, "window_s", json_num(r->tr.t1 - r->tr.t0));
		json_object_set_new(o, "seconds_to_limit",
				    r->eta >= 0 ? json_num(r->eta) : json_null());
		json_object_set_new(o, "note", r->note ? jsonout_str(r->note)
						       : json_null());
		json_array_append_new(a, o);
	}
	json_object_set_new(top, "series", a);
	a = json_array();
	for (i = 0; i < w->events.len; i++)
		json_array_append_new(a, jsonout_str(w->events.items[i]));
	json_object_set_new(top, "events", a);
	jsonout_add_members(out, top);
	json_decref(top);
}
