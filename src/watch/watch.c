/*
 * watch: the sampler and the evaluation (see watch.h).  Each sample is
 * built in a local struct, its parts filled in as they succeed, then
 * stored and appended; a part that fails leaves its bit clear and adds its
 * message, so the recording says exactly what was seen.
 */
#include "watch.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/xalloc.h"
#include "../base/http.h"
#include "proc.h"
#include "store.h"
#include "watch_int.h"

static const char *const series_names[WATCH_NSERIES] = {
	"rss", "threads", "fds", "goroutines", "heap_inuse_bytes",
	"heap_inuse_objects", "heap_alloc_bytes", "heap_alloc_objects",
};

const char *watch_series_name(enum watch_series_id id)
{
	return (unsigned)id < WATCH_NSERIES ? series_names[id] : "?";
}

int watch_series_is_bytes(enum watch_series_id id)
{
	return id == WATCH_RSS || id == WATCH_HEAP_BYTES ||
	       id == WATCH_ALLOC_BYTES;
}

void watch_options_default(struct watch_options *o)
{
	memset(o, 0, sizeof(*o));
	o->interval = 5;
	o->timeout = 0;   /* from the interval, see watch_init */
	o->max_body = (size_t)64 << 20;
	o->gc = WATCH_GC_AUTO;
	o->warmup = -1;
	o->alpha = 0.005;
}

/* The port of a loopback http URL, or 0. */
int watch_loopback_port(const char *url)
{
	const char *p = strstr(url, "://");
	int port = 80;

	if (!p)
		return 0;
	p += 3;
	if (!strncmp(p, "127.0.0.1", 9))
		p += 9;
	else if (!strncmp(p, "localhost", 9))
		p += 9;
	else if (!strncmp(p, "[::1]", 5))
		p += 5;
	else
		return 0;
	if (*p == ':')
		port = atoi(p + 1);
	else if (*p && *p != '/')
		return 0;
	return port > 0 && port < 65536 ? port : 0;
}

static void discover_pid(struct watch *w)
{
	int port;

	if (w->opt.pid || w->opt.no_discover || !w->base)
		return;
	port = watch_loopback_port(w->base);
	if (port)
		w->cur_pid = proc_find_listener(port);
}

int watch_init(struct watch *w, const struct watch_options *o,
	       struct watch_store *store, struct err *e)
{
	size_t n;

	memset(w, 0, sizeof(*w));
	arena_init(&w->arena);
	w->opt = *o;
	w->store = store;
	if (w->opt.timeout <= 0) {
		/* a request may take the whole interval, within [1 s, 10 s] */
		w->opt.timeout = w->opt.interval;
		if (w->opt.timeout < 1)
			w->opt.timeout = 1;
		if (w->opt.timeout > 10)
			w->opt.timeout = 10;
	}
	if (o->url) {
		if (strncmp(o->url, "http://", 7) && strncmp(o->url, "https://", 8))
			return err_setf(e, "cannot watch '%s': not an http(s) URL",
					o->url);
		w->base = xstrdup(o->url);
		n = strlen(w->base);
		while (n > 0 && w->base[n - 1] == '/')
			w->base[--n] = '\0';
		/* accept the pprof index URL too */
		if (n >= 13 && !strcmp(w->base + n - 13, "/debug/pprof/"))
			w->base[n - 13] = '\0';
		else if (n >= 12 && !strcmp(w->base + n - 12, "/debug/pprof"))
			w->base[n - 12] = '\0';
		w->http = http_client_new();
	}
	w->cur_pid = o->pid;
	discover_pid(w);
	return 0;
}

void watch_release(struct watch *w)
{
	http_client_free(w->http);
	free(w->base);
	sb_release(&w->body);
	vec_free(&w->samples);
	vec_free(&w->segments);
	vec_free(&w->events);
	arena_release(&w->arena);
}

int watch_never_sampled(const struct watch *w)
{
	unsigned want = w->base ? (1u << WATCH_HEAP_BYTES) | (1u << WATCH_GOROUTINES)
				: ~0u;
	size_t i;

	for (i = 0; i < w->samples.len; i++)
		if (w->samples.items[i].have & want)
			return 0;
	return 1;
}

const struct watch_sample *watch_last(const struct watch *w)
{
	return w->samples.len ? &w->samples.items[w->samples.len - 1] : NULL;
}

