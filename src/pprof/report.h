/*
 * report: pprof's reports on our model -- top, the diff rows watch uses,
 * and the pieces list and flame build on.
 *
 * The pipeline is pprof's, step for step, because `leakhound top` must print
 * what `go tool pprof -top` prints:
 *   load:    parse, merge (compaction), diff base subtracted (-base) or
 *            labelled and subtracted (-diff_base), drop_frames pruning;
 *   options: sample index, total over all samples (before any filter; for a
 *            diff base the base's total is the denominator);
 *   filter:  focus/ignore/hide/show/show_from on function names and files;
 *   graph:   one node per function (or file, file+function, line, address),
 *            flat and cum per node, nodes under nodefraction of the total
 *            dropped, the top nodecount kept;
 *   text:    pprof's header lines and table, its units and rounding.
 * Ownership: a struct pprof_report owns an arena with every string of its
 * rows and header; pprof_report_release frees it.
 */
#ifndef PPROF_REPORT_H
#define PPROF_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pprof.h"
#include "../base/sb.h"

enum pprof_granularity {
	PPROF_GRAN_FUNCTIONS,      /* pprof's default */
	PPROF_GRAN_FILEFUNCTIONS,
	PPROF_GRAN_FILES,
	PPROF_GRAN_LINES,
	PPROF_GRAN_ADDRESSES,
};

/* "functions", "filefunctions", "files", "lines", "addresses"; -1 if none. */
int pprof_granularity_parse(const char *s);

struct pprof_report_opts {
	const char *sample_index;   /* NULL: the default sample type */
	enum pprof_granularity granularity;
	int nodecount;              /* < 0: no limit for top */
	double nodefraction;        /* < 0: pprof's 0.005 */
	double edgefraction;        /* < 0: pprof's 0.001 */
	bool cum;                   /* sort by cum instead of flat */
	bool noinlines;
	const char *unit;           /* pprof's -unit; NULL: "minimum" */
	const char *focus, *ignore, *hide, *show, *show_from;  /* NULL: none */
	/* pprof's -tagfocus/-tagignore: "[KEY=]RE[,RE...]" on string labels,
	 * or a numeric range "32kb", "1mb:", ":64kb", "1kb:4mb" on numeric
	 * labels; NULL: none */
	const char *tagfocus, *tagignore;
};

/* Defaults identical to `go tool pprof -top`. */
void pprof_report_opts_init(struct pprof_report_opts *o);

/* Read and prepare the profile of a report the way pprof does.  src and base
 * are sources (file, "-", URL; see source.h); base may be NULL; parse_flags
 * are PPROF_PARSE_* flags.  With
 * diff_base the base is a -diff_base (percentages of the base's total),
 * otherwise a -base (plain subtraction).  Returns the profile or NULL with e
 * filled. */
struct pprof_profile *pprof_load(const char *src, const char *base,
				 bool diff_base, unsigned parse_flags, struct err *e);

/* pprof_load on bytes already read (bdata NULL: no base); name and bname
 * name them in errors.  The bytes are not kept: a caller that makes
 * several reports of one fetch (the pprof shell) parses them again for
 * each, since a report modifies its profile. */
struct pprof_profile *pprof_load_bytes(const void *data, size_t len, const char *name,
				       const void *bdata, size_t blen, const char *bname,
				       bool diff_base, unsigned parse_flags, struct err *e);

/* pprof_load_bytes of a profile already parsed (with the same flags),
 * which it takes: the result, or NULL with e filled (p is freed). */
struct pprof_profile *pprof_load_parsed(struct pprof_profile *p, struct err *e);

/* Prepare already-parsed profiles (not modified) as pprof_load does. */
struct pprof_profile *pprof_prepare(struct pprof_profile *p,
				    struct pprof_profile *base, bool diff_base,
				    struct err *e);

struct pprof_row {
	const char *name;        /* pprof's printable name, e.g. "main.leak" */
	const char *function;    /* function name ("" at files granularity) */
	const char *file;        /* source file of the function, "" if unknown */
	int64_t line;            /* line (lines granularity) or function start, 0 */
	const char *inline_label; /* "", "(inline)" or "(partial-inline)" */
	int64_t flat, cum;       /* in the sample type's unit */
	double flat_pct, sum_pct, cum_pct;  /* of the total */
};

