/*
 * junheng - the analyze task: one county's school file in, one results
 * object out.
 *
 * The task composes the pipeline every front end used to assemble itself:
 * import the schools, build the sections under the standard (the split and
 * the exclusions), analyze them (indicator values, weighted CVs, the
 * per-school rule and the verdicts), then run the checks that follow an
 * analysis, each once: the school-level government-guarantee checks (when
 * the standard has a [guarantee] section) and the supplementary
 * diagnostics.  Reports read the results and compute nothing.
 */
#ifndef JUNHENG_ANALYZE_H
#define JUNHENG_ANALYZE_H

#include "junheng/analysis.h"
#include "junheng/diag.h"
#include "junheng/diagnostics.h"
#include "junheng/error.h"
#include "junheng/guarantee.h"
#include "junheng/import.h"
#include "junheng/model.h"
#include "junheng/school.h"
#include "junheng/standard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Everything one analysis of a county produced.  Free with
 * jh_analyze_free(); every pointer below is owned by the result except
 * the standard. */
typedef struct jh_analyze_result {
    const jh_standard *standard; /**< borrowed: outlives the result */
    jh_county *county;           /**< the schools as read */
    jh_model *model;             /**< sections and exclusions */
    jh_analysis *analysis;       /**< indicator statistics and verdicts */
    /** School-level guarantee checks: NULL before jh_analyze_checks() and
     * when the standard has no [guarantee] section. */
    jh_guarantee *guarantee;
    /** Supplementary diagnostics: NULL before jh_analyze_checks(). */
    jh_diagnostics *diagnostics;
    jh_diags warnings; /**< reading, model and analysis warnings */
} jh_analyze_result;

/**
 * Read @p path (options @p fopts, may be NULL) and analyze it under @p std:
 * import, model, analysis; no checks (jh_analyze_checks() adds them).
 *
 * @param out  receives a new result the caller frees with jh_analyze_free(),
 *             also on failure (then it holds the warnings gathered before
 *             the error, for the caller to show); NULL only when even that
 *             could not be allocated
 * @return JH_OK, or the error of the reader, the model or the analysis,
 *         with its location in @p err
 */
jh_status jh_analyze_load(jh_analyze_result **out, const char *path,
                          const jh_file_options *fopts, const jh_standard *std,
                          jh_error *err);

/**
 * Run the checks that follow the analysis of @p r, each once: the
 * guarantee checks (only when the standard has them) and the diagnostics.
 * Checks already in @p r are not run again.  On failure @p r keeps what
 * was computed before.
 *
 * @return JH_OK, JH_ERR_NOMEM, JH_ERR_ARG (no analysis), or the
 *         diagnostics' JH_ERR_INTERNAL
 */
jh_status jh_analyze_checks(jh_analyze_result *r, jh_error *err);

/** jh_analyze_load() then jh_analyze_checks(): what `junheng analyze`
 * reports.  *out as in jh_analyze_load(). */
jh_status jh_analyze_run(jh_analyze_result **out, const char *path,
                         const jh_file_options *fopts, const jh_standard *std,
                         jh_error *err);

/**
 * The checks of an analysis made elsewhere (a batch unit, an evaluation):
 * the guarantee checks into *@p guarantee when @p guarantee is not NULL
 * (NULL when the standard has none), the diagnostics into *@p diagnostics.
 * Both results borrow @p analysis; the caller frees them with
 * jh_guarantee_free() and jh_diagnostics_free(), also on failure.
 */
jh_status jh_analyze_checks_of(jh_guarantee **guarantee,
                               jh_diagnostics **diagnostics,
                               const jh_analysis *analysis, jh_error *err);

/** Free a result and everything it owns (tolerates NULL). */
void jh_analyze_free(jh_analyze_result *r);

#ifdef __cplusplus
}
#endif

#endif
