/*
 * engine: packages in, findings out (see lint.h and rule.h).
 *
 * The unit of analysis is a package, because the rules need package-wide
 * facts (which functions close their parameters, which globals are ever
 * deleted from) and because that is what bounds memory: a package's files
 * are parsed into arenas of the package, every rule runs, the findings are
 * copied into the workers' own lists, and the package's arenas are freed.
 * The unit of work is smaller, so that -j helps a module whose time goes
 * into one huge package: the files of a package are parsed in parallel,
 * and its rules run in parallel by clusters (see "packages and workers"
 * below for the pool, its tasks and who owns what).  The lists are merged
 * and sorted at the end, so the output does not depend on -j or on
 * scheduling.
 */
#include "lint.h"
#include "rule.h"
#include "flow.h"
#include "facts.h"
#include "fields.h"
#include "scope.h"
#include "../base/file.h"
#include "../base/utf8.h"
#include "../base/sb.h"
#include "../base/vec.h"
#include "../go/parse.h"
#include "../base/stack.h"
#include "../go/buildcons.h"
#include "../go/walk.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------- the rule functions, in table order ---------- */

#define RULE(cname, id, sev, summary) lint_rule_##cname,
static void (*const rule_fns[])(struct lint_ctx *) = {
#include "rules.def"
};
#undef RULE

#define RULE(cname, id, sev, summary) + 1
enum { N_RULES = 0
#include "rules.def"
};
#undef RULE

/* ---------- what rules call ---------- */

int lint_is_test_file(const struct go_file *f)
{
	size_t n = strlen(f->path);

	return n >= 8 && !strcmp(f->path + n - 8, "_test.go");
}

/* Does the comma-separated list of names at p (up to a blank or the end;
 * for //nolint also up to a following "//") name rule, or one of the words
 * that stand for every rule of leakhound? */
static int list_names_rule(const char *p, const char *rule, int nolint)
{
	size_t rlen = strlen(rule);

	while (*p && *p != ' ' && *p != '\t' && !(nolint && *p == '/')) {
		const char *e = p;
		size_t n;

		while (*e && *e != ',' && *e != ' ' && *e != '\t' && !(nolint && *e == '/'))
			e++;
		n = (size_t)(e - p);
		if (n == rlen && !strncmp(p, rule, rlen))
			return 1;
		if (n == 3 && !strncmp(p, "all", 3))
			return 1;
		if (nolint && n == 9 && !strncmp(p, "leakhound", 9))
			return 1;
		p = *e == ',' ? e + 1 : e;
	}
	return 0;
}

/* Does one comment suppress rule: "//leakhound:ignore RULE[,RULE] reason",
 * or golangci-lint's "//nolint", "//nolint:leakhound", "//nolint:RULE,..."
 * (a bare //nolint silences every linter, leakhound included)? */
static int comment_suppresses(const struct go_comment *c, const char *rule)
{
	const char *p;

	if (c->len >= 19 && !strncmp(c->text, "//leakhound:ignore", 18)) {
		p = c->text + 18;
		if (*p != ' ' && *p != '\t')
			return 0;
		while (*p == ' ' || *p == '\t')
			p++;
		return list_names_rule(p, rule, 0);
	}
	if (c->len >= 8 && !strncmp(c->text, "//nolint", 8)) {
		p = c->text + 8;
		if (*p == ':')
			return list_names_rule(p + 1, rule, 1);
		return *p == 0 || *p == ' ' || *p == '\t' || *p == '/';
	}
	return 0;
}

/* Does a suppression directive on `line` or the line above name rule? */
static int suppressed(const struct go_file *f, uint32_t line, const char *rule)
{
	uint32_t lo = 0, hi = f->ncomments;

	/* first group starting at or after line - 8 (groups are short) */
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;

		if (f->comments[mid]->node.line + 8 < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t g = lo; g < f->ncomments; g++) {
		const struct go_comment_group *cg = f->comments[g];

		if (cg->node.line > line)
			break;
		for (uint32_t i = 0; i < cg->n; i++) {
			const struct go_comment *c = cg->list[i];

			if (c->node.line != line && c->node.line + 1 != line)
				continue;
			if (comment_suppresses(c, rule))
				return 1;
		}
	}
	return 0;
}

static void loc_of(const struct go_file *f, const struct go_node *at,
		   struct report_loc *l)
{
	uint32_t el, ec;

	memset(l, 0, sizeof(*l));
	l->file = f->path;
	l->line = (int)at->line;
	l->column = (int)at->col;
	if (at->end > at->off && at->end <= f->size) {
		go_file_position(f, at->end, &el, &ec);
		l->end_line = (int)el;
		l->end_column = (int)ec;
	}
}

struct finding *lint_report(struct lint_ctx *cx, const struct go_file *f,
			    const struct go_node *at, enum report_severity sev,
			    const char *fix, const char *fmt, ...)
{
	struct report_loc l;
	struct sb msg = SB_INIT;
	struct finding *fd;
	va_list ap;

	if (suppressed(f, at->line, cx->rule_id))
		return NULL;
	loc_of(f, at, &l);
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	fd = findings_add(cx->out, cx->rule_id, sev, REPORT_CONF_HIGH, &l,
			  sb_str(&msg), fix);
	sb_release(&msg);
	return fd;
}

void lint_related(struct lint_ctx *cx, struct finding *fd,
		  const struct go_file *f, const struct go_node *at,
		  const char *message)
{
	struct report_loc l;

	if (!fd)
		return;
	loc_of(f, at, &l);
	l.end_line = l.end_column = 0;
	l.message = message;
	finding_add_related(cx->out, fd, &l);
}

const struct lint_summary *lint_callee_summary(struct lint_ctx *cx,
					       const struct go_node *fun)
{
	/* a function of the package, or x.m with m a method of the package
	 * (found by its name: a wrong match can only make a release seen,
	 * never a leak) */
	fun = go_unparen(fun);
	if (!fun || (fun->kind != GO_IDENT && fun->kind != GO_SELECTOR_EXPR))
		return NULL;
	return lint_facts_summary(cx, fun);
}

