/*
 * parse_type: the types of the Go parser (parse.c, parse_int.h): names,
 * instances, arrays, structs, pointers, parameters and results, function,
 * interface, map and channel types.
 */
#include "parse_int.h"

/* ---- types ---- */

struct go_node *go_p_selector(struct parser *p, struct go_node *x,
				struct go_ident *sel)
{
	struct go_selector_expr *s = NEW(go_selector_expr, GO_SELECTOR_EXPR);

	s->x = x;
	s->sel = sel;
	go_p_pos_from(N(s), x);
	s->node.end = sel->node.end;
	return N(s);
}

static struct go_node *parse_type_name(struct parser *p, struct go_ident *id)
{
	if (!id)
		id = go_p_parse_ident(p);
	if (TOK == GO_TOK_PERIOD) {
		go_p_next(p);
		return go_p_selector(p, N(id), go_p_parse_ident(p));
	}
	return N(id);
}

/* PackIndexExpr: one index is an IndexExpr, more an IndexListExpr. */
struct go_node *go_p_pack_index(struct parser *p, struct go_node *x,
				  struct pos lbrack, struct go_list args,
				  struct pos rbrack)
{
	if (args.n == 1) {
		struct go_index_expr *ix = NEW(go_index_expr, GO_INDEX_EXPR);
		ix->x = x;
		ix->lbrack = lbrack.off;
		ix->index = args.v[0];
		ix->rbrack = rbrack.off;
		go_p_pos_from(N(ix), x);
		ix->node.end = rbrack.off + 1;
		return N(ix);
	}
	struct go_index_list_expr *il = NEW(go_index_list_expr,
					    GO_INDEX_LIST_EXPR);
	il->x = x;
	il->lbrack = lbrack.off;
	il->indices = args;
	il->rbrack = rbrack.off;
	go_p_pos_from(N(il), x);
	il->node.end = rbrack.off + 1;
	return N(il);
}

static struct go_node *parse_type_instance(struct parser *p,
					   struct go_node *typ)
{
	struct pos opening = go_p_expect(p, GO_TOK_LBRACK), closing;
	size_t mark = go_p_lmark(p);
	struct go_list l;

	p->expr_lev++;
	while (TOK != GO_TOK_RBRACK && TOK != GO_TOK_EOF) {
		go_p_lpush(p, go_p_parse_type(p));
		if (!go_p_at_comma(p, "type argument list", GO_TOK_RBRACK))
			break;
		go_p_next(p);
	}
	p->expr_lev--;
	closing = go_p_expect_closing(p, GO_TOK_RBRACK, "type argument list");
	l = go_p_lfinish(p, mark);
	if (l.n == 0)
		go_p_fail_expected(p, closing, "type argument list");
	return go_p_pack_index(p, typ, opening, l, closing);
}

static struct go_node *parse_qualified_ident(struct parser *p,
					     struct go_ident *id)
{
	struct go_node *typ = parse_type_name(p, id);

	if (TOK == GO_TOK_LBRACK)
		typ = parse_type_instance(p, typ);
	return typ;
}

static struct go_node *array_type(struct parser *p, struct pos lbrack,
				  struct go_node *len, struct go_node *elt)
{
	struct go_array_type *t = NEW(go_array_type, GO_ARRAY_TYPE);

	go_p_set_pos(N(t), lbrack);
	t->lbrack = lbrack.off;
	t->len = len;
	t->elt = elt;
	t->node.end = elt->end;
	return N(t);
}

/* "[" has been consumed; len is an already parsed length or NULL. */
struct go_node *go_p_parse_array_type(struct parser *p, struct pos lbrack,
					struct go_node *len)
{
	if (!len) {
		p->expr_lev++;
		if (TOK == GO_TOK_ELLIPSIS) {
			struct go_ellipsis *el = NEW(go_ellipsis, GO_ELLIPSIS);
			go_p_set_pos(N(el), go_p_cur(p));
			el->node.end = el->node.off + 3;
			len = N(el);
			go_p_next(p);
		} else if (TOK != GO_TOK_RBRACK) {
			len = go_p_parse_rhs(p);
		}
		p->expr_lev--;
	}
	if (TOK == GO_TOK_COMMA)
		go_p_fail_at(p, p->tok.line, p->tok.col,
			"unexpected comma; expecting ]");
	go_p_expect(p, GO_TOK_RBRACK);
	return array_type(p, lbrack, len, go_p_parse_type(p));
}

