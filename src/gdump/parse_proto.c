/*
 * parse_proto: the protobuf goroutine and goroutineleak profiles.
 *
 * Decoding belongs to the pprof module (one profile.proto decoder in the
 * tree, gzip included); this file only turns its samples into goroutine
 * records: one record per sample, the sample's value as the count, the
 * locations' lines (inlined ones included, innermost first) as frames.
 * Like debug=1 text the profile has no states and shows runtime frames, so
 * the records go through gdump_normalize_aggregated.  A goroutineleak
 * profile (sample type "goroutineleak", Go 1.26+) marks every record leaked.
 */
#include "gdump_int.h"

#include <stdlib.h>
#include <string.h>

#include "../base/sb.h"
#include "../pprof/pprof.h"

int gdump_parse_proto(struct gdump_dump *d, const char *buf, size_t len,
		      struct err *e)
{
	struct pprof_profile *p = pprof_profile_parse(buf, len, "goroutine profile", e);
	VEC(struct gdump_frame) fr = { 0 };
	struct sb labels = SB_INIT;
	size_t i, j, k;
	int leak;

	if (!p)
		return -1;
	if (!p->nsample_type ||
	    (strcmp(p->sample_type[0].type, "goroutine") &&
	     strcmp(p->sample_type[0].type, "goroutineleak"))) {
		err_setf(e, "not a goroutine profile: its sample type is '%s'",
			 p->nsample_type ? p->sample_type[0].type : "");
		pprof_profile_free(p);
		return -1;
	}
	leak = !strcmp(p->sample_type[0].type, "goroutineleak");
	for (i = 0; i < p->nsample; i++) {
		const struct pprof_sample *s = &p->sample[i];
		struct gdump_goroutine g;
		const char *st;
		size_t n;

		memset(&g, 0, sizeof(g));
		g.count = s->value[0] > 0 ? (uint64_t)s->value[0] : 0;
		if (!g.count)
			continue;
		if (leak)
			g.flags |= GDUMP_LEAKED;
		fr.len = 0;
		for (j = 0; j < s->nlocation; j++) {
			const struct pprof_location *l = s->location[j];
			for (k = 0; k < l->nline; k++) {
				struct gdump_frame f;
				const struct pprof_function *fn = l->line[k].function;
				f.func = gdump_intern(d, fn->name, strlen(fn->name));
				f.file = gdump_intern(d, fn->filename, strlen(fn->filename));
				f.line = l->line[k].line > 0x7fffffff ? 0 : (int)l->line[k].line;
				vec_push(&fr, f);
			}
		}
		sb_reset(&labels);
		for (j = 0; j < s->nlabel; j++) {
			if (j)
				sb_addc(&labels, ' ');
			if (s->label[j].str)
				sb_addf(&labels, "%s=%s", s->label[j].key, s->label[j].str);
			else
				sb_addf(&labels, "%s=%lld", s->label[j].key,
					(long long)s->label[j].num);
		}
		if (labels.len)
			g.labels = gdump_intern(d, labels.buf, labels.len);
		n = gdump_normalize_aggregated(d, fr.items, fr.len, &st);
		if (st)
			g.state = gdump_intern(d, st, strlen(st));
		gdump_add_interned(d, &g, fr.items, n);
	}
	vec_free(&fr);
	sb_release(&labels);
	pprof_profile_free(p);
	if (!d->gs.len)
		return err_setf(e, "the goroutine profile has no samples");
	return 0;
}
