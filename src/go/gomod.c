/*
 * gomod: a go.mod reader that keeps only module, go, toolchain and godebug.
 *
 * The file is read line by line with a small tokenizer (words, quoted
 * strings, parentheses, // comments).  A verb followed by "(" opens a block
 * whose lines all take that verb, as the go command reads it.  We never
 * allocate per token: tokens are slices of the input until a value we keep
 * is copied into the arena.
 */
#include "gomod.h"

#include <string.h>

#define MAX_TOKS 8

struct tok {
	const char *s;
	size_t n;
	int quoted;   /* 1 for "..." (escapes inside), 2 for `...` */
};

struct line {
	struct tok t[MAX_TOKS];
	int n;        /* tokens kept (at most MAX_TOKS) */
	int total;    /* tokens seen */
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Tokenize the line that starts at *pos; leave *pos after its newline.
 * Returns 0 or -1 (e set) for an unterminated string. */
static int read_line(const char *path, int lineno, const char *src, size_t len,
		     size_t *pos, struct line *ln, struct err *e)
{
	size_t i = *pos;

	ln->n = ln->total = 0;
	while (i < len && src[i] != '\n') {
		struct tok t = { src + i, 0, 0 };

		if (is_space(src[i])) {
			i++;
			continue;
		}
		if (src[i] == '/' && i + 1 < len && src[i + 1] == '/') {
			while (i < len && src[i] != '\n')
				i++;
			break;
		}
		if (src[i] == '(' || src[i] == ')') {
			t.n = 1;
			i++;
		} else if (src[i] == '"' || src[i] == '`') {
			char q = src[i];
			size_t start = ++i;

			while (i < len && src[i] != q && src[i] != '\n') {
				if (q == '"' && src[i] == '\\' && i + 1 < len &&
				    src[i + 1] != '\n')
					i++;
				i++;
			}
			if (i >= len || src[i] != q)
				return err_setf(e, "%s:%d: unterminated string",
						path, lineno);
			t.s = src + start;
			t.n = i - start;
			t.quoted = q == '"' ? 1 : 2;
			i++;
		} else {
			size_t start = i;

			while (i < len && !is_space(src[i]) && src[i] != '\n' &&
			       src[i] != '(' && src[i] != ')' && src[i] != '"' &&
			       src[i] != '`' &&
			       !(src[i] == '/' && i + 1 < len && src[i + 1] == '/'))
				i++;
			t.n = i - start;
		}
		if (ln->n < MAX_TOKS)
			ln->t[ln->n++] = t;
		ln->total++;
	}
	*pos = i < len ? i + 1 : i;
	return 0;
}

static int tok_is(const struct tok *t, const char *s)
{
	return !t->quoted && t->n == strlen(s) && !memcmp(t->s, s, t->n);
}

/* Copy a token's value, undoing the simple escapes of a "..." string. */
static char *tok_value(struct arena *a, const struct tok *t)
{
	char *out = arena_alloc(a, t->n + 1), *o = out;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (t->quoted == 1 && t->s[i] == '\\' && i + 1 < t->n)
			i++;
		*o++ = t->s[i];
	}
	*o = '\0';
	return out;
}

static int parse_num(const char **p, const char *end, int *out)
{
	long v = 0;
	const char *s = *p;

	if (s >= end || *s < '0' || *s > '9')
		return -1;
	if (*s == '0' && s + 1 < end && s[1] >= '0' && s[1] <= '9')
		return -1;
	while (s < end && *s >= '0' && *s <= '9') {
		v = v * 10 + (*s - '0');
		if (v > 1000000)
			return -1;
		s++;
	}
	*out = (int)v;
	*p = s;
	return 0;
}

int go_version_parse(const char *s, size_t n, struct go_version *v)
{
	const char *p = s, *end = s + n;

	v->major = v->minor = v->patch = 0;
	if (n >= 2 && s[0] == 'g' && s[1] == 'o')
		p += 2;
	if (parse_num(&p, end, &v->major) < 0 || v->major == 0)
		return -1;
	if (p == end)
		return 0;   /* "go1" is an old but valid language version */
	if (*p != '.')
		return -1;
	p++;
	if (parse_num(&p, end, &v->minor) < 0)
		return -1;
	if (p < end && *p == '.') {
		p++;
		if (parse_num(&p, end, &v->patch) < 0)
			return -1;
	}
	/* a pre-release suffix: letters then digits (rc1, beta2) */
	if (p < end) {
		const char *q = p;

		while (q < end && *q >= 'a' && *q <= 'z')
			q++;
		if (q == p || q == end)
			return -1;
		while (q < end && *q >= '0' && *q <= '9')
			q++;
		if (q != end)
			return -1;
	}
	return 0;
}

int go_version_cmp(struct go_version a, struct go_version b)
{
	if (a.major != b.major)
		return a.major < b.major ? -1 : 1;
	if (a.minor != b.minor)
		return a.minor < b.minor ? -1 : 1;
	if (a.patch != b.patch)
		return a.patch < b.patch ? -1 : 1;
	return 0;
}

const char *go_mod_godebug_get(const struct go_mod *mod, const char *key)
{
	size_t i;
	const char *v = NULL;

	for (i = 0; i < mod->ngodebug; i++)
		if (!strcmp(mod->godebug[i].key, key))
			v = mod->godebug[i].value;
	return v;
}

