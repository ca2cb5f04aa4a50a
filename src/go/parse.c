/*
 * parse: a recursive-descent parser for Go that builds the tree of ast.h.
 *
 * The grammar decisions (where a composite literal may start, how a '['
 * after a type name is split into an array length or type parameters, what
 * counts as an expression and what as a type, which comment is a node's Doc
 * or line Comment) follow go/parser's, since the contract is "accept what
 * go/parser accepts and build the same tree"; tests/goparse checks that on
 * every file of Go's standard library.  Unlike go/parser we stop at the
 * first error (setjmp/longjmp out of the recursion): leakhound rejects a
 * file with any syntax error, so recovery would only cost time.  Lists are
 * collected on one scratch stack and copied into the arena when complete.
 */
#include "parse_int.h"

/* ---- errors ---- */

_Noreturn void go_p_fail_at(struct parser *p, uint32_t line, uint32_t col,
			      const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_setf(p->e, "%s:%u:%u: syntax error: %s", p->path, line, col, msg);
	longjmp(p->bail, 1);
}

/* Line and column of any offset already scanned. */
struct pos go_p_pos_of(const struct parser *p, uint32_t off)
{
	struct pos r;
	uint32_t lo = 0, hi = p->lx.nlines;

	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (p->lx.lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	r.off = off;
	r.line = lo + 1;
	r.col = off - p->lx.lines[lo] + 1;
	return r;
}

_Noreturn void go_p_fail_pos(struct parser *p, struct pos at, const char *msg)
{
	go_p_fail_at(p, at.line, at.col, "%s", msg);
}

/* go/parser's errorExpected: "expected X", plus what was found when the
 * error is at the current token. */
_Noreturn void go_p_fail_expected(struct parser *p, struct pos at,
				    const char *what)
{
	if (at.off != p->tok.off)
		go_p_fail_at(p, at.line, at.col, "expected %s", what);
	if (TOK == GO_TOK_SEMICOLON && p->tok.implicit)
		go_p_fail_at(p, at.line, at.col, "expected %s, found newline", what);
	if (TOK >= GO_TOK_IDENT && TOK <= GO_TOK_STRING) {
		/* the literal, cut at a newline (raw strings) or 64 bytes so
		 * the message stays on one line */
		uint32_t n = 0;
		while (n < p->tok.lit_len && n < 64 && p->tok.lit[n] != '\n' &&
		       p->tok.lit[n] != '\r')
			n++;
		go_p_fail_at(p, at.line, at.col, "expected %s, found %.*s%s", what,
			(int)n, p->tok.lit, n < p->tok.lit_len ? "..." : "");
	}
	go_p_fail_at(p, at.line, at.col, "expected %s, found '%s'", what,
		go_tok_str(TOK));
}

static void lex_check(struct parser *p)
{
	if (p->lx.err_set)
		go_p_fail_at(p, p->lx.err_line, p->lx.err_col, "%s", p->lx.err_msg);
}

/* ---- nodes ---- */


struct go_list go_p_lfinish(struct parser *p, size_t mark)
{
	struct go_list l = { NULL, 0 };
	size_t n = p->stk.len - mark;

	if (n) {
		l.v = arena_alloc(p->a, n * sizeof(*l.v));
		memcpy(l.v, p->stk.items + mark, n * sizeof(*l.v));
		l.n = (uint32_t)n;
	}
	p->stk.len = mark;
	return l;
}

struct go_list go_p_list1(struct parser *p, struct go_node *x)
{
	struct go_list l;

	l.v = arena_alloc(p->a, sizeof(*l.v));
	l.v[0] = x;
	l.n = 1;
	return l;
}

/* ---- tokens and comments ---- */

static void next0(struct parser *p)
{
	go_lex_next(&p->lx, &p->tok);
	lex_check(p);
}

static struct go_comment *make_comment(struct parser *p, uint32_t *endline)
{
	struct go_comment *c = NEW(go_comment, GO_COMMENT);
	char *text = arena_alloc(p->a, p->tok.lit_len + 1);

