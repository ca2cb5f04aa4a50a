/*
 * attrib: on a leak verdict, say where.  Two comparisons, each between the
 * first settled sample (the start of the verdict's window, after warm-up)
 * and the latest one:
 *   heap        the inuse_space of each allocation site, where a site is
 *               the first frame of the stack, from the leaf up, that is the
 *               user's own code (not the runtime or the standard library):
 *               the time.After call, not time.NewTimer; the leaf itself is
 *               kept as a related location
 *   goroutines  the groups of the goroutine profile (gdump module), with
 *               their growth and the blocking frame in the user's code
 * Sites are reported when they hold at least a tenth of the growth, at
 * most five of each kind.
 *
 * HTTP client connections are the one leak whose growth has no user frame
 * at all: a response body that is never closed keeps its connection, whose
 * buffers were allocated and whose two goroutines (persistConn readLoop
 * and writeLoop) were started by net/http's own dialing goroutine.  Those
 * sites and groups are not reported one by one; they become one
 * http-connection-growth finding at net/http's frame, with the places that
 * make requests (a user frame calling net/http.Get, (*Client).Do and the
 * like, in the allocation stacks of the latest heap profile) as related
 * locations.  It is not moved to one of them: sampling sees the busiest
 * request sites, not the leaking one.  srclink moves it to the line with
 * --src, where lint rule body-not-closed fires.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/map.h"
#include "../base/xalloc.h"
#include "../gdump/gdump.h"
#include "../pprof/pprof.h"
#include "store.h"
#include "watch.h"
#include "watch_int.h"

#define MAX_SITES 5

struct site {
	const char *func, *file;
	int64_t line;
	const char *leaf_func, *leaf_file;   /* where the allocation happened */
	int64_t leaf_line;
	const char *callee_func, *callee_file; /* what the site called */
	int64_t callee_line;
	int user;            /* the site is in the user's code */
	int http;            /* under net/http's connection setup, no user frame */
	const char *http_func, *http_file;   /* its first net/http frame */
	int64_t http_line;
	int64_t bytes[2], objects[2];
};

/* What the heap and goroutine passes saw of HTTP client connections. */
struct http_ev {
	int64_t bytes;                 /* live heap growth under connection setup */
	int64_t conns, conns_now;      /* growth and count of the largest group */
	const char *func, *file;       /* that group's frame (in arena) */
	int line;
	struct arena arena;
};

/* A frame of net/http's client connection machinery: the dialing and the
 * two goroutines of a persistent connection. */
static int http_conn_func(const char *fn)
{
	return !strncmp(fn, "net/http.(*persistConn).", 24) ||
	       !strncmp(fn, "net/http.(*Transport).dial", 26);
}

/* The functions through which the user's code makes a request and gets a
 * response whose body it must close. */
static int http_client_entry(const char *fn)
{
	static const char *const names[] = {
		"net/http.Get", "net/http.Post", "net/http.Head",
		"net/http.PostForm", "net/http.(*Client).Do",
		"net/http.(*Client).Get", "net/http.(*Client).Post",
		"net/http.(*Client).Head", "net/http.(*Client).PostForm",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(fn, names[i]))
			return 1;
	return 0;
}

/* The first sample of [lo, hi) at or after time t (relative to lo) that
 * has bit, and the last one that has it. */
static int pick(const struct watch *w, size_t lo, size_t hi, double t,
		unsigned bit, size_t *first, size_t *last)
{
	size_t i;
	int got = 0;
	double t0 = w->samples.items[lo].t;

	for (i = lo; i < hi; i++) {
		const struct watch_sample *s = &w->samples.items[i];
		if (!(s->have & bit))
			continue;
		if (!got && s->t - t0 >= t - 1e-9) {
			*first = i;
			got = 1;
		}
		*last = i;
	}
	return got && *last > *first;
}

/* The user's-code context for a profile: the process's (main module)
 * with GOROOT learnt from the profile's runtime functions. */
