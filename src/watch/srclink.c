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

size_t watch_src_link(struct findings *fs, const char *dir, struct err *e)
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
		if (!linked_rule(f->rule) || !f->loc.file || !*f->loc.file ||
		    f->loc.line <= 0)
			continue;
		src = resolve(f->loc.file, rdir);
		if (!src)
			continue;
		func_range(src, f->loc.line, &from, &to);
		for (j = 0; j < lf.items.len; j++) {
			const struct finding *l = lf.items.items[j];
			struct report_loc rel;
			const char *how;
			if (!lreal[j] || strcmp(lreal[j], src) ||
			    l->loc.line < from || l->loc.line > to)
				continue;
			how = l->loc.line == f->loc.line ? "at this line"
							 : "in this function";
			f->message = arena_printf(&fs->arena, "%s; lint rule %s "
						  "fires %s (%s:%d)", f->message,
						  l->rule, how, l->loc.file,
						  l->loc.line);
			memset(&rel, 0, sizeof(rel));
			rel.file = l->loc.file;
			rel.line = l->loc.line;
			rel.column = l->loc.column;
			rel.message = arena_printf(&fs->arena, "[%s] %s", l->rule,
						   l->message);
			finding_add_related(fs, f, &rel);
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
