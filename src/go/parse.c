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
#include "parse.h"
#include "../base/utf8.h"
#include "../base/vec.h"

#include <setjmp.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>


struct pos {
	uint32_t off, line, col;
};

struct parser {
	struct arena *a;
	const char *path;
	struct err *e;
	jmp_buf bail;
	struct go_lexer lx;
	struct go_token tok;
	int expr_lev;
	int nest;            /* go/parser's nestLev */
	struct go_comment_group *lead, *linec;
	VEC(struct go_comment_group *) comments;
	VEC(struct go_node *) imports;
	VEC(void *) stk;
	uint32_t nnodes;
};

#define TOK (p->tok.tok)
#define N(x) ((struct go_node *)(x))

/* ---- errors ---- */

static _Noreturn void fail_at(struct parser *p, uint32_t line, uint32_t col,
			      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static _Noreturn void fail_at(struct parser *p, uint32_t line, uint32_t col,
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

static struct pos cur(const struct parser *p)
{
	struct pos r = { p->tok.off, p->tok.line, p->tok.col };
	return r;
}

static struct pos node_pos(const struct go_node *n)
{
	struct pos r = { n->off, n->line, n->col };
	return r;
}

/* Line and column of any offset already scanned. */
static struct pos pos_of(const struct parser *p, uint32_t off)
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

static _Noreturn void fail_pos(struct parser *p, struct pos at, const char *msg)
{
	fail_at(p, at.line, at.col, "%s", msg);
}

/* go/parser's errorExpected: "expected X", plus what was found when the
 * error is at the current token. */
static _Noreturn void fail_expected(struct parser *p, struct pos at,
				    const char *what)
{
	if (at.off != p->tok.off)
		fail_at(p, at.line, at.col, "expected %s", what);
	if (TOK == GO_TOK_SEMICOLON && p->tok.implicit)
		fail_at(p, at.line, at.col, "expected %s, found newline", what);
	if (TOK >= GO_TOK_IDENT && TOK <= GO_TOK_STRING) {
		/* the literal, cut at a newline (raw strings) or 64 bytes so
		 * the message stays on one line */
		uint32_t n = 0;
		while (n < p->tok.lit_len && n < 64 && p->tok.lit[n] != '\n' &&
		       p->tok.lit[n] != '\r')
			n++;
		fail_at(p, at.line, at.col, "expected %s, found %.*s%s", what,
			(int)n, p->tok.lit, n < p->tok.lit_len ? "..." : "");
	}
	fail_at(p, at.line, at.col, "expected %s, found '%s'", what,
		go_tok_str(TOK));
}

static void lex_check(struct parser *p)
{
	if (p->lx.err_set)
		fail_at(p, p->lx.err_line, p->lx.err_col, "%s", p->lx.err_msg);
}

/* ---- nodes ---- */

static void *mk(struct parser *p, enum go_kind k, size_t size)
{
	struct go_node *n = arena_zalloc(p->a, size);

	n->kind = (uint16_t)k;
	p->nnodes++;
	return n;
}

#define NEW(T, K) ((struct T *)mk(p, (K), sizeof(struct T)))

static void set_pos(struct go_node *n, struct pos at)
{
	n->off = at.off;
	n->line = at.line;
	n->col = at.col;
}

static void pos_from(struct go_node *n, const struct go_node *c)
{
	n->off = c->off;
	n->line = c->line;
	n->col = c->col;
}

static size_t lmark(struct parser *p)
{
	return p->stk.len;
}

static void lpush(struct parser *p, void *x)
{
	vec_push(&p->stk, x);
}

static struct go_list lfinish(struct parser *p, size_t mark)
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

static struct go_list list1(struct parser *p, struct go_node *x)
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

	set_pos(N(c), cur(p));
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
	size_t mark = lmark(p);
	struct go_comment_group *g = NEW(go_comment_group, GO_COMMENT_GROUP);
	struct go_list l;

	*endline = p->tok.line;
	while (TOK == GO_TOK_COMMENT && p->tok.line <= *endline + n)
		lpush(p, make_comment(p, endline));
	l = lfinish(p, mark);
	g->list = (struct go_comment **)l.v;
	g->n = l.n;
	pos_from(N(g), N(g->list[0]));
	g->node.end = g->list[g->n - 1]->node.end;
	vec_push(&p->comments, g);
	return g;
}

static void next(struct parser *p)
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

static struct pos expect(struct parser *p, enum go_tok t)
{
	struct pos at = cur(p);
	char what[32];

	if (TOK != t) {
		snprintf(what, sizeof(what), "'%s'", go_tok_str(t));
		fail_expected(p, at, what);
	}
	next(p);
	return at;
}

/* expectClosing: a better message for a missing ',' before a newline. */
static struct pos expect_closing(struct parser *p, enum go_tok t,
				 const char *context)
{
	if (TOK != t && TOK == GO_TOK_SEMICOLON && p->tok.implicit)
		fail_at(p, p->tok.line, p->tok.col,
			"missing ',' before newline in %s", context);
	return expect(p, t);
}

static void expect_semi(struct parser *p)
{
	if (TOK == GO_TOK_RPAREN || TOK == GO_TOK_RBRACE)
		return;
	if (TOK == GO_TOK_SEMICOLON) {
		next(p);
		return;
	}
	fail_expected(p, cur(p), "';'");
}

/* atComma: 1 at a ',', 0 at the closing token, an error otherwise. */
static int at_comma(struct parser *p, const char *context, enum go_tok follow)
{
	if (TOK == GO_TOK_COMMA)
		return 1;
	if (TOK != follow)
		fail_at(p, p->tok.line, p->tok.col, "missing ','%s in %s",
			TOK == GO_TOK_SEMICOLON && p->tok.implicit ?
			" before newline" : "", context);
	return 0;
}

static void nest_in(struct parser *p)
{
	if (++p->nest > GO_PARSE_MAX_NEST)
		fail_at(p, p->tok.line, p->tok.col, "exceeded max nesting depth");
}

/* ---- identifiers and literals ---- */

static struct go_ident *ident_from_tok(struct parser *p)
{
	struct go_ident *id = NEW(go_ident, GO_IDENT);

	set_pos(N(id), cur(p));
	id->name = arena_strndup(p->a, p->tok.lit, p->tok.lit_len);
	id->len = p->tok.lit_len;
	id->node.end = id->node.off + id->len;
	return id;
}

static struct go_ident *parse_ident(struct parser *p)
{
	struct go_ident *id;

	if (TOK != GO_TOK_IDENT)
		expect(p, GO_TOK_IDENT);
	id = ident_from_tok(p);
	next(p);
	return id;
}

static struct go_basic_lit *basic_lit(struct parser *p)
{
	struct go_basic_lit *b = NEW(go_basic_lit, GO_BASIC_LIT);
	char *v = arena_alloc(p->a, p->tok.lit_len + 1);

	set_pos(N(b), cur(p));
	b->kind = TOK;
	b->len = go_lex_copy_lit(&p->tok, v);
	b->value = v;
	b->node.end = b->node.off + b->len;
	next(p);
	return b;
}

/* ---- forward declarations ---- */

static struct go_node *parse_type(struct parser *p);
static struct go_node *try_ident_or_type(struct parser *p);
static struct go_node *parse_expr(struct parser *p);
static struct go_node *parse_rhs(struct parser *p);
static struct go_node *parse_rhs_or_type(struct parser *p);
static struct go_node *parse_primary_expr(struct parser *p, struct go_node *x);
static struct go_node *parse_binary_expr(struct parser *p, struct go_node *x,
					 int prec1, int check);
static struct go_node *parse_unary_expr(struct parser *p);
static struct go_block_stmt *parse_block_stmt(struct parser *p);
static struct go_node *parse_stmt(struct parser *p);
static struct go_field_list *parse_result(struct parser *p);
static struct go_node *embedded_elem(struct parser *p, struct go_node *x);
static struct go_gen_decl *parse_gen_decl(struct parser *p, enum go_tok kw);

/* ---- expression checks ---- */

static struct go_node *unparen(struct go_node *x)
{
	while (x->kind == GO_PAREN_EXPR)
		x = GO_CAST(go_paren_expr, x)->x;
	return x;
}

/* checkExpr: x must be an expression, not a type. */
static struct go_node *check_expr(struct parser *p, struct go_node *x)
{
	switch (unparen(x)->kind) {
	case GO_BAD_EXPR: case GO_IDENT: case GO_BASIC_LIT: case GO_FUNC_LIT:
	case GO_COMPOSITE_LIT: case GO_SELECTOR_EXPR: case GO_INDEX_EXPR:
	case GO_INDEX_LIST_EXPR: case GO_SLICE_EXPR: case GO_TYPE_ASSERT_EXPR:
	case GO_CALL_EXPR: case GO_STAR_EXPR: case GO_UNARY_EXPR:
	case GO_BINARY_EXPR:
		return x;
	default:
		fail_expected(p, node_pos(x), "expression");
	}
}

/* checkExprOrType: anything but the raw type [...]T. */
static struct go_node *check_expr_or_type(struct parser *p, struct go_node *x)
{
	struct go_node *t = unparen(x);

	if (t->kind == GO_ARRAY_TYPE) {
		struct go_node *len = GO_CAST(go_array_type, t)->len;
		if (len && len->kind == GO_ELLIPSIS)
			fail_pos(p, node_pos(len),
				 "expected array length, found '...'");
	}
	return x;
}

/* ---- types ---- */

static struct go_node *selector(struct parser *p, struct go_node *x,
				struct go_ident *sel)
{
	struct go_selector_expr *s = NEW(go_selector_expr, GO_SELECTOR_EXPR);

	s->x = x;
	s->sel = sel;
	pos_from(N(s), x);
	s->node.end = sel->node.end;
	return N(s);
}

static struct go_node *parse_type_name(struct parser *p, struct go_ident *id)
{
	if (!id)
		id = parse_ident(p);
	if (TOK == GO_TOK_PERIOD) {
		next(p);
		return selector(p, N(id), parse_ident(p));
	}
	return N(id);
}

/* PackIndexExpr: one index is an IndexExpr, more an IndexListExpr. */
static struct go_node *pack_index(struct parser *p, struct go_node *x,
				  struct pos lbrack, struct go_list args,
				  struct pos rbrack)
{
	if (args.n == 1) {
		struct go_index_expr *ix = NEW(go_index_expr, GO_INDEX_EXPR);
		ix->x = x;
		ix->lbrack = lbrack.off;
		ix->index = args.v[0];
		ix->rbrack = rbrack.off;
		pos_from(N(ix), x);
		ix->node.end = rbrack.off + 1;
		return N(ix);
	}
	struct go_index_list_expr *il = NEW(go_index_list_expr,
					    GO_INDEX_LIST_EXPR);
	il->x = x;
	il->lbrack = lbrack.off;
	il->indices = args;
	il->rbrack = rbrack.off;
	pos_from(N(il), x);
	il->node.end = rbrack.off + 1;
	return N(il);
}

static struct go_node *parse_type_instance(struct parser *p,
					   struct go_node *typ)
{
	struct pos opening = expect(p, GO_TOK_LBRACK), closing;
	size_t mark = lmark(p);
	struct go_list l;

	p->expr_lev++;
	while (TOK != GO_TOK_RBRACK && TOK != GO_TOK_EOF) {
		lpush(p, parse_type(p));
		if (!at_comma(p, "type argument list", GO_TOK_RBRACK))
			break;
		next(p);
	}
	p->expr_lev--;
	closing = expect_closing(p, GO_TOK_RBRACK, "type argument list");
	l = lfinish(p, mark);
	if (l.n == 0)
		fail_expected(p, closing, "type argument list");
	return pack_index(p, typ, opening, l, closing);
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

	set_pos(N(t), lbrack);
	t->lbrack = lbrack.off;
	t->len = len;
	t->elt = elt;
	t->node.end = elt->end;
	return N(t);
}

/* "[" has been consumed; len is an already parsed length or NULL. */
static struct go_node *parse_array_type(struct parser *p, struct pos lbrack,
					struct go_node *len)
{
	if (!len) {
		p->expr_lev++;
		if (TOK == GO_TOK_ELLIPSIS) {
			struct go_ellipsis *el = NEW(go_ellipsis, GO_ELLIPSIS);
			set_pos(N(el), cur(p));
			el->node.end = el->node.off + 3;
			len = N(el);
			next(p);
		} else if (TOK != GO_TOK_RBRACK) {
			len = parse_rhs(p);
		}
		p->expr_lev--;
	}
	if (TOK == GO_TOK_COMMA)
		fail_at(p, p->tok.line, p->tok.col,
			"unexpected comma; expecting ]");
	expect(p, GO_TOK_RBRACK);
	return array_type(p, lbrack, len, parse_type(p));
}

/* x "[" ...: an array/slice field type or an instantiated embedded type.
 * Returns the type; *is_field says whether x is a field name. */
static struct go_node *parse_array_field_or_type_instance(struct parser *p,
							  struct go_ident *x,
							  int *is_field)
{
	struct pos lbrack = expect(p, GO_TOK_LBRACK), rbrack;
	size_t mark = lmark(p);
	struct go_list args;

	if (TOK != GO_TOK_RBRACK) {
		p->expr_lev++;
		lpush(p, parse_rhs_or_type(p));
		while (TOK == GO_TOK_COMMA) {
			next(p);
			lpush(p, parse_rhs_or_type(p));
		}
		p->expr_lev--;
	}
	rbrack = expect(p, GO_TOK_RBRACK);
	args = lfinish(p, mark);
	*is_field = 1;
	if (args.n == 0)
		return array_type(p, lbrack, NULL, parse_type(p));
	if (args.n == 1) {
		struct go_node *elt = try_ident_or_type(p);
		if (elt)
			return array_type(p, lbrack, args.v[0], elt);
	}
	*is_field = 0;
	return pack_index(p, N(x), lbrack, args, rbrack);
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
		pos_from(N(f), names.v[0]);
	else if (typ)
		pos_from(N(f), typ);
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

static struct go_field_list *field_list(struct parser *p, uint32_t opening,
					struct go_list list, struct pos closing,
					int has_closing, struct pos open_pos)
{
	struct go_field_list *fl = NEW(go_field_list, GO_FIELD_LIST);

	fl->opening = opening;
	fl->list = list;
	fl->closing = has_closing ? closing.off : GO_NOPOS;
	if (opening != GO_NOPOS)
		set_pos(N(fl), open_pos);
	else if (list.n)
		pos_from(N(fl), list.v[0]);
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
		struct go_ident *name = parse_ident(p);
		if (TOK == GO_TOK_PERIOD || TOK == GO_TOK_STRING ||
		    TOK == GO_TOK_SEMICOLON || TOK == GO_TOK_RBRACE) {
			typ = N(name);
			if (TOK == GO_TOK_PERIOD)
				typ = parse_qualified_ident(p, name);
		} else {
			size_t mark = lmark(p);
			lpush(p, name);
			while (TOK == GO_TOK_COMMA) {
				next(p);
				lpush(p, parse_ident(p));
			}
			if (p->stk.len - mark == 1 && TOK == GO_TOK_LBRACK) {
				int is_field;
				p->stk.len = mark;
				typ = parse_array_field_or_type_instance(
					p, name, &is_field);
				if (is_field)
					names = list1(p, N(name));
			} else {
				names = lfinish(p, mark);
				typ = parse_type(p);
			}
		}
	} else {
		typ = parse_type(p);
	}
	if (TOK == GO_TOK_STRING)
		tag = basic_lit(p);
	expect_semi(p);
	f = new_field(p, doc, names, typ, tag);
	f->comment = p->linec;
	return f;
}

static struct go_node *parse_struct_type(struct parser *p)
{
	struct go_struct_type *t = NEW(go_struct_type, GO_STRUCT_TYPE);
	struct pos pos = expect(p, GO_TOK_STRUCT);
	struct pos lbrace = expect(p, GO_TOK_LBRACE), rbrace;
	size_t mark = lmark(p);

	while (TOK == GO_TOK_IDENT || TOK == GO_TOK_MUL || TOK == GO_TOK_LPAREN)
		lpush(p, parse_field_decl(p));
	struct go_list l = lfinish(p, mark);
	rbrace = expect(p, GO_TOK_RBRACE);
	set_pos(N(t), pos);
	t->struct_pos = pos.off;
	t->fields = field_list(p, lbrace.off, l, rbrace, 1, lbrace);
	t->node.end = rbrace.off + 1;
	return N(t);
}

static struct go_node *star(struct parser *p, struct pos at, struct go_node *x)
{
	struct go_star_expr *s = NEW(go_star_expr, GO_STAR_EXPR);

	set_pos(N(s), at);
	s->x = x;
	s->node.end = x->end;
	return N(s);
}

static struct go_node *parse_dots_type(struct parser *p)
{
	struct pos at = expect(p, GO_TOK_ELLIPSIS);
	struct go_ellipsis *el = NEW(go_ellipsis, GO_ELLIPSIS);

	set_pos(N(el), at);
	el->elt = parse_type(p);
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
		f->typ = embedded_elem(p, NULL);
		return;
	}
	switch (t) {
	case GO_TOK_IDENT:
		f->name = name ? name : parse_ident(p);
		switch (TOK) {
		case GO_TOK_IDENT: case GO_TOK_MUL: case GO_TOK_ARROW:
		case GO_TOK_FUNC: case GO_TOK_CHAN: case GO_TOK_MAP:
		case GO_TOK_STRUCT: case GO_TOK_INTERFACE: case GO_TOK_LPAREN:
			f->typ = parse_type(p);
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
				f->typ = embedded_elem(p, NULL);
				return;
			}
			break;
		case GO_TOK_OR:
			if (type_sets_ok) {
				f->typ = embedded_elem(p, N(f->name));
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
		f->typ = parse_type(p);
		break;
	case GO_TOK_ELLIPSIS:
		f->typ = parse_dots_type(p);
		return;
	default:
		fail_expected(p, cur(p), "')'");
	}
	if (type_sets_ok && TOK == GO_TOK_OR && f->typ)
		f->typ = embedded_elem(p, f->typ);
}

/* parseParameterList: the fields between the parentheses (or brackets,
 * for type parameters), with names distributed over types. */
static struct go_list parse_parameter_list(struct parser *p,
					   struct go_ident *name0,
					   struct go_node *typ0,
					   enum go_tok closing)
{
	int tparams = closing == GO_TOK_RBRACK;
	struct pos start = name0 ? node_pos(N(name0)) : cur(p);
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
				typ0 = embedded_elem(p, typ0);
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
		if (!at_comma(p, "parameter list", closing))
			break;
		next(p);
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
			fail_pos(p, start, "all type parameters must be named");
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
					missing = node_pos(ps[i].typ);
				}
			} else if (typ) {
				ps[i].typ = typ;
			} else {
				ok = 0;
				missing = node_pos(N(ps[i].name));
			}
		}
		if (!ok) {
			if (tparams)
				fail_pos(p, missing,
					 "all type parameters must be named");
			fail_pos(p, start, "mixed named and unnamed parameters");
		}
	}
	mark = lmark(p);
	if (named == 0) {
		for (i = 0; i < n; i++) {
			struct go_list none = { NULL, 0 };
			lpush(p, new_field(p, NULL, none, ps[i].typ, NULL));
		}
		return lfinish(p, mark);
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
		lpush(p, new_field(p, NULL, names, ps[i].typ, NULL));
		i = j;
	}
	return lfinish(p, mark);
}

