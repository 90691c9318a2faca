/* junheng - analyze's workbook sheets for other workbooks
 * (library-internal): `junheng evaluate` puts 表Ⅲ, 表Ⅱ-1, 表Ⅱ-2, the
 * working sheets and the rest into its own workbook. */
#ifndef JUNHENG_REPORT_WORKBOOK_INTERNAL_H
#define JUNHENG_REPORT_WORKBOOK_INTERNAL_H

#include <xlsxwriter.h>

#include "junheng/report.h"

/** The state of analysis sheets in a workbook; free it after the
 * workbook is closed. */
typedef struct jh__analysis_sheets jh__analysis_sheets;

/**
 * Add every sheet of analyze's workbook (汇总 with 表Ⅲ and 表Ⅱ-1, 表Ⅱ-2 per
 * level, 计算过程 per level, 排除与提示, 学校办学条件, 补充分析) to the
 * open workbook @p wb, after the sheets it already has, exactly as
 * jh_report_workbook() writes them.  The 汇总 sheet becomes the active one.
 * *out receives state the caller frees with jh__workbook_analysis_free()
 * after workbook_close() (also on error).  Errors: JH_ERR_NOMEM,
 * JH_ERR_OUTPUT.
 */
jh_status jh__workbook_add_analysis(jh__analysis_sheets **out, lxw_workbook *wb,
                                    const jh_report_context *ctx,
                                    jh_error *err);

/** Free the state (tolerates NULL). */
void jh__workbook_analysis_free(jh__analysis_sheets *as);

#endif
