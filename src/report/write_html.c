/*
 * write_html: the one-page HTML report (see html.h for the page model).
 *
 * Order of the page: summary (verdict, findings by severity, the one thing
 * to fix first), time-series charts, flame graphs, goroutine groups,
 * findings with source excerpts, profile tables, footer.  A section whose
 * input is absent is left out, not shown empty.
 *
 * The page is one file with its CSS and a small script inline.  The script
 * only adds interaction (search, expand/collapse all); the last thing it
 * does is set data-leakhound="ready" on <html>, which the browser test
 * checks so that a script error fails the test.  Opened as page.html#selftest
 * it also drives its own controls (filter, expand all, the chart readout)
 * and records the outcome in data-selftest, so the browser test checks the
 * interaction too.  No input string is ever written inside the script.
 */
#include "html_int.h"
#include "write.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void html_escn(struct sb *out, const char *s, size_t n)
{
	const char *e = s + n;

	for (; s < e; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '\'': sb_adds(out, "&#39;"); break;
		default:
			if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
				sb_adds(out, "\xef\xbf\xbd");
			else
				sb_addc(out, (char)c);
		}
	}
}

void html_esc(struct sb *out, const char *s)
{
	if (s)
		html_escn(out, s, strlen(s));
}

long html_finding_at(const struct report_page *p, const char *file, int line)
{
	size_t i;

	if (!p->findings || !p->fshown)
		return -1;
	for (i = 0; i < p->findings->items.len; i++) {
		const struct finding *f = p->findings->items.items[i];

		if (p->fshown[i] && f->loc.line == line &&
		    report_html_same_file(f->loc.file, file))
			return (long)i;
	}
	return -1;
}

