/* junheng tests - school-level government-guarantee checks (guarantee.h),
 * every expected figure worked out by hand from the 2017 standard. */
#include "helpers.h"

#include "junheng/guarantee.h"
#include "junheng/result_words.h"
#include "junheng/school_reader.h"

/* Read @p csv into a county and check it under @p std. */
typedef struct gfix {
    jh_table *table;
    jh_county *county;
    jh_guarantee *g;
    jh_diags warnings;
    jh_error err;
} gfix;

static void
grun(gfix *f, const char *csv, const jh_standard *std)
{
    memset(f, 0, sizeof(*f));
    assert_int_equal(
        jh_csv_parse(&f->table, csv, strlen(csv), "g.csv", NULL, &f->err),
        JH_OK);
    if (jh_county_from_table(&f->county, f->table, NULL, &f->warnings,
                             &f->err) != JH_OK)
        fail_msg("import: %s (line %ld)", f->err.message, f->err.line);
    assert_int_equal(
        jh_guarantee_run(&f->g, f->county, std, &f->warnings, &f->err), JH_OK);
}

static void
gfree(gfix *f)
{
    jh_guarantee_free(f->g);
    jh_county_free(f->county);
    jh_table_free(f->table);
    jh_diags_release(&f->warnings);
}

/* The result of check @p k for the @p i-th school checked. */
static const jh_gresult *
item(const gfix *f, size_t i, jh_gcheck k)
{
    assert_true(i < f->g->nschools);
    return &f->g->schools[i].item[k];
}

/* The built-in 2017 standard with the two 2019 provisions set. */
static jh_standard
std_with(bool relax_size, bool relax_rooms)
{
    jh_standard s = *jh_standard_builtin("quality-2017");
    jh_error e;

    assert_int_equal(
        jh_standard_set_provision(&s, "relax_2019_school_size", relax_size, &e),
        JH_OK);
    assert_int_equal(jh_standard_set_provision(&s, "relax_2019_rooms_pre2016",
                                               relax_rooms, &e),
                     JH_OK);
    return s;
}

/* The limits of the built-in standard are the rules' numbers. */
static void
limits_from_the_standard(void **state)
{
    const jh_guarantee_limits *g =
        &jh_standard_builtin("quality-2017")->guarantee;

    (void)state;
    assert_true(g->defined);
    assert_close(g->school_size_max, 2000, 0);
    assert_close(g->school_size_max_combined, 2500, 0);
    assert_close(g->school_size_max_relaxed, 2400, 0);
    assert_close(g->school_size_max_combined_relaxed, 3000, 0);
    assert_close(g->class_size_max[JH_LEVEL_PRIMARY], 45, 0);
    assert_close(g->class_size_max[JH_LEVEL_JUNIOR], 50, 0);
    assert_close(g->classes_per_music_room, 12, 0);
    assert_close(g->classes_per_art_room, 12, 0);
    assert_close(g->music_room_min_area, 96, 0);
    assert_close(g->art_room_min_area, 90, 0);
    assert_close(g->music_room_min_area_pre2016, 73, 0);
    assert_close(g->art_room_min_area_pre2016, 67, 0);
    assert_close(g->certified_share, 1, 0);
    assert_close(g->training_funds_share, 0.05, 0);
    assert_close(g->small_school_pupils, 100, 0);
    assert_false(g->include_teaching_points);
    /* The 2012 standard has no guarantee items. */
    assert_false(jh_standard_builtin("basic-2012")->guarantee.defined);
}

/* 13 classes need ceil(13 / 12) = 2 rooms of each kind; 12 need 1; 24
 * need exactly 2; 25 need 3. */
