/*
 * html_graph: call graphs (Graphviz's SVG of pprof's DOT) inline on the page,
 * each in a collapsed <details>.
 *
 * Unlike flame graphs, a call graph has no script, so it can sit in the page
 * itself (searchable, printable, no frame to size).  The design decision: the
 * SVG is not trusted as markup.  It is re-written through a whitelist --
 * only the elements and attributes Graphviz's SVG renderer emits for our
 * graphs, attribute values without '<', text without markup; comments, the
 * XML prolog and the DOCTYPE are dropped -- and ids get a per-graph prefix so
 * two graphs on a page do not share ids.  Anything else (a script, an event
 * handler, an href, a style element) makes the whole graph fall back to the
 * sandboxed frame the flame graphs use.
 */
#include "html_int.h"

#include <string.h>

static const char *const elements[] = {
	"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text", "a",
	NULL };
static const char *const attributes[] = {
	"id", "class", "width", "height", "viewBox", "xmlns", "xmlns:xlink",
	"transform", "fill", "stroke", "stroke-width", "stroke-dasharray",
	"points", "d", "x", "y", "cx", "cy", "rx", "ry", "text-anchor",
	"font-family", "font-size", "font-weight", "font-style", "xlink:title",
	"fill-opacity", "stroke-opacity", NULL };

static int listed(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, s, n))
			return 1;
	return 0;
}

static int is_name(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* One tag at s (after '<'); appended to out.  Returns the byte after '>' or
 * NULL when the tag is not allowed. */
static const char *copy_tag(struct sb *out, const char *s, size_t graph)
{
	const char *n = s;
	int closing = *s == '/';

	if (closing)
		n = ++s;
	while (is_name(*s))
		s++;
	if (!listed(elements, n, (size_t)(s - n)))
		return NULL;
	sb_addc(out, '<');
	if (closing)
		sb_addc(out, '/');
	sb_add(out, n, (size_t)(s - n));
	for (;;) {
		const char *a, *v;
		size_t an;

		while (is_space(*s))
			s++;
		if (*s == '>' || (s[0] == '/' && s[1] == '>'))
			break;
		if (closing)
			return NULL;
		a = s;
		while (is_name(*s))
			s++;
		an = (size_t)(s - a);
		if (!an || !listed(attributes, a, an) || s[0] != '=' || s[1] != '"')
			return NULL;
		v = s += 2;
		while (*s && *s != '"' && *s != '<')
			s++;
		if (*s != '"')
			return NULL;
		sb_addc(out, ' ');
		sb_add(out, a, an);
		sb_adds(out, "=\"");
		if (an == 2 && !memcmp(a, "id", 2))
			sb_addf(out, "cg%zu-", graph);
		sb_add(out, v, (size_t)(s - v));
		sb_addc(out, '"');
		s++;
	}
	if (*s == '/') {
		sb_addc(out, '/');
		s++;
	}
	sb_addc(out, '>');
	return s + 1;
}

/* Graphviz's SVG document svg, whitelisted, appended to out; -1 (out
 * unchanged) when it holds anything outside the whitelist. */
static int copy_svg(struct sb *out, const char *svg, size_t graph)
{
	size_t mark = out->len;
	const char *s = strstr(svg, "<svg");

	if (!s)
		return -1;
	while (*s) {
		const char *lt = strchr(s, '<');

		if (!lt) {
			while (is_space(*s))
				s++;
			if (*s)
				goto bad;
			break;
		}
		/* text: entities and characters only, no markup */
		sb_add(out, s, (size_t)(lt - s));
		if (!strncmp(lt, "<!--", 4)) {
			const char *end = strstr(lt + 4, "-->");

			if (!end)
				goto bad;
			s = end + 3;
			continue;
		}
		s = copy_tag(out, lt + 1, graph);
		if (!s)
			goto bad;
	}
	return 0;
bad:
	sb_truncate(out, mark);
	return -1;
}

void report_html_graphs(struct sb *out, const struct report_page *p,
			void (*frame)(struct sb *, const struct report_svg *))
{
	size_t i;

	sb_adds(out, "<section id=\"graph\"><h2>Call graphs</h2>\n");
	for (i = 0; i < p->graphs.len; i++) {
		const struct report_svg *g = &p->graphs.items[i];

		sb_adds(out, "<details class=\"graph\"><summary>");
		html_esc(out, g->title);
		sb_adds(out, "</summary>\n<div class=\"graph\">");
		if (copy_svg(out, g->svg, i))
			frame(out, g);
		sb_adds(out, "</div></details>\n");
	}
	sb_adds(out, "</section>\n");
}
