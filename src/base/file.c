/*
 * file: read whole files and standard input with clear errors.
 */
#include "file.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *file_read_all(const char *path, size_t max_bytes, size_t *len,
		    struct err *e)
{
	FILE *f;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int is_stdin = strcmp(path, "-") == 0;

	f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		err_setf(e, "cannot read '%s': %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		size_t got, want = n + 65536 + 1, room;

		/* the limit is exact: the buffer grows by doubling but never
		 * past the limit, plus one byte to see that there is more */
		if (want > cap) {
			size_t ncap = cap * 2 > want ? cap * 2 : want;

			if (max_bytes && ncap > max_bytes + 2)
				ncap = max_bytes + 2;
			if (ncap > cap) {
				buf = xrealloc(buf, ncap);
				cap = ncap;
			}
		}
		room = cap - n - 1;
		got = fread(buf + n, 1, room, f);
		n += got;
		if (max_bytes && n > max_bytes) {
			err_setf(e, "cannot read '%s': larger than the limit of %zu bytes",
				 path, max_bytes);
			goto fail;
		}
		if (got == 0) {
			if (ferror(f)) {
				err_setf(e, "cannot read '%s': %s", path,
					 strerror(errno ? errno : EIO));
				goto fail;
			}
			break;
		}
	}
	buf[n] = '\0';
	if (!is_stdin)
		fclose(f);
	*len = n;
	return buf;
fail:
	free(buf);
	if (!is_stdin)
		fclose(f);
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
