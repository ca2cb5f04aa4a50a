/*
 * decode: bytes -> struct pprof_profile.
 *
 * The proto bytes go through two passes.  The first is our own walk of the
 * wire format with the schema of profile.proto in a table: it checks every
 * varint, length and wire type against the end of the buffer and reports the
 * byte offset of the first problem, which protobuf-c cannot do.  The second
 * is protobuf-c's unpack (code generated from src/pprof/profile.proto), into
 * a scratch arena that is freed once the model is built.  Nothing is
 * allocated from a length read in the input before the walk has checked that
 * the bytes are there, so hostile input costs at most a small multiple of its
 * own size.
 */
#include "pprof.h"
#include "internal.h"
#include "pprof/profile.pb-c.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/sniff.h"
#include "../base/xalloc.h"

size_t pprof_max_inflated = PPROF_MAX_INFLATED;

bool pprof_is_gzip(const void *data, size_t len)
{
	const unsigned char *b = data;

	return len >= 2 && b[0] == 0x1f && b[1] == 0x8b;
}

unsigned char *pprof_gunzip(const void *data, size_t len, size_t max_out,
			    size_t *out_len, struct err *e)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	const unsigned char *in = data;
	unsigned char *out = NULL;
	size_t cap = 0, n = 0, off = 0;

	if (!d) {
		err_setf(e, "cannot decompress: out of memory");
		return NULL;
	}
	while (off < len) {
		size_t in_used = 0, got = 0, hint;
		enum libdeflate_result r;
		const unsigned char *t;

		if (len - off < 18) {
			err_setf(e, "truncated gzip member at byte %zu", off);
			goto fail;
		}
		/* The trailer's size field is a hint only: capped by the
		 * input size and the limit, grown when it is wrong. */
		t = in + len - 4;
		hint = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 |
		       (size_t)t[3] << 24;
		if (hint > (len - off) * 1032 + 1024)
			hint = (len - off) * 1032 + 1024;
		if (hint < 4096)
			hint = 4096;
		for (;;) {
			size_t avail, want;

			/* the buffer is exactly what is asked, never past the
			 * limit (plus the NUL): no rounding up to a power of
			 * two, and the decompressor gets no more than the
			 * limit */
			if (hint > max_out - n)
				hint = max_out - n;
			want = n + hint + 1;
			if (want > cap) {
				out = xrealloc(out, want);
				cap = want;
			}
			avail = cap - n - 1;
			r = libdeflate_gzip_decompress_ex(d, in + off, len - off,
							  out + n, avail,
							  &in_used, &got);
			if (r == LIBDEFLATE_SUCCESS)
				break;
			if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
				if (avail >= max_out - n) {
					err_setf(e, "decompressed profile is larger than the "
						 "input limit of %zu bytes (--max-input)",
						 max_out);
					goto fail;
				}
				hint = avail > SIZE_MAX / 4 ? SIZE_MAX / 2 : avail * 2;
				continue;
			}
			err_setf(e, "corrupt gzip data in the member at byte %zu", off);
			goto fail;
		}
		n += got;
		off += in_used;
		/* Trailing zero padding after the last member is tolerated. */
		while (off < len && in[off] == 0)
			off++;
	}
	libdeflate_free_decompressor(d);
	if (!out)
		out = xmalloc(1);
	out[n] = 0;
	*out_len = n;
	return out;
fail:
	libdeflate_free_decompressor(d);
	free(out);
	return NULL;
}

/* ---- pass 1: the wire-format walk ---- */

enum fkind { F_NONE, F_VARINT, F_RVARINT, F_BYTES, F_MSG };

struct fdesc {
	enum fkind kind;
	int sub;   /* message index for F_MSG */
};

enum { M_PROFILE, M_VALUETYPE, M_SAMPLE, M_LABEL, M_MAPPING, M_LOCATION,
       M_LINE, M_FUNCTION, M_COUNT };