	go_p_set_pos(N(c), go_p_cur(p));
	c->len = go_lex_copy_lit(&p->tok, text);
	c->text = text;
	c->node.end = c->node.off + c->len;
	/* the lexer's line is where the comment ends */
	*endline = p->lx.line;
	next0(p);
	return c;
}

static struct go_comment_group *comment_group(struct parser *p, uint32_t n,
					      uint32_t *endline)
{
	size_t mark = go_p_lmark(p);
	struct go_comment_group *g = NEW(go_comment_group, GO_COMMENT_GROUP);
	struct go_list l;

	*endline = p->tok.line;
	while (TOK == GO_TOK_COMMENT && p->tok.line <= *endline + n)
		go_p_lpush(p, make_comment(p, endline));
	l = go_p_lfinish(p, mark);
	g->list = (struct go_comment **)l.v;
	g->n = l.n;
	go_p_pos_from(N(g), N(g->list[0]));
	g->node.end = g->list[g->n - 1]->node.end;
	vec_push(&p->comments, g);
	return g;
}

void go_p_next(struct parser *p)
{
	uint32_t prev_line = p->tok.line;

	p->lead = p->linec = NULL;
	next0(p);
	if (TOK == GO_TOK_COMMENT) {
		struct go_comment_group *g = NULL;
		uint32_t endline;
		int64_t last = -1;

		if (p->tok.line == prev_line) {
			g = comment_group(p, 0, &endline);
			if (p->tok.line != endline || TOK == GO_TOK_EOF)
				p->linec = g;
		}
		while (TOK == GO_TOK_COMMENT) {
			g = comment_group(p, 1, &endline);
			last = endline;
		}
		if (last + 1 == (int64_t)p->tok.line)
			p->lead = g;
	}
}

struct pos go_p_expect(struct parser *p, enum go_tok t)
{
	struct pos at = go_p_cur(p);
	char what[32];

	if (TOK != t) {
		snprintf(what, sizeof(what), "'%s'", go_tok_str(t));
		go_p_fail_expected(p, at, what);
	}
	go_p_next(p);
	return at;
}

/* expectClosing: a better message for a missing ',' before a newline. */
struct pos go_p_expect_closing(struct parser *p, enum go_tok t,
				 const char *context)
{
	if (TOK != t && TOK == GO_TOK_SEMICOLON && p->tok.implicit)
		go_p_fail_at(p, p->tok.line, p->tok.col,
			"missing ',' before newline in %s", context);
	return go_p_expect(p, t);
}

void go_p_expect_semi(struct parser *p)
{
	if (TOK == GO_TOK_RPAREN || TOK == GO_TOK_RBRACE)
		return;
	if (TOK == GO_TOK_SEMICOLON) {
		go_p_next(p);
		return;
	}
	go_p_fail_expected(p, go_p_cur(p), "';'");
}

/* atComma: 1 at a ',', 0 at the closing token, an error otherwise. */
int go_p_at_comma(struct parser *p, const char *context, enum go_tok follow)
{
	if (TOK == GO_TOK_COMMA)
		return 1;
	if (TOK != follow)
		go_p_fail_at(p, p->tok.line, p->tok.col, "missing ','%s in %s",
			TOK == GO_TOK_SEMICOLON && p->tok.implicit ?
			" before newline" : "", context);
	return 0;
}

void go_p_nest_in(struct parser *p)
{
	if (++p->nest > GO_PARSE_MAX_NEST)
		go_p_fail_at(p, p->tok.line, p->tok.col, "exceeded max nesting depth");
}

/* ---- identifiers and literals ---- */

static struct go_ident *ident_from_tok(struct parser *p)
{
	struct go_ident *id = NEW(go_ident, GO_IDENT);

	go_p_set_pos(N(id), go_p_cur(p));
	id->name = arena_strndup(p->a, p->tok.lit, p->tok.lit_len);
	id->len = p->tok.lit_len;
	id->node.end = id->node.off + id->len;
	return id;
}

struct go_ident *go_p_parse_ident(struct parser *p)
{
	struct go_ident *id;

	if (TOK != GO_TOK_IDENT)
		go_p_expect(p, GO_TOK_IDENT);
	id = ident_from_tok(p);
	go_p_next(p);
	return id;
}

struct go_basic_lit *go_p_basic_lit(struct parser *p)
{
	struct go_basic_lit *b = NEW(go_basic_lit, GO_BASIC_LIT);
	char *v = arena_alloc(p->a, p->tok.lit_len + 1);

