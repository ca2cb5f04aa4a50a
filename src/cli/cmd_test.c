/*
 * test: run a package's tests and report the goroutines they leave behind,
 * with no change to the user's code.
 *
 * `go test -overlay` adds a generated test file (test_go.c) to every
 * package with tests: its TestMain runs m.Run(), waits up to the grace
 * period for the goroutines the tests started, and writes the stacks of
 * those still alive to a file of ours.  Each file is read like any
 * goroutine dump (src/gdump), filtered (the runtime's and testing's own
 * goroutines, --ignore-top), grouped, ranked and reported with the same
 * code as `leakhound goroutines` (gor_report.c).  A package whose tests
 * have their own TestMain cannot get ours; a package whose tests hang or
 * crash never reaches it: for both, the goroutine dump Go prints on a
 * -timeout panic or a crash is read from go test's output instead.
 *
 * The design decision a reader must know: go test's output (stdout and
 * stderr merged) goes to our stderr as it comes, and is kept: it is split
 * at the per-package result lines ("ok  \tPKG", "FAIL\tPKG") to find which
 * package a crash dump belongs to.  Our report is the only thing on stdout.
 */
#include "cli.h"
#include "gor_report.h"
#include "html_adapt.h"
#include "test_go.h"
#include "../base/file.h"
#include "../base/jsonout.h"
#include "../base/xalloc.h"
#include "../watch/watch.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char cmd_test_help[] =
"NAME\n"
"    leakhound test - run Go tests and report the goroutines they leak\n"
"\n"
"SYNOPSIS\n"
"    leakhound test [options] [go test flags] [PACKAGES]\n"
"\n"
"DESCRIPTION\n"
"    Runs 'go test' on PACKAGES (default ./...) and reports, for each\n"
"    package, the goroutines still alive when its tests have finished,\n"
"    grouped and ranked like 'leakhound goroutines' does, each at its\n"
"    blocking line with the function that started it, the explanation of\n"
"    that line and the lint findings of the same function.  Nothing in\n"
"    your tree changes and no goleak call is needed: a generated test file\n"
"    is added with 'go test -overlay' (Go 1.16 or later); its TestMain runs\n"
"    the tests, waits up to the grace period for the goroutines they\n"
"    started to finish (like goleak's retries), then writes the stacks of\n"
"    those left for leakhound to read.\n"
"\n"
"    Ignored by default: the goroutines of the runtime and of the testing\n"
"    package (every frame in runtime, internal, testing, os/signal or\n"
"    time).  Each group names the test(s) its goroutines come from, also\n"
"    when a shared helper started them: go test runs with\n"
"    GODEBUG=tracebackancestors=10 (before yours), and a goroutine belongs\n"
"    to the first Test/Benchmark/Example/Fuzz function of the package in\n"
"    its stack, its creator or its creators' stacks.  This makes each go\n"
"    statement of the tests a little slower (docs/test.md).\n"
"\n"
"    A package with its own TestMain cannot get the generated one: it is\n"
"    named in the report, and only a crash or -timeout dump is read for it.\n"
"    Tests that hang until go test's -timeout (or crash) are reported with\n"
"    the goroutines Go's traceback shows blocked, at their lines.\n"
"\n"
"    go test's own output goes to standard error as it comes; the report\n"
"    is the only thing on standard output.  leakhound adds -count=1 (a\n"
"    cached result runs nothing) and -vet=off (go vet of Go 1.19 cannot\n"
"    read overlays) unless you give -count or -vet.\n"
"\n"
"OPTIONS\n"
"    Options of leakhound are long options; every other argument goes to\n"
"    go test (flags, their values, packages, -args...).\n"
"    --grace D           wait up to D for goroutines that are about to\n"
"                        finish (default 500ms; 0 for none)\n"
"    --per-test          run each top-level test alone (-run '^Name$')\n"
"    --ancestors N       tracebackancestors depth (default 10; 0: off)\n"
"    --ignore-top FUNC   ignore goroutines whose top frame is FUNC (the\n"
"                        full name, e.g. example.com/pkg.(*Pool).worker);\n"
"                        repeatable\n"
"    --ignore-current    ignore the goroutines already running when the\n"
"                        tests start (started by init functions)\n"
"    --src DIR           read the blocking lines and lint the sources\n"
"                        under DIR (default: each package's directory)\n"
"    --all, --stacks     as for 'leakhound goroutines'\n"
"    --format FMT        text (default), json, sarif, github, checkstyle\n"
"                        or codeclimate (like lint's)\n"
"    --output FILE       write the report to FILE\n"
"    --html FILE         also write the HTML report page (docs/report.md)\n"
"\n"
"EXIT STATUS\n"
"    0 no goroutine left, 1 a package leaks goroutines or its tests hung,\n"
"    2 go test failed for another reason (tests failed, build errors) or\n"
"    could not be run, 3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound test ./...\n"
"    leakhound test --grace 2s -race -timeout 60s ./internal/...\n"
"    leakhound test --per-test --format json ./server\n";

