/* libFuzzer target: the whole lint pipeline (parse, resolve, summaries,
 * every rule) on arbitrary bytes, as one file, with both timer semantics. */
#include <stddef.h>
#include <stdint.h>
#include "lint/lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lint_options o = { 0 };
	struct findings fs;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;

	findings_init(&fs);
	o.go_version = size && (data[0] & 1) ? "1.23" : "1.19";
	if (lint_buffer(&o, "fuzz.go", (const char *)data, size, &fs, &e) == 0)
		report_write_json(&out, &fs, NULL);
	sb_release(&out);
	findings_release(&fs);
	return 0;
}
