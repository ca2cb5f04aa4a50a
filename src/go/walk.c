/*
 * walk: find the Go files of the packages named on the command line.
 *
 * Directory entries are read with opendir/readdir and sorted, so the order
 * of files (and therefore of findings and dumps) does not depend on the
 * file system.  Symbolic links to directories are followed only when named
 * on the command line, like the go tool's "./..." which does not follow
 * them, so a link cycle cannot make the walk loop.  A subdirectory with its
 * own go.mod is a nested module and is not descended into (as the go tool
 * does not), unless every directory is asked for.
 *
 * Workspaces and import paths: DIR/... where DIR holds a go.work walks
 * every module the go.work uses that lies under DIR (each one stopping at
 * its own nested modules).  A pattern that is not a file or directory and
 * does not start with '.' or '/' is an import path (example.com/m/pkg, or
 * example.com/m/pkg/... for the tree): it resolves through the modules of
 * the go.work found upward from the working directory (not with
 * GOWORK=off), or else of the nearest go.mod, to the directory of the
 * package.
 */
#include "walk.h"
#include "gomod.h"
#include "../base/file.h"
#include "../base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void add(struct go_walk *w, char *path, size_t below)
{
	w->paths = xgrow(w->paths, sizeof(*w->paths), w->n + 1, &w->cap);
	w->below = xgrow(w->below, sizeof(*w->below), w->n + 1, &w->below_cap);
	w->below[w->n] = below;
	w->paths[w->n++] = path;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_go_file(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcmp(name + n - 3, ".go");
}

static int skip_dir(const char *name)
{
	return name[0] == '.' || name[0] == '_' || !strcmp(name, "testdata") ||
		!strcmp(name, "vendor");
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s = xmalloc(a + b + 2);

	memcpy(s, dir, a);
	if (a && dir[a - 1] != '/')
		s[a++] = '/';
	memcpy(s + a, name, b + 1);
	return s;
}

/* A directory below the one named holding its own go.mod is another
 * module: the go tool's "./..." does not descend into it. */
static int is_module_root(const char *dir)
{
	char *p = join(dir, "go.mod");
	struct stat st;
	int yes = stat(p, &st) == 0 && S_ISREG(st.st_mode);

	free(p);
	return yes;
}

static int walk_dir(struct go_walk *w, const char *dir, int all, int flat,
		    int depth, struct err *e)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (depth > 256)
		return err_setf(e, "cannot read '%s': directories nested too deeply",
				dir);
	if (depth == 0) {
		size_t dl = strlen(dir);

		w->cur_below = dl && dir[dl - 1] == '/' ? dl : dl + 1;
	}
	d = opendir(dir);
	if (!d) {
		struct err derr = ERR_INIT;

		err_setf(&derr, "cannot read '%s': %s", dir, strerror(errno));
		w->errors = xgrow(w->errors, sizeof(*w->errors), w->nerrors + 1,
				  &w->errcap);
		w->errors[w->nerrors++] = xstrdup(derr.msg);
		return 0;
	}
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		names = xgrow(names, sizeof(*names), n + 1, &cap);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		char *path = join(dir, names[i]);
		struct stat st;
		if (lstat(path, &st) < 0) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!flat && (all || !skip_dir(names[i])) && rc == 0 &&
			    (all || !is_module_root(path)))
				rc = walk_dir(w, path, all, 0, depth + 1, e);
			free(path);
		} else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) &&
			   is_go_file(names[i]) &&
			   (all || (names[i][0] != '.' && names[i][0] != '_'))) {
			add(w, path, w->cur_below);
		} else {
			free(path);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* Parse DIR/NAME (a go.mod or go.work) into mod, strings in a.  1 if
 * read, 0 if there is no such file, -1 with e set if it cannot be read or
 * parsed. */
static int read_modfile(struct arena *a, const char *dir, const char *name,
			struct go_mod *mod, struct err *e)
{
	char *p = join(dir, name), *src;
	struct stat st;
	size_t len;
	int rc;

	if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(p);
		return 0;
	}
	src = file_read_all(p, (size_t)1 << 20, &len, e);
	if (!src) {
		free(p);
		return -1;
	}
	rc = go_mod_parse(a, p, src, len, mod, e) < 0 ? -1 : 1;
	free(src);
	free(p);
	return rc;
}

