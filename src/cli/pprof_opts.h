/*
 * pprof_opts: the options top, list and flame share (sample selection,
 * pprof's filters, symbolization, a base profile), parsed once here so the
 * three commands accept and check them the same way.
 *
 * A command puts CLI_PPROF_OPTIONS in its struct option table, numbers its
 * own options from CLI_PP_END on, and hands every getopt value to
 * cli_pprof_opt before its own switch.
 */
#ifndef CLI_PPROF_OPTS_H
#define CLI_PPROF_OPTS_H

#include <getopt.h>
#include <stdbool.h>
#include "../pprof/report.h"

enum {
	CLI_PP_SI = 256, CLI_PP_INUSE_SPACE, CLI_PP_INUSE_OBJECTS,
	CLI_PP_ALLOC_SPACE, CLI_PP_ALLOC_OBJECTS, CLI_PP_FOCUS, CLI_PP_IGNORE,
	CLI_PP_HIDE, CLI_PP_SHOW, CLI_PP_SHOW_FROM, CLI_PP_TAGFOCUS,
	CLI_PP_TAGIGNORE, CLI_PP_SYMBOLIZE, CLI_PP_NOINLINES, CLI_PP_DIFF_BASE,
	CLI_PP_TIMEOUT, CLI_PP_MAX_INPUT,
	/* the trimming options of the graph reports (top, graph) */
	CLI_PP_UNIT, CLI_PP_NODECOUNT, CLI_PP_NODEFRACTION, CLI_PP_EDGEFRACTION,
	CLI_PP_GRAN, CLI_PP_BASE,
	CLI_PP_END
};

#define CLI_PPROF_OPTIONS \
	{ "sample-index", required_argument, NULL, CLI_PP_SI }, \
	{ "sample_index", required_argument, NULL, CLI_PP_SI }, \
	{ "inuse_space", no_argument, NULL, CLI_PP_INUSE_SPACE }, \
	{ "inuse_objects", no_argument, NULL, CLI_PP_INUSE_OBJECTS }, \
	{ "alloc_space", no_argument, NULL, CLI_PP_ALLOC_SPACE }, \
	{ "alloc_objects", no_argument, NULL, CLI_PP_ALLOC_OBJECTS }, \
	{ "focus", required_argument, NULL, CLI_PP_FOCUS }, \
	{ "ignore", required_argument, NULL, CLI_PP_IGNORE }, \
	{ "hide", required_argument, NULL, CLI_PP_HIDE }, \
	{ "show", required_argument, NULL, CLI_PP_SHOW }, \
	{ "show-from", required_argument, NULL, CLI_PP_SHOW_FROM }, \
	{ "show_from", required_argument, NULL, CLI_PP_SHOW_FROM }, \
	{ "tagfocus", required_argument, NULL, CLI_PP_TAGFOCUS }, \
	{ "tagignore", required_argument, NULL, CLI_PP_TAGIGNORE }, \
	{ "symbolize", required_argument, NULL, CLI_PP_SYMBOLIZE }, \
	{ "noinlines", no_argument, NULL, CLI_PP_NOINLINES }, \
	{ "diff-base", required_argument, NULL, CLI_PP_DIFF_BASE }, \
	{ "diff_base", required_argument, NULL, CLI_PP_DIFF_BASE }, \
	{ "timeout", required_argument, NULL, CLI_PP_TIMEOUT }, \
	{ "max-input", required_argument, NULL, CLI_PP_MAX_INPUT }

/* The options of the reports built on pprof's trimmed graph (top, graph):
 * parsed by cli_pprof_trim_opt. */
#define CLI_PPROF_TRIM_OPTIONS \
	{ "unit", required_argument, NULL, CLI_PP_UNIT }, \
	{ "nodecount", required_argument, NULL, CLI_PP_NODECOUNT }, \
	{ "nodefraction", required_argument, NULL, CLI_PP_NODEFRACTION }, \
	{ "edgefraction", required_argument, NULL, CLI_PP_EDGEFRACTION }, \
	{ "granularity", required_argument, NULL, CLI_PP_GRAN }, \
	{ "base", required_argument, NULL, CLI_PP_BASE }

struct cli_pprof_opts {
	struct pprof_report_opts o;
	const char *base;      /* a second profile to subtract, or NULL */
	bool diff_base;        /* --diff-base (percent of the base) or --base */
	unsigned parse_flags;  /* PPROF_PARSE_* */
};

void cli_pprof_opts_init(struct cli_pprof_opts *po);
/* Take getopt's value c (argument arg) if it is a shared option: returns 1
 * when handled, 0 when c is not a shared option, -1 after printing a usage
 * error for command cmd. */
int cli_pprof_opt(const char *cmd, int c, const char *arg,
		  struct cli_pprof_opts *po);
/* The same for CLI_PPROF_TRIM_OPTIONS (--unit, --nodecount, --nodefraction,
 * --edgefraction, --granularity, --base). */
int cli_pprof_trim_opt(const char *cmd, int c, const char *arg,
		       struct cli_pprof_opts *po);
/* Load the profile at path (file, '-' or URL) with po's base, warning when a
 * debug=1 profile's symbols sit unused in comments.  NULL after printing the
 * error.  The caller frees the profile with pprof_profile_free. */
struct pprof_profile *cli_pprof_load(const char *path,
				     const struct cli_pprof_opts *po);
/* Warn for every filter expression of a finished report that matched no
 * sample (bits of pprof_report.unmatched), as pprof does. */
void cli_pprof_warn_unmatched(unsigned unmatched);

/* The help lines of --symbolize and --tagfocus/--tagignore, which
 * cli_pprof_opt parses for top, list and flame alike. */
#define CLI_PPROF_HELP_SYMBOLIZE_TAGS \
"    --symbolize comments    read function names, files and lines of a\n" \
"                            debug=1 text profile from its '#' lines (pprof\n" \
"                            ignores them: its report shows <unknown>)\n" \
"    --tagfocus F, --tagignore F\n" \
"                            keep or drop samples by label: [KEY=]RE[,RE]\n" \
"                            or a numeric range such as 1kb: or 64kb:1mb\n"

/* --timeout D of the commands that read URLs (top, list, flame,
 * goroutines): the total time of one fetch (default 60s, plus any
 * ?seconds=N).  0, or -1 after a usage message. */
int cli_set_url_timeout(const char *cmd, const char *arg);
/* --max-input SIZE: the most bytes read from a file, standard input or URL
 * and the most a gzip input may decompress to (default 512 MiB read, 1 GiB
 * decompressed).  0, or -1 after a usage message. */
int cli_set_max_input(const char *cmd, const char *arg);
/* The size the last cli_set_max_input set (0: none was given). */
size_t cli_max_input(void);

#endif
