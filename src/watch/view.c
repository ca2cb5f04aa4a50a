/*
 * view: what a person sees while watching.  On a terminal the command
 * redraws one block (values, sparklines of the last 40 samples, the
 * verdict so far); otherwise it prints one plain line per sample, which
 * is what a log file or a CI job wants.  Only strings are built here: the
 * command prints them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "watch.h"
#include "watch_int.h"

#define SPARK_WIDTH 40

static const enum watch_series_id shown[] = {
	WATCH_RSS, WATCH_FDS, WATCH_GOROUTINES, WATCH_HEAP_BYTES,
	WATCH_HEAP_OBJECTS,
};
#define NSHOWN (sizeof(shown) / sizeof(shown[0]))

static const char *short_name(enum watch_series_id id)
{
	switch (id) {
	case WATCH_RSS: return "rss";
	case WATCH_FDS: return "fds";
	case WATCH_GOROUTINES: return "goroutines";
	case WATCH_HEAP_BYTES: return "heap inuse";
	case WATCH_HEAP_OBJECTS: return "heap objects";
	default: return watch_series_name(id);
	}
}

static void sparkline(const struct watch *w, enum watch_series_id id,
		      struct sb *out)
{
	static const char *const bars[8] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
	};
	size_t lo, hi, i, from, n = 0;
	double mn = 0, mx = 0;
	int first = 1;

	watch_segment_range(w, &lo, &hi);
	from = hi - lo > SPARK_WIDTH ? hi - SPARK_WIDTH : lo;
	for (i = from; i < hi; i++) {
		const struct watch_sample *s = &w->samples.items[i];
		double y;
		if (!(s->have & (1u << id)))
			continue;
		y = (double)s->v[id];
		if (first || y < mn)
			mn = y;
		if (first || y > mx)
			mx = y;
		first = 0;
	}
	for (i = from; i < hi; i++, n++) {
		const struct watch_sample *s = &w->samples.items[i];
		int b;
		if (!(s->have & (1u << id))) {
			sb_addc(out, ' ');
			continue;
		}
		b = mx > mn ? (int)((s->v[id] - mn) / (mx - mn) * 7.0 + 0.5) : 0;
		sb_adds(out, bars[b < 0 ? 0 : b > 7 ? 7 : b]);
	}
	for (; n < SPARK_WIDTH; n++)
		sb_addc(out, ' ');
}

static void verdict_text(const struct watch_verdict *r, struct sb *out)
{
	if (!r->evaluated) {
		sb_adds(out, "-");
		return;
	}
	sb_adds(out, trend_verdict_name(r->tr.verdict));
	if (r->tr.verdict == TREND_GROWING || r->tr.verdict == TREND_SMALL ||
	    r->tr.verdict == TREND_SETTLING) {
		sb_adds(out, " (");
		if (r->per_min > 0)
			sb_addc(out, '+');
		watch_fmt_rate(out, r->series, r->per_min);
		sb_adds(out, ")");
	}
}

void watch_view_tty(const struct watch *w, const struct watch_verdict *v,
		    int color, struct sb *out)
{
	const struct watch_sample *last = watch_last(w);
	size_t i, gaps = 0;
	double el = 0;

	for (i = 0; i < w->samples.len; i++)
		if (w->samples.items[i].error)
			gaps++;
	if (w->samples.len)
		el = last->t - w->samples.items[0].t;
	sb_addf(out, "%sleakhound watch%s %s", color ? "\033[1m" : "",
		color ? "\033[0m" : "", w->base ? w->base : "");
	if (w->cur_pid)
		sb_addf(out, "  pid %d", (int)w->cur_pid);
	sb_addf(out, "  %zu samples, %zu with gaps, %.0f s, segment %zu\033[K\n",
		w->samples.len, gaps, el, w->segments.len);
	for (i = 0; i < NSHOWN; i++) {
		enum watch_series_id id = shown[i];
		struct sb val = SB_INIT;
		if (!last || !(last->have & (1u << id))) {
			int seen = 0;
			size_t j;
			for (j = 0; j < w->samples.len; j++)
				if (w->samples.items[j].have & (1u << id))
					seen = 1;
			if (!seen)
				continue;
			sb_adds(&val, "?");
		} else {
			watch_fmt_value(&val, id, (double)last->v[id]);
		}
		sb_addf(out, "  %-13s %12s  ", short_name(id), sb_str(&val));
		sparkline(w, id, out);
		sb_adds(out, "  ");
		if (color && v[id].evaluated && v[id].tr.verdict == TREND_GROWING)
			sb_adds(out, "\033[31m");
		verdict_text(&v[id], out);
		if (color && v[id].evaluated && v[id].tr.verdict == TREND_GROWING)
			sb_adds(out, "\033[0m");
		sb_adds(out, "\033[K\n");
		sb_release(&val);
	}
	if (last && last->error)
		sb_addf(out, "  gap: %.150s\033[K\n", last->error);
	else
		sb_adds(out, "\033[K\n");
}

void watch_view_line(const struct watch *w, struct sb *out)
{
	const struct watch_sample *s = watch_last(w);
	size_t i;
	static const enum watch_series_id order[] = {
		WATCH_RSS, WATCH_THREADS, WATCH_FDS, WATCH_GOROUTINES,
		WATCH_HEAP_BYTES, WATCH_HEAP_OBJECTS,
	};

	if (!s)
		return;
	if (w->segments.len > 1 &&
	    w->segments.items[w->segments.len - 1].first == w->samples.len - 1)
		sb_addf(out, "new series: %s\n",
			w->segments.items[w->segments.len - 1].reason);
	sb_addf(out, "t=%.1fs", s->t - w->samples.items[0].t);
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (!(s->have & (1u << order[i])))
			continue;
		sb_addf(out, " %s=", watch_series_name(order[i]));
		if (watch_series_is_bytes(order[i]))
			sb_addf(out, "%lld", (long long)s->v[order[i]]);
		else
			sb_addf(out, "%lld", (long long)s->v[order[i]]);
	}
	if (!s->have)
		sb_adds(out, " missing");
	sb_addc(out, '\n');
	if (s->error)
		sb_addf(out, "gap: %s\n", s->error);
}

void watch_view_summary(const struct watch *w, const struct watch_verdict *v,
			struct sb *out)
{
	size_t i, lo, hi, gaps = 0;

	watch_segment_range(w, &lo, &hi);
	for (i = 0; i < w->samples.len; i++)
		if (w->samples.items[i].error)
			gaps++;
	sb_addf(out, "%zu samples (%zu with gaps, %zu failed)", w->samples.len,
		gaps, w->nfailed);
	if (w->segments.len > 1)
		sb_addf(out, ", %zu series: the target restarted %zu time%s",
			w->segments.len, w->segments.len - 1,
			w->segments.len == 2 ? "" : "s");
	sb_adds(out, "\n");
	for (i = 0; i < w->events.len; i++)
		sb_addf(out, "note: %s\n", w->events.items[i]);
	for (i = 0; i < NSHOWN; i++) {
		const struct watch_verdict *r = &v[shown[i]];
		if (!r->evaluated)
			continue;
		sb_addf(out, "  %-13s ", short_name(shown[i]));
		verdict_text(r, out);
		if (r->tr.n >= 2 && r->tr.verdict != TREND_NO_DATA) {
			sb_adds(out, "  [");
			watch_fmt_value(out, r->series, r->tr.level);
			sb_adds(out, " -> ");
			watch_fmt_value(out, r->series, r->tr.last);
			sb_addf(out, ", %zu points, p=%.2g]", r->tr.n, r->tr.p);
		}
		if (r->note)
			sb_addf(out, "  (%s)", r->note);
		sb_addc(out, '\n');
	}
}
