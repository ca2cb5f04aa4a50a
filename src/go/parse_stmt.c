/*
 * parse_stmt: the statements of the Go parser (parse.c, parse_int.h):
 * simple statements, go/defer, return, branch, if, switch, select, for.
 */
#include "parse_int.h"

/* ---- statements ---- */

enum { MODE_BASIC, MODE_LABEL_OK, MODE_RANGE_OK };

static int is_assign_tok(enum go_tok t)
{
	return t == GO_TOK_DEFINE || t == GO_TOK_ASSIGN ||
		(t >= GO_TOK_ADD_ASSIGN && t <= GO_TOK_AND_NOT_ASSIGN);
}

static struct go_assign_stmt *assign(struct parser *p, struct go_list lhs,
				     struct pos tok_pos, enum go_tok tok,
				     struct go_list rhs)
{
	struct go_assign_stmt *as = NEW(go_assign_stmt, GO_ASSIGN_STMT);

	as->lhs = lhs;
	as->tok_pos = tok_pos.off;
	as->tok = tok;
	as->rhs = rhs;
	if (lhs.n)
		go_p_pos_from(N(as), lhs.v[0]);
	as->node.end = rhs.v[rhs.n - 1]->end;
	if (tok == GO_TOK_DEFINE) {
		for (uint32_t i = 0; i < lhs.n; i++)
			if (lhs.v[i]->kind != GO_IDENT)
				go_p_fail_expected(p, go_p_node_pos(lhs.v[i]),
					      "identifier on left side of :=");
	}
	return as;
}

/* A "range x" right-hand side, as go/parser builds it before turning
 * the assignment into a RangeStmt. */
static struct go_node *range_rhs(struct parser *p)
{
	struct pos at = go_p_cur(p);

	go_p_next(p);
	return go_p_unary(p, at, GO_TOK_RANGE, go_p_parse_rhs(p));
}

static struct go_node *parse_simple_stmt(struct parser *p, int mode,
					 int *is_range)
{
	struct go_list x = go_p_parse_expr_list(p);

	if (is_range)
		*is_range = 0;
	if (is_assign_tok(TOK)) {
		struct pos at = go_p_cur(p);
		enum go_tok tok = TOK;
		struct go_list y;
		go_p_next(p);
		if (mode == MODE_RANGE_OK && TOK == GO_TOK_RANGE &&
		    (tok == GO_TOK_DEFINE || tok == GO_TOK_ASSIGN)) {
			y = go_p_list1(p, range_rhs(p));
			*is_range = 1;
		} else {
			y = go_p_parse_expr_list(p);
		}
		return N(assign(p, x, at, tok, y));
	}
	if (x.n > 1)
		go_p_fail_expected(p, go_p_node_pos(x.v[0]), "1 expression");
	switch (TOK) {
	case GO_TOK_COLON: {
		struct pos colon = go_p_cur(p);
		go_p_next(p);
		if (mode == MODE_LABEL_OK && x.v[0]->kind == GO_IDENT) {
			struct go_labeled_stmt *l = NEW(go_labeled_stmt,
							GO_LABELED_STMT);
			l->label = GO_CAST(go_ident, x.v[0]);
			l->colon = colon.off;
			l->stmt = go_p_parse_stmt(p);
			go_p_pos_from(N(l), x.v[0]);
			l->node.end = l->stmt->end;
			return N(l);
		}
		go_p_fail_pos(p, colon, "illegal label declaration");
	}
	case GO_TOK_ARROW: {
		struct go_send_stmt *s = NEW(go_send_stmt, GO_SEND_STMT);
		s->arrow = p->tok.off;
		go_p_next(p);
		s->chan = x.v[0];
		s->value = go_p_parse_rhs(p);
		go_p_pos_from(N(s), x.v[0]);
		s->node.end = s->value->end;
		return N(s);
	}
	case GO_TOK_INC:
	case GO_TOK_DEC: {
		struct go_inc_dec_stmt *s = NEW(go_inc_dec_stmt,
						GO_INC_DEC_STMT);
		s->x = x.v[0];
		s->tok_pos = p->tok.off;
		s->tok = TOK;
		go_p_next(p);
		go_p_pos_from(N(s), x.v[0]);
		s->node.end = s->tok_pos + 2;
		return N(s);
	}
	default: {
		struct go_expr_stmt *s = NEW(go_expr_stmt, GO_EXPR_STMT);
		s->x = x.v[0];
		go_p_pos_from(N(s), x.v[0]);
		s->node.end = s->x->end;
		return N(s);
	}
	}
}

