/*
 * ast: node names, positions and the generic traversal.
 *
 * The traversal visits children in the order go/ast.Walk does, so a rule
 * written against go/ast's order sees the same order here.
 */
#include "ast.h"

static const char *const kind_names[GO_KIND_COUNT] = {
	[GO_BAD_KIND] = "?",
	[GO_BAD_EXPR] = "BadExpr",
	[GO_IDENT] = "Ident",
	[GO_ELLIPSIS] = "Ellipsis",
	[GO_BASIC_LIT] = "BasicLit",
	[GO_FUNC_LIT] = "FuncLit",
	[GO_COMPOSITE_LIT] = "CompositeLit",
	[GO_PAREN_EXPR] = "ParenExpr",
	[GO_SELECTOR_EXPR] = "SelectorExpr",
	[GO_INDEX_EXPR] = "IndexExpr",
	[GO_INDEX_LIST_EXPR] = "IndexListExpr",
	[GO_SLICE_EXPR] = "SliceExpr",
	[GO_TYPE_ASSERT_EXPR] = "TypeAssertExpr",
	[GO_CALL_EXPR] = "CallExpr",
	[GO_STAR_EXPR] = "StarExpr",
	[GO_UNARY_EXPR] = "UnaryExpr",
	[GO_BINARY_EXPR] = "BinaryExpr",
	[GO_KEY_VALUE_EXPR] = "KeyValueExpr",
	[GO_ARRAY_TYPE] = "ArrayType",
	[GO_STRUCT_TYPE] = "StructType",
	[GO_FUNC_TYPE] = "FuncType",
	[GO_INTERFACE_TYPE] = "InterfaceType",
	[GO_MAP_TYPE] = "MapType",
	[GO_CHAN_TYPE] = "ChanType",
	[GO_BAD_STMT] = "BadStmt",
	[GO_DECL_STMT] = "DeclStmt",
	[GO_EMPTY_STMT] = "EmptyStmt",
	[GO_LABELED_STMT] = "LabeledStmt",
	[GO_EXPR_STMT] = "ExprStmt",
	[GO_SEND_STMT] = "SendStmt",
	[GO_INC_DEC_STMT] = "IncDecStmt",
	[GO_ASSIGN_STMT] = "AssignStmt",
	[GO_GO_STMT] = "GoStmt",
	[GO_DEFER_STMT] = "DeferStmt",
	[GO_RETURN_STMT] = "ReturnStmt",
	[GO_BRANCH_STMT] = "BranchStmt",
	[GO_BLOCK_STMT] = "BlockStmt",
	[GO_IF_STMT] = "IfStmt",
	[GO_CASE_CLAUSE] = "CaseClause",
	[GO_SWITCH_STMT] = "SwitchStmt",
	[GO_TYPE_SWITCH_STMT] = "TypeSwitchStmt",
	[GO_COMM_CLAUSE] = "CommClause",
	[GO_SELECT_STMT] = "SelectStmt",
	[GO_FOR_STMT] = "ForStmt",
	[GO_RANGE_STMT] = "RangeStmt",
	[GO_IMPORT_SPEC] = "ImportSpec",
	[GO_VALUE_SPEC] = "ValueSpec",
	[GO_TYPE_SPEC] = "TypeSpec",
	[GO_BAD_DECL] = "BadDecl",
	[GO_GEN_DECL] = "GenDecl",
	[GO_FUNC_DECL] = "FuncDecl",
	[GO_FIELD] = "Field",
	[GO_FIELD_LIST] = "FieldList",
	[GO_COMMENT] = "Comment",
	[GO_COMMENT_GROUP] = "CommentGroup",
	[GO_FILE] = "File",
};

const char *go_kind_name(enum go_kind k)
{
	if ((unsigned)k >= GO_KIND_COUNT || !kind_names[k])
		return "?";
	return kind_names[k];
}

int go_kind_is_expr(enum go_kind k)
{
	return k >= GO_BAD_EXPR && k <= GO_CHAN_TYPE;
}

int go_kind_is_stmt(enum go_kind k)
{
	return k >= GO_BAD_STMT && k <= GO_RANGE_STMT;
}

