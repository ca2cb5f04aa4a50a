/*
 * fields: the field model of a package -- for every struct type declared
 * in it, the fields of a tracked kind (ticker, timer, channel, file,
 * response, cancel function, context), where each is set (constructors,
 * start methods, composite literals &X{...}) and what every function of
 * the package does to it (stop, close, send, receive, range, call, hand
 * it on).  The ticker, cancel, file and goroutine rules read it.
 *
 * How a use x.f is tied to a type: x is the receiver, a parameter or a
 * local whose type is written (x *T, var x T, x := &T{...}, new(T), a
 * package function returning *T), or a field of such a value (x.inner.f,
 * promoted fields of embedded structs too).  A use whose base cannot be
 * typed counts, weakly, for every type of the package with a field of that
 * name: a weak release or escape silences them all, a weak set proves
 * nothing.  Precision first: a field that escapes (returned, passed to code
 * the model does not know, assigned to a variable, address taken), is set
 * from anything but a fresh constructor, or is exported (other packages
 * may release it) is never reported.
 *
 * Ownership: everything lives in cx->arena and is computed once per
 * package (cached in cx->fields); callers never free.
 */
#ifndef LINT_FIELDS_H
#define LINT_FIELDS_H

#include "rule.h"

enum lint_fkind {
	LINT_FK_TICKER = 1,   /* *time.Ticker */
	LINT_FK_TIMER,        /* *time.Timer */
	LINT_FK_CHAN,         /* chan T, <-chan T, chan<- T */
	LINT_FK_FILE,         /* *os.File */
	LINT_FK_RESP,         /* *http.Response */
	LINT_FK_CANCEL,       /* context.CancelFunc, or func() set from WithCancel */
	LINT_FK_CONTEXT,      /* context.Context */
};

/* What a function does to a field: bit numbers of lint_field.ops. */
enum lint_fop {
	LINT_FOP_SET_FRESH,   /* set from a fresh constructor (make, NewTicker,
			       * os.Open, WithCancel, Background, ...) */
	LINT_FOP_SET_OTHER,   /* set from anything else (a parameter, ...) */
	LINT_FOP_STOP,        /* x.f.Stop() */
	LINT_FOP_CLOSE,       /* close(x.f), x.f.Close(), x.f.Body.Close() */
	LINT_FOP_SEND,        /* x.f <- v */
	LINT_FOP_RECV,        /* <-x.f */
	LINT_FOP_RANGE,       /* for range x.f */
	LINT_FOP_CALL,        /* x.f() (a cancel function) */
	LINT_FOP_RECV_C,      /* <-x.f.C */
	LINT_FOP_RANGE_C,     /* for range x.f.C */
	LINT_FOP_DONE,        /* x.f.Done() */
	LINT_FOP_ESCAPE,      /* handed on: the model cannot follow it */
	LINT_FOP_N
};
#define LINT_FOP(b) (1u << (b))

/* One place where something was done to a field. */
struct lint_fsite {
	const struct go_file *file;
	const struct go_node *at;
	const struct go_func_decl *in;   /* enclosing declaration, or NULL */
};

struct lint_ftype;

struct lint_field {
	const char *name;
	enum lint_fkind kind;
	struct lint_ftype *owner;
	int exported;
	unsigned ops;     /* LINT_FOP bits, from uses typed to this type */
	unsigned weak;    /* LINT_FOP bits, from untyped uses of the name */
	struct lint_fsite site[LINT_FOP_N];  /* the first site of each op */
	const char *made_by;  /* the constructor of the first fresh set */
	int background;   /* LINT_FK_CONTEXT: every set is Background()/TODO() */
};

struct lint_ftype {
	const char *name;
	const struct go_file *file;
	const struct go_type_spec *spec;
	struct lint_field *fields;
	size_t nfields;
	/* a value of it lives as long as the process: kept in a
	 * package-level variable, or made in func main */
	int long_lived;
	struct lint_fsite long_site;
	/* the embedded struct types (promoted fields), by name */
	const char **embeds;
	size_t nembeds;
};

/* A goroutine started in the package whose body the model can read: a
 * function literal, or a method or function of the package. */
struct lint_fgo {
	const struct go_file *file;        /* of the go statement */
	const struct go_go_stmt *go;
	const struct go_func_decl *starter;  /* the function with the go */
	const struct go_file *bfile;       /* of the body */
	const struct go_block_stmt *body;
};

struct lint_fields {
	struct lint_ftype **types;
	size_t ntypes;
	struct lint_fgo *gos;
	size_t ngos;
	struct map byname;     /* type name -> struct lint_ftype */
	struct map at;         /* selector node (pointer bytes) -> lint_field */
};

/* The model of cx's package (built on first use). */
/* Free the model's maps at the end of the package (run_rules). */
void lint_fields_release(struct lint_ctx *cx);
const struct lint_fields *lint_fields_get(struct lint_ctx *cx);

/* The tracked field a selector expression x.f denotes, when x is typed
 * (see above); NULL otherwise. */
struct lint_field *lint_fields_at(const struct lint_fields *m,
				  const struct go_node *sel);

/* The ops on fl from typed and untyped uses together. */
unsigned lint_field_all_ops(const struct lint_field *fl);

/* 1 if fl is owned by its type and the model sees every use: unexported,
 * set from a fresh constructor by a typed use, never set otherwise, never
 * handed on.  Then (lint_field_all_ops(fl) & release) == 0 means no code
 * of the package does any of `release` to it. */
int lint_field_followed(const struct lint_field *fl);

/* The method of fl's type that looks like the release point (Close, Stop,
 * Shutdown, ...), for a related location; NULL if it has none. */
const struct go_func_decl *lint_fields_closer(const struct lint_ctx *cx,
					      const struct lint_ftype *t,
					      const struct go_file **file);

/* Call fn for every field of kind k that the model follows
 * (lint_field_followed), that no code of the package does any of the ops
 * in `release` to (LINT_FOP bits), and whose owner does not live as long
 * as the process (then the value is meant to stay: true but harmless). */
void lint_fields_unreleased(struct lint_ctx *cx, enum lint_fkind k,
			    unsigned release,
			    void (*fn)(struct lint_ctx *cx,
				       const struct lint_field *fl));

/* Add to fd the related locations of a field never released: the type
 * that keeps it, and the owner's Close/Stop method that should release
 * it (`verb`: "stop", "close", "call"), if it has one. */
void lint_fields_related(struct lint_ctx *cx, struct finding *fd,
			 const struct lint_field *fl, const char *verb);

/* Short name of a kind, for messages ("ticker", "channel", ...). */
const char *lint_fkind_name(enum lint_fkind k);

#endif
