/* Unit tests of src/go/resolve.c: what each identifier refers to. */
#include "check.h"
#include "go/parse.h"
#include "go/resolve.h"

#include <stdlib.h>

struct found {
	const char *name;
	uint32_t line;
	int skip;    /* occurrences to skip */
	const struct go_ident *id;
};

static int find_fn(struct go_node *n, void *ctx)
{
	struct found *f = ctx;

	if (n->kind == GO_IDENT && n->line == f->line &&
	    !strcmp(GO_CAST(go_ident, n)->name, f->name) && !f->id) {
		if (f->skip-- == 0)
			f->id = GO_CAST(go_ident, n);
	}
	return 1;
}

/* The nth (0-based) identifier `name` on `line` of file f. */
static const struct go_ident *nth(struct go_file *f, const char *name,
				  uint32_t line, int n)
{
	struct found fd = { name, line, n, NULL };

	go_ast_inspect(&f->node, find_fn, NULL, &fd);
	return fd.id;
}

static const struct go_ident *ident(struct go_file *f, const char *name, uint32_t line)
{
	return nth(f, name, line, 0);
}

static const char src_a[] =
	"package p\n"                                   /* 1 */
	"\n"                                            /* 2 */
	"import (\n"                                    /* 3 */
	"\ttm \"time\"\n"                               /* 4 */
	"\t. \"context\"\n"                             /* 5 */
	"\t_ \"net/http/pprof\"\n"                      /* 6 */
	"\t\"math/rand/v2\"\n"                          /* 7 */
	")\n"                                           /* 8 */
	"\n"                                            /* 9 */
	"var global = 1\n"                              /* 10 */
	"\n"                                            /* 11 */
	"func f(time int, ctx Context) {\n"             /* 12 */
	"\t_ = time\n"                                  /* 13 */
	"\t_ = tm.Second\n"                             /* 14 */
	"\tx := Background()\n"                         /* 15 */
	"\tif x, err := g(); err != nil {\n"            /* 16 */
	"\t\t_ = x\n"                                   /* 17 */
	"\t}\n"                                         /* 18 */
	"\t_ = x\n"                                     /* 19 */
	"\t_ = global + len(sibling) + rand.N(3)\n"     /* 20 */
	"\tfor i := range []int{} {\n"                  /* 21 */
	"\t\t_ = i\n"                                   /* 22 */
	"\t}\n"                                         /* 23 */
	"\tswitch v := ctx.(type) {\n"                  /* 24 */
	"\tcase nil:\n"                                 /* 25 */
	"\t\t_ = v\n"                                   /* 26 */
	"\t}\n"                                         /* 27 */
	"}\n"                                           /* 28 */
	"\n"                                            /* 29 */
	"func g() (int, error) { var tm = 3; return tm, nil }\n"; /* 30 */

static const char src_b[] =
	"package p\n"
	"\n"
	"var sibling = []int{}\n";

static void test_resolve(void)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct go_file *files[2];
	struct go_package pkg;
	const struct go_ident *id;

	files[0] = go_parse_file(&a, "a.go", src_a, sizeof(src_a) - 1, &e);
	files[1] = go_parse_file(&a, "b.go", src_b, sizeof(src_b) - 1, &e);
	CHECK(files[0] && files[1]);
	if (!files[0] || !files[1]) {
		printf("FAIL: parse: %s\n", e.msg);
		arena_release(&a);
		return;
	}
	go_resolve_package(&pkg, files, 2);

	/* a parameter named time shadows nothing imported as time here, and
	 * is not the package */
	id = ident(files[0], "time", 13);
	CHECK(id && id->decl_kind == GO_DECL_PARAM);
	/* an alias */
	id = ident(files[0], "tm", 14);
	CHECK(id && id->decl_kind == GO_DECL_IMPORT);
	{
		struct go_selector_expr fake;

		memset(&fake, 0, sizeof(fake));
		fake.node.kind = GO_SELECTOR_EXPR;
		fake.x = (struct go_node *)id;
		fake.sel = (struct go_ident *)ident(files[0], "Second", 14);
		CHECK(go_is_pkg_member(&fake.node, "time", "Second"));
		CHECK(!go_is_pkg_member(&fake.node, "context", "Second"));
	}
	/* a dot import */
	id = ident(files[0], "Background", 15);
	CHECK(id && id->decl_kind == GO_DECL_IMPORT && (id->decl_flags & GO_RESOLVE_DOT));
	CHECK(go_is_pkg_member(&id->node, "context", "Background"));
	/* if-header scope: x on 17 is the inner one, on 19 the outer one */
	{
		const struct go_ident *inner = ident(files[0], "x", 17);
		const struct go_ident *outer = ident(files[0], "x", 19);
		const struct go_ident *def = ident(files[0], "x", 15);

		CHECK(inner && outer && def);
		CHECK(outer->decl == def);
		CHECK(inner->decl != def && inner->decl_kind == GO_DECL_LOCAL);
	}
	/* package level, a sibling file, universe, a /v2 import */
	CHECK(ident(files[0], "global", 20)->decl_kind == GO_DECL_PACKAGE);
	id = ident(files[0], "sibling", 20);
	CHECK(id && id->decl_kind == GO_DECL_PACKAGE && id->decl == ident(files[1], "sibling", 3));
	CHECK(ident(files[0], "len", 20)->decl_kind == GO_DECL_UNIVERSE);
	CHECK(ident(files[0], "rand", 20)->decl_kind == GO_DECL_IMPORT);
	/* range and type-switch variables */
	CHECK(ident(files[0], "i", 22)->decl == ident(files[0], "i", 21));
	CHECK(ident(files[0], "v", 26)->decl == ident(files[0], "v", 24));
	/* a local named like an import hides it */
	id = ident(files[0], "tm", 30);
	CHECK(id && (id->decl_flags & GO_RESOLVE_DEF));
	/* the second tm on line 30, in the return, is that local */
	CHECK(nth(files[0], "tm", 30, 1) && nth(files[0], "tm", 30, 1)->decl == id &&
	      nth(files[0], "tm", 30, 1)->decl_kind == GO_DECL_LOCAL);
	go_package_release(&pkg);
	arena_release(&a);
}

int main(void)
{
	TEST(test_resolve);
	return 0;
}
