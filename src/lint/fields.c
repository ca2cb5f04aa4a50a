/*
 * fields: the field model of a package (see fields.h).
 *
 * Built in one pass over the package after the struct types are known:
 *   1. every struct type declared in the package, its tracked fields (by
 *      declared type) and its embedded struct types;
 *   2. every function body (and package-level var declaration) walked once
 *      with a small type environment (receiver, parameters, locals whose
 *      type is written or follows from their initialiser), classifying each
 *      mention of a tracked field name: parents are visited before
 *      children, so a call, receive, send, range or assignment classifies
 *      the selector it holds, and a selector nobody classified is handed on
 *      (an escape);
 *   3. the goroutines whose bodies are readable, and the types whose values
 *      live as long as the process.
 */
#include "fields.h"
#include "../base/vec.h"

#include <stdlib.h>
#include <string.h>

struct method_ent {
	const struct go_func_decl *decl;
	const struct go_file *file;
};

/* A local or parameter with a known struct type, or a local defined from a
 * call (for `cancel` in `ctx, cancel := context.WithCancel(...)`). */
struct env_ent {
	const struct go_ident *id;     /* declaring identifier */
	struct lint_ftype *type;
	const struct go_node *def;     /* defining call, or NULL */
	uint32_t index;                /* result index of def */
	unsigned writes;               /* assignments to it after the def */
	unsigned uses;                 /* mentions after the def */
};

struct build {
	struct lint_ctx *cx;
	struct lint_fields *m;
	struct map fnames;     /* tracked field name -> non-NULL */
	struct map methods;    /* "T.m" -> method_ent */
	struct map funcs;      /* package function name -> method_ent */
	struct map done;       /* selector pointer -> classified */
	VEC(struct go_gen_decl *) pkgvars;
	VEC(struct lint_fgo) gos;
	/* the function being walked */
	const struct go_file *file;
	const struct go_func_decl *fn;
	int in_main;
	VEC(struct env_ent) env;
};

const char *lint_fkind_name(enum lint_fkind k)
{
	switch (k) {
	case LINT_FK_TICKER: return "ticker";
	case LINT_FK_TIMER: return "timer";
	case LINT_FK_CHAN: return "channel";
	case LINT_FK_FILE: return "file";
	case LINT_FK_RESP: return "response";
	case LINT_FK_CANCEL: return "cancel function";
	case LINT_FK_CONTEXT: return "context";
	}
	return "value";
}

/* ---- types ---- */

static enum lint_fkind kind_of_type(const struct go_node *t)
{
	t = go_unparen(t);
	if (!t)
		return 0;
	if (t->kind == GO_CHAN_TYPE)
		return LINT_FK_CHAN;
	if (t->kind == GO_STAR_EXPR) {
		const struct go_node *x = GO_CAST(go_star_expr, t)->x;

		if (go_is_pkg_member(x, "time", "Ticker"))
			return LINT_FK_TICKER;
		if (go_is_pkg_member(x, "time", "Timer"))
			return LINT_FK_TIMER;
		if (go_is_pkg_member(x, "os", "File"))
			return LINT_FK_FILE;
		if (go_is_pkg_member(x, "net/http", "Response"))
			return LINT_FK_RESP;
		return 0;
	}
	if (go_is_pkg_member(t, "context", "CancelFunc"))
		return LINT_FK_CANCEL;
	if (go_is_pkg_member(t, "context", "Context"))
		return LINT_FK_CONTEXT;
	if (t->kind == GO_FUNC_TYPE) {
		const struct go_func_type *ft = GO_CAST(go_func_type, t);

		if ((!ft->params || ft->params->list.n == 0) &&
		    (!ft->results || ft->results->list.n == 0))
			return LINT_FK_CANCEL;
	}
	return 0;
}

/* The name of the package type a type expression names (T, *T, T[K]). */
static const char *type_name(const struct go_node *t)
{
	for (int i = 0; i < 4 && t; i++) {
		t = go_unparen(t);
		if (!t)
			return NULL;
		if (t->kind == GO_STAR_EXPR)
			t = GO_CAST(go_star_expr, t)->x;
		else if (t->kind == GO_INDEX_EXPR)
			t = GO_CAST(go_index_expr, t)->x;
		else if (t->kind == GO_INDEX_LIST_EXPR)
			t = GO_CAST(go_index_list_expr, t)->x;
		else
			break;
	}
	t = go_unparen(t);
	if (!t || t->kind != GO_IDENT)
		return NULL;
	switch (GO_CAST(go_ident, t)->decl_kind) {
	case GO_DECL_PACKAGE:
	case GO_DECL_NONE:
		return GO_CAST(go_ident, t)->name;
	default:
		return NULL;
	}
}

static struct lint_ftype *type_named(const struct build *b, const struct go_node *t)
{
	const char *n = type_name(t);

	return n ? map_gets(&b->m->byname, n) : NULL;
}

