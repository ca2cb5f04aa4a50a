/*
 * err: fixed-size error messages (see err.h).
 */
#include "err.h"

#include <stdio.h>
#include <string.h>

void err_clear(struct err *e)
{
	if (e) {
		e->set = 0;
		e->msg[0] = '\0';
	}
}

int err_vsetf(struct err *e, const char *fmt, va_list ap)
{
	if (e) {
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		e->set = 1;
	}
	return -1;
}

int err_setf(struct err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vsetf(e, fmt, ap);
	va_end(ap);
	return -1;
}

int err_prefixf(struct err *e, const char *fmt, ...)
{
	char prefix[ERR_MSG_MAX];
	size_t plen, olen;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	/* "<prefix>: <old>", truncated to the buffer: messages are for people */
	plen = strlen(prefix);
	if (plen > sizeof(e->msg) - 3)
		plen = sizeof(e->msg) - 3;
	olen = strlen(e->msg);
	if (plen + 2 + olen > sizeof(e->msg) - 1)
		olen = sizeof(e->msg) - 1 - plen - 2;
	memmove(e->msg + plen + 2, e->msg, olen);
	memcpy(e->msg, prefix, plen);
	e->msg[plen] = ':';
	e->msg[plen + 1] = ' ';
	e->msg[plen + 2 + olen] = '\0';
	e->set = 1;
	return -1;
}
