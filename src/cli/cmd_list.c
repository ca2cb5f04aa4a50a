/*
 * list: pprof's -list, source annotated with a profile's values per line.
 */
#include "cli.h"
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
"    --symbolize comments    read function names, files and lines of a\n"
"                            debug=1 text profile from its '#' lines (pprof\n"
"                            ignores them: its report shows <unknown>)\n"
"    --tagfocus F, --tagignore F\n"
"                            keep or drop samples by label: [KEY=]RE[,RE]\n"
"                            or a numeric range such as 1kb: or 64kb:1mb\n"
"    --noinlines             attribute inlined calls to their caller\n"
"    --diff-base BASE, --base BASE\n"
"                            subtract another profile first\n"
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
	O_SYMBOLIZE = 247, O_TAGFOCUS = 248, O_TAGIGNORE = 249, O_UNIT = 250, O_SI = 256, O_INUSE_SPACE, O_INUSE_OBJECTS, O_ALLOC_SPACE, O_ALLOC_OBJECTS,
	O_FOCUS, O_IGNORE, O_HIDE, O_SHOW, O_SHOW_FROM, O_NOINLINES, O_DIFF_BASE,
	O_BASE, O_SRC,
};

int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, O_UNIT },
		{ "sample-index", required_argument, NULL, O_SI },
		{ "sample_index", required_argument, NULL, O_SI },
		{ "inuse_space", no_argument, NULL, O_INUSE_SPACE },
		{ "inuse_objects", no_argument, NULL, O_INUSE_OBJECTS },
		{ "alloc_space", no_argument, NULL, O_ALLOC_SPACE },
		{ "alloc_objects", no_argument, NULL, O_ALLOC_OBJECTS },
		{ "focus", required_argument, NULL, O_FOCUS },
		{ "symbolize", required_argument, NULL, O_SYMBOLIZE },
		{ "tagfocus", required_argument, NULL, O_TAGFOCUS },
		{ "tagignore", required_argument, NULL, O_TAGIGNORE },
		{ "ignore", required_argument, NULL, O_IGNORE },
		{ "hide", required_argument, NULL, O_HIDE },
		{ "show", required_argument, NULL, O_SHOW },
		{ "show-from", required_argument, NULL, O_SHOW_FROM },
		{ "show_from", required_argument, NULL, O_SHOW_FROM },
		{ "noinlines", no_argument, NULL, O_NOINLINES },
		{ "diff-base", required_argument, NULL, O_DIFF_BASE },
		{ "diff_base", required_argument, NULL, O_DIFF_BASE },
		{ "base", required_argument, NULL, O_BASE },
		{ "src", required_argument, NULL, O_SRC },
		{ "source_path", required_argument, NULL, O_SRC },
		{ NULL, 0, NULL, 0 },
	};
	struct pprof_report_opts o;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *base = NULL, *output = NULL, *src = NULL;
	bool diff_base = false;
	unsigned parse_flags = 0;
	int c, rc;

#define CMDNAME "list"
	pprof_report_opts_init(&o);
	while ((c = cli_getopt("list", argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case O_SI: o.sample_index = optarg; break;
		case O_UNIT: o.unit = optarg; break;
		case O_INUSE_SPACE: o.sample_index = "inuse_space"; break;
		case O_INUSE_OBJECTS: o.sample_index = "inuse_objects"; break;
		case O_ALLOC_SPACE: o.sample_index = "alloc_space"; break;
		case O_ALLOC_OBJECTS: o.sample_index = "alloc_objects"; break;
		case O_FOCUS: o.focus = optarg; break;
		case O_TAGFOCUS: o.tagfocus = optarg; break;
		case O_SYMBOLIZE:
			if (!strcmp(optarg, "comments"))
				parse_flags = PPROF_PARSE_COMMENT_SYMBOLS;
			else if (!strcmp(optarg, "none"))
				parse_flags = 0;
			else
				return cli_usage(CMDNAME, "unknown --symbolize '%s' (want none or comments)", optarg);
			break;
		case O_TAGIGNORE: o.tagignore = optarg; break;
		case O_IGNORE: o.ignore = optarg; break;
		case O_HIDE: o.hide = optarg; break;
		case O_SHOW: o.show = optarg; break;
		case O_SHOW_FROM: o.show_from = optarg; break;
		case O_NOINLINES: o.noinlines = true; break;
		case O_DIFF_BASE: base = optarg; diff_base = true; break;
		case O_BASE: base = optarg; diff_base = false; break;
		case O_SRC: src = optarg; break;
		case 'o': output = optarg; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind + 2 > argc)
		return cli_usage("list", "want a regular expression and a profile");
	if (optind + 2 < argc)
		return cli_usage("list", "too many arguments");
	p = pprof_load(argv[optind + 1], base, diff_base, parse_flags, &e);
	if (!p) {
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	if (p->unused_comment_symbols)
		cli_warn("this debug=1 profile carries symbols only in '#' comments, "
			 "which pprof ignores; --symbolize=comments reads them");
	rc = pprof_report_list(p, &o, argv[optind], src, &out, &e);
	pprof_profile_free(p);
	if (rc) {
		sb_release(&out);
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	rc = cli_output(output, &out) ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	sb_release(&out);
	return rc;
}
