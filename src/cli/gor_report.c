/*
 * gor_report: the report of a grouped goroutine dump, shared by the
 * commands that read one (goroutines, test, run's crash dumps): which
 * groups are shown (filters), the --src explanation of each blocking line
 * with the lint findings of its function, one finding per suspect group,
 * the text table and the JSON "groups" array.
 *
 * The design decision a reader must know: everything is indexed by the
 * group's position in the ranked set, so the explanations (o->ex[i]) stay
 * valid only as long as that set is not re-sorted.
 */
#include "gor_report.h"
#include "cli.h"
#include "watch_cli.h"
#include "../base/jsonout.h"
#include "../base/xalloc.h"
#include "../lint/lint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const struct report_rule_meta gor_rules[] = {
	{ "goroutine-leaked",
	  "goroutines the runtime's goroutineleak detector marked (leaked)",
	  "Go 1.26+ marks a goroutine `(leaked)` when the garbage collector proves "
	  "that the channel or lock it waits on is unreachable from any goroutine "
	  "that could wake it.", REPORT_SEV_ERROR },
	{ "goroutine-leak-suspect",
	  "a group of goroutines blocked on a channel, select or sync wait in your code",
	  "Ranked by count and wait time (and growth against an older dump). "
	  "See docs/goroutines.md.", REPORT_SEV_WARNING },
};
const size_t gor_nrules = sizeof(gor_rules) / sizeof(gor_rules[0]);

static int re_match(pcre2_code *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);

	pcre2_match_data_free(md);
	return rc >= 0;
}

static int frame_matches(pcre2_code *re, const struct gdump_frame *f)
{
	char buf[4096];

	if (!f->func)
		return 0;
	if (re_match(re, f->func))
		return 1;
	snprintf(buf, sizeof(buf), "%s:%d", f->file, f->line);
	return re_match(re, buf);
}

int gor_keep(const struct gor_opts *o, const struct gdump_group *g)
{
	size_t i;

	if ((long)g->count < o->min_count)
		return 0;
	if (o->state_re && !re_match(o->state_re, g->state))
		return 0;
	if (o->match_re) {
		for (i = 0; i < g->nframes; i++)
			if (frame_matches(o->match_re, &g->frames[i]))
				return 1;
		return frame_matches(o->match_re, &g->created_by);
	}
	return 1;
}

static const char *format_name(enum gdump_format f)
{
	switch (f) {
	case GDUMP_FMT_TRACEBACK: return "traceback";
	case GDUMP_FMT_DEBUG1: return "debug=1";
	default: return "protobuf";
	}
}

static const struct gdump_frame *site_of(const struct gdump_group *g)
{
	if (g->blocking)
		return g->blocking;
	return g->nframes ? &g->frames[0] : NULL;
}

/* The lint findings inside the function that holds group i's blocking
 * line, one at a time: *k is the cursor (start at 0). */
/* the tests group i is attributed to (leakhound test), or NULL */
static const char *tests_of(const struct gor_opts *o, size_t i)
{
	return o->tests && i < o->ntests ? o->tests[i] : NULL;
}

static const struct finding *next_lint(const struct gor_opts *o, size_t i, size_t *k)
{
	const struct gdump_explain *x = o->ex ? o->ex[i] : NULL;

	if (!x || !o->have_lint || !x->func_line)
		return NULL;
	for (; *k < o->lintfs.items.len; (*k)++) {
		const struct finding *f = o->lintfs.items.items[*k];
		if (f->loc.file && !strcmp(f->loc.file, x->path) &&
		    f->loc.line >= x->func_line && f->loc.line <= x->func_end_line) {
			(*k)++;
			return f;
		}
	}
	return NULL;
}