static void profile_usercode(const struct pprof_profile *p, struct go_usercode *uc)
{
	size_t i, j, k;

	*uc = *go_usercode_global();
	for (i = 0; i < p->nsample && !uc->goroot[0]; i++)
		for (j = 0; j < p->sample[i].nlocation; j++) {
			const struct pprof_location *l = p->sample[i].location[j];
			for (k = 0; k < l->nline; k++) {
				const struct pprof_function *fn = l->line[k].function;
				if (fn && go_usercode_learn_goroot(uc, fn->name, fn->filename))
					return;
			}
		}
}

static int is_std(const struct go_usercode *uc, const struct pprof_function *fn)
{
	return go_usercode_is_std(uc, fn ? fn->name : "", fn ? fn->filename : NULL);
}

static void add_profile(struct arena *a, struct map *sites,
			const struct pprof_profile *p, int which, int ispace,
			int iobj)
{
	size_t i, j, k;
	struct go_usercode uc;

	profile_usercode(p, &uc);
	for (i = 0; i < p->nsample; i++) {
		const struct pprof_sample *s = &p->sample[i];
		const struct pprof_line *user = NULL, *leaf = NULL, *fallback = NULL;
		const struct pprof_line *callee = NULL, *prev = NULL;
		const struct pprof_line *at;
		struct map_slot *slot;
		struct site *st;
		char *key;
		const struct pprof_line *http = NULL;

		for (j = 0; j < s->nlocation && !user; j++) {
			const struct pprof_location *l = s->location[j];
			for (k = 0; k < l->nline && !user; k++) {
				const struct pprof_line *ln = &l->line[k];
				const char *fn = ln->function ? ln->function->name : "";
				if (!leaf)
					leaf = ln;
				if (!http && http_conn_func(fn))
					http = ln;
				if (!is_std(&uc, ln->function)) {
					user = ln;
					callee = prev;
				} else if (!fallback && strncmp(fn, "runtime.", 8)) {
					fallback = ln;
				}
				prev = ln;
			}
		}
		at = user ? user : fallback;
		/* a stack all in the runtime (goroutine descriptors, stacks):
		 * the goroutine groups tell that story better */
		if (!at || !at->function)
			continue;
		if (user)
			http = NULL;
		key = arena_printf(a, "%s\n%s:%lld\n%d", at->function->name,
				   at->function->filename, (long long)at->line,
				   http != NULL);
		slot = map_slot(sites, key, strlen(key));
		if (!slot->value) {
			st = arena_new(a, struct site);
			st->func = arena_strdup(a, at->function->name);
			st->file = arena_strdup(a, at->function->filename);
			st->line = at->line;
			st->user = user != NULL;
			st->http = http != NULL;
			if (http) {
				st->http_func = arena_strdup(a, http->function->name);
				st->http_file = arena_strdup(a, http->function->filename);
				st->http_line = http->line;
			}
			if (callee && callee->function) {
				st->callee_func = arena_strdup(a, callee->function->name);
				st->callee_file = arena_strdup(a, callee->function->filename);
				st->callee_line = callee->line;
			}
			if (leaf && leaf->function && leaf != at) {
				st->leaf_func = arena_strdup(a, leaf->function->name);
				st->leaf_file = arena_strdup(a, leaf->function->filename);
				st->leaf_line = leaf->line;
			}
			slot->value = st;
		}
		st = slot->value;
		st->bytes[which] += s->value[ispace];
		st->objects[which] += s->value[iobj];
	}
}

static int cmp_site(const void *a, const void *b)
{
	const struct site *x = *(struct site *const *)a;
	const struct site *y = *(struct site *const *)b;
	int64_t gx = x->bytes[1] - x->bytes[0], gy = y->bytes[1] - y->bytes[0];

	if (gx != gy)
		return gx > gy ? -1 : 1;
	return strcmp(x->func, y->func);
}

