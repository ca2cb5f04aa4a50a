/*
 * write_sarif: findings as a SARIF 2.1.0 log (one run, one tool).
 *
 * Written for GitHub code scanning, which needs: $schema and version, a
 * driver name, a rules array whose ids match each result's ruleId, a
 * message.text, and at least one physicalLocation with an artifactLocation
 * URI and a region.startLine.  We also give every rule its help text (shown
 * beside the alert), defaultConfiguration.level, and every result a
 * partialFingerprints entry that survives line shifts, so an alert keeps its
 * identity across commits.  A finding with related locations also gets
 * them as relatedLocations and as a codeFlows thread (the chain of
 * evidence, starting at the finding's location).
 */
#include "write.h"
#include "../base/map.h"

#include <stdio.h>
#include <string.h>

#define SARIF_SCHEMA \
	"https://json.schemastore.org/sarif-2.1.0.json"

static const char *sarif_level(enum report_severity s)
{
	switch (s) {
	case REPORT_SEV_ERROR: return "error";
	case REPORT_SEV_WARNING: return "warning";
	default: return "note";
	}
}

unsigned long long report_finding_fingerprint(const struct finding *f)
{
	struct sb key = SB_INIT;
	unsigned long long h;

	sb_adds(&key, f->rule);
	sb_addc(&key, '\0');
	sb_adds(&key, f->loc.file ? f->loc.file : "");
	sb_addc(&key, '\0');
	sb_adds(&key, f->message);
	h = map_hash(sb_str(&key), key.len);
	sb_release(&key);
	return h;
}

/* A URI reference for path: relative paths percent-encoded and resolved
 * against %SRCROOT%, absolute ones as file:// URIs. */
static void add_uri(struct sb *out, const char *path, int *relative)
{
	struct sb u = SB_INIT;
	const unsigned char *p = (const unsigned char *)(path ? path : "");

	*relative = *p != '/';
	if (!*relative)
		sb_adds(&u, "file://");
	if (p[0] == '.' && p[1] == '/')
		p += 2;
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			sb_addc(&u, (char)*p);
		else
			sb_addf(&u, "%%%02X", *p);
	}
	sb_add_json_str(out, sb_str(&u));
	sb_release(&u);
}

