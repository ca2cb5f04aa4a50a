/*
 * pprof: an interactive shell on one profile, like `go tool pprof`'s.
 *
 * The profile (and a base) is read once; every command parses those bytes
 * again, since a report filters its profile in place, and then runs the
 * same library call as the matching non-interactive command, so `top` here
 * prints what `leakhound top --nodecount 10` prints, `list RE` what
 * `leakhound list RE` prints, and so on.  Options set with `name=value`
 * persist; words after a command (a number, -cum, RE, -RE, >FILE) apply to
 * that command alone, as in pprof.  On a terminal lines are read with
 * libedit (editing, history in $XDG_STATE_HOME/leakhound/pprof_history);
 * otherwise line by line, without prompt, so scripts work.
 * Ownership: the shell's state owns copies of every option string and the
 * profile bytes; all freed on exit.
 */
#include "cli.h"
#include "pprof_opts.h"
#include "../pprof/report.h"
#include "../pprof/flame.h"
#include "../pprof/source.h"
#include "../base/xalloc.h"

#include <editline/readline.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char cmd_pprof_help[] =
"NAME\n"
"    leakhound pprof - an interactive shell on a pprof profile\n"
"\n"
"SYNOPSIS\n"
"    leakhound pprof [options] PROFILE\n"
"\n"
"DESCRIPTION\n"
"    Reads a profile from a file, '-' is not allowed (standard input carries\n"
"    the commands), or an http(s):// URL, once, then reads commands as\n"
"    `go tool pprof` does. Each command prints what the matching command\n"
"    line prints with the same options:\n"
"        top [N]      leakhound top --nodecount N (default 10, like pprof)\n"
"        list RE      leakhound list RE\n"
"        peek RE      leakhound top --peek RE (pprof -peek)\n"
"        tree         leakhound top --tree (pprof -tree)\n"
"        traces       leakhound top --traces (pprof -traces)\n"
"        flame        writes leakhound flame's SVG to a file, prints its path\n"
"        refresh      reads the profile (URL) again\n"
"        options      shows the current options; help; quit, exit or EOF\n"
"    Words after a command apply to it alone: a number (node count), -cum,\n"
"    RE (focus), -RE (ignore), >FILE (write to FILE).\n"
"    Options: sample_index=NAME, focus=RE, ignore=RE, hide=RE, show=RE,\n"
"    show_from=RE, tagfocus=F, tagignore=F, nodecount=N, nodefraction=F,\n"
"    edgefraction=F, unit=U, granularity=G (or lines, functions, files,\n"
"    filefunctions, addresses), cum, flat, noinlines, base=FILE,\n"
"    diff_base=FILE, source_path=DIR; 'name=' clears one.\n"
"    On a terminal lines are edited with libedit, with history kept in\n"
"    $XDG_STATE_HOME/leakhound/pprof_history (default ~/.local/state).\n"
"    Otherwise commands are read line by line with no prompt.\n"
"\n"
"OPTIONS\n"
"    The options of leakhound top (--sample-index, --focus, --cum, ...)\n"
"    set the shell's starting options; --src DIR sets source_path.\n"
"\n"
"EXIT STATUS\n"
"    0 after quit or end of input, 2 unreadable profile, 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound pprof heap.pb.gz\n"
"    echo 'top 5' | leakhound pprof http://127.0.0.1:6060/debug/pprof/heap\n";

struct shell {
	const char *src;
	char *data, *bdata, *base;
	size_t len, blen;
	bool diff_base;
	unsigned parse_flags;
	/* persistent options; every string is the shell's own copy */
	struct pprof_report_opts o;
	char *str[12];     /* see opt_names: the string-valued ones */
	char *src_path;
	bool nodecount_set;
	int nflame;
};

/* The string-valued options, in the order of shell.str. */
static const char *const opt_names[] = {
	"sample_index", "focus", "ignore", "hide", "show", "show_from",
	"tagfocus", "tagignore", "unit",
};
#define NSTR (sizeof(opt_names) / sizeof(opt_names[0]))