#define V { F_VARINT, 0 }
#define R { F_RVARINT, 0 }
#define S { F_BYTES, 0 }
#define MSG(m) { F_MSG, m }
#define NF 15
static const struct fdesc schema[M_COUNT][NF] = {
	[M_PROFILE] = { [1] = MSG(M_VALUETYPE), [2] = MSG(M_SAMPLE),
		[3] = MSG(M_MAPPING), [4] = MSG(M_LOCATION),
		[5] = MSG(M_FUNCTION), [6] = S, [7] = V, [8] = V, [9] = V,
		[10] = V, [11] = MSG(M_VALUETYPE), [12] = V, [13] = R, [14] = V },
	[M_VALUETYPE] = { [1] = V, [2] = V },
	[M_SAMPLE] = { [1] = R, [2] = R, [3] = MSG(M_LABEL) },
	[M_LABEL] = { [1] = V, [2] = V, [3] = V, [4] = V },
	[M_MAPPING] = { [1] = V, [2] = V, [3] = V, [4] = V, [5] = V, [6] = V,
		[7] = V, [8] = V, [9] = V, [10] = V },
	[M_LOCATION] = { [1] = V, [2] = V, [3] = V, [4] = MSG(M_LINE), [5] = V },
	[M_LINE] = { [1] = V, [2] = V },
	[M_FUNCTION] = { [1] = V, [2] = V, [3] = V, [4] = V, [5] = V },
};
static const char *const msg_names[M_COUNT] = {
	"Profile", "ValueType", "Sample", "Label", "Mapping", "Location",
	"Line", "Function",
};

static int read_varint(const unsigned char *b, size_t end, size_t *pos,
		       uint64_t *v, struct err *e)
{
	uint64_t x = 0;
	size_t start = *pos;
	int shift;

	for (shift = 0; shift < 70; shift += 7) {
		if (*pos >= end)
			return err_setf(e, "truncated varint at byte %zu", start);
		x |= (uint64_t)(b[*pos] & 0x7f) << (shift < 64 ? shift : 0);
		if (!(b[(*pos)++] & 0x80)) {
			*v = x;
			return 0;
		}
	}
	return err_setf(e, "varint longer than 10 bytes at byte %zu", start);
}

static int walk(const unsigned char *b, size_t pos, size_t end, int msg,
		struct err *e)
{
	while (pos < end) {
		size_t at = pos;
		uint64_t key, v;
		unsigned wt;
		uint64_t fn;
		const struct fdesc *fd;

		if (read_varint(b, end, &pos, &key, e))
			return -1;
		wt = key & 7;
		fn = key >> 3;
		if (fn == 0)
			return err_setf(e, "invalid field number 0 at byte %zu", at);
		fd = fn < NF ? &schema[msg][fn] : NULL;
		if (fd && fd->kind == F_NONE)
			fd = NULL;
		switch (wt) {
		case 0:
			if (fd && fd->kind != F_VARINT && fd->kind != F_RVARINT)
				return err_setf(e, "field %s.%llu has wire type 0 at byte %zu, want 2",
						msg_names[msg], (unsigned long long)fn, at);
			if (read_varint(b, end, &pos, &v, e))
				return -1;
			break;
		case 1:
		case 5:
			if (fd)
				return err_setf(e, "field %s.%llu has wire type %u at byte %zu",
						msg_names[msg], (unsigned long long)fn, wt, at);
			if (end - pos < (wt == 1 ? 8u : 4u))
				return err_setf(e, "truncated fixed-size field at byte %zu", at);
			pos += wt == 1 ? 8 : 4;
			break;
		case 2: {
			size_t lpos = pos;

			if (read_varint(b, end, &pos, &v, e))
				return -1;
			if (v > end - pos)
				return err_setf(e, "length %llu at byte %zu runs past the end of its message at byte %zu",
						(unsigned long long)v, lpos, end);
			if (fd && fd->kind == F_MSG) {
				if (walk(b, pos, pos + v, fd->sub, e))
					return -1;
			} else if (fd && fd->kind == F_VARINT) {
				return err_setf(e, "field %s.%llu has wire type 2 at byte %zu, want 0",
						msg_names[msg], (unsigned long long)fn, at);
			} else if (fd && fd->kind == F_RVARINT) {
				/* packed repeated varints: every byte must
				 * belong to a complete varint */
				size_t p2 = pos;
				uint64_t dummy;

				while (p2 < pos + v)
					if (read_varint(b, pos + v, &p2, &dummy, e))
						return -1;
			}
			pos += v;
			break;
		}
		default:
			return err_setf(e, "invalid wire type %u at byte %zu", wt, at);
		}
	}
	return 0;
}

