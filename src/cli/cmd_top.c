/*
 * top: pprof's -top report, byte for byte, from a profile file or URL.
 */
#include "cli.h"
#include "../pprof/report.h"
#include "../report/finding.h"
#include "../report/write.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_top_help[] =
"NAME\n"
"    leakhound top - the heaviest functions of a pprof profile\n"
"\n"
"SYNOPSIS\n"
"    leakhound top [options] PROFILE\n"
"\n"
"DESCRIPTION\n"
"    Reads a heap, allocs, goroutine, block, mutex or CPU profile (protobuf,\n"
"    gzip-compressed or not, or the debug=1 text form) from a file, '-' for\n"
"    standard input, or an http(s):// URL such as\n"
"    http://127.0.0.1:6060/debug/pprof/heap, and prints the table that\n"
"    `go tool pprof -top` prints with the same options: header lines, then\n"
"    flat, flat%, sum%, cum, cum% and the name of each node.\n"
"\n"
"OPTIONS\n"
"    --unit UNIT             show values in UNIT (B, kB, MB, ns, ms, s, ...)\n"
"                            instead of the unit pprof would choose\n"
"    --sample-index NAME|N   sample type to report (default: the profile's\n"
"                            default, else the last one)\n"
"    --inuse_space, --inuse_objects, --alloc_space, --alloc_objects\n"
"                            shorthands for --sample-index\n"
"    --nodecount N           show at most N nodes\n"
"    --nodefraction F        drop nodes below F of the total (default 0.005)\n"
"    --cum                   sort by cumulative value\n"
"    --focus RE, --ignore RE, --hide RE, --show RE, --show-from RE\n"
"                            pprof's filters on function names and files\n"
"    --symbolize comments    read function names, files and lines of a\n"
"                            debug=1 text profile from its '#' lines (pprof\n"
"                            ignores them: its report shows <unknown>)\n"
"    --tagfocus F, --tagignore F\n"
"                            keep or drop samples by label: [KEY=]RE[,RE]\n"
"                            or a numeric range such as 1kb: or 64kb:1mb\n"
"    --granularity G         functions (default), filefunctions, files,\n"
"                            lines or addresses\n"
"    --noinlines             attribute inlined calls to their caller\n"
"    --diff-base BASE        subtract BASE; percentages of BASE's total\n"
"    --base BASE             subtract BASE\n"
"    --format text|json      output format (default text)\n"
"    -o FILE                 write to FILE instead of standard output\n"
"\n"
"EXIT STATUS\n"
"    0 report printed, 2 unreadable or malformed profile, 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound top heap.pb.gz\n"
"    leakhound top --sample-index alloc_space --nodecount 10 heap.pb.gz\n"
"    leakhound top --diff-base before.pb.gz after.pb.gz\n"
"    leakhound top http://127.0.0.1:6060/debug/pprof/heap\n";

enum {
	O_SYMBOLIZE = 247, O_TAGFOCUS = 248, O_TAGIGNORE = 249, O_UNIT = 250, O_SI = 256, O_INUSE_SPACE, O_INUSE_OBJECTS, O_ALLOC_SPACE, O_ALLOC_OBJECTS,
	O_NODECOUNT, O_NODEFRACTION, O_EDGEFRACTION, O_CUM, O_FLAT, O_FOCUS, O_IGNORE,
	O_HIDE, O_SHOW, O_SHOW_FROM, O_GRAN, O_NOINLINES, O_DIFF_BASE, O_BASE, O_FORMAT,
};

static int parse_fraction(const char *opt, const char *v, double *out)
{
	char *end;
	double d = strtod(v, &end);

	if (!*v || *end || d < 0 || d > 1) {
		cli_usage("top", "option '%s' takes a fraction between 0 and 1, not '%s'", opt, v);
		return -1;
	}
	*out = d;
	return 0;
}

