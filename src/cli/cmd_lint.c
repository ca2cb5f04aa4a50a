/*
 * lint: find leaks in Go source (the rules of src/lint/rules.def).
 *
 * Option handling, the rule selection, the baseline file and the choice of
 * writer live here; everything else is lint_run.  Files that cannot be read
 * or parsed are reported on stderr and skipped; the run goes on.
 */
#include "cli.h"
#include "config.h"
#include "html_adapt.h"
#include "pprof_opts.h"
#include "../base/file.h"
#include "../base/sb.h"
#include "../base/xalloc.h"
#include "../go/gomod.h"
#include "../lint/lint.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_lint_help[] =
"NAME\n"
"    leakhound lint - find memory and goroutine leaks in Go source\n"
"\n"
"SYNOPSIS\n"
"    leakhound lint [options] [PATH...]\n"
"\n"
"DESCRIPTION\n"
"    Lints the Go packages named by PATH (default ./...): a file, a\n"
"    directory (walked like the go tool walks packages, skipping testdata,\n"
"    nested modules (a subdirectory with its own go.mod), vendor, _* and\n"
"    .*), DIR/... (at a go.work root: every module it uses), or an import\n"
"    path (example.com/m/pkg[/...], through go.work or go.mod).  Each\n"
"    finding names the file, line and column,\n"
"    explains the leak in a sentence or two and says how to fix it.\n"
"    `leakhound rules` lists the rules; `leakhound rules --explain RULE`\n"
"    documents one.\n"
"\n"
"    The timer rules follow the semantics in force for each package: the\n"
"    nearest go.mod's go line, its toolchain line and its godebug\n"
"    asynctimerchan setting, and the main package's //go:debug lines (before\n"
"    Go 1.23 unreferenced timers and tickers are never collected and timer\n"
"    channels are buffered; from 1.23 they are collected and unbuffered).\n"
"    Each message says which one applied.\n"
"\n"
"    A finding is suppressed by a comment on its line or the line above:\n"
"        //leakhound:ignore RULE[,RULE] reason\n"
"    or by golangci-lint's //nolint, //nolint:leakhound or //nolint:RULE.\n"
"\n"
"OPTIONS\n"
"    --format FMT       text (default), json, sarif, github (GitHub Actions\n"
"                       annotations), checkstyle (XML) or codeclimate (GitLab\n"
"                       code quality JSON)\n"
"    -o, --output FILE  write the report to FILE instead of standard output\n"
"    --html FILE        also write the HTML report page (docs/report.md)\n"
"    --enable RULES     run only these rules (comma-separated ids)\n"
"    --disable RULES    do not run these rules\n"
"    --include-tests    also lint _test.go files and test support code\n"
"    --include-commands per-call leaks in cmd/ too (docs/lint.md, scope)\n"
"    --go VERSION       use this Go version (1.N) instead of go.mod's\n"
"                       (also for go1.N build tags; default: all hold)\n"
"    --tags LIST        build tags that hold (comma-separated), like the\n"
"                       go tool's -tags; files whose //go:build or\n"
"                       // +build lines or _GOOS/_GOARCH names exclude\n"
"                       them for GOOS/GOARCH (environment, default the\n"
"                       host) are not linted, as go vet does not\n"
"    --include-generated  also lint generated files\n"
"    --baseline FILE    report only findings that are not in FILE, an\n"
"                       earlier `lint --format json` output; matching\n"
"                       ignores line numbers, so unrelated edits do not\n"
"                       bring old findings back\n"
"    --new-from-rev REV only findings on lines changed since the git\n"
"                       revision REV (git diff) or in untracked files\n"
"    --config FILE      settings from FILE, not the .leakhound.yml found\n"
"                       upward (docs/lint.md); --no-config: none\n"
"    --max-input SIZE   the most bytes of one source file (default 64M)\n"
"    -j, --jobs N       threads: files parsed and rules run in parallel\n"
"                       (default: all cores)\n"
"    --all              do not skip testdata, vendor, _*, .* and nested\n"
"                       module directories\n"
"    --facts FILE[:FUNC]  (developer) print what each function of FILE (or\n"
"                       only FUNC, \"f\" or \"T.m\") does to its parameters,\n"
"                       receiver fields and results, instead of findings\n"
"                       (docs/lint.md, \"Facts\")\n"
"\n"
"EXIT STATUS\n"
"    0 nothing found, 1 findings reported, 2 a path or file could not be\n"
"    read or parsed (the other files are still linted and reported),\n"
"    3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound lint ./...\n"
"    leakhound lint --format sarif -o leakhound.sarif ./...\n"
"    leakhound lint --go 1.23 --enable time-after-in-loop ./cmd/server\n"
"    leakhound lint --format json ./... > baseline.json\n"
"    leakhound lint --baseline baseline.json ./...\n"
"    go vet -vettool=$(command -v leakhound) ./...   (the go command's files)\n";

