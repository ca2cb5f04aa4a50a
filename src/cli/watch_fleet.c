/*
 * watch_fleet: `leakhound watch --targets FILE`, the command side of
 * src/watch/fleet.c: the recording's setup, a line per event while it
 * runs (a target added, removed, failing, restarted, leaking), /metrics
 * for every target, and the final report: one line per target with its
 * verdict, then the findings of every target, each message prefixed with
 * the target and its labels.
 */
#include "cli.h"
#include "watch_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../report/write.h"
#include "../watch/fleet.h"
#include "../watch/store.h"

static void print_events(struct watch_cli *c, struct watch_fleet *f)
{
	size_t i;

	for (i = 0; i < f->events.len; i++) {
		if (!c->quiet && !c->json) {
			char when[16];
			time_t now = time(NULL);
			strftime(when, sizeof(when), "%H:%M:%S", localtime(&now));
			fprintf(stdout, "%s %s\n", when, f->events.items[i]);
		}
		free(f->events.items[i]);
	}
	f->events.len = 0;
	if (!c->quiet && !c->json)
		fflush(stdout);
}

static void on_sample(struct watch_fleet *f, struct watch_fleet_member *m,
		      void *arg)
{
	struct watch_cli *c = arg;
	static double last;
	double now = watch_now_mono();

	(void)m;
	/* the snapshots of the targets, refreshed at most once a second (a
	 * pass over every target per sample would cost targets squared) */
	if (c->server && now - last >= 1.0) {
		last = now;
		listen_update_fleet(c->server, f);
	}
	print_events(c, f);
}

static const char *verdict_word(const struct watch_fleet_member *m)
{
	if (!m->w.samples.len)
		return "no sample yet";
	if (watch_never_sampled(&m->w))
		return "unreachable";
	if (m->leak)
		return "leak";
	for (int s = 0; s < WATCH_NSERIES; s++)
		if (m->v[s].evaluated && m->v[s].tr.verdict != TREND_NO_DATA)
			return "no leak";
	return "no verdict yet";
}

static void json_str(struct sb *out, const char *s)
{
	sb_addc(out, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			sb_addf(out, "\\%c", ch);
		else if (ch < 0x20)
			sb_addf(out, "\\u%04x", ch);
		else
			sb_addc(out, (char)ch);
	}
	sb_addc(out, '"');
}

static size_t errors_of(const struct watch *w)
{
	size_t i, n = 0;

	for (i = 0; i < w->samples.len; i++)
		if (w->samples.items[i].error)
			n++;
	return n;
}

static void summary_json(const struct watch_fleet *f, struct sb *out)
{
	size_t i;
	int s, first;

	sb_adds(out, ",\"targets_file\":");
	json_str(out, f->path);
	sb_addf(out, ",\"samples_pruned\":%zu,\"targets\":[", f->pruned);
	for (i = 0; i < f->members.len; i++) {
		const struct watch_fleet_member *m = f->members.items[i];
		sb_adds(out, i ? ",{\"url\":" : "{\"url\":");
		json_str(out, m->url);
		sb_adds(out, ",\"instance\":");
		json_str(out, m->instance);
		sb_addf(out, ",\"labels\":%s,\"verdict\":", m->labels_json);
		json_str(out, verdict_word(m));
		sb_adds(out, ",\"leaking\":[");
		for (s = 0, first = 1; s < WATCH_NSERIES; s++)
			if (m->v[s].evaluated && m->v[s].tr.verdict == TREND_GROWING) {
				sb_adds(out, first ? "" : ",");
				json_str(out, watch_series_name((enum watch_series_id)s));
				first = 0;
			}
		sb_addf(out, "],\"samples\":%zu,\"sample_errors\":%zu,"
			"\"segments\":%zu,\"removed\":%s,\"slots_skipped\":%zu,"
			"\"max_delay_seconds\":%.3f,\"mean_delay_seconds\":%.4f}",
			m->w.samples.len, errors_of(&m->w), m->w.segments.len,
			m->removed ? "true" : "false", m->skipped, m->max_delay,
			m->nstarted ? m->sum_delay / (double)m->nstarted : 0.0);
	}
	sb_adds(out, "]");
}

static void summary_text(const struct watch_fleet *f, struct sb *out)
{
	size_t i, nleak = 0, ndead = 0;
	double maxd = 0;

	for (i = 0; i < f->members.len; i++) {
		const struct watch_fleet_member *m = f->members.items[i];
		nleak += m->leak;
		ndead += watch_never_sampled(&m->w);
		if (m->max_delay > maxd)
			maxd = m->max_delay;
	}
	sb_addf(out, "%zu targets from %s: %zu leaking, %zu unreachable; "
		"largest sample delay %.3f s\n", f->members.len, f->path, nleak,
		ndead, maxd);
	for (i = 0; i < f->members.len; i++) {
		const struct watch_fleet_member *m = f->members.items[i];
		int s, first = 1;
		sb_addf(out, "  %-28s %-12s %zu samples, %zu with errors%s",
			m->url, verdict_word(m), m->w.samples.len,
			errors_of(&m->w), m->removed ? ", removed" : "");
		for (s = 0; s < WATCH_NSERIES; s++)
			if (m->v[s].evaluated && m->v[s].tr.verdict == TREND_GROWING) {
				sb_addf(out, "%s%s", first ? " (" : ", ",
					watch_series_name((enum watch_series_id)s));
				first = 0;
			}
		sb_addf(out, "%s  {%s}\n", first ? "" : ")", m->prom_labels);
	}
}

