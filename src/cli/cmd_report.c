/*
 * report: one self-contained HTML page from what the other commands found.
 *
 * Inputs are recognised by content, not by name: JSON written by a
 * leakhound command (the finding JSON plus each command's own top-level
 * objects: "top", "groups"), and pprof profiles in any form the pprof
 * module reads.  Several heap profiles of one process become a time series
 * of in-use bytes (ordered by the profiles' own timestamps) and a table of
 * the sites that grew between the first and the latest.  An input kind
 * whose reader is not in this build is refused with a message that says
 * so, never guessed at.
 */
#include "cli.h"
#include "html_adapt.h"
#include "pprof_opts.h"
#include "../base/file.h"
#include "../base/sniff.h"
#include "../gdump/gdump.h"
#include "../pprof/pprof.h"
#include "../pprof/report.h"
#include "../report/finding.h"
#include "../report/html.h"
#include "../report/write.h"
#include "../watch/proc.h"
#include "../watch/store.h"
#include "../watch/watch.h"

#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char cmd_report_help[] =
"NAME\n"
"    leakhound report - one HTML page of everything leakhound found\n"
"\n"
"SYNOPSIS\n"
"    leakhound report [options] INPUT... [-o report.html]\n"
"\n"
"DESCRIPTION\n"
"    Reads the outputs of the other commands and writes one self-contained\n"
"    HTML file (no network, no external scripts; readable without\n"
"    JavaScript) to attach to an incident or a pull request: a summary\n"
"    (verdict, findings by severity, the one thing to fix first), time-series\n"
"    charts, goroutine groups with expandable stacks, every finding with its\n"
"    fix and a source excerpt, profile tables, and a footer with the inputs.\n"
"\n"
"    INPUT may be:\n"
"      - JSON from `lint`, `goroutines`, `top`, `watch` or `run` with\n"
"        --format json (findings, groups, top tables, and watch's verdicts\n"
"        without charts: the recording has the samples);\n"
"      - a goroutine dump (debug=2, crash or SIGQUIT output, debug=1, or\n"
"        the protobuf goroutine profile): its groups, suspects first;\n"
"      - a pprof profile (protobuf, gzip-compressed or not, or debug=1\n"
"        text): its top table and call graph; of several heap profiles of\n"
"        one process, ordered by their timestamps, the latest gets them and\n"
"        the page adds a chart of in-use bytes over time and a table of\n"
"        the lines that grew from the first to the latest.\n"
"      - a watch recording (the SQLite database of `watch` or `run`):\n"
"        charts of RSS, heap in use and goroutines with the samples, gaps,\n"
"        warm-up, fitted trend and verdict; the findings of the verdicts;\n"
"        the goroutine groups of the latest goroutine profile with their\n"
"        growth; flame graphs of the heap growth and of the latest heap and\n"
"        goroutine profiles, the call graph of the latest heap profile (one\n"
"        recording per page).\n"
"\n"
"    Source excerpts: a finding's .go file is read as given, then under each\n"
"    --src DIR (also with leading directories stripped).\n"
"\n"
"OPTIONS\n"
"    -o FILE          write the page to FILE (default report.html; - for\n"
"                     standard output)\n"
"    --src DIR        look for source files under DIR (repeatable)\n"
"    --title TEXT     the page title (default: leakhound report)\n"
"    --nodecount N    rows of each profile table (default 25)\n"
"    --target URL     of a `watch --targets` recording, the target to show\n"
"    --max-input SIZE the most bytes read of one input file, and the most a\n"
"                     gzip input may inflate to (default 512M read)\n"
"\n"
"EXIT STATUS\n"
"    0 page written and nothing found, 1 page written with findings, a leak\n"
"    verdict or goroutine leak suspects, 2 unreadable or unsupported input,\n"
"    3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound lint --format json ./... > lint.json\n"
"    leakhound goroutines --format json dump.txt > goroutines.json\n"
"    leakhound report lint.json goroutines.json heap.pb.gz -o report.html\n"
"    leakhound report --src . heap-*.pb.gz -o heap.html\n";

enum { O_SRC = 256, O_TITLE, O_NODECOUNT, O_MAX_INPUT, O_TARGET };

/* --max-input: the most bytes read of one input (a recording excepted) */
static size_t report_max_input = (size_t)512 << 20;

struct heap_input {
	const char *name;
	struct pprof_profile *p;
};

struct ctx {
	struct report_page page;
	struct findings fs;
	long nodecount;
	VEC(struct heap_input) heaps;
	int any_leak;
	int has_findings;    /* an input carried a findings list */
	int has_db;          /* a watch recording was read */
	const char *target;  /* --target: the target of a fleet recording */
};

/* ---- JSON inputs ---- */

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static long long jint(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (json_is_integer(v))
		return json_integer_value(v);
	if (json_is_real(v)) {
		double d = json_real_value(v);

		/* a hostile 1e300 must not overflow the conversion */
		return d > 9e15 ? 9000000000000000LL : d < -9e15 ? -9000000000000000LL :
			(long long)d;
	}
	return 0;
}

