/*
 * finding: storage, ordering and de-duplication of findings.
 */
#include "finding.h"

#include <stdlib.h>
#include <string.h>

static const char *sev_names[] = { "note", "warning", "error" };
static const char *conf_names[] = { "low", "medium", "high" };

void findings_init(struct findings *fs)
{
	arena_init(&fs->arena);
	fs->items.items = NULL;
	fs->items.len = fs->items.cap = 0;
}

void findings_release(struct findings *fs)
{
	vec_free(&fs->items);
	arena_release(&fs->arena);
}

static const char *dup_or_null(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static void copy_loc(struct arena *a, struct report_loc *dst,
		     const struct report_loc *src)
{
	*dst = *src;
	dst->file = arena_strdup(a, src->file ? src->file : "");
	dst->message = dup_or_null(a, src->message);
}

struct finding *findings_add(struct findings *fs, const char *rule,
			     enum report_severity sev,
			     enum report_confidence conf,
			     const struct report_loc *loc,
			     const char *message, const char *fix)
{
	struct finding *f = arena_new(&fs->arena, struct finding);

	f->rule = arena_strdup(&fs->arena, rule);
	f->severity = sev;
	f->confidence = conf;
	copy_loc(&fs->arena, &f->loc, loc);
	f->loc.message = NULL;
	f->message = arena_strdup(&fs->arena, message ? message : "");
	f->fix = dup_or_null(&fs->arena, fix);
	f->order = fs->items.len;
	vec_push(&fs->items, f);
	return f;
}

void finding_add_related(struct findings *fs, struct finding *f,
			 const struct report_loc *loc)
{
	struct report_loc *n = arena_alloc(&fs->arena,
					   sizeof(*n) * (f->nrelated + 1));
	if (f->nrelated)
		memcpy(n, f->related, sizeof(*n) * f->nrelated);
	copy_loc(&fs->arena, &n[f->nrelated], loc);
	f->related = n;
	f->nrelated++;
}

static int cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct finding *a = *(struct finding *const *)pa;
	const struct finding *b = *(struct finding *const *)pb;
	int c;

	if ((c = strcmp(a->loc.file, b->loc.file)))
		return c;
	if ((c = cmp_int(a->loc.line, b->loc.line)))
		return c;
	if ((c = cmp_int(a->loc.column, b->loc.column)))
		return c;
	if ((c = strcmp(a->rule, b->rule)))
		return c;
	if ((c = strcmp(a->message, b->message)))
		return c;
	return (a->order > b->order) - (a->order < b->order);
}

void findings_sort(struct findings *fs)
{
	size_t i, out = 0;

	if (fs->items.len > 1)
		qsort(fs->items.items, fs->items.len, sizeof(fs->items.items[0]),
		      finding_cmp);
	for (i = 0; i < fs->items.len; i++) {
		struct finding *f = fs->items.items[i];
		if (out > 0) {
			struct finding *p = fs->items.items[out - 1];
			if (!strcmp(p->loc.file, f->loc.file) &&
			    p->loc.line == f->loc.line &&
			    p->loc.column == f->loc.column &&
			    !strcmp(p->rule, f->rule) &&
			    !strcmp(p->message, f->message))
				continue;
		}
		fs->items.items[out++] = f;
	}
	fs->items.len = out;
}

const char *report_severity_name(enum report_severity s)
{
	return (unsigned)s < 3 ? sev_names[s] : "note";
}

const char *report_confidence_name(enum report_confidence c)
{
	return (unsigned)c < 3 ? conf_names[c] : "low";
}

static int lookup(const char *const *names, const char *s)
{
	int i;

	for (i = 0; i < 3; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

int report_severity_parse(const char *s)
{
	return lookup(sev_names, s);
}

int report_confidence_parse(const char *s)
{
	return lookup(conf_names, s);
}
