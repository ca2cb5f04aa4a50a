/*
 * vettool: leakhound as a `go vet -vettool` analysis tool, so the go command
 * runs lint with its own file lists, build tags and package graph:
 *
 *     go vet -vettool=$(command -v leakhound) ./...
 *
 * The protocol is the one cmd/go speaks to vet tools (cmd/go/internal/work,
 * the unitchecker of golang.org/x/tools): `-V=full` prints a version line
 * the go command uses as the tool's cache key; `-flags` prints the tool's
 * flags as JSON (leakhound declares none); otherwise the last argument is
 * a JSON config file per package naming its Go files, and the tool prints
 * one "file:line:col: message" line per finding on stderr and exits 1 when
 * there were findings.  Packages vetted only for facts (VetxOnly, the
 * dependencies) get an empty facts file: leakhound keeps no facts across
 * packages in this mode.
 */
#include "cli.h"
#include "../base/file.h"
#include "../base/xalloc.h"
#include "../lint/lint.h"
#include "../report/finding.h"
#include "../report/write.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_is_vettool(int argc, char **argv)
{
	size_t n;

	if (argc < 2)
		return 0;
	if (!strcmp(argv[1], "-V=full") || !strcmp(argv[1], "-flags"))
		return 1;
	/* the go command runs TOOL [VETFLAGS] DIR/vet.cfg */
	n = strlen(argv[argc - 1]);
	return !cli_find(argv[1]) && n >= 7 && !strcmp(argv[argc - 1] + n - 7, "vet.cfg");
}

static int write_empty(const char *path)
{
	FILE *f;

	if (!path || !*path)
		return 0;
	f = fopen(path, "w");
	if (!f) {
		cli_error("vet tool: cannot write '%s'", path);
		return -1;
	}
	return fclose(f) ? -1 : 0;
}

int cli_vettool(int argc, char **argv)
{
	const char *cfgpath = argv[argc - 1];
	struct lint_options o;
	struct lint_result res;
	struct findings fs;
	struct err e = ERR_INIT;
	json_error_t je;
	json_t *root, *files, *v;
	char *text, **paths;
	size_t len, n, i;
	int rc;

	if (!strcmp(argv[1], "-V=full")) {
		/* non-"devel": the go command keys its cache on the whole line */
		printf("leakhound version %s\n", report_tool_version);
		return CLI_EXIT_CLEAN;
	}
	if (!strcmp(argv[1], "-flags")) {
		printf("[]\n");
		return CLI_EXIT_CLEAN;
	}
	text = file_read_all(cfgpath, 64 << 20, &len, &e);
	if (!text) {
		cli_error("vet tool: %s", e.msg);
		return CLI_EXIT_ERROR;
	}
	root = json_loadb(text, len, 0, &je);
	free(text);
	if (!root || !json_is_object(root)) {
		cli_error("vet tool: %s:%d:%d: not a vet config: %s", cfgpath,
			  je.line, je.column, root ? "not an object" : je.text);
		json_decref(root);
		return CLI_EXIT_ERROR;
	}
	if (write_empty(json_string_value(json_object_get(root, "VetxOutput"))) < 0) {
		json_decref(root);
		return CLI_EXIT_ERROR;
	}
	v = json_object_get(root, "VetxOnly");
	files = json_object_get(root, "GoFiles");
	if ((v && json_is_true(v)) || !json_is_array(files) || !json_array_size(files)) {
		json_decref(root);
		return CLI_EXIT_CLEAN;
	}
	n = json_array_size(files);
	paths = xcalloc(n, sizeof(char *));
	for (i = 0; i < n; i++) {
		const char *s = json_string_value(json_array_get(files, i));

		paths[i] = (char *)(s ? s : "");
	}
	memset(&o, 0, sizeof(o));
	o.files_as_given = 1;
	o.jobs = 1;
	findings_init(&fs);
	rc = lint_run(&o, paths, n, &fs, &res, &e);
	free(paths);
	json_decref(root);
	if (rc < 0) {
		cli_error("vet tool: %s", e.msg);
		findings_release(&fs);
		return CLI_EXIT_ERROR;
	}
	for (i = 0; i < res.nerrors; i++)
		fprintf(stderr, "%s\n", res.errors[i]);
	for (i = 0; i < fs.items.len; i++) {
		const struct finding *f = fs.items.items[i];

		fprintf(stderr, "%s:%d:%d: %s [%s]\n", f->loc.file, f->loc.line,
			f->loc.column, f->message, f->rule);
	}
	rc = fs.items.len ? CLI_EXIT_FINDINGS : res.nerrors ? CLI_EXIT_ERROR : CLI_EXIT_CLEAN;
	lint_result_release(&res);
	findings_release(&fs);
	return rc;
}