/* ---- pass 2: protobuf-c, then the model ---- */

static void *pb_alloc(void *data, size_t size)
{
	return arena_alloc(data, size ? size : 1);
}

static void pb_free(void *data, void *ptr)
{
	(void)data;
	(void)ptr;
}

struct strtab {
	const char **s;
	size_t n;
};

static int get_str(const struct strtab *t, int64_t i, const char **out,
		   const char *what, struct err *e)
{
	if (i < 0 || (uint64_t)i >= t->n)
		return err_setf(e, "%s: string index %lld out of range (the table has %zu strings)",
				what, (long long)i, t->n);
	*out = t->s[i];
	return 0;
}

/* get_str for a label of sample si, whose name is made only on error
 * (a profile has a label or more per sample) */
static int label_str(const struct strtab *t, int64_t i, const char **out,
		     size_t si, struct err *e)
{
	char what[64];

	if (i >= 0 && (uint64_t)i < t->n) {
		*out = t->s[i];
		return 0;
	}
	snprintf(what, sizeof(what), "label of sample %zu", si);
	return get_str(t, i, out, what, e);
}

struct pprof_profile *pprof_profile_new(void)
{
	struct pprof_profile *p = xcalloc(1, sizeof(*p));

	arena_init(&p->arena);
	p->default_sample_type = "";
	p->drop_frames = "";
	p->keep_frames = "";
	p->period_type.type = "";
	p->period_type.unit = "";
	return p;
}

void pprof_profile_free(struct pprof_profile *p)
{
	if (!p)
		return;
	arena_release(&p->arena);
	free(p);
}

/* Look up an id: dense ids through an array, others through a map. */
struct idx {
	void **dense;
	size_t n;
	struct u64map sparse;
};

static void idx_put(struct idx *x, uint64_t id, void *v)
{
	if (id && id <= x->n)
		x->dense[id - 1] = v;
	else if (id)
		u64map_put(&x->sparse, id, v);
}

static void *idx_get(const struct idx *x, uint64_t id)
{
	if (!id)
		return NULL;
	if (id <= x->n)
		return x->dense[id - 1];
	return u64map_get(&x->sparse, id);
}

static void idx_free(struct idx *x)
{
	free(x->dense);
	u64map_free(&x->sparse);
}

static struct pprof_profile *build(const Leakhound__Pprof__Profile *m,
				   struct err *e)
{
	struct pprof_profile *p = pprof_profile_new();
	struct arena *a = &p->arena;
	struct strtab st;
	struct idx mi = { 0 }, fi = { 0 }, li = { 0 };
	size_t i, j;
	char what[96];

	st.n = m->n_string_table;
	st.s = arena_alloc(a, sizeof(*st.s) * (st.n + 1));
	for (i = 0; i < st.n; i++)
		st.s[i] = arena_strdup(a, m->string_table[i] ? m->string_table[i] : "");
	if (st.n == 0) {
		/* an empty table still resolves index 0 to "" */
		st.s[0] = "";
		st.n = 1;
	}

	p->nsample_type = m->n_sample_type;
	p->sample_type = arena_new_array(a, struct pprof_value_type, m->n_sample_type + 1);
	for (i = 0; i < m->n_sample_type; i++) {
		snprintf(what, sizeof(what), "sample type %zu", i);
		if (get_str(&st, m->sample_type[i]->type, &p->sample_type[i].type, what, e) ||
		    get_str(&st, m->sample_type[i]->unit, &p->sample_type[i].unit, what, e))
			goto fail;
	}
	if (m->period_type &&
	    (get_str(&st, m->period_type->type, &p->period_type.type, "period type", e) ||
	     get_str(&st, m->period_type->unit, &p->period_type.unit, "period type", e)))
		goto fail;
	p->period = m->period;
	p->time_nanos = m->time_nanos;
	p->duration_nanos = m->duration_nanos;
	if (get_str(&st, m->drop_frames, &p->drop_frames, "drop_frames", e) ||
	    get_str(&st, m->keep_frames, &p->keep_frames, "keep_frames", e) ||
	    get_str(&st, m->default_sample_type, &p->default_sample_type,
		    "default_sample_type", e))
		goto fail;
	p->ncomment = m->n_comment;
	p->comment = arena_new_array(a, const char *, m->n_comment + 1);
	for (i = 0; i < m->n_comment; i++)
		if (get_str(&st, m->comment[i], &p->comment[i], "comment", e))
			goto fail;

