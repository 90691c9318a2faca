/*
 * junheng - exporters: text summary, JSON, workbook, charts.
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
#include <stdio.h>

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

/** Label of a fixed term in the context's language (see labels.c). */
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

/**
 * Remark for a section as in 表Ⅱ-2: which indicators met the standard and
 * which reached the partial floor, into @p buf.  Returns @p buf.
 */
char *jh_section_remark(const jh_report_context *ctx, size_t section,
                        char *buf, size_t size);

/** Write the readable summary (per level table, failing schools).
 * Returns JH_ERR_ARG when the context lacks the checks, JH_ERR_IO when
 * @p out has an error. */
jh_status jh_report_text(FILE *out, const jh_report_context *ctx,
                         jh_error *err);

/** Write the JSON contract (see README) with full-precision numbers. */
jh_status jh_report_json(FILE *out, const jh_report_context *ctx,
                         jh_error *err);

/** Write the workbook (表Ⅲ, 表Ⅱ-1, 表Ⅱ-2, live CV formulas) to @p path. */
jh_status jh_report_workbook(const char *path, const jh_report_context *ctx,
                             jh_error *err);

/**
 * Print the workbook @p xlsx to a PDF of the same name in folder @p dir
 * (normally the staging folder) with LibreOffice (@p soffice, e.g.
 * "soffice"), using the workbook's print setup.  soffice runs with
 * environment @p envp and TZ=UTC0, its scratch profile inside @p dir
 * (removed afterwards; @p dir may be relative or hold any byte).  The PDF
 * is made byte-reproducible: its creation date becomes @p created (Unix
 * seconds, UTC) and its /ID a digest of its contents.  Returns
 * JH_ERR_NOTFOUND when LibreOffice cannot be run, JH_ERR_OUTPUT when it
 * fails.
 */
jh_status jh_report_pdf(const char *xlsx, const char *dir, const char *soffice,
                        char *const *envp, long long created, jh_error *err);

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

/**
 * Render every chart into @p dir: per level and indicator a sorted bar
 * chart ("<level>-<indicator>.png"), per level the CVs against the limit
 * ("<level>-cv.png"), each also as PDF.  gnuplot is spawned without a shell;
 * names from the input reach it only through data files.  Returns
 * JH_ERR_NOTFOUND when gnuplot cannot be run, JH_ERR_OUTPUT when it fails.
 */
jh_status jh_report_charts(const char *dir, const jh_report_context *ctx,
                           const jh_chart_options *opts, jh_error *err);

struct lxw_workbook;

/**
 * Add a sheet of supplementary diagnostics (补充分析 / Diagnostics) to an
 * open libxlsxwriter workbook @p wb: per level and indicator the Gini,
 * Theil and McLoone indices, weighted median, P5, P95, federal range
 * ratio and the within/between-locality split of CV²; per level and
 * school its share of the squared deviation and the CV without it
 * (see diagnostics.h).  Labelled as not part of the verdict.  The caller
 * still owns and closes @p wb.  Errors: JH_ERR_NOMEM, JH_ERR_OUTPUT (a
 * sheet of that name exists, or a write failed).
 */
jh_status jh_report_diagnostics_sheet(struct lxw_workbook *wb,
                                      const jh_report_context *ctx,
                                      jh_error *err);

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
