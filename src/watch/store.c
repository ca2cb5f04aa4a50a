/*
 * store: SQLite recording (schema in store.h).  Statements are prepared
 * once; each sample is BEGIN IMMEDIATE ... COMMIT so that a concurrent
 * reader never sees half a sample.  synchronous=NORMAL in WAL mode is
 * durable against a crash of leakhound (the WAL is in the OS's hands at
 * commit); only a power loss can cost the last commits.
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../base/sniff.h"
#include "../base/xalloc.h"

#define SCHEMA_VERSION "1"

struct watch_store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *ins_sample, *ins_blob;
	int lock_fd;            /* the writer's flock, -1 for a reader */
	enum watch_store_mode mode;
	double last_ckpt;       /* CLOCK_MONOTONIC of the last checkpoint */
};

static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE IF NOT EXISTS segments(id INTEGER PRIMARY KEY,"
	" t REAL NOT NULL, pid INTEGER, start_ticks INTEGER, reason TEXT);"
	"CREATE TABLE IF NOT EXISTS samples(id INTEGER PRIMARY KEY,"
	" segment INTEGER NOT NULL REFERENCES segments(id), t REAL NOT NULL,"
	" rss INTEGER, threads INTEGER, fds INTEGER, goroutines INTEGER,"
	" heap_inuse_bytes INTEGER, heap_inuse_objects INTEGER,"
	" heap_alloc_bytes INTEGER, heap_alloc_objects INTEGER, error TEXT);"
	"CREATE TABLE IF NOT EXISTS profiles(sample INTEGER NOT NULL"
	" REFERENCES samples(id), kind TEXT NOT NULL, data BLOB NOT NULL,"
	" PRIMARY KEY(sample, kind));"
	"CREATE TABLE IF NOT EXISTS targets(id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE, instance TEXT, labels TEXT);";

static int db_err(struct watch_store *st, struct err *e, const char *what)
{
	return err_setf(e, "cannot %s '%s': %s", what, st->path,
			sqlite3_errmsg(st->db));
}

static int exec(struct watch_store *st, const char *sql, struct err *e)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_setf(e, "cannot write '%s': %s", st->path,
			 msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* The target column of segments and samples (a fleet's rows are keyed by
 * it), added to a recording made before it existed. */
static int add_target_columns(struct watch_store *st, struct err *e)
{
	static const char *const tabs[] = { "segments", "samples" };
	size_t i;

	for (i = 0; i < 2; i++) {
		sqlite3_stmt *q;
		char sql[128];
		int has = 0;

		snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", tabs[i]);
		if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
			return db_err(st, e, "read");
		while (sqlite3_step(q) == SQLITE_ROW) {
			const unsigned char *n = sqlite3_column_text(q, 1);
			if (n && !strcmp((const char *)n, "target"))
				has = 1;
		}
		sqlite3_finalize(q);
		if (has)
			continue;
		snprintf(sql, sizeof(sql), "ALTER TABLE %s ADD COLUMN target"
			 " INTEGER", tabs[i]);
		if (exec(st, sql, e) < 0)
			return -1;
	}
	return exec(st, "CREATE INDEX IF NOT EXISTS samples_target_t ON"
		    " samples(target, t); CREATE INDEX IF NOT EXISTS samples_t"
		    " ON samples(t)", e);
}

int watch_store_checkpoint(struct watch_store *st, struct err *e)
{
	int rc;

	if (!st || !st->db || st->mode == WATCH_STORE_READ)
		return 0;
	st->last_ckpt = mono_now();
	rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
				       NULL, NULL);
	/* busy: a reader holds an old snapshot; the next one will do */
	if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
		return db_err(st, e, "checkpoint");
	return 0;
}

void watch_store_close(struct watch_store *st)
{
	if (!st)
		return;
	sqlite3_finalize(st->ins_sample);
	sqlite3_finalize(st->ins_blob);
	if (st->ins_sample)   /* fully opened: fold the WAL in */
		watch_store_checkpoint(st, NULL);
	sqlite3_close(st->db);
	/* after SQLite's descriptor is closed, see store.h */
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	free(st->path);
	free(st);
}

/* Refuse a file that is neither empty nor an SQLite database, saying what
 * it looks like; 0 if it may be opened (absent when mode is NEW). */
static int check_file(const char *path, enum watch_store_mode mode,
		      struct err *e)
{
	unsigned char head[512];
	struct sniff_info si;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		if (errno == ENOENT && mode == WATCH_STORE_NEW)
			return 0;
		return err_setf(e, "cannot open '%s': %s", path, strerror(errno));
	}
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (n == 0 && mode == WATCH_STORE_NEW)
		return 0;
	sniff_bytes(head, n, &si);
	if (si.kind == SNIFF_SQLITE)
		return 0;
	if (mode == WATCH_STORE_NEW)
		return err_setf(e, "cannot record into '%s': %s, not a leakhound "
				"recording; give a new file to --db", path,
				sniff_describe(&si));
	return err_setf(e, "cannot %s '%s': not a leakhound recording (%s, "
			"expected an SQLite database written by watch or run)",
			mode == WATCH_STORE_READ ? "read" : "resume", path,
			sniff_describe(&si));
}

