/*
 * lint: the public face of the lint engine, used by `leakhound lint` and
 * `leakhound rules` (and by any command that wants source findings).
 *
 * lint_run walks the given paths like the go tool, groups files into
 * packages (directory + package clause), and processes packages on N
 * threads: read, parse, resolve, decide the timer semantics from the
 * nearest go.mod, summarise functions, run the enabled rules.  Memory is
 * one arena per package in flight, so peak memory follows the largest
 * package, not the tree.
 */
#ifndef LINT_LINT_H
#define LINT_LINT_H

#include <stddef.h>
#include "../base/err.h"
#include "../report/finding.h"
#include "../report/write.h"

struct lint_rule {
	const char *id;
	enum report_severity severity;
	const char *summary;
	const char *doc;       /* docs/rules/<id>.md, embedded; may be NULL */
};

extern const struct lint_rule lint_rules[];
extern const size_t lint_nrules;

/* The rule with this id, or NULL. */
const struct lint_rule *lint_rule_find(const char *id);
/* Index of a rule in lint_rules, or -1. */
int lint_rule_index(const char *id);

/* Default limit on the size of one source file (64 MiB). */
#define LINT_MAX_INPUT ((size_t)64 << 20)

struct lint_options {
	int jobs;                 /* worker threads; <= 0: number of cores */
	int include_tests;        /* also lint _test.go files and test
				     support code (scope.h) */
	int include_commands;     /* report per-call leaks in command code
				     (scope.h) too */
	int all_dirs;             /* do not skip testdata, vendor, _*, .* */
	const char *go_version;   /* --go 1.xx: overrides go.mod; NULL */
	unsigned char *enabled;   /* lint_nrules flags; NULL = all enabled */
	const char *tags;         /* -tags a,b: build tags that hold; NULL */
	int include_generated;    /* also lint "Code generated ... DO NOT EDIT." */
	size_t max_input;         /* the most bytes of one source file; 0:
				     LINT_MAX_INPUT */
	int files_as_given;       /* the go tool chose the files (vet tool):
				     no build constraint or test-name filter */
	/* --facts (a developer option): instead of nothing, append to
	 * *facts_out (a struct sb) the facts (facts.h) of the functions of the
	 * file whose base name is facts_file (in the packages linted), or only
	 * of the one named facts_func ("f", or "T.m" for a method) */
	const char *facts_file;
	const char *facts_func;
	void *facts_out;
	int *facts_found;         /* set to 1 when a function was printed */
};

struct lint_result {
	size_t files, packages, bytes;
	size_t excluded;   /* files left out by build constraints */
	size_t generated;  /* generated files skipped */
	size_t test_support;    /* test support files skipped (scope.h) */
	size_t command_hidden;  /* per-call findings in command code not
				   reported (scope.h) */
	/* one "PATH:LINE:COL: syntax error: ..." or "cannot read ..." message
	 * per file that could not be linted (heap strings, in path order) */
	char **errors;
	size_t nerrors;
};

/* Lint paths (files, directories, DIR/...) into out.  Returns 0, or -1
 * with e set when a path does not exist or --go is malformed (files that
 * do not parse are not failures: they are listed in res->errors and
 * skipped).  Findings are sorted.  Release res with lint_result_release. */
int lint_run(const struct lint_options *o, char *const *paths, size_t npaths,
	     struct findings *out, struct lint_result *res, struct err *e);
void lint_result_release(struct lint_result *res);

/* Lint one file held in memory (src[0..len), named path) as a package of
 * its own, with the options' rules and Go version (no go.mod is read).
 * Returns 0, or -1 with e set when it does not parse.  For fuzzing and
 * editors. */
int lint_buffer(const struct lint_options *o, const char *path,
		const char *src, size_t len, struct findings *out,
		struct err *e);

/* The SARIF rule metadata of every rule (static storage). */
const struct report_rule_meta *lint_rule_meta(size_t *n);

/* Drop from fs the findings that appear in the JSON document `baseline`
 * (an earlier `leakhound lint --format json`).  Matching ignores line and
 * column: a finding matches a baseline entry with the same rule, file and
 * message, each entry used once.  Returns the number dropped, or -1 with e
 * set if baseline is not finding JSON. */
long lint_apply_baseline(struct findings *fs, const char *baseline,
			 size_t len, struct err *e);

#endif
