/*
 * junheng - the costs reader (include/junheng/costs.h): unit costs of the
 * quantities a plan may add, from "KEY=YUAN" options or a CSV file of
 * "key,yuan_per_unit" rows.
 */
#include "junheng/costs.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "junheng/csv.h"
#include "util.h"

void
jh_plan_costs_init(jh_plan_costs *c)
{
    for (int q = 0; q < JH_Q_COUNT; q++)
        c->per_unit[q] = NAN;
    /* Equipment value is counted in yuan: a yuan of it costs a yuan. */
    c->per_unit[JH_Q_EQUIPMENT_VALUE] = 1.0;
    c->given = false;
}

/* Quantity named @p key (English key or Chinese name), or -1. */
static int
quantity_by_name(const char *key)
{
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (strcmp(key, jh_quantity_key((jh_quantity)q)) == 0 ||
            strcmp(key, jh_quantity_zh((jh_quantity)q)) == 0)
            return q;
    }
    return -1;
}

/* Set the cost of @p key to the number in @p text; the message of a
 * failure is left in @p err without a location. */
static jh_status
set_cost(jh_plan_costs *c, const char *key, const char *text, jh_error *err)
{
    int q = quantity_by_name(key);
    jh__number v;

    if (q < 0)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "未知的单价项目“%s”（可用：高于规定学历教师数 "
                             "degree_teachers、县级以上骨干教师数 "
                             "backbone_teachers、体育艺术专任教师数 "
                             "pe_art_teachers、教学及辅助用房面积 "
                             "teaching_area、体育运动场馆面积 sports_area、"
                             "教学仪器设备值 equipment_value、网络多媒体教室数 "
                             "multimedia_rooms）",
                             "unknown cost key '%s' (degree_teachers, "
                            "backbone_teachers, pe_art_teachers, "
                            "teaching_area, sports_area, equipment_value, "
                            "multimedia_rooms)",
                            key);
    if (!jh__parse_number(text, 0, &v) || v.value < 0)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "%s 的单价须为不小于 0 的数字（单位：元），"
                             "现为“%s”",
                             "cost of %s must be a non-negative number of "
                            "yuan, not '%s'",
                            key, text);
    c->per_unit[q] = v.value;
    c->given = true;
    return JH_OK;
}

jh_status
jh_plan_costs_set(jh_plan_costs *c, const char *spec, jh_error *err)
{
    const char *eq = strchr(spec, '=');
    char key[128], value[128];
    size_t n;

    if (eq == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "单价“%s”的写法不对：应写成 项目=元，"
                             "如 teaching_area=3000",
                             "cost '%s' is not KEY=YUAN", spec);
    n = (size_t)(eq - spec);
    if (n >= sizeof(key) || strlen(eq + 1) >= sizeof(value))
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "单价“%.60s...”太长", "cost '%.60s...' is too long",
                             spec);
    memcpy(key, spec, n);
    key[n] = '\0';
    snprintf(value, sizeof(value), "%s", eq + 1);
    return set_cost(c, jh__trim(key), jh__trim(value), err);
}

jh_status
jh_plan_costs_read(jh_plan_costs *c, const char *path, jh_error *err)
{
    jh_table *t = NULL;
    jh_status st = jh_csv_read_file(&t, path, NULL, err);
    bool any = false;

    if (st != JH_OK)
        return st;
    for (size_t r = 0; r < t->nrows && st == JH_OK; r++) {
        char key[128], value[128];
        jh__number v;
        snprintf(key, sizeof(key), "%s", jh_table_cell(t, r, 0));
        snprintf(value, sizeof(value), "%s", jh_table_cell(t, r, 1));
        jh__trim(key);
        jh__trim(value);
        if (key[0] == '\0' && value[0] == '\0')
            continue;
        /* A header such as "key,yuan_per_unit" before the first cost. */
        if (!any && !jh__parse_number(value, 0, &v) &&
            quantity_by_name(key) < 0)
            continue;
        any = true;
        st = set_cost(c, key, value, err);
        if (st != JH_OK) {
            /* The reason, in both languages, at the cell it is about. */
            jh_table_locate(t, r, quantity_by_name(key) < 0 ? 0 : 1, err);
            st = JH_ERR_DATA;
        }
    }
    jh_table_free(t);
    return st;
}
