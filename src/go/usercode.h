/*
 * usercode: is a frame the user's code, a dependency, or the Go runtime and
 * standard library?  The one place leakhound decides it (goroutine groups'
 * blocking frames, watch's allocation and request sites, every "your code"
 * in a finding).
 *
 * The decision uses what the toolchain and the runtime say, never the shape
 * of a name (a module may be called `app`, `k` or `myapp`, with no dot):
 *   1. package main, and the main module's packages (its path read from the
 *      binary's build info or from the go.mod of --src) are the user's;
 *   2. a frame whose file lies under GOROOT (learnt from the runtime's own
 *      frames in the same dump or profile) is the standard library;
 *   3. a package in the standard library's package list (src/go/stdpkgs.h,
 *      generated from `go list std` by scripts/gen-go-stdpkgs.sh) is too,
 *      and so are the runtime's generated functions (type..eq.*, go.*);
 *   4. with the main module known, any other package whose first path
 *      element has no dot is the standard library too (the go command only
 *      accepts dot-less paths for the standard library and the main
 *      module), and one with a dot is a dependency;
 *   5. anything else is the user's.
 *
 * Ownership: a struct go_usercode holds copies of what it is told; it owns
 * no heap memory and can be copied.  go_usercode_global() is the process's
 * context, which the commands fill once (module path, GOROOT) and the
 * library reads.
 */
#ifndef GO_USERCODE_H
#define GO_USERCODE_H

#include <stddef.h>

enum go_code {
	GO_CODE_STD,   /* the Go runtime or standard library */
	GO_CODE_DEP,   /* a dependency of the main module */
	GO_CODE_USER,  /* package main or the main module */
};

struct go_usercode {
	char goroot[1024];   /* without the trailing '/'; "" when unknown */
	char module[512];    /* the main module path; "" when unknown */
	char modsrc[64];     /* where module came from: "build info", "go.mod" */
};

/* The process-wide context (zeroed at start). */
struct go_usercode *go_usercode_global(void);

/* Set the main module path (n bytes of path). */
void go_usercode_set_module(struct go_usercode *u, const char *path, size_t n,
			    const char *from);

/* Read the main module path from the build info of the Go binary at path
 * (the "mod" line of its module info).  Returns 1 when found (u->module
 * set), 0 when the file is not a Go binary or has no module info (built
 * outside a module), -1 when it cannot be read. */
int go_usercode_from_binary(struct go_usercode *u, const char *path);

/* Read the main module path from the go.mod of dir or of its nearest
 * parent holding one.  Returns 1 when found, 0 otherwise. */
int go_usercode_from_gomod(struct go_usercode *u, const char *dir);

/* Learn GOROOT from a runtime frame: when func is in package runtime and
 * file ends in "/src/runtime/NAME.go", GOROOT is what comes before
 * "/src/runtime/".  Returns 1 when u->goroot was set by this call. */
int go_usercode_learn_goroot(struct go_usercode *u, const char *func,
			     const char *file);

/* Classify the frame func (full name, "net/http.(*conn).serve") in file
 * (may be NULL or "" when the input does not say). */
enum go_code go_usercode_classify(const struct go_usercode *u,
				  const char *func, const char *file);

/* 1 if the frame is the runtime or standard library. */
int go_usercode_is_std(const struct go_usercode *u, const char *func,
		       const char *file);

/* The import path of func's package into out (size n): "net/http" for
 * "net/http.(*conn).serve", "main" for "main.main".  Returns its length,
 * or 0 when func is empty. */
size_t go_usercode_package(const char *func, char *out, size_t n);

#endif
