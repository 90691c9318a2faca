/* junheng tests - supplementary diagnostics against hand-computed cases. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include "helpers.h"

#include <gsl/gsl_errno.h>

#include "junheng/diagnostics.h"
#include "junheng/report.h"
#include "junheng/report_diagnostics.h"

#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* tests/data/hand3.md: 100, 200, 700 pupils; 6.0, 5.0, 4.5 m² each. */
static const double hx[] = {6.0, 5.0, 4.5}, hw[] = {100, 200, 700};

/*
 * Leave-one-out CVs of hand3.  For two values a, b with weights p, q the
 * weighted population SD is |a − b| √(pq) / (p + q) and the mean
 * (pa + qb) / (p + q), so CV = |a − b| √(pq) / (pa + qb):
 *   without 1: 0.5 √(200·700) / (1000 + 3150) = 0.0450802...
 *   without 2: 1.5 √(100·700) / (600 + 3150)  = 0.1058300...
 *   without 3: 1.0 √(100·200) / (600 + 1000)  = 0.0883883...
 */
static void
loo_cv_by_hand(void **state)
{
    double loo[3];

    (void)state;
    assert_int_equal(jh_diagnostics_loo_cv(loo, hx, hw, 3, NULL), JH_OK);
    assert_close(loo[0], 0.5 * sqrt(200.0 * 700) / 4150, 1e-14);
    assert_close(loo[1], 1.5 * sqrt(100.0 * 700) / 3750, 1e-14);
    assert_close(loo[2], 1.0 * sqrt(100.0 * 200) / 1600, 1e-14);
    assert_close(loo[0], 0.0450802, 1e-7);
    /* One value: nothing to leave out. */
    assert_int_equal(jh_diagnostics_loo_cv(loo, hx, hw, 1, NULL), JH_OK);
    assert_true(isnan(loo[0]));
}

/*
 * Contributions of hand3: terms P(X − 4.75)² are 156.25, 12.5 and 43.75
 * (sum 212.5): shares 0.7353, 0.0588, 0.2059, which sum to 1.
 */
static void
contributions_sum_to_one(void **state)
{
    double c[3];
    const double eq[] = {3, 3, 3};

    (void)state;
    assert_int_equal(jh_diagnostics_contributions(c, hx, hw, 3, NULL), JH_OK);
    assert_close(c[0], 156.25 / 212.5, 1e-14);
    assert_close(c[1], 12.5 / 212.5, 1e-14);
    assert_close(c[2], 43.75 / 212.5, 1e-14);
    assert_close(c[0] + c[1] + c[2], 1.0, 1e-14);
    /* Equal values: no deviation to share. */
    assert_int_equal(jh_diagnostics_contributions(c, eq, hw, 3, NULL), JH_OK);
    assert_true(isnan(c[0]));
}

/*
 * Within/between decomposition of six values in three localities:
 * within + between equals CV², computed independently here; the between
 * part by hand for two groups of equal weight.
 */