/* The findings of every target, each message naming its target. */
static void fleet_findings(struct watch_fleet *f, struct findings *all)
{
	size_t i, j, k;

	for (i = 0; i < f->members.len; i++) {
		struct watch_fleet_member *m = f->members.items[i];
		struct findings fs;
		struct sb msg = SB_INIT;

		if (!m->leak)
			continue;
		findings_init(&fs);
		watch_findings(&m->w, m->v, &fs);
		for (j = 0; j < fs.items.len; j++) {
			const struct finding *x = fs.items.items[j];
			struct finding *y;
			sb_reset(&msg);
			sb_addf(&msg, "target %s {%s}: %s", m->url, m->prom_labels,
				x->message ? x->message : "");
			y = findings_add(all, x->rule, x->severity, x->confidence,
					 &x->loc, sb_str(&msg), x->fix);
			for (k = 0; k < x->nrelated; k++)
				finding_add_related(all, y, &x->related[k]);
		}
		sb_release(&msg);
		findings_release(&fs);
	}
}

static char *default_db(void)
{
	struct sb s = SB_INIT;
	char when[32];
	time_t now = time(NULL);

	strftime(when, sizeof(when), "%Y%m%d-%H%M%S", localtime(&now));
	sb_addf(&s, "leakhound-fleet-%s.db", when);
	return sb_detach(&s, NULL);
}

int watch_cli_fleet(struct watch_cli *c, const char *targets, double retention)
{
	struct watch_fleet f;
	struct watch_fleet_loop l;
	struct watch_store *st = NULL;
	struct findings fs;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT, ex = SB_INIT;
	char *path = NULL, buf[64];
	size_t i, nleak = 0, nlive = 0;
	int rc;

	memset(&f, 0, sizeof(f));
	{
		/* a bad file is said before any recording is made */
		struct watch_targets t;
		watch_targets_init(&t);
		rc = watch_targets_load(&t, targets, &e);
		watch_targets_release(&t);
		if (rc < 0) {
			cli_error("%s", e.msg);
			return CLI_EXIT_ERROR;
		}
	}
	if (!c->db)
		path = default_db();
	st = watch_store_open(c->db ? c->db : path, WATCH_STORE_NEW, &e);
	if (!st)
		goto fail;
	snprintf(buf, sizeof(buf), "%g", c->o.interval);
	if (watch_store_meta_set(st, "url", "", &e) < 0 ||
	    watch_store_meta_set(st, "targets_file", targets, &e) < 0 ||
	    watch_store_meta_set(st, "interval", buf, &e) < 0 ||
	    watch_store_meta_set(st, "command", "watch", &e) < 0)
		goto fail;
	if (watch_fleet_init(&f, targets, &c->o, st, retention, &e) < 0)
		goto fail;
	if (f.nurl && !c->quiet && !c->json)
		cli_warn("%s: %zu target%s given as a full URL (a leakhound "
			 "extension; Prometheus wants host:port)", targets, f.nurl,
			 f.nurl == 1 ? "" : "s");
	if (c->listen) {
		c->server = listen_start(c->listen);
		if (!c->server) {
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		listen_set_report(c->server, c->db ? c->db : path, c->src);
		listen_update_fleet(c->server, &f);
	}
	memset(&l, 0, sizeof(l));
	l.duration = c->duration;
	watch_cli_signals(&l.stop);
	l.on_sample = on_sample;
	l.arg = c;
	if (!c->quiet && !c->json)
		printf("watching %zu targets from %s every %g s, recording "
		       "into %s\n", f.members.len, targets, c->o.interval,
		       c->db ? c->db : path);
	fflush(stdout);
	if (watch_fleet_run(&f, &l, &e) < 0) {
		print_events(c, &f);
		cli_error("%s", e.msg);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	print_events(c, &f);
	listen_update_fleet(c->server, &f);
	findings_init(&fs);
	fleet_findings(&f, &fs);
	findings_sort(&fs);
	if (c->sarif) {
		report_write_sarif(&out, &fs, NULL, 0, "watch");
	} else if (c->ci) {
		report_write_ci(&out, (enum report_format)c->ci, &fs);
	} else if (c->json) {
		summary_json(&f, &ex);
		report_write_json(&out, &fs, sb_str(&ex));
	} else {
		sb_adds(&out, "\n");
		summary_text(&f, &out);
		if (fs.items.len) {
			sb_adds(&out, "\n");
			report_write_text(&out, &fs);
		}
	}
	rc = cli_output(c->output, &out) < 0 ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	for (i = 0; i < f.members.len; i++) {
		nleak += f.members.items[i]->leak;
		nlive += f.members.items[i]->w.samples.len &&
			 !watch_never_sampled(&f.members.items[i]->w);
	}
	if (rc == CLI_EXIT_CLEAN) {
		if (nleak)
			rc = CLI_EXIT_FINDINGS;
		else if (f.members.len && !nlive) {
			cli_error("cannot sample any of the %zu targets of '%s'",
				  f.members.len, targets);
			rc = CLI_EXIT_ERROR;
		}
	}
	findings_release(&fs);
out:
	listen_stop(c->server);
	c->server = NULL;
	watch_fleet_release(&f);
	watch_store_close(st);
	sb_release(&out);
	sb_release(&ex);
	free(path);
	return rc;
fail:
	cli_error("%s", e.msg);
	watch_fleet_release(&f);
	watch_store_close(st);
	free(path);
	return CLI_EXIT_ERROR;
}
