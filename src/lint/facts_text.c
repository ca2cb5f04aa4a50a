/*
 * facts_text: the printer of lint_facts (facts.h), for `leakhound lint
 * --facts FILE[:FUNC]` and its golden tests.
 *
 *   func NAME (LINE)[ [cycle]][ [partial]]
 *     param NAME: OP all, OP some; go: OP, OP
 *     recv NAME: ...
 *     field NAME: ...
 *     result I: KIND
 *
 * A slot nothing happens to prints "-".  Operations print in the order of
 * enum lint_fact_op.
 */
#include "facts.h"

static const char *const op_names[LINT_OP_COUNT] = {
	"send", "recv", "range", "close", "release", "store", "go", "return",
	"capture", "unknown", "set",
};

static const char *result_name(enum lint_result_kind k)
{
	switch (k) {
	case LINT_RESULT_OTHER: return "-";
	case LINT_RESULT_CHAN: return "new channel";
	case LINT_RESULT_GEN: return "new channel fed by a goroutine (generator)";
	case LINT_RESULT_FILE: return "new file: the caller must Close it";
	case LINT_RESULT_BODY: return "new response: the caller must close its Body";
	case LINT_RESULT_TICKER: return "new ticker: the caller must Stop it";
	case LINT_RESULT_CANCEL: return "new cancel function: the caller must call it";
	}
	return "?";
}

static void slot_line(struct sb *out, const char *what,
		      const struct lint_fact_slot *s)
{
	int first = 1;

	sb_addf(out, "  %s %s:", what, s->name ? s->name : "_");
	for (int i = 0; i < LINT_OP_COUNT; i++) {
		unsigned b = 1u << i;

		if (!(s->some & b))
			continue;
		sb_addf(out, "%s %s %s", first ? "" : ",", op_names[i],
			(s->all & b) ? "all" : "some");
		first = 0;
	}
	if (s->go) {
		int g = 1;

		sb_adds(out, first ? " go:" : "; go:");
		for (int i = 0; i < LINT_OP_COUNT; i++)
			if (s->go & (1u << i)) {
				sb_addf(out, "%s %s", g ? "" : ",", op_names[i]);
				g = 0;
			}
		first = 0;
	}
	if (first)
		sb_adds(out, " -");
	sb_addc(out, '\n');
}

void lint_facts_print(const struct lint_facts *f, struct sb *out)
{
	sb_addf(out, "func %s (line %u)%s%s\n", f->name,
		f->decl ? (unsigned)f->decl->node.line : 0,
		f->rounds > 1 ? " [cycle]" : "", f->partial ? " [partial]" : "");
	if (f->recv.name)
		slot_line(out, "recv", &f->recv);
	for (size_t i = 0; i < f->nfields; i++)
		slot_line(out, "field", &f->fields[i]);
	for (size_t i = 0; i < f->nparams; i++)
		slot_line(out, "param", &f->params[i]);
	for (size_t i = 0; i < f->nresults; i++)
		sb_addf(out, "  result %zu: %s\n", i, result_name(f->results[i]));
}
