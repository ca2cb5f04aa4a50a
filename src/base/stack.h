/*
 * stack: run a function on a thread with a large stack of its own.
 *
 * The walks over nested Go syntax (the parser, name resolution, the lint
 * rules' tree walks) recurse once per level of nesting.  The parser bounds
 * that nesting to go/parser's own limit (GO_PARSE_MAX_NEST, 100,000), which
 * the 8 MiB of a default main stack cannot hold; so the command runs on a
 * thread whose stack is sized for the bound (STACK_SIZE, reserved, and
 * committed only as far as it is used).
 */
#ifndef BASE_STACK_H
#define BASE_STACK_H

#include <stddef.h>

#define STACK_SIZE ((size_t)1 << 30)

/* Run fn(arg) on a new thread with a stack of size bytes and return its
 * result; signals go to that thread while it runs (the caller blocks them
 * until it ends).  If no such thread can be made, fn runs on the calling
 * thread. */
int stack_run(size_t size, int (*fn)(void *), void *arg);

#endif
