/*
 * err: error values for library code.
 *
 * Library code never prints or exits.  A function that can fail takes a
 * struct err *, fills it and returns -1 (or NULL); the command in src/cli/
 * prints "leakhound: <msg>" and picks the exit code.  Messages follow git's
 * style: lower case, no final period, what failed first, the subject quoted:
 *     cannot read 'heap.pb.gz': truncated varint at byte 1832
 * The struct is self-contained (a fixed buffer), so it can live on the stack
 * and needs no release.
 */
#ifndef BASE_ERR_H
#define BASE_ERR_H

#include <stdarg.h>

#define ERR_MSG_MAX 1024

struct err {
	int set;
	char msg[ERR_MSG_MAX];
};

#define ERR_INIT { 0, { 0 } }

void err_clear(struct err *e);
/* Set the message (printf format); always returns -1 so callers can write
 * `return err_setf(e, "...")`.  e may be NULL. */
int err_setf(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int err_vsetf(struct err *e, const char *fmt, va_list ap);
/* Prefix an existing message: "<prefix>: <old message>". */
int err_prefixf(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
