/*
 * xalloc: allocation that never returns NULL.
 *
 * Out of memory is the one failure leakhound does not try to recover from:
 * every allocation goes through these wrappers, which print a message and
 * exit with status 2 on failure, so no caller checks for NULL.  Ownership: every pointer returned
 * belongs to the caller and is released with free().
 */
#ifndef BASE_XALLOC_H
#define BASE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of n elements of size elem to at least need elements;
 * *cap is updated.  Aborts on overflow. */
void *xgrow(void *ptr, size_t elem, size_t need, size_t *cap);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
