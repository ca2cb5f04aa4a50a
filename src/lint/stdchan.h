/*
 * stdchan: facts about the channels the standard library hands out (the
 * table is stdchan.def: one line per API), and what a channel expression
 * of the source is by that table.
 *
 * Ownership: the table is static; lint_stdchan_expr allocates nothing.
 */
#ifndef LINT_STDCHAN_H
#define LINT_STDCHAN_H

#include "rule.h"

enum lint_sc_how { LINT_SC_CALL, LINT_SC_FIELD, LINT_SC_DONE, LINT_SC_ARG };

enum lint_sig {
	LINT_SIG_NIL,            /* nil: a receive blocks for ever */
	LINT_SIG_NEVER_CLOSED,   /* values, never closed: range never ends */
	LINT_SIG_ONCE,           /* at most one value, never closed */
	LINT_SIG_WHILE_SERVING,  /* only while the HTTP handler runs */
	LINT_SIG_CLOSED,         /* closed when its owner says so */
	LINT_SIG_PARENT,         /* Done() is the parent context's */
};

struct lint_stdchan {
	const char *path, *type, *member;
	enum lint_sc_how how;
	enum lint_sig sig;
	const char *note;
};

enum lint_stdchan_id {
#define STDCHAN(c, path, type, member, how, sig, note) LINT_STDCHAN_##c,
#include "stdchan.def"
#undef STDCHAN
	LINT_STDCHAN_N
};

extern const struct lint_stdchan lint_stdchan_table[LINT_STDCHAN_N];

/* The table line of path.type.member, or NULL. */
const struct lint_stdchan *lint_stdchan_find(const char *path, const char *type,
					     const char *member);

/* What channel expression e is by the table: time.After(d), time.Tick(d),
 * context.Background().Done() (and TODO, WithoutCancel, ...),
 * w.(http.CloseNotifier).CloseNotify(); with the field model, x.t.C of a
 * ticker or timer field and x.ctx.Done() of a context field set only
 * from Background()/TODO().  NULL when the table does not say. */
const struct lint_stdchan *lint_stdchan_expr(struct lint_ctx *cx,
					     const struct go_node *e);

/* What ctx.Done() is for a context expression ctx (a call of the
 * context package, through WithValue to its parent); NULL if unknown. */
const struct lint_stdchan *lint_stdchan_done_of(struct lint_ctx *cx,
						const struct go_node *ctx);

/* A word for a signal, for messages ("is never closed", ...). */
const char *lint_sig_words(enum lint_sig s);

#endif
