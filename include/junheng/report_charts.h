/*
 * junheng - the charts of an analysis, drawn by gnuplot
 * (report_charts.c).
 */
#ifndef JUNHENG_REPORT_CHARTS_H
#define JUNHENG_REPORT_CHARTS_H

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Render every chart into @p dir: per level and indicator a sorted bar
 * chart ("<level>-<indicator>.png"), per level the CVs against the limit
 * ("<level>-cv.png"), each also as PDF.  gnuplot is spawned without a shell;
 * names from the input reach it only through data files.  Returns
 * JH_ERR_NOTFOUND when gnuplot cannot be run, JH_ERR_OUTPUT when it fails.
 */
jh_status jh_report_charts(const char *dir, const jh_report_context *ctx,
                           const jh_chart_options *opts, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
