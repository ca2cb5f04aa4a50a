/*
 * group: merge goroutines with the same stack, rank leak suspects, compare
 * two dumps.
 *
 * Identity is the list of (function, file, line) per frame, the creating
 * site, the state and whether the goroutine is locked to a thread;
 * argument values, goroutine ids, parent ids and wait times are ignored,
 * so the workers one request handler spawns per request fall in one group.
 * Inside one dump this is a comparison of interned pointers; across dumps
 * it is the text key each group carries.
 *
 * Ranking (documented in docs/goroutines.md): a group is a suspect when it
 * is blocked where nothing but another goroutine can wake it (a channel
 * operation, select, a sync wait) in the user's own code, weighted by
 * count and by how long it has waited.  Goroutines whose whole stack is the
 * standard library (HTTP accept loops, persistConn loops, signal handling,
 * finalizers) rank low; goroutines the runtime itself marked (leaked) are
 * certain.
 */
#include "gdump_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/sb.h"

int gdump_frame_is_std(const struct gdump_groups *gs,
		       const struct gdump_frame *f)
{
	return go_usercode_is_std(&gs->uc, f->func, f->file);
}

const char *gdump_kind_name(enum gdump_kind k)
{
	switch (k) {
	case GDUMP_KIND_CHAN: return "channel";
	case GDUMP_KIND_NILCHAN: return "nil channel";
	case GDUMP_KIND_SELECT: return "select";
	case GDUMP_KIND_SYNC: return "sync";
	default: return "other";
	}
}

static enum gdump_kind kind_of(const char *state)
{
	if (!strcmp(state, "chan receive") || !strcmp(state, "chan send"))
		return GDUMP_KIND_CHAN;
	if (!strcmp(state, "chan receive (nil chan)") ||
	    !strcmp(state, "chan send (nil chan)") ||
	    !strcmp(state, "select (no cases)"))
		return GDUMP_KIND_NILCHAN;
	if (!strcmp(state, "select"))
		return GDUMP_KIND_SELECT;
	if (!strncmp(state, "sync.", 5) || !strcmp(state, "semacquire"))
		return GDUMP_KIND_SYNC;
	return GDUMP_KIND_OTHER;
}

static const char *gs_intern(struct gdump_groups *gs, const char *s)
{
	struct map_slot *slot;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	slot = map_slot(&gs->strs, s, n);
	if (!slot->value) {
		char *c = arena_strndup(&gs->arena, s, n);
		slot->key = c;
		slot->value = c;
	}
	return slot->value;
}

static void add_frame_key(struct sb *k, const struct gdump_frame *f)
{
	sb_adds(k, f->func);
	sb_addc(k, ' ');
	sb_adds(k, f->file ? f->file : "");
	sb_addf(k, ":%d\n", f->line);
}

/* Where a group's goroutines are blocked, ranked. */
static void rank(struct gdump_group *g)
{
	static const double weight[] = {
		[GDUMP_KIND_OTHER] = 0, [GDUMP_KIND_CHAN] = 2,
		[GDUMP_KIND_NILCHAN] = 3, [GDUMP_KIND_SELECT] = 1.5,
		[GDUMP_KIND_SYNC] = 1.5,
	};
	int wait = g->wait_max > 60 ? 60 : g->wait_max;
	double s;

	s = weight[g->kind] * (1 + log2((double)(g->count ? g->count : 1))) *
	    (1 + wait / 15.0);
	if (g->flags & GDUMP_LEAKED) {
		g->score = 100 + (double)g->count;
		g->why = "marked (leaked) by the runtime: nothing can ever wake it";
	} else if (g->kind == GDUMP_KIND_OTHER && !*g->state && g->blocking) {
		/* debug=1 text hides the runtime frames that tell a channel
		 * wait from running code: a weaker weight, same formula */
		g->score = 1.0 * (1 + log2((double)(g->count ? g->count : 1)));
		g->why = "parked in your code (state unknown: debug=1 text has no states)";
	} else if (g->kind == GDUMP_KIND_OTHER) {
		g->score = 0;
		g->why = "not blocked on a channel or lock";
	} else if (!g->blocking) {
		g->score = s * 0.1;
		g->why = "standard-library goroutine (server loop, connection, "
			 "signal or finalizer)";
	} else if (g->kind == GDUMP_KIND_NILCHAN) {
		g->score = s;
		g->why = "blocked forever on a nil channel or an empty select";
	} else {
		g->score = s;
		g->why = g->kind == GDUMP_KIND_SYNC ?
			"waiting on a lock or wait group in your code" :
			"blocked on a channel operation in your code";
	}
	g->score = floor(g->score * 100 + 0.5) / 100;
	g->suspect = g->score >= 3;
	if (!g->suspect && (g->kind != GDUMP_KIND_OTHER || !*g->state) && g->blocking &&
	    !(g->flags & GDUMP_LEAKED))
		g->why = "blocked in your code, but few and not for long";
}

