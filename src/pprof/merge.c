/*
 * merge: pprof's Merge, Scale and labels, on our model.
 *
 * pprof merges even a single profile before it reports on it, and the
 * report's totals depend on that (a -base subtraction cancels samples with
 * equal stacks; all-zero samples disappear).  So the rules here are pprof's:
 * functions are equal when name, system name, file and start line are;
 * mappings when their page-rounded size, offset and build id (or file) are;
 * locations when their mapping-relative address, lines and folding are;
 * samples when their stacks and labels are.  Keys are serialised into
 * byte strings and hashed with base/map.
 */
#include "pprof.h"
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/map.h"
#include "../base/sb.h"
#include "../base/vec.h"

struct merger {
	struct pprof_profile *q;
	struct arena scratch;        /* keys */
	struct map strings, funcs, maps, locs;
	/* samples by key hash: slot = sample index + 1; the key itself is not
	 * kept (it would double the memory of a large profile), a hash match
	 * is confirmed by serialising the other sample's key again */
	uint32_t *stab;
	uint64_t *shash;
	size_t scap;
	struct sb key2;
	VEC(struct pprof_location *) tmplocs;
	VEC(struct pprof_label) tmplabels;
	/* for the current source: multiply values by sign, add label xkey=xval */
	int sign;
	const char *xkey, *xval;
	VEC(struct pprof_mapping *) mapping;
	VEC(struct pprof_location *) location;
	VEC(struct pprof_function *) function;
	VEC(struct pprof_sample) sample;
	/* per source */
	struct u64map fn_by_ptr, map_by_ptr;
	struct pprof_location **loc_by_index;  /* source location index -> ours */
	size_t nloc_by_index;
	struct sb key;
};

struct mapinfo {
	struct pprof_mapping *m;
	int64_t offset;
};

static const char *intern(struct merger *g, const char *s)
{
	struct map_slot *sl;

	if (!s || !*s)
		return "";
	sl = map_slot(&g->strings, s, strlen(s));
	if (!sl->value) {
		char *c = arena_strdup(&g->q->arena, s);
		sl->key = c;
		sl->value = c;
	}
	return sl->value;
}

static const char *key_dup(struct merger *g)
{
	return arena_strndup(&g->scratch, g->key.buf ? g->key.buf : "", g->key.len);
}

static void key_u64(struct sb *k, uint64_t v)
{
	sb_add(k, &v, sizeof(v));
}

static void key_str(struct sb *k, const char *s)
{
	sb_add(k, s, strlen(s) + 1);
}

static struct mapinfo *map_mapping(struct merger *g, struct pprof_mapping *src)
{
	struct mapinfo *mi;
	struct map_slot *sl;
	uint64_t size;

	if (!src)
		return NULL;
	mi = u64map_get(&g->map_by_ptr, (uint64_t)(uintptr_t)src);
	if (mi)
		return mi;
	mi = arena_new(&g->scratch, struct mapinfo);
	size = src->limit - src->start;
	size = size + 0x1000 - 1;
	size = size - size % 0x1000;
	sb_reset(&g->key);
	key_u64(&g->key, size);
	key_u64(&g->key, src->offset);
	key_str(&g->key, *src->build_id ? src->build_id : src->file);
	sl = map_slot(&g->maps, g->key.buf, g->key.len);
	if (sl->value) {
		struct pprof_mapping *m = sl->value;
		mi->m = m;
		mi->offset = (int64_t)m->start - (int64_t)src->start;
	} else {
		struct pprof_mapping *m = arena_new(&g->q->arena, struct pprof_mapping);
		*m = *src;
		m->id = g->mapping.len + 1;
		m->file = intern(g, src->file);
		m->build_id = intern(g, src->build_id);
		vec_push(&g->mapping, m);
		sl->key = key_dup(g);
		sl->value = m;
		mi->m = m;
		mi->offset = 0;
	}
	u64map_put(&g->map_by_ptr, (uint64_t)(uintptr_t)src, mi);
	return mi;
}

