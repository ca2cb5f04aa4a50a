/*
 * watch_trend: the trend detector's pieces against known values, and its
 * error budget (false-alarm rate over all the looks of the sequential
 * test, 2000 seeds of each model of a series that does not grow) and power
 * on synthetic series (a fixed-seed generator, so the figures are
 * reproducible).  WATCH_TREND_RATES=1 prints the table
 * that docs/watch.md quotes.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "watch/trend.h"
#include "watch/watch.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return ((rng >> 11) + 0.5) / 9007199254740992.0;
}

static double gauss(void)
{
	return sqrt(-2 * log(uniform())) * cos(6.283185307179586 * uniform());
}

static void known_values(void)
{
	struct trend_point p[10];
	double var, pv, s;
	int i;

	for (i = 0; i < 10; i++) {
		p[i].t = i;
		p[i].y = 3.0 * i + 1;
	}
	s = trend_mann_kendall(p, 10, &var, &pv);
	CHECK(s == 45);
	CHECK(fabs(var - 125) < 1e-9);
	CHECK(pv < 1e-4);
	CHECK(fabs(trend_theil_sen(p, 10) - 3) < 1e-12);
	/* two wild outliers do not move the slope much */
	p[3].y = 1e9;
	p[7].y = -1e9;
	CHECK(fabs(trend_theil_sen(p, 10) - 3) < 0.5);
	/* all ties: no variance, no trend */
	for (i = 0; i < 10; i++)
		p[i].y = 7;
	s = trend_mann_kendall(p, 10, &var, &pv);
	CHECK(s == 0 && var == 0 && pv == 1);
	/* decreasing: p close to 1 */
	for (i = 0; i < 10; i++)
		p[i].y = -i;
	trend_mann_kendall(p, 10, &var, &pv);
	CHECK(pv > 0.999);
}

static void verdicts(void)
{
	struct trend_point p[40];
	struct trend_params prm;
	struct trend_result r;
	int i;

	trend_params_default(&prm);
	/* a staircase (the heap profile between collections) that climbs */
	for (i = 0; i < 40; i++) {
		p[i].t = i * 0.25;
		p[i].y = 1000 + 100 * (i / 4);
	}
	trend_eval(p, 40, &prm, &r);
	CHECK(r.verdict == TREND_GROWING);
	CHECK(fabs(r.slope - 100) < 15);
	/* rise then plateau: settling, not growing */
	for (i = 0; i < 40; i++)
		p[i].y = i < 20 ? 1000 + 50 * i : 2000;
	trend_eval(p, 40, &prm, &r);
	CHECK(r.verdict == TREND_SETTLING || r.verdict == TREND_FLAT);
	/* too few points */
	trend_eval(p, 5, &prm, &r);
	CHECK(r.verdict == TREND_NO_DATA);
	/* significant but below the floors */
	prm.min_rel = 0.05;
	for (i = 0; i < 40; i++)
		p[i].y = 1e6 + i;
	trend_eval(p, 40, &prm, &r);
	CHECK(r.verdict == TREND_SMALL);
}

static void parsing(void)
{
	CHECK(fabs(watch_parse_duration("250ms") - 0.25) < 1e-12);
	CHECK(watch_parse_duration("1s") == 1);
	CHECK(watch_parse_duration("2m") == 120);
	CHECK(watch_parse_duration("1.5") == 1.5);
	CHECK(watch_parse_duration("5x") < 0);
	CHECK(watch_parse_duration("") < 0);
	CHECK(watch_parse_duration("-1s") < 0);
	CHECK(watch_parse_size("512MiB") == 512LL << 20);
	CHECK(watch_parse_size("2G") == 2000000000LL);
	CHECK(watch_parse_size("1000") == 1000);
	CHECK(watch_parse_size("1Q") < 0);
}

enum model { WHITE, AR1, SAWTOOTH, WARMUP, STEPS, WALK, LINEAR, LINEAR50,
	NMODELS };
