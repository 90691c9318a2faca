/*
 * junheng - the supplementary diagnostics charts
 * (report_diag_charts.c).
 */
#ifndef JUNHENG_REPORT_DIAG_CHARTS_H
#define JUNHENG_REPORT_DIAG_CHARTS_H

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Render the supplementary diagnostics charts (补充分析) into @p dir,
 * from ctx->diagnostics: per level the pupil-weighted Lorenz curves of
 * the indicators with the line of equality and each Gini in the key
 * ("<level>-lorenz.png", plots/lorenz.gp), and per indicator whose CV
 * fails its limit every school's share of the weighted squared deviation,
 * sorted, the largest labelled ("<level>-contribution-<indicator>.png",
 * plots/contrib.gp); each also as PDF when opts->pdf.  Errors as
 * jh_report_charts().
 */
jh_status jh_report_diagnostics_charts(const char *dir,
                                       const jh_report_context *ctx,
                                       const jh_chart_options *opts,
                                       jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
