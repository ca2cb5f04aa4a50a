/*
 * Unit tests of the gdump library API (what the watch sampler uses): parse
 * a dump from bytes, group it, compare two group sets.
 */
#include <string.h>
#include "check.h"
#include "gdump/gdump.h"

static const char older[] =
	"goroutine 1 [running]:\n"
	"main.main()\n"
	"\t/app/m.go:10 +0x1d\n"
	"\n"
	"goroutine 7 [chan send, 3 minutes]:\n"
	"main.work.func1(0xc000010000)\n"
	"\t/app/m.go:21 +0x25\n"
	"created by main.work in goroutine 1\n"
	"\t/app/m.go:19 +0x4c\n"
	"\n"
	"goroutine 8 [chan send]:\n"
	"main.work.func1(0xc000010080)\n"
	"\t/app/m.go:21 +0x25\n"
	"created by main.work in goroutine 5\n"
	"\t/app/m.go:19 +0x4c\n";

static const char newer[] =
	"goroutine 1 [running]:\r\n"
	"main.main()\r\n"
	"\t/app/m.go:10 +0x1d\r\n"
	"\r\n"
	"goroutine 7 [chan send, 4 minutes]:\r\n"
	"main.work.func1(0xc000010000)\r\n"
	"\t/app/m.go:21 +0x25\r\n"
	"created by main.work in goroutine 1\r\n"
	"\t/app/m.go:19 +0x4c\r\n"
	"\r\n"
	"goroutine 9 [chan send]:\r\n"
	"main.work.func1(0xc000010100)\r\n"
	"\t/app/m.go:21 +0x25\r\n"
	"created by main.work in goroutine 1\r\n"
	"\t/app/m.go:19 +0x4c\r\n"
	"\r\n"
	"goroutine 10 [chan send]:\r\n"
	"main.work.func1(0xc000010180)\r\n"
	"\t/app/m.go:21 +0x25\r\n"
	"created by main.work in goroutine 1\r\n"
	"\t/app/m.go:19 +0x4c\r\n"
	"\r\n"
	"goroutine 11 [select]:\r\n"
	"main.loop()\r\n"
	"\t/app/m.go:30 +0x25\r\n"
	"created by main.main in goroutine 1\r\n"
	"\t/app/m.go:12 +0x4c\r\n";

static const struct gdump_group *find(const struct gdump_groups *gs, int line)
{
	size_t i;
	for (i = 0; i < gs->items.len; i++)
		if (gs->items.items[i].blocking && gs->items.items[i].blocking->line == line)
			return &gs->items.items[i];
	return NULL;
}

static void test_parse_group(void)
{
	struct gdump_dump d;
	struct gdump_groups gs;
	struct err e = ERR_INIT;
	const struct gdump_group *g;

	gdump_dump_init(&d);
	CHECK(gdump_parse(&d, older, sizeof(older) - 1, &e) == 0);
	CHECK(d.gs.len == 3 && d.total == 3 && d.nwarnings == 0);
	CHECK(d.gs.items[1].parent_id == 1 && d.gs.items[1].wait_minutes == 3);
	/* interned: the same function is the same pointer */
	CHECK(d.gs.items[1].frames == d.gs.items[2].frames);
	gdump_group(&d, &gs);
	gdump_dump_release(&d);     /* groups outlive their dump */
	CHECK(gs.items.len == 2);
	g = find(&gs, 21);
	CHECK(g && g->count == 2 && g->wait_min == 0 && g->wait_max == 3);
	CHECK(g && !strcmp(g->state, "chan send") && g->kind == GDUMP_KIND_CHAN);
	CHECK(g && !strcmp(g->created_by.func, "main.work") && g->created_by.line == 19);
	CHECK(g && g->nids == 2 && g->suspect);
	CHECK(gs.items.items[0].blocking->line == 21); /* suspects first */
	gdump_groups_release(&gs);
}

static void test_compare(void)
{
	struct gdump_dump a, b;
	struct gdump_groups ga, gb;
	struct err e = ERR_INIT;
	const struct gdump_group *g;

	gdump_dump_init(&a);
	gdump_dump_init(&b);
	CHECK(gdump_parse(&a, older, sizeof(older) - 1, &e) == 0);
	CHECK(gdump_parse(&b, newer, sizeof(newer) - 1, &e) == 0);
	gdump_group(&a, &ga);
	gdump_group(&b, &gb);
	gdump_compare(&gb, &ga);
	CHECK(gb.compared);
	g = find(&gb, 21);
	CHECK(g && g->count == 3 && g->growth == 1 && !g->is_new && g->survivors == 1);
	g = find(&gb, 30);
	CHECK(g && g->is_new && g->growth == 1);
	CHECK(gb.vanished == 0);
	gdump_groups_release(&ga);
	gdump_groups_release(&gb);
	gdump_dump_release(&a);
	gdump_dump_release(&b);
}

static void test_errors(void)
{
	struct gdump_dump d;
	struct err e = ERR_INIT;

	gdump_dump_init(&d);
	CHECK(gdump_parse(&d, "<html>nope</html>", 17, &e) == -1);
	CHECK(strstr(e.msg, "HTML") != NULL);
	gdump_dump_release(&d);
	gdump_dump_init(&d);
	err_clear(&e);
	/* a partial result with a warning naming the line */
	CHECK(gdump_parse(&d, "goroutine 3 [select]:\nmain.f(\n", 29, &e) == 0);
	CHECK(d.gs.len == 1 && d.nwarnings == 1);
	CHECK(d.nwarnings == 1 && strstr(d.warnings[0], "line 2: ") == d.warnings[0]);
	gdump_dump_release(&d);
}