static struct go_node *parse_call_expr(struct parser *p, const char *what)
{
	struct go_node *x = go_p_parse_rhs_or_type(p);

	if (x->kind != GO_CALL_EXPR) {
		struct pos at = go_p_pos_of(p, x->end > p->lx.len ? p->lx.len : x->end);
		go_p_fail_at(p, at.line, at.col,
			"function must be invoked in %s statement", what);
	}
	return x;
}

static struct go_node *parse_go_defer(struct parser *p, int is_go)
{
	struct pos at = go_p_cur(p);
	struct go_node *call;

	go_p_next(p);
	call = parse_call_expr(p, is_go ? "go" : "defer");
	go_p_expect_semi(p);
	if (is_go) {
		struct go_go_stmt *s = NEW(go_go_stmt, GO_GO_STMT);
		s->call = call;
		go_p_set_pos(N(s), at);
		s->node.end = call->end;
		return N(s);
	}
	struct go_defer_stmt *s = NEW(go_defer_stmt, GO_DEFER_STMT);
	s->call = call;
	go_p_set_pos(N(s), at);
	s->node.end = call->end;
	return N(s);
}

static struct go_node *parse_return_stmt(struct parser *p)
{
	struct go_return_stmt *r = NEW(go_return_stmt, GO_RETURN_STMT);
	struct pos at = go_p_expect(p, GO_TOK_RETURN);

	if (TOK != GO_TOK_SEMICOLON && TOK != GO_TOK_RBRACE)
		r->results = go_p_parse_expr_list(p);
	go_p_expect_semi(p);
	go_p_set_pos(N(r), at);
	r->node.end = r->results.n ? r->results.v[r->results.n - 1]->end :
		at.off + 6;
	return N(r);
}

static struct go_node *parse_branch_stmt(struct parser *p, enum go_tok tok)
{
	struct go_branch_stmt *b = NEW(go_branch_stmt, GO_BRANCH_STMT);
	struct pos at = go_p_expect(p, tok);

	if (tok != GO_TOK_FALLTHROUGH && TOK == GO_TOK_IDENT)
		b->label = go_p_parse_ident(p);
	go_p_expect_semi(p);
	go_p_set_pos(N(b), at);
	b->tok = tok;
	b->node.end = b->label ? b->label->node.end :
		at.off + (uint32_t)strlen(go_tok_str(tok));
	return N(b);
}

/* makeExpr: a statement used where an expression is required. */
static struct go_node *make_expr(struct parser *p, struct go_node *s,
				 const char *want)
{
	if (!s)
		return NULL;
	if (s->kind == GO_EXPR_STMT)
		return go_p_check_expr(p, GO_CAST(go_expr_stmt, s)->x);
	go_p_fail_at(p, s->line, s->col,
		"expected %s, found %s (missing parentheses around composite literal?)",
		want, s->kind == GO_ASSIGN_STMT ? "assignment" : "simple statement");
}

static void parse_if_header(struct parser *p, struct go_node **init,
			    struct go_node **cond)
{
	struct go_node *cond_stmt = NULL;
	int prev = p->expr_lev;

