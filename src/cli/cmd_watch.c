/*
 * watch: sample a live Go program until a verdict, a duration or Ctrl-C,
 * then report.  The sampling, storage and statistics are in src/watch;
 * this file parses options, owns the terminal and the exit code.
 */
#include "cli.h"
#include "html_adapt.h"
#include "watch_cli.h"
#include "../pprof/pprof.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../report/write.h"
#include "../watch/store.h"
#include "../watch/watch.h"

const char cmd_watch_help[] =
"NAME\n"
"    leakhound watch - catch a memory or goroutine leak in a live Go program\n"
"\n"
"SYNOPSIS\n"
"    leakhound watch URL [options]\n"
"    leakhound watch --pid PID [URL] [options]\n"
"    leakhound watch --resume DB [options]\n"
"    leakhound watch --targets FILE [options]\n"
"\n"
"DESCRIPTION\n"
"    Samples a running program every --interval: RSS, threads and open file\n"
"    descriptors from /proc (with --pid, or found behind a loopback URL), the\n"
"    heap profile and the goroutine profile from its net/http/pprof endpoint\n"
"    (URL is the base, e.g. http://127.0.0.1:6060).  Every sample and every\n"
"    raw profile is recorded in an SQLite database.  A trend test per series\n"
"    (Mann-Kendall significance, Theil-Sen rate, after a warm-up, with a\n"
"    persistence and a size check; see docs/watch.md) tells a leak from GC\n"
"    sawtooth and warm-up.  On a leak it names the allocation sites and the\n"
"    goroutine groups that grew between the first settled sample and the\n"
"    latest, at the first frame in your own code.  HTTP client connections\n"
"    that pile up (a response body never closed) have no frame of yours:\n"
"    they become one finding, placed at your line by --src.  A sample that\n"
"    fails is recorded as missing with its reason; a restart of the target\n"
"    starts a new series.\n"
"\n"
"OPTIONS\n"
"    --pid PID           also (or only) sample /proc/PID\n"
"    --interval D        time between samples (default 5s; 250ms, 1s, 2m)\n"
"    --duration D        stop after D (default: until Ctrl-C)\n"
"    --until-verdict     stop as soon as a leak is established\n"
"    --db FILE           recording (default leakhound-TARGET-TIME.db)\n"
"    --resume DB         continue the recording in DB (same target)\n"
"    --limit SIZE        memory limit for the projection (512MiB, 2G)\n"
"    --format FMT        text (default), json (final summary only), or the\n"
"                        findings alone: sarif, github, checkstyle,\n"
"                        codeclimate\n"
"    -o, --output FILE   write the final report to FILE\n"
"    --html FILE         also write the HTML report page (docs/report.md)\n"
"    --timeout D         per request (default: the interval, 1s to 10s)\n"
"    --max-input SIZE    the most bytes of one sample's response, and the\n"
"                        most a gzip profile may inflate to (default 64MiB\n"
"                        read, 1GiB inflated); --max-body is the old name\n"
"    --gc MODE           auto (default: when the heap profile has not\n"
"                        changed since the last sample, ask for a collection\n"
"                        and take it again), always (?gc=1 on every heap\n"
"                        profile) or never\n"
"    --warmup D          skip D at the start (default: the first 20%)\n"
"    --alpha P           error budget of the run (default 0.005)\n"
"    --src DIR           lint DIR and cite the rules that fire in the\n"
"                        functions that grow (e.g. time-after-in-loop;\n"
"                        body-not-closed for growing HTTP connections);\n"
"                        _test.go files are linted when a finding is in\n"
"                        one (a test binary), or with --include-tests\n"
"    --include-tests     with --src, always lint _test.go files too\n"
"    --listen ADDR       serve HTTP on ADDR (127.0.0.1:9464; port 0: a free\n"
"                        one, said on stderr): /metrics (Prometheus text or\n"
"                        OpenMetrics), a status page at /, and\n"
"                        /report?target=URL, the HTML report\n"
"    --targets FILE      watch each target of a Prometheus file_sd list\n"
"                        (JSON/YAML, re-read on change; docs/watch.md)\n"
"    --retention D       with --targets: delete samples older than D\n"
"    -q, --quiet         no live view\n"
"\n"
"EXIT STATUS\n"
"    0 no leak, 1 leak found, 2 the target could not be sampled (or the\n"
"    recording failed), 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound watch http://127.0.0.1:6060 --until-verdict --src .\n"
"    leakhound watch --pid 4242 http://127.0.0.1:6060 --limit 2GiB\n"
"    leakhound watch http://127.0.0.1:6060 --interval 1s --duration 2m \\\n"
"        --format json -o leak.json\n";

