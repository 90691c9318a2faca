/* junheng - the school-level government-guarantee checks in JSON, text and
 * a workbook sheet (library-internal; see guarantee.h for the checks). */
#ifndef JUNHENG_REPORT_GUARANTEE_H
#define JUNHENG_REPORT_GUARANTEE_H

#include <jansson.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "junheng/guarantee.h"
#include "junheng/report.h"

/**
 * The "guarantee" object of analyze's JSON (keys in README.md), or NULL
 * when out of memory.  The caller owns the reference.
 */
json_t *jh__guarantee_json(const jh_report_context *ctx, const jh_guarantee *g);

/**
 * The short text section: schools checked and passing, each check's
 * counts, and one line per failing or missing check of a school.  One line
 * only when the file has no guarantee column.
 */
void jh__guarantee_text(FILE *out, const jh_report_context *ctx,
                        const jh_guarantee *g);

/**
 * Add the sheet 学校办学条件 / School conditions to the open workbook
 * @p wb: one row per school checked with its figures (failing cells red,
 * figures not given amber, rooms needed and shares as live formulas), the
 * counts of each check and the schools not checked.  The caller still owns
 * and closes @p wb.  Errors: JH_ERR_OUTPUT (a sheet of that name exists, or
 * a write failed).
 */
jh_status jh__guarantee_sheet(lxw_workbook *wb, const jh_report_context *ctx,
                              const jh_guarantee *g, jh_error *err);

/**
 * The rules of @p std's [guarantee] in one sentence (limits and the 2019
 * provisions switched on), into @p buf.  Returns @p buf.
 */
char *jh__guarantee_rules(const jh_standard *std, jh_lang lang, char *buf,
                          size_t size);

#endif