int cmd_top(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, O_UNIT },
		{ "sample-index", required_argument, NULL, O_SI },
		{ "sample_index", required_argument, NULL, O_SI },
		{ "inuse_space", no_argument, NULL, O_INUSE_SPACE },
		{ "inuse_objects", no_argument, NULL, O_INUSE_OBJECTS },
		{ "alloc_space", no_argument, NULL, O_ALLOC_SPACE },
		{ "alloc_objects", no_argument, NULL, O_ALLOC_OBJECTS },
		{ "nodecount", required_argument, NULL, O_NODECOUNT },
		{ "nodefraction", required_argument, NULL, O_NODEFRACTION },
		{ "edgefraction", required_argument, NULL, O_EDGEFRACTION },
		{ "cum", no_argument, NULL, O_CUM },
		{ "flat", no_argument, NULL, O_FLAT },
		{ "focus", required_argument, NULL, O_FOCUS },
		{ "symbolize", required_argument, NULL, O_SYMBOLIZE },
		{ "tagfocus", required_argument, NULL, O_TAGFOCUS },
		{ "tagignore", required_argument, NULL, O_TAGIGNORE },
		{ "ignore", required_argument, NULL, O_IGNORE },
		{ "hide", required_argument, NULL, O_HIDE },
		{ "show", required_argument, NULL, O_SHOW },
		{ "show-from", required_argument, NULL, O_SHOW_FROM },
		{ "show_from", required_argument, NULL, O_SHOW_FROM },
		{ "granularity", required_argument, NULL, O_GRAN },
		{ "noinlines", no_argument, NULL, O_NOINLINES },
		{ "diff-base", required_argument, NULL, O_DIFF_BASE },
		{ "diff_base", required_argument, NULL, O_DIFF_BASE },
		{ "base", required_argument, NULL, O_BASE },
		{ "format", required_argument, NULL, O_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	struct pprof_report_opts o;
	struct pprof_report r;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *base = NULL, *format = "text", *output = NULL;
	bool diff_base = false;
	unsigned parse_flags = 0;
	int c, rc;
	long v;

#define CMDNAME "top"
	pprof_report_opts_init(&o);
	while ((c = cli_getopt("top", argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case O_SI: o.sample_index = optarg; break;
		case O_UNIT: o.unit = optarg; break;
		case O_INUSE_SPACE: o.sample_index = "inuse_space"; break;
		case O_INUSE_OBJECTS: o.sample_index = "inuse_objects"; break;
		case O_ALLOC_SPACE: o.sample_index = "alloc_space"; break;
		case O_ALLOC_OBJECTS: o.sample_index = "alloc_objects"; break;
		case O_NODECOUNT:
			if ((v = cli_parse_count("top", "--nodecount", optarg)) < 0)
				return CLI_EXIT_USAGE;
			o.nodecount = v > 1000000000 ? 1000000000 : (int)v;
			break;
		case O_NODEFRACTION:
			if (parse_fraction("--nodefraction", optarg, &o.nodefraction))
				return CLI_EXIT_USAGE;
			break;
		case O_EDGEFRACTION:
			if (parse_fraction("--edgefraction", optarg, &o.edgefraction))
				return CLI_EXIT_USAGE;
			break;
		case O_CUM: o.cum = true; break;
		case O_FLAT: o.cum = false; break;
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
		case O_GRAN:
			if ((c = pprof_granularity_parse(optarg)) < 0)
				return cli_usage("top", "unknown granularity '%s' (want functions, filefunctions, files, lines or addresses)", optarg);
			o.granularity = (enum pprof_granularity)c;
			break;
		case O_NOINLINES: o.noinlines = true; break;
		case O_DIFF_BASE: base = optarg; diff_base = true; break;
		case O_BASE: base = optarg; diff_base = false; break;
		case O_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return cli_usage("top", "unknown format '%s' (want text or json)", optarg);
			format = optarg;
			break;
		case 'o': output = optarg; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("top", "no profile given");
	if (optind + 1 < argc)
		return cli_usage("top", "too many arguments (one profile, use --base for a second)");

	p = pprof_load(argv[optind], base, diff_base, parse_flags, &e);
	if (!p) {
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	if (p->unused_comment_symbols)
		cli_warn("this debug=1 profile carries symbols only in '#' comments, "
			 "which pprof ignores; --symbolize=comments reads them");
	rc = pprof_report_top(p, &o, &r, &e);
	pprof_profile_free(p);
	if (rc) {
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	{
		static const char *const names[7] = { "focus", "ignore", "hide", "show", "show-from",
						      "tagfocus", "tagignore" };

		for (c = 0; c < 7; c++)
			if (r.unmatched & (1u << c))
				cli_warn("--%s expression matched no samples", names[c]);
	}
	if (!strcmp(format, "json")) {
		struct findings fs;
		struct sb extra = SB_INIT;

		findings_init(&fs);
		sb_adds(&extra, ",\"top\":");
		pprof_report_json(&r, &extra);
		report_write_json(&out, &fs, sb_str(&extra));
		sb_release(&extra);
		findings_release(&fs);
	} else {
		pprof_report_text(&r, &out);
	}
	pprof_report_release(&r);
	rc = cli_output(output, &out) ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	sb_release(&out);
	return rc;
}
