/*
 * pprof: the profile model and its decoders.
 *
 * A profile is read from bytes that are gzip-compressed or not and hold either
 * the profile.proto message (Go's runtime/pprof output, what
 * /debug/pprof/<name> serves by default) or one of the legacy text forms that
 * Go still serves with ?debug=1 (`heap profile: ...` and
 * `<name> profile: total N`).  Every form becomes the same model, which
 * follows the proto closely but with strings resolved and ids turned into
 * pointers, so callers never index the string table.
 *
 * Ownership: one arena per profile.  Everything reachable from a struct
 * pprof_profile (samples, locations, functions, mappings, strings) lives in
 * p->arena and is freed by pprof_profile_free.  Functions that transform a
 * profile (filters, aggregation) mutate it in place; pprof_merge returns a new
 * profile that shares nothing with its inputs.
 *
 * Decoding never trusts a length from the input: the proto bytes are walked
 * once with bounds checks (errors name the byte offset), and every
 * allocation is bounded by the input size.
 */
#ifndef PPROF_PPROF_H
#define PPROF_PPROF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/err.h"

struct pprof_value_type {
	const char *type;   /* "inuse_space", "cpu", "goroutine", ... never NULL */
	const char *unit;   /* "bytes", "nanoseconds", "count", ... never NULL */
};

struct pprof_function {
	uint64_t id;
	const char *name;        /* "main.leak", never NULL ("" if unknown) */
	const char *system_name;
	const char *filename;    /* as recorded, e.g. "/src/app/main.go" */
	int64_t start_line;
};

struct pprof_mapping {
	uint64_t id;
	uint64_t start, limit, offset;
	const char *file;        /* never NULL */
	const char *build_id;    /* never NULL */
	bool has_functions, has_filenames, has_line_numbers, has_inline_frames;
};

/* One source line of a location.  A location with inlined calls has several
 * lines: line[0] is the innermost (inlined) function, the last line is the
 * outermost caller that was not inlined. */
struct pprof_line {
	struct pprof_function *function;  /* never NULL in a valid profile */
	int64_t line;
};

struct pprof_location {
	uint64_t id;
	struct pprof_mapping *mapping;  /* may be NULL */
	uint64_t address;
	struct pprof_line *line;
	size_t nline;
	bool is_folded;
	size_t index;       /* position in profile->location */
};

/* A sample label: a string label has str != NULL; a numeric one has
 * str == NULL, num and unit ("" when the profile gave none). */
struct pprof_label {
	const char *key;
	const char *str;
	int64_t num;
	const char *unit;
};

struct pprof_sample {
	struct pprof_location **location;  /* location[0] is the leaf */
	size_t nlocation;
	int64_t *value;                    /* nsample_type values */
	struct pprof_label *label;
	size_t nlabel;
};

struct pprof_profile {
	struct arena arena;
	struct pprof_value_type *sample_type;
	size_t nsample_type;
	const char *default_sample_type;   /* "" if none */
	struct pprof_sample *sample;
	size_t nsample;
	struct pprof_mapping **mapping;
	size_t nmapping;
	struct pprof_location **location;
	size_t nlocation;
	struct pprof_function **function;
	size_t nfunction;
	const char **comment;
	size_t ncomment;
	const char *drop_frames, *keep_frames;  /* "" if none */
	int64_t time_nanos, duration_nanos;
	struct pprof_value_type period_type;
	int64_t period;
	/* a debug=1 text profile read without its "#" symbol lines that has
	 * some (see PPROF_PARSE_COMMENT_SYMBOLS) */
	bool unused_comment_symbols;
};

/* pprof_profile_parse_flags: take function names, files and lines of the
 * debug=1 text forms from their "#\t0xADDR\tfunc+0xOFF\tfile:line" lines
 * (pprof ignores them, so reports then differ from pprof's). */
#define PPROF_PARSE_COMMENT_SYMBOLS 1u