/* x "[" ...: an array/slice field type or an instantiated embedded type.
 * Returns the type; *is_field says whether x is a field name. */
static struct go_node *parse_array_field_or_type_instance(struct parser *p,
							  struct go_ident *x,
							  int *is_field)
{
	struct pos lbrack = go_p_expect(p, GO_TOK_LBRACK), rbrack;
	size_t mark = go_p_lmark(p);
	struct go_list args;

	if (TOK != GO_TOK_RBRACK) {
		p->expr_lev++;
		go_p_lpush(p, go_p_parse_rhs_or_type(p));
		while (TOK == GO_TOK_COMMA) {
			go_p_next(p);
			go_p_lpush(p, go_p_parse_rhs_or_type(p));
		}
		p->expr_lev--;
	}
	rbrack = go_p_expect(p, GO_TOK_RBRACK);
	args = go_p_lfinish(p, mark);
	*is_field = 1;
	if (args.n == 0)
		return array_type(p, lbrack, NULL, go_p_parse_type(p));
	if (args.n == 1) {
		struct go_node *elt = go_p_try_ident_or_type(p);
		if (elt)
			return array_type(p, lbrack, args.v[0], elt);
	}
	*is_field = 0;
	return go_p_pack_index(p, N(x), lbrack, args, rbrack);
}

static struct go_field *new_field(struct parser *p, struct go_comment_group *doc,
				  struct go_list names, struct go_node *typ,
				  struct go_basic_lit *tag)
{
	struct go_field *f = NEW(go_field, GO_FIELD);

	f->doc = doc;
	f->names = names;
	f->type = typ;
	f->tag = tag;
	if (names.n)
		go_p_pos_from(N(f), names.v[0]);
	else if (typ)
		go_p_pos_from(N(f), typ);
	else
		f->node.off = GO_NOPOS;
	if (tag)
		f->node.end = tag->node.end;
	else if (typ)
		f->node.end = typ->end;
	else if (names.n)
		f->node.end = names.v[names.n - 1]->end;
	else
		f->node.end = GO_NOPOS;
	return f;
}

struct go_field_list *go_p_field_list(struct parser *p, uint32_t opening,
					struct go_list list, struct pos closing,
					int has_closing, struct pos open_pos)
{
	struct go_field_list *fl = NEW(go_field_list, GO_FIELD_LIST);

	fl->opening = opening;
	fl->list = list;
	fl->closing = has_closing ? closing.off : GO_NOPOS;
	if (opening != GO_NOPOS)
		go_p_set_pos(N(fl), open_pos);
	else if (list.n)
		go_p_pos_from(N(fl), list.v[0]);
	else
		fl->node.off = GO_NOPOS;
	if (has_closing)
		fl->node.end = closing.off + 1;
	else if (list.n)
		fl->node.end = list.v[list.n - 1]->end;
	else
		fl->node.end = GO_NOPOS;
	return fl;
}

static struct go_field *parse_field_decl(struct parser *p)
{
	struct go_comment_group *doc = p->lead;
	struct go_list names = { NULL, 0 };
	struct go_node *typ = NULL;
	struct go_basic_lit *tag = NULL;
	struct go_field *f;

	if (TOK == GO_TOK_IDENT) {
		struct go_ident *name = go_p_parse_ident(p);
		if (TOK == GO_TOK_PERIOD || TOK == GO_TOK_STRING ||
		    TOK == GO_TOK_SEMICOLON || TOK == GO_TOK_RBRACE) {
			typ = N(name);
			if (TOK == GO_TOK_PERIOD)
				typ = parse_qualified_ident(p, name);
		} else {
			size_t mark = go_p_lmark(p);
			go_p_lpush(p, name);
			while (TOK == GO_TOK_COMMA) {
				go_p_next(p);
				go_p_lpush(p, go_p_parse_ident(p));
			}
			if (p->stk.len - mark == 1 && TOK == GO_TOK_LBRACK) {
				int is_field;
				p->stk.len = mark;
				typ = parse_array_field_or_type_instance(
					p, name, &is_field);
				if (is_field)
					names = go_p_list1(p, N(name));
			} else {
				names = go_p_lfinish(p, mark);
				typ = go_p_parse_type(p);
			}
		}
	} else {
		typ = go_p_parse_type(p);
	}
	if (TOK == GO_TOK_STRING)
		tag = go_p_basic_lit(p);
	go_p_expect_semi(p);
	f = new_field(p, doc, names, typ, tag);
	f->comment = p->linec;
	return f;
}

