/* junheng - the evaluation's own workbook sheets (library-internal):
 * 总评, 表Ⅰ, 表Ⅳ, 表Ⅴ and 表Ⅵ, around which jh_report_evaluation_workbook()
 * puts analyze's sheets. */
#ifndef JUNHENG_EVALUATE_SHEETS_H
#define JUNHENG_EVALUATE_SHEETS_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "junheng/evaluate.h"
#include "junheng/report.h"
#include "sheet.h"

/* Formats of the evaluation sheets beyond the shared ones. */
typedef struct jh__ev_formats {
    lxw_format *center;
    lxw_format *pass;       /* verdict met */
    lxw_format *fail;       /* verdict not met: red */
    lxw_format *incomplete; /* amber */
    lxw_format *big;        /* the county's verdict */
} jh__ev_formats;

/* A format of the evaluation sheets: fill and font colour (0 for none). */
lxw_format *jh__ev_format(jh__book *b, lxw_color_t fill, lxw_color_t font,
                          bool bold);

/* 总评: the verdict, every item, what must change. */
void jh__ev_overview_sheet(jh__book *b, lxw_worksheet *ws,
                           const jh_report_context *ctx,
                           const jh_evaluation *ev, const jh__ev_formats *ef);

/* 表Ⅰ: the county's schools: the school table's figures where it has them,
 * else the facts file's; the stated count beside the school data's. */
void jh__ev_table1_sheet(jh__book *b, lxw_worksheet *ws,
                         const jh_report_context *ctx, const jh_evaluation *ev,
                         const jh__ev_formats *ef);

/* 表Ⅳ and 表Ⅴ: 序号 | 名称 | 指标值或简要结论 | 是否达标; a long
 * conclusion goes on in the rows below. */
void jh__ev_items_sheet(jh__book *b, lxw_worksheet *ws,
                        const jh_report_context *ctx, const jh_evaluation *ev,
                        jh_part part, const char *title,
                        const jh__ev_formats *ef);

/* 表Ⅵ: the survey, with the shares as live formulas. */
void jh__ev_table6_sheet(jh__book *b, lxw_worksheet *ws,
                         const jh_report_context *ctx, const jh_evaluation *ev,
                         const jh__ev_formats *ef);

#endif
