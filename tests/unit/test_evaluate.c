/* junheng tests - the county evaluation (evaluate.h): facts files, items,
 * verdicts and 表Ⅰ, worked out by hand. */
#include "helpers.h"

#include "junheng/evaluate.h"

/* Facts from CSV text; returns the status, with *out set on success. */
static jh_status
facts_from(const char *csv, jh_facts **out, jh_error *e)
{
    jh_table *t = NULL;
    jh_status st = jh_csv_parse(&t, csv, strlen(csv), "f.csv", NULL, e);

    if (st == JH_OK)
        st = jh_facts_from_table(out, t, e);
    jh_table_free(t);
    return st;
}

/* Values in every accepted form. */
static void
fact_values(void **state)
{
    jh_facts *f = NULL;
    jh_error e;

    (void)state;
    assert_int_equal(facts_from("标题,,\n项目,值,备注\n"
                                "rotation_share,12.5%,x\n"
                                "交流轮岗教师中骨干教师比例,０．２,\n"
                                "training_completion,１００％,\n"
                                "monitoring_level,III级,\n"
                                "salary_ratio,1.05,\n"
                                "special_funds_per_student,6500元,\n"
                                "planning_layout,是,\n"
                                "veto_key_schools,无,\n"
                                "visits,120,\n"
                                "homework_burden,,not yet\n",
                                &f, &e),
                     JH_OK);
    assert_close(f->fact[JH_F_ROTATION_SHARE].value, 0.125, 1e-15);
    assert_string_equal(f->fact[JH_F_ROTATION_SHARE].note, "x");
    assert_int_equal(f->fact[JH_F_ROTATION_SHARE].line, 3);
    assert_close(f->fact[JH_F_ROTATION_BACKBONE_SHARE].value, 0.2, 1e-15);
    assert_close(f->fact[JH_F_TRAINING_COMPLETION].value, 1, 1e-15);
    assert_close(f->fact[JH_F_MONITORING_LEVEL].value, 3, 0);
    assert_close(f->fact[JH_F_SALARY_RATIO].value, 1.05, 1e-15);
    assert_close(f->fact[JH_F_SPECIAL_FUNDS_PER_STUDENT].value, 6500, 0);
    assert_close(f->fact[JH_F_PLANNING_LAYOUT].value, 1, 0);
    assert_close(f->fact[JH_F_VETO_KEY_SCHOOLS].value, 0, 0);
    assert_close(f->fact[JH_F_VISITS].value, 120, 0);
    /* listed with a blank value: not given, its note kept */
    assert_false(f->fact[JH_F_HOMEWORK_BURDEN].given);
    assert_string_equal(f->fact[JH_F_HOMEWORK_BURDEN].note, "not yet");
    assert_false(f->fact[JH_F_CURRICULUM].given);
    jh_facts_free(f);
}

