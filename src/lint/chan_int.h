/*
 * chan_int: the shared state of the channel analysis (chan.h), split over
 * files named for what they do:
 *   chan_parties.c   pass 1: who touches the channel (the starting
 *                    function, goroutines, same-package callees, closures)
 *   chan_goroutine.c what each goroutine body does on its paths
 *   chan_paths.c     pass 2: the starting function's paths, judging each
 *                    exit, and the report
 *   chan.c           the driver, the results shared by the three rules,
 *                    and quit channels kept in struct fields
 * Internal to src/lint: nothing here is for rules.  Everything lives in
 * cx->arena, like chan.c's results.
 */
#ifndef LINT_CHAN_INT_H
#define LINT_CHAN_INT_H

#include "chan.h"

#include <stdlib.h>
#include <string.h>

/* ---------- counts ---------- */

enum { C_EX, C_SYM, C_PART, C_MANY, C_INF, C_UNK };

struct cnt {
	int k;            /* C_* */
	int n;            /* C_EX: the number */
	const char *key;  /* C_SYM, C_PART: the loop count, e.g. "len(addrs)" */
};

static inline struct cnt ex(int n)
{
	struct cnt c = { C_EX, n, NULL };

	return c;
}

static inline struct cnt ck(int k, const char *key)
{
	struct cnt c = { k, 0, key };

	return c;
}

static inline int is0(struct cnt c)
{
	return c.k == C_EX && c.n == 0;
}

static inline int keyeq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static inline int ceq(struct cnt a, struct cnt b)
{
	if (a.k != b.k)
		return 0;
	if (a.k == C_EX)
		return a.n == b.n;
	if (a.k == C_SYM || a.k == C_PART)
		return keyeq(a.key, b.key);
	return 1;
}

static inline struct cnt cadd(struct cnt a, struct cnt b)
{
	if (is0(a))
		return b;
	if (is0(b))
		return a;
	if (a.k == C_INF || b.k == C_INF)
		return ck(C_INF, NULL);
	if (a.k == C_UNK || b.k == C_UNK)
		return ck(C_UNK, NULL);
	if (a.k == C_MANY || b.k == C_MANY)
		return ck(C_MANY, NULL);
	if (a.k == C_EX && b.k == C_EX)
		return ex(a.n + b.n > 1000 ? 1000 : a.n + b.n);
	if (a.k == C_PART && b.k == C_EX)
		return a;
	if (b.k == C_PART && a.k == C_EX)
		return b;
	return ck(C_UNK, NULL);
}

/* key iterations of a body that adds d each time */
static inline struct cnt cmul(const char *key, struct cnt d)
{
	if (is0(d) || d.k == C_INF || d.k == C_UNK)
		return d;
	if (d.k == C_EX && key && key[0] >= '0' && key[0] <= '9' &&
	    strspn(key, "0123456789") == strlen(key) && strlen(key) < 5)
		return ex(atoi(key) * d.n);
	if (d.k == C_EX && d.n == 1)
		return key ? ck(C_SYM, key) : ck(C_MANY, NULL);
	return ck(C_MANY, NULL);
}

/* some (fewer than all) iterations of such a body */
static inline struct cnt cpart(const char *key, struct cnt d)
{
	if (is0(d) || d.k == C_INF || d.k == C_UNK)
		return d;
	if (d.k == C_EX && d.n == 1)
		return key ? ck(C_PART, key) : ck(C_MANY, NULL);
	return ck(C_MANY, NULL);
}

/* the larger of two path counts */
static inline struct cnt cmax(struct cnt a, struct cnt b)
{
	if (is0(a))
		return b;
	if (is0(b))
		return a;
	if (a.k == C_EX && b.k == C_EX)
		return a.n > b.n ? a : b;
	if (ceq(a, b))
		return a;
	if (a.k == C_INF || b.k == C_INF)
		return ck(C_INF, NULL);
	if (a.k == C_EX && b.k != C_UNK)
		return b;
	if (b.k == C_EX && a.k != C_UNK)
		return a;
	return ck(C_UNK, NULL);
}


