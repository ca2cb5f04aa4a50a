/* libFuzzer target: the whole lint pipeline (parse, resolve, summaries,
 * every rule) on arbitrary bytes, as one file, with both timer semantics. */
#include <stddef.h>
#include <stdint.h>
#include "lint/lint.h"
#include "base/stack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	const uint8_t *data;
	size_t size;
};

/* On a stack sized for the parser's nesting bound, as the command runs
 * (base/stack.h). */
static int one(void *p)
{
	const uint8_t *data = ((struct input *)p)->data;
	size_t size = ((struct input *)p)->size;
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	return stack_run(STACK_SIZE / 4, one, &in);
}
