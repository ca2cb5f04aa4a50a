/*
 * usercode: tell the user's code from the standard library and from
 * dependencies (the rules are listed in usercode.h).
 *
 * The design decision: a dot in the first element of an import path is not
 * evidence of anything when the main module is unknown, since `go mod init
 * app` is legal; so the standard library is recognised positively (its
 * files under GOROOT, its package list), and the dot rule is only used once
 * the main module is known, where the go command itself enforces it.
 */
#include "usercode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/file.h"
#include "gomod.h"
#include "stdpkgs.h"

struct go_usercode *go_usercode_global(void)
{
	static struct go_usercode g;
	return &g;
}

static void copy(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = 0;
}

void go_usercode_set_module(struct go_usercode *u, const char *path, size_t n,
			    const char *from)
{
	copy(u->module, sizeof(u->module), path, n);
	copy(u->modsrc, sizeof(u->modsrc), from, strlen(from));
}

/* ---- build info: the ".go.buildinfo" blob, found by its magic ---- */

static const unsigned char bi_magic[14] = "\xff Go buildinf:";

static int uvarint(const unsigned char *p, size_t n, size_t *i, size_t *v)
{
	size_t x = 0;
	unsigned shift = 0;

	while (*i < n && shift < 63) {
		unsigned char b = p[(*i)++];
		x |= (size_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*v = x;
			return 0;
		}
		shift += 7;
	}
	return -1;
}

/* The "mod\tPATH\t..." line of a module info string. */
static int modinfo_module(struct go_usercode *u, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *line = s + i, *nl = memchr(line, '\n', n - i);
		size_t len = nl ? (size_t)(nl - line) : n - i;
		if (len > 4 && !memcmp(line, "mod\t", 4)) {
			const char *p = line + 4, *tab = memchr(p, '\t', len - 4);
			size_t plen = tab ? (size_t)(tab - p) : len - 4;
			if (plen) {
				go_usercode_set_module(u, p, plen, "build info");
				return 1;
			}
		}
		i += len + 1;
	}
	return 0;
}

int go_usercode_from_binary(struct go_usercode *u, const char *path)
{
	struct err e = ERR_INIT;
	size_t len, off, i, vlen, mlen;
	unsigned char *buf = (unsigned char *)file_read_all(path, 0, &len, &e);
	int found = 0;

	if (!buf) {
		return -1;
	}
	for (off = 0; off + 32 <= len; off += 16) {
		if (memcmp(buf + off, bi_magic, sizeof(bi_magic)))
			continue;
		/* Go 1.18+: flag bit 2 says the version and module info
		 * strings follow the 32-byte header inline */
		if (!(buf[off + 15] & 2))
			break;
		i = off + 32;
		if (uvarint(buf, len, &i, &vlen) || vlen > len - i)
			break;
		i += vlen;
		if (uvarint(buf, len, &i, &mlen) || mlen > len - i)
			break;
		/* the module info is framed by two 16-byte sentinels */
		if (mlen >= 32)
			found = modinfo_module(u, (const char *)buf + i + 16, mlen - 32);
		break;
	}
	free(buf);
	return found;
}

int go_usercode_from_gomod(struct go_usercode *u, const char *dir)
{
	char p[4096];
	size_t n = strlen(dir);
	int found = 0;

	if (n >= sizeof(p) - 8)
		return 0;
	memcpy(p, dir, n + 1);
	while (n > 0 && p[n - 1] == '/' && n > 1)
		p[--n] = 0;
	for (;;) {
		struct err e = ERR_INIT;
		size_t len;
		char *src;

		snprintf(p + n, sizeof(p) - n, "%sgo.mod", n && p[n - 1] == '/' ? "" : "/");
		src = file_read_all(p, 1 << 22, &len, &e);
		if (src) {
			struct arena a;
			struct go_mod mod;
			struct err pe = ERR_INIT;

			arena_init(&a);
			if (go_mod_parse(&a, p, src, len, &mod, &pe) == 0 && mod.module) {
				go_usercode_set_module(u, mod.module, strlen(mod.module), "go.mod");
				found = 1;
			}
			arena_release(&a);
			free(src);
			return found;
		}
		p[n] = 0;
		while (n > 0 && p[n - 1] != '/')
			n--;
		if (n == 0)
			return 0;
		while (n > 1 && p[n - 1] == '/')
			n--;
		p[n] = 0;
		if (n == 1 && p[0] == '/')
			return 0;
	}
}

int go_usercode_learn_goroot(struct go_usercode *u, const char *func,
			     const char *file)
{
	const char *at;

	if (u->goroot[0] || !func || !file || strncmp(func, "runtime.", 8))
		return 0;
	at = strstr(file, "/src/runtime/");
	if (!at || at == file || strchr(at + 13, '/'))
		return 0;
	copy(u->goroot, sizeof(u->goroot), file, (size_t)(at - file));
	return 1;
}

size_t go_usercode_package(const char *func, char *out, size_t n)
{
	const char *p, *start = func, *end;

	if (!func || !*func || n == 0)
		return 0;
	for (p = func; *p && *p != '(' && *p != '['; p++)
		if (*p == '/')
			start = p + 1;
	end = strchr(start, '.');
	if (!end)
		end = start + strlen(start);
	copy(out, n, func, (size_t)(end - func));
	return strlen(out);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int in_std_list(const char *pkg)
{
	const char *key = pkg;

	if (!strncmp(pkg, "vendor/", 7) || !strncmp(pkg, "internal/", 9) ||
	    !strcmp(pkg, "internal"))
		return 1;
	return bsearch(&key, go_std_packages,
		       sizeof(go_std_packages) / sizeof(go_std_packages[0]),
		       sizeof(go_std_packages[0]), cmp_str) != NULL;
}

/* pkg is the module path or below it; an external test package
 * ("app_test", "app/sub_test") counts as the package it tests. */
static int in_module(const char *module, const char *pkg)
{
	size_t m = strlen(module), n = strlen(pkg);

	if (n > 5 && !strcmp(pkg + n - 5, "_test"))
		n -= 5;
	if (!m || n < m || strncmp(pkg, module, m))
		return 0;
	return n == m || pkg[m] == '/';
}

enum go_code go_usercode_classify(const struct go_usercode *u,
				  const char *func, const char *file)
{
	char pkg[512];
	const char *slash;
	size_t rl;

	if (!func || !*func || !go_usercode_package(func, pkg, sizeof(pkg)))
		return GO_CODE_STD;
	if (!strcmp(pkg, "main"))
		return GO_CODE_USER;
	if (u && u->module[0] && in_module(u->module, pkg))
		return GO_CODE_USER;
	rl = u ? strlen(u->goroot) : 0;
	if (rl && file && !strncmp(file, u->goroot, rl) &&
	    !strncmp(file + rl, "/src/", 5))
		return GO_CODE_STD;
	/* functions the compiler generates: type..eq.T, go.buildid */
	if (!strncmp(func, "type.", 5) || !strncmp(func, "go.", 3) ||
	    !strncmp(func, "go:", 3))
		return GO_CODE_STD;
	if (in_std_list(pkg))
		return GO_CODE_STD;
	if (u && u->module[0]) {
		slash = strchr(pkg, '/');
		if (!memchr(pkg, '.', slash ? (size_t)(slash - pkg) : strlen(pkg)))
			return GO_CODE_STD;
		return GO_CODE_DEP;
	}
	return GO_CODE_USER;
}

int go_usercode_is_std(const struct go_usercode *u, const char *func,
		       const char *file)
{
	return go_usercode_classify(u, func, file) == GO_CODE_STD;
}