/* The stored heap profile of sample idx, decoded (caller frees), or NULL. */
static struct pprof_profile *heap_profile(struct watch *w, size_t idx)
{
	struct sb blob = SB_INIT;
	struct err e = ERR_INIT;
	struct pprof_profile *p = NULL;

	if (watch_store_get_blob(w->store, w->samples.items[idx].id, "heap",
				 &blob, &e) == 1)
		p = pprof_profile_parse(blob.buf, blob.len, "heap", &e);
	sb_release(&blob);
	return p;
}

/* Sites whose live heap grew from sample a's profile to latest's. */
static size_t heap_sites(struct watch *w, size_t a,
			 const struct pprof_profile *latest,
			 struct findings *fs, struct http_ev *ev)
{
	struct sb msg = SB_INIT;
	struct pprof_profile *first;
	const struct pprof_profile *p[2];
	struct arena ar = ARENA_INIT;
	struct map sites = MAP_INIT;
	VEC(struct site *) list = { 0 };
	int64_t total = 0, before, after;
	size_t i, added = 0;
	int k;

	first = heap_profile(w, a);
	p[0] = first;
	p[1] = latest;
	for (k = 0; k < 2; k++) {
		if (!p[k])
			goto out;
		{
			int is = pprof_sample_index(p[k], "inuse_space", NULL);
			int io = pprof_sample_index(p[k], "inuse_objects", NULL);
			if (is < 0 || io < 0)
				goto out;
			add_profile(&ar, &sites, p[k], k, is, io);
		}
	}
	for (i = 0; i < sites.cap; i++)
		if (sites.slots[i].key) {
			struct site *st = sites.slots[i].value;
			if (st->bytes[1] > st->bytes[0]) {
				vec_push(&list, st);
				total += st->bytes[1] - st->bytes[0];
			}
		}
	if (!list.len)
		goto out;
	qsort(list.items, list.len, sizeof(*list.items), cmp_site);
	for (i = 0; i < list.len && added < MAX_SITES; i++) {
		struct site *st = list.items[i];
		struct report_loc loc, rel;
		struct finding *f;
		int64_t g = st->bytes[1] - st->bytes[0];
		if (g * 10 < total)
			break;
		if (st->http) {
			ev->bytes += g;
			if (!ev->file) {
				ev->func = arena_strdup(&ev->arena, st->http_func);
				ev->file = arena_strdup(&ev->arena, st->http_file);
				ev->line = (int)st->http_line;
			}
			continue;
		}
		before = st->bytes[0];
		after = st->bytes[1];
		sb_reset(&msg);
		sb_addf(&msg, "live heap allocated here grew by ");
		watch_fmt_value(&msg, WATCH_HEAP_BYTES, (double)g);
		sb_adds(&msg, " (");
		watch_fmt_value(&msg, WATCH_HEAP_BYTES, (double)before);
		sb_adds(&msg, " -> ");
		watch_fmt_value(&msg, WATCH_HEAP_BYTES, (double)after);
		sb_addf(&msg, ", %lld -> %lld objects, %.0f%% of the growth) in %s",
			(long long)st->objects[0], (long long)st->objects[1],
			100.0 * (double)g / (double)total, st->func);
		if (!st->user)
			sb_adds(&msg, " (no frame of this stack is outside the "
				"Go runtime and standard library)");
		memset(&loc, 0, sizeof(loc));
		loc.file = st->file;
		loc.line = (int)st->line;
		f = findings_add(fs, "growing-allocation-site", REPORT_SEV_ERROR,
				 st->user ? REPORT_CONF_HIGH : REPORT_CONF_MEDIUM,
				 &loc, sb_str(&msg),
				 "make sure what is allocated here is released "
				 "(stopped, closed, removed from the map) when it "
				 "is no longer needed");
		if (st->callee_func) {
			memset(&rel, 0, sizeof(rel));
			rel.file = st->callee_file;
			rel.line = (int)st->callee_line;
			sb_reset(&msg);
			sb_addf(&msg, "through %s", st->callee_func);
			rel.message = sb_str(&msg);
			finding_add_related(fs, f, &rel);
		}
		if (st->leaf_func && (!st->callee_func ||
				      strcmp(st->leaf_func, st->callee_func))) {
			memset(&rel, 0, sizeof(rel));
			rel.file = st->leaf_file;
			rel.line = (int)st->leaf_line;
			sb_reset(&msg);
			sb_addf(&msg, "allocated in %s", st->leaf_func);
			rel.message = sb_str(&msg);
			finding_add_related(fs, f, &rel);
		}
		added++;
	}
out:
	if (first)
		pprof_profile_free(first);
	vec_free(&list);
	map_release(&sites);
	arena_release(&ar);
	sb_release(&msg);
	return added;
}