static void
decomposition_adds_up(void **state)
{
    const double x[] = {4.6, 8.6, 12.0, 20.0, 29.7, 6.0};
    const double w[] = {1980, 1000, 600, 180, 150, 700};
    const int g[] = {JH_LOCALITY_URBAN, JH_LOCALITY_URBAN, JH_LOCALITY_TOWN,
                     JH_LOCALITY_RURAL, JH_LOCALITY_RURAL, JH_LOCALITY_UNKNOWN};
    const double x2[] = {1, 3, 5, 7}, w2[] = {1, 1, 1, 1};
    const int g2[] = {1, 1, 3, 3};
    jh_decomposition d;
    jh_wstats s;
    double sum_w = 0, sum_b = 0;

    (void)state;
    assert_int_equal(jh_diagnostics_decompose(&d, x, w, g, 6, NULL), JH_OK);
    assert_int_equal(jh_wstats_compute(&s, x, w, 6, NULL), JH_OK);
    assert_close(d.cv2, s.cv * s.cv, 1e-14);
    assert_close(d.within + d.between, d.cv2, 1e-14);
    for (int i = 0; i < JH_LOCALITY_GROUPS; i++) {
        sum_w += d.groups[i].within;
        sum_b += d.groups[i].between;
    }
    assert_close(sum_w, d.within, 1e-15);
    assert_close(sum_b, d.between, 1e-15);
    assert_int_equal(d.groups[JH_LOCALITY_URBAN].nsections, 2);
    assert_int_equal(d.groups[JH_LOCALITY_UNKNOWN].nsections, 1);
    assert_close(d.groups[JH_LOCALITY_URBAN].mean,
                 (1980 * 4.6 + 1000 * 8.6) / 2980, 1e-12);
    /* Unknown locality is its own group, with no spread inside. */
    assert_close(d.groups[JH_LOCALITY_UNKNOWN].within, 0.0, 0);

    /* 1, 3 | 5, 7: mean 4, variance 5; group means 2 and 6, between
     * variance 4, within 1: CV² = 5/16, between 4/16, within 1/16. */
    assert_int_equal(jh_diagnostics_decompose(&d, x2, w2, g2, 4, NULL), JH_OK);
    assert_close(d.cv2, 5.0 / 16, 1e-15);
    assert_close(d.between, 4.0 / 16, 1e-15);
    assert_close(d.within, 1.0 / 16, 1e-15);
}

/* Gini: 0 for equal values; for 1 and 3 with equal weights,
 * Σ Σ p p |x − x| / (2 m) = 2·¼·2 / (2·2) = 0.25. */
static void
gini_theil_by_hand(void **state)
{
    const double eq[] = {5, 5, 5, 5}, w4[] = {10, 300, 25, 7};
    const double two[] = {1, 3}, w2[] = {50, 50};
    double g, t;

    (void)state;
    assert_int_equal(jh_diagnostics_gini(&g, eq, w4, 4, NULL), JH_OK);
    assert_close(g, 0.0, 1e-15);
    assert_int_equal(jh_diagnostics_theil(&t, eq, w4, 4, NULL), JH_OK);
    assert_close(t, 0.0, 1e-15);
    assert_int_equal(jh_diagnostics_gini(&g, two, w2, 2, NULL), JH_OK);
    assert_close(g, 0.25, 1e-15);
    /* Theil of 1 and 3 (mean 2): ½(½ ln ½ + 3/2 ln 3/2). */
    assert_int_equal(jh_diagnostics_theil(&t, two, w2, 2, NULL), JH_OK);
    assert_close(t, 0.5 * (0.5 * log(0.5) + 1.5 * log(1.5)), 1e-15);
    /* Weights matter: hand3 weighted Gini by the pairwise formula. */
    assert_int_equal(jh_diagnostics_gini(&g, hx, hw, 3, NULL), JH_OK);
    assert_close(g,
                 2 * (100 * 200 * 1.0 + 100 * 700 * 1.5 + 200 * 700 * 0.5) /
                     (2 * 1000.0 * 1000 * 4.75),
                 1e-15);
    /* A zero mean is an error, never 0. */
    {
        const double z[] = {0, 0};
        assert_int_equal(jh_diagnostics_gini(&g, z, w2, 2, NULL), JH_ERR_STATS);
    }
}

/*
 * Weighted percentiles: values 1, 2, 3 with weights 1, 1, 2 have
 * cumulative shares 0.25, 0.5, 1.  The rule takes the smallest value
 * whose share reaches p: p = 0.25 → 1, 0.5 → 2, 0.51 → 3.  McLoone around
 * the median 2: pupils strictly below it (the one at 1) have 1, against
 * 2 at the median: 0.5.  Federal range ratio: P5 = 1, P95 = 3, (3−1)/1 = 2.
 */
