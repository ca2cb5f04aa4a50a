/*
 * loop: the fixed-rate sampling schedule.  Slots are start + k*interval;
 * a sample that overruns its slot makes the loop skip to the next free
 * slot rather than fire samples back to back, so the spacing of the
 * recording stays honest.  With a duration, the last sample is taken at
 * start + duration even when that is not a slot.  Sleeping is done in short steps so a stop
 * request (Ctrl-C) is seen within 100 ms.
 *
 * --until-verdict stops at the first leak verdict: the trend test is
 * sequential (it decides at its looks only and spends its error budget
 * over them, trend.h), so stopping early does not inflate the false-alarm
 * rate and no streak of verdicts is needed; docs/watch.md says why.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "watch.h"
#include "watch_int.h"

double watch_now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double watch_now_wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_until(double when, volatile int *stop)
{
	for (;;) {
		double left = when - watch_now_mono();
		struct timespec ts;
		if (left <= 0 || (stop && *stop))
			return;
		if (left > 0.1)
			left = 0.1;
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
		nanosleep(&ts, NULL);
	}
}

int watch_streak_needed(const struct watch *w)
{
	(void)w;
	return 1;
}

int watch_run_loop(struct watch *w, const struct watch_loop *l,
		   struct watch_verdict *v, struct err *e)
{
	double start = watch_now_mono(), next = start;
	int streak = 0, last = 0;

	watch_evaluate(w, v);
	for (;;) {
		if (l->stop && *l->stop)
			break;
		if (watch_sample_once(w, watch_now_wall(), e) < 0)
			return -1;
		watch_evaluate(w, v);
		streak = watch_any_leak(v) ? streak + 1 : 0;
		if (l->on_sample && l->on_sample(w, v, l->arg))
			break;
		if (l->until_verdict && streak >= watch_streak_needed(w))
			break;
		if (w->pid_gone || last)
			break;
		next += w->opt.interval;
		if (next < watch_now_mono())
			next += ceil((watch_now_mono() - next) / w->opt.interval) *
				w->opt.interval;
		if (l->duration > 0 && next - start > l->duration + 1e-6) {
			/* the run lasts --duration, not --duration rounded down
			 * to a multiple of the interval: one last sample at its
			 * end, unless the one just taken was already there */
			next = start + l->duration;
			if (next <= watch_now_mono() + 1e-3)
				break;
			last = 1;
		}
		sleep_until(next, l->stop);
	}
	return 0;
}

double watch_parse_duration(const char *s)
{
	char *end;
	double v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v < 0 || !isfinite(v))
		return -1;
	if (!*end || !strcmp(end, "s"))
		return v;
	if (!strcmp(end, "ms"))
		return v / 1000;
	if (!strcmp(end, "m") || !strcmp(end, "min"))
		return v * 60;
	if (!strcmp(end, "h"))
		return v * 3600;
	return -1;
}

int64_t watch_parse_size(const char *s)
{
	static const struct { const char *suf; double mul; } u[] = {
		{ "", 1 }, { "B", 1 },
		{ "k", 1e3 }, { "K", 1e3 }, { "kB", 1e3 }, { "KB", 1e3 },
		{ "KiB", 1024.0 }, { "Ki", 1024.0 },
		{ "M", 1e6 }, { "MB", 1e6 }, { "MiB", 1048576.0 }, { "Mi", 1048576.0 },
		{ "G", 1e9 }, { "GB", 1e9 }, { "GiB", 1073741824.0 },
		{ "Gi", 1073741824.0 },
		{ "T", 1e12 }, { "TB", 1e12 }, { "TiB", 1099511627776.0 },
		{ "Ti", 1099511627776.0 },
	};
	char *end;
	double v;
	size_t i;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v < 0 || !isfinite(v))
		return -1;
	for (i = 0; i < sizeof(u) / sizeof(u[0]); i++)
		if (!strcmp(end, u[i].suf)) {
			v *= u[i].mul;
			return v > 9e18 ? -1 : (int64_t)v;
		}
	return -1;
}

void watch_resume_state(struct watch *w)
{
	size_t i;

	if (w->segments.len) {
		const struct watch_segment *g =
			&w->segments.items[w->segments.len - 1];
		w->cur_start = g->start_ticks;
		if (!w->cur_pid && g->pid > 0 && !w->opt.url)
			w->cur_pid = g->pid;
	}
	for (i = w->samples.len; i-- > 0;) {
		const struct watch_sample *s = &w->samples.items[i];
		if (s->have & (1u << WATCH_ALLOC_BYTES)) {
			w->last_alloc[0] = s->v[WATCH_ALLOC_BYTES];
			w->last_alloc[1] = s->v[WATCH_ALLOC_OBJECTS];
			w->have_last_alloc = 1;
			break;
		}
	}
	for (i = 0; i < w->samples.len; i++)
		if (!w->samples.items[i].have)
			w->nfailed++;
}