static void add_type(struct build *b, const struct go_file *f,
		     const struct go_type_spec *ts)
{
	struct arena *a = b->cx->arena;
	const struct go_struct_type *st;
	struct lint_ftype *t;
	size_t nf = 0, ne = 0;

	if (!ts->type || ts->type->kind != GO_STRUCT_TYPE || ts->assign != GO_NOPOS)
		return;
	st = GO_CAST(go_struct_type, ts->type);
	t = arena_zalloc(a, sizeof(*t));
	t->name = ts->name->name;
	t->file = f;
	t->spec = ts;
	for (uint32_t i = 0; st->fields && i < st->fields->list.n; i++) {
		const struct go_field *fl = GO_CAST(go_field, st->fields->list.v[i]);

		if (fl->names.n == 0)
			ne++;
		else if (kind_of_type(fl->type))
			nf += fl->names.n;
	}
	t->fields = nf ? arena_zalloc(a, nf * sizeof(*t->fields)) : NULL;
	t->embeds = ne ? arena_zalloc(a, ne * sizeof(*t->embeds)) : NULL;
	for (uint32_t i = 0; st->fields && i < st->fields->list.n; i++) {
		const struct go_field *fl = GO_CAST(go_field, st->fields->list.v[i]);
		enum lint_fkind k;

		if (fl->names.n == 0) {
			const char *en = type_name(fl->type);

			if (en)
				t->embeds[t->nembeds++] = en;
			continue;
		}
		k = kind_of_type(fl->type);
		if (!k)
			continue;
		for (uint32_t j = 0; j < fl->names.n; j++) {
			struct lint_field *x = &t->fields[t->nfields++];
			const char *n = GO_CAST(go_ident, fl->names.v[j])->name;

			x->name = n;
			x->kind = k;
			x->owner = t;
			x->exported = n[0] >= 'A' && n[0] <= 'Z';
			map_puts(&b->fnames, n, (void *)x);
		}
	}
	map_puts(&b->m->byname, t->name, t);
	{
		struct lint_fields *m = b->m;
		struct lint_ftype **nt = arena_alloc(a, (m->ntypes + 1) * sizeof(*nt));

		if (m->ntypes)
			memcpy(nt, m->types, m->ntypes * sizeof(*nt));
		nt[m->ntypes++] = t;
		m->types = nt;
	}
}

/* The declared type of field `name` of T (through embedded structs). */
static const struct go_node *spec_field_type(const struct build *b,
					     const struct lint_ftype *t,
					     const char *name, int depth)
{
	const struct go_struct_type *st = GO_CAST(go_struct_type, t->spec->type);

	for (uint32_t i = 0; st->fields && i < st->fields->list.n; i++) {
		const struct go_field *fl = GO_CAST(go_field, st->fields->list.v[i]);

		for (uint32_t j = 0; j < fl->names.n; j++)
			if (!strcmp(GO_CAST(go_ident, fl->names.v[j])->name, name))
				return fl->type;
	}
	if (depth < 3)
		for (size_t e = 0; e < t->nembeds; e++) {
			struct lint_ftype *et = map_gets(&b->m->byname, t->embeds[e]);
			const struct go_node *r;

			if (et && (r = spec_field_type(b, et, name, depth + 1)))
				return r;
		}
	return NULL;
}

static struct lint_field *find_field(const struct build *b,
				     const struct lint_ftype *t,
				     const char *name, int depth)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (!strcmp(t->fields[i].name, name))
			return &t->fields[i];
	if (spec_field_type(b, t, name, 3) || depth >= 3)
		return NULL;   /* a direct field of another kind */
	for (size_t e = 0; e < t->nembeds; e++) {
		struct lint_ftype *et = map_gets(&b->m->byname, t->embeds[e]);
		struct lint_field *r;

		if (et && (r = find_field(b, et, name, depth + 1)))
			return r;
	}
	return NULL;
}

/* ---- the type environment ---- */

static struct env_ent *env_find(struct build *b, const struct go_ident *id)
{
	for (size_t i = b->env.len; i-- > 0;)
		if (b->env.items[i].id == id)
			return &b->env.items[i];
	return NULL;
}

static const struct go_node *result_type(const struct go_func_decl *fd)
{
	const struct go_field_list *r = fd->type ? fd->type->results : NULL;

	if (!r || r->list.n == 0)
		return NULL;
	if (GO_CAST(go_field, r->list.v[0])->names.n > 1)
		return NULL;
	return GO_CAST(go_field, r->list.v[0])->type;
}

static struct lint_ftype *type_of(struct build *b, const struct go_node *e, int depth);

static struct lint_ftype *call_type(struct build *b, const struct go_call_expr *ce,
				    int depth)
{
	const struct go_node *fun = go_unparen(ce->fun);
	const struct method_ent *me = NULL;

	if (go_is_universe(fun, "new") && ce->args.n == 1)
		return type_named(b, ce->args.v[0]);
	if (fun && fun->kind == GO_IDENT &&
	    GO_CAST(go_ident, fun)->decl_kind == GO_DECL_PACKAGE)
		me = map_gets(&b->funcs, GO_CAST(go_ident, fun)->name);
	else if (fun && fun->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, fun);
		struct lint_ftype *t = type_of(b, se->x, depth + 1);

		if (t) {
			char *k = arena_printf(b->cx->arena, "%s.%s", t->name,
					       se->sel->name);

			me = map_gets(&b->methods, k);
		}
	}
	return me ? type_named(b, result_type(me->decl)) : NULL;
}

