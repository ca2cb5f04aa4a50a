/* Unit tests of src/report/write_sarif.c: the fields GitHub code scanning
 * reads, URIs, fingerprints that ignore line numbers. */
#include "check.h"
#include "report/finding.h"
#include "report/write.h"

static void test_sarif_fields(void)
{
	struct findings fs;
	struct report_loc l1 = { "svc/a b.go", 12, 3, 12, 20, NULL };
	struct report_loc l2 = { "/abs/x.go", 4, 1, 0, 0, NULL };
	struct report_loc rel = { "svc/a b.go", 9, 2, 0, 0, "created here" };
	struct report_rule_meta meta[] = {
		{ "time-after-in-loop", "time.After in a loop", "# help\nmore",
		  REPORT_SEV_WARNING },
	};
	struct finding *f;
	struct sb out = SB_INIT;
	const char *s;

	findings_init(&fs);
	f = findings_add(&fs, "time-after-in-loop", REPORT_SEV_WARNING,
			 REPORT_CONF_HIGH, &l1, "leaks \"timers\"", "hoist it");
	finding_add_related(&fs, f, &rel);
	findings_add(&fs, "other-detector", REPORT_SEV_NOTE, REPORT_CONF_LOW,
		     &l2, "m", NULL);
	findings_sort(&fs);
	report_write_sarif(&out, &fs, meta, 1, "lint");
	s = sb_str(&out);
	CHECK(strstr(s, "\"version\":\"2.1.0\"") != NULL);
	CHECK(strstr(s, "\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\"") != NULL);
	CHECK(strstr(s, "\"driver\":{\"name\":\"leakhound lint\"") != NULL);
	CHECK(strstr(s, "\"automationDetails\":{\"id\":\"leakhound/lint/\"}") != NULL);
	CHECK(strstr(s, "{\"id\":\"time-after-in-loop\",\"name\":\"time-after-in-loop\","
		     "\"shortDescription\":{\"text\":\"time.After in a loop\"}") != NULL);
	CHECK(strstr(s, "\"help\":{\"text\":\"# help\\nmore\",\"markdown\":\"# help\\nmore\"}") != NULL);
	CHECK(strstr(s, "{\"id\":\"other-detector\"") != NULL);
	/* outside the repository root: left out of the results, noted */
	CHECK(strstr(s, "\"ruleId\":\"other-detector\"") == NULL);
	CHECK(strstr(s, "\"toolExecutionNotifications\":[\n  {\"level\":\"note\",\"message\":"
		     "{\"text\":\"a other-detector finding at /abs/x.go:4 is left out") != NULL);
	CHECK(strstr(s, "\"ruleId\":\"time-after-in-loop\",\"ruleIndex\":0,\"level\":\"warning\"") != NULL);
	CHECK(strstr(s, "\"message\":{\"text\":\"leaks \\\"timers\\\" Fix: hoist it\"}") != NULL);
	CHECK(strstr(s, "\"uri\":\"svc/a%20b.go\",\"uriBaseId\":\"%SRCROOT%\"},"
		     "\"region\":{\"startLine\":12,\"startColumn\":3,\"endLine\":12,\"endColumn\":20}") != NULL);
	CHECK(strstr(s, "file:///abs") == NULL);
	CHECK(strstr(s, "\"relatedLocations\":[{\"id\":0,\"physicalLocation\"") != NULL);
	CHECK(strstr(s, "\"message\":{\"text\":\"created here\"}") != NULL);
	CHECK(strstr(s, "\"partialFingerprints\":{\"leakhound/v1\":\"") != NULL);
	sb_release(&out);
	findings_release(&fs);
}

static void test_fingerprint_ignores_lines(void)
{
	struct findings fs;
	struct report_loc a = { "x.go", 10, 1, 0, 0, NULL };
	struct report_loc b = { "x.go", 99, 7, 0, 0, NULL };
	struct finding *f1, *f2, *f3;

	findings_init(&fs);
	f1 = findings_add(&fs, "r", REPORT_SEV_ERROR, REPORT_CONF_HIGH, &a, "m", NULL);
	f2 = findings_add(&fs, "r", REPORT_SEV_ERROR, REPORT_CONF_HIGH, &b, "m", NULL);
	f3 = findings_add(&fs, "r", REPORT_SEV_ERROR, REPORT_CONF_HIGH, &b, "n", NULL);
	CHECK(report_finding_fingerprint(f1) == report_finding_fingerprint(f2));
	CHECK(report_finding_fingerprint(f1) != report_finding_fingerprint(f3));
	findings_release(&fs);
}

static void test_empty(void)
{
	struct findings fs;
	struct sb out = SB_INIT;

	findings_init(&fs);
	report_write_sarif(&out, &fs, NULL, 0, "lint");
	CHECK(strstr(sb_str(&out), "\"rules\":[]") != NULL);
	CHECK(strstr(sb_str(&out), "\"results\":[]}]}\n") != NULL);
	sb_release(&out);
	findings_release(&fs);
}

int main(void)
{
	TEST(test_sarif_fields);
	TEST(test_fingerprint_ignores_lines);
	TEST(test_empty);
	return 0;
}
