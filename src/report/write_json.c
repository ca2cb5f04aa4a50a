/*
 * write_json: the finding JSON shared by every command (DESIGN.md).  Field
 * names are public API; end_line/end_column are emitted only when known.
 * Values are built and escaped by jansson; the layout (one finding a line)
 * is ours.
 */
#include "write.h"

#include <stdlib.h>
#include <string.h>

#include "../base/jsonout.h"

const char report_tool_version[] = LEAKHOUND_VERSION;

static void set_loc_fields(json_t *o, const struct report_loc *l)
{
	json_object_set_new(o, "file", jsonout_str(l->file));
	json_object_set_new(o, "line", json_integer(l->line));
	json_object_set_new(o, "column", json_integer(l->column));
	if (l->end_line > 0) {
		json_object_set_new(o, "end_line", json_integer(l->end_line));
		json_object_set_new(o, "end_column", json_integer(l->end_column));
	}
}

static json_t *finding_json(const struct finding *f)
{
	json_t *o = json_object(), *rel = json_array();
	size_t j;

	json_object_set_new(o, "rule", jsonout_str(f->rule));
	json_object_set_new(o, "severity",
			    json_string(report_severity_name(f->severity)));
	json_object_set_new(o, "confidence",
			    json_string(report_confidence_name(f->confidence)));
	set_loc_fields(o, &f->loc);
	json_object_set_new(o, "message", jsonout_str(f->message));
	if (f->fix)
		json_object_set_new(o, "fix", jsonout_str(f->fix));
	for (j = 0; j < f->nrelated; j++) {
		json_t *r = json_object();

		set_loc_fields(r, &f->related[j]);
		json_object_set_new(r, "message",
				    jsonout_str(f->related[j].message));
		json_array_append_new(rel, r);
	}
	json_object_set_new(o, "related", rel);
	return o;
}

void report_write_json(struct sb *out, const struct findings *fs,
		       const char *extra)
{
	json_t *v = json_string(report_tool_version);
	size_t i;

	sb_adds(out, "{\"tool\":\"leakhound\",\"version\":");
	jsonout_add(out, v);
	json_decref(v);
	sb_adds(out, ",\"findings\":[");
	for (i = 0; i < fs->items.len; i++) {
		json_t *o = finding_json(fs->items.items[i]);

		sb_adds(out, i ? ",\n  " : "\n  ");
		jsonout_add(out, o);
		json_decref(o);
	}
	sb_adds(out, fs->items.len ? "\n]" : "]");
	if (extra)
		sb_adds(out, extra);
	sb_adds(out, "}\n");
}