static struct lint_ftype *type_of(struct build *b, const struct go_node *e, int depth)
{
	if (depth > 6)
		return NULL;
	e = go_unparen(e);
	if (!e)
		return NULL;
	switch ((enum go_kind)e->kind) {
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, e)->op == GO_TOK_AND)
			return type_of(b, GO_CAST(go_unary_expr, e)->x, depth + 1);
		return NULL;
	case GO_STAR_EXPR:
		return type_of(b, GO_CAST(go_star_expr, e)->x, depth + 1);
	case GO_COMPOSITE_LIT:
		return type_named(b, GO_CAST(go_composite_lit, e)->type);
	case GO_CALL_EXPR:
		return call_type(b, GO_CAST(go_call_expr, e), depth);
	case GO_IDENT: {
		struct go_ident *id = go_local_var(e);
		struct env_ent *en = id ? env_find(b, id) : NULL;

		return en ? en->type : NULL;
	}
	case GO_SELECTOR_EXPR: {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, e);
		struct lint_ftype *t = type_of(b, se->x, depth + 1);
		const struct go_node *ft;

		if (!t)
			return NULL;
		ft = spec_field_type(b, t, se->sel->name, 0);
		return ft ? type_named(b, ft) : NULL;
	}
	default:
		return NULL;
	}
}

static void env_add(struct build *b, const struct go_ident *id,
		    struct lint_ftype *t, const struct go_node *def, uint32_t index)
{
	struct env_ent en;

	if (!id || !strcmp(id->name, "_"))
		return;
	memset(&en, 0, sizeof(en));
	en.id = id;
	en.type = t;
	en.def = def;
	en.index = index;
	vec_push(&b->env, en);
}

static void env_params(struct build *b, const struct go_field_list *fl)
{
	for (uint32_t i = 0; fl && i < fl->list.n; i++) {
		const struct go_field *f = GO_CAST(go_field, fl->list.v[i]);
		struct lint_ftype *t = type_named(b, f->type);

		for (uint32_t j = 0; t && j < f->names.n; j++)
			env_add(b, GO_CAST(go_ident, f->names.v[j]), t, NULL, 0);
	}
}

static int env_fn(struct go_node *n, void *ctx)
{
	struct build *b = ctx;

	if (n->kind == GO_IDENT) {
		struct go_ident *id = go_local_var(n);
		struct env_ent *en;

		if (id && id != (struct go_ident *)n && (en = env_find(b, id)))
			en->uses++;
	} else if (n->kind == GO_COMPOSITE_LIT) {
		/* a key naming a local (resolve cannot tell a struct key from
		 * a map key) is not a use of it: undo the count its visit
		 * will add (unsigned arithmetic, balanced right after) */
		struct go_composite_lit *c = GO_CAST(go_composite_lit, n);

		for (uint32_t i = 0; i < c->elts.n; i++) {
			struct go_node *k;
			struct go_ident *id;
			struct env_ent *en;

			if (c->elts.v[i]->kind != GO_KEY_VALUE_EXPR)
				continue;
			k = GO_CAST(go_key_value_expr, c->elts.v[i])->key;
			if (k && k->kind == GO_IDENT && (id = go_local_var(k)) &&
			    id != (struct go_ident *)k && (en = env_find(b, id)))
				en->uses--;
		}
	} else if (n->kind == GO_FUNC_LIT) {
		const struct go_func_lit *fl = GO_CAST(go_func_lit, n);

		if (fl->type)
			env_params(b, fl->type->params);
	} else if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++) {
			struct go_ident *id = go_local_var(a->lhs.v[i]);
			const struct go_node *v = a->lhs.n == a->rhs.n ? a->rhs.v[i]
				: a->rhs.n == 1 ? a->rhs.v[0] : NULL;
			struct env_ent *en;

			if (!id)
				continue;
			if (a->tok == GO_TOK_DEFINE && id == GO_CAST(go_ident, a->lhs.v[i]) &&
			    (id->decl_flags & GO_RESOLVE_DEF)) {
				struct lint_ftype *t = a->lhs.n == a->rhs.n
					? type_of(b, v, 0) : NULL;
				const struct go_node *dv = go_unparen(v);

				env_add(b, id, t,
					dv && dv->kind == GO_CALL_EXPR ? dv : NULL,
					a->lhs.n == a->rhs.n ? 0 : i);
			} else if ((en = env_find(b, id)) != NULL) {
				en->writes++;
			}
		}
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *vs = GO_CAST(go_value_spec, n);

		for (uint32_t i = 0; i < vs->names.n; i++) {
			struct lint_ftype *t = vs->type ? type_named(b, vs->type)
				: vs->values.n == vs->names.n
				? type_of(b, vs->values.v[i], 0) : NULL;

			env_add(b, GO_CAST(go_ident, vs->names.v[i]), t, NULL, 0);
		}
	}
	return 1;
}

/* ---- sets: what a field is set from ---- */

