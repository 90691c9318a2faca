/*
 * junheng - exporters of a rectification plan: text, JSON and plan.xlsx.
 *
 * Each takes the report context of the analysis the plan was made for
 * (ctx->analysis == plan->before) for the county name, language and
 * document time.  The JSON keys are listed in docs/plan.md.
 */
#ifndef JUNHENG_REPORT_PLAN_H
#define JUNHENG_REPORT_PLAN_H

#include <stdio.h>

#include "junheng/error.h"
#include "junheng/plan.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write the readable plan: per school section its shortfalls and what the
 * per-school rule requires, the CV fixes with their level t and the
 * schools raised, what each school adds and costs, and the projected
 * figures before and after.  Returns JH_ERR_IO when writing fails.
 */
jh_status jh_report_plan_text(FILE *out, const jh_report_context *ctx,
                              const jh_plan *plan);

/** Write the plan as JSON (stable keys, full-precision numbers). */
jh_status jh_report_plan_json(FILE *out, const jh_report_context *ctx,
                              const jh_plan *plan, jh_error *err);

/**
 * Write plan.xlsx to @p path: sheets of per-school fixes with costs, CV
 * fixes with their level t, what each school adds (with live SUM
 * formulas), and the values, CVs and verdicts before and after.
 */
jh_status jh_report_plan_workbook(const char *path,
                                  const jh_report_context *ctx,
                                  const jh_plan *plan, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