	*init = NULL;
	*cond = NULL;
	if (TOK == GO_TOK_LBRACE)
		go_p_fail_at(p, p->tok.line, p->tok.col,
			"missing condition in if statement");
	p->expr_lev = -1;
	if (TOK != GO_TOK_SEMICOLON) {
		if (TOK == GO_TOK_VAR) {
			go_p_next(p);
			go_p_fail_at(p, p->tok.line, p->tok.col,
				"var declaration not allowed in 'IF' initializer");
		}
		*init = parse_simple_stmt(p, MODE_BASIC, NULL);
	}
	if (TOK != GO_TOK_LBRACE) {
		struct pos semi = { GO_NOPOS, 0, 0 };
		int implicit = 0;
		if (TOK == GO_TOK_SEMICOLON) {
			semi = go_p_cur(p);
			implicit = p->tok.implicit;
			go_p_next(p);
		} else {
			go_p_expect(p, GO_TOK_SEMICOLON);
		}
		if (TOK != GO_TOK_LBRACE)
			cond_stmt = parse_simple_stmt(p, MODE_BASIC, NULL);
		if (!cond_stmt && semi.off != GO_NOPOS)
			go_p_fail_pos(p, semi, implicit ?
				 "unexpected newline, expecting { after if clause" :
				 "missing condition in if statement");
	} else {
		cond_stmt = *init;
		*init = NULL;
	}
	if (cond_stmt)
		*cond = make_expr(p, cond_stmt, "boolean expression");
	p->expr_lev = prev;
}

static struct go_node *parse_if_stmt(struct parser *p)
{
	struct go_if_stmt *s = NEW(go_if_stmt, GO_IF_STMT);
	int nest = p->nest;
	struct pos at;

	go_p_nest_in(p);
	at = go_p_expect(p, GO_TOK_IF);
	parse_if_header(p, &s->init, &s->cond);
	s->body = go_p_parse_block_stmt(p);
	if (TOK == GO_TOK_ELSE) {
		go_p_next(p);
		if (TOK == GO_TOK_IF) {
			s->els = parse_if_stmt(p);
		} else if (TOK == GO_TOK_LBRACE) {
			s->els = N(go_p_parse_block_stmt(p));
			go_p_expect_semi(p);
		} else {
			go_p_fail_expected(p, go_p_cur(p), "if statement or block");
		}
	} else {
		go_p_expect_semi(p);
	}
	go_p_set_pos(N(s), at);
	s->node.end = s->els ? s->els->end : s->body->node.end;
	p->nest = nest;
	return N(s);
}

static struct go_node *parse_case_clause(struct parser *p, int type_switch)
{
	struct go_case_clause *c = NEW(go_case_clause, GO_CASE_CLAUSE);
	struct pos at = go_p_cur(p), colon;

	if (TOK == GO_TOK_CASE) {
		go_p_next(p);
		if (type_switch) {
			size_t mark = go_p_lmark(p);
			go_p_lpush(p, go_p_parse_type(p));
			while (TOK == GO_TOK_COMMA) {
				go_p_next(p);
				go_p_lpush(p, go_p_parse_type(p));
			}
			c->list = go_p_lfinish(p, mark);
		} else {
			c->list = go_p_parse_expr_list(p);
		}
	} else {
		go_p_expect(p, GO_TOK_DEFAULT);
		c->is_default = 1;
	}
	colon = go_p_expect(p, GO_TOK_COLON);
	c->body = go_p_parse_stmt_list(p);
	go_p_set_pos(N(c), at);
	c->colon = colon.off;
	c->node.end = c->body.n ? c->body.v[c->body.n - 1]->end : colon.off + 1;
	return N(c);
}

static int is_type_switch_assert(struct go_node *x)
{
	return x->kind == GO_TYPE_ASSERT_EXPR &&
		!GO_CAST(go_type_assert_expr, x)->type;
}

