/*
 * parse: pick the reader for a dump from its content.
 *
 * Binary input (gzip magic, or bytes no text dump contains) goes to the
 * protobuf reader; text goes to the traceback reader first and to the
 * debug=1 reader when no traceback header was found.  The error when
 * nothing was found says what the input looked like, since the common
 * mistakes are an HTML error page or the wrong endpoint.
 */
#include "gdump_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int looks_binary(const char *buf, size_t len)
{
	size_t i, n = len < 512 ? len : 512;

	if (len >= 2 && (unsigned char)buf[0] == 0x1f && (unsigned char)buf[1] == 0x8b)
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
			       c != 0x1b))
			return 1;
	}
	return 0;
}

static const char *describe(const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' ||
			   buf[i] == '\t'))
		i++;
	if (i == len)
		return "the input is empty";
	if (buf[i] == '<')
		return "the input looks like HTML or XML";
	if (buf[i] == '{' || buf[i] == '[')
		return "the input looks like JSON";
	return "no 'goroutine N [state]:' header and no "
	       "'goroutine profile: total N' line in the input";
}

int gdump_parse(struct gdump_dump *d, const char *buf, size_t len,
		struct err *e)
{
	if (len && looks_binary(buf, len)) {
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
	return err_setf(e, "not a goroutine dump: %s", describe(buf, len));
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
	char head[4096];
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
	if (n == 0 || looks_binary(head, (size_t)n)) {
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
		err_setf(e, "not a goroutine dump: %s", describe(head, (size_t)n));
	return -2;
}
