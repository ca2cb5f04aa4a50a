/*
 * flow: "is this resource released on every path?" for the resource rules
 * (ticker-not-stopped, timer-reset-misuse, body-not-closed, file-not-closed,
 * cancel-not-called).
 *
 * Two steps.  First every use of the variable is classified (release,
 * deferred release, plain use, or escape: returned, stored, sent, passed to
 * an unknown function, captured by a closure, reassigned).  Any escape ends
 * the analysis with LINT_FLOW_ESCAPES: ownership moved or we cannot know,
 * and the rules stay silent.  Otherwise the function's statements are
 * walked in structured order with the set of states the variable can be in
 * (not yet created, open, released), through if/else, loops (to a fixed
 * point), switch, select, break/continue and return; an error check on the
 * creating call's error (or a nil check of the variable) means the branch
 * holds no resource.  A return or the end of the function reached while
 * the resource may be open is a leak.  goto anywhere: silent.
 */
#ifndef LINT_FLOW_H
#define LINT_FLOW_H

#include "rule.h"

enum lint_res_kind {
	LINT_RES_FILE,     /* released by v.Close() */
	LINT_RES_BODY,     /* released by v.Body.Close() */
	LINT_RES_CANCEL,   /* released by v() */
	LINT_RES_TICKER,   /* released by v.Stop() */
};

struct lint_res {
	enum lint_res_kind kind;
	struct go_ident *var;      /* declaring identifier of the variable */
	struct go_ident *err;      /* declaring identifier of the error, or NULL */
	struct go_node *def;       /* the statement that creates it */
	int read_releases;         /* body: io.ReadAll(resp.Body) counts as a
				    * release (body-not-closed's second look:
				    * read to EOF hands the connection back) */
	struct go_block_stmt *scope;  /* body of the creating function, or
				    * NULL: where `defer cleanup()` finds the
				    * closure cleanup is bound to */
};

enum lint_flow_verdict {
	LINT_FLOW_OK,          /* released on every path */
	LINT_FLOW_ESCAPES,     /* handed off, or unknowable: stay silent */
	LINT_FLOW_LEAKS,       /* some path leaves it open; *where says which */
};

/* Analyse resource r created in function fn.  On LINT_FLOW_LEAKS, *where
 * is the return statement, the loop whose next iteration overwrites it, or
 * the function body (falling off its end) where it is still open. */
enum lint_flow_verdict lint_flow_check(struct lint_ctx *cx,
				       const struct lint_func *fn,
				       const struct lint_res *r,
				       struct go_node **where);

/* 1 if some path from r's creation (r->def, inside loop `loop`, a for or
 * range statement labelled `label` or NULL) reaches the loop's next
 * iteration with the resource open, counting only explicit releases (a
 * deferred one runs when the function returns); nested: the loop is inside
 * another loop, so a break of it also comes round again.  0 when every
 * such path releases it or leaves the function. */
int lint_flow_loop_carries(struct lint_ctx *cx, const struct lint_res *r,
			   struct go_node *loop, const char *label, int nested);

/* 1 if statement or expression n contains (outside function literals) a
 * release of r (as lint_flow_check counts them). */
int lint_flow_releases(struct lint_ctx *cx, const struct lint_res *r,
		       struct go_node *n);

/* If call expression n is one of the creating calls of the resource rules
 * (os.Open..., http.Get..., context.WithCancel..., time.NewTicker), set
 * *kind and return 1. */
int lint_flow_creator(const struct go_node *n, enum lint_res_kind *kind);
/* The same, with the package's helpers (facts.h) that return one. */
int lint_flow_creator_cx(struct lint_ctx *cx, const struct go_node *n,
			 enum lint_res_kind *kind);

/* Find every resource created in fn by `v, err := creator(...)`,
 * `v := creator(...)`, `var v = creator(...)` or a plain assignment, and
 * call found() for each (with r filled), or discarded() when the resource
 * is assigned to _ or the call's result is dropped. */
void lint_flow_find(struct lint_ctx *cx, const struct lint_func *fn,
		    void (*found)(struct lint_ctx *cx, const struct lint_func *fn,
				  const struct lint_res *r,
				  struct go_node *call, void *arg),
		    void (*discarded)(struct lint_ctx *cx,
				      const struct lint_func *fn,
				      enum lint_res_kind kind,
				      struct go_node *call, void *arg),
		    void *arg);

/* 1 if expression x is a call that never returns: panic, os.Exit,
 * runtime.Goexit, log.Fatal and the like. */
int lint_flow_terminating_call(const struct go_node *x);

/* 1 if a function with type ft handles requests: it has an *http.Request,
 * http.ResponseWriter or net.Conn parameter.  Work such code does grows
 * with the traffic. */
int lint_flow_handles_requests(const struct go_func_type *ft);

#endif
