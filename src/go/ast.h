/*
 * ast: the typed syntax tree of one Go file, mirroring go/ast node for node.
 *
 * Every node starts with a struct go_node header (kind, start and end byte
 * offsets, line and column of the start), so any node pointer can be passed
 * around as struct go_node * and downcast by kind with GO_CAST.  Expressions,
 * statements, specs and declarations are all struct go_node * in their
 * parents, exactly as go/ast uses interfaces.  The header's `off` is go/ast's
 * Pos() and `end` is End(); nodes also keep the extra positions go/ast keeps
 * (operator, parentheses, braces) as byte offsets, with GO_NOPOS meaning
 * "none" (go/ast's token.NoPos).  go_file_position turns any offset into
 * line and column.
 *
 * Ownership: the whole tree, its strings and its lists live in the arena
 * given to go_parse_file (one arena per file) and die with it.  Lists are
 * arrays with a count; an absent list is {NULL, 0} (go/ast's nil), and the
 * few places where go/ast distinguishes nil from empty say so.
 *
 * Resolution: struct go_ident has a `decl` slot (and `decl_kind`) left
 * NULL/0 by the parser and filled by src/go/resolve.c.
 */
#ifndef GO_AST_H
#define GO_AST_H

#include <stddef.h>
#include <stdint.h>
#include "lex.h"

#define GO_NOPOS UINT32_MAX

enum go_kind {
	GO_BAD_KIND = 0,
	/* expressions and types */
	GO_BAD_EXPR,
	GO_IDENT,
	GO_ELLIPSIS,
	GO_BASIC_LIT,
	GO_FUNC_LIT,
	GO_COMPOSITE_LIT,
	GO_PAREN_EXPR,
	GO_SELECTOR_EXPR,
	GO_INDEX_EXPR,
	GO_INDEX_LIST_EXPR,
	GO_SLICE_EXPR,
	GO_TYPE_ASSERT_EXPR,
	GO_CALL_EXPR,
	GO_STAR_EXPR,
	GO_UNARY_EXPR,
	GO_BINARY_EXPR,
	GO_KEY_VALUE_EXPR,
	GO_ARRAY_TYPE,
	GO_STRUCT_TYPE,
	GO_FUNC_TYPE,
	GO_INTERFACE_TYPE,
	GO_MAP_TYPE,
	GO_CHAN_TYPE,
	/* statements */
	GO_BAD_STMT,
	GO_DECL_STMT,
	GO_EMPTY_STMT,
	GO_LABELED_STMT,
	GO_EXPR_STMT,
	GO_SEND_STMT,
	GO_INC_DEC_STMT,
	GO_ASSIGN_STMT,
	GO_GO_STMT,
	GO_DEFER_STMT,
	GO_RETURN_STMT,
	GO_BRANCH_STMT,
	GO_BLOCK_STMT,
	GO_IF_STMT,
	GO_CASE_CLAUSE,
	GO_SWITCH_STMT,
	GO_TYPE_SWITCH_STMT,
	GO_COMM_CLAUSE,
	GO_SELECT_STMT,
	GO_FOR_STMT,
	GO_RANGE_STMT,
	/* specs */
	GO_IMPORT_SPEC,
	GO_VALUE_SPEC,
	GO_TYPE_SPEC,
	/* declarations */
	GO_BAD_DECL,
	GO_GEN_DECL,
	GO_FUNC_DECL,
	/* the rest */
	GO_FIELD,
	GO_FIELD_LIST,
	GO_COMMENT,
	GO_COMMENT_GROUP,
	GO_FILE,
	GO_KIND_COUNT
};

/* go/ast's type name of a kind ("CallExpr"); static storage. */
const char *go_kind_name(enum go_kind k);
int go_kind_is_expr(enum go_kind k);
int go_kind_is_stmt(enum go_kind k);

/* The header every node starts with. */
struct go_node {
	uint16_t kind;      /* enum go_kind */
	uint16_t flags;     /* free for later passes; the parser leaves 0 */
	uint32_t off;       /* Pos(): byte offset of the node's first byte */
	uint32_t end;       /* End(): byte offset just past the node */
	uint32_t line, col; /* of off, 1-based, col in bytes (go/token) */
};

/* Downcast a struct go_node * to the struct of its kind (no check). */
#define GO_CAST(T, n) ((struct T *)(void *)(n))

struct go_list {
	struct go_node **v;
	uint32_t n;
};

