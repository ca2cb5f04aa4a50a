/*
 * list: pprof's -list, source annotated with a profile's values per line.
 */
#include "cli.h"
#include "pprof_opts.h"
#include "../pprof/report.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

const char cmd_list_help[] =
"NAME\n"
"    leakhound list - annotate source lines with a profile's values\n"
"\n"
"SYNOPSIS\n"
"    leakhound list [options] REGEX PROFILE\n"
"\n"
"DESCRIPTION\n"
"    For every function whose name matches REGEX, prints its source with the\n"
"    flat and cum values of every line, as `go tool pprof -list REGEX` does.\n"
"    Source files are read from the paths recorded in the profile, or looked\n"
"    up under --src (and its parent directories) like pprof's -source_path.\n"
"\n"
"OPTIONS\n"
"    --src DIR               where to look for source files (':'-separated\n"
"                            list; default: the current directory)\n"
"    --unit UNIT             show values in UNIT (B, kB, MB, ns, ms, s, ...)\n"
"                            instead of the unit pprof would choose\n"
"    --sample-index NAME|N   sample type (default: the profile's default)\n"
"    --inuse_space, --inuse_objects, --alloc_space, --alloc_objects\n"
"    --focus RE, --ignore RE, --hide RE, --show RE, --show-from RE\n"
CLI_PPROF_HELP_SYMBOLIZE_TAGS
"    --noinlines             attribute inlined calls to their caller\n"
"    --diff-base BASE, --base BASE\n"
"                            subtract another profile first\n"
"    --timeout D             for a URL: the whole fetch (default 60s, plus\n"
"                            any ?seconds=N), e.g. 10s, 2m\n"
"    --max-input SIZE        the most bytes read from a file, standard input\n"
"                            or URL (default 512M) and decompressed from\n"
"                            gzip (default 1G), e.g. 64M\n"
"    -o FILE                 write to FILE instead of standard output\n"
"\n"
"EXIT STATUS\n"
"    0 listing printed, 2 unreadable profile or no function matches,\n"
"    3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound list 'main\\.leak' heap.pb.gz\n"
"    leakhound list --src ~/src/app --alloc_space Handler heap.pb.gz\n";

enum {
	O_UNIT = CLI_PP_END, O_BASE, O_SRC,
};

int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_PPROF_OPTIONS,
		{ "unit", required_argument, NULL, O_UNIT },
		{ "base", required_argument, NULL, O_BASE },
		{ "src", required_argument, NULL, O_SRC },
		{ "source_path", required_argument, NULL, O_SRC },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_pprof_opts po;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *output = NULL, *src = NULL;
	unsigned unmatched = 0;
	int c, rc;

	cli_pprof_opts_init(&po);
	while ((c = cli_getopt("list", argc, argv, "o:", opts)) != -1) {
		if ((rc = cli_pprof_opt("list", c, optarg, &po)) != 0) {
			if (rc < 0)
				return CLI_EXIT_USAGE;
			continue;
		}
		switch (c) {
		case O_UNIT: po.o.unit = optarg; break;
		case O_BASE: po.base = optarg; po.diff_base = false; break;
		case O_SRC: src = optarg; break;
		case 'o': output = optarg; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind + 2 > argc)
		return cli_usage("list", "want a regular expression and a profile");
	if (optind + 2 < argc)
		return cli_usage("list", "too many arguments");
	p = cli_pprof_load(argv[optind + 1], &po);
	if (!p)
		return CLI_EXIT_ERROR;
	rc = pprof_report_list(p, &po.o, argv[optind], src, &out, &unmatched, &e);
	pprof_profile_free(p);
	cli_pprof_warn_unmatched(unmatched);
	if (rc) {
		sb_release(&out);
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	rc = cli_output(output, &out) ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	sb_release(&out);
	return rc;
}
