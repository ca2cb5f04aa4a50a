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
#include <unistd.h>

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

/* "leakhound: KIND: message\n" on stderr */
static void say(const char *kind, const char *fmt, va_list ap)
{
	fprintf(stderr, "leakhound: %s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("warning", fmt, ap);
	va_end(ap);
}

void cli_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("note", fmt, ap);
	va_end(ap);
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

/* Go-style flags rewritten by cli_getopt (below) */
static struct {
	char **argv;          /* the vector already rewritten */
	char **strs;
	size_t n;
} go_style;

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
	for (size_t i = 0; i < go_style.n; i++)
		free(go_style.strs[i]);
	free(go_style.strs);
	memset(&go_style, 0, sizeof(go_style));
	free(invocation.argv);
	invocation.argv = NULL;
	invocation.argc = 0;
}

/* Go-style flags: "-format json", "-nodecount=3", "-sample_index=x" are
 * taken for their double-dash forms, as the go tool and pprof take both.
 * An argument "-NAME[=V]" whose NAME (two characters or more) is exactly a
 * long option of the command becomes "--NAME[=V]" before getopt sees it;
 * "-j4" or "-o" stay short options, and nothing after "--" changes.  The
 * new strings live until cli_invocation_release. */
static void go_style_flags(int argc, char **argv, const struct option *longopts)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t n;

		if (!strcmp(a, "--"))
			break;
		if (a[0] != '-' || !a[1] || a[1] == '-')
			continue;
		n = strcspn(a + 1, "=");
		if (n < 2)
			continue;
		for (const struct option *o = longopts; o && o->name; o++) {
			if (strlen(o->name) == n && !memcmp(o->name, a + 1, n)) {
				char *d = xmalloc(strlen(a) + 2);

				d[0] = '-';
				strcpy(d + 1, a);
				go_style.strs = xrealloc(go_style.strs,
							 (go_style.n + 1) * sizeof(char *));
				go_style.strs[go_style.n++] = d;
				argv[i] = d;
				break;
			}
		}
	}
	go_style.argv = argv;
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	int c;
	char fmt[64];

	if (argv != go_style.argv)
		go_style_flags(argc, argv, longopts);

	opterr = 0;
	/* leading '+' would stop at the first operand; we want permutation so
	 * options may follow paths, as users type them */
	snprintf(fmt, sizeof(fmt), ":%s", shortopts);
	c = getopt_long(argc, argv, fmt, longopts, NULL);
	if (c == '?') {
		const char *arg = NULL;

		/* "-nosuchflag" fails on its 'n': name the whole word */
		for (int k = optind; k >= optind - 1 && k >= 1; k--)
			if (k < argc && argv[k][0] == '-' && argv[k][1] &&
			    argv[k][1] != '-' && argv[k][2] && strchr(argv[k] + 1, optopt)) {
				arg = argv[k];
				break;
			}
		if (optopt && arg)
			cli_usage(cmd, "unknown option '-%c' in '%s'", optopt, arg);
		else if (optopt)
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

int cli_format_opt(const char *cmd, const char *val, int *json, int *sarif, int *ci)
{
	int f = report_format_parse(val);

	if (f < 0) {
		cli_usage(cmd, "unknown format '%s' (%s)", val, report_format_names);
		return -1;
	}
	*json = f == REPORT_FMT_JSON;
	*sarif = f == REPORT_FMT_SARIF;
	*ci = f >= REPORT_FMT_GITHUB ? f : 0;
	return 0;
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

int cli_term_cursor(int fd)
{
	const char *t = getenv("TERM");

	return isatty(fd) && t && *t && strcmp(t, "dumb") != 0;
}

int cli_term_color(int fd)
{
	const char *nc = getenv("NO_COLOR");

	return cli_term_cursor(fd) && !(nc && *nc);
}
