/*
 * rule: what a lint rule sees and how it reports.
 *
 * The engine (engine.c) parses and resolves one package at a time (all the
 * .go files of a directory with the same package clause), works out the
 * timer semantics in force for it, summarises what each function does with
 * its parameters, and then calls every enabled rule once for the package.
 * A rule walks the files it cares about and calls lint_report; it never
 * allocates outside cx->arena and never prints.  Rules are listed in
 * rules.def; each lives in rules/<rule-id>.c.
 *
 * Precision first: a rule that cannot see what happens to a value (passed
 * to an unknown function, captured by a closure, reassigned) stays silent.
 */
#ifndef LINT_RULE_H
#define LINT_RULE_H

#include <stdarg.h>
#include "../base/arena.h"
#include "../base/map.h"
#include "../go/ast.h"
#include "../go/gomod.h"
#include "../go/resolve.h"
#include "../report/finding.h"

/* The timer semantics for a package (see docs/rules/time-after-in-loop.md). */
struct lint_semantics {
	struct go_version lang;   /* effective language version; 0.0 unknown */
	int new_timers;           /* 1: Go 1.23+ timers (collected, unbuffered) */
	const char *why;          /* "go 1.22 in go.mod", "--go 1.23", ... */
};

/* What one same-package function releases, by parameter index (bit i =
 * parameter i, receiver not counted; at most 32 parameters tracked): the
 * release facts of facts.h (LINT_OP_RELEASE on some path, or in a
 * goroutine it starts with the parameter), in the form the resource rules
 * ask for. */
struct lint_summary {
	unsigned closes;          /* calls p.Close() or p.Body.Close() */
	unsigned stops;           /* calls p.Stop() */
	unsigned calls;           /* calls p() (a cancel function) */
};

struct lint_ctx {
	struct go_package *pkg;
	const struct lint_semantics *sem;
	struct arena *arena;      /* per package scratch, freed after rules */
	struct findings *out;
	const char *rule_id;      /* set by the engine before each rule */
	int is_main;              /* package main */
	void *funcs;              /* engine's cache of the package's functions */
	void *chan;               /* chan.c's results for the package, shared by
				   * the goroutine-* rules; NULL until computed */
	void *facts;              /* facts.c's per-function facts (facts.h);
				   * NULL until first used */
	void *fields;             /* fields.c's model of the package's struct
				   * fields; NULL until computed */
};

/* Report a finding of the current rule at node `at` of file f.  sev is the
 * severity (rules decide from cx->sem); fix may be NULL; message is a
 * printf format.  Returns the finding (to add related locations) or NULL
 * if a //leakhound:ignore directive suppresses it. */
struct finding *lint_report(struct lint_ctx *cx, const struct go_file *f,
			    const struct go_node *at, enum report_severity sev,
			    const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Add a related location at node `at` of f to finding fd (may be NULL). */
void lint_related(struct lint_ctx *cx, struct finding *fd,
		  const struct go_file *f, const struct go_node *at,
		  const char *message);

/* The summary of the function that call expression fun names, if it is a
 * function or (by its name) a method declared in this package (from its
 * facts); NULL otherwise. */
const struct lint_summary *lint_callee_summary(struct lint_ctx *cx,
					       const struct go_node *fun);

/* 1 if f imports the package with this path (under any name; a vendored
 * copy and golang.org/x/net/context count: go_import_canonical). */
int lint_file_imports(const struct go_file *f, const char *path);

/* 1 if f's path ends in _test.go. */
int lint_is_test_file(const struct go_file *f);

/* One function body as rules see it: a FuncDecl's or a FuncLit's. */
struct lint_func {
	const struct go_file *file;
	struct go_func_decl *decl;   /* NULL for a function literal */
	struct go_func_lit *lit;     /* NULL for a declaration */
	struct go_func_type *type;
	struct go_block_stmt *body;
};

/* Call fn for every function body of every file in the package, function
 * literals included (each literal once, as its own function). */
void lint_foreach_func(struct lint_ctx *cx,
		       void (*fn)(struct lint_ctx *cx,
				  const struct lint_func *fn_, void *arg),
		       void *arg);

#define RULE(cname, id, sev, summary) void lint_rule_##cname(struct lint_ctx *cx);
#include "rules.def"
#undef RULE

#endif
