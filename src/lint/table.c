/*
 * table: the rule table of rules.def with each rule's embedded page
 * (docs/rules/<id>.md, compiled in by module.mk), apart from the engine so
 * that commands listing rules do not pull the whole front-end in.
 */
#include "lint.h"
#include "lint_docs.h"

#include <string.h>

/* ---------- the rule table ---------- */

enum { NRULES = 0
#define RULE(cname, id, sev, summary) + 1
#include "rules.def"
#undef RULE
};

const struct lint_rule lint_rules[NRULES] = {
#define RULE(cname, id, sev, summary) { id, sev, summary, NULL },
#include "rules.def"
#undef RULE
};
const size_t lint_nrules = NRULES;

static struct lint_rule rules_with_docs[NRULES];
static struct report_rule_meta rules_meta[NRULES];

static const char *doc_of(const char *id)
{
	for (size_t i = 0; lint_docs[i].id; i++)
		if (!strcmp(lint_docs[i].id, id))
			return lint_docs[i].text;
	return NULL;
}

const struct lint_rule *lint_rule_find(const char *id)
{
	int i = lint_rule_index(id);

	if (i < 0)
		return NULL;
	rules_with_docs[i] = lint_rules[i];
	rules_with_docs[i].doc = doc_of(id);
	return &rules_with_docs[i];
}

int lint_rule_index(const char *id)
{
	for (size_t i = 0; i < lint_nrules; i++)
		if (!strcmp(lint_rules[i].id, id))
			return (int)i;
	return -1;
}

const struct report_rule_meta *lint_rule_meta(size_t *n)
{
	for (size_t i = 0; i < lint_nrules; i++) {
		rules_meta[i].id = lint_rules[i].id;
		rules_meta[i].summary = lint_rules[i].summary;
		rules_meta[i].help = doc_of(lint_rules[i].id);
		rules_meta[i].severity = lint_rules[i].severity;
	}
	*n = lint_nrules;
	return rules_meta;
}