void watch_segment_range(const struct watch *w, size_t *lo, size_t *hi)
{
	*hi = w->samples.len;
	*lo = w->segments.len ? w->segments.items[w->segments.len - 1].first : 0;
	if (*lo > *hi)
		*lo = *hi;
}

static int new_segment(struct watch *w, double t, const char *reason,
		       struct err *e)
{
	struct watch_segment g;

	memset(&g, 0, sizeof(g));
	g.t = t;
	g.pid = (int)w->cur_pid;
	g.start_ticks = w->cur_start;
	g.reason = arena_strdup(&w->arena, reason);
	g.first = w->samples.len;
	g.target = w->target_id;
	if (w->store) {
		if (watch_store_add_segment(w->store, t, g.pid, g.start_ticks,
					    reason, g.target, &g.id, e) < 0)
			return -1;
	} else {
		g.id = (int64_t)w->segments.len + 1;
	}
	vec_push(&w->segments, g);
	w->have_last_alloc = 0;
	w->stale = 0;
	w->heap_points = 0;
	if (w->segments.len > 1)
		vec_push(&w->events, arena_printf(&w->arena, "%s", reason));
	return 0;
}

int watch_goroutine_total(const char *text, size_t len, int64_t *out,
			  struct err *e)
{
	static const char head[] = "goroutine profile: total ";
	size_t n = sizeof(head) - 1;
	char *end;
	long long v;
	char num[32];
	size_t i;

	if (len < n || memcmp(text, head, n))
		return err_setf(e, "not a goroutine profile (no 'goroutine "
				"profile: total' line)");
	for (i = 0; i < sizeof(num) - 1 && n + i < len &&
		    text[n + i] >= '0' && text[n + i] <= '9'; i++)
		num[i] = text[n + i];
	num[i] = '\0';
	v = strtoll(num, &end, 10);
	if (!i || v < 0)
		return err_setf(e, "not a goroutine profile (bad total)");
	*out = v;
	return 0;
}

static void add_error(struct sb *errs, const char *msg)
{
	if (errs->len)
		sb_adds(errs, "; ");
	sb_adds(errs, msg);
}

/* GET url of the target: --timeout per request (connect within 2 s of
 * it), --max-body, no redirects. */
void watch_http_opts(const struct watch *w, struct http_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->connect_timeout_ms = 2000;
	o->timeout_ms = (long)(w->opt.timeout * 1000);
	o->max_body = w->opt.max_body;
	o->user_agent = "leakhound-watch";
}

static int pprof_get(struct watch *w, const char *url, struct sb *body,
		     struct err *e)
{
	struct http_opts o;

	watch_http_opts(w, &o);
	return http_get(w->http, url, &o, body, e);
}

/* ---- one sample as steps (watch.h): the /proc part at the start, then
 * the requests one after the other, then the bookkeeping ---- */

enum { STEP_HEAP = 1, STEP_AGAIN, STEP_GOR, STEP_DONE };

static void step_url(struct watch *w, struct watch_step *st, const char *what)
{
	sb_reset(&st->url);
	sb_addf(&st->url, "%s/debug/pprof/%s", w->base, what);
}