static const char *call_origin(const struct go_node *v, uint32_t index)
{
	const struct go_call_expr *ce;
	const struct go_node *f;

	v = go_unparen(v);
	if (!v || v->kind != GO_CALL_EXPR)
		return NULL;
	ce = GO_CAST(go_call_expr, v);
	f = ce->fun;
	if (index == 0) {
		static const char *const one[][2] = {
			{ "time", "NewTicker" }, { "time", "NewTimer" },
			{ "time", "AfterFunc" }, { "os", "Open" },
			{ "os", "Create" }, { "os", "OpenFile" },
			{ "os", "CreateTemp" }, { "net/http", "Get" },
			{ "net/http", "Post" }, { "net/http", "Head" },
			{ "net/http", "PostForm" },
			{ "context", "Background" }, { "context", "TODO" },
			{ "context", "WithCancel" }, { "context", "WithTimeout" },
			{ "context", "WithDeadline" },
		};

		for (size_t i = 0; i < sizeof(one) / sizeof(one[0]); i++)
			if (go_is_pkg_member(f, one[i][0], one[i][1]))
				return one[i][1];
		if (go_is_universe(f, "make") && ce->args.n >= 1 &&
		    go_unparen(ce->args.v[0]) &&
		    go_unparen(ce->args.v[0])->kind == GO_CHAN_TYPE)
			return "make";
	}
	if (index == 1 && (go_is_pkg_member(f, "context", "WithCancel") ||
			   go_is_pkg_member(f, "context", "WithTimeout") ||
			   go_is_pkg_member(f, "context", "WithDeadline") ||
			   go_is_pkg_member(f, "context", "WithCancelCause") ||
			   go_is_pkg_member(f, "signal", "NotifyContext")))
		return "context.WithCancel";
	return NULL;
}

/* What value v (result `index` of it) is: a fresh constructor's name,
 * "" for nil (no set at all), or NULL for anything else. */
static const char *origin(struct build *b, const struct go_node *v, uint32_t index)
{
	const char *o = call_origin(v, index);
	struct go_ident *id;
	struct env_ent *en;

	if (o)
		return o;
	if (go_is_universe(v, "nil"))
		return "";
	/* a local defined from a constructor, never written again and used
	 * nowhere else (else the local itself may release it: a copy kept in
	 * a field proves nothing) */
	id = go_local_var(v);
	if (id && (en = env_find(b, id)) != NULL && en->def && !en->writes &&
	    en->uses == 1)
		return call_origin(en->def, en->index);
	return NULL;
}

/* ---- classifying the uses ---- */

/* Maps keyed by a node pointer: the map keeps its keys by reference, so
 * the pointer's bytes are copied into the arena. */
static void ptr_put(struct arena *a, struct map *m, const void *p, void *v)
{
	const void **k = arena_alloc(a, sizeof(*k));

	*k = p;
	map_put(m, (const char *)k, sizeof(*k), v);
}

static void mark(struct build *b, const struct go_node *sel)
{
	ptr_put(b->cx->arena, &b->done, sel, (void *)sel);
}

static int is_done(const struct build *b, const struct go_node *sel)
{
	return map_get(&b->done, (const char *)&sel, sizeof(sel)) != NULL;
}

/* e, if it is a selector naming a tracked field (parentheses looked
 * through). */
static struct go_selector_expr *fsel(const struct build *b, const struct go_node *e)
{
	e = go_unparen(e);
	if (!e || e->kind != GO_SELECTOR_EXPR)
		return NULL;
	if (!map_gets(&b->fnames, GO_CAST(go_selector_expr, e)->sel->name))
		return NULL;
	return GO_CAST(go_selector_expr, e);
}

static void note(struct build *b, struct lint_field *fl, int op, int weak,
		 const struct go_node *at, const char *made)
{
	unsigned bit = op >= 0 ? LINT_FOP(op) : 0;

	if (weak) {
		fl->weak |= bit;
		return;
	}
	if (op >= 0 && !(fl->ops & bit)) {
		fl->site[op].file = b->file;
		fl->site[op].at = at;
		fl->site[op].in = b->fn;
	}
	fl->ops |= bit;
	if (op == LINT_FOP_SET_FRESH && !fl->made_by)
		fl->made_by = made;
	if (fl->kind == LINT_FK_CONTEXT &&
	    (op == LINT_FOP_SET_FRESH || op == LINT_FOP_SET_OTHER)) {
		int bg = made && (!strcmp(made, "Background") || !strcmp(made, "TODO"));

		fl->background = bg && fl->background >= 0 ? 1 : -1;
	}
}

/* Apply op (-1: a use that does nothing to it) to the field selector s
 * names; made is the constructor of a fresh set. */