/* parseParameters: optional type parameters (accept_tparams) and the
 * parameter list. */
static void parse_parameters(struct parser *p, int accept_tparams,
			     struct go_field_list **tparams,
			     struct go_field_list **params)
{
	struct pos opening, closing;
	struct go_list l = { NULL, 0 };

	*tparams = NULL;
	if (accept_tparams && TOK == GO_TOK_LBRACK) {
		struct pos open = cur(p);
		next(p);
		l = parse_parameter_list(p, NULL, NULL, GO_TOK_RBRACK);
		closing = expect(p, GO_TOK_RBRACK);
		*tparams = field_list(p, open.off, l, closing, 1, open);
		/* NumFields: names count, or 1 per anonymous field */
		uint32_t nf = 0;
		for (uint32_t i = 0; i < l.n; i++) {
			struct go_field *f = GO_CAST(go_field, l.v[i]);
			nf += f->names.n ? f->names.n : 1;
		}
		if (nf == 0)
			fail_pos(p, closing, "empty type parameter list");
	}
	opening = expect(p, GO_TOK_LPAREN);
	l.v = NULL;
	l.n = 0;
	if (TOK != GO_TOK_RPAREN)
		l = parse_parameter_list(p, NULL, NULL, GO_TOK_RPAREN);
	closing = expect(p, GO_TOK_RPAREN);
	*params = field_list(p, opening.off, l, closing, 1, opening);
}