static void apply_strings(struct shell *s, struct pprof_report_opts *o)
{
	const char **f[NSTR] = { &o->sample_index, &o->focus, &o->ignore, &o->hide,
				 &o->show, &o->show_from, &o->tagfocus, &o->tagignore,
				 &o->unit };
	size_t i;

	for (i = 0; i < NSTR; i++)
		*f[i] = s->str[i];
}

static void set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = v && *v ? xstrdup(v) : NULL;
}

static int read_source(const char *src, char **data, size_t *len)
{
	struct err e = ERR_INIT;
	char *d = pprof_source_read(src, NULL, len, &e);

	if (!d) {
		cli_error("%s", e.msg);
		return -1;
	}
	free(*data);
	*data = d;
	return 0;
}

/* A fresh prepared profile from the shell's bytes, or NULL after an error. */
static struct pprof_profile *load(struct shell *s)
{
	struct err e = ERR_INIT;
	struct pprof_profile *p;

	p = pprof_load_bytes(s->data, s->len, s->src, s->bdata, s->blen, s->base,
			     s->diff_base, s->parse_flags, &e);
	if (!p)
		cli_error("%s", e.msg);
	return p;
}

static bool parse_fraction(const char *v, double *out)
{
	char *end;
	double d = strtod(v, &end);

	if (!*v || *end || d < 0 || d > 1)
		return false;
	*out = d;
	return true;
}

/* name=value or a bare boolean word; 1 handled, 0 not an option, -1 error
 * (printed). */
static int set_option(struct shell *s, const char *name, const char *val)
{
	static const char *const grans[] = { "functions", "filefunctions", "files",
					     "lines", "addresses" };
	size_t i;
	long n;

	for (i = 0; i < NSTR; i++) {
		if (strcmp(name, opt_names[i]) && !(i == 0 && !strcmp(name, "si")))
			continue;
		if (!val) {
			cli_error("option %s wants a value: %s=VALUE", name, name);
			return -1;
		}
		set_str(&s->str[i], val);
		return 1;
	}
	for (i = 0; i < 5; i++)
		if (!strcmp(name, grans[i]) && !val) {
			s->o.granularity = (enum pprof_granularity)i;
			return 1;
		}
	if (!strcmp(name, "inuse_space") || !strcmp(name, "inuse_objects") ||
	    !strcmp(name, "alloc_space") || !strcmp(name, "alloc_objects")) {
		set_str(&s->str[0], name);
		return 1;
	}
	if (!val && (!strcmp(name, "cum") || !strcmp(name, "flat"))) {
		s->o.cum = name[0] == 'c';
		return 1;
	}
	if (!strcmp(name, "noinlines")) {
		s->o.noinlines = !val || !strcmp(val, "true") || !strcmp(val, "1");
		return 1;
	}
	if (!val)
		return 0;
	if (!strcmp(name, "granularity")) {
		int g = pprof_granularity_parse(val);

		if (g < 0) {
			cli_error("unknown granularity '%s' (want functions, filefunctions, files, lines or addresses)", val);
			return -1;
		}
		s->o.granularity = (enum pprof_granularity)g;
		return 1;
	}
	if (!strcmp(name, "sort") && (!strcmp(val, "cum") || !strcmp(val, "flat"))) {
		s->o.cum = val[0] == 'c';
		return 1;
	}
	if (!strcmp(name, "nodecount")) {
		if (!*val) {
			s->o.nodecount = -1;
			s->nodecount_set = false;
			return 1;
		}
		n = strtol(val, NULL, 10);
		if (strspn(val, "0123456789") != strlen(val) || n > 1000000000) {
			cli_error("nodecount wants a number, not '%s'", val);
			return -1;
		}
		s->o.nodecount = (int)n;
		s->nodecount_set = true;
		return 1;
	}
	if (!strcmp(name, "nodefraction") || !strcmp(name, "edgefraction")) {
		double *d = name[0] == 'n' ? &s->o.nodefraction : &s->o.edgefraction;

		if (!*val)
			*d = -1;
		else if (!parse_fraction(val, d)) {
			cli_error("%s wants a fraction between 0 and 1, not '%s'", name, val);
			return -1;
		}
		return 1;
	}
	if (!strcmp(name, "source_path") || !strcmp(name, "src")) {
		set_str(&s->src_path, val);
		return 1;
	}
	if (!strcmp(name, "base") || !strcmp(name, "diff_base")) {
		if (!*val) {
			free(s->bdata);
			free(s->base);
			s->bdata = s->base = NULL;
			return 1;
		}
		if (read_source(val, &s->bdata, &s->blen))
			return -1;
		set_str(&s->base, val);
		s->diff_base = name[0] == 'd';
		return 1;
	}
	return 0;
}

