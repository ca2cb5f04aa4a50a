/*
 * httpclient: calls that return a response to close (httpclient.h).
 */
#include "httpclient.h"

#include <string.h>


/* The declaring node of a local variable: we search fn for the statement
 * declaring it to learn its type or initial value. */
struct find_decl {
	const struct go_ident *var;
	struct go_node *type, *value;
	int found;
};

static int find_decl_fn(struct go_node *n, void *ctx)
{
	struct find_decl *fd = ctx;

	if (fd->found)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++)
			if (a->lhs.v[i] == (struct go_node *)fd->var) {
				fd->found = 1;
				if (a->lhs.n == a->rhs.n)
					fd->value = a->rhs.v[i];
				else if (i == 0 && a->rhs.n == 1)
					fd->value = a->rhs.v[0];   /* v, err := f() */
			}
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n; i++)
			if (vs->names.v[i] == (struct go_node *)fd->var) {
				fd->found = 1;
				fd->type = vs->type;
				if (vs->names.n == vs->values.n)
					fd->value = vs->values.v[i];
			}
	} else if (n->kind == GO_FIELD) {
		struct go_field *f = GO_CAST(go_field, n);

		for (uint32_t i = 0; i < f->names.n; i++)
			if (f->names.v[i] == (struct go_node *)fd->var) {
				fd->found = 1;
				fd->type = f->type;
			}
	}
	return 1;
}

/* Does type expression t name http.T or *http.T? */
static int is_http_type(const struct go_node *t, const char *name)
{
	t = go_unparen(t);
	if (t && t->kind == GO_STAR_EXPR)
		t = go_unparen(GO_CAST(go_star_expr, t)->x);
	return t && go_is_pkg_member(t, "net/http", name);
}

/* Is value expression v certainly an http.T (or pointer to one)? */
static int is_http_value(const struct go_node *v, const char *name)
{
	v = go_unparen(v);
	if (!v)
		return 0;
	if (v->kind == GO_UNARY_EXPR && GO_CAST(go_unary_expr, v)->op == GO_TOK_AND)
		v = go_unparen(GO_CAST(go_unary_expr, v)->x);
	if (v->kind == GO_COMPOSITE_LIT) {
		struct go_composite_lit *cl = GO_CAST(go_composite_lit, v);

		/* with a Transport of its own too: whatever answers, the
		 * caller must close the body (net/http's Client contract) */
		return is_http_type(cl->type, name);
	}
	if (v->kind == GO_CALL_EXPR) {
		struct go_call_expr *c = GO_CAST(go_call_expr, v);
		struct go_node *f = go_unparen(c->fun);

		if (go_is_universe(f, "new") && c->args.n == 1)
			return is_http_type(c->args.v[0], name);
	}
	return 0;
}

/* Call fn on every type declared in the package, until it returns
 * nonzero; returns that value, or 0. */
static int each_type_spec(const struct go_package *pkg,
			  int (*fn)(const struct go_type_spec *, void *),
			  void *arg)
{
	for (size_t i = 0; pkg && i < pkg->nfiles; i++) {
		const struct go_file *f = pkg->files[i];

		for (uint32_t d = 0; d < f->decls.n; d++) {
			const struct go_gen_decl *g;

			if (f->decls.v[d]->kind != GO_GEN_DECL)
				continue;
			g = GO_CAST(go_gen_decl, f->decls.v[d]);
			if (g->tok != GO_TOK_TYPE)
				continue;
			for (uint32_t k = 0; k < g->specs.n; k++) {
				int r = fn(GO_CAST(go_type_spec, g->specs.v[k]), arg);

				if (r)
					return r;
			}
		}
	}
	return 0;
}

/* The declared type of field `name` of st, or NULL (not there, embedded). */
static const struct go_node *struct_field(const struct go_struct_type *st,
					  const char *name)
{
	for (uint32_t m = 0; st->fields && m < st->fields->list.n; m++) {
		const struct go_field *fl = GO_CAST(go_field, st->fields->list.v[m]);

		for (uint32_t n = 0; n < fl->names.n; n++)
			if (!strcmp(GO_CAST(go_ident, fl->names.v[n])->name, name))
				return fl->type;
	}
	return NULL;
}

