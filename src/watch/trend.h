/*
 * trend: is a series of samples growing, or is it noise?
 *
 * The verdict is a sequential test with an error budget: it is decided only
 * at the looks (when the series reaches 10, 13, 17, 22, ... points, each
 * look a quarter more than the last, see trend_look_points), and look j
 * spends alpha * 6 / (pi^2 j^2) of the budget, so that the chance of a
 * leak verdict at any look of a series that does not grow is at most
 * alpha however long it is watched (the union bound over the looks; the
 * sum of 6 / (pi^2 j^2) is 1).  --until-verdict stopping at the first
 * leak verdict therefore does not inflate it.  At a look, five tests, all
 * on the points after a warm-up:
 *   1. Mann-Kendall: the sign of every later-minus-earlier pair, summed, is
 *      compared with its distribution under "no trend" (ties corrected,
 *      and widened by Hamed and Rao's factor when the detrended series is
 *      serially correlated, as memory series are); one-sided, p below
 *      the look's share of alpha.  Rank-based, so an outlier counts as one sign, not as its
 *      size.
 *   2. Theil-Sen: the median of the pairwise slopes is the growth rate;
 *      robust to outliers and to the flat runs of a step function.
 *   3. Persistence: the later half of the window must still grow on its
 *      own (Mann-Kendall p below 0.01 there, 0.05 when it has fewer than
 *      8 points, where 0.01 cannot be reached) at a Theil-Sen slope of at
 *      least half the whole window's, so a warm-up that ends inside the
 *      window (rise, then plateau) is not a leak.
 *   4. Floor: the lowest point of the last quarter of the window must be
 *      above the lowest of the first quarter: the growth is seen across
 *      garbage collections (points are one per collection for the heap),
 *      not as the rising side of one sawtooth.
 *   5. Size (the minimum effect): the growth over the window must exceed
 *      an absolute floor, a fraction of the level and min_snr times the
 *      noise (robust sd of the residuals about the fitted line), and the
 *      growth per minute must be at least min_rate_rel of the level, so a
 *      significant but negligible drift is not reported.
 * The design decision a reader must know: the detector sees points, not
 * samples.  The caller decides what one point is (for the heap profile, one
 * point per garbage collection seen, since the profile only changes then),
 * and leaves missing samples out rather than inventing them.
 */
#ifndef WATCH_TREND_H
#define WATCH_TREND_H

#include <stddef.h>

struct trend_point {
	double t;   /* seconds, increasing */
	double y;
};

struct trend_params {
	double alpha;        /* one-sided Mann-Kendall level, e.g. 0.001 */
	double warmup;       /* seconds skipped at the start; < 0: automatic */
	size_t min_points;   /* fewer points after warm-up: no verdict */
	double min_growth;   /* absolute growth over the window, in y units */
	double min_rel;      /* growth over the window / level */
	double persist;      /* later-half slope / whole slope, at least */
	double alpha_late;   /* and the later half's own trend this sure */
	double alpha_late_small; /* ... when that half has under 8 points,
				    where alpha_late is out of reach */
	int sequential;      /* 1: decide at the looks only, spending alpha
				over them; 0: one test of all points at alpha */
	size_t first_look;   /* points at the first look (sequential) */
	double min_rate_rel; /* growth per minute / level, at least */
	double min_snr;      /* growth over the window / noise, at least */
};

/* Defaults: alpha 0.001, automatic warm-up, 8 points, persistence 0.5
 * with the later half at 0.01 (0.05 under 8 points), sequential with the
 * first look at 10 points, growth of at least 0.1 % of the level per
 * minute and twice the noise; min_growth and min_rel 0 (the caller sets
 * them per series). */
void trend_params_default(struct trend_params *p);

enum trend_verdict {
	TREND_NO_DATA,       /* too few points (after warm-up) */
	TREND_FLAT,          /* no significant growth */
	TREND_SETTLING,      /* significant rise that has slowed down */
	TREND_SMALL,         /* significant, persistent, but below the floors */
	TREND_GROWING,       /* a leak verdict */
};

struct trend_result {
	enum trend_verdict verdict;
	size_t n;            /* points used */
	double t0, t1;       /* the window used */
	double slope;        /* Theil-Sen, y per second */
	double slope_late;   /* Theil-Sen of the later half */
	double p_late;       /* Mann-Kendall p of the later half */
	double intercept;    /* so that y ~ intercept + slope * t */
	double level;        /* median of the first quarter of the window */
	double last;         /* the fitted value at t1 */
	double s, z, p;      /* Mann-Kendall statistic, normal score, p-value */
	double acf_factor;   /* variance inflation for serial correlation */
	int look;            /* the look decided (1, 2, ...); 0 not sequential
				or before the first look */
	size_t looked;       /* points of that look (the prefix judged) */
	double alpha_look;   /* the share of alpha that look could spend */
	double noise;        /* robust sd of the residuals (1.4826 MAD) */
	double rate_rel;     /* slope per minute / level */
};

/* Evaluate pts[0..n) (t increasing).  Never fails; scratch memory is
 * allocated and freed inside. */
void trend_eval(const struct trend_point *pts, size_t n,
		const struct trend_params *prm, struct trend_result *r);

const char *trend_verdict_name(enum trend_verdict v);

/* The looks of the sequential test: the number of points of the latest
 * look at or before n points (0 before the first, first at `first`, then
 * each a quarter more, rounded up), its index into *look (1, 2, ...). */
size_t trend_look_points(size_t n, size_t first, int *look);
/* The share of a budget alpha that look j may spend: 6 alpha/(pi^2 j^2). */
double trend_look_alpha(double alpha, int look);

/* Hamed and Rao's (1998) variance correction factor for Mann-Kendall
 * under serial correlation: from the significant autocorrelations of the
 * ranks of y - slope * t.  At least 1. */
double trend_autocorr_factor(const struct trend_point *pts, size_t n,
			     double slope);

/* Pieces, exposed for the unit tests. */
double trend_theil_sen(const struct trend_point *pts, size_t n);
/* Mann-Kendall S, its tie-corrected variance, and the one-sided p-value
 * for an increasing trend. */
double trend_mann_kendall(const struct trend_point *pts, size_t n,
			  double *var, double *p);

#endif
