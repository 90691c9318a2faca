/* junheng - indicators, weighted CVs (GSL) and verdicts. */
#include "junheng/analysis.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "school_names.h"
#include "util.h"

/*
 * Magnitudes beyond which the values are rescaled before GSL sees them.
 * GSL returns the variance as a double: values of 1e-300 have squared
 * deviations of 1e-600, which become 0 (a false CV of 0), and values of
 * 1e+300 overflow to infinity.  Inside this band nothing is rescaled, so
 * the figures of real data are bit for bit what GSL gives.
 */
#define JH__SCALE_LOW 0x1p-200
#define JH__SCALE_HIGH 0x1p+200

jh_status
jh_wstats_compute(jh_wstats *out, const double *x, const double *w, size_t n,
                  jh_error *err)
{
    double total = 0.0, var, max = 0.0, mean, sd;
    double *scaled = NULL;
    const double *v = x;
    int e = 0;

    out->total_weight = 0.0;
    out->mean = out->sd = out->cv = NAN;
    if (n == 0)
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0, "没有可统计的数值",
                             "no values to summarise");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(w[i]) || w[i] < 0 || x[i] < 0)
            return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                                 "第%zu个数值（%g，权重%g）为负数或不是有限数",
                                 "value %zu (%g, weight %g) is negative or "
                                 "not finite",
                                 i + 1, x[i], w[i]);
        total += w[i];
        if (w[i] > 0 && x[i] > max)
            max = x[i];
    }
    out->total_weight = total;
    if (total <= 0)
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                             "权重（在校生数）合计为0", "total weight is 0");
    /*
     * Tiny or huge values: divide every value by a power of two near the
     * largest, 2^e.  That division is exact, so the mean and deviation of
     * the scaled values are exactly those of the values over 2^e, and the
     * CV (their ratio) is the same number, computed where neither the
     * squares underflow nor overflow.
     */
    if (max > 0 && (max < JH__SCALE_LOW || max > JH__SCALE_HIGH)) {
        scaled = malloc(n * sizeof(*scaled));
        if (scaled == NULL)
            return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                 "out of memory");
        (void)frexp(max, &e);
        for (size_t i = 0; i < n; i++)
            scaled[i] = ldexp(x[i], -e);
        v = scaled;
    }
    /* Population form: Σw(x − mean)² / Σw.  gsl_stats_wvariance would
     * multiply by (Σw)² / ((Σw)² − Σw²), the reliability-weights bias
     * correction, which is wrong for enrollment weights. */
    mean = gsl_stats_wmean(w, 1, v, 1, n);
    var = gsl_stats_wvariance_with_fixed_mean(w, 1, v, 1, n, mean);
    sd = sqrt(var);
    free(scaled);
    out->mean = ldexp(mean, e);
    out->sd = ldexp(sd, e);
    if (!isfinite(mean) || !isfinite(sd) || !isfinite(out->mean) ||
        !isfinite(out->sd))
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                             "加权平均值或标准差不是有限数",
                             "weighted mean or deviation is not finite");
    if (mean == 0.0)
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                             "加权平均值为0，差异系数无法计算",
                             "weighted mean is 0, so the difference "
                             "coefficient is undefined");
    out->cv = sd / mean;
    return JH_OK;
}

void
jh_analysis_free(jh_analysis *a)
{
    if (a == NULL)
        return;
    for (int l = 0; l < JH_LEVEL_COUNT; l++)
        free(a->levels[l].sections);
    free(a->results);
    free(a);
}

/* Verdict within a limit, with room for rounding in the last bits. */
static bool
within(double v, double limit)
{
    return v <= limit + 1e-12;
}