	go_p_set_pos(N(b), go_p_cur(p));
	b->kind = TOK;
	b->len = go_lex_copy_lit(&p->tok, v);
	b->value = v;
	b->node.end = b->node.off + b->len;
	go_p_next(p);
	return b;
}

/* ---- expression checks ---- */

/* checkExpr: x must be an expression, not a type. */
struct go_node *go_p_check_expr(struct parser *p, struct go_node *x)
{
	switch (go_p_unparen(x)->kind) {
	case GO_BAD_EXPR: case GO_IDENT: case GO_BASIC_LIT: case GO_FUNC_LIT:
	case GO_COMPOSITE_LIT: case GO_SELECTOR_EXPR: case GO_INDEX_EXPR:
	case GO_INDEX_LIST_EXPR: case GO_SLICE_EXPR: case GO_TYPE_ASSERT_EXPR:
	case GO_CALL_EXPR: case GO_STAR_EXPR: case GO_UNARY_EXPR:
	case GO_BINARY_EXPR:
		return x;
	default:
		go_p_fail_expected(p, go_p_node_pos(x), "expression");
	}
}

/* checkExprOrType: anything but the raw type [...]T. */
struct go_node *go_p_check_expr_or_type(struct parser *p, struct go_node *x)
{
	struct go_node *t = go_p_unparen(x);

	if (t->kind == GO_ARRAY_TYPE) {
		struct go_node *len = GO_CAST(go_array_type, t)->len;
		if (len && len->kind == GO_ELLIPSIS)
			go_p_fail_pos(p, go_p_node_pos(len),
				 "expected array length, found '...'");
	}
	return x;
}

/* ---- declarations ---- */

/* go/parser's isValidImport: the unquoted path is not empty and every
 * character is graphic, not a space and none of !"#$%&'()*,:;<=>?[\]^{|}`
 * (nor U+FFFD, which also stands for invalid UTF-8).  lit is the literal
 * as in the tree (raw strings without '\r'); the lexer has already checked
 * its escapes. */
static int valid_import(struct parser *p, const char *lit, uint32_t len)
{
	static const char illegal[] = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
	char *buf = arena_alloc(p->a, len + 1);
	uint32_t n = 0, i;

	if (lit[0] == '`') {
		memcpy(buf, lit + 1, len - 2);
		n = len - 2;
	} else {
		for (i = 1; i + 1 < len;) {
			uint32_t v = 0;
			int k, base, esc;
			if (lit[i] != '\\') {
				buf[n++] = lit[i++];
				continue;
			}
			esc = lit[++i];
			switch (esc) {
			case 'a': buf[n++] = 7; i++; continue;
			case 'b': buf[n++] = 8; i++; continue;
			case 'f': buf[n++] = 12; i++; continue;
			case 'n': buf[n++] = 10; i++; continue;
			case 'r': buf[n++] = 13; i++; continue;
			case 't': buf[n++] = 9; i++; continue;
			case 'v': buf[n++] = 11; i++; continue;
			case 'x': k = 2; base = 16; i++; break;
			case 'u': k = 4; base = 16; i++; break;
			case 'U': k = 8; base = 16; i++; break;
			default:
				if (esc >= '0' && esc <= '7') {
					k = 3;
					base = 8;
					break;
				}
				buf[n++] = lit[i++];  /* backslash or quote */
				continue;
			}
			for (; k > 0; k--, i++) {
				int c = (unsigned char)lit[i];
				int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
				v = v * (uint32_t)base + (uint32_t)d;
			}
			/* \u and \U are code points, \x and octal are bytes */
			if (esc == 'u' || esc == 'U')
				n += (uint32_t)utf8_encode((int32_t)v, buf + n);
			else
				buf[n++] = (char)v;
		}
	}
	if (n == 0)
		return 0;
	for (i = 0; i < n;) {
		unsigned char c = (unsigned char)buf[i];
		if (c < 0x80) {
			if (c <= ' ' || c == 0x7f || strchr(illegal, c))
				return 0;
			i++;
			continue;
		}
		size_t w;
		int32_t r = utf8_decode(buf + i, n - i, &w);
		if (r < 0 || !go_import_path_rune_ok(r))
			return 0;
		i += (uint32_t)w;
	}
	return 1;
}

static struct go_node *parse_import_spec(struct parser *p,
					 struct go_comment_group *doc)
{
	struct go_import_spec *s = NEW(go_import_spec, GO_IMPORT_SPEC);

