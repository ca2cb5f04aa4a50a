/*
 * parse_expr: blocks and expressions of the Go parser (parse.c,
 * parse_int.h): operands, function literals, composite literals, calls,
 * index and slice expressions, unary and binary expressions.
 */
#include "parse_int.h"

/* ---- blocks ---- */

struct go_list go_p_parse_stmt_list(struct parser *p)
{
	size_t mark = go_p_lmark(p);

	while (TOK != GO_TOK_CASE && TOK != GO_TOK_DEFAULT &&
	       TOK != GO_TOK_RBRACE && TOK != GO_TOK_EOF)
		go_p_lpush(p, go_p_parse_stmt(p));
	return go_p_lfinish(p, mark);
}

struct go_block_stmt *go_p_parse_block_stmt(struct parser *p)
{
	struct go_block_stmt *b = NEW(go_block_stmt, GO_BLOCK_STMT);
	struct pos lbrace = go_p_expect(p, GO_TOK_LBRACE), rbrace;

	b->list = go_p_parse_stmt_list(p);
	rbrace = go_p_expect(p, GO_TOK_RBRACE);
	go_p_set_pos(N(b), lbrace);
	b->lbrace = lbrace.off;
	b->rbrace = rbrace.off;
	b->node.end = rbrace.off + 1;
	return b;
}

/* ---- expressions ---- */

static struct go_node *parse_func_type_or_lit(struct parser *p)
{
	struct go_func_type *typ = go_p_parse_func_type(p);
	struct go_func_lit *lit;

	if (TOK != GO_TOK_LBRACE)
		return N(typ);
	lit = NEW(go_func_lit, GO_FUNC_LIT);
	p->expr_lev++;
	lit->body = go_p_parse_block_stmt(p);
	p->expr_lev--;
	lit->type = typ;
	go_p_pos_from(N(lit), N(typ));
	lit->node.end = lit->body->node.end;
	return N(lit);
}

static struct go_node *parse_operand(struct parser *p)
{
	struct go_node *t;

	switch (TOK) {
	case GO_TOK_IDENT:
		return N(go_p_parse_ident(p));
	case GO_TOK_INT: case GO_TOK_FLOAT: case GO_TOK_IMAG: case GO_TOK_CHAR:
	case GO_TOK_STRING:
		return N(go_p_basic_lit(p));
	case GO_TOK_LPAREN: {
		struct pos lparen = go_p_cur(p), rparen;
		struct go_node *x;
		go_p_next(p);
		p->expr_lev++;
		x = go_p_parse_rhs_or_type(p);
		p->expr_lev--;
		rparen = go_p_expect(p, GO_TOK_RPAREN);
		return go_p_paren(p, lparen, x, rparen);
	}
	case GO_TOK_FUNC:
		return parse_func_type_or_lit(p);
	default:
		break;
	}
	t = go_p_try_ident_or_type(p);
	if (t)
		return t;
	go_p_fail_expected(p, go_p_cur(p), "operand");
}

static struct go_node *parse_type_assertion(struct parser *p,
					    struct go_node *x)
{
	struct go_type_assert_expr *ta = NEW(go_type_assert_expr,
					     GO_TYPE_ASSERT_EXPR);
	struct pos lparen = go_p_expect(p, GO_TOK_LPAREN), rparen;

	if (TOK == GO_TOK_TYPE)
		go_p_next(p);
	else
		ta->type = go_p_parse_type(p);
	rparen = go_p_expect(p, GO_TOK_RPAREN);
	go_p_pos_from(N(ta), x);
	ta->x = x;
	ta->lparen = lparen.off;
	ta->rparen = rparen.off;
	ta->node.end = rparen.off + 1;
	return N(ta);
}

static struct go_node *parse_index_or_slice_or_instance(struct parser *p,
							struct go_node *x)
{
	struct pos lbrack = go_p_expect(p, GO_TOK_LBRACK), rbrack;
	struct go_node *index[3] = { NULL, NULL, NULL };
	struct pos colons[2];
	int ncolons = 0;
	size_t mark = go_p_lmark(p);
	int is_inst = 0;

