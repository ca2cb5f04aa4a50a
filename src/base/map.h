/*
 * map: a hash map from byte-string keys to void * values.
 *
 * Open addressing with linear probing; the table doubles at 50 % load.
 * Keys are not copied: the caller keeps each key alive for as long as the
 * map holds it (typically the key lives in the same arena as the value).
 * map_release frees only the table.
 */
#ifndef BASE_MAP_H
#define BASE_MAP_H

#include <stddef.h>
#include <stdint.h>

struct map_slot {
	const char *key;
	size_t klen;
	uint64_t hash;
	void *value;
};

struct map {
	struct map_slot *slots;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
};

#define MAP_INIT { NULL, 0, 0 }

void map_init(struct map *m);
void map_release(struct map *m);
uint64_t map_hash(const void *key, size_t len);
/* The value stored under key, or NULL. */
void *map_get(const struct map *m, const char *key, size_t klen);
/* Store value under key, replacing any earlier value; returns the earlier
 * value or NULL. */
void *map_put(struct map *m, const char *key, size_t klen, void *value);
/* The slot for key, inserting an empty one (value NULL) if absent; lets a
 * caller look up and insert with one hash. */
struct map_slot *map_slot(struct map *m, const char *key, size_t klen);

#define map_gets(m, s) map_get((m), (s), strlen(s))
#define map_puts(m, s, v) map_put((m), (s), strlen(s), (v))

/* Iterate: for (size_t i = 0; i < m.cap; i++) if (m.slots[i].key) ... */

#endif