static int is_type_switch_guard(struct parser *p, struct go_node *s)
{
	if (!s)
		return 0;
	if (s->kind == GO_EXPR_STMT)
		return is_type_switch_assert(GO_CAST(go_expr_stmt, s)->x);
	if (s->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, s);
		if (as->lhs.n == 1 && as->rhs.n == 1 &&
		    is_type_switch_assert(as->rhs.v[0])) {
			if (as->tok == GO_TOK_ASSIGN)
				go_p_fail_pos(p, go_p_pos_of(p, as->tok_pos),
					 "expected ':=', found '='");
			return as->tok == GO_TOK_DEFINE;
		}
	}
	return 0;
}

static struct go_block_stmt *clause_block(struct parser *p, struct pos lbrace,
					  struct go_list list, struct pos rbrace)
{
	struct go_block_stmt *b = NEW(go_block_stmt, GO_BLOCK_STMT);

	go_p_set_pos(N(b), lbrace);
	b->lbrace = lbrace.off;
	b->list = list;
	b->rbrace = rbrace.off;
	b->node.end = rbrace.off + 1;
	return b;
}

static struct go_node *parse_switch_stmt(struct parser *p)
{
	struct pos at = go_p_expect(p, GO_TOK_SWITCH), lbrace, rbrace;
	struct go_node *s1 = NULL, *s2 = NULL;
	int type_switch;
	size_t mark;

	if (TOK != GO_TOK_LBRACE) {
		int prev = p->expr_lev;
		p->expr_lev = -1;
		if (TOK != GO_TOK_SEMICOLON)
			s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
		if (TOK == GO_TOK_SEMICOLON) {
			go_p_next(p);
			s1 = s2;
			s2 = NULL;
			if (TOK != GO_TOK_LBRACE)
				s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
		}
		p->expr_lev = prev;
	}
	type_switch = is_type_switch_guard(p, s2);
	lbrace = go_p_expect(p, GO_TOK_LBRACE);
	mark = go_p_lmark(p);
	while (TOK == GO_TOK_CASE || TOK == GO_TOK_DEFAULT)
		go_p_lpush(p, parse_case_clause(p, type_switch));
	struct go_list list = go_p_lfinish(p, mark);
	rbrace = go_p_expect(p, GO_TOK_RBRACE);
	go_p_expect_semi(p);
	struct go_block_stmt *body = clause_block(p, lbrace, list, rbrace);
	if (type_switch) {
		struct go_type_switch_stmt *ts = NEW(go_type_switch_stmt,
						     GO_TYPE_SWITCH_STMT);
		go_p_set_pos(N(ts), at);
		ts->init = s1;
		ts->assign = s2;
		ts->body = body;
		ts->node.end = body->node.end;
		return N(ts);
	}
	struct go_switch_stmt *sw = NEW(go_switch_stmt, GO_SWITCH_STMT);
	go_p_set_pos(N(sw), at);
	sw->init = s1;
	sw->tag = make_expr(p, s2, "switch expression");
	sw->body = body;
	sw->node.end = body->node.end;
	return N(sw);
}

static struct go_node *parse_comm_clause(struct parser *p)
{
	struct go_comm_clause *c = NEW(go_comm_clause, GO_COMM_CLAUSE);
	struct pos at = go_p_cur(p), colon;