static volatile int stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

void watch_cli_signals(volatile int **flag)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	*flag = &stop_flag;
}

enum {
	OPT_PID = 256, OPT_INTERVAL, OPT_DURATION, OPT_UNTIL, OPT_DB,
	OPT_RESUME, OPT_LIMIT, OPT_FORMAT, OPT_TIMEOUT, OPT_MAXBODY, OPT_GC,
	OPT_WARMUP, OPT_ALPHA, OPT_PPROF, OPT_SRC, OPT_HTML, OPT_INCLUDE_TESTS,
	OPT_LISTEN, OPT_TARGETS, OPT_RETENTION,
};

static const struct option watch_opts[] = {
	{ "pid", required_argument, NULL, OPT_PID },
	{ "pprof", required_argument, NULL, OPT_PPROF },
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "until-verdict", no_argument, NULL, OPT_UNTIL },
	{ "db", required_argument, NULL, OPT_DB },
	{ "resume", required_argument, NULL, OPT_RESUME },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "html", required_argument, NULL, OPT_HTML },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "max-input", required_argument, NULL, OPT_MAXBODY },
	{ "max-body", required_argument, NULL, OPT_MAXBODY },
	{ "gc", required_argument, NULL, OPT_GC },
	{ "warmup", required_argument, NULL, OPT_WARMUP },
	{ "alpha", required_argument, NULL, OPT_ALPHA },
	{ "quiet", no_argument, NULL, 'q' },
	{ "src", required_argument, NULL, OPT_SRC },
	{ "include-tests", no_argument, NULL, OPT_INCLUDE_TESTS },
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "targets", required_argument, NULL, OPT_TARGETS },
	{ "retention", required_argument, NULL, OPT_RETENTION },
	{ NULL, 0, NULL, 0 },
};

/* Parse one option common to watch and run into c; 1 if it was one, 0 if
 * not, -1 after a usage error. */
int watch_cli_option(const char *cmd, int opt, const char *arg,
		     struct watch_cli *c)
{
	double d;
	int64_t n;
	char *end;

	switch (opt) {
	case OPT_PID: {
		long p = cli_parse_count(cmd, "--pid", arg);
		if (p <= 0) {
			if (p == 0)
				cli_usage(cmd, "option '--pid' needs a process id");
			return -1;
		}
		c->o.pid = (pid_t)p;
		return 1;
	}
	case OPT_PPROF:
		c->o.url = arg;
		return 1;
	case OPT_INTERVAL:
		d = watch_parse_duration(arg);
		if (d < 0.01) {
			cli_usage(cmd, "option '--interval' takes a duration of "
				  "at least 10ms (250ms, 1s, 2m), not '%s'", arg);
			return -1;
		}
		c->o.interval = d;
		return 1;
	case OPT_DURATION:
		d = watch_parse_duration(arg);
		if (d <= 0) {
			cli_usage(cmd, "option '--duration' takes a duration "
				  "(30s, 5m, 1h), not '%s'", arg);
			return -1;
		}
		c->duration = d;
		return 1;
	case OPT_UNTIL:
		c->until_verdict = 1;
		return 1;
	case OPT_DB:
		c->db = arg;
		return 1;
	case OPT_HTML:
		c->html = arg;
		return 1;
	case OPT_LIMIT:
		n = watch_parse_size(arg);
		if (n <= 0) {
			cli_usage(cmd, "option '--limit' takes a size (512MiB, "
				  "2G), not '%s'", arg);
			return -1;
		}
		c->o.limit = n;
		return 1;
	case OPT_FORMAT:
		if (cli_format_opt(cmd, arg, &c->json, &c->sarif, &c->ci) < 0)
			return -1;
		c->cmd = cmd;
		/* the machine formats keep the terminal quiet like json */
		if (c->sarif || c->ci)
			c->json = 2;
		return 1;
	case 'o':
		c->output = arg;
		return 1;
	case OPT_TIMEOUT:
		d = watch_parse_duration(arg);
		if (d < 0.01) {
			cli_usage(cmd, "option '--timeout' takes a duration, "
				  "not '%s'", arg);
			return -1;
		}
		c->o.timeout = d;
		return 1;
	case OPT_MAXBODY:
		n = watch_parse_size(arg);
		if (n <= 0) {
			cli_usage(cmd, "option '--max-input' takes a size (e.g. "
				  "64M, 2G), not '%s'", arg);
			return -1;
		}
		c->o.max_body = (size_t)n;
		pprof_max_inflated = (size_t)n;
		return 1;
	case OPT_GC:
		if (!strcmp(arg, "auto"))
			c->o.gc = WATCH_GC_AUTO;
		else if (!strcmp(arg, "always"))
			c->o.gc = WATCH_GC_ALWAYS;
		else if (!strcmp(arg, "never"))
			c->o.gc = WATCH_GC_NEVER;
		else {
			cli_usage(cmd, "option '--gc' takes auto, always or "
				  "never, not '%s'", arg);
			return -1;
		}
		return 1;
	case OPT_WARMUP:
		d = watch_parse_duration(arg);
		if (d < 0) {
			cli_usage(cmd, "option '--warmup' takes a duration, "
				  "not '%s'", arg);
			return -1;
		}
		c->o.warmup = d;
		return 1;
	case OPT_ALPHA:
		d = strtod(arg, &end);
		if (*end || !(d > 0 && d < 0.5)) {
			cli_usage(cmd, "option '--alpha' takes a level between 0 "
				  "and 0.5, not '%s'", arg);
			return -1;
		}
		c->o.alpha = d;
		return 1;
	case 'q':
		c->quiet = 1;
		return 1;
	case OPT_SRC:
		c->src = arg;
		return 1;
	case OPT_INCLUDE_TESTS:
		c->include_tests = 1;
		return 1;
	}
	return 0;
}

