/*
 * status: the HTML status page `watch --listen` serves at "/": per target
 * its health, each series' last value, growth, verdict and p-value, the top
 * growing site of a leak, and links to /report?target= and /metrics.
 * Everything that comes from outside (target URLs, file and function
 * names, error messages) goes through the HTML escaper; the target in a
 * link is percent-encoded first.  No script; the page refreshes itself.
 * Builds text only; the caller owns out.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "watch.h"

/* s percent-encoded for a query value: all but A-Z a-z 0-9 - . _ ~ */
static void url_query(struct sb *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c))
			sb_addc(out, (char)c);
		else
			sb_addf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

static void html_time(struct sb *out, double t)
{
	char buf[64];
	time_t s = (time_t)t;
	struct tm tm;

	if (t <= 0) {
		sb_adds(out, "never");
		return;
	}
	gmtime_r(&s, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm);
	sb_adds(out, buf);
}

static void target_section(struct sb *out, const struct watch_snap *t)
{
	struct sb val = SB_INIT, link = SB_INIT;
	int k, any = 0;

	for (k = 0; k < WATCH_NSERIES; k++)
		any |= t->s[k].leak;
	sb_adds(out, "<section>\n<h2>");
	sb_add_html(out, t->target);
	sb_addf(out, " <span class=\"%s\">%s</span></h2>\n",
		any ? "leak" : "ok", any ? "leak suspected" : "no leak");
	if (t->labels && *t->labels) {
		sb_adds(out, "<p class=\"labels\"><code>");
		sb_add_html(out, t->labels);
		sb_adds(out, "</code></p>\n");
	}
	sb_addf(out, "<p>%zu samples, %zu with errors; last clean sample: ",
		t->samples, t->errors);
	html_time(out, t->last_ok);
	if (t->last_error) {
		sb_adds(out, "; last error: <code>");
		sb_add_html(out, t->last_error);
		sb_adds(out, "</code>");
	}
	url_query(&link, t->target);
	sb_adds(out, ". <a href=\"/report?target=");
	sb_add_html(out, sb_str(&link));
	sb_adds(out, "\">HTML report</a></p>\n");
	sb_adds(out, "<table>\n<tr><th>series</th><th>last value</th>"
		"<th>growth</th><th>verdict</th><th>p-value</th>"
		"<th>top growing site</th></tr>\n");
	for (k = 0; k < WATCH_NSERIES; k++) {
		const struct watch_snap_series *x = &t->s[k];
		enum watch_series_id id = (enum watch_series_id)k;

		if (!(t->have & (1u << k)) && !x->judged)
			continue;
		sb_addf(out, "<tr%s><td>%s</td><td>", x->leak ? " class=\"leak\"" : "",
			watch_series_name(id));
		sb_reset(&val);
		if (t->have & (1u << k))
			watch_fmt_value(&val, id, (double)t->last[k]);
		sb_add_html(out, val.len ? sb_str(&val) : "-");
		sb_adds(out, "</td><td>");
		if (x->judged) {
			sb_reset(&val);
			watch_fmt_value(&val, id, x->slope * 60);
			sb_add_html(out, sb_str(&val));
			sb_adds(out, "/min</td><td>");
			sb_adds(out, x->leak ? "leak" : "no leak");
			sb_addf(out, "</td><td>%.3g</td><td>", x->p);
		} else {
			sb_adds(out, "-</td><td>not judged yet</td><td>-</td><td>");
		}
		if (x->file) {
			sb_adds(out, "<code>");
			sb_add_html(out, x->file);
			sb_addf(out, ":%d</code> in <code>", x->line);
			sb_add_html(out, x->function);
			sb_adds(out, "</code>");
		}
		sb_adds(out, "</td></tr>\n");
	}
	sb_adds(out, "</table>\n</section>\n");
	sb_release(&val);
	sb_release(&link);
}

void watch_status_html(struct sb *out, const struct watch_snap *const *t,
		       size_t n)
{
	size_t i, leaks = 0;
	int k;

	for (i = 0; i < n; i++)
		for (k = 0; k < WATCH_NSERIES; k++)
			if (t[i]->s[k].leak) {
				leaks++;
				break;
			}
	sb_adds(out,
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"refresh\" content=\"10\">\n"
		"<title>leakhound watch</title>\n<style>\n"
		"body{font-family:sans-serif;margin:1.5em;color:#222}\n"
		"table{border-collapse:collapse}\n"
		"th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n"
		"tr.leak td{background:#fde4e4}\n"
		".leak{color:#b00}.ok{color:#070}\n"
		"</style>\n</head>\n<body>\n<h1>leakhound watch</h1>\n");
	sb_addf(out, "<p id=\"summary\">%zu target%s, %zu with a leak suspected. "
		"Metrics: <a href=\"/metrics\">/metrics</a>.</p>\n",
		n, n == 1 ? "" : "s", leaks);
	for (i = 0; i < n; i++)
		target_section(out, t[i]);
	sb_adds(out, "</body>\n</html>\n");
}