	if (TOK == GO_TOK_CASE) {
		struct go_list lhs;
		go_p_next(p);
		lhs = go_p_parse_expr_list(p);
		if (TOK == GO_TOK_ARROW) {
			struct go_send_stmt *s = NEW(go_send_stmt, GO_SEND_STMT);
			if (lhs.n > 1)
				go_p_fail_expected(p, go_p_node_pos(lhs.v[0]),
					      "1 expression");
			s->arrow = p->tok.off;
			go_p_next(p);
			s->chan = lhs.v[0];
			s->value = go_p_parse_rhs(p);
			go_p_pos_from(N(s), lhs.v[0]);
			s->node.end = s->value->end;
			c->comm = N(s);
		} else if (TOK == GO_TOK_ASSIGN || TOK == GO_TOK_DEFINE) {
			enum go_tok tok = TOK;
			struct pos tp = go_p_cur(p);
			if (lhs.n > 2)
				go_p_fail_expected(p, go_p_node_pos(lhs.v[0]),
					      "1 or 2 expressions");
			go_p_next(p);
			struct go_node *rhs = go_p_parse_rhs(p);
			c->comm = N(assign(p, lhs, tp, tok, go_p_list1(p, rhs)));
		} else {
			struct go_expr_stmt *s = NEW(go_expr_stmt, GO_EXPR_STMT);
			if (lhs.n > 1)
				go_p_fail_expected(p, go_p_node_pos(lhs.v[0]),
					      "1 expression");
			s->x = lhs.v[0];
			go_p_pos_from(N(s), s->x);
			s->node.end = s->x->end;
			c->comm = N(s);
		}
	} else {
		go_p_expect(p, GO_TOK_DEFAULT);
	}
	colon = go_p_expect(p, GO_TOK_COLON);
	c->body = go_p_parse_stmt_list(p);
	go_p_set_pos(N(c), at);
	c->colon = colon.off;
	c->node.end = c->body.n ? c->body.v[c->body.n - 1]->end : colon.off + 1;
	return N(c);
}

static struct go_node *parse_select_stmt(struct parser *p)
{
	struct go_select_stmt *s = NEW(go_select_stmt, GO_SELECT_STMT);
	struct pos at = go_p_expect(p, GO_TOK_SELECT), lbrace, rbrace;
	size_t mark;

	lbrace = go_p_expect(p, GO_TOK_LBRACE);
	mark = go_p_lmark(p);
	while (TOK == GO_TOK_CASE || TOK == GO_TOK_DEFAULT)
		go_p_lpush(p, parse_comm_clause(p));
	struct go_list list = go_p_lfinish(p, mark);
	rbrace = go_p_expect(p, GO_TOK_RBRACE);
	go_p_expect_semi(p);
	s->body = clause_block(p, lbrace, list, rbrace);
	go_p_set_pos(N(s), at);
	s->node.end = s->body->node.end;
	return N(s);
}

static struct go_node *parse_for_stmt(struct parser *p)
{
	struct pos at = go_p_expect(p, GO_TOK_FOR);
	struct go_node *s1 = NULL, *s2 = NULL, *s3 = NULL;
	struct go_block_stmt *body;
	int is_range = 0;

	if (TOK != GO_TOK_LBRACE) {
		int prev = p->expr_lev;
		p->expr_lev = -1;
		if (TOK != GO_TOK_SEMICOLON) {
			if (TOK == GO_TOK_RANGE) {
				/* for range x */
				struct go_assign_stmt *as = NEW(go_assign_stmt,
								GO_ASSIGN_STMT);
				as->tok = GO_TOK_ILLEGAL;
				as->tok_pos = GO_NOPOS;
				as->rhs = go_p_list1(p, range_rhs(p));
				s2 = N(as);
				is_range = 1;
			} else {
				s2 = parse_simple_stmt(p, MODE_RANGE_OK,
						       &is_range);
			}
		}
		if (!is_range && TOK == GO_TOK_SEMICOLON) {
			go_p_next(p);
			s1 = s2;
			s2 = NULL;
			if (TOK != GO_TOK_SEMICOLON)
				s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
			go_p_expect_semi(p);
			if (TOK != GO_TOK_LBRACE)
				s3 = parse_simple_stmt(p, MODE_BASIC, NULL);
		}
		p->expr_lev = prev;
	}
	body = go_p_parse_block_stmt(p);
	go_p_expect_semi(p);
	if (is_range) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, s2);
		struct go_range_stmt *r = NEW(go_range_stmt, GO_RANGE_STMT);
		if (as->lhs.n > 2)
			go_p_fail_expected(p, go_p_node_pos(as->lhs.v[as->lhs.n - 1]),
				      "at most 2 expressions");
		if (as->lhs.n >= 1)
			r->key = as->lhs.v[0];
		if (as->lhs.n == 2)
			r->value = as->lhs.v[1];
		r->tok_pos = as->tok_pos;
		r->tok = as->tok;
		struct go_unary_expr *u = GO_CAST(go_unary_expr, as->rhs.v[0]);
		r->range_pos = u->node.off;
		r->x = u->x;
		r->body = body;
		go_p_set_pos(N(r), at);
		r->node.end = body->node.end;
		return N(r);
	}
	struct go_for_stmt *f = NEW(go_for_stmt, GO_FOR_STMT);
	f->init = s1;
	f->cond = make_expr(p, s2, "boolean or range expression");
	f->post = s3;
	f->body = body;
	go_p_set_pos(N(f), at);
	f->node.end = body->node.end;
	return N(f);
}

