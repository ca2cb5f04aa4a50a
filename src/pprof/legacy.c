/*
 * legacy: the text profiles Go serves with ?debug=1.
 *
 *     heap profile: 7: 1184 [77: 19600] @ heap/1048576
 *     1: 1048576 [1: 1048576] @ 0x4b8c1a 0x4b8d25 0x43b6f7
 *     #	0x4b8c19	main.leak+0x39	/src/main.go:12
 *
 *     goroutine profile: total 12
 *     10 @ 0x43a1b6 0x44a0d2 0x4b8c45 0x46a301
 *
 * They are read the way pprof reads them, so that reports match: stacks are
 * return addresses (pprof subtracts one to land inside the call), the `#`
 * symbol lines are comments, heap values are unsampled with the header's
 * rate halved (the `heap` form records twice the real rate), and every
 * location gets one catch-all mapping.  The patterns are pprof's own
 * expressions, run with PCRE2.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pprof.h"
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/map.h"
#include "../base/vec.h"

typedef VEC(uint64_t) addr_vec;

struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
};

static int rx_init(struct rx *r, const char *pat)
{
	int ec;
	PCRE2_SIZE eo;

	r->code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, 0, &ec, &eo, NULL);
	r->md = r->code ? pcre2_match_data_create_from_pattern(r->code, NULL) : NULL;
	return r->code && r->md ? 0 : -1;
}

static void rx_free(struct rx *r)
{
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
}

/* Match s[0..n); returns the number of groups matched or <= 0. */
static int rx_match(struct rx *r, const char *s, size_t n)
{
	return pcre2_match(r->code, (PCRE2_SPTR)s, n, 0, 0, r->md, NULL);
}

static size_t rx_group(struct rx *r, int g, const char *s, const char **start)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);

	if (ov[2 * g] == PCRE2_UNSET) {
		*start = s;
		return 0;
	}
	*start = s + ov[2 * g];
	return ov[2 * g + 1] - ov[2 * g];
}

struct lines {
	const char *p, *end;
	size_t lineno;
};

/* Next line without its "\n" or "\r\n"; 0 at the end. */
static int next_line(struct lines *l, const char **s, size_t *n)
{
	const char *nl;

	if (l->p >= l->end)
		return 0;
	nl = memchr(l->p, '\n', l->end - l->p);
	*s = l->p;
	*n = (nl ? nl : l->end) - l->p;
	l->p = nl ? nl + 1 : l->end;
	if (*n && (*s)[*n - 1] == '\r')
		(*n)--;
	l->lineno++;
	return 1;
}

static int space_or_comment(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return n == 0 || *s == '#';
}

static int is_map_sentinel(const char *s, size_t n)
{
	return memmem(s, n, "--- Memory map: ---", 19) || memmem(s, n, "MAPPED_LIBRARIES:", 17);
}

static int parse_i64(const char *s, size_t n, int base, int64_t *v)
{
	char buf[40];
	char *end;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	*v = strtoll(buf, &end, base);
	return *end ? -1 : 0;
}

