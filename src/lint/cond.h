/*
 * cond: what a branch condition tells the resource rules about the
 * resource on each side of it.
 *
 *   err implication   `errors.Is(err, fs.ErrNotExist)`, `os.IsNotExist(err)`,
 *                     `errors.As(err, &t)`, `err == io.EOF` are only true
 *                     when err != nil: like `err != nil`, their then-branch
 *                     holds no resource from the call that returned err.
 *   ownership flag    `opened = true` right after the creating call (and
 *                     its error check), with no other write of the flag
 *                     but a false declaration: `if opened {...}` tells
 *                     whether this function made the resource.
 *   context done      `case <-sub.Done():`, `<-sub.Done()`, `if sub.Err() !=
 *                     nil`: the context of a cancel is already cancelled
 *                     there, which released what the cancel would have.
 *
 * Functions only read the AST (owned by the package's arena); nothing is
 * allocated.
 */
#ifndef LINT_COND_H
#define LINT_COND_H

#include "flow.h"

/* 1 if condition x can only be true when error variable err is not nil. */
int lint_cond_err_nonnil(const struct go_node *x, const struct go_ident *err);

/* `if err == nil { t.Fatal(...) }` (or a return, panic, t.Error...) right
 * after the creating call whose error is errv: the code asserts that the
 * call fails, so no resource is expected. */
int lint_cond_expects_failure(const struct go_node *cond,
			      const struct go_block_stmt *body,
			      const struct go_node *errv);

/* The ownership flag of resource r in function fn (see above), or NULL. */
const struct go_ident *lint_cond_owner_flag(const struct lint_func *fn,
					    const struct lint_res *r);

/* For condition x and flag g: 1 when x is `!g` (its then-branch means the
 * resource was not made here), 2 when x is `g` (its else-branch does);
 * 0 otherwise.  && and || are left to the caller. */
int lint_cond_flag_branch(const struct go_node *x, const struct go_ident *g);

/* The context variable created with cancel resource r (sub in `sub, cancel
 * := context.WithCancel(ctx)`), or NULL. */
const struct go_ident *lint_cond_cancel_ctx(const struct lint_res *r);

/* 1 if statement s (a select case's comm, or a statement) receives from
 * ctx.Done(): after it the context is cancelled. */
int lint_cond_done_recv(const struct go_node *s, const struct go_ident *ctx);

/* 1 if condition x can only be true once ctx is cancelled:
 * `ctx.Err() != nil`, `errors.Is(ctx.Err(), context.Canceled)`... */
int lint_cond_ctx_done(const struct go_node *x, const struct go_ident *ctx);

#endif
