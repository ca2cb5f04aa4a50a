/*
 * fuzz_goparse: the Go lexer and parser on arbitrary bytes, and the
 * canonical dump and the tree walk on whatever parses.  Neither may crash,
 * hang, leak or read outside the input.
 */
#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/base/sb.h"
#include "../../src/go/parse.h"

#include <stddef.h>
#include <stdint.h>
#include "../../src/base/stack.h"

static int count(struct go_node *n, void *ctx)
{
	(void)n;
	(*(size_t *)ctx)++;
	return 1;
}

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
	struct arena a;
	struct err e = ERR_INIT;
	struct go_file *f;
	size_t n = 0;

	arena_init(&a);
	f = go_parse_file(&a, "fuzz.go", (const char *)data, size, &e);
	if (f) {
		struct sb out = SB_INIT;
		go_dump_file(&out, f);
		go_ast_inspect(&f->node, count, NULL, &n);
		sb_release(&out);
	}
	arena_release(&a);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	return stack_run(STACK_SIZE / 4, one, &in);
}
