/*
 * html_chart: one time series as a static inline SVG -- samples, fitted
 * trend, warm-up, gaps and the moment of the verdict.
 *
 * The chart must read without JavaScript, so everything is drawn here:
 * axes with round ticks, the samples as a path broken at missing samples,
 * native <title> tooltips on the points of short series.  Long recordings
 * are thinned to REPORT_HTML_MAX_POINTS drawn points by keeping the minimum
 * and the maximum of each time bucket, which preserves the envelope (the GC
 * sawtooth and any spike) while keeping the page small.
 */
#include "html_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 760.0
#define H 240.0
#define ML 72.0
#define MR 16.0
#define MT 14.0
#define MB 34.0
#define MAX_TITLED_POINTS 300
#define MAX_GAP_BANDS 300

static const char *const bytes_units[] = { "B", "KiB", "MiB", "GiB", "TiB" };

static double unit_scale(double maxabs, enum report_unit unit, const char **name)
{
	double scale = 1;
	size_t i = 0;

	if (unit == REPORT_UNIT_BYTES) {
		while (maxabs >= 1024 * scale && i + 1 < sizeof(bytes_units) / sizeof(*bytes_units)) {
			scale *= 1024;
			i++;
		}
		*name = bytes_units[i];
		return scale;
	}
	*name = "";
	if (maxabs >= 1e9) { *name = " G"; return 1e9; }
	if (maxabs >= 1e6) { *name = " M"; return 1e6; }
	if (maxabs >= 1e4) { *name = " k"; return 1e3; }
	return 1;
}

/* Three significant digits, no trailing noise: 1.50, 12.3, 123, 1234. */
static void add_sig3(struct sb *out, double v)
{
	double a = fabs(v);

	if (a == 0 || a >= 100 || a == floor(a))
		sb_addf(out, "%.0f", v);
	else if (a >= 10)
		sb_addf(out, "%.1f", v);
	else
		sb_addf(out, "%.2f", v);
}

void report_html_value(struct sb *out, double v, enum report_unit unit)
{
	const char *name;
	double scale = unit_scale(fabs(v), unit, &name);

	add_sig3(out, v / scale);
	if (unit == REPORT_UNIT_BYTES)
		sb_addf(out, " %s", name);
	else
		sb_adds(out, name);
}

void report_html_duration(struct sb *out, double s)
{
	if (s < 120)
		sb_addf(out, "%.0f s", s);
	else if (s < 7200)
		sb_addf(out, "%.1f min", s / 60);
	else
		sb_addf(out, "%.1f h", s / 3600);
}

/* A round step (1, 2, 2.5 or 5 times a power of ten) giving about n ticks. */
static double nice_step(double span, int n)
{
	double raw = span / n, p, f;

	if (!(raw > 0))
		return 1;
	p = pow(10, floor(log10(raw)));
	f = raw / p;
	if (f <= 1) f = 1;
	else if (f <= 2) f = 2;
	else if (f <= 2.5) f = 2.5;
	else if (f <= 5) f = 5;
	else f = 10;
	return f * p;
}

static double time_step(double span)
{
	static const double steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600,
					900, 1800, 3600, 7200, 10800, 21600,
					43200, 86400 };
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(*steps); i++)
		if (span / steps[i] <= 8)
			return steps[i];
	return nice_step(span, 6);
}

static void add_time_label(struct sb *out, double t, double step)
{
	if (step < 60)
		sb_addf(out, "%.0f s", t);
	else if (step < 3600)
		sb_addf(out, "%g min", t / 60);
	else
		sb_addf(out, "%g h", t / 3600);
}

struct frame_box {
	double t0, t1, v0, v1;
};

static double px(const struct frame_box *b, double t)
{
	return ML + (t - b->t0) / (b->t1 - b->t0) * (W - ML - MR);
}

static double py(const struct frame_box *b, double v)
{
	return H - MB - (v - b->v0) / (b->v1 - b->v0) * (H - MT - MB);
}