static struct go_node *parse_struct_type(struct parser *p)
{
	struct go_struct_type *t = NEW(go_struct_type, GO_STRUCT_TYPE);
	struct pos pos = go_p_expect(p, GO_TOK_STRUCT);
	struct pos lbrace = go_p_expect(p, GO_TOK_LBRACE), rbrace;
	size_t mark = go_p_lmark(p);

	while (TOK == GO_TOK_IDENT || TOK == GO_TOK_MUL || TOK == GO_TOK_LPAREN)
		go_p_lpush(p, parse_field_decl(p));
	struct go_list l = go_p_lfinish(p, mark);
	rbrace = go_p_expect(p, GO_TOK_RBRACE);
	go_p_set_pos(N(t), pos);
	t->struct_pos = pos.off;
	t->fields = go_p_field_list(p, lbrace.off, l, rbrace, 1, lbrace);
	t->node.end = rbrace.off + 1;
	return N(t);
}

struct go_node *go_p_star(struct parser *p, struct pos at, struct go_node *x)
{
	struct go_star_expr *s = NEW(go_star_expr, GO_STAR_EXPR);

	go_p_set_pos(N(s), at);
	s->x = x;
	s->node.end = x->end;
	return N(s);
}

static struct go_node *parse_dots_type(struct parser *p)
{
	struct pos at = go_p_expect(p, GO_TOK_ELLIPSIS);
	struct go_ellipsis *el = NEW(go_ellipsis, GO_ELLIPSIS);

	go_p_set_pos(N(el), at);
	el->elt = go_p_parse_type(p);
	el->node.end = el->elt->end;
	return N(el);
}

/* A parameter before distribution: name and/or type. */
struct param {
	struct go_ident *name;
	struct go_node *typ;
};

static void parse_param_decl(struct parser *p, struct go_ident *name,
			     int type_sets_ok, struct param *f)
{
	enum go_tok t = TOK;

	f->name = NULL;
	f->typ = NULL;
	if (name)
		t = GO_TOK_IDENT;
	else if (type_sets_ok && TOK == GO_TOK_TILDE) {
		f->typ = go_p_embedded_elem(p, NULL);
		return;
	}
	switch (t) {
	case GO_TOK_IDENT:
		f->name = name ? name : go_p_parse_ident(p);
		switch (TOK) {
		case GO_TOK_IDENT: case GO_TOK_MUL: case GO_TOK_ARROW:
		case GO_TOK_FUNC: case GO_TOK_CHAN: case GO_TOK_MAP:
		case GO_TOK_STRUCT: case GO_TOK_INTERFACE: case GO_TOK_LPAREN:
			f->typ = go_p_parse_type(p);
			break;
		case GO_TOK_LBRACK: {
			int is_field;
			f->typ = parse_array_field_or_type_instance(p, f->name,
								    &is_field);
			if (!is_field)
				f->name = NULL;
			break;
		}
		case GO_TOK_ELLIPSIS:
			f->typ = parse_dots_type(p);
			return;
		case GO_TOK_PERIOD:
			f->typ = parse_qualified_ident(p, f->name);
			f->name = NULL;
			break;
		case GO_TOK_TILDE:
			if (type_sets_ok) {
				f->typ = go_p_embedded_elem(p, NULL);
				return;
			}
			break;
		case GO_TOK_OR:
			if (type_sets_ok) {
				f->typ = go_p_embedded_elem(p, N(f->name));
				f->name = NULL;
				return;
			}
			break;
		default:
			break;
		}
		break;
	case GO_TOK_MUL: case GO_TOK_ARROW: case GO_TOK_FUNC: case GO_TOK_LBRACK:
	case GO_TOK_CHAN: case GO_TOK_MAP: case GO_TOK_STRUCT:
	case GO_TOK_INTERFACE: case GO_TOK_LPAREN:
		f->typ = go_p_parse_type(p);
		break;
	case GO_TOK_ELLIPSIS:
		f->typ = parse_dots_type(p);
		return;
	default:
		go_p_fail_expected(p, go_p_cur(p), "')'");
	}
	if (type_sets_ok && TOK == GO_TOK_OR && f->typ)
		f->typ = go_p_embedded_elem(p, f->typ);
}

