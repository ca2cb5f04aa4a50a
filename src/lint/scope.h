/*
 * scope: which of the files a walk found the default lint run covers
 * (docs/lint.md, "What the default run covers").
 *
 * Beside _test.go files (engine.c), two kinds of code are left out of the
 * default run when they were found by walking from above them, and linted
 * when named (a path at or below them) or asked for:
 *
 *   test support (--include-tests): code that exists only for tests,
 *       found below the named directory in a directory named e2e*,
 *       integration, test, tests, testing, testutil(s), testhelper(s),
 *       testenv, fake(s), mock(s) or ending in -test or _test, or in a file
 *       named testing.go, testhelper(s).go, testutil(s).go,
 *       test_helper(s).go or test_util(s).go;
 *   command code (--include-commands): code below a directory named cmd,
 *       Go's convention for the main packages of commands.  There, the
 *       leaks of one resource or one goroutine per call (the rules for
 *       which lint_scope_per_call_rule holds) are not reported: such code
 *       runs once per invocation of a command; the leaks that grow within
 *       one run (a timer per iteration, a map that only grows) still are.
 *
 * Pure functions of their arguments; nothing is owned or kept.
 */
#ifndef LINT_SCOPE_H
#define LINT_SCOPE_H

#include <stddef.h>

enum lint_scope {
	LINT_SCOPE_CODE,          /* linted by default */
	LINT_SCOPE_TEST_SUPPORT,  /* only with --include-tests */
	LINT_SCOPE_COMMAND        /* per-call rules only with --include-commands */
};

/* The scope of path, of which the part from offset below on was found
 * by walking (go_walk's below[]); below == strlen(path) for a file named
 * itself, which is always LINT_SCOPE_CODE. */
enum lint_scope lint_scope_of(const char *path, size_t below);

/* 1 if rule_id reports one leak per call of the function it is in (a
 * body, a file, a cancel function, a goroutine blocked for ever). */
int lint_scope_per_call_rule(const char *rule_id);

#endif
