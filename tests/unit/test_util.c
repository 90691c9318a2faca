/* junheng tests - the number reader, trimming and big buffers (util.c);
 * output folders (outdir.c). */
#define _GNU_SOURCE
#include "helpers.h"

#include <locale.h>
#include <stdint.h>

#include "util.h"
#include "junheng/outdir.h"

/* strtod in the C locale: what jh__parse_double must agree with. */
static double
c_strtod(const char *s)
{
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    double v = strtod_l(s, NULL, c);
    freelocale(c);
    return v;
}

static void
assert_same_double(const char *text, double want)
{
    double got = -12345.0;
    if (!jh__parse_double(text, &got))
        fail_msg("'%s' was refused", text);
    if (memcmp(&got, &want, sizeof(got)) != 0)
        fail_msg("'%s' read as %.17g, strtod gives %.17g", text, got, want);
}

/* Hand-picked numbers, the plain ones and the ones that need strtod. */
static void
numbers_as_strtod_reads_them(void **state)
{
    static const char *const ok[] = {
        "0", "-0", "+7", "1234", "5234.5", "0.1", "0.3", "3.", ".5",
        " 42\t", "0.05", "1e3", "2.5E-3", "123456789012345",
        /* 16 and 17 significant digits: past the fast path */
        "1234567890123456", "0.12345678901234567",
        /* 22 decimals (the most the fast path takes) and 23 */
        "0.0000000000000000000001", "1.0000000000000000000001",
        "0.00000000000000000000001", "9007199254740993",
        "000000000000000000000000012.5", "1.7976931348623157e308"};
    static const char *const bad[] = {"", " ", "+", "-", ".", "abc", "nan",
                                      "inf", "0x10", "1,5", "1 2", "1e",
                                      "1e999", "12a", "--1"};
    double v;

    (void)state;
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        assert_same_double(ok[i], c_strtod(ok[i]));
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (jh__parse_double(bad[i], &v))
            fail_msg("'%s' was read as %.17g", bad[i], v);
    }
    /* The sign of zero survives. */
    assert_true(jh__parse_double("-0.0", &v));
    assert_true(signbit(v));
}

/* 200,000 random decimals of 1 to 18 digits with 0 to 24 decimals: every
 * one reads as the same double as strtod's, bit for bit. */
static void
random_decimals_match_strtod(void **state)
{
    uint64_t x = 0x9E3779B97F4A7C15ull;
    char text[64];

    (void)state;
    for (int n = 0; n < 200000; n++) {
        int digits, decimals, k = 0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        digits = 1 + (int)(x % 18);
        decimals = (int)((x >> 8) % 25);
        if ((x >> 20) & 1)
            text[k++] = '-';
        for (int d = 0; d < digits + decimals && d < 40; d++) {
            if (d == digits)
                text[k++] = '.';
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text[k++] = (char)('0' + x % 10);
        }
        text[k] = '\0';
        assert_same_double(text, c_strtod(text));
    }
}

static void
trim_span_and_blank(void **state)
{
    size_t len = 99;
    const char *s = " \t\xE3\x80\x80 学校 A\xE3\x80\x80\r\n";
    const char *start = jh__trim_span(s, &len);
    char buf[32] = "  x y \t";

    (void)state;
    assert_int_equal(len, strlen("学校 A"));
    assert_memory_equal(start, "学校 A", len);
    start = jh__trim_span(" \t ", &len);
    assert_int_equal(len, 0);
    assert_string_equal(jh__trim(buf), "x y");
    assert_true(jh__is_blank(" \t\r\n"));
    assert_true(jh__is_blank(""));
    assert_false(jh__is_blank(" x "));
}

/* Big buffers keep their bytes when they grow, and tables grow across
 * the size where their rows become one. */
static void
big_buffers_and_table_rows(void **state)
{
    size_t n = (size_t)5 << 20;
    unsigned char *p = jh__big_alloc(n), *q;
    jh_table *t = NULL;

    (void)state;
    assert_non_null(p);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 31u);
    q = jh__big_realloc(p, n, 3 * n);
    assert_non_null(q);
    for (size_t i = 0; i < n; i++) {
        if (q[i] != (unsigned char)(i * 31u))
            fail_msg("byte %zu lost when the buffer grew", i);
    }
    q[3 * n - 1] = 1;
    jh__big_free(q);
    jh__big_free(NULL);

    assert_int_equal(jh_table_new(&t, "big.csv", NULL), JH_OK);
    for (size_t i = 0; i < 100000; i++) {
        char cell[32];
        const char *cells[2] = {cell, "x"};
        size_t lens[2];
        snprintf(cell, sizeof(cell), "%zu", i);
        lens[0] = strlen(cell);
        lens[1] = 1;
        assert_int_equal(
            jh_table_append_copy(t, cells, lens, 2, (long)i + 1), JH_OK);
    }
    assert_true(t->rows_big); /* 100,000 rows are past 1 MiB */
    assert_int_equal(t->nrows, 100000);
    assert_string_equal(jh_table_cell(t, 0, 0), "0");
    assert_string_equal(jh_table_cell(t, 99999, 0), "99999");
    assert_string_equal(jh_table_cell(t, 54321, 1), "x");
    assert_int_equal(t->rows[77777].line, 77778);
    jh_table_free(t);
}

/* An error built from its own message and file (a caller wrapping the
 * callee's error in the same struct) keeps both: jh_error_set formats
 * before it clears. */
