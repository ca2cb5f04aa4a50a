/*
 * ui_views: the pages of `leakhound ui`.
 *
 * Each view runs the library report of the matching command on a fresh
 * parse of the snapshot's bytes and puts its output in HTML: the Top
 * table is pprof_report_top's rows, Source the text of pprof_report_list,
 * Peek pprof_report_tree's, Graph pprof_report_dot's, Flame an <iframe> on
 * pprof_flame_svg's document (its script zooms and searches), Trend the
 * snapshots' totals and pprof_report_top on the latest with the first as
 * a -base.  Every string that reaches the page is escaped; a bad option or
 * expression is a 400 page that says what is wrong, with the form to fix
 * it.  The text views also answer as text/plain (`/top.txt`, ...), which
 * is what the commands print.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <ctype.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "ui.h"
#include "../base/xalloc.h"
#include "../gv/gv.h"
#include "../pprof/dot.h"
#include "../pprof/flame.h"
#include "../pprof/report.h"
#include "../watch/watch.h"

/* The query arguments the form carries, in the order of the links. */
static const char *const params[] = {
	"p", "si", "focus", "ignore", "hide", "show", "nodecount", "q",
	"list", "peek",
};
#define NPARAMS (sizeof(params) / sizeof(params[0]))

struct req {
	struct ui *u;
	struct ui_page *pg;
	const char *view;        /* "top", "flame", ... */
	const char *arg[NPARAMS];  /* NULL when absent or empty */
	size_t ti;               /* target index */
	struct pprof_report_opts o;
	pcre2_code *q;           /* the search box, or NULL */
	pcre2_match_data *md;
	struct sb err;           /* a 400's message */
	int width;               /* flame.svg?width=N, 0: the default */
};

static const char *arg_of(const struct req *r, const char *name)
{
	size_t i;

	for (i = 0; i < NPARAMS; i++)
		if (!strcmp(params[i], name))
			return r->arg[i];
	return NULL;
}

static void url_enc(struct sb *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || strchr("-_.~", c))
			sb_addc(out, (char)c);
		else {
			sb_addc(out, '%');
			sb_addc(out, hex[c >> 4]);
			sb_addc(out, hex[c & 15]);
		}
	}
}

/* href="/VIEW?..." with r's arguments, name set to val (NULL: dropped). */
static void add_href(struct sb *out, const struct req *r, const char *view,
		     const char *name, const char *val)
{
	struct sb u = SB_INIT;
	size_t i;
	char sep = '?';

	sb_addf(&u, "/%s", view);
	for (i = 0; i < NPARAMS; i++) {
		const char *v = name && !strcmp(params[i], name) ? val : r->arg[i];

		/* list and peek belong to their views */
		if (!v || (!strcmp(params[i], "list") && strcmp(view, "source")) ||
		    (!strcmp(params[i], "peek") && strcmp(view, "peek")))
			continue;
		sb_addc(&u, sep);
		sep = '&';
		sb_addf(&u, "%s=", params[i]);
		url_enc(&u, v);
	}
	sb_add_html(out, sb_str(&u));
	sb_release(&u);
}

/* A regular expression that matches s literally, anchored (Go's syntax
 * and PCRE2 agree on backslash escapes of punctuation). */
static void add_quoted_re(struct sb *out, const char *s)
{
	sb_addc(out, '^');
	for (; *s; s++) {
		if (strchr("\\.+*?()|[]{}^$", *s))
			sb_addc(out, '\\');
		sb_addc(out, *s);
	}
	sb_addc(out, '$');
}

