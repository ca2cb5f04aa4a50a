/*
 * aggregate: merge the samples of a profile's wire bytes that have the same
 * stack and labels, before protobuf-c unpacks them.
 *
 * protobuf-c materialises every sample (a struct and two arrays each), so
 * a 175 KB gzip file of 10 million identical samples would take gigabytes.
 * Every report sums the samples of a stack anyway, so the samples are
 * merged here, on the bytes: a sample's key is its encoding without its
 * values (location ids and labels, in their order) plus its number of
 * values; the values of samples with one key are added (wrapping, as
 * int64 sums in pprof do).  Memory then follows the distinct stacks.  The
 * input has passed the wire-format walk, so every length and varint here
 * is known to be in bounds.
 */
#include "internal.h"

#include <stdint.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/map.h"
#include "../base/sb.h"
#include "../base/vec.h"

static uint64_t varint(const unsigned char *b, size_t *pos)
{
	uint64_t x = 0;
	int shift = 0;

	while (b[*pos] & 0x80) {
		x |= (uint64_t)(b[(*pos)++] & 0x7f) << (shift < 64 ? shift : 0);
		shift += 7;
	}
	x |= (uint64_t)(b[(*pos)++] & 0x7f) << (shift < 64 ? shift : 0);
	return x;
}

static void put_varint(struct sb *out, uint64_t v)
{
	while (v >= 0x80) {
		sb_addc(out, (char)(v | 0x80));
		v >>= 7;
	}
	sb_addc(out, (char)v);
}

/* Skip one field's payload of wire type wt at *pos. */
static void skip(const unsigned char *b, size_t *pos, unsigned wt)
{
	if (wt == 0)
		(void)varint(b, pos);
	else if (wt == 1)
		*pos += 8;
	else if (wt == 5)
		*pos += 4;
	else if (wt == 2) {
		uint64_t n = varint(b, pos);
		*pos += n;
	}
}

struct agg {
	const char *key;   /* the sample's fields but its values */
	size_t klen;
	size_t first;      /* index of its values in sums */
	size_t nvalue;
};

unsigned char *pprof_aggregate_samples(const unsigned char *b, size_t len, size_t *out_len)
{
	struct map keys = MAP_INIT;
	struct arena a = ARENA_INIT;
	VEC(struct agg *) order = { 0 };
	VEC(uint64_t) sums = { 0 }, vals = { 0 };
	struct sb key = SB_INIT, out = SB_INIT;
	size_t pos = 0, nsample = 0, i, j;
	unsigned char *r = NULL;

	while (pos < len) {
		size_t at = pos, end, sp;
		uint64_t k = varint(b, &pos);
		unsigned wt = k & 7;
		struct map_slot *sl;
		struct agg *g;

		if (k >> 3 != 2 || wt != 2) {
			skip(b, &pos, wt);
			sb_add(&out, b + at, pos - at);
			continue;
		}
		end = varint(b, &pos);
		end += pos;
		nsample++;
		sb_reset(&key);
		vals.len = 0;
		for (sp = pos; sp < end;) {
			size_t fat = sp;
			uint64_t fk = varint(b, &sp);

			if (fk >> 3 == 2 && (fk & 7) == 0) {
				vec_push(&vals, varint(b, &sp));
			} else if (fk >> 3 == 2 && (fk & 7) == 2) {
				size_t pend = varint(b, &sp);

				pend += sp;
				while (sp < pend)
					vec_push(&vals, varint(b, &sp));
			} else {
				skip(b, &sp, (unsigned)(fk & 7));
				sb_add(&key, b + fat, sp - fat);
			}
		}
		pos = end;
		sb_add(&key, &vals.len, sizeof(vals.len));
		sl = map_slot(&keys, key.buf, key.len);
		if (!sl->value) {
			char *kc = arena_alloc(&a, key.len);

			memcpy(kc, key.buf, key.len);
			sl->key = kc;
			g = arena_new(&a, struct agg);
			g->key = kc;
			g->klen = key.len - sizeof(vals.len);
			g->first = sums.len;
			g->nvalue = vals.len;
			for (j = 0; j < vals.len; j++)
				vec_push(&sums, vals.items[j]);
			sl->value = g;
			vec_push(&order, g);
		} else {
			g = sl->value;
			for (j = 0; j < vals.len; j++)
				sums.items[g->first + j] += vals.items[j];
		}
	}
	if (order.len < nsample) {
		struct sb packed = SB_INIT, msg = SB_INIT;

		for (i = 0; i < order.len; i++) {
			const struct agg *g = order.items[i];

			sb_reset(&packed);
			for (j = 0; j < g->nvalue; j++)
				put_varint(&packed, sums.items[g->first + j]);
			sb_reset(&msg);
			sb_add(&msg, g->key, g->klen);
			if (g->nvalue) {
				put_varint(&msg, 2 << 3 | 2);
				put_varint(&msg, packed.len);
				sb_add(&msg, packed.buf, packed.len);
			}
			put_varint(&out, 2 << 3 | 2);
			put_varint(&out, msg.len);
			sb_add(&out, msg.buf, msg.len);
		}
		sb_release(&packed);
		sb_release(&msg);
		r = (unsigned char *)sb_detach(&out, out_len);
	}
	vec_free(&order);
	vec_free(&sums);
	vec_free(&vals);
	sb_release(&key);
	sb_release(&out);
	map_release(&keys);
	arena_release(&a);
	return r;
}
