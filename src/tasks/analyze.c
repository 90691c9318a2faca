/*
 * junheng - the analyze task (analyze.h): import, model, analysis, then
 * the guarantee checks and the diagnostics, each run once, into one
 * results object that every report reads.
 */
#include <stdlib.h>

#include "junheng/analyze.h"

jh_status
jh_analyze_load(jh_analyze_result **out, const char *path,
                const jh_file_options *fopts, const jh_standard *std,
                jh_error *err)
{
    jh_file_options none = {0};
    jh_analyze_result *r = calloc(1, sizeof(*r));
    jh_status st;

    *out = r;
    if (r == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    r->standard = std;
    r->warnings = (jh_diags)JH_DIAGS_INIT;
    st = jh_import_county(&r->county, path, fopts != NULL ? fopts : &none,
                          &r->warnings, err);
    if (st == JH_OK)
        st = jh_model_build(&r->model, r->county, std, &r->warnings, err);
    if (st == JH_OK)
        st = jh_analysis_run(&r->analysis, r->model, &r->warnings, err);
    return st;
}

jh_status
jh_analyze_checks_of(jh_guarantee **guarantee, jh_diagnostics **diagnostics,
                     const jh_analysis *a, jh_error *err)
{
    jh_status st = JH_OK;

    if (guarantee != NULL)
        *guarantee = NULL;
    *diagnostics = NULL;
    if (a == NULL || a->model == NULL || a->standard == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "检查需要先完成分析",
                             "the checks need an analysis");
    /* Without warnings, as every report ran them: the evaluation's own
     * run reports the one warning they have (more certified than
     * full-time teachers). */
    if (guarantee != NULL && a->standard->guarantee.defined)
        st = jh_guarantee_run(guarantee, a->model->county, a->standard, NULL,
                              err);
    if (st == JH_OK)
        st = jh_diagnostics_run(diagnostics, a, err);
    return st;
}

jh_status
jh_analyze_checks(jh_analyze_result *r, jh_error *err)
{
    jh_guarantee *g = NULL;
    jh_diagnostics *d = NULL;
    jh_status st;

    if (r == NULL || r->analysis == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "检查需要先完成分析",
                             "the checks need an analysis");
    if (r->diagnostics != NULL)
        return JH_OK;
    st = jh_analyze_checks_of(&g, &d, r->analysis, err);
    if (st != JH_OK) {
        jh_guarantee_free(g);
        jh_diagnostics_free(d);
        return st;
    }
    r->guarantee = g;
    r->diagnostics = d;
    return JH_OK;
}

jh_status
jh_analyze_run(jh_analyze_result **out, const char *path,
               const jh_file_options *fopts, const jh_standard *std,
               jh_error *err)
{
    jh_status st = jh_analyze_load(out, path, fopts, std, err);

    return st == JH_OK ? jh_analyze_checks(*out, err) : st;
}

void
jh_analyze_free(jh_analyze_result *r)
{
    if (r == NULL)
        return;
    jh_diagnostics_free(r->diagnostics);
    jh_guarantee_free(r->guarantee);
    jh_analysis_free(r->analysis);
    jh_model_free(r->model);
    jh_county_free(r->county);
    jh_diags_release(&r->warnings);
    free(r);
}