/* The directory of a go.work use line (heap), from the go.work's
 * directory wdir as given: "./a" under "." is "a", under "w" "w/a". */
static char *use_dir(const char *wdir, const char *use)
{
	char *d;
	size_t n;

	while (use[0] == '.' && use[1] == '/')
		use += 2;
	if (use[0] == '/')
		d = xstrdup(use);
	else if (!use[0] || !strcmp(use, "."))
		d = xstrdup(wdir);
	else if (!strcmp(wdir, "."))
		d = xstrdup(use);
	else
		d = join(wdir, use);
	n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	return d;
}

/* 1 if the directory sub is dir or below it (both resolved). */
static int is_under(const char *dir, const char *sub)
{
	char a[PATH_MAX], b[PATH_MAX];
	size_t n;

	if (!realpath(dir, a) || !realpath(sub, b))
		return 0;
	n = strlen(a);
	if (n == 1)
		return 1;
	return !strncmp(a, b, n) && (b[n] == '/' || b[n] == '\0');
}

struct wmod {
	char *path;   /* module path (heap) */
	char *dir;    /* its directory, relative to the working directory */
};

static void wmods_free(struct wmod *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].path);
		free(m[i].dir);
	}
	free(m);
}

/* The modules an import path resolves in: those the go.work found upward
 * from the working directory uses, or else the nearest go.mod's.  Returns
 * 0 (*out may be empty), or -1 with e set on a bad go.work or go.mod. */
static int find_modules(struct wmod **out, size_t *nout, struct err *e)
{
	static const char *const names[] = { "go.work", "go.mod" };
	struct wmod *m = NULL;
	size_t n = 0, cap = 0;

	const char *gowork = getenv("GOWORK");

	/* GOWORK=off: no workspace, as for the go command */
	for (int k = gowork && !strcmp(gowork, "off") ? 1 : 0; k < 2 && !n; k++) {
		char rel[PATH_MAX] = ".", real[PATH_MAX];

		for (int up = 0; up < 128; up++) {
			struct arena a;
			struct go_mod mod;
			int rc;

			arena_init(&a);
			rc = read_modfile(&a, rel, names[k], &mod, e);
			if (rc < 0) {
				arena_release(&a);
				wmods_free(m, n);
				return -1;
			}
			if (rc && k == 0) {
				for (size_t i = 0; i < mod.nuse; i++) {
					struct arena ma;
					struct go_mod mm;
					char *d = use_dir(rel, mod.use[i]);

					arena_init(&ma);
					if (read_modfile(&ma, d, "go.mod", &mm, e) < 0) {
						arena_release(&ma);
						arena_release(&a);
						free(d);
						wmods_free(m, n);
						return -1;
					}
					if (mm.module) {
						m = xgrow(m, sizeof(*m), n + 1, &cap);
						m[n].path = xstrdup(mm.module);
						m[n++].dir = d;
					} else {
						free(d);
					}
					arena_release(&ma);
				}
			} else if (rc && mod.module) {
				m = xgrow(m, sizeof(*m), n + 1, &cap);
				m[n].path = xstrdup(mod.module);
				m[n++].dir = xstrdup(rel);
			}
			arena_release(&a);
			if (rc)
				break;
			if (!realpath(rel, real) || !strcmp(real, "/") ||
			    strlen(rel) + 4 >= sizeof(rel))
				break;
			if (!strcmp(rel, "."))
				strcpy(rel, "..");
			else
				strcat(rel, "/..");
		}
	}
	*out = m;
	*nout = n;
	return 0;
}

/* pat (an import path, without its "/..." when recursive) names packages
 * of the modules: add their files.  1 if a module provides it, 0 if none
 * does, -1 with e set. */
