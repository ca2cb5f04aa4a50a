/*
 * buildcons: file names and build constraints, as the go tool reads them
 * (go help buildconstraint).
 */
#include "buildcons.h"

#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

static const char *const known_os[] = {
	"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
	"ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris",
	"wasip1", "windows", "zos", NULL,
};

static const char *const unix_os[] = {
	"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
	"ios", "linux", "netbsd", "openbsd", "solaris", NULL,
};

static const char *const known_arch[] = {
	"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
	"mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le",
	"ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc",
	"sparc64", "wasm", NULL,
};

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, s, n))
			return 1;
	return 0;
}

static int eq(const char *a, const char *s, size_t n)
{
	return a && strlen(a) == n && !memcmp(a, s, n);
}

static const char *host_arch(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		return "amd64";
	if (!strcmp(u.machine, "x86_64"))
		return "amd64";
	if (!strcmp(u.machine, "aarch64") || !strcmp(u.machine, "arm64"))
		return "arm64";
	if (u.machine[0] == 'i' && !strcmp(u.machine + 2, "86"))
		return "386";
	if (!strncmp(u.machine, "arm", 3))
		return "arm";
	for (const char *const *a = known_arch; *a; a++)
		if (!strcmp(u.machine, *a))
			return *a;
	return "amd64";
}

int go_build_ctx_init(struct go_build_ctx *ctx, const char *tags, char *buf,
		      size_t bufsize)
{
	const char *os = getenv("GOOS"), *arch = getenv("GOARCH");
	const char *cgo = getenv("CGO_ENABLED");

	memset(ctx, 0, sizeof(*ctx));
	ctx->goos = os && *os ? os : "linux";
	ctx->goarch = arch && *arch ? arch : host_arch();
	/* like the go tool: cgo is on by default only when not cross-compiling */
	if (cgo && *cgo)
		ctx->cgo = strcmp(cgo, "0") != 0;
	else
		ctx->cgo = !strcmp(ctx->goos, "linux") &&
			   !strcmp(ctx->goarch, host_arch());
	if (tags && *tags && bufsize) {
		char *p;

		strncpy(buf, tags, bufsize - 1);
		buf[bufsize - 1] = '\0';
		p = buf;
		while (*p) {
			char *q = p + strcspn(p, ", ");

			if (q > p) {
				if (ctx->ntags == GO_BUILD_MAX_TAGS)
					return -1;
				ctx->tags[ctx->ntags++] = p;
			}
			if (!*q)
				break;
			*q = '\0';
			p = q + 1;
		}
	}
	return 0;
}

/* GOOS=android also satisfies linux, illumos solaris, ios darwin. */
static int os_matches(const struct go_build_ctx *ctx, const char *s, size_t n)
{
	if (eq(ctx->goos, s, n))
		return 1;
	if (eq("linux", s, n) && !strcmp(ctx->goos, "android"))
		return 1;
	if (eq("solaris", s, n) && !strcmp(ctx->goos, "illumos"))
		return 1;
	if (eq("darwin", s, n) && !strcmp(ctx->goos, "ios"))
		return 1;
	return 0;
}

int go_build_tag_ok(const struct go_build_ctx *ctx, const char *tag, size_t n)
{
	if (os_matches(ctx, tag, n) || eq(ctx->goarch, tag, n))
		return 1;
	if (eq("unix", tag, n))
		return in_list(unix_os, ctx->goos, strlen(ctx->goos));
	if (eq("cgo", tag, n))
		return ctx->cgo;
	if (eq("gc", tag, n))
		return 1;
	if (n > 4 && !memcmp(tag, "go1.", 4)) {
		int minor = 0;

		for (size_t i = 4; i < n; i++) {
			if (tag[i] < '0' || tag[i] > '9' || minor > 1000)
				return 0;
			minor = minor * 10 + (tag[i] - '0');
		}
		return ctx->go_minor <= 0 || minor <= ctx->go_minor;
	}
	for (size_t i = 0; i < ctx->ntags; i++)
		if (eq(ctx->tags[i], tag, n))
			return 1;
	return 0;
}