static void add_physical(struct sb *out, const struct report_loc *l)
{
	int rel;

	sb_adds(out, "\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	add_uri(out, l->file, &rel);
	if (rel)
		sb_adds(out, ",\"uriBaseId\":\"%SRCROOT%\"");
	sb_adds(out, "}");
	if (l->line > 0) {
		sb_addf(out, ",\"region\":{\"startLine\":%d", l->line);
		if (l->column > 0)
			sb_addf(out, ",\"startColumn\":%d", l->column);
		if (l->end_line >= l->line && l->end_line > 0) {
			sb_addf(out, ",\"endLine\":%d", l->end_line);
			if (l->end_column > 0)
				sb_addf(out, ",\"endColumn\":%d", l->end_column);
		}
		sb_adds(out, "}");
	}
	sb_adds(out, "}");
}

/* The evidence as one thread flow (GitHub code scanning shows it as the
 * steps of the alert): the finding's own location (where the resource is
 * created, where the goroutine blocks), then the related locations in the
 * order the rule gave them (where the channel was made, where the
 * goroutine was started, the return that leaves without a release). */
static void add_code_flow(struct sb *out, const struct finding *f)
{
	sb_adds(out, ",\"codeFlows\":[{\"threadFlows\":[{\"locations\":[");
	for (size_t j = 0; j <= f->nrelated; j++) {
		const struct report_loc *l = j ? &f->related[j - 1] : &f->loc;
		const char *msg = j ? l->message : f->message;

		sb_addf(out, "%s{\"location\":{", j ? "," : "");
		add_physical(out, l);
		sb_adds(out, ",\"message\":{\"text\":");
		sb_add_json_str(out, msg ? msg : "");
		sb_addf(out, "}},\"executionOrder\":%zu}", j + 1);
	}
	sb_adds(out, "]}]}]");
}

static void add_rule(struct sb *out, const char *id, const char *summary,
		     const char *help, enum report_severity sev)
{
	sb_adds(out, "{\"id\":");
	sb_add_json_str(out, id);
	sb_adds(out, ",\"name\":");
	sb_add_json_str(out, id);
	sb_adds(out, ",\"shortDescription\":{\"text\":");
	sb_add_json_str(out, summary && *summary ? summary : id);
	sb_adds(out, "},\"fullDescription\":{\"text\":");
	sb_add_json_str(out, summary && *summary ? summary : id);
	sb_adds(out, "}");
	if (help) {
		sb_adds(out, ",\"help\":{\"text\":");
		sb_add_json_str(out, help);
		sb_adds(out, ",\"markdown\":");
		sb_add_json_str(out, help);
		sb_adds(out, "}");
	}
	sb_addf(out, ",\"defaultConfiguration\":{\"level\":\"%s\"}",
		sarif_level(sev));
	sb_adds(out, ",\"properties\":{\"tags\":[\"leak\",\"reliability\"]}}");
}

void report_write_sarif(struct sb *out, const struct findings *fs,
			const struct report_rule_meta *rules, size_t nrules)
{
	struct map index = MAP_INIT;   /* rule id -> 1 + its ruleIndex */
	struct map seen = MAP_INIT;    /* fingerprint text -> occurrence count */
	struct arena keys = ARENA_INIT;
	size_t i, j, n = 0;

	sb_adds(out, "{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\","
		"\"runs\":[{\"tool\":{\"driver\":{\"name\":\"leakhound\","
		"\"version\":");
	sb_add_json_str(out, report_tool_version);
	sb_adds(out, ",\"semanticVersion\":");
	sb_add_json_str(out, report_tool_version);
	sb_adds(out, ",\"rules\":[");
	for (i = 0; i < nrules; i++) {
		if (map_gets(&index, rules[i].id))
			continue;
		map_puts(&index, rules[i].id, (void *)(n + 1));
		sb_adds(out, n ? ",\n  " : "\n  ");
		add_rule(out, rules[i].id, rules[i].summary, rules[i].help,
			 rules[i].severity);
		n++;
	}
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];

		if (map_gets(&index, f->rule))
			continue;
		map_puts(&index, f->rule, (void *)(n + 1));
		sb_adds(out, n ? ",\n  " : "\n  ");
		add_rule(out, f->rule, NULL, NULL, f->severity);
		n++;
	}
	sb_adds(out, "]}},\n \"columnKind\":\"utf16CodeUnits\","
		"\"originalUriBaseIds\":{\"%SRCROOT%\":{\"description\":"
		"{\"text\":\"the directory leakhound ran in\"}}},\n"
		" \"results\":[");
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];
		size_t ri = (size_t)map_gets(&index, f->rule) - 1;
		char fp[40];
		struct map_slot *slot;

		snprintf(fp, sizeof(fp), "%016llx",
			 report_finding_fingerprint(f));
		slot = map_slot(&seen, fp, strlen(fp));
		if (!slot->value)
			slot->key = arena_strdup(&keys, fp);
		slot->value = (void *)((size_t)slot->value + 1);

		sb_adds(out, i ? ",\n  {" : "\n  {");
		sb_adds(out, "\"ruleId\":");
		sb_add_json_str(out, f->rule);
		sb_addf(out, ",\"ruleIndex\":%zu,\"level\":\"%s\",", ri,
			sarif_level(f->severity));
		sb_adds(out, "\"message\":{\"text\":");
		if (f->fix && *f->fix) {
			struct sb m = SB_INIT;

			sb_addf(&m, "%s Fix: %s", f->message, f->fix);
			sb_add_json_str(out, sb_str(&m));
			sb_release(&m);
		} else {
			sb_add_json_str(out, f->message);
		}
		sb_adds(out, "},\"locations\":[{");
		add_physical(out, &f->loc);
		sb_adds(out, "}]");
		if (f->nrelated) {
			sb_adds(out, ",\"relatedLocations\":[");
			for (j = 0; j < f->nrelated; j++) {
				sb_addf(out, "%s{\"id\":%zu,", j ? "," : "", j);
				add_physical(out, &f->related[j]);
				sb_adds(out, ",\"message\":{\"text\":");
				sb_add_json_str(out, f->related[j].message ?
						f->related[j].message : "");
				sb_adds(out, "}}");
			}
			sb_adds(out, "]");
			add_code_flow(out, f);
		}
		sb_addf(out, ",\"partialFingerprints\":{\"leakhound/v1\":"
			"\"%s:%zu\"}", fp, (size_t)slot->value);
		sb_addf(out, ",\"properties\":{\"confidence\":\"%s\"}}",
			report_confidence_name(f->confidence));
	}
	sb_adds(out, fs->items.len ? "\n ]}]}\n" : "]}]}\n");
	arena_release(&keys);
	map_release(&index);
	map_release(&seen);
}