	s->doc = doc;
	s->end_pos = GO_NOPOS;
	if (TOK == GO_TOK_PERIOD) {
		struct go_ident *id = NEW(go_ident, GO_IDENT);
		go_p_set_pos(N(id), go_p_cur(p));
		id->name = ".";
		id->len = 1;
		id->node.end = id->node.off + 1;
		s->name = id;
		go_p_next(p);
	} else if (TOK == GO_TOK_IDENT) {
		s->name = go_p_parse_ident(p);
	}
	if (TOK != GO_TOK_STRING)
		go_p_expect(p, GO_TOK_STRING);
	s->path = go_p_basic_lit(p);
	if (!valid_import(p, s->path->value, s->path->len)) {
		uint32_t n = 0;
		while (n < s->path->len && n < 200 &&
		       (unsigned char)s->path->value[n] >= ' ')
			n++;
		go_p_fail_at(p, s->path->node.line, s->path->node.col,
			"invalid import path: %.*s%s", (int)n, s->path->value,
			n < s->path->len ? "..." : "");
	}
	go_p_expect_semi(p);
	s->comment = p->linec;
	if (s->name)
		go_p_pos_from(N(s), N(s->name));
	else
		go_p_pos_from(N(s), N(s->path));
	s->node.end = s->path->node.end;
	vec_push(&p->imports, N(s));
	return N(s);
}

static struct go_node *parse_value_spec(struct parser *p,
					struct go_comment_group *doc,
					enum go_tok kw, int iota)
{
	struct go_value_spec *s = NEW(go_value_spec, GO_VALUE_SPEC);
	struct pos at = go_p_cur(p);
	size_t mark = go_p_lmark(p);

	s->doc = doc;
	go_p_lpush(p, go_p_parse_ident(p));
	while (TOK == GO_TOK_COMMA) {
		go_p_next(p);
		go_p_lpush(p, go_p_parse_ident(p));
	}
	s->names = go_p_lfinish(p, mark);
	s->type = go_p_try_ident_or_type(p);
	if (TOK == GO_TOK_ASSIGN) {
		go_p_next(p);
		s->values = go_p_parse_expr_list(p);
	}
	go_p_expect_semi(p);
	if (kw == GO_TOK_VAR && !s->type && !s->values.n)
		go_p_fail_pos(p, at, "missing variable type or initialization");
	if (kw == GO_TOK_CONST && !s->values.n && (iota == 0 || s->type))
		go_p_fail_pos(p, at, "missing constant value");
	s->comment = p->linec;
	go_p_pos_from(N(s), s->names.v[0]);
	if (s->values.n)
		s->node.end = s->values.v[s->values.n - 1]->end;
	else if (s->type)
		s->node.end = s->type->end;
	else
		s->node.end = s->names.v[s->names.n - 1]->end;
	return N(s);
}

/* isTypeElem: x is certainly a type element, not a value expression. */
static int is_type_elem(struct go_node *x)
{
	switch (x->kind) {
	case GO_ARRAY_TYPE: case GO_STRUCT_TYPE: case GO_FUNC_TYPE:
	case GO_INTERFACE_TYPE: case GO_MAP_TYPE: case GO_CHAN_TYPE:
		return 1;
	case GO_BINARY_EXPR:
		return is_type_elem(GO_CAST(go_binary_expr, x)->x) ||
			is_type_elem(GO_CAST(go_binary_expr, x)->y);
	case GO_UNARY_EXPR:
		return GO_CAST(go_unary_expr, x)->op == GO_TOK_TILDE;
	case GO_PAREN_EXPR:
		return is_type_elem(GO_CAST(go_paren_expr, x)->x);
	default:
		return 0;
	}
}

/* extractName: split x into a type parameter name and its constraint if
 * x can be read as "name constraint". */
static struct go_ident *extract_name(struct parser *p, struct go_node *x,
				     int force, struct go_node **expr)
{
	*expr = x;
	if (x->kind == GO_IDENT) {
		*expr = NULL;
		return GO_CAST(go_ident, x);
	}
	if (x->kind == GO_BINARY_EXPR) {
		struct go_binary_expr *b = GO_CAST(go_binary_expr, x);
		if (b->op == GO_TOK_MUL) {
			if (b->x->kind == GO_IDENT &&
			    (force || is_type_elem(b->y))) {
				*expr = go_p_star(p, go_p_pos_of(p, b->op_pos), b->y);
				return GO_CAST(go_ident, b->x);
			}
		} else if (b->op == GO_TOK_OR) {
			struct go_node *lhs;
			struct go_ident *name = extract_name(
				p, b->x, force || is_type_elem(b->y), &lhs);
			if (name && lhs) {
				*expr = go_p_binary(p, lhs, go_p_pos_of(p, b->op_pos),
					       b->op, b->y);
				return name;
			}
		}
	} else if (x->kind == GO_CALL_EXPR) {
		struct go_call_expr *c = GO_CAST(go_call_expr, x);
		if (c->fun->kind == GO_IDENT && c->args.n == 1 &&
		    c->ellipsis == GO_NOPOS &&
		    (force || is_type_elem(c->args.v[0]))) {
			*expr = c->args.v[0];
			return GO_CAST(go_ident, c->fun);
		}
	}
	return NULL;
}

static void parse_generic_type(struct parser *p, struct go_type_spec *spec,
			       struct pos open, struct go_ident *name0,
			       struct go_node *typ0)
{
	struct go_list l = go_p_parse_parameter_list(p, name0, typ0, GO_TOK_RBRACK);
	struct pos close = go_p_expect(p, GO_TOK_RBRACK);