static void apply(struct build *b, struct go_selector_expr *s, int op,
		  const struct go_node *at, const char *made)
{
	const char *name = s->sel->name;
	const struct go_node *base = go_unparen(s->x);
	struct lint_ftype *t;

	if (is_done(b, &s->node))
		return;
	mark(b, &s->node);
	if (base && base->kind == GO_IDENT &&
	    GO_CAST(go_ident, base)->decl_kind == GO_DECL_IMPORT)
		return;   /* pkg.Name: not a field */
	t = type_of(b, base, 0);
	if (t) {
		struct lint_field *fl = find_field(b, t, name, 0);

		if (fl) {
			note(b, fl, op, 0, at, made);
			ptr_put(b->cx->arena, &b->m->at, &s->node, fl);
		}
		return;
	}
	for (size_t i = 0; i < b->m->ntypes; i++) {
		struct lint_ftype *u = b->m->types[i];

		for (size_t j = 0; j < u->nfields; j++)
			if (!strcmp(u->fields[j].name, name))
				note(b, &u->fields[j], op, 1, at, made);
	}
}

/* Functions of the standard library that use a file, channel or context
 * argument without taking it over (they neither close nor keep it). */
static int non_owning(const struct go_node *fun)
{
	static const char *const fns[][2] = {
		{ "fmt", "Fprint" }, { "fmt", "Fprintf" }, { "fmt", "Fprintln" },
		{ "fmt", "Fscan" }, { "fmt", "Fscanf" }, { "fmt", "Fscanln" },
		{ "io", "Copy" }, { "io", "CopyN" }, { "io", "CopyBuffer" },
		{ "io", "WriteString" }, { "io", "ReadAll" }, { "io", "ReadFull" },
		{ "io", "ReadAtLeast" }, { "io/ioutil", "ReadAll" },
		{ "bufio", "NewWriter" }, { "bufio", "NewReader" },
		{ "bufio", "NewScanner" }, { "bufio", "NewWriterSize" },
		{ "bufio", "NewReaderSize" }, { "encoding/json", "NewEncoder" },
		{ "encoding/json", "NewDecoder" }, { "encoding/csv", "NewWriter" },
		{ "encoding/csv", "NewReader" }, { "os/signal", "Stop" },
		{ "os/signal", "Reset" }, { "os/signal", "Ignore" },
	};

	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		if (go_is_pkg_member(fun, fns[i][0], fns[i][1]))
			return 1;
	return 0;
}

static void classify_call(struct build *b, struct go_call_expr *ce)
{
	struct go_node *fun = go_unparen(ce->fun);
	struct go_selector_expr *s;

	if ((s = fsel(b, fun)) != NULL) {
		apply(b, s, LINT_FOP_CALL, &ce->node, NULL);   /* x.cancel() */
	} else if (fun && fun->kind == GO_SELECTOR_EXPR) {
		struct go_selector_expr *m = GO_CAST(go_selector_expr, fun);
		const char *meth = m->sel->name;
		struct go_node *inner = go_unparen(m->x);

		if ((s = fsel(b, m->x)) != NULL) {
			int op = !strcmp(meth, "Stop") ? LINT_FOP_STOP
				: !strcmp(meth, "Close") ? LINT_FOP_CLOSE
				: !strcmp(meth, "Done") ? LINT_FOP_DONE : -1;

			apply(b, s, op, &ce->node, NULL);
		} else if (!strcmp(meth, "Close") && inner &&
			   inner->kind == GO_SELECTOR_EXPR &&
			   !strcmp(GO_CAST(go_selector_expr, inner)->sel->name, "Body") &&
			   (s = fsel(b, GO_CAST(go_selector_expr, inner)->x)) != NULL) {
			apply(b, s, LINT_FOP_CLOSE, &ce->node, NULL);
		}
	}
	if (go_is_universe(fun, "close") && ce->args.n == 1 &&
	    (s = fsel(b, ce->args.v[0])) != NULL)
		apply(b, s, LINT_FOP_CLOSE, &ce->node, NULL);
	else if ((go_is_universe(fun, "len") || go_is_universe(fun, "cap")) &&
		 ce->args.n == 1 && (s = fsel(b, ce->args.v[0])) != NULL)
		apply(b, s, -1, &ce->node, NULL);
	else if (go_is_pkg_member(fun, "os/signal", "Notify") && ce->args.n >= 1 &&
		 (s = fsel(b, ce->args.v[0])) != NULL)
		apply(b, s, LINT_FOP_SEND, &ce->node, NULL);
	else if (non_owning(fun))
		for (uint32_t i = 0; i < ce->args.n; i++)
			if ((s = fsel(b, ce->args.v[i])) != NULL)
				apply(b, s, -1, &ce->node, NULL);
}

static void classify_set(struct build *b, struct go_node *lhs,
			 const struct go_node *v, uint32_t index)
{
	struct go_selector_expr *s = fsel(b, lhs);
	const char *o;

	if (!s)
		return;
	o = v ? origin(b, v, index) : NULL;
	if (o && !*o)
		apply(b, s, -1, v, NULL);   /* x.f = nil */
	else
		apply(b, s, o ? LINT_FOP_SET_FRESH : LINT_FOP_SET_OTHER,
		      v ? v : lhs, o);
}

