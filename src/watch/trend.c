/*
 * trend: a sequential test (looks, alpha spent over them), Mann-Kendall
 * significance, Theil-Sen slope, persistence, a rising floor and a minimum
 * effect (see trend.h and docs/watch.md for why these).  Both tests look at all pairs, so a
 * long recording is first reduced to at most TREND_MAX_POINTS points by
 * taking the median of consecutive bins: that keeps the cost bounded
 * (O(n^2) on 256 points) and is itself robust to outliers.
 */
#include "trend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/xalloc.h"

#define TREND_MAX_POINTS 256

void trend_params_default(struct trend_params *p)
{
	p->alpha = 0.001;
	p->warmup = -1;
	p->min_points = 8;
	p->min_growth = 0;
	p->min_rel = 0;
	p->persist = 0.5;
	p->alpha_late = 0.01;
	p->alpha_late_small = 0.05;
	p->sequential = 1;
	p->first_look = 10;
	p->min_rate_rel = 0.001;
	p->min_snr = 1;
}

size_t trend_look_points(size_t n, size_t first, int *look)
{
	size_t at = first < 3 ? 3 : first, prev = 0;
	int j = 0;

	while (at <= n) {
		size_t next = at + (at + 3) / 4;
		prev = at;
		j++;
		at = next;
	}
	if (look)
		*look = j;
	return prev;
}

double trend_look_alpha(double alpha, int look)
{
	if (look < 1)
		return 0;
	return alpha * 6 / (3.141592653589793 * 3.141592653589793 *
			    (double)look * (double)look);
}

const char *trend_verdict_name(enum trend_verdict v)
{
	switch (v) {
	case TREND_NO_DATA: return "insufficient-data";
	case TREND_FLAT: return "flat";
	case TREND_SETTLING: return "settling";
	case TREND_SMALL: return "small-growth";
	case TREND_GROWING: return "growing";
	}
	return "?";
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double trend_theil_sen(const struct trend_point *pts, size_t n)
{
	double *s, m;
	size_t i, j, k = 0;

	if (n < 2)
		return 0;
	s = xmalloc(sizeof(*s) * n * (n - 1) / 2);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (pts[j].t > pts[i].t)
				s[k++] = (pts[j].y - pts[i].y) / (pts[j].t - pts[i].t);
	m = median(s, k);
	free(s);
	return m;
}

double trend_mann_kendall(const struct trend_point *pts, size_t n,
			  double *var, double *p)
{
	double s = 0, v, z, *ys;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			s += (pts[j].y > pts[i].y) - (pts[j].y < pts[i].y);
	v = (double)n * (n - 1) * (2.0 * n + 5);
	/* ties: subtract t(t-1)(2t+5) for each run of t equal values */
	ys = xmalloc(sizeof(*ys) * (n ? n : 1));
	for (i = 0; i < n; i++)
		ys[i] = pts[i].y;
	qsort(ys, n, sizeof(*ys), cmp_double);
	for (i = 0; i < n; i = j) {
		double t;
		for (j = i + 1; j < n && ys[j] == ys[i]; j++)
			;
		t = (double)(j - i);
		v -= t * (t - 1) * (2 * t + 5);
	}
	free(ys);
	v /= 18;
	if (var)
		*var = v;
	if (v <= 0) {
		if (p)
			*p = 1;
		return s;
	}
	/* continuity correction, one-sided (increasing) */
	z = s > 0 ? (s - 1) / sqrt(v) : s < 0 ? (s + 1) / sqrt(v) : 0;
	if (p)
		*p = 0.5 * erfc(z / sqrt(2.0));
	return s;
}

/* Reduce pts to at most max points: the median t and y of equal-count
 * consecutive bins.  Returns a new array (caller frees) and its length. */
static struct trend_point *thin(const struct trend_point *pts, size_t n,
				size_t max, size_t *out_n)
{
	struct trend_point *out;
	double *ts, *ys;
	size_t b, nb = n > max ? max : n;

	out = xmalloc(sizeof(*out) * (nb ? nb : 1));
	if (n <= max) {
		if (n)
			memcpy(out, pts, sizeof(*out) * n);
		*out_n = n;
		return out;
	}
	ts = xmalloc(sizeof(*ts) * n);
	ys = xmalloc(sizeof(*ys) * n);
	for (b = 0; b < nb; b++) {
		size_t lo = b * n / nb, hi = (b + 1) * n / nb, i, k = 0;
		for (i = lo; i < hi; i++, k++) {
			ts[k] = pts[i].t;
			ys[k] = pts[i].y;
		}
		out[b].t = median(ts, k);
		out[b].y = median(ys, k);
	}
	free(ts);
	free(ys);
	*out_n = nb;
	return out;
}

static int cmp_idx_y(const void *a, const void *b, void *arg)
{
	const double *v = arg;
	double x = v[*(const size_t *)a], y = v[*(const size_t *)b];
	return (x > y) - (x < y);
}

double trend_autocorr_factor(const struct trend_point *pts, size_t n,
			     double slope)
{
	double *res, *rk, mean, den = 0, sni = 0, lim, f;
	size_t *idx, i, j, k;

	if (n < 4)
		return 1;
	res = xmalloc(sizeof(*res) * n);
	rk = xmalloc(sizeof(*rk) * n);
	idx = xmalloc(sizeof(*idx) * n);
	for (i = 0; i < n; i++) {
		res[i] = pts[i].y - slope * pts[i].t;
		idx[i] = i;
	}
	qsort_r(idx, n, sizeof(*idx), cmp_idx_y, res);
	/* ranks, ties sharing their mean rank */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && res[idx[j]] == res[idx[i]]; j++)
			;
		for (k = i; k < j; k++)
			rk[idx[k]] = (double)(i + j + 1) / 2;
	}
	mean = (double)(n + 1) / 2;
	for (i = 0; i < n; i++)
		den += (rk[i] - mean) * (rk[i] - mean);
	lim = 1.96 / sqrt((double)n);
	for (k = 1; den > 0 && k + 2 < n; k++) {
		double num = 0, acf;
		for (i = 0; i + k < n; i++)
			num += (rk[i] - mean) * (rk[i + k] - mean);
		acf = num / den;
		/* lag 1 counts whenever it is positive: on short series
		 * its estimate is biased low and rarely passes the screen */
		if (fabs(acf) <= lim && !(k == 1 && acf > 0))
			continue;
		sni += (double)(n - k) * (n - k - 1) * (n - k - 2) * acf;
	}
	f = 1 + 2 * sni / ((double)n * (n - 1) * (n - 2));
	free(res);
	free(rk);
	free(idx);
	return f < 1 ? 1 : f;
}

