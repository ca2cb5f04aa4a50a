/*
 * srclink: the static/dynamic cross-link of --src DIR.
 *
 * A site that grows at run time (an allocation site, a goroutine group's
 * blocking line) is looked up in the user's source tree, and the lint
 * rules that fired in the same function are cited on it: the growth says
 * that it leaks, the rule says why.  A rule at the very line is a
 * confirmation; one elsewhere in the function is a lead.  Paths in
 * profiles are the build machine's: a site's file is matched to DIR by its
 * longest suffix that exists there.  Functions are delimited textually by
 * the top-level `func` lines around the site (closures belong to their
 * enclosing function), which is what gofmt'ed Go makes reliable.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/file.h"
#include "../base/sb.h"
#include "../base/xalloc.h"
#include "../lint/lint.h"
#include "watch.h"
#include "watch_int.h"

static int is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The real path of file inside dir (caller frees), or NULL. */
static char *resolve(const char *file, const char *rdir)
{
	char buf[PATH_MAX * 2];
	char *r;
	const char *p;
	size_t n = strlen(rdir);

	r = realpath(file, NULL);
	if (r && !strncmp(r, rdir, n) && (r[n] == '/' || r[n] == '\0') &&
	    is_file(r))
		return r;
	free(r);
	for (p = file; p; p = strchr(p + 1, '/')) {
		const char *suffix = *p == '/' ? p + 1 : p;
		if (!*suffix)
			break;
		snprintf(buf, sizeof(buf), "%s/%s", rdir, suffix);
		if (is_file(buf))
			return realpath(buf, NULL);
	}
	return NULL;
}

/* The lines [*from, *to] of the top-level function around line. */
static void func_range(const char *path, int line, int *from, int *to)
{
	struct err e = ERR_INIT;
	size_t len, i;
	char *text = file_read_all(path, 64 << 20, &len, &e);
	int ln = 1;

	*from = 1;
	*to = INT_MAX;
	if (!text)
		return;
	for (i = 0; i < len; i++) {
		if ((i == 0 || text[i - 1] == '\n') && !strncmp(text + i, "func ", 5)) {
			if (ln <= line)
				*from = ln;
			else if (*to == INT_MAX)
				*to = ln - 1;
		}
		if (text[i] == '\n')
			ln++;
	}
	free(text);
}

static int linked_rule(const char *rule)
{
	return !strcmp(rule, "growing-allocation-site") ||
	       !strcmp(rule, "growing-goroutine-group") ||
	       !strcmp(rule, "blocked-goroutines");
}

/* Lint finding l as a related location of f: "[rule] message". */
static void add_lint_related(struct findings *fs, struct finding *f,
			     const struct finding *l)
{
	struct report_loc rel;

	memset(&rel, 0, sizeof(rel));
	rel.file = l->loc.file;
	rel.line = l->loc.line;
	rel.column = l->loc.column;
	rel.message = arena_printf(&fs->arena, "[%s] %s", l->rule, l->message);
	finding_add_related(fs, f, &rel);
}

static void cite(struct findings *fs, struct finding *f,
		 const struct finding *l, const char *how)
{
	f->message = arena_printf(&fs->arena, "%s; lint rule %s fires %s "
				  "(%s:%d)", f->message, l->rule, how,
				  l->loc.file, l->loc.line);
	add_lint_related(fs, f, l);
}

#define MAX_HTTP 5

/*
 * An http-connection-growth finding: the growth says connections are not
 * released, but not by whom.  Its related request sites (the places the
 * heap profile saw making requests) that resolve in DIR keep the
 * body-not-closed findings in their functions: those are confirmed from
 * both sides, and the finding moves to each of them (high confidence, at
 * most five).  With none (no site sampled, or only sites that close their
 * bodies: sampling sees the busy ones), the body-not-closed findings of
 * DIR are the candidates: the only one gets the finding (medium
 * confidence); several are listed as related locations of the finding,
 * which stays where it was, since nothing tells which of them runs.  With
 * no candidate the finding says so.
 */
