/*
 * html_adapt: the job modules' results as parts of an HTML report page.
 */
#include "cli.h"
#include "html_adapt.h"

#include <stdlib.h>
#include <string.h>

static void frame(struct report_frame *dst, const struct gdump_frame *src)
{
	dst->func = src ? src->func : NULL;
	dst->file = src && src->file ? src->file : "";
	dst->line = src ? src->line : 0;
}

void cli_html_add_groups(struct report_page *p, const struct gdump_groups *gs,
			 const char *title)
{
	struct report_groups *rg = report_page_add_groups(p, title, gs->total);
	struct report_frame *frames = NULL;
	size_t i, j, cap = 0;

	for (i = 0; i < gs->items.len; i++) {
		const struct gdump_group *g = &gs->items.items[i];
		struct report_group r;
		size_t n = g->nframes < REPORT_HTML_MAX_FRAMES ? g->nframes :
			REPORT_HTML_MAX_FRAMES;

		memset(&r, 0, sizeof(r));
		r.count = g->count;
		r.state = g->state;
		r.wait_min = g->wait_min;
		r.wait_max = g->wait_max;
		frame(&r.created_by, g->created_by.func ? &g->created_by : NULL);
		frame(&r.blocking, g->blocking);
		if (n > cap) {
			cap = n;
			frames = xrealloc(frames, cap * sizeof(*frames));
		}
		for (j = 0; j < n; j++)
			frame(&frames[j], &g->frames[j]);
		r.frames = frames;
		r.nframes = g->nframes;  /* report_groups_add copies at most n */
		r.score = g->score;
		r.suspect = g->suspect;
		r.why = g->why;
		if (gs->compared) {
			r.has_growth = 1;
			r.growth = g->growth;
			r.is_new = g->is_new;
		}
		/* groups past the page's cap are only counted: no frames */
		if (i >= REPORT_HTML_MAX_GROUPS)
			r.nframes = 0;
		report_groups_add(p, rg, &r);
	}
	free(frames);
}

int cli_html_write(struct report_page *p, const char *path, int argc,
		   char **argv)
{
	struct sb out = SB_INIT;
	int rc;

	report_page_set_command_line(p, argc, argv);
	report_write_html(&out, p);
	rc = cli_output(path, &out);
	sb_release(&out);
	return rc;
}
