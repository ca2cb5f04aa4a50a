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
	char cwd[PATH_MAX];
	char root[PATH_MAX];
	char *src_path;          /* the file whose text is cached */
	char *src;
	size_t src_len;
	struct sb notes;         /* toolExecutionNotifications, comma-led */
	size_t nnotes;
};

static void ctx_init(struct sarif_ctx *c)
{
	memset(c, 0, sizeof(*c));
	if (!getcwd(c->cwd, sizeof(c->cwd)))
		strcpy(c->cwd, "/");
	strcpy(c->root, c->cwd);
	for (;;) {
		char probe[PATH_MAX + 8];
		char *slash;

		snprintf(probe, sizeof(probe), "%s/.git", strcmp(c->root, "/") ? c->root : "");
		if (access(probe, F_OK) == 0)
			return;
		slash = strrchr(c->root, '/');
		if (!slash || slash == c->root) {
			strcpy(c->root, c->cwd);   /* no repository: the cwd */
			return;
		}
		*slash = '\0';
	}
}

static void ctx_release(struct sarif_ctx *c)
{
	free(c->src_path);
	free(c->src);
	sb_release(&c->notes);
}

/* base + "/" + path, with "." and ".." resolved lexically, into out. */
static void join_norm(char *out, size_t size, const char *base, const char *path)
{
	char tmp[PATH_MAX * 2];
	char *parts[PATH_MAX / 2];
	size_t np = 0, o = 0;
	char *save = NULL, *tok;

	if (path[0] == '/')
		snprintf(tmp, sizeof(tmp), "%s", path);
	else
		snprintf(tmp, sizeof(tmp), "%s/%s", base, path);
	for (tok = strtok_r(tmp, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (np)
				np--;
			continue;
		}
		if (np < sizeof(parts) / sizeof(parts[0]))
			parts[np++] = tok;
	}
	out[0] = '\0';
	for (size_t i = 0; i < np && o + 1 < size; i++) {
		int n = snprintf(out + o, size - o, "/%s", parts[i]);

		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
	}
	if (!np)
		snprintf(out, size, "/");
}

static const char *under_root(const struct sarif_ctx *c, const char *abs)
{
	size_t n = strlen(c->root);

	if (!strcmp(c->root, "/"))
		return abs + 1;
	if (!strncmp(abs, c->root, n) && abs[n] == '/')
		return abs + n + 1;
	return NULL;
}

/* The path relative to the root, into rel; 0 if it is outside. */
static int map_path(const struct sarif_ctx *c, const char *path, char *rel, size_t size)
{
	char abs[PATH_MAX];
	const char *r;

	if (!path || !*path)
		return 0;
	join_norm(abs, sizeof(abs), c->cwd, path);
	r = under_root(c, abs);
	if (r && *r) {
		snprintf(rel, size, "%s", r);
		return 1;
	}
	if (path[0] == '/') {
		/* another machine's absolute path: its longest suffix that
		 * names a file here */
		for (const char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
			const char *bases[2] = { c->cwd, c->root };

			for (int b = 0; b < 2; b++) {
				join_norm(abs, sizeof(abs), bases[b], s + 1);
				r = under_root(c, abs);
				if (r && *r && access(abs, F_OK) == 0) {
					snprintf(rel, size, "%s", r);
					return 1;
				}
			}
		}
	}
	return 0;
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
	join_norm(abs, sizeof(abs), c->root, rel);
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
	sb_adds(&c->notes, c->nnotes++ ? ",\n  " : "\n  ");
	sb_adds(&c->notes, "{\"level\":\"note\",\"message\":{\"text\":");
	sb_add_json_str(&c->notes, text);
	sb_adds(&c->notes, "}}");
}

/* A relative URI reference, percent-encoded. */
static void add_uri(struct sb *out, const char *rel)
{
	struct sb u = SB_INIT;

	for (const unsigned char *p = (const unsigned char *)rel; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			sb_addc(&u, (char)*p);
		else
			sb_addf(&u, "%%%02X", *p);
	}
	sb_add_json_str(out, sb_str(&u));
	sb_release(&u);
}

/* Write the physicalLocation of l; 0 (nothing written) if it is outside
 * the root. */