/* Blocked where only another goroutine can wake it, with no timer case
 * possible (a select may have one). */
static int blocked_for_good(enum gdump_kind k)
{
	return k == GDUMP_KIND_CHAN || k == GDUMP_KIND_NILCHAN ||
	       k == GDUMP_KIND_SYNC;
}

/* The runtime's own background goroutines, which wake nobody. */
static int idle_runtime_state(const char *st)
{
	static const char *const idle[] = {
		"GC worker (idle)", "force gc (idle)", "GC sweep wait",
		"GC scavenge wait", "finalizer wait", "idle", "timer goroutine (idle)",
	};
	size_t i;

	for (i = 0; i < sizeof(idle) / sizeof(idle[0]); i++)
		if (!strcmp(st, idle[i]))
			return 1;
	return 0;
}

/* Is the program hung?  The main goroutine and every goroutine of the
 * user's code blocked on a channel or lock, and no goroutine that could
 * wake one: nothing running, runnable, in a system call, sleeping, waiting
 * for I/O (a request could come) or for a signal.  Only traceback dumps
 * carry the states this needs. */
static int is_hung(const struct gdump_groups *gs)
{
	size_t i;
	int main_blocked = 0;

	if (gs->format != GDUMP_FMT_TRACEBACK)
		return 0;
	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		if (g->flags & GDUMP_NOSTACK)
			return 0;
		if (g->main_goroutine)
			main_blocked = g->blocking && blocked_for_good(g->kind);
		if (g->blocking ? !blocked_for_good(g->kind)
				: !blocked_for_good(g->kind) && !idle_runtime_state(g->state))
			return 0;
	}
	return main_blocked;
}

/* Ranking with what the whole dump says: a hung program's blocked
 * goroutines are suspects at once; identical workers parked on one channel
 * receive while the program is alive rank low. */
static void rank_dump(struct gdump_groups *gs)
{
	size_t i;

	gs->hung = is_hung(gs);
	for (i = 0; i < gs->items.len; i++) {
		struct gdump_group *g = &gs->items.items[i];
		if (g->flags & GDUMP_LEAKED)
			continue;
		if (gs->hung && g->blocking && blocked_for_good(g->kind)) {
			if (g->score < 5)
				g->score = 5;
			g->suspect = 1;
			g->why = g->main_goroutine ?
				"the program is hung: the main goroutine waits here, and "
				"every goroutine of your code is blocked too" :
				"the program is hung: this and every other goroutine of "
				"your code are blocked, the main goroutine too";
		} else if (!gs->hung && g->blocking && g->kind == GDUMP_KIND_CHAN &&
			   !strcmp(g->state, "chan receive") && g->count >= 2 &&
			   g->chan && g->nids == g->count) {
			g->parked = 1;
			g->score = floor(g->score * 10 + 0.5) / 100;
			g->suspect = g->score >= 3;
			g->why = "identical goroutines parked on one channel receive "
				 "(a stop or done channel) while the program is alive: "
				 "workers waiting on purpose, not a leak in one dump";
		}
	}
}