int lint_file_imports(const struct go_file *f, const char *path)
{
	char buf[256];

	for (uint32_t i = 0; i < f->imports.n; i++)
		if (!strcmp(go_import_canonical(go_import_path(
				GO_CAST(go_import_spec, f->imports.v[i]),
				buf, sizeof(buf))), path))
			return 1;
	return 0;
}

/* Every function body of the package, collected once per package: rules
 * iterate this list instead of walking the trees again. */
struct func_list {
	VEC(struct lint_func) v;
};

struct collect {
	struct func_list *fl;
	const struct go_file *file;
};

static int collect_fn(struct go_node *n, void *ctx)
{
	struct collect *c = ctx;
	struct lint_func lf;

	if (!go_kind_is_stmt(n->kind) && !go_kind_is_expr(n->kind) &&
	    n->kind != GO_FILE && n->kind != GO_FUNC_DECL &&
	    n->kind != GO_GEN_DECL && n->kind != GO_VALUE_SPEC &&
	    n->kind != GO_CASE_CLAUSE && n->kind != GO_COMM_CLAUSE)
		return 0;   /* types, fields, imports: no function bodies */
	memset(&lf, 0, sizeof(lf));
	lf.file = c->file;
	if (n->kind == GO_FUNC_DECL) {
		lf.decl = GO_CAST(go_func_decl, n);
		lf.type = lf.decl->type;
		lf.body = lf.decl->body;
		if (lf.body)
			vec_push(&c->fl->v, lf);
	} else if (n->kind == GO_FUNC_LIT) {
		lf.lit = GO_CAST(go_func_lit, n);
		lf.type = lf.lit->type;
		lf.body = lf.lit->body;
		if (lf.body)
			vec_push(&c->fl->v, lf);
	}
	return 1;
}

void lint_foreach_func(struct lint_ctx *cx,
		       void (*fn)(struct lint_ctx *, const struct lint_func *,
				  void *),
		       void *arg)
{
	struct func_list *fl = cx->funcs;

	if (!fl) {
		fl = arena_new(cx->arena, struct func_list);
		for (size_t i = 0; i < cx->pkg->nfiles; i++) {
			struct collect c = { fl, cx->pkg->files[i] };

			go_ast_inspect((struct go_node *)cx->pkg->files[i],
				       collect_fn, NULL, &c);
		}
		cx->funcs = fl;
	}
	for (size_t i = 0; i < fl->v.len; i++)
		fn(cx, &fl->v.items[i], arg);
}

/* ---------- semantics ---------- */

/* Read the go.mod nearest above dir into *mod (strings in a), or where a
 * directory has none, its vendor.mod (the go.mod of a repository that is
 * vendored but not published as a module, as docker/cli and moby keep
 * it); *name says which.  Returns 1 if one was found, 0 if none, -1 if
 * unreadable or malformed (treated like none: we do not know the
 * version). */
static int nearest_gomod(struct arena *a, const char *dir, struct go_mod *mod,
			 const char **name)
{
	static const char *const names[] = { "go.mod", "vendor.mod" };
	char path[4200], cur[4096];
	struct stat stt;

	if (!realpath(dir, cur))
		return 0;
	for (;;) {
		char *slash;

		for (size_t k = 0; k < 2; k++) {
			size_t len;
			struct err e = ERR_INIT;
			char *src;
			int rc;

			snprintf(path, sizeof(path), "%s/%s",
				 strcmp(cur, "/") ? cur : "", names[k]);
			if (stat(path, &stt) != 0 || !S_ISREG(stt.st_mode))
				continue;
			src = file_read_all(path, 1 << 20, &len, &e);
			if (!src)
				return -1;
			*name = names[k];
			rc = go_mod_parse(a, path, src, len, mod, &e);
			free(src);
			return rc < 0 ? -1 : 1;
		}
		slash = strrchr(cur, '/');
		if (!slash || slash == cur)
			break;
		*slash = '\0';
	}
	return 0;
}

/* //go:debug key=value lines of a main package (before the package
 * clause). */
static const char *go_debug_directive(struct go_package *pkg, const char *key,
				      struct arena *a)
{
	size_t klen = strlen(key);
	const char *val = NULL;

	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct go_file *f = pkg->files[i];

		for (uint32_t g = 0; g < f->ncomments; g++) {
			struct go_comment_group *cg = f->comments[g];

			if (cg->node.off > f->package_pos)
				break;
			for (uint32_t j = 0; j < cg->n; j++) {
				const char *t = cg->list[j]->text;

				if (strncmp(t, "//go:debug ", 11))
					continue;
				t += 11;
				while (*t == ' ')
					t++;
				if (!strncmp(t, key, klen) && t[klen] == '=') {
					const char *v = t + klen + 1;
					size_t n = strcspn(v, " \t\r\n");

					val = arena_strndup(a, v, n);
				}
			}
		}
	}
	return val;
}