/* The writer lock; 0, or -1 with e filled (another writer holds it). */
static int take_lock(struct watch_store *st, struct err *e)
{
	struct sb v = SB_INIT;
	struct err ge = ERR_INIT;

	st->lock_fd = open(st->path, O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
	if (st->lock_fd < 0)
		return err_setf(e, "cannot open '%s': %s", st->path,
				strerror(errno));
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno != EWOULDBLOCK)
		return err_setf(e, "cannot lock '%s': %s", st->path,
				strerror(errno));
	if (watch_store_meta_get(st, "writer_pid", &v, &ge) == 1 && v.len)
		err_setf(e, "cannot write '%s': another leakhound (pid %s) is "
			 "recording into it; one recording has one writer: "
			 "give another --db", st->path, sb_str(&v));
	else
		err_setf(e, "cannot write '%s': another leakhound is recording "
			 "into it; one recording has one writer: give another "
			 "--db", st->path);
	sb_release(&v);
	return -1;
}

struct watch_store *watch_store_open(const char *path,
				     enum watch_store_mode mode,
				     struct err *e)
{
	struct watch_store *st = xcalloc(1, sizeof(*st));
	int create = mode == WATCH_STORE_NEW;
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	struct sb v = SB_INIT;

	st->path = xstrdup(path);
	st->lock_fd = -1;
	st->mode = mode;
	st->last_ckpt = mono_now();
	if (check_file(path, mode, e) < 0) {
		watch_store_close(st);
		return NULL;
	}
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		if (st->db)
			err_setf(e, "cannot open '%s': %s", path,
				 sqlite3_errmsg(st->db));
		else
			err_setf(e, "cannot open '%s'", path);
		watch_store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, 2000);
	/* a writer locks before it looks, so two starting at once cannot
	 * both find an empty file */
	if (mode != WATCH_STORE_READ && take_lock(st, e) < 0)
		goto fail;
	{
		/* what the file holds: nothing (new), or our schema */
		sqlite3_stmt *q;
		int ntab = -1, r;

		if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master",
				       -1, &q, NULL) == SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW)
			ntab = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
		if (ntab < 0) {
			db_err(st, e, "read");
			goto fail;
		}
		r = ntab ? watch_store_meta_get(st, "schema", &v, e) : 0;
		if (r < 0)
			goto fail;
		if (r == 0 && (ntab || !create)) {
			err_setf(e, "cannot %s '%s': not a leakhound recording "
				 "(an SQLite database with %d table%s and no "
				 "leakhound schema)", create ? "record into" :
				 mode == WATCH_STORE_READ ? "read" : "resume",
				 path, ntab, ntab == 1 ? "" : "s");
			goto fail;
		}
		if (r == 1 && create) {
			struct sb u = SB_INIT;
			struct err ue = ERR_INIT;
			watch_store_meta_get(st, "url", &u, &ue);
			err_setf(e, "cannot record into '%s': it already holds a "
				 "leakhound recording%s%s%s; give --resume %s to "
				 "continue it, or another --db", path,
				 u.len ? " (of " : "", sb_str(&u), u.len ? ")" : "",
				 path);
			sb_release(&u);
			goto fail;
		}
		if (r == 1 && strcmp(sb_str(&v), SCHEMA_VERSION)) {
			err_setf(e, "cannot %s '%s': schema version %s, this "
				 "leakhound reads %s", mode == WATCH_STORE_READ ?
				 "read" : "resume", path, sb_str(&v),
				 SCHEMA_VERSION);
			goto fail;
		}
	}
	if (sqlite3_exec(st->db, "PRAGMA journal_mode=WAL; PRAGMA "
			 "synchronous=NORMAL; PRAGMA foreign_keys=ON;", NULL, NULL,
			 NULL) != SQLITE_OK) {
		db_err(st, e, "open");
		goto fail;
	}
	if (mode == WATCH_STORE_READ) {
		sb_release(&v);
		return st;
	}
	if (exec(st, schema, e) < 0 || add_target_columns(st, e) < 0)
		goto fail;
	if (create && watch_store_meta_set(st, "schema", SCHEMA_VERSION, e) < 0)
		goto fail;
	{
		char pid[32];
		snprintf(pid, sizeof(pid), "%ld", (long)getpid());
		if (watch_store_meta_set(st, "writer_pid", pid, e) < 0)
			goto fail;
	}
	if (sqlite3_prepare_v2(st->db,
		"INSERT INTO samples(segment, t, rss, threads, fds, goroutines,"
		" heap_inuse_bytes, heap_inuse_objects, heap_alloc_bytes,"
		" heap_alloc_objects, error, target)"
		" VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
		-1, &st->ins_sample, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db,
		"INSERT INTO profiles(sample, kind, data) VALUES(?,?,?)",
		-1, &st->ins_blob, NULL) != SQLITE_OK) {
		db_err(st, e, "prepare statements for");
		goto fail;
	}
	sb_release(&v);
	return st;