static int cmp_group(const void *a, const void *b)
{
	const struct gdump_group *x = a, *y = b;

	if (x->suspect != y->suspect)
		return y->suspect - x->suspect;
	if (x->score != y->score)
		return y->score > x->score ? 1 : -1;
	if (x->count != y->count)
		return y->count > x->count ? 1 : -1;
	return x->first < y->first ? -1 : x->first > y->first;
}

struct gkey {
	const struct gdump_frame *frames;
	uintptr_t nframes;
	const char *state;
	const char *cfunc, *cfile;
	uintptr_t cline;
	uintptr_t locked;
};

void gdump_group(const struct gdump_dump *d, struct gdump_groups *gs)
{
	struct gdump_tab idx = { NULL, 0, 0 };
	struct gkey *keys;
	size_t *gi, i, j;
	size_t *fill;
	struct sb k = SB_INIT;

	memset(gs, 0, sizeof(*gs));
	arena_init(&gs->arena);
	map_init(&gs->strs);
	gs->format = d->format;
	gs->total = d->total;
	gs->uc = *go_usercode_global();
	for (i = 0; i < d->gs.len && !gs->uc.goroot[0]; i++) {
		const struct gdump_goroutine *r = &d->gs.items[i];
		for (j = 0; j < r->nframes; j++)
			if (go_usercode_learn_goroot(&gs->uc, r->frames[j].func,
						     r->frames[j].file))
				break;
	}
	keys = xcalloc(d->gs.len ? d->gs.len : 1, sizeof(*keys));
	gi = xmalloc((d->gs.len ? d->gs.len : 1) * sizeof(*gi));
	for (i = 0; i < d->gs.len; i++) {
		const struct gdump_goroutine *r = &d->gs.items[i];
		struct gkey *kk = &keys[i];
		struct gdump_tab_slot *slot;

		kk->frames = r->frames;
		kk->nframes = r->nframes;
		kk->state = r->state;
		kk->cfunc = r->created_by.func;
		kk->cfile = r->created_by.file;
		kk->cline = (uintptr_t)r->created_by.line;
		kk->locked = !!(r->flags & GDUMP_LOCKED);
		slot = gdump_tab_slot(&idx, kk, sizeof(*kk));
		if (!slot->value) {
			struct gdump_group g;

			memset(&g, 0, sizeof(g));
			g.first = i;
			g.chan = r->chan;
			g.wait_min = r->wait_minutes;
			g.wait_max = r->wait_minutes;
			vec_push(&gs->items, g);
			slot->value = (void *)(uintptr_t)gs->items.len;
		}
		j = (size_t)(uintptr_t)slot->value - 1;
		gi[i] = j;
		{
			struct gdump_group *g = &gs->items.items[j];
			g->count += r->count;
			g->flags |= r->flags;
			if (g->chan != r->chan)
				g->chan = 0;
			if (r->wait_minutes < g->wait_min)
				g->wait_min = r->wait_minutes;
			if (r->wait_minutes > g->wait_max)
				g->wait_max = r->wait_minutes;
			if (r->id)
				g->nids++;
		}
	}
	gdump_tab_release(&idx);
	/* copy each group's strings and ids into the set's own arena */
	fill = xcalloc(gs->items.len ? gs->items.len : 1, sizeof(*fill));
	for (j = 0; j < gs->items.len; j++) {
		struct gdump_group *g = &gs->items.items[j];
		const struct gdump_goroutine *r = &d->gs.items[g->first];
		struct gdump_frame *fr;

		g->state = gs_intern(gs, r->state);
		fr = arena_alloc(&gs->arena, (r->nframes ? r->nframes : 1) * sizeof(*fr));
		for (i = 0; i < r->nframes; i++) {
			fr[i].func = gs_intern(gs, r->frames[i].func);
			fr[i].file = gs_intern(gs, r->frames[i].file);
			fr[i].line = r->frames[i].line;
		}
		/* the main module's own frame first, else a dependency's */
		for (i = 0; i < r->nframes && !g->blocking; i++)
			if (go_usercode_classify(&gs->uc, fr[i].func, fr[i].file) == GO_CODE_USER)
				g->blocking = &fr[i];
		for (i = 0; i < r->nframes && !g->blocking; i++)
			if (!gdump_frame_is_std(gs, &fr[i]))
				g->blocking = &fr[i];
		g->frames = fr;
		g->nframes = r->nframes;
		if (r->created_by.func) {
			g->created_by.func = gs_intern(gs, r->created_by.func);
			g->created_by.file = gs_intern(gs, r->created_by.file);
			g->created_by.line = r->created_by.line;
		}
		sb_reset(&k);
		for (i = 0; i < g->nframes; i++)
			add_frame_key(&k, &g->frames[i]);
		g->stack_key = arena_strndup(&gs->arena, k.buf ? k.buf : "", k.len);
		if (g->created_by.func) {
			sb_adds(&k, "created by ");
			add_frame_key(&k, &g->created_by);
		}
		sb_addf(&k, "[%s]%s", g->state,
			(g->flags & GDUMP_LOCKED) ? " locked" : "");
		g->key = arena_strndup(&gs->arena, sb_str(&k), k.len);
		g->kind = kind_of(g->state);
		for (i = 0; i < g->nframes && !g->created_by.func; i++)
			if (!strcmp(g->frames[i].func, "main.main"))
				g->main_goroutine = 1;
		if (g->nids)
			g->ids = arena_alloc(&gs->arena, g->nids * sizeof(uint64_t));
		rank(g);
	}
	sb_release(&k);
	for (i = 0; i < d->gs.len; i++) {
		struct gdump_group *g = &gs->items.items[gi[i]];
		if (d->gs.items[i].id)
			((uint64_t *)g->ids)[fill[gi[i]]++] = d->gs.items[i].id;
	}
	free(fill);
	free(gi);
	free(keys);
	rank_dump(gs);
	if (gs->items.len > 1)  /* an empty vector's items are NULL */
		qsort(gs->items.items, gs->items.len, sizeof(*gs->items.items), cmp_group);
}

