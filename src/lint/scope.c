/* scope: the default run's coverage; see scope.h. */
#include "scope.h"

#include <string.h>

static int word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(s, w, n);
}

static int ends_with(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n > k && !memcmp(s + n - k, suf, k);
}

static int test_support_dir(const char *s, size_t n)
{
	static const char *const names[] = {
		"integration", "test", "tests", "testing", "testutil",
		"testutils", "testhelper", "testhelpers", "testenv", "fake",
		"fakes", "mock", "mocks",
	};

	if (n >= 3 && !memcmp(s, "e2e", 3))
		return 1;
	if (ends_with(s, n, "-test") || ends_with(s, n, "_test"))
		return 1;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (word_is(s, n, names[i]))
			return 1;
	return 0;
}

static int test_support_file(const char *s, size_t n)
{
	static const char *const names[] = {
		"testing.go", "testhelper.go", "testhelpers.go", "testutil.go",
		"testutils.go", "test_helper.go", "test_helpers.go",
		"test_util.go", "test_utils.go",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (word_is(s, n, names[i]))
			return 1;
	return 0;
}

enum lint_scope lint_scope_of(const char *path, size_t below)
{
	size_t len = strlen(path);
	const char *p, *end = path + len;
	int command = 0;

	if (below >= len)
		return LINT_SCOPE_CODE;
	for (p = path + below; p < end;) {
		const char *slash = memchr(p, '/', (size_t)(end - p));
		size_t n = slash ? (size_t)(slash - p) : (size_t)(end - p);

		if (!slash)
			return test_support_file(p, n) ? LINT_SCOPE_TEST_SUPPORT :
			       command ? LINT_SCOPE_COMMAND : LINT_SCOPE_CODE;
		if (test_support_dir(p, n))
			return LINT_SCOPE_TEST_SUPPORT;
		if (word_is(p, n, "cmd"))
			command = 1;
		p = slash + 1;
	}
	return command ? LINT_SCOPE_COMMAND : LINT_SCOPE_CODE;
}

int lint_scope_per_call_rule(const char *rule_id)
{
	static const char *const ids[] = {
		"body-not-closed", "file-not-closed", "cancel-not-called",
		"goroutine-blocked-send", "goroutine-blocked-recv",
	};

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (!strcmp(rule_id, ids[i]))
			return 1;
	return 0;
}