struct go_node *go_p_parse_stmt(struct parser *p)
{
	struct go_node *s;
	int nest = p->nest;

	go_p_nest_in(p);
	switch (TOK) {
	case GO_TOK_CONST: case GO_TOK_TYPE: case GO_TOK_VAR: {
		struct go_decl_stmt *d = NEW(go_decl_stmt, GO_DECL_STMT);
		d->decl = N(go_p_parse_gen_decl(p, TOK));
		go_p_pos_from(N(d), d->decl);
		d->node.end = d->decl->end;
		s = N(d);
		break;
	}
	case GO_TOK_IDENT: case GO_TOK_INT: case GO_TOK_FLOAT: case GO_TOK_IMAG:
	case GO_TOK_CHAR: case GO_TOK_STRING: case GO_TOK_FUNC:
	case GO_TOK_LPAREN: case GO_TOK_LBRACK: case GO_TOK_STRUCT:
	case GO_TOK_MAP: case GO_TOK_CHAN: case GO_TOK_INTERFACE:
	case GO_TOK_ADD: case GO_TOK_SUB: case GO_TOK_MUL: case GO_TOK_AND:
	case GO_TOK_XOR: case GO_TOK_ARROW: case GO_TOK_NOT:
		s = parse_simple_stmt(p, MODE_LABEL_OK, NULL);
		if (s->kind != GO_LABELED_STMT)
			go_p_expect_semi(p);
		break;
	case GO_TOK_GO:
		s = parse_go_defer(p, 1);
		break;
	case GO_TOK_DEFER:
		s = parse_go_defer(p, 0);
		break;
	case GO_TOK_RETURN:
		s = parse_return_stmt(p);
		break;
	case GO_TOK_BREAK: case GO_TOK_CONTINUE: case GO_TOK_GOTO:
	case GO_TOK_FALLTHROUGH:
		s = parse_branch_stmt(p, TOK);
		break;
	case GO_TOK_LBRACE:
		s = N(go_p_parse_block_stmt(p));
		go_p_expect_semi(p);
		break;
	case GO_TOK_IF:
		s = parse_if_stmt(p);
		break;
	case GO_TOK_SWITCH:
		s = parse_switch_stmt(p);
		break;
	case GO_TOK_SELECT:
		s = parse_select_stmt(p);
		break;
	case GO_TOK_FOR:
		s = parse_for_stmt(p);
		break;
	case GO_TOK_SEMICOLON: {
		struct go_empty_stmt *e = NEW(go_empty_stmt, GO_EMPTY_STMT);
		go_p_set_pos(N(e), go_p_cur(p));
		e->implicit = p->tok.implicit;
		e->node.end = e->implicit ? e->node.off : e->node.off + 1;
		go_p_next(p);
		s = N(e);
		break;
	}
	case GO_TOK_RBRACE: {
		struct go_empty_stmt *e = NEW(go_empty_stmt, GO_EMPTY_STMT);
		go_p_set_pos(N(e), go_p_cur(p));
		e->implicit = 1;
		e->node.end = e->node.off;
		s = N(e);
		break;
	}
	default:
		go_p_fail_expected(p, go_p_cur(p), "statement");
	}
	p->nest = nest;
	return s;
}