static int fail(struct req *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int fail(struct req *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_reset(&r->err);
	sb_vaddf(&r->err, fmt, ap);
	va_end(ap);
	if (r->pg->code == 200)
		r->pg->code = 400;
	return -1;
}

static const char style[] =
"<style>\n"
"body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fff}\n"
"header{background:#23395b;color:#fff;padding:6px 12px;display:flex;gap:18px;align-items:center;flex-wrap:wrap}\n"
"header a{color:#cfe0ff;text-decoration:none;padding:2px 8px;border-radius:3px}\n"
"header a.on{background:#fff;color:#23395b;font-weight:600}\n"
"header .src{margin-left:auto;font-family:monospace;color:#ddd}\n"
"form{padding:8px 12px;background:#eef2f7;border-bottom:1px solid #ccd;display:flex;flex-wrap:wrap;gap:10px;align-items:end}\n"
"form label{display:flex;flex-direction:column;font-size:12px;color:#445}\n"
"form input{font:13px monospace;width:11em}\n"
"form input.n{width:5em}\n"
"main{padding:8px 12px}\n"
"pre{font:12.5px/1.35 monospace;margin:0;white-space:pre;overflow-x:auto}\n"
"pre.hdr{color:#555;margin-bottom:6px}\n"
"table{border-collapse:collapse;font:12.5px monospace}\n"
"th,td{padding:1px 8px;text-align:right;border-bottom:1px solid #eee}\n"
"td.name,th.name{text-align:left}\n"
"td.name a{color:#0645ad;text-decoration:none}\n"
"tr.grew td{background:#fff1ef}\n"
"mark{background:#ffe564}\n"
".lint{color:#a40000;background:#fff3f3;display:block}\n"
".error{color:#a40000;font-weight:600;white-space:pre-wrap}\n"
".note{color:#555;margin:6px 0}\n"
"iframe.flame{width:100%;height:75vh;border:0}\n"
"svg.trend{background:#fafafa;border:1px solid #ccd}\n"
"#graph svg{max-width:100%;height:auto}\n"
"</style>\n";

static const char *const views[][2] = {
	{ "top", "Top" }, { "graph", "Graph" }, { "flame", "Flame" },
	{ "peek", "Peek" }, { "source", "Source" }, { "trend", "Trend" },
};

static void input(struct sb *out, const struct req *r, const char *name,
		  const char *label, int narrow)
{
	const char *v = arg_of(r, name);

	sb_addf(out, "<label>%s<input%s name=\"%s\" value=\"", label,
		narrow ? " class=\"n\"" : "", name);
	sb_add_html(out, v ? v : "");
	sb_adds(out, "\"></label>\n");
}

static void page_head(struct req *r, const char *title)
{
	struct sb *out = &r->pg->body;
	struct ui_target *t = &r->u->t[r->ti];
	const char *si = arg_of(r, "si");
	size_t i;

	sb_adds(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
		"<title>leakhound ui: ");
	sb_add_html(out, title);
	sb_adds(out, " - ");
	sb_add_html(out, t->src);
	sb_adds(out, "</title>\n");
	sb_adds(out, style);
	sb_addf(out, "</head>\n<body data-view=\"%s\">\n<header><b>leakhound</b><nav>", r->view);
	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		sb_addf(out, "<a%s href=\"", strcmp(views[i][0], r->view) ? "" : " class=\"on\"");
		add_href(out, r, views[i][0], NULL, NULL);
		sb_addf(out, "\">%s</a>", views[i][1]);
	}
	sb_adds(out, "</nav><span class=\"src\">");
	sb_add_html(out, t->src);
	sb_adds(out, "</span></header>\n");
	sb_addf(out, "<form method=\"get\" action=\"/%s\">\n", r->view);
	if (r->u->nt > 1) {
		sb_adds(out, "<label>profile<select name=\"p\">");
		for (i = 0; i < r->u->nt; i++) {
			sb_addf(out, "<option value=\"%zu\"%s>", i, i == r->ti ? " selected" : "");
			sb_add_html(out, r->u->t[i].src);
			sb_adds(out, "</option>");
		}
		sb_adds(out, "</select></label>\n");
	}
	sb_adds(out, "<label>sample index<select name=\"si\"><option value=\"\">(default)</option>");
	for (i = 0; i < t->ntypes; i++) {
		sb_adds(out, "<option");
		if (si && !strcmp(si, t->types[i]))
			sb_adds(out, " selected");
		sb_adds(out, ">");
		sb_add_html(out, t->types[i]);
		sb_adds(out, "</option>");
	}
	sb_adds(out, "</select></label>\n");
	input(out, r, "focus", "focus", 0);
	input(out, r, "ignore", "ignore", 0);
	input(out, r, "hide", "hide", 0);
	input(out, r, "show", "show", 0);
	input(out, r, "nodecount", "nodecount", 1);
	if (!strcmp(r->view, "source"))
		input(out, r, "list", "list (functions)", 0);
	if (!strcmp(r->view, "peek"))
		input(out, r, "peek", "peek (functions)", 0);
	input(out, r, "q", "search", 0);
	sb_adds(out, "<button type=\"submit\">Apply</button></form>\n<main>\n");
	pthread_mutex_lock(&r->u->mu);
	if (t->error) {
		sb_adds(out, "<p class=\"error\">last refresh failed: ");
		sb_add_html(out, t->error);
		sb_adds(out, "</p>\n");
	}
	pthread_mutex_unlock(&r->u->mu);
}

static void page_tail(struct req *r)
{
	sb_adds(&r->pg->body,
		"</main>\n<script>\n"
		"window.addEventListener('load', function () {\n"
		"  var f = document.querySelector('iframe.flame'), b = document.body;\n"
		"  if (f) { var d = f.contentDocument;\n"
		"    var n = d ? d.querySelectorAll('g.f').length : 0;\n"
		"    b.setAttribute('data-flame-frames', String(n)); }\n"
		"  b.setAttribute('data-leakhound', 'ready');\n"
		"});\n</script>\n</body></html>\n");
}

/* s[0..len) escaped, the search box's matches in <mark>. */
static void add_marked(struct req *r, struct sb *out, const char *s, size_t len)
{
	PCRE2_SIZE off = 0, *ov;
	char *tmp;

	if (!r->q) {
		tmp = xstrndup(s, len);
		sb_add_html(out, tmp);
		free(tmp);
		return;
	}
	while (off <= len &&
	       pcre2_match(r->q, (PCRE2_SPTR)s, len, off, 0, r->md, NULL) > 0) {
		ov = pcre2_get_ovector_pointer(r->md);
		tmp = xstrndup(s + off, ov[0] - off);
		sb_add_html(out, tmp);
		free(tmp);
		if (ov[1] == ov[0]) {   /* an empty match marks nothing */
			if (ov[0] >= len)
				break;
			tmp = xstrndup(s + ov[0], 1);
			sb_add_html(out, tmp);
			free(tmp);
			off = ov[0] + 1;
			continue;
		}
		sb_adds(out, "<mark>");
		tmp = xstrndup(s + ov[0], ov[1] - ov[0]);
		sb_add_html(out, tmp);
		free(tmp);
		sb_adds(out, "</mark>");
		off = ov[1];
	}
	if (off < len) {
		tmp = xstrndup(s + off, len - off);
		sb_add_html(out, tmp);
		free(tmp);
	}
}