	spec->type_params = go_p_field_list(p, open.off, l, close, 1, open);
	if (TOK == GO_TOK_ASSIGN) {
		spec->assign = p->tok.off;
		go_p_next(p);
	}
	spec->type = go_p_parse_type(p);
}

static struct go_node *parse_type_spec(struct parser *p,
				       struct go_comment_group *doc)
{
	struct go_type_spec *s = NEW(go_type_spec, GO_TYPE_SPEC);

	s->doc = doc;
	s->assign = GO_NOPOS;
	s->name = go_p_parse_ident(p);
	if (TOK == GO_TOK_LBRACK) {
		struct pos lbrack = go_p_cur(p);
		go_p_next(p);
		if (TOK == GO_TOK_IDENT) {
			struct go_node *x = N(go_p_parse_ident(p)), *ptype;
			struct go_ident *pname;
			if (TOK != GO_TOK_LBRACK) {
				p->expr_lev++;
				x = go_p_parse_primary_expr(p, x);
				x = go_p_parse_binary_expr(p, x, 1, 0);
				p->expr_lev--;
			}
			pname = extract_name(p, x, TOK == GO_TOK_COMMA, &ptype);
			if (pname && (ptype || TOK != GO_TOK_RBRACK))
				parse_generic_type(p, s, lbrack, pname, ptype);
			else
				s->type = go_p_parse_array_type(p, lbrack, x);
		} else {
			s->type = go_p_parse_array_type(p, lbrack, NULL);
		}
	} else {
		if (TOK == GO_TOK_ASSIGN) {
			s->assign = p->tok.off;
			go_p_next(p);
		}
		s->type = go_p_parse_type(p);
	}
	go_p_expect_semi(p);
	s->comment = p->linec;
	go_p_pos_from(N(s), N(s->name));
	s->node.end = s->type->end;
	return N(s);
}

struct go_gen_decl *go_p_parse_gen_decl(struct parser *p, enum go_tok kw)
{
	struct go_gen_decl *d = NEW(go_gen_decl, GO_GEN_DECL);
	struct pos at;
	size_t mark;

	d->doc = p->lead;
	at = go_p_expect(p, kw);
	d->tok = kw;
	d->tok_pos = at.off;
	d->lparen = d->rparen = GO_NOPOS;
	mark = go_p_lmark(p);
	if (TOK == GO_TOK_LPAREN) {
		d->lparen = p->tok.off;
		go_p_next(p);
		for (int iota = 0; TOK != GO_TOK_RPAREN && TOK != GO_TOK_EOF;
		     iota++) {
			struct go_comment_group *doc = p->lead;
			if (kw == GO_TOK_IMPORT)
				go_p_lpush(p, parse_import_spec(p, doc));
			else if (kw == GO_TOK_TYPE)
				go_p_lpush(p, parse_type_spec(p, doc));
			else
				go_p_lpush(p, parse_value_spec(p, doc, kw, iota));
		}
		d->specs = go_p_lfinish(p, mark);
		d->rparen = go_p_expect(p, GO_TOK_RPAREN).off;
		go_p_expect_semi(p);
	} else {
		if (kw == GO_TOK_IMPORT)
			go_p_lpush(p, parse_import_spec(p, NULL));
		else if (kw == GO_TOK_TYPE)
			go_p_lpush(p, parse_type_spec(p, NULL));
		else
			go_p_lpush(p, parse_value_spec(p, NULL, kw, 0));
		d->specs = go_p_lfinish(p, mark);
	}
	go_p_set_pos(N(d), at);
	d->node.end = d->rparen != GO_NOPOS ? d->rparen + 1 :
		d->specs.v[0]->end;
	return d;
}

static struct go_node *parse_func_decl(struct parser *p)
{
	struct go_func_decl *d = NEW(go_func_decl, GO_FUNC_DECL);
	struct go_field_list *tparams, *params, *results, *tp;
	struct pos at;

