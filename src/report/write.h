/*
 * write: turn a findings list into text or JSON (SARIF and HTML writers join
 * here with their issues).  Writers append to a string builder and never
 * touch stdout: the command decides where the bytes go.
 */
#ifndef REPORT_WRITE_H
#define REPORT_WRITE_H

#include "finding.h"
#include "../base/sb.h"

#include "../base/jsonout.h"

/* The text form, one finding per block:
 *     file:line:col: severity: message [rule-id]
 *         fix: ...
 *         related: file:line:col: message          (one per related loc)
 */
void report_write_text(struct sb *out, const struct findings *fs);

/* The finding JSON of DESIGN.md.  extra, if not NULL, is inserted verbatim
 * as further top-level members after "findings" (it must be a comma-led
 * member list such as ,"groups":[...]), so commands can add their own
 * objects beside the findings. */
void report_write_json(struct sb *out, const struct findings *fs,
		       const char *extra);

/* JSON values for extra: see base/jsonout.h. */

/* SARIF 2.1.0 (write_sarif.c), for GitHub code scanning and other SARIF
 * consumers.  rules describes the rules the tool knows (id, summary, help in
 * Markdown, default severity); it may be NULL/0, and a finding whose rule is
 * not in it gets a minimal descriptor, so every command can write SARIF.
 * Paths are written as relative URIs against %SRCROOT%, the repository
 * root.  Each result carries a partialFingerprint that does not
 * depend on line numbers. */
struct report_rule_meta {
	const char *id;
	const char *summary;     /* one line */
	const char *help;        /* Markdown; may be NULL */
	enum report_severity severity;
};
/* command ("lint", "goroutines", ...) names the tool.driver ("leakhound
 * lint") and automationDetails.id ("leakhound/lint/"); see write_sarif.c
 * for how paths, columns and outside locations are written. */
void report_write_sarif(struct sb *out, const struct findings *fs,
			const struct report_rule_meta *rules, size_t nrules,
			const char *command);

/* The output formats every command that reports findings accepts with
 * --format.  report_format_parse returns the format of a name, or -1;
 * report_format_names lists them for usage messages. */
enum report_format {
	REPORT_FMT_TEXT,
	REPORT_FMT_JSON,
	REPORT_FMT_SARIF,
	REPORT_FMT_GITHUB,       /* GitHub Actions workflow commands */
	REPORT_FMT_CHECKSTYLE,   /* Checkstyle XML */
	REPORT_FMT_CODECLIMATE,  /* Code Climate JSON, GitLab code quality */
};
int report_format_parse(const char *name);
extern const char report_format_names[];

/* The CI formats (write_ci.c): github, checkstyle, codeclimate.  Related
 * locations and the fix become lines of the message, which those consumers
 * show as text.  Any other fmt writes the text form. */
void report_write_ci(struct sb *out, enum report_format fmt,
		     const struct findings *fs);

/* A hash of rule, file, message and the finding's own text that does not
 * involve line numbers: the key of baselines and SARIF fingerprints. */
unsigned long long report_finding_fingerprint(const struct finding *f);

/* The version string of the tool (also used by --version). */
extern const char report_tool_version[];

#endif