/* Bad values name their line and column. */
static void
fact_errors(void **state)
{
    static const struct {
        const char *csv;
        long line, column;
        const char *message;
    } cases[] = {
        {"item,value\nrotation_share,95\n", 2, 2, "more than 1"},
        {"item,value\nrotation_share,101%\n", 2, 2, "more than 100%"},
        {"item,value\nvisits,12.5\n", 2, 2, "not a whole number"},
        {"item,value\nvisits,40%\n", 2, 2, "a percentage, not a count"},
        {"item,value\nmonitoring_level,V\n", 2, 2, "not a monitoring level"},
        {"item,value\nplanning_layout,maybe\n", 2, 2, "neither 是 nor 否"},
        {"item,value\n\nfoo,1\n", 3, 1, "unknown item 'foo'"},
        {"item,value\n,1\n", 2, 1, "a value without an item"},
        {"item,value\nvisits,1\nvisits,2\n", 3, 1, "given twice"},
        {"item,value\nsalary_ratio,#DIV/0!\n", 2, 2, "spreadsheet error"},
        {"a,b\n", 0, 0, "no header"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        jh_facts *f = NULL;
        jh_error e;
        assert_int_equal(facts_from(cases[i].csv, &f, &e), JH_ERR_DATA);
        assert_null(f);
        assert_string_equal(e.file, "f.csv");
        assert_int_equal(e.line, cases[i].line);
        assert_int_equal(e.column, cases[i].column);
        if (strstr(e.message, cases[i].message) == NULL)
            fail_msg("case %zu: '%s' lacks '%s'", i, e.message,
                     cases[i].message);
    }
}

/* An evaluation of @p schools with @p facts under the built-in 2017
 * standard. */
typedef struct efix {
    fixture f;
    jh_facts *facts;
    jh_evaluation *ev;
    jh_diags warn;
} efix;

static void
erun(efix *x, const char *schools, const char *facts)
{
    jh_error e;

    memset(x, 0, sizeof(*x));
    fixture_run(&x->f, schools);
    if (x->f.status != JH_OK)
        fail_msg("schools: %s", x->f.err.message);
    assert_int_equal(facts_from(facts, &x->facts, &e), JH_OK);
    assert_int_equal(jh_evaluate(&x->ev, x->f.analysis, x->facts, &x->warn, &e),
                     JH_OK);
}

static void
efree(efix *x)
{
    jh_evaluation_free(x->ev);
    jh_facts_free(x->facts);
    jh_diags_release(&x->warn);
    fixture_free(&x->f);
}

static const jh_eval_item *
find_item(const jh_evaluation *ev, const char *id)
{
    for (size_t i = 0; i < ev->nitems; i++) {
        if (strcmp(ev->items[i].id, id) == 0)
            return &ev->items[i];
    }
    fail_msg("no item %s", id);
    return NULL;
}

/* One nine-year school, whole-school teachers only, one teaching point of
 * 60 pupils and one of 30.  表Ⅰ by hand: teachers 66 split 400 : 200 of
 * the school's 600 → 44 and 22 (estimated), plus the teaching points'. */
#define COUNTY                                                                    \
    "code,name,type,students_primary,students_junior,classes_primary,"            \
    "classes_junior,degree_teachers_primary,degree_teachers_junior,"              \
    "backbone_teachers_primary,backbone_teachers_junior,"                         \
    "pe_art_teachers_primary,pe_art_teachers_junior,teaching_area,"               \
    "sports_area,equipment_value,multimedia_rooms,teachers,public_funds\n"        \
    "1,甲校,九年一贯制学校,400,200,9,4,20,12,5,3,4,2,3500,6000,1500000," \
    "16,66,500000\n"                                                              \
    "2,乙点,教学点,60,,3,,3,,1,,1,,300,500,130000,2,4,60000\n"               \
    "3,丙点,教学点,30,,2,,2,,0,,0,,150,200,40000,1,2,65000\n"

/* The facts every county item needs, all at their limits. */
#define FACTS_AT_LIMITS                                                        \
    "item,value\nplanning_layout,是\nunified_standards,是\n"                 \
    "special_funds_per_student,6000\nsalary_ratio,1\n"                         \
    "training_completion,1\nstaffing_allocation,是\nrotation_share,0.1\n"     \
    "rotation_backbone_share,0.2\nnearby_urban_primary,1\n"                    \
    "nearby_town_primary,1\nnearby_urban_junior,0.95\n"                        \
    "nearby_town_junior,0.95\nquality_places_share,0.5\n"                      \
    "migrant_public_share,0.85\ndisabled_enrollment,0.95\n"                    \
    "charters_informatisation,是\nit_teaching,是\nmoral_education,是\n"     \
    "curriculum,是\nhomework_burden,是\nmonitoring_level,3\n"                \
    "questionnaires_valid,100\nquestionnaires_satisfied,85\n"                  \
    "veto_exam_admission,否\nveto_school_choice,否\nveto_key_schools,否\n"  \
    "veto_unfilled_posts,否\nveto_major_incident,否\n"                       \
    "veto_falsification,否\n"

static void
table1_and_small_schools(void **state)
{
    efix x;
    const jh_table1 *t1;

    (void)state;
    erun(&x, COUNTY,
         FACTS_AT_LIMITS "junior_entrants,200\njunior_grade3,190\n"
                         "monitoring_difference,0.15\n"
                         "teaching_points,2\nteachers_primary,60\n");
    t1 = &x.ev->table1;
    assert_int_equal(t1->schools[JH_TYPE_NINE_YEAR], 1);
    assert_int_equal(t1->schools[JH_TYPE_TEACHING_POINT], 2);
    assert_int_equal(t1->teaching_points_50plus, 1);
    assert_close(t1->classes[0], 14, 0);
    assert_close(t1->classes[1], 4, 0);
    assert_close(t1->students[0], 490, 0);
    assert_close(t1->students[1], 200, 0);
    assert_close(t1->teachers[0], 44 + 4 + 2, 1e-12);
    assert_close(t1->teachers[1], 22, 1e-12);
    assert_true(t1->teachers_estimated);
    /* teachers_primary 60 stated, 50 computed: reported */
    assert_int_equal(x.ev->ncontradictions, 1);
    assert_int_equal(x.ev->contradictions[0].fact, JH_F_TEACHERS_PRIMARY);
    assert_close(x.ev->contradictions[0].stated, 60, 0);
    /* the teaching points: 60 pupils get 60000 < 650 × 100, 30 get 65000 */
    assert_int_equal(x.ev->nsmall, 2);
    assert_close(x.ev->small[0].required, 65000, 1e-9);
    assert_int_equal(x.ev->small[0].verdict, JH_V_FAIL);
    assert_int_equal(x.ev->small[1].verdict, JH_V_PASS);
    assert_int_equal(find_item(x.ev, "small_school_funds")->verdict, JH_V_FAIL);
    /* retention 190 / 200 = 95%: met; a difference rate of 0.15 is not
     * below 0.15 */
    assert_close(find_item(x.ev, "junior_retention")->figure[0].value, 0.95,
                 1e-15);
    assert_int_equal(find_item(x.ev, "junior_retention")->verdict, JH_V_PASS);
    assert_int_equal(find_item(x.ev, "monitoring")->figure[1].verdict,
                     JH_V_FAIL);
    assert_int_equal(find_item(x.ev, "monitoring")->figure[0].verdict,
                     JH_V_PASS);
    /* every fact item at its limit passes */
    for (size_t i = 0; i < x.ev->nitems; i++) {
        const jh_eval_item *it = &x.ev->items[i];
        if (!it->computed && strcmp(it->id, "monitoring") != 0)
            assert_int_equal(it->verdict, JH_V_PASS);
    }
    assert_close(x.ev->recognition, 0.85, 1e-15);
    assert_int_equal(x.ev->part[JH_PART_RECOGNITION], JH_V_PASS);
    assert_int_equal(x.ev->part[JH_PART_VETO], JH_V_PASS);
    assert_int_equal(x.ev->verdict, JH_V_FAIL);
    efree(&x);
}

/* Missing facts: listed once, in item order; the verdict is incomplete
 * unless something fails. */
static void
missing_facts(void **state)
{
    efix x;

    (void)state;
    erun(&x, COUNTY,
         "item,value\nplanning_layout,是\nvisits,10\n"
         "questionnaires_valid,100\n");
    assert_int_equal(find_item(x.ev, "planning_layout")->verdict, JH_V_PASS);
    assert_int_equal(find_item(x.ev, "rotation")->verdict, JH_V_INCOMPLETE);
    assert_int_equal(x.ev->missing[0], JH_F_UNIFIED_STANDARDS);
    /* the survey: satisfied questionnaires and satisfied visits missing */
    {
        bool sat = false, vis = false, ret = false;
        for (size_t i = 0; i < x.ev->nmissing; i++) {
            sat = sat || x.ev->missing[i] == JH_F_QUESTIONNAIRES_SATISFIED;
            vis = vis || x.ev->missing[i] == JH_F_VISITS_SATISFIED;
            ret = ret || x.ev->missing[i] == JH_F_JUNIOR_RETENTION;
            for (size_t k = 0; k < i; k++)
                assert_int_not_equal(x.ev->missing[k], x.ev->missing[i]);
        }
        assert_true(sat && vis && ret);
    }
    assert_int_equal(x.ev->part[JH_PART_VETO], JH_V_INCOMPLETE);
    /* the small-school rule fails, so the county fails */
    assert_int_equal(x.ev->verdict, JH_V_FAIL);
    efree(&x);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fact_values),
        cmocka_unit_test(fact_errors),
        cmocka_unit_test(table1_and_small_schools),
        cmocka_unit_test(missing_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
