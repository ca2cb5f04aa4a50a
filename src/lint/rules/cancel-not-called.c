/*
 * cancel-not-called: the cancel function of context.WithCancel,
 * WithTimeout, WithDeadline (and the ...Cause forms) discarded or not
 * called on some path.
 *
 * What an uncancelled context holds depends on its parent and on whether
 * it has a deadline.  With a cancellable parent it stays in the parent's
 * list of children (a goroutine watches a parent of a foreign type) until
 * it is cancelled: until the parent is, or, with a deadline, until the
 * deadline passes.  context.Background() and TODO() never cancel and keep
 * no list: a WithTimeout/WithDeadline child of theirs lives exactly as
 * long as its timer, until the deadline (a note: bounded, but a
 * per-request WithTimeout(Background(), time.Hour) keeps an hour of timers
 * alive); a WithCancel child of theirs holds nothing, but it can never be
 * cancelled, so whatever waits on its Done channel waits for ever.
 * Handing the cancel function to the caller, a struct, a goroutine or a
 * closure is an ownership move and stays silent.
 */
#include "../fields.h"
#include "../flow.h"
#include "../lifetime.h"
#include "../deferloop.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

/* What the context created by call holds until it is cancelled: the
 * message is pre, root, post (root: the parent, or ""). */
struct held {
	enum report_severity sev;
	const char *pre, *root, *post;
};

/* "context.Background()" or "context.TODO()" if expression e is that call,
 * else NULL. */
static const char *root_call(const struct go_node *e)
{
	const struct go_node *f;

	e = go_unparen(e);
	if (!e || e->kind != GO_CALL_EXPR || GO_CAST(go_call_expr, e)->args.n)
		return NULL;
	f = GO_CAST(go_call_expr, e)->fun;
	if (go_is_pkg_member(f, "context", "Background"))
		return "context.Background()";
	if (go_is_pkg_member(f, "context", "TODO"))
		return "context.TODO()";
	return NULL;
}

/* Is the parent local variable v certainly Background()/TODO() when call
 * runs?  Its declaration gives it that value, and its only other write is
 * call's own statement (ctx, _ = context.WithTimeout(ctx, d)) when no loop
 * or function literal around call could run that statement again. */
struct root_scan {
	const struct go_ident *v;
	const struct go_node *call;
	const char *root;
	int self;                        /* call's statement writes v */
	int call_repeats;                /* a loop or literal around call
					  * does not contain v's declaration */
	int bad;
	VEC(const struct go_node *) around;  /* enclosing loops and literals */
};

static void root_write(struct root_scan *rs, const struct go_node *lhs,
		       const struct go_node *value, const struct go_node *rhs1)
{
	if (lhs == (const struct go_node *)rs->v) {
		rs->root = value ? root_call(value) : NULL;
		if (!rs->root)
			rs->bad = 1;
	} else if (go_local_var(lhs) == rs->v) {
		if (rhs1 && go_unparen(rhs1) == rs->call)
			rs->self = 1;
		else
			rs->bad = 1;
	}
}

static int root_scan_fn(struct go_node *n, void *ctx)
{
	struct root_scan *rs = ctx;

	if (rs->bad)
		return 0;
	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
	    n->kind == GO_FUNC_LIT)
		vec_push(&rs->around, n);
	if (n == rs->call)
		for (size_t i = 0; i < rs->around.len; i++)
			if (rs->v->node.off < rs->around.items[i]->off ||
			    rs->v->node.off >= rs->around.items[i]->end)
				rs->call_repeats = 1;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++)
			root_write(rs, a->lhs.v[i],
				   a->lhs.n == a->rhs.n ? a->rhs.v[i] : NULL,
				   a->rhs.n == 1 ? a->rhs.v[0] : NULL);
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n; i++)
			root_write(rs, vs->names.v[i],
				   vs->names.n == vs->values.n ? vs->values.v[i] : NULL,
				   NULL);
	} else if (n->kind == GO_UNARY_EXPR &&
		   GO_CAST(go_unary_expr, n)->op == GO_TOK_AND &&
		   go_local_var(GO_CAST(go_unary_expr, n)->x) == rs->v) {
		rs->bad = 1;
	} else if (n->kind == GO_RANGE_STMT) {
		struct go_range_stmt *r = GO_CAST(go_range_stmt, n);

		if ((r->key && go_local_var(r->key) == rs->v) ||
		    (r->value && go_local_var(r->value) == rs->v))
			rs->bad = 1;
	}
	return !rs->bad;
}

static void root_scan_post(struct go_node *n, void *ctx)
{
	struct root_scan *rs = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT ||
	    n->kind == GO_FUNC_LIT)
		rs->around.len--;
}

static const char *root_parent(const struct lint_func *fn,
			       const struct go_node *call, const struct go_node *p)
{
	struct root_scan rs;
	const struct go_ident *v;

	if (root_call(p))
		return root_call(p);
	v = go_local_var(p);
	if (!v || v->decl_kind != GO_DECL_LOCAL ||
	    v->node.off < fn->body->node.off || v->node.end > fn->body->node.end)
		return NULL;
	memset(&rs, 0, sizeof(rs));
	rs.v = v;
	rs.call = call;
	go_ast_inspect((struct go_node *)fn->body, root_scan_fn, root_scan_post, &rs);
	vec_free(&rs.around);
	if (rs.bad || (rs.self && rs.call_repeats))
		return NULL;
	return rs.root;
}

struct in_loop {
	const struct go_node *call;
	int yes;
};

static int in_loop_fn(struct go_node *n, void *ctx)
{
	struct in_loop *il = ctx;

	if (n->kind == GO_FUNC_LIT || il->yes)
		return 0;
	if ((n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT) &&
	    n->off <= il->call->off && il->call->off < n->end)
		il->yes = 1;
	return 1;
}

