/*
 * arena: bump allocation for data that lives and dies together.
 *
 * One arena per unit of work (a Go file, a profile, a dump, a watch sample):
 * everything allocated from it is freed at once by arena_release, so the
 * code that builds trees and tables never frees nodes one by one.  Memory
 * comes in blocks that grow geometrically; a request larger than a block
 * gets a block of its own.  Ownership: pointers returned by arena_* belong
 * to the arena and are valid until arena_release or arena_reset.
 */
#ifndef BASE_ARENA_H
#define BASE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;      /* bytes handed out, for statistics */
	size_t reserved;  /* bytes obtained from malloc */
};

#define ARENA_INIT { NULL, 0, 0 }

void arena_init(struct arena *a);
/* Free every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);
/* Keep the first block, free the rest, forget all allocations. */
void arena_reset(struct arena *a);

/* size bytes aligned for any type; never NULL (aborts on OOM). */
void *arena_alloc(struct arena *a, size_t size);
/* Like arena_alloc, zero-filled. */
void *arena_zalloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define arena_new(a, T) ((T *)arena_zalloc((a), sizeof(T)))
#define arena_new_array(a, T, n) ((T *)arena_zalloc((a), sizeof(T) * (n)))

#endif