static double jreal(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_number(v) ? json_number_value(v) : 0;
}

static int jclamp_int(long long v)
{
	return v < 0 ? 0 : v > 1000000000 ? 1000000000 : (int)v;
}

static void jloc(json_t *o, struct report_loc *l)
{
	memset(l, 0, sizeof(*l));
	l->file = jstr(o, "file");
	if (!l->file)
		l->file = "";
	l->line = jclamp_int(jint(o, "line"));
	l->column = jclamp_int(jint(o, "column"));
	l->end_line = jclamp_int(jint(o, "end_line"));
	l->end_column = jclamp_int(jint(o, "end_column"));
	l->message = jstr(o, "message");
}

static int read_findings(struct ctx *c, const char *name, json_t *arr,
			 struct err *e)
{
	size_t i, j;
	json_t *f;

	if (!json_is_array(arr))
		return err_setf(e, "cannot read '%s': \"findings\" is not an array", name);
	json_array_foreach(arr, i, f) {
		struct report_loc loc;
		struct finding *nf;
		json_t *rel, *r;
		const char *rule = jstr(f, "rule"), *msg = jstr(f, "message");
		const char *sev = jstr(f, "severity"), *conf = jstr(f, "confidence");
		int s = sev ? report_severity_parse(sev) : -1;
		int k = conf ? report_confidence_parse(conf) : -1;

		if (!json_is_object(f) || !rule || !msg)
			return err_setf(e, "cannot read '%s': finding %zu has no rule or message",
					name, i + 1);
		jloc(f, &loc);
		loc.message = NULL;
		nf = findings_add(&c->fs, rule, s < 0 ? REPORT_SEV_WARNING : (enum report_severity)s,
				  k < 0 ? REPORT_CONF_MEDIUM : (enum report_confidence)k,
				  &loc, msg, jstr(f, "fix"));
		rel = json_object_get(f, "related");
		if (json_is_array(rel))
			json_array_foreach(rel, j, r) {
				struct report_loc rl;

				if (!json_is_object(r))
					continue;
				jloc(r, &rl);
				finding_add_related(&c->fs, nf, &rl);
			}
	}
	return 0;
}

static void jframe(json_t *o, struct report_frame *f)
{
	f->func = json_is_object(o) ? jstr(o, "func") : NULL;
	f->file = f->func ? jstr(o, "file") : "";
	if (!f->file)
		f->file = "";
	f->line = f->func ? jclamp_int(jint(o, "line")) : 0;
}

/* The "groups" object of `goroutines --format json`. */
static int read_groups(struct ctx *c, const char *name, json_t *root,
		       json_t *arr, struct err *e)
{
	struct report_groups *gs;
	struct report_frame *frames = NULL;
	size_t i, j, cap = 0;
	json_t *g, *fr;
	long long total = jint(root, "total");

	if (!json_is_array(arr))
		return err_setf(e, "cannot read '%s': \"groups\" is not an array", name);
	gs = report_page_add_groups(&c->page, name, total > 0 ? (uint64_t)total : 0);
	json_array_foreach(arr, i, g) {
		struct report_group rg;
		json_t *w = json_object_get(g, "wait_minutes");
		json_t *fa = json_object_get(g, "frames");

		if (!json_is_object(g))
			continue;
		memset(&rg, 0, sizeof(rg));
		rg.count = (uint64_t)(jint(g, "count") > 0 ? jint(g, "count") : 0);
		rg.state = jstr(g, "state");
		rg.wait_min = jclamp_int(jint(w, "min"));
		rg.wait_max = jclamp_int(jint(w, "max"));
		jframe(json_object_get(g, "created_by"), &rg.created_by);
		jframe(json_object_get(g, "blocking_site"), &rg.blocking);
		rg.suspect = json_is_true(json_object_get(g, "suspect"));
		rg.score = jreal(g, "suspect_score");
		rg.why = jstr(g, "why");
		if (json_object_get(g, "growth")) {
			rg.has_growth = 1;
			rg.growth = jint(g, "growth");
			rg.is_new = json_is_true(json_object_get(g, "new"));
		}
		rg.nframes = json_is_array(fa) ? json_array_size(fa) : 0;
		if (rg.nframes > cap) {
			cap = rg.nframes;
			frames = xrealloc(frames, cap * sizeof(*frames));
		}
		json_array_foreach(fa, j, fr)
			jframe(fr, &frames[j]);
		rg.frames = frames;
		if (!total)
			gs->total += rg.count;
		report_groups_add(&c->page, gs, &rg);
	}
	free(frames);
	return 0;
}

static void add_scaled(struct sb *out, int64_t v, const char *unit)
{
	pprof_scaled_label(out, v, unit, "auto");
}

