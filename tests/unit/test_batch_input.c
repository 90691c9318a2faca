/* junheng tests - a batch's input: the thread pool's first failure, and
 * grouping rows by county and year (include/junheng/batch_input.h). */
#define _GNU_SOURCE /* mkdtemp */
#include "helpers.h"

#include <stdio.h>
#include <unistd.h>

#include "junheng/batch_input.h"
#include "junheng/pool.h"

/* Fails at items 3 and 7, each with its index in the message. */
static jh_status
fail_at_3_and_7(void *data, size_t i, jh_error *err)
{
    (void)data;
    if (i == 3 || i == 7)
        return jh_error_set2(err, JH_ERR_DATA, NULL, 0, 0, "第 %zu 项",
                             "item %zu", i);
    return JH_OK;
}

/* The lowest failing item's error, whatever the number of threads. */
static void
pool_first_failure(void **state)
{
    (void)state;
    for (unsigned jobs = 1; jobs <= 4; jobs++) {
        jh_error e;
        size_t failed = 0;
        jh_error_clear(&e);
        assert_int_equal(jh_pool_run(10, jobs, fail_at_3_and_7, NULL, NULL,
                                     NULL, &failed, &e),
                         JH_ERR_DATA);
        assert_int_equal(failed, 3);
        assert_string_equal(e.message, "item 3");
        assert_string_equal(e.message_zh, "第 3 项");
    }
}

/* Write @p text to a new file named like @p name in a temporary folder;
 * returns its malloc'd path. */
static char *
write_temp(const char *name, const char *text)
{
    char dir[] = "/tmp/jh-batch-input-XXXXXX";
    char *path;
    FILE *f;

    assert_non_null(mkdtemp(dir));
    path = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(path);
    snprintf(path, strlen(dir) + strlen(name) + 2, "%s/%s", dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void
remove_temp(char *path)
{
    char *slash = strrchr(path, '/');

    unlink(path);
    *slash = '\0';
    rmdir(path);
    free(path);
}

/*
 * Counties in order of first appearance, each county's years ascending;
 * a row without a code and a county goes with the row above; the
 * template's example rows are no county's, with one warning.
 */
static void
groups_by_county_and_year(void **state)
{
    char *path = write_temp("all.csv", "县区,年份,学校代码,学校名称,学校类型\n"
                                       "乙县,2023,1,乙一小,小学\n"
                                       "甲县,2023,2,甲一小,小学\n"
                                       "乙县,2022,3,乙二小,小学\n"
                                       ",,,合计,\n"
                                       "示例县,2023,示例,示例小学,小学\n"
                                       "甲县,2023,4,甲二小,小学\n");
    const char *paths[] = {path};
    jh_batch_input *in = NULL;
    jh_error e;
    char label[64];

    (void)state;
    assert_int_equal(jh_batch_input_read(&in, paths, 1, NULL, &e), JH_OK);
    assert_int_equal(in->ncounties, 2);
    assert_string_equal(in->counties[0], "乙县");
    assert_string_equal(in->counties[1], "甲县");
    assert_true(in->has_years);
    assert_int_equal(in->ngroups, 3);
    assert_string_equal(jh_batch_input_label(in, 0, label, sizeof(label)),
                        "乙县 2022");
    assert_int_equal(in->groups[0].nrows, 2); /* with the total row */
    assert_int_equal(in->groups[0].first_line, 4);
    assert_string_equal(jh_batch_input_label(in, 1, label, sizeof(label)),
                        "乙县 2023");
    assert_int_equal(in->groups[1].nrows, 1);
    assert_string_equal(jh_batch_input_label(in, 2, label, sizeof(label)),
                        "甲县 2023");
    assert_int_equal(in->groups[2].nrows, 2);
    assert_int_equal(in->warnings.count, 1);
    assert_int_equal(in->warnings.items[0].line, 6);
    jh_batch_input_free(in);
    remove_temp(path);
}

/* In a text file a blank county in a row with a code is an error at its
 * cell. */
static void
blank_county_is_an_error(void **state)
{
    char *path = write_temp("blank.csv", "县区,学校代码,学校名称,学校类型\n"
                                         "甲县,1,甲一小,小学\n"
                                         ",2,甲二小,小学\n");
    const char *paths[] = {path};
    jh_batch_input *in = NULL;
    jh_error e;

    (void)state;
    jh_error_clear(&e);
    assert_int_equal(jh_batch_input_read(&in, paths, 1, NULL, &e), JH_ERR_DATA);
    assert_null(in);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 1);
    assert_non_null(strstr(e.message, "county (县区) is blank"));
    remove_temp(path);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pool_first_failure),
        cmocka_unit_test(groups_by_county_and_year),
        cmocka_unit_test(blank_county_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
