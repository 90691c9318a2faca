/*
 * junheng - sentences that state a rule, filled from the loaded standard.
 *
 * A sentence such as "九年一贯制学校1:{w_nine_junior}" is written once, in
 * a table of labels, and every figure in it comes from the standard that
 * was loaded: a province file that changes a weight or a share changes the
 * sentence with the numbers it produces.
 */
#include "standard_text.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

typedef enum fig_form {
    F_SHORT = 0, /* shortest form: "1.1", "2000" */
    F_PERCENT,   /* share × 100, shortest form: "85" */
    F_CV,        /* two decimals: "0.50" */
    F_ROMAN,     /* monitoring level: "Ⅲ" */
    F_ROMAN_EN   /* the same in Latin letters: "III" */
} fig_form;

typedef struct fig {
    const char *name;
    size_t offset; /* of a double in jh_standard */
    fig_form form;
} fig;

#define FIG(n, member, form) {n, offsetof(jh_standard, member), form}

static const fig figs[] = {
    FIG("w_nine_junior", weight_junior_nine, F_SHORT),
    FIG("w_complete_senior", weight_senior_complete, F_SHORT),
    FIG("w_twelve_junior", weight_junior_twelve, F_SHORT),
    FIG("w_twelve_senior", weight_senior_twelve, F_SHORT),
    FIG("floor", partial_floor, F_PERCENT),
    FIG("teaching_point_min", teaching_point_min, F_SHORT),
    FIG("cv_primary", cv_limit[JH_LEVEL_PRIMARY], F_CV),
    FIG("cv_junior", cv_limit[JH_LEVEL_JUNIOR], F_CV),
    FIG("g_classes_per_room", guarantee.classes_per_music_room, F_SHORT),
    FIG("g_classes_per_art_room", guarantee.classes_per_art_room, F_SHORT),
    FIG("g_music_room_area", guarantee.music_room_min_area, F_SHORT),
    FIG("g_art_room_area", guarantee.art_room_min_area, F_SHORT),
    FIG("g_school_size", guarantee.school_size_max, F_SHORT),
    FIG("g_school_size_combined", guarantee.school_size_max_combined,
        F_SHORT),
    FIG("g_class_primary", guarantee.class_size_max[JH_LEVEL_PRIMARY],
        F_SHORT),
    FIG("g_class_junior", guarantee.class_size_max[JH_LEVEL_JUNIOR],
        F_SHORT),
    FIG("g_small_school", guarantee.small_school_pupils, F_SHORT),
    FIG("g_certified", guarantee.certified_share, F_PERCENT),
    FIG("g_training_funds", guarantee.training_funds_share, F_PERCENT),
    FIG("c_special_funds", county.special_funds_per_student_min, F_SHORT),
    FIG("c_training", county.training_completion_min, F_PERCENT),
    FIG("c_rotation", county.rotation_share_min, F_PERCENT),
    FIG("c_rotation_backbone", county.rotation_backbone_share_min,
        F_PERCENT),
    FIG("c_nearby_primary", county.nearby_min[JH_LEVEL_PRIMARY], F_PERCENT),
    FIG("c_nearby_junior", county.nearby_min[JH_LEVEL_JUNIOR], F_PERCENT),
    FIG("c_quality_places", county.quality_places_share_min, F_PERCENT),
    FIG("c_migrant", county.migrant_public_share_min, F_PERCENT),
    FIG("c_retention", county.junior_retention_min, F_PERCENT),
    FIG("c_disabled", county.disabled_enrollment_min, F_PERCENT),
    FIG("c_recognition", county.recognition_min, F_PERCENT),
    FIG("c_monitoring_level", county.monitoring_level_min, F_ROMAN),
    FIG("c_monitoring_level_en", county.monitoring_level_min, F_ROMAN_EN),
    FIG("c_monitoring_difference", county.monitoring_difference_max,
        F_SHORT),
};

/* @p v in its shortest form: ten decimals, trailing zeros and point
 * dropped ("100.0000000000" → "100", "1.1000000000" → "1.1"). */
static const char *
shortest(double v, char *buf, size_t size)
{
    char *point, *last;

    jh__fmt_fixed(v, 10, buf, size);
    point = strchr(buf, '.');
    if (point != NULL) {
        last = buf + strlen(buf) - 1;
        while (last > point && *last == '0')
            *last-- = '\0';
        if (last == point)
            *last = '\0';
    }
    return buf;
}

/* The text of figure @p f of @p std into @p buf. */
static const char *
fig_text(const jh_standard *std, const fig *f, char *buf, size_t size)
{
    static const char *const roman[] = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"};
    static const char *const latin[] = {"I", "II", "III", "IV", "V"};
    double v;

    memcpy(&v, (const char *)std + f->offset, sizeof(v));
    if (isnan(v))
        return "—";
    switch (f->form) {
    case F_PERCENT:
        return shortest(v * 100.0, buf, size);
    case F_CV:
        return jh__fmt_fixed(v, 2, buf, size);
    case F_ROMAN:
    case F_ROMAN_EN:
        if (v >= 1 && v <= 5 && v == floor(v))
            return (f->form == F_ROMAN ? roman : latin)[(int)v - 1];
        return shortest(v, buf, size);
    case F_SHORT:
    default:
        return shortest(v, buf, size);
    }
}

/* The text of the figure named by the @p len bytes at @p name into @p buf,
 * or NULL when no figure has that name. */
static const char *
named_text(const jh_standard *std, const char *name, size_t len, char *buf,
           size_t size)
{
    if (len == 7 && strncmp(name, "min_met", len) == 0) {
        snprintf(buf, size, "%zu", std->min_met);
        return buf;
    }
    if (len == 10 && strncmp(name, "indicators", len) == 0) {
        snprintf(buf, size, "%zu", std->nindicators);
        return buf;
    }
    if (len == 4 && strncmp(name, "rest", len) == 0) {
        snprintf(buf, size, "%zu", std->nindicators > std->min_met
                                       ? std->nindicators - std->min_met
                                       : (size_t)0);
        return buf;
    }
    for (size_t i = 0; i < sizeof(figs) / sizeof(figs[0]); i++) {
        if (strlen(figs[i].name) == len &&
            strncmp(figs[i].name, name, len) == 0)
            return fig_text(std, &figs[i], buf, size);
    }
    return NULL;
}

char *
jh__rule_text(const jh_standard *std, const char *tmpl, char *buf,
              size_t size)
{
    size_t o = 0;

    if (size == 0)
        return buf;
    for (const char *p = tmpl; *p != '\0' && o + 1 < size;) {
        const char *close = *p == '{' ? strchr(p + 1, '}') : NULL;
        char num[64];
        const char *v = close == NULL
                            ? NULL
                            : named_text(std, p + 1, (size_t)(close - p - 1),
                                         num, sizeof(num));
        if (v != NULL) {
            size_t vlen = strlen(v);
            if (vlen > size - 1 - o)
                vlen = size - 1 - o;
            memcpy(buf + o, v, vlen);
            o += vlen;
            p = close + 1;
            continue;
        }
        buf[o++] = *p++;
    }
    buf[o] = '\0';
    return buf;
}
