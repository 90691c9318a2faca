/* junheng - the one JSON toolkit of the reports (library-internal): how a
 * number, a missing value and a whole document are written, so that every
 * JSON output (analyze, plan, verify, evaluate, batch) spells them alike. */
#ifndef JUNHENG_JSON_OUT_H
#define JUNHENG_JSON_OUT_H

#include <jansson.h>
#include <stdio.h>

#include "junheng/error.h"

/** A real number at full precision; null when @p v is NaN or infinite. */
json_t *jh__json_num(double v);

/**
 * A count: an integer when @p v is whole (and below 9e15, where a double
 * still holds every integer), else as jh__json_num().  Students, classes
 * and additions are counted this way so that 1200 prints as 1200, not
 * 1200.0.
 */
json_t *jh__json_count(double v);

/** A string, or null when @p s is NULL. */
json_t *jh__json_str(const char *s);

/**
 * Write @p root to @p out, indented by 2, reals at 17 significant digits,
 * followed by a newline; then release @p root (the caller's reference).
 * Returns JH_ERR_NOMEM when @p root is NULL (a builder ran out of memory),
 * JH_ERR_IO when writing fails.
 */
jh_status jh__json_write(FILE *out, json_t *root, jh_error *err);

#endif