static struct go_field_list *parse_result(struct parser *p)
{
	struct go_field_list *tp, *res;
	struct go_node *typ;
	struct pos none = { GO_NOPOS, 0, 0 };

	if (TOK == GO_TOK_LPAREN) {
		parse_parameters(p, 0, &tp, &res);
		return res;
	}
	typ = try_ident_or_type(p);
	if (typ) {
		struct go_list none_names = { NULL, 0 };
		struct go_field *f = new_field(p, NULL, none_names, typ, NULL);
		return field_list(p, GO_NOPOS, list1(p, N(f)), none, 0, none);
	}
	return NULL;
}

static struct go_func_type *func_type(struct parser *p, struct pos func,
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
		set_pos(N(t), func);
	else
		pos_from(N(t), N(params));
	t->node.end = results ? results->node.end : params->node.end;
	return t;
}

static struct go_func_type *parse_func_type(struct parser *p)
{
	struct pos pos = expect(p, GO_TOK_FUNC);
	struct go_field_list *tparams, *params, *results;

	parse_parameters(p, 1, &tparams, &params);
	if (tparams)
		fail_pos(p, node_pos(N(tparams)),
			 "function type must have no type parameters");
	results = parse_result(p);
	return func_type(p, pos, NULL, params, results);
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
			struct pos lbrack = cur(p), rbrack;
			struct go_node *e;
			next(p);
			p->expr_lev++;
			e = parse_expr(p);
			p->expr_lev--;
			if (e->kind == GO_IDENT && TOK != GO_TOK_COMMA &&
			    TOK != GO_TOK_RBRACK) {
				/* a generic method m[T any](): parsed by
				 * go/parser only to report it */
				parse_parameter_list(p, GO_CAST(go_ident, e), NULL,
						     GO_TOK_RBRACK);
				expect(p, GO_TOK_RBRACK);
				fail_pos(p, lbrack,
					 "interface method must have no type parameters");
			}
			size_t mark = lmark(p);
			lpush(p, e);
			if (at_comma(p, "type argument list", GO_TOK_RBRACK)) {
				p->expr_lev++;
				next(p);
				while (TOK != GO_TOK_RBRACK && TOK != GO_TOK_EOF) {
					lpush(p, parse_type(p));
					if (!at_comma(p, "type argument list",
						      GO_TOK_RBRACK))
						break;
					next(p);
				}
				p->expr_lev--;
			}
			rbrack = expect_closing(p, GO_TOK_RBRACK,
						"type argument list");
			typ = pack_index(p, x, lbrack, lfinish(p, mark), rbrack);
		} else if (TOK == GO_TOK_LPAREN) {
			struct go_field_list *tp, *params, *results;
			parse_parameters(p, 0, &tp, &params);
			results = parse_result(p);
			idents = list1(p, N(id));
			typ = N(func_type(p, nopos, NULL, params, results));
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

static struct go_node *unary(struct parser *p, struct pos at, enum go_tok op,
			     struct go_node *x)
{
	struct go_unary_expr *u = NEW(go_unary_expr, GO_UNARY_EXPR);

	set_pos(N(u), at);
	u->op = op;
	u->x = x;
	u->node.end = x->end;
	return N(u);
}

static struct go_node *binary(struct parser *p, struct go_node *x,
			      struct pos op_pos, enum go_tok op,
			      struct go_node *y)
{
	struct go_binary_expr *b = NEW(go_binary_expr, GO_BINARY_EXPR);

	pos_from(N(b), x);
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
		struct pos at = cur(p);
		next(p);
		return unary(p, at, GO_TOK_TILDE, parse_type(p));
	}
	t = try_ident_or_type(p);
	if (!t)
		fail_expected(p, cur(p), "~ term or type");
	return t;
}

