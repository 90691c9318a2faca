/*
 * junheng - an analysis as JSON, the contract of README.md
 * (report_json.c).
 */
#ifndef JUNHENG_REPORT_JSON_H
#define JUNHENG_REPORT_JSON_H

#include <stdio.h>

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Write the JSON contract (see README) with full-precision numbers. */
jh_status jh_report_json(FILE *out, const jh_report_context *ctx,
                         jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