/* Does st embed http.T or *http.T (so its methods are promoted)? */
static int embeds_http(const struct go_struct_type *st, const char *name)
{
	for (uint32_t m = 0; st->fields && m < st->fields->list.n; m++) {
		const struct go_field *fl = GO_CAST(go_field, st->fields->list.v[m]);

		if (!fl->names.n && is_http_type(fl->type, name))
			return 1;
	}
	return 0;
}

struct field_scan {
	const char *field, *name;
	int seen;
};

static int field_scan_fn(const struct go_type_spec *ts, void *arg)
{
	struct field_scan *fs = arg;
	const struct go_node *t;

	if (!ts->type || ts->type->kind != GO_STRUCT_TYPE)
		return 0;
	t = struct_field(GO_CAST(go_struct_type, ts->type), fs->field);
	if (!t)
		return 0;
	if (!is_http_type(t, fs->name))
		return -1;
	fs->seen++;
	return 0;
}

/* Every field named `field` in the package's struct types has type
 * http.T or *http.T (and there is at least one). */
static int field_is_http(const struct go_package *pkg, const char *field,
			 const char *name)
{
	struct field_scan fs = { field, name, 0 };

	return each_type_spec(pkg, field_scan_fn, &fs) == 0 && fs.seen > 0;
}

struct named_scan {
	const void *decl;   /* the declaring identifier */
	const struct go_struct_type *st;
};

static int named_scan_fn(const struct go_type_spec *ts, void *arg)
{
	struct named_scan *ns = arg;

	if ((const void *)ts->name != ns->decl)
		return 0;
	ns->st = ts->type && ts->type->kind == GO_STRUCT_TYPE
		 ? GO_CAST(go_struct_type, ts->type) : NULL;
	return 1;
}

/* The struct type named by a type expression (T, *T, p.T is not ours),
 * declared in the package; NULL otherwise. */
static const struct go_struct_type *pkg_struct(const struct go_package *pkg,
					       const struct go_node *t)
{
	struct named_scan ns = { NULL, NULL };

	t = go_unparen(t);
	if (t && t->kind == GO_STAR_EXPR)
		t = go_unparen(GO_CAST(go_star_expr, t)->x);
	/* the package's own type, not a local one of the same name */
	if (!t || t->kind != GO_IDENT ||
	    GO_CAST(go_ident, t)->decl_kind != GO_DECL_PACKAGE ||
	    !GO_CAST(go_ident, t)->decl)
		return NULL;
	ns.decl = GO_CAST(go_ident, t)->decl;
	each_type_spec(pkg, named_scan_fn, &ns);
	return ns.st;
}

/* The only result type of the package-level function the call calls. */
static const struct go_node *call_result_type(const struct go_package *pkg,
					      const struct go_node *v)
{
	const struct go_node *f;

	v = go_unparen(v);
	if (!v || v->kind != GO_CALL_EXPR || !pkg)
		return NULL;
	f = go_unparen(GO_CAST(go_call_expr, v)->fun);
	/* a package-level function, not a local closure of the same name */
	if (!f || f->kind != GO_IDENT ||
	    GO_CAST(go_ident, f)->decl_kind != GO_DECL_PACKAGE ||
	    !GO_CAST(go_ident, f)->decl)
		return NULL;
	for (size_t i = 0; i < pkg->nfiles; i++) {
		const struct go_file *fl = pkg->files[i];

		for (uint32_t d = 0; d < fl->decls.n; d++) {
			const struct go_func_decl *fd;
			const struct go_field_list *r;

			if (fl->decls.v[d]->kind != GO_FUNC_DECL)
				continue;
			fd = GO_CAST(go_func_decl, fl->decls.v[d]);
			if (fd->recv || (const void *)fd->name != GO_CAST(go_ident, f)->decl)
				continue;
			r = fd->type ? fd->type->results : NULL;
			if (!r || r->list.n != 1 ||
			    GO_CAST(go_field, r->list.v[0])->names.n > 1)
				return NULL;
			return GO_CAST(go_field, r->list.v[0])->type;
		}
	}
	return NULL;
}

