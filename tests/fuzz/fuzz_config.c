/* libFuzzer target: the .leakhound.yml reader (src/cli/config.c, libyaml
 * underneath) on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "cli/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int any_rule(const char *id)
{
	return strlen(id) < 40;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli_config cfg;
	struct err e = ERR_INIT;

	memset(&cfg, 0, sizeof(cfg));
	cfg.include_tests = cfg.include_generated = -1;
	(void)cli_config_parse(&cfg, "fuzz.yml", (const char *)data, size, any_rule, &e);
	cli_config_release(&cfg);
	return 0;
}
