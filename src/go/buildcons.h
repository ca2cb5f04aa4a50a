/*
 * buildcons: decide, as the go tool does, whether a Go file is part of the
 * build: its name (`x_linux.go`, `x_windows_arm64_test.go`) and its build
 * constraints (`//go:build EXPR`, or the older `// +build` lines when it
 * has no //go:build line), for one GOOS/GOARCH and a set of tags.  Also
 * says whether a file is generated (`// Code generated ... DO NOT EDIT.`
 * before the package clause).
 *
 * Ownership: a go_build_ctx borrows its strings (the caller keeps them
 * alive); nothing here allocates beyond the call.  Pure functions, no I/O.
 */
#ifndef GO_BUILDCONS_H
#define GO_BUILDCONS_H

#include <stddef.h>

#define GO_BUILD_MAX_TAGS 64

struct go_build_ctx {
	const char *goos, *goarch;   /* e.g. "linux", "amd64" */
	int cgo;                     /* the "cgo" tag holds */
	int go_minor;                /* go1.1 .. go1.N hold; <= 0: every go1.N */
	const char *tags[GO_BUILD_MAX_TAGS];   /* -tags, borrowed */
	size_t ntags;
};

/* Fill ctx from the environment like the go tool: GOOS, GOARCH and
 * CGO_ENABLED if set, else the host (linux/amd64...) with cgo on, and the
 * comma-separated tags (may be NULL; the strings are split into buf, which
 * must outlive ctx).  Returns 0, or -1 when there are more than
 * GO_BUILD_MAX_TAGS tags. */
int go_build_ctx_init(struct go_build_ctx *ctx, const char *tags, char *buf,
		      size_t bufsize);

/* 1 if the file name (a path; only its last element counts) is built for
 * ctx: no _GOOS, _GOARCH or _GOOS_GOARCH suffix (before _test) that
 * differs from ctx's. */
int go_build_name_ok(const struct go_build_ctx *ctx, const char *path);

/* 1 if the constraints in the header of src[0..len) (the comments before
 * the package clause) hold for ctx, 0 if not.  A malformed expression is
 * taken as not satisfied, as the go tool excludes such files. */
int go_build_src_ok(const struct go_build_ctx *ctx, const char *src, size_t len);

/* Both in one pass over the header: returns go_build_src_ok's answer and
 * sets *generated (may be NULL) to go_build_is_generated's. */
int go_build_header(const struct go_build_ctx *ctx, const char *src, size_t len,
		    int *generated);

/* 1 if src has the generated-code comment of the Go convention
 * (^// Code generated .* DO NOT EDIT\.$) before its package clause. */
int go_build_is_generated(const char *src, size_t len);

/* 1 if the tag holds for ctx (GOOS, GOARCH, unix, cgo, gc, go1.N, -tags). */
int go_build_tag_ok(const struct go_build_ctx *ctx, const char *tag, size_t n);

#endif