static int q_matches(struct req *r, const char *s)
{
	return !r->q || pcre2_match(r->q, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0,
				    r->md, NULL) > 0;
}

/* text in <pre id="out">, line by line with the matches marked. */
static void add_pre(struct req *r, const char *text)
{
	struct sb *out = &r->pg->body;
	const char *p = text, *nl;

	sb_adds(out, "<pre id=\"out\">");
	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		add_marked(r, out, p, (size_t)(nl - p));
		if (*nl)
			sb_addc(out, '\n');
		p = *nl ? nl + 1 : nl;
	}
	sb_adds(out, "</pre>\n");
}

/* A fresh prepared profile of the snapshot (base: subtracted), or NULL
 * after fail(). */
static struct pprof_profile *load(struct req *r, struct ui_snap *s,
				  const struct ui_snap *base)
{
	struct err e = ERR_INIT;
	struct pprof_profile *p;
	const char *name = r->u->t[r->ti].src;

	p = base ? NULL : ui_snap_take_parsed(r->u, s);
	if (p)
		p = pprof_load_parsed(p, &e);   /* the profile read_snap checked */
	else
		p = pprof_load_bytes(s->data, s->len, name, base ? base->data : NULL,
				     base ? base->len : 0, name, false,
				     r->u->parse_flags, &e);
	if (!p)
		fail(r, "%s", e.msg);
	return p;
}

/* The Top table of rep; with a search, only the rows that match. */
static void add_table(struct req *r, const struct pprof_report *rep, int growth)
{
	struct sb *out = &r->pg->body;
	struct sb v = SB_INIT;
	char pc[16];
	int64_t flat_sum = 0;
	size_t i, shown = 0;

	sb_adds(out, "<pre class=\"hdr\" id=\"hdr\">");
	for (i = 0; i < rep->nheader; i++) {
		sb_add_html(out, rep->header[i]);
		sb_addc(out, '\n');
	}
	sb_adds(out, "</pre>\n<table id=\"top\"><thead><tr><th>flat</th><th>flat%</th>"
		"<th>sum%</th><th>cum</th><th>cum%</th><th class=\"name\">name</th></tr>"
		"</thead><tbody>\n");
	for (i = 0; i < rep->nrow; i++) {
		const struct pprof_row *row = &rep->row[i];

		flat_sum += row->flat;
		if (!q_matches(r, row->name))
			continue;
		shown++;
		sb_addf(out, "<tr%s><td>", growth && row->flat > 0 ? " class=\"grew\"" : "");
		sb_reset(&v);
		pprof_scaled_label(&v, row->flat, rep->sample_unit, rep->output_unit);
		sb_add_html(out, sb_str(&v));
		pprof_percentage(pc, row->flat, rep->total);
		sb_addf(out, "</td><td>%s</td>", pc);
		pprof_percentage(pc, flat_sum, rep->total);
		sb_addf(out, "<td>%s</td><td>", pc);
		sb_reset(&v);
		pprof_scaled_label(&v, row->cum, rep->sample_unit, rep->output_unit);
		sb_add_html(out, sb_str(&v));
		pprof_percentage(pc, row->cum, rep->total);
		sb_addf(out, "</td><td>%s</td><td class=\"name\">", pc);
		if (*row->function) {
			sb_reset(&v);
			add_quoted_re(&v, row->function);
			sb_adds(out, "<a title=\"its source lines\" href=\"");
			add_href(out, r, "source", "list", sb_str(&v));
			sb_adds(out, "\">");
			add_marked(r, out, row->name, strlen(row->name));
			sb_adds(out, "</a>");
		} else {
			add_marked(r, out, row->name, strlen(row->name));
		}
		if (*row->inline_label) {
			sb_addc(out, ' ');
			sb_add_html(out, row->inline_label);
		}
		sb_adds(out, "</td></tr>\n");
	}
	sb_adds(out, "</tbody></table>\n");
	if (r->q)
		sb_addf(out, "<p class=\"note\">%zu of %zu rows match the search.</p>\n",
			shown, rep->nrow);
	sb_release(&v);
}

