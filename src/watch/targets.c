/*
 * targets: the file-based service discovery reader (targets.h).  JSON is
 * parsed by jansson, which reports syntax errors with their position but
 * keeps none for values; a value found wrong is located afterwards in the
 * raw bytes by its path (group index, key, element index), which is exact
 * because jansson has already accepted the text.  YAML is loaded by
 * libyaml into a document whose nodes carry their marks.  Both loaders
 * feed the same checks (add_target, add_label).
 */
#include "targets.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../base/sb.h"
#include "watch.h"

void watch_targets_init(struct watch_targets *t)
{
	memset(t, 0, sizeof(*t));
	arena_init(&t->arena);
}

void watch_targets_release(struct watch_targets *t)
{
	vec_free(&t->items);
	arena_release(&t->arena);
	memset(t, 0, sizeof(*t));
}

/* ---- positions ---- */

struct pos {
	unsigned long line, col;   /* 1-based */
	size_t off;
};

static struct pos pos_of(const char *data, size_t len, size_t off)
{
	struct pos p = { 1, 1, off };
	size_t i;

	if (off > len)
		off = p.off = len;
	for (i = 0; i < off; i++) {
		if (data[i] == '\n') {
			p.line++;
			p.col = 1;
		} else {
			p.col++;
		}
	}
	return p;
}

