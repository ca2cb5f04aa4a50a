/*
 * export: what `watch --listen` serves of its targets.  watch_snap_take
 * copies the figures of a watch into a snapshot (the sampling thread does,
 * after each sample); watch_metrics_write renders snapshots as the
 * Prometheus text exposition (format 0.0.4) or as OpenMetrics 1.0.0: per
 * target and series the last value, fitted growth rate, verdict and
 * p-value, the top growing site as labels of the verdict, the sampler's
 * health, and leakhound's own process and HTTP requests.  Builds text only;
 * serving it is the command layer's business (src/cli/listen.c).  A
 * snapshot owns its strings; the caller owns out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc.h"
#include "watch.h"

static char *dup_or_null(const char *s)
{
	char *d;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	d = malloc(n + 1);
	if (d)
		memcpy(d, s, n + 1);
	return d;
}

static int judged(const struct watch_verdict *v, int i)
{
	return v && v[i].evaluated && v[i].tr.verdict != TREND_NO_DATA;
}

void watch_snap_take(struct watch_snap *s, const struct watch *w,
		     const struct watch_verdict *v,
		     const struct watch_metrics_site *site)
{
	const struct watch_sample *last = watch_last(w);
	char pidbuf[32];
	size_t i;
	int k;

	memset(s, 0, sizeof(*s));
	if (w->base) {
		s->target = dup_or_null(w->base);
	} else {
		snprintf(pidbuf, sizeof(pidbuf), "pid:%d", (int)w->opt.pid);
		s->target = dup_or_null(pidbuf);
	}
	for (i = 0; i < w->samples.len; i++) {
		const struct watch_sample *x = &w->samples.items[i];
		if (x->error)
			s->errors++;
		else if (x->have && x->t > s->last_ok)
			s->last_ok = x->t;
	}
	s->samples = w->samples.len;
	if (last) {
		s->have = last->have;
		memcpy(s->last, last->v, sizeof(s->last));
		s->last_error = dup_or_null(last->error);
		s->last_t = last->t;
	}
	for (k = 0; k < WATCH_NSERIES; k++) {
		struct watch_snap_series *x = &s->s[k];

		if (!judged(v, k))
			continue;
		x->judged = 1;
		x->leak = v[k].tr.verdict == TREND_GROWING;
		x->slope = v[k].tr.slope;
		x->p = v[k].tr.p;
		if (x->leak && site && site[k].file && *site[k].file) {
			x->file = dup_or_null(site[k].file);
			x->line = site[k].line;
			x->function = dup_or_null(site[k].function ?
						  site[k].function : "");
		}
	}
}

void watch_snap_release(struct watch_snap *s)
{
	int k;

	if (!s)
		return;
	free(s->target);
	free(s->labels);
	free(s->last_error);
	for (k = 0; k < WATCH_NSERIES; k++) {
		free(s->s[k].file);
		free(s->s[k].function);
	}
	memset(s, 0, sizeof(*s));
}

/* ---- exposition ---- */

struct family {
	const char *name;   /* the family: counters without _total */
	int counter;
	const char *unit;   /* OpenMetrics UNIT (a suffix of name), or NULL */
	const char *help;
};

struct writer {
	struct sb *out;
	int om;             /* OpenMetrics */
};

/* A label value: backslash, double quote and newline escaped (the same
 * in both formats). */
void watch_label_value(struct sb *out, const char *s)
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

/* HELP text: backslash and newline escaped; OpenMetrics escapes the
 * double quote too. */
