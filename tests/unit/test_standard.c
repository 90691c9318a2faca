/* junheng tests - standards as data: built-ins, files, overrides, 2012. */
#include "helpers.h"

#include <stdlib.h>

/* Analyze @p csv under @p std (fixture_run uses the default standard). */
static void
run_with(fixture *f, const char *csv, const jh_standard *std)
{
    memset(f, 0, sizeof(*f));
    f->status = jh_csv_parse(&f->table, csv, strlen(csv), "t.csv", NULL,
                             &f->err);
    if (f->status == JH_OK)
        f->status = jh_county_from_table(&f->county, f->table, NULL,
                                         &f->warnings, &f->err);
    if (f->status == JH_OK)
        f->status =
            jh_model_build(&f->model, f->county, std, &f->warnings, &f->err);
    if (f->status == JH_OK)
        f->status = jh_analysis_run(&f->analysis, f->model, &f->warnings,
                                    &f->err);
}

static jh_status
parse(jh_standard *s, const char *text, jh_error *e)
{
    return jh_standard_parse(s, text, strlen(text), "p.ini", e);
}

/* The built-in 2017 standard carries the rules' table, number for number. */
static void
builtin_2017_matches_the_rules(void **state)
{
    const jh_standard *s = jh_standard_builtin("quality-2017");
    static const struct {
        const char *id;
        double primary, junior;
    } t[] = {{"degree_teachers_per100", 4.2, 5.3},
             {"backbone_teachers_per100", 1.0, 1.0},
             {"pe_art_teachers_per100", 0.9, 0.9},
             {"teaching_area_per_student", 4.5, 5.8},
             {"sports_area_per_student", 7.5, 10.2},
             {"equipment_value_per_student", 2000, 2500},
             {"multimedia_rooms_per100", 2.3, 2.4}};

    (void)state;
    assert_non_null(s);
    assert_ptr_equal(s, jh_standard_builtin(NULL));
    assert_int_equal(s->nindicators, 7);
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(s->indicators[i].id, t[i].id);
        assert_close(s->indicators[i].threshold[0], t[i].primary, 0);
        assert_close(s->indicators[i].threshold[1], t[i].junior, 0);
        assert_int_equal(s->indicators[i].split, i >= 3);
    }
    assert_int_equal(s->cv_rule, JH_CV_EACH);
    assert_close(s->cv_limit[0], 0.50, 0);
    assert_close(s->cv_limit[1], 0.45, 0);
    assert_int_equal(s->min_met, 6);
    assert_close(s->partial_floor, 0.85, 0);
    assert_close(s->weight_junior_nine, 1.1, 0);
    assert_close(s->weight_senior_complete, 1.2, 0);
    assert_close(s->weight_senior_twelve, 1.32, 0);
    assert_close(s->teaching_point_min, 50, 0);
    assert_true(s->include_private);
    assert_false(s->subtract_indoor_sports);
    assert_true(jh_standard_provision_find(s, "relax_2019_rooms_pre2016") >=
                0);
}

/*
 * The 2012 composite by hand.  Two schools of 100 pupils each: for values
 * a and b the CV is |a − b| / (a + b).  Teaching area 5 and 7 m² → 1/6;
 * sports 8 and 8 → 0; equipment 2000 and 3000 → 0.2; computers 10 and 30
 * per 100 → 0.5; books 20 and 20 → 0; teachers 0.05 and 0.07 → 1/6;
 * degree teachers equal → 0; titled teachers 0.01 and 0.03 → 0.5.
 * Composite = (1/6 + 0.2 + 0.5 + 1/6 + 0.5) / 8 = 0.19166...
 */
#define CSV_2012                                                             \
    "code,name,type,students_primary,teaching_area,sports_area,"             \
    "equipment_value,computers,books,teachers,degree_teachers,"              \
    "senior_title_teachers,ownership\n"                                      \
    "1,甲,小学,100,500,800,200000,10,2000,5,4,1,公办\n"                      \
    "2,乙,小学,100,700,800,300000,30,2000,7,4,3,公办\n"

