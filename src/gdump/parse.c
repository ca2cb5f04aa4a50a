/*
 * parse: pick the reader for a dump from its content.
 *
 * What the input is comes from base/sniff.c: gzip, protobuf or other
 * binary goes to the protobuf reader, a database or an executable is
 * refused as what it is, and text (even with stray NUL bytes) goes to the traceback reader first and to the
 * debug=1 reader when no traceback header was found.  The error when
 * nothing was found says what the input looked like, since the common
 * mistakes are an HTML error page or the wrong endpoint.
 */
#include "gdump_int.h"

#include "../base/sniff.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The reader for the input's first bytes (base/sniff.c): 1 protobuf
 * (gzip, protobuf, or binary that is nothing else), 0 text (a text dump
 * with NUL bytes stays text), -1 neither (e filled). */
static int pick_reader(const char *buf, size_t len, struct err *e)
{
	struct sniff_info si;

	sniff_bytes(buf, len, &si);
	if (si.kind == SNIFF_GZIP || si.kind == SNIFF_PROTOBUF ||
	    si.kind == SNIFF_BINARY)
		return 1;
	if (si.kind == SNIFF_EMPTY || sniff_is_text(si.kind))
		return 0;
	return err_setf(e, "not a goroutine dump: the input is %s (byte 0), "
			"expected a text goroutine dump or a goroutine profile",
			sniff_describe(&si));
}

static const char *describe(const char *buf, size_t len, char *out, size_t n)
{
	struct sniff_info si;

	sniff_bytes(buf, len, &si);
	if (si.kind == SNIFF_EMPTY)
		return "the input is empty";
	if (si.kind == SNIFF_HTML || si.kind == SNIFF_XML || si.kind == SNIFF_JSON ||
	    si.kind == SNIFF_PPROF_TEXT) {
		snprintf(out, n, "the input is %s (from byte %zu), expected a "
			 "text goroutine dump or a goroutine profile",
			 sniff_describe(&si), si.at);
		return out;
	}
	return "no 'goroutine N [state]:' header and no "
	       "'goroutine profile: total N' line in the input";
}

int gdump_parse(struct gdump_dump *d, const char *buf, size_t len,
		struct err *e)
{
	int r = pick_reader(buf, len, e);
	char why[200];

	if (r < 0)
		return -1;
	if (r) {
		d->format = GDUMP_FMT_PROTO;
		return gdump_parse_proto(d, buf, len, e);
	}
	d->format = GDUMP_FMT_TRACEBACK;
	if (gdump_parse_traceback(d, buf, len))
		return 0;
	d->format = GDUMP_FMT_DEBUG1;
	if (gdump_parse_debug1(d, buf, len))
		return 0;
	if (d->nwarnings && d->warnings[0])
		return err_setf(e, "no goroutine could be read: %s", d->warnings[0]);
	return err_setf(e, "not a goroutine dump: %s",
			describe(buf, len, why, sizeof(why)));
}

static int parse_whole(struct gdump_dump *d, const char *src, struct err *e)
{
	char *buf;
	size_t len;
	int rc;

	if (gdump_fetch(src, &buf, &len, e) < 0)
		return -1;
	rc = gdump_parse(d, buf, len, e);
	free(buf);
	return rc < 0 ? -2 : 0;
}

int gdump_load(struct gdump_dump *d, const char *src, struct err *e)
{
	char head[4096], why[200];
	struct err probe = ERR_INIT;
	struct stat st;
	ssize_t n;
	size_t added = 0;
	int fd;

	if (!strcmp(src, "-") || strstr(src, "://"))
		return parse_whole(d, src, e);
	fd = open(src, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_setf(e, "cannot read '%s': %s", src, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return parse_whole(d, src, e);
	}
	n = pread(fd, head, sizeof(head), 0);
	if (n < 0) {
		err_setf(e, "cannot read '%s': %s", src, strerror(errno));
		close(fd);
		return -1;
	}
	if (n == 0 || pick_reader(head, (size_t)n, &probe) != 0) {
		close(fd);
		return parse_whole(d, src, e);
	}
	d->format = GDUMP_FMT_TRACEBACK;
	if (gdump_parse_text_fd(d, fd, src, 0, &added, e) < 0) {
		close(fd);
		return -1;
	}
	if (!added && lseek(fd, 0, SEEK_SET) == 0) {
		d->format = GDUMP_FMT_DEBUG1;
		if (gdump_parse_text_fd(d, fd, src, 1, &added, e) < 0) {
			close(fd);
			return -1;
		}
	}
	close(fd);
	if (added)
		return 0;
	if (d->nwarnings && d->warnings[0])
		err_setf(e, "no goroutine could be read: %s", d->warnings[0]);
	else
		err_setf(e, "not a goroutine dump: %s",
			 describe(head, (size_t)n, why, sizeof(why)));
	return -2;
}