/* The "top" object of `top --format json`. */
static int read_top(struct ctx *c, const char *name, json_t *top, struct err *e)
{
	static const char *const cols[] = { "flat", "flat%", "sum%", "cum", "cum%", "name" };
	static const int num[] = { 1, 1, 1, 1, 1, 0 };
	struct report_table *t;
	struct sb title = SB_INIT, note = SB_INIT, cell[5];
	const char *unit = jstr(top, "unit");
	json_t *rows = json_object_get(top, "rows"), *hdr = json_object_get(top, "header"), *r, *h;
	size_t i, k;

	if (!json_is_object(top) || !json_is_array(rows))
		return err_setf(e, "cannot read '%s': \"top\" has no rows", name);
	if (!unit)
		unit = "count";
	sb_addf(&title, "%s: top by %s", name, jstr(top, "type") ? jstr(top, "type") : "value");
	t = report_page_add_table(&c->page, sb_str(&title), 6, cols, num);
	json_array_foreach(hdr, i, h)
		if (json_is_string(h))
			sb_addf(&note, "%s%s", i ? "\n" : "", json_string_value(h));
	t->note = note.len ? report_page_str(&c->page, sb_str(&note)) : NULL;
	for (k = 0; k < 5; k++)
		sb_init(&cell[k]);
	json_array_foreach(rows, i, r) {
		const char *cells[6];

		if ((long)i >= c->nodecount)
			break;
		for (k = 0; k < 5; k++)
			sb_reset(&cell[k]);
		add_scaled(&cell[0], jint(r, "flat"), unit);
		sb_addf(&cell[1], "%.2f%%", jreal(r, "flat_pct"));
		sb_addf(&cell[2], "%.2f%%", jreal(r, "sum_pct"));
		add_scaled(&cell[3], jint(r, "cum"), unit);
		sb_addf(&cell[4], "%.2f%%", jreal(r, "cum_pct"));
		for (k = 0; k < 5; k++)
			cells[k] = sb_str(&cell[k]);
		cells[5] = jstr(r, "name");
		report_table_add_row(&c->page, t, cells);
	}
	t->total_rows = json_array_size(rows);
	for (k = 0; k < 5; k++)
		sb_release(&cell[k]);
	sb_release(&title);
	sb_release(&note);
	return 0;
}

/* The summary of `watch --format json` (or run's): no samples, so no
 * charts, but the verdicts, the target and the events. */
static void read_watch_summary(struct ctx *c, json_t *root)
{
	static const char *const lead[] = { "heap_inuse_bytes", "goroutines",
		"heap_inuse_objects", "fds", "rss" };
	json_t *series = json_object_get(root, "series"), *target, *ev, *x;
	struct sb verdict = SB_INIT, detail = SB_INIT;
	size_t i, k;

	json_array_foreach(series, i, x) {
		const char *name = jstr(x, "name"), *v = jstr(x, "verdict");
		int bytes = jstr(x, "unit") && !strcmp(jstr(x, "unit"), "bytes");

		if (!name || !v)
			continue;
		sb_addf(&detail, "%s%s: %s", detail.len ? "; " : "", name, v);
		if (json_is_number(json_object_get(x, "per_min"))) {
			sb_adds(&detail, ", ");
			if (jreal(x, "per_min") >= 0)
				sb_addc(&detail, '+');
			report_html_value(&detail, jreal(x, "per_min"),
					  bytes ? REPORT_UNIT_BYTES : REPORT_UNIT_COUNT);
			sb_adds(&detail, "/min");
		}
		if (json_is_number(json_object_get(x, "p")))
			sb_addf(&detail, ", p=%.2g", jreal(x, "p"));
	}
	for (k = 0; k < sizeof(lead) / sizeof(lead[0]) && !verdict.len; k++)
		json_array_foreach(series, i, x) {
			const char *name = jstr(x, "name"), *v = jstr(x, "verdict");
			int bytes = jstr(x, "unit") && !strcmp(jstr(x, "unit"), "bytes");

			if (!name || !v || strcmp(name, lead[k]) || strcmp(v, "growing"))
				continue;
			sb_addf(&verdict, "Leak: %s grows by ", name);
			report_html_value(&verdict, jreal(x, "per_min"),
					  bytes ? REPORT_UNIT_BYTES : REPORT_UNIT_COUNT);
			sb_adds(&verdict, "/min");
			if (json_is_number(json_object_get(x, "seconds_to_limit")))
				sb_addf(&verdict, ", reaching the limit in %.0f min",
					jreal(x, "seconds_to_limit") / 60);
			c->page.leak_verdict = 1;
			c->any_leak = 1;
			break;
		}
	if (!verdict.len && detail.len)
		sb_addf(&verdict, "No series grows in %lld samples", jint(root, "samples"));
	json_array_foreach(json_object_get(root, "events"), i, ev)
		if (json_is_string(ev))
			sb_addf(&detail, "%s%s", detail.len ? "; " : "", json_string_value(ev));
	if (verdict.len)
		c->page.verdict = report_page_str(&c->page, sb_str(&verdict));
	if (detail.len)
		c->page.verdict_detail = report_page_str(&c->page, sb_str(&detail));
	target = json_object_get(root, "target");
	if (jstr(target, "url"))
		c->page.target = report_page_str(&c->page, jstr(target, "url"));
	sb_release(&verdict);
	sb_release(&detail);
}

