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

/**
 * Render the plan's charts into @p dir (plots/plan_bars.gp, plan_cv.gp):
 * per level and indicator whose CV the plan fixes or whose values it
 * raises, every section's value before and after, sorted by the value
 * before, with the threshold and both county means
 * ("<level>-<indicator>.png"); per level the CVs before and after against
 * the limit ("<level>-cv.png"); each also as PDF when opts->pdf.  Uses the
 * plan's projection only.  Errors as jh_report_charts(): JH_ERR_NOTFOUND
 * when gnuplot cannot be run, JH_ERR_OUTPUT when it fails.
 */
jh_status jh_report_plan_charts(const char *dir, const jh_report_context *ctx,
                                const jh_plan *plan,
                                const jh_chart_options *opts, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
