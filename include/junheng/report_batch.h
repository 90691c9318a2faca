/*
 * junheng - exporters for a batch of counties: summary.json,
 * summary.xlsx, a text table, and charts (the distribution of every
 * county's CVs per indicator; one county's CVs across the years).
 *
 * Like the single-county exporters they read the batch and never change
 * it, write only where they are told, and never print.
 */
#ifndef JUNHENG_REPORT_BATCH_H
#define JUNHENG_REPORT_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "junheng/batch.h"
#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What the batch exporters need besides the batch. */
typedef struct jh_batch_report_context {
    const jh_batch *batch;
    jh_lang lang;
    const char *version; /**< junheng version string */
    long long created;   /**< document time (Unix seconds), fixed */
    /** Per-county reports are written: name each county's folder. */
    bool per_county;
} jh_batch_report_context;

/**
 * Display columns of the UTF-8 text @p s in a terminal's table: an ASCII
 * character counts one, a character of three or four bytes (CJK) two.
 */
size_t jh_report_batch_columns(const char *s);

/** Write @p s, then spaces up to @p cols display columns
 * (jh_report_batch_columns()); nothing more when it is that wide already. */
void jh_report_batch_pad(FILE *out, const char *s, size_t cols);

/** The ranking rule in words (for outputs and help), in a language. */
const char *jh_batch_rank_rule(jh_lang lang);

/**
 * Write summary.json: per county-year and level every indicator's mean,
 * SD and CV (full precision, 17 digits; null when undefined), verdicts,
 * schools failing and rank; the failing county-years and why; warnings.
 * Keys are stable (see README).  Errors: JH_ERR_NOMEM, JH_ERR_IO.
 */
jh_status jh_report_batch_json(FILE *out, const jh_batch_report_context *ctx,
                               jh_error *err);

/**
 * Write summary.xlsx to @p path: a sheet with one row per county, year
 * and level (means, CVs with the ones over the limit in red, verdicts,
 * rank), a sheet of the failing county-years and why, and the warnings.
 * Same input, same bytes.  Errors: JH_ERR_OUTPUT (file removed).
 */
jh_status jh_report_batch_workbook(const char *path,
                                   const jh_batch_report_context *ctx,
                                   jh_error *err);

/** Write a readable table: one line per county, year and level. */
jh_status jh_report_batch_text(FILE *out, const jh_batch_report_context *ctx);

/**
 * Render into @p dir, for each level (and year), the CVs of every county
 * per indicator as a box plot with every county drawn as a point and the
 * limit as a line: "cv-<level>.png" (with years "cv-<level>-<year>.png"),
 * and PDF when opts->pdf.  One gnuplot process.  Errors as
 * jh_report_charts().
 */
jh_status jh_report_batch_charts(const char *dir,
                                 const jh_batch_report_context *ctx,
                                 const jh_chart_options *opts, jh_error *err);

/**
 * Render into @p dir the CVs of county @p county across its years, one
 * chart per level ("trend-<level>.png", and PDF when opts->pdf), each
 * indicator a line, with the limit.  One gnuplot process for the county.
 * Does nothing (JH_OK) when the county has fewer than two years.
 */
jh_status jh_report_trend_charts(const char *dir,
                                 const jh_batch_report_context *ctx,
                                 size_t county, const jh_chart_options *opts,
                                 jh_error *err);

/** One year of one indicator in a county's trend, and its change from
 * the county's year before (jh_report_trend_steps()). */
typedef struct jh_trend_step {
    size_t group; /**< the county-year (index into batch->groups) */
    int year;
    bool cv_defined; /**< cv is a number */
    double cv;       /**< NAN when undefined */
    double mean;
    bool first;       /**< the first year: no change */
    bool dcv_defined; /**< both CVs defined */
    double dcv;       /**< cv - cv of the year before, full precision */
    double dmean;     /**< mean - mean of the year before */
    /** -1 down, 0 same, +1 up, as the change prints (3 decimals for a
     * CV, 2 for a mean: "+0.000" is the same) */
    int cv_dir, mean_dir;
} jh_trend_step;

/**
 * The years of county @p county for level @p level and indicator @p ind:
 * one step per county-year where the level is present, in year order,
 * into @p out (room for batch->ngroups).  Returns the number of steps.
 */
size_t jh_report_trend_steps(const jh_batch *batch, size_t county,
                             jh_level level, size_t ind, jh_trend_step *out);

/** The word for a direction (-1, 0, +1): 下降/持平/上升 (down/same/up),
 * or with @p gap, for a CV, what it means (差距缩小, gap narrower...). */
const char *jh_report_trend_word(int dir, bool gap, jh_lang lang);

/**
 * Write the year-on-year change table of county @p county: per level and
 * indicator, each year's CV and mean and the change from the year before,
 * with its direction.  Numbers rounded as the trend table prints them.
 */
jh_status jh_report_trend_changes_text(FILE *out,
                                       const jh_batch_report_context *ctx,
                                       size_t county);

/**
 * Write trend.xlsx for county @p county to @p path: a sheet of the CVs per
 * year and level (over the limit in red) and the year-on-year change
 * sheet (CV, mean, change and direction per level, indicator and year;
 * numbers at full precision, shown rounded).  Same input, same bytes.
 * Errors: JH_ERR_OUTPUT (file removed).
 */
jh_status jh_report_trend_workbook(const char *path,
                                   const jh_batch_report_context *ctx,
                                   size_t county, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