static jh_status
level_indicator(jh_analysis *a, jh_level_result *lr, size_t k, double *x,
                double *w, jh_diags *warn, jh_error *err)
{
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    const jh_indicator *ind = &std->indicators[k];
    jh_indicator_stats *is = &lr->ind[k];
    double threshold = ind->threshold[lr->level];
    double expected;
    jh_wstats ws;
    jh_status st;
    char printed[32];

    memset(is, 0, sizeof(*is));
    is->cv_limit = std->cv_rule == JH_CV_EACH ? std->cv_limit[lr->level] : NAN;
    is->has_threshold = jh_indicator_has_threshold(ind, lr->level);
    for (size_t j = 0; j < lr->nsections; j++) {
        const jh_section *s = &m->sections[lr->sections[j]];
        jh_section_result *r = &a->results[lr->sections[j]];
        double num = jh_section_numerator(s, ind);
        x[j] = jh_section_value(s, ind);
        w[j] = s->students;
        is->total += num;
        r->value[k] = x[j];
        if (!is->has_threshold)
            continue;
        r->met[k] = jh_meets(x[j], threshold);
        r->partial[k] =
            !r->met[k] && jh_meets(x[j], std->partial_floor * threshold);
        if (r->met[k])
            is->met++;
        else
            is->below++;
    }
    st = jh_wstats_compute(&ws, x, w, lr->nsections, err);
    is->mean = ws.mean;
    is->sd = ws.sd;
    is->cv = ws.cv;
    if (st == JH_ERR_STATS && ws.total_weight > 0 && ws.mean == 0.0) {
        is->cv_defined = false;
        is->cv_pass = false;
        jh_error_clear(err);
        /* Each text skips the other's names with %.0s. */
        if (jh_diags_add2(warn, NULL, 0, 0, NULL, NULL,
                          "%s%.0s：“%s”%.0s的县域平均值为0，差异系数无法计算"
                          "（按未达标计）",
                          "%.0s%s: the county mean of %.0s%s is 0, so its "
                          "difference coefficient is undefined (counted as "
                          "not met)",
                          jh__level_zh[lr->level], jh_level_key(lr->level),
                          ind->name_zh, ind->id) != JH_OK)
            return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                 "out of memory");
    } else if (st != JH_OK) {
        /* jh_error_set2 clears err before it formats: the callee's
         * messages must be copied out first, or it formats into itself. */
        char why[sizeof(err->message)], why_zh[sizeof(err->message_zh)];
        snprintf(why, sizeof(why), "%s",
                 err != NULL ? err->message : "statistics failed");
        snprintf(why_zh, sizeof(why_zh), "%s",
                 err != NULL && err->message_zh[0] != '\0' ? err->message_zh
                 : err != NULL                             ? err->message
                                                           : "统计失败");
        return jh_error_set2(err, st == JH_ERR_NOMEM ? st : JH_ERR_INTERNAL,
                             NULL, 0, 0, "%s%.0s“%s”%.0s：%s%.0s",
                             "%.0s%s %.0s%s: %.0s%s", jh__level_zh[lr->level],
                             jh_level_key(lr->level), ind->name_zh, ind->id,
                             why_zh, why);
    } else {
        is->cv_defined = true;
        is->cv_pass = isnan(is->cv_limit) || within(is->cv, is->cv_limit);
        if (!isnan(is->cv_limit)) {
            double p = 0.0;
            jh__fmt_fixed(is->cv, 3, printed, sizeof(printed));
            if (jh__parse_double(printed, &p))
                is->cv_print_disagrees =
                    within(p, is->cv_limit) != is->cv_pass;
        }
    }
    /* Invariant: the weighted mean is the county total per student. */
    expected = is->total / lr->students * ind->scale;
    if (fabs(is->mean - expected) > 1e-9 * fmax(fabs(expected), 1e-300))
        return jh_error_set2(err, JH_ERR_INTERNAL, NULL, 0, 0,
                             "%s%.0s“%s”%.0s：加权平均值%.17g与县域合计除以"
                             "在校生数所得%.17g不一致",
                             "%.0s%s %.0s%s: weighted mean %.17g differs from "
                             "county total per student %.17g",
                             jh__level_zh[lr->level], jh_level_key(lr->level),
                             ind->name_zh, ind->id, is->mean, expected);
    gsl_stats_minmax(&is->min, &is->max, x, 1, lr->nsections);
    /* gsl_stats_median() reorders (a selection, not a full sort): x is our
     * own scratch copy. */
    is->median = gsl_stats_median(x, 1, lr->nsections);
    return JH_OK;
}

/*
 * The composite (2012 standard): the arithmetic mean of the indicators'
 * CVs, judged against the level's composite limit; an undefined CV makes
 * it undefined and failing.  Under JH_CV_COMPOSITE it decides cv_pass.
 */