static void print_options(struct shell *s)
{
	static const char *const grans[] = { "functions", "filefunctions", "files",
					     "lines", "addresses" };
	size_t i;

	for (i = 0; i < NSTR; i++)
		printf("  %-16s = %s\n", opt_names[i], s->str[i] ? s->str[i] : "");
	printf("  %-16s = %s\n", "granularity", grans[s->o.granularity]);
	printf("  %-16s = %s\n", "sort", s->o.cum ? "cum" : "flat");
	if (s->nodecount_set)
		printf("  %-16s = %d\n", "nodecount", s->o.nodecount);
	else
		printf("  %-16s = %s\n", "nodecount", "(10 for top, 80 for tree)");
	printf("  %-16s = %s\n", "noinlines", s->o.noinlines ? "true" : "false");
	printf("  %-16s = %s\n", s->diff_base ? "diff_base" : "base", s->base ? s->base : "");
	printf("  %-16s = %s\n", "source_path", s->src_path ? s->src_path : "");
	fflush(stdout);
}

static void help(void)
{
	fputs("Commands:\n"
	      "    top [N]      the heaviest N functions (default 10)\n"
	      "    list RE      source of the functions matching RE, per line\n"
	      "    peek RE      callers and callees of the functions matching RE\n"
	      "    tree         the call graph as text\n"
	      "    traces       every sample with its stack\n"
	      "    flame        write the flame graph SVG to a file\n"
	      "    refresh      read the profile again (for a URL)\n"
	      "    options      show the current options\n"
	      "    help, quit, exit\n"
	      "  After a command: N (node count), -cum, RE (focus), -RE (ignore), >FILE.\n"
	      "Options (name=value; 'name=' clears):\n"
	      "    sample_index focus ignore hide show show_from tagfocus tagignore\n"
	      "    nodecount nodefraction edgefraction unit granularity base diff_base\n"
	      "    source_path; words: cum flat noinlines lines functions files\n"
	      "    filefunctions addresses inuse_space inuse_objects alloc_space\n"
	      "    alloc_objects\n", stdout);
	fflush(stdout);
}

static bool is_value_option(const char *name)
{
	static const char *const more[] = { "si", "granularity", "sort", "nodecount",
					     "nodefraction", "edgefraction", "source_path",
					     "src", "base", "diff_base" };
	size_t i;

	for (i = 0; i < NSTR; i++)
		if (!strcmp(name, opt_names[i]))
			return true;
	for (i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		if (!strcmp(name, more[i]))
			return true;
	return false;
}

/* Go's catRegex: a|b. */
static char *cat_regex(char *a, const char *b)
{
	char *r;

	if (!a)
		return xstrdup(b);
	r = xmalloc(strlen(a) + strlen(b) + 2);
	sprintf(r, "%s|%s", a, b);
	free(a);
	return r;
}

static const char *flame_path(struct shell *s, char *buf, size_t n)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	(void)s;
	snprintf(buf, n, "%s/leakhound-flame-XXXXXX.svg", dir && *dir ? dir : "/tmp");
	fd = mkstemps(buf, 4);
	if (fd < 0) {
		cli_error("cannot create '%s': %s", buf, strerror(errno));
		return NULL;
	}
	close(fd);
	return buf;
}

