/*
 * heap: the four totals of a heap profile, through the pprof module's
 * decoder (any form it reads; Go serves gzip-compressed profile.proto).
 */
#include <string.h>

#include "../pprof/pprof.h"
#include "watch_int.h"

int watch_heap_totals(const void *data, size_t len, int64_t out[4],
		      struct err *e)
{
	static const char *const names[4] = {
		"inuse_space", "inuse_objects", "alloc_space", "alloc_objects",
	};
	struct pprof_profile *p;
	int idx[4], k;
	size_t i;

	p = pprof_profile_parse(data, len, "heap", e);
	if (!p)
		return -1;
	for (k = 0; k < 4; k++) {
		idx[k] = pprof_sample_index(p, names[k], NULL);
		if (idx[k] < 0) {
			pprof_profile_free(p);
			return err_setf(e, "not a heap profile (no %s values)",
					names[k]);
		}
		out[k] = 0;
	}
	for (i = 0; i < p->nsample; i++)
		for (k = 0; k < 4; k++)
			out[k] += p->sample[i].value[idx[k]];
	pprof_profile_free(p);
	return 0;
}
