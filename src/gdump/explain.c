/*
 * explain: what the blocking line of a goroutine group does, read from the
 * source with the Go front-end (`leakhound goroutines --src DIR`).
 *
 * The dump names files by the paths they had on the machine that built the
 * program; the source tree given with --src is usually somewhere else, so
 * the file is looked up by the longest suffix of its path that exists under
 * DIR.  On the line, the channel operation is found (a send, a receive, a
 * select, a range over a channel); the channel's name is looked up in the
 * enclosing function declaration (closures included) for the make() or var
 * that created it, which says whether it is buffered or nil.  There is no
 * type checker: a name that is not made in that function (a parameter, a
 * field, a package variable) is said to be so and nothing more.
 */
#include "gdump.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/file.h"
#include "../base/sb.h"
#include "../go/ast.h"
#include "../go/parse.h"

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* srcdir joined with the longest suffix of file that exists, or -1. */
static int find_source(const char *srcdir, const char *file, char *out, size_t n)
{
	const char *p = file;

	if (is_file(file) && !strncmp(file, srcdir, strlen(srcdir))) {
		snprintf(out, n, "%s", file);
		return 0;
	}
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			return -1;
		if ((size_t)snprintf(out, n, "%s/%s", srcdir, p) < n && is_file(out))
			return 0;
		p = strchr(p, '/');
		if (!p)
			return -1;
	}
}

struct find {
	uint32_t line;
	struct go_node *func;     /* innermost FuncDecl or FuncLit around line */
	struct go_func_decl *decl;/* the FuncDecl around line */
	struct go_node *op;       /* the channel operation on the line */
	struct go_node *chan;     /* its channel expression */
	int nselect;              /* cases of a select on the line */
};

static int contains_line(const struct go_node *n, const struct go_file *f,
			 uint32_t line)
{
	uint32_t el, ec;

	if (n->line > line)
		return 0;
	go_file_position(f, n->end, &el, &ec);
	return el >= line;
}

struct find_ctx {
	struct find *fd;
	const struct go_file *f;
};

static int find_fn(struct go_node *n, void *vctx)
{
	struct find_ctx *c = vctx;
	struct find *fd = c->fd;

	if (!contains_line(n, c->f, fd->line))
		return 0;
	switch (n->kind) {
	case GO_FUNC_DECL:
		fd->decl = GO_CAST(go_func_decl, n);
		fd->func = n;
		break;
	case GO_FUNC_LIT:
		fd->func = n;
		break;
	case GO_SEND_STMT:
		if (n->line == fd->line && !fd->op) {
			fd->op = n;
			fd->chan = GO_CAST(go_send_stmt, n)->chan;
		}
		break;
	case GO_UNARY_EXPR:
		if (GO_CAST(go_unary_expr, n)->op == GO_TOK_ARROW && !fd->op &&
		    n->line == fd->line) {
			fd->op = n;
			fd->chan = GO_CAST(go_unary_expr, n)->x;
		}
		break;
	case GO_RANGE_STMT:
		if (n->line == fd->line && !fd->op) {
			fd->op = n;
			fd->chan = GO_CAST(go_range_stmt, n)->x;
		}
		break;
	case GO_SELECT_STMT:
		if (n->line == fd->line && !fd->op) {
			fd->op = n;
			fd->nselect = (int)GO_CAST(go_select_stmt, n)->body->list.n;
		}
		break;
	default:
		break;
	}
	return 1;
}

struct decl_ctx {
	const char *name;
	size_t len;
	uint32_t before;          /* only declarations before this offset */
	struct go_node *made;     /* the make() call or the var spec */
	struct go_node *where;
	int is_nil;
	int is_param;
};

static int ident_is(const struct go_node *n, const char *name, size_t len)
{
	const struct go_ident *id;

	if (!n || n->kind != GO_IDENT)
		return 0;
	id = GO_CAST(go_ident, n);
	return id->len == len && !memcmp(id->name, name, len);
}

static int is_make_chan(const struct go_node *n)
{
	const struct go_call_expr *c;

	if (!n || n->kind != GO_CALL_EXPR)
		return 0;
	c = GO_CAST(go_call_expr, n);
	return ident_is(c->fun, "make", 4) && c->args.n >= 1 &&
	       c->args.v[0]->kind == GO_CHAN_TYPE;
}

static int decl_fn(struct go_node *n, void *vctx)
{
	struct decl_ctx *c = vctx;
	uint32_t i;

	if (n->off >= c->before)
		return 0;
	if (n->kind == GO_ASSIGN_STMT) {
		struct go_assign_stmt *a = GO_CAST(go_assign_stmt, n);
		for (i = 0; i < a->lhs.n && i < a->rhs.n; i++)
			if (ident_is(a->lhs.v[i], c->name, c->len)) {
				c->made = is_make_chan(a->rhs.v[i]) ? a->rhs.v[i] : NULL;
				c->where = n;
				c->is_nil = 0;
			}
	} else if (n->kind == GO_VALUE_SPEC) {
		struct go_value_spec *v = GO_CAST(go_value_spec, n);
		for (i = 0; i < v->names.n; i++)
			if (ident_is(v->names.v[i], c->name, c->len)) {
				c->where = n;
				c->made = i < v->values.n && is_make_chan(v->values.v[i]) ?
					v->values.v[i] : NULL;
				c->is_nil = !v->values.n && v->type &&
					v->type->kind == GO_CHAN_TYPE;
			}
	} else if (n->kind == GO_FIELD) {
		struct go_field *fl = GO_CAST(go_field, n);
		for (i = 0; i < fl->names.n; i++)
			if (ident_is(fl->names.v[i], c->name, c->len)) {
				c->where = n;
				c->made = NULL;
				c->is_param = 1;
			}
	}
	return 1;
}