	d->doc = p->lead;
	at = go_p_expect(p, GO_TOK_FUNC);
	if (TOK == GO_TOK_LPAREN)
		go_p_parse_parameters(p, 0, &tp, &d->recv);
	d->name = go_p_parse_ident(p);
	go_p_parse_parameters(p, 1, &tparams, &params);
	if (d->recv && tparams)
		go_p_fail_pos(p, go_p_node_pos(N(tparams)),
			 "method must have no type parameters");
	results = go_p_parse_result(p);
	if (TOK == GO_TOK_LBRACE) {
		d->body = go_p_parse_block_stmt(p);
		go_p_expect_semi(p);
	} else if (TOK == GO_TOK_SEMICOLON) {
		go_p_next(p);
		if (TOK == GO_TOK_LBRACE)
			go_p_fail_at(p, p->tok.line, p->tok.col,
				"unexpected semicolon or newline before {");
	} else {
		go_p_expect_semi(p);
	}
	d->type = go_p_func_type(p, at, tparams, params, results);
	go_p_pos_from(N(d), N(d->type));
	d->node.end = d->body ? d->body->node.end : d->type->node.end;
	return N(d);
}

static struct go_node *parse_decl(struct parser *p)
{
	switch (TOK) {
	case GO_TOK_CONST: case GO_TOK_VAR: case GO_TOK_TYPE:
		return N(go_p_parse_gen_decl(p, TOK));
	case GO_TOK_FUNC:
		return parse_func_decl(p);
	default:
		go_p_fail_expected(p, go_p_cur(p), "declaration");
	}
}

static struct go_file *parse_file(struct parser *p)
{
	struct go_file *f = NEW(go_file, GO_FILE);
	struct pos at;
	size_t mark;

	f->doc = p->lead;
	at = go_p_expect(p, GO_TOK_PACKAGE);
	f->package_pos = at.off;
	f->name = go_p_parse_ident(p);
	go_p_expect_semi(p);
	mark = go_p_lmark(p);
	while (TOK == GO_TOK_IMPORT)
		go_p_lpush(p, go_p_parse_gen_decl(p, GO_TOK_IMPORT));
	while (TOK != GO_TOK_EOF)
		go_p_lpush(p, parse_decl(p));
	f->decls = go_p_lfinish(p, mark);
	go_p_set_pos(N(f), at);
	f->node.end = f->decls.n ? f->decls.v[f->decls.n - 1]->end :
		f->name->node.end;
	return f;
}

struct go_file *go_parse_file(struct arena *a, const char *path,
			      const char *src, size_t len, struct err *e)
{
	struct parser *p = xcalloc(1, sizeof(*p));
	struct go_file *f = NULL;

	p->a = a;
	p->path = path;
	p->e = e;
	if (len >= UINT32_MAX - 1) {
		err_setf(e, "%s: file too large (%zu bytes)", path, len);
		free(p);
		return NULL;
	}
	go_lex_init(&p->lx, src, len, 1);
	if (!setjmp(p->bail)) {
		go_p_next(p);
		f = parse_file(p);
		f->path = arena_strdup(a, path);
		f->src = src;
		f->size = (uint32_t)len;
		f->nlines = p->lx.nlines;
		uint32_t *lines = arena_alloc(a, f->nlines * sizeof(*lines));
		memcpy(lines, p->lx.lines, f->nlines * sizeof(*lines));
		f->lines = lines;
		f->ncomments = (uint32_t)p->comments.len;
		f->comments = arena_alloc(a, (f->ncomments ? f->ncomments : 1) *
					  sizeof(*f->comments));
		if (f->ncomments)
			memcpy(f->comments, p->comments.items,
			       f->ncomments * sizeof(*f->comments));
		f->imports.n = (uint32_t)p->imports.len;
		f->imports.v = arena_alloc(a, (f->imports.n ? f->imports.n : 1) *
					   sizeof(*f->imports.v));
		if (f->imports.n)
			memcpy(f->imports.v, p->imports.items,
			       f->imports.n * sizeof(*f->imports.v));
		f->nnodes = p->nnodes;
	} else {
		f = NULL;
	}
	go_lex_release(&p->lx);
	vec_free(&p->comments);
	vec_free(&p->imports);
	vec_free(&p->stk);
	free(p);
	return f;
}
