/* junheng tests - finding the header (title rows, two-row merged headers),
 * numbers written as text, error cells, collecting every error, and the
 * indoor-sports option. */
/* memmem, mkdtemp, strndup */
#define _GNU_SOURCE

#include "helpers.h"

#include "junheng/check.h"
#include "junheng/school_reader.h"
#include "junheng/table.h"

/*
 * A sheet-like table from rows written as "a|b|c" ("" for an empty row),
 * numbered 1, 2, ... as sheet rows; cells are named "Sheet1!B3".
 */
static jh_table *
table_of(const char *const *rows, size_t n)
{
    jh_table *t = NULL;

    assert_int_equal(jh_table_new(&t, "t.xlsx", "Sheet1"), JH_OK);
    for (size_t i = 0; i < n; i++) {
        size_t ncells = 1, k = 0;
        char **cells;
        const char *p = rows[i];

        for (const char *q = p; *q != '\0'; q++)
            ncells += *q == '|';
        cells = calloc(ncells, sizeof(*cells));
        assert_non_null(cells);
        for (;;) {
            const char *bar = strchr(p, '|');
            size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);
            cells[k] = strndup(p, len);
            assert_non_null(cells[k]);
            k++;
            if (bar == NULL)
                break;
            p = bar + 1;
        }
        assert_int_equal(jh_table_append(t, cells, ncells, (long)i + 1), JH_OK);
    }
    return t;
}

#define TABLE(rows) table_of(rows, sizeof(rows) / sizeof(rows[0]))

/* Import with the header found, as jh_import_county() does. */
static jh_status
import(const jh_table *t, jh_county **c, jh_diags *warn, jh_error *err)
{
    jh_import_options o = {0};
    o.find_header = true;
    return jh_county_from_table(c, t, &o, warn, err);
}

/* True when some warning names @p cell and contains @p words. */
static bool
warned(const jh_diags *w, const char *cell, const char *words)
{
    for (size_t i = 0; i < w->count; i++) {
        if (w->items[i].cell != NULL && strcmp(w->items[i].cell, cell) == 0 &&
            strstr(w->items[i].message, words) != NULL)
            return true;
    }
    return false;
}

#define ENGLISH                                                                \
    "code|name|type|students_primary|students_junior|students_senior|"         \
    "degree_teachers|backbone_teachers|pe_art_teachers|teaching_area|"         \
    "sports_area|equipment_value|multimedia_rooms"

