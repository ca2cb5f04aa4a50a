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

static struct pprof_profile *load_one(const char *src, struct err *e)
{
	size_t len;
	char *data = pprof_source_read(src, NULL, &len, e);
	struct pprof_profile *p;

	if (!data)
		return NULL;
	p = pprof_profile_parse(data, len, src, e);
	free(data);
	return p;
}

struct pprof_profile *pprof_load(const char *src, const char *base,
				 bool diff_base, struct err *e)
{
	struct pprof_profile *p = load_one(src, e), *b = NULL, *q;

	if (!p)
		return NULL;
	if (base && !(b = load_one(base, e))) {
		pprof_profile_free(p);
		return NULL;
	}
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
	pprof_profile_free(p);
	pprof_profile_free(b);
	return q;
}