static int parse_u64(const char *s, size_t n, int base, uint64_t *v)
{
	char buf[40];
	char *end;
	size_t i;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (base == 16 && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f'))))
			return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	*v = strtoull(buf, &end, base);
	return *end ? -1 : 0;
}

struct builder {
	struct pprof_profile *p;
	struct u64map locs;   /* address+1 -> location (address 0 allowed) */
	VEC(struct pprof_location *) loclist;
	VEC(struct pprof_sample) samples;
};

static struct pprof_location *loc_for(struct builder *b, uint64_t addr)
{
	struct pprof_location *l = u64map_get(&b->locs, addr + 1);

	if (!l) {
		l = arena_new(&b->p->arena, struct pprof_location);
		l->address = addr;
		u64map_put(&b->locs, addr + 1, l);
		vec_push(&b->loclist, l);
	}
	return l;
}

/* Finish like pprof's ParseMemoryMap: location ids by first use in the
 * samples, one catch-all mapping for every location with an address. */
static void finish(struct builder *b)
{
	struct pprof_profile *p = b->p;
	struct pprof_mapping *fake = NULL;
	size_t i, j, n = 0;
	uint64_t stamp = 0;

	p->nsample = b->samples.len;
	p->sample = arena_alloc(&p->arena, sizeof(*p->sample) * (b->samples.len + 1));
	if (b->samples.len)
		memcpy(p->sample, b->samples.items, sizeof(*p->sample) * b->samples.len);
	p->location = arena_alloc(&p->arena, sizeof(*p->location) * (b->loclist.len + 1));
	for (i = 0; i < b->loclist.len; i++)
		b->loclist.items[i]->id = 0;
	for (i = 0; i < p->nsample; i++) {
		for (j = 0; j < p->sample[i].nlocation; j++) {
			struct pprof_location *l = p->sample[i].location[j];

			if (l->id)
				continue;
			l->id = ++stamp;
			l->index = n;
			p->location[n++] = l;
		}
	}
	p->nlocation = n;
	for (i = 0; i < n; i++) {
		struct pprof_location *l = p->location[i];

		if (l->mapping || l->address == 0)
			continue;
		if (!fake) {
			fake = arena_new(&p->arena, struct pprof_mapping);
			fake->id = 1;
			fake->limit = UINT64_MAX;
			fake->file = "";
			fake->build_id = "";
			p->mapping = arena_alloc(&p->arena, sizeof(*p->mapping));
			p->mapping[0] = fake;
			p->nmapping = 1;
		}
		l->mapping = fake;
	}
	u64map_free(&b->locs);
	vec_free(&b->loclist);
	vec_free(&b->samples);
}

static void add_sample(struct builder *b, int64_t *vals, size_t nvals,
		       uint64_t *addrs, size_t naddr, const char *numkey, int64_t num)
{
	struct pprof_sample s = { 0 };
	size_t i;

	s.value = arena_alloc(&b->p->arena, sizeof(int64_t) * (nvals + 1));
	memcpy(s.value, vals, sizeof(int64_t) * nvals);
	s.location = arena_alloc(&b->p->arena, sizeof(*s.location) * (naddr + 1));
	for (i = 0; i < naddr; i++)
		s.location[i] = loc_for(b, addrs[i] - 1);
	s.nlocation = naddr;
	if (numkey) {
		s.label = arena_new(&b->p->arena, struct pprof_label);
		s.label->key = numkey;
		s.label->num = num;
		s.label->unit = "";
		s.nlabel = 1;
	}
	vec_push(&b->samples, s);
}

static void scale_heap(int64_t *count, int64_t *size, int64_t rate)
{
	double avg, scale;

	if (*count == 0 || *size == 0) {
		*count = *size = 0;
		return;
	}
	if (rate <= 1)
		return;
	avg = (double)*size / (double)*count;
	scale = 1 / (1 - exp(-avg / (double)rate));
	*count = pprof_d2i((double)*count * scale);
	*size = pprof_d2i((double)*size * scale);
}

/* Addresses "0x..." in s[0..n), at most max. */
static size_t hex_addrs(const char *s, size_t n, addr_vec *out)
{
	size_t i = 0;

	out->len = 0;
	while (i + 2 < n + 1 && i < n) {
		if (s[i] == '0' && i + 1 < n && s[i + 1] == 'x' && i + 2 < n &&
		    isxdigit((unsigned char)s[i + 2]) && !isupper((unsigned char)s[i + 2])) {
			uint64_t v = 0;
			size_t j = i + 2;
			int over = 0;

			while (j < n && (isdigit((unsigned char)s[j]) ||
					 (s[j] >= 'a' && s[j] <= 'f'))) {
				if (v >> 60)
					over = 1;
				v = v << 4 | (uint64_t)(isdigit((unsigned char)s[j]) ? s[j] - '0'
										 : s[j] - 'a' + 10);
				j++;
			}
			if (over)
				return (size_t)-1;
			vec_push(out, v);
			i = j;
			continue;
		}
		i++;
	}
	return out->len;
}

static struct pprof_profile *parse_heap(const char *text, size_t len, struct err *e,
					int *unrecognized)
{
	struct rx hdr, smp;
	struct lines L = { text, text + len, 0 };
	const char *s, *g;
	size_t n, gl;
	struct builder b = { 0 };
	int64_t period = 0;
	int v2 = 0, has_alloc = 0, i;
	addr_vec addrs = { 0 };
	char hs[4][32];

	*unrecognized = 1;
	if (!next_line(&L, &s, &n))
		return NULL;
	if (rx_init(&hdr, "heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\] *@ *(heap[_a-z0-9]*)/?(\\d*)") ||
	    rx_init(&smp, "(-?\\d+): *(-?\\d+) *\\[ *(\\d+): *(\\d+) *] @([ x0-9a-f]*)")) {
		err_setf(e, "internal error: bad expression");
		return NULL;
	}
	if (rx_match(&hdr, s, n) <= 0)
		goto out;
	for (i = 0; i < 4; i++) {
		gl = rx_group(&hdr, i + 1, s, &g);
		snprintf(hs[i], sizeof(hs[i]), "%.*s", (int)(gl < 31 ? gl : 31), g);
	}
	gl = rx_group(&hdr, 6, s, &g);
	if (gl && parse_i64(g, gl, 10, &period))
		goto out;
	if ((strcmp(hs[2], hs[0]) && strcmp(hs[2], "0")) ||
	    (strcmp(hs[3], hs[1]) && strcmp(hs[3], "0")))
		has_alloc = 1;
	gl = rx_group(&hdr, 5, s, &g);
	if ((gl == 8 && !memcmp(g, "heapz_v2", 8)) || (gl == 7 && !memcmp(g, "heap_v2", 7))) {
		v2 = 1;
	} else if (gl == 11 && !memcmp(g, "heapprofile", 11)) {
		period = 1;
	} else if (gl == 4 && !memcmp(g, "heap", 4)) {
		v2 = 1;
		period /= 2;
	} else {
		goto out;
	}
	*unrecognized = 0;
	b.p = pprof_profile_new();
	b.p->period_type.type = "space";
	b.p->period_type.unit = "bytes";
	b.p->period = period;
	if (has_alloc) {
		static const struct pprof_value_type t4[4] = {
			{ "alloc_objects", "count" }, { "alloc_space", "bytes" },
			{ "inuse_objects", "count" }, { "inuse_space", "bytes" } };
		b.p->sample_type = (struct pprof_value_type *)t4;
		b.p->nsample_type = 4;
	} else {
		static const struct pprof_value_type t2[2] = {
			{ "objects", "count" }, { "space", "bytes" } };
		b.p->sample_type = (struct pprof_value_type *)t2;
		b.p->nsample_type = 2;
	}
	while (next_line(&L, &s, &n)) {
		int64_t vals[4], blocksize = 0;
		size_t nv = 0;
		int pass;

		if (space_or_comment(s, n))
			continue;
		if (is_map_sentinel(s, n))
			break;
		if (rx_match(&smp, s, n) <= 0) {
			err_setf(e, "malformed heap sample on line %zu", L.lineno);
			goto bad;
		}
		for (pass = has_alloc ? 0 : 1; pass < 2; pass++) {
			int64_t count, size;
			const char *g1, *g2;
			size_t l1 = rx_group(&smp, pass ? 1 : 3, s, &g1);
			size_t l2 = rx_group(&smp, pass ? 2 : 4, s, &g2);

			if (parse_i64(g1, l1, 10, &count) || parse_i64(g2, l2, 10, &size)) {
				err_setf(e, "malformed heap sample on line %zu", L.lineno);
				goto bad;
			}
			if (count == 0 && size != 0) {
				err_setf(e, "%s count was 0 but %s bytes was %lld on line %zu",
					 pass ? "inuse" : "allocation", pass ? "inuse" : "allocation",
					 (long long)size, L.lineno);
				goto bad;
			}
			if (count != 0) {
				blocksize = size / count;
				if (v2)
					scale_heap(&count, &size, period);
			}
			vals[nv++] = count;
			vals[nv++] = size;
		}
		gl = rx_group(&smp, 5, s, &g);
		if (hex_addrs(g, gl, &addrs) == (size_t)-1) {
			err_setf(e, "malformed heap sample on line %zu: address too large", L.lineno);
			goto bad;
		}
		add_sample(&b, vals, nv, addrs.items, addrs.len, "bytes", blocksize);
	}
	finish(&b);
	vec_free(&addrs);
	rx_free(&hdr);
	rx_free(&smp);
	return b.p;
bad:
	u64map_free(&b.locs);
	vec_free(&b.loclist);
	vec_free(&b.samples);
	pprof_profile_free(b.p);
out:
	vec_free(&addrs);
	rx_free(&hdr);
	rx_free(&smp);
	return NULL;
}

static struct pprof_profile *parse_count(const char *text, size_t len, struct err *e,
					 int *unrecognized)
{
	struct rx start, cnt;
	struct lines L = { text, text + len, 0 };
	const char *s = "", *g;
	size_t n = 0, gl;
	struct builder b = { 0 };
	addr_vec addrs = { 0 };
	struct pprof_value_type *vt;
	int got = 0;

	*unrecognized = 1;
	if (rx_init(&start, "\\A(\\S+) profile: total \\d+\\z") ||
	    rx_init(&cnt, "\\A(\\d+) @(( 0x[0-9a-f]+)+)\\z")) {
		err_setf(e, "internal error: bad expression");
		return NULL;
	}
	while ((got = next_line(&L, &s, &n)) && space_or_comment(s, n))
		;
	if (!got)
		s = "", n = 0;
	if (rx_match(&start, s, n) <= 0)
		goto out;
	*unrecognized = 0;
	b.p = pprof_profile_new();
	gl = rx_group(&start, 1, s, &g);
	vt = arena_new(&b.p->arena, struct pprof_value_type);
	vt->type = arena_strndup(&b.p->arena, g, gl);
	vt->unit = "count";
	b.p->period_type = *vt;
	b.p->period = 1;
	b.p->sample_type = vt;
	b.p->nsample_type = 1;
	while (next_line(&L, &s, &n)) {
		int64_t v;

		if (space_or_comment(s, n))
			continue;
		if (n >= 3 && !memcmp(s, "---", 3))
			break;
		if (rx_match(&cnt, s, n) <= 0) {
			err_setf(e, "malformed profile format on line %zu", L.lineno);
			goto bad;
		}
		gl = rx_group(&cnt, 1, s, &g);
		if (parse_i64(g, gl, 10, &v)) {
			err_setf(e, "malformed count on line %zu", L.lineno);
			goto bad;
		}
		gl = rx_group(&cnt, 2, s, &g);
		if (hex_addrs(g, gl, &addrs) == (size_t)-1) {
			err_setf(e, "malformed profile format on line %zu: address too large",
				 L.lineno);
			goto bad;
		}
		add_sample(&b, &v, 1, addrs.items, addrs.len, NULL, 0);
	}
	finish(&b);
	vec_free(&addrs);
	rx_free(&start);
	rx_free(&cnt);
	return b.p;
bad:
	u64map_free(&b.locs);
	vec_free(&b.loclist);
	vec_free(&b.samples);
	pprof_profile_free(b.p);
out:
	vec_free(&addrs);
	rx_free(&start);
	rx_free(&cnt);
	return NULL;
}

/* pprof's addLegacyFrameInfo: frames that allocators and profilers add. */
void pprof_legacy_frame_info(struct pprof_profile *p)
{
	static const char *const heapz[][4] = {
		{ "allocations", "size" }, { "objects", "space" },
		{ "inuse_objects", "inuse_space" }, { "alloc_objects", "alloc_space" },
		{ "alloc_objects", "alloc_space", "inuse_objects", "inuse_space" },
	};
	static const size_t heapz_n[] = { 2, 2, 2, 2, 4 };
	size_t i, j;

	for (i = 0; i < 5; i++) {
		if (p->nsample_type != heapz_n[i])
			continue;
		for (j = 0; j < heapz_n[i]; j++)
			if (strcmp(p->sample_type[j].type, heapz[i][j]))
				break;
		if (j == heapz_n[i]) {
			p->drop_frames = "calloc|cfree|malloc|free|memalign|do_memalign|"
				"(__)?posix_memalign|pvalloc|valloc|realloc|tcmalloc::.*|"
				"tc_calloc|tc_cfree|tc_malloc|tc_free|tc_memalign|"
				"tc_posix_memalign|tc_pvalloc|tc_valloc|tc_realloc|tc_new|"
				"tc_delete|tc_newarray|tc_deletearray|tc_new_nothrow|"
				"tc_newarray_nothrow|malloc_zone_malloc|malloc_zone_calloc|"
				"malloc_zone_valloc|malloc_zone_realloc|malloc_zone_memalign|"
				"malloc_zone_free|runtime\\..*|BaseArena::.*|"
				"(::)?do_malloc_no_errno|(::)?do_malloc_pages|(::)?do_malloc|"
				"DoSampledAllocation|MallocedMemBlock::MallocedMemBlock|"
				"_M_allocate|__builtin_(vec_)?delete|__builtin_(vec_)?new|"
				"__gnu_cxx::new_allocator::allocate|__libc_malloc|"
				"__malloc_alloc_template::allocate|allocate|cpp_alloc|"
				"operator new(\\[\\])?|simple_alloc::allocate";
			p->keep_frames = "runtime\\.panic|runtime\\.reflectcall|runtime\\.call[0-9]*";
			return;
		}
	}
	if (p->nsample_type == 2 && !strcmp(p->sample_type[0].type, "contentions") &&
	    !strcmp(p->sample_type[1].type, "delay")) {
		p->drop_frames = "RecordLockProfileData|(base::)?RecordLockProfileData.*|"
			"(base::)?SubmitMutexProfileData.*|(base::)?SubmitSpinLockProfileData.*|"
			"(base::Mutex::)?AwaitCommon.*|(base::Mutex::)?Unlock.*|"
			"(base::Mutex::)?UnlockSlow.*|(base::Mutex::)?ReaderUnlock.*|"
			"(base::MutexLock::)?~MutexLock.*|(Mutex::)?AwaitCommon.*|"
			"(Mutex::)?Unlock.*|(Mutex::)?UnlockSlow.*|(Mutex::)?ReaderUnlock.*|"
			"(MutexLock::)?~MutexLock.*|(SpinLock::)?Unlock.*|"
			"(SpinLock::)?SlowUnlock.*|(SpinLockHolder::)?~SpinLockHolder.*";
		p->keep_frames = "";
		return;
	}
	p->drop_frames = "ProfileData::Add|ProfileData::prof_handler|"
		"CpuProfiler::prof_handler|__pthread_sighandler|__restore";
	p->keep_frames = "";
}

/* ---- the "#" symbol lines (opt-in) ---- */

struct csym {
	const char *name, *file;
	int64_t line;
	struct csym *next;
};

struct csyms {
	struct csym *first, *last;
	size_t block;
};

/* Fill locations' lines from "#\t0xADDR\tfunc+0xOFF\tfile:line" lines, or
 * only note that there are some when !apply. */
static void comment_symbols(struct pprof_profile *p, const char *text, size_t len,
			    bool apply)
{
	struct lines L = { text, text + len, 0 };
	struct u64map addrs = { 0 };
	struct map funcs = MAP_INIT;
	const char *s;
	size_t n, block = 0, i, found = 0;

	while (next_line(&L, &s, &n)) {
		const char *f[4], *e = s + n;
		size_t fl[4], k = 0;
		const char *q = s, *plus, *colon;
		uint64_t addr;
		struct csyms *cs;
		struct csym *c;

		while (q < e && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= e || *q != '#') {
			block++;
			continue;
		}
		/* fields separated by runs of tabs */
		while (q < e && k < 4) {
			const char *t = memchr(q, '\t', (size_t)(e - q));

			f[k] = q;
			fl[k] = (size_t)((t ? t : e) - q);
			k++;
			if (!t)
				break;
			q = t;
			while (q < e && *q == '\t')
				q++;
		}
		if (k < 4 || fl[0] != 1 || fl[1] < 3 || f[1][0] != '0' || f[1][1] != 'x')
			continue;
		/* the text is not NUL-terminated: numbers are parsed from
		 * bounded copies (parse_u64, parse_i64) */
		if (parse_u64(f[1] + 2, fl[1] - 2, 16, &addr))
			continue;
		found++;
		if (!apply)
			break;
		plus = NULL;
		for (i = fl[2]; i-- > 0;)
			if (f[2][i] == '+') {
				plus = f[2] + i;
				break;
			}
		colon = NULL;
		for (i = fl[3]; i-- > 0;)
			if (f[3][i] == ':') {
				colon = f[3] + i;
				break;
			}
		if (!plus || !colon)
			continue;
		cs = u64map_get(&addrs, addr + 1);
		if (!cs) {
			cs = arena_new(&p->arena, struct csyms);
			cs->block = block;
			u64map_put(&addrs, addr + 1, cs);
		} else if (cs->block != block) {
			continue;   /* the same frames again under another sample */
		}
		c = arena_new(&p->arena, struct csym);
		c->name = arena_strndup(&p->arena, f[2], (size_t)(plus - f[2]));
		c->file = arena_strndup(&p->arena, f[3], (size_t)(colon - f[3]));
		{
			const char *ls = colon + 1, *le = f[3] + fl[3], *d = ls;

			while (d < le && *d >= '0' && *d <= '9')
				d++;
			if (parse_i64(ls, (size_t)(d - ls), 10, &c->line))
				c->line = 0;
		}
		if (cs->last)
			cs->last->next = c;
		else
			cs->first = c;
		cs->last = c;
	}
	if (!apply) {
		p->unused_comment_symbols = found > 0;
		u64map_free(&addrs);
		return;
	}
	{
		VEC(struct pprof_function *) fv = { 0 };

		for (i = 0; i < p->nlocation; i++) {
			struct pprof_location *l = p->location[i];
			struct csyms *cs = u64map_get(&addrs, l->address + 1);
			struct csym *c;
			size_t nl = 0, j = 0;

			if (!cs)
				continue;
			for (c = cs->first; c; c = c->next)
				nl++;
			l->line = arena_alloc(&p->arena, sizeof(*l->line) * (nl + 1));
			for (c = cs->first; c; c = c->next, j++) {
				char *key = arena_printf(&p->arena, "%s\n%s", c->name, c->file);
				struct map_slot *sl = map_slot(&funcs, key, strlen(key));

				if (!sl->value) {
					struct pprof_function *fn = arena_new(&p->arena,
									      struct pprof_function);
					fn->id = fv.len + 1;
					fn->name = c->name;
					fn->system_name = c->name;
					fn->filename = c->file;
					sl->key = key;
					sl->value = fn;
					vec_push(&fv, fn);
				}
				l->line[j].function = sl->value;
				l->line[j].line = c->line;
			}
			l->nline = nl;
		}
		p->nfunction = fv.len;
		p->function = arena_alloc(&p->arena, sizeof(*p->function) * (fv.len + 1));
		if (fv.len)
			memcpy(p->function, fv.items, sizeof(*p->function) * fv.len);
		vec_free(&fv);
	}
	u64map_free(&addrs);
	map_release(&funcs);
}

struct pprof_profile *pprof_parse_legacy(const char *text, size_t len,
					 unsigned flags, struct err *e)
{
	struct pprof_profile *p;
	int unrec;

	p = parse_heap(text, len, e, &unrec);
	if (!p && unrec)
		p = parse_count(text, len, e, &unrec);
	if (!p) {
		if (unrec)
			err_setf(e, "unrecognized profile format");
		return NULL;
	}
	comment_symbols(p, text, len, flags & PPROF_PARSE_COMMENT_SYMBOLS);
	/* pprof's allocator patterns (runtime\..* among them) would cut these
	 * stacks at runtime.main, below the hidden runtime.goexit frame; Go
	 * already leaves the allocator's own frames out of them */
	if (!(flags & PPROF_PARSE_COMMENT_SYMBOLS))
		pprof_legacy_frame_info(p);
	return p;
}