static int pos_err(struct err *e, const char *name, struct pos p,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int pos_err(struct err *e, const char *name, struct pos p,
		   const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_setf(e, "%s:%lu:%lu (byte %zu): %s", name, p.line, p.col,
			p.off, msg);
}

/* ---- the checks both formats share ---- */

/* A group being read: its targets and labels, committed at its end. */
struct group {
	VEC(size_t) targets;        /* indexes into t->items */
	VEC(struct watch_label) labels;
	VEC(struct pos) label_pos;
	const char *instance;
	double interval, timeout;
	size_t max_body;
	int https;
};

static int valid_label_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static int own_label(const char *s)
{
	static const char *const own[] = {
		"target", "series", "file", "line", "function",
	};
	size_t i;

	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (!strcmp(s, own[i]))
			return 1;
	return 0;
}

/* Check the label name=value of g at p; __ names are dropped. */
static int add_label(struct watch_targets *t, struct group *g,
		     const char *name, const char *value, struct pos p,
		     const char *file, struct err *e)
{
	struct watch_label l;
	size_t i;

	if (!valid_label_name(name))
		return pos_err(e, file, p, "label name '%s' is not valid (a "
			       "letter or '_', then letters, digits or '_')",
			       name);
	for (i = 0; i < g->labels.len; i++)
		if (!strcmp(g->labels.items[i].name, name))
			return pos_err(e, file, p, "label '%s' given twice "
				       "(first at line %lu)", name,
				       g->label_pos.items[i].line);
	if (own_label(name))
		return pos_err(e, file, p, "label '%s' is set by leakhound "
			       "itself: rename it", name);
	if (!strcmp(name, "__scrape_interval__") ||
	    !strcmp(name, "__scrape_timeout__")) {
		double d = watch_parse_duration(value);
		if (d < 0.01)
			return pos_err(e, file, p, "label '%s' takes a duration "
				       "of at least 10ms (15s, 500ms, 1m), not "
				       "'%s'", name, value);
		if (name[9] == 'i')
			g->interval = d;
		else
			g->timeout = d;
	} else if (!strcmp(name, "__leakhound_max_body__")) {
		int64_t n = watch_parse_size(value);
		if (n <= 0)
			return pos_err(e, file, p, "label '%s' takes a size "
				       "(64MiB, 2G), not '%s'", name, value);
		g->max_body = (size_t)n;
	} else if (!strcmp(name, "__scheme__")) {
		if (strcmp(value, "http") && strcmp(value, "https"))
			return pos_err(e, file, p, "label '__scheme__' is http "
				       "or https, not '%s'", value);
		g->https = value[4] == 's';
	}
	if (!strncmp(name, "__", 2)) {
		/* Prometheus' internal labels: dropped, but each once */
		l.name = arena_strdup(&t->arena, name);
		l.value = "";
		vec_push(&g->labels, l);
		vec_push(&g->label_pos, p);
		return 0;
	}
	if (!strcmp(name, "instance")) {
		if (!*value)
			return pos_err(e, file, p, "label 'instance' is empty");
		g->instance = arena_strdup(&t->arena, value);
	}
	l.name = arena_strdup(&t->arena, name);
	l.value = arena_strdup(&t->arena, value);
	vec_push(&g->labels, l);
	vec_push(&g->label_pos, p);
	return 0;
}

static int valid_host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/* "host:port" or "[v6]:port": its length, or 0 with why set. */
static int check_hostport(const char *s, size_t n, const char **why)
{
	size_t i = 0, hostend;
	unsigned long port = 0;

	if (!n) {
		*why = "is empty";
		return 0;
	}
	if (s[0] == '[') {
		for (i = 1; i < n && s[i] != ']'; i++)
			if (!((s[i] >= '0' && s[i] <= '9') ||
			      (s[i] >= 'a' && s[i] <= 'f') ||
			      (s[i] >= 'A' && s[i] <= 'F') || s[i] == ':' ||
			      s[i] == '.')) {
				*why = "has a bad IPv6 address";
				return 0;
			}
		if (i >= n || i == 1) {
			*why = "has a bad IPv6 address";
			return 0;
		}
		hostend = ++i;
	} else {
		for (; i < n && valid_host_char(s[i]); i++)
			;
		hostend = i;
		if (!hostend) {
			*why = "has no host";
			return 0;
		}
	}
	if (hostend >= n || s[hostend] != ':') {
		*why = hostend < n ? "is not host:port (a character that is "
				     "not allowed in a host name)"
				   : "has no port (write host:port)";
		return 0;
	}
	for (i = hostend + 1; i < n && s[i] >= '0' && s[i] <= '9' &&
		    port <= 65535; i++)
		port = port * 10 + (unsigned long)(s[i] - '0');
	if (i != n || i == hostend + 1 || port == 0 || port > 65535) {
		*why = "has a bad port (1 to 65535)";
		return 0;
	}
	return 1;
}

static int add_target(struct watch_targets *t, struct group *g,
		      const char *s, struct pos p, const char *file,
		      struct err *e)
{
	struct watch_target x;
	const char *why = NULL, *auth;
	size_t n = strlen(s), i, alen;
	int is_url = 0;
	char *url;

	memset(&x, 0, sizeof(x));
	if (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8)) {
		is_url = 1;
		auth = strstr(s, "://") + 3;
		alen = strcspn(auth, "/");
		if (strpbrk(s, "?# \t") || memchr(auth, '@', alen))
			return pos_err(e, file, p, "target '%s' is not a base "
				       "URL (no query, fragment, user or "
				       "blank)", s);
		if (!check_hostport(auth, alen, &why))
			return pos_err(e, file, p, "target '%s' %s", s, why);
		url = arena_strdup(&t->arena, s);
		n = strlen(url);
		while (n > 0 && url[n - 1] == '/')
			url[--n] = '\0';
		if (n >= 12 && !strcmp(url + n - 12, "/debug/pprof"))
			url[n - 12] = '\0';
		x.instance = arena_strndup(&t->arena, auth, alen);
	} else {
		if (strstr(s, "://"))
			return pos_err(e, file, p, "target '%s': only http and "
				       "https URLs are watched", s);
		if (!check_hostport(s, n, &why))
			return pos_err(e, file, p, "target '%s' %s", s, why);
		url = arena_printf(&t->arena, "%s://%s",
				   g->https ? "https" : "http", s);
		x.instance = arena_strdup(&t->arena, s);
	}
	for (i = 0; i < t->items.len; i++)
		if (!strcmp(t->items.items[i].url, url))
			return pos_err(e, file, p, "target '%s' listed twice "
				       "(first at line %lu)", s,
				       t->items.items[i].line);
	x.url = url;
	x.line = p.line;
	t->nurl += is_url;
	vec_push(&t->items, x);
	vec_push(&g->targets, t->items.len - 1);
	return 0;
}

static int cmp_label(const void *a, const void *b)
{
	return strcmp(((const struct watch_label *)a)->name,
		      ((const struct watch_label *)b)->name);
}