static int read_json(struct ctx *c, const char *name, const char *buf, size_t len,
		     struct err *e)
{
	json_error_t je;
	json_t *root = json_loadb(buf, len, 0, &je), *v;
	const char *key, *kind = "findings JSON";
	size_t nfindings = 0;
	struct sb ignored = SB_INIT;
	int rc = 0;

	if (!root)
		return err_setf(e, "cannot read '%s': invalid JSON at line %d column %d: %s",
				name, je.line, je.column, je.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return err_setf(e, "cannot read '%s': not a leakhound JSON output (no top-level object)", name);
	}
	if (!jstr(root, "tool") || strcmp(jstr(root, "tool"), "leakhound")) {
		json_decref(root);
		return err_setf(e, "cannot read '%s': not a leakhound JSON output (no \"tool\":\"leakhound\")", name);
	}
	json_object_foreach(root, key, v) {
		if (rc)
			break;
		if (!strcmp(key, "findings")) {
			rc = read_findings(c, name, v, e);
			nfindings = json_array_size(v);
		} else if (!strcmp(key, "groups")) {
			rc = read_groups(c, name, root, v, e);
			kind = "goroutines JSON";
		} else if (!strcmp(key, "top")) {
			rc = read_top(c, name, v, e);
			kind = "top JSON";
		} else if (!strcmp(key, "series") && json_is_array(v)) {
			read_watch_summary(c, root);
			kind = "watch JSON";
		} else if (!strcmp(key, "target") || !strcmp(key, "samples") ||
			   !strcmp(key, "failed_samples") ||
			   !strcmp(key, "samples_with_gaps") ||
			   !strcmp(key, "segments") || !strcmp(key, "events") ||
			   !strcmp(key, "program")) {
			;  /* parts of the watch summary, read with "series" */
		} else if (strcmp(key, "tool") && strcmp(key, "version") &&
			   strcmp(key, "total") && strcmp(key, "format") &&
			   strcmp(key, "warnings") && strcmp(key, "vanished")) {
			sb_addf(&ignored, "%s'%s'", ignored.len ? ", " : "", key);
		}
	}
	if (!rc) {
		/* an empty list is worth a "no findings" section only from a
		 * command whose job is findings (lint), not from top */
		if (nfindings || !strcmp(kind, "findings JSON"))
			c->has_findings = 1;
		if (ignored.len)
			sb_adds(&ignored, " not shown (not understood by this build)");
		report_page_add_input(&c->page, name, kind,
				      ignored.len ? sb_str(&ignored) : NULL);
		if (ignored.len)
			cli_warn("%s: %s", name, sb_str(&ignored));
	}
	sb_release(&ignored);
	json_decref(root);
	return rc;
}

/* ---- profiles ---- */

static int is_heap(const struct pprof_profile *p)
{
	size_t i;

	for (i = 0; i < p->nsample_type; i++)
		if (!strcmp(p->sample_type[i].type, "inuse_space"))
			return 1;
	return 0;
}

static int add_top_table(struct ctx *c, const char *name, struct pprof_profile *p,
			 struct err *e)
{
	static const char *const cols[] = { "flat", "flat%", "sum%", "cum", "cum%", "name" };
	static const int num[] = { 1, 1, 1, 1, 1, 0 };
	struct pprof_report_opts o;
	struct pprof_report r;
	struct pprof_profile *q;
	struct report_table *t;
	struct sb title = SB_INIT, note = SB_INIT, cell[5];
	size_t i, k;

	q = pprof_prepare(p, NULL, false, e);
	if (!q)
		return err_prefixf(e, "cannot read '%s'", name);
	pprof_report_opts_init(&o);
	o.nodecount = (int)c->nodecount;
	if (pprof_report_top(q, &o, &r, e)) {
		pprof_profile_free(q);
		return err_prefixf(e, "cannot read '%s'", name);
	}
	pprof_profile_free(q);
	sb_addf(&title, "%s: top by %s", name, r.sample_type);
	t = report_page_add_table(&c->page, sb_str(&title), 6, cols, num);
	for (i = 0; i < r.nheader; i++)
		sb_addf(&note, "%s%s", i ? "\n" : "", r.header[i]);
	t->note = report_page_str(&c->page, sb_str(&note));
	for (k = 0; k < 5; k++)
		sb_init(&cell[k]);
	for (i = 0; i < r.nrow; i++) {
		const struct pprof_row *row = &r.row[i];
		const char *cells[6];
		char pct[3][16];

		for (k = 0; k < 5; k++)
			sb_reset(&cell[k]);
		pprof_scaled_label(&cell[0], row->flat, r.sample_unit, r.output_unit);
		pprof_scaled_label(&cell[3], row->cum, r.sample_unit, r.output_unit);
		pprof_percentage(pct[0], row->flat, r.total);
		snprintf(pct[1], sizeof(pct[1]), "%.2f%%", row->sum_pct);
		pprof_percentage(pct[2], row->cum, r.total);
		cells[0] = sb_str(&cell[0]);
		cells[1] = pct[0];
		cells[2] = pct[1];
		cells[3] = sb_str(&cell[3]);
		cells[4] = pct[2];
		sb_addf(&cell[1], "%s%s%s", row->name, *row->inline_label ? " " : "",
			row->inline_label);
		cells[5] = sb_str(&cell[1]);
		report_table_add_row(&c->page, t, cells);
	}
	for (k = 0; k < 5; k++)
		sb_release(&cell[k]);
	sb_reset(&title);
	sb_addf(&title, "%s: call graph by %s", name, r.sample_type);
	pprof_report_release(&r);
	sb_release(&note);
	if (cli_html_add_graph(&c->page, sb_str(&title), p, NULL, NULL, 0, e)) {
		sb_release(&title);
		return err_prefixf(e, "cannot draw '%s'", name);
	}
	sb_release(&title);
	return 0;
}

