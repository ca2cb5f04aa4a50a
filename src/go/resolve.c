/*
 * resolve: scopes and identifier resolution for one package (see resolve.h).
 *
 * Design: one pass per file over the tree with an explicit scope stack, a
 * flat array of (name, declaring ident) entries plus marks where each block
 * starts.  Lookups scan backwards, which finds the innermost declaration
 * first -- exactly Go's shadowing -- and is fast because function scopes
 * are small.  Package-level names come from a hash map built from every
 * file first (a function may use a name declared in a sibling file), then
 * the file's imports, then the universe.
 */
#include "resolve.h"

#include "../base/vec.h"

#include <stdlib.h>
#include <string.h>

struct ent {
	const char *name;
	uint32_t len;
	uint16_t kind;
	struct go_ident *decl;
};

struct imp {
	const char *name;     /* local name */
	uint32_t len;
	struct go_import_spec *spec;
};

struct rs {
	struct go_package *pkg;
	VEC(struct ent) ents;
	VEC(size_t) marks;
	VEC(struct imp) imps;
	struct go_import_spec *dot;  /* the one dot import, if exactly one */
	int ndots;
};

static const char *const universe[] = {
	"any", "append", "bool", "byte", "cap", "clear", "close", "comparable",
	"complex", "complex128", "complex64", "copy", "delete", "error", "false",
	"float32", "float64", "imag", "int", "int16", "int32", "int64", "int8",
	"iota", "len", "make", "max", "min", "new", "nil", "panic", "print",
	"println", "real", "recover", "rune", "string", "true", "uint",
	"uint16", "uint32", "uint64", "uint8", "uintptr",
};