/* The group's labels onto each of its targets. */
static void end_group(struct watch_targets *t, struct group *g)
{
	struct watch_label *ls = NULL;
	size_t i, n = 0;

	if (g->labels.len) {
		ls = arena_new_array(&t->arena, struct watch_label,
				     g->labels.len);
		for (i = 0; i < g->labels.len; i++)
			if (strcmp(g->labels.items[i].name, "instance") &&
			    strncmp(g->labels.items[i].name, "__", 2))
				ls[n++] = g->labels.items[i];
		qsort(ls, n, sizeof(*ls), cmp_label);
	}
	for (i = 0; i < g->targets.len; i++) {
		struct watch_target *x = &t->items.items[g->targets.items[i]];
		x->labels = ls;
		x->nlabels = n;
		x->interval = g->interval;
		x->timeout = g->timeout;
		x->max_body = g->max_body;
		if (g->instance)
			x->instance = g->instance;
	}
	vec_free(&g->targets);
	vec_free(&g->labels);
	vec_free(&g->label_pos);
	g->instance = NULL;
	g->interval = g->timeout = 0;
	g->max_body = 0;
	g->https = 0;
}

/* ---- JSON ---- */

/* One step of a path into a JSON text: an element index or a key. */
struct jstep {
	long index;        /* >= 0: an element of an array */
	const char *key;   /* else: a member of an object */
};

static size_t js_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
			 s[i] == '\r'))
		i++;
	return i;
}

