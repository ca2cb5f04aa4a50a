/*
 * filter: regular expressions, pprof's sample filters, frame pruning, and
 * the load step every report starts with.
 *
 * Expressions are PCRE2 with PCRE2_DOLLAR_ENDONLY and UTF mode, searched
 * unanchored like Go's MatchString; for the expressions people type at pprof
 * (names, dots, alternation, classes) the two engines agree.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "report.h"
#include "internal.h"
#include "source.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/xalloc.h"

struct pprof_rx {
	pcre2_code *code;
	pcre2_match_data *md;
};

struct pprof_rx *pprof_rx_compile(const char *pattern, const char *what,
				  struct err *e)
{
	struct pprof_rx *r;
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *c;

	c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			  PCRE2_DOLLAR_ENDONLY | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
			  &ec, &eo, NULL);
	if (!c) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(ec, msg, sizeof(msg));
		err_setf(e, "parsing %s regexp: %s at offset %zu in '%s'", what,
			 (char *)msg, (size_t)eo, pattern);
		return NULL;
	}
	r = xmalloc(sizeof(*r));
	r->code = c;
	pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	r->md = pcre2_match_data_create_from_pattern(c, NULL);
	return r;
}

int pprof_rx_match(struct pprof_rx *r, const char *s)
{
	return pcre2_match(r->code, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0,
			   r->md, NULL) > 0;
}

void pprof_rx_free(struct pprof_rx *r)
{
	if (!r)
		return;
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
	free(r);
}

/* ---- pruning (drop_frames / keep_frames) ---- */

/* pprof's simplifyFunc: cut a name at its first "(" that is not part of
 * "(anonymous namespace)" or "operator()". */
static char *simplify_func(const char *f, char *buf, size_t cap)
{
	size_t n, i;

	if (*f == '.')
		f++;
	n = strlen(f);
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, f, n);
	buf[n] = 0;
	for (i = 0; i < n; i++) {
		if (!strncmp(buf + i, "(anonymous namespace)", 21)) {
			i += 20;
			continue;
		}
		if (!strncmp(buf + i, "operator()", 10)) {
			i += 9;
			continue;
		}
		if (buf[i] == '(') {
			buf[i] = 0;
			break;
		}
	}
	return buf;
}

int pprof_remove_uninteresting(struct pprof_profile *p, struct err *e)
{
	struct pprof_rx *drop, *keep = NULL;
	char *pat;
	unsigned char *prune, *beneath;
	size_t i;
	char buf[4096];

	if (!*p->drop_frames)
		return 0;
	pat = xmalloc(strlen(p->drop_frames) + 8);
	sprintf(pat, "^(%s)$", p->drop_frames);
	drop = pprof_rx_compile(pat, "drop_frames", e);
	free(pat);
	if (!drop)
		return -1;
	if (*p->keep_frames) {
		pat = xmalloc(strlen(p->keep_frames) + 8);
		sprintf(pat, "^(%s)$", p->keep_frames);
		keep = pprof_rx_compile(pat, "keep_frames", e);
		free(pat);
		if (!keep) {
			pprof_rx_free(drop);
			return -1;
		}
	}
	prune = xcalloc(p->nlocation + 1, 1);
	beneath = xcalloc(p->nlocation + 1, 1);
	for (i = 0; i < p->nlocation; i++) {
		struct pprof_location *l = p->location[i];
		long k;

		for (k = (long)l->nline - 1; k >= 0; k--) {
			const char *name = l->line[k].function->name;

			if (*name) {
				const char *f = simplify_func(name, buf, sizeof(buf));
				if (pprof_rx_match(drop, f) && (!keep || !pprof_rx_match(keep, f)))
					break;
			}
		}
		if (k >= 0) {
			beneath[i] = 1;
			if ((size_t)k == l->nline - 1) {
				prune[i] = 1;
			} else {
				l->line += k + 1;
				l->nline -= (size_t)k + 1;
			}
		}
	}
	for (i = 0; i < p->nsample; i++) {
		struct pprof_sample *s = &p->sample[i];
		bool user = false;
		long k;

		for (k = (long)s->nlocation - 1; k >= 0; k--) {
			size_t li = s->location[k]->index;

			if (!prune[li] && !beneath[li]) {
				user = true;
				continue;
			}
			if (!user)
				continue;
			if (prune[li]) {
				s->location += k + 1;
				s->nlocation -= (size_t)k + 1;
			} else {
				s->location += k;
				s->nlocation -= (size_t)k;
			}
			break;
		}
	}
	free(prune);
	free(beneath);
	pprof_rx_free(drop);
	pprof_rx_free(keep);
	return 0;
}