struct go_comment_group;
struct go_field_list;
struct go_block_stmt;
struct go_func_type;
struct go_ident;
struct go_basic_lit;

/* ---- comments ---- */

/* One // or block comment; text includes the markers, '\r' removed. */
struct go_comment {
	struct go_node node;
	const char *text;
	uint32_t len;
};

/* Adjacent comments with no token between them (go/ast.CommentGroup). */
struct go_comment_group {
	struct go_node node;
	struct go_comment **list;
	uint32_t n;
};

/* ---- expressions ---- */

struct go_bad_expr {
	struct go_node node;
};

/* What an identifier refers to, filled by resolve.c. */
enum go_decl_kind {
	GO_DECL_NONE = 0,  /* not resolved (yet), or a field/method name */
	GO_DECL_UNIVERSE,  /* predeclared: int, nil, len, ... */
	GO_DECL_IMPORT,    /* a package name */
	GO_DECL_PACKAGE,   /* package-level const/var/type/func */
	GO_DECL_LOCAL,     /* local var/const/type, incl. := and range vars */
	GO_DECL_PARAM,     /* parameter, result or receiver */
	GO_DECL_LABEL,
};

struct go_ident {
	struct go_node node;
	const char *name;    /* NUL-terminated */
	uint32_t len;
	uint16_t decl_kind;  /* enum go_decl_kind, filled by resolve */
	uint16_t decl_flags; /* free for resolve */
	void *decl;          /* the declaring node or object, filled by resolve */
};

struct go_ellipsis {
	struct go_node node;     /* off = position of "..." */
	struct go_node *elt;     /* NULL in [...]T and in a call's "...": none */
};

/* kind is GO_TOK_INT, FLOAT, IMAG, CHAR or STRING; value is the source
 * text ('\r' removed from raw strings), NUL-terminated. */
struct go_basic_lit {
	struct go_node node;
	enum go_tok kind;
	const char *value;
	uint32_t len;
};

struct go_func_lit {
	struct go_node node;
	struct go_func_type *type;
	struct go_block_stmt *body;
};

struct go_composite_lit {
	struct go_node node;
	struct go_node *type;   /* NULL when elided */
	uint32_t lbrace;
	struct go_list elts;
	uint32_t rbrace;
	int incomplete;
};

struct go_paren_expr {
	struct go_node node;
	uint32_t lparen;
	struct go_node *x;
	uint32_t rparen;
};

struct go_selector_expr {
	struct go_node node;
	struct go_node *x;
	struct go_ident *sel;
};

struct go_index_expr {
	struct go_node node;
	struct go_node *x;
	uint32_t lbrack;
	struct go_node *index;
	uint32_t rbrack;
};

/* x[a, b] with two or more indices (generic instantiation). */
struct go_index_list_expr {
	struct go_node node;
	struct go_node *x;
	uint32_t lbrack;
	struct go_list indices;
	uint32_t rbrack;
};

struct go_slice_expr {
	struct go_node node;
	struct go_node *x;
	uint32_t lbrack;
	struct go_node *low, *high, *max; /* each may be NULL */
	int slice3;
	uint32_t rbrack;
};

/* x.(T); type is NULL in a type switch's x.(type). */
struct go_type_assert_expr {
	struct go_node node;
	struct go_node *x;
	uint32_t lparen;
	struct go_node *type;
	uint32_t rparen;
};

struct go_call_expr {
	struct go_node node;
	struct go_node *fun;
	uint32_t lparen;
	struct go_list args;
	uint32_t ellipsis;   /* position of a final "...", or GO_NOPOS */
	uint32_t rparen;
};

/* *x: a pointer type or a dereference. */
struct go_star_expr {
	struct go_node node;
	struct go_node *x;
};

/* op is ADD, SUB, NOT, XOR, AND, ARROW or TILDE (a '*' is a StarExpr). */
struct go_unary_expr {
	struct go_node node;
	enum go_tok op;
	struct go_node *x;
};

struct go_binary_expr {
	struct go_node node;
	struct go_node *x;
	uint32_t op_pos;
	enum go_tok op;
	struct go_node *y;
};

struct go_key_value_expr {
	struct go_node node;
	struct go_node *key;
	uint32_t colon;
	struct go_node *value;
};

/* [len]elt; len is NULL for a slice type, a GO_ELLIPSIS for [...]T. */
struct go_array_type {
	struct go_node node;
	uint32_t lbrack;
	struct go_node *len;
	struct go_node *elt;
};

