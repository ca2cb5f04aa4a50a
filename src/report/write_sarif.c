/*
 * write_sarif: findings as a SARIF 2.1.0 log (one run, one tool).
 *
 * Written for GitHub code scanning, which needs: $schema and version, a
 * driver name, a rules array whose ids match each result's ruleId, a
 * message.text, and at least one physicalLocation with an artifactLocation
 * URI and a region.startLine.  We also give every rule its help text (shown
 * beside the alert), defaultConfiguration.level, and every result a
 * partialFingerprints entry that survives line shifts, so an alert keeps its
 * identity across commits.
 *
 * Locations: every URI is relative to %SRCROOT%, the repository root (the
 * nearest directory above the working directory holding .git, else the
 * working directory), whatever spelling the finding used ("./x.go",
 * "../pkg/x.go", an absolute path inside the root).  An absolute path from
 * another machine (a goroutine dump built in /app) is matched by its
 * longest suffix that names a file under the working directory or the
 * root.  A location that is still outside (the Go toolchain's own
 * sources, say) is left out; a result whose primary location is left out
 * is dropped, and each is noted in invocations[0].toolExecutionNotifications.
 * Columns are converted from the bytes the front-end counts to UTF-16 code
 * units, as columnKind declares, by reading the line from the file (when it
 * cannot be read the byte column is kept).  tool.driver.name and
 * automationDetails.id name the command, so the results of `lint` and of
 * `goroutines` for one commit are separate analyses in code scanning.
 * A finding with related locations also gets them as a codeFlows thread
 * (the chain of evidence, starting at the finding's location).
 */
#include "write.h"
#include "paths.h"
#include "../base/file.h"
#include "../base/map.h"
#include "../base/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

struct sarif_ctx {
	struct report_paths paths;   /* the root locations are relative to */
	char *src_path;          /* the file whose text is cached */
	char *src;
	size_t src_len;
	struct sb notes;         /* toolExecutionNotifications, comma-led */
	size_t nnotes;
};

static void ctx_init(struct sarif_ctx *c)
{
	memset(c, 0, sizeof(*c));
	report_paths_init(&c->paths);
}

static void ctx_release(struct sarif_ctx *c)
{
	free(c->src_path);
	free(c->src);
	sb_release(&c->notes);
}

/* The UTF-16 column of byte column col on line `line` of the file at rel
 * (under the root); col itself when the file cannot be read. */
static int utf16_column(struct sarif_ctx *c, const char *rel, int line, int col)
{
	char abs[PATH_MAX];
	const unsigned char *p, *end;
	int units = 0, l = 1;
	struct err e = ERR_INIT;

	if (col <= 1 || line <= 0)
		return col;
	report_paths_join(abs, sizeof(abs), c->paths.root, rel);
	if (!c->src_path || strcmp(c->src_path, abs)) {
		free(c->src_path);
		free(c->src);
		c->src_path = xstrdup(abs);
		c->src = file_read_all(abs, 64 << 20, &c->src_len, &e);
	}
	if (!c->src)
		return col;
	p = (const unsigned char *)c->src;
	end = p + c->src_len;
	while (p < end && l < line)
		if (*p++ == '\n')
			l++;
	if (l != line)
		return col;
	for (int i = 0; i < col - 1 && p < end && *p != '\n'; ) {
		int len = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 :
			  (*p >> 3) == 30 ? 4 : 1;

		units += len == 4 ? 2 : 1;
		i += len;
		p += len;
	}
	return units + 1;
}

static void note(struct sarif_ctx *c, const char *text)
{
	json_t *o = json_object(), *m = json_object();

	json_object_set_new(o, "level", json_string("note"));
	json_object_set_new(m, "text", jsonout_str(text));
	json_object_set_new(o, "message", m);
	sb_adds(&c->notes, c->nnotes++ ? ",\n  " : "\n  ");
	jsonout_add(&c->notes, o);
	json_decref(o);
}

static json_t *text_obj(const char *text)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", jsonout_str(text ? text : ""));
	return o;
}

/* A relative URI reference, percent-encoded. */
static json_t *uri(const char *rel)
{
	struct sb u = SB_INIT;
	json_t *j;

	for (const unsigned char *p = (const unsigned char *)rel; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			sb_addc(&u, (char)*p);
		else
			sb_addf(&u, "%%%02X", *p);
	}
	j = jsonout_str(sb_str(&u));
	sb_release(&u);
	return j;
}

/* The physicalLocation of l (a new object), or NULL if it is outside the
 * root. */