static struct go_node *embedded_elem(struct parser *p, struct go_node *x)
{
	if (!x)
		x = embedded_term(p);
	while (TOK == GO_TOK_OR) {
		struct pos at = cur(p);
		next(p);
		x = binary(p, x, at, GO_TOK_OR, embedded_term(p));
	}
	return x;
}

static struct go_node *parse_interface_type(struct parser *p)
{
	struct go_interface_type *t = NEW(go_interface_type, GO_INTERFACE_TYPE);
	struct pos pos = expect(p, GO_TOK_INTERFACE);
	struct pos lbrace = expect(p, GO_TOK_LBRACE), rbrace;
	size_t mark = lmark(p);

	for (;;) {
		struct go_field *f;
		if (TOK == GO_TOK_IDENT) {
			f = parse_method_spec(p);
			if (f->names.n == 0) {
				f->type = embedded_elem(p, f->type);
				f->node.end = f->type->end;
			}
			expect_semi(p);
			f->comment = p->linec;
		} else if (TOK == GO_TOK_TILDE) {
			struct go_list none = { NULL, 0 };
			struct go_node *typ = embedded_elem(p, NULL);
			expect_semi(p);
			f = new_field(p, NULL, none, typ, NULL);
			f->comment = p->linec;
		} else {
			struct go_node *typ = try_ident_or_type(p);
			struct go_list none = { NULL, 0 };
			if (!typ)
				break;
			typ = embedded_elem(p, typ);
			expect_semi(p);
			f = new_field(p, NULL, none, typ, NULL);
			f->comment = p->linec;
		}
		lpush(p, f);
	}
	struct go_list l = lfinish(p, mark);
	rbrace = expect(p, GO_TOK_RBRACE);
	set_pos(N(t), pos);
	t->interface_pos = pos.off;
	t->methods = field_list(p, lbrace.off, l, rbrace, 1, lbrace);
	t->node.end = rbrace.off + 1;
	return N(t);
}

static struct go_node *parse_map_type(struct parser *p)
{
	struct go_map_type *t = NEW(go_map_type, GO_MAP_TYPE);
	struct pos pos = expect(p, GO_TOK_MAP);

	expect(p, GO_TOK_LBRACK);
	t->key = parse_type(p);
	expect(p, GO_TOK_RBRACK);
	t->value = parse_type(p);
	set_pos(N(t), pos);
	t->map_pos = pos.off;
	t->node.end = t->value->end;
	return N(t);
}

static struct go_node *parse_chan_type(struct parser *p)
{
	struct go_chan_type *t = NEW(go_chan_type, GO_CHAN_TYPE);
	struct pos pos = cur(p);

	t->dir = GO_CHAN_BOTH;
	t->arrow = GO_NOPOS;
	if (TOK == GO_TOK_CHAN) {
		next(p);
		if (TOK == GO_TOK_ARROW) {
			t->arrow = p->tok.off;
			next(p);
			t->dir = GO_CHAN_SEND;
		}
	} else {
		t->arrow = expect(p, GO_TOK_ARROW).off;
		expect(p, GO_TOK_CHAN);
		t->dir = GO_CHAN_RECV;
	}
	t->value = parse_type(p);
	set_pos(N(t), pos);
	t->begin = pos.off;
	t->node.end = t->value->end;
	return N(t);
}

static struct go_node *paren(struct parser *p, struct pos lparen,
			     struct go_node *x, struct pos rparen)
{
	struct go_paren_expr *e = NEW(go_paren_expr, GO_PAREN_EXPR);

	set_pos(N(e), lparen);
	e->lparen = lparen.off;
	e->x = x;
	e->rparen = rparen.off;
	e->node.end = rparen.off + 1;
	return N(e);
}

static struct go_node *try_ident_or_type(struct parser *p)
{
	struct go_node *r = NULL;
	int nest = p->nest;

	nest_in(p);
	switch (TOK) {
	case GO_TOK_IDENT:
		r = parse_type_name(p, NULL);
		if (TOK == GO_TOK_LBRACK)
			r = parse_type_instance(p, r);
		break;
	case GO_TOK_LBRACK: {
		struct pos lbrack = expect(p, GO_TOK_LBRACK);
		r = parse_array_type(p, lbrack, NULL);
		break;
	}
	case GO_TOK_STRUCT:
		r = parse_struct_type(p);
		break;
	case GO_TOK_MUL: {
		struct pos at = expect(p, GO_TOK_MUL);
		r = star(p, at, parse_type(p));
		break;
	}
	case GO_TOK_FUNC:
		r = N(parse_func_type(p));
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
		struct pos lparen = cur(p), rparen;
		struct go_node *x;
		next(p);
		x = parse_type(p);
		rparen = expect(p, GO_TOK_RPAREN);
		r = paren(p, lparen, x, rparen);
		break;
	}
	default:
		break;
	}
	p->nest = nest;
	return r;
}

static struct go_node *parse_type(struct parser *p)
{
	struct go_node *t = try_ident_or_type(p);

	if (!t)
		fail_expected(p, cur(p), "type");
	return t;
}

/* ---- blocks ---- */

static struct go_list parse_stmt_list(struct parser *p)
{
	size_t mark = lmark(p);

	while (TOK != GO_TOK_CASE && TOK != GO_TOK_DEFAULT &&
	       TOK != GO_TOK_RBRACE && TOK != GO_TOK_EOF)
		lpush(p, parse_stmt(p));
	return lfinish(p, mark);
}

static struct go_block_stmt *parse_block_stmt(struct parser *p)
{
	struct go_block_stmt *b = NEW(go_block_stmt, GO_BLOCK_STMT);
	struct pos lbrace = expect(p, GO_TOK_LBRACE), rbrace;

	b->list = parse_stmt_list(p);
	rbrace = expect(p, GO_TOK_RBRACE);
	set_pos(N(b), lbrace);
	b->lbrace = lbrace.off;
	b->rbrace = rbrace.off;
	b->node.end = rbrace.off + 1;
	return b;
}

/* ---- expressions ---- */

static struct go_node *parse_func_type_or_lit(struct parser *p)
{
	struct go_func_type *typ = parse_func_type(p);
	struct go_func_lit *lit;

	if (TOK != GO_TOK_LBRACE)
		return N(typ);
	lit = NEW(go_func_lit, GO_FUNC_LIT);
	p->expr_lev++;
	lit->body = parse_block_stmt(p);
	p->expr_lev--;
	lit->type = typ;
	pos_from(N(lit), N(typ));
	lit->node.end = lit->body->node.end;
	return N(lit);
}

static struct go_node *parse_operand(struct parser *p)
{
	struct go_node *t;

	switch (TOK) {
	case GO_TOK_IDENT:
		return N(parse_ident(p));
	case GO_TOK_INT: case GO_TOK_FLOAT: case GO_TOK_IMAG: case GO_TOK_CHAR:
	case GO_TOK_STRING:
		return N(basic_lit(p));
	case GO_TOK_LPAREN: {
		struct pos lparen = cur(p), rparen;
		struct go_node *x;
		next(p);
		p->expr_lev++;
		x = parse_rhs_or_type(p);
		p->expr_lev--;
		rparen = expect(p, GO_TOK_RPAREN);
		return paren(p, lparen, x, rparen);
	}
	case GO_TOK_FUNC:
		return parse_func_type_or_lit(p);
	default:
		break;
	}
	t = try_ident_or_type(p);
	if (t)
		return t;
	fail_expected(p, cur(p), "operand");
}

static struct go_node *parse_type_assertion(struct parser *p,
					    struct go_node *x)
{
	struct go_type_assert_expr *ta = NEW(go_type_assert_expr,
					     GO_TYPE_ASSERT_EXPR);
	struct pos lparen = expect(p, GO_TOK_LPAREN), rparen;

	if (TOK == GO_TOK_TYPE)
		next(p);
	else
		ta->type = parse_type(p);
	rparen = expect(p, GO_TOK_RPAREN);
	pos_from(N(ta), x);
	ta->x = x;
	ta->lparen = lparen.off;
	ta->rparen = rparen.off;
	ta->node.end = rparen.off + 1;
	return N(ta);
}