static void decide_semantics(struct lint_semantics *sem, struct arena *a,
			     const char *dir, struct go_package *pkg,
			     const struct go_version *override, int is_main)
{
	struct go_mod mod;
	const char *modname = "go.mod";
	int found = dir ? nearest_gomod(a, dir, &mod, &modname) : 0;
	const char *async = NULL, *async_src = NULL;
	struct go_version v123 = { 1, 23, 0 }, v127 = { 1, 27, 0 };
	struct go_version tc = { 0, 0, 0 };

	memset(sem, 0, sizeof(*sem));
	if (found == 1) {
		async = go_mod_godebug_get(&mod, "asynctimerchan");
		if (async)
			async_src = arena_printf(a, "godebug asynctimerchan in %s",
						 modname);
		tc = mod.toolchain_version;
	}
	if (is_main) {
		const char *d = go_debug_directive(pkg, "asynctimerchan", a);

		if (d) {
			async = d;
			async_src = "//go:debug asynctimerchan";
		}
	}
	if (override && override->major) {
		sem->lang = *override;
		sem->why = arena_printf(a, "--go %d.%d", override->major,
					override->minor);
	} else if (found == 1 && mod.go) {
		sem->lang = mod.go_version;
		sem->why = arena_printf(a, "go %s in %s", mod.go, modname);
	} else {
		sem->why = "no go.mod go line: assuming Go before 1.23";
		sem->new_timers = 0;
		return;
	}
	if (go_version_cmp(tc, sem->lang) < 0)
		tc = sem->lang;   /* the go line implies at least that toolchain */
	if (go_version_cmp(tc, v127) >= 0) {
		sem->new_timers = 1;
		if (async && !strcmp(async, "1"))
			sem->why = arena_printf(a, "%s; asynctimerchan=1 is "
						"ignored since Go 1.27", sem->why);
		return;
	}
	if (async && !strcmp(async, "1")) {
		sem->new_timers = 0;
		sem->why = arena_printf(a, "%s=1", async_src);
		return;
	}
	if (async && !strcmp(async, "0") && go_version_cmp(tc, v123) >= 0) {
		sem->new_timers = 1;
		sem->why = arena_printf(a, "%s=0", async_src);
		return;
	}
	sem->new_timers = go_version_cmp(sem->lang, v123) >= 0;
}

/* ---------- packages and workers ---------- */

/*
 * The pool.  Work comes in two kinds of task, taken under sh->mu from the
 * oldest open package first:
 *
 *   parse (package, file i): read, filter by build constraints, parse into
 *       the package's arena of the worker doing it; the result goes to slot
 *       i of the package, so the files' order never depends on -j.
 *   resolve (package, group): resolve one group (the files of one package
 *       clause) and work out its semantics;
 *   rules (package, group, cluster): run one cluster of rules on one
 *       resolved group, in rule-table order.
 *
 * The worker that finishes a package's last parse groups the files; then
 * each group is resolved by one task (resolve writes into the group's
 * trees), and only then are the group's rule tasks handed out; from then on
 * its trees are read-only.  A cluster is one rule, except that rules sharing
 * a package-wide result that is costly to build (the goroutine-* rules share
 * chan.c's) form one cluster.  Each worker runs the rules of a group with a
 * lint_ctx of its own (its own arena, facts, fields, functions), so facts may
 * be computed once per worker that needs them; with -j 1 there is one context
 * per group and the rules run in table order exactly as before.
 *
 * Ownership: a package (struct pkg_job) owns one arena per worker: worker k
 * alone allocates into arenas[k] (its parsed files, then its rule contexts'
 * scratch), with no locking.  Sources, trees, groups and contexts stay alive
 * until the package's last rule task is done; the worker that finishes it
 * frees everything of the package (the mutex orders it after the others'
 * writes).  Findings go to each worker's own list; lint_run merges and sorts
 * them, so the output does not depend on -j or on scheduling.  At most
 * `nworkers` packages are open at once: memory follows the largest packages,
 * not the tree.
 */

struct parsed {
	struct go_file *f;   /* NULL: unreadable, excluded or not parsed */
	char *src;           /* malloc'd; the tree points into it */
	const char *pkgname;
};

struct group {
	struct go_package pkg;
	struct lint_semantics sem;
	int is_main;
	VEC(struct go_file *) files;
	int resolve_issued, resolved;
	size_t next_cluster, clusters_done;
	size_t owner;        /* the worker that resolved it */
};

struct wctx {                /* one worker's rule context for one group */
	struct lint_ctx cx;
	int used;
};

enum pkg_state { PKG_WAITING, PKG_PARSING, PKG_PREPARING, PKG_RULES, PKG_DONE };

struct pkg_job {
	char *dir;
	VEC(char *) files;   /* borrowed from the walk */
	/* set when the package is opened, freed when it is done */
	enum pkg_state state;
	struct parsed *ps;           /* one per file, in file order */
	size_t *order;               /* file indexes, largest file first */
	struct arena *arenas;        /* one per worker */
	size_t next_file, files_done;
	struct group *groups;
	size_t ngroups;
	struct wctx *cxs;            /* [worker * ngroups + group] */
	size_t ntasks, tasks_done;   /* per group: its resolve, its clusters */
};

/* A cluster of rules run together: rule indexes [lo, hi) of the enabled
 * list. */
struct cluster {
	size_t lo, hi;
};

