/*
 * lifetime: what the resource rules say about a resource's whole life in
 * one function, beyond flow.c's path verdict.
 *
 * A flow verdict LINT_FLOW_LEAKS says "some path leaves it open"; the
 * message should say which of two things is true: no path of the function
 * releases it at all ("never closed"), or some path does and another does
 * not ("not closed on every path").  Nothing here allocates; the answers
 * are plain ints computed from the AST (owned by the package's arena).
 */
#ifndef LINT_LIFETIME_H
#define LINT_LIFETIME_H

#include "flow.h"

/* 1 if function fn releases r somewhere: an explicit release in its body
 * (outside function literals), one in a deferred function literal, or a
 * return that hands it to the caller. */
int lint_life_released_somewhere(struct lint_ctx *cx,
				 const struct lint_func *fn,
				 const struct lint_res *r);

/* The verdict words for a leaking resource: `never` (no release
 * anywhere) or `not` + " on every path", e.g. lint_life_words(.., "closed")
 * is "never closed" or "not closed on every path".  The string is
 * allocated in cx->arena. */
const char *lint_life_words(struct lint_ctx *cx, const struct lint_func *fn,
			    const struct lint_res *r, const char *verb);

#endif

/* 1 if return statement ret hands r to the caller: one of its results is
 * r's variable itself.  Ownership moves on that path only; other paths
 * must still release it. */
int lint_life_returns(const struct go_node *ret, const struct lint_res *r);

/* 1 if call c (in file f) uses its argument number i only while it runs,
 * without keeping it, beyond flow.c's table of std readers and writers:
 * a template's Execute(w, data) / ExecuteTemplate(w, name, data) in a file
 * importing text/template or html/template, encoding/binary's Read and
 * Write. */
int lint_life_borrows(const struct go_file *f, const struct go_call_expr *c,
		      uint32_t i);

/* 1 if statement s stores r's variable where the caller or the struct's
 * methods can reach it: `x.f = v`, `m[k] = v`, `*p = v` (an assignment, not
 * :=).  That hands it over on s's path. */
int lint_life_stores(const struct go_node *s, const struct lint_res *r);

/* 1 if statement s (not r's own creation) assigns r's variable a new
 * resource of the same kind (`ctx, cancel = context.WithTimeout(...)`
 * after an earlier WithCancel): r is overwritten there, a leak if it may
 * still be open.  Package helpers that return a new resource count (cx
 * may be NULL: then only the std creators). */
int lint_life_recreates(struct lint_ctx *cx, const struct go_node *s,
			const struct lint_res *r);
