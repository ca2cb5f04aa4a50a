/*
 * parse_int: what the files of the Go parser share (parse.c: errors,
 * tokens, comments, nodes, declarations and the file; parse_type.c: types;
 * parse_expr.c: blocks and expressions; parse_stmt.c: statements).  Internal
 * to src/go: everything here works on one struct parser, which go_parse_file
 * owns; nodes live in the parser's arena (parse.h).
 */
#ifndef GO_PARSE_INT_H
#define GO_PARSE_INT_H

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
#define NEW(T, K) ((struct T *)go_p_mk(p, (K), sizeof(struct T)))

/* ---- shared functions ---- */

static inline struct pos go_p_cur(const struct parser *p)
{
	struct pos r = { p->tok.off, p->tok.line, p->tok.col };
	return r;
}

static inline size_t go_p_lmark(struct parser *p)
{
	return p->stk.len;
}

static inline void go_p_lpush(struct parser *p, void *x)
{
	vec_push(&p->stk, x);
}

static inline void *go_p_mk(struct parser *p, enum go_kind k, size_t size)
{
	struct go_node *n = arena_zalloc(p->a, size);

	n->kind = (uint16_t)k;
	p->nnodes++;
	return n;
}

static inline struct pos go_p_node_pos(const struct go_node *n)
{
	struct pos r = { n->off, n->line, n->col };
	return r;
}

static inline void go_p_pos_from(struct go_node *n, const struct go_node *c)
{
	n->off = c->off;
	n->line = c->line;
	n->col = c->col;
}

static inline void go_p_set_pos(struct go_node *n, struct pos at)
{
	n->off = at.off;
	n->line = at.line;
	n->col = at.col;
}

static inline struct go_node *go_p_unparen(struct go_node *x)
{
	while (x->kind == GO_PAREN_EXPR)
		x = GO_CAST(go_paren_expr, x)->x;
	return x;
}

int go_p_at_comma(struct parser *p, const char *context, enum go_tok follow);
struct go_basic_lit *go_p_basic_lit(struct parser *p);
struct go_node *go_p_binary(struct parser *p, struct go_node *x,
			      struct pos op_pos, enum go_tok op,
			      struct go_node *y);
struct go_node *go_p_check_expr(struct parser *p, struct go_node *x);
struct go_node *go_p_check_expr_or_type(struct parser *p, struct go_node *x);
struct go_node *go_p_embedded_elem(struct parser *p, struct go_node *x);
struct pos go_p_expect(struct parser *p, enum go_tok t);
struct pos go_p_expect_closing(struct parser *p, enum go_tok t,
				 const char *context);
void go_p_expect_semi(struct parser *p);
_Noreturn void go_p_fail_at(struct parser *p, uint32_t line, uint32_t col,
			      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
_Noreturn void go_p_fail_expected(struct parser *p, struct pos at,
				    const char *what);
_Noreturn void go_p_fail_pos(struct parser *p, struct pos at, const char *msg);
struct go_field_list *go_p_field_list(struct parser *p, uint32_t opening,
					struct go_list list, struct pos closing,
					int has_closing, struct pos open_pos);
struct go_func_type *go_p_func_type(struct parser *p, struct pos func,
				      struct go_field_list *tparams,
				      struct go_field_list *params,
				      struct go_field_list *results);
struct go_list go_p_lfinish(struct parser *p, size_t mark);
struct go_list go_p_list1(struct parser *p, struct go_node *x);
void go_p_nest_in(struct parser *p);
void go_p_next(struct parser *p);
struct go_node *go_p_pack_index(struct parser *p, struct go_node *x,
				  struct pos lbrack, struct go_list args,
				  struct pos rbrack);
struct go_node *go_p_paren(struct parser *p, struct pos lparen,
			     struct go_node *x, struct pos rparen);
struct go_node *go_p_parse_array_type(struct parser *p, struct pos lbrack,
					struct go_node *len);
struct go_node *go_p_parse_binary_expr(struct parser *p, struct go_node *x,
					 int prec1, int check);
struct go_block_stmt *go_p_parse_block_stmt(struct parser *p);
struct go_node *go_p_parse_expr(struct parser *p);
struct go_list go_p_parse_expr_list(struct parser *p);
struct go_func_type *go_p_parse_func_type(struct parser *p);
struct go_gen_decl *go_p_parse_gen_decl(struct parser *p, enum go_tok kw);
struct go_ident *go_p_parse_ident(struct parser *p);
struct go_list go_p_parse_parameter_list(struct parser *p,
					   struct go_ident *name0,
					   struct go_node *typ0,
					   enum go_tok closing);
void go_p_parse_parameters(struct parser *p, int accept_tparams,
			     struct go_field_list **tparams,
			     struct go_field_list **params);
struct go_node *go_p_parse_primary_expr(struct parser *p, struct go_node *x);
struct go_field_list *go_p_parse_result(struct parser *p);
struct go_node *go_p_parse_rhs(struct parser *p);
struct go_node *go_p_parse_rhs_or_type(struct parser *p);
struct go_node *go_p_parse_stmt(struct parser *p);
struct go_list go_p_parse_stmt_list(struct parser *p);
struct go_node *go_p_parse_type(struct parser *p);
struct go_node *go_p_parse_unary_expr(struct parser *p);
struct pos go_p_pos_of(const struct parser *p, uint32_t off);
struct go_node *go_p_selector(struct parser *p, struct go_node *x,
				struct go_ident *sel);
struct go_node *go_p_star(struct parser *p, struct pos at, struct go_node *x);
struct go_node *go_p_try_ident_or_type(struct parser *p);
struct go_node *go_p_unary(struct parser *p, struct pos at, enum go_tok op,
			     struct go_node *x);

#endif