/* ---- name filters ---- */

static bool line_matches(struct pprof_rx *r, const struct pprof_line *ln)
{
	return pprof_rx_match(r, ln->function->name) ||
	       pprof_rx_match(r, ln->function->filename);
}

static bool loc_matches(struct pprof_rx *r, const struct pprof_location *l)
{
	size_t i;

	for (i = 0; i < l->nline; i++)
		if (line_matches(r, &l->line[i]))
			return true;
	return l->mapping && pprof_rx_match(r, l->mapping->file);
}

/* Keep the lines that (do not) match; lines are copied, never shared. */
static void filter_lines(struct arena *a, struct pprof_location *l,
			 struct pprof_rx *r, bool keep_matching)
{
	struct pprof_line *nl;
	size_t i, n = 0;

	if (l->mapping && pprof_rx_match(r, l->mapping->file)) {
		if (!keep_matching)
			l->nline = 0;
		return;
	}
	nl = arena_alloc(a, sizeof(*nl) * (l->nline + 1));
	for (i = 0; i < l->nline; i++)
		if (line_matches(r, &l->line[i]) == keep_matching)
			nl[n++] = l->line[i];
	l->line = nl;
	l->nline = n;
}

/* Returns a bit mask of which filters matched something (1 focus, 2 ignore,
 * 4 hide, 8 show). */
static unsigned filter_by_name(struct pprof_profile *p, struct pprof_rx *focus,
			       struct pprof_rx *ignore, struct pprof_rx *hide,
			       struct pprof_rx *show)
{
	/* per location: 0 neither, 1 focus, 2 ignore; hidden flag */
	unsigned char *fi = xcalloc(p->nlocation + 1, 1);
	unsigned char *hidden = xcalloc(p->nlocation + 1, 1);
	size_t i, j, k = 0;
	bool any_hidden = false;
	unsigned matched = 0;

	for (i = 0; i < p->nlocation; i++) {
		struct pprof_location *l = p->location[i];

		if (ignore && loc_matches(ignore, l)) {
			matched |= 2;
			fi[i] = 2;
		} else if (!focus || loc_matches(focus, l)) {
			matched |= 1;
			fi[i] = 1;
		}
		if (hide && loc_matches(hide, l)) {
			matched |= 4;
			filter_lines(&p->arena, l, hide, false);
			if (l->nline == 0)
				hidden[i] = 1, any_hidden = true;
		}
		if (show) {
			filter_lines(&p->arena, l, show, true);
			if (l->nline == 0)
				hidden[i] = 1, any_hidden = true;
			else
				matched |= 8;
		}
	}
	for (i = 0; i < p->nsample; i++) {
		struct pprof_sample *s = &p->sample[i];
		bool f = false, ig = false;

		for (j = 0; j < s->nlocation; j++) {
			unsigned char v = fi[s->location[j]->index];
			if (v == 2) {
				ig = true;
				break;
			}
			if (v == 1)
				f = true;
		}
		if (ig || !f)
			continue;
		if (any_hidden) {
			struct pprof_location **nl = arena_alloc(&p->arena,
				sizeof(*nl) * (s->nlocation + 1));
			size_t n = 0;

			for (j = 0; j < s->nlocation; j++)
				if (!hidden[s->location[j]->index])
					nl[n++] = s->location[j];
			if (n == 0)
				continue;
			s->location = nl;
			s->nlocation = n;
		}
		p->sample[k++] = *s;
	}
	p->nsample = k;
	free(fi);
	free(hidden);
	return matched;
}

static bool show_from(struct pprof_profile *p, struct pprof_rx *r)
{
	unsigned char *from = xcalloc(p->nlocation + 1, 1);
	size_t i, k = 0;
	bool matched = false;

	for (i = 0; i < p->nlocation; i++) {
		struct pprof_location *l = p->location[i];
		long j;

		if (l->mapping && pprof_rx_match(r, l->mapping->file)) {
			from[i] = 1;
			matched = true;
			continue;
		}
		for (j = (long)l->nline - 1; j >= 0; j--)
			if (line_matches(r, &l->line[j]))
				break;
		if (j >= 0) {
			l->nline = (size_t)j + 1;
			from[i] = 1;
			matched = true;
		}
	}
	for (i = 0; i < p->nsample; i++) {
		struct pprof_sample *s = &p->sample[i];
		long j;

		for (j = (long)s->nlocation - 1; j >= 0; j--) {
			if (from[s->location[j]->index]) {
				s->nlocation = (size_t)j + 1;
				p->sample[k++] = *s;
				break;
			}
		}
	}
	p->nsample = k;
	free(from);
	return matched;
}

