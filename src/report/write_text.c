/*
 * write_text: the compiler-style text form, the default of every command.
 */
#include "write.h"

static void add_loc(struct sb *out, const struct report_loc *l)
{
	sb_adds(out, l->file && *l->file ? l->file : "-");
	if (l->line > 0) {
		sb_addf(out, ":%d", l->line);
		if (l->column > 0)
			sb_addf(out, ":%d", l->column);
	}
}

void report_write_text(struct sb *out, const struct findings *fs)
{
	size_t i, j;

	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];

		add_loc(out, &f->loc);
		sb_addf(out, ": %s: %s [%s]\n", report_severity_name(f->severity),
			f->message, f->rule);
		if (f->fix && *f->fix)
			sb_addf(out, "    fix: %s\n", f->fix);
		for (j = 0; j < f->nrelated; j++) {
			sb_adds(out, "    related: ");
			add_loc(out, &f->related[j]);
			if (f->related[j].message)
				sb_addf(out, ": %s", f->related[j].message);
			sb_addc(out, '\n');
		}
	}
}