/* Set enabled[i] to val for every rule in the comma-separated list. */
static int select_rules(unsigned char *enabled, const char *list, int val)
{
	char *copy = xstrdup(list), *save = NULL, *tok;
	int rc = 0;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int i = lint_rule_index(tok);

		if (i < 0) {
			cli_usage("lint", "unknown rule '%s' (see 'leakhound rules')", tok);
			rc = -1;
			break;
		}
		enabled[i] = (unsigned char)val;
	}
	free(copy);
	return rc;
}

static int is_rule(const char *id)
{
	return lint_rule_index(id) >= 0;
}

/* --html: the findings as the report page, with source excerpts. */
static int write_html(const char *path, const struct findings *fs, int argc,
		      char **argv)
{
	struct report_page pg;
	int rc;

	report_page_init(&pg);
	pg.findings = fs;
	rc = cli_html_write(&pg, path, argc, argv);
	report_page_release(&pg);
	return rc;
}

/* --facts FILE[:FUNC]: lint FILE's directory and print the facts. */
static int facts_cmd(struct lint_options *o, const char *arg,
		     unsigned char *enabled)
{
	char *spec = xstrdup(arg), *colon = strrchr(spec, ':'), *dir, *slash;
	char *paths[1];
	struct sb out = SB_INIT;
	struct findings fs;
	struct lint_result res;
	struct err e = ERR_INIT;
	int found = 0, rc = CLI_EXIT_CLEAN;

	if (colon && !strchr(colon, '/'))
		*colon++ = 0;
	else
		colon = NULL;
	dir = xstrdup(spec);
	slash = strrchr(dir, '/');
	if (slash)
		slash[1] = 0;
	else
		strcpy(dir, ".");
	o->facts_file = slash ? spec + (slash - dir) + 1 : spec;
	o->facts_func = colon && *colon ? colon : NULL;
	o->facts_out = &out;
	o->facts_found = &found;
	o->jobs = 1;
	memset(enabled, 0, lint_nrules);   /* facts only: no rule runs */
	paths[0] = dir;
	findings_init(&fs);
	if (lint_run(o, paths, 1, &fs, &res, &e) < 0) {
		cli_error("%s", e.msg);
		rc = CLI_EXIT_ERROR;
	} else {
		for (size_t i = 0; i < res.nerrors; i++)
			fprintf(stderr, "%s\n", res.errors[i]);
		if (!found) {
			cli_error("--facts: no function %s%sin %s", o->facts_func ? o->facts_func : "",
				  o->facts_func ? " " : "", arg);
			rc = CLI_EXIT_ERROR;
		} else if (cli_output(NULL, &out) < 0 || res.nerrors) {
			rc = CLI_EXIT_ERROR;
		}
		lint_result_release(&res);
	}
	findings_release(&fs);
	sb_release(&out);
	free(dir);
	free(spec);
	free(enabled);
	return rc;
}

