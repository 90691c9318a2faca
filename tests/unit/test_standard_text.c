/* junheng tests - rule sentences filled from the loaded standard
 * (src/model/standard_text.c). */
#include "helpers.h"

#include <math.h>

#include "standard_text.h"

static const char *
fill(const jh_standard *std, const char *tmpl)
{
    static char buf[512];
    return jh__rule_text(std, tmpl, buf, sizeof(buf));
}

/* The national figures, as the outputs have always printed them. */
static void
national_figures(void **state)
{
    const jh_standard *s = jh_standard_builtin("quality-2017");

    assert_non_null(s);
    assert_string_equal(
        fill(s, "1:{w_nine_junior}、1:{w_complete_senior}、"
                "1:{w_twelve_junior}:{w_twelve_senior}"),
        "1:1.1、1:1.2、1:1.1:1.32");
    assert_string_equal(
        fill(s, "{min_met} of {indicators}, {rest} at {floor}%"),
        "6 of 7, 1 at 85%");
    assert_string_equal(fill(s, "{cv_primary} {cv_junior}"), "0.50 0.45");
    assert_string_equal(
        fill(s, "{c_migrant}% {c_recognition}% {c_nearby_junior}%"),
        "85% 85% 95%");
    assert_string_equal(fill(s, "{c_monitoring_level}级 level "
                                "{c_monitoring_level_en}, "
                                "{c_monitoring_difference}"),
                        "Ⅲ级 level III, 0.15");
    assert_string_equal(fill(s, "{g_school_size}/{g_school_size_combined} "
                                "{g_class_primary}/{g_class_junior} "
                                "{g_training_funds}% {teaching_point_min}"),
                        "2000/2500 45/50 5% 50");
    (void)state;
}

/* A province file's figures, in the shortest form; unknown names, lone
 * braces and figures the standard lacks. */
static void
province_figures(void **state)
{
    static const char ini[] = "[standard]\nbase = quality-2017\n"
                              "partial_floor = 0.80\n[weights]\n"
                              "nine_year_junior = 1.2\n";
    jh_standard s;
    jh_error e = {0};

    assert_int_equal(jh_standard_parse(&s, ini, strlen(ini), "p.ini", &e),
                     JH_OK);
    assert_string_equal(fill(&s, "1:{w_nine_junior}，{floor}%"), "1:1.2，80%");
    assert_string_equal(fill(&s, "{nope} {floor {"), "{nope} {floor {");
    s.county.recognition_min = NAN;
    assert_string_equal(fill(&s, "{c_recognition}%"), "—%");
    (void)state;
}

/* The buffer is never overrun and always terminated. */
static void
truncates(void **state)
{
    const jh_standard *s = jh_standard_builtin(NULL);
    char buf[6];

    assert_string_equal(jh__rule_text(s, "ab{w_twelve_senior}cd", buf,
                                      sizeof(buf)),
                        "ab1.3");
    assert_string_equal(jh__rule_text(s, "abcdefgh", buf, sizeof(buf)),
                        "abcde");
    (void)state;
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(national_figures),
        cmocka_unit_test(province_figures),
        cmocka_unit_test(truncates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
