/*
 * gor_report: the report of a grouped goroutine dump (struct gdump_groups)
 * that the goroutines, test and run commands share: filters, the --src
 * explanation of each blocking line with the lint findings of its function,
 * one finding per suspect group, the text table and the JSON "groups" array.
 *
 * Ownership: a struct gor_opts owns its explanations and lint findings
 * (freed by gor_opts_release); the compiled regular expressions belong to
 * the caller.  Explanations are indexed by the group's position in the set
 * they were made for, which must not be re-sorted afterwards.
 */
#ifndef CLI_GOR_REPORT_H
#define CLI_GOR_REPORT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../base/sb.h"
#include "../gdump/gdump.h"
#include "../report/finding.h"
#include "../report/write.h"

struct gor_opts {
	int all, stacks, json, sarif;
	int ci;                 /* a CI format (enum report_format), else 0 */
	long min_count;
	pcre2_code *state_re, *match_re;  /* the caller's; NULL: no filter */
	const char *output;
	const char *srcdir;
	/* --src: one explanation per group (NULL when there is none) and the
	 * lint findings of the files involved */
	struct gdump_explain **ex;
	size_t nex;
	struct findings lintfs;
	int have_lint;
	/* leakhound test: per group (indexed like ex), the test functions its
	 * goroutines are attributed to, ", "-joined, or NULL; owned */
	char **tests;
	size_t ntests;
};

/* The rules of the findings gor_add_findings makes (for SARIF). */
extern const struct report_rule_meta gor_rules[];
extern const size_t gor_nrules;

/* 1 if group g passes the filters of o (--min-count, --state, --match). */
int gor_keep(const struct gor_opts *o, const struct gdump_group *g);
/* Explain the blocking line of every shown group under o->srcdir and lint
 * the files found (warnings go to stderr). */
void gor_explain_groups(struct gor_opts *o, const struct gdump_groups *gs);
/* --src: a blocked group whose function draws a lint finding that proves
 * nothing else can reach the channel (goroutine-blocked-send/-recv,
 * goroutine-no-exit) is a suspect at once, whatever its count or wait
 * (re-sorts gs together with o->ex). */
void gor_promote_groups(struct gor_opts *o, struct gdump_groups *gs);
/* One finding per shown suspect group; prefix (may be NULL) starts every
 * message, e.g. "TestFoo leaves ". */
void gor_add_findings(struct findings *fs, const struct gdump_groups *gs,
		      const struct gor_opts *o, const char *prefix);
/* ,"format":...,"total":...,"warnings":[...],"groups":[...] */
void gor_json_groups(struct sb *out, const struct gdump_groups *gs,
		     const struct gor_opts *o, const char *const *warnings,
		     size_t nwarn);
/* The summary line and the table of suspects (every group with --all). */
void gor_text_table(struct sb *out, const struct gdump_groups *gs,
		    const struct gor_opts *o);
/* Free what gor_explain_groups made; o can be reused. */
void gor_opts_release(struct gor_opts *o);

#endif