static struct pprof_function *map_function(struct merger *g, struct pprof_function *src)
{
	struct pprof_function *f = u64map_get(&g->fn_by_ptr, (uint64_t)(uintptr_t)src);
	struct map_slot *sl;

	if (f)
		return f;
	sb_reset(&g->key);
	key_u64(&g->key, (uint64_t)src->start_line);
	key_str(&g->key, src->name);
	key_str(&g->key, src->system_name);
	key_str(&g->key, src->filename);
	sl = map_slot(&g->funcs, g->key.buf, g->key.len);
	if (!sl->value) {
		f = arena_new(&g->q->arena, struct pprof_function);
		f->id = g->function.len + 1;
		f->name = intern(g, src->name);
		f->system_name = intern(g, src->system_name);
		f->filename = intern(g, src->filename);
		f->start_line = src->start_line;
		vec_push(&g->function, f);
		sl->key = key_dup(g);
		sl->value = f;
	}
	f = sl->value;
	u64map_put(&g->fn_by_ptr, (uint64_t)(uintptr_t)src, f);
	return f;
}

static struct pprof_location *map_location(struct merger *g, struct pprof_location *src)
{
	struct pprof_location *l = src->index < g->nloc_by_index ?
		g->loc_by_index[src->index] : NULL;
	struct mapinfo *mi;
	struct pprof_line *lines;
	struct map_slot *sl;
	uint64_t addr;
	size_t i;

	if (l)
		return l;
	mi = map_mapping(g, src->mapping);
	addr = (uint64_t)((int64_t)src->address + (mi ? mi->offset : 0));
	lines = arena_alloc(&g->q->arena, sizeof(*lines) * (src->nline + 1));
	for (i = 0; i < src->nline; i++) {
		lines[i].function = map_function(g, src->line[i].function);
		lines[i].line = src->line[i].line;
	}
	sb_reset(&g->key);
	key_u64(&g->key, mi ? addr - mi->m->start : addr);
	key_u64(&g->key, mi ? mi->m->id : 0);
	key_u64(&g->key, src->is_folded);
	for (i = 0; i < src->nline; i++) {
		key_u64(&g->key, lines[i].function->id);
		key_u64(&g->key, (uint64_t)lines[i].line);
	}
	sl = map_slot(&g->locs, g->key.buf, g->key.len);
	if (!sl->value) {
		l = arena_new(&g->q->arena, struct pprof_location);
		l->id = g->location.len + 1;
		l->index = g->location.len;
		l->mapping = mi ? mi->m : NULL;
		l->address = addr;
		l->line = lines;
		l->nline = src->nline;
		l->is_folded = src->is_folded;
		vec_push(&g->location, l);
		sl->key = key_dup(g);
		sl->value = l;
	}
	l = sl->value;
	if (src->index < g->nloc_by_index)
		g->loc_by_index[src->index] = l;
	return l;
}

static int label_cmp(const void *a, const void *b)
{
	const struct pprof_label *x = *(struct pprof_label *const *)a;
	const struct pprof_label *y = *(struct pprof_label *const *)b;
	int c = (x->str == NULL) - (y->str == NULL);

	if (c)
		return c;
	c = strcmp(x->key, y->key);
	if (c)
		return c;
	/* keep the order of values under one key */
	return x < y ? -1 : x > y;
}

static bool zero_sample(const struct pprof_sample *s, size_t nv)
{
	size_t i;

	for (i = 0; i < nv; i++)
		if (s->value[i])
			return false;
	return true;
}

/* Serialise a sample's key (its locations' new ids, then its labels sorted
 * by kind and key) into k. */
static void sample_key(struct sb *k, struct pprof_location *const *locs, size_t nloc,
		       const struct pprof_label *labels, size_t nlabel)
{
	const struct pprof_label *lp[64], **lab = (const struct pprof_label **)lp;
	size_t i;

	sb_reset(k);
	for (i = 0; i < nloc; i++)
		key_u64(k, locs[i]->id);
	if (!nlabel)
		return;
	if (nlabel > 64)
		lab = xmalloc(sizeof(*lab) * nlabel);
	for (i = 0; i < nlabel; i++)
		lab[i] = &labels[i];
	qsort(lab, nlabel, sizeof(*lab), label_cmp);
	sb_addc(k, 0);
	for (i = 0; i < nlabel; i++) {
		key_str(k, lab[i]->key);
		if (lab[i]->str) {
			key_str(k, lab[i]->str);
		} else {
			key_u64(k, (uint64_t)lab[i]->num);
			key_str(k, lab[i]->unit);
		}
	}
	if (lab != (const struct pprof_label **)lp)
		free(lab);
}

