/*
 * junheng - the charts of a rectification plan, drawn by gnuplot
 * (report_plan_charts.c).
 */
#ifndef JUNHENG_REPORT_PLAN_CHARTS_H
#define JUNHENG_REPORT_PLAN_CHARTS_H

#include "junheng/error.h"
#include "junheng/plan.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

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
