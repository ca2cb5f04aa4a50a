/*
 * jsonout: jansson values into a string builder.
 *
 * Ownership: the json_t values passed in are borrowed (the caller keeps its
 * references); jsonout_str returns a new reference the caller owns.
 */
#ifndef BASE_JSONOUT_H
#define BASE_JSONOUT_H

#include <jansson.h>
#include "sb.h"

/* A new JSON string of s (NULL: ""); bytes that are not UTF-8 become
 * U+FFFD, so the result is never NULL. */
json_t *jsonout_str(const char *s);
/* Append v (any JSON value) to out in jansson's compact form, object
 * members in insertion order, reals to 15 significant digits. */
void jsonout_add(struct sb *out, const json_t *v);
/* Append the members of the object obj as ,"key":value for each, in
 * insertion order (report_write_json's extra). */
void jsonout_add_members(struct sb *out, const json_t *obj);

#endif
