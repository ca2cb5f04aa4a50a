/*
 * file: whole-file reading.
 *
 * Inputs (Go sources, profiles, dumps) are read whole into memory: they are
 * parsed in one pass and positions are byte offsets into the buffer.
 */
#ifndef BASE_FILE_H
#define BASE_FILE_H

#include <stddef.h>
#include "err.h"

/* Read path ("-" means standard input) into a NUL-terminated heap buffer
 * (caller frees) and set *len.  Refuses more than max_bytes (0: no limit)
 * with an error naming the limit.  On error returns NULL and fills e with
 * "cannot read 'PATH': REASON". */
char *file_read_all(const char *path, size_t max_bytes, size_t *len,
		    struct err *e);

/* Write len bytes to path atomically enough for our needs (write, then
 * rename over the target).  Returns 0, or -1 with e filled. */
int file_write_all(const char *path, const void *data, size_t len,
		   struct err *e);

/* 1 if path is a directory, 0 if not, -1 (e filled) if it cannot be
 * stat'ed. */
int file_is_dir(const char *path, struct err *e);

#endif
