/*
 * cli: the only layer that prints and exits.  Commands parse their options,
 * call the library modules, turn struct err into "leakhound: ..." on stderr
 * and return one of the exit codes below.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stddef.h>
#include "../base/err.h"
#include "../base/sb.h"

enum cli_exit {
	CLI_EXIT_CLEAN = 0,     /* nothing found */
	CLI_EXIT_FINDINGS = 1,  /* findings reported */
	CLI_EXIT_ERROR = 2,     /* operational error: bad input, unreachable target */
	CLI_EXIT_USAGE = 3,     /* usage error */
};

struct cli_command {
	const char *name;
	const char *summary;
	int developer;
	int (*run)(int argc, char **argv);
	const char *help;
};

extern const struct cli_command cli_commands[];
extern const size_t cli_ncommands;

const struct cli_command *cli_find(const char *name);

/* `go vet -vettool=leakhound` (vettool.c): 1 if argv is the go command's
 * call of a vet tool (-V=full, -flags, or ... DIR/vet.cfg); cli_vettool
 * answers it and returns the exit status. */
int cli_is_vettool(int argc, char **argv);

/* --format VAL for the commands that report findings: the set every such
 * command takes (report_format_names).  Sets json, sarif, or ci (a CI
 * format, enum report_format; 0 otherwise); on an unknown name prints the
 * usage error and returns -1. */
int cli_format_opt(const char *cmd, const char *val, int *json, int *sarif, int *ci);

/* --new-from-rev REV (gitdiff.c): keep only the findings on lines changed
 * since REV (git diff) or in files git does not track.  Returns 0, or -1
 * with e set when git fails. */
struct findings;
int cli_new_from_rev(struct findings *fs, const char *rev, struct err *e);
int cli_vettool(int argc, char **argv);

/* "leakhound: <message>\n" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "leakhound: warning: <message>\n" on stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "leakhound: note: <message>\n" on stderr (what was left out, and how to
 * bring it back). */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report a usage error for command cmd and return CLI_EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Write out to path (NULL or "-" = stdout).  Returns 0, or prints the error
 * and returns -1. */
int cli_output(const char *path, const struct sb *out);

/* Option parsing on top of getopt_long with leakhound's messages.  Returns
 * the option value as getopt_long does, -1 at the end, or '?' after it has
 * printed a usage error (the caller returns CLI_EXIT_USAGE). */
/* The command's arguments as typed (after the command name), kept by main
 * before getopt_long reorders argv: what a page's footer quotes.  argv is
 * the process's; only the array of pointers is copied (owned here, freed
 * by cli_invocation_release). */
void cli_invocation_set(int argc, char **argv);
void cli_invocation_get(int *argc, char ***argv);
void cli_invocation_release(void);

struct option;
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts);
/* Parse a non-negative integer option value; prints a usage error and
 * returns -1 if it is not one. */
long cli_parse_count(const char *cmd, const char *opt, const char *val);

/* Tell go_usercode_global() what the user's module is: from the build info
 * of the running program pid (its /proc/PID/exe; 0: none), else from the
 * go.mod of srcdir or its parents (NULL: none). */
void cli_usercode_setup(int pid, const char *srcdir);

/* The terminal on fd: 1 if it is one that takes cursor movement (a tty,
 * and TERM set and not "dumb"); cli_term_color: and colour too (no
 * NO_COLOR in the environment, https://no-color.org: set and not empty). */
int cli_term_cursor(int fd);
int cli_term_color(int fd);

#endif
