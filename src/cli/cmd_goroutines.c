/*
 * goroutines: turn a goroutine dump into a short list of leak suspects.
 *
 * Reads a dump (file, '-' or URL), groups goroutines with the same stack,
 * ranks the groups and prints suspects first.  With an older dump of the
 * same process it also shows how each group grew.  Every suspect becomes a
 * finding located at its blocking line, so the JSON and text findings work
 * like those of the other commands.
 */
#include "cli.h"
#include "html_adapt.h"
#include "../base/file.h"
#include "../gdump/gdump.h"
#include "../lint/lint.h"
#include "../report/finding.h"
#include "../report/write.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <getopt.h>

#include "pprof_opts.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_goroutines_help[] =
"NAME\n"
"    leakhound goroutines - group a goroutine dump and rank leak suspects\n"
"\n"
"SYNOPSIS\n"
"    leakhound goroutines [options] DUMP [OLDER_DUMP]\n"
"\n"
"DESCRIPTION\n"
"    Reads a goroutine dump in any form Go writes: /debug/pprof/goroutine\n"
"    ?debug=2 text, crash or SIGQUIT output (also inside a larger log, with\n"
"    a prefix on every line or CRLF line ends), runtime.Stack(all) output,\n"
"    ?debug=1 aggregated text, and the protobuf goroutine and goroutineleak\n"
"    profiles.  DUMP is a file, '-' for standard input, or an http(s) URL.\n"
"\n"
"    Goroutines with the same stack (function and file:line per frame, the\n"
"    creating site, the state) form one group, whatever their argument\n"
"    values or parent goroutine.  Groups blocked on a channel, select or a\n"
"    sync wait in your own code are ranked as leak suspects, by count and\n"
"    wait time; standard-library loops (HTTP servers, connections, signal\n"
"    handling, finalizers) rank low; goroutines the runtime marked (leaked)\n"
"    are certain.  The blocking site is the topmost frame in your code.\n"
"\n"
"    With OLDER_DUMP (an earlier dump of the same process), each group's\n"
"    growth is shown, groups that are new are marked, goroutine ids tell\n"
"    how many goroutines survived from the older dump, and suspects are\n"
"    ranked by growth.\n"
"\n"
"OPTIONS\n"
"    --all             list every group, not only suspects\n"
"    --stacks          print the frames of each listed group\n"
"    --format FMT      text (default), json (findings plus a \"groups\" array\n"
"                      of every group) or sarif (findings only)\n"
"    --min-count N     only groups of at least N goroutines\n"
"    --state RE        only groups whose state matches RE (PCRE2)\n"
"    --match RE        only groups with a frame (function or file:line)\n"
"                      or creator matching RE (PCRE2)\n"
"    --src DIR         read the blocking lines from the Go sources under DIR\n"
"                      (found by the longest matching path suffix): say\n"
"                      which channel operation blocks, where the channel is\n"
"                      made and whether it is buffered, and cite the lint\n"
"                      findings in the same function\n"
"    -o, --output FILE write the result to FILE instead of standard output\n"
"    --html FILE       also write the HTML report page (docs/report.md)\n"
"    --timeout D       for a URL: the whole fetch (default 60s, plus any\n"
"                      ?seconds=N), e.g. 10s, 2m\n"
"    --max-input SIZE  the most bytes read from a file, standard input or\n"
"                      URL (default 512M), e.g. 64M\n"
"\n"
"EXIT STATUS\n"
"    0 no leak suspect, 1 suspects reported, 2 the dump could not be read,\n"
"    3 usage error.\n"
"\n"
"EXAMPLES\n"
"    curl -s 'localhost:6060/debug/pprof/goroutine?debug=2' > now.txt\n"
"    leakhound goroutines now.txt\n"
"    leakhound goroutines --stacks --min-count 10 now.txt before.txt\n"
"    leakhound goroutines --src ~/src/myservice now.txt\n"
"    leakhound goroutines --format json http://127.0.0.1:6060/debug/pprof/goroutine?debug=2\n";


static const struct report_rule_meta goroutine_rules[] = {
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

struct opts {
	int all, stacks, json, sarif;
	long min_count;
	pcre2_code *state_re, *match_re;
	const char *output;
	const char *srcdir;
	/* --src: one explanation per group (NULL when there is none) and the
	 * lint findings of the files involved */
	struct gdump_explain **ex;
	struct findings lintfs;
	int have_lint;
};

static pcre2_code *compile_re(const char *opt, const char *re)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, 0,
				      &code, &off, NULL);
	if (!c) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof(msg));
		cli_usage("goroutines", "option '%s': bad regular expression '%s' at "
			  "offset %zu: %s", opt, re, (size_t)off, (char *)msg);
	}
	return c;
}

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