/* parseParameterList: the fields between the parentheses (or brackets,
 * for type parameters), with names distributed over types. */
struct go_list go_p_parse_parameter_list(struct parser *p,
					   struct go_ident *name0,
					   struct go_node *typ0,
					   enum go_tok closing)
{
	int tparams = closing == GO_TOK_RBRACK;
	struct pos start = name0 ? go_p_node_pos(N(name0)) : go_p_cur(p);
	size_t named = 0, i;
	struct go_list out = { NULL, 0 };
	size_t mark;

	/* in the arena, not the heap: a syntax error longjmps out */
	size_t cap = 8, n = 0;
	struct param *ps = arena_alloc(p->a, cap * sizeof(*ps));

	while (name0 || (TOK != closing && TOK != GO_TOK_EOF)) {
		struct param par;
		if (typ0) {
			if (tparams)
				typ0 = go_p_embedded_elem(p, typ0);
			par.name = name0;
			par.typ = typ0;
		} else {
			parse_param_decl(p, name0, tparams, &par);
		}
		name0 = NULL;
		typ0 = NULL;
		if (par.name || par.typ) {
			if (n == cap) {
				struct param *nps = arena_alloc(p->a, 2 * cap *
								sizeof(*ps));
				memcpy(nps, ps, n * sizeof(*ps));
				ps = nps;
				cap *= 2;
			}
			ps[n++] = par;
			if (par.name && par.typ)
				named++;
		}
		if (!go_p_at_comma(p, "parameter list", closing))
			break;
		go_p_next(p);
	}
	if (n == 0)
		return out;
	if (named == 0) {
		for (i = 0; i < n; i++) {
			if (ps[i].name) {
				ps[i].typ = N(ps[i].name);
				ps[i].name = NULL;
			}
		}
		if (tparams)
			go_p_fail_pos(p, start, "all type parameters must be named");
	} else if (named != n) {
		/* some named: all must be named; go/parser reports this as an
		 * error unless every unnamed one only misses its type */
		int ok = 1;
		struct go_node *typ = NULL;
		struct pos missing = start;
		for (i = n; i-- > 0;) {
			if (ps[i].typ) {
				typ = ps[i].typ;
				if (!ps[i].name) {
					ok = 0;
					missing = go_p_node_pos(ps[i].typ);
				}
			} else if (typ) {
				ps[i].typ = typ;
			} else {
				ok = 0;
				missing = go_p_node_pos(N(ps[i].name));
			}
		}
		if (!ok) {
			if (tparams)
				go_p_fail_pos(p, missing,
					 "all type parameters must be named");
			go_p_fail_pos(p, start, "mixed named and unnamed parameters");
		}
	}
	mark = go_p_lmark(p);
	if (named == 0) {
		for (i = 0; i < n; i++) {
			struct go_list none = { NULL, 0 };
			go_p_lpush(p, new_field(p, NULL, none, ps[i].typ, NULL));
		}
		return go_p_lfinish(p, mark);
	}
	for (i = 0; i < n;) {
		size_t j = i;
		while (j < n && ps[j].typ == ps[i].typ)
			j++;
		struct go_list names;
		names.n = (uint32_t)(j - i);
		names.v = arena_alloc(p->a, names.n * sizeof(*names.v));
		for (size_t k = i; k < j; k++)
			names.v[k - i] = N(ps[k].name);
		go_p_lpush(p, new_field(p, NULL, names, ps[i].typ, NULL));
		i = j;
	}
	return go_p_lfinish(p, mark);
}

/* parseParameters: optional type parameters (accept_tparams) and the
 * parameter list. */
void go_p_parse_parameters(struct parser *p, int accept_tparams,
			     struct go_field_list **tparams,
			     struct go_field_list **params)
{
	struct pos opening, closing;
	struct go_list l = { NULL, 0 };