static void stab_grow(struct merger *g)
{
	size_t ncap = g->scap ? g->scap * 2 : 1024, i, j;
	uint32_t *t = xcalloc(ncap, sizeof(*t));
	uint64_t *h = xcalloc(ncap, sizeof(*h));

	for (i = 0; i < g->scap; i++) {
		if (!g->stab[i])
			continue;
		for (j = g->shash[i] & (ncap - 1); t[j]; j = (j + 1) & (ncap - 1))
			;
		t[j] = g->stab[i];
		h[j] = g->shash[i];
	}
	free(g->stab);
	free(g->shash);
	g->stab = t;
	g->shash = h;
	g->scap = ncap;
}

static void map_sample(struct merger *g, const struct pprof_sample *src, size_t nv)
{
	struct pprof_location **locs;
	const struct pprof_label *labels = src->label;
	size_t nlabel = src->nlabel;
	uint64_t h;
	size_t i, j;

	if (g->xkey) {
		/* like pprof's SetLabel: replaces a string label of that key */
		struct pprof_label x = { g->xkey, g->xval, 0, "" };

		g->tmplabels.len = 0;
		for (i = 0; i < src->nlabel; i++)
			if (!src->label[i].str || strcmp(src->label[i].key, g->xkey))
				vec_push(&g->tmplabels, src->label[i]);
		vec_push(&g->tmplabels, x);
		labels = g->tmplabels.items;
		nlabel = g->tmplabels.len;
	}
	g->tmplocs.len = 0;
	for (i = 0; i < src->nlocation; i++)
		vec_push(&g->tmplocs, map_location(g, src->location[i]));
	sample_key(&g->key, g->tmplocs.items, src->nlocation, labels, nlabel);
	h = map_hash(g->key.buf ? g->key.buf : "", g->key.len);
	if ((g->sample.len + 1) * 2 > g->scap)
		stab_grow(g);
	for (j = h & (g->scap - 1); g->stab[j]; j = (j + 1) & (g->scap - 1)) {
		struct pprof_sample *o;

		if (g->shash[j] != h)
			continue;
		o = &g->sample.items[g->stab[j] - 1];
		sample_key(&g->key2, o->location, o->nlocation, o->label, o->nlabel);
		if (g->key2.len != g->key.len || memcmp(g->key2.buf, g->key.buf, g->key.len))
			continue;
		for (i = 0; i < nv; i++)
			o->value[i] += g->sign * src->value[i];
		return;
	}
	{
		struct pprof_sample s = { 0 };

		locs = arena_alloc(&g->q->arena, sizeof(*locs) * (src->nlocation + 1));
		if (src->nlocation)
			memcpy(locs, g->tmplocs.items, sizeof(*locs) * src->nlocation);
		s.location = locs;
		s.nlocation = src->nlocation;
		s.value = arena_alloc(&g->q->arena, sizeof(int64_t) * (nv + 1));
		for (i = 0; i < nv; i++)
			s.value[i] = g->sign * src->value[i];
		s.nlabel = nlabel;
		s.label = arena_alloc(&g->q->arena, sizeof(*s.label) * (nlabel + 1));
		for (i = 0; i < nlabel; i++) {
			s.label[i].key = intern(g, labels[i].key);
			s.label[i].str = labels[i].str ? intern(g, labels[i].str) : NULL;
			s.label[i].num = labels[i].num;
			s.label[i].unit = intern(g, labels[i].unit);
		}
		vec_push(&g->sample, s);
		g->stab[j] = (uint32_t)g->sample.len;
		g->shash[j] = h;
	}
}

