/*
 * gdump_int: what the parsers of src/gdump share and nobody else needs.
 */
#ifndef GDUMP_GDUMP_INT_H
#define GDUMP_GDUMP_INT_H

#include "gdump.h"

/* The private hash table of interned strings, stacks and group keys: keys
 * are byte strings hashed eight bytes at a time. */
struct gdump_tab_slot {
	const void *key;
	size_t len;
	uint64_t hash;
	const void *value;   /* NULL: empty */
};
/* The slot for key: found (value set) or new (value NULL; the caller sets
 * value and points key at memory that outlives the table). */
struct gdump_tab_slot *gdump_tab_slot(struct gdump_tab *t, const void *key,
				      size_t len);
void gdump_tab_release(struct gdump_tab *t);

/* Like gdump_add, but every string of g and frames is already interned in
 * d (so only the stack is interned). */
struct gdump_goroutine *gdump_add_interned(struct gdump_dump *d,
					   const struct gdump_goroutine *g,
					   const struct gdump_frame *frames,
					   size_t nframes);

/* The traceback and debug=1 parsers; return the number of records added. */
size_t gdump_parse_traceback(struct gdump_dump *d, const char *buf, size_t len);
size_t gdump_parse_debug1(struct gdump_dump *d, const char *buf, size_t len);
/* The same readers on a file descriptor, a chunk at a time; *added is the
 * number of records added.  -1 with e filled on a read error. */
int gdump_parse_text_fd(struct gdump_dump *d, int fd, const char *path, int debug1,
			size_t *added, struct err *e);
int gdump_parse_proto(struct gdump_dump *d, const char *buf, size_t len,
		      struct err *e);

/* For aggregated formats (debug=1, protobuf), whose stacks include the
 * runtime frames a traceback hides: infer the wait reason from those frames
 * (runtime.chanrecv -> "chan receive", ...), then drop the frames a
 * traceback would not print, so the stacks group and compare like
 * debug=2 ones.  Returns the new frame count (frames edited in place). */
size_t gdump_normalize_aggregated(struct gdump_dump *d,
				  struct gdump_frame *frames, size_t n,
				  const char **state);

#endif
