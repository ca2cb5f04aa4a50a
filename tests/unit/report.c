/* Unit tests of src/report: ordering, de-duplication, text and JSON. */
#include "check.h"
#include "report/finding.h"
#include "report/write.h"

static void test_sort_dedupe_write(void)
{
	struct findings fs;
	struct report_loc l1 = { "b.go", 3, 1, 0, 0, NULL };
	struct report_loc l2 = { "a.go", 10, 2, 10, 9, NULL };
	struct report_loc rel = { "a.go", 4, 5, 0, 0, "made here" };
	struct finding *f;
	struct sb out = SB_INIT;

	findings_init(&fs);
	findings_add(&fs, "r1", REPORT_SEV_WARNING, REPORT_CONF_HIGH, &l1, "m1", NULL);
	f = findings_add(&fs, "r2", REPORT_SEV_ERROR, REPORT_CONF_MEDIUM, &l2,
			 "say \"hi\"", "do it");
	finding_add_related(&fs, f, &rel);
	findings_add(&fs, "r1", REPORT_SEV_WARNING, REPORT_CONF_HIGH, &l1, "m1", NULL);
	findings_sort(&fs);
	CHECK(fs.items.len == 2);
	CHECK_STR(fs.items.items[0]->loc.file, "a.go");

	report_write_text(&out, &fs);
	CHECK_STR(sb_str(&out),
		  "a.go:10:2: error: say \"hi\" [r2]\n"
		  "    fix: do it\n"
		  "    related: a.go:4:5: made here\n"
		  "b.go:3:1: warning: m1 [r1]\n");
	sb_reset(&out);
	report_write_json(&out, &fs, ",\"extra\":1");
	CHECK(strstr(sb_str(&out), "\"rule\":\"r2\",\"severity\":\"error\","
		     "\"confidence\":\"medium\",\"file\":\"a.go\",\"line\":10,"
		     "\"column\":2,\"end_line\":10,\"end_column\":9,"
		     "\"message\":\"say \\\"hi\\\"\",\"fix\":\"do it\","
		     "\"related\":[{\"file\":\"a.go\",\"line\":4,\"column\":5,"
		     "\"message\":\"made here\"}]}") != NULL);
	CHECK(strstr(sb_str(&out), "],\"extra\":1}\n") != NULL);
	CHECK(report_severity_parse("warning") == REPORT_SEV_WARNING);
	CHECK(report_severity_parse("bogus") == -1);
	sb_release(&out);
	findings_release(&fs);
}

int main(void)
{
	TEST(test_sort_dedupe_write);
	return 0;
}
