/* libFuzzer target: the pages of `leakhound ui` on arbitrary requests.
 * The input is a request as the server hands it over: a path on the first
 * line, then one "name=value" argument a line (already URL-decoded by
 * libmicrohttpd, so any bytes).  Every view is rendered on one small real
 * profile (a debug=1 heap profile with symbols); a bad option or
 * expression must be a 400 page, never a crash or a leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/ui.h"
#include "base/xalloc.h"
#include "pprof/pprof.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char heap[] =
"heap profile: 3: 3072 [5: 5120] @ heap/524288\n"
"2: 2048 [3: 3072] @ 0x1 0x2 0x3\n"
"1: 1024 [2: 2048] @ 0x4 0x3\n"
"\n"
"#\t0x1\tmain.newBuf+0x1\t/src/app/main.go:10\n"
"#\t0x2\tmain.leak+0x1\t/src/app/main.go:20\n"
"#\t0x3\tmain.main+0x1\t/src/app/main.go:30\n"
"#\t0x4\tmain.other+0x1\t/src/app/other.go:5\n";

struct args {
	char *name[16], *value[16];
	size_t n;
};

static const char *arg(void *ctx, const char *name)
{
	struct args *a = ctx;
	size_t i;

	for (i = 0; i < a->n; i++)
		if (!strcmp(a->name[i], name))
			return a->value[i];
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ui u;
	static struct ui_target t;
	static int ready;
	struct args a;
	struct ui_page pg;
	char *buf, *line, *next, *path;
	size_t i;

	if (!ready) {
		struct err e = ERR_INIT;
		struct pprof_profile *p;
		struct ui_snap *s = xcalloc(1, sizeof(*s));

		pthread_mutex_init(&u.mu, NULL);
		findings_init(&u.lint);
		s->refs = 1;
		s->len = sizeof(heap) - 1;
		s->data = xstrdup(heap);
		p = pprof_profile_parse_flags(s->data, s->len, "fuzz", PPROF_PARSE_COMMENT_SYMBOLS, &e);
		if (!p)
			abort();
		s->ntotals = p->nsample_type;
		s->totals = xcalloc(p->nsample_type, sizeof(*s->totals));
		t.types = xcalloc(p->nsample_type, sizeof(*t.types));
		t.ntypes = p->nsample_type;
		for (i = 0; i < p->nsample_type; i++)
			t.types[i] = xstrdup(p->sample_type[i].type);
		pprof_profile_free(p);
		t.src = "fuzz";
		t.snap = xcalloc(1, sizeof(*t.snap));
		t.snap[0] = s;
		t.nsnap = t.cap = 1;
		u.t = &t;
		u.nt = 1;
		u.keep = 10;
		u.refresh = 10;
		u.parse_flags = PPROF_PARSE_COMMENT_SYMBOLS;
		ready = 1;
	}
	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = 0;
	memset(&a, 0, sizeof(a));
	path = buf;
	next = strchr(buf, '\n');
	if (next)
		*next++ = 0;
	for (line = next; line && a.n < 16; line = next) {
		char *eq;

		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = 0;
		a.name[a.n] = line;
		a.value[a.n++] = eq + 1;
	}
	if (path[0] != '/')
		path = "/";
	pg.code = 200;
	pg.type = "text/html; charset=utf-8";
	sb_init(&pg.body);
	ui_render(&u, path, arg, &a, &pg);
	if (pg.code != 200 && pg.code != 400 && pg.code != 404)
		abort();
	sb_release(&pg.body);
	free(buf);
	return 0;
}