void gdump_promote(struct gdump_groups *gs, struct gdump_group *g,
		   const char *why)
{
	if (g->score < 5)
		g->score = 5;
	g->suspect = 1;
	g->promoted = 1;
	g->parked = 0;
	g->why = arena_strdup(&gs->arena, why);
}

struct sort_item {
	struct gdump_group g;
	void *par;
};

static int cmp_sort_item(const void *a, const void *b)
{
	return cmp_group(&((const struct sort_item *)a)->g,
			 &((const struct sort_item *)b)->g);
}

void gdump_groups_sort(struct gdump_groups *gs, void **par)
{
	struct sort_item *t;
	size_t i, n = gs->items.len;

	if (n < 2)
		return;
	t = xmalloc(n * sizeof(*t));
	for (i = 0; i < n; i++) {
		t[i].g = gs->items.items[i];
		t[i].par = par ? par[i] : NULL;
	}
	qsort(t, n, sizeof(*t), cmp_sort_item);
	for (i = 0; i < n; i++) {
		gs->items.items[i] = t[i].g;
		if (par)
			par[i] = t[i].par;
	}
	free(t);
}

void gdump_groups_release(struct gdump_groups *gs)
{
	vec_free(&gs->items);
	map_release(&gs->strs);
	arena_release(&gs->arena);
}

/* Do the two sets both carry real states?  debug=1 and protobuf states are
 * inferred from runtime frames and are not always the printed ones. */
static int same_kind_of_state(const struct gdump_groups *a,
			      const struct gdump_groups *b)
{
	int at = a->format == GDUMP_FMT_TRACEBACK;
	int bt = b->format == GDUMP_FMT_TRACEBACK;
	return at == bt;
}