static void
rooms_per_twelve_classes(void **state)
{
    jh_standard s = std_with(false, false);
    gfix f;

    (void)state;
    grun(&f,
         "code,name,type,students_primary,students_junior,classes_primary,"
         "classes_junior,music_rooms,art_rooms\n"
         "1,甲,小学,580,,13,,1,2\n"
         "2,乙,小学,540,,12,,1,1\n"
         "3,丙,九年一贯制学校,500,300,16,8,2,1\n"
         "4,丁,初中,,1250,,25,3,2\n",
         &s);
    assert_int_equal(f.g->nschools, 4);
    /* 13 classes: 1 music room fails by 1, 2 art rooms pass */
    assert_int_equal(item(&f, 0, JH_G_MUSIC_ROOMS)->status, JH_GS_FAIL);
    assert_close(item(&f, 0, JH_G_MUSIC_ROOMS)->limit, 2, 0);
    assert_close(item(&f, 0, JH_G_MUSIC_ROOMS)->base, 13, 0);
    assert_close(item(&f, 0, JH_G_MUSIC_ROOMS)->shortfall, 1, 0);
    assert_int_equal(item(&f, 0, JH_G_ART_ROOMS)->status, JH_GS_PASS);
    assert_close(item(&f, 0, JH_G_ART_ROOMS)->shortfall, 0, 0);
    /* 12 classes: 1 room is enough */
    assert_int_equal(item(&f, 1, JH_G_MUSIC_ROOMS)->status, JH_GS_PASS);
    assert_close(item(&f, 1, JH_G_MUSIC_ROOMS)->limit, 1, 0);
    /* both sections count: 16 + 8 = 24 classes need 2 */
    assert_close(item(&f, 2, JH_G_MUSIC_ROOMS)->base, 24, 0);
    assert_int_equal(item(&f, 2, JH_G_MUSIC_ROOMS)->status, JH_GS_PASS);
    assert_int_equal(item(&f, 2, JH_G_ART_ROOMS)->status, JH_GS_FAIL);
    /* 25 classes need 3 */
    assert_close(item(&f, 3, JH_G_MUSIC_ROOMS)->limit, 3, 0);
    assert_int_equal(item(&f, 3, JH_G_MUSIC_ROOMS)->status, JH_GS_PASS);
    assert_close(item(&f, 3, JH_G_ART_ROOMS)->shortfall, 1, 0);
    assert_int_equal(f.g->items[JH_G_MUSIC_ROOMS].pass, 3);
    assert_int_equal(f.g->items[JH_G_MUSIC_ROOMS].fail, 1);
    assert_int_equal(f.g->items[JH_G_ART_ROOMS].fail, 2);
    gfree(&f);
}

/* A 73 m² music room fails (96); it passes only when built before 2016 and
 * provision relax_2019_rooms_pre2016 is on.  67 m² art rooms likewise
 * (90, 67). */
static void
room_area_and_the_2019_provision(void **state)
{
    const char *csv = "code,name,type,students_primary,classes_primary,"
                      "music_rooms,art_rooms,music_room_min_area,"
                      "art_room_min_area,rooms_pre2016\n"
                      "1,甲,小学,400,9,1,1,73,67,是\n"
                      "2,乙,小学,400,9,1,1,73,67,否\n"
                      "3,丙,小学,400,9,1,1,73,67,\n"
                      "4,丁,小学,400,9,1,1,72.5,89.9,是\n"
                      "5,戊,小学,400,9,0,1,,90,否\n";
    jh_standard off = std_with(false, false), on = std_with(false, true);
    gfix f;

    (void)state;
    grun(&f, csv, &off);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(item(&f, i, JH_G_MUSIC_ROOM_AREA)->status, JH_GS_FAIL);
        assert_close(item(&f, i, JH_G_MUSIC_ROOM_AREA)->limit, 96, 0);
        assert_close(item(&f, i, JH_G_MUSIC_ROOM_AREA)->shortfall, 23, 1e-9);
        assert_close(item(&f, i, JH_G_ART_ROOM_AREA)->shortfall, 23, 1e-9);
        assert_false(item(&f, i, JH_G_MUSIC_ROOM_AREA)->relaxed);
    }
    /* no music room: nothing to measure; the count fails instead */
    assert_int_equal(item(&f, 4, JH_G_MUSIC_ROOM_AREA)->status, JH_GS_NA);
    assert_int_equal(item(&f, 4, JH_G_MUSIC_ROOMS)->status, JH_GS_FAIL);
    assert_int_equal(item(&f, 4, JH_G_ART_ROOM_AREA)->status, JH_GS_PASS);
    gfree(&f);

    grun(&f, csv, &on);
    /* built before 2016, provision on: 73 ≥ 73 and 67 ≥ 67 */
    assert_int_equal(item(&f, 0, JH_G_MUSIC_ROOM_AREA)->status, JH_GS_PASS);
    assert_close(item(&f, 0, JH_G_MUSIC_ROOM_AREA)->limit, 73, 0);
    assert_true(item(&f, 0, JH_G_MUSIC_ROOM_AREA)->relaxed);
    assert_int_equal(item(&f, 0, JH_G_ART_ROOM_AREA)->status, JH_GS_PASS);
    assert_close(item(&f, 0, JH_G_ART_ROOM_AREA)->limit, 67, 0);
    /* nothing fails; the other checks are not given, so no pass */
    assert_int_equal(f.g->schools[0].failed, 0);
    assert_false(f.g->schools[0].pass);
    /* built later (否) or not said (blank): the full limits */
    for (size_t i = 1; i < 3; i++) {
        assert_int_equal(item(&f, i, JH_G_MUSIC_ROOM_AREA)->status, JH_GS_FAIL);
        assert_close(item(&f, i, JH_G_MUSIC_ROOM_AREA)->limit, 96, 0);
    }
    /* relaxed, still short: 0.5 and 0.1 m² */
    assert_int_equal(item(&f, 3, JH_G_MUSIC_ROOM_AREA)->status, JH_GS_FAIL);
    assert_close(item(&f, 3, JH_G_MUSIC_ROOM_AREA)->shortfall, 0.5, 1e-9);
    assert_close(item(&f, 3, JH_G_ART_ROOM_AREA)->limit, 67, 0);
    assert_int_equal(item(&f, 3, JH_G_ART_ROOM_AREA)->status, JH_GS_PASS);
    gfree(&f);
}