static int load_groups(struct watch *w, size_t idx, struct gdump_groups *gs)
{
	struct sb blob = SB_INIT;
	struct gdump_dump d;
	struct err e = ERR_INIT;
	int ok = 0;

	memset(gs, 0, sizeof(*gs));
	gdump_dump_init(&d);
	if (watch_store_get_blob(w->store, w->samples.items[idx].id, "goroutine",
				 &blob, &e) == 1 &&
	    gdump_parse(&d, blob.buf ? blob.buf : "", blob.len, &e) == 0) {
		gdump_group(&d, gs);
		ok = 1;
	}
	gdump_dump_release(&d);
	sb_release(&blob);
	return ok;
}

static int cmp_growth(const void *a, const void *b)
{
	const struct gdump_group *x = *(struct gdump_group *const *)a;
	const struct gdump_group *y = *(struct gdump_group *const *)b;

	if (x->growth != y->growth)
		return x->growth > y->growth ? -1 : 1;
	return (x->count < y->count) - (x->count > y->count);
}

/* Where to point for a group: its blocking frame in the user's code, else
 * the user's frame that created it, else its innermost frame. */
static const struct gdump_frame *group_site(const struct gdump_groups *gs,
					    const struct gdump_group *g,
					    int *user)
{
	*user = 1;
	if (g->blocking)
		return g->blocking;
	if (g->created_by.func && !gdump_frame_is_std(gs, &g->created_by))
		return &g->created_by;
	*user = 0;
	if (g->created_by.func)
		return &g->created_by;
	return g->nframes ? &g->frames[0] : NULL;
}

/* A group of net/http's client connection goroutines. */
static int http_conn_group(const struct gdump_group *g)
{
	size_t i;

	if (g->created_by.func && http_conn_func(g->created_by.func))
		return 1;
	for (i = 0; i < g->nframes; i++)
		if (g->frames[i].func && http_conn_func(g->frames[i].func))
			return 1;
	return 0;
}

/* A group of a net/http server's connection goroutines. */
static int http_server_group(const struct gdump_group *g)
{
	size_t i;

	if (g->created_by.func &&
	    !strcmp(g->created_by.func, "net/http.(*Server).Serve"))
		return 1;
	for (i = 0; i < g->nframes; i++)
		if (g->frames[i].func &&
		    !strcmp(g->frames[i].func, "net/http.(*conn).serve"))
			return 1;
	return 0;
}

/* watch_group_findings; with ev, the groups of HTTP client connections
 * (no user frame) are added to ev instead of being reported. */
static size_t group_findings(struct gdump_groups *cur,
			     const struct gdump_groups *old,
			     struct findings *fs, struct http_ev *ev)
{
	VEC(struct gdump_group *) list = { 0 };
	struct sb msg = SB_INIT;
	int64_t total = 0;
	size_t i, added = 0;