const struct option *watch_cli_options(void)
{
	return watch_opts;
}

/* leakhound-127.0.0.1_6060-20260101-120000.db */
static char *default_db(const struct watch_cli *c)
{
	struct sb s = SB_INIT;
	char when[32];
	time_t now = time(NULL);
	const char *p;

	strftime(when, sizeof(when), "%Y%m%d-%H%M%S", localtime(&now));
	sb_adds(&s, "leakhound-");
	if (c->o.url) {
		p = strstr(c->o.url, "://");
		for (p = p ? p + 3 : c->o.url; *p && *p != '/'; p++)
			sb_addc(&s, (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
				|| (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'
				? *p : '_');
	} else {
		sb_addf(&s, "pid%d", (int)c->o.pid);
	}
	sb_addf(&s, "-%s.db", when);
	return sb_detach(&s, NULL);
}

static int show(struct watch *w, const struct watch_verdict *v, void *arg)
{
	struct watch_cli *c = arg;
	struct sb out = SB_INIT;

	listen_update(c->server, w, v);
	if (c->quiet || (c->json && !c->tty))
		return 0;
	if (c->tty) {
		if (c->drawn)
			sb_addf(&out, "\033[%dA", c->drawn);
		watch_view_tty(w, v, c->color, &out);
		c->drawn = 0;
		for (size_t i = 0; i < out.len; i++)
			if (out.buf[i] == '\n')
				c->drawn++;
	} else {
		watch_view_line(w, &out);
	}
	fwrite(out.buf ? out.buf : "", 1, out.len, c->live);
	fflush(c->live);
	sb_release(&out);
	return c->child_done ? c->child_done(c) : 0;
}

int watch_cli_setup(const char *cmd, struct watch_cli *c, struct watch *w,
		    struct watch_store **st)
{
	struct err e = ERR_INIT;
	struct sb v = SB_INIT;
	char buf[64];

	*st = NULL;
	if (c->resume) {
		*st = watch_store_open(c->resume, WATCH_STORE_RESUME, &e);
		if (!*st)
			goto fail;
		if (!c->o.url && watch_store_meta_get(*st, "url", &v, &e) == 1 &&
		    v.len)
			c->o.url = c->resume_url = sb_detach(&v, NULL);
		if (!c->o.pid && watch_store_meta_get(*st, "pid", &v, &e) == 1)
			c->o.pid = (pid_t)atoi(sb_str(&v));
		if (!c->interval_set &&
		    watch_store_meta_get(*st, "interval", &v, &e) == 1)
			c->o.interval = atof(sb_str(&v));
		if (!c->o.url && !c->o.pid) {
			err_setf(&e, "cannot resume '%s': it names no target",
				 c->resume);
			goto fail;
		}
	} else {
		char *path = c->db ? NULL : default_db(c);
		*st = watch_store_open(c->db ? c->db : path, WATCH_STORE_NEW, &e);
		c->db_path = path;
		if (!*st)
			goto fail;
		if (watch_store_meta_set(*st, "url", c->o.url ? c->o.url : "",
					 &e) < 0)
			goto fail;
		snprintf(buf, sizeof(buf), "%d", (int)c->o.pid);
		if (watch_store_meta_set(*st, "pid", buf, &e) < 0)
			goto fail;
		snprintf(buf, sizeof(buf), "%g", c->o.interval);
		if (watch_store_meta_set(*st, "interval", buf, &e) < 0 ||
		    watch_store_meta_set(*st, "command", cmd, &e) < 0)
			goto fail;
	}
	cli_usercode_setup((int)c->o.pid, c->src);
	if (watch_init(w, &c->o, *st, &e) < 0)
		goto fail_w;
	if (c->resume) {
		if (watch_store_load(*st, w, &e) < 0)
			goto fail_w;
		watch_resume_state(w);
	}
	sb_release(&v);
	return 0;
fail_w:
	watch_release(w);
fail:
	sb_release(&v);
	cli_error("%s", e.msg);
	watch_store_close(*st);
	*st = NULL;
	return -1;
}

int watch_cli_loop(struct watch_cli *c, struct watch *w,
		   struct watch_verdict *v)
{
	struct watch_loop l;
	struct err e = ERR_INIT;

	memset(&l, 0, sizeof(l));
	l.duration = c->duration;
	l.until_verdict = c->until_verdict;
	watch_cli_signals(&l.stop);
	l.on_sample = show;
	l.arg = c;
	c->live = stdout;
	c->tty = cli_term_cursor(STDOUT_FILENO) && !c->output;
	if (c->json && !c->output)
		c->tty = 0;
	c->color = c->tty && cli_term_color(STDOUT_FILENO);
	if (watch_run_loop(w, &l, v, &e) < 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

void watch_cli_src_link(struct watch_cli *c, struct findings *fs)
{
	struct err e = ERR_INIT;

	if (!c->src)
		return;
	watch_src_link(fs, c->src, c->include_tests, &e);
	if (e.set)
		cli_warn("--src: %s", e.msg);
}

void watch_cli_release(struct watch_cli *c)
{
	free(c->resume_url);
	free(c->db_path);
}

/* One spelling per file: a path below the working directory is written
 * relative to it, on every finding and related location. */
static const char *relative(const char *file, const char *cwd, size_t n)
{
	if (file && n > 1 && !strncmp(file, cwd, n) && file[n] == '/' && file[n + 1])
		return file + n + 1;
	return file;
}

static void relativize(struct findings *fs)
{
	char cwd[4096];
	size_t i, j, n;

	if (!getcwd(cwd, sizeof(cwd)))
		return;
	n = strlen(cwd);
	for (i = 0; i < fs->items.len; i++) {
		struct finding *f = fs->items.items[i];
		f->loc.file = relative(f->loc.file, cwd, n);
		for (j = 0; j < f->nrelated; j++)
			f->related[j].file = relative(f->related[j].file, cwd, n);
	}
}

int watch_cli_report(struct watch_cli *c, struct watch *w,
		     const struct watch_verdict *v, struct findings *fs,
		     const char *extra_json, const char *extra_text)
{
	struct sb out = SB_INIT, ex = SB_INIT;
	int rc;

	relativize(fs);
	findings_sort(fs);
	if (c->sarif) {
		report_write_sarif(&out, fs, NULL, 0, c->cmd ? c->cmd : "watch");
	} else if (c->ci) {
		report_write_ci(&out, (enum report_format)c->ci, fs);
	} else if (c->json) {
		watch_json_extra(w, v, &ex);
		if (extra_json)
			sb_adds(&ex, extra_json);
		report_write_json(&out, fs, sb_str(&ex));
	} else {
		if (c->tty && !c->quiet)
			sb_adds(&out, "\n");
		watch_view_summary(w, v, &out);
		if (extra_text)
			sb_adds(&out, extra_text);
		if (fs->items.len) {
			sb_adds(&out, "\n");
			report_write_text(&out, fs);
		} else {
			sb_adds(&out, "no leak found\n");
		}
	}
	rc = cli_output(c->output, &out) < 0 ? -1 : 0;
	if (c->html) {
		struct report_page pg;

		report_page_init(&pg);
		if (c->src)
			report_page_add_src_dir(&pg, c->src);
		cli_html_add_watch(&pg, w, v);
		if (w->base)
			pg.target = report_page_str(&pg, w->base);
		if (w->cur_pid > 0) {
			struct sb exe = SB_INIT, ver = SB_INIT;

			sb_addf(&exe, "/proc/%d/exe", (int)w->cur_pid);
			if (cli_go_version(sb_str(&exe), &ver) == 0)
				pg.go_version = report_page_str(&pg, sb_str(&ver));
			sb_release(&exe);
			sb_release(&ver);
		}
		pg.findings = fs;
		if (cli_html_write(&pg, c->html, c->argc, c->argv) < 0)
			rc = -1;
		report_page_release(&pg);
	}
	sb_release(&out);
	sb_release(&ex);
	return rc;
}

int cmd_watch(int argc, char **argv)
{
	struct watch_cli c;
	struct watch w;
	struct watch_store *st = NULL;
	struct watch_verdict v[WATCH_NSERIES];
	struct findings fs;
	const char *targets = NULL;
	double retention = 0;
	int opt, r, rc;

	memset(&c, 0, sizeof(c));
	c.argc = argc;
	c.argv = argv;
	watch_options_default(&c.o);
	while ((opt = cli_getopt("watch", argc, argv, "o:q", watch_opts)) != -1) {
		if (opt == '?')
			return CLI_EXIT_USAGE;
		if (opt == OPT_RESUME) {
			c.resume = optarg;
			continue;
		}
		if (opt == OPT_LISTEN) {
			if (!listen_addr_ok(optarg))
				return cli_usage("watch", "option '--listen' takes "
						 "HOST:PORT (127.0.0.1:9464), "
						 "not '%s'", optarg);
			c.listen = optarg;
			continue;
		}
		if (opt == OPT_TARGETS) {
			targets = optarg;
			continue;
		}
		if (opt == OPT_RETENTION) {
			retention = watch_parse_duration(optarg);
			if (retention < 1)
				return cli_usage("watch", "option '--retention' "
						 "takes a duration of at least 1s "
						 "(24h, 30m), not '%s'", optarg);
			continue;
		}
		if (opt == OPT_INTERVAL)
			c.interval_set = 1;
		r = watch_cli_option("watch", opt, optarg, &c);
		if (r < 0)
			return CLI_EXIT_USAGE;
	}
	if (targets || retention > 0) {
		if (!targets)
			return cli_usage("watch", "--retention needs --targets FILE");
		if (optind < argc || c.o.url || c.o.pid || c.resume)
			return cli_usage("watch", "--targets FILE names the "
					 "targets: give no URL, --pid or --resume");
		if (c.until_verdict || c.html || c.src)
			return cli_usage("watch", "--targets does not take "
					 "--until-verdict, --html or --src");
		return watch_cli_fleet(&c, targets, retention);
	}
	if (optind < argc) {
		if (c.o.url)
			return cli_usage("watch", "give the URL once");
		c.o.url = argv[optind++];
	}
	if (optind < argc)
		return cli_usage("watch", "too many arguments");
	if (!c.o.url && !c.o.pid && !c.resume)
		return cli_usage("watch", "give a pprof URL, --pid PID or "
				 "--resume DB");
	if (c.o.url && strncmp(c.o.url, "http://", 7) &&
	    strncmp(c.o.url, "https://", 8))
		return cli_usage("watch", "'%s' is not an http(s) URL", c.o.url);
	if (c.resume && c.db)
		return cli_usage("watch", "--resume and --db both name the "
				 "recording: give one");
	if (watch_cli_setup("watch", &c, &w, &st) < 0) {
		watch_cli_release(&c);
		return CLI_EXIT_ERROR;
	}
	if (c.listen) {
		c.server = listen_start(c.listen);
		if (!c.server) {
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		listen_set_report(c.server, c.resume ? c.resume
				  : c.db ? c.db : c.db_path, c.src);
		listen_update(c.server, &w, NULL);
	}
	if (watch_cli_loop(&c, &w, v) < 0) {
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	findings_init(&fs);
	watch_findings(&w, v, &fs);
	watch_cli_src_link(&c, &fs);
	if (watch_cli_report(&c, &w, v, &fs, NULL, NULL) < 0)
		rc = CLI_EXIT_ERROR;
	else if (watch_never_sampled(&w)) {
		const struct watch_sample *s = watch_last(&w);
		cli_error("cannot sample the target: %s",
			  s && s->error ? s->error : "no sample taken");
		rc = CLI_EXIT_ERROR;
	} else
		rc = fs.items.len ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
	findings_release(&fs);
out:
	listen_stop(c.server);
	watch_release(&w);
	watch_store_close(st);
	watch_cli_release(&c);
	return rc;
}