static int read_profile(struct ctx *c, const char *name, struct pprof_profile *p,
			struct err *e)
{
	const char *kind;

	kind = is_heap(p) ? "heap profile" : p->nsample_type ?
		p->sample_type[0].type : "profile";
	/* heap profiles wait for heap_series: a series of them gets one top
	 * table (the latest), not one per profile */
	if (!is_heap(p) && add_top_table(c, name, p, e)) {
		pprof_profile_free(p);
		return -1;
	}
	report_page_add_input(&c->page, name, kind, NULL);
	if (is_heap(p)) {
		struct heap_input h = { name, p };

		vec_push(&c->heaps, h);
	} else {
		pprof_profile_free(p);
	}
	return 0;
}

static int cmp_heap_time(const void *a, const void *b)
{
	const struct heap_input *x = a, *y = b;

	return x->p->time_nanos < y->p->time_nanos ? -1 : x->p->time_nanos > y->p->time_nanos;
}

static int64_t inuse_total(const struct pprof_profile *p)
{
	struct err e = ERR_INIT;
	int si = pprof_sample_index(p, "inuse_space", &e);
	int64_t sum = 0;
	size_t i;

	if (si < 0)
		return 0;
	for (i = 0; i < p->nsample; i++)
		sum += p->sample[i].value[si];
	return sum;
}

/* The summary of a page of heap profiles alone (no recording to give a
 * verdict): what is in use, how it changed from the first profile to the
 * latest, and the line that grew most; neutral, since profiles alone
 * decide nothing. */
static void heap_summary(struct ctx *c, const struct heap_input *h, size_t n)
{
	struct sb v = SB_INIT, d = SB_INIT;
	struct arena a = ARENA_INIT;
	struct pprof_diff_row *rows;
	struct err e = ERR_INIT;
	int64_t first = inuse_total(h[0].p), last = inuse_total(h[n - 1].p);
	double span = (double)(h[n - 1].p->time_nanos - h[0].p->time_nanos) / 1e9;
	long nrows;

	if (n == 1) {
		sb_adds(&v, "One heap profile: ");
		report_html_value(&v, (double)last, REPORT_UNIT_BYTES);
		sb_adds(&v, " in use");
		sb_adds(&d, "one profile shows what is held, not what grows: "
			"give two or more, or a watch recording");
	} else {
		sb_addf(&v, "%zu heap profiles over %.0f s: in use ", n, span);
		report_html_value(&v, (double)first, REPORT_UNIT_BYTES);
		sb_adds(&v, " \xe2\x86\x92 ");
		report_html_value(&v, (double)last, REPORT_UNIT_BYTES);
		sb_addf(&v, " (%s", last >= first ? "+" : "-");
		report_html_value(&v, (double)(last >= first ? last - first : first - last),
				  REPORT_UNIT_BYTES);
		sb_adds(&v, ")");
		nrows = pprof_diff(h[0].p, h[n - 1].p, "inuse_space", PPROF_GRAN_LINES,
				   &a, &rows, &e);
		if (nrows > 0 && rows[0].flat > 0) {
			sb_adds(&d, "grew most: +");
			report_html_value(&d, (double)rows[0].flat, REPORT_UNIT_BYTES);
			sb_addf(&d, " in %s", rows[0].function);
			if (*rows[0].file)
				sb_addf(&d, " (%s:%" PRId64 ")", rows[0].file, rows[0].line);
		}
	}
	c->page.verdict = report_page_str(&c->page, sb_str(&v));
	c->page.verdict_detail = report_page_str(&c->page, sb_str(&d));
	c->page.verdict_neutral = 1;
	arena_release(&a);
	sb_release(&v);
	sb_release(&d);
}

/* Two or more heap profiles: in-use bytes over time, and the growth table
 * from the first to the latest. */