	if (old)
		gdump_compare(cur, old);
	for (i = 0; i < cur->items.len; i++) {
		struct gdump_group *g = &cur->items.items[i];
		if (old ? g->growth > 0 : g->suspect) {
			vec_push(&list, g);
			total += old ? g->growth : (int64_t)g->count;
		}
	}
	if (old && list.len > 1)  /* an empty vector's items are NULL */
		qsort(list.items, list.len, sizeof(*list.items), cmp_growth);
	for (i = 0; i < list.len && added < MAX_SITES; i++) {
		struct gdump_group *g = list.items[i];
		const struct gdump_frame *at;
		struct report_loc loc;
		struct finding *f;
		int user;
		int64_t n = old ? g->growth : (int64_t)g->count;
		if (old && n * 10 < total)
			break;
		at = group_site(cur, g, &user);
		if (!at)
			continue;
		if (ev && !user && http_conn_group(g)) {
			if (n > ev->conns) {
				ev->conns = n;
				ev->conns_now = (int64_t)g->count;
				ev->func = arena_strdup(&ev->arena, at->func ? at->func : "");
				ev->file = arena_strdup(&ev->arena, at->file ? at->file : "");
				ev->line = at->line;
			}
			continue;
		}
		sb_reset(&msg);
		if (old)
			sb_addf(&msg, "goroutines %s grew by %lld (now %llu)",
				gdump_kind_name(g->kind) && g->kind != GDUMP_KIND_OTHER
				? "blocked here" : "of this group",
				(long long)n, (unsigned long long)g->count);
		else
			sb_addf(&msg, "%llu goroutine%s blocked here",
				(unsigned long long)g->count,
				g->count == 1 ? "" : "s");
		if (g->kind != GDUMP_KIND_OTHER)
			sb_addf(&msg, " (%s)", gdump_kind_name(g->kind));
		else if (g->state && *g->state)
			sb_addf(&msg, " (%s)", g->state);
		sb_addf(&msg, " in %s", at->func);
		if (g->why && *g->why)
			sb_addf(&msg, ": %s", g->why);
		if (!user && http_server_group(g))
			sb_adds(&msg, "; no frame is in the user's code: these "
				"are net/http server connections that their "
				"clients keep open (an idle keep-alive connection "
				"lasts until the client closes it or "
				"Server.IdleTimeout ends it)");
		else if (!user)
			sb_adds(&msg, "; no frame is in the user's code (for "
				"net/http connection goroutines, look for a "
				"response body that is not closed)");
		memset(&loc, 0, sizeof(loc));
		loc.file = at->file;
		loc.line = at->line;
		f = findings_add(fs, old ? "growing-goroutine-group"
					 : "blocked-goroutines",
				 REPORT_SEV_ERROR,
				 user ? REPORT_CONF_HIGH : REPORT_CONF_MEDIUM,
				 &loc, sb_str(&msg),
				 "give the goroutine a way to finish: a receiver "
				 "for its send, a close or cancel for its receive "
				 "or select");
		if (g->created_by.func && at != &g->created_by) {
			struct report_loc rel;
			memset(&rel, 0, sizeof(rel));
			rel.file = g->created_by.file;
			rel.line = g->created_by.line;
			sb_reset(&msg);
			sb_addf(&msg, "created by %s", g->created_by.func);
			rel.message = sb_str(&msg);
			finding_add_related(fs, f, &rel);
		}
		added++;
	}
	vec_free(&list);
	sb_release(&msg);
	return added;
}

size_t watch_group_findings(struct gdump_groups *cur,
			    const struct gdump_groups *old,
			    struct findings *fs)
{
	return group_findings(cur, old, fs, NULL);
}

static size_t goroutine_sites(struct watch *w, size_t a, size_t b,
			      struct findings *fs, struct http_ev *ev)
{
	struct gdump_groups old, cur;
	size_t added = 0;

	if (!load_groups(w, a, &old))
		return 0;
	if (load_groups(w, b, &cur)) {
		added = group_findings(&cur, &old, fs, ev);
		gdump_groups_release(&cur);
	}
	gdump_groups_release(&old);
	return added;
}

/* A place in the user's code that calls into net/http's client. */
struct req_site {
	const char *func, *file, *callee;
	int64_t line, n;
};