/* 2000 pupils pass, 2001 fail by 1; 2400 pass only when the relaxation is
 * on and the school qualifies; nine-year schools 2500, relaxed 3000. */
static void
school_size_and_the_relaxation(void **state)
{
    const char *csv = "code,name,type,students_primary,students_junior,"
                      "students_senior,size_relaxation_eligible\n"
                      "1,甲,小学,2000,,,\n"
                      "2,乙,小学,2001,,,\n"
                      "3,丙,小学,2400,,,是\n"
                      "4,丁,小学,2400,,,否\n"
                      "5,戊,九年一贯制学校,1500,1000,,\n"
                      "6,己,九年一贯制学校,1500,1001,,\n"
                      "7,庚,九年一贯制学校,1800,1200,,是\n"
                      "8,辛,完全中学,,2000,1500,\n"
                      "9,壬,十二年一贯制学校,1400,1100,900,\n"
                      "10,癸,小学,2401,,,是\n";
    jh_standard off = std_with(false, false), on = std_with(true, false);
    static const jh_gstatus want_off[] = {
        JH_GS_PASS, JH_GS_FAIL, JH_GS_FAIL, JH_GS_FAIL, JH_GS_PASS,
        JH_GS_FAIL, JH_GS_FAIL, JH_GS_PASS, JH_GS_PASS, JH_GS_FAIL};
    static const jh_gstatus want_on[] = {
        JH_GS_PASS, JH_GS_FAIL, JH_GS_PASS, JH_GS_FAIL, JH_GS_PASS,
        JH_GS_FAIL, JH_GS_PASS, JH_GS_PASS, JH_GS_PASS, JH_GS_FAIL};
    gfix f;

    (void)state;
    grun(&f, csv, &off);
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(item(&f, i, JH_G_SCHOOL_SIZE)->status, want_off[i]);
    assert_close(item(&f, 1, JH_G_SCHOOL_SIZE)->value, 2001, 0);
    assert_close(item(&f, 1, JH_G_SCHOOL_SIZE)->shortfall, 1, 0);
    /* compulsory sections only: the senior pupils do not count */
    assert_close(item(&f, 7, JH_G_SCHOOL_SIZE)->value, 2000, 0);
    assert_close(item(&f, 7, JH_G_SCHOOL_SIZE)->limit, 2000, 0);
    assert_close(item(&f, 8, JH_G_SCHOOL_SIZE)->value, 2500, 0);
    assert_close(item(&f, 8, JH_G_SCHOOL_SIZE)->limit, 2500, 0);
    assert_false(item(&f, 2, JH_G_SCHOOL_SIZE)->relaxed);
    gfree(&f);

    grun(&f, csv, &on);
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(item(&f, i, JH_G_SCHOOL_SIZE)->status, want_on[i]);
    assert_close(item(&f, 2, JH_G_SCHOOL_SIZE)->limit, 2400, 0);
    assert_true(item(&f, 2, JH_G_SCHOOL_SIZE)->relaxed);
    /* not eligible: the provision does not apply to it */
    assert_close(item(&f, 3, JH_G_SCHOOL_SIZE)->limit, 2000, 0);
    assert_false(item(&f, 3, JH_G_SCHOOL_SIZE)->relaxed);
    assert_close(item(&f, 6, JH_G_SCHOOL_SIZE)->limit, 3000, 0);
    assert_close(item(&f, 9, JH_G_SCHOOL_SIZE)->shortfall, 1, 0);
    gfree(&f);
}