struct go_struct_type {
	struct go_node node;
	uint32_t struct_pos;
	struct go_field_list *fields;
	int incomplete;
};

/* func_pos is GO_NOPOS in a FuncDecl/method signature without "func"
 * (interface methods); type_params and results may be NULL. */
struct go_func_type {
	struct go_node node;
	uint32_t func_pos;
	struct go_field_list *type_params;
	struct go_field_list *params;
	struct go_field_list *results;
};

struct go_interface_type {
	struct go_node node;
	uint32_t interface_pos;
	struct go_field_list *methods;
	int incomplete;
};

struct go_map_type {
	struct go_node node;
	uint32_t map_pos;
	struct go_node *key;
	struct go_node *value;
};

enum go_chan_dir {
	GO_CHAN_SEND = 1,
	GO_CHAN_RECV = 2,
	GO_CHAN_BOTH = 3,
};

struct go_chan_type {
	struct go_node node;
	uint32_t begin;      /* "chan" or "<-" */
	uint32_t arrow;      /* position of "<-", or GO_NOPOS */
	int dir;             /* enum go_chan_dir */
	struct go_node *value;
};

/* ---- statements ---- */

struct go_bad_stmt {
	struct go_node node;
};

struct go_decl_stmt {
	struct go_node node;
	struct go_node *decl;  /* a GO_GEN_DECL */
};

/* implicit: the semicolon was a newline or was omitted before '}'. */
struct go_empty_stmt {
	struct go_node node;
	int implicit;
};

struct go_labeled_stmt {
	struct go_node node;
	struct go_ident *label;
	uint32_t colon;
	struct go_node *stmt;
};

struct go_expr_stmt {
	struct go_node node;
	struct go_node *x;
};

struct go_send_stmt {
	struct go_node node;
	struct go_node *chan;
	uint32_t arrow;
	struct go_node *value;
};

/* tok is GO_TOK_INC or GO_TOK_DEC. */
struct go_inc_dec_stmt {
	struct go_node node;
	struct go_node *x;
	uint32_t tok_pos;
	enum go_tok tok;
};

/* tok is ASSIGN, DEFINE or an op-assign token. */
struct go_assign_stmt {
	struct go_node node;
	struct go_list lhs;
	uint32_t tok_pos;
	enum go_tok tok;
	struct go_list rhs;
};

struct go_go_stmt {
	struct go_node node;
	struct go_node *call;  /* a GO_CALL_EXPR, or GO_BAD_EXPR */
};

struct go_defer_stmt {
	struct go_node node;
	struct go_node *call;
};

struct go_return_stmt {
	struct go_node node;
	struct go_list results;
};

/* tok is BREAK, CONTINUE, GOTO or FALLTHROUGH; label may be NULL. */
struct go_branch_stmt {
	struct go_node node;
	enum go_tok tok;
	struct go_ident *label;
};

struct go_block_stmt {
	struct go_node node;
	uint32_t lbrace;
	struct go_list list;
	uint32_t rbrace;
};

struct go_if_stmt {
	struct go_node node;
	struct go_node *init;  /* may be NULL */
	struct go_node *cond;
	struct go_block_stmt *body;
	struct go_node *els;   /* NULL, a GO_IF_STMT or a GO_BLOCK_STMT */
};

/* is_default: "default:" (go/ast's List == nil). */
struct go_case_clause {
	struct go_node node;
	int is_default;
	struct go_list list;
	uint32_t colon;
	struct go_list body;
};

struct go_switch_stmt {
	struct go_node node;
	struct go_node *init;  /* may be NULL */
	struct go_node *tag;   /* may be NULL */
	struct go_block_stmt *body;
};

/* assign is x := y.(type) (AssignStmt) or y.(type) (ExprStmt). */
struct go_type_switch_stmt {
	struct go_node node;
	struct go_node *init;
	struct go_node *assign;
	struct go_block_stmt *body;
};

/* comm is NULL for "default:". */
struct go_comm_clause {
	struct go_node node;
	struct go_node *comm;
	uint32_t colon;
	struct go_list body;
};

struct go_select_stmt {
	struct go_node node;
	struct go_block_stmt *body;
};

struct go_for_stmt {
	struct go_node node;
	struct go_node *init, *cond, *post;  /* each may be NULL */
	struct go_block_stmt *body;
};

/* for key, value := range x; key and value may be NULL, tok is
 * GO_TOK_ILLEGAL when there is neither. */
