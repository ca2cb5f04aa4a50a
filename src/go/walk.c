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
 */
#include "walk.h"
#include "../base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void add(struct go_walk *w, char *path)
{
	w->paths = xgrow(w->paths, sizeof(*w->paths), w->n + 1, &w->cap);
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

static int walk_dir(struct go_walk *w, const char *dir, int all, int depth,
		    struct err *e)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (depth > 256)
		return err_setf(e, "cannot read '%s': directories nested too deeply",
				dir);
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
			if ((all || !skip_dir(names[i])) && rc == 0 &&
			    (all || !is_module_root(path)))
				rc = walk_dir(w, path, all, depth + 1, e);
			free(path);
		} else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) &&
			   is_go_file(names[i]) &&
			   (all || (names[i][0] != '.' && names[i][0] != '_'))) {
			add(w, path);
		} else {
			free(path);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
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
		if (stat(path, &st) < 0)
			return err_setf(e, "cannot read '%s': %s", path,
					strerror(errno));
		if (!S_ISDIR(st.st_mode)) {
			add(w, xstrdup(path));
			return 0;
		}
		dir = xstrdup(path);
	}
	if (stat(dir, &st) < 0) {
		rc = err_setf(e, "cannot read '%s': %s", dir, strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		rc = err_setf(e, "cannot read '%s': not a directory", dir);
	} else {
		rc = walk_dir(w, dir, all, 0, e);
	}
	free(dir);
	return rc;
}

void go_walk_release(struct go_walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->paths[i]);
	free(w->paths);
	for (size_t i = 0; i < w->nerrors; i++)
		free(w->errors[i]);
	free(w->errors);
	w->paths = NULL;
	w->n = w->cap = 0;
	w->errors = NULL;
	w->nerrors = w->errcap = 0;
}
