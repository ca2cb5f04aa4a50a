/*
 * cli: the command table and the helpers every command uses to print
 * errors, parse options and write output.  Kept out of main.c so that the
 * fuzz targets and unit tests can link the commands themselves.
 */
#include "cli.h"
#include "../base/xalloc.h"
#include "../report/write.h"
#include "../go/usercode.h"

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

static struct {
	int argc;
	char **argv;
} invocation;

void cli_invocation_set(int argc, char **argv)
{
	cli_invocation_release();
	invocation.argv = xcalloc((size_t)argc + 1, sizeof(char *));
	memcpy(invocation.argv, argv, (size_t)argc * sizeof(char *));
	invocation.argc = argc;
}

void cli_invocation_get(int *argc, char ***argv)
{
	if (invocation.argv) {
		*argc = invocation.argc;
		*argv = invocation.argv;
	}
}

void cli_invocation_release(void)
{
	free(invocation.argv);
	invocation.argv = NULL;
	invocation.argc = 0;
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


void cli_usercode_setup(int pid, const char *srcdir)
{
	struct go_usercode *u = go_usercode_global();
	char exe[64];

	if (pid > 0) {
		snprintf(exe, sizeof(exe), "/proc/%d/exe", pid);
		if (go_usercode_from_binary(u, exe) == 1)
			return;
	}
	if (srcdir)
		go_usercode_from_gomod(u, srcdir);
}