static int same_type(const struct pprof_value_type *a, const struct pprof_value_type *b)
{
	return !strcmp(a->type, b->type) && !strcmp(a->unit, b->unit);
}

/* pprof_merge, with the sources from index `from` on negated and given
 * the label xkey=xval (when xkey is not NULL): pprof's base subtraction in
 * the same pass. */
static struct pprof_profile *merge_impl(struct pprof_profile *const *ps, size_t n,
					size_t from, const char *xkey, const char *xval,
					struct err *e)
{
	struct merger g;
	struct pprof_profile *q;
	size_t i, j, k, nv;
	bool seen_comment;

	if (n == 0) {
		err_setf(e, "no profiles to merge");
		return NULL;
	}
	for (i = 1; i < n; i++) {
		if (!same_type(&ps[0]->period_type, &ps[i]->period_type)) {
			err_setf(e, "incompatible period types %s/%s and %s/%s",
				 ps[0]->period_type.type, ps[0]->period_type.unit,
				 ps[i]->period_type.type, ps[i]->period_type.unit);
			return NULL;
		}
		if (ps[i]->nsample_type != ps[0]->nsample_type)
			goto incompatible;
		for (j = 0; j < ps[0]->nsample_type; j++)
			if (!same_type(&ps[0]->sample_type[j], &ps[i]->sample_type[j]))
				goto incompatible;
	}
	memset(&g, 0, sizeof(g));
	q = g.q = pprof_profile_new();
	arena_init(&g.scratch);
	nv = ps[0]->nsample_type;
	q->nsample_type = nv;
	q->sample_type = arena_new_array(&q->arena, struct pprof_value_type, nv + 1);
	for (j = 0; j < nv; j++) {
		q->sample_type[j].type = intern(&g, ps[0]->sample_type[j].type);
		q->sample_type[j].unit = intern(&g, ps[0]->sample_type[j].unit);
	}
	q->period_type.type = intern(&g, ps[0]->period_type.type);
	q->period_type.unit = intern(&g, ps[0]->period_type.unit);
	q->drop_frames = intern(&g, ps[0]->drop_frames);
	q->keep_frames = intern(&g, ps[0]->keep_frames);
	q->comment = arena_alloc(&q->arena, sizeof(char *) * 1);
	for (i = 0; i < n; i++) {
		const struct pprof_profile *s = ps[i];

		if (q->time_nanos == 0 || s->time_nanos < q->time_nanos)
			q->time_nanos = s->time_nanos;
		q->duration_nanos += s->duration_nanos;
		if (q->period == 0 || q->period < s->period)
			q->period = s->period;
		if (!*q->default_sample_type)
			q->default_sample_type = intern(&g, s->default_sample_type);
		q->ncomment += s->ncomment;
	}
	q->comment = arena_alloc(&q->arena, sizeof(char *) * (q->ncomment + 1));
	k = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < ps[i]->ncomment; j++) {
			size_t c;

			seen_comment = false;
			for (c = 0; c < k && !seen_comment; c++)
				seen_comment = !strcmp(q->comment[c], ps[i]->comment[j]);
			if (!seen_comment)
				q->comment[k++] = intern(&g, ps[i]->comment[j]);
		}
	}
	q->ncomment = k;

	for (i = 0; i < n; i++) {
		const struct pprof_profile *s = ps[i];

		g.sign = i >= from ? -1 : 1;
		g.xkey = i >= from ? xkey : NULL;
		g.xval = xval;
		g.nloc_by_index = s->nlocation;
		g.loc_by_index = xcalloc(s->nlocation + 1, sizeof(*g.loc_by_index));
		for (j = 0; j < s->nlocation; j++)
			if (s->location[j]->index != j)
				g.nloc_by_index = 0;  /* not indexed: no cache */
		if (g.mapping.len == 0 && s->nmapping > 0)
			map_mapping(&g, s->mapping[0]);
		for (j = 0; j < s->nsample; j++)
			if (!zero_sample(&s->sample[j], nv))
				map_sample(&g, &s->sample[j], nv);
		u64map_free(&g.fn_by_ptr);
		free(g.loc_by_index);
		g.loc_by_index = NULL;
		u64map_free(&g.map_by_ptr);
	}
	/* Samples that summed to zero disappear. */
	k = 0;
	for (j = 0; j < g.sample.len; j++)
		if (!zero_sample(&g.sample.items[j], nv))
			g.sample.items[k++] = g.sample.items[j];
	g.sample.len = k;

	q->nsample = g.sample.len;
	q->sample = arena_alloc(&q->arena, sizeof(*q->sample) * (q->nsample + 1));
	if (q->nsample)
		memcpy(q->sample, g.sample.items, sizeof(*q->sample) * q->nsample);
	q->nlocation = g.location.len;
	q->location = arena_alloc(&q->arena, sizeof(*q->location) * (q->nlocation + 1));
	if (q->nlocation)
		memcpy(q->location, g.location.items, sizeof(*q->location) * q->nlocation);
	q->nfunction = g.function.len;
	q->function = arena_alloc(&q->arena, sizeof(*q->function) * (q->nfunction + 1));
	if (q->nfunction)
		memcpy(q->function, g.function.items, sizeof(*q->function) * q->nfunction);
	q->nmapping = g.mapping.len;
	q->mapping = arena_alloc(&q->arena, sizeof(*q->mapping) * (q->nmapping + 1));
	if (q->nmapping)
		memcpy(q->mapping, g.mapping.items, sizeof(*q->mapping) * q->nmapping);

	vec_free(&g.sample);
	vec_free(&g.location);
	vec_free(&g.function);
	vec_free(&g.mapping);
	map_release(&g.strings);
	map_release(&g.funcs);
	map_release(&g.maps);
	map_release(&g.locs);
	free(g.stab);
	free(g.shash);
	sb_release(&g.key2);
	vec_free(&g.tmplocs);
	vec_free(&g.tmplabels);
	sb_release(&g.key);
	arena_release(&g.scratch);
	return q;
