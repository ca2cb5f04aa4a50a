/*
 * config: .leakhound.yml (see config.h), read into a libyaml document and
 * checked key by key.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "config.h"
#include "../base/file.h"
#include "../base/xalloc.h"
#include "../go/gomod.h"

#include <limits.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#define CONFIG_MAX_BYTES (1 << 20)

struct loader {
	struct cli_config *cfg;
	yaml_document_t *doc;
	const char *path;
	int (*is_rule)(const char *id);
	struct err *e;
};

static int fail_at(struct loader *l, const yaml_node_t *n, const char *fmt,
		   const char *arg)
{
	char msg[400];

	snprintf(msg, sizeof(msg), fmt, arg);
	return err_setf(l->e, "%s:%lu: %s", l->path,
			(unsigned long)(n ? n->start_mark.line + 1 : 1), msg);
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int get_bool(struct loader *l, const yaml_node_t *n, const char *key, int *out)
{
	const char *s = scalar(n);

	if (s && (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on")))
		*out = 1;
	else if (s && (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off")))
		*out = 0;
	else
		return fail_at(l, n, "'%s' wants true or false", key);
	return 0;
}

/* A scalar or a sequence of scalars, into a list of strings. */
static int get_list(struct loader *l, const yaml_node_t *n, const char *key,
		    char ***out, size_t *nout)
{
	if (scalar(n)) {
		*out = xrealloc(*out, (*nout + 1) * sizeof(char *));
		(*out)[(*nout)++] = xstrdup(scalar(n));
		return 0;
	}
	if (!n || n->type != YAML_SEQUENCE_NODE)
		return fail_at(l, n, "'%s' wants a list", key);
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		const yaml_node_t *c = yaml_document_get_node(l->doc, *it);

		if (!scalar(c))
			return fail_at(l, c, "'%s' wants a list of strings", key);
		*out = xrealloc(*out, (*nout + 1) * sizeof(char *));
		(*out)[(*nout)++] = xstrdup(scalar(c));
	}
	return 0;
}

static int check_rules(struct loader *l, const yaml_node_t *n, char **ids, size_t nids)
{
	for (size_t i = 0; i < nids; i++)
		if (!l->is_rule(ids[i]))
			return fail_at(l, n, "unknown rule '%s' (see 'leakhound rules')", ids[i]);
	return 0;
}

static int load_rules(struct loader *l, const yaml_node_t *n)
{
	struct cli_config *c = l->cfg;

	if (!n || n->type != YAML_MAPPING_NODE)
		return fail_at(l, n, "'%s' wants a mapping (enable:, disable:)", "rules");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(l->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(l->doc, p->value);
		const char *key = scalar(k);

		if (key && !strcmp(key, "enable")) {
			if (get_list(l, v, "rules.enable", &c->enable, &c->nenable) < 0 ||
			    check_rules(l, v, c->enable, c->nenable) < 0)
				return -1;
		} else if (key && !strcmp(key, "disable")) {
			if (get_list(l, v, "rules.disable", &c->disable, &c->ndisable) < 0 ||
			    check_rules(l, v, c->disable, c->ndisable) < 0)
				return -1;
		} else {
			return fail_at(l, k, "unknown key 'rules.%s' (enable, disable)",
				       key ? key : "?");
		}
	}
	return 0;
}

static int load_severity(struct loader *l, const yaml_node_t *n)
{
	struct cli_config *c = l->cfg;

	if (!n || n->type != YAML_MAPPING_NODE)
		return fail_at(l, n, "'%s' wants a mapping of rule: level", "severity");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(l->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(l->doc, p->value);
		const char *rule = scalar(k), *lvl = scalar(v);
		int s;

		if (!rule || !l->is_rule(rule))
			return fail_at(l, k, "unknown rule '%s' (see 'leakhound rules')",
				       rule ? rule : "?");
		s = lvl ? report_severity_parse(lvl) : -1;
		if (s < 0 || s > REPORT_SEV_ERROR)
			return fail_at(l, v, "severity of '%s' wants error, warning or note", rule);
		c->sev_rule = xrealloc(c->sev_rule, (c->nsev + 1) * sizeof(char *));
		c->sev_level = xrealloc(c->sev_level, (c->nsev + 1) * sizeof(int));
		c->sev_rule[c->nsev] = xstrdup(rule);
		c->sev_level[c->nsev++] = s;
	}
	return 0;
}