static void test_std(void)
{
	struct go_usercode none, app, ex;
	const char *gr = "/usr/lib/go-1.19/src/runtime/proc.go";

	memset(&none, 0, sizeof(none));
	CHECK(go_usercode_is_std(&none, "net/http.(*conn).serve", NULL));
	CHECK(go_usercode_is_std(&none, "runtime.gopark", NULL));
	CHECK(go_usercode_is_std(&none, "vendor/golang.org/x/net/http2/hpack.(*Decoder).Write", NULL));
	CHECK(!go_usercode_is_std(&none, "main.main", NULL));
	CHECK(!go_usercode_is_std(&none, "github.com/a/b.(*T).f", NULL));
	CHECK(!go_usercode_is_std(&none, "example.com/x.F[...]", NULL));
	/* dot-less modules are the user's even when the module is unknown */
	CHECK(!go_usercode_is_std(&none, "app/worker.(*Pool).run", NULL));
	CHECK(!go_usercode_is_std(&none, "k.TestLeak.func1", NULL));
	/* a package newer than the table, recognised by its file under GOROOT */
	CHECK(go_usercode_learn_goroot(&none, "runtime.gopark", gr));
	CHECK(!strcmp(none.goroot, "/usr/lib/go-1.19"));
	CHECK(go_usercode_is_std(&none, "newstd/pkg.F", "/usr/lib/go-1.19/src/newstd/pkg/f.go"));
	CHECK(!go_usercode_is_std(&none, "newstd/pkg.F", "/home/u/app/newstd/pkg/f.go"));
	memset(&app, 0, sizeof(app));
	go_usercode_set_module(&app, "app", 3, "go.mod");
	CHECK(go_usercode_classify(&app, "app/worker.run", NULL) == GO_CODE_USER);
	CHECK(go_usercode_classify(&app, "app_test.TestX", NULL) == GO_CODE_USER);
	CHECK(go_usercode_classify(&app, "apple/x.F", NULL) == GO_CODE_STD);
	CHECK(go_usercode_classify(&app, "github.com/a/b.F", NULL) == GO_CODE_DEP);
	CHECK(go_usercode_classify(&app, "sync.(*WaitGroup).Wait", NULL) == GO_CODE_STD);
	memset(&ex, 0, sizeof(ex));
	go_usercode_set_module(&ex, "example.com/m", 13, "go.mod");
	CHECK(go_usercode_classify(&ex, "example.com/m/sub.F", NULL) == GO_CODE_USER);
	CHECK(go_usercode_classify(&ex, "example.com/mm.F", NULL) == GO_CODE_DEP);
	CHECK(go_usercode_classify(&ex, "type..eq.example.com/m.T", NULL) == GO_CODE_STD);
}

/* GODEBUG=tracebackancestors: the [originating from] frames are kept apart,
 * nearest first with each section's creator, and do not split groups. */
static void test_ancestors(void)
{
	static const char dump[] =
		"goroutine 9 [chan send]:\n"
		"p.serve.func1()\n"
		"\t/p/h.go:9 +0x1\n"
		"created by p.serve\n"
		"\t/p/h.go:8 +0x2\n"
		"[originating from goroutine 7]:\n"
		"p.serve(...)\n"
		"\t/p/h.go:8 +0x2\n"
		"p.startServer(...)\n"
		"\t/p/h.go:4 +0x3\n"
		"created by p.TestA\n"
		"\t/p/a_test.go:6 +0x4\n"
		"[originating from goroutine 6]:\n"
		"p.TestA(...)\n"
		"\t/p/a_test.go:6 +0x4\n"
		"\n"
		"goroutine 10 [chan send]:\n"
		"p.serve.func1()\n"
		"\t/p/h.go:9 +0x1\n"
		"created by p.serve\n"
		"\t/p/h.go:8 +0x2\n"
		"\n";
	struct gdump_dump d, c;
	struct gdump_groups gs;
	struct err e = ERR_INIT;
	const struct gdump_goroutine *g;

	gdump_dump_init(&d);
	CHECK(gdump_parse(&d, dump, sizeof(dump) - 1, &e) == 0);
	CHECK(d.gs.len == 2 && d.nwarnings == 0);
	g = &d.gs.items[0];
	CHECK(g->nframes == 1 && !strcmp(g->created_by.func, "p.serve"));
	CHECK(g->flags & GDUMP_ANCESTORS);
	CHECK(g->nancestors == 4);
	CHECK(g->nancestors == 4 && !strcmp(g->ancestors[1].func, "p.startServer") &&
	      g->ancestors[1].line == 4);
	CHECK(g->nancestors == 4 && !strcmp(g->ancestors[2].func, "p.TestA") &&
	      !strcmp(g->ancestors[2].file, "/p/a_test.go"));
	CHECK(d.gs.items[1].nancestors == 0 && d.gs.items[1].ancestors == NULL);
	/* a copy made with gdump_add keeps them */
	gdump_dump_init(&c);
	gdump_add(&c, g, g->frames, g->nframes);
	CHECK(c.gs.items[0].nancestors == 4 &&
	      !strcmp(c.gs.items[0].ancestors[3].func, "p.TestA"));
	gdump_dump_release(&c);
	gdump_group(&d, &gs);
	CHECK(gs.items.len == 1 && gs.items.items[0].count == 2);
	gdump_groups_release(&gs);
	gdump_dump_release(&d);
}

int main(void)
{
	TEST(test_parse_group);
	TEST(test_compare);
	TEST(test_errors);
	TEST(test_std);
	TEST(test_ancestors);
	return 0;
}