static double trend_at(const struct report_series *s, double t)
{
	return s->intercept + s->slope * t;
}

/* The indexes of the points to draw: all of them, or per bucket the first
 * and last missing sample plus the minimum and maximum present one. */
static size_t thin(const struct report_series *s, size_t *keep)
{
	size_t n = s->pts.len, nb, b, i, k = 0;
	const struct report_point *p = s->pts.items;

	if (n <= REPORT_HTML_MAX_POINTS) {
		for (i = 0; i < n; i++)
			keep[k++] = i;
		return k;
	}
	nb = REPORT_HTML_MAX_POINTS / 2;
	for (b = 0; b < nb; b++) {
		size_t lo = n * b / nb, hi = n * (b + 1) / nb, imin = SIZE_MAX,
		       imax = SIZE_MAX, miss = SIZE_MAX;

		for (i = lo; i < hi; i++) {
			if (p[i].missing) {
				if (miss == SIZE_MAX)
					miss = i;
				continue;
			}
			if (imin == SIZE_MAX || p[i].v < p[imin].v)
				imin = i;
			if (imax == SIZE_MAX || p[i].v > p[imax].v)
				imax = i;
		}
		/* in time order; a missing sample breaks the line */
		{
			size_t c[3] = { imin, imax, miss }, x, y;

			for (x = 0; x < 3; x++)
				for (y = x + 1; y < 3; y++)
					if (c[y] < c[x]) {
						size_t tmp = c[x];
						c[x] = c[y];
						c[y] = tmp;
					}
			for (x = 0; x < 3; x++)
				if (c[x] != SIZE_MAX && (x == 0 || c[x] != c[x - 1]))
					keep[k++] = c[x];
		}
	}
	return k;
}

static void add_num(struct sb *out, double v)
{
	sb_addf(out, "%.1f", v);
}

