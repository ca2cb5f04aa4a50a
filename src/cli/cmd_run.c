/*
 * run: start a program, watch it, and at the end take its goroutine dump.
 *
 * The child runs in its own process group (so a Ctrl-C at the terminal
 * reaches leakhound, which then asks the child for its dump, instead of
 * killing the child), with GOTRACEBACK=all and its stdout inherited
 * untouched.  Its stderr goes through a pipe that a reader thread copies
 * to our stderr byte for byte until the dump is requested; from then on,
 * what the child writes before the line "SIGQUIT: quit" is still passed
 * through and the rest (Go's traceback of every goroutine) is kept for the
 * report instead of being shown.
 *
 * On a terminal (stderr a tty, TERM not "dumb") a status line on stderr is
 * redrawn after each sample and erased before the child's stderr bytes are
 * passed through (which then redraw it at the next sample); --live prints
 * one plain line per sample instead, as on a dumb terminal.
 */
#include "cli.h"
#include "gctrace.h"
#include "html_adapt.h"
#include "run_stderr.h"
#include "watch_cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/jsonout.h"
#include "../gdump/gdump.h"
#include "../watch/store.h"
#include "../watch/watch.h"

const char cmd_run_help[] =
"NAME\n"
"    leakhound run - run a Go program, watch it, and report its leaks\n"
"\n"
"SYNOPSIS\n"
"    leakhound run [options] -- PROGRAM [ARGS...]\n"
"\n"
"DESCRIPTION\n"
"    Starts PROGRAM with GOTRACEBACK=all and samples it like 'leakhound\n"
"    watch' does (RSS, threads and file descriptors from /proc; the heap and\n"
"    goroutine profiles too with --pprof URL), recording every sample.  At\n"
"    the end of --duration, or on Ctrl-C, it sends SIGQUIT and reads the\n"
"    goroutine dump from the program's stderr, then reports the goroutines\n"
"    still blocked on channels, select or locks, grouped and ranked, with\n"
"    the trend verdicts of every series.  The program's stdout and stderr\n"
"    pass through untouched, except the dump.  A program that exits by\n"
"    itself first gets the report of what was sampled and a note that no\n"
"    dump could be taken.  The program runs in its own process group: a\n"
"    Ctrl-C at the terminal goes to leakhound, which ends the run.\n"
"\n"
"    A program that dies by itself with a goroutine dump on its stderr (a\n"
"    fatal error such as 'all goroutines are asleep - deadlock!', an\n"
"    unrecovered panic, a test binary's -test.timeout panic, a SIGQUIT sent\n"
"    by anyone) has that dump read while it passes through, grouped and\n"
"    ranked; after a deadlock or a test timeout every goroutine blocked in\n"
"    your code is reported.  A program that exits cleanly prints no dump:\n"
"    goroutines still blocked then cannot be seen after the fact (for\n"
"    tests, 'leakhound test' finds them).\n"
"\n"
"    Without --pprof, the program runs with GODEBUG=gctrace=1 added to\n"
"    your GODEBUG, and the live heap after each collection (the A->B->C MB\n"
"    figures of its gc lines, which are read and not shown unless you set\n"
"    gctrace yourself) gets a verdict like the heap profile's.  gctrace\n"
"    costs one line of about 150 bytes per collection, written by the\n"
"    runtime while the world is running (no measurable CPU cost at 350\n"
"    collections a second, docs/watch.md); its figures are in whole MB, so\n"
"    leaks slower than about 1 MB over the run are not seen, and the\n"
"    goroutine count is known only at the end, from the dump.\n"
"\n"
"OPTIONS\n"
"    --pprof URL         the program's net/http/pprof base URL, to sample\n"
"    --interval D        time between samples (default 5s; 250ms, 1s)\n"
"    --duration D        run for D, then dump (default: until Ctrl-C); the\n"
"                        last sample is taken at D even when D is not a\n"
"                        multiple of --interval\n"
"    --until-verdict     end the run as soon as a leak is established\n"
"    --db FILE           recording (default leakhound-run-PROGRAM-TIME.db)\n"
"    --limit SIZE        memory limit for the projection\n"
"    --format FMT        text (default), json, or the findings alone:\n"
"                        sarif, github, checkstyle, codeclimate\n"
"    -o, --output FILE   write the report to FILE\n"
"    --html FILE         also write the HTML report page (docs/report.md)\n"
"    --dump-timeout D    how long to wait for the dump (default 10s)\n"
"    --live, -q          a plain line per sample on stderr, or none\n"
"                        (default: a status line on a terminal)\n"
"    --src DIR           lint DIR and cite the rules that fire in the\n"
"                        functions of the blocked goroutines, explain\n"
"                        their channels as 'leakhound goroutines --src'\n"
"                        does; _test.go files are linted when a blocked\n"
"                        frame is in one (a test binary), or with\n"
"                        --include-tests\n"
"    --gc, --timeout, --max-input, --warmup, --alpha   as for watch\n"
"\n"
"    The program's own end (exit status or signal) is in the report (JSON:\n"
"    program.exit_status, program.signal, program.crashed).\n"
"\n"
"EXIT STATUS\n"
"    0 no leak, 1 leak or blocked goroutines found, or the program crashed\n"
"    (non-zero status or a signal), 2 the program\n"
"    could not be started or not sampled at all (then no report is\n"
"    written), 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound run --duration 1m -- ./server -port 8080\n"
"    leakhound run --pprof http://127.0.0.1:6060 --interval 1s \\\n"
"        --duration 30s -- ./server\n";