static json_t *physical(struct sarif_ctx *c, const struct report_loc *l)
{
	char rel[PATH_MAX];
	json_t *o, *art;

	if (!report_paths_map(&c->paths, l->file, rel, sizeof(rel)))
		return NULL;
	o = json_object();
	art = json_object();
	json_object_set_new(art, "uri", uri(rel));
	json_object_set_new(art, "uriBaseId", json_string("%SRCROOT%"));
	json_object_set_new(o, "artifactLocation", art);
	if (l->line > 0) {
		json_t *r = json_object();

		json_object_set_new(r, "startLine", json_integer(l->line));
		if (l->column > 0)
			json_object_set_new(r, "startColumn", json_integer(
				utf16_column(c, rel, l->line, l->column)));
		if (l->end_line >= l->line && l->end_line > 0) {
			json_object_set_new(r, "endLine", json_integer(l->end_line));
			if (l->end_column > 0)
				json_object_set_new(r, "endColumn", json_integer(
					utf16_column(c, rel, l->end_line, l->end_column)));
		}
		json_object_set_new(o, "region", r);
	}
	return o;
}

/* The evidence as one thread flow (GitHub code scanning shows it as the
 * steps of the alert): the finding's own location (where the resource is
 * created, where the goroutine blocks), then the related locations in the
 * order the rule gave them (where the channel was made, where the
 * goroutine was started, the return that leaves without a release). */
static json_t *code_flows(struct sarif_ctx *c, const struct finding *f)
{
	json_t *locs = json_array(), *tf = json_object(), *cf = json_object();
	size_t step = 0;

	for (size_t j = 0; j <= f->nrelated; j++) {
		const struct report_loc *l = j ? &f->related[j - 1] : &f->loc;
		const char *msg = j ? l->message : f->message;
		json_t *ph = physical(c, l), *loc, *st;

		if (!ph)
			continue;   /* outside the repository: not a step */
		loc = json_object();
		json_object_set_new(loc, "physicalLocation", ph);
		json_object_set_new(loc, "message", text_obj(msg));
		st = json_object();
		json_object_set_new(st, "location", loc);
		json_object_set_new(st, "executionOrder", json_integer((json_int_t)++step));
		json_array_append_new(locs, st);
	}
	json_object_set_new(tf, "locations", locs);
	json_object_set_new(cf, "threadFlows", json_pack("[o]", tf));
	return json_pack("[o]", cf);
}

static json_t *rule_json(const char *id, const char *summary, const char *help,
			 enum report_severity sev)
{
	json_t *o = json_object(), *d = json_object();

	json_object_set_new(o, "id", jsonout_str(id));
	json_object_set_new(o, "name", jsonout_str(id));
	json_object_set_new(o, "shortDescription",
			    text_obj(summary && *summary ? summary : id));
	json_object_set_new(o, "fullDescription",
			    text_obj(summary && *summary ? summary : id));
	if (help) {
		json_t *h = text_obj(help);

		json_object_set_new(h, "markdown", jsonout_str(help));
		json_object_set_new(o, "help", h);
	}
	json_object_set_new(d, "level", json_string(sarif_level(sev)));
	json_object_set_new(o, "defaultConfiguration", d);
	json_object_set_new(o, "properties",
			    json_pack("{s:[ss]}", "tags", "leak", "reliability"));
	return o;
}

static void add_rule(struct sb *out, size_t n, json_t *rule)
{
	sb_adds(out, n ? ",\n  " : "\n  ");
	jsonout_add(out, rule);
	json_decref(rule);
}

