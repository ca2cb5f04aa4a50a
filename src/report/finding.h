/*
 * finding: the one result type every command produces (see DESIGN.md).
 *
 * A finding says what (rule or detector id), where (a primary location
 * plus related ones), how sure (severity, confidence), why (message) and
 * how to fix it.  A findings list owns an arena that holds every string of
 * every finding added to it: findings_add copies its arguments, so callers
 * may pass short-lived strings.  findings_release frees everything.
 */
#ifndef REPORT_FINDING_H
#define REPORT_FINDING_H

#include <stddef.h>
#include "../base/arena.h"
#include "../base/vec.h"

enum report_severity {
	REPORT_SEV_NOTE,
	REPORT_SEV_WARNING,
	REPORT_SEV_ERROR,
};

enum report_confidence {
	REPORT_CONF_LOW,
	REPORT_CONF_MEDIUM,
	REPORT_CONF_HIGH,
};

struct report_loc {
	const char *file;   /* path as given on the command line; may be "" */
	int line, column;   /* 1-based; 0 when unknown */
	int end_line, end_column;
	const char *message; /* for related locations; NULL on the primary */
};

struct finding {
	const char *rule;
	enum report_severity severity;
	enum report_confidence confidence;
	struct report_loc loc;
	const char *message;
	const char *fix;     /* may be NULL */
	struct report_loc *related;
	size_t nrelated;
	size_t order;        /* insertion order, the last sort key */
};

struct findings {
	struct arena arena;
	VEC(struct finding *) items;
};

void findings_init(struct findings *fs);
void findings_release(struct findings *fs);

/* Add a finding; every string is copied into fs's arena.  Returns the new
 * finding (owned by fs) so the caller can add related locations. */
struct finding *findings_add(struct findings *fs, const char *rule,
			     enum report_severity sev,
			     enum report_confidence conf,
			     const struct report_loc *loc,
			     const char *message, const char *fix);
/* Append a related location (copied). */
void finding_add_related(struct findings *fs, struct finding *f,
			 const struct report_loc *loc);

/* Sort by file, line, column, rule, message; then drop exact duplicates
 * (same rule, location and message).  Output order is deterministic. */
void findings_sort(struct findings *fs);

const char *report_severity_name(enum report_severity s);
const char *report_confidence_name(enum report_confidence c);
/* Parse "error", "warning", "note" (and the confidence words); -1 if
 * unknown. */
int report_severity_parse(const char *s);
int report_confidence_parse(const char *s);

#endif
