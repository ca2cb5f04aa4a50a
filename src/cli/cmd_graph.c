/*
 * graph: pprof's call graph in DOT (`go tool pprof -dot`), byte for byte, or
 * that DOT laid out as SVG by Graphviz's library (src/gv).
 */
#include "cli.h"
#include "pprof_opts.h"
#include "../gv/gv.h"
#include "../pprof/dot.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char cmd_graph_help[] =
"NAME\n"
"    leakhound graph - the call graph of a pprof profile, in DOT or SVG\n"
"\n"
"SYNOPSIS\n"
"    leakhound graph [options] [--format dot|svg] PROFILE\n"
"\n"
"DESCRIPTION\n"
"    Reads a profile like `leakhound top` (file, '-' or URL) and writes the\n"
"    Graphviz DOT text that `go tool pprof -dot` writes: a legend, one box\n"
"    per function (font size by flat value, colour by cum), one arrow per\n"
"    call weighted by its share; at most 80 nodes.  --format svg lays that\n"
"    graph out with Graphviz's library (no `dot` program needed) and writes\n"
"    SVG, the default when -o names a .svg file.  Sample labels are drawn\n"
"    as pprof's tag boxes (string labels; sizes of heap profiles' \"bytes\").\n"
"\n"
"OPTIONS\n"
"    --format dot|svg        output format (default dot, svg for -o x.svg)\n"
"    --sample-index NAME|N   sample type (and the shorthands --inuse_space,\n"
"                            --inuse_objects, --alloc_space, --alloc_objects)\n"
"    --nodecount N           show at most N nodes (default 80)\n"
"    --nodefraction F        drop nodes below F of the total (default 0.005)\n"
"    --edgefraction F        drop edges below F of the total (default 0.001)\n"
"    --unit UNIT             show values in UNIT\n"
"    --granularity G         functions (default), filefunctions, files,\n"
"                            lines or addresses\n"
"    --focus RE, --ignore RE, --hide RE, --show RE, --show-from RE,\n"
"    --tagfocus F, --tagignore F, --noinlines, --diff-base BASE,\n"
"    --base BASE, --timeout D, --max-input SIZE\n"
"                            as for `leakhound top`\n"
"    -o FILE                 write to FILE instead of standard output\n"
"\n"
"EXIT STATUS\n"
"    0 graph written, 2 unreadable or malformed profile or a Graphviz\n"
"    error, 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound graph goroutine.pb.gz -o g.svg\n"
"    leakhound graph --format dot goroutine.pb.gz >g.dot\n"
"    leakhound graph --format dot --sample-index 1 --nodecount 20 cpu.pb.gz\n";

enum { O_FORMAT = CLI_PP_END };

int cmd_graph(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_PPROF_OPTIONS,
		CLI_PPROF_TRIM_OPTIONS,
		{ "format", required_argument, NULL, O_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_pprof_opts po;
	struct pprof_report_opts *o = &po.o;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *output = NULL;
	unsigned unmatched = 0;
	int format = -1; /* 0 dot, 1 svg, -1 from the name of -o */
	int c, rc;

	cli_pprof_opts_init(&po);
	while ((c = cli_getopt("graph", argc, argv, "o:", opts)) != -1) {
		if ((rc = cli_pprof_opt("graph", c, optarg, &po)) != 0 ||
		    (rc = cli_pprof_trim_opt("graph", c, optarg, &po)) != 0) {
			if (rc < 0)
				return CLI_EXIT_USAGE;
			continue;
		}
		switch (c) {
		case O_FORMAT:
			if (!strcmp(optarg, "dot"))
				format = 0;
			else if (!strcmp(optarg, "svg"))
				format = 1;
			else
				return cli_usage("graph", "unknown format '%s' (want dot or svg)", optarg);
			break;
		case 'o': output = optarg; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (format < 0) {
		size_t n = output ? strlen(output) : 0;
		format = n > 4 && !strcasecmp(output + n - 4, ".svg");
	}
	if (optind >= argc)
		return cli_usage("graph", "no profile given");
	if (optind + 1 < argc)
		return cli_usage("graph", "too many arguments (one profile, use --base for a second)");
	p = cli_pprof_load(argv[optind], &po);
	if (!p)
		return CLI_EXIT_ERROR;
	rc = pprof_report_dot(p, o, &out, &unmatched, &e);
	pprof_profile_free(p);
	if (rc) {
		cli_error("%s", e.msg);
		sb_release(&out);
		return CLI_EXIT_ERROR;
	}
	cli_pprof_warn_unmatched(unmatched);
	if (format == 1) {
		struct sb svg = SB_INIT;

		rc = gv_dot_to_svg(out.buf ? out.buf : "", out.len, &svg, &e);
		sb_release(&out);
		if (rc) {
			cli_error("%s: %s", argv[optind], e.msg);
			sb_release(&svg);
			return CLI_EXIT_ERROR;
		}
		out = svg;
	}
	rc = cli_output(output, &out) ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	sb_release(&out);
	return rc;
}
