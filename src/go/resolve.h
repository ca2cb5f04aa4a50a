/*
 * resolve: which declaration each identifier of a package refers to.
 *
 * Go has no type checker here (DESIGN.md), so the rules lean on names: is
 * this `time` the imported package or a local variable called time?  Is this
 * `resp` the variable assigned three lines up or a parameter?  resolve
 * answers that exactly, from syntax alone, by walking each function with a
 * stack of lexical scopes the way the Go spec defines them (function block,
 * if/for/switch/select headers and clauses, := redeclaration, type
 * parameters, labels).
 *
 * After go_resolve_package, every struct go_ident in expression position has
 *     decl_kind  one of enum go_decl_kind
 *     decl       the declaring struct go_ident (locals, parameters,
 *                package-level names; a declaring identifier points to
 *                itself), the struct go_import_spec (imports), or NULL
 *                (universe, unresolved)
 * Field and method names after a '.' and struct keys stay GO_DECL_NONE.  A
 * name found nowhere (declared in a file excluded by build tags, or a cgo
 * name) stays GO_DECL_NONE, and rules treat it as unknown.  A name found
 * nowhere in a file with exactly one dot import is taken as a member of
 * that package: decl_kind GO_DECL_IMPORT, decl_flags GO_RESOLVE_DOT.
 *
 * Ownership: resolve allocates nothing that outlives the call except in
 * the arena given (the package table); the files are modified in place.
 */
#ifndef GO_RESOLVE_H
#define GO_RESOLVE_H

#include <stddef.h>
#include "../base/arena.h"
#include "../base/map.h"
#include "ast.h"

/* decl_flags bits */
#define GO_RESOLVE_DOT 1   /* a name brought in by a dot import */
#define GO_RESOLVE_DEF 2   /* this identifier declares the name */

struct go_package {
	struct go_file **files;
	size_t nfiles;
	const char *name;     /* package clause of the first file */
	struct map names;     /* package-level name -> declaring go_ident */
};

/* Resolve every file of one package (files of the same directory and
 * package clause).  pkg->names is filled; release it with
 * go_package_release.  Never fails. */
void go_resolve_package(struct go_package *pkg, struct go_file **files,
			size_t nfiles);
void go_package_release(struct go_package *pkg);

/* The import path of spec without quotes, into buf (size n). */
const char *go_import_path(const struct go_import_spec *spec, char *buf,
			   size_t n);

/* The package an import path stands for, as a suffix of path (or a
 * static string): a vendored copy (vendor/x, a/vendor/x, and godep's
 * a/Godeps/_workspace/src/x) is x, and golang.org/x/net/context is
 * context. */
const char *go_import_canonical(const char *path);

/* Is e (parentheses looked through) the predeclared identifier name (nil,
 * true, panic, len, ...), not a local or package-level one that shadows
 * it? */
int go_is_universe(const struct go_node *e, const char *name);

/* 1 if expression e names member `name` of the package imported as
 * `path` (e.g. path "time", name "After"): either pkg.name where pkg
 * resolves to that import (alias or not), or a bare name from a dot import
 * of it.  The import path is compared canonical (go_import_canonical).
 * Parentheses are looked through. */
int go_is_pkg_member(const struct go_node *e, const char *path,
		     const char *name);

/* The local variable or parameter that expression e names (an identifier,
 * possibly in parentheses), as its declaring identifier; NULL otherwise. */
struct go_ident *go_local_var(const struct go_node *e);

/* Strip parentheses. */
struct go_node *go_unparen(const struct go_node *e);

/* 1 if n (parentheses looked through) is a selector X.name; *x (may be
 * NULL) gets X, parentheses looked through. */
int go_is_selector(const struct go_node *n, const char *name, struct go_node **x);

/* The operand of the receive a select case's comm clause performs
 * (`<-X`, `v := <-X`, `v, ok = <-X`), or NULL when comm is no receive. */
struct go_node *go_comm_recv_operand(const struct go_node *comm);

#endif