	if (TOK == GO_TOK_RBRACK)
		go_p_fail_expected(p, go_p_cur(p), "operand");
	p->expr_lev++;
	if (TOK != GO_TOK_COLON)
		index[0] = go_p_parse_rhs_or_type(p);
	if (TOK == GO_TOK_COLON) {
		while (TOK == GO_TOK_COLON && ncolons < 2) {
			colons[ncolons++] = go_p_cur(p);
			go_p_next(p);
			if (TOK != GO_TOK_COLON && TOK != GO_TOK_RBRACK &&
			    TOK != GO_TOK_EOF)
				index[ncolons] = go_p_parse_rhs(p);
		}
	} else if (TOK == GO_TOK_COMMA) {
		is_inst = 1;
		go_p_lpush(p, index[0]);
		while (TOK == GO_TOK_COMMA) {
			go_p_next(p);
			if (TOK != GO_TOK_RBRACK && TOK != GO_TOK_EOF)
				go_p_lpush(p, go_p_parse_type(p));
		}
	}
	p->expr_lev--;
	rbrack = go_p_expect(p, GO_TOK_RBRACK);
	if (ncolons > 0) {
		struct go_slice_expr *s = NEW(go_slice_expr, GO_SLICE_EXPR);
		if (ncolons == 2) {
			s->slice3 = 1;
			if (!index[1])
				go_p_fail_pos(p, colons[0],
					 "2nd index required in 3-index slice");
			if (!index[2])
				go_p_fail_pos(p, colons[1],
					 "3rd index required in 3-index slice");
		}
		go_p_pos_from(N(s), x);
		s->x = x;
		s->lbrack = lbrack.off;
		s->low = index[0];
		s->high = index[1];
		s->max = index[2];
		s->rbrack = rbrack.off;
		s->node.end = rbrack.off + 1;
		return N(s);
	}
	if (!is_inst) {
		struct go_index_expr *ix = NEW(go_index_expr, GO_INDEX_EXPR);
		go_p_pos_from(N(ix), x);
		ix->x = x;
		ix->lbrack = lbrack.off;
		ix->index = index[0];
		ix->rbrack = rbrack.off;
		ix->node.end = rbrack.off + 1;
		return N(ix);
	}
	return go_p_pack_index(p, x, lbrack, go_p_lfinish(p, mark), rbrack);
}

static struct go_node *parse_call(struct parser *p, struct go_node *fun)
{
	struct go_call_expr *c = NEW(go_call_expr, GO_CALL_EXPR);
	struct pos lparen = go_p_expect(p, GO_TOK_LPAREN), rparen;
	size_t mark = go_p_lmark(p);

	c->ellipsis = GO_NOPOS;
	p->expr_lev++;
	while (TOK != GO_TOK_RPAREN && TOK != GO_TOK_EOF &&
	       c->ellipsis == GO_NOPOS) {
		go_p_lpush(p, go_p_parse_rhs_or_type(p));
		if (TOK == GO_TOK_ELLIPSIS) {
			c->ellipsis = p->tok.off;
			go_p_next(p);
		}
		if (!go_p_at_comma(p, "argument list", GO_TOK_RPAREN))
			break;
		go_p_next(p);
	}
	p->expr_lev--;
	c->args = go_p_lfinish(p, mark);
	rparen = go_p_expect_closing(p, GO_TOK_RPAREN, "argument list");
	go_p_pos_from(N(c), fun);
	c->fun = fun;
	c->lparen = lparen.off;
	c->rparen = rparen.off;
	c->node.end = rparen.off + 1;
	return N(c);
}

static struct go_node *parse_literal_value(struct parser *p,
					   struct go_node *typ);

static struct go_node *parse_value(struct parser *p)
{
	if (TOK == GO_TOK_LBRACE)
		return parse_literal_value(p, NULL);
	return go_p_check_expr(p, go_p_parse_expr(p));
}

