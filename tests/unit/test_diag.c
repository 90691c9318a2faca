/* junheng tests - warnings in two languages (src/diag.c). */
#include "helpers.h"

#include "junheng/diag.h"

/* Both texts are formatted with the same arguments; the copy keeps both;
 * each language gets its own text, English when there is no Chinese. */
static void
two_languages(void **state)
{
    jh_diags list = JH_DIAGS_INIT, copy = JH_DIAGS_INIT;
    const jh_diag *d;
    char buf[256];

    (void)state;
    assert_int_equal(jh_diags_add2(&list, "a.csv", 3, 2, NULL, "0007",
                                   "%s：“%s”按%.0f读取（第%ld行）",
                                   "%s: '%s' read as %.0f (line %ld)", "人数",
                                   "１００", 100.0, 3L),
                     JH_OK);
    d = &list.items[0];
    assert_string_equal(d->message, "人数: '１００' read as 100 (line 3)");
    assert_string_equal(d->message_zh, "人数：“１００”按100读取（第3行）");
    assert_string_equal(jh_diag_message(d, true), d->message_zh);
    assert_string_equal(jh_diag_message(d, false), d->message);
    assert_string_equal(jh_diag_format_lang(d, true, buf, sizeof(buf)),
                        "a.csv:3:2: 人数：“１００”按100读取（第3行）");
    assert_int_equal(jh_diags_append(&copy, d), JH_OK);
    assert_string_equal(copy.items[0].message_zh, d->message_zh);
    assert_string_equal(copy.items[0].code, "0007");
    /* English only: the Chinese reader gets the English text. */
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL, NULL,
                                   "%d left", 4),
                     JH_OK);
    assert_null(list.items[1].message_zh);
    assert_string_equal(jh_diag_message(&list.items[1], true), "4 left");
    jh_diags_release(&list);
    jh_diags_release(&copy);
}

/* A Chinese format whose conversions differ from the English one is
 * never used: a wrong translation cannot read the arguments wrongly.  A
 * '*' width takes an argument of its own and counts. */
static void
mismatched_formats_are_dropped(void **state)
{
    jh_diags list = JH_DIAGS_INIT;

    (void)state;
    /* another type, fewer, more, a '*' that takes an int, another length */
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL, "%d个",
                                   "%s items", "x"),
                     JH_OK);
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL, "%s",
                                   "%s and %s", "x", "y"),
                     JH_OK);
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL, "%s %s %s",
                                   "%s and %s", "x", "y"),
                     JH_OK);
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL, "%.*s",
                                   "%s", "x"),
                     JH_OK);
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL, "%ld行",
                                   "line %d", 3),
                     JH_OK);
    assert_int_equal(list.count, 5);
    for (size_t i = 0; i < list.count; i++) {
        assert_null(list.items[i].message_zh);
        assert_non_null(list.items[i].message);
    }
    assert_string_equal(list.items[1].message, "x and y");
    /* Same conversions with other flags, widths and "%%" are fine. */
    assert_int_equal(jh_diags_add2(&list, NULL, 0, 0, NULL, NULL,
                                   "占%5.1f%%，共%-3zu项", "%.2f%% of %zu",
                                   12.5, (size_t)7),
                     JH_OK);
    assert_string_equal(list.items[list.count - 1].message_zh,
                        "占 12.5%，共7  项");
    jh_diags_release(&list);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_languages),
        cmocka_unit_test(mismatched_formats_are_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