/* ---- tag filters (pprof's -tagfocus / -tagignore) ---- */

struct tagfilter {
	const char *key;          /* "" : any key */
	bool numeric;
	int kind;                 /* 0 ==, 1 >=, 2 <=, 3 range */
	double v1, v2;
	const char *unit;         /* points into unitbuf */
	char unitbuf[32];
	struct pprof_rx **rx;
	size_t nrx;
	char *buf;
};

/* One number with an optional unit word at s: "[+-]digits[letters]". */
static const char *range_token(const char *s, const char **num_end, const char **end)
{
	const char *p = s;

	for (; *p; p++) {
		const char *q = p;

		if ((*q == '+' || *q == '-') && q[1] >= '0' && q[1] <= '9')
			q++;
		if (*q >= '0' && *q <= '9') {
			while (*q >= '0' && *q <= '9')
				q++;
			*num_end = q;
			while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
				q++;
			*end = q;
			return p;
		}
	}
	return NULL;
}

/* pprof's parseTagFilterRange; false if filter is not a range. */
static bool parse_range(struct tagfilter *t, const char *filter)
{
	const char *a, *an, *ae, *b = NULL, *bn = NULL, *be = NULL;
	char num[32], unit[32];
	const char *u;
	int64_t v;

	a = range_token(filter, &an, &ae);
	if (!a)
		return false;
	if (*ae)
		b = range_token(ae, &bn, &be);
	if ((size_t)(an - a) >= sizeof(num) || (size_t)(ae - an) >= sizeof(unit))
		return false;
	snprintf(num, sizeof(num), "%.*s", (int)(an - a), a);
	snprintf(unit, sizeof(unit), "%.*s", (int)(ae - an), an);
	v = strtoll(num, NULL, 10);
	t->v1 = pprof_scale_value(v, unit, unit, &u);
	/* u may point into our own buffer: keep a copy */
	snprintf(t->unitbuf, sizeof(t->unitbuf), "%s", u);
	t->unit = t->unitbuf;
	if (!b) {
		if (a == filter && !*ae)
			t->kind = 0;
		else if (a == filter && ae[0] == ':' && !ae[1])
			t->kind = 1;
		else if (a == filter + 1 && filter[0] == ':' && !*ae)
			t->kind = 2;
		else
			return false;
		t->numeric = true;
		return true;
	}
	/* "A:B" exactly */
	if (a != filter || *ae != ':' || b != ae + 1 || *be)
		return false;
	if ((size_t)(bn - b) >= sizeof(num) || (size_t)(be - bn) >= sizeof(unit))
		return false;
	snprintf(num, sizeof(num), "%.*s", (int)(bn - b), b);
	snprintf(unit, sizeof(unit), "%.*s", (int)(be - bn), bn);
	v = strtoll(num, NULL, 10);
	t->v2 = pprof_scale_value(v, unit, t->unit, &u);
	if (strcmp(u, t->unit))
		return false;
	t->kind = 3;
	t->numeric = true;
	return true;
}

static void tagfilter_free(struct tagfilter *t)
{
	size_t i;

	for (i = 0; i < t->nrx; i++)
		pprof_rx_free(t->rx[i]);
	free(t->rx);
	free(t->buf);
	memset(t, 0, sizeof(*t));
}

static int tagfilter_compile(struct tagfilter *t, const char *value, const char *what,
			     struct err *e)
{
	char *eq, *v, *tok, *save;

	memset(t, 0, sizeof(*t));
	t->buf = xstrdup(value);
	t->key = "";
	v = t->buf;
	eq = strchr(v, '=');
	if (eq) {
		*eq = 0;
		t->key = v;
		v = eq + 1;
	}
	if (parse_range(t, v))
		return 0;
	/* comma-separated expressions; Go's Split keeps empty ones */
	for (tok = v;; tok = save + 1) {
		struct pprof_rx *rx;

		save = strchr(tok, ',');
		if (save)
			*save = 0;
		rx = pprof_rx_compile(tok, what, e);
		if (!rx) {
			tagfilter_free(t);
			return -1;
		}
		t->rx = xrealloc(t->rx, sizeof(*t->rx) * (t->nrx + 1));
		t->rx[t->nrx++] = rx;
		if (!save)
			break;
	}
	return 0;
}