struct pprof_report {
	struct arena arena;
	const char **header;     /* header lines, without "\n" */
	size_t nheader;
	struct pprof_row *row;
	size_t nrow;
	int64_t total;
	const char *sample_type, *sample_unit, *output_unit;
	/* filters that matched nothing: bit 1 focus, 2 ignore, 4 hide, 8 show,
	 * 16 show_from, 32 tagfocus, 64 tagignore (pprof warns about them) */
	unsigned unmatched;
};

/* Build the top report from a prepared profile, which is modified (filters
 * cut its samples and locations).  0, or -1 with e filled (bad sample
 * index, bad expression; r is then empty and needs no release). */
int pprof_report_top(struct pprof_profile *p, const struct pprof_report_opts *o,
		     struct pprof_report *r, struct err *e);
void pprof_report_release(struct pprof_report *r);

/* pprof's -top text: header lines, the `flat flat% sum% cum cum%` table. */
void pprof_report_text(const struct pprof_report *r, struct sb *out);
/* The same rows as a JSON object {"type":...,"unit":...,"total":...,
 * "header":[...],"rows":[{"name","function","file","line","flat","cum",
 * "flat_pct","sum_pct","cum_pct","inline"}]}. */
void pprof_report_json(const struct pprof_report *r, struct sb *out);

/* pprof's value formatting: v in unit from scaled to unit to ("minimum" and
 * "auto" pick one), e.g. (1536, "bytes", "auto") -> "1.50kB". */
void pprof_scaled_label(struct sb *out, int64_t v, const char *from, const char *to);
/* The number behind pprof_scaled_label, with its unit name in *unit. */
double pprof_scale_value(int64_t value, const char *from, const char *to, const char **unit);
/* pprof's percentage: "12.34%", " 0.12%", "  100%". */
void pprof_percentage(char out[16], int64_t value, int64_t total);

/* pprof's -list REGEX: for every function whose name matches regex, its
 * source file annotated per line with flat and cum values.  Sources are
 * found like pprof finds them: absolute paths as they are, others (and
 * paths that contain "/<last element of a search dir>/") under the
 * ':'-separated src_path directories and their parents; src_path NULL means
 * the current directory.  p is modified (filters).  Appends the text to
 * out; *unmatched (when not NULL) gets the filters that matched nothing,
 * like the report's field; -1 with e filled when nothing matches or on a
 * bad option. */
int pprof_report_list(struct pprof_profile *p, const struct pprof_report_opts *o,
		      const char *regex, const char *src_path, struct sb *out,
		      unsigned *unmatched, struct err *e);

/* pprof's -tree (regex NULL) and -peek REGEX: the top report's header,
 * then for every node of the trimmed graph (for peek: every node whose
 * name matches, with no trimming) its callers, itself and its callees.
 * -tree keeps pprof's default of 80 nodes when o->nodecount < 0.  p is
 * modified (filters).  Appends to out; -1 with e filled on a bad option,
 * a bad regex, or (out still filled) when regex matches no node. */
int pprof_report_tree(struct pprof_profile *p, const struct pprof_report_opts *o,
		      const char *regex, struct sb *out, unsigned *unmatched,
		      struct err *e);
/* pprof's -traces: the profile's labels, then every sample's labels,
 * value and stack.  p is modified (filters).  0, or -1 with e filled. */
int pprof_report_traces(struct pprof_profile *p, const struct pprof_report_opts *o,
			struct sb *out, unsigned *unmatched, struct err *e);

/* ---- diff for watch ---- */

struct pprof_diff_row {
	const char *name;       /* printable name: function, or "func file:line" */
	const char *function, *file;
	int64_t line;           /* 0 at function granularity */
	int64_t flat, cum;      /* latest - base */
	int64_t base_flat, base_cum, latest_flat, latest_cum;
};

/* Compare two profiles of the same kind per function (granularity
 * FUNCTIONS) or per line (LINES) on the sample type sample_index (NULL:
 * default), like `pprof -top -diff_base base latest`: rows sorted by the
 * absolute flat growth, then by name.  Rows whose values are all zero are
 * left out.  *rows is allocated in arena a.  Returns the number of rows or
 * -1 with e filled. */
long pprof_diff(const struct pprof_profile *base, const struct pprof_profile *latest,
		const char *sample_index, enum pprof_granularity g,
		struct arena *a, struct pprof_diff_row **rows, struct err *e);

#endif
