/* junheng - unit tests of the one number and cell parser of the importer
 * (src/import/cell.c): numbers as people type them, by hand. */
#include "helpers.h"

#include <string.h>

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

/* Read @p text with @p flags: true and *out when it is a number. */
static bool
num(const char *text, unsigned flags, jh__number *out)
{
    memset(out, 0, sizeof(*out));
    return jh__parse_number(text, flags, out);
}

/* No flag: plain numbers, full-width forms and spaces; nothing else. */
static void
number_plain(void **state)
{
    jh__number n;

    (void)state;
    assert_true(num(" 12.5 ", 0, &n));
    assert_close(n.value, 12.5, 0);
    assert_int_equal(n.unit, -1);
    assert_false(n.percent);
    assert_true(num("１２．５", 0, &n));
    assert_close(n.value, 12.5, 0);
    assert_true(num("－３", 0, &n));
    assert_close(n.value, -3, 0);
    assert_true(num("\xC2\xA0" "7\xE3\x80\x80", 0, &n)); /* no-break, 　 */
    assert_close(n.value, 7, 0);
    assert_false(num("1,234", 0, &n)); /* no JH__NUM_GROUPS */
    assert_false(num("50%", 0, &n));   /* no JH__NUM_PERCENT */
    assert_false(num("5元", 0, &n));   /* no JH__NUM_YUAN */
    assert_false(num("5人", 0, &n));   /* no JH__NUM_UNIT */
    assert_false(num("", 0, &n));
    assert_false(num("nan", 0, &n));
    assert_false(num("1e309", 0, &n));
}

/* JH__NUM_GROUPS: commas between groups of three digits, nowhere else. */
static void
number_groups(void **state)
{
    static const char *const bad[] = {"1,23",  "12,3456", ",123",
                                      "1,,234", "1.234,5", "123,"};
    jh__number n;

    (void)state;
    assert_true(num("1,234", JH__NUM_GROUPS, &n));
    assert_close(n.value, 1234, 0);
    assert_true(num("１，２３４．５", JH__NUM_GROUPS, &n));
    assert_close(n.value, 1234.5, 0);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (num(bad[i], JH__NUM_GROUPS, &n))
            fail_msg("'%s' read as %g", bad[i], n.value);
    }
}

/* JH__NUM_PERCENT: % or ％ at the end divides by 100. */
static void
number_percent(void **state)
{
    jh__number n;

    (void)state;
    assert_true(num("95%", JH__NUM_PERCENT, &n));
    assert_close(n.value, 0.95, 1e-15);
    assert_true(n.percent);
    assert_true(num("９５．５％", JH__NUM_PERCENT, &n));
    assert_close(n.value, 0.955, 1e-15);
    assert_true(num(" 50 % ", JH__NUM_PERCENT, &n));
    assert_close(n.value, 0.5, 0);
    assert_true(num("0.5", JH__NUM_PERCENT, &n));
    assert_false(n.percent);
    assert_false(num("50%%", JH__NUM_PERCENT, &n));
    assert_false(num("%", JH__NUM_PERCENT, &n));
}

/* JH__NUM_YUAN: a trailing 元, not after a percent sign. */
static void
number_yuan(void **state)
{
    jh__number n;

    (void)state;
    assert_true(num("1200元", JH__NUM_YUAN, &n));
    assert_close(n.value, 1200, 0);
    assert_true(num("１２００ 元", JH__NUM_YUAN | JH__NUM_PERCENT, &n));
    assert_close(n.value, 1200, 0);
    assert_false(num("5%元", JH__NUM_YUAN | JH__NUM_PERCENT, &n));
    assert_false(num("5元%", JH__NUM_YUAN | JH__NUM_PERCENT, &n));
    assert_false(num("5万元", JH__NUM_YUAN, &n));
}

/* JH__NUM_UNIT: a unit of the table after the number, by its index. */
static void
number_unit(void **state)
{
    jh__number n;

    (void)state;
    assert_true(num("45.6 万元", JH__NUM_UNIT, &n));
    assert_close(n.value, 45.6, 0);
    assert_int_equal(n.unit, jh__find_unit("万元"));
    assert_true(num("120", JH__NUM_UNIT, &n));
    assert_int_equal(n.unit, -1);
    assert_false(num("300公顷", JH__NUM_UNIT, &n));
    assert_false(num("约300", JH__NUM_UNIT, &n));
}

/* JH__NUM_DECIMALS: the digits written after the point, as a fraction. */
static void
number_decimals(void **state)
{
    unsigned f = JH__NUM_DECIMALS | JH__NUM_PERCENT | JH__NUM_GROUPS;
    jh__number n;

    (void)state;
    assert_true(num("0.50", f, &n));
    assert_int_equal(n.decimals, 2);
    assert_close(n.tolerance, 0.005, 1e-15);
    assert_true(num("50.5%", f, &n));
    assert_int_equal(n.decimals, 3);
    assert_true(num("0e9", f, &n));
    assert_int_equal(n.decimals, -9);
    assert_true(num("2,925.04", f, &n));
    assert_int_equal(n.decimals, 2);
    assert_true(num("1.5e-3", f, &n));
    assert_int_equal(n.decimals, 4);
    assert_false(num("1e301", f, &n)); /* |exponent| > 300 */
    assert_true(num("1e301", 0, &n));  /* without the flag, a number */
    assert_false(num(".", f, &n));
    assert_false(num("5e", f, &n));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted_numbers),
        cmocka_unit_test(refused_numbers),
        cmocka_unit_test(out_of_range),
        cmocka_unit_test(unit_kinds),
        cmocka_unit_test(number_plain),
        cmocka_unit_test(number_groups),
        cmocka_unit_test(number_percent),
        cmocka_unit_test(number_yuan),
        cmocka_unit_test(number_unit),
        cmocka_unit_test(number_decimals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
