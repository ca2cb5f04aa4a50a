/*
 * export: the Prometheus text exposition (format 0.0.4) of one watch: per
 * series its last value, fitted growth rate, verdict and p-value, the top
 * growing site as labels of the verdict, and the sampler's own health.
 * Builds text only; serving it is the command layer's business
 * (src/cli/listen.c).  The caller owns out.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "watch.h"

/* A label value: backslash, double quote and newline escaped. */
static void label_value(struct sb *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\')
			sb_adds(out, "\\\\");
		else if (*s == '"')
			sb_adds(out, "\\\"");
		else if (*s == '\n')
			sb_adds(out, "\\n");
		else
			sb_addc(out, *s);
	}
}

static void number(struct sb *out, double x)
{
	if (isnan(x))
		sb_adds(out, "NaN");
	else if (isinf(x))
		sb_adds(out, x > 0 ? "+Inf" : "-Inf");
	else
		sb_addf(out, "%.17g", x);
}

static void head(struct sb *out, const char *name, const char *type,
		 const char *help)
{
	sb_addf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void series_labels(struct sb *out, const char *target,
			  enum watch_series_id id)
{
	sb_adds(out, "{target=\"");
	label_value(out, target);
	sb_addf(out, "\",series=\"%s\"", watch_series_name(id));
}

struct value_family {
	const char *name, *help;
	int counter;
};

/* indexed by enum watch_series_id */
static const struct value_family value_families[WATCH_NSERIES] = {
	{ "leakhound_target_resident_memory_bytes",
	  "Resident set size of the target (/proc).", 0 },
	{ "leakhound_target_threads", "OS threads of the target (/proc).", 0 },
	{ "leakhound_target_open_fds",
	  "Open file descriptors of the target (/proc).", 0 },
	{ "leakhound_target_goroutines",
	  "Goroutines of the target (goroutine profile).", 0 },
	{ "leakhound_target_heap_inuse_bytes",
	  "Live heap of the target at its last collection (heap profile "
	  "inuse_space).", 0 },
	{ "leakhound_target_heap_inuse_objects",
	  "Live heap objects at the last collection (inuse_objects).", 0 },
	{ "leakhound_target_heap_alloc_bytes_total",
	  "Bytes allocated by the target since it started (alloc_space).", 1 },
	{ "leakhound_target_heap_alloc_objects_total",
	  "Objects allocated by the target since it started "
	  "(alloc_objects).", 1 },
};

static int judged(const struct watch_verdict *v, int i)
{
	return v && v[i].evaluated && v[i].tr.verdict != TREND_NO_DATA;
}

void watch_metrics_text(const struct watch *w, const struct watch_verdict *v,
			const struct watch_metrics_site *site, struct sb *out)
{
	const struct watch_sample *last = watch_last(w);
	const char *target = w->base ? w->base : "";
	char pidbuf[32];
	double ok_t = 0;
	size_t i, errors = 0;
	int s;

	if (!w->base) {
		snprintf(pidbuf, sizeof(pidbuf), "pid:%d", (int)w->opt.pid);
		target = pidbuf;
	}
	for (i = 0; i < w->samples.len; i++) {
		const struct watch_sample *x = &w->samples.items[i];
		if (x->error)
			errors++;
		else if (x->have && x->t > ok_t)
			ok_t = x->t;
	}

	/* the last values: one family per series, named with its unit as
	 * Prometheus' naming guide asks (the cumulative totals are counters) */
	for (s = 0; s < WATCH_NSERIES; s++) {
		const struct value_family *f = &value_families[s];

		head(out, f->name, f->counter ? "counter" : "gauge", f->help);
		if (!last || !(last->have & (1u << s)))
			continue;
		sb_addf(out, "%s{target=\"", f->name);
		label_value(out, target);
		sb_adds(out, "\"} ");
		number(out, (double)last->v[s]);
		sb_addc(out, '\n');
	}
	/* growth rates: bytes per second and counts per second apart, so
	 * that one family has one unit */
	for (int bytes = 1; bytes >= 0; bytes--) {
		const char *name = bytes ? "leakhound_growth_bytes_per_second"
					 : "leakhound_growth_per_second";
		head(out, name, "gauge", bytes
		     ? "Fitted (Theil-Sen) growth rate of a judged byte series."
		     : "Fitted (Theil-Sen) growth rate of a judged count series.");
		for (s = 0; s < WATCH_NSERIES; s++) {
			if (!judged(v, s) ||
			    watch_series_is_bytes((enum watch_series_id)s) != bytes)
				continue;
			sb_adds(out, name);
			series_labels(out, target, (enum watch_series_id)s);
			sb_adds(out, "} ");
			number(out, v[s].tr.slope);
			sb_addc(out, '\n');
		}
	}
	head(out, "leakhound_leak_suspected", "gauge",
	     "1 if the trend test calls the series a leak, else 0; file, "
	     "line and function name the top growing site when known.");
	for (s = 0; s < WATCH_NSERIES; s++) {
		int leak;

		if (!judged(v, s))
			continue;
		leak = v[s].tr.verdict == TREND_GROWING;
		sb_adds(out, "leakhound_leak_suspected");
		series_labels(out, target, (enum watch_series_id)s);
		if (leak && site && site[s].file && *site[s].file) {
			sb_adds(out, ",file=\"");
			label_value(out, site[s].file);
			sb_addf(out, "\",line=\"%d\",function=\"", site[s].line);
			label_value(out, site[s].function ? site[s].function : "");
			sb_addc(out, '"');
		}
		sb_addf(out, "} %d\n", leak);
	}
	head(out, "leakhound_leak_p_value", "gauge",
	     "Mann-Kendall one-sided p-value of the latest look of the "
	     "trend test (small: growth).");
	for (s = 0; s < WATCH_NSERIES; s++) {
		if (!judged(v, s))
			continue;
		sb_adds(out, "leakhound_leak_p_value");
		series_labels(out, target, (enum watch_series_id)s);
		sb_adds(out, "} ");
		number(out, v[s].tr.p);
		sb_addc(out, '\n');
	}
	head(out, "leakhound_samples_total", "counter",
	     "Samples taken of the target (recorded, including failed ones).");
	sb_addf(out, "leakhound_samples_total{target=\"");
	label_value(out, target);
	sb_addf(out, "\"} %zu\n", w->samples.len);
	head(out, "leakhound_scrape_errors_total", "counter",
	     "Samples of which some part failed.");
	sb_addf(out, "leakhound_scrape_errors_total{target=\"");
	label_value(out, target);
	sb_addf(out, "\"} %zu\n", errors);
	head(out, "leakhound_last_success_timestamp_seconds", "gauge",
	     "Unix time of the last sample without error (0: none yet).");
	sb_addf(out, "leakhound_last_success_timestamp_seconds{target=\"");
	label_value(out, target);
	sb_adds(out, "\"} ");
	number(out, ok_t);
	sb_addc(out, '\n');
}