void trend_eval(const struct trend_point *all, size_t nall,
		const struct trend_params *prm, struct trend_result *r)
{
	struct trend_point *pts;
	double warm, tstart, var, *q;
	size_t start = 0, n, i, half, nq;
	int floor_rises;

	double alpha = prm->alpha;

	memset(r, 0, sizeof(*r));
	r->verdict = TREND_NO_DATA;
	r->p = 1;
	if (prm->sequential) {
		/* decide at the looks only: the prefix of the latest one */
		nall = trend_look_points(nall, prm->first_look, &r->look);
		alpha = trend_look_alpha(prm->alpha, r->look);
	}
	r->looked = nall;
	r->alpha_look = alpha;
	if (nall == 0)
		return;
	warm = prm->warmup >= 0 ? prm->warmup
				: 0.2 * (all[nall - 1].t - all[0].t);
	tstart = all[0].t + warm;
	while (start < nall && all[start].t < tstart)
		start++;
	pts = thin(all + start, nall - start, TREND_MAX_POINTS, &n);
	r->n = n;
	if (n < prm->min_points || n < 3) {
		free(pts);
		return;
	}
	r->t0 = pts[0].t;
	r->t1 = pts[n - 1].t;
	r->slope = trend_theil_sen(pts, n);
	half = n / 2;
	r->slope_late = trend_theil_sen(pts + half, n - half);
	{
		double vl, pl, sl;
		sl = trend_mann_kendall(pts + half, n - half, &vl, &pl);
		vl *= trend_autocorr_factor(pts + half, n - half, r->slope_late);
		r->p_late = vl > 0 && sl > 0
			? 0.5 * erfc((sl - 1) / sqrt(vl) / sqrt(2.0)) : 1;
	}
	r->s = trend_mann_kendall(pts, n, &var, &r->p);
	/* serial correlation makes runs look like trends: widen the
	 * variance by the Hamed-Rao factor of the detrended ranks */
	r->acf_factor = trend_autocorr_factor(pts, n, r->slope);
	var *= r->acf_factor;
	r->z = 0;
	if (var > 0) {
		double s = r->s;
		r->z = (s > 0 ? s - 1 : s < 0 ? s + 1 : 0) / sqrt(var);
		r->p = 0.5 * erfc(r->z / sqrt(2.0));
	}
	/* intercept: median of y - slope * t, the usual Theil-Sen choice */
	q = xmalloc(sizeof(*q) * n);
	for (i = 0; i < n; i++)
		q[i] = pts[i].y - r->slope * pts[i].t;
	r->intercept = median(q, n);
	/* noise: 1.4826 times the median absolute residual (the sd of a
	 * normal noise), robust to the outliers of a sawtooth */
	for (i = 0; i < n; i++)
		q[i] = fabs(pts[i].y - r->slope * pts[i].t - r->intercept);
	r->noise = 1.4826 * median(q, n);
	nq = n / 4 > 0 ? n / 4 : 1;
	for (i = 0; i < nq; i++)
		q[i] = pts[i].y;
	r->level = median(q, nq);
	free(q);
	r->last = r->intercept + r->slope * r->t1;
	r->rate_rel = r->level != 0 ? r->slope * 60 / fabs(r->level) : 0;
	{
		/* the floor: lowest of the last quarter above the lowest of
		 * the first */
		double lo1 = pts[0].y, lo4 = pts[n - 1].y;
		for (i = 0; i < nq; i++)
			if (pts[i].y < lo1)
				lo1 = pts[i].y;
		for (i = n - nq; i < n; i++)
			if (pts[i].y < lo4)
				lo4 = pts[i].y;
		floor_rises = lo4 > lo1;
	}
	free(pts);

	if (!(r->p < alpha) || !(r->slope > 0) || !floor_rises) {
		r->verdict = TREND_FLAT;
		return;
	}
	if (!(r->slope_late > 0) || r->slope_late < prm->persist * r->slope ||
	    !(r->p_late < (n - half < 8 ? prm->alpha_late_small
					  : prm->alpha_late))) {
		r->verdict = TREND_SETTLING;
		return;
	}
	{
		double growth = r->slope * (r->t1 - r->t0);
		double lvl = fabs(r->level);
		if (growth < prm->min_growth || growth < prm->min_rel * lvl ||
		    growth < prm->min_snr * r->noise ||
		    (lvl > 0 && r->rate_rel < prm->min_rate_rel)) {
			r->verdict = TREND_SMALL;
			return;
		}
	}
	r->verdict = TREND_GROWING;
}