static void warn_unmatched(struct req *r, unsigned unmatched)
{
	static const char *const names[] = { "focus", "ignore", "hide", "show",
					     "show-from", "tagfocus", "tagignore" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (unmatched & (1u << i))
			sb_addf(&r->pg->body, "<p class=\"note\">warning: the %s expression "
				"matched no samples</p>\n", names[i]);
}

static int view_top(struct req *r, int text)
{
	struct ui_snap *s = ui_snap_get(r->u, r->ti, 0);
	struct pprof_profile *p = load(r, s, NULL);
	struct pprof_report rep;
	struct err e = ERR_INIT;
	int rc;

	if (!p) {
		ui_snap_put(r->u, s);
		return -1;
	}
	rc = pprof_report_top(p, &r->o, &rep, &e);
	pprof_profile_free(p);
	ui_snap_put(r->u, s);
	if (rc)
		return fail(r, "%s", e.msg);
	if (text) {
		pprof_report_text(&rep, &r->pg->body);
	} else {
		page_head(r, "Top");
		warn_unmatched(r, rep.unmatched);
		add_table(r, &rep, 0);
		page_tail(r);
	}
	pprof_report_release(&rep);
	return 0;
}

static int view_flame(struct req *r, int svg)
{
	struct ui_snap *s;
	struct pprof_profile *p;
	struct pprof_flame f;
	struct err e = ERR_INIT;
	int rc;

	if (!svg) {
		const char *q = arg_of(r, "q");

		page_head(r, "Flame");
		/* the graph is drawn as wide as its frame: the script below asks
		 * for that width (without scripts, the default 1200) */
		sb_adds(&r->pg->body, "<iframe class=\"flame\" id=\"flame\" title=\"flame graph\" src=\"");
		add_href(&r->pg->body, r, "flame.svg", NULL, NULL);
		if (q) {
			struct sb h = SB_INIT;

			sb_adds(&h, "#search=");
			url_enc(&h, q);
			sb_add_html(&r->pg->body, sb_str(&h));
			sb_release(&h);
		}
		sb_adds(&r->pg->body, "\"></iframe>\n<script>\n"
			"(function () {\n"
			"  var f = document.getElementById('flame'), u = f.getAttribute('src');\n"
			"  var i = u.indexOf('#'), h = i < 0 ? '' : u.slice(i); if (i >= 0) u = u.slice(0, i);\n"
			"  var w = Math.max(300, Math.min(100000, f.clientWidth - 4));\n"
			"  f.src = u + (u.indexOf('?') < 0 ? '?' : '&') + 'width=' + w + h;\n"
			"  f.addEventListener('load', function () {\n"
			"    var s = f.contentDocument && f.contentDocument.documentElement;\n"
			"    if (s && s.getAttribute('height')) f.style.height = (+s.getAttribute('height') + 4) + 'px';\n"
			"  });\n"
			"})();\n</script>\n");
		page_tail(r);
		return 0;
	}
	s = ui_snap_get(r->u, r->ti, 0);
	p = load(r, s, NULL);
	ui_snap_put(r->u, s);
	if (!p)
		return -1;
	rc = pprof_flame_build(&f, p, &r->o, &e);
	pprof_profile_free(p);
	if (rc) {
		pprof_flame_release(&f);
		return fail(r, "%s", e.msg);
	}
	pprof_flame_svg(&f, NULL, r->width, &r->pg->body);
	pprof_flame_release(&f);
	r->pg->type = "image/svg+xml";
	return 0;
}

/* The realpath of profile file f under --src (the longest suffix of f
 * that exists there, as watch's --src matches them), or NULL. */
static char *src_real(const struct ui *u, const char *f)
{
	char buf[PATH_MAX * 2];
	const char *p;
	char *rp = realpath(f, NULL);

	if (rp)
		return rp;
	for (p = f; p; p = strchr(p + 1, '/')) {
		const char *suffix = *p == '/' ? p + 1 : p;

		if (!*suffix)
			break;
		snprintf(buf, sizeof(buf), "%s/%s", u->src, suffix);
		if ((rp = realpath(buf, NULL)))
			return rp;
	}
	return NULL;
}

/* The list text with the matches marked and, with --src, the lint
 * findings of each listed line under it. */
static void add_listing(struct req *r, const char *text)
{
	struct sb *out = &r->pg->body;
	const struct ui *u = r->u;
	const char *p = text, *nl;
	char *file = NULL;
	size_t j;

	sb_adds(out, "<pre id=\"out\">");
	while (*p) {
		long ln = 0;
		const char *colon;

		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		add_marked(r, out, p, (size_t)(nl - p));
		sb_addc(out, '\n');
		if (u->src && !strncmp(p, "ROUTINE =", 9)) {
			const char *in = strstr(p, " in ");
			free(file);
			file = NULL;
			if (in && in < nl) {
				char *f = xstrndup(in + 4, (size_t)(nl - in - 4));
				file = src_real(u, f);
				free(f);
			}
		} else if (file && (colon = memchr(p, ':', (size_t)(nl - p))) &&
			   colon - p > 22) {
			/* "      flat        cum  LINE:source" */
			const char *d = colon;
			while (d > p && isdigit((unsigned char)d[-1]))
				d--;
			if (d < colon && (d == p || d[-1] == ' '))
				ln = strtol(d, NULL, 10);
		}
		for (j = 0; ln > 0 && j < u->lint.items.len; j++) {
			const struct finding *l = u->lint.items.items[j];

			if (l->loc.line != ln || !u->lint_real[j] || strcmp(u->lint_real[j], file))
				continue;
			sb_adds(out, "<span class=\"lint\">                            ^ lint ");
			sb_add_html(out, l->rule);
			sb_adds(out, ": ");
			sb_add_html(out, l->message);
			sb_adds(out, "</span>");
		}
		p = *nl ? nl + 1 : nl;
	}
	free(file);
	sb_adds(out, "</pre>\n");
}

static int view_source(struct req *r, int text)
{
	struct ui_snap *s = ui_snap_get(r->u, r->ti, 0);
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb listing = SB_INIT, re = SB_INIT;
	const char *list = arg_of(r, "list");
	unsigned unmatched = 0;
	int rc;

	if (!list) {
		/* pprof's page starts on the heaviest function: the top row */
		struct pprof_report rep;

		p = load(r, s, NULL);
		if (!p) {
			ui_snap_put(r->u, s);
			return -1;
		}
		rc = pprof_report_top(p, &r->o, &rep, &e);
		pprof_profile_free(p);
		if (rc) {
			ui_snap_put(r->u, s);
			return fail(r, "%s", e.msg);
		}
		if (rep.nrow && *rep.row[0].function)
			add_quoted_re(&re, rep.row[0].function);
		pprof_report_release(&rep);
		if (!re.len) {
			ui_snap_put(r->u, s);
			return fail(r, "no function to list: give one in 'list'");
		}
		list = sb_str(&re);
	}
	p = load(r, s, NULL);
	ui_snap_put(r->u, s);
	if (!p) {
		sb_release(&re);
		return -1;
	}
	rc = pprof_report_list(p, &r->o, list, r->u->src, &listing, &unmatched, &e);
	pprof_profile_free(p);
	if (rc) {
		sb_release(&listing);
		sb_release(&re);
		return fail(r, "%s", e.msg);
	}
	if (text) {
		sb_add(&r->pg->body, listing.buf, listing.len);
	} else {
		page_head(r, "Source");
		warn_unmatched(r, unmatched);
		sb_adds(&r->pg->body, "<p class=\"note\">leakhound list ");
		sb_add_html(&r->pg->body, list);
		sb_adds(&r->pg->body, "</p>\n");
		add_listing(r, sb_str(&listing));
		page_tail(r);
	}
	sb_release(&listing);
	sb_release(&re);
	return 0;
}

static int view_peek(struct req *r, int text)
{
	struct ui_snap *s = ui_snap_get(r->u, r->ti, 0);
	struct pprof_profile *p = load(r, s, NULL);
	struct err e = ERR_INIT;
	struct sb tree = SB_INIT;
	unsigned unmatched = 0;
	int rc;

	ui_snap_put(r->u, s);
	if (!p)
		return -1;
	rc = pprof_report_tree(p, &r->o, arg_of(r, "peek"), &tree, &unmatched, &e);
	pprof_profile_free(p);
	if (rc) {
		sb_release(&tree);
		return fail(r, "%s", e.msg);
	}
	if (text) {
		sb_add(&r->pg->body, tree.buf, tree.len);
	} else {
		page_head(r, "Peek");
		warn_unmatched(r, unmatched);
		add_pre(r, sb_str(&tree));
		page_tail(r);
	}
	sb_release(&tree);
	return 0;
}

/* The search box on the graph: the nodes whose function matches are
 * filled yellow (the tooltip of a node's link is "NAME (VALUE)"). */
static void add_graph_search(struct req *r)
{
	struct sb *out = &r->pg->body;
	const char *q = arg_of(r, "q");

	sb_adds(out, "<script id=\"graph-search\" data-q=\"");
	sb_add_html(out, q);
	sb_adds(out, "\">\n(function () {\n"
		"  var rx; try { rx = new RegExp(document.getElementById('graph-search').getAttribute('data-q')); }\n"
		"  catch (e) { return; }\n"
		"  var n = 0, X = 'http://www.w3.org/1999/xlink';\n"
		"  document.querySelectorAll('#graph g.node').forEach(function (g) {\n"
		"    var id = g.querySelector('title');\n"
		"    if (!id || !/^N[0-9]+$/.test(id.textContent)) return;  // the legend\n"
		"    var a = g.querySelector('a'), t = a ? (a.getAttributeNS(X, 'title') || a.getAttribute('xlink:title') || '') : '';\n"
		"    if (!rx.test(t.replace(/ \\([^()]*\\)$/, ''))) return;\n"
		"    n++; g.querySelectorAll('polygon').forEach(function (p) { p.setAttribute('fill', '#ffe564'); });\n"
		"  });\n"
		"  document.body.setAttribute('data-graph-matches', String(n));\n"
		"})();\n</script>\n");
}

static int view_graph(struct req *r, int text)
{
	struct ui_snap *s = ui_snap_get(r->u, r->ti, 0);
	struct pprof_profile *p = load(r, s, NULL);
	struct err e = ERR_INIT;
	struct sb dot = SB_INIT;
	unsigned unmatched = 0;
	int rc;

	ui_snap_put(r->u, s);
	if (!p)
		return -1;
	rc = pprof_report_dot(p, &r->o, &dot, &unmatched, &e);
	pprof_profile_free(p);
	if (rc) {
		sb_release(&dot);
		return fail(r, "%s", e.msg);
	}
	if (text) {
		sb_add(&r->pg->body, dot.buf, dot.len);
	} else {
		page_head(r, "Graph");
		warn_unmatched(r, unmatched);
		{
			struct sb svg = SB_INIT;
			const char *start;

			if (gv_dot_to_svg(dot.buf, dot.len, &svg, &e) == 0 &&
			    (start = strstr(sb_str(&svg), "<svg"))) {
				/* the document's <svg> element inline: no script in it */
				sb_adds(&r->pg->body, "<div id=\"graph\">\n");
				sb_adds(&r->pg->body, start);
				sb_adds(&r->pg->body, "</div>\n");
				if (r->q)
					add_graph_search(r);
				sb_release(&svg);
				page_tail(r);
				sb_release(&dot);
				return 0;
			}
			sb_release(&svg);
			/* a layout that fails still leaves the graph to read */
			sb_adds(&r->pg->body, "<p class=\"error\">");
			sb_add_html(&r->pg->body, e.msg);
			sb_adds(&r->pg->body, "</p>\n<p class=\"note\">The call graph in "
				"Graphviz DOT, as <code>leakhound graph --format dot</code> "
				"writes it:</p>\n");
		}
		add_pre(r, sb_str(&dot));
		page_tail(r);
	}
	sb_release(&dot);
	return 0;
}

/* The trend's line: the totals of every kept snapshot over time. */
static void add_trend_svg(struct sb *out, const double *t, const double *v, size_t n,
			  const char *unit)
{
	const int W = 640, H = 160, L = 60, R = 10, T = 10, B = 24;
	double t0 = t[0], t1 = t[n - 1], lo = v[0], hi = v[0];
	size_t i;

	for (i = 1; i < n; i++) {
		if (v[i] < lo) lo = v[i];
		if (v[i] > hi) hi = v[i];
	}
	if (lo > 0)
		lo = 0;
	if (hi <= lo)
		hi = lo + 1;
	if (t1 <= t0)
		t1 = t0 + 1;
	sb_addf(out, "<svg class=\"trend\" id=\"trend\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"totals over time\">\n",
		W, H, W, H);
	sb_addf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
		L, H - B, W - R, H - B);
	sb_addf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
		L, T, L, H - B);
	sb_addf(out, "<text x=\"4\" y=\"%d\" font-size=\"11\">%.4g</text>\n", T + 10, hi);
	sb_addf(out, "<text x=\"4\" y=\"%d\" font-size=\"11\">%.4g</text>\n", H - B, lo);
	sb_addf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", L, H - 6);
	sb_add_html(out, unit);   /* the profile's own unit name */
	sb_addf(out, ", over %.0f s</text>\n", t1 - t0);
	sb_adds(out, "<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"");
	for (i = 0; i < n; i++)
		sb_addf(out, "%s%.1f,%.1f", i ? " " : "",
			L + (t[i] - t0) / (t1 - t0) * (W - L - R),
			(H - B) - (v[i] - lo) / (hi - lo) * (H - B - T));
	sb_adds(out, "\"/>\n");
	for (i = 0; i < n; i++)
		sb_addf(out, "<circle class=\"pt\" r=\"3\" fill=\"#c0392b\" cx=\"%.1f\" cy=\"%.1f\"/>\n",
			L + (t[i] - t0) / (t1 - t0) * (W - L - R),
			(H - B) - (v[i] - lo) / (hi - lo) * (H - B - T));
	sb_adds(out, "</svg>\n");
}