static int cmp_req(const void *a, const void *b)
{
	const struct req_site *x = *(struct req_site *const *)a;
	const struct req_site *y = *(struct req_site *const *)b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->file, y->file) ? strcmp(x->file, y->file)
	       : (x->line > y->line) - (x->line < y->line);
}

/* The places that made HTTP requests, by the allocations sampled under
 * them (alloc_objects of the heap profile of sample idx: since the start
 * of the program), most first, at most MAX_SITES into out (in a). */
static size_t request_sites(const struct pprof_profile *p, struct arena *a,
			    struct req_site **out)
{
	struct map sites = MAP_INIT;
	VEC(struct req_site *) list = { 0 };
	size_t i, j, k, n = 0;
	int io;

	struct go_usercode uc;

	if (!p)
		goto out;
	profile_usercode(p, &uc);
	io = pprof_sample_index(p, "alloc_objects", NULL);
	if (io < 0)
		goto out;
	for (i = 0; i < p->nsample; i++) {
		const struct pprof_sample *s = &p->sample[i];
		const struct pprof_line *prev = NULL, *hit = NULL, *callee = NULL;
		for (j = 0; j < s->nlocation && !hit; j++) {
			const struct pprof_location *l = s->location[j];
			for (k = 0; k < l->nline && !hit; k++) {
				const struct pprof_line *ln = &l->line[k];
				if (!ln->function)
					continue;
				if (prev && !is_std(&uc, ln->function) &&
				    http_client_entry(prev->function->name)) {
					hit = ln;
					callee = prev;
				}
				prev = ln;
			}
		}
		if (hit) {
			char *key = arena_printf(a, "%s\n%s:%lld",
						 hit->function->name,
						 hit->function->filename,
						 (long long)hit->line);
			struct map_slot *slot = map_slot(&sites, key, strlen(key));
			struct req_site *r = slot->value;
			if (!r) {
				r = arena_new(a, struct req_site);
				r->func = arena_strdup(a, hit->function->name);
				r->file = arena_strdup(a, hit->function->filename);
				r->line = hit->line;
				slot->value = r;
				vec_push(&list, r);
			}
			r->n += s->value[io];
			if (!r->callee)
				r->callee = arena_strdup(a, callee->function->name);
		}
	}
	if (list.len > 1)
		qsort(list.items, list.len, sizeof(*list.items), cmp_req);
	n = list.len < MAX_SITES ? list.len : MAX_SITES;
	*out = arena_alloc(a, (n ? n : 1) * sizeof(**out));
	for (i = 0; i < n; i++)
		(*out)[i] = *list.items[i];
out:
	vec_free(&list);
	map_release(&sites);
	return n;
}

/* The one finding for HTTP client connections that are not released. */
static size_t http_finding(const struct pprof_profile *latest,
			   struct http_ev *ev, struct findings *fs)
{
	struct arena a = ARENA_INIT;
	struct req_site *rs = NULL;
	struct sb msg = SB_INIT;
	struct report_loc loc, rel;
	struct finding *f;
	size_t i, n;