void gor_explain_groups(struct gor_opts *o, const struct gdump_groups *gs)
{
	VEC(char *) files = { 0 };
	struct lint_options lo;
	struct lint_result res;
	struct err e = ERR_INIT;
	size_t i, j;

	o->ex = xcalloc(gs->items.len ? gs->items.len : 1, sizeof(*o->ex));
	o->nex = gs->items.len;
	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		struct gdump_explain *x;

		/* blocked groups that are not suspects yet too: the lint
		 * front-end may show that nothing else reaches their channel */
		if (!g->blocking || !gor_keep(o, g) ||
		    (!o->all && !g->suspect && g->kind == GDUMP_KIND_OTHER))
			continue;
		x = xmalloc(sizeof(*x));
		err_clear(&e);
		if (gdump_explain(o->srcdir, g->blocking->file, g->blocking->line, x, &e) < 0) {
			if (o->all || g->suspect)  /* a listed group */
				cli_warn("--src: %s", e.msg);
			free(x);
			continue;
		}
		o->ex[i] = x;
		for (j = 0; j < files.len; j++)
			if (!strcmp(files.items[j], x->path))
				break;
		if (j == files.len)
			vec_push(&files, x->path);
	}
	if (!files.len) {
		vec_free(&files);
		return;
	}
	memset(&lo, 0, sizeof(lo));
	memset(&res, 0, sizeof(res));
	lo.jobs = 1;
	/* the blocked frames' own files, _test.go ones too (a test binary) */
	lo.include_tests = 1;
	lo.include_commands = 1;   /* blocked goroutines are seen: report them */
	findings_init(&o->lintfs);
	err_clear(&e);
	if (lint_run(&lo, files.items, files.len, &o->lintfs, &res, &e) < 0)
		cli_warn("--src: lint: %s", e.msg);
	else
		o->have_lint = 1;
	lint_result_release(&res);
	vec_free(&files);
}

void gor_promote_groups(struct gor_opts *o, struct gdump_groups *gs)
{
	size_t i, n = 0;
	char why[600];

	for (i = 0; i < gs->items.len; i++) {
		struct gdump_group *g = &gs->items.items[i];
		const struct finding *lf;
		size_t k = 0;

		if (g->kind == GDUMP_KIND_OTHER || (g->flags & GDUMP_LEAKED))
			continue;
		while ((lf = next_lint(o, i, &k)) != NULL)
			if (!strcmp(lf->rule, "goroutine-blocked-send") ||
			    !strcmp(lf->rule, "goroutine-blocked-recv") ||
			    !strcmp(lf->rule, "goroutine-no-exit"))
				break;
		if (!lf)
			continue;
		snprintf(why, sizeof(why), "the lint front-end shows that nothing "
			 "else can reach its channel (%s at line %d)", lf->rule,
			 lf->loc.line);
		gdump_promote(gs, g, why);
		n++;
	}
	if (n)
		gdump_groups_sort(gs, (void **)o->ex);
}

/* One spelling per file in the findings: the file as found under --src
 * when the dump's path is the blocking file's, and a path below the
 * working directory relative to it. */
static const char *spell(struct findings *fs, const char *file,
			 const struct gdump_frame *blk, const struct gdump_explain *x)
{
	static char cwd[4096];
	static int have_cwd = -1;
	size_t n;

	if (!file || !*file)
		return file;
	if (x && blk && blk->file && !strcmp(file, blk->file))
		file = x->path;
	if (have_cwd < 0)
		have_cwd = getcwd(cwd, sizeof(cwd)) != NULL;
	n = have_cwd ? strlen(cwd) : 0;
	if (n > 1 && !strncmp(file, cwd, n) && file[n] == '/' && file[n + 1])
		return arena_strdup(&fs->arena, file + n + 1);
	return file;
}

