/* junheng tests - CSV reading, encodings and the header mapping. */
#include "helpers.h"

#include "junheng/encoding.h"

static jh_table *
parse_ok(const char *text, size_t len)
{
    jh_table *t = NULL;
    jh_error e;
    jh_status st = jh_csv_parse(&t, text, len, "t.csv", NULL, &e);
    if (st != JH_OK)
        fail_msg("parse failed: %s", e.message);
    return t;
}

/* Quoted commas, doubled quotes and newlines; each row knows its line. */
static void
quoting_and_lines(void **state)
{
    const char *text = "a,b,c\r\n"
                       "\"x, y\",\"say \"\"hi\"\"\",3\r\n"
                       "\"two\nlines\",z,4\n"
                       "\n"
                       "last,row,5";
    jh_table *t = parse_ok(text, strlen(text));

    (void)state;
    assert_int_equal(t->nrows, 4);
    assert_string_equal(jh_table_cell(t, 1, 0), "x, y");
    assert_string_equal(jh_table_cell(t, 1, 1), "say \"hi\"");
    assert_string_equal(jh_table_cell(t, 2, 0), "two\nlines");
    assert_int_equal(t->rows[1].line, 2);
    assert_int_equal(t->rows[2].line, 3);
    assert_int_equal(t->rows[3].line, 6);
    assert_string_equal(jh_table_cell(t, 3, 2), "5");
    assert_string_equal(jh_table_cell(t, 3, 9), "");
    jh_table_free(t);
}

static void
broken_quote_names_line_and_column(void **state)
{
    const char *stray = "a,b\n1,2\n3,x\"y\n";
    const char *open = "a,b\n1,2\n\"3,4\n5,6\n";
    jh_table *t = NULL;
    jh_error e;

    (void)state;
    assert_int_equal(jh_csv_parse(&t, stray, strlen(stray), "s.csv", NULL,
                                  &e),
                     JH_ERR_PARSE);
    assert_null(t);
    assert_string_equal(e.file, "s.csv");
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 2); /* x"y is the second field */
    /* The Chinese text says what to do and skips libcsv's English. */
    assert_non_null(strstr(e.message_zh, "引号有误：有多余或未闭合的双引号；"));
    assert_null(strstr(e.message_zh, "error"));
    assert_int_equal(jh_csv_parse(&t, open, strlen(open), "o.csv", NULL, &e),
                     JH_ERR_PARSE);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 1); /* the quote opens the first field */
    assert_non_null(strstr(e.message, "quot"));
    assert_non_null(strstr(e.message_zh, "直到文件末尾都没有闭合"));
}

/* UTF-8 with a BOM, GBK from Excel, UTF-16LE "Unicode text". */
static void
encodings(void **state)
{
    const char bom[] = "\xEF\xBB\xBF"
                       "学校代码,学校名称\n1,实验小学\n";
    /* 学校代码,学校名称 / 1,实验小学 in GBK. */
    const char gbk[] = "\xD1\xA7\xD0\xA3\xB4\xFA\xC2\xEB,"
                       "\xD1\xA7\xD0\xA3\xC3\xFB\xB3\xC6\n"
                       "1,\xCA\xB5\xD1\xE9\xD0\xA1\xD1\xA7\n";
    const char utf16[] = "\xFF\xFE"
                         "a\0\t\0b\0\n\0"
                         "1\0\t\0\x66\x5B\n\0"; /* 学 is U+5B66 */
    jh_table *t;

    (void)state;
    t = parse_ok(bom, sizeof(bom) - 1);
    assert_string_equal(jh_table_cell(t, 0, 0), "学校代码");
    assert_string_equal(t->encoding, "UTF-8");
    jh_table_free(t);
    t = parse_ok(gbk, sizeof(gbk) - 1);
    assert_string_equal(jh_table_cell(t, 0, 1), "学校名称");
    assert_string_equal(jh_table_cell(t, 1, 1), "实验小学");
    assert_string_equal(t->encoding, "GB18030");
    jh_table_free(t);
    t = parse_ok(utf16, sizeof(utf16) - 1);
    assert_int_equal(t->nrows, 2);
    assert_string_equal(jh_table_cell(t, 1, 1), "学");
    jh_table_free(t);
}

/* UTF-8 bytes also decode as GB18030 (to garbage): UTF-8 must win. */
static void
utf8_is_checked_before_gb18030(void **state)
{
    const char *text = "学校名称\n";
    char *out = NULL;
    jh_encoding used;
    jh_error e;

    (void)state;
    assert_int_equal(jh_encoding_to_utf8(&out, NULL, &used, text,
                                         strlen(text), JH_ENC_AUTO, "x", &e),
                     JH_OK);
    assert_int_equal(used, JH_ENC_UTF8);
    assert_string_equal(out, text);
    free(out);
    /* Forcing UTF-8 on GBK bytes is an error naming the line. */
    assert_int_equal(jh_encoding_to_utf8(&out, NULL, &used,
                                         "ok\n\xCA\xB5\xD1\xE9\n", 8,
                                         JH_ENC_UTF8,
                                         "g.csv", &e),
                     JH_ERR_ENCODING);
    assert_int_equal(e.line, 2);
    assert_non_null(strstr(e.message, "0xD1"));
    /* Bytes valid in neither. */
    assert_int_equal(jh_encoding_to_utf8(&out, NULL, &used, "a\n\xFF\xFF\n",
                                         5, JH_ENC_AUTO, "b.csv", &e),
                     JH_ERR_ENCODING);
}