static void
composite_2012_by_hand(void **state)
{
    fixture f;
    const jh_level_result *lr;
    double expect = (1.0 / 6 + 0.2 + 0.5 + 1.0 / 6 + 0.5) / 8;

    (void)state;
    run_with(&f, CSV_2012, jh_standard_builtin("basic-2012"));
    assert_int_equal(f.status, JH_OK);
    lr = &f.analysis->levels[0];
    assert_int_equal(f.analysis->standard->nindicators, 8);
    assert_close(lr->ind[0].cv, 1.0 / 6, 1e-12);
    assert_close(lr->ind[3].cv, 0.5, 1e-12);
    assert_close(lr->composite_cv, expect, 1e-12);
    assert_close(lr->composite_limit, 0.65, 0);
    assert_true(lr->composite_pass);
    assert_true(lr->cv_pass);
    /* A single indicator may exceed any limit: CVs are not judged singly. */
    assert_true(isnan(lr->ind[3].cv_limit));
    assert_true(lr->ind[3].cv_pass);
    /* No per-school rule in 2012. */
    assert_true(lr->schools_pass);
    assert_true(f.analysis->pass);
    fixture_free(&f);
}

/* A province file: starts from 2012, tightens the composite, and the
 * verdict follows. */
static void
province_file_changes_the_verdict(void **state)
{
    jh_standard s;
    jh_error e;
    fixture f;

    (void)state;
    assert_int_equal(parse(&s,
                           "; a province's rules\n"
                           "[standard]\n"
                           "base = basic-2012\n"
                           "id = province-2012\n"
                           "composite_limit_primary = 0.15\n",
                           &e),
                     JH_OK);
    assert_string_equal(s.id, "province-2012");
    assert_string_equal(s.base, "basic-2012");
    assert_string_equal(s.file, "p.ini");
    run_with(&f, CSV_2012, &s);
    assert_int_equal(f.status, JH_OK);
    assert_false(f.analysis->levels[0].composite_pass);
    assert_false(f.analysis->pass);
    fixture_free(&f);
}

/* Changing a threshold and the scope changes the 2017 verdict. */
static void
province_threshold_and_scope(void **state)
{
    const char *csv =
        HEADER_OWN "1,公,小学,100,0,0,5,1,1,600,700,250000,3,公办\n"
                   "2,民,小学,100,0,0,5,1,1,600,800,250000,3,民办\n";
    jh_standard s;
    jh_error e;
    fixture f;

    (void)state;
    /* Under 2017 the public school's 7.0 m² of sports ground (93% of 7.5)
     * leaves it passing 6 of 7; both schools count. */
    run_with(&f, csv, jh_standard_builtin(NULL));
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.model->nsections, 2);
    assert_int_equal(f.analysis->results[0].met_count, 6);
    fixture_free(&f);
    assert_int_equal(parse(&s,
                           "[standard]\nbase = quality-2017\n"
                           "[indicator sports_area_per_student]\n"
                           "threshold_primary = 7.0\n"
                           "[scope]\nprivate = exclude\n",
                           &e),
                     JH_OK);
    run_with(&f, csv, &s);
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.model->nsections, 1);
    assert_int_equal(f.model->nexcluded, 1);
    assert_int_equal(f.model->excluded[0].reason, JH_EXCL_PRIVATE);
    assert_int_equal(f.analysis->results[0].met_count, 7);
    fixture_free(&f);
}

/* Malformed files: one error, naming the file and the line, in English
 * and in Chinese. */
