/*
 * goroutines: turn a goroutine dump into a short list of leak suspects.
 *
 * Reads a dump (file, '-' or URL), groups goroutines with the same stack,
 * ranks the groups and prints suspects first.  With an older dump of the
 * same process it also shows how each group grew.  Every suspect becomes a
 * finding located at its blocking line, so the JSON and text findings work
 * like those of the other commands.
 */
#include "cli.h"
#include "gor_report.h"
#include "html_adapt.h"
#include "watch_cli.h"
#include "../base/file.h"
#include "../gdump/gdump.h"
#include "../lint/lint.h"
#include "../report/finding.h"
#include "../report/write.h"


#include <getopt.h>

#include "pprof_opts.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cmd_goroutines_help[] =
"NAME\n"
"    leakhound goroutines - group a goroutine dump and rank leak suspects\n"
"\n"
"SYNOPSIS\n"
"    leakhound goroutines [options] DUMP [OLDER_DUMP]\n"
"\n"
"DESCRIPTION\n"
"    Reads a goroutine dump in any form Go writes: /debug/pprof/goroutine\n"
"    ?debug=2 text, crash or SIGQUIT output (also inside a larger log, with\n"
"    a prefix on every line or CRLF line ends), runtime.Stack(all) output,\n"
"    ?debug=1 aggregated text, and the protobuf goroutine and goroutineleak\n"
"    profiles.  DUMP is a file, '-' for standard input, or an http(s) URL.\n"
"\n"
"    Goroutines with the same stack (function and file:line per frame, the\n"
"    creating site, the state) form one group, whatever their argument\n"
"    values or parent goroutine.  Groups blocked on a channel, select or a\n"
"    sync wait in your own code are ranked as leak suspects, by count and\n"
"    wait time; standard-library loops (HTTP servers, connections, signal\n"
"    handling, finalizers) rank low; goroutines the runtime marked (leaked)\n"
"    are certain.  The blocking site is the topmost frame in your code.\n"
"\n"
"    With OLDER_DUMP (an earlier dump of the same process), each group's\n"
"    growth is shown, groups that are new are marked, goroutine ids tell\n"
"    how many goroutines survived from the older dump, and suspects are\n"
"    ranked by growth.\n"
"\n"
"OPTIONS\n"
"    --all             list every group, not only suspects\n"
"    --stacks          print the frames of each listed group\n"
"    --format FMT      text (default), json (findings plus a \"groups\" array\n"
"                      of every group), or findings only: sarif, github,\n"
"                      checkstyle, codeclimate (like lint's)\n"
"    --min-count N     only groups of at least N goroutines\n"
"    --state RE        only groups whose state matches RE (PCRE2)\n"
"    --match RE        only groups with a frame (function or file:line)\n"
"                      or creator matching RE (PCRE2)\n"
"    --src DIR         read the blocking lines from the Go sources under DIR\n"
"                      (found by the longest matching path suffix): say\n"
"                      which channel operation blocks, where the channel is\n"
"                      made and whether it is buffered, and cite the lint\n"
"                      findings in the same function; a _test.go file\n"
"                      holding a blocked frame is linted like any other\n"
"    -o, --output FILE write the result to FILE instead of standard output\n"
"    --html FILE       also write the HTML report page (docs/report.md)\n"
"    --timeout D       for a URL: the whole fetch (default 60s, plus any\n"
"                      ?seconds=N), e.g. 10s, 2m\n"
"    --max-input SIZE  the most bytes read from a file, standard input or\n"
"                      URL (default 512M), e.g. 64M\n"
"\n"
"EXIT STATUS\n"
"    0 no leak suspect, 1 suspects reported, 2 the dump could not be read,\n"
"    3 usage error.\n"
"\n"
"EXAMPLES\n"
"    curl -s 'localhost:6060/debug/pprof/goroutine?debug=2' > now.txt\n"
"    leakhound goroutines now.txt\n"
"    leakhound goroutines --stacks --min-count 10 now.txt before.txt\n"
"    leakhound goroutines --src ~/src/myservice now.txt\n"
"    leakhound goroutines --format json http://127.0.0.1:6060/debug/pprof/goroutine?debug=2\n";



static pcre2_code *compile_re(const char *opt, const char *re)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, 0,
				      &code, &off, NULL);
	if (!c) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof(msg));
		cli_usage("goroutines", "option '%s': bad regular expression '%s' at "
			  "offset %zu: %s", opt, re, (size_t)off, (char *)msg);
	}
	return c;
}


static int load(const char *src, struct gdump_dump *d, const char *what)
{
	struct err e = ERR_INIT;
	size_t i;
	int rc;

	gdump_dump_init(d);
	rc = gdump_load(d, src, &e);
	if (rc == -1) {
		cli_error("%s", e.msg);
		return -1;
	}
	if (rc < 0) {
		cli_error("cannot read %s '%s': %s", what, src, e.msg);
		return -1;
	}
	for (i = 0; i < d->nwarnings && i < GDUMP_MAX_WARNINGS; i++)
		cli_warn("%s: %s", src, d->warnings[i]);
	if (d->nwarnings > GDUMP_MAX_WARNINGS)
		cli_warn("%s: %zu more warnings", src, d->nwarnings - GDUMP_MAX_WARNINGS);
	return 0;
}

