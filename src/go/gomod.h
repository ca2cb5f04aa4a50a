/*
 * gomod: the parts of a go.mod file that decide how Go code behaves.
 *
 * leakhound needs four things from go.mod: the module path (to tell the
 * module's own packages from others), the `go` line (language version, which
 * decides the timer semantics), the `toolchain` line and the `godebug` lines
 * (asynctimerchan=1 restores the pre-1.23 timers).  Everything else
 * (require, replace, exclude, retract, tool, ...) is skipped, but its syntax
 * is still checked enough to find the lines we want: go.mod is line based,
 * a verb may open a parenthesised block of lines, strings may be quoted.
 *
 * Ownership: every string of a parsed go_mod lives in the arena passed to
 * go_mod_parse.  A go.work file has the same syntax: go_mod_parse reads
 * it too and keeps its use lines.
 */
#ifndef GO_GOMOD_H
#define GO_GOMOD_H

#include <stddef.h>
#include "../base/arena.h"
#include "../base/err.h"

/* A Go release as major.minor.patch; {0,0,0} means unknown. */
struct go_version {
	int major, minor, patch;
};

struct go_mod_godebug {
	const char *key;
	const char *value;
	int line;
};

struct go_mod {
	const char *module;        /* NULL when there is no module line */
	const char *go;            /* the go line as written ("1.22.1"), or NULL */
	struct go_version go_version;
	const char *toolchain;     /* "go1.23.4", or NULL */
	struct go_version toolchain_version;
	struct go_mod_godebug *godebug;  /* in file order */
	size_t ngodebug;
	int go_line, toolchain_line;     /* 0 when absent */
	/* the use lines of a go.work (same syntax, read by go_mod_parse):
	 * module directories as written, in file order */
	const char **use;
	size_t nuse;
};

/* Parse the go.mod text src (len bytes; need not be NUL-terminated) named
 * path (only used in messages).  Returns 0 and fills *mod, or -1 with e set
 * to "PATH:LINE: message" for text the go command would also refuse
 * (unterminated string or block, a malformed go or toolchain version, a
 * second module line). */
int go_mod_parse(struct arena *a, const char *path, const char *src,
		 size_t len, struct go_mod *mod, struct err *e);

/* Parse "1.21", "1.21.3", "1.21rc1", "go1.23.0" (a leading "go" is allowed)
 * into *v.  Pre-release suffixes count as the release they lead to minus
 * nothing (1.21rc1 is treated as 1.21.0).  Returns 0, or -1 if s is not a
 * version. */
int go_version_parse(const char *s, size_t n, struct go_version *v);

/* <0, 0, >0 like strcmp. */
int go_version_cmp(struct go_version a, struct go_version b);

/* The value of godebug key in mod, or NULL (the last setting wins). */
const char *go_mod_godebug_get(const struct go_mod *mod, const char *key);

#endif