/* --src on the Trend: the lint findings at the lines, and in the
 * functions, whose cum grew (watch_src_link, as `watch --src` cites them):
 * the growth is often in the standard library (time.NewTimer), its cause
 * at a line of the caller.  The sites are the diff's rows at lines
 * granularity, which carry their line numbers. */
static void add_trend_lint(struct req *r, struct ui_snap *last, struct ui_snap *first)
{
	struct sb *out = &r->pg->body;
	struct pprof_report_opts o = r->o;
	struct pprof_profile *p;
	struct pprof_report rep;
	struct findings fs;
	struct err e = ERR_INIT;
	size_t i, j, n = 0;

	o.granularity = PPROF_GRAN_LINES;
	o.nodecount = -1;
	p = load(r, last, first);
	if (!p || pprof_report_top(p, &o, &rep, &e)) {
		if (p)
			pprof_profile_free(p);
		r->pg->code = 200;
		return;
	}
	pprof_profile_free(p);
	findings_init(&fs);
	for (i = 0; i < rep.nrow && n < 50; i++) {
		const struct pprof_row *row = &rep.row[i];
		struct report_loc loc;

		if (row->cum <= 0 || !*row->file || row->line <= 0)
			continue;
		memset(&loc, 0, sizeof(loc));
		loc.file = row->file;
		loc.line = (int)row->line;
		findings_add(&fs, "growing-allocation-site", REPORT_SEV_WARNING,
			     REPORT_CONF_MEDIUM, &loc, row->name, NULL);
		n++;
	}
	pprof_report_release(&rep);
	watch_src_link(&fs, r->u->src, r->u->include_tests, &e);
	sb_adds(out, "<h3>Lint findings in the functions that grew (--src)</h3>\n<ul id=\"trend-lint\">\n");
	n = 0;
	for (i = 0; i < fs.items.len; i++) {
		const struct finding *f = fs.items.items[i];
		const char *semi = strstr(f->message, "; ");
		struct sb name = SB_INIT;

		if (!f->nrelated || !semi)
			continue;
		n++;
		sb_add(&name, f->message, (size_t)(semi - f->message));
		sb_adds(out, "<li><b>");
		sb_add_html(out, sb_str(&name));
		sb_adds(out, "</b>: ");
		sb_add_html(out, semi + 2);
		for (j = 0; j < f->nrelated; j++) {
			sb_adds(out, " <small>");
			sb_add_html(out, f->related[j].message ? f->related[j].message : "");
			sb_adds(out, "</small>");
		}
		sb_adds(out, "</li>\n");
		sb_release(&name);
	}
	if (!n)
		sb_adds(out, "<li>none</li>\n");
	sb_adds(out, "</ul>\n");
	if (e.msg[0]) {
		sb_adds(out, "<p class=\"error\">--src: ");
		sb_add_html(out, e.msg);
		sb_adds(out, "</p>\n");
	}
	findings_release(&fs);
}