static int load_exclude(struct loader *l, const yaml_node_t *n)
{
	struct cli_config *c = l->cfg;
	size_t first = c->nexclude, nt = 0;
	char **t = NULL;

	if (get_list(l, n, "exclude", &t, &nt) < 0) {
		for (size_t i = 0; i < nt; i++)
			free(t[i]);
		free(t);
		return -1;
	}
	c->exclude = xrealloc(c->exclude, (c->nexclude + nt) * sizeof(char *));
	c->exclude_re = xrealloc(c->exclude_re, (c->nexclude + nt) * sizeof(void *));
	for (size_t i = 0; i < nt; i++) {
		c->exclude[c->nexclude + i] = t[i];
		c->exclude_re[c->nexclude + i] = NULL;
	}
	c->nexclude += nt;
	free(t);
	for (size_t i = first; i < c->nexclude; i++) {
		int ec;
		PCRE2_SIZE eo;

		c->exclude_re[i] = pcre2_compile((PCRE2_SPTR)c->exclude[i],
						 PCRE2_ZERO_TERMINATED, 0, &ec, &eo, NULL);
		if (!c->exclude_re[i]) {
			PCRE2_UCHAR buf[120];
			char msg[320];

			pcre2_get_error_message(ec, buf, sizeof(buf));
			snprintf(msg, sizeof(msg), "exclude expression '%.60s': %s at offset %zu",
				 c->exclude[i], (const char *)buf, (size_t)eo);
			return fail_at(l, n, "%s", msg);
		}
	}
	return 0;
}