static void classify_lit(struct build *b, struct go_composite_lit *c)
{
	struct lint_ftype *t = c->type ? type_named(b, c->type) : NULL;

	if (c->type && !t)
		return;   /* not a struct type of the package */
	for (uint32_t i = 0; i < c->elts.n; i++) {
		struct go_key_value_expr *kv;
		const char *name, *o;
		int op;

		if (c->elts.v[i]->kind != GO_KEY_VALUE_EXPR)
			continue;
		kv = GO_CAST(go_key_value_expr, c->elts.v[i]);
		if (!kv->key || kv->key->kind != GO_IDENT)
			continue;
		name = GO_CAST(go_ident, kv->key)->name;
		if (!map_gets(&b->fnames, name))
			continue;
		o = origin(b, kv->value, 0);
		if (o && !*o)
			continue;
		op = o ? LINT_FOP_SET_FRESH : LINT_FOP_SET_OTHER;
		if (t) {
			struct lint_field *fl = find_field(b, t, name, 0);

			if (fl)
				note(b, fl, op, 0, kv->value, o);
		} else {
			for (size_t k = 0; k < b->m->ntypes; k++)
				for (size_t j = 0; j < b->m->types[k]->nfields; j++)
					if (!strcmp(b->m->types[k]->fields[j].name, name))
						note(b, &b->m->types[k]->fields[j], op, 1,
						     kv->value, o);
		}
	}
}

static void add_go(struct build *b, struct go_go_stmt *gs)
{
	struct go_node *fun;
	struct lint_fgo g;

	if (!gs->call || gs->call->kind != GO_CALL_EXPR)
		return;
	fun = go_unparen(GO_CAST(go_call_expr, gs->call)->fun);
	memset(&g, 0, sizeof(g));
	g.file = b->file;
	g.go = gs;
	g.starter = b->fn;
	if (fun && fun->kind == GO_FUNC_LIT) {
		g.bfile = b->file;
		g.body = GO_CAST(go_func_lit, fun)->body;
	} else if (fun && fun->kind == GO_SELECTOR_EXPR) {
		const struct go_selector_expr *se = GO_CAST(go_selector_expr, fun);
		struct lint_ftype *t = type_of(b, se->x, 0);
		const struct method_ent *me = NULL;

		if (t)
			me = map_gets(&b->methods, arena_printf(b->cx->arena, "%s.%s",
								t->name, se->sel->name));
		if (!me)
			return;
		g.bfile = me->file;
		g.body = me->decl->body;
	} else if (fun && fun->kind == GO_IDENT &&
		   GO_CAST(go_ident, fun)->decl_kind == GO_DECL_PACKAGE) {
		const struct method_ent *me = map_gets(&b->funcs,
						       GO_CAST(go_ident, fun)->name);
		if (!me)
			return;
		g.bfile = me->file;
		g.body = me->decl->body;
	}
	if (g.body)
		vec_push(&b->gos, g);
}

static void long_lived(struct build *b, struct lint_ftype *t, const struct go_node *at)
{
	if (!t || t->long_lived)
		return;
	t->long_lived = 1;
	t->long_site.file = b->file;
	t->long_site.at = at;
	t->long_site.in = b->fn;
}

