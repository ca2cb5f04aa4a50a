/*
 * version: print the version (the same as `leakhound --version`).
 */
#include "cli.h"
#include "../report/write.h"

#include <getopt.h>
#include <stdio.h>

const char cmd_version_help[] =
"NAME\n"
"    leakhound version - print leakhound's version\n"
"\n"
"SYNOPSIS\n"
"    leakhound version\n"
"    leakhound --version\n"
"\n"
"EXIT STATUS\n"
"    0.\n";

int cmd_version(int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };

	if (cli_getopt("version", argc, argv, "", opts) != -1)
		return CLI_EXIT_USAGE;
	if (optind < argc)
		return cli_usage("version", "too many arguments");
	printf("leakhound %s\n", report_tool_version);
	return CLI_EXIT_CLEAN;
}