/* the /proc part (synchronous: a few small reads) */
static void step_proc(struct watch *w, struct watch_step *st)
{
	struct watch_sample *s = &st->s;
	struct err pe = ERR_INIT;

	/* a discovered target that was down: look for its listener again
	 * (a fleet does so at most every discover_every seconds) */
	if (!w->opt.pid && w->cur_pid <= 0 &&
	    (w->opt.discover_every <= 0 ||
	     s->t - w->last_discover >= w->opt.discover_every)) {
		w->last_discover = s->t;
		discover_pid(w);
	}
	if (w->cur_pid > 0 && !w->pid_gone) {
		struct proc_sample ps;
		/* the pid of this run of the target, to tell a new process */
		int seg_pid = w->segments.len ?
			w->segments.items[w->segments.len - 1].pid : 0;
		int ok = 0;

		if (proc_sample(w->cur_pid, &ps, &pe) == 0) {
			ok = 1;
		} else {
			add_error(&st->errs, pe.msg);
			if (w->opt.pid) {
				w->pid_gone = 1;
			} else {
				/* a discovered pid: the server may have been
				 * restarted under another one */
				pid_t gone = w->cur_pid;
				discover_pid(w);
				if (w->cur_pid > 0 && w->cur_pid != gone &&
				    proc_sample(w->cur_pid, &ps, &pe) == 0) {
					ok = 1;
					sb_reset(&st->errs);
				}
			}
		}
		if (ok && seg_pid > 0 && (int)w->cur_pid != seg_pid) {
			snprintf(st->restart_buf, sizeof(st->restart_buf),
				 "target restarted (process %d is gone, process "
				 "%d listens on its port)", seg_pid,
				 (int)w->cur_pid);
			st->restart = st->restart_buf;
		} else if (ok && w->cur_start && ps.start_ticks != w->cur_start) {
			snprintf(st->restart_buf, sizeof(st->restart_buf),
				 "process %d restarted (its start time "
				 "changed)", (int)w->cur_pid);
			st->restart = st->restart_buf;
		}
		if (ok) {
			w->cur_start = ps.start_ticks;
			if (ps.rss >= 0) {
				s->v[WATCH_RSS] = ps.rss;
				s->have |= 1u << WATCH_RSS;
			}
			if (ps.threads >= 0) {
				s->v[WATCH_THREADS] = ps.threads;
				s->have |= 1u << WATCH_THREADS;
			}
			if (ps.fds >= 0) {
				s->v[WATCH_FDS] = ps.fds;
				s->have |= 1u << WATCH_FDS;
			}
		}
	}
}

int watch_step_begin(struct watch *w, struct watch_step *st, double now,
		     const char **url, struct sb **body)
{
	memset(st, 0, sizeof(*st));
	st->s.t = now;
	st->got = -1;
	step_proc(w, st);
	if (!w->base) {
		st->phase = STEP_DONE;
		return 0;
	}
	st->phase = STEP_HEAP;
	step_url(w, st, w->opt.gc == WATCH_GC_ALWAYS ? "heap?gc=1" : "heap");
	*url = sb_str(&st->url);
	*body = &st->heap;
	return 1;
}

/* The totals of the heap profile in body, or -1 with the reason added. */
static int heap_result(struct watch_step *st, int rc, const struct err *fe,
		       struct sb *body, int64_t tot[4])
{
	struct err pe = ERR_INIT;

	if (rc < 0) {
		add_error(&st->errs, fe->msg);
		return -1;
	}
	if (watch_heap_totals(body->buf, body->len, tot, &pe) < 0) {
		err_prefixf(&pe, "heap profile from '%s'", sb_str(&st->url));
		add_error(&st->errs, pe.msg);
		return -1;
	}
	return 0;
}

int watch_step_next(struct watch *w, struct watch_step *st, int rc,
		    const struct err *fe, const char **url, struct sb **body)
{
	struct err pe = ERR_INIT;
	int64_t tot2[4];

	switch (st->phase) {
	case STEP_HEAP:
		st->got = heap_result(st, rc, fe, &st->heap, st->tot);
		/* unchanged since the last sample: the target has not
		 * collected, so ask for a collection now (auto), while the
		 * segment has few heap points or the profile has been stale
		 * for a while */
		if (st->got == 0 && w->opt.gc == WATCH_GC_AUTO &&
		    w->have_last_alloc && st->tot[2] == w->last_alloc[0] &&
		    st->tot[3] == w->last_alloc[1] &&
		    (w->heap_points < WATCH_AUTO_GC_POINTS || w->stale >= 3)) {
			st->phase = STEP_AGAIN;
			step_url(w, st, "heap?gc=1");
			*url = sb_str(&st->url);
			*body = &st->again;
			return 1;
		}
		break;
	case STEP_AGAIN:
		if (heap_result(st, rc, fe, &st->again, tot2) == 0) {
			struct sb t = st->heap;
			st->heap = st->again;
			st->again = t;
			memcpy(st->tot, tot2, sizeof(tot2));
		}
		break;
	case STEP_GOR:
		if (rc < 0) {
			add_error(&st->errs, fe->msg);
		} else {
			int64_t n;
			if (watch_goroutine_total(st->gor.buf ? st->gor.buf : "",
						  st->gor.len, &n, &pe) < 0) {
				err_prefixf(&pe, "goroutine profile from '%s'",
					    sb_str(&st->url));
				add_error(&st->errs, pe.msg);
			} else {
				st->s.v[WATCH_GOROUTINES] = n;
				st->s.have |= 1u << WATCH_GOROUTINES;
				st->have_gor = 1;
			}
		}
		st->phase = STEP_DONE;
		return 0;
	default:
		return 0;
	}
	st->phase = STEP_GOR;
	step_url(w, st, "goroutine?debug=1");
	*url = sb_str(&st->url);
	*body = &st->gor;
	return 1;
}