static int heap_series(struct ctx *c, struct err *e)
{
	static const char *const cols[] = { "growth", "first", "latest", "function", "location" };
	static const int num[] = { 1, 1, 1, 0, 0 };
	struct heap_input *h = c->heaps.items;
	size_t n = c->heaps.len, i;
	struct report_series *s;
	struct report_table *t;
	struct pprof_diff_row *rows;
	struct arena a = ARENA_INIT;
	struct sb title = SB_INIT;
	long nrows;
	double t0;

	if (!n)
		return 0;
	qsort(h, n, sizeof(*h), cmp_heap_time);
	if (add_top_table(c, h[n - 1].name, h[n - 1].p, e))
		return -1;
	if (!c->page.verdict)
		heap_summary(c, h, n);
	if (n < 2)
		return 0;
	s = report_page_add_series(&c->page, "heap_inuse", "heap in use (from the profiles)",
				   REPORT_UNIT_BYTES);
	t0 = (double)h[0].p->time_nanos / 1e9;
	for (i = 0; i < n; i++)
		report_series_add(s, (double)h[i].p->time_nanos / 1e9 - t0,
				  (double)inuse_total(h[i].p), 0);
	s->detail = report_page_str(&c->page, "samples are the heap profiles given; "
				    "no trend verdict without a watch recording");

	nrows = pprof_diff(h[0].p, h[n - 1].p, "inuse_space", PPROF_GRAN_LINES, &a, &rows, e);
	if (nrows < 0) {
		arena_release(&a);
		return err_prefixf(e, "cannot compare '%s' with '%s'", h[0].name, h[n - 1].name);
	}
	sb_addf(&title, "in-use growth from %s to %s", h[0].name, h[n - 1].name);
	t = report_page_add_table(&c->page, sb_str(&title), 5, cols, num);
	for (i = 0; i < (size_t)nrows && (long)i < c->nodecount; i++) {
		struct sb cell[4] = { SB_INIT, SB_INIT, SB_INIT, SB_INIT };
		const char *cells[5];
		size_t k;

		if (rows[i].flat <= 0)
			continue;
		sb_adds(&cell[0], "+");
		add_scaled(&cell[0], rows[i].flat, "bytes");
		add_scaled(&cell[1], rows[i].base_flat, "bytes");
		add_scaled(&cell[2], rows[i].latest_flat, "bytes");
		if (*rows[i].file)
			sb_addf(&cell[3], "%s:%" PRId64, rows[i].file, rows[i].line);
		cells[0] = sb_str(&cell[0]);
		cells[1] = sb_str(&cell[1]);
		cells[2] = sb_str(&cell[2]);
		cells[3] = rows[i].function;
		cells[4] = sb_str(&cell[3]);
		report_table_add_row(&c->page, t, cells);
		for (k = 0; k < 4; k++)
			sb_release(&cell[k]);
	}
	t->note = report_page_str(&c->page, "inuse_space per source line, latest minus first, "
				  "largest growth first");
	sb_release(&title);
	arena_release(&a);
	return 0;
}

/* ---- goroutine dumps ---- */

static int is_goroutine_profile(const struct pprof_profile *p)
{
	return p->nsample_type == 1 && (!strcmp(p->sample_type[0].type, "goroutine") ||
					!strcmp(p->sample_type[0].type, "goroutineleak"));
}

static int read_dump(struct ctx *c, const char *name, const char *buf, size_t len,
		     struct err *e)
{
	struct gdump_dump d;
	struct gdump_groups gs;
	struct sb note = SB_INIT;
	static const char *const fmt[] = { "goroutine dump", "goroutine profile (debug=1)",
					   "goroutine profile" };

	gdump_dump_init(&d);
	if (gdump_parse(&d, buf, len, e)) {
		gdump_dump_release(&d);
		return -1;
	}
	gdump_group(&d, &gs);
	cli_html_add_groups(&c->page, &gs, name);
	sb_addf(&note, "goroutines of %s", name);
	if (cli_html_add_goroutine_flame(&c->page, sb_str(&note), &gs, e)) {
		sb_release(&note);
		gdump_groups_release(&gs);
		gdump_dump_release(&d);
		return err_prefixf(e, "cannot draw '%s'", name);
	}
	sb_reset(&note);
	if (d.nwarnings) {
		sb_addf(&note, "%zu line%s could not be read, e.g. %s", d.nwarnings,
			d.nwarnings == 1 ? "" : "s", d.warnings[0]);
		c->page.groups.items[c->page.groups.len - 1]->note =
			report_page_str(&c->page, sb_str(&note));
	}
	report_page_add_input(&c->page, name, fmt[d.format], note.len ? sb_str(&note) : NULL);
	sb_release(&note);
	gdump_groups_release(&gs);
	gdump_dump_release(&d);
	return 0;
}

/* ---- watch recordings ---- */

struct find_target {
	const char *url;
	int64_t id;          /* the row of url, 0 when not found */
	struct sb names;     /* every target, for the message */
};

/* a and b the same but for trailing slashes */
static int same_url(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	while (na && a[na - 1] == '/')
		na--;
	while (nb && b[nb - 1] == '/')
		nb--;
	return na == nb && !memcmp(a, b, na);
}

static int find_target(void *arg, int64_t id, const char *url,
		       const char *instance, const char *labels)
{
	struct find_target *ft = arg;

	(void)labels;
	sb_addf(&ft->names, "%s%s", ft->names.len ? ", " : "", url);
	if (same_url(url, ft->url) || (instance && !strcmp(instance, ft->url)))
		ft->id = id;
	return 0;
}

