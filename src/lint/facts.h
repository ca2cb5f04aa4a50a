/*
 * facts: what each function of the package does to its parameters, its
 * receiver, the fields of its receiver and its results (docs/lint.md,
 * "Facts").
 *
 * For every function and method declared in the package, and for every
 * slot (a parameter, the receiver, a field `r.f` of the receiver r): which
 * operations it performs on the slot, and whether on every path that
 * returns normally ("all") or only on some ("some"); and what the
 * goroutines it starts with the slot do to it.  For every result: whether
 * it is a new resource or channel the caller now owns.
 *
 * Facts are computed on first use, bottom-up: a call to a same-package
 * function or method uses the callee's facts (depth-first, so callees are
 * done first).  A function that meets a callee still being computed is in
 * a cycle of the call graph; once the outermost request is done, every
 * such function is recomputed until nothing changes (at most
 * LINT_FACTS_ROUNDS rounds).  Anything the facts cannot follow (a goto, a
 * fallthrough, a labelled break out of a switch) leaves "all" empty for
 * that function: it never claims more than it saw.
 *
 * Ownership: facts live in cx->arena and in a map owned by the engine
 * (cx->facts); they are plain data, printed by lint_facts_print.
 */
#ifndef LINT_FACTS_H
#define LINT_FACTS_H

#include "rule.h"
#include "../base/sb.h"

#define LINT_FACTS_ROUNDS 4

/* Operations, as bits of a slot's masks. */
enum lint_fact_op {
	LINT_OP_SEND = 1u << 0,     /* c <- v */
	LINT_OP_RECV = 1u << 1,     /* <-c, in an expression or a select case */
	LINT_OP_RANGE = 1u << 2,    /* for range c */
	LINT_OP_CLOSE = 1u << 3,    /* close(c) */
	LINT_OP_RELEASE = 1u << 4,  /* x.Close(), x.Body.Close(), x.Stop(), x() */
	LINT_OP_STORE = 1u << 5,    /* kept: assigned to a field, a global, an
				     * element or another variable, put in a
				     * composite literal, appended, sent */
	LINT_OP_GO = 1u << 6,       /* handed to a goroutine started here */
	LINT_OP_RETURN = 1u << 7,   /* returned to the caller */
	LINT_OP_CAPTURE = 1u << 8,  /* captured by a closure kept for later */
	LINT_OP_UNKNOWN = 1u << 9,  /* passed to code the facts do not know */
	LINT_OP_SET = 1u << 10,     /* (fields) assigned: r.f = ... */
};
#define LINT_OP_COUNT 11

struct lint_fact_slot {
	const char *name;   /* parameter or receiver name; field name */
	unsigned all;       /* done on every path that returns normally */
	unsigned some;      /* done on at least one path (all is a subset) */
	unsigned go;        /* done by goroutines started with it here */
};

/* What a result is, as the caller sees it. */
enum lint_result_kind {
	LINT_RESULT_OTHER,   /* nothing the facts track */
	LINT_RESULT_CHAN,    /* a channel made here */
	LINT_RESULT_GEN,     /* an unbuffered channel made here that a
			      * goroutine started here sends on in a loop,
			      * with no select around its sends: a
			      * generator nobody can stop but its reader */
	LINT_RESULT_FILE,    /* a new file: the caller must Close it */
	LINT_RESULT_BODY,    /* a new *http.Response: the caller must close
			      * its Body */
	LINT_RESULT_TICKER,  /* a new *time.Ticker: the caller must Stop it */
	LINT_RESULT_CANCEL,  /* a new cancel function: the caller must call it */
};

struct lint_facts {
	struct go_func_decl *decl;
	const struct go_file *file;
	const char *name;               /* "f", or "T.m" for a method */
	struct lint_fact_slot recv;     /* name NULL: a function, or an
					 * unnamed receiver */
	struct lint_fact_slot *params;  /* one per parameter, in order
					 * (name "_" for an unnamed one) */
	size_t nparams;
	struct lint_fact_slot *fields;  /* the receiver's fields it uses */
	size_t nfields;
	enum lint_result_kind *results; /* one per result */
	size_t nresults;
	struct go_node *gen_send;       /* LINT_RESULT_GEN: the goroutine's
					 * first send in a loop */
	int partial;    /* something could not be followed: "all" is empty */
	int rounds;     /* times computed (2 or more: in a call-graph cycle) */
};

/* The facts of the same-package function or method that call expression
 * `fun` names (a package-level function `f`, or `x.m` where the package
 * declares exactly one method m), or NULL. */
const struct lint_facts *lint_facts_callee(struct lint_ctx *cx,
					   const struct go_node *fun);

/* The declaration lint_facts_callee would compute the facts of, without
 * computing them (a cheap look at its signature first), or NULL. */
const struct go_func_decl *lint_facts_callee_decl(struct lint_ctx *cx,
						  const struct go_node *fun);

/* The facts of declaration fd (computed on first use). */
const struct lint_facts *lint_facts_of(struct lint_ctx *cx,
				       struct go_func_decl *fd);

/* The release summary (rule.h) of the same-package function that `fun`
 * names, as lint_facts_callee finds it, or NULL. */
const struct lint_summary *lint_facts_summary(struct lint_ctx *cx,
					      const struct go_node *fun);

/* 1 if argument i of call c goes to a same-package function that only
 * uses it: on no path does it keep it (store, capture, return), hand it to
 * a goroutine, release it or pass it to code the facts do not know.  The
 * caller still owns what it passed ("passing is not handing off"). */
int lint_facts_borrows(struct lint_ctx *cx, const struct go_call_expr *c,
		       uint32_t i);

/* The slot of a field by name in facts f, or NULL. */
const struct lint_fact_slot *lint_facts_field(const struct lint_facts *f,
					      const char *name);

/* Append the facts as text (facts_text.c): one header line, then one
 * line per slot and result.  The golden tests of --facts read this. */
void lint_facts_print(const struct lint_facts *f, struct sb *out);

/* The function a call's `fun` denotes when it is a local variable bound
 * once (`f := func(c chan<- error) {...}`, `var f = ...`, never assigned
 * again) to a function literal, to a method value `x.m` or a function of
 * the package, or to the result of a same-package helper whose every
 * return is one function literal (`w := newWorker()`).  scope is the body
 * of the function the call is in (f's bindings are looked for there), file
 * its file.  Returns 1 and fills out, or 0. */
struct lint_func_value {
	const struct go_file *file;      /* where body is */
	struct go_func_type *type;
	struct go_block_stmt *body;
	const char *name;                /* the variable's or function's name */
	struct go_func_decl *decl;       /* a declared function, or NULL */
	struct go_func_lit *lit;         /* a function literal, or NULL */
};
int lint_facts_func_value(struct lint_ctx *cx, const struct go_file *file,
			  struct go_block_stmt *scope, const struct go_node *fun,
			  struct lint_func_value *out);

/* The engine's end of a package: forget the facts map. */
void lint_facts_release(struct lint_ctx *cx);

#endif
