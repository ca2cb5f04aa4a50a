/*
 * parse_text: goroutine tracebacks as the runtime prints them.
 *
 * One reader covers debug=2 dumps, crash and SIGQUIT output and
 * runtime.Stack(all): all come from the runtime's goroutineheader and
 * traceback printers.  The reader is line-based and forgiving by design:
 * a dump is usually cut out of a larger log, so text outside a goroutine is
 * skipped silently, the header line fixes the prefix (whatever precedes
 * "goroutine N [") that every line of that goroutine must carry, CRs are
 * dropped, and a line inside a goroutine that is neither a frame, a file
 * line nor a known marker ends the goroutine with a warning naming it.
 *
 * Header forms read (Go 1.19 to 1.27):
 *   goroutine 7 [chan receive]:
 *   goroutine 7 [chan receive, 42 minutes, locked to thread]:
 *   goroutine 7 [running (scan)]:            goroutine 7 [select (durable)]:
 *   goroutine 7 gp=0xc000002380 m=0 mp=0x5a1c20 [running]:      (1.22+)
 *   goroutine 7 gp=0xc000007c00 m=nil [chan send (leaked)]:     (1.26+)
 *   goroutine 7 [sleep, synctest bubble 5]:
 * and any other wait reason, since the list changes between releases.
 */
#include "gdump_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/sb.h"

struct line {
	const char *s;
	size_t n;
	size_t no;   /* 1-based */
};

struct cursor {
	const char *p, *end;
	size_t no;
};

static int next_line(struct cursor *c, struct line *l)
{
	const char *nl;

	if (c->p >= c->end)
		return 0;
	nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	if (!nl)
		nl = c->end;
	l->s = c->p;
	l->n = (size_t)(nl - c->p);
	if (l->n && l->s[l->n - 1] == '\r')
		l->n--;
	l->no = ++c->no;
	c->p = nl < c->end ? nl + 1 : c->end;
	return 1;
}