/* Find the declaration of local variable var (a parameter, the receiver,
 * a local of fn, or of a function around the closure fn): its type or
 * initial value in *fd.  0 when not found. */
static int find_var_decl(const struct lint_func *fn, const struct go_ident *var,
			 struct find_decl *fd)
{
	memset(fd, 0, sizeof(*fd));
	fd->var = var;
	if (!var)
		return 0;
	if (fn->type)
		go_ast_inspect((struct go_node *)fn->type, find_decl_fn, NULL, fd);
	if (!fd->found && fn->decl && fn->decl->recv)
		go_ast_inspect((struct go_node *)fn->decl->recv, find_decl_fn,
			       NULL, fd);
	if (!fd->found && fn->body)
		go_ast_inspect((struct go_node *)fn->body, find_decl_fn, NULL, fd);
	if (!fd->found && fn->lit && fn->file)
		go_ast_inspect((struct go_node *)fn->file, find_decl_fn, NULL, fd);
	return fd->found;
}

/* The struct type of local variable (or parameter, or receiver) v when it
 * is declared with it, built as T{...} / &T{...}, or returned by a
 * package function whose only result is T or *T. */
static const struct go_struct_type *var_struct(const struct go_package *pkg,
					       const struct lint_func *fn,
					       const struct go_node *v)
{
	struct find_decl fd;
	const struct go_node *val;

	if (!find_var_decl(fn, go_local_var(v), &fd))
		return NULL;
	if (fd.type)
		return pkg_struct(pkg, fd.type);
	val = go_unparen(fd.value);
	if (val && val->kind == GO_UNARY_EXPR &&
	    GO_CAST(go_unary_expr, val)->op == GO_TOK_AND)
		val = go_unparen(GO_CAST(go_unary_expr, val)->x);
	if (val && val->kind == GO_COMPOSITE_LIT)
		return pkg_struct(pkg, GO_CAST(go_composite_lit, val)->type);
	return pkg_struct(pkg, call_result_type(pkg, val));
}

static int receiver_is(const struct go_package *pkg, const struct lint_func *fn,
		       const struct go_node *x, const char *name)
{
	struct go_ident *var;
	struct find_decl fd;

	x = go_unparen(x);
	if (!strcmp(name, "Client") && go_is_pkg_member(x, "net/http",
							"DefaultClient"))
		return 1;
	if (!strcmp(name, "Transport") && go_is_pkg_member(x, "net/http",
							   "DefaultTransport"))
		return 1;
	/* s.client.Do(req): the field's declared type when s's struct type
	 * is known; else a field that is an *http.Client in every struct of
	 * the package that has a field of that name */
	if (x && x->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, x);
		const struct go_struct_type *st = var_struct(pkg, fn, se->x);
		const struct go_node *ft = st ? struct_field(st, se->sel->name) : NULL;

		if (ft)
			return is_http_type(ft, name);
		/* h.Client.Do(req): the embedded field is named Client */
		if (st && !strcmp(se->sel->name, name) && embeds_http(st, name))
			return 1;
		return field_is_http(pkg, se->sel->name, name);
	}
	/* newClient().Do(req) */
	if (x && x->kind == GO_CALL_EXPR)
		return is_http_type(call_result_type(pkg, x), name);
	var = go_local_var(x);
	if (!find_var_decl(fn, var, &fd))
		return 0;
	if (fd.type)
		return is_http_type(fd.type, name);
	/* c := newClient() */
	return is_http_value(fd.value, name) ||
		is_http_type(call_result_type(pkg, fd.value), name);
}