incompatible:
	err_setf(e, "incompatible sample types: the profiles do not record the same values");
	return NULL;
}

struct pprof_profile *pprof_merge(struct pprof_profile *const *ps, size_t n,
				  struct err *e)
{
	return merge_impl(ps, n, n, NULL, NULL, e);
}

struct pprof_profile *pprof_merge_base(struct pprof_profile *p, struct pprof_profile *base,
				       const char *label_key, const char *label_value,
				       struct err *e)
{
	struct pprof_profile *two[2] = { p, base };

	return merge_impl(two, 2, 1, label_key, label_value, e);
}

void pprof_scale(struct pprof_profile *p, double ratio)
{
	size_t i, j, k = 0;

	if (ratio == 1)
		return;
	for (i = 0; i < p->nsample; i++) {
		bool keep = false;

		for (j = 0; j < p->nsample_type; j++) {
			int64_t v = pprof_d2i(round((double)p->sample[i].value[j] * ratio));
			p->sample[i].value[j] = v;
			keep = keep || v != 0;
		}
		if (keep)
			p->sample[k++] = p->sample[i];
	}
	p->nsample = k;
}

void pprof_set_label(struct pprof_profile *p, const char *key, const char *value)
{
	size_t i, j;

	key = arena_strdup(&p->arena, key);
	value = arena_strdup(&p->arena, value);
	for (i = 0; i < p->nsample; i++) {
		struct pprof_sample *s = &p->sample[i];
		struct pprof_label *l;
		size_t k = 0;

		l = arena_alloc(&p->arena, sizeof(*l) * (s->nlabel + 1));
		for (j = 0; j < s->nlabel; j++)
			if (!s->label[j].str || strcmp(s->label[j].key, key))
				l[k++] = s->label[j];
		l[k].key = key;
		l[k].str = value;
		l[k].num = 0;
		l[k].unit = "";
		s->label = l;
		s->nlabel = k + 1;
	}
}

bool pprof_sample_has_label(const struct pprof_sample *s, const char *key,
			    const char *value)
{
	size_t i;

	for (i = 0; i < s->nlabel; i++)
		if (s->label[i].str && !strcmp(s->label[i].key, key) &&
		    !strcmp(s->label[i].str, value))
			return true;
	return false;
}
