/*
 * junheng - standards as data.
 *
 * The built-in standards are the INI files in standards/, compiled in by
 * cmake/embed_standards.cmake and parsed on first use; a user's file is
 * parsed the same way, optionally starting from a built-in one
 * (`base = quality-2017`).  This file holds the built-in standards, the
 * queries, the key tables of [guarantee] and [county] and the resolving
 * of a --standard argument; reading an INI file is standard_ini.c's,
 * writing one standard_write.c's.
 */
#include "junheng/standard.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standard_keys.h"
#include "util.h"

/* Generated: { id, INI text } pairs ending with { NULL, NULL }. */
extern const struct jh__embedded_standard {
    const char *id;
    const char *text;
} jh__embedded_standards[];

#define MAX_BUILTIN 8

static jh_standard builtin[MAX_BUILTIN];
static bool builtin_ok[MAX_BUILTIN];
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void
load_builtins(void)
{
    for (size_t i = 0; i < MAX_BUILTIN && jh__embedded_standards[i].id; i++) {
        const char *t = jh__embedded_standards[i].text;
        builtin_ok[i] = jh_standard_parse(&builtin[i], t, strlen(t),
                                          jh__embedded_standards[i].id,
                                          NULL) == JH_OK;
        builtin[i].file[0] = '\0';
    }
}

size_t
jh_standard_builtin_count(void)
{
    size_t n = 0;
    while (n < MAX_BUILTIN && jh__embedded_standards[n].id != NULL)
        n++;
    return n;
}

const char *
jh_standard_builtin_id(size_t i)
{
    return i < jh_standard_builtin_count() ? jh__embedded_standards[i].id
                                           : NULL;
}

const char *
jh_standard_builtin_text(const char *id)
{
    for (size_t i = 0; i < jh_standard_builtin_count(); i++) {
        if (strcmp(jh__embedded_standards[i].id, id) == 0)
            return jh__embedded_standards[i].text;
    }
    return NULL;
}

const jh_standard *
jh_standard_builtin(const char *id)
{
    if (id == NULL)
        id = "quality-2017";
    pthread_once(&builtin_once, load_builtins);
    for (size_t i = 0; i < jh_standard_builtin_count(); i++) {
        if (strcmp(jh__embedded_standards[i].id, id) == 0)
            return builtin_ok[i] ? &builtin[i] : NULL;
    }
    return NULL;
}

int
jh_standard_find(const jh_standard *std, const char *id)
{
    for (size_t i = 0; i < std->nindicators; i++) {
        if (strcmp(std->indicators[i].id, id) == 0)
            return (int)i;
    }
    return -1;
}

bool
jh_meets(double value, double threshold)
{
    return value >= threshold - 1e-9 * fabs(threshold);
}

bool
jh_indicator_has_threshold(const jh_indicator *ind, int level)
{
    return level >= 0 && level < JH_LEVEL_COUNT &&
           !isnan(ind->threshold[level]);
}

int
jh_standard_provision_find(const jh_standard *std, const char *id)
{
    for (size_t i = 0; i < std->nprovisions; i++) {
        if (strcmp(std->provisions[i].id, id) == 0)
            return (int)i;
    }
    return -1;
}

bool
jh_standard_provision_on(const jh_standard *std, const char *id)
{
    int i = jh_standard_provision_find(std, id);
    return i >= 0 && std->provisions[i].enabled;
}

/* Provisions that the model reads as plain flags. */
void
jh__standard_sync_flags(jh_standard *std)
{
    std->subtract_indoor_sports =
        jh_standard_provision_on(std, "subtract_indoor_sports");
}

jh_status
jh_standard_set_provision(jh_standard *std, const char *id, bool enabled,
                          jh_error *err)
{
    int i = jh_standard_provision_find(std, id);
    char list[512] = "", list_zh[512] = "";

    if (i < 0) {
        for (size_t k = 0; k < std->nprovisions; k++) {
            size_t n = strlen(list), nz = strlen(list_zh);
            snprintf(list + n, sizeof(list) - n, "%s%s", k > 0 ? ", " : "",
                     std->provisions[k].id);
            snprintf(list_zh + nz, sizeof(list_zh) - nz, "%s%s",
                     k > 0 ? "、" : "", std->provisions[k].id);
        }
        if (list[0] == '\0')
            return jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                                 "标准“%s”没有条款“%s”（它没有任何条款）",
                                 "standard '%s' has no provision '%s' (it "
                                 "has: none)",
                                 std->id, id);
        return jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                             "标准“%s”没有条款“%s”（它的条款有：%.0s%s）",
                             "standard '%s' has no provision '%s' (it has: "
                             "%s%.0s)",
                             std->id, id, list, list_zh);
    }
    std->provisions[i].enabled = enabled;
    jh__standard_sync_flags(std);
    return JH_OK;
}