static int add_physical(struct sarif_ctx *c, struct sb *out, const struct report_loc *l)
{
	char rel[PATH_MAX];

	if (!map_path(c, l->file, rel, sizeof(rel)))
		return 0;
	sb_adds(out, "\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	add_uri(out, rel);
	sb_adds(out, ",\"uriBaseId\":\"%SRCROOT%\"}");
	if (l->line > 0) {
		sb_addf(out, ",\"region\":{\"startLine\":%d", l->line);
		if (l->column > 0)
			sb_addf(out, ",\"startColumn\":%d",
				utf16_column(c, rel, l->line, l->column));
		if (l->end_line >= l->line && l->end_line > 0) {
			sb_addf(out, ",\"endLine\":%d", l->end_line);
			if (l->end_column > 0)
				sb_addf(out, ",\"endColumn\":%d",
					utf16_column(c, rel, l->end_line, l->end_column));
		}
		sb_adds(out, "}");
	}
	sb_adds(out, "}");
	return 1;
}

/* The evidence as one thread flow (GitHub code scanning shows it as the
 * steps of the alert): the finding's own location (where the resource is
 * created, where the goroutine blocks), then the related locations in the
 * order the rule gave them (where the channel was made, where the
 * goroutine was started, the return that leaves without a release). */
static void add_code_flow(struct sarif_ctx *c, struct sb *out, const struct finding *f)
{
	size_t step = 0;

	sb_adds(out, ",\"codeFlows\":[{\"threadFlows\":[{\"locations\":[");
	for (size_t j = 0; j <= f->nrelated; j++) {
		const struct report_loc *l = j ? &f->related[j - 1] : &f->loc;
		const char *msg = j ? l->message : f->message;
		size_t mark = out->len;

		sb_addf(out, "%s{\"location\":{", step ? "," : "");
		if (!add_physical(c, out, l)) {
			/* outside the repository: not a step */
			out->len = mark;
			out->buf[mark] = '\0';
			continue;
		}
		sb_adds(out, ",\"message\":{\"text\":");
		sb_add_json_str(out, msg ? msg : "");
		sb_addf(out, "}},\"executionOrder\":%zu}", ++step);
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
			const struct report_rule_meta *rules, size_t nrules,
			const char *command)
{
	struct map index = MAP_INIT;   /* rule id -> 1 + its ruleIndex */
	struct map seen = MAP_INIT;    /* fingerprint text -> occurrence count */
	struct arena keys = ARENA_INIT;
	struct sarif_ctx c;
	struct sb res = SB_INIT, one = SB_INIT;
	size_t i, j, n = 0, nres = 0;
	char name[64];

	ctx_init(&c);
	snprintf(name, sizeof(name), "leakhound%s%s", command ? " " : "",
		 command ? command : "");
	sb_adds(out, "{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\","
		"\"runs\":[{\"tool\":{\"driver\":{\"name\":");
	sb_add_json_str(out, name);
	sb_adds(out, ",\"version\":");
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
	for (i = 0; i < fs->items.len; i++) {
		const struct finding *f = fs->items.items[i];
		size_t ri = (size_t)map_gets(&index, f->rule) - 1;
		char fp[40];
		struct map_slot *slot;
		size_t nrel = 0;

		sb_reset(&one);
		sb_adds(&one, "\"locations\":[{");
		if (!add_physical(&c, &one, &f->loc)) {
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

		sb_adds(&res, nres++ ? ",\n  {" : "\n  {");
		sb_adds(&res, "\"ruleId\":");
		sb_add_json_str(&res, f->rule);
		sb_addf(&res, ",\"ruleIndex\":%zu,\"level\":\"%s\",", ri,
			sarif_level(f->severity));
		sb_adds(&res, "\"message\":{\"text\":");
		if (f->fix && *f->fix) {
			struct sb m = SB_INIT;

			sb_addf(&m, "%s Fix: %s", f->message, f->fix);
			sb_add_json_str(&res, sb_str(&m));
			sb_release(&m);
		} else {
			sb_add_json_str(&res, f->message);
		}
		sb_adds(&res, "},");
		sb_add(&res, one.buf, one.len);
		sb_adds(&res, "}]");
		for (j = 0; j < f->nrelated; j++) {
			size_t mark = res.len;

			sb_adds(&res, nrel ? ",{" : ",\"relatedLocations\":[{");
			sb_addf(&res, "\"id\":%zu,", j);
			if (!add_physical(&c, &res, &f->related[j])) {
				res.len = mark;
				res.buf[mark] = '\0';
				continue;
			}
			sb_adds(&res, ",\"message\":{\"text\":");
			sb_add_json_str(&res, f->related[j].message ?
					f->related[j].message : "");
			sb_adds(&res, "}}");
			nrel++;
		}
		if (nrel) {
			sb_adds(&res, "]");
			add_code_flow(&c, &res, f);
		}
		sb_addf(&res, ",\"partialFingerprints\":{\"leakhound/v1\":"
			"\"%s:%zu\"}", fp, (size_t)slot->value);
		sb_addf(&res, ",\"properties\":{\"confidence\":\"%s\"}}",
			report_confidence_name(f->confidence));
	}
	sb_adds(out, "]}},\n \"automationDetails\":{\"id\":");
	snprintf(name, sizeof(name), "leakhound/%s/", command ? command : "leakhound");
	sb_add_json_str(out, name);
	sb_adds(out, "},\n \"columnKind\":\"utf16CodeUnits\","
		"\"originalUriBaseIds\":{\"%SRCROOT%\":{\"description\":"
		"{\"text\":\"the repository root (the directory holding .git above "
		"where leakhound ran, else where it ran)\"}}},\n"
		" \"invocations\":[{\"executionSuccessful\":true,"
		"\"toolExecutionNotifications\":[");
	sb_add(out, c.notes.buf, c.notes.len);
	sb_adds(out, c.nnotes ? "\n ]}],\n" : "]}],\n");
	sb_adds(out, " \"results\":[");
	sb_add(out, res.buf, res.len);
	sb_adds(out, nres ? "\n ]}]}\n" : "]}]}\n");
	sb_release(&res);
	sb_release(&one);
	ctx_release(&c);
	arena_release(&keys);
	map_release(&index);
	map_release(&seen);
}
