/*
 * junheng - the county evaluation (evaluate.h) as text, JSON and a
 * workbook laid out like the national application tables.
 */
#ifndef JUNHENG_REPORT_EVALUATE_H
#define JUNHENG_REPORT_EVALUATE_H

#include <stdio.h>

#include "junheng/evaluate.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write the readable evaluation: the verdict, each part and item with its
 * value, limit and result, what must change, the veto items, the facts
 * not given, stated counts that differ from the school data, and 表Ⅰ.
 * @p ctx describes the analysis (ctx->analysis == ev->analysis).
 */
jh_status jh_report_evaluation_text(FILE *out, const jh_report_context *ctx,
                                    const jh_evaluation *ev);

/** Write the evaluation as JSON (keys in docs/evaluate.md). */
jh_status jh_report_evaluation_json(FILE *out, const jh_report_context *ctx,
                                    const jh_evaluation *ev, jh_error *err);

/**
 * Write the evaluation workbook to @p path: 总评 (verdict, every item with
 * its value, limit, result and what must change, vetoes, facts not given,
 * contradictions), 表Ⅰ, analyze's sheets (汇总 with 表Ⅲ and 表Ⅱ-1,
 * 表Ⅱ-2, 计算过程, 排除与提示, 学校办学条件, 补充分析), 表Ⅳ, 表Ⅴ and 表Ⅵ.
 * The document time is ctx->created.  JH_ERR_OUTPUT when it cannot be
 * written (nothing is left at @p path then).
 */
jh_status jh_report_evaluation_workbook(const char *path,
                                        const jh_report_context *ctx,
                                        const jh_evaluation *ev, jh_error *err);

/**
 * Write the county facts workbook a county fills in for `junheng evaluate`
 * (`junheng template --county`): one row per fact with its part, id,
 * Chinese (or English) name, a blank value cell, a note cell, the limit
 * from @p std's [county] section and how to fill it; 是/否 drop-downs
 * validated against a hidden list (inline lists crash libxlsxwriter
 * 1.1.4); and the counts of 表Ⅰ the county may state.  Read back as it is,
 * every fact is "not given".  @p created is the document time (Unix
 * seconds).  JH_ERR_OUTPUT when it cannot be written (nothing is left at
 * @p path then).
 */
jh_status jh_report_facts_template(const char *path, const jh_standard *std,
                                   jh_lang lang, long long created,
                                   jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
