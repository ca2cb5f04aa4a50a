/*
 * write_json: the finding JSON shared by every command (DESIGN.md).  Field
 * names are public API; end_line/end_column are emitted only when known.
 */
#include "write.h"

const char report_tool_version[] = LEAKHOUND_VERSION;

static void add_loc_fields(struct sb *out, const struct report_loc *l)
{
	sb_adds(out, "\"file\":");
	sb_add_json_str(out, l->file);
	sb_addf(out, ",\"line\":%d,\"column\":%d", l->line, l->column);
	if (l->end_line > 0)
		sb_addf(out, ",\"end_line\":%d,\"end_column\":%d", l->end_line,
			l->end_column);
}

void report_write_json(struct sb *out, const struct findings *fs,
		       const char *extra)
{
	size_t i, j;

	sb_adds(out, "{\"tool\":\"leakhound\",\"version\":");
	sb_add_json_str(out, report_tool_version);
	sb_adds(out, ",\"findings\":[");
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];

		sb_adds(out, i ? ",\n  {" : "\n  {");
		sb_adds(out, "\"rule\":");
		sb_add_json_str(out, f->rule);
		sb_addf(out, ",\"severity\":\"%s\",\"confidence\":\"%s\",",
			report_severity_name(f->severity),
			report_confidence_name(f->confidence));
		add_loc_fields(out, &f->loc);
		sb_adds(out, ",\"message\":");
		sb_add_json_str(out, f->message);
		if (f->fix) {
			sb_adds(out, ",\"fix\":");
			sb_add_json_str(out, f->fix);
		}
		sb_adds(out, ",\"related\":[");
		for (j = 0; j < f->nrelated; j++) {
			if (j)
				sb_addc(out, ',');
			sb_addc(out, '{');
			add_loc_fields(out, &f->related[j]);
			sb_adds(out, ",\"message\":");
			sb_add_json_str(out, f->related[j].message ?
					f->related[j].message : "");
			sb_addc(out, '}');
		}
		sb_adds(out, "]}");
	}
	sb_adds(out, fs->items.len ? "\n]" : "]");
	if (extra)
		sb_adds(out, extra);
	sb_adds(out, "}\n");
}
