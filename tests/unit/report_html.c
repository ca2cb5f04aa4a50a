/* Unit tests of the HTML writer (src/report/html*.c): chart elements,
 * value formatting, escaping of hostile input, caps on big inputs, the
 * static/runtime cross-link and source excerpts. */
#include "check.h"
#include "report/html.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, l = strlen(needle);

	for (hay = strstr(hay, needle); hay; hay = strstr(hay + l, needle))
		n++;
	return n;
}

static void test_values(void)
{
	struct sb sb = SB_INIT;

	report_html_value(&sb, 1536, REPORT_UNIT_BYTES);
	CHECK_STR(sb_str(&sb), "1.50 KiB");
	sb_reset(&sb);
	report_html_value(&sb, 150.0 * 1024 * 1024, REPORT_UNIT_BYTES);
	CHECK_STR(sb_str(&sb), "150 MiB");
	sb_reset(&sb);
	report_html_value(&sb, 12345, REPORT_UNIT_COUNT);
	CHECK_STR(sb_str(&sb), "12.3 k");
	sb_reset(&sb);
	report_html_value(&sb, 42, REPORT_UNIT_COUNT);
	CHECK_STR(sb_str(&sb), "42");
	sb_reset(&sb);
	report_html_duration(&sb, 45);
	CHECK_STR(sb_str(&sb), "45 s");
	sb_reset(&sb);
	report_html_duration(&sb, 210);
	CHECK_STR(sb_str(&sb), "3.5 min");
	sb_release(&sb);
	CHECK(report_html_same_file("/home/u/app/main.go", "app/main.go"));
	CHECK(report_html_same_file("app/main.go", "/home/u/app/main.go"));
	CHECK(!report_html_same_file("/home/u/xapp/main.go", "app/main.go"));
	CHECK(!report_html_same_file("main.go", ""));
}

/* 60 samples, every 10th missing (a run of two at 30/31), warm-up to 50 s,
 * a trend and a verdict at 500 s */
static void test_chart(void)
{
	struct report_page p;
	struct report_series *s;
	struct sb out = SB_INIT;
	const char *h;
	int i;

	report_page_init(&p);
	s = report_page_add_series(&p, "heap_inuse", "heap <in use>", REPORT_UNIT_BYTES);
	for (i = 0; i < 60; i++)
		report_series_add(s, i * 10.0, 1e6 + i * 1e5, i == 30 || i == 31 || i == 45);
	s->warmup_end = 50;
	s->has_trend = 1;
	s->slope = 1e4;
	s->intercept = 1e6;
	s->verdict_t = 500;
	s->leak = 1;
	s->verdict = "leak";
	report_html_chart(&out, s);
	h = sb_str(&out);
	CHECK(count(h, "<svg class=\"chart\"") == 1);
	CHECK(count(h, "<rect class=\"gap\"") == 2);      /* two runs */
	CHECK(strstr(h, "2 missed samples at") != NULL);
	CHECK(count(h, "<rect class=\"warmup\"") == 1);
	CHECK(count(h, "<line class=\"trend leak\"") == 1);
	CHECK(count(h, "<line class=\"verdict leak\"") == 1);
	CHECK(count(h, "<circle ") == 57);                 /* present samples */
	CHECK(strstr(h, "57 samples") != NULL);
	CHECK(strstr(h, "3 missed in 2 gaps") != NULL);
	CHECK(strstr(h, "trend +586 KiB/min") != NULL);   /* 1e4 B/s * 60 */
	CHECK(strstr(h, "heap &lt;in use&gt;") != NULL);
	CHECK(strstr(h, "heap <in") == NULL);
	/* the sample path breaks at the gaps: one M per run of samples */
	CHECK(count(h, "M") >= 3);
	sb_release(&out);
	report_page_release(&p);
}

/* 5000 samples are thinned, the page stays small and quick */
static void test_chart_big(void)
{
	struct report_page p;
	struct report_series *s;
	struct sb out = SB_INIT;
	clock_t t0 = clock();
	int i;

	report_page_init(&p);
	s = report_page_add_series(&p, "rss", "RSS", REPORT_UNIT_BYTES);
	for (i = 0; i < 5000; i++)
		report_series_add(s, i, 5e7 + (i % 7) * 1e6 + (i == 2500 ? 9e7 : 0), 0);
	report_write_html(&out, &p);
	CHECK(strstr(sb_str(&out), "5000 samples (") != NULL);
	CHECK(count(sb_str(&out), "<circle cx=") == 0);
	/* instead, the numbers the script reads to show the nearest sample */
	CHECK(count(sb_str(&out), "<g class=\"hover\" data-unit=\"bytes\" data-pts=\"") == 1);
	CHECK(out.len < 120 * 1024);
	/* the spike survives thinning: the max of its bucket is drawn */
	CHECK(strstr(sb_str(&out), "range 47.7 MiB &ndash; 134 MiB") != NULL);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
	sb_release(&out);
	report_page_release(&p);
}