fail:
	sb_release(&v);
	watch_store_close(st);
	return NULL;
}

int watch_store_meta_set(struct watch_store *st, const char *key,
			 const char *value, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO meta(key, value)"
			       " VALUES(?,?)", -1, &s, NULL) != SQLITE_OK)
		return db_err(st, e, "write");
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(st, e, "write");
	return 0;
}

int watch_store_meta_get(struct watch_store *st, const char *key,
			 struct sb *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc, found = 0;

	sb_reset(out);
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key=?",
			       -1, &s, NULL) != SQLITE_OK) {
		/* no meta table: not a recording */
		if (strstr(sqlite3_errmsg(st->db), "no such table"))
			return 0;
		return db_err(st, e, "read");
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		sb_adds(out, t ? (const char *)t : "");
		found = 1;
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		return db_err(st, e, "read");
	}
	sqlite3_finalize(s);
	return found;
}

int watch_store_add_segment(struct watch_store *st, double t, int pid,
			    uint64_t start_ticks, const char *reason,
			    int64_t target, int64_t *id, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO segments(t, pid,"
			       " start_ticks, reason, target) VALUES(?,?,?,?,?)",
			       -1, &s, NULL) != SQLITE_OK)
		return db_err(st, e, "write");
	sqlite3_bind_double(s, 1, t);
	if (pid > 0)
		sqlite3_bind_int(s, 2, pid);
	if (start_ticks)
		sqlite3_bind_int64(s, 3, (sqlite3_int64)start_ticks);
	sqlite3_bind_text(s, 4, reason, -1, SQLITE_TRANSIENT);
	if (target > 0)
		sqlite3_bind_int64(s, 5, target);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(st, e, "write");
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int watch_store_add_sample(struct watch_store *st, struct watch_sample *smp,
			   const struct watch_blob *blobs, size_t nblobs,
			   struct err *e)
{
	sqlite3_stmt *s = st->ins_sample;
	size_t i;
	int k;