	*tparams = NULL;
	if (accept_tparams && TOK == GO_TOK_LBRACK) {
		struct pos open = go_p_cur(p);
		go_p_next(p);
		l = go_p_parse_parameter_list(p, NULL, NULL, GO_TOK_RBRACK);
		closing = go_p_expect(p, GO_TOK_RBRACK);
		*tparams = go_p_field_list(p, open.off, l, closing, 1, open);
		/* NumFields: names count, or 1 per anonymous field */
		uint32_t nf = 0;
		for (uint32_t i = 0; i < l.n; i++) {
			struct go_field *f = GO_CAST(go_field, l.v[i]);
			nf += f->names.n ? f->names.n : 1;
		}
		if (nf == 0)
			go_p_fail_pos(p, closing, "empty type parameter list");
	}
	opening = go_p_expect(p, GO_TOK_LPAREN);
	l.v = NULL;
	l.n = 0;
	if (TOK != GO_TOK_RPAREN)
		l = go_p_parse_parameter_list(p, NULL, NULL, GO_TOK_RPAREN);
	closing = go_p_expect(p, GO_TOK_RPAREN);
	*params = go_p_field_list(p, opening.off, l, closing, 1, opening);
}

struct go_field_list *go_p_parse_result(struct parser *p)
{
	struct go_field_list *tp, *res;
	struct go_node *typ;
	struct pos none = { GO_NOPOS, 0, 0 };

	if (TOK == GO_TOK_LPAREN) {
		go_p_parse_parameters(p, 0, &tp, &res);
		return res;
	}
	typ = go_p_try_ident_or_type(p);
	if (typ) {
		struct go_list none_names = { NULL, 0 };
		struct go_field *f = new_field(p, NULL, none_names, typ, NULL);
		return go_p_field_list(p, GO_NOPOS, go_p_list1(p, N(f)), none, 0, none);
	}
	return NULL;
}

struct go_func_type *go_p_func_type(struct parser *p, struct pos func,
				      struct go_field_list *tparams,
				      struct go_field_list *params,
				      struct go_field_list *results)
{
	struct go_func_type *t = NEW(go_func_type, GO_FUNC_TYPE);

	t->func_pos = func.off;
	t->type_params = tparams;
	t->params = params;
	t->results = results;
	if (func.off != GO_NOPOS || !params)
		go_p_set_pos(N(t), func);
	else
		go_p_pos_from(N(t), N(params));
	t->node.end = results ? results->node.end : params->node.end;
	return t;
}

struct go_func_type *go_p_parse_func_type(struct parser *p)
{
	struct pos pos = go_p_expect(p, GO_TOK_FUNC);
	struct go_field_list *tparams, *params, *results;

	go_p_parse_parameters(p, 1, &tparams, &params);
	if (tparams)
		go_p_fail_pos(p, go_p_node_pos(N(tparams)),
			 "function type must have no type parameters");
	results = go_p_parse_result(p);
	return go_p_func_type(p, pos, NULL, params, results);
}

static struct go_field *parse_method_spec(struct parser *p)
{
	struct go_comment_group *doc = p->lead;
	struct go_list idents = { NULL, 0 };
	struct go_node *typ, *x = parse_type_name(p, NULL);
	struct pos nopos = { GO_NOPOS, 0, 0 };

