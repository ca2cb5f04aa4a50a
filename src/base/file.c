/*
 * file: read whole files and standard input with clear errors.
 */
#include "file.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Standard input, through stdio (other code may have read from it). */
static char *read_stdin(size_t max_bytes, size_t *len, struct err *e)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;

	for (;;) {
		size_t got, want = n + 65536 + 1;

		if (want > cap) {
			size_t ncap = cap * 2 > want ? cap * 2 : want;

			if (max_bytes && ncap > max_bytes + 2)
				ncap = max_bytes + 2;
			if (ncap > cap) {
				buf = xrealloc(buf, ncap);
				cap = ncap;
			}
		}
		got = fread(buf + n, 1, cap - n - 1, stdin);
		n += got;
		if (max_bytes && n > max_bytes) {
			err_setf(e, "cannot read '-': larger than the limit of %zu bytes",
				 max_bytes);
			free(buf);
			return NULL;
		}
		if (got == 0) {
			if (ferror(stdin)) {
				err_setf(e, "cannot read '-': %s",
					 strerror(errno ? errno : EIO));
				free(buf);
				return NULL;
			}
			break;
		}
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *file_read_all(const char *path, size_t max_bytes, size_t *len,
		    struct err *e)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int fd;
	struct stat st;

	if (!strcmp(path, "-"))
		return read_stdin(max_bytes, len, e);
	fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		err_setf(e, "cannot read '%s': %s", path, strerror(errno));
		return NULL;
	}
	/* a regular file is read into a buffer of its size at once (plus
	 * the byte that shows the end), not through stdio's copy */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= 0 && (!max_bytes || (size_t)st.st_size <= max_bytes))
		cap = (size_t)st.st_size + 2;
	if (cap)
		buf = xmalloc(cap);
	for (;;) {
		size_t want = n + 65536 + 1, room;
		ssize_t got;

		/* the limit is exact: the buffer grows by doubling but never
		 * past the limit, plus one byte to see that there is more */
		if (n + 1 >= cap) {
			size_t ncap = cap * 2 > want ? cap * 2 : want;

			if (max_bytes && ncap > max_bytes + 2)
				ncap = max_bytes + 2;
			if (ncap > cap) {
				buf = xrealloc(buf, ncap);
				cap = ncap;
			}
		}
		room = cap - n - 1;
		got = read(fd, buf + n, room);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			err_setf(e, "cannot read '%s': %s", path, strerror(errno));
			goto fail;
		}
		n += (size_t)got;
		if (max_bytes && n > max_bytes) {
			err_setf(e, "cannot read '%s': larger than the limit of %zu bytes",
				 path, max_bytes);
			goto fail;
		}
		if (got == 0)
			break;
	}
	buf[n] = '\0';
	close(fd);
	*len = n;
	return buf;
fail:
	free(buf);
	close(fd);
	return NULL;
}

int file_write_all(const char *path, const void *data, size_t len,
		   struct err *e)
{
	size_t plen = strlen(path);
	char *tmp = xmalloc(plen + 16);
	FILE *f;

	if (strcmp(path, "-") == 0) {
		free(tmp);
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return err_setf(e, "cannot write to standard output: %s",
					strerror(errno));
		return 0;
	}
	snprintf(tmp, plen + 16, "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp, "wb");
	if (!f) {
		err_setf(e, "cannot write '%s': %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		err_setf(e, "cannot write '%s': %s", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		err_setf(e, "cannot write '%s': %s", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int file_is_dir(const char *path, struct err *e)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return err_setf(e, "cannot read '%s': %s", path, strerror(errno));
	return S_ISDIR(st.st_mode) ? 1 : 0;
}