/* A call that does not come back: panic (an exit we judge: it may be
 * recovered), or one that ends the process or the goroutine (not judged). */
enum { TERM_NONE, TERM_PANIC, TERM_DEAD };

/* ---------- the state of one analysis ---------- */

#define MAXAL 8
#define MAXG 16

enum {
	OP_SEND = 1, OP_RECV = 2, OP_RANGE = 4, OP_CLOSE = 8, OP_DCLOSE = 16,
};

enum { REG_PARENT = -1, REG_DEFER = -2, REG_OTHER = -3 };

struct gor {
	struct go_go_stmt *go;
	const struct go_file *file;       /* where body is */
	struct go_block_stmt *body;
	struct go_ident *al[MAXAL];       /* the channel's names in body */
	int nal;
	unsigned ops;
	const char *helper;               /* name of the same-package callee */
	int byname;                       /* a method matched by name only */
	struct go_call_expr *sync_call;   /* not a goroutine: a same-package
					   * function called with the channel */
	/* from gwalk */
	struct cnt nsend, nrecv;
	struct go_node *send_at, *recv_at, *range_at;
	int ranges;
	int send_cond;      /* some path through the goroutine sends fewer */
	int send_coord;     /* ... decided by a sync/atomic result */
	int signals_other;  /* it also sends on or closes another channel */
	struct go_node *quit_loop, *quit_at;
	/* context mode: the names of the context in body */
	struct go_ident *qal[MAXAL];
	int nqal;
	int ctxmode;
	/* field mode: the quit channel is a struct field, named here */
	int fieldmode;
	const char *field;
	const struct go_node *field_sel;  /* its first x.field */
	const char *field_type;           /* its type, by the field model */
};

struct an {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	const struct go_file *file;
	struct go_ident *ch;
	struct go_call_expr *make;
	struct cnt cap;
	const char *elem;                 /* element type text */
	struct go_ident *al[MAXAL];
	int nal;
	struct gor g[MAXG];
	int ng;
	unsigned pops;
	int escape;
	/* context mode: al holds the cancel function, qal the context */
	int ctxmode;
	struct go_ident *qal[MAXAL];
	int nqal;
	/* the innermost loop whose body makes the channel: each iteration
	 * makes a new one, so its counts never carry over to the next */
	struct go_node *inst;
};

static inline int in_set(struct go_ident *const *al, int nal, const struct go_node *n)
{
	struct go_ident *v = go_local_var(n);

	if (!v)
		return 0;
	for (int i = 0; i < nal; i++)
		if (al[i] == v)
			return 1;
	return 0;
}


enum { MODE_SEND, MODE_RECV, MODE_QUIT };

struct pst {
	struct cnt T;       /* goroutine operations launched (sends in A,
			     * receives in B) */
	struct cnt L;       /* goroutines launched */
	struct cnt R, S;    /* receives, sends by the function itself */
	unsigned char closed, drained, ranging, cond;
	unsigned char coord;   /* a goroutine whose send an atomic guards */
};

#define MAXST 12

struct sset {
	struct pst v[MAXST];
	int n;
};

/* EX_LEAVE: the iteration that made the channel ends (end of the loop
 * body, continue, break): nobody can touch that channel any more */
enum { EX_RETURN, EX_PANIC, EX_END, EX_BRANCH, EX_LEAVE };

struct exitrec {
	struct pst st;
	struct go_node *at;
	int kind;
	struct frame *target;
	int is_cont;
	struct exitrec *next;
};

struct frame {
	int is_loop;
	int inst;                 /* the loop a->inst */
	int broke;                /* inst: some break leaves it */
	const char *label;
	struct sset brk, cont;
	struct frame *up;
	struct frame *loopf;      /* innermost loop frame at creation */
	struct exitrec *exits;    /* loop frames: exits, in body coordinates */
};

