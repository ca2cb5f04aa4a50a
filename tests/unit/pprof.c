/* Unit tests of src/pprof: pprof's number formatting, paths, the decoder's
 * error offsets, and pprof_diff (the API `watch` uses) on the shared heap
 * time series; expected values were taken from `go tool pprof` (Go 1.19). */
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "check.h"
#include "pprof/pprof.h"
#include "base/file.h"
#include "pprof/flame.h"
#include "pprof/graph.h"
#include "pprof/report.h"

static const char *label(int64_t v, const char *from, const char *to)
{
	static char buf[64];
	struct sb b = SB_INIT;

	pprof_scaled_label(&b, v, from, to);
	snprintf(buf, sizeof(buf), "%s", sb_str(&b));
	sb_release(&b);
	return buf;
}

static void test_units(void)
{
	char pct[16];

	CHECK_STR(label(1536, "bytes", "auto"), "1.50kB");
	CHECK_STR(label(87244800, "bytes", "MB"), "83.20MB");
	CHECK_STR(label(87244800, "bytes", "B"), "87244800B");
	CHECK_STR(label(0, "bytes", "MB"), "0");
	CHECK_STR(label(-1332474, "bytes", "MB"), "-1.27MB");
	CHECK_STR(label(30000000000LL, "nanoseconds", "auto"), "30s");
	CHECK_STR(label(1320000000LL, "nanoseconds", "auto"), "1.32s");
	CHECK_STR(label(15, "count", "count"), "15");
	pprof_percentage(pct, 1, 3);
	CHECK_STR(pct, "33.33%");
	pprof_percentage(pct, 1, 1000);
	CHECK_STR(pct, "  0.1%");
	pprof_percentage(pct, 5, 5);
	CHECK_STR(pct, "  100%");
	pprof_percentage(pct, 0, 0);
	CHECK_STR(pct, "    0%");
}

static void test_paths(void)
{
	struct arena a = ARENA_INIT;

	CHECK_STR(pprof_path_clean(&a, "/a//b/./c/../d.go"), "/a/b/d.go");
	CHECK_STR(pprof_path_clean(&a, "../x/../../y"), "../../y");
	CHECK_STR(pprof_path_clean(&a, "/.."), "/");
	CHECK_STR(pprof_path_clean(&a, ""), ".");
	CHECK_STR(pprof_path_base(&a, "/usr/local/bin/app"), "app");
	CHECK_STR(pprof_path_base(&a, "/"), "/");
	arena_release(&a);
}

static void test_errors(void)
{
	struct err e = ERR_INIT;
	struct pprof_profile *p;

	p = pprof_profile_parse("\x0a\x05\x08\x01", 4, "x.pb", &e);
	CHECK(p == NULL);
	CHECK_STR(e.msg, "cannot parse 'x.pb': length 5 at byte 1 runs past the end of its message at byte 4");
	err_clear(&e);
	p = pprof_profile_parse("\x1f\x8b\x08\x00", 4, "y.gz", &e);
	CHECK(p == NULL);
	CHECK(strstr(e.msg, "cannot parse 'y.gz': truncated gzip member at byte 0") != NULL);
}

static struct pprof_profile *load(const char *dir, const char *name)
{
	char path[1024];
	struct err e = ERR_INIT;
	size_t len;
	char *data;
	struct pprof_profile *p;

	snprintf(path, sizeof(path), "%s/heap-series/%s", dir, name);
	data = file_read_all(path, 0, &len, &e);
	if (!data)
		return NULL;
	p = pprof_profile_parse(data, len, path, &e);
	free(data);
	return p;
}

static void test_diff(void)
{
	const char *dir = getenv("LEAKHOUND_CORPUS");
	struct pprof_profile *base, *latest;
	struct pprof_diff_row *rows;
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	long n;

	static char guess[1024];

	if ((!dir || !*dir) && getenv("LEAKHOUND_ROOT")) {
		snprintf(guess, sizeof(guess), "%s/../shared/corpus/pprof", getenv("LEAKHOUND_ROOT"));
		if (file_is_dir(guess, NULL) == 1)
			dir = guess;
	}
	if (!dir || !*dir)
		dir = "/work/shared/corpus/pprof";
	base = load(dir, "1644509272337470000.pb.gz");
	latest = load(dir, "1644509299337903000.pb.gz");
	CHECK(base && latest);
	if (!base || !latest)
		goto out;
	n = pprof_diff(base, latest, "inuse_space", PPROF_GRAN_FUNCTIONS, &a, &rows, &e);
	CHECK(n > 3);
	if (n > 3) {
		/* go tool pprof -top -diff_base ... -unit=B */
		CHECK_STR(rows[0].name, "github.com/dgraph-io/badger/v3/skl.newArena");
		CHECK(rows[0].flat == 87244800);
		CHECK(rows[0].cum == 87244800);
		CHECK(rows[0].latest_flat - rows[0].base_flat == rows[0].flat);
		CHECK_STR(rows[1].name, "github.com/dgraph-io/ristretto.newCmRow");
		CHECK(rows[1].flat == 1332474);
		CHECK_STR(rows[2].name, "github.com/dgraph-io/ristretto/z.(*Bloom).Size");
		CHECK(rows[2].flat == 1212696);
	}
	n = pprof_diff(base, latest, NULL, PPROF_GRAN_LINES, &a, &rows, &e);
	CHECK(n > 2);
	if (n > 2) {
		CHECK_STR(rows[0].function, "github.com/dgraph-io/badger/v3/skl.newArena");
		CHECK(rows[0].line == 48);
		CHECK(strstr(rows[0].file, "skl/arena.go") != NULL);
		CHECK(rows[1].line == 101);
	}
	/* a profile against itself changes nothing */
	n = pprof_diff(latest, latest, NULL, PPROF_GRAN_FUNCTIONS, &a, &rows, &e);
	CHECK(n > 0);
	if (n > 0)
		CHECK(rows[0].flat == 0 && rows[0].cum == 0 && rows[0].latest_flat == rows[0].base_flat);
out:
	pprof_profile_free(base);
	pprof_profile_free(latest);
	arena_release(&a);
}

