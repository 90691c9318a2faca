/* junheng - supplementary diagnostics: contributions, leave-one-out CVs,
 * locality decomposition, Lorenz curve, Gini, Theil, McLoone and the
 * federal range ratio (see diagnostics.h for the definitions). */
#include "junheng/diagnostics.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Validate values and weights; *total receives Σw and *mean the weighted
 * mean.  A zero mean is an error when @p need_mean is true. */
static jh_status
check_input(const double *x, const double *w, size_t n, bool need_mean,
            double *total, double *mean, jh_error *err)
{
    double sw = 0.0, swx = 0.0;

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
        sw += w[i];
        swx += w[i] * x[i];
    }
    if (sw <= 0)
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                             "权重（在校生数）合计为0", "total weight is 0");
    *total = sw;
    *mean = swx / sw;
    if (need_mean && *mean == 0.0)
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0, "加权平均值为0",
                             "weighted mean is 0");
    return JH_OK;
}

/*
 * @p x, or (when its largest value is below 2^-200 or above 2^200) a
 * malloc'd copy divided by 2^*e, in *tmp: the squares below would
 * underflow to 0 or overflow to infinity.  The division by a power of two
 * is exact, so every ratio computed from the copy (a CV, a share of CV²)
 * is the one of @p x.  NULL when out of memory; *tmp is freed by the
 * caller.
 */
static const double *
pow2_scaled(const double *x, size_t n, double **tmp, int *e)
{
    double max = 0.0;

    *tmp = NULL;
    *e = 0;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(x[i]) && x[i] > max)
            max = x[i];
    }
    if (max == 0.0 || (max >= 0x1p-200 && max <= 0x1p+200))
        return x;
    *tmp = malloc(n * sizeof(**tmp));
    if (*tmp == NULL)
        return NULL;
    (void)frexp(max, e);
    for (size_t i = 0; i < n; i++)
        (*tmp)[i] = ldexp(x[i], -*e);
    return *tmp;
}

/* Σwx / Σw, summed as check_input() does, of the scaled values. */
static double
scaled_mean(const double *x, const double *w, size_t n)
{
    double sw = 0.0, swx = 0.0;

    for (size_t i = 0; i < n; i++) {
        sw += w[i];
        swx += w[i] * x[i];
    }
    return swx / sw;
}

/*
 * The common start of contributions and loo_cv: @p out filled with NAN,
 * the input checked (*total, *mean as check_input() gives them), then *x
 * the values scaled by pow2_scaled() (*tmp to free) and *mean the mean of
 * the scaled values.  With fewer than @p min_n values: JH_OK, *x NULL and
 * nothing to free.
 */