/* split in pieces: ISO C caps a string literal at 4095 bytes */
static const char *const css[] = {
":root{--fg:#1d2433;--muted:#5c6678;--bg:#fff;--panel:#f6f7f9;--line:#dde1e7;"
"--err:#c62828;--warn:#b26a00;--note:#1565c0;--ok:#2e7d32;--accent:#3d5afe}\n",
"*{box-sizing:border-box}\n"
"body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
"color:var(--fg);background:var(--bg)}\n"
"header.top{padding:18px 28px 10px;border-bottom:1px solid var(--line);background:var(--panel)}\n"
"header.top h1{margin:0;font-size:22px}\n"
"nav{margin-top:6px}nav a{margin-right:14px;color:var(--accent);text-decoration:none}\n"
"main{padding:6px 28px 28px;max-width:1200px}\n"
"section{margin-top:22px}h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}\n"
"h3{font-size:15px;margin:18px 0 4px}\n"
"code,pre,.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}\n"
".muted{color:var(--muted)}.note{color:var(--muted);font-style:italic}\n"
".verdict-box{border-left:6px solid var(--muted);background:var(--panel);padding:10px 16px;margin:10px 0}\n"
".verdict-box.leak{border-color:var(--err)}.verdict-box.ok{border-color:var(--ok)}"
".verdict-box.mixed{border-color:var(--warn)}\n"
".verdict-box .big{font-size:18px;font-weight:600}\n"
".counts span{display:inline-block;margin-right:14px}\n"
".badge{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:12px;font-weight:600}\n"
".sev-error{background:var(--err)}.sev-ok{background:var(--ok)}.sev-warning{background:var(--warn)}.sev-note{background:var(--note)}\n"
".fixfirst{margin-top:6px}\n"
"svg.chart{width:100%;max-width:900px;height:auto;display:block;background:#fff}\n",
"svg.chart .grid{stroke:#eceff3}svg.chart .axis{stroke:#9aa3b0}svg.chart .tick{stroke:#9aa3b0}\n"
"svg.chart text{font-size:11px;fill:var(--muted)}svg.chart .yl{text-anchor:end}svg.chart .xl{text-anchor:middle}\n"
"svg.chart .samples{fill:none;stroke:#3d5afe;stroke-width:1.6}\n"
"svg.chart .pts circle{fill:#3d5afe}\n"
"svg.chart .warmup{fill:#9aa3b0;opacity:.18}svg.chart .gap{fill:var(--err);opacity:.16}\n"
"svg.chart .trend{stroke:var(--ok);stroke-width:2;stroke-dasharray:6 4}\n"
"svg.chart .trend.leak{stroke:var(--err)}\n"
"svg.chart .verdict{stroke:var(--ok);stroke-width:1.5}svg.chart .verdict.leak{stroke:var(--err)}\n"
"svg.chart .verdict-label{fill:var(--ok);font-weight:600}svg.chart .verdict-label.leak{fill:var(--err)}\n"
"svg.chart .band-label{fill:var(--muted)}\n"
"svg.chart .hover line{stroke:#555;stroke-dasharray:2 2}svg.chart .hover circle{fill:#3d5afe}"
"svg.chart .hover text{fill:var(--fg);font-weight:600}\n"
".legend{color:var(--muted);font-size:12.5px;margin:2px 0 10px}\n"
".key{display:inline-block;width:14px;height:8px;margin:0 4px 0 8px;vertical-align:middle}\n"
".k-samples{background:#3d5afe}.k-gap{background:var(--err);opacity:.3}.k-warmup{background:#9aa3b0;opacity:.4}\n"
".k-trend{border-top:2px dashed var(--err);height:0}\n"
"table{border-collapse:collapse;width:100%;margin:6px 0}\n",
"td:first-child{white-space:nowrap}\n"
"th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}\n"
"td{overflow-wrap:anywhere}footer{overflow-wrap:anywhere}\n"
"th{background:var(--panel);font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}\n"
"tr.suspect td:first-child{border-left:4px solid var(--err)}\n"
".why{color:var(--muted);font-size:12.5px}.new{color:var(--err);font-weight:600}\n"
"details summary{cursor:pointer;color:var(--accent);font-size:12.5px}\n"
"ol.stack{margin:4px 0 4px 18px;padding:0}ol.stack li{font-size:12.5px}ol.stack li.blk{background:#fff3cd}\n"
".finding{border:1px solid var(--line);border-radius:4px;padding:8px 12px;margin:10px 0}\n",
".finding .head{font-weight:600}.finding .rule{color:var(--muted);font-weight:400}\n"
".finding .fix{margin-top:4px}.finding .fix b{color:var(--ok)}\n"
".finding ul{margin:4px 0;padding-left:20px}\n"
"pre.src{background:var(--panel);border:1px solid var(--line);padding:6px 0;margin:6px 0;"
"overflow-x:auto;tab-size:4}\n"
"pre.src .line{display:block;padding:0 10px;white-space:pre}pre.src .hl{background:#fde2e1}\n"
"pre.src .ln{display:inline-block;width:4em;color:var(--muted);user-select:none}\n"
"pre.src .code{display:inline-block;white-space:pre}\n"
".xref{font-size:12.5px;color:var(--accent)}\n"
"#q{margin:8px 0;padding:4px 8px;width:320px;max-width:100%}\n"
"button.toggle{margin-left:8px;font-size:12px}\n"
"iframe.flame{width:100%;max-width:1110px;border:1px solid var(--line);display:block}\n"
"details.graph{margin:8px 0}div.graph{overflow:auto;max-height:900px;border:1px solid var(--line);"
"background:#fff}div.graph svg{display:block}\n"
"footer{margin-top:30px;padding:12px 28px;border-top:1px solid var(--line);background:var(--panel);"
"color:var(--muted);font-size:12.5px}\n"
"footer dt{float:left;clear:left;width:9em;font-weight:600}footer dd{margin-left:9.5em}\n"
"@media print{nav,#q,button.toggle{display:none}}\n",
NULL };