int cmd_lint(int argc, char **argv)
{
	enum { OPT_FORMAT = 256, OPT_ENABLE, OPT_DISABLE, OPT_TESTS, OPT_GO,
	       OPT_BASELINE, OPT_ALL, OPT_HTML, OPT_TAGS, OPT_GENERATED,
	       OPT_CONFIG, OPT_NO_CONFIG, OPT_NEW_FROM_REV, OPT_FACTS,
	       OPT_MAX_INPUT, OPT_COMMANDS };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "enable", required_argument, NULL, OPT_ENABLE },
		{ "disable", required_argument, NULL, OPT_DISABLE },
		{ "include-tests", no_argument, NULL, OPT_TESTS },
		{ "include-commands", no_argument, NULL, OPT_COMMANDS },
		{ "go", required_argument, NULL, OPT_GO },
		{ "baseline", required_argument, NULL, OPT_BASELINE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "html", required_argument, NULL, OPT_HTML },
		{ "tags", required_argument, NULL, OPT_TAGS },
		{ "include-generated", no_argument, NULL, OPT_GENERATED },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
		{ "new-from-rev", required_argument, NULL, OPT_NEW_FROM_REV },
		{ "facts", required_argument, NULL, OPT_FACTS },
		{ "max-input", required_argument, NULL, OPT_MAX_INPUT },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *output = NULL, *baseline = NULL;
	const char *enable = NULL, *disable = NULL, *html = NULL, *facts = NULL;
	const char *config = NULL, *new_from_rev = NULL;
	int no_config = 0, cli_tests = 0, cli_generated = 0, opt_commands = 0;
	struct cli_config cfg;
	struct lint_options o;
	struct lint_result res;
	struct findings fs;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	unsigned char *enabled;
	char *defpath[] = { "./..." };
	int c, rc;
	long n;

	memset(&o, 0, sizeof(o));
	while ((c = cli_getopt("lint", argc, argv, "o:j:", opts)) != -1) {
		switch (c) {
		case OPT_FORMAT: format = optarg; break;
		case 'o': output = optarg; break;
		case OPT_ENABLE: enable = optarg; break;
		case OPT_DISABLE: disable = optarg; break;
		case OPT_TESTS: cli_tests = 1; break;
		case OPT_COMMANDS: opt_commands = 1; break;
		case OPT_GO: o.go_version = optarg; break;
		case OPT_BASELINE: baseline = optarg; break;
		case OPT_ALL: o.all_dirs = 1; break;
		case OPT_HTML: html = optarg; break;
		case OPT_TAGS: o.tags = optarg; break;
		case OPT_GENERATED: cli_generated = 1; break;
		case OPT_CONFIG: config = optarg; break;
		case OPT_NO_CONFIG: no_config = 1; break;
		case OPT_NEW_FROM_REV: new_from_rev = optarg; break;
		case OPT_FACTS: facts = optarg; break;
		case OPT_MAX_INPUT:
			if (cli_set_max_input("lint", optarg) < 0)
				return CLI_EXIT_USAGE;
			o.max_input = cli_max_input();
			break;
		case 'j':
			n = cli_parse_count("lint", "--jobs", optarg);
			if (n < 0)
				return CLI_EXIT_USAGE;
			o.jobs = (int)(n > 256 ? 256 : n);
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (report_format_parse(format) < 0)
		return cli_usage("lint", "unknown format '%s' (%s)", format, report_format_names);
	memset(&cfg, 0, sizeof(cfg));
	if (!no_config && cli_config_load(&cfg, config, is_rule, &e) < 0) {
		cli_error("%s", e.msg);
		cli_config_release(&cfg);
		return CLI_EXIT_ERROR;
	}
	/* the command line wins over .leakhound.yml */
	if (!o.go_version)
		o.go_version = cfg.go;
	if (!o.tags)
		o.tags = cfg.tags;
	o.include_tests = cli_tests || cfg.include_tests == 1;
	o.include_generated = cli_generated || cfg.include_generated == 1;
	o.include_commands = opt_commands || cfg.include_commands == 1;
	enabled = xcalloc(lint_nrules, 1);
	memset(enabled, enable || cfg.nenable ? 0 : 1, lint_nrules);
	if (!enable)
		for (size_t i = 0; i < cfg.nenable; i++)
			enabled[lint_rule_index(cfg.enable[i])] = 1;
	for (size_t i = 0; i < cfg.ndisable; i++)
		enabled[lint_rule_index(cfg.disable[i])] = 0;
	if ((enable && select_rules(enabled, enable, 1) < 0) ||
	    (disable && select_rules(enabled, disable, 0) < 0)) {
		free(enabled);
		cli_config_release(&cfg);
		return CLI_EXIT_USAGE;
	}
	o.enabled = enabled;
	if (o.go_version) {
		struct go_version v;

		if (go_version_parse(o.go_version, strlen(o.go_version), &v) < 0) {
			rc = cli_usage("lint", "--go wants a Go version like 1.23, not '%s'%s",
				       o.go_version, o.go_version == cfg.go ? " (in the config)" : "");
			free(enabled);
			cli_config_release(&cfg);
			return rc;
		}
	}

	if (facts) {
		rc = facts_cmd(&o, facts, enabled);
		cli_config_release(&cfg);
		return rc;
	}
	findings_init(&fs);
	if (lint_run(&o, optind < argc ? argv + optind : defpath,
		     optind < argc ? (size_t)(argc - optind) : 1, &fs, &res, &e) < 0) {
		cli_error("%s", e.msg);
		findings_release(&fs);
		free(enabled);
		cli_config_release(&cfg);
		return CLI_EXIT_ERROR;
	}
	for (size_t i = 0; i < res.nerrors; i++)
		fprintf(stderr, "%s\n", res.errors[i]);
	if (res.command_hidden)
		cli_note("%zu finding%s of one leak per call in command code "
			 "(below cmd/) not reported: --include-commands reports them",
			 res.command_hidden, res.command_hidden == 1 ? "" : "s");
	if (!res.files && !res.nerrors) {
		/* like the go tool's "matched no packages" */
		const char *what = optind < argc ? argv[optind] : defpath[0];

		if (res.excluded || res.generated)
			cli_warn("%s%s matched no Go files to lint (%zu excluded by build "
				 "constraints, %zu generated)", what,
				 optind + 1 < argc ? " ..." : "", res.excluded, res.generated);
		else
			cli_warn("%s%s matched no Go files", what,
				 optind + 1 < argc ? " ..." : "");
	}
	rc = CLI_EXIT_CLEAN;
	cli_config_apply(&cfg, &fs);
	if (new_from_rev && cli_new_from_rev(&fs, new_from_rev, &e) < 0) {
		cli_error("--new-from-rev %s: %s", new_from_rev, e.msg);
		rc = CLI_EXIT_ERROR;
		goto done;
	}
	if (baseline) {
		size_t len;
		char *text = file_read_all(baseline, 256 << 20, &len, &e);

		if (!text || lint_apply_baseline(&fs, text, len, &e) < 0) {
			if (text)
				err_prefixf(&e, "cannot use baseline '%s'", baseline);
			cli_error("%s", e.msg);
			free(text);
			rc = CLI_EXIT_ERROR;
			goto done;
		}
		free(text);
	}
	if (!strcmp(format, "json")) {
		report_write_json(&out, &fs, NULL);
	} else if (!strcmp(format, "sarif")) {
		size_t nm;
		const struct report_rule_meta *m = lint_rule_meta(&nm);

		report_write_sarif(&out, &fs, m, nm, "lint");
	} else {
		report_write_ci(&out, (enum report_format)report_format_parse(format), &fs);
	}
	if (cli_output(output, &out) < 0 || (html && write_html(html, &fs, argc, argv) < 0))
		rc = CLI_EXIT_ERROR;
	else if (res.nerrors)
		rc = CLI_EXIT_ERROR;
	else if (fs.items.len)
		rc = CLI_EXIT_FINDINGS;
done:
	sb_release(&out);
	findings_release(&fs);
	lint_result_release(&res);
	free(enabled);
	cli_config_release(&cfg);
	return rc;
}
