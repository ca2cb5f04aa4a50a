/*
 * test_go: what `leakhound test` asks of the go command: the packages
 * (go list), the generated test file that wraps m.Run() and writes the
 * goroutines left after the tests, the -overlay file that adds it without
 * touching the user's tree, and a child process whose output is copied to
 * our stderr while it is kept.
 *
 * Ownership: a struct test_pkg's strings are heap copies owned by the
 * struct test_pkgs that holds it (test_pkgs_release frees them all).
 */
#ifndef CLI_TEST_GO_H
#define CLI_TEST_GO_H

#include <stddef.h>
#include "../base/sb.h"
#include "../base/vec.h"

/* The name the generated file has in each package directory. */
#define TEST_GO_FILE "leakhound_testmain_test.go"

struct test_pkg {
	char *import_path, *name, *dir;
	int has_tests;          /* test files of either package */
	int xtest_only;         /* only package NAME_test files */
	int own_main;           /* a test file declares TestMain */
	char *dump_path;        /* where the generated file writes (the
				   dump directory and test_go_dump_name) */
};

struct test_pkgs {
	VEC(struct test_pkg) items;
};

/* go list the patterns (with the build flags given) into ps; 0, or -1
 * after printing why. */
int test_go_list(struct test_pkgs *ps, char *const *build_flags, size_t nbuild,
		 char *const *patterns, size_t npat);
void test_pkgs_release(struct test_pkgs *ps);

struct test_go_main {
	int grace_ms;
	int ignore_current;
	char *const *ignore_top;
	size_t nignore_top;
};

/* The name of the dump file of the package at import_path, in buf (n
 * bytes): the same at every run.  Returns buf. */
const char *test_go_dump_name(const char *import_path, char *buf, size_t n);

/* The environment variable that tells the generated file the directory
 * of the dump files. */
#define TEST_GO_DUMP_ENV "LEAKHOUND_TEST_DUMP_DIR"

/* Write the generated test file of package p to out. */
void test_go_main_file(struct sb *out, const struct test_pkg *p,
		       const struct test_go_main *m);

/* Run argv (argv[0] looked up in PATH) with extra environment entries
 * (NAME=VALUE, may be NULL), its stdout and stderr merged, copied to our
 * stderr as they come when tee is set, and kept in out.  Returns the exit
 * status as waitpid gives it, or -1 after printing why it could not run. */
int test_go_spawn(char *const *argv, char *const *env, size_t nenv, int tee,
		  struct sb *out);

/* 1 if func or file is the runtime's, the testing package's, or the
 * generated file's (the goroutines `leakhound test` ignores by default). */
int test_go_own_frame(const char *func, const char *file);

/* The top-level Test, Benchmark, Example or Fuzz function of the package
 * (import path ip, package name pkg) that the frame function func is, or
 * is a closure of: "TestA" for "ip.TestA", "ip_test.TestA.func1.2" and,
 * for a command, "main.TestA"; Go's rule (the prefix alone, or followed by
 * anything but a lower-case letter; TestMain is none).  Copied into buf
 * (n bytes); returns buf, or NULL when func is no such function. */
const char *test_go_test_of(const char *func, const char *ip, const char *pkg,
			    char *buf, size_t n);

#endif