static const char *const model_name[NMODELS] = {
	"white noise (sd 5% of level)", "AR(1) phi=0.8 (sd 5%)",
	"GC sawtooth (+-20%, period 5-30% of window)",
	"warm-up then plateau (time constant 2-10% of window)",
	"flat staircase (heap between GCs)", "random walk (step sd 1%)",
	"linear growth 20%/window (sd 5%)",
	"linear growth 50%/window (sd 5%)",
};

/* One synthetic series of n points, level 1000, t in [0, n/4). */
static void series(enum model m, struct trend_point *p, int n)
{
	double span = n * 0.25, level = 1000;
	double ar = 0, walk = 1000, ph = uniform();
	double per = span * (0.05 + 0.25 * uniform());  /* 5-30 % of the window */
	double tau = 0.02 + 0.08 * uniform();           /* over by mid-window */
	int i;

	for (i = 0; i < n; i++) {
		double t = i * 0.25, y = level;
		switch (m) {
		case WHITE: y += 50 * gauss(); break;
		case AR1:
			ar = 0.8 * ar + 50 * sqrt(1 - 0.64) * gauss();
			y += ar;
			break;
		case SAWTOOTH:
			y += 200 * (fmod(t / per + ph, 1.0) - 0.5) + 10 * gauss();
			break;
		case WARMUP:
			y = level * (1 - exp(-t / (tau * span))) + 50 + 20 * gauss();
			break;
		case STEPS:
			if (i % 4 == 0)
				ar = 30 * gauss();
			y += ar;
			break;
		case WALK:
			walk += 10 * gauss();
			y = walk;
			break;
		case LINEAR:
			y += 0.2 * level * t / span + 50 * gauss();
			break;
		case LINEAR50:
			y += 0.5 * level * t / span + 50 * gauss();
			break;
		default: break;
		}
		p[i].t = t;
		p[i].y = y;
	}
}

/* The share of trials series of n points (alpha the whole error budget)
 * that get a leak verdict at any of the looks, looked at after every point
 * as --until-verdict does. */
static double rate_sequential(enum model m, int n, int trials, double alpha)
{
	struct trend_point p[400];
	struct trend_params prm;
	struct trend_result r;
	int k, i, hits = 0;

	trend_params_default(&prm);
	prm.alpha = alpha;
	for (k = 0; k < trials; k++) {
		series(m, p, n);
		/* after every point, but the verdict only changes at the
		 * looks (the test `looks` checks it): evaluate those */
		for (i = 3; i <= n; i++) {
			if (trend_look_points((size_t)i, prm.first_look, NULL) !=
			    (size_t)i)
				continue;
			trend_eval(p, (size_t)i, &prm, &r);
			if (r.verdict == TREND_GROWING) {
				hits++;
				break;
			}
		}
	}
	return (double)hits / trials;
}

/* The share with a leak verdict at the end of a fixed n points. */
static double rate_fixed(enum model m, int n, int trials, double alpha)
{
	struct trend_point p[400];
	struct trend_params prm;
	struct trend_result r;
	int k, hits = 0;

	trend_params_default(&prm);
	prm.alpha = alpha;
	for (k = 0; k < trials; k++) {
		series(m, p, n);
		trend_eval(p, (size_t)n, &prm, &r);
		hits += r.verdict == TREND_GROWING;
	}
	return (double)hits / trials;
}

static void looks(void)
{
	static const size_t want[] = { 10, 13, 17, 22, 28, 35, 44, 55, 69, 87 };
	struct trend_point p[120];
	struct trend_params prm;
	struct trend_result a, b;
	double sum = 0;
	size_t i, n;
	int j;

	CHECK(trend_look_points(9, 10, &j) == 0 && j == 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK(trend_look_points(want[i], 10, &j) == want[i]);
		CHECK(j == (int)i + 1);
		CHECK(trend_look_points(want[i] + 1, 10, NULL) == want[i]);
	}
	/* the shares of the budget add up to at most the budget */
	for (j = 1; j < 100000; j++)
		sum += trend_look_alpha(0.01, j);
	CHECK(sum < 0.01 && sum > 0.0099);
	/* between two looks the verdict cannot change: it is the look's */
	trend_params_default(&prm);
	for (i = 0; i < 120; i++) {
		p[i].t = (double)i;
		p[i].y = 1000 + 3 * (double)i + 20 * gauss();
	}
	for (n = 10; n <= 120; n++) {
		trend_eval(p, n, &prm, &a);
		trend_eval(p, trend_look_points(n, 10, NULL), &prm, &b);
		CHECK(a.verdict == b.verdict && a.p == b.p && a.look == b.look);
	}
}

