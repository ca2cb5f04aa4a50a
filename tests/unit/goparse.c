/*
 * Unit tests of the front-end's API as the rules use it: positions of
 * nodes and offsets, comment lookup by line, the traversal order, the
 * resolution slot, the walk, and errors as data.
 */
#include "check.h"
#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/go/parse.h"
#include "../../src/go/walk.h"

#include <stdlib.h>
#include <string.h>

static const char src1[] =
	"// Package p.\n"                     /* 1 */
	"package p\n"                         /* 2 */
	"\n"                                  /* 3 */
	"import t \"time\"\n"                 /* 4 */
	"\n"                                  /* 5 */
	"func f(ch chan int) {\n"             /* 6 */
	"\t//leakhound:ignore time-tick-leak\n" /* 7 */
	"\tfor range t.Tick(1) {\n"           /* 8 */
	"\t\tch <- 1 // send\n"               /* 9 */
	"\t}\n"                               /* 10 */
	"}\n";                                /* 11 */

struct order {
	char kinds[64][16];
	int n, post;
};

static int pre(struct go_node *n, void *ctx)
{
	struct order *o = ctx;

	if (o->n < 64)
		snprintf(o->kinds[o->n++], 16, "%s", go_kind_name(n->kind));
	return n->kind != GO_SEND_STMT;  /* skip the send's children */
}

static void post(struct go_node *n, void *ctx)
{
	(void)n;
	((struct order *)ctx)->post++;
}

static void test_tree(void)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct go_file *f = go_parse_file(&a, "p.go", src1, strlen(src1), &e);
	struct go_func_decl *fd;
	struct go_range_stmt *rs;
	struct go_call_expr *call;
	struct go_selector_expr *sel;
	uint32_t line, col;

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_STR(f->name->name, "p");
	CHECK(f->doc && f->doc->node.line == 1);
	CHECK(f->imports.n == 1);
	CHECK_STR(GO_CAST(go_import_spec, f->imports.v[0])->name->name, "t");
	CHECK(f->decls.n == 2 && f->decls.v[1]->kind == GO_FUNC_DECL);
	fd = GO_CAST(go_func_decl, f->decls.v[1]);
	CHECK(fd->node.line == 6 && fd->node.col == 1);
	CHECK(fd->body->list.n == 1 && fd->body->list.v[0]->kind == GO_RANGE_STMT);
	rs = GO_CAST(go_range_stmt, fd->body->list.v[0]);
	CHECK(rs->key == NULL && rs->tok == GO_TOK_ILLEGAL);
	CHECK(rs->x->kind == GO_CALL_EXPR);
	call = GO_CAST(go_call_expr, rs->x);
	sel = GO_CAST(go_selector_expr, call->fun);
	CHECK(call->node.line == 8 && call->node.col == 12);
	go_file_position(f, call->node.end, &line, &col);
	CHECK(line == 8 && col == 21);
	go_file_position(f, call->lparen, &line, &col);
	CHECK(line == 8 && col == 18);
	CHECK_STR(GO_CAST(go_ident, sel->x)->name, "t");
	/* the parser leaves resolution to resolve.c */
	CHECK(GO_CAST(go_ident, sel->x)->decl == NULL);
	CHECK(GO_CAST(go_ident, sel->x)->decl_kind == GO_DECL_NONE);
	/* comments: three groups, found by line */
	CHECK(f->ncomments == 3);
	CHECK(go_file_comment_index(f, 7) == 1);
	CHECK(go_file_comment_index(f, 8) == f->ncomments);
	CHECK(!strncmp(f->comments[1]->list[0]->text, "//leakhound:ignore", 18));
	CHECK(go_file_comment_index(f, 9) == 2);
	/* traversal: pre-order in go/ast.Walk's order, post after children */
	struct order o;
	memset(&o, 0, sizeof(o));
	go_ast_inspect(&fd->node, pre, post, &o);
	CHECK(o.n >= 9);
	CHECK_STR(o.kinds[0], "FuncDecl");
	CHECK_STR(o.kinds[1], "Ident");      /* Name */
	CHECK_STR(o.kinds[2], "FuncType");
	CHECK_STR(o.kinds[o.n - 1], "SendStmt"); /* children skipped */
	/* post is not called for the skipped SendStmt, as with ast.Inspect */
	CHECK(o.post == o.n - 1);
	arena_release(&a);
}

static void test_error(void)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	static const char bad[] = "package p\n\nfunc f() {\n\tx :=\n}\n";
	struct go_file *f = go_parse_file(&a, "bad.go", bad, strlen(bad), &e);

	CHECK(f == NULL);
	CHECK_STR(e.msg, "bad.go:5:1: syntax error: expected operand, found '}'");
	arena_release(&a);
}

static void test_not_nul_terminated(void)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	/* a copy without the final NUL: the lexer must not read past len */
	size_t n = strlen("package p\nvar x = 1");
	char *buf = malloc(n);
	memcpy(buf, "package p\nvar x = 1", n);
	struct go_file *f = go_parse_file(&a, "n.go", buf, n, &e);
	CHECK(f != NULL);
	if (f) {
		struct go_node *v = GO_CAST(go_gen_decl, f->decls.v[0])->specs.v[0];
		CHECK(v->end == n);
	}
	arena_release(&a);
	free(buf);
}

static void test_walk(void)
{
	struct go_walk w = GO_WALK_INIT;
	struct err e = ERR_INIT;

	CHECK(go_walk_add(&w, "/nonexistent/dir/...", 0, &e) == -1);
	CHECK(strstr(e.msg, "cannot read '/nonexistent/dir'") != NULL);
	go_walk_release(&w);
}

int main(void)
{
	TEST(test_tree);
	TEST(test_error);
	TEST(test_not_nul_terminated);
	TEST(test_walk);
	return 0;
}