	if (x->kind == GO_IDENT) {
		struct go_ident *id = GO_CAST(go_ident, x);
		if (TOK == GO_TOK_LBRACK) {
			struct pos lbrack = go_p_cur(p), rbrack;
			struct go_node *e;
			go_p_next(p);
			p->expr_lev++;
			e = go_p_parse_expr(p);
			p->expr_lev--;
			if (e->kind == GO_IDENT && TOK != GO_TOK_COMMA &&
			    TOK != GO_TOK_RBRACK) {
				/* a generic method m[T any](): parsed by
				 * go/parser only to report it */
				go_p_parse_parameter_list(p, GO_CAST(go_ident, e), NULL,
						     GO_TOK_RBRACK);
				go_p_expect(p, GO_TOK_RBRACK);
				go_p_fail_pos(p, lbrack,
					 "interface method must have no type parameters");
			}
			size_t mark = go_p_lmark(p);
			go_p_lpush(p, e);
			if (go_p_at_comma(p, "type argument list", GO_TOK_RBRACK)) {
				p->expr_lev++;
				go_p_next(p);
				while (TOK != GO_TOK_RBRACK && TOK != GO_TOK_EOF) {
					go_p_lpush(p, go_p_parse_type(p));
					if (!go_p_at_comma(p, "type argument list",
						      GO_TOK_RBRACK))
						break;
					go_p_next(p);
				}
				p->expr_lev--;
			}
			rbrack = go_p_expect_closing(p, GO_TOK_RBRACK,
						"type argument list");
			typ = go_p_pack_index(p, x, lbrack, go_p_lfinish(p, mark), rbrack);
		} else if (TOK == GO_TOK_LPAREN) {
			struct go_field_list *tp, *params, *results;
			go_p_parse_parameters(p, 0, &tp, &params);
			results = go_p_parse_result(p);
			idents = go_p_list1(p, N(id));
			typ = N(go_p_func_type(p, nopos, NULL, params, results));
		} else {
			typ = x;
		}
	} else {
		typ = x;
		if (TOK == GO_TOK_LBRACK)
			typ = parse_type_instance(p, typ);
	}
	return new_field(p, doc, idents, typ, NULL);
}

struct go_node *go_p_unary(struct parser *p, struct pos at, enum go_tok op,
			     struct go_node *x)
{
	struct go_unary_expr *u = NEW(go_unary_expr, GO_UNARY_EXPR);

	go_p_set_pos(N(u), at);
	u->op = op;
	u->x = x;
	u->node.end = x->end;
	return N(u);
}

struct go_node *go_p_binary(struct parser *p, struct go_node *x,
			      struct pos op_pos, enum go_tok op,
			      struct go_node *y)
{
	struct go_binary_expr *b = NEW(go_binary_expr, GO_BINARY_EXPR);

	go_p_pos_from(N(b), x);
	b->x = x;
	b->op_pos = op_pos.off;
	b->op = op;
	b->y = y;
	b->node.end = y->end;
	return N(b);
}

static struct go_node *embedded_term(struct parser *p)
{
	struct go_node *t;

	if (TOK == GO_TOK_TILDE) {
		struct pos at = go_p_cur(p);
		go_p_next(p);
		return go_p_unary(p, at, GO_TOK_TILDE, go_p_parse_type(p));
	}
	t = go_p_try_ident_or_type(p);
	if (!t)
		go_p_fail_expected(p, go_p_cur(p), "~ term or type");
	return t;
}

struct go_node *go_p_embedded_elem(struct parser *p, struct go_node *x)
{
	if (!x)
		x = embedded_term(p);
	while (TOK == GO_TOK_OR) {
		struct pos at = go_p_cur(p);
		go_p_next(p);
		x = go_p_binary(p, x, at, GO_TOK_OR, embedded_term(p));
	}
	return x;
}

static struct go_node *parse_interface_type(struct parser *p)
{
	struct go_interface_type *t = NEW(go_interface_type, GO_INTERFACE_TYPE);
	struct pos pos = go_p_expect(p, GO_TOK_INTERFACE);
	struct pos lbrace = go_p_expect(p, GO_TOK_LBRACE), rbrace;
	size_t mark = go_p_lmark(p);

	for (;;) {
		struct go_field *f;
		if (TOK == GO_TOK_IDENT) {
			f = parse_method_spec(p);
			if (f->names.n == 0) {
				f->type = go_p_embedded_elem(p, f->type);
				f->node.end = f->type->end;
			}
			go_p_expect_semi(p);
			f->comment = p->linec;
		} else if (TOK == GO_TOK_TILDE) {
			struct go_list none = { NULL, 0 };
			struct go_node *typ = go_p_embedded_elem(p, NULL);
			go_p_expect_semi(p);
			f = new_field(p, NULL, none, typ, NULL);
			f->comment = p->linec;
		} else {
			struct go_node *typ = go_p_try_ident_or_type(p);
			struct go_list none = { NULL, 0 };
			if (!typ)
				break;
			typ = go_p_embedded_elem(p, typ);
			go_p_expect_semi(p);
			f = new_field(p, NULL, none, typ, NULL);
			f->comment = p->linec;
		}
		go_p_lpush(p, f);
	}
	struct go_list l = go_p_lfinish(p, mark);
	rbrace = go_p_expect(p, GO_TOK_RBRACE);
	go_p_set_pos(N(t), pos);
	t->interface_pos = pos.off;
	t->methods = go_p_field_list(p, lbrace.off, l, rbrace, 1, lbrace);
	t->node.end = rbrace.off + 1;
	return N(t);
}

