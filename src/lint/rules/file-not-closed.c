/*
 * file-not-closed: an *os.File from os.Open/OpenFile/Create/CreateTemp/
 * NewFile not closed on every path, and `defer f.Close()` inside a loop.
 *
 * An open file holds a descriptor and its poller registration until Close
 * (a finalizer closes it only when the GC happens to run, so a busy
 * program runs out of descriptors first).  A deferred Close inside a loop
 * runs when the function returns, not at the end of the iteration: every
 * file of the loop stays open until then -- unless no path from the Open
 * gets to the next iteration with the file open (it returns, or closes the
 * file explicitly first): then the defer only covers the early returns.
 */
#include "../fields.h"
#include "../flow.h"
#include "../lifetime.h"
#include "../../base/vec.h"

#include <stdlib.h>
#include <string.h>

static void found(struct lint_ctx *cx, const struct lint_func *fn,
		  const struct lint_res *r, struct go_node *call, void *arg)
{
	struct go_node *where = NULL;
	struct finding *fd;

	(void)arg;
	if (r->kind != LINT_RES_FILE)
		return;
	if (lint_flow_check(cx, fn, r, &where) != LINT_FLOW_LEAKS)
		return;
	fd = lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
		arena_printf(cx->arena, "defer %s.Close() right after the "
			     "error check (or close it before every return)",
			     r->var->name),
		"file '%s' is %s: its descriptor stays open until a finalizer "
		"happens to run", r->var->name,
		lint_life_words(cx, fn, r, "closed"));
	if (where->kind == GO_RETURN_STMT)
		lint_related(cx, fd, fn->file, where, "returns here with the file open");
	else if (where == r->def)
		lint_related(cx, fd, fn->file, where,
			     "created again here by the next iteration with the file open");
}

static void discarded(struct lint_ctx *cx, const struct lint_func *fn,
		      enum lint_res_kind kind, struct go_node *call, void *arg)
{
	(void)arg;
	if (kind != LINT_RES_FILE)
		return;
	lint_report(cx, fn->file, call, REPORT_SEV_WARNING,
		"keep the file and close it",
		"the file is discarded, so it can never be closed: its descriptor "
		"stays open until a finalizer happens to run");
}

/* defer f.Close() in a loop, f opened in that loop */
struct dl {
	struct lint_ctx *cx;
	const struct lint_func *fn;
	VEC(struct go_node *) loops;
	VEC(const char *) labels;    /* each loop's label, or NULL */
	struct go_labeled_stmt *labeled;  /* the last labeled statement seen */
};

/* Was var created by a file-opening call inside loop body b?  And is it
 * kept beyond the iteration: stored by a plain `=` into a variable declared
 * outside the loop, as the value itself or inside an append
 * (files = append(files, bufio.NewReader(f)), open[name] = f)?  Then holding
 * it open until the function returns is the point, not a leak. */
struct opened {
	const struct go_ident *var;
	const struct go_node *body;
	int yes;
	int kept;
	struct go_assign_stmt *def;   /* the (last) opening assignment */
};

static int uses_var(struct go_node *n, void *ctx)
{
	struct opened *o = ctx;

	/* f.Read(buf), f.Name(): using the file is not keeping it */
	if (n->kind == GO_SELECTOR_EXPR &&
	    go_local_var(GO_CAST(go_selector_expr, n)->x) == o->var)
		return 0;
	if (n->kind == GO_IDENT && go_local_var(n) == o->var)
		o->kept = 1;
	return !o->kept;
}

/* The variable an assignment target is rooted in (xs in xs[i], s in s.f). */
static struct go_node *target_root(struct go_node *e)
{
	for (;;) {
		e = go_unparen(e);
		if (e->kind == GO_INDEX_EXPR)
			e = GO_CAST(go_index_expr, e)->x;
		else if (e->kind == GO_SELECTOR_EXPR)
			e = GO_CAST(go_selector_expr, e)->x;
		else if (e->kind == GO_STAR_EXPR)
			e = GO_CAST(go_star_expr, e)->x;
		else
			return e;
	}
}

/* Does target outlive an iteration of the loop body?  A local declared
 * inside the body does not; anything else (a local declared before the
 * loop, a parameter, a package variable) does. */
static int outlives_iteration(const struct opened *o, struct go_node *target)
{
	struct go_node *root = target_root(target);
	struct go_ident *decl;

	if (root->kind != GO_IDENT || !strcmp(GO_CAST(go_ident, root)->name, "_"))
		return 0;
	decl = go_local_var(root);
	return !decl || decl->node.off < o->body->off ||
	       decl->node.off >= o->body->end;
}

static void note_kept(struct opened *o, struct go_assign_stmt *a)
{
	size_t i, j;

	if (a->tok != GO_TOK_ASSIGN || a->lhs.n != a->rhs.n)
		return;
	for (i = 0; i < a->rhs.n && !o->kept; i++) {
		struct go_node *r = go_unparen(a->rhs.v[i]);

		if (!outlives_iteration(o, a->lhs.v[i]))
			continue;
		if (r->kind == GO_IDENT) {
			uses_var(r, o);
		} else if (r->kind == GO_CALL_EXPR) {
			struct go_call_expr *c = GO_CAST(go_call_expr, r);
			struct go_node *fun = go_unparen(c->fun);

			if (!go_is_universe(fun, "append"))
				continue;
			for (j = 1; j < c->args.n && !o->kept; j++)
				go_ast_inspect(c->args.v[j], uses_var, NULL, o);
		}
	}
}