void report_write_sarif(struct sb *out, const struct findings *fs,
			const struct report_rule_meta *rules, size_t nrules,
			const char *command)
{
	struct map index = MAP_INIT;   /* rule id -> 1 + its ruleIndex */
	struct map seen = MAP_INIT;    /* fingerprint text -> occurrence count */
	struct arena keys = ARENA_INIT;
	struct sarif_ctx c;
	struct sb res = SB_INIT;
	size_t i, j, n = 0, nres = 0;
	char name[64];
	json_t *v;

	ctx_init(&c);
	snprintf(name, sizeof(name), "leakhound%s%s", command ? " " : "",
		 command ? command : "");
	/* the layout (rules, notes and results one a line) is ours; every
	 * value goes through jansson */
	v = json_object();
	json_object_set_new(v, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(v, "version", json_string("2.1.0"));
	sb_adds(out, "{");
	{
		struct sb head = SB_INIT;

		jsonout_add_members(&head, v);
		sb_adds(out, sb_str(&head) + 1);
		sb_release(&head);
	}
	json_decref(v);
	v = json_object();
	json_object_set_new(v, "name", jsonout_str(name));
	json_object_set_new(v, "version", jsonout_str(report_tool_version));
	json_object_set_new(v, "semanticVersion", jsonout_str(report_tool_version));
	sb_adds(out, ",\"runs\":[{\"tool\":{\"driver\":");
	jsonout_add(out, v);
	json_decref(v);
	sb_truncate(out, out->len - 1);
	sb_adds(out, ",\"rules\":[");
	for (i = 0; i < nrules; i++) {
		if (map_gets(&index, rules[i].id))
			continue;
		map_puts(&index, rules[i].id, (void *)(n + 1));
		add_rule(out, n, rule_json(rules[i].id, rules[i].summary,
					   rules[i].help, rules[i].severity));
		n++;
	}
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];

		if (map_gets(&index, f->rule))
			continue;
		map_puts(&index, f->rule, (void *)(n + 1));
		add_rule(out, n, rule_json(f->rule, NULL, NULL, f->severity));
		n++;
	}
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];
		size_t ri = (size_t)map_gets(&index, f->rule) - 1;
		char fp[40], fpv[64];
		struct map_slot *slot;
		json_t *ph = physical(&c, &f->loc), *r, *loc, *rel, *fpo;

		if (!ph) {
			struct sb m = SB_INIT;

			sb_addf(&m, "a %s finding at %s:%d is left out: its file is not "
				"under the repository root", f->rule,
				f->loc.file && *f->loc.file ? f->loc.file : "-", f->loc.line);
			note(&c, sb_str(&m));
			sb_release(&m);
			continue;
		}
		snprintf(fp, sizeof(fp), "%016llx",
			 report_finding_fingerprint(f));
		slot = map_slot(&seen, fp, strlen(fp));
		if (!slot->value)
			slot->key = arena_strdup(&keys, fp);
		slot->value = (void *)((size_t)slot->value + 1);

		r = json_object();
		json_object_set_new(r, "ruleId", jsonout_str(f->rule));
		json_object_set_new(r, "ruleIndex", json_integer((json_int_t)ri));
		json_object_set_new(r, "level", json_string(sarif_level(f->severity)));
		if (f->fix && *f->fix) {
			struct sb m = SB_INIT;

			sb_addf(&m, "%s Fix: %s", f->message, f->fix);
			json_object_set_new(r, "message", text_obj(sb_str(&m)));
			sb_release(&m);
		} else {
			json_object_set_new(r, "message", text_obj(f->message));
		}
		loc = json_object();
		json_object_set_new(loc, "physicalLocation", ph);
		json_object_set_new(r, "locations", json_pack("[o]", loc));
		rel = json_array();
		for (j = 0; j < f->nrelated; j++) {
			json_t *rp = physical(&c, &f->related[j]), *ro;

			if (!rp)
				continue;
			ro = json_object();
			json_object_set_new(ro, "id", json_integer((json_int_t)j));
			json_object_set_new(ro, "physicalLocation", rp);
			json_object_set_new(ro, "message", text_obj(f->related[j].message));
			json_array_append_new(rel, ro);
		}
		if (json_array_size(rel)) {
			json_object_set_new(r, "relatedLocations", rel);
			json_object_set_new(r, "codeFlows", code_flows(&c, f));
		} else {
			json_decref(rel);
		}
		snprintf(fpv, sizeof(fpv), "%s:%zu", fp, (size_t)slot->value);
		fpo = json_object();
		json_object_set_new(fpo, "leakhound/v1", json_string(fpv));
		json_object_set_new(r, "partialFingerprints", fpo);
		json_object_set_new(r, "properties", json_pack("{s:s}", "confidence",
			report_confidence_name(f->confidence)));
		sb_adds(&res, nres++ ? ",\n  " : "\n  ");
		jsonout_add(&res, r);
		json_decref(r);
	}
	snprintf(name, sizeof(name), "leakhound/%s/", command ? command : "leakhound");
	v = json_object();
	json_object_set_new(v, "id", jsonout_str(name));
	sb_adds(out, "]}},\n \"automationDetails\":");
	jsonout_add(out, v);
	json_decref(v);
	v = json_object();
	json_object_set_new(v, "%SRCROOT%", json_pack("{s:{s:s}}", "description",
		"text", "the repository root (the directory holding .git above "
		"where leakhound ran, else where it ran)"));
	sb_adds(out, ",\n \"columnKind\":\"utf16CodeUnits\",\"originalUriBaseIds\":");
	jsonout_add(out, v);
	json_decref(v);
	sb_adds(out, ",\n \"invocations\":[{\"executionSuccessful\":true,"
		"\"toolExecutionNotifications\":[");
	sb_add(out, c.notes.buf, c.notes.len);
	sb_adds(out, c.nnotes ? "\n ]}],\n" : "]}],\n");
	sb_adds(out, " \"results\":[");
	sb_add(out, res.buf, res.len);
	sb_adds(out, nres ? "\n ]}]}\n" : "]}]}\n");
	sb_release(&res);
	ctx_release(&c);
	arena_release(&keys);
	map_release(&index);
	map_release(&seen);
}
