/*
 * vec: growable arrays as macros over a struct with items/len/cap.
 *
 *     VEC(int) xs = {0};
 *     vec_push(&xs, 42);
 *     vec_free(&xs);
 *
 * Invariant: items is NULL or points to cap elements, of which the first len
 * are initialised.  The vector owns items (heap, via xalloc); vec_free
 * releases it and leaves an empty vector.
 */
#ifndef BASE_VEC_H
#define BASE_VEC_H

#include <stddef.h>
#include "xalloc.h"

#define VEC(T) struct { T *items; size_t len, cap; }

#define vec_reserve(v, n) \
	((v)->items = xgrow((v)->items, sizeof(*(v)->items), (n), &(v)->cap))

#define vec_push(v, x) \
	(vec_reserve((v), (v)->len + 1), (v)->items[(v)->len++] = (x))

#define vec_free(v) \
	(free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

#endif