int cmd_goroutines(int argc, char **argv)
{
	enum { O_ALL = 256, O_STACKS, O_FORMAT, O_MIN, O_STATE, O_MATCH, O_SRC, O_HTML,
	       O_TIMEOUT, O_MAX_INPUT };
	static const struct option opts[] = {
		{ "all", no_argument, NULL, O_ALL },
		{ "stacks", no_argument, NULL, O_STACKS },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "min-count", required_argument, NULL, O_MIN },
		{ "state", required_argument, NULL, O_STATE },
		{ "match", required_argument, NULL, O_MATCH },
		{ "output", required_argument, NULL, 'o' },
		{ "src", required_argument, NULL, O_SRC },
		{ "html", required_argument, NULL, O_HTML },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "max-input", required_argument, NULL, O_MAX_INPUT },
		{ NULL, 0, NULL, 0 },
	};
	struct gor_opts o;
	struct gdump_dump d, od;
	struct gdump_groups gs, ogs;
	struct findings fs;
	struct sb out = SB_INIT;
	int c, rc = CLI_EXIT_USAGE, have_old = 0;
	const char *html = NULL;

	memset(&o, 0, sizeof(o));
	while ((c = cli_getopt("goroutines", argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case O_ALL: o.all = 1; break;
		case O_STACKS: o.stacks = 1; break;
		case O_FORMAT:
			if (cli_format_opt("goroutines", optarg, &o.json, &o.sarif, &o.ci) < 0)
				goto out;
			break;
		case O_MIN:
			if ((o.min_count = cli_parse_count("goroutines", "--min-count", optarg)) < 0)
				goto out;
			break;
		case O_STATE:
			if (o.state_re)
				pcre2_code_free(o.state_re);
			if (!(o.state_re = compile_re("--state", optarg)))
				goto out;
			break;
		case O_MATCH:
			if (o.match_re)
				pcre2_code_free(o.match_re);
			if (!(o.match_re = compile_re("--match", optarg)))
				goto out;
			break;
		case 'o': o.output = optarg; break;
		case O_SRC: o.srcdir = optarg; break;
		case O_TIMEOUT:
			if (cli_set_url_timeout("goroutines", optarg))
				goto out;
			break;
		case O_MAX_INPUT:
			if (cli_set_max_input("goroutines", optarg))
				goto out;
			break;
		case O_HTML: html = optarg; break;
		default: goto out;
		}
	}
	if (optind >= argc) {
		cli_usage("goroutines", "missing the dump to read");
		goto out;
	}
	if (argc - optind > 2) {
		cli_usage("goroutines", "too many arguments");
		goto out;
	}
	cli_usercode_setup(0, o.srcdir);
	if (load(argv[optind], &d, "goroutine dump") < 0) {
		gdump_dump_release(&d);
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	gdump_group(&d, &gs);
	gdump_dump_release(&d);
	if (argc - optind == 2) {
		if (load(argv[optind + 1], &od, "older goroutine dump") < 0) {
			gdump_dump_release(&od);
			gdump_groups_release(&gs);
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		gdump_group(&od, &ogs);
		gdump_dump_release(&od);
		gdump_compare(&gs, &ogs);
		have_old = 1;
	}
	if (o.srcdir) {
		gor_explain_groups(&o, &gs);
		gor_promote_groups(&o, &gs);
	}
	findings_init(&fs);
	gor_add_findings(&fs, &gs, &o, NULL);
	if (o.sarif) {
		report_write_sarif(&out, &fs, gor_rules, gor_nrules, "goroutines");
	} else if (o.ci) {
		report_write_ci(&out, (enum report_format)o.ci, &fs);
	} else if (o.json) {
		struct sb extra = SB_INIT;
		gor_json_groups(&extra, &gs, &o, NULL, 0);
		report_write_json(&out, &fs, sb_str(&extra));
		sb_release(&extra);
	} else {
		gor_text_table(&out, &gs, &o);
		if (fs.items.len) {
			sb_addc(&out, '\n');
			report_write_text(&out, &fs);
		}
	}
	rc = fs.items.len ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
	if (cli_output(o.output, &out) < 0)
		rc = CLI_EXIT_ERROR;
	if (html) {
		struct report_page pg;

		report_page_init(&pg);
		if (o.srcdir)
			report_page_add_src_dir(&pg, o.srcdir);
		cli_html_add_groups(&pg, &gs, argv[optind]);
		cli_html_add_goroutine_flame(&pg, "goroutines", &gs, NULL);
		report_page_add_input(&pg, argv[optind], "goroutine dump", NULL);
		if (have_old)
			report_page_add_input(&pg, argv[optind + 1], "older goroutine dump", NULL);
		pg.findings = &fs;
		if (cli_html_write(&pg, html, argc, argv) < 0)
			rc = CLI_EXIT_ERROR;
		report_page_release(&pg);
	}
	findings_release(&fs);
	gor_opts_release(&o);
	gdump_groups_release(&gs);
	if (have_old)
		gdump_groups_release(&ogs);
out:
	sb_release(&out);
	if (o.state_re)
		pcre2_code_free(o.state_re);
	if (o.match_re)
		pcre2_code_free(o.match_re);
	return rc;
}
