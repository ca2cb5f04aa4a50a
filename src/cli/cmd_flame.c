/*
 * flame: a flame graph of a profile, as an interactive SVG or folded stacks.
 */
#include "cli.h"
#include "pprof_opts.h"
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
"    --timeout D             for a URL: the whole fetch (default 60s, plus\n"
"                            any ?seconds=N), e.g. 10s, 2m\n"
"    --max-input SIZE        the most bytes read from a file, standard input\n"
"                            or URL (default 512M) and decompressed from\n"
"                            gzip (default 1G), e.g. 64M\n"
"    --sample-index NAME|N   sample type (default: the profile's default)\n"
"    --inuse_space, --inuse_objects, --alloc_space, --alloc_objects\n"
"    --focus RE, --ignore RE, --hide RE, --show RE, --show-from RE\n"
CLI_PPROF_HELP_SYMBOLIZE_TAGS
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
	O_FOLDED = CLI_PP_END, O_TITLE, O_WIDTH,
};

int cmd_flame(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_PPROF_OPTIONS,
		{ "folded", no_argument, NULL, O_FOLDED },
		{ "title", required_argument, NULL, O_TITLE },
		{ "width", required_argument, NULL, O_WIDTH },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_pprof_opts po;
	struct pprof_profile *p;
	struct pprof_flame f;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *output = NULL, *title = NULL;
	bool folded = false;
	long width = 0;
	int c, rc;

	cli_pprof_opts_init(&po);
	while ((c = cli_getopt("flame", argc, argv, "o:", opts)) != -1) {
		if ((rc = cli_pprof_opt("flame", c, optarg, &po)) != 0) {
			if (rc < 0)
				return CLI_EXIT_USAGE;
			continue;
		}
		switch (c) {
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
	p = cli_pprof_load(argv[optind], &po);
	if (!p)
		return CLI_EXIT_ERROR;
	rc = pprof_flame_build(&f, p, &po.o, &e);
	pprof_profile_free(p);
	cli_pprof_warn_unmatched(f.unmatched);
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