static void test_hostile_and_links(void)
{
	struct report_page p;
	struct findings fs;
	struct report_groups *gs;
	struct report_group g;
	struct report_frame fr[2] = {
		{ "main.(*T).<script>alert(1)</script>", "/src/a&b/\"x\".go", 7 },
		{ "main.main", "/src/a&b/\"x\".go", 20 },
	};
	struct report_loc loc = { NULL, 7, 3, 0, 0, NULL };
	struct sb out = SB_INIT;
	char dir[] = "/tmp/lh-html-XXXXXX", path[256];
	const char *h;
	FILE *f;
	int i;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/\"x\".go", dir);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	for (i = 1; i <= 10; i++)
		fprintf(f, i == 7 ? "\tx := \"</pre><script>alert('%d')</script>\" & 1\n"
			: "line %d\n", i);
	fclose(f);

	report_page_init(&p);
	findings_init(&fs);
	loc.file = "a&b/\"x\".go";
	findings_add(&fs, "rule<&>", REPORT_SEV_ERROR, REPORT_CONF_HIGH, &loc,
		     "goroutine blocked on <chan> & \"never\" 'woken'", "close it </details>");
	loc.line = 9;
	findings_add(&fs, "other", REPORT_SEV_NOTE, REPORT_CONF_LOW, &loc, "n", NULL);
	findings_add(&fs, "other", REPORT_SEV_WARNING, REPORT_CONF_LOW, &loc, "w", NULL);
	p.findings = &fs;
	report_page_add_src_dir(&p, dir);
	p.target = "http://x/<img src=x onerror=alert(1)>";

	gs = report_page_add_groups(&p, "dump<1>", 305);
	memset(&g, 0, sizeof(g));
	g.count = 5;
	g.state = "chan receive<";
	g.frames = fr;
	g.nframes = 2;
	g.blocking = fr[0];
	g.suspect = 1;
	g.score = 9.5;
	g.why = "blocked </td>";
	report_groups_add(&p, gs, &g);
	g.suspect = 0;
	g.count = 1;
	g.blocking.func = NULL;
	for (i = 0; i < 300; i++)
		report_groups_add(&p, gs, &g);

	report_write_html(&out, &p);
	h = sb_str(&out);
	/* exactly one script element, ours */
	CHECK(count(h, "<script") == 1);
	CHECK(count(h, "<img") == 0);
	CHECK(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(h, "a&amp;b/&quot;x&quot;.go:7:3") != NULL);
	CHECK(strstr(h, "&lt;chan&gt; &amp; &quot;never&quot; &#39;woken&#39;") != NULL);
	CHECK(strstr(h, "close it &lt;/details&gt;") != NULL);
	/* summary numbers */
	CHECK(strstr(h, "data-count=\"error\">1<") != NULL);
	CHECK(strstr(h, "data-count=\"warning\">1<") != NULL);
	CHECK(strstr(h, "data-count=\"note\">1<") != NULL);
	CHECK(strstr(h, "<b>1</b> goroutine leak suspect<") != NULL);
	CHECK(strstr(h, "id=\"fix-first\"><b>Fix first:</b> <a href=\"#f0\">") != NULL);
	/* errors first: the error's article comes before the warning's */
	CHECK(strstr(h, "id=\"f0\"") < strstr(h, "id=\"f2\"") &&
	      strstr(h, "id=\"f2\"") < strstr(h, "id=\"f1\""));
	/* the source excerpt, highlighted and escaped */
	CHECK(strstr(h, "<span class=\"line hl\"><span class=\"ln\">7</span><span class=\"code\">\tx := "
		     "&quot;&lt;/pre&gt;&lt;script&gt;alert(&#39;7&#39;)&lt;/script&gt;"
		     "&quot; &amp; 1</span>") != NULL);
	CHECK(count(h, "<pre class=\"src\">") == 3);
	/* static finding <-> runtime evidence */
	CHECK(strstr(h, "runtime evidence: <a class=\"xref\" href=\"#g0-0\">"
		     "goroutine group #1</a>: 5 goroutines blocked here") != NULL);
	CHECK(strstr(h, "<a class=\"xref\" href=\"#f0\">[rule&lt;&amp;&gt;]</a>") != NULL);
	/* caps: 200 of 301 groups */
	CHECK(count(h, "<tr id=\"g0-") == REPORT_HTML_MAX_GROUPS);
	CHECK(strstr(h, "101 more groups (101 goroutines) not shown") != NULL);
	CHECK(strstr(h, "setAttribute('data-leakhound','ready')") != NULL);
	CHECK(strstr(h, "http://x/&lt;img src=x onerror=alert(1)&gt;") != NULL);
	sb_release(&out);
	findings_release(&fs);
	report_page_release(&p);
	unlink(path);
	rmdir(dir);
}

