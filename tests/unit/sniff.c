/* Unit tests of src/base/sniff.c: what a buffer looks like. */
#include "check.h"
#include "base/sniff.h"

static enum sniff_kind kind_of(const char *s, size_t n)
{
	struct sniff_info si;

	sniff_bytes(s, n, &si);
	return si.kind;
}

#define KIND(lit) kind_of(lit, sizeof(lit) - 1)

static void test_magic(void)
{
	CHECK(KIND("") == SNIFF_EMPTY);
	CHECK(KIND(" \n\t\n") == SNIFF_EMPTY);
	CHECK(KIND("\x1f\x8b\x08\x00") == SNIFF_GZIP);
	CHECK(KIND("SQLite format 3\0\x10\x00") == SNIFF_SQLITE);
	CHECK(KIND("\x7f" "ELF\x02\x01") == SNIFF_ELF);
	CHECK(KIND("PK\x03\x04rest") == SNIFF_ZIP);
	CHECK(KIND("\x28\xb5\x2f\xfd....") == SNIFF_ZSTD);
}

static void test_text(void)
{
	struct sniff_info si;
	static const char nul[] = "goroutine 1 [running]:\nmain.main()\n"
		"\t/x/main.go:5 +0x1\n\0\0\0\ngoroutine 2 [chan receive]:\n";

	CHECK(KIND("<!DOCTYPE html>\n<html><body>502</body></html>") == SNIFF_HTML);
	CHECK(KIND("\n  <HTML><head><title>x</title>") == SNIFF_HTML);
	CHECK(KIND("<?xml version=\"1.0\"?><a/>") == SNIFF_XML);
	CHECK(KIND("  {\"a\": 1}") == SNIFF_JSON);
	CHECK(KIND("[1, 2]") == SNIFF_JSON);
	CHECK(KIND("goroutine profile: total 3\n3 @ 0x1\n") == SNIFF_GOROUTINE_TEXT);
	CHECK(KIND("log line\npanic: boom\n\ngoroutine 7 [running]:\nmain.f()\n") ==
	      SNIFF_GOROUTINE_DUMP);
	CHECK(KIND("heap profile: 1: 2 [3: 4] @ heap/1048576\n") == SNIFF_PPROF_TEXT);
	CHECK(KIND("hello, wörld\n") == SNIFF_TEXT);
	/* a dump with NUL bytes is still a text dump, not protobuf */
	sniff_bytes(nul, sizeof(nul) - 1, &si);
	CHECK(si.kind == SNIFF_GOROUTINE_DUMP);
	CHECK(si.nul == 3);
	CHECK(sniff_is_text(si.kind));
	CHECK_STR(sniff_describe(&si), "a text goroutine dump (with NUL bytes)");
	sniff_bytes("\n\n<html>", 8, &si);
	CHECK(si.at == 2);
}

static void test_binary(void)
{
	/* field 1 (len 2: field 1 varint 1, ...), field 6 string "ab" */
	static const char pb[] = "\x0a\x04\x08\x01\x10\x02\x32\x02" "ab";
	/* a length far past the end: not protobuf, and 0x80 bytes are no
	 * UTF-8, so not text either */
	static const char badlen[] = "\x32\x80\x80\x80\x80\x80\x80\x80\x80\x40" "abc";

	CHECK(KIND(pb) == SNIFF_PROTOBUF);
	CHECK(KIND(badlen) == SNIFF_BINARY);
	CHECK(KIND("\x01\x02\x03\x04\x05\x06\x07") == SNIFF_BINARY);
	CHECK(!sniff_is_text(SNIFF_PROTOBUF));
}

int main(void)
{
	TEST(test_magic);
	TEST(test_text);
	TEST(test_binary);
	return 0;
}