static size_t http_link(struct findings *fs, struct finding *f,
			const struct findings *lf, char **lreal,
			const char *rdir)
{
	struct {
		char *src;
		int from, to;
	} site[MAX_HTTP];
	size_t nsite = 0, i, j, k, ncand = 0;
	const struct finding *cand[MAX_HTTP];
	int confirmed = 0;
	struct finding base = *f;
	const char *why = strstr(f->message, WATCH_HTTP_WHY);

	/* the hints of attrib are answered here: keep what precedes them */
	if (why)
		base.message = arena_strndup(&fs->arena, f->message,
					     (size_t)(why - f->message) +
					     strlen(WATCH_HTTP_WHY));

	for (i = 0; i < f->nrelated && nsite < MAX_HTTP; i++) {
		const struct report_loc *r = &f->related[i];
		if (!r->message || strncmp(r->message, WATCH_REQUEST_SITE,
					   strlen(WATCH_REQUEST_SITE)) ||
		    !r->file || r->line <= 0)
			continue;
		site[nsite].src = resolve(r->file, rdir);
		if (!site[nsite].src)
			continue;
		func_range(site[nsite].src, r->line, &site[nsite].from,
			   &site[nsite].to);
		nsite++;
	}
	for (j = 0; j < lf->items.len && ncand < MAX_HTTP; j++) {
		const struct finding *l = lf->items.items[j];
		int ok = 0;
		if (strcmp(l->rule, "body-not-closed") || !lreal[j])
			continue;
		for (k = 0; k < nsite && !ok; k++)
			ok = !strcmp(lreal[j], site[k].src) &&
			     l->loc.line >= site[k].from && l->loc.line <= site[k].to;
		if (ok)
			cand[ncand++] = l;
	}
	confirmed = ncand > 0;
	for (k = 0; k < nsite; k++)
		free(site[k].src);
	if (!confirmed) {
		size_t nall = 0;
		for (j = 0; j < lf->items.len; j++)
			if (!strcmp(lf->items.items[j]->rule, "body-not-closed") &&
			    lreal[j]) {
				if (ncand < MAX_HTTP)
					cand[ncand++] = lf->items.items[j];
				nall++;
			}
		if (!nall) {
			f->message = arena_printf(&fs->arena, "%s; lint rule "
						  "body-not-closed fires nowhere "
						  "under --src (are the requests "
						  "made by code outside it?)",
						  base.message);
			return 0;
		}
		if (nall > 1) {
			f->message = arena_printf(&fs->arena, "%s; lint rule "
						  "body-not-closed fires at %zu "
						  "places under --src (%s related): "
						  "the profiles do not tell which "
						  "of them runs", base.message,
						  nall, nall > ncand ? "the first five"
						  : "all");
			for (k = 0; k < ncand; k++)
				add_lint_related(fs, f, cand[k]);
			return ncand;
		}
	}
	f->message = base.message;
	for (k = 0; k < ncand; k++) {
		struct finding *g = f;
		if (k) {
			g = findings_add(fs, base.rule, base.severity,
					 base.confidence, &base.loc,
					 base.message, base.fix);
			for (i = 0; i < base.nrelated; i++)
				finding_add_related(fs, g, &base.related[i]);
		}
		g->loc.file = arena_strdup(&fs->arena, cand[k]->loc.file);
		g->loc.line = cand[k]->loc.line;
		g->loc.column = cand[k]->loc.column;
		if (confirmed)
			g->confidence = REPORT_CONF_HIGH;
		else
			g->message = arena_printf(&fs->arena, "%s; no sampled "
						  "request went through this "
						  "function to confirm it",
						  g->message);
		cite(fs, g, cand[k], "at this line");
	}
	return ncand;
}

size_t watch_src_link(struct findings *fs, const char *dir, int include_tests,
		      struct err *e)
{
	struct lint_options o;
	struct lint_result res;
	struct findings lf;
	char *paths[1], *rdir;
	char **lreal;
	size_t i, j, n = fs->items.len, cited = 0;

	rdir = realpath(dir, NULL);
	if (!rdir) {
		err_setf(e, "cannot read '%s': no such directory", dir);
		return 0;
	}
	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	findings_init(&lf);
	paths[0] = rdir;
	/* a finding in a _test.go file (a test binary's goroutines) needs
	 * the test files linted too */
	o.include_tests = include_tests;
	o.include_commands = 1;   /* the run-time evidence says it repeats */
	for (i = 0; i < n && !o.include_tests; i++) {
		const char *lf_file = fs->items.items[i]->loc.file;
		size_t fl = lf_file ? strlen(lf_file) : 0;
		if (fl > 8 && !strcmp(lf_file + fl - 8, "_test.go"))
			o.include_tests = 1;
	}
	if (lint_run(&o, paths, 1, &lf, &res, e) < 0) {
		findings_release(&lf);
		lint_result_release(&res);
		free(rdir);
		return 0;
	}
	lreal = xcalloc(lf.items.len + 1, sizeof(*lreal));
	for (j = 0; j < lf.items.len; j++)
		lreal[j] = realpath(lf.items.items[j]->loc.file, NULL);
	for (i = 0; i < n; i++) {
		struct finding *f = fs->items.items[i];
		char *src;
		int from, to;
		if (!strcmp(f->rule, "http-connection-growth")) {
			cited += http_link(fs, f, &lf, lreal, rdir);
			continue;
		}
		if (!linked_rule(f->rule) || !f->loc.file || !*f->loc.file ||
		    f->loc.line <= 0)
			continue;
		src = resolve(f->loc.file, rdir);
		if (!src)
			continue;
		func_range(src, f->loc.line, &from, &to);
		for (j = 0; j < lf.items.len; j++) {
			const struct finding *l = lf.items.items[j];
			if (!lreal[j] || strcmp(lreal[j], src) ||
			    l->loc.line < from || l->loc.line > to)
				continue;
			cite(fs, f, l, l->loc.line == f->loc.line
				       ? "at this line" : "in this function");
			cited++;
		}
		free(src);
	}
	for (j = 0; j < lf.items.len; j++)
		free(lreal[j]);
	free(lreal);
	findings_release(&lf);
	lint_result_release(&res);
	free(rdir);
	return cited;
}