/* Run one report command; words[1..nw) are its arguments. */
static void run_report(struct shell *s, const char *cmd, char **words, int nw)
{
	struct pprof_report_opts o = s->o;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *regex = NULL, *output = NULL;
	char *focus = NULL, *ignore = NULL, path[4096];
	unsigned unmatched = 0;
	int i = 1, rc = 0;
	bool nodecount = s->nodecount_set;

	if (!strcmp(cmd, "list") || !strcmp(cmd, "peek")) {
		if (nw < 2) {
			cli_error("command %s requires an argument", cmd);
			return;
		}
		regex = words[i++];
	}
	for (; i < nw; i++) {
		const char *t = words[i];

		if (strspn(t, "0123456789") == strlen(t) && strlen(t) < 10) {
			o.nodecount = atoi(t);
			nodecount = true;
		} else if (t[0] == '>') {
			output = t[1] ? t + 1 : (i + 1 < nw ? words[++i] : NULL);
			if (!output) {
				cli_error("unexpected end of line after >");
				goto done;
			}
		} else if (!strcmp(t, "-cum") || !strcmp(t, "--cum")) {
			o.cum = true;
		} else if (t[0] == '-') {
			ignore = cat_regex(ignore, t + 1);
		} else {
			focus = cat_regex(focus, t);
		}
	}
	apply_strings(s, &o);
	if (focus)
		o.focus = focus;
	if (ignore)
		o.ignore = ignore;
	if (!nodecount && !strcmp(cmd, "top"))
		o.nodecount = 10;
	p = load(s);
	if (!p)
		goto done;
	if (!strcmp(cmd, "top")) {
		struct pprof_report r;

		rc = pprof_report_top(p, &o, &r, &e);
		if (!rc) {
			unmatched = r.unmatched;
			pprof_report_text(&r, &out);
			pprof_report_release(&r);
		}
	} else if (!strcmp(cmd, "list")) {
		rc = pprof_report_list(p, &o, regex, s->src_path, &out, &unmatched, &e);
	} else if (!strcmp(cmd, "peek") || !strcmp(cmd, "tree")) {
		rc = pprof_report_tree(p, &o, regex, &out, &unmatched, &e);
	} else if (!strcmp(cmd, "traces")) {
		rc = pprof_report_traces(p, &o, &out, &unmatched, &e);
	} else {   /* flame */
		struct pprof_flame f;

		rc = pprof_flame_build(&f, p, &o, &e);
		unmatched = f.unmatched;
		if (!rc)
			pprof_flame_svg(&f, NULL, 0, &out);
		pprof_flame_release(&f);
		if (!rc && !output && !(output = flame_path(s, path, sizeof(path))))
			rc = -2;
	}
	pprof_profile_free(p);
	cli_pprof_warn_unmatched(unmatched);
	if (rc == -1)
		cli_error("%s", e.msg);
	if (rc == 0 || out.len) {
		if (!cli_output(output, &out) && output && !strcmp(cmd, "flame")) {
			printf("Wrote flame graph to %s\n", output);
			fflush(stdout);
		} else if (output && strcmp(cmd, "flame")) {
			fprintf(stderr, "Generated report in %s\n", output);
		}
	}
done:
	sb_release(&out);
	free(focus);
	free(ignore);
}

static int split(char *line, char **words, int max)
{
	int n = 0;
	char *t = strtok(line, " \t\r\n");

	while (t && n < max) {
		words[n++] = t;
		t = strtok(NULL, " \t\r\n");
	}
	return n;
}

