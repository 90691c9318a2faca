/*
 * junheng - the one-page chart of a county evaluation, drawn by gnuplot
 * (report_evaluate_chart.c).
 */
#ifndef JUNHENG_REPORT_EVALUATE_CHART_H
#define JUNHENG_REPORT_EVALUATE_CHART_H

#include "junheng/error.h"
#include "junheng/evaluate.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Render the one-page chart for the presentation board into @p dir as
 * board.png (and board.pdf with opts->pdf): the four parts and the veto
 * coloured by verdict, every resource indicator's CV for both levels
 * against its limit, and the items not met or incomplete.  gnuplot runs the
 * template plots/board.gp as jh_report_charts() runs its templates.
 * Returns JH_ERR_NOTFOUND when gnuplot cannot be run, JH_ERR_OUTPUT when
 * it fails.
 */
jh_status jh_report_evaluation_board(const char *dir,
                                     const jh_report_context *ctx,
                                     const jh_evaluation *ev,
                                     const jh_chart_options *opts,
                                     jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