static int is_universe(const char *name)
{
	size_t lo = 0, hi = sizeof(universe) / sizeof(universe[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, universe[mid]);

		if (!c)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

struct go_node *go_unparen(const struct go_node *e)
{
	while (e && e->kind == GO_PAREN_EXPR)
		e = GO_CAST(go_paren_expr, e)->x;
	return (struct go_node *)e;
}

int go_is_selector(const struct go_node *n, const char *name, struct go_node **x)
{
	n = go_unparen(n);
	if (!n || n->kind != GO_SELECTOR_EXPR ||
	    strcmp(GO_CAST(go_selector_expr, n)->sel->name, name))
		return 0;
	if (x)
		*x = go_unparen(GO_CAST(go_selector_expr, n)->x);
	return 1;
}

struct go_node *go_comm_recv_operand(const struct go_node *comm)
{
	const struct go_node *x = NULL;

	if (!comm)
		return NULL;
	if (comm->kind == GO_EXPR_STMT)
		x = GO_CAST(go_expr_stmt, comm)->x;
	else if (comm->kind == GO_ASSIGN_STMT && GO_CAST(go_assign_stmt, comm)->rhs.n == 1)
		x = GO_CAST(go_assign_stmt, comm)->rhs.v[0];
	x = go_unparen(x);
	if (!x || x->kind != GO_UNARY_EXPR || GO_CAST(go_unary_expr, x)->op != GO_TOK_ARROW)
		return NULL;
	return GO_CAST(go_unary_expr, x)->x;
}

const char *go_import_path(const struct go_import_spec *spec, char *buf,
			   size_t n)
{
	const char *v = spec->path ? spec->path->value : "";
	size_t len = spec->path ? spec->path->len : 0;

	if (len >= 2 && (v[0] == '"' || v[0] == '`')) {
		v++;
		len -= 2;
	}
	if (len >= n)
		len = n - 1;
	memcpy(buf, v, len);
	buf[len] = '\0';
	return buf;
}

const char *go_import_canonical(const char *path)
{
	const char *v;

	/* vendor/x, a/vendor/x: the vendored copy is package x */
	if (!strncmp(path, "vendor/", 7))
		path += 7;
	while ((v = strstr(path, "/vendor/")) != NULL)
		path = v + 8;
	/* godep's rewritten imports (before vendor/ existed):
	 * a/Godeps/_workspace/src/x is package x */
	while ((v = strstr(path, "/Godeps/_workspace/src/")) != NULL)
		path = v + 23;
	/* the pre-1.7 home of context: its names are aliases of context's */
	if (!strcmp(path, "golang.org/x/net/context"))
		return "context";
	return path;
}

/* The name a package is known by when imported without an alias: the last
 * path element, skipping a major-version element (math/rand/v2 -> rand)
 * and a ".vN" suffix (gopkg.in/yaml.v3 -> yaml). */
static void default_name(struct arena *a, const struct go_import_spec *spec,
			 const char **out, uint32_t *outlen)
{
	char buf[512];
	const char *p = go_import_path(spec, buf, sizeof(buf));
	size_t len = strlen(p), start, end = len;
	const char *slash;

	slash = memrchr(p, '/', end);
	start = slash ? (size_t)(slash - p) + 1 : 0;
	if (slash && end - start >= 2 && p[start] == 'v' &&
	    strspn(p + start + 1, "0123456789") == end - start - 1) {
		end = (size_t)(slash - p);
		slash = memrchr(p, '/', end);
		start = slash ? (size_t)(slash - p) + 1 : 0;
	}
	{
		const char *dot = memchr(p + start, '.', end - start);

		if (dot && dot[1] == 'v')
			end = (size_t)(dot - p);
	}
	*out = arena_strndup(a, p + start, end - start);
	*outlen = (uint32_t)(end - start);
}

static void push_scope(struct rs *r)
{
	vec_push(&r->marks, r->ents.len);
}

static void pop_scope(struct rs *r)
{
	r->ents.len = r->marks.items[--r->marks.len];
}

static void declare(struct rs *r, struct go_ident *id, enum go_decl_kind k)
{
	struct ent e;

	if (!id || id->node.kind != GO_IDENT)
		return;
	id->decl_kind = (uint16_t)k;
	id->decl = id;
	id->decl_flags |= GO_RESOLVE_DEF;
	if (id->len == 1 && id->name[0] == '_')
		return;
	e.name = id->name;
	e.len = id->len;
	e.kind = (uint16_t)k;
	e.decl = id;
	vec_push(&r->ents, e);
}

/* The declaration of name in the innermost scope only, or NULL. */
static struct ent *lookup_current(struct rs *r, const struct go_ident *id)
{
	size_t lo = r->marks.len ? r->marks.items[r->marks.len - 1] : 0;
	size_t i;

	for (i = r->ents.len; i > lo; i--) {
		struct ent *e = &r->ents.items[i - 1];

		if (e->len == id->len && !memcmp(e->name, id->name, id->len))
			return e;
	}
	return NULL;
}

static void use(struct rs *r, struct go_ident *id)
{
	size_t i;
	struct go_ident *pd;

	if (!id || id->node.kind != GO_IDENT)
		return;
	if (id->len == 1 && id->name[0] == '_')
		return;
	for (i = r->ents.len; i > 0; i--) {
		struct ent *e = &r->ents.items[i - 1];

		if (e->len == id->len && !memcmp(e->name, id->name, id->len)) {
			id->decl_kind = e->kind;
			id->decl = e->decl;
			return;
		}
	}
	pd = map_get(&r->pkg->names, id->name, id->len);
	if (pd) {
		id->decl_kind = GO_DECL_PACKAGE;
		id->decl = pd;
		return;
	}
	for (i = 0; i < r->imps.len; i++) {
		struct imp *m = &r->imps.items[i];

		if (m->len == id->len && !memcmp(m->name, id->name, id->len)) {
			id->decl_kind = GO_DECL_IMPORT;
			id->decl = m->spec;
			return;
		}
	}
	if (is_universe(id->name)) {
		id->decl_kind = GO_DECL_UNIVERSE;
		id->decl = NULL;
		return;
	}
	if (r->ndots == 1) {
		id->decl_kind = GO_DECL_IMPORT;
		id->decl = r->dot;
		id->decl_flags |= GO_RESOLVE_DOT;
	}
}

static void expr(struct rs *r, struct go_node *n);
static void stmt(struct rs *r, struct go_node *n);
static void stmts(struct rs *r, const struct go_list *l);

static void exprs(struct rs *r, const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		expr(r, l->v[i]);
}

/* Resolve the types of a field list; declare the names as kind k when k
 * is not GO_DECL_NONE (parameters), leave them alone otherwise (struct
 * fields, interface methods). */
static void fields(struct rs *r, struct go_field_list *fl, enum go_decl_kind k)
{
	if (!fl)
		return;
	for (uint32_t i = 0; i < fl->list.n; i++) {
		struct go_field *f = GO_CAST(go_field, fl->list.v[i]);

		expr(r, f->type);
	}
	if (k == GO_DECL_NONE)
		return;
	for (uint32_t i = 0; i < fl->list.n; i++) {
		struct go_field *f = GO_CAST(go_field, fl->list.v[i]);

		for (uint32_t j = 0; j < f->names.n; j++)
			declare(r, GO_CAST(go_ident, f->names.v[j]), k);
	}
}

/* Type parameters: declared first (constraints may refer to them). */
static void type_params(struct rs *r, struct go_field_list *fl)
{
	if (!fl)
		return;
	for (uint32_t i = 0; i < fl->list.n; i++) {
		struct go_field *f = GO_CAST(go_field, fl->list.v[i]);

		for (uint32_t j = 0; j < f->names.n; j++)
			declare(r, GO_CAST(go_ident, f->names.v[j]),
				GO_DECL_LOCAL);
	}
	for (uint32_t i = 0; i < fl->list.n; i++)
		expr(r, GO_CAST(go_field, fl->list.v[i])->type);
}

/* A function's signature and body in one new scope. */
static void func(struct rs *r, struct go_field_list *recv,
		 struct go_func_type *ft, struct go_block_stmt *body)
{
	push_scope(r);
	if (recv) {
		/* receiver type parameters: func (l *List[T]) ... */
		for (uint32_t i = 0; i < recv->list.n; i++) {
			struct go_node *t = go_unparen(
				GO_CAST(go_field, recv->list.v[i])->type);

			if (t && t->kind == GO_STAR_EXPR)
				t = go_unparen(GO_CAST(go_star_expr, t)->x);
			if (t && t->kind == GO_INDEX_EXPR) {
				declare(r, GO_CAST(go_ident,
					GO_CAST(go_index_expr, t)->index),
					GO_DECL_LOCAL);
			} else if (t && t->kind == GO_INDEX_LIST_EXPR) {
				struct go_index_list_expr *il =
					GO_CAST(go_index_list_expr, t);

				for (uint32_t j = 0; j < il->indices.n; j++)
					declare(r, GO_CAST(go_ident,
						il->indices.v[j]), GO_DECL_LOCAL);
			}
		}
		for (uint32_t i = 0; i < recv->list.n; i++) {
			struct go_node *t = go_unparen(
				GO_CAST(go_field, recv->list.v[i])->type);

			if (t && t->kind == GO_STAR_EXPR)
				t = go_unparen(GO_CAST(go_star_expr, t)->x);
			if (t && t->kind == GO_INDEX_EXPR)
				t = GO_CAST(go_index_expr, t)->x;
			else if (t && t->kind == GO_INDEX_LIST_EXPR)
				t = GO_CAST(go_index_list_expr, t)->x;
			expr(r, t);
		}
		for (uint32_t i = 0; i < recv->list.n; i++) {
			struct go_field *f = GO_CAST(go_field, recv->list.v[i]);

			for (uint32_t j = 0; j < f->names.n; j++)
				declare(r, GO_CAST(go_ident, f->names.v[j]),
					GO_DECL_PARAM);
		}
	}
	if (ft) {
		type_params(r, ft->type_params);
		fields(r, ft->params, GO_DECL_PARAM);
		fields(r, ft->results, GO_DECL_PARAM);
	}
	if (body)
		stmts(r, &body->list);
	pop_scope(r);
}

static void expr(struct rs *r, struct go_node *n)
{
	if (!n)
		return;
	switch ((enum go_kind)n->kind) {
	case GO_IDENT:
		use(r, GO_CAST(go_ident, n));
		break;
	case GO_ELLIPSIS:
		expr(r, GO_CAST(go_ellipsis, n)->elt);
		break;
	case GO_FUNC_LIT:
		func(r, NULL, GO_CAST(go_func_lit, n)->type,
		     GO_CAST(go_func_lit, n)->body);
		break;
	case GO_COMPOSITE_LIT: {
		struct go_composite_lit *c = GO_CAST(go_composite_lit, n);

		expr(r, c->type);
		for (uint32_t i = 0; i < c->elts.n; i++) {
			struct go_node *e = c->elts.v[i];

			if (e->kind == GO_KEY_VALUE_EXPR) {
				struct go_key_value_expr *kv =
					GO_CAST(go_key_value_expr, e);

				/* a key that is a bare name is a struct field
				 * unless it resolves to something in scope
				 * (map keys); like go/parser, leave it
				 * unresolved when nothing matches */
				expr(r, kv->key);
				expr(r, kv->value);
			} else {
				expr(r, e);
			}
		}
		break;
	}
	case GO_PAREN_EXPR:
		expr(r, GO_CAST(go_paren_expr, n)->x);
		break;
	case GO_SELECTOR_EXPR:
		expr(r, GO_CAST(go_selector_expr, n)->x);
		break;
	case GO_INDEX_EXPR:
		expr(r, GO_CAST(go_index_expr, n)->x);
		expr(r, GO_CAST(go_index_expr, n)->index);
		break;
	case GO_INDEX_LIST_EXPR:
		expr(r, GO_CAST(go_index_list_expr, n)->x);
		exprs(r, &GO_CAST(go_index_list_expr, n)->indices);
		break;
	case GO_SLICE_EXPR: {
		struct go_slice_expr *s = GO_CAST(go_slice_expr, n);

		expr(r, s->x);
		expr(r, s->low);
		expr(r, s->high);
		expr(r, s->max);
		break;
	}
	case GO_TYPE_ASSERT_EXPR:
		expr(r, GO_CAST(go_type_assert_expr, n)->x);
		expr(r, GO_CAST(go_type_assert_expr, n)->type);
		break;
	case GO_CALL_EXPR:
		expr(r, GO_CAST(go_call_expr, n)->fun);
		exprs(r, &GO_CAST(go_call_expr, n)->args);
		break;
	case GO_STAR_EXPR:
		expr(r, GO_CAST(go_star_expr, n)->x);
		break;
	case GO_UNARY_EXPR:
		expr(r, GO_CAST(go_unary_expr, n)->x);
		break;
	case GO_BINARY_EXPR:
		expr(r, GO_CAST(go_binary_expr, n)->x);
		expr(r, GO_CAST(go_binary_expr, n)->y);
		break;
	case GO_KEY_VALUE_EXPR:
		expr(r, GO_CAST(go_key_value_expr, n)->key);
		expr(r, GO_CAST(go_key_value_expr, n)->value);
		break;
	case GO_ARRAY_TYPE:
		expr(r, GO_CAST(go_array_type, n)->len);
		expr(r, GO_CAST(go_array_type, n)->elt);
		break;
	case GO_STRUCT_TYPE:
		fields(r, GO_CAST(go_struct_type, n)->fields, GO_DECL_NONE);
		break;
	case GO_FUNC_TYPE: {
		/* a function type in type position: parameter names declare
		 * nothing visible, but type parameters scope over it */
		struct go_func_type *ft = GO_CAST(go_func_type, n);

		push_scope(r);
		type_params(r, ft->type_params);
		fields(r, ft->params, GO_DECL_NONE);
		fields(r, ft->results, GO_DECL_NONE);
		pop_scope(r);
		break;
	}
	case GO_INTERFACE_TYPE:
		fields(r, GO_CAST(go_interface_type, n)->methods, GO_DECL_NONE);
		break;
	case GO_MAP_TYPE:
		expr(r, GO_CAST(go_map_type, n)->key);
		expr(r, GO_CAST(go_map_type, n)->value);
		break;
	case GO_CHAN_TYPE:
		expr(r, GO_CAST(go_chan_type, n)->value);
		break;
	default:
		break;
	}
}

static void value_spec(struct rs *r, struct go_value_spec *vs)
{
	expr(r, vs->type);
	exprs(r, &vs->values);
	for (uint32_t i = 0; i < vs->names.n; i++)
		declare(r, GO_CAST(go_ident, vs->names.v[i]), GO_DECL_LOCAL);
}

static void type_spec(struct rs *r, struct go_type_spec *ts, int local)
{
	if (local)
		declare(r, ts->name, GO_DECL_LOCAL);
	push_scope(r);
	type_params(r, ts->type_params);
	expr(r, ts->type);
	pop_scope(r);
}

static void gen_decl_local(struct rs *r, struct go_gen_decl *g)
{
	for (uint32_t i = 0; i < g->specs.n; i++) {
		struct go_node *s = g->specs.v[i];

		if (s->kind == GO_VALUE_SPEC)
			value_spec(r, GO_CAST(go_value_spec, s));
		else if (s->kind == GO_TYPE_SPEC)
			type_spec(r, GO_CAST(go_type_spec, s), 1);
	}
}

/* lhs of := : redeclared names keep their declaration, new ones are
 * declared here.  rhs is resolved first by the caller. */
static void define(struct rs *r, const struct go_list *lhs)
{
	for (uint32_t i = 0; i < lhs->n; i++) {
		struct go_node *e = lhs->v[i];
		struct go_ident *id;
		struct ent *old;

		if (e->kind != GO_IDENT) {
			expr(r, e);
			continue;
		}
		id = GO_CAST(go_ident, e);
		old = lookup_current(r, id);
		if (old) {
			id->decl_kind = old->kind;
			id->decl = old->decl;
		} else {
			declare(r, id, GO_DECL_LOCAL);
		}
	}
}

static void stmts(struct rs *r, const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		stmt(r, l->v[i]);
}

static void block(struct rs *r, struct go_block_stmt *b)
{
	if (!b)
		return;
	push_scope(r);
	stmts(r, &b->list);
	pop_scope(r);
}

static void stmt(struct rs *r, struct go_node *n)
{
	if (!n)
		return;
	switch ((enum go_kind)n->kind) {
	case GO_DECL_STMT: {
		struct go_node *d = GO_CAST(go_decl_stmt, n)->decl;

		if (d && d->kind == GO_GEN_DECL)
			gen_decl_local(r, GO_CAST(go_gen_decl, d));
		break;
	}
	case GO_LABELED_STMT: {
		struct go_labeled_stmt *s = GO_CAST(go_labeled_stmt, n);

		if (s->label) {
			s->label->decl_kind = GO_DECL_LABEL;
			s->label->decl = s->label;
		}
		stmt(r, s->stmt);
		break;
	}
	case GO_EXPR_STMT:
		expr(r, GO_CAST(go_expr_stmt, n)->x);
		break;
	case GO_SEND_STMT:
		expr(r, GO_CAST(go_send_stmt, n)->chan);
		expr(r, GO_CAST(go_send_stmt, n)->value);
		break;
	case GO_INC_DEC_STMT:
		expr(r, GO_CAST(go_inc_dec_stmt, n)->x);
		break;
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *s = GO_CAST(go_assign_stmt, n);

		exprs(r, &s->rhs);
		if (s->tok == GO_TOK_DEFINE)
			define(r, &s->lhs);
		else
			exprs(r, &s->lhs);
		break;
	}
	case GO_GO_STMT:
		expr(r, GO_CAST(go_go_stmt, n)->call);
		break;
	case GO_DEFER_STMT:
		expr(r, GO_CAST(go_defer_stmt, n)->call);
		break;
	case GO_RETURN_STMT:
		exprs(r, &GO_CAST(go_return_stmt, n)->results);
		break;
	case GO_BRANCH_STMT: {
		struct go_branch_stmt *s = GO_CAST(go_branch_stmt, n);

		if (s->label)
			s->label->decl_kind = GO_DECL_LABEL;
		break;
	}
	case GO_BLOCK_STMT:
		block(r, GO_CAST(go_block_stmt, n));
		break;
	case GO_IF_STMT: {
		struct go_if_stmt *s = GO_CAST(go_if_stmt, n);

		push_scope(r);
		stmt(r, s->init);
		expr(r, s->cond);
		block(r, s->body);
		stmt(r, s->els);
		pop_scope(r);
		break;
	}
	case GO_SWITCH_STMT: {
		struct go_switch_stmt *s = GO_CAST(go_switch_stmt, n);

		push_scope(r);
		stmt(r, s->init);
		expr(r, s->tag);
		if (s->body)
			for (uint32_t i = 0; i < s->body->list.n; i++) {
				struct go_case_clause *c = GO_CAST(
					go_case_clause, s->body->list.v[i]);

				exprs(r, &c->list);
				push_scope(r);
				stmts(r, &c->body);
				pop_scope(r);
			}
		pop_scope(r);
		break;
	}
	case GO_TYPE_SWITCH_STMT: {
		struct go_type_switch_stmt *s = GO_CAST(go_type_switch_stmt, n);
		struct go_ident *bound = NULL;

		push_scope(r);
		stmt(r, s->init);
		if (s->assign && s->assign->kind == GO_ASSIGN_STMT) {
			struct go_assign_stmt *a = GO_CAST(go_assign_stmt,
							   s->assign);

			exprs(r, &a->rhs);
			if (a->lhs.n == 1 && a->lhs.v[0]->kind == GO_IDENT) {
				bound = GO_CAST(go_ident, a->lhs.v[0]);
				bound->decl_kind = GO_DECL_LOCAL;
				bound->decl = bound;
				bound->decl_flags |= GO_RESOLVE_DEF;
			}
		} else {
			stmt(r, s->assign);
		}
		if (s->body)
			for (uint32_t i = 0; i < s->body->list.n; i++) {
				struct go_case_clause *c = GO_CAST(
					go_case_clause, s->body->list.v[i]);

				exprs(r, &c->list);
				push_scope(r);
				if (bound && !(bound->len == 1 &&
					       bound->name[0] == '_')) {
					struct ent e = { bound->name, bound->len,
							 GO_DECL_LOCAL, bound };
					vec_push(&r->ents, e);
				}
				stmts(r, &c->body);
				pop_scope(r);
			}
		pop_scope(r);
		break;
	}
	case GO_SELECT_STMT: {
		struct go_select_stmt *s = GO_CAST(go_select_stmt, n);

		if (s->body)
			for (uint32_t i = 0; i < s->body->list.n; i++) {
				struct go_comm_clause *c = GO_CAST(
					go_comm_clause, s->body->list.v[i]);

				push_scope(r);
				stmt(r, c->comm);
				stmts(r, &c->body);
				pop_scope(r);
			}
		break;
	}
	case GO_FOR_STMT: {
		struct go_for_stmt *s = GO_CAST(go_for_stmt, n);

		push_scope(r);
		stmt(r, s->init);
		expr(r, s->cond);
		stmt(r, s->post);
		block(r, s->body);
		pop_scope(r);
		break;
	}
	case GO_RANGE_STMT: {
		struct go_range_stmt *s = GO_CAST(go_range_stmt, n);

		expr(r, s->x);
		push_scope(r);
		if (s->tok == GO_TOK_DEFINE) {
			if (s->key && s->key->kind == GO_IDENT)
				declare(r, GO_CAST(go_ident, s->key),
					GO_DECL_LOCAL);
			if (s->value && s->value->kind == GO_IDENT)
				declare(r, GO_CAST(go_ident, s->value),
					GO_DECL_LOCAL);
		} else {
			expr(r, s->key);
			expr(r, s->value);
		}
		block(r, s->body);
		pop_scope(r);
		break;
	}
	default:
		break;
	}
}

static void pkg_declare(struct go_package *pkg, struct go_ident *id)
{
	if (!id || (id->len == 1 && id->name[0] == '_'))
		return;
	id->decl_kind = GO_DECL_PACKAGE;
	id->decl = id;
	id->decl_flags |= GO_RESOLVE_DEF;
	if (!strcmp(id->name, "init"))
		return;   /* init functions are not in any scope */
	if (!map_get(&pkg->names, id->name, id->len))
		map_put(&pkg->names, id->name, id->len, id);
}

static void collect_package(struct go_package *pkg, struct go_file *f)
{
	for (uint32_t i = 0; i < f->decls.n; i++) {
		struct go_node *d = f->decls.v[i];

		if (d->kind == GO_FUNC_DECL) {
			struct go_func_decl *fd = GO_CAST(go_func_decl, d);

			if (!fd->recv)
				pkg_declare(pkg, fd->name);
			else if (fd->name)
				fd->name->decl_flags |= GO_RESOLVE_DEF;
		} else if (d->kind == GO_GEN_DECL) {
			struct go_gen_decl *g = GO_CAST(go_gen_decl, d);

			for (uint32_t j = 0; j < g->specs.n; j++) {
				struct go_node *s = g->specs.v[j];

				if (s->kind == GO_VALUE_SPEC) {
					struct go_value_spec *vs =
						GO_CAST(go_value_spec, s);

					for (uint32_t k = 0; k < vs->names.n; k++)
						pkg_declare(pkg, GO_CAST(go_ident,
							vs->names.v[k]));
				} else if (s->kind == GO_TYPE_SPEC) {
					pkg_declare(pkg,
						GO_CAST(go_type_spec, s)->name);
				}
			}
		}
	}
}

static void resolve_file(struct rs *r, struct arena *a, struct go_file *f)
{
	r->imps.len = 0;
	r->ents.len = 0;
	r->marks.len = 0;
	r->dot = NULL;
	r->ndots = 0;
	for (uint32_t i = 0; i < f->imports.n; i++) {
		struct go_import_spec *is = GO_CAST(go_import_spec,
						    f->imports.v[i]);
		struct imp m;

		m.spec = is;
		if (is->name) {
			is->name->decl_kind = GO_DECL_IMPORT;
			is->name->decl = is;
			is->name->decl_flags |= GO_RESOLVE_DEF;
			if (!strcmp(is->name->name, ".")) {
				r->dot = is;
				r->ndots++;
				continue;
			}
			if (!strcmp(is->name->name, "_"))
				continue;
			m.name = is->name->name;
			m.len = is->name->len;
		} else {
			default_name(a, is, &m.name, &m.len);
		}
		vec_push(&r->imps, m);
	}
	for (uint32_t i = 0; i < f->decls.n; i++) {
		struct go_node *d = f->decls.v[i];

		if (d->kind == GO_FUNC_DECL) {
			struct go_func_decl *fd = GO_CAST(go_func_decl, d);

			func(r, fd->recv, fd->type, fd->body);
		} else if (d->kind == GO_GEN_DECL) {
			struct go_gen_decl *g = GO_CAST(go_gen_decl, d);

			if (g->tok == GO_TOK_IMPORT)
				continue;
			for (uint32_t j = 0; j < g->specs.n; j++) {
				struct go_node *s = g->specs.v[j];

				if (s->kind == GO_VALUE_SPEC) {
					struct go_value_spec *vs =
						GO_CAST(go_value_spec, s);

					expr(r, vs->type);
					exprs(r, &vs->values);
				} else if (s->kind == GO_TYPE_SPEC) {
					type_spec(r, GO_CAST(go_type_spec, s), 0);
				}
			}
		}
	}
}

void go_resolve_package(struct go_package *pkg, struct go_file **files,
			size_t nfiles)
{
	struct rs r;
	struct arena scratch = ARENA_INIT;

	memset(pkg, 0, sizeof(*pkg));
	map_init(&pkg->names);
	pkg->files = files;
	pkg->nfiles = nfiles;
	pkg->name = nfiles && files[0]->name ? files[0]->name->name : "";
	for (size_t i = 0; i < nfiles; i++)
		collect_package(pkg, files[i]);
	memset(&r, 0, sizeof(r));
	r.pkg = pkg;
	for (size_t i = 0; i < nfiles; i++) {
		resolve_file(&r, &scratch, files[i]);
		/* the local names of imports are only needed per file */
		arena_reset(&scratch);
	}
	vec_free(&r.ents);
	vec_free(&r.marks);
	vec_free(&r.imps);
	arena_release(&scratch);
}

void go_package_release(struct go_package *pkg)
{
	map_release(&pkg->names);
}

int go_is_universe(const struct go_node *e, const char *name)
{
	const struct go_ident *id;

	e = go_unparen(e);
	if (!e || e->kind != GO_IDENT)
		return 0;
	id = GO_CAST(go_ident, e);
	return id->decl_kind == GO_DECL_UNIVERSE && !strcmp(id->name, name);
}

int go_is_pkg_member(const struct go_node *e, const char *path,
		     const char *name)
{
	const struct go_ident *pk = NULL, *member = NULL;
	char buf[256];

	e = go_unparen(e);
	if (!e)
		return 0;
	if (e->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *s = GO_CAST(go_selector_expr, e);
		const struct go_node *x = go_unparen(s->x);

		if (!x || x->kind != GO_IDENT)
			return 0;
		pk = GO_CAST(go_ident, x);
		if (pk->decl_kind != GO_DECL_IMPORT ||
		    (pk->decl_flags & GO_RESOLVE_DOT))
			return 0;
		member = s->sel;
	} else if (e->kind == GO_IDENT) {
		pk = GO_CAST(go_ident, e);
		if (pk->decl_kind != GO_DECL_IMPORT ||
		    !(pk->decl_flags & GO_RESOLVE_DOT))
			return 0;
		member = pk;
	} else {
		return 0;
	}
	if (!member || strcmp(member->name, name) || !pk->decl)
		return 0;
	return !strcmp(go_import_canonical(go_import_path(pk->decl, buf,
							 sizeof(buf))), path);
}

struct go_ident *go_local_var(const struct go_node *e)
{
	const struct go_ident *id;

	e = go_unparen(e);
	if (!e || e->kind != GO_IDENT)
		return NULL;
	id = GO_CAST(go_ident, e);
	if ((id->decl_kind != GO_DECL_LOCAL && id->decl_kind != GO_DECL_PARAM) ||
	    !id->decl)
		return NULL;
	return id->decl;
}