struct shared {
	const struct lint_options *o;
	struct go_build_ctx build;
	char tagbuf[1024];
	struct go_version override;
	struct pkg_job *jobs;
	size_t njobs;
	size_t next_pkg;             /* first package not yet opened */
	size_t first_open;           /* first package not done */
	size_t open;                 /* packages opened and not done */
	size_t nworkers;
	size_t enabled[N_RULES];          /* enabled rules, in table order */
	size_t nenabled;
	struct cluster clusters[N_RULES + 1];
	size_t nclusters;
	size_t corder[N_RULES + 1];  /* the order clusters are handed out */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

struct worker {
	pthread_t tid;
	size_t index;
	struct shared *sh;
	struct findings out;
	VEC(char *) errors;
	size_t files, bytes, packages, excluded, generated;
};

/* --facts: the facts of the functions of one file (lint.h). */
static void dump_facts(struct lint_ctx *cx, const struct lint_options *o)
{
	for (size_t i = 0; i < cx->pkg->nfiles; i++) {
		struct go_file *f = cx->pkg->files[i];
		const char *base = strrchr(f->path, '/');

		base = base ? base + 1 : f->path;
		if (strcmp(base, o->facts_file))
			continue;
		for (uint32_t j = 0; j < f->decls.n; j++) {
			const struct lint_facts *lf;

			if (f->decls.v[j]->kind != GO_FUNC_DECL)
				continue;
			lf = lint_facts_of(cx, GO_CAST(go_func_decl, f->decls.v[j]));
			if (!lf || (o->facts_func && strcmp(lf->name, o->facts_func)))
				continue;
			lint_facts_print(lf, o->facts_out);
			if (o->facts_found)
				*o->facts_found = 1;
		}
	}
}

/* The end of a context's rules: what is not in its arena. */
static void ctx_release(struct lint_ctx *cx)
{
	if (cx->funcs)
		vec_free(&((struct func_list *)cx->funcs)->v);
	cx->funcs = NULL;
	lint_facts_release(cx);
	lint_fields_release(cx);
}

/* Every enabled rule on one package, in table order (lint_buffer). */
static void run_rules(struct worker *w, struct go_file **files, size_t n,
		      const char *dir, struct arena *a)
{
	struct go_package pkg;
	struct lint_semantics sem;
	struct lint_ctx cx;

	go_resolve_package(&pkg, files, n);
	memset(&cx, 0, sizeof(cx));
	cx.pkg = &pkg;
	cx.is_main = !strcmp(pkg.name, "main");
	decide_semantics(&sem, a, dir, &pkg, &w->sh->override, cx.is_main);
	cx.sem = &sem;
	cx.arena = a;
	cx.out = &w->out;
	if (w->sh->o->facts_file)
		dump_facts(&cx, w->sh->o);
	for (size_t r = 0; r < lint_nrules; r++) {
		if (w->sh->o->enabled && !w->sh->o->enabled[r])
			continue;
		cx.rule_id = lint_rules[r].id;
		rule_fns[r](&cx);
	}
	ctx_release(&cx);
	w->packages++;
	go_package_release(&pkg);
}

static int cmp_parsed(const void *pa, const void *pb)
{
	const struct parsed *a = pa, *b = pb;
	int c = strcmp(a->pkgname, b->pkgname);

	return c ? c : strcmp(a->f->path, b->f->path);
}

static int imports_c(const struct go_file *f)
{
	for (uint32_t i = 0; i < f->imports.n; i++) {
		const struct go_import_spec *s = (const void *)f->imports.v[i];

		if (s->path && s->path->len == 3 && !memcmp(s->path->value, "\"C\"", 3))
			return 1;
	}
	return 0;
}

/* Task: parse file i of job into the worker's arena, result in slot i. */
static void parse_one(struct worker *w, struct pkg_job *job, size_t i)
{
	struct arena *a = &job->arenas[w->index];
	const char *path = job->files.items[i];
	struct parsed *p = &job->ps[i];
	struct err e = ERR_INIT;
	size_t len;
	char *src = file_read_all(path, w->sh->o->max_input ? w->sh->o->max_input :
				  LINT_MAX_INPUT, &len, &e);
	int generated = 0, builds;

	if (!src) {
		vec_push(&w->errors, xstrdup(e.msg));
		return;
	}
	/* what the go tool would not build is not linted; one pass over
	 * the header answers both questions */
	builds = go_build_header(&w->sh->build, src, len, &generated);
	if (!w->sh->o->files_as_given &&
	    (!builds || !go_build_name_ok(&w->sh->build, path))) {
		w->excluded++;
		free(src);
		return;
	}
	if (!w->sh->o->include_generated && generated) {
		w->generated++;
		free(src);
		return;
	}
	w->files++;
	w->bytes += len;
	p->f = go_parse_file(a, path, src, len, &e);
	if (!p->f) {
		vec_push(&w->errors, xstrdup(e.msg));
		free(src);
		return;
	}
	if (!w->sh->o->files_as_given && !w->sh->build.cgo && imports_c(p->f)) {
		/* a cgo file: the go tool leaves it out without cgo */
		w->excluded++;
		p->f = NULL;   /* its nodes stay in the arena, unused */
		free(src);
		return;
	}
	p->src = src;
	p->pkgname = p->f->name ? p->f->name->name : "";
}

/* After the last parse of a package: one group per package clause (x and
 * x_test, and the `//go:build ignore` generators that std keeps beside
 * packages).  Runs on one worker, the package's parse tasks all done. */
static void prepare(struct worker *w, struct pkg_job *job)
{
	struct shared *sh = w->sh;
	VEC(struct parsed) ok = { NULL, 0, 0 };
	size_t i, n = 0;

	for (i = 0; i < job->files.len; i++)
		if (job->ps[i].f)
			vec_push(&ok, job->ps[i]);
	if (ok.len > 1)
		qsort(ok.items, ok.len, sizeof(ok.items[0]), cmp_parsed);
	for (i = 0; i < ok.len; i++)
		if (!i || strcmp(ok.items[i].pkgname, ok.items[i - 1].pkgname))
			n++;
	job->groups = xcalloc(n ? n : 1, sizeof(*job->groups));
	job->ngroups = n;
	for (i = 0, n = 0; i < ok.len; n++) {
		struct group *g = &job->groups[n];
		size_t j = i;

		while (j < ok.len && !strcmp(ok.items[j].pkgname, ok.items[i].pkgname))
			vec_push(&g->files, ok.items[j++].f);
		i = j;
		w->packages++;
	}
	vec_free(&ok);
	job->cxs = xcalloc(sh->nworkers * (job->ngroups ? job->ngroups : 1),
			   sizeof(*job->cxs));
	job->ntasks = job->ngroups * (sh->nclusters + 1);
}

/* Task: resolve group g and work out its semantics; its rule tasks wait
 * for it (resolve writes into the group's trees). */
static void resolve_one(struct worker *w, struct pkg_job *job, size_t gi)
{
	struct group *g = &job->groups[gi];

	go_resolve_package(&g->pkg, g->files.items, g->files.len);
	g->is_main = !strcmp(g->pkg.name, "main");
	decide_semantics(&g->sem, &job->arenas[w->index], job->dir, &g->pkg,
			 &w->sh->override, g->is_main);
}

/* Task: cluster c of the rules on group g of job, with the worker's
 * context for that group. */
static void rules_one(struct worker *w, struct pkg_job *job, size_t g, size_t c)
{
	struct shared *sh = w->sh;
	struct wctx *wc = &job->cxs[w->index * job->ngroups + g];
	struct lint_ctx *cx = &wc->cx;

	if (!wc->used) {
		wc->used = 1;
		memset(cx, 0, sizeof(*cx));
		cx->pkg = &job->groups[g].pkg;
		cx->is_main = job->groups[g].is_main;
		cx->sem = &job->groups[g].sem;
		cx->arena = &job->arenas[w->index];
		cx->out = &w->out;
	}
	if (c == 0 && sh->o->facts_file)
		dump_facts(cx, sh->o);   /* one worker with --facts: lint_run */
	for (size_t k = sh->clusters[c].lo; k < sh->clusters[c].hi; k++) {
		size_t r = sh->enabled[k];

		cx->rule_id = lint_rules[r].id;
		rule_fns[r](cx);
	}
}

/* Free what a group holds outside the arenas (its contexts' facts and
 * fields, its names), as soon as its last rule task is done: a package's
 * groups do not all hold theirs at once. */
static void group_done(struct shared *sh, struct pkg_job *job, size_t g)
{
	for (size_t k = 0; k < sh->nworkers; k++) {
		struct wctx *wc = &job->cxs[k * job->ngroups + g];

		if (wc->used)
			ctx_release(&wc->cx);
		wc->used = 0;
	}
	go_package_release(&job->groups[g].pkg);
}

/* Free what a package holds; every task of it is done. */
static void finish(struct shared *sh, struct pkg_job *job)
{
	size_t i;

	for (i = 0; i < job->ngroups; i++) {
		if (job->groups[i].resolved && !sh->nclusters)
			go_package_release(&job->groups[i].pkg);
		vec_free(&job->groups[i].files);
	}
	for (i = 0; i < job->files.len; i++)
		free(job->ps[i].src);
	for (i = 0; i < sh->nworkers; i++)
		arena_release(&job->arenas[i]);
	free(job->cxs);
	free(job->groups);
	free(job->ps);
	free(job->order);
	free(job->arenas);
	job->cxs = NULL;
	job->groups = NULL;
	job->ps = NULL;
	job->order = NULL;
	job->arenas = NULL;
	job->state = PKG_DONE;
}

enum task_kind { TASK_NONE, TASK_PARSE, TASK_RESOLVE, TASK_RULES };

struct task {
	enum task_kind kind;
	struct pkg_job *job;
	size_t a, b;   /* file index; or group and cluster */
};

struct by_size {
	size_t i;
	off_t size;
};

static int cmp_by_size(const void *pa, const void *pb)
{
	const struct by_size *a = pa, *b = pb;

	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	return (a->i > b->i) - (a->i < b->i);
}

/* The order of a package's parse tasks: with several workers, largest file
 * first, so that no worker is left with a big file while the others wait
 * (the results go to the files' slots whatever the order). */
static void open_order(struct shared *sh, struct pkg_job *j)
{
	size_t n = j->files.len;
	struct by_size *bs;

	j->order = xcalloc(n, sizeof(*j->order));
	if (sh->nworkers == 1 || n == 1) {
		for (size_t i = 0; i < n; i++)
			j->order[i] = i;
		return;
	}
	bs = xcalloc(n, sizeof(*bs));
	for (size_t i = 0; i < n; i++) {
		struct stat st;

		bs[i].i = i;
		bs[i].size = stat(j->files.items[i], &st) == 0 ? st.st_size : 0;
	}
	qsort(bs, n, sizeof(*bs), cmp_by_size);
	for (size_t i = 0; i < n; i++)
		j->order[i] = bs[i].i;
	free(bs);
}

/* Under sh->mu: a rule task of group g of j, or 0. */
static int take_rules(struct shared *sh, struct pkg_job *j, size_t g,
		      struct task *t)
{
	struct group *gr = &j->groups[g];