	p->nmapping = m->n_mapping;
	p->mapping = arena_new_array(a, struct pprof_mapping *, m->n_mapping + 1);
	mi.n = m->n_mapping;
	mi.dense = xcalloc(mi.n + 1, sizeof(void *));
	for (i = 0; i < m->n_mapping; i++) {
		const Leakhound__Pprof__Mapping *s = m->mapping[i];
		struct pprof_mapping *d = arena_new(a, struct pprof_mapping);

		d->id = s->id;
		d->start = s->memory_start;
		d->limit = s->memory_limit;
		d->offset = s->file_offset;
		snprintf(what, sizeof(what), "mapping %llu", (unsigned long long)s->id);
		if (get_str(&st, s->filename, &d->file, what, e) ||
		    get_str(&st, s->build_id, &d->build_id, what, e))
			goto fail;
		d->has_functions = s->has_functions;
		d->has_filenames = s->has_filenames;
		d->has_line_numbers = s->has_line_numbers;
		d->has_inline_frames = s->has_inline_frames;
		p->mapping[i] = d;
		idx_put(&mi, d->id, d);
	}

	p->nfunction = m->n_function;
	p->function = arena_new_array(a, struct pprof_function *, m->n_function + 1);
	fi.n = m->n_function;
	fi.dense = xcalloc(fi.n + 1, sizeof(void *));
	for (i = 0; i < m->n_function; i++) {
		const Leakhound__Pprof__Function *s = m->function[i];
		struct pprof_function *d = arena_new(a, struct pprof_function);

		d->id = s->id;
		snprintf(what, sizeof(what), "function %llu", (unsigned long long)s->id);
		if (get_str(&st, s->name, &d->name, what, e) ||
		    get_str(&st, s->system_name, &d->system_name, what, e) ||
		    get_str(&st, s->filename, &d->filename, what, e))
			goto fail;
		d->start_line = s->start_line;
		p->function[i] = d;
		idx_put(&fi, d->id, d);
	}

	p->nlocation = m->n_location;
	p->location = arena_new_array(a, struct pprof_location *, m->n_location + 1);
	li.n = m->n_location;
	li.dense = xcalloc(li.n + 1, sizeof(void *));
	for (i = 0; i < m->n_location; i++) {
		const Leakhound__Pprof__Location *s = m->location[i];
		struct pprof_location *d = arena_new(a, struct pprof_location);

		d->id = s->id;
		d->index = i;
		d->mapping = idx_get(&mi, s->mapping_id);
		d->address = s->address;
		d->is_folded = s->is_folded;
		d->nline = s->n_line;
		d->line = arena_new_array(a, struct pprof_line, s->n_line + 1);
		for (j = 0; j < s->n_line; j++) {
			d->line[j].function = idx_get(&fi, s->line[j]->function_id);
			d->line[j].line = s->line[j]->line;
			if (!d->line[j].function) {
				err_setf(e, "location %llu has a line with no function (function id %llu)",
					 (unsigned long long)d->id,
					 (unsigned long long)s->line[j]->function_id);
				goto fail;
			}
		}
		p->location[i] = d;
		idx_put(&li, d->id, d);
	}