static bool num_matches(const struct tagfilter *t, int64_t v, const char *unit)
{
	const char *su;
	double sv = pprof_scale_value(v, unit, t->unit, &su);

	if (strcmp(su, t->unit))
		return false;
	switch (t->kind) {
	case 0: return sv == t->v1;
	case 1: return sv >= t->v1;
	case 2: return sv <= t->v1;
	default: return sv >= t->v1 && sv <= t->v2;
	}
}

/* pprof's NumLabelUnits: the first unit given for a key, else a default. */
const char *pprof_num_label_unit(const struct pprof_profile *p, const char *key)
{
	size_t i, j;

	for (i = 0; i < p->nsample; i++)
		for (j = 0; j < p->sample[i].nlabel; j++) {
			const struct pprof_label *l = &p->sample[i].label[j];
			if (!l->str && *l->unit && !strcmp(l->key, key))
				return l->unit;
		}
	if (!strcmp(key, "alignment") || !strcmp(key, "request"))
		return "bytes";
	return key;
}

static bool tag_matches(const struct pprof_profile *p, const struct tagfilter *t,
			const struct pprof_sample *s)
{
	size_t i, k;

	if (t->numeric) {
		for (i = 0; i < s->nlabel; i++) {
			const struct pprof_label *l = &s->label[i];

			if (l->str || (*t->key && strcmp(l->key, t->key)))
				continue;
			if (num_matches(t, l->num, pprof_num_label_unit(p, l->key)))
				return true;
		}
		return false;
	}
	if (*t->key) {
		for (k = 0; k < t->nrx; k++)
			for (i = 0; i < s->nlabel; i++)
				if (s->label[i].str && !strcmp(s->label[i].key, t->key) &&
				    pprof_rx_match(t->rx[k], s->label[i].str))
					return true;
		return false;
	}
	/* every expression must match some "key:value" */
	for (k = 0; k < t->nrx; k++) {
		bool hit = false;

		for (i = 0; i < s->nlabel && !hit; i++) {
			char *kv;

			if (!s->label[i].str)
				continue;
			kv = xmalloc(strlen(s->label[i].key) + strlen(s->label[i].str) + 2);
			sprintf(kv, "%s:%s", s->label[i].key, s->label[i].str);
			hit = pprof_rx_match(t->rx[k], kv);
			free(kv);
		}
		if (!hit)
			return false;
	}
	return true;
}

/* pprof's FilterSamplesByTag; bits 32 (focus) and 64 (ignore) of the
 * result say which matched something. */
static unsigned filter_by_tag(struct pprof_profile *p, const struct tagfilter *focus,
			      const struct tagfilter *ignore)
{
	size_t i, k = 0;
	unsigned m = 0;

	for (i = 0; i < p->nsample; i++) {
		bool f = true, ig = false;

		if (focus)
			f = tag_matches(p, focus, &p->sample[i]);
		if (ignore)
			ig = tag_matches(p, ignore, &p->sample[i]);
		if (f)
			m |= 32;
		if (ig)
			m |= 64;
		if (f && !ig)
			p->sample[k++] = p->sample[i];
	}
	p->nsample = k;
	return m;
}

unsigned pprof_unmatched(const struct pprof_report_opts *o, unsigned matched)
{
	const char *pat[7] = { o->focus, o->ignore, o->hide, o->show, o->show_from,
			       o->tagfocus, o->tagignore };
	unsigned r = 0;
	int i;

	for (i = 0; i < 7; i++)
		if (pat[i] && *pat[i] && !(matched & (1u << i)))
			r |= 1u << i;
	return r;
}

