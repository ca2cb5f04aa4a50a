/*
 * pprof_opts: shared option handling of top, list and flame.
 */
#include "cli.h"
#include "pprof_opts.h"

#include <stdlib.h>
#include <string.h>

#include "../pprof/source.h"
#include "../watch/watch.h"

static struct pprof_source_opts source_opts = PPROF_SOURCE_OPTS_INIT;
static size_t max_input_given;

int cli_set_url_timeout(const char *cmd, const char *arg)
{
	struct pprof_source_opts so = PPROF_SOURCE_OPTS_INIT;
	double d = watch_parse_duration(arg);

	if (d < 0.01 || d > 86400.0 * 365) {
		cli_usage(cmd, "option '--timeout' takes a duration, not '%s'", arg);
		return -1;
	}
	so.timeout_ms = (long)(d * 1000);
	if (so.timeout_ms < 5000)
		so.connect_timeout_ms = so.timeout_ms;
	so.max_bytes = source_opts.max_bytes;
	source_opts = so;
	pprof_source_set_defaults(&so);
	return 0;
}

int cli_set_max_input(const char *cmd, const char *arg)
{
	long long n = watch_parse_size(arg);

	if (n <= 0) {
		cli_usage(cmd, "option '--max-input' takes a size (e.g. 64M, 2G), not '%s'", arg);
		return -1;
	}
	source_opts.max_bytes = (size_t)n;
	pprof_source_set_defaults(&source_opts);
	pprof_max_inflated = (size_t)n;
	max_input_given = (size_t)n;
	return 0;
}

size_t cli_max_input(void)
{
	return max_input_given;
}

void cli_pprof_opts_init(struct cli_pprof_opts *po)
{
	pprof_report_opts_init(&po->o);
	po->base = NULL;
	po->diff_base = false;
	po->parse_flags = 0;
}

int cli_pprof_opt(const char *cmd, int c, const char *arg,
		  struct cli_pprof_opts *po)
{
	switch (c) {
	case CLI_PP_SI: po->o.sample_index = arg; break;
	case CLI_PP_INUSE_SPACE: po->o.sample_index = "inuse_space"; break;
	case CLI_PP_INUSE_OBJECTS: po->o.sample_index = "inuse_objects"; break;
	case CLI_PP_ALLOC_SPACE: po->o.sample_index = "alloc_space"; break;
	case CLI_PP_ALLOC_OBJECTS: po->o.sample_index = "alloc_objects"; break;
	case CLI_PP_FOCUS: po->o.focus = arg; break;
	case CLI_PP_IGNORE: po->o.ignore = arg; break;
	case CLI_PP_HIDE: po->o.hide = arg; break;
	case CLI_PP_SHOW: po->o.show = arg; break;
	case CLI_PP_SHOW_FROM: po->o.show_from = arg; break;
	case CLI_PP_TAGFOCUS: po->o.tagfocus = arg; break;
	case CLI_PP_TAGIGNORE: po->o.tagignore = arg; break;
	case CLI_PP_NOINLINES: po->o.noinlines = true; break;
	case CLI_PP_DIFF_BASE: po->base = arg; po->diff_base = true; break;
	case CLI_PP_TIMEOUT:
		if (cli_set_url_timeout(cmd, arg))
			return -1;
		break;
	case CLI_PP_MAX_INPUT:
		if (cli_set_max_input(cmd, arg))
			return -1;
		break;
	case CLI_PP_SYMBOLIZE:
		if (!strcmp(arg, "comments"))
			po->parse_flags = PPROF_PARSE_COMMENT_SYMBOLS;
		else if (!strcmp(arg, "none"))
			po->parse_flags = 0;
		else {
			cli_usage(cmd, "unknown --symbolize '%s' (want none or comments)", arg);
			return -1;
		}
		break;
	default:
		return 0;
	}
	return 1;
}

int cli_pprof_trim_opt(const char *cmd, int c, const char *arg,
		       struct cli_pprof_opts *po)
{
	struct pprof_report_opts *o = &po->o;
	char *end;
	double d;
	long v;
	int g;

	switch (c) {
	case CLI_PP_UNIT: o->unit = arg; break;
	case CLI_PP_NODECOUNT:
		if ((v = cli_parse_count(cmd, "--nodecount", arg)) < 0)
			return -1;
		o->nodecount = v > 1000000000 ? 1000000000 : (int)v;
		break;
	case CLI_PP_NODEFRACTION:
	case CLI_PP_EDGEFRACTION:
		d = strtod(arg, &end);
		if (!*arg || *end || d < 0 || d > 1) {
			cli_usage(cmd, "option '%s' takes a fraction between 0 and 1, not '%s'",
				  c == CLI_PP_NODEFRACTION ? "--nodefraction" : "--edgefraction", arg);
			return -1;
		}
		*(c == CLI_PP_NODEFRACTION ? &o->nodefraction : &o->edgefraction) = d;
		break;
	case CLI_PP_GRAN:
		if ((g = pprof_granularity_parse(arg)) < 0) {
			cli_usage(cmd, "unknown granularity '%s' (want functions, filefunctions, files, lines or addresses)", arg);
			return -1;
		}
		o->granularity = (enum pprof_granularity)g;
		break;
	case CLI_PP_BASE: po->base = arg; po->diff_base = false; break;
	default:
		return 0;
	}
	return 1;
}

struct pprof_profile *cli_pprof_load(const char *path,
				     const struct cli_pprof_opts *po)
{
	struct err e = ERR_INIT;
	struct pprof_profile *p;

	p = pprof_load(path, po->base, po->diff_base, po->parse_flags, &e);
	if (!p) {
		cli_error("%s", e.msg);
		return NULL;
	}
	if (p->unused_comment_symbols)
		cli_warn("this debug=1 profile carries symbols only in '#' comments, "
			 "which pprof ignores; --symbolize=comments reads them");
	return p;
}

void cli_pprof_warn_unmatched(unsigned unmatched)
{
	static const char *const names[] = { "focus", "ignore", "hide", "show",
					     "show-from", "tagfocus", "tagignore" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (unmatched & (1u << i))
			cli_warn("--%s expression matched no samples", names[i]);
}