#define DUMP_MAX ((size_t)256 << 20)
static const char quit_line[] = "SIGQUIT: quit";

struct child {
	pid_t pid;
	int err_fd;             /* read end of the child's stderr */
	pthread_t reader;
	int reader_started;
	pthread_mutex_t mu;
	int capture;            /* dump requested */
	int in_dump;            /* "SIGQUIT: quit" seen */
	int stop_reader;
	struct sb dump;
	struct sb line;         /* a partial line, while capture is on */
	int exited, status;
	double started;
	int dump_truncated;
	struct run_crash crash; /* a crash's dump in what was passed through */
	/* without --pprof: the live heap from GODEBUG=gctrace=1 */
	int gct_on;
	const char *godebug;    /* the child's GODEBUG, or NULL */
	struct gctrace gct;
	struct sb gcout;
};

/* The status line is on screen (guarded by the child's mu). */
static int status_drawn;

static void pass(const char *p, size_t n)
{
	static const char erase[] = "\r\033[K";

	if (status_drawn && n) {
		status_drawn = 0;
		if (write(STDERR_FILENO, erase, sizeof(erase) - 1) < 0)
			return;
	}
	while (n > 0) {
		ssize_t k = write(STDERR_FILENO, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		p += k;
		n -= (size_t)k;
	}
}

static void keep(struct child *ch, const char *p, size_t n)
{
	if (ch->dump.len + n > DUMP_MAX) {
		ch->dump_truncated = 1;
		return;
	}
	sb_add(&ch->dump, p, n);
}

/* Capture mode: whole lines; the ones before "SIGQUIT: quit" pass. */
static void capture_bytes(struct child *ch, const char *p, size_t n)
{
	size_t i, start = 0;

	if (ch->in_dump) {
		keep(ch, p, n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (p[i] != '\n')
			continue;
		sb_add(&ch->line, p + start, i + 1 - start);
		start = i + 1;
		if (!strncmp(sb_str(&ch->line), quit_line, sizeof(quit_line) - 1)) {
			ch->in_dump = 1;
			keep(ch, ch->line.buf, ch->line.len);
			sb_reset(&ch->line);
			keep(ch, p + start, n - start);
			return;
		}
		pass(ch->line.buf, ch->line.len);
		sb_reset(&ch->line);
	}
	sb_add(&ch->line, p + start, n - start);
}

static void *reader_main(void *arg)
{
	struct child *ch = arg;
	char buf[65536];

	for (;;) {
		struct pollfd pf = { ch->err_fd, POLLIN, 0 };
		ssize_t n;
		int r = poll(&pf, 1, 100);
		pthread_mutex_lock(&ch->mu);
		if (ch->stop_reader) {
			pthread_mutex_unlock(&ch->mu);
			break;
		}
		pthread_mutex_unlock(&ch->mu);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		n = read(ch->err_fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		pthread_mutex_lock(&ch->mu);
		if (ch->capture) {
			capture_bytes(ch, buf, (size_t)n);
		} else if (ch->gct_on) {
			sb_reset(&ch->gcout);
			gctrace_filter(&ch->gct, buf, (size_t)n, &ch->gcout);
			pass(ch->gcout.buf, ch->gcout.len);
			run_crash_feed(&ch->crash, ch->gcout.buf, ch->gcout.len);
		} else {
			pass(buf, (size_t)n);
			run_crash_feed(&ch->crash, buf, (size_t)n);
		}
		pthread_mutex_unlock(&ch->mu);
	}
	/* a partial last line that was not the dump: it was the program's */
	pthread_mutex_lock(&ch->mu);
	if (ch->line.len && !ch->in_dump)
		pass(ch->line.buf, ch->line.len);
	sb_reset(&ch->line);
	if (ch->gct_on) {
		sb_reset(&ch->gcout);
		gctrace_flush(&ch->gct, &ch->gcout);
		pass(ch->gcout.buf, ch->gcout.len);
	}
	pthread_mutex_unlock(&ch->mu);
	return NULL;
}

/* Fork and exec argv; 0, or -1 with the reason printed. */
static int start_child(struct child *ch, char **argv)
{
	int errp[2], execp[2], saved;
	ssize_t n;

	if (pipe2(errp, O_CLOEXEC) < 0 || pipe2(execp, O_CLOEXEC) < 0) {
		cli_error("cannot run '%s': %s", argv[0], strerror(errno));
		return -1;
	}
	ch->pid = fork();
	if (ch->pid < 0) {
		cli_error("cannot run '%s': %s", argv[0], strerror(errno));
		return -1;
	}
	if (ch->pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(errp[1], STDERR_FILENO);
		setenv("GOTRACEBACK", "all", 1);
		if (ch->godebug)
			setenv("GODEBUG", ch->godebug, 1);
		execvp(argv[0], argv);
		saved = errno;
		n = write(execp[1], &saved, sizeof(saved));
		(void)n;
		_exit(127);
	}
	setpgid(ch->pid, ch->pid);
	close(errp[1]);
	close(execp[1]);
	ch->err_fd = errp[0];
	n = read(execp[0], &saved, sizeof(saved));
	close(execp[0]);
	if (n == (ssize_t)sizeof(saved)) {
		waitpid(ch->pid, NULL, 0);
		close(ch->err_fd);
		ch->err_fd = -1;
		cli_error("cannot run '%s': %s", argv[0], strerror(saved));
		return -1;
	}
	ch->started = watch_now_mono();
	if (pthread_create(&ch->reader, NULL, reader_main, ch) == 0)
		ch->reader_started = 1;
	return 0;
}

static int child_poll(struct watch_cli *c)
{
	struct child *ch = c->child;
	int st;

	if (!ch->exited && waitpid(ch->pid, &st, WNOHANG) == ch->pid) {
		ch->exited = 1;
		ch->status = st;
	}
	return ch->exited;
}

static void describe_exit(struct sb *out, int st)
{
	if (WIFEXITED(st))
		sb_addf(out, "with status %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		sb_addf(out, "killed by signal %d (%s)", WTERMSIG(st),
			strsignal(WTERMSIG(st)));
	else
		sb_adds(out, "abnormally");
}

/* The program's own end in the JSON report: "exit_status" and "signal"
 * (null when the other one applies), into the object prog. */
static void json_exit(json_t *prog, int st)
{
	json_object_set_new(prog, "exit_status", WIFEXITED(st) ?
			    json_integer(WEXITSTATUS(st)) : json_null());
	json_object_set_new(prog, "signal", !WIFEXITED(st) && WIFSIGNALED(st) ?
			    json_integer(WTERMSIG(st)) : json_null());
}

/* --pprof URL that answered no request: say so on the terminal, not only
 * in the recording. */
static void warn_pprof_refused(const struct watch_cli *c, const struct watch *w)
{
	unsigned want = 1u << WATCH_GOROUTINES | 1u << WATCH_HEAP_BYTES;
	const char *why = NULL;
	size_t i;

	if (!c->o.url || !w->samples.len)
		return;
	for (i = 0; i < w->samples.len; i++) {
		if (w->samples.items[i].have & want)
			return;
		if (w->samples.items[i].error)
			why = w->samples.items[i].error;
	}
	cli_warn("--pprof %s: no request succeeded in %zu samples%s%s", c->o.url,
		 w->samples.len, why ? ": " : "", why ? why : "");
}

/* SIGQUIT the child, wait for it to die (up to tmo seconds); 1 if the
 * dump was seen. */
static int take_dump(struct child *ch, double tmo)
{
	double until;
	int st, got;

	pthread_mutex_lock(&ch->mu);
	ch->capture = 1;
	pthread_mutex_unlock(&ch->mu);
	kill(ch->pid, SIGQUIT);
	until = watch_now_mono() + tmo;
	while (watch_now_mono() < until) {
		if (waitpid(ch->pid, &st, WNOHANG) == ch->pid) {
			ch->exited = 1;
			ch->status = st;
			break;
		}
		usleep(20000);
	}
	if (!ch->exited) {
		kill(ch->pid, SIGKILL);
		waitpid(ch->pid, &ch->status, 0);
		ch->exited = 1;
	}
	/* what the program left behind in its process group goes too */
	kill(-ch->pid, SIGKILL);
	/* let the reader drain what is left (descendants may hold the pipe
	 * open: give up after a second) */
	until = watch_now_mono() + 1.0;
	for (;;) {
		struct pollfd pf = { ch->err_fd, POLLIN, 0 };
		pthread_mutex_lock(&ch->mu);
		got = ch->in_dump;
		pthread_mutex_unlock(&ch->mu);
		if (watch_now_mono() > until ||
		    (poll(&pf, 1, 0) == 1 && (pf.revents & POLLHUP) &&
		     !(pf.revents & POLLIN)))
			break;
		usleep(20000);
	}
	return got;
}

static void stop_reader(struct child *ch)
{
	if (ch->reader_started) {
		pthread_mutex_lock(&ch->mu);
		ch->stop_reader = 1;
		pthread_mutex_unlock(&ch->mu);
		pthread_join(ch->reader, NULL);
		ch->reader_started = 0;
	}
	if (ch->err_fd >= 0)
		close(ch->err_fd);
	ch->err_fd = -1;
}

/* After the child exited: let the reader copy what is left in the pipe
 * (descendants may hold it open: give up after a second). */
static void drain_reader(struct child *ch)
{
	double until = watch_now_mono() + 1.0;

	while (ch->err_fd >= 0 && watch_now_mono() < until) {
		struct pollfd pf = { ch->err_fd, POLLIN, 0 };
		if (poll(&pf, 1, 0) == 1 && (pf.revents & POLLHUP) &&
		    !(pf.revents & POLLIN))
			break;
		usleep(20000);
	}
}

/* watch's heap source without --pprof: what gctrace said last */
static int gct_heap(void *arg, int64_t *live, int64_t *alloc)
{
	struct child *ch = arg;
	int have;

	pthread_mutex_lock(&ch->mu);
	have = ch->gct.ngc > 0;
	*live = ch->gct.live;
	*alloc = ch->gct.alloc;
	pthread_mutex_unlock(&ch->mu);
	return have;
}

/* The status line: the plain line's text on one row, cut to the width of
 * the terminal so that \r returns to its start. */
static void status_line(struct child *ch, struct watch *w)
{
	struct sb out = SB_INIT, row = SB_INIT;
	struct winsize ws;
	size_t i, width = 80;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		width = ws.ws_col;
	watch_view_line(w, &out);
	sb_adds(&row, "\r\033[K");
	for (i = 0; i < out.len && row.len - 4 < width - 1; i++) {
		if (out.buf[i] != '\n')
			sb_addc(&row, out.buf[i]);
		else if (i + 1 < out.len)
			sb_adds(&row, "; ");
	}
	pthread_mutex_lock(&ch->mu);
	fputs(sb_str(&row), stderr);
	fflush(stderr);
	status_drawn = 1;
	pthread_mutex_unlock(&ch->mu);
	sb_release(&row);
	sb_release(&out);
}

static void status_erase(struct child *ch)
{
	pthread_mutex_lock(&ch->mu);
	if (status_drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		status_drawn = 0;
	}
	pthread_mutex_unlock(&ch->mu);
}

/* One file by two spellings: equal, or one a path suffix of the other
 * (an absolute path from the binary, a relative one from --src). */
static int same_file(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (!la || !lb)
		return 0;
	if (la == lb)
		return !strcmp(a, b);
	if (la < lb)
		return b[lb - la - 1] == '/' && !strcmp(b + lb - la, a);
	return a[la - lb - 1] == '/' && !strcmp(a + la - lb, b);
}

/* One leak, one finding: a group of the dump (goroutine-leak-suspect) and
 * the growth watch saw at the same site (growing-goroutine-group) are the
 * same goroutines; the dump's finding is kept, with the growth as related
 * evidence at the same line and the higher severity, and the other goes. */
static void merge_same_site(struct findings *fs)
{
	size_t i, j, n = 0;

	for (i = 0; i < fs->items.len; i++) {
		struct finding *g = fs->items.items[i], *keep = NULL;
		struct report_loc rel;

		if (strcmp(g->rule, "growing-goroutine-group") || g->loc.line <= 0)
			goto kept;
		for (j = 0; j < fs->items.len && !keep; j++) {
			struct finding *s = fs->items.items[j];

			if (!strcmp(s->rule, "goroutine-leak-suspect") &&
			    s->loc.line == g->loc.line &&
			    same_file(s->loc.file, g->loc.file))
				keep = s;
		}
		if (!keep)
			goto kept;
		rel = g->loc;
		rel.message = g->message;
		finding_add_related(fs, keep, &rel);
		if (g->severity > keep->severity)
			keep->severity = g->severity;
		if (g->confidence > keep->confidence)
			keep->confidence = g->confidence;
		continue;
kept:
		fs->items.items[n++] = g;
	}
	fs->items.len = n;
}

static int show_run(struct watch *w, const struct watch_verdict *v, void *arg)
{
	struct watch_cli *c = arg;
	struct sb out = SB_INIT;

	(void)v;
	if (c->live_lines) {
		watch_view_line(w, &out);
		fputs(sb_str(&out), stderr);
		sb_release(&out);
	} else if (c->tty) {
		status_line(c->child, w);
	}
	return child_poll(c);
}

enum { OPT_DUMP_TIMEOUT = 1000, OPT_LIVE };

int cmd_run(int argc, char **argv)
{
	struct watch_cli c;
	struct child ch;
	struct watch w;
	struct watch_store *st = NULL;
	struct watch_verdict v[WATCH_NSERIES];
	struct watch_loop l;
	struct findings fs;
	struct err e = ERR_INIT;
	struct option opts[40];
	const struct option *base = watch_cli_options();
	struct sb note = SB_INIT, json = SB_INIT, db = SB_INIT, godebug = SB_INIT;
	double dump_timeout = 10;
	int opt, i, nopt = 0, gargc = argc, rc = CLI_EXIT_CLEAN, live = 0;
	int dumped = 0, ndump = 0, crashed = 0, by_itself = 0;
	char **prog;
	const char *name;

	for (i = 0; base[i].name; i++)
		if (strcmp(base[i].name, "resume") && strcmp(base[i].name, "pid") &&
		    strcmp(base[i].name, "listen"))
			opts[nopt++] = base[i];
	opts[nopt++] = (struct option){ "dump-timeout", required_argument, NULL,
					OPT_DUMP_TIMEOUT };
	opts[nopt++] = (struct option){ "live", no_argument, NULL, OPT_LIVE };
	opts[nopt] = (struct option){ NULL, 0, NULL, 0 };

	memset(&c, 0, sizeof(c));
	c.argc = argc;
	c.argv = argv;
	memset(&ch, 0, sizeof(ch));
	ch.err_fd = -1;
	watch_options_default(&c.o);
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			gargc = i;
			break;
		}
	while ((opt = cli_getopt("run", gargc, argv, "o:q", opts)) != -1) {
		if (opt == '?')
			return CLI_EXIT_USAGE;
		if (opt == OPT_DUMP_TIMEOUT) {
			dump_timeout = watch_parse_duration(optarg);
			if (dump_timeout <= 0)
				return cli_usage("run", "option '--dump-timeout' "
						 "takes a duration, not '%s'", optarg);
			continue;
		}
		if (opt == OPT_LIVE) {
			live = 1;
			continue;
		}
		if (watch_cli_option("run", opt, optarg, &c) < 0)
			return CLI_EXIT_USAGE;
	}
	if (gargc < argc) {
		if (optind < gargc)
			return cli_usage("run", "unexpected '%s' before '--'",
					 argv[optind]);
		prog = argv + gargc + 1;
	} else {
		prog = argv + optind;
	}
	if (!prog[0])
		return cli_usage("run", "give the program to run after '--'");
	if (c.o.url && strncmp(c.o.url, "http://", 7) &&
	    strncmp(c.o.url, "https://", 8))
		return cli_usage("run", "'%s' is not an http(s) URL", c.o.url);

	if (!c.db) {
		char when[32];
		time_t now = time(NULL);
		name = strrchr(prog[0], '/');
		name = name ? name + 1 : prog[0];
		strftime(when, sizeof(when), "%Y%m%d-%H%M%S", localtime(&now));
		sb_addf(&db, "leakhound-run-%s-%s.db", name, when);
		c.db = sb_str(&db);
	}
	pthread_mutex_init(&ch.mu, NULL);
	if (!c.o.url) {
		gctrace_godebug(getenv("GODEBUG"), &godebug, &ch.gct.pass_too);
		ch.godebug = sb_str(&godebug);
		ch.gct_on = 1;
	}
	if (start_child(&ch, prog) < 0) {
		pthread_mutex_destroy(&ch.mu);
		sb_release(&godebug);
		sb_release(&db);
		return CLI_EXIT_ERROR;
	}
	c.o.pid = ch.pid;
	c.child = &ch;
	if (watch_cli_setup("run", &c, &w, &st) < 0) {
		stop_reader(&ch);
		kill(-ch.pid, SIGKILL);
		waitpid(ch.pid, NULL, 0);
		rc = CLI_EXIT_ERROR;
		goto out_nowatch;
	}
	if (ch.gct_on) {
		w.heap_source = gct_heap;
		w.heap_source_arg = &ch;
	}
	{
		struct sb cmdline = SB_INIT;
		for (i = 0; prog[i]; i++)
			sb_addf(&cmdline, "%s%s", i ? " " : "", prog[i]);
		watch_store_meta_set(st, "program", sb_str(&cmdline), &e);
		sb_release(&cmdline);
	}

	memset(&l, 0, sizeof(l));
	l.duration = c.duration;
	l.until_verdict = c.until_verdict;
	watch_cli_signals(&l.stop);
	l.on_sample = show_run;
	/* on a terminal: the status line; on a dumb one: plain lines */
	c.tty = !c.quiet && isatty(STDERR_FILENO) && cli_term_cursor(STDERR_FILENO);
	c.live_lines = live || (!c.quiet && !c.tty && isatty(STDERR_FILENO));
	if (live)
		c.tty = 0;
	l.arg = &c;
	if (watch_run_loop(&w, &l, v, &e) < 0) {
		status_erase(&ch);
		cli_error("%s", e.msg);
		rc = CLI_EXIT_ERROR;
	}
	status_erase(&ch);
	child_poll(&c);
	/* /proc may say the process is gone a moment before waitpid can
	 * reap it (its last threads are still exiting) */
	for (i = 0; i < 100 && w.pid_gone && !ch.exited; i++) {
		usleep(20000);
		child_poll(&c);
	}

	warn_pprof_refused(&c, &w);
	findings_init(&fs);
	if (ch.exited) {
		by_itself = 1;
		crashed = !WIFEXITED(ch.status) || WEXITSTATUS(ch.status) != 0;
		/* the reader may still hold the crash's last bytes */
		drain_reader(&ch);
		stop_reader(&ch);
		sb_addf(&note, "note: the program %s by itself ",
			crashed ? "crashed: it ended" : "exited");
		describe_exit(&note, ch.status);
		sb_addf(&note, " after %.1f s", watch_now_mono() - ch.started);
		if (run_crash_seen(&ch.crash)) {
			sb_adds(&note, "\n");
			ndump = (int)run_crash_report(&ch.crash, c.src, &fs, &note);
		} else {
			sb_adds(&note, ": no goroutine dump could be taken (goroutines "
				"still blocked at a clean exit cannot be seen after the "
				"fact; for tests, 'leakhound test' finds them)\n");
		}
	} else {
		dumped = take_dump(&ch, dump_timeout);
		if (!dumped) {
			sb_adds(&note, "note: the program did not write a goroutine "
				"dump on SIGQUIT (it may handle the signal) and was "
				"killed\n");
		}
	}
	stop_reader(&ch);
	if (!by_itself && ch.exited) {
		sb_adds(&note, "the program ended when asked for "
			"its dump, ");
		describe_exit(&note, ch.status);
		sb_adds(&note, "\n");
	}
	if (ch.gct_on)
		sb_addf(&note, "note: without --pprof, the live heap is read from "
			"GODEBUG=gctrace=1 after each collection (%lld seen, MB "
			"resolution) and the goroutine count is known only at the "
			"end, from the dump\n", (long long)ch.gct.ngc);
	watch_findings(&w, v, &fs);
	if (dumped) {
		struct gdump_dump d;
		struct gdump_groups gs;
		const struct watch_sample *last = watch_last(&w);
		struct watch_blob b = { "dump", ch.dump.buf, ch.dump.len };

		if (last && watch_store_add_blob(st, last->id, &b, &e) < 0)
			cli_warn("%s", e.msg);
		gdump_dump_init(&d);
		if (gdump_parse(&d, ch.dump.buf ? ch.dump.buf : "", ch.dump.len,
				&e) < 0) {
			sb_addf(&note, "note: the goroutine dump could not be "
				"read: %s\n", e.msg);
		} else {
			size_t k, nsus = 0;
			gdump_group(&d, &gs);
			/* growth since the recording's first goroutine profile,
			 * as the page's table and watch's findings see it */
			cli_recorded_compare(&w, v, &gs);
			ndump = (int)d.total;
			cli_goroutine_findings(&gs, c.src, &fs);
			for (k = 0; k < gs.items.len; k++)
				if (gs.items.items[k].suspect)
					nsus++;
			sb_addf(&note, "goroutine dump: %llu goroutines in %zu "
				"groups, %zu ranked as leak suspects\n",
				(unsigned long long)d.total, gs.items.len, nsus);
			if (gs.hung)
				sb_adds(&note, "the program was hung: the main goroutine "
					"and every goroutine of its code were blocked\n");
			gdump_groups_release(&gs);
		}
		gdump_dump_release(&d);
		if (ch.dump_truncated)
			sb_addf(&note, "note: the dump was longer than %zu MiB and "
				"was cut\n", DUMP_MAX >> 20);
	}
	merge_same_site(&fs);
	watch_cli_src_link(&c, &fs);
	{
		json_t *top = json_object(), *pj = json_object();

		json_object_set_new(pj, "pid", json_integer(ch.pid));
		json_object_set_new(pj, "exited_early", json_boolean(by_itself));
		json_object_set_new(pj, "crashed", json_boolean(crashed));
		json_object_set_new(pj, "dump", json_boolean(dumped || ndump));
		json_object_set_new(pj, "dump_goroutines", json_integer(ndump));
		json_object_set_new(pj, "crash", json_boolean(run_crash_seen(&ch.crash)));
		json_object_set_new(pj, "heap_from_gctrace", json_boolean(ch.gct_on));
		json_exit(pj, ch.exited ? ch.status : 0);
		json_object_set_new(top, "program", pj);
		jsonout_add_members(&json, top);
		json_decref(top);
	}
	if (rc == CLI_EXIT_CLEAN && watch_never_sampled(&w) && !dumped && !ndump) {
		/* nothing was seen: no report, which would say "no leak" */
		const struct watch_sample *ls = watch_last(&w);
		struct sb how = SB_INIT;
		if (by_itself) {
			sb_adds(&how, " (it exited ");
			describe_exit(&how, ch.status);
			sb_addf(&how, " after %.1f s)", watch_now_mono() - ch.started);
		}
		cli_error("cannot sample the program%s: %s", sb_str(&how),
			  ls && ls->error ? ls->error : "no sample was taken");
		sb_release(&how);
		rc = CLI_EXIT_ERROR;
	} else if (rc == CLI_EXIT_CLEAN) {
		c.tty = 0;
		if (watch_cli_report(&c, &w, v, &fs, sb_str(&json), sb_str(&note)) < 0)
			rc = CLI_EXIT_ERROR;
		else
			rc = fs.items.len || crashed ? CLI_EXIT_FINDINGS : CLI_EXIT_CLEAN;
	}
	findings_release(&fs);
	watch_release(&w);
	watch_store_close(st);
out_nowatch:
	watch_cli_release(&c);
	pthread_mutex_destroy(&ch.mu);
	sb_release(&ch.dump);
	sb_release(&ch.line);
	run_crash_release(&ch.crash);
	gctrace_release(&ch.gct);
	sb_release(&ch.gcout);
	sb_release(&godebug);
	sb_release(&note);
	sb_release(&json);
	sb_release(&db);
	return rc;
}