/* Title rows above the header are skipped; the header row is found. */
static void
title_rows_are_skipped(void **state)
{
    static const char *const rows[] = {
        "青溪县义务教育学校基本情况表",
        "填报单位：青溪县教育局||填报日期：2023年9月",
        "说明：学校名称请写全称",
        ENGLISH,
        "1|甲小学|小学|100|0|0|5|1|1|600|800|250000|3",
        "2|乙小学|小学|200|0|0|10|2|2|1000|1600|460000|5",
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_diags w = JH_DIAGS_INIT;
    jh_error e;
    size_t row = 99, nrows = 99;

    (void)state;
    assert_int_equal(jh_school_find_header(t, &row, &nrows), JH_OK);
    assert_int_equal(row, 3);
    assert_int_equal(nrows, 1); /* the data row below is no second header */
    assert_int_equal(import(t, &c, &w, &e), JH_OK);
    assert_int_equal(c->nschools, 2);
    assert_string_equal(c->schools[1].name, "乙小学");
    assert_int_equal(c->schools[1].line, 6);
    assert_close(c->schools[1].whole[JH_Q_TEACHING_AREA], 1000, 0);
    assert_int_equal(w.count, 0);
    jh_county_free(c);
    jh_diags_release(&w);
    jh_table_free(t);
}

/* A header past the scanned rows is not found; the error says so. */
static void
header_not_found(void **state)
{
    const char *rows[JH_HEADER_SCAN_ROWS + 2];
    jh_table *t;
    jh_county *c = NULL;
    jh_error e;
    size_t row, nrows;

    (void)state;
    for (size_t i = 0; i < JH_HEADER_SCAN_ROWS; i++)
        rows[i] = "title";
    rows[JH_HEADER_SCAN_ROWS] = ENGLISH;
    rows[JH_HEADER_SCAN_ROWS + 1] = "1|甲|小学|100|0|0|5|1|1|600|800|2500|3";
    t = TABLE(rows);
    assert_int_equal(jh_school_find_header(t, &row, &nrows), JH_ERR_NOTFOUND);
    assert_int_equal(import(t, &c, NULL, &e), JH_ERR_DATA);
    assert_non_null(strstr(e.message, "学校代码"));
    assert_non_null(strstr(e.message, "first 20"));
    jh_table_free(t);
}

/* A title row over a two-row merged header, and two schools. */
static const char *const merged_rows[] = {
    "青溪县学校情况表",
    "学校基本情况||||在校生数|||高于规定学历教师数|||县级以上骨干教师数||"
    "|体育艺术专任教师数|||校舍及设备||||纳入计算",
    "学校代码|学校名称|学校类型|城乡类型|小学|初中|高中|合计|小学|初中|"
    "合计|"
    "小学|初中|合计|小学|初中|教学及辅助用房面积(平方米)|"
    "体育运动场馆面积(平方米)|教学仪器设备值(万元)|网络多媒体教室数(间)|",
    "0001|九年学校|九年一贯制学校|乡村|166|210|0|30|14|16|5|2|3|4|2|2|3000|"
    "5000|120.5|10|是",
    "0002|小学|小学|城区|400|0|0|22|||5|||4|||2000|3000|90|10|否",
};

/*
 * Both shapes of two-row merged headers at once: group labels over full
 * names (学校基本情况, 校舍及设备), column names over their sections
 * (在校生数 over 小学|初中|高中, 合计 meaning the whole school), and labels
 * merged over both rows (纳入计算).  Labels stand only in the first cell of
 * their span, as merged cells are stored.
 */
static void
two_row_merged_headers(void **state)
{
    jh_table *t = TABLE(merged_rows);
    jh_county *c = NULL;
    jh_diags w = JH_DIAGS_INIT;
    jh_error e;
    size_t row, nrows;
    const jh_school *s;

    (void)state;
    assert_int_equal(jh_school_find_header(t, &row, &nrows), JH_OK);
    assert_int_equal(row, 1);
    assert_int_equal(nrows, 2);
    if (import(t, &c, &w, &e) != JH_OK)
        fail_msg("import: %s", e.message);
    assert_int_equal(c->header_row, 1);
    assert_int_equal(c->header_rows, 2);
    assert_int_equal(c->columns.code, 0);
    assert_int_equal(c->columns.students[JH_LEVEL_PRIMARY], 4);
    assert_int_equal(c->columns.students[JH_LEVEL_SENIOR], 6);
    assert_int_equal(c->columns.whole[JH_Q_DEGREE_TEACHERS], 7);
    assert_int_equal(c->columns.section[JH_Q_DEGREE_TEACHERS][JH_LEVEL_JUNIOR],
                     9);
    assert_int_equal(c->columns.section[JH_Q_PE_ART_TEACHERS][JH_LEVEL_PRIMARY],
                     14);
    assert_int_equal(c->columns.whole[JH_Q_EQUIPMENT_VALUE], 18);
    assert_int_equal(c->columns.include, 20);
    assert_true(c->equipment_in_wan);
    assert_int_equal(c->nschools, 2);
    s = &c->schools[0];
    assert_string_equal(s->code, "0001");
    assert_int_equal(s->type, JH_TYPE_NINE_YEAR);
    assert_close(s->students[JH_LEVEL_JUNIOR], 210, 0);
    assert_close(s->whole[JH_Q_DEGREE_TEACHERS], 30, 0);
    assert_close(s->section[JH_Q_DEGREE_TEACHERS][JH_LEVEL_PRIMARY], 14, 0);
    assert_close(s->section[JH_Q_BACKBONE_TEACHERS][JH_LEVEL_JUNIOR], 3, 0);
    assert_close(s->whole[JH_Q_EQUIPMENT_VALUE], 1205000, 1e-6);
    assert_close(s->whole[JH_Q_MULTIMEDIA_ROOMS], 10, 0);
    assert_true(s->include);
    s = &c->schools[1];
    assert_false(s->include);
    assert_true(isnan(s->section[JH_Q_DEGREE_TEACHERS][JH_LEVEL_PRIMARY]));
    assert_int_equal(s->line, 5);
    jh_county_free(c);
    jh_diags_release(&w);
    jh_table_free(t);
}

/*
 * A header mapped once (jh_import_header_new, as a batch does for each
 * file) gives the same county as mapping it with the table: the same
 * columns, the 万元 multiplier, every value.  A header with two columns
 * meaning the same is refused, naming the column.
 */
static void
header_mapped_once(void **state)
{
    static const char *const dup[] = {
        "学校代码|学校名称|学校类型|小学在校生数|学校代码",
        "1|甲|小学|100|1",
    };
    jh_table *t = TABLE(merged_rows), *t2 = TABLE(dup);
    jh_import_header *h = NULL;
    jh_import_options o = {0};
    jh_county *a = NULL, *b = NULL;
    jh_error e;

    (void)state;
    o.header_row = 1;
    o.header_rows = 2;
    if (jh_county_from_table(&a, t, &o, NULL, &e) != JH_OK)
        fail_msg("import: %s", e.message);
    assert_int_equal(jh_import_header_new(&h, t, 1, 2, &e), JH_OK);
    o.header = h;
    if (jh_county_from_table(&b, t, &o, NULL, &e) != JH_OK)
        fail_msg("import with the header mapped once: %s", e.message);
    assert_memory_equal(&a->columns, &b->columns, sizeof(a->columns));
    assert_true(b->equipment_in_wan);
    assert_int_equal(a->nschools, b->nschools);
    for (size_t i = 0; i < a->nschools; i++) {
        const jh_school *x = &a->schools[i], *y = &b->schools[i];
        assert_string_equal(x->code, y->code);
        assert_int_equal(x->type, y->type);
        assert_int_equal(x->include, y->include);
        for (int q = 0; q < JH_Q_COUNT; q++) {
            assert_true(x->whole[q] == y->whole[q] ||
                        (isnan(x->whole[q]) && isnan(y->whole[q])));
            for (int l = 0; l < JH_LEVEL_COUNT; l++)
                assert_true(x->section[q][l] == y->section[q][l] ||
                            (isnan(x->section[q][l]) &&
                             isnan(y->section[q][l])));
        }
    }
    assert_close(b->schools[0].whole[JH_Q_EQUIPMENT_VALUE], 1205000, 1e-6);
    jh_import_header_free(h);
    h = NULL;
    assert_int_equal(jh_import_header_new(&h, t2, 0, 1, &e), JH_ERR_DATA);
    assert_null(h);
    assert_non_null(strstr(e.message, "means the same as column"));
    jh_county_free(a);
    jh_county_free(b);
    jh_table_free(t);
    jh_table_free(t2);
}

/* "高于规定学历教师数" over "小学 | 初中" (units in the top label) and
 * "班级数" over sections; a label merged over both rows stays one column. */
static void
section_under_quantity_with_units(void **state)
{
    static const char *const rows[] = {
        "学校代码|学校名称|学校类型|在校生数(人)||班级数||"
        "高于规定学历教师数(人)||教学仪器设备值（万元）",
        "|||小学|初中|小学|初中|小学|初中|",
        "7|甲校|九年一贯制学校|100|50|4|2|6|3|12.5",
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_error e;
    size_t row, nrows;

    (void)state;
    assert_int_equal(jh_school_find_header(t, &row, &nrows), JH_OK);
    assert_int_equal(row, 0);
    assert_int_equal(nrows, 2);
    if (import(t, &c, NULL, &e) != JH_OK)
        fail_msg("import: %s", e.message);
    assert_close(c->schools[0].students[JH_LEVEL_PRIMARY], 100, 0);
    assert_close(c->schools[0].students[JH_LEVEL_JUNIOR], 50, 0);
    assert_close(c->schools[0].classes[JH_LEVEL_JUNIOR], 2, 0);
    assert_close(c->schools[0].section[JH_Q_DEGREE_TEACHERS][JH_LEVEL_JUNIOR],
                 3, 0);
    assert_close(c->schools[0].whole[JH_Q_EQUIPMENT_VALUE], 125000, 1e-6);
    jh_county_free(c);
    jh_table_free(t);
}

/* Numbers as people type them: normalised, each with a warning naming its
 * cell; blank and 0 stay distinct. */
static void
text_numbers(void **state)
{
    static const char *const rows[] = {
        "学校代码|学校名称|学校类型|小学在校生数|高于规定学历教师数|"
        "县级以上骨干教师数|体育艺术专任教师数|教学及辅助用房面积(平方米)|"
        "体育运动场馆面积(平方米)|教学仪器设备值(万元)|网络多媒体教室数(间)",
        "1|甲|小学|1,234|６０|1|0|4.5㎡|12,345.5|45.6万元|3间",
        "2|乙|小学|１２０人|5||1|４．５|800|１，２３４．５|2",
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_diags w = JH_DIAGS_INIT;
    jh_error e;
    const jh_school *s;

    (void)state;
    if (import(t, &c, &w, &e) != JH_OK)
        fail_msg("import: %s", e.message);
    s = &c->schools[0];
    assert_close(s->students[JH_LEVEL_PRIMARY], 1234, 0);
    assert_close(s->whole[JH_Q_DEGREE_TEACHERS], 60, 0);
    assert_close(s->whole[JH_Q_PE_ART_TEACHERS], 0, 0);
    assert_close(s->whole[JH_Q_TEACHING_AREA], 4.5, 0);
    assert_close(s->whole[JH_Q_SPORTS_AREA], 12345.5, 0);
    assert_close(s->whole[JH_Q_EQUIPMENT_VALUE], 456000, 1e-6);
    assert_close(s->whole[JH_Q_MULTIMEDIA_ROOMS], 3, 0);
    s = &c->schools[1];
    assert_close(s->students[JH_LEVEL_PRIMARY], 120, 0);
    assert_true(isnan(s->whole[JH_Q_BACKBONE_TEACHERS])); /* blank */
    assert_close(s->whole[JH_Q_TEACHING_AREA], 4.5, 0);
    assert_close(s->whole[JH_Q_EQUIPMENT_VALUE], 12345000, 1e-6);
    assert_true(warned(&w, "Sheet1!D2", "'1,234' read as 1234"));
    assert_true(warned(&w, "Sheet1!E2", "read as 60"));
    assert_true(warned(&w, "Sheet1!H2", "only a label"));
    assert_true(warned(&w, "Sheet1!J2", "read as 45.6"));
    assert_true(warned(&w, "Sheet1!K2", "read as 3"));
    assert_true(warned(&w, "Sheet1!D3", "read as 120"));
    assert_true(warned(&w, "Sheet1!H3", "read as 4.5"));
    assert_true(warned(&w, "Sheet1!J3", "read as 1234.5"));
    /* 4.5 m² of rooms for 1234 and for 120 pupils: a unit mistake? */
    assert_true(warned(&w, "Sheet1!H2", "orders of magnitude"));
    assert_true(warned(&w, "Sheet1!H3", "orders of magnitude"));
    assert_int_equal(w.count, 11); /* and F2's plain 0, G2's 1: none */
    jh_county_free(c);
    jh_diags_release(&w);
    jh_table_free(t);
}

/* Header units: 亩 is 10000/15 m² (with a warning), 千元 is 1000 元; an
 * unknown unit or one of another kind is an error naming the header. */
static void
header_units(void **state)
{
    static const char *const rows[] = {
        "学校代码|学校名称|学校类型|小学在校生数(人)|体育运动场馆面积(亩)|"
        "教学仪器设备值(千元)",
        "1|甲|小学|100|1.5|250",
    };
    static const struct {
        const char *header, *words;
    } bad[] = {
        {"体育运动场馆面积(公顷)", "unknown unit '公顷'"},
        {"体育运动场馆面积(万元)", "does not fit"},
        {"教学仪器设备值(美元)", "unknown unit '美元'"},
        {"小学在校生数(元)", "does not fit"},
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_diags w = JH_DIAGS_INIT;
    jh_error e;

    (void)state;
    if (import(t, &c, &w, &e) != JH_OK)
        fail_msg("import: %s", e.message);
    assert_close(c->schools[0].whole[JH_Q_SPORTS_AREA], 1000.0, 1e-9);
    assert_close(c->schools[0].whole[JH_Q_EQUIPMENT_VALUE], 250000.0, 1e-9);
    assert_close(c->equipment_scale, 1000.0, 0);
    assert_false(c->equipment_in_wan);
    assert_true(warned(&w, "Sheet1!E1", "10000/15"));
    jh_county_free(c);
    jh_diags_release(&w);
    jh_table_free(t);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char head[256];
        const char *r[2];
        snprintf(head, sizeof(head), "学校代码|学校名称|学校类型|%s|小学在校生数",
                 bad[i].header);
        r[0] = head;
        r[1] = "1|甲|小学|1|100";
        t = table_of(r, 2);
        c = NULL;
        assert_int_equal(import(t, &c, NULL, &e), JH_ERR_DATA);
        if (strstr(e.message, bad[i].words) == NULL ||
            strcmp(e.cell, "Sheet1!D1") != 0)
            fail_msg("case %zu: %s: %s", i, e.cell, e.message);
        jh_table_free(t);
    }
}

/* Text that is no number, and units that contradict the column: errors
 * naming the cell, never a guess. */
static void
bad_text_numbers(void **state)
{
    static const struct {
        const char *value;
        const char *header;
        const char *words;
    } cases[] = {
        {"1,23", "教学及辅助用房面积(平方米)", "not a number"},
        {"12,3456", "教学及辅助用房面积(平方米)", "not a number"},
        {"约300", "教学及辅助用房面积(平方米)", "not a number"},
        {"300亩", "教学及辅助用房面积(平方米)", "the column is in 平方米"},
        {"300公顷", "教学及辅助用房面积(平方米)", "not a number"},
        {"25万元", "教学仪器设备值(千元)", "the column is in 千元"},
        {"12人", "教学及辅助用房面积(平方米)", "does not fit"},
        {"45.6万元", "教学仪器设备值(元)", "the column is in 元"},
        {"456000元", "教学仪器设备值(万元)", "the column is in 万元"},
        {"-1,234", "教学及辅助用房面积(平方米)", "negative"},
        {"#DIV/0!", "教学及辅助用房面积(平方米)", "#DIV/0!"},
        {"#N/A", "学校名称", "spreadsheet error #N/A"},
        {"１２．５人", "小学在校生数", "whole number"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char head[256], data[256];
        const char *rows[2];
        jh_table *t;
        jh_county *c = NULL;
        jh_error e;
        bool name_col = strcmp(cases[i].header, "学校名称") == 0;
        bool students = strcmp(cases[i].header, "小学在校生数") == 0;

        snprintf(head, sizeof(head), "学校代码|学校名称|学校类型|%s%s",
                 students ? "高中在校生数|" : "小学在校生数|",
                 name_col ? "备注" : cases[i].header);
        snprintf(data, sizeof(data), "1|%s|小学|100|%s",
                 name_col ? cases[i].value : "甲",
                 name_col ? "x" : cases[i].value);
        rows[0] = head;
        rows[1] = data;
        t = table_of(rows, 2);
        assert_int_equal(import(t, &c, NULL, &e), JH_ERR_DATA);
        if (strstr(e.message, cases[i].words) == NULL ||
            strcmp(e.cell, name_col ? "Sheet1!B2" : "Sheet1!E2") != 0)
            fail_msg("case %zu: %s: %s", i, e.cell, e.message);
        jh_table_free(t);
    }
}

/* With an error list, every problem is collected and reading goes on. */
static void
collect_every_error(void **state)
{
    static const char *const rows[] = {
        ENGLISH,
        "1|甲|小学|100|0|0|5|1|1|abc|800|250000|3",
        "2|乙|学院|100|0|0|5|1|1|600|800|250000|3",
        "1|丙|小学|100|0|0|5|1|1|600|#REF!|250000|3",
        "|丁|小学|100|0|0|5|1|1|600|800|250000|3",
        "5|戊|小学|100|0|0|5|1|1|600|800|250000|3",
    };
    jh_table *t = TABLE(rows);
    jh_diags errors = JH_DIAGS_INIT;
    jh_import_options o = {0};
    jh_county *c = NULL;
    jh_check_result *r = NULL;
    jh_error e;

    (void)state;
    o.find_header = true;
    o.errors = &errors;
    assert_int_equal(jh_county_from_table(&c, t, &o, NULL, &e), JH_OK);
    /* abc, 学院, #REF!, the missing code, the duplicate code 1 */
    assert_int_equal(errors.count, 5);
    assert_string_equal(errors.items[0].cell, "Sheet1!J2");
    assert_string_equal(errors.items[1].cell, "Sheet1!C3");
    assert_string_equal(errors.items[2].cell, "Sheet1!K4");
    assert_string_equal(errors.items[3].cell, "Sheet1!A5");
    assert_non_null(strstr(errors.items[4].message, "duplicate"));
    /* rows without a code or a known type are left out */
    assert_int_equal(c->nschools, 3);
    jh_county_free(c);
    jh_diags_release(&errors);

    /* check: the same errors sorted by place, plus what the model would
     * refuse */
    assert_int_equal(jh_check_table(&r, t, NULL, &e), JH_OK);
    assert_true(r->errors.count >= 5);
    for (size_t i = 1; i < r->errors.count; i++)
        assert_true(r->errors.items[i - 1].line <= r->errors.items[i].line);
    assert_int_equal(r->with_errors, 4);                /* rows 2 to 5 */
    assert_int_equal(r->sections[JH_LEVEL_PRIMARY], 1); /* row 6 */
    jh_check_result_free(r);
    jh_table_free(t);
}

/* The plausibility warnings of check. */
static void
check_warnings(void **state)
{
    static const char *const rows[] = {
        "学校代码|学校名称|学校类型|小学在校生数|高于规定学历教师数|"
        "县级以上骨干教师数|体育艺术专任教师数|教学及辅助用房面积(平方米)|"
        "体育运动场馆面积(平方米)|教学仪器设备值(元)|网络多媒体教室数(间)|"
        "所属学校代码",
        "1|大校|小学|3100|170|0|30|15000|30000|8000000|70|",
        "2|空校|小学|60|3|1|1|7000|900|150000|2|",
        "3|设备|小学|400|20|4|4|2000|3200|35.5|10|",
        "4|点|教学点|55|3|1|1|300|800|120000|2|9",
    };
    jh_table *t = TABLE(rows);
    jh_check_result *r = NULL;
    jh_error e;

    (void)state;
    assert_int_equal(jh_check_table(&r, t, NULL, &e), JH_OK);
    assert_int_equal(r->errors.count, 0);
    assert_true(warned(&r->warnings, "Sheet1!D2", "more than 3000"));
    assert_true(warned(&r->warnings, "Sheet1!F2", "0 县级以上骨干教师数"));
    assert_true(warned(&r->warnings, "Sheet1!H3", "per pupil"));
    assert_true(warned(&r->warnings, "Sheet1!J4", "were 万元 entered"));
    assert_true(warned(&r->warnings, "Sheet1!L5", "not in the file"));
    assert_int_equal(r->sections[JH_LEVEL_PRIMARY], 4);
    assert_int_equal(r->by_type[JH_TYPE_TEACHING_POINT], 1);
    jh_check_result_free(r);
    jh_table_free(t);
}

/* 其中室内体育用房: read as a column; with the option, moved from the
 * teaching area to the sports area before the split; bigger than the
 * teaching area is an error naming its cell; blank counts as 0. */
static void
indoor_sports_rooms(void **state)
{
    static const char *const rows[] = {
        ENGLISH "|其中：室内体育用房(平方米)",
        "1|甲|小学|100|0|0|5|1|1|600|800|250000|3|150",
        "2|乙|小学|100|0|0|5|1|1|600|800|250000|3|",
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_model *m = NULL;
    jh_diags w = JH_DIAGS_INIT;
    jh_standard std = *jh_standard_builtin(NULL);
    jh_error e;
    int ta = (int)ind("teaching_area_per_student");
    int sa = (int)ind("sports_area_per_student");

    (void)state;
    assert_false(std.subtract_indoor_sports); /* off by default */
    assert_int_equal(import(t, &c, &w, &e), JH_OK);
    assert_int_equal(c->columns.whole[JH_Q_INDOOR_SPORTS_AREA], 13);
    assert_close(c->schools[0].whole[JH_Q_INDOOR_SPORTS_AREA], 150, 0);
    assert_int_equal(jh_model_build(&m, c, &std, &w, &e), JH_OK);
    assert_close(jh_section_value(&m->sections[0], &std.indicators[ta]), 6,
                 1e-12);
    jh_model_free(m);

    std.subtract_indoor_sports = true;
    assert_int_equal(jh_model_build(&m, c, &std, &w, &e), JH_OK);
    assert_close(jh_section_value(&m->sections[0], &std.indicators[ta]), 4.5,
                 1e-12);
    assert_close(jh_section_value(&m->sections[0], &std.indicators[sa]), 9.5,
                 1e-12);
    /* blank indoor area: nothing moved, no warning */
    assert_close(jh_section_value(&m->sections[1], &std.indicators[ta]), 6,
                 1e-12);
    assert_int_equal(w.count, 0);
    jh_model_free(m);

    c->schools[0].whole[JH_Q_INDOOR_SPORTS_AREA] = 700;
    assert_int_equal(jh_model_build(&m, c, &std, &w, &e), JH_ERR_DATA);
    assert_string_equal(e.cell, "Sheet1!N2");
    assert_non_null(strstr(e.message, "室内体育用房"));
    jh_county_free(c);
    jh_diags_release(&w);
    jh_table_free(t);
}

/* A CSV table keeps working from row 0 without detection (old callers). */
static void
plain_csv_unchanged(void **state)
{
    fixture f;

    (void)state;
    fixture_run(&f, HEADER "1,甲,小学,100,0,0,5,1,1,600,800,250000,3\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(f.warnings.count, 0);
    assert_int_equal(f.county->header_rows, 1);
    fixture_free(&f);
}

/* Issue 15: the names of the statistics system and of provincial forms,
 * a header broken across lines, one table for batch's county column, the
 * nearest name to a misspelt header, and the Chinese text of an error. */
static void
names_people_use(void **state)
{
    static const char *const rows[] = {
        "学校（机构）\n标识码|学校(机构)名称|办学类型|所在区县|小学在校生数|"
        "体育运动场馆\r\n面积（㎡）|教学及辅助用房面级",
        "1|甲小学|完全小学|青溪县|100|800|600",
        "2|乙学校|九年制学校|青溪县|200|900|700",
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_diags warn = JH_DIAGS_INIT;
    jh_error err;
    const char *found = NULL, *known = NULL;

    (void)state;
    assert_int_equal(import(t, &c, &warn, &err), JH_OK);
    assert_int_equal(c->columns.code, 0);
    assert_int_equal(c->columns.name, 1);
    assert_int_equal(c->columns.type, 2);
    assert_int_equal(c->columns.whole[JH_Q_SPORTS_AREA], 5);
    assert_int_equal(c->schools[0].type, JH_TYPE_PRIMARY);
    assert_int_equal(c->schools[1].type, JH_TYPE_NINE_YEAR);
    assert_string_equal(c->name, "青溪县");
    assert_true(jh_county_suggest(c, "teaching_area", &found, &known));
    assert_string_equal(found, "教学及辅助用房面级");
    assert_string_equal(known, "教学及辅助用房面积");
    assert_false(jh_county_suggest(c, "books", &found, &known));
    assert_true(warned(&warn, "Sheet1!G1", "did you mean"));
    assert_string_equal(jh_school_header_key("所在区县"), "county");
    assert_string_equal(jh_school_header_key("县（市、区）"), "county");
    assert_string_equal(jh_school_header_key("区县"), "county");
    assert_string_equal(jh_school_header_key("学校(机构)\n标识码"), "code");
    assert_null(jh_school_header_key("小学在校生数"));
    assert_null(jh_school_header_key("备注"));
    jh_county_free(c);
    jh_diags_release(&warn);
    jh_table_free(t);
}

static void
missing_name_teaches(void **state)
{
    static const char *const rows[] = {
        "学校代码|学校名|学校类型|小学在校生数",
        "1|甲小学|小学|100",
    };
    jh_table *t = TABLE(rows);
    jh_county *c = NULL;
    jh_error err;
    char buf[4096];

    (void)state;
    jh_error_clear(&err);
    assert_int_equal(import(t, &c, NULL, &err), JH_ERR_DATA);
    assert_null(c);
    assert_non_null(strstr(err.message, "found '学校名', did you mean "
                                        "'学校名称'?"));
    assert_non_null(strstr(err.message_zh, "找到「学校名」，是否指「学校名称」？"));
    assert_non_null(strstr(err.message_zh, "学校代码 | 学校名 | 学校类型"));
    assert_non_null(strstr(jh_error_format_lang(&err, 1, buf, sizeof(buf)),
                           "缺少必需的列「学校名称」"));
    assert_non_null(strstr(jh_error_format_lang(&err, 0, buf, sizeof(buf)),
                           "required column 学校名称"));
    jh_table_free(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_rows_are_skipped),
        cmocka_unit_test(header_not_found),
        cmocka_unit_test(two_row_merged_headers),
        cmocka_unit_test(header_mapped_once),
        cmocka_unit_test(section_under_quantity_with_units),
        cmocka_unit_test(text_numbers),
        cmocka_unit_test(header_units),
        cmocka_unit_test(bad_text_numbers),
        cmocka_unit_test(collect_every_error),
        cmocka_unit_test(check_warnings),
        cmocka_unit_test(indoor_sports_rooms),
        cmocka_unit_test(plain_csv_unchanged),
        cmocka_unit_test(names_people_use),
        cmocka_unit_test(missing_name_teaches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
