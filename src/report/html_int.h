/*
 * html_int: helpers shared by the files of the HTML writer (not public).
 */
#ifndef REPORT_HTML_INT_H
#define REPORT_HTML_INT_H

#include "html.h"

/* Append s escaped for HTML text and quoted attributes: & < > " ' become
 * entities, C0 control characters other than tab and newline become
 * U+FFFD, so nothing from input can open a tag or leave an attribute. */
void html_esc(struct sb *out, const char *s);
void html_escn(struct sb *out, const char *s, size_t n);
/* "func file:line" of a frame, escaped; file and line omitted if unknown. */
void html_frame(struct sb *out, const struct report_frame *f);

/* The index of the first shown finding whose primary location is file:line
 * (same file as report_html_same_file decides), or -1. */
long html_finding_at(const struct report_page *p, const char *file, int line);
/* The anchor id of a group row: "g<set>-<row>". */
void html_group_anchor(struct sb *out, size_t set, size_t row);

/* The "Call graphs" section: each of p->graphs inline in a <details>, or,
 * when its SVG fails the whitelist, through frame (the flame graphs'
 * sandboxed iframe writer). */
void report_html_graphs(struct sb *out, const struct report_page *p,
			void (*frame)(struct sb *, const struct report_svg *));

#endif
