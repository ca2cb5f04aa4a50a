/* Unit tests of src/go/gomod: the go.mod lines that decide timer semantics. */
#include "check.h"
#include "go/gomod.h"

static int parse(struct arena *a, const char *text, struct go_mod *m,
		 struct err *e)
{
	return go_mod_parse(a, "go.mod", text, strlen(text), m, e);
}

static void test_full_file(void)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct go_mod m;
	const char *text =
		"// a comment\n"
		"module \"example.com/svc\" // trailing\n"
		"\n"
		"go 1.22.1\n"
		"toolchain go1.23.4\n"
		"godebug asynctimerchan=1\n"
		"godebug (\n"
		"\tdefault=go1.21\n"
		"\thttp2client=0\n"
		")\n"
		"require (\n"
		"\tgolang.org/x/sync v0.7.0 // indirect\n"
		")\n"
		"replace a => ../a\n"
		"require ()\n";

	CHECK(parse(&a, text, &m, &e) == 0);
	CHECK_STR(m.module, "example.com/svc");
	CHECK_STR(m.go, "1.22.1");
	CHECK(m.go_version.major == 1 && m.go_version.minor == 22 &&
	      m.go_version.patch == 1);
	CHECK(m.go_line == 4);
	CHECK_STR(m.toolchain, "go1.23.4");
	CHECK(m.toolchain_version.minor == 23 && m.toolchain_version.patch == 4);
	CHECK(m.ngodebug == 3);
	CHECK_STR(go_mod_godebug_get(&m, "asynctimerchan"), "1");
	CHECK_STR(go_mod_godebug_get(&m, "http2client"), "0");
	CHECK(m.godebug[1].line == 8);
	CHECK(go_mod_godebug_get(&m, "nope") == NULL);
	arena_release(&a);
}

static void test_errors(void)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct go_mod m;

	CHECK(parse(&a, "module x\ngo 1.x\n", &m, &e) == -1);
	CHECK_STR(e.msg, "go.mod:2: invalid go version '1.x': must match format 1.23.0");
	CHECK(parse(&a, "module \"x\n", &m, &e) == -1);
	CHECK_STR(e.msg, "go.mod:1: unterminated string");
	CHECK(parse(&a, "module x\nrequire (\n a v1.0.0\n", &m, &e) == -1);
	CHECK_STR(e.msg, "go.mod:2: block opened here is never closed");
	CHECK(parse(&a, "module x\nmodule y\n", &m, &e) == -1);
	CHECK(parse(&a, "", &m, &e) == 0 && m.module == NULL && m.go == NULL);
	CHECK(parse(&a, "module x\ngo 1.19", &m, &e) == 0);
	CHECK(m.go_version.minor == 19 && m.toolchain == NULL);
	arena_release(&a);
}

static void test_versions(void)
{
	struct go_version v, w;

	CHECK(go_version_parse("1.21rc1", 7, &v) == 0 && v.minor == 21);
	CHECK(go_version_parse("go1.9", 5, &w) == 0 && w.minor == 9);
	CHECK(go_version_cmp(v, w) > 0);
	CHECK(go_version_parse("1.021", 5, &v) == -1);
	CHECK(go_version_parse("1.2.", 4, &v) == -1);
	CHECK(go_version_parse("default", 7, &v) == -1);
}

int main(void)
{
	TEST(test_full_file);
	TEST(test_errors);
	TEST(test_versions);
	return 0;
}
