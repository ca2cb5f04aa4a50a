/*
 * dot_tags: pprof -dot's tag boxes (see dot_tags.h).  Written from pprof's
 * documented output and observed behaviour: per node, string-label sets
 * and "bytes" sizes with their flat and cum weights; the boxes sorted by
 * weight (cum first for a leaf, flat for an inner node), at most four;
 * more sizes than four are collapsed onto the four heaviest by nearest
 * value, each group labelled by its smallest and largest size.
 */
#include "dot_tags.h"
#include "report.h"
#include "../base/arena.h"
#include "../base/map.h"
#include "../base/vec.h"
#include "../base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BOXES 4

struct tag {
	const char *labels;   /* the sample's string labels, joined; "" none */
	const char *name;     /* the box's text */
	const char *unit;     /* numeric: the size's unit */
	int64_t value;        /* numeric: the size */
	int64_t flat, cum;
	bool numeric;
	bool dead;            /* trimmed */
	uint32_t next;        /* next tag of the node + 1 */
};

struct dot_tags {
	struct arena arena;
	struct map index;     /* node, kind, labels, name -> tag + 1 */
	VEC(struct tag) tags;
	uint32_t *head;       /* per node: first tag + 1 */
	size_t nnodes;
};

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "k1:v1\nk2:v2" of the sample's string labels, sorted (the \n is the two
 * characters DOT reads as a line break). */
static const char *join_labels(struct dot_tags *t, const struct pprof_sample *s, struct sb *b)
{
	const char **v;
	size_t i, n = 0;

	if (!s->nlabel)
		return "";
	v = xmalloc(sizeof(*v) * s->nlabel);
	for (i = 0; i < s->nlabel; i++) {
		const struct pprof_label *l = &s->label[i];
		char *kv;
		size_t kl, vl;

		if (!l->str || !strcmp(l->key, "pprof::base"))
			continue;
		kl = strlen(l->key);
		vl = strlen(l->str);
		kv = arena_alloc(&t->arena, kl + vl + 2);
		memcpy(kv, l->key, kl);
		kv[kl] = ':';
		memcpy(kv + kl + 1, l->str, vl + 1);
		v[n++] = kv;
	}
	qsort(v, n, sizeof(*v), cmp_str);
	sb_reset(b);
	for (i = 0; i < n; i++) {
		if (i)
			sb_adds(b, "\\n");
		sb_adds(b, v[i]);
	}
	free(v);
	return n ? arena_strndup(&t->arena, sb_str(b), b->len) : "";
}

static struct tag *find_or_add(struct dot_tags *t, uint32_t node, bool numeric,
			       const char *labels, const char *name, struct sb *key)
{
	struct map_slot *s;
	struct tag *tg;

	sb_reset(key);
	sb_add(key, (const char *)&node, sizeof(node));
	sb_addc(key, numeric ? 'N' : 'L');
	sb_adds(key, labels);
	sb_addc(key, 0);
	sb_adds(key, name);
	s = map_slot(&t->index, key->buf, key->len);
	if (s->value)
		return &t->tags.items[(size_t)(uintptr_t)s->value - 1];
	s->key = arena_strndup(&t->arena, key->buf, key->len);
	{
		struct tag z;

		memset(&z, 0, sizeof(z));
		z.labels = labels;
		z.name = arena_strndup(&t->arena, name, strlen(name));
		z.numeric = numeric;
		z.next = t->head[node];
		vec_push(&t->tags, z);
	}
	t->head[node] = (uint32_t)t->tags.len;
	s->value = (void *)(uintptr_t)t->tags.len;
	tg = &t->tags.items[t->tags.len - 1];
	return tg;
}

struct size_box {
	size_t label;   /* index of the sample's label */
	size_t off;     /* its box text in add_ctx's names */
};

struct add_ctx {
	struct dot_tags *t;
	const struct pprof_sample *s;
	const char *labels;
	const char *bytes_unit, *unit;
	struct sb key, name;
	/* the sample's "bytes" sizes as their box texts, NUL-separated in
	 * names, made once per sample */
	struct sb names;
	VEC(struct size_box) sizes;
};

