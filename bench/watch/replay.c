/*
 * replay: the false-alarm rate and the time to verdict of `leakhound
 * watch`'s verdict (watch_evaluate, the code the command runs) on real
 * recorded series, cut into many windows.
 *
 *   replay ALPHA WINDOW_S STEP_S FILE.csv...
 *
 * Each FILE is one real recording (bench/watch/record, exported by
 * bench/watch/export): a header line, then one sample per line, t and the
 * eight series of the store (empty: not sampled).  A run is the window of
 * WINDOW_S seconds (the whole rest of the file for names containing
 * "leak-slow", at least 2 WINDOW_S) starting at offset 0 (or
 * $REPLAY_FIRST), STEP_S, 2 STEP_S, ... (while a whole window fits; the
 * respbody recordings, whose leak lasts 25 s, give their first only): the samples are given to a fresh struct
 * watch one by one, as the sampler does, and the verdict is looked at
 * after each, as --until-verdict does; the run alarms at its first leak
 * verdict.  Output: one line per run, "FILE OFFSET ALARM SECONDS" (SECONDS
 * from the window's first sample to the verdict, -1 without).
 *
 * The verdict is evaluated only after the samples where a series reaches
 * one of its looks (trend_look_points): in between, it cannot change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "watch/trend.h"
#include "watch/watch.h"

struct rec {
	struct watch_sample *s;
	size_t n;
};

static int load(const char *path, struct rec *r)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	size_t cap = 0;

	if (!f)
		return -1;
	r->s = NULL;
	r->n = 0;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct watch_sample s;
		char *p = line, *end;
		int k;

		memset(&s, 0, sizeof(s));
		s.t = strtod(p, &end);
		p = end;
		for (k = 0; k < WATCH_NSERIES; k++) {
			if (*p != ',')
				break;
			p++;
			if (*p == ',' || *p == '\n' || !*p)
				continue;
			s.v[k] = strtoll(p, &end, 10);
			s.have |= 1u << k;
			p = end;
		}
		if (r->n == cap) {
			cap = cap ? 2 * cap : 512;
			r->s = realloc(r->s, cap * sizeof(*r->s));
		}
		r->s[r->n++] = s;
	}
	fclose(f);
	return 0;
}

/* Built with -DREPLAY_EVERY_SAMPLE against an older libleakhound (whose
 * verdict can change at every sample, and has no looks), it evaluates
 * after every sample: the baseline row of docs/benchmarks.md. */
static int is_look(size_t n)
{
#ifdef REPLAY_EVERY_SAMPLE
	(void)n;
	return 1;
#else
	return trend_look_points(n, 10, NULL) == n;
#endif
}

int main(int argc, char **argv)
{
	double alpha, win, step;
	int a;

	if (argc < 5) {
		fprintf(stderr, "usage: replay ALPHA WINDOW_S STEP_S FILE.csv...\n");
		return 2;
	}
	alpha = atof(argv[1]);
	win = atof(argv[2]);
	step = atof(argv[3]);
	for (a = 4; a < argc; a++) {
		struct rec r;
		double off;
		int slow = strstr(argv[a], "slow") != NULL &&
			   strstr(argv[a], "leak") != NULL;
		/* the respbody programs leak 450 requests (about 25 s), then
		 * stop: only the window from their start is a leak run */
		int once = strstr(argv[a], "respbody") != NULL;
		const char *first = getenv("REPLAY_FIRST");

		if (load(argv[a], &r) < 0 || r.n < 2) {
			fprintf(stderr, "replay: cannot read '%s'\n", argv[a]);
			return 2;
		}
		for (off = first ? atof(first) : 0; !once || off == 0; off += step) {
			size_t lo = 0, i, npts[WATCH_NSERIES] = { 0 }, nheap = 0;
			double t0, w = win, hit = -1;
			int64_t last_alloc[2] = { -1, -1 };
			int streak = 0;
			struct watch wt;
			struct watch_segment g;
			struct watch_verdict v[WATCH_NSERIES];

			while (lo < r.n && r.s[lo].t - r.s[0].t < off - 1e-6)
				lo++;
			t0 = r.s[lo].t;
			if (slow)
				w = r.s[r.n - 1].t - t0;
			if (lo >= r.n || r.s[r.n - 1].t - t0 < w - 1.5 ||
			    w < (slow ? 2 * win : win) - 1.5)
				break;
			memset(&wt, 0, sizeof(wt));
			watch_options_default(&wt.opt);
			wt.opt.alpha = alpha;
			memset(&g, 0, sizeof(g));
			g.reason = "replay";
			vec_push(&wt.segments, g);
			for (i = lo; i < r.n && r.s[i].t - t0 <= w + 1e-6; i++) {
				const struct watch_sample *s = &r.s[i];
				int k, look = 0;

				vec_push(&wt.samples, *s);
				for (k = 0; k < WATCH_NSERIES; k++)
					if (s->have & (1u << k)) {
						npts[k]++;
						if (k != WATCH_HEAP_BYTES &&
						    k != WATCH_HEAP_OBJECTS &&
						    is_look(npts[k]))
							look = 1;
					}
				if ((s->have & (1u << WATCH_ALLOC_BYTES)) &&
				    (s->v[WATCH_ALLOC_BYTES] != last_alloc[0] ||
				     s->v[WATCH_ALLOC_OBJECTS] != last_alloc[1])) {
					last_alloc[0] = s->v[WATCH_ALLOC_BYTES];
					last_alloc[1] = s->v[WATCH_ALLOC_OBJECTS];
					nheap++;
					if (is_look(nheap))
						look = 1;
				}
				if (!look)
					continue;
				watch_evaluate(&wt, v);
				/* as loop.c: a streak of verdicts, of the length
				 * watch_streak_needed asks (1 now) */
				streak = watch_any_leak(v) ? streak + 1 : 0;
				if (streak >= watch_streak_needed(&wt)) {
					hit = s->t - t0;
					break;
				}
			}
			printf("%s %.0f %d %.1f\n", argv[a], off, hit >= 0, hit);
#ifndef REPLAY_EVERY_SAMPLE
			if (getenv("REPLAY_DEBUG")) {
				int k;
				if (hit < 0)
					watch_evaluate(&wt, v);
				for (k = 0; k < WATCH_NSERIES; k++) {
					const struct trend_result *t = &v[k].tr;
					if (!v[k].evaluated)
						continue;
					printf("  %-18s %-17s n=%zu look=%d p=%.2g "
					       "alpha=%.2g late=%.2g rate=%.3g%%/min "
					       "growth=%.3g noise=%.3g level=%.3g %s\n",
					       watch_series_name((enum watch_series_id)k),
					       trend_verdict_name(t->verdict), t->n,
					       t->look, t->p, t->alpha_look, t->p_late,
					       100 * t->rate_rel,
					       t->slope * (t->t1 - t->t0), t->noise,
					       t->level, v[k].note ? v[k].note : "");
				}
			}
#endif
			free(wt.samples.items);
			free(wt.segments.items);
		}
		free(r.s);
	}
	return 0;
}