	p->nsample = m->n_sample;
	p->sample = arena_new_array(a, struct pprof_sample, m->n_sample + 1);
	for (i = 0; i < m->n_sample; i++) {
		const Leakhound__Pprof__Sample *s = m->sample[i];
		struct pprof_sample *d = &p->sample[i];
		size_t nl = 0;

		if (s->n_value != p->nsample_type) {
			err_setf(e, "sample %zu has %zu values for %zu sample types",
				 i, s->n_value, p->nsample_type);
			goto fail;
		}
		d->value = arena_alloc(a, sizeof(int64_t) * (s->n_value + 1));
		if (s->n_value)  /* protobuf-c leaves an empty array NULL */
			memcpy(d->value, s->value, sizeof(int64_t) * s->n_value);
		d->nlocation = s->n_location_id;
		d->location = arena_alloc(a, sizeof(*d->location) * (s->n_location_id + 1));
		for (j = 0; j < s->n_location_id; j++) {
			d->location[j] = idx_get(&li, s->location_id[j]);
			if (!d->location[j]) {
				err_setf(e, "sample %zu refers to location %llu, which is not in the profile",
					 i, (unsigned long long)s->location_id[j]);
				goto fail;
			}
		}
		d->label = arena_new_array(a, struct pprof_label, s->n_label + 1);
		for (j = 0; j < s->n_label; j++) {
			const Leakhound__Pprof__Label *l = s->label[j];
			struct pprof_label *dl = &d->label[nl];

			if (label_str(&st, l->key, &dl->key, i, e))
				goto fail;
			if (l->str) {
				if (label_str(&st, l->str, &dl->str, i, e))
					goto fail;
				dl->unit = "";
				nl++;
			} else if (l->num || l->num_unit) {
				dl->num = l->num;
				dl->unit = "";
				if (l->num_unit && label_str(&st, l->num_unit, &dl->unit, i, e))
					goto fail;
				nl++;
			}
		}
		d->nlabel = nl;
	}
	idx_free(&mi);
	idx_free(&fi);
	idx_free(&li);
	return p;
fail:
	idx_free(&mi);
	idx_free(&fi);
	idx_free(&li);
	pprof_profile_free(p);
	return NULL;
}

struct pprof_profile *pprof_parse_proto(const void *data, size_t len,
					struct err *e)
{
	struct arena scratch = ARENA_INIT;
	ProtobufCAllocator al = { pb_alloc, pb_free, &scratch };
	Leakhound__Pprof__Profile *m;
	struct pprof_profile *p;
	unsigned char *agg;
	size_t alen;

	if (len == 0) {
		err_setf(e, "empty input");
		return NULL;
	}
	if (walk(data, 0, len, M_PROFILE, e))
		return NULL;
	agg = pprof_aggregate_samples(data, len, &alen);
	if (agg) {
		data = agg;
		len = alen;
	}
	m = leakhound__pprof__profile__unpack(&al, len, data);
	free(agg);
	if (!m) {
		arena_release(&scratch);
		err_setf(e, "invalid profile.proto message");
		return NULL;
	}
	p = build(m, e);
	arena_release(&scratch);
	return p;
}

int pprof_check_valid(const struct pprof_profile *p, struct err *e)
{
	struct u64map seen = { 0 };
	size_t i;
	int rc = 0;

	if (p->nsample_type == 0 && p->nsample != 0)
		return err_setf(e, "missing sample type information");
	for (i = 0; i < p->nmapping && !rc; i++) {
		if (p->mapping[i]->id == 0)
			rc = err_setf(e, "found mapping with reserved id 0");
		else if (u64map_put(&seen, p->mapping[i]->id, p->mapping[i]))
			rc = err_setf(e, "multiple mappings with the same id %llu",
				      (unsigned long long)p->mapping[i]->id);
	}
	u64map_free(&seen);
	for (i = 0; i < p->nfunction && !rc; i++) {
		if (p->function[i]->id == 0)
			rc = err_setf(e, "found function with reserved id 0");
		else if (u64map_put(&seen, p->function[i]->id, p->function[i]))
			rc = err_setf(e, "multiple functions with the same id %llu",
				      (unsigned long long)p->function[i]->id);
	}
	u64map_free(&seen);
	for (i = 0; i < p->nlocation && !rc; i++) {
		if (p->location[i]->id == 0)
			rc = err_setf(e, "found location with reserved id 0");
		else if (u64map_put(&seen, p->location[i]->id, p->location[i]))
			rc = err_setf(e, "multiple locations with the same id %llu",
				      (unsigned long long)p->location[i]->id);
	}
	u64map_free(&seen);
	return rc;
}

/* The error of an input that neither reader took: the reader's own
 * message when the input looks like its form, else what the input looks
 * like (base/sniff.c) and what was expected. */