/* Format the sample's sizes once: every node of its stack gets the same */
static void sample_sizes(struct add_ctx *a)
{
	size_t i;

	sb_reset(&a->names);
	a->sizes.len = 0;
	for (i = 0; i < a->s->nlabel; i++) {
		const struct pprof_label *l = &a->s->label[i];
		struct size_box box = { i, a->names.len };

		if (l->str || strcmp(l->key, "bytes"))
			continue;
		vec_push(&a->sizes, box);
		pprof_scaled_label(&a->names, l->num, a->bytes_unit, a->unit);
		sb_addc(&a->names, 0);
	}
}

static void add_sample(struct add_ctx *a, uint32_t node, int64_t v, bool flat)
{
	size_t k;

	if (*a->labels) {
		struct tag *tg = find_or_add(a->t, node, false, a->labels, a->labels, &a->key);
		if (flat)
			tg->flat += v;
		else
			tg->cum += v;
	}
	for (k = 0; k < a->sizes.len; k++) {
		const struct size_box *sz = &a->sizes.items[k];
		const struct pprof_label *l = &a->s->label[sz->label];
		struct tag *tg;

		tg = find_or_add(a->t, node, true, a->labels,
				 a->names.buf + sz->off, &a->key);
		if (!tg->unit) {
			/* sizes that print alike are one tag: the first
			 * size seen is its value */
			tg->unit = a->bytes_unit;
			tg->value = l->num;
		}
		if (flat)
			tg->flat += v;
		else
			tg->cum += v;
	}
}

struct dot_tags *dot_tags_build(const struct pprof_graph *g, const struct pprof_profile *p,
				const int64_t *w, bool use_kept, const char *unit,
				const bool *want)
{
	struct dot_tags *t = xcalloc(1, sizeof(*t));
	struct add_ctx a;
	uint32_t *stamp, cur = 0;
	size_t s;

	arena_init(&t->arena);
	t->nnodes = g->nodes.len;
	t->head = xcalloc(g->nodes.len + 1, sizeof(*t->head));
	stamp = xcalloc(g->nodes.len + 1, sizeof(*stamp));
	memset(&a, 0, sizeof(a));
	a.t = t;
	a.bytes_unit = pprof_num_label_unit(p, "bytes");
	a.unit = unit && *unit ? unit : "minimum";
	for (s = 0; s < p->nsample; s++) {
		const struct pprof_sample *smp = &p->sample[s];
		long parent = -1, li;
		bool residual = false;

		if (w[s] == 0 || !smp->nlabel)
			continue;
		a.s = smp;
		a.labels = join_labels(t, smp, &a.name);
		sample_sizes(&a);
		if (!*a.labels && !a.sizes.len)
			continue;   /* no string label, no size: no box */
		cur++;
		for (li = (long)smp->nlocation - 1; li >= 0; li--) {
			size_t loc = smp->location[li]->index;
			size_t start = g->locstart[loc], cnt = g->loccount[loc];
			long ni;

			for (ni = (long)cnt - 1; ni >= 0; ni--) {
				uint32_t n = g->locnodes[start + ni];

				if (use_kept && !g->nodes.items[n].kept) {
					residual = true;
					continue;
				}
				if (stamp[n] != cur && (!want || want[n])) {
					stamp[n] = cur;
					add_sample(&a, n, w[s], false);
				}
				parent = n;
				residual = false;
			}
		}
		if (parent >= 0 && !residual && (!want || want[parent]))
			add_sample(&a, (uint32_t)parent, w[s], true);
	}
	sb_release(&a.key);
	sb_release(&a.name);
	sb_release(&a.names);
	vec_free(&a.sizes);
	free(stamp);
	return t;
}

void dot_tags_trim(struct dot_tags *t, int64_t cutoff)
{
	size_t i;

	for (i = 0; t && i < t->tags.len; i++) {
		struct tag *tg = &t->tags.items[i];
		if (abs64(tg->flat) < cutoff && abs64(tg->cum) < cutoff)
			tg->dead = true;
	}
}

size_t dot_tags_count(const struct dot_tags *t, uint32_t node)
{
	size_t n = 0;
	uint32_t i;

	if (!t || node >= t->nnodes)
		return 0;
	for (i = t->head[node]; i; i = t->tags.items[i - 1].next) {
		const struct tag *tg = &t->tags.items[i - 1];
		n += !tg->dead && tg->flat != 0;
	}
	return n;
}