static int read_db(struct ctx *c, const char *name, struct err *e)
{
	struct watch_store *st;
	struct watch_options o;
	struct watch w;
	struct watch_verdict v[WATCH_NSERIES];
	struct sb url = SB_INIT, pid = SB_INIT, prog = SB_INIT, target = SB_INIT;
	int rc = -1;

	if (c->has_db)
		return err_setf(e, "cannot read '%s': one watch recording per page", name);
	st = watch_store_open(name, WATCH_STORE_READ, e);
	if (!st)
		return -1;
	watch_options_default(&o);
	o.no_discover = 1;   /* a report never looks at live processes */
	if (watch_store_meta_get(st, "interval", &url, e) == 1)
		o.interval = atof(sb_str(&url));
	if (watch_init(&w, &o, st, e) < 0)
		goto out_store;
	if (c->target) {
		/* one target of a fleet recording (watch --targets), or the
		 * one target of a plain recording */
		struct find_target ft = { c->target, 0, SB_INIT };
		int n = watch_store_targets(st, find_target, &ft, e);

		if (n < 0) {
			sb_release(&ft.names);
			goto out;
		}
		if (n == 0 && watch_store_meta_get(st, "url", &url, e) == 1 &&
		    same_url(sb_str(&url), c->target)) {
			sb_release(&ft.names);
			if (watch_store_load(st, &w, e) < 0)
				goto out;
		} else if (!ft.id) {
			err_setf(e, "cannot read '%s': it has no target '%s' "
				 "(its targets: %s)", name, c->target,
				 n ? sb_str(&ft.names) : sb_str(&url));
			sb_release(&ft.names);
			goto out;
		} else {
			sb_release(&ft.names);
			if (watch_store_load_target(st, &w, ft.id, e) < 0)
				goto out;
		}
		sb_reset(&url);
		sb_adds(&url, c->target);
	} else {
		/* a fleet recording mixes its targets: one must be named */
		struct find_target ft = { "", 0, SB_INIT };
		int n = watch_store_targets(st, find_target, &ft, e);

		if (n != 0) {
			if (n > 0)
				err_setf(e, "cannot read '%s': a recording of %d "
					 "targets (watch --targets): give --target "
					 "with one of %s", name, n, sb_str(&ft.names));
			sb_release(&ft.names);
			goto out;
		}
		sb_release(&ft.names);
		if (watch_store_load(st, &w, e) < 0)
			goto out;
		if (watch_store_meta_get(st, "url", &url, e) < 0)
			goto out;
	}
	if (url.len)
		sb_addf(&target, "%s", sb_str(&url));
	if (watch_store_meta_get(st, "program", &prog, e) == 1 && prog.len)
		sb_addf(&target, "%s%s", target.len ? ", " : "", sb_str(&prog));
	if (watch_store_meta_get(st, "pid", &pid, e) == 1 && strcmp(sb_str(&pid), "0") &&
	    pid.len)
		sb_addf(&target, "%spid %s", target.len ? ", " : "", sb_str(&pid));
	if (target.len)
		c->page.target = report_page_str(&c->page, sb_str(&target));
	/* the Go version of the target: the program `run` started, or the
	 * watched process if it still runs */
	sb_reset(&url);
	if (prog.len) {
		const char *sp = strchr(sb_str(&prog), ' ');

		sb_reset(&target);
		sb_add(&target, sb_str(&prog), sp ? (size_t)(sp - sb_str(&prog)) : prog.len);
		if (cli_go_version(sb_str(&target), &url) == 0)
			c->page.go_version = report_page_str(&c->page, sb_str(&url));
	}
	if (!c->page.go_version && w.segments.len) {
		/* only the very process recorded: same pid and start time */
		const struct watch_segment *g = &w.segments.items[w.segments.len - 1];
		struct proc_sample ps;
		struct err pe = ERR_INIT;

		if (g->pid > 0 && proc_sample(g->pid, &ps, &pe) == 0 &&
		    ps.start_ticks == g->start_ticks) {
			sb_reset(&target);
			sb_addf(&target, "/proc/%d/exe", g->pid);
			if (cli_go_version(sb_str(&target), &url) == 0)
				c->page.go_version = report_page_str(&c->page, sb_str(&url));
		}
	}
	watch_evaluate(&w, v);
	watch_findings(&w, v, &c->fs);
	c->has_findings = 1;
	c->has_db = 1;
	cli_html_add_watch(&c->page, &w, v);
	report_page_add_input(&c->page, name, "watch recording", NULL);
	c->any_leak |= watch_any_leak(v);
	rc = 0;
out:
	watch_release(&w);
out_store:
	watch_store_close(st);
	sb_release(&url);
	sb_release(&pid);
	sb_release(&prog);
	sb_release(&target);
	return rc;
}

/* 1 if path is a file that starts like an SQLite database. */
static int is_sqlite(const char *path)
{
	char magic[16];
	FILE *f;
	int yes;

	if (!strcmp(path, "-") || !(f = fopen(path, "rb")))
		return 0;
	yes = fread(magic, 1, 16, f) == 16 && !memcmp(magic, "SQLite format 3", 16);
	fclose(f);
	return yes;
}

