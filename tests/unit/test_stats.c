/* junheng tests - the weighted CV against hand-computed cases. */
#include "helpers.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_statistics_double.h>

#include "junheng/verify.h"

/*
 * tests/data/hand3.md: three schools with 100, 200 and 700 pupils and
 * 6.0, 5.0 and 4.5 m² per pupil.  Weighted mean (600+1000+3150)/1000 =
 * 4.75; variance (100·1.5625 + 200·0.0625 + 700·0.0625)/1000 = 0.2125;
 * CV = sqrt(0.2125)/4.75 = 0.0970478...  The unweighted CV is
 * sqrt(14)/31 = 0.120699 and GSL's gsl_stats_wsd (bias-corrected weights,
 * factor 1000²/(1000² − 540000) = 50/23) gives 0.143089: three different
 * figures, and only the first is the official one.
 */
static void
hand3_three_cvs_differ(void **state)
{
    const double x[] = {6.0, 5.0, 4.5}, w[] = {100, 200, 700};
    jh_wstats s;
    double unweighted, biased;

    (void)state;
    assert_int_equal(jh_wstats_compute(&s, x, w, 3, NULL), JH_OK);
    assert_close(s.total_weight, 1000.0, 0);
    assert_close(s.mean, 4.75, 1e-15);
    assert_close(s.sd * s.sd, 0.2125, 1e-14);
    assert_close(s.cv, sqrt(0.2125) / 4.75, 1e-15);
    assert_close(s.cv, 0.0970478, 1e-7);

    unweighted = gsl_stats_sd_m(x, 1, 3, gsl_stats_mean(x, 1, 3)) *
                 sqrt(2.0 / 3.0) / gsl_stats_mean(x, 1, 3);
    assert_close(unweighted, sqrt(14.0) / 31.0, 1e-12);
    biased = gsl_stats_wsd(w, 1, x, 1, 3) / s.mean;
    assert_close(biased, 0.143089, 1e-6);
    assert_true(fabs(s.cv - unweighted) > 0.02);
    assert_true(fabs(s.cv - biased) > 0.04);
}

/* The same figures through CSV import, model and analysis. */
static void
hand3_through_the_pipeline(void **state)
{
    fixture f;
    const jh_level_result *lr;
    size_t k = ind("teaching_area_per_student");

    (void)state;
    fixture_run(&f, HEADER
                "1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3\n"
                "2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5\n"
                "3,丙小学,小学,700,0,0,35,7,7,3150,5600,1470000,17\n");
    assert_int_equal(f.status, JH_OK);
    lr = &f.analysis->levels[JH_LEVEL_PRIMARY];
    assert_true(lr->present);
    assert_false(f.analysis->levels[JH_LEVEL_JUNIOR].present);
    assert_int_equal(lr->nsections, 3);
    assert_close(lr->students, 1000, 0);
    assert_close(lr->ind[k].mean, 4.75, 1e-12);
    assert_close(lr->ind[k].cv, sqrt(0.2125) / 4.75, 1e-12);
    assert_close(lr->ind[k].total, 4750, 1e-9);
    assert_close(lr->ind[k].min, 4.5, 1e-12);
    assert_close(lr->ind[k].max, 6.0, 1e-12);
    assert_close(lr->ind[k].median, 5.0, 1e-12);
    /* 4.5 is exactly the primary threshold: it meets it. */
    assert_int_equal(lr->ind[k].below, 0);
    /* Equal values everywhere: CV exactly 0, which passes. */
    assert_close(lr->ind[ind("backbone_teachers_per100")].cv, 0.0, 1e-15);
    fixture_free(&f);
}

static void
undefined_statistics_are_errors(void **state)
{
    const double x0[] = {0, 0}, w[] = {10, 20}, w0[] = {0, 0};
    const double x[] = {1, 2}, bad[] = {1, NAN};
    jh_wstats s;
    jh_error e;

    (void)state;
    assert_int_equal(jh_wstats_compute(&s, x0, w, 2, &e), JH_ERR_STATS);
    assert_true(isnan(s.cv));
    assert_non_null(strstr(e.message, "mean is 0"));
    assert_string_equal(e.message_zh, "加权平均值为0，差异系数无法计算");
    assert_int_equal(jh_wstats_compute(&s, x, w0, 2, &e), JH_ERR_STATS);
    assert_string_equal(e.message, "total weight is 0");
    assert_string_equal(e.message_zh, "权重（在校生数）合计为0");
    assert_int_equal(jh_wstats_compute(&s, x, w, 0, &e), JH_ERR_STATS);
    assert_string_equal(e.message_zh, "没有可统计的数值");
    assert_int_equal(jh_wstats_compute(&s, bad, w, 2, &e), JH_ERR_STATS);
    assert_string_equal(e.message_zh,
                        "第2个数值（nan，权重20）为负数或不是有限数");
    assert_int_equal(jh_wstats_compute(&s, bad, w, 2, NULL), JH_ERR_STATS);
    /* A single school: no spread, CV 0. */
    assert_int_equal(jh_wstats_compute(&s, x, w, 1, NULL), JH_OK);
    assert_close(s.cv, 0.0, 0);
}

