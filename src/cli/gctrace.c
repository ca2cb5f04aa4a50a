/*
 * gctrace: read the runtime's gc trace lines in a passed-through stream
 * (see gctrace.h).
 *
 * The design decision a reader must know: the program's other output must
 * not be delayed, so only a line that starts like a gc line ("gc ", digits,
 * " @") is held back until its end; any other byte goes on at once, and a
 * prompt without a newline reaches the terminal as it did without us.
 */
#include "gctrace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int gctrace_godebug(const char *user, struct sb *out, int *pass_too)
{
	const char *p;

	*pass_too = 0;
	sb_reset(out);
	if (user && *user) {
		sb_adds(out, user);
		p = strstr(user, "gctrace=");
		if (p && (p == user || p[-1] == ',')) {
			*pass_too = atoi(p + 8) > 0;
			return 1;
		}
		sb_addc(out, ',');
	}
	sb_adds(out, "gctrace=1");
	return 0;
}

/* 2: s is the start of a gc line; 1: it may still become one; 0: not. */
static int gc_prefix(const char *s, size_t n)
{
	static const char head[] = "gc ";
	size_t i;

	for (i = 0; i < n && i < 3; i++)
		if (s[i] != head[i])
			return 0;
	if (n <= 3)
		return 1;
	for (i = 3; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == 3)
		return 0;
	if (i == n)
		return 1;
	if (s[i] != ' ')
		return 0;
	if (i + 1 == n)
		return 1;
	return s[i + 1] == '@' ? 2 : 0;
}

static void parse_line(struct gctrace *g, const char *s, size_t n)
{
	char buf[1024];
	const char *p;
	long long a, b, c;

	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
	p = strstr(buf, " cpu, ");
	if (!p || sscanf(p + 6, "%lld->%lld->%lld MB", &a, &b, &c) != 3)
		return;
	g->ngc++;
	/* allocated since the previous collection: the heap at this one's
	 * start less what the previous one left live (+1 so that the total
	 * moves at every collection) */
	g->alloc += (a > g->prev_live / (1 << 20) ? (a << 20) - g->prev_live : 0) + 1;
	g->live = (int64_t)c << 20;
	g->prev_live = g->live;
}

void gctrace_filter(struct gctrace *g, const char *p, size_t n, struct sb *out)
{
	size_t i = 0;

	while (i < n) {
		if (g->mid_line) {
			const char *nl = memchr(p + i, '\n', n - i);
			size_t k = nl ? (size_t)(nl - (p + i)) + 1 : n - i;
			sb_add(out, p + i, k);
			i += k;
			if (nl)
				g->mid_line = 0;
			continue;
		}
		/* at a line start, or inside a held line */
		if (p[i] == '\n') {
			sb_addc(&g->pending, '\n');
			if (gc_prefix(g->pending.buf, g->pending.len - 1) == 2) {
				parse_line(g, g->pending.buf, g->pending.len - 1);
				if (g->pass_too)
					sb_add(out, g->pending.buf, g->pending.len);
			} else {
				sb_add(out, g->pending.buf, g->pending.len);
			}
			sb_reset(&g->pending);
			i++;
			continue;
		}
		sb_addc(&g->pending, p[i]);
		i++;
		if (!gc_prefix(g->pending.buf, g->pending.len)) {
			sb_add(out, g->pending.buf, g->pending.len);
			sb_reset(&g->pending);
			g->mid_line = 1;
		}
	}
}

void gctrace_flush(struct gctrace *g, struct sb *out)
{
	sb_add(out, g->pending.buf ? g->pending.buf : "", g->pending.len);
	sb_reset(&g->pending);
}

void gctrace_release(struct gctrace *g)
{
	sb_release(&g->pending);
}