void go_file_position(const struct go_file *f, uint32_t off,
		      uint32_t *line, uint32_t *col)
{
	uint32_t lo = 0, hi = f->nlines;

	/* find the last line start <= off */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (f->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = lo + 1;
	*col = off - (f->nlines ? f->lines[lo] : 0) + 1;
}

uint32_t go_file_comment_index(const struct go_file *f, uint32_t line)
{
	uint32_t lo = 0, hi = f->ncomments;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (f->comments[mid]->node.line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->ncomments && f->comments[lo]->node.line == line)
		return lo;
	return f->ncomments;
}

struct inspect {
	int (*fn)(struct go_node *n, void *ctx);
	void (*post)(struct go_node *n, void *ctx);
	void *ctx;
};

static void visit(struct inspect *in, struct go_node *n);

static void visit_list(struct inspect *in, const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		visit(in, l->v[i]);
}

#define V(x) visit(in, (struct go_node *)(x))

static void visit(struct inspect *in, struct go_node *n)
{
	if (!n || !in->fn(n, in->ctx))
		return;
	switch ((enum go_kind)n->kind) {
	case GO_ELLIPSIS:
		V(GO_CAST(go_ellipsis, n)->elt);
		break;
	case GO_FUNC_LIT:
		V(GO_CAST(go_func_lit, n)->type);
		V(GO_CAST(go_func_lit, n)->body);
		break;
	case GO_COMPOSITE_LIT:
		V(GO_CAST(go_composite_lit, n)->type);
		visit_list(in, &GO_CAST(go_composite_lit, n)->elts);
		break;
	case GO_PAREN_EXPR:
		V(GO_CAST(go_paren_expr, n)->x);
		break;
	case GO_SELECTOR_EXPR:
		V(GO_CAST(go_selector_expr, n)->x);
		V(GO_CAST(go_selector_expr, n)->sel);
		break;
	case GO_INDEX_EXPR:
		V(GO_CAST(go_index_expr, n)->x);
		V(GO_CAST(go_index_expr, n)->index);
		break;
	case GO_INDEX_LIST_EXPR:
		V(GO_CAST(go_index_list_expr, n)->x);
		visit_list(in, &GO_CAST(go_index_list_expr, n)->indices);
		break;
	case GO_SLICE_EXPR: {
		struct go_slice_expr *s = GO_CAST(go_slice_expr, n);
		V(s->x);
		V(s->low);
		V(s->high);
		V(s->max);
		break;
	}
	case GO_TYPE_ASSERT_EXPR:
		V(GO_CAST(go_type_assert_expr, n)->x);
		V(GO_CAST(go_type_assert_expr, n)->type);
		break;
	case GO_CALL_EXPR:
		V(GO_CAST(go_call_expr, n)->fun);
		visit_list(in, &GO_CAST(go_call_expr, n)->args);
		break;
	case GO_STAR_EXPR:
		V(GO_CAST(go_star_expr, n)->x);
		break;
	case GO_UNARY_EXPR:
		V(GO_CAST(go_unary_expr, n)->x);
		break;
	case GO_BINARY_EXPR:
		V(GO_CAST(go_binary_expr, n)->x);
		V(GO_CAST(go_binary_expr, n)->y);
		break;
	case GO_KEY_VALUE_EXPR:
		V(GO_CAST(go_key_value_expr, n)->key);
		V(GO_CAST(go_key_value_expr, n)->value);
		break;
	case GO_ARRAY_TYPE:
		V(GO_CAST(go_array_type, n)->len);
		V(GO_CAST(go_array_type, n)->elt);
		break;
	case GO_STRUCT_TYPE:
		V(GO_CAST(go_struct_type, n)->fields);
		break;
	case GO_FUNC_TYPE:
		V(GO_CAST(go_func_type, n)->type_params);
		V(GO_CAST(go_func_type, n)->params);
		V(GO_CAST(go_func_type, n)->results);
		break;
	case GO_INTERFACE_TYPE:
		V(GO_CAST(go_interface_type, n)->methods);
		break;
	case GO_MAP_TYPE:
		V(GO_CAST(go_map_type, n)->key);
		V(GO_CAST(go_map_type, n)->value);
		break;
	case GO_CHAN_TYPE:
		V(GO_CAST(go_chan_type, n)->value);
		break;
	case GO_DECL_STMT:
		V(GO_CAST(go_decl_stmt, n)->decl);
		break;
	case GO_LABELED_STMT:
		V(GO_CAST(go_labeled_stmt, n)->label);
		V(GO_CAST(go_labeled_stmt, n)->stmt);
		break;
	case GO_EXPR_STMT:
		V(GO_CAST(go_expr_stmt, n)->x);
		break;
	case GO_SEND_STMT:
		V(GO_CAST(go_send_stmt, n)->chan);
		V(GO_CAST(go_send_stmt, n)->value);
		break;
	case GO_INC_DEC_STMT:
		V(GO_CAST(go_inc_dec_stmt, n)->x);
		break;
	case GO_ASSIGN_STMT:
		visit_list(in, &GO_CAST(go_assign_stmt, n)->lhs);
		visit_list(in, &GO_CAST(go_assign_stmt, n)->rhs);
		break;
	case GO_GO_STMT:
		V(GO_CAST(go_go_stmt, n)->call);
		break;
	case GO_DEFER_STMT:
		V(GO_CAST(go_defer_stmt, n)->call);
		break;
	case GO_RETURN_STMT:
		visit_list(in, &GO_CAST(go_return_stmt, n)->results);
		break;
	case GO_BRANCH_STMT:
		V(GO_CAST(go_branch_stmt, n)->label);
		break;
	case GO_BLOCK_STMT:
		visit_list(in, &GO_CAST(go_block_stmt, n)->list);
		break;
	case GO_IF_STMT: {
		struct go_if_stmt *s = GO_CAST(go_if_stmt, n);
		V(s->init);
		V(s->cond);
		V(s->body);
		V(s->els);
		break;
	}
	case GO_CASE_CLAUSE:
		visit_list(in, &GO_CAST(go_case_clause, n)->list);
		visit_list(in, &GO_CAST(go_case_clause, n)->body);
		break;
	case GO_SWITCH_STMT:
		V(GO_CAST(go_switch_stmt, n)->init);
		V(GO_CAST(go_switch_stmt, n)->tag);
		V(GO_CAST(go_switch_stmt, n)->body);
		break;
	case GO_TYPE_SWITCH_STMT:
		V(GO_CAST(go_type_switch_stmt, n)->init);
		V(GO_CAST(go_type_switch_stmt, n)->assign);
		V(GO_CAST(go_type_switch_stmt, n)->body);
		break;
	case GO_COMM_CLAUSE:
		V(GO_CAST(go_comm_clause, n)->comm);
		visit_list(in, &GO_CAST(go_comm_clause, n)->body);
		break;
	case GO_SELECT_STMT:
		V(GO_CAST(go_select_stmt, n)->body);
		break;
	case GO_FOR_STMT: {
		struct go_for_stmt *s = GO_CAST(go_for_stmt, n);
		V(s->init);
		V(s->cond);
		V(s->post);
		V(s->body);
		break;
	}
	case GO_RANGE_STMT: {
		struct go_range_stmt *s = GO_CAST(go_range_stmt, n);
		V(s->key);
		V(s->value);
		V(s->x);
		V(s->body);
		break;
	}
	case GO_IMPORT_SPEC:
		V(GO_CAST(go_import_spec, n)->name);
		V(GO_CAST(go_import_spec, n)->path);
		break;
	case GO_VALUE_SPEC:
		visit_list(in, &GO_CAST(go_value_spec, n)->names);
		V(GO_CAST(go_value_spec, n)->type);
		visit_list(in, &GO_CAST(go_value_spec, n)->values);
		break;
	case GO_TYPE_SPEC:
		V(GO_CAST(go_type_spec, n)->name);
		V(GO_CAST(go_type_spec, n)->type_params);
		V(GO_CAST(go_type_spec, n)->type);
		break;
	case GO_GEN_DECL:
		visit_list(in, &GO_CAST(go_gen_decl, n)->specs);
		break;
	case GO_FUNC_DECL:
		V(GO_CAST(go_func_decl, n)->recv);
		V(GO_CAST(go_func_decl, n)->name);
		V(GO_CAST(go_func_decl, n)->type);
		V(GO_CAST(go_func_decl, n)->body);
		break;
	case GO_FIELD:
		visit_list(in, &GO_CAST(go_field, n)->names);
		V(GO_CAST(go_field, n)->type);
		V(GO_CAST(go_field, n)->tag);
		break;
	case GO_FIELD_LIST:
		visit_list(in, &GO_CAST(go_field_list, n)->list);
		break;
	case GO_COMMENT_GROUP: {
		struct go_comment_group *g = GO_CAST(go_comment_group, n);
		for (uint32_t i = 0; i < g->n; i++)
			V(g->list[i]);
		break;
	}
	case GO_FILE:
		V(GO_CAST(go_file, n)->name);
		visit_list(in, &GO_CAST(go_file, n)->decls);
		break;
	default:
		break;
	}
	if (in->post)
		in->post(n, in->ctx);
}

void go_ast_inspect(struct go_node *n,
		    int (*fn)(struct go_node *n, void *ctx),
		    void (*post)(struct go_node *n, void *ctx), void *ctx)
{
	struct inspect in = { fn, post, ctx };

	visit(&in, n);
}