static jh_status
start_scaled(double *out, const double *x_in, const double *w, size_t n,
             size_t min_n, const double **x, double **tmp, double *total,
             double *mean, jh_error *err)
{
    jh_status st;
    int e;

    *x = NULL;
    *tmp = NULL;
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    st = check_input(x_in, w, n, false, total, mean, err);
    if (st != JH_OK || n < min_n)
        return st;
    *x = pow2_scaled(x_in, n, tmp, &e);
    if (*x == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    if (*tmp != NULL)
        *mean = scaled_mean(*x, w, n);
    return JH_OK;
}

/* Indices that sort @p x in increasing order (GSL; x is not changed). */
static size_t *
sort_order(const double *x, size_t n)
{
    size_t *p = malloc(n * sizeof(*p));
    if (p != NULL)
        gsl_sort_index(p, x, 1, n);
    return p;
}

/* The rule of the header: smallest sorted value whose cumulative weight
 * share reaches p. */
static double
quantile_sorted(const double *x, const double *w, const size_t *order, size_t n,
                double total, double p)
{
    double cum = 0.0;

    for (size_t k = 0; k < n; k++) {
        cum += w[order[k]];
        if (cum / total >= p - 1e-12)
            return x[order[k]];
    }
    return x[order[n - 1]];
}

jh_status
jh_diagnostics_quantile(double *out, const double *x, const double *w, size_t n,
                        double p, jh_error *err)
{
    double total, mean;
    size_t *order;
    jh_status st;

    *out = NAN;
    if (!(p >= 0.0 && p <= 1.0))
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                             "百分位%g不在0到1之间",
                             "percentile %g is outside 0..1", p);
    st = check_input(x, w, n, false, &total, &mean, err);
    if (st != JH_OK)
        return st;
    order = sort_order(x, n);
    if (order == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    *out = quantile_sorted(x, w, order, n, total, p);
    free(order);
    return JH_OK;
}

jh_status
jh_diagnostics_gini(double *out, const double *x, const double *w, size_t n,
                    jh_error *err)
{
    double total, mean, before = 0.0, sum = 0.0, after;
    size_t *order;
    jh_status st;

    *out = NAN;
    st = check_input(x, w, n, true, &total, &mean, err);
    if (st != JH_OK)
        return st;
    order = sort_order(x, n);
    if (order == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    /* Σ_i Σ_j P_i P_j |X_i − X_j| = 2 Σ_i P_i X_i (W_before − W_after)
     * over the sorted order; tied values cancel pairwise. */
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        after = total - before - w[i];
        sum += w[i] * x[i] * (before - after);
        before += w[i];
    }
    free(order);
    *out = sum / (total * total * mean);
    if (*out < 0 && *out > -1e-12)
        *out = 0.0;
    return JH_OK;
}

jh_status
jh_diagnostics_theil(double *out, const double *x, const double *w, size_t n,
                     jh_error *err)
{
    double total, mean, sum = 0.0;
    jh_status st;

    *out = NAN;
    st = check_input(x, w, n, true, &total, &mean, err);
    if (st != JH_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        double r = x[i] / mean;
        if (r > 0)
            sum += w[i] * r * log(r);
    }
    *out = sum / total;
    if (*out < 0 && *out > -1e-12)
        *out = 0.0;
    return JH_OK;
}

jh_status
jh_diagnostics_mcloone(double *out, const double *x, const double *w, size_t n,
                       jh_error *err)
{
    double total, mean, median, below_w = 0.0, below_wx = 0.0;
    size_t *order;
    jh_status st;

    *out = NAN;
    st = check_input(x, w, n, true, &total, &mean, err);
    if (st != JH_OK)
        return st;
    order = sort_order(x, n);
    if (order == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    median = quantile_sorted(x, w, order, n, total, 0.5);
    free(order);
    if (median == 0.0)
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0, "加权中位数为0",
                             "weighted median is 0");
    for (size_t i = 0; i < n; i++) {
        if (x[i] < median) {
            below_w += w[i];
            below_wx += w[i] * x[i];
        }
    }
    *out = below_w > 0 ? below_wx / (median * below_w) : 1.0;
    return JH_OK;
}

jh_status
jh_diagnostics_range_ratio(double *out, const double *x, const double *w,
                           size_t n, jh_error *err)
{
    double total, mean, p05, p95;
    size_t *order;
    jh_status st;

    *out = NAN;
    st = check_input(x, w, n, false, &total, &mean, err);
    if (st != JH_OK)
        return st;
    order = sort_order(x, n);
    if (order == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    p05 = quantile_sorted(x, w, order, n, total, 0.05);
    p95 = quantile_sorted(x, w, order, n, total, 0.95);
    free(order);
    if (p05 > 0)
        *out = (p95 - p05) / p05;
    return JH_OK;
}

jh_status
jh_diagnostics_contributions(double *out, const double *x_in, const double *w,
                             size_t n, jh_error *err)
{
    double total, mean, sum = 0.0, *tmp;
    const double *x;
    jh_status st;

    /* Shares of a sum of squares: computed in a safe range. */
    st = start_scaled(out, x_in, w, n, 1, &x, &tmp, &total, &mean, err);
    if (st != JH_OK || x == NULL)
        return st;
    for (size_t i = 0; i < n; i++) {
        out[i] = w[i] * (x[i] - mean) * (x[i] - mean);
        sum += out[i];
    }
    for (size_t i = 0; i < n; i++)
        out[i] = sum > 0 ? out[i] / sum : NAN;
    free(tmp);
    return JH_OK;
}

jh_status
jh_diagnostics_loo_cv(double *out, const double *x_in, const double *w,
                      size_t n, jh_error *err)
{
    double total, mean, m2 = 0.0, *tmp;
    const double *x;
    jh_status st;

    /* CVs are ratios: computed on values scaled into a safe range. */
    st = start_scaled(out, x_in, w, n, 2, &x, &tmp, &total, &mean, err);
    if (st != JH_OK || x == NULL)
        return st;
    /*
     * O(n), not one full recomputation per school: with M2 = Σ w (x − m)²
     * around the county mean m, the others' mean is
     * m' = (P m − w_i x_i) / P' with P' = P − w_i, and their squared
     * deviations are M2 − w_i (x_i − m)² − P' (m' − m)² (the parallel-axis
     * rule), all divided by P' as in the official formula.
     */
    for (size_t i = 0; i < n; i++)
        m2 += w[i] * (x[i] - mean) * (x[i] - mean);
    for (size_t i = 0; i < n; i++) {
        double rest = total - w[i], m, ss;
        if (rest <= 0)
            continue; /* nobody left: NAN, not an error here */
        m = (total * mean - w[i] * x[i]) / rest;
        if (m == 0.0)
            continue; /* zero remaining mean: CV undefined */
        ss = m2 - w[i] * (x[i] - mean) * (x[i] - mean) -
             rest * (m - mean) * (m - mean);
        out[i] = sqrt(fmax(ss, 0.0) / rest) / m;
    }
    free(tmp);
    return JH_OK;
}

jh_status
jh_diagnostics_decompose(jh_decomposition *out, const double *x_in,
                         const double *w, const int *group, size_t n,
                         jh_error *err)
{
    double total, mean, sum[JH_LOCALITY_GROUPS] = {0}, var = 0.0, *tmp;
    const double *x;
    jh_status st;
    int sc;

    memset(out, 0, sizeof(*out));
    for (int g = 0; g < JH_LOCALITY_GROUPS; g++) {
        out->groups[g].locality = (jh_locality)g;
        out->groups[g].mean = out->groups[g].cv = NAN;
    }
    out->cv2 = out->within = out->between = NAN;
    st = check_input(x_in, w, n, true, &total, &mean, err);
    if (st != JH_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        if (group[i] < 0 || group[i] >= JH_LOCALITY_GROUPS)
            return jh_error_set2(
                err, JH_ERR_ARG, NULL, 0, 0, "分组%d超出范围（第%zu个数值）",
                "group %d of value %zu is out of range", group[i], i + 1);
    }
    /* Every figure below is a ratio but the group means: computed on
     * values scaled into a safe range, the means scaled back. */
    x = pow2_scaled(x_in, n, &tmp, &sc);
    if (x == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    if (tmp != NULL)
        mean = scaled_mean(x, w, n);
    for (size_t i = 0; i < n; i++) {
        int g = group[i];
        out->groups[g].nsections++;
        out->groups[g].students += w[i];
        sum[g] += w[i] * x[i];
    }
    for (int g = 0; g < JH_LOCALITY_GROUPS; g++) {
        jh_decomp_group *gr = &out->groups[g];
        if (gr->nsections == 0 || gr->students <= 0)
            continue;
        gr->mean = sum[g] / gr->students;
    }
    for (size_t i = 0; i < n; i++) {
        jh_decomp_group *gr = &out->groups[group[i]];
        double d = x[i] - gr->mean, e = x[i] - mean;
        gr->within += w[i] * d * d;
        var += w[i] * e * e;
    }
    out->within = out->between = 0.0;
    for (int g = 0; g < JH_LOCALITY_GROUPS; g++) {
        jh_decomp_group *gr = &out->groups[g];
        double d;
        if (gr->nsections == 0 || gr->students <= 0)
            continue;
        if (gr->mean > 0)
            gr->cv = sqrt(gr->within / gr->students) / gr->mean;
        d = gr->mean - mean;
        gr->between = gr->students * d * d / (total * mean * mean);
        gr->within = gr->within / (total * mean * mean);
        out->within += gr->within;
        out->between += gr->between;
    }
    out->cv2 = var / (total * mean * mean);
    for (int g = 0; g < JH_LOCALITY_GROUPS; g++)
        out->groups[g].mean = ldexp(out->groups[g].mean, sc);
    free(tmp);
    /* Invariant: the parts add up to the total (the cross terms vanish
     * because each group's deviations from its own mean sum to 0). */
    if (fabs(out->within + out->between - out->cv2) >
        1e-9 * fmax(out->cv2, 1e-300) + 1e-15)
        return jh_error_set2(err, JH_ERR_INTERNAL, NULL, 0, 0,
                             "差异系数平方的分解不吻合：组内%.17g＋组间%.17g"
                             "≠总体%.17g",
                             "CV² decomposition does not add up: %.17g + "
                             "%.17g != %.17g",
                             out->within, out->between, out->cv2);
    return JH_OK;
}

jh_status
jh_diagnostics_lorenz(double *pupils, double *share, const double *x,
                      const double *w, size_t n, jh_error *err)
{
    double total, mean, cw = 0.0, cx = 0.0;
    size_t *order;
    jh_status st;

    st = check_input(x, w, n, true, &total, &mean, err);
    if (st != JH_OK)
        return st;
    order = sort_order(x, n);
    if (order == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    pupils[0] = share[0] = 0.0;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        cw += w[i];
        cx += w[i] * x[i];
        pupils[k + 1] = cw / total;
        share[k + 1] = cx / (total * mean);
    }
    /* Exact end point whatever the rounding of the sums. */
    pupils[n] = share[n] = 1.0;
    free(order);
    return JH_OK;
}

static void
indicator_release(jh_indicator_diagnostics *d)
{
    free(d->contribution);
    free(d->loo_cv);
    free(d->lorenz_pupils);
    free(d->lorenz_share);
}

void
jh_diagnostics_free(jh_diagnostics *d)
{
    if (d == NULL)
        return;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        for (size_t k = 0; k < JH_MAX_INDICATORS; k++)
            indicator_release(&d->levels[l].ind[k]);
    }
    free(d);
}

/* Diagnostics of indicator k of one level, from the analysis' values. */
static jh_status
indicator_run(jh_indicator_diagnostics *d, const jh_analysis *a,
              const jh_level_result *lr, size_t k, double *x, double *w,
              int *group, jh_error *err)
{
    const jh_model *m = a->model;
    size_t n = lr->nsections;
    jh_status st;

    d->gini = d->theil = d->median = d->p05 = d->p95 = NAN;
    d->mcloone = d->federal_range_ratio = NAN;
    d->contribution = malloc(n * sizeof(double));
    d->loo_cv = malloc(n * sizeof(double));
    d->lorenz_pupils = malloc((n + 1) * sizeof(double));
    d->lorenz_share = malloc((n + 1) * sizeof(double));
    if (d->contribution == NULL || d->loo_cv == NULL ||
        d->lorenz_pupils == NULL || d->lorenz_share == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    for (size_t j = 0; j < n; j++) {
        const jh_section *s = &m->sections[lr->sections[j]];
        x[j] = a->results[lr->sections[j]].value[k];
        w[j] = s->students;
        group[j] = (int)m->county->schools[s->school].locality;
        if (group[j] < 0 || group[j] >= JH_LOCALITY_GROUPS)
            group[j] = JH_LOCALITY_UNKNOWN;
    }
    for (size_t j = 0; j <= n; j++)
        d->lorenz_pupils[j] = d->lorenz_share[j] = NAN;
    st = jh_diagnostics_contributions(d->contribution, x, w, n, err);
    if (st == JH_OK)
        st = jh_diagnostics_loo_cv(d->loo_cv, x, w, n, err);
    if (st != JH_OK)
        return st;
    d->defined = lr->ind[k].cv_defined;
    if (!d->defined) {
        jh_diagnostics_decompose(&d->decomposition, x, w, group, n, NULL);
        return JH_OK;
    }
    st = jh_diagnostics_decompose(&d->decomposition, x, w, group, n, err);
    if (st == JH_OK)
        st = jh_diagnostics_lorenz(d->lorenz_pupils, d->lorenz_share, x, w, n,
                                   err);
    if (st == JH_OK)
        st = jh_diagnostics_gini(&d->gini, x, w, n, err);
    if (st == JH_OK)
        st = jh_diagnostics_theil(&d->theil, x, w, n, err);
    if (st == JH_OK)
        st = jh_diagnostics_quantile(&d->median, x, w, n, 0.5, err);
    if (st == JH_OK)
        st = jh_diagnostics_quantile(&d->p05, x, w, n, 0.05, err);
    if (st == JH_OK)
        st = jh_diagnostics_quantile(&d->p95, x, w, n, 0.95, err);
    if (st == JH_OK)
        st = jh_diagnostics_range_ratio(&d->federal_range_ratio, x, w, n, err);
    if (st == JH_OK && d->median > 0)
        st = jh_diagnostics_mcloone(&d->mcloone, x, w, n, err);
    return st;
}

jh_status
jh_diagnostics_run(jh_diagnostics **out, const jh_analysis *a, jh_error *err)
{
    const jh_standard *std = a->standard;
    jh_diagnostics *d = calloc(1, sizeof(*d));
    size_t n = a->model->nsections;
    double *x = malloc((n + 1) * sizeof(*x)), *w = malloc((n + 1) * sizeof(*w));
    int *group = malloc((n + 1) * sizeof(*group));
    jh_status st = JH_OK;

    if (d == NULL || x == NULL || w == NULL || group == NULL) {
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }
    d->analysis = a;
    for (int l = 0; l < JH_LEVEL_COUNT && st == JH_OK; l++) {
        const jh_level_result *lr = &a->levels[l];
        jh_level_diagnostics *ld = &d->levels[l];
        if (!lr->present)
            continue;
        ld->present = true;
        ld->nsections = lr->nsections;
        for (size_t k = 0; k < std->nindicators && st == JH_OK; k++)
            st = indicator_run(&ld->ind[k], a, lr, k, x, w, group, err);
    }

done:
    free(x);
    free(w);
    free(group);
    if (st != JH_OK) {
        jh_diagnostics_free(d);
        return st;
    }
    *out = d;
    return JH_OK;
}