/* Largest class: 45 primary, 50 junior; a combined school with only a
 * whole-school figure passes a level when that figure is within the
 * level's limit, else that level is not given. */
static void
class_size(void **state)
{
    jh_standard s = std_with(false, false);
    gfix f;

    (void)state;
    grun(&f,
         "code,name,type,students_primary,students_junior,"
         "largest_class_primary,largest_class_junior,largest_class\n"
         "1,甲,小学,900,,45,,\n"
         "2,乙,小学,900,,46,,\n"
         "3,丙,初中,,900,,50,\n"
         "4,丁,初中,,900,,,51\n"
         "5,戊,九年一贯制学校,600,400,,,44\n"
         "6,己,九年一贯制学校,600,400,,,48\n"
         "7,庚,九年一贯制学校,600,0,44,,\n",
         &s);
    assert_int_equal(item(&f, 0, JH_G_CLASS_SIZE_PRIMARY)->status, JH_GS_PASS);
    assert_int_equal(item(&f, 0, JH_G_CLASS_SIZE_JUNIOR)->status, JH_GS_NA);
    assert_int_equal(item(&f, 1, JH_G_CLASS_SIZE_PRIMARY)->status, JH_GS_FAIL);
    assert_close(item(&f, 1, JH_G_CLASS_SIZE_PRIMARY)->shortfall, 1, 0);
    assert_int_equal(item(&f, 2, JH_G_CLASS_SIZE_JUNIOR)->status, JH_GS_PASS);
    /* a single-level school's whole-school figure is its level's */
    assert_int_equal(item(&f, 3, JH_G_CLASS_SIZE_JUNIOR)->status, JH_GS_FAIL);
    assert_close(item(&f, 3, JH_G_CLASS_SIZE_JUNIOR)->value, 51, 0);
    /* 44 in the whole school: both levels within their limits */
    assert_int_equal(item(&f, 4, JH_G_CLASS_SIZE_PRIMARY)->status, JH_GS_PASS);
    assert_true(item(&f, 4, JH_G_CLASS_SIZE_PRIMARY)->whole_school);
    assert_int_equal(item(&f, 4, JH_G_CLASS_SIZE_JUNIOR)->status, JH_GS_PASS);
    /* 48: the junior level passes, the primary level must be given */
    assert_int_equal(item(&f, 5, JH_G_CLASS_SIZE_PRIMARY)->status,
                     JH_GS_MISSING);
    assert_int_equal(item(&f, 5, JH_G_CLASS_SIZE_JUNIOR)->status, JH_GS_PASS);
    /* no junior pupils: the junior check does not apply */
    assert_int_equal(item(&f, 6, JH_G_CLASS_SIZE_JUNIOR)->status, JH_GS_NA);
    gfree(&f);
}

/* 99 certified of 100 full-time teachers fails by one teacher; training
 * funds of exactly 5% pass, one yuan less fails. */
