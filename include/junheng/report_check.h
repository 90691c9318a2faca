/**
 * @file report_check.h
 * @brief check.xlsx: what `junheng check` found, one row per finding.
 */
#ifndef JUNHENG_REPORT_CHECK_H
#define JUNHENG_REPORT_CHECK_H

#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The findings of one checked file (borrowed). */
typedef struct jh_report_check_part {
    const char *file;         /**< the file checked */
    const jh_diags *errors;   /**< problems that stop a run */
    const jh_diags *warnings; /**< implausible values, notes */
} jh_report_check_part;

/**
 * Write check.xlsx to @p path: one sheet (检查结果, or "findings" in
 * English) with one row per finding of @p parts, errors first within each
 * file: 序号, 文件, 工作表, 行, 单元格, 列, 级别 (错误/警告), 说明 (the
 * message in @p lang, Chinese when there is a Chinese text); a file
 * without findings gets one row saying so.  @p created (Unix seconds)
 * fixes the document time so the same findings give the same bytes.
 *
 * @return JH_OK, or JH_ERR_OUTPUT / JH_ERR_NOMEM in @p err; nothing is
 *         left at @p path on failure but what libxlsxwriter wrote
 */
jh_status jh_report_check_workbook(const char *path,
                                   const jh_report_check_part *parts,
                                   size_t nparts, jh_lang lang,
                                   long long created, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
