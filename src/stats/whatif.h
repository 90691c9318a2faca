/* junheng - what-if copies of a county and small helpers shared by the
 * plan and verify modules (library-internal, not public API). */
#ifndef JUNHENG_WHATIF_H
#define JUNHENG_WHATIF_H

#include <stddef.h>

#include "junheng/error.h"
#include "junheng/school.h"
#include "junheng/table.h"

/**
 * A shallow copy of @p county: a new jh_county and a new array of schools
 * whose numbers may be changed freely; every string is borrowed from
 * @p county, which must outlive the copy.  Returns NULL when out of memory.
 * Free with jh__county_copy_free(), never with jh_county_free().
 */
jh_county *jh__county_copy(const jh_county *county);

/** Free a copy made by jh__county_copy() (tolerates NULL). */
void jh__county_copy_free(jh_county *copy);

#endif
