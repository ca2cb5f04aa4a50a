/*
 * config: .leakhound.yml, the per-repository settings of lint (read with
 * libyaml).  Found upward from the working directory (.leakhound.yml or
 * .leakhound.yaml, the first one met), or named with --config FILE.
 *
 *     go: "1.23"                 # like --go
 *     tags: [integration, e2e]   # like --tags (a list or "a,b")
 *     include-tests: true        # like --include-tests
 *     include-generated: false   # like --include-generated
 *     rules:
 *       disable: [unbounded-global]
 *       enable: [...]            # only these (like --enable)
 *     severity:
 *       time-after-in-loop: note # error, warning or note
 *     exclude:                   # regular expressions (PCRE2) on the
 *       - '^internal/legacy/'    # finding's path, relative to the
 *       - '_mock\.go$'           # config file's directory
 *
 * An unknown key, a wrong type, an unknown rule or a bad expression is an
 * error naming the file and line.  Options given on the command line win
 * over the file.
 *
 * Ownership: a cli_config owns every string and compiled expression in it;
 * cli_config_release frees them.  No printing: errors go to e.
 */
#ifndef CLI_CONFIG_H
#define CLI_CONFIG_H

#include <stddef.h>
#include "../base/err.h"
#include "../report/finding.h"

struct cli_config {
	char *path;               /* the file read, NULL when none was found */
	char *dir;                /* its directory (for exclude paths) */
	char *go;                 /* NULL if unset */
	char *tags;               /* comma-separated, NULL if unset */
	int include_tests;        /* -1 unset, else 0/1 */
	int include_commands;     /* -1 unset, else 0/1 */
	int include_generated;    /* -1 unset, else 0/1 */
	char **enable, **disable; /* rule ids */
	size_t nenable, ndisable;
	char **sev_rule;          /* severity overrides: rule -> level */
	int *sev_level;
	size_t nsev;
	char **exclude;           /* the expressions, as written */
	void **exclude_re;        /* pcre2_code *, one per expression */
	size_t nexclude;
};

/* Read path (explicit: must exist), or when path is NULL look upward from
 * the working directory.  Returns 0 (cfg->path NULL when nothing was
 * found), or -1 with e set ("FILE:LINE: unknown key 'x'"). is_rule says
 * whether a rule id exists. */
int cli_config_load(struct cli_config *cfg, const char *path,
		    int (*is_rule)(const char *id), struct err *e);

/* The same from text[0..len) named name (for fuzzing); cfg must be
 * zeroed with include_tests/include_generated -1 (cli_config_load does). */
int cli_config_parse(struct cli_config *cfg, const char *name, const char *text,
		     size_t len, int (*is_rule)(const char *id), struct err *e);

/* Apply severity overrides and drop excluded findings.  Returns the number
 * of findings dropped. */
size_t cli_config_apply(const struct cli_config *cfg, struct findings *fs);

void cli_config_release(struct cli_config *cfg);

#endif