/* ---- dispatch ---- */

static int read_input(struct ctx *c, const char *name, struct err *e)
{
	struct pprof_profile *p;
	struct err pe = ERR_INIT;
	struct sniff_info si;
	char *buf;
	size_t len, i;
	int rc;

	if (is_sqlite(name))
		return read_db(c, name, e);
	buf = file_read_all(name, report_max_input, &len, e);
	if (!buf)
		return -1;
	for (i = 0; i < len && strchr(" \t\r\n", buf[i]); i++)
		;
	sniff_bytes(buf, len, &si);
	if (si.kind == SNIFF_EMPTY || si.kind == SNIFF_HTML || si.kind == SNIFF_XML ||
	    si.kind == SNIFF_ZSTD || si.kind == SNIFF_BZIP2 || si.kind == SNIFF_XZ ||
	    si.kind == SNIFF_ZIP || si.kind == SNIFF_ELF) {
		rc = err_setf(e, "cannot read '%s': the input is %s (from byte %zu), "
			      "expected a pprof profile, a goroutine dump, leakhound "
			      "JSON or a watch recording", name, sniff_describe(&si),
			      si.at);
	} else if (len >= 16 && !memcmp(buf, "SQLite format 3", 16)) {
		rc = err_setf(e, "cannot read '%s': a watch database must be a file, "
			      "not standard input", name);
	} else if (i < len && buf[i] == '{') {
		rc = read_json(c, name, buf + i, len - i, e);
	} else if ((p = pprof_profile_parse(buf, len, name, &pe)) != NULL) {
		/* goroutine profiles are grouped like dumps; others get tables */
		if (is_goroutine_profile(p)) {
			pprof_profile_free(p);
			rc = read_dump(c, name, buf, len, e);
		} else {
			rc = read_profile(c, name, p, e);
		}
	} else {
		struct err de = ERR_INIT;

		rc = read_dump(c, name, buf, len, &de);
		if (rc)
			err_setf(e, "cannot read '%s': not leakhound JSON, a pprof profile or "
				 "a goroutine dump (as a profile: %s; as a dump: %s)", name,
				 pe.msg, de.msg);
	}
	free(buf);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "src", required_argument, NULL, O_SRC },
		{ "title", required_argument, NULL, O_TITLE },
		{ "nodecount", required_argument, NULL, O_NODECOUNT },
		{ "max-input", required_argument, NULL, O_MAX_INPUT },
		{ "target", required_argument, NULL, O_TARGET },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx c;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *output = "report.html";
	int ch, rc = CLI_EXIT_CLEAN, i;
	size_t k;

	memset(&c, 0, sizeof(c));
	report_page_init(&c.page);
	findings_init(&c.fs);
	c.nodecount = 25;
	report_page_set_command_line(&c.page, argc, argv);
	while ((ch = cli_getopt("report", argc, argv, "o:", opts)) != -1) {
		switch (ch) {
		case 'o': output = optarg; break;
		case O_SRC: report_page_add_src_dir(&c.page, optarg); break;
		case O_TARGET: c.target = optarg; break;
		case O_TITLE: c.page.title = report_page_str(&c.page, optarg); break;
		case O_NODECOUNT:
			if ((c.nodecount = cli_parse_count("report", "--nodecount", optarg)) < 0)
				rc = CLI_EXIT_USAGE;
			break;
		case O_MAX_INPUT:
			if (cli_set_max_input("report", optarg) < 0)
				rc = CLI_EXIT_USAGE;
			else
				report_max_input = cli_max_input();
			break;
		default: rc = CLI_EXIT_USAGE;
		}
		if (rc)
			goto done;
	}
	if (optind >= argc) {
		rc = cli_usage("report", "no input given");
		goto done;
	}
	for (i = optind; i < argc; i++)
		if (read_input(&c, argv[i], &e)) {
			cli_error("%s", e.msg);
			rc = CLI_EXIT_ERROR;
			goto done;
		}
	if (heap_series(&c, &e)) {
		cli_error("%s", e.msg);
		rc = CLI_EXIT_ERROR;
		goto done;
	}
	findings_sort(&c.fs);
	if (c.has_findings)
		c.page.findings = &c.fs;
	report_write_html(&out, &c.page);
	if (cli_output(output, &out)) {
		rc = CLI_EXIT_ERROR;
		goto done;
	}
	for (k = 0; k < c.page.groups.len; k++) {
		size_t j;

		for (j = 0; j < c.page.groups.items[k]->items.len; j++)
			c.any_leak |= c.page.groups.items[k]->items.items[j].suspect;
	}
	rc = c.fs.items.len || c.any_leak ?
		CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
	if (strcmp(output, "-"))
		printf("report written to %s\n", output);
done:
	for (k = 0; k < c.heaps.len; k++)
		pprof_profile_free(c.heaps.items[k].p);
	vec_free(&c.heaps);
	sb_release(&out);
	findings_release(&c.fs);
	report_page_release(&c.page);
	return rc;
}
