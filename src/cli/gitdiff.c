/*
 * gitdiff: `lint --new-from-rev REV` keeps only the findings on lines
 * changed since REV: the lines `git diff -U0 REV` adds or changes in the
 * work tree, and every line of a file git does not track yet (as
 * golangci-lint does).  git runs in the working directory with --relative,
 * so its paths and the findings' paths are both relative to it.
 */
#include "cli.h"
#include "../report/finding.h"
#include "../base/sb.h"
#include "../base/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

struct changed {
	char *file;
	long first, last;   /* lines; last < 0: the whole file */
};

/* Run git with args, its stdout into out.  Returns 0, or -1 with e set
 * to git's complaint. */
static int run_git(char *const *args, struct sb *out, struct err *e)
{
	int po[2], pe[2], status;
	posix_spawn_file_actions_t fa;
	pid_t pid;
	struct sb errs = SB_INIT;
	char buf[8192];
	ssize_t n;

	if (pipe(po) < 0)
		return err_setf(e, "pipe: %s", strerror(errno));
	if (pipe(pe) < 0) {
		close(po[0]);
		close(po[1]);
		return err_setf(e, "pipe: %s", strerror(errno));
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	posix_spawn_file_actions_addclose(&fa, po[0]);
	posix_spawn_file_actions_addclose(&fa, pe[0]);
	if (posix_spawnp(&pid, "git", &fa, NULL, args, environ) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
		return err_setf(e, "cannot run git: %s", strerror(errno));
	}
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	/* both pipes at once: git blocks on a full stderr pipe while we
	 * would wait for its stdout to end */
	{
		struct pollfd pf[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
		struct sb *to[2] = { out, &errs };
		int open_fds = 2;

		while (open_fds > 0) {
			int i;

			if (poll(pf, 2, -1) < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			for (i = 0; i < 2; i++) {
				if (pf[i].fd < 0 || !pf[i].revents)
					continue;
				n = read(pf[i].fd, buf, sizeof(buf));
				if (n < 0 && errno == EINTR)
					continue;
				if (n <= 0) {
					close(pf[i].fd);
					pf[i].fd = -1;
					open_fds--;
					continue;
				}
				sb_add(to[i], buf, (size_t)n);
			}
		}
		for (int i = 0; i < 2; i++)
			if (pf[i].fd >= 0)
				close(pf[i].fd);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		size_t k = errs.len;

		while (k && (errs.buf[k - 1] == '\n' || errs.buf[k - 1] == ' '))
			k--;
		err_setf(e, "git %s failed: %.*s", args[1], (int)(k > 300 ? 300 : k),
			 errs.len ? errs.buf : "");
		sb_release(&errs);
		return -1;
	}
	sb_release(&errs);
	return 0;
}

static void add_changed(struct changed **v, size_t *n, const char *file,
			long first, long last)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].file = xstrdup(file);
	(*v)[*n].first = first;
	(*v)[*n].last = last;
	(*n)++;
}

/* "+++ b/path" then "@@ -a[,b] +c[,d] @@" hunks: lines c..c+d-1 */
static void parse_diff(const char *text, size_t len, struct changed **v, size_t *n)
{
	const char *p = text, *end = text + len;
	char file[PATH_MAX] = "";

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t l;

		if (!eol)
			eol = end;
		l = (size_t)(eol - p);
		if (l > 6 && !memcmp(p, "+++ b/", 6)) {
			size_t m = l - 6 < sizeof(file) - 1 ? l - 6 : sizeof(file) - 1;

			memcpy(file, p + 6, m);
			file[m] = '\0';
		} else if (l > 6 && !memcmp(p, "+++ ", 4)) {
			file[0] = '\0';   /* +++ /dev/null: a deletion */
		} else if (l > 3 && !memcmp(p, "@@ ", 3) && file[0]) {
			const char *plus = memchr(p, '+', l);

			if (plus) {
				char *q;
				long c = strtol(plus + 1, &q, 10), d = 1;

				if (*q == ',')
					d = strtol(q + 1, NULL, 10);
				if (d > 0)
					add_changed(v, n, file, c, c + d - 1);
			}
		}
		p = eol + 1;
	}
}

static const char *norm(const char *path, const char *cwd, size_t ncwd)
{
	if (path[0] == '/' && !strncmp(path, cwd, ncwd) && path[ncwd] == '/')
		path += ncwd + 1;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	return path;
}

int cli_new_from_rev(struct findings *fs, const char *rev, struct err *e)
{
	char *diff_args[] = { "git", "diff", "--relative", "-U0", "--no-color",
			      "--no-ext-diff", (char *)rev, "--", NULL };
	char *ls_args[] = { "git", "ls-files", "--others", "--exclude-standard", NULL };
	struct sb d = SB_INIT, u = SB_INIT;
	struct changed *v = NULL;
	size_t nv = 0, kept = 0;
	char cwd[PATH_MAX];
	size_t ncwd;

	if (!getcwd(cwd, sizeof(cwd)))
		return err_setf(e, "getcwd: %s", strerror(errno));
	ncwd = strlen(cwd);
	if (run_git(diff_args, &d, e) < 0 || run_git(ls_args, &u, e) < 0) {
		sb_release(&d);
		sb_release(&u);
		return -1;
	}
	parse_diff(d.buf ? d.buf : "", d.len, &v, &nv);
	for (const char *p = u.buf, *end = u.buf + u.len; p && p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		char *f;

		if (!eol)
			eol = end;
		f = xstrndup(p, (size_t)(eol - p));
		if (*f)
			add_changed(&v, &nv, f, 1, -1);
		free(f);
		p = eol + 1;
	}
	for (size_t i = 0; i < fs->items.len; i++) {
		struct finding *f = fs->items.items[i];
		const char *path = norm(f->loc.file, cwd, ncwd);
		int keep = 0;

		for (size_t j = 0; j < nv && !keep; j++)
			if (!strcmp(v[j].file, path) &&
			    (v[j].last < 0 || (f->loc.line >= v[j].first && f->loc.line <= v[j].last)))
				keep = 1;
		if (keep)
			fs->items.items[kept++] = f;
	}
	fs->items.len = kept;
	for (size_t j = 0; j < nv; j++)
		free(v[j].file);
	free(v);
	sb_release(&d);
	sb_release(&u);
	return 0;
}
