/*
 * junheng - what every exporter of an analysis takes (jh_report_context)
 * and the fixed user-facing terms in its language (the labels of
 * report.c).  Each exporter has a header of its own: report_text.h,
 * report_json.h, report_workbook.h, report_pdf.h, report_charts.h,
 * report_diagnostics.h, report_diag_charts.h.  The options of every chart
 * exporter (jh_chart_options) are here too.
 *
 * Exporters read an analysis and the results computed from it (the
 * analyze task, analyze.h) and never change or recompute them: they call
 * nothing that computes.  Files are written into a
 * staging folder (jh_outdir) and moved into place only when every output is
 * complete, so a failed or interrupted run leaves earlier reports intact.
 */
#ifndef JUNHENG_REPORT_H
#define JUNHENG_REPORT_H

#include <stdbool.h>

#include "junheng/analysis.h"
#include "junheng/diag.h"
#include "junheng/diagnostics.h"
#include "junheng/error.h"
#include "junheng/guarantee.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Language of labels in workbooks, charts and text. */
typedef enum jh_lang {
    JH_LANG_ZH = 0, /**< Chinese, the default */
    JH_LANG_EN
} jh_lang;

/** What every exporter needs: the results to report and how. */
typedef struct jh_report_context {
    const jh_analysis *analysis;
    const jh_diags *warnings;
    jh_lang lang;
    const char *county_name; /**< shown in titles; never NULL */
    const char *version;     /**< junheng version string */
    long long created;       /**< document time (Unix seconds), fixed */
    /** The school-level guarantee checks of the analysis's county
     * (jh_analyze_checks()); NULL only when the standard has no
     * [guarantee] section.  Text, JSON and workbook fail with JH_ERR_ARG
     * when the standard has the section and this is NULL. */
    const jh_guarantee *guarantee;
    /** The supplementary diagnostics of the analysis (jh_analyze_checks());
     * text, JSON, workbook, the diagnostics sheet and charts fail with
     * JH_ERR_ARG without them. */
    const jh_diagnostics *diagnostics;
} jh_report_context;

/** Label of a fixed term in the context's language (see report.c). */
const char *jh_label(jh_lang lang, const char *key);

/** The county's verdict in words, in the terms of its standard. */
const char *jh_county_verdict(jh_lang lang, const jh_standard *std,
                              bool pass);

/** Indicator name in a language. */
const char *jh_indicator_name(const jh_indicator *ind, jh_lang lang);

/** Short indicator name in a language. */
const char *jh_indicator_short(const jh_indicator *ind, jh_lang lang);

/** Level name in a language ("小学" / "Primary"). */
const char *jh_level_name(jh_level level, jh_lang lang);

/** Exclusion reason in a language. */
const char *jh_exclusion_name(jh_exclusion_reason reason, jh_lang lang);

/** Options for chart rendering. */
typedef struct jh_chart_options {
    const char *gnuplot;   /**< program to run ("gnuplot") */
    const char *plots_dir; /**< folder with the .gp templates */
    bool pdf;              /**< also write PDF */
    /** Environment handed to gnuplot (LC_NUMERIC is forced to C); NULL
     * for an empty one.  The library never reads the process environment
     * itself: the caller passes it. */
    char *const *envp;
    /** Seconds gnuplot may take before it is killed; 0 for 300. */
    int timeout_seconds;
    /** gnuplot processes one call may run at once, each rendering an
     * equal share of the charts; 0 for the number of online cores. */
    int processes;
    /** jh_report_charts() also renders the supplementary diagnostics
     * charts (jh_report_diagnostics_charts()) in the same processes. */
    bool diagnostics;
} jh_chart_options;

#ifdef __cplusplus
}
#endif

#endif