static const char script[] =
"(function(){\n"
"var d=document;\n"
"function each(sel,f){var l=d.querySelectorAll(sel);for(var i=0;i<l.length;i++)f(l[i]);}\n"
"var q=d.getElementById('q');\n"
"if(q){q.hidden=false;q.addEventListener('input',function(){\n"
"  var v=q.value.toLowerCase();\n"
"  each('.filterable tbody tr, .finding',function(e){\n"
"    e.style.display=!v||e.textContent.toLowerCase().indexOf(v)>=0?'':'none';});\n"
"});}\n"
"each('button.toggle',function(b){b.hidden=false;b.addEventListener('click',function(){\n"
"  var open=b.getAttribute('data-open')!=='1';\n"
"  each('#'+b.getAttribute('data-target')+' details',function(x){x.open=open;});\n"
"  b.setAttribute('data-open',open?'1':'0');b.textContent=open?'collapse all':'expand all';\n"
"});});\n"
"function fmt(v,u){if(u!=='bytes')return Math.abs(v)>=1e4?(v/1e3).toFixed(1)+' k':String(Math.round(v*100)/100);\n"
"  var n=['B','KiB','MiB','GiB','TiB'],i=0;while(Math.abs(v)>=1024&&i<4){v/=1024;i++;}return v.toFixed(v<10?2:v<100?1:0)+' '+n[i];}\n"
"each('svg.chart',function(svg){var g=svg.querySelector('g.hover');if(!g)return;\n"
"  var pts=g.getAttribute('data-pts').trim().split(' ').map(function(s){return s.split(',').map(Number);});\n"
"  var u=g.getAttribute('data-unit'),ln=g.querySelector('line'),c=g.querySelector('circle'),tx=g.querySelector('text');\n"
"  svg.addEventListener('mousemove',function(ev){var m=svg.getScreenCTM();if(!m||!pts.length)return;\n"
"    var x=(ev.clientX-m.e)/m.a,lo=0,hi=pts.length-1;\n"
"    while(lo<hi){var mid=(lo+hi)>>1;if(pts[mid][0]<x)lo=mid+1;else hi=mid;}\n"
"    if(lo>0&&x-pts[lo-1][0]<pts[lo][0]-x)lo--;var q=pts[lo];\n"
"    ln.setAttribute('x1',q[0]);ln.setAttribute('x2',q[0]);c.setAttribute('cx',q[0]);c.setAttribute('cy',q[1]);\n"
"    tx.setAttribute('x',q[0]+(q[0]>500?-6:6));tx.setAttribute('text-anchor',q[0]>500?'end':'start');\n"
"    tx.textContent=Math.round(q[2])+' s: '+fmt(q[3],u);g.style.display='';});\n"
"  svg.addEventListener('mouseleave',function(){g.style.display='none';});});\n"
"if(location.hash==='#selftest'){var ok=true,n=0;\n"
"  if(q){q.value='no such text \\u0001';q.dispatchEvent(new Event('input'));\n"
"    each('.filterable tbody tr, .finding',function(e){if(e.style.display!=='none')n++;});ok=ok&&n===0;\n"
"    q.value='';q.dispatchEvent(new Event('input'));}\n"
"  each('button.toggle',function(b){b.click();n=0;each('#'+b.getAttribute('data-target')+' details',function(x){if(!x.open)n++;});ok=ok&&n===0;b.click();});\n"
"  each('svg.chart',function(svg){var g=svg.querySelector('g.hover');if(!g)return;var r=svg.getBoundingClientRect();\n"
"    svg.dispatchEvent(new MouseEvent('mousemove',{clientX:r.left+r.width/2,clientY:r.top+r.height/2}));\n"
"    ok=ok&&g.style.display===''&&/ s: /.test(g.querySelector('text').textContent);});\n"
"  d.documentElement.setAttribute('data-selftest',ok?'ok':'fail');}\n"
"if(window.performance)d.documentElement.setAttribute('data-load-ms',Math.round(performance.now()));\n"
"d.documentElement.setAttribute('data-leakhound','ready');\n"
"})();\n";

static void add_base64(struct sb *out, const char *s, size_t n)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	sb_grow(out, (n + 2) / 3 * 4);
	for (i = 0; i + 2 < n; i += 3) {
		sb_addc(out, tab[u[i] >> 2]);
		sb_addc(out, tab[((u[i] & 3) << 4) | (u[i + 1] >> 4)]);
		sb_addc(out, tab[((u[i + 1] & 15) << 2) | (u[i + 2] >> 6)]);
		sb_addc(out, tab[u[i + 2] & 63]);
	}
	if (n - i == 1) {
		sb_addc(out, tab[u[i] >> 2]);
		sb_addc(out, tab[(u[i] & 3) << 4]);
		sb_adds(out, "==");
	} else if (n - i == 2) {
		sb_addc(out, tab[u[i] >> 2]);
		sb_addc(out, tab[((u[i] & 3) << 4) | (u[i + 1] >> 4)]);
		sb_addc(out, tab[(u[i + 1] & 15) << 2]);
		sb_addc(out, '=');
	}
}

