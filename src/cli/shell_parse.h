/*
 * shell_parse: one line of the `leakhound pprof` shell turned into a
 * command, without running or printing anything (cmd_pprof.c runs it;
 * tests/fuzz/fuzz_shell.c feeds it arbitrary bytes).
 *
 * Ownership: a parsed command owns a copy of the line (every const char *
 * in it points into that copy) and its joined focus/ignore expressions;
 * cli_shell_cmd_release frees them.  The line itself is not kept.
 */
#ifndef CLI_SHELL_PARSE_H
#define CLI_SHELL_PARSE_H

#include <stdbool.h>

#include "../base/err.h"

enum cli_shell_kind {
	CLI_SHELL_EMPTY,     /* blank line or # comment */
	CLI_SHELL_QUIT,      /* quit, exit */
	CLI_SHELL_HELP,      /* help, ? */
	CLI_SHELL_OPTIONS,   /* options, o */
	CLI_SHELL_REFRESH,
	CLI_SHELL_REPORT,    /* top list peek tree traces flame web (name) */
	CLI_SHELL_SET,       /* word=value (value may be "") */
	CLI_SHELL_WORD,      /* one bare word: a boolean option or unknown */
	CLI_SHELL_UNKNOWN,   /* several words, the first no command */
	CLI_SHELL_ERROR,     /* a malformed command; the message in err */
};

struct cli_shell_cmd {
	enum cli_shell_kind kind;
	char name[8];         /* REPORT: "top", "list", ..., "web" */
	const char *word;     /* SET, WORD, UNKNOWN: the first word (SET: the name) */
	const char *value;    /* SET: the value; UNKNOWN: the second word */
	const char *regex;    /* list, peek: the expression */
	int nodecount;        /* a number after the command; -1: none */
	bool cum;             /* -cum after the command */
	char *focus, *ignore; /* RE / -RE words joined with '|'; NULL: none */
	const char *output;   /* >FILE (web: also FILE.svg); NULL: none */
	char *buf;            /* the copy of the line */
};

/* Parse line (NUL-terminated, any bytes).  0 with *c filled, or -1 with
 * c->kind CLI_SHELL_ERROR and e filled (e.g. "command list requires an
 * argument").  In both cases c must be released. */
int cli_shell_parse(const char *line, struct cli_shell_cmd *c, struct err *e);
void cli_shell_cmd_release(struct cli_shell_cmd *c);

#endif
