/*
 * junheng - an analysis as a workbook, report.xlsx (report_workbook.c).
 */
#ifndef JUNHENG_REPORT_WORKBOOK_H
#define JUNHENG_REPORT_WORKBOOK_H

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Write the workbook (表Ⅲ, 表Ⅱ-1, 表Ⅱ-2, live CV formulas) to @p path. */
jh_status jh_report_workbook(const char *path, const jh_report_context *ctx,
                             jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
