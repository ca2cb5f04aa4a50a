/*
 * write_ci: the findings in the formats CI systems read without a SARIF
 * uploader: GitHub Actions workflow commands (one annotation per finding),
 * Checkstyle XML (Jenkins, many review bots) and Code Climate JSON (GitLab's
 * code quality report).  The one decision: each format carries only what its
 * consumer shows (related locations become text in the message), and every
 * string is escaped for its format so a message can never break the stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "write.h"
#include "paths.h"

static const struct {
	const char *name;
	enum report_format fmt;
} formats[] = {
	{ "text", REPORT_FMT_TEXT },
	{ "json", REPORT_FMT_JSON },
	{ "sarif", REPORT_FMT_SARIF },
	{ "github", REPORT_FMT_GITHUB },
	{ "checkstyle", REPORT_FMT_CHECKSTYLE },
	{ "codeclimate", REPORT_FMT_CODECLIMATE },
};

const char report_format_names[] = "text, json, sarif, github, checkstyle or codeclimate";

int report_format_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(formats[i].name, name))
			return (int)formats[i].fmt;
	return -1;
}

/* GitHub's workflow-command escaping: data escapes %, CR and LF; property
 * values also escape ':' and ','. */
static void gh_escape(struct sb *out, const char *s, int property)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%': sb_adds(out, "%25"); break;
		case '\r': sb_adds(out, "%0D"); break;
		case '\n': sb_adds(out, "%0A"); break;
		case ':':
			if (property) { sb_adds(out, "%3A"); break; }
			sb_addc(out, *s);
			break;
		case ',':
			if (property) { sb_adds(out, "%2C"); break; }
			sb_addc(out, *s);
			break;
		default: sb_addc(out, *s);
		}
	}
}

/* The message plus related locations, one per line: the consumers of the
 * three formats have no field for them. */
static void full_message(struct sb *out, const struct finding *f)
{
	size_t j;

	sb_adds(out, f->message);
	if (f->fix && *f->fix)
		sb_addf(out, "\nfix: %s", f->fix);
	for (j = 0; j < f->nrelated; j++) {
		const struct report_loc *r = &f->related[j];

		sb_addf(out, "\nrelated: %s", r->file && *r->file ? r->file : "-");
		if (r->line > 0)
			sb_addf(out, ":%d", r->line);
		if (r->column > 0)
			sb_addf(out, ":%d", r->column);
		if (r->message && *r->message)
			sb_addf(out, ": %s", r->message);
	}
}

/* The file of f relative to the repository root (into buf), as code
 * review tools match it; the path as given when it is outside the root,
 * NULL when it is outside and `outside_null`, or when there is none. */
static const char *ci_path(const struct report_paths *p, const struct finding *f,
			   char *buf, size_t n, int outside_null)
{
	if (!f->loc.file || !*f->loc.file)
		return NULL;
	if (report_paths_map(p, f->loc.file, buf, n))
		return buf;
	return outside_null ? NULL : f->loc.file;
}

static void write_github(struct sb *out, const struct findings *fs)
{
	size_t i;
	struct sb msg = SB_INIT;
	struct report_paths paths;
	char rel[PATH_MAX];
	const char *file;

	report_paths_init(&paths);

	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];
		const char *cmd = f->severity == REPORT_SEV_ERROR ? "error" :
			f->severity == REPORT_SEV_WARNING ? "warning" : "notice";
		char num[32];

		sb_addf(out, "::%s ", cmd);
		/* GitHub matches the path from the repository root; a file
		 * outside it (the Go toolchain's) cannot be annotated */
		if ((file = ci_path(&paths, f, rel, sizeof(rel), 1)) != NULL) {
			sb_adds(out, "file=");
			gh_escape(out, file, 1);
			sb_addc(out, ',');
		}
		if (f->loc.line > 0) {
			snprintf(num, sizeof(num), "line=%d,", f->loc.line);
			sb_adds(out, num);
			if (f->loc.end_line > 0)
				sb_addf(out, "endLine=%d,", f->loc.end_line);
			/* GitHub ignores columns on multi-line annotations */
			if (f->loc.column > 0 && (f->loc.end_line <= 0 ||
						  f->loc.end_line == f->loc.line)) {
				sb_addf(out, "col=%d,", f->loc.column);
				if (f->loc.end_column > 0)
					sb_addf(out, "endColumn=%d,", f->loc.end_column);
			}
		}
		sb_adds(out, "title=");
		gh_escape(out, "leakhound ", 1);
		gh_escape(out, f->rule, 1);
		sb_adds(out, "::");
		sb_reset(&msg);
		full_message(&msg, f);
		gh_escape(out, sb_str(&msg), 0);
		sb_addc(out, '\n');
	}
	sb_release(&msg);
}

/* XML attribute escaping; control characters other than tab/LF/CR are not
 * allowed in XML 1.0 at all and become '?'. */