static struct go_node *parse_map_type(struct parser *p)
{
	struct go_map_type *t = NEW(go_map_type, GO_MAP_TYPE);
	struct pos pos = go_p_expect(p, GO_TOK_MAP);

	go_p_expect(p, GO_TOK_LBRACK);
	t->key = go_p_parse_type(p);
	go_p_expect(p, GO_TOK_RBRACK);
	t->value = go_p_parse_type(p);
	go_p_set_pos(N(t), pos);
	t->map_pos = pos.off;
	t->node.end = t->value->end;
	return N(t);
}

static struct go_node *parse_chan_type(struct parser *p)
{
	struct go_chan_type *t = NEW(go_chan_type, GO_CHAN_TYPE);
	struct pos pos = go_p_cur(p);

	t->dir = GO_CHAN_BOTH;
	t->arrow = GO_NOPOS;
	if (TOK == GO_TOK_CHAN) {
		go_p_next(p);
		if (TOK == GO_TOK_ARROW) {
			t->arrow = p->tok.off;
			go_p_next(p);
			t->dir = GO_CHAN_SEND;
		}
	} else {
		t->arrow = go_p_expect(p, GO_TOK_ARROW).off;
		go_p_expect(p, GO_TOK_CHAN);
		t->dir = GO_CHAN_RECV;
	}
	t->value = go_p_parse_type(p);
	go_p_set_pos(N(t), pos);
	t->begin = pos.off;
	t->node.end = t->value->end;
	return N(t);
}

struct go_node *go_p_paren(struct parser *p, struct pos lparen,
			     struct go_node *x, struct pos rparen)
{
	struct go_paren_expr *e = NEW(go_paren_expr, GO_PAREN_EXPR);

	go_p_set_pos(N(e), lparen);
	e->lparen = lparen.off;
	e->x = x;
	e->rparen = rparen.off;
	e->node.end = rparen.off + 1;
	return N(e);
}

struct go_node *go_p_try_ident_or_type(struct parser *p)
{
	struct go_node *r = NULL;
	int nest = p->nest;

	go_p_nest_in(p);
	switch (TOK) {
	case GO_TOK_IDENT:
		r = parse_type_name(p, NULL);
		if (TOK == GO_TOK_LBRACK)
			r = parse_type_instance(p, r);
		break;
	case GO_TOK_LBRACK: {
		struct pos lbrack = go_p_expect(p, GO_TOK_LBRACK);
		r = go_p_parse_array_type(p, lbrack, NULL);
		break;
	}
	case GO_TOK_STRUCT:
		r = parse_struct_type(p);
		break;
	case GO_TOK_MUL: {
		struct pos at = go_p_expect(p, GO_TOK_MUL);
		r = go_p_star(p, at, go_p_parse_type(p));
		break;
	}
	case GO_TOK_FUNC:
		r = N(go_p_parse_func_type(p));
		break;
	case GO_TOK_INTERFACE:
		r = parse_interface_type(p);
		break;
	case GO_TOK_MAP:
		r = parse_map_type(p);
		break;
	case GO_TOK_CHAN:
	case GO_TOK_ARROW:
		r = parse_chan_type(p);
		break;
	case GO_TOK_LPAREN: {
		struct pos lparen = go_p_cur(p), rparen;
		struct go_node *x;
		go_p_next(p);
		x = go_p_parse_type(p);
		rparen = go_p_expect(p, GO_TOK_RPAREN);
		r = go_p_paren(p, lparen, x, rparen);
		break;
	}
	default:
		break;
	}
	p->nest = nest;
	return r;
}

struct go_node *go_p_parse_type(struct parser *p)
{
	struct go_node *t = go_p_try_ident_or_type(p);

	if (!t)
		go_p_fail_expected(p, go_p_cur(p), "type");
	return t;
}
