/*
 * gdump: goroutine dumps in every form Go writes them, grouped and ranked.
 *
 * Three layers, each usable alone (the `goroutines` command uses all three,
 * the `watch` sampler the first two):
 *
 *   gdump_parse     bytes -> struct gdump_dump: one record per goroutine
 *                   (debug=2 text, crash/SIGQUIT output inside a log,
 *                   runtime.Stack(all) output) or per aggregated stack
 *                   (debug=1 text, the protobuf goroutine and goroutineleak
 *                   profiles), with a count on each record.
 *   gdump_group     dump -> struct gdump_groups: records with the same stack
 *                   (function and file:line per frame, the creating site,
 *                   the state) merged, argument values and parent ids
 *                   ignored; each group ranked as a leak suspect.
 *   gdump_compare   two group sets -> growth per group, new groups, and the
 *                   goroutine ids that survived from the older dump.
 *
 * The design decision a reader must know: every string of a dump (function
 * names, file paths, states) is interned in the dump's arena, so equal
 * strings are equal pointers; stacks are interned too, so 100,000 goroutines
 * parked on one line share one frame array.  The input buffer can be freed
 * as soon as gdump_parse returns.  A group set copies what it needs into its
 * own arena and stays valid after its dump is released.
 */
#ifndef GDUMP_GDUMP_H
#define GDUMP_GDUMP_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/map.h"
#include "../base/vec.h"
#include "../go/usercode.h"

enum gdump_format {
	GDUMP_FMT_TRACEBACK, /* debug=2, crash, SIGQUIT, runtime.Stack(all) */
	GDUMP_FMT_DEBUG1,    /* "goroutine profile: total N" aggregated text */
	GDUMP_FMT_PROTO,     /* profile.proto goroutine / goroutineleak profile */
};

/* Flags of a goroutine record (and, or-ed, of a group). */
enum {
	GDUMP_LOCKED = 1 << 0,    /* ", locked to thread" */
	GDUMP_SCAN = 1 << 1,      /* " (scan)": the GC was scanning its stack */
	GDUMP_LEAKED = 1 << 2,    /* " (leaked)": Go 1.26+ goroutineleak mark */
	GDUMP_ELIDED = 1 << 3,    /* frames were elided from the middle/end */
	GDUMP_NOSTACK = 1 << 4,   /* "goroutine running on other thread" */
	GDUMP_ANCESTORS = 1 << 5, /* had [originating from goroutine N] */
	GDUMP_DURABLE = 1 << 6,   /* " (durable)" annotation */
};

/* One stack frame.  func is the full function name without arguments
 * ("net/http.(*conn).serve", "main.Map[...]"); file may be "" when the dump
 * does not say (never NULL); line 0 when unknown. */
struct gdump_frame {
	const char *func;
	const char *file;
	int line;
};

/* One goroutine (traceback formats) or one aggregated stack (debug=1 and
 * protobuf, where id is 0 and count may exceed 1). */
struct gdump_goroutine {
	uint64_t id;
	uint64_t count;
	const char *state;        /* wait reason or status, annotations removed;
				     "" for aggregated formats, which have none */
	int wait_minutes;         /* 0 when the header has none */
	unsigned flags;
	const struct gdump_frame *frames; /* innermost first; shared, interned */
	size_t nframes;
	struct gdump_frame created_by;    /* func NULL when not shown */
	uint64_t parent_id;       /* "created by F in goroutine N"; 0 if absent */
	const char *labels;       /* debug=1 "# labels:" text or NULL */
	size_t line;              /* 1-based line of its header in the input,
				     0 for protobuf input */
	uint64_t chan;            /* the channel it waits on: the first argument
				     of runtime.chanrecv/chansend when the
				     traceback prints it exactly; 0 unknown */
	/* GODEBUG=tracebackancestors=N: the frames of its "[originating from
	 * goroutine N]" sections, nearest ancestor first, each section's
	 * frames innermost first and then its "created by" frame when shown
	 * (the creator's stack at the go statement, its creator's...).  Not
	 * part of the goroutine's identity (grouping ignores them); interned
	 * like frames; NULL and 0 when the dump has none. */
	const struct gdump_frame *ancestors;
	size_t nancestors;
};