	if (exec(st, "BEGIN IMMEDIATE", e) < 0)
		return -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sqlite3_bind_int64(s, 1, smp->segment);
	sqlite3_bind_double(s, 2, smp->t);
	for (k = 0; k < WATCH_NSERIES; k++)
		if (smp->have & (1u << k))
			sqlite3_bind_int64(s, 3 + k, smp->v[k]);
	if (smp->error)
		sqlite3_bind_text(s, 3 + WATCH_NSERIES, smp->error, -1,
				  SQLITE_TRANSIENT);
	if (smp->target > 0)
		sqlite3_bind_int64(s, 4 + WATCH_NSERIES, smp->target);
	if (sqlite3_step(s) != SQLITE_DONE)
		goto fail;
	smp->id = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < nblobs; i++) {
		s = st->ins_blob;
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		sqlite3_bind_int64(s, 1, smp->id);
		sqlite3_bind_text(s, 2, blobs[i].kind, -1, SQLITE_STATIC);
		sqlite3_bind_blob64(s, 3, blobs[i].data ? blobs[i].data : "",
				    blobs[i].len, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_reset(st->ins_sample);
	sqlite3_reset(st->ins_blob);
	if (exec(st, "COMMIT", e) < 0)
		return -1;
	if (mono_now() - st->last_ckpt >= WATCH_STORE_CHECKPOINT_S)
		return watch_store_checkpoint(st, e);
	return 0;
fail:
	db_err(st, e, "write");
	sqlite3_reset(st->ins_sample);
	sqlite3_reset(st->ins_blob);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int watch_store_get_blob(struct watch_store *st, int64_t sample,
			 const char *kind, struct sb *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc, found = 0;

	sb_reset(out);
	if (sqlite3_prepare_v2(st->db, "SELECT data FROM profiles WHERE"
			       " sample=? AND kind=?", -1, &s, NULL) != SQLITE_OK)
		return db_err(st, e, "read");
	sqlite3_bind_int64(s, 1, sample);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const void *d = sqlite3_column_blob(s, 0);
		int n = sqlite3_column_bytes(s, 0);
		if (d && n > 0)
			sb_add(out, d, (size_t)n);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		return db_err(st, e, "read");
	}
	sqlite3_finalize(s);
	return found;
}

int watch_store_load(struct watch_store *st, struct watch *w, struct err *e)
{
	return watch_store_load_target(st, w, 0, e);
}

int watch_store_load_target(struct watch_store *st, struct watch *w,
			    int64_t target, struct err *e)
{
	sqlite3_stmt *s;
	int rc, k;

	if (sqlite3_prepare_v2(st->db, target ?
			       "SELECT id, t, pid, start_ticks, reason"
			       " FROM segments WHERE target=?1 ORDER BY id" :
			       "SELECT id, t, pid, start_ticks, reason"
			       " FROM segments ORDER BY id", -1, &s, NULL)
	    != SQLITE_OK)
		return db_err(st, e, "read");
	if (target)
		sqlite3_bind_int64(s, 1, target);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct watch_segment g;
		const unsigned char *r = sqlite3_column_text(s, 4);
		memset(&g, 0, sizeof(g));
		g.id = sqlite3_column_int64(s, 0);
		g.t = sqlite3_column_double(s, 1);
		g.pid = sqlite3_column_int(s, 2);
		g.start_ticks = (uint64_t)sqlite3_column_int64(s, 3);
		g.reason = arena_strdup(&w->arena, r ? (const char *)r : "");
		g.first = (size_t)-1;   /* set by its first sample below */
		vec_push(&w->segments, g);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(st, e, "read");
#define SAMPLE_COLS "SELECT id, segment, t, rss, threads, fds, goroutines," \
	" heap_inuse_bytes, heap_inuse_objects, heap_alloc_bytes," \
	" heap_alloc_objects, error FROM samples"
	if (sqlite3_prepare_v2(st->db, target ?
			       SAMPLE_COLS " WHERE target=?1 ORDER BY id" :
			       SAMPLE_COLS " ORDER BY id", -1, &s, NULL)
	    != SQLITE_OK)
		return db_err(st, e, "read");
	if (target)
		sqlite3_bind_int64(s, 1, target);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct watch_sample x;
		const unsigned char *er;
		size_t g;
		memset(&x, 0, sizeof(x));
		x.id = sqlite3_column_int64(s, 0);
		x.segment = sqlite3_column_int64(s, 1);
		x.t = sqlite3_column_double(s, 2);
		for (k = 0; k < WATCH_NSERIES; k++) {
			if (sqlite3_column_type(s, 3 + k) == SQLITE_NULL)
				continue;
			x.v[k] = sqlite3_column_int64(s, 3 + k);
			x.have |= 1u << k;
		}
		er = sqlite3_column_text(s, 3 + WATCH_NSERIES);
		if (er)
			x.error = arena_strdup(&w->arena, (const char *)er);
		/* a segment's first sample index: the first sample seen */
		for (g = 0; g < w->segments.len; g++)
			if (w->segments.items[g].id == x.segment &&
			    w->segments.items[g].first == (size_t)-1)
				w->segments.items[g].first = w->samples.len;
		vec_push(&w->samples, x);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(st, e, "read");
	for (k = 0; k < (int)w->segments.len; k++)
		if (w->segments.items[k].first == (size_t)-1)
			w->segments.items[k].first = w->samples.len;
	return 0;
}

int watch_store_add_blob(struct watch_store *st, int64_t sample,
			 const struct watch_blob *blob, struct err *e)
{
	sqlite3_stmt *s = st->ins_blob;

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sqlite3_bind_int64(s, 1, sample);
	sqlite3_bind_text(s, 2, blob->kind, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(s, 3, blob->data ? blob->data : "", blob->len,
			    SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		db_err(st, e, "write");
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

int watch_store_add_target(struct watch_store *st, const char *url,
			   const char *instance, const char *labels,
			   int64_t *id, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO targets(url, instance,"
			       " labels) VALUES(?1,?2,?3) ON CONFLICT(url) DO"
			       " UPDATE SET instance=?2, labels=?3", -1, &s,
			       NULL) != SQLITE_OK)
		return db_err(st, e, "write");
	sqlite3_bind_text(s, 1, url, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, instance, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, labels, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(st, e, "write");
	if (sqlite3_prepare_v2(st->db, "SELECT id FROM targets WHERE url=?", -1,
			       &s, NULL) != SQLITE_OK)
		return db_err(st, e, "read");
	sqlite3_bind_text(s, 1, url, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_err(st, e, "read");
	return 0;
}

int watch_store_targets(struct watch_store *st,
			int (*each)(void *arg, int64_t id, const char *url,
				    const char *instance, const char *labels),
			void *arg, struct err *e)
{
	sqlite3_stmt *s;
	int rc, n = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT id, url, instance, labels FROM"
			       " targets ORDER BY id", -1, &s, NULL) != SQLITE_OK) {
		/* a recording made before fleets: no targets table */
		if (strstr(sqlite3_errmsg(st->db), "no such table"))
			return 0;
		return db_err(st, e, "read");
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *u = sqlite3_column_text(s, 1);
		const unsigned char *i = sqlite3_column_text(s, 2);
		const unsigned char *l = sqlite3_column_text(s, 3);
		n++;
		if (each && each(arg, sqlite3_column_int64(s, 0),
				 u ? (const char *)u : "",
				 i ? (const char *)i : "",
				 l ? (const char *)l : "") != 0)
			break;
	}
	sqlite3_finalize(s);
	return n;
}

int watch_store_prune(struct watch_store *st, double before, struct err *e)
{
	sqlite3_stmt *s;
	int rc, n;

	if (exec(st, "BEGIN IMMEDIATE", e) < 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "DELETE FROM profiles WHERE sample IN"
			       " (SELECT id FROM samples WHERE t < ?1)", -1, &s,
			       NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_double(s, 1, before);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE ||
	    sqlite3_prepare_v2(st->db, "DELETE FROM samples WHERE t < ?1", -1,
			       &s, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_double(s, 1, before);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	n = sqlite3_changes(st->db);
	/* segments left without samples, but a target's latest stays */
	if (rc != SQLITE_DONE ||
	    sqlite3_prepare_v2(st->db, "DELETE FROM segments WHERE t < ?1 AND"
			       " NOT EXISTS (SELECT 1 FROM samples WHERE"
			       " samples.segment = segments.id) AND id NOT IN"
			       " (SELECT max(id) FROM segments GROUP BY target)",
			       -1, &s, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_double(s, 1, before);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		goto fail;
	if (exec(st, "COMMIT", e) < 0)
		return -1;
	return n;
fail:
	db_err(st, e, "prune");
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
