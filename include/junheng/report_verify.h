/*
 * junheng - exporters of a verification: text, JSON and verify.xlsx.
 *
 * The context is that of the analysis the claims were checked against.
 * The JSON keys are listed in docs/claims.md.
 */
#ifndef JUNHENG_REPORT_VERIFY_H
#define JUNHENG_REPORT_VERIFY_H

#include <stdio.h>

#include "junheng/error.h"
#include "junheng/report.h"
#include "junheng/verify.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write the findings as text: one line per claim that differs (where it
 * is, claimed, recomputed, difference, likely causes) and per school left
 * out or unknown; a closing line when every claim holds.
 */
jh_status jh_report_verify_text(FILE *out, const jh_report_context *ctx,
                                const jh_verify_result *result);

/** Write the findings as JSON (stable keys, see docs/claims.md). */
jh_status jh_report_verify_json(FILE *out, const jh_report_context *ctx,
                                const jh_verify_result *result, jh_error *err);

/** Write verify.xlsx: one sheet with a row per finding. */
jh_status jh_report_verify_workbook(const char *path,
                                    const jh_report_context *ctx,
                                    const jh_verify_result *result,
                                    jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
