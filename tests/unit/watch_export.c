/*
 * watch_export: the Prometheus text of watch_metrics_text on a hand-made
 * watch: HELP and TYPE per family, label escaping, the verdict and its
 * site labels only on a leak, series without data left out, and the
 * health figures counted from the samples.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "watch/watch.h"

static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p = text;

	while ((p = strstr(p, line)) != NULL) {
		if ((p == text || p[-1] == '\n') && (p[n] == '\n'))
			return 1;
		p += n;
	}
	return 0;
}

static void exposition(void)
{
	struct watch w;
	struct watch_sample s[3];
	struct watch_verdict v[WATCH_NSERIES];
	struct watch_metrics_site site[WATCH_NSERIES];
	struct sb out = SB_INIT;
	const char *t;

	memset(&w, 0, sizeof(w));
	memset(s, 0, sizeof(s));
	memset(v, 0, sizeof(v));
	memset(site, 0, sizeof(site));
	w.base = (char *)"http://h:1/a\"b\\c";
	s[0].t = 100; s[0].have = 1u << WATCH_RSS; s[0].v[WATCH_RSS] = 10;
	s[1].t = 101; s[1].error = "heap: refused";
	s[2].t = 102.5;
	s[2].have = (1u << WATCH_RSS) | (1u << WATCH_HEAP_BYTES);
	s[2].v[WATCH_RSS] = 4096; s[2].v[WATCH_HEAP_BYTES] = 2048;
	w.samples.items = s;
	w.samples.len = w.samples.cap = 3;
	v[WATCH_HEAP_BYTES].evaluated = 1;
	v[WATCH_HEAP_BYTES].tr.verdict = TREND_GROWING;
	v[WATCH_HEAP_BYTES].tr.slope = 512;
	v[WATCH_HEAP_BYTES].tr.p = 0.25;
	v[WATCH_RSS].evaluated = 1;
	v[WATCH_RSS].tr.verdict = TREND_FLAT;
	v[WATCH_RSS].tr.p = 1;
	site[WATCH_HEAP_BYTES].file = "main.go";
	site[WATCH_HEAP_BYTES].line = 28;
	site[WATCH_HEAP_BYTES].function = "main.leak";
	site[WATCH_RSS] = site[WATCH_HEAP_BYTES];

	watch_metrics_text(&w, v, site, &out);
	t = sb_str(&out);
#define L "{target=\"http://h:1/a\\\"b\\\\c\",series="
	CHECK(has_line(t, "# TYPE leakhound_target_resident_memory_bytes gauge"));
	CHECK(has_line(t, "# TYPE leakhound_target_heap_alloc_bytes_total counter"));
	CHECK(has_line(t, "# TYPE leakhound_samples_total counter"));
	CHECK(has_line(t, "# TYPE leakhound_scrape_errors_total counter"));
#define T "{target=\"http://h:1/a\\\"b\\\\c\"}"
	CHECK(has_line(t, "leakhound_target_resident_memory_bytes" T " 4096"));
	CHECK(has_line(t, "leakhound_target_heap_inuse_bytes" T " 2048"));
	CHECK(!strstr(t, "leakhound_target_goroutines{"));
	CHECK(has_line(t, "leakhound_growth_bytes_per_second" L "\"heap_inuse_bytes\"} 512"));
	CHECK(!strstr(t, "leakhound_growth_per_second" L "\"heap_inuse_bytes\""));
	CHECK(has_line(t, "leakhound_leak_suspected" L "\"heap_inuse_bytes\",file=\"main.go\",line=\"28\",function=\"main.leak\"} 1"));
	/* a series that is not a leak has no site labels */
	CHECK(has_line(t, "leakhound_leak_suspected" L "\"rss\"} 0"));
	CHECK(has_line(t, "leakhound_leak_p_value" L "\"heap_inuse_bytes\"} 0.25"));
	CHECK(!strstr(t, "leakhound_leak_suspected" L "\"fds\""));
	CHECK(has_line(t, "leakhound_samples_total{target=\"http://h:1/a\\\"b\\\\c\"} 3"));
	CHECK(has_line(t, "leakhound_scrape_errors_total{target=\"http://h:1/a\\\"b\\\\c\"} 1"));
	CHECK(has_line(t, "leakhound_last_success_timestamp_seconds{target=\"http://h:1/a\\\"b\\\\c\"} 102.5"));
	sb_release(&out);

	/* before any sample or verdict: families and zero health */
	memset(&w, 0, sizeof(w));
	w.opt.pid = 42;
	watch_metrics_text(&w, NULL, NULL, &out);
	t = sb_str(&out);
	CHECK(has_line(t, "# TYPE leakhound_leak_suspected gauge"));
	CHECK(has_line(t, "leakhound_samples_total{target=\"pid:42\"} 0"));
	CHECK(has_line(t, "leakhound_last_success_timestamp_seconds{target=\"pid:42\"} 0"));
	CHECK(!strstr(t, "leakhound_leak_suspected{"));
	sb_release(&out);
}

int main(void)
{
	TEST(exposition);
	return 0;
}