/* the default depth of GODEBUG=tracebackancestors: a test, the helper's
 * goroutine it starts, the goroutines that one starts... (docs/test.md) */
#define TEST_ANCESTORS 10

/* go test flags that take a value in the next argument when written
 * without '=' (bool flags never do). */
static const char *const valued_flags[] = {
	"asmflags", "bench", "benchtime", "blockprofile", "blockprofilerate",
	"C", "count", "covermode", "coverpkg", "coverprofile", "cpu",
	"cpuprofile", "exec", "fuzz", "fuzzminimizetime", "fuzztime",
	"gccgoflags", "gcflags", "installsuffix", "ldflags", "list",
	"memprofile", "memprofilerate", "mod", "modfile", "mutexprofile",
	"mutexprofilefraction", "o", "outputdir", "overlay", "p", "parallel",
	"pkgdir", "run", "shuffle", "skip", "tags", "timeout", "toolexec",
	"trace", "vet", "exec",
};

/* the flag's name without dashes and value: "-run=x" -> "run" */
static void flag_name(const char *arg, char *name, size_t n)
{
	const char *eq;
	size_t k;

	while (*arg == '-')
		arg++;
	eq = strchr(arg, '=');
	k = eq ? (size_t)(eq - arg) : strlen(arg);
	if (k >= n)
		k = n - 1;
	memcpy(name, arg, k);
	name[k] = 0;
}

static int takes_value(const char *arg)
{
	char name[64];
	size_t i;

	if (strchr(arg, '='))
		return 0;
	flag_name(arg, name, sizeof(name));
	for (i = 0; i < sizeof(valued_flags) / sizeof(valued_flags[0]); i++)
		if (!strcmp(name, valued_flags[i]))
			return 1;
	return 0;
}

struct topts {
	struct gor_opts g;
	int grace_ms, per_test, ignore_current, html_given;
	int ancestors;          /* GODEBUG=tracebackancestors depth, 0 off */
	char *godebug_env;      /* GODEBUG=... for go test, or NULL */
	VEC(char *) ignore_top;
	const char *srcdir, *html, *output;
	VEC(char *) flags;      /* go test flags, in order */
	VEC(char *) build;      /* the build flags go list needs too */
	VEC(char *) pkgs;
	VEC(char *) args;       /* -args and what follows */
	const char *run_re;     /* the user's -run */
	char dump_env[4200];    /* LEAKHOUND_TEST_DUMP_DIR=... */
	int has_count, has_vet;
	char cwd[4096];
};

/* named, to be passed to functions */
struct strv { char **items; size_t len, cap; };

/* One unit of report: a package, or one test of it with --per-test. */
struct unit {
	const struct test_pkg *p;
	char *test;             /* --per-test: the test's name */
	const char *status;     /* clean, leak, hang, crash, own-testmain, no-dump */
	const char *kind;       /* hang, crash: "timed out", "panicked"... */
	struct sb note;
	struct gdump_groups gs;
	int have_gs;
	struct gor_opts g;      /* explanations of gs */
	size_t nleft;
};

struct unitv { struct unit *items; size_t len, cap; };

static void relpath(const struct topts *o, const char *file, char *out, size_t n)
{
	size_t k = strlen(o->cwd);

	if (k && !strncmp(file, o->cwd, k) && file[k] == '/')
		snprintf(out, n, "%s", file + k + 1);
	else
		snprintf(out, n, "%s", file);
}

static int ignored(const struct topts *o, const struct gdump_goroutine *g,
		   int crash)
{
	size_t i;

	if (crash && !strcmp(g->state, "running"))
		return 1;  /* the goroutine that panicked, or the alarm */
	if (g->nframes && o->ignore_top.len)
		for (i = 0; i < o->ignore_top.len; i++)
			if (!strcmp(g->frames[0].func, o->ignore_top.items[i]))
				return 1;
	for (i = 0; i < g->nframes; i++)
		if (!test_go_own_frame(g->frames[i].func, g->frames[i].file))
			return 0;
	if (g->created_by.func &&
	    !test_go_own_frame(g->created_by.func, g->created_by.file))
		return 0;
	return 1;
}

/* Keep the goroutines of src that are not ignored, with file paths made
 * relative to the working directory; returns how many were kept. */
static size_t filter_dump(const struct topts *o, const struct gdump_dump *src,
			  struct gdump_dump *dst, int crash)
{
	VEC(struct gdump_frame) fr = { 0 };
	VEC(char *) names = { 0 };
	size_t i, j, kept = 0;
	char buf[4096];