#define GDUMP_MAX_WARNINGS 20

struct gdump_tab_slot; /* private */

struct gdump_dump {
	struct arena arena;
	enum gdump_format format;
	VEC(struct gdump_goroutine) gs;
	uint64_t total;          /* sum of counts */
	/* Lines that could not be read, as "line N: what"; parsing goes on.
	 * At most GDUMP_MAX_WARNINGS are kept, nwarnings counts them all. */
	const char *warnings[GDUMP_MAX_WARNINGS];
	size_t nwarnings;
	/* private: interning tables */
	struct gdump_tab { struct gdump_tab_slot *slots; size_t cap, count; }
		strs, stacks;
#define GDUMP_RECENT 4096
	struct gdump_recent { const char *s; size_t len; } *recent; /* heap */
};

void gdump_dump_init(struct gdump_dump *d);
void gdump_dump_release(struct gdump_dump *d);

/* Parse buf (len bytes, need not be NUL-terminated) in any supported form;
 * the form is detected from the content.  Text is searched for goroutine
 * headers anywhere, so a dump inside a larger log (leading junk, a prefix
 * on every line, CRLF line ends) is found.  Lines inside a goroutine that
 * make no sense end that goroutine and add a warning naming the line.
 * Returns 0, or -1 with e filled when nothing usable was found (the message
 * says what the input looked like).  d must be freshly initialised. */
int gdump_parse(struct gdump_dump *d, const char *buf, size_t len,
		struct err *e);

/* Add one record (used by the parsers and the protobuf adapter): copies
 * and interns every string.  frames may be NULL when nframes is 0. */
struct gdump_goroutine *gdump_add(struct gdump_dump *d,
				  const struct gdump_goroutine *g,
				  const struct gdump_frame *frames,
				  size_t nframes);
