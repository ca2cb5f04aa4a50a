/*
 * main: dispatch `leakhound COMMAND [options] [args]` through the command
 * table in commands.def.  `--help`/`-h` anywhere before `--` prints the
 * command's help, so every command has it without writing it.
 */
#include "cli.h"
#include "../report/write.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CMD(name, summary, dev) \
	int cmd_##name(int argc, char **argv); \
	extern const char cmd_##name##_help[];
#include "commands.def"
#undef CMD

const struct cli_command cli_commands[] = {
#define CMD(name, summary, dev) { #name, summary, dev, cmd_##name, cmd_##name##_help },
#include "commands.def"
#undef CMD
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

const struct cli_command *cli_find(const char *name)
{
	size_t i;

	for (i = 0; i < cli_ncommands; i++)
		if (!strcmp(cli_commands[i].name, name))
			return &cli_commands[i];
	return NULL;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("leakhound: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("leakhound: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("leakhound: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nsee 'leakhound help%s%s'\n", cmd ? " " : "",
		cmd ? cmd : "");
	return CLI_EXIT_USAGE;
}

int cli_output(const char *path, const struct sb *out)
{
	FILE *f;

	if (!path || !strcmp(path, "-")) {
		fwrite(sb_str(out), 1, out->len, stdout);
		if (fflush(stdout) != 0) {
			cli_error("cannot write to standard output");
			return -1;
		}
		return 0;
	}
	f = fopen(path, "wb");
	if (!f) {
		cli_error("cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fwrite(sb_str(out), 1, out->len, f) != out->len || fclose(f) != 0) {
		cli_error("cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	int c;
	char fmt[64];

	opterr = 0;
	/* leading '+' would stop at the first operand; we want permutation so
	 * options may follow paths, as users type them */
	snprintf(fmt, sizeof(fmt), ":%s", shortopts);
	c = getopt_long(argc, argv, fmt, longopts, NULL);
	if (c == '?') {
		if (optopt)
			cli_usage(cmd, "unknown option '-%c'", optopt);
		else
			cli_usage(cmd, "unknown option '%s'", argv[optind - 1]);
		return '?';
	}
	if (c == ':') {
		if (optopt)
			cli_usage(cmd, "option '-%c' needs a value", optopt);
		else
			cli_usage(cmd, "option '%s' needs a value", argv[optind - 1]);
		return '?';
	}
	return c;
}

long cli_parse_count(const char *cmd, const char *opt, const char *val)
{
	char *end;
	long v;

	v = strtol(val, &end, 10);
	if (!*val || *end || v < 0) {
		cli_usage(cmd, "option '%s' takes a whole number, not '%s'", opt, val);
		return -1;
	}
	return v;
}

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

int main(int argc, char **argv)
{
	const struct cli_command *cmd;

	if (argc < 2) {
		char *help_argv[] = { "help", NULL };
		cmd_help(1, help_argv);
		return CLI_EXIT_USAGE;
	}
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
	return cmd->run(argc - 1, argv + 1);
}