void report_html_chart(struct sb *out, const struct report_series *s)
{
	const struct report_point *p = s->pts.items;
	size_t n = s->pts.len, i, npresent = 0, nkeep, ngaps = 0, nmissing = 0;
	size_t *keep;
	struct frame_box b;
	double vmin = HUGE_VAL, vmax = -HUGE_VAL, smin, smax, step, t, v, span;
	const char *uname;
	double uscale;
	int pen_down = 0;

	for (i = 0; i < n; i++) {
		if (p[i].missing) {
			nmissing++;
			continue;
		}
		npresent++;
		if (p[i].v < vmin) vmin = p[i].v;
		if (p[i].v > vmax) vmax = p[i].v;
	}
	if (!n || !npresent) {
		sb_adds(out, "<p class=\"muted\">no samples");
		if (nmissing)
			sb_addf(out, " (%zu missed)", nmissing);
		sb_adds(out, "</p>\n");
		return;
	}
	smin = vmin;
	smax = vmax;
	b.t0 = p[0].t;
	b.t1 = p[n - 1].t;
	if (b.t1 <= b.t0)
		b.t1 = b.t0 + 1;
	if (s->has_trend) {
		double ts = s->warmup_end > b.t0 ? s->warmup_end : b.t0;
		double a = trend_at(s, ts), c = trend_at(s, b.t1);

		/* the trend line stays inside the frame: widen it a little,
		 * never so much that the samples flatten */
		if (a < vmin && a > vmin - (vmax - vmin)) vmin = a;
		if (c > vmax && c < vmax + (vmax - vmin)) vmax = c;
	}
	span = vmax - vmin;
	if (span <= 0)
		span = fabs(vmax) > 0 ? fabs(vmax) * 0.1 : 1;
	/* start at zero when the data is not far from it, so growth is not
	 * exaggerated; otherwise zoom on the data */
	b.v0 = vmin >= 0 && (vmin < span * 1.5 || vmax - vmin <= vmax * 0.02) ?
		0 : vmin - span * 0.08;
	b.v1 = vmax + span * 0.08;
	uscale = unit_scale(fabs(b.v1) > fabs(b.v0) ? fabs(b.v1) : fabs(b.v0),
			    s->unit, &uname);
	step = nice_step((b.v1 - b.v0) / uscale, 4) * uscale;
	b.v0 = floor(b.v0 / step) * step;
	b.v1 = ceil(b.v1 / step) * step;
	if (b.v1 <= b.v0)
		b.v1 = b.v0 + step;

	sb_addf(out, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		"data-series=\"", W, H);
	html_esc(out, s->id);
	sb_adds(out, "\" aria-label=\"");
	html_esc(out, s->title);
	sb_adds(out, " over time\">\n<title>");
	html_esc(out, s->title);
	sb_adds(out, "</title>\n");

	/* grid and y labels */
	for (v = b.v0; v <= b.v1 + step / 2; v += step) {
		double y = py(&b, v);

		sb_addf(out, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>"
			"<text class=\"yl\" x=\"%.0f\" y=\"%.1f\">", ML, y, W - MR, y,
			ML - 6, y + 4);
		add_sig3(out, v / uscale);
		sb_adds(out, uname);
		sb_adds(out, "</text>\n");
	}
	/* time axis */
	step = time_step(b.t1 - b.t0);
	for (t = ceil(b.t0 / step) * step; t <= b.t1 + 1e-9; t += step) {
		double x = px(&b, t);

		sb_addf(out, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"/>"
			"<text class=\"xl\" x=\"%.1f\" y=\"%.0f\">", x, H - MB, x,
			H - MB + 4, x, H - MB + 17);
		add_time_label(out, t, step);
		sb_adds(out, "</text>\n");
	}
	sb_addf(out, "<line class=\"axis\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>\n",
		ML, H - MB, W - MR, H - MB);

	/* warm-up */
	if (s->warmup_end > b.t0) {
		double x1 = px(&b, s->warmup_end < b.t1 ? s->warmup_end : b.t1);

		sb_addf(out, "<rect class=\"warmup\" x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\">"
			"<title>warm-up: ", ML, MT, x1 - ML, H - MT - MB);
		report_html_duration(out, s->warmup_end - b.t0);
		sb_addf(out, ", ignored by the trend</title></rect>"
			"<text class=\"band-label\" x=\"%.0f\" y=\"%.0f\">warm-up</text>\n",
			ML + 4, MT + 12);
	}

	/* gaps: one band per run of missing samples, between the present
	 * neighbours */
	for (i = 0; i < n; i++) {
		size_t j, run;
		double ta, tb;

		if (!p[i].missing)
			continue;
		for (j = i; j < n && p[j].missing; j++)
			;
		run = j - i;
		if (ngaps++ < MAX_GAP_BANDS) {
			ta = i > 0 ? p[i - 1].t : p[i].t;
			tb = j < n ? p[j].t : p[j - 1].t;
			sb_addf(out, "<rect class=\"gap\" x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\">"
				"<title>%zu missed sample%s at ", px(&b, ta), MT,
				fmax(px(&b, tb) - px(&b, ta), 2.0), H - MT - MB, run,
				run == 1 ? "" : "s");
			report_html_duration(out, p[i].t - b.t0);
			sb_adds(out, "</title></rect>\n");
		}
		i = j - 1;
	}

	/* samples */
	keep = xmalloc((n < REPORT_HTML_MAX_POINTS ? n : REPORT_HTML_MAX_POINTS * 2) * sizeof(*keep) + sizeof(*keep));
	nkeep = thin(s, keep);
	sb_adds(out, "<path class=\"samples\" d=\"");
	for (i = 0; i < nkeep; i++) {
		const struct report_point *q = &p[keep[i]];

		if (q->missing) {
			pen_down = 0;
			continue;
		}
		sb_addc(out, pen_down ? 'L' : 'M');
		add_num(out, px(&b, q->t));
		sb_addc(out, ',');
		add_num(out, py(&b, q->v));
		pen_down = 1;
	}
	sb_adds(out, "\"/>\n");
	if (nkeep <= MAX_TITLED_POINTS) {
		sb_adds(out, "<g class=\"pts\">");
		for (i = 0; i < nkeep; i++) {
			const struct report_point *q = &p[keep[i]];

			if (q->missing)
				continue;
			sb_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\"><title>",
				px(&b, q->t), py(&b, q->v));
			report_html_duration(out, q->t - b.t0);
			sb_adds(out, ": ");
			report_html_value(out, q->v, s->unit);
			sb_adds(out, "</title></circle>");
		}
		sb_adds(out, "</g>\n");
	} else {
		/* too many points for a tooltip each: the script shows the
		 * nearest sample under the pointer, from these numbers (ours,
		 * never input text) */
		sb_addf(out, "<g class=\"hover\" data-unit=\"%s\" data-pts=\"",
			s->unit == REPORT_UNIT_BYTES ? "bytes" : "count");
		for (i = 0; i < nkeep; i++) {
			const struct report_point *q = &p[keep[i]];

			if (!q->missing)
				sb_addf(out, "%.1f,%.1f,%.0f,%.6g ", px(&b, q->t), py(&b, q->v),
					q->t - b.t0, q->v);
		}
		sb_addf(out, "\" style=\"display:none\"><line x1=\"0\" y1=\"%.0f\" x2=\"0\" y2=\"%.0f\"/>"
			"<circle r=\"3\"/><text y=\"%.0f\"></text></g>\n", MT, H - MB, MT + 24);
	}
	free(keep);

	/* trend */
	if (s->has_trend) {
		double ta = s->warmup_end > b.t0 ? s->warmup_end : b.t0;

		sb_addf(out, "<line class=\"trend%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\">"
			"<title>fitted trend: ", s->leak ? " leak" : "", px(&b, ta),
			py(&b, trend_at(s, ta)), px(&b, b.t1), py(&b, trend_at(s, b.t1)));
		report_html_value(out, s->slope * 60, s->unit);
		sb_adds(out, "/min</title></line>\n");
	}

	/* verdict */
	if (s->verdict_t >= b.t0 && s->verdict_t <= b.t1 + 1e-9) {
		double x = px(&b, s->verdict_t);

		sb_addf(out, "<line class=\"verdict%s\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"/>"
			"<text class=\"verdict-label%s\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"%s\">verdict",
			s->leak ? " leak" : "", x, MT, x, H - MB, s->leak ? " leak" : "",
			x + (x > W / 2 ? -4 : 4), MT + 12, x > W / 2 ? "end" : "start");
		if (s->verdict) {
			sb_adds(out, ": ");
			html_esc(out, s->verdict);
		}
		sb_adds(out, "</text>\n");
	}
	sb_adds(out, "</svg>\n");

	/* legend and facts under the chart, as text */
	sb_adds(out, "<p class=\"legend\"><span class=\"key k-samples\"></span>");
	sb_addf(out, "%zu samples", npresent);
	if (nkeep < n)
		sb_addf(out, " (%zu drawn)", nkeep);
	if (nmissing)
		sb_addf(out, " <span class=\"key k-gap\"></span>%zu missed in %zu gap%s",
			nmissing, ngaps, ngaps == 1 ? "" : "s");
	if (s->warmup_end > b.t0) {
		sb_adds(out, " <span class=\"key k-warmup\"></span>warm-up ");
		report_html_duration(out, s->warmup_end - b.t0);
	}
	if (s->has_trend) {
		sb_adds(out, " <span class=\"key k-trend\"></span>trend ");
		if (s->slope >= 0)
			sb_addc(out, '+');
		report_html_value(out, s->slope * 60, s->unit);
		sb_adds(out, "/min");
	}
	sb_adds(out, " &middot; range ");
	report_html_value(out, smin, s->unit);
	sb_adds(out, " &ndash; ");
	report_html_value(out, smax, s->unit);
	sb_adds(out, "</p>\n");
}
