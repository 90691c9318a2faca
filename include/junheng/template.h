/*
 * junheng - the input workbook counties fill in.
 *
 * One data sheet with the columns junheng reads (Chinese headers with
 * units, or the English keys), per-section teacher columns so that combined
 * schools can be filled, one realistic example row per school type (marked
 * 示例 in the name; the instructions say to replace them), drop-downs for
 * school type, locality, ownership and 纳入计算 (validated against ranges on
 * a hidden sheet: inline lists of Chinese strings crash libxlsxwriter
 * 1.1.4), number validation with input hints on every count and area
 * column, a frozen header, and an instructions sheet.  The workbook analyzes
 * as it is.  The same options give the same bytes.
 */
#ifndef JUNHENG_TEMPLATE_H
#define JUNHENG_TEMPLATE_H

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Rows (below the header) that carry drop-downs and number checks. */
#define JH_TEMPLATE_ROWS 2000

/** Options for jh_template_write(). */
typedef struct jh_template_options {
    jh_lang lang;      /**< JH_LANG_ZH: Chinese headers; JH_LANG_EN: keys */
    long long created; /**< document time, Unix seconds (fixed for
                            byte-identical output) */
    /** the standard whose columns are marked required (orange headers,
     * 必填 in the 说明 sheet); NULL: the default (quality-2017) */
    const struct jh_standard *std;
} jh_template_options;

/**
 * Write the template to @p path.  The workbook is written under a temporary
 * name next to it and renamed into place, so a failure never leaves a
 * half-written file at @p path.
 *
 * @return JH_OK, JH_ERR_OUTPUT (the message says why), or JH_ERR_NOMEM
 */
jh_status jh_template_write(const char *path, const jh_template_options *opts,
                            jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