/* The error budget: on series that do not grow (2000 seeds of each
 * model), looked at after every point up to 120 as --until-verdict does,
 * the share with a leak verdict stays within alpha (plus the binomial
 * sampling slack: 3 sd) for independent noise.  Strong serial correlation
 * (AR(1) phi 0.8 at 4 points a second) is only partly corrected by Hamed
 * and Rao's factor: its bound is the measured rate with some slack, a
 * known gap docs/watch.md states.  The sawtooth, staircase and warm-up
 * models are printed, not bounded: trend_eval cannot tell one ramp of a
 * sawtooth or a warm-up watched from its start from growth; eval.c's
 * rules (one heap point per collection, RSS only across three
 * collections) and --warmup do, and bench/watch measures them on real
 * series.  Then power on growing series. */
static void error_budget(void)
{
	static const enum model nulls[] = { WHITE, AR1, SAWTOOTH, STEPS, WARMUP };
	static const double alphas[] = { 0.001, 0.005, 0.02 };
	/* measured 2.95 %, 6.10 %, 11.15 % (fixed seed), with slack */
	static const double ar1_bound[] = { 0.04, 0.08, 0.14 };
	const char *print = getenv("WATCH_TREND_RATES");
	int trials = 2000, n = 120;
	size_t a, m;

	if (print)
		printf("# leak verdicts at any look of 120 points, looked at after "
		       "every point (%d series each)\nmodel | alpha 0.001 | "
		       "0.005 | 0.02\n", trials);
	for (m = 0; m < sizeof(nulls) / sizeof(nulls[0]); m++) {
		double r[3];
		for (a = 0; a < 3; a++) {
			double al = alphas[a];
			double bound = al + 3 * sqrt(al * (1 - al) / trials);
			r[a] = rate_sequential(nulls[m], n, trials, al);
			if (nulls[m] == WHITE)
				CHECK(r[a] <= bound);
			else if (nulls[m] == AR1)
				CHECK(r[a] <= ar1_bound[a]);
		}
		if (print)
			printf("%s | %.2f%% | %.2f%% | %.2f%%\n",
			       model_name[nulls[m]], 100 * r[0], 100 * r[1],
			       100 * r[2]);
	}
	/* power: growth of 20 % and 50 % of the level over the window, noise
	 * sd 5 %, with the budget the command spends on one series (0.001) */
	{
		static const int ns[3] = { 24, 60, 120 };
		double r20[3], r50[3];
		int k;
		for (k = 0; k < 3; k++) {
			r20[k] = rate_fixed(LINEAR, ns[k], 500, 0.001);
			r50[k] = rate_fixed(LINEAR50, ns[k], 500, 0.001);
		}
		if (print)
			printf("# power at the end of 24, 60, 120 points (alpha "
			       "0.001, 500 series)\n%s | %.1f%% | %.1f%% | %.1f%%\n"
			       "%s | %.1f%% | %.1f%% | %.1f%%\n",
			       model_name[LINEAR], 100 * r20[0], 100 * r20[1],
			       100 * r20[2], model_name[LINEAR50], 100 * r50[0],
			       100 * r50[1], 100 * r50[2]);
		CHECK(r50[1] >= 0.9 && r50[2] >= 0.99);
		CHECK(r20[2] >= 0.5);
		CHECK(r50[0] >= 0.2);
	}
}

int main(void)
{
	TEST(known_values);
	TEST(verdicts);
	TEST(parsing);
	TEST(looks);
	TEST(error_budget);
	return 0;
}
