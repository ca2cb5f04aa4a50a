/*
 * map: open-addressing hash map (see map.h).  FNV-1a is enough here: keys
 * are identifiers, function names and file paths, not attacker-chosen to
 * collide, and a collision only costs time.
 */
#include "map.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void map_init(struct map *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
}

void map_release(struct map *m)
{
	free(m->slots);
	map_init(m);
}

uint64_t map_hash(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

static struct map_slot *map_find(struct map_slot *slots, size_t cap,
				 const char *key, size_t klen, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	for (;;) {
		struct map_slot *s = &slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0)
			return s;
		i = (i + 1) & (cap - 1);
	}
}

static void map_rehash(struct map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 16, i;
	struct map_slot *ns = xcalloc(ncap, sizeof(*ns));

	for (i = 0; i < m->cap; i++) {
		struct map_slot *s = &m->slots[i];
		if (s->key)
			*map_find(ns, ncap, s->key, s->klen, s->hash) = *s;
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
}

void *map_get(const struct map *m, const char *key, size_t klen)
{
	struct map_slot *s;

	if (!m->cap)
		return NULL;
	s = map_find(m->slots, m->cap, key, klen, map_hash(key, klen));
	return s->key ? s->value : NULL;
}

struct map_slot *map_slot(struct map *m, const char *key, size_t klen)
{
	uint64_t h = map_hash(key, klen);
	struct map_slot *s;

	if ((m->count + 1) * 2 > m->cap)
		map_rehash(m);
	s = map_find(m->slots, m->cap, key, klen, h);
	if (!s->key) {
		s->key = key;
		s->klen = klen;
		s->hash = h;
		s->value = NULL;
		m->count++;
	}
	return s;
}

void *map_put(struct map *m, const char *key, size_t klen, void *value)
{
	struct map_slot *s = map_slot(m, key, klen);
	void *old = s->value;

	s->value = value;
	return old;
}
