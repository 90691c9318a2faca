/*
 * junheng - the supplementary diagnostics sheet of a workbook
 * (report_diagnostics.c).
 */
#ifndef JUNHENG_REPORT_DIAGNOSTICS_H
#define JUNHENG_REPORT_DIAGNOSTICS_H

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

struct lxw_workbook;

/**
 * Add a sheet of supplementary diagnostics (补充分析 / Diagnostics) to an
 * open libxlsxwriter workbook @p wb: per level and indicator the Gini,
 * Theil and McLoone indices, weighted median, P5, P95, federal range
 * ratio and the within/between-locality split of CV²; per level and
 * school its share of the squared deviation and the CV without it
 * (see diagnostics.h).  Labelled as not part of the verdict.  The caller
 * still owns and closes @p wb.  Errors: JH_ERR_NOMEM, JH_ERR_OUTPUT (a
 * sheet of that name exists, or a write failed).
 */
jh_status jh_report_diagnostics_sheet(struct lxw_workbook *wb,
                                      const jh_report_context *ctx,
                                      jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
