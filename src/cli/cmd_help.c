/*
 * help: the list of commands, or one command's man-style usage.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

const char cmd_help_help[] =
"NAME\n"
"    leakhound help - show help for leakhound or one of its commands\n"
"\n"
"SYNOPSIS\n"
"    leakhound help [COMMAND]\n"
"    leakhound COMMAND --help\n"
"\n"
"DESCRIPTION\n"
"    Without COMMAND, lists the commands.  With COMMAND, prints its usage:\n"
"    synopsis, options, exit status and examples.\n"
"\n"
"EXIT STATUS\n"
"    0 on success, 3 if COMMAND is not a leakhound command.\n";

static void list_commands(int developer)
{
	size_t i;

	for (i = 0; i < cli_ncommands; i++)
		if (cli_commands[i].developer == developer)
			printf("    %-12s %s\n", cli_commands[i].name,
			       cli_commands[i].summary);
}

int cmd_help(int argc, char **argv)
{
	const struct cli_command *cmd;

	if (argc > 2)
		return cli_usage("help", "too many arguments");
	if (argc == 2) {
		cmd = cli_find(argv[1]);
		if (!cmd) {
			cli_error("'%s' is not a leakhound command\nsee 'leakhound help'",
				  argv[1]);
			return CLI_EXIT_USAGE;
		}
		fputs(cmd->help, stdout);
		return CLI_EXIT_CLEAN;
	}
	printf("leakhound - find memory and goroutine leaks in Go programs\n"
	       "\n"
	       "usage: leakhound COMMAND [options] [args]\n"
	       "\n"
	       "commands:\n");
	list_commands(0);
	printf("\ndeveloper commands:\n");
	list_commands(1);
	printf("\nexit status: 0 nothing found, 1 findings, 2 operational error,"
	       " 3 usage error\n"
	       "see 'leakhound help COMMAND' for one command's options\n"
	       "long options also take the go tool's single dash: -format json,\n"
	       "-nodecount=3, -sample_index=alloc_space\n");
	return CLI_EXIT_CLEAN;
}