int go_build_name_ok(const struct go_build_ctx *ctx, const char *path)
{
	const char *base = strrchr(path, '/');
	const char *elems[3];
	size_t lens[3], ne = 0;
	size_t n;
	const char *p, *end;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 3 && !strcmp(base + n - 3, ".go"))
		n -= 3;
	if (n > 5 && !memcmp(base + n - 5, "_test", 5))
		n -= 5;
	/* the last two '_'-separated elements, the first element excluded
	 * (a file named linux.go has no suffix) */
	end = base + n;
	p = end;
	while (ne < 2) {
		const char *u = p;

		while (u > base && u[-1] != '_')
			u--;
		if (u == base)
			break;
		elems[ne] = u;
		lens[ne] = (size_t)(p - u);
		ne++;
		p = u - 1;
	}
	if (ne >= 2 && in_list(known_os, elems[1], lens[1]) &&
	    in_list(known_arch, elems[0], lens[0]))
		return os_matches(ctx, elems[1], lens[1]) &&
		       eq(ctx->goarch, elems[0], lens[0]);
	if (ne >= 1 && in_list(known_os, elems[0], lens[0]))
		return os_matches(ctx, elems[0], lens[0]);
	if (ne >= 1 && in_list(known_arch, elems[0], lens[0]))
		return eq(ctx->goarch, elems[0], lens[0]);
	return 1;
}

/* ---- //go:build expressions: || && ! ( ) and tags ---- */

struct expr {
	const struct go_build_ctx *ctx;
	const char *p, *end;
	int bad, depth;
};

static void skip_space(struct expr *x)
{
	while (x->p < x->end && (*x->p == ' ' || *x->p == '\t'))
		x->p++;
}

static int is_tag_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static int parse_or(struct expr *x);

static int parse_not(struct expr *x)
{
	skip_space(x);
	if (x->p >= x->end) {
		x->bad = 1;
		return 0;
	}
	if (*x->p == '!') {
		x->p++;
		return !parse_not(x);
	}
	if (*x->p == '(') {
		int v;

		if (++x->depth > 100) {
			x->bad = 1;
			return 0;
		}
		x->p++;
		v = parse_or(x);
		skip_space(x);
		if (x->p >= x->end || *x->p != ')')
			x->bad = 1;
		else
			x->p++;
		x->depth--;
		return v;
	}
	{
		const char *s = x->p;

		while (x->p < x->end && is_tag_char(*x->p))
			x->p++;
		if (x->p == s) {
			x->bad = 1;
			return 0;
		}
		return go_build_tag_ok(x->ctx, s, (size_t)(x->p - s));
	}
}

static int parse_and(struct expr *x)
{
	int v = parse_not(x);

	for (;;) {
		skip_space(x);
		if (x->bad || x->end - x->p < 2 || x->p[0] != '&' || x->p[1] != '&')
			return v;
		x->p += 2;
		v = parse_not(x) && v;
	}
}

static int parse_or(struct expr *x)
{
	int v = parse_and(x);

	for (;;) {
		skip_space(x);
		if (x->bad || x->end - x->p < 2 || x->p[0] != '|' || x->p[1] != '|')
			return v;
		x->p += 2;
		v = parse_and(x) || v;
	}
}

static int eval_gobuild(const struct go_build_ctx *ctx, const char *s, size_t n)
{
	struct expr x = { ctx, s, s + n, 0, 0 };
	int v = parse_or(&x);

	skip_space(&x);
	if (x.p < x.end && !(x.end - x.p >= 2 && x.p[0] == '/' && x.p[1] == '/'))
		x.bad = 1;
	return x.bad ? 0 : v;
}

/* One `// +build` line: space-separated options ORed, each a
 * comma-separated AND of possibly negated tags. */
static int eval_plusbuild(const struct go_build_ctx *ctx, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	int any = 0;

	while (p < end) {
		const char *w;
		int all = 1;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= end)
			break;
		w = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		while (w < p) {
			const char *c = w;
			int neg = 0, ok;

			while (c < p && *c != ',')
				c++;
			if (*w == '!') {
				neg = 1;
				w++;
			}
			ok = w < c && go_build_tag_ok(ctx, w, (size_t)(c - w));
			if (neg ? ok : !ok)
				all = 0;
			w = c < p ? c + 1 : c;
		}
		any |= all;
	}
	return any;
}

/* Walk the header: blank lines, // comments and block comments before
 * the first other text.  fn is called on each // line (text after the
 * slashes, its length, the offset of the line); it returns nonzero to
 * stop.  Returns the offset where the header ends. */