/* only .go files are quoted: a finding cannot make the page print
 * /etc/passwd */
static void test_excerpt_only_go(void)
{
	struct report_page p;
	struct sb out = SB_INIT;

	report_page_init(&p);
	CHECK(report_html_excerpt(&out, &p, "/etc/passwd", 1) == -1);
	CHECK(report_html_excerpt(&out, &p, "/nonexistent/x.go", 1) == -1);
	CHECK(out.len == 0);
	sb_release(&out);
	report_page_release(&p);
}

/* Call graphs go inline only through the whitelist; anything else (a
 * script, an event handler, an href) falls back to the sandboxed frame. */
static void test_graphs(void)
{
	static const char good[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n"
		"<!-- Generated by graphviz -->\n<svg width=\"8pt\" viewBox=\"0 0 8 8\" "
		"xmlns=\"http://www.w3.org/2000/svg\">\n<g id=\"graph0\" class=\"graph\">"
		"<title>g</title><g id=\"node1\" class=\"node\"><text x=\"1\">&lt;script&gt;"
		"alert(1)</text><a xlink:title=\"x &amp; y\"><polygon points=\"0,0 1,1\"/></a>"
		"</g></g>\n</svg>\n";
	static const char *const bad[] = {
		"<svg><script>alert(1)</script></svg>",
		"<svg onload=\"alert(1)\"></svg>",
		"<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
		"<svg><g class=\"x<y\"></g></svg>",
		"<svg><style>*{}</style></svg>",
		"<svg><g id='x'></g></svg>",
		"<svg><!-- unclosed",
		"not an svg",
	};
	struct report_page p;
	struct sb out = SB_INIT;
	size_t i;
	const char *html, *sec;

	report_page_init(&p);
	report_page_add_graph(&p, "a <b> graph", good);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		report_page_add_graph(&p, "bad", bad[i]);
	report_write_html(&out, &p);
	html = sb_str(&out);
	sec = strstr(html, "<section id=\"graph\">");
	CHECK(sec != NULL);
	CHECK(strstr(html, "<summary>a &lt;b&gt; graph</summary>") != NULL);
	CHECK(strstr(html, "<div class=\"graph\"><svg width=\"8pt\" viewBox=\"0 0 8 8\"") != NULL);
	CHECK(strstr(html, "<g id=\"cg0-graph0\" class=\"graph\">") != NULL);
	CHECK(strstr(html, "<g id=\"cg0-node1\" class=\"node\"><text x=\"1\">&lt;script&gt;") != NULL);
	CHECK(strstr(html, "<a xlink:title=\"x &amp; y\"><polygon points=\"0,0 1,1\"/></a>") != NULL);
	CHECK(strstr(html, "Generated by graphviz") == NULL);
	CHECK(strstr(html, "<!DOCTYPE svg") == NULL);
	/* every bad one in a frame, none of their markup on the page */
	CHECK(sec && strstr(sec, "<iframe") != NULL);
	CHECK(strstr(html, "alert(1)</script>") == NULL);
	CHECK(strstr(html, "onload") == NULL);
	CHECK(strstr(html, "javascript:") == NULL);
	CHECK(strstr(html, "<style>*{}") == NULL);
	for (i = 0, html = sec; sec && (html = strstr(html, "<iframe class=\"flame\" sandbox")); html++)
		i++;
	CHECK(i == sizeof bad / sizeof *bad);
	sb_release(&out);
	report_page_release(&p);
}

int main(void)
{
	TEST(test_values);
	TEST(test_chart);
	TEST(test_chart_big);
	TEST(test_hostile_and_links);
	TEST(test_excerpt_only_go);
	TEST(test_graphs);
	return 0;
}