/* Chinese headers with units; 万元 becomes yuan; unknown columns kept. */
static void
chinese_headers_and_wan_yuan(void **state)
{
    fixture f;
    const jh_school *s;

    (void)state;
    fixture_run(&f, "学校代码,学校名称,学校类型,备注,小学在校生数,"
                    "高于规定学历教师数,县级以上骨干教师数,"
                    "体育艺术专任教师数,教学及辅助用房面积（平方米）,"
                    "体育运动场馆面积(平方米),教学仪器设备值(万元),"
                    "网络多媒体教室数(间)\n"
                    "001,实验小学,小学,任意文字,500,30,6,6,3000,4000,"
                    "125.5,15\n");
    assert_int_equal(f.status, JH_OK);
    s = &f.county->schools[0];
    assert_string_equal(s->code, "001");
    assert_close(s->whole[JH_Q_EQUIPMENT_VALUE], 1255000.0, 1e-6);
    assert_close(s->whole[JH_Q_TEACHING_AREA], 3000.0, 0);
    assert_true(f.county->equipment_in_wan);
    assert_close(f.analysis->levels[0].ind[ind("equipment_value_per_student")]
                     .mean,
                 2510.0, 1e-9);
    fixture_free(&f);
}

/* Bad values: the error names line, column, header and value. */
static void
bad_values_name_line_and_column(void **state)
{
    static const struct {
        const char *row;
        long column;
        const char *words;
    } cases[] = {
        {"1,甲,小学,100,0,0,5,1,1,abc,800,250000,3", 10, "'abc'"},
        {"1,甲,小学,100,0,0,5,1,1,-600,800,250000,3", 10, "negative"},
        {"1,甲,小学,100,0,0,5,1,1,nan,800,250000,3", 10, "not a number"},
        {"1,甲,小学,100,0,0,5,1,1,inf,800,250000,3", 10, "not a number"},
        {"1,甲,小学,100,0,0,5,1,1,1e999,800,250000,3", 10, "not a number"},
        {"1,甲,学院,100,0,0,5,1,1,600,800,250000,3", 3, "学院"},
        {"1,甲,小学,100.5,0,0,5,1,1,600,800,250000,3", 4, "whole"},
        {",甲,小学,100,0,0,5,1,1,600,800,250000,3", 1, "code"},
        {"1,甲,小学,100,0,0,5,1,1,600,800,250000,3,9", 14, "fields"},
        /* found by fuzz_csv: 1.9e97 pupils broke the mean invariant */
        {"1,甲,小学,19000000000000000000000000000000000000000000000000000"
         "000000000000000000000000000000000000000000080,0,0,5,1,1,600,800,"
         "250000,3",
         4, "implausibly large"},
        {"1,甲,小学,100,0,0,5,1,1,1e14,800,250000,3", 10, "implausibly"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[1024];
        fixture f;
        snprintf(text, sizeof(text), HEADER "%s\n", cases[i].row);
        fixture_run(&f, text);
        assert_int_equal(f.status, JH_ERR_DATA);
        assert_string_equal(f.err.file, "t.csv");
        assert_int_equal(f.err.line, 2);
        if (f.err.column != cases[i].column ||
            strstr(f.err.message, cases[i].words) == NULL)
            fail_msg("case %zu: column %ld, message '%s'", i, f.err.column,
                     f.err.message);
        fixture_free(&f);
    }
    (void)state;
}

static void
short_rows_and_duplicates(void **state)
{
    fixture f;

    (void)state;
    fixture_run(&f, HEADER "1,甲,小学,100,0,0,5,1,1,600,800\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_int_equal(f.err.line, 2);
    assert_non_null(strstr(f.err.message, "short row"));
    fixture_free(&f);
    fixture_run(&f, HEADER "7,甲,小学,100,0,0,5,1,1,600,800,250000,3\n"
                           "8,乙,小学,100,0,0,5,1,1,600,800,250000,3\n"
                           "7,丙,小学,100,0,0,5,1,1,600,800,250000,3\n");
    assert_int_equal(f.status, JH_ERR_DATA);
    assert_int_equal(f.err.line, 4);
    assert_int_equal(f.err.column, 1);
    assert_non_null(strstr(f.err.message, "duplicate school code '7'"));
    assert_non_null(strstr(f.err.message, "line 2"));
    fixture_free(&f);
}

/* Blank rows and a trailing 合计 row are skipped, the latter with a
 * warning; blank cells stay distinct from 0. */
static void
blank_and_total_rows(void **state)
{
    fixture f;

    (void)state;
    fixture_run(&f, HEADER "1,甲,小学,100,,,5,1,1,600,800,250000,3\n"
                           ",,,,,,,,,,,,\n"
                           ",合计,,100,,,5,1,1,600,800,250000,3\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.county->nschools, 1);
    assert_true(isnan(f.county->schools[0].students[JH_LEVEL_JUNIOR]));
    assert_int_equal(f.warnings.count, 1);
    assert_int_equal(f.warnings.items[0].line, 4);
    fixture_free(&f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quoting_and_lines),
        cmocka_unit_test(broken_quote_names_line_and_column),
        cmocka_unit_test(encodings),
        cmocka_unit_test(utf8_is_checked_before_gb18030),
        cmocka_unit_test(chinese_headers_and_wan_yuan),
        cmocka_unit_test(bad_values_name_line_and_column),
        cmocka_unit_test(short_rows_and_duplicates),
        cmocka_unit_test(blank_and_total_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