static void
judge_composite(const jh_standard *std, jh_level_result *lr)
{
    char printed[32];
    double p = 0.0;

    lr->composite_cv /= (double)std->nindicators;
    lr->composite_limit = std->cv_rule == JH_CV_COMPOSITE
                              ? std->composite_limit[lr->level]
                              : NAN;
    lr->composite_pass = !isnan(lr->composite_cv) &&
                         (isnan(lr->composite_limit) ||
                          within(lr->composite_cv, lr->composite_limit));
    if (!isnan(lr->composite_limit) && !isnan(lr->composite_cv)) {
        jh__fmt_fixed(lr->composite_cv, 3, printed, sizeof(printed));
        if (jh__parse_double(printed, &p))
            lr->composite_print_disagrees =
                within(p, lr->composite_limit) != lr->composite_pass;
    }
    if (std->cv_rule == JH_CV_COMPOSITE)
        lr->cv_pass = lr->composite_pass;
    else if (std->cv_rule == JH_CV_NONE)
        lr->cv_pass = true;
}

jh_status
jh_analysis_run(jh_analysis **out, const jh_model *m, jh_diags *warn,
                jh_error *err)
{
    const jh_standard *std = m->standard;
    jh_analysis *a;
    double *x = NULL, *w = NULL;
    jh_status st = JH_OK;
    bool any = false;

    if (m->nsections == 0)
        return jh_error_set2(err, JH_ERR_DATA, m->county->source, 0, 0,
                             "没有参与评估的学校：全部%zu行都被排除在外，"
                             "请检查学校类型、在校生数和「纳入计算」列",
                             "no school is evaluated: all %zu rows were "
                             "excluded",
                             m->county->nschools);
    a = calloc(1, sizeof(*a));
    if (a == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    a->model = m;
    a->standard = std;
    a->results = calloc(m->nsections, sizeof(*a->results));
    x = malloc(m->nsections * sizeof(*x));
    w = malloc(m->nsections * sizeof(*w));
    if (a->results == NULL || x == NULL || w == NULL) {
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }
    a->pass = true;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        jh_level_result *lr = &a->levels[l];
        lr->level = (jh_level)l;
        lr->sections = malloc(m->nsections * sizeof(*lr->sections));
        if (lr->sections == NULL) {
            st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                               "out of memory");
            goto done;
        }
        for (size_t i = 0; i < m->nsections; i++) {
            if ((int)m->sections[i].level == l) {
                lr->sections[lr->nsections++] = i;
                lr->students += m->sections[i].students;
            }
        }
        if (lr->nsections == 0)
            continue;
        lr->present = true;
        any = true;
        lr->cv_pass = true;
        lr->composite_cv = 0.0;
        for (size_t k = 0; k < std->nindicators; k++) {
            st = level_indicator(a, lr, k, x, w, warn, err);
            if (st != JH_OK)
                goto done;
            lr->cv_pass = lr->cv_pass && lr->ind[k].cv_pass;
            lr->composite_cv += lr->ind[k].cv_defined ? lr->ind[k].cv : NAN;
        }
        judge_composite(std, lr);
        for (size_t j = 0; j < lr->nsections; j++) {
            jh_section_result *r = &a->results[lr->sections[j]];
            bool rest_partial = true;
            for (size_t k = 0; k < std->nindicators; k++) {
                if (r->met[k])
                    r->met_count++;
                else if (!r->partial[k])
                    rest_partial = false;
            }
            /* min_met 0: the standard has no per-school rule (2012). */
            r->pass = std->min_met == 0 ||
                      (r->met_count >= std->min_met && rest_partial);
            if (r->pass)
                lr->schools_passing++;
        }
        lr->schools_pass = lr->schools_passing == lr->nsections;
        lr->pass = lr->cv_pass && lr->schools_pass;
        a->pass = a->pass && lr->pass;
    }
    if (!any)
        a->pass = false;

done:
    free(x);
    free(w);
    if (st != JH_OK) {
        jh_analysis_free(a);
        return st;
    }
    *out = a;
    return JH_OK;
}