static void pprof_parse_error(const void *data, size_t len, const char *name,
			      int gunzipped, const struct err *perr,
			      const struct err *lerr, struct err *e)
{
	struct sniff_info si;
	int legacy = lerr->set && strcmp(lerr->msg, "unrecognized profile format");

	sniff_bytes(data, len, &si);
	if (si.kind == SNIFF_PROTOBUF || si.kind == SNIFF_BINARY ||
	    (si.kind == SNIFF_PPROF_TEXT && !legacy)) {
		err_setf(e, "cannot parse '%s': %s", name, perr->msg);
	} else if (legacy && (si.kind == SNIFF_PPROF_TEXT || si.kind == SNIFF_TEXT)) {
		err_setf(e, "cannot parse '%s': %s", name, lerr->msg);
	} else {
		err_setf(e, "cannot parse '%s': the input is %s%s (from byte %zu%s), "
			 "expected a pprof profile (protobuf, gzip-compressed or "
			 "legacy text)%s", name, sniff_describe(&si),
			 gunzipped ? " in gzip" : "", si.at,
			 gunzipped ? " of the decompressed data" : "",
			 si.kind == SNIFF_GOROUTINE_DUMP ||
			 si.kind == SNIFF_GOROUTINE_TEXT ?
			 "; `leakhound goroutines` reads goroutine dumps" : "");
	}
}

struct pprof_profile *pprof_profile_parse(const void *data, size_t len,
					  const char *name, struct err *e)
{
	return pprof_profile_parse_flags(data, len, name, 0, e);
}

struct pprof_profile *pprof_profile_parse_flags(const void *data, size_t len,
						const char *name, unsigned flags,
						struct err *e)
{
	unsigned char *raw = NULL;
	struct pprof_profile *p;
	struct err perr = ERR_INIT, lerr = ERR_INIT;

	if (pprof_is_gzip(data, len)) {
		raw = pprof_gunzip(data, len, pprof_max_inflated, &len, e);
		if (!raw) {
			err_prefixf(e, "cannot parse '%s'", name);
			return NULL;
		}
		data = raw;
	}
	if (len == 0) {
		free(raw);
		err_setf(e, "cannot parse '%s': empty input", name);
		return NULL;
	}
	p = pprof_parse_proto(data, len, &perr);
	if (!p) {
		/* Text forms start with printable bytes; a proto error is the
		 * better message for everything else. */
		p = pprof_parse_legacy(data, len, flags, &lerr);
		if (!p) {
			pprof_parse_error(data, len, name, raw != NULL, &perr, &lerr, e);
			free(raw);
			return NULL;
		}
	}
	free(raw);
	if (pprof_check_valid(p, e)) {
		err_prefixf(e, "cannot parse '%s'", name);
		pprof_profile_free(p);
		return NULL;
	}
	return p;
}

int pprof_sample_index(const struct pprof_profile *p, const char *name,
		       struct err *e)
{
	size_t i;
	char *end;
	long v;
	const char *noinuse;

	if (p->nsample_type == 0)
		return err_setf(e, "profile has no samples");
	if (!name || !*name) {
		if (*p->default_sample_type)
			for (i = 0; i < p->nsample_type; i++)
				if (!strcmp(p->sample_type[i].type, p->default_sample_type))
					return (int)i;
		return (int)p->nsample_type - 1;
	}
	v = strtol(name, &end, 10);
	if (!*end && end != name) {
		if (v < 0 || (size_t)v >= p->nsample_type)
			return err_setf(e, "sample_index %s is outside the range [0..%zu]",
					name, p->nsample_type - 1);
		return (int)v;
	}
	noinuse = !strncmp(name, "inuse_", 6) ? name + 6 : name;
	for (i = 0; i < p->nsample_type; i++)
		if (!strcmp(p->sample_type[i].type, name) ||
		    !strcmp(p->sample_type[i].type, noinuse))
			return (int)i;
	{
		char list[512];
		size_t n = 0;

		list[0] = 0;
		for (i = 0; i < p->nsample_type && n < sizeof(list) - 1; i++)
			n += snprintf(list + n, sizeof(list) - n, "%s%s", i ? " " : "",
				      p->sample_type[i].type);
		return err_setf(e, "sample_index \"%s\" must be one of: [%s]", name, list);
	}
}