struct call_ctx {
	uint32_t line;
	struct go_node *call;
};

/* The first call expression that starts on the line. */
static int call_fn(struct go_node *n, void *vctx)
{
	struct call_ctx *c = vctx;

	if (c->call)
		return 0;
	if (n->kind == GO_CALL_EXPR && n->line == c->line) {
		c->call = n;
		return 0;
	}
	return 1;
}

static void src_text(struct sb *out, const struct go_file *f, const struct go_node *n)
{
	size_t len = n->end > n->off ? n->end - n->off : 0;
	if (len > 80)
		len = 80;
	sb_add(out, f->src + n->off, len);
}

int gdump_explain(const char *srcdir, const char *file, int line,
		  struct gdump_explain *x, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct go_file *f;
	struct find fd;
	struct find_ctx fc;
	struct sb s = SB_INIT;
	char *src;
	size_t len;
	uint32_t i;

	memset(x, 0, sizeof(*x));
	if (!file || !*file || line <= 0)
		return err_setf(e, "no source line to explain");
	if (find_source(srcdir, file, x->path, sizeof(x->path)) < 0)
		return err_setf(e, "no file under '%s' matches '%s'", srcdir, file);
	src = file_read_all(x->path, 64 << 20, &len, e);
	if (!src)
		return -1;
	f = go_parse_file(&a, x->path, src, len, e);
	if (!f) {
		free(src);
		arena_release(&a);
		return -1;
	}
	memset(&fd, 0, sizeof(fd));
	fd.line = (uint32_t)line;
	fc.fd = &fd;
	fc.f = f;
	for (i = 0; i < f->decls.n; i++)
		go_ast_inspect(f->decls.v[i], find_fn, NULL, &fc);
	if (fd.decl) {
		uint32_t el, ec;
		x->func_line = (int)fd.decl->node.line;
		go_file_position(f, fd.decl->node.end, &el, &ec);
		x->func_end_line = (int)el;
		snprintf(x->func_name, sizeof(x->func_name), "%s", fd.decl->name->name);
	}
	if (!fd.op) {
		struct call_ctx cc = { (uint32_t)line, NULL };
		for (i = 0; i < f->decls.n && !cc.call; i++)
			go_ast_inspect(f->decls.v[i], call_fn, NULL, &cc);
		if (cc.call) {
			sb_adds(&s, "a call to ");
			src_text(&s, f, cc.call);
			sb_adds(&s, " that waits (no channel operation on the line)");
			snprintf(x->text, sizeof(x->text), "%s", sb_str(&s));
		} else {
			snprintf(x->text, sizeof(x->text), "line %d has no channel operation "
				 "(the goroutine waits inside a call made there)", line);
		}
	} else if (fd.op->kind == GO_SELECT_STMT) {
		snprintf(x->text, sizeof(x->text), "a select with %d case%s that no "
			 "other goroutine makes ready", fd.nselect, fd.nselect == 1 ? "" : "s");
	} else {
		const char *op = fd.op->kind == GO_SEND_STMT ? "a send on" :
			fd.op->kind == GO_RANGE_STMT ? "a range over" : "a receive from";
		sb_addf(&s, "%s ", op);
		src_text(&s, f, fd.chan);
		if (fd.chan->kind == GO_IDENT && fd.decl && fd.decl->body) {
			struct decl_ctx dc;
			memset(&dc, 0, sizeof(dc));
			dc.name = GO_CAST(go_ident, fd.chan)->name;
			dc.len = GO_CAST(go_ident, fd.chan)->len;
			dc.before = fd.op->off;
			go_ast_inspect(&fd.decl->node, decl_fn, NULL, &dc);
			if (!dc.where) {
				/* a package-level var of the same file */
				dc.before = UINT32_MAX;
				for (i = 0; i < f->decls.n; i++)
					if (f->decls.v[i]->kind == GO_GEN_DECL)
						go_ast_inspect(f->decls.v[i], decl_fn, NULL, &dc);
				if (dc.where)
					sb_adds(&s, ", a package variable");
			}
			if (dc.made) {
				struct go_call_expr *mk = GO_CAST(go_call_expr, dc.made);
				x->made_line = (int)dc.made->line;
				if (mk->args.n >= 2) {
					sb_adds(&s, dc.before == UINT32_MAX ? " buffered to " :
						", a channel buffered to ");
					src_text(&s, f, mk->args.v[1]);
				} else {
					sb_adds(&s, dc.before == UINT32_MAX ? " (unbuffered)" :
						", an unbuffered channel");
				}
				sb_addf(&s, " made at line %u (", dc.made->line);
				src_text(&s, f, dc.made);
				sb_adds(&s, ")");
				if (mk->args.n < 2 && fd.op->kind == GO_SEND_STMT)
					sb_adds(&s, ": the send waits until a receiver comes, and none will");
			} else if (dc.is_nil) {
				x->made_line = (int)dc.where->line;
				sb_addf(&s, ", a nil channel declared at line %u: it blocks forever",
					dc.where->line);
			} else if (dc.is_param) {
				sb_addf(&s, ", a parameter of %s", x->func_name);
			} else if (dc.where) {
				sb_addf(&s, ", assigned at line %u (not from make)", dc.where->line);
			} else {
				sb_addf(&s, ", not declared in %s or in this file (a package "
					"variable of another file, or a field)", x->func_name);
			}
		}
		snprintf(x->text, sizeof(x->text), "%s", sb_str(&s));
	}
	sb_release(&s);
	free(src);
	arena_release(&a);
	return 0;
}