void gor_add_findings(struct findings *fs, const struct gdump_groups *gs,
		      const struct gor_opts *o, const char *prefix)
{
	size_t i;

	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		const struct gdump_frame *site = site_of(g);
		struct report_loc loc = { 0 };
		struct finding *f;
		char msg[2200], wait[64] = "", bytest[600];
		int leaked = !!(g->flags & GDUMP_LEAKED);

		if (!g->suspect || !gor_keep(o, g))
			continue;
		if (site) {
			/* a frame without a file still names its function */
			loc.file = spell(fs, *site->file ? site->file : site->func,
					 g->blocking, o->ex ? o->ex[i] : NULL);
			loc.line = site->line;
		}
		if (g->wait_max > 0)
			snprintf(wait, sizeof(wait), " for up to %d minutes", g->wait_max);
		if (tests_of(o, i))
			snprintf(bytest, sizeof(bytest), " (started in %s %s)",
				 strchr(tests_of(o, i), ',') ? "tests" : "test",
				 tests_of(o, i));
		else
			bytest[0] = 0;
		snprintf(msg, sizeof(msg), "%s%llu goroutine%s %s in %s%s%s at %s%s%s%s%s%s%s",
			 prefix ? prefix : "", (unsigned long long)g->count, g->count == 1 ? "" : "s",
			 leaked ? "leaked, blocked" : "blocked",
			 *g->state ? g->state : "an unknown state", wait,
			 gs->compared && g->growth > 0 ? " (grew since the older dump)" : "",
			 site ? site->func : "?", bytest, leaked ? " (runtime leak mark)" : "",
			 gs->hung || g->promoted ? "; " : "", gs->hung || g->promoted ? g->why : "",
			 o->ex && o->ex[i] ? ": " : "", o->ex && o->ex[i] ? o->ex[i]->text : "");
		f = findings_add(fs, leaked ? "goroutine-leaked" : "goroutine-leak-suspect",
				 leaked ? REPORT_SEV_ERROR : REPORT_SEV_WARNING,
				 leaked || gs->hung || g->promoted ? REPORT_CONF_HIGH :
				 (g->count >= 10 || (gs->compared && g->growth > 0)) ?
				 REPORT_CONF_MEDIUM : REPORT_CONF_LOW,
				 &loc, msg,
				 g->kind == GDUMP_KIND_SYNC ?
				 "make sure the lock is released (defer Unlock) and every "
				 "Add is matched by Done on every path, including early "
				 "returns and panics" :
				 "make sure every goroutine started here can finish: the "
				 "other side of the channel must send, receive or close on "
				 "every path (use a buffered channel of the right size, or "
				 "select on ctx.Done())");
		if (g->created_by.func) {
			struct report_loc rel = { 0 };
			char m2[512];
			rel.file = spell(fs, g->created_by.file, g->blocking,
					 o->ex ? o->ex[i] : NULL);
			rel.line = g->created_by.line;
			snprintf(m2, sizeof(m2), "started by %s", g->created_by.func);
			rel.message = m2;
			finding_add_related(fs, f, &rel);
		}
		if (o->ex && o->ex[i]) {
			const struct gdump_explain *x = o->ex[i];
			const struct finding *lf;
			size_t k = 0;
			char m3[1400];

			if (x->made_line) {
				struct report_loc rel = { 0 };
				rel.file = x->path;
				rel.line = x->made_line;
				rel.message = "the channel is made (or declared) here";
				finding_add_related(fs, f, &rel);
			}
			while ((lf = next_lint(o, i, &k)) != NULL) {
				struct report_loc rel = { 0 };
				rel.file = lf->loc.file;
				rel.line = lf->loc.line;
				rel.column = lf->loc.column;
				snprintf(m3, sizeof(m3), "lint %s: %s", lf->rule, lf->message);
				rel.message = m3;
				finding_add_related(fs, f, &rel);
			}
		}
	}
}

/* an unsigned count or id: past INT64_MAX (a hostile dump) a real */
static json_t *json_u64(uint64_t v)
{
	return v <= INT64_MAX ? json_integer((json_int_t)v) : json_real((double)v);
}

static json_t *json_frame(const struct gdump_frame *f)
{
	json_t *o;

	if (!f || !f->func)
		return json_null();
	o = json_object();
	json_object_set_new(o, "func", jsonout_str(f->func));
	json_object_set_new(o, "file", jsonout_str(f->file));
	json_object_set_new(o, "line", json_integer(f->line));
	return o;
}