/* pprof's tag order: by |cum| (unless flat), then |flat|, then name. */
static bool sort_flat;

static int cmp_tags(const void *pa, const void *pb)
{
	const struct tag *a = *(const struct tag *const *)pa, *b = *(const struct tag *const *)pb;

	if (!sort_flat && a->cum != b->cum)
		return abs64(a->cum) > abs64(b->cum) ? -1 : abs64(a->cum) < abs64(b->cum) ? 1 : 0;
	if (a->flat != b->flat)
		return abs64(a->flat) > abs64(b->flat) ? -1 : abs64(a->flat) < abs64(b->flat) ? 1 : 0;
	return strcmp(a->name, b->name);
}

static void sort_tags(const struct tag **v, size_t n, bool flat)
{
	sort_flat = flat;
	qsort(v, n, sizeof(*v), cmp_tags);
}

static double scaled(int64_t v, const char *from, const char *to)
{
	const char *u;
	return pprof_scale_value(v, from, to, &u);
}

static double distance(const struct tag *t, const struct tag *u)
{
	double v = scaled(u->value, u->unit, t->unit);
	return v < (double)t->value ? (double)t->value - v : v - (double)t->value;
}

/* The numeric tags nts[0..n) collapsed into at most MAX_BOXES boxes, in
 * box order; groups get their text in arena a. */
static size_t collapse(struct dot_tags *t, const struct tag **nts, size_t n, bool flat,
		       struct tag *out)
{
	size_t i, j, k;
	size_t *grp;
	struct sb b = SB_INIT;
	const struct tag *tmp[MAX_BOXES];

	sort_tags(nts, n, flat);
	if (n <= MAX_BOXES) {
		for (i = 0; i < n; i++)
			out[i] = *nts[i];
		return n;
	}
	grp = xmalloc(sizeof(*grp) * n);
	for (i = 0; i < MAX_BOXES; i++)
		grp[i] = i;
	for (i = MAX_BOXES; i < n; i++) {
		size_t best = 0;
		double d = distance(nts[i], nts[0]);

		for (j = 1; j < MAX_BOXES; j++) {
			double nd = distance(nts[i], nts[j]);
			if (nd < d) {
				best = j;
				d = nd;
			}
		}
		grp[i] = best;
	}
	for (j = 0; j < MAX_BOXES; j++) {
		const struct tag *mn = nts[j], *mx = nts[j];
		int64_t f = 0, c = 0;
		size_t members = 0;

		for (k = 0; k < n; k++) {
			const struct tag *x = nts[k];

			if (grp[k] != j)
				continue;
			members++;
			f += x->flat;
			c += x->cum;
			if (k == j)
				continue;
			if ((int64_t)scaled(x->value, x->unit, mn->unit) < mn->value)
				mn = x;
			if ((int64_t)scaled(x->value, x->unit, mx->unit) > mx->value)
				mx = x;
		}
		memset(&out[j], 0, sizeof(out[j]));
		sb_reset(&b);
		pprof_scaled_label(&b, mn->value, mn->unit, "auto");
		if (members > 1) {
			sb_adds(&b, "..");
			pprof_scaled_label(&b, mx->value, mx->unit, "auto");
		}
		out[j].name = arena_strndup(&t->arena, sb_str(&b), b.len);
		out[j].flat = f;
		out[j].cum = c;
		tmp[j] = &out[j];
	}
	sb_release(&b);
	free(grp);
	{
		struct tag sorted[MAX_BOXES];

		sort_tags(tmp, MAX_BOXES, flat);
		for (j = 0; j < MAX_BOXES; j++)
			sorted[j] = *tmp[j];
		memcpy(out, sorted, sizeof(sorted));
	}
	return MAX_BOXES;
}

