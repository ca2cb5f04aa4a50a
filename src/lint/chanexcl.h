/*
 * chanexcl: a goroutine that sends on exactly one of several channels.
 *
 *     go func() { v, err := do(); if err != nil { errc <- err; return }; resc <- v }()
 *     select { case v := <-resc: ...; case err := <-errc: return err }
 *
 * Every path of the goroutine ends right after its one send, on resc or
 * on errc.  An exit of the parent inside `case <-errc:` has received that
 * send, so the goroutine has returned: its send on resc never happens.
 * The goroutine-blocked-send analysis (chan.c) counts each channel on its
 * own; it asks here before reporting a send on one channel at such an
 * exit.  Reads the AST only.
 */
#ifndef LINT_CHANEXCL_H
#define LINT_CHANEXCL_H

#include "rule.h"

/* 1 if, at exit node `exit` of function fn (a statement inside a select
 * case that receives from another local channel B), the goroutine started
 * once by go statement `go` with body gbody has already made its only
 * send, on B, and returned: its sends on the channel named by al[0..nal)
 * cannot be pending. */
int lint_chanexcl_sibling_done(const struct lint_func *fn,
			       const struct go_node *exit,
			       const struct go_node *go,
			       const struct go_block_stmt *gbody,
			       struct go_ident *const *al, int nal);

#endif

/* 1 if the goroutine with body gbody cannot reach its send statement
 * send_at: before it, in the same statement list, it ranges (with no way
 * out of the loop) over another channel made in fn that fn only ever
 * sends on -- never closes nor hands anywhere.  The goroutine blocks in
 * that range (goroutine-blocked-recv says so), not on the send. */
int lint_chanexcl_blocked_before(const struct lint_func *fn,
				 const struct go_block_stmt *gbody,
				 const struct go_node *send_at);