/* 9 teachers for 1000 pupils is 0.9 per 100, which in doubles is
 * 0.8999999999999999: it must still meet the 0.9 threshold. */
static void
threshold_equality_meets(void **state)
{
    double v = 9.0 / 1000 * 100;

    (void)state;
    assert_true(v < 0.9);
    assert_true(jh_meets(v, 0.9));
    assert_true(jh_meets(0.9, 0.9));
    assert_false(jh_meets(0.8999, 0.9));
    assert_true(jh_meets(2000.0, 2000.0));
    assert_false(jh_meets(1999.99, 2000.0));
}

/* A county where every school has no multimedia room: the CV is
 * undefined (never 0), the indicator fails, a warning says why. */
static void
zero_mean_gives_undefined_cv(void **state)
{
    fixture f;
    size_t k = ind("multimedia_rooms_per100");
    const jh_indicator_stats *is;

    (void)state;
    fixture_run(&f, HEADER "1,甲,小学,100,0,0,5,1,1,600,800,250000,0\n"
                           "2,乙,小学,200,0,0,10,2,2,1000,1600,460000,0\n");
    assert_int_equal(f.status, JH_OK);
    is = &f.analysis->levels[0].ind[k];
    assert_false(is->cv_defined);
    assert_false(is->cv_pass);
    assert_true(isnan(is->cv));
    assert_false(f.analysis->levels[0].cv_pass);
    assert_false(f.analysis->pass);
    assert_true(f.warnings.count >= 1);
    assert_non_null(strstr(f.warnings.items[0].message, "undefined"));
    /* The Chinese text names the level and the indicator in Chinese. */
    assert_string_equal(f.warnings.items[0].message_zh,
                        "小学：“每百名学生拥有网络多媒体教室数”的县域平均值"
                        "为0，差异系数无法计算（按未达标计）");
    fixture_free(&f);
}

/*
 * A CV that prints as the limit but exceeds it.  Two schools with equal
 * pupils and values a and b have CV |a − b| / (a + b); a = 1, b = 3.002
 * gives 2.002 / 4.002 = 0.50025, printed "0.500" yet over 0.50.
 */
static void
cv_print_disagreement_is_flagged(void **state)
{
    fixture f;
    size_t k = ind("equipment_value_per_student");
    const jh_indicator_stats *is;

    (void)state;
    fixture_run(&f, HEADER "1,甲,小学,100,0,0,5,1,1,600,800,100000,3\n"
                           "2,乙,小学,100,0,0,5,1,1,600,800,300200,3\n");
    assert_int_equal(f.status, JH_OK);
    is = &f.analysis->levels[0].ind[k];
    assert_close(is->cv, 2.002 / 4.002, 1e-12);
    assert_false(is->cv_pass);
    assert_true(is->cv_print_disagrees);
    /* 0.49975 prints "0.500" and passes: no disagreement. */
    fixture_free(&f);
    fixture_run(&f, HEADER "1,甲,小学,100,0,0,5,1,1,600,800,100000,3\n"
                           "2,乙,小学,100,0,0,5,1,1,600,800,299800,3\n");
    assert_int_equal(f.status, JH_OK);
    is = &f.analysis->levels[0].ind[k];
    assert_close(is->cv, 1.998 / 3.998, 1e-12);
    assert_true(is->cv_pass);
    assert_false(is->cv_print_disagrees);
    fixture_free(&f);
}

/*
 * verify compares claims as the official tables print them: half up on
 * the shortest decimal form of the double, not printf's rounding of the
 * binary value (0.1235 is stored as 0.12349999999999999867, 2.675 as
 * 2.67499999999999982236, 1.005 as 1.00499999999999989342).
 */