/* The end of the string starting at i (the '"'). */
static size_t js_str_end(const char *s, size_t n, size_t i)
{
	for (i++; i < n && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i < n ? i + 1 : n;
}

/* The end of the value starting at i. */
static size_t js_skip(const char *s, size_t n, size_t i)
{
	int depth = 0;

	if (i >= n)
		return n;
	if (s[i] == '"')
		return js_str_end(s, n, i);
	if (s[i] != '[' && s[i] != '{') {
		while (i < n && !strchr(",]} \t\r\n", s[i]))
			i++;
		return i;
	}
	for (; i < n; i++) {
		if (s[i] == '"') {
			i = js_str_end(s, n, i) - 1;
		} else if (s[i] == '[' || s[i] == '{') {
			depth++;
		} else if (s[i] == ']' || s[i] == '}') {
			if (--depth == 0)
				return i + 1;
		}
	}
	return n;
}

/* The byte offset of the value at path (or of the deepest part found). */
static size_t js_locate(const char *s, size_t n, const struct jstep *path,
			size_t np)
{
	size_t i = js_ws(s, n, 0), k;

	for (k = 0; k < np && i < n; k++) {
		size_t at = i;
		if (path[k].index >= 0 && s[i] == '[') {
			long idx = 0;
			i = js_ws(s, n, i + 1);
			while (i < n && s[i] != ']' && idx < path[k].index) {
				i = js_ws(s, n, js_skip(s, n, i));
				if (i < n && s[i] == ',')
					i = js_ws(s, n, i + 1);
				idx++;
			}
			if (i >= n || s[i] == ']')
				return at;
		} else if (path[k].index < 0 && s[i] == '{') {
			size_t klen = strlen(path[k].key);
			int found = 0;
			i = js_ws(s, n, i + 1);
			while (i < n && s[i] == '"') {
				size_t end = js_str_end(s, n, i);
				int match = end - i == klen + 2 &&
					    !memcmp(s + i + 1, path[k].key, klen);
				i = js_ws(s, n, end);
				if (i < n && s[i] == ':')
					i = js_ws(s, n, i + 1);
				if (match) {
					found = 1;
					break;
				}
				i = js_ws(s, n, js_skip(s, n, i));
				if (i < n && s[i] == ',')
					i = js_ws(s, n, i + 1);
			}
			if (!found)
				return at;
			/* the key itself for a bad key (last step) */
			if (k + 1 == np && path[k].index == -2)
				return i;
		} else {
			return at;
		}
	}
	return i;
}

struct jctx {
	struct watch_targets *t;
	const char *name, *data;
	size_t len;
	struct err *e;
};

static struct pos jpos(const struct jctx *c, const struct jstep *path,
		       size_t np)
{
	return pos_of(c->data, c->len, js_locate(c->data, c->len, path, np));
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "a list";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

static int json_group(struct jctx *c, size_t gi, json_t *gv)
{
	struct jstep path[3] = { { (long)gi, NULL }, { -1, NULL }, { 0, NULL } };
	struct group g;
	const char *key;
	json_t *v;
	int rc = 0;

	memset(&g, 0, sizeof(g));
	if (!json_is_object(gv))
		return pos_err(c->e, c->name, jpos(c, path, 1), "group %zu is "
			       "%s, not an object with \"targets\" and "
			       "\"labels\"", gi + 1, json_kind(gv));
	json_object_foreach(gv, key, v) {
		if (strcmp(key, "targets") && strcmp(key, "labels")) {
			path[1].key = key;
			return pos_err(c->e, c->name, jpos(c, path, 2),
				       "unknown key '%s' in group %zu (expected "
				       "\"targets\" and \"labels\")", key, gi + 1);
		}
	}
	v = json_object_get(gv, "labels");
	path[1].key = "labels";
	if (v && !json_is_object(v) && !json_is_null(v))
		return pos_err(c->e, c->name, jpos(c, path, 2), "\"labels\" of "
			       "group %zu is %s, not an object", gi + 1,
			       json_kind(v));
	if (json_is_object(v)) {
		json_t *lv;
		json_object_foreach(v, key, lv) {
			path[2].index = -1;
			path[2].key = key;
			if (!json_is_string(lv)) {
				rc = pos_err(c->e, c->name, jpos(c, path, 3),
					     "label '%s' is %s, not a string",
					     key, json_kind(lv));
				goto out;
			}
			path[2].index = -2;
			if (add_label(c->t, &g, key, json_string_value(lv),
				      jpos(c, path, 3), c->name, c->e) < 0) {
				rc = -1;
				goto out;
			}
		}
	}
	v = json_object_get(gv, "targets");
	path[1].key = "targets";
	if (!v) {
		rc = pos_err(c->e, c->name, jpos(c, path, 1), "group %zu has no "
			     "\"targets\"", gi + 1);
		goto out;
	}
	if (!json_is_array(v)) {
		rc = pos_err(c->e, c->name, jpos(c, path, 2), "\"targets\" of "
			     "group %zu is %s, not a list", gi + 1, json_kind(v));
		goto out;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *tv = json_array_get(v, i);
		path[2].index = (long)i;
		path[2].key = NULL;
		if (!json_is_string(tv)) {
			rc = pos_err(c->e, c->name, jpos(c, path, 3), "target is "
				     "%s, not a \"host:port\" string",
				     json_kind(tv));
			goto out;
		}
		if (add_target(c->t, &g, json_string_value(tv),
			       jpos(c, path, 3), c->name, c->e) < 0) {
			rc = -1;
			goto out;
		}
	}
out:
	end_group(c->t, &g);
	return rc;
}

static int parse_json(struct watch_targets *t, const char *name,
		      const char *data, size_t len, struct err *e)
{
	struct jctx c = { t, name, data, len, e };
	json_error_t je;
	json_t *root;
	size_t i;
	int rc = 0;

	root = json_loadb(data, len, JSON_REJECT_DUPLICATES,
			  &je);
	if (!root) {
		struct pos p = pos_of(data, len, (size_t)je.position);
		/* jansson counts the position past the bad token; its line
		 * and column are right */
		if (je.line > 0) {
			p.line = (unsigned long)je.line;
			p.col = je.column > 0 ? (unsigned long)je.column : 1;
		}
		return pos_err(e, name, p, "not valid JSON: %s", je.text);
	}
	if (!json_is_array(root)) {
		rc = pos_err(e, name, pos_of(data, len, js_ws(data, len, 0)),
			     "the file is %s, not a list of target groups",
			     json_kind(root));
		goto out;
	}
	for (i = 0; i < json_array_size(root); i++)
		if ((rc = json_group(&c, i, json_array_get(root, i))) < 0)
			break;
out:
	json_decref(root);
	return rc;
}

/* ---- YAML ---- */

struct yctx {
	struct watch_targets *t;
	const char *name;
	yaml_document_t *doc;
	struct err *e;
};

static struct pos ypos(const yaml_node_t *n)
{
	struct pos p;

	p.line = (unsigned long)n->start_mark.line + 1;
	p.col = (unsigned long)n->start_mark.column + 1;
	p.off = n->start_mark.index;
	return p;
}

static const char *yaml_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE: return "a mapping";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_SCALAR_NODE: return "a scalar";
	default: return "empty";
	}
}