/* Upper bound on the decompressed size of one profile (1 GiB). */
#define PPROF_MAX_INFLATED ((size_t)1 << 30)
/* The limit pprof_profile_parse applies when it decompresses (default
 * PPROF_MAX_INFLATED; the commands' --max-input sets it). */
extern size_t pprof_max_inflated;

/* 1 if data starts with the gzip magic bytes. */
bool pprof_is_gzip(const void *data, size_t len);

/* Decompress gzip data (all members) into a heap buffer (caller frees), at
 * most max_out bytes.  NULL with e filled on corrupt or oversized input. */
unsigned char *pprof_gunzip(const void *data, size_t len, size_t max_out,
			    size_t *out_len, struct err *e);

/* Parse one profile in any supported form (gzip or not; proto, `heap
 * profile:` text, `<name> profile: total N` text).  name is used in error
 * messages only ("cannot parse 'NAME': truncated varint at byte 1832").
 * Returns a new profile (free with pprof_profile_free) that has passed
 * pprof_check_valid, or NULL with e filled. */
struct pprof_profile *pprof_profile_parse(const void *data, size_t len,
					  const char *name, struct err *e);

/* pprof_profile_parse with PPROF_PARSE_* flags. */
struct pprof_profile *pprof_profile_parse_flags(const void *data, size_t len,
						const char *name, unsigned flags,
						struct err *e);

/* The proto form alone (already decompressed). */
struct pprof_profile *pprof_parse_proto(const void *data, size_t len,
					struct err *e);
/* The legacy text forms alone; NULL with e filled if unrecognised. */
struct pprof_profile *pprof_parse_legacy(const char *text, size_t len,
					 unsigned flags, struct err *e);

/* A new empty profile (for builders). */
struct pprof_profile *pprof_profile_new(void);
void pprof_profile_free(struct pprof_profile *p);

/* The checks pprof makes before it uses a profile: sample value counts match
 * the sample types, ids are non-zero and unique.  0, or -1 with e filled. */
int pprof_check_valid(const struct pprof_profile *p, struct err *e);

/* Index of a sample type by name or number, like pprof's -sample_index: ""
 * selects the default sample type (or the last one); "inuse_space" also
 * matches "space".  -1 with e filled when there is no such type. */
int pprof_sample_index(const struct pprof_profile *p, const char *name,
		       struct err *e);

/* Merge profiles like pprof does before every report: samples with the same
 * stack and labels are added up, equal locations, functions and mappings
 * become one, all-zero samples are dropped.  Header: earliest time, summed
 * durations, largest period.  The inputs must have the same sample types
 * (and period type); they are not modified.  Returns a new profile or NULL
 * with e filled. */
struct pprof_profile *pprof_merge(struct pprof_profile *const *ps, size_t n,
				  struct err *e);

/* pprof's base subtraction in one pass: like merging p with base scaled by
 * -1, every base sample first given the string label label_key=label_value
 * when label_key is not NULL ("pprof::base"="true" for -diff_base).  The
 * inputs are not modified. */
struct pprof_profile *pprof_merge_base(struct pprof_profile *p, struct pprof_profile *base,
				       const char *label_key, const char *label_value,
				       struct err *e);

/* Multiply every sample value by ratio (rounded), dropping samples that
 * become all zero, like pprof's Profile.Scale. */
void pprof_scale(struct pprof_profile *p, double ratio);

/* Add the label key=value to every sample (e.g. "pprof::base"). */
void pprof_set_label(struct pprof_profile *p, const char *key,
		     const char *value);
/* True if the sample has the string label key=value. */
bool pprof_sample_has_label(const struct pprof_sample *s, const char *key,
			    const char *value);

/* Apply the profile's own drop_frames/keep_frames (pprof's
 * RemoveUninteresting).  0, or -1 with e filled on a bad expression. */
int pprof_remove_uninteresting(struct pprof_profile *p, struct err *e);

#endif