/* The height attribute of the SVG's root element, or 400. */
static int svg_height(const char *svg)
{
	const char *r = strstr(svg, "<svg"), *h;
	int v;

	if (!r || !(h = strstr(r, " height=\"")) || h > strchr(r, '>'))
		return 400;
	v = atoi(h + 9);
	return v > 0 && v < 20000 ? v : 400;
}

/* A flame graph SVG is a whole document with its own script, written to
 * run as the top document (it uses document.documentElement and fixed
 * ids), so it is embedded as a sandboxed frame of its own, from a data:
 * URL: several flame graphs on one page cannot disturb each other or the
 * page, and the frame still shows the static SVG without JavaScript.
 * loading="eager": Chromium otherwise defers frames below the fold, and a
 * page saved as a screenshot or printed would show them empty.
 * allow-modals: the graph's search box is a prompt(). */
static void write_svg_frame(struct sb *out, const struct report_svg *s)
{
	sb_adds(out, "<iframe class=\"flame\" sandbox=\"allow-scripts allow-modals\" loading=\"eager\" title=\"");
	html_esc(out, s->title);
	sb_addf(out, "\" style=\"height:%dpx\" src=\"data:image/svg+xml;base64,",
		svg_height(s->svg) + 4);
	add_base64(out, s->svg, strlen(s->svg));
	sb_adds(out, "\"></iframe>\n");
}

static void now_text(struct sb *out)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;
	char buf[64];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm);
	sb_adds(out, buf);
}

static void add_loc_text(struct sb *out, const struct report_loc *l)
{
	html_esc(out, l->file && *l->file ? l->file : "-");
	if (l->line > 0) {
		sb_addf(out, ":%d", l->line);
		if (l->column > 0)
			sb_addf(out, ":%d", l->column);
	}
}

/* The display order of the findings: errors, then warnings, then notes,
 * each in the list's own (deterministic) order. */
static size_t *finding_order(const struct findings *fs)
{
	size_t *ord = xmalloc((fs->items.len + 1) * sizeof(*ord)), i, k = 0;
	int sev;

	for (sev = REPORT_SEV_ERROR; sev >= REPORT_SEV_NOTE; sev--)
		for (i = 0; i < fs->items.len; i++)
			if ((int)fs->items.items[i]->severity == sev)
				ord[k++] = i;
	return ord;
}

struct evidence {
	size_t set, row;
	uint64_t count;
};

/* Goroutine groups whose blocking site is the finding's line: the runtime
 * evidence that confirms a static finding. */
static size_t find_evidence(const struct report_page *p, const struct finding *f,
			    struct evidence *ev, size_t max)
{
	size_t s, i, n = 0;

	if (!f->loc.file || !*f->loc.file || f->loc.line <= 0)
		return 0;
	for (s = 0; s < p->groups.len; s++) {
		const struct report_groups *gs = p->groups.items[s];
		size_t shown = gs->items.len < REPORT_HTML_MAX_GROUPS ?
			gs->items.len : REPORT_HTML_MAX_GROUPS;

		for (i = 0; i < shown && n < max; i++) {
			const struct report_group *g = &gs->items.items[i];

			if (g->blocking.func && g->blocking.line == f->loc.line &&
			    report_html_same_file(g->blocking.file, f->loc.file)) {
				ev[n].set = s;
				ev[n].row = i;
				ev[n].count = g->count;
				n++;
			}
		}
	}
	return n;
}

