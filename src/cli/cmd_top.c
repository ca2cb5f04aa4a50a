/*
 * top: pprof's -top report, byte for byte, from a profile file or URL.
 */
#include "cli.h"
#include "pprof_opts.h"
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
CLI_PPROF_HELP_SYMBOLIZE_TAGS
"    --granularity G         functions (default), filefunctions, files,\n"
"                            lines or addresses\n"
"    --noinlines             attribute inlined calls to their caller\n"
"    --diff-base BASE        subtract BASE; percentages of BASE's total\n"
"    --base BASE             subtract BASE\n"
"    --format text|json      output format (default text)\n"
"    --timeout D             for a URL: the whole fetch (default 60s, plus\n"
"                            any ?seconds=N), e.g. 10s, 2m\n"
"    --max-input SIZE        the most bytes read from a file, standard input\n"
"                            or URL (default 512M) and decompressed from\n"
"                            gzip (default 1G), e.g. 64M\n"
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
	O_CUM = CLI_PP_END, O_FLAT, O_FORMAT, O_TREE, O_TRACES, O_PEEK,
};

int cmd_top(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_PPROF_OPTIONS,
		CLI_PPROF_TRIM_OPTIONS,
		{ "cum", no_argument, NULL, O_CUM },
		{ "flat", no_argument, NULL, O_FLAT },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "tree", no_argument, NULL, O_TREE },
		{ "traces", no_argument, NULL, O_TRACES },
		{ "peek", required_argument, NULL, O_PEEK },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_pprof_opts po;
	struct pprof_report_opts *o = &po.o;
	struct pprof_report r;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *format = "text", *output = NULL, *peek = NULL;
	int kind = 0;   /* 0 top, O_TREE, O_TRACES or O_PEEK */
	int c, rc;

	cli_pprof_opts_init(&po);
	while ((c = cli_getopt("top", argc, argv, "o:", opts)) != -1) {
		if ((rc = cli_pprof_opt("top", c, optarg, &po)) != 0 ||
		    (rc = cli_pprof_trim_opt("top", c, optarg, &po)) != 0) {
			if (rc < 0)
				return CLI_EXIT_USAGE;
			continue;
		}
		switch (c) {
		case O_CUM: o->cum = true; break;
		case O_FLAT: o->cum = false; break;
		case O_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return cli_usage("top", "unknown format '%s' (want text or json)", optarg);
			format = optarg;
			break;
		case O_TREE: case O_TRACES: kind = c; break;
		case O_PEEK: kind = c; peek = optarg; break;
		case 'o': output = optarg; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("top", "no profile given");
	if (optind + 1 < argc)
		return cli_usage("top", "too many arguments (one profile, use --base for a second)");

	if (kind && strcmp(format, "text"))
		return cli_usage("top", "--tree, --traces and --peek print text only");
	p = cli_pprof_load(argv[optind], &po);
	if (!p)
		return CLI_EXIT_ERROR;
	if (kind) {
		unsigned unmatched = 0;

		if (kind == O_TRACES)
			rc = pprof_report_traces(p, o, &out, &unmatched, &e);
		else
			rc = pprof_report_tree(p, o, peek, &out, &unmatched, &e);
		pprof_profile_free(p);
		cli_pprof_warn_unmatched(unmatched);
		if (cli_output(output, &out))
			rc = -2;
		sb_release(&out);
		if (rc == -1)
			cli_error("%s", e.msg);
		return rc ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	}
	rc = pprof_report_top(p, o, &r, &e);
	pprof_profile_free(p);
	if (rc) {
		cli_error("%s", e.msg);
		return CLI_EXIT_ERROR;
	}
	cli_pprof_warn_unmatched(r.unmatched);
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
