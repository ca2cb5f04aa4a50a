/*
 * dump: the canonical text form of a parsed file.
 *
 * One line per node: depth spaces, the field name in its parent, go/ast's
 * type name, Pos()-End() as line:col (unadjusted by //line comments, "-"
 * for no position) and the attributes a rule could depend on (names,
 * literal kinds and texts, operators and their positions, channel
 * directions, "...", alias '=').  Doc and line comments are shown where
 * they are attached; the file's full comment list, with texts, comes last.
 * tests/progs/goparse-oracle/main.go prints go/ast in exactly this form, so the
 * two can be compared byte for byte; docs/front-end.md describes it.
 * Literal values and comment texts run to the end of the line, with '\\'
 * doubled and bytes below 0x20 and 0x7f written as \xHH, so a node is
 * always one line and both sides escape without a Unicode table.
 */
#include "parse.h"
#include "../base/sb.h"

#include <string.h>

struct dump {
	struct sb *out;
	const struct go_file *f;
};

static void add_pos(struct dump *d, uint32_t off)
{
	uint32_t line, col;

	if (off == GO_NOPOS) {
		sb_addc(d->out, '-');
		return;
	}
	go_file_position(d->f, off, &line, &col);
	sb_addf(d->out, "%u:%u", line, col);
}

static void add_str(struct dump *d, const char *s, uint32_t n)
{
	static const char hex[] = "0123456789abcdef";
	struct sb *o = d->out;
	uint32_t i, start = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || c == '\\') {
			char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
			sb_add(o, s + start, i - start);
			if (c == '\\')
				sb_add(o, "\\\\", 2);
			else
				sb_add(o, esc, 4);
			start = i + 1;
		}
	}
	sb_add(o, s + start, n - start);
}

/* Start a node's line; the caller adds attributes, then ends the line. */
static void head(struct dump *d, int depth, const char *label,
		 const struct go_node *n)
{
	sb_addn(d->out, ' ', (size_t)depth);
	if (*label) {
		sb_adds(d->out, label);
		sb_addc(d->out, ' ');
	}
	sb_adds(d->out, go_kind_name((enum go_kind)n->kind));
	sb_addc(d->out, ' ');
	add_pos(d, n->off);
	sb_addc(d->out, '-');
	add_pos(d, n->end);
}

static void node(struct dump *d, int depth, const char *label,
		 const struct go_node *n);

static void list(struct dump *d, int depth, const char *label,
		 const struct go_list *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		node(d, depth, label, l->v[i]);
}

static void group_ref(struct dump *d, int depth, const char *label,
		      const struct go_comment_group *g)
{
	if (!g)
		return;
	head(d, depth, label, &g->node);
	sb_addc(d->out, '\n');
}

#define C(T) const struct T *x = (const struct T *)(const void *)n
#define SUB(label, child) node(d, depth + 1, label, (const struct go_node *)(child))
#define SUBL(label, l) list(d, depth + 1, label, &(l))