/* Intern n bytes of s in d (NUL-terminated copy, shared). */
const char *gdump_intern(struct gdump_dump *d, const char *s, size_t n);
/* Record a warning "line N: msg" (line 0: no line prefix). */
void gdump_warn(struct gdump_dump *d, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Read and parse the dump named by src (a file, "-" or an http(s) URL)
 * into d (freshly initialised).  A regular file holding text is read a
 * chunk at a time, so a large dump never sits in memory whole.  Returns 0;
 * -1 when the source cannot be read (e: "cannot read 'x': ..."); -2 when
 * it was read but holds no goroutine dump (e: as gdump_parse says). */
int gdump_load(struct gdump_dump *d, const char *src, struct err *e);

/* Read a dump named on the command line: a file, "-" (standard input) or
 * an http(s) URL.  On success *buf is a heap buffer the caller frees.
 * Returns 0, or -1 with e filled ("cannot read 'x': ..."). */
int gdump_fetch(const char *src, char **buf, size_t *len, struct err *e);

/* ---- groups and ranking ---- */

enum gdump_kind {
	GDUMP_KIND_OTHER,      /* running, runnable, syscall, IO wait, sleep... */
	GDUMP_KIND_CHAN,       /* chan send / chan receive */
	GDUMP_KIND_NILCHAN,    /* nil channel or select with no cases: forever */
	GDUMP_KIND_SELECT,     /* select */
	GDUMP_KIND_SYNC,       /* sync.Mutex / WaitGroup / Cond / semacquire */
};

struct gdump_group {
	const char *key;          /* identity: frames, creator, state, lock */
	const char *stack_key;    /* the frames alone: what debug=1 and the
				     protobuf profile have (no creator) */
	const char *state;        /* "" for aggregated formats */
	unsigned flags;           /* or of the members' flags */
	uint64_t count;
	int wait_min, wait_max;   /* minutes */
	const struct gdump_frame *frames;
	size_t nframes;
	struct gdump_frame created_by;  /* func NULL if unknown */
	/* The topmost frame in the user's code (the main module's when it is
	 * known, else a dependency's; never the runtime or the standard
	 * library), or NULL when every frame is the standard library. */
	const struct gdump_frame *blocking;
	enum gdump_kind kind;
	double score;             /* leak-suspect score; 0 = not a suspect */
	int suspect;              /* 1 if ranked as a leak suspect */
	const char *why;          /* one phrase: why (not) a suspect */
	uint64_t chan;            /* the one channel every member waits on, 0
				     when unknown or not the same for all */
	int main_goroutine;       /* holds the main goroutine (main.main) */
	int parked;               /* several identical goroutines on one
				     channel receive, the program alive:
				     parked workers, ranked low */
	int promoted;             /* made a suspect by gdump_promote */
	const uint64_t *ids;      /* member goroutine ids (traceback formats) */
	size_t nids;
	size_t first;             /* index of the first member in the dump */
	/* filled by gdump_compare */
	int64_t growth;           /* count minus the older dump's count */
	int is_new;               /* no such group in the older dump */
	size_t survivors;         /* members whose id was in the older group */
};

struct gdump_groups {
	struct arena arena;
	enum gdump_format format;
	VEC(struct gdump_group) items; /* suspects first, by score, then count */
	uint64_t total;
	int compared;             /* gdump_compare ran on this set */
	int hung;                 /* the main goroutine and every goroutine of
				     the user's code are blocked on channels
				     or locks, and nothing else can wake them
				     (no I/O wait, sleep, signal, running) */
	uint64_t vanished;        /* compare: goroutines of groups now gone */
	size_t nvanished_groups;
	/* What "the user's code" meant for this set: the process context
	 * (go_usercode_global: the main module) with GOROOT learnt from the
	 * dump's runtime frames. */
	struct go_usercode uc;
	struct map strs;          /* private */
};

/* Group and rank the records of d into gs (which owns everything it
 * points to, independent of d).  Never fails. */
void gdump_group(const struct gdump_dump *d, struct gdump_groups *gs);
void gdump_groups_release(struct gdump_groups *gs);

/* Make g a suspect at once for a reason found outside the dump (with
 * --src, the lint front-end shows that nothing else can reach its
 * channel): suspect and promoted set, a score of at least 5, why copied
 * into gs's arena.  The order of gs is not changed: see gdump_groups_sort. */
void gdump_promote(struct gdump_groups *gs, struct gdump_group *g,
		   const char *why);
/* Sort gs's groups again (suspects first, by score, then count) and
 * permute par, an array of gs->items.len pointers (or NULL), the same way. */
void gdump_groups_sort(struct gdump_groups *gs, void **par);

/* Compare cur with an older set: fill growth, is_new and survivors of every
 * group of cur, re-rank with growth (a group that grew is a stronger
 * suspect, one that did not grow a weaker one) and re-sort.  When one set
 * is a traceback and the other an aggregated profile (debug=2 against
 * debug=1), groups are matched on their frames alone, since aggregated
 * profiles have no states and no creating site. */
void gdump_compare(struct gdump_groups *cur, const struct gdump_groups *old);

/* ---- the blocking line in the source (--src) ---- */

struct gdump_explain {
	char path[4096];        /* the file found under the source directory */
	char func_name[256];    /* the enclosing function declaration */
	int func_line, func_end_line;  /* its extent; 0 when not in one */
	int made_line;          /* where the channel was made or declared; 0 */
	char text[1024];        /* "a send on ch, an unbuffered channel made at
				   line 45 (make(chan error)): ..." */
};

/* Explain the blocking line file:line of a group with the Go front-end,
 * looking the file up under srcdir by the longest suffix of its path.
 * Returns 0 with x filled, or -1 with e filled (no such file under srcdir,
 * or it does not parse). */
int gdump_explain(const char *srcdir, const char *file, int line,
		  struct gdump_explain *x, struct err *e);

/* 1 if frame f (func and file) is the runtime or standard library, as
 * go_usercode_classify decides with gs's context. */
int gdump_frame_is_std(const struct gdump_groups *gs,
		       const struct gdump_frame *f);
const char *gdump_kind_name(enum gdump_kind k);

#endif