	if (!ev->conns && !ev->bytes)
		return 0;
	n = request_sites(latest, &a, &rs);
	sb_adds(&msg, "HTTP client connections are not being released: ");
	if (ev->conns)
		sb_addf(&msg, "the goroutines of each connection (%s) grew by "
			"%lld (now %lld)", ev->func, (long long)ev->conns,
			(long long)ev->conns_now);
	if (ev->bytes) {
		sb_adds(&msg, ev->conns ? ", and the" : "the");
		sb_adds(&msg, " live heap allocated when net/http sets up a "
			"connection grew by ");
		watch_fmt_value(&msg, WATCH_HEAP_BYTES, (double)ev->bytes);
	}
	sb_adds(&msg, ". " WATCH_HTTP_WHY);
	if (n)
		sb_addf(&msg, "; the heap profile sampled HTTP requests at %zu "
			"place%s (related), but sampling can miss the one that "
			"leaks: --src names it with lint rule body-not-closed",
			n, n == 1 ? "" : "s");
	else
		sb_adds(&msg, "; no sampled allocation shows where the requests "
			"are made: --src names the line with lint rule "
			"body-not-closed");
	memset(&loc, 0, sizeof(loc));
	loc.file = ev->file;
	loc.line = ev->line;
	f = findings_add(fs, "http-connection-growth", REPORT_SEV_ERROR,
			 REPORT_CONF_MEDIUM, &loc, sb_str(&msg),
			 "close every response body (defer resp.Body.Close() "
			 "right after the error check), also when it is not "
			 "read, so that its connection is reused or released");
	for (i = 0; i < n; i++) {
		memset(&rel, 0, sizeof(rel));
		rel.file = rs[i].file;
		rel.line = (int)rs[i].line;
		sb_reset(&msg);
		sb_addf(&msg, WATCH_REQUEST_SITE " (%s calls %s)", rs[i].func,
			rs[i].callee);
		rel.message = sb_str(&msg);
		finding_add_related(fs, f, &rel);
	}
	sb_release(&msg);
	arena_release(&a);
	return 1;
}

size_t watch_findings_sites(struct watch *w, const struct watch_verdict *v,
			    struct findings *fs)
{
	size_t lo, hi, a, b, added = 0;
	const struct watch_verdict *h = &v[WATCH_HEAP_BYTES];
	const struct watch_verdict *o = &v[WATCH_HEAP_OBJECTS];
	const struct watch_verdict *r = &v[WATCH_RSS];
	const struct watch_verdict *g = &v[WATCH_GOROUTINES];
	struct http_ev ev;
	/* the latest heap profile of the window, decoded once: the heap
	 * sites compare with it and the request sites are found in it */
	struct pprof_profile *latest = NULL;
	size_t last;

	if (!w->store)
		return 0;
	watch_segment_range(w, &lo, &hi);
	if (hi - lo < 2)
		return 0;
	memset(&ev, 0, sizeof(ev));
	for (last = hi; last > lo; last--)
		if (w->samples.items[last - 1].have & (1u << WATCH_HEAP_BYTES))
			break;
	/* heap sites when the heap grows, or when RSS grows and the live heap
	 * rises with it (not when RSS grows over a flat heap: goroutine
	 * stacks, say, where heap "growth" would be sampling noise) */
	if ((h->evaluated && h->tr.verdict == TREND_GROWING) ||
	    (o->evaluated && o->tr.verdict == TREND_GROWING) ||
	    (r->evaluated && r->tr.verdict == TREND_GROWING &&
	     (!h->evaluated || h->tr.verdict == TREND_NO_DATA ||
	      (h->tr.slope > 0 && h->tr.p < 0.05 && h->tr.p_late < 0.05)))) {
		const struct watch_verdict *src =
			h->tr.verdict == TREND_GROWING ? h :
			o->tr.verdict == TREND_GROWING ? o : r;
		/* pick's b is the last heap sample: the latest profile */
		if (pick(w, lo, hi, src->tr.t0, 1u << WATCH_HEAP_BYTES, &a, &b) &&
		    (latest = heap_profile(w, b)) != NULL)
			added += heap_sites(w, a, latest, fs, &ev);
	}
	if (g->evaluated && g->tr.verdict == TREND_GROWING &&
	    pick(w, lo, hi, g->tr.t0, 1u << WATCH_GOROUTINES, &a, &b))
		added += goroutine_sites(w, a, b, fs, &ev);
	/* the latest heap profile tells who makes the requests */
	if ((ev.conns || ev.bytes) && !latest && last > lo)
		latest = heap_profile(w, last - 1);
	added += http_finding(latest, &ev, fs);
	if (latest)
		pprof_profile_free(latest);
	arena_release(&ev.arena);
	return added;
}