static void
verify_rounds_as_tables_print(void **state)
{
    (void)state;
    assert_close(jh_verify_round(0.1235, 3), 0.124, 0);
    assert_close(jh_verify_round(0.0845, 3), 0.085, 0);
    assert_close(jh_verify_round(-0.0845, 3), -0.085, 0);
    assert_close(jh_verify_round(2.675, 2), 2.68, 0);
    assert_close(jh_verify_round(1.005, 2), 1.01, 0);
    assert_close(jh_verify_round(0.08400000000000001, 3), 0.084, 0);
    assert_close(jh_verify_round(0.5004, 3), 0.5, 0);
    assert_close(jh_verify_round(0.50474, 3), 0.505, 0);
    assert_close(jh_verify_round(9.9995, 3), 10.0, 0);
    assert_close(jh_verify_round(0.0005, 3), 0.001, 0);
    assert_close(jh_verify_round(0.0004999, 3), 0.0, 0);
    assert_close(jh_verify_round(0.00004, 3), 0.0, 0);
    assert_close(jh_verify_round(2925.045, 2), 2925.05, 0);
    assert_close(jh_verify_round(0.0, 3), 0.0, 0);
    assert_close(jh_verify_round(28.0, 0), 28.0, 0);
    /* Out of range: left as it is. */
    assert_close(jh_verify_round(1e16, 2), 1e16, 0);
    assert_true(isnan(jh_verify_round(NAN, 3)));
}

/* A claim is the number it is; its precision is how it was written. */
static void
verify_parses_claims(void **state)
{
    double v, tol;
    int d;

    (void)state;
    assert_true(jh_claim_parse_number("\xEF\xBC\x90.\xEF\xBC\x95\xEF\xBC\x90"
                                      "\xEF\xBC\x95",
                                      &v, &d, &tol)); /* ０.５０５ */
    assert_close(v, 0.505, 0);
    assert_int_equal(d, 3);
    assert_true(jh_claim_parse_number(" 0.50 ", &v, &d, &tol));
    assert_close(v, 0.5, 0);
    assert_int_equal(d, 2);
    assert_true(jh_claim_parse_number("50%", &v, &d, &tol));
    assert_close(v, 0.5, 0);
    assert_int_equal(d, 2);
    assert_true(jh_claim_parse_number("0e9", &v, &d, &tol));
    assert_close(v, 0.0, 0);
    assert_int_equal(d, -9);
    assert_true(jh_claim_parse_number("2,925.04", &v, &d, &tol));
    assert_close(v, 2925.04, 0);
    /* Commas only between groups of three, as in every reader: "1,23"
     * is no number (it was read as 123). */
    assert_false(jh_claim_parse_number("1,23", &v, &d, &tol));
    assert_false(jh_claim_parse_number("0.123,4", &v, &d, &tol));
    assert_true(jh_claim_parse_number("１，２３４", &v, &d, &tol));
    assert_close(v, 1234, 0);
    assert_false(jh_claim_parse_number("1e999", &v, &d, &tol));
    assert_false(jh_claim_parse_number("abc", &v, &d, &tol));
    assert_false(jh_claim_parse_number("", &v, &d, &tol));
}

/*
 * hand3 scaled by 1e-300 and by 1e+300: the same CV (to rounding), never a
 * false 0 from squares that underflow nor an overflow to infinity; scaled
 * by a power of two, bit for bit the same CV.
 */
static void
tiny_and_huge_values_keep_their_cv(void **state)
{
    const double x[] = {6.0, 5.0, 4.5}, w[] = {100, 200, 700};
    const double factors[] = {1e-300, 1e-200, 1e-160, 1e+160, 1e+300};
    double xs[3];
    jh_wstats s, base;

    (void)state;
    assert_int_equal(jh_wstats_compute(&base, x, w, 3, NULL), JH_OK);
    for (size_t f = 0; f < sizeof(factors) / sizeof(factors[0]); f++) {
        for (int i = 0; i < 3; i++)
            xs[i] = x[i] * factors[f];
        assert_int_equal(jh_wstats_compute(&s, xs, w, 3, NULL), JH_OK);
        assert_close(s.cv, base.cv, 1e-14);
        assert_close(s.mean / factors[f], 4.75, 1e-12);
        assert_true(s.sd > 0);
    }
    for (int e = -1000; e <= 1000; e += 250) {
        for (int i = 0; i < 3; i++)
            xs[i] = ldexp(x[i], e);
        assert_int_equal(jh_wstats_compute(&s, xs, w, 3, NULL), JH_OK);
        assert_true(s.cv == base.cv);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand3_three_cvs_differ),
        cmocka_unit_test(hand3_through_the_pipeline),
        cmocka_unit_test(undefined_statistics_are_errors),
        cmocka_unit_test(threshold_equality_meets),
        cmocka_unit_test(zero_mean_gives_undefined_cv),
        cmocka_unit_test(cv_print_disagreement_is_flagged),
        cmocka_unit_test(verify_rounds_as_tables_print),
        cmocka_unit_test(verify_parses_claims),
        cmocka_unit_test(tiny_and_huge_values_keep_their_cv),
    };
    gsl_set_error_handler_off();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
