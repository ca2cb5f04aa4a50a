/*
 * html_page: the page model of the HTML report -- what a command hands to
 * report_write_html.  Everything is copied into the page's arena so the
 * producers (profile, dump, database readers) can free their own data
 * before the page is written.
 */
#include "html_int.h"

#include <stdlib.h>
#include <string.h>

void report_page_init(struct report_page *p)
{
	memset(p, 0, sizeof(*p));
	arena_init(&p->arena);
}

void report_page_release(struct report_page *p)
{
	size_t i;

	for (i = 0; i < p->series.len; i++)
		vec_free(&p->series.items[i]->pts);
	for (i = 0; i < p->groups.len; i++)
		vec_free(&p->groups.items[i]->items);
	for (i = 0; i < p->tables.len; i++)
		vec_free(&p->tables.items[i]->rows);
	vec_free(&p->series);
	vec_free(&p->groups);
	vec_free(&p->tables);
	vec_free(&p->svgs);
	vec_free(&p->graphs);
	vec_free(&p->inputs);
	vec_free(&p->src_dirs);
	for (i = 0; i < p->src_bufs.len; i++)
		free(p->src_bufs.items[i]);
	vec_free(&p->src_bufs);
	map_release(&p->src_cache);
	arena_release(&p->arena);
	memset(p, 0, sizeof(*p));
}

const char *report_page_str(struct report_page *p, const char *s)
{
	return s ? arena_strdup(&p->arena, s) : NULL;
}

/* Quote an argument the way a POSIX shell would need it, only if needed. */
static void add_shell_arg(struct sb *out, const char *a)
{
	const char *s;
	int plain = *a != '\0';

	for (s = a; *s && plain; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789-_./=:,+@%", *s))
			plain = 0;
	if (plain) {
		sb_adds(out, a);
		return;
	}
	sb_addc(out, '\'');
	for (s = a; *s; s++) {
		if (*s == '\'')
			sb_adds(out, "'\\''");
		else
			sb_addc(out, *s);
	}
	sb_addc(out, '\'');
}

void report_page_set_command_line(struct report_page *p, int argc, char **argv)
{
	struct sb sb = SB_INIT;
	int i;

	sb_adds(&sb, "leakhound");
	for (i = 0; i < argc; i++) {
		sb_addc(&sb, ' ');
		add_shell_arg(&sb, argv[i]);
	}
	p->command_line = report_page_str(p, sb_str(&sb));
	sb_release(&sb);
}

struct report_series *report_page_add_series(struct report_page *p,
					     const char *id, const char *title,
					     enum report_unit unit)
{
	struct report_series *s = arena_new(&p->arena, struct report_series);

	s->id = report_page_str(p, id);
	s->title = report_page_str(p, title);
	s->unit = unit;
	s->warmup_end = -1;
	s->verdict_t = -1;
	vec_push(&p->series, s);
	return s;
}

void report_series_add(struct report_series *s, double t, double v, int missing)
{
	struct report_point pt = { t, missing ? 0 : v, missing != 0 };

	vec_push(&s->pts, pt);
}

struct report_groups *report_page_add_groups(struct report_page *p,
					     const char *title, uint64_t total)
{
	struct report_groups *gs = arena_new(&p->arena, struct report_groups);

	gs->title = report_page_str(p, title);
	gs->total = total;
	vec_push(&p->groups, gs);
	return gs;
}

static void copy_frame(struct report_page *p, struct report_frame *dst,
		       const struct report_frame *src)
{
	dst->func = report_page_str(p, src->func);
	dst->file = src->file ? report_page_str(p, src->file) : "";
	dst->line = src->line;
}

struct report_group *report_groups_add(struct report_page *p,
				       struct report_groups *gs,
				       const struct report_group *g)
{
	struct report_group c = *g;
	size_t i, n;

	c.state = g->state ? report_page_str(p, g->state) : "";
	c.why = report_page_str(p, g->why);
	copy_frame(p, &c.created_by, &g->created_by);
	copy_frame(p, &c.blocking, &g->blocking);
	/* only the frames the page can show are kept: a 100,000-goroutine
	 * dump must not copy deep stacks it will never print */
	n = g->nframes < REPORT_HTML_MAX_FRAMES ? g->nframes : REPORT_HTML_MAX_FRAMES;
	c.frames = n ? arena_new_array(&p->arena, struct report_frame, n) : NULL;
	for (i = 0; i < n; i++)
		copy_frame(p, &c.frames[i], &g->frames[i]);
	c.nframes = g->nframes;  /* the true depth, for the "N more" line */
	vec_push(&gs->items, c);
	return &gs->items.items[gs->items.len - 1];
}

struct report_table *report_page_add_table(struct report_page *p,
					   const char *title, size_t ncol,
					   const char *const *cols,
					   const int *numeric)
{
	struct report_table *t = arena_new(&p->arena, struct report_table);
	size_t i;

	t->title = report_page_str(p, title);
	t->ncol = ncol;
	t->cols = arena_new_array(&p->arena, const char *, ncol);
	t->numeric = arena_new_array(&p->arena, int, ncol);
	for (i = 0; i < ncol; i++) {
		t->cols[i] = report_page_str(p, cols[i]);
		t->numeric[i] = numeric ? numeric[i] : 0;
	}
	vec_push(&p->tables, t);
	return t;
}

void report_table_add_row(struct report_page *p, struct report_table *t,
			  const char *const *cells)
{
	const char **row;
	size_t i;

	t->total_rows++;
	if (t->rows.len >= REPORT_HTML_MAX_ROWS)
		return;
	row = arena_new_array(&p->arena, const char *, t->ncol);
	for (i = 0; i < t->ncol; i++)
		row[i] = cells[i] ? report_page_str(p, cells[i]) : "";
	vec_push(&t->rows, row);
}

void report_page_add_svg(struct report_page *p, const char *title,
			 const char *svg)
{
	struct report_svg s = { report_page_str(p, title), report_page_str(p, svg) };

	vec_push(&p->svgs, s);
}

void report_page_add_graph(struct report_page *p, const char *title,
			   const char *svg)
{
	struct report_svg s = { report_page_str(p, title), report_page_str(p, svg) };

	vec_push(&p->graphs, s);
}

void report_page_add_input(struct report_page *p, const char *name,
			   const char *kind, const char *note)
{
	struct report_input in = { report_page_str(p, name),
				   report_page_str(p, kind),
				   report_page_str(p, note) };

	vec_push(&p->inputs, in);
}

void report_page_add_src_dir(struct report_page *p, const char *dir)
{
	vec_push(&p->src_dirs, report_page_str(p, dir));
}