/* h.Do(req) with h a value of a package struct that embeds *http.Client */
static int embedded_client(const struct go_package *pkg,
			   const struct lint_func *fn, const struct go_node *x)
{
	const struct go_struct_type *st = var_struct(pkg, fn, x);

	return st && embeds_http(st, "Client");
}

/* ---- package wrappers returning a response ---- */

struct closes_scan { int yes; };

static int closes_fn(struct go_node *n, void *ctx)
{
	struct closes_scan *cs = ctx;
	struct go_node *x, *y;

	if (cs->yes)
		return 0;
	if (n->kind != GO_CALL_EXPR)
		return 1;
	if (go_is_selector(GO_CAST(go_call_expr, n)->fun, "Close", &x) &&
	    go_is_selector(x, "Body", &y))
		cs->yes = 1;
	/* io.ReadAll(r.Body): it returns the data, the response is for its
	 * status and headers (net/http's getBody test helper) */
	if ((go_is_pkg_member(GO_CAST(go_call_expr, n)->fun, "io", "ReadAll") ||
	     go_is_pkg_member(GO_CAST(go_call_expr, n)->fun, "io/ioutil", "ReadAll")) &&
	    GO_CAST(go_call_expr, n)->args.n == 1 &&
	    go_is_selector(GO_CAST(go_call_expr, n)->args.v[0], "Body", &y))
		cs->yes = 1;
	return !cs->yes;
}

static int response_call(const struct go_package *pkg,
			 const struct lint_func *fn,
			 const struct go_call_expr *c, int depth);

/* Does the body of fd make a response itself (a client's Do, a RoundTrip,
 * another wrapper)?  A stub or a cache that answers from memory does not. */
struct wraps_scan {
	const struct go_package *pkg;
	struct lint_func fn;
	int depth;
	int yes;
};

static int wraps_fn(struct go_node *n, void *ctx)
{
	struct wraps_scan *ws = ctx;

	if (ws->yes)
		return 0;
	if (n->kind == GO_CALL_EXPR &&
	    response_call(ws->pkg, &ws->fn, GO_CAST(go_call_expr, n), ws->depth + 1))
		ws->yes = 1;
	return !ws->yes;
}

/* Function declaration fd (in file f) returns an *http.Response first,
 * gets it from a client, and neither closes nor reads a body itself (a
 * wrapper that drains and closes it, or returns what it read, hands the
 * response back for its status and headers). */
static int returns_response(const struct go_package *pkg,
			    const struct go_file *f,
			    const struct go_func_decl *fd, int depth)
{
	struct wraps_scan ws;

	const struct go_field_list *r = fd->type ? fd->type->results : NULL;
	struct closes_scan cs = { 0 };

	if (!r || !r->list.n || !fd->body ||
	    !is_http_type(GO_CAST(go_field, r->list.v[0])->type, "Response"))
		return 0;
	{
		const struct go_node *t = go_unparen(GO_CAST(go_field, r->list.v[0])->type);

		if (!t || t->kind != GO_STAR_EXPR)
			return 0;
	}
	go_ast_inspect((struct go_node *)fd->body, closes_fn, NULL, &cs);
	if (cs.yes || depth > 2)
		return 0;
	memset(&ws, 0, sizeof(ws));
	ws.pkg = pkg;
	ws.fn.file = f;
	ws.fn.decl = (struct go_func_decl *)fd;
	ws.fn.type = fd->type;
	ws.fn.body = fd->body;
	ws.depth = depth;
	go_ast_inspect((struct go_node *)fd->body, wraps_fn, NULL, &ws);
	return ws.yes;
}

/* The call is of a package function, or of a method name every method of
 * which in the package (at least one) returns a response to close. */