static void node(struct dump *d, int depth, const char *label,
		 const struct go_node *n)
{
	struct sb *o = d->out;

	if (!n)
		return;
	head(d, depth, label, n);
	switch ((enum go_kind)n->kind) {
	case GO_IDENT: {
		C(go_ident);
		sb_addc(o, ' ');
		sb_add(o, x->name, x->len);
		sb_addc(o, '\n');
		break;
	}
	case GO_BASIC_LIT: {
		C(go_basic_lit);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->kind));
		sb_addc(o, ' ');
		add_str(d, x->value, x->len);
		sb_addc(o, '\n');
		break;
	}
	case GO_ELLIPSIS: {
		C(go_ellipsis);
		sb_addc(o, '\n');
		SUB("Elt", x->elt);
		break;
	}
	case GO_FUNC_LIT: {
		C(go_func_lit);
		sb_addc(o, '\n');
		SUB("Type", x->type);
		SUB("Body", x->body);
		break;
	}
	case GO_COMPOSITE_LIT: {
		C(go_composite_lit);
		sb_addc(o, '\n');
		SUB("Type", x->type);
		SUBL("Elts", x->elts);
		break;
	}
	case GO_PAREN_EXPR: {
		C(go_paren_expr);
		sb_addc(o, '\n');
		SUB("X", x->x);
		break;
	}
	case GO_SELECTOR_EXPR: {
		C(go_selector_expr);
		sb_addc(o, '\n');
		SUB("X", x->x);
		SUB("Sel", x->sel);
		break;
	}
	case GO_INDEX_EXPR: {
		C(go_index_expr);
		sb_addc(o, '\n');
		SUB("X", x->x);
		SUB("Index", x->index);
		break;
	}
	case GO_INDEX_LIST_EXPR: {
		C(go_index_list_expr);
		sb_addc(o, '\n');
		SUB("X", x->x);
		SUBL("Indices", x->indices);
		break;
	}
	case GO_SLICE_EXPR: {
		C(go_slice_expr);
		sb_adds(o, x->slice3 ? " slice3\n" : "\n");
		SUB("X", x->x);
		SUB("Low", x->low);
		SUB("High", x->high);
		SUB("Max", x->max);
		break;
	}
	case GO_TYPE_ASSERT_EXPR: {
		C(go_type_assert_expr);
		sb_addc(o, '\n');
		SUB("X", x->x);
		SUB("Type", x->type);
		break;
	}
	case GO_CALL_EXPR: {
		C(go_call_expr);
		if (x->ellipsis != GO_NOPOS) {
			sb_adds(o, " ...@");
			add_pos(d, x->ellipsis);
		}
		sb_addc(o, '\n');
		SUB("Fun", x->fun);
		SUBL("Args", x->args);
		break;
	}
	case GO_STAR_EXPR: {
		C(go_star_expr);
		sb_addc(o, '\n');
		SUB("X", x->x);
		break;
	}
	case GO_UNARY_EXPR: {
		C(go_unary_expr);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->op));
		sb_addc(o, '\n');
		SUB("X", x->x);
		break;
	}
	case GO_BINARY_EXPR: {
		C(go_binary_expr);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->op));
		sb_addc(o, '@');
		add_pos(d, x->op_pos);
		sb_addc(o, '\n');
		SUB("X", x->x);
		SUB("Y", x->y);
		break;
	}
	case GO_KEY_VALUE_EXPR: {
		C(go_key_value_expr);
		sb_addc(o, '\n');
		SUB("Key", x->key);
		SUB("Value", x->value);
		break;
	}
	case GO_ARRAY_TYPE: {
		C(go_array_type);
		sb_addc(o, '\n');
		SUB("Len", x->len);
		SUB("Elt", x->elt);
		break;
	}
	case GO_STRUCT_TYPE: {
		C(go_struct_type);
		sb_addc(o, '\n');
		SUB("Fields", x->fields);
		break;
	}
	case GO_FUNC_TYPE: {
		C(go_func_type);
		sb_addc(o, '\n');
		SUB("TypeParams", x->type_params);
		SUB("Params", x->params);
		SUB("Results", x->results);
		break;
	}
	case GO_INTERFACE_TYPE: {
		C(go_interface_type);
		sb_addc(o, '\n');
		SUB("Methods", x->methods);
		break;
	}
	case GO_MAP_TYPE: {
		C(go_map_type);
		sb_addc(o, '\n');
		SUB("Key", x->key);
		SUB("Value", x->value);
		break;
	}
	case GO_CHAN_TYPE: {
		C(go_chan_type);
		sb_adds(o, x->dir == GO_CHAN_SEND ? " send" :
			x->dir == GO_CHAN_RECV ? " recv" : " both");
		if (x->arrow != GO_NOPOS) {
			sb_adds(o, " <-@");
			add_pos(d, x->arrow);
		}
		sb_addc(o, '\n');
		SUB("Value", x->value);
		break;
	}
	case GO_DECL_STMT: {
		C(go_decl_stmt);
		sb_addc(o, '\n');
		SUB("Decl", x->decl);
		break;
	}
	case GO_EMPTY_STMT: {
		C(go_empty_stmt);
		sb_adds(o, x->implicit ? " implicit\n" : "\n");
		break;
	}
	case GO_LABELED_STMT: {
		C(go_labeled_stmt);
		sb_addc(o, '\n');
		SUB("Label", x->label);
		SUB("Stmt", x->stmt);
		break;
	}
	case GO_EXPR_STMT: {
		C(go_expr_stmt);
		sb_addc(o, '\n');
		SUB("X", x->x);
		break;
	}
	case GO_SEND_STMT: {
		C(go_send_stmt);
		sb_adds(o, " <-@");
		add_pos(d, x->arrow);
		sb_addc(o, '\n');
		SUB("Chan", x->chan);
		SUB("Value", x->value);
		break;
	}
	case GO_INC_DEC_STMT: {
		C(go_inc_dec_stmt);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->tok));
		sb_addc(o, '\n');
		SUB("X", x->x);
		break;
	}
	case GO_ASSIGN_STMT: {
		C(go_assign_stmt);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->tok));
		sb_addc(o, '@');
		add_pos(d, x->tok_pos);
		sb_addc(o, '\n');
		SUBL("Lhs", x->lhs);
		SUBL("Rhs", x->rhs);
		break;
	}
	case GO_GO_STMT: {
		C(go_go_stmt);
		sb_addc(o, '\n');
		SUB("Call", x->call);
		break;
	}
	case GO_DEFER_STMT: {
		C(go_defer_stmt);
		sb_addc(o, '\n');
		SUB("Call", x->call);
		break;
	}
	case GO_RETURN_STMT: {
		C(go_return_stmt);
		sb_addc(o, '\n');
		SUBL("Results", x->results);
		break;
	}
	case GO_BRANCH_STMT: {
		C(go_branch_stmt);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->tok));
		sb_addc(o, '\n');
		SUB("Label", x->label);
		break;
	}
	case GO_BLOCK_STMT: {
		C(go_block_stmt);
		sb_addc(o, '\n');
		SUBL("List", x->list);
		break;
	}
	case GO_IF_STMT: {
		C(go_if_stmt);
		sb_addc(o, '\n');
		SUB("Init", x->init);
		SUB("Cond", x->cond);
		SUB("Body", x->body);
		SUB("Else", x->els);
		break;
	}
	case GO_CASE_CLAUSE: {
		C(go_case_clause);
		sb_adds(o, x->is_default ? " default\n" : "\n");
		SUBL("List", x->list);
		SUBL("Body", x->body);
		break;
	}
	case GO_SWITCH_STMT: {
		C(go_switch_stmt);
		sb_addc(o, '\n');
		SUB("Init", x->init);
		SUB("Tag", x->tag);
		SUB("Body", x->body);
		break;
	}
	case GO_TYPE_SWITCH_STMT: {
		C(go_type_switch_stmt);
		sb_addc(o, '\n');
		SUB("Init", x->init);
		SUB("Assign", x->assign);
		SUB("Body", x->body);
		break;
	}
	case GO_COMM_CLAUSE: {
		C(go_comm_clause);
		sb_adds(o, x->comm ? "\n" : " default\n");
		SUB("Comm", x->comm);
		SUBL("Body", x->body);
		break;
	}
	case GO_SELECT_STMT: {
		C(go_select_stmt);
		sb_addc(o, '\n');
		SUB("Body", x->body);
		break;
	}
	case GO_FOR_STMT: {
		C(go_for_stmt);
		sb_addc(o, '\n');
		SUB("Init", x->init);
		SUB("Cond", x->cond);
		SUB("Post", x->post);
		SUB("Body", x->body);
		break;
	}
	case GO_RANGE_STMT: {
		C(go_range_stmt);
		if (x->tok != GO_TOK_ILLEGAL) {
			sb_addc(o, ' ');
			sb_adds(o, go_tok_str(x->tok));
			sb_addc(o, '@');
			add_pos(d, x->tok_pos);
		}
		sb_addc(o, '\n');
		SUB("Key", x->key);
		SUB("Value", x->value);
		SUB("X", x->x);
		SUB("Body", x->body);
		break;
	}
	case GO_IMPORT_SPEC: {
		C(go_import_spec);
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUB("Name", x->name);
		SUB("Path", x->path);
		group_ref(d, depth + 1, "Comment", x->comment);
		break;
	}
	case GO_VALUE_SPEC: {
		C(go_value_spec);
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUBL("Names", x->names);
		SUB("Type", x->type);
		SUBL("Values", x->values);
		group_ref(d, depth + 1, "Comment", x->comment);
		break;
	}
	case GO_TYPE_SPEC: {
		C(go_type_spec);
		if (x->assign != GO_NOPOS) {
			sb_adds(o, " =@");
			add_pos(d, x->assign);
		}
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUB("Name", x->name);
		SUB("TypeParams", x->type_params);
		SUB("Type", x->type);
		group_ref(d, depth + 1, "Comment", x->comment);
		break;
	}
	case GO_GEN_DECL: {
		C(go_gen_decl);
		sb_addc(o, ' ');
		sb_adds(o, go_tok_str(x->tok));
		if (x->lparen != GO_NOPOS) {
			sb_adds(o, " (@");
			add_pos(d, x->lparen);
		}
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUBL("Specs", x->specs);
		break;
	}
	case GO_FUNC_DECL: {
		C(go_func_decl);
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUB("Recv", x->recv);
		SUB("Name", x->name);
		SUB("Type", x->type);
		SUB("Body", x->body);
		break;
	}
	case GO_FIELD: {
		C(go_field);
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUBL("Names", x->names);
		SUB("Type", x->type);
		SUB("Tag", x->tag);
		group_ref(d, depth + 1, "Comment", x->comment);
		break;
	}
	case GO_FIELD_LIST: {
		C(go_field_list);
		sb_addc(o, '\n');
		SUBL("List", x->list);
		break;
	}
	case GO_COMMENT: {
		C(go_comment);
		sb_addc(o, ' ');
		add_str(d, x->text, x->len);
		sb_addc(o, '\n');
		break;
	}
	case GO_COMMENT_GROUP: {
		C(go_comment_group);
		sb_addc(o, '\n');
		for (uint32_t i = 0; i < x->n; i++)
			SUB("List", x->list[i]);
		break;
	}
	case GO_FILE: {
		C(go_file);
		sb_addc(o, '\n');
		group_ref(d, depth + 1, "Doc", x->doc);
		SUB("Name", x->name);
		SUBL("Decls", x->decls);
		for (uint32_t i = 0; i < x->ncomments; i++)
			SUB("Comments", x->comments[i]);
		break;
	}
	default:
		sb_addc(o, '\n');
		break;
	}
}

void go_dump_file(struct sb *out, const struct go_file *f)
{
	struct dump d = { out, f };

	node(&d, 0, "", &f->node);
}
