/*
 * paths: locations relative to the repository root (paths.h).
 */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void report_paths_init(struct report_paths *c)
{
	memset(c, 0, sizeof(*c));
	if (!getcwd(c->cwd, sizeof(c->cwd)))
		strcpy(c->cwd, "/");
	strcpy(c->root, c->cwd);
	for (;;) {
		char probe[PATH_MAX + 8];
		char *slash;

		snprintf(probe, sizeof(probe), "%s/.git", strcmp(c->root, "/") ? c->root : "");
		if (access(probe, F_OK) == 0)
			return;
		slash = strrchr(c->root, '/');
		if (!slash || slash == c->root) {
			strcpy(c->root, c->cwd);   /* no repository: the cwd */
			return;
		}
		*slash = '\0';
	}
}

/* base + "/" + path, with "." and ".." resolved lexically, into out. */
void report_paths_join(char *out, size_t size, const char *base, const char *path)
{
	char tmp[PATH_MAX * 2];
	char *parts[PATH_MAX / 2];
	size_t np = 0, o = 0;
	char *save = NULL, *tok;

	if (path[0] == '/')
		snprintf(tmp, sizeof(tmp), "%s", path);
	else
		snprintf(tmp, sizeof(tmp), "%s/%s", base, path);
	for (tok = strtok_r(tmp, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (np)
				np--;
			continue;
		}
		if (np < sizeof(parts) / sizeof(parts[0]))
			parts[np++] = tok;
	}
	out[0] = '\0';
	for (size_t i = 0; i < np && o + 1 < size; i++) {
		int n = snprintf(out + o, size - o, "/%s", parts[i]);

		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
	}
	if (!np)
		snprintf(out, size, "/");
}

static const char *under_root(const struct report_paths *c, const char *abs)
{
	size_t n = strlen(c->root);

	if (!strcmp(c->root, "/"))
		return abs + 1;
	if (!strncmp(abs, c->root, n) && abs[n] == '/')
		return abs + n + 1;
	return NULL;
}

/* The path relative to the root, into rel; 0 if it is outside. */
int report_paths_map(const struct report_paths *c, const char *path, char *rel, size_t size)
{
	char abs[PATH_MAX];
	const char *r;

	if (!path || !*path)
		return 0;
	report_paths_join(abs, sizeof(abs), c->cwd, path);
	r = under_root(c, abs);
	if (r && *r) {
		snprintf(rel, size, "%s", r);
		return 1;
	}
	if (path[0] == '/') {
		/* another machine's absolute path: its longest suffix that
		 * names a file here */
		for (const char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
			const char *bases[2] = { c->cwd, c->root };

			for (int b = 0; b < 2; b++) {
				report_paths_join(abs, sizeof(abs), bases[b], s + 1);
				r = under_root(c, abs);
				if (r && *r && access(abs, F_OK) == 0) {
					snprintf(rel, size, "%s", r);
					return 1;
				}
			}
		}
	}
	return 0;
}