static void add_godebug(struct arena *a, struct go_mod *mod, size_t *cap,
			const struct tok *t, int lineno)
{
	const char *eq = memchr(t->s, '=', t->n);
	struct go_mod_godebug *g;
	char *val;

	if (!eq || eq == t->s)
		return;  /* the go command rejects it; nothing for us to keep */
	if (mod->ngodebug == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;
		struct go_mod_godebug *n = arena_alloc(a, ncap * sizeof(*n));

		if (mod->ngodebug)
			memcpy(n, mod->godebug, mod->ngodebug * sizeof(*n));
		mod->godebug = n;
		*cap = ncap;
	}
	g = &mod->godebug[mod->ngodebug++];
	val = tok_value(a, t);
	val[eq - t->s] = '\0';
	g->key = val;
	g->value = val + (eq - t->s) + 1;
	g->line = lineno;
}

/* One directive: verb is the block's verb or the line's first token, args
 * the rest. */
static int directive(struct arena *a, const char *path, int lineno,
		     const struct tok *verb, const struct tok *args, int nargs,
		     struct go_mod *mod, size_t *gcap, struct err *e)
{
	if (tok_is(verb, "module")) {
		if (mod->module)
			return err_setf(e, "%s:%d: repeated module line", path,
					lineno);
		if (nargs != 1)
			return err_setf(e, "%s:%d: usage: module module/path",
					path, lineno);
		mod->module = tok_value(a, &args[0]);
	} else if (tok_is(verb, "go")) {
		if (nargs != 1 ||
		    go_version_parse(args[0].s, args[0].n, &mod->go_version) < 0 ||
		    (args[0].n >= 2 && args[0].s[0] == 'g'))
			return err_setf(e, "%s:%d: invalid go version '%.*s': "
					"must match format 1.23.0", path, lineno,
					nargs ? (int)args[0].n : 0,
					nargs ? args[0].s : "");
		mod->go = tok_value(a, &args[0]);
		mod->go_line = lineno;
	} else if (tok_is(verb, "toolchain")) {
		if (nargs != 1)
			return err_setf(e, "%s:%d: usage: toolchain name", path,
					lineno);
		mod->toolchain = tok_value(a, &args[0]);
		mod->toolchain_line = lineno;
		/* "default" and custom names (go1.23.0+auto) have no version */
		if (go_version_parse(args[0].s, args[0].n,
				     &mod->toolchain_version) < 0)
			mod->toolchain_version.major = mod->toolchain_version.minor =
				mod->toolchain_version.patch = 0;
	} else if (tok_is(verb, "godebug")) {
		if (nargs == 1)
			add_godebug(a, mod, gcap, &args[0], lineno);
	} else if (tok_is(verb, "use")) {
		const char **n;

		if (nargs != 1)
			return err_setf(e, "%s:%d: usage: use local/dir", path,
					lineno);
		n = arena_alloc(a, (mod->nuse + 1) * sizeof(*n));
		if (mod->nuse)
			memcpy(n, mod->use, mod->nuse * sizeof(*n));
		n[mod->nuse++] = tok_value(a, &args[0]);
		mod->use = n;
	}
	return 0;
}

int go_mod_parse(struct arena *a, const char *path, const char *src,
		 size_t len, struct go_mod *mod, struct err *e)
{
	size_t pos = 0, gcap = 0;
	int lineno = 0, in_block = 0, block_line = 0;
	struct tok block_verb = { NULL, 0, 0 };
	struct line ln;

	memset(mod, 0, sizeof(*mod));
	while (pos < len) {
		lineno++;
		if (read_line(path, lineno, src, len, &pos, &ln, e) < 0)
			return -1;
		if (ln.n == 0)
			continue;
		if (in_block) {
			if (tok_is(&ln.t[0], ")")) {
				if (ln.total != 1)
					return err_setf(e, "%s:%d: unexpected "
							"text after ')'", path,
							lineno);
				in_block = 0;
				continue;
			}
			if (tok_is(&ln.t[0], "("))
				return err_setf(e, "%s:%d: unexpected '(' in "
						"block", path, lineno);
			if (directive(a, path, lineno, &block_verb, ln.t,
				      ln.total > ln.n ? MAX_TOKS : ln.n, mod,
				      &gcap, e) < 0)
				return -1;
			continue;
		}
		if (tok_is(&ln.t[0], "(") || tok_is(&ln.t[0], ")"))
			return err_setf(e, "%s:%d: unexpected '%c'", path, lineno,
					ln.t[0].s[0]);
		if (ln.n >= 2 && tok_is(&ln.t[1], "(")) {
			if (ln.total == 2) {
				in_block = 1;
				block_line = lineno;
				block_verb = ln.t[0];
				continue;
			}
			if (ln.total == 3 && tok_is(&ln.t[2], ")"))
				continue;   /* "require ()" */
			return err_setf(e, "%s:%d: unexpected text after '('",
					path, lineno);
		}
		if (directive(a, path, lineno, &ln.t[0], ln.t + 1,
			      ln.total > ln.n ? MAX_TOKS : ln.n - 1, mod, &gcap,
			      e) < 0)
			return -1;
	}
	if (in_block)
		return err_setf(e, "%s:%d: block opened here is never closed",
				path, block_line);
	return 0;
}