static void
malformed_files_name_the_line(void **state)
{
    static const struct {
        const char *text;
        long line;
        const char *words, *words_zh;
    } cases[] = {
        {"[standard]\nbase = quality-2017\n[indicator x\nname_zh = y\n", 3,
         "malformed line", "这一行的格式不对：应为 [节名]"},
        {"[standard]\nbase = quality-2017\n\n"
         "[indicator sports_area_per_student]\nthreshold_primary = seven\n",
         5, "not a non-negative number", "threshold_primary：“seven”不是非负数"},
        {"[standard]\nbase = quality-2017\ncolour = blue\n", 3,
         "unknown key 'colour'", "[standard] 中有未知的键“colour”"},
        {"[standard]\nid = x\nbase = quality-2017\n", 3, "first key",
         "base 必须写在文件的第一项"},
        {"[standard]\nbase = nonesuch\n", 2, "no built-in standard",
         "base：没有名为“nonesuch”的内置标准"},
        {"[standard]\nbase = quality-2017\n[scope]\nprivate = maybe\n", 4,
         "neither include nor exclude",
         "private：“maybe”既不是 include 也不是 exclude"},
        {"[standard]\nbase = quality-2017\n[indicator new_one]\n"
         "name_zh = 新\nname_en = new\n",
         0, "needs a quantity", "[indicator new_one] 缺少 quantity"},
        {"[standard]\nbase = quality-2017\nmin_met = 9\n", 0, "min_met",
         "min_met 为 9，但只有 7 个指标"},
        /* found by fuzz_standard: it would not read back */
        {"[standard]\nbase = quality-2017\nname_en =;x\n", 3,
         "must not start with ';'", "name_en：值不能以“;”开头"},
        {"[standard]\nbase = quality-2017\n[indicator new_one]\n"
         "quantity = books\nname_zh = 新\nname_en = new\n",
         0, "needs threshold_primary",
         "[indicator new_one] 缺少 threshold_primary：逐校达标规则"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        jh_standard s;
        jh_error e;
        jh_status st = parse(&s, cases[i].text, &e);
        if (st == JH_OK || e.line != cases[i].line ||
            strstr(e.message, cases[i].words) == NULL ||
            strstr(e.message_zh, cases[i].words_zh) == NULL)
            fail_msg("case %zu: status %d, line %ld, message '%s' / '%s'", i,
                     st, e.line, st == JH_OK ? "" : e.message,
                     st == JH_OK ? "" : e.message_zh);
        assert_string_equal(e.file, "p.ini");
    }
}

/* Provisions switch on and off; subtract_indoor_sports moves the area. */
static void
provisions_switch(void **state)
{
    const char *csv = "code,name,type,students_primary,degree_teachers,"
                      "backbone_teachers,pe_art_teachers,teaching_area,"
                      "sports_area,equipment_value,multimedia_rooms,"
                      "indoor_sports_area\n"
                      "1,甲,小学,100,5,1,1,600,700,250000,3,100\n";
    jh_standard s = *jh_standard_builtin(NULL);
    size_t ta = ind("teaching_area_per_student"),
           sa = ind("sports_area_per_student");
    jh_error e;
    fixture f;

    (void)state;
    run_with(&f, csv, &s);
    assert_close(f.analysis->results[0].value[ta], 6.0, 1e-12);
    assert_close(f.analysis->results[0].value[sa], 7.0, 1e-12);
    fixture_free(&f);
    assert_int_equal(jh_standard_set_provision(&s, "subtract_indoor_sports",
                                               true, &e),
                     JH_OK);
    assert_true(s.subtract_indoor_sports);
    run_with(&f, csv, &s);
    assert_close(f.analysis->results[0].value[ta], 5.0, 1e-12);
    assert_close(f.analysis->results[0].value[sa], 8.0, 1e-12);
    fixture_free(&f);
    assert_int_equal(jh_standard_set_provision(&s, "subtract_indoor_sports",
                                               false, &e),
                     JH_OK);
    assert_false(s.subtract_indoor_sports);
    assert_int_equal(jh_standard_set_provision(&s, "no_such", true, &e),
                     JH_ERR_NOTFOUND);
    assert_non_null(strstr(e.message, "relax_2019_rooms_pre2016"));
    assert_non_null(strstr(e.message_zh, "标准“quality-2017”没有条款"
                                         "“no_such”（它的条款有："));
    /* A file can switch a provision on. */
    assert_int_equal(parse(&s,
                           "[standard]\nbase = quality-2017\n"
                           "[provision relax_2019_school_size]\n"
                           "enabled = yes\n",
                           &e),
                     JH_OK);
    assert_true(jh_standard_provision_on(&s, "relax_2019_school_size"));
    assert_false(jh_standard_provision_on(&s, "relax_2019_rooms_pre2016"));
}

/*
 * The 2019 relaxations: rotating and part-time PE/art teachers count in
 * rural schools of 50-99 pupils; leased venues count as sports area for
 * urban schools.  A rural school of 80 pupils with 0 PE/art teachers and 1
 * part-time one: 0 per 100 without the provision, 1.25 with it; the same
 * school with 120 pupils is out of the range.  An urban school with
 * 500 m² of grounds and 300 m² leased for 100 pupils: 5 → 8 m² each.
 */
static void
relaxations_2019(void **state)
{
    const char *csv =
        "code,name,type,locality,students_primary,degree_teachers,"
        "backbone_teachers,pe_art_teachers,teaching_area,sports_area,"
        "equipment_value,multimedia_rooms,pe_art_parttime_teachers,"
        "leased_sports_area\n"
        "1,村小,小学,乡村,80,4,1,0,400,800,200000,2,1,\n"
        "2,大村小,小学,乡村,120,6,2,0,600,1000,300000,3,1,\n"
        "3,城小,小学,城区,100,5,1,1,500,500,250000,3,,300\n";
    jh_standard s = *jh_standard_builtin(NULL);
    size_t pe = ind("pe_art_teachers_per100"),
           sa = ind("sports_area_per_student");
    jh_error e;
    fixture f;

    (void)state;
    run_with(&f, csv, &s);
    assert_int_equal(f.status, JH_OK);
    assert_close(f.analysis->results[0].value[pe], 0.0, 0);
    assert_close(f.analysis->results[2].value[sa], 5.0, 1e-12);
    fixture_free(&f);
    assert_int_equal(jh_standard_set_provision(
                         &s, "relax_2019_pe_art_parttime", true, &e),
                     JH_OK);
    assert_int_equal(jh_standard_set_provision(&s, "relax_2019_leased_sports",
                                               true, &e),
                     JH_OK);
    run_with(&f, csv, &s);
    assert_int_equal(f.status, JH_OK);
    assert_close(f.analysis->results[0].value[pe], 1.25, 1e-12);
    assert_close(f.analysis->results[1].value[pe], 0.0, 0); /* 120 pupils */
    assert_close(f.analysis->results[2].value[sa], 8.0, 1e-12);
    fixture_free(&f);
}

/* Printing a standard and reading it back gives the same standard. */
static void
ini_round_trip(void **state)
{
    for (size_t i = 0; i < jh_standard_builtin_count(); i++) {
        const jh_standard *b =
            jh_standard_builtin(jh_standard_builtin_id(i));
        char *ini = jh_standard_to_ini(b);
        jh_standard back;
        jh_error e;

        assert_non_null(ini);
        if (jh_standard_parse(&back, ini, strlen(ini), "round.ini", &e) !=
            JH_OK)
            fail_msg("%s: %s at line %ld", b->id, e.message, e.line);
        free(ini);
        assert_string_equal(back.id, b->id);
        assert_int_equal(back.nindicators, b->nindicators);
        assert_int_equal(back.cv_rule, b->cv_rule);
        assert_int_equal(back.min_met, b->min_met);
        assert_int_equal(back.nprovisions, b->nprovisions);
        assert_int_equal(back.include_private, b->include_private);
        assert_int_equal(back.teaching_points, b->teaching_points);
        for (size_t k = 0; k < b->nindicators; k++) {
            assert_string_equal(back.indicators[k].name_zh,
                                b->indicators[k].name_zh);
            assert_int_equal(back.indicators[k].quantity,
                             b->indicators[k].quantity);
            assert_int_equal(back.indicators[k].decimals,
                             b->indicators[k].decimals);
            for (int l = 0; l < JH_LEVEL_COUNT; l++) {
                double x = b->indicators[k].threshold[l];
                double y = back.indicators[k].threshold[l];
                assert_true((isnan(x) && isnan(y)) || x == y);
            }
        }
    }
    (void)state;
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_2017_matches_the_rules),
        cmocka_unit_test(composite_2012_by_hand),
        cmocka_unit_test(province_file_changes_the_verdict),
        cmocka_unit_test(province_threshold_and_scope),
        cmocka_unit_test(malformed_files_name_the_line),
        cmocka_unit_test(provisions_switch),
        cmocka_unit_test(relaxations_2019),
        cmocka_unit_test(ini_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
