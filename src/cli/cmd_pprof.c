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
#include "shell_parse.h"
#include "../gv/gv.h"
#include "../pprof/dot.h"
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
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
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
"        web          writes leakhound graph's SVG call graph to a file\n"
"                     (web FILE.svg, or one in $TMPDIR), prints its path and\n"
"                     opens it with $BROWSER when set, without waiting\n"
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
	      "    web          write the call graph SVG to a file, open $BROWSER\n"
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

/* A new empty file $TMPDIR/leakhound-KIND-XXXXXX.svg, its name in buf. */
static const char *tmp_svg_path(const char *kind, char *buf, size_t n)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	snprintf(buf, n, "%s/leakhound-%s-XXXXXX.svg", dir && *dir ? dir : "/tmp", kind);
	fd = mkstemps(buf, 4);
	if (fd < 0) {
		cli_error("cannot create '%s': %s", buf, strerror(errno));
		return NULL;
	}
	close(fd);
	return buf;
}

/* $BROWSER (a ':'-separated list of commands, the first is used; "%s" in it
 * stands for the file, else the file is its last argument) on path, in the
 * background: the shell does not wait for the browser, and the browser,
 * in its own session, outlives neither nor leaves a zombie. */
static void open_browser(const char *path)
{
	const char *b = getenv("BROWSER");
	struct sb cmd = SB_INIT;
	const char *colon, *pct;
	size_t n;
	pid_t pid;

	if (!b || !*b)
		return;
	colon = strchr(b, ':');
	n = colon ? (size_t)(colon - b) : strlen(b);
	pct = memmem(b, n, "%s", 2);
	if (pct) {
		sb_add(&cmd, b, (size_t)(pct - b));
		sb_adds(&cmd, "\"$1\"");
		sb_add(&cmd, pct + 2, n - (size_t)(pct + 2 - b));
	} else {
		sb_add(&cmd, b, n);
		sb_adds(&cmd, " \"$1\"");
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		setsid();
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		if (fork() == 0) {
			execl("/bin/sh", "sh", "-c", sb_str(&cmd), "sh", path, (char *)NULL);
			_exit(127);
		}
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	else
		cli_error("cannot start the browser: %s", strerror(errno));
	sb_release(&cmd);
}

/* Run one report command (c->kind CLI_SHELL_REPORT). */
static void run_report(struct shell *s, const struct cli_shell_cmd *c)
{
	struct pprof_report_opts o = s->o;
	struct pprof_profile *p;
	struct err e = ERR_INIT;
	struct sb out = SB_INIT;
	const char *cmd = c->name, *regex = c->regex, *output = c->output;
	const char *focus = c->focus, *ignore = c->ignore;
	char path[4096];
	unsigned unmatched = 0;
	int rc = 0;
	bool nodecount = s->nodecount_set;

	if (c->nodecount >= 0) {
		o.nodecount = c->nodecount;
		nodecount = true;
	}
	if (c->cum)
		o.cum = true;
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
	} else if (!strcmp(cmd, "flame")) {
		struct pprof_flame f;

		rc = pprof_flame_build(&f, p, &o, &e);
		unmatched = f.unmatched;
		if (!rc)
			pprof_flame_svg(&f, NULL, 0, &out);
		pprof_flame_release(&f);
		if (!rc && !output && !(output = tmp_svg_path("flame", path, sizeof(path))))
			rc = -2;
	} else {   /* web */
		struct sb dot = SB_INIT;

		rc = pprof_report_dot(p, &o, &dot, &unmatched, &e);
		if (!rc)
			rc = gv_dot_to_svg(dot.buf ? dot.buf : "", dot.len, &out, &e);
		sb_release(&dot);
		if (!rc && !output && !(output = tmp_svg_path("graph", path, sizeof(path))))
			rc = -2;
	}
	pprof_profile_free(p);
	cli_pprof_warn_unmatched(unmatched);
	if (rc == -1)
		cli_error("%s", e.msg);
	if (rc == 0 && !strcmp(cmd, "web")) {
		if (!cli_output(output, &out)) {
			printf("Wrote call graph to %s\n", output);
			fflush(stdout);
			open_browser(output);
		}
	} else if (rc == 0 || out.len) {
		if (!cli_output(output, &out) && output && !strcmp(cmd, "flame")) {
			printf("Wrote flame graph to %s\n", output);
			fflush(stdout);
		} else if (output && strcmp(cmd, "flame")) {
			fprintf(stderr, "Generated report in %s\n", output);
		}
	}
done:
	sb_release(&out);
}

/* One line; returns 1 to quit. */
static int execute(struct shell *s, const char *line)
{
	struct cli_shell_cmd c;
	struct err e = ERR_INIT;
	int quit = 0;

	if (cli_shell_parse(line, &c, &e)) {
		cli_error("%s", e.msg);
		cli_shell_cmd_release(&c);
		return 0;
	}
	switch (c.kind) {
	case CLI_SHELL_EMPTY:
	case CLI_SHELL_ERROR:
		break;
	case CLI_SHELL_QUIT:
		quit = 1;
		break;
	case CLI_SHELL_HELP:
		help();
		break;
	case CLI_SHELL_OPTIONS:
		print_options(s);
		break;
	case CLI_SHELL_REFRESH:
		if (!read_source(s->src, &s->data, &s->len))
			printf("Read %zu bytes from %s\n", s->len, s->src);
		fflush(stdout);
		break;
	case CLI_SHELL_REPORT:
		run_report(s, &c);
		break;
	case CLI_SHELL_SET:
		if (set_option(s, c.word, c.value) == 0)
			cli_error("unknown option '%s' (try help)", c.word);
		break;
	case CLI_SHELL_WORD:
	case CLI_SHELL_UNKNOWN:
		if (c.kind == CLI_SHELL_WORD && set_option(s, c.word, NULL) != 0)
			break;
		if (is_value_option(c.word))
			cli_error("did you mean: %s=%s", c.word, c.value ? c.value : "<val>");
		else
			cli_error("unrecognized command: \"%s\" (try help)", c.word);
		break;
	}
	cli_shell_cmd_release(&c);
	return quit;
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