static bool numeric_boxes(struct dot_tags *t, const struct tag **nts, size_t n, bool flat,
			  const char *source, struct sb *out, dot_tags_value_fn *value,
			  const void *arg)
{
	struct tag boxes[MAX_BOXES];
	size_t j, nb = collapse(t, nts, n, flat, boxes);
	bool any = false;
	struct sb wv = SB_INIT;

	for (j = 0; j < nb; j++) {
		int64_t w = boxes[j].cum;
		const char *attr = " style=\"dotted\"";

		if (flat || boxes[j].flat == boxes[j].cum) {
			w = boxes[j].flat;
			attr = "";
		}
		if (w == 0)
			continue;
		sb_reset(&wv);
		value(&wv, arg, w);
		sb_addf(out, "N%s_%zu [label = \"%s\" id=\"N%s_%zu\" fontsize=8 shape=box3d tooltip=\"%s\"]\n",
			source, j, boxes[j].name, source, j, sb_str(&wv));
		sb_addf(out, "%s -> N%s_%zu [label=\" %s\" weight=100 tooltip=\"%s\" labeltooltip=\"%s\"%s]\n",
			source, source, j, sb_str(&wv), sb_str(&wv), sb_str(&wv), attr);
		any = true;
	}
	sb_release(&wv);
	return any;
}

bool dot_tags_write(const struct dot_tags *ct, uint32_t node, size_t num, bool flat,
		    struct sb *out, dot_tags_value_fn *value, const void *arg)
{
	struct dot_tags *t = (struct dot_tags *)ct;
	const struct tag **ls, **ns;
	size_t nl = 0, nn = 0, i, k, total = 0;
	uint32_t x;
	bool any = false;
	struct sb wv = SB_INIT, src = SB_INIT;

	if (!t || node >= t->nnodes || !t->head[node])
		return false;
	for (x = t->head[node]; x; x = t->tags.items[x - 1].next)
		total++;
	ls = xmalloc(sizeof(*ls) * total);
	ns = xmalloc(sizeof(*ns) * total);
	for (x = t->head[node]; x; x = t->tags.items[x - 1].next) {
		const struct tag *tg = &t->tags.items[x - 1];
		if (!tg->dead && !tg->numeric)
			ls[nl++] = tg;
	}
	sort_tags(ls, nl, flat);
	if (nl > MAX_BOXES)
		nl = MAX_BOXES;
	for (i = 0; i < nl; i++) {
		int64_t w = flat ? ls[i]->flat : ls[i]->cum;

		if (w == 0)
			continue;
		sb_reset(&wv);
		value(&wv, arg, w);
		sb_addf(out, "N%zu_%zu [label = \"%s\" id=\"N%zu_%zu\" fontsize=8 shape=box3d tooltip=\"%s\"]\n",
			num, i, ls[i]->name, num, i, sb_str(&wv));
		sb_addf(out, "N%zu -> N%zu_%zu [label=\" %s\" weight=100 tooltip=\"%s\" labeltooltip=\"%s\"]\n",
			num, num, i, sb_str(&wv), sb_str(&wv), sb_str(&wv));
		any = true;
		/* the sizes of the samples with these labels */
		nn = 0;
		for (x = t->head[node]; x; x = t->tags.items[x - 1].next) {
			const struct tag *tg = &t->tags.items[x - 1];
			if (!tg->dead && tg->numeric && !strcmp(tg->labels, ls[i]->name))
				ns[nn++] = tg;
		}
		if (nn) {
			sb_reset(&src);
			sb_addf(&src, "N%zu_%zu", num, i);
			numeric_boxes(t, ns, nn, flat, sb_str(&src), out, value, arg);
		}
	}
	nn = 0;
	for (x = t->head[node]; x; x = t->tags.items[x - 1].next) {
		const struct tag *tg = &t->tags.items[x - 1];
		if (!tg->dead && tg->numeric && !*tg->labels)
			ns[nn++] = tg;
	}
	if (nn) {
		sb_reset(&src);
		sb_addf(&src, "N%zu", num);
		any |= numeric_boxes(t, ns, nn, flat, sb_str(&src), out, value, arg);
	}
	(void)k;
	sb_release(&wv);
	sb_release(&src);
	free(ls);
	free(ns);
	return any;
}

void dot_tags_free(struct dot_tags *t)
{
	if (!t)
		return;
	map_release(&t->index);
	vec_free(&t->tags);
	free(t->head);
	arena_release(&t->arena);
	free(t);
}