/* The decompressed-size limit is exact: a member of 5000 bytes passes a
 * limit of 5000 and fails one of 4999 (the buffer grows in powers of two,
 * the decompressor must still get no more than the limit). */
static void test_gunzip_limit(void)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	unsigned char raw[5000], gz[6000], *out;
	size_t glen, olen = 0;
	struct err e = ERR_INIT;

	memset(raw, 'a', sizeof(raw));
	glen = libdeflate_gzip_compress(c, raw, sizeof(raw), gz, sizeof(gz));
	libdeflate_free_compressor(c);
	CHECK(glen > 0);
	out = pprof_gunzip(gz, glen, 5000, &olen, &e);
	CHECK(out != NULL && olen == 5000);
	free(out);
	out = pprof_gunzip(gz, glen, 4999, &olen, &e);
	CHECK(out == NULL);
	CHECK(strstr(e.msg, "input limit of 4999 bytes") != NULL);
	free(out);
}

/* Frame labels shortened as pprof does; a growth flame graph of a profile
 * against itself says there is no growth and draws no frame, against an
 * older one it draws frames, coloured by package. */
static void test_flame(void)
{
	const char *dir = getenv("LEAKHOUND_ROOT");
	char d[1024];
	struct pprof_profile *base, *latest, *q;
	struct pprof_report_opts o;
	struct pprof_flame f;
	struct err e = ERR_INIT;
	struct sb svg = SB_INIT;
	int same;

	CHECK_STR(pprof_flame_short_name("github.com/x/y/pkg.Func"), "pkg.Func");
	CHECK_STR(pprof_flame_short_name("github.com/dgraph-io/badger/v3/skl.newArena"),
		  "skl.newArena");
	CHECK_STR(pprof_flame_short_name("net/http.(*conn).serve"), "http.(*conn).serve");
	CHECK_STR(pprof_flame_short_name("main.main"), "main.main");
	CHECK_STR(pprof_flame_short_name("runtime.gopark"), "runtime.gopark");
	CHECK_STR(pprof_flame_short_name("0x4a1f20"), "0x4a1f20");
	snprintf(d, sizeof(d), "%s/tests/report/data", dir ? dir : ".");
	base = load(d, "1644509272337470000.pb.gz");
	latest = load(d, "1644509299337903000.pb.gz");
	CHECK(base && latest);
	if (!base || !latest)
		goto out;
	for (same = 1; same >= 0; same--) {
		q = pprof_prepare(latest, same ? latest : base, true, &e);
		CHECK(q != NULL);
		if (!q)
			break;
		pprof_report_opts_init(&o);
		o.sample_index = "inuse_space";
		CHECK(pprof_flame_build(&f, q, &o, &e) == 0);
		f.growth_only = true;
		sb_reset(&svg);
		pprof_flame_svg(&f, NULL, 1000, &svg);
		if (same) {
			CHECK(strstr(sb_str(&svg), "id=\"no-growth\"") != NULL);
			CHECK(strstr(sb_str(&svg), "<g class=\"f\"") == NULL);
		} else {
			CHECK(strstr(sb_str(&svg), "id=\"no-growth\"") == NULL);
			CHECK(strstr(sb_str(&svg), "data-s=\"skl.newArena\"><title>"
				     "github.com/dgraph-io/badger/v3/skl.newArena (") != NULL);
		}
		pprof_flame_release(&f);
		pprof_profile_free(q);
	}
	/* the same package, the same colour: two functions of one package */
	pprof_report_opts_init(&o);
	q = pprof_prepare(latest, NULL, false, &e);
	if (q && pprof_flame_build(&f, q, &o, &e) == 0) {
		const char *a, *b;
		char ca[40] = "", cb[40] = "";

		sb_reset(&svg);
		pprof_flame_svg(&f, NULL, 4000, &svg);
		a = strstr(sb_str(&svg), "<title>github.com/dgraph-io/ristretto.newCmRow (");
		b = strstr(sb_str(&svg), "<title>github.com/dgraph-io/ristretto.NewCache (");
		CHECK(a && b);
		if (a && b && (a = strstr(a, "fill=\"")) && (b = strstr(b, "fill=\""))) {
			memcpy(ca, a, 24);
			memcpy(cb, b, 24);
			CHECK_STR(ca, cb);
		}
		pprof_flame_release(&f);
	}
	pprof_profile_free(q);
out:
	sb_release(&svg);
	pprof_profile_free(base);
	pprof_profile_free(latest);
}

int main(void)
{
	TEST(test_gunzip_limit);
	TEST(test_units);
	TEST(test_paths);
	TEST(test_errors);
	TEST(test_diff);
	TEST(test_flame);
	return 0;
}