static struct go_node *parse_index_or_slice_or_instance(struct parser *p,
							struct go_node *x)
{
	struct pos lbrack = expect(p, GO_TOK_LBRACK), rbrack;
	struct go_node *index[3] = { NULL, NULL, NULL };
	struct pos colons[2];
	int ncolons = 0;
	size_t mark = lmark(p);
	int is_inst = 0;

	if (TOK == GO_TOK_RBRACK)
		fail_expected(p, cur(p), "operand");
	p->expr_lev++;
	if (TOK != GO_TOK_COLON)
		index[0] = parse_rhs_or_type(p);
	if (TOK == GO_TOK_COLON) {
		while (TOK == GO_TOK_COLON && ncolons < 2) {
			colons[ncolons++] = cur(p);
			next(p);
			if (TOK != GO_TOK_COLON && TOK != GO_TOK_RBRACK &&
			    TOK != GO_TOK_EOF)
				index[ncolons] = parse_rhs(p);
		}
	} else if (TOK == GO_TOK_COMMA) {
		is_inst = 1;
		lpush(p, index[0]);
		while (TOK == GO_TOK_COMMA) {
			next(p);
			if (TOK != GO_TOK_RBRACK && TOK != GO_TOK_EOF)
				lpush(p, parse_type(p));
		}
	}
	p->expr_lev--;
	rbrack = expect(p, GO_TOK_RBRACK);
	if (ncolons > 0) {
		struct go_slice_expr *s = NEW(go_slice_expr, GO_SLICE_EXPR);
		if (ncolons == 2) {
			s->slice3 = 1;
			if (!index[1])
				fail_pos(p, colons[0],
					 "2nd index required in 3-index slice");
			if (!index[2])
				fail_pos(p, colons[1],
					 "3rd index required in 3-index slice");
		}
		pos_from(N(s), x);
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
		pos_from(N(ix), x);
		ix->x = x;
		ix->lbrack = lbrack.off;
		ix->index = index[0];
		ix->rbrack = rbrack.off;
		ix->node.end = rbrack.off + 1;
		return N(ix);
	}
	return pack_index(p, x, lbrack, lfinish(p, mark), rbrack);
}

static struct go_node *parse_call(struct parser *p, struct go_node *fun)
{
	struct go_call_expr *c = NEW(go_call_expr, GO_CALL_EXPR);
	struct pos lparen = expect(p, GO_TOK_LPAREN), rparen;
	size_t mark = lmark(p);

	c->ellipsis = GO_NOPOS;
	p->expr_lev++;
	while (TOK != GO_TOK_RPAREN && TOK != GO_TOK_EOF &&
	       c->ellipsis == GO_NOPOS) {
		lpush(p, parse_rhs_or_type(p));
		if (TOK == GO_TOK_ELLIPSIS) {
			c->ellipsis = p->tok.off;
			next(p);
		}
		if (!at_comma(p, "argument list", GO_TOK_RPAREN))
			break;
		next(p);
	}
	p->expr_lev--;
	c->args = lfinish(p, mark);
	rparen = expect_closing(p, GO_TOK_RPAREN, "argument list");
	pos_from(N(c), fun);
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
	return check_expr(p, parse_expr(p));
}

static struct go_node *parse_element(struct parser *p)
{
	struct go_node *x = parse_value(p);

	if (TOK == GO_TOK_COLON) {
		struct go_key_value_expr *kv = NEW(go_key_value_expr,
						   GO_KEY_VALUE_EXPR);
		kv->colon = p->tok.off;
		next(p);
		kv->key = x;
		kv->value = parse_value(p);
		pos_from(N(kv), x);
		kv->node.end = kv->value->end;
		x = N(kv);
	}
	return x;
}

static struct go_node *parse_literal_value(struct parser *p,
					   struct go_node *typ)
{
	struct go_composite_lit *c = NEW(go_composite_lit, GO_COMPOSITE_LIT);
	struct pos lbrace = expect(p, GO_TOK_LBRACE), rbrace;
	size_t mark = lmark(p);
	int nest = p->nest;

	/* go/parser does not bound {{{...}}} (literals without a type, whose
	 * nesting passes through none of its counted functions); we do, and
	 * count only those, so that a typed literal costs what it costs
	 * go/parser */
	if (!typ)
		nest_in(p);
	p->expr_lev++;
	while (TOK != GO_TOK_RBRACE && TOK != GO_TOK_EOF) {
		lpush(p, parse_element(p));
		if (!at_comma(p, "composite literal", GO_TOK_RBRACE))
			break;
		next(p);
	}
	p->expr_lev--;
	p->nest = nest;
	c->elts = lfinish(p, mark);
	rbrace = expect_closing(p, GO_TOK_RBRACE, "composite literal");
	c->type = typ;
	if (typ)
		pos_from(N(c), typ);
	else
		set_pos(N(c), lbrace);
	c->lbrace = lbrace.off;
	c->rbrace = rbrace.off;
	c->node.end = rbrace.off + 1;
	return N(c);
}

static struct go_node *parse_primary_expr(struct parser *p, struct go_node *x)
{
	int nest = p->nest;