	gdump_dump_init(dst);
	for (i = 0; i < src->gs.len; i++) {
		const struct gdump_goroutine *g = &src->gs.items[i];
		struct gdump_goroutine c = *g;

		if (ignored(o, g, crash))
			continue;
		fr.len = 0;
		for (j = 0; j < g->nframes; j++) {
			struct gdump_frame f = g->frames[j];
			relpath(o, f.file, buf, sizeof(buf));
			f.file = xstrdup(buf);
			vec_push(&names, (char *)f.file);
			vec_push(&fr, f);
		}
		if (c.created_by.func) {
			relpath(o, c.created_by.file, buf, sizeof(buf));
			c.created_by.file = xstrdup(buf);
			vec_push(&names, (char *)c.created_by.file);
		}
		gdump_add(dst, &c, fr.items, fr.len);
		kept += g->count ? g->count : 1;
	}
	for (i = 0; i < names.len; i++)
		free(names.items[i]);
	vec_free(&names);
	vec_free(&fr);
	return kept;
}

/* The test of one goroutine: the first frame that is a top-level test of
 * the package (test_go_test_of), looked for in its own stack, its creator,
 * then its ancestors' stacks (GODEBUG=tracebackancestors: the creator's
 * stack at the go statement, then its creator's...), so a goroutine a
 * shared helper starts is the test's that called the helper. */
static const char *test_of(const struct test_pkg *p, const struct gdump_goroutine *g,
			   char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < g->nframes; i++)
		if (test_go_test_of(g->frames[i].func, p->import_path, p->name, buf, n))
			return buf;
	if (test_go_test_of(g->created_by.func, p->import_path, p->name, buf, n))
		return buf;
	for (i = 0; i < g->nancestors; i++)
		if (test_go_test_of(g->ancestors[i].func, p->import_path, p->name, buf, n))
			return buf;
	return NULL;
}

struct idtest { uint64_t id; const char *test; };