static void
certificates_and_training(void **state)
{
    jh_standard s = std_with(false, false);
    char buf[256];
    gfix f;

    (void)state;
    grun(&f,
         "code,name,type,students_primary,students_junior,teachers,"
         "certified_teachers,teachers_primary,teachers_junior,"
         "certified_teachers_primary,certified_teachers_junior,"
         "training_funds,public_funds\n"
         "1,甲,小学,1500,,100,99,,,,,5000,100000\n"
         "2,乙,小学,1500,,100,100,,,,,4999,100000\n"
         "3,丙,九年一贯制学校,600,400,,,40,30,40,28,,\n"
         "4,丁,小学,60,,0,0,,,,,0,0\n",
         &s);
    assert_int_equal(item(&f, 0, JH_G_CERTIFIED_TEACHERS)->status, JH_GS_FAIL);
    assert_close(item(&f, 0, JH_G_CERTIFIED_TEACHERS)->value, 0.99, 1e-12);
    assert_close(item(&f, 0, JH_G_CERTIFIED_TEACHERS)->shortfall, 1, 0);
    assert_string_equal(
        jh_gresult_describe(item(&f, 0, JH_G_CERTIFIED_TEACHERS),
                            JH_G_CERTIFIED_TEACHERS, true, buf, sizeof(buf)),
        "1 teacher without a certificate (99 of 100 certified)");
    assert_int_equal(item(&f, 0, JH_G_TRAINING_FUNDS)->status, JH_GS_PASS);
    assert_close(item(&f, 0, JH_G_TRAINING_FUNDS)->value, 0.05, 1e-12);
    assert_int_equal(item(&f, 1, JH_G_CERTIFIED_TEACHERS)->status, JH_GS_PASS);
    assert_int_equal(item(&f, 1, JH_G_TRAINING_FUNDS)->status, JH_GS_FAIL);
    assert_close(item(&f, 1, JH_G_TRAINING_FUNDS)->shortfall, 1, 1e-9);
    /* per section: 68 of 70 */
    assert_int_equal(item(&f, 2, JH_G_CERTIFIED_TEACHERS)->status, JH_GS_FAIL);
    assert_close(item(&f, 2, JH_G_CERTIFIED_TEACHERS)->base, 70, 0);
    assert_close(item(&f, 2, JH_G_CERTIFIED_TEACHERS)->shortfall, 2, 0);
    /* blank funds: not given, never a pass */
    assert_int_equal(item(&f, 2, JH_G_TRAINING_FUNDS)->status, JH_GS_MISSING);
    assert_false(f.g->schools[2].pass);
    /* no teachers: nothing to certify; a budget of 0 is not given */
    assert_int_equal(item(&f, 3, JH_G_CERTIFIED_TEACHERS)->status, JH_GS_NA);
    assert_int_equal(item(&f, 3, JH_G_TRAINING_FUNDS)->status, JH_GS_MISSING);
    assert_true(item(&f, 3, JH_G_TRAINING_FUNDS)->missing_columns &
                (1u << JH_Q_PUBLIC_FUNDS));
    gfree(&f);
}

/* Without the columns every check is "not given": no school passes. */
static void
absent_columns_are_not_given(void **state)
{
    jh_standard s = std_with(false, false);
    char buf[256];
    gfix f;

    (void)state;
    grun(&f, "code,name,type,students_primary\n1,甲,小学,300\n", &s);
    assert_false(f.g->any_column);
    assert_int_equal(f.g->nschools, 1);
    assert_false(f.g->schools[0].pass);
    assert_int_equal(f.g->schools_pass, 0);
    assert_int_equal(f.g->schools_incomplete, 1);
    /* size is known; everything else is missing (junior does not apply) */
    assert_int_equal(item(&f, 0, JH_G_SCHOOL_SIZE)->status, JH_GS_PASS);
    assert_int_equal(f.g->schools[0].missing, JH_G_COUNT - 2);
    assert_int_equal(item(&f, 0, JH_G_MUSIC_ROOMS)->missing_columns,
                     JH_GMISS_CLASSES | (1u << JH_Q_MUSIC_ROOMS));
    assert_string_equal(
        jh_gresult_describe(item(&f, 0, JH_G_MUSIC_ROOMS), JH_G_MUSIC_ROOMS,
                            false, buf, sizeof(buf)),
        "未提供：班级数 (classes_primary, classes_junior)、音乐专用教室数 "
        "(music_rooms)");
    for (int k = 0; k < JH_G_COUNT; k++)
        assert_int_equal(f.g->items[k].pass, k == JH_G_SCHOOL_SIZE ? 1 : 0);
    gfree(&f);
}