	if (!x)
		x = parse_operand(p);
	for (;;) {
		nest_in(p);
		switch (TOK) {
		case GO_TOK_PERIOD:
			next(p);
			if (TOK == GO_TOK_IDENT) {
				x = selector(p, check_expr_or_type(p, x),
					     parse_ident(p));
			} else if (TOK == GO_TOK_LPAREN) {
				x = parse_type_assertion(p, check_expr(p, x));
			} else {
				fail_expected(p, cur(p),
					      "selector or type assertion");
			}
			break;
		case GO_TOK_LBRACK:
			x = parse_index_or_slice_or_instance(p, check_expr(p, x));
			break;
		case GO_TOK_LPAREN:
			x = parse_call(p, check_expr_or_type(p, x));
			break;
		case GO_TOK_LBRACE: {
			struct go_node *t = unparen(x);
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
				fail_pos(p, node_pos(t),
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

static struct go_node *parse_unary_expr(struct parser *p)
{
	struct go_node *r;
	int nest = p->nest;

	nest_in(p);
	switch (TOK) {
	case GO_TOK_ADD: case GO_TOK_SUB: case GO_TOK_NOT: case GO_TOK_XOR:
	case GO_TOK_AND: case GO_TOK_TILDE: {
		struct pos at = cur(p);
		enum go_tok op = TOK;
		next(p);
		r = parse_unary_expr(p);
		r = unary(p, at, op, check_expr(p, r));
		break;
	}
	case GO_TOK_ARROW: {
		struct pos arrow = cur(p);
		struct go_node *x;
		next(p);
		x = parse_unary_expr(p);
		if (x->kind == GO_CHAN_TYPE) {
			/* <-chan T: re-associate the arrow with the channel
			 * type(s) parsed already */
			struct go_chan_type *typ = GO_CAST(go_chan_type, x);
			int dir = GO_CHAN_SEND;
			uint32_t a = arrow.off;
			struct pos apos = arrow;
			while (typ && dir == GO_CHAN_SEND) {
				if (typ->dir == GO_CHAN_RECV)
					fail_expected(p, pos_of(p, typ->arrow),
						      "'chan'");
				uint32_t old_arrow = typ->arrow;
				typ->begin = a;
				typ->arrow = a;
				set_pos(N(typ), apos);
				a = old_arrow;
				if (a != GO_NOPOS)
					apos = pos_of(p, a);
				dir = typ->dir;
				typ->dir = GO_CHAN_RECV;
				typ = typ->value->kind == GO_CHAN_TYPE ?
					GO_CAST(go_chan_type, typ->value) : NULL;
			}
			if (dir == GO_CHAN_SEND)
				fail_expected(p, apos, "channel type");
			r = x;
		} else {
			r = unary(p, arrow, GO_TOK_ARROW, check_expr(p, x));
		}
		break;
	}
	case GO_TOK_MUL: {
		struct pos at = cur(p);
		next(p);
		r = parse_unary_expr(p);
		r = star(p, at, check_expr_or_type(p, r));
		break;
	}
	default:
		r = parse_primary_expr(p, NULL);
		break;
	}
	p->nest = nest;
	return r;
}

static struct go_node *parse_binary_expr(struct parser *p, struct go_node *x,
					 int prec1, int check)
{
	int nest = p->nest;

	if (!x)
		x = parse_unary_expr(p);
	for (;;) {
		nest_in(p);
		enum go_tok op = TOK;
		int oprec = go_tok_precedence(op);
		struct pos at;
		struct go_node *y;
		if (oprec < prec1)
			break;
		at = cur(p);
		next(p);
		y = parse_binary_expr(p, NULL, oprec + 1, check);
		if (check) {
			x = check_expr(p, x);
			y = check_expr(p, y);
		}
		x = binary(p, x, at, op, y);
	}
	p->nest = nest;
	return x;
}

static struct go_node *parse_expr(struct parser *p)
{
	return parse_binary_expr(p, NULL, 1, 1);
}

static struct go_node *parse_rhs(struct parser *p)
{
	return check_expr(p, parse_expr(p));
}

static struct go_node *parse_rhs_or_type(struct parser *p)
{
	return check_expr_or_type(p, parse_expr(p));
}

static struct go_list parse_expr_list(struct parser *p)
{
	size_t mark = lmark(p);

	lpush(p, check_expr(p, parse_expr(p)));
	while (TOK == GO_TOK_COMMA) {
		next(p);
		lpush(p, check_expr(p, parse_expr(p)));
	}
	return lfinish(p, mark);
}

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
		pos_from(N(as), lhs.v[0]);
	as->node.end = rhs.v[rhs.n - 1]->end;
	if (tok == GO_TOK_DEFINE) {
		for (uint32_t i = 0; i < lhs.n; i++)
			if (lhs.v[i]->kind != GO_IDENT)
				fail_expected(p, node_pos(lhs.v[i]),
					      "identifier on left side of :=");
	}
	return as;
}

/* A "range x" right-hand side, as go/parser builds it before turning
 * the assignment into a RangeStmt. */
static struct go_node *range_rhs(struct parser *p)
{
	struct pos at = cur(p);

	next(p);
	return unary(p, at, GO_TOK_RANGE, parse_rhs(p));
}

static struct go_node *parse_simple_stmt(struct parser *p, int mode,
					 int *is_range)
{
	struct go_list x = parse_expr_list(p);

	if (is_range)
		*is_range = 0;
	if (is_assign_tok(TOK)) {
		struct pos at = cur(p);
		enum go_tok tok = TOK;
		struct go_list y;
		next(p);
		if (mode == MODE_RANGE_OK && TOK == GO_TOK_RANGE &&
		    (tok == GO_TOK_DEFINE || tok == GO_TOK_ASSIGN)) {
			y = list1(p, range_rhs(p));
			*is_range = 1;
		} else {
			y = parse_expr_list(p);
		}
		return N(assign(p, x, at, tok, y));
	}
	if (x.n > 1)
		fail_expected(p, node_pos(x.v[0]), "1 expression");
	switch (TOK) {
	case GO_TOK_COLON: {
		struct pos colon = cur(p);
		next(p);
		if (mode == MODE_LABEL_OK && x.v[0]->kind == GO_IDENT) {
			struct go_labeled_stmt *l = NEW(go_labeled_stmt,
							GO_LABELED_STMT);
			l->label = GO_CAST(go_ident, x.v[0]);
			l->colon = colon.off;
			l->stmt = parse_stmt(p);
			pos_from(N(l), x.v[0]);
			l->node.end = l->stmt->end;
			return N(l);
		}
		fail_pos(p, colon, "illegal label declaration");
	}
	case GO_TOK_ARROW: {
		struct go_send_stmt *s = NEW(go_send_stmt, GO_SEND_STMT);
		s->arrow = p->tok.off;
		next(p);
		s->chan = x.v[0];
		s->value = parse_rhs(p);
		pos_from(N(s), x.v[0]);
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
		next(p);
		pos_from(N(s), x.v[0]);
		s->node.end = s->tok_pos + 2;
		return N(s);
	}
	default: {
		struct go_expr_stmt *s = NEW(go_expr_stmt, GO_EXPR_STMT);
		s->x = x.v[0];
		pos_from(N(s), x.v[0]);
		s->node.end = s->x->end;
		return N(s);
	}
	}
}

static struct go_node *parse_call_expr(struct parser *p, const char *what)
{
	struct go_node *x = parse_rhs_or_type(p);

	if (x->kind != GO_CALL_EXPR) {
		struct pos at = pos_of(p, x->end > p->lx.len ? p->lx.len : x->end);
		fail_at(p, at.line, at.col,
			"function must be invoked in %s statement", what);
	}
	return x;
}

static struct go_node *parse_go_defer(struct parser *p, int is_go)
{
	struct pos at = cur(p);
	struct go_node *call;

	next(p);
	call = parse_call_expr(p, is_go ? "go" : "defer");
	expect_semi(p);
	if (is_go) {
		struct go_go_stmt *s = NEW(go_go_stmt, GO_GO_STMT);
		s->call = call;
		set_pos(N(s), at);
		s->node.end = call->end;
		return N(s);
	}
	struct go_defer_stmt *s = NEW(go_defer_stmt, GO_DEFER_STMT);
	s->call = call;
	set_pos(N(s), at);
	s->node.end = call->end;
	return N(s);
}

static struct go_node *parse_return_stmt(struct parser *p)
{
	struct go_return_stmt *r = NEW(go_return_stmt, GO_RETURN_STMT);
	struct pos at = expect(p, GO_TOK_RETURN);

	if (TOK != GO_TOK_SEMICOLON && TOK != GO_TOK_RBRACE)
		r->results = parse_expr_list(p);
	expect_semi(p);
	set_pos(N(r), at);
	r->node.end = r->results.n ? r->results.v[r->results.n - 1]->end :
		at.off + 6;
	return N(r);
}

static struct go_node *parse_branch_stmt(struct parser *p, enum go_tok tok)
{
	struct go_branch_stmt *b = NEW(go_branch_stmt, GO_BRANCH_STMT);
	struct pos at = expect(p, tok);

	if (tok != GO_TOK_FALLTHROUGH && TOK == GO_TOK_IDENT)
		b->label = parse_ident(p);
	expect_semi(p);
	set_pos(N(b), at);
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
		return check_expr(p, GO_CAST(go_expr_stmt, s)->x);
	fail_at(p, s->line, s->col,
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
		fail_at(p, p->tok.line, p->tok.col,
			"missing condition in if statement");
	p->expr_lev = -1;
	if (TOK != GO_TOK_SEMICOLON) {
		if (TOK == GO_TOK_VAR) {
			next(p);
			fail_at(p, p->tok.line, p->tok.col,
				"var declaration not allowed in 'IF' initializer");
		}
		*init = parse_simple_stmt(p, MODE_BASIC, NULL);
	}
	if (TOK != GO_TOK_LBRACE) {
		struct pos semi = { GO_NOPOS, 0, 0 };
		int implicit = 0;
		if (TOK == GO_TOK_SEMICOLON) {
			semi = cur(p);
			implicit = p->tok.implicit;
			next(p);
		} else {
			expect(p, GO_TOK_SEMICOLON);
		}
		if (TOK != GO_TOK_LBRACE)
			cond_stmt = parse_simple_stmt(p, MODE_BASIC, NULL);
		if (!cond_stmt && semi.off != GO_NOPOS)
			fail_pos(p, semi, implicit ?
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

	nest_in(p);
	at = expect(p, GO_TOK_IF);
	parse_if_header(p, &s->init, &s->cond);
	s->body = parse_block_stmt(p);
	if (TOK == GO_TOK_ELSE) {
		next(p);
		if (TOK == GO_TOK_IF) {
			s->els = parse_if_stmt(p);
		} else if (TOK == GO_TOK_LBRACE) {
			s->els = N(parse_block_stmt(p));
			expect_semi(p);
		} else {
			fail_expected(p, cur(p), "if statement or block");
		}
	} else {
		expect_semi(p);
	}
	set_pos(N(s), at);
	s->node.end = s->els ? s->els->end : s->body->node.end;
	p->nest = nest;
	return N(s);
}

static struct go_node *parse_case_clause(struct parser *p, int type_switch)
{
	struct go_case_clause *c = NEW(go_case_clause, GO_CASE_CLAUSE);
	struct pos at = cur(p), colon;

	if (TOK == GO_TOK_CASE) {
		next(p);
		if (type_switch) {
			size_t mark = lmark(p);
			lpush(p, parse_type(p));
			while (TOK == GO_TOK_COMMA) {
				next(p);
				lpush(p, parse_type(p));
			}
			c->list = lfinish(p, mark);
		} else {
			c->list = parse_expr_list(p);
		}
	} else {
		expect(p, GO_TOK_DEFAULT);
		c->is_default = 1;
	}
	colon = expect(p, GO_TOK_COLON);
	c->body = parse_stmt_list(p);
	set_pos(N(c), at);
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
				fail_pos(p, pos_of(p, as->tok_pos),
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

	set_pos(N(b), lbrace);
	b->lbrace = lbrace.off;
	b->list = list;
	b->rbrace = rbrace.off;
	b->node.end = rbrace.off + 1;
	return b;
}

static struct go_node *parse_switch_stmt(struct parser *p)
{
	struct pos at = expect(p, GO_TOK_SWITCH), lbrace, rbrace;
	struct go_node *s1 = NULL, *s2 = NULL;
	int type_switch;
	size_t mark;

	if (TOK != GO_TOK_LBRACE) {
		int prev = p->expr_lev;
		p->expr_lev = -1;
		if (TOK != GO_TOK_SEMICOLON)
			s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
		if (TOK == GO_TOK_SEMICOLON) {
			next(p);
			s1 = s2;
			s2 = NULL;
			if (TOK != GO_TOK_LBRACE)
				s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
		}
		p->expr_lev = prev;
	}
	type_switch = is_type_switch_guard(p, s2);
	lbrace = expect(p, GO_TOK_LBRACE);
	mark = lmark(p);
	while (TOK == GO_TOK_CASE || TOK == GO_TOK_DEFAULT)
		lpush(p, parse_case_clause(p, type_switch));
	struct go_list list = lfinish(p, mark);
	rbrace = expect(p, GO_TOK_RBRACE);
	expect_semi(p);
	struct go_block_stmt *body = clause_block(p, lbrace, list, rbrace);
	if (type_switch) {
		struct go_type_switch_stmt *ts = NEW(go_type_switch_stmt,
						     GO_TYPE_SWITCH_STMT);
		set_pos(N(ts), at);
		ts->init = s1;
		ts->assign = s2;
		ts->body = body;
		ts->node.end = body->node.end;
		return N(ts);
	}
	struct go_switch_stmt *sw = NEW(go_switch_stmt, GO_SWITCH_STMT);
	set_pos(N(sw), at);
	sw->init = s1;
	sw->tag = make_expr(p, s2, "switch expression");
	sw->body = body;
	sw->node.end = body->node.end;
	return N(sw);
}

static struct go_node *parse_comm_clause(struct parser *p)
{
	struct go_comm_clause *c = NEW(go_comm_clause, GO_COMM_CLAUSE);
	struct pos at = cur(p), colon;

	if (TOK == GO_TOK_CASE) {
		struct go_list lhs;
		next(p);
		lhs = parse_expr_list(p);
		if (TOK == GO_TOK_ARROW) {
			struct go_send_stmt *s = NEW(go_send_stmt, GO_SEND_STMT);
			if (lhs.n > 1)
				fail_expected(p, node_pos(lhs.v[0]),
					      "1 expression");
			s->arrow = p->tok.off;
			next(p);
			s->chan = lhs.v[0];
			s->value = parse_rhs(p);
			pos_from(N(s), lhs.v[0]);
			s->node.end = s->value->end;
			c->comm = N(s);
		} else if (TOK == GO_TOK_ASSIGN || TOK == GO_TOK_DEFINE) {
			enum go_tok tok = TOK;
			struct pos tp = cur(p);
			if (lhs.n > 2)
				fail_expected(p, node_pos(lhs.v[0]),
					      "1 or 2 expressions");
			next(p);
			struct go_node *rhs = parse_rhs(p);
			c->comm = N(assign(p, lhs, tp, tok, list1(p, rhs)));
		} else {
			struct go_expr_stmt *s = NEW(go_expr_stmt, GO_EXPR_STMT);
			if (lhs.n > 1)
				fail_expected(p, node_pos(lhs.v[0]),
					      "1 expression");
			s->x = lhs.v[0];
			pos_from(N(s), s->x);
			s->node.end = s->x->end;
			c->comm = N(s);
		}
	} else {
		expect(p, GO_TOK_DEFAULT);
	}
	colon = expect(p, GO_TOK_COLON);
	c->body = parse_stmt_list(p);
	set_pos(N(c), at);
	c->colon = colon.off;
	c->node.end = c->body.n ? c->body.v[c->body.n - 1]->end : colon.off + 1;
	return N(c);
}

static struct go_node *parse_select_stmt(struct parser *p)
{
	struct go_select_stmt *s = NEW(go_select_stmt, GO_SELECT_STMT);
	struct pos at = expect(p, GO_TOK_SELECT), lbrace, rbrace;
	size_t mark;

	lbrace = expect(p, GO_TOK_LBRACE);
	mark = lmark(p);
	while (TOK == GO_TOK_CASE || TOK == GO_TOK_DEFAULT)
		lpush(p, parse_comm_clause(p));
	struct go_list list = lfinish(p, mark);
	rbrace = expect(p, GO_TOK_RBRACE);
	expect_semi(p);
	s->body = clause_block(p, lbrace, list, rbrace);
	set_pos(N(s), at);
	s->node.end = s->body->node.end;
	return N(s);
}

static struct go_node *parse_for_stmt(struct parser *p)
{
	struct pos at = expect(p, GO_TOK_FOR);
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
				as->rhs = list1(p, range_rhs(p));
				s2 = N(as);
				is_range = 1;
			} else {
				s2 = parse_simple_stmt(p, MODE_RANGE_OK,
						       &is_range);
			}
		}
		if (!is_range && TOK == GO_TOK_SEMICOLON) {
			next(p);
			s1 = s2;
			s2 = NULL;
			if (TOK != GO_TOK_SEMICOLON)
				s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
			expect_semi(p);
			if (TOK != GO_TOK_LBRACE)
				s3 = parse_simple_stmt(p, MODE_BASIC, NULL);
		}
		p->expr_lev = prev;
	}
	body = parse_block_stmt(p);
	expect_semi(p);
	if (is_range) {
		struct go_assign_stmt *as = GO_CAST(go_assign_stmt, s2);
		struct go_range_stmt *r = NEW(go_range_stmt, GO_RANGE_STMT);
		if (as->lhs.n > 2)
			fail_expected(p, node_pos(as->lhs.v[as->lhs.n - 1]),
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
		set_pos(N(r), at);
		r->node.end = body->node.end;
		return N(r);
	}
	struct go_for_stmt *f = NEW(go_for_stmt, GO_FOR_STMT);
	f->init = s1;
	f->cond = make_expr(p, s2, "boolean or range expression");
	f->post = s3;
	f->body = body;
	set_pos(N(f), at);
	f->node.end = body->node.end;
	return N(f);
}

static struct go_node *parse_stmt(struct parser *p)
{
	struct go_node *s;
	int nest = p->nest;

	nest_in(p);
	switch (TOK) {
	case GO_TOK_CONST: case GO_TOK_TYPE: case GO_TOK_VAR: {
		struct go_decl_stmt *d = NEW(go_decl_stmt, GO_DECL_STMT);
		d->decl = N(parse_gen_decl(p, TOK));
		pos_from(N(d), d->decl);
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
			expect_semi(p);
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
		s = N(parse_block_stmt(p));
		expect_semi(p);
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
		set_pos(N(e), cur(p));
		e->implicit = p->tok.implicit;
		e->node.end = e->implicit ? e->node.off : e->node.off + 1;
		next(p);
		s = N(e);
		break;
	}
	case GO_TOK_RBRACE: {
		struct go_empty_stmt *e = NEW(go_empty_stmt, GO_EMPTY_STMT);
		set_pos(N(e), cur(p));
		e->implicit = 1;
		e->node.end = e->node.off;
		s = N(e);
		break;
	}
	default:
		fail_expected(p, cur(p), "statement");
	}
	p->nest = nest;
	return s;
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
		set_pos(N(id), cur(p));
		id->name = ".";
		id->len = 1;
		id->node.end = id->node.off + 1;
		s->name = id;
		next(p);
	} else if (TOK == GO_TOK_IDENT) {
		s->name = parse_ident(p);
	}
	if (TOK != GO_TOK_STRING)
		expect(p, GO_TOK_STRING);
	s->path = basic_lit(p);
	if (!valid_import(p, s->path->value, s->path->len)) {
		uint32_t n = 0;
		while (n < s->path->len && n < 200 &&
		       (unsigned char)s->path->value[n] >= ' ')
			n++;
		fail_at(p, s->path->node.line, s->path->node.col,
			"invalid import path: %.*s%s", (int)n, s->path->value,
			n < s->path->len ? "..." : "");
	}
	expect_semi(p);
	s->comment = p->linec;
	if (s->name)
		pos_from(N(s), N(s->name));
	else
		pos_from(N(s), N(s->path));
	s->node.end = s->path->node.end;
	vec_push(&p->imports, N(s));
	return N(s);
}

static struct go_node *parse_value_spec(struct parser *p,
					struct go_comment_group *doc,
					enum go_tok kw, int iota)
{
	struct go_value_spec *s = NEW(go_value_spec, GO_VALUE_SPEC);
	struct pos at = cur(p);
	size_t mark = lmark(p);

	s->doc = doc;
	lpush(p, parse_ident(p));
	while (TOK == GO_TOK_COMMA) {
		next(p);
		lpush(p, parse_ident(p));
	}
	s->names = lfinish(p, mark);
	s->type = try_ident_or_type(p);
	if (TOK == GO_TOK_ASSIGN) {
		next(p);
		s->values = parse_expr_list(p);
	}
	expect_semi(p);
	if (kw == GO_TOK_VAR && !s->type && !s->values.n)
		fail_pos(p, at, "missing variable type or initialization");
	if (kw == GO_TOK_CONST && !s->values.n && (iota == 0 || s->type))
		fail_pos(p, at, "missing constant value");
	s->comment = p->linec;
	pos_from(N(s), s->names.v[0]);
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
				*expr = star(p, pos_of(p, b->op_pos), b->y);
				return GO_CAST(go_ident, b->x);
			}
		} else if (b->op == GO_TOK_OR) {
			struct go_node *lhs;
			struct go_ident *name = extract_name(
				p, b->x, force || is_type_elem(b->y), &lhs);
			if (name && lhs) {
				*expr = binary(p, lhs, pos_of(p, b->op_pos),
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
	struct go_list l = parse_parameter_list(p, name0, typ0, GO_TOK_RBRACK);
	struct pos close = expect(p, GO_TOK_RBRACK);

	spec->type_params = field_list(p, open.off, l, close, 1, open);
	if (TOK == GO_TOK_ASSIGN) {
		spec->assign = p->tok.off;
		next(p);
	}
	spec->type = parse_type(p);
}

static struct go_node *parse_type_spec(struct parser *p,
				       struct go_comment_group *doc)
{
	struct go_type_spec *s = NEW(go_type_spec, GO_TYPE_SPEC);

	s->doc = doc;
	s->assign = GO_NOPOS;
	s->name = parse_ident(p);
	if (TOK == GO_TOK_LBRACK) {
		struct pos lbrack = cur(p);
		next(p);
		if (TOK == GO_TOK_IDENT) {
			struct go_node *x = N(parse_ident(p)), *ptype;
			struct go_ident *pname;
			if (TOK != GO_TOK_LBRACK) {
				p->expr_lev++;
				x = parse_primary_expr(p, x);
				x = parse_binary_expr(p, x, 1, 0);
				p->expr_lev--;
			}
			pname = extract_name(p, x, TOK == GO_TOK_COMMA, &ptype);
			if (pname && (ptype || TOK != GO_TOK_RBRACK))
				parse_generic_type(p, s, lbrack, pname, ptype);
			else
				s->type = parse_array_type(p, lbrack, x);
		} else {
			s->type = parse_array_type(p, lbrack, NULL);
		}
	} else {
		if (TOK == GO_TOK_ASSIGN) {
			s->assign = p->tok.off;
			next(p);
		}
		s->type = parse_type(p);
	}
	expect_semi(p);
	s->comment = p->linec;
	pos_from(N(s), N(s->name));
	s->node.end = s->type->end;
	return N(s);
}

static struct go_gen_decl *parse_gen_decl(struct parser *p, enum go_tok kw)
{
	struct go_gen_decl *d = NEW(go_gen_decl, GO_GEN_DECL);
	struct pos at;
	size_t mark;

	d->doc = p->lead;
	at = expect(p, kw);
	d->tok = kw;
	d->tok_pos = at.off;
	d->lparen = d->rparen = GO_NOPOS;
	mark = lmark(p);
	if (TOK == GO_TOK_LPAREN) {
		d->lparen = p->tok.off;
		next(p);
		for (int iota = 0; TOK != GO_TOK_RPAREN && TOK != GO_TOK_EOF;
		     iota++) {
			struct go_comment_group *doc = p->lead;
			if (kw == GO_TOK_IMPORT)
				lpush(p, parse_import_spec(p, doc));
			else if (kw == GO_TOK_TYPE)
				lpush(p, parse_type_spec(p, doc));
			else
				lpush(p, parse_value_spec(p, doc, kw, iota));
		}
		d->specs = lfinish(p, mark);
		d->rparen = expect(p, GO_TOK_RPAREN).off;
		expect_semi(p);
	} else {
		if (kw == GO_TOK_IMPORT)
			lpush(p, parse_import_spec(p, NULL));
		else if (kw == GO_TOK_TYPE)
			lpush(p, parse_type_spec(p, NULL));
		else
			lpush(p, parse_value_spec(p, NULL, kw, 0));
		d->specs = lfinish(p, mark);
	}
	set_pos(N(d), at);
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
	at = expect(p, GO_TOK_FUNC);
	if (TOK == GO_TOK_LPAREN)
		parse_parameters(p, 0, &tp, &d->recv);
	d->name = parse_ident(p);
	parse_parameters(p, 1, &tparams, &params);
	if (d->recv && tparams)
		fail_pos(p, node_pos(N(tparams)),
			 "method must have no type parameters");
	results = parse_result(p);
	if (TOK == GO_TOK_LBRACE) {
		d->body = parse_block_stmt(p);
		expect_semi(p);
	} else if (TOK == GO_TOK_SEMICOLON) {
		next(p);
		if (TOK == GO_TOK_LBRACE)
			fail_at(p, p->tok.line, p->tok.col,
				"unexpected semicolon or newline before {");
	} else {
		expect_semi(p);
	}
	d->type = func_type(p, at, tparams, params, results);
	pos_from(N(d), N(d->type));
	d->node.end = d->body ? d->body->node.end : d->type->node.end;
	return N(d);
}

static struct go_node *parse_decl(struct parser *p)
{
	switch (TOK) {
	case GO_TOK_CONST: case GO_TOK_VAR: case GO_TOK_TYPE:
		return N(parse_gen_decl(p, TOK));
	case GO_TOK_FUNC:
		return parse_func_decl(p);
	default:
		fail_expected(p, cur(p), "declaration");
	}
}

static struct go_file *parse_file(struct parser *p)
{
	struct go_file *f = NEW(go_file, GO_FILE);
	struct pos at;
	size_t mark;

	f->doc = p->lead;
	at = expect(p, GO_TOK_PACKAGE);
	f->package_pos = at.off;
	f->name = parse_ident(p);
	expect_semi(p);
	mark = lmark(p);
	while (TOK == GO_TOK_IMPORT)
		lpush(p, parse_gen_decl(p, GO_TOK_IMPORT));
	while (TOK != GO_TOK_EOF)
		lpush(p, parse_decl(p));
	f->decls = lfinish(p, mark);
	set_pos(N(f), at);
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
		next(p);
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
