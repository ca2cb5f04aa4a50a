/*
 * html_source: source excerpts for findings, with the finding's line
 * highlighted.
 *
 * Paths in findings come from many places: relative to where lint ran,
 * absolute on the machine that built the profiled binary.  A path is tried
 * as given, then under each --src directory, then under each --src
 * directory with its leading directories stripped one by one.  Only .go
 * files are read (see html.h), each at most once per page.
 */
#include "html_int.h"
#include "../base/file.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SOURCE_BYTES (8u << 20)
#define CONTEXT_LINES 3

int report_html_same_file(const char *a, const char *b)
{
	size_t la, lb;

	if (!a || !b || !*a || !*b)
		return 0;
	if (!strcmp(a, b))
		return 1;
	la = strlen(a);
	lb = strlen(b);
	if (la > lb && a[la - lb - 1] == '/' && !strcmp(a + la - lb, b))
		return 1;
	if (lb > la && b[lb - la - 1] == '/' && !strcmp(b + lb - la, a))
		return 1;
	return 0;
}

static int is_go_file(const char *f)
{
	size_t n = strlen(f);

	return n > 3 && !strcmp(f + n - 3, ".go");
}

static char *try_read(const char *path)
{
	struct err e = ERR_INIT;
	size_t len;

	if (access(path, R_OK) != 0)
		return NULL;
	return file_read_all(path, MAX_SOURCE_BYTES, &len, &e);
}

static const char *load(struct report_page *p, const char *file)
{
	struct map_slot *slot;
	struct sb path = SB_INIT;
	char *text = NULL;
	const char *key;
	size_t d;

	slot = map_slot(&p->src_cache, file, strlen(file));
	if (slot->value)
		return slot->value == (void *)p ? NULL : slot->value;
	key = arena_strdup(&p->arena, file);
	slot->key = key;  /* the slot must not point into the caller's string */
	if (file[0] == '/' || !p->src_dirs.len)
		text = try_read(file);
	for (d = 0; !text && d < p->src_dirs.len; d++) {
		const char *rest = file;
		int tries = 0;

		while (*rest == '/')
			rest++;
		while (!text && rest && *rest && tries++ < 32) {
			sb_reset(&path);
			sb_addf(&path, "%s/%s", p->src_dirs.items[d], rest);
			text = try_read(sb_str(&path));
			rest = strchr(rest, '/');
			if (rest)
				rest++;
		}
	}
	if (!text && p->src_dirs.len && file[0] != '/')
		text = try_read(file);
	sb_release(&path);
	if (text)
		vec_push(&p->src_bufs, text);
	slot->value = text ? (void *)text : (void *)p;  /* p marks "unreadable" */
	return text;
}

int report_html_excerpt(struct sb *out, struct report_page *p,
			const char *file, int line)
{
	const char *text, *s, *starts[2 * CONTEXT_LINES + 2];
	int n = 1, first = line > CONTEXT_LINES ? line - CONTEXT_LINES : 1;
	int k = 0, i;

	if (!file || !*file || line <= 0 || !is_go_file(file))
		return -1;
	text = load(p, file);
	if (!text)
		return -1;
	for (s = text; *s && n < first; s++)
		if (*s == '\n')
			n++;
	/* collect the starts of lines first..line+CONTEXT_LINES */
	while (*s && k < 2 * CONTEXT_LINES + 1 && first + k <= line + CONTEXT_LINES) {
		starts[k++] = s;
		s = strchr(s, '\n');
		if (!s)
			break;
		s++;
	}
	if (first + k - 1 < line)
		return -1;  /* the file is shorter than the finding says */
	sb_adds(out, "<pre class=\"src\">");
	for (i = 0; i < k; i++) {
		const char *e = strchr(starts[i], '\n');
		size_t len = e ? (size_t)(e - starts[i]) : strlen(starts[i]);

		n = first + i;
		if (len && starts[i][len - 1] == '\r')
			len--;
		/* the code in its own inline block: its tabs count from
		 * the code's first column, not from the line number's */
		sb_addf(out, "<span class=\"%s\"><span class=\"ln\">%d</span>"
			"<span class=\"code\">", n == line ? "line hl" : "line", n);
		html_escn(out, starts[i], len);
		sb_adds(out, "</span></span>");
	}
	sb_adds(out, "</pre>\n");
	return 0;
}