static int view_trend(struct req *r)
{
	struct ui *u = r->u;
	struct ui_target *tg = &u->t[r->ti];
	struct ui_snap **ss, *first, *last;
	struct pprof_profile *p;
	struct pprof_report rep;
	struct err e = ERR_INIT;
	struct sb *out = &r->pg->body, v = SB_INIT;
	double *ts, *vs;
	const char *unit;
	size_t i, n, dropped;
	int idx, rc;
	char tbuf[32];

	/* the sample index resolved on the first snapshot, as a report would */
	first = ui_snap_get(u, r->ti, 1);
	p = pprof_profile_parse_flags(first->data, first->len, tg->src, u->parse_flags, &e);
	if (!p) {
		ui_snap_put(u, first);
		return fail(r, "%s", e.msg);
	}
	idx = pprof_sample_index(p, r->o.sample_index ? r->o.sample_index : "", &e);
	unit = idx >= 0 ? arena_strdup(&p->arena, p->sample_type[idx].unit) : "";
	if (idx < 0) {
		pprof_profile_free(p);
		ui_snap_put(u, first);
		return fail(r, "%s", e.msg);
	}
	pthread_mutex_lock(&u->mu);
	n = tg->nsnap;
	dropped = tg->dropped;
	ss = xcalloc(n, sizeof(*ss));
	for (i = 0; i < n; i++) {
		ss[i] = tg->snap[i];
		ss[i]->refs++;
	}
	pthread_mutex_unlock(&u->mu);
	last = ss[n - 1];
	page_head(r, "Trend");
	sb_addf(out, "<p class=\"note\" id=\"nsnap\" data-snapshots=\"%zu\">%zu snapshot%s of ",
		n, n, n == 1 ? "" : "s");
	sb_add_html(out, p->sample_type[idx].type);
	if (tg->url)
		sb_addf(out, ", read every %g s", u->refresh);
	else
		sb_adds(out, " (a file is read once; give a URL to follow a live program)");
	if (dropped)
		sb_addf(out, "; %zu older ones dropped (--keep %zu)", dropped, u->keep);
	sb_adds(out, ".</p>\n");
	ts = xcalloc(n, sizeof(*ts));
	vs = xcalloc(n, sizeof(*vs));
	for (i = 0; i < n; i++) {
		const char *su;

		ts[i] = ss[i]->time;
		vs[i] = (size_t)idx < ss[i]->ntotals
			? pprof_scale_value(ss[i]->totals[idx], unit, "auto", &su) : 0;
	}
	{
		const char *su = unit, *su2;

		if ((size_t)idx < last->ntotals)
			pprof_scale_value(last->totals[idx], unit, "auto", &su);
		/* one scale for the line: the latest total's unit */
		for (i = 0; i < n; i++)
			vs[i] = (size_t)idx < ss[i]->ntotals
				? pprof_scale_value(ss[i]->totals[idx], unit, su, &su2) : 0;
		add_trend_svg(out, ts, vs, n, su);
	}
	sb_adds(out, "<table id=\"snapshots\"><thead><tr><th>#</th><th>time (UTC)</th>"
		"<th>total</th><th class=\"name\">raw</th></tr></thead><tbody>\n");
	for (i = 0; i < n; i++) {
		time_t tt = (time_t)ss[i]->time;
		struct tm tm;

		gmtime_r(&tt, &tm);
		strftime(tbuf, sizeof(tbuf), "%H:%M:%S", &tm);
		sb_reset(&v);
		if ((size_t)idx < ss[i]->ntotals)
			pprof_scaled_label(&v, ss[i]->totals[idx], unit, "auto");
		sb_addf(out, "<tr><td>%zu</td><td>%s</td><td>", i, tbuf);
		sb_add_html(out, sb_str(&v));
		sb_addf(out, "</td><td class=\"name\"><a href=\"/snapshot?p=%zu&amp;n=%zu\">"
			"profile</a></td></tr>\n", r->ti, i);
	}
	sb_adds(out, "</tbody></table>\n");
	pprof_profile_free(p);
	if (n >= 2) {
		sb_adds(out, "<h3>Latest against the first (leakhound top --base FIRST LATEST)</h3>\n");
		p = load(r, last, first);
		rc = p ? pprof_report_top(p, &r->o, &rep, &e) : -1;
		if (p)
			pprof_profile_free(p);
		if (p && rc) {
			sb_adds(out, "<p class=\"error\">");
			sb_add_html(out, e.msg);
			sb_adds(out, "</p>\n");
		} else if (!p) {
			sb_adds(out, "<p class=\"error\">");
			sb_add_html(out, sb_str(&r->err));
			sb_adds(out, "</p>\n");
			r->pg->code = 200;
		} else {
			sb_adds(out, "<div id=\"diff\">\n");
			add_table(r, &rep, 1);
			sb_adds(out, "</div>\n");
			if (u->src)
				add_trend_lint(r, last, first);
			pprof_report_release(&rep);
		}
	}
	page_tail(r);
	for (i = 0; i < n; i++)
		ui_snap_put(u, ss[i]);
	ui_snap_put(u, first);
	free(ss);
	free(ts);
	free(vs);
	sb_release(&v);
	return 0;
}