/* One line; returns 1 to quit. */
static int execute(struct shell *s, char *line)
{
	char *words[64], *eq, cmd[64];
	int nw = split(line, words, 64);
	size_t k;

	if (nw == 0 || words[0][0] == '#')
		return 0;
	if (!strcmp(words[0], "quit") || !strcmp(words[0], "exit"))
		return 1;
	if (!strcmp(words[0], "help") || !strcmp(words[0], "?")) {
		help();
		return 0;
	}
	if (!strcmp(words[0], "options") || !strcmp(words[0], "o")) {
		print_options(s);
		return 0;
	}
	if (!strcmp(words[0], "refresh")) {
		if (!read_source(s->src, &s->data, &s->len))
			printf("Read %zu bytes from %s\n", s->len, s->src);
		fflush(stdout);
		return 0;
	}
	/* topN, treeN: pprof's abbreviations */
	snprintf(cmd, sizeof(cmd), "%s", words[0]);
	k = strlen(cmd);
	while (k > 0 && cmd[k - 1] >= '0' && cmd[k - 1] <= '9')
		k--;
	if (k > 0 && cmd[k] && (!strncmp(cmd, "top", k) || !strncmp(cmd, "tree", k))) {
		char *rest[65];
		int i;

		rest[0] = cmd;
		rest[1] = words[0] + k;
		for (i = 1; i < nw; i++)
			rest[i + 1] = words[i];
		cmd[k] = 0;
		run_report(s, cmd, rest, nw + 1);
		return 0;
	}
	if (!strcmp(cmd, "top") || !strcmp(cmd, "list") || !strcmp(cmd, "peek") ||
	    !strcmp(cmd, "tree") || !strcmp(cmd, "traces") || !strcmp(cmd, "flame")) {
		run_report(s, cmd, words, nw);
		return 0;
	}
	if (!strcmp(cmd, "web")) {
		cli_error("web needs the call graph writer, not in this build yet; "
			  "use flame, tree or peek");
		return 0;
	}
	eq = strchr(words[0], '=');
	if (eq) {
		*eq = 0;
		if (nw > 1)
			cli_error("%s takes one value (no spaces)", words[0]);
		else if (set_option(s, words[0], eq + 1) == 0)
			cli_error("unknown option '%s' (try help)", words[0]);
		return 0;
	}
	if (nw == 1) {
		int rc = set_option(s, words[0], NULL);

		if (rc != 0)
			return 0;
	}
	if (is_value_option(words[0])) {
		cli_error("did you mean: %s=%s", words[0], nw > 1 ? words[1] : "<val>");
		return 0;
	}
	cli_error("unrecognized command: \"%s\" (try help)", words[0]);
	return 0;
}

static char *history_file(void)
{
	const char *st = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[4096], *path;

	if (st && *st)
		snprintf(dir, sizeof(dir), "%s/leakhound", st);
	else if (home && *home)
		snprintf(dir, sizeof(dir), "%s/.local/state/leakhound", home);
	else
		return NULL;
	/* mkdir -p, quietly: history is a convenience */
	{
		char *q;

		for (q = dir + 1; *q; q++)
			if (*q == '/') {
				*q = 0;
				mkdir(dir, 0700);
				*q = '/';
			}
		mkdir(dir, 0700);
	}
	path = xmalloc(strlen(dir) + 32);
	sprintf(path, "%s/pprof_history", dir);
	return path;
}

static void banner(struct shell *s)
{
	struct pprof_profile *p = load(s);
	struct pprof_report_opts o;
	struct pprof_report r;
	struct err e = ERR_INIT;
	size_t i;

	if (!p)
		return;
	o = s->o;
	apply_strings(s, &o);
	o.nodecount = 1;
	if (!pprof_report_top(p, &o, &r, &e)) {
		for (i = 0; i < r.nheader; i++)
			if (!strncmp(r.header[i], "File:", 5) || !strncmp(r.header[i], "Type:", 5) ||
			    !strncmp(r.header[i], "Time:", 5) || !strncmp(r.header[i], "Duration:", 9))
				printf("%s\n", r.header[i]);
		pprof_report_release(&r);
	}
	pprof_profile_free(p);
	printf("Entering interactive mode (type \"help\" for commands, \"o\" for options)\n");
	fflush(stdout);
}

enum { O_UNIT = CLI_PP_END, O_NODECOUNT, O_CUM, O_FLAT, O_GRAN, O_BASE, O_SRC };

