/*
 * sniff: what a buffer of outside bytes looks like, from its first bytes.
 *
 * Every command that reads profiles, dumps or recordings asks this one
 * place, so that a wrong input gets the same words everywhere: "an HTML
 * page, expected a pprof profile" rather than the error of whichever
 * decoder happened to be tried first ("invalid wire type 4 at byte 0").
 * The guess is made from magic numbers and from the share of text bytes in
 * the first SNIFF_WINDOW bytes, so a text dump with a few NUL bytes is
 * still text (it is not protobuf).  Pure function of the bytes: no
 * allocation, no I/O.
 */
#ifndef BASE_SNIFF_H
#define BASE_SNIFF_H

#include <stddef.h>

#define SNIFF_WINDOW 4096

enum sniff_kind {
	SNIFF_EMPTY,            /* no bytes, or only white space */
	SNIFF_GZIP,
	SNIFF_ZSTD, SNIFF_BZIP2, SNIFF_XZ, SNIFF_ZIP,
	SNIFF_SQLITE,
	SNIFF_ELF,
	SNIFF_HTML,
	SNIFF_XML,
	SNIFF_JSON,
	SNIFF_GOROUTINE_DUMP,   /* a traceback: "goroutine N [state]:" */
	SNIFF_GOROUTINE_TEXT,   /* "goroutine profile: total N" (debug=1) */
	SNIFF_PPROF_TEXT,       /* legacy text profile ("heap profile: ...") */
	SNIFF_PROTOBUF,         /* well-formed protobuf fields at the start */
	SNIFF_TEXT,             /* other text */
	SNIFF_BINARY,           /* other bytes */
};

struct sniff_info {
	enum sniff_kind kind;
	size_t at;              /* byte offset where the recognised form starts
				 * (after leading white space) */
	size_t nul;             /* NUL bytes seen in the window */
};

/* Classify data[0..len) (only the first bytes are looked at). */
void sniff_bytes(const void *data, size_t len, struct sniff_info *si);

/* "an HTML page", "gzip-compressed data", "a text goroutine dump", ... */
const char *sniff_describe(const struct sniff_info *si);

/* 1 for the kinds that are text (a text reader should get them). */
int sniff_is_text(enum sniff_kind k);

#endif