static json_t *json_group(const struct gdump_groups *gs,
			  const struct gor_opts *o, size_t i)
{
	const struct gdump_group *g = &gs->items.items[i];
	json_t *v = json_object(), *a;
	size_t j;

	json_object_set_new(v, "count", json_u64(g->count));
	json_object_set_new(v, "state", jsonout_str(g->state));
	a = json_object();
	json_object_set_new(a, "min", json_integer(g->wait_min));
	json_object_set_new(a, "max", json_integer(g->wait_max));
	json_object_set_new(v, "wait_minutes", a);
	json_object_set_new(v, "locked_to_thread", json_boolean(g->flags & GDUMP_LOCKED));
	json_object_set_new(v, "leaked", json_boolean(g->flags & GDUMP_LEAKED));
	json_object_set_new(v, "created_by", json_frame(&g->created_by));
	json_object_set_new(v, "blocking_site", json_frame(g->blocking));
	if (o->tests) {
		/* leakhound test: the tests the goroutines are attributed to */
		json_t *t = json_array();
		const char *p = tests_of(o, i);
		while (p && *p) {
			const char *c = strstr(p, ", ");
			size_t k = c ? (size_t)(c - p) : strlen(p);
			json_array_append_new(t, json_stringn(p, k));
			p = c ? c + 2 : p + k;
		}
		json_object_set_new(v, "tests", t);
	}
	if (o->ex && o->ex[i]) {
		const struct gdump_explain *x = o->ex[i];
		const struct finding *lf;
		json_t *src = json_object(), *lint = json_array();
		size_t k = 0;

		json_object_set_new(src, "file", jsonout_str(x->path));
		json_object_set_new(src, "function", jsonout_str(x->func_name));
		json_object_set_new(src, "made_line", json_integer(x->made_line));
		json_object_set_new(src, "explanation", jsonout_str(x->text));
		while ((lf = next_lint(o, i, &k)) != NULL) {
			json_t *l = json_object();

			json_object_set_new(l, "rule", jsonout_str(lf->rule));
			json_object_set_new(l, "line", json_integer(lf->loc.line));
			json_object_set_new(l, "message", jsonout_str(lf->message));
			json_array_append_new(lint, l);
		}
		json_object_set_new(src, "lint", lint);
		json_object_set_new(v, "source", src);
	}
	json_object_set_new(v, "suspect", json_boolean(g->suspect));
	/* two decimals, in the shortest form (1.5, not 1.50) */
	json_object_set_new(v, "suspect_score", json_real(round(g->score * 100) / 100));
	json_object_set_new(v, "why", jsonout_str(g->why));
	if (gs->compared) {
		json_object_set_new(v, "growth", json_integer(g->growth));
		json_object_set_new(v, "new", json_boolean(g->is_new));
		json_object_set_new(v, "survivors", json_integer((json_int_t)g->survivors));
	}
	a = json_array();
	for (j = 0; j < g->nframes; j++)
		json_array_append_new(a, json_frame(&g->frames[j]));
	json_object_set_new(v, "frames", a);
	if (g->nids) {
		a = json_array();
		for (j = 0; j < g->nids; j++)
			json_array_append_new(a, json_u64(g->ids[j]));
		json_object_set_new(v, "goroutine_ids", a);
	}
	return v;
}

void gor_json_groups(struct sb *out, const struct gdump_groups *gs,
		     const struct gor_opts *o, const char *const *warnings,
		     size_t nwarn)
{
	json_t *head = json_object(), *w = json_array();
	size_t i, n = 0;

	json_object_set_new(head, "format", json_string(format_name(gs->format)));
	json_object_set_new(head, "total", json_u64(gs->total));
	if (gs->compared)
		json_object_set_new(head, "vanished", json_u64(gs->vanished));
	for (i = 0; i < nwarn; i++)
		json_array_append_new(w, jsonout_str(warnings[i]));
	json_object_set_new(head, "warnings", w);
	jsonout_add_members(out, head);
	json_decref(head);
	/* one group a line */
	sb_adds(out, ",\"groups\":[");
	for (i = 0; i < gs->items.len; i++) {
		json_t *v;

		if (!gor_keep(o, &gs->items.items[i]))
			continue;
		sb_adds(out, n++ ? ",\n" : "\n");
		v = json_group(gs, o, i);
		jsonout_add(out, v);
		json_decref(v);
	}
	sb_adds(out, "]");
}

static void text_frame(struct sb *out, const char *lead, const struct gdump_frame *f)
{
	sb_addf(out, "        %s%s", lead, f->func);
	if (f->file && *f->file)
		sb_addf(out, "  %s:%d", f->file, f->line);
	sb_addc(out, '\n');
}

