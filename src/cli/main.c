/*
 * main: dispatch `leakhound COMMAND [options] [args]` through the command
 * table in commands.def (cli.c).  `--help`/`-h` anywhere before `--` prints
 * the command's help, so every command has it without writing it.
 */
#include "cli.h"
#include "../report/write.h"
#include "../base/stack.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_help(int argc, char **argv);

static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	}
	return 0;
}

struct main_args {
	int argc;
	char **argv;
};

static int real_main(void *p)
{
	int argc = ((struct main_args *)p)->argc;
	char **argv = ((struct main_args *)p)->argv;
	const struct cli_command *cmd;
	int rc;

	if (argc < 2) {
		char *help_argv[] = { "help", NULL };
		cmd_help(1, help_argv);
		return CLI_EXIT_USAGE;
	}
	if (cli_is_vettool(argc, argv))
		return cli_vettool(argc, argv);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("leakhound %s\n", report_tool_version);
		return CLI_EXIT_CLEAN;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(1, argv + 1);
	cmd = cli_find(argv[1]);
	if (!cmd) {
		cli_error("'%s' is not a leakhound command\nsee 'leakhound help'",
			  argv[1]);
		return CLI_EXIT_USAGE;
	}
	if (wants_help(argc - 1, argv + 1)) {
		fputs(cmd->help, stdout);
		return CLI_EXIT_CLEAN;
	}
	optind = 1;
	cli_invocation_set(argc - 1, argv + 1);
	rc = cmd->run(argc - 1, argv + 1);
	cli_invocation_release();
	return rc;
}

/* The command runs on a large stack: see base/stack.h. */
int main(int argc, char **argv)
{
	struct main_args a = { argc, argv };

	return stack_run(STACK_SIZE, real_main, &a);
}
