/*
 * parse: run the Go front-end over files and directories (developer tool).
 *
 * Each file is read, parsed into its own arena, optionally dumped, and then
 * freed before the next one, so memory stays bounded by the largest file.
 * A syntax error is printed as "FILE:LINE:COL: syntax error: ..." and the
 * run goes on; the exit status is 2 at the end if any file failed.
 */
#include "cli.h"
#include "../base/arena.h"
#include "../base/file.h"
#include "../base/sb.h"
#include "../base/xalloc.h"
#include "../go/parse.h"
#include "../go/walk.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char cmd_parse_help[] =
"NAME\n"
"    leakhound parse - parse Go source files with leakhound's front-end\n"
"\n"
"SYNOPSIS\n"
"    leakhound parse [--dump] [--stats] [--all] PATH...\n"
"\n"
"DESCRIPTION\n"
"    Parses every Go file named or found under the PATHs and reports syntax\n"
"    errors as FILE:LINE:COL: syntax error: MESSAGE.  A file with an error is\n"
"    skipped and the run goes on.  Directories are walked the way the go tool\n"
"    walks packages: directories named testdata or vendor and names starting\n"
"    with '_' or '.' are skipped; DIR/... means DIR and everything below it.\n"
"    A developer command: it shows what the lint rules see.\n"
"\n"
"OPTIONS\n"
"    --dump     print each file's syntax tree in the canonical text form of\n"
"               docs/front-end.md, after a line \"== FILE\"\n"
"    --stats    print files, rejected files, bytes, AST nodes, the largest\n"
"               arena of one file (bytes), the CPU seconds spent parsing and\n"
"               the MB/s they give, at the end\n"
"    --all      do not skip testdata, vendor, _* and .* when walking\n"
"\n"
"EXIT STATUS\n"
"    0 every file parsed, 2 a file could not be read or had a syntax error,\n"
"    3 usage error.\n"
"\n"
"EXAMPLES\n"
"    leakhound parse --stats ./...\n"
"    leakhound parse --dump main.go\n";

/* CPU time, not wall time: the figure must not depend on what else the
 * machine is running. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_parse(int argc, char **argv)
{
	enum { OPT_DUMP = 256, OPT_STATS, OPT_ALL };
	static const struct option opts[] = {
		{ "dump", no_argument, NULL, OPT_DUMP },
		{ "stats", no_argument, NULL, OPT_STATS },
		{ "all", no_argument, NULL, OPT_ALL },
		{ NULL, 0, NULL, 0 },
	};
	int dump = 0, stats = 0, all = 0, c, rc = CLI_EXIT_CLEAN;
	struct go_walk w = GO_WALK_INIT;
	size_t files = 0, rejected = 0, bytes = 0, nodes = 0, max_arena = 0, i;
	double secs = 0;
	struct arena a;
	struct sb out = SB_INIT;

	while ((c = cli_getopt("parse", argc, argv, "", opts)) != -1) {
		switch (c) {
		case OPT_DUMP: dump = 1; break;
		case OPT_STATS: stats = 1; break;
		case OPT_ALL: all = 1; break;
		default: return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("parse", "no PATH given");
	for (int k = optind; k < argc; k++) {
		struct err e = ERR_INIT;
		if (!strcmp(argv[k], "-")) {
			w.paths = xgrow(w.paths, sizeof(*w.paths), w.n + 1, &w.cap);
			w.paths[w.n++] = xstrdup("-");
			continue;
		}
		if (go_walk_add(&w, argv[k], all, &e) < 0) {
			cli_error("%s", e.msg);
			rc = CLI_EXIT_ERROR;
		}
	}
	for (i = 0; i < w.nerrors; i++) {
		cli_error("%s", w.errors[i]);
		rc = CLI_EXIT_ERROR;
	}
	arena_init(&a);
	for (i = 0; i < w.n; i++) {
		struct err e = ERR_INIT;
		size_t len;
		char *src = file_read_all(w.paths[i], 0, &len, &e);
		struct go_file *f;
		double t0;

		if (!src) {
			cli_error("%s", e.msg);
			rc = CLI_EXIT_ERROR;
			continue;
		}
		t0 = now();
		f = go_parse_file(&a, w.paths[i], src, len, &e);
		secs += now() - t0;
		files++;
		bytes += len;
		if (!f) {
			fflush(stdout);
			fprintf(stderr, "%s\n", e.msg);
			rejected++;
			rc = CLI_EXIT_ERROR;
		} else {
			nodes += f->nnodes;
			if (dump) {
				sb_reset(&out);
				sb_addf(&out, "== %s\n", w.paths[i]);
				go_dump_file(&out, f);
				fwrite(out.buf, 1, out.len, stdout);
			}
		}
		if (a.reserved > max_arena)
			max_arena = a.reserved;
		arena_reset(&a);
		free(src);
	}
	arena_release(&a);
	sb_release(&out);
	go_walk_release(&w);
	if (stats) {
		printf("files:    %zu\n", files);
		printf("rejected: %zu\n", rejected);
		printf("bytes:    %zu\n", bytes);
		printf("nodes:    %zu\n", nodes);
		printf("arena:    %zu\n", max_arena);
		printf("seconds:  %.4f\n", secs);
		printf("MB/s:     %.1f\n", secs > 0 ? (double)bytes / secs / 1e6 : 0.0);
	}
	if (fflush(stdout) != 0) {
		cli_error("cannot write output");
		rc = CLI_EXIT_ERROR;
	}
	return rc;
}