static void write_summary(struct sb *out, struct report_page *p,
			  const size_t *ord)
{
	const struct findings *fs = p->findings;
	size_t nsev[3] = { 0, 0, 0 }, i, nleak = 0, ndecided = 0, suspects = 0;
	const struct report_series *leak = NULL;
	long best = -1;
	int best_key = -1;

	sb_adds(out, "<section id=\"summary\"><h2>Summary</h2>\n");
	for (i = 0; i < p->series.len; i++) {
		const struct report_series *s = p->series.items[i];

		if (s->leak) {
			nleak++;
			if (!leak)
				leak = s;
		}
		ndecided += s->verdict != NULL;
	}
	for (i = 0; i < p->groups.len; i++) {
		size_t j;

		for (j = 0; j < p->groups.items[i]->items.len; j++)
			suspects += p->groups.items[i]->items.items[j].suspect != 0;
	}

	if (p->verdict || ndecided) {
		int is_leak = nleak > 0 || (p->verdict && p->leak_verdict);
		size_t nerr = 0;

		for (i = 0; fs && i < fs->items.len; i++)
			nerr += fs->items.items[i]->severity == REPORT_SEV_ERROR;
		/* no series grows, but a dump or a finding says otherwise: not
		 * the green of a clean bill */
		sb_addf(out, "<div class=\"verdict-box %s\" id=\"verdict\"><div class=\"big\">",
			is_leak ? "leak" : suspects || nerr ? "mixed" :
			p->verdict && p->verdict_neutral ? "neutral" : "ok");
		if (p->verdict) {
			html_esc(out, p->verdict);
		} else if (leak) {
			sb_adds(out, "Leak: ");
			html_esc(out, leak->title);
			sb_adds(out, " grows ");
			if (leak->has_trend) {
				sb_adds(out, leak->slope >= 0 ? "+" : "");
				report_html_value(out, leak->slope * 60, leak->unit);
				sb_adds(out, "/min");
			}
			if (nleak > 1)
				sb_addf(out, " (and %zu more series)", nleak - 1);
		} else {
			sb_adds(out, "No series grows");
		}
		sb_adds(out, "</div>");
		if (p->verdict_detail) {
			sb_adds(out, "<div>");
			html_esc(out, p->verdict_detail);
			sb_adds(out, "</div>");
		}
		for (i = 0; i < p->series.len; i++) {
			const struct report_series *s = p->series.items[i];

			if (!s->verdict && !s->detail)
				continue;
			sb_adds(out, "<div><a href=\"#chart-");
			html_esc(out, s->id);
			sb_adds(out, "\">");
			html_esc(out, s->title);
			sb_adds(out, "</a>: ");
			html_esc(out, s->verdict ? s->verdict : "");
			if (s->detail) {
				sb_adds(out, s->verdict ? " &middot; " : "");
				html_esc(out, s->detail);
			}
			sb_adds(out, "</div>");
		}
		sb_adds(out, "</div>\n");
	}
	if (p->groups.len)
		sb_addf(out, "<p><a href=\"#goroutines\"><b>%zu</b> goroutine leak suspect%s</a></p>\n",
			suspects, suspects == 1 ? "" : "s");

	if (fs) {
		for (i = 0; i < fs->items.len; i++)
			nsev[fs->items.items[i]->severity]++;
		sb_addf(out, "<p class=\"counts\" id=\"counts\"><span><b>%zu</b> finding%s:</span>"
			"<span><span class=\"badge sev-error\">error</span> <b data-count=\"error\">%zu</b></span>"
			"<span><span class=\"badge sev-warning\">warning</span> <b data-count=\"warning\">%zu</b></span>"
			"<span><span class=\"badge sev-note\">note</span> <b data-count=\"note\">%zu</b></span></p>\n",
			fs->items.len, fs->items.len == 1 ? "" : "s", nsev[REPORT_SEV_ERROR],
			nsev[REPORT_SEV_WARNING], nsev[REPORT_SEV_NOTE]);
		/* the one thing to fix first: most severe, most certain, and
		 * confirmed at runtime if any is */
		for (i = 0; i < fs->items.len; i++) {
			const struct finding *f = fs->items.items[ord[i]];
			struct evidence ev;
			/* a line to fix beats a series that grows */
			int has_loc = f->loc.file && *f->loc.file && f->loc.line > 0;
			int key = (int)f->severity * 16 + has_loc * 8 +
				(int)f->confidence * 2 + (find_evidence(p, f, &ev, 1) > 0);

			if (key > best_key) {
				best_key = key;
				best = (long)ord[i];
			}
		}
		if (best >= 0) {
			const struct finding *f = fs->items.items[best];

			sb_addf(out, "<div class=\"fixfirst\" id=\"fix-first\"><b>Fix first:</b> "
				"<a href=\"#f%ld\">", best);
			if (f->loc.file && *f->loc.file)
				add_loc_text(out, &f->loc);
			else
				html_esc(out, f->rule);
			sb_adds(out, "</a> &mdash; ");
			html_esc(out, f->message);
			if (f->fix && *f->fix) {
				sb_adds(out, "<div class=\"fix\"><b>fix:</b> ");
				html_esc(out, f->fix);
				sb_adds(out, "</div>");
			}
			sb_adds(out, "</div>\n");
		}
	}
	sb_adds(out, "</section>\n");
}

