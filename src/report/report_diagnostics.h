/* junheng - the supplementary diagnostics in analyze's JSON and text
 * (library-internal; the workbook hook is public in
 * junheng/report_diagnostics.h). */
#ifndef JUNHENG_REPORT_DIAGNOSTICS_INTERNAL_H
#define JUNHENG_REPORT_DIAGNOSTICS_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "junheng/diagnostics.h"
#include "junheng/report.h"

/**
 * The top-level "diagnostics" object of analyze's JSON (keys in
 * docs/diagnostics.md), or NULL when out of memory.  The caller owns the
 * reference.
 */
json_t *jh__diagnostics_json(const jh_report_context *ctx,
                             const jh_diagnostics *d);

/**
 * The short supplementary text section: for every CV over its limit, the
 * three sections with the largest share of its squared deviation, their
 * CV without them, and the locality split.  Prints nothing when every CV
 * is within its limit.
 */
void jh__diagnostics_text(FILE *out, const jh_report_context *ctx,
                          const jh_diagnostics *d);

/**
 * JH_OK when @p ctx carries what the reports read and never compute: the
 * diagnostics of its analysis and, when @p guarantee, the guarantee checks
 * if the standard has them (see jh_report_context); else JH_ERR_ARG in
 * @p err.
 */
jh_status jh__report_checks(const jh_report_context *ctx, bool guarantee,
                            jh_error *err);

/** Up to @p max sections of level @p l with the largest contribution to
 * indicator @p k, into @p top (indices into the level's sections);
 * returns how many. */
size_t jh__diagnostics_top(const jh_diagnostics *d, int l, size_t k,
                           size_t *top, size_t max);

#endif
