/*
 * shell_parse: the grammar of pprof's interactive shell, as leakhound reads
 * it.  A line is split at blanks; the first word is a command (pprof's
 * abbreviations "top5" and "tree3" included), "name=value", or a bare word
 * (a boolean option such as "cum", which only the shell's state can tell
 * from a typo).  Words after a report command apply to it alone: a number
 * (node count), -cum, >FILE or "> FILE" (output), -RE (ignore) and RE
 * (focus), RE words joined with '|' as Go's pprof does.  Nothing here
 * prints: a malformed line is an error value.
 */
#include "shell_parse.h"
#include "../base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 64

static const char *const reports[] = {
	"top", "list", "peek", "tree", "traces", "flame", "web", NULL };

static bool is_report(const char *w)
{
	size_t i;

	for (i = 0; reports[i]; i++)
		if (!strcmp(w, reports[i]))
			return true;
	return false;
}

static int split(char *line, char **words, int max)
{
	int n = 0;
	char *save = NULL, *t = strtok_r(line, " \t\r\n", &save);

	while (t && n < max) {
		words[n++] = t;
		t = strtok_r(NULL, " \t\r\n", &save);
	}
	return n;
}

/* Go's catRegex: a|b. */
static char *cat_regex(char *a, const char *b)
{
	size_t na, nb;
	char *r;

	if (!a)
		return xstrdup(b);
	na = strlen(a);
	nb = strlen(b);
	r = xmalloc(na + nb + 2);
	memcpy(r, a, na);
	r[na] = '|';
	memcpy(r + na + 1, b, nb + 1);
	free(a);
	return r;
}

static bool all_digits(const char *t)
{
	return *t && strspn(t, "0123456789") == strlen(t);
}

static bool ends_with_svg(const char *t)
{
	size_t n = strlen(t);

	return n > 4 && !strcmp(t + n - 4, ".svg");
}

/* words[0] is the report command c->name; the rest its arguments. */
static int parse_report(struct cli_shell_cmd *c, char **words, int nw, struct err *e)
{
	int i = 1;

	c->kind = CLI_SHELL_REPORT;
	if (!strcmp(c->name, "list") || !strcmp(c->name, "peek")) {
		if (nw < 2) {
			c->kind = CLI_SHELL_ERROR;
			return err_setf(e, "command %s requires an argument", c->name);
		}
		c->regex = words[i++];
	}
	for (; i < nw; i++) {
		const char *t = words[i];

		if (all_digits(t) && strlen(t) < 10) {
			c->nodecount = atoi(t);
		} else if (t[0] == '>') {
			c->output = t[1] ? t + 1 : (i + 1 < nw ? words[++i] : NULL);
			if (!c->output) {
				c->kind = CLI_SHELL_ERROR;
				return err_setf(e, "unexpected end of line after >");
			}
		} else if (!strcmp(c->name, "web") && ends_with_svg(t)) {
			c->output = t;
		} else if (!strcmp(t, "-cum") || !strcmp(t, "--cum")) {
			c->cum = true;
		} else if (t[0] == '-') {
			c->ignore = cat_regex(c->ignore, t + 1);
		} else {
			c->focus = cat_regex(c->focus, t);
		}
	}
	return 0;
}

int cli_shell_parse(const char *line, struct cli_shell_cmd *c, struct err *e)
{
	char *words[MAX_WORDS + 1], *eq;
	const char *w;
	size_t k;
	int nw;

	memset(c, 0, sizeof(*c));
	c->nodecount = -1;
	c->buf = xstrdup(line);
	nw = split(c->buf, words + 1, MAX_WORDS);
	w = words[1];
	if (nw == 0 || w[0] == '#') {
		c->kind = CLI_SHELL_EMPTY;
		return 0;
	}
	if (!strcmp(w, "quit") || !strcmp(w, "exit")) {
		c->kind = CLI_SHELL_QUIT;
		return 0;
	}
	if (!strcmp(w, "help") || !strcmp(w, "?")) {
		c->kind = CLI_SHELL_HELP;
		return 0;
	}
	if (!strcmp(w, "options") || !strcmp(w, "o")) {
		c->kind = CLI_SHELL_OPTIONS;
		return 0;
	}
	if (!strcmp(w, "refresh")) {
		c->kind = CLI_SHELL_REFRESH;
		return 0;
	}
	/* topN, treeN (and their prefixes, t5, tr3): pprof's abbreviations;
	 * the number becomes the first argument */
	k = strlen(w);
	while (k > 0 && w[k - 1] >= '0' && w[k - 1] <= '9')
		k--;
	if (k > 0 && w[k] && k < sizeof(c->name) &&
	    (!strncmp(w, "top", k) || !strncmp(w, "tree", k))) {
		snprintf(c->name, sizeof(c->name), "%s", !strncmp(w, "top", k) ? "top" : "tree");
		words[0] = c->name;
		words[1] = (char *)w + k;
		return parse_report(c, words, nw + 1, e);
	}
	if (is_report(w)) {
		snprintf(c->name, sizeof(c->name), "%s", w);
		return parse_report(c, words + 1, nw, e);
	}
	eq = strchr(w, '=');
	if (eq) {
		*eq = 0;
		c->word = w;
		if (nw > 1) {
			c->kind = CLI_SHELL_ERROR;
			return err_setf(e, "%s takes one value (no spaces)", w);
		}
		c->kind = CLI_SHELL_SET;
		c->value = eq + 1;
		return 0;
	}
	c->word = w;
	if (nw == 1) {
		c->kind = CLI_SHELL_WORD;
		return 0;
	}
	c->kind = CLI_SHELL_UNKNOWN;
	c->value = words[2];
	return 0;
}

void cli_shell_cmd_release(struct cli_shell_cmd *c)
{
	free(c->focus);
	free(c->ignore);
	free(c->buf);
	memset(c, 0, sizeof(*c));
}
