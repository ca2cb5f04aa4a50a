/*
 * xalloc: the single place where out of memory ends the process (see
 * xalloc.h).  It exits with status 2, an operational error like any other
 * (not abort(): SIGABRT and a core file would read as a crash).
 */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void die_oom(size_t size)
{
	fprintf(stderr, "leakhound: out of memory allocating %zu bytes\n", size);
	fflush(stderr);
	_exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		die_oom(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		die_oom(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		die_oom(size);
	return p;
}

void *xgrow(void *ptr, size_t elem, size_t need, size_t *cap)
{
	size_t n;

	if (need <= *cap)
		return ptr;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die_oom(SIZE_MAX);
		n *= 2;
	}
	if (elem && n > SIZE_MAX / elem)
		die_oom(SIZE_MAX);
	*cap = n;
	return xrealloc(ptr, n * elem);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
