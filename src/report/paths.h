/*
 * paths: a finding's file as a path relative to the repository root, the
 * form code scanning (SARIF's %SRCROOT%) and the CI formats (GitHub
 * annotations, Checkstyle, GitLab code quality) expect.
 *
 * The root is the nearest directory upward from the working directory that
 * holds .git, else the working directory.  A path is mapped lexically
 * ("." and ".." resolved, no symlinks followed); an absolute path from
 * another machine (a goroutine dump's frames) maps by its longest suffix
 * that names a file here.  No allocation: callers own every buffer.
 */
#ifndef REPORT_PATHS_H
#define REPORT_PATHS_H

#include <limits.h>
#include <stddef.h>

struct report_paths {
	char cwd[PATH_MAX];
	char root[PATH_MAX];
};

/* Find the working directory and the repository root. */
void report_paths_init(struct report_paths *p);

/* base + "/" + path (path itself when absolute), "." and ".." resolved
 * lexically, into out (size bytes, always terminated). */
void report_paths_join(char *out, size_t size, const char *base, const char *path);

/* The path relative to the root into rel; 0 when it is outside the root
 * (the Go toolchain's sources, another tree) or empty. */
int report_paths_map(const struct report_paths *p, const char *path,
		     char *rel, size_t size);

#endif