static int walk_fn(struct go_node *n, void *ctx)
{
	struct build *b = ctx;

	switch ((enum go_kind)n->kind) {
	case GO_CALL_EXPR:
		classify_call(b, GO_CAST(go_call_expr, n));
		break;
	case GO_UNARY_EXPR: {
		struct go_unary_expr *u = GO_CAST(go_unary_expr, n);
		struct go_node *x = go_unparen(u->x);
		struct go_selector_expr *s;

		if (u->op != GO_TOK_ARROW || !x)
			break;
		if ((s = fsel(b, x)) != NULL)
			apply(b, s, LINT_FOP_RECV, n, NULL);
		else if (x->kind == GO_SELECTOR_EXPR &&
			 !strcmp(GO_CAST(go_selector_expr, x)->sel->name, "C") &&
			 (s = fsel(b, GO_CAST(go_selector_expr, x)->x)) != NULL)
			apply(b, s, LINT_FOP_RECV_C, n, NULL);
		break;
	}
	case GO_SEND_STMT: {
		struct go_selector_expr *s = fsel(b, GO_CAST(go_send_stmt, n)->chan);

		if (s)
			apply(b, s, LINT_FOP_SEND, n, NULL);
		break;
	}
	case GO_RANGE_STMT: {
		struct go_node *x = go_unparen(GO_CAST(go_range_stmt, n)->x);
		struct go_selector_expr *s;

		if (!x)
			break;
		if ((s = fsel(b, x)) != NULL)
			apply(b, s, LINT_FOP_RANGE, n, NULL);
		else if (x->kind == GO_SELECTOR_EXPR &&
			 !strcmp(GO_CAST(go_selector_expr, x)->sel->name, "C") &&
			 (s = fsel(b, GO_CAST(go_selector_expr, x)->x)) != NULL)
			apply(b, s, LINT_FOP_RANGE_C, n, NULL);
		break;
	}
	case GO_ASSIGN_STMT: {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);

		for (uint32_t i = 0; i < a->lhs.n; i++) {
			const struct go_node *v = a->lhs.n == a->rhs.n ? a->rhs.v[i]
				: a->rhs.n == 1 ? a->rhs.v[0] : NULL;
			uint32_t idx = a->lhs.n == a->rhs.n ? 0 : i;
			struct go_node *l = go_unparen(a->lhs.v[i]);

			if (a->tok == GO_TOK_ASSIGN || a->tok == GO_TOK_DEFINE)
				classify_set(b, a->lhs.v[i], v, idx);
			/* a package-level variable, or a local of main */
			if (l && l->kind == GO_IDENT && v && a->lhs.n == a->rhs.n &&
			    (GO_CAST(go_ident, l)->decl_kind == GO_DECL_PACKAGE ||
			     b->in_main))
				long_lived(b, type_of(b, v, 0), n);
		}
		break;
	}
	case GO_VALUE_SPEC:
		if (b->in_main || !b->fn) {
			struct go_value_spec *vs = GO_CAST(go_value_spec, n);

			for (uint32_t i = 0; i < vs->names.n; i++)
				long_lived(b, vs->type ? type_named(b, vs->type)
					   : vs->values.n == vs->names.n
					   ? type_of(b, vs->values.v[i], 0) : NULL, n);
		}
		break;
	case GO_COMPOSITE_LIT:
		classify_lit(b, GO_CAST(go_composite_lit, n));
		break;
	case GO_BINARY_EXPR: {
		struct go_binary_expr *be = GO_CAST(go_binary_expr, n);
		struct go_selector_expr *s;

		if (be->op != GO_TOK_EQL && be->op != GO_TOK_NEQ)
			break;
		if ((s = fsel(b, be->x)) != NULL)
			apply(b, s, -1, n, NULL);
		if ((s = fsel(b, be->y)) != NULL)
			apply(b, s, -1, n, NULL);
		break;
	}
	case GO_GO_STMT:
		add_go(b, GO_CAST(go_go_stmt, n));
		break;
	case GO_SELECTOR_EXPR: {
		struct go_selector_expr *se = GO_CAST(go_selector_expr, n);
		struct go_selector_expr *s = fsel(b, se->x);
		const char *m = se->sel->name;

		/* x.f.Member not called: a method value of Stop/Close may
		 * release it later; .Body of a response is handed on */
		if (s && !is_done(b, &s->node))
			apply(b, s, !strcmp(m, "Stop") ? LINT_FOP_STOP
			      : !strcmp(m, "Close") || !strcmp(m, "Body") ? LINT_FOP_CLOSE
			      : -1, n, NULL);
		if (fsel(b, n) && !is_done(b, n))
			apply(b, se, LINT_FOP_ESCAPE, n, NULL);
		break;
	}
	default:
		break;
	}
	return 1;
}

/* ---- driver ---- */

static const char *recv_type(const struct go_func_decl *fd)
{
	if (!fd->recv || fd->recv->list.n != 1)
		return NULL;
	return type_name(GO_CAST(go_field, fd->recv->list.v[0])->type);
}

static void walk_func(struct build *b, const struct go_file *f,
		      const struct go_func_decl *fd)
{
	b->file = f;
	b->fn = fd;
	b->env.len = 0;
	b->in_main = b->cx->is_main && !fd->recv && !strcmp(fd->name->name, "main");
	if (fd->recv)
		env_params(b, fd->recv);
	if (fd->type)
		env_params(b, fd->type->params);
	go_ast_inspect((struct go_node *)fd->body, env_fn, NULL, b);
	go_ast_inspect((struct go_node *)fd->body, walk_fn, NULL, b);
}

static void build(struct lint_ctx *cx, struct lint_fields *m)
{
	struct build b;
	struct go_package *pkg = cx->pkg;

	memset(&b, 0, sizeof(b));
	b.cx = cx;
	b.m = m;
	map_init(&b.fnames);
	map_init(&b.methods);
	map_init(&b.funcs);
	map_init(&b.done);
	for (size_t i = 0; i < pkg->nfiles; i++) {
		const struct go_file *f = pkg->files[i];

		for (uint32_t d = 0; d < f->decls.n; d++) {
			struct go_node *dn = f->decls.v[d];

			if (dn->kind == GO_GEN_DECL) {
				struct go_gen_decl *g = GO_CAST(go_gen_decl, dn);

				if (g->tok == GO_TOK_TYPE)
					for (uint32_t s = 0; s < g->specs.n; s++)
						if (g->specs.v[s]->kind == GO_TYPE_SPEC)
							add_type(&b, f, GO_CAST(go_type_spec,
										g->specs.v[s]));
			} else if (dn->kind == GO_FUNC_DECL) {
				struct go_func_decl *fd = GO_CAST(go_func_decl, dn);
				struct method_ent *me;
				const char *rt = recv_type(fd);

				if (!fd->name || !fd->body)
					continue;
				me = arena_zalloc(cx->arena, sizeof(*me));
				me->decl = fd;
				me->file = f;
				if (rt)
					map_puts(&b.methods, arena_printf(cx->arena, "%s.%s",
									  rt, fd->name->name), me);
				else if (!fd->recv)
					map_puts(&b.funcs, fd->name->name, me);
			}
		}
	}
	if (b.fnames.count)
		for (size_t i = 0; i < pkg->nfiles; i++) {
			const struct go_file *f = pkg->files[i];

			for (uint32_t d = 0; d < f->decls.n; d++) {
				struct go_node *dn = f->decls.v[d];

				if (dn->kind == GO_FUNC_DECL &&
				    GO_CAST(go_func_decl, dn)->body &&
				    GO_CAST(go_func_decl, dn)->name) {
					walk_func(&b, f, GO_CAST(go_func_decl, dn));
				} else if (dn->kind == GO_GEN_DECL &&
					   GO_CAST(go_gen_decl, dn)->tok == GO_TOK_VAR) {
					b.file = f;
					b.fn = NULL;
					b.in_main = 0;
					b.env.len = 0;
					go_ast_inspect(dn, walk_fn, NULL, &b);
				}
			}
		}
	m->ngos = b.gos.len;
	if (b.gos.len) {
		m->gos = arena_alloc(cx->arena, b.gos.len * sizeof(*m->gos));
		memcpy(m->gos, b.gos.items, b.gos.len * sizeof(*m->gos));
	}
	vec_free(&b.gos);
	vec_free(&b.env);
	vec_free(&b.pkgvars);
	map_release(&b.fnames);
	map_release(&b.methods);
	map_release(&b.funcs);
	map_release(&b.done);
}

