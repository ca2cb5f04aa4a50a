/*
 * check.h: the tiny assertion layer of the unit tests.  Each CHECK prints
 * nothing on success and "FAIL: file:line: expr" on failure; each test
 * program ends with check_done(), which prints one PASS line per passing
 * test function registered with TEST().
 */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed_in_test;

#define CHECK(expr) do { if (!(expr)) { \
	printf("FAIL: %s:%d: %s\n", __FILE__, __LINE__, #expr); \
	check_failed_in_test = 1; } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (strcmp(a_, b_)) { printf("FAIL: %s:%d: \"%s\" != \"%s\"\n", \
	__FILE__, __LINE__, a_, b_); check_failed_in_test = 1; } } while (0)

#define TEST(fn) do { check_failed_in_test = 0; fn(); \
	if (!check_failed_in_test) printf("PASS: %s\n", #fn); } while (0)

#endif