static void write_charts(struct sb *out, const struct report_page *p)
{
	size_t i;

	sb_adds(out, "<section id=\"charts\"><h2>Time series</h2>\n");
	for (i = 0; i < p->series.len; i++) {
		const struct report_series *s = p->series.items[i];

		sb_adds(out, "<div class=\"chart-box\" id=\"chart-");
		html_esc(out, s->id);
		sb_adds(out, "\"><h3>");
		html_esc(out, s->title);
		if (s->verdict) {
			sb_addf(out, " <span class=\"badge %s\">", s->leak ? "sev-error" : "sev-ok");
			html_esc(out, s->verdict);
			sb_adds(out, "</span>");
		}
		sb_adds(out, "</h3>\n");
		if (s->detail) {
			sb_adds(out, "<p class=\"muted\">");
			html_esc(out, s->detail);
			sb_adds(out, "</p>\n");
		}
		report_html_chart(out, s);
		sb_adds(out, "</div>\n");
	}
	sb_adds(out, "</section>\n");
}

static void write_findings(struct sb *out, struct report_page *p,
			   const size_t *ord)
{
	const struct findings *fs = p->findings;
	size_t i, j, n = fs->items.len, excerpts = 0;

	sb_adds(out, "<section id=\"findings\"><h2>Findings</h2>\n");
	if (!n) {
		sb_adds(out, "<p class=\"muted\">no findings</p></section>\n");
		return;
	}
	for (i = 0; i < n && i < REPORT_HTML_MAX_FINDINGS; i++) {
		const struct finding *f = fs->items.items[ord[i]];
		const char *sev = report_severity_name(f->severity);
		struct evidence ev[8];
		size_t nev = find_evidence(p, f, ev, 8), same[8], nsame;

		sb_addf(out, "<article class=\"finding\" id=\"f%zu\" data-rule=\"", ord[i]);
		html_esc(out, f->rule);
		sb_addf(out, "\"><div class=\"head\"><span class=\"badge sev-%s\">%s</span> ", sev, sev);
		sb_adds(out, "<span class=\"loc\">");
		add_loc_text(out, &f->loc);
		sb_adds(out, "</span> <span class=\"rule\">[");
		html_esc(out, f->rule);
		sb_addf(out, "] confidence %s</span></div>\n<div class=\"msg\">",
			report_confidence_name(f->confidence));
		html_esc(out, f->message);
		sb_adds(out, "</div>\n");
		if (f->fix && *f->fix) {
			sb_adds(out, "<div class=\"fix\"><b>fix:</b> ");
			html_esc(out, f->fix);
			sb_adds(out, "</div>\n");
		}
		if (excerpts < REPORT_HTML_MAX_EXCERPTS &&
		    report_html_excerpt(out, p, f->loc.file, f->loc.line) == 0)
			excerpts++;
		/* other findings on the same line: a static rule and a
		 * runtime detector that agree */
		nsame = 0;
		for (j = 0; j < n && nsame < 8; j++) {
			const struct finding *g = fs->items.items[j];

			if (j != ord[i] && p->fshown[j] && g->loc.line == f->loc.line &&
			    f->loc.line > 0 && strcmp(g->rule, f->rule) &&
			    report_html_same_file(g->loc.file, f->loc.file))
				same[nsame++] = j;
		}
		if (f->nrelated || nev || nsame) {
			sb_adds(out, "<ul class=\"related\">");
			for (j = 0; j < nsame; j++) {
				sb_addf(out, "<li>same line: <a class=\"xref\" href=\"#f%zu\">[", same[j]);
				html_esc(out, fs->items.items[same[j]]->rule);
				sb_adds(out, "]</a> ");
				html_esc(out, fs->items.items[same[j]]->message);
				sb_adds(out, "</li>");
			}
			for (j = 0; j < nev; j++) {
				sb_adds(out, "<li>runtime evidence: <a class=\"xref\" href=\"#");
				html_group_anchor(out, ev[j].set, ev[j].row);
				sb_addf(out, "\">goroutine group #%zu", ev[j].row + 1);
				if (p->groups.len > 1) {
					sb_adds(out, " of ");
					html_esc(out, p->groups.items[ev[j].set]->title);
				}
				sb_addf(out, "</a>: %llu goroutine%s blocked here</li>",
					(unsigned long long)ev[j].count, ev[j].count == 1 ? "" : "s");
			}
			for (j = 0; j < f->nrelated; j++) {
				const struct report_loc *r = &f->related[j];

				sb_adds(out, "<li><span class=\"loc\">");
				add_loc_text(out, r);
				sb_adds(out, "</span>");
				if (r->message && *r->message) {
					sb_adds(out, ": ");
					html_esc(out, r->message);
				}
				sb_adds(out, "</li>");
			}
			sb_adds(out, "</ul>\n");
		}
		sb_adds(out, "</article>\n");
	}
	if (n > REPORT_HTML_MAX_FINDINGS)
		sb_addf(out, "<p class=\"note\">%zu more findings not shown; the page lists the "
			"first %d (most severe first). Use --format json for all.</p>\n",
			n - REPORT_HTML_MAX_FINDINGS, REPORT_HTML_MAX_FINDINGS);
	sb_adds(out, "</section>\n");
}

