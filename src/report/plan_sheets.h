/* junheng - the sheets of plan.xlsx (library-internal): 学校整改,
 * 差异系数整改, 经费, 整改前后差异系数, 整改前后指标值. */
#ifndef JUNHENG_PLAN_SHEETS_H
#define JUNHENG_PLAN_SHEETS_H

#include "junheng/plan.h"
#include "junheng/report.h"
#include "sheet.h"

/** Add every sheet of plan.xlsx to the open book @p b, in order; errors
 * are kept in @p b (jh__book_close() reports them). */
void jh__plan_sheets(jh__book *b, const jh_report_context *ctx,
                     const jh_plan *p);

#endif