static int opened_fn(struct go_node *n, void *ctx)
{
	struct opened *o = ctx;
	enum lint_res_kind k;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		if (a->rhs.n == 1 && a->lhs.n >= 1 &&
		    go_local_var(a->lhs.v[0]) == o->var &&
		    lint_flow_creator(a->rhs.v[0], &k) && k == LINT_RES_FILE) {
			o->yes++;
			o->def = a;
		}
		else
			note_kept(o, a);
	}
	return 1;
}

static int dl_fn(struct go_node *n, void *ctx)
{
	struct dl *d = ctx;

	if (n->kind == GO_FUNC_LIT)
		return 0;
	if (n->kind == GO_LABELED_STMT)
		d->labeled = GO_CAST(go_labeled_stmt, n);
	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT) {
		vec_push(&d->loops, n);
		vec_push(&d->labels, d->labeled && d->labeled->stmt == n &&
			 d->labeled->label ? d->labeled->label->name : NULL);
	}
	if (n->kind == GO_DEFER_STMT && d->loops.len) {
		struct go_node *call = GO_CAST(go_defer_stmt, n)->call;
		struct go_node *f, *x;
		struct go_node *loop = d->loops.items[d->loops.len - 1];
		struct go_block_stmt *body = loop->kind == GO_FOR_STMT ?
			GO_CAST(go_for_stmt, loop)->body :
			GO_CAST(go_range_stmt, loop)->body;
		struct opened o = { NULL, NULL, 0, 0, NULL };

		if (!call || call->kind != GO_CALL_EXPR)
			return 1;
		f = go_unparen(GO_CAST(go_call_expr, call)->fun);
		if (!f || f->kind != GO_SELECTOR_EXPR ||
		    strcmp(GO_CAST(go_selector_expr, f)->sel->name, "Close"))
			return 1;
		x = GO_CAST(go_selector_expr, f)->x;
		o.var = go_local_var(x);
		o.body = (struct go_node *)body;
		if (!o.var || !body)
			return 1;
		go_ast_inspect((struct go_node *)body, opened_fn, NULL, &o);
		if (o.yes == 1 && !o.kept) {
			/* every path from the Open closes the file before the
			 * next iteration or leaves the function: the defer only
			 * covers the early returns, nothing piles up */
			struct lint_res r;

			memset(&r, 0, sizeof(r));
			r.kind = LINT_RES_FILE;
			r.var = (struct go_ident *)o.var;
			r.err = o.def->lhs.n >= 2 ? go_local_var(o.def->lhs.v[1]) : NULL;
			r.def = &o.def->node;
			if (!lint_flow_loop_carries(d->cx, &r, loop,
					d->labels.items[d->labels.len - 1],
					d->loops.len > 1))
				return 1;
		}
		if (o.yes && !o.kept) {
			struct finding *fd = lint_report(d->cx, d->fn->file, n,
				REPORT_SEV_WARNING,
				"move the loop body into a function (the defer then "
				"runs per iteration) or call Close at the end of the "
				"iteration",
				"defer %s.Close() inside a loop runs only when the "
				"function returns: every file opened by the loop stays "
				"open until then", o.var->name);

			lint_related(d->cx, fd, d->fn->file, loop, "the loop");
		}
	}
	return 1;
}

static void dl_post(struct go_node *n, void *ctx)
{
	struct dl *d = ctx;

	if (n->kind == GO_FOR_STMT || n->kind == GO_RANGE_STMT) {
		d->loops.len--;
		d->labels.len--;
	}
}

static void check_func(struct lint_ctx *cx, const struct lint_func *fn, void *arg)
{
	struct dl d;

	if (!lint_file_imports(fn->file, "os"))
		return;
	lint_flow_find(cx, fn, found, discarded, arg);
	memset(&d, 0, sizeof(d));
	d.cx = cx;
	d.fn = fn;
	go_ast_inspect((struct go_node *)fn->body, dl_fn, dl_post, &d);
	vec_free(&d.loops);
	vec_free(&d.labels);
}

/* A file kept in a field (the field model, ../fields.h) that no function
 * of the package closes.  A process-lifetime owner (a log file of a
 * singleton) is silent. */
static void unclosed_field(struct lint_ctx *cx, const struct lint_field *fl)
{
	const struct lint_fsite *set = &fl->site[LINT_FOP_SET_FRESH];
	struct finding *fd;

	fd = lint_report(cx, set->file, set->at, REPORT_SEV_WARNING,
		"close the file in the type's Close method (and call that when "
		"the value is done)",
		"the file stored in field '%s' of %s is never closed by any "
		"method or function of the package: its descriptor stays open "
		"until a finalizer happens to run", fl->name, fl->owner->name);
	lint_fields_related(cx, fd, fl, "close");
}

void lint_rule_file_not_closed(struct lint_ctx *cx)
{
	lint_foreach_func(cx, check_func, NULL);
	lint_fields_unreleased(cx, LINT_FK_FILE, LINT_FOP(LINT_FOP_CLOSE),
			       unclosed_field);
}