static void
percentiles_mcloone_range(void **state)
{
    const double x[] = {3, 1, 2}, w[] = {2, 1, 1}, z[] = {0, 0, 1};
    double q, m, r;
    jh_error e;

    (void)state;
    assert_int_equal(jh_diagnostics_quantile(&q, x, w, 3, 0.25, NULL), JH_OK);
    assert_close(q, 1, 0);
    assert_int_equal(jh_diagnostics_quantile(&q, x, w, 3, 0.5, NULL), JH_OK);
    assert_close(q, 2, 0);
    assert_int_equal(jh_diagnostics_quantile(&q, x, w, 3, 0.51, NULL), JH_OK);
    assert_close(q, 3, 0);
    assert_int_equal(jh_diagnostics_quantile(&q, x, w, 3, 0.0, NULL), JH_OK);
    assert_close(q, 1, 0);
    assert_int_equal(jh_diagnostics_quantile(&q, x, w, 3, 1.5, &e),
                     JH_ERR_STATS);
    assert_string_equal(e.message, "percentile 1.5 is outside 0..1");
    assert_string_equal(e.message_zh, "百分位1.5不在0到1之间");
    assert_int_equal(jh_diagnostics_mcloone(&m, z, w, 3, &e), JH_ERR_STATS);
    assert_string_equal(e.message_zh, "加权中位数为0");
    assert_int_equal(jh_diagnostics_mcloone(&m, x, w, 3, NULL), JH_OK);
    assert_close(m, 0.5, 1e-15);
    assert_int_equal(jh_diagnostics_range_ratio(&r, x, w, 3, NULL), JH_OK);
    assert_close(r, 2.0, 1e-15);
}

static void
lorenz_curve(void **state)
{
    double p[4], l[4];

    (void)state;
    assert_int_equal(jh_diagnostics_lorenz(p, l, hx, hw, 3, NULL), JH_OK);
    /* Sorted 4.5 (700), 5.0 (200), 6.0 (100); total 4750. */
    assert_close(p[0], 0, 0);
    assert_close(l[0], 0, 0);
    assert_close(p[1], 0.7, 1e-15);
    assert_close(l[1], 3150.0 / 4750, 1e-15);
    assert_close(p[2], 0.9, 1e-15);
    assert_close(l[2], 4150.0 / 4750, 1e-15);
    assert_close(p[3], 1, 0);
    assert_close(l[3], 1, 0);
}

/* Through the pipeline: every indicator of every level, contributions
 * sum to 1 (or are all undefined), LOO CVs are the CV of the rest, the
 * decomposition adds up. */
