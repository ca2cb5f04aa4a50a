/*
 * parse: the recursive-descent Go parser, producing the tree of ast.h.
 *
 * It accepts exactly what go/parser (mode ParseComments) accepts -- that is
 * checked file by file on Go's standard library by tests/goparse -- and
 * builds the same tree, positions included.  The first syntax error stops
 * the parse: the file is rejected as a whole (no partial tree), because
 * rules working on a half-parsed file produce noise.  Nesting depth is
 * bounded as go/parser bounds it (GO_PARSE_MAX_NEST); memory is
 * proportional to the input.
 */
#ifndef GO_PARSE_H
#define GO_PARSE_H

#include <stddef.h>
#include "../base/arena.h"
#include "../base/err.h"
#include "ast.h"

/* The limit on nesting, reported as "exceeded max nesting depth": go/parser's
 * maxNestLev, on a counter kept as go/parser keeps it (one per level of
 * expression, type, literal and statement nesting, and one per operand of a
 * binary or selector chain while it is parsed), so that leakhound accepts
 * and rejects the same files.  Chains are parsed in a loop, not by
 * recursion; real nesting recurses, and the parse and the walks of its
 * tree run on a stack sized for this bound (base/stack.h). */
#define GO_PARSE_MAX_NEST 100000

/* Parse one Go source file.  path is used in messages and copied into the
 * arena; src[0..len) must stay valid as long as the tree is used (nodes
 * keep offsets into it and f->src points at it).  Everything allocated
 * (the tree, strings, the line table) belongs to arena `a`.
 * On a syntax error returns NULL and fills e with
 *     PATH:LINE:COL: syntax error: MESSAGE
 * (e.g. "a.go:3:9: syntax error: expected ';', found 'EOF'"). */
struct go_file *go_parse_file(struct arena *a, const char *path,
			      const char *src, size_t len, struct err *e);

/* Append the canonical text form of f (see docs/front-end.md) to out;
 * tests/goparse/oracle prints go/ast in the same form. */
struct sb;
void go_dump_file(struct sb *out, const struct go_file *f);

#endif