int cmd_pprof(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_PPROF_OPTIONS,
		{ "unit", required_argument, NULL, O_UNIT },
		{ "nodecount", required_argument, NULL, O_NODECOUNT },
		{ "cum", no_argument, NULL, O_CUM },
		{ "flat", no_argument, NULL, O_FLAT },
		{ "granularity", required_argument, NULL, O_GRAN },
		{ "base", required_argument, NULL, O_BASE },
		{ "src", required_argument, NULL, O_SRC },
		{ "source_path", required_argument, NULL, O_SRC },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_pprof_opts po;
	struct shell s;
	char *hist = NULL;
	int c, rc;
	size_t i;
	bool tty;

	memset(&s, 0, sizeof(s));
	cli_pprof_opts_init(&po);
	pprof_report_opts_init(&s.o);
	while ((c = cli_getopt("pprof", argc, argv, "", opts)) != -1) {
		if ((rc = cli_pprof_opt("pprof", c, optarg, &po)) != 0) {
			if (rc < 0)
				return CLI_EXIT_USAGE;
			continue;
		}
		switch (c) {
		case O_UNIT: po.o.unit = optarg; break;
		case O_NODECOUNT: {
			long v = cli_parse_count("pprof", "--nodecount", optarg);

			if (v < 0)
				return CLI_EXIT_USAGE;
			po.o.nodecount = v > 1000000000 ? 1000000000 : (int)v;
			s.nodecount_set = true;
			break;
		}
		case O_CUM: po.o.cum = true; break;
		case O_FLAT: po.o.cum = false; break;
		case O_GRAN:
			if ((c = pprof_granularity_parse(optarg)) < 0)
				return cli_usage("pprof", "unknown granularity '%s' (want functions, filefunctions, files, lines or addresses)", optarg);
			po.o.granularity = (enum pprof_granularity)c;
			break;
		case O_BASE: po.base = optarg; po.diff_base = false; break;
		case O_SRC: set_str(&s.src_path, optarg); break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("pprof", "no profile given");
	if (optind + 1 < argc)
		return cli_usage("pprof", "too many arguments (one profile; base=FILE in the shell or --base for a second)");
	if (!strcmp(argv[optind], "-"))
		return cli_usage("pprof", "the profile cannot be standard input: the shell reads its commands there");
	s.src = argv[optind];
	s.parse_flags = po.parse_flags;
	s.o = po.o;
	{
		const char *init[NSTR] = { po.o.sample_index, po.o.focus, po.o.ignore, po.o.hide,
					   po.o.show, po.o.show_from, po.o.tagfocus,
					   po.o.tagignore, po.o.unit };

		for (i = 0; i < NSTR; i++)
			set_str(&s.str[i], init[i]);
	}
	rc = CLI_EXIT_CLEAN;
	if (read_source(s.src, &s.data, &s.len) ||
	    (po.base && read_source(po.base, &s.bdata, &s.blen))) {
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	if (po.base) {
		s.base = xstrdup(po.base);
		s.diff_base = po.diff_base;
	}
	{
		/* refuse a malformed profile now, not at the first command */
		struct pprof_profile *p = load(&s);

		if (!p) {
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		if (p->unused_comment_symbols)
			cli_warn("this debug=1 profile carries symbols only in '#' comments, "
				 "which pprof ignores; --symbolize=comments reads them");
		pprof_profile_free(p);
	}
	tty = isatty(0) && isatty(1);
	if (tty) {
		char *line;

		banner(&s);
		hist = history_file();
		using_history();
		stifle_history(1000);
		if (hist)
			read_history(hist);
		while ((line = readline("(pprof) ")) != NULL) {
			int q;

			/* quit is not worth recalling (arrow-up, Enter would
			 * leave the next session) */
			if (line[strspn(line, " \t")] && strcmp(line, "quit") && strcmp(line, "exit"))
				add_history(line);
			q = execute(&s, line);
			free(line);
			if (q)
				break;
		}
		if (hist)
			write_history(hist);
	} else {
		char *line = NULL;
		size_t cap = 0;

		while (getline(&line, &cap, stdin) > 0)
			if (execute(&s, line))
				break;
		free(line);
	}
out:
	for (i = 0; i < NSTR; i++)
		free(s.str[i]);
	free(s.src_path);
	free(s.data);
	free(s.bdata);
	free(s.base);
	free(hist);
	return rc;
}