struct go_range_stmt {
	struct go_node node;
	struct go_node *key, *value;
	uint32_t tok_pos;
	enum go_tok tok;
	uint32_t range_pos;
	struct go_node *x;
	struct go_block_stmt *body;
};

/* ---- specs ---- */

struct go_import_spec {
	struct go_node node;
	struct go_comment_group *doc;
	struct go_ident *name;        /* NULL, or the alias, "_" or "." */
	struct go_basic_lit *path;
	struct go_comment_group *comment;
	uint32_t end_pos;             /* go/ast's EndPos, or GO_NOPOS */
};

struct go_value_spec {
	struct go_node node;
	struct go_comment_group *doc;
	struct go_list names;         /* GO_IDENT nodes */
	struct go_node *type;         /* may be NULL */
	struct go_list values;
	struct go_comment_group *comment;
};

/* assign is the position of '=' in an alias declaration, or GO_NOPOS. */
struct go_type_spec {
	struct go_node node;
	struct go_comment_group *doc;
	struct go_ident *name;
	struct go_field_list *type_params;  /* may be NULL */
	uint32_t assign;
	struct go_node *type;
	struct go_comment_group *comment;
};

/* ---- declarations ---- */

struct go_bad_decl {
	struct go_node node;
};

/* tok is IMPORT, CONST, TYPE or VAR; lparen/rparen GO_NOPOS if absent. */
struct go_gen_decl {
	struct go_node node;
	struct go_comment_group *doc;
	uint32_t tok_pos;
	enum go_tok tok;
	uint32_t lparen;
	struct go_list specs;
	uint32_t rparen;
};

struct go_func_decl {
	struct go_node node;
	struct go_comment_group *doc;
	struct go_field_list *recv;   /* NULL for a function */
	struct go_ident *name;
	struct go_func_type *type;
	struct go_block_stmt *body;   /* NULL for an external function */
};

/* ---- fields ---- */

struct go_field {
	struct go_node node;
	struct go_comment_group *doc;
	struct go_list names;         /* GO_IDENT nodes; empty if anonymous */
	struct go_node *type;         /* may be NULL only after errors */
	struct go_basic_lit *tag;     /* may be NULL */
	struct go_comment_group *comment;
};

/* opening/closing are the parenthesis, bracket or brace, or GO_NOPOS. */
struct go_field_list {
	struct go_node node;
	uint32_t opening;
	struct go_list list;          /* GO_FIELD nodes */
	uint32_t closing;
};

/* ---- the file ---- */

struct go_file {
	struct go_node node;          /* off = "package" keyword */
	struct go_comment_group *doc;
	uint32_t package_pos;
	struct go_ident *name;
	struct go_list decls;
	struct go_list imports;       /* the GO_IMPORT_SPEC nodes of decls */
	struct go_comment_group **comments; /* every comment group, in order */
	uint32_t ncomments;

	/* the source, as given to go_parse_file (not copied: the caller keeps
	 * it alive as long as the tree is used) */
	const char *path;             /* arena copy */
	const char *src;
	uint32_t size;
	/* line n (1-based) starts at byte lines[n-1]; arena-owned */
	const uint32_t *lines;
	uint32_t nlines;
	uint32_t nnodes;              /* nodes allocated, for statistics */
};

/* Line and column (1-based, column in bytes) of byte offset off in f, as
 * go/token computes them.  off == f->size is valid (end of file). */
void go_file_position(const struct go_file *f, uint32_t off,
		      uint32_t *line, uint32_t *col);

/* The comment groups of f whose first comment starts on line `line`, via a
 * binary search; returns the index of the first such group in f->comments
 * (f->ncomments when there is none) -- rules scanning for directives like
 * //leakhound:ignore on a given line start there. */
uint32_t go_file_comment_index(const struct go_file *f, uint32_t line);

/* Visit n and its children depth-first in source order, as ast.Inspect
 * does: fn(n, ctx) is called before the children; if it returns 0 the
 * children are skipped.  After the children, post(n, ctx) is called if
 * post is non-NULL (not for a node whose children were skipped, as
 * ast.Inspect's f(nil) is not).  Comment groups attached as Doc/Comment and the file's
 * comment list are not visited (go/ast visits Doc/Comment; rules use
 * f->comments).  Recursion depth is bounded by the parser's nesting
 * limit. */
void go_ast_inspect(struct go_node *n,
		    int (*fn)(struct go_node *n, void *ctx),
		    void (*post)(struct go_node *n, void *ctx), void *ctx);

#endif