static int idtest_cmp(const void *a, const void *b)
{
	const struct idtest *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fill u->g.tests: for each group of u->gs, the tests its goroutines (in
 * the dump d the groups were made of) are attributed to, sorted, joined
 * with ", "; NULL when none is known. */
static void attribute_tests(struct unit *u, struct gdump_dump *d)
{
	struct idtest *ids = xcalloc(d->gs.len + 1, sizeof(*ids));
	char buf[256];
	size_t i, j, k, n = 0;

	for (i = 0; i < d->gs.len; i++) {
		const struct gdump_goroutine *g = &d->gs.items[i];
		if (g->id && test_of(u->p, g, buf, sizeof(buf))) {
			ids[n].id = g->id;
			ids[n++].test = gdump_intern(d, buf, strlen(buf));
		}
	}
	qsort(ids, n, sizeof(*ids), idtest_cmp);
	u->g.ntests = u->gs.items.len;
	u->g.tests = xcalloc(u->g.ntests + 1, sizeof(*u->g.tests));
	for (i = 0; i < u->gs.items.len && n; i++) {
		const struct gdump_group *gr = &u->gs.items.items[i];
		VEC(char *) names = { 0 };
		struct sb joined = SB_INIT;

		for (j = 0; j < gr->nids; j++) {
			struct idtest key = { gr->ids[j], NULL }, *hit;
			hit = bsearch(&key, ids, n, sizeof(*ids), idtest_cmp);
			if (!hit)
				continue;
			for (k = 0; k < names.len; k++)
				if (names.items[k] == hit->test)
					break;
			if (k == names.len)
				vec_push(&names, (char *)hit->test);
		}
		if (names.len) {
			qsort(names.items, names.len, sizeof(*names.items), str_cmp);
			for (k = 0; k < names.len; k++)
				sb_addf(&joined, "%s%s", k ? ", " : "", names.items[k]);
			u->g.tests[i] = xstrdup(sb_str(&joined));
		}
		vec_free(&names);
		sb_release(&joined);
	}
	free(ids);
}

/* Read the goroutines of buf (a dump file or a crash in go test's output)
 * into u: group, rank and explain them. */
static void analyse(struct topts *o, struct unit *u, const char *buf,
		    size_t len, int crash)
{
	struct gdump_dump d, f;
	struct err e = ERR_INIT;
	size_t i;
	char dir[4096];

	gdump_dump_init(&d);
	if (!len || gdump_parse(&d, buf, len, &e) < 0) {
		gdump_dump_release(&d);
		return;
	}
	u->nleft = filter_dump(o, &d, &f, crash);
	gdump_dump_release(&d);
	if (!u->nleft) {
		gdump_dump_release(&f);
		return;
	}
	gdump_group(&f, &u->gs);
	u->have_gs = 1;
	/* every goroutine left is a leak, whatever its rank */
	for (i = 0; i < u->gs.items.len; i++) {
		struct gdump_group *g = &u->gs.items.items[i];
		if (!g->suspect) {
			g->suspect = 1;
			g->why = crash ? "alive when the tests crashed" :
				 "still alive after the tests";
		}
	}
	u->g = o->g;
	u->g.ex = NULL;
	u->g.nex = 0;
	memset(&u->g.lintfs, 0, sizeof(u->g.lintfs));
	u->g.have_lint = 0;
	relpath(o, u->p->dir, dir, sizeof(dir));
	u->g.srcdir = o->srcdir ? o->srcdir : dir;
	u->g.tests = NULL;
	u->g.ntests = 0;
	attribute_tests(u, &f);
	gdump_dump_release(&f);
	gor_explain_groups(&u->g, &u->gs);
}

static const char *crash_kind(const char *chunk)
{
	if (strstr(chunk, "panic: test timed out"))
		return "timed out";
	if (strstr(chunk, "all goroutines are asleep - deadlock"))
		return "deadlocked";
	if (strstr(chunk, "\npanic: ") || !strncmp(chunk, "panic: ", 7))
		return "panicked";
	if (strstr(chunk, "fatal error: "))
		return "died of a fatal error";
	return "crashed";
}

/* The part of go test's output that belongs to import path ip: the lines
 * after the previous result line up to ip's own ("ok  \tIP", "FAIL\tIP");
 * NULL when there is none.  *len is set. */
static const char *chunk_of(const char *out, const char *ip, size_t *len)
{
	const char *start = out, *p = out;
	size_t n = strlen(ip);

	while (*p) {
		const char *eol = strchr(p, '\n');
		const char *next = eol ? eol + 1 : p + strlen(p);
		int result = !strncmp(p, "ok  \t", 5) || !strncmp(p, "FAIL\t", 5) ||
			     !strncmp(p, "?   \t", 5);
		if (result) {
			if (!strncmp(p + 5, ip, n) && (p[5 + n] == '\t' || p[5 + n] == ' ' ||
						       p[5 + n] == '\n' || !p[5 + n])) {
				*len = (size_t)(next - start);
				return start;
			}
			start = next;
		}
		p = next;
	}
	return NULL;
}

static int has_dump(const char *s, size_t n)
{
	const char *p = memmem(s, n, "goroutine ", 10);
	while (p) {
		const char *q = p + 10;
		while (q < s + n && *q >= '0' && *q <= '9')
			q++;
		if (q > p + 10 && q + 1 < s + n && q[0] == ' ' && q[1] == '[')
			return 1;
		p = memmem(p + 1, (size_t)(s + n - p - 1), "goroutine ", 10);
	}
	return 0;
}

/* After go test ran: the unit's verdict from the dump file or the chunk
 * of output. */
static void judge(struct topts *o, struct unit *u, const char *out)
{
	size_t clen = 0, dlen = 0;
	const char *chunk = chunk_of(out, u->p->import_path, &clen);
	char *dump = NULL, *chunkz = NULL;
	struct err e = ERR_INIT;

	if (chunk)
		chunkz = strndup(chunk, clen);
	if (!u->p->own_main)
		dump = file_read_all(u->p->dump_path, 0, &dlen, &e);
	if (dump) {
		analyse(o, u, dump, dlen, 0);
		u->status = u->nleft ? "leak" : "clean";
		if (u->nleft)
			sb_addf(&u->note, "%zu goroutine%s still alive after %s "
				"(grace %d ms)", u->nleft, u->nleft == 1 ? "" : "s",
				u->test ? "the test" : "its tests", o->grace_ms);
		unlink(u->p->dump_path);
	} else if (chunkz && has_dump(chunkz, clen)) {
		const char *kind = crash_kind(chunkz);
		u->kind = kind;
		analyse(o, u, chunkz, clen, 1);
		u->status = !strcmp(kind, "timed out") || !strcmp(kind, "deadlocked") ?
			    "hang" : "crash";
		sb_addf(&u->note, "the tests %s; %zu goroutine%s of theirs in Go's "
			"traceback", kind, u->nleft, u->nleft == 1 ? "" : "s");
		if (u->p->own_main)
			sb_adds(&u->note, " (it has its own TestMain)");
	} else if (u->p->own_main) {
		u->status = "own-testmain";
		sb_adds(&u->note, "has its own TestMain: the end of its tests "
			"cannot be seen (only a crash or -timeout dump is read); "
			"call goleak.VerifyTestMain there, or move the TestMain's "
			"setup into the tests");
	} else {
		u->status = "no-dump";
		sb_adds(&u->note, "its tests did not reach the end (build error, "
			"os.Exit in a test, or no test ran): nothing to read");
	}
	free(dump);
	free(chunkz);
}

static void build_argv(struct topts *o, const char *overlay, const char *run,
		       char *const *pkgs, size_t npkgs, struct strv *argv,
		       struct sb *runarg)
{
	size_t i;

	vec_push(argv, "go");
	vec_push(argv, "test");
	vec_push(argv, (char *)overlay);
	if (!o->has_count)
		vec_push(argv, "-count=1");
	if (!o->has_vet)
		vec_push(argv, "-vet=off");
	for (i = 0; i < o->flags.len; i++) {
		char name[64];
		flag_name(o->flags.items[i], name, sizeof(name));
		if (run && !strcmp(name, "run")) {
			if (takes_value(o->flags.items[i]))
				i++;
			continue;
		}
		vec_push(argv, o->flags.items[i]);
	}
	if (run) {
		sb_reset(runarg);
		sb_addf(runarg, "-run=^%s$", run);
		vec_push(argv, runarg->buf);
	}
	for (i = 0; i < npkgs; i++)
		vec_push(argv, pkgs[i]);
	for (i = 0; i < o->args.len; i++)
		vec_push(argv, o->args.items[i]);
	vec_push(argv, NULL);
}

static int run_go_test(struct topts *o, const char *overlay, const char *run,
		       char *const *pkgs, size_t npkgs, struct sb *out)
{
	struct strv argv = { 0 };
	struct sb runarg = SB_INIT;
	static char tb[] = "GOTRACEBACK=all";
	char *env[3];
	size_t nenv = 0;
	int st;

	if (!getenv("GOTRACEBACK"))
		env[nenv++] = tb;
	env[nenv++] = o->dump_env;
	if (o->godebug_env)
		env[nenv++] = o->godebug_env;
	build_argv(o, overlay, run, pkgs, npkgs, &argv, &runarg);
	st = test_go_spawn(argv.items, env, nenv, 1, out);
	vec_free(&argv);
	sb_release(&runarg);
	return st;
}

/* The top-level tests of package ip (go test -list). */
static int list_tests(struct topts *o, const char *ip, struct strv *names)
{
	VEC(char *) argv = { 0 };
	struct sb out = SB_INIT;
	char *line, *save = NULL, re[512];
	size_t i;
	int st;

	vec_push(&argv, "go");
	vec_push(&argv, "test");
	vec_push(&argv, "-vet=off");
	snprintf(re, sizeof(re), "-list=%s", o->run_re ? o->run_re : ".");
	vec_push(&argv, re);
	for (i = 0; i < o->build.len; i++)
		vec_push(&argv, o->build.items[i]);
	vec_push(&argv, (char *)ip);
	vec_push(&argv, NULL);
	st = test_go_spawn(argv.items, NULL, 0, 0, &out);
	vec_free(&argv);
	if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
		if (st >= 0)
			cli_warn("go test -list %s failed:\n%s", ip, sb_str(&out));
		sb_release(&out);
		return -1;
	}
	for (line = strtok_r(out.buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (!strncmp(line, "Test", 4) && !strchr(line, '\t') && !strchr(line, ' '))
			vec_push(names, xstrdup(line));
	sb_release(&out);
	return 0;
}

static void unit_release(struct unit *u)
{
	free(u->test);
	sb_release(&u->note);
	gor_opts_release(&u->g);
	if (u->have_gs)
		gdump_groups_release(&u->gs);
}

static void unit_name(const struct unit *u, char *buf, size_t n)
{
	if (u->test)
		snprintf(buf, n, "%s %s", u->p->import_path, u->test);
	else
		snprintf(buf, n, "%s", u->p->import_path);
}

static void report(struct topts *o, struct unitv *units, struct findings *fs,
		   struct sb *out, size_t nnotests)
{
	size_t i, nleak = 0, nhang = 0, nown = 0, nclean = 0;
	struct sb extra = SB_INIT;

	for (i = 0; i < units->len; i++) {
		struct unit *u = &units->items[i];
		char name[1200], prefix[1300];

		unit_name(u, name, sizeof(name));
		if (u->have_gs) {
			if (u->kind)
				snprintf(prefix, sizeof(prefix), "%s: when the tests %s, ",
					 name, u->kind);
			else
				snprintf(prefix, sizeof(prefix), "%s: after %s, ", name,
					 u->test ? "the test" : "its tests");
			gor_add_findings(fs, &u->gs, &u->g, prefix);
		}
		if (!strcmp(u->status, "leak"))
			nleak++;
		else if (!strcmp(u->status, "hang") || !strcmp(u->status, "crash"))
			nhang++;
		else if (!strcmp(u->status, "own-testmain"))
			nown++;
		else if (!strcmp(u->status, "clean"))
			nclean++;
	}
	if (o->g.sarif) {
		report_write_sarif(out, fs, gor_rules, gor_nrules, "test");
		return;
	}
	if (o->g.ci) {
		report_write_ci(out, (enum report_format)o->g.ci, fs);
		return;
	}
	if (o->g.json) {
		sb_adds(&extra, ",\"packages\":[");
		for (i = 0; i < units->len; i++) {
			struct unit *u = &units->items[i];
			json_t *pj = json_object();

			json_object_set_new(pj, "package", jsonout_str(u->p->import_path));
			if (u->test)
				json_object_set_new(pj, "test", jsonout_str(u->test));
			json_object_set_new(pj, "status", jsonout_str(u->status));
			json_object_set_new(pj, "note", jsonout_str(sb_str(&u->note)));
			json_object_set_new(pj, "goroutines_left",
					    json_integer((json_int_t)u->nleft));
			/* one package a line; its groups follow its members */
			sb_adds(&extra, i ? ",\n" : "\n");
			jsonout_add(&extra, pj);
			json_decref(pj);
			sb_truncate(&extra, extra.len - 1);
			if (u->have_gs)
				gor_json_groups(&extra, &u->gs, &u->g, NULL, 0);
			sb_adds(&extra, "}");
		}
		sb_adds(&extra, "]");
		{
			json_t *g = json_object();

			json_object_set_new(g, "grace_ms", json_integer(o->grace_ms));
			jsonout_add_members(&extra, g);
			json_decref(g);
		}
		report_write_json(out, fs, sb_str(&extra));
		sb_release(&extra);
		return;
	}
	if (o->per_test) {
		size_t np = 0;
		for (i = 0; i < units->len; i++)
			if (!i || units->items[i].p != units->items[i - 1].p)
				np++;
		sb_addf(out, "leakhound test: %zu test%s run alone in %zu package%s",
			units->len, units->len == 1 ? "" : "s", np, np == 1 ? "" : "s");
	} else {
		sb_addf(out, "leakhound test: %zu package%s with tests", units->len,
			units->len == 1 ? "" : "s");
	}
	sb_addf(out, ": %zu leak, %zu hung or crashed, %zu clean", nleak, nhang, nclean);
	if (nown)
		sb_addf(out, ", %zu with their own TestMain", nown);
	if (nnotests)
		sb_addf(out, "; %zu without tests", nnotests);
	sb_adds(out, "\n");
	for (i = 0; i < units->len; i++) {
		struct unit *u = &units->items[i];
		char name[1200];

		if (!strcmp(u->status, "clean"))
			continue;
		unit_name(u, name, sizeof(name));
		sb_addf(out, "\n== %s: %s\n", name, sb_str(&u->note));
		if (u->have_gs)
			gor_text_table(out, &u->gs, &u->g);
	}
	if (fs->items.len) {
		sb_addc(out, '\n');
		report_write_text(out, fs);
	}
}

static int parse_args(struct topts *o, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;
		char name[64];
		static const char *const ours_v[] = { "grace", "ignore-top", "src",
			"format", "output", "html", "ancestors" };
		static const char *const ours_b[] = { "per-test", "ignore-current",
			"all", "stacks" };
		size_t k;
		int ours = 0;

		if (!strcmp(a, "-args") || !strcmp(a, "--args")) {
			for (; i < argc; i++)
				vec_push(&o->args, argv[i]);
			break;
		}
		if (a[0] != '-') {
			vec_push(&o->pkgs, argv[i]);
			continue;
		}
		flag_name(a, name, sizeof(name));
		if (!strncmp(a, "--", 2)) {
			for (k = 0; k < sizeof(ours_b) / sizeof(ours_b[0]); k++)
				if (!strcmp(name, ours_b[k]))
					ours = 1;
			for (k = 0; k < sizeof(ours_v) / sizeof(ours_v[0]); k++)
				if (!strcmp(name, ours_v[k]))
					ours = 2;
		}
		if (ours == 2) {
			val = strchr(a, '=');
			if (val)
				val++;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return cli_usage("test", "option '--%s' requires a value", name);
		}
		if (ours == 1 && strchr(a, '='))
			return cli_usage("test", "option '--%s' takes no value", name);
		if (!ours) {
			int v = takes_value(a);
			vec_push(&o->flags, argv[i]);
			if (!strcmp(name, "count"))
				o->has_count = 1;
			if (!strcmp(name, "vet"))
				o->has_vet = 1;
			if (!strcmp(name, "overlay"))
				return cli_usage("test", "-overlay is leakhound's own: "
						 "it cannot be given");
			if (!strcmp(name, "json"))
				return cli_usage("test", "-json is not supported (use "
						 "--format json for leakhound's report)");
			if (v && i + 1 < argc) {
				const char *fv = argv[i + 1];
				vec_push(&o->flags, argv[++i]);
				if (!strcmp(name, "run"))
					o->run_re = fv;
			} else if (!strcmp(name, "run") && strchr(a, '=')) {
				o->run_re = strchr(a, '=') + 1;
			}
			if (!strcmp(name, "tags") || !strcmp(name, "mod") ||
			    !strcmp(name, "modfile")) {
				vec_push(&o->build, argv[i - (v ? 1 : 0)]);
				if (v)
					vec_push(&o->build, argv[i]);
			}
			continue;
		}
		if (!strcmp(name, "grace")) {
			double d = watch_parse_duration(val);
			if (d < 0 || (d == 0 && strcmp(val, "0")))
				return cli_usage("test", "option '--grace' takes a "
						 "duration, not '%s'", val);
			o->grace_ms = (int)(d * 1000 + 0.5);
		} else if (!strcmp(name, "ancestors")) {
			char *end;
			long v = strtol(val, &end, 10);
			if (!*val || *end || v < 0 || v > 1000)
				return cli_usage("test", "option '--ancestors' takes a "
						 "number from 0 to 1000, not '%s'", val);
			o->ancestors = (int)v;
		} else if (!strcmp(name, "ignore-top")) {
			vec_push(&o->ignore_top, (char *)val);
		} else if (!strcmp(name, "src")) {
			o->srcdir = val;
		} else if (!strcmp(name, "format")) {
			if (cli_format_opt("test", val, &o->g.json, &o->g.sarif, &o->g.ci) < 0)
				return CLI_EXIT_USAGE;
		} else if (!strcmp(name, "output")) {
			o->output = val;
		} else if (!strcmp(name, "html")) {
			o->html = val;
		} else if (!strcmp(name, "per-test")) {
			o->per_test = 1;
		} else if (!strcmp(name, "ignore-current")) {
			o->ignore_current = 1;
		} else if (!strcmp(name, "all")) {
			o->g.all = 1;
		} else if (!strcmp(name, "stacks")) {
			o->g.stacks = 1;
		}
	}
	return 0;
}

static void topts_release(struct topts *o)
{
	vec_free(&o->ignore_top);
	vec_free(&o->flags);
	vec_free(&o->build);
	vec_free(&o->pkgs);
	vec_free(&o->args);
	free(o->godebug_env);
}

/* GODEBUG for go test and the test binaries: tracebackancestors=N first,
 * so that a tracebackancestors of the user's GODEBUG, later, wins. */
static void set_godebug(struct topts *o)
{
	const char *user = getenv("GODEBUG");
	struct sb e = SB_INIT;

	if (!o->ancestors)
		return;
	sb_addf(&e, "GODEBUG=tracebackancestors=%d", o->ancestors);
	if (user && *user)
		sb_addf(&e, ",%s", user);
	o->godebug_env = xstrdup(sb_str(&e));
	sb_release(&e);
}

static int write_overlay(struct topts *o, struct test_pkgs *ps, const char *tmp,
			 struct sb *ovarg)
{
	struct sb ov = SB_INIT, file = SB_INIT, path = SB_INIT;
	struct test_go_main m;
	struct err e = ERR_INIT;
	size_t i;
	int rc = 0;

	memset(&m, 0, sizeof(m));
	m.grace_ms = o->grace_ms;
	m.ignore_current = o->ignore_current;
	m.ignore_top = o->ignore_top.items;
	m.nignore_top = o->ignore_top.len;
	json_t *ovj = json_object(), *repl = json_object();

	json_object_set_new(ovj, "Replace", repl);
	for (i = 0; i < ps->items.len && !rc; i++) {
		struct test_pkg *p = &ps->items.items[i];

		if (!p->has_tests || p->own_main)
			continue;
		sb_reset(&path);
		{
			char nm[600];
			sb_addf(&path, "%s/%s", tmp, test_go_dump_name(p->import_path,
								    nm, sizeof(nm)));
		}
		p->dump_path = xstrdup(sb_str(&path));
		sb_reset(&file);
		test_go_main_file(&file, p, &m);
		sb_reset(&path);
		sb_addf(&path, "%s/main-%zu.go", tmp, i);
		if (file_write_all(sb_str(&path), file.buf, file.len, &e) < 0) {
			cli_error("%s", e.msg);
			rc = -1;
		}
		{
			struct sb k = SB_INIT;

			sb_addf(&k, "%s/%s", p->dir, TEST_GO_FILE);
			json_object_set_new(repl, sb_str(&k), jsonout_str(sb_str(&path)));
			sb_release(&k);
		}
	}
	jsonout_add(&ov, ovj);
	sb_addc(&ov, '\n');
	json_decref(ovj);
	sb_reset(&path);
	sb_addf(&path, "%s/overlay.json", tmp);
	if (!rc && file_write_all(sb_str(&path), ov.buf, ov.len, &e) < 0) {
		cli_error("%s", e.msg);
		rc = -1;
	}
	sb_addf(ovarg, "-overlay=%s", sb_str(&path));
	sb_release(&ov);
	sb_release(&file);
	sb_release(&path);
	return rc;
}

static void remove_tmp(const char *tmp, const struct test_pkgs *ps)
{
	char path[4200];
	size_t i;

	for (i = 0; i < ps->items.len; i++) {
		snprintf(path, sizeof(path), "%s/main-%zu.go", tmp, i);
		unlink(path);
		if (ps->items.items[i].dump_path)
			unlink(ps->items.items[i].dump_path);
	}
	snprintf(path, sizeof(path), "%s/overlay.json", tmp);
	unlink(path);
	rmdir(tmp);
}

int cmd_test(int argc, char **argv)
{
	struct topts o;
	struct test_pkgs ps;
	struct unitv units = { 0 };
	struct findings fs;
	struct sb out = SB_INIT, ovarg = SB_INIT, goout = SB_INIT;
	char tmp[] = "/tmp/leakhound-test.XXXXXX";
	int rc, st, failed = 0;
	size_t i, nnotests = 0;
	static char dotdotdot[] = "./...";

	for (i = 1; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "-args") || !strcmp(argv[i], "--args"))
			break;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(cmd_test_help, stdout);
			return CLI_EXIT_CLEAN;
		}
	}
	memset(&o, 0, sizeof(o));
	memset(&ps, 0, sizeof(ps));
	o.grace_ms = 500;
	o.ancestors = TEST_ANCESTORS;
	if ((rc = parse_args(&o, argc, argv)) != 0) {
		topts_release(&o);
		return rc;
	}
	set_godebug(&o);
	if (!getcwd(o.cwd, sizeof(o.cwd)))
		o.cwd[0] = 0;
	if (!o.pkgs.len)
		vec_push(&o.pkgs, dotdotdot);
	if (test_go_list(&ps, o.build.items, o.build.len, o.pkgs.items, o.pkgs.len) < 0) {
		topts_release(&o);
		return CLI_EXIT_ERROR;
	}
	if (!ps.items.len) {
		cli_error("no package to test in '%s'", o.pkgs.items[0]);
		test_pkgs_release(&ps);
		topts_release(&o);
		return CLI_EXIT_ERROR;
	}
	if (!mkdtemp(tmp)) {
		cli_error("cannot make a temporary directory: %s", strerror(errno));
		test_pkgs_release(&ps);
		topts_release(&o);
		return CLI_EXIT_ERROR;
	}
	snprintf(o.dump_env, sizeof(o.dump_env), "%s=%s", TEST_GO_DUMP_ENV, tmp);
	rc = CLI_EXIT_CLEAN;
	if (write_overlay(&o, &ps, tmp, &ovarg) < 0) {
		rc = CLI_EXIT_ERROR;
		goto out;
	}
	for (i = 0; i < ps.items.len; i++)
		if (!ps.items.items[i].has_tests)
			nnotests++;
	if (!o.per_test) {
		VEC(char *) pk = { 0 };
		for (i = 0; i < ps.items.len; i++)
			if (ps.items.items[i].has_tests)
				vec_push(&pk, ps.items.items[i].import_path);
		st = pk.len ? run_go_test(&o, sb_str(&ovarg), NULL, pk.items, pk.len, &goout) : 0;
		vec_free(&pk);
		if (st < 0) {
			rc = CLI_EXIT_ERROR;
			goto out;
		}
		failed = !WIFEXITED(st) || WEXITSTATUS(st);
		for (i = 0; i < ps.items.len; i++) {
			struct unit u;
			if (!ps.items.items[i].has_tests)
				continue;
			memset(&u, 0, sizeof(u));
			u.p = &ps.items.items[i];
			judge(&o, &u, sb_str(&goout));
			vec_push(&units, u);
		}
	} else {
		for (i = 0; i < ps.items.len; i++) {
			struct test_pkg *p = &ps.items.items[i];
			struct strv names = { 0 };
			size_t t;
			char *ip = p->import_path;

			if (!p->has_tests)
				continue;
			if (list_tests(&o, ip, &names) < 0 || !names.len) {
				struct unit u;
				memset(&u, 0, sizeof(u));
				u.p = p;
				sb_reset(&goout);
				st = run_go_test(&o, sb_str(&ovarg), NULL, &ip, 1, &goout);
				if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st))
					failed = 1;
				judge(&o, &u, sb_str(&goout));
				vec_push(&units, u);
			}
			for (t = 0; t < names.len; t++) {
				struct unit u;
				memset(&u, 0, sizeof(u));
				u.p = p;
				u.test = names.items[t];
				sb_reset(&goout);
				st = run_go_test(&o, sb_str(&ovarg), u.test, &ip, 1, &goout);
				if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st))
					failed = 1;
				judge(&o, &u, sb_str(&goout));
				vec_push(&units, u);
			}
			vec_free(&names);
		}
	}
	findings_init(&fs);
	report(&o, &units, &fs, &out, nnotests);
	if (fs.items.len)
		rc = CLI_EXIT_FINDINGS;
	else if (failed) {
		cli_error("go test failed (its output is above) and no goroutine "
			  "was found left behind");
		rc = CLI_EXIT_ERROR;
	}
	if (cli_output(o.output, &out) < 0)
		rc = CLI_EXIT_ERROR;
	if (o.html) {
		struct report_page pg;
		report_page_init(&pg);
		for (i = 0; i < units.len; i++) {
			char name[1200];
			if (!units.items[i].have_gs)
				continue;
			unit_name(&units.items[i], name, sizeof(name));
			cli_html_add_groups(&pg, &units.items[i].gs, name);
			report_page_add_src_dir(&pg, units.items[i].g.srcdir);
		}
		pg.findings = &fs;
		if (cli_html_write(&pg, o.html, argc, argv) < 0)
			rc = CLI_EXIT_ERROR;
		report_page_release(&pg);
	}
	findings_release(&fs);
out:
	for (i = 0; i < units.len; i++)
		unit_release(&units.items[i]);
	vec_free(&units);
	remove_tmp(tmp, &ps);
	test_pkgs_release(&ps);
	topts_release(&o);
	sb_release(&out);
	sb_release(&ovarg);
	sb_release(&goout);
	return rc;
}
