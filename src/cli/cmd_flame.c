/*
 * flame: a flame graph of a profile, as an interactive SVG or folded stacks.
 */
#include "cli.h"
#include "../pprof/flame.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

const char cmd_flame_help[] =
"NAME\n"
"    leakhound flame - draw a flame graph of a pprof profile\n"
"\n"
"SYNOPSIS\n"
"    leakhound flame [options] PROFILE -o out.svg\n"
"    leakhound flame --folded [options] PROFILE\n"
"\n"
"DESCRIPTION\n"
"    Writes one self-contained SVG file: click a frame to zoom into it (click\n"
"    the bottom frame, 'Reset Zoom' or Escape to zoom out), 'Search' or\n"
"    Ctrl-F to highlight frames matching a regular expression and see their\n"
"    share, hover for a frame's value and percentage.  With --diff-base the\n"
"    widths are the profile's values and the colours its change from BASE:\n"
"    red grew, blue shrank, the stronger the more.  --folded prints the\n"
"    folded-stack text instead (\"a;b;c 123\", with --diff-base\n"
"    \"a;b;c BASE PROFILE\").\n"
"\n"
"OPTIONS\n"
"    -o FILE                 write to FILE (default: standard output)\n"
"    --folded                print folded stacks instead of SVG\n"
"    --diff-base BASE        colour by growth since BASE\n"
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
"    --title TEXT            title of the graph\n"
"    --width PIXELS          width of the SVG (default 1200)\n"
"\n"
"EXIT STATUS\n"
"    0 graph written, 2 unreadable profile, 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound flame heap.pb.gz -o heap.svg\n"
"    leakhound flame --diff-base before.pb.gz after.pb.gz -o growth.svg\n"
"    leakhound flame --folded --alloc_space heap.pb.gz | sort -k2 -n\n";

enum {
	O_SYMBOLIZE = 247, O_TAGFOCUS = 248, O_TAGIGNORE = 249, O_SI = 256, O_INUSE_SPACE, O_INUSE_OBJECTS, O_ALLOC_SPACE, O_ALLOC_OBJECTS,
	O_FOCUS, O_IGNORE, O_HIDE, O_SHOW, O_SHOW_FROM, O_NOINLINES, O_DIFF_BASE,
	O_FOLDED, O_TITLE, O_WIDTH,
};

int cmd_flame(int argc, char **argv)
{
	static const struct option opts[] = {
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
		{ "folded", no_argument, NULL, O_FOLDED },
		{ "title", required_argument, NULL, O_TITLE },
		{ "width", required_argument, NULL, O_WIDTH },
		{ NULL, 0, NULL, 0 },
	};
	struct pprof_report_opts o;
	struct pprof_profile *p;
	struct pprof_flame f;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *base = NULL, *output = NULL, *title = NULL;
	bool folded = false;
	unsigned parse_flags = 0;
	long width = 0;
	int c, rc;

#define CMDNAME "flame"
	pprof_report_opts_init(&o);
	while ((c = cli_getopt("flame", argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case O_SI: o.sample_index = optarg; break;
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
		case O_DIFF_BASE: base = optarg; break;
		case O_FOLDED: folded = true; break;
		case O_TITLE: title = optarg; break;
		case O_WIDTH:
			if ((width = cli_parse_count("flame", "--width", optarg)) < 0)
				return CLI_EXIT_USAGE;
			if (width < 100 || width > 100000)
				return cli_usage("flame", "--width must be between 100 and 100000");
			break;
		case 'o': output = optarg; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("flame", "no profile given");
	if (optind + 1 < argc)
		return cli_usage("flame", "too many arguments (one profile, use --diff-base for a second)");
	p = pprof_load(argv[optind], base, true, parse_flags, &e);
	if (!p) {
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	if (p->unused_comment_symbols)
		cli_warn("this debug=1 profile carries symbols only in '#' comments, "
			 "which pprof ignores; --symbolize=comments reads them");
	rc = pprof_flame_build(&f, p, &o, &e);
	pprof_profile_free(p);
	if (rc) {
		pprof_flame_release(&f);
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	if (folded)
		pprof_flame_folded(&f, &out);
	else
		pprof_flame_svg(&f, title, (int)width, &out);
	pprof_flame_release(&f);
	rc = cli_output(output, &out) ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	sb_release(&out);
	return rc;
}