/* A YAML scalar's text: NUL-terminated by libyaml, but may hold a NUL. */
static int yscalar(struct yctx *c, const yaml_node_t *n, const char *what,
		   const char **out)
{
	if (n->type != YAML_SCALAR_NODE)
		return pos_err(c->e, c->name, ypos(n), "%s is %s, not a string",
			       what, yaml_kind(n));
	if (strlen((const char *)n->data.scalar.value) != n->data.scalar.length)
		return pos_err(c->e, c->name, ypos(n), "%s holds a NUL byte",
			       what);
	*out = (const char *)n->data.scalar.value;
	return 0;
}

static int yaml_null(const yaml_node_t *n)
{
	const char *s = (const char *)n->data.scalar.value;

	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*s || !strcmp(s, "~") || !strcmp(s, "null") ||
		!strcmp(s, "Null") || !strcmp(s, "NULL"));
}

static int yaml_group(struct yctx *c, size_t gi, const yaml_node_t *gn)
{
	const yaml_node_t *targets = NULL, *labels = NULL;
	yaml_node_pair_t *pr;
	struct group g;
	int rc = 0;

	memset(&g, 0, sizeof(g));
	if (gn->type != YAML_MAPPING_NODE)
		return pos_err(c->e, c->name, ypos(gn), "group %zu is %s, not a "
			       "mapping with targets and labels", gi + 1,
			       yaml_kind(gn));
	for (pr = gn->data.mapping.pairs.start; pr < gn->data.mapping.pairs.top;
	     pr++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);
		const yaml_node_t *v = yaml_document_get_node(c->doc, pr->value);
		const char *key;
		if (!k || !v)
			continue;
		if (yscalar(c, k, "a key", &key) < 0)
			return -1;
		if (!strcmp(key, "targets") || !strcmp(key, "labels")) {
			const yaml_node_t **slot = *key == 't' ? &targets : &labels;
			if (*slot)
				return pos_err(c->e, c->name, ypos(k), "key '%s' "
					       "given twice in group %zu", key,
					       gi + 1);
			*slot = v;
		} else {
			return pos_err(c->e, c->name, ypos(k), "unknown key '%s' "
				       "in group %zu (expected targets and "
				       "labels)", key, gi + 1);
		}
	}
	if (labels && !yaml_null(labels)) {
		if (labels->type != YAML_MAPPING_NODE)
			return pos_err(c->e, c->name, ypos(labels), "labels of "
				       "group %zu is %s, not a mapping", gi + 1,
				       yaml_kind(labels));
		for (pr = labels->data.mapping.pairs.start;
		     pr < labels->data.mapping.pairs.top; pr++) {
			const yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);
			const yaml_node_t *v = yaml_document_get_node(c->doc, pr->value);
			const char *key, *val;
			if (!k || !v)
				continue;
			if (yscalar(c, k, "a label name", &key) < 0 ||
			    yscalar(c, v, "a label value", &val) < 0 ||
			    add_label(c->t, &g, key, val, ypos(k), c->name,
				      c->e) < 0) {
				rc = -1;
				goto out;
			}
		}
	}
	if (!targets) {
		rc = pos_err(c->e, c->name, ypos(gn), "group %zu has no targets",
			     gi + 1);
		goto out;
	}
	if (targets->type != YAML_SEQUENCE_NODE) {
		if (yaml_null(targets))
			goto out;   /* "targets:" with nothing: an empty group */
		rc = pos_err(c->e, c->name, ypos(targets), "targets of group %zu "
			     "is %s, not a list", gi + 1, yaml_kind(targets));
		goto out;
	}
	for (yaml_node_item_t *it = targets->data.sequence.items.start;
	     it < targets->data.sequence.items.top; it++) {
		const yaml_node_t *tn = yaml_document_get_node(c->doc, *it);
		const char *s;
		if (!tn)
			continue;
		if (yscalar(c, tn, "a target", &s) < 0 ||
		    add_target(c->t, &g, s, ypos(tn), c->name, c->e) < 0) {
			rc = -1;
			goto out;
		}
	}