void watch_step_release(struct watch_step *st)
{
	sb_release(&st->errs);
	sb_release(&st->url);
	sb_release(&st->heap);
	sb_release(&st->again);
	sb_release(&st->gor);
}

int watch_step_finish(struct watch *w, struct watch_step *st, struct err *e)
{
	struct watch_sample *s = &st->s;
	struct watch_blob blobs[2];
	size_t nblobs = 0;
	double now = s->t;
	int rc = 0;

	if (st->got == 0) {
		int k;
		for (k = 0; k < 4; k++) {
			s->v[WATCH_HEAP_BYTES + k] = st->tot[k];
			s->have |= 1u << (WATCH_HEAP_BYTES + k);
		}
		blobs[nblobs].kind = "heap";
		blobs[nblobs].data = st->heap.buf;
		blobs[nblobs].len = st->heap.len;
		nblobs++;
		if (w->have_last_alloc && !st->restart &&
		    (st->tot[2] < w->last_alloc[0] ||
		     st->tot[3] < w->last_alloc[1])) {
			snprintf(st->restart_buf, sizeof(st->restart_buf),
				 "target restarted (its cumulative "
				 "allocations went back from %lld "
				 "to %lld bytes)",
				 (long long)w->last_alloc[0],
				 (long long)st->tot[2]);
			st->restart = st->restart_buf;
		}
	}
	if (st->have_gor) {
		blobs[nblobs].kind = "goroutine";
		blobs[nblobs].data = st->gor.buf;
		blobs[nblobs].len = st->gor.len;
		nblobs++;
	}

	if (!w->base && w->heap_source) {
		int64_t live, alloc;
		if (w->heap_source(w->heap_source_arg, &live, &alloc) == 1) {
			s->v[WATCH_HEAP_BYTES] = live;
			s->v[WATCH_ALLOC_BYTES] = alloc;
			s->have |= (1u << WATCH_HEAP_BYTES) | (1u << WATCH_ALLOC_BYTES);
		}
	}

	if (!w->segments.len)
		rc = new_segment(w, now, "start", e);
	else if (st->restart)
		rc = new_segment(w, now, st->restart, e);
	if (rc < 0)
		goto out;

	/* a heap point: the profile changed since the last one we saw */
	if (s->have & (1u << WATCH_ALLOC_BYTES)) {
		int64_t ab = s->v[WATCH_ALLOC_BYTES], ao = s->v[WATCH_ALLOC_OBJECTS];
		if (!w->have_last_alloc || ab != w->last_alloc[0] ||
		    ao != w->last_alloc[1]) {
			s->gc_point = 1;
			w->stale = 0;
			w->heap_points++;
		} else {
			w->stale++;
		}
		w->last_alloc[0] = ab;
		w->last_alloc[1] = ao;
		w->have_last_alloc = 1;
	}
	s->segment = w->segments.items[w->segments.len - 1].id;
	s->target = w->target_id;
	if (st->errs.len) {
		/* a target down for a day repeats one message: kept once */
		const struct watch_sample *prev = watch_last(w);
		if (prev && prev->error && !strcmp(prev->error, sb_str(&st->errs)))
			s->error = prev->error;
		else
			s->error = arena_strdup(&w->arena, sb_str(&st->errs));
	}
	if (!s->have)
		w->nfailed++;
	if (w->store && watch_store_add_sample(w->store, s, blobs, nblobs, e) < 0) {
		rc = -1;
		goto out;
	}
	vec_push(&w->samples, *s);
out:
	watch_step_release(st);
	return rc;
}

int watch_sample_once(struct watch *w, double now, struct err *e)
{
	struct watch_step st;
	struct sb *body = NULL;
	const char *url = NULL;
	int more;

	more = watch_step_begin(w, &st, now, &url, &body);
	while (more) {
		struct err fe = ERR_INIT;
		int rc = pprof_get(w, url, body, &fe);
		more = watch_step_next(w, &st, rc, &fe, &url, &body);
	}
	return watch_step_finish(w, &st, e);
}