static void write_table(struct sb *out, const struct report_table *t)
{
	size_t i, j;

	sb_adds(out, "<h3>");
	html_esc(out, t->title);
	sb_adds(out, "</h3>\n");
	if (t->note) {
		sb_adds(out, "<pre class=\"muted\">");
		html_esc(out, t->note);
		sb_adds(out, "</pre>\n");
	}
	sb_adds(out, "<table class=\"top filterable\"><thead><tr>");
	for (j = 0; j < t->ncol; j++) {
		sb_addf(out, "<th%s>", t->numeric[j] ? " class=\"num\"" : "");
		html_esc(out, t->cols[j]);
		sb_adds(out, "</th>");
	}
	sb_adds(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < t->rows.len; i++) {
		sb_adds(out, "<tr>");
		for (j = 0; j < t->ncol; j++) {
			sb_addf(out, "<td%s>", t->numeric[j] ? " class=\"num\"" : "");
			html_esc(out, t->rows.items[i][j]);
			sb_adds(out, "</td>");
		}
		sb_adds(out, "</tr>\n");
	}
	sb_adds(out, "</tbody></table>\n");
	if (t->total_rows > t->rows.len)
		sb_addf(out, "<p class=\"note\">%zu more rows not shown.</p>\n",
			t->total_rows - t->rows.len);
}

static void footer_item(struct sb *out, const char *name, const char *value)
{
	if (!value)
		return;
	sb_addf(out, "<dt>%s</dt><dd>", name);
	html_esc(out, value);
	sb_adds(out, "</dd>\n");
}

static void write_footer(struct sb *out, const struct report_page *p)
{
	size_t i;

	sb_adds(out, "<footer id=\"footer\"><dl>\n");
	footer_item(out, "command", p->command_line);
	sb_adds(out, "<dt>leakhound</dt><dd>");
	html_esc(out, report_tool_version);
	sb_adds(out, "</dd>\n");
	footer_item(out, "target", p->target);
	footer_item(out, "Go version", p->go_version);
	footer_item(out, "started", p->started);
	footer_item(out, "ended", p->ended);
	footer_item(out, "generated", p->generated);
	if (p->inputs.len) {
		sb_adds(out, "<dt>inputs</dt><dd><ul class=\"inputs\">");
		for (i = 0; i < p->inputs.len; i++) {
			const struct report_input *in = &p->inputs.items[i];

			sb_adds(out, "<li><code>");
			html_esc(out, in->name);
			sb_adds(out, "</code> (");
			html_esc(out, in->kind);
			sb_adds(out, ")");
			if (in->note) {
				sb_adds(out, ": ");
				html_esc(out, in->note);
			}
			sb_adds(out, "</li>");
		}
		sb_adds(out, "</ul></dd>\n");
	}
	sb_adds(out, "</dl></footer>\n");
}