static int load_top(struct loader *l, const yaml_node_t *root)
{
	struct cli_config *c = l->cfg;

	if (!root)
		return 0;   /* an empty file */
	if (root->type != YAML_MAPPING_NODE)
		return fail_at(l, root, "%s", "the file wants a mapping of settings");
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(l->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(l->doc, p->value);
		const char *key = scalar(k);
		int rc = 0;

		if (!key) {
			rc = fail_at(l, k, "%s", "keys must be plain words");
		} else if (!strcmp(key, "go")) {
			struct go_version gv;

			if (!scalar(v) || go_version_parse(scalar(v), strlen(scalar(v)), &gv) < 0)
				rc = fail_at(l, v, "'%s' wants a Go version like \"1.23\"", key);
			else {
				free(c->go);   /* a key given twice: the last wins */
				c->go = xstrdup(scalar(v));
			}
		} else if (!strcmp(key, "tags")) {
			char **t = NULL;
			size_t nt = 0, len = 0;

			rc = get_list(l, v, key, &t, &nt);
			for (size_t i = 0; i < nt; i++)
				len += strlen(t[i]) + 1;
			if (!rc && nt) {
				free(c->tags);
				c->tags = xcalloc(len + 1, 1);
				for (size_t i = 0; i < nt; i++) {
					if (i)
						strcat(c->tags, ",");
					strcat(c->tags, t[i]);
				}
			}
			for (size_t i = 0; i < nt; i++)
				free(t[i]);
			free(t);
		} else if (!strcmp(key, "include-tests")) {
			rc = get_bool(l, v, key, &c->include_tests);
		} else if (!strcmp(key, "include-commands")) {
			rc = get_bool(l, v, key, &c->include_commands);
		} else if (!strcmp(key, "include-generated")) {
			rc = get_bool(l, v, key, &c->include_generated);
		} else if (!strcmp(key, "rules")) {
			rc = load_rules(l, v);
		} else if (!strcmp(key, "severity")) {
			rc = load_severity(l, v);
		} else if (!strcmp(key, "exclude")) {
			rc = load_exclude(l, v);
		} else {
			rc = fail_at(l, k, "unknown key '%s' (go, tags, include-tests, "
				     "include-commands, include-generated, rules, severity, exclude)", key);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

static char *find_upward(void)
{
	char dir[PATH_MAX];

	if (!getcwd(dir, sizeof(dir)))
		return NULL;
	for (;;) {
		static const char *const names[] = { ".leakhound.yml", ".leakhound.yaml" };
		char *slash;

		for (size_t i = 0; i < 2; i++) {
			char path[PATH_MAX + 32];

			snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "",
				 names[i]);
			if (access(path, F_OK) == 0)
				return xstrdup(path);
		}
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	{
		char path[32];

		for (size_t i = 0; i < 2; i++) {
			snprintf(path, sizeof(path), "/%s", i ? ".leakhound.yaml" : ".leakhound.yml");
			if (access(path, F_OK) == 0)
				return xstrdup(path);
		}
	}
	return NULL;
}

int cli_config_parse(struct cli_config *cfg, const char *name, const char *text,
		     size_t len, int (*is_rule)(const char *id), struct err *e)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	struct loader l;
	int rc;

	if (!yaml_parser_initialize(&parser))
		return err_setf(e, "%s: cannot start the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = err_setf(e, "%s:%lu:%lu: %s", name,
			      (unsigned long)parser.problem_mark.line + 1,
			      (unsigned long)parser.problem_mark.column + 1,
			      parser.problem ? parser.problem : "malformed YAML");
		yaml_parser_delete(&parser);
		return rc;
	}
	l.cfg = cfg;
	l.doc = &doc;
	l.path = name;
	l.is_rule = is_rule;
	l.e = e;
	rc = load_top(&l, yaml_document_get_root_node(&doc));
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return rc;
}

int cli_config_load(struct cli_config *cfg, const char *path,
		    int (*is_rule)(const char *id), struct err *e)
{
	char *found = path ? xstrdup(path) : find_upward();
	char *text, *abs;
	size_t len;
	int rc;

	memset(cfg, 0, sizeof(*cfg));
	cfg->include_tests = cfg->include_generated = cfg->include_commands = -1;
	if (!found)
		return 0;
	text = file_read_all(found, CONFIG_MAX_BYTES, &len, e);
	if (!text) {
		free(found);
		return -1;
	}
	cfg->path = found;
	abs = realpath(found, NULL);
	if (abs) {
		char *s = strrchr(abs, '/');

		cfg->dir = s == abs ? xstrdup("/") : xstrndup(abs, (size_t)(s - abs));
		free(abs);
	}
	rc = cli_config_parse(cfg, found, text, len, is_rule, e);
	free(text);
	return rc;
}

/* The path of a finding relative to the config file's directory, when
 * under it; else as given (without a leading "./"). */
static const char *rel_path(const struct cli_config *cfg, const char *file,
			    char *buf, size_t bufsize)
{
	char *abs = cfg->dir ? realpath(file, NULL) : NULL;
	size_t n = cfg->dir ? strlen(cfg->dir) : 0;

	while (file[0] == '.' && file[1] == '/')
		file += 2;
	if (!abs)
		return file;
	if (!strncmp(abs, cfg->dir, n) && (abs[n] == '/' || n == 1)) {
		snprintf(buf, bufsize, "%s", abs + (n == 1 ? 1 : n + 1));
		free(abs);
		return buf;
	}
	free(abs);
	return file;
}

size_t cli_config_apply(const struct cli_config *cfg, struct findings *fs)
{
	size_t kept = 0, dropped = 0;

	for (size_t i = 0; i < fs->items.len; i++) {
		struct finding *f = fs->items.items[i];
		char buf[PATH_MAX];
		const char *p = rel_path(cfg, f->loc.file, buf, sizeof(buf));
		int drop = 0;

		for (size_t j = 0; j < cfg->nexclude && !drop; j++) {
			pcre2_match_data *md =
				pcre2_match_data_create_from_pattern(cfg->exclude_re[j], NULL);

			if (md && pcre2_match(cfg->exclude_re[j], (PCRE2_SPTR)p, strlen(p),
					      0, 0, md, NULL) >= 0)
				drop = 1;
			pcre2_match_data_free(md);
		}
		if (drop) {
			dropped++;
			continue;
		}
		for (size_t j = 0; j < cfg->nsev; j++)
			if (!strcmp(cfg->sev_rule[j], f->rule))
				f->severity = (enum report_severity)cfg->sev_level[j];
		fs->items.items[kept++] = f;
	}
	fs->items.len = kept;
	return dropped;
}

void cli_config_release(struct cli_config *cfg)
{
	for (size_t i = 0; i < cfg->nenable; i++)
		free(cfg->enable[i]);
	for (size_t i = 0; i < cfg->ndisable; i++)
		free(cfg->disable[i]);
	for (size_t i = 0; i < cfg->nsev; i++)
		free(cfg->sev_rule[i]);
	for (size_t i = 0; i < cfg->nexclude; i++) {
		free(cfg->exclude[i]);
		if (cfg->exclude_re && cfg->exclude_re[i])
			pcre2_code_free(cfg->exclude_re[i]);
	}
	free(cfg->enable);
	free(cfg->disable);
	free(cfg->sev_rule);
	free(cfg->sev_level);
	free(cfg->exclude);
	free(cfg->exclude_re);
	free(cfg->path);
	free(cfg->dir);
	free(cfg->go);
	free(cfg->tags);
	memset(cfg, 0, sizeof(*cfg));
}