static struct go_node *parse_element(struct parser *p)
{
	struct go_node *x = parse_value(p);

	if (TOK == GO_TOK_COLON) {
		struct go_key_value_expr *kv = NEW(go_key_value_expr,
						   GO_KEY_VALUE_EXPR);
		kv->colon = p->tok.off;
		go_p_next(p);
		kv->key = x;
		kv->value = parse_value(p);
		go_p_pos_from(N(kv), x);
		kv->node.end = kv->value->end;
		x = N(kv);
	}
	return x;
}

static struct go_node *parse_literal_value(struct parser *p,
					   struct go_node *typ)
{
	struct go_composite_lit *c = NEW(go_composite_lit, GO_COMPOSITE_LIT);
	struct pos lbrace = go_p_expect(p, GO_TOK_LBRACE), rbrace;
	size_t mark = go_p_lmark(p);
	int nest = p->nest;

	/* go/parser does not bound {{{...}}} (literals without a type, whose
	 * nesting passes through none of its counted functions); we do, and
	 * count only those, so that a typed literal costs what it costs
	 * go/parser */
	if (!typ)
		go_p_nest_in(p);
	p->expr_lev++;
	while (TOK != GO_TOK_RBRACE && TOK != GO_TOK_EOF) {
		go_p_lpush(p, parse_element(p));
		if (!go_p_at_comma(p, "composite literal", GO_TOK_RBRACE))
			break;
		go_p_next(p);
	}
	p->expr_lev--;
	p->nest = nest;
	c->elts = go_p_lfinish(p, mark);
	rbrace = go_p_expect_closing(p, GO_TOK_RBRACE, "composite literal");
	c->type = typ;
	if (typ)
		go_p_pos_from(N(c), typ);
	else
		go_p_set_pos(N(c), lbrace);
	c->lbrace = lbrace.off;
	c->rbrace = rbrace.off;
	c->node.end = rbrace.off + 1;
	return N(c);
}

struct go_node *go_p_parse_primary_expr(struct parser *p, struct go_node *x)
{
	int nest = p->nest;

	if (!x)
		x = parse_operand(p);
	for (;;) {
		go_p_nest_in(p);
		switch (TOK) {
		case GO_TOK_PERIOD:
			go_p_next(p);
			if (TOK == GO_TOK_IDENT) {
				x = go_p_selector(p, go_p_check_expr_or_type(p, x),
					     go_p_parse_ident(p));
			} else if (TOK == GO_TOK_LPAREN) {
				x = parse_type_assertion(p, go_p_check_expr(p, x));
			} else {
				go_p_fail_expected(p, go_p_cur(p),
					      "selector or type assertion");
			}
			break;
		case GO_TOK_LBRACK:
			x = parse_index_or_slice_or_instance(p, go_p_check_expr(p, x));
			break;
		case GO_TOK_LPAREN:
			x = parse_call(p, go_p_check_expr_or_type(p, x));
			break;
		case GO_TOK_LBRACE: {
			struct go_node *t = go_p_unparen(x);
			switch (t->kind) {
			case GO_BAD_EXPR: case GO_IDENT: case GO_SELECTOR_EXPR:
			case GO_INDEX_EXPR: case GO_INDEX_LIST_EXPR:
				if (p->expr_lev < 0)
					goto out;
				break;
			case GO_ARRAY_TYPE: case GO_STRUCT_TYPE: case GO_MAP_TYPE:
				break;
			default:
				goto out;
			}
			if (t != x)
				go_p_fail_pos(p, go_p_node_pos(t),
					 "cannot parenthesize type in composite literal");
			x = parse_literal_value(p, x);
			break;
		}
		default:
			goto out;
		}
	}
out:
	p->nest = nest;
	return x;
}

struct go_node *go_p_parse_unary_expr(struct parser *p)
{
	struct go_node *r;
	int nest = p->nest;