const struct lint_fields *lint_fields_get(struct lint_ctx *cx)
{
	struct lint_fields *m = cx->fields;

	if (m)
		return m;
	m = arena_zalloc(cx->arena, sizeof(*m));
	map_init(&m->byname);
	map_init(&m->at);
	build(cx, m);
	cx->fields = m;
	return m;
}

void lint_fields_release(struct lint_ctx *cx)
{
	struct lint_fields *m = cx->fields;

	if (!m)
		return;
	map_release(&m->byname);
	map_release(&m->at);
	cx->fields = NULL;   /* the rest lives in cx->arena */
}

struct lint_field *lint_fields_at(const struct lint_fields *m,
				  const struct go_node *sel)
{
	sel = go_unparen(sel);
	if (!sel)
		return NULL;
	return map_get(&m->at, (const char *)&sel, sizeof(sel));   /* lookup only */
}

unsigned lint_field_all_ops(const struct lint_field *fl)
{
	return fl->ops | fl->weak;
}

int lint_field_followed(const struct lint_field *fl)
{
	unsigned all = lint_field_all_ops(fl);

	return !fl->exported && (fl->ops & LINT_FOP(LINT_FOP_SET_FRESH)) &&
		!(all & (LINT_FOP(LINT_FOP_SET_OTHER) | LINT_FOP(LINT_FOP_ESCAPE)));
}

const struct go_func_decl *lint_fields_closer(const struct lint_ctx *cx,
					      const struct lint_ftype *t,
					      const struct go_file **file)
{
	static const char *const names[] = {
		"Close", "Stop", "Shutdown", "Release", "Cancel", "Terminate",
		"Quit", "close", "stop", "shutdown",
	};

	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		for (size_t i = 0; i < cx->pkg->nfiles; i++) {
			const struct go_file *f = cx->pkg->files[i];

			for (uint32_t d = 0; d < f->decls.n; d++) {
				const struct go_func_decl *fd;
				const char *rt;

				if (f->decls.v[d]->kind != GO_FUNC_DECL)
					continue;
				fd = GO_CAST(go_func_decl, f->decls.v[d]);
				rt = fd->recv ? recv_type(fd) : NULL;
				if (rt && fd->name && !strcmp(rt, t->name) &&
				    !strcmp(fd->name->name, names[k])) {
					*file = f;
					return fd;
				}
			}
		}
	return NULL;
}

void lint_fields_unreleased(struct lint_ctx *cx, enum lint_fkind k,
			    unsigned release,
			    void (*fn)(struct lint_ctx *cx,
				       const struct lint_field *fl))
{
	const struct lint_fields *m = lint_fields_get(cx);

	for (size_t i = 0; i < m->ntypes; i++)
		for (size_t j = 0; j < m->types[i]->nfields; j++) {
			const struct lint_field *fl = &m->types[i]->fields[j];

			if (fl->kind == k && lint_field_followed(fl) &&
			    !(lint_field_all_ops(fl) & release) &&
			    !fl->owner->long_lived)
				fn(cx, fl);
		}
}

void lint_fields_related(struct lint_ctx *cx, struct finding *fd,
			 const struct lint_field *fl, const char *verb)
{
	const struct go_func_decl *closer;
	const struct go_file *cf = NULL;

	if (!fd)
		return;
	lint_related(cx, fd, fl->owner->file, (const struct go_node *)fl->owner->spec,
		     arena_printf(cx->arena, "type %s keeps it in field '%s'",
				  fl->owner->name, fl->name));
	closer = lint_fields_closer(cx, fl->owner, &cf);
	if (closer)
		lint_related(cx, fd, cf, (const struct go_node *)closer,
			     arena_printf(cx->arena, "%s.%s does not %s it: "
					  "%s .%s here", fl->owner->name,
					  closer->name->name, verb, verb, fl->name));
}
