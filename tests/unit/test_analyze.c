/* junheng tests - the analyze task (analyze.h): one results object, each
 * check run once, and reports that read it instead of computing.  Expected
 * figures are worked by hand in tests/data/hand3.md. */
#define _GNU_SOURCE /* open_memstream, mkstemps */
#include "helpers.h"

#include <jansson.h>
#include <unistd.h>

#include "junheng/analyze.h"
#include "junheng/report.h"
#include "junheng/report_json.h"
#include "junheng/report_text.h"
#include "junheng/report_workbook.h"

#ifndef JH_TEST_DATA
#error "JH_TEST_DATA must name tests/data"
#endif

/* tests/data/hand3.csv through the whole task under quality-2017. */
static jh_analyze_result *
hand3(void)
{
    jh_analyze_result *r = NULL;
    jh_error e;

    assert_int_equal(jh_analyze_run(&r, JH_TEST_DATA "/hand3.csv", NULL,
                                    jh_standard_builtin("quality-2017"), &e),
                     JH_OK);
    assert_non_null(r);
    return r;
}

static jh_report_context
context(const jh_analyze_result *r)
{
    return (jh_report_context){r->analysis,  &r->warnings,  JH_LANG_ZH,
                               "测试县",     "0",           1577836800LL,
                               r->guarantee, r->diagnostics};
}

/* The results hold the figures of hand3.md: the CV, the diagnostics of
 * teaching area and the guarantee counts. */
static void
hand3_results(void **state)
{
    jh_analyze_result *r = hand3();
    size_t k = ind("teaching_area_per_student");
    const jh_indicator_diagnostics *d;
    const jh_guarantee *g = r->guarantee;

    (void)state;
    assert_non_null(r->county);
    assert_non_null(r->model);
    assert_int_equal(r->model->nsections, 3);
    assert_close(r->analysis->levels[JH_LEVEL_PRIMARY].ind[k].cv,
                 0.09704783639255671, 1e-12);
    assert_true(r->analysis->pass);
    /* Diagnostics. */
    assert_non_null(r->diagnostics);
    assert_ptr_equal(r->diagnostics->analysis, r->analysis);
    d = &r->diagnostics->levels[JH_LEVEL_PRIMARY].ind[k];
    assert_true(d->defined);
    assert_close(d->contribution[0], 156.25 / 212.5, 1e-12);
    assert_close(d->contribution[1], 12.5 / 212.5, 1e-12);
    assert_close(d->contribution[2], 43.75 / 212.5, 1e-12);
    assert_close(d->loo_cv[0], 0.045080, 1e-6);
    assert_close(d->loo_cv[1], 0.105830, 1e-6);
    assert_close(d->loo_cv[2], 0.088388, 1e-6);
    assert_close(d->gini, 390000.0 / 9.5e6, 1e-12);
    assert_close(d->median, 4.5, 0);
    assert_close(d->p05, 4.5, 0);
    assert_close(d->p95, 6.0, 0);
    assert_close(d->federal_range_ratio, 1.5 / 4.5, 1e-12);
    assert_close(d->mcloone, 1.0, 0);
    assert_close(d->decomposition.within, 0.2125 / (4.75 * 4.75), 1e-12);
    assert_close(d->decomposition.between, 0.0, 1e-15);
    /* Guarantee checks: none of their columns, school size passes. */
    assert_non_null(g);
    assert_false(g->any_column);
    assert_int_equal(g->nschools, 3);
    assert_int_equal(g->items[JH_G_SCHOOL_SIZE].pass, 3);
    assert_int_equal(g->items[JH_G_CLASS_SIZE_PRIMARY].missing, 3);
    assert_int_equal(g->items[JH_G_CLASS_SIZE_JUNIOR].applicable, 0);
    assert_int_equal(g->items[JH_G_TRAINING_FUNDS].missing, 3);
    assert_int_equal(g->schools_pass, 0);
    assert_int_equal(g->schools_fail, 0);
    assert_int_equal(g->schools_incomplete, 3);
    jh_analyze_free(r);
}

/* Asking for the checks again does not run them again. */
static void
checks_run_once(void **state)
{
    jh_analyze_result *r = hand3();
    const jh_guarantee *g = r->guarantee;
    const jh_diagnostics *d = r->diagnostics;
    jh_error e;

    (void)state;
    assert_int_equal(jh_analyze_checks(r, &e), JH_OK);
    assert_ptr_equal(r->guarantee, g);
    assert_ptr_equal(r->diagnostics, d);
    jh_analyze_free(r);
}

/* The JSON of @p ctx, parsed. */
static json_t *
json_of(const jh_report_context *ctx)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    json_error_t je;
    json_t *root;
    jh_error e;

    assert_non_null(f);
    assert_int_equal(jh_report_json(f, ctx, &e), JH_OK);
    assert_int_equal(fclose(f), 0);
    root = json_loads(buf, 0, &je);
    free(buf);
    assert_non_null(root);
    return root;
}