	if (!gr->resolved || gr->next_cluster >= sh->nclusters)
		return 0;
	t->kind = TASK_RULES;
	t->job = j;
	t->a = g;
	t->b = sh->corder[gr->next_cluster++];
	return 1;
}

/* Under sh->mu: the next task for worker w, oldest package first;
 * TASK_NONE when there is nothing to hand out now.  A group's rule tasks
 * go to the worker that resolved it, and to the others only when they have
 * nothing else to do (no file to parse, no package to open): each worker
 * that runs rules on a group builds its own facts, which is worth it only
 * when it would otherwise wait. */
static struct task next_task(struct shared *sh, size_t w)
{
	struct task t = { TASK_NONE, NULL, 0, 0 };

	for (size_t i = sh->first_open; i < sh->next_pkg; i++) {
		struct pkg_job *j = &sh->jobs[i];

		if (j->state == PKG_PARSING && j->next_file < j->files.len) {
			t.kind = TASK_PARSE;
			t.job = j;
			t.a = j->order[j->next_file++];
			return t;
		}
		if (j->state != PKG_RULES)
			continue;
		/* every group's resolve first (then, with one worker, the
		 * order is the one before the pool: resolve, then rules) */
		for (size_t g = 0; g < j->ngroups; g++)
			if (!j->groups[g].resolve_issued) {
				j->groups[g].resolve_issued = 1;
				j->groups[g].owner = w;
				t.kind = TASK_RESOLVE;
				t.job = j;
				t.a = g;
				return t;
			}
		for (size_t g = 0; g < j->ngroups; g++)
			if (j->groups[g].owner == w && take_rules(sh, j, g, &t))
				return t;
	}
	if (sh->next_pkg < sh->njobs && sh->open < sh->nworkers) {
		struct pkg_job *j = &sh->jobs[sh->next_pkg++];

		sh->open++;
		j->state = PKG_PARSING;
		j->ps = xcalloc(j->files.len, sizeof(*j->ps));
		j->arenas = xcalloc(sh->nworkers, sizeof(*j->arenas));
		open_order(sh, j);
		t.kind = TASK_PARSE;
		t.job = j;
		t.a = j->order[j->next_file++];
		return t;
	}
	for (size_t i = sh->first_open; i < sh->next_pkg; i++) {
		struct pkg_job *j = &sh->jobs[i];

		for (size_t g = 0; j->state == PKG_RULES && g < j->ngroups; g++)
			if (take_rules(sh, j, g, &t))
				return t;
	}
	return t;
}

/* Under sh->mu: a package is done. */
static void package_done(struct shared *sh, struct pkg_job *job)
{
	finish(sh, job);
	sh->open--;
	while (sh->first_open < sh->next_pkg &&
	       sh->jobs[sh->first_open].state == PKG_DONE)
		sh->first_open++;
	pthread_cond_broadcast(&sh->cv);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct shared *sh = w->sh;

	pthread_mutex_lock(&sh->mu);
	for (;;) {
		struct task t = next_task(sh, w->index);
		struct pkg_job *j = t.job;

		if (t.kind == TASK_NONE) {
			if (sh->first_open >= sh->njobs)
				break;   /* every package done */
			pthread_cond_wait(&sh->cv, &sh->mu);
			continue;
		}
		pthread_mutex_unlock(&sh->mu);
		if (t.kind == TASK_PARSE)
			parse_one(w, j, t.a);
		else if (t.kind == TASK_RESOLVE)
			resolve_one(w, j, t.a);
		else
			rules_one(w, j, t.a, t.b);
		pthread_mutex_lock(&sh->mu);
		if (t.kind == TASK_PARSE && ++j->files_done == j->files.len) {
			j->state = PKG_PREPARING;
			pthread_mutex_unlock(&sh->mu);
			prepare(w, j);
			pthread_mutex_lock(&sh->mu);
			j->state = PKG_RULES;
			if (!j->ntasks)
				package_done(sh, j);
			else
				pthread_cond_broadcast(&sh->cv);
		} else if (t.kind != TASK_PARSE) {
			if (t.kind == TASK_RESOLVE) {
				j->groups[t.a].resolved = 1;
				pthread_cond_broadcast(&sh->cv);
			} else if (++j->groups[t.a].clusters_done == sh->nclusters) {
				group_done(sh, j, t.a);
			}
			if (++j->tasks_done == j->ntasks)
				package_done(sh, j);
		}
	}
	pthread_mutex_unlock(&sh->mu);
	return NULL;
}

/* The enabled rules and their clusters (see the pool's comment). */
static void plan_rules(struct shared *sh)
{
	for (size_t r = 0; r < N_RULES; r++) {
		if (sh->o->enabled && !sh->o->enabled[r])
			continue;
		sh->enabled[sh->nenabled++] = r;
	}
	for (size_t k = 0; k < sh->nenabled; k++) {
		const char *id = lint_rules[sh->enabled[k]].id;
		int shares = !strncmp(id, "goroutine-", 10);

		if (sh->nclusters && shares &&
		    !strncmp(lint_rules[sh->enabled[k - 1]].id, "goroutine-", 10)) {
			sh->clusters[sh->nclusters - 1].hi = k + 1;
			continue;
		}
		sh->clusters[sh->nclusters].lo = k;
		sh->clusters[sh->nclusters].hi = k + 1;
		sh->nclusters++;
	}
	if (!sh->nclusters && sh->o->facts_file) {
		/* no rule but --facts: one empty cluster to print them */
		sh->clusters[0].lo = sh->clusters[0].hi = 0;
		sh->nclusters = 1;
	}
	/* Table order with one worker (the rules ran so before the pool).
	 * With several, the costliest first, so that it does not run alone
	 * at the end: the clusters of more than one rule (a shared analysis),
	 * then the others in table order. */
	{
		size_t k = 0;

		for (size_t c = 0; c < sh->nclusters && sh->nworkers > 1; c++)
			if (sh->clusters[c].hi - sh->clusters[c].lo > 1)
				sh->corder[k++] = c;
		for (size_t c = 0; c < sh->nclusters; c++)
			if (sh->nworkers == 1 ||
			    sh->clusters[c].hi - sh->clusters[c].lo <= 1)
				sh->corder[k++] = c;
	}
}

static int is_test_path(const char *p)
{
	size_t n = strlen(p);

	return n >= 8 && !strcmp(p + n - 8, "_test.go");
}

static char *dir_of(const char *p)
{
	const char *s = strrchr(p, '/');

	if (!s)
		return xstrdup(".");
	if (s == p)
		return xstrdup("/");
	return xstrndup(p, (size_t)(s - p));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* By directory, then by name: "d/a.go" "d/z.go" "d/sub/x.go", so that a
 * package's files stay together even when a subdirectory's name sorts
 * between them (plain strcmp puts "d/sub/x.go" between "d/a.go" and
 * "d/z.go", and the package was split in two). */
static int cmp_path(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	const char *sx = strrchr(x, '/'), *sy = strrchr(y, '/');
	size_t dx = sx ? (size_t)(sx - x) : 0, dy = sy ? (size_t)(sy - y) : 0;
	size_t n = dx < dy ? dx : dy;
	int c = memcmp(x, y, n);

	if (c)
		return c;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(x, y);
}

/* Merge src into dst, leaving out the per-call findings in the command
 * code files of cmdfiles (sorted; scope.h); *hidden counts them. */
static void merge_findings(struct findings *dst, const struct findings *src,
			   char *const *cmdfiles, size_t ncmd, size_t *hidden)
{
	for (size_t i = 0; i < src->items.len; i++) {
		const struct finding *f = src->items.items[i];
		struct finding *n;
		const char *key = f->loc.file;

		if (ncmd && key && lint_scope_per_call_rule(f->rule) &&
		    bsearch(&key, cmdfiles, ncmd, sizeof(char *), cmp_str)) {
			(*hidden)++;
			continue;
		}
		n = findings_add(dst, f->rule, f->severity, f->confidence,
				 &f->loc, f->message, f->fix);

		for (size_t j = 0; j < f->nrelated; j++)
			finding_add_related(dst, n, &f->related[j]);
	}
}

int lint_run(const struct lint_options *o, char *const *paths, size_t npaths,
	     struct findings *out, struct lint_result *res, struct err *e)
{
	struct go_walk walk = GO_WALK_INIT;
	struct shared sh;
	VEC(char *) files = { NULL, 0, 0 };
	VEC(char *) cmdfiles = { NULL, 0, 0 };
	VEC(struct pkg_job) jobs = { NULL, 0, 0 };
	struct worker *ws;
	int nw;
	size_t i;

	memset(res, 0, sizeof(*res));
	memset(&sh, 0, sizeof(sh));
	sh.o = o;
	if (o->go_version) {
		if (go_version_parse(o->go_version, strlen(o->go_version),
				     &sh.override) < 0)
			return err_setf(e, "invalid Go version '%s' (want 1.N)",
					o->go_version);
	}
	if (go_build_ctx_init(&sh.build, o->tags, sh.tagbuf, sizeof(sh.tagbuf)) < 0)
		return err_setf(e, "too many build tags (at most %d)", GO_BUILD_MAX_TAGS);
	if (o->go_version)
		sh.build.go_minor = sh.override.minor;
	for (i = 0; i < npaths; i++)
		if (go_walk_add(&walk, paths[i], o->all_dirs, e) < 0) {
			go_walk_release(&walk);
			return -1;
		}
	for (i = 0; i < walk.n; i++) {
		const char *p = walk.paths[i];
		enum lint_scope sc = o->files_as_given ? LINT_SCOPE_CODE :
				     lint_scope_of(p, walk.below[i]);

		if (!o->include_tests && !o->files_as_given &&
		    (is_test_path(p) || sc == LINT_SCOPE_TEST_SUPPORT)) {
			if (!is_test_path(p))
				res->test_support++;
			continue;
		}
		if (sc == LINT_SCOPE_COMMAND && !o->include_commands)
			vec_push(&cmdfiles, walk.paths[i]);
		vec_push(&files, walk.paths[i]);
	}
	if (cmdfiles.len > 1)
		qsort(cmdfiles.items, cmdfiles.len, sizeof(char *), cmp_str);
	/* group by directory; a file named twice is linted once */
	if (files.len > 1)
		qsort(files.items, files.len, sizeof(char *), cmp_path);
	for (i = 0; i < files.len; i++) {
		char *d = dir_of(files.items[i]);

		if (i && !strcmp(files.items[i], files.items[i - 1])) {
			free(d);
			continue;
		}
		if (jobs.len && !strcmp(jobs.items[jobs.len - 1].dir, d)) {
			free(d);
		} else {
			struct pkg_job j;

			memset(&j, 0, sizeof(j));
			j.dir = d;
			vec_push(&jobs, j);
		}
		vec_push(&jobs.items[jobs.len - 1].files, files.items[i]);
	}
	sh.jobs = jobs.items;
	sh.njobs = jobs.len;
	pthread_mutex_init(&sh.mu, NULL);
	pthread_cond_init(&sh.cv, NULL);
	nw = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (nw < 1)
		nw = 1;
	if (o->facts_file)
		nw = 1;   /* --facts prints in package order */
	sh.nworkers = (size_t)nw;
	plan_rules(&sh);
	ws = xcalloc((size_t)nw, sizeof(*ws));
	for (int k = 0; k < nw; k++) {
		ws[k].sh = &sh;
		ws[k].index = (size_t)k;
		findings_init(&ws[k].out);
	}
	/* worker 0 is this thread; one that cannot start leaves its share
	 * to the others */
	{
		/* the parser and the rules' walks recurse once per level of
		 * nesting (up to go/parser's limit): workers get the stack the
		 * command's own thread has (base/stack.h), reserved, committed
		 * only as used */
		pthread_attr_t attr;
		int have_attr = pthread_attr_init(&attr) == 0 &&
				pthread_attr_setstacksize(&attr, STACK_SIZE) == 0;

		for (int k = 1; k < nw; k++)
			if (pthread_create(&ws[k].tid, have_attr ? &attr : NULL,
					   worker_main, &ws[k]))
				ws[k].tid = 0;
		if (have_attr)
			pthread_attr_destroy(&attr);
	}
	worker_main(&ws[0]);
	for (int k = 1; k < nw; k++)
		if (ws[k].tid)
			pthread_join(ws[k].tid, NULL);
	for (int k = 0; k < nw; k++) {
		merge_findings(out, &ws[k].out, cmdfiles.items, cmdfiles.len,
			       &res->command_hidden);
		findings_release(&ws[k].out);
		for (i = 0; i < ws[k].errors.len; i++) {
			res->errors = xrealloc(res->errors,
					       sizeof(char *) * (res->nerrors + 1));
			res->errors[res->nerrors++] = ws[k].errors.items[i];
		}
		vec_free(&ws[k].errors);
		res->files += ws[k].files;
		res->bytes += ws[k].bytes;
		res->packages += ws[k].packages;
		res->excluded += ws[k].excluded;
		res->generated += ws[k].generated;
	}
	/* directories the walk could not list: reported like unreadable
	 * files, the rest linted */
	for (i = 0; i < walk.nerrors; i++) {
		res->errors = xrealloc(res->errors,
				       sizeof(char *) * (res->nerrors + 1));
		res->errors[res->nerrors++] = walk.errors[i];
		walk.errors[i] = NULL;
	}
	if (res->nerrors)
		qsort(res->errors, res->nerrors, sizeof(char *), cmp_str);
	findings_sort(out);
	free(ws);
	pthread_cond_destroy(&sh.cv);
	pthread_mutex_destroy(&sh.mu);
	for (i = 0; i < jobs.len; i++) {
		free(jobs.items[i].dir);
		vec_free(&jobs.items[i].files);
	}
	vec_free(&jobs);
	vec_free(&files);
	vec_free(&cmdfiles);
	go_walk_release(&walk);
	return 0;
}

int lint_buffer(const struct lint_options *o, const char *path,
		const char *src, size_t len, struct findings *out,
		struct err *e)
{
	struct shared sh;
	struct worker w;
	struct arena a = ARENA_INIT;
	struct go_file *f;

	memset(&sh, 0, sizeof(sh));
	sh.o = o;
	if (o->go_version && go_version_parse(o->go_version, strlen(o->go_version),
					      &sh.override) < 0)
		return err_setf(e, "invalid Go version '%s' (want 1.N)", o->go_version);
	memset(&w, 0, sizeof(w));
	w.sh = &sh;
	w.out = *out;
	f = go_parse_file(&a, path, src, len, e);
	if (!f) {
		arena_release(&a);
		return -1;
	}
	run_rules(&w, &f, 1, NULL, &a);
	*out = w.out;
	arena_release(&a);
	findings_sort(out);
	return 0;
}

void lint_result_release(struct lint_result *res)
{
	for (size_t i = 0; i < res->nerrors; i++)
		free(res->errors[i]);
	free(res->errors);
	memset(res, 0, sizeof(*res));
}

/* ---------- baseline ---------- */

/* Read a JSON string at *p (just after the opening quote) into sb. */
static const char *json_str(const char *p, const char *end, struct sb *out)
{
	while (p < end && *p != '"') {
		if (*p == '\\' && p + 1 < end) {
			p++;
			switch (*p) {
			case 'n': sb_addc(out, '\n'); break;
			case 't': sb_addc(out, '\t'); break;
			case 'r': sb_addc(out, '\r'); break;
			case 'b': sb_addc(out, '\b'); break;
			case 'f': sb_addc(out, '\f'); break;
			case 'u':
				if (p + 4 < end) {
					unsigned v = (unsigned)strtoul(
						(char[5]){ p[1], p[2], p[3], p[4], 0 },
						NULL, 16);
					char buf[4];
					size_t n = utf8_encode((int32_t)v, buf);

					sb_add(out, buf, n);
					p += 4;
				}
				break;
			default: sb_addc(out, *p); break;
			}
			p++;
			continue;
		}
		sb_addc(out, *p++);
	}
	return p < end ? p + 1 : NULL;
}

struct base_ent {
	char *key;
	int used;
};

long lint_apply_baseline(struct findings *fs, const char *baseline,
			 size_t len, struct err *e)
{
	const char *p = baseline, *end = baseline + len;
	VEC(struct base_ent) ents = { NULL, 0, 0 };
	struct sb key = SB_INIT, val = SB_INIT;
	const char *rule = NULL;
	long dropped = 0;
	size_t i, keep = 0;
	char *cur[3] = { NULL, NULL, NULL };  /* rule, file, message */

	(void)rule;
	p = strstr(baseline, "\"findings\"");
	if (!p || memchr(baseline, '\0', len))
		return err_setf(e, "not leakhound finding JSON (no \"findings\")");
	/* a flat scan: every "rule", "file" and "message" member at object
	 * depth 1 inside the findings array; a related location's "file"
	 * and "message" live at depth 2 and are skipped */
	{
		int depth = 0, in_arr = 0;

		for (; p < end; p++) {
			if (*p == '[') {
				in_arr++;
			} else if (*p == ']') {
				if (--in_arr <= 0)
					break;
			} else if (*p == '{') {
				depth++;
				if (depth == 1)
					cur[0] = cur[1] = cur[2] = NULL;
			} else if (*p == '}') {
				if (depth == 1 && cur[0] && cur[1] && cur[2]) {
					struct base_ent be;

					sb_reset(&key);
					sb_adds(&key, cur[0]);
					sb_addc(&key, '\n');
					sb_adds(&key, cur[1]);
					sb_addc(&key, '\n');
					sb_adds(&key, cur[2]);
					be.key = xstrdup(sb_str(&key));
					be.used = 0;
					vec_push(&ents, be);
				}
				if (depth == 1)
					for (int k = 0; k < 3; k++) {
						free(cur[k]);
						cur[k] = NULL;
					}
				depth--;
			} else if (*p == '"') {
				sb_reset(&val);
				p = json_str(p + 1, end, &val);
				if (!p)
					break;
				if (depth == 1 && in_arr == 1) {
					const char *q = p;
					int slot = -1;

					while (q < end && (*q == ' ' || *q == '\n'))
						q++;
					if (q < end && *q == ':') {
						if (!strcmp(sb_str(&val), "rule"))
							slot = 0;
						else if (!strcmp(sb_str(&val), "file"))
							slot = 1;
						else if (!strcmp(sb_str(&val), "message"))
							slot = 2;
					}
					if (slot >= 0) {
						q++;
						while (q < end && (*q == ' ' || *q == '\n'))
							q++;
						if (q < end && *q == '"') {
							sb_reset(&val);
							q = json_str(q + 1, end, &val);
							if (!q)
								break;
							free(cur[slot]);
							cur[slot] = xstrdup(sb_str(&val));
							p = q;
						}
					}
				}
				p--;
			}
		}
	}
	for (int k = 0; k < 3; k++)
		free(cur[k]);
	for (i = 0; i < fs->items.len; i++) {
		struct finding *f = fs->items.items[i];
		int match = 0;

		sb_reset(&key);
		sb_adds(&key, f->rule);
		sb_addc(&key, '\n');
		sb_adds(&key, f->loc.file);
		sb_addc(&key, '\n');
		sb_adds(&key, f->message);
		for (size_t j = 0; j < ents.len; j++)
			if (!ents.items[j].used && !strcmp(ents.items[j].key, sb_str(&key))) {
				ents.items[j].used = 1;
				match = 1;
				break;
			}
		if (match)
			dropped++;
		else
			fs->items.items[keep++] = f;
	}
	fs->items.len = keep;
	for (i = 0; i < ents.len; i++)
		free(ents.items[i].key);
	vec_free(&ents);
	sb_release(&key);
	sb_release(&val);
	return dropped;
}