static int wrapper_call(const struct go_package *pkg, const struct go_call_expr *c,
			int depth)
{
	const struct go_node *f = go_unparen(c->fun);
	const char *method = NULL;
	const void *decl = NULL;
	int seen = 0;

	if (!pkg || !f)
		return 0;
	if (f->kind == GO_IDENT && GO_CAST(go_ident, f)->decl_kind == GO_DECL_PACKAGE)
		decl = GO_CAST(go_ident, f)->decl;
	else if (f->kind == GO_SELECTOR_EXPR) {
		const struct go_node *x = go_unparen(GO_CAST(go_selector_expr, f)->x);

		if (x && x->kind == GO_IDENT &&
		    GO_CAST(go_ident, x)->decl_kind == GO_DECL_IMPORT)
			return 0;
		method = GO_CAST(go_selector_expr, f)->sel->name;
	}
	if (!decl && !method)
		return 0;
	for (size_t i = 0; i < pkg->nfiles; i++) {
		const struct go_file *fl = pkg->files[i];

		for (uint32_t d = 0; d < fl->decls.n; d++) {
			const struct go_func_decl *fd;

			if (fl->decls.v[d]->kind != GO_FUNC_DECL)
				continue;
			fd = GO_CAST(go_func_decl, fl->decls.v[d]);
			if (!fd->name)
				continue;
			if (decl) {
				if (!fd->recv && (const void *)fd->name == decl)
					return returns_response(pkg, fl, fd, depth);
				continue;
			}
			if (!fd->recv || strcmp(fd->name->name, method))
				continue;
			if (!returns_response(pkg, fl, fd, depth))
				return 0;
			seen++;
		}
	}
	return seen > 0;
}

static const char *const client_methods[] = {
	"Do", "Get", "Post", "PostForm", NULL
};

/* Is req a local built by http.NewRequest[WithContext]("HEAD", ...)? */
static int is_head_request(const struct lint_func *fn, const struct go_node *req)
{
	struct find_decl fd;
	const struct go_call_expr *c;
	const struct go_node *m;

	memset(&fd, 0, sizeof(fd));
	fd.var = go_local_var(req);
	if (!fd.var || !fn->body)
		return 0;
	go_ast_inspect((struct go_node *)fn->body, find_decl_fn, NULL, &fd);
	if (!fd.value || go_unparen(fd.value)->kind != GO_CALL_EXPR)
		return 0;
	c = GO_CAST(go_call_expr, go_unparen(fd.value));
	if (go_is_pkg_member(c->fun, "net/http", "NewRequest") && c->args.n >= 1)
		m = go_unparen(c->args.v[0]);
	else if (go_is_pkg_member(c->fun, "net/http", "NewRequestWithContext") &&
		 c->args.n >= 2)
		m = go_unparen(c->args.v[1]);
	else
		return 0;
	if (m->kind == GO_BASIC_LIT)
		return !strcmp(GO_CAST(go_basic_lit, m)->value, "\"HEAD\"");
	return go_is_pkg_member(m, "net/http", "MethodHead");
}

static int response_call(const struct go_package *pkg,
			 const struct lint_func *fn,
			 const struct go_call_expr *c, int depth)
{
	struct go_node *x;

	if (go_is_selector(c->fun, "Do", &x) && c->args.n == 1 && fn &&
	    is_head_request(fn, c->args.v[0]))
		return 0;
	for (const char *const *m = client_methods; *m; m++)
		if (go_is_selector(c->fun, *m, &x) &&
		    (fn ? receiver_is(pkg, fn, x, "Client") ||
			  embedded_client(pkg, fn, x) :
		     go_is_pkg_member(x, "net/http", "DefaultClient")))
			return 1;
	/* RoundTrip(req) on any RoundTripper: the response is the caller's */
	if (go_is_selector(c->fun, "RoundTrip", &x) && c->args.n == 1 &&
	    (fn || go_is_pkg_member(x, "net/http", "DefaultTransport")))
		return 1;
	return fn && wrapper_call(pkg, c, depth);
}

int lint_http_response_call(const struct go_package *pkg,
			    const struct lint_func *fn,
			    const struct go_call_expr *c)
{
	return response_call(pkg, fn, c, 0);
}
