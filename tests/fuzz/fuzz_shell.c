/* libFuzzer target: the `leakhound pprof` shell's line parser
 * (src/cli/shell_parse.c) on arbitrary bytes, NUL bytes included (the line
 * ends at the first, as when read from a terminal). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli/shell_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli_shell_cmd c;
	struct err e = ERR_INIT;
	char *line = malloc(size + 1);
	int rc;

	memcpy(line, data, size);
	line[size] = '\0';
	rc = cli_shell_parse(line, &c, &e);
	/* the contract: an error has a message, a report a known name, and
	 * every string points into the command's own copy or is its own */
	if (rc && (c.kind != CLI_SHELL_ERROR || !e.msg[0]))
		abort();
	if (!rc && c.kind == CLI_SHELL_REPORT && !c.name[0])
		abort();
	if (c.output && !*c.output)
		abort();
	if ((c.kind == CLI_SHELL_SET || c.kind == CLI_SHELL_WORD) && !c.word)
		abort();
	free(line);
	cli_shell_cmd_release(&c);
	return 0;
}
