/*
 * junheng - a set of charts rendered by gnuplot (library-internal).
 *
 * The bookkeeping shared by the county, plan and diagnostics charts
 * (report_charts.c, report_plan_charts.c, report_diag_charts.c): a scratch
 * folder inside the output folder, the list of charts with the template
 * ("kind") that draws each and its final base name, the data files, the
 * charts shared out between one gnuplot process per core (jh__gp_run,
 * plots/run.gp), the outputs checked (jh__gp_check: exit status,
 * size, PDF date) and renamed into place.  The safety rules are those of
 * SECURITY.md, "How gnuplot is run": every string goes into the data files
 * through jh__gp_put_text(), gnuplot gets only paths and numbers.
 */
#ifndef JUNHENG_CHARTSET_H
#define JUNHENG_CHARTSET_H

#include <stdio.h>

#include "gnuplot.h"
#include "junheng/report.h"

/** Most templates in one set. */
#define JH__CS_MAX_KINDS 8

typedef struct jh__cs_chart {
    size_t kind;   /**< index into the set's kinds */
    size_t number; /**< 1-based within its kind */
    char *final;   /**< final base name ("primary-lorenz") */
} jh__cs_chart;

typedef struct jh__chartset {
    const jh_chart_options *opts;
    long long created; /**< PDF creation date (Unix seconds) */
    const char *kinds[JH__CS_MAX_KINDS]; /**< templates, in order of use */
    size_t nkinds;
    char *dir;     /**< output folder, "/" or "./" prefixed */
    char *scratch; /**< dir/.data-XXXXXX */
    jh__cs_chart *list;
    size_t count;
    size_t per_kind[JH__CS_MAX_KINDS];
} jh__chartset;

/** Start a set writing into @p dir.  Creates the scratch folder. */
jh_status jh__cs_open(jh__chartset *cs, const char *dir,
                      const jh_chart_options *opts, long long created,
                      jh_error *err);

/** Add a chart drawn by template @p kind (a base name in opts->plots_dir,
 * a string that outlives the set) named "<level key>-<part>" (@p part
 * made file-safe); *number receives its number within the kind. */
jh_status jh__cs_add(jh__chartset *cs, const char *kind, const char *level_key,
                     const char *part, size_t *number, jh_error *err);

/** Open the data file "<scratch>/<kind>-<number><suffix>" for writing. */
jh_status jh__cs_data(FILE **out, const jh__chartset *cs, const char *kind,
                      size_t number, const char *suffix, jh_error *err);

/** Close a data file, reporting a write error. */
jh_status jh__cs_close(FILE *f, const jh__chartset *cs, jh_error *err);

/** Write @p n texts with jh__gp_put_text(), a tab between two, then the
 * character @p end ('\t' or '\n'). */
void jh__cs_put_texts(FILE *f, const char *const *texts, size_t n, int end);

/** End a CV chart's meta line: the @p n legend @p labels, each followed by
 * a tab, the limit ("<chart_cv_limit> 0.50", "" without one) and '\n'. */
void jh__cs_cv_legend(FILE *f, jh_lang lang, const char *const *labels,
                      size_t n, double limit, bool has_limit);

/** The widest school name of @p n sections (indices into @p m's
 * sections), clipped to @p max_cols, in display columns. */
size_t jh__cs_name_cols(const jh_model *m, const size_t *sections, size_t n,
                        size_t max_cols);

/** Render every chart (jh__gp_run: one process per core, each with its
 * share), check every output and rename them all into place. */
jh_status jh__cs_render(jh__chartset *cs, jh_error *err);

/** Add the supplementary diagnostics charts of @p ctx (Lorenz curves,
 * contributions; report_diag_charts.c) to @p cs and write their data. */
jh_status jh__diag_charts_add(jh__chartset *cs, const jh_report_context *ctx,
                              jh_error *err);

/** Render the charts of @p ctx into @p dir as one set: the main ones
 * (report_charts.c) when @p main, the supplementary diagnostics when
 * @p diagnostics. */
jh_status jh__charts_render(const char *dir, const jh_report_context *ctx,
                            const jh_chart_options *opts, bool main,
                            bool diagnostics, jh_error *err);

/** Remove the scratch folder and free the set. */
void jh__cs_free(jh__chartset *cs);

#endif
