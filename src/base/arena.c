/*
 * arena: a list of blocks, newest first; allocation bumps an offset in the
 * newest block.  Blocks double in size up to 8 MiB so that a small file costs
 * a few KiB and a large profile few mallocs.
 */
#include "arena.h"
#include "xalloc.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct arena_block {
	struct arena_block *next;
	size_t size;
	size_t off;
	alignas(max_align_t) unsigned char data[];
};

#define ARENA_MIN_BLOCK ((size_t)4096)
#define HUGE_BLOCK ((size_t)1 << 21)
#define ARENA_MAX_BLOCK ((size_t)1 << 23)
#define ARENA_ALIGN (alignof(max_align_t))

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->reserved = 0;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	while (b) {
		next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

void arena_reset(struct arena *a)
{
	struct arena_block *b, *next;

	if (!a->head)
		return;
	/* keep the newest block, the largest, and free the older ones */
	b = a->head->next;
	while (b) {
		next = b->next;
		a->reserved -= b->size;
		free(b);
		b = next;
	}
	a->head->next = NULL;
	a->head->off = 0;
	a->used = 0;
}

static struct arena_block *arena_grow(struct arena *a, size_t size)
{
	size_t bsize = a->head ? a->head->size * 2 : ARENA_MIN_BLOCK;
	struct arena_block *b;

	if (bsize > ARENA_MAX_BLOCK)
		bsize = ARENA_MAX_BLOCK;
	if (bsize < size)
		bsize = size;
	b = NULL;
	if (bsize >= HUGE_BLOCK) {
		/* a large arena (a big profile's model): 2 MiB-aligned blocks
		 * the kernel may back with huge pages, which cuts the page
		 * faults of filling them (half the system time of reading a
		 * 26 MB profile); a failure falls back to xmalloc, which says
		 * how much it could not get */
		void *m = NULL;

		if (!posix_memalign(&m, HUGE_BLOCK, sizeof(*b) + bsize) && m) {
			(void)madvise(m, (sizeof(*b) + bsize) & ~(HUGE_BLOCK - 1),
				      MADV_HUGEPAGE);
			b = m;
		}
	}
	if (!b)
		b = xmalloc(sizeof(*b) + bsize);
	b->size = bsize;
	b->off = 0;
	a->reserved += bsize;
	if (a->head && size > ARENA_MAX_BLOCK / 4) {
		/* a big one-off request: put it behind the current block so the
		 * current block keeps serving small requests */
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
	}
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->head;
	size_t off;

	if (size > SIZE_MAX - ARENA_ALIGN)
		xmalloc(SIZE_MAX); /* exits */
	size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (!b || b->size - b->off < size)
		b = arena_grow(a, size);
	off = b->off;
	b->off += size;
	a->used += size;
	return b->data + off;
}

void *arena_zalloc(struct arena *a, size_t size)
{
	void *p = arena_alloc(a, size);
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