static void help_text(const struct writer *wr, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			sb_adds(wr->out, "\\\\");
		else if (*s == '\n')
			sb_adds(wr->out, "\\n");
		else if (*s == '"' && wr->om)
			sb_adds(wr->out, "\\\"");
		else
			sb_addc(wr->out, *s);
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

/* The metadata of a family.  The text format names the family as its
 * samples are named (counters with _total) and has no UNIT. */
static void head(const struct writer *wr, const struct family *f)
{
	const char *type = f->counter ? "counter" : "gauge";
	const char *suffix = f->counter && !wr->om ? "_total" : "";

	sb_addf(wr->out, "# TYPE %s%s %s\n", f->name, suffix, type);
	if (wr->om && f->unit)
		sb_addf(wr->out, "# UNIT %s %s\n", f->name, f->unit);
	sb_addf(wr->out, "# HELP %s%s ", f->name, suffix);
	help_text(wr, f->help);
	sb_addc(wr->out, '\n');
}

/* "NAME{LABELS,target=\"T\"" (the target's labels first) of a sample (counters'
 * samples end in _total in both formats); the caller adds more labels and
 * "} VALUE". */
static void sample_start(const struct writer *wr, const struct family *f,
			 const struct watch_snap *t)
{
	sb_adds(wr->out, f->name);
	if (f->counter)
		sb_adds(wr->out, "_total");
	sb_addc(wr->out, '{');
	if (t->labels && *t->labels) {
		sb_adds(wr->out, t->labels);
		sb_addc(wr->out, ',');
	}
	sb_adds(wr->out, "target=\"");
	watch_label_value(wr->out, t->target);
	sb_addc(wr->out, '"');
}

static void sample_end(const struct writer *wr, double x)
{
	sb_adds(wr->out, "} ");
	number(wr->out, x);
	sb_addc(wr->out, '\n');
}

/* indexed by enum watch_series_id */
static const struct family value_families[WATCH_NSERIES] = {
	{ "leakhound_target_resident_memory_bytes", 0, "bytes",
	  "Resident set size of the target (/proc)." },
	{ "leakhound_target_threads", 0, NULL,
	  "OS threads of the target (/proc)." },
	{ "leakhound_target_open_fds", 0, NULL,
	  "Open file descriptors of the target (/proc)." },
	{ "leakhound_target_goroutines", 0, NULL,
	  "Goroutines of the target (goroutine profile)." },
	{ "leakhound_target_heap_inuse_bytes", 0, "bytes",
	  "Live heap of the target at its last collection (heap profile "
	  "inuse_space)." },
	{ "leakhound_target_heap_inuse_objects", 0, NULL,
	  "Live heap objects at the last collection (inuse_objects)." },
	{ "leakhound_target_heap_alloc_bytes", 1, "bytes",
	  "Bytes allocated by the target since it started (alloc_space)." },
	{ "leakhound_target_heap_alloc_objects", 1, NULL,
	  "Objects allocated by the target since it started "
	  "(alloc_objects)." },
};

static const struct family
	fam_growth_bytes = { "leakhound_growth_bytes_per_second", 0, NULL,
		"Fitted (Theil-Sen) growth rate of a judged byte series." },
	fam_growth = { "leakhound_growth_per_second", 0, NULL,
		"Fitted (Theil-Sen) growth rate of a judged count series." },
	fam_leak = { "leakhound_leak_suspected", 0, NULL,
		"1 if the trend test calls the series a leak, else 0; file, "
		"line and function name the top growing site when known." },
	fam_p = { "leakhound_leak_p_value", 0, NULL,
		"Mann-Kendall one-sided p-value of the latest look of the "
		"trend test (small: growth)." },
	fam_samples = { "leakhound_samples", 1, NULL,
		"Samples taken of the target (recorded, including failed "
		"ones)." },
	fam_errors = { "leakhound_scrape_errors", 1, NULL,
		"Samples of which some part failed." },
	fam_last_ok = { "leakhound_last_success_timestamp_seconds", 0,
		"seconds",
		"Unix time of the last sample without error (0: none yet)." },
	fam_cpu = { "process_cpu_seconds", 1, "seconds",
		"User and system CPU time spent by leakhound." },
	fam_start = { "process_start_time_seconds", 0, "seconds",
		"Unix time leakhound started." },
	fam_rss = { "process_resident_memory_bytes", 0, "bytes",
		"Resident memory of leakhound." },
	fam_vsize = { "process_virtual_memory_bytes", 0, "bytes",
		"Virtual memory of leakhound." },
	fam_fds = { "process_open_fds", 0, NULL,
		"Open file descriptors of leakhound." },
	fam_max_fds = { "process_max_fds", 0, NULL,
		"The most file descriptors leakhound may open." },
	fam_requests = { "leakhound_http_requests", 1, NULL,
		"HTTP requests answered by watch --listen, by handler and "
		"format." };

/* One sample per target and judged series of family f (growth rates of
 * byte series when want_bytes is 1, of count series when 0, all when -1);
 * the value is the one f is about. */
static void per_series(const struct writer *wr, const struct family *f,
		       const struct watch_snap *const *t, size_t n,
		       int want_bytes, int site_labels)
{
	size_t i;
	int k;

	head(wr, f);
	for (i = 0; i < n; i++)
		for (k = 0; k < WATCH_NSERIES; k++) {
			const struct watch_snap_series *x = &t[i]->s[k];
			double val;

			if (!x->judged)
				continue;
			if (want_bytes >= 0 &&
			    watch_series_is_bytes((enum watch_series_id)k) != want_bytes)
				continue;
			sample_start(wr, f, t[i]);
			sb_addf(wr->out, ",series=\"%s\"",
				watch_series_name((enum watch_series_id)k));
			if (f == &fam_leak) {
				val = x->leak;
				if (site_labels && x->leak && x->file) {
					sb_adds(wr->out, ",file=\"");
					watch_label_value(wr->out, x->file);
					sb_addf(wr->out, "\",line=\"%d\",function=\"",
						x->line);
					watch_label_value(wr->out, x->function);
					sb_addc(wr->out, '"');
				}
			} else if (f == &fam_p) {
				val = x->p;
			} else {
				val = x->slope;
			}
			sample_end(wr, val);
		}
}

static void process_gauge(const struct writer *wr, const struct family *f,
			  double x)
{
	head(wr, f);
	sb_adds(wr->out, f->name);
	if (f->counter)
		sb_adds(wr->out, "_total");
	sb_addc(wr->out, ' ');
	number(wr->out, x);
	sb_addc(wr->out, '\n');
}

void watch_metrics_write(struct sb *out, enum watch_metrics_format fmt,
			 const struct watch_snap *const *t, size_t n,
			 const struct proc_usage *self,
			 const struct watch_metrics_requests *req, size_t nreq)
{
	struct writer wr = { out, fmt == WATCH_METRICS_OPENMETRICS };
	size_t i;
	int k;

	/* the last values: one family per series, named with its unit as
	 * Prometheus' naming guide asks (the cumulative totals are counters) */
	for (k = 0; k < WATCH_NSERIES; k++) {
		const struct family *f = &value_families[k];

		head(&wr, f);
		for (i = 0; i < n; i++) {
			if (!(t[i]->have & (1u << k)))
				continue;
			sample_start(&wr, f, t[i]);
			sample_end(&wr, (double)t[i]->last[k]);
		}
	}
	/* growth rates: bytes per second and counts per second apart, so
	 * that one family has one unit */
	per_series(&wr, &fam_growth_bytes, t, n, 1, 0);
	per_series(&wr, &fam_growth, t, n, 0, 0);
	per_series(&wr, &fam_leak, t, n, -1, 1);
	per_series(&wr, &fam_p, t, n, -1, 0);

	head(&wr, &fam_samples);
	for (i = 0; i < n; i++) {
		sample_start(&wr, &fam_samples, t[i]);
		sample_end(&wr, (double)t[i]->samples);
	}
	head(&wr, &fam_errors);
	for (i = 0; i < n; i++) {
		sample_start(&wr, &fam_errors, t[i]);
		sample_end(&wr, (double)t[i]->errors);
	}
	head(&wr, &fam_last_ok);
	for (i = 0; i < n; i++) {
		sample_start(&wr, &fam_last_ok, t[i]);
		sample_end(&wr, t[i]->last_ok);
	}

	/* leakhound itself, named as Prometheus' client libraries name a
	 * process: no target label */
	if (self) {
		process_gauge(&wr, &fam_cpu, self->cpu_seconds);
		if (self->start_time > 0)
			process_gauge(&wr, &fam_start, self->start_time);
		process_gauge(&wr, &fam_rss, (double)self->rss);
		process_gauge(&wr, &fam_vsize, (double)self->vsize);
		if (self->fds >= 0)
			process_gauge(&wr, &fam_fds, (double)self->fds);
		if (self->max_fds >= 0)
			process_gauge(&wr, &fam_max_fds, (double)self->max_fds);
	}
	if (nreq) {
		head(&wr, &fam_requests);
		for (i = 0; i < nreq; i++) {
			sb_adds(out, "leakhound_http_requests_total{handler=\"");
			watch_label_value(out, req[i].handler);
			sb_adds(out, "\",format=\"");
			watch_label_value(out, req[i].format);
			sb_addf(out, "\"} %llu\n", (unsigned long long)req[i].n);
		}
	}
	if (wr.om)
		sb_adds(out, "# EOF\n");
}