static void
diagnostics_of_an_analysis(void **state)
{
    fixture f;
    jh_diagnostics *d = NULL;

    (void)state;
    fixture_run(&f, "code,name,type,locality,students_primary,students_junior,"
                    "students_senior,degree_teachers,backbone_teachers,"
                    "pe_art_teachers,teaching_area,sports_area,equipment_value,"
                    "multimedia_rooms\n"
                    "1,甲,小学,城区,2000,0,0,100,25,20,10000,9000,5000000,50\n"
                    "2,乙,小学,镇区,1000,0,0,50,12,10,5000,9000,2500000,25\n"
                    "3,丙,小学,乡村,200,0,0,10,3,2,1000,5000,500000,5\n"
                    "4,丁,小学,乡村,150,0,0,8,2,2,800,4500,400000,4\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(jh_diagnostics_run(&d, f.analysis, &f.err), JH_OK);
    for (size_t k = 0; k < 7; k++) {
        const jh_indicator_diagnostics *id = &d->levels[0].ind[k];
        const jh_level_result *lr = &f.analysis->levels[0];
        double sum = 0;
        bool undefined = isnan(id->contribution[0]);
        for (size_t j = 0; j < 4; j++)
            sum += id->contribution[j];
        if (!undefined)
            assert_close(sum, 1.0, 1e-12);
        assert_close(id->decomposition.within + id->decomposition.between,
                     lr->ind[k].cv * lr->ind[k].cv, 1e-12);
        assert_true(id->gini >= 0 && id->gini < 1);
        assert_close(id->lorenz_share[4], 1, 0);
    }
    /* Sports area: 4.5, 9, 25, 30 per pupil; without school 1 the CV
     * is that of the other three. */
    {
        size_t k = ind("sports_area_per_student");
        const double x[] = {9, 25, 30}, w[] = {1000, 200, 150};
        jh_wstats s;
        assert_int_equal(jh_wstats_compute(&s, x, w, 3, NULL), JH_OK);
        assert_close(d->levels[0].ind[k].loo_cv[0], s.cv, 1e-12);
        assert_int_equal(d->levels[0]
                             .ind[k]
                             .decomposition.groups[JH_LOCALITY_RURAL]
                             .nsections,
                         2);
    }
    assert_false(d->levels[1].present);
    jh_diagnostics_free(d);
    fixture_free(&f);
}

/* The hook for the workbook exporter: a sheet added to an open workbook,
 * and an error (not a crash) when a sheet of that name exists. */
static void
diagnostics_sheet_hook(void **state)
{
    fixture f;
    char path[] = "/tmp/jh-diag-XXXXXX";
    char file[64];
    jh_report_context ctx;
    jh_diagnostics *d = NULL;
    lxw_workbook *wb;
    struct stat sb;
    jh_error e;
    int fd;

    (void)state;
    fixture_run(&f,
                HEADER "1,甲,小学,2000,0,0,100,25,20,10000,9000,5000000,50\n"
                       "2,乙,小学,150,0,0,8,2,2,800,4500,400000,4\n");
    assert_int_equal(f.status, JH_OK);
    fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    snprintf(file, sizeof(file), "%s.xlsx", path);
    ctx = (jh_report_context){f.analysis, &f.warnings,  JH_LANG_ZH, "测试县",
                              "0",        1577836800LL, NULL,       NULL};
    wb = workbook_new(file);
    assert_non_null(wb);
    /* The sheet reads the diagnostics; it does not compute them. */
    assert_int_equal(jh_report_diagnostics_sheet(wb, &ctx, &e), JH_ERR_ARG);
    assert_int_equal(jh_diagnostics_run(&d, f.analysis, &e), JH_OK);
    ctx.diagnostics = d;
    assert_int_equal(jh_report_diagnostics_sheet(wb, &ctx, &e), JH_OK);
    assert_int_equal(jh_report_diagnostics_sheet(wb, &ctx, &e), JH_ERR_OUTPUT);
    assert_non_null(strstr(e.message, "补充分析"));
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    assert_int_equal(stat(file, &sb), 0);
    assert_true(sb.st_size > 1000);
    unlink(file);
    jh_diagnostics_free(d);
    fixture_free(&f);
}

/* The O(n) leave-one-out CV against recomputing each county without one
 * school through the statistics core, on 200 pseudo-random schools. */
static void
loo_cv_matches_recomputation(void **state)
{
    enum { N = 200 };
    double x[N], w[N], out[N], xs[N], ws[N];
    unsigned seed = 12345;

    (void)state;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        x[i] = 1.0 + (double)(seed % 10000) / 100.0;
        seed = seed * 1103515245u + 12345u;
        w[i] = 20.0 + (double)(seed % 2000);
    }
    assert_int_equal(jh_diagnostics_loo_cv(out, x, w, N, NULL), JH_OK);
    for (size_t i = 0; i < N; i++) {
        jh_wstats s;
        size_t m = 0;
        for (size_t j = 0; j < N; j++) {
            if (j != i) {
                xs[m] = x[j];
                ws[m] = w[j];
                m++;
            }
        }
        assert_int_equal(jh_wstats_compute(&s, xs, ws, m, NULL), JH_OK);
        assert_close(out[i], s.cv, 1e-12 * s.cv);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loo_cv_by_hand),
        cmocka_unit_test(loo_cv_matches_recomputation),
        cmocka_unit_test(contributions_sum_to_one),
        cmocka_unit_test(decomposition_adds_up),
        cmocka_unit_test(gini_theil_by_hand),
        cmocka_unit_test(percentiles_mcloone_range),
        cmocka_unit_test(lorenz_curve),
        cmocka_unit_test(diagnostics_of_an_analysis),
        cmocka_unit_test(diagnostics_sheet_hook),
    };
    gsl_set_error_handler_off();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