static int keep(const struct opts *o, const struct gdump_group *g)
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
static const struct finding *next_lint(const struct opts *o, size_t i, size_t *k)
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

static void explain_groups(struct opts *o, const struct gdump_groups *gs)
{
	VEC(char *) files = { 0 };
	struct lint_options lo;
	struct lint_result res;
	struct err e = ERR_INIT;
	size_t i, j;

	o->ex = xcalloc(gs->items.len ? gs->items.len : 1, sizeof(*o->ex));
	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		struct gdump_explain *x;

		if (!g->blocking || !keep(o, g) || (!o->all && !g->suspect))
			continue;
		x = xmalloc(sizeof(*x));
		err_clear(&e);
		if (gdump_explain(o->srcdir, g->blocking->file, g->blocking->line, x, &e) < 0) {
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
	findings_init(&o->lintfs);
	err_clear(&e);
	if (lint_run(&lo, files.items, files.len, &o->lintfs, &res, &e) < 0)
		cli_warn("--src: lint: %s", e.msg);
	else
		o->have_lint = 1;
	lint_result_release(&res);
	vec_free(&files);
}

static void add_findings(struct findings *fs, const struct gdump_groups *gs,
			 const struct opts *o)
{
	size_t i;

	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		const struct gdump_frame *site = site_of(g);
		struct report_loc loc = { 0 };
		struct finding *f;
		char msg[2200], wait[64] = "";
		int leaked = !!(g->flags & GDUMP_LEAKED);

		if (!g->suspect || !keep(o, g))
			continue;
		if (site) {
			loc.file = site->file;
			loc.line = site->line;
		}
		if (o->ex && o->ex[i]) /* the file as found under --src */
			loc.file = o->ex[i]->path;
		if (g->wait_max > 0)
			snprintf(wait, sizeof(wait), " for up to %d minutes", g->wait_max);
		snprintf(msg, sizeof(msg), "%llu goroutine%s %s in %s%s%s at %s%s%s%s",
			 (unsigned long long)g->count, g->count == 1 ? "" : "s",
			 leaked ? "leaked, blocked" : "blocked",
			 *g->state ? g->state : "an unknown state", wait,
			 gs->compared && g->growth > 0 ? " (grew since the older dump)" : "",
			 site ? site->func : "?", leaked ? " (runtime leak mark)" : "",
			 o->ex && o->ex[i] ? ": " : "", o->ex && o->ex[i] ? o->ex[i]->text : "");
		f = findings_add(fs, leaked ? "goroutine-leaked" : "goroutine-leak-suspect",
				 leaked ? REPORT_SEV_ERROR : REPORT_SEV_WARNING,
				 leaked ? REPORT_CONF_HIGH :
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
			rel.file = g->created_by.file;
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

static void json_frame(struct sb *out, const struct gdump_frame *f)
{
	if (!f || !f->func) {
		sb_adds(out, "null");
		return;
	}
	sb_adds(out, "{\"func\":");
	sb_add_json_str(out, f->func);
	sb_adds(out, ",\"file\":");
	sb_add_json_str(out, f->file);
	sb_addf(out, ",\"line\":%d}", f->line);
}

static void json_groups(struct sb *out, const struct gdump_groups *gs,
			const struct opts *o, const char *const *warnings,
			size_t nwarn)
{
	size_t i, j, n = 0;

	sb_addf(out, ",\"format\":\"%s\",\"total\":%llu", format_name(gs->format),
		(unsigned long long)gs->total);
	if (gs->compared)
		sb_addf(out, ",\"vanished\":%llu", (unsigned long long)gs->vanished);
	sb_adds(out, ",\"warnings\":[");
	for (i = 0; i < nwarn; i++) {
		if (i)
			sb_addc(out, ',');
		sb_add_json_str(out, warnings[i]);
	}
	sb_adds(out, "],\"groups\":[");
	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];

		if (!keep(o, g))
			continue;
		if (n++)
			sb_addc(out, ',');
		sb_addf(out, "\n{\"count\":%llu,\"state\":", (unsigned long long)g->count);
		sb_add_json_str(out, g->state);
		sb_addf(out, ",\"wait_minutes\":{\"min\":%d,\"max\":%d}", g->wait_min,
			g->wait_max);
		sb_addf(out, ",\"locked_to_thread\":%s,\"leaked\":%s",
			(g->flags & GDUMP_LOCKED) ? "true" : "false",
			(g->flags & GDUMP_LEAKED) ? "true" : "false");
		sb_adds(out, ",\"created_by\":");
		json_frame(out, &g->created_by);
		sb_adds(out, ",\"blocking_site\":");
		json_frame(out, g->blocking);
		if (o->ex && o->ex[i]) {
			const struct gdump_explain *x = o->ex[i];
			const struct finding *lf;
			size_t k = 0, nl = 0;
			sb_adds(out, ",\"source\":{\"file\":");
			sb_add_json_str(out, x->path);
			sb_adds(out, ",\"function\":");
			sb_add_json_str(out, x->func_name);
			sb_addf(out, ",\"made_line\":%d,\"explanation\":", x->made_line);
			sb_add_json_str(out, x->text);
			sb_adds(out, ",\"lint\":[");
			while ((lf = next_lint(o, i, &k)) != NULL) {
				sb_addf(out, "%s{\"rule\":", nl++ ? "," : "");
				sb_add_json_str(out, lf->rule);
				sb_addf(out, ",\"line\":%d,\"message\":", lf->loc.line);
				sb_add_json_str(out, lf->message);
				sb_adds(out, "}");
			}
			sb_adds(out, "]}");
		}
		sb_addf(out, ",\"suspect\":%s,\"suspect_score\":%.2f,\"why\":",
			g->suspect ? "true" : "false", g->score);
		sb_add_json_str(out, g->why);
		if (gs->compared)
			sb_addf(out, ",\"growth\":%lld,\"new\":%s,\"survivors\":%zu",
				(long long)g->growth, g->is_new ? "true" : "false",
				g->survivors);
		sb_adds(out, ",\"frames\":[");
		for (j = 0; j < g->nframes; j++) {
			if (j)
				sb_addc(out, ',');
			json_frame(out, &g->frames[j]);
		}
		sb_adds(out, "]");
		if (g->nids) {
			sb_adds(out, ",\"goroutine_ids\":[");
			for (j = 0; j < g->nids; j++)
				sb_addf(out, "%s%llu", j ? "," : "",
					(unsigned long long)g->ids[j]);
			sb_adds(out, "]");
		}
		sb_adds(out, "}");
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

static void text_table(struct sb *out, const struct gdump_groups *gs,
		       const struct opts *o)
{
	size_t i, j, shown = 0, suspects = 0, hidden = 0, kept = 0;
	uint64_t total = 0;

	for (i = 0; i < gs->items.len; i++) {
		if (!keep(o, &gs->items.items[i]))
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

		if (!keep(o, g))
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

static int load(const char *src, struct gdump_dump *d, const char *what)
{
	struct err e = ERR_INIT;
	size_t i;
	int rc;

	gdump_dump_init(d);
	rc = gdump_load(d, src, &e);
	if (rc == -1) {
		cli_error("%s", e.msg);
		return -1;
	}
	if (rc < 0) {
		cli_error("cannot read %s '%s': %s", what, src, e.msg);
		return -1;
	}
	for (i = 0; i < d->nwarnings && i < GDUMP_MAX_WARNINGS; i++)
		cli_warn("%s: %s", src, d->warnings[i]);
	if (d->nwarnings > GDUMP_MAX_WARNINGS)
		cli_warn("%s: %zu more warnings", src, d->nwarnings - GDUMP_MAX_WARNINGS);
	return 0;
}

int cmd_goroutines(int argc, char **argv)
{
	enum { O_ALL = 256, O_STACKS, O_FORMAT, O_MIN, O_STATE, O_MATCH, O_SRC, O_HTML,
	       O_TIMEOUT, O_MAX_INPUT };
	static const struct option opts[] = {
		{ "all", no_argument, NULL, O_ALL },
		{ "stacks", no_argument, NULL, O_STACKS },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "min-count", required_argument, NULL, O_MIN },
		{ "state", required_argument, NULL, O_STATE },
		{ "match", required_argument, NULL, O_MATCH },
		{ "output", required_argument, NULL, 'o' },
		{ "src", required_argument, NULL, O_SRC },
		{ "html", required_argument, NULL, O_HTML },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "max-input", required_argument, NULL, O_MAX_INPUT },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o;
	struct gdump_dump d, od;
	struct gdump_groups gs, ogs;
	struct findings fs;
	struct sb out = SB_INIT;
	int c, rc = CLI_EXIT_USAGE, have_old = 0;
	const char *html = NULL;

	memset(&o, 0, sizeof(o));
	while ((c = cli_getopt("goroutines", argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case O_ALL: o.all = 1; break;
		case O_STACKS: o.stacks = 1; break;
		case O_FORMAT:
			o.json = o.sarif = 0;
			if (!strcmp(optarg, "json"))
				o.json = 1;
			else if (!strcmp(optarg, "sarif"))
				o.sarif = 1;
			else if (strcmp(optarg, "text")) {
				cli_usage("goroutines", "unknown format '%s' (text, json or sarif)", optarg);
				goto out;
			}
			break;
		case O_MIN:
			if ((o.min_count = cli_parse_count("goroutines", "--min-count", optarg)) < 0)
				goto out;
			break;
		case O_STATE:
			if (o.state_re)
				pcre2_code_free(o.state_re);
			if (!(o.state_re = compile_re("--state", optarg)))
				goto out;
			break;
		case O_MATCH:
			if (o.match_re)
				pcre2_code_free(o.match_re);
			if (!(o.match_re = compile_re("--match", optarg)))
				goto out;
			break;
		case 'o': o.output = optarg; break;
		case O_SRC: o.srcdir = optarg; break;
		case O_TIMEOUT:
			if (cli_set_url_timeout("goroutines", optarg))
				goto out;
			break;
		case O_MAX_INPUT:
			if (cli_set_max_input("goroutines", optarg))
				goto out;
			break;
		case O_HTML: html = optarg; break;
		default: goto out;
		}
	}
	if (optind >= argc) {
		cli_usage("goroutines", "missing the dump to read");
		goto out;
	}
	if (argc - optind > 2) {
		cli_usage("goroutines", "too many arguments");
		goto out;
	}
	if (load(argv[optind], &d, "goroutine dump") < 0) {
		gdump_dump_release(&d);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	gdump_group(&d, &gs);
	gdump_dump_release(&d);
	if (argc - optind == 2) {
		if (load(argv[optind + 1], &od, "older goroutine dump") < 0) {
			gdump_dump_release(&od);
			gdump_groups_release(&gs);
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		gdump_group(&od, &ogs);
		gdump_dump_release(&od);
		gdump_compare(&gs, &ogs);
		have_old = 1;
	}
	if (o.srcdir)
		explain_groups(&o, &gs);
	findings_init(&fs);
	add_findings(&fs, &gs, &o);
	if (o.sarif) {
		report_write_sarif(&out, &fs, goroutine_rules,
				   sizeof(goroutine_rules) / sizeof(goroutine_rules[0]));
	} else if (o.json) {
		struct sb extra = SB_INIT;
		json_groups(&extra, &gs, &o, NULL, 0);
		report_write_json(&out, &fs, sb_str(&extra));
		sb_release(&extra);
	} else {
		text_table(&out, &gs, &o);
		if (fs.items.len) {
			sb_addc(&out, '\n');
			report_write_text(&out, &fs);
		}
	}
	rc = fs.items.len ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
	if (cli_output(o.output, &out) < 0)
		rc = CLI_EXIT_ERROR;
	if (html) {
		struct report_page pg;

		report_page_init(&pg);
		if (o.srcdir)
			report_page_add_src_dir(&pg, o.srcdir);
		cli_html_add_groups(&pg, &gs, argv[optind]);
		cli_html_add_goroutine_flame(&pg, "goroutines", &gs, NULL);
		report_page_add_input(&pg, argv[optind], "goroutine dump", NULL);
		if (have_old)
			report_page_add_input(&pg, argv[optind + 1], "older goroutine dump", NULL);
		pg.findings = &fs;
		if (cli_html_write(&pg, html, argc, argv) < 0)
			rc = CLI_EXIT_ERROR;
		report_page_release(&pg);
	}
	findings_release(&fs);
	if (o.ex) {
		size_t i;
		for (i = 0; i < gs.items.len; i++)
			free(o.ex[i]);
		free(o.ex);
	}
	if (o.have_lint || o.lintfs.items.items || o.lintfs.arena.head)
		findings_release(&o.lintfs);
	gdump_groups_release(&gs);
	if (have_old)
		gdump_groups_release(&ogs);
out:
	sb_release(&out);
	if (o.state_re)
		pcre2_code_free(o.state_re);
	if (o.match_re)
		pcre2_code_free(o.match_re);
	return rc;
}
