/*
 * fleet: many targets from one thread (fleet.h).  The loop starts the
 * samples that are due, then lets libcurl's multi handle move every
 * transfer until the next slot (at most 100 ms, so a stop is seen); each
 * finished request advances its target's sample (watch_step_next) and
 * starts the next request of that target at once.
 */
#include "fleet.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/http.h"
#include "../base/sb.h"
#include "../base/xalloc.h"
#include "proc.h"
#include "store.h"
#include "watch_int.h"

static void event(struct watch_fleet *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void event(struct watch_fleet *f, const char *fmt, ...)
{
	struct sb s = SB_INIT;
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_adds(&s, buf);
	vec_push(&f->events, sb_detach(&s, NULL));
}

/* The member's copies of t's instance and labels, and their renderings. */
static void set_labels(struct watch_fleet_member *m,
		       const struct watch_target *t)
{
	struct sb p = SB_INIT;
	json_t *o = json_object();
	char *js;
	size_t i;

	for (i = 0; i < m->nlabels; i++) {
		free((char *)m->labels[i].name);
		free((char *)m->labels[i].value);
	}
	free(m->labels);
	free(m->instance);
	free(m->labels_json);
	free(m->prom_labels);
	m->instance = xstrdup(t->instance);
	m->nlabels = t->nlabels;
	m->labels = xcalloc(t->nlabels ? t->nlabels : 1, sizeof(*m->labels));
	sb_adds(&p, "instance=\"");
	watch_label_value(&p, t->instance);
	sb_addc(&p, '"');
	json_object_set_new(o, "instance", json_string(t->instance));
	for (i = 0; i < t->nlabels; i++) {
		m->labels[i].name = xstrdup(t->labels[i].name);
		m->labels[i].value = xstrdup(t->labels[i].value);
		sb_addf(&p, ",%s=\"", t->labels[i].name);
		watch_label_value(&p, t->labels[i].value);
		sb_addc(&p, '"');
		json_object_set_new(o, t->labels[i].name,
				    json_string(t->labels[i].value));
	}
	js = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
	m->labels_json = xstrdup(js ? js : "{}");
	free(js);
	json_decref(o);
	m->prom_labels = sb_detach(&p, NULL);
}

static int same_labels(const struct watch_fleet_member *m,
		       const struct watch_target *t)
{
	struct watch_target x;

	memset(&x, 0, sizeof(x));
	x.instance = m->instance;
	x.labels = m->labels;
	x.nlabels = m->nlabels;
	x.interval = m->set_interval;
	x.timeout = m->set_timeout;
	x.max_body = m->set_max_body;
	return watch_target_same_labels(&x, t);
}

/* The sampling options of a target: the file's __scrape_interval__,
 * __scrape_timeout__ and __leakhound_max_body__ over the command's. */
static void target_opts(const struct watch_fleet *f,
			const struct watch_target *t, struct watch_options *o)
{
	if (t->interval > 0)
		o->interval = t->interval;
	o->timeout = t->timeout > 0 ? t->timeout : f->opt.timeout;
	if (o->timeout <= 0) {
		/* as watch_init: the interval, within [1 s, 10 s] */
		o->timeout = o->interval < 1 ? 1 : o->interval > 10 ? 10 :
			     o->interval;
	}
	if (t->max_body > 0)
		o->max_body = t->max_body;
}

static struct watch_fleet_member *add_member(struct watch_fleet *f,
					     const struct watch_target *t,
					     double next, struct err *e)
{
	struct watch_fleet_member *m = xcalloc(1, sizeof(*m));
	struct watch_options o = f->opt;
	int64_t id = 0;

	m->fleet = f;
	m->url = xstrdup(t->url);
	set_labels(m, t);
	m->set_interval = t->interval;
	m->set_timeout = t->timeout;
	m->set_max_body = t->max_body;
	target_opts(f, t, &o);
	o.url = m->url;
	/* the pid behind a loopback URL is found for all targets at once
	 * (discover), not by one scan of /proc per target */
	m->discover = !o.no_discover && watch_loopback_port(m->url) > 0;
	o.no_discover = 1;
	if (f->store && watch_store_add_target(f->store, m->url, m->instance,
					       m->labels_json, &id, e) < 0)
		goto fail;
	if (watch_init(&m->w, &o, f->store, e) < 0)
		goto fail;
	m->w.target_id = id;
	m->next = next;
	vec_push(&f->members, m);
	return m;
fail:
	free(m->url);
	free(m->instance);
	free(m->labels_json);
	free(m->prom_labels);
	for (size_t i = 0; i < m->nlabels; i++) {
		free((char *)m->labels[i].name);
		free((char *)m->labels[i].value);
	}
	free(m->labels);
	free(m);
	return NULL;
}

/* One scan of /proc for the members that need a pid: all (every), else
 * those without one or whose /proc part failed last time. */
static void discover(struct watch_fleet *f, int every)
{
	int *ports = xcalloc(f->members.len + 1, sizeof(*ports));
	pid_t *pids = xcalloc(f->members.len + 1, sizeof(*pids));
	size_t i, n = 0;

	for (i = 0; i < f->members.len; i++) {
		struct watch_fleet_member *m = f->members.items[i];
		const struct watch_sample *s = watch_last(&m->w);
		int need = every || m->w.cur_pid <= 0 ||
			   (s && !(s->have & (1u << WATCH_RSS)));
		if (m->discover && !m->removed && need)
			ports[i] = watch_loopback_port(m->url);
		n += ports[i] > 0;
	}
	if (n) {
		proc_find_listeners(ports, f->members.len, pids);
		for (i = 0; i < f->members.len; i++)
			if (ports[i] > 0 && pids[i] > 0)
				f->members.items[i]->w.cur_pid = pids[i];
	}
	free(ports);
	free(pids);
}

static void stop_member(struct watch_fleet_member *m)
{
	if (m->busy) {
		http_multi_cancel(m->w.http);
		watch_step_release(&m->step);
		m->busy = 0;
	}
}

static void free_member(struct watch_fleet_member *m)
{
	size_t i;

	stop_member(m);
	watch_release(&m->w);
	for (i = 0; i < m->nlabels; i++) {
		free((char *)m->labels[i].name);
		free((char *)m->labels[i].value);
	}
	free(m->labels);
	free(m->url);
	free(m->instance);
	free(m->labels_json);
	free(m->prom_labels);
	free(m);
}

static int stat_file(struct watch_fleet *f, struct stat *st)
{
	if (stat(f->path, st) < 0)
		return -1;
	return 0;
}

static int changed(const struct watch_fleet *f, const struct stat *st)
{
	return st->st_mtim.tv_sec != f->mtime ||
	       st->st_mtim.tv_nsec != f->mtime_ns || st->st_size != f->size;
}

static void remember(struct watch_fleet *f, const struct stat *st)
{
	f->mtime = st->st_mtim.tv_sec;
	f->mtime_ns = st->st_mtim.tv_nsec;
	f->size = st->st_size;
}

int watch_fleet_init(struct watch_fleet *f, const char *path,
		     const struct watch_options *opt,
		     struct watch_store *store, double retention,
		     struct err *e)
{
	struct watch_targets t;
	struct stat st;
	double now;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->opt = *opt;
	f->opt.url = NULL;
	if (f->opt.discover_every <= 0)
		f->opt.discover_every = 30;
	f->path = path;
	f->store = store;
	f->retention = retention;
	watch_targets_init(&t);
	if (stat_file(f, &st) < 0)
		return err_setf(e, "cannot read '%s': %s", path, strerror(errno));
	remember(f, &st);
	if (watch_targets_load(&t, path, e) < 0) {
		watch_targets_release(&t);
		return -1;
	}
	f->nurl = t.nurl;
	f->multi = http_multi_new();
	now = watch_now_mono();
	f->last_check = f->last_prune = now;
	for (i = 0; i < t.items.len; i++) {
		/* the first slots spread over one interval */
		double iv = t.items.items[i].interval > 0 ?
			    t.items.items[i].interval : f->opt.interval;
		double off = iv * (double)i / (double)t.items.len;
		if (!add_member(f, &t.items.items[i], now + off, e)) {
			watch_targets_release(&t);
			watch_fleet_release(f);
			return -1;
		}
	}
	watch_targets_release(&t);
	discover(f, 1);
	f->last_discover = watch_now_mono();
	return 0;
}

void watch_fleet_release(struct watch_fleet *f)
{
	size_t i;

	for (i = 0; i < f->members.len; i++)
		free_member(f->members.items[i]);
	vec_free(&f->members);
	for (i = 0; i < f->events.len; i++)
		free(f->events.items[i]);
	vec_free(&f->events);
	http_multi_free(f->multi);
	f->multi = NULL;
}

int watch_fleet_reload(struct watch_fleet *f, int force)
{
	struct watch_targets t;
	struct stat st;
	struct err e = ERR_INIT;
	size_t i, j;
	int any = 0;
	double now = watch_now_mono();

	f->last_check = now;
	if (stat_file(f, &st) < 0) {
		if (f->size != -1)
			event(f, "cannot read '%s': %s; keeping its %zu targets",
			      f->path, strerror(errno), f->members.len);
		f->size = -1;
		return -1;
	}
	if (!force && !changed(f, &st))
		return 0;
	remember(f, &st);
	watch_targets_init(&t);
	if (watch_targets_load(&t, f->path, &e) < 0) {
		event(f, "%s; keeping the previous targets", e.msg);
		watch_targets_release(&t);
		return -1;
	}
	f->nurl = t.nurl;
	for (i = 0; i < f->members.len; i++) {
		struct watch_fleet_member *m = f->members.items[i];
		const struct watch_target *x = watch_targets_find(&t, m->url);
		if (!x && !m->removed) {
			stop_member(m);
			m->removed = 1;
			any = 1;
			event(f, "target %s removed from '%s'", m->url, f->path);
		} else if (x && m->removed) {
			m->removed = 0;
			m->next = now;
			any = 1;
			event(f, "target %s back in '%s'", m->url, f->path);
		}
		if (x && !same_labels(m, x)) {
			int64_t id;
			struct watch_options o = f->opt;
			set_labels(m, x);
			m->set_interval = x->interval;
			m->set_timeout = x->timeout;
			m->set_max_body = x->max_body;
			target_opts(f, x, &o);
			m->w.opt.interval = o.interval;
			m->w.opt.timeout = o.timeout;
			m->w.opt.max_body = o.max_body;
			any = 1;
			if (f->store && watch_store_add_target(f->store, m->url,
					m->instance, m->labels_json, &id, &e) < 0) {
				f->failed = 1;
				f->err = e;
			}
			event(f, "target %s: labels now %s", m->url,
			      m->labels_json);
		}
	}
	for (j = 0; j < t.items.len; j++) {
		const struct watch_target *x = &t.items.items[j];
		int known = 0;
		for (i = 0; i < f->members.len && !known; i++)
			known = !strcmp(f->members.items[i]->url, x->url);
		if (known)
			continue;
		if (!add_member(f, x, now, &e)) {
			event(f, "cannot add target %s: %s", x->url, e.msg);
			if (f->store) {
				f->failed = 1;
				f->err = e;
			}
			continue;
		}
		any = 1;
		event(f, "target %s added from '%s'", x->url, f->path);
	}
	watch_targets_release(&t);
	if (any)
		discover(f, 0);
	return any;
}

/* ---- sampling ---- */

static void finish(struct watch_fleet_member *m, const struct watch_fleet_loop *l);

static void on_done(void *arg, int rc, const struct err *fe);

/* Start the next request of m's sample, or finish it; requests that cannot
 * even start count as failed ones. */
static void advance(struct watch_fleet_member *m, int more, const char *url,
		    struct sb *body)
{
	struct watch_fleet *f = m->fleet;

	while (more) {
		struct http_opts o;
		struct err e = ERR_INIT;

		watch_http_opts(&m->w, &o);
		if (http_multi_start(f->multi, m->w.http, url, &o, body,
				     on_done, m, &e) == 0)
			return;
		more = watch_step_next(&m->w, &m->step, -1, &e, &url, &body);
	}
	finish(m, NULL);
}

static void on_done(void *arg, int rc, const struct err *fe)
{
	struct watch_fleet_member *m = arg;
	const char *url = NULL;
	struct sb *body = NULL;
	int more;

	more = watch_step_next(&m->w, &m->step, rc, fe, &url, &body);
	advance(m, more, url, body);
}

static void finish(struct watch_fleet_member *m, const struct watch_fleet_loop *l)
{
	struct watch_fleet *f = m->fleet;
	const struct watch_sample *s;
	struct err e = ERR_INIT;
	int leak, failing;

	if (!l)
		l = f->loop;
	m->busy = 0;
	if (watch_step_finish(&m->w, &m->step, &e) < 0) {
		f->failed = 1;
		f->err = e;
		return;
	}
	watch_evaluate(&m->w, m->v);
	s = watch_last(&m->w);
	leak = watch_any_leak(m->v);
	failing = s && !(s->have & ((1u << WATCH_HEAP_BYTES) |
				    (1u << WATCH_GOROUTINES)));
	if (leak && !m->leak)
		event(f, "target %s {%s}: leak suspected", m->url, m->prom_labels);
	if (failing && !m->failing)
		event(f, "target %s: cannot sample: %s", m->url,
		      s->error ? s->error : "nothing answered");
	else if (!failing && m->failing)
		event(f, "target %s: answers again", m->url);
	m->leak = leak;
	m->failing = failing;
	if (m->w.events.len && s && m->w.segments.len > 1 &&
	    m->w.segments.items[m->w.segments.len - 1].first + 1 ==
	    m->w.samples.len)
		event(f, "target %s: %s", m->url,
		      m->w.events.items[m->w.events.len - 1]);
	if (l && l->on_sample)
		l->on_sample(f, m, l->arg);
}

static void start(struct watch_fleet_member *m, double now)
{
	double delay = now - m->next;
	const char *url = NULL;
	struct sb *body = NULL;
	int more;

	if (delay > m->max_delay)
		m->max_delay = delay;
	m->sum_delay += delay;
	m->nstarted++;
	m->next += m->w.opt.interval;
	if (m->next < now) {
		double k = ceil((now - m->next) / m->w.opt.interval);
		m->skipped += (size_t)k;
		m->next += k * m->w.opt.interval;
	}
	m->busy = 1;
	more = watch_step_begin(&m->w, &m->step, watch_now_wall(), &url, &body);
	advance(m, more, url, body);
}

void watch_prune_before(struct watch *w, double before)
{
	size_t k = 0, i, j;

	while (k + 1 < w->samples.len && w->samples.items[k].t < before)
		k++;
	if (!k)
		return;
	memmove(w->samples.items, w->samples.items + k,
		(w->samples.len - k) * sizeof(*w->samples.items));
	w->samples.len -= k;
	for (i = j = 0; i < w->segments.len; i++) {
		struct watch_segment g = w->segments.items[i];
		size_t end = i + 1 < w->segments.len ?
			w->segments.items[i + 1].first : (size_t)-1;
		/* wholly before the cut, and not the latest: gone */
		if (end != (size_t)-1 && end <= k)
			continue;
		g.first = g.first > k ? g.first - k : 0;
		w->segments.items[j++] = g;
	}
	w->segments.len = j;
}

static void prune(struct watch_fleet *f, double now_mono)
{
	double before = watch_now_wall() - f->retention;
	struct err e = ERR_INIT;
	size_t i;
	int n;

	f->last_prune = now_mono;
	if (f->store) {
		n = watch_store_prune(f->store, before, &e);
		if (n < 0) {
			f->failed = 1;
			f->err = e;
			return;
		}
		f->pruned += (size_t)n;
	}
	for (i = 0; i < f->members.len; i++)
		watch_prune_before(&f->members.items[i]->w, before);
}

int watch_fleet_run(struct watch_fleet *f, const struct watch_fleet_loop *l,
		    struct err *e)
{
	double t0 = watch_now_mono();
	size_t i;

	f->loop = l;
	/* the first slots spread over one interval from now (setting the
	 * targets up took time) */
	for (i = 0; i < f->members.len; i++)
		f->members.items[i]->next = t0 +
			f->members.items[i]->w.opt.interval * (double)i /
			(double)f->members.len;
	for (;;) {
		double now = watch_now_mono(), wake = now + 0.1;

		if ((l->stop && *l->stop) || f->failed)
			break;
		if (l->duration > 0 && now - t0 >= l->duration)
			break;
		if (now - f->last_check >= 1.0)
			watch_fleet_reload(f, 0);
		if (now - f->last_discover >= f->opt.discover_every) {
			f->last_discover = now;
			discover(f, 0);
		}
		if (f->retention > 0 &&
		    now - f->last_prune >= (f->retention < 600 ?
					    f->retention / 10 : 60))
			prune(f, now);
		for (i = 0; i < f->members.len; i++) {
			struct watch_fleet_member *m = f->members.items[i];
			if (m->removed || m->busy)
				continue;
			if (m->next <= now) {
				start(m, now);
				now = watch_now_mono();
			}
			if (!m->busy && m->next < wake)
				wake = m->next;
		}
		if (l->duration > 0 && t0 + l->duration < wake)
			wake = t0 + l->duration;
		now = watch_now_mono();
		if (http_multi_pending(f->multi)) {
			double left = wake - now;
			http_multi_run(f->multi, left > 0 ? (long)(left * 1000) + 1 : 0);
		} else if (wake > now) {
			struct timespec ts;
			double left = wake - now;
			ts.tv_sec = (time_t)left;
			ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
			nanosleep(&ts, NULL);
		}
	}
	for (i = 0; i < f->members.len; i++)
		stop_member(f->members.items[i]);
	f->loop = NULL;
	if (f->failed) {
		*e = f->err;
		return -1;
	}
	return 0;
}
