/* junheng - unit tests of the one number and cell parser of the importer
 * (src/import/cell.c): numbers as people type them, by hand. */
#include "helpers.h"

#include "cell.h"
#include "util.h"

/* Normalise @p text; true when it is a number in one of the accepted
 * forms, @p out then holds its plain ASCII text and *unit its unit. */
static bool
norm(const char *text, char *out, size_t size, const char **unit)
{
    int u = -1;
    bool ok = jh__normalize_number(text, out, size, &u);

    *unit = u >= 0 ? jh__cell_units[u].text : NULL;
    return ok;
}

static void
accepted_numbers(void **state)
{
    static const struct {
        const char *text, *plain, *unit;
        double value;
    } cases[] = {
        {"1,234", "1234", NULL, 1234},
        {"12,345,678.5", "12345678.5", NULL, 12345678.5},
        {"-1,234", "-1234", NULL, -1234},
        {"１２３", "123", NULL, 123},
        {"１，２３４．５", "1234.5", NULL, 1234.5},
        {"４．５", "4.5", NULL, 4.5},
        {"4.5㎡", "4.5", "㎡", 4.5},
        {" 45.6 万元 ", "45.6", "万元", 45.6},
        {"120人", "120", "人", 120},
        {"３间", "3", "间", 3},
        {"800平方米", "800", "平方米", 800},
        {"2.5e3", "2.5e3", NULL, 2500},
        {"　12　", "12", NULL, 12}, /* ideographic spaces */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[64];
        const char *unit = NULL;
        double v = 0;

        if (!norm(cases[i].text, out, sizeof(out), &unit))
            fail_msg("case %zu '%s' refused", i, cases[i].text);
        assert_string_equal(out, cases[i].plain);
        if (cases[i].unit == NULL)
            assert_null(unit);
        else
            assert_string_equal(unit, cases[i].unit);
        assert_true(jh__parse_double(out, &v));
        assert_close(v, cases[i].value, 0);
    }
}

static void
refused_numbers(void **state)
{
    static const char *const cases[] = {
        "1,23",   "12,3456", ",123",  "1,,234", "约300", "300公顷",
        "abc",    "",        "万元",  "1.2.3万", "12 34x",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[64];
        const char *unit = NULL;
        double v = 0;

        /* Refused by the normaliser, or by the strict C-locale reader
         * after it ("1.2.3"). */
        if (norm(cases[i], out, sizeof(out), &unit) &&
            jh__parse_double(out, &v))
            fail_msg("case %zu '%s' read as %g", i, cases[i], v);
    }
}

/* Out of range, NaN and infinity are no numbers, whatever their form. */
static void
out_of_range(void **state)
{
    static const char *const cases[] = {"1e309", "-1e309", "１ｅ３０９"};
    double v = 0;

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[64];
        const char *unit = NULL;
        if (norm(cases[i], out, sizeof(out), &unit))
            assert_false(jh__parse_double(out, &v));
    }
    assert_false(jh__parse_double("nan", &v));
    assert_false(jh__parse_double("inf", &v));
    assert_false(jh__parse_double("0x10", &v));
    assert_true(jh__parse_double("1e308", &v));
}

/* Units: a cell's unit is matched with its column by kind. */
static void
unit_kinds(void **state)
{
    (void)state;
    assert_true(jh__find_unit("万元") >= 0);
    assert_true(jh__find_unit("M2") >= 0); /* case-insensitive */
    assert_int_equal(jh__find_unit("公顷"), -1);
    assert_true(jh__unit_fits(U_UNITS, U_ROOMS));
    assert_true(jh__unit_fits(U_AREA, U_AREA));
    assert_false(jh__unit_fits(U_PERSONS, U_AREA));
    assert_false(jh__unit_fits(U_MONEY, U_UNITS));
    assert_true(jh_school_is_error_value("#DIV/0!"));
    assert_true(jh_school_is_error_value("Err:502"));
    assert_false(jh_school_is_error_value("#12"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted_numbers),
        cmocka_unit_test(refused_numbers),
        cmocka_unit_test(out_of_range),
        cmocka_unit_test(unit_kinds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