	go_p_nest_in(p);
	switch (TOK) {
	case GO_TOK_ADD: case GO_TOK_SUB: case GO_TOK_NOT: case GO_TOK_XOR:
	case GO_TOK_AND: case GO_TOK_TILDE: {
		struct pos at = go_p_cur(p);
		enum go_tok op = TOK;
		go_p_next(p);
		r = go_p_parse_unary_expr(p);
		r = go_p_unary(p, at, op, go_p_check_expr(p, r));
		break;
	}
	case GO_TOK_ARROW: {
		struct pos arrow = go_p_cur(p);
		struct go_node *x;
		go_p_next(p);
		x = go_p_parse_unary_expr(p);
		if (x->kind == GO_CHAN_TYPE) {
			/* <-chan T: re-associate the arrow with the channel
			 * type(s) parsed already */
			struct go_chan_type *typ = GO_CAST(go_chan_type, x);
			int dir = GO_CHAN_SEND;
			uint32_t a = arrow.off;
			struct pos apos = arrow;
			while (typ && dir == GO_CHAN_SEND) {
				if (typ->dir == GO_CHAN_RECV)
					go_p_fail_expected(p, go_p_pos_of(p, typ->arrow),
						      "'chan'");
				uint32_t old_arrow = typ->arrow;
				typ->begin = a;
				typ->arrow = a;
				go_p_set_pos(N(typ), apos);
				a = old_arrow;
				if (a != GO_NOPOS)
					apos = go_p_pos_of(p, a);
				dir = typ->dir;
				typ->dir = GO_CHAN_RECV;
				typ = typ->value->kind == GO_CHAN_TYPE ?
					GO_CAST(go_chan_type, typ->value) : NULL;
			}
			if (dir == GO_CHAN_SEND)
				go_p_fail_expected(p, apos, "channel type");
			r = x;
		} else {
			r = go_p_unary(p, arrow, GO_TOK_ARROW, go_p_check_expr(p, x));
		}
		break;
	}
	case GO_TOK_MUL: {
		struct pos at = go_p_cur(p);
		go_p_next(p);
		r = go_p_parse_unary_expr(p);
		r = go_p_star(p, at, go_p_check_expr_or_type(p, r));
		break;
	}
	default:
		r = go_p_parse_primary_expr(p, NULL);
		break;
	}
	p->nest = nest;
	return r;
}

struct go_node *go_p_parse_binary_expr(struct parser *p, struct go_node *x,
					 int prec1, int check)
{
	int nest = p->nest;

	if (!x)
		x = go_p_parse_unary_expr(p);
	for (;;) {
		go_p_nest_in(p);
		enum go_tok op = TOK;
		int oprec = go_tok_precedence(op);
		struct pos at;
		struct go_node *y;
		if (oprec < prec1)
			break;
		at = go_p_cur(p);
		go_p_next(p);
		y = go_p_parse_binary_expr(p, NULL, oprec + 1, check);
		if (check) {
			x = go_p_check_expr(p, x);
			y = go_p_check_expr(p, y);
		}
		x = go_p_binary(p, x, at, op, y);
	}
	p->nest = nest;
	return x;
}

struct go_node *go_p_parse_expr(struct parser *p)
{
	return go_p_parse_binary_expr(p, NULL, 1, 1);
}

struct go_node *go_p_parse_rhs(struct parser *p)
{
	return go_p_check_expr(p, go_p_parse_expr(p));
}

struct go_node *go_p_parse_rhs_or_type(struct parser *p)
{
	return go_p_check_expr_or_type(p, go_p_parse_expr(p));
}

struct go_list go_p_parse_expr_list(struct parser *p)
{
	size_t mark = go_p_lmark(p);

	go_p_lpush(p, go_p_check_expr(p, go_p_parse_expr(p)));
	while (TOK == GO_TOK_COMMA) {
		go_p_next(p);
		go_p_lpush(p, go_p_check_expr(p, go_p_parse_expr(p)));
	}
	return go_p_lfinish(p, mark);
}