/* Chinese headers, 万元, the yes/no flags and the scope. */
static void
chinese_headers_and_scope(void **state)
{
    jh_standard s = std_with(true, true);
    gfix f;

    (void)state;
    grun(&f,
         "学校代码,学校名称,学校类型,小学在校生数,小学班级数,小学最大班额,"
         "音乐专用教室数(间),美术专用教室数,最小音乐教室面积(平方米),"
         "最小美术教室面积,专用教室2016年前建成,专任教师数,持证专任教师数,"
         "教师培训经费(万元),公用经费预算(万元),规模放宽适用,纳入计算\n"
         "1,甲小学,小学,2300,50,45,5,5,73,67,是,120,120,1.2,24,是,是\n"
         "2,乙教学点,教学点,30,3,12,0,0,,,,3,3,0.1,2,,是\n"
         "3,丙特教,特殊教育学校,80,8,10,1,1,96,90,,20,20,1,10,,是\n"
         "4,丁小学,小学,300,7,44,1,1,96,90,,20,20,1,10,,否\n",
         &s);
    assert_true(f.g->any_column);
    assert_int_equal(f.g->nschools, 1);
    assert_int_equal(f.g->nskipped, 3);
    assert_int_equal(f.g->skipped[0].reason, JH_EXCL_TEACHING_POINT);
    assert_int_equal(f.g->skipped[1].reason, JH_EXCL_SPECIAL);
    assert_int_equal(f.g->skipped[2].reason, JH_EXCL_INCLUDE_NO);
    /* 2300 pupils, eligible, relaxed to 2400; 73 and 67 m² before 2016;
     * 1.2 万元 of 24 万元 is exactly 5% */
    assert_true(f.g->schools[0].pass);
    assert_close(item(&f, 0, JH_G_SCHOOL_SIZE)->limit, 2400, 0);
    assert_close(item(&f, 0, JH_G_TRAINING_FUNDS)->base, 240000, 1e-6);
    assert_close(item(&f, 0, JH_G_TRAINING_FUNDS)->value, 0.05, 1e-12);
    assert_int_equal(f.g->county->schools[0].rooms_pre2016, JH_FLAG_YES);
    gfree(&f);
}

/* A bad flag names its cell; a bad [guarantee] value names its line. */
static void
bad_input_named(void **state)
{
    const char *csv = "code,name,type,students_primary,rooms_pre2016\n"
                      "1,甲,小学,300,maybe\n";
    const char *ini = "[standard]\nbase = quality-2017\n[guarantee]\n"
                      "training_funds_share = 5\n";
    jh_table *t = NULL;
    jh_county *c = NULL;
    jh_standard s;
    jh_error e;

    (void)state;
    assert_int_equal(jh_csv_parse(&t, csv, strlen(csv), "f.csv", NULL, &e),
                     JH_OK);
    assert_int_equal(jh_county_from_table(&c, t, NULL, NULL, &e), JH_ERR_DATA);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 5);
    assert_non_null(strstr(e.message, "'maybe'"));
    jh_table_free(t);
    assert_int_equal(jh_standard_parse(&s, ini, strlen(ini), "p.ini", &e),
                     JH_ERR_DATA);
    assert_int_equal(e.line, 4);
    assert_non_null(strstr(e.message, "more than 1"));
    ini = "[standard]\nid = x\n[indicator a]\nname_zh = a\nname_en = a\n"
          "quantity = books\n[guarantee]\nschool_size_max = 2000\n";
    assert_int_equal(jh_standard_parse(&s, ini, strlen(ini), "q.ini", &e),
                     JH_ERR_DATA);
    assert_non_null(strstr(e.message, "[guarantee] needs"));
    /* A province file overrides one limit and keeps the others. */
    ini = "[standard]\nbase = quality-2017\n[guarantee]\n"
          "class_size_max_primary = 40\n";
    assert_int_equal(jh_standard_parse(&s, ini, strlen(ini), "r.ini", &e),
                     JH_OK);
    assert_close(s.guarantee.class_size_max[0], 40, 0);
    assert_close(s.guarantee.class_size_max[1], 50, 0);
}

/* The standards file written back keeps the [guarantee] numbers. */
static void
guarantee_round_trip(void **state)
{
    const jh_standard *b = jh_standard_builtin("quality-2017");
    char *ini = jh_standard_to_ini(b);
    jh_standard back;
    jh_error e;

    (void)state;
    assert_non_null(ini);
    assert_non_null(strstr(ini, "\n[guarantee]\n"));
    assert_int_equal(jh_standard_parse(&back, ini, strlen(ini), "x.ini", &e),
                     JH_OK);
    free(ini);
    assert_memory_equal(&back.guarantee, &b->guarantee, sizeof(back.guarantee));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(limits_from_the_standard),
        cmocka_unit_test(rooms_per_twelve_classes),
        cmocka_unit_test(room_area_and_the_2019_provision),
        cmocka_unit_test(school_size_and_the_relaxation),
        cmocka_unit_test(class_size),
        cmocka_unit_test(certificates_and_training),
        cmocka_unit_test(absent_columns_are_not_given),
        cmocka_unit_test(chinese_headers_and_scope),
        cmocka_unit_test(bad_input_named),
        cmocka_unit_test(guarantee_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