static void
error_set_from_itself(void **state)
{
    jh_error e;

    (void)state;
    jh_error_set2(&e, JH_ERR_STATS, "f.csv", 3, 0, "加权平均值%s",
                  "weighted mean is %s", "NaN");
    /* Each text takes its own language of the inner one ("%.0s"). */
    assert_int_equal(jh_error_set2(&e, JH_ERR_INTERNAL, e.file, e.line, 0,
                                   "初中 %s：%.0s%s", "junior %s: %s%.0s",
                                   "teaching_area", e.message, e.message_zh),
                     JH_ERR_INTERNAL);
    assert_string_equal(e.message, "junior teaching_area: weighted mean is NaN");
    assert_string_equal(e.message_zh, "初中 teaching_area：加权平均值NaN");
    assert_string_equal(e.file, "f.csv");
    assert_int_equal(e.line, 3);
}

/* Write @p text to the staged file @p name of @p d. */
static void
stage(jh_outdir *d, const char *name, const char *text)
{
    char *path = jh_outdir_path(d, name);
    FILE *f = path != NULL ? fopen(path, "w") : NULL;

    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

/* An empty folder name is refused (mkdir_p read past it); a commit
 * records what it wrote, exactly; a second open of a folder in use is
 * refused; the recorded names are what batch skips as inputs. */
static void
outdir_manifest_and_lock(void **state)
{
    char tmpl[] = "/tmp/jh-outdir-XXXXXX";
    char *root = mkdtemp(tmpl), *path, *text = NULL, *cmd;
    jh_outdir_options o = JH_OUTDIR_OPTIONS_INIT;
    jh_outdir *d = NULL, *second = NULL;
    jh_error err;
    char **names = NULL;
    size_t n = 0, len = 0;

    (void)state;
    assert_non_null(root);
    assert_int_equal(jh_outdir_open(&d, "", NULL, &err), JH_ERR_ARG);
    assert_null(d);
    assert_string_equal(err.message, "the output folder name is empty");
    assert_non_null(strstr(err.message_zh, "输出文件夹的名称是空的"));
    o.kind = "analyze";
    assert_int_equal(jh_outdir_open(&d, root, &o, &err), JH_OK);
    assert_int_equal(jh_outdir_open(&second, root, &o, &err), JH_ERR_IO);
    assert_non_null(strstr(err.message, "in use"));
    assert_non_null(strstr(err.message_zh, "输出文件夹正被另一次 junheng "
                                           "运行使用，未作任何改动"));
    stage(d, "report.json", "{}\n");
    stage(d, "charts/b.png", "png");
    stage(d, ".scratch", "not an output");
    assert_int_equal(jh_outdir_commit(d, &err), JH_OK);
    path = jh__asprintf("%s/" JH_OUTDIR_MANIFEST, root);
    assert_int_equal(jh__read_file(path, 1 << 20, &text, &len, &err), JH_OK);
    assert_string_equal(text, "# junheng: the files and folders junheng "
                              "wrote here; it replaces only these\n"
                              "analyze charts/\n"
                              "analyze charts/b.png\n"
                              "analyze report.json\n");
    free(text);
    free(path);
    assert_int_equal(jh_outdir_owned_names(root, &names, &n, &err), JH_OK);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "charts");
    assert_string_equal(names[1], "report.json");
    jh_outdir_names_free(names, n);
    path = jh__asprintf("%s/charts", root);
    assert_int_equal(jh_outdir_owned_names(path, &names, &n, &err), JH_OK);
    assert_int_equal(n, 1);
    assert_string_equal(names[0], "b.png");
    jh_outdir_names_free(names, n);
    free(path);
    cmd = jh__asprintf("rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

/* File names for showing: UTF-8 kept, GBK parts decoded, the rest \xHH. */
static void
display_names(void **state)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"/tmp/青溪县.csv", "/tmp/青溪县.csv"},
        {"/tmp/\xc7\xe0\xcf\xaa\xcf\xd8.csv", "/tmp/青溪县.csv"},
        /* A UTF-8 folder and a GBK file: each part on its own. */
        {"/数据/\xc7\xe0\xcf\xaa\xcf\xd8.csv", "/数据/青溪县.csv"},
        {"a/\xff\xfe"
         "bad.csv",
         "a/\\xFF\\xFEbad.csv"},
        /* Not GB18030 (0xFF), with valid UTF-8 kept beside the escapes. */
        {"\xff青", "\\xFF青"},
        {"", ""},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *s = jh__display_name(cases[i].in);
        assert_non_null(s);
        assert_string_equal(s, cases[i].out);
        free(s);
    }
}

/* XML 1.0 text: C0 controls shown as \u00XX, cut to the buffer. */
static void
xml_visible_text(void **state)
{
    char a[32] = "ev\x1b[2Jil\tok";
    char b[10] = "ab\x1b\x1b";
    char c[16] = "青\x01";
    (void)state;
    jh__xml_visible(a, sizeof(a));
    assert_string_equal(a, "ev\\u001b[2Jil\tok");
    /* "ab" + two escapes (12) does not fit in 10: only what fits. */
    jh__xml_visible(b, sizeof(b));
    assert_string_equal(b, "ab\\u001b");
    jh__xml_visible(c, sizeof(c));
    assert_string_equal(c, "青\\u0001");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_as_strtod_reads_them),
        cmocka_unit_test(random_decimals_match_strtod),
        cmocka_unit_test(trim_span_and_blank),
        cmocka_unit_test(big_buffers_and_table_rows),
        cmocka_unit_test(error_set_from_itself),
        cmocka_unit_test(outdir_manifest_and_lock),
        cmocka_unit_test(display_names),
        cmocka_unit_test(xml_visible_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