/* Is the call made again and again: inside a loop of fn, or in a function
 * that handles requests?  Then a timer held until the deadline is held
 * once per iteration or request. */
static int repeated(const struct lint_func *fn, const struct go_node *call)
{
	struct in_loop il = { call, 0 };

	if (fn->type && lint_flow_handles_requests(fn->type))
		return 1;
	if (fn->body)
		go_ast_inspect((struct go_node *)fn->body, in_loop_fn, NULL, &il);
	return il.yes;
}

static struct held held_by(const struct lint_func *fn, const struct go_node *call)
{
	static const char *const timed[] = {
		"WithTimeout", "WithDeadline", "WithTimeoutCause",
		"WithDeadlineCause", NULL
	};
	const struct go_call_expr *c = GO_CAST(go_call_expr, go_unparen(call));
	const struct go_node *p = c->args.n ? go_unparen(c->args.v[0]) : NULL;
	const char *root;
	int has_deadline = 0;
	struct held h = { REPORT_SEV_WARNING, "", "", "" };

	for (const char *const *t = timed; *t; t++)
		if (go_is_pkg_member(c->fun, "context", *t))
			has_deadline = 1;
	if (p && (root = root_parent(fn, go_unparen(call), p)))
		h.root = root;
	if (*h.root && has_deadline) {
		/* bounded: a note, unless it happens per iteration or per
		 * request, where the timers pile up for the whole timeout */
		if (!repeated(fn, call))
			h.sev = REPORT_SEV_NOTE;
		h.pre = "the context and its timer stay alive until the deadline "
			"passes (its parent, ";
		h.post = ", never cancels it)";
	} else if (*h.root) {
		h.pre = "the context can never be cancelled (its parent is ";
		h.post = "), so whatever waits on its Done channel waits for ever";
	} else if (has_deadline) {
		h.pre = "the context stays registered with its parent, and its "
			"timer runs, until the deadline passes or the parent is "
			"cancelled";
	} else {
		h.pre = "the context stays registered with its parent until the "
			"parent is cancelled";
	}
	return h;
}

static void found(struct lint_ctx *cx, const struct lint_func *fn,
		  const struct lint_res *r, struct go_node *call, void *arg)
{
	struct go_node *where = NULL, *d, *loop = NULL;
	struct finding *fd;
	struct held h;
	enum lint_flow_verdict v;

	(void)arg;
	if (r->kind != LINT_RES_CANCEL)
		return;
	v = lint_flow_check(cx, fn, r, &where);
	if (v == LINT_FLOW_OK && (d = lint_deferloop_find(cx, fn, r, &loop))) {
		fd = lint_report(cx, fn->file, d, REPORT_SEV_WARNING,
			"call the cancel function at the end of the iteration (or "
			"move the body into a function, where the defer runs per "
			"iteration)",
			"defer %s() inside an endless loop runs only when the "
			"function returns: every context the loop creates stays "
			"registered with its parent, with its timer, until then",
			r->var->name);
		lint_related(cx, fd, fn->file, call, "the context is created here");
		lint_related(cx, fd, fn->file, loop, "the loop");
		return;
	}
	if (v != LINT_FLOW_LEAKS)
		return;
	h = held_by(fn, call);
	fd = lint_report(cx, fn->file, call, h.sev,
		arena_printf(cx->arena, "defer %s() right after creating the "
			     "context", r->var->name),
		"the cancel function '%s' is %s: %s%s%s",
		r->var->name, lint_life_words(cx, fn, r, "called"), h.pre,
		h.root, h.post);
	if (where->kind == GO_RETURN_STMT)
		lint_related(cx, fd, fn->file, where, "returns here without calling it");
	else if (where == r->def)
		lint_related(cx, fd, fn->file, where,
			     "created again here by the next iteration without calling it");
	else if (where->kind == GO_ASSIGN_STMT)
		lint_related(cx, fd, fn->file, where,
			     "overwritten here by another cancel function before it was called");
}

static void discarded(struct lint_ctx *cx, const struct lint_func *fn,
		      enum lint_res_kind kind, struct go_node *call, void *arg)
{
	struct held h;

	(void)arg;
	if (kind != LINT_RES_CANCEL)
		return;
	h = held_by(fn, call);
	lint_report(cx, fn->file, call, h.sev,
		"keep the cancel function and defer cancel()",
		"the cancel function is discarded: %s%s%s", h.pre, h.root,
		h.post);
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	if (!lint_file_imports(fn->file, "context"))
		return;
	lint_flow_find(cx, fn, found, discarded, arg);
}

/* A cancel function kept in a field (the field model, ../fields.h) that no
 * function of the package calls.  A process-lifetime owner is silent. */
static void uncalled_field(struct lint_ctx *cx, const struct lint_field *fl)
{
	const struct lint_fsite *set = &fl->site[LINT_FOP_SET_FRESH];
	struct finding *fd;

	fd = lint_report(cx, set->file, set->at, REPORT_SEV_WARNING,
		"call the cancel function from the type's Close/Stop method "
		"(and call that when the value is done)",
		"the cancel function stored in field '%s' of %s is never called "
		"by any method or function of the package: the context, its "
		"timer and its goroutines stay until the parent context is "
		"cancelled", fl->name, fl->owner->name);
	lint_fields_related(cx, fd, fl, "call");
}

void lint_rule_cancel_not_called(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
	lint_fields_unreleased(cx, LINT_FK_CANCEL, LINT_FOP(LINT_FOP_CALL),
			       uncalled_field);
}