typedef int (*line_fn)(void *arg, const char *text, size_t n, size_t off);

static size_t walk_header(const char *src, size_t len, line_fn fn, void *arg)
{
	size_t i = 0;

	while (i < len) {
		size_t eol = i;

		while (eol < len && src[eol] != '\n')
			eol++;
		{
			size_t j = i;

			while (j < eol && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r'))
				j++;
			if (j == eol) {
				if (fn(arg, NULL, 0, i))
					return i;
			} else if (eol - j >= 2 && src[j] == '/' && src[j + 1] == '/') {
				size_t e = eol;

				if (e > j && src[e - 1] == '\r')
					e--;
				if (fn(arg, src + j + 2, e - j - 2, i))
					return i;
			} else if (eol - j >= 2 && src[j] == '/' && src[j + 1] == '*') {
				/* a block comment: skip to its end; text after
				 * it on the same line ends the header */
				const char *close = NULL;

				for (size_t k = j + 2; k + 1 < len; k++)
					if (src[k] == '*' && src[k + 1] == '/') {
						close = src + k;
						break;
					}
				if (!close)
					return i;
				j = (size_t)(close - src) + 2;
				while (j < len && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r'))
					j++;
				if (j < len && src[j] != '\n')
					return i;
				eol = j;
			} else {
				return i;
			}
		}
		i = eol + 1;
	}
	return len;
}

struct scan {
	const struct go_build_ctx *ctx;
	int have_gobuild, gobuild_ok;
	int plus_ok;            /* AND of the +build lines seen */
	int plus_pending;       /* +build lines since the last blank line */
	int plus_pending_ok;
	int generated;
};

static int starts(const char *s, size_t n, const char *pre)
{
	size_t m = strlen(pre);

	return n >= m && !memcmp(s, pre, m);
}

static int scan_line(void *arg, const char *t, size_t n, size_t off)
{
	struct scan *sc = arg;

	(void)off;
	if (!t) {
		/* a blank line: the +build lines above it count */
		if (sc->plus_pending && !sc->plus_pending_ok)
			sc->plus_ok = 0;
		sc->plus_pending = 0;
		sc->plus_pending_ok = 1;
		return 0;
	}
	if (starts(t, n, "go:build") && (n == 8 || t[8] == ' ' || t[8] == '\t')) {
		if (!sc->have_gobuild) {
			sc->have_gobuild = 1;
			sc->gobuild_ok = eval_gobuild(sc->ctx, t + 8, n - 8);
		}
		return 0;
	}
	{
		size_t k = 0;

		while (k < n && (t[k] == ' ' || t[k] == '\t'))
			k++;
		if (starts(t + k, n - k, "+build") &&
		    (n - k == 6 || t[k + 6] == ' ' || t[k + 6] == '\t')) {
			if (!sc->plus_pending)
				sc->plus_pending_ok = 1;
			sc->plus_pending = 1;
			if (!eval_plusbuild(sc->ctx, t + k + 6, n - k - 6))
				sc->plus_pending_ok = 0;
			return 0;
		}
	}
	if (starts(t, n, " Code generated ") && n >= 16 + 13 &&
	    !memcmp(t + n - 13, " DO NOT EDIT.", 13))
		sc->generated = 1;
	return 0;
}

static void scan_header(struct scan *sc, const char *src, size_t len)
{
	sc->plus_ok = 1;
	sc->plus_pending = 0;
	sc->plus_pending_ok = 1;
	walk_header(src, len, scan_line, sc);
	/* +build lines not followed by a blank line do not count */
}

int go_build_header(const struct go_build_ctx *ctx, const char *src, size_t len,
		    int *generated)
{
	struct scan sc;

	memset(&sc, 0, sizeof(sc));
	sc.ctx = ctx;
	scan_header(&sc, src, len);
	if (generated)
		*generated = sc.generated;
	return sc.have_gobuild ? sc.gobuild_ok : sc.plus_ok;
}

int go_build_src_ok(const struct go_build_ctx *ctx, const char *src, size_t len)
{
	return go_build_header(ctx, src, len, NULL);
}

int go_build_is_generated(const char *src, size_t len)
{
	struct go_build_ctx none;
	int generated;

	memset(&none, 0, sizeof(none));
	none.goos = "linux";
	none.goarch = "amd64";
	go_build_header(&none, src, len, &generated);
	return generated;
}
