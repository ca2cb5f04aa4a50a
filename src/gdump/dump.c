/*
 * dump: the goroutine-record store shared by every parser.
 *
 * Strings and whole stacks are interned: a dump of 100,000 goroutines parked
 * on a handful of lines holds a handful of frame arrays, and grouping can
 * compare frames by pointer.  A stack is interned under a packed key of
 * (func pointer, file pointer, line) words, which is exact because the
 * strings behind the pointers are interned first.
 *
 * Interning is the hot loop of a 40 MB dump (every function name and path
 * of every frame goes through it), so it has its own table with a hash that
 * reads eight bytes at a time rather than the byte-wise one of base/map.
 */
#include "gdump_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../base/sb.h"

static uint64_t tab_hash(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint64_t h = 0x243f6a8885a308d3ULL ^ len, w;

	while (len >= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
		p += 8;
		len -= 8;
	}
	w = 0;
	memcpy(&w, p, len);
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 32;
	return h;
}

void gdump_tab_release(struct gdump_tab *t)
{
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* The slot for key: found (value set) or empty (value NULL, to be filled
 * by the caller, who must also point key at memory that stays alive). */
struct gdump_tab_slot *gdump_tab_slot(struct gdump_tab *t, const void *key,
				      size_t len)
{
	uint64_t h = tab_hash(key, len);
	size_t i;

	if ((t->count + 1) * 2 > t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 1024, j;
		struct gdump_tab_slot *ns = xcalloc(ncap, sizeof(*ns));
		for (j = 0; j < t->cap; j++) {
			struct gdump_tab_slot *o = &t->slots[j];
			if (!o->value)
				continue;
			for (i = o->hash & (ncap - 1); ns[i].value; i = (i + 1) & (ncap - 1))
				;
			ns[i] = *o;
		}
		free(t->slots);
		t->slots = ns;
		t->cap = ncap;
	}
	for (i = h & (t->cap - 1); t->slots[i].value; i = (i + 1) & (t->cap - 1)) {
		struct gdump_tab_slot *sl = &t->slots[i];
		if (sl->hash == h && sl->len == len && !memcmp(sl->key, key, len))
			return sl;
	}
	t->slots[i].hash = h;
	t->slots[i].len = len;
	t->slots[i].key = key;
	t->count++;
	return &t->slots[i];
}

void gdump_dump_init(struct gdump_dump *d)
{
	memset(d, 0, sizeof(*d));
	arena_init(&d->arena);
}

void gdump_dump_release(struct gdump_dump *d)
{
	vec_free(&d->gs);
	free(d->recent);
	d->recent = NULL;
	gdump_tab_release(&d->strs);
	gdump_tab_release(&d->stacks);
	arena_release(&d->arena);
}

/* A direct-mapped cache in front of the string table, indexed by the
 * length and the first and last eight bytes: the same few dozen function
 * names and paths repeat on every goroutine, and a hit costs one memcmp
 * instead of hashing the whole string. */
static size_t recent_index(const char *s, size_t n)
{
	uint64_t a = 0, b = 0;

	memcpy(&a, s, n < 8 ? n : 8);
	if (n > 8)
		memcpy(&b, s + n - 8, 8);
	a = (a ^ (b * 0x9e3779b97f4a7c15ULL) ^ n) * 0xff51afd7ed558ccdULL;
	return (size_t)(a >> 52) & (GDUMP_RECENT - 1);
}

const char *gdump_intern(struct gdump_dump *d, const char *s, size_t n)
{
	size_t ri = recent_index(s, n);
	struct gdump_tab_slot *slot;

	if (!d->recent)
		d->recent = xcalloc(GDUMP_RECENT, sizeof(*d->recent));
	if (d->recent[ri].s && d->recent[ri].len == n &&
	    !memcmp(d->recent[ri].s, s, n))
		return d->recent[ri].s;
	slot = gdump_tab_slot(&d->strs, s, n);
	d->recent[ri].len = n;
	if (slot->value) {
		d->recent[ri].s = slot->value;
		return slot->value;
	}
	{
		char *copy = arena_strndup(&d->arena, s, n);
		slot->key = copy;
		slot->value = copy;
	}
	d->recent[ri].s = slot->value;
	return slot->value;
}

static const struct gdump_frame *intern_stack(struct gdump_dump *d,
					      const struct gdump_frame *fr,
					      size_t n)
{
	uintptr_t small[3 * 32], *key = small;
	struct gdump_tab_slot *slot;
	struct gdump_frame *copy;
	size_t i;

	if (!n)
		return NULL;
	if (n > 32)
		key = xmalloc(n * 3 * sizeof(*key));
	for (i = 0; i < n; i++) {
		key[3 * i] = (uintptr_t)fr[i].func;
		key[3 * i + 1] = (uintptr_t)fr[i].file;
		key[3 * i + 2] = (uintptr_t)fr[i].line;
	}
	slot = gdump_tab_slot(&d->stacks, key, n * 3 * sizeof(*key));
	if (!slot->value) {
		void *kcopy = arena_alloc(&d->arena, n * 3 * sizeof(*key));
		memcpy(kcopy, key, n * 3 * sizeof(*key));
		slot->key = kcopy;
		copy = arena_alloc(&d->arena, n * sizeof(*copy));
		memcpy(copy, fr, n * sizeof(*copy));
		slot->value = copy;
	}
	if (key != small)
		free(key);
	return slot->value;
}

struct gdump_goroutine *gdump_add_interned(struct gdump_dump *d,
					   const struct gdump_goroutine *g,
					   const struct gdump_frame *frames,
					   size_t nframes)
{
	struct gdump_goroutine r = *g;

	r.frames = intern_stack(d, frames, nframes);
	r.nframes = nframes;
	r.ancestors = intern_stack(d, g->ancestors, g->nancestors);
	if (!r.ancestors)
		r.nancestors = 0;
	if (!r.state)
		r.state = gdump_intern(d, "", 0);
	vec_push(&d->gs, r);
	d->total += r.count;
	return &d->gs.items[d->gs.len - 1];
}

static const char *intern_z(struct gdump_dump *d, const char *s)
{
	return gdump_intern(d, s ? s : "", s ? strlen(s) : 0);
}

struct gdump_goroutine *gdump_add(struct gdump_dump *d,
				  const struct gdump_goroutine *g,
				  const struct gdump_frame *frames,
				  size_t nframes)
{
	struct gdump_frame tmp[64], *fr = tmp, *anc = NULL;
	struct gdump_goroutine r = *g, *res;
	size_t i;

	if (nframes > 64)
		fr = xmalloc(nframes * sizeof(*fr));
	for (i = 0; i < nframes; i++) {
		fr[i].func = intern_z(d, frames[i].func);
		fr[i].file = intern_z(d, frames[i].file);
		fr[i].line = frames[i].line;
	}
	if (g->nancestors && g->ancestors) {
		anc = xmalloc(g->nancestors * sizeof(*anc));
		for (i = 0; i < g->nancestors; i++) {
			anc[i].func = intern_z(d, g->ancestors[i].func);
			anc[i].file = intern_z(d, g->ancestors[i].file);
			anc[i].line = g->ancestors[i].line;
		}
		r.ancestors = anc;
	} else {
		r.ancestors = NULL;
		r.nancestors = 0;
	}
	r.state = intern_z(d, g->state);
	if (g->created_by.func) {
		r.created_by.func = intern_z(d, g->created_by.func);
		r.created_by.file = intern_z(d, g->created_by.file);
	}
	if (g->labels)
		r.labels = intern_z(d, g->labels);
	res = gdump_add_interned(d, &r, fr, nframes);
	if (fr != tmp)
		free(fr);
	free(anc);
	return res;
}

void gdump_warn(struct gdump_dump *d, size_t line, const char *fmt, ...)
{
	struct sb sb = SB_INIT;
	va_list ap;

	if (d->nwarnings++ >= GDUMP_MAX_WARNINGS)
		return;
	if (line)
		sb_addf(&sb, "line %zu: ", line);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	d->warnings[d->nwarnings - 1] = arena_strdup(&d->arena, sb_str(&sb));
	sb_release(&sb);
}