int pprof_apply_filters(struct pprof_profile *p, const struct pprof_report_opts *o,
			unsigned *matched, struct err *e)
{
	struct pprof_rx *rx[5] = { NULL };
	const char *pat[5] = { o->focus, o->ignore, o->hide, o->show, o->show_from };
	static const char *const what[5] = { "focus", "ignore", "hide", "show", "show_from" };
	int i, rc = -1;

	*matched = 0;
	for (i = 0; i < 5; i++)
		if (pat[i] && *pat[i] && !(rx[i] = pprof_rx_compile(pat[i], what[i], e)))
			goto out;
	if (rx[0] || rx[1] || rx[2] || rx[3])
		*matched = filter_by_name(p, rx[0], rx[1], rx[2], rx[3]);
	if (rx[4] && show_from(p, rx[4]))
		*matched |= 16;
	if ((o->tagfocus && *o->tagfocus) || (o->tagignore && *o->tagignore)) {
		struct tagfilter tf, ti;
		bool hf = o->tagfocus && *o->tagfocus, hi = o->tagignore && *o->tagignore;

		if (hf && tagfilter_compile(&tf, o->tagfocus, "tagfocus", e))
			goto out;
		if (hi && tagfilter_compile(&ti, o->tagignore, "tagignore", e)) {
			if (hf)
				tagfilter_free(&tf);
			goto out;
		}
		*matched |= filter_by_tag(p, hf ? &tf : NULL, hi ? &ti : NULL);
		if (hf)
			tagfilter_free(&tf);
		if (hi)
			tagfilter_free(&ti);
	}
	rc = 0;
out:
	for (i = 0; i < 5; i++)
		pprof_rx_free(rx[i]);
	return rc;
}

/* ---- load ---- */

struct pprof_profile *pprof_prepare(struct pprof_profile *p,
				    struct pprof_profile *base, bool diff_base,
				    struct err *e)
{
	/* pprof merges p and base each on its own first; merging is
	 * associative for the values, so one pass over both gives the same
	 * samples */
	struct pprof_profile *q = base ?
		pprof_merge_base(p, base, diff_base ? "pprof::base" : NULL, "true", e) :
		pprof_merge(&p, 1, e);

	if (!q)
		return NULL;
	if (pprof_remove_uninteresting(q, e)) {
		pprof_profile_free(q);
		return NULL;
	}
	return q;
}

static struct pprof_profile *load_one(const char *src, unsigned flags, struct err *e)
{
	size_t len;
	char *data = pprof_source_read(src, NULL, &len, e);
	struct pprof_profile *p;

	if (!data)
		return NULL;
	p = pprof_profile_parse_flags(data, len, src, flags, e);
	free(data);
	return p;
}

/* pprof_load's steps once both profiles are parsed; frees p and b. */
static struct pprof_profile *load_finish(struct pprof_profile *p, struct pprof_profile *b,
					 bool diff_base, struct err *e)
{
	struct pprof_profile *q;

	if (!b) {
		/* pprof merges a lone profile with itself; with no negative
		 * values that changes no report (equal stacks add up, nodes are
		 * keyed by name anyway), so a large profile skips the work */
		size_t i, j;
		bool neg = false;

		for (i = 0; i < p->nsample && !neg; i++)
			for (j = 0; j < p->nsample_type; j++)
				if (p->sample[i].value[j] < 0)
					neg = true;
		if (!neg) {
			if (pprof_remove_uninteresting(p, e)) {
				pprof_profile_free(p);
				return NULL;
			}
			return p;
		}
	}
	q = pprof_prepare(p, b, diff_base, e);
	if (q)
		q->unused_comment_symbols = p->unused_comment_symbols;
	pprof_profile_free(p);
	pprof_profile_free(b);
	return q;
}

struct pprof_profile *pprof_load(const char *src, const char *base,
				 bool diff_base, unsigned parse_flags, struct err *e)
{
	struct pprof_profile *p = load_one(src, parse_flags, e), *b = NULL;

	if (!p)
		return NULL;
	if (base && !(b = load_one(base, parse_flags, e))) {
		pprof_profile_free(p);
		return NULL;
	}
	return load_finish(p, b, diff_base, e);
}

struct pprof_profile *pprof_load_parsed(struct pprof_profile *p, struct err *e)
{
	return load_finish(p, NULL, false, e);
}

struct pprof_profile *pprof_load_bytes(const void *data, size_t len, const char *name,
				       const void *bdata, size_t blen, const char *bname,
				       bool diff_base, unsigned parse_flags, struct err *e)
{
	struct pprof_profile *p = pprof_profile_parse_flags(data, len, name, parse_flags, e);
	struct pprof_profile *b = NULL;

	if (!p)
		return NULL;
	if (bdata && !(b = pprof_profile_parse_flags(bdata, blen, bname, parse_flags, e))) {
		pprof_profile_free(p);
		return NULL;
	}
	return load_finish(p, b, diff_base, e);
}
