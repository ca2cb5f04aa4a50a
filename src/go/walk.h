/*
 * walk: expand command-line paths into Go source files the way the go tool
 * sees packages.
 *
 * A file argument is taken as is (whatever its name); a directory is walked
 * recursively for *.go files, skipping directories named testdata or
 * vendor, those whose name starts with '_' or '.', and nested modules
 * (a subdirectory holding its own go.mod) unless `all`;
 * "DIR/..." means DIR walked the same way.  The result is sorted by path
 * (byte order) within each argument, arguments in the order given, so runs
 * are reproducible.
 */
#ifndef GO_WALK_H
#define GO_WALK_H

#include <stddef.h>
#include "../base/err.h"

struct go_walk {
	char **paths;   /* heap strings, owned by the struct */
	/* below[i]: offset in paths[i] of the part below the directory the
	 * argument named (0 when the path is at that directory's top; the
	 * whole length for a file named itself), so a caller can tell what
	 * was found by walking from what was asked for */
	size_t *below;
	size_t n, cap, below_cap, cur_below;
	/* directories that could not be read ("cannot read 'DIR': REASON"),
	 * heap strings owned by the struct: the walk goes on without them,
	 * as lint goes on past an unreadable file */
	char **errors;
	size_t nerrors, errcap;
};

#define GO_WALK_INIT { NULL, NULL, 0, 0, 0, 0, NULL, 0, 0 }

/* Add the Go files found under path to w.  all: do not skip testdata,
 * vendor, _* and .* directories.  A directory (named or found) that
 * cannot be listed is added to w->errors and skipped.  Returns 0, or -1
 * with e filled ("cannot read 'x': No such file or directory") when path
 * does not exist; files found before the error stay in w. */
int go_walk_add(struct go_walk *w, const char *path, int all, struct err *e);

void go_walk_release(struct go_walk *w);

#endif