static void xml_attr(struct sb *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '\n': sb_adds(out, "&#10;"); break;
		case '\r': sb_adds(out, "&#13;"); break;
		case '\t': sb_adds(out, "&#9;"); break;
		default:
			sb_addc(out, c < 0x20 ? '?' : (char)c);
		}
	}
}

static void write_checkstyle(struct sb *out, const struct findings *fs)
{
	size_t i;
	int open = 0;
	char cur[PATH_MAX], rel[PATH_MAX];
	struct sb msg = SB_INIT;
	struct report_paths paths;

	report_paths_init(&paths);
	sb_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];
		const char *file = ci_path(&paths, f, rel, sizeof(rel), 0);

		if (!file)
			file = "-";
		if (!open || strcmp(cur, file)) {
			if (open)
				sb_adds(out, "  </file>\n");
			sb_adds(out, "  <file name=\"");
			xml_attr(out, file);
			sb_adds(out, "\">\n");
			snprintf(cur, sizeof(cur), "%s", file);
			open = 1;
		}
		sb_addf(out, "    <error line=\"%d\"", f->loc.line > 0 ? f->loc.line : 0);
		if (f->loc.column > 0)
			sb_addf(out, " column=\"%d\"", f->loc.column);
		sb_addf(out, " severity=\"%s\" message=\"",
			f->severity == REPORT_SEV_ERROR ? "error" :
			f->severity == REPORT_SEV_WARNING ? "warning" : "info");
		sb_reset(&msg);
		full_message(&msg, f);
		xml_attr(out, sb_str(&msg));
		sb_adds(out, "\" source=\"leakhound.");
		xml_attr(out, f->rule);
		sb_adds(out, "\"/>\n");
	}
	if (open)
		sb_adds(out, "  </file>\n");
	sb_adds(out, "</checkstyle>\n");
	sb_release(&msg);
}

/* Code Climate's issue objects as GitLab reads them: an array of
 * {description, check_name, fingerprint, severity, location{path, lines}}.
 * The fingerprint is the line-independent one of baselines and SARIF, with
 * the occurrence number of equal fingerprints appended, so it is unique in
 * the report (GitLab drops duplicates) and stable when lines move. */
static void write_codeclimate(struct sb *out, const struct findings *fs)
{
	json_t *arr = json_array();
	size_t i, k;
	char *text;
	char rel[PATH_MAX];
	const char *file;
	struct report_paths paths;

	report_paths_init(&paths);

	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];
		unsigned long long fp = report_finding_fingerprint(f);
		unsigned nth = 0;
		char fps[48];
		struct sb msg = SB_INIT;
		json_t *o, *loc, *lines;

		for (k = 0; k < i; k++)
			if (report_finding_fingerprint(fs->items.items[k]) == fp)
				nth++;
		snprintf(fps, sizeof(fps), "%016llx-%u", fp, nth);
		full_message(&msg, f);
		o = json_object();
		json_object_set_new(o, "type", json_string("issue"));
		json_object_set_new(o, "check_name", json_string(f->rule));
		json_object_set_new(o, "description", json_string(sb_str(&msg)));
		json_object_set_new(o, "categories", json_pack("[s]", "Bug Risk"));
		json_object_set_new(o, "severity", json_string(
			f->severity == REPORT_SEV_ERROR ? "critical" :
			f->severity == REPORT_SEV_WARNING ? "major" : "minor"));
		json_object_set_new(o, "fingerprint", json_string(fps));
		loc = json_object();
		file = ci_path(&paths, f, rel, sizeof(rel), 0);
		json_object_set_new(loc, "path", json_string(file ? file : "-"));
		lines = json_object();
		json_object_set_new(lines, "begin", json_integer(f->loc.line > 0 ? f->loc.line : 1));
		json_object_set_new(lines, "end", json_integer(
			f->loc.end_line > 0 ? f->loc.end_line : f->loc.line > 0 ? f->loc.line : 1));
		json_object_set_new(loc, "lines", lines);
		json_object_set_new(o, "location", loc);
		/* json_string returns NULL on invalid UTF-8: keep the issue
		 * with a placeholder rather than lose it */
		if (!json_object_get(o, "description"))
			json_object_set_new(o, "description", json_string("(message not valid UTF-8)"));
		json_array_append_new(arr, o);
		sb_release(&msg);
	}
	text = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (text) {
		sb_adds(out, text);
		sb_addc(out, '\n');
		free(text);
	}
	json_decref(arr);
}

void report_write_ci(struct sb *out, enum report_format fmt,
		     const struct findings *fs)
{
	switch (fmt) {
	case REPORT_FMT_GITHUB: write_github(out, fs); break;
	case REPORT_FMT_CHECKSTYLE: write_checkstyle(out, fs); break;
	case REPORT_FMT_CODECLIMATE: write_codeclimate(out, fs); break;
	default: report_write_text(out, fs); break;
	}
}
