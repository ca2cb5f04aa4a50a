/*
 * internal: helpers shared by the files of src/pprof (not a public API).
 *
 * u64map is an open-addressing table from non-zero 64-bit keys to pointers,
 * used for the id lookups of the decoder and the merger (ids need not be
 * dense, so an array indexed by id is not enough).
 */
#ifndef PPROF_INTERNAL_H
#define PPROF_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../base/err.h"
#include "../base/xalloc.h"

struct u64map {
	uint64_t *keys;  /* 0 = empty slot */
	void **vals;
	size_t cap, count;
};

static inline uint64_t u64map_mix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

static inline void u64map_free(struct u64map *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->count = 0;
}

static inline void *u64map_get(const struct u64map *m, uint64_t k)
{
	size_t i;

	if (!m->cap || !k)
		return NULL;
	for (i = u64map_mix(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == k)
			return m->vals[i];
	return NULL;
}

/* Store v under k (k != 0); returns the previous value or NULL. */
static inline void *u64map_put(struct u64map *m, uint64_t k, void *v)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap) {
		struct u64map n;
		size_t j;

		n.cap = m->cap ? m->cap * 2 : 64;
		n.count = m->count;
		n.keys = xcalloc(n.cap, sizeof(*n.keys));
		n.vals = xcalloc(n.cap, sizeof(*n.vals));
		for (j = 0; j < m->cap; j++) {
			if (!m->keys[j])
				continue;
			for (i = u64map_mix(m->keys[j]) & (n.cap - 1); n.keys[i];
			     i = (i + 1) & (n.cap - 1))
				;
			n.keys[i] = m->keys[j];
			n.vals[i] = m->vals[j];
		}
		u64map_free(m);
		*m = n;
	}
	for (i = u64map_mix(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == k) {
			void *old = m->vals[i];
			m->vals[i] = v;
			return old;
		}
	}
	m->keys[i] = k;
	m->vals[i] = v;
	m->count++;
	return NULL;
}

struct pprof_profile;

/* Go's int64(f) on amd64: out of range or NaN gives math.MinInt64 (C would
 * have undefined behaviour). */
static inline int64_t pprof_d2i(double f)
{
	if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0))
		return INT64_MIN;
	return (int64_t)f;
}

/* A compiled regular expression (PCRE2, with Go's unanchored-search and
 * `$`-at-end-only meaning). */
struct pprof_rx;
/* NULL with e filled ("parsing focus regexp: ...") on a bad pattern. */
struct pprof_rx *pprof_rx_compile(const char *pattern, const char *what,
				  struct err *e);
int pprof_rx_match(struct pprof_rx *rx, const char *s);
void pprof_rx_free(struct pprof_rx *rx);

struct pprof_report_opts;
/* focus/ignore/hide/show/show_from of o applied to p in place; *matched gets
 * bits 1 focus, 2 ignore, 4 hide, 8 show, 16 show_from for filters that
 * matched something. */
int pprof_apply_filters(struct pprof_profile *p, const struct pprof_report_opts *o,
			unsigned *matched, struct err *e);
/* The filters of o that were given but matched nothing, as bits in the
 * order focus, ignore, hide, show, show_from, tagfocus, tagignore (the
 * report's `unmatched`). */
unsigned pprof_unmatched(const struct pprof_report_opts *o, unsigned matched);

/* pprof's NumLabelUnits for one key: the first unit a sample gives it,
 * else "bytes" for alignment and request, else the key itself. */
const char *pprof_num_label_unit(const struct pprof_profile *p, const char *key);

/* Legacy text formats set these like pprof's addLegacyFrameInfo. */
void pprof_legacy_frame_info(struct pprof_profile *p);

/* The Profile message b[0..len) (already walked: every field in bounds)
 * with its samples of one stack and labels merged into one, values added,
 * in a new heap buffer the caller frees (*out_len bytes); NULL when no two
 * samples merge (see aggregate.c). */
unsigned char *pprof_aggregate_samples(const unsigned char *b, size_t len, size_t *out_len);

#endif