static int starts(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n >= k && memcmp(s, lit, k) == 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static uint64_t parse_u64(const char *s, size_t n, size_t *used)
{
	uint64_t v = 0;
	size_t i = 0;

	while (i < n && is_digit(s[i]) && i < 19)
		v = v * 10 + (uint64_t)(s[i++] - '0');
	*used = i;
	return v;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* The offset of a goroutine header "goroutine <digits>" ... "]:" inside
 * the line, or -1.  Most lines are rejected by the first memmem. */
static long find_header(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	if (n < 15 || s[n - 1] != ':' || s[n - 2] != ']')
		return -1;
	while ((p = memmem(p, (size_t)(end - p), "goroutine ", 10)) != NULL) {
		if (p + 10 < end && is_digit(p[10]))
			return p - s;
		p += 10;
	}
	return -1;
}

/* The interned state, wait minutes and flags of the text inside [ ]. */
static void parse_bracket(struct gdump_dump *d, const char *s, size_t n,
			  struct gdump_goroutine *g)
{
	const char *part = s, *end = s + n;
	int first = 1;

	while (part <= end) {
		const char *comma = memchr(part, ',', (size_t)(end - part));
		const char *pe = comma ? comma : end;
		const char *ps = part;
		size_t pn = (size_t)(pe - part);

		trim(&ps, &pn);
		if (first) {
			/* annotations the runtime appends to the status */
			for (;;) {
				if (pn > 7 && !memcmp(ps + pn - 7, " (scan)", 7)) {
					g->flags |= GDUMP_SCAN;
					pn -= 7;
				} else if (pn > 9 && !memcmp(ps + pn - 9, " (leaked)", 9)) {
					g->flags |= GDUMP_LEAKED;
					pn -= 9;
				} else if (pn > 10 && !memcmp(ps + pn - 10, " (durable)", 10)) {
					g->flags |= GDUMP_DURABLE;
					pn -= 10;
				} else {
					break;
				}
			}
			g->state = gdump_intern(d, ps, pn);
			first = 0;
		} else if (pn > 8 && !memcmp(ps + pn - 8, " minutes", 8)) {
			size_t used;
			uint64_t m = parse_u64(ps, pn, &used);
			g->wait_minutes = m > 1000000000 ? 1000000000 : (int)m;
		} else if (pn == 16 && !memcmp(ps, "locked to thread", 16)) {
			g->flags |= GDUMP_LOCKED;
		}
		/* other parts ("synctest bubble N", future ones) carry nothing
		 * the grouping needs */
		if (!comma)
			break;
		part = comma + 1;
	}
}

/* Parse a header at s (after the prefix); 0 on success. */
static int parse_header(struct gdump_dump *d, const char *s, size_t n,
			struct gdump_goroutine *g)
{
	size_t used, i;
	const char *lb, *rb;

	memset(g, 0, sizeof(*g));
	g->count = 1;
	g->id = parse_u64(s + 10, n - 10, &used);
	i = 10 + used;
	/* " gp=0x.. m=N mp=0x.." (Go 1.22+ at GOTRACEBACK=system and above) */
	lb = memchr(s + i, '[', n - i);
	rb = s + n - 2;
	if (!lb || lb > rb || lb != s + i + (lb - (s + i)) || lb[-1] != ' ')
		return -1;
	for (const char *q = s + i; q < lb - 1; q++)
		if (*q != ' ' && !((*q >= 'a' && *q <= 'z') || *q == '=' ||
				   is_digit(*q) || (*q >= 'A' && *q <= 'F')))
			return -1;
	parse_bracket(d, lb + 1, (size_t)(rb - lb - 1), g);
	return 0;
}

/* Split "func(args)" into the function name; 0 if the line is no call. */
static size_t func_name_len(const char *s, size_t n)
{
	size_t i;
	int depth = 0;

	if (!n || s[n - 1] != ')')
		return 0;
	for (i = n; i-- > 0;) {
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			break;
	}
	if (i == (size_t)-1 || i == 0 || depth)
		return 0;
	return i;
}

/* A file line "path/file.go:123 +0x1d" (leading whitespace already gone):
 * sets file, fn and line; 0 if it is none. */
static int parse_fileline(const char *s, size_t n, const char **file,
			  size_t *fn, int *line)
{
	const char *c = memrchr(s, ':', n);
	size_t i;

	/* fast path: the last ':' starts the line number ("+0x1d" and the
	 * "fp= sp= pc=" words that may follow have none) */
	if (c && c > s && c + 1 < s + n && is_digit(c[1])) {
		size_t used, j;
		uint64_t v;
		i = (size_t)(c - s);
		v = parse_u64(c + 1, n - i - 1, &used);
		j = i + 1 + used;
		if (j == n || s[j] == ' ') {
			*file = s;
			*fn = i;
			*line = v > 0x7fffffff ? 0x7fffffff : (int)v;
			return 1;
		}
	}
	for (i = 1; i + 1 < n; i++) {
		if (s[i] == ':' && is_digit(s[i + 1])) {
			size_t used, j;
			uint64_t v = parse_u64(s + i + 1, n - i - 1, &used);
			j = i + 1 + used;
			if (j == n || s[j] == ' ') {
				*file = s;
				*fn = i;
				*line = v > 0x7fffffff ? 0x7fffffff : (int)v;
				return 1;
			}
		}
	}
	return 0;
}

struct tb {
	struct gdump_dump *d;
	VEC(struct gdump_frame) frames;
	VEC(struct gdump_frame) anc;  /* the [originating from] frames */
	struct gdump_goroutine g;
	int open;           /* inside a goroutine */
	int ancestors;      /* inside an [originating from] section */
	const char *prefix;
	size_t plen;
	size_t added;
	struct gdump_frame pending; /* a call line waiting for its file line */
	int have_pending;
	int pending_creator;
	/* the last non-blank line, when it is the start of a goroutine header
	 * with no end ("goroutine 7 [chan rec"): cut off if nothing follows */
	size_t cut_no;
	char cut[64];
};

/* 1 if the line (after the current prefix, if it has it) starts like a
 * goroutine header: "goroutine " and a digit. */
static int header_start(const struct tb *t, const char *s, size_t n)
{
	if (t->plen && n >= t->plen && !memcmp(s, t->prefix, t->plen)) {
		s += t->plen;
		n -= t->plen;
	}
	return n > 10 && starts(s, n, "goroutine ") && is_digit(s[10]);
}

static void flush_pending(struct tb *t)
{
	if (!t->have_pending)
		return;
	if (t->ancestors)
		vec_push(&t->anc, t->pending); /* kept apart: not its identity */
	else if (t->pending_creator)
		t->g.created_by = t->pending;
	else
		vec_push(&t->frames, t->pending);
	t->have_pending = 0;
}

static void end_goroutine(struct tb *t)
{
	if (!t->open)
		return;
	flush_pending(t);
	t->g.ancestors = t->anc.items;
	t->g.nancestors = t->anc.len;
	gdump_add_interned(t->d, &t->g, t->frames.items, t->frames.len);
	t->added++;
	t->frames.len = 0;
	t->anc.len = 0;
	t->open = 0;
	t->ancestors = 0;
}

static void warn_line(struct tb *t, const struct line *l, const char *what)
{
	size_t n = l->n > 60 ? 60 : l->n;
	gdump_warn(t->d, l->no, "%s '%.*s%s'", what, (int)n, l->s,
		   l->n > 60 ? "..." : "");
}

/* The channel of a runtime.chanrecv/chansend frame "F(0xc0000800c0, ...)":
 * its first argument when printed exactly (no '?'), else 0. */
static uint64_t chan_arg(const char *s, size_t n, size_t k)
{
	static const char *const fns[] = {
		"runtime.chanrecv", "runtime.chanrecv1", "runtime.chanrecv2",
		"runtime.chansend", "runtime.chansend1",
	};
	uint64_t v = 0;
	size_t i, j;

	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		if (strlen(fns[i]) == k && !memcmp(s, fns[i], k))
			break;
	if (i == sizeof(fns) / sizeof(fns[0]) || k + 3 >= n ||
	    s[k + 1] != '0' || s[k + 2] != 'x')
		return 0;
	for (j = k + 3; j < n && j < k + 3 + 16; j++) {
		int c = s[j], dv;
		if (c >= '0' && c <= '9')
			dv = c - '0';
		else if (c >= 'a' && c <= 'f')
			dv = c - 'a' + 10;
		else
			break;
		v = v << 4 | (uint64_t)dv;
	}
	if (j == k + 3 || j >= n || (s[j] != ',' && s[j] != ')'))
		return 0;
	return v;
}

static void body_line(struct tb *t, const struct line *l)
{
	const char *s = l->s, *file;
	size_t n = l->n, fn, k;
	int line, indented;

	if (t->plen) {
		if (n < t->plen || memcmp(s, t->prefix, t->plen)) {
			if (n)
				warn_line(t, l, "goroutine ended by a line without its prefix:");
			end_goroutine(t);
			return;
		}
		s += t->plen;
		n -= t->plen;
	}
	indented = n && (s[0] == '\t' || s[0] == ' ');
	trim(&s, &n);
	if (!n) {
		end_goroutine(t);
		return;
	}
	if (indented) {
		if (starts(s, n, "goroutine running on other thread")) {
			t->g.flags |= GDUMP_NOSTACK;
			return;
		}
		if (parse_fileline(s, n, &file, &fn, &line)) {
			if (!t->have_pending) {
				warn_line(t, l, "file line without a function:");
				return;
			}
			t->pending.file = gdump_intern(t->d, file, fn);
			t->pending.line = line;
			flush_pending(t);
			return;
		}
		warn_line(t, l, "unreadable file line:");
		end_goroutine(t);
		return;
	}
	flush_pending(t);
	if (starts(s, n, "created by ")) {
		const char *f = s + 11;
		size_t fl = n - 11;
		const char *in = memmem(f, fl, " in goroutine ", 14);
		if (in) {
			size_t used;
			if (!t->ancestors)
				t->g.parent_id = parse_u64(in + 14,
					(size_t)(f + fl - in - 14), &used);
			fl = (size_t)(in - f);
		}
		t->pending.func = gdump_intern(t->d, f, fl);
		t->pending.file = gdump_intern(t->d, "", 0);
		t->pending.line = 0;
		t->have_pending = 1;
		t->pending_creator = 1;
		return;
	}
	if (s[0] == '.' && starts(s, n, "...") && n > 6 &&
	    !memcmp(s + n - 3, "...", 3) && memmem(s, n, "elided", 6)) {
		t->g.flags |= GDUMP_ELIDED;
		return;
	}
	if (starts(s, n, "[originating from goroutine ")) {
		t->g.flags |= GDUMP_ANCESTORS;
		t->ancestors = 1;
		return;
	}
	if (starts(s, n, "non-Go function at pc="))
		return;
	k = func_name_len(s, n);
	if (!k) {
		/* after "created by" and its file line the traceback is over:
		 * what follows without a blank line is the log going on */
		if (!t->g.created_by.func)
			warn_line(t, l, "expected a function call or 'created by', found");
		end_goroutine(t);
		return;
	}
	t->pending.func = gdump_intern(t->d, s, k);
	if (!t->ancestors && !t->g.chan)
		t->g.chan = chan_arg(s, n, k);
	t->pending.file = gdump_intern(t->d, "", 0);
	t->pending.line = 0;
	t->have_pending = 1;
	t->pending_creator = 0;
}

static void tb_line(void *st, const struct line *l)
{
	struct tb *t = st;
	long h = find_header(l->s, l->n);
	struct gdump_goroutine g;

	if (l->n) {
		size_t k;
		for (k = 0; k < l->n && (l->s[k] == ' ' || l->s[k] == '\t'); k++)
			;
		if (k < l->n)
			t->cut_no = 0;
	}
	if (h < 0 && header_start(t, l->s, l->n)) {
		size_t m = l->n < sizeof(t->cut) - 1 ? l->n : sizeof(t->cut) - 1;
		memcpy(t->cut, l->s, m);
		t->cut[m] = '\0';
		t->cut_no = l->no;
	}
	if (h >= 0 && parse_header(t->d, l->s + h, l->n - (size_t)h, &g) == 0) {
		end_goroutine(t);
		t->g = g;
		t->g.line = l->no;
		t->open = 1;
		/* interned: the line's buffer may be gone by the next line */
		t->prefix = h ? gdump_intern(t->d, l->s, (size_t)h) : "";
		t->plen = (size_t)h;
		return;
	}
	if (t->open)
		body_line(t, l);
}

static size_t tb_finish(struct tb *t)
{
	end_goroutine(t);
	if (t->cut_no)
		gdump_warn(t->d, t->cut_no, "goroutine header cut off at the end "
			   "of the dump: '%s'", t->cut);
	vec_free(&t->frames);
	vec_free(&t->anc);
	return t->added;
}

size_t gdump_parse_traceback(struct gdump_dump *d, const char *buf, size_t len)
{
	struct cursor c = { buf, buf + len, 0 };
	struct line l;
	struct tb t;

	memset(&t, 0, sizeof(t));
	t.d = d;
	while (next_line(&c, &l))
		tb_line(&t, &l);
	return tb_finish(&t);
}

/* ---- debug=1 ---- */

struct infer {
	const char *func;
	const char *state;
};

/* The runtime function a parked goroutine is inside, and the wait reason
 * the runtime would print for it.  Order matters: the first match from the
 * top of the stack wins. */
static const struct infer infer_table[] = {
	{ "runtime.chanrecv", "chan receive" },
	{ "runtime.chansend", "chan send" },
	{ "runtime.selectgo", "select" },
	{ "runtime.block", "select (no cases)" },
	{ "sync.runtime_notifyListWait", "sync.Cond.Wait" },
	{ "sync.runtime_SemacquireMutex", "sync.Mutex.Lock" },
	{ "sync.runtime_SemacquireRWMutexR", "sync.RWMutex.RLock" },
	{ "sync.runtime_SemacquireRWMutex", "sync.RWMutex.Lock" },
	{ "sync.runtime_SemacquireWaitGroup", "sync.WaitGroup.Wait" },
	{ "sync.runtime_Semacquire", "semacquire" },
	{ "internal/sync.runtime_SemacquireMutex", "sync.Mutex.Lock" },
	{ "internal/poll.runtime_pollWait", "IO wait" },
	{ "time.Sleep", "sleep" },
	{ "runtime.gcBgMarkWorker", "GC worker (idle)" },
	{ "runtime.runfinq", "finalizer wait" },
	{ "runtime.bgsweep", "GC sweep wait" },
	{ "runtime.bgscavenge", "GC scavenge wait" },
	{ "runtime.forcegchelper", "force gc (idle)" },
	{ "os/signal.signal_recv", "signal wait" },
	{ "runtime.goexit", NULL },
};

/* A frame a traceback at the default level hides: an unexported runtime
 * function (runtime.gopark, runtime.goexit, runtime.chanrecv1 ...). */
static int hidden_runtime(const char *f)
{
	return !strncmp(f, "runtime.", 8) && !(f[8] >= 'A' && f[8] <= 'Z');
}

size_t gdump_normalize_aggregated(struct gdump_dump *d,
				  struct gdump_frame *frames, size_t n,
				  const char **state)
{
	size_t i, j, o = 0;

	(void)d;
	*state = NULL;
	for (i = 0; i < n && !*state; i++)
		for (j = 0; j < sizeof(infer_table) / sizeof(infer_table[0]); j++)
			if (infer_table[j].state &&
			    !strcmp(frames[i].func, infer_table[j].func)) {
				*state = infer_table[j].state;
				break;
			}
	for (i = 0; i < n; i++)
		if (!hidden_runtime(frames[i].func))
			frames[o++] = frames[i];
	return o;
}

/* "goroutine profile: total N" or "goroutineleak profile: total N". */
static int debug1_title(const char *s, size_t n, int *leak)
{
	if (starts(s, n, "goroutine profile: total ")) {
		*leak = 0;
		return 1;
	}
	if (starts(s, n, "goroutineleak profile: total ")) {
		*leak = 1;
		return 1;
	}
	return 0;
}

struct d1 {
	struct gdump_dump *d;
	VEC(struct gdump_frame) frames;
	VEC(struct gdump_frame) anc;  /* the [originating from] frames */
	struct gdump_goroutine g;
	int in_record, in_profile, leak;
	const char *prefix;       /* interned */
	size_t plen;
	size_t added;
};

static void d1_finish(struct d1 *r)
{
	const char *st;
	size_t nf;

	if (!r->in_record)
		return;
	nf = gdump_normalize_aggregated(r->d, r->frames.items, r->frames.len, &st);
	if (st)
		r->g.state = gdump_intern(r->d, st, strlen(st));
	gdump_add_interned(r->d, &r->g, r->frames.items, nf);
	r->added++;
	r->frames.len = 0;
	r->in_record = 0;
}

/* "#	0x4a1233	main.foo+0x33	/path/main.go:20" (after the '#') */
static void d1_frame(struct d1 *r, const char *p, size_t m, size_t no)
{
	const char *tab1, *tab2, *plus, *file;
	struct gdump_frame f;
	size_t fn;
	int line;

	trim(&p, &m);
	if (starts(p, m, "labels:")) {
		p += 7;
		m -= 7;
		trim(&p, &m);
		r->g.labels = gdump_intern(r->d, p, m);
		return;
	}
	tab1 = memchr(p, '\t', m);
	if (!tab1)
		return; /* "#	0x4a1233" alone: a PC without symbol */
	tab2 = memchr(tab1 + 1, '\t', (size_t)(p + m - tab1 - 1));
	if (tab2) {
		/* the columns are aligned with runs of tabs */
		const char *q = tab2;
		while (q < p + m && (*q == '\t' || *q == ' '))
			q++;
		file = q;
	}
	if (!tab2 || !parse_fileline(file, (size_t)(p + m - file),
				     &file, &fn, &line)) {
		gdump_warn(r->d, no, "unreadable debug=1 frame line");
		return;
	}
	plus = tab2;
	while (plus > tab1 + 1 && *plus != '+')
		plus--;
	if (plus == tab1 + 1)
		plus = tab2;
	f.func = gdump_intern(r->d, tab1 + 1, (size_t)(plus - tab1 - 1));
	f.file = gdump_intern(r->d, file, fn);
	f.line = line;
	vec_push(&r->frames, f);
}

static void d1_line(void *st, const struct line *l)
{
	struct d1 *r = st;
	struct gdump_dump *d = r->d;
	const char *s = l->s, *title;
	size_t n = l->n, used;
	uint64_t cnt;

	if ((title = memmem(s, n, " profile: total ", 16)) != NULL) {
		/* the title may sit behind a log prefix */
		const char *t = title;
		while (t > s && t[-1] != ' ' && t[-1] != '\t')
			t--;
		if (debug1_title(t, (size_t)(s + n - t), &r->leak)) {
			d1_finish(r);
			r->in_profile = 1;
			r->plen = (size_t)(t - s);
			r->prefix = r->plen ? gdump_intern(d, s, r->plen) : "";
			return;
		}
	}
	if (!r->in_profile)
		return;
	if (r->plen && (n < r->plen || memcmp(s, r->prefix, r->plen))) {
		if (n)
			gdump_warn(d, l->no, "debug=1 profile ended by a line without its prefix");
		d1_finish(r);
		r->in_profile = 0;
		return;
	}
	s += r->plen;
	n -= r->plen;
	trim(&s, &n);
	if (!n) {
		d1_finish(r);
		return;
	}
	if (is_digit(s[0])) {
		cnt = parse_u64(s, n, &used);
		if (used + 1 < n && s[used] == ' ' && s[used + 1] == '@') {
			d1_finish(r);
			memset(&r->g, 0, sizeof(r->g));
			r->g.count = cnt;
			r->g.line = l->no;
			if (r->leak)
				r->g.flags |= GDUMP_LEAKED;
			r->in_record = 1;
			return;
		}
	}
	if (r->in_record && s[0] == '#') {
		d1_frame(r, s + 1, n - 1, l->no);
		return;
	}
	{
		size_t k = n > 60 ? 60 : n;
		gdump_warn(d, l->no, "unexpected line in a debug=1 profile '%.*s%s'",
			   (int)k, s, n > 60 ? "..." : "");
	}
	d1_finish(r);
}

static size_t d1_done(struct d1 *r)
{
	d1_finish(r);
	vec_free(&r->frames);
	return r->added;
}

size_t gdump_parse_debug1(struct gdump_dump *d, const char *buf, size_t len)
{
	struct cursor c = { buf, buf + len, 0 };
	struct line l;
	struct d1 r;

	memset(&r, 0, sizeof(r));
	r.d = d;
	while (next_line(&c, &l))
		d1_line(&r, &l);
	return d1_done(&r);
}

/* Feed every line of fd to fn, reading a chunk at a time, so a 40 MB dump
 * never sits in memory whole.  -1 with e filled on a read error. */
static int each_line_fd(int fd, const char *path, void (*fn)(void *, const struct line *),
			void *st, struct err *e)
{
	size_t cap = 1 << 20, have = 0, no = 0;
	char *buf = xmalloc(cap);
	int eof = 0;

	while (!eof) {
		ssize_t r;
		char *p, *end, *nl;

		if (have == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		r = read(fd, buf + have, cap - have);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return err_setf(e, "cannot read '%s': %s", path, strerror(errno));
		}
		if (r == 0)
			eof = 1;
		have += (size_t)r;
		p = buf;
		end = buf + have;
		while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL || (eof && p < end)) {
			struct line l;
			if (!nl)
				nl = end;
			l.s = p;
			l.n = (size_t)(nl - p);
			if (l.n && l.s[l.n - 1] == '\r')
				l.n--;
			l.no = ++no;
			fn(st, &l);
			p = nl < end ? nl + 1 : end;
		}
		have = (size_t)(end - p);
		memmove(buf, p, have);
	}
	free(buf);
	return 0;
}

int gdump_parse_text_fd(struct gdump_dump *d, int fd, const char *path, int debug1,
			size_t *added, struct err *e)
{
	int rc;

	if (!debug1) {
		struct tb t;
		memset(&t, 0, sizeof(t));
		t.d = d;
		rc = each_line_fd(fd, path, tb_line, &t, e);
		*added = tb_finish(&t);
	} else {
		struct d1 r;
		memset(&r, 0, sizeof(r));
		r.d = d;
		rc = each_line_fd(fd, path, d1_line, &r, e);
		*added = d1_done(&r);
	}
	return rc;
}
