/* junheng tests - combined-school split, exclusions and the school rule. */
#include "helpers.h"

/* Find the section of school @p code at @p level, or fail. */
static const jh_section *
section_of(const fixture *f, const char *code, jh_level level, size_t *idx)
{
    for (size_t i = 0; i < f->model->nsections; i++) {
        const jh_section *s = &f->model->sections[i];
        if (s->level == level &&
            strcmp(f->county->schools[s->school].code, code) == 0) {
            if (idx != NULL)
                *idx = i;
            return s;
        }
    }
    fail_msg("no %s section for %s", jh_level_key(level), code);
    return NULL;
}

/*
 * The rules' example: a nine-year school with 166 primary and 210 junior
 * pupils; physical resources split 166 : 231 (210 × 1.1).  23226 m² gives
 * 23226 × 166/397 / 166 = 23226/397 = 58.504 m² per primary pupil, the
 * rules' "58.5".
 */
static void
nine_year_split(void **state)
{
    fixture f;
    const jh_section *p, *j;
    const jh_standard *std = jh_standard_builtin("quality-2017");
    size_t k = ind("teaching_area_per_student");

    (void)state;
    fixture_run(&f, "code,name,type,students_primary,students_junior,"
                    "degree_teachers_primary,degree_teachers_junior,"
                    "backbone_teachers_primary,backbone_teachers_junior,"
                    "pe_art_teachers_primary,pe_art_teachers_junior,"
                    "teaching_area,sports_area,equipment_value,"
                    "multimedia_rooms\n"
                    "9,九年制,九年一贯制学校,166,210,8,12,2,3,2,2,23226,"
                    "5000,900000,9\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.model->nsections, 2);
    p = section_of(&f, "9", JH_LEVEL_PRIMARY, NULL);
    j = section_of(&f, "9", JH_LEVEL_JUNIOR, NULL);
    assert_close(p->physical_share, 166.0 / 397.0, 1e-15);
    assert_close(j->physical_share, 231.0 / 397.0, 1e-15);
    assert_close(jh_section_value(p, &std->indicators[k]), 23226.0 / 397,
                 1e-12);
    assert_close(jh_section_value(p, &std->indicators[k]), 58.5, 0.005);
    assert_close(jh_section_value(j, &std->indicators[k]), 23226.0 / 397 * 1.1,
                 1e-12);
    /* Teachers come from the per-section columns, unsplit. */
    assert_close(p->quantity[JH_Q_DEGREE_TEACHERS], 8, 0);
    assert_close(j->quantity[JH_Q_DEGREE_TEACHERS], 12, 0);
    assert_false(p->teachers_split);
    assert_int_equal(f.warnings.count, 0);
    /* Each section is weighted by its own enrollment. */
    assert_close(f.analysis->levels[0].students, 166, 0);
    assert_close(f.analysis->levels[1].students, 210, 0);
    fixture_free(&f);
}

/* Complete secondary 1 : 1.2 (junior share B/(B+1.2C)); twelve-year
 * 1 : 1.1 : 1.32; whole-school teacher counts split by plain share. */
static void
complete_and_twelve_year_split(void **state)
{
    fixture f;
    const jh_section *s;

    (void)state;
    fixture_run(&f, HEADER
                "C,完中,完全中学,0,600,400,80,10,10,10000,12000,2000000,30\n"
                "T,十二年,十二年一贯制学校,500,300,200,70,10,10,9000,9000,"
                "1800000,25\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.model->nsections, 3);
    s = section_of(&f, "C", JH_LEVEL_JUNIOR, NULL);
    assert_close(s->physical_share, 600.0 / (600 + 1.2 * 400), 1e-15);
    /* 80 teachers for 1000 pupils, junior gets 600/1000. */
    assert_close(s->quantity[JH_Q_DEGREE_TEACHERS], 48.0, 1e-12);
    assert_true(s->teachers_split);
    s = section_of(&f, "T", JH_LEVEL_PRIMARY, NULL);
    assert_close(s->physical_share, 500.0 / (500 + 1.1 * 300 + 1.32 * 200),
                 1e-15);
    assert_close(s->quantity[JH_Q_DEGREE_TEACHERS], 35.0, 1e-12);
    s = section_of(&f, "T", JH_LEVEL_JUNIOR, NULL);
    assert_close(s->physical_share,
                 1.1 * 300 / (500 + 1.1 * 300 + 1.32 * 200), 1e-15);
    assert_close(s->quantity[JH_Q_DEGREE_TEACHERS], 21.0, 1e-12);
    /* One warning per school whose teacher counts were split. */
    assert_int_equal(f.warnings.count, 2);
    assert_non_null(strstr(f.warnings.items[0].message, "student share"));
    assert_string_equal(f.warnings.items[0].code, "C");
    fixture_free(&f);
}

/* Every row is accounted for: imported or excluded with a reason. */
static void
exclusions(void **state)
{
    fixture f;

    (void)state;
    fixture_run(&f, "code,name,type,students_primary,students_junior,"
                    "students_senior,degree_teachers,backbone_teachers,"
                    "pe_art_teachers,teaching_area,sports_area,"
                    "equipment_value,multimedia_rooms,include\n"
                    "1,甲,小学,100,0,0,5,1,1,600,800,250000,3,\n"
                    "2,特,特殊教育学校,80,20,0,10,1,1,1,1,1,1,\n"
                    "3,职,职业学校,0,0,900,10,1,1,1,1,1,1,\n"
                    "4,小点,教学点,49,0,0,2,0,0,100,100,1000,1,\n"
                    "5,大点,教学点,50,0,0,3,1,1,300,400,100000,2,\n"
                    "6,否,小学,300,0,0,5,1,1,600,800,250000,3,否\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.model->nsections, 2);
    assert_int_equal(f.model->nexcluded, 4);
    assert_int_equal(f.model->excluded[0].reason, JH_EXCL_SPECIAL);
    assert_int_equal(f.model->excluded[1].reason, JH_EXCL_VOCATIONAL);
    assert_int_equal(f.model->excluded[2].reason,
                     JH_EXCL_SMALL_TEACHING_POINT);
    assert_int_equal(f.model->excluded[3].reason, JH_EXCL_INCLUDE_NO);
    assert_string_equal(
        f.county->schools[f.model->excluded[2].school].code, "4");
    /* The teaching point with exactly 50 pupils is its own unit. */
    (void)section_of(&f, "5", JH_LEVEL_PRIMARY, NULL);
    fixture_free(&f);
}

/*
 * The per-school rule: 6 of 7 met and the last at ≥ 85%.  Base school
 * meets everything (primary thresholds 4.2, 1.0, 0.9, 4.5, 7.5, 2000,
 * 2.3 per 100 pupils or per pupil); variants lower one or two values.
 */
static void
six_of_seven_and_85_percent(void **state)
{
    fixture f;
    size_t i;
    const jh_section_result *r;

    (void)state;
    fixture_run(&f,
                HEADER
                /* all met */
                "A,甲,小学,100,0,0,5,1,1,600,800,250000,3\n"
                /* teaching area 4.0 = 88.9% of 4.5: passes with 6 */
                "B,乙,小学,100,0,0,5,1,1,400,800,250000,3\n"
                /* teaching area 3.8 = 84.4% of 4.5: fails */
                "C,丙,小学,100,0,0,5,1,1,380,800,250000,3\n"
                /* two misses, both above 85%: fails */
                "D,丁,小学,100,0,0,5,1,1,400,700,250000,3\n"
                /* exactly 85% (3.825 m²): meets the floor, passes */
                "E,戊,小学,1000,0,0,50,10,9,3825,8000,2500000,30\n");
    assert_int_equal(f.status, JH_OK);
    section_of(&f, "A", JH_LEVEL_PRIMARY, &i);
    r = &f.analysis->results[i];
    assert_int_equal(r->met_count, 7);
    assert_true(r->pass);
    section_of(&f, "B", JH_LEVEL_PRIMARY, &i);
    r = &f.analysis->results[i];
    assert_int_equal(r->met_count, 6);
    assert_true(r->partial[ind("teaching_area_per_student")]);
    assert_true(r->pass);
    section_of(&f, "C", JH_LEVEL_PRIMARY, &i);
    r = &f.analysis->results[i];
    assert_int_equal(r->met_count, 6);
    assert_false(r->partial[ind("teaching_area_per_student")]);
    assert_false(r->pass);
    section_of(&f, "D", JH_LEVEL_PRIMARY, &i);
    r = &f.analysis->results[i];
    assert_int_equal(r->met_count, 5);
    assert_false(r->pass);
    section_of(&f, "E", JH_LEVEL_PRIMARY, &i);
    r = &f.analysis->results[i];
    assert_true(r->met[ind("pe_art_teachers_per100")]); /* 0.9 exactly */
    assert_true(r->partial[ind("teaching_area_per_student")]);
    assert_true(r->pass);
    assert_int_equal(f.analysis->levels[0].schools_passing, 3);
    assert_false(f.analysis->levels[0].schools_pass);
    fixture_free(&f);
}

/* Data the model cannot use is an error naming the row and column. */
static void
model_errors_name_the_cell(void **state)
{
    fixture f;

    (void)state;
    /* A blank area is not zero. */
    fixture_run(&f, HEADER "1,甲,小学,100,0,0,5,1,1,,800,250000,3\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_int_equal(f.err.line, 2);
    assert_int_equal(f.err.column, 10);
    assert_non_null(strstr(f.err.message, "教学及辅助用房面积"));
    assert_string_equal(f.err.message_zh, "甲（1）缺少“教学及辅助用房面积”；"
                                          "空白不等于零，没有请填 0");
    fixture_free(&f);
    /* A primary school with junior pupils has the wrong type. */
    fixture_run(&f, HEADER "1,甲,小学,100,20,0,5,1,1,600,800,250000,3\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_int_equal(f.err.column, 5);
    assert_string_equal(f.err.message_zh, "甲（1）是小学，却有 20 名初中学生；"
                                          "请核对学校类型是否填对");
    fixture_free(&f);
    /* A combined school without its own or whole-school teacher count. */
    fixture_run(&f, HEADER "9,九,九年一贯制学校,100,100,0,,1,1,600,800,"
                           "250000,3\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_int_equal(f.err.column, 7);
    fixture_free(&f);
    /* Every school excluded: nothing to evaluate. */
    fixture_run(&f, HEADER "1,特,特殊教育学校,100,0,0,5,1,1,600,800,"
                           "250000,3\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_non_null(strstr(f.err.message, "excluded"));
    fixture_free(&f);
    /* A required column missing from the header. */
    fixture_run(&f, "code,name,type,students_primary\n1,甲,小学,100\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_non_null(strstr(f.err.message, "missing"));
    assert_non_null(strstr(f.err.message_zh, "缺少必需的列「"));
    fixture_free(&f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nine_year_split),
        cmocka_unit_test(complete_and_twelve_year_split),
        cmocka_unit_test(exclusions),
        cmocka_unit_test(six_of_seven_and_85_percent),
        cmocka_unit_test(model_errors_name_the_cell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
