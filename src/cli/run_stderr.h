/*
 * run_stderr: what `leakhound run` reads in the program's stderr while it
 * passes it through: the goroutine dump of a crash (fatal error, an
 * unrecovered panic, -test.timeout's panic, a SIGQUIT sent by anyone).
 *
 * Ownership: a struct run_crash owns its buffers (run_crash_release).
 * It is fed from the reader thread under the caller's lock.
 */
#ifndef CLI_RUN_STDERR_H
#define CLI_RUN_STDERR_H

#include <stddef.h>
#include "../base/sb.h"

struct run_crash {
	struct sb kept;   /* the stream from the crash's first line on */
	struct sb line;   /* the start of the current line, while not kept */
	int in_crash;
	int truncated;    /* more than RUN_CRASH_MAX after the first line */
};

#define RUN_CRASH_MAX ((size_t)64 << 20)

/* Feed n bytes the program wrote (already passed through). */
void run_crash_feed(struct run_crash *c, const char *p, size_t n);
/* 1 when a crash's first line was seen. */
int run_crash_seen(const struct run_crash *c);
/* The crash's first line ("fatal error: all goroutines are asleep -
 * deadlock!"), at most n-1 bytes, into buf. */
void run_crash_headline(const struct run_crash *c, char *buf, size_t n);
void run_crash_release(struct run_crash *c);

struct findings;
/* Parse the crash's dump, group and rank it, add a finding per suspect
 * group (cli_goroutine_findings: the goroutines command's rule ids and,
 * with srcdir, its explanations) and a note line ("the program died: ...;
 * goroutine dump: N goroutines in G groups, S ranked as leak suspects").
 * Returns the number of goroutines in the dump (0 when it held none). */
size_t run_crash_report(const struct run_crash *c, const char *srcdir,
			struct findings *fs, struct sb *note);

#endif