static int view_snapshot(struct req *r, const char *n)
{
	struct ui_snap *s;
	char *end;
	long i = n ? strtol(n, &end, 10) : -1;

	if (!n || *end || i < 0)
		return fail(r, "snapshot: 'n' must be a snapshot number");
	s = ui_snap_at(r->u, r->ti, (size_t)i);
	if (!s) {
		r->pg->code = 404;
		return fail(r, "no snapshot %ld", i);
	}
	sb_add(&r->pg->body, s->data, s->len);
	ui_snap_put(r->u, s);
	r->pg->type = "application/octet-stream";
	return 0;
}

/* The request's arguments into r->o; -1 after fail() on a bad one. */
static int parse_args(struct req *r)
{
	const char *v;
	char *end;
	long n;
	int ec;
	PCRE2_SIZE eo;

	pprof_report_opts_init(&r->o);
	if ((v = arg_of(r, "p"))) {
		n = strtol(v, &end, 10);
		if (*end || n < 0 || (size_t)n >= r->u->nt)
			return fail(r, "p: no profile %s (there are %zu)", v, r->u->nt);
		r->ti = (size_t)n;
	}
	r->o.sample_index = arg_of(r, "si");
	r->o.focus = arg_of(r, "focus");
	r->o.ignore = arg_of(r, "ignore");
	r->o.hide = arg_of(r, "hide");
	r->o.show = arg_of(r, "show");
	if ((v = arg_of(r, "nodecount"))) {
		n = strtol(v, &end, 10);
		if (*end || n < 0 || !isdigit((unsigned char)*v))
			return fail(r, "nodecount: '%s' is not a count", v);
		r->o.nodecount = n > 1000000000 ? 1000000000 : (int)n;
	}
	if ((v = arg_of(r, "q"))) {
		r->q = pcre2_compile((PCRE2_SPTR)v, PCRE2_ZERO_TERMINATED,
				     PCRE2_DOLLAR_ENDONLY | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
				     &ec, &eo, NULL);
		if (!r->q) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(ec, msg, sizeof(msg));
			return fail(r, "parsing search regexp: %s at offset %zu in '%s'",
				    (char *)msg, (size_t)eo, v);
		}
		r->md = pcre2_match_data_create_from_pattern(r->q, NULL);
	}
	return 0;
}

