/*
 * write: turn a findings list into text or JSON (SARIF and HTML writers join
 * here with their issues).  Writers append to a string builder and never
 * touch stdout: the command decides where the bytes go.
 */
#ifndef REPORT_WRITE_H
#define REPORT_WRITE_H

#include "finding.h"
#include "../base/sb.h"

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

/* The version string of the tool (also used by --version). */
extern const char report_tool_version[];

#endif