void gor_text_table(struct sb *out, const struct gdump_groups *gs,
		    const struct gor_opts *o)
{
	size_t i, j, shown = 0, suspects = 0, hidden = 0, kept = 0;
	uint64_t total = 0;

	for (i = 0; i < gs->items.len; i++) {
		if (!gor_keep(o, &gs->items.items[i]))
			continue;
		kept++;
		total += gs->items.items[i].count;
		if (gs->items.items[i].suspect)
			suspects++;
	}
	sb_addf(out, "%zu suspect%s in %zu group%s, %llu goroutine%s", suspects,
		suspects == 1 ? "" : "s", kept, kept == 1 ? "" : "s",
		(unsigned long long)total, total == 1 ? "" : "s");
	if (kept != gs->items.len)
		sb_addf(out, " (filtered from %zu groups, %llu goroutines)",
			gs->items.len, (unsigned long long)gs->total);
	sb_addf(out, " (%s)", format_name(gs->format));
	if (gs->compared)
		sb_addf(out, "; %llu goroutines in %zu groups gone since the older dump",
			(unsigned long long)gs->vanished, gs->nvanished_groups);
	sb_adds(out, "\n");
	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		const struct gdump_frame *site = site_of(g);
		char wait[32], growth[32] = "";

		if (!gor_keep(o, g))
			continue;
		if (!o->all && !g->suspect) {
			hidden++;
			continue;
		}
		if (!shown++) {
			sb_adds(out, "\n SCORE   COUNT");
			if (gs->compared)
				sb_adds(out, "   GROWTH");
			sb_adds(out, "  STATE                      WAIT  SITE\n");
		}
		if (g->wait_max == 0)
			snprintf(wait, sizeof(wait), "-");
		else if (g->wait_min == g->wait_max)
			snprintf(wait, sizeof(wait), "%dm", g->wait_max);
		else
			snprintf(wait, sizeof(wait), "%d-%dm", g->wait_min, g->wait_max);
		sb_addf(out, "%6.1f %7llu", g->score, (unsigned long long)g->count);
		if (gs->compared) {
			if (g->is_new)
				snprintf(growth, sizeof(growth), "new");
			else
				snprintf(growth, sizeof(growth), "%+lld", (long long)g->growth);
			sb_addf(out, " %8s", growth);
		}
		{
			char st[64];
			snprintf(st, sizeof(st), "%s%s%s", *g->state ? g->state : "(unknown)",
				 (g->flags & GDUMP_LEAKED) ? " (leaked)" : "",
				 (g->flags & GDUMP_LOCKED) ? " locked" : "");
			sb_addf(out, "  %-24s %6s  ", st, wait);
		}
		if (site && *site->file)
			sb_addf(out, "%s %s:%d", site->func, site->file, site->line);
		else if (site)
			sb_addf(out, "%s (no file)", site->func);
		else
			sb_adds(out, "(no stack)");
		sb_addc(out, '\n');
		if (tests_of(o, i))
			sb_addf(out, "        %s: %s\n", strchr(tests_of(o, i), ',') ?
				"tests" : "test", tests_of(o, i));
		if (o->ex && o->ex[i]) {
			const struct finding *lf;
			size_t k = 0;
			sb_addf(out, "        source: %s\n", o->ex[i]->text);
			while ((lf = next_lint(o, i, &k)) != NULL)
				sb_addf(out, "        lint: %s:%d: %s [%s]\n", lf->loc.file,
					lf->loc.line, lf->message, lf->rule);
		}
		if (o->stacks) {
			for (j = 0; j < g->nframes; j++)
				text_frame(out, &g->frames[j] == g->blocking ? "> " : "  ",
					   &g->frames[j]);
			if (g->flags & GDUMP_ELIDED)
				sb_adds(out, "          ...frames elided...\n");
			if (g->created_by.func)
				text_frame(out, "  created by ", &g->created_by);
			if (gs->compared && g->nids && !g->is_new)
				sb_addf(out, "        %zu of %zu goroutines were in the older dump\n",
					g->survivors, g->nids);
			sb_addf(out, "        why: %s\n", g->why);
		}
	}
	if (!shown && !suspects)
		sb_addf(out, "no leak suspect%s\n", hidden ? " (--all lists every group)" : "");
	else if (hidden)
		sb_addf(out, "(%zu more group%s not suspect; --all lists them)\n", hidden,
			hidden == 1 ? "" : "s");
}

void gor_opts_release(struct gor_opts *o)
{
	size_t i;

	if (o->ex) {
		for (i = 0; i < o->nex; i++)
			free(o->ex[i]);
		free(o->ex);
	}
	o->ex = NULL;
	o->nex = 0;
	if (o->tests) {
		for (i = 0; i < o->ntests; i++)
			free(o->tests[i]);
		free(o->tests);
	}
	o->tests = NULL;
	o->ntests = 0;
	if (o->have_lint || o->lintfs.items.items || o->lintfs.arena.head)
		findings_release(&o->lintfs);
	memset(&o->lintfs, 0, sizeof(o->lintfs));
	o->have_lint = 0;
}

void cli_goroutine_findings(struct gdump_groups *gs, const char *srcdir,
			    struct findings *fs)
{
	struct gor_opts o;

	memset(&o, 0, sizeof(o));
	o.srcdir = srcdir;
	if (srcdir) {
		gor_explain_groups(&o, gs);
		gor_promote_groups(&o, gs);
	}
	gor_add_findings(fs, gs, &o, NULL);
	gor_opts_release(&o);
}
