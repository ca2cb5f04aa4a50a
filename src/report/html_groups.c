/*
 * html_groups: the goroutine-group table, suspects first, each stack in a
 * <details> element so it expands without JavaScript.
 *
 * A 100,000-goroutine dump is already aggregated into groups by gdump;
 * the page shows at most REPORT_HTML_MAX_GROUPS rows and
 * REPORT_HTML_MAX_FRAMES frames per stack and says how many it left out,
 * which keeps the page small and quick to load whatever the dump's size.
 */
#include "html_int.h"

#include <inttypes.h>
#include <string.h>

void html_group_anchor(struct sb *out, size_t set, size_t row)
{
	sb_addf(out, "g%zu-%zu", set, row);
}

void html_frame(struct sb *out, const struct report_frame *f)
{
	if (!f->func) {
		sb_adds(out, "<span class=\"muted\">unknown</span>");
		return;
	}
	sb_adds(out, "<code class=\"fn\">");
	html_esc(out, f->func);
	sb_adds(out, "</code>");
	if (f->file && *f->file) {
		sb_adds(out, " <span class=\"loc\">");
		html_esc(out, f->file);
		if (f->line > 0)
			sb_addf(out, ":%d", f->line);
		sb_adds(out, "</span>");
	}
}

static void add_wait(struct sb *out, const struct report_group *g)
{
	if (g->wait_max <= 0)
		sb_adds(out, "&ndash;");
	else if (g->wait_min == g->wait_max)
		sb_addf(out, "%d min", g->wait_max);
	else
		sb_addf(out, "%d&ndash;%d min", g->wait_min, g->wait_max);
}

void report_html_groups(struct sb *out, const struct report_page *p,
			const struct report_groups *gs, size_t index)
{
	size_t i, j, shown, suspects = 0, any_growth = 0;
	uint64_t hidden_count = 0;

	for (i = 0; i < gs->items.len; i++) {
		suspects += gs->items.items[i].suspect != 0;
		any_growth |= gs->items.items[i].has_growth != 0;
	}
	shown = gs->items.len < REPORT_HTML_MAX_GROUPS ? gs->items.len : REPORT_HTML_MAX_GROUPS;
	for (i = shown; i < gs->items.len; i++)
		hidden_count += gs->items.items[i].count;

	sb_addf(out, "<h3>");
	html_esc(out, gs->title ? gs->title : "goroutines");
	sb_addf(out, "</h3>\n<p class=\"facts\"><b>%" PRIu64 "</b> goroutine%s in <b>%zu</b> group%s, "
		"<b>%zu</b> leak suspect%s</p>\n", gs->total, gs->total == 1 ? "" : "s",
		gs->items.len, gs->items.len == 1 ? "" : "s", suspects,
		suspects == 1 ? "" : "s");
	if (!gs->items.len) {
		sb_adds(out, "<p class=\"muted\">no goroutines</p>\n");
		return;
	}
	sb_adds(out, "<table class=\"groups filterable\"><thead><tr><th>#</th><th class=\"num\">count</th>");
	if (any_growth)
		sb_adds(out, "<th class=\"num\">growth</th>");
	sb_adds(out, "<th>state</th><th class=\"num\">waiting</th><th>blocking site / stack</th>"
		"<th>created by</th><th class=\"num\">score</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < shown; i++) {
		const struct report_group *g = &gs->items.items[i];
		size_t nf = g->nframes < REPORT_HTML_MAX_FRAMES ? g->nframes : REPORT_HTML_MAX_FRAMES;
		long fi = -1;

		if (g->blocking.func && g->blocking.file && *g->blocking.file)
			fi = html_finding_at(p, g->blocking.file, g->blocking.line);
		sb_adds(out, "<tr id=\"");
		html_group_anchor(out, index, i);
		sb_addf(out, "\" class=\"%s\"><td>%zu</td><td class=\"num\">%" PRIu64 "</td>",
			g->suspect ? "suspect" : "", i + 1, g->count);
		if (any_growth) {
			sb_adds(out, "<td class=\"num\">");
			if (g->is_new)
				sb_addf(out, "<span class=\"new\">new</span> +%" PRId64, g->growth);
			else if (g->has_growth)
				sb_addf(out, "%s%" PRId64, g->growth > 0 ? "+" : "", g->growth);
			sb_adds(out, "</td>");
		}
		sb_adds(out, "<td>");
		if (g->suspect)
			sb_adds(out, "<span class=\"badge sev-error\">suspect</span> ");
		html_esc(out, g->state && *g->state ? g->state : "-");
		sb_adds(out, "</td><td class=\"num\">");
		add_wait(out, g);
		sb_adds(out, "</td><td>");
		if (g->blocking.func)
			html_frame(out, &g->blocking);
		else if (nf)
			html_frame(out, &g->frames[0]);
		else
			sb_adds(out, "<span class=\"muted\">no stack</span>");
		if (fi >= 0) {
			sb_addf(out, " <a class=\"xref\" href=\"#f%ld\">[", fi);
			html_esc(out, p->findings->items.items[fi]->rule);
			sb_adds(out, "]</a>");
		}
		if (g->why && *g->why) {
			sb_adds(out, "<div class=\"why\">");
			html_esc(out, g->why);
			sb_adds(out, "</div>");
		}
		if (g->nframes) {
			sb_addf(out, "<details><summary>stack (%zu frame%s)</summary><ol class=\"stack\">",
				g->nframes, g->nframes == 1 ? "" : "s");
			for (j = 0; j < nf; j++) {
				const struct report_frame *f = &g->frames[j];
				int blk = g->blocking.func && f->func && f->line == g->blocking.line &&
					!strcmp(f->func, g->blocking.func);

				sb_adds(out, blk ? "<li class=\"blk\">" : "<li>");
				html_frame(out, f);
				sb_adds(out, "</li>");
			}
			if (g->nframes > nf)
				sb_addf(out, "<li class=\"muted\">&hellip; %zu more frames</li>",
					g->nframes - nf);
			sb_adds(out, "</ol></details>");
		}
		sb_adds(out, "</td><td>");
		html_frame(out, &g->created_by);
		sb_addf(out, g->score < 1e6 && g->score > -1e6 ? "</td><td class=\"num\">%.1f</td></tr>\n"
			: "</td><td class=\"num\">%.3g</td></tr>\n", g->score);
	}
	sb_adds(out, "</tbody></table>\n");
	if (shown < gs->items.len)
		sb_addf(out, "<p class=\"note\">%zu more group%s (%" PRIu64 " goroutine%s) not shown; "
			"the page lists the first %d.</p>\n", gs->items.len - shown,
			gs->items.len - shown == 1 ? "" : "s", hidden_count,
			hidden_count == 1 ? "" : "s", REPORT_HTML_MAX_GROUPS);
	if (gs->note) {
		sb_adds(out, "<p class=\"note\">");
		html_esc(out, gs->note);
		sb_adds(out, "</p>\n");
	}
}
