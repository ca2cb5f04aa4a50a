/*
 * dump: the goroutine-record store shared by every parser.
 *
 * Strings and whole stacks are interned: a dump of 100,000 goroutines parked
 * on a handful of lines holds a handful of frame arrays, and grouping can
 * compare frames by pointer.  A stack is interned under a packed key of
 * (func pointer, file pointer, line) words, which is exact because the
 * strings behind the pointers are interned first.
 */
#include "gdump.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../base/sb.h"

void gdump_dump_init(struct gdump_dump *d)
{
	memset(d, 0, sizeof(*d));
	arena_init(&d->arena);
	map_init(&d->strs);
	map_init(&d->stacks);
}

void gdump_dump_release(struct gdump_dump *d)
{
	vec_free(&d->gs);
	map_release(&d->strs);
	map_release(&d->stacks);
	arena_release(&d->arena);
}

const char *gdump_intern(struct gdump_dump *d, const char *s, size_t n)
{
	struct map_slot *slot = map_slot(&d->strs, s, n);

	if (!slot->value) {
		char *copy = arena_strndup(&d->arena, s, n);
		slot->key = copy;
		slot->value = copy;
	}
	return slot->value;
}

static const struct gdump_frame *intern_stack(struct gdump_dump *d,
					      const struct gdump_frame *fr,
					      size_t n)
{
	uintptr_t small[3 * 32], *key = small;
	struct map_slot *slot;
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
	slot = map_slot(&d->stacks, (const char *)key, n * 3 * sizeof(*key));
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
	struct gdump_frame tmp[64], *fr = tmp;
	struct gdump_goroutine r = *g, *res;
	size_t i;

	if (nframes > 64)
		fr = xmalloc(nframes * sizeof(*fr));
	for (i = 0; i < nframes; i++) {
		fr[i].func = intern_z(d, frames[i].func);
		fr[i].file = intern_z(d, frames[i].file);
		fr[i].line = frames[i].line;
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
