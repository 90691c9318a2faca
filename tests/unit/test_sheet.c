/* junheng tests - the workbook toolkit (src/report/sheet.c): text widths,
 * wrapped heights, number text, cell references and first-error keeping. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sheet.h"

/* ASCII and two-byte characters count 1, CJK 2. */
static void
text_width(void **state)
{
    (void)state;
    assert_true(jh__text_width("") == 0.0);
    assert_true(jh__text_width("abc") == 3.0);
    assert_true(jh__text_width("é×") == 2.0);   /* two-byte: 1 each */
    assert_true(jh__text_width("学校a") == 5.0); /* 2 + 2 + 1 */
}

/* Fitting widens with a margin of 2, never narrows, stops at the limit. */
static void
text_fit(void **state)
{
    double w = 8.0;
    char longname[200];

    (void)state;
    jh__text_fit(&w, "abc");
    assert_true(w == 8.0);
    jh__text_fit(&w, "城关第一小学"); /* 12 + 2 */
    assert_true(w == 14.0);
    memset(longname, 'x', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    jh__text_fit(&w, longname);
    assert_true(w == JH_SHEET_MAX_WIDTH);
}

/* 12.75 pt a line plus 3; usable width is the column less 1.5. */
static void
wrap_height(void **state)
{
    (void)state;
    assert_true(jh__wrap_height("", 10.0) == 12.75 + 3.0);
    assert_true(jh__wrap_height("abcdefgh", 10.0) == 12.75 + 3.0);
    assert_true(jh__wrap_height("abcdefghi", 10.0) == 2 * 12.75 + 3.0);
    assert_true(jh__wrap_height("学校学校学", 10.0) == 2 * 12.75 + 3.0);
}

/* The template's count: every non-ASCII character is 2 units, the width
 * less 2 is usable. */
static void
wrap_lines(void **state)
{
    (void)state;
    assert_int_equal(jh__wrap_lines("", 10.0), 1);
    assert_int_equal(jh__wrap_lines("abcdefgh", 10.0), 1);
    assert_int_equal(jh__wrap_lines("abcdefghi", 10.0), 2);
    assert_int_equal(jh__wrap_lines("éééé", 10.0), 1);
    assert_int_equal(jh__wrap_lines("ééééé", 10.0), 2);
}

static void
number_text(void **state)
{
    char buf[64];

    (void)state;
    assert_string_equal(jh__number_text(100.0, buf, sizeof(buf)), "100");
    assert_string_equal(jh__number_text(1.1, buf, sizeof(buf)), "1.1");
    assert_string_equal(jh__number_text(1.32, buf, sizeof(buf)), "1.32");
    assert_string_equal(jh__number_text(0.0, buf, sizeof(buf)), "0");
}

static void
cell_ref(void **state)
{
    char buf[128];

    (void)state;
    assert_string_equal(jh__cell_ref("计算过程-小学", 4, 2, buf, sizeof(buf)),
                        "'计算过程-小学'!$C$5");
    assert_string_equal(jh__cell_ref("it's", 0, 0, buf, sizeof(buf)),
                        "'it''s'!$A$1");
}

/* The first error is kept; later ones and successes do not replace it,
 * and writes to a sheet that could not be made are no-ops. */
static void
first_error(void **state)
{
    char path[] = "/tmp/junheng-test-sheet-XXXXXX";
    int fd = mkstemp(path);
    jh__book b;
    jh_error err;
    char english[512];

    (void)state;
    assert_true(fd >= 0);
    close(fd);
    jh__book_init(&b, workbook_new(path));
    assert_non_null(b.wb);
    assert_non_null(jh__book_format(&b));
    jh__cell_str(&b, NULL, 0, 0, "ignored", NULL);
    jh__book_check(&b, LXW_NO_ERROR);
    assert_int_equal(b.first, LXW_NO_ERROR);
    jh__book_check(&b, LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED);
    jh__book_check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    assert_int_equal(b.first, LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED);
    assert_null(jh__book_sheet(&b, "a name much longer than Excel's 31"));
    assert_int_equal(b.first, LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED);
    assert_int_equal(jh__book_close(&b, path, &err), JH_ERR_OUTPUT);
    assert_non_null(strstr(err.message, "31 characters"));
    /* Both texts: the Chinese one with the library's error in Chinese, the
     * English one as before. */
    assert_string_equal(err.message_zh,
                        "无法写入工作簿：工作表名称超过 31 个字符");
    snprintf(english, sizeof(english), "cannot write the workbook: %s",
             lxw_strerror(LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED));
    assert_string_equal(err.message, english);
    assert_string_equal(err.file, path);
    remove(path);
}

/* Every libxlsxwriter error has a Chinese text with no English in it; the
 * ones a county office meets say what they are; an unknown value is still
 * text. */
static void
lxw_chinese(void **state)
{
    (void)state;
    for (int e = 0; e < LXW_MAX_ERRNO; e++) {
        const char *zh = jh__lxw_zh((lxw_error)e);
        char buf[256], *at;
        bool cjk = false;
        assert_non_null(zh);
        /* No English: ".xlsx" is the only run of letters allowed. */
        snprintf(buf, sizeof(buf), "%s", zh);
        while ((at = strstr(buf, ".xlsx")) != NULL)
            memset(at, ' ', 5);
        for (const char *p = buf; *p != '\0'; p++) {
            cjk = cjk || (unsigned char)*p >= 0xe4;
            assert_false((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'));
        }
        assert_true(cjk);
    }
    assert_string_equal(jh__lxw_zh(LXW_ERROR_MEMORY_MALLOC_FAILED), "内存不足");
    assert_non_null(strstr(jh__lxw_zh(LXW_ERROR_CREATING_TMPFILE), "临时文件"));
    assert_non_null(
        strstr(jh__lxw_zh(LXW_ERROR_CREATING_XLSX_FILE), "无法创建 .xlsx 文件"));
    assert_non_null(strstr(jh__lxw_zh(LXW_ERROR_ZIP_CLOSE), "磁盘"));
    assert_string_equal(jh__lxw_zh(LXW_MAX_ERRNO), "libxlsxwriter 未知错误");
    assert_string_equal(jh__lxw_zh((lxw_error)-1), "libxlsxwriter 未知错误");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_width),  cmocka_unit_test(text_fit),
        cmocka_unit_test(wrap_height), cmocka_unit_test(wrap_lines),
        cmocka_unit_test(number_text), cmocka_unit_test(cell_ref),
        cmocka_unit_test(first_error), cmocka_unit_test(lxw_chinese),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