struct pw {
	struct an *a;
	int mode;
	struct frame *loop, *fr;
	const char *pending_label;
	struct exitrec *top;      /* judged exits (absolute) */
	struct exitrec **tail;
	int bad;
};


struct cls {
	struct an *a;
	struct go_ident **al;
	int *nal;
	int base;                 /* region of the root */
	int reg[128];
	unsigned char regsend[128];   /* that region may only send */
	int nreg;
	struct go_node *lit[MAXG * 2];
	int litreg[MAXG * 2];
	unsigned char litsend[MAXG * 2];  /* a goroutine literal started
					   * inside a goroutine: it may only
					   * send (its sends count as that
					   * goroutine's) */
	int nlit;
	struct go_node *dcall;    /* the call of `defer close(c)` */
	struct go_node *gocall;   /* the call of the last go statement */
	struct go_node *gdcall;   /* the call of the last go or defer
				   * statement inside a goroutine */
	unsigned total, accounted;
	int deep;
};

struct dvscan {
	struct cls *c;
	struct lint_ctx *cx;
	const struct lint_func *fn;
};

struct qfind {
	struct gor *gr;
	const char *label;
	struct go_node *last;
};

/* chan_parties.c */
int chan_terminating(const struct go_node *x);
const char *chan_text_of(struct lint_ctx *cx, const struct go_file *f,
			 const struct go_node *n);
struct go_func_decl *chan_find_func(struct lint_ctx *cx, const struct go_node *fun,
				    const struct go_file **file);
struct go_func_lit *chan_inline_lit(const struct go_node *x);
struct go_func_lit *chan_deferred_var_lit(struct lint_ctx *cx,
					 const struct lint_func *fn,
					 const struct go_node *call);
/* A call in a goroutine that sends on the channel through a same-package
 * helper: exactly one argument of ce names the channel (al), and the
 * callee (a package function, or the package's one method of that name
 * called on a local value) does nothing with that parameter but one plain
 * send statement, in no loop, select, literal, go or defer of its body.
 * The call counts as one send.  Returns the callee's send statement and
 * its file, *every = 1 when the facts say it sends on every path that
 * returns; NULL when the call is not such a helper. */
struct go_node *chan_send_via(struct lint_ctx *cx, const struct go_call_expr *ce,
			      struct go_ident *const *al, int nal,
			      const struct go_file **file, int *every);
/* `go func(...) {...}(args)` where no argument names the channel (al):
 * the literal, or NULL.  Inside a goroutine such a literal may only send
 * on the channel, and its sends count as the goroutine's. */
struct go_func_lit *chan_go_lit(const struct go_node *call,
				struct go_ident *const *al, int nal);
int chan_dvscan_fn(struct go_node *n, void *ctx);
int chan_cls_pre(struct go_node *n, void *ctx);
void chan_cls_post(struct go_node *n, void *ctx);

/* chan_goroutine.c */
const char *chan_loop_key(struct lint_ctx *cx, const struct go_file *f,
			  struct go_node *loop);
int chan_qfind_fn(struct go_node *n, void *ctx);
void chan_analyse_gor(struct an *a, struct gor *gr);

/* chan_paths.c */
struct sset chan_walk_list(struct pw *w, const struct go_list *l, struct sset in);
void chan_ss_add(struct pw *w, struct sset *s, const struct pst *p);
struct pst chan_pst_zero(void);
void chan_exits_of(struct pw *w, const struct sset *ss, struct go_node *at,
		   int kind);
struct go_node *chan_end_node(struct lint_ctx *cx, const struct go_file *f,
			      const struct go_block_stmt *body);
int chan_leaks(const struct an *a, int mode, const struct pst *st);
void chan_report(struct an *a, int mode, const struct exitrec *e);

/* chan.c */
struct go_call_expr *chan_make(struct go_node *x);


#endif