void report_write_html(struct sb *out, struct report_page *p)
{
	const char *title = p->title ? p->title : "leakhound report";
	size_t *ord = NULL, i, nf = p->findings ? p->findings->items.len : 0;

	if (!p->generated) {
		struct sb t = SB_INIT;

		now_text(&t);
		p->generated = report_page_str(p, sb_str(&t));
		sb_release(&t);
	}
	if (p->findings) {
		ord = finding_order(p->findings);
		p->fshown = arena_zalloc(&p->arena, nf + 1);
		for (i = 0; i < nf && i < REPORT_HTML_MAX_FINDINGS; i++)
			p->fshown[ord[i]] = 1;
	}

	sb_adds(out, "<!DOCTYPE html>\n<html lang=\"en\" data-leakhound=\"static\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		"style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-src data:\">\n"
		"<meta name=\"generator\" content=\"leakhound ");
	html_esc(out, report_tool_version);
	sb_adds(out, "\">\n<title>");
	html_esc(out, title);
	sb_adds(out, "</title>\n<style>\n");
	for (i = 0; css[i]; i++)
		sb_adds(out, css[i]);
	sb_adds(out, "</style>\n</head>\n<body>\n");

	sb_adds(out, "<header class=\"top\"><h1>");
	html_esc(out, title);
	sb_adds(out, "</h1>\n<nav><a href=\"#summary\">summary</a>");
	if (p->series.len)
		sb_adds(out, "<a href=\"#charts\">time series</a>");
	if (p->svgs.len)
		sb_adds(out, "<a href=\"#flame\">flame graphs</a>");
	if (p->graphs.len)
		sb_adds(out, "<a href=\"#graph\">call graphs</a>");
	if (p->groups.len)
		sb_adds(out, "<a href=\"#goroutines\">goroutines</a>");
	if (p->findings)
		sb_addf(out, "<a href=\"#findings\">findings (%zu)</a>", nf);
	if (p->tables.len)
		sb_adds(out, "<a href=\"#profiles\">profiles</a>");
	sb_adds(out, "<a href=\"#footer\">about</a></nav>\n"
		"<input id=\"q\" type=\"search\" placeholder=\"filter findings and tables\" hidden>\n"
		"</header>\n<main>\n");

	write_summary(out, p, ord);
	if (p->series.len)
		write_charts(out, p);
	if (p->svgs.len) {
		sb_adds(out, "<section id=\"flame\"><h2>Flame graphs</h2>\n");
		for (i = 0; i < p->svgs.len; i++) {
			sb_adds(out, "<div class=\"flame\"><h3>");
			html_esc(out, p->svgs.items[i].title);
			sb_adds(out, "</h3>\n");
			write_svg_frame(out, &p->svgs.items[i]);
			sb_adds(out, "</div>\n");
		}
		sb_adds(out, "</section>\n");
	}
	if (p->graphs.len)
		report_html_graphs(out, p, write_svg_frame);
	if (p->groups.len) {
		sb_adds(out, "<section id=\"goroutines\"><h2>Goroutine groups"
			"<button class=\"toggle\" data-target=\"goroutines\" hidden>expand all</button></h2>\n");
		for (i = 0; i < p->groups.len; i++)
			report_html_groups(out, p, p->groups.items[i], i);
		sb_adds(out, "</section>\n");
	}
	if (p->findings)
		write_findings(out, p, ord);
	if (p->tables.len) {
		sb_adds(out, "<section id=\"profiles\"><h2>Profiles</h2>\n");
		for (i = 0; i < p->tables.len; i++)
			write_table(out, p->tables.items[i]);
		sb_adds(out, "</section>\n");
	}
	sb_adds(out, "</main>\n");
	write_footer(out, p);
	sb_addf(out, "<script>\n%s</script>\n</body>\n</html>\n", script);
	free(ord);
}