/* The stack without the frames that only some forms show: runtime.*
 * frames (a debug=1 profile hides the leading ones and runtime.main, a
 * traceback shows them at GOTRACEBACK=crash, which SIGQUIT gives run's
 * dump) and <autogenerated> wrappers; a stack of runtime frames alone (a
 * system goroutine) keeps them.  Compared on this key, the same
 * goroutines match whichever way they were seen. */
static char *profile_key(const struct gdump_group *g, size_t nframes)
{
	struct sb k = SB_INIT;
	size_t i, shown = 0;

	for (i = 0; i < nframes; i++) {
		const char *fn = g->frames[i].func ? g->frames[i].func : "";
		const char *file = g->frames[i].file ? g->frames[i].file : "";

		if (!strncmp(fn, "runtime.", 8) || !strcmp(file, "<autogenerated>"))
			continue;
		add_frame_key(&k, &g->frames[i]);
		shown++;
	}
	if (!shown)
		for (i = 0; i < g->nframes; i++)
			if (!g->frames[i].func || strcmp(g->frames[i].func, "runtime.goexit"))
				add_frame_key(&k, &g->frames[i]);
	return sb_detach(&k, NULL);
}

/* Every frame in the runtime: a system goroutine's stack. */
static int system_stack(const struct gdump_group *g)
{
	size_t i;

	for (i = 0; i < g->nframes; i++)
		if (!g->frames[i].func || strncmp(g->frames[i].func, "runtime.", 8))
			return 0;
	return g->nframes > 0;
}

/* Each group's key for the comparison: the full key (stack, state and
 * creator) between sets of one kind, else the profile_key. */
static const char **compare_keys(const struct gdump_groups *gs, int full)
{
	const char **k = xcalloc(gs->items.len ? gs->items.len : 1, sizeof(*k));
	size_t i;

	for (i = 0; i < gs->items.len; i++)
		k[i] = full ? gs->items.items[i].key :
		profile_key(&gs->items.items[i], gs->items.items[i].nframes);
	return k;
}

/* The key without the wrapper of a `go f(x)` statement, which a traceback
 * at GOTRACEBACK=crash shows as the outermost frame ("main.main.func3", a
 * literal of the creating function, in its file at or after the go
 * statement's line) and a profile never does; NULL when the outermost
 * frame cannot be one or nothing of the program's would be left.  Used
 * only for a group that matched nothing with the wrapper kept. */
static char *unwrapped_key(const struct gdump_group *g)
{
	size_t n = g->nframes, cl;
	const struct gdump_frame *f;

	while (n && g->frames[n - 1].func &&
	       !strncmp(g->frames[n - 1].func, "runtime.", 8))
		n--;
	if (n < 2 || !g->created_by.func || !g->created_by.file)
		return NULL;
	f = &g->frames[n - 1];
	cl = strlen(g->created_by.func);
	if (!f->func || !f->file || strncmp(f->func, g->created_by.func, cl) ||
	    strncmp(f->func + cl, ".func", 5) || f->line < g->created_by.line ||
	    strcmp(f->file, g->created_by.file) || !g->frames[n - 2].func ||
	    !strncmp(g->frames[n - 2].func, "runtime.", 8))
		return NULL;
	return profile_key(g, n - 1);
}

static void free_keys(const char **k, size_t n, int full)
{
	size_t i;

	for (i = 0; !full && i < n; i++)
		free((char *)k[i]);
	free(k);
}