/* The reports print the figures they are given: a doctored Gini and a
 * doctored guarantee count come out as given.  A report that ran the
 * checks itself (computing twice) would print the true 0.041053 and 3. */
static void
reports_read_the_results(void **state)
{
    jh_analyze_result *r = hand3();
    size_t k = ind("teaching_area_per_student");
    jh_report_context ctx;
    json_t *root, *ind_json;
    char *text = NULL;
    size_t size = 0;
    FILE *f;
    jh_error e;

    (void)state;
    r->diagnostics->levels[JH_LEVEL_PRIMARY].ind[k].gini = 0.5;
    r->guarantee->schools_incomplete = 2;
    r->guarantee->any_column = true;
    ctx = context(r);
    root = json_of(&ctx);
    ind_json = json_array_get(
        json_object_get(
            json_array_get(
                json_object_get(json_object_get(root, "diagnostics"), "levels"),
                0),
            "indicators"),
        k);
    assert_string_equal(json_string_value(json_object_get(ind_json, "id")),
                        "teaching_area_per_student");
    assert_close(json_real_value(json_object_get(ind_json, "gini")), 0.5, 0);
    assert_int_equal(
        json_integer_value(json_object_get(
            json_object_get(json_object_get(root, "guarantee"), "summary"),
            "schools_incomplete")),
        2);
    assert_true(json_is_true(
        json_object_get(json_object_get(root, "guarantee"), "columns_given")));
    json_decref(root);
    /* The text: with the doctored "some column given" it no longer says
     * that no guarantee data was given. */
    f = open_memstream(&text, &size);
    assert_non_null(f);
    assert_int_equal(jh_report_text(f, &ctx, &e), JH_OK);
    assert_int_equal(fclose(f), 0);
    assert_non_null(strstr(text, "学校办学条件"));
    assert_null(strstr(text, "未提供办学条件数据"));
    free(text);
    jh_analyze_free(r);
}

/* Without the checks the reports fail with JH_ERR_ARG instead of running
 * them or leaving their sections out. */
static void
reports_need_the_checks(void **state)
{
    jh_analyze_result *r = hand3();
    jh_report_context ctx = context(r);
    char path[] = "/tmp/jh-analyze-XXXXXX.xlsx";
    FILE *null = fopen("/dev/null", "w");
    jh_error e;
    int fd;

    (void)state;
    assert_non_null(null);
    fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    close(fd);
    ctx.diagnostics = NULL;
    assert_int_equal(jh_report_json(null, &ctx, &e), JH_ERR_ARG);
    assert_non_null(strstr(e.message, "diagnostics"));
    assert_non_null(strstr(e.message_zh, "生成报告需要同一分析的诊断结果"));
    assert_int_equal(jh_report_text(null, &ctx, &e), JH_ERR_ARG);
    assert_int_equal(jh_report_workbook(path, &ctx, &e), JH_ERR_ARG);
    ctx = context(r);
    ctx.guarantee = NULL;
    assert_int_equal(jh_report_json(null, &ctx, &e), JH_ERR_ARG);
    assert_non_null(strstr(e.message, "guarantee"));
    assert_non_null(strstr(e.message_zh, "政府保障程度"));
    assert_int_equal(jh_report_text(null, &ctx, &e), JH_ERR_ARG);
    assert_int_equal(jh_report_workbook(path, &ctx, &e), JH_ERR_ARG);
    ctx = context(r);
    assert_int_equal(jh_report_workbook(path, &ctx, &e), JH_OK);
    unlink(path);
    fclose(null);
    jh_analyze_free(r);
}

/* A file that cannot be read: the reader's error and location, and a
 * result that still holds what was gathered (freed without leaks). */
static void
load_error_propagates(void **state)
{
    jh_analyze_result *r = NULL;
    jh_error e;

    (void)state;
    assert_int_equal(jh_analyze_run(&r, JH_TEST_DATA "/no-such-file.csv", NULL,
                                    jh_standard_builtin("quality-2017"), &e),
                     JH_ERR_IO);
    assert_non_null(r);
    assert_null(r->analysis);
    assert_null(r->diagnostics);
    assert_non_null(strstr(e.file, "no-such-file.csv"));
    assert_int_equal(jh_analyze_checks(r, &e), JH_ERR_ARG);
    jh_analyze_free(r);
    jh_analyze_free(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand3_results),
        cmocka_unit_test(checks_run_once),
        cmocka_unit_test(reports_read_the_results),
        cmocka_unit_test(reports_need_the_checks),
        cmocka_unit_test(load_error_propagates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