/* Numbers of [guarantee], by key; a share (kind 1) is at most 1. */
static const jh__limit_key guarantee_keys[] = {
#define GK(k, kind) {#k, offsetof(jh_guarantee_limits, k), kind}
    GK(school_size_max, 0),
    GK(school_size_max_combined, 0),
    GK(school_size_max_relaxed, 0),
    GK(school_size_max_combined_relaxed, 0),
    {"class_size_max_primary",
     offsetof(jh_guarantee_limits, class_size_max) +
         JH_LEVEL_PRIMARY * sizeof(double),
     0},
    {"class_size_max_junior",
     offsetof(jh_guarantee_limits, class_size_max) +
         JH_LEVEL_JUNIOR * sizeof(double),
     0},
    GK(classes_per_music_room, 0),
    GK(classes_per_art_room, 0),
    GK(music_room_min_area, 0),
    GK(art_room_min_area, 0),
    GK(music_room_min_area_pre2016, 0),
    GK(art_room_min_area_pre2016, 0),
    GK(certified_share, 1),
    GK(training_funds_share, 1),
    GK(small_school_pupils, 0),
#undef GK
};
const jh__limit_table jh__guarantee_table = {
    "guarantee", guarantee_keys,
    sizeof(guarantee_keys) / sizeof(guarantee_keys[0]),
    offsetof(jh_standard, guarantee), "0.05 for 5%", "5% 请写 0.05"};

/* Numbers of [county], by key. */
static const jh__limit_key county_keys[] = {
#define CK(k, kind) {#k, offsetof(jh_county_limits, k), kind}
#define CKL(k, field, l, kind)                                               \
    {k, offsetof(jh_county_limits, field) + (l) * sizeof(double), kind}
    CKL("public_funds_per_pupil_primary", public_funds_per_pupil,
        JH_LEVEL_PRIMARY, 0),
    CKL("public_funds_per_pupil_junior", public_funds_per_pupil,
        JH_LEVEL_JUNIOR, 0),
    CK(special_funds_per_student_min, 0),
    CK(salary_ratio_min, 0),
    CK(training_completion_min, 1),
    CK(rotation_share_min, 1),
    CK(rotation_backbone_share_min, 1),
    CKL("nearby_primary_min", nearby_min, JH_LEVEL_PRIMARY, 1),
    CKL("nearby_junior_min", nearby_min, JH_LEVEL_JUNIOR, 1),
    CK(quality_places_share_min, 1),
    CK(migrant_public_share_min, 1),
    CK(junior_retention_min, 1),
    CK(disabled_enrollment_min, 1),
    CK(monitoring_level_min, 3),
    CK(monitoring_difference_max, 1),
    CK(recognition_min, 1),
    CK(parents_recognition_min, 2),
#undef CK
#undef CKL
};
const jh__limit_table jh__county_table = {
    "county", county_keys, sizeof(county_keys) / sizeof(county_keys[0]),
    offsetof(jh_standard, county), "0.95 for 95%",
    "95% 请写 0.95"};

double *
jh__limit_field(jh_standard *s, const jh__limit_table *t, size_t i)
{
    return (double *)((char *)s + t->offset + t->keys[i].offset);
}

double
jh__limit_value(const jh_standard *s, const jh__limit_table *t, size_t i)
{
    double v;
    memcpy(&v, (const char *)s + t->offset + t->keys[i].offset, sizeof(v));
    return v;
}

jh_status
jh_standard_resolve(jh_standard *out, const char *arg, jh_error *err)
{
    const jh_standard *b = jh_standard_builtin(arg);
    char *text = NULL;
    size_t len = 0;
    jh_status st;

    if (b != NULL) {
        *out = *b;
        return JH_OK;
    }
    if (strchr(arg, '/') == NULL && strchr(arg, '.') == NULL)
        return jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                             "没有名为“%s”的内置标准（可用 junheng standards "
                             "查看），它也不是文件名；请写内置标准的名称，或"
                             "标准文件的路径",
                             "no built-in standard '%s' (see 'junheng "
                             "standards'), and it is not a file name",
                             arg);
    st = jh__read_file(arg, 1 << 20, &text, &len, err);
    if (st != JH_OK)
        return st;
    st = jh_standard_parse(out, text, len, arg, err);
    free(text);
    return st;
}
