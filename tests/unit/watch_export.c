/*
 * watch_export: the exposition of watch_metrics_write on snapshots of a
 * hand-made watch: HELP and TYPE per family, label escaping, the verdict
 * and its site labels only on a leak, series without data left out, the
 * health figures counted from the samples; in OpenMetrics the counter
 * families without _total, UNIT lines and "# EOF"; leakhound's own
 * process figures; the status page escaped; the Accept negotiation.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli/watch_cli.h"
#include "watch/proc.h"
#include "watch/watch.h"

/* the exposition of one watch */
static void write1(const struct watch *w, const struct watch_verdict *v,
		   const struct watch_metrics_site *site,
		   enum watch_metrics_format f, const struct proc_usage *self,
		   struct sb *out)
{
	struct watch_snap snap;
	const struct watch_snap *t = &snap;
	struct watch_metrics_requests req = { "/metrics", "text", 7 };

	watch_snap_take(&snap, w, v, site);
	watch_metrics_write(out, f, &t, 1, self, &req, 1);
	watch_snap_release(&snap);
}

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

	write1(&w, v, site, WATCH_METRICS_TEXT, NULL, &out);
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
	CHECK(has_line(t, "# TYPE leakhound_http_requests_total counter"));
	CHECK(has_line(t, "leakhound_http_requests_total{handler=\"/metrics\",format=\"text\"} 7"));
	CHECK(!strstr(t, "# UNIT"));
	CHECK(!strstr(t, "# EOF"));
	CHECK(!strstr(t, "process_"));
	sb_release(&out);

	/* OpenMetrics: counter families without _total, samples with it;
	 * units declared on families named with them; # EOF last */
	{
		struct proc_usage self;
		struct err e = ERR_INIT;

		CHECK(proc_usage(0, &self, &e) == 0);
		CHECK(self.rss > 1 << 20 && self.cpu_seconds >= 0 && self.fds > 2);
		CHECK(self.start_time > 1.6e9);
		write1(&w, v, site, WATCH_METRICS_OPENMETRICS, &self, &out);
	}
	t = sb_str(&out);
	CHECK(has_line(t, "# TYPE leakhound_target_heap_alloc_bytes counter"));
	CHECK(has_line(t, "# UNIT leakhound_target_heap_alloc_bytes bytes"));
	CHECK(has_line(t, "# TYPE leakhound_samples counter"));
	CHECK(has_line(t, "leakhound_samples_total{target=\"http://h:1/a\\\"b\\\\c\"} 3"));
	CHECK(has_line(t, "# UNIT leakhound_last_success_timestamp_seconds seconds"));
	CHECK(has_line(t, "# TYPE process_cpu_seconds counter"));
	CHECK(has_line(t, "# UNIT process_cpu_seconds seconds"));
	CHECK(strstr(t, "\nprocess_cpu_seconds_total ") != NULL);
	CHECK(strstr(t, "\nprocess_resident_memory_bytes ") != NULL);
	CHECK(has_line(t, "# UNIT process_resident_memory_bytes bytes"));
	CHECK(!strstr(t, "_total counter"));
	CHECK(out.len > 6 && !strcmp(t + out.len - 6, "# EOF\n"));
	CHECK(strstr(t, "# EOF") == t + out.len - 6);
	sb_release(&out);

	/* before any sample or verdict: families and zero health */
	memset(&w, 0, sizeof(w));
	w.opt.pid = 42;
	write1(&w, NULL, NULL, WATCH_METRICS_TEXT, NULL, &out);
	t = sb_str(&out);
	CHECK(has_line(t, "# TYPE leakhound_leak_suspected gauge"));
	CHECK(has_line(t, "leakhound_samples_total{target=\"pid:42\"} 0"));
	CHECK(has_line(t, "leakhound_last_success_timestamp_seconds{target=\"pid:42\"} 0"));
	CHECK(!strstr(t, "leakhound_leak_suspected{"));
	sb_release(&out);
}

static void status_page(void)
{
	struct watch w;
	struct watch_sample s[1];
	struct watch_verdict v[WATCH_NSERIES];
	struct watch_metrics_site site[WATCH_NSERIES];
	struct watch_snap snap;
	const struct watch_snap *t = &snap;
	struct sb out = SB_INIT;
	const char *h;

	memset(&w, 0, sizeof(w));
	memset(s, 0, sizeof(s));
	memset(v, 0, sizeof(v));
	memset(site, 0, sizeof(site));
	w.base = (char *)"http://h:1/<x>&y";
	s[0].t = 100; s[0].have = 1u << WATCH_HEAP_BYTES;
	s[0].v[WATCH_HEAP_BYTES] = 2048; s[0].error = "a <b> error";
	w.samples.items = s;
	w.samples.len = w.samples.cap = 1;
	v[WATCH_HEAP_BYTES].evaluated = 1;
	v[WATCH_HEAP_BYTES].tr.verdict = TREND_GROWING;
	v[WATCH_HEAP_BYTES].tr.p = 0.001;
	site[WATCH_HEAP_BYTES].file = "a<b>.go";
	site[WATCH_HEAP_BYTES].line = 7;
	site[WATCH_HEAP_BYTES].function = "main.f\"g";
	watch_snap_take(&snap, &w, v, site);
	watch_status_html(&out, &t, 1);
	h = sb_str(&out);
	CHECK(strstr(h, "<h2>http://h:1/&lt;x&gt;&amp;y ") != NULL);
	CHECK(strstr(h, "href=\"/report?target=http%3A%2F%2Fh%3A1%2F%3Cx%3E%26y\"") != NULL);
	CHECK(strstr(h, "<code>a&lt;b&gt;.go:7</code> in <code>main.f&quot;g</code>") != NULL);
	CHECK(strstr(h, "a &lt;b&gt; error") != NULL);
	CHECK(strstr(h, "1 target, 1 with a leak suspected") != NULL);
	CHECK(!strstr(h, "<x>") && !strstr(h, "<b>"));
	sb_release(&out);
	watch_snap_release(&snap);
}

static void accept_header(void)
{
	/* what Prometheus 2.42 sends: OpenMetrics first */
	CHECK(listen_wants_openmetrics("application/openmetrics-text;version=1.0.0,"
		"application/openmetrics-text;version=0.0.1;q=0.75,"
		"text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
	CHECK(listen_wants_openmetrics("application/openmetrics-text"));
	CHECK(listen_wants_openmetrics("text/plain;q=0.5, application/openmetrics-text; version=1.0.0"));
	CHECK(!listen_wants_openmetrics(NULL));
	CHECK(!listen_wants_openmetrics(""));
	CHECK(!listen_wants_openmetrics("*/*"));
	CHECK(!listen_wants_openmetrics("text/plain;version=0.0.4"));
	CHECK(!listen_wants_openmetrics("text/plain, application/openmetrics-text"));
	CHECK(!listen_wants_openmetrics("application/openmetrics-text;version=2.0.0"));
	CHECK(!listen_wants_openmetrics("application/openmetrics-text;q=0"));
	CHECK(!listen_wants_openmetrics("application/openmetrics-text;q=0.2,text/plain;q=0.9"));
}

int main(void)
{
	TEST(exposition);
	TEST(status_page);
	TEST(accept_header);
	return 0;
}
