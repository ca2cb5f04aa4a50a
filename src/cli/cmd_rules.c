/*
 * rules: list the lint rules, or print one rule's documentation.
 *
 * The pages of docs/rules/ are compiled into the binary (src/lint/
 * module.mk), so --explain works wherever leakhound is installed.
 */
#include "cli.h"
#include "../lint/lint.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

const char cmd_rules_help[] =
"NAME\n"
"    leakhound rules - list the lint rules or explain one\n"
"\n"
"SYNOPSIS\n"
"    leakhound rules [--explain RULE]\n"
"\n"
"DESCRIPTION\n"
"    Without options, prints every rule of `leakhound lint`: its id, its\n"
"    default severity and a one-line summary.  Rule ids are stable: use\n"
"    them with lint --enable/--disable and in //leakhound:ignore comments.\n"
"\n"
"OPTIONS\n"
"    --explain RULE   print the rule's documentation: what it finds, why it\n"
"                     leaks (the runtime mechanism), which Go versions are\n"
"                     affected, how to fix it, a leaky and a fixed example\n"
"\n"
"EXIT STATUS\n"
"    0 on success, 3 for an unknown rule or option.\n"
"\n"
"EXAMPLES\n"
"    leakhound rules\n"
"    leakhound rules --explain time-after-in-loop\n";

int cmd_rules(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "explain", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	const char *explain = NULL;
	int c;

	while ((c = cli_getopt("rules", argc, argv, "", opts)) != -1) {
		if (c == '?')
			return CLI_EXIT_USAGE;
		if (c == 'e')
			explain = optarg;
	}
	if (optind < argc)
		return cli_usage("rules", "unexpected argument '%s'", argv[optind]);
	if (explain) {
		const struct lint_rule *r = lint_rule_find(explain);

		if (!r)
			return cli_usage("rules", "unknown rule '%s' (see 'leakhound rules')",
					 explain);
		if (!r->doc) {
			cli_error("no documentation compiled in for rule '%s'", explain);
			return CLI_EXIT_ERROR;
		}
		fputs(r->doc, stdout);
		return CLI_EXIT_CLEAN;
	}
	int width = 0;

	for (size_t i = 0; i < lint_nrules; i++)
		if ((int)strlen(lint_rules[i].id) > width)
			width = (int)strlen(lint_rules[i].id);
	for (size_t i = 0; i < lint_nrules; i++)
		printf("%-*s  %-8s %s\n", width, lint_rules[i].id,
		       report_severity_name(lint_rules[i].severity),
		       lint_rules[i].summary);
	return CLI_EXIT_CLEAN;
}