void gdump_compare(struct gdump_groups *cur, const struct gdump_groups *old)
{
	struct map byk = MAP_INIT, ids = MAP_INIT;
	int full = same_kind_of_state(cur, old);
	size_t i, j, old_main;
	uint64_t *matched;
	const char **kold = compare_keys(old, full), **kcur = compare_keys(cur, full);

	matched = xcalloc(old->items.len ? old->items.len : 1, sizeof(*matched));
	for (old_main = 0; old_main < old->items.len; old_main++)
		if (old->items.items[old_main].main_goroutine)
			break;
	/* several old groups may share a stack key: sum them (index+1 list
	 * kept simple: the key maps to the first, counts summed here) */
	for (i = 0; i < old->items.len; i++) {
		const struct gdump_group *g = &old->items.items[i];
		const char *k = kold[i];
		struct map_slot *s = map_slot(&byk, k, strlen(k));
		if (!s->value)
			s->value = (void *)(uintptr_t)(i + 1);
		for (j = 0; j < g->nids; j++) {
			/* id -> old group index + 1; the key is the id's bytes,
			 * which live in old's arena */
			map_put(&ids, (const char *)&g->ids[j], sizeof(uint64_t),
				(void *)(uintptr_t)(i + 1));
		}
	}
	for (i = 0; i < cur->items.len; i++) {
		struct gdump_group *g = &cur->items.items[i];
		const char *k = kcur[i];
		void *v = map_get(&byk, k, strlen(k));
		uint64_t before = 0;
		char *uk = NULL;
		int moved = 0;

		if (!v && !full && cur->format == GDUMP_FMT_TRACEBACK &&
		    (uk = unwrapped_key(g)) && (v = map_get(&byk, uk, strlen(uk))))
			k = uk;

		if (v) {
			size_t oi = (size_t)(uintptr_t)v - 1;
			for (j = oi; j < old->items.len; j++) {
				if (!strcmp(kold[j], k)) {
					const struct gdump_group *o = &old->items.items[j];
					before += o->count;
					matched[j] = 1;
				}
			}
		}
		if (!v && g->main_goroutine && g->count == 1 && old_main < old->items.len) {
			/* the main goroutine caught elsewhere: it moved, it is
			 * not new (there is one, in both sets) */
			matched[old_main] = 1;
			moved = 1;
			before = 1;
		}
		if (!v && !full && cur->format == GDUMP_FMT_TRACEBACK &&
		    system_stack(g)) {
			/* a system goroutine (GC workers, the finalizer): a
			 * traceback shows them, a profile never does, so the
			 * profile cannot say it is new */
			g->is_new = 0;
			g->growth = 0;
			free(uk);
			continue;
		}
		g->is_new = !v && !moved;
		g->growth = (int64_t)g->count - (int64_t)before;
		g->survivors = 0;
		for (j = 0; v && j < g->nids; j++) {
			void *w = map_get(&ids, (const char *)&g->ids[j], sizeof(uint64_t));
			if (w) {
				if (!strcmp(kold[(size_t)(uintptr_t)w - 1], k))
					g->survivors++;
			}
		}
		free(uk);
		if (g->flags & GDUMP_LEAKED)
			continue;
		if (g->growth > 0 && g->parked) {
			/* parked workers that multiply are a leak after all */
			g->score *= 10;
			g->parked = 0;
		}
		if (g->growth > 0) {
			g->score = floor(g->score * (1 + log2(1 + (double)g->growth)) * 100
					 + 0.5) / 100;
			if (g->score > 0 && g->blocking) {
				g->why = g->is_new ? "new since the older dump and blocked in your code"
					: "grew since the older dump and blocked in your code";
			} else if (g->score > 0) {
				g->why = g->is_new ? "new since the older dump (standard-library stack)"
					: "grew since the older dump (standard-library stack)";
			}
		} else if (g->score > 0) {
			g->score = floor(g->score * 50 + 0.5) / 100;
			g->why = moved ? "the main goroutine, elsewhere in the older dump"
				: "did not grow since the older dump";
		}
		g->suspect = g->score >= 3;
	}
	cur->vanished = 0;
	cur->nvanished_groups = 0;
	for (i = 0; i < old->items.len; i++)
		if (!matched[i]) {
			cur->vanished += old->items.items[i].count;
			cur->nvanished_groups++;
		}
	cur->compared = 1;
	free(matched);
	free_keys(kold, old->items.len, full);
	free_keys(kcur, cur->items.len, full);
	map_release(&byk);
	map_release(&ids);
	if (cur->items.len > 1)
		qsort(cur->items.items, cur->items.len, sizeof(*cur->items.items), cmp_group);
}
