/* libFuzzer target: the profile decoder (gzip, profile.proto, the debug=1
 * text forms) and everything a report does with what it decodes: merge,
 * top, list-free graph building and the flame tree, on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include "pprof/flame.h"
#include "pprof/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = ERR_INIT;
	struct pprof_profile *p = pprof_profile_parse(data, size, "fuzz", &e);
	struct pprof_profile *q, *d;
	struct pprof_report_opts o;
	struct pprof_report r;
	struct pprof_flame f;
	struct sb out = SB_INIT;
	struct arena a = ARENA_INIT;
	struct pprof_diff_row *rows;

	if (!p)
		return 0;
	pprof_report_opts_init(&o);
	q = pprof_prepare(p, NULL, false, &e);
	if (q) {
		if (pprof_report_top(q, &o, &r, &e) == 0) {
			pprof_report_text(&r, &out);
			pprof_report_json(&r, &out);
			pprof_report_release(&r);
		}
		pprof_profile_free(q);
	}
	/* the profile against itself: a diff base, a flame graph of it */
	d = pprof_prepare(p, p, true, &e);
	if (d) {
		o.granularity = PPROF_GRAN_LINES;
		o.tagfocus = "1kb:";
		o.tagignore = "a,b";
		o.hide = "runtime";
		if (pprof_flame_build(&f, d, &o, &e) == 0) {
			pprof_flame_folded(&f, &out);
			pprof_flame_svg(&f, NULL, 0, &out);
		}
		pprof_flame_release(&f);
		pprof_profile_free(d);
	}
	pprof_diff(p, p, NULL, PPROF_GRAN_FUNCTIONS, &a, &rows, &e);
	/* the debug=1 forms once more, symbolised from their comments */
	q = pprof_profile_parse_flags(data, size, "fuzz", PPROF_PARSE_COMMENT_SYMBOLS, &e);
	if (q) {
		pprof_report_opts_init(&o);
		if (pprof_report_top(q, &o, &r, &e) == 0) {
			pprof_report_text(&r, &out);
			pprof_report_release(&r);
		}
		pprof_profile_free(q);
	}
	arena_release(&a);
	sb_release(&out);
	pprof_profile_free(p);
	return 0;
}
