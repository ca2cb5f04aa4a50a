/*
 * run_stderr: spot a Go crash in the program's stderr (see run_stderr.h).
 *
 * The design decision a reader must know: only line starts are looked at
 * until a crash's first line appears (the runtime writes "fatal error: ",
 * "panic: ", "SIGQUIT: quit"... at the start of a line, then every
 * goroutine's stack), so the cost while the program runs is one prefix
 * check per line; from that line on the bytes are kept as they come, since
 * the runtime dies right after writing them.  A program that merely logs
 * such a line and goes on fills the buffer to its cap, which then restarts
 * the search.
 */
#include "run_stderr.h"
#include "watch_cli.h"
#include "../gdump/gdump.h"
#include "../report/finding.h"
#include "../watch/watch.h"

#include <stdio.h>
#include <string.h>

static const char *const crash_starts[] = {
	"fatal error: ", "panic: ", "SIGQUIT: quit", "SIGABRT: abort",
	"SIGSEGV: segmentation violation", "SIGBUS: bus error",
	"SIGILL: illegal instruction", "SIGTRAP: trace trap",
	"unexpected signal during runtime execution",
};

#define LINE_PREFIX 128 /* enough to recognise a first line */

static int is_crash_start(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof(crash_starts) / sizeof(crash_starts[0]); i++) {
		k = strlen(crash_starts[i]);
		if (n >= k && !memcmp(s, crash_starts[i], k))
			return 1;
	}
	return 0;
}

static void keep(struct run_crash *c, const char *p, size_t n)
{
	if (c->kept.len + n > RUN_CRASH_MAX) {
		/* a log line that looked like a crash: search again */
		c->in_crash = 0;
		c->truncated = 0;
		sb_reset(&c->kept);
		return;
	}
	sb_add(&c->kept, p, n);
}

void run_crash_feed(struct run_crash *c, const char *p, size_t n)
{
	size_t i, start = 0;

	if (c->in_crash) {
		keep(c, p, n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (p[i] != '\n')
			continue;
		if (c->line.len < LINE_PREFIX)
			sb_add(&c->line, p + start,
			       i - start < LINE_PREFIX - c->line.len ?
			       i - start : LINE_PREFIX - c->line.len);
		if (is_crash_start(c->line.buf ? c->line.buf : "", c->line.len)) {
			c->in_crash = 1;
			sb_add(&c->kept, c->line.buf, c->line.len);
			sb_reset(&c->line);
			/* the first line's rest beyond the prefix is not needed */
			keep(c, p + i, n - i);
			return;
		}
		sb_reset(&c->line);
		start = i + 1;
	}
	if (start < n && c->line.len < LINE_PREFIX)
		sb_add(&c->line, p + start,
		       n - start < LINE_PREFIX - c->line.len ?
		       n - start : LINE_PREFIX - c->line.len);
}

int run_crash_seen(const struct run_crash *c)
{
	return c->in_crash;
}

void run_crash_headline(const struct run_crash *c, char *buf, size_t n)
{
	const char *s = c->kept.buf ? c->kept.buf : "";
	const char *eol = memchr(s, '\n', c->kept.len);
	size_t k = eol ? (size_t)(eol - s) : c->kept.len;

	if (k >= n)
		k = n - 1;
	memcpy(buf, s, k);
	buf[k] = 0;
}

void run_crash_release(struct run_crash *c)
{
	sb_release(&c->kept);
	sb_release(&c->line);
}

size_t run_crash_report(const struct run_crash *c, const char *srcdir,
			struct findings *fs, struct sb *note)
{
	struct gdump_dump d;
	struct gdump_groups gs;
	struct err e = ERR_INIT;
	char head[256];
	size_t k, nsus = 0, total = 0;
	const char *hang = NULL;

	run_crash_headline(c, head, sizeof(head));
	/* the runtime (deadlock) or the test's alarm (timeout) says that the
	 * goroutines blocked in the user's code were stuck: certain */
	if (strstr(head, "all goroutines are asleep - deadlock"))
		hang = "the runtime found every goroutine asleep (deadlock)";
	else if (!strncmp(head, "panic: test timed out", 21))
		hang = "still blocked when the test timed out";
	sb_addf(note, "the program died by itself: %s\n", head);
	gdump_dump_init(&d);
	if (gdump_parse(&d, c->kept.buf ? c->kept.buf : "", c->kept.len, &e) < 0) {
		sb_adds(note, "note: no goroutine dump followed it\n");
		gdump_dump_release(&d);
		return 0;
	}
	gdump_group(&d, &gs);
	total = (size_t)d.total;
	for (k = 0; k < gs.items.len; k++) {
		struct gdump_group *g = &gs.items.items[k];
		/* the runtime proved that nothing can wake them: certain */
		if (hang && g->kind != GDUMP_KIND_OTHER && g->blocking &&
		    !g->suspect && !strstr(g->blocking->file, "_testmain.go")) {
			g->suspect = 1;
			g->promoted = 1;   /* certain: its why goes in the message */
			g->score = 3;
			g->why = hang;
		}
		if (g->suspect)
			nsus++;
	}
	sb_addf(note, "goroutine dump (from the crash): %zu goroutines in %zu "
		"groups, %zu ranked as leak suspects\n", total, gs.items.len, nsus);
	/* the goroutines command's findings: same rule ids, severities and
	 * --src explanations as for the dump run takes itself */
	cli_goroutine_findings(&gs, srcdir, fs);
	gdump_groups_release(&gs);
	gdump_dump_release(&d);
	return total;
}
