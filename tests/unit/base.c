/* Unit tests of src/base: arena, sb, map, utf8, err. */
#include "check.h"
#include "base/arena.h"
#include "base/err.h"
#include "base/map.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <stdint.h>
#include <stdlib.h>

static void test_arena(void)
{
	struct arena a = ARENA_INIT;
	char *big, *s;
	int i;

	for (i = 0; i < 10000; i++) {
		int *p = arena_alloc(&a, sizeof(int));
		CHECK(((uintptr_t)p % sizeof(int)) == 0);
		*p = i;
	}
	big = arena_alloc(&a, 3 << 20);
	big[(3 << 20) - 1] = 1;
	s = arena_printf(&a, "%s-%d", "x", 42);
	CHECK_STR(s, "x-42");
	CHECK(a.used >= 10000 * sizeof(int));
	arena_reset(&a);
	CHECK(a.used == 0);
	CHECK_STR(arena_strndup(&a, "hello", 4), "hell");
	arena_release(&a);
	CHECK(a.head == NULL);
}

static void test_sb(void)
{
	struct sb sb = SB_INIT;
	char *s;
	size_t n;

	CHECK_STR(sb_str(&sb), "");
	sb_adds(&sb, "a");
	sb_addf(&sb, "%d%s", 12, "b");
	sb_addn(&sb, '-', 3);
	CHECK_STR(sb_str(&sb), "a12b---");
	sb_truncate(&sb, 2);
	CHECK_STR(sb_str(&sb), "a1");
	sb_reset(&sb);
	sb_add_json_str(&sb, "q\"\\\n\x01\xff\xc3\xa9");
	CHECK_STR(sb_str(&sb), "\"q\\\"\\\\\\n\\u0001\\ufffd\xc3\xa9\"");
	sb_reset(&sb);
	sb_add_html(&sb, "<a href='x'>&\"");
	CHECK_STR(sb_str(&sb), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
	s = sb_detach(&sb, &n);
	CHECK(n == strlen(s));
	free(s);
	sb_release(&sb);
}

static void test_map(void)
{
	struct map m = MAP_INIT;
	char keys[1000][16];
	int vals[1000], i;

	for (i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		vals[i] = i;
		CHECK(map_puts(&m, keys[i], &vals[i]) == NULL);
	}
	CHECK(m.count == 1000);
	for (i = 0; i < 1000; i++) {
		int *v = map_gets(&m, keys[i]);
		CHECK(v && *v == i);
	}
	CHECK(map_gets(&m, "nope") == NULL);
	CHECK(map_puts(&m, keys[5], &vals[6]) == &vals[5]);
	CHECK(m.count == 1000);
	map_release(&m);
}

static void test_utf8(void)
{
	size_t len;
	char buf[4];

	CHECK(utf8_decode("\xc3\xa9", 2, &len) == 0xe9 && len == 2);
	CHECK(utf8_decode("\xed\xa0\x80", 3, &len) == -1);      /* surrogate */
	CHECK(utf8_decode("\xc0\x80", 2, &len) == -1);          /* overlong */
	CHECK(utf8_decode("\xf0\x9f\x98\x80", 4, &len) == 0x1f600 && len == 4);
	CHECK(utf8_decode("\xf0\x9f\x98", 3, &len) == -1 && len == 1);
	CHECK(utf8_encode(0x1f600, buf) == 4 && !memcmp(buf, "\xf0\x9f\x98\x80", 4));
}

static void test_err_vec(void)
{
	struct err e = ERR_INIT;
	VEC(int) v = { 0 };
	int i;

	CHECK(err_setf(&e, "cannot read '%s': %s", "x.go", "gone") == -1);
	CHECK_STR(e.msg, "cannot read 'x.go': gone");
	err_prefixf(&e, "lint");
	CHECK_STR(e.msg, "lint: cannot read 'x.go': gone");
	for (i = 0; i < 100; i++)
		vec_push(&v, i * 2);
	CHECK(v.len == 100 && v.items[99] == 198);
	vec_free(&v);
	CHECK(v.items == NULL);
}

int main(void)
{
	TEST(test_arena);
	TEST(test_sb);
	TEST(test_map);
	TEST(test_utf8);
	TEST(test_err_vec);
	return 0;
}