out:
	end_group(c->t, &g);
	return rc;
}

static int parse_yaml(struct watch_targets *t, const char *name,
		      const char *data, size_t len, struct err *e)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	const yaml_node_t *root;
	struct yctx c;
	int rc = 0;

	if (!yaml_parser_initialize(&parser))
		return err_setf(e, "%s: cannot start the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		struct pos p;
		p.line = (unsigned long)parser.problem_mark.line + 1;
		p.col = (unsigned long)parser.problem_mark.column + 1;
		p.off = parser.problem_mark.index;
		rc = pos_err(e, name, p, "not valid YAML: %s%s%s",
			     parser.problem ? parser.problem : "malformed",
			     parser.context ? " " : "",
			     parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return rc;
	}
	c.t = t;
	c.name = name;
	c.doc = &doc;
	c.e = e;
	root = yaml_document_get_root_node(&doc);
	if (!root || yaml_null(root)) {
		/* an empty file: no targets (Prometheus reads it so too) */
	} else if (root->type != YAML_SEQUENCE_NODE) {
		rc = pos_err(e, name, ypos(root), "the file is %s, not a list of "
			     "target groups", yaml_kind(root));
	} else {
		size_t gi = 0;
		for (yaml_node_item_t *it = root->data.sequence.items.start;
		     it < root->data.sequence.items.top; it++, gi++) {
			const yaml_node_t *gn = yaml_document_get_node(&doc, *it);
			if (gn && (rc = yaml_group(&c, gi, gn)) < 0)
				break;
		}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return rc;
}

/* ---- entry points ---- */

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && !strcmp(s + n - m, suf);
}

int watch_targets_parse(struct watch_targets *t, const char *name,
			const char *data, size_t len, struct err *e)
{
	int json, rc;
	size_t i;

	if (ends_with(name, ".json")) {
		json = 1;
	} else if (ends_with(name, ".yml") || ends_with(name, ".yaml")) {
		json = 0;
	} else {
		i = js_ws(data, len, 0);
		json = i < len && (data[i] == '[' || data[i] == '{');
	}
	rc = json ? parse_json(t, name, data, len, e)
		  : parse_yaml(t, name, data, len, e);
	if (rc < 0) {
		t->items.len = 0;
		t->nurl = 0;
	}
	return rc;
}

int watch_targets_load(struct watch_targets *t, const char *path,
		       struct err *e)
{
	struct sb buf = SB_INIT;
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc;

	if (!f)
		return err_setf(e, "cannot read '%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (buf.len + n > WATCH_TARGETS_MAX_FILE) {
			fclose(f);
			sb_release(&buf);
			return err_setf(e, "cannot read '%s': larger than %zu "
					"bytes", path, WATCH_TARGETS_MAX_FILE);
		}
		sb_add(&buf, chunk, n);
	}
	if (ferror(f)) {
		rc = err_setf(e, "cannot read '%s': %s", path, strerror(errno));
		fclose(f);
		sb_release(&buf);
		return rc;
	}
	fclose(f);
	rc = watch_targets_parse(t, path, buf.buf ? buf.buf : "", buf.len, e);
	sb_release(&buf);
	return rc;
}

const struct watch_target *watch_targets_find(const struct watch_targets *t,
					      const char *url)
{
	size_t i;

	for (i = 0; i < t->items.len; i++)
		if (!strcmp(t->items.items[i].url, url))
			return &t->items.items[i];
	return NULL;
}

int watch_target_same_labels(const struct watch_target *a,
			     const struct watch_target *b)
{
	size_t i;

	if (strcmp(a->instance, b->instance) || a->nlabels != b->nlabels ||
	    a->interval != b->interval || a->timeout != b->timeout ||
	    a->max_body != b->max_body)
		return 0;
	for (i = 0; i < a->nlabels; i++)
		if (strcmp(a->labels[i].name, b->labels[i].name) ||
		    strcmp(a->labels[i].value, b->labels[i].value))
			return 0;
	return 1;
}
