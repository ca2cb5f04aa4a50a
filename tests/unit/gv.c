/* Unit tests of src/gv: DOT laid out by libgvc, errors captured, not printed. */
#include "check.h"
#include "gv/gv.h"

#include <stdlib.h>
#include <unistd.h>

/* Run gv_dot_to_svg with stderr sent to a scratch file; *printed gets how
 * many bytes Graphviz wrote there (library code must write none). */
static int convert(const char *dot, size_t len, struct sb *out, struct err *e, long *printed)
{
	FILE *tmp = tmpfile();
	int saved = dup(2), rc;

	fflush(stderr);
	dup2(fileno(tmp), 2);
	rc = gv_dot_to_svg(dot, len, out, e);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fseek(tmp, 0, SEEK_END);
	*printed = ftell(tmp);
	fclose(tmp);
	return rc;
}

static void test_layout(void)
{
	static const char dot[] = "digraph \"g\" {\nN1 [label=\"main\\nmain\" shape=box]\n"
		"N2 [label=\"time\\nAfter\" shape=box]\nN1 -> N2 [label=\" 1MB\"]\n}\n";
	struct sb out = SB_INIT;
	struct err e = ERR_INIT;
	long printed;

	CHECK(convert(dot, sizeof dot - 1, &out, &e, &printed) == 0);
	CHECK(out.len > 0 && strstr(sb_str(&out), "<svg"));
	CHECK(strstr(sb_str(&out), "<title>N1&#45;&gt;N2</title>") != NULL);
	CHECK(strstr(sb_str(&out), ">After</text>") != NULL);
	CHECK(printed == 0);
	sb_release(&out);
}

static void test_errors(void)
{
	static const char bad[] = "digraph g { N1 -> ; }";
	struct sb out = SB_INIT;
	struct err e = ERR_INIT;
	long printed;

	CHECK(convert(bad, sizeof bad - 1, &out, &e, &printed) == -1);
	CHECK(!strncmp(e.msg, "graphviz: cannot read the graph: ", 33));
	CHECK(strstr(e.msg, "syntax error") != NULL);
	CHECK(out.len == 0);
	CHECK(printed == 0);
	/* a NUL inside the text */
	CHECK(convert("digraph g {\0}", 13, &out, &e, &printed) == -1);
	CHECK(strstr(e.msg, "NUL") != NULL);
	/* a good graph still works after a failed one */
	CHECK(convert("digraph g { a -> b }", 20, &out, &e, &printed) == 0);
	CHECK(strstr(sb_str(&out), "<title>a</title>") != NULL);
	sb_release(&out);
}

int main(void)
{
	TEST(test_layout);
	TEST(test_errors);
	return 0;
}