static int walk_import_path(struct go_walk *w, const char *pat, int recursive,
			    int all, struct err *e)
{
	struct wmod *m;
	size_t n, i, lp = strlen(pat);
	int matched = 0, rc = 0;

	if (find_modules(&m, &n, e) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		size_t lm = strlen(m[i].path);
		char *target;
		struct stat st;

		if (!strcmp(pat, m[i].path))
			target = xstrdup(m[i].dir);
		else if (lp > lm && !strncmp(pat, m[i].path, lm) && pat[lm] == '/')
			target = join(m[i].dir, pat + lm + 1);
		else if (recursive && lm > lp && !strncmp(m[i].path, pat, lp) &&
			 m[i].path[lp] == '/')
			target = xstrdup(m[i].dir);
		else
			continue;
		matched = 1;
		if (stat(target, &st) == 0 && S_ISDIR(st.st_mode))
			rc = walk_dir(w, target, all, !recursive, 0, e);
		free(target);
	}
	wmods_free(m, n);
	return rc < 0 ? -1 : matched;
}

/* DIR holds a go.work (and not all): walk each module it uses under DIR.
 * 1 if it did, 0 if there is no go.work, -1 with e set. */
static int walk_workspace(struct go_walk *w, const char *dir, struct err *e)
{
	struct arena a;
	struct go_mod work;
	int rc;

	arena_init(&a);
	rc = read_modfile(&a, dir, "go.work", &work, e);
	for (size_t i = 0; rc > 0 && i < work.nuse; i++) {
		char *d = use_dir(dir, work.use[i]);
		struct stat st;

		if (stat(d, &st) == 0 && S_ISDIR(st.st_mode) && is_under(dir, d) &&
		    walk_dir(w, d, 0, 0, 0, e) < 0)
			rc = -1;
		free(d);
	}
	arena_release(&a);
	return rc;
}

static int is_import_pattern(const char *p)
{
	return p[0] && p[0] != '.' && p[0] != '/';
}

int go_walk_add(struct go_walk *w, const char *path, int all, struct err *e)
{
	size_t len = strlen(path);
	char *dir = NULL;
	struct stat st;
	int rc;

	if (len >= 4 && !strcmp(path + len - 4, "/...")) {
		dir = xstrndup(path, len - 4);
	} else if (!strcmp(path, "...")) {
		dir = xstrdup(".");
	}
	if (!dir) {
		if (stat(path, &st) < 0) {
			int err = errno;

			if (is_import_pattern(path)) {
				rc = walk_import_path(w, path, 0, all, e);
				if (rc)
					return rc < 0 ? -1 : 0;
			}
			return err_setf(e, "cannot read '%s': %s", path,
					strerror(err));
		}
		if (!S_ISDIR(st.st_mode)) {
			add(w, xstrdup(path), len);
			return 0;
		}
		dir = xstrdup(path);
	}
	if (stat(dir, &st) < 0) {
		int err = errno;

		rc = is_import_pattern(dir) ? walk_import_path(w, dir, 1, all, e) : 0;
		if (rc > 0)
			rc = 0;
		else if (rc == 0)
			rc = err_setf(e, "cannot read '%s': %s", dir, strerror(err));
	} else if (!S_ISDIR(st.st_mode)) {
		rc = err_setf(e, "cannot read '%s': not a directory", dir);
	} else if (!all && (rc = walk_workspace(w, dir, e)) != 0) {
		rc = rc < 0 ? -1 : 0;
	} else {
		rc = walk_dir(w, dir, all, 0, 0, e);
	}
	free(dir);
	return rc;
}

void go_walk_release(struct go_walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->paths[i]);
	free(w->paths);
	free(w->below);
	w->below = NULL;
	w->below_cap = 0;
	for (size_t i = 0; i < w->nerrors; i++)
		free(w->errors[i]);
	free(w->errors);
	w->paths = NULL;
	w->n = w->cap = 0;
	w->errors = NULL;
	w->nerrors = w->errcap = 0;
}