static void error_page(struct req *r)
{
	unsigned code = r->pg->code;
	char *msg = sb_detach(&r->err, NULL);

	sb_reset(&r->pg->body);
	r->pg->type = "text/html; charset=utf-8";
	if (r->ti >= r->u->nt)
		r->ti = 0;
	page_head(r, "error");
	sb_adds(&r->pg->body, "<p class=\"error\" id=\"error\">leakhound: ");
	sb_add_html(&r->pg->body, msg);
	sb_adds(&r->pg->body, "</p>\n");
	page_tail(r);
	r->pg->code = code;
	free(msg);
}

void ui_render(struct ui *u, const char *path,
	       const char *(*arg)(void *ctx, const char *name), void *ctx,
	       struct ui_page *pg)
{
	struct req r;
	const char *dot;
	size_t i, vl;
	int text, rc = -1;

	memset(&r, 0, sizeof(r));
	r.u = u;
	r.pg = pg;
	sb_init(&r.err);
	for (i = 0; i < NPARAMS; i++) {
		const char *v = arg(ctx, params[i]);
		r.arg[i] = v && *v ? v : NULL;
	}
	if (!strcmp(path, "/"))
		path = "/top";
	path++;
	dot = strchr(path, '.');
	vl = dot ? (size_t)(dot - path) : strlen(path);
	text = dot && !strcmp(dot, ".txt");
	r.view = "top";
	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		if (strlen(views[i][0]) == vl && !strncmp(path, views[i][0], vl))
			r.view = views[i][0];
	if (text)
		pg->type = "text/plain; charset=utf-8";
	{
		const char *w = arg(ctx, "width");
		char *end;
		long n = w ? strtol(w, &end, 10) : 0;

		if (w && !*end && n >= 100 && n <= 100000)
			r.width = (int)n;
	}
	if (parse_args(&r) < 0) {
		rc = -1;
	} else if (!strcmp(path, "top") || !strcmp(path, "top.txt")) {
		rc = view_top(&r, text);
	} else if (!strcmp(path, "flame") || !strcmp(path, "flame.svg")) {
		rc = view_flame(&r, dot != NULL);
	} else if (!strcmp(path, "source") || !strcmp(path, "source.txt")) {
		rc = view_source(&r, text);
	} else if (!strcmp(path, "peek") || !strcmp(path, "peek.txt")) {
		rc = view_peek(&r, text);
	} else if (!strcmp(path, "graph") || !strcmp(path, "graph.dot")) {
		if (dot)
			pg->type = "text/vnd.graphviz; charset=utf-8";
		rc = view_graph(&r, dot != NULL);
	} else if (!strcmp(path, "trend")) {
		rc = view_trend(&r);
	} else if (!strcmp(path, "snapshot")) {
		rc = view_snapshot(&r, arg(ctx, "n"));
	} else {
		pg->code = 404;
		sb_addf(&r.err, "no page '/%s' (the views are /top, /graph, /flame, "
			"/peek, /source and /trend)", path);
	}
	if (rc < 0) {
		if (pg->code == 200)
			pg->code = 400;
		if (text || dot) {
			pg->type = "text/plain; charset=utf-8";
			sb_reset(&pg->body);
			sb_addf(&pg->body, "leakhound: %s\n", sb_str(&r.err));
		} else {
			error_page(&r);
		}
	}
	if (r.md)
		pcre2_match_data_free(r.md);
	if (r.q)
		pcre2_code_free(r.q);
	sb_release(&r.err);
}
